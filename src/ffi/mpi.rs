//! The MPI exports: VTK's point-to-point protocol, collectives and non-blocking requests for
//! `vtkwire_object` and `vtkwire_array`, on the caller's `MPI_Comm` (and `MPI_Fint` twins with
//! the `_f` suffix).
//!
//! Every function here borrows `comm` for the duration of the call: it is never duplicated,
//! freed, or given an error handler, so MPI failures follow the caller's handler (with the
//! default `MPI_ERRORS_ARE_FATAL` the job aborts inside MPI; with `MPI_ERRORS_RETURN` they come
//! back as `VTKWIRE_STATUS_MPI` with MPI's error string). Every call first checks that MPI is
//! initialized and not finalized (`MPI_NOT_INITIALIZED`) and that the running MPI library is
//! the one vtkwire was built against (`MPI_LIBRARY_MISMATCH`). Ranks are ranks in `comm`;
//! `source` may be a rank, `MPI_ANY_SOURCE` or VTK's -1; `tag` is 0..MPI_TAG_UB-1000 for sends
//! (VTK adds 1000 + a counter), and may be `MPI_ANY_TAG` for receives.
//!
//! `vtkwire_set_vtk_peer_version` / `vtkwire_get_vtk_peer_version` take no communicator and
//! need no MPI: they set and read the process-wide VTK version of the peer ranks
//! (`crate::mpi::peer`), which selects the length exchange of the root-ed gathers.

use mpi_sys as ffi;

use crate::error::{Error, Result, Status};
use crate::ffi::array::{array_into_handle, array_mut, array_ref, vtkwire_array};
use crate::ffi::guard::{check_out, guard, slice, write_out};
use crate::ffi::object::{object_into_handle, object_mut, object_ref, vtkwire_object};
use crate::mpi::Comm;
use crate::mpi::collective;
use crate::mpi::peer;
use crate::mpi::protocol;
use crate::mpi::request::{self, Received, Request};

fn opt_object_handle(o: Option<crate::model::DataObject>) -> *mut vtkwire_object {
    o.map(object_into_handle).unwrap_or(std::ptr::null_mut())
}

fn opt_array_handle(a: Option<crate::model::DataArray>) -> *mut vtkwire_array {
    a.map(array_into_handle).unwrap_or(std::ptr::null_mut())
}

// ---- peer version ----------------------------------------------------------------------------

/// Sets the VTK version the peer ranks speak (`major.minor`, e.g. 9, 5), for the whole process.
///
/// It selects the length exchange of the root-ed variable-length gathers
/// (`vtkwire_object_gather`, `vtkwire_array_gatherv` and their `_f` twins), whose wire changed
/// in VTK 9.5.0: below 9.5 (the default, 9.1) one `MPI_LONG_LONG` per rank goes to the root with
/// `MPI_Gather`; from 9.5 on it goes to every rank with `MPI_Allgather`; `MPI_Gatherv` follows
/// in both. Mixing the two is a collective mismatch (a hang), so every rank of the job must use
/// the version of the VTK its VTK ranks run. The value set here wins over the environment
/// variable `VTKWIRE_VTK_PEER_VERSION` (e.g. `9.5`), which is read once, at the first use of
/// the setting, if no version was set before. Process-wide because the exports take a raw
/// `MPI_Comm`, which
/// vtkwire never alters (no attribute caching); set it before each call if one process talks to
/// VTK 9.1 ranks on one communicator and to VTK >= 9.5 ranks on another.
///
/// # Ownership
/// Nothing is borrowed or returned.
/// # Errors
/// `INVALID_ARGUMENT` for a major outside 5..=99 or a minor outside 0..=99; the setting is
/// then unchanged.
/// # Safety
/// Any values may be passed.
/// # MPI
/// Not an MPI call: local, needs no `MPI_Init` (may be called before it), thread-safe. Each
/// collective reads the setting once when it starts.
#[unsafe(no_mangle)]
#[must_use]
pub extern "C" fn vtkwire_set_vtk_peer_version(major: i32, minor: i32) -> Status {
    guard(|| peer::set_vtk_peer_version(major, minor))
}

/// The VTK version of the peer ranks: the one set with `vtkwire_set_vtk_peer_version`, else
/// the environment variable `VTKWIRE_VTK_PEER_VERSION` (`MAJOR.MINOR`, a patch level and
/// surrounding blanks ignored, empty = unset; read once), else 9.1.
///
/// # Ownership
/// Writes two integers; nothing to free.
/// # Errors
/// `NULL_ARGUMENT` (`out_major`, `out_minor`); `INVALID_ARGUMENT` when the version comes from
/// a malformed or out-of-range environment variable (the message names it and its value; the
/// root-ed gathers fail the same way, before any MPI call, until it is fixed or a version is
/// set). Outputs are written only on success.
/// # Safety
/// `out_major` and `out_minor` NULL or writable.
/// # MPI
/// Not an MPI call: local, needs no `MPI_Init`, thread-safe.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_get_vtk_peer_version(out_major: *mut i32, out_minor: *mut i32) -> Status {
    guard(|| {
        check_out(out_major, "out_major")?;
        check_out(out_minor, "out_minor")?;
        let v = peer::vtk_peer_version()?;
        // SAFETY: both outputs were checked non-NULL above and the caller guarantees they are writable.
        unsafe {
            write_out(out_major, v.major);
            write_out(out_minor, v.minor);
        }
        Ok(())
    })
}

// ---- point to point -------------------------------------------------------------------------

