"""Interop with VTK 9.1's Python through marshaled bytes, and pickle-state compatibility."""

import pickle

import numpy as np
import pytest

vtkmodules = pytest.importorskip("vtkmodules.vtkParallelCore")

import vtkwire as w  # noqa: E402
from vtkwire import vtkinterop as vi  # noqa: E402
from vtkmodules.vtkFiltersSources import vtkSphereSource  # noqa: E402


def _sphere():
    s = vtkSphereSource()
    s.SetThetaResolution(8)
    s.SetPhiResolution(6)
    s.Update()
    return s.GetOutput()


def test_vtkwire_to_vtk_and_back():
    pd = w.poly_data(np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0]], np.float32),
                     polys=([0, 3], [0, 1, 2]))
    pd.add_array("point", "t", np.arange(3.0))
    v = vi.to_vtk(pd)
    assert v.GetClassName() == "vtkPolyData"
    assert (v.GetNumberOfPoints(), v.GetNumberOfCells()) == (3, 1)
    assert v.GetPointData().GetArray("t").GetValue(2) == 2.0
    back = vi.from_vtk(v)
    assert back.summary() == pd.summary()
    # vtkwire re-marshals VTK's object to exactly VTK's bytes (vtkwire's own header title may
    # carry extra metadata, so pd.marshal() itself can differ in the title line).
    assert back.marshal() == vi.vtk_pickle_state(v)["Serialized"].tobytes()


def test_vtk_to_vtkwire_and_back():
    sph = _sphere()
    o = w.from_vtk(sph)
    assert o.class_name == "vtkPolyData"
    assert (o.npoints, o.ncells) == (sph.GetNumberOfPoints(), sph.GetNumberOfCells())
    np.testing.assert_allclose(o.points.numpy()[5], sph.GetPoint(5), rtol=1e-6)
    v = w.to_vtk(o)
    assert v.GetNumberOfPoints() == sph.GetNumberOfPoints()


def test_every_type_through_vtk():
    from test_core import _all_types
    for o in _all_types():
        v = vi.to_vtk(o)
        assert v.GetClassName() == o.class_name
        back = vi.from_vtk(v)
        if o.type == w.STRUCTURED_POINTS:
            # VTK's bytes say STRUCTURED_POINTS for both: they come back as image data.
            assert back.type in (w.IMAGE_DATA, w.STRUCTURED_POINTS)
            assert back.count("point") == o.count("point") and back.extent == o.extent
            continue
        assert back.type == o.type and back.summary() == o.summary(), o.class_name


def test_pickle_state_is_pickle_support_format():
    # vtkmodules.util.pickle_support does not exist in VTK 9.1: its state format is
    # {"Type": class name, "Serialized": int8 numpy array of MarshalDataObject bytes}.
    sph = _sphere()
    st = vi.vtk_pickle_state(sph)
    o = vi.unpickle_state(st)
    assert o.npoints == sph.GetNumberOfPoints()
    fn, (state,) = o.__reduce__()
    assert set(state) == {"Type", "Serialized"} and state["Serialized"].dtype == np.int8
    assert state["Type"] == "vtkPolyData"
    v = vi.vtk_from_pickle_state(pickle.loads(pickle.dumps(state)))
    assert v.GetNumberOfCells() == sph.GetNumberOfCells()
    assert pickle.loads(pickle.dumps(o)).marshal() == o.marshal()
