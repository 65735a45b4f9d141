"""MPI: the seed program, communicator conversion, objects and arrays over mpi4py
communicators. Every rank runs these in the same order (collectives meet)."""

import numpy as np
import pytest

MPI = pytest.importorskip("mpi4py.MPI")

import vtkwire as w  # noqa: E402
from vtkwire import mpi as wm  # noqa: E402

WORLD = MPI.COMM_WORLD
RANK = WORLD.Get_rank()
SIZE = WORLD.Get_size()
needs2 = pytest.mark.skipif(SIZE < 2, reason="needs mpirun -n 2 or more")


def test_seed_program_allreduce_max():
    # Each rank fills a float32 array of 10 with its rank; rank 0 sets element 3 to 10.
    a = np.full(10, RANK, dtype=np.float32)
    if RANK == 0:
        a[3] = 10
    arr = w.Array.from_numpy("a", a)
    view = arr.numpy()  # zero-copy view of vtkwire's memory
    result = np.empty(10, dtype=np.float32)
    WORLD.Allreduce([view, MPI.FLOAT], [result, MPI.FLOAT], MPI.MAX)
    expected = np.full(10, SIZE - 1, dtype=np.float32)
    expected[3] = max(10, SIZE - 1)
    np.testing.assert_array_equal(result, expected)
    if SIZE == 2:
        assert result.tolist() == [1, 1, 1, 10, 1, 1, 1, 1, 1, 1]
    # vtkwire's own allreduce, with an mpi4py op, a name, and in place.
    for op in (MPI.MAX, "max", 0):
        r = wm.allreduce(arr, op, WORLD)
        np.testing.assert_array_equal(r.numpy(), expected)
    c = arr.clone()
    wm.allreduce_inplace(c, MPI.MAX, WORLD)
    np.testing.assert_array_equal(c.numpy(), expected)
    s = wm.allreduce(arr, MPI.SUM)
    assert s.numpy()[0] == sum(range(SIZE))


def test_comm_conversion_world_and_split():
    c = wm.from_mpi4py(WORLD)
    assert (c.rank, c.size) == (RANK, SIZE)
    assert c.raw == MPI._handleof(WORLD)
    back = wm.to_mpi4py(c)
    assert back == WORLD
    assert MPI.Comm.Compare(back, WORLD) == MPI.IDENT
    c.barrier()
    c.close()

    sub = WORLD.Split(RANK % 2, RANK)
    vc = wm.from_mpi4py(sub)
    assert (vc.rank, vc.size) == (sub.Get_rank(), sub.Get_size())
    back = wm.to_mpi4py(vc)
    assert back == sub and back != WORLD or SIZE == 1
    assert back.allreduce(1) == sub.Get_size()
    # A vtkwire collective on the split communicator.
    arr = w.Array.from_numpy("r", np.array([RANK], np.int32))
    got = wm.allreduce(arr, "sum", sub).numpy().tolist()
    assert got == [sum(r for r in range(SIZE) if r % 2 == RANK % 2)]
    vc.close()
    sub.Free()  # the caller frees its own communicator; vtkwire only borrowed it

    dup = wm.Comm(WORLD, dup=True)  # collective
    assert wm.to_mpi4py(dup) != WORLD
    assert MPI.Comm.Compare(wm.to_mpi4py(dup), WORLD) == MPI.CONGRUENT
    dup.close()  # collective


@needs2
def test_send_recv_objects_and_arrays():
    tag = 7
    if RANK == 0:
        pd = w.poly_data(np.eye(3), polys=([0, 3], [0, 1, 2]))
        pd.add_array("point", "t", np.arange(3.0))
        wm.send(pd, 1, tag, WORLD)
        wm.send(None, 1, tag, WORLD)
        wm.send_array(w.Array.from_numpy("a", np.arange(4, dtype=np.int16)), 1, tag)
        wm.send_bytes(pd.type, pd.marshal(), 1, tag, WORLD)
        wm.send(pd, 1, tag, WORLD)
        ok = WORLD.recv(source=1, tag=99)
        assert ok == pd.marshal()
    elif RANK == 1:
        got = wm.recv(0, tag, WORLD)
        assert got.class_name == "vtkPolyData" and got.npoints == 3
        assert got.array("point", "t").numpy().tolist() == [0, 1, 2]
        assert wm.recv(0, tag, WORLD) is None
        a = wm.recv_array(0, tag, WORLD)
        assert a.numpy().tolist() == [0, 1, 2, 3] and a.name == "a"
        again = wm.recv(wm.ANY_SOURCE, tag, WORLD)
        assert again.marshal() == got.marshal()
        into = w.poly_data()
        wm.recv_into(into, 0, tag, WORLD)
        assert into.marshal() == got.marshal()
        WORLD.send(got.marshal(), dest=0, tag=99)
    WORLD.Barrier()


@needs2
def test_nonblocking_ring():
    right, left = (RANK + 1) % SIZE, (RANK - 1) % SIZE
    obj = w.table({"r": np.full(1000, RANK, np.int64)})
    r = wm.irecv(left, 3, WORLD)
    s = wm.isend(obj, right, 3, WORLD)
    got, _ = wm.waitall([r, s])
    assert got.array("row", "r").numpy()[0] == left
    ra = wm.irecv_array(left, 4, WORLD)
    sa = wm.isend_array(w.Array.from_numpy("x", np.array([RANK], np.float64)), right, 4, WORLD)
    sa.wait()
    assert ra.wait().numpy().tolist() == [left]


