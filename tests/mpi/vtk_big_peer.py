#!/usr/bin/python3
"""The real-VTK side of vtkwire's >2 GiB interop test (Debian VTK 9.1, run with /usr/bin/python3).

Launched as rank 0 of an MPMD job whose rank 1 is the vtkwire side (`child` of
tests/mpi_big.rs with VTKWIRE_MPI_BIG_CHILD=vtk):

    mpirun.openmpi -n 1 /usr/bin/python3 tests/mpi/vtk_big_peer.py --dims 1024,1024,525 : -n 1 <mpi_big>

Builds a vtkImageData with extent (0..nx-1, 0..ny-1, 0..nz-1), origin 0, spacing 1 and one
float32 point array "f" holding the same deterministic pattern as tests/mpi_big.rs (value i =
the bits of splitmix64(i ^ 0xF32F32F3) & 0xBF7FFFFF), then sends it with a real
`vtkMPIController.Send(vtkDataObject, 1, 40)`: VTK marshals it (more than 2^31 bytes) and sends
the buffer in INT_MAX-element chunks. vtkwire receives it and checks every value.

`vtkMPIController.Initialize()` calls `MPI_Comm_dup(MPI_COMM_WORLD)` (reference §4.8); the vtkwire
rank mirrors it. Prints `PEER <check> ok|FAIL`, the time and the peak RSS of this process.
"""
import argparse
import resource
import time

import numpy as np
from mpi4py import MPI

from vtkmodules.util import numpy_support as ns  # noqa: E402
from vtkmodules.vtkCommonDataModel import vtkImageData  # noqa: E402
from vtkmodules.vtkParallelMPI import vtkMPIController  # noqa: E402

VTKWIRE = 1
TAG = 40
U64 = np.uint64


def mix(i):
    """splitmix64 of a uint64 array (numpy wraps on overflow, as Rust's wrapping_mul)."""
    z = i + U64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> U64(30))) * U64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> U64(27))) * U64(0x94D049BB133111EB)
    return z ^ (z >> U64(31))


def f32_pattern(n):
    out = np.empty(n, dtype=np.uint32)
    step = 1 << 23
    for s in range(0, n, step):
        i = np.arange(s, min(n, s + step), dtype=np.uint64)
        out[s:s + len(i)] = (mix(i ^ U64(0xF32F32F3)) & U64(0xBF7FFFFF)).astype(np.uint32)
    return out.view(np.float32)


def peak_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dims", required=True, help="nx,ny,nz")
    dims = [int(x) for x in p.parse_args().dims.split(",")]
    world = MPI.COMM_WORLD
    assert world.Get_size() == 2, "run as rank 0 of a 2-rank MPMD job"
    c = vtkMPIController()
    c.Initialize()  # MPI_Comm_dup(MPI_COMM_WORLD): the vtkwire rank mirrors it
    assert c.GetLocalProcessId() == 0 and c.GetNumberOfProcesses() == 2

    t = time.time()
    n = dims[0] * dims[1] * dims[2]
    values = f32_pattern(n)
    img = vtkImageData()
    img.SetDimensions(*dims)
    arr = ns.numpy_to_vtk(values, deep=0)  # shares `values`, which stays alive below
    arr.SetName("f")
    img.GetPointData().AddArray(arr)
    print("PEER built %d float32 values in %.1f s, peak %d MiB" % (n, time.time() - t, peak_mib()), flush=True)

    t = time.time()
    ok = c.Send(img, VTKWIRE, TAG) == 1
    print("PEER Send took %.1f s, peak %d MiB" % (time.time() - t, peak_mib()), flush=True)
    print("PEER vtk-send ok" if ok else "PEER vtk-send FAIL", flush=True)
    del arr, img, values
    c.Finalize(1)  # frees VTK's duplicate of MPI_COMM_WORLD; mpi4py finalizes MPI


if __name__ == "__main__":
    main()
