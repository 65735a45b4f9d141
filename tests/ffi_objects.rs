//! The C ABI from Rust: every object type built and read back bit-exactly, and every pointer
//! argument of every export tried with NULL, every enum-like argument with bad values.

use std::ffi::{CStr, c_char, c_void};
use std::ptr::{null, null_mut};

use vtkwire::Status;
use vtkwire::ffi::array::*;
use vtkwire::ffi::attributes::*;
use vtkwire::ffi::cells::*;
use vtkwire::ffi::composite::*;
use vtkwire::ffi::constants::*;
use vtkwire::ffi::graph::*;
use vtkwire::ffi::image::*;
use vtkwire::ffi::object::*;
use vtkwire::ffi::status::*;

fn last_error() -> String {
    // SAFETY: vtkwire_last_error never returns NULL and the string lives until the next call.
    unsafe { CStr::from_ptr(vtkwire_last_error()) }.to_string_lossy().into_owned()
}

#[track_caller]
fn ok(s: Status) {
    assert_eq!(s, Status::Ok, "{}", last_error());
}

#[track_caller]
fn fails(s: Status, want: Status, needle: &str) {
    assert_eq!(s, want, "expected {want:?}, last error: {}", last_error());
    let msg = last_error();
    assert!(msg.contains(needle), "message {msg:?} should mention {needle:?}");
}

fn poly() -> *mut vtkwire_object {
    let mut o = null_mut();
    // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
    unsafe {
        ok(vtkwire_poly_data_new(&mut o));
        let pts: [f32; 9] = [0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 0.0];
        ok(vtkwire_object_set_points(o, VTKWIRE_TYPE_FLOAT, pts.as_ptr().cast(), 3));
        let off = [0i64, 3];
        let conn = [0i64, 1, 2];
        ok(vtkwire_poly_data_set_cells(o, VTKWIRE_POLY_POLYS, off.as_ptr(), 2, conn.as_ptr(), 3));
    }
    o
}

fn str_of(p: *const c_char, n: usize) -> String {
    // SAFETY: `(p, n)` is a view vtkwire returned for a live array (`n` bytes).
    let b = unsafe { std::slice::from_raw_parts(p.cast::<u8>(), n) };
    String::from_utf8(b.to_vec()).unwrap()
}

#[test]
fn poly_data_round_trip_through_getters() {
    let o = poly();
    // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
    unsafe {
        ok(vtkwire_object_validate(o));
        assert_eq!(vtkwire_object_type(o), VTKWIRE_OBJECT_POLY_DATA);
        let mut n = 0usize;
        ok(vtkwire_object_count(o, VTKWIRE_ASSOCIATION_POINT, &mut n));
        assert_eq!(n, 3);
        ok(vtkwire_object_count(o, VTKWIRE_ASSOCIATION_CELL, &mut n));
        assert_eq!(n, 1);
        let (mut po, mut no, mut pc, mut nc) = (null(), 0usize, null(), 0usize);
        ok(vtkwire_poly_data_cells(o, VTKWIRE_POLY_POLYS, &mut po, &mut no, &mut pc, &mut nc));
        assert_eq!(std::slice::from_raw_parts(po, no), &[0, 3]);
        assert_eq!(std::slice::from_raw_parts(pc, nc), &[0, 1, 2]);
        // Point data with a unicode, space-containing name and NaN payload values.
        let vals: [f64; 3] = [f64::from_bits(0x7ff8_0000_dead_beef), -0.0, f64::MIN_POSITIVE];
        let name = c"température ρ";
        let mut idx = 99usize;
        ok(vtkwire_object_add_array_data(
            o,
            VTKWIRE_ASSOCIATION_POINT,
            name.as_ptr(),
            VTKWIRE_TYPE_DOUBLE,
            vals.as_ptr().cast(),
            3,
            1,
            &mut idx,
        ));
        assert_eq!(idx, 0);
        ok(vtkwire_object_set_active(o, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS, name.as_ptr()));
        let mut a = null();
        ok(vtkwire_object_active_array(o, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS, &mut a));
        let (mut ty, mut nt, mut ncomp) = (0, 0usize, 0);
        ok(vtkwire_array_info(a, &mut ty, &mut nt, &mut ncomp));
        assert_eq!((ty, nt, ncomp), (VTKWIRE_TYPE_DOUBLE, 3, 1));
        let (mut d, mut nb) = (null(), 0usize);
        ok(vtkwire_array_data(a, &mut d, &mut nb));
        assert_eq!(std::slice::from_raw_parts(d.cast::<u8>(), nb), bytemuck_bytes(&vals));
        let (mut np, mut nl) = (null(), 0usize);
        ok(vtkwire_array_name(a, &mut np, &mut nl));
        assert_eq!(str_of(np, nl), "température ρ");
        // A point-data array with the wrong tuple count is caught by validation.
        let two = [1i32, 2];
        ok(vtkwire_object_add_array_data(
            o,
            VTKWIRE_ASSOCIATION_POINT,
            c"short".as_ptr(),
            VTKWIRE_TYPE_INT,
            two.as_ptr().cast(),
            2,
            1,
            null_mut(),
        ));
        fails(vtkwire_object_validate(o), Status::InvalidObject, "expected 3");
        ok(vtkwire_object_remove_array(o, VTKWIRE_ASSOCIATION_POINT, 1));
        ok(vtkwire_object_validate(o));
        // A connectivity id beyond the points names the entry.
        let conn = [0i64, 1, 7];
        let off = [0i64, 3];
        ok(vtkwire_poly_data_set_cells(o, VTKWIRE_POLY_LINES, off.as_ptr(), 2, conn.as_ptr(), 3));
        fails(vtkwire_object_validate(o), Status::InvalidObject, "connectivity[2] = 7");
        vtkwire_object_free(o);
    }
}

fn bytemuck_bytes<T>(v: &[T]) -> &[u8] {
    // SAFETY: any initialized slice can be viewed as its bytes (`size_of_val` bytes).
    unsafe { std::slice::from_raw_parts(v.as_ptr().cast(), std::mem::size_of_val(v)) }
}

