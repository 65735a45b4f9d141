// peer_version_bindings.cpp — the VTK peer version through the C++ bindings (vtkwire.hpp), run
// by tests/mpi_peer_version.rs at 2 and 4 ranks.
//
// Odd ranks play a VTK >= 9.5 peer with raw MPI (MPI_Allgather of one MPI_LONG_LONG length,
// then MPI_Gatherv of MPI_DOUBLE to the root, reference §4.10); even ranks call
// vtkwire::set_vtk_peer_version(9, 5) and vtkwire::gatherv, for roots 0 and 1. Rank r sends
// r+1 doubles 10 r + i; the root checks the concatenation. Also: the default (9.1) and a
// refused version as a vtkwire::Error. Prints "peer version bindings passed (c++) on N ranks".
#include <cstdint>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "vtkwire_mpi.hpp"

namespace {

int failures = 0;

#define EXPECT(cond)                                                                             \
  do {                                                                                           \
    if (!(cond)) {                                                                               \
      std::cerr << __FILE__ << ":" << __LINE__ << ": expected " #cond << std::endl;              \
      ++failures;                                                                                \
    }                                                                                            \
  } while (0)

std::vector<double> values_of(int r) {
  std::vector<double> v(static_cast<std::size_t>(r) + 1);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = 10.0 * r + static_cast<double>(i);
  return v;
}

std::vector<double> expected(int size) {
  std::vector<double> all;
  for (int r = 0; r < size; ++r) {
    std::vector<double> v = values_of(r);
    all.insert(all.end(), v.begin(), v.end());
  }
  return all;
}

void vtk95_peer(int rank, int size, int root) {
  std::vector<double> mine = values_of(rank);
  long long len = static_cast<long long>(mine.size());
  std::vector<long long> lens(static_cast<std::size_t>(size), -1);
  MPI_Allgather(&len, 1, MPI_LONG_LONG, lens.data(), 1, MPI_LONG_LONG, MPI_COMM_WORLD);
  std::vector<int> counts, displs;
  int total = 0;
  for (int r = 0; r < size; ++r) {
    EXPECT(lens[static_cast<std::size_t>(r)] == r + 1);
    counts.push_back(static_cast<int>(lens[static_cast<std::size_t>(r)]));
    displs.push_back(total);
    total += counts.back();
  }
  std::vector<double> all(static_cast<std::size_t>(total));
  MPI_Gatherv(mine.data(), static_cast<int>(len), MPI_DOUBLE, all.data(), counts.data(), displs.data(), MPI_DOUBLE,
              root, MPI_COMM_WORLD);
  if (rank == root) EXPECT(all == expected(size));
}

void vtkwire_rank(int rank, int size, int root) {
  vtkwire::Array mine = vtkwire::Array::copy("g", values_of(rank));
  vtkwire::Array got = vtkwire::gatherv(mine, root, MPI_COMM_WORLD);
  if (rank != root) {
    EXPECT(!got);
    return;
  }
  EXPECT(got);
  if (!got) return;
  vtkwire::DataView<double> v = got.values<double>();
  EXPECT(std::vector<double>(v.begin(), v.end()) == expected(size));
}

}  // namespace

int main(int argc, char **argv) {
  int rank = 0, size = 0, total = 0;
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  try {
    EXPECT(vtkwire::vtk_peer_version() == (vtkwire::VtkVersion{9, 1}));
    try {
      vtkwire::set_vtk_peer_version(4, 0);
      std::cerr << "rank " << rank << ": set_vtk_peer_version(4, 0) did not throw" << std::endl;
      ++failures;
    } catch (const vtkwire::Error &e) {
      EXPECT(e.status() == VTKWIRE_STATUS_INVALID_ARGUMENT);
      EXPECT(std::string(e.what()).find("4.0") != std::string::npos);
    }
    vtkwire::set_vtk_peer_version(vtkwire::VtkVersion{9, 5});
    EXPECT(vtkwire::vtk_peer_version() == (vtkwire::VtkVersion{9, 5}));
    for (int root = 0; root < 2; ++root) {
      if (rank % 2 == 1)
        vtk95_peer(rank, size, root);
      else
        vtkwire_rank(rank, size, root);
    }
  } catch (const std::exception &e) {
    std::cerr << "rank " << rank << ": " << e.what() << std::endl;
    ++failures;
  }
  MPI_Allreduce(&failures, &total, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
  if (total == 0 && rank == 0) std::cout << "peer version bindings passed (c++) on " << size << " ranks" << std::endl;
  MPI_Finalize();
  return total == 0 ? 0 : 1;
}
