// vtkwire.hpp must compile on its own as C++17 with a plain C++ compiler (only vtkwire.h from
// outside, no MPI), with every inline function instantiated by at least a reference.
#include "vtkwire.hpp"

int main() {
  vtkwire::ObjectView none;
  return none.type() == VTKWIRE_OBJECT_NULL && !none && vtkwire::type_matches<double>(VTKWIRE_TYPE_DOUBLE) ? 0 : 1;
}
