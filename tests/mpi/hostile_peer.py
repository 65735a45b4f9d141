#!/usr/bin/python3
"""A hostile MPI peer (mpi4py): replays a script of raw MPI operations against a vtkwire rank.

Rank 0 of a 2-rank MPMD job whose rank 1 is the vtkwire side (the `child` entry of
tests/mpi_hostile_peers.rs, which also writes the script, from tests/mpi/hostile.rs):

    mpirun.openmpi -n 1 /usr/bin/python3 tests/mpi/hostile_peer.py <script> : -n 1 <vtkwire rank>

Script lines:
    scenario <i> <name>          start of scenario i (printed)
    send <tag> <DT> <payload>    MPI_Isend(payload, len / size(DT), MPI_<DT>, 1, tag, WORLD)
    bcast <DT> <payload>         MPI_Bcast(payload, len / size(DT), MPI_<DT>, 0, WORLD)
    ack <i>                      perform the scenario's operations (buffers built first), receive
                                 int i from rank 1 on tag 9, then complete the Isends
    end
<payload> is hex bytes, `-` (empty) or `fill:<byte>:<count>`. tests/mpi/hostile_peer.c is the
same replay in C (for MPICH, which has no Debian mpi4py).
"""
import sys

import numpy as np
from mpi4py import MPI

WIRE = 1
ACK_TAG = 9
TYPES = {
    "INT": MPI.INT, "LONG_LONG": MPI.LONG_LONG, "CHAR": MPI.CHAR, "BYTE": MPI.BYTE,
    "FLOAT": MPI.FLOAT, "DOUBLE": MPI.DOUBLE, "LONG": MPI.LONG, "SHORT": MPI.SHORT,
}


def payload(text):
    if text == "-":
        return np.zeros(0, dtype=np.uint8)
    if text.startswith("fill:"):
        _, value, count = text.split(":")
        return np.full(int(count), int(value), dtype=np.uint8)
    return np.frombuffer(bytes.fromhex(text), dtype=np.uint8).copy()


def main():
    world = MPI.COMM_WORLD
    assert world.Get_size() == 2 and world.Get_rank() == 0, "run as rank 0 of a 2-rank MPMD job"
    ops = []  # the current scenario's operations, with their buffers built beforehand
    scenarios = 0
    with open(sys.argv[1]) as f:
        for line in f:
            w = line.split()
            if not w or w[0].startswith("#"):
                continue
            if w[0] == "scenario":
                print("PEER scenario %s %s" % (w[1], w[2]), flush=True)
            elif w[0] == "send":
                ops.append(("send", int(w[1]), TYPES[w[2]], payload(w[3])))
            elif w[0] == "bcast":
                ops.append(("bcast", 0, TYPES[w[1]], payload(w[2])))
            elif w[0] == "ack":
                # A hostile sender is a fast one: every message of the scenario goes out back to
                # back (buffers built first), as a program's sends would.
                pending = []
                for kind, tag, dt, buf in ops:
                    count = len(buf) // dt.Get_size()
                    if kind == "send":
                        pending.append(world.Isend([buf, count, dt], dest=WIRE, tag=tag))
                    else:
                        world.Bcast([buf, count, dt], root=0)
                got = np.zeros(1, dtype=np.int32)
                world.Recv([got, MPI.INT], source=WIRE, tag=ACK_TAG)
                assert got[0] == int(w[1]), "ack %d for scenario %s" % (got[0], w[1])
                MPI.Request.Waitall(pending)
                ops = []
                scenarios += 1
            elif w[0] == "end":
                break
            else:
                raise SystemExit("bad script line: " + line)
    print("PEER done %d scenarios" % scenarios, flush=True)


if __name__ == "__main__":
    main()
