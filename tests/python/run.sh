#!/usr/bin/env bash
# Runs the Python package's tests (python/vtkwire over target/release/libvtkwire.so, ctypes)
# under Open MPI: `mpirun -n 2 /usr/bin/python3 -m pytest -q tests/python`. Builds nothing.
#
#   tests/python/run.sh              # 2 ranks
#   NP=4 tests/python/run.sh         # other rank counts (oversubscription allowed)
#   TIMEOUT=300 tests/python/run.sh  # seconds before a hung job is killed (default 180)
#
# Needs Debian's /usr/bin/python3 with python3-vtk9, python3-mpi4py (Open MPI), python3-numpy
# and python3-pytest. VTKWIRE_LIBRARY overrides the library path. Open MPI only: mpi4py is
# built against Open MPI here. A failing test aborts the MPI job (tests/python/conftest.py)
# and the timeout bounds any hang; the exit status is non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
PY=/usr/bin/python3
NP=${NP:-2}
TIMEOUT=${TIMEOUT:-180}
MPIRUN=${MPIRUN:-mpirun.openmpi}
command -v "$MPIRUN" >/dev/null 2>&1 || MPIRUN=mpirun
lib=${VTKWIRE_LIBRARY:-$root/target/release/libvtkwire.so}
if [[ ! -f $lib ]]; then
  echo "tests/python: $lib missing — run cargo build --release first" >&2
  exit 1
fi
"$PY" -c 'import numpy, pytest, mpi4py, vtkmodules' || {
  echo "tests/python: /usr/bin/python3 lacks numpy/pytest/mpi4py/vtk (scripts/setup.sh)" >&2
  exit 1
}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
# The tests set the VTK peer version themselves and expect the default (9.1) at first.
unset VTKWIRE_VTK_PEER_VERSION
echo "== python: $MPIRUN -n $NP $PY -m pytest -q tests/python (timeout ${TIMEOUT}s)"
rc=0
timeout -k 10 "$TIMEOUT" "$MPIRUN" -n "$NP" "$PY" -m pytest -q --color=no tests/python || rc=$?
if [[ $rc -eq 124 || $rc -eq 137 ]]; then
  echo "tests/python: FAILED — timed out after ${TIMEOUT}s (a rank hung)" >&2
elif [[ $rc -ne 0 ]]; then
  echo "tests/python: FAILED (exit $rc)" >&2
else
  echo "tests/python: OK ($NP ranks)"
fi
exit "$rc"
