//! The C ABI. One file per exported C type; `guard` holds the boundary helpers.
//! Every export returns `vtkwire_status` (or a plain value documented as such), catches
//! panics, checks every pointer and writes outputs only on success.

#![allow(non_camel_case_types)] // Reason: C type names (`vtkwire_object`) are part of the ABI.

pub mod array;
pub mod attributes;
pub mod cells;
pub mod comm;
pub mod composite;
pub mod constants;
pub mod graph;
pub mod guard;
pub mod image;
pub mod marshal;
pub mod mpi;
pub mod object;
pub mod status;
