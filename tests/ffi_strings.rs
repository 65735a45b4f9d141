//! The string convention of the C API (`src/ffi/mod.rs`), shape (b) *copy*: the shared helper
//! on arbitrary text and capacities, and the two exports that use it.

use std::ffi::{CStr, c_char};
use std::ptr::{null, null_mut};

use proptest::prelude::*;
use vtkwire::Status;
use vtkwire::ffi::attributes::vtkwire_object_array_by_name;
use vtkwire::ffi::cells::vtkwire_poly_data_new;
use vtkwire::ffi::constants::VTKWIRE_ASSOCIATION_POINT;
use vtkwire::ffi::guard::copy_str_out;
use vtkwire::ffi::object::{vtkwire_object_class_name, vtkwire_object_free, vtkwire_object_summary};
use vtkwire::ffi::status::{vtkwire_last_error, vtkwire_last_error_copy, vtkwire_last_error_get, vtkwire_status_str};

const SENTINEL: u8 = 0xA5;
const SENTINEL_C: c_char = c_char::from_ne_bytes([SENTINEL]);

/// What a caller must find after `copy_str_out(s, buf, cap)`: the longest prefix of whole
/// characters of at most `cap - 1` bytes, computed from the characters one by one.
fn expected_prefix(s: &str, cap: usize) -> &str {
    let mut end = 0;
    for (i, c) in s.char_indices() {
        if i + c.len_utf8() > cap - 1 {
            break;
        }
        end = i + c.len_utf8();
    }
    &s[..end]
}

/// Runs the helper on a buffer of `cap + 8` sentinel bytes; returns the status, `*out_len` and
/// the whole buffer.
fn run(s: &str, cap: usize) -> (Status, usize, Vec<u8>) {
    let mut buf = vec![SENTINEL; cap + 8];
    let mut len = usize::MAX;
    // SAFETY: `buf` has cap + 8 writable bytes, `len` is writable.
    let r = unsafe { copy_str_out(s, buf.as_mut_ptr().cast::<c_char>(), cap, &mut len) };
    (r.map_or_else(|e| e.status, |()| Status::Ok), len, buf)
}

fn check(s: &str, cap: usize) {
    let (status, len, buf) = run(s, cap);
    assert_eq!(len, s.len(), "out_len is always the full length ({s:?}, cap {cap})");
    assert!(buf[cap..].iter().all(|&b| b == SENTINEL), "wrote past cap {cap} for {s:?}");
    if cap == 0 {
        assert_eq!(status, Status::BufferTooSmall);
        return;
    }
    let want = expected_prefix(s, cap);
    let got = CStr::from_bytes_until_nul(&buf[..cap]).expect("a NUL within cap bytes").to_bytes();
    assert_eq!(got, want.as_bytes(), "({s:?}, cap {cap})");
    assert!(std::str::from_utf8(got).is_ok());
    let fits = s.len() < cap;
    assert_eq!(status, if fits { Status::Ok } else { Status::BufferTooSmall }, "({s:?}, cap {cap})");
}

#[test]
fn copy_shape_edge_cases() {
    // "é" is 2 bytes, "€" 3, "🦀" 4: "aé€🦀" is 1 + 2 + 3 + 4 = 10 bytes.
    let s = "aé€🦀";
    assert_eq!(s.len(), 10);
    // Exact fit: 10 bytes + NUL in 11.
    let (st, len, buf) = run(s, 11);
    assert_eq!((st, len), (Status::Ok, 10));
    assert_eq!(&buf[..11], "aé€🦀\0".as_bytes());
    // One byte short: the crab (4 bytes) is dropped whole, not cut to 3 bytes.
    let (st, _, buf) = run(s, 10);
    assert_eq!(st, Status::BufferTooSmall);
    assert_eq!(&buf[..7], "aé€\0".as_bytes());
    assert_eq!(buf[7], SENTINEL);
    // Cut inside "€" (bytes 3..6): cap 5 leaves room for 4 bytes, "aé" (3 bytes) is written.
    let (st, _, buf) = run(s, 5);
    assert_eq!(st, Status::BufferTooSmall);
    assert_eq!(&buf[..4], "aé\0".as_bytes());
    // Cap 1: only the NUL.
    let (st, len, buf) = run(s, 1);
    assert_eq!((st, len, buf[0], buf[1]), (Status::BufferTooSmall, 10, 0, SENTINEL));
    // Cap 1 with the empty string fits.
    let (st, len, buf) = run("", 1);
    assert_eq!((st, len, buf[0]), (Status::Ok, 0, 0));
    // Cap 0 with a buffer: nothing written, too small, length given.
    let (st, len, buf) = run(s, 0);
    assert_eq!((st, len), (Status::BufferTooSmall, 10));
    assert!(buf.iter().all(|&b| b == SENTINEL));
    // (NULL, 0): a size query, OK.
    let mut len = 0usize;
    // SAFETY: NULL buffer with cap 0; `len` writable.
    assert!(unsafe { copy_str_out(s, null_mut(), 0, &mut len) }.is_ok());
    assert_eq!(len, 10);
    // NULL buffer with cap > 0: NULL_ARGUMENT naming `buf`, nothing written.
    let mut len = 77usize;
    // SAFETY: as above.
    let e = unsafe { copy_str_out(s, null_mut(), 4, &mut len) }.unwrap_err();
    assert_eq!(e.status, Status::NullArgument);
    assert!(e.message.contains("`buf`"), "{}", e.message);
    assert_eq!(len, 77);
    // NULL out_len: NULL_ARGUMENT, the buffer untouched.
    let mut buf = [SENTINEL; 4];
    // SAFETY: `buf` has 4 writable bytes.
    let e = unsafe { copy_str_out(s, buf.as_mut_ptr().cast(), 4, null_mut()) }.unwrap_err();
    assert_eq!(e.status, Status::NullArgument);
    assert_eq!(buf, [SENTINEL; 4]);
    for cap in 0..14 {
        check(s, cap);
    }
}

