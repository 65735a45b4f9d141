#!/usr/bin/env bash
# Builds vtkwire (cargo, release) and installs it into PREFIX for C, C++ and Fortran consumers.
#
#   scripts/install.sh PREFIX
#
# Installs
#   PREFIX/lib/libvtkwire.so, libvtkwire.a          the Rust library (SONAME libvtkwire.so)
#   PREFIX/lib/libvtkwire_fortran.a                 the Fortran module's code
#   PREFIX/include/vtkwire.h, vtkwire.hpp           C and C++ headers without MPI
#   PREFIX/include/vtkwire_mpi.h, vtkwire_mpi.hpp   the MPI functions (include <mpi.h> and the above)
#   PREFIX/include/vtkwire-api.json                 the machine-readable API description
#   PREFIX/include/vtkwire*.mod                     the compiled Fortran modules (use vtkwire, use vtkwire_mpi)
#   PREFIX/lib/pkgconfig/vtkwire.pc (serial), vtkwire-mpi.pc, vtkwire-fortran.pc
#   PREFIX/lib/cmake/vtkwire/vtkwireConfig.cmake, vtkwireConfigVersion.cmake
# Everything is relocatable: move PREFIX as a whole and it still works.
#
# Environment
#   CARGO_TARGET_DIR   cargo's target directory (default: <repo>/target); the library is taken
#                      from $CARGO_TARGET_DIR/release.
#   MPICC              MPI C wrapper cargo builds against (mpi-sys). Default: mpicc, or
#                      mpicc.mpich when the library already in CARGO_TARGET_DIR links MPICH.
#                      mpi-sys does not rebuild when MPICC changes: use one target dir per MPI.
#   MPIF90             MPI Fortran wrapper for the module (default: the one of the MPI the
#                      library links, from `readelf -d`: mpif90.openmpi / mpif90.mpich / mpif90).
#   VTKWIRE_NO_BUILD=1 do not run cargo; install the library already built.
#   VTKWIRE_NO_FORTRAN=1  skip the Fortran module.
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; }
if [[ $# -ne 1 || $1 == -h || $1 == --help ]]; then
  usage >&2
  exit 2
fi

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mkdir -p "$1"
PREFIX=$(cd "$1" && pwd)
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
[[ $TARGET_DIR == /* ]] || TARGET_DIR=$ROOT/$TARGET_DIR
RELEASE=$TARGET_DIR/release
TEMPLATES=$ROOT/cmake/install
log() { printf 'install.sh: %s\n' "$*" >&2; }
die() { printf 'install.sh: error: %s\n' "$*" >&2; exit 1; }

needs_mpich() { readelf -d "$1" 2>/dev/null | grep -q 'NEEDED.*\[libmpich'; }

# ---- 1. build ----------------------------------------------------------------------------------
if [[ ${VTKWIRE_NO_BUILD:-0} != 1 ]]; then
  if [[ -z ${MPICC:-} && -f $RELEASE/libvtkwire.so ]] && needs_mpich "$RELEASE/libvtkwire.so"; then
    export MPICC=mpicc.mpich
  fi
  log "cargo build --release (target dir $TARGET_DIR${MPICC:+, MPICC=$MPICC})"
  (cd "$ROOT" && CARGO_TARGET_DIR=$TARGET_DIR cargo build --release --lib --quiet)
fi
for f in "$RELEASE/libvtkwire.so" "$RELEASE/libvtkwire.a" "$ROOT/include/vtkwire.h" "$ROOT/include/vtkwire.hpp"; do
  [[ -f $f ]] || die "$f is missing (build with: cargo build --release)"
done

# ---- 2. which MPI, which version ---------------------------------------------------------------
DYN=$(readelf -d "$RELEASE/libvtkwire.so")
if grep -q 'NEEDED.*\[libmpich' <<<"$DYN"; then
  MPI_FLAVOR=MPICH PC_MPI=mpich FC_DEFAULT=mpif90.mpich
elif grep -q 'NEEDED.*\[libmpi\.so' <<<"$DYN"; then
  MPI_FLAVOR=OpenMPI PC_MPI=ompi-c FC_DEFAULT=mpif90.openmpi
else
  MPI_FLAVOR=unknown PC_MPI= FC_DEFAULT=mpif90
fi
command -v "$FC_DEFAULT" >/dev/null 2>&1 || FC_DEFAULT=mpif90
grep -q 'SONAME.*\[libvtkwire\.so\]' <<<"$DYN" || log "warning: libvtkwire.so has no SONAME libvtkwire.so"
VERSION=$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' "$ROOT/Cargo.toml" | head -n1)
[[ -n $VERSION ]] || die "cannot read the version from Cargo.toml"
VERSION_MAJOR=${VERSION%%.*}
VERSION_MINOR=${VERSION#*.}
VERSION_MINOR=${VERSION_MINOR%%.*}
# pkg-config: require the MPI's own .pc when this machine has it; otherwise consumers use mpicc.
REQUIRES_LINE="# the MPI has no pkg-config file here: compile with mpicc"
MPI_REQUIRES=""
if [[ -n $PC_MPI ]] && pkg-config --exists "$PC_MPI" 2>/dev/null; then
  REQUIRES_LINE="# MPI flags come from the MPI's own pkg-config file ($PC_MPI)"
  MPI_REQUIRES=", $PC_MPI"
fi
log "library links $MPI_FLAVOR; version $VERSION"

# ---- 3. library and headers --------------------------------------------------------------------
install -d "$PREFIX/lib" "$PREFIX/include" "$PREFIX/lib/pkgconfig" "$PREFIX/lib/cmake/vtkwire"
install -m 755 "$RELEASE/libvtkwire.so" "$PREFIX/lib/libvtkwire.so"
install -m 644 "$RELEASE/libvtkwire.a" "$PREFIX/lib/libvtkwire.a"
install -m 644 "$ROOT"/include/vtkwire.h "$ROOT"/include/vtkwire_mpi.h "$ROOT"/include/vtkwire.hpp "$ROOT"/include/vtkwire_mpi.hpp "$ROOT"/include/vtkwire-api.json "$PREFIX/include/"

# ---- 4. Fortran module -------------------------------------------------------------------------
FC_VERSION=""
MPIF90=${MPIF90:-$FC_DEFAULT}
rm -f "$PREFIX/lib/pkgconfig/vtkwire-mpi.pc" "$PREFIX/lib/libvtkwire_fortran.a" "$PREFIX"/include/vtkwire*.mod "$PREFIX/lib/pkgconfig/vtkwire-fortran.pc"
if [[ ${VTKWIRE_NO_FORTRAN:-0} == 1 ]]; then
  log "Fortran module skipped (VTKWIRE_NO_FORTRAN=1)"
elif ! command -v "$MPIF90" >/dev/null 2>&1; then
  log "warning: $MPIF90 not found: Fortran module not installed"
else
  FBUILD=$(mktemp -d)
  trap 'rm -rf "$FBUILD"' EXIT
  # Same flags as bindings/fortran/CMakeLists.txt (GNU: standard Fortran 2008, PIC).
  FFLAGS=(-O2 -g -fPIC)
  if "$MPIF90" --version 2>/dev/null | head -n1 | grep -q 'GNU Fortran'; then
    FFLAGS+=(-std=f2008 "-J$FBUILD")
    FC_VERSION=$("$MPIF90" -dumpfullversion 2>/dev/null || "$MPIF90" -dumpversion)
  else
    FFLAGS+=("-module" "$FBUILD")
  fi
  objs=()
  while read -r src; do
    [[ -z $src || $src == \#* ]] && continue
    log "$MPIF90 ${FFLAGS[*]} -c bindings/fortran/$src"
    (cd "$FBUILD" && "$MPIF90" "${FFLAGS[@]}" -I"$ROOT/bindings/fortran" -c "$ROOT/bindings/fortran/$src" -o "${src%.f90}.o")
    objs+=("$FBUILD/${src%.f90}.o")
  done <"$ROOT/bindings/fortran/sources.txt"
  ar rcs "$FBUILD/libvtkwire_fortran.a" "${objs[@]}"
  install -m 644 "$FBUILD/libvtkwire_fortran.a" "$PREFIX/lib/"
  install -m 644 "$FBUILD"/*.mod "$PREFIX/include/"
fi

# ---- 5. pkg-config and CMake package -----------------------------------------------------------
subst() {
  sed -e "s|@VERSION@|$VERSION|g" -e "s|@VERSION_MAJOR@|$VERSION_MAJOR|g" \
      -e "s|@VERSION_MINOR@|$VERSION_MINOR|g" -e "s|@MPI_FLAVOR@|$MPI_FLAVOR|g" \
      -e "s|@REQUIRES_LINE@|$REQUIRES_LINE|g" -e "s|@MPI_REQUIRES@|$MPI_REQUIRES|g" -e "s|@MPIF90@|$MPIF90|g" \
      -e "s|@FC_VERSION@|$FC_VERSION|g" -e "s|@SIZEOF_VOID_P@|8|g" \
      -e "s|@STATIC_LIBS@|gcc_s;util;rt;pthread;m;dl;c|g" "$1" >"$2"
  chmod 644 "$2"
}
subst "$TEMPLATES/vtkwire.pc.in" "$PREFIX/lib/pkgconfig/vtkwire.pc"
subst "$TEMPLATES/vtkwire-mpi.pc.in" "$PREFIX/lib/pkgconfig/vtkwire-mpi.pc"
[[ -f $PREFIX/include/vtkwire.mod ]] &&
  subst "$TEMPLATES/vtkwire-fortran.pc.in" "$PREFIX/lib/pkgconfig/vtkwire-fortran.pc"
subst "$TEMPLATES/vtkwireConfig.cmake.in" "$PREFIX/lib/cmake/vtkwire/vtkwireConfig.cmake"
subst "$TEMPLATES/vtkwireConfigVersion.cmake.in" "$PREFIX/lib/cmake/vtkwire/vtkwireConfigVersion.cmake"

log "installed vtkwire $VERSION ($MPI_FLAVOR) into $PREFIX"
