//! Builds the MPI C examples (`c_examples/mpi_*.c`) and `tests/mpi/protocol_checks.c` with
//! `mpicc` against the cdylib of this build and runs them under `mpirun -n 2` and `-n 4`,
//! checking exit codes and what they print.
//!
//! Needs `include/vtkwire_mpi.h` generated with the MPI exports (`cargo run -p xtask -- gen`)
//! and the Open MPI launcher; a vtkwire built against MPICH uses `mpiexec.mpich` instead.

#[path = "mpi/harness.rs"]
mod harness;

use harness::{build, run};

#[test]
fn mpi_parallel_array() {
    let exe = build("c_examples/mpi_parallel_array.c");
    let out = run(&exe, 2);
    assert_eq!(out.matches("AllReduce MAX [1 1 1 10 1 1 1 1 1 1]").count(), 2, "{out}");
    let out = run(&exe, 4);
    assert_eq!(out.matches("AllReduce MAX [3 3 3 10 3 3 3 3 3 3]").count(), 4, "{out}");
}

#[test]
fn mpi_send_polydata() {
    let exe = build("c_examples/mpi_send_polydata.c");
    for n in [2, 4] {
        let out = run(&exe, n);
        assert!(out.contains("rank 1: received vtkPolyData (type 0): 108 points, 192 cells"), "{out}");
    }
}

#[test]
fn mpi_bcast() {
    let exe = build("c_examples/mpi_bcast.c");
    for n in [2, 4] {
        let out = run(&exe, n);
        assert_eq!(out.matches("array bc = [1.5 2.5], null object").count(), n as usize - 1, "{out}");
    }
}

#[test]
fn mpi_raw_bytes() {
    let exe = build("c_examples/mpi_raw_bytes.c");
    let out = run(&exe, 2);
    assert!(out.contains("unmarshaled a vtkTable with 5 rows"), "{out}");
}

#[test]
fn mpi_protocol_checks() {
    let exe = build("tests/mpi/protocol_checks.c");
    for n in [2, 4] {
        let out = run(&exe, n);
        assert!(out.contains(&format!("all checks passed on {n} ranks")), "{out}");
        assert_eq!(out.lines().filter(|l| l.starts_with("ok ")).count(), 6, "{out}");
    }
}
