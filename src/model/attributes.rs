//! Ordered array collections with VTK's active attribute roles.

use strum::{EnumCount, FromRepr, IntoStaticStr, VariantArray};

use crate::error::{Error, Result};
use crate::model::array::{DataArray, ScalarType};
use crate::model::scalar::variants;

/// Where an array lives; the numbers are VTK's `vtkDataObject::FieldAssociations`, the
/// names ("point data"…) are for messages.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, FromRepr, VariantArray, EnumCount, IntoStaticStr)]
pub enum Association {
    #[strum(serialize = "point data")]
    Point = 0,
    #[strum(serialize = "cell data")]
    Cell = 1,
    /// The object's own field data (VTK's FIELD_ASSOCIATION_NONE).
    #[strum(serialize = "field data")]
    Field = 2,
    #[strum(serialize = "vertex data")]
    Vertex = 4,
    #[strum(serialize = "edge data")]
    Edge = 5,
    #[strum(serialize = "row data")]
    Row = 6,
}

impl Association {
    pub const ALL: [Association; <Association as EnumCount>::COUNT] = variants();

    pub fn from_code(code: i32) -> Option<Association> {
        Association::from_repr(code)
    }

    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// Active attribute roles; the numbers are VTK's `vtkDataSetAttributes::AttributeTypes`, the
/// names ("global_ids"…) are for messages.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, FromRepr, VariantArray, EnumCount, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum AttributeRole {
    Scalars = 0,
    Vectors = 1,
    Normals = 2,
    #[strum(serialize = "tcoords")]
    TCoords = 3,
    Tensors = 4,
    GlobalIds = 5,
    PedigreeIds = 6,
    EdgeFlags = 7,
}

impl AttributeRole {
    pub const ALL: [AttributeRole; <AttributeRole as EnumCount>::COUNT] = variants();

    pub fn from_code(code: i32) -> Option<AttributeRole> {
        AttributeRole::from_repr(code)
    }

    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Checks that `array` may take this role (the constraints VTK's legacy format imposes).
    pub fn accepts(self, array: &DataArray) -> Result<()> {
        let nc = array.components();
        let ty = array.scalar_type();
        let ok = match self {
            AttributeRole::Scalars => ty.is_numeric() && (1..=4).contains(&nc),
            AttributeRole::Vectors | AttributeRole::Normals => ty.is_numeric() && nc == 3,
            AttributeRole::TCoords => ty.is_numeric() && (1..=3).contains(&nc),
            AttributeRole::Tensors => ty.is_numeric() && (nc == 6 || nc == 9),
            AttributeRole::GlobalIds => ty.is_numeric() && nc == 1,
            AttributeRole::PedigreeIds => ty != ScalarType::Bit && nc == 1,
            AttributeRole::EdgeFlags => ty.is_numeric() && nc == 1,
        };
        if ok {
            Ok(())
        } else {
            Err(Error::invalid_argument(format!(
                "array '{}' ({ty}, {nc} components) cannot be the {} (allowed: {})",
                array.name_str(),
                self.name(),
                match self {
                    AttributeRole::Scalars => "numeric, 1 to 4 components",
                    AttributeRole::Vectors | AttributeRole::Normals => "numeric, 3 components",
                    AttributeRole::TCoords => "numeric, 1 to 3 components",
                    AttributeRole::Tensors => "numeric, 6 or 9 components",
                    AttributeRole::GlobalIds | AttributeRole::EdgeFlags => "numeric, 1 component",
                    AttributeRole::PedigreeIds => "any non-bit type, 1 component",
                }
            )))
        }
    }
}

/// An ordered set of arrays plus the active roles (point data, cell data, field data...).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Attributes {
    arrays: Vec<DataArray>,
    active: [Option<usize>; AttributeRole::COUNT],
}

impl Attributes {
    pub fn new() -> Attributes {
        Attributes::default()
    }

    pub fn len(&self) -> usize {
        self.arrays.len()
    }

    /// Builds a collection from arrays in order (same-named arrays are kept, unlike
    /// [`Attributes::add`]) and active indices per role (indexed by `AttributeRole as usize`).
    /// Each active index must be in range and accepted by its role.
    pub fn from_parts(arrays: Vec<DataArray>, active: [Option<usize>; AttributeRole::COUNT]) -> Result<Attributes> {
        let attrs = Attributes { arrays, active };
        for role in AttributeRole::ALL {
            if let Some(i) = attrs.active[role as usize] {
                let a = attrs.arrays.get(i).ok_or_else(|| {
                    Error::out_of_range(format!("active {} index {i} of {}", role.name(), attrs.arrays.len()))
                })?;
                role.accepts(a)?;
            }
        }
        Ok(attrs)
    }

