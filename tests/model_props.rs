//! Properties of the data model: validation accepts what is well formed and rejects, with a
//! located message, every single corruption; conversions agree with an independent computation.

use proptest::prelude::*;
use vtkwire::Status;
use vtkwire::model::*;

/// Random cells over `npoints` points: (legacy stream, offsets, connectivity) computed two ways.
fn cells_strategy(npoints: usize) -> impl Strategy<Value = Vec<Vec<i64>>> {
    prop::collection::vec(prop::collection::vec(0..i64::try_from(npoints).unwrap(), 1..6), 0..20)
}

proptest! {
    #[test]
    fn legacy_and_offsets_layouts_agree(cells in cells_strategy(10)) {
        let stream: Vec<i64> = cells.iter().flat_map(|c| std::iter::once(i64::try_from(c.len()).unwrap()).chain(c.iter().copied())).collect();
        let a = CellArray::from_legacy(&stream).unwrap();
        let mut offsets = vec![0i64];
        let mut conn = Vec::new();
        for c in &cells {
            conn.extend_from_slice(c);
            offsets.push(i64::try_from(conn.len()).unwrap());
        }
        let b = CellArray::new(offsets.into(), conn.into()).unwrap();
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(a.len(), cells.len());
        for (i, c) in cells.iter().enumerate() {
            prop_assert_eq!(a.cell(i).unwrap(), &c[..]);
        }
        prop_assert!(a.validate("polys", 10).is_ok());
    }

    #[test]
    fn any_out_of_range_id_is_located(cells in cells_strategy(10).prop_filter("non-empty", |c| !c.is_empty()), pick in any::<prop::sample::Index>(), bad in prop_oneof![10i64..1000, i64::MIN..0]) {
        let stream: Vec<i64> = cells.iter().flat_map(|c| std::iter::once(i64::try_from(c.len()).unwrap()).chain(c.iter().copied())).collect();
        let a = CellArray::from_legacy(&stream).unwrap();
        let mut conn = a.connectivity().to_vec();
        let k = pick.index(conn.len());
        conn[k] = bad;
        let b = CellArray::new(a.offsets().to_vec().into(), conn.into()).unwrap();
        let e = b.validate("polys", 10).unwrap_err();
        prop_assert_eq!(e.status, Status::InvalidObject);
        let expected = format!("connectivity[{k}] = {bad}");
        prop_assert!(e.message.contains(&expected), "{}", e.message);
    }

    #[test]
    fn random_trees_validate_and_any_rewired_edge_breaks_them(n in 1usize..40, seed in any::<u64>(), pick in any::<prop::sample::Index>()) {
        // A random tree: vertex i > 0 gets a parent among 0..i, then labels are permuted.
        let mut rng = seed | 1;
        let mut next = || { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; rng };
        let mut perm: Vec<i64> = (0..i64::try_from(n).unwrap()).collect();
        for i in (1..n).rev() {
            let j = usize::try_from(next() % (u64::try_from(i).unwrap() + 1)).unwrap();
            perm.swap(i, j);
        }
        let edges: Vec<[i64; 2]> = (1..n).map(|i| [perm[usize::try_from(next() % u64::try_from(i).unwrap()).unwrap()], perm[i]]).collect();
        let g = Graph::new(n, edges.clone());
        prop_assert!(DataObject::Tree(g.clone()).validate().is_ok());
        prop_assert!(DataObject::DirectedGraph(g).validate().is_ok());
        if n > 2 {
            // Point an edge's child at another vertex: some vertex now has two parents or none.
            let k = pick.index(edges.len());
            let mut bad = edges.clone();
            let old = bad[k][1];
            bad[k][1] = perm.iter().copied().find(|&v| v != old && v != bad[k][0]).unwrap();
            let e = DataObject::Tree(Graph::new(n, bad)).validate().unwrap_err();
            prop_assert_eq!(e.status, Status::InvalidObject);
            prop_assert!(e.message.starts_with("vtkTree: "), "{}", e.message);
        }
    }

    #[test]
    fn bits_round_trip(values in prop::collection::vec(any::<bool>(), 0..200)) {
        let b = Bits::from_bools(&values);
        prop_assert_eq!(b.to_bools(), values.clone());
        prop_assert_eq!(b.packed().len(), values.len().div_ceil(8));
        let again = Bits::from_packed(b.packed().to_vec(), values.len()).unwrap();
        prop_assert_eq!(again, b);
    }

    #[test]
    fn structured_counts_match_a_direct_count(x0 in -5i32..5, nx in 1i32..6, y0 in -5i32..5, ny in 1i32..6, z0 in -5i32..5, nz in 1i32..6) {
        let e = [x0, x0 + nx - 1, y0, y0 + ny - 1, z0, z0 + nz - 1];
        // Count points and cells by enumeration.
        let mut pts = 0usize;
        for _ in 0..nx { for _ in 0..ny { for _ in 0..nz { pts += 1; } } }
        let cells_axis = |n: i32| if n > 1 { (n - 1) as usize } else { 1 };
        prop_assert_eq!(extent_points(&e), pts);
        prop_assert_eq!(extent_cells(&e), cells_axis(nx) * cells_axis(ny) * cells_axis(nz));
    }
}

