/* demo_all_types.c — every vtkwire data object type, on every MPI rank.
 *
 * Initializes MPI itself (vtkwire never does), then on each rank builds one small object of
 * each of the 12 types — with arrays whose values depend on the rank — validates it and prints
 *
 *   rank R/N: <vtkwire_object_summary> | marshaled <bytes> bytes
 *
 * There is no communication: see the mpi_* examples for sending objects between ranks.
 * Run: mpiexec -n 2 ./demo_all_types. Returns 0 when every call succeeded, 1 otherwise.
 */
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>

#include "vtkwire_mpi.h"

/* In a builder: run a vtkwire call, on failure jump to its `done:` label with `st` set. */
#define TRY(call)                                                                    \
  do {                                                                               \
    st = (call);                                                                     \
    if (st != VTKWIRE_STATUS_OK) goto done;                                          \
  } while (0)

/* Every builder makes one object on `rank` (values shifted by the rank) into `*out`. */
typedef vtkwire_status (*build_fn)(int rank, vtkwire_object **out);

static const double origin[3] = {0, 0, 0}, spacing[3] = {1, 1, 1};
static const double tri_xyz[9] = {0, 0, 0, 1, 0, 0, 0, 1, 0};
static const int64_t tri_offsets[2] = {0, 3}, tri_conn[3] = {0, 1, 2};

static vtkwire_status build_image_data(int rank, vtkwire_object **out)
{
  vtkwire_status st;
  vtkwire_object *obj = NULL;
  const int32_t extent[6] = {0, 2, 0, 2, 0, 0}; /* 9 points, 4 cells */
  float temperature[9];
  for (int i = 0; i < 9; ++i) temperature[i] = 20.0f + (float)(rank + i);
  TRY(vtkwire_image_data_new(extent, origin, spacing, &obj));
  TRY(vtkwire_object_add_array_data(obj, VTKWIRE_ASSOCIATION_POINT, "température ρ",
                                    VTKWIRE_TYPE_FLOAT, temperature, 9, 1, NULL));
  TRY(vtkwire_object_set_active(obj, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS,
                                "température ρ"));
  *out = obj;
  obj = NULL;
done:
  vtkwire_object_free(obj);
  return st;
}

static vtkwire_status build_structured_points(int rank, vtkwire_object **out)
{
  vtkwire_status st;
  vtkwire_object *obj = NULL;
  const int32_t extent[6] = {0, 1, 0, 1, 0, 1}; /* 8 points, 1 cell */
  const int32_t material[1] = {rank};
  TRY(vtkwire_structured_points_new(extent, origin, spacing, &obj));
  TRY(vtkwire_object_add_array_data(obj, VTKWIRE_ASSOCIATION_CELL, "material", VTKWIRE_TYPE_INT,
                                    material, 1, 1, NULL));
  *out = obj;
  obj = NULL;
done:
  vtkwire_object_free(obj);
  return st;
}

static vtkwire_status build_rectilinear_grid(int rank, vtkwire_object **out)
{
  vtkwire_status st;
  vtkwire_object *obj = NULL;
  const int32_t extent[6] = {0, 2, 0, 1, 0, 0}; /* 6 points, 2 cells */
  const double x[3] = {0, 0.5, 2}, y[2] = {0, 1}, z[1] = {0};
  double pressure[6];
  for (int i = 0; i < 6; ++i) pressure[i] = 1e5 + rank * 10.0 + i;
  TRY(vtkwire_rectilinear_grid_new(extent, &obj));
  TRY(vtkwire_rectilinear_grid_set_coordinates(obj, 0, VTKWIRE_TYPE_DOUBLE, x, 3));
  TRY(vtkwire_rectilinear_grid_set_coordinates(obj, 1, VTKWIRE_TYPE_DOUBLE, y, 2));
  TRY(vtkwire_rectilinear_grid_set_coordinates(obj, 2, VTKWIRE_TYPE_DOUBLE, z, 1));
  TRY(vtkwire_object_add_array_data(obj, VTKWIRE_ASSOCIATION_POINT, "pressure", VTKWIRE_TYPE_DOUBLE,
                                    pressure, 6, 1, NULL));
  *out = obj;
  obj = NULL;
done:
  vtkwire_object_free(obj);
  return st;
}

static vtkwire_status build_structured_grid(int rank, vtkwire_object **out)
{
  vtkwire_status st;
  vtkwire_object *obj = NULL;
  const int32_t extent[6] = {0, 1, 0, 1, 0, 0}; /* 4 points, 1 cell */
  const float xyz[12] = {0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0.5f};
  const int16_t level[4] = {(int16_t)rank, 1, 2, 3};
  TRY(vtkwire_structured_grid_new(extent, &obj));
  TRY(vtkwire_object_set_points(obj, VTKWIRE_TYPE_FLOAT, xyz, 4));
  TRY(vtkwire_object_add_array_data(obj, VTKWIRE_ASSOCIATION_POINT, "level", VTKWIRE_TYPE_SHORT,
                                    level, 4, 1, NULL));
  *out = obj;
  obj = NULL;
done:
  vtkwire_object_free(obj);
  return st;
}

