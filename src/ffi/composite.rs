//! Composite objects: multiblock data sets and overlapping AMR.

use std::ffi::c_char;

use crate::error::{Error, Result, Status};
use crate::ffi::guard::{self, check_out, guard, write_out};
use crate::ffi::image::image_ref;
use crate::ffi::object::{
    checked, deep_copy, new_object, object_from_handle, object_into_handle, object_mut, object_ref, vtkwire_object,
    wrong_type,
};
use crate::model::{Amr, AmrBlock, AmrLevel, Block, DataObject, MultiBlock};

/// Creates a `vtkMultiBlockDataSet` with `nblocks` null, unnamed blocks.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free` (which frees
/// its blocks too).
///
/// # Errors
/// - NULL_ARGUMENT: `out_obj` is NULL.
/// - OUT_OF_RANGE: `nblocks` > 2^32.
///
/// # Safety
/// `out_obj` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_multiblock_new(nblocks: usize, out_obj: *mut *mut vtkwire_object) -> Status {
    new_object(out_obj, || {
        if nblocks > (1 << 32) {
            return Err(Error::out_of_range(format!("{nblocks} blocks")));
        }
        Ok(DataObject::MultiBlock(MultiBlock { blocks: vec![Block::default(); nblocks], ..MultiBlock::default() }))
    })
}

fn multiblock_mut(o: &mut DataObject) -> Result<&mut MultiBlock> {
    match o {
        DataObject::MultiBlock(m) => Ok(m),
        other => Err(wrong_type(other, "a multiblock data set")),
    }
}

/// Number of blocks of a multiblock data set.
///
/// # Ownership
/// Borrows `obj` for the duration of the call.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or `out_count` is NULL.
/// - WRONG_OBJECT_TYPE: `obj` is not a multiblock data set.
///
/// # Safety
/// `obj` NULL or a live object handle; `out_count` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_multiblock_block_count(obj: *const vtkwire_object, out_count: *mut usize) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let o = unsafe { object_ref(obj, "obj") }?;
        check_out(out_count, "out_count")?;
        let DataObject::MultiBlock(m) = o else { return Err(wrong_type(o, "a multiblock data set")) };
        // SAFETY: `out_count` was checked non-NULL above and is writable (`# Safety`).
        unsafe { write_out(out_count, m.blocks.len()) };
        Ok(())
    })
}

/// Checks that `child` may become block `index` (bounded index, bounded nesting).
fn check_block(index: usize, child: Option<&DataObject>) -> Result<()> {
    if index >= (1 << 32) {
        return Err(Error::out_of_range(format!("block index {index}")));
    }
    if let Some(c) = child
        && 1 + c.depth() > crate::model::MAX_DEPTH
    {
        return Err(Error::invalid_object(format!(
            "multiblock nesting deeper than {} (the block holds {} levels)",
            crate::model::MAX_DEPTH,
            c.depth()
        )));
    }
    Ok(())
}

fn set_block(m: &mut MultiBlock, index: usize, name: Option<&str>, child: Option<DataObject>) {
    if index >= m.blocks.len() {
        m.blocks.resize(index + 1, Block::default());
    }
    m.blocks[index] = Block { name: name.map(str::to_owned), object: child.map(Box::new) };
}

/// Sets block `index` of a multiblock to a deep copy of `block` (NULL = a null block) with an
/// optional UTF-8 `name` (may be NULL = unnamed). An index ≥ the block count grows the list with
/// null blocks.
///
/// # Ownership
/// Borrows `block` and `name` for the duration of the call (both copied); `obj` is modified.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` is NULL.
/// - WRONG_OBJECT_TYPE: `obj` is not a multiblock data set.
/// - INVALID_UTF8: `name` is not UTF-8.
/// - OUT_OF_RANGE: `index` ≥ 2^32.
/// - INVALID_OBJECT: the nesting would be deeper than 64 levels.
///
/// # Safety
/// `obj` NULL or a live object handle owned by the caller, not used by another thread during
/// the call; `block` NULL or a live object handle other than `obj`; `name` NULL or
/// NUL-terminated.
#[cfg_attr(false, vtkwire(nullable(name)))]
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_multiblock_set_block(
    obj: *mut vtkwire_object,
    index: usize,
    name: *const c_char,
    block: *const vtkwire_object,
) -> Status {
    guard(|| {
        // SAFETY: `name` is NULL (none) or NUL-terminated (`# Safety`).
        let name = unsafe { guard::opt_str_arg(name, "name") }?;
        // SAFETY: `block` is non-NULL in this branch and a live handle (`# Safety`).
        let child = if block.is_null() { None } else { Some(unsafe { object_ref(block, "block") }?) };
        check_block(index, child)?;
        let child = child.map(deep_copy);
        // SAFETY: `obj` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let m = multiblock_mut(unsafe { object_mut(obj, "obj") }?)?;
        set_block(m, index, name, child);
        Ok(())
    })
}

