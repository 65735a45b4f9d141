// cpp_bindings.cpp — the C++17 bindings (include/vtkwire.hpp) over the vtkwire C API.
//
// Builds an image data, a poly data, an unstructured grid, a rectilinear grid, a table, a
// tree, a directed graph and a multiblock holding several of them, with arrays of several
// element types (a string array, a bit array, named components, a lookup table and a
// zero-copy array), then reads everything back through typed views and checks it bit-exact
// (memcmp). Then it marshals the multiblock to VTK's bytes (owned buffer and caller buffer),
// unmarshals them, writes and reads a legacy file, and checks the copies are identical.
// Finally it shows errors arriving as vtkwire::Error exceptions with status and message.
//
// RAII does the cleanup: every Object and Array frees itself, also when a check throws.
// Returns 0 on success; prints what differs and returns 1 on any mismatch.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "vtkwire.hpp"

namespace {

// A failed expectation (not a vtkwire error): where and what.
struct Mismatch : std::runtime_error {
  using std::runtime_error::runtime_error;
};

#define EXPECT(cond)                                                                       \
  do {                                                                                     \
    if (!(cond))                                                                           \
      throw Mismatch(std::string(__FILE__) + ":" + std::to_string(__LINE__) + ": expected " #cond); \
  } while (0)

// Bit-exact comparison of a typed view with the values that went in.
template <class T> bool same(vtkwire::DataView<T> got, const std::vector<T> &want) {
  return got.size() == want.size() && (want.empty() || std::memcmp(got.data(), want.data(), want.size() * sizeof(T)) == 0);
}

// Runs `f`, which must throw vtkwire::Error with `status`; prints the message.
template <class F> void expect_error(const char *what, int32_t status, F &&f) {
  try {
    f();
  } catch (const vtkwire::Error &e) {
    if (e.status() != status)
      throw Mismatch(std::string(what) + ": status " + std::to_string(e.status()) + ", expected " + std::to_string(status));
    if (e.message().empty()) throw Mismatch(std::string(what) + ": empty message");
    std::cout << "expected error (" << what << "): " << e.what() << "\n";
    return;
  }
  throw Mismatch(std::string(what) + ": no exception");
}

// ---- the values that go in ----------------------------------------------------------------

const std::array<int32_t, 6> kExtent = {0, 3, 0, 2, 0, 1};  // 4 x 3 x 2 points, 3 x 2 x 1 cells
const std::array<double, 3> kOrigin = {1.5, -2.0, 0.25};
const std::array<double, 3> kSpacing = {0.5, 0.25, 2.0};
const std::array<double, 9> kDirection = {0, -1, 0, 1, 0, 0, 0, 0, 1};  // 90 degrees about z

std::vector<double> velocity() {  // 24 points x 3 components
  std::vector<double> v;
  for (int i = 0; i < 24; ++i) {
    v.push_back(i * 0.1);
    v.push_back(-i * 1e-300);  // subnormal-ish tiny values must survive bit-exact
    v.push_back(i == 5 ? -0.0 : 1.0 / (i + 1));
  }
  return v;
}
const std::vector<int32_t> kMaterial = {7, -1, 2147483647, -2147483647 - 1, 0, 42};  // 6 cells
const std::vector<int64_t> kIds = {0, 1, 2, 3, 4, 5};                                 // vtkIdType cell ids
const std::vector<std::string> kLabels = {"alpha", "", "gr\xc3\xbc\xc3\x9f" "e", "with space", "z", "last"};
const std::vector<bool> kFlags = {true, false, true, true, false, false};  // 6 cells, one bit each
const std::vector<uint8_t> kLut = {255, 0, 0, 255, 0, 255, 0, 128};           // 2 RGBA colors

// ---- builders -----------------------------------------------------------------------------

vtkwire::Object build_image(const std::vector<float> &temperature /* borrowed: must outlive the image */) {
  using namespace vtkwire;
  Object img = Object::image_data(kExtent, kOrigin, kSpacing);
  img.set_direction(kDirection);

  // Copied from a std::vector (3 components), with named components.
  Array vel = Array::copy("velocity", velocity(), 3);
  vel.set_component_name(0, "vx").set_component_name(1, "vy").set_component_name(2, "vz");
  img.add_array(VTKWIRE_ASSOCIATION_POINT, std::move(vel));  // moved in, no copy
  img.set_active(VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_VECTORS, "velocity");

  // Zero-copy point scalars with a lookup table.
  Array temp = Array::borrowed("temperature", temperature);
  temp.set_lookup_table("heat", kLut);
  img.add_array(VTKWIRE_ASSOCIATION_POINT, temp);  // copies the handle, values stay borrowed
  img.set_active(VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS, "temperature");

  // Cell arrays: int, vtkIdType (explicit type code), strings, bits.
  img.add_array(VTKWIRE_ASSOCIATION_CELL, "material", kMaterial);
  img.add_array(VTKWIRE_ASSOCIATION_CELL, "cell_id", kIds, 1, VTKWIRE_TYPE_ID_TYPE);
  img.add_array(VTKWIRE_ASSOCIATION_CELL, Array::strings("label", kLabels));
  img.add_array(VTKWIRE_ASSOCIATION_CELL, Array::bits("flag", kFlags));

  // Field data: one double, unnamed components.
  const double time = 0.125;
  img.add_array(VTKWIRE_ASSOCIATION_FIELD, "TIME", &time, 1);
  img.validate();
  return img;
}

void check_image(vtkwire::ObjectView img, const std::vector<float> &temperature) {
  using namespace vtkwire;
  EXPECT(img.type() == VTKWIRE_OBJECT_IMAGE_DATA);
  EXPECT(img.class_name() == "vtkImageData");
  EXPECT(img.extent() == kExtent);
  EXPECT(img.count(VTKWIRE_ASSOCIATION_POINT) == 24);
  EXPECT(img.count(VTKWIRE_ASSOCIATION_CELL) == 6);
  const ImageGeometry g = img.image_geometry();
  EXPECT(std::memcmp(g.origin.data(), kOrigin.data(), sizeof kOrigin) == 0);
  EXPECT(std::memcmp(g.spacing.data(), kSpacing.data(), sizeof kSpacing) == 0);
  EXPECT(std::memcmp(g.direction.data(), kDirection.data(), sizeof kDirection) == 0);

  ArrayView vel = img.active_array(VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_VECTORS);
  EXPECT(vel.name() == "velocity" && vel.has_name());
  EXPECT(vel.type() == VTKWIRE_TYPE_DOUBLE && vel.ntuples() == 24 && vel.ncomponents() == 3);
  EXPECT(same(vel.values<double>(), velocity()));
  EXPECT(vel.component_name(0) == "vx" && vel.component_name(2) == "vz");

  ArrayView temp = img.array(VTKWIRE_ASSOCIATION_POINT, "temperature");
  EXPECT(same(temp.values<float>(), temperature));
  EXPECT(img.active_array(VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS).name() == "temperature");
  DataView<uint8_t> lut = temp.lookup_table();
  EXPECT(std::vector<uint8_t>(lut.begin(), lut.end()) == kLut);

  EXPECT(img.array_count(VTKWIRE_ASSOCIATION_CELL) == 4);
  EXPECT(same(img.array(VTKWIRE_ASSOCIATION_CELL, "material").values<int32_t>(), kMaterial));
  ArrayView ids = img.array(VTKWIRE_ASSOCIATION_CELL, "cell_id");
  EXPECT(ids.type() == VTKWIRE_TYPE_ID_TYPE);
  EXPECT(same(ids.values<int64_t>(), kIds));  // int64_t views any 8-byte signed type
  ArrayView label = img.array(VTKWIRE_ASSOCIATION_CELL, "label");
  EXPECT(label.type() == VTKWIRE_TYPE_STRING && label.ntuples() == kLabels.size());
  for (std::size_t i = 0; i < kLabels.size(); ++i) EXPECT(label.string(i) == kLabels[i]);
  ArrayView flag = img.array(VTKWIRE_ASSOCIATION_CELL, "flag");
  EXPECT(flag.type() == VTKWIRE_TYPE_BIT && flag.nvalues() == kFlags.size());
  for (std::size_t i = 0; i < kFlags.size(); ++i) EXPECT(flag.bit(i) == kFlags[i]);

  DataView<double> time = img.array(VTKWIRE_ASSOCIATION_FIELD, 0).values<double>();
  EXPECT(time.size() == 1 && time[0] == 0.125);
}

// Two triangles and a line over 4 points (VTK 9 offsets + connectivity, and the classic layout).
const std::vector<float> kPolyPoints = {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0.5f};
const std::vector<int64_t> kTriOffsets = {0, 3, 6};
const std::vector<int64_t> kTriConn = {0, 1, 2, 0, 2, 3};

vtkwire::Object build_poly() {
  using namespace vtkwire;
  Object pd = Object::poly_data();
  pd.set_points(kPolyPoints);
  pd.set_poly_cells(VTKWIRE_POLY_POLYS, kTriOffsets, kTriConn);
  pd.set_poly_cells_legacy(VTKWIRE_POLY_LINES, {2, 1, 3});
  pd.add_array(VTKWIRE_ASSOCIATION_POINT, "height", std::vector<double>{0.0, 0.0, 0.0, 0.5});
  pd.validate();
  return pd;
}

void check_poly(vtkwire::ObjectView pd) {
  using namespace vtkwire;
  EXPECT(pd.type() == VTKWIRE_OBJECT_POLY_DATA);
  EXPECT(same(pd.points().values<float>(), kPolyPoints));
  PolyCells tris = pd.poly_cells(VTKWIRE_POLY_POLYS);
  EXPECT(tris.ncells() == 2 && same(tris.offsets, kTriOffsets) && same(tris.connectivity, kTriConn));
  PolyCells lines = pd.poly_cells(VTKWIRE_POLY_LINES);
  EXPECT(same(lines.offsets, {0, 2}) && same(lines.connectivity, {1, 3}));
  EXPECT(pd.poly_cells(VTKWIRE_POLY_VERTS).ncells() == 0);
  EXPECT(pd.count(VTKWIRE_ASSOCIATION_CELL) == 3);
}

// One tetrahedron (VTK type 10) and one triangle (5).
vtkwire::Object build_unstructured() {
  using namespace vtkwire;
  Object ug = Object::unstructured_grid();
  ug.set_points(std::vector<double>{0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1});
  ug.set_unstructured_cells({10, 5}, {0, 4, 7}, {0, 1, 2, 3, 1, 2, 3});
  ug.add_array(VTKWIRE_ASSOCIATION_CELL, "quality", std::vector<float>{0.5f, 1.0f});
  return ug;
}

// ---- the program --------------------------------------------------------------------------

int run() {
  using namespace vtkwire;
  std::cout << "vtkwire " << version() << "\n";
  const std::vector<float> temperature = [] {
    std::vector<float> t(24);
    for (std::size_t i = 0; i < t.size(); ++i) t[i] = 20.0f + 0.5f * static_cast<float>(i);
    return t;
  }();

  Object img = build_image(temperature);
  check_image(img, temperature);
  std::cout << img.summary() << "\n";

  Object pd = build_poly();
  check_poly(pd);

  Object ug = build_unstructured();
  UnstructuredCells uc = ug.unstructured_cells();
  EXPECT(same(uc.types, {10, 5}) && same(uc.offsets, {0, 4, 7}));
  EXPECT(same(uc.connectivity, {0, 1, 2, 3, 1, 2, 3}));

  Object rg = Object::rectilinear_grid({0, 2, 0, 1, 0, 0});
  rg.set_coordinates(0, std::vector<double>{0.0, 0.5, 2.0});
  rg.set_coordinates(1, std::vector<float>{-1.0f, 1.0f});
  rg.set_coordinates(2, std::vector<double>{0.0});
  EXPECT(same(rg.coordinates(0).values<double>(), {0.0, 0.5, 2.0}));
  EXPECT(same(rg.coordinates(1).values<float>(), {-1.0f, 1.0f}));

  Object table = Object::table();
  table.add_array(VTKWIRE_ASSOCIATION_ROW, "step", std::vector<int16_t>{1, 2, 3});
  table.add_array(VTKWIRE_ASSOCIATION_ROW, Array::strings("name", std::vector<std::string>{"a", "b", "c"}));
  EXPECT(table.count(VTKWIRE_ASSOCIATION_ROW) == 3);

  // Tree: 0 -> 1, 0 -> 2, 2 -> 3. Directed graph with a cycle.
  Object tree = Object::tree(4, {0, 1, 0, 2, 2, 3});
  EXPECT(same(tree.graph_edges(), {0, 1, 0, 2, 2, 3}));
  Object graph = Object::directed_graph(3, {0, 1, 1, 2, 2, 0});
  graph.add_array(VTKWIRE_ASSOCIATION_EDGE, "weight", std::vector<double>{1.0, 2.0, 3.0});
  EXPECT(graph.count(VTKWIRE_ASSOCIATION_EDGE) == 3 && graph.count(VTKWIRE_ASSOCIATION_VERTEX) == 3);

  // Multiblock: copies (set_block with a view) and moves (set_block with an rvalue Object).
  Object mb = Object::multiblock(2);
  mb.set_block(0, "image", img);
  mb.set_block(1, nullptr, std::move(pd));  // unnamed, moved in: pd is empty now
  EXPECT(!pd);
  mb.set_block(3, "table", table);  // grows the list; block 2 stays null
  mb.set_block(4, "tree", std::move(tree));
  mb.set_block(5, "ugrid", ug);
  EXPECT(mb.block_count() == 6);
  Block b0 = mb.block(0), b1 = mb.block(1), b2 = mb.block(2);
  EXPECT(b0.name == "image" && b0.has_name);
  check_image(b0.object, temperature);
  EXPECT(!b1.has_name);
  check_poly(b1.object);
  EXPECT(!b2.object && b2.object.type() == VTKWIRE_OBJECT_NULL);
  mb.validate();

  // Marshal (library buffer) -> unmarshal -> marshal again: identical bytes, identical values.
  Bytes bytes = mb.marshal();
  EXPECT(bytes.size() == mb.marshaled_size());
  Object back = Object::unmarshal(bytes.data(), bytes.size());
  EXPECT(back.type() == VTKWIRE_OBJECT_MULTIBLOCK && back.block_count() == 6);
  check_image(back.block(0).object, temperature);
  check_poly(back.block(1).object);
  Bytes again = back.marshal();
  EXPECT(again.size() == bytes.size() && std::memcmp(again.data(), bytes.data(), bytes.size()) == 0);

  // Marshal into a caller buffer.
  std::vector<uint8_t> buf(mb.marshaled_size());
  EXPECT(mb.marshal_into(buf) == bytes.size() && std::memcmp(buf.data(), bytes.data(), buf.size()) == 0);

  // Legacy file round trip of the image.
  const std::string path = "cpp_bindings_image.vtk";
  img.legacy_write(path, true);
  Object from_file = Object::legacy_read(path);
  check_image(from_file, temperature);
  std::remove(path.c_str());

  // Clones are deep: the clone's borrowed temperature was copied.
  Object copy = img.clone();
  Array temp_copy = copy.array(VTKWIRE_ASSOCIATION_POINT, "temperature").clone();
  EXPECT(same(temp_copy.values<float>(), temperature));
  copy.remove_array(VTKWIRE_ASSOCIATION_POINT, 0);
  EXPECT(copy.array_count(VTKWIRE_ASSOCIATION_POINT) == 1 && img.array_count(VTKWIRE_ASSOCIATION_POINT) == 2);

  // Errors come back as exceptions with the status and the library's message.
  expect_error("inconsistent extent", VTKWIRE_STATUS_INVALID_OBJECT,
               [] { Object::image_data({0, -5, 0, 1, 0, 1}); });
  expect_error("typed view of the wrong type", VTKWIRE_STATUS_WRONG_ARRAY_TYPE,
               [&] { img.array(VTKWIRE_ASSOCIATION_CELL, "material").values<double>(); });
  expect_error("missing array", VTKWIRE_STATUS_NOT_FOUND,
               [&] { img.array(VTKWIRE_ASSOCIATION_POINT, "no such array"); });
  expect_error("tree with a cycle", VTKWIRE_STATUS_INVALID_OBJECT, [] { Object::tree(3, {0, 1, 1, 2, 2, 0}); });
  expect_error("points on a table", VTKWIRE_STATUS_WRONG_OBJECT_TYPE,
               [&] { table.set_points(std::vector<double>{0, 0, 0}); });
  expect_error("truncated bytes", VTKWIRE_STATUS_TRUNCATED,
               [&] { Object::unmarshal(bytes.data(), bytes.size() / 2); });
  expect_error("caller buffer too small", VTKWIRE_STATUS_OUT_OF_RANGE, [&] {
    std::vector<uint8_t> small(16);
    mb.marshal_into(small);
  });
  expect_error("components do not divide the values", VTKWIRE_STATUS_INVALID_ARGUMENT,
               [] { Array::copy("odd", std::vector<double>{1, 2, 3, 4}, 3); });
  return 0;
}

} // namespace

int main() {
  try {
    const int rc = run();
    vtkwire::release_memory();  // hand back what vtkwire kept for reuse
    if (rc == 0) std::cout << "cpp_bindings: OK\n";
    return rc;
  } catch (const std::exception &e) {
    std::cerr << "cpp_bindings: " << e.what() << "\n";
    return 1;
  }
}
