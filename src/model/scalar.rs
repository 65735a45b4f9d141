//! Element types: VTK's scalar type codes ([`ScalarType`]), the Rust types that store them
//! ([`Scalar`]), and the dispatch from one to the other, written once.
//!
//! # The dispatch
//! The fourteen numeric types and their Rust element types are listed once, in
//! `__numeric_types!`. Every `match` over them is generated from that list by two macros:
//! - [`with_numeric!`](crate::with_numeric)`(data, buf => body, other => fallback)` runs `body`
//!   with `buf: &Buffer<T>` for whichever numeric [`ArrayData`] variant `data` is;
//! - [`with_numeric_type!`](crate::with_numeric_type)`(ty, T, wrap => body, other => fallback)`
//!   runs `body` with the type alias `T` (the Rust element type of `ty`) and `wrap`, the
//!   `ArrayData` variant constructor `fn(Buffer<T>) -> ArrayData`, for a numeric `ScalarType`.
//!
//! Code that works on any element type is then written once as a generic function over
//! [`Scalar`] and called from the one arm the macro repeats:
//! ```
//! use vtkwire::model::{ArrayData, Buffer, ScalarType};
//! fn zeros(ty: ScalarType, n: usize) -> Option<ArrayData> {
//!     vtkwire::with_numeric_type!(ty, T, wrap => Some(wrap(Buffer::from_vec(vec![T::default(); n]))), _ => None)
//! }
//! assert_eq!(zeros(ScalarType::Short, 2).unwrap().scalar_type(), ScalarType::Short);
//! assert!(zeros(ScalarType::String, 2).is_none());
//! ```

use std::any::Any;
use std::fmt;

use strum::{EnumCount, FromRepr, IntoStaticStr, VariantArray};

use crate::model::array::{ArrayData, Buffer};

/// The numeric element types, `Variant Rust-type` each: the one list every dispatch over
/// element types expands from. Internal; use [`with_numeric!`](crate::with_numeric) and
/// [`with_numeric_type!`](crate::with_numeric_type).
#[doc(hidden)]
#[macro_export]
macro_rules! __numeric_types {
    ($($mode:tt)*) => {
        $crate::__numeric_expand! {
            [
                Char i8, SignedChar i8, UnsignedChar u8, Short i16, UnsignedShort u16, Int i32,
                UnsignedInt u32, Long i64, UnsignedLong u64, LongLong i64, UnsignedLongLong u64,
                Float f32, Double f64, IdType i64
            ]
            $($mode)*
        }
    };
}

/// The expansions of [`__numeric_types!`]'s list. Internal.
#[doc(hidden)]
#[macro_export]
macro_rules! __numeric_expand {
    ([$($v:ident $t:ty),*] @data $data:expr, $buf:ident => $body:expr, $other:pat => $else:expr) => {
        match $data {
            $($crate::model::ArrayData::$v($buf) => $body,)*
            $other => $else,
        }
    };
    ([$($v:ident $t:ty),*] @type $ty:expr, $T:ident, $wrap:ident => $body:expr, $other:pat => $else:expr) => {
        match $ty {
            $($crate::model::ScalarType::$v => {
                #[allow(dead_code)]
                type $T = $t;
                #[allow(unused_variables)]
                let $wrap: fn($crate::model::Buffer<$t>) -> $crate::model::ArrayData = $crate::model::ArrayData::$v;
                $body
            })*
            $other => $else,
        }
    };
    ([$($v:ident $t:ty),*] @scalar_type $data:expr, $other:pat => $else:expr) => {
        match $data {
            $($crate::model::ArrayData::$v(_) => $crate::model::ScalarType::$v,)*
            $other => $else,
        }
    };
    ([$($v:ident $t:ty),*] @list) => {
        [$($crate::model::ScalarType::$v),*]
    };
}