#[test]
fn buffers_compare_bit_exactly() {
    let a = Buffer::from_vec(vec![f64::from_bits(0x7ff8_0000_0000_0001), 0.0]);
    let b = Buffer::from_vec(vec![f64::from_bits(0x7ff8_0000_0000_0001), 0.0]);
    let c = Buffer::from_vec(vec![f64::from_bits(0x7ff8_0000_0000_0002), 0.0]);
    let d = Buffer::from_vec(vec![f64::from_bits(0x7ff8_0000_0000_0001), -0.0]);
    assert_eq!(a, b, "same NaN payload is equal (unlike IEEE ==)");
    assert_ne!(a, c, "different NaN payloads differ");
    assert_ne!(a, d, "-0.0 differs from 0.0");
}

#[test]
fn attributes_replace_by_name_and_keep_roles_consistent() {
    let mut at = Attributes::new();
    let v = DataArray::from_vec(Some("v"), 3, vec![0f32; 6]).unwrap();
    let i = at.add_with_role(v, AttributeRole::Vectors).unwrap();
    assert_eq!(at.active_index(AttributeRole::Vectors), Some(i));
    // Same name, now 1 component: replaces in place and drops the role it no longer fits.
    let s = DataArray::from_vec(Some("v"), 1, vec![0f32; 2]).unwrap();
    assert_eq!(at.add(s), i);
    assert_eq!(at.len(), 1);
    assert_eq!(at.active_index(AttributeRole::Vectors), None);
    // Unnamed arrays never replace each other.
    at.add(DataArray::from_vec(None, 1, vec![1i32, 2]).unwrap());
    at.add(DataArray::from_vec(None, 1, vec![3i32, 4]).unwrap());
    assert_eq!(at.len(), 3);
    at.set_active(AttributeRole::Scalars, Some(2)).unwrap();
    at.remove(1).unwrap();
    assert_eq!(at.active_index(AttributeRole::Scalars), Some(1), "roles follow the shifted index");
    assert!(at.validate("point data", Some(2)).is_ok());
    let e = at.validate("point data", Some(3)).unwrap_err();
    assert!(e.message.contains("expected 3"), "{}", e.message);
    // Roles check shape: tensors need 6 or 9 components, global ids one numeric component.
    let t = DataArray::from_vec(Some("t"), 4, vec![0f64; 8]).unwrap();
    assert!(AttributeRole::Tensors.accepts(&t).is_err());
    let ids = DataArray::strings(Some("ids"), vec!["a".into(), "b".into()]);
    assert!(AttributeRole::GlobalIds.accepts(&ids).is_err());
    assert!(AttributeRole::PedigreeIds.accepts(&ids).is_ok());
}

