//! The C++ headers (`include/vtkwire.hpp`, `include/vtkwire_mpi.hpp`) are hand-written RAII
//! classes over the C API. This check keeps them complete: every export must be called from one
//! of them, or be listed there on a `vtkwire-unwrapped: NAME (reason)` line (`*_f` stands for
//! every Fortran twin). The compiler checks the signatures: the C++ headers call the C
//! functions declared by the generated C headers.

use std::path::Path;

use crate::api::Api;

const HEADERS: &[&str] = &["include/vtkwire.hpp", "include/vtkwire_mpi.hpp"];

pub fn check(root: &Path, api: &Api) -> Result<Vec<String>, String> {
    let mut code = String::new();
    let mut unwrapped: Vec<String> = Vec::new();
    for h in HEADERS {
        let text = std::fs::read_to_string(root.join(h)).map_err(|e| format!("{h}: {e}"))?;
        for line in text.lines() {
            if let Some(rest) = line.split("vtkwire-unwrapped:").nth(1) {
                let name = rest.split_whitespace().next().unwrap_or_default();
                unwrapped.push(name.to_owned());
            } else if !line.trim_start().starts_with("//") {
                code.push_str(line);
                code.push('\n');
            }
        }
    }
    let mut problems = Vec::new();
    for f in &api.functions {
        let listed = unwrapped.iter().any(|u| u == &f.name || (u == "*_f" && f.name.ends_with("_f")));
        let called = mentions(&code, &f.name);
        if listed && called {
            problems.push(format!("{}: listed as unwrapped in the C++ headers, but called there", f.name));
        } else if !listed && !called {
            problems.push(format!(
                "{}: not wrapped by include/vtkwire.hpp or vtkwire_mpi.hpp (wrap it, or list it on a `vtkwire-unwrapped:` line with the reason)",
                f.name
            ));
        }
    }
    for u in &unwrapped {
        if u != "*_f" && api.function(u).is_none() {
            problems.push(format!("C++ headers list `{u}` as unwrapped, but no such export exists"));
        }
    }
    Ok(problems)
}

/// `name` appears in `code` as a whole identifier (a call, or a function pointer).
fn mentions(code: &str, name: &str) -> bool {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    code.match_indices(name).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        let after = code[i + name.len()..].chars().next();
        !before.is_some_and(ident) && !after.is_some_and(ident)
    })
}
