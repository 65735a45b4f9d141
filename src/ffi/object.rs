//! `vtkwire_object`: constructors, setters and getters for the twelve data object types.

use std::ffi::{c_char, c_void};

use crate::error::{Error, Result, Status};
use crate::ffi::array::{self, array_borrowed, array_mut, array_ref, vtkwire_array};
use crate::ffi::guard::{self, check_out, guard, guard_value, write_out};
use crate::model::{
    Amr, AmrBlock, AmrLevel, Association, AttributeRole, Block, Buffer, CellArray, DataArray, DataObject, Graph,
    ImageData, MultiBlock, PolyCells, PolyData, RectilinearGrid, StructuredGrid, Table, UnstructuredGrid,
};

/// Opaque handle to any data object (image data, poly data, table, graph, multiblock, AMR…).
pub struct vtkwire_object {
    _opaque: [u8; 0],
}

/// `&DataObject` behind a handle.
///
/// # Safety
/// `p` must be NULL or a live handle (owned, or borrowed from a live parent).
pub unsafe fn object_ref<'a>(p: *const vtkwire_object, name: &str) -> Result<&'a DataObject> {
    unsafe { guard::as_ref(p.cast::<DataObject>(), name) }
}

/// `&mut DataObject` behind an owned handle.
///
/// # Safety
/// `p` must be NULL or a live owned handle, not aliased for the call.
pub unsafe fn object_mut<'a>(p: *mut vtkwire_object, name: &str) -> Result<&'a mut DataObject> {
    unsafe { guard::as_mut(p.cast::<DataObject>(), name) }
}

/// A new owned handle.
pub fn object_into_handle(o: DataObject) -> *mut vtkwire_object {
    Box::into_raw(Box::new(o)).cast()
}

/// Takes back ownership of a handle made by [`object_into_handle`].
///
/// # Safety
/// `p` must be a live owned handle, not used afterwards.
pub unsafe fn object_from_handle(p: *mut vtkwire_object) -> DataObject {
    // SAFETY: owned handles are Box<DataObject>.
    *unsafe { Box::from_raw(p.cast::<DataObject>()) }
}

fn assoc_arg(code: i32) -> Result<Association> {
    guard::enum_arg(code, "association", Association::from_code)
}

fn role_arg(code: i32) -> Result<AttributeRole> {
    guard::enum_arg(code, "role", AttributeRole::from_code)
}

fn attributes(obj: &DataObject, assoc: Association) -> Result<&crate::model::Attributes> {
    obj.attributes(assoc)
        .ok_or_else(|| Error::wrong_object_type(format!("a {} has no {}", obj.class_name(), assoc.name())))
}

fn attributes_mut(obj: &mut DataObject, assoc: Association) -> Result<&mut crate::model::Attributes> {
    let class = obj.class_name();
    obj.attributes_mut(assoc).ok_or_else(|| Error::wrong_object_type(format!("a {class} has no {}", assoc.name())))
}

fn wrong_type(obj: &DataObject, want: &str) -> Error {
    Error::wrong_object_type(format!("expected {want}, got a {}", obj.class_name()))
}

/// Writes a new object to `out` (shared by all constructors).
fn new_object(out: *mut *mut vtkwire_object, make: impl FnOnce() -> Result<DataObject>) -> Status {
    guard(|| {
        check_out(out, "out_obj")?;
        let o = make()?;
        unsafe { write_out(out, object_into_handle(o)) };
        Ok(())
    })
}

unsafe fn image_args(extent: *const i32, origin: *const f64, spacing: *const f64) -> Result<ImageData> {
    let extent = unsafe { guard::array::<i32, 6>(extent, "extent") }?;
    let origin = unsafe { guard::array::<f64, 3>(origin, "origin") }?;
    let spacing = unsafe { guard::array::<f64, 3>(spacing, "spacing") }?;
    let img = ImageData::new(extent, origin, spacing);
    DataObject::ImageData(img.clone()).validate()?;
    Ok(img)
}

/// Creates a `vtkImageData` with `extent` (x0 x1 y0 y1 z0 z1), `origin` and `spacing`; the
/// direction is the identity (see `vtkwire_image_data_set_direction`).
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`.
///
/// # Errors
/// NULL_ARGUMENT for any NULL pointer; INVALID_OBJECT for an inconsistent extent or
/// non-finite origin/spacing.
///
/// # Safety
/// `extent` must hold 6 ints, `origin` and `spacing` 3 doubles each.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_image_data_new(
    extent: *const i32,
    origin: *const f64,
    spacing: *const f64,
    out_obj: *mut *mut vtkwire_object,
) -> Status {
    new_object(out_obj, || Ok(DataObject::ImageData(unsafe { image_args(extent, origin, spacing) }?)))
}

/// Creates a `vtkStructuredPoints` (same geometry as image data, VTK type code 1).
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`.
///
/// # Errors
/// As `vtkwire_image_data_new`.
///
/// # Safety
/// As `vtkwire_image_data_new`.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_structured_points_new(
    extent: *const i32,
    origin: *const f64,
    spacing: *const f64,
    out_obj: *mut *mut vtkwire_object,
) -> Status {
    new_object(out_obj, || Ok(DataObject::StructuredPoints(unsafe { image_args(extent, origin, spacing) }?)))
}

fn image_mut(obj: &mut DataObject) -> Result<&mut ImageData> {
    match obj {
        DataObject::ImageData(i) | DataObject::StructuredPoints(i) => Ok(i),
        other => Err(wrong_type(other, "image data or structured points")),
    }
}

