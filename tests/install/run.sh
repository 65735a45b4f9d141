#!/usr/bin/env bash
# Install test: scripts/install.sh into a temporary prefix (installed, then moved elsewhere to
# prove it is relocatable), then an external consumer (tests/install/consumer) built twice
# against that prefix and run under the MPI launcher with 2 ranks:
#   1. CMake: find_package(vtkwire) with CMAKE_PREFIX_PATH=<prefix> (plus a Fortran program
#      against vtkwire::fortran when the module was installed);
#   2. plain: mpicc consumer.c $(pkg-config --cflags --libs vtkwire).
#
#   tests/install/run.sh [openmpi|mpich|all]      (default: openmpi, or $VTKWIRE_INSTALL_MPI)
#
# openmpi: cargo dir $CARGO_TARGET_DIR or <repo>/target, mpicc.openmpi, mpirun.openmpi -n 2
#          --oversubscribe (as root: OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1).
# mpich:   cargo dir <repo>/target-mpich (MPICC=mpicc.mpich), mpicc.mpich, mpiexec.mpich -n 2.
# Prints one line "install test: PASS (...)" or "install test: FAIL (...)"; exit status 0 on
# success. KEEP=1 keeps the temporary directory (it is always kept on failure).
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE=$ROOT/tests/install
WHICH=${1:-${VTKWIRE_INSTALL_MPI:-openmpi}}
case $WHICH in
  openmpi | mpich) MPIS=("$WHICH") ;;
  all) MPIS=(openmpi mpich) ;;
  *) echo "usage: $0 [openmpi|mpich|all]" >&2; exit 2 ;;
esac
JOBS=${JOBS:-2}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/vtkwire-install-test.XXXXXX")
LOG=$TMP/log
: >"$LOG"
DONE=()
TIMEOUT=${VTKWIRE_INSTALL_TIMEOUT:-180}

fail() {
  echo "---- last lines of $LOG" >&2
  tail -n 40 "$LOG" >&2
  echo "install test: FAIL ($CUR: $*; passed: ${DONE[*]:-none}; logs in $TMP)"
  exit 1
}
run() { # run CMD...: logged; fails the test on non-zero status
  printf '\n$ %s\n' "$*" >>"$LOG"
  "$@" >>"$LOG" 2>&1 || fail "'$*' exited $?"
}
same_dir() { [[ -d $1 && -d $2 && $(cd "$1" && pwd -P) == $(cd "$2" && pwd -P) ]]; }

