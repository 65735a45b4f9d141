/* mpi_bcast.c — VTK's Broadcast(vtkDataObject*) and Broadcast(vtkDataArray*) through vtkwire.
 *
 * Root 0 broadcasts an image data (extent 0..3 × 0..2 × 0..0, a short scalar "density") and a
 * double array "bc" = [1.5, 2.5]; every other rank receives new copies and checks them. Then
 * root 0 broadcasts the null object. Works on any number of ranks; returns 0 on success.
 */
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>

#include "vtkwire_mpi.h"

#define VTK_SHORT 4
#define VTK_DOUBLE 11
#define ASSOC_POINT 0

#define CHECK(call)                                                                   \
  do {                                                                                \
    vtkwire_status s_ = (call);                                                       \
    if (s_ != VTKWIRE_STATUS_OK) {                                                    \
      fprintf(stderr, "rank %d: %s failed: %s (%s)\n", rank, #call,                  \
              vtkwire_status_str(s_), vtkwire_last_error());                          \
      goto cleanup;                                                                   \
    }                                                                                 \
  } while (0)

int main(int argc, char **argv) {
  int rc = 1, rank = 0, size = 0;
  vtkwire_object *image = NULL, *got = NULL, *got_null = NULL;
  vtkwire_array *bc = NULL, *got_bc = NULL, *density = NULL;
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);

  if (rank == 0) {
    const int32_t extent[6] = {0, 3, 0, 2, 0, 0};
    const double origin[3] = {0.5, 0, 0}, spacing[3] = {1, 1, 1};
    int16_t d[12];
    for (int i = 0; i < 12; i++) d[i] = (int16_t)(100 * i - 1);
    const double v[2] = {1.5, 2.5};
    CHECK(vtkwire_image_data_new(extent, origin, spacing, &image));
    CHECK(vtkwire_array_new("density", VTK_SHORT, d, 12, 1, &density));
    CHECK(vtkwire_object_add_array(image, ASSOC_POINT, density, NULL));
    CHECK(vtkwire_array_new("bc", VTK_DOUBLE, v, 2, 1, &bc));
  }
  CHECK(vtkwire_object_bcast(image, 0, MPI_COMM_WORLD, &got));
  CHECK(vtkwire_array_bcast(bc, 0, MPI_COMM_WORLD, &got_bc));
  CHECK(vtkwire_object_bcast(NULL, 0, MPI_COMM_WORLD, &got_null));
  if (rank != 0) {
    size_t np = 0;
    const void *data = NULL;
    size_t nbytes = 0;
    if (got == NULL || got_bc == NULL || got_null != NULL) {
      fprintf(stderr, "rank %d: wrong broadcast results\n", rank);
      goto cleanup;
    }
    CHECK(vtkwire_object_count(got, ASSOC_POINT, &np));
    CHECK(vtkwire_array_data(got_bc, &data, &nbytes));
    const double *r = (const double *)data;
    if (np != 12 || nbytes != 16 || r[0] != 1.5 || r[1] != 2.5) {
      fprintf(stderr, "rank %d: got %zu points, %zu bytes\n", rank, np, nbytes);
      goto cleanup;
    }
    printf("rank %d of %d: broadcast image (type %d, %zu points), array bc = [%g %g], null object\n", rank, size,
           vtkwire_object_type(got), np, r[0], r[1]);
  } else {
    printf("rank 0 of %d: broadcast an image, an array and the null object\n", size);
  }
  rc = 0;
cleanup:
  vtkwire_object_free(image);
  vtkwire_object_free(got);
  vtkwire_object_free(got_null);
  vtkwire_array_free(bc);
  vtkwire_array_free(got_bc);
  vtkwire_array_free(density);
  MPI_Finalize();
  return rc;
}
