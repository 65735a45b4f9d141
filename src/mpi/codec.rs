//! The bridge to the legacy marshaler (`crate::legacy`): what `vtkCommunicator::MarshalDataObject`
//! and `UnMarshalDataObject` do around the protocol.

use crate::error::{Error, Result, Status};
use crate::model::DataObject;

/// `MarshalDataObject`: the bytes VTK sends (`None` = null object = empty buffer).
pub fn marshal(obj: Option<&DataObject>) -> Result<Vec<u8>> {
    match obj {
        None => Ok(Vec::new()),
        Some(_) => Err(Error::new(Status::Unsupported, "marshaling is not available yet (crate::legacy)")),
    }
}

/// `UnMarshalDataObject(buffer)`: `None` for an empty buffer.
pub fn unmarshal(bytes: &[u8]) -> Result<Option<DataObject>> {
    if bytes.is_empty() {
        return Ok(None);
    }
    Err(Error::new(Status::Unsupported, "unmarshaling is not available yet (crate::legacy)"))
}

/// What `vtkDataObjectTypes::NewDataObject(code)` + unmarshal yields: a `STRUCTURED_POINTS`
/// buffer received as type 6 is a vtkImageData, as type 1 a vtkStructuredPoints.
pub fn as_type(o: DataObject, code: i32) -> DataObject {
    match (o, code) {
        (DataObject::StructuredPoints(i), 6) => DataObject::ImageData(i),
        (DataObject::ImageData(i), 1) => DataObject::StructuredPoints(i),
        (o, _) => o,
    }
}

/// The no-object unmarshal VTK's gathers use: images come back as vtkStructuredPoints.
pub fn unmarshal_gathered(bytes: &[u8]) -> Result<Option<DataObject>> {
    Ok(unmarshal(bytes)?.map(|o| as_type(o, 1)))
}
