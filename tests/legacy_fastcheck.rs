//! The fast validation paths (checks fused into the payload passes, see `src/legacy/validate.rs`)
//! must agree exactly with `DataObject::validate`: same verdict, same status, same message,
//! for marshal, marshal_into, marshaled_len and unmarshal.

#![allow(clippy::cast_possible_wrap, reason = "test sizes are a few thousand: usize -> i64 cannot wrap")]

mod legacy_gen;

use legacy_gen::{Opts, Rng, object};
use proptest::prelude::*;
use vtkwire::Status;
use vtkwire::legacy::{marshal, marshal_into, marshaled_len, read_file_bytes, unmarshal};
use vtkwire::model::*;

type Verdict = std::result::Result<(), (Status, String)>;

fn verdict<T>(r: vtkwire::Result<T>) -> Verdict {
    r.map(|_| ()).map_err(|e| (e.status, e.message))
}

/// Marshal, marshal_into, marshaled_len all give validate's verdict; valid objects round-trip.
fn agree(obj: &DataObject) {
    let want = verdict(obj.validate());
    assert_eq!(verdict(marshal(Some(obj))), want, "marshal");
    assert_eq!(verdict(marshaled_len(Some(obj))), want, "marshaled_len");
    let mut buf = vec![0xA5u8; 1 << 20];
    assert_eq!(verdict(marshal_into(Some(obj), &mut buf)), want, "marshal_into");
    if want.is_ok() {
        let bytes = marshal(Some(obj)).unwrap();
        assert_eq!(marshaled_len(Some(obj)).unwrap(), bytes.len());
        assert_eq!(&buf[..bytes.len()], &bytes[..], "marshal_into bytes");
        assert!(buf[bytes.len()..].iter().all(|&b| b == 0xA5), "marshal_into wrote past the end");
        assert!(unmarshal(&bytes).unwrap().as_ref() == Some(obj));
    }
}

fn with_conn(c: &CellArray, i: usize, id: i64) -> CellArray {
    let mut conn = c.connectivity().to_vec();
    conn[i] = id;
    CellArray::new(c.offsets().to_vec().into(), conn.into()).unwrap()
}

/// Breaks one poly data / unstructured grid inside `obj` (at any depth) in a random way.
fn corrupt(obj: &mut DataObject, r: &mut Rng) -> bool {
    let bad_id = |r: &mut Rng, n: usize| *r.pick(&[n as i64, n as i64 + 7, -1, i64::MIN, i64::MAX, -(n as i64) - 1]);
    match obj {
        DataObject::PolyData(p) => {
            let n = p.points.as_ref().map_or(0, DataArray::tuples);
            let filled: Vec<usize> = (0..4).filter(|&k| !p.cells[k].connectivity().is_empty()).collect();
            if filled.is_empty() {
                return false;
            }
            let k = *r.pick(&filled);
            let i = r.below(p.cells[k].connectivity().len());
            p.cells[k] = with_conn(&p.cells[k], i, bad_id(r, n));
            true
        }
        DataObject::UnstructuredGrid(u) => {
            if u.cells.is_empty() {
                return false;
            }
            let n = u.points.as_ref().map_or(0, DataArray::tuples);
            match r.below(4) {
                0 => {
                    let c = r.below(u.cell_types.len());
                    u.cell_types[c] = *r.pick(&[2u8, 12, 200, 40, 0]);
                }
                1 => u.points = None,
                _ if !u.cells.connectivity().is_empty() => {
                    let i = r.below(u.cells.connectivity().len());
                    u.cells = with_conn(&u.cells, i, bad_id(r, n));
                }
                _ => return false,
            }
            true
        }
        DataObject::MultiBlock(m) => {
            for b in &mut m.blocks {
                if let Some(child) = b.object.as_deref_mut()
                    && corrupt(child, r)
                {
                    return true;
                }
            }
            false
        }
        _ => false,
    }
}

fn check(seed: u64, kind: usize) {
    let mut r = Rng::new(seed);
    let mut obj = object(&mut r, kind, 0, Opts { nan: false });
    agree(&obj);
    if corrupt(&mut obj, &mut r) {
        agree(&obj);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]
    #[test]
    fn poly_data(seed: u64) { check(seed, 4) }
    #[test]
    fn unstructured_grid(seed: u64) { check(seed, 5) }
    #[test]
    fn multiblock(seed: u64) { check(seed, 10) }
}

fn square() -> PolyData {
    let points = DataArray::from_vec(None, 3, vec![0.0f32, 0., 0., 1., 0., 0., 1., 1., 0., 0., 1., 0.]).unwrap();
    let mut p = PolyData { points: Some(points), ..PolyData::default() };
    p.cells[PolyCells::Polys as usize] =
        CellArray::new(vec![0i64, 3, 6].into(), vec![0i64, 1, 2, 0, 2, 3].into()).unwrap();
    p
}

