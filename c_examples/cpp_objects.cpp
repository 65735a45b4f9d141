// cpp_objects.cpp — using the vtkwire C API from C++17 with RAII.
//
// Every handle the caller owns goes into a std::unique_ptr with a deleter that calls the
// matching vtkwire_*_free, so nothing leaks on any path; every status is turned into an
// exception carrying vtkwire_last_error(). Builds a poly data (two triangles, point and cell
// arrays) and a table (numeric and string columns), checks them, marshals each to VTK's bytes,
// unmarshals and checks the copy again.
//
// Returns 0 on success; on any failure prints the reason on stderr and returns 1.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "vtkwire.h"

namespace {

// ---- RAII wrappers -------------------------------------------------------------------------

struct ObjectFree {
  void operator()(vtkwire_object *obj) const noexcept { vtkwire_object_free(obj); }
};
struct ArrayFree {
  void operator()(vtkwire_array *array) const noexcept { vtkwire_array_free(array); }
};
using Object = std::unique_ptr<vtkwire_object, ObjectFree>;
using Array = std::unique_ptr<vtkwire_array, ArrayFree>;

// Marshaled bytes: vtkwire_bytes_free needs the length back, so the deleter keeps it.
struct BytesFree {
  std::size_t len = 0;
  void operator()(std::uint8_t *bytes) const noexcept { vtkwire_bytes_free(bytes, len); }
};
using Bytes = std::unique_ptr<std::uint8_t, BytesFree>;

// Throws on any status but OK, with the library's message.
void check(vtkwire_status status, const char *what)
{
  if (status != VTKWIRE_STATUS_OK)
    throw std::runtime_error(std::string(what) + ": " + vtkwire_status_str(status) + ": " +
                             vtkwire_last_error());
}

void expect(bool ok, const std::string &what)
{
  if (!ok) throw std::runtime_error("check failed: " + what);
}

// Names and strings come back as pointer + length (not NUL-terminated): a string_view.
std::string_view array_name(const vtkwire_array *array)
{
  const char *name = nullptr;
  std::size_t len = 0;
  check(vtkwire_array_name(array, &name, &len), "vtkwire_array_name");
  return name ? std::string_view(name, len) : std::string_view();
}

const vtkwire_array *array_by_name(const vtkwire_object *obj, std::int32_t assoc, const char *name)
{
  const vtkwire_array *array = nullptr;
  check(vtkwire_object_array_by_name(obj, assoc, name, &array), name);
  return array;
}

// Compares a numeric array with `expected`: element type, tuples, components, values
// (bit-exact).
template <class T>
void expect_values(const vtkwire_array *array, std::int32_t type, std::int32_t ncomponents,
                   const std::vector<T> &expected)
{
  std::int32_t got_type = 0, got_ncomponents = 0;
  std::size_t ntuples = 0, nbytes = 0;
  const void *data = nullptr;
  const std::string name(array_name(array));
  check(vtkwire_array_info(array, &got_type, &ntuples, &got_ncomponents), "vtkwire_array_info");
  expect(got_type == type && got_ncomponents == ncomponents &&
             ntuples * static_cast<std::size_t>(ncomponents) == expected.size(),
         name + ": type/shape");
  check(vtkwire_array_data(array, &data, &nbytes), "vtkwire_array_data");
  expect(nbytes == expected.size() * sizeof(T) &&
             std::memcmp(data, expected.data(), nbytes) == 0,
         name + ": values");
}

// Marshals `obj` and unmarshals the bytes into a new object.
Object round_trip(const vtkwire_object *obj)
{
  std::uint8_t *raw = nullptr;
  std::size_t len = 0;
  check(vtkwire_marshal(obj, &raw, &len), "vtkwire_marshal");
  Bytes bytes(raw, BytesFree{len});
  vtkwire_object *copy = nullptr;
  check(vtkwire_unmarshal(bytes.get(), len, &copy), "vtkwire_unmarshal");
  std::printf("%s: %zu marshaled bytes\n", vtkwire_object_class_name(obj), len);
  return Object(copy);
}

// ---- poly data -----------------------------------------------------------------------------

const std::vector<double> kQuadPoints = {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0};
const std::vector<std::int64_t> kOffsets = {0, 3, 6};
const std::vector<std::int64_t> kConnectivity = {0, 1, 2, 0, 2, 3};
const std::vector<float> kTemperature = {20.0f, 21.5f, 19.25f, 18.0f}; // "température ρ"
const std::vector<std::int32_t> kPart = {7, 8};                        // cell "part"

Object make_poly()
{
  vtkwire_object *raw = nullptr;
  check(vtkwire_poly_data_new(&raw), "vtkwire_poly_data_new");
  Object poly(raw);
  check(vtkwire_object_set_points(poly.get(), VTKWIRE_TYPE_DOUBLE, kQuadPoints.data(), 4),
        "set_points");
  check(vtkwire_poly_data_set_cells(poly.get(), VTKWIRE_POLY_POLYS, kOffsets.data(),
                                    kOffsets.size(), kConnectivity.data(), kConnectivity.size()),
        "set_cells");
  // A standalone array handed over with _take: release() only once the call succeeded.
  vtkwire_array *array_raw = nullptr;
  check(vtkwire_array_new("température ρ", VTKWIRE_TYPE_FLOAT, kTemperature.data(),
                          kTemperature.size(), 1, &array_raw),
        "vtkwire_array_new");
  Array temperature(array_raw);
  check(vtkwire_object_add_array_take(poly.get(), VTKWIRE_ASSOCIATION_POINT, temperature.get(),
                                      nullptr),
        "add_array_take");
  temperature.release(); // owned by poly now
  check(vtkwire_object_set_active(poly.get(), VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS,
                                  "température ρ"),
        "set_active");
  check(vtkwire_object_add_array_data(poly.get(), VTKWIRE_ASSOCIATION_CELL, "part",
                                      VTKWIRE_TYPE_INT, kPart.data(), kPart.size(), 1, nullptr),
        "add part");
  return poly;
}

void check_poly(const vtkwire_object *poly)
{
  expect(vtkwire_object_type(poly) == VTKWIRE_OBJECT_POLY_DATA, "type");
  std::size_t n = 0;
  check(vtkwire_object_count(poly, VTKWIRE_ASSOCIATION_POINT, &n), "count");
  expect(n == 4, "4 points");
  check(vtkwire_object_count(poly, VTKWIRE_ASSOCIATION_CELL, &n), "count");
  expect(n == 2, "2 cells");
  const vtkwire_array *points = nullptr;
  check(vtkwire_object_points(poly, &points), "points");
  expect_values(points, VTKWIRE_TYPE_DOUBLE, 3, kQuadPoints);

  const std::int64_t *offsets = nullptr, *conn = nullptr;
  std::size_t noffsets = 0, nconn = 0;
  check(vtkwire_poly_data_cells(poly, VTKWIRE_POLY_POLYS, &offsets, &noffsets, &conn, &nconn),
        "cells");
  expect(std::vector<std::int64_t>(offsets, offsets + noffsets) == kOffsets, "offsets");
  expect(std::vector<std::int64_t>(conn, conn + nconn) == kConnectivity, "connectivity");

  expect_values(array_by_name(poly, VTKWIRE_ASSOCIATION_POINT, "température ρ"),
                VTKWIRE_TYPE_FLOAT, 1, kTemperature);
  expect_values(array_by_name(poly, VTKWIRE_ASSOCIATION_CELL, "part"), VTKWIRE_TYPE_INT, 1, kPart);
  const vtkwire_array *scalars = nullptr;
  check(vtkwire_object_active_array(poly, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS,
                                    &scalars),
        "active scalars");
  expect(array_name(scalars) == "température ρ", "active scalars name");
}

// ---- table ---------------------------------------------------------------------------------

const std::vector<double> kMass = {1.5, 2.25, 1e-12};
const std::vector<std::uint16_t> kCount = {0, 65535, 3};
const std::vector<const char *> kElement = {"hydrogène", "hélium", "lithium 7"};

Object make_table()
{
  vtkwire_object *raw = nullptr;
  check(vtkwire_table_new(&raw), "vtkwire_table_new");
  Object table(raw);
  check(vtkwire_object_add_array_data(table.get(), VTKWIRE_ASSOCIATION_ROW, "mass",
                                      VTKWIRE_TYPE_DOUBLE, kMass.data(), kMass.size(), 1, nullptr),
        "add mass");
  check(vtkwire_object_add_array_data(table.get(), VTKWIRE_ASSOCIATION_ROW, "count",
                                      VTKWIRE_TYPE_UNSIGNED_SHORT, kCount.data(), kCount.size(), 1,
                                      nullptr),
        "add count");
  vtkwire_array *array_raw = nullptr;
  check(vtkwire_array_new_strings("élément", kElement.data(), kElement.size(), &array_raw),
        "vtkwire_array_new_strings");
  Array element(array_raw);
  check(vtkwire_object_add_array(table.get(), VTKWIRE_ASSOCIATION_ROW, element.get(), nullptr),
        "add element"); // copied: `element` is still ours and freed by its unique_ptr
  return table;
}

void check_table(const vtkwire_object *table)
{
  expect(vtkwire_object_type(table) == VTKWIRE_OBJECT_TABLE, "type");
  std::size_t n = 0;
  check(vtkwire_object_count(table, VTKWIRE_ASSOCIATION_ROW, &n), "rows");
  expect(n == 3, "3 rows");
  check(vtkwire_object_array_count(table, VTKWIRE_ASSOCIATION_ROW, &n), "columns");
  expect(n == 3, "3 columns");
  expect_values(array_by_name(table, VTKWIRE_ASSOCIATION_ROW, "mass"), VTKWIRE_TYPE_DOUBLE, 1, kMass);
  expect_values(array_by_name(table, VTKWIRE_ASSOCIATION_ROW, "count"),
                VTKWIRE_TYPE_UNSIGNED_SHORT, 1, kCount);
  const vtkwire_array *element = array_by_name(table, VTKWIRE_ASSOCIATION_ROW, "élément");
  for (std::size_t i = 0; i < kElement.size(); ++i) {
    const char *value = nullptr;
    std::size_t len = 0;
    check(vtkwire_array_string(element, i, &value, &len), "vtkwire_array_string");
    expect(std::string_view(value, len) == kElement[i], std::string("élément ") + kElement[i]);
  }
}

} // namespace

int main()
{
  try {
    Object poly = make_poly();
    check(vtkwire_object_validate(poly.get()), "validate poly");
    check_poly(poly.get());
    Object poly_copy = round_trip(poly.get());
    check_poly(poly_copy.get());

    Object table = make_table();
    check(vtkwire_object_validate(table.get()), "validate table");
    check_table(table.get());
    Object table_copy = round_trip(table.get());
    check_table(table_copy.get());

    // An error path: poly data has no rows. The status and message come back; nothing throws
    // inside the library.
    std::size_t n = 0;
    const vtkwire_status status = vtkwire_object_count(poly.get(), VTKWIRE_ASSOCIATION_ROW, &n);
    expect(status == VTKWIRE_STATUS_WRONG_OBJECT_TYPE, "rows of a poly data are an error");
    expect(std::strlen(vtkwire_last_error()) > 0, "an error message");
    std::printf("expected error: %s\n", vtkwire_last_error());
  } catch (const std::exception &e) {
    std::fprintf(stderr, "cpp_objects: %s\n", e.what());
    return 1;
  }
  std::printf("cpp_objects: OK\n");
  return 0;
}
