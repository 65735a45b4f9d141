/* directed_graph.c — a vtkDirectedGraph through the vtkwire C API.
 *
 * A graph has vertices 0..n-1 and edges given as (source, target) pairs in edge-id order;
 * optional points place the vertices; arrays live in vertex data, edge data and field data.
 * This builds 5 vertices and 6 edges (a cycle, a parallel edge, a self loop), vertex and edge
 * arrays of several types (Unicode-named scalars, string pedigree ids), reads everything back,
 * then checks the marshaled/unmarshaled copy and legacy .vtk files (binary and ASCII).
 *
 * Returns 0 on success; on any mismatch prints what differs on stderr and returns 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "vtkwire.h"

/* FAIL, CHECK, EXPECT, EXPECT_ERROR, check_array, check_strings, check_active, check_copies. */
#include "example_check.h"

/* ---- the graph ---------------------------------------------------------------------------- */

#define NVERTICES 5
#define NEDGES 6

static const int64_t edges[2 * NEDGES] = {
    0, 1,  1, 2,  2, 0, /* a directed cycle */
    0, 1,               /* a parallel edge */
    3, 4,  4, 4,        /* an edge and a self loop */
};
static const double xyz[NVERTICES * 3] = {0, 0, 0, 1, 0, 0, 0.5, 1, 0, 3, 0, 0, 4, 0, 0};

static const float temperature[NVERTICES] = {10.5f, 11.25f, -3.0f, 0.0f, 99.875f};
static const char *const label[NVERTICES] = {"a", "b", "c", "d", "é"};
static const double weight[NEDGES] = {1.0, 0.5, 0.25, 2.0, 1e-9, -1.0};
static const int64_t edge_gid[NEDGES] = {100, 101, 102, 103, 104, 105};
static const uint8_t color[NEDGES * 3] = {255, 0, 0, 0, 255, 0, 0, 0, 255,
                                          9, 9, 9, 128, 128, 0, 0, 1, 2};
static const int16_t year[1] = {2024};

static int check_graph(const vtkwire_object *graph)
{
  int rc = 1;
  size_t n = 0, nbytes = 0, ntuples = 0;
  const int64_t *got_edges = NULL;
  const vtkwire_array *points = NULL;
  int32_t type = 0, ncomponents = 0;
  const void *data = NULL;

  EXPECT(vtkwire_object_type(graph) == VTKWIRE_OBJECT_DIRECTED_GRAPH);
  EXPECT(strcmp(vtkwire_object_class_name(graph), "vtkDirectedGraph") == 0);
  CHECK(vtkwire_object_count(graph, VTKWIRE_ASSOCIATION_VERTEX, &n));
  EXPECT(n == NVERTICES);
  CHECK(vtkwire_object_count(graph, VTKWIRE_ASSOCIATION_EDGE, &n));
  EXPECT(n == NEDGES);
  CHECK(vtkwire_graph_edges(graph, &got_edges, &n));
  EXPECT(n == NEDGES && memcmp(got_edges, edges, sizeof edges) == 0);
  CHECK(vtkwire_object_points(graph, &points));
  CHECK(vtkwire_array_info(points, &type, &ntuples, &ncomponents));
  EXPECT(type == VTKWIRE_TYPE_DOUBLE && ntuples == NVERTICES && ncomponents == 3);
  CHECK(vtkwire_array_data(points, &data, &nbytes));
  EXPECT(nbytes == sizeof xyz && memcmp(data, xyz, sizeof xyz) == 0);

  CHECK(vtkwire_object_array_count(graph, VTKWIRE_ASSOCIATION_VERTEX, &n));
  EXPECT(n == 2);
  if (check_array(graph, VTKWIRE_ASSOCIATION_VERTEX, "température ρ", VTKWIRE_TYPE_FLOAT,
                  NVERTICES, 1, temperature, sizeof temperature) ||
      check_strings(graph, VTKWIRE_ASSOCIATION_VERTEX, "label", label, NVERTICES) ||
      check_active(graph, VTKWIRE_ASSOCIATION_VERTEX, VTKWIRE_ROLE_SCALARS, "température ρ") ||
      check_active(graph, VTKWIRE_ASSOCIATION_VERTEX, VTKWIRE_ROLE_PEDIGREE_IDS, "label"))
    goto cleanup;

  CHECK(vtkwire_object_array_count(graph, VTKWIRE_ASSOCIATION_EDGE, &n));
  EXPECT(n == 3);
  if (check_array(graph, VTKWIRE_ASSOCIATION_EDGE, "weight", VTKWIRE_TYPE_DOUBLE, NEDGES, 1, weight,
                  sizeof weight) ||
      check_array(graph, VTKWIRE_ASSOCIATION_EDGE, "edge id", VTKWIRE_TYPE_ID_TYPE, NEDGES, 1,
                  edge_gid, sizeof edge_gid) ||
      check_array(graph, VTKWIRE_ASSOCIATION_EDGE, "color", VTKWIRE_TYPE_UNSIGNED_CHAR, NEDGES, 3,
                  color, sizeof color) ||
      check_active(graph, VTKWIRE_ASSOCIATION_EDGE, VTKWIRE_ROLE_SCALARS, "weight") ||
      check_active(graph, VTKWIRE_ASSOCIATION_EDGE, VTKWIRE_ROLE_GLOBAL_IDS, "edge id"))
    goto cleanup;

  CHECK(vtkwire_object_array_count(graph, VTKWIRE_ASSOCIATION_FIELD, &n));
  EXPECT(n == 1);
  if (check_array(graph, VTKWIRE_ASSOCIATION_FIELD, "year", VTKWIRE_TYPE_SHORT, 1, 1, year,
                  sizeof year))
    goto cleanup;
  rc = 0;
cleanup:
  return rc;
}

