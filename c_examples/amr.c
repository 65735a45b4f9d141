/* amr.c — a vtkOverlappingAMR through the vtkwire C API.
 *
 * An overlapping AMR has a global origin and levels; each level has a cell spacing, a
 * refinement ratio to the next finer level and blocks. A block is a cell-index box
 * [lo_i lo_j lo_k hi_i hi_j hi_k] plus, on the rank that holds it, an image data grid with
 * (cells + 1) points per axis. This builds 2 levels: level 0 with one block, level 1 with one
 * block (blanked with vtkGhostType) and one block without local data. It reads everything
 * back, then checks the marshaled/unmarshaled copy and legacy .vtk files (binary and ASCII).
 *
 * Returns 0 on success; on any mismatch prints what differs on stderr and returns 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "vtkwire.h"

/* FAIL, CHECK, EXPECT, EXPECT_ERROR, check_array, check_strings, check_active, check_copies. */
#include "example_check.h"

/* ---- the AMR ------------------------------------------------------------------------------ */

#define GRID_XYZ 8 /* vtkStructuredData VTK_XYZ_GRID */

static const double origin[3] = {-1.0, -1.0, 0.0};
static const double spacing0[3] = {1.0, 1.0, 1.0}, spacing1[3] = {0.5, 0.5, 0.5};
static const int32_t ratio = 2;

/* Level 0, block 0: cells (0..3, 0..3, 0..1) -> 5 x 5 x 3 points. */
static const int32_t box0[6] = {0, 0, 0, 3, 3, 1};
static const int32_t extent0[6] = {0, 4, 0, 4, 0, 2};
static const double origin0[3] = {-1.0, -1.0, 0.0};
/* Level 1, block 0: cells (2..5, 2..5, 0..1) at spacing 0.5 -> 5 x 5 x 3 points. */
static const int32_t box1[6] = {2, 2, 0, 5, 5, 1};
static const int32_t extent1[6] = {0, 4, 0, 4, 0, 2};
static const double origin1[3] = {0.0, 0.0, 0.0};
/* Level 1, block 1: no data on this rank (another rank would hold it). */
static const int32_t box1_remote[6] = {0, 0, 2, 1, 1, 3};

static double temperature0[32];          /* "température ρ", level 0 cells (4 x 4 x 2) */
static float density0[75];               /* "density", level 0 points (5 x 5 x 3) */
static double temperature1[32];          /* "température ρ", level 1 cells */
static uint8_t ghost1[32];               /* "vtkGhostType": hidden cells of level 1 */
static const char *const solver[1] = {"écoulement 3D"}; /* AMR field data "solver" */

/* Compares one AMR block: its box and, when `extent` is not NULL, its grid. */
static int check_block(const vtkwire_object *amr, size_t level, size_t index, const int32_t *box,
                       const int32_t *extent, const double *grid_origin, const double *spacing,
                       const double *temperature, int with_ghosts)
{
  int rc = 1;
  int32_t got_box[6], got_extent[6];
  vtkwire_object *grid = NULL; /* a copy owned by this function */
  double got_origin[3], got_spacing[3], direction[9];

  CHECK(vtkwire_amr_block(amr, level, index, got_box, &grid));
  if (memcmp(got_box, box, 6 * sizeof *box) != 0) FAIL("level %zu block %zu: box differs", level, index);
  if (extent == NULL) {
    if (grid != NULL) FAIL("level %zu block %zu: expected no data", level, index);
  } else {
    if (grid == NULL) FAIL("level %zu block %zu: no data", level, index);
    CHECK(vtkwire_object_extent(grid, got_extent));
    EXPECT(memcmp(got_extent, extent, sizeof got_extent) == 0);
    CHECK(vtkwire_image_data_geometry(grid, got_origin, got_spacing, direction));
    EXPECT(memcmp(got_origin, grid_origin, sizeof got_origin) == 0);
    EXPECT(memcmp(got_spacing, spacing, sizeof got_spacing) == 0);
    if (check_array(grid, VTKWIRE_ASSOCIATION_CELL, "température ρ", VTKWIRE_TYPE_DOUBLE, 32, 1,
                    temperature, 32 * sizeof *temperature) ||
        check_active(grid, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_SCALARS, "température ρ"))
      goto cleanup;
    if (with_ghosts ? check_array(grid, VTKWIRE_ASSOCIATION_CELL, "vtkGhostType",
                                  VTKWIRE_TYPE_UNSIGNED_CHAR, 32, 1, ghost1, sizeof ghost1)
                    : check_array(grid, VTKWIRE_ASSOCIATION_POINT, "density", VTKWIRE_TYPE_FLOAT,
                                  75, 1, density0, sizeof density0))
      goto cleanup;
  }
  rc = 0;
cleanup:
  vtkwire_object_free(grid);
  return rc;
}

