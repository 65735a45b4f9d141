/* poly_data.c — a vtkPolyData through the vtkwire C API.
 *
 * Poly data holds points and four cell arrays — verts, lines, polys and strips — each given
 * either as VTK 9 offsets + connectivity or in the classic [n, id0 .. id(n-1), n, ...] layout.
 * This builds 8 points with one cell of each kind (two polygons), point and cell arrays of
 * several types (Unicode-named scalars, normals, edge flags, chars), field data, reads
 * everything back, then checks the marshaled/unmarshaled copy and legacy .vtk files.
 *
 * Returns 0 on success; on any mismatch prints what differs on stderr and returns 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "vtkwire.h"

/* FAIL, CHECK, EXPECT, EXPECT_ERROR, check_array, check_strings, check_active, check_copies. */
#include "example_check.h"

/* ---- the poly data ------------------------------------------------------------------------ */

#define NPOINTS 8
#define NCELLS 5 /* 1 vertex + 1 polyline + 2 polygons + 1 strip */

/* The points are borrowed (zero-copy): this array must outlive the object. */
static const float xyz[NPOINTS * 3] = {
    0, 0, 0,  1, 0, 0,  1, 1, 0,  0, 1, 0,
    0, 0, 1,  1, 0, 1,  1, 1, 1,  0, 1, 1,
};

/* Cells, in VTK 9 layout: offsets (ncells + 1) and connectivity. */
static const int64_t vert_offsets[2] = {0, 1}, vert_conn[1] = {0};
static const int64_t line_offsets[2] = {0, 3}, line_conn[3] = {0, 1, 2};
static const int64_t poly_offsets[3] = {0, 3, 7}, poly_conn[7] = {1, 2, 3, 3, 4, 5, 6};
/* The strip in the classic layout, and what it reads back as. */
static const int64_t strip_legacy[5] = {4, 4, 5, 6, 7};
static const int64_t strip_offsets[2] = {0, 4}, strip_conn[4] = {4, 5, 6, 7};

static float temperature[NPOINTS];                        /* "température ρ", active scalars */
static const float normals[NPOINTS * 3] = {               /* "normals", active normals */
    0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1};
static const uint8_t edge_flag[NPOINTS] = {1, 1, 0, 1, 0, 1, 1, 1}; /* active edge flags */
static const double area[NCELLS] = {0.0, 0.0, 0.5, 1.0, 2.0};    /* "area", cell scalars */
static const char kind[NCELLS] = {'v', 'l', 'p', 'p', 's'};      /* "kind", VTK char */
static const double bounds[6] = {0, 1, 0, 1, 0, 1};
static const char *const source[2] = {"unit cube", "made by poly_data.c"};

/* Compares one cell array with the expected offsets and connectivity. */
static int check_cells(const vtkwire_object *poly, int32_t kind_code, const int64_t *offsets,
                       size_t noffsets, const int64_t *conn, size_t nconn)
{
  int rc = 1;
  const int64_t *got_offsets = NULL, *got_conn = NULL;
  size_t got_noffsets = 0, got_nconn = 0;

  CHECK(vtkwire_poly_data_cells(poly, kind_code, &got_offsets, &got_noffsets, &got_conn,
                                &got_nconn));
  if (got_noffsets != noffsets || got_nconn != nconn ||
      memcmp(got_offsets, offsets, noffsets * sizeof *offsets) != 0 ||
      memcmp(got_conn, conn, nconn * sizeof *conn) != 0)
    FAIL("cell array %d differs: %zu offsets, %zu ids (expected %zu, %zu)", (int)kind_code,
         got_noffsets, got_nconn, noffsets, nconn);
  rc = 0;
cleanup:
  return rc;
}

