//! `vtkwire_comm`: a communicator object like `vtkMPIController`, borrowed or duplicated from
//! the application's communicator.

use mpi_sys as ffi;

use crate::Status;
use crate::ffi::guard::{self, check_out, guard, write_out};
use crate::mpi::comm::{Comm, comm_from_fortran};

/// Opaque communicator object: the caller's `MPI_Comm` (borrowed) or a duplicate (owned).
pub struct vtkwire_comm {
    _opaque: [u8; 0],
}

/// `&Comm` behind a handle.
///
/// # Safety
/// `p` must be NULL or a live `vtkwire_comm`.
pub unsafe fn comm_ref<'a>(p: *const vtkwire_comm, name: &str) -> crate::Result<&'a Comm> {
    // SAFETY: `p` is NULL or a live handle, per this function's contract.
    unsafe { guard::as_ref(p.cast::<Comm>(), name) }
}

fn into_handle(c: Comm) -> *mut vtkwire_comm {
    Box::into_raw(Box::new(c)).cast()
}

/// Wraps `comm` without duplicating it (as `vtkMPICommunicator::InitializeExternal`).
///
/// # Ownership
/// Returns a new `vtkwire_comm` owned by the caller; free it with `vtkwire_comm_free`, which
/// never frees `comm`. The caller keeps `comm` alive until then.
/// # Errors
/// `NULL_ARGUMENT` (`out_comm`), `MPI_NOT_INITIALIZED`, `INVALID_COMMUNICATOR` (MPI_COMM_NULL or
/// an inter-communicator), `MPI_LIBRARY_MISMATCH`, `MPI`.
/// # Safety
/// `comm` must be a valid communicator handle; `out_comm` writable.
/// # MPI
/// Local (not collective). Borrowed: no duplicate, no error handler change. MPI errors follow
/// `comm`'s error handler (with the default `MPI_ERRORS_ARE_FATAL` the job aborts inside MPI).
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_comm_borrow(comm: ffi::MPI_Comm, out_comm: *mut *mut vtkwire_comm) -> Status {
    guard(|| {
        check_out(out_comm, "out_comm")?;
        let c = Comm::borrow(comm)?;
        // SAFETY: `out_comm` was checked non-NULL above and the caller guarantees it is writable (# Safety).
        unsafe { write_out(out_comm, into_handle(c)) };
        Ok(())
    })
}

pub(crate) fn guard_comm_f(comm: ffi::RSMPI_Fint) -> std::result::Result<ffi::MPI_Comm, Status> {
    let mut out = None;
    let s = guard(|| {
        out = Some(comm_from_fortran(comm)?);
        Ok(())
    });
    out.ok_or(s)
}

/// Duplicates `comm` (`MPI_Comm_dup`) into a communicator object vtkwire owns.
///
/// This is also how a C rank pairs with VTK ranks that call `vtkMPIController::Initialize()`
/// (which duplicates MPI_COMM_WORLD for RMI, reference §4.8) or
/// `vtkMPIController::SetCommunicator(c)` (duplicates `c`): call `vtkwire_comm_dup` on the same
/// communicator at the same point, and `vtkwire_comm_free` where VTK finalizes / destroys the
/// controller (`MPI_Comm_free` is collective too).
///
/// # Ownership
/// Returns a new `vtkwire_comm` owned by the caller; free it with `vtkwire_comm_free` (before
/// `MPI_Finalize`).
/// # Errors
/// As `vtkwire_comm_borrow`.
/// # Safety
/// `comm` must be a valid communicator; `out_comm` writable.
/// # MPI
/// Collective over `comm` (MPI_Comm_dup); `comm` itself is not changed.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_comm_dup(comm: ffi::MPI_Comm, out_comm: *mut *mut vtkwire_comm) -> Status {
    guard(|| {
        check_out(out_comm, "out_comm")?;
        let c = Comm::dup(comm)?;
        // SAFETY: `out_comm` was checked non-NULL above and the caller guarantees it is writable (# Safety).
        unsafe { write_out(out_comm, into_handle(c)) };
        Ok(())
    })
}

