"""MPI over the caller's communicator: mpi4py communicators in, VTK's wire protocol out.

Every function takes ``comm`` as an mpi4py communicator (``MPI.COMM_WORLD``, ``Split``/
``Dup`` results...), a :class:`Comm`, or None (``MPI.COMM_WORLD``). Communicators are only
borrowed (never freed). Importing this module imports mpi4py, which initializes MPI.
"""

import ctypes
from ctypes import byref, c_int, c_int32, c_void_p

from mpi4py import MPI

from . import _api
from ._lib import fn, lib
from .core import Array, Error, Object, _check

__all__ = [
    "Comm", "from_mpi4py", "to_mpi4py", "send", "recv", "recv_into", "send_bytes", "bcast",
    "gather", "allgather", "send_array", "recv_array", "bcast_array", "gather_array",
    "allgather_array", "scatter_array", "reduce", "allreduce", "allreduce_inplace",
    "reduce_inplace", "isend", "irecv", "isend_array", "irecv_array", "Request", "waitall",
    "barrier", "ANY_SOURCE", "ANY_TAG", "OPS", "set_vtk_peer_version", "vtk_peer_version",
]

# The ctypes type of MPI_Comm: a pointer in Open MPI, an int in MPICH.
COMM_T = c_void_p if MPI._sizeof(MPI.Comm) == ctypes.sizeof(c_void_p) else c_int
FINT_T = c_int
ANY_SOURCE = MPI.ANY_SOURCE
ANY_TAG = MPI.ANY_TAG

# The prototypes of vtkwire_mpi.h, generated (_api.py), with this MPI's MPI_Comm type.
for _n, (_res, _args) in _api.prototypes(COMM_T).items():
    if _n in _api.MPI_EXPORTS:
        _f = getattr(lib, _n)
        _f.restype = _res
        _f.argtypes = _args

#: VTK's reduction operation codes; mpi4py's ops and names map onto them.
OPS = {"max": 0, "min": 1, "sum": 2, "prod": 3, "product": 3, "land": 4, "band": 5,
       "lor": 6, "bor": 7, "lxor": 8, "bxor": 9}
_MPI_OPS = [(MPI.MAX, 0), (MPI.MIN, 1), (MPI.SUM, 2), (MPI.PROD, 3), (MPI.LAND, 4),
            (MPI.BAND, 5), (MPI.LOR, 6), (MPI.BOR, 7), (MPI.LXOR, 8), (MPI.BXOR, 9)]


def _op(op):
    if isinstance(op, str):
        return OPS[op.lower()]
    if isinstance(op, MPI.Op):
        for m, code in _MPI_OPS:
            if op == m:
                return code
        raise ValueError("unsupported MPI.Op (only the predefined MAX..BXOR)")
    return int(op)


class Comm:
    """A ``vtkwire_comm``: an mpi4py communicator borrowed (``vtkwire_comm_borrow``, as
    ``vtkMPICommunicator::InitializeExternal``) or duplicated (``dup=True``,
    ``vtkwire_comm_dup``, collective; freed — collectively — by :meth:`close`)."""

    def __init__(self, comm=None, dup=False):
        comm = MPI.COMM_WORLD if comm is None else comm
        if not isinstance(comm, MPI.Comm):
            raise TypeError("expected an mpi4py communicator")
        self._mpi4py = comm  # keeps the caller's communicator object alive
        out = c_void_p()
        f = "vtkwire_comm_dup" if dup else "vtkwire_comm_borrow"
        _check(fn(f)(_raw(comm), byref(out)))
        self._h = out
        self.owned_duplicate = dup

    @property
    def handle(self):
        if self._h is None:
            raise Error(1, "communicator was freed")
        return self._h

    def close(self):
        if self._h is not None:
            fn("vtkwire_comm_free")(self._h)
        self._h = None

    def __del__(self):
        # A duplicate is freed collectively: close() it explicitly, in the same order on all
        # ranks. A borrowed one is a local free.
        if self._h is not None and not self.owned_duplicate:
            try:
                self.close()
            except Exception:
                pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def raw(self):
        """The C ``MPI_Comm`` handle inside (``vtkwire_comm_handle``) as an int."""
        h = COMM_T()
        _check(fn("vtkwire_comm_handle")(self.handle, byref(h)))
        return h.value or 0

    @property
    def fint(self):
        """The Fortran handle (``vtkwire_comm_handle_f``)."""
        h = FINT_T()
        _check(fn("vtkwire_comm_handle_f")(self.handle, byref(h)))
        return h.value

    @property
    def rank(self):
        r = c_int32()
        _check(fn("vtkwire_comm_rank")(self.handle, byref(r)))
        return r.value

    @property
    def size(self):
        r = c_int32()
        _check(fn("vtkwire_comm_size")(self.handle, byref(r)))
        return r.value

    def barrier(self):
        _check(fn("vtkwire_comm_barrier")(self.handle))

    def to_mpi4py(self):
        return to_mpi4py(self)