static int check_poly(const vtkwire_object *poly)
{
  int rc = 1;
  size_t count = 0, nbytes = 0, ntuples = 0;
  const vtkwire_array *points = NULL;
  int32_t type = 0, ncomponents = 0;
  const void *data = NULL;

  EXPECT(vtkwire_object_type(poly) == VTKWIRE_OBJECT_POLY_DATA);
  EXPECT(strcmp(vtkwire_object_class_name(poly), "vtkPolyData") == 0);
  CHECK(vtkwire_object_count(poly, VTKWIRE_ASSOCIATION_POINT, &count));
  EXPECT(count == NPOINTS);
  CHECK(vtkwire_object_count(poly, VTKWIRE_ASSOCIATION_CELL, &count));
  EXPECT(count == NCELLS);
  CHECK(vtkwire_object_points(poly, &points));
  CHECK(vtkwire_array_info(points, &type, &ntuples, &ncomponents));
  EXPECT(type == VTKWIRE_TYPE_FLOAT && ntuples == NPOINTS && ncomponents == 3);
  CHECK(vtkwire_array_data(points, &data, &nbytes));
  EXPECT(nbytes == sizeof xyz && memcmp(data, xyz, sizeof xyz) == 0);

  if (check_cells(poly, VTKWIRE_POLY_VERTS, vert_offsets, 2, vert_conn, 1) ||
      check_cells(poly, VTKWIRE_POLY_LINES, line_offsets, 2, line_conn, 3) ||
      check_cells(poly, VTKWIRE_POLY_POLYS, poly_offsets, 3, poly_conn, 7) ||
      check_cells(poly, VTKWIRE_POLY_STRIPS, strip_offsets, 2, strip_conn, 4))
    goto cleanup;

  CHECK(vtkwire_object_array_count(poly, VTKWIRE_ASSOCIATION_POINT, &count));
  EXPECT(count == 3);
  if (check_array(poly, VTKWIRE_ASSOCIATION_POINT, "température ρ", VTKWIRE_TYPE_FLOAT, NPOINTS,
                  1, temperature, sizeof temperature) ||
      check_array(poly, VTKWIRE_ASSOCIATION_POINT, "normals", VTKWIRE_TYPE_FLOAT, NPOINTS, 3,
                  normals, sizeof normals) ||
      check_array(poly, VTKWIRE_ASSOCIATION_POINT, "edge flag", VTKWIRE_TYPE_UNSIGNED_CHAR,
                  NPOINTS, 1, edge_flag, sizeof edge_flag) ||
      check_active(poly, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS, "température ρ") ||
      check_active(poly, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_NORMALS, "normals") ||
      check_active(poly, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_EDGE_FLAGS, "edge flag"))
    goto cleanup;

  CHECK(vtkwire_object_array_count(poly, VTKWIRE_ASSOCIATION_CELL, &count));
  EXPECT(count == 2);
  if (check_array(poly, VTKWIRE_ASSOCIATION_CELL, "area", VTKWIRE_TYPE_DOUBLE, NCELLS, 1, area,
                  sizeof area) ||
      check_array(poly, VTKWIRE_ASSOCIATION_CELL, "kind", VTKWIRE_TYPE_CHAR, NCELLS, 1, kind,
                  sizeof kind) ||
      check_active(poly, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_SCALARS, "area"))
    goto cleanup;

  CHECK(vtkwire_object_array_count(poly, VTKWIRE_ASSOCIATION_FIELD, &count));
  EXPECT(count == 2);
  if (check_array(poly, VTKWIRE_ASSOCIATION_FIELD, "bounds", VTKWIRE_TYPE_DOUBLE, 1, 6, bounds,
                  sizeof bounds) ||
      check_strings(poly, VTKWIRE_ASSOCIATION_FIELD, "source", source, 2))
    goto cleanup;
  rc = 0;
cleanup:
  return rc;
}

