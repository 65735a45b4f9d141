/* multiblock.c — a vtkMultiBlockDataSet through the vtkwire C API.
 *
 * A multiblock is a list of blocks, each a data object (possibly another multiblock) or
 * null, each with an optional UTF-8 name. This builds
 *
 *   root
 *   ├─ 0 "maillage fluide"  poly data (a triangle with point arrays)
 *   ├─ 1 "vide"             null block
 *   ├─ 2 "niveau 2"         multiblock
 *   │   ├─ 0 "image ρ"      image data (with a cell array)
 *   │   └─ 1 (unnamed)      null block
 *   └─ 3 (unnamed)          table
 *   + field data "TIME" on the root
 *
 * reads everything back, then checks the marshaled/unmarshaled copy and legacy .vtk files
 * (binary and ASCII). Blocks are added by copy (vtkwire_multiblock_set_block) or handed over
 * (vtkwire_multiblock_set_block_take); blocks read back are borrowed from their parent.
 *
 * Returns 0 on success; on any mismatch prints what differs on stderr and returns 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "vtkwire.h"

/* FAIL, CHECK, EXPECT, EXPECT_ERROR, check_array, check_strings, check_active, check_copies. */
#include "example_check.h"

/* ---- the blocks --------------------------------------------------------------------------- */

static const float tri_xyz[9] = {0, 0, 0, 1, 0, 0, 0, 1, 0};
static const int64_t tri_offsets[2] = {0, 3}, tri_conn[3] = {0, 1, 2};
static const float tri_temperature[3] = {290.5f, 291.0f, 289.75f}; /* "température ρ" */
static const int32_t tri_rank[3] = {0, 1, 2};                      /* "rank" */
static const int32_t img_extent[6] = {0, 2, 0, 2, 0, 0};           /* 3 x 3 points, 4 cells */
static const double img_origin[3] = {0, 0, 0}, img_spacing[3] = {1, 1, 1};
static const uint16_t img_material[4] = {1, 2, 3, 65535};          /* "material" cells */
static const double table_x[2] = {0.1, 0.2};                       /* "x" column */
static const char *const table_tag[2] = {"α", "β"};                /* "tag" column */
static const double root_time[1] = {12.5};                         /* root field "TIME" */

/* Block `index` of `mb`: its type and name (NULL = unnamed, VTKWIRE_OBJECT_NULL = null block).
 * `*out_block` is borrowed from `mb`. */
static int check_block(const vtkwire_object *mb, size_t index, int32_t type, const char *name,
                       const vtkwire_object **out_block)
{
  int rc = 1;
  const vtkwire_object *block = NULL;
  const char *got_name = NULL;
  size_t name_len = 0;

  CHECK(vtkwire_multiblock_block(mb, index, &block, &got_name, &name_len));
  if (vtkwire_object_type(block) != type)
    FAIL("block %zu has type %d, expected %d", index, (int)vtkwire_object_type(block), (int)type);
  if (name == NULL ? got_name != NULL : !same_name(got_name, name_len, name))
    FAIL("block %zu is named \"%.*s\", expected %s", index, (int)name_len,
         got_name ? got_name : "(unnamed)", name ? name : "(unnamed)");
  if (out_block) *out_block = block;
  rc = 0;
cleanup:
  return rc;
}

