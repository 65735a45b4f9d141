//! Shared by the MPI integration tests that build C programs: compiles them with the `mpicc`
//! matching the MPI vtkwire was built with (Open MPI or MPICH, see `sys::built_flavour`) against
//! this build's cdylib, and runs them under the matching launcher with a timeout (MPI bugs show
//! up as hangs).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use vtkwire::mpi::sys;

/// The interpreter with Debian's VTK 9.1 (built against Open MPI) and mpi4py.
pub const VTK_PYTHON: &str = "/usr/bin/python3";

/// Whether [`VTK_PYTHON`] can import mpi4py, VTK's MPI controller and `extra` modules; the
/// error text otherwise (for the skip notice, or the failure under `CI`).
pub fn have_vtk_mpi(extra: &[&str]) -> Result<(), String> {
    let mut modules = vec!["mpi4py.MPI", "vtkmodules.vtkParallelMPI"];
    modules.extend_from_slice(extra);
    let out = Command::new(VTK_PYTHON)
        .args(["-c", &format!("import {}", modules.join(", "))])
        .output()
        .map_err(|e| format!("{VTK_PYTHON}: {e}"))?;
    if out.status.success() { Ok(()) } else { Err(String::from_utf8_lossy(&out.stderr).into_owned()) }
}

/// Seconds before a launched program is killed.
pub const TIMEOUT_SECS: &str = "180";

pub fn target_dir() -> PathBuf {
    // target/<profile>/deps/<test exe> → target/<profile>
    let exe = std::env::current_exe().unwrap();
    exe.parent().and_then(Path::parent).unwrap().to_path_buf()
}

