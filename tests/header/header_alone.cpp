// include/vtkwire.h must compile on its own as C++17 with a plain C++ compiler (no MPI anywhere).
#include "vtkwire.h"

int main() {
  const vtkwire_object *obj = nullptr;
  return vtkwire_object_type(obj) == VTKWIRE_OBJECT_NULL ? 0 : 1;
}
