//! Marshaling (`vtkCommunicator::MarshalDataObject` bytes) and legacy `.vtk` files.

use std::ffi::c_char;
use std::path::Path;

use crate::error::{Error, Status};
use crate::ffi::guard::{self, check_out, guard, write_out};
use crate::ffi::object::{object_into_handle, object_ref, vtkwire_object};
use crate::legacy;

/// Hands a byte vector to C; `(NULL, 0)` for an empty one.
pub fn bytes_into_raw(v: Vec<u8>) -> (*mut u8, usize) {
    if v.is_empty() {
        return (std::ptr::null_mut(), 0);
    }
    let b = v.into_boxed_slice();
    let len = b.len();
    (Box::into_raw(b).cast::<u8>(), len)
}

unsafe fn opt_object<'a>(obj: *const vtkwire_object) -> crate::Result<Option<&'a crate::model::DataObject>> {
    // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
    if obj.is_null() { Ok(None) } else { unsafe { object_ref(obj, "obj") }.map(Some) }
}

/// Marshals `obj` to exactly the bytes `vtkCommunicator::MarshalDataObject` produces (VTK 9.1:
/// legacy 5.1, BINARY, big-endian, a zero-filled 128-byte EXTENT block first for image data,
/// structured points, rectilinear and structured grids). `obj == NULL` is VTK's null object:
/// `*out_bytes = NULL`, `*out_len = 0`. The object is validated first.
///
/// # Ownership
/// Borrows `obj` for the duration of the call. Returns a new buffer owned by the caller;
/// free it with `vtkwire_bytes_free(bytes, len)`.
///
/// # Errors
/// - NULL_ARGUMENT: `out_bytes` or `out_len` is NULL.
/// - INVALID_OBJECT: validation failed (the message names what and where).
/// - LIMIT_EXCEEDED: the bytes would pass `vtkwire_limits_set_max_object_bytes`.
/// - ALLOC: the output buffer cannot be allocated.
///
/// # Safety
/// `obj` NULL or a live object handle; each output NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_marshal(
    obj: *const vtkwire_object,
    out_bytes: *mut *mut u8,
    out_len: *mut usize,
) -> Status {
    guard(|| {
        check_out(out_bytes, "out_bytes")?;
        check_out(out_len, "out_len")?;
        // SAFETY: `obj` is NULL (the null object) or a live handle (`# Safety`).
        let bytes = legacy::marshal(unsafe { opt_object(obj) }?)?;
        let (p, n) = bytes_into_raw(bytes);
        // SAFETY: the outputs were checked non-NULL above and are writable for the documented sizes (`# Safety`).
        unsafe {
            write_out(out_bytes, p);
            write_out(out_len, n);
        }
        Ok(())
    })
}

/// The exact size `vtkwire_marshal` would produce for `obj` (0 for NULL), without
/// producing the bytes — to size a caller-owned buffer (Fortran, pools, MPI windows).
///
/// # Ownership
/// Borrows `obj` for the duration of the call.
///
/// # Errors
/// - NULL_ARGUMENT: `out_len` is NULL.
/// - INVALID_OBJECT: validation failed.
///
/// # Safety
/// `obj` NULL or a live object handle; `out_len` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_marshaled_size(obj: *const vtkwire_object, out_len: *mut usize) -> Status {
    guard(|| {
        check_out(out_len, "out_len")?;
        // SAFETY: `obj` is NULL (the null object) or a live handle (`# Safety`).
        let n = legacy::marshaled_len(unsafe { opt_object(obj) }?)?;
        // SAFETY: `out_len` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_len, n) };
        Ok(())
    })
}

/// Marshals `obj` into caller memory `buf` of `cap` bytes; `*out_len` gets the bytes written.
/// Nothing is written to `buf` when it is too small.
///
/// # Ownership
/// Borrows `obj` and `buf` for the duration of the call.
///
/// # Errors
/// - NULL_ARGUMENT: `out_len` is NULL, or `buf` is NULL with `cap > 0`.
/// - OUT_OF_RANGE: `buf` is too small (the message gives the size needed).
/// - INVALID_OBJECT: validation failed.
///
/// # Safety
/// `obj` NULL or a live object handle; `buf` NULL or valid for `cap` bytes of writes;
/// `out_len` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_marshal_into(
    obj: *const vtkwire_object,
    buf: *mut u8,
    cap: usize,
    out_len: *mut usize,
) -> Status {
    guard(|| {
        check_out(out_len, "out_len")?;
        // SAFETY: `obj` is NULL (the null object) or a live handle (`# Safety`).
        let o = unsafe { opt_object(obj) }?;
        let out: &mut [u8] = if cap == 0 {
            &mut []
        } else {
            if buf.is_null() {
                return Err(guard::null_arg("buf"));
            }
            // SAFETY: non-null, `cap` writable bytes per the contract.
            unsafe { std::slice::from_raw_parts_mut(buf, cap) }
        };
        let n = legacy::marshal_into(o, out)?;
        // SAFETY: `out_len` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_len, n) };
        Ok(())
    })
}

/// Frees a buffer returned by `vtkwire_marshal` (pass the same length).
///
/// # Ownership
/// Takes back ownership of the buffer. `vtkwire_bytes_free(NULL, 0)` is a no-op.
///
/// # Errors
/// None: returns nothing and cannot fail.
///
/// # Safety
/// `bytes`/`len` must come from `vtkwire_marshal` (or be NULL/0) and not have been freed; the
/// buffer must not be used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vtkwire_bytes_free(bytes: *mut u8, len: usize) {
    if bytes.is_null() || len == 0 {
        return;
    }
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: (bytes, len) is a Box<[u8]> made by bytes_into_raw.
        drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(bytes, len)) });
    });
}

