//! Poly data and unstructured grids: their constructors and cell arrays.

use crate::error::{Error, Result, Status};
use crate::ffi::guard::{self, check_out, guard, write_out};
use crate::ffi::object::{new_object, object_mut, object_ref, vtkwire_object, wrong_type};
use crate::model::{Buffer, CellArray, DataObject, PolyCells, PolyData, UnstructuredGrid};

/// Creates an empty `vtkPolyData`; set its points with `vtkwire_object_set_points` and its
/// cells with `vtkwire_poly_data_set_cells`.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`.
///
/// # Errors
/// - NULL_ARGUMENT: `out_obj` is NULL.
///
/// # Safety
/// `out_obj` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_poly_data_new(out_obj: *mut *mut vtkwire_object) -> Status {
    new_object(out_obj, || Ok(DataObject::PolyData(PolyData::default())))
}

/// Creates an empty `vtkUnstructuredGrid`; set its points with `vtkwire_object_set_points` and
/// its cells with `vtkwire_unstructured_grid_set_cells`.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`.
///
/// # Errors
/// - NULL_ARGUMENT: `out_obj` is NULL.
///
/// # Safety
/// `out_obj` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_unstructured_grid_new(out_obj: *mut *mut vtkwire_object) -> Status {
    new_object(out_obj, || Ok(DataObject::UnstructuredGrid(UnstructuredGrid::default())))
}

fn poly_kind(kind: i32) -> Result<PolyCells> {
    guard::enum_arg(kind, "kind", PolyCells::from_code)
}

unsafe fn cells_args(offsets: *const i64, noffsets: usize, conn: *const i64, nconn: usize) -> Result<CellArray> {
    // SAFETY: `offsets` is NULL or holds the count given (`# Safety`); NULL with a count is refused.
    let o = unsafe { guard::slice(offsets, noffsets, "offsets") }?;
    // SAFETY: `conn` is NULL or holds the count given (`# Safety`); NULL with a count is refused.
    let c = unsafe { guard::slice(conn, nconn, "connectivity") }?;
    CellArray::new(Buffer::from_slice(o), Buffer::from_slice(c))
}

/// Sets one poly data cell array (`VTKWIRE_POLY_VERTS/LINES/POLYS/STRIPS`) from VTK 9 offsets
/// (`ncells + 1` entries from 0 to `nconnectivity`, non-decreasing; none for no cells) and
/// point-id connectivity. Ids are checked against the points by `vtkwire_object_validate` (and
/// marshal/send).
///
/// # Ownership
/// Borrows `offsets` and `connectivity` for the duration of the call (copied); `obj` is
/// modified.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` is NULL, or an array is NULL with a count > 0.
/// - INVALID_ARGUMENT: `kind` is unknown; the offsets do not start at 0, decrease, or do not
///   end at `nconnectivity` (the message names the index).
/// - WRONG_OBJECT_TYPE: `obj` is not a poly data.
///
/// # Safety
/// `obj` NULL or a live object handle owned by the caller, not used by another thread during
/// the call; `offsets` NULL or `noffsets` readable `int64_t`; `connectivity` NULL or
/// `nconnectivity` readable `int64_t`.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_poly_data_set_cells(
    obj: *mut vtkwire_object,
    kind: i32,
    offsets: *const i64,
    noffsets: usize,
    connectivity: *const i64,
    nconnectivity: usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let o = unsafe { object_mut(obj, "obj") }?;
        let kind = poly_kind(kind)?;
        // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `cells_args` checks NULL.
        let cells = unsafe { cells_args(offsets, noffsets, connectivity, nconnectivity) }?;
        let DataObject::PolyData(p) = o else { return Err(wrong_type(o, "a poly data")) };
        p.cells[kind as usize] = cells;
        Ok(())
    })
}

/// Sets one poly data cell array from VTK's classic layout `[n, id0 … id(n-1), n, …]`
/// (`nentries` values in all).
///
/// # Ownership
/// Borrows `cells` for the duration of the call (copied); `obj` is modified.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` is NULL, or `cells` is NULL with `nentries > 0`.
/// - INVALID_ARGUMENT: `kind` is unknown; a count is negative or runs past the end.
/// - WRONG_OBJECT_TYPE: `obj` is not a poly data.
///
/// # Safety
/// `obj` NULL or a live object handle owned by the caller, not used by another thread during
/// the call; `cells` NULL or `nentries` readable `int64_t`.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_poly_data_set_cells_legacy(
    obj: *mut vtkwire_object,
    kind: i32,
    cells: *const i64,
    nentries: usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let o = unsafe { object_mut(obj, "obj") }?;
        let kind = poly_kind(kind)?;
        // SAFETY: `cells` is NULL or holds the count given (`# Safety`); NULL with a count is refused.
        let stream = unsafe { guard::slice(cells, nentries, "cells") }?;
        let cells = CellArray::from_legacy(stream)?;
        let DataObject::PolyData(p) = o else { return Err(wrong_type(o, "a poly data")) };
        p.cells[kind as usize] = cells;
        Ok(())
    })
}