#[test]
fn every_type_builds_and_reports_its_vtk_code() {
    let ext = [0i32, 2, 0, 1, 0, 0];
    let origin = [0.5f64, 1.0 / 3.0, -2.0];
    let spacing = [0.1f64, 0.2, 1.23456789];
    let mut objs: Vec<(*mut vtkwire_object, i32)> = Vec::new();
    // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
    unsafe {
        let mut o = null_mut();
        ok(vtkwire_image_data_new(ext.as_ptr(), origin.as_ptr(), spacing.as_ptr(), &mut o));
        objs.push((o, VTKWIRE_OBJECT_IMAGE_DATA));
        ok(vtkwire_structured_points_new(ext.as_ptr(), origin.as_ptr(), spacing.as_ptr(), &mut o));
        objs.push((o, VTKWIRE_OBJECT_STRUCTURED_POINTS));
        ok(vtkwire_rectilinear_grid_new(ext.as_ptr(), &mut o));
        let x = [0.0f64, 1.0, 3.0];
        let y = [0.0f32, 2.0];
        let z = [5i32];
        ok(vtkwire_rectilinear_grid_set_coordinates(o, 0, VTKWIRE_TYPE_DOUBLE, x.as_ptr().cast(), 3));
        ok(vtkwire_rectilinear_grid_set_coordinates(o, 1, VTKWIRE_TYPE_FLOAT, y.as_ptr().cast(), 2));
        fails(
            vtkwire_rectilinear_grid_set_coordinates(o, 2, VTKWIRE_TYPE_INT, z.as_ptr().cast(), 2),
            Status::InvalidObject,
            "needs 1",
        );
        ok(vtkwire_rectilinear_grid_set_coordinates(o, 2, VTKWIRE_TYPE_INT, z.as_ptr().cast(), 1));
        objs.push((o, VTKWIRE_OBJECT_RECTILINEAR_GRID));
        ok(vtkwire_structured_grid_new(ext.as_ptr(), &mut o));
        let pts = [0.25f64; 18];
        ok(vtkwire_object_set_points(o, VTKWIRE_TYPE_DOUBLE, pts.as_ptr().cast(), 6));
        objs.push((o, VTKWIRE_OBJECT_STRUCTURED_GRID));
        objs.push((poly(), VTKWIRE_OBJECT_POLY_DATA));
        ok(vtkwire_unstructured_grid_new(&mut o));
        let p4 = [0f32, 0., 0., 1., 0., 0., 0., 1., 0., 0., 0., 1.];
        ok(vtkwire_object_set_points(o, VTKWIRE_TYPE_FLOAT, p4.as_ptr().cast(), 4));
        let types = [10u8, 42];
        let conn = [0i64, 1, 2, 3, 4, 3, 0, 1, 2, 3, 0, 1, 3, 3, 1, 2, 3, 3, 0, 2, 3];
        let off = [0i64, 4, 21];
        ok(vtkwire_unstructured_grid_set_cells(o, types.as_ptr(), 2, off.as_ptr(), 3, conn.as_ptr(), conn.len()));
        objs.push((o, VTKWIRE_OBJECT_UNSTRUCTURED_GRID));
        ok(vtkwire_table_new(&mut o));
        let col = [1i64, i64::MIN, i64::MAX];
        ok(vtkwire_object_add_array_data(
            o,
            VTKWIRE_ASSOCIATION_ROW,
            c"id".as_ptr(),
            VTKWIRE_TYPE_LONG_LONG,
            col.as_ptr().cast(),
            3,
            1,
            null_mut(),
        ));
        objs.push((o, VTKWIRE_OBJECT_TABLE));
        let e = [0i64, 1, 1, 2, 2, 0];
        ok(vtkwire_directed_graph_new(3, e.as_ptr(), 3, &mut o));
        objs.push((o, VTKWIRE_OBJECT_DIRECTED_GRAPH));
        ok(vtkwire_undirected_graph_new(3, e.as_ptr(), 3, &mut o));
        objs.push((o, VTKWIRE_OBJECT_UNDIRECTED_GRAPH));
        let t = [0i64, 1, 0, 2, 1, 3];
        ok(vtkwire_tree_new(4, t.as_ptr(), 3, &mut o));
        objs.push((o, VTKWIRE_OBJECT_TREE));
        ok(vtkwire_multiblock_new(2, &mut o));
        let child = poly();
        ok(vtkwire_multiblock_set_block(o, 0, c"first block".as_ptr(), child));
        ok(vtkwire_multiblock_set_block_take(o, 3, null(), child));
        objs.push((o, VTKWIRE_OBJECT_MULTIBLOCK));
        ok(vtkwire_amr_new([0.0f64; 3].as_ptr(), 8, &mut o));
        let mut lvl = 9usize;
        ok(vtkwire_amr_add_level(o, [1.0f64; 3].as_ptr(), 2, &mut lvl));
        assert_eq!(lvl, 0);
        let mut g = null_mut();
        ok(vtkwire_image_data_new([0i32, 4, 0, 4, 0, 4].as_ptr(), [0.0f64; 3].as_ptr(), [1.0f64; 3].as_ptr(), &mut g));
        ok(vtkwire_amr_add_block(o, 0, [0i32, 0, 0, 3, 3, 3].as_ptr(), g, null_mut()));
        fails(
            vtkwire_amr_add_block(o, 0, [0i32, 0, 0, 4, 3, 3].as_ptr(), g, null_mut()),
            Status::InvalidObject,
            "axis 0",
        );
        ok(vtkwire_amr_add_block(o, 0, [4i32, 4, 4, 5, 5, 5].as_ptr(), null(), null_mut()));
        vtkwire_object_free(g);
        objs.push((o, VTKWIRE_OBJECT_OVERLAPPING_AMR));

        assert_eq!(objs.len(), 12);
        for &(o, code) in &objs {
            ok(vtkwire_object_validate(o));
            assert_eq!(vtkwire_object_type(o), code);
            let mut len = 0usize;
            ok(vtkwire_object_summary(o, null_mut(), 0, &mut len));
            let mut buf = vec![0 as c_char; len + 1];
            ok(vtkwire_object_summary(o, buf.as_mut_ptr(), buf.len(), &mut len));
            let s = CStr::from_ptr(buf.as_ptr()).to_str().unwrap();
            assert!(s.starts_with(CStr::from_ptr(vtkwire_object_class_name(o)).to_str().unwrap()), "{s}");
            let mut c = null_mut();
            ok(vtkwire_object_clone(o, &mut c));
            assert_eq!(vtkwire_object_type(c), code);
            vtkwire_object_free(c);
        }
        // Multiblock: 4 blocks, names and null blocks as set.
        let mb = objs[10].0;
        let mut n = 0usize;
        ok(vtkwire_multiblock_block_count(mb, &mut n));
        assert_eq!(n, 4);
        let (mut b, mut np, mut nl) = (null(), null(), 0usize);
        ok(vtkwire_multiblock_block(mb, 0, &mut b, &mut np, &mut nl));
        assert_eq!(vtkwire_object_type(b), VTKWIRE_OBJECT_POLY_DATA);
        assert_eq!(str_of(np, nl), "first block");
        ok(vtkwire_multiblock_block(mb, 1, &mut b, &mut np, &mut nl));
        assert!(b.is_null() && np.is_null());
        // AMR block getter returns an owned copy.
        let mut bx = [0i32; 6];
        let mut gg = null_mut();
        ok(vtkwire_amr_block(objs[11].0, 0, 0, bx.as_mut_ptr(), &mut gg));
        assert_eq!(bx, [0, 0, 0, 3, 3, 3]);
        assert_eq!(vtkwire_object_type(gg), VTKWIRE_OBJECT_IMAGE_DATA);
        vtkwire_object_free(gg);
        ok(vtkwire_amr_block(objs[11].0, 0, 1, bx.as_mut_ptr(), &mut gg));
        assert!(gg.is_null());
        // Image geometry comes back bit-exact.
        let (mut og, mut sp, mut dir) = ([0f64; 3], [0f64; 3], [0f64; 9]);
        ok(vtkwire_image_data_geometry(objs[0].0, og.as_mut_ptr(), sp.as_mut_ptr(), dir.as_mut_ptr()));
        assert_eq!((og, sp), (origin, spacing));
        assert_eq!(dir, [1., 0., 0., 0., 1., 0., 0., 0., 1.]);
        for (o, _) in objs {
            vtkwire_object_free(o);
        }
    }
}