static vtkwire_status build_poly_data(int rank, vtkwire_object **out)
{
  vtkwire_status st;
  vtkwire_object *obj = NULL;
  const double normals[9] = {0, 0, 1, 0, 0, 1, 0, 0, 1};
  const int64_t owner[1] = {rank};
  TRY(vtkwire_poly_data_new(&obj));
  TRY(vtkwire_object_set_points(obj, VTKWIRE_TYPE_DOUBLE, tri_xyz, 3));
  TRY(vtkwire_poly_data_set_cells(obj, VTKWIRE_POLY_POLYS, tri_offsets, 2, tri_conn, 3));
  TRY(vtkwire_object_add_array_data(obj, VTKWIRE_ASSOCIATION_POINT, "normals", VTKWIRE_TYPE_DOUBLE,
                                    normals, 3, 3, NULL));
  TRY(vtkwire_object_set_active(obj, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_NORMALS, "normals"));
  TRY(vtkwire_object_add_array_data(obj, VTKWIRE_ASSOCIATION_CELL, "owner", VTKWIRE_TYPE_ID_TYPE,
                                    owner, 1, 1, NULL));
  *out = obj;
  obj = NULL;
done:
  vtkwire_object_free(obj);
  return st;
}

static vtkwire_status build_unstructured_grid(int rank, vtkwire_object **out)
{
  vtkwire_status st;
  vtkwire_object *obj = NULL;
  const double xyz[12] = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1};
  const uint8_t types[1] = {10}; /* VTK_TETRA */
  const int64_t offsets[2] = {0, 4}, conn[4] = {0, 1, 2, 3};
  const uint8_t part[1] = {(uint8_t)rank};
  TRY(vtkwire_unstructured_grid_new(&obj));
  TRY(vtkwire_object_set_points(obj, VTKWIRE_TYPE_DOUBLE, xyz, 4));
  TRY(vtkwire_unstructured_grid_set_cells(obj, types, 1, offsets, 2, conn, 4));
  TRY(vtkwire_object_add_array_data(obj, VTKWIRE_ASSOCIATION_CELL, "part",
                                    VTKWIRE_TYPE_UNSIGNED_CHAR, part, 1, 1, NULL));
  *out = obj;
  obj = NULL;
done:
  vtkwire_object_free(obj);
  return st;
}

static vtkwire_status build_table(int rank, vtkwire_object **out)
{
  vtkwire_status st;
  vtkwire_object *obj = NULL;
  vtkwire_array *names = NULL;
  const char *const name[2] = {"premier", "second"};
  const int32_t value[2] = {rank, -rank};
  TRY(vtkwire_table_new(&obj));
  TRY(vtkwire_object_add_array_data(obj, VTKWIRE_ASSOCIATION_ROW, "value", VTKWIRE_TYPE_INT, value,
                                    2, 1, NULL));
  TRY(vtkwire_array_new_strings("name", name, 2, &names));
  TRY(vtkwire_object_add_array(obj, VTKWIRE_ASSOCIATION_ROW, names, NULL));
  *out = obj;
  obj = NULL;
done:
  vtkwire_array_free(names);
  vtkwire_object_free(obj);
  return st;
}

/* Directed and undirected graphs share their shape: a path 0 - 1 - 2. */
static vtkwire_status build_graph(int rank, int directed, vtkwire_object **out)
{
  vtkwire_status st;
  vtkwire_object *obj = NULL;
  const int64_t edges[4] = {0, 1, 1, 2};
  const float weight[2] = {0.5f * (float)rank, 1.0f};
  const int64_t id[3] = {3 * rank, 3 * rank + 1, 3 * rank + 2};
  TRY(directed ? vtkwire_directed_graph_new(3, edges, 2, &obj)
               : vtkwire_undirected_graph_new(3, edges, 2, &obj));
  TRY(vtkwire_object_add_array_data(obj, VTKWIRE_ASSOCIATION_VERTEX, "id", VTKWIRE_TYPE_ID_TYPE, id,
                                    3, 1, NULL));
  TRY(vtkwire_object_add_array_data(obj, VTKWIRE_ASSOCIATION_EDGE, "weight", VTKWIRE_TYPE_FLOAT,
                                    weight, 2, 1, NULL));
  *out = obj;
  obj = NULL;
done:
  vtkwire_object_free(obj);
  return st;
}
static vtkwire_status build_directed_graph(int rank, vtkwire_object **out)
{
  return build_graph(rank, 1, out);
}
static vtkwire_status build_undirected_graph(int rank, vtkwire_object **out)
{
  return build_graph(rank, 0, out);
}