static int check_multiblock(const vtkwire_object *root)
{
  int rc = 1;
  size_t n = 0, nbytes = 0;
  const vtkwire_object *poly = NULL, *nested = NULL, *image = NULL, *table = NULL;
  const vtkwire_array *points = NULL;
  const void *data = NULL;
  const int64_t *offsets = NULL, *conn = NULL;
  size_t noffsets = 0, nconn = 0;
  int32_t extent[6];

  EXPECT(vtkwire_object_type(root) == VTKWIRE_OBJECT_MULTIBLOCK);
  EXPECT(strcmp(vtkwire_object_class_name(root), "vtkMultiBlockDataSet") == 0);
  CHECK(vtkwire_multiblock_block_count(root, &n));
  EXPECT(n == 4);
  if (check_block(root, 0, VTKWIRE_OBJECT_POLY_DATA, "maillage fluide", &poly) ||
      check_block(root, 1, VTKWIRE_OBJECT_NULL, "vide", NULL) ||
      check_block(root, 2, VTKWIRE_OBJECT_MULTIBLOCK, "niveau 2", &nested) ||
      check_block(root, 3, VTKWIRE_OBJECT_TABLE, NULL, &table))
    goto cleanup;
  /* The root's own field data. */
  if (check_array(root, VTKWIRE_ASSOCIATION_FIELD, "TIME", VTKWIRE_TYPE_DOUBLE, 1, 1, root_time,
                  sizeof root_time))
    goto cleanup;

  /* Block 0: the triangle. */
  CHECK(vtkwire_object_points(poly, &points));
  CHECK(vtkwire_array_data(points, &data, &nbytes));
  EXPECT(nbytes == sizeof tri_xyz && memcmp(data, tri_xyz, sizeof tri_xyz) == 0);
  CHECK(vtkwire_poly_data_cells(poly, VTKWIRE_POLY_POLYS, &offsets, &noffsets, &conn, &nconn));
  EXPECT(noffsets == 2 && memcmp(offsets, tri_offsets, sizeof tri_offsets) == 0);
  EXPECT(nconn == 3 && memcmp(conn, tri_conn, sizeof tri_conn) == 0);
  if (check_array(poly, VTKWIRE_ASSOCIATION_POINT, "température ρ", VTKWIRE_TYPE_FLOAT, 3, 1,
                  tri_temperature, sizeof tri_temperature) ||
      check_array(poly, VTKWIRE_ASSOCIATION_POINT, "rank", VTKWIRE_TYPE_INT, 3, 1, tri_rank,
                  sizeof tri_rank) ||
      check_active(poly, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS, "température ρ"))
    goto cleanup;

  /* Block 2: a nested multiblock holding an image and a null block. */
  CHECK(vtkwire_multiblock_block_count(nested, &n));
  EXPECT(n == 2);
  if (check_block(nested, 0, VTKWIRE_OBJECT_IMAGE_DATA, "image ρ", &image) ||
      check_block(nested, 1, VTKWIRE_OBJECT_NULL, NULL, NULL))
    goto cleanup;
  CHECK(vtkwire_object_extent(image, extent));
  EXPECT(memcmp(extent, img_extent, sizeof extent) == 0);
  if (check_array(image, VTKWIRE_ASSOCIATION_CELL, "material", VTKWIRE_TYPE_UNSIGNED_SHORT, 4, 1,
                  img_material, sizeof img_material))
    goto cleanup;

  /* Block 3: the table. */
  CHECK(vtkwire_object_count(table, VTKWIRE_ASSOCIATION_ROW, &n));
  EXPECT(n == 2);
  if (check_array(table, VTKWIRE_ASSOCIATION_ROW, "x", VTKWIRE_TYPE_DOUBLE, 2, 1, table_x,
                  sizeof table_x) ||
      check_strings(table, VTKWIRE_ASSOCIATION_ROW, "tag", table_tag, 2))
    goto cleanup;
  rc = 0;
cleanup:
  return rc;
}