#[test]
fn tree_validation_names_the_problem() {
    let mut o = null_mut();
    // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
    unsafe {
        fails(vtkwire_tree_new(3, [0i64, 1, 2, 1].as_ptr(), 2, &mut o), Status::InvalidObject, "already has parent");
        fails(vtkwire_tree_new(3, [0i64, 1].as_ptr(), 1, &mut o), Status::InvalidObject, "needs 2 edges");
        fails(vtkwire_tree_new(3, [1i64, 2, 2, 1].as_ptr(), 2, &mut o), Status::InvalidObject, "vertex");
        fails(vtkwire_directed_graph_new(2, [0i64, 5].as_ptr(), 1, &mut o), Status::InvalidObject, "not a vertex id");
        assert!(o.is_null(), "outputs are written only on success");
        ok(vtkwire_tree_new(0, null(), 0, &mut o));
        vtkwire_object_free(o);
    }
}

#[test]
fn cell_layout_errors_name_the_index() {
    let o = poly();
    // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
    unsafe {
        let conn = [0i64, 1, 2];
        fails(
            vtkwire_poly_data_set_cells(o, VTKWIRE_POLY_LINES, [1i64, 3].as_ptr(), 2, conn.as_ptr(), 3),
            Status::InvalidArgument,
            "offsets[0]",
        );
        fails(
            vtkwire_poly_data_set_cells(o, VTKWIRE_POLY_LINES, [0i64, 2, 1, 3].as_ptr(), 4, conn.as_ptr(), 3),
            Status::InvalidArgument,
            "index 2",
        );
        fails(
            vtkwire_poly_data_set_cells(o, VTKWIRE_POLY_LINES, [0i64, 2].as_ptr(), 2, conn.as_ptr(), 3),
            Status::InvalidArgument,
            "last offset",
        );
        fails(
            vtkwire_poly_data_set_cells(o, 4, [0i64, 3].as_ptr(), 2, conn.as_ptr(), 3),
            Status::InvalidArgument,
            "kind",
        );
        fails(
            vtkwire_poly_data_set_cells_legacy(o, VTKWIRE_POLY_LINES, [3i64, 0, 1].as_ptr(), 3),
            Status::InvalidArgument,
            "past the end",
        );
        ok(vtkwire_poly_data_set_cells_legacy(o, VTKWIRE_POLY_LINES, [2i64, 0, 1, 2, 1, 2].as_ptr(), 6));
        let (mut po, mut no, mut pc, mut nc) = (null(), 0usize, null(), 0usize);
        ok(vtkwire_poly_data_cells(o, VTKWIRE_POLY_LINES, &mut po, &mut no, &mut pc, &mut nc));
        assert_eq!(std::slice::from_raw_parts(po, no), &[0, 2, 4]);
        let mut ug = null_mut();
        ok(vtkwire_unstructured_grid_new(&mut ug));
        fails(
            vtkwire_unstructured_grid_set_cells(ug, [200u8].as_ptr(), 1, [0i64, 3].as_ptr(), 2, conn.as_ptr(), 3),
            Status::InvalidObject,
            "unknown cell type 200",
        );
        ok(vtkwire_unstructured_grid_set_cells(ug, [10u8].as_ptr(), 1, [0i64, 3].as_ptr(), 2, conn.as_ptr(), 3));
        fails(vtkwire_object_validate(ug), Status::InvalidObject, "tetra has 4 points");
        // A polyhedron face stream that runs past its cell.
        ok(vtkwire_unstructured_grid_set_cells(
            ug,
            [42u8].as_ptr(),
            1,
            [0i64, 3].as_ptr(),
            2,
            [2i64, 3, 0].as_ptr(),
            3,
        ));
        fails(vtkwire_object_validate(ug), Status::InvalidObject, "face 0 claims 3 points");
        vtkwire_object_free(ug);
        vtkwire_object_free(o);
    }
}