/// Sends a data object (or the null object) with `vtkCommunicator::Send(vtkDataObject*)`'s exact
/// message sequence: 8 messages, or 2 for a NULL `obj`.
///
/// # Ownership
/// Borrows `obj` for the duration of the call.
/// # Errors
/// `OUT_OF_RANGE` (dest, tag), marshaling errors, `MPI`, and the MPI checks in the module docs.
/// # Safety
/// `obj` NULL or a live object; `comm` a valid communicator.
/// # MPI
/// Point to point, blocking (`MPI_Send`); `comm` borrowed. Like VTK, two ranks sending large
/// objects to each other at the same time deadlock — use `vtkwire_object_isend` for that.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_send(
    obj: *const vtkwire_object,
    dest: i32,
    tag: i32,
    comm: ffi::MPI_Comm,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
        let o = if obj.is_null() { None } else { Some(unsafe { object_ref(obj, "obj") }?) };
        protocol::send_object(&Comm::borrow(comm)?, o, dest, tag)
    })
}

/// Receives a data object as `vtkCommunicator::ReceiveDataObject(source, tag)`.
///
/// `*out_obj` is set to a new object, or NULL if the sender sent the null object (or a type VTK
/// does not send). With `MPI_ANY_SOURCE` the source (and the mangled tag) are pinned from the
/// header message, so several concurrent senders are safe.
///
/// # Ownership
/// `*out_obj` is a new object owned by the caller; free it with `vtkwire_object_free`.
/// # Errors
/// `NULL_ARGUMENT` (`out_obj`), `OUT_OF_RANGE`, `PROTOCOL`, parse errors of the payload, `MPI`.
/// # Safety
/// `out_obj` writable; `comm` a valid communicator.
/// # MPI
/// Point to point, blocking; `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_recv(
    source: i32,
    tag: i32,
    comm: ffi::MPI_Comm,
    out_obj: *mut *mut vtkwire_object,
) -> Status {
    guard(|| {
        check_out(out_obj, "out_obj")?;
        let o = protocol::recv_object(&Comm::borrow(comm)?, source, tag)?;
        // SAFETY: `out_obj` was checked non-NULL above and the caller guarantees it is writable (# Safety).
        unsafe { write_out(out_obj, opt_object_handle(o)) };
        Ok(())
    })
}

/// Receives into an existing object, as `vtkCommunicator::Receive(vtkDataObject*, …)`: the sent
/// type must equal `obj`'s type exactly (image data ≠ structured points).
///
/// On a mismatch (or a sent null object) vtkwire — unlike VTK — first receives and discards the
/// rest of the sequence, so nothing stays queued, then returns `WRONG_OBJECT_TYPE`; `obj` is
/// replaced only on success.
///
/// # Ownership
/// Borrows `obj` mutably for the call.
/// # Errors
/// `NULL_ARGUMENT`, `WRONG_OBJECT_TYPE`, `PROTOCOL`, parse errors, `MPI`.
/// # Safety
/// `obj` a live owned object not aliased for the call; `comm` valid.
/// # MPI
/// Point to point, blocking; `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_recv_into(
    obj: *mut vtkwire_object,
    source: i32,
    tag: i32,
    comm: ffi::MPI_Comm,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live owned handle, not used elsewhere during the call (# Safety).
        let o = unsafe { object_mut(obj, "obj") }?;
        protocol::recv_object_into(&Comm::borrow(comm)?, source, tag, o)
    })
}

/// Sends already marshaled bytes (e.g. from `vtkwire_object_marshal`) with the data-object
/// message sequence and the given VTK data-object type code (`-1`: null object, `bytes` ignored).
///
/// # Ownership
/// Borrows `bytes` for the call.
/// # Errors
/// `NULL_ARGUMENT` (`bytes` with `len` > 0), `WRONG_OBJECT_TYPE` (a type VTK's Send refuses),
/// `OUT_OF_RANGE`, `MPI`.
/// # Safety
/// `bytes` readable for `len` bytes; `comm` valid.
/// # MPI
/// Point to point, blocking; `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_marshaled_send(
    type_code: i32,
    bytes: *const u8,
    len: usize,
    dest: i32,
    tag: i32,
    comm: ffi::MPI_Comm,
) -> Status {
    guard(|| {
        // SAFETY: the caller guarantees `bytes` holds `len` elements (# Safety); (NULL, 0) is empty.
        let b = unsafe { slice(bytes, len, "bytes") }?;
        protocol::send_marshaled(&Comm::borrow(comm)?, type_code, b, dest, tag)
    })
}

/// Sends a data array (or VTK's null array for NULL) with `Send(vtkDataArray*)`'s sequence:
/// header, type, tuples, components, name length, name, values in the element's MPI datatype.
///
/// # Ownership
/// Borrows `array` for the call.
/// # Errors
/// `WRONG_ARRAY_TYPE` (bit, string, variant arrays), `OUT_OF_RANGE`, `MPI`.
/// # Safety
/// `array` NULL or live; `comm` valid.
/// # MPI
/// Point to point, blocking; `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_send(
    array: *const vtkwire_array,
    dest: i32,
    tag: i32,
    comm: ffi::MPI_Comm,
) -> Status {
    guard(|| {
        // SAFETY: `array` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
        let a = if array.is_null() { None } else { Some(unsafe { array_ref(array, "array") }?) };
        protocol::send_array(&Comm::borrow(comm)?, a, dest, tag)
    })
}

/// Receives a data array (`Receive(vtkDataArray*)` into a new array); `*out_array` is NULL when
/// the sender sent the null array. Unsupported element types are drained, then rejected.
///
/// # Ownership
/// `*out_array` is a new array owned by the caller; free it with `vtkwire_array_free`.
/// # Errors
/// `NULL_ARGUMENT`, `WRONG_ARRAY_TYPE`, `PROTOCOL`, `OUT_OF_RANGE`, `MPI`.
/// # Safety
/// `out_array` writable; `comm` valid.
/// # MPI
/// Point to point, blocking; `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_recv(
    source: i32,
    tag: i32,
    comm: ffi::MPI_Comm,
    out_array: *mut *mut vtkwire_array,
) -> Status {
    guard(|| {
        check_out(out_array, "out_array")?;
        let a = protocol::recv_array(&Comm::borrow(comm)?, source, tag)?;
        // SAFETY: `out_array` was checked non-NULL above and the caller guarantees it is writable (# Safety).
        unsafe { write_out(out_array, opt_array_handle(a)) };
        Ok(())
    })
}

