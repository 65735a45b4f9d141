//! The data model: VTK's data objects and arrays as safe Rust values (no MPI, no pointers).

pub mod array;
pub mod attributes;
pub mod cells;
pub mod grid;
pub mod objects;
pub mod scalar;

pub use array::{
    ArrayData, Bits, Buffer, DataArray, External, InfoEntry, InfoValue, IntoArrayData, LookupTable, Scalar, ScalarType,
    Variant,
};
pub use attributes::{Association, AttributeRole, Attributes};
pub use cells::CellArray;
pub use grid::extent_shape;
pub use objects::{
    Amr, AmrBlock, AmrLevel, Block, DataObject, Graph, IDENTITY, ImageData, MAX_DEPTH, MultiBlock, PolyCells, PolyData,
    RectilinearGrid, StructuredGrid, Table, UnstructuredGrid, extent_cells, extent_dims, extent_points, type_code,
};
