/* image_data.c — a vtkImageData through the vtkwire C API.
 *
 * Builds a 4 x 3 x 2-point image with a rotated direction matrix and point, cell and field
 * arrays of several element types (one with a Unicode name, a bit array, a string array,
 * active scalars and vectors), validates it and reads everything back. Then it marshals
 * the image to VTK's bytes, unmarshals them, writes and reads legacy .vtk files (binary and
 * ASCII) and checks that every copy is bit-identical to what was built. It also shows how
 * errors come back: a status code plus a message from vtkwire_last_error().
 *
 * Returns 0 on success; on any mismatch prints what differs on stderr and returns 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "vtkwire.h"

/* FAIL, CHECK, EXPECT, EXPECT_ERROR, check_array, check_strings, check_active, check_copies. */
#include "example_check.h"

/* ---- the image ---------------------------------------------------------------------------- */

#define NPOINTS 24 /* 4 x 3 x 2 */
#define NCELLS 6   /* 3 x 2 x 1 */

static const int32_t extent[6] = {0, 3, 0, 2, 0, 1};
static const double origin[3] = {-1.5, 0.25, 10.0};
static const double spacing[3] = {0.5, 0.25, 2.0};
static const double direction[9] = {0, -1, 0, 1, 0, 0, 0, 0, 1}; /* 90 degrees about z */

/* Point data */
static float temperature[NPOINTS];        /* "température ρ", float, active scalars */
static double velocity[NPOINTS * 3];      /* "velocity", double x3, active vectors */
static int64_t global_id[NPOINTS];        /* "global id", vtkIdType, active global ids */
/* Cell data */
static int32_t material[NCELLS] = {1, 1, 2, 2, 3, -4};
static uint16_t rgb[NCELLS * 3];          /* "rgb", unsigned short x3, named components */
static const uint8_t flags_bits[1] = {0xA4}; /* "flags", 6 bits 101001 packed MSB-first */
/* Field data */
static const char *const units[2] = {"kelvin", "mètres par seconde"};
static const double time_value[1] = {0.125};
static const int8_t level[3] = {-128, 0, 127};