// ---- broadcast ------------------------------------------------------------------------------

/// `Broadcast(vtkDataObject*, root)`: root marshals `obj` (NULL = null object) and broadcasts
/// the bytes as VTK's char array; every other rank gets a new object in `*out_obj` (NULL for the
/// null object). No type code travels (as in VTK): an image from a VTK root arrives as image data
/// (VTK's bytes do not tell it from structured points); a vtkwire root's type is kept exactly.
///
/// # Ownership
/// Root: borrows `obj`, leaves `*out_obj` untouched. Others: `*out_obj` is a new object owned by
/// the caller (`vtkwire_object_free`); `obj` is ignored.
/// # Errors
/// `NULL_ARGUMENT` (`out_obj` on non-roots: reported after the broadcast, which is received
/// and freed, so no rank hangs), `OUT_OF_RANGE` (`root`), parse errors, `MPI`.
/// # Safety
/// `obj` NULL or live (root); `out_obj` writable (non-roots); `comm` valid.
/// # MPI
/// Collective over `comm` (5 `MPI_Bcast`); `comm` borrowed. Root reads `obj`, the others write
/// `out_obj`.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_bcast(
    obj: *const vtkwire_object,
    root: i32,
    comm: ffi::MPI_Comm,
    out_obj: *mut *mut vtkwire_object,
) -> Status {
    guard(|| {
        let c = Comm::borrow(comm)?;
        c.check_rank(root, "root")?;
        if c.rank() == root {
            // SAFETY: `obj` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
            let o = if obj.is_null() { None } else { Some(unsafe { object_ref(obj, "obj") }?) };
            collective::bcast_object(&c, o, root)?;
        } else {
            // Receive first, then check `out_obj`: an early return would leave root's
            // broadcasts unmatched (a hang). The received object is dropped on error.
            let o = collective::bcast_object(&c, None, root)?.flatten();
            check_out(out_obj, "out_obj")?;
            // SAFETY: `out_obj` was checked non-NULL above and the caller guarantees it is writable (# Safety).
            unsafe { write_out(out_obj, opt_object_handle(o)) };
        }
        Ok(())
    })
}

/// `Broadcast(vtkDataArray*, root)`: type, tuples, components, name length, [name], values.
/// Non-roots get a new array in `*out_array` (NULL if root passed NULL). If root's array cannot
/// be sent (bit/string/variant) every rank returns `WRONG_ARRAY_TYPE` after the first broadcast.
///
/// # Ownership
/// Root: borrows `array`, `*out_array` untouched. Others: new array owned by the caller.
/// # Errors
/// `NULL_ARGUMENT` (`out_array` on non-roots, reported after the broadcast), `WRONG_ARRAY_TYPE`,
/// `OUT_OF_RANGE` (`root`), `MPI`.
/// # Safety
/// `array` NULL or live (root); `out_array` writable (non-roots); `comm` valid.
/// # MPI
/// Collective; `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_bcast(
    array: *const vtkwire_array,
    root: i32,
    comm: ffi::MPI_Comm,
    out_array: *mut *mut vtkwire_array,
) -> Status {
    guard(|| {
        let c = Comm::borrow(comm)?;
        c.check_rank(root, "root")?;
        if c.rank() == root {
            // SAFETY: `array` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
            let a = if array.is_null() { None } else { Some(unsafe { array_ref(array, "array") }?) };
            collective::bcast_array(&c, a, root)?;
        } else {
            let a = collective::bcast_array(&c, None, root)?;
            check_out(out_array, "out_array")?;
            // SAFETY: `out_array` was checked non-NULL above and the caller guarantees it is writable (# Safety).
            unsafe { write_out(out_array, opt_array_handle(a)) };
        }
        Ok(())
    })
}

// ---- gathers --------------------------------------------------------------------------------

unsafe fn write_objects(
    out: *mut *mut vtkwire_object,
    capacity: usize,
    objs: Vec<Option<crate::model::DataObject>>,
) -> Result<()> {
    check_out(out, "out_objs")?;
    if capacity < objs.len() {
        return Err(Error::out_of_range(format!("out_capacity {capacity} < communicator size {}", objs.len())));
    }
    for (i, o) in objs.into_iter().enumerate() {
        // SAFETY: out has `capacity` slots.
        unsafe { out.add(i).write(opt_object_handle(o)) };
    }
    Ok(())
}

