//! Seeds written by vtkwire itself, next to the VTK-written ones (`fuzz/seeds/vtk_seeds.py`):
//!
//! * objects from [`vtkwire_fuzz::build`] fed with deterministic pseudo-random bytes: their
//!   marshaled bytes (→ `unmarshal/`), BINARY and ASCII files (→ `legacy_read/`), and the
//!   generator inputs themselves (→ `roundtrip/`);
//! * every marshaled buffer in `unmarshal/` wrapped as VTK's MPI message sequence of an object
//!   receive (→ `mpi_decode/`), and the arrays of those objects as array receives.
//!
//! Usage: `make_seeds CORPUS_ROOT [COUNT]` (the corpus root holds one directory per target).
//! Not a fuzz target: it does not link libFuzzer.

use std::fs;
use std::path::Path;

use arbitrary::Unstructured;
use vtkwire::legacy;
use vtkwire::model::{Association, DataArray, DataObject};
use vtkwire::mpi::protocol::ArrayWire;
use vtkwire_fuzz::build;

/// xorshift64*: deterministic bytes, so the seeds are reproducible.
fn bytes(seed: u64, n: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..n)
        .map(|_| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            x.wrapping_mul(0x2545_F491_4F6C_DD1D).to_be_bytes()[0]
        })
        .collect()
}

fn write(dir: &Path, name: &str, b: &[u8]) {
    if let Err(e) = fs::write(dir.join(name), b) {
        eprintln!("make_seeds: writing {}: {e}", dir.join(name).display());
        std::process::exit(1);
    }
}

/// One framed message of the mpi_decode input format (u16 LE length + payload).
fn msg(out: &mut Vec<u8>, payload: &[u8]) -> bool {
    let Ok(n) = u16::try_from(payload.len()) else { return false };
    out.extend_from_slice(&n.to_le_bytes());
    out.extend_from_slice(payload);
    true
}

fn ints(v: &[i32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_ne_bytes()).collect()
}

/// §4.2 messages #2..#7 for one array (`None` if a message would not fit the format).
fn array_body(out: &mut Vec<u8>, w: &ArrayWire<'_>) -> Option<()> {
    let name_len = i32::try_from(w.name.len()).ok()?;
    let ok = msg(out, &ints(&[w.code]))
        && msg(out, &w.tuples.to_ne_bytes())
        && msg(out, &ints(&[w.comps]))
        && msg(out, &ints(&[name_len]))
        && (w.name.is_empty() || msg(out, &w.name))
        && (w.bytes.is_empty() || msg(out, w.bytes));
    ok.then_some(())
}

fn object_receive(code: i32, marshaled: &[u8]) -> Option<Vec<u8>> {
    let mut out = vec![0u8];
    let ok = msg(&mut out, &ints(&[0, 1077])) && msg(&mut out, &ints(&[code])) && msg(&mut out, &ints(&[0, 2077]));
    if !ok {
        return None;
    }
    array_body(&mut out, &ArrayWire::chars(marshaled))?;
    Some(out)
}

fn array_receive(a: &DataArray) -> Option<Vec<u8>> {
    let w = ArrayWire::of(a).ok()?;
    let mut out = vec![1u8];
    if !msg(&mut out, &ints(&[0, 1042])) {
        return None;
    }
    array_body(&mut out, &w)?;
    Some(out)
}

fn arrays(o: &DataObject) -> Vec<DataArray> {
    Association::ALL.iter().filter_map(|a| o.attributes(*a)).flat_map(|a| a.arrays().to_vec()).collect()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(root) = args.get(1).map(Path::new) else {
        eprintln!("usage: make_seeds CORPUS_ROOT [COUNT]");
        std::process::exit(2);
    };
    let count: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(400);
    let dirs = ["unmarshal", "legacy_read", "roundtrip", "mpi_decode"].map(|d| root.join(d));
    for d in &dirs {
        if let Err(e) = fs::create_dir_all(d) {
            eprintln!("make_seeds: {}: {e}", d.display());
            std::process::exit(1);
        }
    }
    let [unm, file, rt, mpi] = &dirs;
    let (mut objects, mut kept) = (0, 0);
    for seed in 0..count {
        let input = bytes(seed, 64 + usize::try_from(seed % 8).unwrap_or(0) * 256);
        let Ok(obj) = build::object(&mut Unstructured::new(&input), 0) else { continue };
        objects += 1;
        // Keep only objects vtkwire accepts: their bytes are what a mutator should start from.
        let Ok(m) = legacy::marshal(Some(&obj)) else { continue };
        kept += 1;
        write(rt, &format!("vtkwire_{seed}"), &input);
        write(unm, &format!("vtkwire_{seed}.bin"), &m);
        for (ext, binary) in [("b.vtk", true), ("a.vtk", false)] {
            if let Ok(f) = legacy::write_file_bytes(&obj, binary) {
                write(file, &format!("vtkwire_{seed}.{ext}"), &f);
            }
        }
    }
    // MPI sequences from every marshaled buffer of the unmarshal corpus (VTK's and vtkwire's).
    let mut wrapped = 0;
    let mut entries: Vec<_> = fs::read_dir(unm).map(|r| r.flatten().map(|e| e.path()).collect()).unwrap_or_default();
    entries.sort();
    for path in entries {
        let Ok(b) = fs::read(&path) else { continue };
        let Ok(Some(obj)) = legacy::unmarshal(&b) else { continue };
        let stem = path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if let Some(seq) = object_receive(obj.type_code(), &b) {
            write(mpi, &format!("object_{stem}"), &seq);
            wrapped += 1;
        }
        for (i, a) in arrays(&obj).iter().enumerate().take(4) {
            if let Some(seq) = array_receive(a) {
                write(mpi, &format!("array_{stem}_{i}"), &seq);
                wrapped += 1;
            }
        }
    }
    println!("make_seeds: {objects} objects generated, {kept} marshaled, {wrapped} MPI sequences");
}
