//! The bridge to the legacy marshaler (`crate::legacy`): what `vtkCommunicator::MarshalDataObject`
//! and `UnMarshalDataObject` do around the protocol.

use crate::error::Result;
use crate::model::DataObject;

/// `MarshalDataObject`: the bytes VTK sends (`None` = null object = empty buffer).
pub fn marshal(obj: Option<&DataObject>) -> Result<Vec<u8>> {
    crate::legacy::marshal(obj)
}

/// `UnMarshalDataObject(buffer)`: `None` for an empty buffer.
pub fn unmarshal(bytes: &[u8]) -> Result<Option<DataObject>> {
    if bytes.is_empty() {
        return Ok(None);
    }
    crate::legacy::unmarshal(bytes)
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
