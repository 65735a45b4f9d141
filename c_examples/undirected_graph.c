/* undirected_graph.c — a vtkUndirectedGraph through the vtkwire C API.
 *
 * A graph has vertices 0..n-1 and edges given as (source, target) pairs in edge-id order;
 * for an undirected graph (source, target) is just the order the two ends were given in.
 * Points are optional: this one has none. It builds 5 vertices and 6 edges (a square with a
 * diagonal, and vertex 4 alone with a self loop), vertex and edge arrays of several types
 * (Unicode-named scalars, string pedigree ids, a bit array), reads everything back, then
 * checks the marshaled/unmarshaled copy and legacy .vtk files (binary and ASCII).
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

/* ---- the graph ---------------------------------------------------------------------------- */

#define NVERTICES 5
#define NEDGES 6

static const int64_t edges[2 * NEDGES] = {
    0, 1,  1, 2,  2, 3,  3, 0, /* a square */
    2, 0,                      /* its diagonal, given "backwards" */
    4, 4,                      /* a self loop on vertex 4 */
};

static const float temperature[NVERTICES] = {10.5f, 11.25f, -3.0f, 0.0f, 99.875f};
static const char *const label[NVERTICES] = {"nord", "est", "sud", "ouest", "île"};
static const double weight[NEDGES] = {1.0, 0.5, 0.25, 2.0, 1e-9, -1.0};
static const int64_t edge_gid[NEDGES] = {100, 101, 102, 103, 104, 105};
static const uint8_t is_border_bits[1] = {0xF0}; /* 1 1 1 1 0 0 */
static const int16_t year[1] = {2024};

static int check_graph(const vtkwire_object *graph)
{
  int rc = 1;
  size_t n = 0;
  const int64_t *got_edges = NULL;
  const vtkwire_array *points = NULL;

  EXPECT(vtkwire_object_type(graph) == VTKWIRE_OBJECT_UNDIRECTED_GRAPH);
  EXPECT(strcmp(vtkwire_object_class_name(graph), "vtkUndirectedGraph") == 0);
  CHECK(vtkwire_object_count(graph, VTKWIRE_ASSOCIATION_VERTEX, &n));
  EXPECT(n == NVERTICES);
  CHECK(vtkwire_object_count(graph, VTKWIRE_ASSOCIATION_EDGE, &n));
  EXPECT(n == NEDGES);
  CHECK(vtkwire_graph_edges(graph, &got_edges, &n));
  EXPECT(n == NEDGES && memcmp(got_edges, edges, sizeof edges) == 0);
  /* No points were set. */
  if (vtkwire_object_points(graph, &points) != VTKWIRE_STATUS_NOT_FOUND || points != NULL)
    FAIL("the graph has points; none were set");

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
      check_array(graph, VTKWIRE_ASSOCIATION_EDGE, "is border", VTKWIRE_TYPE_BIT, NEDGES, 1,
                  is_border_bits, sizeof is_border_bits) ||
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

  CHECK(vtkwire_undirected_graph_new(NVERTICES, edges, NEDGES, &graph));

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
  CHECK(vtkwire_object_add_array_data(graph, VTKWIRE_ASSOCIATION_EDGE, "is border",
                                      VTKWIRE_TYPE_BIT, is_border_bits, NEDGES, 1, NULL));
  CHECK(vtkwire_object_set_active(graph, VTKWIRE_ASSOCIATION_EDGE, VTKWIRE_ROLE_SCALARS, "weight"));
  CHECK(vtkwire_object_set_active(graph, VTKWIRE_ASSOCIATION_EDGE, VTKWIRE_ROLE_GLOBAL_IDS,
                                  "edge id"));
  CHECK(vtkwire_object_add_array_data(graph, VTKWIRE_ASSOCIATION_FIELD, "year", VTKWIRE_TYPE_SHORT,
                                      year, 1, 1, NULL));

  CHECK(vtkwire_object_summary(graph, summary, sizeof summary, &summary_len));
  printf("%s\n", summary);

  /* Errors. */
  stage = "error paths";
  EXPECT_ERROR(vtkwire_undirected_graph_new(NVERTICES, bad_edges, 2, &bad),
               VTKWIRE_STATUS_INVALID_OBJECT); /* id out of range */
  EXPECT(bad == NULL);
  EXPECT_ERROR(vtkwire_undirected_graph_new(NVERTICES, NULL, 2, &bad), VTKWIRE_STATUS_NULL_ARGUMENT);
  EXPECT_ERROR(vtkwire_object_add_array_data(graph, VTKWIRE_ASSOCIATION_POINT, "x",
                                             VTKWIRE_TYPE_FLOAT, temperature, NVERTICES, 1, NULL),
               VTKWIRE_STATUS_WRONG_OBJECT_TYPE); /* graphs have vertex data, not point data */
  CHECK(vtkwire_object_clone(graph, &bad));
  CHECK(vtkwire_object_add_array_data(bad, VTKWIRE_ASSOCIATION_EDGE, "too short",
                                      VTKWIRE_TYPE_DOUBLE, weight, NEDGES - 1, 1, NULL));
  EXPECT_ERROR(vtkwire_object_validate(bad), VTKWIRE_STATUS_INVALID_OBJECT);

  if (check_copies(graph, check_graph, "/tmp/vtkwire_example_undirected_graph.vtk") != 0)
    goto cleanup;

  printf("undirected_graph: OK\n");
  rc = 0;
cleanup:
  vtkwire_array_free(labels);
  vtkwire_object_free(bad);
  vtkwire_object_free(graph);
  return rc;
}