def _raw(comm):
    """The C handle of an mpi4py communicator (or of a :class:`Comm`), for ctypes."""
    if comm is None:
        comm = MPI.COMM_WORLD
    if isinstance(comm, Comm):
        return COMM_T(comm.raw)
    if comm == MPI.COMM_NULL:
        raise Error(32, "MPI_COMM_NULL")
    return COMM_T(MPI._handleof(comm))


def from_mpi4py(comm=None):
    """mpi4py communicator -> :class:`Comm` (borrowed; VTK's ``ConvertToVTK`` /
    ``vtkMPICommunicator::InitializeExternal``)."""
    return Comm(comm)


def to_mpi4py(comm):
    """:class:`Comm` -> mpi4py communicator (``ConvertToPython``): ``MPI.Comm.f2py`` of
    ``vtkwire_comm_handle_f``. The result is a new mpi4py object over the same handle
    (``==`` to the original); it does not own it — never ``Free()`` it."""
    if isinstance(comm, MPI.Comm):
        return comm
    c = MPI.Comm.f2py(comm.fint)
    if MPI._handleof(c) != comm.raw:
        raise Error(33, "communicator handle did not survive the Fortran round trip")
    # Return an intracomm when it is one (as the original usually is).
    if c.Is_intra():
        return MPI.Intracomm(c)
    return c


# ---------------------------------------------------------------------------------------------
# VTK peer version


def set_vtk_peer_version(major, minor):
    """Sets the VTK version the peer ranks speak, for the whole process
    (``vtkwire_set_vtk_peer_version``; not an MPI call). It selects how the root-ed gathers
    (:func:`gather`, ``gather_array(..., v=True)``) exchange lengths: ``MPI_Gather`` to the
    root below 9.5 (the default, 9.1), ``MPI_Allgather`` from 9.5 on. Every rank must use the
    version of the job's VTK ranks. Overrides ``$VTKWIRE_VTK_PEER_VERSION``. Raises
    :class:`Error` (INVALID_ARGUMENT, setting unchanged) for a major outside 5..99 or a minor
    outside 0..99."""
    major, minor = int(major), int(minor)
    if not all(-2**31 <= v < 2**31 for v in (major, minor)):
        # ctypes would truncate silently to int32_t.
        raise Error(2, "VTK version %d.%d is not supported (major 5..=99, minor 0..=99)"
                    % (major, minor))
    _check(fn("vtkwire_set_vtk_peer_version")(major, minor))


def vtk_peer_version():
    """The VTK version of the peer ranks as ``(major, minor)``: set with
    :func:`set_vtk_peer_version`, else from ``$VTKWIRE_VTK_PEER_VERSION`` (read once), else
    ``(9, 1)``. Raises :class:`Error` (INVALID_ARGUMENT) if the variable is malformed."""
    major, minor = c_int32(), c_int32()
    _check(fn("vtkwire_get_vtk_peer_version")(byref(major), byref(minor)))
    return (major.value, minor.value)


