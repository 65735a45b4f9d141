#!/usr/bin/env bash
# The main job: set up the machine, build everything, run the demo under mpirun.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
step "setup"
bash scripts/setup.sh
step "cargo build --release"
cargo build --release
step "CMake build of the C / C++ / Fortran examples"
cmake_build build "$ROOT/target/release"
step "demo: every data object type, built through the C API on 2 ranks"
mpirun -n 2 build/c_examples/demo_all_types
for ex in mpi_send_polydata mpi_bcast mpi_raw_bytes mpi_parallel_array; do
  if [[ -x build/c_examples/$ex ]]; then
    step "seed scenario: $ex (2 ranks)"
    mpirun -n 2 "build/c_examples/$ex"
  fi
done