/// As `vtkwire_multiblock_set_block`, but takes ownership of `block` instead of copying it.
///
/// # Ownership
/// On success `block` belongs to `obj`: do not use or free it afterwards. On error the caller
/// still owns it. Borrows `name` for the duration of the call (copied).
///
/// # Errors
/// As `vtkwire_multiblock_set_block` (NULL_ARGUMENT, WRONG_OBJECT_TYPE, INVALID_UTF8,
/// OUT_OF_RANGE, INVALID_OBJECT); also INVALID_ARGUMENT when `block` is `obj` itself.
///
/// # Safety
/// `obj` NULL or a live object handle owned by the caller, not used by another thread during
/// the call; `block` NULL or an owned object handle (not borrowed from another object);
/// `name` NULL or NUL-terminated.
#[cfg_attr(false, vtkwire(consumed(block), nullable(name)))]
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_multiblock_set_block_take(
    obj: *mut vtkwire_object,
    index: usize,
    name: *const c_char,
    block: *mut vtkwire_object,
) -> Status {
    guard(|| {
        // SAFETY: `name` is NULL (none) or NUL-terminated (`# Safety`).
        let name = unsafe { guard::opt_str_arg(name, "name") }?;
        // SAFETY: `obj` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let m = multiblock_mut(unsafe { object_mut(obj, "obj") }?)?;
        if std::ptr::eq(obj, block) {
            return Err(Error::invalid_argument("a multiblock cannot contain itself"));
        }
        // Check through a borrowed view first so that ownership moves only on success.
        // SAFETY: `block` is non-NULL in this branch and a live handle (`# Safety`).
        let child = if block.is_null() { None } else { Some(unsafe { object_ref(block, "block") }?) };
        check_block(index, child)?;
        // SAFETY: `block` is a live owned handle (checked above / `# Safety`) and is not used again.
        let owned = if block.is_null() { None } else { Some(unsafe { object_from_handle(block) }) };
        set_block(m, index, name, owned);
        Ok(())
    })
}

/// Block `index` of a multiblock: `*out_block` is NULL for a null block; the name is a view
/// (string shape *view*: `*out_name_len` bytes of UTF-8, not NUL-terminated), `*out_name` NULL
/// and `*out_name_len` 0 when unnamed.
///
/// # Ownership
/// The block and the name are borrowed from `obj`; valid until `obj` is modified or freed. Do
/// not free the block.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or an output is NULL.
/// - WRONG_OBJECT_TYPE: `obj` is not a multiblock data set.
/// - OUT_OF_RANGE: `index` ≥ the block count.
///
/// # Safety
/// `obj` NULL or a live object handle; each output NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_multiblock_block(
    obj: *const vtkwire_object,
    index: usize,
    out_block: *mut *const vtkwire_object,
    out_name: *mut *const c_char,
    out_name_len: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let o = unsafe { object_ref(obj, "obj") }?;
        check_out(out_block, "out_block")?;
        check_out(out_name, "out_name")?;
        check_out(out_name_len, "out_name_len")?;
        let DataObject::MultiBlock(m) = o else { return Err(wrong_type(o, "a multiblock data set")) };
        let b =
            m.blocks.get(index).ok_or_else(|| Error::out_of_range(format!("block {index} of {}", m.blocks.len())))?;
        let child = b.object.as_deref().map_or(std::ptr::null(), |c| (c as *const DataObject).cast());
        let (np, nl) = b.name.as_deref().map_or((std::ptr::null(), 0), |s| (s.as_ptr().cast(), s.len()));
        // SAFETY: the outputs were checked non-NULL above and are writable for the documented sizes (`# Safety`).
        unsafe {
            write_out(out_block, child);
            write_out(out_name, np);
            write_out(out_name_len, nl);
        }
        Ok(())
    })
}

/// Creates an overlapping AMR (`vtkOverlappingAMR`, VTK's marshalable uniform-grid AMR) with a
/// global `origin` and a `grid_description` (vtkStructuredData: 8 = XYZ, 5 = XY…); add levels
/// with `vtkwire_amr_add_level` and blocks with `vtkwire_amr_add_block`.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`. Borrows
/// `origin` for the duration of the call (copied).
///
/// # Errors
/// - NULL_ARGUMENT: `origin` or `out_obj` is NULL.
/// - INVALID_OBJECT: `grid_description` is not 0..9.
///
/// # Safety
/// `origin` NULL or 3 readable doubles; `out_obj` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_amr_new(
    origin: *const f64,
    grid_description: i32,
    out_obj: *mut *mut vtkwire_object,
) -> Status {
    new_object(out_obj, || {
        // SAFETY: `origin` is NULL or holds 3 values (`# Safety`); NULL is refused.
        let origin = unsafe { guard::array::<f64, 3>(origin, "origin") }?;
        checked(DataObject::OverlappingAmr(Amr::new(origin, grid_description)))
    })
}

