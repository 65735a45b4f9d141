//! Typed, contiguous data arrays: every element type VTK's legacy format carries.

use std::fmt;
use std::sync::Arc;

use ndarray::{Array1, ArrayView1, ArrayView2};

use crate::error::{Error, Result};
pub use crate::model::scalar::{Scalar, ScalarType};

/// Memory someone else owns that a buffer may view without copying (zero-copy).
///
/// Implementations promise that `as_slice` returns the same, unchanging slice for as long
/// as the value lives. The C API builds these over caller memory.
pub trait External<T>: Send + Sync {
    fn as_slice(&self) -> &[T];
}

/// A contiguous, flat buffer of `T`: owned (an `ndarray::Array1`) or a view of external memory.
#[derive(Clone)]
pub enum Buffer<T: Scalar> {
    Owned(Array1<T>),
    External(Arc<dyn External<T>>),
}

impl<T: Scalar> Buffer<T> {
    pub fn from_vec(v: Vec<T>) -> Buffer<T> {
        Buffer::Owned(Array1::from_vec(v))
    }

    pub fn from_slice(s: &[T]) -> Buffer<T> {
        Buffer::from_vec(s.to_vec())
    }

    pub fn as_slice(&self) -> &[T] {
        match self {
            // An Array1 built by this crate is always in standard layout.
            Buffer::Owned(a) => a.as_slice().unwrap_or(&[]),
            Buffer::External(e) => e.as_slice(),
        }
    }

    pub fn view(&self) -> ArrayView1<'_, T> {
        ArrayView1::from(self.as_slice())
    }

    /// Mutable access; external memory is copied first (copy on write).
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        if let Buffer::External(e) = self {
            *self = Buffer::from_slice(e.as_slice());
        }
        match self {
            Buffer::Owned(a) => {
                if a.as_slice().is_none() {
                    *a = Array1::from_vec(a.to_vec());
                }
                a.as_slice_mut().unwrap_or(&mut [])
            }
            Buffer::External(_) => &mut [],
        }
    }

    pub fn len(&self) -> usize {
        self.as_slice().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn is_external(&self) -> bool {
        matches!(self, Buffer::External(_))
    }

    pub fn to_vec(&self) -> Vec<T> {
        self.as_slice().to_vec()
    }

    /// The raw bytes of the elements, in memory (native) order.
    pub fn bytes(&self) -> &[u8] {
        bytemuck::cast_slice(self.as_slice())
    }
}

impl<T: Scalar> Default for Buffer<T> {
    fn default() -> Self {
        Buffer::from_vec(Vec::new())
    }
}

impl<T: Scalar> From<Vec<T>> for Buffer<T> {
    fn from(v: Vec<T>) -> Self {
        Buffer::from_vec(v)
    }
}

/// Bit-exact equality: floats compare by their bytes (NaN payloads and -0.0 included).
impl<T: Scalar> PartialEq for Buffer<T> {
    fn eq(&self, other: &Self) -> bool {
        self.bytes() == other.bytes()
    }
}

impl<T: Scalar> fmt::Debug for Buffer<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.as_slice();
        if s.len() > 16 { write!(f, "{:?}… ({} values)", &s[..16], s.len()) } else { write!(f, "{s:?}") }
    }
}

/// Packed bits, most significant bit of byte 0 first (VTK's vtkBitArray layout).
/// Unused trailing bits of the last byte are always zero.
#[derive(Clone, Default, PartialEq, Eq, Debug)]
pub struct Bits {
    bytes: Vec<u8>,
    len: usize,
}

impl Bits {
    /// From packed bytes; `len` bits are used, the rest of the last byte is cleared.
    pub fn from_packed(mut bytes: Vec<u8>, len: usize) -> Result<Bits> {
        let need = len.div_ceil(8);
        if bytes.len() < need {
            return Err(Error::invalid_argument(format!("{len} bits need {need} packed bytes, got {}", bytes.len())));
        }
        bytes.truncate(need);
        if !len.is_multiple_of(8)
            && let Some(last) = bytes.last_mut()
        {
            *last &= 0xFFu8 << (8 - len % 8);
        }
        Ok(Bits { bytes, len })
    }

