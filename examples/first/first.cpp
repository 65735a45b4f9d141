// first.cpp — a first vtkwire program in C++17: a triangle with a point array, marshaled to
// VTK's bytes, read back, and written as a legacy .vtk file ParaView opens. RAII handles free
// themselves; a failing call throws vtkwire::Error. Needs no MPI:
//   c++ -std=c++17 first.cpp -Iinclude -Ltarget/release -lvtkwire -o first && ./first triangle.vtk
#include <cstdio>
#include <vector>

#include "vtkwire.hpp"

int main(int argc, char **argv) {
  try {
    const std::vector<float> xyz = {0, 0, 0, 1, 0, 0, 0, 1, 0};
    const std::vector<double> temperature = {20.5, 21.0, 19.5};

    vtkwire::Object mesh = vtkwire::Object::poly_data();
    mesh.set_points(xyz);
    mesh.set_poly_cells(VTKWIRE_POLY_POLYS, {0, 3}, {0, 1, 2});
    mesh.add_array(VTKWIRE_ASSOCIATION_POINT, "temperature", temperature);

    vtkwire::Bytes bytes = mesh.marshal();  // the bytes of VTK's MarshalDataObject
    vtkwire::Object copy = vtkwire::Object::unmarshal(bytes.data(), bytes.size());
    copy.legacy_write(argc > 1 ? argv[1] : "triangle.vtk");
    std::printf("%zu bytes; read back: %s\n", bytes.size(), copy.summary().c_str());
    return 0;
  } catch (const vtkwire::Error &e) {
    std::fprintf(stderr, "vtkwire: %s\n", e.what());
    return 1;
  }
}
