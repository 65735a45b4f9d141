/* mpi_parallel_array.c — VTK's AllReduce of a data array through vtkwire.
 *
 * Every rank fills 10 ints with its rank, rank 0 sets element 3 to 10, then an in-place
 * AllReduce with VTK's MAX_OP (0) on the application's own MPI_COMM_WORLD. On 2 ranks every rank
 * prints [1 1 1 10 1 1 1 1 1 1]; in general each value is size-1 except element 3 = max(10, size-1).
 * Runs on any number of ranks; returns 0 on success.
 */
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "vtkwire_mpi.h"

#define VTK_INT 6
#define MAX_OP 0

int main(int argc, char **argv) {
  int rc = 1, rank = 0, size = 0;
  vtkwire_array *array = NULL;
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);

  int32_t values[10];
  for (int i = 0; i < 10; i++) values[i] = rank;
  if (rank == 0) values[3] = 10;
  if (vtkwire_array_new("parallel", VTK_INT, values, 10, 1, &array) != VTKWIRE_STATUS_OK) goto cleanup;
  vtkwire_status s = vtkwire_array_allreduce_inplace(array, MAX_OP, MPI_COMM_WORLD);
  if (s != VTKWIRE_STATUS_OK) {
    fprintf(stderr, "rank %d: allreduce failed: %s\n", rank, vtkwire_last_error());
    goto cleanup;
  }
  const void *data = NULL;
  size_t nbytes = 0;
  if (vtkwire_array_data(array, &data, &nbytes) != VTKWIRE_STATUS_OK || nbytes != 10 * sizeof(int32_t)) goto cleanup;
  const int32_t *r = (const int32_t *)data;
  char line[256] = "[";
  for (int i = 0; i < 10; i++) {
    int expect = i == 3 ? (size - 1 > 10 ? size - 1 : 10) : size - 1;
    if (r[i] != expect) {
      fprintf(stderr, "rank %d: element %d = %d, expected %d\n", rank, i, r[i], expect);
      goto cleanup;
    }
    snprintf(line + strlen(line), sizeof line - strlen(line), i ? " %d" : "%d", r[i]);
  }
  printf("rank %d of %d: AllReduce MAX %s]\n", rank, size, line);
  rc = 0;
cleanup:
  vtkwire_array_free(array);
  MPI_Finalize();
  return rc;
}
