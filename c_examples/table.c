/* table.c — a vtkTable through the vtkwire C API.
 *
 * A table is a set of columns (arrays in the row data, VTKWIRE_ASSOCIATION_ROW) that all have
 * the same number of rows. This builds a 4-row table with numeric columns of several element
 * types (one with a Unicode name, one with 2 components, a bit column), a string column as
 * pedigree ids, and field data, reads everything back, then checks the marshaled/unmarshaled
 * copy and legacy .vtk files (binary and ASCII).
 *
 * Returns 0 on success; on any mismatch prints what differs on stderr and returns 1.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "vtkwire.h"

/* FAIL, CHECK, EXPECT, EXPECT_ERROR, check_array, check_strings, check_active, check_copies. */
#include "example_check.h"

/* ---- the table ---------------------------------------------------------------------------- */

#define NROWS 4

static const double temperature[NROWS] = {-273.15, 0.0, 36.6, 1e300}; /* "température ρ" */
static const int32_t count[NROWS] = {0, -1, 2147483647, -2147483647 - 1};
static const int8_t code[NROWS] = {'A', -2, 0, 127};                    /* signed char */
static const uint64_t big[NROWS] = {0, 1, 18446744073709551615ull, 42};
static const float position[NROWS * 2] = {0.5f, -0.5f, 1e-38f, 3e38f, 0, 0, -1, 1};
static const uint8_t selected_bits[1] = {0x90};                          /* 1 0 0 1 */
static const char *const city[NROWS] = {"Paris", "Zürich", "東京", "New York"};
static const char *const title[1] = {"villes et températures"};

static int check_table(const vtkwire_object *table)
{
  int rc = 1;
  size_t n = 0;

  EXPECT(vtkwire_object_type(table) == VTKWIRE_OBJECT_TABLE);
  EXPECT(strcmp(vtkwire_object_class_name(table), "vtkTable") == 0);
  CHECK(vtkwire_object_count(table, VTKWIRE_ASSOCIATION_ROW, &n));
  EXPECT(n == NROWS);
  CHECK(vtkwire_object_array_count(table, VTKWIRE_ASSOCIATION_ROW, &n));
  EXPECT(n == 7);
  if (check_array(table, VTKWIRE_ASSOCIATION_ROW, "température ρ", VTKWIRE_TYPE_DOUBLE, NROWS, 1,
                  temperature, sizeof temperature) ||
      check_array(table, VTKWIRE_ASSOCIATION_ROW, "count", VTKWIRE_TYPE_INT, NROWS, 1, count,
                  sizeof count) ||
      check_array(table, VTKWIRE_ASSOCIATION_ROW, "code", VTKWIRE_TYPE_SIGNED_CHAR, NROWS, 1, code,
                  sizeof code) ||
      check_array(table, VTKWIRE_ASSOCIATION_ROW, "big", VTKWIRE_TYPE_UNSIGNED_LONG_LONG, NROWS, 1,
                  big, sizeof big) ||
      check_array(table, VTKWIRE_ASSOCIATION_ROW, "position", VTKWIRE_TYPE_FLOAT, NROWS, 2,
                  position, sizeof position) ||
      check_array(table, VTKWIRE_ASSOCIATION_ROW, "selected", VTKWIRE_TYPE_BIT, NROWS, 1,
                  selected_bits, sizeof selected_bits) ||
      check_strings(table, VTKWIRE_ASSOCIATION_ROW, "city", city, NROWS) ||
      check_active(table, VTKWIRE_ASSOCIATION_ROW, VTKWIRE_ROLE_PEDIGREE_IDS, "city"))
    goto cleanup;
  CHECK(vtkwire_object_array_count(table, VTKWIRE_ASSOCIATION_FIELD, &n));
  EXPECT(n == 1);
  if (check_strings(table, VTKWIRE_ASSOCIATION_FIELD, "title", title, 1)) goto cleanup;
  rc = 0;
cleanup:
  return rc;
}