static int check_amr(const vtkwire_object *amr)
{
  int rc = 1;
  double got_origin[3], got_spacing[3];
  int32_t grid_description = 0, got_ratio = 0;
  size_t nlevels = 0, nblocks = 0;

  EXPECT(vtkwire_object_type(amr) == VTKWIRE_OBJECT_OVERLAPPING_AMR);
  EXPECT(strcmp(vtkwire_object_class_name(amr), "vtkOverlappingAMR") == 0);
  CHECK(vtkwire_amr_info(amr, got_origin, &grid_description, &nlevels));
  EXPECT(memcmp(got_origin, origin, sizeof origin) == 0);
  EXPECT(grid_description == GRID_XYZ && nlevels == 2);

  CHECK(vtkwire_amr_level(amr, 0, got_spacing, &got_ratio, &nblocks));
  EXPECT(memcmp(got_spacing, spacing0, sizeof spacing0) == 0 && got_ratio == ratio && nblocks == 1);
  CHECK(vtkwire_amr_level(amr, 1, got_spacing, &got_ratio, &nblocks));
  EXPECT(memcmp(got_spacing, spacing1, sizeof spacing1) == 0 && got_ratio == ratio && nblocks == 2);

  if (check_block(amr, 0, 0, box0, extent0, origin0, spacing0, temperature0, 0) ||
      check_block(amr, 1, 0, box1, extent1, origin1, spacing1, temperature1, 1) ||
      check_block(amr, 1, 1, box1_remote, NULL, NULL, NULL, NULL, 0) ||
      check_strings(amr, VTKWIRE_ASSOCIATION_FIELD, "solver", solver, 1))
    goto cleanup;
  rc = 0;
cleanup:
  return rc;
}