    pub fn from_bools(values: &[bool]) -> Bits {
        let mut bytes = vec![0u8; values.len().div_ceil(8)];
        for (i, &v) in values.iter().enumerate() {
            if v {
                bytes[i / 8] |= 0x80 >> (i % 8);
            }
        }
        Bits { bytes, len: values.len() }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn get(&self, i: usize) -> Option<bool> {
        (i < self.len).then(|| self.bytes[i / 8] & (0x80 >> (i % 8)) != 0)
    }

    pub fn packed(&self) -> &[u8] {
        &self.bytes
    }

    pub fn to_bools(&self) -> Vec<bool> {
        (0..self.len).map(|i| self.bytes[i / 8] & (0x80 >> (i % 8)) != 0).collect()
    }
}

/// One value of a variant array: VTK's type code of the value and its text form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    pub type_code: i32,
    pub text: String,
}

/// The values of an array, one variant per element type.
#[derive(Clone, Debug, PartialEq)]
pub enum ArrayData {
    Bit(Bits),
    Char(Buffer<i8>),
    SignedChar(Buffer<i8>),
    UnsignedChar(Buffer<u8>),
    Short(Buffer<i16>),
    UnsignedShort(Buffer<u16>),
    Int(Buffer<i32>),
    UnsignedInt(Buffer<u32>),
    Long(Buffer<i64>),
    UnsignedLong(Buffer<u64>),
    LongLong(Buffer<i64>),
    UnsignedLongLong(Buffer<u64>),
    Float(Buffer<f32>),
    Double(Buffer<f64>),
    IdType(Buffer<i64>),
    String(Vec<String>),
    Variant(Vec<Variant>),
}

impl ArrayData {
    pub fn scalar_type(&self) -> ScalarType {
        crate::__numeric_types!(@scalar_type self, other => match other {
            ArrayData::Bit(_) => ScalarType::Bit,
            ArrayData::String(_) => ScalarType::String,
            _ => ScalarType::Variant,
        })
    }

