/* ffi_no_init.c — every MPI export returns MPI_NOT_INITIALIZED when MPI is not up.
 *
 * `ffi_no_init never`: never calls MPI_Init (run directly, without a launcher).
 * `ffi_no_init finalized`: MPI_Init then MPI_Finalize first (run under the launcher).
 * Objects and arrays need no MPI. Prints "not initialized: N checks passed (<mode>)"; returns 0
 * on success.
 */
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "vtkwire_mpi.h"

#define NI VTKWIRE_STATUS_MPI_NOT_INITIALIZED

static int checks = 0, failures = 0;

static void expect(const char *call, vtkwire_status got, const char *needle) {
  const char *msg = vtkwire_last_error();
  checks++;
  if (got != NI || strstr(msg, needle) == NULL) {
    fprintf(stderr, "%s returned %s (%s), expected MPI_NOT_INITIALIZED mentioning \"%s\"\n", call,
            vtkwire_status_str(got), msg, needle);
    failures++;
  }
}

#define EXPECT(call) expect(#call, (call), needle)

/* All communicator-taking exports with otherwise valid arguments. */
#define ALL_EXPORTS(F, comm)                                                                    \
  do {                                                                                          \
    vtkwire_comm *vc = NULL;                                                                    \
    vtkwire_object *o = NULL, *objs[2] = {NULL, NULL};                                          \
    vtkwire_array *a = NULL;                                                                    \
    vtkwire_request *q = NULL;                                                                  \
    EXPECT(F(vtkwire_comm_borrow)(comm, &vc));                                                  \
    EXPECT(F(vtkwire_comm_dup)(comm, &vc));                                                     \
    EXPECT(F(vtkwire_object_send)(obj, 0, 1, comm));                                            \
    EXPECT(F(vtkwire_object_recv)(0, 1, comm, &o));                                             \
    EXPECT(F(vtkwire_object_recv_into)(obj, 0, 1, comm));                                       \
    EXPECT(F(vtkwire_marshaled_send)(6, bytes, 4, 0, 1, comm));                                 \
    EXPECT(F(vtkwire_array_send)(arr, 0, 1, comm));                                             \
    EXPECT(F(vtkwire_array_recv)(0, 1, comm, &a));                                              \
    EXPECT(F(vtkwire_object_bcast)(obj, 0, comm, &o));                                          \
    EXPECT(F(vtkwire_array_bcast)(arr, 0, comm, &a));                                           \
    EXPECT(F(vtkwire_object_gather)(obj, 0, comm, objs, 2));                                    \
    EXPECT(F(vtkwire_object_allgather)(obj, comm, objs, 2));                                    \
    EXPECT(F(vtkwire_array_gather)(arr, 0, comm, &a));                                          \
    EXPECT(F(vtkwire_array_gatherv)(arr, 0, comm, &a));                                         \
    EXPECT(F(vtkwire_array_allgather)(arr, comm, &a));                                          \
    EXPECT(F(vtkwire_array_allgatherv)(arr, comm, &a));                                         \
    EXPECT(F(vtkwire_array_scatter)(arr, arr, 0, comm));                                        \
    EXPECT(F(vtkwire_array_reduce)(arr, 0, 0, comm, &a));                                       \
    EXPECT(F(vtkwire_array_allreduce)(arr, 0, comm, &a));                                       \
    EXPECT(F(vtkwire_array_reduce_inplace)(arr, 0, 0, comm));                                   \
    EXPECT(F(vtkwire_array_allreduce_inplace)(arr, 0, comm));                                   \
    EXPECT(F(vtkwire_object_isend)(obj, 0, 1, comm, &q));                                       \
    EXPECT(F(vtkwire_object_irecv)(0, 1, comm, &q));                                            \
    EXPECT(F(vtkwire_array_isend)(arr, 0, 1, comm, &q));                                        \
    EXPECT(F(vtkwire_array_irecv)(0, 1, comm, &q));                                             \
    if (vc || o || objs[0] || objs[1] || a || q) {                                              \
      fprintf(stderr, "an output was written\n");                                               \
      failures++;                                                                               \
    }                                                                                           \
  } while (0)

#define C_NAME(name) name
#define F_NAME(name) name##_f

int main(int argc, char **argv) {
  int rc = 1, finalized = argc > 1 && strcmp(argv[1], "finalized") == 0;
  const char *needle = finalized ? "finalized" : "not initialized";
  const int32_t extent[6] = {0, 1, 0, 1, 0, 0};
  const double origin[3] = {0, 0, 0}, spacing[3] = {1, 1, 1};
  const double values[4] = {1, 2, 3, 4};
  const uint8_t bytes[4] = "abc";
  vtkwire_object *obj = NULL;
  vtkwire_array *arr = NULL;
  MPI_Fint fworld = 0;

  if (finalized) {
    MPI_Init(&argc, &argv);
    fworld = MPI_Comm_c2f(MPI_COMM_WORLD);
    MPI_Finalize();
  }
  if (vtkwire_image_data_new(extent, origin, spacing, &obj) != VTKWIRE_STATUS_OK ||
      vtkwire_array_new("a", VTKWIRE_TYPE_DOUBLE, values, 4, 1, &arr) != VTKWIRE_STATUS_OK) {
    fprintf(stderr, "setup failed: %s\n", vtkwire_last_error());
    goto cleanup;
  }
  ALL_EXPORTS(C_NAME, MPI_COMM_WORLD);
  ALL_EXPORTS(F_NAME, fworld);
  printf("not initialized: %d checks, %d failures (%s)\n", checks, failures, finalized ? "finalized" : "never");
  if (failures == 0) printf("not initialized: %d checks passed (%s)\n", checks, finalized ? "finalized" : "never");
  rc = failures == 0 ? 0 : 1;

cleanup:
  vtkwire_object_free(obj);
  vtkwire_array_free(arr);
  return rc;
}
