//! `vtkwire_array`: standalone arrays and borrowed views of an object's arrays.

use std::ffi::{c_char, c_void};
use std::sync::Arc;

use crate::error::{Error, Result, Status};
use crate::ffi::guard::{self, check_out, guard, write_out};
use crate::model::{ArrayData, Bits, Buffer, DataArray, External, LookupTable, Scalar, ScalarType};

/// Opaque handle to one data array (a name, a VTK element type, tuples × components).
pub struct vtkwire_array {
    _opaque: [u8; 0],
}

/// `&DataArray` behind a handle.
///
/// # Safety
/// `p` must be NULL or a handle from this library that is still alive.
pub unsafe fn array_ref<'a>(p: *const vtkwire_array, name: &str) -> Result<&'a DataArray> {
    // SAFETY: forwarded contract: NULL or a live handle, whose pointee is a DataArray.
    unsafe { guard::as_ref(p.cast::<DataArray>(), name) }
}

/// `&mut DataArray` behind an owned handle.
///
/// # Safety
/// `p` must be NULL or a live handle not aliased for the call.
pub unsafe fn array_mut<'a>(p: *mut vtkwire_array, name: &str) -> Result<&'a mut DataArray> {
    // SAFETY: forwarded contract: NULL or a live, unaliased handle to a DataArray.
    unsafe { guard::as_mut(p.cast::<DataArray>(), name) }
}

/// A new owned handle.
pub fn array_into_handle(a: DataArray) -> *mut vtkwire_array {
    Box::into_raw(Box::new(a)).cast()
}

/// A borrowed handle to an array inside an object (never to be freed by the caller).
pub fn array_borrowed(a: &DataArray) -> *const vtkwire_array {
    (a as *const DataArray).cast()
}

/// Caller memory viewed without copying. The caller promises it outlives every user.
struct CallerSlice<T> {
    ptr: *const T,
    len: usize,
}

// SAFETY: the memory is only read, and the C contract of the `_borrowed` functions makes the
// caller keep it alive and unchanged while vtkwire may read it, from any thread.
unsafe impl<T> Send for CallerSlice<T> {}
// SAFETY: as above; shared reads only.
unsafe impl<T> Sync for CallerSlice<T> {}

