/* unstructured_grid.c — a vtkUnstructuredGrid through the vtkwire C API.
 *
 * An unstructured grid is points plus cells given as VTK cell types, offsets (ncells + 1) and
 * connectivity. A polyhedron (type 42) has a face stream as its connectivity entry:
 * [nFaces, n0, ids..., n1, ids..., ...]. This builds 10 points and 7 cells (hexahedron, tetra,
 * pyramid, a pyramid-shaped polyhedron, vertex, polygon, triangle), point/cell/field arrays,
 * reads everything back, then checks the marshaled/unmarshaled copy and legacy .vtk files.
 *
 * Returns 0 on success; on any mismatch prints what differs on stderr and returns 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "vtkwire.h"

/* FAIL, CHECK, EXPECT, EXPECT_ERROR, check_array, check_strings, check_active, check_copies. */
#include "example_check.h"

/* ---- the unstructured grid ---------------------------------------------------------------- */

#define NPOINTS 10
#define NCELLS 7

static const double xyz[NPOINTS * 3] = {
    0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0,      /* 0-3: bottom of the unit cube */
    0, 0, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1,      /* 4-7: top of the unit cube */
    0.5, 0.5, 1.75,                          /* 8: apex above the top face */
    2, 2, 2,                                 /* 9: a lone vertex */
};

/* VTK cell types: hexahedron 12, tetra 10, pyramid 14, polyhedron 42, vertex 1, polygon 7,
 * triangle 5. */
static const uint8_t types[NCELLS] = {12, 10, 14, 42, 1, 7, 5};
static const int64_t connectivity[] = {
    0, 1, 2, 3, 4, 5, 6, 7,   /* hexahedron */
    0, 1, 3, 4,               /* tetra */
    4, 5, 6, 7, 8,            /* pyramid */
    5,                        /* polyhedron: 5 faces ... */
    4, 4, 7, 6, 5,            /*   the square base */
    3, 4, 5, 8,               /*   four triangles up to the apex */
    3, 5, 6, 8,
    3, 6, 7, 8,
    3, 7, 4, 8,
    9,                        /* vertex */
    0, 1, 2, 3,               /* polygon */
    0, 2, 8,                  /* triangle */
};
#define NCONN (sizeof connectivity / sizeof connectivity[0])
static const int64_t offsets[NCELLS + 1] = {0, 8, 12, 17, 39, 40, 44, 47};

static double temperature[NPOINTS];           /* "température ρ", double, active scalars */
static float velocity[NPOINTS * 3];           /* "velocity", float x3, active vectors */
static const int32_t material[NCELLS] = {1, 2, 3, 3, 0, 4, 4}; /* active cell scalars */
static const int64_t cell_gid[NCELLS] = {70, 71, 72, 73, 74, 75, 76}; /* active global ids */
static const unsigned long checksum[1] = {0xDEADBEEFCAFEul}; /* field, C unsigned long */
static const char *const parts[3] = {"cube", "pyramide", "pièce n° 3"};

