/* peer_version.c — the VTK peer version selects the length exchange of vtkwire's root-ed
 * gathers; run by tests/mpi_peer_version.rs under the launcher at 2 and 4 ranks.
 *
 * Odd ranks play a VTK peer with raw MPI calls, exactly as the reference (§4.4, §4.10) says
 * VTK's vtkMPICommunicator does it:
 *   VTK <= 9.4 GatherV(vtkDataArray) / Gather(vtkDataObject):
 *       MPI_Gather(1 MPI_LONG_LONG length -> root), MPI_Gatherv(values -> root)
 *   VTK >= 9.5 (commit 89becda2):
 *       MPI_Allgather(1 MPI_LONG_LONG length), MPI_Gatherv(values -> root)
 *   AllGatherV (every version): MPI_Allgather(1 MPI_LONG_LONG), MPI_Allgatherv
 * with MPI_CHAR for marshaled objects and MPI_DOUBLE for a double array. Even ranks call
 * vtkwire_object_gather / vtkwire_array_gatherv / vtkwire_array_allgatherv, for every root
 * (vtkwire root and non-root, VTK root and non-root). The raw peers check the lengths they
 * receive and, as root, the gathered bytes against vtkwire_marshal of the object each rank
 * sends; vtkwire roots check the objects and values they get.
 *
 * This program also defines MPI_Gather, MPI_Allgather, MPI_Gatherv and MPI_Allgatherv (the MPI
 * profiling interface: they record the call and forward to PMPI_*), so the exact sequence
 * each vtkwire call issues is checked too — e.g. "Gather(1 LONG_LONG) Gatherv(CHAR)" for a
 * 9.1 peer — and that a rejected call issues no MPI call at all.
 *
 * Modes (argv[1]):
 *   api     VTKWIRE_VTK_PEER_VERSION unset: default 9.1, setter/getter argument checks, then
 *           rounds for 9.1, 9.5, 9.4 and 10.0 set with vtkwire_set_vtk_peer_version.
 *   env95   VTKWIRE_VTK_PEER_VERSION=9.5: the getter says 9.5, rounds for 9.5 without any
 *           explicit set; then an explicit 9.1 wins over the environment.
 *   envbad  VTKWIRE_VTK_PEER_VERSION=9.x: the getter and the root-ed gathers fail with
 *           INVALID_ARGUMENT naming the variable, before any MPI call, on every rank; the
 *           all-gathers still work; an explicit set (9.5) repairs it.
 * Prints "ok <mode>: <checks> checks on rank <r>, <failures> failures" per rank and
 * "peer version checks passed (<mode>) on N ranks"; returns 0 on success.
 */
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vtkwire_mpi.h"

static int rank = 0, size = 0, checks = 0, failures = 0;
static const char *mode = "";

/* ---- MPI call trace (profiling interface) ------------------------------------------------- */

static int tracing = 0;
static char trace[1024];

static const char *dt_name(MPI_Datatype dt) {
  if (dt == MPI_LONG_LONG) return "LONG_LONG";
  if (dt == MPI_CHAR) return "CHAR";
  if (dt == MPI_DOUBLE) return "DOUBLE";
  return "OTHER";
}

static void note(const char *call, int count, MPI_Datatype dt) {
  size_t used = strlen(trace);
  if (!tracing) return;
  if (count >= 0)
    snprintf(trace + used, sizeof trace - used, "%s%s(%d %s)", used ? " " : "", call, count, dt_name(dt));
  else
    snprintf(trace + used, sizeof trace - used, "%s%s(%s)", used ? " " : "", call, dt_name(dt));
}

int MPI_Gather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount,
               MPI_Datatype recvtype, int root, MPI_Comm comm) {
  note("Gather", sendcount, sendtype);
  return PMPI_Gather(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, root, comm);
}

int MPI_Allgather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount,
                  MPI_Datatype recvtype, MPI_Comm comm) {
  note("Allgather", sendcount, sendtype);
  return PMPI_Allgather(sendbuf, sendcount, sendtype, recvbuf, recvcount, recvtype, comm);
}

