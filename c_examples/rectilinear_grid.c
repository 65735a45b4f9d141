/* rectilinear_grid.c — a vtkRectilinearGrid through the vtkwire C API.
 *
 * A rectilinear grid is an extent plus one coordinate array per axis (any numeric type,
 * as many values as the extent has along that axis). This builds a 3 x 4 x 2-point grid with
 * double x, float y and int z coordinates, point/cell/field arrays (including a string array
 * as cell pedigree ids), reads everything back, then checks the marshaled/unmarshaled copy
 * and legacy .vtk files (binary and ASCII).
 *
 * Returns 0 on success; on any mismatch prints what differs on stderr and returns 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "vtkwire.h"

/* FAIL, CHECK, EXPECT, EXPECT_ERROR, check_array, check_strings, check_active, check_copies. */
#include "example_check.h"

/* ---- the rectilinear grid ----------------------------------------------------------------- */

#define NPOINTS 24 /* 3 x 4 x 2 */
#define NCELLS 6   /* 2 x 3 x 1 */

static const int32_t extent[6] = {0, 2, 10, 13, -1, 0};
static const double x[3] = {0.0, 0.1, 0.35};
static const float y[4] = {-1.0f, 0.0f, 0.5f, 4.0f};
static const int32_t z[2] = {-100, 100};

static float temperature[NPOINTS];             /* "température ρ", float, active scalars */
static uint64_t counter[NPOINTS];              /* "counter", unsigned long long */
static int64_t cell_gid[NCELLS];               /* "cell id", long long, active global ids */
static const char *const cell_name[NCELLS] = {"a", "b", "", "d d", "ε", "f"};
static const uint16_t version[2] = {9, 1};     /* field "version", unsigned short */

/* Compares coordinate array `axis` with `values`. */
static int check_axis(const vtkwire_object *grid, int32_t axis, int32_t type, const void *values,
                      size_t nvalues, size_t nbytes)
{
  int rc = 1;
  const vtkwire_array *coords = NULL;
  int32_t got_type = 0, ncomponents = 0;
  size_t ntuples = 0, len = 0;
  const void *data = NULL;

  CHECK(vtkwire_rectilinear_grid_coordinates(grid, axis, &coords));
  CHECK(vtkwire_array_info(coords, &got_type, &ntuples, &ncomponents));
  if (got_type != type || ntuples != nvalues || ncomponents != 1)
    FAIL("axis %d: type %d, %zu x %d; expected type %d, %zu x 1", (int)axis, (int)got_type,
         ntuples, (int)ncomponents, (int)type, nvalues);
  CHECK(vtkwire_array_data(coords, &data, &len));
  if (len != nbytes || memcmp(data, values, nbytes) != 0) FAIL("axis %d: values differ", (int)axis);
  rc = 0;
cleanup:
  return rc;
}

static int check_grid(const vtkwire_object *grid)
{
  int rc = 1;
  int32_t got_extent[6];
  size_t count = 0;

  EXPECT(vtkwire_object_type(grid) == VTKWIRE_OBJECT_RECTILINEAR_GRID);
  EXPECT(strcmp(vtkwire_object_class_name(grid), "vtkRectilinearGrid") == 0);
  CHECK(vtkwire_object_extent(grid, got_extent));
  EXPECT(memcmp(got_extent, extent, sizeof extent) == 0);
  CHECK(vtkwire_object_count(grid, VTKWIRE_ASSOCIATION_POINT, &count));
  EXPECT(count == NPOINTS);
  CHECK(vtkwire_object_count(grid, VTKWIRE_ASSOCIATION_CELL, &count));
  EXPECT(count == NCELLS);
  if (check_axis(grid, 0, VTKWIRE_TYPE_DOUBLE, x, 3, sizeof x) ||
      check_axis(grid, 1, VTKWIRE_TYPE_FLOAT, y, 4, sizeof y) ||
      check_axis(grid, 2, VTKWIRE_TYPE_INT, z, 2, sizeof z))
    goto cleanup;

  CHECK(vtkwire_object_array_count(grid, VTKWIRE_ASSOCIATION_POINT, &count));
  EXPECT(count == 2);
  if (check_array(grid, VTKWIRE_ASSOCIATION_POINT, "température ρ", VTKWIRE_TYPE_FLOAT, NPOINTS,
                  1, temperature, sizeof temperature) ||
      check_array(grid, VTKWIRE_ASSOCIATION_POINT, "counter", VTKWIRE_TYPE_UNSIGNED_LONG_LONG,
                  NPOINTS, 1, counter, sizeof counter) ||
      check_active(grid, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS, "température ρ"))
    goto cleanup;

  CHECK(vtkwire_object_array_count(grid, VTKWIRE_ASSOCIATION_CELL, &count));
  EXPECT(count == 2);
  if (check_array(grid, VTKWIRE_ASSOCIATION_CELL, "cell id", VTKWIRE_TYPE_LONG_LONG, NCELLS, 1,
                  cell_gid, sizeof cell_gid) ||
      check_strings(grid, VTKWIRE_ASSOCIATION_CELL, "cell name", cell_name, NCELLS) ||
      check_active(grid, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_GLOBAL_IDS, "cell id") ||
      check_active(grid, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_PEDIGREE_IDS, "cell name"))
    goto cleanup;

  CHECK(vtkwire_object_array_count(grid, VTKWIRE_ASSOCIATION_FIELD, &count));
  EXPECT(count == 1);
  if (check_array(grid, VTKWIRE_ASSOCIATION_FIELD, "version", VTKWIRE_TYPE_UNSIGNED_SHORT, 2, 1,
                  version, sizeof version))
    goto cleanup;
  rc = 0;
cleanup:
  return rc;
}

