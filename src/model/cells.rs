//! Cell storage: offsets + connectivity (VTK 9's layout) and VTK's cell type codes.

use crate::error::{Error, Result};
use crate::model::array::Buffer;

/// VTK's polyhedron cell type; its connectivity entry is a face stream.
pub const POLYHEDRON: u8 = 42;

/// VTK does not know this cell type code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownCellType(pub u8);

/// VTK's cell types (`vtkCellType.h`): for each code VTK knows, a name for messages and the
/// points a cell of that type must have (`None` when the count varies). The one table of cell
/// kinds; [`cell_type_points`] and [`cell_type_name`] read it.
fn cell_kind(ty: u8) -> Option<(&'static str, Option<usize>)> {
    Some(match ty {
        0 => ("empty cell", Some(0)),
        1 => ("vertex", Some(1)),
        2 => ("poly-vertex", None),
        3 => ("line", Some(2)),
        4 => ("poly-line", None),
        5 => ("triangle", Some(3)),
        6 => ("triangle strip", None),
        7 => ("polygon", None),
        8 => ("pixel", Some(4)),
        9 => ("quad", Some(4)),
        10 => ("tetra", Some(4)),
        11 => ("voxel", Some(8)),
        12 => ("hexahedron", Some(8)),
        13 => ("wedge", Some(6)),
        14 => ("pyramid", Some(5)),
        15 => ("pentagonal prism", Some(10)),
        16 => ("hexagonal prism", Some(12)),
        21 => ("quadratic edge", Some(3)),
        22 => ("quadratic triangle", Some(6)),
        23 => ("quadratic quad", Some(8)),
        24 => ("quadratic tetra", Some(10)),
        25 => ("quadratic hexahedron", Some(20)),
        26 => ("quadratic wedge", Some(15)),
        27 => ("quadratic pyramid", Some(13)),
        28 => ("biquadratic quad", Some(9)),
        29 => ("triquadratic hexahedron", Some(27)),
        30 => ("quadratic linear quad", Some(6)),
        31 => ("quadratic linear wedge", Some(12)),
        32 => ("biquadratic quadratic wedge", Some(18)),
        33 => ("biquadratic quadratic hexahedron", Some(24)),
        34 => ("biquadratic triangle", Some(7)),
        35 => ("cubic line", Some(4)),
        36 => ("quadratic polygon", None),
        37 => ("triquadratic pyramid", Some(19)),
        41 => ("convex point set", None),
        42 => ("polyhedron", None),
        51..=56 => ("parametric cell", None),
        60..=67 => ("higher-order cell", None),
        68..=74 => ("Lagrange cell", None),
        75..=81 => ("Bezier cell", None),
        _ => return None,
    })
}

/// Points a cell of this type must have, `Some(0)` for the empty cell, `None` when the count
/// varies; `Err` when VTK does not know the type.
pub fn cell_type_points(ty: u8) -> std::result::Result<Option<usize>, UnknownCellType> {
    cell_kind(ty).map(|(_, points)| points).ok_or(UnknownCellType(ty))
}

/// The name of a cell type, for messages.
pub fn cell_type_name(ty: u8) -> &'static str {
    cell_kind(ty).map_or("cell", |(name, _)| name)
}

/// Cells as VTK 9 stores them: `offsets` (cells + 1 entries, from 0 to the connectivity
/// length, non-decreasing) and `connectivity` (point ids). No cells: both empty.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct CellArray {
    offsets: Buffer<i64>,
    connectivity: Buffer<i64>,
}

impl CellArray {
    /// Builds and checks a cell array. `offsets == [0]` with empty connectivity is accepted as
    /// "no cells" and stored empty.
    pub fn new(offsets: Buffer<i64>, connectivity: Buffer<i64>) -> Result<CellArray> {
        let cells = CellArray { offsets, connectivity };
        cells.check_layout()?;
        if cells.offsets.len() == 1 {
            return Ok(CellArray::default());
        }
        Ok(cells)
    }

    /// From VTK's older "legacy" layout `[n, id…, n, id…]`.
    pub fn from_legacy(stream: &[i64]) -> Result<CellArray> {
        let mut offsets = vec![0i64];
        let mut conn = Vec::with_capacity(stream.len());
        let mut i = 0usize;
        while i < stream.len() {
            let n = stream[i];
            let n = usize::try_from(n).map_err(|_| Error::invalid_argument(format!("cell size {n} at entry {i}")))?;
            let end = i
                .checked_add(1 + n)
                .filter(|&e| e <= stream.len())
                .ok_or_else(|| Error::invalid_argument(format!("cell at entry {i} claims {n} points past the end")))?;
            conn.extend_from_slice(&stream[i + 1..end]);
            offsets.push(i64::try_from(conn.len()).map_err(|_| Error::out_of_range("connectivity longer than int64"))?);
            i = end;
        }
        CellArray::new(offsets.into(), conn.into())
    }

