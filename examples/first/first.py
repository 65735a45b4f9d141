"""first.py — a first vtkwire program in Python: a triangle with a point array, marshaled to
VTK's bytes, read back, and written as a legacy .vtk file ParaView opens. A failing call raises
vtkwire.Error (status and message). Needs no MPI (vtkwire.mpi is imported only when used):
    PYTHONPATH=python /usr/bin/python3 examples/first/first.py triangle.vtk
"""
import sys

import numpy as np

import vtkwire as w

xyz = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0]], np.float32)
mesh = w.poly_data(xyz, polys=([0, 3], [0, 1, 2]))          # offsets, connectivity (0-based)
mesh.add_array("point", "temperature", np.array([20.5, 21.0, 19.5]))

data = w.marshal(mesh)                                      # the bytes of VTK's MarshalDataObject
copy = w.unmarshal(data)
w.legacy_write(copy, sys.argv[1] if len(sys.argv) > 1 else "triangle.vtk")
print(f"{len(data)} bytes; read back: {copy.summary()}")
