//! `vtkwire_object`: the opaque handle to any data object, and what every type shares: free,
//! clone, type and class name, validation, summary, counts, extent and explicit points.
//!
//! The type-specific constructors, setters and getters live beside it, one file per concept:
//! [`image`](super::image) (image data, structured points, rectilinear and structured grids),
//! [`cells`](super::cells) (poly data and unstructured grids), [`graph`](super::graph)
//! (graphs and trees), [`composite`](super::composite) (multiblock, AMR) and
//! [`attributes`](super::attributes) (arrays on objects, active roles, tables).

use std::ffi::{c_char, c_void};

use crate::error::{Error, Result, Status};
use crate::ffi::array::{self, array_borrowed, vtkwire_array};
use crate::ffi::guard::{self, check_out, guard, guard_value, write_out};
use crate::model::{Association, DataArray, DataObject};

/// Opaque handle to any data object (image data, poly data, table, graph, multiblock, AMR…).
pub struct vtkwire_object {
    _opaque: [u8; 0],
}

/// `&DataObject` behind a handle.
///
/// # Safety
/// `p` must be NULL or a live handle (owned, or borrowed from a live parent).
pub unsafe fn object_ref<'a>(p: *const vtkwire_object, name: &str) -> Result<&'a DataObject> {
    // SAFETY: forwarded contract: NULL or a live handle, whose pointee is a DataObject.
    unsafe { guard::as_ref(p.cast::<DataObject>(), name) }
}

/// `&mut DataObject` behind an owned handle.
///
/// # Safety
/// `p` must be NULL or a live owned handle, not aliased for the call.
pub unsafe fn object_mut<'a>(p: *mut vtkwire_object, name: &str) -> Result<&'a mut DataObject> {
    // SAFETY: forwarded contract: NULL or a live, unaliased handle to a DataObject.
    unsafe { guard::as_mut(p.cast::<DataObject>(), name) }
}

/// A new owned handle.
pub fn object_into_handle(o: DataObject) -> *mut vtkwire_object {
    Box::into_raw(Box::new(o)).cast()
}

/// Takes back ownership of a handle made by [`object_into_handle`].
///
/// # Safety
/// `p` must be a live owned handle, not used afterwards.
pub unsafe fn object_from_handle(p: *mut vtkwire_object) -> DataObject {
    // SAFETY: owned handles are Box<DataObject>.
    *unsafe { Box::from_raw(p.cast::<DataObject>()) }
}

pub(crate) fn assoc_arg(code: i32) -> Result<Association> {
    guard::enum_arg(code, "association", Association::from_code)
}

pub(crate) fn wrong_type(obj: &DataObject, want: &str) -> Error {
    Error::wrong_object_type(format!("expected {want}, got a {}", obj.class_name()))
}

/// Writes a new object to `out` (shared by all constructors).
pub(crate) fn new_object(out: *mut *mut vtkwire_object, make: impl FnOnce() -> Result<DataObject>) -> Status {
    guard(|| {
        check_out(out, "out_obj")?;
        let o = make()?;
        // SAFETY: `out` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out, object_into_handle(o)) };
        Ok(())
    })
}

pub(crate) fn checked(o: DataObject) -> Result<DataObject> {
    o.validate()?;
    Ok(o)
}

/// Frees an object made by a constructor, `vtkwire_object_clone`, `vtkwire_unmarshal`,
/// `vtkwire_legacy_read` or a receive, with everything it owns (blocks, arrays).
///
/// # Ownership
/// Takes back ownership of `obj`. `vtkwire_object_free(NULL)` is a no-op. Never pass an object
/// borrowed from another one (a multiblock's block).
///
/// # Errors
/// None: returns nothing and cannot fail.
///
/// # Safety
/// `obj` NULL or an owned object handle not freed before; it must not be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vtkwire_object_free(obj: *mut vtkwire_object) {
    if !obj.is_null() {
        // SAFETY: `obj` is a live owned handle (checked above / `# Safety`) and is not used again.
        let _ = std::panic::catch_unwind(|| drop(unsafe { object_from_handle(obj) }));
    }
}

