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

/* FAIL, CHECK, EXPECT, EXPECT_ERROR, check_array, check_strings, check_active, check_copies. */
#include "example_check.h"

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