static vtkwire_status build_tree(int rank, vtkwire_object **out)
{
  vtkwire_status st;
  vtkwire_object *obj = NULL;
  const int64_t edges[4] = {0, 1, 0, 2}; /* root 0 with children 1 and 2 */
  const double size[3] = {1.0 + rank, 0.5, 0.5};
  TRY(vtkwire_tree_new(3, edges, 2, &obj));
  TRY(vtkwire_object_add_array_data(obj, VTKWIRE_ASSOCIATION_VERTEX, "size", VTKWIRE_TYPE_DOUBLE,
                                    size, 3, 1, NULL));
  *out = obj;
  obj = NULL;
done:
  vtkwire_object_free(obj);
  return st;
}

static vtkwire_status build_multiblock(int rank, vtkwire_object **out)
{
  vtkwire_status st;
  vtkwire_object *obj = NULL;
  vtkwire_object *poly = NULL;
  TRY(build_poly_data(rank, &poly));
  TRY(vtkwire_multiblock_new(2, &obj)); /* block 1 stays null */
  TRY(vtkwire_multiblock_set_block_take(obj, 0, "triangle", poly));
  poly = NULL; /* owned by obj */
  *out = obj;
  obj = NULL;
done:
  vtkwire_object_free(poly);
  vtkwire_object_free(obj);
  return st;
}

static vtkwire_status build_amr(int rank, vtkwire_object **out)
{
  vtkwire_status st;
  vtkwire_object *obj = NULL;
  vtkwire_object *grid = NULL;
  const int32_t box[6] = {0, 0, 0, 1, 1, 0}; /* 2 x 2 x 1 cells */
  const int32_t extent[6] = {0, 2, 0, 2, 0, 1};
  const double level_spacing[3] = {1, 1, 1};
  double density[4];
  for (int i = 0; i < 4; ++i) density[i] = 1.0 + rank + 0.25 * i;
  TRY(vtkwire_image_data_new(extent, origin, level_spacing, &grid));
  TRY(vtkwire_object_add_array_data(grid, VTKWIRE_ASSOCIATION_CELL, "density", VTKWIRE_TYPE_DOUBLE,
                                    density, 4, 1, NULL));
  TRY(vtkwire_amr_new(origin, 8, &obj));
  TRY(vtkwire_amr_add_level(obj, level_spacing, 2, NULL));
  TRY(vtkwire_amr_add_block(obj, 0, box, grid, NULL));
  *out = obj;
  obj = NULL;
done:
  vtkwire_object_free(grid);
  vtkwire_object_free(obj);
  return st;
}

int main(int argc, char **argv)
{
  static const struct {
    const char *what;
    build_fn build;
  } builders[] = {
      {"image data", build_image_data},
      {"structured points", build_structured_points},
      {"rectilinear grid", build_rectilinear_grid},
      {"structured grid", build_structured_grid},
      {"poly data", build_poly_data},
      {"unstructured grid", build_unstructured_grid},
      {"table", build_table},
      {"directed graph", build_directed_graph},
      {"undirected graph", build_undirected_graph},
      {"tree", build_tree},
      {"multiblock", build_multiblock},
      {"overlapping AMR", build_amr},
  };
  int rank = 0, size = 1, failures = 0;

  if (MPI_Init(&argc, &argv) != MPI_SUCCESS) {
    fprintf(stderr, "demo_all_types: MPI_Init failed\n");
    return 1;
  }
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  if (rank == 0) printf("vtkwire %s, %d rank(s)\n", vtkwire_version(), size);

  for (size_t i = 0; i < sizeof builders / sizeof builders[0]; ++i) {
    vtkwire_object *obj = NULL;
    char summary[1024];
    size_t summary_len = 0, marshaled = 0;
    vtkwire_status st = builders[i].build(rank, &obj);
    if (st == VTKWIRE_STATUS_OK) st = vtkwire_object_validate(obj);
    if (st == VTKWIRE_STATUS_OK) st = vtkwire_object_summary(obj, summary, sizeof summary, &summary_len);
    if (st == VTKWIRE_STATUS_OK) st = vtkwire_marshaled_size(obj, &marshaled);
    if (st == VTKWIRE_STATUS_OK) {
      printf("rank %d/%d: %s | marshaled %zu bytes\n", rank, size, summary, marshaled);
    } else {
      fprintf(stderr, "rank %d/%d: %s failed: %s: %s\n", rank, size, builders[i].what,
              vtkwire_status_str(st), vtkwire_last_error());
      ++failures;
    }
    vtkwire_object_free(obj);
  }
  fflush(stdout);

  /* Every rank reports; the exit status is non-zero if any rank failed. */
  {
    int total = 0;
    MPI_Allreduce(&failures, &total, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    failures = total;
  }
  MPI_Finalize();
  if (failures != 0) fprintf(stderr, "demo_all_types: %d failure(s)\n", failures);
  return failures != 0;
}
