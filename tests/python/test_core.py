"""Objects, arrays, numpy zero-copy, errors, marshaling, legacy files (local, no MPI)."""

import gc
import os
import tempfile

import numpy as np
import pytest

import vtkwire as w


def test_version_and_library():
    assert w.__version__.count(".") == 2
    assert os.path.exists(w.library_path())


def test_error_carries_status_and_message():
    with pytest.raises(w.Error) as e:
        w.image_data((0, -5, 0, 0, 0, 0))
    assert e.value.status == 10
    assert e.value.status_name
    assert "extent" in e.value.message
    assert w.last_error() == e.value.message
    with pytest.raises(w.Error) as e:
        w.unmarshal(b"not vtk bytes at all")
    assert e.value.status in (20, 21, 22)


def test_array_numpy_is_zero_copy_and_read_only():
    src = np.arange(12, dtype=np.float32).reshape(4, 3)
    a = w.Array.from_numpy("v", src)
    assert a.info() == (w.TYPE_FLOAT, 4, 3) and a.name == "v"
    v = a.numpy()
    assert v.shape == (4, 3) and v.dtype == np.float32 and not v.flags.writeable
    np.testing.assert_array_equal(v, src)
    with pytest.raises(ValueError):
        v[0, 0] = 1
    # Same memory on every call: a view of the library's buffer, not a copy.
    assert v.__array_interface__["data"][0] == a.numpy().__array_interface__["data"][0]
    # The view keeps the array alive.
    del a
    gc.collect()
    np.testing.assert_array_equal(v, src)
    one = w.Array.from_numpy("s", np.arange(5, dtype=np.int32)).numpy()
    assert one.shape == (5,)


def test_array_dtypes_roundtrip():
    for dt in (np.int8, np.uint8, np.int16, np.uint16, np.int32, np.uint32, np.int64,
               np.uint64, np.float32, np.float64):
        x = np.arange(6).astype(dt)
        a = w.Array.from_numpy("x", x)
        assert a.numpy().dtype == np.dtype(dt)
        np.testing.assert_array_equal(a.numpy(), x)
    with pytest.raises(TypeError):
        w.Array.from_numpy("c", np.zeros(3, np.complex128))
    # Non-contiguous input is copied; big-endian is converted.
    np.testing.assert_array_equal(
        w.Array.from_numpy("t", np.arange(10.0)[::2]).numpy(), np.arange(0, 10.0, 2))
    np.testing.assert_array_equal(
        w.Array.from_numpy("b", np.arange(3, dtype=">i4")).numpy(), [0, 1, 2])


def test_array_borrowed_views_numpy_memory():
    src = np.arange(8, dtype=np.float64)
    a = w.Array.from_numpy("b", src, borrowed=True)
    assert a.numpy().__array_interface__["data"][0] == src.ctypes.data
    del src
    gc.collect()
    np.testing.assert_array_equal(a.numpy(), np.arange(8.0))  # kept alive by the Array
    with pytest.raises(ValueError):
        w.Array.from_numpy("b", np.arange(10.0)[::2], borrowed=True)
    c = a.clone()
    assert c.numpy().__array_interface__["data"][0] != a.numpy().__array_interface__["data"][0]


def test_strings_bits_component_names_lookup_table():
    s = w.Array.from_strings("names", ["a", "bé", ""])
    assert s.vtk_type == w.TYPE_STRING and s.strings() == ["a", "bé", ""]
    b = w.Array.from_bits("bits", [1, 0, 1, 1, 0, 0, 0, 0, 1])
    assert b.bits().tolist() == [True, False, True, True, False, False, False, False, True]
    v = w.Array.from_numpy("v", np.zeros((2, 3), np.float32))
    v.set_component_name(1, "Y")
    assert v.component_name(1) == "Y" and v.component_name(0) is None
    v.set_lookup_table("lut", np.array([[1, 2, 3, 4], [5, 6, 7, 8]], np.uint8))
    assert v.lookup_table().tolist() == [[1, 2, 3, 4], [5, 6, 7, 8]]
    with w.Array.from_numpy("x", np.zeros(1)) as x:
        pass
    with pytest.raises(w.Error):
        x.info()