def test_bcast_gather_allgather_objects():
    obj = w.image_data((0, 1, 0, 1, 0, 0)) if RANK == 0 else None
    got = wm.bcast(obj, 0, WORLD)
    assert got.npoints == 4
    # No type code travels (as in VTK): image data arrives as image data or structured points.
    assert got.class_name in ("vtkImageData", "vtkStructuredPoints")
    mine = w.table({"rank": np.array([RANK], np.int32)})
    g = wm.gather(mine, 0, WORLD)
    if RANK == 0:
        assert [o.array("row", "rank").numpy()[0] for o in g] == list(range(SIZE))
    else:
        assert g is None
    ag = wm.allgather(mine if RANK % 2 == 0 else None, WORLD)
    assert [o is None for o in ag] == [r % 2 == 1 for r in range(SIZE)]


def test_array_collectives():
    a = w.Array.from_numpy("a", np.array([RANK, RANK], np.int32))
    b = wm.bcast_array(a if RANK == 0 else None, 0, WORLD)
    assert b.numpy().tolist() == [0, 0]
    g = wm.gather_array(a, 0, WORLD)
    if RANK == 0:
        assert g.numpy().tolist() == [r for r in range(SIZE) for _ in range(2)]
    v = wm.allgather_array(w.Array.from_numpy("v", np.arange(RANK + 1, dtype=np.int32)),
                           WORLD, v=True)
    assert v.numpy().tolist() == [i for r in range(SIZE) for i in range(r + 1)]
    red = wm.reduce(a, MPI.SUM, 0, WORLD)
    if RANK == 0:
        assert red.numpy().tolist() == [sum(range(SIZE))] * 2
    else:
        assert red is None
    send = w.Array.from_numpy("s", np.arange(SIZE * 2, dtype=np.float64)) if RANK == 0 else None
    recv = w.Array.from_numpy("r", np.zeros(2))
    wm.scatter_array(send, recv, 0, WORLD)
    assert recv.numpy().tolist() == [2 * RANK, 2 * RANK + 1]


def test_errors_are_reported_on_every_rank():
    # A logical op on floats is rejected on every rank before any MPI call: no hang.
    f = w.Array.from_numpy("f", np.zeros(2, np.float32))
    with pytest.raises(w.Error) as e:
        wm.allreduce(f, MPI.LAND, WORLD)
    assert e.value.status == 4
    with pytest.raises(w.Error):
        wm.send(w.table(), SIZE + 5, 0, WORLD)


def _vtk95_peer_gatherv(data, mpi_type, root):
    """A VTK >= 9.5 rank's GatherV with raw mpi4py calls (reference §4.10): MPI_Allgather of one
    MPI_LONG_LONG length, then MPI_Gatherv to the root. Returns, on root, the slices per rank."""
    lens = np.empty(SIZE, np.int64)
    WORLD.Allgather([np.array([len(data)], np.int64), MPI.LONG_LONG], [lens, MPI.LONG_LONG])
    if RANK != root:
        WORLD.Gatherv([data, mpi_type], None, root)
        return lens, None
    displs = np.concatenate([[0], np.cumsum(lens)[:-1]]).astype(int)
    out = np.empty(int(lens.sum()), data.dtype)
    WORLD.Gatherv([data, mpi_type], [out, (lens.astype(int), displs), mpi_type], root)
    return lens, [out[d:d + n] for d, n in zip(displs, lens)]


def test_vtk_peer_version_api():
    assert wm.vtk_peer_version() == (9, 1)  # run.sh does not set VTKWIRE_VTK_PEER_VERSION
    for bad in ((4, 9), (9, -1), (100, 0), (9, 100), (2**40, 1)):
        with pytest.raises(w.Error) as e:
            wm.set_vtk_peer_version(*bad)
        assert e.value.status == 2 and "%d.%d" % bad in e.value.message
    assert wm.vtk_peer_version() == (9, 1)
    assert w.vtk_peer_version is wm.vtk_peer_version


@needs2
def test_gathers_with_vtk_9_5_peers():
    # Odd ranks are VTK >= 9.5 ranks (raw mpi4py), even ranks vtkwire with the version set.
    def image(r):
        img = w.image_data((0, r, 0, 0, 0, 0))
        img.add_array("point", "v", np.full(r + 1, float(r)))
        return img

    wm.set_vtk_peer_version(9, 5)
    try:
        assert wm.vtk_peer_version() == (9, 5)
        for root in range(SIZE):
            # Gather(vtkDataObject): marshaled bytes as MPI_CHAR.
            if RANK % 2:
                mine = np.frombuffer(image(RANK).marshal(), np.int8)
                lens, parts = _vtk95_peer_gatherv(mine, MPI.CHAR, root)
                assert lens.tolist() == [len(image(r).marshal()) for r in range(SIZE)]
                if parts is not None:
                    assert [p.tobytes() for p in parts] == [image(r).marshal() for r in range(SIZE)]
            else:
                got = wm.gather(image(RANK), root, WORLD)
                if RANK == root:
                    assert [o.array("point", "v").numpy().tolist() for o in got] == \
                        [[float(r)] * (r + 1) for r in range(SIZE)]
                else:
                    assert got is None
            # GatherV(vtkDataArray): doubles.
            values = np.arange(RANK + 1, dtype=np.float64) + 10 * RANK
            want = [np.arange(r + 1, dtype=np.float64) + 10 * r for r in range(SIZE)]
            if RANK % 2:
                lens, parts = _vtk95_peer_gatherv(values, MPI.DOUBLE, root)
                assert lens.tolist() == [r + 1 for r in range(SIZE)]
                if parts is not None:
                    assert [p.tolist() for p in parts] == [x.tolist() for x in want]
            else:
                g = wm.gather_array(w.Array.from_numpy("g", values), root, WORLD, v=True)
                if RANK == root:
                    assert g.numpy().tolist() == np.concatenate(want).tolist()
                else:
                    assert g is None
    finally:
        wm.set_vtk_peer_version(9, 1)
