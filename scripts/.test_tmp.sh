#!/usr/bin/env bash
# Every test: Rust unit/property/FFI/interop tests, the header check, and the C/C++/Fortran
# ctest suite under mpirun against Open MPI and against MPICH.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
LOG="$ROOT/target/test-logs"
start=$(date +%s)
# A failing command stops the script (set -e); the EXIT trap still prints a closing line.
current_step=""
step() { current_step="$*"; printf '\n=== %s\n' "$*"; }
trap 'rc=$?; if [[ $rc -ne 0 ]]; then echo; echo "FAILED (exit $rc) in step: $current_step; $(( $(date +%s) - start )) s"; fi' EXIT

# The headers alone: vtkwire.h with plain cc/c++ (a serial program needs no MPI), vtkwire_mpi.h
# with the MPI wrappers and no -DOMPI_SKIP_MPICXX (the header defines it). Args: label, lib dir,
# MPI C compiler, MPI C++ compiler.
header_checks() {
  local label=$1 lib=$2 mcc=$3 mcxx=$4 tag
  tag=$(echo "$label" | tr -dc 'A-Za-z')
  local warn=(-Wall -Wextra -Werror -pedantic)
  cc -std=c11 "${warn[@]}" -Iinclude tests/header/header_alone.c -o "$LOG/header_c_$tag" -L"$lib" -lvtkwire -Wl,-rpath,"$ROOT/$lib"
  "$LOG/header_c_$tag"
  c++ -std=c++17 "${warn[@]}" -Iinclude tests/header/header_alone.cpp -o "$LOG/header_cpp_$tag" -L"$lib" -lvtkwire -Wl,-rpath,"$ROOT/$lib"
  "$LOG/header_cpp_$tag"
  "$mcc" -std=c11 "${warn[@]}" -Iinclude tests/header/header_mpi_alone.c -o "$LOG/header_mpi_c_$tag" -L"$lib" -lvtkwire
  "$mcxx" -std=c++17 "${warn[@]}" -Iinclude tests/header/header_mpi_alone.cpp -o "$LOG/header_mpi_cpp_$tag" -L"$lib" -lvtkwire
  echo "headers OK against $label: vtkwire.h with plain cc and c++ (built and run), vtkwire_mpi.h with $mcc and $mcxx"
}

step "setup"
bash scripts/setup.sh
mkdir -p "$LOG"

step "lints: cargo fmt --check, cargo clippy -D warnings (default and serial features)"
cargo fmt --all -- --check
cargo clippy -q --release --all-targets --workspace -- -D warnings
CARGO_TARGET_DIR="$ROOT/target-serial" cargo clippy -q --release --lib --no-default-features --features mimalloc -- -D warnings
echo "lints OK"

step "cargo test --release (Open MPI build; real VTK 9.1 interop via /usr/bin/python3)"

# `cargo test` does not produce the cdylib the C-program tests link: build it first.
cargo build --release --workspace
(cargo test --release --workspace --no-fail-fast 2>&1 || true) | tee "$LOG/cargo.log"

step "generated API: headers, description, bindings match the sources; headers compile alone"
cargo run -q --release -p xtask -- gen --check
header_checks "Open MPI" target/release mpicc mpicxx
bash tests/api/drift.sh

step "serial build (no MPI): cargo tests, and the first programs in C, C++, Fortran, Python with plain compilers"
CARGO_TARGET_DIR="$ROOT/target-serial" cargo build --release --no-default-features --features mimalloc
CARGO_TARGET_DIR="$ROOT/target-serial" cargo test --release --no-fail-fast --no-default-features --features mimalloc 2>&1 | tee "$LOG/cargo-serial.log"
if readelf -d target-serial/release/libvtkwire.so | grep -q libmpi; then echo "the serial library links MPI" >&2; exit 1; fi
bash tests/first/run.sh "$ROOT/target-serial/release"

step "ctest against Open MPI"
cmake_build build "$ROOT/target/release"
(cd build && ctest --output-on-failure -j2) 2>&1 | tee "$LOG/ctest-openmpi.log"

step "Python package (ctypes + numpy + mpi4py) under mpirun -n 2, with Debian's VTK 9.1"
bash tests/python/run.sh 2>&1 | tee "$LOG/python.log"

step "bindings without CMake: C++ headers alone, Fortran modules, examples (tests/bindings/run.sh)"
SKIP_CARGO=1 bash tests/bindings/run.sh 2>&1 | tee "$LOG/bindings.log"

step "MPICH: cargo tests, header and ctest (library rebuilt against MPICH in target-mpich/)"
# mpi-sys finds the MPI through $MPICC and does not rebuild when it changes: own target dir.
export_mpich=(env CARGO_TARGET_DIR="$ROOT/target-mpich" MPICC=mpicc.mpich)
"${export_mpich[@]}" cargo build --release
("${export_mpich[@]}" cargo test --release --workspace --no-fail-fast 2>&1 || true) | tee "$LOG/cargo-mpich.log"
header_checks MPICH target-mpich/release mpicc.mpich mpicxx.mpich
cmake_build build-mpich "$ROOT/target-mpich/release" \
  -DMPI_C_COMPILER=mpicc.mpich -DMPI_CXX_COMPILER=mpicxx.mpich -DMPI_Fortran_COMPILER=mpif90.mpich \
  -DMPIEXEC_EXECUTABLE="$(command -v mpiexec.mpich)"
(cd build-mpich && ctest --output-on-failure -j2) 2>&1 | tee "$LOG/ctest-mpich.log"

step "install: scripts/install.sh into a prefix, external consumer via find_package and pkg-config (Open MPI, MPICH)"
bash tests/install/run.sh all

# One closing line over everything that ran.
cargo_pass=$({ cat "$LOG/cargo.log" "$LOG/cargo-serial.log" "$LOG/cargo-mpich.log" | grep -Eo 'test result: ok\. [0-9]+ passed' || true; } | awk '{s+=$4} END {print s+0}')
cargo_fail=$({ cat "$LOG/cargo.log" "$LOG/cargo-serial.log" "$LOG/cargo-mpich.log" | grep -Eo '[0-9]+ failed;' || true; } | awk '{s+=$1} END {print s+0}')
ctest_total() { { grep -Eo 'tests failed out of [0-9]+' "$1" || true; } | awk '{s+=$5} END {print s+0}'; }
ctest_failed() { { grep -Eo '[0-9]+ tests failed out of' "$1" || true; } | awk '{s+=$1} END {print s+0}'; }
ct_total=$(( $(ctest_total "$LOG/ctest-openmpi.log") + $(ctest_total "$LOG/ctest-mpich.log") ))
ct_fail=$(( $(ctest_failed "$LOG/ctest-openmpi.log") + $(ctest_failed "$LOG/ctest-mpich.log") ))
py_pass=$({ grep -Eo '[0-9]+ passed' "$LOG/python.log" || true; } | awk '$1>m{m=$1} END {print m+0}')
passed=$(( cargo_pass + 7 + py_pass + ct_total - ct_fail ))
failed=$(( cargo_fail + ct_fail ))
echo
echo "cargo tests (Open MPI, serial, MPICH builds): $cargo_pass passed; lints, API drift, first programs, bindings script: 4 passed; header checks (Open MPI, MPICH): 2 passed; ctest (Open MPI + MPICH): $((ct_total - ct_fail)) of $ct_total passed; install test: 1 passed; pytest (each of 2 ranks): $py_pass passed; $(( $(date +%s) - start )) s"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
