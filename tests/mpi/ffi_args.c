/* ffi_args.c — argument checks of every MPI export, run under `mpirun -n 2` (or more).
 *
 * For each export taking a communicator (and its `_f` twin): NULL for each pointer argument
 * (NULL_ARGUMENT, the argument named in vtkwire_last_error()), MPI_COMM_NULL and an
 * inter-communicator (INVALID_COMMUNICATOR), bad ranks, negative tags, bad op codes and ops
 * invalid for double (the documented statuses), on every rank; root-only output errors are
 * reported on the root after the collective and no rank hangs (the harness has a timeout).
 * Then the communicator-object and request exports. Prints "ok <checks>" per rank and
 * "ffi argument checks passed on N ranks"; returns 0 on success.
 */
#include <limits.h>
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "vtkwire_mpi.h"

#define OK VTKWIRE_STATUS_OK
#define NULL_ARGUMENT VTKWIRE_STATUS_NULL_ARGUMENT
#define INVALID_ARGUMENT VTKWIRE_STATUS_INVALID_ARGUMENT
#define OUT_OF_RANGE VTKWIRE_STATUS_OUT_OF_RANGE
#define WRONG_OBJECT_TYPE VTKWIRE_STATUS_WRONG_OBJECT_TYPE
#define WRONG_ARRAY_TYPE VTKWIRE_STATUS_WRONG_ARRAY_TYPE
#define INVALID_COMMUNICATOR VTKWIRE_STATUS_INVALID_COMMUNICATOR

static int rank = 0, size = 0, checks = 0, failures = 0;
static const char *current_mode = "";
static vtkwire_object *obj = NULL;
static vtkwire_array *arr = NULL, *scatter_send = NULL, *scatter_recv = NULL;

static void fail(const char *what) {
  fprintf(stderr, "rank %d [%s]: %s\n", rank, current_mode, what);
  failures++;
}

static void expect(const char *call, int line, vtkwire_status got, vtkwire_status want, const char *needle) {
  const char *msg = vtkwire_last_error();
  checks++;
  if (got != want) {
    fprintf(stderr, "rank %d [%s] line %d: %s returned %s, expected %s (%s)\n", rank, current_mode, line, call,
            vtkwire_status_str(got), vtkwire_status_str(want), msg);
    failures++;
  } else if (needle != NULL && strstr(msg, needle) == NULL) {
    fprintf(stderr, "rank %d [%s] line %d: %s: message \"%s\" does not mention %s\n", rank, current_mode, line, call,
            msg, needle);
    failures++;
  }
}

#define EXPECT(call, want, needle) expect(#call, __LINE__, (call), (want), (needle))

#define BATTERY battery_c
#define F(name) name
#define COMM_T MPI_Comm
#include "ffi_args_battery.inc"

#define BATTERY battery_f
#define F(name) name##_f
#define COMM_T MPI_Fint
#include "ffi_args_battery.inc"

static void local_exports(void) {
  vtkwire_comm *vc = NULL;
  vtkwire_request *q = NULL;
  vtkwire_object *o = NULL;
  vtkwire_array *a = NULL;
  MPI_Comm h;
  MPI_Fint hf;
  int32_t v;
  current_mode = "local";

  EXPECT(vtkwire_comm_handle(NULL, &h), NULL_ARGUMENT, "`comm`");
  EXPECT(vtkwire_comm_handle_f(NULL, &hf), NULL_ARGUMENT, "`comm`");
  EXPECT(vtkwire_comm_rank(NULL, &v), NULL_ARGUMENT, "`comm`");
  EXPECT(vtkwire_comm_size(NULL, &v), NULL_ARGUMENT, "`comm`");
  EXPECT(vtkwire_comm_barrier(NULL), NULL_ARGUMENT, "`comm`");
  vtkwire_comm_free(NULL);
  EXPECT(vtkwire_comm_borrow(MPI_COMM_WORLD, &vc), OK, NULL);
  EXPECT(vtkwire_comm_handle(vc, NULL), NULL_ARGUMENT, "`out_handle`");
  EXPECT(vtkwire_comm_handle_f(vc, NULL), NULL_ARGUMENT, "`out_handle`");
  EXPECT(vtkwire_comm_rank(vc, NULL), NULL_ARGUMENT, "`out_rank`");
  EXPECT(vtkwire_comm_size(vc, NULL), NULL_ARGUMENT, "`out_size`");
  vtkwire_comm_free(vc);

  EXPECT(vtkwire_request_wait(NULL), NULL_ARGUMENT, "`request`");
  EXPECT(vtkwire_request_test(NULL, &v), NULL_ARGUMENT, "`request`");
  EXPECT(vtkwire_request_waitall(NULL, 1), NULL_ARGUMENT, "`requests`");
  EXPECT(vtkwire_request_waitall(NULL, 0), OK, NULL);
  EXPECT(vtkwire_request_take_object(NULL, &o), NULL_ARGUMENT, "`request`");
  EXPECT(vtkwire_request_take_array(NULL, &a), NULL_ARGUMENT, "`request`");
  vtkwire_request_free(NULL);
  /* A pending receive from self (never matched): outputs NULL, then freed (cancelled). */
  EXPECT(vtkwire_array_irecv(rank, 77, MPI_COMM_WORLD, &q), OK, NULL);
  EXPECT(vtkwire_request_test(q, NULL), NULL_ARGUMENT, "`out_done`");
  EXPECT(vtkwire_request_take_object(q, NULL), NULL_ARGUMENT, "`out_obj`");
  EXPECT(vtkwire_request_take_array(q, NULL), NULL_ARGUMENT, "`out_array`");
  EXPECT(vtkwire_request_take_array(q, &a), INVALID_ARGUMENT, "not completed");
  vtkwire_request_free(q);
  if (o != NULL || a != NULL) fail("a failed request call wrote its output");
}

