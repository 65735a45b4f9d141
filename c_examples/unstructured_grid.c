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