/// `Gather(vtkDataObject*, std::vector<…>&, root)`: marshal, one `MPI_LONG_LONG` length per
/// rank — `MPI_Gather` to the root for VTK < 9.5 peers (the default, 9.1), `MPI_Allgather` for
/// VTK >= 9.5 peers (see `vtkwire_set_vtk_peer_version`) — then `MPI_Gatherv` of `MPI_CHAR`.
/// On root, `out_objs[i]` receives rank i's object (NULL for a null object); vtkwire senders'
/// types are kept exactly (VTK senders' structured points arrive as image data).
///
/// # Ownership
/// Borrows `obj`. On root, each non-NULL `out_objs[i]` is a new object owned by the caller.
/// # Errors
/// `NULL_ARGUMENT` (root: `out_objs`), `OUT_OF_RANGE` (bad `root`, root: `out_capacity` <
/// size, sizes over INT_MAX), `INVALID_ARGUMENT` (malformed `VTKWIRE_VTK_PEER_VERSION`, before
/// any MPI call), parse errors, `MPI`. Root's `out_objs`/`out_capacity` errors are
/// reported on root after it took part in the collective (the gathered objects are freed), so
/// no rank hangs; the other ranks return OK.
/// # Safety
/// `obj` NULL or live; on root `out_objs` writable for `out_capacity` handles; `comm` valid.
/// # MPI
/// Collective; `comm` borrowed. Every rank reads `obj`; root writes `out_objs`.
// `out_objs` is an array of `out_capacity` handles (for the generated bindings).
#[cfg_attr(false, vtkwire(count(out_objs = out_capacity)))]
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_gather(
    obj: *const vtkwire_object,
    root: i32,
    comm: ffi::MPI_Comm,
    out_objs: *mut *mut vtkwire_object,
    out_capacity: usize,
) -> Status {
    guard(|| {
        let c = Comm::borrow(comm)?;
        c.check_rank(root, "root")?;
        // SAFETY: `obj` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
        let o = if obj.is_null() { None } else { Some(unsafe { object_ref(obj, "obj") }?) };
        // Root's `out_objs`/`out_capacity` are checked in `write_objects`, after root took part
        // in the collective: an early return would leave the other ranks hanging.
        match collective::gather_objects(&c, o, Some(root))? {
            // SAFETY: `out_objs` was checked non-NULL and holds `out_capacity` writable handles (# Safety).
            Some(v) => unsafe { write_objects(out_objs, out_capacity, v) },
            None => Ok(()),
        }
    })
}

/// `AllGather(vtkDataObject*, std::vector<…>&)`: as `vtkwire_object_gather` with
/// `MPI_Allgather`/`MPI_Allgatherv`, every rank gets all objects.
///
/// # Ownership
/// Borrows `obj`; each non-NULL `out_objs[i]` is a new object owned by the caller.
/// # Errors
/// As `vtkwire_object_gather`; `out_objs`/`out_capacity` are checked on each rank after the
/// collective, so one rank's bad output arguments cannot leave the others hanging.
/// # Safety
/// `obj` NULL or live; `out_objs` writable for `out_capacity` handles; `comm` valid.
/// # MPI
/// Collective; `comm` borrowed.
// `out_objs` is an array of `out_capacity` handles (for the generated bindings).
#[cfg_attr(false, vtkwire(count(out_objs = out_capacity)))]
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_allgather(
    obj: *const vtkwire_object,
    comm: ffi::MPI_Comm,
    out_objs: *mut *mut vtkwire_object,
    out_capacity: usize,
) -> Status {
    guard(|| {
        let c = Comm::borrow(comm)?;
        // SAFETY: `obj` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
        let o = if obj.is_null() { None } else { Some(unsafe { object_ref(obj, "obj") }?) };
        match collective::gather_objects(&c, o, None)? {
            // SAFETY: `out_objs` was checked non-NULL and holds `out_capacity` writable handles (# Safety).
            Some(v) => unsafe { write_objects(out_objs, out_capacity, v) },
            None => Ok(()),
        }
    })
}

/// Which array gather.
#[derive(Clone, Copy)]
enum Gather {
    Same,
    Var,
}

unsafe fn array_gather_impl(
    array: *const vtkwire_array,
    root: Option<i32>,
    comm: ffi::MPI_Comm,
    out: *mut *mut vtkwire_array,
    kind: Gather,
) -> Status {
    guard(|| {
        let c = Comm::borrow(comm)?;
        if let Some(r) = root {
            c.check_rank(r, "root")?;
        }
        // SAFETY: `array` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
        let a = unsafe { array_ref(array, "array") }?;
        let r = match kind {
            Gather::Same => collective::gather_array(&c, a, root)?,
            Gather::Var => collective::gatherv_array(&c, a, root)?,
        };
        // `out_array` is checked after the collective so that a receiving rank's NULL cannot
        // leave the others hanging.
        if let Some(r) = r {
            check_out(out, "out_array")?;
            // SAFETY: `out` was checked non-NULL above and the caller guarantees it is writable (# Safety).
            unsafe { write_out(out, array_into_handle(r)) };
        }
        Ok(())
    })
}

/// `Gather(vtkDataArray*, vtkDataArray*, root)`: `MPI_Gather` of tuples×components values
/// (every rank must send the same count and type). Root gets a new array with size × the values.
///
/// # Ownership
/// Borrows `array`; on root `*out_array` is a new array owned by the caller (others untouched).
/// # Errors
/// `NULL_ARGUMENT` (`array` before any MPI call; `out_array` on the receiving ranks after the
/// collective, so no rank hangs), `WRONG_ARRAY_TYPE`, `OUT_OF_RANGE` (bad `root`), `MPI`.
/// # Safety
/// `array` live; `out_array` writable on root; `comm` valid.
/// # MPI
/// Collective; `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_gather(
    array: *const vtkwire_array,
    root: i32,
    comm: ffi::MPI_Comm,
    out_array: *mut *mut vtkwire_array,
) -> Status {
    // SAFETY: forwards this export's arguments under its own contract (# Safety).
    unsafe { array_gather_impl(array, Some(root), comm, out_array, Gather::Same) }
}

/// `GatherV(vtkDataArray*, vtkDataArray*, root)`: one `MPI_LONG_LONG` length per rank —
/// `MPI_Gather` to the root for VTK < 9.5 peers (the default, 9.1), `MPI_Allgather` for
/// VTK >= 9.5 peers (see `vtkwire_set_vtk_peer_version`) — then `MPI_Gatherv`: ranks may send
/// different counts.
///
/// # Ownership
/// As `vtkwire_array_gather`.
/// # Errors
/// As `vtkwire_array_gather`; `INVALID_ARGUMENT` for a malformed `VTKWIRE_VTK_PEER_VERSION`
/// (before any MPI call).
/// # Safety
/// As `vtkwire_array_gather`.
/// # MPI
/// Collective; `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_gatherv(
    array: *const vtkwire_array,
    root: i32,
    comm: ffi::MPI_Comm,
    out_array: *mut *mut vtkwire_array,
) -> Status {
    // SAFETY: forwards this export's arguments under its own contract (# Safety).
    unsafe { array_gather_impl(array, Some(root), comm, out_array, Gather::Var) }
}

