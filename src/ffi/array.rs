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
    unsafe { guard::as_ref(p.cast::<DataArray>(), name) }
}

/// `&mut DataArray` behind an owned handle.
///
/// # Safety
/// `p` must be NULL or a live handle not aliased for the call.
pub unsafe fn array_mut<'a>(p: *mut vtkwire_array, name: &str) -> Result<&'a mut DataArray> {
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
    if (data as usize) % std::mem::align_of::<T>() != 0 {
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
    let name = unsafe { guard::opt_str_arg(name, "name") }?;
    let ty = scalar_type_arg(ty, "type")?;
    let (nc, n) = element_count(ntuples, ncomponents)?;
    let data = if borrowed {
        unsafe { data_borrowed(ty, data, n, "data") }?
    } else {
        unsafe { data_from_caller(ty, data, n, "data") }?
    };
    DataArray::new(name, nc, data)
}

/// Creates an array by copying `ntuples × ncomponents` values of `type` from `data`.
/// `type` is a `VTKWIRE_TYPE_*` numeric code or `VTKWIRE_TYPE_BIT` (then `data` holds the
/// bits packed MSB-first, `ceil(n/8)` bytes). `name` may be NULL (unnamed) and is UTF-8.
///
/// # Ownership
/// Returns a new array owned by the caller; free it with `vtkwire_array_free`.
/// `data` is copied; the caller keeps it.
///
/// # Errors
/// NULL_ARGUMENT (`out_array`, or `data` with n > 0), INVALID_ARGUMENT (type code,
/// ncomponents < 1), WRONG_ARRAY_TYPE (string/variant: use `vtkwire_array_new_strings`),
/// INVALID_UTF8 (name).
///
/// # Safety
/// `data` must hold the values described; `name` NULL or NUL-terminated.
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
        let a = unsafe { array_from_args(name, r#type, data, ntuples, ncomponents, false) }?;
        unsafe { write_out(out_array, array_into_handle(a)) };
        Ok(())
    })
}

/// Creates an array that views `data` without copying (zero-copy). Numeric types only.
///
/// # Ownership
/// Returns a new array owned by the caller; free it with `vtkwire_array_free`. The values are
/// borrowed: `data` must stay alive and unchanged until the array and every object or copy
/// it was added to is freed (vtkwire copies on its own writes).
///
/// # Errors
/// As `vtkwire_array_new`; also INVALID_ARGUMENT when `data` is not aligned for `type`,
/// WRONG_ARRAY_TYPE for bit arrays.
///
/// # Safety
/// As above.
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
        let a = unsafe { array_from_args(name, r#type, data, ntuples, ncomponents, true) }?;
        unsafe { write_out(out_array, array_into_handle(a)) };
        Ok(())
    })
}

/// Creates a one-component string array from `nvalues` NUL-terminated UTF-8 strings.
///
/// # Ownership
/// Returns a new array owned by the caller; free it with `vtkwire_array_free`. Strings are copied.
///
/// # Errors
/// NULL_ARGUMENT (`values` with nvalues > 0, any `values[i]`, `out_array`), INVALID_UTF8.
///
/// # Safety
/// `values` must hold `nvalues` pointers to NUL-terminated strings.
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
        let name = unsafe { guard::opt_str_arg(name, "name") }?;
        let ptrs = unsafe { guard::slice(values, nvalues, "values") }?;
        let mut strings = Vec::with_capacity(ptrs.len());
        for (i, &p) in ptrs.iter().enumerate() {
            strings.push(unsafe { guard::str_arg(p, &format!("values[{i}]")) }?.to_owned());
        }
        unsafe { write_out(out_array, array_into_handle(DataArray::strings(name, strings))) };
        Ok(())
    })
}

/// Frees an array made by `vtkwire_array_new*` or `vtkwire_array_clone`.
///
/// # Ownership
/// `vtkwire_array_free(NULL)` is a no-op. Never pass an array borrowed from an object.
///
/// # Safety
/// `array` must be NULL or an owned handle not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vtkwire_array_free(array: *mut vtkwire_array) {
    if !array.is_null() {
        // SAFETY: an owned handle is a Box<DataArray> from array_into_handle.
        let _ = std::panic::catch_unwind(|| drop(unsafe { Box::from_raw(array.cast::<DataArray>()) }));
    }
}

