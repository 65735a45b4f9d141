//! Every parse path is linear in its input (issue 10, class 6): for each pathological shape,
//! doubling the input must not quadruple the work of `read_file_bytes`.
//!
//! Work is counted, not timed: the inputs are parsed by this test binary run under valgrind's
//! callgrind (`child_entry`), which counts the instructions executed inside `read_file_bytes`
//! only (`--toggle-collect` on `read_file_bytes_with`, the one function every read goes through: a
//! pattern that also matched the `read_file_bytes` wrapper would toggle counting off again inside it) and dumps the count after each call (`--dump-after`). The counts
//! are exact and do not depend on the load of the machine. A linear parse gives a ratio of about
//! 2 between the two sizes; the two quadratic paths this guards against (INFORMATION entries ×
//! the title's exotic keys, title tokens × arrays) gave about 4. Needs `valgrind` (installed by
//! `scripts/setup.sh`); without it the test prints a skip notice, or fails when `CI` is set.

use std::path::{Path, PathBuf};
use std::process::Command;

use vtkwire::legacy::{marshal, read_file_bytes, write_file_bytes};
use vtkwire::model::*;

const LIST_ENV: &str = "VTKWIRE_LINEAR_LIST";

/// Largest accepted ratio of work between an input and the one twice its size.
const MAX_RATIO: f64 = 2.6;

fn float_array(name: &str, values: usize) -> DataArray {
    DataArray::from_vec(Some(name), 1, (0..values).map(|i| i as f32).collect::<Vec<f32>>()).unwrap()
}

fn table_with_field(arrays: Vec<DataArray>) -> DataObject {
    let mut field = Attributes::new();
    for a in arrays {
        field.add(a);
    }
    DataObject::Table(Table { field_data: field, ..Table::default() })
}

/// One array with `n` information entries, every other one NaN (kept in `Q` title tokens,
/// put back among the METADATA entries when read).
fn info_entries(n: usize) -> DataObject {
    let mut a = float_array("a", 1);
    for j in 0..n {
        let value =
            if j % 2 == 0 { InfoValue::Double(f64::NAN) } else { InfoValue::Integer(i32::try_from(j).unwrap()) };
        a.info.push(InfoEntry { name: format!("K{j}"), location: "vtkDataArray".into(), value });
    }
    table_with_field(vec![a])
}

/// `n` arrays, each with one exotic information entry (one title token per array).
fn tokens_by_arrays(n: usize) -> DataObject {
    table_with_field(
        (0..n)
            .map(|k| {
                let mut a = float_array(&format!("a{k}"), 1);
                a.info.push(InfoEntry { name: "X".into(), location: "L".into(), value: InfoValue::Double(f64::NAN) });
                a
            })
            .collect(),
    )
}

/// `n` plain arrays in a table's row data.
fn many_arrays(n: usize) -> DataObject {
    let mut rows = Attributes::new();
    for k in 0..n {
        rows.add(float_array(&format!("c{k}"), 4));
    }
    DataObject::Table(Table { row_data: rows, ..Table::default() })
}

/// Poly data with `n` triangles over `n + 2` points.
fn many_cells(n: usize) -> DataObject {
    let points = DataArray::from_vec(None, 3, (0..3 * (n + 2)).map(|i| i as f32).collect::<Vec<f32>>()).unwrap();
    let n = i64::try_from(n).unwrap();
    let offsets: Vec<i64> = (0..=n).map(|i| 3 * i).collect();
    let conn: Vec<i64> = (0..n).flat_map(|i| [i, i + 1, i + 2]).collect();
    let mut pd = PolyData { points: Some(points), ..PolyData::default() };
    pd.cells[PolyCells::Polys as usize] = CellArray::new(offsets.into(), conn.into()).unwrap();
    DataObject::PolyData(pd)
}

/// Multiblocks nested `n` deep, each level with a small field array.
fn deep(n: usize) -> DataObject {
    let mut o = table_with_field(vec![float_array("leaf", 8)]);
    for d in 0..n {
        let mut field = Attributes::new();
        field.add(float_array(&format!("level{d}"), 8));
        o = DataObject::MultiBlock(MultiBlock {
            blocks: vec![Block { name: Some(format!("b{d}")), object: Some(Box::new(o)) }],
            field_data: field,
        });
    }
    o
}

/// `n` children in one multiblock.
fn wide(n: usize) -> DataObject {
    let blocks = (0..n).map(|i| Block { name: Some(format!("child {i}")), object: None }).collect();
    DataObject::MultiBlock(MultiBlock { blocks, ..MultiBlock::default() })
}

/// Names of `n` characters (with characters that are percent-encoded): an array name, a block
/// name, a component name and a string value.
fn long_names(n: usize) -> DataObject {
    let long: String = "ab c%é\"".chars().cycle().take(n).collect();
    let mut a = float_array(&long, 1);
    a.component_names = Some(vec![long.clone()]);
    let s = DataArray::strings(Some("s"), vec![long.clone()]);
    let mb = MultiBlock {
        blocks: vec![Block {
            name: Some(long.replace('\n', " ")),
            object: Some(Box::new(table_with_field(vec![a, s]))),
        }],
        ..MultiBlock::default()
    };
    DataObject::MultiBlock(mb)
}