#[test]
fn arrays_of_every_type_copy_and_borrow() {
    let numeric: [(i32, usize); 14] = [
        (VTKWIRE_TYPE_CHAR, 1),
        (VTKWIRE_TYPE_SIGNED_CHAR, 1),
        (VTKWIRE_TYPE_UNSIGNED_CHAR, 1),
        (VTKWIRE_TYPE_SHORT, 2),
        (VTKWIRE_TYPE_UNSIGNED_SHORT, 2),
        (VTKWIRE_TYPE_INT, 4),
        (VTKWIRE_TYPE_UNSIGNED_INT, 4),
        (VTKWIRE_TYPE_LONG, 8),
        (VTKWIRE_TYPE_UNSIGNED_LONG, 8),
        (VTKWIRE_TYPE_LONG_LONG, 8),
        (VTKWIRE_TYPE_UNSIGNED_LONG_LONG, 8),
        (VTKWIRE_TYPE_FLOAT, 4),
        (VTKWIRE_TYPE_DOUBLE, 8),
        (VTKWIRE_TYPE_ID_TYPE, 8),
    ];
    // 8-byte aligned storage with a recognisable byte pattern.
    let backing: Vec<u64> =
        (0..12u64).map(|i| 0x0102_0304_0506_0708u64.wrapping_mul(i + 1) ^ 0xff00_ff00_ff00_ff00).collect();
    let bytes = bytemuck_bytes(&backing);
    for (ty, size) in numeric {
        // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
        unsafe {
            for borrowed in [false, true] {
                let mut a = null_mut();
                let f = if borrowed { vtkwire_array_new_borrowed } else { vtkwire_array_new };
                ok(f(c"v".as_ptr(), ty, bytes.as_ptr().cast(), 4, 3, &mut a));
                let (mut d, mut nb) = (null(), 0usize);
                ok(vtkwire_array_data(a, &mut d, &mut nb));
                assert_eq!(nb, 12 * size);
                assert_eq!(std::slice::from_raw_parts(d.cast::<u8>(), nb), &bytes[..nb], "type {ty}");
                assert_eq!(d == bytes.as_ptr().cast::<c_void>(), borrowed, "borrowed arrays alias caller memory");
                let mut c = null_mut();
                ok(vtkwire_array_clone(a, &mut c));
                let (mut d2, mut nb2) = (null(), 0usize);
                ok(vtkwire_array_data(c, &mut d2, &mut nb2));
                assert_ne!(d2, bytes.as_ptr().cast::<c_void>(), "a clone owns its values");
                assert_eq!(std::slice::from_raw_parts(d2.cast::<u8>(), nb2), &bytes[..nb]);
                vtkwire_array_free(c);
                vtkwire_array_free(a);
            }
        }
    }
    // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
    unsafe {
        // Bits: 10 values packed in 2 bytes; stray low bits of the last byte are cleared.
        let mut a = null_mut();
        ok(vtkwire_array_new(null(), VTKWIRE_TYPE_BIT, [0b1010_1010u8, 0b1111_1111].as_ptr().cast(), 5, 2, &mut a));
        let (mut d, mut nb) = (null(), 0usize);
        ok(vtkwire_array_data(a, &mut d, &mut nb));
        assert_eq!(std::slice::from_raw_parts(d.cast::<u8>(), nb), &[0b1010_1010, 0b1100_0000]);
        let (mut np, mut nl) = (null(), 7usize);
        ok(vtkwire_array_name(a, &mut np, &mut nl));
        assert!(np.is_null() && nl == 0, "unnamed stays unnamed");
        fails(
            vtkwire_array_new_borrowed(null(), VTKWIRE_TYPE_BIT, [0u8].as_ptr().cast(), 1, 1, &mut a),
            Status::WrongArrayType,
            "bit",
        );
        vtkwire_array_free(a);
        // Strings, unicode included.
        let vals = [c"alpha".as_ptr(), c"".as_ptr(), c"ünïcødé ✓".as_ptr()];
        let mut s = null_mut();
        ok(vtkwire_array_new_strings(c"names".as_ptr(), vals.as_ptr(), 3, &mut s));
        let (mut p, mut l) = (null(), 0usize);
        ok(vtkwire_array_string(s, 2, &mut p, &mut l));
        assert_eq!(str_of(p, l), "ünïcødé ✓");
        fails(vtkwire_array_string(s, 3, &mut p, &mut l), Status::OutOfRange, "value 3");
        let (mut d, mut nb) = (null(), 0usize);
        fails(vtkwire_array_data(s, &mut d, &mut nb), Status::WrongArrayType, "string");
        vtkwire_array_free(s);
        // Invalid UTF-8 in a string value is refused.
        let bad = [0xffu8, 0xfe, 0];
        let vals = [bad.as_ptr().cast::<c_char>()];
        fails(vtkwire_array_new_strings(null(), vals.as_ptr(), 1, &mut s), Status::InvalidUtf8, "values[0]");
        // Component names and lookup tables.
        let mut v = null_mut();
        ok(vtkwire_array_new(c"vel".as_ptr(), VTKWIRE_TYPE_FLOAT, [0f32; 6].as_ptr().cast(), 2, 3, &mut v));
        ok(vtkwire_array_set_component_name(v, 1, c"v y".as_ptr()));
        fails(vtkwire_array_set_component_name(v, 3, c"w".as_ptr()), Status::OutOfRange, "component 3");
        ok(vtkwire_array_component_name(v, 1, &mut p, &mut l));
        assert_eq!(str_of(p, l), "v y");
        ok(vtkwire_array_component_name(v, 0, &mut p, &mut l));
        assert!(p.is_null());
        ok(vtkwire_array_set_lookup_table(v, c"lut".as_ptr(), [255u8, 0, 0, 255, 0, 0, 255, 128].as_ptr(), 2));
        let (mut rgba, mut nc) = (null(), 0usize);
        ok(vtkwire_array_lookup_table(v, &mut rgba, &mut nc));
        assert_eq!(std::slice::from_raw_parts(rgba, 4 * nc), &[255, 0, 0, 255, 0, 0, 255, 128]);
        // Misaligned borrowed memory is refused rather than read.
        let raw = [0u64; 3];
        fails(
            vtkwire_array_new_borrowed(
                null(),
                VTKWIRE_TYPE_DOUBLE,
                raw.as_ptr().cast::<u8>().add(1).cast(),
                2,
                1,
                &mut v as *mut _,
            ),
            Status::InvalidArgument,
            "aligned",
        );
        vtkwire_array_free(v);
    }
}

