/* protocol_checks.c — checks of vtkwire's MPI layer run by tests/mpi_c_examples.rs under
 * mpirun -n 2 and -n 4: arrays (named, null, ANY_SOURCE), typed receive with draining, object
 * gather/allgather, array allgatherv/reduce, argument errors on every rank, communicator
 * objects, and a non-blocking ring of large objects. Prints "ok <check>" per check.
 */
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vtkwire_mpi.h"

#define VTK_INT 6
#define VTK_FLOAT 10
#define VTK_DOUBLE 11
#define ASSOC_POINT 0

static int rank = 0, size = 0;

#define CHECK(call)                                                                   \
  do {                                                                                \
    vtkwire_status s_ = (call);                                                       \
    if (s_ != VTKWIRE_STATUS_OK) {                                                    \
      fprintf(stderr, "rank %d line %d: %s failed: %s (%s)\n", rank, __LINE__, #call, \
              vtkwire_status_str(s_), vtkwire_last_error());                          \
      goto cleanup;                                                                   \
    }                                                                                 \
  } while (0)
#define EXPECT(cond)                                                                  \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      fprintf(stderr, "rank %d line %d: expected %s\n", rank, __LINE__, #cond);       \
      goto cleanup;                                                                   \
    }                                                                                 \
  } while (0)
#define OK(name) \
  if (rank == 0) printf("ok %s\n", name)

static vtkwire_status image(int32_t nx, double value, vtkwire_object **out) {
  const int32_t extent[6] = {0, nx - 1, 0, 0, 0, 0};
  const double origin[3] = {0, 0, 0}, spacing[3] = {1, 1, 1};
  vtkwire_array *a = NULL;
  vtkwire_status s = vtkwire_image_data_new(extent, origin, spacing, out);
  if (s != VTKWIRE_STATUS_OK) return s;
  double *v = malloc(sizeof(double) * (size_t)nx);
  for (int32_t i = 0; i < nx; i++) v[i] = value;
  s = vtkwire_array_new("v", VTK_DOUBLE, v, (size_t)nx, 1, &a);
  free(v);
  if (s == VTKWIRE_STATUS_OK) s = vtkwire_object_add_array(*out, ASSOC_POINT, a, NULL);
  vtkwire_array_free(a);
  return s;
}