/// Deep-copies an object (values borrowed from caller memory are copied too).
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`. Borrows `obj`
/// for the duration of the call.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or `out_obj` is NULL.
///
/// # Safety
/// `obj` NULL or a live object handle; `out_obj` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_clone(obj: *const vtkwire_object, out_obj: *mut *mut vtkwire_object) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let o = unsafe { object_ref(obj, "obj") }?;
        check_out(out_obj, "out_obj")?;
        // SAFETY: `out_obj` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_obj, object_into_handle(deep_copy(o))) };
        Ok(())
    })
}

/// A copy owning every value (no borrowed caller memory).
pub fn deep_copy(o: &DataObject) -> DataObject {
    let mut c = o.clone();
    for assoc in Association::ALL {
        if let Some(attrs) = c.attributes_mut(assoc) {
            for i in 0..attrs.len() {
                if let Some(a) = attrs.get_mut(i) {
                    *a = array::deep_copy(a);
                }
            }
        }
    }
    if let Some(Some(p)) = c.points_slot() {
        *p = array::deep_copy(p);
    }
    if let DataObject::MultiBlock(m) = &mut c {
        for b in &mut m.blocks {
            if let Some(child) = &mut b.object {
                **child = deep_copy(child);
            }
        }
    }
    c
}

/// VTK's data-object type code of `obj` (`VTKWIRE_OBJECT_*`), or `VTKWIRE_OBJECT_NULL` (-1) for
/// NULL.
///
/// # Ownership
/// Borrows `obj` for the duration of the call.
///
/// # Errors
/// None: returns the code (no status; the last error is not changed).
///
/// # Safety
/// `obj` NULL or a live object handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vtkwire_object_type(obj: *const vtkwire_object) -> i32 {
    // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
    guard_value(-1, || unsafe { object_ref(obj, "obj") }.map_or(-1, DataObject::type_code))
}

/// VTK's class name of `obj` ("vtkPolyData"…) in string shape *static*; NULL when `obj` is NULL.
///
/// # Ownership
/// Static storage; do not free.
///
/// # Errors
/// None: returns the name, or NULL for a NULL `obj` (no status; the last error is not changed).
///
/// # Safety
/// `obj` NULL or a live object handle.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vtkwire_object_class_name(obj: *const vtkwire_object) -> *const c_char {
    guard_value(std::ptr::null(), || {
        // SAFETY: `obj` is NULL or a live handle (the contract above); NULL gives an error.
        unsafe { object_ref(obj, "obj") }.map_or(std::ptr::null(), |o| o.class_name_c().as_ptr())
    })
}

/// Checks every invariant of `obj` (ids in range, array lengths, tree shape, nesting…).
/// Marshal and send call this too.
///
/// # Ownership
/// Borrows `obj` for the duration of the call.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` is NULL.
/// - INVALID_OBJECT: an invariant fails; the message names what and where.
///
/// # Safety
/// `obj` NULL or a live object handle.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_validate(obj: *const vtkwire_object) -> Status {
    // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
    guard(|| unsafe { object_ref(obj, "obj") }?.validate())
}

/// A one-line summary of `obj` (type, counts, extent, arrays) in string shape *copy*:
/// `*out_len` receives the full length in bytes (without the NUL); when `buf` is non-NULL and
/// `cap > 0`, at most `cap - 1` bytes cut at a UTF-8 character boundary are written, then a
/// NUL. `(NULL, 0)` is a size query.
///
/// # Ownership
/// Borrows `obj`, `buf` and `out_len` for the duration of the call; the text is copied.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or `out_len` is NULL, or `buf` is NULL with `cap > 0` (nothing
///   written).
/// - BUFFER_TOO_SMALL: the summary and its NUL did not fit in `cap` bytes; the cut summary and
///   the full length were written.
///
/// # Safety
/// `obj` NULL or a live object handle; `buf` NULL or valid for `cap` bytes of writes;
/// `out_len` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_summary(
    obj: *const vtkwire_object,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let o = unsafe { object_ref(obj, "obj") }?;
        // SAFETY: `buf` holds `cap` writable bytes and `out_len` is writable, or NULL (`# Safety`).
        unsafe { guard::copy_str_out(&o.summary(), buf, cap, out_len) }
    })
}

/// The number of points (`VTKWIRE_ASSOCIATION_POINT`), cells (`_CELL`), rows (`_ROW`),
/// vertices (`_VERTEX`) or edges (`_EDGE`) of `obj` — the tuples its arrays there must have.
///
/// # Ownership
/// Borrows `obj` for the duration of the call.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or `out_count` is NULL.
/// - INVALID_ARGUMENT: `association` is unknown.
/// - WRONG_OBJECT_TYPE: the type has no such count (e.g. rows of a poly data, field data).
///
/// # Safety
/// `obj` NULL or a live object handle; `out_count` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_count(
    obj: *const vtkwire_object,
    association: i32,
    out_count: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let o = unsafe { object_ref(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        check_out(out_count, "out_count")?;
        let n = o
            .count(assoc)
            .ok_or_else(|| Error::wrong_object_type(format!("a {} has no {} count", o.class_name(), assoc.name())))?;
        // SAFETY: `out_count` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_count, n) };
        Ok(())
    })
}