fn image_ref(obj: &DataObject) -> Result<&ImageData> {
    match obj {
        DataObject::ImageData(i) | DataObject::StructuredPoints(i) => Ok(i),
        other => Err(wrong_type(other, "image data or structured points")),
    }
}

/// Sets the row-major 3×3 direction matrix of image data / structured points.
///
/// # Errors
/// NULL_ARGUMENT, WRONG_OBJECT_TYPE, INVALID_ARGUMENT (non-finite values).
///
/// # Safety
/// `obj` must be a live owned handle; `direction` must hold 9 doubles.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_image_data_set_direction(obj: *mut vtkwire_object, direction: *const f64) -> Status {
    guard(|| {
        let o = unsafe { object_mut(obj, "obj") }?;
        let d = unsafe { guard::array::<f64, 9>(direction, "direction") }?;
        if d.iter().any(|v| !v.is_finite()) {
            return Err(Error::invalid_argument("direction values must be finite"));
        }
        image_mut(o)?.direction = d;
        Ok(())
    })
}

/// Origin, spacing and direction (row-major 3×3) of image data / structured points.
///
/// # Errors
/// NULL_ARGUMENT, WRONG_OBJECT_TYPE.
///
/// # Safety
/// `obj` live; outputs hold 3, 3 and 9 doubles.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_image_data_geometry(
    obj: *const vtkwire_object,
    out_origin: *mut f64,
    out_spacing: *mut f64,
    out_direction: *mut f64,
) -> Status {
    guard(|| {
        let img = image_ref(unsafe { object_ref(obj, "obj") }?)?;
        check_out(out_origin, "out_origin")?;
        check_out(out_spacing, "out_spacing")?;
        check_out(out_direction, "out_direction")?;
        // SAFETY: non-null outputs of the documented sizes.
        unsafe {
            std::ptr::copy_nonoverlapping(img.origin.as_ptr(), out_origin, 3);
            std::ptr::copy_nonoverlapping(img.spacing.as_ptr(), out_spacing, 3);
            std::ptr::copy_nonoverlapping(img.direction.as_ptr(), out_direction, 9);
        }
        Ok(())
    })
}

/// Creates a `vtkRectilinearGrid` with `extent`; set its coordinates with
/// `vtkwire_rectilinear_grid_set_coordinates`.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`.
///
/// # Safety
/// `extent` must hold 6 ints.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_rectilinear_grid_new(extent: *const i32, out_obj: *mut *mut vtkwire_object) -> Status {
    new_object(out_obj, || {
        let extent = unsafe { guard::array::<i32, 6>(extent, "extent") }?;
        Ok(DataObject::RectilinearGrid(RectilinearGrid::new(extent)))
    })
}

fn axis_arg(axis: i32) -> Result<usize> {
    usize::try_from(axis)
        .ok()
        .filter(|&a| a < 3)
        .ok_or_else(|| Error::invalid_argument(format!("argument `axis`: {axis} (must be 0, 1 or 2)")))
}

/// Copies `nvalues` coordinates of numeric `type` for `axis` (0 = x, 1 = y, 2 = z); the count
/// must match the extent along that axis.
///
/// # Errors
/// NULL_ARGUMENT, WRONG_OBJECT_TYPE, INVALID_ARGUMENT (axis, type), INVALID_OBJECT (count).
///
/// # Safety
/// `obj` live owned handle; `values` holds `nvalues` elements of `type`.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_rectilinear_grid_set_coordinates(
    obj: *mut vtkwire_object,
    axis: i32,
    r#type: i32,
    values: *const c_void,
    nvalues: usize,
) -> Status {
    guard(|| {
        let o = unsafe { object_mut(obj, "obj") }?;
        let axis = axis_arg(axis)?;
        let ty = array::scalar_type_arg(r#type, "type")?;
        if !ty.is_numeric() {
            return Err(Error::invalid_argument(format!("coordinates must be numeric, not {ty}")));
        }
        let DataObject::RectilinearGrid(g) = o else { return Err(wrong_type(o, "a rectilinear grid")) };
        let need = crate::model::extent_dims(&g.extent)[axis];
        if nvalues != need {
            return Err(Error::invalid_object(format!("axis {axis} needs {need} coordinates (extent), got {nvalues}")));
        }
        let data = unsafe { array::data_from_caller(ty, values, nvalues, "values") }?;
        // Unnamed, as VTK's legacy reader leaves them: no extension token needed.
        g.coordinates[axis] = Some(DataArray::new(None, 1, data)?);
        Ok(())
    })
}

/// The coordinate array of `axis`.
///
/// # Ownership
/// Borrowed from `obj`; valid until it is modified or freed. Do not free.
///
/// # Errors
/// NOT_FOUND when not set.
///
/// # Safety
/// `obj` live.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_rectilinear_grid_coordinates(
    obj: *const vtkwire_object,
    axis: i32,
    out_array: *mut *const vtkwire_array,
) -> Status {
    guard(|| {
        let o = unsafe { object_ref(obj, "obj") }?;
        let axis = axis_arg(axis)?;
        check_out(out_array, "out_array")?;
        let DataObject::RectilinearGrid(g) = o else { return Err(wrong_type(o, "a rectilinear grid")) };
        let a =
            g.coordinates[axis].as_ref().ok_or_else(|| Error::not_found(format!("axis {axis} has no coordinates")))?;
        unsafe { write_out(out_array, array_borrowed(a)) };
        Ok(())
    })
}

