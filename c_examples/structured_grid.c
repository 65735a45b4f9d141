/* structured_grid.c — a vtkStructuredGrid through the vtkwire C API.
 *
 * A structured grid is an extent plus explicit points (as many as the extent has, x fastest).
 * This builds a curved 3 x 2 x 2-point grid with double points, point scalars (Unicode name)
 * and vectors, cell tensors and a vtkGhostType array, field data, reads everything back, then
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

/* ---- the structured grid ------------------------------------------------------------------ */

#define NPOINTS 12 /* 3 x 2 x 2 */
#define NCELLS 2   /* 2 x 1 x 1 */

static const int32_t extent[6] = {0, 2, 0, 1, 0, 1};
static double xyz[NPOINTS * 3];

static float temperature[NPOINTS];         /* "température ρ", float, active scalars */
static float displacement[NPOINTS * 3];    /* "displacement", float x3, active vectors */
static double stress[NCELLS * 9];          /* "stress", double x9, active tensors */
static const uint8_t ghost[NCELLS] = {0, 0x20}; /* "vtkGhostType": second cell hidden */
static const long step[1] = {123456789L};  /* field "step", C long */

static int check_grid(const vtkwire_object *grid)
{
  int rc = 1;
  int32_t got_extent[6];
  size_t count = 0;
  const vtkwire_array *points = NULL;
  int32_t type = 0, ncomponents = 0;
  size_t ntuples = 0, nbytes = 0;
  const void *data = NULL;

  EXPECT(vtkwire_object_type(grid) == VTKWIRE_OBJECT_STRUCTURED_GRID);
  EXPECT(strcmp(vtkwire_object_class_name(grid), "vtkStructuredGrid") == 0);
  CHECK(vtkwire_object_extent(grid, got_extent));
  EXPECT(memcmp(got_extent, extent, sizeof extent) == 0);
  CHECK(vtkwire_object_count(grid, VTKWIRE_ASSOCIATION_POINT, &count));
  EXPECT(count == NPOINTS);
  CHECK(vtkwire_object_count(grid, VTKWIRE_ASSOCIATION_CELL, &count));
  EXPECT(count == NCELLS);

  /* The points: double, 3 components, bit-exact. */
  CHECK(vtkwire_object_points(grid, &points));
  CHECK(vtkwire_array_info(points, &type, &ntuples, &ncomponents));
  EXPECT(type == VTKWIRE_TYPE_DOUBLE && ntuples == NPOINTS && ncomponents == 3);
  CHECK(vtkwire_array_data(points, &data, &nbytes));
  EXPECT(nbytes == sizeof xyz && memcmp(data, xyz, sizeof xyz) == 0);

  CHECK(vtkwire_object_array_count(grid, VTKWIRE_ASSOCIATION_POINT, &count));
  EXPECT(count == 2);
  if (check_array(grid, VTKWIRE_ASSOCIATION_POINT, "température ρ", VTKWIRE_TYPE_FLOAT, NPOINTS,
                  1, temperature, sizeof temperature) ||
      check_array(grid, VTKWIRE_ASSOCIATION_POINT, "displacement", VTKWIRE_TYPE_FLOAT, NPOINTS, 3,
                  displacement, sizeof displacement) ||
      check_active(grid, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS, "température ρ") ||
      check_active(grid, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_VECTORS, "displacement"))
    goto cleanup;

  CHECK(vtkwire_object_array_count(grid, VTKWIRE_ASSOCIATION_CELL, &count));
  EXPECT(count == 2);
  if (check_array(grid, VTKWIRE_ASSOCIATION_CELL, "stress", VTKWIRE_TYPE_DOUBLE, NCELLS, 9, stress,
                  sizeof stress) ||
      check_array(grid, VTKWIRE_ASSOCIATION_CELL, "vtkGhostType", VTKWIRE_TYPE_UNSIGNED_CHAR,
                  NCELLS, 1, ghost, sizeof ghost) ||
      check_active(grid, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_TENSORS, "stress"))
    goto cleanup;

  CHECK(vtkwire_object_array_count(grid, VTKWIRE_ASSOCIATION_FIELD, &count));
  EXPECT(count == 2);
  {
    static const char *const mesh[1] = {"bent plate"};
    if (check_array(grid, VTKWIRE_ASSOCIATION_FIELD, "step", VTKWIRE_TYPE_LONG, 1, 1, step,
                    sizeof step) ||
        check_strings(grid, VTKWIRE_ASSOCIATION_FIELD, "mesh", mesh, 1))
      goto cleanup;
  }
  rc = 0;
cleanup:
  return rc;
}

