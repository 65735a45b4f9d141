/* structured_points.c — a vtkStructuredPoints through the vtkwire C API.
 *
 * Structured points have the same geometry as image data (extent, origin, spacing,
 * direction) but VTK type code 1. This builds a flat 5 x 4 x 1-point slab whose extent does
 * not start at 0, with point and cell arrays (a Unicode-named scalar with a lookup table,
 * 2-component texture coordinates, cell normals) and field data, reads everything back,
 * then checks the marshaled/unmarshaled copy and legacy .vtk files (binary and ASCII).
 *
 * Returns 0 on success; on any mismatch prints what differs on stderr and returns 1.
 */
#include <math.h>
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

/* ---- the structured points ---------------------------------------------------------------- */

#define NPOINTS 20 /* 5 x 4 x 1 */
#define NCELLS 12  /* 4 x 3 (a 2D slab: cells are pixels) */

static const int32_t extent[6] = {2, 6, -1, 2, 5, 5};
static const double origin[3] = {0.0, 0.0, -3.75};
static const double spacing[3] = {0.1, 0.2, 1.0};
static const double identity[9] = {1, 0, 0, 0, 1, 0, 0, 0, 1};

static double temperature[NPOINTS];       /* "température ρ", double, scalars + lookup table */
static float tcoords[NPOINTS * 2];        /* "uv", float x2, active texture coordinates */
static float normals[NCELLS * 3];         /* "cell normals", float x3, active cell normals */
static int16_t zone[NCELLS];              /* "zone", short */
static const uint32_t cycle[1] = {4000000000u};
static const char *const comment[1] = {"slab at z = -3.75 m, ρ in kg/m³"};
static const uint8_t lut_rgba[2 * 4] = {0, 0, 255, 255, 255, 0, 0, 128};

static int check_points(const vtkwire_object *sp)
{
  int rc = 1;
  int32_t got_extent[6];
  double got_origin[3], got_spacing[3], got_direction[9];
  size_t count = 0, ncolors = 0;
  const vtkwire_array *array = NULL;
  const uint8_t *rgba = NULL;

  EXPECT(vtkwire_object_type(sp) == VTKWIRE_OBJECT_STRUCTURED_POINTS);
  EXPECT(strcmp(vtkwire_object_class_name(sp), "vtkStructuredPoints") == 0);
  CHECK(vtkwire_object_extent(sp, got_extent));
  EXPECT(memcmp(got_extent, extent, sizeof extent) == 0);
  CHECK(vtkwire_image_data_geometry(sp, got_origin, got_spacing, got_direction));
  EXPECT(memcmp(got_origin, origin, sizeof origin) == 0);
  EXPECT(memcmp(got_spacing, spacing, sizeof spacing) == 0);
  EXPECT(memcmp(got_direction, identity, sizeof identity) == 0);
  CHECK(vtkwire_object_count(sp, VTKWIRE_ASSOCIATION_POINT, &count));
  EXPECT(count == NPOINTS);
  CHECK(vtkwire_object_count(sp, VTKWIRE_ASSOCIATION_CELL, &count));
  EXPECT(count == NCELLS);

  CHECK(vtkwire_object_array_count(sp, VTKWIRE_ASSOCIATION_POINT, &count));
  EXPECT(count == 2);
  if (check_array(sp, VTKWIRE_ASSOCIATION_POINT, "température ρ", VTKWIRE_TYPE_DOUBLE, NPOINTS, 1,
                  temperature, sizeof temperature) ||
      check_array(sp, VTKWIRE_ASSOCIATION_POINT, "uv", VTKWIRE_TYPE_FLOAT, NPOINTS, 2, tcoords,
                  sizeof tcoords) ||
      check_active(sp, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS, "température ρ") ||
      check_active(sp, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_TCOORDS, "uv"))
    goto cleanup;
  /* The scalars carry a 2-color lookup table. */
  CHECK(vtkwire_object_array_by_name(sp, VTKWIRE_ASSOCIATION_POINT, "température ρ", &array));
  CHECK(vtkwire_array_lookup_table(array, &rgba, &ncolors));
  EXPECT(ncolors == 2 && memcmp(rgba, lut_rgba, sizeof lut_rgba) == 0);

  CHECK(vtkwire_object_array_count(sp, VTKWIRE_ASSOCIATION_CELL, &count));
  EXPECT(count == 2);
  if (check_array(sp, VTKWIRE_ASSOCIATION_CELL, "cell normals", VTKWIRE_TYPE_FLOAT, NCELLS, 3,
                  normals, sizeof normals) ||
      check_array(sp, VTKWIRE_ASSOCIATION_CELL, "zone", VTKWIRE_TYPE_SHORT, NCELLS, 1, zone,
                  sizeof zone) ||
      check_active(sp, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_NORMALS, "cell normals"))
    goto cleanup;

  CHECK(vtkwire_object_array_count(sp, VTKWIRE_ASSOCIATION_FIELD, &count));
  EXPECT(count == 2);
  if (check_array(sp, VTKWIRE_ASSOCIATION_FIELD, "cycle", VTKWIRE_TYPE_UNSIGNED_INT, 1, 1, cycle,
                  sizeof cycle) ||
      check_strings(sp, VTKWIRE_ASSOCIATION_FIELD, "comment", comment, 1))
    goto cleanup;
  rc = 0;
cleanup:
  return rc;
}