#[test]
fn array_roles_are_checked() {
    let o = poly();
    // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
    unsafe {
        let v2 = [0f32; 6];
        ok(vtkwire_object_add_array_data(
            o,
            VTKWIRE_ASSOCIATION_POINT,
            c"two".as_ptr(),
            VTKWIRE_TYPE_FLOAT,
            v2.as_ptr().cast(),
            3,
            2,
            null_mut(),
        ));
        fails(
            vtkwire_object_set_active(o, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_VECTORS, c"two".as_ptr()),
            Status::InvalidArgument,
            "3 components",
        );
        ok(vtkwire_object_set_active(o, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_TCOORDS, c"two".as_ptr()));
        fails(
            vtkwire_object_set_active(o, VTKWIRE_ASSOCIATION_POINT, 8, c"two".as_ptr()),
            Status::InvalidArgument,
            "role",
        );
        fails(vtkwire_object_set_active(o, VTKWIRE_ASSOCIATION_POINT, 0, c"nope".as_ptr()), Status::NotFound, "nope");
        fails(
            vtkwire_object_set_active(o, VTKWIRE_ASSOCIATION_ROW, 0, c"two".as_ptr()),
            Status::WrongObjectType,
            "row data",
        );
        let mut n = 0usize;
        fails(vtkwire_object_array_count(o, 3, &mut n), Status::InvalidArgument, "association");
        let mut a = null();
        ok(vtkwire_object_array_by_name(o, VTKWIRE_ASSOCIATION_POINT, c"two".as_ptr(), &mut a));
        ok(vtkwire_object_set_active(o, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_TCOORDS, null()));
        fails(
            vtkwire_object_active_array(o, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_TCOORDS, &mut a),
            Status::NotFound,
            "tcoords",
        );
        vtkwire_object_free(o);
    }
}

/// Calls `f` with each pointer argument replaced by NULL in turn (via the closure's index) and
/// checks NULL_ARGUMENT with the argument named.
fn null_each(name: &str, args: &[&str], mut f: impl FnMut(usize) -> Status) {
    for (i, arg) in args.iter().enumerate() {
        let s = f(i);
        assert_eq!(s, Status::NullArgument, "{name} with NULL {arg}: {:?} ({})", s, last_error());
        assert!(last_error().contains(arg), "{name}: message {:?} should name {arg}", last_error());
    }
}

fn nn<T>(i: usize, k: usize, p: *const T) -> *const T {
    if i == k { null() } else { p }
}

fn nm<T>(i: usize, k: usize, p: *mut T) -> *mut T {
    if i == k { null_mut() } else { p }
}

