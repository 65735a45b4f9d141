"""Loading of libvtkwire.so and the ctypes prototypes of its C API (include/vtkwire.h).

The library is found through the environment variable ``VTKWIRE_LIBRARY`` (a path to the
shared library) or at ``<repo>/target/release/libvtkwire.so`` relative to this package. The
prototypes are generated (``_api.py``); functions taking an ``MPI_Comm`` get theirs in
:mod:`vtkwire.mpi`, where the ctypes type of ``MPI_Comm`` is known (a pointer for Open MPI, an
int for MPICH).
"""

import ctypes
import os

from . import _api

__all__ = ["lib", "library_path"]


def library_path():
    """The path of the shared library this package loads."""
    env = os.environ.get("VTKWIRE_LIBRARY")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    return os.path.join(repo, "target", "release", "libvtkwire.so")


def _load():
    path = library_path()
    if not os.path.exists(path):
        raise ImportError(
            "vtkwire: shared library not found at %r (set VTKWIRE_LIBRARY or run "
            "`cargo build --release`)" % path
        )
    # RTLD_GLOBAL: the MPI symbols libvtkwire pulls in are shared with mpi4py's.
    return ctypes.CDLL(path, mode=ctypes.RTLD_GLOBAL)


lib = _load()

# Every prototype comes from the generated _api.py (the MPI_Comm ones are set in vtkwire.mpi,
# where the ctypes type of MPI_Comm is known).
for _name, (_res, _args) in _api.prototypes().items():
    if _name in _api.MPI_EXPORTS:
        continue
    _f = getattr(lib, _name)
    _f.restype = _res
    _f.argtypes = _args

#: Names of the C functions the package calls (filled as wrappers are defined; for coverage).
USED = set()


def fn(name):
    """The ctypes function ``name``, recorded as used."""
    USED.add(name)
    return getattr(lib, name)
