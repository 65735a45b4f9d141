//! vtkwire: VTK data objects, the exact bytes VTK marshals them to, and VTK's MPI protocol,
//! behind a C ABI (`include/vtkwire.h`).
//!
//! Layers: [`model`] (safe data objects), [`legacy`] (VTK legacy format and marshaling),
//! [`mpi`] (communicators and VTK's message protocol), [`ffi`] (the C ABI).
//! `unsafe` is confined to `ffi` and `mpi`.

#![deny(unsafe_code)]

pub mod error;
/// cbindgen:ignore
pub mod legacy;
/// cbindgen:ignore
pub mod limits;
/// cbindgen:ignore
pub mod model;

/// cbindgen:ignore
#[allow(unsafe_code)] // Reason: MPI calls go through mpi-sys's raw bindings on lent handles.
pub mod mpi;

#[allow(unsafe_code)] // Reason: the C ABI dereferences caller pointers; every use is guarded there.
pub mod ffi;

pub use error::{Error, Result, Status};

/// cbindgen:ignore
pub mod memory;

/// cbindgen:ignore
#[allow(unsafe_code)] // Reason: SSSE3 intrinsics and writes into spare capacity; each use is argued there.
pub mod swap;

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
