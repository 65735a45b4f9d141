//! `cargo bench --bench marshal`: marshal / unmarshal throughput on large objects, against a
//! memcpy of the same bytes and (when /usr/bin/python3 has VTK) against VTK 9.1 itself.

use std::hint::black_box;
use std::process::Command;
use std::time::Instant;

use vtkwire::legacy::{marshal, unmarshal};
use vtkwire::model::*;

fn best<T>(reps: usize, mut f: impl FnMut() -> T) -> f64 {
    (0..reps)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

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
    let mut ug = UnstructuredGrid::default();
    ug.points = Some(DataArray::from_vec(None, 3, pts).unwrap());
    ug.cells = CellArray::new(offsets.into(), conn.into()).unwrap();
    ug.cell_types = vec![12; n * n * n];
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
    let mut pd = PolyData::default();
    pd.points = Some(DataArray::from_vec(None, 3, pts).unwrap());
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

fn main() {
    let vtk = Command::new("/usr/bin/python3").args(["-c", "import vtkmodules.vtkParallelCore"]).output().is_ok_and(|o| o.status.success());
    let dir = std::env::temp_dir().join(format!("vtkwire-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: Vec<(&str, &str, DataObject)> = vec![
        ("unstructured grid, 1M hexahedra", "vtkUnstructuredGrid", hexes(100)),
        ("poly data, 2M triangles", "vtkPolyData", triangles(1000)),
        ("image 256^3 float32", "vtkImageData", image(256)),
    ];
    println!("{:<34} {:>9} {:>11} {:>11} {:>11} {:>8} {:>8} {:>9} {:>9}", "object", "MB", "memcpy MB/s", "marshal", "unmarshal", "m/memcpy", "u/memcpy", "m vs VTK", "u vs VTK");
    for (label, class, obj) in &cases {
        let bytes = marshal(Some(obj)).unwrap();
        let mb = bytes.len() as f64 / 1e6;
        let mut dst = vec![0u8; bytes.len()];
        let t_copy = best(5, || {
            dst.copy_from_slice(&bytes);
            dst[0]
        });
        let t_m = best(3, || marshal(Some(obj)).unwrap());
        let t_u = best(3, || unmarshal(&bytes).unwrap());
        assert!(unmarshal(&bytes).unwrap().as_ref() == Some(obj));
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
            "{:<34} {:>9.1} {:>11.0} {:>11.0} {:>11.0} {:>8.2} {:>8.2} {:>9} {:>9}",
            label, mb, mb / t_copy, mb / t_m, mb / t_u, t_copy / t_m, t_copy / t_u, vtk_cols.0, vtk_cols.1
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!("(marshal/unmarshal columns in MB/s; m/memcpy = memcpy time / marshal time; 'vs VTK' = VTK time / vtkwire time)");
}