int main(void)
{
  int rc = 1;
  vtkwire_object *root = NULL;
  vtkwire_object *nested = NULL;
  vtkwire_object *poly = NULL;
  vtkwire_object *image = NULL;
  vtkwire_object *table = NULL;
  vtkwire_array *tags = NULL;
  const vtkwire_object *block = NULL;
  const char *name = NULL;
  size_t name_len = 0;
  char summary[512];
  size_t summary_len = 0;

  /* The leaves. */
  CHECK(vtkwire_poly_data_new(&poly));
  CHECK(vtkwire_object_set_points(poly, VTKWIRE_TYPE_FLOAT, tri_xyz, 3));
  CHECK(vtkwire_poly_data_set_cells(poly, VTKWIRE_POLY_POLYS, tri_offsets, 2, tri_conn, 3));
  CHECK(vtkwire_object_add_array_data(poly, VTKWIRE_ASSOCIATION_POINT, "température ρ",
                                      VTKWIRE_TYPE_FLOAT, tri_temperature, 3, 1, NULL));
  CHECK(vtkwire_object_set_active(poly, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS,
                                  "température ρ"));
  CHECK(vtkwire_object_add_array_data(poly, VTKWIRE_ASSOCIATION_POINT, "rank", VTKWIRE_TYPE_INT,
                                      tri_rank, 3, 1, NULL));
  CHECK(vtkwire_image_data_new(img_extent, img_origin, img_spacing, &image));
  CHECK(vtkwire_object_add_array_data(image, VTKWIRE_ASSOCIATION_CELL, "material",
                                      VTKWIRE_TYPE_UNSIGNED_SHORT, img_material, 4, 1, NULL));
  CHECK(vtkwire_table_new(&table));
  CHECK(vtkwire_object_add_array_data(table, VTKWIRE_ASSOCIATION_ROW, "x", VTKWIRE_TYPE_DOUBLE,
                                      table_x, 2, 1, NULL));
  CHECK(vtkwire_array_new_strings("tag", table_tag, 2, &tags));
  CHECK(vtkwire_object_add_array(table, VTKWIRE_ASSOCIATION_ROW, tags, NULL));

  /* The nested multiblock: 2 null blocks, then block 0 is set to a copy of the image. */
  CHECK(vtkwire_multiblock_new(2, &nested));
  CHECK(vtkwire_multiblock_set_block(nested, 0, "image ρ", image));

  /* The root: created with 2 blocks; setting index 3 grows it to 4. */
  CHECK(vtkwire_multiblock_new(2, &root));
  CHECK(vtkwire_multiblock_set_block(root, 0, "maillage fluide", poly)); /* copied */
  CHECK(vtkwire_multiblock_set_block(root, 1, "vide", NULL));            /* a named null block */
  CHECK(vtkwire_multiblock_set_block(root, 3, NULL, table));             /* grows; unnamed */
  CHECK(vtkwire_multiblock_set_block_take(root, 2, "niveau 2", nested)); /* handed over */
  nested = NULL; /* owned by root now: do not free */
  CHECK(vtkwire_object_add_array_data(root, VTKWIRE_ASSOCIATION_FIELD, "TIME", VTKWIRE_TYPE_DOUBLE,
                                      root_time, 1, 1, NULL));

  CHECK(vtkwire_object_summary(root, summary, sizeof summary, &summary_len));
  printf("%s\n", summary);

  /* Errors. */
  stage = "error paths";
  EXPECT_ERROR(vtkwire_multiblock_block(root, 4, &block, &name, &name_len),
               VTKWIRE_STATUS_OUT_OF_RANGE);
  EXPECT(block == NULL && name == NULL);
  EXPECT_ERROR(vtkwire_multiblock_set_block(poly, 0, "x", table),
               VTKWIRE_STATUS_WRONG_OBJECT_TYPE); /* poly is not a multiblock */
  EXPECT_ERROR(vtkwire_multiblock_set_block(NULL, 0, "x", table), VTKWIRE_STATUS_NULL_ARGUMENT);
  EXPECT_ERROR(vtkwire_multiblock_set_block(root, 0, "\xff\xfe", table),
               VTKWIRE_STATUS_INVALID_UTF8);
  EXPECT_ERROR(vtkwire_object_add_array_data(root, VTKWIRE_ASSOCIATION_POINT, "x",
                                             VTKWIRE_TYPE_DOUBLE, table_x, 2, 1, NULL),
               VTKWIRE_STATUS_WRONG_OBJECT_TYPE);

  if (check_copies(root, check_multiblock, "/tmp/vtkwire_example_multiblock.vtk") != 0)
    goto cleanup;

  printf("multiblock: OK\n");
  rc = 0;
cleanup:
  vtkwire_array_free(tags);
  vtkwire_object_free(poly);
  vtkwire_object_free(image);
  vtkwire_object_free(table);
  vtkwire_object_free(nested);
  vtkwire_object_free(root);
  return rc;
}
