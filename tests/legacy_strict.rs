//! Strictness: bad input gives an error naming the byte offset, never a panic.

mod legacy_gen;

use legacy_gen::{object, Opts, Rng};
use vtkwire::legacy::{marshal, read_file_bytes, unmarshal, write_file_bytes};
use vtkwire::Status;

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
                        0 => r.next() as u8,
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