impl<T: Scalar> External<T> for CallerSlice<T> {
    fn as_slice(&self) -> &[T] {
        if self.len == 0 {
            return &[];
        }
        // SAFETY: non-null, aligned and `len` long (checked at construction); alive per contract.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

/// A buffer over caller memory, after NULL and alignment checks.
///
/// # Safety
/// `data` must point to `len` valid `T`s that outlive the buffer and every copy of it.
pub unsafe fn borrowed_buffer<T: Scalar>(data: *const c_void, len: usize, name: &str) -> Result<Buffer<T>> {
    if len == 0 {
        return Ok(Buffer::default());
    }
    if data.is_null() {
        return Err(Error::new(
            Status::NullArgument,
            format!("argument `{name}` is NULL but {len} values are announced"),
        ));
    }
    if !(data as usize).is_multiple_of(std::mem::align_of::<T>()) {
        return Err(Error::invalid_argument(format!(
            "argument `{name}` is not aligned to {} bytes",
            std::mem::align_of::<T>()
        )));
    }
    len.checked_mul(std::mem::size_of::<T>())
        .filter(|&b| b <= isize::MAX as usize)
        .ok_or_else(|| Error::out_of_range(format!("argument `{name}`: {len} values is too large")))?;
    Ok(Buffer::External(Arc::new(CallerSlice { ptr: data.cast::<T>(), len })))
}

/// Parses a scalar type argument.
pub fn scalar_type_arg(code: i32, name: &str) -> Result<ScalarType> {
    guard::enum_arg(code, name, ScalarType::from_code)
}

/// Number of elements `ntuples × ncomponents`, checked.
pub fn element_count(ntuples: usize, ncomponents: i32) -> Result<(usize, usize)> {
    let nc = usize::try_from(ncomponents)
        .ok()
        .filter(|&n| n >= 1)
        .ok_or_else(|| Error::invalid_argument(format!("argument `ncomponents`: {ncomponents} (must be ≥ 1)")))?;
    let n = ntuples
        .checked_mul(nc)
        .ok_or_else(|| Error::out_of_range(format!("{ntuples} tuples × {nc} components overflows")))?;
    Ok((nc, n))
}

/// Array data copied from caller memory (`n` elements of `ty`; bits packed MSB-first).
///
/// # Safety
/// `data` must be NULL (only when `n == 0`) or point to the bytes described.
pub unsafe fn data_from_caller(ty: ScalarType, data: *const c_void, n: usize, name: &str) -> Result<ArrayData> {
    let nbytes = match ty {
        ScalarType::Bit => n.div_ceil(8),
        ScalarType::String | ScalarType::Variant => {
            return Err(Error::new(
                Status::WrongArrayType,
                format!("{ty} arrays are built with vtkwire_array_new_strings"),
            ));
        }
        _ => {
            n.checked_mul(ty.size().unwrap_or(1)).ok_or_else(|| Error::out_of_range(format!("{n} values overflow")))?
        }
    };
    if n > 0 && data.is_null() {
        return Err(Error::new(
            Status::NullArgument,
            format!("argument `{name}` is NULL but {n} values are announced"),
        ));
    }
    // SAFETY: `data` is NULL or holds the count given (`# Safety`); NULL with a count is refused.
    let bytes = unsafe { guard::slice(data.cast::<u8>(), nbytes, name) }?;
    ArrayData::from_native_bytes(ty, bytes, n)
}

/// Array data viewing caller memory (numeric types only).
///
/// # Safety
/// As for [`borrowed_buffer`].
pub unsafe fn data_borrowed(ty: ScalarType, data: *const c_void, n: usize, name: &str) -> Result<ArrayData> {
    crate::with_numeric_type!(ty, T, wrap => {
        // SAFETY: the caller's contract of this function, forwarded.
        Ok(wrap(unsafe { borrowed_buffer::<T>(data, n, name) }?))
    }, _ => Err(Error::new(
        Status::WrongArrayType,
        format!("{ty} arrays cannot be borrowed; use the copying function"),
    )))
}

/// Builds an array from the common C argument list.
///
/// # Safety
/// Pointer arguments as documented on `vtkwire_array_new` / `_borrowed`.
pub unsafe fn array_from_args(
    name: *const c_char,
    ty: i32,
    data: *const c_void,
    ntuples: usize,
    ncomponents: i32,
    borrowed: bool,
) -> Result<DataArray> {
    // SAFETY: `name` is NULL (none) or NUL-terminated (`# Safety`).
    let name = unsafe { guard::opt_str_arg(name, "name") }?;
    let ty = scalar_type_arg(ty, "type")?;
    let (nc, n) = element_count(ntuples, ncomponents)?;
    let data = if borrowed {
        // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `data_borrowed` checks NULL.
        unsafe { data_borrowed(ty, data, n, "data") }?
    } else {
        // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `data_from_caller` checks NULL.
        unsafe { data_from_caller(ty, data, n, "data") }?
    };
    DataArray::new(name, nc, data)
}

/// Creates an array by copying `ntuples × ncomponents` values of `type` from `data`.
/// `type` is a `VTKWIRE_TYPE_*` numeric code or `VTKWIRE_TYPE_BIT` (then `data` holds the
/// bits packed MSB-first, `ceil(n/8)` bytes). `name` may be NULL (unnamed) and is UTF-8.
///
/// # Ownership
/// Returns a new array owned by the caller; free it with `vtkwire_array_free`. Borrows `name`
/// and `data` for the duration of the call (copied).
///
/// # Errors
/// - NULL_ARGUMENT: `out_array` is NULL, or `data` is NULL with `ntuples × ncomponents > 0`.
/// - INVALID_ARGUMENT: unknown `type`; `ncomponents` < 1.
/// - OUT_OF_RANGE: `ntuples × ncomponents` (or its size in bytes) overflows.
/// - WRONG_ARRAY_TYPE: string or variant `type` (use `vtkwire_array_new_strings`).
/// - INVALID_UTF8: `name` is not UTF-8.
///
/// # Safety
/// `name` NULL or NUL-terminated; `data` NULL or the readable values described;
/// `out_array` NULL or valid for writes.
#[cfg_attr(false, vtkwire(nullable(name)))]
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_new(
    name: *const c_char,
    r#type: i32,
    data: *const c_void,
    ntuples: usize,
    ncomponents: i32,
    out_array: *mut *mut vtkwire_array,
) -> Status {
    guard(|| {
        check_out(out_array, "out_array")?;
        // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `array_from_args` checks NULL.
        let a = unsafe { array_from_args(name, r#type, data, ntuples, ncomponents, false) }?;
        // SAFETY: `out_array` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_array, array_into_handle(a)) };
        Ok(())
    })
}

/// Creates an array that views `data` without copying (zero-copy); arguments as
/// `vtkwire_array_new`, numeric types only.
///
/// # Ownership
/// Returns a new array owned by the caller; free it with `vtkwire_array_free`. The values are
/// borrowed: `data` must stay alive and unchanged until the array and every object or copy
/// it was added to is freed (vtkwire copies on its own writes). `name` is copied.
///
/// # Errors
/// As `vtkwire_array_new` (NULL_ARGUMENT, INVALID_ARGUMENT, OUT_OF_RANGE, WRONG_ARRAY_TYPE,
/// INVALID_UTF8); also INVALID_ARGUMENT when `data` is not aligned for `type`, and
/// WRONG_ARRAY_TYPE for bit arrays.
///
/// # Safety
/// As `vtkwire_array_new`, and `data` must stay valid as said under Ownership.
#[cfg_attr(false, vtkwire(nullable(name)))]
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_new_borrowed(
    name: *const c_char,
    r#type: i32,
    data: *const c_void,
    ntuples: usize,
    ncomponents: i32,
    out_array: *mut *mut vtkwire_array,
) -> Status {
    guard(|| {
        check_out(out_array, "out_array")?;
        // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `array_from_args` checks NULL.
        let a = unsafe { array_from_args(name, r#type, data, ntuples, ncomponents, true) }?;
        // SAFETY: `out_array` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_array, array_into_handle(a)) };
        Ok(())
    })
}

/// Creates a one-component string array from `nvalues` NUL-terminated UTF-8 strings.
///
/// # Ownership
/// Returns a new array owned by the caller; free it with `vtkwire_array_free`. Borrows `name`,
/// `values` and the strings for the duration of the call (copied).
///
/// # Errors
/// - NULL_ARGUMENT: `out_array` is NULL, `values` is NULL with `nvalues > 0`, or a
///   `values[i]` is NULL (the message names `i`).
/// - OUT_OF_RANGE: `nvalues` is too large.
/// - INVALID_UTF8: `name` or a value is not UTF-8.
///
/// # Safety
/// `name` NULL or NUL-terminated; `values` NULL or `nvalues` readable pointers, each NULL or
/// NUL-terminated; `out_array` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_new_strings(
    name: *const c_char,
    values: *const *const c_char,
    nvalues: usize,
    out_array: *mut *mut vtkwire_array,
) -> Status {
    guard(|| {
        check_out(out_array, "out_array")?;
        // SAFETY: `name` is NULL (none) or NUL-terminated (`# Safety`).
        let name = unsafe { guard::opt_str_arg(name, "name") }?;
        // SAFETY: `values` is NULL or holds the count given (`# Safety`); NULL with a count is refused.
        let ptrs = unsafe { guard::slice(values, nvalues, "values") }?;
        let mut strings = Vec::with_capacity(ptrs.len());
        for (i, &p) in ptrs.iter().enumerate() {
            // SAFETY: `p` is NULL or NUL-terminated (`# Safety`); NULL is refused.
            strings.push(unsafe { guard::str_arg(p, &format!("values[{i}]")) }?.to_owned());
        }
        // SAFETY: `out_array` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_array, array_into_handle(DataArray::strings(name, strings))) };
        Ok(())
    })
}

/// Frees an array made by `vtkwire_array_new*`, `vtkwire_array_clone` or a receive.
///
/// # Ownership
/// Takes back ownership of `array`. `vtkwire_array_free(NULL)` is a no-op. Never pass an array
/// borrowed from an object.
///
/// # Errors
/// None: returns nothing and cannot fail.
///
/// # Safety
/// `array` NULL or an owned array handle not freed before; it must not be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vtkwire_array_free(array: *mut vtkwire_array) {
    if !array.is_null() {
        // SAFETY: an owned handle is a Box<DataArray> from array_into_handle.
        let _ = std::panic::catch_unwind(|| drop(unsafe { Box::from_raw(array.cast::<DataArray>()) }));
    }
}

/// Deep-copies an array (values borrowed from caller memory are copied too).
///
/// # Ownership
/// Returns a new array owned by the caller; free it with `vtkwire_array_free`. Borrows `array`
/// for the duration of the call.
///
/// # Errors
/// - NULL_ARGUMENT: `array` or `out_array` is NULL.
///
/// # Safety
/// `array` NULL or a live array handle (owned or borrowed); `out_array` NULL or valid for
/// writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_clone(
    array: *const vtkwire_array,
    out_array: *mut *mut vtkwire_array,
) -> Status {
    guard(|| {
        // SAFETY: `array` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let a = unsafe { array_ref(array, "array") }?;
        check_out(out_array, "out_array")?;
        // SAFETY: `out_array` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_array, array_into_handle(deep_copy(a))) };
        Ok(())
    })
}

/// A copy that owns all its values.
pub fn deep_copy(a: &DataArray) -> DataArray {
    let mut c = a.clone();
    // Cloning owned values already copies them; only views of caller memory need copying.
    let borrowed = crate::with_numeric!(c.data(), b => b.is_external(), _ => false);
    if borrowed {
        let d = c.data();
        if let Ok(owned) = ArrayData::from_native_bytes(d.scalar_type(), d.bytes().unwrap_or(&[]), d.len()) {
            let _ = c.set_data(owned);
        }
    }
    c
}

/// Names component `component` (0-based) of `array`.
///
/// # Ownership
/// Borrows `name` for the duration of the call (copied); `array` is modified.
///
/// # Errors
/// - NULL_ARGUMENT: `array` or `name` is NULL.
/// - OUT_OF_RANGE: `component` < 0 or ≥ the component count.
/// - INVALID_UTF8: `name` is not UTF-8.
///
/// # Safety
/// `array` NULL or an array handle the caller owns (not borrowed from an object), not used by
/// another thread during the call; `name` NULL or NUL-terminated.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_set_component_name(
    array: *mut vtkwire_array,
    component: i32,
    name: *const c_char,
) -> Status {
    guard(|| {
        // SAFETY: `array` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let a = unsafe { array_mut(array, "array") }?;
        // SAFETY: `name` is NULL or NUL-terminated (`# Safety`); NULL is refused.
        let name = unsafe { guard::str_arg(name, "name") }?;
        let c = usize::try_from(component).map_err(|_| Error::out_of_range(format!("component {component}")))?;
        a.set_component_name(c, name)
    })
}

/// Attaches a lookup table (name + `ncolors` RGBA colors, 4 bytes each) to `array`, as VTK's
/// SCALARS `LOOKUP_TABLE`. `ncolors` may be 0 (a named table without colors).
///
/// # Ownership
/// Borrows `name` and `rgba` for the duration of the call (copied); `array` is modified.
///
/// # Errors
/// - NULL_ARGUMENT: `array` or `name` is NULL, or `rgba` is NULL with `ncolors > 0`.
/// - OUT_OF_RANGE: `4 * ncolors` overflows.
/// - INVALID_UTF8: `name` is not UTF-8.
///
/// # Safety
/// `array` NULL or an array handle the caller owns, not used by another thread during the
/// call; `name` NULL or NUL-terminated; `rgba` NULL or `4 * ncolors` readable bytes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_set_lookup_table(
    array: *mut vtkwire_array,
    name: *const c_char,
    rgba: *const u8,
    ncolors: usize,
) -> Status {
    guard(|| {
        // SAFETY: `array` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let a = unsafe { array_mut(array, "array") }?;
        // SAFETY: `name` is NULL or NUL-terminated (`# Safety`); NULL is refused.
        let name = unsafe { guard::str_arg(name, "name") }?;
        let n = ncolors.checked_mul(4).ok_or_else(|| Error::out_of_range("ncolors overflows"))?;
        // SAFETY: `rgba` is NULL or holds the count given (`# Safety`); NULL with a count is refused.
        let bytes = unsafe { guard::slice(rgba, n, "rgba") }?;
        let rgba = bytes.chunks_exact(4).map(|c| [c[0], c[1], c[2], c[3]]).collect();
        a.lookup_table = Some(LookupTable { name: name.to_owned(), rgba });
        Ok(())
    })
}

/// Element type (`VTKWIRE_TYPE_*`), tuples and components of `array`.
///
/// # Ownership
/// Borrows `array` for the duration of the call.
///
/// # Errors
/// - NULL_ARGUMENT: `array` or an output is NULL.
/// - OUT_OF_RANGE: the component count does not fit an `int32_t`.
///
/// # Safety
/// `array` NULL or a live array handle; each output NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_info(
    array: *const vtkwire_array,
    out_type: *mut i32,
    out_ntuples: *mut usize,
    out_ncomponents: *mut i32,
) -> Status {
    guard(|| {
        // SAFETY: `array` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let a = unsafe { array_ref(array, "array") }?;
        check_out(out_type, "out_type")?;
        check_out(out_ntuples, "out_ntuples")?;
        check_out(out_ncomponents, "out_ncomponents")?;
        let nc = i32::try_from(a.components()).map_err(|_| Error::out_of_range("components exceed int32"))?;
        // SAFETY: the outputs were checked non-NULL above and are writable for the documented sizes (`# Safety`).
        unsafe {
            write_out(out_type, a.scalar_type().code());
            write_out(out_ntuples, a.tuples());
            write_out(out_ncomponents, nc);
        }
        Ok(())
    })
}

