//! Status strings, the last-error message, version.

use std::ffi::c_char;

use crate::error::Status;
use crate::ffi::guard::{self, guard_value};

/// A static, NUL-terminated description of a status code (any `int32_t`; unknown codes give
/// "unknown status"). Never NULL.
///
/// # Ownership
/// Static storage; do not free.
#[unsafe(no_mangle)]
pub extern "C" fn vtkwire_status_str(status: i32) -> *const c_char {
    guard_value(c"unknown status".as_ptr(), || match Status::from_code(status) {
        Some(s) => s.describe().as_ptr().cast(),
        None => c"unknown status".as_ptr(),
    })
}

/// This thread's last error message: what failed, which argument, which byte offset or rank.
/// Empty after a successful call. Never NULL.
///
/// # Ownership
/// Borrowed from thread-local storage; valid until the next vtkwire call on this thread.
#[unsafe(no_mangle)]
pub extern "C" fn vtkwire_last_error() -> *const c_char {
    guard_value(c"".as_ptr(), guard::last_error_ptr)
}

/// Copies this thread's last error message into `buf` (NUL-terminated, truncated to `cap - 1`
/// bytes) and returns its full length in bytes (without the NUL). `buf` may be NULL when `cap`
/// is 0 (a size query). For Fortran and callers that keep the message.
///
/// # Safety
/// `buf` must be valid for `cap` bytes of writes.
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

/// The library version, e.g. "0.1.0". Static; never NULL.
#[unsafe(no_mangle)]
pub extern "C" fn vtkwire_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}
