//! Typed, contiguous data arrays: every element type VTK's legacy format carries.

use std::fmt;
use std::sync::Arc;

use ndarray::{Array1, ArrayView1, ArrayView2};

use crate::error::{Error, Result};

/// VTK scalar type codes (`vtkType.h`), the ones an array can hold.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScalarType {
    Bit = 1,
    Char = 2,
    UnsignedChar = 3,
    Short = 4,
    UnsignedShort = 5,
    Int = 6,
    UnsignedInt = 7,
    Long = 8,
    UnsignedLong = 9,
    Float = 10,
    Double = 11,
    IdType = 12,
    String = 13,
    SignedChar = 15,
    LongLong = 16,
    UnsignedLongLong = 17,
    Variant = 20,
}

impl ScalarType {
    pub const ALL: [ScalarType; 17] = [
        ScalarType::Bit,
        ScalarType::Char,
        ScalarType::UnsignedChar,
        ScalarType::Short,
        ScalarType::UnsignedShort,
        ScalarType::Int,
        ScalarType::UnsignedInt,
        ScalarType::Long,
        ScalarType::UnsignedLong,
        ScalarType::Float,
        ScalarType::Double,
        ScalarType::IdType,
        ScalarType::String,
        ScalarType::SignedChar,
        ScalarType::LongLong,
        ScalarType::UnsignedLongLong,
        ScalarType::Variant,
    ];

    /// The numeric types (those with a fixed element size).
    pub const NUMERIC: [ScalarType; 14] = [
        ScalarType::Char,
        ScalarType::SignedChar,
        ScalarType::UnsignedChar,
        ScalarType::Short,
        ScalarType::UnsignedShort,
        ScalarType::Int,
        ScalarType::UnsignedInt,
        ScalarType::Long,
        ScalarType::UnsignedLong,
        ScalarType::LongLong,
        ScalarType::UnsignedLongLong,
        ScalarType::Float,
        ScalarType::Double,
        ScalarType::IdType,
    ];

    pub fn from_code(code: i32) -> Option<ScalarType> {
        ScalarType::ALL.iter().copied().find(|t| *t as i32 == code)
    }

    pub fn code(self) -> i32 {
        self as i32
    }

    /// Bytes per element in memory (LP64); `None` for bit, string and variant.
    pub fn size(self) -> Option<usize> {
        Some(match self {
            ScalarType::Char | ScalarType::SignedChar | ScalarType::UnsignedChar => 1,
            ScalarType::Short | ScalarType::UnsignedShort => 2,
            ScalarType::Int | ScalarType::UnsignedInt | ScalarType::Float => 4,
            ScalarType::Long
            | ScalarType::UnsignedLong
            | ScalarType::LongLong
            | ScalarType::UnsignedLongLong
            | ScalarType::Double
            | ScalarType::IdType => 8,
            ScalarType::Bit | ScalarType::String | ScalarType::Variant => return None,
        })
    }

    pub fn is_numeric(self) -> bool {
        self.size().is_some()
    }

    pub fn is_integer(self) -> bool {
        self.is_numeric() && !matches!(self, ScalarType::Float | ScalarType::Double)
    }

    /// The C-ish name used in messages.
    pub fn name(self) -> &'static str {
        match self {
            ScalarType::Bit => "bit",
            ScalarType::Char => "char",
            ScalarType::UnsignedChar => "unsigned_char",
            ScalarType::Short => "short",
            ScalarType::UnsignedShort => "unsigned_short",
            ScalarType::Int => "int",
            ScalarType::UnsignedInt => "unsigned_int",
            ScalarType::Long => "long",
            ScalarType::UnsignedLong => "unsigned_long",
            ScalarType::Float => "float",
            ScalarType::Double => "double",
            ScalarType::IdType => "vtkIdType",
            ScalarType::String => "string",
            ScalarType::SignedChar => "signed_char",
            ScalarType::LongLong => "vtktypeint64",
            ScalarType::UnsignedLongLong => "vtktypeuint64",
            ScalarType::Variant => "variant",
        }
    }
}