#[test]
fn null_pointer_arguments_are_named() {
    let o = poly();
    let mut out_o: *mut vtkwire_object = null_mut();
    let ext = [0i32, 1, 0, 1, 0, 1];
    let v3 = [1.0f64; 3];
    let v9 = [1.0f64; 9];
    let mut a: *mut vtkwire_array = null_mut();
    // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
    unsafe {
        ok(vtkwire_array_new(c"a".as_ptr(), VTKWIRE_TYPE_FLOAT, [1f32, 2., 3.].as_ptr().cast(), 3, 1, &mut a));
        let (mut ca, mut cp, mut cu, mut ci, mut cz, mut cd, mut cb) =
            (null::<vtkwire_array>(), null::<c_char>(), 0usize, 0i32, 0usize, null::<c_void>(), null::<u8>());
        let (mut ci64, mut co) = (null::<i64>(), null::<vtkwire_object>());
        let mut f3 = [0f64; 3];
        let mut f9 = [0f64; 9];
        let mut i6 = [0i32; 6];
        let img = {
            let mut g = null_mut();
            ok(vtkwire_image_data_new(ext.as_ptr(), v3.as_ptr(), v3.as_ptr(), &mut g));
            g
        };
        let mb = {
            let mut g = null_mut();
            ok(vtkwire_multiblock_new(1, &mut g));
            g
        };
        let amr = {
            let mut g = null_mut();
            ok(vtkwire_amr_new(v3.as_ptr(), 8, &mut g));
            ok(vtkwire_amr_add_level(g, v3.as_ptr(), 2, null_mut()));
            ok(vtkwire_amr_add_block(g, 0, [0i32, 0, 0, 0, 0, 0].as_ptr(), null(), null_mut()));
            g
        };
        let graph = {
            let mut g = null_mut();
            ok(vtkwire_directed_graph_new(2, [0i64, 1].as_ptr(), 1, &mut g));
            g
        };
        let rg = {
            let mut g = null_mut();
            ok(vtkwire_rectilinear_grid_new(ext.as_ptr(), &mut g));
            ok(vtkwire_rectilinear_grid_set_coordinates(g, 0, VTKWIRE_TYPE_DOUBLE, [0f64, 1.].as_ptr().cast(), 2));
            g
        };
        let ug = {
            let mut g = null_mut();
            ok(vtkwire_unstructured_grid_new(&mut g));
            g
        };
        let strings = [c"x".as_ptr()];

        null_each("array_new", &["out_array"], |_| {
            vtkwire_array_new(null(), VTKWIRE_TYPE_INT, [1i32].as_ptr().cast(), 1, 1, null_mut())
        });
        null_each("array_new data", &["data"], |_| {
            vtkwire_array_new(null(), VTKWIRE_TYPE_INT, null(), 1, 1, &mut a as *mut _)
        });
        null_each("array_new_borrowed", &["data", "out_array"], |i| {
            vtkwire_array_new_borrowed(
                null(),
                VTKWIRE_TYPE_INT,
                nn(i, 0, [1i32].as_ptr().cast()),
                1,
                1,
                nm(i, 1, &mut out_o as *mut _ as *mut *mut vtkwire_array),
            )
        });
        null_each("array_new_strings", &["values", "out_array"], |i| {
            vtkwire_array_new_strings(
                null(),
                nn(i, 0, strings.as_ptr()),
                1,
                nm(i, 1, &mut out_o as *mut _ as *mut *mut vtkwire_array),
            )
        });
        null_each("array_clone", &["array", "out_array"], |i| {
            vtkwire_array_clone(nn(i, 0, a), nm(i, 1, &mut out_o as *mut _ as *mut *mut vtkwire_array))
        });
        null_each("array_set_component_name", &["array", "name"], |i| {
            vtkwire_array_set_component_name(nm(i, 0, a), 0, nn(i, 1, c"n".as_ptr()))
        });
        null_each("array_set_lookup_table", &["array", "name", "rgba"], |i| {
            vtkwire_array_set_lookup_table(nm(i, 0, a), nn(i, 1, c"n".as_ptr()), nn(i, 2, [0u8; 4].as_ptr()), 1)
        });
        null_each("array_info", &["array", "out_type", "out_ntuples", "out_ncomponents"], |i| {
            vtkwire_array_info(nn(i, 0, a), nm(i, 1, &mut ci), nm(i, 2, &mut cu), nm(i, 3, &mut ci))
        });
        null_each("array_name", &["array", "out_name", "out_len"], |i| {
            vtkwire_array_name(nn(i, 0, a), nm(i, 1, &mut cp), nm(i, 2, &mut cu))
        });
        null_each("array_data", &["array", "out_data", "out_nbytes"], |i| {
            vtkwire_array_data(nn(i, 0, a), nm(i, 1, &mut cd), nm(i, 2, &mut cu))
        });
        null_each("array_string", &["array", "out_value", "out_len"], |i| {
            vtkwire_array_string(nn(i, 0, a), 0, nm(i, 1, &mut cp), nm(i, 2, &mut cu))
        });
        null_each("array_component_name", &["array", "out_name", "out_len"], |i| {
            vtkwire_array_component_name(nn(i, 0, a), 0, nm(i, 1, &mut cp), nm(i, 2, &mut cu))
        });
        null_each("array_lookup_table", &["array", "out_rgba", "out_ncolors"], |i| {
            vtkwire_array_lookup_table(nn(i, 0, a), nm(i, 1, &mut cb), nm(i, 2, &mut cu))
        });
        for ctor in [vtkwire_image_data_new, vtkwire_structured_points_new] {
            null_each("image ctor", &["extent", "origin", "spacing", "out_obj"], |i| {
                ctor(nn(i, 0, ext.as_ptr()), nn(i, 1, v3.as_ptr()), nn(i, 2, v3.as_ptr()), nm(i, 3, &mut out_o))
            });
        }
        null_each("image_data_set_direction", &["obj", "direction"], |i| {
            vtkwire_image_data_set_direction(nm(i, 0, img), nn(i, 1, v9.as_ptr()))
        });
        null_each("image_data_geometry", &["obj", "out_origin", "out_spacing", "out_direction"], |i| {
            vtkwire_image_data_geometry(
                nn(i, 0, img),
                nm(i, 1, f3.as_mut_ptr()),
                nm(i, 2, f3.as_mut_ptr()),
                nm(i, 3, f9.as_mut_ptr()),
            )
        });
        null_each("rectilinear_grid_new", &["extent", "out_obj"], |i| {
            vtkwire_rectilinear_grid_new(nn(i, 0, ext.as_ptr()), nm(i, 1, &mut out_o))
        });
        null_each("structured_grid_new", &["extent", "out_obj"], |i| {
            vtkwire_structured_grid_new(nn(i, 0, ext.as_ptr()), nm(i, 1, &mut out_o))
        });
        null_each("rectilinear_grid_set_coordinates", &["obj", "values"], |i| {
            vtkwire_rectilinear_grid_set_coordinates(
                nm(i, 0, rg),
                0,
                VTKWIRE_TYPE_DOUBLE,
                nn(i, 1, [0f64, 1.].as_ptr().cast()),
                2,
            )
        });
        null_each("rectilinear_grid_coordinates", &["obj", "out_array"], |i| {
            vtkwire_rectilinear_grid_coordinates(nn(i, 0, rg), 0, nm(i, 1, &mut ca))
        });
        for ctor in [vtkwire_poly_data_new, vtkwire_unstructured_grid_new, vtkwire_table_new] {
            null_each("ctor", &["out_obj"], |_| ctor(null_mut()));
        }
        for ctor in [vtkwire_directed_graph_new, vtkwire_undirected_graph_new, vtkwire_tree_new] {
            null_each("graph ctor", &["edges", "out_obj"], |i| {
                ctor(2, nn(i, 0, [0i64, 1].as_ptr()), 1, nm(i, 1, &mut out_o))
            });
        }
        null_each("multiblock_new", &["out_obj"], |_| vtkwire_multiblock_new(1, null_mut()));
        null_each("amr_new", &["origin", "out_obj"], |i| {
            vtkwire_amr_new(nn(i, 0, v3.as_ptr()), 8, nm(i, 1, &mut out_o))
        });
        null_each("object_clone", &["obj", "out_obj"], |i| vtkwire_object_clone(nn(i, 0, o), nm(i, 1, &mut out_o)));
        null_each("object_validate", &["obj"], |_| vtkwire_object_validate(null()));
        null_each("object_summary", &["obj", "buf", "out_len"], |i| {
            let mut buf = [0 as c_char; 8];
            vtkwire_object_summary(nn(i, 0, o), nm(i, 1, buf.as_mut_ptr()), 8, nm(i, 2, &mut cu))
        });
        null_each("object_count", &["obj", "out_count"], |i| vtkwire_object_count(nn(i, 0, o), 0, nm(i, 1, &mut cu)));
        null_each("object_extent", &["obj", "out_extent"], |i| {
            vtkwire_object_extent(nn(i, 0, img), nm(i, 1, i6.as_mut_ptr()))
        });
        for f in [vtkwire_object_set_points, vtkwire_object_set_points_borrowed] {
            null_each("set_points", &["obj", "xyz"], |i| {
                f(nm(i, 0, o), VTKWIRE_TYPE_FLOAT, nn(i, 1, [0f32; 9].as_ptr().cast()), 3)
            });
        }
        null_each("object_points", &["obj", "out_points"], |i| vtkwire_object_points(nn(i, 0, o), nm(i, 1, &mut ca)));
        null_each("poly_data_set_cells", &["obj", "offsets", "connectivity"], |i| {
            vtkwire_poly_data_set_cells(nm(i, 0, o), 0, nn(i, 1, [0i64, 1].as_ptr()), 2, nn(i, 2, [0i64].as_ptr()), 1)
        });
        null_each("poly_data_set_cells_legacy", &["obj", "cells"], |i| {
            vtkwire_poly_data_set_cells_legacy(nm(i, 0, o), 0, nn(i, 1, [1i64, 0].as_ptr()), 2)
        });
        null_each(
            "poly_data_cells",
            &["obj", "out_offsets", "out_noffsets", "out_connectivity", "out_nconnectivity"],
            |i| {
                vtkwire_poly_data_cells(
                    nn(i, 0, o),
                    0,
                    nm(i, 1, &mut ci64),
                    nm(i, 2, &mut cu),
                    nm(i, 3, &mut ci64),
                    nm(i, 4, &mut cz),
                )
            },
        );
        null_each("unstructured_grid_set_cells", &["obj", "types", "offsets", "connectivity"], |i| {
            vtkwire_unstructured_grid_set_cells(
                nm(i, 0, ug),
                nn(i, 1, [1u8].as_ptr()),
                1,
                nn(i, 2, [0i64, 1].as_ptr()),
                2,
                nn(i, 3, [0i64].as_ptr()),
                1,
            )
        });
        null_each(
            "unstructured_grid_cells",
            &["obj", "out_types", "out_ncells", "out_offsets", "out_noffsets", "out_connectivity", "out_nconnectivity"],
            |i| {
                vtkwire_unstructured_grid_cells(
                    nn(i, 0, ug),
                    nm(i, 1, &mut cb),
                    nm(i, 2, &mut cu),
                    nm(i, 3, &mut ci64),
                    nm(i, 4, &mut cz),
                    nm(i, 5, &mut ci64),
                    nm(i, 6, &mut cz),
                )
            },
        );
        null_each("graph_edges", &["obj", "out_edges", "out_nedges"], |i| {
            vtkwire_graph_edges(nn(i, 0, graph), nm(i, 1, &mut ci64), nm(i, 2, &mut cu))
        });
        null_each("multiblock_block_count", &["obj", "out_count"], |i| {
            vtkwire_multiblock_block_count(nn(i, 0, mb), nm(i, 1, &mut cu))
        });
        null_each("multiblock_set_block", &["obj"], |_| vtkwire_multiblock_set_block(null_mut(), 0, null(), null()));
        null_each("multiblock_set_block_take", &["obj"], |_| {
            vtkwire_multiblock_set_block_take(null_mut(), 0, null(), null_mut())
        });
        null_each("multiblock_block", &["obj", "out_block", "out_name", "out_name_len"], |i| {
            vtkwire_multiblock_block(nn(i, 0, mb), 0, nm(i, 1, &mut co), nm(i, 2, &mut cp), nm(i, 3, &mut cu))
        });
        null_each("amr_add_level", &["obj", "spacing"], |i| {
            vtkwire_amr_add_level(nm(i, 0, amr), nn(i, 1, v3.as_ptr()), 2, null_mut())
        });
        null_each("amr_add_block", &["obj", "box"], |i| {
            vtkwire_amr_add_block(nm(i, 0, amr), 0, nn(i, 1, ext.as_ptr()), null(), null_mut())
        });
        null_each("amr_info", &["obj", "out_origin", "out_grid_description", "out_nlevels"], |i| {
            vtkwire_amr_info(nn(i, 0, amr), nm(i, 1, f3.as_mut_ptr()), nm(i, 2, &mut ci), nm(i, 3, &mut cu))
        });
        null_each("amr_level", &["obj", "out_spacing", "out_refinement_ratio", "out_nblocks"], |i| {
            vtkwire_amr_level(nn(i, 0, amr), 0, nm(i, 1, f3.as_mut_ptr()), nm(i, 2, &mut ci), nm(i, 3, &mut cu))
        });
        null_each("amr_block", &["obj", "out_box", "out_grid"], |i| {
            vtkwire_amr_block(nn(i, 0, amr), 0, 0, nm(i, 1, i6.as_mut_ptr()), nm(i, 2, &mut out_o))
        });
        null_each("object_add_array", &["obj", "array"], |i| {
            vtkwire_object_add_array(nm(i, 0, o), 0, nn(i, 1, a), null_mut())
        });
        null_each("object_add_array_take", &["obj", "array"], |i| {
            vtkwire_object_add_array_take(nm(i, 0, o), 0, nm(i, 1, a), null_mut())
        });
        for f in [vtkwire_object_add_array_data, vtkwire_object_add_array_data_borrowed] {
            null_each("object_add_array_data", &["obj", "data"], |i| {
                f(nm(i, 0, o), 0, null(), VTKWIRE_TYPE_FLOAT, nn(i, 1, [0f32; 3].as_ptr().cast()), 3, 1, null_mut())
            });
        }
        null_each("object_set_active", &["obj"], |_| vtkwire_object_set_active(null_mut(), 0, 0, null()));
        null_each("object_array_count", &["obj", "out_count"], |i| {
            vtkwire_object_array_count(nn(i, 0, o), 0, nm(i, 1, &mut cu))
        });
        null_each("object_array", &["obj", "out_array"], |i| {
            vtkwire_object_array(nn(i, 0, o), 2, 0, nm(i, 1, &mut ca))
        });
        null_each("object_array_by_name", &["obj", "name", "out_array"], |i| {
            vtkwire_object_array_by_name(nn(i, 0, o), 0, nn(i, 1, c"x".as_ptr()), nm(i, 2, &mut ca))
        });
        null_each("object_active_array", &["obj", "out_array"], |i| {
            vtkwire_object_active_array(nn(i, 0, o), 0, 0, nm(i, 1, &mut ca))
        });
        null_each("object_remove_array", &["obj"], |_| vtkwire_object_remove_array(null_mut(), 0, 0));

        // Plain-value exports on NULL.
        assert_eq!(vtkwire_object_type(null()), VTKWIRE_OBJECT_NULL);
        assert!(vtkwire_object_class_name(null()).is_null());
        vtkwire_object_free(null_mut());
        vtkwire_array_free(null_mut());
        for o2 in [img, mb, amr, graph, rg, ug, o] {
            vtkwire_object_free(o2);
        }
        vtkwire_array_free(a);
    }
}