/// Runs `$body` with `$buf` bound to the typed buffer (`&Buffer<T>`, or `&mut` when `$data`
/// is a mutable reference) of any numeric [`ArrayData`] variant; `$other` (a pattern) gets
/// bit, string and variant data.
#[macro_export]
macro_rules! with_numeric {
    ($data:expr, $buf:ident => $body:expr, $other:pat => $else:expr) => {
        $crate::__numeric_types!(@data $data, $buf => $body, $other => $else)
    };
}

/// Runs `$body` for a numeric [`ScalarType`] with the type alias `$T` naming its Rust element
/// type and `$wrap` bound to its [`ArrayData`] constructor (`fn(Buffer<$T>) -> ArrayData`);
/// `$other` (a pattern) gets bit, string and variant.
#[macro_export]
macro_rules! with_numeric_type {
    ($ty:expr, $T:ident, $wrap:ident => $body:expr, $other:pat => $else:expr) => {
        $crate::__numeric_types!(@type $ty, $T, $wrap => $body, $other => $else)
    };
}

/// The variants of a field-less enum as an array (`[T; N]` checked against the variant
/// count at compile time, with `N = T::COUNT`).
pub(crate) const fn variants<T: VariantArray + Copy, const N: usize>() -> [T; N] {
    assert!(T::VARIANTS.len() == N, "the array length must be the variant count");
    match T::VARIANTS.first_chunk::<N>() {
        Some(a) => *a,
        None => panic!("the array length must be the variant count"),
    }
}

/// VTK scalar type codes (`vtkType.h`), the ones an array can hold. The name (`Display`,
/// [`ScalarType::name`]) is the legacy format's keyword; parsing (`str::parse`) accepts any
/// case and `utf8_string`, as VTK's reader does.
#[repr(i32)]
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, FromRepr, VariantArray, EnumCount, IntoStaticStr, strum::EnumString,
)]
#[strum(serialize_all = "snake_case", ascii_case_insensitive)]
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
    #[strum(serialize = "vtkIdType")]
    IdType = 12,
    #[strum(to_string = "string", serialize = "utf8_string")]
    String = 13,
    SignedChar = 15,
    #[strum(serialize = "vtktypeint64")]
    LongLong = 16,
    #[strum(serialize = "vtktypeuint64")]
    UnsignedLongLong = 17,
    Variant = 20,
}

impl ScalarType {
    /// Every type, in code order.
    pub const ALL: [ScalarType; <ScalarType as EnumCount>::COUNT] = variants();

    /// The numeric types (those with a fixed element size).
    pub const NUMERIC: [ScalarType; 14] = crate::__numeric_types!(@list);

    pub fn from_code(code: i32) -> Option<ScalarType> {
        ScalarType::from_repr(code)
    }

    pub fn code(self) -> i32 {
        self as i32
    }

    /// Bytes per element in memory (LP64); `None` for bit, string and variant.
    pub fn size(self) -> Option<usize> {
        crate::with_numeric_type!(self, T, _wrap => Some(std::mem::size_of::<T>()), _ => None)
    }

    pub fn is_numeric(self) -> bool {
        self.size().is_some()
    }

    pub fn is_integer(self) -> bool {
        self.is_numeric() && !matches!(self, ScalarType::Float | ScalarType::Double)
    }

    /// The legacy format's keyword ("unsigned_char", "vtkIdType", "vtktypeint64"…), also used
    /// in messages.
    pub fn name(self) -> &'static str {
        self.into()
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

    /// The value as `i64` for integer types when it fits (all but `u64` above `i64::MAX`);
    /// `None` for floating-point types.
    fn to_i64(self) -> Option<i64>;

    /// The buffer of `data` if its storage element type is `Self`.
    fn buffer_of(data: &ArrayData) -> Option<&Buffer<Self>> {
        crate::with_numeric!(data, b => (b as &dyn Any).downcast_ref::<Buffer<Self>>(), _ => None)
    }
}

