//! The boundary guard: panics caught, errors turned into a status plus a thread-local message,
//! pointers checked.

use std::cell::RefCell;
use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::error::{Error, Result, Status};

thread_local! {
    static LAST_ERROR: RefCell<CString> = RefCell::new(CString::default());
}

/// Records `message` as this thread's last error.
pub fn set_last_error(message: &str) {
    let c = CString::new(message.replace('\0', "\\0")).unwrap_or_default();
    LAST_ERROR.with(|e| *e.borrow_mut() = c);
}

/// Pointer to this thread's last error (valid until the next vtkwire call on this thread).
pub fn last_error_ptr() -> *const c_char {
    LAST_ERROR.with(|e| e.borrow().as_ptr())
}

/// This thread's last error message, as bytes without the NUL.
pub fn last_error_bytes() -> Vec<u8> {
    LAST_ERROR.with(|e| e.borrow().as_bytes().to_vec())
}

/// This thread's last error message. Messages are stored from `&str`, so this is lossless.
pub fn last_error_string() -> String {
    String::from_utf8_lossy(&last_error_bytes()).into_owned()
}

/// Runs `f` at the C boundary: `Ok` → `Status::Ok` (and the last error is cleared),
/// `Err` → its status with the message stored, a panic → `Status::Panic`.
pub fn guard(f: impl FnOnce() -> Result<()>) -> Status {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => {
            set_last_error("");
            Status::Ok
        }
        Ok(Err(e)) => {
            set_last_error(&e.message);
            e.status
        }
        Err(p) => {
            let what = p
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            set_last_error(&format!("internal error (please report): {what}"));
            Status::Panic
        }
    }
}

/// Like [`guard`] for functions that return a plain value: a panic yields `fallback`.
pub fn guard_value<T>(fallback: T, f: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or(fallback)
}

/// A NullArgument error naming the argument.
pub fn null_arg(name: &str) -> Error {
    Error::new(Status::NullArgument, format!("argument `{name}` is NULL"))
}

/// `&T` from a pointer, or a NullArgument error naming the argument.
///
/// # Safety
/// `p` must be NULL or point to a valid `T` for the returned lifetime.
pub unsafe fn as_ref<'a, T>(p: *const T, name: &str) -> Result<&'a T> {
    // SAFETY: the caller guarantees validity when non-null.
    unsafe { p.as_ref() }.ok_or_else(|| null_arg(name))
}

/// `&mut T` from a pointer, or a NullArgument error naming the argument.
///
/// # Safety
/// `p` must be NULL or point to a valid, unaliased `T` for the returned lifetime.
pub unsafe fn as_mut<'a, T>(p: *mut T, name: &str) -> Result<&'a mut T> {
    // SAFETY: the caller guarantees validity and exclusivity when non-null.
    unsafe { p.as_mut() }.ok_or_else(|| null_arg(name))
}

/// A slice from `(ptr, len)`; `(NULL, 0)` is the empty slice, `(NULL, n>0)` an error.
///
/// # Safety
/// A non-null `p` must point to `len` valid, initialized `T`s.
pub unsafe fn slice<'a, T>(p: *const T, len: usize, name: &str) -> Result<&'a [T]> {
    if len == 0 {
        return Ok(&[]);
    }
    if p.is_null() {
        return Err(Error::new(
            Status::NullArgument,
            format!(
                "argument `{name}` is NULL but {len} {} announced",
                if len == 1 { "element is" } else { "elements are" }
            ),
        ));
    }
    if len.checked_mul(std::mem::size_of::<T>()).is_none_or(|b| b > isize::MAX as usize) {
        return Err(Error::out_of_range(format!("argument `{name}`: length {len} is too large")));
    }
    // SAFETY: non-null, length checked, validity guaranteed by the caller.
    Ok(unsafe { std::slice::from_raw_parts(p, len) })
}

/// A fixed-size array argument (`const double origin[3]`).
///
/// # Safety
/// A non-null `p` must point to `N` valid `T`s.
pub unsafe fn array<T: Copy, const N: usize>(p: *const T, name: &str) -> Result<[T; N]> {
    if p.is_null() {
        return Err(null_arg(name));
    }
    // SAFETY: non-null, the caller guarantees N readable elements.
    let s = unsafe { std::slice::from_raw_parts(p, N) };
    Ok(std::array::from_fn(|i| s[i]))
}