static int check_image(const vtkwire_object *img)
{
  int rc = 1;
  int32_t got_extent[6];
  double got_origin[3], got_spacing[3], got_direction[9];
  size_t count = 0;
  const vtkwire_array *array = NULL;
  const char *cname = NULL;
  size_t cname_len = 0;

  EXPECT(vtkwire_object_type(img) == VTKWIRE_OBJECT_IMAGE_DATA);
  EXPECT(strcmp(vtkwire_object_class_name(img), "vtkImageData") == 0);
  CHECK(vtkwire_object_extent(img, got_extent));
  EXPECT(memcmp(got_extent, extent, sizeof extent) == 0);
  CHECK(vtkwire_image_data_geometry(img, got_origin, got_spacing, got_direction));
  EXPECT(memcmp(got_origin, origin, sizeof origin) == 0);
  EXPECT(memcmp(got_spacing, spacing, sizeof spacing) == 0);
  EXPECT(memcmp(got_direction, direction, sizeof direction) == 0);
  CHECK(vtkwire_object_count(img, VTKWIRE_ASSOCIATION_POINT, &count));
  EXPECT(count == NPOINTS);
  CHECK(vtkwire_object_count(img, VTKWIRE_ASSOCIATION_CELL, &count));
  EXPECT(count == NCELLS);

  CHECK(vtkwire_object_array_count(img, VTKWIRE_ASSOCIATION_POINT, &count));
  EXPECT(count == 3);
  if (check_array(img, VTKWIRE_ASSOCIATION_POINT, "température ρ", VTKWIRE_TYPE_FLOAT, NPOINTS, 1,
                  temperature, sizeof temperature) ||
      check_array(img, VTKWIRE_ASSOCIATION_POINT, "velocity", VTKWIRE_TYPE_DOUBLE, NPOINTS, 3,
                  velocity, sizeof velocity) ||
      check_array(img, VTKWIRE_ASSOCIATION_POINT, "global id", VTKWIRE_TYPE_ID_TYPE, NPOINTS, 1,
                  global_id, sizeof global_id) ||
      check_active(img, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS, "température ρ") ||
      check_active(img, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_VECTORS, "velocity") ||
      check_active(img, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_GLOBAL_IDS, "global id"))
    goto cleanup;

  CHECK(vtkwire_object_array_count(img, VTKWIRE_ASSOCIATION_CELL, &count));
  EXPECT(count == 3);
  if (check_array(img, VTKWIRE_ASSOCIATION_CELL, "material", VTKWIRE_TYPE_INT, NCELLS, 1, material,
                  sizeof material) ||
      check_array(img, VTKWIRE_ASSOCIATION_CELL, "rgb", VTKWIRE_TYPE_UNSIGNED_SHORT, NCELLS, 3, rgb,
                  sizeof rgb) ||
      check_array(img, VTKWIRE_ASSOCIATION_CELL, "flags", VTKWIRE_TYPE_BIT, NCELLS, 1, flags_bits,
                  sizeof flags_bits) ||
      check_active(img, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_SCALARS, "material"))
    goto cleanup;
  CHECK(vtkwire_object_array_by_name(img, VTKWIRE_ASSOCIATION_CELL, "rgb", &array));
  CHECK(vtkwire_array_component_name(array, 2, &cname, &cname_len));
  EXPECT(same_name(cname, cname_len, "blue"));

  CHECK(vtkwire_object_array_count(img, VTKWIRE_ASSOCIATION_FIELD, &count));
  EXPECT(count == 3);
  if (check_strings(img, VTKWIRE_ASSOCIATION_FIELD, "units", units, 2) ||
      check_array(img, VTKWIRE_ASSOCIATION_FIELD, "TIME", VTKWIRE_TYPE_DOUBLE, 1, 1, time_value,
                  sizeof time_value) ||
      check_array(img, VTKWIRE_ASSOCIATION_FIELD, "level", VTKWIRE_TYPE_SIGNED_CHAR, 3, 1, level,
                  sizeof level))
    goto cleanup;
  rc = 0;
cleanup:
  return rc;
}

