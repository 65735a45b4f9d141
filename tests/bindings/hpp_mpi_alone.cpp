// vtkwire_mpi.hpp must compile on its own as C++17 under -Wall -Wextra -Werror without
// -DOMPI_SKIP_MPICXX (vtkwire_mpi.h defines it before <mpi.h>).
#include "vtkwire_mpi.hpp"

int main() {
  vtkwire::VtkVersion v;
  return v.major == 9 ? 0 : 1;
}
