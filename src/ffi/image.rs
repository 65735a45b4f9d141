//! Image data, structured points, rectilinear grids and structured grids: the types with an
//! extent.

use std::ffi::c_void;

use crate::error::{Error, Result, Status};
use crate::ffi::array::{self, array_borrowed, vtkwire_array};
use crate::ffi::guard::{self, check_out, guard, write_out};
use crate::ffi::object::{new_object, object_mut, object_ref, vtkwire_object, wrong_type};
use crate::model::{DataArray, DataObject, ImageData, RectilinearGrid, StructuredGrid};

unsafe fn image_args(extent: *const i32, origin: *const f64, spacing: *const f64) -> Result<ImageData> {
    // SAFETY: `extent` is NULL or holds 6 values (`# Safety`); NULL is refused.
    let extent = unsafe { guard::array::<i32, 6>(extent, "extent") }?;
    // SAFETY: `origin` is NULL or holds 3 values (`# Safety`); NULL is refused.
    let origin = unsafe { guard::array::<f64, 3>(origin, "origin") }?;
    // SAFETY: `spacing` is NULL or holds 3 values (`# Safety`); NULL is refused.
    let spacing = unsafe { guard::array::<f64, 3>(spacing, "spacing") }?;
    let img = ImageData::new(extent, origin, spacing);
    DataObject::ImageData(img.clone()).validate()?;
    Ok(img)
}

/// Creates a `vtkImageData` with `extent` (x0 x1 y0 y1 z0 z1), `origin` and `spacing`; the
/// direction is the identity (see `vtkwire_image_data_set_direction`).
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`. Borrows
/// `extent`, `origin` and `spacing` for the duration of the call (copied).
///
/// # Errors
/// - NULL_ARGUMENT: a pointer argument is NULL.
/// - INVALID_OBJECT: the extent has max < min on some axes but not all, or `origin` or
///   `spacing` is not finite.
///
/// # Safety
/// `extent` NULL or 6 readable `int32_t`; `origin` and `spacing` NULL or 3 readable doubles
/// each; `out_obj` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_image_data_new(
    extent: *const i32,
    origin: *const f64,
    spacing: *const f64,
    out_obj: *mut *mut vtkwire_object,
) -> Status {
    // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `image_args` checks NULL.
    new_object(out_obj, || Ok(DataObject::ImageData(unsafe { image_args(extent, origin, spacing) }?)))
}

/// Creates a `vtkStructuredPoints`: the geometry of image data (same arguments as
/// `vtkwire_image_data_new`) with VTK type code 1.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`. Borrows
/// `extent`, `origin` and `spacing` for the duration of the call (copied).
///
/// # Errors
/// As `vtkwire_image_data_new`: NULL_ARGUMENT (a NULL pointer), INVALID_OBJECT (extent order,
/// non-finite origin or spacing).
///
/// # Safety
/// As `vtkwire_image_data_new`.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_structured_points_new(
    extent: *const i32,
    origin: *const f64,
    spacing: *const f64,
    out_obj: *mut *mut vtkwire_object,
) -> Status {
    // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `image_args` checks NULL.
    new_object(out_obj, || Ok(DataObject::StructuredPoints(unsafe { image_args(extent, origin, spacing) }?)))
}

fn image_mut(obj: &mut DataObject) -> Result<&mut ImageData> {
    match obj {
        DataObject::ImageData(i) | DataObject::StructuredPoints(i) => Ok(i),
        other => Err(wrong_type(other, "image data or structured points")),
    }
}

pub(crate) fn image_ref(obj: &DataObject) -> Result<&ImageData> {
    match obj {
        DataObject::ImageData(i) | DataObject::StructuredPoints(i) => Ok(i),
        other => Err(wrong_type(other, "image data or structured points")),
    }
}

/// Sets the row-major 3×3 direction matrix of image data or structured points.
///
/// # Ownership
/// Borrows `direction` for the duration of the call (copied); `obj` is modified.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or `direction` is NULL.
/// - WRONG_OBJECT_TYPE: `obj` is not image data or structured points.
/// - INVALID_ARGUMENT: a value is not finite.
///
/// # Safety
/// `obj` NULL or a live object handle owned by the caller (not borrowed from another object),
/// not used by another thread during the call; `direction` NULL or 9 readable doubles.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_image_data_set_direction(obj: *mut vtkwire_object, direction: *const f64) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let o = unsafe { object_mut(obj, "obj") }?;
        // SAFETY: `direction` is NULL or holds 9 values (`# Safety`); NULL is refused.
        let d = unsafe { guard::array::<f64, 9>(direction, "direction") }?;
        if d.iter().any(|v| !v.is_finite()) {
            return Err(Error::invalid_argument("direction values must be finite"));
        }
        image_mut(o)?.direction = d;
        Ok(())
    })
}

/// Origin, spacing and direction (row-major 3×3) of image data or structured points, copied to
/// `out_origin` (3 doubles), `out_spacing` (3) and `out_direction` (9).
///
/// # Ownership
/// Borrows `obj` for the duration of the call; the values are copied to caller memory.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or an output is NULL.
/// - WRONG_OBJECT_TYPE: `obj` is not image data or structured points.
///
/// # Safety
/// `obj` NULL or a live object handle; each output NULL or valid for writes of 3, 3 and 9
/// doubles.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_image_data_geometry(
    obj: *const vtkwire_object,
    out_origin: *mut f64,
    out_spacing: *mut f64,
    out_direction: *mut f64,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let img = image_ref(unsafe { object_ref(obj, "obj") }?)?;
        check_out(out_origin, "out_origin")?;
        check_out(out_spacing, "out_spacing")?;
        check_out(out_direction, "out_direction")?;
        // SAFETY: non-null outputs of the documented sizes.
        unsafe {
            std::ptr::copy_nonoverlapping(img.origin.as_ptr(), out_origin, 3);
            std::ptr::copy_nonoverlapping(img.spacing.as_ptr(), out_spacing, 3);
            std::ptr::copy_nonoverlapping(img.direction.as_ptr(), out_direction, 9);
        }
        Ok(())
    })
}

