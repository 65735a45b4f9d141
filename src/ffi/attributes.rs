//! Arrays on objects: adding, finding and removing the arrays of an object's point, cell,
//! field, row, vertex and edge data, and the active attribute roles. Also `vtkwire_table_new`,
//! whose content is nothing but its row arrays.

use std::ffi::{c_char, c_void};

use crate::error::{Error, Result, Status};
use crate::ffi::array::{self, array_borrowed, array_mut, array_ref, vtkwire_array};
use crate::ffi::guard::{self, check_out, guard, write_out};
use crate::ffi::object::{assoc_arg, new_object, object_mut, object_ref, vtkwire_object};
use crate::model::{Association, AttributeRole, Attributes, DataArray, DataObject, Table};

/// Creates an empty `vtkTable`; add columns with `vtkwire_object_add_array*` and
/// `VTKWIRE_ASSOCIATION_ROW` (all columns must have the same number of tuples).
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`.
///
/// # Errors
/// - NULL_ARGUMENT: `out_obj` is NULL.
///
/// # Safety
/// `out_obj` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_table_new(out_obj: *mut *mut vtkwire_object) -> Status {
    new_object(out_obj, || Ok(DataObject::Table(Table::default())))
}

fn role_arg(code: i32) -> Result<AttributeRole> {
    guard::enum_arg(code, "role", AttributeRole::from_code)
}

fn attributes(obj: &DataObject, assoc: Association) -> Result<&Attributes> {
    obj.attributes(assoc)
        .ok_or_else(|| Error::wrong_object_type(format!("a {} has no {}", obj.class_name(), assoc.name())))
}

fn attributes_mut(obj: &mut DataObject, assoc: Association) -> Result<&mut Attributes> {
    let class = obj.class_name();
    obj.attributes_mut(assoc).ok_or_else(|| Error::wrong_object_type(format!("a {class} has no {}", assoc.name())))
}

fn add_array(obj: &mut DataObject, association: i32, a: DataArray, out_index: *mut usize) -> Result<()> {
    let assoc = assoc_arg(association)?;
    let attrs = attributes_mut(obj, assoc)?;
    let i = attrs.add(a);
    if !out_index.is_null() {
        // SAFETY: `out_index` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_index, i) };
    }
    Ok(())
}

/// Adds a copy of `array` to the `association` data of `obj` (point, cell, field, row, vertex
/// or edge data). A named array replaces an existing one of the same name (VTK's `AddArray`).
/// Tuple counts are checked by `vtkwire_object_validate` (and marshal/send). `*out_index`
/// (`out_index` may be NULL) gets the array's index.
///
/// # Ownership
/// Borrows `array` for the duration of the call (copied, borrowed values included); `obj` is
/// modified.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or `array` is NULL.
/// - INVALID_ARGUMENT: `association` is unknown.
/// - WRONG_OBJECT_TYPE: the type of `obj` has no such association (e.g. rows of a poly data).
///
/// # Safety
/// `obj` NULL or a live object handle owned by the caller, not used by another thread during
/// the call; `array` NULL or a live array handle; `out_index` NULL or valid for writes.
#[cfg_attr(false, vtkwire(nullable(out_index)))]
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_add_array(
    obj: *mut vtkwire_object,
    association: i32,
    array: *const vtkwire_array,
    out_index: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let o = unsafe { object_mut(obj, "obj") }?;
        // SAFETY: `array` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let a = array::deep_copy(unsafe { array_ref(array, "array") }?);
        add_array(o, association, a, out_index)
    })
}

/// As `vtkwire_object_add_array`, but takes ownership of `array` (no copy; values it borrows
/// stay borrowed).
///
/// # Ownership
/// On success `array` belongs to `obj`: do not use or free it. On error the caller still owns it.
///
/// # Errors
/// As `vtkwire_object_add_array`: NULL_ARGUMENT, INVALID_ARGUMENT, WRONG_OBJECT_TYPE.
///
/// # Safety
/// `obj` NULL or a live object handle owned by the caller, not used by another thread during
/// the call; `array` NULL or an array handle the caller owns (from `vtkwire_array_new*` or
/// `vtkwire_array_clone`, never one borrowed from an object); `out_index` NULL or valid for
/// writes.
#[cfg_attr(false, vtkwire(consumed(array), nullable(out_index)))]
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_add_array_take(
    obj: *mut vtkwire_object,
    association: i32,
    array: *mut vtkwire_array,
    out_index: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let o = unsafe { object_mut(obj, "obj") }?;
        // SAFETY: `array` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        unsafe { array_mut(array, "array") }?;
        let assoc = assoc_arg(association)?;
        attributes_mut(o, assoc)?;
        // SAFETY: checked non-null owned handle; ownership moves now that nothing can fail.
        let a = *unsafe { Box::from_raw(array.cast::<DataArray>()) };
        add_array(o, association, a, out_index)
    })
}

/// Adds an array built from caller values: `name` (may be NULL), `type`, `data`, `ntuples` and
/// `ncomponents` as `vtkwire_array_new`; then as `vtkwire_object_add_array`.
///
/// # Ownership
/// Borrows `name` and `data` for the duration of the call (copied); `obj` is modified.
///
/// # Errors
/// As `vtkwire_array_new` (NULL_ARGUMENT, INVALID_ARGUMENT, OUT_OF_RANGE, WRONG_ARRAY_TYPE,
/// INVALID_UTF8) and `vtkwire_object_add_array` (WRONG_OBJECT_TYPE; INVALID_ARGUMENT for the
/// association).
///
/// # Safety
/// `obj` NULL or a live object handle owned by the caller, not used by another thread during
/// the call; `name` NULL or NUL-terminated; `data` NULL or the values described (as
/// `vtkwire_array_new`); `out_index` NULL or valid for writes.
#[cfg_attr(false, vtkwire(nullable(name, out_index)))]
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_add_array_data(
    obj: *mut vtkwire_object,
    association: i32,
    name: *const c_char,
    r#type: i32,
    data: *const c_void,
    ntuples: usize,
    ncomponents: i32,
    out_index: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let o = unsafe { object_mut(obj, "obj") }?;
        // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `array_from_args` checks NULL.
        let a = unsafe { array::array_from_args(name, r#type, data, ntuples, ncomponents, false) }?;
        add_array(o, association, a, out_index)
    })
}

/// As `vtkwire_object_add_array_data`, without copying the values (zero-copy; numeric types
/// only).
///
/// # Ownership
/// `data` is borrowed: it must stay alive and unchanged until `obj` (and every copy, send or
/// marshal using it) is done with it. `name` is copied.
///
/// # Errors
/// As `vtkwire_array_new_borrowed` (also INVALID_ARGUMENT when `data` is misaligned,
/// WRONG_ARRAY_TYPE for bit arrays) and `vtkwire_object_add_array`.
///
/// # Safety
/// As `vtkwire_array_new_borrowed`; `obj` NULL or a live object handle owned by the caller, not
/// used by another thread during the call; `out_index` NULL or valid for writes.
#[cfg_attr(false, vtkwire(nullable(name, out_index)))]
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_add_array_data_borrowed(
    obj: *mut vtkwire_object,
    association: i32,
    name: *const c_char,
    r#type: i32,
    data: *const c_void,
    ntuples: usize,
    ncomponents: i32,
    out_index: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let o = unsafe { object_mut(obj, "obj") }?;
        // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `array_from_args` checks NULL.
        let a = unsafe { array::array_from_args(name, r#type, data, ntuples, ncomponents, true) }?;
        add_array(o, association, a, out_index)
    })
}

/// Makes the array named `name` the active `role` (`VTKWIRE_ROLE_*`) of the `association`
/// data; a NULL `name` clears the role.
///
/// # Ownership
/// Borrows `name` for the duration of the call; `obj` is modified.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` is NULL.
/// - INVALID_ARGUMENT: `association` or `role` is unknown; the array is unfit for the role
///   (e.g. vectors need 3 components).
/// - WRONG_OBJECT_TYPE: the type of `obj` has no such association.
/// - INVALID_UTF8: `name` is not UTF-8.
/// - NOT_FOUND: no array is named `name`.
///
/// # Safety
/// `obj` NULL or a live object handle owned by the caller, not used by another thread during
/// the call; `name` NULL or NUL-terminated.
#[cfg_attr(false, vtkwire(nullable(name)))]
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_set_active(
    obj: *mut vtkwire_object,
    association: i32,
    role: i32,
    name: *const c_char,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let o = unsafe { object_mut(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        let role = role_arg(role)?;
        // SAFETY: `name` is NULL (none) or NUL-terminated (`# Safety`).
        let name = unsafe { guard::opt_str_arg(name, "name") }?;
        let attrs = attributes_mut(o, assoc)?;
        let idx = match name {
            None => None,
            Some(n) => Some(
                attrs.index_of(n).ok_or_else(|| Error::not_found(format!("no {} array named '{n}'", assoc.name())))?,
            ),
        };
        attrs.set_active(role, idx)
    })
}