#[test]
fn bad_enum_values_and_sizes_are_refused() {
    let o = poly();
    // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
    unsafe {
        let mut a = null_mut();
        for bad in [0, 14, 18, 19, 21, -1, i32::MAX] {
            fails(
                vtkwire_array_new(null(), bad, [0u8; 8].as_ptr().cast(), 1, 1, &mut a),
                Status::InvalidArgument,
                "type",
            );
        }
        fails(
            vtkwire_array_new(null(), VTKWIRE_TYPE_STRING, [0u8; 8].as_ptr().cast(), 1, 1, &mut a),
            Status::WrongArrayType,
            "string",
        );
        for bad in [0, -3] {
            fails(
                vtkwire_array_new(null(), VTKWIRE_TYPE_INT, [0u8; 8].as_ptr().cast(), 1, bad, &mut a),
                Status::InvalidArgument,
                "ncomponents",
            );
        }
        fails(
            vtkwire_array_new(null(), VTKWIRE_TYPE_DOUBLE, [0u8; 8].as_ptr().cast(), usize::MAX, 3, &mut a),
            Status::OutOfRange,
            "overflows",
        );
        let mut n = 0usize;
        for bad in [-1, 3, 7, 100] {
            fails(vtkwire_object_count(o, bad, &mut n), Status::InvalidArgument, "association");
        }
        fails(vtkwire_object_count(o, VTKWIRE_ASSOCIATION_ROW, &mut n), Status::WrongObjectType, "vtkPolyData");
        fails(
            vtkwire_object_set_points(o, VTKWIRE_TYPE_STRING, [0f32; 3].as_ptr().cast(), 1),
            Status::InvalidArgument,
            "numeric",
        );
        let mut img = null_mut();
        fails(
            vtkwire_image_data_new([0i32, 1, 0, -1, 0, 1].as_ptr(), [0f64; 3].as_ptr(), [1f64; 3].as_ptr(), &mut img),
            Status::InvalidObject,
            "extent",
        );
        fails(
            vtkwire_image_data_new([0i32; 6].as_ptr(), [f64::NAN, 0., 0.].as_ptr(), [1f64; 3].as_ptr(), &mut img),
            Status::InvalidObject,
            "finite",
        );
        let mut amr = null_mut();
        fails(vtkwire_amr_new([0f64; 3].as_ptr(), 10, &mut amr), Status::InvalidObject, "grid description");
        ok(vtkwire_amr_new([0f64; 3].as_ptr(), 8, &mut amr));
        fails(vtkwire_amr_add_level(amr, [0f64, 1., 1.].as_ptr(), 2, null_mut()), Status::InvalidArgument, "spacing");
        fails(
            vtkwire_amr_add_level(amr, [1f64; 3].as_ptr(), 0, null_mut()),
            Status::InvalidArgument,
            "refinement ratio",
        );
        fails(
            vtkwire_amr_add_block(amr, 0, [0i32; 6].as_ptr(), null(), null_mut()),
            Status::OutOfRange,
            "level 0 of 0",
        );
        fails(vtkwire_amr_add_block(o, 0, [0i32; 6].as_ptr(), null(), null_mut()), Status::WrongObjectType, "AMR");
        fails(vtkwire_multiblock_set_block_take(o, 0, null(), o), Status::WrongObjectType, "multiblock");
        let mut mb = null_mut();
        ok(vtkwire_multiblock_new(0, &mut mb));
        fails(vtkwire_multiblock_set_block_take(mb, 0, null(), mb), Status::InvalidArgument, "itself");
        vtkwire_object_free(mb);
        fails(
            vtkwire_rectilinear_grid_set_coordinates(amr, 5, VTKWIRE_TYPE_DOUBLE, null(), 0),
            Status::InvalidArgument,
            "axis",
        );
        vtkwire_object_free(amr);
        // Status strings exist for every code and for unknown ones.
        for s in Status::ALL {
            let d = CStr::from_ptr(vtkwire_status_str(s as i32)).to_str().unwrap();
            assert!(!d.is_empty());
        }
        assert_eq!(CStr::from_ptr(vtkwire_status_str(12345)).to_str().unwrap(), "unknown status");
        // Last-error copy: size query, truncation with NUL.
        fails(vtkwire_object_validate(null()), Status::NullArgument, "obj");
        let full = vtkwire::ffi::status::vtkwire_last_error_copy(null_mut(), 0);
        let mut buf = [1 as c_char; 6];
        assert_eq!(vtkwire::ffi::status::vtkwire_last_error_copy(buf.as_mut_ptr(), 6), full);
        assert_eq!(CStr::from_ptr(buf.as_ptr()).to_bytes(), &last_error().as_bytes()[..5]);
        vtkwire_object_free(o);
    }
}

