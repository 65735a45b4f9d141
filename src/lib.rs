//! vtkwire: VTK data objects, the exact bytes VTK marshals them to, and VTK's MPI protocol,
//! behind a C ABI (`include/vtkwire.h`).
//!
//! Layers: [`model`] (safe data objects), [`legacy`] (VTK legacy format and marshaling),
//! [`mpi`] (communicators and VTK's message protocol), [`ffi`] (the C ABI).
//! `unsafe` is confined to `ffi`, `mpi` and `swap`. Without the `mpi` feature the `mpi` module
//! and the MPI exports are left out: the library then needs no MPI (`include/vtkwire.h` only).

#![deny(unsafe_code)]
// A library never prints: errors are `Error`s (and the C ABI's last-error message). Tests and
// benches are separate crates and may print.
#![deny(clippy::print_stdout, clippy::print_stderr)]

pub mod error;
/// cbindgen:ignore
pub mod legacy;
/// cbindgen:ignore
pub mod limits;
/// cbindgen:ignore
pub mod model;

/// cbindgen:ignore
#[cfg(feature = "mpi")]
#[allow(unsafe_code, reason = "MPI calls go through mpi-sys's raw bindings on lent handles")]
pub mod mpi;

#[allow(unsafe_code, reason = "the C ABI dereferences caller pointers; every use is guarded there")]
pub mod ffi;

pub use error::{Error, Result, Status};

/// cbindgen:ignore
pub mod memory;

/// cbindgen:ignore
#[allow(unsafe_code, reason = "SSSE3 intrinsics and writes into spare capacity; each use is argued there")]
pub mod swap;

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
