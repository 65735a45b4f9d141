"""Interop with VTK's own Python (``vtkmodules``) through marshaled bytes.

VTK 9.1 (Debian 12) has no ``vtkmodules.util.pickle_support`` (it appeared in VTK 9.2); vtkwire
pickles with that module's state format — ``{"Type": class name, "Serialized": int8 numpy
array of vtkCommunicator::MarshalDataObject bytes}`` — so a state made by either side can be
read by the other (:func:`vtk_pickle_state` / :func:`vtk_from_pickle_state` implement the
VTK side for 9.1).
"""

import numpy as np

from .core import Object, marshal, unmarshal

__all__ = ["to_vtk", "from_vtk", "unpickle_state", "vtk_pickle_state",
           "vtk_from_pickle_state"]


def _vtk():
    from vtkmodules import vtkCommonDataModel
    from vtkmodules.vtkCommonCore import vtkCharArray
    from vtkmodules.vtkParallelCore import vtkCommunicator
    return vtkCommonDataModel, vtkCharArray, vtkCommunicator


def _char_array(data):
    _, vtkCharArray, _ = _vtk()
    a = np.frombuffer(bytes(data), dtype=np.int8).copy()
    ca = vtkCharArray()
    ca.SetNumberOfTuples(a.size)
    if a.size:
        from vtkmodules.util.numpy_support import vtk_to_numpy
        vtk_to_numpy(ca)[:] = a
    return ca


def _bytes_of(ca):
    from vtkmodules.util.numpy_support import vtk_to_numpy
    if ca.GetNumberOfValues() == 0:
        return b""
    return vtk_to_numpy(ca).tobytes()


def _unmarshal_vtk(class_name, data):
    dm, _, comm = _vtk()
    obj = getattr(dm, class_name)()
    if comm.UnMarshalDataObject(_char_array(data), obj) == 0:
        raise RuntimeError("vtkCommunicator.UnMarshalDataObject failed")
    return obj


def to_vtk(obj):
    """A vtkwire :class:`Object` -> a new VTK data object (``UnMarshalDataObject``)."""
    return _unmarshal_vtk(obj.class_name, marshal(obj))


def from_vtk(vtk_obj):
    """A VTK data object -> a new vtkwire :class:`Object` (``MarshalDataObject``)."""
    _, vtkCharArray, comm = _vtk()
    ca = vtkCharArray()
    if comm.MarshalDataObject(vtk_obj, ca) == 0:
        raise RuntimeError("vtkCommunicator.MarshalDataObject failed")
    return unmarshal(_bytes_of(ca))


def unpickle_state(state):
    """vtkwire's unpickler: a pickle_support state dict -> :class:`Object`."""
    if "Type" not in state or "Serialized" not in state:
        raise RuntimeError("state has no Type and/or Serialized keys")
    return unmarshal(np.asarray(state["Serialized"], dtype=np.int8).tobytes())


def vtk_pickle_state(vtk_obj):
    """``pickle_support.serialize_VTK_data_object``'s state for a VTK object (VTK 9.1 has
    no such module)."""
    _, vtkCharArray, comm = _vtk()
    ca = vtkCharArray()
    if comm.MarshalDataObject(vtk_obj, ca) == 0:
        raise RuntimeError("vtkCommunicator.MarshalDataObject failed")
    return {"Type": vtk_obj.GetClassName(),
            "Serialized": np.frombuffer(_bytes_of(ca), dtype=np.int8)}


def vtk_from_pickle_state(state):
    """``pickle_support.unserialize_VTK_data_object``: a state dict -> VTK object."""
    return _unmarshal_vtk(state["Type"], np.asarray(state["Serialized"], np.int8).tobytes())