/// `AllGather(vtkDataArray*, vtkDataArray*)` (`MPI_Allgather`); every rank gets the result.
///
/// # Ownership
/// Borrows `array`; `*out_array` is a new array owned by the caller.
/// # Errors
/// As `vtkwire_array_gather`.
/// # Safety
/// `array` live; `out_array` writable; `comm` valid.
/// # MPI
/// Collective; `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_allgather(
    array: *const vtkwire_array,
    comm: ffi::MPI_Comm,
    out_array: *mut *mut vtkwire_array,
) -> Status {
    // SAFETY: forwards this export's arguments under its own contract (# Safety).
    unsafe { array_gather_impl(array, None, comm, out_array, Gather::Same) }
}

/// `AllGatherV(vtkDataArray*, vtkDataArray*)` (`MPI_Allgather` of lengths, `MPI_Allgatherv`).
///
/// # Ownership
/// As `vtkwire_array_allgather`.
/// # Errors
/// As `vtkwire_array_gather`.
/// # Safety
/// As `vtkwire_array_allgather`.
/// # MPI
/// Collective; `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_allgatherv(
    array: *const vtkwire_array,
    comm: ffi::MPI_Comm,
    out_array: *mut *mut vtkwire_array,
) -> Status {
    // SAFETY: forwards this export's arguments under its own contract (# Safety).
    unsafe { array_gather_impl(array, None, comm, out_array, Gather::Var) }
}

/// `Scatter(vtkDataArray* send, vtkDataArray* recv, root)`: `MPI_Scatter` of `recv`'s
/// tuples×components values; `recv` must be pre-sized (same type) on every rank, root's `send`
/// must hold size × that many values. `recv`'s values are replaced.
///
/// # Ownership
/// Borrows `send` (root only, ignored elsewhere) and `recv` (mutably).
/// # Errors
/// `NULL_ARGUMENT` (`recv`; `send` on root), `WRONG_ARRAY_TYPE`, `OUT_OF_RANGE` (`root`, root's
/// `send` too small), `MPI`. Root's `send` errors are reported on root after it took part in
/// the scatter with zeros (the wire cannot carry the error): no rank hangs, the other ranks
/// receive zeros and return OK.
/// # Safety
/// `recv` a live owned array; `send` live on root; `comm` valid.
/// # MPI
/// Collective; `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_scatter(
    send: *const vtkwire_array,
    recv: *mut vtkwire_array,
    root: i32,
    comm: ffi::MPI_Comm,
) -> Status {
    guard(|| {
        let c = Comm::borrow(comm)?;
        // SAFETY: `recv` is NULL or a live owned handle, not used elsewhere during the call (# Safety).
        let r = unsafe { array_mut(recv, "recv") }?;
        // A NULL `send` on root is reported by the collective after root took part.
        // SAFETY: `send` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
        let s = if c.rank() == root && !send.is_null() { Some(unsafe { array_ref(send, "send") }?) } else { None };
        collective::scatter_array(&c, s, r, root)
    })
}

// ---- reductions -----------------------------------------------------------------------------

/// `Reduce(vtkDataArray* s, vtkDataArray* r, op, root)`: `MPI_Reduce` with VTK's op code
/// (0 MAX, 1 MIN, 2 SUM, 3 PRODUCT, 4 LOGICAL_AND, 5 BITWISE_AND, 6 LOGICAL_OR, 7 BITWISE_OR,
/// 8 LOGICAL_XOR, 9 BITWISE_XOR) on every numeric type. Root gets a new array (a copy of its
/// `array` with the reduced values).
///
/// # Ownership
/// Borrows `array`; on root `*out_array` is a new array owned by the caller (others untouched).
/// # Errors
/// `INVALID_ARGUMENT` (op), `WRONG_ARRAY_TYPE` (bit/string/variant, or logical/bitwise op on
/// float/double) — checked on every rank before any MPI call —, `OUT_OF_RANGE` (`root`),
/// `NULL_ARGUMENT` (`array`; root's `out_array`, reported after the reduction so no rank
/// hangs), `MPI`.
/// # Safety
/// `array` live; `out_array` writable on root; `comm` valid.
/// # MPI
/// Collective; `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_reduce(
    array: *const vtkwire_array,
    op: i32,
    root: i32,
    comm: ffi::MPI_Comm,
    out_array: *mut *mut vtkwire_array,
) -> Status {
    guard(|| {
        // SAFETY: `array` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
        let a = unsafe { array_ref(array, "array") }?;
        collective::reduce_op(op, a.scalar_type())?;
        let c = Comm::borrow(comm)?;
        c.check_rank(root, "root")?;
        // Root's `out_array` is checked after the reduction (no rank left hanging).
        if let Some(r) = collective::reduce_array(&c, a, op, Some(root))? {
            check_out(out_array, "out_array")?;
            // SAFETY: `out_array` was checked non-NULL above and the caller guarantees it is writable (# Safety).
            unsafe { write_out(out_array, array_into_handle(r)) };
        }
        Ok(())
    })
}

