//! The marshal/unmarshal and legacy-file exports, through the C ABI.

use std::ffi::CStr;
use std::ptr::{null, null_mut};

use vtkwire::Status;
use vtkwire::ffi::attributes::*;
use vtkwire::ffi::cells::*;
use vtkwire::ffi::constants::*;
use vtkwire::ffi::image::*;
use vtkwire::ffi::marshal::*;
use vtkwire::ffi::object::*;
use vtkwire::ffi::status::vtkwire_last_error;

fn last_error() -> String {
    // SAFETY: vtkwire_last_error never returns NULL and the string lives until the next call.
    unsafe { CStr::from_ptr(vtkwire_last_error()) }.to_string_lossy().into_owned()
}

#[track_caller]
fn ok(s: Status) {
    assert_eq!(s, Status::Ok, "{}", last_error());
}

fn image() -> *mut vtkwire_object {
    let mut o = null_mut();
    // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
    unsafe {
        ok(vtkwire_image_data_new(
            [2i32, 3, 0, 1, 5, 5].as_ptr(),
            [0.5f64, 1.0 / 3.0, -2.0].as_ptr(),
            [0.1f64, 0.2, 1.23456789].as_ptr(),
            &mut o,
        ));
        let v = [-1i16, 999, 1999, 2999];
        ok(vtkwire_object_add_array_data(
            o,
            VTKWIRE_ASSOCIATION_POINT,
            c"density".as_ptr(),
            VTKWIRE_TYPE_SHORT,
            v.as_ptr().cast(),
            4,
            1,
            null_mut(),
        ));
        ok(vtkwire_object_set_active(o, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS, c"density".as_ptr()));
        ok(vtkwire_image_data_set_direction(o, [0f64, 1., 0., -1., 0., 0., 0., 0., 1.].as_ptr()));
    }
    o
}

#[test]
fn marshal_unmarshal_round_trip_is_exact() {
    // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
    unsafe {
        let o = image();
        let (mut b, mut n) = (null_mut(), 0usize);
        ok(vtkwire_marshal(o, &mut b, &mut n));
        let bytes = std::slice::from_raw_parts(b, n);
        assert!(bytes.starts_with(b"EXTENT 2 3 0 1 5 5\0"), "EXTENT block first");
        assert!(bytes[19..128].iter().all(|&x| x == 0), "zero-filled EXTENT tail");
        assert!(bytes[128..].starts_with(b"# vtk DataFile Version 5.1\n"));
        let mut size = 0usize;
        ok(vtkwire_marshaled_size(o, &mut size));
        assert_eq!(size, n);
        let mut back = null_mut();
        ok(vtkwire_unmarshal(b, n, &mut back));
        assert_eq!(
            *object_ref(back, "b").unwrap(),
            *object_ref(o, "o").unwrap(),
            "bit-exact incl. direction and origin"
        );
        // Caller buffer: too small writes nothing, exact size works.
        let mut buf = vec![0xAAu8; n];
        let mut wrote = 0usize;
        assert_eq!(vtkwire_marshal_into(o, buf.as_mut_ptr(), n - 1, &mut wrote), Status::OutOfRange);
        assert!(buf.iter().all(|&x| x == 0xAA));
        ok(vtkwire_marshal_into(o, buf.as_mut_ptr(), n, &mut wrote));
        assert_eq!(&buf[..wrote], bytes);
        // Truncated input: an error naming a byte offset, never a panic.
        for cut in [1usize, 6, 100, 128, 200, n - 2] {
            let mut x = null_mut();
            let s = vtkwire_unmarshal(b, cut, &mut x);
            assert_ne!(s, Status::Ok, "cut at {cut}");
            assert_ne!(s, Status::Panic);
            assert!(x.is_null());
            assert!(last_error().contains("byte") || last_error().contains("offset"), "cut {cut}: {}", last_error());
        }
        vtkwire_bytes_free(b, n);
        vtkwire_object_free(back);
        vtkwire_object_free(o);
    }
}

#[test]
fn null_object_is_the_empty_buffer() {
    // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
    unsafe {
        let (mut b, mut n) = (null_mut(), 99usize);
        ok(vtkwire_marshal(null(), &mut b, &mut n));
        assert!(b.is_null() && n == 0);
        vtkwire_bytes_free(b, n);
        let mut o = image();
        let keep = o;
        ok(vtkwire_unmarshal(null(), 0, &mut o));
        assert!(o.is_null(), "empty buffer unmarshals to VTK's null object");
        vtkwire_object_free(keep);
        let mut size = 7usize;
        ok(vtkwire_marshaled_size(null(), &mut size));
        assert_eq!(size, 0);
    }
}

