//! Shared pieces of vtkwire's fuzz targets:
//!
//! * [`build`]: a structure-aware generator that turns fuzz bytes into a [`DataObject`] of any of
//!   the twelve types through the public model API (every array element type, arbitrary Unicode
//!   names, NaN payloads, 64-bit extremes, nested multiblocks, AMR);
//! * [`exact`]: bit-exact equality of two objects (floats compared by their bits everywhere,
//!   NaN payloads and signed zeros included);
//! * [`oracle`]: what must hold for an object vtkwire accepted or decoded (also used by
//!   `tests/fuzz_regressions.rs`).
//!
//! Every finding so far is fixed (tests/fuzz_regressions/MANIFEST), so a failed check is always
//! a crash. (Earlier runs skipped open findings by predicate so that they could find new ones;
//! with none open, that machinery went.)

pub mod build;
pub mod exact;
pub mod oracle;

use vtkwire::Error;
use vtkwire::model::DataObject;

/// A failed check is a crash (libFuzzer saves the input).
fn report<T>(r: Result<T, String>) -> T {
    r.unwrap_or_else(|msg| panic!("{msg}"))
}

/// An error must carry a message.
pub fn check_error(what: &str, e: &Error) {
    report(oracle::error_has_message(what, e));
}

/// [`oracle::marshal_roundtrip`]; the marshaled bytes when marshal succeeded.
pub fn check_marshal_roundtrip(obj: &DataObject) -> Option<Vec<u8>> {
    report(oracle::marshal_roundtrip(obj))
}

/// [`oracle::file_roundtrip`].
pub fn check_file_roundtrip(obj: &DataObject) {
    report(oracle::file_roundtrip(obj));
}

/// An object vtkwire decoded from (hostile) bytes: marshaling it fails softly or round-trips.
pub fn check_decoded(obj: &DataObject) {
    check_marshal_roundtrip(obj);
}
