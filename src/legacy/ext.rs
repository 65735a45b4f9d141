//! vtkwire's lossless extension, carried in the title line of each (nested) legacy header.
//!
//! Title = `vtk output` when nothing needs it (byte-identical to VTK), otherwise
//! `vtk output vtkwire1 <token> <token> …`. A token is `KEY` or `KEY=VALUE`; values contain no
//! spaces (names use [`super::encode::encode_ext`]). See the module docs of `legacy` for the list.

#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;

use super::encode::decode_bytes;
use crate::error::{Error, Result, Status};

pub const TITLE: &str = "vtk output";
pub const MARKER: &str = "vtkwire1";

/// Tokens collected while writing one object.
#[derive(Default, Debug)]
pub struct ExtOut {
    tokens: Vec<String>,
}

impl ExtOut {
    pub fn flag(&mut self, key: impl Into<String>) {
        self.tokens.push(key.into());
    }
    pub fn set(&mut self, key: impl AsRef<str>, value: impl AsRef<str>) {
        self.tokens.push(format!("{}={}", key.as_ref(), value.as_ref()));
    }
    pub fn title(&self) -> String {
        if self.tokens.is_empty() { TITLE.to_owned() } else { format!("{TITLE} {MARKER} {}", self.tokens.join(" ")) }
    }
}

/// Tokens parsed from a title line (empty for files not written by vtkwire).
///
/// The `Q<k>_<j>` tokens (exotic information entries of array `k`) are also indexed by `k`
/// when the title is parsed, so each array looks at its own tokens only: the cost of a title
/// is linear in its length however many arrays the object has.
#[derive(Default, Debug)]
pub struct ExtIn {
    map: HashMap<String, Option<String>>,
    /// `Q<k>_<rest>` tokens by `k`: `(rest, value)`.
    exotic: HashMap<usize, Vec<(String, Option<String>)>>,
    /// Byte offset of the title line (for error messages).
    pub at: usize,
}

/// `Q<k>_<rest>` with `k` in canonical decimal (what the writer produces), as `(k, rest)`.
fn exotic_key(key: &str) -> Option<(usize, &str)> {
    let (k, rest) = key.strip_prefix('Q')?.split_once('_')?;
    let n: usize = k.parse().ok()?;
    (n.to_string() == k).then_some((n, rest))
}

impl ExtIn {
    pub fn parse(title: &[u8], at: usize) -> ExtIn {
        let mut map = HashMap::new();
        let text = String::from_utf8_lossy(title);
        let mut words = text.split(' ').filter(|w| !w.is_empty());
        let is_ext = text.starts_with(TITLE) && {
            let _ = words.next();
            let _ = words.next();
            words.next() == Some(MARKER)
        };
        if is_ext {
            for w in words {
                match w.split_once('=') {
                    Some((k, v)) => map.insert(k.to_owned(), Some(v.to_owned())),
                    None => map.insert(w.to_owned(), None),
                };
            }
        }
        let mut exotic: HashMap<usize, Vec<(String, Option<String>)>> = HashMap::new();
        for (key, v) in &map {
            if let Some((k, rest)) = exotic_key(key) {
                exotic.entry(k).or_default().push((rest.to_owned(), v.clone()));
            }
        }
        ExtIn { map, exotic, at }
    }

    pub fn has(&self, key: &str) -> bool {
        self.map.contains_key(key)
    }

    /// `Some(None)` for a bare flag, `Some(Some(v))` for a value.
    pub fn get(&self, key: &str) -> Option<Option<&str>> {
        self.map.get(key).map(|v| v.as_deref())
    }

    /// The `Q<k>_<rest>` tokens of array `k`, as `(rest, value)` (in no particular order).
    pub fn exotic(&self, k: usize) -> &[(String, Option<String>)] {
        self.exotic.get(&k).map_or(&[], Vec::as_slice)
    }

    pub fn value(&self, key: &str) -> Option<&str> {
        self.map.get(key).and_then(|v| v.as_deref())
    }

    pub fn err(&self, key: &str, what: &str) -> Error {
        Error::new(Status::Parse, format!("vtkwire title extension token {key} at byte {}: {what}", self.at))
    }

    pub fn string(&self, key: &str, v: &str) -> Result<String> {
        String::from_utf8(decode_bytes(v.as_bytes())).map_err(|_| {
            Error::new(Status::InvalidUtf8, format!("vtkwire title token {key} at byte {}: invalid UTF-8", self.at))
        })
    }

    pub fn f64s(&self, key: &str, n: usize) -> Result<Option<Vec<f64>>> {
        let Some(v) = self.value(key) else { return Ok(None) };
        let vals: Vec<f64> = v
            .split(',')
            .map(|x| x.parse::<f64>())
            .collect::<std::result::Result<_, _>>()
            .map_err(|_| self.err(key, "bad number"))?;
        if n != 0 && vals.len() != n {
            return Err(self.err(key, &format!("expected {n} values")));
        }
        Ok(Some(vals))
    }

    pub fn i64s(&self, key: &str) -> Result<Option<Vec<i64>>> {
        let Some(v) = self.value(key) else { return Ok(None) };
        if v.is_empty() {
            return Ok(Some(Vec::new()));
        }
        v.split(',')
            .map(|x| x.parse::<i64>().map_err(|_| self.err(key, "bad integer")))
            .collect::<Result<Vec<_>>>()
            .map(Some)
    }
}

/// Comma-joined shortest round-trip doubles.
pub fn join_f64(v: &[f64]) -> String {
    v.iter().map(|x| format!("{x:?}")).collect::<Vec<_>>().join(",")
}

pub fn join_i64<T: std::fmt::Display>(v: &[T]) -> String {
    v.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")
}
