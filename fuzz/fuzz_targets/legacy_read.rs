//! The legacy `.vtk` file reader on arbitrary file contents: `vtkwire::legacy::read_file_bytes`
//! is what `read_file` / `vtkwire_legacy_read` run on the bytes of the file. Same promises as
//! the unmarshal target; a decoded object must also write and read back as BINARY and ASCII files.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vtkwire_fuzz::{check_decoded, check_error, check_file_roundtrip};

fuzz_target!(|data: &[u8]| {
    match vtkwire::legacy::read_file_bytes(data) {
        Ok(obj) => {
            check_decoded(&obj);
            check_file_roundtrip(&obj);
        }
        Err(e) => check_error("read_file_bytes", &e),
    }
});
