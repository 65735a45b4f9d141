/* include/vtkwire.h must compile on its own as C11 with a plain C compiler (no MPI anywhere). */
#include "vtkwire.h"

int main(void) {
  vtkwire_object *obj = NULL;
  return vtkwire_object_type(obj) == VTKWIRE_OBJECT_NULL ? 0 : 1;
}
