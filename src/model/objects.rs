//! The twelve data object types vtkwire moves, and their validation.

use std::ffi::CStr;

use strum::{EnumCount, FromRepr, IntoStaticStr, VariantArray};

use crate::error::{Error, Result};
use crate::model::array::DataArray;
use crate::model::attributes::{Association, Attributes};
use crate::model::cells::{self, CellArray, POLYHEDRON};
use crate::model::scalar::variants;

/// Deepest multiblock nesting accepted (validation, parsing and marshaling).
pub const MAX_DEPTH: usize = 64;

/// VTK data-object type codes (reference §1.2) of the types vtkwire builds.
pub mod type_code {
    pub const POLY_DATA: i32 = 0;
    pub const STRUCTURED_POINTS: i32 = 1;
    pub const STRUCTURED_GRID: i32 = 2;
    pub const RECTILINEAR_GRID: i32 = 3;
    pub const UNSTRUCTURED_GRID: i32 = 4;
    pub const IMAGE_DATA: i32 = 6;
    pub const MULTIBLOCK: i32 = 13;
    pub const TABLE: i32 = 19;
    pub const TREE: i32 = 21;
    pub const DIRECTED_GRAPH: i32 = 23;
    pub const UNDIRECTED_GRAPH: i32 = 24;
    pub const OVERLAPPING_AMR: i32 = 31;
}

/// Point and cell counts of a structured extent `[x0 x1 y0 y1 z0 z1]`, as VTK computes them.
pub fn extent_dims(extent: &[i32; 6]) -> [usize; 3] {
    // At most 2^32 per axis: fits usize on the 64-bit targets vtkwire supports; saturates elsewhere.
    let d = |a: i32, b: i32| {
        if b >= a { usize::try_from(i64::from(b) - i64::from(a) + 1).unwrap_or(usize::MAX) } else { 0 }
    };
    [d(extent[0], extent[1]), d(extent[2], extent[3]), d(extent[4], extent[5])]
}

/// Points of an extent; saturates at `usize::MAX` (no array has that many tuples, so
/// validation then fails instead of comparing with a wrapped count).
pub fn extent_points(extent: &[i32; 6]) -> usize {
    extent_dims(extent).iter().try_fold(1usize, |n, &d| n.checked_mul(d)).unwrap_or(usize::MAX)
}

pub fn extent_cells(extent: &[i32; 6]) -> usize {
    let dims = extent_dims(extent);
    if dims.contains(&0) {
        return 0;
    }
    dims.iter().map(|&d| if d > 1 { d - 1 } else { 1 }).try_fold(1usize, |n, d| n.checked_mul(d)).unwrap_or(usize::MAX)
}

fn check_extent(extent: &[i32; 6]) -> Result<()> {
    for axis in 0..3 {
        let (a, b) = (extent[2 * axis], extent[2 * axis + 1]);
        // An empty extent is VTK's (0,-1,0,-1,0,-1) style: any max < min is "empty".
        if b < a && !(extent[1] < extent[0] && extent[3] < extent[2] && extent[5] < extent[4]) {
            return Err(Error::invalid_object(format!(
                "extent axis {axis} is [{a}, {b}]: max < min on only some axes"
            )));
        }
    }
    Ok(())
}

fn check_points(what: &str, points: &Option<DataArray>) -> Result<usize> {
    match points {
        None => Ok(0),
        Some(p) => {
            if !p.scalar_type().is_numeric() || p.components() != 3 {
                return Err(Error::invalid_object(format!(
                    "{what} points must be numeric with 3 components, got {} with {}",
                    p.scalar_type(),
                    p.components()
                )));
            }
            Ok(p.tuples())
        }
    }
}

/// `vtkImageData` / `vtkStructuredPoints`: a regular grid.
#[derive(Clone, Debug, PartialEq)]
pub struct ImageData {
    pub extent: [i32; 6],
    pub origin: [f64; 3],
    pub spacing: [f64; 3],
    /// Row-major 3×3 direction matrix (identity by default).
    pub direction: [f64; 9],
    pub point_data: Attributes,
    pub cell_data: Attributes,
    pub field_data: Attributes,
}