fn amr_mut(o: &mut DataObject) -> Result<&mut Amr> {
    match o {
        DataObject::OverlappingAmr(a) => Ok(a),
        other => Err(wrong_type(other, "an overlapping AMR")),
    }
}

fn amr_ref(o: &DataObject) -> Result<&Amr> {
    match o {
        DataObject::OverlappingAmr(a) => Ok(a),
        other => Err(wrong_type(other, "an overlapping AMR")),
    }
}

/// Appends a level with cell `spacing` and the refinement ratio to the next finer level;
/// `*out_level` (`out_level` may be NULL) gets its index.
///
/// # Ownership
/// Borrows `spacing` for the duration of the call (copied); `obj` is modified.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or `spacing` is NULL.
/// - WRONG_OBJECT_TYPE: `obj` is not an overlapping AMR.
/// - INVALID_ARGUMENT: a spacing ≤ 0 or not finite; `refinement_ratio` < 1.
///
/// # Safety
/// `obj` NULL or a live object handle owned by the caller, not used by another thread during
/// the call; `spacing` NULL or 3 readable doubles; `out_level` NULL or valid for writes.
#[cfg_attr(false, vtkwire(nullable(out_level)))]
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_amr_add_level(
    obj: *mut vtkwire_object,
    spacing: *const f64,
    refinement_ratio: i32,
    out_level: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let a = amr_mut(unsafe { object_mut(obj, "obj") }?)?;
        // SAFETY: `spacing` is NULL or holds 3 values (`# Safety`); NULL is refused.
        let spacing = unsafe { guard::array::<f64, 3>(spacing, "spacing") }?;
        if spacing.iter().any(|s| !s.is_finite() || *s <= 0.0) {
            return Err(Error::invalid_argument("spacing must be positive and finite"));
        }
        if refinement_ratio < 1 {
            return Err(Error::invalid_argument(format!("refinement ratio {refinement_ratio} (must be ≥ 1)")));
        }
        a.levels.push(AmrLevel { spacing, refinement_ratio, blocks: Vec::new() });
        if !out_level.is_null() {
            // SAFETY: `out_level` was checked non-NULL above and is writable (`# Safety`).
            unsafe { write_out(out_level, a.levels.len() - 1) };
        }
        Ok(())
    })
}

/// Appends a block to `level`: its cell-index box `[lo_i lo_j lo_k hi_i hi_j hi_k]` and, if this
/// rank holds its data, a copy of `grid` (image data or structured points whose dimensions are
/// the box's cells + 1 per axis; NULL = no local data). Blanking: give the grid a
/// `vtkGhostType` unsigned-char cell array (VTK's HIDDENCELL bit 0x20). `*out_index`
/// (`out_index` may be NULL) gets the block's index in the level.
///
/// # Ownership
/// Borrows `box` and `grid` for the duration of the call (copied); `obj` is modified.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or `box` is NULL.
/// - WRONG_OBJECT_TYPE: `obj` is not an overlapping AMR, or `grid` is not image data or
///   structured points.
/// - OUT_OF_RANGE: `level` ≥ the level count.
/// - INVALID_OBJECT: the box has hi < lo, or the grid does not match it (nothing is added).
///
/// # Safety
/// `obj` NULL or a live object handle owned by the caller, not used by another thread during
/// the call; `box` NULL or 6 readable `int32_t`; `grid` NULL or a live object handle;
/// `out_index` NULL or valid for writes.
#[cfg_attr(false, vtkwire(nullable(out_index)))]
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_amr_add_block(
    obj: *mut vtkwire_object,
    level: usize,
    r#box: *const i32,
    grid: *const vtkwire_object,
    out_index: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `box` is NULL or holds 6 values (`# Safety`); NULL is refused.
        let bbox = unsafe { guard::array::<i32, 6>(r#box, "box") }?;
        // SAFETY: `grid` is non-NULL in this branch and a live handle (`# Safety`).
        let grid = if grid.is_null() { None } else { Some(image_ref(unsafe { object_ref(grid, "grid") }?)?.clone()) };
        // SAFETY: `obj` is NULL or a live handle the caller owns, unaliased during the call (`# Safety`); NULL is refused.
        let a = amr_mut(unsafe { object_mut(obj, "obj") }?)?;
        let nlevels = a.levels.len();
        let lvl = a.levels.get_mut(level).ok_or_else(|| Error::out_of_range(format!("level {level} of {nlevels}")))?;
        lvl.blocks.push(AmrBlock { bbox, grid });
        let idx = lvl.blocks.len() - 1;
        if let Err(e) = Amr::validate_block(level, idx, &a.levels[level].blocks[idx]) {
            a.levels[level].blocks.pop();
            return Err(e);
        }
        if !out_index.is_null() {
            // SAFETY: `out_index` was checked non-NULL above and is writable (`# Safety`).
            unsafe { write_out(out_index, idx) };
        }
        Ok(())
    })
}

