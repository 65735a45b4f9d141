/* tree.c — a vtkTree through the vtkwire C API.
 *
 * A tree is a directed graph with one root where every other vertex has exactly one parent:
 * vertices 0..n-1 and n-1 edges (parent, child) in edge-id order. This builds a 7-vertex tree
 * of depth 3 with points, vertex arrays (Unicode-named scalars, string pedigree ids, unsigned
 * chars) and edge arrays, reads everything back, then checks the marshaled/unmarshaled copy
 * and legacy .vtk files (binary and ASCII). Shapes that are not trees are rejected.
 *
 * Returns 0 on success; on any mismatch prints what differs on stderr and returns 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "vtkwire.h"

/* FAIL, CHECK, EXPECT, EXPECT_ERROR, check_array, check_strings, check_active, check_copies. */
#include "example_check.h"

/* ---- the tree ----------------------------------------------------------------------------- */

#define NVERTICES 7
#define NEDGES 6

/*        0
 *       / \
 *      1   2
 *     / \   \
 *    3   4   5
 *            |
 *            6        */
static const int64_t edges[2 * NEDGES] = {0, 1, 0, 2, 1, 3, 1, 4, 2, 5, 5, 6};
static const float xyz[NVERTICES * 3] = {0, 0, 0,  -1, -1, 0,  1, -1, 0,  -1.5f, -2, 0,
                                         -0.5f, -2, 0,  1, -2, 0,  1, -3, 0};

static const double temperature[NVERTICES] = {1, 2, 3, 4, 5, 6, 7.0009765625};
static const char *const name[NVERTICES] = {"racine", "gauche", "droite", "feuille 1",
                                            "feuille 2", "nœud", "feuille 3"};
static const uint8_t depth[NVERTICES] = {0, 1, 1, 2, 2, 2, 3};
static const float length[NEDGES] = {1.5f, 1.5f, 0.75f, 0.75f, 1.0f, 1.0f};
static const int64_t edge_gid[NEDGES] = {-1, -2, -3, -4, -5, -6};
static const uint32_t generation[1] = {7};

static int check_tree(const vtkwire_object *tree)
{
  int rc = 1;
  size_t n = 0, nbytes = 0, ntuples = 0;
  const int64_t *got_edges = NULL;
  const vtkwire_array *points = NULL;
  int32_t type = 0, ncomponents = 0;
  const void *data = NULL;

  EXPECT(vtkwire_object_type(tree) == VTKWIRE_OBJECT_TREE);
  EXPECT(strcmp(vtkwire_object_class_name(tree), "vtkTree") == 0);
  CHECK(vtkwire_object_count(tree, VTKWIRE_ASSOCIATION_VERTEX, &n));
  EXPECT(n == NVERTICES);
  CHECK(vtkwire_object_count(tree, VTKWIRE_ASSOCIATION_EDGE, &n));
  EXPECT(n == NEDGES);
  CHECK(vtkwire_graph_edges(tree, &got_edges, &n));
  EXPECT(n == NEDGES && memcmp(got_edges, edges, sizeof edges) == 0);
  CHECK(vtkwire_object_points(tree, &points));
  CHECK(vtkwire_array_info(points, &type, &ntuples, &ncomponents));
  EXPECT(type == VTKWIRE_TYPE_FLOAT && ntuples == NVERTICES && ncomponents == 3);
  CHECK(vtkwire_array_data(points, &data, &nbytes));
  EXPECT(nbytes == sizeof xyz && memcmp(data, xyz, sizeof xyz) == 0);

  CHECK(vtkwire_object_array_count(tree, VTKWIRE_ASSOCIATION_VERTEX, &n));
  EXPECT(n == 3);
  if (check_array(tree, VTKWIRE_ASSOCIATION_VERTEX, "température ρ", VTKWIRE_TYPE_DOUBLE,
                  NVERTICES, 1, temperature, sizeof temperature) ||
      check_strings(tree, VTKWIRE_ASSOCIATION_VERTEX, "name", name, NVERTICES) ||
      check_array(tree, VTKWIRE_ASSOCIATION_VERTEX, "depth", VTKWIRE_TYPE_UNSIGNED_CHAR, NVERTICES,
                  1, depth, sizeof depth) ||
      check_active(tree, VTKWIRE_ASSOCIATION_VERTEX, VTKWIRE_ROLE_SCALARS, "température ρ") ||
      check_active(tree, VTKWIRE_ASSOCIATION_VERTEX, VTKWIRE_ROLE_PEDIGREE_IDS, "name"))
    goto cleanup;

  CHECK(vtkwire_object_array_count(tree, VTKWIRE_ASSOCIATION_EDGE, &n));
  EXPECT(n == 2);
  if (check_array(tree, VTKWIRE_ASSOCIATION_EDGE, "length", VTKWIRE_TYPE_FLOAT, NEDGES, 1, length,
                  sizeof length) ||
      check_array(tree, VTKWIRE_ASSOCIATION_EDGE, "edge id", VTKWIRE_TYPE_LONG_LONG, NEDGES, 1,
                  edge_gid, sizeof edge_gid) ||
      check_active(tree, VTKWIRE_ASSOCIATION_EDGE, VTKWIRE_ROLE_GLOBAL_IDS, "edge id"))
    goto cleanup;

  CHECK(vtkwire_object_array_count(tree, VTKWIRE_ASSOCIATION_FIELD, &n));
  EXPECT(n == 1);
  if (check_array(tree, VTKWIRE_ASSOCIATION_FIELD, "generation", VTKWIRE_TYPE_UNSIGNED_INT, 1, 1,
                  generation, sizeof generation))
    goto cleanup;
  rc = 0;
cleanup:
  return rc;
}

