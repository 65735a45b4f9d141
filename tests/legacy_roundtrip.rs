//! Property tests: random objects of every type round-trip bit-exactly through marshal /
//! unmarshal and through BINARY and ASCII files.

mod legacy_gen;

use legacy_gen::{Opts, Rng, object};
use proptest::prelude::*;
use vtkwire::legacy::{marshal, marshaled_len, read_file_bytes, unmarshal, write_file_bytes};

fn show(b: &[u8]) -> String {
    b.iter().take(4000).map(|&c| if (0x20..0x7f).contains(&c) || c == b'\n' { c as char } else { '.' }).collect()
}

fn diff<T: std::fmt::Debug>(a: &T, b: &T) -> String {
    let (a, b) = (format!("{a:?}"), format!("{b:?}"));
    let i = a.chars().zip(b.chars()).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    if a == b {
        return "Debug output identical: NaN payload or -0.0 differs".into();
    }
    let lo = i.saturating_sub(300);
    format!(
        "got:  …{}\nwant: …{}",
        a.get(lo..(i + 200).min(a.len())).unwrap_or(""),
        b.get(lo..(i + 200).min(b.len())).unwrap_or("")
    )
}

fn check(seed: u64, kind: usize) {
    let mut r = Rng::new(seed);
    let obj = object(&mut r, kind, 0, Opts { nan: true });
    obj.validate().expect("generator builds valid objects");
    let bytes = marshal(Some(&obj)).unwrap();
    assert_eq!(marshaled_len(Some(&obj)).unwrap(), bytes.len());
    let back = unmarshal(&bytes).unwrap_or_else(|e| panic!("{e}\n{}", show(&bytes))).unwrap();
    assert!(back == obj, "marshal round trip, seed {seed} kind {kind}\n{}\n{}", diff(&back, &obj), show(&bytes));
    let file = write_file_bytes(&obj, true).unwrap();
    assert_eq!(read_file_bytes(&file).unwrap(), obj, "binary file, seed {seed}");
    // ASCII files cannot keep NaN payloads: use a NaN-free object.
    let mut r = Rng::new(seed);
    let obj = object(&mut r, kind, 0, Opts { nan: false });
    let file = write_file_bytes(&obj, false).unwrap();
    let back = read_file_bytes(&file).unwrap_or_else(|e| panic!("{e}\n{}", show(&file)));
    assert!(back == obj, "ascii file, seed {seed} kind {kind}\n{}\n{}", diff(&back, &obj), show(&file));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]
    #[test]
    fn image_data(seed: u64) { check(seed, 0) }
    #[test]
    fn structured_points(seed: u64) { check(seed, 1) }
    #[test]
    fn rectilinear_grid(seed: u64) { check(seed, 2) }
    #[test]
    fn structured_grid(seed: u64) { check(seed, 3) }
    #[test]
    fn poly_data(seed: u64) { check(seed, 4) }
    #[test]
    fn unstructured_grid(seed: u64) { check(seed, 5) }
    #[test]
    fn table(seed: u64) { check(seed, 6) }
    #[test]
    fn directed_graph(seed: u64) { check(seed, 7) }
    #[test]
    fn undirected_graph(seed: u64) { check(seed, 8) }
    #[test]
    fn tree(seed: u64) { check(seed, 9) }
    #[test]
    fn multiblock(seed: u64) { check(seed, 10) }
    #[test]
    fn overlapping_amr(seed: u64) { check(seed, 11) }
}
