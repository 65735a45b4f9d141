//! Arrays large enough for unmarshal's streamed byte swap (`vtkwire::swap`, non-temporal stores
//! from `STREAM_MIN` bytes on), at every alignment of the payload in the input: the marshaled
//! bytes must hold each array exactly as `to_be_bytes` of each element gives it (computed here,
//! not by vtkwire), read back equal, and id range errors must still be found anywhere in the
//! array, by the reader and by the writer.

#![allow(
    clippy::cast_possible_wrap,
    clippy::cast_possible_truncation,
    reason = "sizes are a few million (usize -> i64 cannot wrap); the i16 pattern wraps on purpose"
)]

use vtkwire::Status;
use vtkwire::legacy::{marshal, marshal_into, unmarshal, write_file_bytes};
use vtkwire::model::*;
use vtkwire::swap::STREAM_MIN;

fn be<T: Copy, const N: usize>(v: &[T], f: impl Fn(T) -> [u8; N]) -> Vec<u8> {
    v.iter().flat_map(|&x| f(x)).collect()
}

/// Whether `needle` occurs in `hay` (anchored on its first 32 bytes, then compared whole).
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    let head = &needle[..32];
    hay.windows(32).enumerate().any(|(i, w)| w == head && hay.get(i..i + needle.len()) == Some(needle))
}

/// A poly data whose points (float32), triangle connectivity (int64) and two point arrays
/// (float64, int16) each exceed STREAM_MIN bytes; `tag` lengthens the array names, which shifts
/// where every later payload starts.
fn poly(tag: usize) -> (DataObject, Vec<Vec<u8>>) {
    let np = STREAM_MIN / 12 + 1000;
    let pts: Vec<f32> = (0..3 * np).map(|i| i as f32 * 0.25 - 7.0).collect();
    let ntri = STREAM_MIN / 24 + 500;
    let conn: Vec<i64> = (0..3 * ntri).map(|i| ((i * 7919) % np) as i64).collect();
    let offsets: Vec<i64> = (0..=ntri).map(|c| 3 * c as i64).collect();
    let f64s: Vec<f64> = (0..2 * np).map(|i| f64::from_bits(0x7FF0_0000_0000_0001 + i as u64)).collect(); // NaN payloads
    let i16s: Vec<i16> = (0..6 * np).map(|i| (i as i16).wrapping_mul(31)).collect();
    let mut pd = PolyData { points: Some(DataArray::from_vec(None, 3, pts.clone()).unwrap()), ..PolyData::default() };
    pd.cells[PolyCells::Polys as usize] = CellArray::new(offsets.into(), conn.clone().into()).unwrap();
    pd.point_data.add(DataArray::from_vec(Some(&"d".repeat(tag)), 2, f64s.clone()).unwrap());
    pd.point_data.add(DataArray::from_vec(Some(&"s".repeat(tag + 3)), 6, i16s.clone()).unwrap());
    let expect = vec![
        be(&pts, f32::to_be_bytes),
        be(&conn, i64::to_be_bytes),
        be(&f64s, f64::to_be_bytes),
        be(&i16s, i16::to_be_bytes),
    ];
    assert!(expect.iter().all(|e| e.len() >= STREAM_MIN));
    (DataObject::PolyData(pd), expect)
}

#[test]
fn large_arrays_at_every_alignment() {
    for tag in 1..=16 {
        let (obj, expect) = poly(tag);
        let bytes = marshal(Some(&obj)).unwrap();
        for (i, e) in expect.iter().enumerate() {
            assert!(contains(&bytes, e), "tag {tag}: payload {i} not found as big-endian elements");
        }
        let mut into = vec![0u8; bytes.len() + 7];
        let n = marshal_into(Some(&obj), &mut into[7..]).unwrap();
        assert!(into[7..7 + n] == bytes[..], "tag {tag}: marshal_into differs");
        let file = write_file_bytes(&obj, true).unwrap();
        assert!(expect.iter().all(|e| contains(&file, e)), "tag {tag}: legacy file payload");
        let back = unmarshal(&bytes).unwrap().unwrap();
        assert!(back == obj, "tag {tag}: round trip differs");
    }
}

#[test]
fn large_id_arrays_still_range_checked() {
    let (obj, _) = poly(1);
    let DataObject::PolyData(pd) = &obj else { unreachable!() };
    let np = pd.points.as_ref().unwrap().tuples();
    let cells = &pd.cells[PolyCells::Polys as usize];
    let bytes = marshal(Some(&obj)).unwrap();
    let conn_be: Vec<u8> = cells.connectivity().iter().flat_map(|x| x.to_be_bytes()).collect();
    let at = (0..bytes.len() - 32).find(|&i| bytes[i..i + 32] == conn_be[..32]).unwrap();
    let n = cells.connectivity().len();
    // A bad id first, in the middle, last; and a negative one.
    for (k, bad) in [(0usize, np as i64), (n / 2, np as i64 + 5), (n - 1, np as i64), (n / 3, -1)] {
        let mut m = bytes.clone();
        m[at + 8 * k..at + 8 * k + 8].copy_from_slice(&bad.to_be_bytes());
        let e = unmarshal(&m).expect_err("out-of-range id must fail");
        assert_eq!(e.status, Status::InvalidObject, "id {bad} at {k}: {}", e.message);
        // The writer's check finds it as well.
        let mut conn = cells.connectivity().to_vec();
        conn[k] = bad;
        let mut pd2 = pd.clone();
        pd2.cells[PolyCells::Polys as usize] = CellArray::new(cells.offsets().to_vec().into(), conn.into()).unwrap();
        let e = marshal(Some(&DataObject::PolyData(pd2))).expect_err("marshal must refuse");
        assert_eq!(e.status, Status::InvalidObject, "id {bad} at {k}: {}", e.message);
    }
}
