#!/usr/bin/python3
"""Times VTK 9.1's own MarshalDataObject / UnMarshalDataObject on vtkwire-marshaled buffers.
Usage: bench_vtk.py CLASS FILE ... ; prints "<marshal seconds> <unmarshal seconds>" per file."""
import sys
import time

import numpy as np
from vtkmodules.util import numpy_support as ns
from vtkmodules.vtkCommonCore import vtkCharArray
from vtkmodules import vtkCommonDataModel as dm
from vtkmodules.vtkParallelCore import vtkCommunicator
import vtkmodules.vtkIOLegacy  # noqa: F401

for cls, path in zip(sys.argv[1::2], sys.argv[2::2]):
    b = open(path, "rb").read()
    a = vtkCharArray()
    a.SetNumberOfTuples(len(b))
    ns.vtk_to_numpy(a)[:] = np.frombuffer(b, dtype=np.int8)
    best_u = best_m = 1e9
    for _ in range(2):
        o = getattr(dm, cls)()
        t = time.perf_counter()
        vtkCommunicator.UnMarshalDataObject(a, o)
        best_u = min(best_u, time.perf_counter() - t)
        out = vtkCharArray()
        t = time.perf_counter()
        vtkCommunicator.MarshalDataObject(o, out)
        best_m = min(best_m, time.perf_counter() - t)
    print("%.6f %.6f" % (best_m, best_u))