/// The array's name in string shape *view*: `*out_len` bytes of UTF-8, **not** NUL-terminated
/// (print with `"%.*s"`). `*out_name` is NULL when the array is unnamed (VTK's null name), and
/// non-NULL with length 0 for the empty name.
///
/// # Ownership
/// Borrowed from `array`; valid until `array` is modified or freed.
///
/// # Errors
/// - NULL_ARGUMENT: `array` or an output is NULL.
///
/// # Safety
/// `array` NULL or a live array handle; each output NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_name(
    array: *const vtkwire_array,
    out_name: *mut *const c_char,
    out_len: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `array` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let a = unsafe { array_ref(array, "array") }?;
        check_out(out_name, "out_name")?;
        check_out(out_len, "out_len")?;
        let (p, n) = match &a.name {
            None => (std::ptr::null(), 0),
            Some(s) => (s.as_ptr().cast(), s.len()),
        };
        // SAFETY: the outputs were checked non-NULL above and are writable for the documented sizes (`# Safety`).
        unsafe {
            write_out(out_name, p);
            write_out(out_len, n);
        }
        Ok(())
    })
}

/// The values in memory: numeric arrays native-endian, `ntuples × ncomponents` elements;
/// bit arrays packed MSB-first. `*out_nbytes` is the byte length.
///
/// # Ownership
/// Borrowed from `array`; valid until `array` is modified or freed.
///
/// # Errors
/// - NULL_ARGUMENT: `array` or an output is NULL.
/// - WRONG_ARRAY_TYPE: a string or variant array (use `vtkwire_array_string`).
///
/// # Safety
/// `array` NULL or a live array handle; each output NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_data(
    array: *const vtkwire_array,
    out_data: *mut *const c_void,
    out_nbytes: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `array` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let a = unsafe { array_ref(array, "array") }?;
        check_out(out_data, "out_data")?;
        check_out(out_nbytes, "out_nbytes")?;
        let bytes = a.data().bytes().ok_or_else(|| {
            Error::new(
                Status::WrongArrayType,
                format!("a {} array has no flat data; use vtkwire_array_string", a.scalar_type()),
            )
        })?;
        // SAFETY: the outputs were checked non-NULL above and are writable for the documented sizes (`# Safety`).
        unsafe {
            write_out(out_data, bytes.as_ptr().cast());
            write_out(out_nbytes, bytes.len());
        }
        Ok(())
    })
}