/// `AllReduce(vtkDataArray* s, vtkDataArray* r, op)` into a new array on every rank.
///
/// # Ownership
/// Borrows `array`; `*out_array` is a new array owned by the caller.
/// # Errors
/// As `vtkwire_array_reduce`.
/// # Safety
/// `array` live; `out_array` writable; `comm` valid.
/// # MPI
/// Collective (`MPI_Allreduce`); `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_allreduce(
    array: *const vtkwire_array,
    op: i32,
    comm: ffi::MPI_Comm,
    out_array: *mut *mut vtkwire_array,
) -> Status {
    guard(|| {
        // SAFETY: `array` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
        let a = unsafe { array_ref(array, "array") }?;
        collective::reduce_op(op, a.scalar_type())?;
        let c = Comm::borrow(comm)?;
        if let Some(r) = collective::reduce_array(&c, a, op, None)? {
            check_out(out_array, "out_array")?;
            // SAFETY: `out_array` was checked non-NULL above and the caller guarantees it is writable (# Safety).
            unsafe { write_out(out_array, array_into_handle(r)) };
        }
        Ok(())
    })
}

/// `AllReduce` in place: `array`'s values are replaced by the reduction on every rank.
///
/// # Ownership
/// Borrows `array` mutably.
/// # Errors
/// As `vtkwire_array_reduce`.
/// # Safety
/// `array` a live owned array; `comm` valid.
/// # MPI
/// Collective (`MPI_Allreduce`, same wire as VTK); `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_allreduce_inplace(
    array: *mut vtkwire_array,
    op: i32,
    comm: ffi::MPI_Comm,
) -> Status {
    guard(|| {
        // SAFETY: `array` is NULL or a live owned handle, not used elsewhere during the call (# Safety).
        let a = unsafe { array_mut(array, "array") }?;
        collective::reduce_op(op, a.scalar_type())?;
        let c = Comm::borrow(comm)?;
        if let Some(r) = collective::reduce_array(&c, a, op, None)? {
            *a = r;
        }
        Ok(())
    })
}

/// `Reduce` in place: on root, `array`'s values are replaced by the reduction; other ranks'
/// arrays are unchanged.
///
/// # Ownership
/// Borrows `array` mutably.
/// # Errors
/// As `vtkwire_array_reduce`.
/// # Safety
/// `array` a live owned array; `comm` valid.
/// # MPI
/// Collective (`MPI_Reduce`); `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_reduce_inplace(
    array: *mut vtkwire_array,
    op: i32,
    root: i32,
    comm: ffi::MPI_Comm,
) -> Status {
    guard(|| {
        // SAFETY: `array` is NULL or a live owned handle, not used elsewhere during the call (# Safety).
        let a = unsafe { array_mut(array, "array") }?;
        collective::reduce_op(op, a.scalar_type())?;
        let c = Comm::borrow(comm)?;
        if let Some(r) = collective::reduce_array(&c, a, op, Some(root))? {
            *a = r;
        }
        Ok(())
    })
}

// ---- non-blocking ---------------------------------------------------------------------------

/// Opaque non-blocking operation (`vtkwire_*_isend` / `vtkwire_*_irecv`).
pub struct vtkwire_request {
    _opaque: [u8; 0],
}

fn request_handle(r: Request) -> *mut vtkwire_request {
    Box::into_raw(Box::new(r)).cast()
}

unsafe fn request_mut<'a>(p: *mut vtkwire_request, name: &str) -> Result<&'a mut Request> {
    // SAFETY: `p` is NULL or a live handle, per this function's contract.
    unsafe { crate::ffi::guard::as_mut(p.cast::<Request>(), name) }
}

/// Starts sending a data object (NULL = null object) with VTK's message sequence, without
/// blocking. The object is marshaled now; the request owns the bytes until completion.
///
/// # Ownership
/// Borrows `obj` for the call only. `*out_request` is owned by the caller: complete it with
/// `vtkwire_request_wait`/`_test`/`_waitall`, free it with `vtkwire_request_free`.
/// # Errors
/// As `vtkwire_object_send`, plus `NULL_ARGUMENT` (`out_request`).
/// # Safety
/// `obj` NULL or live; `out_request` writable; `comm` valid and alive until completion.
/// # MPI
/// Point to point, `MPI_Isend` ×8; `comm` borrowed until the request completes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_isend(
    obj: *const vtkwire_object,
    dest: i32,
    tag: i32,
    comm: ffi::MPI_Comm,
    out_request: *mut *mut vtkwire_request,
) -> Status {
    guard(|| {
        check_out(out_request, "out_request")?;
        // SAFETY: `obj` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
        let o = if obj.is_null() { None } else { Some(unsafe { object_ref(obj, "obj") }?) };
        let r = Request::isend_object(&Comm::borrow(comm)?, o, dest, tag)?;
        // SAFETY: `out_request` was checked non-NULL above and the caller guarantees it is writable (# Safety).
        unsafe { write_out(out_request, request_handle(r)) };
        Ok(())
    })
}

/// Starts receiving a data object; the result is taken with `vtkwire_request_take_object`
/// after completion. Progress happens in wait/test/waitall.
///
/// # Ownership
/// `*out_request` is owned by the caller (`vtkwire_request_free`).
/// # Errors
/// `NULL_ARGUMENT`, `OUT_OF_RANGE`, `MPI`; protocol and parse errors surface at completion.
/// # Safety
/// `out_request` writable; `comm` valid and alive until completion.
/// # MPI
/// Point to point, `MPI_Irecv`; `comm` borrowed until completion.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_irecv(
    source: i32,
    tag: i32,
    comm: ffi::MPI_Comm,
    out_request: *mut *mut vtkwire_request,
) -> Status {
    guard(|| {
        check_out(out_request, "out_request")?;
        let r = Request::irecv_object(&Comm::borrow(comm)?, source, tag)?;
        // SAFETY: `out_request` was checked non-NULL above and the caller guarantees it is writable (# Safety).
        unsafe { write_out(out_request, request_handle(r)) };
        Ok(())
    })
}

