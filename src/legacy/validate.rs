//! Validation at payload speed. [`DataObject::validate`] walks every cell and formats a label
//! per cell; on a million cells that costs more than marshaling them. [`light`] checks the same
//! invariants in tight loops, except what the caller checks while it moves the cells anyway:
//! the writer checks offsets (layout, cell sizes) and connectivity ids (in `0..points`) in the
//! pass that byte-swaps them, block by block while each block is in L1; the reader checks ids
//! while it decodes them (and `CellArray::new` has checked the layout).
//!
//! `light` never decides that an object is invalid: whenever it (or a fused check) finds
//! anything unusual, the caller runs [`DataObject::validate`], whose verdict and message are the
//! reference. So these functions only need to be exact in one direction: `light` returning
//! true plus the caller's fused checks passing implies that `DataObject::validate` accepts the
//! object.
//!
//! It runs on every object the reader builds, so it follows the reader's rule: no indexing,
//! unwrapping or panics (enforced below).

#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::OnceLock;

use super::encode::{ID_BLOCK, ids_below};
use crate::model::cells::{POLYHEDRON, cell_type_points};
use crate::model::{Association, CellArray, DataArray, DataObject, MAX_DEPTH};

/// What [`light`] leaves to its caller, for the cell arrays of poly data and unstructured
/// grids (at any depth).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Deferred {
    /// Connectivity ids only (`marshaled_len`, which then runs [`ids_in_range`]).
    Ids,
    /// Ids, and the layout, which `CellArray::new` already checked (the reader's own objects).
    IdsTrustedLayout,
    /// Ids, layout and unstructured cell sizes: the writer's fused pass ([`offsets_ok`]).
    Cells,
}

/// True when `obj` passes every check of [`DataObject::validate`] except the `deferred` ones.
/// False when the full validation must run (invalid, or unusual: polyhedra, deep nesting).
pub(crate) fn light(obj: &DataObject, deferred: Deferred) -> bool {
    light_at(obj, deferred, 0)
}

fn light_at(obj: &DataObject, deferred: Deferred, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    let layout = |c: &CellArray| match deferred {
        Deferred::Ids => layout_ok(c),
        Deferred::IdsTrustedLayout => true,
        // The writer skips empty cell arrays: check those here (O(1)).
        Deferred::Cells => !c.is_empty() || layout_ok(c),
    };
    let own = match obj {
        DataObject::PolyData(o) => points_ok(o.points.as_ref()) && o.cells.iter().all(layout),
        DataObject::UnstructuredGrid(o) => {
            points_ok(o.points.as_ref())
                && o.cell_types.len() == o.cells.len()
                && !o.cell_types.contains(&POLYHEDRON)
                && layout(&o.cells)
                && (deferred == Deferred::Cells || sizes_ok(o.cells.offsets(), &o.cell_types))
        }
        DataObject::MultiBlock(o) => {
            o.blocks.iter().all(|b| b.object.as_deref().is_none_or(|c| light_at(c, deferred, depth + 1)))
        }
        // No per-cell work in these: the reference validation is cheap.
        other => return other.validate().is_ok(),
    };
    own && attributes_ok(obj)
}

/// The attribute part of `DataObject::validate`.
fn attributes_ok(obj: &DataObject) -> bool {
    for assoc in [Association::Point, Association::Cell, Association::Vertex, Association::Edge] {
        if let (Some(attrs), Some(n)) = (obj.attributes(assoc), obj.count(assoc))
            && attrs.validate(assoc.name(), Some(n)).is_err()
        {
            return false;
        }
    }
    obj.field_data().validate("field data", None).is_ok()
}

fn points_ok(points: Option<&DataArray>) -> bool {
    points.is_none_or(|p| p.scalar_type().is_numeric() && p.components() == 3)
}

/// Offsets start at 0, never decrease, and end at the connectivity length.
fn layout_ok(c: &CellArray) -> bool {
    let o = c.offsets();
    let n = c.connectivity().len();
    match (o.first(), o.last()) {
        (Some(&first), Some(&last)) => {
            first == 0
                && i64::try_from(n) == Ok(last)
                && o.split_last().zip(o.get(1..)).is_some_and(|((_, prev), next)| pairs_ok(prev, next))
        }
        _ => n == 0,
    }
}