/// Bytes with a bad id (written by patching a valid marshal): unmarshal reports exactly what
/// validate says about the decoded object.
#[test]
fn unmarshal_bad_ids() {
    for (nest, pos, id) in [(false, 0, 4), (false, 5, -1), (false, 2, i64::MIN), (true, 3, 9), (true, 0, i64::MAX)] {
        let mut good = square();
        let wrap = |p: PolyData| {
            if nest {
                let mut m = MultiBlock::default();
                m.blocks.push(Block { name: Some("b".into()), object: Some(Box::new(DataObject::PolyData(p))) });
                DataObject::MultiBlock(m)
            } else {
                DataObject::PolyData(p)
            }
        };
        let mut bytes = marshal(Some(&wrap(good.clone()))).unwrap();
        let tag = b"CONNECTIVITY vtktypeint64\n";
        let at = bytes.windows(tag.len()).position(|w| w == tag).unwrap() + tag.len() + 8 * pos;
        bytes[at..at + 8].copy_from_slice(&id.to_be_bytes());
        let c = &good.cells[PolyCells::Polys as usize];
        good.cells[PolyCells::Polys as usize] = with_conn(c, pos, id);
        let bad = wrap(good);
        let want = bad.validate().unwrap_err();
        let got = unmarshal(&bytes).unwrap_err();
        assert_eq!(got.status, want.status);
        assert_eq!(got.message, format!("decoded object (starting at byte 0) is invalid: {}", want.message));
    }
}

/// Cells before points (hand-written files): the ids are still checked, against the final
/// point count.
#[test]
fn cells_before_points() {
    let file = |id: i64| {
        format!(
            "# vtk DataFile Version 5.1\nvtk output\nASCII\nDATASET POLYDATA\nPOLYGONS 2 3\nOFFSETS vtktypeint64\n0 3 \n\
             CONNECTIVITY vtktypeint64\n0 1 {id} \nPOINTS 3 float\n0 0 0 1 0 0 0 1 0 \n"
        )
    };
    let ok = read_file_bytes(file(2).as_bytes()).unwrap();
    let DataObject::PolyData(p) = &ok else { panic!() };
    assert_eq!(p.cells[PolyCells::Polys as usize].connectivity(), &[0, 1, 2]);
    let e = read_file_bytes(file(3).as_bytes()).unwrap_err();
    assert_eq!(e.status, Status::InvalidObject);
    assert!(e.message.contains("is not a point id"), "{}", e.message);
}

/// Polyhedra take the full validation path; a good one round-trips, a bad id is reported.
#[test]
fn polyhedra() {
    let mut u = UnstructuredGrid {
        points: Some(DataArray::from_vec(None, 3, vec![0.0f64; 12]).unwrap()),
        ..UnstructuredGrid::default()
    };
    // A tetrahedron as a polyhedron: 4 triangular faces.
    let stream = vec![4i64, 3, 0, 1, 2, 3, 0, 1, 3, 3, 1, 2, 3, 3, 0, 2, 3];
    let n = stream.len() as i64;
    u.cells = CellArray::new(vec![0i64, n].into(), stream.clone().into()).unwrap();
    u.cell_types = vec![42];
    agree(&DataObject::UnstructuredGrid(u.clone()));
    let mut bad = stream;
    bad[4] = 4;
    u.cells = CellArray::new(vec![0i64, n].into(), bad.into()).unwrap();
    agree(&DataObject::UnstructuredGrid(u));
}

/// marshal_into: an exact buffer works, a short one is untouched.
#[test]
fn marshal_into_sizes() {
    let obj = DataObject::PolyData(square());
    let bytes = marshal(Some(&obj)).unwrap();
    let mut exact = vec![0u8; bytes.len()];
    assert_eq!(marshal_into(Some(&obj), &mut exact).unwrap(), bytes.len());
    assert_eq!(exact, bytes);
    let mut short = vec![7u8; bytes.len() - 1];
    assert_eq!(marshal_into(Some(&obj), &mut short).unwrap_err().status, Status::OutOfRange);
    assert!(short.iter().all(|&b| b == 7));
    assert_eq!(marshal_into(None, &mut short).unwrap(), 0);
}

/// Large enough for several blocks of the fused pass: a bad cell anywhere (block edges
/// included) is found, with validate's message.
#[test]
fn bad_cells_across_blocks() {
    let n = 2500usize;
    let conn: Vec<i64> = (0..3 * n as i64).collect();
    let offsets: Vec<i64> = (0..=n as i64).map(|c| 3 * c).collect();
    let grid = |types: Vec<u8>, conn: Vec<i64>| {
        DataObject::UnstructuredGrid(UnstructuredGrid {
            points: Some(DataArray::from_vec(None, 3, vec![0.5f32; 9 * n]).unwrap()),
            cells: CellArray::new(offsets.clone().into(), conn.into()).unwrap(),
            cell_types: types,
            ..UnstructuredGrid::default()
        })
    };
    agree(&grid(vec![5; n], conn.clone()));
    for i in [0, 1, 1022, 1023, 1024, 1025, 2047, 2048, n - 1] {
        for ty in [9u8, 200, 0] {
            let mut types = vec![5u8; n];
            types[i] = ty;
            agree(&grid(types, conn.clone()));
        }
    }
    for i in [0, 1023, 1024, 3071, 3072, 3 * n - 1] {
        for id in [-1, 3 * n as i64, i64::MAX] {
            let mut c = conn.clone();
            c[i] = id;
            agree(&grid(vec![5; n], c));
        }
    }
}