int MPI_Gatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, const int recvcounts[],
                const int displs[], MPI_Datatype recvtype, int root, MPI_Comm comm) {
  note("Gatherv", -1, sendtype);
  return PMPI_Gatherv(sendbuf, sendcount, sendtype, recvbuf, recvcounts, displs, recvtype, root, comm);
}

int MPI_Allgatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, const int recvcounts[],
                   const int displs[], MPI_Datatype recvtype, MPI_Comm comm) {
  note("Allgatherv", -1, sendtype);
  return PMPI_Allgatherv(sendbuf, sendcount, sendtype, recvbuf, recvcounts, displs, recvtype, comm);
}

static void trace_begin(void) {
  trace[0] = '\0';
  tracing = 1;
}
static void trace_end(void) { tracing = 0; }

/* ---- checks ------------------------------------------------------------------------------- */

static void check_(int ok, int line, const char *what) {
  checks++;
  if (!ok) {
    failures++;
    fprintf(stderr, "rank %d [%s] line %d: %s (last error: %s)\n", rank, mode, line, what, vtkwire_last_error());
  }
}
#define CHECK(cond) check_((cond), __LINE__, #cond)

static void check_status(vtkwire_status got, vtkwire_status want, const char *needle, int line, const char *call) {
  const char *msg = vtkwire_last_error();
  checks++;
  if (got != want) {
    failures++;
    fprintf(stderr, "rank %d [%s] line %d: %s returned %s, expected %s (%s)\n", rank, mode, line, call,
            vtkwire_status_str(got), vtkwire_status_str(want), msg);
  } else if (needle != NULL && strstr(msg, needle) == NULL) {
    failures++;
    fprintf(stderr, "rank %d [%s] line %d: %s: message \"%s\" lacks \"%s\"\n", rank, mode, line, call, msg, needle);
  }
}
#define STATUS(call, want, needle) check_status((call), (want), (needle), __LINE__, #call)

static void check_trace(const char *want, int line, const char *what) {
  checks++;
  if (strcmp(trace, want) != 0) {
    failures++;
    fprintf(stderr, "rank %d [%s] line %d: %s issued \"%s\", expected \"%s\"\n", rank, mode, line, what, trace, want);
  }
}
#define TRACE(want, what) check_trace((want), __LINE__, (what))

static int is_vtk_peer(int r) { return r % 2 == 1; }
static int allgathers_lengths(int major, int minor) { return major > 9 || (major == 9 && minor >= 5); }

/* ---- what rank r sends -------------------------------------------------------------------- */

/* An image of r+1 points with a point array "v" = r (rank r's object). */
static vtkwire_status image_of(int r, vtkwire_object **out) {
  const int32_t extent[6] = {0, r, 0, 0, 0, 0};
  const double origin[3] = {0.5, 0, 0}, spacing[3] = {1, 1, 1};
  double v[64];
  vtkwire_status s;
  *out = NULL;
  for (int i = 0; i <= r; i++) v[i] = r;
  s = vtkwire_image_data_new(extent, origin, spacing, out);
  if (s == VTKWIRE_STATUS_OK) s = vtkwire_object_add_array_data(*out, VTKWIRE_ASSOCIATION_POINT, "v", VTKWIRE_TYPE_DOUBLE, v, (size_t)r + 1, 1, NULL);
  return s;
}

/* vtkwire_marshal of rank r's object (free with vtkwire_bytes_free). */
static vtkwire_status bytes_of(int r, uint8_t **bytes, size_t *len) {
  vtkwire_object *o = NULL;
  vtkwire_status s = image_of(r, &o);
  *bytes = NULL;
  *len = 0;
  if (s == VTKWIRE_STATUS_OK) s = vtkwire_marshal(o, bytes, len);
  vtkwire_object_free(o);
  return s;
}

/* Rank r's array: r+1 tuples of 2 components, value 100 r + i. */
#define NCOMP 2
static size_t values_of(int r, double *v) {
  size_t n = (size_t)(r + 1) * NCOMP;
  for (size_t i = 0; i < n; i++) v[i] = 100.0 * r + (double)i;
  return n;
}

