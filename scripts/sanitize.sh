#!/usr/bin/env bash
# The C side under AddressSanitizer + UndefinedBehaviorSanitizer and valgrind memcheck:
#   1. the ctest suite (c_examples/: C, C++, Fortran) built with -DVTKWIRE_SANITIZE=ON;
#   2. the C/C++/Fortran programs of tests/mpi/ (built by the cargo tests otherwise), with the
#      same sanitizers, at the rank counts and modes the cargo tests use;
#   3. every single-rank program under valgrind --leak-check=full (plain build);
#   4. tests/bindings/run.sh (hand-built C++/Fortran bindings, with VALGRIND=1).
#
#   scripts/sanitize.sh            # all of it (~3 CPU-min with packages installed)
#
# The Rust library is built once more, without mimalloc (--no-default-features --features mpi, own target dir
# target/sanitize): with mimalloc, Rust allocations bypass the sanitizers' and valgrind's
# malloc, so a leaked or double-freed vtkwire object would go unseen. It is not instrumented
# itself (mixing rustc's LLVM ASan runtime with gcc's libasan is not supported); the Rust code
# runs under ASan in the fuzz targets (scripts/fuzz.sh).
#
# Leak checking: ON (ASan's LeakSanitizer, and valgrind) for every program that does not call
# MPI_Init. OFF (ASAN_OPTIONS=detect_leaks=0) for the MPI programs under ASan: Open MPI 4.1 does
# not free what MPI_Init allocates and unloads its plugins at MPI_Finalize, so LeakSanitizer's
# stacks end in "<unknown module>" and cannot be suppressed narrowly. The single-rank MPI program
# (demo_all_types) is leak-checked by valgrind instead, with suppressions limited to allocations
# made inside MPI_Init/MPI_Finalize (scripts/sanitize/valgrind.supp).
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
LOG=$ROOT/target/sanitize-logs
SAN_TARGET=$ROOT/target/sanitize
SANFLAGS=(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -g)
SUPP=(--suppressions=/usr/share/openmpi/openmpi-valgrind.supp --suppressions="$ROOT/scripts/sanitize/valgrind.supp")
VALGRIND=(valgrind -q --tool=memcheck --error-exitcode=1 --leak-check=full --num-callers=50 "${SUPP[@]}")
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# Not strict_string_checks: libgfortran calls strndup on Fortran strings (no NUL), which that
# option reports as a global-buffer-overflow in every Fortran program.
ASAN_SERIAL=detect_leaks=1:check_initialization_order=1:detect_stack_use_after_return=1
ASAN_MPI=detect_leaks=0:check_initialization_order=1:detect_stack_use_after_return=1
start=$(date +%s)
passed=0
failures=()

# check NAME COMMAND...: runs COMMAND (output in $LOG/NAME.log), counts it.
check() {
  local name=$1
  shift
  if "$@" >"$LOG/$name.log" 2>&1; then
    passed=$((passed + 1))
    echo "ok   $name"
  else
    failures+=("$name")
    echo "FAIL $name (log: $LOG/$name.log)"
    tail -n 25 "$LOG/$name.log" | sed 's/^/     /'
  fi
}

# expect FILE TEXT [COUNT]: FILE holds TEXT (COUNT times when given).
expect() {
  local n
  n=$(grep -cF -- "$2" "$1" || true)
  if [[ -n ${3:-} ]]; then [[ $n -eq $3 ]]; else [[ $n -ge 1 ]]; fi
}

step "setup (Debian packages; valgrind)"
bash scripts/setup.sh >/dev/null
if ! command -v valgrind >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends valgrind </dev/null
fi
mkdir -p "$LOG"

step "libvtkwire without mimalloc (target/sanitize)"
t0=$(date +%s)
CARGO_TARGET_DIR=$SAN_TARGET cargo build --release --no-default-features --features mpi
echo "library: $(( $(date +%s) - t0 )) s"

step "1. ctest with -fsanitize=address,undefined"
cmake_build build-sanitize "$SAN_TARGET/release" -DVTKWIRE_SANITIZE=ON
MPI_TESTS='(^|_)mpi_|demo_all_types'
# Programs without MPI_Init: leak checking on.
check ctest-asan-serial env ASAN_OPTIONS=$ASAN_SERIAL ctest --test-dir build-sanitize -E "$MPI_TESTS" --output-on-failure -j2
# MPI programs: leak checking off (see the header).
check ctest-asan-mpi env ASAN_OPTIONS=$ASAN_MPI ctest --test-dir build-sanitize -R "$MPI_TESTS" --output-on-failure -j2

step "2. tests/mpi programs with -fsanitize=address,undefined"
out=$ROOT/build-sanitize/tests-mpi
mkdir -p "$out/mod"
link=(-I"$ROOT/include" -L"$SAN_TARGET/release" -lvtkwire -Wl,-rpath,"$SAN_TARGET/release")
mpicc -std=c11 -Wall -Wextra -Werror -O1 "${SANFLAGS[@]}" tests/mpi/ffi_args.c "${link[@]}" -lm -o "$out/ffi_args"
mpicc -std=c11 -Wall -Wextra -Werror -O1 "${SANFLAGS[@]}" tests/mpi/ffi_no_init.c "${link[@]}" -lm -o "$out/ffi_no_init"
mpicc -std=c11 -Wall -Wextra -Werror -O1 "${SANFLAGS[@]}" tests/mpi/peer_version.c "${link[@]}" -lm -o "$out/peer_version"
mpicc -std=c11 -Wall -Wextra -Werror -O1 "${SANFLAGS[@]}" tests/mpi/protocol_checks.c "${link[@]}" -lm -o "$out/protocol_checks"
mpicxx -std=c++17 -O1 -Wall -Wextra -Werror -Wpedantic -Wshadow -Wconversion -DOMPI_SKIP_MPICXX -DMPICH_SKIP_MPICXX \
  "${SANFLAGS[@]}" tests/mpi/peer_version_bindings.cpp "${link[@]}" -o "$out/peer_version_bindings_cpp"