/// Number of arrays in the `association` data of `obj`.
///
/// # Ownership
/// Borrows `obj` for the duration of the call.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or `out_count` is NULL.
/// - INVALID_ARGUMENT: `association` is unknown.
/// - WRONG_OBJECT_TYPE: the type of `obj` has no such association.
///
/// # Safety
/// `obj` NULL or a live object handle; `out_count` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_array_count(
    obj: *const vtkwire_object,
    association: i32,
    out_count: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let o = unsafe { object_ref(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        check_out(out_count, "out_count")?;
        let n = attributes(o, assoc)?.len();
        // SAFETY: `out_count` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_count, n) };
        Ok(())
    })
}

/// Array `index` of the `association` data.
///
/// # Ownership
/// Borrowed from `obj`; valid until `obj` is modified or freed. Do not free it.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or `out_array` is NULL.
/// - INVALID_ARGUMENT: `association` is unknown.
/// - WRONG_OBJECT_TYPE: the type of `obj` has no such association.
/// - OUT_OF_RANGE: `index` ≥ the array count.
///
/// # Safety
/// `obj` NULL or a live object handle; `out_array` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_array(
    obj: *const vtkwire_object,
    association: i32,
    index: usize,
    out_array: *mut *const vtkwire_array,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let o = unsafe { object_ref(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        check_out(out_array, "out_array")?;
        let attrs = attributes(o, assoc)?;
        let a = attrs
            .get(index)
            .ok_or_else(|| Error::out_of_range(format!("{} array {index} of {}", assoc.name(), attrs.len())))?;
        // SAFETY: `out_array` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_array, array_borrowed(a)) };
        Ok(())
    })
}

