//! The API description: every export of `src/ffi`, read from the Rust sources with `syn`.
//!
//! This is the one source every binding is generated from (`include/vtkwire-api.json` is its
//! serialized form). For each export it records the C signature, the role of each argument
//! (input, output, borrowed, owned...), its doc sections and the header it belongs to.
//!
//! Roles are inferred from the types and names, by these conventions:
//! - an argument named `out_*` is an output: `T **` of a handle is a new handle the caller owns
//!   (`out_owned`), `const T **` a view borrowed from an input (`out_borrowed`), `T *` a value
//!   or array written by the call (`out`);
//! - `const T *` is read during the call (`in`); a `const void *` of a `*_borrowed` function is
//!   kept after it (`retained`); a handle `T *` is modified (`inout`), and consumed by `*_free`;
//! - a few names are fixed-size arrays wherever they appear: `extent`/`box` (6), `origin`,
//!   `spacing` (3), `direction` (9), with or without `out_`.
//!
//! Where a convention does not fit, the export carries an annotation that the compiler drops and
//! this reader keeps: `#[cfg_attr(false, vtkwire(consumed(child), len(x = 3), nullable(name),
//! count(out_objs = out_capacity)))]` (`count`: a pointer to as many elements as another argument says).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use quote::ToTokens;
use serde::Serialize;
use syn::{Expr, FnArg, Item, Lit, Pat, Type, UnOp};

/// Source files whose exports make up the MPI header (`vtkwire_mpi.h`).
pub const MPI_SOURCES: &[&str] = &["mpi.rs", "comm.rs", "twins.rs"];
/// The generated `_f` twins (read back like the rest, so the description covers them).
pub const TWINS_FILE: &str = "twins.rs";

#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Scalar {
    I8,
    U8,
    I16,
    U16,
    I32,
    U32,
    I64,
    U64,
    Usize,
    F32,
    F64,
    Char,
}

impl Scalar {
    pub fn c(&self) -> &'static str {
        match self {
            Scalar::I8 => "int8_t",
            Scalar::U8 => "uint8_t",
            Scalar::I16 => "int16_t",
            Scalar::U16 => "uint16_t",
            Scalar::I32 => "int32_t",
            Scalar::U32 => "uint32_t",
            Scalar::I64 => "int64_t",
            Scalar::U64 => "uint64_t",
            Scalar::Usize => "size_t",
            Scalar::F32 => "float",
            Scalar::F64 => "double",
            Scalar::Char => "char",
        }
    }
}

/// A C type as the exports use them.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Ty {
    Void,
    Scalar {
        scalar: Scalar,
    },
    /// `vtkwire_status` (an `int32_t`).
    Status,
    /// An opaque vtkwire handle type (`vtkwire_object`...).
    Handle {
        name: String,
    },
    /// `MPI_Comm` (the C handle).
    MpiComm,
    /// `MPI_Fint` (a Fortran handle).
    MpiFint,
    Ptr {
        mutable: bool,
        to: Box<Ty>,
    },
}

impl Ty {
    /// The C spelling, e.g. `const struct vtkwire_array *`.
    pub fn c(&self) -> String {
        match self {
            Ty::Void => "void".into(),
            Ty::Scalar { scalar } => scalar.c().into(),
            Ty::Status => "vtkwire_status".into(),
            Ty::Handle { name } => format!("struct {name}"),
            Ty::MpiComm => "MPI_Comm".into(),
            Ty::MpiFint => "MPI_Fint".into(),
            Ty::Ptr { mutable, to } => {
                let inner = to.c();
                match (**to).clone() {
                    Ty::Ptr { .. } => {
                        if *mutable {
                            format!("{inner}*")
                        } else {
                            format!("{inner}const *")
                        }
                    }
                    _ => {
                        if *mutable {
                            format!("{inner} *")
                        } else {
                            format!("const {inner} *")
                        }
                    }
                }
            }
        }
    }

    pub fn pointee(&self) -> Option<&Ty> {
        match self {
            Ty::Ptr { to, .. } => Some(to),
            _ => None,
        }
    }
}