/// Value `index` of a string array (for variant arrays: the value's text) in string shape
/// *view*: `*out_len` bytes of UTF-8, **not** NUL-terminated.
///
/// # Ownership
/// Borrowed from `array`; valid until `array` is modified or freed.
///
/// # Errors
/// - NULL_ARGUMENT: `array` or an output is NULL.
/// - WRONG_ARRAY_TYPE: a numeric or bit array.
/// - OUT_OF_RANGE: `index` ≥ the value count.
///
/// # Safety
/// `array` NULL or a live array handle; each output NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_string(
    array: *const vtkwire_array,
    index: usize,
    out_value: *mut *const c_char,
    out_len: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `array` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let a = unsafe { array_ref(array, "array") }?;
        check_out(out_value, "out_value")?;
        check_out(out_len, "out_len")?;
        let s: &str = match a.data() {
            ArrayData::String(v) => v.get(index).map(String::as_str),
            ArrayData::Variant(v) => v.get(index).map(|x| x.text.as_str()),
            _ => {
                return Err(Error::new(
                    Status::WrongArrayType,
                    format!("a {} array has no string values", a.scalar_type()),
                ));
            }
        }
        .ok_or_else(|| Error::out_of_range(format!("value {index} of {}", a.data().len())))?;
        // SAFETY: the outputs were checked non-NULL above and are writable for the documented sizes (`# Safety`).
        unsafe {
            write_out(out_value, s.as_ptr().cast());
            write_out(out_len, s.len());
        }
        Ok(())
    })
}

