//! Status strings, the last-error message, version.

use std::ffi::c_char;
use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::error::Status;
use crate::ffi::guard::{self, guard_value};

/// A static, NUL-terminated description of a status code (string shape *static*): any
/// `int32_t` is accepted; unknown codes give "unknown status".
///
/// # Ownership
/// Static storage; never NULL; do not free.
///
/// # Errors
/// None: returns the description (no status; the last error is not changed).
///
/// # Safety
/// None: any value of `status` is accepted.
#[unsafe(no_mangle)]
pub extern "C" fn vtkwire_status_str(status: i32) -> *const c_char {
    guard_value(c"unknown status".as_ptr(), || match Status::from_code(status) {
        Some(s) => s.describe().as_ptr().cast(),
        None => c"unknown status".as_ptr(),
    })
}

/// This thread's last error message (string shape *static*): what failed, which argument,
/// which byte offset or rank. Empty after a successful call.
///
/// # Ownership
/// Borrowed from thread-local storage; never NULL; valid until the next vtkwire call on this
/// thread. Do not free.
///
/// # Errors
/// None: returns the message (no status; the last error is not changed).
///
/// # Safety
/// None: takes no arguments.
#[unsafe(no_mangle)]
pub extern "C" fn vtkwire_last_error() -> *const c_char {
    guard_value(c"".as_ptr(), guard::last_error_ptr)
}

/// Copies this thread's last error message into `buf` (string shape *copy*): `*out_len`
/// receives the full length in bytes (without the NUL); when `buf` is non-NULL and `cap > 0`,
/// at most `cap - 1` bytes cut at a UTF-8 character boundary are written, then a NUL.
/// `(NULL, 0)` is a size query. This call never changes the last error, so a size query can
/// be followed by the copy.
///
/// # Ownership
/// Borrows `buf` and `out_len` for the duration of the call; the message is copied.
///
/// # Errors
/// - NULL_ARGUMENT: `out_len` is NULL, or `buf` is NULL with `cap > 0` (nothing written).
/// - BUFFER_TOO_SMALL: the message and its NUL did not fit in `cap` bytes; the cut message
///   and the full length were written.
///
/// # Safety
/// `buf` NULL or valid for `cap` bytes of writes; `out_len` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_last_error_get(buf: *mut c_char, cap: usize, out_len: *mut usize) -> Status {
    // Not `guard`: that would replace the message being read with this call's own outcome.
    catch_unwind(AssertUnwindSafe(|| {
        let msg = guard::last_error_string();
        // SAFETY: forwarded contract of this function (buffer of `cap` bytes, `out_len`).
        match unsafe { guard::copy_str_out(&msg, buf, cap, out_len) } {
            Ok(()) => Status::Ok,
            Err(e) => e.status,
        }
    }))
    .unwrap_or(Status::Panic)
}

/// The older form of `vtkwire_last_error_get`: copies this thread's last error message into
/// `buf` (NUL-terminated, cut to `cap - 1` bytes, possibly inside a UTF-8 character) and
/// returns its full length in bytes (without the NUL). `buf` may be NULL when `cap` is 0 (a
/// size query). Prefer `vtkwire_last_error_get`, which reports truncation and never cuts a
/// character.
///
/// # Ownership
/// Borrows `buf` for the duration of the call; the message is copied.
///
/// # Errors
/// None: returns the full length (no status; the last error is not changed). A NULL `buf`
/// with `cap > 0` writes nothing.
///
/// # Safety
/// `buf` NULL or valid for `cap` bytes of writes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vtkwire_last_error_copy(buf: *mut c_char, cap: usize) -> usize {
    guard_value(0, || {
        let msg = guard::last_error_bytes();
        if !buf.is_null() && cap > 0 {
            let n = msg.len().min(cap - 1);
            // SAFETY: the caller guarantees `cap` writable bytes at `buf`; n < cap.
            unsafe {
                std::ptr::copy_nonoverlapping(msg.as_ptr().cast::<c_char>(), buf, n);
                buf.add(n).write(0);
            }
        }
        msg.len()
    })
}

/// The library version, e.g. "0.1.0" (string shape *static*).
///
/// # Ownership
/// Static storage; never NULL; do not free.
///
/// # Errors
/// None: returns the version.
///
/// # Safety
/// None: takes no arguments.
#[unsafe(no_mangle)]
pub extern "C" fn vtkwire_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}
