"""Arrays, data objects, marshaling and legacy files over the vtkwire C API (ctypes)."""

import ctypes
import os
from ctypes import byref, c_char_p, c_double, c_int32, c_size_t, c_void_p

import numpy as np

from . import _api
from ._lib import fn, lib

# ---------------------------------------------------------------------------------------------
# constants: the generated _api.py has every C constant by its C name (VTKWIRE_TYPE_DOUBLE...);
# here they also get the package's short names: TYPE_DOUBLE, POLY_DATA, POINT, SCALARS, POLYS.


def _short_names():
    strip = {"VTKWIRE_OBJECT_": "", "VTKWIRE_TYPE_": "TYPE_", "VTKWIRE_ASSOCIATION_": "",
             "VTKWIRE_ROLE_": "", "VTKWIRE_POLY_": ""}
    out = {}
    for name in dir(_api):
        for prefix, short in strip.items():
            if name.startswith(prefix):
                rest = name[len(prefix):]
                out[short + rest if short or rest != "NULL" else "OBJECT_NULL"] = getattr(_api, name)
    return out


globals().update(_short_names())
OBJECT_NULL = _api.VTKWIRE_OBJECT_NULL

_ASSOC_NAMES = {"point": POINT, "cell": CELL, "field": FIELD, "vertex": VERTEX,
                "edge": EDGE, "row": ROW}
_ROLE_NAMES = {"scalars": SCALARS, "vectors": VECTORS, "normals": NORMALS,
               "tcoords": TCOORDS, "tensors": TENSORS, "global_ids": GLOBAL_IDS,
               "pedigree_ids": PEDIGREE_IDS, "edge_flags": EDGE_FLAGS}
_KIND_NAMES = {"verts": VERTS, "lines": LINES, "polys": POLYS, "strips": STRIPS}

# VTK element type -> numpy dtype (LP64 Linux: long is 64-bit, char is signed).
_DTYPES = {
    TYPE_CHAR: np.int8, TYPE_UNSIGNED_CHAR: np.uint8, TYPE_SHORT: np.int16,
    TYPE_UNSIGNED_SHORT: np.uint16, TYPE_INT: np.int32, TYPE_UNSIGNED_INT: np.uint32,
    TYPE_LONG: np.int64, TYPE_UNSIGNED_LONG: np.uint64, TYPE_FLOAT: np.float32,
    TYPE_DOUBLE: np.float64, TYPE_ID_TYPE: np.int64, TYPE_SIGNED_CHAR: np.int8,
    TYPE_LONG_LONG: np.int64, TYPE_UNSIGNED_LONG_LONG: np.uint64,
}
# numpy dtype -> VTK element type (as vtkmodules.util.numpy_support maps them).
_CODES = {
    np.dtype(np.int8): TYPE_SIGNED_CHAR, np.dtype(np.uint8): TYPE_UNSIGNED_CHAR,
    np.dtype(np.int16): TYPE_SHORT, np.dtype(np.uint16): TYPE_UNSIGNED_SHORT,
    np.dtype(np.int32): TYPE_INT, np.dtype(np.uint32): TYPE_UNSIGNED_INT,
    np.dtype(np.int64): TYPE_LONG_LONG, np.dtype(np.uint64): TYPE_UNSIGNED_LONG_LONG,
    np.dtype(np.float32): TYPE_FLOAT, np.dtype(np.float64): TYPE_DOUBLE,
}


def _assoc(a):
    return _ASSOC_NAMES[a.lower()] if isinstance(a, str) else int(a)


def _role(r):
    return _ROLE_NAMES[r.lower()] if isinstance(r, str) else int(r)


def _kind(k):
    return _KIND_NAMES[k.lower()] if isinstance(k, str) else int(k)


def _enc(s):
    if s is None:
        return None
    return s.encode("utf-8") if isinstance(s, str) else bytes(s)


# ---------------------------------------------------------------------------------------------
# errors


class Error(Exception):
    """A failed vtkwire call: ``status`` (a ``VTKWIRE_STATUS_*`` code) and ``message``
    (``vtkwire_last_error()``)."""

    def __init__(self, status, message):
        super().__init__(status, message)
        self.status = status
        self.message = message

    @property
    def status_name(self):
        return fn("vtkwire_status_str")(self.status).decode()

    def __str__(self):
        return "%s (%d): %s" % (self.status_name, self.status, self.message)