/// The extent (x0 x1 y0 y1 z0 z1) of image data, structured points, rectilinear or structured
/// grids.
///
/// # Ownership
/// Borrows `obj` for the duration of the call; the extent is copied to `out_extent`.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or `out_extent` is NULL.
/// - WRONG_OBJECT_TYPE: `obj` has no extent.
///
/// # Safety
/// `obj` NULL or a live object handle; `out_extent` NULL or valid for writes of 6 `int32_t`.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_extent(obj: *const vtkwire_object, out_extent: *mut i32) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let o = unsafe { object_ref(obj, "obj") }?;
        check_out(out_extent, "out_extent")?;
        let e = o.extent().ok_or_else(|| wrong_type(o, "a structured type (image, rectilinear, structured grid)"))?;
        // SAFETY: 6 writable ints per the contract.
        unsafe { std::ptr::copy_nonoverlapping(e.as_ptr(), out_extent, 6) };
        Ok(())
    })
}

unsafe fn set_points(
    obj: *mut vtkwire_object,
    ty: i32,
    xyz: *const c_void,
    npoints: usize,
    borrowed: bool,
) -> Result<()> {
    // SAFETY: `obj` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
    let o = unsafe { object_mut(obj, "obj") }?;
    let ty = array::scalar_type_arg(ty, "type")?;
    if !ty.is_numeric() {
        return Err(Error::invalid_argument(format!("points must be numeric, not {ty}")));
    }
    let n = npoints.checked_mul(3).ok_or_else(|| Error::out_of_range("npoints overflows"))?;
    let data = if borrowed {
        // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `data_borrowed` checks NULL.
        unsafe { array::data_borrowed(ty, xyz, n, "xyz") }?
    } else {
        // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `data_from_caller` checks NULL.
        unsafe { array::data_from_caller(ty, xyz, n, "xyz") }?
    };
    let class = o.class_name();
    let slot = o.points_slot().ok_or_else(|| Error::wrong_object_type(format!("a {class} has no explicit points")))?;
    *slot = Some(DataArray::new(None, 3, data)?);
    Ok(())
}

/// Copies `npoints` xyz triples of numeric `type` (`VTKWIRE_TYPE_*`, usually float or double)
/// as the points of a poly data, unstructured grid, structured grid, graph or tree.
///
/// # Ownership
/// Borrows `xyz` for the duration of the call (copied); `obj` is modified.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` is NULL, or `xyz` is NULL with `npoints > 0`.
/// - INVALID_ARGUMENT: `type` is unknown or not numeric.
/// - OUT_OF_RANGE: `3 * npoints` overflows.
/// - WRONG_OBJECT_TYPE: the type of `obj` has no explicit points.
///
/// # Safety
/// `obj` NULL or a live object handle owned by the caller, not used by another thread during
/// the call; `xyz` NULL or `3 * npoints` readable elements of `type`.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_set_points(
    obj: *mut vtkwire_object,
    r#type: i32,
    xyz: *const c_void,
    npoints: usize,
) -> Status {
    // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `set_points` checks NULL.
    guard(|| unsafe { set_points(obj, r#type, xyz, npoints, false) })
}

/// As `vtkwire_object_set_points`, without copying (zero-copy).
///
/// # Ownership
/// `xyz` is borrowed: it must stay alive and unchanged until `obj` (and every copy, send or
/// marshal using it) is done with it.
///
/// # Errors
/// As `vtkwire_object_set_points` (NULL_ARGUMENT, INVALID_ARGUMENT, OUT_OF_RANGE,
/// WRONG_OBJECT_TYPE); also INVALID_ARGUMENT when `xyz` is not aligned for `type`.
///
/// # Safety
/// As `vtkwire_object_set_points`, and `xyz` must stay valid as said under Ownership.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_set_points_borrowed(
    obj: *mut vtkwire_object,
    r#type: i32,
    xyz: *const c_void,
    npoints: usize,
) -> Status {
    // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `set_points` checks NULL.
    guard(|| unsafe { set_points(obj, r#type, xyz, npoints, true) })
}

/// The points array (3 components) of a poly data, unstructured grid, structured grid, graph
/// or tree.
///
/// # Ownership
/// Borrowed from `obj`; valid until `obj` is modified or freed. Do not free it.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or `out_points` is NULL.
/// - WRONG_OBJECT_TYPE: the type has no explicit points.
/// - NOT_FOUND: the points are not set.
///
/// # Safety
/// `obj` NULL or a live object handle; `out_points` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_points(
    obj: *const vtkwire_object,
    out_points: *mut *const vtkwire_array,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let o = unsafe { object_ref(obj, "obj") }?;
        check_out(out_points, "out_points")?;
        let has_slot = matches!(
            o,
            DataObject::PolyData(_)
                | DataObject::UnstructuredGrid(_)
                | DataObject::StructuredGrid(_)
                | DataObject::DirectedGraph(_)
                | DataObject::UndirectedGraph(_)
                | DataObject::Tree(_)
        );
        if !has_slot {
            return Err(wrong_type(o, "a type with explicit points"));
        }
        let p = o.points().ok_or_else(|| Error::not_found(format!("the {} has no points", o.class_name())))?;
        // SAFETY: `out_points` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_points, array_borrowed(p)) };
        Ok(())
    })
}
