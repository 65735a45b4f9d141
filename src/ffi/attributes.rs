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
/// # Safety
/// `out_obj` valid for writes.
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
        unsafe { write_out(out_index, i) };
    }
    Ok(())
}

/// Adds a copy of `array` to the `association` data of `obj` (point, cell, field, row,
/// vertex or edge data). A named array replaces an existing one of the same name (VTK's
/// `AddArray`). Tuple counts are checked by `vtkwire_object_validate` (and marshal/send).
/// `out_index` (may be NULL) gets the array's index.
///
/// # Ownership
/// Borrows `array` for the duration of the call (copied).
///
/// # Errors
/// NULL_ARGUMENT, INVALID_ARGUMENT (association), WRONG_OBJECT_TYPE (association the type lacks).
///
/// # Safety
/// `obj` live owned; `array` live.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_add_array(
    obj: *mut vtkwire_object,
    association: i32,
    array: *const vtkwire_array,
    out_index: *mut usize,
) -> Status {
    guard(|| {
        let o = unsafe { object_mut(obj, "obj") }?;
        let a = array::deep_copy(unsafe { array_ref(array, "array") }?);
        add_array(o, association, a, out_index)
    })
}

/// As `vtkwire_object_add_array`, but takes ownership of `array` (no copy; borrowed values
/// stay borrowed).
///
/// # Ownership
/// On success `array` belongs to `obj`: do not use or free it. On error the caller still owns it.
///
/// # Safety
/// `array` an owned handle.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_add_array_take(
    obj: *mut vtkwire_object,
    association: i32,
    array: *mut vtkwire_array,
    out_index: *mut usize,
) -> Status {
    guard(|| {
        let o = unsafe { object_mut(obj, "obj") }?;
        unsafe { array_mut(array, "array") }?;
        let assoc = assoc_arg(association)?;
        attributes_mut(o, assoc)?;
        // SAFETY: checked non-null owned handle; ownership moves now that nothing can fail.
        let a = *unsafe { Box::from_raw(array.cast::<DataArray>()) };
        add_array(o, association, a, out_index)
    })
}

/// Adds an array built from caller values (copied): arguments as `vtkwire_array_new`.
///
/// # Ownership
/// `data` is copied.
///
/// # Errors
/// As `vtkwire_array_new` and `vtkwire_object_add_array`.
///
/// # Safety
/// As `vtkwire_array_new`.
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
        let o = unsafe { object_mut(obj, "obj") }?;
        let a = unsafe { array::array_from_args(name, r#type, data, ntuples, ncomponents, false) }?;
        add_array(o, association, a, out_index)
    })
}

/// As `vtkwire_object_add_array_data`, without copying the values (zero-copy).
///
/// # Ownership
/// `data` is borrowed: it must stay alive and unchanged until `obj` (and every copy, send or
/// marshal using it) is done with it.
///
/// # Safety
/// As `vtkwire_array_new_borrowed`.
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
        let o = unsafe { object_mut(obj, "obj") }?;
        let a = unsafe { array::array_from_args(name, r#type, data, ntuples, ncomponents, true) }?;
        add_array(o, association, a, out_index)
    })
}

/// Makes the array named `name` the active `role` (`VTKWIRE_ROLE_*`) of the `association`
/// data; NULL `name` clears the role.
///
/// # Errors
/// NOT_FOUND (no such array), INVALID_ARGUMENT (array unfit for the role: e.g. vectors need 3
/// components), WRONG_OBJECT_TYPE.
///
/// # Safety
/// `obj` live owned; `name` NULL or NUL-terminated.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_set_active(
    obj: *mut vtkwire_object,
    association: i32,
    role: i32,
    name: *const c_char,
) -> Status {
    guard(|| {
        let o = unsafe { object_mut(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        let role = role_arg(role)?;
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
/// # Safety
/// `obj` live.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_array_count(
    obj: *const vtkwire_object,
    association: i32,
    out_count: *mut usize,
) -> Status {
    guard(|| {
        let o = unsafe { object_ref(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        check_out(out_count, "out_count")?;
        let n = attributes(o, assoc)?.len();
        unsafe { write_out(out_count, n) };
        Ok(())
    })
}

/// Array `index` of the `association` data.
///
/// # Ownership
/// Borrowed from `obj`; valid until it is modified or freed. Do not free.
///
/// # Safety
/// `obj` live.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_array(
    obj: *const vtkwire_object,
    association: i32,
    index: usize,
    out_array: *mut *const vtkwire_array,
) -> Status {
    guard(|| {
        let o = unsafe { object_ref(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        check_out(out_array, "out_array")?;
        let attrs = attributes(o, assoc)?;
        let a = attrs
            .get(index)
            .ok_or_else(|| Error::out_of_range(format!("{} array {index} of {}", assoc.name(), attrs.len())))?;
        unsafe { write_out(out_array, array_borrowed(a)) };
        Ok(())
    })
}

/// The first array named `name` in the `association` data.
///
/// # Ownership
/// Borrowed from `obj`; valid until it is modified or freed. Do not free.
///
/// # Errors
/// NOT_FOUND.
///
/// # Safety
/// `obj` live; `name` NUL-terminated.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_array_by_name(
    obj: *const vtkwire_object,
    association: i32,
    name: *const c_char,
    out_array: *mut *const vtkwire_array,
) -> Status {
    guard(|| {
        let o = unsafe { object_ref(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        let name = unsafe { guard::str_arg(name, "name") }?;
        check_out(out_array, "out_array")?;
        let a = attributes(o, assoc)?
            .by_name(name)
            .ok_or_else(|| Error::not_found(format!("no {} array named '{name}'", assoc.name())))?;
        unsafe { write_out(out_array, array_borrowed(a)) };
        Ok(())
    })
}

/// The active `role` array of the `association` data.
///
/// # Ownership
/// Borrowed from `obj`; valid until it is modified or freed. Do not free.
///
/// # Errors
/// NOT_FOUND when no array has that role.
///
/// # Safety
/// `obj` live.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_active_array(
    obj: *const vtkwire_object,
    association: i32,
    role: i32,
    out_array: *mut *const vtkwire_array,
) -> Status {
    guard(|| {
        let o = unsafe { object_ref(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        let role = role_arg(role)?;
        check_out(out_array, "out_array")?;
        let a = attributes(o, assoc)?
            .active(role)
            .ok_or_else(|| Error::not_found(format!("no active {} in the {}", role.name(), assoc.name())))?;
        unsafe { write_out(out_array, array_borrowed(a)) };
        Ok(())
    })
}

/// Removes array `index` from the `association` data (later arrays shift down; roles on it
/// are cleared).
///
/// # Safety
/// `obj` live owned.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_remove_array(
    obj: *mut vtkwire_object,
    association: i32,
    index: usize,
) -> Status {
    guard(|| {
        let o = unsafe { object_mut(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        attributes_mut(o, assoc)?.remove(index).map(|_| ())
    })
}