/* ---- one gather round --------------------------------------------------------------------- */

/* The raw VTK peer's length exchange; checks the lengths it receives against `expected(r)`. */
static void vtk_lengths(int allgather, int root, long long mine, long long *lens, long long (*expected)(int)) {
  for (int r = 0; r < size; r++) lens[r] = -1;
  if (allgather)
    MPI_Allgather(&mine, 1, MPI_LONG_LONG, lens, 1, MPI_LONG_LONG, MPI_COMM_WORLD);
  else
    MPI_Gather(&mine, 1, MPI_LONG_LONG, lens, 1, MPI_LONG_LONG, root, MPI_COMM_WORLD);
  if (allgather || rank == root)
    for (int r = 0; r < size; r++) CHECK(lens[r] == expected(r));
}

static long long object_len(int r) {
  uint8_t *b = NULL;
  size_t n = 0;
  long long out = bytes_of(r, &b, &n) == VTKWIRE_STATUS_OK ? (long long)n : -2;
  vtkwire_bytes_free(b, n);
  return out;
}

static long long array_len(int r) { return (long long)(r + 1) * NCOMP; }

static void displs_of(const long long *lens, int *counts, int *displs, int *total) {
  *total = 0;
  for (int r = 0; r < size; r++) {
    counts[r] = lens[r] > 0 ? (int)lens[r] : 0;
    displs[r] = *total;
    *total += counts[r];
  }
}

static void object_round(int major, int minor, int root) {
  const int allg = allgathers_lengths(major, minor);
  char want[128];
  if (is_vtk_peer(rank)) {
    uint8_t *mine = NULL;
    size_t n = 0;
    long long lens[64];
    CHECK(bytes_of(rank, &mine, &n) == VTKWIRE_STATUS_OK);
    vtk_lengths(allg, root, (long long)n, lens, object_len);
    if (rank == root) {
      int counts[64], displs[64], total = 0;
      displs_of(lens, counts, displs, &total);
      char *all = malloc((size_t)total + 1);
      MPI_Gatherv(mine, (int)n, MPI_CHAR, all, counts, displs, MPI_CHAR, root, MPI_COMM_WORLD);
      for (int r = 0; r < size; r++) {
        uint8_t *b = NULL;
        size_t bn = 0;
        CHECK(bytes_of(r, &b, &bn) == VTKWIRE_STATUS_OK);
        CHECK((size_t)counts[r] == bn && memcmp(all + displs[r], b, bn) == 0);
        vtkwire_bytes_free(b, bn);
      }
      free(all);
    } else {
      MPI_Gatherv(mine, (int)n, MPI_CHAR, NULL, NULL, NULL, MPI_CHAR, root, MPI_COMM_WORLD);
    }
    vtkwire_bytes_free(mine, n);
    return;
  }
  vtkwire_object *obj = NULL, *objs[64] = {NULL};
  CHECK(image_of(rank, &obj) == VTKWIRE_STATUS_OK);
  trace_begin();
  STATUS(vtkwire_object_gather(obj, root, MPI_COMM_WORLD, objs, (size_t)size), VTKWIRE_STATUS_OK, NULL);
  trace_end();
  snprintf(want, sizeof want, "%s(1 LONG_LONG) Gatherv(CHAR)", allg ? "Allgather" : "Gather");
  TRACE(want, "vtkwire_object_gather");
  if (rank == root) {
    for (int r = 0; r < size; r++) {
      size_t np = 0, nb = 0;
      const vtkwire_array *a = NULL;
      const void *d = NULL;
      CHECK(objs[r] != NULL);
      if (objs[r] == NULL) continue;
      CHECK(vtkwire_object_count(objs[r], VTKWIRE_ASSOCIATION_POINT, &np) == VTKWIRE_STATUS_OK && np == (size_t)r + 1);
      CHECK(vtkwire_object_array_by_name(objs[r], VTKWIRE_ASSOCIATION_POINT, "v", &a) == VTKWIRE_STATUS_OK);
      CHECK(a != NULL && vtkwire_array_data(a, &d, &nb) == VTKWIRE_STATUS_OK && nb == 8 * ((size_t)r + 1) &&
            ((const double *)d)[r] == (double)r);
      vtkwire_object_free(objs[r]);
    }
  } else {
    for (int r = 0; r < size; r++) CHECK(objs[r] == NULL);
  }
  vtkwire_object_free(obj);
}

