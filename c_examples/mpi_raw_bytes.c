/* mpi_raw_bytes.c — marshal a data object to VTK's exact bytes, move them with plain
 * MPI_Send/MPI_Recv (any transport would do), unmarshal on the other side.
 *
 * Rank 0 builds a vtkTable with one double column, marshals it (the bytes of
 * vtkCommunicator::MarshalDataObject), sends the length and the bytes to rank 1, which
 * unmarshals and checks the row count. Needs ≥ 2 ranks; returns 0 on success.
 */
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "vtkwire_mpi.h"

#define VTK_DOUBLE 11
#define ASSOC_ROW 6

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
  vtkwire_object *table = NULL, *back = NULL;
  vtkwire_array *col = NULL;
  uint8_t *bytes = NULL;
  size_t len = 0;
  unsigned char *rbuf = NULL;
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  if (size < 2) {
    fprintf(stderr, "mpi_raw_bytes needs at least 2 ranks, got %d\n", size);
    goto cleanup;
  }
  if (rank == 0) {
    const double v[5] = {0.5, 1.5, 2.5, 3.5, 4.5};
    CHECK(vtkwire_table_new(&table));
    CHECK(vtkwire_array_new("temperature", VTK_DOUBLE, v, 5, 1, &col));
    CHECK(vtkwire_object_add_array(table, ASSOC_ROW, col, NULL));
    CHECK(vtkwire_marshal(table, &bytes, &len));
    long long n = (long long)len;
    MPI_Send(&n, 1, MPI_LONG_LONG, 1, 7, MPI_COMM_WORLD);
    MPI_Send(bytes, (int)len, MPI_CHAR, 1, 8, MPI_COMM_WORLD);
    printf("rank 0: marshaled a vtkTable to %zu bytes and sent them with MPI_Send\n", len);
  } else if (rank == 1) {
    long long n = 0;
    MPI_Recv(&n, 1, MPI_LONG_LONG, 0, 7, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    rbuf = malloc((size_t)n);
    MPI_Recv(rbuf, (int)n, MPI_CHAR, 0, 8, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    CHECK(vtkwire_unmarshal(rbuf, (size_t)n, &back));
    size_t rows = 0;
    if (back == NULL || vtkwire_object_type(back) != 19) {
      fprintf(stderr, "rank 1: expected a vtkTable\n");
      goto cleanup;
    }
    CHECK(vtkwire_object_count(back, ASSOC_ROW, &rows));
    if (rows != 5) {
      fprintf(stderr, "rank 1: %zu rows, expected 5\n", rows);
      goto cleanup;
    }
    printf("rank 1: received %lld bytes with MPI_Recv, unmarshaled a vtkTable with %zu rows\n", n, rows);
  }
  rc = 0;
cleanup:
  vtkwire_bytes_free(bytes, len);
  free(rbuf);
  vtkwire_array_free(col);
  vtkwire_object_free(table);
  vtkwire_object_free(back);
  MPI_Finalize();
  return rc;
}