mpif90 -O1 -Wall -Wextra -Werror -std=f2008 "${SANFLAGS[@]}" -J"$out/mod" bindings/fortran/vtkwire.f90 \
  tests/mpi/peer_version_bindings.f90 "${link[@]}" -o "$out/peer_version_bindings_f90"
# mpi_case RANKS TEXT COUNT [ENV...] -- EXE [ARGS...]: runs under mpirun; TEXT appears COUNT times.
mpi_case() {
  local n=$1 text=$2 count=$3 got
  shift 3
  local envs=()
  while [[ $1 != -- ]]; do envs+=("$1"); shift; done
  shift
  got=$(env "${envs[@]}" ASAN_OPTIONS="$ASAN_MPI" timeout 180 mpirun -n "$n" "$@") || { echo "$got"; return 1; }
  echo "$got"
  [[ $(grep -cF -- "$text" <<<"$got") -eq $count ]]
}
run_mpi() { # NAME RANKS TEXT COUNT [ENV...] -- EXE [ARGS...]
  local name=$1 n=$2
  shift 2
  check "$name.np$n" mpi_case "$n" "$@"
}
for n in 2 4; do
  run_mpi ffi_args "$n" "ffi argument checks passed on $n ranks" 1 -- "$out/ffi_args"
  run_mpi protocol_checks "$n" "all checks passed on $n ranks" 1 -- "$out/protocol_checks"
  run_mpi peer_version.api "$n" "peer version checks passed (api) on $n ranks" 1 -u VTKWIRE_VTK_PEER_VERSION -- "$out/peer_version" api
  run_mpi peer_version.env95 "$n" "peer version checks passed (env95) on $n ranks" 1 VTKWIRE_VTK_PEER_VERSION=9.5 -- "$out/peer_version" env95
  run_mpi peer_version.envbad "$n" "peer version checks passed (envbad) on $n ranks" 1 VTKWIRE_VTK_PEER_VERSION=9.x -- "$out/peer_version" envbad
  run_mpi peer_version_bindings.cpp "$n" "peer version bindings passed (c++) on $n ranks" 1 -u VTKWIRE_VTK_PEER_VERSION -- "$out/peer_version_bindings_cpp"
  run_mpi peer_version_bindings.f90 "$n" "peer version bindings passed (fortran) on $n ranks" 1 -u VTKWIRE_VTK_PEER_VERSION -- "$out/peer_version_bindings_f90"
done
run_mpi ffi_no_init.finalized 2 "not initialized: 50 checks passed (finalized)" 2 -- "$out/ffi_no_init" finalized
# Before MPI_Init, without a launcher: no MPI state at all, so leak checking is on.
no_init_never() { # EXE [WRAPPER...]: the "never" mode, without a launcher
  local exe=$1 got
  shift
  got=$(ASAN_OPTIONS=$ASAN_SERIAL timeout 300 "$@" "$exe" never) || { echo "$got"; return 1; }
  echo "$got"
  grep -qF "not initialized: 50 checks passed (never)" <<<"$got"
}
check ffi_no_init.never no_init_never "$out/ffi_no_init"

step "3. valgrind memcheck on the single-rank programs (plain build)"
cmake_build build-valgrind "$SAN_TARGET/release"
mapfile -t singles < <(ctest --test-dir build-valgrind -N -L '^np1$' | sed -nE 's/^ *Test +#[0-9]+: (.+)\.np1$/\1/p')
((${#singles[@]})) || { echo "no single-rank ctest found" >&2; exit 1; }
for t in "${singles[@]}"; do
  exe=$(find build-valgrind/c_examples -maxdepth 1 -type f -name "$t" -perm -u+x | head -n1)
  # Without a launcher: the MPI program among them (demo_all_types) starts as an MPI singleton.
  check "valgrind.$t" bash -c 'cd "$(dirname "$1")" && timeout 300 "${@:2}" "./$(basename "$1")"' _ "$exe" "${VALGRIND[@]}"
done
mpicc -std=c11 -O1 -g tests/mpi/ffi_no_init.c "${link[@]}" -lm -o "$ROOT/build-valgrind/ffi_no_init"
check valgrind.ffi_no_init.never no_init_never "$ROOT/build-valgrind/ffi_no_init" "${VALGRIND[@]}"

step "4. tests/bindings/run.sh (C++ and Fortran bindings; 1-rank programs under valgrind)"
check bindings env SKIP_CARGO=1 CARGO_TARGET_DIR="$SAN_TARGET" VALGRIND=1 ALL_CPP=1 bash tests/bindings/run.sh

echo
echo "sanitize.sh: $(( $(date +%s) - start )) s"
if ((${#failures[@]})); then
  echo "FAILED: ${failures[*]}"
fi
echo "${passed} passed, ${#failures[@]} failed"
((${#failures[@]} == 0))