/// Starts sending a data array (NULL = null array); the request owns a copy of the values.
///
/// # Ownership
/// Borrows `array` for the call only; `*out_request` owned by the caller.
/// # Errors
/// As `vtkwire_array_send`, plus `NULL_ARGUMENT` (`out_request`).
/// # Safety
/// `array` NULL or live; `out_request` writable; `comm` valid until completion.
/// # MPI
/// Point to point, `MPI_Isend`; `comm` borrowed until completion.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_isend(
    array: *const vtkwire_array,
    dest: i32,
    tag: i32,
    comm: ffi::MPI_Comm,
    out_request: *mut *mut vtkwire_request,
) -> Status {
    guard(|| {
        check_out(out_request, "out_request")?;
        // SAFETY: `array` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
        let a = if array.is_null() { None } else { Some(unsafe { array_ref(array, "array") }?) };
        let r = Request::isend_array(&Comm::borrow(comm)?, a, dest, tag)?;
        // SAFETY: `out_request` was checked non-NULL above and the caller guarantees it is writable (# Safety).
        unsafe { write_out(out_request, request_handle(r)) };
        Ok(())
    })
}

/// Starts receiving a data array (`vtkwire_request_take_array` after completion).
///
/// # Ownership
/// `*out_request` owned by the caller.
/// # Errors
/// As `vtkwire_object_irecv`.
/// # Safety
/// `out_request` writable; `comm` valid until completion.
/// # MPI
/// Point to point, `MPI_Irecv`; `comm` borrowed until completion.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_irecv(
    source: i32,
    tag: i32,
    comm: ffi::MPI_Comm,
    out_request: *mut *mut vtkwire_request,
) -> Status {
    guard(|| {
        check_out(out_request, "out_request")?;
        let r = Request::irecv_array(&Comm::borrow(comm)?, source, tag)?;
        // SAFETY: `out_request` was checked non-NULL above and the caller guarantees it is writable (# Safety).
        unsafe { write_out(out_request, request_handle(r)) };
        Ok(())
    })
}

/// Blocks until the request completes.
///
/// # Ownership
/// Borrows `request`.
/// # Errors
/// `NULL_ARGUMENT`, `PROTOCOL`, parse errors (receives), `MPI`.
/// # Safety
/// `request` live.
/// # MPI
/// Local completion (`MPI_Waitall`/`MPI_Irecv` of the next messages).
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_request_wait(request: *mut vtkwire_request) -> Status {
    // SAFETY: `request` is NULL or a live owned handle, not used elsewhere during the call (# Safety).
    guard(|| unsafe { request_mut(request, "request") }?.wait())
}

/// Progresses the request without blocking; `*out_done` = 1 once complete, else 0.
///
/// # Ownership
/// Borrows `request`.
/// # Errors
/// As `vtkwire_request_wait`.
/// # Safety
/// `request` live; `out_done` writable.
/// # MPI
/// Local (`MPI_Testall`).
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_request_test(request: *mut vtkwire_request, out_done: *mut i32) -> Status {
    guard(|| {
        // SAFETY: `request` is NULL or a live owned handle, not used elsewhere during the call (# Safety).
        let r = unsafe { request_mut(request, "request") }?;
        check_out(out_done, "out_done")?;
        let done = r.test()?;
        // SAFETY: `out_done` was checked non-NULL above and the caller guarantees it is writable (# Safety).
        unsafe { write_out(out_done, i32::from(done)) };
        Ok(())
    })
}

/// Completes `count` requests, progressing all of them together (a ring of large exchanges
/// does not deadlock). NULL entries are skipped. Returns the first error after all finished.
///
/// # Ownership
/// Borrows the requests.
/// # Errors
/// `NULL_ARGUMENT` (`requests` with count > 0), errors of any request.
/// # Safety
/// `requests` readable for `count` pointers, each NULL or live and distinct.
/// # MPI
/// Local completion.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_request_waitall(requests: *const *mut vtkwire_request, count: usize) -> Status {
    guard(|| {
        // SAFETY: the caller guarantees `requests` holds `count` elements (# Safety); (NULL, 0) is empty.
        let ptrs = unsafe { slice(requests, count, "requests") }?;
        let mut reqs: Vec<&mut Request> = Vec::with_capacity(count);
        for &p in ptrs {
            if !p.is_null() {
                // SAFETY: `p` is NULL or a live owned handle, not used elsewhere during the call (# Safety).
                reqs.push(unsafe { request_mut(p, "requests[i]") }?);
            }
        }
        request::wait_all(&mut reqs)
    })
}

/// Takes the object a completed object receive produced (NULL for the null object).
///
/// # Ownership
/// `*out_obj` is a new object owned by the caller; a second take fails with `NOT_FOUND`.
/// # Errors
/// `NULL_ARGUMENT`, `INVALID_ARGUMENT` (not complete, or not an object receive), `NOT_FOUND`.
/// # Safety
/// `request` live; `out_obj` writable.
/// # MPI
/// None.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_request_take_object(
    request: *mut vtkwire_request,
    out_obj: *mut *mut vtkwire_object,
) -> Status {
    guard(|| {
        // SAFETY: `request` is NULL or a live owned handle, not used elsewhere during the call (# Safety).
        let r = unsafe { request_mut(request, "request") }?;
        check_out(out_obj, "out_obj")?;
        if !r.is_done() {
            return Err(Error::invalid_argument("the request has not completed"));
        }
        match r.take() {
            Some(Received::Object(o)) => {
                // SAFETY: `out_obj` was checked non-NULL above and the caller guarantees it is writable (# Safety).
                unsafe { write_out(out_obj, opt_object_handle(o)) };
                Ok(())
            }
            Some(other) => Err(Error::new(Status::InvalidArgument, format!("not an object receive ({other:?})"))),
            None => Err(Error::not_found("nothing to take: not a receive, or already taken")),
        }
    })
}