static void array_round(int major, int minor, int root) {
  const int allg = allgathers_lengths(major, minor);
  double mine[2 * 64];
  const size_t n = values_of(rank, mine);
  char want[128];
  if (is_vtk_peer(rank)) {
    long long lens[64];
    vtk_lengths(allg, root, (long long)n, lens, array_len);
    if (rank == root) {
      int counts[64], displs[64], total = 0;
      displs_of(lens, counts, displs, &total);
      double *all = malloc(sizeof(double) * ((size_t)total + 1));
      MPI_Gatherv(mine, (int)n, MPI_DOUBLE, all, counts, displs, MPI_DOUBLE, root, MPI_COMM_WORLD);
      for (int r = 0; r < size; r++) {
        double v[2 * 64];
        size_t k = values_of(r, v);
        CHECK((size_t)counts[r] == k && memcmp(all + displs[r], v, k * sizeof(double)) == 0);
      }
      free(all);
    } else {
      MPI_Gatherv(mine, (int)n, MPI_DOUBLE, NULL, NULL, NULL, MPI_DOUBLE, root, MPI_COMM_WORLD);
    }
    return;
  }
  vtkwire_array *a = NULL, *got = NULL;
  CHECK(vtkwire_array_new("g", VTKWIRE_TYPE_DOUBLE, mine, n / NCOMP, NCOMP, &a) == VTKWIRE_STATUS_OK);
  trace_begin();
  STATUS(vtkwire_array_gatherv(a, root, MPI_COMM_WORLD, &got), VTKWIRE_STATUS_OK, NULL);
  trace_end();
  snprintf(want, sizeof want, "%s(1 LONG_LONG) Gatherv(DOUBLE)", allg ? "Allgather" : "Gather");
  TRACE(want, "vtkwire_array_gatherv");
  if (rank == root) {
    int32_t type = 0, ncomp = 0;
    size_t ntuples = 0, nb = 0, off = 0;
    const void *d = NULL;
    CHECK(got != NULL && vtkwire_array_info(got, &type, &ntuples, &ncomp) == VTKWIRE_STATUS_OK);
    CHECK(type == VTKWIRE_TYPE_DOUBLE && ncomp == NCOMP && ntuples == (size_t)(size * (size + 1) / 2));
    CHECK(got != NULL && vtkwire_array_data(got, &d, &nb) == VTKWIRE_STATUS_OK && nb == ntuples * NCOMP * sizeof(double));
    for (int r = 0; r < size && d != NULL && nb == ntuples * NCOMP * sizeof(double); r++) {
      double v[2 * 64];
      size_t k = values_of(r, v);
      CHECK(memcmp((const double *)d + off, v, k * sizeof(double)) == 0);
      off += k;
    }
  } else {
    CHECK(got == NULL);
  }
  vtkwire_array_free(got);
  vtkwire_array_free(a);
}