    /// The active index of every role (indexed by `AttributeRole as usize`).
    pub fn active_all(&self) -> [Option<usize>; 8] {
        self.active
    }

    pub fn is_empty(&self) -> bool {
        self.arrays.is_empty()
    }

    pub fn arrays(&self) -> &[DataArray] {
        &self.arrays
    }

    pub fn get(&self, i: usize) -> Option<&DataArray> {
        self.arrays.get(i)
    }

    pub fn get_mut(&mut self, i: usize) -> Option<&mut DataArray> {
        self.arrays.get_mut(i)
    }

    /// The first array with this exact name.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.arrays.iter().position(|a| a.name.as_deref() == Some(name))
    }

    pub fn by_name(&self, name: &str) -> Option<&DataArray> {
        self.index_of(name).map(|i| &self.arrays[i])
    }

    /// Adds an array and returns its index. As in VTK's `AddArray`, a named array replaces an
    /// existing array of the same name in place (keeping its index and roles, if the new array
    /// still fits them; roles it no longer fits are cleared).
    pub fn add(&mut self, array: DataArray) -> usize {
        if let Some(name) = array.name.as_deref()
            && let Some(i) = self.index_of(name)
        {
            self.arrays[i] = array;
            for role in AttributeRole::ALL {
                if self.active[role as usize] == Some(i) && role.accepts(&self.arrays[i]).is_err() {
                    self.active[role as usize] = None;
                }
            }
            return i;
        }
        self.arrays.push(array);
        self.arrays.len() - 1
    }

    /// Adds an array and makes it the active one for `role`.
    pub fn add_with_role(&mut self, array: DataArray, role: AttributeRole) -> Result<usize> {
        role.accepts(&array)?;
        let i = self.add(array);
        self.active[role as usize] = Some(i);
        Ok(i)
    }

    /// Removes array `i`; roles pointing at it are cleared, later indices shift down.
    pub fn remove(&mut self, i: usize) -> Result<DataArray> {
        if i >= self.arrays.len() {
            return Err(Error::out_of_range(format!("array {i} of {}", self.arrays.len())));
        }
        let removed = self.arrays.remove(i);
        for slot in &mut self.active {
            *slot = match *slot {
                Some(j) if j == i => None,
                Some(j) if j > i => Some(j - 1),
                other => other,
            };
        }
        Ok(removed)
    }

    /// Makes array `index` the active one for `role` (`None` clears the role).
    pub fn set_active(&mut self, role: AttributeRole, index: Option<usize>) -> Result<()> {
        if let Some(i) = index {
            let array =
                self.arrays.get(i).ok_or_else(|| Error::out_of_range(format!("array {i} of {}", self.arrays.len())))?;
            role.accepts(array)?;
        }
        self.active[role as usize] = index;
        Ok(())
    }

    pub fn active_index(&self, role: AttributeRole) -> Option<usize> {
        self.active[role as usize]
    }

    pub fn active(&self, role: AttributeRole) -> Option<&DataArray> {
        self.active[role as usize].and_then(|i| self.arrays.get(i))
    }

    /// The roles array `i` holds.
    pub fn roles_of(&self, i: usize) -> Vec<AttributeRole> {
        AttributeRole::ALL.into_iter().filter(|r| self.active[*r as usize] == Some(i)).collect()
    }

    /// Checks every array, every role, and (if given) that every array has `tuples` tuples.
    pub fn validate(&self, what: &str, tuples: Option<usize>) -> Result<()> {
        for (i, a) in self.arrays.iter().enumerate() {
            a.validate().map_err(|e| e.context(format_args!("{what} array {i}")))?;
            if let Some(n) = tuples
                && a.tuples() != n
            {
                return Err(Error::invalid_object(format!(
                    "{what} array {i} '{}' has {} tuples, expected {n}",
                    a.name_str(),
                    a.tuples()
                )));
            }
        }
        for role in AttributeRole::ALL {
            if let Some(i) = self.active[role as usize] {
                let a = self.arrays.get(i).ok_or_else(|| {
                    Error::invalid_object(format!("{what}: active {} index {i} out of range", role.name()))
                })?;
                role.accepts(a).map_err(|e| Error::invalid_object(format!("{what}: {}", e.message)))?;
            }
        }
        Ok(())
    }

    /// Total bytes of numeric payload (for summaries and size estimates).
    pub fn payload_bytes(&self) -> usize {
        self.arrays.iter().map(|a| a.data().bytes().map_or(0, <[u8]>::len)).sum()
    }
}
