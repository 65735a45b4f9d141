//! The C ABI. One file per exported C type; `guard` holds the boundary helpers.
//! Every export returns `vtkwire_status` (or a plain value documented as such), catches
//! panics, checks every pointer and writes outputs only on success.

#![allow(non_camel_case_types)] // Reason: C type names (`vtkwire_object`) are part of the ABI.

pub mod array;
#[cfg(feature = "mpi")]
pub mod comm;
pub mod constants;
pub mod guard;
pub mod limits;
pub mod marshal;
#[cfg(feature = "mpi")]
pub mod mpi;
pub mod object;
pub mod status;
#[cfg(feature = "mpi")]
pub mod twins;