/// The first array named `name` in the `association` data.
///
/// # Ownership
/// Borrowed from `obj`; valid until `obj` is modified or freed. Do not free it. `name` is
/// borrowed for the duration of the call.
///
/// # Errors
/// - NULL_ARGUMENT: `obj`, `name` or `out_array` is NULL.
/// - INVALID_ARGUMENT: `association` is unknown.
/// - INVALID_UTF8: `name` is not UTF-8.
/// - WRONG_OBJECT_TYPE: the type of `obj` has no such association.
/// - NOT_FOUND: no array has that name.
///
/// # Safety
/// `obj` NULL or a live object handle; `name` NULL or NUL-terminated; `out_array` NULL or valid
/// for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_array_by_name(
    obj: *const vtkwire_object,
    association: i32,
    name: *const c_char,
    out_array: *mut *const vtkwire_array,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let o = unsafe { object_ref(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        // SAFETY: `name` is NULL or NUL-terminated (`# Safety`); NULL is refused.
        let name = unsafe { guard::str_arg(name, "name") }?;
        check_out(out_array, "out_array")?;
        let a = attributes(o, assoc)?
            .by_name(name)
            .ok_or_else(|| Error::not_found(format!("no {} array named '{name}'", assoc.name())))?;
        // SAFETY: `out_array` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_array, array_borrowed(a)) };
        Ok(())
    })
}

/// The active `role` array of the `association` data.
///
/// # Ownership
/// Borrowed from `obj`; valid until `obj` is modified or freed. Do not free it.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or `out_array` is NULL.
/// - INVALID_ARGUMENT: `association` or `role` is unknown.
/// - WRONG_OBJECT_TYPE: the type of `obj` has no such association.
/// - NOT_FOUND: no array has that role.
///
/// # Safety
/// `obj` NULL or a live object handle; `out_array` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_active_array(
    obj: *const vtkwire_object,
    association: i32,
    role: i32,
    out_array: *mut *const vtkwire_array,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let o = unsafe { object_ref(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        let role = role_arg(role)?;
        check_out(out_array, "out_array")?;
        let a = attributes(o, assoc)?
            .active(role)
            .ok_or_else(|| Error::not_found(format!("no active {} in the {}", role.name(), assoc.name())))?;
        // SAFETY: `out_array` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_array, array_borrowed(a)) };
        Ok(())
    })
}

/// Removes array `index` from the `association` data (later arrays shift down; roles on it
/// are cleared).
///
/// # Ownership
/// The removed array is freed: handles borrowed to it become invalid. `obj` is modified.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` is NULL.
/// - INVALID_ARGUMENT: `association` is unknown.
/// - WRONG_OBJECT_TYPE: the type of `obj` has no such association.
/// - OUT_OF_RANGE: `index` ≥ the array count.
///
/// # Safety
/// `obj` NULL or a live object handle owned by the caller, not used by another thread during
/// the call.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_remove_array(
    obj: *mut vtkwire_object,
    association: i32,
    index: usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let o = unsafe { object_mut(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        attributes_mut(o, assoc)?.remove(index).map(|_| ())
    })
}
