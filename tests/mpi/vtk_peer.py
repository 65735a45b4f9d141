#!/usr/bin/python3
"""The real-VTK side of vtkwire's MPI interop test (Debian VTK 9.1, run with /usr/bin/python3).

Launched as rank 0 of an MPMD job whose rank 1 is the vtkwire side (the `child` entry of
tests/mpi_vtk_interop.rs):

    mpirun.openmpi -n 1 /usr/bin/python3 tests/mpi/vtk_peer.py : -n 1 <vtkwire program>

Everything goes through a real `vtkMPIController` on MPI_COMM_WORLD. Its `Initialize()` calls
`MPI_Comm_dup(MPI_COMM_WORLD)` (reference §4.8): the vtkwire rank mirrors it with one collective
`vtkwire_comm_dup(MPI_COMM_WORLD)` (Rust: `Comm::dup`) at the same point, or both ranks hang.

For each of the 12 object types built by tests/vtk/vtk_interop.py (and the null object):
  1. VTK Send              -> vtkwire recv           (+ the MarshalDataObject bytes, raw, tag 101)
  2. vtkwire send          -> VTK ReceiveDataObject  (compared with the original's bytes)
  3. vtkwire send          -> VTK typed Receive(obj)
  4. VTK Broadcast(root 0) -> vtkwire bcast
  5. vtkwire bcast(root 1) -> VTK Broadcast
  6. vtkwire gather        -> VTK root: the exact wire of VTK's Gather(vtkDataObject) (9.1:
     MPI_Gather of the lengths, MPI_Gatherv of the bytes) through VTK's GatherV(vtkCharArray)
Then arrays: VTK Send/Receive both ways, Broadcast both ways, Gather/GatherV with a VTK root
and AllReduce for the 10 VTK operations. Prints one `PEER <check> ok|FAIL` line per check and a
final `PEER SUMMARY <failures>`; the failure count also goes to rank 1 (tag 599).
"""
import os
import sys

import numpy as np
from mpi4py import MPI

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "vtk"))
import vtk_interop as vi  # noqa: E402  (build(), marshal(), NEW: the 12 reference objects)

from vtkmodules.util import numpy_support as ns  # noqa: E402
from vtkmodules.vtkCommonCore import vtkCharArray, vtkDoubleArray, vtkFloatArray, vtkIntArray  # noqa: E402
from vtkmodules.vtkParallelMPI import vtkMPIController  # noqa: E402

ORDER = ["image", "structured_points", "rectilinear", "structured_grid", "poly", "unstructured",
         "table", "directed", "undirected", "tree", "multiblock", "amr"]
VTKWIRE = 1
failures = 0


def report(what, ok, detail=""):
    global failures
    if not ok:
        failures += 1
    print("PEER %s %s%s" % (what, "ok" if ok else "FAIL", (" " + detail) if detail and not ok else ""), flush=True)


def norm(b):
    """VTK's 128-byte EXTENT block leaves its tail (after the text's NUL) uninitialised
    (reference §2.2): compare marshaled buffers with that tail zeroed."""
    if b[:6] == b"EXTENT" and len(b) >= 128:
        end = b.index(b"\0") if b"\0" in b[:128] else 128
        b = b[:end] + bytes(128 - end) + b[128:]
    return strip_ext(b)


def strip_ext(b):
    """vtkwire's title-line extension (`vtk output vtkwire1 SP`: e.g. "this is a
    vtkStructuredPoints", which VTK's bytes cannot say) is a title VTK ignores: compare without."""
    key = b"vtk output vtkwire1"
    while key in b:
        i = b.index(key) + len(b"vtk output")
        b = b[:i] + b[b.index(b"\n", i):]
    return b


def chars(b):
    a = vtkCharArray()
    a.SetNumberOfTuples(len(b))
    if len(b):
        ns.vtk_to_numpy(a)[:] = np.frombuffer(b, dtype=np.int8)
    return a


def char_bytes(a):
    if a.GetNumberOfTuples() == 0:
        return b""
    return ns.vtk_to_numpy(a).astype(np.int8).tobytes()


