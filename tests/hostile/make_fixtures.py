#!/usr/bin/python3
"""Writes the VTK 9.1 bytes the hostile-input tests mutate (run with Debian's /usr/bin/python3).

Each file is what vtkCommunicator::MarshalDataObject (VTK 9.1) produces for a small object:
  bits.bin   a table whose field data holds a 3-component vtkBitArray of 10 tuples (VTK's short
             bit form: 2 bytes instead of 4);
  graph.bin  a directed graph with 2 vertices and 1 edge;
  amr.bin    an overlapping AMR with 2 levels of 1 block (a uniform grid) each;
  field.vtk  an ASCII legacy file (vtkDataSetWriter) of poly data with float field arrays.
Regenerate with: /usr/bin/python3 tests/hostile/make_fixtures.py tests/hostile
"""
import sys, os
import numpy as np
from vtkmodules.util import numpy_support
from vtkmodules.vtkCommonCore import vtkBitArray, vtkCharArray, vtkFloatArray, vtkPoints
from vtkmodules.vtkCommonDataModel import (vtkTable, vtkMutableDirectedGraph, vtkOverlappingAMR,
                                           vtkAMRBox, vtkPolyData, vtkUniformGrid)
from vtkmodules.vtkParallelCore import vtkCommunicator
from vtkmodules.vtkIOLegacy import vtkPolyDataWriter

out = sys.argv[1] if len(sys.argv) > 1 else "."

def marshal(o, name):
    a = vtkCharArray()
    vtkCommunicator.MarshalDataObject(o, a)
    data = numpy_support.vtk_to_numpy(a).astype(np.int8).tobytes()
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)

t = vtkTable()
b = vtkBitArray(); b.SetName("flags"); b.SetNumberOfComponents(3); b.SetNumberOfTuples(10)
for i in range(30):
    b.SetValue(i, (i * 7) % 3 == 0)
t.GetFieldData().AddArray(b)
marshal(t, "bits.bin")

g = vtkMutableDirectedGraph()
g.AddVertex(); g.AddVertex(); g.AddEdge(0, 1)
marshal(g, "graph.bin")

amr = vtkOverlappingAMR()
amr.Initialize(2, [1, 1])
amr.SetOrigin([0.0, 0.0, 0.0])
amr.SetSpacing(0, [1.0, 1.0, 1.0]); amr.SetSpacing(1, [0.5, 0.5, 0.5])
for level, lo, hi, h in ((0, 0, 3, 1.0), (1, 2, 5, 0.5)):
    g = vtkUniformGrid()
    g.SetOrigin(lo * h, lo * h, lo * h); g.SetSpacing(h, h, h); g.SetDimensions(hi - lo + 2, hi - lo + 2, hi - lo + 2)
    amr.SetAMRBox(level, 0, vtkAMRBox([lo] * 3, [hi] * 3))
    amr.SetDataSet(level, 0, g)
marshal(amr, "amr.bin")

pd = vtkPolyData()
pts = vtkPoints(); pts.InsertNextPoint(0, 0, 0); pd.SetPoints(pts)
for name in ("a", "b"):
    f = vtkFloatArray(); f.SetName(name); f.SetNumberOfTuples(2); f.SetValue(0, 1.5); f.SetValue(1, 2.5)
    pd.GetFieldData().AddArray(f)
w = vtkPolyDataWriter(); w.SetInputData(pd); w.SetFileName(os.path.join(out, "field.vtk")); w.Write()
