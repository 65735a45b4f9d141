#!/usr/bin/env bash
# The first programs of examples/first (C, C++, Fortran, Python) built with the plain compilers
# (cc, c++, gfortran: no MPI wrapper, no <mpi.h>, no mpi_f08) against a library built without
# MPI, run, and judged by VTK 9.1: each writes triangle.vtk, VTK's reader must see 3 points, one
# triangle and the temperature values, and the four files must be byte-identical.
#
#   tests/first/run.sh [LIBDIR]   # default: target-serial/release (cargo --no-default-features)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
lib=$(realpath -m "${1:-$root/target-serial/release}")
out=$(realpath -m "$lib/../first-programs")
[[ -f $lib/libvtkwire.so ]] || { echo "tests/first: no $lib/libvtkwire.so" >&2; exit 1; }
if readelf -d "$lib/libvtkwire.so" | grep -q 'libmpi'; then
  echo "tests/first: note: $lib/libvtkwire.so links MPI (the serial build does not)"
fi
rm -rf "$out" && mkdir -p "$out/mod"
link=(-L"$lib" -lvtkwire -Wl,-rpath,"$lib")
warn=(-Wall -Wextra -Werror -pedantic)
ex=$root/examples/first

cc -std=c11 "${warn[@]}" -I"$root/include" "$ex/first.c" "${link[@]}" -o "$out/first_c"
c++ -std=c++17 "${warn[@]}" -I"$root/include" "$ex/first.cpp" "${link[@]}" -o "$out/first_cpp"
fobjs=()
for src in vtkwire_c.f90 vtkwire_internal.f90 vtkwire.f90; do   # the serial modules (sources.txt)
  gfortran -std=f2008 -Wall -Wextra -Werror -J"$out/mod" -I"$root/bindings/fortran" \
    -c "$root/bindings/fortran/$src" -o "$out/${src%.f90}.o"
  fobjs+=("$out/${src%.f90}.o")
done
gfortran -std=f2008 -Wall -Wextra -Werror -I"$out/mod" "$ex/first.f90" "${fobjs[@]}" "${link[@]}" -o "$out/first_f90"

cd "$out"
./first_c c.vtk
./first_cpp cpp.vtk
./first_f90 f90.vtk
VTKWIRE_LIBRARY=$lib/libvtkwire.so PYTHONPATH=$root/python /usr/bin/python3 "$ex/first.py" py.vtk

/usr/bin/python3 - c.vtk cpp.vtk f90.vtk py.vtk <<'PY'
import sys
from vtkmodules.vtkIOLegacy import vtkPolyDataReader
files = sys.argv[1:]
for f in files:
    r = vtkPolyDataReader()
    r.SetFileName(f)
    r.Update()
    pd = r.GetOutput()
    t = pd.GetPointData().GetArray("temperature")
    got = (pd.GetNumberOfPoints(), pd.GetNumberOfCells(), pd.GetCellType(0) if pd.GetNumberOfCells() else None,
           [t.GetValue(i) for i in range(t.GetNumberOfTuples())] if t else None, pd.GetPoint(1))
    want = (3, 1, 5, [20.5, 21.0, 19.5], (1.0, 0.0, 0.0))  # 5 = VTK_TRIANGLE
    assert got == want, f"{f}: VTK 9.1 reads {got}, expected {want}"
blobs = [open(f, "rb").read() for f in files]
assert all(b == blobs[0] for b in blobs), "the four languages wrote different files"
print(f"first programs: C, C++, Fortran, Python wrote the same triangle.vtk; VTK 9.1 reads it ({len(blobs[0])} bytes)")
PY