int main(void)
{
  int rc = 1;
  vtkwire_object *amr = NULL;
  vtkwire_object *grid0 = NULL;
  vtkwire_object *grid1 = NULL;
  vtkwire_object *bad = NULL;
  vtkwire_array *solver_array = NULL;
  size_t level = 0, index = 0;
  const double zero_spacing[3] = {1.0, 0.0, 1.0};
  const int32_t wrong_box[6] = {0, 0, 0, 2, 2, 1}; /* 3 x 3 x 2 cells: grid0 has 4 x 4 x 2 */
  int32_t out_box[6];
  char summary[512];
  size_t summary_len = 0;

  for (int c = 0; c < 32; ++c) {
    temperature0[c] = 300.0 + c;
    temperature1[c] = 300.0 + c + 0.5;
    ghost1[c] = (c % 7 == 0) ? 0x20 : 0; /* HIDDENCELL */
  }
  for (int p = 0; p < 75; ++p) density0[p] = 1.0f + 0.01f * (float)p;

  /* The grids of the two blocks that hold data here. */
  CHECK(vtkwire_image_data_new(extent0, origin0, spacing0, &grid0));
  CHECK(vtkwire_object_add_array_data(grid0, VTKWIRE_ASSOCIATION_CELL, "température ρ",
                                      VTKWIRE_TYPE_DOUBLE, temperature0, 32, 1, NULL));
  CHECK(vtkwire_object_set_active(grid0, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_SCALARS,
                                  "température ρ"));
  CHECK(vtkwire_object_add_array_data(grid0, VTKWIRE_ASSOCIATION_POINT, "density",
                                      VTKWIRE_TYPE_FLOAT, density0, 75, 1, NULL));
  CHECK(vtkwire_image_data_new(extent1, origin1, spacing1, &grid1));
  CHECK(vtkwire_object_add_array_data(grid1, VTKWIRE_ASSOCIATION_CELL, "température ρ",
                                      VTKWIRE_TYPE_DOUBLE, temperature1, 32, 1, NULL));
  CHECK(vtkwire_object_set_active(grid1, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_SCALARS,
                                  "température ρ"));
  CHECK(vtkwire_object_add_array_data(grid1, VTKWIRE_ASSOCIATION_CELL, "vtkGhostType",
                                      VTKWIRE_TYPE_UNSIGNED_CHAR, ghost1, 32, 1, NULL));

  /* The AMR: levels, then blocks (grids are copied). */
  CHECK(vtkwire_amr_new(origin, GRID_XYZ, &amr));
  CHECK(vtkwire_amr_add_level(amr, spacing0, ratio, &level));
  EXPECT(level == 0);
  CHECK(vtkwire_amr_add_level(amr, spacing1, ratio, &level));
  EXPECT(level == 1);
  CHECK(vtkwire_amr_add_block(amr, 0, box0, grid0, &index));
  EXPECT(index == 0);
  CHECK(vtkwire_amr_add_block(amr, 1, box1, grid1, &index));
  CHECK(vtkwire_amr_add_block(amr, 1, box1_remote, NULL, &index)); /* no local data */
  EXPECT(index == 1);
  CHECK(vtkwire_array_new_strings("solver", solver, 1, &solver_array));
  CHECK(vtkwire_object_add_array(amr, VTKWIRE_ASSOCIATION_FIELD, solver_array, NULL));

  CHECK(vtkwire_object_summary(amr, summary, sizeof summary, &summary_len));
  printf("%s\n", summary);

  /* Errors. */
  stage = "error paths";
  EXPECT_ERROR(vtkwire_amr_new(origin, 10, &bad), VTKWIRE_STATUS_INVALID_OBJECT);
  EXPECT(bad == NULL);
  EXPECT_ERROR(vtkwire_amr_add_level(amr, zero_spacing, ratio, NULL), VTKWIRE_STATUS_INVALID_ARGUMENT);
  EXPECT_ERROR(vtkwire_amr_add_level(amr, spacing1, 0, NULL), VTKWIRE_STATUS_INVALID_ARGUMENT);
  EXPECT_ERROR(vtkwire_amr_add_block(amr, 2, box0, grid0, NULL), VTKWIRE_STATUS_OUT_OF_RANGE);
  EXPECT_ERROR(vtkwire_amr_add_block(amr, 0, wrong_box, grid0, NULL), VTKWIRE_STATUS_INVALID_OBJECT);
  EXPECT_ERROR(vtkwire_amr_add_block(amr, 0, box0, amr, NULL), VTKWIRE_STATUS_WRONG_OBJECT_TYPE);
  EXPECT_ERROR(vtkwire_amr_block(amr, 1, 2, out_box, &bad), VTKWIRE_STATUS_OUT_OF_RANGE);
  EXPECT(bad == NULL);

  if (check_copies(amr, check_amr, "/tmp/vtkwire_example_amr.vtk") != 0) goto cleanup;

  printf("amr: OK\n");
  rc = 0;
cleanup:
  vtkwire_array_free(solver_array);
  vtkwire_object_free(bad);
  vtkwire_object_free(grid0);
  vtkwire_object_free(grid1);
  vtkwire_object_free(amr);
  return rc;
}
