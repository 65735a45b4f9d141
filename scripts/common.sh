# Shared by demo.sh and test.sh: environment for running MPI jobs here.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_rmaps_base_oversubscribe=1
export CARGO_TERM_COLOR=never
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JOBS=${JOBS:-2}
step() { printf '\n=== %s\n' "$*"; }

# Configures and builds the CMake examples in build dir $1 against cargo dir $2; extra args follow.
cmake_build() {
  local dir=$1 cargo_dir=$2
  shift 2
  cmake -S "$ROOT" -B "$ROOT/$dir" -DVTKWIRE_CARGO_TARGET_DIR="$cargo_dir" "$@" >"$ROOT/$dir.configure.log" 2>&1 \
    || { cat "$ROOT/$dir.configure.log"; return 1; }
  cmake --build "$ROOT/$dir" -j"$JOBS"
}