/// Creates a `vtkRectilinearGrid` with `extent`; set its coordinates with
/// `vtkwire_rectilinear_grid_set_coordinates`.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`. Borrows
/// `extent` for the duration of the call (copied).
///
/// # Errors
/// - NULL_ARGUMENT: `extent` or `out_obj` is NULL.
///
/// The extent and the coordinates are checked by `vtkwire_object_validate` (and marshal/send).
///
/// # Safety
/// `extent` NULL or 6 readable `int32_t`; `out_obj` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_rectilinear_grid_new(extent: *const i32, out_obj: *mut *mut vtkwire_object) -> Status {
    new_object(out_obj, || {
        // SAFETY: `extent` is NULL or holds 6 values (`# Safety`); NULL is refused.
        let extent = unsafe { guard::array::<i32, 6>(extent, "extent") }?;
        Ok(DataObject::RectilinearGrid(RectilinearGrid::new(extent)))
    })
}

fn axis_arg(axis: i32) -> Result<usize> {
    usize::try_from(axis)
        .ok()
        .filter(|&a| a < 3)
        .ok_or_else(|| Error::invalid_argument(format!("argument `axis`: {axis} (must be 0, 1 or 2)")))
}

/// Copies `nvalues` coordinates of numeric `type` (`VTKWIRE_TYPE_*`) for `axis` (0 = x, 1 = y,
/// 2 = z); the count must match the extent along that axis. The array is unnamed, as VTK's
/// legacy reader leaves it.
///
/// # Ownership
/// Borrows `values` for the duration of the call (copied); `obj` is modified.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` is NULL, or `values` is NULL with `nvalues > 0`.
/// - WRONG_OBJECT_TYPE: `obj` is not a rectilinear grid.
/// - INVALID_ARGUMENT: `axis` is not 0, 1 or 2; `type` is unknown or not numeric.
/// - INVALID_OBJECT: `nvalues` differs from the extent's point count along `axis`.
///
/// # Safety
/// `obj` NULL or a live object handle owned by the caller, not used by another thread during
/// the call; `values` NULL or `nvalues` readable elements of `type`.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_rectilinear_grid_set_coordinates(
    obj: *mut vtkwire_object,
    axis: i32,
    r#type: i32,
    values: *const c_void,
    nvalues: usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let o = unsafe { object_mut(obj, "obj") }?;
        let axis = axis_arg(axis)?;
        let ty = array::scalar_type_arg(r#type, "type")?;
        if !ty.is_numeric() {
            return Err(Error::invalid_argument(format!("coordinates must be numeric, not {ty}")));
        }
        let DataObject::RectilinearGrid(g) = o else { return Err(wrong_type(o, "a rectilinear grid")) };
        let need = crate::model::extent_dims(&g.extent)[axis];
        if nvalues != need {
            return Err(Error::invalid_object(format!("axis {axis} needs {need} coordinates (extent), got {nvalues}")));
        }
        // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `data_from_caller` checks NULL.
        let data = unsafe { array::data_from_caller(ty, values, nvalues, "values") }?;
        // Unnamed, as VTK's legacy reader leaves them: no extension token needed.
        g.coordinates[axis] = Some(DataArray::new(None, 1, data)?);
        Ok(())
    })
}

/// The coordinate array of `axis` (0 = x, 1 = y, 2 = z) of a rectilinear grid.
///
/// # Ownership
/// Borrowed from `obj`; valid until `obj` is modified or freed. Do not free it.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or `out_array` is NULL.
/// - INVALID_ARGUMENT: `axis` is not 0, 1 or 2.
/// - WRONG_OBJECT_TYPE: `obj` is not a rectilinear grid.
/// - NOT_FOUND: the coordinates of `axis` are not set.
///
/// # Safety
/// `obj` NULL or a live object handle; `out_array` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_rectilinear_grid_coordinates(
    obj: *const vtkwire_object,
    axis: i32,
    out_array: *mut *const vtkwire_array,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let o = unsafe { object_ref(obj, "obj") }?;
        let axis = axis_arg(axis)?;
        check_out(out_array, "out_array")?;
        let DataObject::RectilinearGrid(g) = o else { return Err(wrong_type(o, "a rectilinear grid")) };
        let a =
            g.coordinates[axis].as_ref().ok_or_else(|| Error::not_found(format!("axis {axis} has no coordinates")))?;
        // SAFETY: `out_array` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_array, array_borrowed(a)) };
        Ok(())
    })
}

/// Creates a `vtkStructuredGrid` with `extent`; set its points with `vtkwire_object_set_points`
/// (as many as the extent has).
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`. Borrows
/// `extent` for the duration of the call (copied).
///
/// # Errors
/// - NULL_ARGUMENT: `extent` or `out_obj` is NULL.
///
/// The point count is checked by `vtkwire_object_validate` (and marshal/send).
///
/// # Safety
/// `extent` NULL or 6 readable `int32_t`; `out_obj` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_structured_grid_new(extent: *const i32, out_obj: *mut *mut vtkwire_object) -> Status {
    new_object(out_obj, || {
        // SAFETY: `extent` is NULL or holds 6 values (`# Safety`); NULL is refused.
        let extent = unsafe { guard::array::<i32, 6>(extent, "extent") }?;
        Ok(DataObject::StructuredGrid(StructuredGrid::new(extent)))
    })
}
