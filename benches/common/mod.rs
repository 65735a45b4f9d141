//! Objects shared by the benches: the three large objects of the marshaling benchmark (about
//! 40–120 MB marshaled each), built the same way in `marshal` and `mpi_send`.

#![allow(
    clippy::cast_possible_wrap,
    reason = "point and cell counts of these objects are at most a few tens of millions: usize -> i64 cannot wrap"
)]

use vtkwire::model::*;

/// An unstructured grid of `n`³ hexahedra (`(n+1)`³ double points), with a double scalar
/// `pressure` and a float vector `velocity` on the points.
pub fn hexes(n: usize) -> DataObject {
    let np = n + 1;
    let mut pts = Vec::with_capacity(3 * np * np * np);
    for k in 0..np {
        for j in 0..np {
            for i in 0..np {
                pts.extend_from_slice(&[i as f64, j as f64, k as f64]);
            }
        }
    }
    let id = |i: usize, j: usize, k: usize| (i + np * (j + np * k)) as i64;
    let mut conn = Vec::with_capacity(8 * n * n * n);
    let mut offsets = Vec::with_capacity(n * n * n + 1);
    offsets.push(0i64);
    for k in 0..n {
        for j in 0..n {
            for i in 0..n {
                conn.extend_from_slice(&[
                    id(i, j, k),
                    id(i + 1, j, k),
                    id(i + 1, j + 1, k),
                    id(i, j + 1, k),
                    id(i, j, k + 1),
                    id(i + 1, j, k + 1),
                    id(i + 1, j + 1, k + 1),
                    id(i, j + 1, k + 1),
                ]);
                offsets.push(conn.len() as i64);
            }
        }
    }
    let npts = np * np * np;
    let mut ug = UnstructuredGrid {
        points: Some(DataArray::from_vec(None, 3, pts).unwrap()),
        cells: CellArray::new(offsets.into(), conn.into()).unwrap(),
        cell_types: vec![12; n * n * n],
        ..UnstructuredGrid::default()
    };
    ug.point_data
        .add_with_role(
            DataArray::from_vec(Some("pressure"), 1, (0..npts).map(|i| i as f64 * 0.5).collect()).unwrap(),
            AttributeRole::Scalars,
        )
        .unwrap();
    ug.point_data
        .add_with_role(
            DataArray::from_vec(Some("velocity"), 3, (0..3 * npts).map(|i| i as f32).collect()).unwrap(),
            AttributeRole::Vectors,
        )
        .unwrap();
    DataObject::UnstructuredGrid(ug)
}

/// Poly data: an `n`×`n` grid of quads split into 2`n`² triangles, float points.
pub fn triangles(n: usize) -> DataObject {
    let np = n + 1;
    let pts: Vec<f32> = (0..np * np).flat_map(|p| [(p % np) as f32, (p / np) as f32, 0.0]).collect();
    let mut conn = Vec::with_capacity(6 * n * n);
    for j in 0..n {
        for i in 0..n {
            let a = (i + np * j) as i64;
            conn.extend_from_slice(&[a, a + 1, a + np as i64, a + 1, a + 1 + np as i64, a + np as i64]);
        }
    }
    let offsets: Vec<i64> = (0..=2 * n * n).map(|c| 3 * c as i64).collect();
    let mut pd = PolyData { points: Some(DataArray::from_vec(None, 3, pts).unwrap()), ..PolyData::default() };
    pd.cells[PolyCells::Polys as usize] = CellArray::new(offsets.into(), conn.into()).unwrap();
    DataObject::PolyData(pd)
}

/// An `n`³ image with one float32 scalar `density` on the points.
pub fn image(n: i32) -> DataObject {
    let mut img = ImageData::new([0, n - 1, 0, n - 1, 0, n - 1], [0.0; 3], [1.0; 3]);
    let len = (n as usize).pow(3);
    img.point_data
        .add_with_role(
            DataArray::from_vec(Some("density"), 1, (0..len).map(|i| i as f32).collect()).unwrap(),
            AttributeRole::Scalars,
        )
        .unwrap();
    DataObject::ImageData(img)
}