def _tri():
    pts = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0]], np.float32)
    return w.poly_data(pts, polys=([0, 3, 6], [0, 1, 2, 1, 3, 2]), verts=([0, 1], [0]))


def test_poly_data_points_cells_arrays():
    o = _tri()
    assert o.type == w.POLY_DATA and o.class_name == "vtkPolyData"
    assert (o.npoints, o.ncells) == (4, 3)
    p = o.points.numpy()
    assert p.shape == (4, 3) and p.dtype == np.float32 and not p.flags.writeable
    off, conn = o.cells("polys")
    assert off.tolist() == [0, 3, 6] and conn.tolist() == [0, 1, 2, 1, 3, 2]
    idx = o.add_array("point", "temp", np.arange(4.0))
    assert idx == 0
    o.add_array("cell", "vec", np.ones((3, 3), np.float32))
    o.set_active("cell", "vectors", "vec")
    assert o.active_array("cell", "vectors").name == "vec"
    assert o.array("point", "temp").numpy().tolist() == [0, 1, 2, 3]
    assert o.array("point", "nope") is None
    assert [a.name for a in o.arrays("point")] == ["temp"]
    o.add_strings("field", "note", ["hello"])
    assert o.array("field", "note").strings() == ["hello"]
    # Borrowed arrays go stale once the object changes.
    t = o.array("point", 0)
    o.remove_array("point", 0)
    with pytest.raises(w.Error):
        t.info()
    assert o.array_count("point") == 0
    o.validate()
    o2 = w.poly_data(np.zeros((3, 3)))
    o2.set_cells_legacy("lines", [3, 0, 1, 2])
    assert o2.cells("lines")[1].tolist() == [0, 1, 2]


def test_add_array_borrowed_keeps_numpy_alive_and_shares_memory():
    o = w.table()
    col = np.arange(5, dtype=np.int32)
    o.add_array("row", "c", col, borrowed=True)
    arr = o.array("row", "c")
    assert arr.numpy().__array_interface__["data"][0] == col.ctypes.data
    del col, arr
    gc.collect()
    assert o.array("row", "c").numpy().tolist() == [0, 1, 2, 3, 4]
    assert o.nrows == 5
    a = w.Array.from_numpy("d", np.arange(5.0))
    o.add_array("row", a, take=True)
    with pytest.raises(w.Error):
        a.info()
    assert o.array_count("row") == 2


def _all_types():
    """One of each of the 12 types."""
    img = w.image_data((0, 2, 0, 1, 0, 0), (1, 2, 3), (0.5, 0.5, 1))
    img.add_array("point", "s", np.arange(6.0))
    sp = w.structured_points((0, 1, 0, 1, 0, 1))
    rg = w.rectilinear_grid((0, 2, 0, 1, 0, 0), x=[0, 1, 3.0], y=[0, 1.0], z=[0.0])
    sg = w.structured_grid((0, 1, 0, 1, 0, 0),
                           np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0]], float))
    ug = w.unstructured_grid(np.eye(4, 3), types=[10], offsets=[0, 4], connectivity=[0, 1, 2, 3])
    tb = w.table({"x": np.arange(3.0), "name": ["a", "b", "c"]})
    dg = w.directed_graph(3, [[0, 1], [1, 2]])
    udg = w.undirected_graph(3, [[0, 1]])
    tr = w.tree(3, [[0, 1], [0, 2]])
    mb = w.multiblock([("img", img), None, sp])
    amr = w.amr((0, 0, 0), 8)
    amr.amr_add_level((1, 1, 1), 2)
    amr.amr_add_block(0, (0, 0, 0, 1, 1, 1), w.image_data((0, 2, 0, 2, 0, 2)))
    return [img, sp, rg, sg, _tri(), ug, tb, dg, udg, tr, mb, amr]