int main(int argc, char **argv) {
  int rc = 1;
  MPI_Comm half = MPI_COMM_NULL, inter = MPI_COMM_NULL;
  const int32_t extent[6] = {0, 1, 0, 1, 0, 0};
  const double origin[3] = {0, 0, 0}, spacing[3] = {1, 1, 1};
  const double values[4] = {1, 2, 3, 4};
  int32_t ints[64] = {0};

  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  if (size < 2 || size > 32) {
    fprintf(stderr, "run on 2..32 ranks\n");
    goto cleanup;
  }
  /* Two halves (even / odd ranks) joined by an inter-communicator. */
  MPI_Comm_split(MPI_COMM_WORLD, rank % 2, rank, &half);
  MPI_Intercomm_create(half, 0, MPI_COMM_WORLD, rank % 2 == 0 ? 1 : 0, 99, &inter);

  if (vtkwire_image_data_new(extent, origin, spacing, &obj) != OK ||
      vtkwire_array_new("a", VTKWIRE_TYPE_DOUBLE, values, 4, 1, &arr) != OK ||
      vtkwire_array_new("s", VTKWIRE_TYPE_INT, ints, 2 * (size_t)size, 1, &scatter_send) != OK ||
      vtkwire_array_new("r", VTKWIRE_TYPE_INT, ints, 2, 1, &scatter_recv) != OK) {
    fprintf(stderr, "rank %d: setup failed: %s\n", rank, vtkwire_last_error());
    goto cleanup;
  }

  battery_c(MPI_COMM_WORLD, MPI_COMM_NULL, inter, "MPI_Comm");
  battery_f(MPI_Comm_c2f(MPI_COMM_WORLD), MPI_Comm_c2f(MPI_COMM_NULL), MPI_Comm_c2f(inter), "MPI_Fint");
  local_exports();

  /* Nothing may be left queued by a rejected call: a final exchange must match cleanly. */
  {
    vtkwire_array *got = NULL;
    vtkwire_status s = OK;
    if (rank == 0) {
      s = vtkwire_array_send(arr, 1, 5, MPI_COMM_WORLD);
    } else if (rank == 1) {
      s = vtkwire_array_recv(0, 5, MPI_COMM_WORLD, &got);
      if (s == OK && got == NULL) fail("final exchange: no array");
    }
    vtkwire_array_free(got);
    if (s != OK) fail("final exchange failed");
    checks++;
  }

  MPI_Barrier(MPI_COMM_WORLD);
  printf("ok %d checks on rank %d, %d failures\n", checks, rank, failures);
  fflush(stdout);
  {
    int total = 0;
    MPI_Allreduce(&failures, &total, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    if (total == 0 && rank == 0) printf("ffi argument checks passed on %d ranks\n", size);
    rc = total == 0 ? 0 : 1;
  }

cleanup:
  vtkwire_object_free(obj);
  vtkwire_array_free(arr);
  vtkwire_array_free(scatter_send);
  vtkwire_array_free(scatter_recv);
  if (inter != MPI_COMM_NULL) MPI_Comm_free(&inter);
  if (half != MPI_COMM_NULL) MPI_Comm_free(&half);
  MPI_Finalize();
  return rc;
}
