"""pytest setup for the vtkwire Python package: imports it from <repo>/python.

Under ``mpirun -n N`` every rank runs the whole suite in the same order, so collective tests
meet; a rank that fails before a collective would leave the others waiting, which
tests/python/run.sh bounds with a timeout.
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))
