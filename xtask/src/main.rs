//! Developer tasks.
//!
//! `cargo run -p xtask -- gen` regenerates, from the Rust sources of `src/ffi` (see `api.rs`):
//! - `include/vtkwire-api.json`: the machine-readable description of the C API;
//! - `include/vtkwire.h` and `include/vtkwire_mpi.h` (cbindgen, pinned);
//! - `src/ffi/twins.rs`: the `_f` twins (an `MPI_Fint` for each `MPI_Comm`);
//! - `bindings/fortran/vtkwire_c.f90`, `vtkwire_gen.f90`, `vtkwire_mpi.f90`: Fortran;
//! - `python/vtkwire/_api.py`: the ctypes prototypes and constants.
//!
//! `cargo run -p xtask -- gen --check` regenerates into memory and fails on any difference, on
//! an export without its `# Ownership`, `# Errors`, `# Safety` (and `# MPI`) doc sections, and
//! on an export the C++ header neither wraps nor lists as deliberately unwrapped.
//! `header [--check]` is the older name of `gen [--check]`.

mod api;
mod cpp;
mod fortran;
mod headers;
mod python;
mod twins;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // VTKWIRE_ROOT: another copy of the tree (tests/api/drift.sh edits one).
    let root = std::env::var_os("VTKWIRE_ROOT")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".."), PathBuf::from);
    let check = args.iter().any(|a| a == "--check");
    let result = match args.first().map(String::as_str) {
        Some("gen" | "header") => gen_all(&root, check),
        Some("api") => api::read(&root)
            .and_then(|a| serde_json::to_string_pretty(&a).map_err(|e| e.to_string()).map(|s| println!("{s}"))),
        _ => Err("usage: cargo run -p xtask -- gen [--check] | api".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Every generated file, in generation order (the twins first: the rest reads them back).
fn gen_all(root: &Path, check: bool) -> Result<(), String> {
    let mut stale = Vec::new();
    // The twins are Rust sources the other outputs are read from: settle them first.
    let api0 = api::read(root)?;
    let twins = twins::generate(root, &api0)?;
    stale.extend(write(root, "src/ffi/twins.rs", twins.as_bytes(), check)?);
    // Without --check, read again so the description includes the twins just written; with
    // --check a stale twins file has already been reported.
    let api = if check { api0 } else { api::read(root)? };

    let mut problems = Vec::new();
    for f in &api.functions {
        let missing = api::missing_sections(f);
        if !missing.is_empty() {
            problems.push(format!("{} ({}): no `# {}` doc section", f.name, f.source, missing.join("`, `# ")));
        }
    }
    problems.extend(cpp::check(root, &api)?);

    let mut json = serde_json::to_string_pretty(&api).map_err(|e| e.to_string())?;
    json.push('\n');
    stale.extend(write(root, "include/vtkwire-api.json", json.as_bytes(), check)?);
    for (path, text) in headers::generate(root, &api)? {
        stale.extend(write(root, &path, &text, check)?);
    }
    let (fortran_files, fortran_problems) = fortran::generate(root, &api)?;
    problems.extend(fortran_problems);
    for (path, text) in fortran_files {
        stale.extend(write(root, &path, text.as_bytes(), check)?);
    }
    stale.extend(write(root, "python/vtkwire/_api.py", python::generate(&api)?.as_bytes(), check)?);

    if !problems.is_empty() {
        return Err(format!("{} problem(s) in the API:\n  {}", problems.len(), problems.join("\n  ")));
    }
    if !stale.is_empty() {
        return Err(format!("generated files are out of date: {} (run `cargo run -p xtask -- gen`)", stale.join(", ")));
    }
    if check {
        println!("generated files are up to date ({} exports)", api.functions.len());
    }
    Ok(())
}

/// Writes `text` to `root/path` if it differs; with `check`, only reports the difference.
fn write(root: &Path, path: &str, text: &[u8], check: bool) -> Result<Option<String>, String> {
    let full = root.join(path);
    let old = std::fs::read(&full).unwrap_or_default();
    if old == text {
        return Ok(None);
    }
    if check {
        return Ok(Some(path.to_owned()));
    }
    if let Some(dir) = full.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(&full, text).map_err(|e| format!("writing {}: {e}", full.display()))?;
    println!("wrote {path}");
    Ok(None)
}
