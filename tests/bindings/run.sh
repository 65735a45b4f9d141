#!/usr/bin/env bash
# Builds and runs the C++ and Fortran binding examples by hand — no CMake — against the
# cargo-built library (coverage of the C API: `cargo run -p xtask -- gen --check`).
#
#   tests/bindings/run.sh               # cargo build --release, build, run, coverage
#   SKIP_CARGO=1 tests/bindings/run.sh  # reuse target/release/libvtkwire.so as is
#   VALGRIND=1 tests/bindings/run.sh    # run the 1-rank examples under valgrind too
#
# Environment: CARGO_TARGET_DIR (default <repo>/target), MPICXX (mpicxx), MPIF90 (mpif90),
# MPIEXEC (mpiexec). For MPICH: CARGO_TARGET_DIR=target-mpich MPICXX=mpicxx.mpich
# MPIF90=mpif90.mpich MPIEXEC=mpiexec.mpich (the library must be built against the same MPI).
# Outputs go to $CARGO_TARGET_DIR/bindings-test. Examples: c_examples/cpp_*.cpp (except
# cpp_objects.cpp, owned elsewhere; ALL_CPP=1 includes it) and c_examples/fortran_*.f90;
# *_mpi_* programs run at 2 and 4 ranks, the others at 1.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# Absolute, so the rpath still resolves when the examples run from $out (CARGO_TARGET_DIR=target-mpich).
target=$(realpath -m "${CARGO_TARGET_DIR:-$root/target}")
lib=$target/release
out=$target/bindings-test
MPICXX=${MPICXX:-mpicxx}
MPIF90=${MPIF90:-mpif90}
MPIEXEC=${MPIEXEC:-mpiexec}
CXXFLAGS="-std=c++17 -O2 -g -Wall -Wextra -Werror -Wpedantic -Wshadow -Wconversion -DOMPI_SKIP_MPICXX -DMPICH_SKIP_MPICXX"
FFLAGS="-O2 -g -Wall -Wextra -Werror"
# Open MPI as root and with more ranks than cores; MPICH ignores these variables.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1

step() { printf '\n== %s\n' "$*"; }
failures=()

if [[ ${SKIP_CARGO:-0} != 1 ]]; then
  step "cargo build --release"
  (cd "$root" && CARGO_TARGET_DIR=$target cargo build --release)
fi
[[ -f $lib/libvtkwire.so ]] || { echo "no $lib/libvtkwire.so: run cargo build --release" >&2; exit 1; }
mkdir -p "$out/mod"
link=(-L"$lib" -lvtkwire -Wl,-rpath,"$lib")

step "C++: vtkwire.hpp alone with plain c++ (C++17, no MPI)"
c++ ${CXXFLAGS//-DOMPI_SKIP_MPICXX -DMPICH_SKIP_MPICXX/} -I"$root/include" "$root/tests/bindings/hpp_alone.cpp" "${link[@]}" -o "$out/hpp_alone"
"$out/hpp_alone"

step "C++: vtkwire_mpi.hpp alone (C++17, without -DOMPI_SKIP_MPICXX)"
$MPICXX ${CXXFLAGS//-DOMPI_SKIP_MPICXX -DMPICH_SKIP_MPICXX/} -I"$root/include" "$root/tests/bindings/hpp_mpi_alone.cpp" "${link[@]}" -o "$out/hpp_mpi_alone"
"$out/hpp_mpi_alone"

step "Fortran: modules vtkwire, vtkwire_mpi (-std=f2008)"
fobjs=()
while read -r src; do
  [[ -z $src || $src == \#* ]] && continue
  $MPIF90 $FFLAGS -std=f2008 -J "$out/mod" -I"$root/bindings/fortran" -c "$root/bindings/fortran/$src" -o "$out/${src%.f90}_f.o"
  fobjs+=("$out/${src%.f90}_f.o")
done <"$root/bindings/fortran/sources.txt"

programs=()
for src in "$root"/c_examples/cpp_*.cpp; do
  [[ -e $src ]] || continue
  name=$(basename "$src" .cpp)
  [[ $name == cpp_objects && ${ALL_CPP:-0} != 1 ]] && continue
  step "C++: $name"
  if $MPICXX $CXXFLAGS -I"$root/include" "$src" "${link[@]}" -o "$out/$name"; then
    programs+=("$name")
  else
    failures+=("build $name")
  fi
done
for src in "$root"/c_examples/fortran_*.f90; do
  [[ -e $src ]] || continue
  name=$(basename "$src" .f90)
  step "Fortran: $name"
  if $MPIF90 $FFLAGS -I"$out/mod" "$src" "${fobjs[@]}" "${link[@]}" -o "$out/$name"; then
    programs+=("$name")
  else
    failures+=("build $name")
  fi
done

for name in "${programs[@]}"; do
  ranks=(1)
  [[ $name == *_mpi_* ]] && ranks=(2 4)
  for n in "${ranks[@]}"; do
    step "run $name at $n rank(s)"
    if (cd "$out" && timeout 120 "$MPIEXEC" -n "$n" "./$name"); then :; else failures+=("run $name np$n"); fi
    if [[ ${VALGRIND:-0} == 1 && $n == 1 ]] && command -v valgrind >/dev/null; then
      step "valgrind $name"
      (cd "$out" && valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite "./$name" >/dev/null) \
        || failures+=("valgrind $name")
    fi
  done
done

# Coverage of the C API by the C++ headers and the Fortran modules is checked exactly by
# `cargo run -p xtask -- gen --check` (every export wrapped, generated or listed as manual).

if ((${#failures[@]})); then
  step "FAILED: ${failures[*]}"
  exit 1
fi
step "all binding checks passed"
