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

/// `MPI_TAG_UB`, the attribute key, as the `int` `MPI_Comm_get_attr` takes. bindgen types the
/// C constant as unsigned; its value (0 in Open MPI, 0x64400001 in MPICH) fits an `int`, which
/// the assertion checks at compile time.
const TAG_UB_KEYVAL: c_int = {
    assert!(ffi::MPI_TAG_UB >> 31 == 0, "MPI_TAG_UB does not fit a C int");
    #[allow(clippy::cast_possible_wrap, reason = "below 2^31, asserted on the line above")]
    let key = ffi::MPI_TAG_UB as c_int;
    key
};

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
    ///
    /// `raw` must be `MPI_COMM_NULL` or a communicator that stays valid while the result is used:
    /// MPI cannot check a handle it does not know, and Open MPI dereferences it. (The C exports
    /// pass the handle the application lent them, under their `# Safety` contract.)
    pub fn borrow(raw: ffi::MPI_Comm) -> Result<Comm> {
        sys::env()?;
        // SAFETY: reads a `const MPI_Comm` of mpi-sys's C shim, initialized to MPI_COMM_NULL
        // before any Rust code runs and never written.
        if raw == unsafe { ffi::RSMPI_COMM_NULL } {
            return Err(Error::new(Status::InvalidCommunicator, "the communicator is MPI_COMM_NULL"));
        }
        let mut inter: c_int = 0;
        // SAFETY: `raw` is a communicator, not MPI_COMM_NULL (checked above), by the requirement
        // on `borrow` stated in its documentation; `inter` is a local int.
        check(unsafe { ffi::MPI_Comm_test_inter(raw, &mut inter) }, "MPI_Comm_test_inter")?;
        if inter != 0 {
            return Err(Error::new(
                Status::InvalidCommunicator,
                "inter-communicators are not supported (VTK's protocol needs an intra-communicator)",
            ));
        }
        let (mut rank, mut size): (c_int, c_int) = (0, 0);
        // SAFETY: `raw` is a communicator (as above); the output pointer is to a local int.
        check(unsafe { ffi::MPI_Comm_rank(raw, &mut rank) }, "MPI_Comm_rank")?;
        // SAFETY: as for MPI_Comm_rank.
        check(unsafe { ffi::MPI_Comm_size(raw, &mut size) }, "MPI_Comm_size")?;
        let mut value: *mut c_int = std::ptr::null_mut();
        let mut flag: c_int = 0;
        // SAFETY: `raw` is a communicator (as above). For a predefined attribute such as
        // MPI_TAG_UB, MPI stores through the `void *` argument a pointer to the attribute's int
        // (owned by MPI), so it is given the address of the local `value: *mut c_int`; `flag` is a
        // local int.
        let rc = unsafe {
            ffi::MPI_Comm_get_attr(raw, TAG_UB_KEYVAL, (&mut value as *mut *mut c_int).cast::<c_void>(), &mut flag)
        };
        check(rc, "MPI_Comm_get_attr(MPI_TAG_UB)")?;
        // The standard guarantees at least 32767.
        let tag_ub = if flag != 0 && !value.is_null() {
            // SAFETY: with `flag` set, MPI stored in `value` the address of MPI_TAG_UB's int,
            // which MPI keeps for as long as the communicator exists (it does: we hold `raw`
            // for this call); it is not null (checked) and only read here.
            unsafe { *value }
        } else {
            32767
        };
        Ok(Comm { raw, owned: false, rank, size, tag_ub })
    }

    /// `MPI_Comm_dup` of `raw` (collective over `raw`); the duplicate is owned and freed on drop.
    /// `raw` must be a communicator, as for [`Comm::borrow`].
    /// The duplicate gets `MPI_ERRORS_RETURN` (it is ours; the caller's handle is untouched), so
    /// MPI failures on it come back as [`Status::Mpi`] instead of aborting.
    pub fn dup(raw: ffi::MPI_Comm) -> Result<Comm> {
        let parent = Comm::borrow(raw)?;
        let mut new: ffi::MPI_Comm = sys::handle_from_bits(0);
        // SAFETY: `parent.raw` is a communicator (`borrow` accepted it under the same requirement,
        // see `dup`'s documentation); `new` is a local handle that MPI_Comm_dup writes.
        check(unsafe { ffi::MPI_Comm_dup(parent.raw, &mut new) }, "MPI_Comm_dup")?;
        // Owned from here on: dropped (freed) on any later error.
        let mut c = Comm { raw: new, owned: true, rank: parent.rank, size: parent.size, tag_ub: parent.tag_ub };
        // SAFETY: `new` is the communicator MPI_Comm_dup just created (it succeeded), ours alone,
        // so changing its handler touches nothing of the caller's; RSMPI_ERRORS_RETURN is the
        // shim's `const` copy of the predefined MPI_ERRORS_RETURN, read as a plain value.
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
        // SAFETY: `self.raw` passed `borrow` (a communicator, not MPI_COMM_NULL) and is alive:
        // an owned one is freed only on drop, a borrowed one is kept by the caller.
        // MPI_Comm_c2f only maps the handle to its Fortran integer.
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
        // SAFETY: `self.raw` is a live communicator, as in `fortran_handle`.
        check(unsafe { ffi::MPI_Barrier(self.raw) }, "MPI_Barrier")
    }
}

impl Drop for Comm {
    fn drop(&mut self) {
        if self.owned && sys::mpi_alive() {
            // SAFETY: `owned` is set only by `dup`, on the handle MPI_Comm_dup created; `view`
            // copies are never owned, so this is the one free of it, while MPI is still up
            // (checked just above).
            unsafe { ffi::MPI_Comm_free(&mut self.raw) };
        }
    }
}

/// A C communicator from a Fortran handle (`MPI_Comm_f2c`).
pub fn comm_from_fortran(f: ffi::RSMPI_Fint) -> Result<ffi::MPI_Comm> {
    sys::env()?;
    // SAFETY: MPI_Comm_f2c (a function wrapper in mpi-sys's shim, as MPICH's is a macro) only
    // converts an integer, any integer: Open MPI looks it up in its communicator table with a
    // bounds check, MPICH's is a cast. It dereferences nothing; whether the result is a
    // communicator is for the caller to know (see `Comm::borrow`).
    Ok(unsafe { ffi::RSMPI_Comm_f2c(f) })
}