def _check(status):
    if status != 0:
        raise Error(int(status), last_error())
    return status


def last_error():
    """This thread's last error message (empty after a successful call)."""
    n = fn("vtkwire_last_error_copy")(None, 0)
    buf = ctypes.create_string_buffer(n + 1)
    fn("vtkwire_last_error_copy")(buf, n + 1)
    return buf.value.decode("utf-8", "replace")


def status_str(status):
    return fn("vtkwire_status_str")(int(status)).decode()


def version():
    """The C library's version string."""
    return fn("vtkwire_version")().decode()


def release_memory():
    """Returns to the operating system the memory vtkwire freed but kept for reuse
    (``vtkwire_release_memory``). Never fails; not an MPI call."""
    fn("vtkwire_release_memory")()


def _str_at(ptr, n):
    if not ptr:
        return None
    return ctypes.string_at(ptr, n).decode("utf-8")


# ---------------------------------------------------------------------------------------------
# zero-copy numpy views


class _View:
    """Exposes library memory through ``__array_interface__``; it is the numpy view's base and
    keeps ``owner`` (the Array / Object owning the memory) alive as long as the view."""

    __slots__ = ("__array_interface__", "owner")

    def __init__(self, ptr, shape, dtype, owner):
        self.owner = owner
        self.__array_interface__ = {
            "shape": tuple(shape), "typestr": np.dtype(dtype).str,
            "data": (ptr, True), "version": 3,
        }


def _view(ptr, shape, dtype, owner):
    if not ptr or int(np.prod(shape)) == 0:
        a = np.empty(shape, dtype)
        a.flags.writeable = False
        return a
    a = np.asarray(_View(ptr, shape, dtype, owner))
    assert not a.flags.writeable
    return a


# ---------------------------------------------------------------------------------------------
# arrays


