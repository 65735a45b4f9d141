//! `cargo bench --bench marshal`: marshal / unmarshal throughput on large objects, against a
//! memcpy of the same bytes (into an existing and into a new buffer) and (when /usr/bin/python3 has VTK) against VTK 9.1 itself.

use std::hint::black_box;
use std::process::Command;
use std::time::Instant;

use vtkwire::legacy::{marshal, marshal_into, marshaled_len, unmarshal};
use vtkwire::model::*;

fn hexes(n: usize) -> DataObject {
    let np = n + 1;
    let mut pts = Vec::with_capacity(3 * np * np * np);
    for k in 0..np {
        for j in 0..np {
            for i in 0..np {
                pts.extend_from_slice(&[i as f64, j as f64, k as f64]);
            }
        }
    }
    let id = |i: usize, j: usize, k: usize| (i + np * (j + np * k)) as i64;
    let mut conn = Vec::with_capacity(8 * n * n * n);
    let mut offsets = Vec::with_capacity(n * n * n + 1);
    offsets.push(0i64);
    for k in 0..n {
        for j in 0..n {
            for i in 0..n {
                conn.extend_from_slice(&[
                    id(i, j, k), id(i + 1, j, k), id(i + 1, j + 1, k), id(i, j + 1, k),
                    id(i, j, k + 1), id(i + 1, j, k + 1), id(i + 1, j + 1, k + 1), id(i, j + 1, k + 1),
                ]);
                offsets.push(conn.len() as i64);
            }
        }
    }
    let npts = np * np * np;
    let mut ug = UnstructuredGrid {
        points: Some(DataArray::from_vec(None, 3, pts).unwrap()),
        cells: CellArray::new(offsets.into(), conn.into()).unwrap(),
        cell_types: vec![12; n * n * n],
        ..UnstructuredGrid::default()
    };
    ug.point_data
        .add_with_role(DataArray::from_vec(Some("pressure"), 1, (0..npts).map(|i| i as f64 * 0.5).collect()).unwrap(), AttributeRole::Scalars)
        .unwrap();
    ug.point_data
        .add_with_role(DataArray::from_vec(Some("velocity"), 3, (0..3 * npts).map(|i| i as f32).collect()).unwrap(), AttributeRole::Vectors)
        .unwrap();
    DataObject::UnstructuredGrid(ug)
}

fn triangles(n: usize) -> DataObject {
    let np = n + 1;
    let pts: Vec<f32> = (0..np * np).flat_map(|p| [(p % np) as f32, (p / np) as f32, 0.0]).collect();
    let mut conn = Vec::with_capacity(6 * n * n);
    for j in 0..n {
        for i in 0..n {
            let a = (i + np * j) as i64;
            conn.extend_from_slice(&[a, a + 1, a + np as i64, a + 1, a + 1 + np as i64, a + np as i64]);
        }
    }
    let offsets: Vec<i64> = (0..=2 * n * n).map(|c| 3 * c as i64).collect();
    let mut pd = PolyData { points: Some(DataArray::from_vec(None, 3, pts).unwrap()), ..PolyData::default() };
    pd.cells[PolyCells::Polys as usize] = CellArray::new(offsets.into(), conn.into()).unwrap();
    DataObject::PolyData(pd)
}

fn image(n: i32) -> DataObject {
    let mut img = ImageData::new([0, n - 1, 0, n - 1, 0, n - 1], [0.0; 3], [1.0; 3]);
    let len = (n as usize).pow(3);
    img.point_data
        .add_with_role(DataArray::from_vec(Some("density"), 1, (0..len).map(|i| i as f32).collect()).unwrap(), AttributeRole::Scalars)
        .unwrap();
    DataObject::ImageData(img)
}

/// Runs every closure `reps` times, round-robin (so a noisy neighbour hurts all of them alike),
/// and returns the best time of each.
fn best_of(reps: usize, fs: &mut [&mut dyn FnMut()]) -> Vec<f64> {
    let mut best = vec![f64::INFINITY; fs.len()];
    for _ in 0..reps {
        for (b, f) in best.iter_mut().zip(fs.iter_mut()) {
            let t = Instant::now();
            f();
            *b = b.min(t.elapsed().as_secs_f64());
        }
    }
    best
}