macro_rules! scalar_impl {
    (int: $($t:ty),*; float: $($f:ty),*) => {
        $(impl Scalar for $t {
            #[allow(clippy::cast_precision_loss, reason = "to_f64 is for summaries and checks, as VTK's GetComponent")]
            fn to_f64(self) -> f64 {
                self as f64
            }
            fn to_i64(self) -> Option<i64> {
                i64::try_from(self).ok()
            }
        })*
        $(impl Scalar for $f {
            fn to_f64(self) -> f64 {
                f64::from(self)
            }
            fn to_i64(self) -> Option<i64> {
                None
            }
        })*
    };
}
scalar_impl!(int: i8, u8, i16, u16, i32, u32, i64, u64; float: f32, f64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_numeric_type_has_its_vtk_size_and_name() {
        // Sizes and keywords from vtkType.h / VTK's legacy writer (LP64), written out here.
        let want: [(ScalarType, Option<usize>, &str); 17] = [
            (ScalarType::Bit, None, "bit"),
            (ScalarType::Char, Some(1), "char"),
            (ScalarType::UnsignedChar, Some(1), "unsigned_char"),
            (ScalarType::Short, Some(2), "short"),
            (ScalarType::UnsignedShort, Some(2), "unsigned_short"),
            (ScalarType::Int, Some(4), "int"),
            (ScalarType::UnsignedInt, Some(4), "unsigned_int"),
            (ScalarType::Long, Some(8), "long"),
            (ScalarType::UnsignedLong, Some(8), "unsigned_long"),
            (ScalarType::Float, Some(4), "float"),
            (ScalarType::Double, Some(8), "double"),
            (ScalarType::IdType, Some(8), "vtkIdType"),
            (ScalarType::String, None, "string"),
            (ScalarType::SignedChar, Some(1), "signed_char"),
            (ScalarType::LongLong, Some(8), "vtktypeint64"),
            (ScalarType::UnsignedLongLong, Some(8), "vtktypeuint64"),
            (ScalarType::Variant, None, "variant"),
        ];
        assert_eq!(ScalarType::ALL.len(), want.len());
        for (t, size, name) in want {
            assert_eq!(t.size(), size, "{t:?}");
            assert_eq!(t.name(), name, "{t:?}");
            assert_eq!(name.parse::<ScalarType>(), Ok(t));
            assert_eq!(name.to_ascii_uppercase().parse::<ScalarType>(), Ok(t));
            assert_eq!(ScalarType::from_code(t.code()), Some(t));
            assert!(ScalarType::ALL.contains(&t));
            assert_eq!(ScalarType::NUMERIC.contains(&t), size.is_some());
        }
        assert_eq!("utf8_string".parse::<ScalarType>(), Ok(ScalarType::String));
        assert!("int32".parse::<ScalarType>().is_err());
        assert_eq!(ScalarType::from_code(14), None);
        assert_eq!(ScalarType::from_code(0), None);
    }

    #[test]
    fn dispatch_pairs_each_type_with_its_variant() {
        for t in ScalarType::NUMERIC {
            let d = crate::with_numeric_type!(t, T, wrap => wrap(Buffer::from_vec(vec![T::default(); 3])), _ => unreachable!());
            assert_eq!(d.scalar_type(), t);
            assert_eq!(d.len(), 3);
            assert_eq!(d.bytes().map(<[u8]>::len), t.size().map(|s| 3 * s));
        }
        let d = ArrayData::Long(Buffer::from_vec(vec![-5i64, 7]));
        assert_eq!(i64::buffer_of(&d).map(Buffer::to_vec), Some(vec![-5, 7]));
        assert!(u64::buffer_of(&d).is_none());
        assert_eq!(u64::MAX.to_i64(), None);
        assert_eq!(2.5f32.to_i64(), None);
        assert_eq!((-3i8).to_i64(), Some(-3));
    }
}