pub const IDENTITY: [f64; 9] = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0];

impl ImageData {
    pub fn new(extent: [i32; 6], origin: [f64; 3], spacing: [f64; 3]) -> ImageData {
        ImageData {
            extent,
            origin,
            spacing,
            direction: IDENTITY,
            point_data: Attributes::new(),
            cell_data: Attributes::new(),
            field_data: Attributes::new(),
        }
    }

    pub fn dimensions(&self) -> [usize; 3] {
        extent_dims(&self.extent)
    }

    fn validate(&self) -> Result<()> {
        check_extent(&self.extent)?;
        if self.origin.iter().chain(&self.spacing).chain(&self.direction).any(|v| !v.is_finite()) {
            return Err(Error::invalid_object("image origin, spacing and direction must be finite"));
        }
        Ok(())
    }
}

/// `vtkRectilinearGrid`: an extent and one coordinate array per axis.
#[derive(Clone, Debug, PartialEq)]
pub struct RectilinearGrid {
    pub extent: [i32; 6],
    /// X, Y and Z coordinates (numeric, 1 component; `None` = not set).
    pub coordinates: [Option<DataArray>; 3],
    pub point_data: Attributes,
    pub cell_data: Attributes,
    pub field_data: Attributes,
}

impl RectilinearGrid {
    pub fn new(extent: [i32; 6]) -> RectilinearGrid {
        RectilinearGrid {
            extent,
            coordinates: [None, None, None],
            point_data: Attributes::new(),
            cell_data: Attributes::new(),
            field_data: Attributes::new(),
        }
    }

    fn validate(&self) -> Result<()> {
        check_extent(&self.extent)?;
        let dims = extent_dims(&self.extent);
        for (axis, c) in self.coordinates.iter().enumerate() {
            let name = ["x", "y", "z"][axis];
            match c {
                Some(c) => {
                    if !c.scalar_type().is_numeric() || c.components() != 1 {
                        return Err(Error::invalid_object(format!(
                            "{name} coordinates must be numeric with 1 component"
                        )));
                    }
                    if c.tuples() != dims[axis] {
                        return Err(Error::invalid_object(format!(
                            "{name} coordinates have {} values, the extent needs {}",
                            c.tuples(),
                            dims[axis]
                        )));
                    }
                }
                None if dims[axis] > 0 && extent_points(&self.extent) > 0 => {
                    return Err(Error::invalid_object(format!(
                        "{name} coordinates are missing (the extent needs {})",
                        dims[axis]
                    )));
                }
                None => {}
            }
        }
        Ok(())
    }
}

/// `vtkStructuredGrid`: an extent and explicit points.
#[derive(Clone, Debug, PartialEq)]
pub struct StructuredGrid {
    pub extent: [i32; 6],
    pub points: Option<DataArray>,
    pub point_data: Attributes,
    pub cell_data: Attributes,
    pub field_data: Attributes,
}

impl StructuredGrid {
    pub fn new(extent: [i32; 6]) -> StructuredGrid {
        StructuredGrid {
            extent,
            points: None,
            point_data: Attributes::new(),
            cell_data: Attributes::new(),
            field_data: Attributes::new(),
        }
    }

    fn validate(&self) -> Result<()> {
        check_extent(&self.extent)?;
        let n = check_points("structured grid", &self.points)?;
        let need = extent_points(&self.extent);
        if n != need {
            return Err(Error::invalid_object(format!("structured grid has {n} points, its extent needs {need}")));
        }
        Ok(())
    }
}

/// Which of the four poly data cell arrays (the code indexes [`PolyData::cells`]).
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, FromRepr, VariantArray, EnumCount, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum PolyCells {
    Verts = 0,
    Lines = 1,
    Polys = 2,
    Strips = 3,
}

impl PolyCells {
    pub const ALL: [PolyCells; <PolyCells as EnumCount>::COUNT] = variants();

