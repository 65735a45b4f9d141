/* serial.c — an installed vtkwire used without MPI: vtkwire.h only, built with the plain C
 * compiler (tests/install/run.sh: CMake target vtkwire::vtkwire and `pkg-config vtkwire`). */
#include <stdio.h>
#include <vtkwire.h>

int main(void) {
  const int32_t extent[6] = {0, 2, 0, 1, 0, 0};
  const double origin[3] = {0, 0, 0}, spacing[3] = {1, 1, 1};
  vtkwire_object *img = NULL, *back = NULL;
  uint8_t *bytes = NULL;
  size_t n = 0, npoints = 0;
  int ok = vtkwire_image_data_new(extent, origin, spacing, &img) == VTKWIRE_STATUS_OK &&
           vtkwire_marshal(img, &bytes, &n) == VTKWIRE_STATUS_OK &&
           vtkwire_unmarshal(bytes, n, &back) == VTKWIRE_STATUS_OK &&
           vtkwire_object_count(back, VTKWIRE_ASSOCIATION_POINT, &npoints) == VTKWIRE_STATUS_OK && npoints == 6;
  if (!ok) fprintf(stderr, "serial: %s\n", vtkwire_last_error());
  vtkwire_bytes_free(bytes, n);
  vtkwire_object_free(back);
  vtkwire_object_free(img);
  if (ok) printf("serial: OK\n");
  return ok ? 0 : 1;
}