#[test]
fn polyhedron_face_streams() {
    // Tetra as 4 triangular faces.
    let stream = [4i64, 3, 0, 1, 2, 3, 0, 1, 3, 3, 1, 2, 3, 3, 0, 2, 3];
    assert_eq!(cells::polyhedron_points(&stream).unwrap(), vec![0, 1, 2, 3]);
    for cut in 0..stream.len() {
        let e = cells::polyhedron_points(&stream[..cut]).unwrap_err();
        assert_eq!(e.status, Status::InvalidObject, "cut at {cut}");
    }
    let mut long = stream.to_vec();
    long.push(9);
    assert!(cells::polyhedron_points(&long).unwrap_err().message.contains("1 entries left"));
}

#[test]
fn extents_must_be_consistent() {
    let img = ImageData::new([0, 1, 0, -1, 0, 1], [0.0; 3], [1.0; 3]);
    assert!(DataObject::ImageData(img).validate().is_err());
    // VTK's empty extent (max < min on every axis) is fine and has no points.
    let empty = ImageData::new([0, -1, 0, -1, 0, -1], [0.0; 3], [1.0; 3]);
    assert!(DataObject::ImageData(empty.clone()).validate().is_ok());
    assert_eq!(extent_points(&empty.extent), 0);
    // Rectilinear coordinates must match the extent.
    let mut rg = RectilinearGrid::new([0, 2, 0, 0, 0, 0]);
    rg.coordinates[0] = Some(DataArray::from_vec(Some("x"), 1, vec![0.0f64, 1.0]).unwrap());
    rg.coordinates[1] = Some(DataArray::from_vec(Some("y"), 1, vec![0.0f64]).unwrap());
    rg.coordinates[2] = Some(DataArray::from_vec(Some("z"), 1, vec![0.0f64]).unwrap());
    let e = DataObject::RectilinearGrid(rg).validate().unwrap_err();
    assert!(e.message.contains("x coordinates have 2 values, the extent needs 3"), "{}", e.message);
}

/// A value that names its place: point or cell (i, j, k) in extent coordinates, component c.
fn tag(i: i32, j: i32, k: i32, c: usize) -> f64 {
    f64::from(i) * 1e6 + f64::from(j) * 1e3 + f64::from(k) + f64::from(u32::try_from(c).unwrap()) * 0.125
}

/// Values in VTK's storage order, written as VTK's loops walk a structured data set: z
/// outermost, then y, then x, the components of each tuple together.
fn vtk_order(lo: [i32; 3], hi: [i32; 3], nc: usize) -> Vec<f64> {
    let mut v = Vec::new();
    for k in lo[2]..=hi[2] {
        for j in lo[1]..=hi[1] {
            for i in lo[0]..=hi[0] {
                for c in 0..nc {
                    v.push(tag(i, j, k, c));
                }
            }
        }
    }
    v
}