/// (mpicc, launcher, oversubscribe flag, environment) for the MPI of this build.
pub fn launcher() -> (&'static str, &'static str, &'static str, Vec<(&'static str, &'static str)>) {
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

/// Builds `src` (relative to the crate root) with `-Wall -Wextra -Werror`.
pub fn build(src: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // VTKWIRE_TEST_INCLUDE: another directory holding freshly generated headers.
    let include = std::env::var_os("VTKWIRE_TEST_INCLUDE").map(PathBuf::from).unwrap_or_else(|| root.join("include"));
    let header = std::fs::read_to_string(include.join("vtkwire_mpi.h")).unwrap_or_default();
    assert!(
        header.contains("vtkwire_object_send"),
        "include/vtkwire_mpi.h lacks the MPI exports: run `cargo run -p xtask -- gen`"
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

/// The MPI C++ and Fortran compiler wrappers of the MPI vtkwire was built with.
pub fn other_compilers() -> (&'static str, &'static str) {
    match sys::built_flavour() {
        sys::Flavour::OpenMpi => ("mpicxx.openmpi", "mpif90.openmpi"),
        sys::Flavour::Mpich => ("mpicxx.mpich", "mpif90.mpich"),
    }
}

/// Builds a C++17 program (`src` relative to the crate root) against `include/vtkwire.hpp`
/// with the flags of `tests/bindings/run.sh`.
pub fn build_cxx(src: &str) -> PathBuf {
    let (cxx, _) = other_compilers();
    let flags = [
        "-std=c++17",
        "-O1",
        "-Wall",
        "-Wextra",
        "-Werror",
        "-Wpedantic",
        "-Wshadow",
        "-Wconversion",
        "-DOMPI_SKIP_MPICXX",
        "-DMPICH_SKIP_MPICXX",
    ];
    build_with(cxx, &flags, &[], src)
}

/// Builds a Fortran program (`src` relative to the crate root) together with
/// the Fortran modules of `bindings/fortran/sources.txt` (compiled first, `-std=f2008`, into a
/// private module dir).
pub fn build_fortran(src: &str) -> PathBuf {
    let (_, fc) = other_compilers();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let stem = Path::new(src).file_stem().unwrap().to_string_lossy().into_owned();
    let mod_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("mpi_c").join(format!("{stem}.mod"));
    std::fs::create_dir_all(&mod_dir).unwrap();
    // The module sources in their compile order (bindings/fortran/sources.txt).
    let dir = root.join("bindings/fortran");
    let list = std::fs::read_to_string(dir.join("sources.txt")).expect("bindings/fortran/sources.txt");
    let mut pre = vec![format!("-J{}", mod_dir.display()), format!("-I{}", dir.display())];
    pre.extend(
        list.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| dir.join(l).display().to_string()),
    );
    let flags = ["-O1", "-Wall", "-Wextra", "-Werror", "-std=f2008"];
    build_with(fc, &flags, &pre, src)
}

fn build_with(compiler: &str, flags: &[&str], pre: &[String], src: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let include = std::env::var_os("VTKWIRE_TEST_INCLUDE").map(PathBuf::from).unwrap_or_else(|| root.join("include"));
    let lib_dir = target_dir();
    assert!(lib_dir.join("libvtkwire.so").exists(), "no libvtkwire.so in {}", lib_dir.display());
    let out_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("mpi_c");
    std::fs::create_dir_all(&out_dir).unwrap();
    let exe = out_dir
        .join(Path::new(src).file_stem().unwrap())
        .with_extension(Path::new(src).extension().unwrap_or_default().to_string_lossy().into_owned() + ".exe");
    let st = Command::new(compiler)
        .args(flags)
        .args(pre)
        .arg("-o")
        .arg(&exe)
        .arg(root.join(src))
        .arg(format!("-I{}", include.display()))
        .arg(format!("-L{}", lib_dir.display()))
        .arg("-lvtkwire")
        .arg(format!("-Wl,-rpath,{}", lib_dir.display()))
        .status()
        .unwrap_or_else(|e| panic!("{compiler}: {e}"));
    assert!(st.success(), "{compiler} failed on {src}");
    exe
}

fn checked(exe: &Path, what: &str, out: Output) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "{} {what} failed ({}; 124 = timeout):\n{stdout}\n{}",
        exe.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Runs `exe args…` under the launcher on `ranks` processes; asserts success, returns stdout.
pub fn run_args(exe: &Path, ranks: u32, args: &[&str]) -> String {
    run_env(exe, ranks, args, &[])
}

/// Like [`run_args`], with environment variables set (`Some`) or removed (`None`) for the
/// launcher, which passes them on to the (local) ranks.
pub fn run_env(exe: &Path, ranks: u32, args: &[&str], vars: &[(&str, Option<&str>)]) -> String {
    let (_, mpirun, over, env) = launcher();
    let mut cmd = Command::new("timeout");
    cmd.args([TIMEOUT_SECS, mpirun]);
    if ranks > 2 && !over.is_empty() {
        cmd.arg(over);
    }
    cmd.args(["-n", &ranks.to_string()]).arg(exe).args(args).envs(env);
    for (k, v) in vars {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    checked(exe, &format!("on {ranks} ranks"), cmd.output().expect("launcher"))
}

/// Runs `exe` under the launcher on `ranks` processes.
pub fn run(exe: &Path, ranks: u32) -> String {
    run_args(exe, ranks, &[])
}

/// Runs `exe args…` directly, without a launcher (and without the launcher's environment).
pub fn run_direct(exe: &Path, args: &[&str]) -> String {
    let out = Command::new("timeout").arg(TIMEOUT_SECS).arg(exe).args(args).output().expect("timeout");
    checked(exe, "without a launcher", out)
}

/// Runs an MPMD job (`cmd`, its output not yet redirected) with a time limit, prints its
/// output, and checks that it exited 0 and that no line reports a ` FAIL`. Returns (stdout,
/// stderr). `what` names the job in messages and its output files.
pub fn run_mpmd(mut cmd: Command, what: &str, limit: std::time::Duration) -> (String, String) {
    use std::process::Stdio;
    let tmp = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let stem = what.replace(|c: char| !c.is_ascii_alphanumeric(), "_");
    let (out_path, err_path) = (tmp.join(format!("{stem}.out")), tmp.join(format!("{stem}.err")));
    cmd.stdout(Stdio::from(std::fs::File::create(&out_path).unwrap()))
        .stderr(Stdio::from(std::fs::File::create(&err_path).unwrap()));
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("{what}: launcher: {e}"));
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            let out = std::fs::read_to_string(&out_path).unwrap_or_default();
            panic!("{what} hung for {} s; output so far:\n{out}", limit.as_secs());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    };
    let out = std::fs::read_to_string(&out_path).unwrap();
    let err = std::fs::read_to_string(&err_path).unwrap();
    println!("{out}");
    eprintln!("{err}");
    assert!(status.success(), "{what} failed: {status}");
    let fails: Vec<&str> = out.lines().filter(|l| l.contains(" FAIL")).collect();
    assert!(fails.is_empty(), "{what}: failures:\n{}", fails.join("\n"));
    (out, err)
}