#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Passed by value.
    In,
    /// Read through the pointer during the call only.
    InPtr,
    /// A handle read during the call.
    Borrowed,
    /// Memory the result keeps pointing at after the call (`*_borrowed` functions).
    Retained,
    /// A handle the call modifies.
    Inout,
    /// A handle whose ownership passes to the library (`*_free`, `*_take`).
    Consumed,
    /// Written by the call (a value, an array, a caller's buffer).
    Out,
    /// A new handle or buffer the caller owns and frees.
    OutOwned,
    /// A view borrowed from an input, valid until that input is modified or freed.
    OutBorrowed,
}

#[derive(Serialize, Clone, Debug)]
pub struct Param {
    pub name: String,
    pub c: String,
    #[serde(rename = "type")]
    pub ty: Ty,
    pub role: Role,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub len: Option<usize>,
    /// For a pointer to an array whose length is another argument: that argument.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub nullable: bool,
    /// The Rust spelling of the type (for generated Rust code).
    #[serde(skip)]
    pub rust: String,
}

#[derive(Serialize, Clone, Debug, Default)]
pub struct Doc {
    pub summary: String,
    pub sections: BTreeMap<String, String>,
}

#[derive(Serialize, Clone, Debug)]
pub struct Function {
    pub name: String,
    pub header: &'static str,
    pub source: String,
    pub returns: Ty,
    pub returns_c: String,
    pub must_use: bool,
    pub params: Vec<Param>,
    pub doc: Doc,
    /// For an `_f` twin: the function it forwards to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub twin_of: Option<String>,
    /// The Rust module path of the function (`crate::ffi::array`).
    #[serde(skip)]
    pub module: String,
}

impl Function {
    pub fn is_mpi(&self) -> bool {
        self.header == "vtkwire_mpi.h"
    }
}

#[derive(Serialize, Clone, Debug)]
pub struct Constant {
    pub name: String,
    pub group: String,
    pub value: i64,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub doc: String,
}

#[derive(Serialize, Clone, Debug)]
pub struct Variant {
    pub name: String,
    pub value: i64,
    pub doc: String,
}

#[derive(Serialize, Clone, Debug)]
pub struct Enum {
    pub name: String,
    pub c_type: &'static str,
    pub doc: String,
    pub variants: Vec<Variant>,
}

#[derive(Serialize, Clone, Debug)]
pub struct Opaque {
    pub name: String,
    pub header: &'static str,
    pub doc: String,
    #[serde(skip)]
    pub module: String,
}

#[derive(Serialize, Clone, Debug)]
pub struct Api {
    pub generated_by: &'static str,
    pub version: String,
    pub constants: Vec<Constant>,
    pub enums: Vec<Enum>,
    pub types: Vec<Opaque>,
    pub functions: Vec<Function>,
}

impl Api {
    pub fn function(&self, name: &str) -> Option<&Function> {
        self.functions.iter().find(|f| f.name == name)
    }
}

type Res<T> = Result<T, String>;