    pub fn from_code(code: i32) -> Option<PolyCells> {
        PolyCells::from_repr(code)
    }

    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// `vtkPolyData`: points and four cell arrays.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PolyData {
    pub points: Option<DataArray>,
    /// Verts, lines, polys, strips (index with `PolyCells as usize`).
    pub cells: [CellArray; 4],
    pub point_data: Attributes,
    pub cell_data: Attributes,
    pub field_data: Attributes,
}

impl PolyData {
    pub fn num_cells(&self) -> usize {
        self.cells.iter().map(CellArray::len).sum()
    }

    fn validate(&self) -> Result<()> {
        let n = check_points("poly data", &self.points)?;
        for kind in PolyCells::ALL {
            self.cells[kind as usize].validate(kind.name(), n)?;
        }
        Ok(())
    }
}

/// `vtkUnstructuredGrid`: points, one cell array and a type per cell. A polyhedron's
/// connectivity entry is its face stream `[nFaces, n0, ids…, n1, ids…]` (legacy 5.1 layout).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct UnstructuredGrid {
    pub points: Option<DataArray>,
    pub cells: CellArray,
    pub cell_types: Vec<u8>,
    pub point_data: Attributes,
    pub cell_data: Attributes,
    pub field_data: Attributes,
}

impl UnstructuredGrid {
    fn validate(&self) -> Result<()> {
        let n = check_points("unstructured grid", &self.points)?;
        self.cells.validate("cells", usize::MAX)?;
        if self.cell_types.len() != self.cells.len() {
            return Err(Error::invalid_object(format!(
                "{} cell types for {} cells",
                self.cell_types.len(),
                self.cells.len()
            )));
        }
        for (i, (&ty, ids)) in self.cell_types.iter().zip(self.cells.iter()).enumerate() {
            let expect = cells::cell_type_points(ty)
                .map_err(|_| Error::invalid_object(format!("cell {i}: unknown cell type {ty}")))?;
            if ty == POLYHEDRON {
                let pts = cells::polyhedron_points(ids).map_err(|e| e.context(format_args!("cell {i}")))?;
                cells::check_ids(&format!("cell {i} (polyhedron)"), &pts, n)?;
                continue;
            }
            if let Some(k) = expect
                && ids.len() != k
            {
                return Err(Error::invalid_object(format!(
                    "cell {i}: a {} has {k} points, got {}",
                    cells::cell_type_name(ty),
                    ids.len()
                )));
            }
            cells::check_ids(&format!("cell {i}"), ids, n)?;
        }
        Ok(())
    }
}

/// `vtkTable`: columns in the row data, all of the same length.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    pub row_data: Attributes,
    pub field_data: Attributes,
}

impl Table {
    pub fn num_rows(&self) -> usize {
        self.row_data.get(0).map_or(0, DataArray::tuples)
    }
}

/// `vtkDirectedGraph`, `vtkUndirectedGraph` and `vtkTree`: vertices `0..num_vertices`, edges
/// `(source, target)` in edge-id order (for a tree: `(parent, child)`), optional points.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Graph {
    pub num_vertices: usize,
    /// Flat pairs: `[s0, t0, s1, t1, …]`.
    pub edges: crate::model::array::Buffer<i64>,
    pub points: Option<DataArray>,
    pub vertex_data: Attributes,
    pub edge_data: Attributes,
    pub field_data: Attributes,
}

impl Graph {
    pub fn new(num_vertices: usize, edges: Vec<[i64; 2]>) -> Graph {
        Graph { num_vertices, edges: edges.into_iter().flatten().collect::<Vec<_>>().into(), ..Graph::default() }
    }

    pub fn num_edges(&self) -> usize {
        self.edges.len() / 2
    }

    pub fn edge(&self, i: usize) -> Option<[i64; 2]> {
        let e = self.edges.as_slice();
        (2 * i + 1 < e.len()).then(|| [e[2 * i], e[2 * i + 1]])
    }

