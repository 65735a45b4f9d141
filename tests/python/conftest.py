"""pytest setup for the vtkwire Python package: imports it from <repo>/python.

Under ``mpirun -n N`` every rank runs the whole suite in the same order, so collective tests
meet; a rank that fails before a collective would leave the others waiting, which
tests/python/run.sh bounds with a timeout.
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "python"))

import pytest  # noqa: E402


def _world_size():
    if "mpi4py.MPI" not in sys.modules:
        return 1
    return sys.modules["mpi4py.MPI"].COMM_WORLD.Get_size()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Under mpirun, a failing test on one rank would leave the other ranks waiting in a
    collective (or mismatch the next one): print the failure and abort the whole job."""
    outcome = yield
    rep = outcome.get_result()
    if rep.failed and _world_size() > 1:
        MPI = sys.modules["mpi4py.MPI"]
        rank = MPI.COMM_WORLD.Get_rank()
        sys.stderr.write("\n[rank %d] FAILED %s (%s)\n%s\n[rank %d] aborting MPI job\n"
                         % (rank, item.nodeid, rep.when, rep.longreprtext, rank))
        sys.stderr.flush()
        MPI.COMM_WORLD.Abort(1)
