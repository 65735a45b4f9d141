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

/* FAIL, CHECK, EXPECT, EXPECT_ERROR, check_array, check_strings, check_active, check_copies. */
#include "example_check.h"

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
