//! Developer tasks. `cargo run -p xtask -- header` regenerates `include/vtkwire.h` with the
//! pinned cbindgen; `cargo run -p xtask -- header --check` fails if the checked-in header differs.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    match args.first().map(String::as_str) {
        Some("header") => {
            let check = args.iter().any(|a| a == "--check");
            let config = match cbindgen::Config::from_file(root.join("cbindgen.toml")) {
                Ok(c) => c,
                Err(e) => {
                    eprintln!("xtask: cbindgen.toml: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let bindings = match cbindgen::Builder::new().with_crate(&root).with_config(config).generate() {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("xtask: cbindgen failed: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let mut out = Vec::new();
            bindings.write(&mut out);
            let path = root.join("include/vtkwire.h");
            let old = std::fs::read(&path).unwrap_or_default();
            if check {
                if old != out {
                    eprintln!("xtask: include/vtkwire.h is out of date: run `cargo run -p xtask -- header`");
                    return ExitCode::FAILURE;
                }
                println!("include/vtkwire.h is up to date");
            } else if old != out {
                if let Err(e) = std::fs::write(&path, &out) {
                    eprintln!("xtask: writing {}: {e}", path.display());
                    return ExitCode::FAILURE;
                }
                println!("wrote {}", path.display());
            }
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: cargo run -p xtask -- header [--check]");
            ExitCode::FAILURE
        }
    }
}