    /// Number of elements (tuples × components).
    pub fn len(&self) -> usize {
        crate::with_numeric!(self, b => b.len(), other => match other {
            ArrayData::Bit(b) => b.len(),
            ArrayData::String(v) => v.len(),
            ArrayData::Variant(v) => v.len(),
            _ => 0,
        })
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Raw bytes in memory order: numeric elements native-endian, bits packed; `None` for
    /// strings and variants.
    pub fn bytes(&self) -> Option<&[u8]> {
        crate::with_numeric!(self, b => Some(b.bytes()), other => match other {
            ArrayData::Bit(b) => Some(b.packed()),
            _ => None,
        })
    }

    /// Builds numeric (or bit) data of `ty` from native-endian bytes (`len` elements).
    /// For bits, `bytes` holds `ceil(len/8)` packed bytes.
    pub fn from_native_bytes(ty: ScalarType, bytes: &[u8], len: usize) -> Result<ArrayData> {
        fn typed<T: Scalar>(bytes: &[u8], len: usize) -> Result<Buffer<T>> {
            let size = std::mem::size_of::<T>();
            let need = len.checked_mul(size).ok_or_else(|| Error::out_of_range("array size overflows"))?;
            if bytes.len() < need {
                return Err(Error::invalid_argument(format!("{len} values need {need} bytes, got {}", bytes.len())));
            }
            let mut v = vec![T::default(); len];
            bytemuck::cast_slice_mut::<T, u8>(&mut v).copy_from_slice(&bytes[..need]);
            Ok(Buffer::from_vec(v))
        }
        crate::with_numeric_type!(ty, T, wrap => Ok(wrap(typed::<T>(bytes, len)?)), other => match other {
            ScalarType::Bit => {
                Ok(ArrayData::Bit(Bits::from_packed(bytes[..bytes.len().min(len.div_ceil(8))].to_vec(), len)?))
            }
            _ => Err(Error::new(
                crate::error::Status::WrongArrayType,
                format!("{ty} arrays are not built from bytes"),
            )),
        })
    }

    /// Empty data of the given type.
    pub fn empty(ty: ScalarType) -> ArrayData {
        match ty {
            ScalarType::String => ArrayData::String(Vec::new()),
            ScalarType::Variant => ArrayData::Variant(Vec::new()),
            _ => ArrayData::from_native_bytes(ty, &[], 0).unwrap_or(ArrayData::Bit(Bits::default())),
        }
    }

    /// Element `i` as f64 (numeric and bit data), for summaries, checks and tests.
    pub fn value_f64(&self, i: usize) -> Option<f64> {
        crate::with_numeric!(self, b => b.as_slice().get(i).map(|v| v.to_f64()), other => match other {
            ArrayData::Bit(b) => b.get(i).map(|v| if v { 1.0 } else { 0.0 }),
            _ => None,
        })
    }

    /// Element `i` as i64 when the data is integer-typed (exact for all but u64 > i64::MAX).
    pub fn value_i64(&self, i: usize) -> Option<i64> {
        crate::with_numeric!(self, b => b.as_slice().get(i).and_then(|v| v.to_i64()), other => match other {
            ArrayData::Bit(b) => b.get(i).map(i64::from),
            _ => None,
        })
    }
}

/// A scalar lookup table: a name and RGBA colors.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LookupTable {
    pub name: String,
    pub rgba: Vec<[u8; 4]>,
}

/// A value of an information key (VTK's `METADATA INFORMATION` block).
#[derive(Clone, Debug, PartialEq)]
pub enum InfoValue {
    Double(f64),
    DoubleVector(Vec<f64>),
    IdType(i64),
    Integer(i32),
    IntegerVector(Vec<i32>),
    String(String),
    StringVector(Vec<String>),
    UnsignedLong(u64),
}

/// One information key attached to an array, e.g. `UNITS_LABEL` at `vtkDataArray`.
#[derive(Clone, Debug, PartialEq)]
pub struct InfoEntry {
    pub name: String,
    pub location: String,
    pub value: InfoValue,
}

/// A named array of tuples with a fixed number of components.
#[derive(Clone, Debug, PartialEq)]
pub struct DataArray {
    /// `None` is VTK's null name; any Unicode text otherwise (spaces allowed).
    pub name: Option<String>,
    components: usize,
    data: ArrayData,
    /// One entry per component when any component is named (empty string = unnamed).
    pub component_names: Option<Vec<String>>,
    pub lookup_table: Option<LookupTable>,
    pub info: Vec<InfoEntry>,
}

impl DataArray {
    /// A new array; the element count must be a multiple of `components` (≥ 1).
    pub fn new(name: Option<&str>, components: usize, data: ArrayData) -> Result<DataArray> {
        if components == 0 {
            return Err(Error::invalid_argument("an array needs at least 1 component"));
        }
        if !data.len().is_multiple_of(components) {
            return Err(Error::invalid_argument(format!(
                "{} values are not a whole number of {components}-component tuples",
                data.len()
            )));
        }
        Ok(DataArray {
            name: name.map(str::to_owned),
            components,
            data,
            component_names: None,
            lookup_table: None,
            info: Vec::new(),
        })
    }

    /// Convenience constructor from a typed vector.
    pub fn from_vec<T: Scalar>(name: Option<&str>, components: usize, values: Vec<T>) -> Result<DataArray>
    where
        Buffer<T>: IntoArrayData,
    {
        DataArray::new(name, components, Buffer::from_vec(values).into_array_data())
    }