/// Frees a communicator object; a duplicated one is `MPI_Comm_free`d (if MPI is still up), a
/// borrowed one is left alone. `vtkwire_comm_free(NULL)` is a no-op.
///
/// # Ownership
/// Takes ownership of `comm`.
/// # Errors
/// None.
/// # Safety
/// `comm` must be NULL or a live `vtkwire_comm`, not used afterwards.
/// # MPI
/// Collective over the duplicate when `comm` came from `vtkwire_comm_dup`; local otherwise.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vtkwire_comm_free(comm: *mut vtkwire_comm) {
    if comm.is_null() {
        return;
    }
    let _ = guard(|| {
        // SAFETY: handles are Box<Comm>.
        drop(unsafe { Box::from_raw(comm.cast::<Comm>()) });
        Ok(())
    });
}

/// The `MPI_Comm` inside (the caller's handle, or the duplicate).
///
/// # Ownership
/// Borrowed from `comm`; valid until `comm` is freed.
/// # Errors
/// `NULL_ARGUMENT`.
/// # Safety
/// `comm` a live `vtkwire_comm`, `out_handle` writable.
/// # MPI
/// Local, no MPI call.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_comm_handle(comm: *const vtkwire_comm, out_handle: *mut ffi::MPI_Comm) -> Status {
    guard(|| {
        // SAFETY: `comm` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
        let c = unsafe { comm_ref(comm, "comm") }?;
        check_out(out_handle, "out_handle")?;
        // SAFETY: `out_handle` was checked non-NULL above and the caller guarantees it is writable (# Safety).
        unsafe { write_out(out_handle, c.raw()) };
        Ok(())
    })
}

/// The Fortran handle (`MPI_Comm_c2f`) of the communicator inside.
///
/// # Ownership
/// Borrowed from `comm`; valid until `comm` is freed.
/// # Errors
/// `NULL_ARGUMENT`.
/// # Safety
/// `comm` a live `vtkwire_comm`, `out_handle` writable.
/// # MPI
/// Local.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_comm_handle_f(comm: *const vtkwire_comm, out_handle: *mut ffi::RSMPI_Fint) -> Status {
    guard(|| {
        // SAFETY: `comm` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
        let c = unsafe { comm_ref(comm, "comm") }?;
        check_out(out_handle, "out_handle")?;
        // SAFETY: `out_handle` was checked non-NULL above and the caller guarantees it is writable (# Safety).
        unsafe { write_out(out_handle, c.fortran_handle()) };
        Ok(())
    })
}

/// This process's rank in the communicator.
///
/// # Ownership
/// Nothing is allocated.
/// # Errors
/// `NULL_ARGUMENT`.
/// # Safety
/// `comm` a live `vtkwire_comm`, `out_rank` writable.
/// # MPI
/// Local (cached at creation).
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_comm_rank(comm: *const vtkwire_comm, out_rank: *mut i32) -> Status {
    guard(|| {
        // SAFETY: `comm` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
        let c = unsafe { comm_ref(comm, "comm") }?;
        check_out(out_rank, "out_rank")?;
        // SAFETY: `out_rank` was checked non-NULL above and the caller guarantees it is writable (# Safety).
        unsafe { write_out(out_rank, c.rank()) };
        Ok(())
    })
}

/// The number of processes in the communicator.
///
/// # Ownership
/// Nothing is allocated.
/// # Errors
/// `NULL_ARGUMENT`.
/// # Safety
/// `comm` a live `vtkwire_comm`, `out_size` writable.
/// # MPI
/// Local (cached at creation).
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_comm_size(comm: *const vtkwire_comm, out_size: *mut i32) -> Status {
    guard(|| {
        // SAFETY: `comm` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
        let c = unsafe { comm_ref(comm, "comm") }?;
        check_out(out_size, "out_size")?;
        // SAFETY: `out_size` was checked non-NULL above and the caller guarantees it is writable (# Safety).
        unsafe { write_out(out_size, c.size()) };
        Ok(())
    })
}

/// `MPI_Barrier` on the communicator.
///
/// # Ownership
/// Nothing is allocated.
/// # Errors
/// `NULL_ARGUMENT`, `MPI`.
/// # Safety
/// `comm` a live `vtkwire_comm`.
/// # MPI
/// Collective.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_comm_barrier(comm: *const vtkwire_comm) -> Status {
    // SAFETY: `comm` is NULL or a live handle (# Safety); NULL becomes NULL_ARGUMENT.
    guard(|| unsafe { comm_ref(comm, "comm") }?.barrier())
}
