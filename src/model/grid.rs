//! ndarray views of structured data: the point and cell arrays of image data, structured
//! points, rectilinear and structured grids, shaped by the extent as `(z, y, x, component)`.
//!
//! VTK stores the values of a structured data set with x varying fastest, then y, then z, and
//! the components of a tuple together; that is C order for the shape
//! `(nz, ny, nx, ncomponents)`. `view[[k, j, i, c]]` is component `c` at the point (or cell)
//! whose structured index is `(extent[0] + i, extent[2] + j, extent[4] + k)`. No copy is
//! made: the view borrows the array's buffer (owned or borrowed from a C caller).
//!
//! ```
//! use vtkwire::model::{Association, DataArray, ImageData};
//! let mut img = ImageData::new([0, 2, 0, 1, 0, 0], [0.0; 3], [1.0; 3]);
//! // 3 × 2 × 1 points, x fastest.
//! img.point_data.add(DataArray::from_vec(Some("t"), 1, vec![0.0f32, 1.0, 2.0, 10.0, 11.0, 12.0]).unwrap());
//! let t = img.view::<f32>(Association::Point, "t").unwrap();
//! assert_eq!(t.shape(), &[1, 2, 3, 1]);
//! assert_eq!(t[[0, 1, 2, 0]], 12.0); // z = 0, y = 1, x = 2
//! ```

use ndarray::ArrayView4;

use crate::error::{Error, Result, Status};
use crate::model::array::{DataArray, Scalar};
use crate::model::attributes::{Association, Attributes};
use crate::model::objects::{DataObject, ImageData, extent_dims};

/// The `(nz, ny, nx)` shape of the points (`Association::Point`) or cells (`Association::Cell`)
/// of `extent`; `None` for other associations. An axis with one point has one (flat) cell, as
/// in VTK; an empty extent has no points and no cells.
pub fn extent_shape(extent: &[i32; 6], assoc: Association) -> Option<[usize; 3]> {
    let [nx, ny, nz] = extent_dims(extent);
    match assoc {
        Association::Point => Some([nz, ny, nx]),
        Association::Cell => {
            if nx == 0 || ny == 0 || nz == 0 {
                return Some([0, 0, 0]);
            }
            let c = |n: usize| n.saturating_sub(1).max(1);
            Some([c(nz), c(ny), c(nx)])
        }
        _ => None,
    }
}

impl DataArray {
    /// The values as a `(nz, ny, nx, components)` view for a grid of `shape = [nz, ny, nx]`;
    /// `None` when `T` is not the storage type or the tuple count is not `nz × ny × nx`.
    pub fn view4<T: Scalar>(&self, shape: [usize; 3]) -> Option<ArrayView4<'_, T>> {
        let slice = T::buffer_of(self.data())?.as_slice();
        ArrayView4::from_shape((shape[0], shape[1], shape[2], self.components()), slice).ok()
    }
}

/// The array `name` of `attrs` viewed with the extent's shape (shared by the types below).
fn structured_view<'a, T: Scalar>(
    class: &str,
    extent: &[i32; 6],
    attrs: &'a Attributes,
    assoc: Association,
    name: &str,
) -> Result<ArrayView4<'a, T>> {
    let shape = extent_shape(extent, assoc).ok_or_else(|| {
        Error::wrong_object_type(format!("a {class} has extent-shaped point and cell data only, not {}", assoc.name()))
    })?;
    let a = attrs.by_name(name).ok_or_else(|| Error::not_found(format!("no {} array named '{name}'", assoc.name())))?;
    if T::buffer_of(a.data()).is_none() {
        return Err(Error::new(
            Status::WrongArrayType,
            format!("{} array '{name}' holds {}, not {}", assoc.name(), a.scalar_type(), std::any::type_name::<T>()),
        ));
    }
    let want: usize = shape.iter().product();
    a.view4(shape).ok_or_else(|| {
        Error::invalid_object(format!(
            "{} array '{name}' has {} tuples, the extent {extent:?} needs {want}",
            assoc.name(),
            a.tuples()
        ))
    })
}

impl ImageData {
    /// The point (`Association::Point`) or cell (`Association::Cell`) array `name` as a
    /// `(z, y, x, component)` view shaped by the extent (see the [module](self) doc).
    ///
    /// Errors: NotFound (no such array), WrongArrayType (`T` is not its storage type),
    /// InvalidObject (its tuple count does not match the extent), WrongObjectType (another
    /// association).
    pub fn view<T: Scalar>(&self, assoc: Association, name: &str) -> Result<ArrayView4<'_, T>> {
        let attrs = match assoc {
            Association::Cell => &self.cell_data,
            _ => &self.point_data,
        };
        structured_view("vtkImageData", &self.extent, attrs, assoc, name)
    }
}

impl DataObject {
    /// As [`ImageData::view`], for any type with an extent: image data, structured points,
    /// rectilinear and structured grids. WrongObjectType for the other types.
    pub fn structured_view<T: Scalar>(&self, assoc: Association, name: &str) -> Result<ArrayView4<'_, T>> {
        let extent = self.extent().ok_or_else(|| {
            Error::wrong_object_type(format!("a {} has no extent to shape its arrays", self.class_name()))
        })?;
        let attrs = self
            .attributes(assoc)
            .ok_or_else(|| Error::wrong_object_type(format!("a {} has no {}", self.class_name(), assoc.name())))?;
        structured_view(self.class_name(), &extent, attrs, assoc, name)
    }
}