fn main() {
    // VTKWIRE_BENCH_VTK=0 skips the comparison with VTK (e.g. when profiling vtkwire alone).
    let want_vtk = std::env::var("VTKWIRE_BENCH_VTK").map_or(true, |v| v != "0");
    let vtk = want_vtk
        && Command::new("/usr/bin/python3").args(["-c", "import vtkmodules.vtkParallelCore"]).output().is_ok_and(|o| o.status.success());
    let reps: usize = std::env::var("VTKWIRE_BENCH_REPS").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
    let dir = std::env::temp_dir().join(format!("vtkwire-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: Vec<(&str, &str, DataObject)> = vec![
        ("unstructured grid, 1M hexahedra", "vtkUnstructuredGrid", hexes(100)),
        // 2 * 707^2 = 999,698 triangles
        ("poly data, 1M triangles", "vtkPolyData", triangles(707)),
        ("image 256^3 float32", "vtkImageData", image(256)),
    ];
    // VTKWIRE_BENCH_PROFILE=<case 0..2>:<marshal|into|unmarshal> repeats one operation (for perf).
    if let Ok(spec) = std::env::var("VTKWIRE_BENCH_PROFILE") {
        let (case, op) = spec.split_once(':').expect("VTKWIRE_BENCH_PROFILE=<case>:<op>");
        let obj = &cases[case.parse::<usize>().expect("case index")].2;
        let bytes = marshal(Some(obj)).unwrap();
        let mut into = vec![0u8; bytes.len()];
        for _ in 0..reps {
            match op {
                "marshal" => drop(black_box(marshal(Some(obj)).unwrap())),
                "into" => drop(black_box(marshal_into(Some(obj), &mut into).unwrap())),
                _ => drop(black_box(unmarshal(&bytes).unwrap())),
            }
        }
        return;
    }
    println!(
        "{:<32} {:>6} {:>7} {:>7} {:>7} {:>7} {:>7} | {:>6} {:>6} {:>6} | {:>6} {:>6} | {:>7} {:>7}",
        "object", "MB", "memcpy", "alloc+", "marsh", "m_into", "unmar", "m/cp", "i/cp", "u/cp", "m/mc", "u/mc", "m:VTK", "u:VTK"
    );
    for (label, class, obj) in &cases {
        let bytes = marshal(Some(obj)).unwrap();
        assert_eq!(marshaled_len(Some(obj)).unwrap(), bytes.len());
        assert!(unmarshal(&bytes).unwrap().as_ref() == Some(obj));
        let mb = bytes.len() as f64 / 1e6;
        // Same byte count everywhere: a memcpy into a buffer that already exists (the
        // baseline of marshal_into), and a copy into a new buffer (the baseline of marshal and
        // unmarshal, which must hand back new memory: its page faults are part of the cost).
        let mut dst = vec![0u8; bytes.len()];
        let mut into = vec![0u8; bytes.len()];
        let t = best_of(
            reps,
            &mut [
                &mut || {
                    dst.copy_from_slice(&bytes);
                    black_box(&dst);
                },
                &mut || {
                    black_box(bytes.to_vec());
                },
                &mut || {
                    black_box(marshal(Some(obj)).unwrap());
                },
                &mut || {
                    black_box(marshal_into(Some(obj), &mut into).unwrap());
                },
                &mut || {
                    black_box(unmarshal(&bytes).unwrap());
                },
            ],
        );
        assert!(into == bytes);
        let (t_copy, t_alloc, t_m, t_i, t_u) = (t[0], t[1], t[2], t[3], t[4]);
        let mut vtk_cols = (String::from("-"), String::from("-"));
        if vtk {
            let path = dir.join(format!("{class}.bin"));
            std::fs::write(&path, &bytes).unwrap();
            let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/vtk/bench_vtk.py");
            if let Ok(out) = Command::new("/usr/bin/python3").arg(script).arg(class).arg(&path).output() {
                let s = String::from_utf8_lossy(&out.stdout);
                let v: Vec<f64> = s.split_whitespace().filter_map(|x| x.parse().ok()).collect();
                if v.len() == 2 {
                    vtk_cols = (format!("{:.1}x", v[0] / t_m), format!("{:.1}x", v[1] / t_u));
                }
            }
            let _ = std::fs::remove_file(&path);
        }
        println!(
            "{:<32} {:>6.1} {:>7.0} {:>7.0} {:>7.0} {:>7.0} {:>7.0} | {:>6.2} {:>6.2} {:>6.2} | {:>6.2} {:>6.2} | {:>7} {:>7}",
            label,
            mb,
            mb / t_copy,
            mb / t_alloc,
            mb / t_m,
            mb / t_i,
            mb / t_u,
            t_alloc / t_m,
            t_copy / t_i,
            t_alloc / t_u,
            t_copy / t_m,
            t_copy / t_u,
            vtk_cols.0,
            vtk_cols.1
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!("MB/s columns: memcpy = copy into an existing buffer, alloc+ = copy into a new buffer (to_vec),");
    println!("  marsh = marshal (new Vec), m_into = marshal_into (existing buffer), unmar = unmarshal.");
    println!("Ratios (baseline time / vtkwire time, same bytes, best of {reps}, round-robin in one run):");
    println!("  m/cp = marshal vs alloc+copy, i/cp = marshal_into vs memcpy, u/cp = unmarshal vs alloc+copy;");
    println!("  m/mc, u/mc = marshal, unmarshal vs memcpy into an existing buffer (no page faults: a bound");
    println!("  no allocating operation can reach on this machine). m:VTK, u:VTK = VTK time / vtkwire time.");
}
