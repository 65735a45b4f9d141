//! Shared pieces of vtkwire's fuzz targets:
//!
//! * [`build`]: a structure-aware generator that turns fuzz bytes into a [`DataObject`] of any of
//!   the twelve types through the public model API (every array element type, arbitrary Unicode
//!   names, NaN payloads, 64-bit extremes, nested multiblocks, AMR);
//! * [`exact`]: bit-exact equality of two objects (floats compared by their bits everywhere,
//!   NaN payloads and signed zeros included);
//! * [`check_decoded`]: what must hold for any object vtkwire decoded from bytes: it marshals
//!   (or fails softly), and its marshaled bytes read back to the same object.

pub mod build;
pub mod exact;

use vtkwire::Error;
use vtkwire::legacy;
use vtkwire::model::DataObject;

/// libFuzzer options every target runs with (also written into the `.options` files and passed
/// by `scripts/fuzz.sh`): an allocation over 1 GiB or a process over 2 GiB is a finding.
pub const RSS_LIMIT_MB: usize = 2048;
pub const MALLOC_LIMIT_MB: usize = 1024;

/// An error must say what went wrong: an empty message is a finding.
pub fn check_error(what: &str, e: &Error) {
    assert!(!e.message.is_empty(), "{what}: error with status {:?} and an empty message", e.status);
}

/// Marshals `obj`, then unmarshals the bytes: the result must equal `obj` bit for bit and
/// marshal to the same bytes. `marshaled_len` and `marshal_into` must agree with `marshal`.
/// Returns the marshaled bytes when marshal succeeded.
pub fn check_marshal_roundtrip(obj: &DataObject) -> Option<Vec<u8>> {
    let bytes = match legacy::marshal(Some(obj)) {
        Ok(b) => b,
        Err(e) => {
            check_error("marshal", &e);
            return None;
        }
    };
    match legacy::marshaled_len(Some(obj)) {
        Ok(n) => assert_eq!(n, bytes.len(), "marshaled_len disagrees with marshal"),
        Err(e) => panic!("marshal succeeded but marshaled_len failed: {e:?}"),
    }
    let mut buf = vec![0u8; bytes.len()];
    match legacy::marshal_into(Some(obj), &mut buf) {
        Ok(n) => {
            assert_eq!(n, bytes.len(), "marshal_into length");
            assert!(buf == bytes, "marshal_into wrote other bytes than marshal");
        }
        Err(e) => panic!("marshal succeeded but marshal_into failed: {e:?}"),
    }
    let back = match legacy::unmarshal(&bytes) {
        Ok(Some(o)) => o,
        Ok(None) => panic!("vtkwire's own {} marshaled bytes unmarshal to no object", bytes.len()),
        Err(e) => panic!(
            "vtkwire cannot unmarshal its own marshaled bytes: {e:?}\nobject: {obj:?}\nbytes: {:?}",
            String::from_utf8_lossy(&bytes[..bytes.len().min(4096)])
        ),
    };
    if let Err(diff) = exact::same(obj, &back) {
        panic!("marshal -> unmarshal changed the object: {diff}\nbefore: {obj:?}\nafter:  {back:?}");
    }
    match legacy::marshal(Some(&back)) {
        Ok(again) => assert!(again == bytes, "the unmarshaled object marshals to other bytes"),
        Err(e) => panic!("the unmarshaled object does not marshal again: {e:?}"),
    }
    Some(bytes)
}

/// Writes `obj` as a BINARY `.vtk` file and reads it back: same object, bit for bit. The ASCII
/// file must read back too (equal up to NaN payloads, which ASCII files do not carry).
pub fn check_file_roundtrip(obj: &DataObject) {
    match legacy::write_file_bytes(obj, true) {
        Ok(bytes) => match legacy::read_file_bytes(&bytes) {
            Ok(back) => {
                if let Err(diff) = exact::same(obj, &back) {
                    panic!("binary file round trip changed the object: {diff}\nbefore: {obj:?}\nafter:  {back:?}");
                }
            }
            Err(e) => panic!("vtkwire cannot read its own binary file: {e:?}"),
        },
        Err(e) => check_error("write_file_bytes (binary)", &e),
    }
    match legacy::write_file_bytes(obj, false) {
        Ok(bytes) => match legacy::read_file_bytes(&bytes) {
            Ok(back) => {
                if let Err(diff) = exact::same_nan_agnostic(obj, &back) {
                    panic!("ASCII file round trip changed the object: {diff}\nbefore: {obj:?}\nafter:  {back:?}");
                }
            }
            Err(e) => panic!(
                "vtkwire cannot read its own ASCII file: {e:?}\nfile: {:?}",
                String::from_utf8_lossy(&bytes[..bytes.len().min(4096)])
            ),
        },
        Err(e) => check_error("write_file_bytes (ASCII)", &e),
    }
}

/// What must hold for an object vtkwire decoded from (hostile) bytes: marshaling it either
/// fails softly or round-trips exactly.
pub fn check_decoded(obj: &DataObject) {
    check_marshal_roundtrip(obj);
}
