// cpp_mpi_bindings.cpp — vtkwire objects over MPI with the C++17 bindings (vtkwire.hpp).
//
// Runs on any number of ranks (1, 2, 4…):
//   * a ring: every rank isend()s an image data to rank+1 and irecv()s one from rank-1
//     (non-blocking, so a single rank sending to itself works too), then checks it bit-exact;
//   * bcast() in place of a poly data from rank 0;
//   * gather() of one table per rank on rank 0 (the row count says which rank sent it);
//   * allreduce() and allreduce_inplace() of a double array (sums);
//   * a RAII vtkwire::Comm borrowed from MPI_COMM_WORLD;
//   * an error as an exception: sending to a rank that does not exist.
// Returns 0 on success; 1 (on every rank, agreed with MPI_Allreduce) on any failure.
#include <cstdint>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "vtkwire_mpi.hpp"

namespace {

struct Mismatch : std::runtime_error {
  using std::runtime_error::runtime_error;
};

#define EXPECT(cond)                                                                              \
  do {                                                                                            \
    if (!(cond)) throw Mismatch(std::string(__FILE__) + ":" + std::to_string(__LINE__) + ": expected " #cond); \
  } while (0)

std::vector<double> field_of(int rank) {
  std::vector<double> v(24);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = rank * 1000.0 + static_cast<double>(i) / 7.0;
  return v;
}

vtkwire::Object image_of(int rank) {
  vtkwire::Object img = vtkwire::Object::image_data({0, 3, 0, 2, 0, 1}, {double(rank), 0, 0});
  img.add_array(VTKWIRE_ASSOCIATION_POINT, "field", field_of(rank));
  img.add_array(VTKWIRE_ASSOCIATION_CELL, vtkwire::Array::strings("owner", std::vector<std::string>(6, "rank " + std::to_string(rank))));
  return img;
}

void run(int rank, int size) {
  using namespace vtkwire;
  const MPI_Comm world = MPI_COMM_WORLD;

  Comm comm = Comm::borrow(world);
  EXPECT(comm.rank() == rank && comm.size() == size);

  // Ring, non-blocking.
  const int next = (rank + 1) % size, prev = (rank + size - 1) % size;
  Object mine = image_of(rank);
  std::vector<Request> requests;
  requests.push_back(irecv_object(prev, 7, world));
  requests.push_back(isend(mine, next, 7, world));
  Request::wait_all(requests);
  Object got = requests[0].take_object();
  EXPECT(got.type() == VTKWIRE_OBJECT_IMAGE_DATA);
  const std::vector<double> expected = field_of(prev);
  DataView<double> field = got.array(VTKWIRE_ASSOCIATION_POINT, "field").values<double>();
  EXPECT(field.size() == expected.size() && std::memcmp(field.data(), expected.data(), sizeof(double) * expected.size()) == 0);
  EXPECT(got.array(VTKWIRE_ASSOCIATION_CELL, "owner").string(5) == "rank " + std::to_string(prev));
  EXPECT(got.image_geometry().origin[0] == double(prev));

  // Broadcast in place: rank 0's poly data replaces everyone's.
  Object poly;
  if (rank == 0) {
    poly = Object::poly_data();
    poly.set_points(std::vector<float>{0, 0, 0, 1, 0, 0, 0, 1, 0});
    poly.set_poly_cells(VTKWIRE_POLY_POLYS, {0, 3}, {0, 1, 2});
  }
  bcast(poly, 0, world);
  EXPECT(poly.type() == VTKWIRE_OBJECT_POLY_DATA && poly.poly_cells(VTKWIRE_POLY_POLYS).ncells() == 1);

  // Gather one table per rank on rank 0; rank r's table has r + 1 rows.
  Object table = Object::table();
  table.add_array(VTKWIRE_ASSOCIATION_ROW, "row", std::vector<int32_t>(static_cast<std::size_t>(rank) + 1, rank));
  std::vector<Object> tables = gather(table, 0, world);
  if (rank == 0) {
    EXPECT(tables.size() == static_cast<std::size_t>(size));
    for (int r = 0; r < size; ++r) EXPECT(tables[r].count(VTKWIRE_ASSOCIATION_ROW) == static_cast<std::size_t>(r) + 1);
  } else {
    EXPECT(tables.empty());
  }

  // Sums.
  Array ones = Array::copy("ones", std::vector<double>{1.0, double(rank)});
  Array total = allreduce(ones, Op::Sum, world);
  DataView<double> t = total.values<double>();
  EXPECT(t[0] == double(size) && t[1] == double(size * (size - 1) / 2));
  allreduce_inplace(ones, Op::Max, world);
  EXPECT(ones.values<double>()[1] == double(size - 1));

  // Errors are exceptions carrying the status and the library's message.
  try {
    send(mine, size + 3, 1, world);
    EXPECT(false);
  } catch (const Error &e) {
    EXPECT(e.status() == VTKWIRE_STATUS_OUT_OF_RANGE);
    if (rank == 0) std::cout << "expected error: " << e.what() << "\n";
  }
  comm.barrier();
}

} // namespace

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank = 0, size = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  int failed = 0;
  try {
    run(rank, size);
  } catch (const std::exception &e) {
    std::cerr << "rank " << rank << ": " << e.what() << "\n";
    failed = 1;
  }
  int any_failed = 0;
  MPI_Allreduce(&failed, &any_failed, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  MPI_Finalize();
  if (rank == 0 && !any_failed) std::cout << "cpp_mpi_bindings: OK on " << size << " rank(s)\n";
  return any_failed;
}