int main(void)
{
  int rc = 1;
  vtkwire_object *tree = NULL;
  vtkwire_object *bad = NULL;
  vtkwire_array *names = NULL;
  const int64_t two_parents[6] = {0, 1, 0, 2, 1, 2}; /* vertex 2 has parents 0 and 1 */
  const int64_t cycle[6] = {0, 1, 2, 3, 3, 2};       /* 2 -> 3 -> 2: one parent each, a cycle */
  char summary[512];
  size_t summary_len = 0;

  CHECK(vtkwire_tree_new(NVERTICES, edges, NEDGES, &tree));
  CHECK(vtkwire_object_set_points(tree, VTKWIRE_TYPE_FLOAT, xyz, NVERTICES));
  CHECK(vtkwire_object_add_array_data(tree, VTKWIRE_ASSOCIATION_VERTEX, "température ρ",
                                      VTKWIRE_TYPE_DOUBLE, temperature, NVERTICES, 1, NULL));
  CHECK(vtkwire_object_set_active(tree, VTKWIRE_ASSOCIATION_VERTEX, VTKWIRE_ROLE_SCALARS,
                                  "température ρ"));
  CHECK(vtkwire_array_new_strings("name", name, NVERTICES, &names));
  CHECK(vtkwire_object_add_array(tree, VTKWIRE_ASSOCIATION_VERTEX, names, NULL));
  CHECK(vtkwire_object_set_active(tree, VTKWIRE_ASSOCIATION_VERTEX, VTKWIRE_ROLE_PEDIGREE_IDS,
                                  "name"));
  CHECK(vtkwire_object_add_array_data(tree, VTKWIRE_ASSOCIATION_VERTEX, "depth",
                                      VTKWIRE_TYPE_UNSIGNED_CHAR, depth, NVERTICES, 1, NULL));
  CHECK(vtkwire_object_add_array_data(tree, VTKWIRE_ASSOCIATION_EDGE, "length", VTKWIRE_TYPE_FLOAT,
                                      length, NEDGES, 1, NULL));
  CHECK(vtkwire_object_add_array_data(tree, VTKWIRE_ASSOCIATION_EDGE, "edge id",
                                      VTKWIRE_TYPE_LONG_LONG, edge_gid, NEDGES, 1, NULL));
  CHECK(vtkwire_object_set_active(tree, VTKWIRE_ASSOCIATION_EDGE, VTKWIRE_ROLE_GLOBAL_IDS,
                                  "edge id"));
  CHECK(vtkwire_object_add_array_data(tree, VTKWIRE_ASSOCIATION_FIELD, "generation",
                                      VTKWIRE_TYPE_UNSIGNED_INT, generation, 1, 1, NULL));

  CHECK(vtkwire_object_summary(tree, summary, sizeof summary, &summary_len));
  printf("%s\n", summary);

  /* Errors: shapes that are not trees. */
  stage = "error paths";
  EXPECT_ERROR(vtkwire_tree_new(4, two_parents, 3, &bad), VTKWIRE_STATUS_INVALID_OBJECT);
  EXPECT_ERROR(vtkwire_tree_new(4, cycle, 3, &bad), VTKWIRE_STATUS_INVALID_OBJECT);
  EXPECT_ERROR(vtkwire_tree_new(NVERTICES, edges, NEDGES - 1, &bad),
               VTKWIRE_STATUS_INVALID_OBJECT); /* 7 vertices need 6 edges */
  EXPECT_ERROR(vtkwire_tree_new(NVERTICES, edges, NEDGES, NULL), VTKWIRE_STATUS_NULL_ARGUMENT);
  EXPECT(bad == NULL);

  if (check_copies(tree, check_tree, "/tmp/vtkwire_example_tree.vtk") != 0) goto cleanup;

  printf("tree: OK\n");
  rc = 0;
cleanup:
  vtkwire_array_free(names);
  vtkwire_object_free(bad);
  vtkwire_object_free(tree);
  return rc;
}
