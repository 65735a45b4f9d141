//! Directed and undirected graphs and trees.

use crate::error::{Error, Result, Status};
use crate::ffi::guard::{self, check_out, guard, write_out};
use crate::ffi::object::{checked, new_object, object_ref, vtkwire_object, wrong_type};
use crate::model::{Buffer, DataObject, Graph};

unsafe fn graph_args(nvertices: usize, edges: *const i64, nedges: usize) -> Result<Graph> {
    let n = nedges.checked_mul(2).ok_or_else(|| Error::out_of_range("nedges overflows"))?;
    let e = unsafe { guard::slice(edges, n, "edges") }?;
    Ok(Graph { num_vertices: nvertices, edges: Buffer::from_slice(e), ..Graph::default() })
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