def test_all_twelve_types_getters_and_marshal_roundtrip():
    objs = _all_types()
    assert sorted(o.type for o in objs) == sorted(
        [w.IMAGE_DATA, w.STRUCTURED_POINTS, w.RECTILINEAR_GRID, w.STRUCTURED_GRID,
         w.POLY_DATA, w.UNSTRUCTURED_GRID, w.TABLE, w.DIRECTED_GRAPH, w.UNDIRECTED_GRAPH,
         w.TREE, w.MULTIBLOCK, w.OVERLAPPING_AMR])
    img, sp, rg, sg, pd, ug, tb, dg, udg, tr, mb, amr = objs
    assert img.extent == (0, 2, 0, 1, 0, 0)
    origin, spacing, direction = img.geometry()
    assert origin == (1, 2, 3) and spacing == (0.5, 0.5, 1)
    assert np.array_equal(direction, np.eye(3))
    assert rg.coordinates("x").numpy().tolist() == [0, 1, 3]
    assert sg.npoints == 4 and sg.points.numpy().shape == (4, 3)
    types, off, conn = ug.cells()
    assert types.tolist() == [10] and off.tolist() == [0, 4] and conn.tolist() == [0, 1, 2, 3]
    assert tb.nrows == 3 and tb.array("row", "name").strings() == ["a", "b", "c"]
    assert dg.edges.tolist() == [[0, 1], [1, 2]] and dg.nvertices == 3 and dg.nedges == 2
    assert tr.edges.tolist() == [[0, 1], [0, 2]]
    assert mb.nblocks == 3
    b0, name0 = mb.block(0)
    assert name0 == "img" and b0.type == w.IMAGE_DATA and b0.npoints == 6
    assert mb.block(1) == (None, None)
    assert amr.amr_info() == ((0, 0, 0), 8, 1)
    assert amr.amr_level(0) == ((1, 1, 1), 2, 1)
    box, grid = amr.amr_block(0, 0)
    assert box == (0, 0, 0, 1, 1, 1) and grid.npoints == 27
    for o in objs:
        b = o.marshal()
        assert len(b) == o.marshaled_size
        buf = bytearray(len(b))
        assert o.marshal_into(buf) == len(b) and bytes(buf) == b
        back = w.unmarshal(b)
        assert back.marshal() == b, o.class_name
        assert back.summary() == o.summary()
        assert o.clone().marshal() == b
    assert w.unmarshal(b"") is None and w.marshal(None) == b""


def test_multiblock_set_block_take_and_stale_blocks():
    mb = w.multiblock(1)
    blk = w.image_data((0, 1, 0, 1, 0, 0))
    mb.set_block(0, blk, "a", take=True)
    with pytest.raises(w.Error):
        blk.summary()
    b, name = mb.block(0)
    mb.set_block(1, w.table(), "t")
    with pytest.raises(w.Error):
        b.summary()
    assert [n for _, n in mb.blocks] == ["a", "t"]


def test_legacy_read_write():
    objs = _all_types()
    with tempfile.TemporaryDirectory() as d:
        for i, o in enumerate(objs):
            if o.type in (w.MULTIBLOCK, w.OVERLAPPING_AMR):
                continue  # not legacy formats
            for binary in (True, False):
                p = os.path.join(d, "o%d_%d.vtk" % (i, binary))
                w.legacy_write(o, p, binary)
                back = w.legacy_read(p)
                assert back.summary() == o.summary(), (o.class_name, binary)
        with pytest.raises(w.Error) as e:
            w.legacy_read(os.path.join(d, "missing.vtk"))
        assert e.value.status == 23


def test_pickle_roundtrip():
    import pickle
    for o in _all_types():
        back = pickle.loads(pickle.dumps(o))
        assert isinstance(back, w.Object) and back.marshal() == o.marshal()
    st = w.pickle_state(_tri())
    assert st["Type"] == "vtkPolyData" and st["Serialized"].dtype == np.int8


def _resident_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_release_memory_returns_freed_buffers():
    # 128 MiB marshaled and freed: kept by vtkwire's allocator for reuse, then handed back.
    n = 32 << 20
    img = w.image_data(extent=(0, n - 1, 0, 0, 0, 0))
    img.add_array("point", w.Array.from_numpy("v", np.arange(n, dtype=np.float32)))
    start = _resident_bytes()
    data = w.marshal(img)
    size = len(data)
    del data, img
    gc.collect()
    w.release_memory()
    released = _resident_bytes()
    assert size > 4 * n
    assert released - start < size // 4, (start, released, size)
