/* example_check.h — checking helpers shared by the per-type examples in c_examples/.
 *
 * Each example defines `static int check(const vtkwire_object *obj)` (its own read-back of
 * every count, value and name) before including this file's round-trip driver, which runs
 * that check on the original, on a marshal -> unmarshal copy, and on legacy .vtk files.
 * Failures print file, line and stage on stderr and jump to the caller's `cleanup:` label.
 */
#ifndef VTKWIRE_EXAMPLE_CHECK_H
#define VTKWIRE_EXAMPLE_CHECK_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "vtkwire.h"

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


#endif /* VTKWIRE_EXAMPLE_CHECK_H */