proptest! {
    #[test]
    fn copy_shape_never_overruns_and_never_splits_a_character(s in "\\PC{0,12}", extra in 0usize..4, short in 0usize..40) {
        // Capacities around and below the length, from 0 up to len + 3.
        let cap = (s.len() + extra).saturating_sub(short.min(s.len() + extra));
        check(&s, cap);
        check(&s, s.len() + 1);
    }
}

fn last_error() -> String {
    // SAFETY: vtkwire_last_error never returns NULL.
    unsafe { CStr::from_ptr(vtkwire_last_error()) }.to_str().unwrap().to_owned()
}

#[test]
fn last_error_get_copies_without_changing_the_message() {
    // SAFETY: every pointer below is NULL on purpose or points to live local storage.
    unsafe {
        let mut o = null_mut();
        assert_eq!(vtkwire_poly_data_new(&mut o), Status::Ok);
        let mut a = null();
        let name = c"żółw ✓";
        let st = vtkwire_object_array_by_name(o, VTKWIRE_ASSOCIATION_POINT, name.as_ptr(), &mut a);
        assert_eq!(st, Status::NotFound);
        let msg = last_error();
        assert!(msg.contains("żółw ✓"), "{msg}");

        // Size query, then the copy; neither changes the message.
        let mut len = 0usize;
        assert_eq!(vtkwire_last_error_get(null_mut(), 0, &mut len), Status::Ok);
        assert_eq!(len, msg.len());
        let mut buf = vec![SENTINEL_C; len + 1];
        assert_eq!(vtkwire_last_error_get(buf.as_mut_ptr(), buf.len(), &mut len), Status::Ok);
        assert_eq!(CStr::from_ptr(buf.as_ptr()).to_str().unwrap(), msg);
        assert_eq!(last_error(), msg);

        // A cut inside the name's last character ('✓' is 3 bytes): the whole character goes.
        let cap = msg.find('✓').unwrap() + 2;
        let mut small = vec![SENTINEL_C; cap + 4];
        assert_eq!(vtkwire_last_error_get(small.as_mut_ptr(), cap, &mut len), Status::BufferTooSmall);
        assert_eq!(len, msg.len());
        let cut = CStr::from_ptr(small.as_ptr()).to_str().unwrap();
        assert_eq!(cut, &msg[..msg.find('✓').unwrap()]);
        assert!(small[cap..].iter().all(|&b| b == SENTINEL_C));
        // Its own failures leave the message too.
        assert_eq!(vtkwire_last_error_get(null_mut(), 8, &mut len), Status::NullArgument);
        assert_eq!(vtkwire_last_error_get(buf.as_mut_ptr(), buf.len(), null_mut()), Status::NullArgument);
        assert_eq!(last_error(), msg);
        // The older form agrees on the length.
        assert_eq!(vtkwire_last_error_copy(null_mut(), 0), msg.len());
        vtkwire_object_free(o);
    }
}

#[test]
fn object_summary_follows_the_copy_shape() {
    // SAFETY: every pointer below is NULL on purpose or points to live local storage.
    unsafe {
        let mut o = null_mut();
        assert_eq!(vtkwire_poly_data_new(&mut o), Status::Ok);
        let mut len = 0usize;
        assert_eq!(vtkwire_object_summary(o, null_mut(), 0, &mut len), Status::Ok);
        let class = CStr::from_ptr(vtkwire_object_class_name(o)).to_str().unwrap();
        assert!(len > class.len());
        // Exact fit.
        let mut buf = vec![SENTINEL_C; len + 1];
        assert_eq!(vtkwire_object_summary(o, buf.as_mut_ptr(), len + 1, &mut len), Status::Ok);
        let full = CStr::from_ptr(buf.as_ptr()).to_str().unwrap().to_owned();
        assert_eq!(full.len(), len);
        assert!(full.starts_with(class), "{full}");
        // One byte short: cut, BUFFER_TOO_SMALL, the message says so, the length is still given.
        let mut buf = vec![SENTINEL_C; len + 1];
        assert_eq!(vtkwire_object_summary(o, buf.as_mut_ptr(), len, &mut len), Status::BufferTooSmall);
        assert_eq!(len, full.len());
        assert_eq!(CStr::from_ptr(buf.as_ptr()).to_str().unwrap(), &full[..full.len() - 1]);
        assert_eq!(buf[len], SENTINEL_C);
        assert!(last_error().contains("do not fit"), "{}", last_error());
        // A non-NULL buffer with cap 0 gets nothing.
        let mut one = [SENTINEL_C; 1];
        assert_eq!(vtkwire_object_summary(o, one.as_mut_ptr(), 0, &mut len), Status::BufferTooSmall);
        assert_eq!(one[0], SENTINEL_C);
        vtkwire_object_free(o);
        // The new status has its own description, at code 7 next to OUT_OF_RANGE (6).
        assert_eq!(Status::BufferTooSmall as i32, 7);
        let d = CStr::from_ptr(vtkwire_status_str(7)).to_str().unwrap();
        assert!(d.contains("too small"), "{d}");
    }
}
