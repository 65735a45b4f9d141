//! Limits on what a read may build (`vtkwire_limits_*`): the maximum object size and the maximum
//! nesting depth, per process. They apply to `vtkwire_unmarshal`, `vtkwire_legacy_read` and every
//! MPI receive (which unmarshals), and the size limit also to the buffers `vtkwire_marshal` and
//! `vtkwire_legacy_write` allocate. Whatever the limits, a read never allocates more than its
//! input can justify (at most 64 bytes of object per input byte, plus 64 KiB): the limits only
//! tighten that.

use crate::error::{Error, Status};
use crate::ffi::guard::{check_out, guard, guard_value, write_out};
use crate::limits;

/// Sets the largest object, in bytes of memory, that a read may build in this process (also
/// the largest file `vtkwire_legacy_read` reads and the largest buffer `vtkwire_marshal` and
/// `vtkwire_legacy_write` allocate). The default is the machine's physical memory. A read that
/// would pass it stops with `VTKWIRE_STATUS_LIMIT_EXCEEDED` before allocating.
///
/// # Ownership
/// Nothing is borrowed or returned.
/// # Errors
/// `INVALID_ARGUMENT` for 0; the setting is then unchanged.
/// # Safety
/// Any value may be passed.
/// # MPI
/// Not an MPI call: local, thread-safe; applies to every later receive on every communicator.
#[unsafe(no_mangle)]
#[must_use]
pub extern "C" fn vtkwire_limits_set_max_object_bytes(max_bytes: usize) -> Status {
    guard(|| limits::set_max_object_bytes(max_bytes))
}

/// The current maximum object size in bytes (the default unless set).
///
/// # Ownership
/// Writes one `size_t`; nothing to free.
/// # Errors
/// `NULL_ARGUMENT` (`out_max_bytes`). The output is written only on success.
/// # Safety
/// `out_max_bytes` NULL or writable.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_limits_get_max_object_bytes(out_max_bytes: *mut usize) -> Status {
    guard(|| {
        check_out(out_max_bytes, "out_max_bytes")?;
        // SAFETY: checked non-null; writable per the contract.
        unsafe { write_out(out_max_bytes, limits::Limits::current().max_object_bytes) };
        Ok(())
    })
}

/// Sets the deepest nesting of composite data a read accepts in this process: multiblock
/// children and AMR blocks are depth 1, their children depth 2, and so on; 0 refuses any
/// composite with children. The default and the largest value is 64 (vtkwire's model refuses
/// deeper nesting). Deeper input stops with `VTKWIRE_STATUS_LIMIT_EXCEEDED` before the child is
/// parsed.
///
/// # Ownership
/// Nothing is borrowed or returned.
/// # Errors
/// `INVALID_ARGUMENT` for a negative depth or one above 64; the setting is then unchanged.
/// # Safety
/// Any value may be passed.
/// # MPI
/// Not an MPI call: local, thread-safe; applies to every later receive on every communicator.
#[unsafe(no_mangle)]
#[must_use]
pub extern "C" fn vtkwire_limits_set_max_depth(max_depth: i32) -> Status {
    guard(|| {
        let d = usize::try_from(max_depth)
            .map_err(|_| Error::invalid_argument(format!("argument `max_depth`: {max_depth} is negative")))?;
        limits::set_max_depth(d).map_err(|e| Error::new(e.status, format!("argument `max_depth`: {}", e.message)))
    })
}

/// The current maximum nesting depth (the default, 64, unless set).
///
/// # Ownership
/// Writes one `int32_t`; nothing to free.
/// # Errors
/// `NULL_ARGUMENT` (`out_max_depth`). The output is written only on success.
/// # Safety
/// `out_max_depth` NULL or writable.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_limits_get_max_depth(out_max_depth: *mut i32) -> Status {
    guard(|| {
        check_out(out_max_depth, "out_max_depth")?;
        let d = i32::try_from(limits::Limits::current().max_depth)
            .map_err(|_| Error::new(Status::Panic, "internal error: the maximum depth does not fit an int"))?;
        // SAFETY: checked non-null; writable per the contract.
        unsafe { write_out(out_max_depth, d) };
        Ok(())
    })
}

/// Restores the default limits (physical memory, depth 64).
///
/// # Ownership
/// Nothing is borrowed or returned.
/// # Errors
/// None: never fails.
/// # Safety
/// Takes no arguments.
#[unsafe(no_mangle)]
pub extern "C" fn vtkwire_limits_reset() {
    guard_value((), limits::reset);
}