/* AllGatherV of arrays: the same on every VTK version. */
static void allgatherv_round(void) {
  double mine[2 * 64];
  const size_t n = values_of(rank, mine);
  int counts[64], displs[64], total = 0;
  long long lens[64];
  double *all = NULL;
  if (is_vtk_peer(rank)) {
    vtk_lengths(1, 0, (long long)n, lens, array_len);
    displs_of(lens, counts, displs, &total);
    all = malloc(sizeof(double) * ((size_t)total + 1));
    MPI_Allgatherv(mine, (int)n, MPI_DOUBLE, all, counts, displs, MPI_DOUBLE, MPI_COMM_WORLD);
  } else {
    vtkwire_array *a = NULL, *got = NULL;
    const void *d = NULL;
    size_t nb = 0;
    CHECK(vtkwire_array_new("g", VTKWIRE_TYPE_DOUBLE, mine, n / NCOMP, NCOMP, &a) == VTKWIRE_STATUS_OK);
    trace_begin();
    STATUS(vtkwire_array_allgatherv(a, MPI_COMM_WORLD, &got), VTKWIRE_STATUS_OK, NULL);
    trace_end();
    TRACE("Allgather(1 LONG_LONG) Allgatherv(DOUBLE)", "vtkwire_array_allgatherv");
    for (int r = 0; r < size; r++) lens[r] = array_len(r);
    displs_of(lens, counts, displs, &total);
    all = calloc((size_t)total + 1, sizeof(double));
    if (got != NULL && vtkwire_array_data(got, &d, &nb) == VTKWIRE_STATUS_OK && nb == (size_t)total * sizeof(double))
      memcpy(all, d, nb);
    else
      check_(0, __LINE__, "vtkwire_array_allgatherv gave no result of the right size");
    vtkwire_array_free(got);
    vtkwire_array_free(a);
  }
  for (int r = 0; r < size; r++) {
    double v[2 * 64];
    size_t k = values_of(r, v);
    CHECK((size_t)counts[r] == k && memcmp(all + displs[r], v, k * sizeof(double)) == 0);
  }
  free(all);
}

static void rounds(int major, int minor) {
  for (int root = 0; root < size; root++) {
    object_round(major, minor, root);
    array_round(major, minor, root);
  }
  allgatherv_round();
}

static void expect_version(int major, int minor, int line) {
  int32_t M = -1, m = -1;
  check_status(vtkwire_get_vtk_peer_version(&M, &m), VTKWIRE_STATUS_OK, NULL, line, "vtkwire_get_vtk_peer_version");
  checks++;
  if (M != major || m != minor) {
    failures++;
    fprintf(stderr, "rank %d [%s] line %d: peer version %d.%d, expected %d.%d\n", rank, mode, line, M, m, major, minor);
  }
}

/* Sets the version on every rank (the VTK peers too: it is a property of the job). */
static void set_version(int major, int minor, int line) {
  check_status(vtkwire_set_vtk_peer_version(major, minor), VTKWIRE_STATUS_OK, NULL, line, "vtkwire_set_vtk_peer_version");
  expect_version(major, minor, line);
}

static void api_mode(void) {
  int32_t M = 77, m = 78;
  expect_version(9, 1, __LINE__); /* the default */
  STATUS(vtkwire_get_vtk_peer_version(NULL, &m), VTKWIRE_STATUS_NULL_ARGUMENT, "`out_major`");
  STATUS(vtkwire_get_vtk_peer_version(&M, NULL), VTKWIRE_STATUS_NULL_ARGUMENT, "`out_minor`");
  CHECK(M == 77 && m == 78);
  STATUS(vtkwire_set_vtk_peer_version(4, 9), VTKWIRE_STATUS_INVALID_ARGUMENT, "4.9");
  STATUS(vtkwire_set_vtk_peer_version(9, -1), VTKWIRE_STATUS_INVALID_ARGUMENT, "9.-1");
  STATUS(vtkwire_set_vtk_peer_version(100, 0), VTKWIRE_STATUS_INVALID_ARGUMENT, "100.0");
  STATUS(vtkwire_set_vtk_peer_version(9, 100), VTKWIRE_STATUS_INVALID_ARGUMENT, "9.100");
  STATUS(vtkwire_set_vtk_peer_version(INT32_MIN, INT32_MAX), VTKWIRE_STATUS_INVALID_ARGUMENT, "not supported");
  expect_version(9, 1, __LINE__); /* unchanged by the rejected calls */

  rounds(9, 1);
  set_version(9, 5, __LINE__);
  rounds(9, 5);
  set_version(9, 4, __LINE__);
  rounds(9, 4);
  set_version(10, 0, __LINE__);
  rounds(10, 0);
  set_version(9, 1, __LINE__);
  rounds(9, 1);
}

static void env95_mode(void) {
  expect_version(9, 5, __LINE__);
  rounds(9, 5);
  set_version(9, 1, __LINE__); /* an explicit version wins over the environment */
  rounds(9, 1);
}