for mpi in "${MPIS[@]}"; do
  CUR=$mpi
  if [[ $mpi == openmpi ]]; then
    TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
    CARGO_MPICC=${MPICC:-}
    CC_WRAP=mpicc.openmpi FC_WRAP=mpif90.openmpi
    command -v $CC_WRAP >/dev/null || CC_WRAP=mpicc FC_WRAP=mpif90
    LAUNCH=(mpirun.openmpi -n 2 --oversubscribe)
    command -v mpirun.openmpi >/dev/null || LAUNCH=(mpirun -n 2 --oversubscribe)
    export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
  else
    TARGET_DIR=$ROOT/target-mpich
    CARGO_MPICC=mpicc.mpich
    CC_WRAP=mpicc.mpich FC_WRAP=mpif90.mpich
    LAUNCH=(mpiexec.mpich -n 2)
  fi
  command -v "$CC_WRAP" >/dev/null || fail "$CC_WRAP not found"
  command -v "${LAUNCH[0]}" >/dev/null || fail "${LAUNCH[0]} not found"

  # ---- install, then move the prefix: everything must follow it ----
  STAGE=$TMP/$mpi/staged-prefix PREFIX=$TMP/$mpi/prefix
  run env CARGO_TARGET_DIR="$TARGET_DIR" ${CARGO_MPICC:+MPICC=$CARGO_MPICC} MPIF90="$FC_WRAP" \
    "$ROOT/scripts/install.sh" "$STAGE"
  run mv "$STAGE" "$PREFIX"
  for f in lib/libvtkwire.so lib/libvtkwire.a include/vtkwire.h include/vtkwire.hpp include/vtkwire_mpi.h \
           include/vtkwire_mpi.hpp include/vtkwire-api.json lib/pkgconfig/vtkwire.pc lib/pkgconfig/vtkwire-mpi.pc lib/cmake/vtkwire/vtkwireConfig.cmake \
           lib/cmake/vtkwire/vtkwireConfigVersion.cmake; do
    [[ -f $PREFIX/$f ]] || fail "$f not installed"
  done
  FORTRAN=OFF
  [[ -f $PREFIX/include/vtkwire.mod && -f $PREFIX/include/vtkwire_mpi.mod && -f $PREFIX/lib/libvtkwire_fortran.a ]] && FORTRAN=ON
  if grep -rqF "$STAGE" "$PREFIX/lib/pkgconfig" "$PREFIX/lib/cmake"; then
    fail "an installed file names the install-time prefix (not relocatable)"
  fi

  # ---- pkg-config flags point into the moved prefix ----
  export PKG_CONFIG_PATH=$PREFIX/lib/pkgconfig
  CFLAGS_PC=$(pkg-config --cflags vtkwire) || fail "pkg-config --cflags vtkwire"
  LIBS_PC=$(pkg-config --libs vtkwire) || fail "pkg-config --libs vtkwire"
  printf '\npkg-config --cflags: %s\npkg-config --libs: %s\n' "$CFLAGS_PC" "$LIBS_PC" >>"$LOG"
  ok_i=0 ok_l=0
  for w in $CFLAGS_PC; do [[ $w == -I* ]] && same_dir "${w#-I}" "$PREFIX/include" && ok_i=1; done
  for w in $LIBS_PC; do [[ $w == -L* ]] && same_dir "${w#-L}" "$PREFIX/lib" && ok_l=1; done
  [[ $ok_i == 1 ]] || fail "pkg-config --cflags has no -I<prefix>/include"
  [[ $ok_l == 1 && " $LIBS_PC " == *" -lvtkwire "* ]] || fail "pkg-config --libs lacks -L<prefix>/lib -lvtkwire"

  # ---- 1. CMake consumer ----
  B=$TMP/$mpi/build-cmake
  run cmake -S "$HERE/consumer" -B "$B" -DCMAKE_PREFIX_PATH="$PREFIX" -DCMAKE_BUILD_TYPE=Release \
    -DMPI_C_COMPILER="$CC_WRAP" -DMPI_Fortran_COMPILER="$FC_WRAP" -DCONSUMER_FORTRAN=$FORTRAN
  run cmake --build "$B" -j"$JOBS"
  readelf -d "$B/consumer" | grep -q 'NEEDED.*\[libvtkwire\.so\]' ||
    fail "the CMake consumer does not record NEEDED libvtkwire.so"
  run timeout "$TIMEOUT" "${LAUNCH[@]}" "$B/consumer"
  tail -n 20 "$LOG" | grep -q '^consumer: OK' || fail "CMake consumer printed no 'consumer: OK'"
  DONE+=("$mpi/cmake")
  run timeout "$TIMEOUT" "$B/serial"
  tail -n 5 "$LOG" | grep -q '^serial: OK' || fail "CMake serial consumer printed no 'serial: OK'"
  if grep -qE 'openmpi/include|linux-gnu/mpich' "$B/CMakeFiles/serial.dir/flags.make"; then
    fail "vtkwire::vtkwire (serial) carries MPI compile flags"
  fi
  DONE+=("$mpi/cmake-serial")
  if [[ $FORTRAN == ON ]]; then
    run timeout "$TIMEOUT" "$B/fortran_consumer"
    tail -n 5 "$LOG" | grep -q '^ *fortran_consumer: OK' || fail "fortran_consumer printed no OK"
    DONE+=("$mpi/cmake-fortran")
  fi

  # ---- 2. plain mpicc + pkg-config (no build system) ----
  EXE=$TMP/$mpi/consumer-pkgconfig
  # shellcheck disable=SC2046  # word splitting of pkg-config's flags is intended
  run "$CC_WRAP" -std=c11 -O2 -o "$EXE" "$HERE/consumer/consumer.c" \
    $(pkg-config --cflags --libs vtkwire-mpi) -Wl,-rpath,"$PREFIX/lib"
  run timeout "$TIMEOUT" "${LAUNCH[@]}" "$EXE"
  tail -n 20 "$LOG" | grep -q '^consumer: OK' || fail "pkg-config consumer printed no 'consumer: OK'"
  DONE+=("$mpi/pkg-config")
  # The serial API with the plain C compiler and `pkg-config vtkwire` (no MPI anywhere).
  # shellcheck disable=SC2046
  run cc -std=c11 -O2 -o "$EXE-serial" "$HERE/consumer/serial.c" $(pkg-config --cflags --libs vtkwire) \
    -Wl,-rpath,"$PREFIX/lib"
  run timeout "$TIMEOUT" "$EXE-serial"
  tail -n 5 "$LOG" | grep -q '^serial: OK' || fail "pkg-config serial consumer printed no 'serial: OK'"
  DONE+=("$mpi/pkg-config-serial")
  unset PKG_CONFIG_PATH
done

CUR=done
echo "install test: PASS (${DONE[*]})"
if [[ ${KEEP:-0} == 1 ]]; then echo "kept $TMP" >&2; else rm -rf "$TMP"; fi