impl fmt::Display for ScalarType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A primitive element type an array buffer can hold.
pub trait Scalar: bytemuck::Pod + Default + PartialEq + fmt::Debug + Send + Sync + 'static {
    fn to_f64(self) -> f64;
    /// The buffer of `data` if its storage element type is `Self`.
    fn buffer_of(data: &ArrayData) -> Option<&Buffer<Self>>;
}

macro_rules! scalar_impl {
    ($t:ty, $($v:ident),+) => {
        impl Scalar for $t {
            fn to_f64(self) -> f64 {
                self as f64
            }
            fn buffer_of(data: &ArrayData) -> Option<&Buffer<Self>> {
                match data {
                    $(ArrayData::$v(b) => Some(b),)+
                    _ => None,
                }
            }
        }
    };
}
scalar_impl!(i8, Char, SignedChar);
scalar_impl!(u8, UnsignedChar);
scalar_impl!(i16, Short);
scalar_impl!(u16, UnsignedShort);
scalar_impl!(i32, Int);
scalar_impl!(u32, UnsignedInt);
scalar_impl!(i64, Long, LongLong, IdType);
scalar_impl!(u64, UnsignedLong, UnsignedLongLong);
scalar_impl!(f32, Float);
scalar_impl!(f64, Double);

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
        if len % 8 != 0 {
            if let Some(last) = bytes.last_mut() {
                *last &= 0xFFu8 << (8 - len % 8);
            }
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

/// Runs `$body` with `$buf` bound to the typed buffer of any numeric variant;
/// `$other` handles bit, string and variant data.
#[macro_export]
macro_rules! with_numeric {
    ($data:expr, $buf:ident => $body:expr, $other:pat => $else:expr) => {
        match $data {
            $crate::model::ArrayData::Char($buf) => $body,
            $crate::model::ArrayData::SignedChar($buf) => $body,
            $crate::model::ArrayData::UnsignedChar($buf) => $body,
            $crate::model::ArrayData::Short($buf) => $body,
            $crate::model::ArrayData::UnsignedShort($buf) => $body,
            $crate::model::ArrayData::Int($buf) => $body,
            $crate::model::ArrayData::UnsignedInt($buf) => $body,
            $crate::model::ArrayData::Long($buf) => $body,
            $crate::model::ArrayData::UnsignedLong($buf) => $body,
            $crate::model::ArrayData::LongLong($buf) => $body,
            $crate::model::ArrayData::UnsignedLongLong($buf) => $body,
            $crate::model::ArrayData::Float($buf) => $body,
            $crate::model::ArrayData::Double($buf) => $body,
            $crate::model::ArrayData::IdType($buf) => $body,
            $other => $else,
        }
    };
}

impl ArrayData {
    pub fn scalar_type(&self) -> ScalarType {
        match self {
            ArrayData::Bit(_) => ScalarType::Bit,
            ArrayData::Char(_) => ScalarType::Char,
            ArrayData::SignedChar(_) => ScalarType::SignedChar,
            ArrayData::UnsignedChar(_) => ScalarType::UnsignedChar,
            ArrayData::Short(_) => ScalarType::Short,
            ArrayData::UnsignedShort(_) => ScalarType::UnsignedShort,
            ArrayData::Int(_) => ScalarType::Int,
            ArrayData::UnsignedInt(_) => ScalarType::UnsignedInt,
            ArrayData::Long(_) => ScalarType::Long,
            ArrayData::UnsignedLong(_) => ScalarType::UnsignedLong,
            ArrayData::LongLong(_) => ScalarType::LongLong,
            ArrayData::UnsignedLongLong(_) => ScalarType::UnsignedLongLong,
            ArrayData::Float(_) => ScalarType::Float,
            ArrayData::Double(_) => ScalarType::Double,
            ArrayData::IdType(_) => ScalarType::IdType,
            ArrayData::String(_) => ScalarType::String,
            ArrayData::Variant(_) => ScalarType::Variant,
        }
    }

    /// Number of elements (tuples × components).
    pub fn len(&self) -> usize {
        with_numeric!(self, b => b.len(), other => match other {
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
        with_numeric!(self, b => Some(b.bytes()), other => match other {
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
        Ok(match ty {
            ScalarType::Bit => {
                ArrayData::Bit(Bits::from_packed(bytes[..bytes.len().min(len.div_ceil(8))].to_vec(), len)?)
            }
            ScalarType::Char => ArrayData::Char(typed(bytes, len)?),
            ScalarType::SignedChar => ArrayData::SignedChar(typed(bytes, len)?),
            ScalarType::UnsignedChar => ArrayData::UnsignedChar(typed(bytes, len)?),
            ScalarType::Short => ArrayData::Short(typed(bytes, len)?),
            ScalarType::UnsignedShort => ArrayData::UnsignedShort(typed(bytes, len)?),
            ScalarType::Int => ArrayData::Int(typed(bytes, len)?),
            ScalarType::UnsignedInt => ArrayData::UnsignedInt(typed(bytes, len)?),
            ScalarType::Long => ArrayData::Long(typed(bytes, len)?),
            ScalarType::UnsignedLong => ArrayData::UnsignedLong(typed(bytes, len)?),
            ScalarType::LongLong => ArrayData::LongLong(typed(bytes, len)?),
            ScalarType::UnsignedLongLong => ArrayData::UnsignedLongLong(typed(bytes, len)?),
            ScalarType::Float => ArrayData::Float(typed(bytes, len)?),
            ScalarType::Double => ArrayData::Double(typed(bytes, len)?),
            ScalarType::IdType => ArrayData::IdType(typed(bytes, len)?),
            ScalarType::String | ScalarType::Variant => {
                return Err(Error::new(
                    crate::error::Status::WrongArrayType,
                    format!("{ty} arrays are not built from bytes"),
                ));
            }
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
        with_numeric!(self, b => b.as_slice().get(i).map(|v| v.to_f64()), other => match other {
            ArrayData::Bit(b) => b.get(i).map(|v| if v { 1.0 } else { 0.0 }),
            _ => None,
        })
    }

    /// Element `i` as i64 when the data is integer-typed (exact for all but u64 > i64::MAX).
    pub fn value_i64(&self, i: usize) -> Option<i64> {
        match self {
            ArrayData::Char(b) | ArrayData::SignedChar(b) => b.as_slice().get(i).map(|&v| v as i64),
            ArrayData::UnsignedChar(b) => b.as_slice().get(i).map(|&v| v as i64),
            ArrayData::Short(b) => b.as_slice().get(i).map(|&v| v as i64),
            ArrayData::UnsignedShort(b) => b.as_slice().get(i).map(|&v| v as i64),
            ArrayData::Int(b) => b.as_slice().get(i).map(|&v| v as i64),
            ArrayData::UnsignedInt(b) => b.as_slice().get(i).map(|&v| v as i64),
            ArrayData::Long(b) | ArrayData::LongLong(b) | ArrayData::IdType(b) => b.as_slice().get(i).copied(),
            ArrayData::UnsignedLong(b) | ArrayData::UnsignedLongLong(b) => {
                b.as_slice().get(i).and_then(|&v| i64::try_from(v).ok())
            }
            ArrayData::Bit(b) => b.get(i).map(i64::from),
            _ => None,
        }
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
        if data.len() % components != 0 {
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
        if data.len() % self.components != 0 {
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
        if let Some(names) = &self.component_names {
            if names.len() != self.components {
                return Err(Error::invalid_object(format!(
                    "array '{}' has {} component names for {} components",
                    self.name_str(),
                    names.len(),
                    self.components
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