/// Returns to the operating system the memory vtkwire has freed but kept for reuse.
///
/// vtkwire's buffers (marshaled bytes, receive buffers, the arrays of objects it builds) come
/// from mimalloc, which keeps freed pages for vtkwire's next buffer: a time loop that marshals,
/// sends or receives an object per step then writes into mapped memory instead of paying the
/// kernel's page faults. What is kept never exceeds vtkwire's own high-water mark. Call this
/// when the memory is needed elsewhere (before a phase that allocates heavily with `malloc`, or
/// after the last exchange). Takes no communicator (no MPI call).
///
/// # Ownership
/// No arguments; objects and buffers the caller holds stay valid.
///
/// # Errors
/// None: returns nothing and cannot fail.
///
/// # Safety
/// None: takes no arguments; may be called at any time from any thread.
#[unsafe(no_mangle)]
pub extern "C" fn vtkwire_release_memory() {
    let _ = std::panic::catch_unwind(crate::memory::release_memory);
}

/// Unmarshals bytes from `vtkCommunicator::MarshalDataObject` (any VTK 9.x) or
/// `vtkwire_marshal`. An empty buffer (`len == 0`, `bytes` may be NULL) is VTK's null object:
/// `*out_obj = NULL` with OK.
///
/// # Ownership
/// Borrows `bytes` for the duration of the call. Returns a new object owned by the caller
/// (or NULL for the null object); free it with `vtkwire_object_free`.
///
/// # Errors
/// - NULL_ARGUMENT: `out_obj` is NULL, or `bytes` is NULL with `len > 0`.
/// - PARSE, TRUNCATED, UNSUPPORTED, INVALID_UTF8, INVALID_OBJECT: malformed, cut or
///   unsupported input, with the byte offset in the message. Never allocates more than the
///   input can justify (at most 64 bytes of object per input byte).
/// - LIMIT_EXCEEDED: past the `vtkwire_limits_*` settings (object size, nesting depth).
/// - ALLOC: memory could not be allocated.
///
/// # Safety
/// `bytes` NULL or `len` readable bytes; `out_obj` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_unmarshal(bytes: *const u8, len: usize, out_obj: *mut *mut vtkwire_object) -> Status {
    guard(|| {
        check_out(out_obj, "out_obj")?;
        // SAFETY: `bytes` is NULL or holds the count given (`# Safety`); NULL with a count is refused.
        let b = unsafe { guard::slice(bytes, len, "bytes") }?;
        let o = legacy::unmarshal(b)?;
        // SAFETY: `out_obj` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_obj, o.map_or(std::ptr::null_mut(), object_into_handle)) };
        Ok(())
    })
}

/// Reads a legacy `.vtk` file (versions 2.0 to 5.1, ASCII or BINARY) — what ParaView and VTK
/// write.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`. Borrows `path`
/// for the duration of the call.
///
/// # Errors
/// - NULL_ARGUMENT: `path` or `out_obj` is NULL.
/// - INVALID_UTF8: `path` is not UTF-8.
/// - IO: the file cannot be read (with the OS error).
/// - LIMIT_EXCEEDED: a file larger than the maximum object size, or as `vtkwire_unmarshal`.
/// - PARSE, TRUNCATED, UNSUPPORTED, INVALID_OBJECT, ALLOC: as `vtkwire_unmarshal`.
///
/// # Safety
/// `path` NULL or NUL-terminated; `out_obj` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_legacy_read(path: *const c_char, out_obj: *mut *mut vtkwire_object) -> Status {
    guard(|| {
        // SAFETY: `path` is NULL or NUL-terminated (`# Safety`); NULL is refused.
        let path = unsafe { guard::str_arg(path, "path") }?;
        check_out(out_obj, "out_obj")?;
        let o = legacy::read_file(Path::new(path))?;
        // SAFETY: `out_obj` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_obj, object_into_handle(o)) };
        Ok(())
    })
}

/// Writes `obj` as a legacy `.vtk` file ParaView opens: BINARY when `binary` is non-zero,
/// else ASCII.
///
/// # Ownership
/// Borrows `obj` and `path` for the duration of the call.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or `path` is NULL.
/// - INVALID_UTF8: `path` is not UTF-8.
/// - INVALID_OBJECT: validation failed (the message starts with the path).
/// - IO: the file cannot be written (with the OS error).
/// - LIMIT_EXCEEDED: the file's bytes would pass the maximum object size.
/// - ALLOC: memory could not be allocated.
///
/// # Safety
/// `obj` NULL or a live object handle; `path` NULL or NUL-terminated.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_legacy_write(obj: *const vtkwire_object, path: *const c_char, binary: i32) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let o = unsafe { object_ref(obj, "obj") }?;
        // SAFETY: `path` is NULL or NUL-terminated (`# Safety`); NULL is refused.
        let path = unsafe { guard::str_arg(path, "path") }?;
        legacy::write_file(o, Path::new(path), binary != 0).map_err(|e| {
            if e.status == Status::Io { e } else { Error::new(e.status, format!("{path}: {}", e.message)) }
        })
    })
}
