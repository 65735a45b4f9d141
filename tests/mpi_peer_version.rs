//! The VTK peer version (`vtkwire::mpi::peer`, `vtkwire_set_vtk_peer_version` /
//! `vtkwire_get_vtk_peer_version`) and the gathers it selects.
//!
//! `tests/mpi/peer_version.c` runs under the launcher of the MPI vtkwire was built with, at 2
//! and 4 ranks: odd ranks play a VTK peer with raw MPI calls as the reference describes them
//! (VTK ≤ 9.4: `MPI_Gather` of the lengths to the root; VTK ≥ 9.5: `MPI_Allgather`; then
//! `MPI_Gatherv`), even ranks call vtkwire's object gather and array gatherv, for every root.
//! The program also intercepts `MPI_Gather`/`MPI_Allgather`/`MPI_Gatherv`/`MPI_Allgatherv`
//! through the MPI profiling interface and checks the exact sequence each vtkwire call issues.
//! Three modes: versions set through the API (`api`, environment variable removed), from
//! `VTKWIRE_VTK_PEER_VERSION=9.5` (`env95`) and from a malformed value (`envbad`).
//!
//! `tests/mpi/peer_version_bindings.{cpp,f90}` do the same through the C++ and Fortran
//! bindings (a VTK 9.5 peer against `vtkwire::gatherv` / `vtkwire_array_gatherv`).
//!
//! Needs `cargo build --release` (the cdylib) and the regenerated header, like the other
//! C-program tests.

#[path = "mpi/harness.rs"]
mod harness;

use std::path::PathBuf;
use std::sync::OnceLock;

use harness::{build, build_cxx, build_fortran, run_env};
use vtkwire::Status;
use vtkwire::mpi::peer::{self, ENV_VAR, VtkVersion};

/// Built once: the tests below run in parallel and must not all write the executable.
fn exe() -> &'static PathBuf {
    static EXE: OnceLock<PathBuf> = OnceLock::new();
    EXE.get_or_init(|| build("tests/mpi/peer_version.c"))
}

fn run_mode(mode: &str, env: Option<&str>) {
    for n in [2u32, 4] {
        let out = run_env(exe(), n, &[mode], &[(ENV_VAR, env)]);
        assert!(out.contains(&format!("peer version checks passed ({mode}) on {n} ranks")), "{out}");
        let per_rank: Vec<&str> = out.lines().filter(|l| l.starts_with(&format!("ok {mode}: "))).collect();
        assert_eq!(per_rank.len(), n as usize, "{out}");
        assert!(per_rank.iter().all(|l| l.ends_with(", 0 failures")), "{out}");
    }
}

#[test]
fn versions_set_through_the_api() {
    run_mode("api", None);
}

#[test]
fn version_from_the_environment() {
    run_mode("env95", Some("9.5"));
}

#[test]
fn malformed_environment_fails_before_any_mpi_call() {
    run_mode("envbad", Some("9.x"));
}

fn run_bindings(exe: &std::path::Path, lang: &str) {
    for n in [2u32, 4] {
        let out = run_env(exe, n, &[], &[(ENV_VAR, None)]);
        assert!(out.contains(&format!("peer version bindings passed ({lang}) on {n} ranks")), "{out}");
    }
}

#[test]
fn cxx_binding_against_a_vtk_9_5_peer() {
    run_bindings(&build_cxx("tests/mpi/peer_version_bindings.cpp"), "c++");
}

#[test]
fn fortran_binding_against_a_vtk_9_5_peer() {
    run_bindings(&build_fortran("tests/mpi/peer_version_bindings.f90"), "fortran");
}

/// The Rust API, in this (MPI-less) test process: the setting needs no MPI.
#[test]
fn rust_api_sets_and_checks() {
    // Explicit first, so the test does not depend on the caller's environment.
    peer::set_vtk_peer_version(9, 5).unwrap();
    assert_eq!(peer::vtk_peer_version().unwrap(), VtkVersion { major: 9, minor: 5 });
    assert!(peer::vtk_peer_version().unwrap().allgathers_gatherv_lengths());
    for (major, minor) in [(4, 9), (0, 0), (-9, 5), (9, -1), (100, 1), (9, 100), (i32::MAX, i32::MAX)] {
        let e = peer::set_vtk_peer_version(major, minor).unwrap_err();
        assert_eq!(e.status, Status::InvalidArgument, "{major}.{minor}");
        assert!(e.message.contains(&format!("{major}.{minor}")), "{}", e.message);
    }
    assert_eq!(peer::vtk_peer_version().unwrap(), VtkVersion { major: 9, minor: 5 });
    peer::set_vtk_peer_version(5, 0).unwrap();
    assert!(!peer::vtk_peer_version().unwrap().allgathers_gatherv_lengths());
    peer::set_vtk_peer_version(9, 1).unwrap();
    assert_eq!(peer::vtk_peer_version().unwrap(), peer::DEFAULT);
}