    fn validate(&self, tree: bool) -> Result<()> {
        let e = self.edges.as_slice();
        if !e.len().is_multiple_of(2) {
            return Err(Error::invalid_object(format!("{} edge entries is not a whole number of pairs", e.len())));
        }
        if let Some(k) = e.iter().position(|&id| id as u64 >= self.num_vertices as u64) {
            return Err(Error::invalid_object(format!(
                "edge {} {}: {} is not a vertex id (there are {} vertices)",
                k / 2,
                if k % 2 == 0 { "source" } else { "target" },
                e[k],
                self.num_vertices
            )));
        }
        if let Some(p) = &self.points {
            let n = check_points("graph", &Some(p.clone()))?;
            if n != self.num_vertices {
                return Err(Error::invalid_object(format!(
                    "graph has {} points for {} vertices",
                    n, self.num_vertices
                )));
            }
        }
        if tree {
            self.validate_tree()?;
        }
        Ok(())
    }

    fn validate_tree(&self) -> Result<()> {
        let nv = self.num_vertices;
        let ne = self.num_edges();
        if nv == 0 {
            return if ne == 0 { Ok(()) } else { Err(Error::invalid_object("a tree without vertices has edges")) };
        }
        if ne != nv - 1 {
            return Err(Error::invalid_object(format!("a tree with {nv} vertices needs {} edges, got {ne}", nv - 1)));
        }
        let mut parent = vec![usize::MAX; nv];
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); nv];
        for i in 0..ne {
            let [p, c] = self.edge(i).unwrap_or([0, 0]);
            // Ids were checked against 0..num_vertices by `validate`.
            let (Ok(p), Ok(c)) = (usize::try_from(p), usize::try_from(c)) else {
                return Err(Error::invalid_object(format!("tree edge {i}: negative vertex id")));
            };
            if parent[c] != usize::MAX {
                return Err(Error::invalid_object(format!(
                    "tree edge {i}: vertex {c} already has parent {}",
                    parent[c]
                )));
            }
            parent[c] = p;
            children[p].push(c);
        }
        let roots: Vec<usize> = (0..nv).filter(|&v| parent[v] == usize::MAX).collect();
        if roots.len() != 1 {
            return Err(Error::invalid_object(format!("a tree needs exactly one root, found {}", roots.len())));
        }
        let mut seen = vec![false; nv];
        let mut stack = vec![roots[0]];
        let mut count = 0;
        while let Some(v) = stack.pop() {
            if seen[v] {
                continue;
            }
            seen[v] = true;
            count += 1;
            stack.extend(children[v].iter().copied());
        }
        if count != nv {
            let v = seen.iter().position(|s| !s).unwrap_or(0);
            return Err(Error::invalid_object(format!(
                "tree has a cycle: vertex {v} is not reachable from root {}",
                roots[0]
            )));
        }
        Ok(())
    }
}

/// One block of a multiblock data set: an optional name and an optional (null) object.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Block {
    pub name: Option<String>,
    pub object: Option<Box<DataObject>>,
}

/// `vtkMultiBlockDataSet`: an ordered list of named, possibly null, possibly nested blocks.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct MultiBlock {
    pub blocks: Vec<Block>,
    pub field_data: Attributes,
}

/// One block of an AMR level: its cell-index box `[lo_i lo_j lo_k hi_i hi_j hi_k]` and,
/// if present locally, its uniform grid. Blanking travels as the grid's `vtkGhostType` cell array.
#[derive(Clone, Debug, PartialEq)]
pub struct AmrBlock {
    pub bbox: [i32; 6],
    pub grid: Option<ImageData>,
}

/// One AMR level.
#[derive(Clone, Debug, PartialEq)]
pub struct AmrLevel {
    pub spacing: [f64; 3],
    /// Refinement ratio to the next finer level (VTK derives it from spacings).
    pub refinement_ratio: i32,
    pub blocks: Vec<AmrBlock>,
}

/// `vtkOverlappingAMR` (the marshalable member of VTK's uniform-grid AMR family).
#[derive(Clone, Debug, PartialEq)]
pub struct Amr {
    /// vtkStructuredData grid description (8 = XYZ).
    pub grid_description: i32,
    pub origin: [f64; 3],
    pub levels: Vec<AmrLevel>,
    pub field_data: Attributes,
}

impl Amr {
    pub fn new(origin: [f64; 3], grid_description: i32) -> Amr {
        Amr { grid_description, origin, levels: Vec::new(), field_data: Attributes::new() }
    }