/// Takes the array a completed array receive produced (NULL for the null array).
///
/// # Ownership
/// `*out_array` is a new array owned by the caller.
/// # Errors
/// As `vtkwire_request_take_object`.
/// # Safety
/// `request` live; `out_array` writable.
/// # MPI
/// None.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_request_take_array(
    request: *mut vtkwire_request,
    out_array: *mut *mut vtkwire_array,
) -> Status {
    guard(|| {
        // SAFETY: `request` is NULL or a live owned handle, not used elsewhere during the call (# Safety).
        let r = unsafe { request_mut(request, "request") }?;
        check_out(out_array, "out_array")?;
        if !r.is_done() {
            return Err(Error::invalid_argument("the request has not completed"));
        }
        match r.take() {
            Some(Received::Array(a)) => {
                // SAFETY: `out_array` was checked non-NULL above and the caller guarantees it is writable (# Safety).
                unsafe { write_out(out_array, opt_array_handle(a)) };
                Ok(())
            }
            Some(_) => Err(Error::invalid_argument("not an array receive")),
            None => Err(Error::not_found("nothing to take: not a receive, or already taken")),
        }
    })
}

/// Frees a request. An incomplete receive is cancelled; an incomplete send is waited for (its
/// buffers must outlive the transfer). `vtkwire_request_free(NULL)` is a no-op.
///
/// # Ownership
/// Takes ownership of `request`.
/// # Errors
/// None.
/// # Safety
/// `request` NULL or live, not used afterwards.
/// # MPI
/// May call `MPI_Cancel`/`MPI_Wait`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vtkwire_request_free(request: *mut vtkwire_request) {
    if request.is_null() {
        return;
    }
    let _ = guard(|| {
        // SAFETY: handles are Box<Request>.
        let mut r = unsafe { Box::from_raw(request.cast::<Request>()) };
        r.abandon();
        Ok(())
    });
}

// ---- receives with a timeout (hostile or stalled peers) -------------------------------------
//
// A blocking receive — vtkwire's or VTK's — cannot tell a slow sender from one that will never
// send: it waits forever. These two give up after `timeout_seconds`. Non-blocking receives
// (`vtkwire_object_irecv` + `vtkwire_request_test`) are the other way out: poll, and free the
// request to give up (nothing is left half-received if the first message never came).

/// `timeout_seconds` as a duration: finite and ≥ 0.
fn timeout_arg(timeout_seconds: f64) -> Result<std::time::Duration> {
    std::time::Duration::try_from_secs_f64(timeout_seconds).map_err(|_| {
        Error::invalid_argument(format!(
            "argument `timeout_seconds`: {timeout_seconds} is not a finite number of seconds ≥ 0"
        ))
    })
}

/// Receives a data object as `vtkwire_object_recv` does, but gives up after `timeout_seconds`.
///
/// If no message of the send arrived in time, returns `TIMEOUT` and nothing was received: the
/// sender's messages, when they come, are left for a later receive. If the sender stopped in the
/// middle of its message sequence, returns `TIMEOUT` after receiving and discarding what arrived
/// of that send (and any message of it that arrives within 0.1 s), so that nothing is left
/// half-received. A peer that breaks VTK's protocol gets `PROTOCOL`, as with
/// `vtkwire_object_recv`. The wait polls (`MPI_Improbe`, sleeping up to 1 ms between polls).
///
/// # Ownership
/// `*out_obj` is a new object owned by the caller (NULL for the null object); free it with
/// `vtkwire_object_free`. Written only on success.
/// # Errors
/// `NULL_ARGUMENT` (`out_obj`), `INVALID_ARGUMENT` (`timeout_seconds` negative or not finite),
/// `TIMEOUT`, `OUT_OF_RANGE`, `PROTOCOL`, parse errors of the payload, `MPI`.
/// # Safety
/// `out_obj` writable; `comm` a valid communicator.
/// # MPI
/// Point to point, returns within about `timeout_seconds` (+ 0.1 s when a send is discarded);
/// `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_recv_timeout(
    source: i32,
    tag: i32,
    comm: ffi::MPI_Comm,
    timeout_seconds: f64,
    out_obj: *mut *mut vtkwire_object,
) -> Status {
    guard(|| {
        check_out(out_obj, "out_obj")?;
        let timeout = timeout_arg(timeout_seconds)?;
        let o = protocol::recv_object_timeout(&Comm::borrow(comm)?, source, tag, timeout)?;
        // SAFETY: checked non-null above; writable per the contract.
        unsafe { write_out(out_obj, opt_object_handle(o)) };
        Ok(())
    })
}

/// Receives a data array as `vtkwire_array_recv` does, but gives up after `timeout_seconds`
/// (see `vtkwire_object_recv_timeout`).
///
/// # Ownership
/// `*out_array` is a new array owned by the caller (NULL for the null array); free it with
/// `vtkwire_array_free`. Written only on success.
/// # Errors
/// `NULL_ARGUMENT` (`out_array`), `INVALID_ARGUMENT` (`timeout_seconds`), `TIMEOUT`,
/// `WRONG_ARRAY_TYPE`, `OUT_OF_RANGE`, `PROTOCOL`, `MPI`.
/// # Safety
/// `out_array` writable; `comm` a valid communicator.
/// # MPI
/// Point to point, returns within about `timeout_seconds`; `comm` borrowed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_array_recv_timeout(
    source: i32,
    tag: i32,
    comm: ffi::MPI_Comm,
    timeout_seconds: f64,
    out_array: *mut *mut vtkwire_array,
) -> Status {
    guard(|| {
        check_out(out_array, "out_array")?;
        let timeout = timeout_arg(timeout_seconds)?;
        let a = protocol::recv_array_timeout(&Comm::borrow(comm)?, source, tag, timeout)?;
        // SAFETY: checked non-null above; writable per the contract.
        unsafe { write_out(out_array, opt_array_handle(a)) };
        Ok(())
    })
}