/// One poly data cell array: `*out_offsets` (`*out_noffsets` entries: cells + 1, or 0 when
/// empty) and `*out_connectivity` (`*out_nconnectivity` point ids).
///
/// # Ownership
/// Both arrays are borrowed from `obj`; valid until `obj` is modified or freed. Do not free them.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or an output is NULL.
/// - INVALID_ARGUMENT: `kind` is unknown.
/// - WRONG_OBJECT_TYPE: `obj` is not a poly data.
///
/// # Safety
/// `obj` NULL or a live object handle; each output NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_poly_data_cells(
    obj: *const vtkwire_object,
    kind: i32,
    out_offsets: *mut *const i64,
    out_noffsets: *mut usize,
    out_connectivity: *mut *const i64,
    out_nconnectivity: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let o = unsafe { object_ref(obj, "obj") }?;
        let kind = poly_kind(kind)?;
        check_out(out_offsets, "out_offsets")?;
        check_out(out_noffsets, "out_noffsets")?;
        check_out(out_connectivity, "out_connectivity")?;
        check_out(out_nconnectivity, "out_nconnectivity")?;
        let DataObject::PolyData(p) = o else { return Err(wrong_type(o, "a poly data")) };
        let c = &p.cells[kind as usize];
        // SAFETY: the outputs were checked non-NULL above and are writable for the documented sizes (`# Safety`).
        unsafe {
            write_out(out_offsets, c.offsets().as_ptr());
            write_out(out_noffsets, c.offsets().len());
            write_out(out_connectivity, c.connectivity().as_ptr());
            write_out(out_nconnectivity, c.connectivity().len());
        }
        Ok(())
    })
}

/// Sets the cells of an unstructured grid: `ncells` VTK cell types, `ncells + 1` offsets and the
/// connectivity. A polyhedron's (type 42) connectivity entry is its face stream
/// `[nFaces, n0, ids…, n1, ids…]`. Ids and per-type point counts are checked by
/// `vtkwire_object_validate` (and marshal/send); unknown cell types are rejected here.
///
/// # Ownership
/// Borrows `types`, `offsets` and `connectivity` for the duration of the call (copied); `obj`
/// is modified.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` is NULL, or an array is NULL with a count > 0.
/// - INVALID_ARGUMENT: the offsets are malformed (as `vtkwire_poly_data_set_cells`), or their
///   cell count differs from `ncells`.
/// - INVALID_OBJECT: a cell type VTK does not know (the message names the cell).
/// - WRONG_OBJECT_TYPE: `obj` is not an unstructured grid.
///
/// # Safety
/// `obj` NULL or a live object handle owned by the caller, not used by another thread during
/// the call; `types` NULL or `ncells` readable bytes; `offsets` NULL or `noffsets` readable
/// `int64_t`; `connectivity` NULL or `nconnectivity` readable `int64_t`.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_unstructured_grid_set_cells(
    obj: *mut vtkwire_object,
    types: *const u8,
    ncells: usize,
    offsets: *const i64,
    noffsets: usize,
    connectivity: *const i64,
    nconnectivity: usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let o = unsafe { object_mut(obj, "obj") }?;
        // SAFETY: `types` is NULL or holds the count given (`# Safety`); NULL with a count is refused.
        let types = unsafe { guard::slice(types, ncells, "types") }?;
        // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `cells_args` checks NULL.
        let cells = unsafe { cells_args(offsets, noffsets, connectivity, nconnectivity) }?;
        if cells.len() != ncells {
            return Err(Error::invalid_argument(format!(
                "{ncells} cell types but {} cells in the offsets",
                cells.len()
            )));
        }
        if let Some((i, t)) =
            types.iter().enumerate().find(|(_, t)| crate::model::cells::cell_type_points(**t).is_err())
        {
            return Err(Error::invalid_object(format!("cell {i}: unknown cell type {t}")));
        }
        let DataObject::UnstructuredGrid(g) = o else { return Err(wrong_type(o, "an unstructured grid")) };
        g.cells = cells;
        g.cell_types = types.to_vec();
        Ok(())
    })
}

/// The cells of an unstructured grid (see `vtkwire_unstructured_grid_set_cells`): the cell
/// types (`*out_ncells`), offsets (`*out_noffsets`: cells + 1, or 0 when empty) and connectivity
/// (`*out_nconnectivity`).
///
/// # Ownership
/// The three arrays are borrowed from `obj`; valid until `obj` is modified or freed. Do not
/// free them.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or an output is NULL.
/// - WRONG_OBJECT_TYPE: `obj` is not an unstructured grid.
///
/// # Safety
/// `obj` NULL or a live object handle; each output NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_unstructured_grid_cells(
    obj: *const vtkwire_object,
    out_types: *mut *const u8,
    out_ncells: *mut usize,
    out_offsets: *mut *const i64,
    out_noffsets: *mut usize,
    out_connectivity: *mut *const i64,
    out_nconnectivity: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let o = unsafe { object_ref(obj, "obj") }?;
        check_out(out_types, "out_types")?;
        check_out(out_ncells, "out_ncells")?;
        check_out(out_offsets, "out_offsets")?;
        check_out(out_noffsets, "out_noffsets")?;
        check_out(out_connectivity, "out_connectivity")?;
        check_out(out_nconnectivity, "out_nconnectivity")?;
        let DataObject::UnstructuredGrid(g) = o else { return Err(wrong_type(o, "an unstructured grid")) };
        // SAFETY: the outputs were checked non-NULL above and are writable for the documented sizes (`# Safety`).
        unsafe {
            write_out(out_types, g.cell_types.as_ptr());
            write_out(out_ncells, g.cell_types.len());
            write_out(out_offsets, g.cells.offsets().as_ptr());
            write_out(out_noffsets, g.cells.offsets().len());
            write_out(out_connectivity, g.cells.connectivity().as_ptr());
            write_out(out_nconnectivity, g.cells.connectivity().len());
        }
        Ok(())
    })
}