int main(int argc, char **argv) {
  int rc = 1;
  vtkwire_array *arr = NULL, *got = NULL, *mine = NULL, *all = NULL;
  vtkwire_object *obj = NULL, *img = NULL, *big = NULL, *ring_got = NULL;
  vtkwire_object **objs = NULL;
  vtkwire_comm *dup = NULL, *borrowed = NULL;
  vtkwire_request *reqs[2] = {NULL, NULL};
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  if (size < 2) {
    fprintf(stderr, "needs at least 2 ranks\n");
    goto cleanup;
  }
  objs = calloc((size_t)size, sizeof *objs);

  /* 1. arrays: named float array 0 -> 1 (received from ANY_SOURCE), then the null array. */
  if (rank == 0) {
    const float v[4] = {1, 2, 3, 4};
    CHECK(vtkwire_array_new("abc", VTK_FLOAT, v, 2, 2, &arr));
    CHECK(vtkwire_array_send(arr, 1, 80, MPI_COMM_WORLD));
    CHECK(vtkwire_array_send(NULL, 1, 81, MPI_COMM_WORLD));
  } else if (rank == 1) {
    const void *d = NULL;
    size_t n = 0;
    CHECK(vtkwire_array_recv(MPI_ANY_SOURCE, 80, MPI_COMM_WORLD, &got));
    EXPECT(got != NULL);
    CHECK(vtkwire_array_data(got, &d, &n));
    EXPECT(n == 16 && ((const float *)d)[3] == 4.0f);
    vtkwire_array_free(got);
    got = NULL;
    CHECK(vtkwire_array_recv(0, 81, MPI_COMM_WORLD, &got));
    EXPECT(got == NULL);
  }
  MPI_Barrier(MPI_COMM_WORLD);
  OK("array send/recv, null array, ANY_SOURCE");

  /* 2. typed receive with the wrong type drains the sequence: the next receive on the same tag
   *    gets the following message. */
  if (rank == 0) {
    CHECK(vtkwire_poly_data_new(&obj));
    CHECK(vtkwire_object_send(obj, 1, 90, MPI_COMM_WORLD));
    CHECK(image(3, 7.0, &img));
    CHECK(vtkwire_object_send(img, 1, 90, MPI_COMM_WORLD));
  } else if (rank == 1) {
    CHECK(image(1, 0.0, &img));
    EXPECT(vtkwire_object_recv_into(img, 0, 90, MPI_COMM_WORLD) == VTKWIRE_STATUS_WRONG_OBJECT_TYPE);
    CHECK(vtkwire_object_recv_into(img, 0, 90, MPI_COMM_WORLD));
    size_t np = 0;
    CHECK(vtkwire_object_count(img, ASSOC_POINT, &np));
    EXPECT(np == 3);
  }
  MPI_Barrier(MPI_COMM_WORLD);
  OK("recv_into type mismatch drains, next receive succeeds");

  /* 3. gather / allgather of objects: rank r sends an image of r+1 points, odd ranks NULL. */
  vtkwire_object_free(img);
  img = NULL;
  if (rank % 2 == 0) CHECK(image(rank + 1, rank, &img));
  CHECK(vtkwire_object_gather(img, 0, MPI_COMM_WORLD, objs, (size_t)size));
  for (int pass = 0; pass < 2; pass++) {
    if (pass == 1) CHECK(vtkwire_object_allgather(img, MPI_COMM_WORLD, objs, (size_t)size));
    if (rank == 0 || pass == 1) {
      for (int r = 0; r < size; r++) {
        if (r % 2) {
          EXPECT(objs[r] == NULL);
        } else {
          size_t np = 0;
          EXPECT(objs[r] != NULL);
          CHECK(vtkwire_object_count(objs[r], ASSOC_POINT, &np));
          EXPECT(np == (size_t)r + 1);
        }
        vtkwire_object_free(objs[r]);
        objs[r] = NULL;
      }
    }
  }
  OK("object gather and allgather (null slices)");

  /* 4. allgatherv of arrays (rank r gives r+1 ints = r) and reductions. */
  {
    int32_t v[64];
    for (int i = 0; i <= rank; i++) v[i] = rank;
    CHECK(vtkwire_array_new("part", VTK_INT, v, (size_t)rank + 1, 1, &mine));
    CHECK(vtkwire_array_allgatherv(mine, MPI_COMM_WORLD, &all));
    const void *d = NULL;
    size_t n = 0;
    CHECK(vtkwire_array_data(all, &d, &n));
    EXPECT(n == sizeof(int32_t) * (size_t)(size * (size + 1) / 2));
    EXPECT(((const int32_t *)d)[n / 4 - 1] == size - 1);
    vtkwire_array_free(all);
    all = NULL;
    /* SUM over ranks of [1] = size; bad op and float bitwise op fail on every rank, no MPI. */
    int32_t one = 1;
    vtkwire_array_free(mine);
    mine = NULL;
    CHECK(vtkwire_array_new("one", VTK_INT, &one, 1, 1, &mine));
    CHECK(vtkwire_array_allreduce(mine, 2, MPI_COMM_WORLD, &all));
    CHECK(vtkwire_array_data(all, &d, &n));
    EXPECT(((const int32_t *)d)[0] == size);
    EXPECT(vtkwire_array_allreduce_inplace(mine, 12, MPI_COMM_WORLD) == VTKWIRE_STATUS_INVALID_ARGUMENT);
    vtkwire_array_free(arr);
    arr = NULL;
    double x = 1;
    CHECK(vtkwire_array_new("x", VTK_DOUBLE, &x, 1, 1, &arr));
    EXPECT(vtkwire_array_allreduce_inplace(arr, 5, MPI_COMM_WORLD) == VTKWIRE_STATUS_WRONG_ARRAY_TYPE);
    EXPECT(vtkwire_object_send(NULL, size, 1, MPI_COMM_WORLD) == VTKWIRE_STATUS_OUT_OF_RANGE);
    EXPECT(vtkwire_object_send(NULL, 0, -3, MPI_COMM_WORLD) == VTKWIRE_STATUS_OUT_OF_RANGE);
  }
  MPI_Barrier(MPI_COMM_WORLD);
  OK("array allgatherv, allreduce SUM, local argument errors");

  /* 5. communicator objects: dup (collective) and borrow; COMM_NULL rejected. */
  {
    MPI_Comm h;
    int32_t r = -1, s = -1;
    CHECK(vtkwire_comm_dup(MPI_COMM_WORLD, &dup));
    CHECK(vtkwire_comm_rank(dup, &r));
    CHECK(vtkwire_comm_size(dup, &s));
    CHECK(vtkwire_comm_handle(dup, &h));
    EXPECT(r == rank && s == size && h != MPI_COMM_WORLD);
    if (rank == 0) CHECK(vtkwire_object_send(NULL, 1, 5, h));
    if (rank == 1) {
      CHECK(vtkwire_object_recv(0, 5, h, &obj));
      EXPECT(obj == NULL);
    }
    EXPECT(vtkwire_comm_borrow(MPI_COMM_NULL, &borrowed) == VTKWIRE_STATUS_INVALID_COMMUNICATOR);
    CHECK(vtkwire_comm_borrow(MPI_COMM_WORLD, &borrowed));
    vtkwire_comm_free(borrowed); /* must not free MPI_COMM_WORLD */
    borrowed = NULL;
    MPI_Fint f = 0;
    CHECK(vtkwire_comm_handle_f(dup, &f));
    CHECK(vtkwire_comm_borrow_f(f, &borrowed));
    CHECK(vtkwire_comm_barrier(borrowed));
    vtkwire_comm_free(borrowed);
    borrowed = NULL;
    vtkwire_comm_free(dup);
    dup = NULL;
  }
  OK("communicator objects (dup, borrow, Fortran handle, COMM_NULL)");

  /* 6. non-blocking ring: each rank sends an 8 MB image to the right, receives from the left. */
  vtkwire_object_free(big);
  big = NULL;
  CHECK(image(1 << 20, rank, &big));
  CHECK(vtkwire_object_irecv((rank + size - 1) % size, 33, MPI_COMM_WORLD, &reqs[1]));
  CHECK(vtkwire_object_isend(big, (rank + 1) % size, 33, MPI_COMM_WORLD, &reqs[0]));
  CHECK(vtkwire_request_waitall(reqs, 2));
  CHECK(vtkwire_request_take_object(reqs[1], &ring_got));
  {
    size_t np = 0;
    EXPECT(ring_got != NULL);
    CHECK(vtkwire_object_count(ring_got, ASSOC_POINT, &np));
    EXPECT(np == (size_t)1 << 20);
  }
  MPI_Barrier(MPI_COMM_WORLD);
  OK("non-blocking ring of 8 MB objects");
  if (rank == 0) printf("all checks passed on %d ranks\n", size);
  rc = 0;
cleanup:
  vtkwire_request_free(reqs[0]);
  vtkwire_request_free(reqs[1]);
  vtkwire_array_free(arr);
  vtkwire_array_free(got);
  vtkwire_array_free(mine);
  vtkwire_array_free(all);
  vtkwire_object_free(obj);
  vtkwire_object_free(img);
  vtkwire_object_free(big);
  vtkwire_object_free(ring_got);
  free(objs);
  vtkwire_comm_free(dup);
  vtkwire_comm_free(borrowed);
  MPI_Finalize();
  return rc;
}
