//! The process-wide limits through the C ABI (`vtkwire_limits_*`). One test function: the
//! limits are process-wide, so nothing else may run in this binary while they are changed.

use std::ffi::CStr;
use std::ptr::null_mut;

use vtkwire::Status;
use vtkwire::ffi::limits::*;
use vtkwire::ffi::marshal::*;
use vtkwire::ffi::object::*;
use vtkwire::ffi::status::{vtkwire_last_error, vtkwire_status_str};
use vtkwire::legacy::{marshal, write_file_bytes};
use vtkwire::model::*;

/// `MAX_DEPTH` (64) as the C API's `int32_t`.
const MAX_DEPTH_I32: i32 = 64;

fn last_error() -> String {
    // SAFETY: vtkwire_last_error never returns NULL and the string lives until the next call.
    unsafe { CStr::from_ptr(vtkwire_last_error()) }.to_string_lossy().into_owned()
}

#[track_caller]
fn ok(s: Status) {
    assert_eq!(s, Status::Ok, "{}", last_error());
}

/// Unmarshals through the C ABI; frees the object on success.
fn unmarshal_status(bytes: &[u8]) -> Status {
    let mut o = null_mut();
    // SAFETY: `bytes` is a live slice; `o` is writable.
    let s = unsafe { vtkwire_unmarshal(bytes.as_ptr(), bytes.len(), &mut o) };
    if !o.is_null() {
        // SAFETY: a live object returned by vtkwire_unmarshal, freed once.
        unsafe { vtkwire_object_free(o) };
    }
    s
}

fn nested(depth: usize) -> DataObject {
    let mut o = DataObject::Table(Table::default());
    for _ in 0..depth {
        o = DataObject::MultiBlock(MultiBlock {
            blocks: vec![Block { name: None, object: Some(Box::new(o)) }],
            ..MultiBlock::default()
        });
    }
    o
}

#[test]
fn limits_set_get_enforce_reset() {
    assert_eq!(usize::try_from(MAX_DEPTH_I32), Ok(MAX_DEPTH));
    let (mut bytes, mut depth) = (0usize, 0i32);
    // Defaults: the machine's physical memory (/proc/meminfo, the independent reading) and 64.
    // SAFETY: writable outputs.
    unsafe {
        ok(vtkwire_limits_get_max_object_bytes(&mut bytes));
        ok(vtkwire_limits_get_max_depth(&mut depth));
    }
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap();
    let kib: usize = meminfo.lines().next().unwrap().split_whitespace().nth(1).unwrap().parse().unwrap();
    assert!(bytes.abs_diff(kib * 1024) < kib * 1024 / 10, "default {bytes}, MemTotal {kib} KiB");
    assert_eq!(depth, MAX_DEPTH_I32);

    // Bad arguments leave the settings unchanged and name the argument.
    assert_eq!(vtkwire_limits_set_max_object_bytes(0), Status::InvalidArgument);
    assert_eq!(vtkwire_limits_set_max_depth(-1), Status::InvalidArgument);
    assert!(last_error().contains("max_depth"), "{}", last_error());
    assert_eq!(vtkwire_limits_set_max_depth(MAX_DEPTH_I32 + 1), Status::InvalidArgument);
    // SAFETY: NULL outputs are checked, not written.
    unsafe {
        assert_eq!(vtkwire_limits_get_max_object_bytes(null_mut()), Status::NullArgument);
        assert_eq!(vtkwire_limits_get_max_depth(null_mut()), Status::NullArgument);
        ok(vtkwire_limits_get_max_depth(&mut depth));
    }
    assert_eq!(depth, MAX_DEPTH_I32);

    // An 800 kB object: read under the default, refused under a 100 kB limit, by unmarshal,
    // by the legacy file reader and by marshal (its output buffer).
    let mut rows = Attributes::new();
    rows.add(DataArray::from_vec(Some("x"), 1, vec![1.5f32; 200_000]).unwrap());
    let big = DataObject::Table(Table { row_data: rows, ..Table::default() });
    let m = marshal(Some(&big)).unwrap();
    ok(unmarshal_status(&m));
    let path = std::env::temp_dir().join(format!("vtkwire-limits-{}.vtk", std::process::id()));
    std::fs::write(&path, write_file_bytes(&big, true).unwrap()).unwrap();
    ok(vtkwire_limits_set_max_object_bytes(100_000));
    // Writing (which allocates the file's bytes) is refused too.
    assert_eq!(write_file_bytes(&big, true).unwrap_err().status, Status::LimitExceeded);
    // SAFETY: writable output.
    unsafe { ok(vtkwire_limits_get_max_object_bytes(&mut bytes)) };
    assert_eq!(bytes, 100_000);
    assert_eq!(unmarshal_status(&m), Status::LimitExceeded);
    assert!(last_error().contains("maximum object size of 100000 bytes"), "{}", last_error());
    let cpath = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    let mut o = null_mut();
    // SAFETY: NUL-terminated path, writable output.
    assert_eq!(unsafe { vtkwire_legacy_read(cpath.as_ptr(), &mut o) }, Status::LimitExceeded);
    assert!(o.is_null());
    let handle = object_into_handle(big.clone());
    let (mut out, mut len) = (null_mut(), 0usize);
    // SAFETY: a live object, writable outputs.
    assert_eq!(unsafe { vtkwire_marshal(handle, &mut out, &mut len) }, Status::LimitExceeded);
    assert!(out.is_null() && len == 0);

    // Nesting: 3 levels are refused under max_depth 2, read under 3.
    vtkwire_limits_reset();
    let n3 = marshal(Some(&nested(3))).unwrap();
    ok(vtkwire_limits_set_max_depth(2));
    assert_eq!(unmarshal_status(&n3), Status::LimitExceeded);
    assert!(last_error().contains("deeper than 2"), "{}", last_error());
    ok(vtkwire_limits_set_max_depth(3));
    ok(unmarshal_status(&n3));

    // Reset: the defaults again; everything reads.
    vtkwire_limits_reset();
    // SAFETY: writable outputs.
    unsafe {
        ok(vtkwire_limits_get_max_depth(&mut depth));
        ok(vtkwire_limits_get_max_object_bytes(&mut bytes));
    }
    assert_eq!(depth, MAX_DEPTH_I32);
    assert!(bytes > 100_000);
    ok(unmarshal_status(&m));
    // SAFETY: NUL-terminated path, writable output; the object is freed once.
    unsafe {
        ok(vtkwire_legacy_read(cpath.as_ptr(), &mut o));
        vtkwire_object_free(o);
        ok(vtkwire_marshal(handle, &mut out, &mut len));
        vtkwire_bytes_free(out, len);
        vtkwire_object_free(handle);
    }
    let _ = std::fs::remove_file(&path);
    // The status has a description.
    // SAFETY: static NUL-terminated string.
    let d = unsafe { CStr::from_ptr(vtkwire_status_str(Status::LimitExceeded as i32)) };
    assert!(d.to_str().unwrap().contains("limit"));
}