#[test]
fn deep_multiblock_nesting_is_refused() {
    // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
    unsafe {
        let mut cur = poly();
        let mut depth = 0;
        let result = loop {
            let mut mb = null_mut();
            ok(vtkwire_multiblock_new(0, &mut mb));
            let s = vtkwire_multiblock_set_block_take(mb, 0, null(), cur);
            if s != Status::Ok {
                vtkwire_object_free(mb);
                break (s, depth);
            }
            cur = mb;
            depth += 1;
            assert!(depth < 200, "nesting never refused");
        };
        assert_eq!(result.0, Status::InvalidObject, "{}", last_error());
        assert!(last_error().contains("nesting"), "{}", last_error());
        assert_eq!(result.1, vtkwire::model::MAX_DEPTH);
        vtkwire_object_free(cur);
    }
}

/// `vtkwire_set_vtk_peer_version` / `vtkwire_get_vtk_peer_version` need no MPI: NULL outputs
/// are named and left unwritten, bad versions refused without changing the setting. (The
/// gathers they select are tested under MPI in `tests/mpi_peer_version.rs`.)
#[test]
#[cfg(feature = "mpi")]
fn peer_version_arguments_are_checked() {
    use vtkwire::ffi::mpi::{vtkwire_get_vtk_peer_version, vtkwire_set_vtk_peer_version};
    // SAFETY: every pointer below is NULL on purpose or points to live locals or to handles made here and freed once; lengths match the buffers.
    unsafe {
        // Explicit first, so the test does not depend on VTKWIRE_VTK_PEER_VERSION.
        ok(vtkwire_set_vtk_peer_version(9, 5));
        let (mut major, mut minor) = (-7, -8);
        fails(vtkwire_get_vtk_peer_version(null_mut(), &mut minor), Status::NullArgument, "`out_major`");
        fails(vtkwire_get_vtk_peer_version(&mut major, null_mut()), Status::NullArgument, "`out_minor`");
        fails(vtkwire_get_vtk_peer_version(null_mut(), null_mut()), Status::NullArgument, "`out_major`");
        assert_eq!((major, minor), (-7, -8), "a failed call wrote its outputs");
        for (bad_major, bad_minor) in
            [(4, 99), (0, 0), (-1, 5), (9, -1), (100, 0), (9, 100), (i32::MIN, i32::MIN), (i32::MAX, 1)]
        {
            fails(
                vtkwire_set_vtk_peer_version(bad_major, bad_minor),
                Status::InvalidArgument,
                &format!("{bad_major}.{bad_minor}"),
            );
        }
        ok(vtkwire_get_vtk_peer_version(&mut major, &mut minor));
        assert_eq!((major, minor), (9, 5), "a refused version changed the setting");
        assert_eq!(last_error(), "");
        ok(vtkwire_set_vtk_peer_version(5, 0));
        ok(vtkwire_set_vtk_peer_version(99, 99));
        ok(vtkwire_set_vtk_peer_version(9, 1));
        ok(vtkwire_get_vtk_peer_version(&mut major, &mut minor));
        assert_eq!((major, minor), (9, 1));
    }
}
