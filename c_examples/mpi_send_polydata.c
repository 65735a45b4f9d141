/* mpi_send_polydata.c — a sphere-like vtkPolyData sent rank 0 → rank 1 with VTK's exact
 * Send(vtkDataObject*) message sequence, on the application's own MPI_COMM_WORLD.
 *
 * Rank 0 builds a UV sphere (points + triangles + a point scalar), sends it with tag 77, then
 * sends the null object (the 2-message form). Rank 1 receives both (the first from
 * MPI_ANY_SOURCE) and checks the point/cell counts and the summary. Needs ≥ 2 ranks; ranks
 * other than 0 and 1 only take part in the final barrier. Returns 0 on success.
 */
/* M_PI is not in strict C11. */
#define VTKWIRE_PI 3.14159265358979323846

#include <math.h>
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "vtkwire_mpi.h"

#define VTK_FLOAT 10
#define POLYS 2
#define ASSOC_POINT 0
#define ASSOC_CELL 1
#define NLAT 8
#define NLON 12

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
  vtkwire_object *sphere = NULL, *received = NULL, *null_obj = NULL;
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  if (size < 2) {
    fprintf(stderr, "mpi_send_polydata needs at least 2 ranks, got %d\n", size);
    goto cleanup;
  }
  const size_t npoints = (NLAT + 1) * NLON;
  const size_t ncells = 2 * NLAT * NLON;

  if (rank == 0) {
    static float xyz[(NLAT + 1) * NLON * 3];
    static int64_t offsets[2 * NLAT * NLON + 1], conn[2 * NLAT * NLON * 3];
    static float height[(NLAT + 1) * NLON];
    for (int i = 0; i <= NLAT; i++)
      for (int j = 0; j < NLON; j++) {
        double th = VTKWIRE_PI * i / NLAT, ph = 2 * VTKWIRE_PI * j / NLON;
        size_t p = (size_t)i * NLON + j;
        xyz[3 * p] = (float)(sin(th) * cos(ph));
        xyz[3 * p + 1] = (float)(sin(th) * sin(ph));
        xyz[3 * p + 2] = (float)cos(th);
        height[p] = xyz[3 * p + 2];
      }
    size_t c = 0;
    for (int i = 0; i < NLAT; i++)
      for (int j = 0; j < NLON; j++) {
        int64_t a = i * NLON + j, b = i * NLON + (j + 1) % NLON, d = a + NLON, e = b + NLON;
        int64_t tri[2][3] = {{a, d, b}, {b, d, e}};
        for (int t = 0; t < 2; t++, c++) {
          offsets[c] = (int64_t)(3 * c);
          memcpy(&conn[3 * c], tri[t], sizeof tri[t]);
        }
      }
    offsets[c] = (int64_t)(3 * c);
    vtkwire_array *h = NULL;
    CHECK(vtkwire_poly_data_new(&sphere));
    CHECK(vtkwire_object_set_points(sphere, VTK_FLOAT, xyz, npoints));
    CHECK(vtkwire_poly_data_set_cells(sphere, POLYS, offsets, ncells + 1, conn, 3 * ncells));
    CHECK(vtkwire_array_new("height", VTK_FLOAT, height, npoints, 1, &h));
    vtkwire_status s = vtkwire_object_add_array(sphere, ASSOC_POINT, h, NULL);
    vtkwire_array_free(h);
    CHECK(s);
    CHECK(vtkwire_object_send(sphere, 1, 77, MPI_COMM_WORLD));
    CHECK(vtkwire_object_send(NULL, 1, 78, MPI_COMM_WORLD));
    printf("rank 0: sent a sphere (%zu points, %zu triangles) and the null object to rank 1\n", npoints, ncells);
  } else if (rank == 1) {
    CHECK(vtkwire_object_recv(MPI_ANY_SOURCE, 77, MPI_COMM_WORLD, &received));
    if (received == NULL || vtkwire_object_type(received) != 0) {
      fprintf(stderr, "rank 1: expected a vtkPolyData\n");
      goto cleanup;
    }
    size_t np = 0, nc = 0;
    CHECK(vtkwire_object_count(received, ASSOC_POINT, &np));
    CHECK(vtkwire_object_count(received, ASSOC_CELL, &nc));
    if (np != npoints || nc != ncells) {
      fprintf(stderr, "rank 1: got %zu points / %zu cells, expected %zu / %zu\n", np, nc, npoints, ncells);
      goto cleanup;
    }
    CHECK(vtkwire_object_recv(0, 78, MPI_COMM_WORLD, &null_obj));
    if (null_obj != NULL) {
      fprintf(stderr, "rank 1: expected the null object\n");
      goto cleanup;
    }
    char summary[512];
    size_t len = 0;
    CHECK(vtkwire_object_summary(received, summary, sizeof summary, &len));
    printf("rank 1: received %s; then the null object\n", summary);
  }
  MPI_Barrier(MPI_COMM_WORLD);
  rc = 0;
cleanup:
  vtkwire_object_free(sphere);
  vtkwire_object_free(received);
  vtkwire_object_free(null_obj);
  MPI_Finalize();
  return rc;
}