/// Origin (3 doubles), grid description and number of levels of an overlapping AMR.
///
/// # Ownership
/// Borrows `obj` for the duration of the call; the values are copied to caller memory.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or an output is NULL.
/// - WRONG_OBJECT_TYPE: `obj` is not an overlapping AMR.
///
/// # Safety
/// `obj` NULL or a live object handle; `out_origin` NULL or valid for writes of 3 doubles;
/// the other outputs NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_amr_info(
    obj: *const vtkwire_object,
    out_origin: *mut f64,
    out_grid_description: *mut i32,
    out_nlevels: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let a = amr_ref(unsafe { object_ref(obj, "obj") }?)?;
        check_out(out_origin, "out_origin")?;
        check_out(out_grid_description, "out_grid_description")?;
        check_out(out_nlevels, "out_nlevels")?;
        // SAFETY: the outputs were checked non-NULL above and are writable for the documented sizes (`# Safety`).
        unsafe {
            std::ptr::copy_nonoverlapping(a.origin.as_ptr(), out_origin, 3);
            write_out(out_grid_description, a.grid_description);
            write_out(out_nlevels, a.levels.len());
        }
        Ok(())
    })
}

/// Spacing (3 doubles), refinement ratio and block count of AMR `level`.
///
/// # Ownership
/// Borrows `obj` for the duration of the call; the values are copied to caller memory.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or an output is NULL.
/// - WRONG_OBJECT_TYPE: `obj` is not an overlapping AMR.
/// - OUT_OF_RANGE: `level` ≥ the level count.
///
/// # Safety
/// `obj` NULL or a live object handle; `out_spacing` NULL or valid for writes of 3 doubles;
/// the other outputs NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_amr_level(
    obj: *const vtkwire_object,
    level: usize,
    out_spacing: *mut f64,
    out_refinement_ratio: *mut i32,
    out_nblocks: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let a = amr_ref(unsafe { object_ref(obj, "obj") }?)?;
        check_out(out_spacing, "out_spacing")?;
        check_out(out_refinement_ratio, "out_refinement_ratio")?;
        check_out(out_nblocks, "out_nblocks")?;
        let l =
            a.levels.get(level).ok_or_else(|| Error::out_of_range(format!("level {level} of {}", a.levels.len())))?;
        // SAFETY: the outputs were checked non-NULL above and are writable for the documented sizes (`# Safety`).
        unsafe {
            std::ptr::copy_nonoverlapping(l.spacing.as_ptr(), out_spacing, 3);
            write_out(out_refinement_ratio, l.refinement_ratio);
            write_out(out_nblocks, l.blocks.len());
        }
        Ok(())
    })
}

/// Box (6 ints) and grid of block `index` of AMR `level`; `*out_grid` is NULL when the block has
/// no local data.
///
/// # Ownership
/// `*out_grid` is a new image data copy owned by the caller; free it with
/// `vtkwire_object_free`. Borrows `obj` for the duration of the call.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or an output is NULL.
/// - WRONG_OBJECT_TYPE: `obj` is not an overlapping AMR.
/// - OUT_OF_RANGE: `level` or `index` out of range.
///
/// # Safety
/// `obj` NULL or a live object handle; `out_box` NULL or valid for writes of 6 `int32_t`;
/// `out_grid` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_amr_block(
    obj: *const vtkwire_object,
    level: usize,
    index: usize,
    out_box: *mut i32,
    out_grid: *mut *mut vtkwire_object,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let a = amr_ref(unsafe { object_ref(obj, "obj") }?)?;
        check_out(out_box, "out_box")?;
        check_out(out_grid, "out_grid")?;
        let l =
            a.levels.get(level).ok_or_else(|| Error::out_of_range(format!("level {level} of {}", a.levels.len())))?;
        let b =
            l.blocks.get(index).ok_or_else(|| Error::out_of_range(format!("block {index} of {}", l.blocks.len())))?;
        let grid = b
            .grid
            .as_ref()
            .map_or(std::ptr::null_mut(), |g| object_into_handle(deep_copy(&DataObject::ImageData(g.clone()))));
        // SAFETY: the outputs were checked non-NULL above and are writable for the documented sizes (`# Safety`).
        unsafe {
            std::ptr::copy_nonoverlapping(b.bbox.as_ptr(), out_box, 6);
            write_out(out_grid, grid);
        }
        Ok(())
    })
}