static void envbad_mode(void) {
  int32_t M = 77, m = 78;
  vtkwire_object *obj = NULL, *objs[64] = {NULL};
  vtkwire_array *a = NULL, *got = NULL;
  const double v[2] = {1, 2};
  STATUS(vtkwire_get_vtk_peer_version(&M, &m), VTKWIRE_STATUS_INVALID_ARGUMENT, "VTKWIRE_VTK_PEER_VERSION");
  STATUS(vtkwire_get_vtk_peer_version(&M, &m), VTKWIRE_STATUS_INVALID_ARGUMENT, "\"9.x\"");
  CHECK(M == 77 && m == 78);
  CHECK(image_of(rank, &obj) == VTKWIRE_STATUS_OK);
  CHECK(vtkwire_array_new("g", VTKWIRE_TYPE_DOUBLE, v, 1, 2, &a) == VTKWIRE_STATUS_OK);
  /* Every rank fails before any MPI call: nothing to match, nothing hangs. */
  trace_begin();
  STATUS(vtkwire_object_gather(obj, 0, MPI_COMM_WORLD, objs, (size_t)size), VTKWIRE_STATUS_INVALID_ARGUMENT,
         "VTKWIRE_VTK_PEER_VERSION");
  STATUS(vtkwire_object_gather_f(obj, 0, MPI_Comm_c2f(MPI_COMM_WORLD), objs, (size_t)size),
         VTKWIRE_STATUS_INVALID_ARGUMENT, "VTKWIRE_VTK_PEER_VERSION");
  STATUS(vtkwire_array_gatherv(a, size - 1, MPI_COMM_WORLD, &got), VTKWIRE_STATUS_INVALID_ARGUMENT,
         "VTKWIRE_VTK_PEER_VERSION");
  STATUS(vtkwire_array_gatherv_f(a, 0, MPI_Comm_c2f(MPI_COMM_WORLD), &got), VTKWIRE_STATUS_INVALID_ARGUMENT,
         "VTKWIRE_VTK_PEER_VERSION");
  trace_end();
  TRACE("", "rejected gathers");
  CHECK(objs[0] == NULL && got == NULL);
  /* Calls whose wire does not depend on the version still work. */
  allgatherv_round();
  trace_begin();
  STATUS(vtkwire_object_allgather(obj, MPI_COMM_WORLD, objs, (size_t)size), VTKWIRE_STATUS_OK, NULL);
  trace_end();
  TRACE("Allgather(1 LONG_LONG) Allgatherv(CHAR)", "vtkwire_object_allgather");
  for (int r = 0; r < size; r++) {
    size_t np = 0;
    CHECK(objs[r] != NULL && vtkwire_object_count(objs[r], VTKWIRE_ASSOCIATION_POINT, &np) == VTKWIRE_STATUS_OK &&
          np == (size_t)r + 1);
    vtkwire_object_free(objs[r]);
    objs[r] = NULL;
  }
  vtkwire_object_free(obj);
  vtkwire_array_free(a);
  /* An explicit version repairs it. */
  set_version(9, 5, __LINE__);
  rounds(9, 5);
}

int main(int argc, char **argv) {
  int rc = 1, total = 0;
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  mode = argc > 1 ? argv[1] : "";
  if (size < 2 || size > 64) {
    fprintf(stderr, "run on 2..64 ranks\n");
    goto cleanup;
  }
  if (strcmp(mode, "api") == 0) {
    api_mode();
  } else if (strcmp(mode, "env95") == 0) {
    env95_mode();
  } else if (strcmp(mode, "envbad") == 0) {
    envbad_mode();
  } else {
    fprintf(stderr, "usage: peer_version api|env95|envbad\n");
    goto cleanup;
  }
  MPI_Barrier(MPI_COMM_WORLD);
  printf("ok %s: %d checks on rank %d, %d failures\n", mode, checks, rank, failures);
  fflush(stdout);
  MPI_Allreduce(&failures, &total, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
  if (total == 0 && rank == 0) printf("peer version checks passed (%s) on %d ranks\n", mode, size);
  rc = total == 0 ? 0 : 1;
cleanup:
  MPI_Finalize();
  return rc;
}
