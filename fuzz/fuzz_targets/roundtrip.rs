//! Structure-aware round trip: fuzz bytes build an object of any of the twelve types through the
//! public model API (`vtkwire_fuzz::build`); marshal must succeed or return an error (never
//! panic), and marshal → unmarshal must give back the same object bit for bit (float buffers and
//! plain floats compared by their bits), as must a BINARY file; an ASCII file must read back
//! equal up to NaN payloads.
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use vtkwire_fuzz::{build, check_file_roundtrip, check_marshal_roundtrip};

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(obj) = build::object(&mut u, 0) else { return };
    if check_marshal_roundtrip(&obj).is_some() {
        check_file_roundtrip(&obj);
    }
});
