//! Every input the fuzz targets (`fuzz/`, `scripts/fuzz.sh`) found, kept as a regression test.
//!
//! `tests/fuzz_regressions/MANIFEST` lists each saved input with what is expected of it and a
//! one-line diagnosis. Inputs of the `unmarshal` and `legacy_read` targets are fed here to
//! `vtkwire::legacy::unmarshal` / `read_file_bytes`, each in a child process (this test binary
//! again) with a 4 GiB address-space limit and a time limit, so that an abort, an allocation bomb
//! or a hang is reported with the file's name instead of taking the test run down. The child
//! must exit cleanly, print nothing on stderr (no panic message, caught or not), and pass the fuzz
//! targets' own checks (`fuzz/src/oracle.rs`): an error carries a message, and a decoded object
//! marshals (or fails softly) and reads back from its own bytes bit for bit. `error` entries must
//! be refused.
//!
//! `roundtrip` and `mpi_decode` inputs are generator bytes and MPI message sequences: they replay
//! with the fuzz binaries (`scripts/fuzz.sh --regressions`); the objects they built are written
//! out below as plain Rust tests.

#[path = "../fuzz/src/exact.rs"]
#[allow(dead_code)]
mod exact;
#[path = "../fuzz/src/oracle.rs"]
#[allow(dead_code)]
mod oracle;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use vtkwire::legacy;
use vtkwire::model::{Attributes, DataArray, DataObject, ImageData, InfoEntry, InfoValue, PolyCells, PolyData, Table};

const CHILD_ENV: &str = "VTKWIRE_FUZZ_REGRESSION_INPUT";
const TIME_LIMIT: Duration = Duration::from_secs(30);
/// Address-space limit of a child (KiB): far above what any regression input justifies.
const ADDRESS_SPACE_KIB: u64 = 4 << 20;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions")
}

struct Entry {
    path: String,
    expect: String,
    diagnosis: String,
}

fn manifest() -> Vec<Entry> {
    let text = std::fs::read_to_string(dir().join("MANIFEST")).expect("tests/fuzz_regressions/MANIFEST");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (path, rest) = l.trim().split_once(char::is_whitespace).unwrap_or((l, ""));
            let (expect, diagnosis) = rest.trim().split_once(char::is_whitespace).unwrap_or((rest.trim(), ""));
            Entry { path: path.to_owned(), expect: expect.to_owned(), diagnosis: diagnosis.trim().to_owned() }
        })
        .collect()
}

/// Child side: decode one input, print `RESULT ok` or `RESULT fail: …` on stdout.
fn check_one(path: &str, expect: &str) -> Result<(), String> {
    let bytes = std::fs::read(dir().join(path)).map_err(|e| format!("{path}: {e}"))?;
    let (what, result, files) = if path.starts_with("unmarshal/") {
        ("unmarshal", legacy::unmarshal(&bytes), false)
    } else if path.starts_with("legacy_read/") {
        ("read_file_bytes", legacy::read_file_bytes(&bytes).map(Some), true)
    } else {
        return Err(format!("{path}: not an unmarshal/ or legacy_read/ input"));
    };
    if expect == "error" && result.is_ok() {
        return Err(format!("{what} accepted an input that must be refused"));
    }
    oracle::decoded(what, result, files)
}

/// Runs in the child processes only (the parent test sets the variable).
#[test]
fn child() {
    let Ok(spec) = std::env::var(CHILD_ENV) else { return };
    let (path, expect) = spec.split_once(' ').unwrap_or((&spec, "any"));
    match check_one(path, expect) {
        Ok(()) => println!("RESULT ok"),
        Err(m) => println!("RESULT fail: {m}"),
    }
}

