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

    /// The header's constants (hand-written here because cbindgen needs literals) against the
    /// model's enums, every variant.
    #[test]
    fn constants_match_model_codes() {
        let types = [
            (VTKWIRE_TYPE_BIT, ScalarType::Bit),
            (VTKWIRE_TYPE_CHAR, ScalarType::Char),
            (VTKWIRE_TYPE_UNSIGNED_CHAR, ScalarType::UnsignedChar),
            (VTKWIRE_TYPE_SHORT, ScalarType::Short),
            (VTKWIRE_TYPE_UNSIGNED_SHORT, ScalarType::UnsignedShort),
            (VTKWIRE_TYPE_INT, ScalarType::Int),
            (VTKWIRE_TYPE_UNSIGNED_INT, ScalarType::UnsignedInt),
            (VTKWIRE_TYPE_LONG, ScalarType::Long),
            (VTKWIRE_TYPE_UNSIGNED_LONG, ScalarType::UnsignedLong),
            (VTKWIRE_TYPE_FLOAT, ScalarType::Float),
            (VTKWIRE_TYPE_DOUBLE, ScalarType::Double),
            (VTKWIRE_TYPE_ID_TYPE, ScalarType::IdType),
            (VTKWIRE_TYPE_STRING, ScalarType::String),
            (VTKWIRE_TYPE_SIGNED_CHAR, ScalarType::SignedChar),
            (VTKWIRE_TYPE_LONG_LONG, ScalarType::LongLong),
            (VTKWIRE_TYPE_UNSIGNED_LONG_LONG, ScalarType::UnsignedLongLong),
            (VTKWIRE_TYPE_VARIANT, ScalarType::Variant),
        ];
        assert_eq!(types.len(), ScalarType::ALL.len());
        for (c, t) in types {
            assert_eq!(ScalarType::from_code(c), Some(t));
        }
        let assocs = [
            (VTKWIRE_ASSOCIATION_POINT, Association::Point),
            (VTKWIRE_ASSOCIATION_CELL, Association::Cell),
            (VTKWIRE_ASSOCIATION_FIELD, Association::Field),
            (VTKWIRE_ASSOCIATION_VERTEX, Association::Vertex),
            (VTKWIRE_ASSOCIATION_EDGE, Association::Edge),
            (VTKWIRE_ASSOCIATION_ROW, Association::Row),
        ];
        assert_eq!(assocs.len(), Association::ALL.len());
        for (c, a) in assocs {
            assert_eq!(Association::from_code(c), Some(a));
        }
        let roles = [
            (VTKWIRE_ROLE_SCALARS, AttributeRole::Scalars),
            (VTKWIRE_ROLE_VECTORS, AttributeRole::Vectors),
            (VTKWIRE_ROLE_NORMALS, AttributeRole::Normals),
            (VTKWIRE_ROLE_TCOORDS, AttributeRole::TCoords),
            (VTKWIRE_ROLE_TENSORS, AttributeRole::Tensors),
            (VTKWIRE_ROLE_GLOBAL_IDS, AttributeRole::GlobalIds),
            (VTKWIRE_ROLE_PEDIGREE_IDS, AttributeRole::PedigreeIds),
            (VTKWIRE_ROLE_EDGE_FLAGS, AttributeRole::EdgeFlags),
        ];
        assert_eq!(roles.len(), AttributeRole::ALL.len());
        for (c, r) in roles {
            assert_eq!(AttributeRole::from_code(c), Some(r));
        }
        let kinds = [
            (VTKWIRE_POLY_VERTS, PolyCells::Verts),
            (VTKWIRE_POLY_LINES, PolyCells::Lines),
            (VTKWIRE_POLY_POLYS, PolyCells::Polys),
            (VTKWIRE_POLY_STRIPS, PolyCells::Strips),
        ];
        assert_eq!(kinds.len(), PolyCells::ALL.len());
        for (c, k) in kinds {
            assert_eq!(PolyCells::from_code(c), Some(k));
        }
        // VTK's type codes (vtkType.h), written out independently of type_code.
        let objects = [
            (VTKWIRE_OBJECT_POLY_DATA, type_code::POLY_DATA, 0),
            (VTKWIRE_OBJECT_STRUCTURED_POINTS, type_code::STRUCTURED_POINTS, 1),
            (VTKWIRE_OBJECT_STRUCTURED_GRID, type_code::STRUCTURED_GRID, 2),
            (VTKWIRE_OBJECT_RECTILINEAR_GRID, type_code::RECTILINEAR_GRID, 3),
            (VTKWIRE_OBJECT_UNSTRUCTURED_GRID, type_code::UNSTRUCTURED_GRID, 4),
            (VTKWIRE_OBJECT_IMAGE_DATA, type_code::IMAGE_DATA, 6),
            (VTKWIRE_OBJECT_MULTIBLOCK, type_code::MULTIBLOCK, 13),
            (VTKWIRE_OBJECT_TABLE, type_code::TABLE, 19),
            (VTKWIRE_OBJECT_TREE, type_code::TREE, 21),
            (VTKWIRE_OBJECT_DIRECTED_GRAPH, type_code::DIRECTED_GRAPH, 23),
            (VTKWIRE_OBJECT_UNDIRECTED_GRAPH, type_code::UNDIRECTED_GRAPH, 24),
            (VTKWIRE_OBJECT_OVERLAPPING_AMR, type_code::OVERLAPPING_AMR, 31),
        ];
        for (c, m, vtk) in objects {
            assert_eq!((c, m), (vtk, vtk));
        }
    }
}