/// Reads the API from the crate at `root`.
pub fn read(root: &Path) -> Res<Api> {
    let version = crate_version(root)?;
    let ffi = root.join("src/ffi");
    let mut files: Vec<PathBuf> = fs::read_dir(&ffi)
        .map_err(|e| format!("{}: {e}", ffi.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    let mut api = Api {
        generated_by: "cargo run -p xtask -- gen",
        version,
        constants: Vec::new(),
        enums: vec![status_enum(root)?],
        types: Vec::new(),
        functions: Vec::new(),
    };
    for path in &files {
        let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let file = syn::parse_file(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let module = format!("crate::ffi::{}", file_name.trim_end_matches(".rs"));
        let mpi_file = MPI_SOURCES.contains(&file_name.as_str());
        for item in &file.items {
            match item {
                Item::Fn(f) if is_export(&f.attrs) => {
                    let func = function(f, &file_name, &module, mpi_file)
                        .map_err(|e| format!("src/ffi/{file_name}: {}: {e}", f.sig.ident))?;
                    api.functions.push(func);
                }
                Item::Const(c) => {
                    let name = c.ident.to_string();
                    if !name.starts_with("VTKWIRE_") {
                        continue;
                    }
                    let value = int_value(&c.expr).ok_or_else(|| {
                        format!("src/ffi/{file_name}: {name}: the value must be an integer literal (C headers and bindings copy it)")
                    })?;
                    let group = name.split('_').nth(1).unwrap_or_default().to_owned();
                    api.constants.push(Constant { name, group, value, doc: doc_text(&c.attrs) });
                }
                Item::Struct(s) if s.ident.to_string().starts_with("vtkwire_") => {
                    let name = s.ident.to_string();
                    let header = if mpi_file { "vtkwire_mpi.h" } else { "vtkwire.h" };
                    api.types.push(Opaque { name, header, doc: doc_text(&s.attrs), module: module.clone() });
                }
                _ => {}
            }
        }
    }
    // Handles of MPI-only types put their functions in the MPI header too.
    let mpi_types: Vec<String> =
        api.types.iter().filter(|t| t.header == "vtkwire_mpi.h").map(|t| t.name.clone()).collect();
    for f in &mut api.functions {
        let uses_mpi = f.params.iter().any(|p| mentions_mpi(&p.ty, &mpi_types));
        if uses_mpi {
            f.header = "vtkwire_mpi.h";
        }
    }
    api.functions.sort_by_key(|f| f.header != "vtkwire.h");
    Ok(api)
}

fn mentions_mpi(t: &Ty, mpi_types: &[String]) -> bool {
    match t {
        Ty::MpiComm | Ty::MpiFint => true,
        Ty::Handle { name } => mpi_types.contains(name),
        Ty::Ptr { to, .. } => mentions_mpi(to, mpi_types),
        _ => false,
    }
}

fn crate_version(root: &Path) -> Res<String> {
    let toml = fs::read_to_string(root.join("Cargo.toml")).map_err(|e| format!("Cargo.toml: {e}"))?;
    toml.lines()
        .find_map(|l| l.strip_prefix("version = \"").and_then(|v| v.strip_suffix('"')))
        .map(str::to_owned)
        .ok_or_else(|| "Cargo.toml: no version".to_owned())
}

fn is_export(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|a| a.path().is_ident("unsafe") && a.to_token_stream().to_string().contains("no_mangle"))
}

fn int_value(e: &Expr) -> Option<i64> {
    match e {
        Expr::Lit(l) => match &l.lit {
            Lit::Int(i) => i.base10_parse().ok(),
            _ => None,
        },
        Expr::Unary(u) if matches!(u.op, UnOp::Neg(_)) => int_value(&u.expr).map(|v| -v),
        Expr::Group(g) => int_value(&g.expr),
        Expr::Paren(p) => int_value(&p.expr),
        _ => None,
    }
}

/// The `///` lines of an item, without the leading space.
pub fn doc_lines(attrs: &[syn::Attribute]) -> Vec<String> {
    let mut out = Vec::new();
    for a in attrs {
        if !a.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &a.meta
            && let Expr::Lit(l) = &nv.value
            && let Lit::Str(s) = &l.lit
        {
            let v = s.value();
            out.push(v.strip_prefix(' ').unwrap_or(&v).to_owned());
        }
    }
    out
}

fn doc_text(attrs: &[syn::Attribute]) -> String {
    doc_lines(attrs).join("\n").trim().to_owned()
}

fn parse_doc(lines: Vec<String>) -> Doc {
    let mut doc = Doc::default();
    let mut current: Option<String> = None;
    let mut buf: Vec<String> = Vec::new();
    let flush = |current: &Option<String>, buf: &mut Vec<String>, doc: &mut Doc| {
        let text = buf.join("\n").trim().to_owned();
        match current {
            None => doc.summary = text,
            Some(name) => {
                doc.sections.insert(name.clone(), text);
            }
        }
        buf.clear();
    };
    for l in lines {
        if let Some(h) = l.strip_prefix("# ") {
            flush(&current, &mut buf, &mut doc);
            current = Some(h.trim().to_owned());
        } else {
            buf.push(l);
        }
    }
    flush(&current, &mut buf, &mut doc);
    doc
}

/// The `vtkwire(...)` annotation of an export.
#[derive(Default)]
struct Annotation {
    consumed: Vec<String>,
    nullable: Vec<String>,
    len: Vec<(String, usize)>,
    count: Vec<(String, String)>,
}

fn annotation(attrs: &[syn::Attribute]) -> Res<Annotation> {
    use syn::ext::IdentExt;
    use syn::punctuated::Punctuated;
    let mut ann = Annotation::default();
    for a in attrs {
        if !a.path().is_ident("cfg_attr") {
            continue;
        }
        let metas = a
            .parse_args_with(|input: syn::parse::ParseStream| {
                let predicate = input.call(syn::Ident::parse_any)?;
                if predicate != "false" {
                    return Err(syn::Error::new(predicate.span(), "expected `cfg_attr(false, vtkwire(...))`"));
                }
                input.parse::<syn::Token![,]>()?;
                Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated(input)
            })
            .map_err(|e| format!("annotation: {e}"))?;
        for meta in metas {
            let syn::Meta::List(list) = meta else { continue };
            if !list.path.is_ident("vtkwire") {
                continue;
            }
            list.parse_nested_meta(|inner| {
                let key = inner.path.get_ident().map(ToString::to_string).unwrap_or_default();
                inner.parse_nested_meta(|arg| {
                    let name = arg.path.get_ident().map(ToString::to_string).unwrap_or_default();
                    match key.as_str() {
                        "consumed" => ann.consumed.push(name),
                        "nullable" => ann.nullable.push(name),
                        "len" => {
                            let lit: syn::LitInt = arg.value()?.parse()?;
                            ann.len.push((name, lit.base10_parse()?));
                        }
                        "count" => {
                            let other: syn::Ident = arg.value()?.parse()?;
                            ann.count.push((name, other.to_string()));
                        }
                        other => return Err(arg.error(format!("unknown vtkwire annotation `{other}`"))),
                    }
                    Ok(())
                })
            })
            .map_err(|e| format!("annotation: {e}"))?;
        }
    }
    Ok(ann)
}

fn rust_type(t: &Type) -> Res<Ty> {
    match t {
        Type::Ptr(p) => Ok(Ty::Ptr { mutable: p.mutability.is_some(), to: Box::new(rust_type(&p.elem)?) }),
        Type::Path(p) => {
            let last = p.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default();
            Ok(match last.as_str() {
                "i8" => Ty::Scalar { scalar: Scalar::I8 },
                "u8" => Ty::Scalar { scalar: Scalar::U8 },
                "i16" => Ty::Scalar { scalar: Scalar::I16 },
                "u16" => Ty::Scalar { scalar: Scalar::U16 },
                "i32" => Ty::Scalar { scalar: Scalar::I32 },
                "u32" => Ty::Scalar { scalar: Scalar::U32 },
                "i64" => Ty::Scalar { scalar: Scalar::I64 },
                "u64" => Ty::Scalar { scalar: Scalar::U64 },
                "usize" => Ty::Scalar { scalar: Scalar::Usize },
                "f32" => Ty::Scalar { scalar: Scalar::F32 },
                "f64" => Ty::Scalar { scalar: Scalar::F64 },
                "c_char" => Ty::Scalar { scalar: Scalar::Char },
                "c_void" => Ty::Void,
                "Status" => Ty::Status,
                "MPI_Comm" => Ty::MpiComm,
                "RSMPI_Fint" | "MPI_Fint" => Ty::MpiFint,
                name if name.starts_with("vtkwire_") => Ty::Handle { name: name.to_owned() },
                other => return Err(format!("type `{other}` is not one the bindings know")),
            })
        }
        Type::Tuple(t) if t.elems.is_empty() => Ok(Ty::Void),
        other => Err(format!("type `{}` is not one the bindings know", other.to_token_stream())),
    }
}

fn fixed_len(name: &str) -> Option<usize> {
    match name.strip_prefix("out_").unwrap_or(name) {
        "extent" | "box" => Some(6),
        "origin" | "spacing" => Some(3),
        "direction" => Some(9),
        _ => None,
    }
}

fn infer_role(func: &str, name: &str, ty: &Ty) -> Role {
    let Some(to) = ty.pointee() else { return Role::In };
    let mutable = matches!(ty, Ty::Ptr { mutable: true, .. });
    if name.starts_with("out_") {
        return match to {
            Ty::Ptr { mutable: false, .. } => Role::OutBorrowed,
            Ty::Ptr { mutable: true, .. } => Role::OutOwned,
            Ty::Handle { .. } => Role::OutOwned,
            _ => Role::Out,
        };
    }
    match (to, mutable) {
        (Ty::Handle { .. }, false) => Role::Borrowed,
        (Ty::Handle { .. }, true) if func.ends_with("_free") => Role::Consumed,
        (Ty::Handle { .. }, true) => Role::Inout,
        (Ty::Void, false) if func.ends_with("_borrowed") => Role::Retained,
        (_, false) => Role::InPtr,
        (_, true) if func.ends_with("_free") => Role::Consumed,
        (_, true) => Role::Out,
    }
}

fn function(f: &syn::ItemFn, file: &str, module: &str, mpi_file: bool) -> Res<Function> {
    let name = f.sig.ident.to_string();
    let ann = annotation(&f.attrs)?;
    let mut params = Vec::new();
    for arg in &f.sig.inputs {
        let FnArg::Typed(pt) = arg else { return Err("a method cannot be exported".into()) };
        let Pat::Ident(id) = &*pt.pat else { return Err("argument patterns must be plain names".into()) };
        let pname = id.ident.to_string().trim_start_matches("r#").to_owned();
        let ty = rust_type(&pt.ty)?;
        let mut role = infer_role(&name, &pname, &ty);
        if ann.consumed.contains(&pname) {
            role = Role::Consumed;
        }
        let len = ann.len.iter().find(|(n, _)| *n == pname).map(|(_, l)| *l).or_else(|| fixed_len(&pname));
        params.push(Param {
            c: ty.c(),
            rust: pt.ty.to_token_stream().to_string(),
            nullable: ann.nullable.contains(&pname),
            count: ann.count.iter().find(|(n, _)| *n == pname).map(|(_, c)| c.clone()),
            name: pname,
            ty,
            role,
            len,
        });
    }
    let counted = ann.count.iter().flat_map(|(a, b)| [a, b]);
    for n in ann.consumed.iter().chain(&ann.nullable).chain(ann.len.iter().map(|(n, _)| n)).chain(counted) {
        if !params.iter().any(|p| &p.name == n) {
            return Err(format!("annotation names `{n}`, which is not an argument"));
        }
    }
    let returns = match &f.sig.output {
        syn::ReturnType::Default => Ty::Void,
        syn::ReturnType::Type(_, t) => rust_type(t)?,
    };
    let must_use = f.attrs.iter().any(|a| a.path().is_ident("must_use"));
    let twin_of = if file == TWINS_FILE { name.strip_suffix("_f").map(str::to_owned) } else { None };
    Ok(Function {
        header: if mpi_file { "vtkwire_mpi.h" } else { "vtkwire.h" },
        source: format!("src/ffi/{file}"),
        returns_c: returns.c(),
        returns,
        must_use,
        params,
        doc: parse_doc(doc_lines(&f.attrs)),
        twin_of,
        module: module.to_owned(),
        name,
    })
}

fn status_enum(root: &Path) -> Res<Enum> {
    let path = root.join("src/error.rs");
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let file = syn::parse_file(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    for item in &file.items {
        if let Item::Enum(e) = item
            && e.ident == "Status"
        {
            let mut variants = Vec::new();
            for v in &e.variants {
                let value = v
                    .discriminant
                    .as_ref()
                    .and_then(|(_, d)| int_value(d))
                    .ok_or_else(|| format!("src/error.rs: Status::{}: needs an integer discriminant", v.ident))?;
                variants.push(Variant {
                    name: format!("VTKWIRE_STATUS_{}", screaming_snake(&v.ident.to_string())),
                    value,
                    doc: doc_text(&v.attrs),
                });
            }
            return Ok(Enum { name: "vtkwire_status".into(), c_type: "int32_t", doc: doc_text(&e.attrs), variants });
        }
    }
    Err("src/error.rs: no `enum Status`".into())
}

/// `NullArgument` → `NULL_ARGUMENT` (as cbindgen's `ScreamingSnakeCase`).
pub fn screaming_snake(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_uppercase());
    }
    out
}

/// The doc sections every export must have, and which are missing.
pub fn missing_sections(f: &Function) -> Vec<&'static str> {
    let mut need = vec!["Ownership", "Errors", "Safety"];
    if f.is_mpi() {
        need.push("MPI");
    }
    need.into_iter().filter(|s| !f.doc.sections.contains_key(*s)).collect()
}