/// Parent side: one child per input; returns a failure description.
fn run_child(e: &Entry) -> Option<String> {
    let exe = std::env::current_exe().expect("test binary");
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {ADDRESS_SPACE_KIB} && exec \"$0\" \"$@\""))
        .arg(&exe)
        .args(["--exact", "child", "--nocapture", "--test-threads=1", "-q"])
        .env(CHILD_ENV, format!("{} {}", e.path, e.expect))
        .env("RUST_BACKTRACE", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the child test");
    let start = Instant::now();
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break st;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Some(format!("still running after {} s (hang or super-linear parse)", TIME_LIMIT.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let (mut out, mut err) = (String::new(), String::new());
    child.stdout.take().map(|mut s| s.read_to_string(&mut out));
    child.stderr.take().map(|mut s| s.read_to_string(&mut err));
    let result = out.lines().find_map(|l| l.strip_prefix("RESULT ")).map(str::to_owned);
    if !status.success() || result.is_none() {
        let tail: String = err.chars().rev().take(600).collect::<Vec<_>>().into_iter().rev().collect();
        return Some(format!("the process died ({status}): {tail}"));
    }
    if let Some(r) = result.as_deref().and_then(|r| r.strip_prefix("fail: ")) {
        return Some(r.chars().take(2000).collect());
    }
    if !err.trim().is_empty() {
        return Some(format!("wrote to stderr: {}", err.chars().take(600).collect::<String>()));
    }
    None
}

#[test]
fn saved_inputs_are_refused_or_round_trip() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let entries = manifest();
    // Every saved input is listed (with its diagnosis), and every listed input exists.
    let mut on_disk = Vec::new();
    for sub in ["unmarshal", "legacy_read", "roundtrip", "mpi_decode"] {
        for f in std::fs::read_dir(dir().join(sub)).into_iter().flatten().flatten() {
            on_disk.push(format!("{sub}/{}", f.file_name().to_string_lossy()));
        }
    }
    for f in &on_disk {
        assert!(entries.iter().any(|e| &e.path == f), "{f} is not listed in tests/fuzz_regressions/MANIFEST");
    }
    let mut failures = Vec::new();
    let mut ran = 0;
    for e in &entries {
        assert!(on_disk.contains(&e.path), "MANIFEST lists {} but the file is missing", e.path);
        assert!(["error", "any", "replay"].contains(&e.expect.as_str()), "{}: bad expectation {}", e.path, e.expect);
        assert!(!e.diagnosis.is_empty(), "{}: no diagnosis in MANIFEST", e.path);
        if e.expect == "replay" {
            continue; // generator bytes / MPI sequences: the fuzz binaries replay them
        }
        ran += 1;
        if let Some(f) = run_child(e) {
            failures.push(format!("{} ({}):\n  {f}", e.path, e.diagnosis));
        }
    }
    assert!(ran > 0, "no decodable regression input");
    assert!(failures.is_empty(), "{} of {ran} regression inputs fail:\n{}", failures.len(), failures.join("\n"));
}

// ---- objects the round-trip target built, as plain tests ----------------------------------

/// `marshal` must refuse `obj` with a message, or give back the same object from its bytes.
fn assert_refused_or_round_trips(obj: &DataObject) {
    if let Err(e) = oracle::marshal_roundtrip(obj) {
        panic!("{e}");
    }
    if let Err(e) = oracle::file_roundtrip(obj) {
        panic!("{e}");
    }
}

fn with_info(name: &str, location: &str) -> DataObject {
    let mut a = DataArray::from_vec(Some("a"), 1, vec![1.5f32]).unwrap();
    a.info.push(InfoEntry { name: name.into(), location: location.into(), value: InfoValue::Integer(7) });
    let mut pd = PolyData { points: Some(DataArray::from_vec(None, 3, vec![0f32; 3]).unwrap()), ..Default::default() };
    pd.point_data.add(a);
    DataObject::PolyData(pd)
}

/// F1: an information entry with an empty key name (roundtrip/f1-info-empty-name) was written as
/// `NAME  LOCATION vtkDataArray`, which the reader refuses. VTK's keys always have both, so
/// marshal and write refuse an empty one, naming the entry.
#[test]
fn f1_information_entry_with_an_empty_name() {
    assert_refused_or_round_trips(&with_info("", "vtkDataArray"));
    let e = legacy::marshal(Some(&with_info("", "vtkDataArray"))).unwrap_err();
    assert!(e.message.contains("information entry 0 has an empty key name"), "{e:?}");
}

/// F1, the location side: `NAME k LOCATION ` (empty location).
#[test]
fn f1_information_entry_with_an_empty_location() {
    assert_refused_or_round_trips(&with_info("UNITS_LABEL", ""));
    let e = legacy::marshal(Some(&with_info("UNITS_LABEL", ""))).unwrap_err();
    assert!(e.message.contains("information entry 0 has an empty key location"), "{e:?}");
}

/// Issue 10 class 8, as the fuzzer met it (unmarshal/c8-metadata-array-name.bin): an array named
/// METADATA (any case) after another array, in field data, in cell data and in a table; F2
/// (roundtrip/f2-metadata-name-prefix): names that only begin with it.
#[test]
fn c8_f2_array_named_metadata_after_another() {
    for name in ["METADATA", "MetaData", "metadata", "metadatae?b", "METADATA 2"] {
        let arrays = || {
            Attributes::from_parts(
                vec![
                    DataArray::from_vec(Some("first"), 1, vec![1i16, 2, 3]).unwrap(),
                    DataArray::from_vec(Some(name), 1, vec![4i16, 5, 6]).unwrap(),
                ],
                [None; 8],
            )
            .unwrap()
        };
        let mut img = ImageData::new([0, 0, 0, 2, 0, 0], [0.0; 3], [1.0; 3]);
        img.field_data = arrays();
        assert_refused_or_round_trips(&DataObject::ImageData(img));
        let mut pd =
            PolyData { points: Some(DataArray::from_vec(None, 3, vec![0f32; 9]).unwrap()), ..Default::default() };
        pd.cells[PolyCells::Verts as usize] =
            vtkwire::model::CellArray::new(vec![0i64, 1, 2, 3].into(), vec![0i64, 1, 2].into()).unwrap();
        pd.cell_data = arrays();
        assert_refused_or_round_trips(&DataObject::PolyData(pd));
        assert_refused_or_round_trips(&DataObject::Table(Table { row_data: arrays(), ..Default::default() }));
    }
}

/// F4 (legacy_read/f4-null-array-name-prefix.vtk): a field-data array whose name begins with
/// NULL_ARRAY, first and after another array.
#[test]
fn f4_array_named_like_the_null_array_marker() {
    for name in ["NULL_ARRAY", "NULL_ARRAYNAME:", "null_array x"] {
        for first in [true, false] {
            let mut arrays = vec![DataArray::from_vec(Some(name), 1, vec![7i32, 8]).unwrap()];
            if !first {
                arrays.insert(0, DataArray::from_vec(Some("a"), 1, vec![1.5f64]).unwrap());
            }
            let t = Table { field_data: Attributes::from_parts(arrays, [None; 8]).unwrap(), ..Default::default() };
            assert_refused_or_round_trips(&DataObject::Table(t));
        }
    }
}