struct Shape {
    name: &'static str,
    build: fn(usize) -> DataObject,
    n: usize,
    /// Read it as an ASCII file instead of marshaled bytes.
    ascii: bool,
}

const SHAPES: [Shape; 9] = [
    Shape { name: "INFORMATION entries with exotic keys", build: info_entries, n: 3000, ascii: false },
    Shape { name: "title tokens x arrays", build: tokens_by_arrays, n: 3000, ascii: false },
    Shape { name: "many arrays", build: many_arrays, n: 3000, ascii: false },
    Shape { name: "many cells (binary)", build: many_cells, n: 40_000, ascii: false },
    Shape { name: "many cells (ASCII)", build: many_cells, n: 10_000, ascii: true },
    Shape { name: "deep nesting", build: deep, n: 30, ascii: false },
    Shape { name: "many children", build: wide, n: 4000, ascii: false },
    Shape { name: "long names (binary)", build: long_names, n: 100_000, ascii: false },
    Shape { name: "long names (ASCII)", build: long_names, n: 100_000, ascii: true },
];

fn bytes_of(shape: &Shape, n: usize) -> Vec<u8> {
    let obj = (shape.build)(n);
    let encode =
        |o: &DataObject| if shape.ascii { write_file_bytes(o, false).unwrap() } else { marshal(Some(o)).unwrap() };
    let bytes = encode(&obj);
    // The inputs are valid: what the child parses is what was built (compared through its
    // bytes: NaN information values are not equal to themselves).
    assert!(encode(&read_file_bytes(&bytes).unwrap()) == bytes, "{} at {n} does not round-trip", shape.name);
    bytes
}

fn valgrind_available() -> bool {
    Command::new("valgrind").arg("--version").output().is_ok_and(|o| o.status.success())
}

/// The parse under callgrind: reads the list of input files and parses each once.
#[test]
#[ignore = "entry point of the child process that test_linear_work runs under callgrind"]
fn child_entry() {
    let Ok(list) = std::env::var(LIST_ENV) else { return };
    for path in std::fs::read_to_string(list).expect("list").lines() {
        let bytes = std::fs::read(path).expect("input");
        let obj = read_file_bytes(std::hint::black_box(&bytes));
        assert!(obj.is_ok(), "{path}: {:?}", obj.err());
    }
}

/// The instruction count of one callgrind dump (`totals:` or `summary:` line).
fn dump_total(path: &Path) -> u64 {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .find_map(|l| l.strip_prefix("totals:").or_else(|| l.strip_prefix("summary:")))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{}: no totals", path.display()))
}

#[test]
fn test_linear_work() {
    if !valgrind_available() {
        assert!(std::env::var_os("CI").is_none(), "valgrind is required in CI");
        eprintln!("skipped: valgrind is not installed");
        return;
    }
    let dir = std::env::temp_dir().join(format!("vtkwire-linear-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files: Vec<PathBuf> = Vec::new();
    let mut sizes = Vec::new();
    for (i, shape) in SHAPES.iter().enumerate() {
        for (j, n) in [shape.n, 2 * shape.n].into_iter().enumerate() {
            let bytes = bytes_of(shape, n);
            sizes.push(bytes.len());
            let p = dir.join(format!("in-{i}-{j}.bin"));
            std::fs::write(&p, &bytes).unwrap();
            files.push(p);
        }
    }
    let list = dir.join("list.txt");
    std::fs::write(&list, files.iter().map(|p| format!("{}\n", p.display())).collect::<String>()).unwrap();
    let out_base = dir.join("callgrind.out");
    let out = Command::new("valgrind")
        .args([
            "--tool=callgrind",
            "--collect-atstart=no",
            "--toggle-collect=*legacy::read_file_bytes_with",
            "--dump-after=*legacy::read_file_bytes_with",
            &format!("--callgrind-out-file={}", out_base.display()),
        ])
        .arg(std::env::current_exe().unwrap())
        .args(["--exact", "child_entry", "--ignored", "--test-threads=1", "-q"])
        .env(LIST_ENV, &list)
        .env("MIMALLOC_ARENA_RESERVE", "0")
        .output()
        .expect("valgrind");
    assert!(
        out.status.success(),
        "callgrind run failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // Dumps are numbered in call order: <base>.1, <base>.2, ... (the last, at exit, is empty).
    let counts: Vec<u64> = (1..=files.len()).map(|k| dump_total(&dir.join(format!("callgrind.out.{k}")))).collect();
    let mut worst: Vec<String> = Vec::new();
    for (i, shape) in SHAPES.iter().enumerate() {
        let (a, b) = (counts[2 * i], counts[2 * i + 1]);
        let ratio = b as f64 / a as f64;
        println!(
            "{:40} {:>9} -> {:>9} bytes: {:>12} -> {:>12} instructions, ratio {ratio:.2}",
            shape.name,
            sizes[2 * i],
            sizes[2 * i + 1],
            a,
            b
        );
        if ratio > MAX_RATIO {
            worst.push(format!("{}: ratio {ratio:.2}", shape.name));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(worst.is_empty(), "work grows faster than the input: {worst:?}");
}
