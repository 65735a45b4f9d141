//! Poly data and unstructured grids: their constructors and cell arrays.

use crate::error::{Error, Result, Status};
use crate::ffi::guard::{self, check_out, guard, write_out};
use crate::ffi::object::{new_object, object_mut, object_ref, vtkwire_object, wrong_type};
use crate::model::{Buffer, CellArray, DataObject, PolyCells, PolyData, UnstructuredGrid};

/// Creates an empty `vtkPolyData`.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`.
///
/// # Safety
/// `out_obj` valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_poly_data_new(out_obj: *mut *mut vtkwire_object) -> Status {
    new_object(out_obj, || Ok(DataObject::PolyData(PolyData::default())))
}

/// Creates an empty `vtkUnstructuredGrid`.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`.
///
/// # Safety
/// `out_obj` valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_unstructured_grid_new(out_obj: *mut *mut vtkwire_object) -> Status {
    new_object(out_obj, || Ok(DataObject::UnstructuredGrid(UnstructuredGrid::default())))
}

fn poly_kind(kind: i32) -> Result<PolyCells> {
    guard::enum_arg(kind, "kind", PolyCells::from_code)
}

unsafe fn cells_args(offsets: *const i64, noffsets: usize, conn: *const i64, nconn: usize) -> Result<CellArray> {
    let o = unsafe { guard::slice(offsets, noffsets, "offsets") }?;
    let c = unsafe { guard::slice(conn, nconn, "connectivity") }?;
    CellArray::new(Buffer::from_slice(o), Buffer::from_slice(c))
}

/// Sets one poly data cell array (`VTKWIRE_POLY_VERTS/LINES/POLYS/STRIPS`) from VTK 9 offsets
/// (`ncells + 1` entries from 0 to `nconnectivity`, non-decreasing) and point-id connectivity.
/// Ids are checked against the points by `vtkwire_object_validate` (and marshal/send).
///
/// # Errors
/// NULL_ARGUMENT, WRONG_OBJECT_TYPE, INVALID_ARGUMENT (kind; offsets not starting at 0,
/// decreasing, or not ending at `nconnectivity`, naming the index).
///
/// # Safety
/// Arrays hold the counts given.
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
        let o = unsafe { object_mut(obj, "obj") }?;
        let kind = poly_kind(kind)?;
        let cells = unsafe { cells_args(offsets, noffsets, connectivity, nconnectivity) }?;
        let DataObject::PolyData(p) = o else { return Err(wrong_type(o, "a poly data")) };
        p.cells[kind as usize] = cells;
        Ok(())
    })
}

/// Sets one poly data cell array from VTK's classic layout `[n, id0 … id(n-1), n, …]`
/// (`nentries` values in all).
///
/// # Errors
/// As `vtkwire_poly_data_set_cells`; INVALID_ARGUMENT when a count runs past the end.
///
/// # Safety
/// `cells` holds `nentries` values.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_poly_data_set_cells_legacy(
    obj: *mut vtkwire_object,
    kind: i32,
    cells: *const i64,
    nentries: usize,
) -> Status {
    guard(|| {
        let o = unsafe { object_mut(obj, "obj") }?;
        let kind = poly_kind(kind)?;
        let stream = unsafe { guard::slice(cells, nentries, "cells") }?;
        let cells = CellArray::from_legacy(stream)?;
        let DataObject::PolyData(p) = o else { return Err(wrong_type(o, "a poly data")) };
        p.cells[kind as usize] = cells;
        Ok(())
    })
}

/// One poly data cell array: offsets (`ncells + 1` entries, or 0 when empty) and connectivity.
///
/// # Ownership
/// Borrowed from `obj`; valid until it is modified or freed.
///
/// # Safety
/// `obj` live.
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
        let o = unsafe { object_ref(obj, "obj") }?;
        let kind = poly_kind(kind)?;
        check_out(out_offsets, "out_offsets")?;
        check_out(out_noffsets, "out_noffsets")?;
        check_out(out_connectivity, "out_connectivity")?;
        check_out(out_nconnectivity, "out_nconnectivity")?;
        let DataObject::PolyData(p) = o else { return Err(wrong_type(o, "a poly data")) };
        let c = &p.cells[kind as usize];
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
/// # Errors
/// NULL_ARGUMENT, WRONG_OBJECT_TYPE, INVALID_ARGUMENT (layout), INVALID_OBJECT (types).
///
/// # Safety
/// Arrays hold the counts given.
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
        let o = unsafe { object_mut(obj, "obj") }?;
        let types = unsafe { guard::slice(types, ncells, "types") }?;
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

/// The cells of an unstructured grid (see `vtkwire_unstructured_grid_set_cells`).
///
/// # Ownership
/// Borrowed from `obj`; valid until it is modified or freed.
///
/// # Safety
/// `obj` live.
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
        let o = unsafe { object_ref(obj, "obj") }?;
        check_out(out_types, "out_types")?;
        check_out(out_ncells, "out_ncells")?;
        check_out(out_offsets, "out_offsets")?;
        check_out(out_noffsets, "out_noffsets")?;
        check_out(out_connectivity, "out_connectivity")?;
        check_out(out_nconnectivity, "out_nconnectivity")?;
        let DataObject::UnstructuredGrid(g) = o else { return Err(wrong_type(o, "an unstructured grid")) };
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