/// Creates a `vtkStructuredGrid` with `extent`; set its points with `vtkwire_object_set_points`
/// (as many as the extent has).
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`.
///
/// # Safety
/// `extent` must hold 6 ints.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_structured_grid_new(extent: *const i32, out_obj: *mut *mut vtkwire_object) -> Status {
    new_object(out_obj, || {
        let extent = unsafe { guard::array::<i32, 6>(extent, "extent") }?;
        Ok(DataObject::StructuredGrid(StructuredGrid::new(extent)))
    })
}

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

/// Creates an empty `vtkTable`; add columns with `vtkwire_object_add_array*` and
/// `VTKWIRE_ASSOCIATION_ROW` (all columns must have the same number of tuples).
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`.
///
/// # Safety
/// `out_obj` valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_table_new(out_obj: *mut *mut vtkwire_object) -> Status {
    new_object(out_obj, || Ok(DataObject::Table(Table::default())))
}

unsafe fn graph_args(nvertices: usize, edges: *const i64, nedges: usize) -> Result<Graph> {
    let n = nedges.checked_mul(2).ok_or_else(|| Error::out_of_range("nedges overflows"))?;
    let e = unsafe { guard::slice(edges, n, "edges") }?;
    Ok(Graph { num_vertices: nvertices, edges: Buffer::from_slice(e), ..Graph::default() })
}

fn checked(o: DataObject) -> Result<DataObject> {
    o.validate()?;
    Ok(o)
}

/// Creates a `vtkDirectedGraph` with vertices `0..nvertices` and `nedges` edges given as
/// `2 * nedges` ids `(source, target)`, in edge-id order.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`. `edges` is copied.
///
/// # Errors
/// NULL_ARGUMENT, INVALID_OBJECT (an id ≥ nvertices, naming the edge).
///
/// # Safety
/// `edges` holds `2 * nedges` int64 values.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_directed_graph_new(
    nvertices: usize,
    edges: *const i64,
    nedges: usize,
    out_obj: *mut *mut vtkwire_object,
) -> Status {
    new_object(out_obj, || checked(DataObject::DirectedGraph(unsafe { graph_args(nvertices, edges, nedges) }?)))
}

/// Creates a `vtkUndirectedGraph`; arguments as `vtkwire_directed_graph_new`.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`.
///
/// # Errors
/// As `vtkwire_directed_graph_new`.
///
/// # Safety
/// As `vtkwire_directed_graph_new`.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_undirected_graph_new(
    nvertices: usize,
    edges: *const i64,
    nedges: usize,
    out_obj: *mut *mut vtkwire_object,
) -> Status {
    new_object(out_obj, || checked(DataObject::UndirectedGraph(unsafe { graph_args(nvertices, edges, nedges) }?)))
}

/// Creates a `vtkTree`: vertices `0..nvertices`, edges `(parent, child)`. It must be a tree:
/// `nvertices - 1` edges, one root, every other vertex with exactly one parent, no cycle.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`.
///
/// # Errors
/// NULL_ARGUMENT, INVALID_OBJECT (naming the offending edge or vertex).
///
/// # Safety
/// `edges` holds `2 * nedges` int64 values.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_tree_new(
    nvertices: usize,
    edges: *const i64,
    nedges: usize,
    out_obj: *mut *mut vtkwire_object,
) -> Status {
    new_object(out_obj, || checked(DataObject::Tree(unsafe { graph_args(nvertices, edges, nedges) }?)))
}

/// Creates a `vtkMultiBlockDataSet` with `nblocks` null, unnamed blocks.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`.
///
/// # Safety
/// `out_obj` valid for writes.
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

/// Creates an overlapping AMR (`vtkOverlappingAMR`, VTK's marshalable uniform-grid AMR) with a
/// global `origin` and a `grid_description` (vtkStructuredData: 8 = XYZ, 5 = XY…); add levels
/// with `vtkwire_amr_add_level` and blocks with `vtkwire_amr_add_block`.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`.
///
/// # Errors
/// NULL_ARGUMENT, INVALID_OBJECT (grid description not 0..9).
///
/// # Safety
/// `origin` holds 3 doubles.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_amr_new(
    origin: *const f64,
    grid_description: i32,
    out_obj: *mut *mut vtkwire_object,
) -> Status {
    new_object(out_obj, || {
        let origin = unsafe { guard::array::<f64, 3>(origin, "origin") }?;
        checked(DataObject::OverlappingAmr(Amr::new(origin, grid_description)))
    })
}

/// Frees an object made by a constructor, `vtkwire_object_clone`, or received/unmarshaled.
///
/// # Ownership
/// `vtkwire_object_free(NULL)` is a no-op. Never pass an object borrowed from a multiblock.
///
/// # Safety
/// `obj` must be NULL or an owned handle not freed before.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vtkwire_object_free(obj: *mut vtkwire_object) {
    if !obj.is_null() {
        let _ = std::panic::catch_unwind(|| drop(unsafe { object_from_handle(obj) }));
    }
}

