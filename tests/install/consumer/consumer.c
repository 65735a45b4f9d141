/* consumer.c — an external program using an installed vtkwire (tests/install/run.sh).
 *
 * Both ranks build the same small vtkPolyData (a unit square split into two triangles, with a
 * point scalar). Rank 0 marshals it (VTK's legacy bytes) and sends it to rank 1 with
 * vtkwire_object_send on MPI_COMM_WORLD; rank 1 receives it with vtkwire_object_recv, checks the
 * type and counts, and checks that its marshaled bytes equal those of its own copy.
 * Needs exactly 2 ranks (a launcher of the other MPI runs singletons: size 1 fails).
 * Prints "consumer: OK" on rank 1 and returns 0 on success.
 */
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <vtkwire_mpi.h>

#define CHECK(call)                                                                \
  do {                                                                             \
    vtkwire_status s_ = (call);                                                    \
    if (s_ != VTKWIRE_STATUS_OK) {                                                 \
      fprintf(stderr, "rank %d: %s failed: status %d (%s)\n", rank, #call, (int)s_, \
              vtkwire_last_error());                                               \
      goto done;                                                                   \
    }                                                                              \
  } while (0)

static int rank = -1;

/* The square: 4 points, 2 triangles, a point array "height". */
static vtkwire_status build(vtkwire_object **out) {
  static const float xyz[4 * 3] = {0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 1, 0};
  static const int64_t offsets[3] = {0, 3, 6};
  static const int64_t conn[6] = {0, 1, 2, 0, 2, 3};
  static const double height[4] = {0.0, 0.5, 1.0, 1.5};
  vtkwire_object *pd = NULL;
  vtkwire_array *h = NULL;
  vtkwire_status s = vtkwire_poly_data_new(&pd);
  if (s == VTKWIRE_STATUS_OK) s = vtkwire_object_set_points(pd, VTKWIRE_TYPE_FLOAT, xyz, 4);
  if (s == VTKWIRE_STATUS_OK)
    s = vtkwire_poly_data_set_cells(pd, VTKWIRE_POLY_POLYS, offsets, 3, conn, 6);
  if (s == VTKWIRE_STATUS_OK) s = vtkwire_array_new("height", VTKWIRE_TYPE_DOUBLE, height, 4, 1, &h);
  if (s == VTKWIRE_STATUS_OK) s = vtkwire_object_add_array(pd, VTKWIRE_ASSOCIATION_POINT, h, NULL);
  vtkwire_array_free(h);
  if (s != VTKWIRE_STATUS_OK) {
    vtkwire_object_free(pd);
    return s;
  }
  *out = pd;
  return VTKWIRE_STATUS_OK;
}

int main(int argc, char **argv) {
  int rc = 1, size = 0;
  vtkwire_object *mine = NULL, *got = NULL;
  uint8_t *bytes = NULL, *got_bytes = NULL;
  size_t len = 0, got_len = 0;

  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  if (size != 2) {
    fprintf(stderr, "consumer: needs exactly 2 ranks, MPI_COMM_WORLD has %d\n", size);
    goto done;
  }
  CHECK(build(&mine));
  CHECK(vtkwire_marshal(mine, &bytes, &len));
  if (len == 0) {
    fprintf(stderr, "rank %d: marshaled 0 bytes\n", rank);
    goto done;
  }
  if (rank == 0) {
    CHECK(vtkwire_object_send(mine, 1, 42, MPI_COMM_WORLD));
  } else {
    size_t np = 0, nc = 0;
    CHECK(vtkwire_object_recv(0, 42, MPI_COMM_WORLD, &got));
    if (got == NULL || vtkwire_object_type(got) != VTKWIRE_OBJECT_POLY_DATA) {
      fprintf(stderr, "rank 1: expected a vtkPolyData, got type %d\n", vtkwire_object_type(got));
      goto done;
    }
    CHECK(vtkwire_object_count(got, VTKWIRE_ASSOCIATION_POINT, &np));
    CHECK(vtkwire_object_count(got, VTKWIRE_ASSOCIATION_CELL, &nc));
    if (np != 4 || nc != 2) {
      fprintf(stderr, "rank 1: got %zu points / %zu cells, expected 4 / 2\n", np, nc);
      goto done;
    }
    CHECK(vtkwire_marshal(got, &got_bytes, &got_len));
    if (got_len != len || memcmp(got_bytes, bytes, len) != 0) {
      fprintf(stderr, "rank 1: received object marshals to %zu bytes that differ from the %zu sent\n",
              got_len, len);
      goto done;
    }
    printf("consumer: OK (vtkwire %s, poly data of %zu points / %zu cells, %zu marshaled bytes, rank 0 -> 1)\n",
           vtkwire_version(), np, nc, len);
  }
  rc = 0;
done:
  vtkwire_bytes_free(bytes, len);
  vtkwire_bytes_free(got_bytes, got_len);
  vtkwire_object_free(mine);
  vtkwire_object_free(got);
  /* Every rank must agree: one failing rank fails the job. */
  int all = 0;
  if (size > 0) MPI_Allreduce(&rc, &all, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  MPI_Finalize();
  return all;
}