#[test]
fn legacy_files_round_trip_and_errors_are_clear() {
    let dir = std::env::temp_dir().join(format!("vtkwire-ffi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
    unsafe {
        let o = image();
        for binary in [1, 0] {
            let path = std::ffi::CString::new(dir.join(format!("img{binary}.vtk")).to_str().unwrap()).unwrap();
            ok(vtkwire_legacy_write(o, path.as_ptr(), binary));
            let text = std::fs::read(path.to_str().unwrap()).unwrap();
            assert!(text.starts_with(b"# vtk DataFile Version 5.1\n"), "files carry no EXTENT block");
            assert_eq!(text[b"# vtk DataFile Version 5.1\n".len()..].windows(6).any(|w| w == b"BINARY"), binary == 1);
            let mut back = null_mut();
            ok(vtkwire_legacy_read(path.as_ptr(), &mut back));
            assert_eq!(*object_ref(back, "b").unwrap(), *object_ref(o, "o").unwrap());
            vtkwire_object_free(back);
        }
        let mut x = null_mut();
        assert_eq!(vtkwire_legacy_read(c"/nonexistent/dir/x.vtk".as_ptr(), &mut x), Status::Io);
        assert!(last_error().contains("/nonexistent/dir/x.vtk"), "{}", last_error());
        assert_eq!(vtkwire_legacy_write(o, c"/nonexistent/dir/x.vtk".as_ptr(), 1), Status::Io);
        // NULL arguments are named.
        assert_eq!(vtkwire_legacy_read(null(), &mut x), Status::NullArgument);
        assert!(last_error().contains("path"));
        assert_eq!(vtkwire_legacy_read(c"x".as_ptr(), null_mut()), Status::NullArgument);
        assert!(last_error().contains("out_obj"));
        assert_eq!(vtkwire_legacy_write(null(), c"x".as_ptr(), 1), Status::NullArgument);
        assert_eq!(vtkwire_legacy_write(o, null(), 1), Status::NullArgument);
        let mut n = 0usize;
        assert_eq!(vtkwire_marshal(o, null_mut(), &mut n), Status::NullArgument);
        assert!(last_error().contains("out_bytes"));
        let mut b = null_mut();
        assert_eq!(vtkwire_marshal(o, &mut b, null_mut()), Status::NullArgument);
        assert!(last_error().contains("out_len"));
        assert_eq!(vtkwire_unmarshal(null(), 5, &mut x), Status::NullArgument);
        assert!(last_error().contains("bytes"));
        assert_eq!(vtkwire_unmarshal(b"x".as_ptr(), 1, null_mut()), Status::NullArgument);
        assert_eq!(vtkwire_marshal_into(o, null_mut(), 10, &mut n), Status::NullArgument);
        assert!(last_error().contains("buf"));
        assert_eq!(vtkwire_marshaled_size(o, null_mut()), Status::NullArgument);
        // An invalid object is refused by marshal with the reason.
        let mut pd = null_mut();
        ok(vtkwire_poly_data_new(&mut pd));
        ok(vtkwire_poly_data_set_cells(pd, VTKWIRE_POLY_VERTS, [0i64, 1].as_ptr(), 2, [5i64].as_ptr(), 1));
        assert_eq!(vtkwire_marshal(pd, &mut b, &mut n), Status::InvalidObject);
        assert!(last_error().contains("connectivity[0] = 5"), "{}", last_error());
        vtkwire_object_free(pd);
        vtkwire_object_free(o);
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// The reference's Appendix A.1 (VTK 9.1's MarshalDataObject of a triangle), rebuilt through the
/// C API: the bytes must be VTK's, to the byte (no vtkwire extension needed for such an object).
#[test]
fn triangle_built_from_c_marshals_to_vtk_bytes() {
    let mut want = Vec::new();
    want.extend_from_slice(b"# vtk DataFile Version 5.1\nvtk output\nBINARY\nDATASET POLYDATA\nPOINTS 3 float\n");
    for v in [0f32, 0., 0., 1., 0., 0., 0., 1., 0.] {
        want.extend_from_slice(&v.to_be_bytes());
    }
    want.extend_from_slice(b"\nPOLYGONS 2 3\nOFFSETS vtktypeint64\n");
    for v in [0i64, 3] {
        want.extend_from_slice(&v.to_be_bytes());
    }
    want.extend_from_slice(b"\nCONNECTIVITY vtktypeint64\n");
    for v in [0i64, 1, 2] {
        want.extend_from_slice(&v.to_be_bytes());
    }
    want.push(b'\n');
    assert_eq!(want.len(), 216, "Appendix A.1 is 216 bytes");
    // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
    unsafe {
        let mut o = null_mut();
        ok(vtkwire_poly_data_new(&mut o));
        let p = [0f32, 0., 0., 1., 0., 0., 0., 1., 0.];
        ok(vtkwire_object_set_points(o, VTKWIRE_TYPE_FLOAT, p.as_ptr().cast(), 3));
        ok(vtkwire_poly_data_set_cells(o, VTKWIRE_POLY_POLYS, [0i64, 3].as_ptr(), 2, [0i64, 1, 2].as_ptr(), 3));
        let (mut b, mut n) = (null_mut(), 0usize);
        ok(vtkwire_marshal(o, &mut b, &mut n));
        assert_eq!(
            std::slice::from_raw_parts(b, n),
            &want[..],
            "{}",
            String::from_utf8_lossy(std::slice::from_raw_parts(b, n))
        );
        vtkwire_bytes_free(b, n);
        vtkwire_object_free(o);
    }
}
