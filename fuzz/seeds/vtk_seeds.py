#!/usr/bin/python3
"""Seed corpora written by real VTK, for vtkwire's fuzz targets.

    vtk_seeds.py CORPUS_ROOT PREFIX

Run it with Debian's VTK 9.1 (/usr/bin/python3) and with the newest VTK
(target/vtk-venv/bin/python); PREFIX tells the two apart in file names (e.g. vtk91, vtk97).
For every object of tests/vtk/vtk_interop.py's build() (one of each of the 12 types, with
every array type, roles, lookup tables, field data, nesting) plus a few extras below, it writes

    CORPUS_ROOT/unmarshal/PREFIX_NAME.bin         vtkCommunicator::MarshalDataObject
    CORPUS_ROOT/legacy_read/PREFIX_NAME.b.vtk     vtkGenericDataObjectWriter, BINARY
    CORPUS_ROOT/legacy_read/PREFIX_NAME.a.vtk     vtkGenericDataObjectWriter, ASCII
    CORPUS_ROOT/legacy_read/PREFIX_NAME.42.vtk    the same, legacy 4.2 layout (ASCII)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "vtk"))

import vtk_interop as vi  # noqa: E402  (VTK's warnings are silenced on import)
from vtkmodules.vtkCommonCore import (vtkDataArray, vtkDoubleArray, vtkFloatArray, vtkIdList,  # noqa: E402
                                      vtkIntArray, vtkUnsignedCharArray)
from vtkmodules.vtkCommonDataModel import (vtkImageData, vtkMultiBlockDataSet, vtkPolyData,  # noqa: E402
                                           vtkRectilinearGrid, vtkStructuredGrid, vtkTable,
                                           vtkUnstructuredGrid, vtkDirectedGraph,
                                           vtkUndirectedGraph, vtkTree, vtkStructuredPoints,
                                           )
from vtkmodules.vtkIOLegacy import vtkDataWriter, vtkGenericDataObjectWriter  # noqa: E402


def extras():
    """Small objects that reach paths build() does not: empty data sets (marshaled as ASCII),
    component names and information keys (METADATA), NaN and infinity, a polyhedron,
    unsigned char scalars with a lookup table."""
    objs = {}
    for cls in [vtkImageData, vtkStructuredPoints, vtkRectilinearGrid, vtkStructuredGrid, vtkPolyData,
                vtkUnstructuredGrid, vtkTable, vtkDirectedGraph, vtkUndirectedGraph, vtkTree,
                vtkMultiBlockDataSet]:  # an uninitialized vtkOverlappingAMR crashes VTK 9.1's Marshal
        objs["empty_" + cls.__name__[3:].lower()] = cls()
    pd = vtkPolyData()
    pd.SetPoints(vi.points([(0, 0, 0), (1, 0, 0), (0, 1, 0)]))
    a = vi.arr(vtkDoubleArray, "meta", [float("nan"), float("inf"), -0.0, 1e-310, 2.5, -1e300], 2)
    a.SetComponentName(0, "first comp")
    a.SetComponentName(1, "ü")
    a.GetInformation().Set(vtkDataArray.UNITS_LABEL(), "m/s")
    a.GetInformation().Set(vtkDataArray.GUI_HIDE(), 1)
    pd.GetPointData().AddArray(a)
    c = vi.arr(vtkUnsignedCharArray, "rgba", list(range(12)), 4)
    pd.GetPointData().SetScalars(c)
    pd.GetPointData().AddArray(vi.arr(vtkFloatArray, "f nan", [float("nan"), 1.0, float("-inf")]))
    objs["metadata_poly"] = pd
    ug = vtkUnstructuredGrid()
    ug.SetPoints(vi.points([(0, 0, 0), (1, 0, 0), (0, 1, 0), (0, 0, 1)]))
    faces = [4, 3, 0, 1, 2, 3, 0, 1, 3, 3, 0, 2, 3, 3, 1, 2, 3]
    ids = vtkIdList()
    for f in faces:
        ids.InsertNextId(f)
    ug.InsertNextCell(42, ids)
    ug.GetCellData().AddArray(vi.arr(vtkIntArray, "cid", [7]))
    objs["polyhedron"] = ug
    mb = vtkMultiBlockDataSet()
    mb.SetNumberOfBlocks(2)
    t = vtkTable()
    t.AddColumn(vi.arr(vtkIntArray, "n", [1, 2]))
    mb.SetBlock(1, t)
    mb.GetMetaData(1).Set(vtkMultiBlockDataSet.NAME(), "a b\tc")
    objs["multiblock_null_child"] = mb
    return objs


def write_file(o, path, binary, version42=False):
    w = vtkGenericDataObjectWriter()
    w.SetInputData(o)
    w.SetFileName(path)
    if version42:
        w.SetFileVersion(vtkDataWriter.VTK_LEGACY_READER_VERSION_4_2)
    if binary:
        w.SetFileTypeToBinary()
    else:
        w.SetFileTypeToASCII()
    w.Write()


def main():
    root, prefix = sys.argv[1], sys.argv[2]
    unm, leg = os.path.join(root, "unmarshal"), os.path.join(root, "legacy_read")
    os.makedirs(unm, exist_ok=True)
    os.makedirs(leg, exist_ok=True)
    objs = vi.build()
    objs.update(extras())
    n = 0
    for name, o in objs.items():
        b = vi.marshal(o)
        if b:
            with open(os.path.join(unm, "%s_%s.bin" % (prefix, name)), "wb") as f:
                f.write(b)
            n += 1
        write_file(o, os.path.join(leg, "%s_%s.b.vtk" % (prefix, name)), True)
        write_file(o, os.path.join(leg, "%s_%s.a.vtk" % (prefix, name)), False)
        write_file(o, os.path.join(leg, "%s_%s.42.vtk" % (prefix, name)), False, version42=True)
        n += 3
    print("vtk_seeds.py (%s, VTK %d.%d): %d seeds" % (prefix, vi.VTK_VERSION[0], vi.VTK_VERSION[1], n))


if __name__ == "__main__":
    main()
