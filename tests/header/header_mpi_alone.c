/* include/vtkwire_mpi.h must compile on its own as C11 (it includes <mpi.h> and vtkwire.h). */
#include "vtkwire_mpi.h"

int main(void) {
  int32_t major = 0, minor = 0;
  if (vtkwire_get_vtk_peer_version(&major, &minor) != VTKWIRE_STATUS_OK) return 1;
  return major >= 9 && vtkwire_object_type(NULL) == VTKWIRE_OBJECT_NULL ? 0 : 1;
}