static int check_grid(const vtkwire_object *grid)
{
  int rc = 1;
  size_t count = 0, nbytes = 0, ntuples = 0;
  const vtkwire_array *points = NULL;
  int32_t type = 0, ncomponents = 0;
  const void *data = NULL;
  const uint8_t *got_types = NULL;
  const int64_t *got_offsets = NULL, *got_conn = NULL;
  size_t ncells = 0, noffsets = 0, nconn = 0;

  EXPECT(vtkwire_object_type(grid) == VTKWIRE_OBJECT_UNSTRUCTURED_GRID);
  EXPECT(strcmp(vtkwire_object_class_name(grid), "vtkUnstructuredGrid") == 0);
  CHECK(vtkwire_object_count(grid, VTKWIRE_ASSOCIATION_POINT, &count));
  EXPECT(count == NPOINTS);
  CHECK(vtkwire_object_count(grid, VTKWIRE_ASSOCIATION_CELL, &count));
  EXPECT(count == NCELLS);
  CHECK(vtkwire_object_points(grid, &points));
  CHECK(vtkwire_array_info(points, &type, &ntuples, &ncomponents));
  EXPECT(type == VTKWIRE_TYPE_DOUBLE && ntuples == NPOINTS && ncomponents == 3);
  CHECK(vtkwire_array_data(points, &data, &nbytes));
  EXPECT(nbytes == sizeof xyz && memcmp(data, xyz, sizeof xyz) == 0);

  /* Cells: types, offsets and connectivity (with the polyhedron's face stream). */
  CHECK(vtkwire_unstructured_grid_cells(grid, &got_types, &ncells, &got_offsets, &noffsets,
                                        &got_conn, &nconn));
  if (ncells != NCELLS || noffsets != NCELLS + 1 || nconn != NCONN)
    FAIL("%zu cells, %zu offsets, %zu ids; expected %d, %d, %zu", ncells, noffsets, nconn, NCELLS,
         NCELLS + 1, NCONN);
  EXPECT(memcmp(got_types, types, sizeof types) == 0);
  EXPECT(memcmp(got_offsets, offsets, sizeof offsets) == 0);
  EXPECT(memcmp(got_conn, connectivity, sizeof connectivity) == 0);

  CHECK(vtkwire_object_array_count(grid, VTKWIRE_ASSOCIATION_POINT, &count));
  EXPECT(count == 2);
  if (check_array(grid, VTKWIRE_ASSOCIATION_POINT, "température ρ", VTKWIRE_TYPE_DOUBLE, NPOINTS,
                  1, temperature, sizeof temperature) ||
      check_array(grid, VTKWIRE_ASSOCIATION_POINT, "velocity", VTKWIRE_TYPE_FLOAT, NPOINTS, 3,
                  velocity, sizeof velocity) ||
      check_active(grid, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS, "température ρ") ||
      check_active(grid, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_VECTORS, "velocity"))
    goto cleanup;

  CHECK(vtkwire_object_array_count(grid, VTKWIRE_ASSOCIATION_CELL, &count));
  EXPECT(count == 2);
  if (check_array(grid, VTKWIRE_ASSOCIATION_CELL, "material", VTKWIRE_TYPE_INT, NCELLS, 1,
                  material, sizeof material) ||
      check_array(grid, VTKWIRE_ASSOCIATION_CELL, "cell id", VTKWIRE_TYPE_ID_TYPE, NCELLS, 1,
                  cell_gid, sizeof cell_gid) ||
      check_active(grid, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_SCALARS, "material") ||
      check_active(grid, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_GLOBAL_IDS, "cell id"))
    goto cleanup;

  CHECK(vtkwire_object_array_count(grid, VTKWIRE_ASSOCIATION_FIELD, &count));
  EXPECT(count == 2);
  if (check_array(grid, VTKWIRE_ASSOCIATION_FIELD, "checksum", VTKWIRE_TYPE_UNSIGNED_LONG, 1, 1,
                  checksum, sizeof checksum) ||
      check_strings(grid, VTKWIRE_ASSOCIATION_FIELD, "parts", parts, 3))
    goto cleanup;
  rc = 0;
cleanup:
  return rc;
}

