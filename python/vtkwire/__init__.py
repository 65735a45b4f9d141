"""vtkwire for Python: VTK data objects built, marshaled to VTK's exact bytes and moved over
MPI, through ctypes over ``libvtkwire.so`` (no compiled extension).

The library is found via ``$VTKWIRE_LIBRARY`` or ``<repo>/target/release/libvtkwire.so``.
MPI functions live in :mod:`vtkwire.mpi` (imports mpi4py); VTK interop in
:mod:`vtkwire.vtkinterop` (imports vtkmodules). Both are loaded lazily as attributes.
"""

from ._lib import library_path
from .core import *  # noqa: F401,F403
from .core import (Array, Error, Object, amr, directed_graph, image_data, last_error,
                   legacy_read, legacy_write, marshal, multiblock, pickle_state, poly_data, release_memory,
                   rectilinear_grid, status_str, structured_grid, structured_points, table,
                   tree, undirected_graph, unmarshal, unstructured_grid, version)

__version__ = version()


def __getattr__(name):
    import importlib
    if name in ("mpi", "vtkinterop"):
        return importlib.import_module("." + name, __name__)
    mpi_names = ("Comm", "from_mpi4py", "to_mpi4py", "send", "recv", "bcast", "gather",
                 "allgather", "allreduce", "reduce", "set_vtk_peer_version", "vtk_peer_version")
    if name in mpi_names:
        return getattr(importlib.import_module(".mpi", __name__), name)
    if name in ("to_vtk", "from_vtk"):
        return getattr(importlib.import_module(".vtkinterop", __name__), name)
    raise AttributeError(name)
