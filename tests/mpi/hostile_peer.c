/* hostile_peer.c — a hostile MPI peer in C: replays a script of raw MPI operations against a
 * vtkwire rank. The same replay as tests/mpi/hostile_peer.py (see there for the script format),
 * for MPIs without an mpi4py (Debian's MPICH); built and launched by tests/mpi_hostile_peers.rs:
 *
 *   mpiexec -n 1 hostile_peer <script> : -n 1 <vtkwire rank>
 */
#define _POSIX_C_SOURCE 200809L /* getline */
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WIRE 1
#define ACK_TAG 9

static MPI_Datatype type_of(const char *name) {
  if (!strcmp(name, "INT")) return MPI_INT;
  if (!strcmp(name, "LONG_LONG")) return MPI_LONG_LONG;
  if (!strcmp(name, "CHAR")) return MPI_CHAR;
  if (!strcmp(name, "BYTE")) return MPI_BYTE;
  if (!strcmp(name, "FLOAT")) return MPI_FLOAT;
  if (!strcmp(name, "DOUBLE")) return MPI_DOUBLE;
  if (!strcmp(name, "LONG")) return MPI_LONG;
  if (!strcmp(name, "SHORT")) return MPI_SHORT;
  fprintf(stderr, "PEER unknown datatype %s\n", name);
  MPI_Abort(MPI_COMM_WORLD, 2);
  return MPI_DATATYPE_NULL;
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

/* Decodes a payload token into a new buffer (at least 1 byte allocated); *len its length. */
static unsigned char *payload(const char *text, size_t *len) {
  unsigned char *b;
  if (!strcmp(text, "-")) {
    *len = 0;
    return calloc(1, 1);
  }
  if (!strncmp(text, "fill:", 5)) {
    unsigned value = 0;
    unsigned long long count = 0;
    if (sscanf(text, "fill:%u:%llu", &value, &count) != 2) return NULL;
    *len = (size_t)count;
    b = malloc(*len ? *len : 1);
    if (b) memset(b, (int)value, *len);
    return b;
  }
  *len = strlen(text) / 2;
  b = malloc(*len ? *len : 1);
  if (!b) return NULL;
  for (size_t i = 0; i < *len; i++) {
    int hi = hexval(text[2 * i]), lo = hexval(text[2 * i + 1]);
    if (hi < 0 || lo < 0) {
      free(b);
      return NULL;
    }
    b[i] = (unsigned char)(hi * 16 + lo);
  }
  return b;
}

/* One operation of the current scenario, its buffer built before any is performed (a hostile
 * sender is a fast one: the scenario's messages go out back to back). */
struct op {
  int is_send, tag, count;
  MPI_Datatype dt;
  unsigned char *buf;
};

int main(int argc, char **argv) {
  int rank = -1, size = 0, scenarios = 0, nops = 0, cap = 0;
  MPI_Request *reqs = NULL;
  MPI_Status *stats = NULL; /* not MPI_STATUSES_IGNORE: GCC 12 misreads MPICH's (MPI_Status *)1 */
  struct op *ops = NULL;
  FILE *f = NULL;
  char *line = NULL; /* lines of any length (a payload is hex on its line) */
  size_t linecap = 0;
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  if (argc < 2 || rank != 0 || size != 2) {
    fprintf(stderr, "PEER run as rank 0 of a 2-rank MPMD job with a script argument\n");
    MPI_Abort(MPI_COMM_WORLD, 2);
  }
  f = fopen(argv[1], "r");
  if (!f) {
    fprintf(stderr, "PEER cannot open %s\n", argv[1]);
    MPI_Abort(MPI_COMM_WORLD, 2);
  }
  while (getline(&line, &linecap, f) > 0) {
    char op[32] = "", a[64] = "", b[64] = "";
    const char *c = NULL;
    int used = 0;
    line[strcspn(line, "\n")] = 0;
    if (line[0] == '#' || sscanf(line, "%31s", op) != 1) continue;
    if (!strcmp(op, "scenario")) {
      sscanf(line, "%*s %63s %63s", a, b);
      printf("PEER scenario %s %s\n", a, b);
      fflush(stdout);
    } else if (!strcmp(op, "send") || !strcmp(op, "bcast")) {
      int is_send = !strcmp(op, "send"), tag = 0, tsize = 0;
      size_t len = 0;
      MPI_Datatype dt;
      unsigned char *buf;
      if (is_send ? sscanf(line, "%*s %d %63s %n", &tag, a, &used) != 2 : sscanf(line, "%*s %63s %n", a, &used) != 1) {
        fprintf(stderr, "PEER bad line: %.200s\n", line);
        MPI_Abort(MPI_COMM_WORLD, 2);
      }
      c = line + used;
      dt = type_of(a);
      MPI_Type_size(dt, &tsize);
      buf = payload(c, &len);
      if (!buf) {
        fprintf(stderr, "PEER bad payload: %.200s\n", line);
        MPI_Abort(MPI_COMM_WORLD, 2);
      }
      if (nops == cap) {
        cap = cap ? 2 * cap : 64;
        reqs = realloc(reqs, sizeof *reqs * (size_t)cap);
        stats = realloc(stats, sizeof *stats * (size_t)cap);
        ops = realloc(ops, sizeof *ops * (size_t)cap);
        if (!reqs || !stats || !ops) MPI_Abort(MPI_COMM_WORLD, 3);
      }
      ops[nops].is_send = is_send;
      ops[nops].tag = tag;
      ops[nops].count = (int)(len / (size_t)tsize);
      ops[nops].dt = dt;
      ops[nops].buf = buf;
      nops++;
    } else if (!strcmp(op, "ack")) {
      int want = -1, got = -2, nreq = 0;
      sscanf(line, "%*s %d", &want);
      for (int i = 0; i < nops; i++) {
        if (ops[i].is_send)
          MPI_Isend(ops[i].buf, ops[i].count, ops[i].dt, WIRE, ops[i].tag, MPI_COMM_WORLD, &reqs[nreq++]);
        else
          MPI_Bcast(ops[i].buf, ops[i].count, ops[i].dt, 0, MPI_COMM_WORLD);
      }
      MPI_Recv(&got, 1, MPI_INT, WIRE, ACK_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      if (got != want) {
        fprintf(stderr, "PEER ack %d for scenario %d\n", got, want);
        MPI_Abort(MPI_COMM_WORLD, 2);
      }
      if (nreq > 0) MPI_Waitall(nreq, reqs, stats);
      for (int i = 0; i < nops; i++) free(ops[i].buf);
      nops = 0;
      scenarios++;
    } else if (!strcmp(op, "end")) {
      break;
    } else {
      fprintf(stderr, "PEER bad line: %.200s\n", line);
      MPI_Abort(MPI_COMM_WORLD, 2);
    }
  }
  free(line);
  fclose(f);
  free(reqs);
  free(stats);
  free(ops);
  printf("PEER done %d scenarios\n", scenarios);
  fflush(stdout);
  MPI_Finalize();
  return 0;
}
