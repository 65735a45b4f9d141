//! `vtkwire::legacy::unmarshal` (what `vtkwire_unmarshal` and every MPI receive run) on arbitrary
//! bytes. It must return an object or an error with a message: never panic, abort, allocate
//! beyond the limits or hang. A decoded object must marshal (or fail softly), and its marshaled
//! bytes must read back to the same object, bit for bit.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vtkwire_fuzz::{check_decoded, check_error};

fuzz_target!(|data: &[u8]| {
    match vtkwire::legacy::unmarshal(data) {
        Ok(Some(obj)) => check_decoded(&obj),
        Ok(None) => assert!(data.is_empty(), "{} bytes unmarshaled to no object", data.len()),
        Err(e) => check_error("unmarshal", &e),
    }
});