def main():
    world = MPI.COMM_WORLD
    assert world.Get_size() == 2, "run as rank 0 of a 2-rank MPMD job"
    c = vtkMPIController()
    c.Initialize()  # MPI_Comm_dup(MPI_COMM_WORLD): the vtkwire rank mirrors it
    assert c.GetLocalProcessId() == 0 and c.GetNumberOfProcesses() == 2

    objs = vi.build()
    world.Send(np.array([len(ORDER)], dtype=np.int32), dest=VTKWIRE, tag=500)
    for name in ORDER:
        o = objs[name]
        ref = norm(vi.marshal(o))
        code = o.GetDataObjectType()
        # 1. VTK -> vtkwire (the reference bytes and type code follow, raw).
        report(name + " vtk-send", c.Send(o, VTKWIRE, 100) == 1)
        world.Send(np.array([code, len(ref)], dtype=np.int64), dest=VTKWIRE, tag=101)
        world.Send(np.frombuffer(ref, dtype=np.uint8) if ref else np.zeros(0, np.uint8), dest=VTKWIRE, tag=102)
        # 2. vtkwire -> VTK, new object.
        r = c.ReceiveDataObject(VTKWIRE, 103)
        report(name + " vtk-receive-new", r is not None and r.GetDataObjectType() == code and norm(vi.marshal(r)) == ref,
               "got %s" % (r.GetClassName() if r is not None else None))
        # 3. vtkwire -> VTK, typed receive into an existing object.
        t = vi.NEW[name]()
        ok = c.Receive(t, VTKWIRE, 104) == 1
        report(name + " vtk-receive-typed", ok and norm(vi.marshal(t)) == ref)
        # 4. VTK root broadcast.
        report(name + " vtk-bcast-root", c.Broadcast(o, 0) == 1)
        # 5. vtkwire root broadcast into a VTK object of the same type.
        b = vi.NEW[name]()
        ok = c.Broadcast(b, VTKWIRE) == 1
        report(name + " vtk-bcast-recv", ok and norm(vi.marshal(b)) == ref)
        # 6. Gather of objects to VTK: Gather(vtkDataObject) is GatherV of the marshaled chars.
        recv = vtkCharArray()
        ok = c.GatherV(chars(ref), recv, 0) == 1
        got = char_bytes(recv)
        got = norm(got[:len(ref)]) + norm(got[len(ref):])
        report(name + " vtk-gather-root", ok and got == ref + ref, "gathered %d bytes" % len(got))

    # The null object, both ways.
    # VTK's Python wrapping cannot pass a null vtkDataObject* (Send(None, ...) is an ambiguous
    # overload), so the 2-message null object is emitted raw, exactly as VTK's C++ sends it:
    # int[2] {rank, tag + K} on the tag, then int -1 on the mangled tag.
    world.Send(np.array([0, 110 + 1000], dtype=np.int32), dest=VTKWIRE, tag=110)
    world.Send(np.array([-1], dtype=np.int32), dest=VTKWIRE, tag=1110)
    report("null raw-send", True)
    r = c.ReceiveDataObject(VTKWIRE, 111)
    report("null vtk-receive-new", r is None)

    # Arrays: Send/Receive both ways.
    a = vtkDoubleArray()
    a.SetName("pressure")
    a.SetNumberOfComponents(3)
    for i in range(4):
        a.InsertNextTuple3(i, i + 0.5, -i)
    report("array vtk-send", c.Send(a, VTKWIRE, 120) == 1)
    back = vtkDoubleArray()
    ok = c.Receive(back, VTKWIRE, 121) == 1
    report("array vtk-receive", ok and back.GetName() == "pressure" and back.GetNumberOfComponents() == 3
           and list(ns.vtk_to_numpy(back).ravel()) == [2 * v for v in ns.vtk_to_numpy(a).ravel()])
    # Array broadcast both ways.
    report("array vtk-bcast-root", c.Broadcast(a, 0) == 1)
    bb = vtkIntArray()
    ok = c.Broadcast(bb, VTKWIRE) == 1
    report("array vtk-bcast-recv", ok and bb.GetName() == "ids" and list(ns.vtk_to_numpy(bb)) == [7, 8, 9])
    # Gather (fixed count) and GatherV (rank 0: 1 value, rank 1: 2 values) with a VTK root.
    f = vtkFloatArray()
    f.InsertNextValue(1.5)
    f.InsertNextValue(2.5)
    gr = vtkFloatArray()
    ok = c.Gather(f, gr, 0) == 1
    report("array vtk-gather-root", ok and list(ns.vtk_to_numpy(gr)) == [1.5, 2.5, 10.0, 20.0])
    g1 = vtkFloatArray()
    g1.InsertNextValue(3.0)
    gv = vtkFloatArray()
    ok = c.GatherV(g1, gv, 0) == 1
    report("array vtk-gatherv-root", ok and list(ns.vtk_to_numpy(gv)) == [3.0, 4.0, 5.0])
    # AllReduce with every VTK operation on an int array: vtkwire holds [6, 0, -3].
    mine = [5, 3, 0]
    theirs = [6, 0, -3]
    expect = [max, min, lambda x, y: x + y, lambda x, y: x * y, lambda x, y: int(bool(x) and bool(y)),
              lambda x, y: x & y, lambda x, y: int(bool(x) or bool(y)), lambda x, y: x | y,
              lambda x, y: int(bool(x) != bool(y)), lambda x, y: x ^ y]
    for op in range(10):
        s = vtkIntArray()
        for v in mine:
            s.InsertNextValue(v)
        out = vtkIntArray()
        ok = c.AllReduce(s, out, op) == 1
        want = [expect[op](x, y) for x, y in zip(mine, theirs)]
        got = list(ns.vtk_to_numpy(out)) if out.GetNumberOfTuples() else []
        report("array vtk-allreduce-op%d" % op, ok and got == want, "got %s want %s" % (got, want))

    # The same through vtkwire's C exports (vtkwire_object_send/_recv/_bcast on MPI_COMM_WORLD).
    refs = {n: norm(vi.marshal(objs[n])) for n in ("poly", "unstructured", "table")}
    report("c-abi vtk-send", c.Send(objs["poly"], VTKWIRE, 130) == 1)
    r = c.ReceiveDataObject(VTKWIRE, 131)
    report("c-abi vtk-receive-new", r is not None and norm(vi.marshal(r)) == refs["poly"])
    report("c-abi vtk-bcast-root", c.Broadcast(objs["unstructured"], 0) == 1)
    b = vi.NEW["table"]()
    ok = c.Broadcast(b, VTKWIRE) == 1
    report("c-abi vtk-bcast-recv", ok and norm(vi.marshal(b)) == refs["table"])
    report("c-abi vtk-receive-null", c.ReceiveDataObject(VTKWIRE, 132) is None)

    world.Send(np.array([failures], dtype=np.int32), dest=VTKWIRE, tag=599)
    print("PEER SUMMARY %d" % failures, flush=True)
    c.Finalize(1)  # frees VTK's duplicate of MPI_COMM_WORLD; mpi4py finalizes MPI


if __name__ == "__main__":
    main()