    pub fn num_blocks(&self) -> usize {
        self.levels.iter().map(|l| l.blocks.len()).sum()
    }

    /// Checks one block (`l`, `b` name it in messages): box order, grid validity, and that the
    /// grid's points match the box's cells + 1 per axis.
    pub fn validate_block(l: usize, b: usize, block: &AmrBlock) -> Result<()> {
        let at = || format!("AMR level {l} block {b}");
        let bx = block.bbox;
        if (0..3).any(|a| bx[a + 3] < bx[a]) {
            return Err(Error::invalid_object(format!("{}: box {bx:?} has hi < lo", at())));
        }
        if let Some(g) = &block.grid {
            g.validate().map_err(|e| e.context(at()))?;
            let dims = g.dimensions();
            for a in 0..3 {
                let cells = usize::try_from(i64::from(bx[a + 3]) - i64::from(bx[a]) + 1)
                    .map_err(|_| Error::invalid_object(format!("{}: box {bx:?} is too large", at())))?;
                if dims[a] != cells + 1 && !(dims[a] == 1 && cells == 1) {
                    return Err(Error::invalid_object(format!(
                        "{}: axis {a} of the box has {cells} cells but the grid has {} points",
                        at(),
                        dims[a]
                    )));
                }
            }
            validate_dataset_attributes(&g.point_data, &g.cell_data, extent_points(&g.extent), extent_cells(&g.extent))
                .map_err(|e| e.context(at()))?;
            g.field_data.validate("field data", None).map_err(|e| e.context(at()))?;
        }
        Ok(())
    }

    fn validate(&self) -> Result<()> {
        if !(0..=9).contains(&self.grid_description) {
            return Err(Error::invalid_object(format!("grid description {} is not 0..9", self.grid_description)));
        }
        for (l, level) in self.levels.iter().enumerate() {
            if level.spacing.iter().any(|s| !s.is_finite() || *s <= 0.0) {
                return Err(Error::invalid_object(format!("AMR level {l}: spacing must be positive")));
            }
            if level.refinement_ratio < 1 {
                return Err(Error::invalid_object(format!("AMR level {l}: refinement ratio must be ≥ 1")));
            }
            for (b, block) in level.blocks.iter().enumerate() {
                Amr::validate_block(l, b, block)?;
            }
        }
        Ok(())
    }
}

/// Any data object vtkwire can build, marshal and send.
#[derive(Clone, Debug, PartialEq)]
pub enum DataObject {
    ImageData(ImageData),
    StructuredPoints(ImageData),
    RectilinearGrid(RectilinearGrid),
    StructuredGrid(StructuredGrid),
    PolyData(PolyData),
    UnstructuredGrid(UnstructuredGrid),
    Table(Table),
    DirectedGraph(Graph),
    UndirectedGraph(Graph),
    Tree(Graph),
    MultiBlock(MultiBlock),
    OverlappingAmr(Amr),
}

fn validate_dataset_attributes(pd: &Attributes, cd: &Attributes, points: usize, cells: usize) -> Result<()> {
    pd.validate("point data", Some(points))?;
    cd.validate("cell data", Some(cells))
}

impl DataObject {
    /// VTK's data-object type code (reference §1.2) and class name: the one table of both.
    fn vtk_type(&self) -> (i32, &'static CStr) {
        use type_code::*;
        match self {
            DataObject::ImageData(_) => (IMAGE_DATA, c"vtkImageData"),
            DataObject::StructuredPoints(_) => (STRUCTURED_POINTS, c"vtkStructuredPoints"),
            DataObject::RectilinearGrid(_) => (RECTILINEAR_GRID, c"vtkRectilinearGrid"),
            DataObject::StructuredGrid(_) => (STRUCTURED_GRID, c"vtkStructuredGrid"),
            DataObject::PolyData(_) => (POLY_DATA, c"vtkPolyData"),
            DataObject::UnstructuredGrid(_) => (UNSTRUCTURED_GRID, c"vtkUnstructuredGrid"),
            DataObject::Table(_) => (TABLE, c"vtkTable"),
            DataObject::DirectedGraph(_) => (DIRECTED_GRAPH, c"vtkDirectedGraph"),
            DataObject::UndirectedGraph(_) => (UNDIRECTED_GRAPH, c"vtkUndirectedGraph"),
            DataObject::Tree(_) => (TREE, c"vtkTree"),
            DataObject::MultiBlock(_) => (MULTIBLOCK, c"vtkMultiBlockDataSet"),
            DataObject::OverlappingAmr(_) => (OVERLAPPING_AMR, c"vtkOverlappingAMR"),
        }
    }