int main(void)
{
  int rc = 1;
  vtkwire_object *grid = NULL;
  vtkwire_array *names = NULL;
  const vtkwire_array *missing = NULL;
  char summary[512];
  size_t summary_len = 0;

  for (int i = 0; i < NPOINTS; ++i) {
    temperature[i] = -40.0f + 3.5f * (float)i;
    counter[i] = UINT64_MAX - (uint64_t)i; /* needs all 64 bits */
  }
  for (int c = 0; c < NCELLS; ++c) cell_gid[c] = INT64_MIN + c;

  CHECK(vtkwire_rectilinear_grid_new(extent, &grid));
  CHECK(vtkwire_rectilinear_grid_set_coordinates(grid, 0, VTKWIRE_TYPE_DOUBLE, x, 3));
  CHECK(vtkwire_rectilinear_grid_set_coordinates(grid, 1, VTKWIRE_TYPE_FLOAT, y, 4));

  /* Errors, while the z coordinates are still missing. */
  stage = "error paths";
  EXPECT_ERROR(vtkwire_rectilinear_grid_coordinates(grid, 2, &missing), VTKWIRE_STATUS_NOT_FOUND);
  EXPECT(missing == NULL);
  EXPECT_ERROR(vtkwire_object_validate(grid), VTKWIRE_STATUS_INVALID_OBJECT);
  EXPECT_ERROR(vtkwire_rectilinear_grid_set_coordinates(grid, 2, VTKWIRE_TYPE_INT, z, 3),
               VTKWIRE_STATUS_INVALID_OBJECT); /* the extent has 2 z values */
  EXPECT_ERROR(vtkwire_rectilinear_grid_set_coordinates(grid, 3, VTKWIRE_TYPE_INT, z, 2),
               VTKWIRE_STATUS_INVALID_ARGUMENT); /* no axis 3 */
  EXPECT_ERROR(vtkwire_rectilinear_grid_set_coordinates(grid, 2, VTKWIRE_TYPE_STRING, z, 2),
               VTKWIRE_STATUS_INVALID_ARGUMENT); /* coordinates are numeric */
  EXPECT_ERROR(vtkwire_rectilinear_grid_set_coordinates(grid, 2, VTKWIRE_TYPE_INT, NULL, 2),
               VTKWIRE_STATUS_NULL_ARGUMENT);
  stage = "build";
  CHECK(vtkwire_rectilinear_grid_set_coordinates(grid, 2, VTKWIRE_TYPE_INT, z, 2));

  CHECK(vtkwire_object_add_array_data(grid, VTKWIRE_ASSOCIATION_POINT, "température ρ",
                                      VTKWIRE_TYPE_FLOAT, temperature, NPOINTS, 1, NULL));
  CHECK(vtkwire_object_set_active(grid, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS,
                                  "température ρ"));
  CHECK(vtkwire_object_add_array_data(grid, VTKWIRE_ASSOCIATION_POINT, "counter",
                                      VTKWIRE_TYPE_UNSIGNED_LONG_LONG, counter, NPOINTS, 1, NULL));
  CHECK(vtkwire_object_add_array_data(grid, VTKWIRE_ASSOCIATION_CELL, "cell id",
                                      VTKWIRE_TYPE_LONG_LONG, cell_gid, NCELLS, 1, NULL));
  CHECK(vtkwire_object_set_active(grid, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_GLOBAL_IDS,
                                  "cell id"));
  CHECK(vtkwire_array_new_strings("cell name", cell_name, NCELLS, &names));
  CHECK(vtkwire_object_add_array_take(grid, VTKWIRE_ASSOCIATION_CELL, names, NULL));
  names = NULL; /* owned by grid now */
  CHECK(vtkwire_object_set_active(grid, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_PEDIGREE_IDS,
                                  "cell name"));
  CHECK(vtkwire_object_add_array_data(grid, VTKWIRE_ASSOCIATION_FIELD, "version",
                                      VTKWIRE_TYPE_UNSIGNED_SHORT, version, 2, 1, NULL));

  CHECK(vtkwire_object_summary(grid, summary, sizeof summary, &summary_len));
  printf("%s\n", summary);

  if (check_copies(grid, check_grid, "/tmp/vtkwire_example_rectilinear_grid.vtk") != 0)
    goto cleanup;

  printf("rectilinear_grid: OK\n");
  rc = 0;
cleanup:
  vtkwire_array_free(names);
  vtkwire_object_free(grid);
  return rc;
}
