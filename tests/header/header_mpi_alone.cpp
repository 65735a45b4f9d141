// include/vtkwire_mpi.h must compile on its own as C++17 under -Wall -Wextra -Werror WITHOUT
// -DOMPI_SKIP_MPICXX / -DMPICH_SKIP_MPICXX: the header defines them before <mpi.h>.
#include "vtkwire_mpi.h"

int main() {
  int32_t major = 0, minor = 0;
  if (vtkwire_get_vtk_peer_version(&major, &minor) != VTKWIRE_STATUS_OK) return 1;
  return major >= 9 ? 0 : 1;
}