/// Deep-copies an array (borrowed values are copied too).
///
/// # Ownership
/// Returns a new array owned by the caller; free it with `vtkwire_array_free`.
///
/// # Safety
/// `array` must be a live handle.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_clone(
    array: *const vtkwire_array,
    out_array: *mut *mut vtkwire_array,
) -> Status {
    guard(|| {
        let a = unsafe { array_ref(array, "array") }?;
        check_out(out_array, "out_array")?;
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
/// # Errors
/// NULL_ARGUMENT, OUT_OF_RANGE (component), INVALID_UTF8.
///
/// # Safety
/// `array` must be an owned, live handle; `name` NUL-terminated.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_set_component_name(
    array: *mut vtkwire_array,
    component: i32,
    name: *const c_char,
) -> Status {
    guard(|| {
        let a = unsafe { array_mut(array, "array") }?;
        let name = unsafe { guard::str_arg(name, "name") }?;
        let c = usize::try_from(component).map_err(|_| Error::out_of_range(format!("component {component}")))?;
        a.set_component_name(c, name)
    })
}

/// Attaches a lookup table (name + `ncolors` RGBA colors, 4 bytes each) to `array`, as VTK's
/// SCALARS `LOOKUP_TABLE`. `ncolors` may be 0 (a named table without colors).
///
/// # Errors
/// NULL_ARGUMENT (`array`, `name`, `rgba` with ncolors > 0), INVALID_UTF8.
///
/// # Safety
/// `rgba` must hold `4 * ncolors` bytes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_set_lookup_table(
    array: *mut vtkwire_array,
    name: *const c_char,
    rgba: *const u8,
    ncolors: usize,
) -> Status {
    guard(|| {
        let a = unsafe { array_mut(array, "array") }?;
        let name = unsafe { guard::str_arg(name, "name") }?;
        let n = ncolors.checked_mul(4).ok_or_else(|| Error::out_of_range("ncolors overflows"))?;
        let bytes = unsafe { guard::slice(rgba, n, "rgba") }?;
        let rgba = bytes.chunks_exact(4).map(|c| [c[0], c[1], c[2], c[3]]).collect();
        a.lookup_table = Some(LookupTable { name: name.to_owned(), rgba });
        Ok(())
    })
}

/// Element type (`VTKWIRE_TYPE_*`), tuples and components of `array`.
///
/// # Safety
/// `array` must be a live handle; outputs valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_info(
    array: *const vtkwire_array,
    out_type: *mut i32,
    out_ntuples: *mut usize,
    out_ncomponents: *mut i32,
) -> Status {
    guard(|| {
        let a = unsafe { array_ref(array, "array") }?;
        check_out(out_type, "out_type")?;
        check_out(out_ntuples, "out_ntuples")?;
        check_out(out_ncomponents, "out_ncomponents")?;
        let nc = i32::try_from(a.components()).map_err(|_| Error::out_of_range("components exceed int32"))?;
        unsafe {
            write_out(out_type, a.scalar_type().code());
            write_out(out_ntuples, a.tuples());
            write_out(out_ncomponents, nc);
        }
        Ok(())
    })
}

/// The array's name as UTF-8 bytes, **not** NUL-terminated (print with `"%.*s"`), and its
/// length; `*out_name` is NULL when the array is unnamed (VTK's null name), and non-NULL with
/// length 0 for the empty name.
///
/// # Ownership
/// Borrowed from `array`; valid until it is modified or freed.
///
/// # Safety
/// `array` must be a live handle.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_name(
    array: *const vtkwire_array,
    out_name: *mut *const c_char,
    out_len: *mut usize,
) -> Status {
    guard(|| {
        let a = unsafe { array_ref(array, "array") }?;
        check_out(out_name, "out_name")?;
        check_out(out_len, "out_len")?;
        let (p, n) = match &a.name {
            None => (std::ptr::null(), 0),
            Some(s) => (s.as_ptr().cast(), s.len()),
        };
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
/// Borrowed from `array`; valid until it is modified or freed.
///
/// # Errors
/// WRONG_ARRAY_TYPE for string and variant arrays (use `vtkwire_array_string`).
///
/// # Safety
/// `array` must be a live handle.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_data(
    array: *const vtkwire_array,
    out_data: *mut *const c_void,
    out_nbytes: *mut usize,
) -> Status {
    guard(|| {
        let a = unsafe { array_ref(array, "array") }?;
        check_out(out_data, "out_data")?;
        check_out(out_nbytes, "out_nbytes")?;
        let bytes = a.data().bytes().ok_or_else(|| {
            Error::new(
                Status::WrongArrayType,
                format!("a {} array has no flat data; use vtkwire_array_string", a.scalar_type()),
            )
        })?;
        unsafe {
            write_out(out_data, bytes.as_ptr().cast());
            write_out(out_nbytes, bytes.len());
        }
        Ok(())
    })
}

/// Value `index` of a string array (for variant arrays: the value's text) as UTF-8 bytes,
/// **not** NUL-terminated, and its length.
///
/// # Ownership
/// Borrowed from `array`; valid until it is modified or freed.
///
/// # Errors
/// WRONG_ARRAY_TYPE (numeric array), OUT_OF_RANGE (index).
///
/// # Safety
/// `array` must be a live handle.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_string(
    array: *const vtkwire_array,
    index: usize,
    out_value: *mut *const c_char,
    out_len: *mut usize,
) -> Status {
    guard(|| {
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
        unsafe {
            write_out(out_value, s.as_ptr().cast());
            write_out(out_len, s.len());
        }
        Ok(())
    })
}

/// The name of component `component` as UTF-8 bytes (not NUL-terminated); `*out_name` is NULL
/// and `*out_len` 0 when that component is unnamed.
///
/// # Ownership
/// Borrowed from `array`; valid until it is modified or freed.
///
/// # Safety
/// `array` must be a live handle.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_component_name(
    array: *const vtkwire_array,
    component: i32,
    out_name: *mut *const c_char,
    out_len: *mut usize,
) -> Status {
    guard(|| {
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
        unsafe {
            write_out(out_name, p);
            write_out(out_len, n);
        }
        Ok(())
    })
}

/// The lookup table's colors (`4 * ncolors` RGBA bytes).
///
/// # Ownership
/// Borrowed from `array`; valid until it is modified or freed.
///
/// # Errors
/// NOT_FOUND when the array has no lookup table.
///
/// # Safety
/// `array` must be a live handle.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_lookup_table(
    array: *const vtkwire_array,
    out_rgba: *mut *const u8,
    out_ncolors: *mut usize,
) -> Status {
    guard(|| {
        let a = unsafe { array_ref(array, "array") }?;
        check_out(out_rgba, "out_rgba")?;
        check_out(out_ncolors, "out_ncolors")?;
        let lut = a
            .lookup_table
            .as_ref()
            .ok_or_else(|| Error::not_found(format!("array '{}' has no lookup table", a.name_str())))?;
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
