//! Communicators lent by the application (or duplicated from one), as `vtkMPIController` holds
//! them.
//!
//! A [`Comm`] wraps a raw `MPI_Comm`. A *borrowed* one (from [`Comm::borrow`]) is never freed,
//! never altered and never gets an error handler: the caller's handler stays in charge, so with
//! the default `MPI_ERRORS_ARE_FATAL` an MPI failure aborts the job inside MPI, and only with
//! `MPI_ERRORS_RETURN` do failures come back as [`Status::Mpi`]. An *owned* one (from
//! [`Comm::dup`]) is `MPI_Comm_free`d on drop (if MPI is still up).
//!
//! rsmpi's `SimpleCommunicator::from_raw` takes ownership (its Drop calls `MPI_Comm_free`), so
//! this module calls mpi-sys directly and never builds rsmpi communicators from lent handles.

use std::ffi::{c_int, c_void};

use mpi_sys as ffi;

use crate::error::{Error, Result, Status};
use crate::mpi::sys::{self, check};

/// A raw communicator with its rank, size and tag upper bound, borrowed or owned.
#[derive(Debug)]
pub struct Comm {
    raw: ffi::MPI_Comm,
    owned: bool,
    rank: i32,
    size: i32,
    tag_ub: i32,
}

impl Comm {
    /// Wraps the caller's communicator without duplicating it (local, no collective call).
    /// Rejects `MPI_COMM_NULL` and inter-communicators.
    pub fn borrow(raw: ffi::MPI_Comm) -> Result<Comm> {
        sys::env()?;
        // SAFETY: a constant exported by mpi-sys's C shim.
        if raw == unsafe { ffi::RSMPI_COMM_NULL } {
            return Err(Error::new(Status::InvalidCommunicator, "the communicator is MPI_COMM_NULL"));
        }
        let mut inter: c_int = 0;
        // SAFETY: `raw` is a communicator handle per the caller's contract.
        check(unsafe { ffi::MPI_Comm_test_inter(raw, &mut inter) }, "MPI_Comm_test_inter")?;
        if inter != 0 {
            return Err(Error::new(
                Status::InvalidCommunicator,
                "inter-communicators are not supported (VTK's protocol needs an intra-communicator)",
            ));
        }
        let (mut rank, mut size): (c_int, c_int) = (0, 0);
        // SAFETY: valid intra-communicator, output pointers to locals.
        check(unsafe { ffi::MPI_Comm_rank(raw, &mut rank) }, "MPI_Comm_rank")?;
        check(unsafe { ffi::MPI_Comm_size(raw, &mut size) }, "MPI_Comm_size")?;
        let mut value: *mut c_int = std::ptr::null_mut();
        let mut flag: c_int = 0;
        // SAFETY: MPI_TAG_UB's attribute value is a pointer to an int owned by MPI.
        check(
            unsafe {
                ffi::MPI_Comm_get_attr(
                    raw,
                    ffi::MPI_TAG_UB as c_int,
                    (&mut value as *mut *mut c_int).cast::<c_void>(),
                    &mut flag,
                )
            },
            "MPI_Comm_get_attr(MPI_TAG_UB)",
        )?;
        // The standard guarantees at least 32767.
        let tag_ub = if flag != 0 && !value.is_null() { unsafe { *value } } else { 32767 };
        Ok(Comm { raw, owned: false, rank, size, tag_ub })
    }

    /// `MPI_Comm_dup` of `raw` (collective over `raw`); the duplicate is owned and freed on drop.
    /// The duplicate gets `MPI_ERRORS_RETURN` (it is ours; the caller's handle is untouched), so
    /// MPI failures on it come back as [`Status::Mpi`] instead of aborting.
    pub fn dup(raw: ffi::MPI_Comm) -> Result<Comm> {
        let parent = Comm::borrow(raw)?;
        let mut new: ffi::MPI_Comm = sys::handle_from_bits(0);
        // SAFETY: valid communicator, output pointer to a local.
        check(unsafe { ffi::MPI_Comm_dup(parent.raw, &mut new) }, "MPI_Comm_dup")?;
        // Owned from here on: dropped (freed) on any later error.
        let mut c = Comm { raw: new, owned: true, rank: parent.rank, size: parent.size, tag_ub: parent.tag_ub };
        // SAFETY: our own communicator; ERRORS_RETURN is a predefined handler.
        check(unsafe { ffi::MPI_Comm_set_errhandler(new, ffi::RSMPI_ERRORS_RETURN) }, "MPI_Comm_set_errhandler")?;
        let b = Comm::borrow(new)?;
        c.tag_ub = b.tag_ub;
        Ok(c)
    }

    /// A non-owning view of the same communicator (for state that lives beyond one call while
    /// `self` or the caller keeps the communicator alive).
    pub fn view(&self) -> Comm {
        Comm { raw: self.raw, owned: false, rank: self.rank, size: self.size, tag_ub: self.tag_ub }
    }

    pub fn raw(&self) -> ffi::MPI_Comm {
        self.raw
    }

    pub fn rank(&self) -> i32 {
        self.rank
    }

    pub fn size(&self) -> i32 {
        self.size
    }

    /// `MPI_TAG_UB` of this communicator.
    pub fn tag_ub(&self) -> i32 {
        self.tag_ub
    }

    pub fn is_owned(&self) -> bool {
        self.owned
    }

    /// Fortran handle of the communicator (`MPI_Comm_c2f`).
    pub fn fortran_handle(&self) -> ffi::RSMPI_Fint {
        // SAFETY: valid communicator.
        unsafe { ffi::RSMPI_Comm_c2f(self.raw) }
    }

    /// Checks a destination/source rank (`what` names the argument).
    pub fn check_rank(&self, r: i32, what: &str) -> Result<()> {
        if (0..self.size).contains(&r) {
            Ok(())
        } else {
            Err(Error::out_of_range(format!("`{what}` = {r} is not a rank of this communicator (size {})", self.size)))
        }
    }

    /// Checks a user tag (0..=MPI_TAG_UB).
    pub fn check_tag(&self, tag: i32, what: &str) -> Result<()> {
        if (0..=self.tag_ub).contains(&tag) {
            Ok(())
        } else {
            Err(Error::out_of_range(format!("`{what}` = {tag} is outside 0..={} (MPI_TAG_UB)", self.tag_ub)))
        }
    }

    /// `MPI_Barrier` (collective).
    pub fn barrier(&self) -> Result<()> {
        // SAFETY: valid communicator.
        check(unsafe { ffi::MPI_Barrier(self.raw) }, "MPI_Barrier")
    }
}

impl Drop for Comm {
    fn drop(&mut self) {
        if self.owned && sys::mpi_alive() {
            // SAFETY: we created this handle with MPI_Comm_dup and nobody else frees it.
            unsafe { ffi::MPI_Comm_free(&mut self.raw) };
        }
    }
}

/// A C communicator from a Fortran handle (`MPI_Comm_f2c`).
pub fn comm_from_fortran(f: ffi::RSMPI_Fint) -> Result<ffi::MPI_Comm> {
    sys::env()?;
    // SAFETY: MPI_Comm_f2c accepts any integer; invalid ones map to MPI_COMM_NULL or an
    // invalid handle that MPI itself rejects.
    Ok(unsafe { ffi::RSMPI_Comm_f2c(f) })
}