int main(void)
{
  int rc = 1;
  vtkwire_object *img = NULL;
  vtkwire_object *bad = NULL; /* stays NULL: outputs are written only on success */
  vtkwire_array *rgb_array = NULL;
  vtkwire_array *units_array = NULL;
  const int32_t bad_extent[6] = {0, 3, 2, 0, 0, 1}; /* y1 < y0 */
  char summary[512];
  size_t summary_len = 0;

  for (int i = 0; i < NPOINTS; ++i) {
    temperature[i] = 273.15f + 0.1f * (float)i;
    velocity[3 * i + 0] = 1.0 / (i + 1);
    velocity[3 * i + 1] = -2.5 * i;
    velocity[3 * i + 2] = 1e-300 * i;
    global_id[i] = 1000000000000LL + i;
  }
  for (int i = 0; i < NCELLS * 3; ++i) rgb[i] = (uint16_t)(i * 3000);

  /* The image: extent, origin, spacing, then a direction matrix. */
  CHECK(vtkwire_image_data_new(extent, origin, spacing, &img));
  CHECK(vtkwire_image_data_set_direction(img, direction));

  /* Point data: arrays copied from caller memory, then given their active roles. */
  CHECK(vtkwire_object_add_array_data(img, VTKWIRE_ASSOCIATION_POINT, "température ρ",
                                      VTKWIRE_TYPE_FLOAT, temperature, NPOINTS, 1, NULL));
  CHECK(vtkwire_object_add_array_data(img, VTKWIRE_ASSOCIATION_POINT, "velocity",
                                      VTKWIRE_TYPE_DOUBLE, velocity, NPOINTS, 3, NULL));
  CHECK(vtkwire_object_add_array_data(img, VTKWIRE_ASSOCIATION_POINT, "global id",
                                      VTKWIRE_TYPE_ID_TYPE, global_id, NPOINTS, 1, NULL));
  CHECK(vtkwire_object_set_active(img, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS,
                                  "température ρ"));
  CHECK(vtkwire_object_set_active(img, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_VECTORS, "velocity"));
  CHECK(vtkwire_object_set_active(img, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_GLOBAL_IDS,
                                  "global id"));

  /* Cell data: an int array, a 3-component array with named components (built as a
   * standalone array, handed over with _take), and a bit array. */
  CHECK(vtkwire_object_add_array_data(img, VTKWIRE_ASSOCIATION_CELL, "material", VTKWIRE_TYPE_INT,
                                      material, NCELLS, 1, NULL));
  CHECK(vtkwire_array_new("rgb", VTKWIRE_TYPE_UNSIGNED_SHORT, rgb, NCELLS, 3, &rgb_array));
  CHECK(vtkwire_array_set_component_name(rgb_array, 0, "red"));
  CHECK(vtkwire_array_set_component_name(rgb_array, 1, "green"));
  CHECK(vtkwire_array_set_component_name(rgb_array, 2, "blue"));
  CHECK(vtkwire_object_add_array_take(img, VTKWIRE_ASSOCIATION_CELL, rgb_array, NULL));
  rgb_array = NULL; /* now owned by img */
  CHECK(vtkwire_object_add_array_data(img, VTKWIRE_ASSOCIATION_CELL, "flags", VTKWIRE_TYPE_BIT,
                                      flags_bits, NCELLS, 1, NULL));
  CHECK(vtkwire_object_set_active(img, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_SCALARS, "material"));

  /* Field data: a string array, a double and signed chars. */
  CHECK(vtkwire_array_new_strings("units", units, 2, &units_array));
  CHECK(vtkwire_object_add_array(img, VTKWIRE_ASSOCIATION_FIELD, units_array, NULL));
  CHECK(vtkwire_object_add_array_data(img, VTKWIRE_ASSOCIATION_FIELD, "TIME", VTKWIRE_TYPE_DOUBLE,
                                      time_value, 1, 1, NULL));
  CHECK(vtkwire_object_add_array_data(img, VTKWIRE_ASSOCIATION_FIELD, "level",
                                      VTKWIRE_TYPE_SIGNED_CHAR, level, 3, 1, NULL));

  CHECK(vtkwire_object_summary(img, summary, sizeof summary, &summary_len));
  printf("%s\n", summary);

  /* Errors: a status code and a message; outputs untouched. */
  stage = "error paths";
  EXPECT_ERROR(vtkwire_image_data_new(bad_extent, origin, spacing, &bad),
               VTKWIRE_STATUS_INVALID_OBJECT);
  EXPECT(bad == NULL);
  EXPECT_ERROR(vtkwire_image_data_new(extent, NULL, spacing, &bad),
               VTKWIRE_STATUS_NULL_ARGUMENT);
  EXPECT_ERROR(vtkwire_object_add_array_data(img, VTKWIRE_ASSOCIATION_ROW, "x", VTKWIRE_TYPE_INT,
                                             material, NCELLS, 1, NULL),
               VTKWIRE_STATUS_WRONG_OBJECT_TYPE);
  EXPECT_ERROR(vtkwire_object_set_active(img, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_VECTORS,
                                         "température ρ"),
               VTKWIRE_STATUS_INVALID_ARGUMENT); /* vectors need 3 components */
  EXPECT_ERROR(vtkwire_object_set_active(img, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_NORMALS,
                                         "no such array"),
               VTKWIRE_STATUS_NOT_FOUND);

  if (check_copies(img, check_image, "/tmp/vtkwire_example_image_data.vtk") != 0) goto cleanup;

  /* A point array with the wrong number of tuples is caught by validate (and marshal). */
  stage = "error paths";
  CHECK(vtkwire_object_add_array_data(img, VTKWIRE_ASSOCIATION_POINT, "short", VTKWIRE_TYPE_INT,
                                      material, NCELLS, 1, NULL));
  EXPECT_ERROR(vtkwire_object_validate(img), VTKWIRE_STATUS_INVALID_OBJECT);

  printf("image_data: OK\n");
  rc = 0;
cleanup:
  vtkwire_array_free(rgb_array);
  vtkwire_array_free(units_array);
  vtkwire_object_free(bad);
  vtkwire_object_free(img);
  return rc;
}
