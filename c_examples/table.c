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
