//! The C ABI (`include/vtkwire.h`).
//!
//! One file per exported C type or concept: [`object`] (the `vtkwire_object` handle and what
//! every type shares), [`image`], [`cells`], [`graph`], [`composite`] and [`attributes`] (the
//! per-type functions), [`array`] (`vtkwire_array`), [`marshal`] (bytes and files),
//! [`status`] (status strings, last error, version), [`constants`] (enum-like codes),
//! [`mpi`] and [`comm`] (MPI); [`guard`] holds the boundary helpers.
//!
//! Every export returns `vtkwire_status` (or a plain value documented as such), catches
//! panics, checks every pointer and writes outputs only on success (the one exception, a
//! string cut to fit a buffer, is shape (b) below). Each export's doc has `# Ownership`,
//! `# Errors` and `# Safety` sections (and `# MPI` for MPI calls).
//!
//! # Strings
//! **Into vtkwire**: NUL-terminated UTF-8 `const char *`. NULL only where the export's doc
//! says "may be NULL"; text that is not UTF-8 gives `VTKWIRE_STATUS_INVALID_UTF8`.
//!
//! **Out of vtkwire**, exactly three shapes; each export's doc names the one it uses:
//!
//! - **(a) view**: `const char **out_x, size_t *out_len`. `*out_x` points to exactly
//!   `*out_len` bytes of UTF-8, borrowed from the object (valid until it is modified or
//!   freed) and **not** NUL-terminated: print with `printf("%.*s", (int)len, x)`. vtkwire
//!   never changes them behind your back.
//! - **(b) copy**: `char *buf, size_t cap, size_t *out_len`. `*out_len` always receives the
//!   full length in bytes (without the NUL). If `buf` is non-NULL and `cap > 0`, vtkwire
//!   writes `min(len, cap - 1)` bytes, cut back to a UTF-8 character boundary, then a NUL:
//!   never more than `cap` bytes. The call returns `VTKWIRE_STATUS_OK` when the whole string
//!   fit and `VTKWIRE_STATUS_BUFFER_TOO_SMALL` when it was cut; `(NULL, 0)` is a size query
//!   and returns OK; a NULL `buf` with `cap > 0` is `VTKWIRE_STATUS_NULL_ARGUMENT`. Typical
//!   use: query, allocate `len + 1`, call again.
//!   (`vtkwire_object_summary`, `vtkwire_last_error_get`.)
//! - **(c) static**: a `const char *` return value pointing to a static or thread-local
//!   NUL-terminated string, never NULL unless the doc says so; do not free.
//!   (`vtkwire_status_str`, `vtkwire_version`, `vtkwire_object_class_name`,
//!   `vtkwire_last_error`.)
//!
//! `vtkwire_last_error_copy` is the older form of `vtkwire_last_error_get` (it returns the
//! length and may cut inside a character).

#![allow(non_camel_case_types)] // Reason: C type names (`vtkwire_object`) are part of the ABI.

pub mod array;
pub mod attributes;
pub mod cells;
#[cfg(feature = "mpi")]
pub mod comm;
pub mod composite;
pub mod constants;
pub mod graph;
pub mod guard;
pub mod image;
pub mod limits;
pub mod marshal;
#[cfg(feature = "mpi")]
pub mod mpi;
pub mod object;
pub mod status;
#[cfg(feature = "mpi")]
pub mod twins;
