//! Numeric codes for the `int32_t` enum-like arguments (checked on input with `TryFrom`-style
//! parsing; a Rust enum is never an extern parameter). Values are VTK's own codes.

/// `vtkwire_object_type` of NULL.
pub const VTKWIRE_OBJECT_NULL: i32 = -1;
pub const VTKWIRE_OBJECT_POLY_DATA: i32 = 0;
pub const VTKWIRE_OBJECT_STRUCTURED_POINTS: i32 = 1;
pub const VTKWIRE_OBJECT_STRUCTURED_GRID: i32 = 2;
pub const VTKWIRE_OBJECT_RECTILINEAR_GRID: i32 = 3;
pub const VTKWIRE_OBJECT_UNSTRUCTURED_GRID: i32 = 4;
pub const VTKWIRE_OBJECT_IMAGE_DATA: i32 = 6;
pub const VTKWIRE_OBJECT_MULTIBLOCK: i32 = 13;
pub const VTKWIRE_OBJECT_TABLE: i32 = 19;
pub const VTKWIRE_OBJECT_TREE: i32 = 21;
pub const VTKWIRE_OBJECT_DIRECTED_GRAPH: i32 = 23;
pub const VTKWIRE_OBJECT_UNDIRECTED_GRAPH: i32 = 24;
pub const VTKWIRE_OBJECT_OVERLAPPING_AMR: i32 = 31;

/// Array element types (VTK scalar type codes).
pub const VTKWIRE_TYPE_BIT: i32 = 1;
pub const VTKWIRE_TYPE_CHAR: i32 = 2;
pub const VTKWIRE_TYPE_UNSIGNED_CHAR: i32 = 3;
pub const VTKWIRE_TYPE_SHORT: i32 = 4;
pub const VTKWIRE_TYPE_UNSIGNED_SHORT: i32 = 5;
pub const VTKWIRE_TYPE_INT: i32 = 6;
pub const VTKWIRE_TYPE_UNSIGNED_INT: i32 = 7;
/// C `long` (8 bytes on LP64 Linux/macOS).
pub const VTKWIRE_TYPE_LONG: i32 = 8;
pub const VTKWIRE_TYPE_UNSIGNED_LONG: i32 = 9;
pub const VTKWIRE_TYPE_FLOAT: i32 = 10;
pub const VTKWIRE_TYPE_DOUBLE: i32 = 11;
/// vtkIdType: 64-bit in memory.
pub const VTKWIRE_TYPE_ID_TYPE: i32 = 12;
pub const VTKWIRE_TYPE_STRING: i32 = 13;
pub const VTKWIRE_TYPE_SIGNED_CHAR: i32 = 15;
/// `long long` / vtktypeint64.
pub const VTKWIRE_TYPE_LONG_LONG: i32 = 16;
/// `unsigned long long` / vtktypeuint64.
pub const VTKWIRE_TYPE_UNSIGNED_LONG_LONG: i32 = 17;
/// Variant arrays (read from VTK files; values as text).
pub const VTKWIRE_TYPE_VARIANT: i32 = 20;

/// Where an array lives (VTK's field associations).
pub const VTKWIRE_ASSOCIATION_POINT: i32 = 0;
pub const VTKWIRE_ASSOCIATION_CELL: i32 = 1;
/// The object's own field data.
pub const VTKWIRE_ASSOCIATION_FIELD: i32 = 2;
pub const VTKWIRE_ASSOCIATION_VERTEX: i32 = 4;
pub const VTKWIRE_ASSOCIATION_EDGE: i32 = 5;
pub const VTKWIRE_ASSOCIATION_ROW: i32 = 6;

/// Active attribute roles (VTK's attribute types).
pub const VTKWIRE_ROLE_SCALARS: i32 = 0;
pub const VTKWIRE_ROLE_VECTORS: i32 = 1;
pub const VTKWIRE_ROLE_NORMALS: i32 = 2;
pub const VTKWIRE_ROLE_TCOORDS: i32 = 3;
pub const VTKWIRE_ROLE_TENSORS: i32 = 4;
pub const VTKWIRE_ROLE_GLOBAL_IDS: i32 = 5;
pub const VTKWIRE_ROLE_PEDIGREE_IDS: i32 = 6;
pub const VTKWIRE_ROLE_EDGE_FLAGS: i32 = 7;

/// Poly data cell arrays.
pub const VTKWIRE_POLY_VERTS: i32 = 0;
pub const VTKWIRE_POLY_LINES: i32 = 1;
pub const VTKWIRE_POLY_POLYS: i32 = 2;
pub const VTKWIRE_POLY_STRIPS: i32 = 3;

/// Reduction operations (VTK's `vtkCommunicator::StandardOperations`).
pub const VTKWIRE_OP_MAX: i32 = 0;
pub const VTKWIRE_OP_MIN: i32 = 1;
pub const VTKWIRE_OP_SUM: i32 = 2;
pub const VTKWIRE_OP_PRODUCT: i32 = 3;
pub const VTKWIRE_OP_LOGICAL_AND: i32 = 4;
pub const VTKWIRE_OP_BITWISE_AND: i32 = 5;
pub const VTKWIRE_OP_LOGICAL_OR: i32 = 6;
pub const VTKWIRE_OP_BITWISE_OR: i32 = 7;
pub const VTKWIRE_OP_LOGICAL_XOR: i32 = 8;
pub const VTKWIRE_OP_BITWISE_XOR: i32 = 9;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Association, AttributeRole, PolyCells, ScalarType, type_code};

    #[test]
    fn constants_match_model_codes() {
        assert_eq!(VTKWIRE_OBJECT_POLY_DATA, type_code::POLY_DATA);
        assert_eq!(VTKWIRE_OBJECT_OVERLAPPING_AMR, type_code::OVERLAPPING_AMR);
        assert_eq!(VTKWIRE_OBJECT_MULTIBLOCK, type_code::MULTIBLOCK);
        assert_eq!(VTKWIRE_TYPE_LONG_LONG, ScalarType::LongLong as i32);
        assert_eq!(VTKWIRE_TYPE_SIGNED_CHAR, ScalarType::SignedChar as i32);
        assert_eq!(VTKWIRE_TYPE_VARIANT, ScalarType::Variant as i32);
        assert_eq!(VTKWIRE_ASSOCIATION_ROW, Association::Row as i32);
        assert_eq!(VTKWIRE_ROLE_EDGE_FLAGS, AttributeRole::EdgeFlags as i32);
        assert_eq!(VTKWIRE_POLY_STRIPS, PolyCells::Strips as i32);
    }
}