int main(void)
{
  int rc = 1;
  vtkwire_object *graph = NULL;
  vtkwire_object *bad = NULL;
  vtkwire_array *labels = NULL;
  const int64_t bad_edges[4] = {0, 1, 1, 5}; /* vertex 5 does not exist */
  char summary[512];
  size_t summary_len = 0;

  CHECK(vtkwire_directed_graph_new(NVERTICES, edges, NEDGES, &graph));
  CHECK(vtkwire_object_set_points(graph, VTKWIRE_TYPE_DOUBLE, xyz, NVERTICES));

  CHECK(vtkwire_object_add_array_data(graph, VTKWIRE_ASSOCIATION_VERTEX, "température ρ",
                                      VTKWIRE_TYPE_FLOAT, temperature, NVERTICES, 1, NULL));
  CHECK(vtkwire_object_set_active(graph, VTKWIRE_ASSOCIATION_VERTEX, VTKWIRE_ROLE_SCALARS,
                                  "température ρ"));
  CHECK(vtkwire_array_new_strings("label", label, NVERTICES, &labels));
  CHECK(vtkwire_object_add_array(graph, VTKWIRE_ASSOCIATION_VERTEX, labels, NULL));
  CHECK(vtkwire_object_set_active(graph, VTKWIRE_ASSOCIATION_VERTEX, VTKWIRE_ROLE_PEDIGREE_IDS,
                                  "label"));
  CHECK(vtkwire_object_add_array_data(graph, VTKWIRE_ASSOCIATION_EDGE, "weight",
                                      VTKWIRE_TYPE_DOUBLE, weight, NEDGES, 1, NULL));
  CHECK(vtkwire_object_add_array_data(graph, VTKWIRE_ASSOCIATION_EDGE, "edge id",
                                      VTKWIRE_TYPE_ID_TYPE, edge_gid, NEDGES, 1, NULL));
  CHECK(vtkwire_object_add_array_data(graph, VTKWIRE_ASSOCIATION_EDGE, "color",
                                      VTKWIRE_TYPE_UNSIGNED_CHAR, color, NEDGES, 3, NULL));
  CHECK(vtkwire_object_set_active(graph, VTKWIRE_ASSOCIATION_EDGE, VTKWIRE_ROLE_SCALARS, "weight"));
  CHECK(vtkwire_object_set_active(graph, VTKWIRE_ASSOCIATION_EDGE, VTKWIRE_ROLE_GLOBAL_IDS,
                                  "edge id"));
  CHECK(vtkwire_object_add_array_data(graph, VTKWIRE_ASSOCIATION_FIELD, "year", VTKWIRE_TYPE_SHORT,
                                      year, 1, 1, NULL));

  CHECK(vtkwire_object_summary(graph, summary, sizeof summary, &summary_len));
  printf("%s\n", summary);

  /* Errors. */
  stage = "error paths";
  EXPECT_ERROR(vtkwire_directed_graph_new(NVERTICES, bad_edges, 2, &bad),
               VTKWIRE_STATUS_INVALID_OBJECT); /* id out of range */
  EXPECT(bad == NULL);
  EXPECT_ERROR(vtkwire_directed_graph_new(NVERTICES, NULL, 2, &bad), VTKWIRE_STATUS_NULL_ARGUMENT);
  EXPECT_ERROR(vtkwire_object_add_array_data(graph, VTKWIRE_ASSOCIATION_POINT, "x",
                                             VTKWIRE_TYPE_FLOAT, temperature, NVERTICES, 1, NULL),
               VTKWIRE_STATUS_WRONG_OBJECT_TYPE); /* graphs have vertex data, not point data */
  CHECK(vtkwire_object_clone(graph, &bad));
  CHECK(vtkwire_object_add_array_data(bad, VTKWIRE_ASSOCIATION_EDGE, "too short",
                                      VTKWIRE_TYPE_DOUBLE, weight, NEDGES - 1, 1, NULL));
  EXPECT_ERROR(vtkwire_object_validate(bad), VTKWIRE_STATUS_INVALID_OBJECT);

  if (check_copies(graph, check_graph, "/tmp/vtkwire_example_directed_graph.vtk") != 0)
    goto cleanup;

  printf("directed_graph: OK\n");
  rc = 0;
cleanup:
  vtkwire_array_free(labels);
  vtkwire_object_free(bad);
  vtkwire_object_free(graph);
  return rc;
}