int main(void)
{
  int rc = 1;
  vtkwire_object *grid = NULL;
  vtkwire_object *broken = NULL;
  vtkwire_array *strings = NULL;
  const uint8_t unknown_types[1] = {99};
  const uint8_t hex_type[1] = {12};
  const int64_t seven_offsets[2] = {0, 7};
  char summary[512];
  size_t summary_len = 0;

  for (int i = 0; i < NPOINTS; ++i) {
    temperature[i] = 1e-3 * i * i - 0.5;
    velocity[3 * i + 0] = (float)i;
    velocity[3 * i + 1] = -(float)i;
    velocity[3 * i + 2] = 0.25f;
  }

  CHECK(vtkwire_unstructured_grid_new(&grid));
  CHECK(vtkwire_object_set_points(grid, VTKWIRE_TYPE_DOUBLE, xyz, NPOINTS));
  CHECK(vtkwire_unstructured_grid_set_cells(grid, types, NCELLS, offsets, NCELLS + 1, connectivity,
                                            NCONN));

  CHECK(vtkwire_object_add_array_data(grid, VTKWIRE_ASSOCIATION_POINT, "température ρ",
                                      VTKWIRE_TYPE_DOUBLE, temperature, NPOINTS, 1, NULL));
  CHECK(vtkwire_object_add_array_data(grid, VTKWIRE_ASSOCIATION_POINT, "velocity",
                                      VTKWIRE_TYPE_FLOAT, velocity, NPOINTS, 3, NULL));
  CHECK(vtkwire_object_set_active(grid, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS,
                                  "température ρ"));
  CHECK(vtkwire_object_set_active(grid, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_VECTORS,
                                  "velocity"));
  CHECK(vtkwire_object_add_array_data(grid, VTKWIRE_ASSOCIATION_CELL, "material", VTKWIRE_TYPE_INT,
                                      material, NCELLS, 1, NULL));
  CHECK(vtkwire_object_add_array_data(grid, VTKWIRE_ASSOCIATION_CELL, "cell id",
                                      VTKWIRE_TYPE_ID_TYPE, cell_gid, NCELLS, 1, NULL));
  CHECK(vtkwire_object_set_active(grid, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_SCALARS, "material"));
  CHECK(vtkwire_object_set_active(grid, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_GLOBAL_IDS,
                                  "cell id"));
  CHECK(vtkwire_object_add_array_data(grid, VTKWIRE_ASSOCIATION_FIELD, "checksum",
                                      VTKWIRE_TYPE_UNSIGNED_LONG, checksum, 1, 1, NULL));
  CHECK(vtkwire_array_new_strings("parts", parts, 3, &strings));
  CHECK(vtkwire_object_add_array(grid, VTKWIRE_ASSOCIATION_FIELD, strings, NULL));

  CHECK(vtkwire_object_summary(grid, summary, sizeof summary, &summary_len));
  printf("%s\n", summary);

  /* Errors. */
  stage = "error paths";
  EXPECT_ERROR(vtkwire_unstructured_grid_set_cells(grid, unknown_types, 1, seven_offsets, 2,
                                                   connectivity, 7),
               VTKWIRE_STATUS_INVALID_OBJECT); /* no VTK cell type 99 */
  EXPECT_ERROR(vtkwire_unstructured_grid_set_cells(grid, NULL, 1, seven_offsets, 2, connectivity, 7),
               VTKWIRE_STATUS_NULL_ARGUMENT);
  EXPECT_ERROR(vtkwire_object_add_array_data(grid, VTKWIRE_ASSOCIATION_VERTEX, "x",
                                             VTKWIRE_TYPE_INT, material, NCELLS, 1, NULL),
               VTKWIRE_STATUS_WRONG_OBJECT_TYPE); /* grids have no vertex data */
  EXPECT_ERROR(vtkwire_object_add_array_data(grid, 3, "x", VTKWIRE_TYPE_INT, material, NCELLS, 1,
                                             NULL),
               VTKWIRE_STATUS_INVALID_ARGUMENT); /* 3 is not an association */
  CHECK(vtkwire_object_clone(grid, &broken));
  CHECK(vtkwire_unstructured_grid_set_cells(broken, hex_type, 1, seven_offsets, 2, connectivity, 7));
  EXPECT_ERROR(vtkwire_object_validate(broken), VTKWIRE_STATUS_INVALID_OBJECT); /* hex of 7 */

  if (check_copies(grid, check_grid, "/tmp/vtkwire_example_unstructured_grid.vtk") != 0)
    goto cleanup;

  printf("unstructured_grid: OK\n");
  rc = 0;
cleanup:
  vtkwire_array_free(strings);
  vtkwire_object_free(broken);
  vtkwire_object_free(grid);
  return rc;
}