/// A UTF-8 string from a NUL-terminated C string; NULL is an error naming the argument.
///
/// # Safety
/// A non-null `p` must point to a NUL-terminated string.
pub unsafe fn str_arg<'a>(p: *const c_char, name: &str) -> Result<&'a str> {
    if p.is_null() {
        return Err(null_arg(name));
    }
    // SAFETY: non-null and NUL-terminated per the caller.
    let c = unsafe { CStr::from_ptr(p) };
    c.to_str().map_err(|e| {
        Error::new(Status::InvalidUtf8, format!("argument `{name}` is not UTF-8 (byte {})", e.valid_up_to()))
    })
}

/// Like [`str_arg`] but NULL gives `None` (an optional name).
///
/// # Safety
/// As for [`str_arg`].
pub unsafe fn opt_str_arg<'a>(p: *const c_char, name: &str) -> Result<Option<&'a str>> {
    // SAFETY: forwarded contract: a non-null `p` is NUL-terminated.
    if p.is_null() { Ok(None) } else { unsafe { str_arg(p, name) }.map(Some) }
}

/// Writes `v` through an output pointer (checked non-null beforehand with [`check_out`]).
///
/// # Safety
/// `p` must be valid for writes.
pub unsafe fn write_out<T>(p: *mut T, v: T) {
    // SAFETY: checked non-null by the caller's `check_out`, valid per the C contract.
    unsafe { p.write(v) }
}

/// Fails with NullArgument if an output pointer is NULL.
pub fn check_out<T>(p: *mut T, name: &str) -> Result<()> {
    if p.is_null() { Err(null_arg(name)) } else { Ok(()) }
}

/// A checked `i32` enum-like argument.
pub fn enum_arg<T>(code: i32, name: &str, parse: impl Fn(i32) -> Option<T>) -> Result<T> {
    parse(code).ok_or_else(|| Error::invalid_argument(format!("argument `{name}`: {code} is not a valid value")))
}

/// Writes `s` to a caller buffer in the *copy* shape of the string convention (the module
/// doc of [`crate::ffi`]): `*out_len` always gets the full length in bytes (without the NUL);
/// if `buf` is non-NULL and `cap > 0`, `min(len, cap - 1)` bytes cut back to a UTF-8 character
/// boundary are written, then a NUL, never more than `cap` bytes in all.
///
/// Returns `Ok(())` when the whole string fit and for the size query `(NULL, 0)`; a
/// BufferTooSmall error (after writing the cut string and the length) when it did not fit;
/// NullArgument, writing nothing, for a NULL `out_len` or a NULL `buf` with `cap > 0`.
///
/// # Safety
/// A non-null `buf` must be valid for `cap` bytes of writes; a non-null `out_len` for one
/// `usize`.
pub unsafe fn copy_str_out(s: &str, buf: *mut c_char, cap: usize, out_len: *mut usize) -> Result<()> {
    check_out(out_len, "out_len")?;
    if buf.is_null() && cap > 0 {
        return Err(null_arg("buf"));
    }
    // SAFETY: `out_len` is non-null (checked) and writable per the contract.
    unsafe { write_out(out_len, s.len()) };
    if buf.is_null() {
        return Ok(());
    }
    if cap == 0 {
        return Err(Error::new(
            Status::BufferTooSmall,
            format!("a buffer of 0 bytes cannot hold {} bytes and a NUL", s.len()),
        ));
    }
    let mut n = s.len().min(cap - 1);
    while !s.is_char_boundary(n) {
        n -= 1;
    }
    // SAFETY: `buf` is non-null with `cap` writable bytes (contract); `n + 1 <= cap`, and `s`
    // cannot overlap caller memory vtkwire is allowed to write.
    unsafe {
        std::ptr::copy_nonoverlapping(s.as_ptr().cast::<c_char>(), buf, n);
        buf.add(n).write(0);
    }
    if n == s.len() {
        Ok(())
    } else {
        Err(Error::new(
            Status::BufferTooSmall,
            format!("{} bytes and a NUL do not fit in a buffer of {cap} bytes; {n} were written", s.len()),
        ))
    }
}