    pub fn offsets(&self) -> &[i64] {
        self.offsets.as_slice()
    }

    pub fn connectivity(&self) -> &[i64] {
        self.connectivity.as_slice()
    }

    pub fn offsets_buffer(&self) -> &Buffer<i64> {
        &self.offsets
    }

    pub fn connectivity_buffer(&self) -> &Buffer<i64> {
        &self.connectivity
    }

    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Point ids of cell `i`.
    pub fn cell(&self, i: usize) -> Option<&[i64]> {
        let o = self.offsets();
        if i + 1 >= o.len() {
            return None;
        }
        self.connectivity().get(usize::try_from(o[i]).ok()?..usize::try_from(o[i + 1]).ok()?)
    }

    pub fn iter(&self) -> impl Iterator<Item = &[i64]> + '_ {
        (0..self.len()).filter_map(move |i| self.cell(i))
    }

    fn check_layout(&self) -> Result<()> {
        let o = self.offsets();
        let nconn = self.connectivity().len();
        if o.is_empty() {
            if nconn != 0 {
                return Err(Error::invalid_argument(format!("no offsets but {nconn} connectivity entries")));
            }
            return Ok(());
        }
        if o[0] != 0 {
            return Err(Error::invalid_argument(format!("offsets[0] is {}, must be 0", o[0])));
        }
        // Branch-free scan (vectorizes); the position is looked up only on failure.
        let decreasing = o[..o.len() - 1].iter().zip(&o[1..]).fold(false, |bad, (a, b)| bad | (b < a));
        if decreasing {
            let i = o.windows(2).position(|w| w[1] < w[0]).unwrap_or(0);
            return Err(Error::invalid_argument(format!(
                "offsets decrease at index {}: {} after {}",
                i + 1,
                o[i + 1],
                o[i]
            )));
        }
        let last = o[o.len() - 1];
        if usize::try_from(last).ok() != Some(nconn) {
            return Err(Error::invalid_argument(format!("last offset is {last}, connectivity has {nconn} entries")));
        }
        Ok(())
    }

    /// A cell array whose offsets the caller has already checked: non-decreasing, starting at
    /// 0 and ending at the connectivity length (the reader checks them while decoding).
    pub(crate) fn from_checked(offsets: Vec<i64>, connectivity: Vec<i64>) -> CellArray {
        debug_assert!(
            CellArray { offsets: offsets.clone().into(), connectivity: connectivity.clone().into() }
                .check_layout()
                .is_ok()
        );
        if offsets.len() <= 1 {
            return CellArray::default();
        }
        CellArray { offsets: offsets.into(), connectivity: connectivity.into() }
    }

    /// Checks layout and that every id is in `0..points` (`what` names the cell array).
    pub fn validate(&self, what: &str, points: usize) -> Result<()> {
        self.check_layout().map_err(|e| Error::invalid_object(format!("{what}: {}", e.message)))?;
        check_ids(what, self.connectivity(), points)
    }
}

/// Every id in `0..points`, else an error naming the first bad entry.
pub fn check_ids(what: &str, ids: &[i64], points: usize) -> Result<()> {
    // Unsigned compare: negatives wrap above any valid count.
    let bad = ids.iter().position(|&id| id as u64 >= points as u64);
    if let Some(k) = bad {
        return Err(Error::invalid_object(format!(
            "{what}: connectivity[{k}] = {} is not a point id (there are {points} points)",
            ids[k]
        )));
    }
    Ok(())
}

/// Checks one polyhedron face stream `[nFaces, n0, ids…, n1, ids…]` and returns its
/// distinct point ids in order of first appearance.
pub fn polyhedron_points(stream: &[i64]) -> Result<Vec<i64>> {
    let bad = |m: String| Error::invalid_object(format!("polyhedron face stream: {m}"));
    let nfaces = *stream.first().ok_or_else(|| bad("empty".into()))?;
    let nfaces = usize::try_from(nfaces).map_err(|_| bad(format!("{nfaces} faces")))?;
    let mut pos = 1usize;
    let mut seen = Vec::new();
    for f in 0..nfaces {
        let n = *stream.get(pos).ok_or_else(|| bad(format!("face {f} is missing")))?;
        let n = usize::try_from(n).map_err(|_| bad(format!("face {f} has {n} points")))?;
        let ids = stream
            .get(pos + 1..pos.saturating_add(1).saturating_add(n))
            .ok_or_else(|| bad(format!("face {f} claims {n} points past the end")))?;
        for &id in ids {
            if !seen.contains(&id) {
                seen.push(id);
            }
        }
        pos += 1 + n;
    }
    if pos != stream.len() {
        return Err(bad(format!("{} entries left after {nfaces} faces", stream.len() - pos)));
    }
    Ok(seen)
}