int main(void)
{
  int rc = 1;
  vtkwire_object *poly = NULL;
  vtkwire_object *broken = NULL;
  vtkwire_array *strings = NULL;
  const int64_t bad_offsets[2] = {1, 3};      /* must start at 0 */
  const int64_t bad_legacy[3] = {4, 0, 1};    /* announces 4 ids, has 2 */
  const int64_t far_conn[3] = {0, 1, 99};     /* id 99: there are 8 points */
  char summary[512];
  size_t summary_len = 0;

  for (int i = 0; i < NPOINTS; ++i) temperature[i] = 1.0f / (float)(i + 1);

  CHECK(vtkwire_poly_data_new(&poly));
  CHECK(vtkwire_object_set_points_borrowed(poly, VTKWIRE_TYPE_FLOAT, xyz, NPOINTS));
  CHECK(vtkwire_poly_data_set_cells(poly, VTKWIRE_POLY_VERTS, vert_offsets, 2, vert_conn, 1));
  CHECK(vtkwire_poly_data_set_cells(poly, VTKWIRE_POLY_LINES, line_offsets, 2, line_conn, 3));
  CHECK(vtkwire_poly_data_set_cells(poly, VTKWIRE_POLY_POLYS, poly_offsets, 3, poly_conn, 7));
  CHECK(vtkwire_poly_data_set_cells_legacy(poly, VTKWIRE_POLY_STRIPS, strip_legacy, 5));

  CHECK(vtkwire_object_add_array_data(poly, VTKWIRE_ASSOCIATION_POINT, "température ρ",
                                      VTKWIRE_TYPE_FLOAT, temperature, NPOINTS, 1, NULL));
  CHECK(vtkwire_object_add_array_data(poly, VTKWIRE_ASSOCIATION_POINT, "normals",
                                      VTKWIRE_TYPE_FLOAT, normals, NPOINTS, 3, NULL));
  CHECK(vtkwire_object_add_array_data(poly, VTKWIRE_ASSOCIATION_POINT, "edge flag",
                                      VTKWIRE_TYPE_UNSIGNED_CHAR, edge_flag, NPOINTS, 1, NULL));
  CHECK(vtkwire_object_set_active(poly, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS,
                                  "température ρ"));
  CHECK(vtkwire_object_set_active(poly, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_NORMALS, "normals"));
  CHECK(vtkwire_object_set_active(poly, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_EDGE_FLAGS,
                                  "edge flag"));
  CHECK(vtkwire_object_add_array_data(poly, VTKWIRE_ASSOCIATION_CELL, "area", VTKWIRE_TYPE_DOUBLE,
                                      area, NCELLS, 1, NULL));
  CHECK(vtkwire_object_set_active(poly, VTKWIRE_ASSOCIATION_CELL, VTKWIRE_ROLE_SCALARS, "area"));
  CHECK(vtkwire_object_add_array_data(poly, VTKWIRE_ASSOCIATION_CELL, "kind", VTKWIRE_TYPE_CHAR,
                                      kind, NCELLS, 1, NULL));
  CHECK(vtkwire_object_add_array_data(poly, VTKWIRE_ASSOCIATION_FIELD, "bounds",
                                      VTKWIRE_TYPE_DOUBLE, bounds, 1, 6, NULL));
  CHECK(vtkwire_array_new_strings("source", source, 2, &strings));
  CHECK(vtkwire_object_add_array(poly, VTKWIRE_ASSOCIATION_FIELD, strings, NULL));

  CHECK(vtkwire_object_summary(poly, summary, sizeof summary, &summary_len));
  printf("%s\n", summary);

  /* Errors: layout errors are caught when cells are set, ids out of range by validate. */
  stage = "error paths";
  EXPECT_ERROR(vtkwire_poly_data_set_cells(poly, VTKWIRE_POLY_LINES, bad_offsets, 2, line_conn, 3),
               VTKWIRE_STATUS_INVALID_ARGUMENT);
  EXPECT_ERROR(vtkwire_poly_data_set_cells_legacy(poly, VTKWIRE_POLY_LINES, bad_legacy, 3),
               VTKWIRE_STATUS_INVALID_ARGUMENT);
  EXPECT_ERROR(vtkwire_poly_data_set_cells(poly, 4, line_offsets, 2, line_conn, 3),
               VTKWIRE_STATUS_INVALID_ARGUMENT); /* no cell kind 4 */
  EXPECT_ERROR(vtkwire_poly_data_set_cells(poly, VTKWIRE_POLY_LINES, line_offsets, 2, NULL, 3),
               VTKWIRE_STATUS_NULL_ARGUMENT);
  CHECK(vtkwire_object_clone(poly, &broken));
  CHECK(vtkwire_poly_data_set_cells(broken, VTKWIRE_POLY_LINES, line_offsets, 2, far_conn, 3));
  EXPECT_ERROR(vtkwire_object_validate(broken), VTKWIRE_STATUS_INVALID_OBJECT);
  CHECK(vtkwire_object_validate(poly)); /* the original is untouched by the failed calls */

  if (check_copies(poly, check_poly, "/tmp/vtkwire_example_poly_data.vtk") != 0) goto cleanup;

  printf("poly_data: OK\n");
  rc = 0;
cleanup:
  vtkwire_array_free(strings);
  vtkwire_object_free(broken);
  vtkwire_object_free(poly);
  return rc;
}