# ---------------------------------------------------------------------------------------------
# point to point


def _obj(o):
    return o.handle if o is not None else None


def _arr(a):
    return a.handle if a is not None else None


def send(obj, dest, tag=0, comm=None):
    """``vtkCommunicator::Send(vtkDataObject*)`` (None = VTK's null object)."""
    _check(fn("vtkwire_object_send")(_obj(obj), dest, tag, _raw(comm)))


def recv(source=ANY_SOURCE, tag=0, comm=None):
    """``ReceiveDataObject``: a new :class:`Object`, or None for the null object."""
    out = c_void_p()
    _check(fn("vtkwire_object_recv")(source, tag, _raw(comm), byref(out)))
    return Object(out.value) if out.value else None


def recv_into(obj, source=ANY_SOURCE, tag=0, comm=None):
    """``Receive(vtkDataObject*)``: the sent type must be ``obj``'s type."""
    _check(fn("vtkwire_object_recv_into")(obj._mut(), source, tag, _raw(comm)))
    return obj


def send_bytes(type_code, data, dest, tag=0, comm=None):
    """Sends already marshaled bytes with the data-object message sequence."""
    b = bytes(data)
    _check(fn("vtkwire_marshaled_send")(type_code, b, len(b), dest, tag, _raw(comm)))


def send_array(array, dest, tag=0, comm=None):
    _check(fn("vtkwire_array_send")(_arr(array), dest, tag, _raw(comm)))


def recv_array(source=ANY_SOURCE, tag=0, comm=None):
    out = c_void_p()
    _check(fn("vtkwire_array_recv")(source, tag, _raw(comm), byref(out)))
    return Array(out.value) if out.value else None


# ---------------------------------------------------------------------------------------------
# collectives


def _rank(comm):
    if isinstance(comm, Comm):
        return comm.rank
    return (comm or MPI.COMM_WORLD).Get_rank()


def _size(comm):
    if isinstance(comm, Comm):
        return comm.size
    return (comm or MPI.COMM_WORLD).Get_size()


def bcast(obj, root=0, comm=None):
    """``Broadcast(vtkDataObject*)``: root returns ``obj``, others a new object (images
    arrive as structured points, as in VTK)."""
    out = c_void_p()
    _check(fn("vtkwire_object_bcast")(_obj(obj) if _rank(comm) == root else None, root,
                                      _raw(comm), byref(out)))
    if _rank(comm) == root:
        return obj
    return Object(out.value) if out.value else None


def bcast_array(array, root=0, comm=None):
    out = c_void_p()
    _check(fn("vtkwire_array_bcast")(_arr(array) if _rank(comm) == root else None, root,
                                     _raw(comm), byref(out)))
    if _rank(comm) == root:
        return array
    return Array(out.value) if out.value else None


def gather(obj, root=0, comm=None):
    """``Gather(vtkDataObject*, vector, root)``: on root a list (one object or None per
    rank), elsewhere None."""
    n = _size(comm)
    outs = (c_void_p * n)()
    _check(fn("vtkwire_object_gather")(_obj(obj), root, _raw(comm), outs, n))
    if _rank(comm) != root:
        return None
    return [Object(h) if h else None for h in outs]


def allgather(obj, comm=None):
    n = _size(comm)
    outs = (c_void_p * n)()
    _check(fn("vtkwire_object_allgather")(_obj(obj), _raw(comm), outs, n))
    return [Object(h) if h else None for h in outs]


def _arr_out(fname, *args, root=None, comm=None):
    out = c_void_p()
    _check(fn(fname)(*args, byref(out)))
    if root is not None and _rank(comm) != root:
        return None
    return Array(out.value) if out.value else None


def gather_array(array, root=0, comm=None, v=False):
    """``Gather`` (same count on every rank) or ``GatherV`` (``v=True``); root gets the
    concatenated array, others None."""
    f = "vtkwire_array_gatherv" if v else "vtkwire_array_gather"
    return _arr_out(f, array.handle, root, _raw(comm), root=root, comm=comm)


