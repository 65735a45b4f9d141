//! Directed and undirected graphs and trees.

use crate::error::{Error, Result, Status};
use crate::ffi::guard::{self, check_out, guard, write_out};
use crate::ffi::object::{checked, new_object, object_ref, vtkwire_object, wrong_type};
use crate::model::{Buffer, DataObject, Graph};

unsafe fn graph_args(nvertices: usize, edges: *const i64, nedges: usize) -> Result<Graph> {
    let n = nedges.checked_mul(2).ok_or_else(|| Error::out_of_range("nedges overflows"))?;
    // SAFETY: `edges` is NULL or holds the count given (`# Safety`); NULL with a count is refused.
    let e = unsafe { guard::slice(edges, n, "edges") }?;
    Ok(Graph { num_vertices: nvertices, edges: Buffer::from_slice(e), ..Graph::default() })
}

/// Creates a `vtkDirectedGraph` with vertices `0..nvertices` and `nedges` edges given as
/// `2 * nedges` ids `(source, target)`, in edge-id order.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`. Borrows
/// `edges` for the duration of the call (copied).
///
/// # Errors
/// - NULL_ARGUMENT: `out_obj` is NULL, or `edges` is NULL with `nedges > 0`.
/// - OUT_OF_RANGE: `2 * nedges` overflows.
/// - INVALID_OBJECT: an id is negative or ≥ `nvertices` (the message names the edge).
///
/// # Safety
/// `edges` NULL or `2 * nedges` readable `int64_t`; `out_obj` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_directed_graph_new(
    nvertices: usize,
    edges: *const i64,
    nedges: usize,
    out_obj: *mut *mut vtkwire_object,
) -> Status {
    // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `graph_args` checks NULL.
    new_object(out_obj, || checked(DataObject::DirectedGraph(unsafe { graph_args(nvertices, edges, nedges) }?)))
}

/// Creates a `vtkUndirectedGraph`; arguments as `vtkwire_directed_graph_new`.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`. Borrows
/// `edges` for the duration of the call (copied).
///
/// # Errors
/// As `vtkwire_directed_graph_new`: NULL_ARGUMENT, OUT_OF_RANGE, INVALID_OBJECT.
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
    // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `graph_args` checks NULL.
    new_object(out_obj, || checked(DataObject::UndirectedGraph(unsafe { graph_args(nvertices, edges, nedges) }?)))
}

/// Creates a `vtkTree`: vertices `0..nvertices`, edges `(parent, child)`. It must be a tree:
/// `nvertices - 1` edges, one root, every other vertex with exactly one parent, no cycle.
///
/// # Ownership
/// Returns a new object owned by the caller; free it with `vtkwire_object_free`. Borrows
/// `edges` for the duration of the call (copied).
///
/// # Errors
/// - NULL_ARGUMENT: `out_obj` is NULL, or `edges` is NULL with `nedges > 0`.
/// - OUT_OF_RANGE: `2 * nedges` overflows.
/// - INVALID_OBJECT: not a tree, or an id out of range (the message names the edge or vertex).
///
/// # Safety
/// `edges` NULL or `2 * nedges` readable `int64_t`; `out_obj` NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_tree_new(
    nvertices: usize,
    edges: *const i64,
    nedges: usize,
    out_obj: *mut *mut vtkwire_object,
) -> Status {
    // SAFETY: the pointer arguments are NULL or valid as `# Safety` requires; `graph_args` checks NULL.
    new_object(out_obj, || checked(DataObject::Tree(unsafe { graph_args(nvertices, edges, nedges) }?)))
}

/// The edges of a directed/undirected graph or tree: `2 * *out_nedges` ids (source, target) —
/// for a tree (parent, child) — in edge-id order.
///
/// # Ownership
/// Borrowed from `obj`; valid until `obj` is modified or freed. Do not free it.
///
/// # Errors
/// - NULL_ARGUMENT: `obj` or an output is NULL.
/// - WRONG_OBJECT_TYPE: `obj` is not a graph or tree.
///
/// # Safety
/// `obj` NULL or a live object handle; each output NULL or valid for writes.
#[unsafe(no_mangle)]
#[must_use]
pub unsafe extern "C" fn vtkwire_graph_edges(
    obj: *const vtkwire_object,
    out_edges: *mut *const i64,
    out_nedges: *mut usize,
) -> Status {
    guard(|| {
        // SAFETY: `obj` is NULL or a live handle (this function's `# Safety`); NULL is refused.
        let o = unsafe { object_ref(obj, "obj") }?;
        check_out(out_edges, "out_edges")?;
        check_out(out_nedges, "out_nedges")?;
        let (DataObject::DirectedGraph(g) | DataObject::UndirectedGraph(g) | DataObject::Tree(g)) = o else {
            return Err(wrong_type(o, "a graph or tree"));
        };
        // SAFETY: the outputs were checked non-NULL above and are writable for the documented sizes (`# Safety`).
        unsafe {
            write_out(out_edges, g.edges.as_slice().as_ptr());
            write_out(out_nedges, g.num_edges());
        }
        Ok(())
    })
}