int main(void)
{
  int rc = 1;
  vtkwire_object *sp = NULL;
  vtkwire_object *poly = NULL;
  vtkwire_array *scalars = NULL;
  vtkwire_array *strings = NULL;
  const double bad_direction[9] = {1, 0, 0, 0, NAN, 0, 0, 0, 1};
  char summary[512];
  size_t summary_len = 0;

  for (int i = 0; i < NPOINTS; ++i) {
    temperature[i] = 20.0 + i / 3.0;
    tcoords[2 * i + 0] = (float)(i % 5) / 4.0f;
    tcoords[2 * i + 1] = (float)(i / 5) / 3.0f;
  }
  for (int c = 0; c < NCELLS; ++c) {
    normals[3 * c + 0] = 0.0f;
    normals[3 * c + 1] = c % 2 ? -0.0f : 0.0f; /* signed zero survives: bit-exact */
    normals[3 * c + 2] = 1.0f;
    zone[c] = (int16_t)(c - 6);
  }

  CHECK(vtkwire_structured_points_new(extent, origin, spacing, &sp));

  /* A standalone scalar array with a lookup table, added by copy. */
  CHECK(vtkwire_array_new("température ρ", VTKWIRE_TYPE_DOUBLE, temperature, NPOINTS, 1, &scalars));
  CHECK(vtkwire_array_set_lookup_table(scalars, "blue to red", lut_rgba, 2));
  CHECK(vtkwire_object_add_array(sp, VTKWIRE_ASSOCIATION_POINT, scalars, NULL));
  CHECK(vtkwire_object_set_active(sp, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS,
                                  "température ρ"));
  /* Texture coordinates borrowed from `tcoords` (zero-copy: the array must outlive `sp`). */
  CHECK(vtkwire_object_add_array_data_borrowed(sp, VTKWIRE_ASSOCIATION_POINT, "uv",
                                               VTKWIRE_TYPE_FLOAT, tcoords, NPOINTS, 2, NULL));
  CHECK(vtkwire_object_set_active(sp, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_TCOORDS, "uv"));

  CHECK(vtkwire_object_add_array_data(sp, VTKWIRE_ASSOCIATION_CELL, "cell normals",
                                      VTKWIRE_TYPE_FLOAT, normals, NCELLS, 3, NULL));
  CHECK(vtkwire_object_set_active(sp, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_NORMALS,
                                  "cell normals"));
  CHECK(vtkwire_object_add_array_data(sp, VTKWIRE_ASSOCIATION_CELL, "zone", VTKWIRE_TYPE_SHORT,
                                      zone, NCELLS, 1, NULL));
  CHECK(vtkwire_object_add_array_data(sp, VTKWIRE_ASSOCIATION_FIELD, "cycle",
                                      VTKWIRE_TYPE_UNSIGNED_INT, cycle, 1, 1, NULL));
  CHECK(vtkwire_array_new_strings("comment", comment, 1, &strings));
  CHECK(vtkwire_object_add_array(sp, VTKWIRE_ASSOCIATION_FIELD, strings, NULL));

  CHECK(vtkwire_object_summary(sp, summary, sizeof summary, &summary_len));
  printf("%s\n", summary);

  /* Errors. */
  stage = "error paths";
  EXPECT_ERROR(vtkwire_image_data_set_direction(sp, bad_direction), VTKWIRE_STATUS_INVALID_ARGUMENT);
  CHECK(vtkwire_poly_data_new(&poly));
  EXPECT_ERROR(vtkwire_image_data_set_direction(poly, identity), VTKWIRE_STATUS_WRONG_OBJECT_TYPE);
  EXPECT_ERROR(vtkwire_object_add_array_data(sp, VTKWIRE_ASSOCIATION_CELL, "x", VTKWIRE_TYPE_SHORT,
                                             zone, NCELLS, 0, NULL),
               VTKWIRE_STATUS_INVALID_ARGUMENT); /* 0 components */
  EXPECT_ERROR(vtkwire_object_add_array_data(sp, VTKWIRE_ASSOCIATION_CELL, "x", 14, zone, NCELLS,
                                             1, NULL),
               VTKWIRE_STATUS_INVALID_ARGUMENT); /* 14 is not a VTKWIRE_TYPE_* code */
  EXPECT_ERROR(vtkwire_object_set_points(sp, VTKWIRE_TYPE_FLOAT, tcoords, 2),
               VTKWIRE_STATUS_WRONG_OBJECT_TYPE); /* implicit points */

  if (check_copies(sp, check_points, "/tmp/vtkwire_example_structured_points.vtk") != 0)
    goto cleanup;

  printf("structured_points: OK\n");
  rc = 0;
cleanup:
  vtkwire_array_free(scalars);
  vtkwire_array_free(strings);
  vtkwire_object_free(poly);
  vtkwire_object_free(sp); /* before `tcoords` goes away (it is static here anyway) */
  return rc;
}