/// `next[i] >= prev[i] >= 0` for all i, given `prev[0] >= 0`: the top bit of
/// `next | (next - prev)` is clear for every pair (with both >= 0 the difference cannot
/// overflow). 64-bit OR and subtraction vectorize on plain SSE2; 64-bit compares do not.
pub(crate) fn pairs_ok(prev: &[i64], next: &[i64]) -> bool {
    let acc = next.iter().zip(prev).fold(0u64, |a, (&b, &p)| a | (b | b.wrapping_sub(p)) as u64);
    acc >> 63 == 0
}

/// Points per cell type: the count, `VARIABLE`, or `UNKNOWN` (also for polyhedra, which the
/// fast paths leave to the full validation).
const UNKNOWN: i64 = -2;
const VARIABLE: i64 = -1;

fn size_table() -> &'static [i64; 256] {
    static TABLE: OnceLock<[i64; 256]> = OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|t| match u8::try_from(t).map(cell_type_points) {
            _ if u8::try_from(t) == Ok(POLYHEDRON) => UNKNOWN,
            Ok(Ok(Some(k))) => i64::try_from(k).unwrap_or(UNKNOWN),
            Ok(Ok(None)) => VARIABLE,
            _ => UNKNOWN,
        })
    })
}

/// Cell `i` (offsets `prev[i]..next[i]`, type `types[i]`) has a known type and, for a
/// fixed-size type, that many points. Needs a valid layout (exact differences).
pub(crate) fn cell_sizes_ok(prev: &[i64], next: &[i64], types: &[u8]) -> bool {
    let table = size_table();
    next.iter().zip(prev).zip(types).fold(true, |ok, ((&b, &p), &t)| {
        // A u8 always indexes the 256-entry table (LLVM drops the check).
        let k = table.get(usize::from(t)).copied().unwrap_or(UNKNOWN);
        ok & ((b.wrapping_sub(p) == k) | (k == VARIABLE))
    })
}

fn sizes_ok(o: &[i64], types: &[u8]) -> bool {
    match (o.split_last(), o.get(1..)) {
        (Some((_, prev)), Some(next)) if !next.is_empty() => cell_sizes_ok(prev, next, types),
        _ => true,
    }
}

/// The writer's fused check of one block `o[s..e]` of offsets (`nconn`: connectivity length;
/// `types`: the unstructured grid's cell types, `None` for poly data): layout pairs ending in
/// the block, the first/last offsets, and the sizes of the cells ending in the block.
pub(crate) fn offsets_block_ok(o: &[i64], s: usize, e: usize, nconn: usize, types: Option<&[u8]>) -> bool {
    let mut ok = true;
    if s == 0 {
        ok &= o.first() == Some(&0);
    }
    if e == o.len() {
        ok &= o.last().copied() == i64::try_from(nconn).ok();
    }
    let lo = s.max(1);
    if lo < e {
        let (Some(prev), Some(next)) = (o.get(lo - 1..e - 1), o.get(lo..e)) else { return false };
        ok &= pairs_ok(prev, next);
        if let Some(t) = types {
            ok &= t.get(lo - 1..e - 1).is_some_and(|t| cell_sizes_ok(prev, next, t));
        }
    }
    ok
}

/// Offsets per block of the writer's fused pass.
pub(crate) const OFFSET_BLOCK: usize = ID_BLOCK;

/// Every connectivity id of every poly data / unstructured grid in `obj` is a point id (a
/// read-only pass, for `marshaled_len`, which writes nothing to fuse it with).
pub(crate) fn ids_in_range(obj: &DataObject) -> bool {
    match obj {
        DataObject::PolyData(o) => {
            let n = o.points.as_ref().map_or(0, DataArray::tuples);
            o.cells.iter().all(|c| c.connectivity().chunks(ID_BLOCK).all(|b| ids_below(b, n)))
        }
        DataObject::UnstructuredGrid(o) => {
            let n = o.points.as_ref().map_or(0, DataArray::tuples);
            o.cells.connectivity().chunks(ID_BLOCK).all(|b| ids_below(b, n))
        }
        DataObject::MultiBlock(o) => o.blocks.iter().all(|b| b.object.as_deref().is_none_or(ids_in_range)),
        _ => true,
    }
}