/// Deep-copies an object (borrowed values are copied too).
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`.
///
/// # Safety
/// `obj` live.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_clone(obj: *const vtkwire_object, out_obj: *mut *mut vtkwire_object) -> Status {
    guard(|| {
        let o = unsafe { object_ref(obj, "obj") }?;
        check_out(out_obj, "out_obj")?;
        unsafe { write_out(out_obj, object_into_handle(deep_copy(o))) };
        Ok(())
    })
}

/// A copy owning every value (no borrowed caller memory).
pub fn deep_copy(o: &DataObject) -> DataObject {
    let mut c = o.clone();
    for assoc in Association::ALL {
        if let Some(attrs) = c.attributes_mut(assoc) {
            for i in 0..attrs.len() {
                if let Some(a) = attrs.get_mut(i) {
                    *a = array::deep_copy(a);
                }
            }
        }
    }
    if let Some(Some(p)) = c.points_slot() {
        *p = array::deep_copy(p);
    }
    if let DataObject::MultiBlock(m) = &mut c {
        for b in &mut m.blocks {
            if let Some(child) = &mut b.object {
                **child = deep_copy(child);
            }
        }
    }
    c
}

/// VTK's data-object type code of `obj` (`VTKWIRE_OBJECT_*`), or -1 for NULL.
///
/// # Safety
/// `obj` NULL or live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vtkwire_object_type(obj: *const vtkwire_object) -> i32 {
    guard_value(-1, || unsafe { object_ref(obj, "obj") }.map_or(-1, DataObject::type_code))
}

/// VTK's class name of `obj` ("vtkPolyData"…), static; NULL for NULL.
///
/// # Safety
/// `obj` NULL or live.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vtkwire_object_class_name(obj: *const vtkwire_object) -> *const c_char {
    guard_value(std::ptr::null(), || match unsafe { object_ref(obj, "obj") } {
        Ok(o) => match o {
            DataObject::ImageData(_) => c"vtkImageData".as_ptr(),
            DataObject::StructuredPoints(_) => c"vtkStructuredPoints".as_ptr(),
            DataObject::RectilinearGrid(_) => c"vtkRectilinearGrid".as_ptr(),
            DataObject::StructuredGrid(_) => c"vtkStructuredGrid".as_ptr(),
            DataObject::PolyData(_) => c"vtkPolyData".as_ptr(),
            DataObject::UnstructuredGrid(_) => c"vtkUnstructuredGrid".as_ptr(),
            DataObject::Table(_) => c"vtkTable".as_ptr(),
            DataObject::DirectedGraph(_) => c"vtkDirectedGraph".as_ptr(),
            DataObject::UndirectedGraph(_) => c"vtkUndirectedGraph".as_ptr(),
            DataObject::Tree(_) => c"vtkTree".as_ptr(),
            DataObject::MultiBlock(_) => c"vtkMultiBlockDataSet".as_ptr(),
            DataObject::OverlappingAmr(_) => c"vtkOverlappingAMR".as_ptr(),
        },
        Err(_) => std::ptr::null(),
    })
}

/// Checks every invariant of `obj` (ids in range, array lengths, tree shape, nesting…).
/// Marshal and send call this too.
///
/// # Errors
/// INVALID_OBJECT with a message naming what and where.
///
/// # Safety
/// `obj` live.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_validate(obj: *const vtkwire_object) -> Status {
    guard(|| unsafe { object_ref(obj, "obj") }?.validate())
}

/// A one-line summary of `obj` (type, counts, extent, arrays), NUL-terminated into `buf`
/// (truncated to `cap - 1` bytes); `*out_len` gets the full length. `buf` may be NULL when
/// `cap` is 0 (size query).
///
/// # Safety
/// `obj` live; `buf` valid for `cap` bytes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_summary(
    obj: *const vtkwire_object,
    buf: *mut c_char,
    cap: usize,
    out_len: *mut usize,
) -> Status {
    guard(|| {
        let o = unsafe { object_ref(obj, "obj") }?;
        check_out(out_len, "out_len")?;
        if buf.is_null() && cap > 0 {
            return Err(guard::null_arg("buf"));
        }
        let s = o.summary();
        if cap > 0 {
            // Truncate on a character boundary.
            let mut n = s.len().min(cap - 1);
            while !s.is_char_boundary(n) {
                n -= 1;
            }
            // SAFETY: `buf` has `cap` bytes; n < cap.
            unsafe {
                std::ptr::copy_nonoverlapping(s.as_ptr().cast::<c_char>(), buf, n);
                buf.add(n).write(0);
            }
        }
        unsafe { write_out(out_len, s.len()) };
        Ok(())
    })
}

/// The number of points (`VTKWIRE_ASSOCIATION_POINT`), cells (`_CELL`), rows (`_ROW`),
/// vertices (`_VERTEX`) or edges (`_EDGE`) of `obj` — the tuples its arrays there must have.
///
/// # Errors
/// WRONG_OBJECT_TYPE when the type has no such count (e.g. rows of a poly data, field data).
///
/// # Safety
/// `obj` live.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_count(
    obj: *const vtkwire_object,
    association: i32,
    out_count: *mut usize,
) -> Status {
    guard(|| {
        let o = unsafe { object_ref(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        check_out(out_count, "out_count")?;
        let n = o
            .count(assoc)
            .ok_or_else(|| Error::wrong_object_type(format!("a {} has no {} count", o.class_name(), assoc.name())))?;
        unsafe { write_out(out_count, n) };
        Ok(())
    })
}

/// The extent (x0 x1 y0 y1 z0 z1) of image data, structured points, rectilinear or structured grids.
///
/// # Errors
/// WRONG_OBJECT_TYPE for other types.
///
/// # Safety
/// `obj` live; `out_extent` holds 6 ints.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_extent(obj: *const vtkwire_object, out_extent: *mut i32) -> Status {
    guard(|| {
        let o = unsafe { object_ref(obj, "obj") }?;
        check_out(out_extent, "out_extent")?;
        let e = o.extent().ok_or_else(|| wrong_type(o, "a structured type (image, rectilinear, structured grid)"))?;
        // SAFETY: 6 writable ints per the contract.
        unsafe { std::ptr::copy_nonoverlapping(e.as_ptr(), out_extent, 6) };
        Ok(())
    })
}

unsafe fn set_points(
    obj: *mut vtkwire_object,
    ty: i32,
    xyz: *const c_void,
    npoints: usize,
    borrowed: bool,
) -> Result<()> {
    let o = unsafe { object_mut(obj, "obj") }?;
    let ty = array::scalar_type_arg(ty, "type")?;
    if !ty.is_numeric() {
        return Err(Error::invalid_argument(format!("points must be numeric, not {ty}")));
    }
    let n = npoints.checked_mul(3).ok_or_else(|| Error::out_of_range("npoints overflows"))?;
    let data = if borrowed {
        unsafe { array::data_borrowed(ty, xyz, n, "xyz") }?
    } else {
        unsafe { array::data_from_caller(ty, xyz, n, "xyz") }?
    };
    let class = o.class_name();
    let slot = o.points_slot().ok_or_else(|| Error::wrong_object_type(format!("a {class} has no explicit points")))?;
    *slot = Some(DataArray::new(None, 3, data)?);
    Ok(())
}

/// Copies `npoints` xyz triples of numeric `type` (usually float or double) as the points of a
/// poly data, unstructured grid, structured grid, graph or tree.
///
/// # Errors
/// NULL_ARGUMENT, INVALID_ARGUMENT (type), WRONG_OBJECT_TYPE (no explicit points).
///
/// # Safety
/// `obj` live owned handle; `xyz` holds `3 * npoints` elements.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_set_points(
    obj: *mut vtkwire_object,
    r#type: i32,
    xyz: *const c_void,
    npoints: usize,
) -> Status {
    guard(|| unsafe { set_points(obj, r#type, xyz, npoints, false) })
}

/// As `vtkwire_object_set_points`, without copying (zero-copy).
///
/// # Ownership
/// `xyz` is borrowed: it must stay alive and unchanged until `obj` (and every copy, send or
/// marshal using it) is done with it.
///
/// # Errors
/// As `vtkwire_object_set_points`; INVALID_ARGUMENT when misaligned.
///
/// # Safety
/// As above.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_set_points_borrowed(
    obj: *mut vtkwire_object,
    r#type: i32,
    xyz: *const c_void,
    npoints: usize,
) -> Status {
    guard(|| unsafe { set_points(obj, r#type, xyz, npoints, true) })
}

/// The points array (3 components).
///
/// # Ownership
/// Borrowed from `obj`; valid until it is modified or freed. Do not free.
///
/// # Errors
/// WRONG_OBJECT_TYPE (type without explicit points), NOT_FOUND (not set).
///
/// # Safety
/// `obj` live.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_points(
    obj: *const vtkwire_object,
    out_points: *mut *const vtkwire_array,
) -> Status {
    guard(|| {
        let o = unsafe { object_ref(obj, "obj") }?;
        check_out(out_points, "out_points")?;
        let has_slot = matches!(
            o,
            DataObject::PolyData(_)
                | DataObject::UnstructuredGrid(_)
                | DataObject::StructuredGrid(_)
                | DataObject::DirectedGraph(_)
                | DataObject::UndirectedGraph(_)
                | DataObject::Tree(_)
        );
        if !has_slot {
            return Err(wrong_type(o, "a type with explicit points"));
        }
        let p = o.points().ok_or_else(|| Error::not_found(format!("the {} has no points", o.class_name())))?;
        unsafe { write_out(out_points, array_borrowed(p)) };
        Ok(())
    })
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

/// The edges of a directed/undirected graph or tree: `2 * nedges` ids (source, target) — for a
/// tree (parent, child) — in edge-id order.
///
/// # Ownership
/// Borrowed from `obj`; valid until it is modified or freed.
///
/// # Safety
/// `obj` live.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_graph_edges(
    obj: *const vtkwire_object,
    out_edges: *mut *const i64,
    out_nedges: *mut usize,
) -> Status {
    guard(|| {
        let o = unsafe { object_ref(obj, "obj") }?;
        check_out(out_edges, "out_edges")?;
        check_out(out_nedges, "out_nedges")?;
        let (DataObject::DirectedGraph(g) | DataObject::UndirectedGraph(g) | DataObject::Tree(g)) = o else {
            return Err(wrong_type(o, "a graph or tree"));
        };
        unsafe {
            write_out(out_edges, g.edges.as_slice().as_ptr());
            write_out(out_nedges, g.num_edges());
        }
        Ok(())
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
/// # Safety
/// `obj` live.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_multiblock_block_count(obj: *const vtkwire_object, out_count: *mut usize) -> Status {
    guard(|| {
        let o = unsafe { object_ref(obj, "obj") }?;
        check_out(out_count, "out_count")?;
        let DataObject::MultiBlock(m) = o else { return Err(wrong_type(o, "a multiblock data set")) };
        unsafe { write_out(out_count, m.blocks.len()) };
        Ok(())
    })
}

/// Checks that `child` may become block `index` (bounded index, bounded nesting).
fn check_block(index: usize, child: Option<&DataObject>) -> Result<()> {
    if index >= (1 << 32) {
        return Err(Error::out_of_range(format!("block index {index}")));
    }
    if let Some(c) = child {
        if 1 + c.depth() > crate::model::MAX_DEPTH {
            return Err(Error::invalid_object(format!(
                "multiblock nesting deeper than {} (the block holds {} levels)",
                crate::model::MAX_DEPTH,
                c.depth()
            )));
        }
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
/// optional UTF-8 `name` (NULL = unnamed). An index ≥ the block count grows the list with null
/// blocks.
///
/// # Ownership
/// Borrows `block` for the duration of the call (it is copied).
///
/// # Errors
/// NULL_ARGUMENT (`obj`), WRONG_OBJECT_TYPE, INVALID_UTF8, INVALID_OBJECT (nesting too deep).
///
/// # Safety
/// `obj` live owned handle, `block` NULL or live (and not `obj` itself).
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_multiblock_set_block(
    obj: *mut vtkwire_object,
    index: usize,
    name: *const c_char,
    block: *const vtkwire_object,
) -> Status {
    guard(|| {
        let name = unsafe { guard::opt_str_arg(name, "name") }?;
        let child = if block.is_null() { None } else { Some(unsafe { object_ref(block, "block") }?) };
        check_block(index, child)?;
        let child = child.map(deep_copy);
        let m = multiblock_mut(unsafe { object_mut(obj, "obj") }?)?;
        set_block(m, index, name, child);
        Ok(())
    })
}

/// As `vtkwire_multiblock_set_block`, but takes ownership of `block` instead of copying it.
///
/// # Ownership
/// On success `block` belongs to `obj`: do not use or free it afterwards. On error the caller
/// still owns it.
///
/// # Errors
/// As `vtkwire_multiblock_set_block`.
///
/// # Safety
/// `block` NULL or an owned handle distinct from `obj`.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_multiblock_set_block_take(
    obj: *mut vtkwire_object,
    index: usize,
    name: *const c_char,
    block: *mut vtkwire_object,
) -> Status {
    guard(|| {
        let name = unsafe { guard::opt_str_arg(name, "name") }?;
        let m = multiblock_mut(unsafe { object_mut(obj, "obj") }?)?;
        if std::ptr::eq(obj, block) {
            return Err(Error::invalid_argument("a multiblock cannot contain itself"));
        }
        // Check through a borrowed view first so that ownership moves only on success.
        let child = if block.is_null() { None } else { Some(unsafe { object_ref(block, "block") }?) };
        check_block(index, child)?;
        let owned = if block.is_null() { None } else { Some(unsafe { object_from_handle(block) }) };
        set_block(m, index, name, owned);
        Ok(())
    })
}

/// Block `index` of a multiblock: `*out_block` is NULL for a null block, `*out_name` NULL (and
/// `*out_name_len` 0) when unnamed; the name is UTF-8, **not** NUL-terminated.
///
/// # Ownership
/// Both borrowed from `obj`; valid until it is modified or freed. Do not free the block.
///
/// # Errors
/// OUT_OF_RANGE (index).
///
/// # Safety
/// `obj` live.
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
        let o = unsafe { object_ref(obj, "obj") }?;
        check_out(out_block, "out_block")?;
        check_out(out_name, "out_name")?;
        check_out(out_name_len, "out_name_len")?;
        let DataObject::MultiBlock(m) = o else { return Err(wrong_type(o, "a multiblock data set")) };
        let b =
            m.blocks.get(index).ok_or_else(|| Error::out_of_range(format!("block {index} of {}", m.blocks.len())))?;
        let child = b.object.as_deref().map_or(std::ptr::null(), |c| (c as *const DataObject).cast());
        let (np, nl) = b.name.as_deref().map_or((std::ptr::null(), 0), |s| (s.as_ptr().cast(), s.len()));
        unsafe {
            write_out(out_block, child);
            write_out(out_name, np);
            write_out(out_name_len, nl);
        }
        Ok(())
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

/// Appends a level with cell `spacing` and the refinement ratio to the next finer level.
///
/// # Errors
/// NULL_ARGUMENT, WRONG_OBJECT_TYPE, INVALID_ARGUMENT (spacing ≤ 0 or not finite, ratio < 1).
///
/// # Safety
/// `obj` live owned handle; `spacing` holds 3 doubles; `out_level` NULL or writable.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_amr_add_level(
    obj: *mut vtkwire_object,
    spacing: *const f64,
    refinement_ratio: i32,
    out_level: *mut usize,
) -> Status {
    guard(|| {
        let a = amr_mut(unsafe { object_mut(obj, "obj") }?)?;
        let spacing = unsafe { guard::array::<f64, 3>(spacing, "spacing") }?;
        if spacing.iter().any(|s| !s.is_finite() || *s <= 0.0) {
            return Err(Error::invalid_argument("spacing must be positive and finite"));
        }
        if refinement_ratio < 1 {
            return Err(Error::invalid_argument(format!("refinement ratio {refinement_ratio} (must be ≥ 1)")));
        }
        a.levels.push(AmrLevel { spacing, refinement_ratio, blocks: Vec::new() });
        if !out_level.is_null() {
            unsafe { write_out(out_level, a.levels.len() - 1) };
        }
        Ok(())
    })
}

/// Appends a block to `level`: its cell-index box `[lo_i lo_j lo_k hi_i hi_j hi_k]` and, if this
/// rank holds its data, a copy of `grid` (image data or structured points whose dimensions are
/// the box's cells + 1 per axis; NULL = no local data). Blanking: give the grid a
/// `vtkGhostType` unsigned-char cell array (VTK's HIDDENCELL bit 0x20).
///
/// # Ownership
/// Borrows `grid` for the duration of the call (copied).
///
/// # Errors
/// NULL_ARGUMENT, WRONG_OBJECT_TYPE, OUT_OF_RANGE (level), INVALID_OBJECT (box/grid mismatch).
///
/// # Safety
/// `obj` live owned; `box` holds 6 ints; `grid` NULL or live; `out_index` NULL or writable.
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
        let bbox = unsafe { guard::array::<i32, 6>(r#box, "box") }?;
        let grid = if grid.is_null() { None } else { Some(image_ref(unsafe { object_ref(grid, "grid") }?)?.clone()) };
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
            unsafe { write_out(out_index, idx) };
        }
        Ok(())
    })
}

/// Origin, grid description and number of levels of an AMR.
///
/// # Safety
/// `obj` live; `out_origin` holds 3 doubles.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_amr_info(
    obj: *const vtkwire_object,
    out_origin: *mut f64,
    out_grid_description: *mut i32,
    out_nlevels: *mut usize,
) -> Status {
    guard(|| {
        let a = amr_ref(unsafe { object_ref(obj, "obj") }?)?;
        check_out(out_origin, "out_origin")?;
        check_out(out_grid_description, "out_grid_description")?;
        check_out(out_nlevels, "out_nlevels")?;
        unsafe {
            std::ptr::copy_nonoverlapping(a.origin.as_ptr(), out_origin, 3);
            write_out(out_grid_description, a.grid_description);
            write_out(out_nlevels, a.levels.len());
        }
        Ok(())
    })
}

/// Spacing, refinement ratio and block count of AMR `level`.
///
/// # Safety
/// `obj` live; `out_spacing` holds 3 doubles.
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
        let a = amr_ref(unsafe { object_ref(obj, "obj") }?)?;
        check_out(out_spacing, "out_spacing")?;
        check_out(out_refinement_ratio, "out_refinement_ratio")?;
        check_out(out_nblocks, "out_nblocks")?;
        let l =
            a.levels.get(level).ok_or_else(|| Error::out_of_range(format!("level {level} of {}", a.levels.len())))?;
        unsafe {
            std::ptr::copy_nonoverlapping(l.spacing.as_ptr(), out_spacing, 3);
            write_out(out_refinement_ratio, l.refinement_ratio);
            write_out(out_nblocks, l.blocks.len());
        }
        Ok(())
    })
}

/// Box and grid of block `index` of AMR `level`; `*out_grid` is a new image data copy owned by
/// the caller (free with `vtkwire_object_free`), or NULL when the block has no local data.
///
/// # Safety
/// `obj` live; `out_box` holds 6 ints.
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
        unsafe {
            std::ptr::copy_nonoverlapping(b.bbox.as_ptr(), out_box, 6);
            write_out(out_grid, grid);
        }
        Ok(())
    })
}

fn add_array(obj: &mut DataObject, association: i32, a: DataArray, out_index: *mut usize) -> Result<()> {
    let assoc = assoc_arg(association)?;
    let attrs = attributes_mut(obj, assoc)?;
    let i = attrs.add(a);
    if !out_index.is_null() {
        unsafe { write_out(out_index, i) };
    }
    Ok(())
}

/// Adds a copy of `array` to the `association` data of `obj` (point, cell, field, row,
/// vertex or edge data). A named array replaces an existing one of the same name (VTK's
/// `AddArray`). Tuple counts are checked by `vtkwire_object_validate` (and marshal/send).
/// `out_index` (may be NULL) gets the array's index.
///
/// # Ownership
/// Borrows `array` for the duration of the call (copied).
///
/// # Errors
/// NULL_ARGUMENT, INVALID_ARGUMENT (association), WRONG_OBJECT_TYPE (association the type lacks).
///
/// # Safety
/// `obj` live owned; `array` live.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_add_array(
    obj: *mut vtkwire_object,
    association: i32,
    array: *const vtkwire_array,
    out_index: *mut usize,
) -> Status {
    guard(|| {
        let o = unsafe { object_mut(obj, "obj") }?;
        let a = array::deep_copy(unsafe { array_ref(array, "array") }?);
        add_array(o, association, a, out_index)
    })
}

/// As `vtkwire_object_add_array`, but takes ownership of `array` (no copy; borrowed values
/// stay borrowed).
///
/// # Ownership
/// On success `array` belongs to `obj`: do not use or free it. On error the caller still owns it.
///
/// # Safety
/// `array` an owned handle.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_add_array_take(
    obj: *mut vtkwire_object,
    association: i32,
    array: *mut vtkwire_array,
    out_index: *mut usize,
) -> Status {
    guard(|| {
        let o = unsafe { object_mut(obj, "obj") }?;
        unsafe { array_mut(array, "array") }?;
        let assoc = assoc_arg(association)?;
        attributes_mut(o, assoc)?;
        // SAFETY: checked non-null owned handle; ownership moves now that nothing can fail.
        let a = *unsafe { Box::from_raw(array.cast::<DataArray>()) };
        add_array(o, association, a, out_index)
    })
}

/// Adds an array built from caller values (copied): arguments as `vtkwire_array_new`.
///
/// # Ownership
/// `data` is copied.
///
/// # Errors
/// As `vtkwire_array_new` and `vtkwire_object_add_array`.
///
/// # Safety
/// As `vtkwire_array_new`.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_add_array_data(
    obj: *mut vtkwire_object,
    association: i32,
    name: *const c_char,
    r#type: i32,
    data: *const c_void,
    ntuples: usize,
    ncomponents: i32,
    out_index: *mut usize,
) -> Status {
    guard(|| {
        let o = unsafe { object_mut(obj, "obj") }?;
        let a = unsafe { array::array_from_args(name, r#type, data, ntuples, ncomponents, false) }?;
        add_array(o, association, a, out_index)
    })
}

/// As `vtkwire_object_add_array_data`, without copying the values (zero-copy).
///
/// # Ownership
/// `data` is borrowed: it must stay alive and unchanged until `obj` (and every copy, send or
/// marshal using it) is done with it.
///
/// # Safety
/// As `vtkwire_array_new_borrowed`.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_add_array_data_borrowed(
    obj: *mut vtkwire_object,
    association: i32,
    name: *const c_char,
    r#type: i32,
    data: *const c_void,
    ntuples: usize,
    ncomponents: i32,
    out_index: *mut usize,
) -> Status {
    guard(|| {
        let o = unsafe { object_mut(obj, "obj") }?;
        let a = unsafe { array::array_from_args(name, r#type, data, ntuples, ncomponents, true) }?;
        add_array(o, association, a, out_index)
    })
}

/// Makes the array named `name` the active `role` (`VTKWIRE_ROLE_*`) of the `association`
/// data; NULL `name` clears the role.
///
/// # Errors
/// NOT_FOUND (no such array), INVALID_ARGUMENT (array unfit for the role: e.g. vectors need 3
/// components), WRONG_OBJECT_TYPE.
///
/// # Safety
/// `obj` live owned; `name` NULL or NUL-terminated.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_set_active(
    obj: *mut vtkwire_object,
    association: i32,
    role: i32,
    name: *const c_char,
) -> Status {
    guard(|| {
        let o = unsafe { object_mut(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        let role = role_arg(role)?;
        let name = unsafe { guard::opt_str_arg(name, "name") }?;
        let attrs = attributes_mut(o, assoc)?;
        let idx = match name {
            None => None,
            Some(n) => Some(
                attrs.index_of(n).ok_or_else(|| Error::not_found(format!("no {} array named '{n}'", assoc.name())))?,
            ),
        };
        attrs.set_active(role, idx)
    })
}

/// Number of arrays in the `association` data of `obj`.
///
/// # Safety
/// `obj` live.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_array_count(
    obj: *const vtkwire_object,
    association: i32,
    out_count: *mut usize,
) -> Status {
    guard(|| {
        let o = unsafe { object_ref(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        check_out(out_count, "out_count")?;
        let n = attributes(o, assoc)?.len();
        unsafe { write_out(out_count, n) };
        Ok(())
    })
}

/// Array `index` of the `association` data.
///
/// # Ownership
/// Borrowed from `obj`; valid until it is modified or freed. Do not free.
///
/// # Safety
/// `obj` live.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_array(
    obj: *const vtkwire_object,
    association: i32,
    index: usize,
    out_array: *mut *const vtkwire_array,
) -> Status {
    guard(|| {
        let o = unsafe { object_ref(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        check_out(out_array, "out_array")?;
        let attrs = attributes(o, assoc)?;
        let a = attrs
            .get(index)
            .ok_or_else(|| Error::out_of_range(format!("{} array {index} of {}", assoc.name(), attrs.len())))?;
        unsafe { write_out(out_array, array_borrowed(a)) };
        Ok(())
    })
}

/// The first array named `name` in the `association` data.
///
/// # Ownership
/// Borrowed from `obj`; valid until it is modified or freed. Do not free.
///
/// # Errors
/// NOT_FOUND.
///
/// # Safety
/// `obj` live; `name` NUL-terminated.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_array_by_name(
    obj: *const vtkwire_object,
    association: i32,
    name: *const c_char,
    out_array: *mut *const vtkwire_array,
) -> Status {
    guard(|| {
        let o = unsafe { object_ref(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        let name = unsafe { guard::str_arg(name, "name") }?;
        check_out(out_array, "out_array")?;
        let a = attributes(o, assoc)?
            .by_name(name)
            .ok_or_else(|| Error::not_found(format!("no {} array named '{name}'", assoc.name())))?;
        unsafe { write_out(out_array, array_borrowed(a)) };
        Ok(())
    })
}

/// The active `role` array of the `association` data.
///
/// # Ownership
/// Borrowed from `obj`; valid until it is modified or freed. Do not free.
///
/// # Errors
/// NOT_FOUND when no array has that role.
///
/// # Safety
/// `obj` live.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_active_array(
    obj: *const vtkwire_object,
    association: i32,
    role: i32,
    out_array: *mut *const vtkwire_array,
) -> Status {
    guard(|| {
        let o = unsafe { object_ref(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        let role = role_arg(role)?;
        check_out(out_array, "out_array")?;
        let a = attributes(o, assoc)?
            .active(role)
            .ok_or_else(|| Error::not_found(format!("no active {} in the {}", role.name(), assoc.name())))?;
        unsafe { write_out(out_array, array_borrowed(a)) };
        Ok(())
    })
}

/// Removes array `index` from the `association` data (later arrays shift down; roles on it
/// are cleared).
///
/// # Safety
/// `obj` live owned.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_object_remove_array(
    obj: *mut vtkwire_object,
    association: i32,
    index: usize,
) -> Status {
    guard(|| {
        let o = unsafe { object_mut(obj, "obj") }?;
        let assoc = assoc_arg(association)?;
        attributes_mut(o, assoc)?.remove(index).map(|_| ())
    })
}