class Array:
    """A vtkwire data array (name, VTK element type, tuples x components).

    Arrays made by :meth:`from_numpy`, :meth:`from_strings`, :meth:`clone`, receives and
    reductions are *owned*: freed by :meth:`close` (or ``with``) or when garbage collected.
    Arrays returned by an :class:`Object` getter are *borrowed* from it: they keep the object
    alive and become invalid (an :class:`Error`-raising stale handle) once the object is
    modified.
    """

    def __init__(self, handle, owned=True, parent=None, keep=None):
        if not handle:
            raise ValueError("null array handle")
        self._h = c_void_p(handle)
        self._owned = owned
        self._parent = parent
        self._gen = parent._gen if parent is not None else 0
        self._keep = keep  # numpy array whose memory a borrowed array views

    # lifetime -------------------------------------------------------------------------------
    @property
    def handle(self):
        """The raw ``vtkwire_array*`` (checked to be live)."""
        if self._h is None:
            raise Error(1, "array was freed")
        if self._parent is not None and (self._parent._h is None
                                         or self._parent._gen != self._gen):
            raise Error(5, "borrowed array is stale: its object was modified or closed")
        return self._h

    def close(self):
        if self._h is not None and self._owned:
            fn("vtkwire_array_free")(self._h)
        self._h = None
        self._keep = None

    def _release(self):
        """Gives up ownership (after a *_take call); returns the handle."""
        h = self.handle
        self._h = None
        self._owned = False
        return h

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # construction ---------------------------------------------------------------------------
    @classmethod
    def from_numpy(cls, name, a, borrowed=False, vtk_type=None):
        """An array from a 1-D (tuples,) or 2-D (tuples, components) numpy array.

        ``borrowed=False`` copies the values. ``borrowed=True`` views them without copying
        (``vtkwire_array_new_borrowed``) and keeps a reference to ``a``: the array must be
        C-contiguous, aligned, native-endian, and left unchanged while vtkwire uses it.
        ``vtk_type`` overrides the element type code (same item size required)."""
        data, code, nt, nc = _prepare(a, borrowed, vtk_type)
        out = c_void_p()
        f = "vtkwire_array_new_borrowed" if borrowed else "vtkwire_array_new"
        _check(fn(f)(_enc(name), code, data.ctypes.data_as(c_void_p), nt, nc, byref(out)))
        return cls(out.value, keep=data if borrowed else None)

    @classmethod
    def from_strings(cls, name, values):
        """A one-component string array (values copied)."""
        enc = [_enc(v) for v in values]
        arr = (c_char_p * len(enc))(*enc)
        out = c_void_p()
        _check(fn("vtkwire_array_new_strings")(_enc(name), arr, len(enc), byref(out)))
        return cls(out.value)

    @classmethod
    def from_bits(cls, name, bits, ncomponents=1):
        """A bit array from booleans (packed MSB-first, copied)."""
        b = np.asarray(bits, dtype=bool).ravel()
        packed = np.packbits(b)
        out = c_void_p()
        _check(fn("vtkwire_array_new")(_enc(name), TYPE_BIT, packed.ctypes.data_as(c_void_p),
                                       b.size // ncomponents, ncomponents, byref(out)))
        return cls(out.value)

    def clone(self):
        """A deep, owned copy."""
        out = c_void_p()
        _check(fn("vtkwire_array_clone")(self.handle, byref(out)))
        return Array(out.value)

    # properties -----------------------------------------------------------------------------
    def info(self):
        t, n, c = c_int32(), c_size_t(), c_int32()
        _check(fn("vtkwire_array_info")(self.handle, byref(t), byref(n), byref(c)))
        return t.value, n.value, c.value

    @property
    def vtk_type(self):
        return self.info()[0]

    @property
    def ntuples(self):
        return self.info()[1]

    @property
    def ncomponents(self):
        return self.info()[2]

    def __len__(self):
        return self.ntuples

    @property
    def dtype(self):
        t = self.vtk_type
        return np.dtype(_DTYPES[t]) if t in _DTYPES else None

    @property
    def name(self):
        p, n = c_void_p(), c_size_t()
        _check(fn("vtkwire_array_name")(self.handle, byref(p), byref(n)))
        return _str_at(p.value, n.value) if p.value else None

    def component_name(self, i):
        p, n = c_void_p(), c_size_t()
        _check(fn("vtkwire_array_component_name")(self.handle, i, byref(p), byref(n)))
        return _str_at(p.value, n.value)

    def set_component_name(self, i, name):
        _check(fn("vtkwire_array_set_component_name")(self.handle, i, _enc(name)))

    def set_lookup_table(self, name, rgba=None):
        """Attaches a lookup table: ``rgba`` an (ncolors, 4) uint8 array (or None)."""
        c = np.ascontiguousarray(rgba if rgba is not None else np.zeros((0, 4)), np.uint8)
        _check(fn("vtkwire_array_set_lookup_table")(
            self.handle, _enc(name), c.ctypes.data_as(c_void_p), c.size // 4))

    def lookup_table(self):
        """The lookup table's colors as an (ncolors, 4) uint8 copy, or None."""
        p, n = c_void_p(), c_size_t()
        st = fn("vtkwire_array_lookup_table")(self.handle, byref(p), byref(n))
        if st == 5:
            return None
        _check(st)
        return np.array(_view(p.value, (n.value, 4), np.uint8, self))

    # values ---------------------------------------------------------------------------------
    def numpy(self):
        """A read-only numpy view of the values in the library's memory (no copy), shaped
        (tuples, components), or (tuples,) for one component. The view keeps this array (and
        its owner object) alive. For bit arrays: the packed bytes, shape (nbytes,)."""
        t, nt, nc = self.info()
        p, nb = c_void_p(), c_size_t()
        _check(fn("vtkwire_array_data")(self.handle, byref(p), byref(nb)))
        if t == TYPE_BIT:
            return _view(p.value, (nb.value,), np.uint8, self)
        shape = (nt,) if nc == 1 else (nt, nc)
        return _view(p.value, shape, _DTYPES[t], self)

    def bits(self):
        """A bit array's values as a bool copy, shaped like :meth:`numpy`."""
        t, nt, nc = self.info()
        if t != TYPE_BIT:
            raise Error(4, "not a bit array")
        b = np.unpackbits(self.numpy())[: nt * nc].astype(bool)
        return b if nc == 1 else b.reshape(nt, nc)

    def strings(self):
        """The values of a string (or variant) array as a list of str."""
        n = self.ntuples * self.ncomponents
        out = []
        for i in range(n):
            p, ln = c_void_p(), c_size_t()
            _check(fn("vtkwire_array_string")(self.handle, i, byref(p), byref(ln)))
            out.append(_str_at(p.value, ln.value) if p.value else "")
        return out

    def __repr__(self):
        if self._h is None:
            return "<vtkwire.Array (freed)>"
        t, nt, nc = self.info()
        return "<vtkwire.Array %r type=%d %dx%d>" % (self.name, t, nt, nc)


def _prepare(a, borrowed, vtk_type=None):
    a = np.asarray(a)
    if a.ndim not in (1, 2):
        raise ValueError("array must be 1-D (tuples,) or 2-D (tuples, components)")
    if borrowed:
        if not (a.flags.c_contiguous and a.flags.aligned and a.dtype.isnative):
            raise ValueError("borrowed arrays must be C-contiguous, aligned and native-endian")
        data = a
    else:
        data = np.ascontiguousarray(a, dtype=a.dtype.newbyteorder("="))
    if vtk_type is None:
        if data.dtype not in _CODES:
            raise TypeError("unsupported dtype %s" % a.dtype)
        code = _CODES[data.dtype]
    else:
        code = int(vtk_type)
        if code not in _DTYPES or np.dtype(_DTYPES[code]).itemsize != data.dtype.itemsize:
            raise TypeError("vtk_type %d does not match dtype %s" % (code, a.dtype))
    nt = a.shape[0]
    nc = 1 if a.ndim == 1 else a.shape[1]
    return data, code, nt, nc


def _int64(a):
    return np.ascontiguousarray(a, dtype=np.int64)


def _ptr(a):
    return a.ctypes.data_as(c_void_p)


def _i32(vals, n):
    vals = list(vals)
    if len(vals) != n:
        raise ValueError("expected %d values" % n)
    return (c_int32 * n)(*vals)


def _f64(vals, n):
    vals = list(vals)
    if len(vals) != n:
        raise ValueError("expected %d values" % n)
    return (c_double * n)(*vals)


# ---------------------------------------------------------------------------------------------
# objects


class Object:
    """A vtkwire data object (any of the 12 types). Owned objects are freed by :meth:`close`,
    ``with`` or garbage collection; blocks returned by :meth:`block` are borrowed from their
    multiblock (they keep it alive and become stale once it is modified)."""

    def __init__(self, handle, owned=True, parent=None):
        if not handle:
            raise ValueError("null object handle")
        self._h = c_void_p(handle)
        self._owned = owned
        self._parent = parent
        self._pgen = parent._gen if parent is not None else 0
        self._gen = 0
        self._keep = []  # numpy arrays borrowed by the library

    # lifetime -------------------------------------------------------------------------------
    @property
    def handle(self):
        if self._h is None:
            raise Error(1, "object was freed")
        if self._parent is not None and (self._parent._h is None
                                         or self._parent._gen != self._pgen):
            raise Error(5, "borrowed block is stale: its multiblock was modified or closed")
        return self._h

    def _mut(self):
        """Handle for a mutating call: invalidates borrowed arrays/blocks handed out."""
        if not self._owned:
            raise Error(2, "borrowed blocks are read-only; clone() first")
        h = self.handle
        self._gen += 1
        return h

    def close(self):
        if self._h is not None and self._owned:
            fn("vtkwire_object_free")(self._h)
        self._h = None
        self._keep = []

    def _release(self):
        h = self.handle
        self._h = None
        self._owned = False
        return h

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def clone(self):
        out = c_void_p()
        _check(fn("vtkwire_object_clone")(self.handle, byref(out)))
        return Object(out.value)

    # identity -------------------------------------------------------------------------------
    @property
    def type(self):
        """VTK's data-object type code (``vtkwire.POLY_DATA``...)."""
        return fn("vtkwire_object_type")(self.handle)

    @property
    def class_name(self):
        return fn("vtkwire_object_class_name")(self.handle).decode()

    def validate(self):
        _check(fn("vtkwire_object_validate")(self.handle))

    def summary(self):
        n = c_size_t()
        _check(fn("vtkwire_object_summary")(self.handle, None, 0, byref(n)))
        buf = ctypes.create_string_buffer(n.value + 1)
        _check(fn("vtkwire_object_summary")(self.handle, buf, n.value + 1, byref(n)))
        return buf.value.decode("utf-8", "replace")

    def __repr__(self):
        if self._h is None:
            return "<vtkwire.Object (freed)>"
        return "<vtkwire.Object %s>" % self.summary()

    # counts, geometry -----------------------------------------------------------------------
    def count(self, association):
        n = c_size_t()
        _check(fn("vtkwire_object_count")(self.handle, _assoc(association), byref(n)))
        return n.value

    @property
    def npoints(self):
        return self.count(POINT)

    @property
    def ncells(self):
        return self.count(CELL)

    @property
    def nrows(self):
        return self.count(ROW)

    @property
    def nvertices(self):
        return self.count(VERTEX)

    @property
    def nedges(self):
        return self.count(EDGE)

    @property
    def extent(self):
        e = (c_int32 * 6)()
        _check(fn("vtkwire_object_extent")(self.handle, e))
        return tuple(e)

    def geometry(self):
        """(origin, spacing, direction 3x3) of image data / structured points."""
        o, s, d = (c_double * 3)(), (c_double * 3)(), (c_double * 9)()
        _check(fn("vtkwire_image_data_geometry")(self.handle, o, s, d))
        return tuple(o), tuple(s), np.array(d[:]).reshape(3, 3)

    def set_direction(self, direction):
        d = np.ascontiguousarray(direction, np.float64).ravel()
        _check(fn("vtkwire_image_data_set_direction")(self._mut(), _f64(d, 9)))

    def set_points(self, xyz, borrowed=False):
        """Sets the points from an (n, 3) float32/float64 array (copied, or viewed with
        ``borrowed=True``; the numpy array is then kept referenced)."""
        data, code, nt, nc = _prepare(np.asarray(xyz).reshape(-1, 3), borrowed)
        f = "vtkwire_object_set_points_borrowed" if borrowed else "vtkwire_object_set_points"
        _check(fn(f)(self._mut(), code, _ptr(data), nt))
        if borrowed:
            self._keep.append(data)

    @property
    def points(self):
        """The points array (borrowed), or None when not set."""
        out = c_void_p()
        st = fn("vtkwire_object_points")(self.handle, byref(out))
        if st == 5:
            return None
        _check(st)
        return Array(out.value, owned=False, parent=self)

    def set_cells(self, kind, offsets, connectivity):
        """Poly data: one cell array (``"verts"``, ``"lines"``, ``"polys"``, ``"strips"``)
        from VTK 9 offsets and connectivity (copied)."""
        o, c = _int64(offsets), _int64(connectivity)
        _check(fn("vtkwire_poly_data_set_cells")(self._mut(), _kind(kind), _ptr(o), o.size,
                                                 _ptr(c), c.size))

    def set_cells_legacy(self, kind, cells):
        """Poly data: one cell array from the classic ``[n, ids..., n, ids...]`` layout."""
        c = _int64(cells)
        _check(fn("vtkwire_poly_data_set_cells_legacy")(self._mut(), _kind(kind), _ptr(c),
                                                        c.size))

    def cells(self, kind=None):
        """Poly data: ``(offsets, connectivity)`` of ``kind``; unstructured grid (no
        ``kind``): ``(types, offsets, connectivity)``. Read-only zero-copy views."""
        if kind is None and self.type == UNSTRUCTURED_GRID:
            pt, nt, po, no, pc, nc = (c_void_p(), c_size_t(), c_void_p(), c_size_t(),
                                      c_void_p(), c_size_t())
            _check(fn("vtkwire_unstructured_grid_cells")(
                self.handle, byref(pt), byref(nt), byref(po), byref(no), byref(pc), byref(nc)))
            return (_view(pt.value, (nt.value,), np.uint8, self),
                    _view(po.value, (no.value,), np.int64, self),
                    _view(pc.value, (nc.value,), np.int64, self))
        po, no, pc, nc = c_void_p(), c_size_t(), c_void_p(), c_size_t()
        _check(fn("vtkwire_poly_data_cells")(self.handle, _kind(kind if kind is not None else
                                                                POLYS),
                                             byref(po), byref(no), byref(pc), byref(nc)))
        return (_view(po.value, (no.value,), np.int64, self),
                _view(pc.value, (nc.value,), np.int64, self))

    def set_unstructured_cells(self, types, offsets, connectivity):
        t = np.ascontiguousarray(types, np.uint8)
        o, c = _int64(offsets), _int64(connectivity)
        _check(fn("vtkwire_unstructured_grid_set_cells")(self._mut(), _ptr(t), t.size, _ptr(o),
                                                         o.size, _ptr(c), c.size))

    @property
    def edges(self):
        """Graph / tree edges as a read-only (nedges, 2) int64 view."""
        p, n = c_void_p(), c_size_t()
        _check(fn("vtkwire_graph_edges")(self.handle, byref(p), byref(n)))
        return _view(p.value, (n.value, 2), np.int64, self)

    def set_coordinates(self, axis, values):
        """Rectilinear grid: coordinates along ``axis`` (0, 1, 2 or "x", "y", "z"), copied."""
        ax = "xyz".index(axis) if isinstance(axis, str) else int(axis)
        data, code, nt, _ = _prepare(np.asarray(values).ravel(), False)
        _check(fn("vtkwire_rectilinear_grid_set_coordinates")(self._mut(), ax, code,
                                                              _ptr(data), nt))

    def coordinates(self, axis):
        ax = "xyz".index(axis) if isinstance(axis, str) else int(axis)
        out = c_void_p()
        st = fn("vtkwire_rectilinear_grid_coordinates")(self.handle, ax, byref(out))
        if st == 5:
            return None
        _check(st)
        return Array(out.value, owned=False, parent=self)

    # multiblock -----------------------------------------------------------------------------
    @property
    def nblocks(self):
        n = c_size_t()
        _check(fn("vtkwire_multiblock_block_count")(self.handle, byref(n)))
        return n.value

    def block(self, index):
        """``(block, name)``: block a borrowed :class:`Object` or None, name a str or None."""
        b, p, n = c_void_p(), c_void_p(), c_size_t()
        _check(fn("vtkwire_multiblock_block")(self.handle, index, byref(b), byref(p), byref(n)))
        name = _str_at(p.value, n.value) if p.value else None
        return (Object(b.value, owned=False, parent=self) if b.value else None), name

    @property
    def blocks(self):
        return [self.block(i) for i in range(self.nblocks)]

    def set_block(self, index, block, name=None, take=False):
        """Sets block ``index`` to a copy of ``block`` (None = null block); with ``take=True``
        the block's handle moves into the multiblock (``block`` is closed)."""
        if take and block is not None:
            h = block.handle
            _check(fn("vtkwire_multiblock_set_block_take")(self._mut(), index, _enc(name), h))
            block._release()
            self._keep.extend(block._keep)
        else:
            _check(fn("vtkwire_multiblock_set_block")(
                self._mut(), index, _enc(name), block.handle if block is not None else None))

    # AMR ------------------------------------------------------------------------------------
    def amr_add_level(self, spacing, refinement_ratio=2):
        out = c_size_t()
        _check(fn("vtkwire_amr_add_level")(self._mut(), _f64(spacing, 3), refinement_ratio,
                                           byref(out)))
        return out.value

    def amr_add_block(self, level, box, grid=None):
        out = c_size_t()
        _check(fn("vtkwire_amr_add_block")(self._mut(), level, _i32(box, 6),
                                           grid.handle if grid is not None else None,
                                           byref(out)))
        return out.value

    def amr_info(self):
        """(origin, grid_description, nlevels)."""
        o, g, n = (c_double * 3)(), c_int32(), c_size_t()
        _check(fn("vtkwire_amr_info")(self.handle, o, byref(g), byref(n)))
        return tuple(o), g.value, n.value

    def amr_level(self, level):
        """(spacing, refinement_ratio, nblocks)."""
        s, r, n = (c_double * 3)(), c_int32(), c_size_t()
        _check(fn("vtkwire_amr_level")(self.handle, level, s, byref(r), byref(n)))
        return tuple(s), r.value, n.value

    def amr_block(self, level, index):
        """(box, grid): grid an owned image data copy, or None without local data."""
        box, g = (c_int32 * 6)(), c_void_p()
        _check(fn("vtkwire_amr_block")(self.handle, level, index, box, byref(g)))
        return tuple(box), (Object(g.value) if g.value else None)

    # attribute arrays -----------------------------------------------------------------------
    def add_array(self, association, name_or_array, a=None, borrowed=False, take=False):
        """Adds an array to the ``association`` data ("point", "cell", "field", "row",
        "vertex", "edge"). Either ``add_array(assoc, name, numpy_array, borrowed=...)``
        (copied, or viewed without copy with ``borrowed=True`` — the numpy array is then kept
        referenced by this object) or ``add_array(assoc, Array, take=False)`` (copied, or
        moved in with ``take=True``). Returns the array's index."""
        idx = c_size_t()
        if isinstance(name_or_array, Array):
            arr = name_or_array
            if take:
                _check(fn("vtkwire_object_add_array_take")(self._mut(), _assoc(association),
                                                           arr.handle, byref(idx)))
                if arr._keep is not None:
                    self._keep.append(arr._keep)
                arr._release()
            else:
                _check(fn("vtkwire_object_add_array")(self._mut(), _assoc(association),
                                                      arr.handle, byref(idx)))
                if arr._keep is not None:  # the copy may still view the borrowed values
                    self._keep.append(arr._keep)
            return idx.value
        data, code, nt, nc = _prepare(a, borrowed)
        f = ("vtkwire_object_add_array_data_borrowed" if borrowed
             else "vtkwire_object_add_array_data")
        _check(fn(f)(self._mut(), _assoc(association), _enc(name_or_array), code, _ptr(data),
                     nt, nc, byref(idx)))
        if borrowed:
            self._keep.append(data)
        return idx.value

    def add_strings(self, association, name, values):
        """Adds a string array (copied)."""
        with Array.from_strings(name, values) as arr:
            return self.add_array(association, arr)

    def set_active(self, association, role, name):
        _check(fn("vtkwire_object_set_active")(self._mut(), _assoc(association), _role(role),
                                               _enc(name)))

    def array_count(self, association):
        n = c_size_t()
        _check(fn("vtkwire_object_array_count")(self.handle, _assoc(association), byref(n)))
        return n.value

    def array(self, association, key):
        """Array ``key`` (index or name) of the ``association`` data (borrowed); a name
        that does not exist gives None."""
        out = c_void_p()
        if isinstance(key, str):
            st = fn("vtkwire_object_array_by_name")(self.handle, _assoc(association),
                                                    _enc(key), byref(out))
            if st == 5:
                return None
            _check(st)
        else:
            _check(fn("vtkwire_object_array")(self.handle, _assoc(association), key,
                                              byref(out)))
        return Array(out.value, owned=False, parent=self)

    def arrays(self, association):
        return [self.array(association, i) for i in range(self.array_count(association))]

    def active_array(self, association, role):
        out = c_void_p()
        st = fn("vtkwire_object_active_array")(self.handle, _assoc(association), _role(role),
                                               byref(out))
        if st == 5:
            return None
        _check(st)
        return Array(out.value, owned=False, parent=self)

    def remove_array(self, association, index):
        _check(fn("vtkwire_object_remove_array")(self._mut(), _assoc(association), index))

    # marshaling -----------------------------------------------------------------------------
    def marshal(self):
        """The exact bytes ``vtkCommunicator::MarshalDataObject`` produces."""
        return marshal(self)

    @property
    def marshaled_size(self):
        n = c_size_t()
        _check(fn("vtkwire_marshaled_size")(self.handle, byref(n)))
        return n.value

    def marshal_into(self, buf):
        """Marshals into a writable buffer (bytearray, numpy uint8...); returns bytes written."""
        mv = memoryview(buf).cast("B")
        if mv.readonly:
            raise ValueError("buffer is read-only")
        c = (ctypes.c_char * mv.nbytes).from_buffer(mv)
        n = c_size_t()
        _check(fn("vtkwire_marshal_into")(self.handle, c, mv.nbytes, byref(n)))
        return n.value

    def write(self, path, binary=True):
        legacy_write(self, path, binary)

    def __reduce__(self):
        # The state dictionary of vtkmodules.util.pickle_support (VTK >= 9.2).
        from .vtkinterop import unpickle_state
        return unpickle_state, (pickle_state(self),)


def pickle_state(obj):
    """The state dict of ``vtkmodules.util.pickle_support``: ``{"Type": class name,
    "Serialized": numpy int8 array of the marshaled bytes}``."""
    return {"Type": obj.class_name,
            "Serialized": np.frombuffer(marshal(obj), dtype=np.int8)}


# ---------------------------------------------------------------------------------------------
# constructors


def _new(fname, *args):
    out = c_void_p()
    _check(fn(fname)(*args, byref(out)))
    return Object(out.value)


def image_data(extent, origin=(0, 0, 0), spacing=(1, 1, 1), direction=None):
    o = _new("vtkwire_image_data_new", _i32(extent, 6), _f64(origin, 3), _f64(spacing, 3))
    if direction is not None:
        o.set_direction(direction)
    return o


def structured_points(extent, origin=(0, 0, 0), spacing=(1, 1, 1), direction=None):
    o = _new("vtkwire_structured_points_new", _i32(extent, 6), _f64(origin, 3),
             _f64(spacing, 3))
    if direction is not None:
        o.set_direction(direction)
    return o


def rectilinear_grid(extent, x=None, y=None, z=None):
    o = _new("vtkwire_rectilinear_grid_new", _i32(extent, 6))
    for ax, v in enumerate((x, y, z)):
        if v is not None:
            o.set_coordinates(ax, v)
    return o


def structured_grid(extent, points=None):
    o = _new("vtkwire_structured_grid_new", _i32(extent, 6))
    if points is not None:
        o.set_points(points)
    return o


def poly_data(points=None, verts=None, lines=None, polys=None, strips=None):
    """Poly data; each cell argument is ``(offsets, connectivity)``."""
    o = _new("vtkwire_poly_data_new")
    if points is not None:
        o.set_points(points)
    for kind, cells in ((VERTS, verts), (LINES, lines), (POLYS, polys), (STRIPS, strips)):
        if cells is not None:
            o.set_cells(kind, *cells)
    return o


def unstructured_grid(points=None, types=None, offsets=None, connectivity=None):
    o = _new("vtkwire_unstructured_grid_new")
    if points is not None:
        o.set_points(points)
    if types is not None:
        o.set_unstructured_cells(types, offsets, connectivity)
    return o


def table(columns=None):
    """A table; ``columns`` a dict name -> numpy array or list of str."""
    o = _new("vtkwire_table_new")
    for name, col in (columns or {}).items():
        if isinstance(col, (list, tuple)) and col and isinstance(col[0], str):
            o.add_strings(ROW, name, col)
        else:
            o.add_array(ROW, name, np.asarray(col))
    return o


def _graph(fname, nvertices, edges):
    e = _int64(edges if edges is not None else np.zeros((0, 2))).reshape(-1, 2)
    return _new(fname, nvertices, _ptr(e), e.shape[0])


def directed_graph(nvertices, edges=None):
    return _graph("vtkwire_directed_graph_new", nvertices, edges)


def undirected_graph(nvertices, edges=None):
    return _graph("vtkwire_undirected_graph_new", nvertices, edges)


def tree(nvertices, edges=None):
    """A tree; ``edges`` (parent, child) pairs."""
    return _graph("vtkwire_tree_new", nvertices, edges)


def multiblock(blocks=0):
    """A multiblock with ``blocks`` null blocks (an int), or with copies of a list of
    objects / None / (name, object) pairs."""
    if isinstance(blocks, int):
        return _new("vtkwire_multiblock_new", blocks)
    o = _new("vtkwire_multiblock_new", 0)
    for i, b in enumerate(blocks):
        name = None
        if isinstance(b, tuple):
            name, b = b
        o.set_block(i, b, name)
    return o


def amr(origin=(0, 0, 0), grid_description=8):
    """An overlapping AMR (grid description 8 = XYZ)."""
    return _new("vtkwire_amr_new", _f64(origin, 3), grid_description)


# ---------------------------------------------------------------------------------------------
# marshaling, legacy files


def marshal(obj):
    """``vtkCommunicator::MarshalDataObject``'s bytes for ``obj`` (None = VTK's null object:
    ``b""``)."""
    p, n = c_void_p(), c_size_t()
    _check(fn("vtkwire_marshal")(obj.handle if obj is not None else None, byref(p), byref(n)))
    try:
        return ctypes.string_at(p.value, n.value) if p.value else b""
    finally:
        fn("vtkwire_bytes_free")(p, n.value)


def unmarshal(data):
    """An :class:`Object` from marshaled bytes (any bytes-like); ``b""`` gives None."""
    mv = memoryview(data).cast("B")
    if mv.nbytes == 0:
        return None
    if mv.readonly:
        buf = ctypes.c_char_p(mv.tobytes()) if not isinstance(data, bytes) else data
    else:
        buf = (ctypes.c_char * mv.nbytes).from_buffer(mv)
    out = c_void_p()
    _check(fn("vtkwire_unmarshal")(ctypes.cast(buf, c_void_p), mv.nbytes, byref(out)))
    return Object(out.value) if out.value else None


def legacy_read(path):
    out = c_void_p()
    _check(fn("vtkwire_legacy_read")(os.fsencode(path), byref(out)))
    return Object(out.value)


def legacy_write(obj, path, binary=True):
    _check(fn("vtkwire_legacy_write")(obj.handle, os.fsencode(path), 1 if binary else 0))
