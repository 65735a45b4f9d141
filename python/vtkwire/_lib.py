"""Loading of libvtkwire.so and the ctypes prototypes of its C API (include/vtkwire.h).

The library is found through the environment variable ``VTKWIRE_LIBRARY`` (a path to the
shared library) or at ``<repo>/target/release/libvtkwire.so`` relative to this package.
Functions taking an ``MPI_Comm`` get their prototypes in :mod:`vtkwire.mpi`, where the
ctypes type of ``MPI_Comm`` is known (a pointer for Open MPI, an int for MPICH).
"""

import ctypes
import os
from ctypes import POINTER, c_char_p, c_double, c_int32, c_int64, c_size_t, c_uint8, c_void_p

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

S = c_int32  # vtkwire_status
H = c_void_p  # any opaque handle (array, object, comm, request)
PH = POINTER(c_void_p)  # out handle
PSZ = POINTER(c_size_t)
PI32 = POINTER(c_int32)
PF64 = POINTER(c_double)
PI64 = POINTER(c_int64)
PU8 = POINTER(c_uint8)
PPI64 = POINTER(POINTER(c_int64))
PPU8 = POINTER(POINTER(c_uint8))
PCHARP = POINTER(c_char_p)
PVOIDP = POINTER(c_void_p)

# name: (restype, [argtypes]) — every function without an MPI_Comm / MPI_Fint argument.
_PROTOS = {
    # arrays
    "vtkwire_array_new": (S, [c_char_p, c_int32, c_void_p, c_size_t, c_int32, PH]),
    "vtkwire_array_new_borrowed": (S, [c_char_p, c_int32, c_void_p, c_size_t, c_int32, PH]),
    "vtkwire_array_new_strings": (S, [c_char_p, POINTER(c_char_p), c_size_t, PH]),
    "vtkwire_array_free": (None, [H]),
    "vtkwire_array_clone": (S, [H, PH]),
    "vtkwire_array_set_component_name": (S, [H, c_int32, c_char_p]),
    "vtkwire_array_set_lookup_table": (S, [H, c_char_p, c_void_p, c_size_t]),
    "vtkwire_array_info": (S, [H, PI32, PSZ, PI32]),
    "vtkwire_array_name": (S, [H, PVOIDP, PSZ]),
    "vtkwire_array_data": (S, [H, PVOIDP, PSZ]),
    "vtkwire_array_string": (S, [H, c_size_t, PVOIDP, PSZ]),
    "vtkwire_array_component_name": (S, [H, c_int32, PVOIDP, PSZ]),
    "vtkwire_array_lookup_table": (S, [H, PVOIDP, PSZ]),
    # constructors
    "vtkwire_image_data_new": (S, [PI32, PF64, PF64, PH]),
    "vtkwire_structured_points_new": (S, [PI32, PF64, PF64, PH]),
    "vtkwire_image_data_set_direction": (S, [H, PF64]),
    "vtkwire_image_data_geometry": (S, [H, PF64, PF64, PF64]),
    "vtkwire_rectilinear_grid_new": (S, [PI32, PH]),
    "vtkwire_rectilinear_grid_set_coordinates": (S, [H, c_int32, c_int32, c_void_p, c_size_t]),
    "vtkwire_rectilinear_grid_coordinates": (S, [H, c_int32, PH]),
    "vtkwire_structured_grid_new": (S, [PI32, PH]),
    "vtkwire_poly_data_new": (S, [PH]),
    "vtkwire_unstructured_grid_new": (S, [PH]),
    "vtkwire_table_new": (S, [PH]),
    "vtkwire_directed_graph_new": (S, [c_size_t, c_void_p, c_size_t, PH]),
    "vtkwire_undirected_graph_new": (S, [c_size_t, c_void_p, c_size_t, PH]),
    "vtkwire_tree_new": (S, [c_size_t, c_void_p, c_size_t, PH]),
    "vtkwire_multiblock_new": (S, [c_size_t, PH]),
    "vtkwire_amr_new": (S, [PF64, c_int32, PH]),
    # objects
    "vtkwire_object_free": (None, [H]),
    "vtkwire_object_clone": (S, [H, PH]),
    "vtkwire_object_type": (c_int32, [H]),
    "vtkwire_object_class_name": (c_char_p, [H]),
    "vtkwire_object_validate": (S, [H]),
    "vtkwire_object_summary": (S, [H, c_void_p, c_size_t, PSZ]),
    "vtkwire_object_count": (S, [H, c_int32, PSZ]),
    "vtkwire_object_extent": (S, [H, PI32]),
    "vtkwire_object_set_points": (S, [H, c_int32, c_void_p, c_size_t]),
    "vtkwire_object_set_points_borrowed": (S, [H, c_int32, c_void_p, c_size_t]),
    "vtkwire_object_points": (S, [H, PH]),
    "vtkwire_poly_data_set_cells": (S, [H, c_int32, c_void_p, c_size_t, c_void_p, c_size_t]),
    "vtkwire_poly_data_set_cells_legacy": (S, [H, c_int32, c_void_p, c_size_t]),
    "vtkwire_poly_data_cells": (S, [H, c_int32, PVOIDP, PSZ, PVOIDP, PSZ]),
    "vtkwire_unstructured_grid_set_cells": (
        S, [H, c_void_p, c_size_t, c_void_p, c_size_t, c_void_p, c_size_t]),
    "vtkwire_unstructured_grid_cells": (S, [H, PVOIDP, PSZ, PVOIDP, PSZ, PVOIDP, PSZ]),
    "vtkwire_graph_edges": (S, [H, PVOIDP, PSZ]),
    "vtkwire_multiblock_block_count": (S, [H, PSZ]),
    "vtkwire_multiblock_set_block": (S, [H, c_size_t, c_char_p, H]),
    "vtkwire_multiblock_set_block_take": (S, [H, c_size_t, c_char_p, H]),
    "vtkwire_multiblock_block": (S, [H, c_size_t, PH, PVOIDP, PSZ]),
    "vtkwire_amr_add_level": (S, [H, PF64, c_int32, PSZ]),
    "vtkwire_amr_add_block": (S, [H, c_size_t, PI32, H, PSZ]),
    "vtkwire_amr_info": (S, [H, PF64, PI32, PSZ]),
    "vtkwire_amr_level": (S, [H, c_size_t, PF64, PI32, PSZ]),
    "vtkwire_amr_block": (S, [H, c_size_t, c_size_t, PI32, PH]),
    "vtkwire_object_add_array": (S, [H, c_int32, H, PSZ]),
    "vtkwire_object_add_array_take": (S, [H, c_int32, H, PSZ]),
    "vtkwire_object_add_array_data": (
        S, [H, c_int32, c_char_p, c_int32, c_void_p, c_size_t, c_int32, PSZ]),
    "vtkwire_object_add_array_data_borrowed": (
        S, [H, c_int32, c_char_p, c_int32, c_void_p, c_size_t, c_int32, PSZ]),
    "vtkwire_object_set_active": (S, [H, c_int32, c_int32, c_char_p]),
    "vtkwire_object_array_count": (S, [H, c_int32, PSZ]),
    "vtkwire_object_array": (S, [H, c_int32, c_size_t, PH]),
    "vtkwire_object_array_by_name": (S, [H, c_int32, c_char_p, PH]),
    "vtkwire_object_active_array": (S, [H, c_int32, c_int32, PH]),
    "vtkwire_object_remove_array": (S, [H, c_int32, c_size_t]),
    # errors, version
    "vtkwire_status_str": (c_char_p, [c_int32]),
    "vtkwire_last_error": (c_char_p, []),
    "vtkwire_last_error_copy": (c_size_t, [c_void_p, c_size_t]),
    "vtkwire_version": (c_char_p, []),
    "vtkwire_release_memory": (None, []),
    # VTK peer version (process-wide, no communicator)
    "vtkwire_set_vtk_peer_version": (S, [c_int32, c_int32]),
    "vtkwire_get_vtk_peer_version": (S, [PI32, PI32]),
    # marshaling, legacy files
    "vtkwire_marshal": (S, [H, PVOIDP, PSZ]),
    "vtkwire_marshaled_size": (S, [H, PSZ]),
    "vtkwire_marshal_into": (S, [H, c_void_p, c_size_t, PSZ]),
    "vtkwire_bytes_free": (None, [c_void_p, c_size_t]),
    "vtkwire_unmarshal": (S, [c_void_p, c_size_t, PH]),
    "vtkwire_legacy_read": (S, [c_char_p, PH]),
    "vtkwire_legacy_write": (S, [H, c_char_p, c_int32]),
    # communicator objects and requests (no MPI_Comm argument)
    "vtkwire_comm_free": (None, [H]),
    "vtkwire_comm_rank": (S, [H, PI32]),
    "vtkwire_comm_size": (S, [H, PI32]),
    "vtkwire_comm_barrier": (S, [H]),
    "vtkwire_request_wait": (S, [H]),
    "vtkwire_request_test": (S, [H, PI32]),
    "vtkwire_request_waitall": (S, [POINTER(c_void_p), c_size_t]),
    "vtkwire_request_take_object": (S, [H, PH]),
    "vtkwire_request_take_array": (S, [H, PH]),
    "vtkwire_request_free": (None, [H]),
}

for _name, (_res, _args) in _PROTOS.items():
    _f = getattr(lib, _name)
    _f.restype = _res
    _f.argtypes = _args

#: Names of the C functions the package calls (filled as wrappers are defined; for coverage).
USED = set()


def fn(name):
    """The ctypes function ``name``, recorded as used."""
    USED.add(name)
    return getattr(lib, name)