/// The name of component `component` in string shape *view* (`*out_len` bytes of UTF-8, not
/// NUL-terminated); `*out_name` is NULL and `*out_len` 0 when that component is unnamed.
///
/// # Ownership
/// Borrowed from `array`; valid until `array` is modified or freed.
///
/// # Errors
/// - NULL_ARGUMENT: `array` or an output is NULL.
/// - OUT_OF_RANGE: `component` < 0 or ≥ the component count.
///
/// # Safety
/// `array` NULL or a live array handle; each output NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_component_name(
    array: *const vtkwire_array,
    component: i32,
    out_name: *mut *const c_char,
    out_len: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `array` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let a = unsafe { array_ref(array, "array") }?;
        check_out(out_name, "out_name")?;
        check_out(out_len, "out_len")?;
        let c = usize::try_from(component)
            .ok()
            .filter(|&c| c < a.components())
            .ok_or_else(|| Error::out_of_range(format!("component {component} of {}", a.components())))?;
        let (p, n) = match a.component_name(c) {
            Some(s) => (s.as_ptr().cast(), s.len()),
            None => (std::ptr::null(), 0),
        };
        // SAFETY: the outputs were checked non-NULL above and are writable for the documented sizes (`# Safety`).
        unsafe {
            write_out(out_name, p);
            write_out(out_len, n);
        }
        Ok(())
    })
}