int main(void)
{
  int rc = 1;
  vtkwire_object *table = NULL;
  vtkwire_object *broken = NULL;
  vtkwire_array *city_column = NULL;
  vtkwire_array *title_array = NULL;
  const vtkwire_array *column = NULL;
  size_t n = 0;
  char summary[512];
  size_t summary_len = 0;

  CHECK(vtkwire_table_new(&table));
  CHECK(vtkwire_object_add_array_data(table, VTKWIRE_ASSOCIATION_ROW, "température ρ",
                                      VTKWIRE_TYPE_DOUBLE, temperature, NROWS, 1, NULL));
  CHECK(vtkwire_object_add_array_data(table, VTKWIRE_ASSOCIATION_ROW, "count", VTKWIRE_TYPE_INT,
                                      count, NROWS, 1, NULL));
  CHECK(vtkwire_object_add_array_data(table, VTKWIRE_ASSOCIATION_ROW, "code",
                                      VTKWIRE_TYPE_SIGNED_CHAR, code, NROWS, 1, NULL));
  CHECK(vtkwire_object_add_array_data(table, VTKWIRE_ASSOCIATION_ROW, "big",
                                      VTKWIRE_TYPE_UNSIGNED_LONG_LONG, big, NROWS, 1, NULL));
  CHECK(vtkwire_object_add_array_data(table, VTKWIRE_ASSOCIATION_ROW, "position",
                                      VTKWIRE_TYPE_FLOAT, position, NROWS, 2, NULL));
  CHECK(vtkwire_object_add_array_data(table, VTKWIRE_ASSOCIATION_ROW, "selected", VTKWIRE_TYPE_BIT,
                                      selected_bits, NROWS, 1, NULL));
  /* A string column, also the table's pedigree ids. */
  CHECK(vtkwire_array_new_strings("city", city, NROWS, &city_column));
  CHECK(vtkwire_object_add_array(table, VTKWIRE_ASSOCIATION_ROW, city_column, NULL));
  CHECK(vtkwire_object_set_active(table, VTKWIRE_ASSOCIATION_ROW, VTKWIRE_ROLE_PEDIGREE_IDS, "city"));
  CHECK(vtkwire_array_new_strings("title", title, 1, &title_array));
  CHECK(vtkwire_object_add_array(table, VTKWIRE_ASSOCIATION_FIELD, title_array, NULL));

  CHECK(vtkwire_object_summary(table, summary, sizeof summary, &summary_len));
  printf("%s\n", summary);

  /* Columns are found by index too: column 6 is "city". */
  {
    const char *name = NULL;
    size_t name_len = 0;
    CHECK(vtkwire_object_array(table, VTKWIRE_ASSOCIATION_ROW, 6, &column));
    CHECK(vtkwire_array_name(column, &name, &name_len));
    printf("column 6 is \"%.*s\"\n", (int)name_len, name);
    EXPECT(same_name(name, name_len, "city"));
  }

  /* Errors. */
  stage = "error paths";
  column = NULL;
  EXPECT_ERROR(vtkwire_object_array(table, VTKWIRE_ASSOCIATION_ROW, 7, &column),
               VTKWIRE_STATUS_OUT_OF_RANGE);
  EXPECT(column == NULL);
  EXPECT_ERROR(vtkwire_object_array_by_name(table, VTKWIRE_ASSOCIATION_ROW, "missing", &column),
               VTKWIRE_STATUS_NOT_FOUND);
  EXPECT_ERROR(vtkwire_object_count(table, VTKWIRE_ASSOCIATION_POINT, &n),
               VTKWIRE_STATUS_WRONG_OBJECT_TYPE); /* tables have rows, not points */
  EXPECT_ERROR(vtkwire_object_add_array_data(table, VTKWIRE_ASSOCIATION_CELL, "x", VTKWIRE_TYPE_INT,
                                             count, NROWS, 1, NULL),
               VTKWIRE_STATUS_WRONG_OBJECT_TYPE);
  {
    const void *data = NULL;
    const char *value = NULL;
    EXPECT_ERROR(vtkwire_array_string(city_column, NROWS, &value, &n), VTKWIRE_STATUS_OUT_OF_RANGE);
    EXPECT_ERROR(vtkwire_array_data(city_column, &data, &n), VTKWIRE_STATUS_WRONG_ARRAY_TYPE);
  }
  CHECK(vtkwire_object_clone(table, &broken));
  CHECK(vtkwire_object_add_array_data(broken, VTKWIRE_ASSOCIATION_ROW, "short column",
                                      VTKWIRE_TYPE_INT, count, NROWS - 1, 1, NULL));
  EXPECT_ERROR(vtkwire_object_validate(broken), VTKWIRE_STATUS_INVALID_OBJECT);

  if (check_copies(table, check_table, "/tmp/vtkwire_example_table.vtk") != 0) goto cleanup;

  printf("table: OK\n");
  rc = 0;
cleanup:
  vtkwire_array_free(city_column);
  vtkwire_array_free(title_array);
  vtkwire_object_free(broken);
  vtkwire_object_free(table);
  return rc;
}