def allgather_array(array, comm=None, v=False):
    f = "vtkwire_array_allgatherv" if v else "vtkwire_array_allgather"
    return _arr_out(f, array.handle, _raw(comm))


def scatter_array(send, recv, root=0, comm=None):
    """``Scatter``: ``recv`` (pre-sized, owned) gets this rank's share of root's ``send``."""
    _check(fn("vtkwire_array_scatter")(_arr(send) if _rank(comm) == root else None,
                                       recv.handle, root, _raw(comm)))
    return recv


def reduce(array, op, root=0, comm=None):
    """``Reduce``: root gets a new array, others None. ``op``: an mpi4py op (``MPI.MAX``...),
    a name ("max", "sum"...) or VTK's code."""
    return _arr_out("vtkwire_array_reduce", array.handle, _op(op), root, _raw(comm),
                    root=root, comm=comm)


def allreduce(array, op, comm=None):
    """``AllReduce`` into a new :class:`Array` on every rank."""
    return _arr_out("vtkwire_array_allreduce", array.handle, _op(op), _raw(comm))


def allreduce_inplace(array, op, comm=None):
    _check(fn("vtkwire_array_allreduce_inplace")(array.handle, _op(op), _raw(comm)))
    return array


def reduce_inplace(array, op, root=0, comm=None):
    _check(fn("vtkwire_array_reduce_inplace")(array.handle, _op(op), root, _raw(comm)))
    return array


def barrier(comm=None):
    with Comm(comm if not isinstance(comm, Comm) else comm._mpi4py) as c:
        c.barrier()


# ---------------------------------------------------------------------------------------------
# non-blocking


class Request:
    """A ``vtkwire_request``; :meth:`wait` returns the received object / array (or None)."""

    def __init__(self, handle, kind, keep=None):
        self._h = c_void_p(handle)
        self._kind = kind  # "send", "object", "array"
        self._keep = keep

    def test(self):
        d = c_int32()
        _check(fn("vtkwire_request_test")(self._h, byref(d)))
        return bool(d.value)

    def wait(self):
        _check(fn("vtkwire_request_wait")(self._h))
        return self._take()

    def _take(self):
        out = c_void_p()
        if self._kind == "object":
            _check(fn("vtkwire_request_take_object")(self._h, byref(out)))
            return Object(out.value) if out.value else None
        if self._kind == "array":
            _check(fn("vtkwire_request_take_array")(self._h, byref(out)))
            return Array(out.value) if out.value else None
        return None

    def close(self):
        if self._h is not None:
            fn("vtkwire_request_free")(self._h)
        self._h = None

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


def waitall(requests):
    """Completes all requests together; returns their results."""
    hs = (c_void_p * len(requests))(*[r._h.value for r in requests])
    _check(fn("vtkwire_request_waitall")(hs, len(requests)))
    return [r._take() for r in requests]


def isend(obj, dest, tag=0, comm=None):
    out = c_void_p()
    _check(fn("vtkwire_object_isend")(_obj(obj), dest, tag, _raw(comm), byref(out)))
    return Request(out.value, "send", keep=obj)


def irecv(source=ANY_SOURCE, tag=0, comm=None):
    out = c_void_p()
    _check(fn("vtkwire_object_irecv")(source, tag, _raw(comm), byref(out)))
    return Request(out.value, "object")


def isend_array(array, dest, tag=0, comm=None):
    out = c_void_p()
    _check(fn("vtkwire_array_isend")(_arr(array), dest, tag, _raw(comm), byref(out)))
    return Request(out.value, "send", keep=array)


def irecv_array(source=ANY_SOURCE, tag=0, comm=None):
    out = c_void_p()
    _check(fn("vtkwire_array_irecv")(source, tag, _raw(comm), byref(out)))
    return Request(out.value, "array")