/// The lookup table's colors: `4 * *out_ncolors` RGBA bytes.
///
/// # Ownership
/// Borrowed from `array`; valid until `array` is modified or freed.
///
/// # Errors
/// - NULL_ARGUMENT: `array` or an output is NULL.
/// - NOT_FOUND: the array has no lookup table.
///
/// # Safety
/// `array` NULL or a live array handle; each output NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_lookup_table(
    array: *const vtkwire_array,
    out_rgba: *mut *const u8,
    out_ncolors: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `array` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let a = unsafe { array_ref(array, "array") }?;
        check_out(out_rgba, "out_rgba")?;
        check_out(out_ncolors, "out_ncolors")?;
        let lut = a
            .lookup_table
            .as_ref()
            .ok_or_else(|| Error::not_found(format!("array '{}' has no lookup table", a.name_str())))?;
        // SAFETY: the outputs were checked non-NULL above and are writable for the documented sizes (`# Safety`).
        unsafe {
            write_out(out_rgba, lut.rgba.as_ptr().cast());
            write_out(out_ncolors, lut.rgba.len());
        }
        Ok(())
    })
}

/// Bits from C: kept for callers building bit arrays value by value.
pub fn bits_from_bools(values: &[bool]) -> ArrayData {
    ArrayData::Bit(Bits::from_bools(values))
}