    pub fn strings(name: Option<&str>, values: Vec<String>) -> DataArray {
        DataArray {
            name: name.map(str::to_owned),
            components: 1,
            data: ArrayData::String(values),
            component_names: None,
            lookup_table: None,
            info: Vec::new(),
        }
    }

    pub fn scalar_type(&self) -> ScalarType {
        self.data.scalar_type()
    }

    pub fn components(&self) -> usize {
        self.components
    }

    pub fn tuples(&self) -> usize {
        self.data.len() / self.components
    }

    pub fn data(&self) -> &ArrayData {
        &self.data
    }

    pub fn data_mut(&mut self) -> &mut ArrayData {
        &mut self.data
    }

    /// Replaces the values; the count must stay a multiple of the components.
    pub fn set_data(&mut self, data: ArrayData) -> Result<()> {
        if !data.len().is_multiple_of(self.components) {
            return Err(Error::invalid_argument(format!(
                "{} values are not a whole number of {}-component tuples",
                data.len(),
                self.components
            )));
        }
        self.data = data;
        Ok(())
    }

    /// The numeric values as a (tuples × components) view, if `T` matches the storage.
    pub fn view2<T: Scalar>(&self) -> Option<ArrayView2<'_, T>> {
        let slice = T::buffer_of(&self.data)?.as_slice();
        ArrayView2::from_shape((self.tuples(), self.components), slice).ok()
    }

    pub fn name_str(&self) -> &str {
        self.name.as_deref().unwrap_or("")
    }

    /// Sets the name of component `c` (others stay unnamed).
    pub fn set_component_name(&mut self, c: usize, name: &str) -> Result<()> {
        if c >= self.components {
            return Err(Error::out_of_range(format!("component {c} of an array with {} components", self.components)));
        }
        let names = self.component_names.get_or_insert_with(|| vec![String::new(); self.components]);
        names[c] = name.to_owned();
        Ok(())
    }

    pub fn component_name(&self, c: usize) -> Option<&str> {
        self.component_names.as_ref().and_then(|n| n.get(c)).map(String::as_str).filter(|s| !s.is_empty())
    }

    /// Checks internal consistency (component names, lookup table).
    pub fn validate(&self) -> Result<()> {
        if let Some(names) = &self.component_names
            && names.len() != self.components
        {
            return Err(Error::invalid_object(format!(
                "array '{}' has {} component names for {} components",
                self.name_str(),
                names.len(),
                self.components
            )));
        }
        for (i, e) in self.info.iter().enumerate() {
            // VTK's information keys always have a name and a location, and the legacy format
            // writes them as bare tokens (`NAME <key> LOCATION <class>`): an empty one cannot be
            // written so that it reads back.
            if e.name.is_empty() || e.location.is_empty() {
                return Err(Error::invalid_object(format!(
                    "array '{}': information entry {i} has an empty key {}",
                    self.name_str(),
                    if e.name.is_empty() { "name" } else { "location" }
                )));
            }
        }
        Ok(())
    }
}

/// Wraps a typed buffer in the matching `ArrayData` variant (numeric types only; `i8` is
/// `char`, `i64` is `vtktypeint64`, `u64` is `vtktypeuint64`).
pub trait IntoArrayData {
    fn into_array_data(self) -> ArrayData;
}

macro_rules! into_array_data {
    ($t:ty, $v:ident) => {
        impl IntoArrayData for Buffer<$t> {
            fn into_array_data(self) -> ArrayData {
                ArrayData::$v(self)
            }
        }
    };
}
into_array_data!(i8, Char);
into_array_data!(u8, UnsignedChar);
into_array_data!(i16, Short);
into_array_data!(u16, UnsignedShort);
into_array_data!(i32, Int);
into_array_data!(u32, UnsignedInt);
into_array_data!(i64, LongLong);
into_array_data!(u64, UnsignedLongLong);
into_array_data!(f32, Float);
into_array_data!(f64, Double);
