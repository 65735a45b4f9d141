//! What must hold for any object vtkwire accepted or decoded: the checks of the fuzz targets,
//! shared with `tests/fuzz_regressions.rs` (which includes this file and `exact.rs` by path, so
//! it depends on vtkwire alone). Each check returns `Err(description)` instead of panicking.

use vtkwire::Error;
use vtkwire::legacy;
use vtkwire::model::DataObject;

use crate::exact;

type Check<T> = Result<T, String>;

fn show(bytes: &[u8]) -> String {
    format!("{:?}", String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]))
}

/// An error must say what went wrong.
pub fn error_has_message(what: &str, e: &Error) -> Check<()> {
    if e.message.is_empty() {
        return Err(format!("{what}: error with status {:?} and an empty message", e.status));
    }
    Ok(())
}

/// Marshals `obj` (an error must carry a message), then unmarshals the bytes: the result must
/// equal `obj` bit for bit and marshal to the same bytes; `marshaled_len` and `marshal_into`
/// must agree with `marshal`. Returns the marshaled bytes when marshal succeeded.
pub fn marshal_roundtrip(obj: &DataObject) -> Check<Option<Vec<u8>>> {
    let bytes = match legacy::marshal(Some(obj)) {
        Ok(b) => b,
        Err(e) => return error_has_message("marshal", &e).map(|()| None),
    };
    match legacy::marshaled_len(Some(obj)) {
        Ok(n) if n == bytes.len() => {}
        Ok(n) => return Err(format!("marshaled_len says {n}, marshal wrote {}", bytes.len())),
        Err(e) => return Err(format!("marshal succeeded but marshaled_len failed: {e:?}")),
    }
    let mut buf = vec![0u8; bytes.len()];
    match legacy::marshal_into(Some(obj), &mut buf) {
        Ok(n) if n == bytes.len() && buf == bytes => {}
        Ok(n) => return Err(format!("marshal_into wrote {n} other bytes than marshal")),
        Err(e) => return Err(format!("marshal succeeded but marshal_into failed: {e:?}")),
    }
    let back = match legacy::unmarshal(&bytes) {
        Ok(Some(o)) => o,
        Ok(None) => return Err(format!("vtkwire's own {} marshaled bytes unmarshal to no object", bytes.len())),
        Err(e) => {
            return Err(format!(
                "vtkwire cannot unmarshal its own marshaled bytes: {e:?}\nobject: {obj:?}\nbytes: {}",
                show(&bytes)
            ));
        }
    };
    exact::same(obj, &back)
        .map_err(|d| format!("marshal -> unmarshal changed the object: {d}\nbefore: {obj:?}\nafter:  {back:?}"))?;
    match legacy::marshal(Some(&back)) {
        Ok(again) if again == bytes => Ok(Some(bytes)),
        Ok(_) => Err("the unmarshaled object marshals to other bytes".to_owned()),
        Err(e) => Err(format!("the unmarshaled object does not marshal again: {e:?}")),
    }
}

/// Writes `obj` as a BINARY `.vtk` file and reads it back: same object, bit for bit. The ASCII
/// file must read back too (equal up to NaN payloads, which ASCII text does not carry).
pub fn file_roundtrip(obj: &DataObject) -> Check<()> {
    for binary in [true, false] {
        let kind = if binary { "BINARY" } else { "ASCII" };
        let bytes = match legacy::write_file_bytes(obj, binary) {
            Ok(b) => b,
            Err(e) => {
                error_has_message(&format!("write_file_bytes ({kind})"), &e)?;
                continue;
            }
        };
        let back = legacy::read_file_bytes(&bytes)
            .map_err(|e| format!("vtkwire cannot read its own {kind} file: {e:?}\nfile: {}", show(&bytes)))?;
        let same = if binary { exact::same(obj, &back) } else { exact::same_nan_agnostic(obj, &back) };
        same.map_err(|d| format!("{kind} file round trip changed the object: {d}\nbefore: {obj:?}\nafter:  {back:?}"))?;
    }
    Ok(())
}

/// Everything for bytes vtkwire decoded with `decode` (`unmarshal` or `read_file_bytes`): an
/// error carries a message; a decoded object marshals (or fails softly) and round-trips; with
/// `files`, it also writes and reads back as files.
pub fn decoded(what: &str, result: Result<Option<DataObject>, Error>, files: bool) -> Check<()> {
    match result {
        Ok(Some(obj)) => {
            marshal_roundtrip(&obj)?;
            if files { file_roundtrip(&obj) } else { Ok(()) }
        }
        Ok(None) => Ok(()),
        Err(e) => error_has_message(what, &e),
    }
}
