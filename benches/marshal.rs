//! `cargo bench --bench marshal`: marshal / unmarshal throughput on large objects, against a
//! memcpy of the same bytes (into an existing and into a new buffer) and (when /usr/bin/python3 has VTK) against VTK 9.1 itself.

use std::hint::black_box;
use std::process::Command;
use std::time::Instant;

use vtkwire::legacy::{marshal, marshal_into, marshaled_len, unmarshal};
use vtkwire::model::*;

mod common;
use common::{hexes, image, triangles};

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

/// Best time of `f` over `reps` calls, each after vtkwire handed its retained memory back.
fn cold_best(reps: usize, mut f: impl FnMut()) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..reps {
        vtkwire::memory::release_memory();
        let t = Instant::now();
        f();
        best = best.min(t.elapsed().as_secs_f64());
    }
    best
}

fn status_kib(key: &str) -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Growth of peak resident memory (bytes) while `f` runs from a released state: Linux resets
/// VmHWM to the current RSS when "5" is written to /proc/self/clear_refs.
fn peak_growth(f: impl FnOnce()) -> Option<u64> {
    vtkwire::memory::release_memory();
    std::fs::write("/proc/self/clear_refs", "5").ok()?;
    let before = status_kib("VmRSS:")?;
    f();
    let peak = status_kib("VmHWM:")?;
    Some(peak.saturating_sub(before) * 1024)
}

fn main() {
    // VTKWIRE_BENCH_VTK=0 skips the comparison with VTK (e.g. when profiling vtkwire alone).
    let want_vtk = std::env::var("VTKWIRE_BENCH_VTK").map_or(true, |v| v != "0");
    let vtk = want_vtk
        && Command::new("/usr/bin/python3")
            .args(["-c", "import vtkmodules.vtkParallelCore"])
            .output()
            .is_ok_and(|o| o.status.success());
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
        "{:<32} {:>6} {:>7} {:>7} {:>7} {:>7} | {:>5} {:>5} {:>5} | {:>6} {:>6} {:>6} {:>5} {:>5} {:>5} | {:>6} {:>6}",
        "object",
        "MB",
        "memcpy",
        "marsh",
        "m_into",
        "unmar",
        "m/mc",
        "i/mc",
        "u/mc",
        "c_copy",
        "c_mar",
        "c_unm",
        "cm/cc",
        "cu/cc",
        "mem",
        "m:VTK",
        "u:VTK"
    );
    for (label, class, obj) in &cases {
        let bytes = marshal(Some(obj)).unwrap();
        assert_eq!(marshaled_len(Some(obj)).unwrap(), bytes.len());
        assert!(unmarshal(&bytes).unwrap().as_ref() == Some(obj));
        let mb = bytes.len() as f64 / 1e6;
        // Warm: the steady state of a time loop. The baseline is a memcpy of the same bytes into
        // a buffer that already exists; vtkwire's new buffers come from memory it freed before.
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
        let (t_copy, t_m, t_i, t_u) = (t[0], t[1], t[2], t[3]);
        // Cold: every buffer is new to the process (retained memory handed back first), so
        // each 4 KiB page is faulted in and zeroed by the kernel; the baseline is a copy into a
        // new buffer (`to_vec`) under the same conditions.
        let (c_copy, c_m, c_u) = (
            cold_best(reps, || drop(black_box(bytes.to_vec()))),
            cold_best(reps, || drop(black_box(marshal(Some(obj)).unwrap()))),
            cold_best(reps, || drop(black_box(unmarshal(&bytes).unwrap()))),
        );
        // Memory: peak resident growth during one cold marshal, over the marshaled size.
        let mem = peak_growth(|| drop(black_box(marshal(Some(obj)).unwrap())))
            .map_or("-".to_string(), |g| format!("{:.2}", g as f64 / bytes.len() as f64));
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
            "{:<32} {:>6.1} {:>7.0} {:>7.0} {:>7.0} {:>7.0} | {:>5.2} {:>5.2} {:>5.2} | {:>6.0} {:>6.0} {:>6.0} {:>5.2} {:>5.2} {:>5} | {:>6} {:>6}",
            label,
            mb,
            mb / t_copy,
            mb / t_m,
            mb / t_i,
            mb / t_u,
            t_copy / t_m,
            t_copy / t_i,
            t_copy / t_u,
            mb / c_copy,
            mb / c_m,
            mb / c_u,
            c_copy / c_m,
            c_copy / c_u,
            mem,
            vtk_cols.0,
            vtk_cols.1
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    println!("Warm (steady state of a time loop; best of {reps}, round-robin in one run), MB/s of marshaled bytes:");
    println!("  memcpy = copy into an existing buffer (the baseline), marsh = marshal (new buffer),");
    println!("  m_into = marshal_into (caller's buffer), unmar = unmarshal (new object).");
    println!("  m/mc, i/mc, u/mc = memcpy time / vtkwire time. Target: >= 0.4.");
    println!("Cold (memory vtkwire kept is handed back before each call, so every page is new):");
    println!("  c_copy = copy into a new buffer (to_vec), c_mar, c_unm = marshal, unmarshal;");
    println!("  cm/cc, cu/cc = c_copy time / vtkwire time (the kernel's page faults bound all three).");
    println!("mem = peak resident growth during one cold marshal / marshaled bytes (1.00 = the output only).");
    println!("m:VTK, u:VTK = VTK 9.1 MarshalDataObject / UnMarshalDataObject time / vtkwire time.");
}
