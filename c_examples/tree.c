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

/* ---- checking helpers (the same in every example) ---------------------------------------- */

/* Which copy is being checked, for the messages. */
static const char *stage = "build";

#define FAIL(...)                                                                    \
  do {                                                                               \
    fprintf(stderr, "%s:%d [%s]: ", __FILE__, __LINE__, stage);                      \
    fprintf(stderr, __VA_ARGS__);                                                    \
    fputc('\n', stderr);                                                             \
    goto cleanup;                                                                    \
  } while (0)

/* A vtkwire call that must succeed. */
#define CHECK(call)                                                                  \
  do {                                                                               \
    vtkwire_status st_ = (call);                                                     \
    if (st_ != VTKWIRE_STATUS_OK)                                                    \
      FAIL("%s -> %s: %s", #call, vtkwire_status_str(st_), vtkwire_last_error());     \
  } while (0)

/* A vtkwire call that must fail with `code` and leave a message in vtkwire_last_error(). */
#define EXPECT_ERROR(call, code)                                                     \
  do {                                                                               \
    vtkwire_status st_ = (call);                                                     \
    if (st_ != (code))                                                               \
      FAIL("%s -> %s, expected %s", #call, vtkwire_status_str(st_),                  \
           vtkwire_status_str(code));                                                \
    if (vtkwire_last_error()[0] == '\0') FAIL("%s: vtkwire_last_error() is empty", #call); \
    printf("expected error from %.40s...: %s\n", #call, vtkwire_last_error());        \
  } while (0)

#define EXPECT(cond)                                                                 \
  do {                                                                               \
    if (!(cond)) FAIL("expected %s", #cond);                                         \
  } while (0)

/* Compares an API name (pointer + length, not NUL-terminated) with a C string. */
static int same_name(const char *name, size_t len, const char *expected)
{
  return name != NULL && len == strlen(expected) && memcmp(name, expected, len) == 0;
}

/* Finds array `name` in the `assoc` data of `obj` and compares element type, tuples,
 * components, name and values (bit-exact, with memcmp). */
static int check_array(const vtkwire_object *obj, int32_t assoc, const char *name, int32_t type,
                       size_t ntuples, int32_t ncomponents, const void *values, size_t nbytes)
{
  int rc = 1;
  const vtkwire_array *array = NULL;
  int32_t got_type = 0, got_ncomponents = 0;
  size_t got_ntuples = 0, name_len = 0, data_len = 0;
  const char *got_name = NULL;
  const void *data = NULL;

  CHECK(vtkwire_object_array_by_name(obj, assoc, name, &array));
  CHECK(vtkwire_array_info(array, &got_type, &got_ntuples, &got_ncomponents));
  if (got_type != type || got_ntuples != ntuples || got_ncomponents != ncomponents)
    FAIL("array \"%s\": type %d, %zu x %d; expected type %d, %zu x %d", name, (int)got_type,
         got_ntuples, (int)got_ncomponents, (int)type, ntuples, (int)ncomponents);
  CHECK(vtkwire_array_name(array, &got_name, &name_len));
  if (!same_name(got_name, name_len, name))
    FAIL("array name \"%.*s\", expected \"%s\"", (int)name_len, got_name ? got_name : "", name);
  CHECK(vtkwire_array_data(array, &data, &data_len));
  if (data_len != nbytes || memcmp(data, values, nbytes) != 0)
    FAIL("array \"%s\": values differ (%zu bytes, expected %zu)", name, data_len, nbytes);
  rc = 0;
cleanup:
  return rc;
}

/* Checks a string array value by value. */
static int check_strings(const vtkwire_object *obj, int32_t assoc, const char *name,
                         const char *const *values, size_t nvalues)
{
  int rc = 1;
  const vtkwire_array *array = NULL;
  int32_t type = 0, ncomponents = 0;
  size_t ntuples = 0;

  CHECK(vtkwire_object_array_by_name(obj, assoc, name, &array));
  CHECK(vtkwire_array_info(array, &type, &ntuples, &ncomponents));
  EXPECT(type == VTKWIRE_TYPE_STRING && ntuples == nvalues && ncomponents == 1);
  for (size_t i = 0; i < nvalues; ++i) {
    const char *value = NULL;
    size_t len = 0;
    CHECK(vtkwire_array_string(array, i, &value, &len));
    if (!same_name(value, len, values[i]))
      FAIL("%s[%zu] = \"%.*s\", expected \"%s\"", name, i, (int)len, value, values[i]);
  }
  rc = 0;
cleanup:
  return rc;
}

/* Checks that the active `role` array of the `assoc` data is the one named `name`. */
static int check_active(const vtkwire_object *obj, int32_t assoc, int32_t role, const char *name)
{
  int rc = 1;
  const vtkwire_array *array = NULL;
  const char *got = NULL;
  size_t len = 0;

  CHECK(vtkwire_object_active_array(obj, assoc, role, &array));
  CHECK(vtkwire_array_name(array, &got, &len));
  if (!same_name(got, len, name))
    FAIL("active role %d is \"%.*s\", expected \"%s\"", (int)role, (int)len, got ? got : "", name);
  rc = 0;
cleanup:
  return rc;
}

typedef int (*check_fn)(const vtkwire_object *obj);

/* Runs `check` on every copy: the original, the unmarshaled bytes (which must marshal to the
 * same bytes again) and legacy .vtk files written and read back, binary and ASCII. */
static int check_copies(const vtkwire_object *obj, check_fn check, const char *vtk_path)
{
  int rc = 1;
  uint8_t *bytes = NULL, *bytes_again = NULL;
  size_t len = 0, len_again = 0, size = 0;
  vtkwire_object *copy = NULL, *from_file = NULL;

  stage = "original";
  CHECK(vtkwire_object_validate(obj));
  if (check(obj) != 0) goto cleanup;

  stage = "marshal";
  CHECK(vtkwire_marshal(obj, &bytes, &len));
  CHECK(vtkwire_marshaled_size(obj, &size));
  EXPECT(len > 0 && size == len);
  CHECK(vtkwire_unmarshal(bytes, len, &copy));
  stage = "unmarshaled copy";
  EXPECT(copy != NULL);
  CHECK(vtkwire_object_validate(copy));
  if (check(copy) != 0) goto cleanup;
  CHECK(vtkwire_marshal(copy, &bytes_again, &len_again));
  EXPECT(len_again == len && memcmp(bytes_again, bytes, len) == 0);
  printf("marshaled: %zu bytes, unmarshaled copy identical\n", len);

  for (int binary = 1; binary >= 0; --binary) {
    stage = binary ? "legacy binary file" : "legacy ASCII file";
    CHECK(vtkwire_legacy_write(obj, vtk_path, binary));
    CHECK(vtkwire_legacy_read(vtk_path, &from_file));
    CHECK(vtkwire_object_validate(from_file));
    if (check(from_file) != 0) goto cleanup;
    vtkwire_object_free(from_file);
    from_file = NULL;
    printf("%s %s: identical\n", stage, vtk_path);
  }
  rc = 0;
cleanup:
  vtkwire_bytes_free(bytes, len);
  vtkwire_bytes_free(bytes_again, len_again);
  vtkwire_object_free(copy);
  vtkwire_object_free(from_file);
  return rc;
}

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
