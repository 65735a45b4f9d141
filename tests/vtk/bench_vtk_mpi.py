#!/usr/bin/python3
"""VTK-to-VTK point-to-point cost of a data object on 2 ranks: the VTK column of
benches/mpi_send.rs (Debian VTK 9.1 + mpi4py, Open MPI; run with /usr/bin/python3).

    mpirun -n 2 /usr/bin/python3 tests/vtk/bench_vtk_mpi.py CLASS FILE [CLASS FILE ...]

Each FILE holds bytes vtkwire marshaled; both ranks load the object with VTK's own
vtkCommunicator.UnMarshalDataObject into a new CLASS. Then, through a real vtkMPIController,
`controller.Send(obj, peer, tag)` / `controller.ReceiveDataObject(peer, tag)` (VTK marshals,
sends its 8 messages, unmarshals into a new object) is timed with the bench's two schemes:

  * ping-pong: rank 0 sends, rank 1 receives then sends its copy back, rank 0 receives; one-way
    time = round trip / 2;
  * streaming: rank 0 sends K objects back to back, rank 1 receives them, then a 1-int ack goes
    back (mpi4py); time per object = total / K (rank 0's marshal of object i+1 overlaps rank 1's
    unmarshal of object i).

Best of REPS rounds, round-robin between the two schemes, on rank 0's clock after a barrier.
Environment: VTKWIRE_BENCH_REPS (default 5), VTKWIRE_BENCH_STREAM (K, default 4).
Rank 0 prints one line per FILE: "CLASS <one-way ping-pong s> <streaming s per object> <bytes>".
"""
import os
import sys
import time

import numpy as np
from mpi4py import MPI

from vtkmodules import vtkCommonDataModel as dm
from vtkmodules.util import numpy_support as ns
from vtkmodules.vtkCommonCore import vtkCharArray
from vtkmodules.vtkParallelCore import vtkCommunicator
from vtkmodules.vtkParallelMPI import vtkMPIController
import vtkmodules.vtkIOLegacy  # noqa: F401  (the legacy reader/writer behind (Un)MarshalDataObject)

TAG = 5
ACK = 9


def load(cls, path):
    b = open(path, "rb").read()
    a = vtkCharArray()
    a.SetNumberOfTuples(len(b))
    ns.vtk_to_numpy(a)[:] = np.frombuffer(b, dtype=np.int8)
    o = getattr(dm, cls)()
    if vtkCommunicator.UnMarshalDataObject(a, o) != 1:
        raise SystemExit("VTK cannot unmarshal %s as a %s" % (path, cls))
    return o, len(b)


def main():
    world = MPI.COMM_WORLD
    assert world.Get_size() == 2, "run on exactly 2 ranks"
    reps = int(os.environ.get("VTKWIRE_BENCH_REPS", "5"))
    k = int(os.environ.get("VTKWIRE_BENCH_STREAM", "4"))
    c = vtkMPIController()
    c.Initialize()  # MPI is already up (mpi4py): VTK duplicates MPI_COMM_WORLD
    rank = c.GetLocalProcessId()
    peer = 1 - rank
    ack = np.zeros(1, dtype=np.int32)
    args = sys.argv[1:]
    for cls, path in zip(args[0::2], args[1::2]):
        o, nbytes = load(cls, path)
        # Warm-up and check: one object each way, received as the class that was sent.
        if rank == 0:
            c.Send(o, peer, TAG)
            r = c.ReceiveDataObject(peer, TAG)
        else:
            r = c.ReceiveDataObject(peer, TAG)
            c.Send(o, peer, TAG)
        assert r is not None and r.GetClassName() == cls, "received %s" % (r and r.GetClassName())
        del r
        best_pp = best_st = float("inf")
        for _ in range(reps):
            world.Barrier()
            t = time.perf_counter()
            if rank == 0:
                c.Send(o, peer, TAG)
                r = c.ReceiveDataObject(peer, TAG)
                del r
            else:
                r = c.ReceiveDataObject(peer, TAG)
                del r
                c.Send(o, peer, TAG)
            best_pp = min(best_pp, (time.perf_counter() - t) / 2)

            world.Barrier()
            t = time.perf_counter()
            if rank == 0:
                for _ in range(k):
                    c.Send(o, peer, TAG)
                world.Recv(ack, source=peer, tag=ACK)
            else:
                for _ in range(k):
                    r = c.ReceiveDataObject(peer, TAG)
                    del r
                world.Send(ack, dest=peer, tag=ACK)
            best_st = min(best_st, (time.perf_counter() - t) / k)
        if rank == 0:
            print("%s %.6f %.6f %d" % (cls, best_pp, best_st, nbytes), flush=True)
        del o
    c.Finalize(1)  # frees VTK's duplicate of MPI_COMM_WORLD; mpi4py finalizes MPI


if __name__ == "__main__":
    main()
