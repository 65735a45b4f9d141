//! Builds the MPI C examples (`c_examples/mpi_*.c`) and `tests/mpi/protocol_checks.c` with
//! `mpicc` against the cdylib of this build and runs them under `mpirun -n 2` and `-n 4`,
//! checking exit codes and what they print.
//!
//! Needs `include/vtkwire.h` regenerated with the MPI exports (`cargo run -p xtask -- header`)
//! and the Open MPI launcher; a vtkwire built against MPICH uses `mpiexec.mpich` instead.

use std::path::{Path, PathBuf};
use std::process::Command;

use vtkwire::mpi::sys;

fn target_dir() -> PathBuf {
    // target/<profile>/deps/<test exe> → target/<profile>
    let exe = std::env::current_exe().unwrap();
    exe.parent().and_then(Path::parent).unwrap().to_path_buf()
}

fn launcher() -> (&'static str, &'static str, &'static str, Vec<(&'static str, &'static str)>) {
    match sys::built_flavour() {
        sys::Flavour::OpenMpi => (
            "mpicc.openmpi",
            "mpirun.openmpi",
            "--oversubscribe",
            vec![("OMPI_ALLOW_RUN_AS_ROOT", "1"), ("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")],
        ),
        sys::Flavour::Mpich => ("mpicc.mpich", "mpiexec.mpich", "", vec![]),
    }
}

fn build(src: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // VTKWIRE_TEST_INCLUDE: another directory holding a freshly generated vtkwire.h.
    let include = std::env::var_os("VTKWIRE_TEST_INCLUDE").map(PathBuf::from).unwrap_or_else(|| root.join("include"));
    let header = std::fs::read_to_string(include.join("vtkwire.h")).unwrap_or_default();
    assert!(
        header.contains("vtkwire_object_send"),
        "include/vtkwire.h lacks the MPI exports: run `cargo run -p xtask -- header`"
    );
    let lib_dir = target_dir();
    assert!(lib_dir.join("libvtkwire.so").exists(), "no libvtkwire.so in {}", lib_dir.display());
    let out_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("mpi_c");
    std::fs::create_dir_all(&out_dir).unwrap();
    let exe = out_dir.join(Path::new(src).file_stem().unwrap());
    let (cc, ..) = launcher();
    let st = Command::new(cc)
        .args(["-Wall", "-Wextra", "-Werror", "-O1", "-o"])
        .arg(&exe)
        .arg(root.join(src))
        .arg(format!("-I{}", include.display()))
        .arg(format!("-L{}", lib_dir.display()))
        .args(["-lvtkwire", "-lm"])
        .arg(format!("-Wl,-rpath,{}", lib_dir.display()))
        .status()
        .expect("mpicc");
    assert!(st.success(), "{cc} failed on {src}");
    exe
}

fn run(exe: &Path, ranks: u32) -> String {
    let (_, mpirun, over, env) = launcher();
    let mut cmd = Command::new("timeout");
    cmd.args(["180", mpirun]);
    if ranks > 2 && !over.is_empty() {
        cmd.arg(over);
    }
    cmd.args(["-n", &ranks.to_string()]).arg(exe).envs(env);
    let out = cmd.output().expect("mpirun");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{} on {ranks} ranks failed ({}):\n{stdout}\n{}",
        exe.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

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