    /// VTK's data-object type code (reference §1.2).
    pub fn type_code(&self) -> i32 {
        self.vtk_type().0
    }

    /// VTK's class name ("vtkPolyData"…).
    pub fn class_name(&self) -> &'static str {
        // The names are ASCII literals: the conversion cannot fail.
        self.vtk_type().1.to_str().unwrap_or_default()
    }

    /// VTK's class name, NUL-terminated with static storage (for the C API).
    pub fn class_name_c(&self) -> &'static CStr {
        self.vtk_type().1
    }

    /// Whether VTK gives this type a 3D extent (and Marshal an EXTENT block).
    pub fn has_extent(&self) -> bool {
        self.extent().is_some()
    }

    pub fn extent(&self) -> Option<[i32; 6]> {
        match self {
            DataObject::ImageData(i) | DataObject::StructuredPoints(i) => Some(i.extent),
            DataObject::RectilinearGrid(r) => Some(r.extent),
            DataObject::StructuredGrid(s) => Some(s.extent),
            _ => None,
        }
    }

    pub fn field_data(&self) -> &Attributes {
        self.attributes(Association::Field).unwrap_or_else(|| unreachable!("every object has field data"))
    }

    /// The attribute collection for `assoc`, if this type has one.
    pub fn attributes(&self, assoc: Association) -> Option<&Attributes> {
        use Association::*;
        use DataObject as D;
        Some(match (self, assoc) {
            (D::ImageData(o) | D::StructuredPoints(o), Point) => &o.point_data,
            (D::ImageData(o) | D::StructuredPoints(o), Cell) => &o.cell_data,
            (D::ImageData(o) | D::StructuredPoints(o), Field) => &o.field_data,
            (D::RectilinearGrid(o), Point) => &o.point_data,
            (D::RectilinearGrid(o), Cell) => &o.cell_data,
            (D::RectilinearGrid(o), Field) => &o.field_data,
            (D::StructuredGrid(o), Point) => &o.point_data,
            (D::StructuredGrid(o), Cell) => &o.cell_data,
            (D::StructuredGrid(o), Field) => &o.field_data,
            (D::PolyData(o), Point) => &o.point_data,
            (D::PolyData(o), Cell) => &o.cell_data,
            (D::PolyData(o), Field) => &o.field_data,
            (D::UnstructuredGrid(o), Point) => &o.point_data,
            (D::UnstructuredGrid(o), Cell) => &o.cell_data,
            (D::UnstructuredGrid(o), Field) => &o.field_data,
            (D::Table(o), Row) => &o.row_data,
            (D::Table(o), Field) => &o.field_data,
            (D::DirectedGraph(o) | D::UndirectedGraph(o) | D::Tree(o), Vertex) => &o.vertex_data,
            (D::DirectedGraph(o) | D::UndirectedGraph(o) | D::Tree(o), Edge) => &o.edge_data,
            (D::DirectedGraph(o) | D::UndirectedGraph(o) | D::Tree(o), Field) => &o.field_data,
            (D::MultiBlock(o), Field) => &o.field_data,
            (D::OverlappingAmr(o), Field) => &o.field_data,
            _ => return None,
        })
    }

    pub fn attributes_mut(&mut self, assoc: Association) -> Option<&mut Attributes> {
        use Association::*;
        use DataObject as D;
        Some(match (self, assoc) {
            (D::ImageData(o) | D::StructuredPoints(o), Point) => &mut o.point_data,
            (D::ImageData(o) | D::StructuredPoints(o), Cell) => &mut o.cell_data,
            (D::ImageData(o) | D::StructuredPoints(o), Field) => &mut o.field_data,
            (D::RectilinearGrid(o), Point) => &mut o.point_data,
            (D::RectilinearGrid(o), Cell) => &mut o.cell_data,
            (D::RectilinearGrid(o), Field) => &mut o.field_data,
            (D::StructuredGrid(o), Point) => &mut o.point_data,
            (D::StructuredGrid(o), Cell) => &mut o.cell_data,
            (D::StructuredGrid(o), Field) => &mut o.field_data,
            (D::PolyData(o), Point) => &mut o.point_data,
            (D::PolyData(o), Cell) => &mut o.cell_data,
            (D::PolyData(o), Field) => &mut o.field_data,
            (D::UnstructuredGrid(o), Point) => &mut o.point_data,
            (D::UnstructuredGrid(o), Cell) => &mut o.cell_data,
            (D::UnstructuredGrid(o), Field) => &mut o.field_data,
            (D::Table(o), Row) => &mut o.row_data,
            (D::Table(o), Field) => &mut o.field_data,
            (D::DirectedGraph(o) | D::UndirectedGraph(o) | D::Tree(o), Vertex) => &mut o.vertex_data,
            (D::DirectedGraph(o) | D::UndirectedGraph(o) | D::Tree(o), Edge) => &mut o.edge_data,
            (D::DirectedGraph(o) | D::UndirectedGraph(o) | D::Tree(o), Field) => &mut o.field_data,
            (D::MultiBlock(o), Field) => &mut o.field_data,
            (D::OverlappingAmr(o), Field) => &mut o.field_data,
            _ => return None,
        })
    }

    /// The number of tuples arrays of `assoc` must have (points, cells, rows, vertices,
    /// edges); `None` for field data and for associations the type does not have.
    pub fn count(&self, assoc: Association) -> Option<usize> {
        use Association::*;
        use DataObject as D;
        Some(match (self, assoc) {
            (D::ImageData(o) | D::StructuredPoints(o), Point) => extent_points(&o.extent),
            (D::ImageData(o) | D::StructuredPoints(o), Cell) => extent_cells(&o.extent),
            (D::RectilinearGrid(o), Point) => extent_points(&o.extent),
            (D::RectilinearGrid(o), Cell) => extent_cells(&o.extent),
            (D::StructuredGrid(o), Point) => extent_points(&o.extent),
            (D::StructuredGrid(o), Cell) => extent_cells(&o.extent),
            (D::PolyData(o), Point) => o.points.as_ref().map_or(0, DataArray::tuples),
            (D::PolyData(o), Cell) => o.num_cells(),
            (D::UnstructuredGrid(o), Point) => o.points.as_ref().map_or(0, DataArray::tuples),
            (D::UnstructuredGrid(o), Cell) => o.cells.len(),
            (D::Table(o), Row) => o.num_rows(),
            (D::DirectedGraph(o) | D::UndirectedGraph(o) | D::Tree(o), Vertex) => o.num_vertices,
            (D::DirectedGraph(o) | D::UndirectedGraph(o) | D::Tree(o), Edge) => o.num_edges(),
            (D::MultiBlock(o), Field) => return Some(o.blocks.len()).filter(|_| false),
            _ => return None,
        })
    }

    /// Points of point-based types (poly data, unstructured/structured grid, graphs, trees).
    pub fn points(&self) -> Option<&DataArray> {
        match self {
            DataObject::PolyData(o) => o.points.as_ref(),
            DataObject::UnstructuredGrid(o) => o.points.as_ref(),
            DataObject::StructuredGrid(o) => o.points.as_ref(),
            DataObject::DirectedGraph(o) | DataObject::UndirectedGraph(o) | DataObject::Tree(o) => o.points.as_ref(),
            _ => None,
        }
    }

    /// Mutable points slot, if this type has explicit points.
    pub fn points_slot(&mut self) -> Option<&mut Option<DataArray>> {
        match self {
            DataObject::PolyData(o) => Some(&mut o.points),
            DataObject::UnstructuredGrid(o) => Some(&mut o.points),
            DataObject::StructuredGrid(o) => Some(&mut o.points),
            DataObject::DirectedGraph(o) | DataObject::UndirectedGraph(o) | DataObject::Tree(o) => Some(&mut o.points),
            _ => None,
        }
    }

    /// How many multiblock levels lie below this object (0 for a non-composite, 1 for a
    /// multiblock of leaves…): nesting is refused beyond [`MAX_DEPTH`].
    pub fn depth(&self) -> usize {
        match self {
            DataObject::MultiBlock(m) => {
                1 + m.blocks.iter().filter_map(|b| b.object.as_deref()).map(DataObject::depth).max().unwrap_or(0)
            }
            _ => 0,
        }
    }

    /// Checks every invariant; the error names what is wrong and where.
    pub fn validate(&self) -> Result<()> {
        self.validate_at(0)
    }

    fn validate_at(&self, depth: usize) -> Result<()> {
        if depth > MAX_DEPTH {
            return Err(Error::invalid_object(format!("multiblock nesting deeper than {MAX_DEPTH}")));
        }
        let what = self.class_name();
        let inner = || -> Result<()> {
            match self {
                DataObject::ImageData(o) | DataObject::StructuredPoints(o) => o.validate()?,
                DataObject::RectilinearGrid(o) => o.validate()?,
                DataObject::StructuredGrid(o) => o.validate()?,
                DataObject::PolyData(o) => o.validate()?,
                DataObject::UnstructuredGrid(o) => o.validate()?,
                DataObject::Table(o) => {
                    let n = o.num_rows();
                    o.row_data.validate("row data", Some(n))?;
                }
                DataObject::DirectedGraph(o) | DataObject::UndirectedGraph(o) => o.validate(false)?,
                DataObject::Tree(o) => o.validate(true)?,
                DataObject::MultiBlock(o) => {
                    for (i, b) in o.blocks.iter().enumerate() {
                        if let Some(child) = &b.object {
                            child.validate_at(depth + 1).map_err(|e| e.context(format_args!("block {i}")))?;
                        }
                    }
                }
                DataObject::OverlappingAmr(o) => o.validate()?,
            }
            for assoc in
                [Association::Point, Association::Cell, Association::Row, Association::Vertex, Association::Edge]
            {
                if let (Some(attrs), Some(n)) = (self.attributes(assoc), self.count(assoc))
                    && assoc != Association::Row
                {
                    attrs.validate(assoc.name(), Some(n))?;
                }
            }
            self.field_data().validate("field data", None)
        };
        inner().map_err(|e| e.context(what))
    }

    /// A one-line human summary: type, counts, arrays.
    pub fn summary(&self) -> String {
        let mut s = format!("{} (type {})", self.class_name(), self.type_code());
        let mut counts = Vec::new();
        for assoc in [Association::Point, Association::Cell, Association::Row, Association::Vertex, Association::Edge] {
            if let Some(n) = self.count(assoc) {
                let label = match assoc {
                    Association::Point => "points",
                    Association::Cell => "cells",
                    Association::Row => "rows",
                    Association::Vertex => "vertices",
                    _ => "edges",
                };
                counts.push(plural(n, label));
            }
        }
        match self {
            DataObject::MultiBlock(m) => counts.push(plural(m.blocks.len(), "blocks")),
            DataObject::OverlappingAmr(a) => {
                counts.push(plural(a.levels.len(), "levels"));
                counts.push(plural(a.num_blocks(), "blocks"));
            }
            _ => {}
        }
        if let Some(e) = self.extent() {
            counts.push(format!("extent {e:?}"));
        }
        let arrays: usize = Association::ALL.iter().filter_map(|a| self.attributes(*a)).map(Attributes::len).sum();
        counts.push(plural(arrays, "arrays"));
        s.push_str(": ");
        s.push_str(&counts.join(", "));
        s
    }
}

/// "1 cell", "2 cells", "1 vertex", "3 vertices".
fn plural(n: usize, label: &str) -> String {
    if n != 1 {
        return format!("{n} {label}");
    }
    let one = match label {
        "vertices" => "vertex",
        l => l.strip_suffix('s').unwrap_or(l),
    };
    format!("{n} {one}")
}