proptest! {
    #[test]
    fn image_views_are_shaped_by_the_extent(
        x0 in -3i32..3, y0 in -3i32..3, z0 in -3i32..3,
        nx in 1i32..5, ny in 1i32..5, nz in 1i32..4, nc in 1usize..4,
    ) {
        let extent = [x0, x0 + nx - 1, y0, y0 + ny - 1, z0, z0 + nz - 1];
        let mut img = ImageData::new(extent, [0.0; 3], [1.0; 3]);
        let points = vtk_order([x0, y0, z0], [extent[1], extent[3], extent[5]], nc);
        img.point_data.add(DataArray::from_vec(Some("p"), nc, points).unwrap());
        // Cells: one fewer per axis with more than one point; a flat axis keeps one cell,
        // indexed by its only point.
        let hi = |lo: i32, n: i32| if n > 1 { lo + n - 2 } else { lo };
        let cells = vtk_order([x0, y0, z0], [hi(x0, nx), hi(y0, ny), hi(z0, nz)], 1);
        let ncells = cells.len();
        img.cell_data.add(DataArray::from_vec(Some("c"), 1, cells).unwrap());
        prop_assert!(DataObject::ImageData(img.clone()).validate().is_ok());

        let p = img.view::<f64>(Association::Point, "p").unwrap();
        let dims = |n: i32| usize::try_from(n).unwrap();
        prop_assert_eq!(p.shape(), &[dims(nz), dims(ny), dims(nx), nc]);
        for ((k, j, i, c), v) in p.indexed_iter().map(|((k, j, i, c), v)| ((k, j, i, c), *v)) {
            let at = |lo: i32, d: usize| lo + i32::try_from(d).unwrap();
            prop_assert_eq!(v, tag(at(x0, i), at(y0, j), at(z0, k), c));
        }
        let c = img.view::<f64>(Association::Cell, "c").unwrap();
        prop_assert_eq!(c.len(), ncells);
        let cdim = |n: i32| usize::try_from(n - 1).unwrap().max(1);
        prop_assert_eq!(c.shape(), &[cdim(nz), cdim(ny), cdim(nx), 1]);
        for ((k, j, i, _), v) in c.indexed_iter() {
            let at = |lo: i32, d: usize| lo + i32::try_from(d).unwrap();
            prop_assert_eq!(*v, tag(at(x0, i), at(y0, j), at(z0, k), 0));
        }
        // The same through DataObject, for structured points too.
        let sp = DataObject::StructuredPoints(img.clone());
        prop_assert_eq!(sp.structured_view::<f64>(Association::Point, "p").unwrap(), p);
    }
}

#[test]
fn structured_views_refuse_what_does_not_fit() {
    let mut img = ImageData::new([0, 2, 0, 1, 0, 0], [0.0; 3], [1.0; 3]);
    img.point_data.add(DataArray::from_vec(Some("i"), 1, vec![1i32, 2, 3, 4, 5, 6]).unwrap());
    img.point_data.add(DataArray::from_vec(Some("short"), 1, vec![1.0f32, 2.0]).unwrap());
    assert_eq!(img.view::<i32>(Association::Point, "i").unwrap()[[0, 1, 2, 0]], 6);
    assert_eq!(img.view::<f32>(Association::Point, "i").unwrap_err().status, Status::WrongArrayType);
    assert_eq!(img.view::<i32>(Association::Point, "none").unwrap_err().status, Status::NotFound);
    let e = img.view::<f32>(Association::Point, "short").unwrap_err();
    assert_eq!(e.status, Status::InvalidObject);
    assert!(e.message.contains("needs 6"), "{}", e.message);
    assert_eq!(img.view::<i32>(Association::Field, "i").unwrap_err().status, Status::WrongObjectType);
    // Structured grids share the layout; poly data has no extent.
    let mut sg = StructuredGrid::new([0, 1, 0, 0, 0, 2]);
    sg.point_data.add(DataArray::from_vec(Some("v"), 2, (0..12).map(f64::from).collect()).unwrap());
    let sg = DataObject::StructuredGrid(sg);
    let v = sg.structured_view::<f64>(Association::Point, "v").unwrap();
    assert_eq!(v.shape(), &[3, 1, 2, 2]);
    // Point (x=1, y=0, z=2) is tuple 2*1*2 + 1 = 5: values 10 and 11.
    assert_eq!((v[[2, 0, 1, 0]], v[[2, 0, 1, 1]]), (10.0, 11.0));
    let e = DataObject::PolyData(PolyData::default()).structured_view::<f64>(Association::Point, "v").unwrap_err();
    assert_eq!(e.status, Status::WrongObjectType);
    assert_eq!(extent_shape(&[0, -1, 0, -1, 0, -1], Association::Cell), Some([0, 0, 0]));
}