int main(void)
{
  int rc = 1;
  vtkwire_object *grid = NULL;
  vtkwire_object *bad = NULL;
  vtkwire_array *mesh = NULL;
  const char *const mesh_name[1] = {"bent plate"};
  char summary[512];
  size_t summary_len = 0;

  /* Points, x fastest, then y, then z: a plate bent along x. */
  for (int k = 0, p = 0; k < 2; ++k)
    for (int j = 0; j < 2; ++j)
      for (int i = 0; i < 3; ++i, ++p) {
        xyz[3 * p + 0] = 0.5 * i - 0.01 * i * i;
        xyz[3 * p + 1] = 0.5 * j;
        xyz[3 * p + 2] = 0.05 * i * i + 0.1 * k;
        temperature[p] = 300.0f + (float)p;
        displacement[3 * p + 0] = 0.001f * (float)p;
        displacement[3 * p + 1] = -0.002f * (float)p;
        displacement[3 * p + 2] = 1e-30f;
      }
  for (int i = 0; i < NCELLS * 9; ++i) stress[i] = (i % 4 == 0) ? 1e6 : 1.0 / 3.0;

  CHECK(vtkwire_structured_grid_new(extent, &grid));

  /* Errors: the point count is checked against the extent by validate. */
  stage = "error paths";
  EXPECT_ERROR(vtkwire_structured_grid_new(NULL, &bad), VTKWIRE_STATUS_NULL_ARGUMENT);
  EXPECT_ERROR(vtkwire_object_set_points(grid, VTKWIRE_TYPE_STRING, xyz, NPOINTS),
               VTKWIRE_STATUS_INVALID_ARGUMENT);
  CHECK(vtkwire_object_set_points(grid, VTKWIRE_TYPE_DOUBLE, xyz, NPOINTS - 1));
  EXPECT_ERROR(vtkwire_object_validate(grid), VTKWIRE_STATUS_INVALID_OBJECT);
  {
    uint8_t *bytes = NULL;
    size_t len = 0;
    EXPECT_ERROR(vtkwire_marshal(grid, &bytes, &len), VTKWIRE_STATUS_INVALID_OBJECT);
    EXPECT(bytes == NULL);
  }

  stage = "build";
  CHECK(vtkwire_object_set_points(grid, VTKWIRE_TYPE_DOUBLE, xyz, NPOINTS));
  CHECK(vtkwire_object_add_array_data(grid, VTKWIRE_ASSOCIATION_POINT, "température ρ",
                                      VTKWIRE_TYPE_FLOAT, temperature, NPOINTS, 1, NULL));
  CHECK(vtkwire_object_add_array_data(grid, VTKWIRE_ASSOCIATION_POINT, "displacement",
                                      VTKWIRE_TYPE_FLOAT, displacement, NPOINTS, 3, NULL));
  CHECK(vtkwire_object_set_active(grid, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS,
                                  "température ρ"));
  CHECK(vtkwire_object_set_active(grid, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_VECTORS,
                                  "displacement"));
  CHECK(vtkwire_object_add_array_data(grid, VTKWIRE_ASSOCIATION_CELL, "stress", VTKWIRE_TYPE_DOUBLE,
                                      stress, NCELLS, 9, NULL));
  CHECK(vtkwire_object_set_active(grid, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_TENSORS, "stress"));
  CHECK(vtkwire_object_add_array_data(grid, VTKWIRE_ASSOCIATION_CELL, "vtkGhostType",
                                      VTKWIRE_TYPE_UNSIGNED_CHAR, ghost, NCELLS, 1, NULL));
  CHECK(vtkwire_object_add_array_data(grid, VTKWIRE_ASSOCIATION_FIELD, "step", VTKWIRE_TYPE_LONG,
                                      step, 1, 1, NULL));
  CHECK(vtkwire_array_new_strings("mesh", mesh_name, 1, &mesh));
  CHECK(vtkwire_object_add_array(grid, VTKWIRE_ASSOCIATION_FIELD, mesh, NULL));

  CHECK(vtkwire_object_summary(grid, summary, sizeof summary, &summary_len));
  printf("%s\n", summary);

  if (check_copies(grid, check_grid, "/tmp/vtkwire_example_structured_grid.vtk") != 0)
    goto cleanup;

  printf("structured_grid: OK\n");
  rc = 0;
cleanup:
  vtkwire_array_free(mesh);
  vtkwire_object_free(bad);
  vtkwire_object_free(grid);
  return rc;
}
