//! FFI robustness of the MPI exports, from C: `tests/mpi/ffi_args.c` (NULL per pointer
//! argument, MPI_COMM_NULL, an inter-communicator, bad ranks/tags/ops, for every export and its
//! `_f` twin, on every rank, no rank hanging) under the launcher at 2 and 4 ranks, and
//! `tests/mpi/ffi_no_init.c` (MPI_NOT_INITIALIZED before `MPI_Init` — run without a launcher —
//! and after `MPI_Finalize`). Uses the launcher of the MPI vtkwire was built with.

#[path = "mpi/harness.rs"]
mod harness;

use std::path::PathBuf;
use std::sync::OnceLock;

use harness::{build, run, run_args, run_direct};

/// Built once: the two tests below run in parallel and must not both write the executable.
fn no_init_exe() -> &'static PathBuf {
    static EXE: OnceLock<PathBuf> = OnceLock::new();
    EXE.get_or_init(|| build("tests/mpi/ffi_no_init.c"))
}

#[test]
fn argument_checks_on_every_rank() {
    let exe = build("tests/mpi/ffi_args.c");
    for n in [2u32, 4] {
        let out = run(&exe, n);
        assert!(out.contains(&format!("ffi argument checks passed on {n} ranks")), "{out}");
        let per_rank: Vec<&str> = out.lines().filter(|l| l.starts_with("ok ")).collect();
        assert_eq!(per_rank.len(), n as usize, "{out}");
        assert!(per_rank.iter().all(|l| l.ends_with(", 0 failures")), "{out}");
    }
}

#[test]
fn not_initialized_before_init() {
    let exe = no_init_exe();
    let out = run_direct(exe, &["never"]);
    assert!(out.contains("not initialized: 50 checks passed (never)"), "{out}");
}

#[test]
fn not_initialized_after_finalize() {
    let exe = no_init_exe();
    let out = run_args(exe, 2, &["finalized"]);
    assert_eq!(out.matches("not initialized: 50 checks passed (finalized)").count(), 2, "{out}");
}
