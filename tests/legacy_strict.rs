//! Strictness: bad input gives an error naming the byte offset, never a panic.

mod legacy_gen;

use legacy_gen::{Opts, Rng, object};
use vtkwire::Status;
use vtkwire::legacy::{marshal, read_file_bytes, unmarshal, write_file_bytes};

/// Truncates and mutates valid buffers of every type at many offsets: no panic, no huge
/// allocation (a size claiming more than the input fails before allocating).
#[test]
fn fuzz_truncate_and_mutate_every_type() {
    let mut r = Rng::new(7);
    for kind in 0..12 {
        for seed in 0..6u64 {
            let mut g = Rng::new(seed * 31 + kind as u64);
            let obj = object(&mut g, kind, 0, Opts { nan: true });
            let bufs = [marshal(Some(&obj)).unwrap(), write_file_bytes(&obj, false).unwrap()];
            for buf in &bufs {
                let step = (buf.len() / 150).max(1);
                for cut in (0..buf.len()).step_by(step) {
                    if let Err(e) = unmarshal(&buf[..cut]) {
                        assert!(e.message.contains("byte"), "{}", e.message);
                    }
                }
                for _ in 0..300 {
                    let mut m = buf.clone();
                    let i = r.below(m.len());
                    m[i] = match r.below(4) {
                        0 => r.next().to_le_bytes()[0],
                        1 => b'9',
                        2 => b'\n',
                        _ => m[i] ^ 0x80,
                    };
                    let _ = unmarshal(&m);
                }
            }
        }
    }
}

fn err(bytes: &[u8]) -> vtkwire::Error {
    read_file_bytes(bytes).expect_err("must fail")
}

#[test]
fn specific_errors() {
    let h = "# vtk DataFile Version 5.1\nvtk output\nBINARY\n";
    let e = err(format!("{h}DATASET POLYDATA\nPOINTS 1000000000000 float\n").as_bytes());
    assert_eq!(e.status, Status::Truncated, "{}", e.message);
    assert!(e.message.contains("at byte"));
    let e = err(format!("{h}DATASET POLYDATA\nBOGUS 3\n").as_bytes());
    assert_eq!(e.status, Status::Parse);
    assert!(e.message.contains("BOGUS") && e.message.contains("at byte 62"), "{}", e.message);
    let e = err(format!("{h}DATASET WIDGET\n").as_bytes());
    assert_eq!(e.status, Status::Unsupported);
    let e = err(b"# vtk DataFile Version 5.1\nvtk output\nASCII\nDATASET POLYDATA\nPOINTS 1 float\n0 0 0\nVERTICES 2 1\nOFFSETS vtktypeint64\n0 1\nCONNECTIVITY vtktypeint64\n5\n");
    assert_eq!(e.status, Status::InvalidObject, "{}", e.message);
    let e = err(b"# vtk DataFile Version 5.1\nvtk output\nASCII\nDATASET POLYDATA\nPOINTS 1 float\n0 0 0\nVERTICES 2 1\nOFFSETS vtktypeint64\n0 7\nCONNECTIVITY vtktypeint64\n0\n");
    assert_eq!(e.status, Status::Parse, "{}", e.message);
    let mut b = format!("{h}DATASET TABLE\nROW_DATA 1\nFIELD FieldData 1\ns 1 1 string\n").into_bytes();
    b.extend_from_slice(b"\xc2\xff\xfe\n");
    let e = err(&b);
    assert_eq!(e.status, Status::InvalidUtf8, "{}", e.message);
    let e = err(b"EXTENT 1 2");
    assert_eq!(e.status, Status::Truncated);
    let e = err(b"not a vtk file\n");
    assert_eq!(e.status, Status::Parse);
    // Nesting deeper than MAX_DEPTH.
    let mut s = String::new();
    for _ in 0..=vtkwire::model::MAX_DEPTH + 1 {
        s.push_str(h);
        s.push_str("DATASET MULTIBLOCK\nCHILDREN 1\nCHILD 13\n");
    }
    let e = err(s.as_bytes());
    assert!(e.message.contains("deeper"), "{}", e.message);
    // Trailing newline is optional; keywords are case-insensitive prefixes.
    let ok = b"# vtk DataFile Version 5.1\nvtk output\nascii\ndataset POLYDATAxx\npoints 1 float\n0 0 1";
    assert!(read_file_bytes(ok).is_ok());
}

/// Bad OFFSETS in binary bytes (decoded and checked in one pass): decreasing, not starting at 0,
/// not ending at the connectivity length — each a Parse error naming the problem and where.
#[test]
fn binary_offsets_layout_errors() {
    let h = b"# vtk DataFile Version 5.1\nvtk output\nBINARY\nDATASET POLYDATA\nPOINTS 3 float\n";
    let be = |v: &[i64]| v.iter().flat_map(|x| x.to_be_bytes()).collect::<Vec<u8>>();
    let file = |offsets: &[i64], conn: &[i64]| {
        let mut f = h.to_vec();
        f.extend(std::iter::repeat_n(0u8, 36));
        f.extend_from_slice(format!("\nPOLYGONS {} {}\nOFFSETS vtktypeint64\n", offsets.len(), conn.len()).as_bytes());
        f.extend(be(offsets));
        f.extend_from_slice(b"\nCONNECTIVITY vtktypeint64\n");
        f.extend(be(conn));
        f.extend_from_slice(b"\n");
        f
    };
    // The well-formed file reads (the control).
    assert!(read_file_bytes(&file(&[0, 3, 3], &[0, 1, 2])).is_ok());
    for (offsets, conn, what) in [
        (&[0i64, 3, 2][..], &[0i64, 1, 2][..], "offsets decrease at index 2"),
        (&[1, 3], &[0, 1, 2], "offsets[0] is 1"),
        (&[0, 2], &[0, 1, 2], "last offset is 2"),
        (&[], &[0, 1, 2], "no offsets but 3 connectivity entries"),
    ] {
        let e = read_file_bytes(&file(offsets, conn)).expect_err(what);
        assert_eq!(e.status, Status::Parse, "{what}: {}", e.message);
        assert!(e.message.contains(what) && e.message.contains("at byte"), "{what}: {}", e.message);
    }
}
