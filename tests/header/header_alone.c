/* The generated header must compile on its own as C11 (only <mpi.h> from outside). */
#include "vtkwire.h"

int main(void) {
  vtkwire_object *obj = NULL;
  return vtkwire_object_type(obj) == VTKWIRE_OBJECT_NULL ? 0 : 1;
}
