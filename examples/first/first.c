/* first.c — a first vtkwire program in C: a triangle with a point array, marshaled to VTK's
 * bytes, read back, and written as a legacy .vtk file ParaView opens. Needs no MPI:
 *   cc first.c -Iinclude -Ltarget/release -lvtkwire -o first && ./first triangle.vtk */
#include <stdio.h>
#include "vtkwire.h"

#define TRY(call) if ((st = (call)) != VTKWIRE_STATUS_OK) goto done

int main(int argc, char **argv) {
  const float xyz[] = {0, 0, 0, 1, 0, 0, 0, 1, 0};
  const int64_t offsets[] = {0, 3}, connectivity[] = {0, 1, 2};
  const double temperature[] = {20.5, 21.0, 19.5};
  vtkwire_object *mesh = NULL, *copy = NULL;
  uint8_t *bytes = NULL;
  size_t nbytes = 0, len = 0;
  char summary[256];
  vtkwire_status st;

  TRY(vtkwire_poly_data_new(&mesh));
  TRY(vtkwire_object_set_points(mesh, VTKWIRE_TYPE_FLOAT, xyz, 3));
  TRY(vtkwire_poly_data_set_cells(mesh, VTKWIRE_POLY_POLYS, offsets, 2, connectivity, 3));
  TRY(vtkwire_object_add_array_data(mesh, VTKWIRE_ASSOCIATION_POINT, "temperature", VTKWIRE_TYPE_DOUBLE,
                                    temperature, 3, 1, NULL));
  TRY(vtkwire_marshal(mesh, &bytes, &nbytes)); /* the bytes of VTK's MarshalDataObject */
  TRY(vtkwire_unmarshal(bytes, nbytes, &copy));
  TRY(vtkwire_object_summary(copy, summary, sizeof summary, &len));
  TRY(vtkwire_legacy_write(copy, argc > 1 ? argv[1] : "triangle.vtk", 1));
  printf("%zu bytes; read back: %s\n", nbytes, summary);
done:
  if (st != VTKWIRE_STATUS_OK) fprintf(stderr, "vtkwire: %s: %s\n", vtkwire_status_str(st), vtkwire_last_error());
  vtkwire_bytes_free(bytes, nbytes);
  vtkwire_object_free(copy);
  vtkwire_object_free(mesh);
  return st == VTKWIRE_STATUS_OK ? 0 : 1;
}
