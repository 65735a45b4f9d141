//! The legacy reader: every layout VTK 9.1 writes (ASCII and BINARY, versions 2.0–5.1), strict
//! about counts and sizes, plus vtkwire's title extension. Errors name the byte offset.
//!
//! Hostile input: every count is justified by the bytes that remain and every allocation is
//! charged to the read's [`Budget`] and made fallibly (the rule is stated once, in
//! [`crate::limits`]). Nothing here indexes or unwraps on input-dependent values (the lints
//! below enforce it), so no input can panic the reader.

#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Display;

use bytemuck::Pod;

use super::encode::{decode_bytes, get_be_ids, get_be_ids32, get_be_offsets, ids_below, words};
use super::ext::ExtIn;
use super::write::{dims_extent, infer_info, inferred_ratios};
use crate::error::{Error, Result, Status};
use crate::limits::{Budget, Limits, justify, try_vec};
use crate::model::{
    Amr, AmrBlock, AmrLevel, ArrayData, Association, AttributeRole, Attributes, Bits, Block, Buffer, CellArray,
    DataArray, DataObject, Graph, ImageData, InfoEntry, InfoValue, LookupTable, MultiBlock, PolyData, RectilinearGrid,
    ScalarType, StructuredGrid, Table, UnstructuredGrid, Variant,
};

/// What a graph vertex announced by `VERTICES n` is charged when it has no points of its own in
/// the input: the 12 bytes of zero points writing it produces, plus the 33 bytes a tree's
/// validation keeps per vertex, rounded up.
const VERTEX_BYTES: usize = 48;

/// Smallest input of one `CHILD` entry (`CHILD -1\nENDCHILD`).
const CHILD_MIN_BYTES: usize = 16;

/// Smallest input of one FIELD array line (`a 1 0 bit`).
const FIELD_ARRAY_MIN_BYTES: usize = 8;

/// Smallest input of one AMR level line (`0 1 1 1`).
const AMR_LEVEL_MIN_BYTES: usize = 7;

pub(crate) struct Parser<'a> {
    b: &'a [u8],
    pub pos: usize,
    binary: bool,
    major: u32,
    /// Some connectivity id read so far is not a point id of its object (checked while the
    /// ids are decoded; the caller then runs the full validation for the message).
    pub ids_bad: bool,
    budget: Budget,
    max_depth: usize,
}

/// Per-object state: the title extension and the array counter.
struct Ctx {
    ext: ExtIn,
    k: usize,
}

fn lower_is(tok: &[u8], kw: &str) -> bool {
    tok.get(..kw.len()).is_some_and(|p| p.eq_ignore_ascii_case(kw.as_bytes()))
}

fn show(tok: &[u8]) -> String {
    String::from_utf8_lossy(tok.get(..40).unwrap_or(tok)).into_owned()
}

fn role_of(tok: &[u8]) -> Option<AttributeRole> {
    Some(if lower_is(tok, "color_scalars") || lower_is(tok, "scalars") {
        AttributeRole::Scalars
    } else if lower_is(tok, "vectors") {
        AttributeRole::Vectors
    } else if lower_is(tok, "normals") {
        AttributeRole::Normals
    } else if lower_is(tok, "texture_coordinates") {
        AttributeRole::TCoords
    } else if lower_is(tok, "tensors") {
        AttributeRole::Tensors
    } else if lower_is(tok, "global_ids") {
        AttributeRole::GlobalIds
    } else if lower_is(tok, "pedigree_ids") {
        AttributeRole::PedigreeIds
    } else if lower_is(tok, "edge_flags") {
        AttributeRole::EdgeFlags
    } else {
        return None;
    })
}

/// The arrays of a collection, moved out (no payload copy).
fn into_arrays(mut attrs: Attributes) -> Vec<DataArray> {
    let mut v = Vec::with_capacity(attrs.len());
    while let Some(last) = attrs.len().checked_sub(1) {
        match attrs.remove(last) {
            Ok(a) => v.push(a),
            Err(_) => break,
        }
    }
    v.reverse();
    v
}

fn scalar_type_of(tok: &[u8]) -> Option<(ScalarType, bool)> {
    // (type, stored as 32-bit vtkIdType); ScalarType parses the keywords in any case and
    // `utf8_string` as string.
    let ty: ScalarType = std::str::from_utf8(tok).ok()?.parse().ok()?;
    Some((ty, ty == ScalarType::IdType))
}

/// `n` big-endian `T`s from `raw` into a new, fallibly allocated vector (the caller charged it).
fn get_be<T: Pod>(raw: &[u8], n: usize) -> Result<Vec<T>> {
    Ok(super::encode::get_be(raw, try_vec(n, "array data")?))
}

/// A copy of `raw` in a fallibly allocated vector (the caller charged it).
fn to_vec_try(raw: &[u8]) -> Result<Vec<u8>> {
    let mut v = try_vec(raw.len(), "array data")?;
    v.extend_from_slice(raw);
    Ok(v)
}

/// VTK's ASCII colour value (0..1) as a byte: `(unsigned char)(255 * v + 0.5)`.
#[allow(clippy::cast_possible_truncation, reason = "float-to-int `as` saturates; VTK truncates the same way")]
fn unit_to_byte(v: f64) -> u8 {
    (255.0 * v + 0.5) as u8
}

/// Whether the point count of `e` fits a `usize` (what validation and writing multiply out).
fn extent_countable(e: &[i32; 6]) -> bool {
    let axis = |lo: i32, hi: i32| usize::try_from((i64::from(hi) - i64::from(lo) + 1).max(0)).ok();
    [axis(e[0], e[1]), axis(e[2], e[3]), axis(e[4], e[5])]
        .into_iter()
        .try_fold(1usize, |p, d| d.and_then(|d| p.checked_mul(d)))
        .is_some()
}

/// The first three of six extent values (the axis starts).
fn starts(e: &[i32; 6]) -> [i32; 3] {
    [e[0], e[2], e[4]]
}

impl<'a> Parser<'a> {
    /// A parser of `b` from byte `pos`, under `limits` (the budget is sized from `b.len()`).
    pub fn new(b: &'a [u8], pos: usize, limits: &Limits) -> Parser<'a> {
        Parser {
            b,
            pos,
            binary: true,
            major: 5,
            ids_bad: false,
            budget: Budget::new(b.len(), limits),
            max_depth: limits.max_depth,
        }
    }

    fn err(&self, status: Status, msg: impl Display) -> Error {
        Error::new(status, format!("{msg} (at byte {})", self.pos))
    }

    fn err_at(&self, at: usize, status: Status, msg: impl Display) -> Error {
        Error::new(status, format!("{msg} (at byte {at})"))
    }

    /// `e` with this parser's position appended.
    fn here(&self, e: Error) -> Error {
        self.err(e.status, e.message)
    }

    fn remaining(&self) -> usize {
        self.b.len().saturating_sub(self.pos)
    }

    /// Rule 1 of [`crate::limits`]: `n` elements of at least `each` bytes fit in what remains.
    fn justify(&self, n: usize, each: usize, what: &str) -> Result<()> {
        justify(n, each, self.remaining(), what).map_err(|e| self.here(e))
    }

    /// Rule 2: charges `bytes` of object to the budget.
    fn charge(&mut self, bytes: usize, what: &str) -> Result<()> {
        let r = self.budget.charge(bytes, what);
        r.map_err(|e| self.here(e))
    }

    /// Charges `n` elements of `T` and returns a fallibly allocated vector with room for them.
    fn alloc<T>(&mut self, n: usize, what: &str) -> Result<Vec<T>> {
        let r = self.budget.vec::<T>(n, what);
        r.map_err(|e| self.here(e))
    }

    /// A decoded string, its bytes charged.
    fn owned_string(&mut self, bytes: &[u8], at: usize) -> Result<String> {
        self.charge(bytes.len(), "string")?;
        self.string(bytes, at)
    }

    fn skip_ws(&mut self) {
        while self.b.get(self.pos).is_some_and(u8::is_ascii_whitespace) {
            self.pos += 1;
        }
    }

    /// Next whitespace-separated token; `None` at the end of the input.
    fn next_token(&mut self) -> Option<&'a [u8]> {
        self.skip_ws();
        let start = self.pos;
        while self.b.get(self.pos).is_some_and(|c| !c.is_ascii_whitespace()) {
            self.pos += 1;
        }
        self.b.get(start..self.pos).filter(|t| !t.is_empty())
    }

    fn token(&mut self, what: &str) -> Result<&'a [u8]> {
        self.next_token().ok_or_else(|| self.err(Status::Truncated, format!("input ends where {what} was expected")))
    }

    fn peek_token(&mut self) -> Option<&'a [u8]> {
        let save = self.pos;
        let t = self.next_token();
        self.pos = save;
        t
    }

    fn expect(&mut self, kw: &str) -> Result<()> {
        let at = self.pos;
        let t = self.token(kw)?;
        if lower_is(t, kw) {
            Ok(())
        } else {
            Err(self.err_at(at, Status::Parse, format!("expected {}, found '{}'", kw.to_uppercase(), show(t))))
        }
    }

    fn parse_num<T: std::str::FromStr>(&mut self, what: &str) -> Result<T> {
        self.skip_ws();
        let at = self.pos;
        let t = self.token(what)?;
        std::str::from_utf8(t)
            .ok()
            .and_then(|s| s.parse::<T>().ok())
            .ok_or_else(|| self.err_at(at, Status::Parse, format!("bad {what} '{}'", show(t))))
    }

    fn usize_(&mut self, what: &str) -> Result<usize> {
        self.parse_num::<usize>(what)
    }

    fn f64_(&mut self, what: &str) -> Result<f64> {
        self.parse_num::<f64>(what)
    }

    /// The rest of the current line (without `\n` and a trailing `\r`); consumes the `\n`.
    fn line(&mut self) -> Result<&'a [u8]> {
        let rest = self
            .b
            .get(self.pos..)
            .filter(|r| !r.is_empty())
            .ok_or_else(|| self.err(Status::Truncated, "input ends where a line was expected"))?;
        let (l, consumed) = match rest.iter().position(|&c| c == b'\n') {
            Some(i) => (rest.get(..i).unwrap_or(rest), i + 1),
            None => (rest, rest.len()),
        };
        self.pos += consumed;
        Ok(l.strip_suffix(b"\r").unwrap_or(l))
    }

    /// Discards the rest of the current line (binary data starts after it).
    fn rest_of_line(&mut self) -> Result<()> {
        match self.b.get(self.pos..).and_then(|r| r.iter().position(|&c| c == b'\n')) {
            Some(i) => {
                self.pos += i + 1;
                Ok(())
            }
            None => Err(self.err(Status::Truncated, "input ends before the binary data")),
        }
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        match self.b.get(self.pos..).and_then(|r| r.get(..n)) {
            Some(s) => {
                self.pos += n;
                Ok(s)
            }
            None => {
                Err(self.err(Status::Truncated, format!("{what} needs {n} bytes, only {} remain", self.remaining())))
            }
        }
    }

    fn take_array<const N: usize>(&mut self, what: &str) -> Result<[u8; N]> {
        let s = self.take(N, what)?;
        <[u8; N]>::try_from(s).map_err(|_| self.err(Status::Truncated, format!("{what} needs {N} bytes")))
    }

    fn string(&self, bytes: &[u8], at: usize) -> Result<String> {
        String::from_utf8(decode_bytes(bytes))
            .map_err(|_| self.err_at(at, Status::InvalidUtf8, "name or string is not valid UTF-8"))
    }

    // ----- header and dispatch ----------------------------------------------------------

    /// Reads one complete legacy file (top level or nested child).
    pub fn object(&mut self, depth: usize, extent_block: Option<[i32; 6]>) -> Result<DataObject> {
        if depth > self.max_depth {
            return Err(self.err(
                Status::LimitExceeded,
                format!("composite nesting deeper than {} (vtkwire_limits_set_max_depth)", self.max_depth),
            ));
        }
        self.charge(std::mem::size_of::<DataObject>(), "data object")?;
        let at = self.pos;
        let l1 = self.line()?;
        let prefix = b"# vtk DataFile Version";
        let Some(ver) = l1.get(..prefix.len()).filter(|p| p.eq_ignore_ascii_case(prefix)).and(l1.get(prefix.len()..))
        else {
            return Err(self.err_at(at, Status::Parse, "not a VTK legacy file: missing '# vtk DataFile Version'"));
        };
        let ver = String::from_utf8_lossy(ver).trim().to_owned();
        let (maj, _min) = ver.split_once('.').unwrap_or((&ver, "0"));
        self.major = maj
            .trim()
            .parse::<u32>()
            .map_err(|_| self.err_at(at, Status::Parse, format!("bad file version '{}'", show(ver.as_bytes()))))?;
        if !(1..=5).contains(&self.major) {
            return Err(self.err_at(
                at,
                Status::Unsupported,
                format!("file version {} is not 2.0..5.1", show(ver.as_bytes())),
            ));
        }
        let title_at = self.pos;
        let title = self.line()?;
        let ext = ExtIn::parse(title, title_at);
        let at3 = self.pos;
        let l3 = self.line()?;
        let mode = String::from_utf8_lossy(l3).trim().to_ascii_lowercase();
        self.binary = if mode.starts_with("binary") {
            true
        } else if mode.starts_with("ascii") {
            false
        } else {
            return Err(self.err_at(at3, Status::Parse, format!("expected ASCII or BINARY, found '{}'", show(l3))));
        };
        let mut cx = Ctx { ext, k: 0 };
        let at = self.pos;
        let t = self.token("DATASET")?;
        if lower_is(t, "field") {
            return Err(self.err_at(at, Status::Unsupported, "a file holding only FIELD data is not a data object"));
        }
        if !lower_is(t, "dataset") {
            return Err(self.err_at(at, Status::Parse, format!("expected DATASET, found '{}'", show(t))));
        }
        let at = self.pos;
        let kind = self.token("dataset type")?.to_ascii_lowercase();
        let k = kind.as_slice();
        let is = |kw: &str| lower_is(k, kw);
        if is("molecule") {
            Err(self.err_at(at, Status::Unsupported, "vtkMolecule is not supported"))
        } else if is("directed_graph") {
            self.graph(&mut cx, depth, 0)
        } else if is("undirected_graph") {
            self.graph(&mut cx, depth, 1)
        } else if is("polydata")
            || is("rectilinear_grid")
            || is("structured_grid")
            || is("structured_points")
            || is("unstructured_grid")
        {
            self.dataset(&mut cx, depth, k, extent_block)
        } else if is("table") {
            self.table(&mut cx, depth)
        } else if is("tree") {
            self.graph(&mut cx, depth, 2)
        } else if is("multiblock") {
            self.multiblock(&mut cx, depth)
        } else if is("overlapping_amr") {
            self.amr(&mut cx, depth)
        } else {
            Err(self.err_at(at, Status::Unsupported, format!("data set type '{}' is not supported", show(k))))
        }
    }

    /// At the end of an object: EOF, or (nested) an ENDCHILD left for the parent.
    fn object_ends(&mut self, depth: usize) -> bool {
        match self.peek_token() {
            None => true,
            Some(t) => depth > 0 && lower_is(t, "endchild"),
        }
    }

    fn unexpected(&mut self, what: &str) -> Error {
        let at = {
            self.skip_ws();
            self.pos
        };
        let t = self.peek_token().unwrap_or(b"");
        self.err_at(at, Status::Parse, format!("unexpected keyword '{}' in {what}", show(t)))
    }

    // ----- data sets --------------------------------------------------------------------

    fn dataset(
        &mut self,
        cx: &mut Ctx,
        depth: usize,
        kind: &[u8],
        extent_block: Option<[i32; 6]>,
    ) -> Result<DataObject> {
        let is = |kw: &str| lower_is(kind, kw);
        let (poly, rect, sgrid, image, ugrid) = (
            is("polydata"),
            is("rectilinear_grid"),
            is("structured_grid"),
            is("structured_points"),
            is("unstructured_grid"),
        );
        let mut field = Attributes::new();
        let mut points: Option<DataArray> = None;
        let mut dims: Option<[usize; 3]> = None;
        let mut extent_kw: Option<[i32; 6]> = None;
        let mut spacing = [1.0f64; 3];
        let mut origin = [0.0f64; 3];
        let mut coords: [Option<DataArray>; 3] = [None, None, None];
        let mut pcells: [CellArray; 4] = Default::default();
        let mut ucells = CellArray::default();
        // Per cell array: the point count its ids were checked against while decoding, if
        // they all were in range (POINTS normally comes first; anything else is re-checked).
        let mut ids_checked: [Option<usize>; 5] = [Some(0); 5];
        let mut types: Vec<u8> = Vec::new();
        let mut pd = Attributes::new();
        let mut cd = Attributes::new();
        while !self.object_ends(depth) {
            let save = self.pos;
            let t = self.token("keyword")?.to_ascii_lowercase();
            let t = t.as_slice();
            if lower_is(t, "field") {
                field = self.field(cx)?;
                self.apply_layout(cx, &mut field, Association::Field, Vec::new(), save)?;
            } else if lower_is(t, "points") && (poly || sgrid || ugrid) {
                let n = self.usize_("point count")?;
                let ty = self.token("point type")?;
                points = self.points(cx, ty, n, 3, true)?;
            } else if lower_is(t, "dimensions") && !poly && !ugrid {
                let at = self.pos;
                let d = [self.usize_("dimension")?, self.usize_("dimension")?, self.usize_("dimension")?];
                // The extent is int; the point count must be a number.
                let fits = d.iter().all(|&x| i32::try_from(x).is_ok());
                if !fits || d.iter().try_fold(1usize, |p, &x| p.checked_mul(x)).is_none() {
                    return Err(self.err_at(
                        at,
                        Status::Parse,
                        format!("DIMENSIONS {} {} {} out of range", d[0], d[1], d[2]),
                    ));
                }
                dims = Some(d);
            } else if lower_is(t, "extent") && !poly && !ugrid {
                let mut e = [0i32; 6];
                for v in &mut e {
                    *v = self.parse_num::<i32>("extent")?;
                }
                extent_kw = Some(e);
            } else if (lower_is(t, "spacing") || lower_is(t, "aspect_ratio")) && image {
                spacing = [self.f64_("spacing")?, self.f64_("spacing")?, self.f64_("spacing")?];
            } else if lower_is(t, "origin") && image {
                origin = [self.f64_("origin")?, self.f64_("origin")?, self.f64_("origin")?];
            } else if rect
                && (lower_is(t, "x_coordinates") || lower_is(t, "y_coordinates") || lower_is(t, "z_coordinates"))
            {
                let axis = match t.first() {
                    Some(b'x') => 0,
                    Some(b'y') => 1,
                    _ => 2,
                };
                let n = self.usize_("coordinate count")?;
                let ty = self.token("coordinate type")?;
                let c = self.points(cx, ty, n, 1, true)?;
                if let Some(slot) = coords.get_mut(axis) {
                    *slot = c;
                }
            } else if poly
                && (lower_is(t, "vertices")
                    || lower_is(t, "lines")
                    || lower_is(t, "polygons")
                    || lower_is(t, "triangle_strips"))
            {
                let i = if lower_is(t, "vertices") {
                    0
                } else if lower_is(t, "lines") {
                    1
                } else if lower_is(t, "polygons") {
                    2
                } else {
                    3
                };
                let np = points.as_ref().map(DataArray::tuples);
                let (c, ok) = self.cells(np)?;
                if let (Some(slot), Some(checked)) = (pcells.get_mut(i), ids_checked.get_mut(i)) {
                    (*slot, *checked) = (c, ok);
                }
            } else if ugrid && lower_is(t, "cells") {
                let np = points.as_ref().map(DataArray::tuples);
                (ucells, ids_checked[4]) = self.cells(np)?;
            } else if ugrid && lower_is(t, "cell_types") {
                let n = self.usize_("cell count")?;
                types = self.cell_types(n)?;
            } else if lower_is(t, "cell_data") {
                let n = self.usize_("cell count")?;
                cd = self.section(cx, n, Association::Cell)?;
            } else if lower_is(t, "point_data") {
                let n = self.usize_("point count")?;
                pd = self.section(cx, n, Association::Point)?;
            } else {
                self.pos = save;
                return Err(self.unexpected("data set"));
            }
        }
        let end = self.pos;
        let ext = &cx.ext;
        let at_err = |m: String| Error::new(Status::Parse, format!("{m} (at byte {end})"));
        let reader_extent = extent_kw.or(dims.map(dims_extent));
        let extent = match (extent_block, ext.i64s("X")?) {
            (Some(e), _) => Some(e),
            (None, Some(x)) => {
                let e: Vec<i32> = x
                    .iter()
                    .map(|&v| i32::try_from(v).map_err(|_| ext.err("X", "extent value out of range")))
                    .collect::<Result<_>>()?;
                Some(<[i32; 6]>::try_from(e).map_err(|_| ext.err("X", "needs 6 values"))?)
            }
            (None, None) => reader_extent,
        };
        let npoints = points.as_ref().map_or(0, DataArray::tuples);
        let cell_arrays = pcells.iter().chain(std::iter::once(&ucells));
        if cell_arrays.zip(ids_checked).any(|(c, checked)| !c.connectivity().is_empty() && checked != Some(npoints)) {
            self.ids_bad = true;
        }
        if poly {
            return Ok(DataObject::PolyData(PolyData {
                points,
                cells: pcells,
                point_data: pd,
                cell_data: cd,
                field_data: field,
            }));
        }
        if ugrid {
            if types.len() != ucells.len() {
                return Err(at_err(format!("{} cell types for {} cells", types.len(), ucells.len())));
            }
            return Ok(DataObject::UnstructuredGrid(UnstructuredGrid {
                points,
                cells: ucells,
                cell_types: types,
                point_data: pd,
                cell_data: cd,
                field_data: field,
            }));
        }
        let extent = extent.ok_or_else(|| at_err("structured data set without DIMENSIONS or EXTENT".into()))?;
        if !extent_countable(&extent) {
            return Err(at_err(format!("extent {extent:?} has more points than a count can hold")));
        }
        if rect {
            return Ok(DataObject::RectilinearGrid(RectilinearGrid {
                extent,
                coordinates: coords,
                point_data: pd,
                cell_data: cd,
                field_data: field,
            }));
        }
        if sgrid {
            return Ok(DataObject::StructuredGrid(StructuredGrid {
                extent,
                points,
                point_data: pd,
                cell_data: cd,
                field_data: field,
            }));
        }
        let rmin = starts(&reader_extent.unwrap_or([0; 6]));
        for (((o, &e), r), s) in origin.iter_mut().zip(&starts(&extent)).zip(rmin).zip(spacing) {
            if e != r {
                *o -= (f64::from(e) - f64::from(r)) * s;
            }
        }
        if let Some(o) = ext.f64s("O", 3)? {
            for (d, s) in origin.iter_mut().zip(o) {
                *d = s;
            }
        }
        let mut img = ImageData::new(extent, origin, spacing);
        if let Some(d) = ext.f64s("D", 9)? {
            for (x, s) in img.direction.iter_mut().zip(d) {
                *x = s;
            }
        }
        img.point_data = pd;
        img.cell_data = cd;
        img.field_data = field;
        Ok(if ext.has("SP") { DataObject::StructuredPoints(img) } else { DataObject::ImageData(img) })
    }

    /// `POINTS`/`*_COORDINATES` payload: `none_when_empty` maps 0 values to a missing array.
    fn points(
        &mut self,
        cx: &mut Ctx,
        ty: &[u8],
        n: usize,
        nc: usize,
        none_when_empty: bool,
    ) -> Result<Option<DataArray>> {
        let k = cx.k;
        let a = self.array(cx, ty, n, nc, None)?;
        if cx.ext.has(&format!("Z{k}")) || (none_when_empty && n == 0 && !cx.ext.has(&format!("E{k}"))) {
            return Ok(None);
        }
        Ok(Some(a))
    }

    /// A cell array, and `Some(points)` when its connectivity ids were all found in
    /// `0..points` (`points`: the point count read so far).
    fn cells(&mut self, points: Option<usize>) -> Result<(CellArray, Option<usize>)> {
        let at = self.pos;
        let a = self.usize_("cell array size")?;
        let b = self.usize_("cell array size")?;
        if self.major < 5 {
            let stream = self.ints("int", b)?;
            // from_legacy builds offsets and connectivity at most as long as the stream.
            self.charge(stream.len().saturating_mul(16), "cells")?;
            let cells = CellArray::from_legacy(&stream).map_err(|e| self.err_at(at, Status::Parse, e.message))?;
            if cells.len() != a && !(a == 0 && cells.is_empty()) {
                return Err(self.err_at(at, Status::Parse, format!("{a} cells announced, {} found", cells.len())));
            }
            let ok = points.filter(|&n| ids_below(cells.connectivity(), n));
            return Ok((cells, ok));
        }
        self.expect("offsets")?;
        let t1 = self.token("offsets type")?.to_ascii_lowercase();
        let (offsets, monotone) = self.offsets(&String::from_utf8_lossy(&t1), a)?;
        self.expect("connectivity")?;
        let at2 = self.pos;
        let t2 = self.token("connectivity type")?.to_ascii_lowercase();
        if t1 != t2 {
            return Err(self.err_at(at2, Status::Parse, "OFFSETS and CONNECTIVITY have different types"));
        }
        let (conn, ok) = self.ids(&String::from_utf8_lossy(&t2), b, points)?;
        let layout_ok = monotone
            && offsets.first().is_none_or(|&f| f == 0)
            && offsets.last().is_none_or(|&l| i64::try_from(conn.len()) == Ok(l))
            && (!offsets.is_empty() || conn.is_empty());
        let cells = if layout_ok {
            CellArray::from_checked(offsets, conn)
        } else {
            // The full check names what is wrong.
            CellArray::new(offsets.into(), conn.into()).map_err(|e| self.err_at(at, Status::Parse, e.message))?
        };
        Ok((cells, points.filter(|_| ok)))
    }

    /// `OFFSETS` values, and whether they never decrease (binary: checked while decoding).
    fn offsets(&mut self, ty: &str, n: usize) -> Result<(Vec<i64>, bool)> {
        if let Some((raw, size)) = self.binary_ints(ty, n)? {
            let out = self.alloc::<i64>(n, "offsets")?;
            return Ok(get_be_offsets(raw, size, out));
        }
        let v = self.ascii_ints(n)?;
        let monotone = v.iter().zip(v.iter().skip(1)).all(|(a, b)| a <= b);
        Ok((v, monotone))
    }

    /// `n` integers of a cell-array type (`int`, `long`, `vtktypeint64`, `vtkIdType`).
    fn ints(&mut self, ty: &str, n: usize) -> Result<Vec<i64>> {
        self.ids(ty, n, None).map(|(v, _)| v)
    }

    /// Like [`Self::ints`]; with `points`, also whether every value is in `0..points`
    /// (checked in the decoding pass, block by block).
    fn ids(&mut self, ty: &str, n: usize, points: Option<usize>) -> Result<(Vec<i64>, bool)> {
        if let Some((raw, size)) = self.binary_ints(ty, n)? {
            let out = self.alloc::<i64>(n, "integers")?;
            return Ok(if size == 4 { get_be_ids32(raw, out, points) } else { get_be_ids(raw, out, points) });
        }
        let v = self.ascii_ints(n)?;
        let ok = points.is_some_and(|p| ids_below(&v, p));
        Ok((v, ok))
    }

    /// Checks a cell-array integer type; in a binary file, takes the `n` values' bytes and
    /// returns them with the element size (4 or 8). `None` in an ASCII file.
    fn binary_ints(&mut self, ty: &str, n: usize) -> Result<Option<(&'a [u8], usize)>> {
        let at = self.pos;
        let size = match ty {
            "int" | "vtkidtype" => 4,
            "long" | "vtktypeint64" => 8,
            _ => {
                return Err(self.err_at(
                    at,
                    Status::Parse,
                    format!("cell arrays cannot be of type '{}'", show(ty.as_bytes())),
                ));
            }
        };
        if !self.binary {
            return Ok(None);
        }
        self.rest_of_line()?;
        let bytes = n.checked_mul(size).ok_or_else(|| self.err(Status::Parse, "size overflows"))?;
        Ok(Some((self.take(bytes, "integer array")?, size)))
    }

    /// `n` ASCII integers.
    fn ascii_ints(&mut self, n: usize) -> Result<Vec<i64>> {
        self.justify(n, 1, "integers")?;
        let mut v = self.alloc(n, "integers")?;
        for _ in 0..n {
            v.push(self.parse_num::<i64>("integer")?);
        }
        Ok(v)
    }

    /// `CELL_TYPES` values (after the count): `int`s that must fit a byte.
    fn cell_types(&mut self, n: usize) -> Result<Vec<u8>> {
        if !self.binary {
            let ints = self.ints("int", n)?;
            let mut types = self.alloc::<u8>(n, "cell types")?;
            for v in ints {
                types
                    .push(u8::try_from(v).map_err(|_| self.err(Status::Parse, format!("cell type {v} out of range")))?);
            }
            return Ok(types);
        }
        self.rest_of_line()?;
        let bytes = n.checked_mul(4).ok_or_else(|| self.err(Status::Parse, "size overflows"))?;
        let raw = self.take(bytes, "integer array")?;
        // Big-endian int32 in 0..=255: three zero bytes, then the value.
        let mut high = 0u8;
        let mut types = self.alloc::<u8>(n, "cell types")?;
        types.extend(words::<4>(raw).iter().map(|c| {
            high |= c[0] | c[1] | c[2];
            c[3]
        }));
        if high != 0
            && let Some(c) = words::<4>(raw).iter().find(|c| c[0] | c[1] | c[2] != 0)
        {
            let v = i32::from_be_bytes(*c);
            return Err(self.err(Status::Parse, format!("cell type {v} out of range")));
        }
        Ok(types)
    }

    // ----- arrays -----------------------------------------------------------------------

    /// Reads an array's values (after its type token), its METADATA, and applies the
    /// extension tokens of array number `cx.k`.
    fn array(&mut self, cx: &mut Ctx, ty_tok: &[u8], nt: usize, nc: usize, name: Option<String>) -> Result<DataArray> {
        let k = cx.k;
        cx.k += 1;
        let at = self.pos;
        let (ty, narrow_id) = scalar_type_of(ty_tok)
            .ok_or_else(|| self.err_at(at, Status::Parse, format!("unknown array type '{}'", show(ty_tok))))?;
        if nc == 0 {
            return Err(self.err_at(at, Status::Parse, "array with 0 components"));
        }
        self.charge(std::mem::size_of::<DataArray>(), "array")?;
        let n = nt.checked_mul(nc).ok_or_else(|| self.err_at(at, Status::Parse, "array size overflows"))?;
        let mut data = self.values(ty, narrow_id, n, nt, nc)?;
        if cx.ext.has(&format!("I{k}"))
            && let ArrayData::LongLong(b) = data
        {
            data = ArrayData::IdType(b);
        }
        let mut a = DataArray::new(name.as_deref(), nc, data).map_err(|e| self.err_at(at, Status::Parse, e.message))?;
        if lower_is(self.peek_token().unwrap_or(b""), "metadata") {
            self.metadata(cx, &mut a, k)?;
        } else {
            let info = self.merge_info(cx, k, Vec::new())?;
            a.info = info;
        }
        if cx.ext.has(&format!("C{k}")) && a.component_names.is_none() {
            let mut names = self.alloc::<String>(nc, "component names")?;
            names.resize(nc, String::new());
            a.component_names = Some(names);
        }
        let key = format!("N{k}");
        match cx.ext.get(&key) {
            Some(None) => a.name = None,
            Some(Some(v)) => a.name = Some(cx.ext.string(&key, v)?),
            None => {}
        }
        let key = format!("L{k}");
        if let Some(v) = cx.ext.value(&key) {
            match v.split_once(':') {
                Some((name, hex)) => {
                    let hb = hex.as_bytes();
                    if hb.len() % 8 != 0 {
                        return Err(cx.ext.err(&key, "bad colour list"));
                    }
                    let mut rgba = self.alloc::<[u8; 4]>(hb.len() / 8, "lookup table")?;
                    for c in words::<8>(hb) {
                        let mut px = [0u8; 4];
                        for (p, pair) in px.iter_mut().zip(words::<2>(c)) {
                            let s = std::str::from_utf8(pair).unwrap_or("zz");
                            *p = u8::from_str_radix(s, 16).map_err(|_| cx.ext.err(&key, "bad colour"))?;
                        }
                        rgba.push(px);
                    }
                    a.lookup_table = Some(LookupTable { name: cx.ext.string(&key, name)?, rgba });
                }
                None => {
                    let name = cx.ext.string(&key, v)?;
                    if let Some(t) = &mut a.lookup_table {
                        t.name = name;
                    }
                }
            }
        }
        Ok(a)
    }

    fn values(&mut self, ty: ScalarType, narrow_id: bool, n: usize, nt: usize, nc: usize) -> Result<ArrayData> {
        if self.binary || matches!(ty, ScalarType::String | ScalarType::Variant) {
            self.rest_of_line()?;
        }
        let at = self.pos;
        if ty == ScalarType::Variant {
            self.justify(n, 2, "variant values")?;
            let mut v = self.alloc::<Variant>(n, "variant values")?;
            for _ in 0..n {
                let lat = self.pos;
                let l = self.line()?;
                let (code, text) = match l.iter().position(|&c| c == b' ') {
                    Some(i) => (l.get(..i).unwrap_or(l), l.get(i + 1..).unwrap_or(b"")),
                    None => (l, &b""[..]),
                };
                let type_code = std::str::from_utf8(code)
                    .ok()
                    .and_then(|s| s.trim().parse::<i32>().ok())
                    .ok_or_else(|| self.err_at(lat, Status::Parse, format!("bad variant type '{}'", show(code))))?;
                v.push(Variant { type_code, text: self.owned_string(text, lat)? });
            }
            return Ok(ArrayData::Variant(v));
        }
        if ty == ScalarType::String {
            self.justify(n, 1, "strings")?;
            let mut v = self.alloc::<String>(n, "strings")?;
            for _ in 0..n {
                let sat = self.pos;
                if self.binary {
                    let [h] = self.take_array::<1>("string header")?;
                    let len = match h >> 6 {
                        3 => u64::from(h & 0x3F),
                        2 => {
                            let [r] = self.take_array::<1>("string header")?;
                            u64::from(u16::from_be_bytes([h & 0x3F, r]))
                        }
                        1 => {
                            let r = self.take_array::<3>("string header")?;
                            u64::from(u32::from_be_bytes([h & 0x3F, r[0], r[1], r[2]]))
                        }
                        _ => {
                            let r = self.take_array::<7>("string header")?;
                            u64::from_be_bytes([h & 0x3F, r[0], r[1], r[2], r[3], r[4], r[5], r[6]])
                        }
                    };
                    let len = usize::try_from(len).unwrap_or(usize::MAX);
                    let s = self.take(len, "string value")?;
                    self.charge(s.len(), "string")?;
                    let bytes = to_vec_try(s).map_err(|e| self.here(e))?;
                    v.push(
                        String::from_utf8(bytes)
                            .map_err(|_| self.err_at(sat, Status::InvalidUtf8, "string value is not valid UTF-8"))?,
                    );
                } else {
                    let l = self.line()?;
                    v.push(self.owned_string(l, sat)?);
                }
            }
            return Ok(ArrayData::String(v));
        }
        if ty == ScalarType::Bit {
            if self.binary {
                let correct = n.div_ceil(8);
                // VTK 9.1 writes ((tuples-1)/8)+1 bytes for multi-component bit arrays.
                let buggy = if nt > 0 { (nt - 1) / 8 + 1 } else { 0 };
                let after_ok = |p: usize| self.b.get(p).is_none_or(u8::is_ascii_whitespace);
                let take = if correct != buggy && nc > 1 && correct <= self.remaining() && after_ok(self.pos + correct)
                {
                    correct
                } else if correct != buggy
                    && nc > 1
                    && buggy <= self.remaining()
                    && self.b.get(self.pos + buggy) == Some(&b'\n')
                {
                    buggy
                } else {
                    correct
                };
                let raw = self.take(take, "bit array")?;
                // The bytes VTK's short form leaves out are zeros with no input of their own:
                // they are charged like everything else.
                let mut packed = self.alloc::<u8>(correct, "bit array")?;
                packed.extend_from_slice(raw);
                packed.resize(correct, 0);
                return Bits::from_packed(packed, n)
                    .map(ArrayData::Bit)
                    .map_err(|e| self.err_at(at, Status::Parse, e.message));
            }
            self.justify(n, 1, "bits")?;
            let mut bools = self.alloc::<bool>(n, "bits")?;
            for _ in 0..n {
                bools.push(self.parse_num::<u8>("bit")? != 0);
            }
            self.charge(n.div_ceil(8), "bits")?;
            return Ok(ArrayData::Bit(Bits::from_bools(&bools)));
        }
        let size = if narrow_id { 4 } else { ty.size().unwrap_or(1) };
        if self.binary {
            let bytes = n.checked_mul(size).ok_or_else(|| self.err(Status::Parse, "array size overflows"))?;
            let raw = self.take(bytes, "array data")?;
            // Every element is held as its own type, vtkIdType as 8 bytes.
            self.charge(n.saturating_mul(ty.size().unwrap_or(1)), "array data")?;
            if narrow_id {
                let mut v = try_vec(n, "array data")?;
                v.extend(words::<4>(raw).iter().map(|c| i64::from(i32::from_be_bytes(*c))));
                return Ok(ArrayData::IdType(Buffer::from_vec(v)));
            }
            return crate::with_numeric_type!(ty, T, wrap => Ok(wrap(Buffer::from_vec(get_be::<T>(raw, n)?))),
                _ => Err(self.err(Status::Parse, format!("{ty} values are not numbers"))));
        }
        self.justify(n, 1, "values")?;
        crate::with_numeric_type!(ty, T, wrap => {
            let mut v: Vec<T> = self.alloc(n, "values")?;
            for _ in 0..n {
                v.push(self.parse_num::<T>(ty.name())?);
            }
            Ok(wrap(Buffer::from_vec(v)))
        }, _ => Err(self.err(Status::Parse, format!("{ty} values are not numbers"))))
    }

    /// Information entries the writer kept out of METADATA (NaN/Inf values), by position
    /// (sorted). Only the tokens of array `k` are looked at (the title is indexed per array).
    fn exotic_info(&mut self, cx: &Ctx, k: usize) -> Result<Vec<(usize, InfoEntry)>> {
        let tokens = cx.ext.exotic(k);
        let mut exotic: Vec<(usize, InfoEntry)> = self.alloc(tokens.len(), "information entries")?;
        for (rest, v) in tokens {
            let key = format!("Q{k}_{rest}");
            let j: usize = rest.parse().map_err(|_| cx.ext.err(&key, "bad index"))?;
            let parts: Vec<&str> = v.as_deref().unwrap_or("").split(',').collect();
            let (Some(name), Some(location), Some(code), Some(hex)) =
                (parts.first(), parts.get(1), parts.get(2), parts.get(3..))
            else {
                return Err(cx.ext.err(&key, "too few fields"));
            };
            let vals: Vec<f64> = hex
                .iter()
                .map(|h| u64::from_str_radix(h, 16).map(f64::from_bits))
                .collect::<std::result::Result<_, _>>()
                .map_err(|_| cx.ext.err(&key, "bad value"))?;
            self.charge(vals.len().saturating_mul(8), "information values")?;
            let value = match (*code, vals.first()) {
                ("d", Some(&x)) => InfoValue::Double(x),
                ("d", None) => return Err(cx.ext.err(&key, "no value")),
                _ => InfoValue::DoubleVector(vals),
            };
            let name = cx.ext.string(&key, name)?;
            let location = cx.ext.string(&key, location)?;
            if name.is_empty() || location.is_empty() {
                return Err(cx.ext.err(&key, "empty information key name or location"));
            }
            exotic.push((j, InfoEntry { name, location, value }));
        }
        exotic.sort_by_key(|e| e.0);
        Ok(exotic)
    }

    /// The final information list of array `k`: the METADATA entries in order, with the
    /// title's exotic entries put back at their positions (one merge pass).
    fn merge_info(&mut self, cx: &Ctx, k: usize, regular: Vec<InfoEntry>) -> Result<Vec<InfoEntry>> {
        let exotic = self.exotic_info(cx, k)?;
        if exotic.is_empty() {
            return Ok(regular);
        }
        let mut out = try_vec(regular.len() + exotic.len(), "information entries").map_err(|e| self.here(e))?;
        let mut regular = regular.into_iter().peekable();
        for (j, e) in exotic {
            while out.len() < j {
                match regular.next() {
                    Some(r) => out.push(r),
                    None => break,
                }
            }
            out.push(e);
        }
        out.extend(regular);
        Ok(out)
    }

    fn metadata(&mut self, cx: &Ctx, a: &mut DataArray, k: usize) -> Result<()> {
        self.expect("metadata")?;
        self.rest_of_line()?;
        let nc = a.components();
        // Positions taken by exotic entries, ascending: the regular entries skip them (the
        // type tokens `T<k>_<j>` are numbered by final position).
        let mut taken: Vec<usize> = cx.ext.exotic(k).iter().filter_map(|(rest, _)| rest.parse().ok()).collect();
        taken.sort_unstable();
        let mut taken = taken.into_iter().peekable();
        let mut info: Vec<InfoEntry> = Vec::new();
        loop {
            let at = self.pos;
            let l = self.line()?;
            let trimmed = String::from_utf8_lossy(l).trim().to_owned();
            if trimmed.is_empty() {
                break;
            }
            if lower_is(trimmed.as_bytes(), "component_names") {
                self.justify(nc, 1, "component names")?;
                let mut names = self.alloc::<String>(nc, "component names")?;
                for _ in 0..nc {
                    let lat = self.pos;
                    let l = self.line()?;
                    names.push(self.owned_string(l, lat)?);
                }
                a.component_names = Some(names);
            } else if lower_is(trimmed.as_bytes(), "information") {
                let n: usize = trimmed
                    .get(11..)
                    .unwrap_or("")
                    .trim()
                    .parse()
                    .map_err(|_| self.err_at(at, Status::Parse, "bad INFORMATION count"))?;
                self.justify(n, 2, "information entries")?;
                let mut j = 0usize;
                for _ in 0..n {
                    while let Some(&t) = taken.peek() {
                        if t < j {
                            taken.next();
                        } else if t == j {
                            taken.next();
                            j += 1;
                        } else {
                            break;
                        }
                    }
                    let lat = self.pos;
                    let l = String::from_utf8_lossy(self.line()?).into_owned();
                    let w: Vec<&str> = l.split_ascii_whitespace().collect();
                    let (name, location) = match w.as_slice() {
                        [n, key, l, class] if n.eq_ignore_ascii_case("name") && l.eq_ignore_ascii_case("location") => {
                            (*key, *class)
                        }
                        _ => {
                            return Err(self.err_at(
                                lat,
                                Status::Parse,
                                format!("expected 'NAME <key> LOCATION <class>', found '{}'", show(l.as_bytes())),
                            ));
                        }
                    };
                    self.charge(std::mem::size_of::<InfoEntry>(), "information entry")?;
                    let name = self.owned_string(name.as_bytes(), lat)?;
                    let location = self.owned_string(location.as_bytes(), lat)?;
                    let dat = self.pos;
                    let dl = self.line()?;
                    if !lower_is(dl, "data") {
                        return Err(self.err_at(dat, Status::Parse, "expected DATA"));
                    }
                    let data = dl.get(4..).unwrap_or(b"");
                    let data = data.strip_prefix(b" ").unwrap_or(data);
                    let text = String::from_utf8_lossy(data).into_owned();
                    let code = match cx.ext.value(&format!("T{k}_{j}")) {
                        Some(c) => c.chars().next().unwrap_or('s'),
                        None => infer_info(&name, &text),
                    };
                    let bad = || self.err_at(dat, Status::Parse, format!("bad information value '{}'", show(data)));
                    let toks: Vec<&str> = text.split_ascii_whitespace().collect();
                    let value = match code {
                        'd' => InfoValue::Double(toks.first().and_then(|t| t.parse().ok()).ok_or_else(bad)?),
                        'l' => InfoValue::IdType(toks.first().and_then(|t| t.parse().ok()).ok_or_else(bad)?),
                        'i' => InfoValue::Integer(toks.first().and_then(|t| t.parse().ok()).ok_or_else(bad)?),
                        'u' => InfoValue::UnsignedLong(toks.first().and_then(|t| t.parse().ok()).ok_or_else(bad)?),
                        'D' => InfoValue::DoubleVector(
                            toks.iter().skip(1).map(|t| t.parse().map_err(|_| bad())).collect::<Result<_>>()?,
                        ),
                        'I' => InfoValue::IntegerVector(
                            toks.iter().skip(1).map(|t| t.parse().map_err(|_| bad())).collect::<Result<_>>()?,
                        ),
                        'S' => {
                            let cnt: usize = toks.first().and_then(|t| t.parse().ok()).ok_or_else(bad)?;
                            self.justify(cnt, 1, "strings")?;
                            let mut v = self.alloc::<String>(cnt, "strings")?;
                            for _ in 0..cnt {
                                let sat = self.pos;
                                let l = self.line()?;
                                v.push(self.owned_string(l, sat)?);
                            }
                            InfoValue::StringVector(v)
                        }
                        _ => InfoValue::String(self.owned_string(data, dat)?),
                    };
                    if let InfoValue::DoubleVector(v) = &value {
                        self.charge(v.len().saturating_mul(8), "information values")?;
                    }
                    if let InfoValue::IntegerVector(v) = &value {
                        self.charge(v.len().saturating_mul(4), "information values")?;
                    }
                    info.push(InfoEntry { name, location, value });
                    j += 1;
                }
            } else {
                return Err(self.err_at(at, Status::Parse, format!("unexpected line '{}' in METADATA", show(l))));
            }
        }
        a.info = self.merge_info(cx, k, info)?;
        Ok(())
    }

    // ----- attributes -------------------------------------------------------------------

    fn field(&mut self, cx: &mut Ctx) -> Result<Attributes> {
        let _name = self.token("field name")?;
        let n = self.usize_("field array count")?;
        self.justify(n, FIELD_ARRAY_MIN_BYTES, "field arrays")?;
        let mut arrays = Vec::new();
        for _ in 0..n {
            let at = self.pos;
            let name = self.token("array name")?;
            // VTK compares the raw token, case-sensitively (`%4EULL_ARRAY` is an array named
            // NULL_ARRAY, and so is `null_array`).
            if name == b"NULL_ARRAY" {
                continue;
            }
            let name = self.owned_string(name, at)?;
            let nc = self.usize_("component count")?;
            let nt = self.usize_("tuple count")?;
            let ty = self.token("array type")?;
            arrays.push(self.array(cx, ty, nt, nc, Some(name))?);
        }
        Attributes::from_parts(arrays, [None; 8]).map_err(|e| self.err(Status::Parse, e.message))
    }

    fn section(&mut self, cx: &mut Ctx, n: usize, assoc: Association) -> Result<Attributes> {
        let start = self.pos;
        let mut file: Vec<(DataArray, Option<AttributeRole>)> = Vec::new();
        let mut pending_lut: Option<(usize, Vec<u8>)> = None;
        let mut pending_k = 0usize;
        loop {
            let save = self.pos;
            let Some(t) = self.next_token() else { break };
            let at = self.pos;
            if lower_is(t, "field") {
                let f = self.field(cx)?;
                file.extend(into_arrays(f).into_iter().map(|a| (a, None)));
                continue;
            }
            if lower_is(t, "lookup_table") {
                let lat = self.pos;
                let name = self.token("lookup table name")?;
                let count = self.usize_("lookup table size")?;
                let rgba = if self.binary {
                    self.rest_of_line()?;
                    let nb = count.checked_mul(4).ok_or_else(|| self.err(Status::Parse, "size overflows"))?;
                    let raw = self.take(nb, "lookup table")?;
                    let mut rgba = self.alloc::<[u8; 4]>(count, "lookup table")?;
                    rgba.extend_from_slice(words::<4>(raw));
                    rgba
                } else {
                    self.justify(count, 4, "lookup table colours")?;
                    let mut rgba = self.alloc::<[u8; 4]>(count, "lookup table")?;
                    for _ in 0..count {
                        let mut c = [0u8; 4];
                        for x in &mut c {
                            *x = unit_to_byte(self.f64_("colour")?);
                        }
                        rgba.push(c);
                    }
                    rgba
                };
                if let Some((i, lname)) = &pending_lut
                    && lname.as_slice() == name
                    && name != b"default"
                {
                    let mut nm = self.string(name, lat)?;
                    let key = format!("L{pending_k}");
                    if let Some(v) = cx.ext.value(&key)
                        && !v.contains(':')
                    {
                        nm = cx.ext.string(&key, v)?;
                    }
                    if let Some((a, _)) = file.get_mut(*i) {
                        a.lookup_table = Some(LookupTable { name: nm, rgba });
                    }
                }
                continue;
            }
            let Some(role) = role_of(t) else {
                self.pos = save;
                break;
            };
            let nat = self.pos;
            let raw_name = self.token("attribute name")?;
            let name = self.owned_string(raw_name, nat)?;
            let array = if lower_is(t, "color_scalars") {
                let nc = self.usize_("component count")?;
                if self.binary {
                    self.array(cx, b"unsigned_char", n, nc, Some(name))?
                } else {
                    let mut a = self.array(cx, b"float", n, nc, Some(name))?;
                    let ArrayData::Float(f) = a.data() else { return Err(self.err(Status::Parse, "colour scalars")) };
                    let mut bytes = self.alloc::<u8>(f.len(), "colour scalars")?;
                    bytes.extend(f.as_slice().iter().map(|&v| unit_to_byte(f64::from(v))));
                    a.set_data(ArrayData::UnsignedChar(Buffer::from_vec(bytes)))
                        .map_err(|e| self.err(Status::Parse, e.message))?;
                    a
                }
            } else if lower_is(t, "scalars") {
                let ty = self.token("array type")?;
                let l = String::from_utf8_lossy(self.line()?).into_owned();
                let nc = match l.trim() {
                    "" => 1,
                    s => {
                        s.parse::<usize>().map_err(|_| self.err_at(at, Status::Parse, "bad SCALARS component count"))?
                    }
                };
                if !(1..=4).contains(&nc) {
                    return Err(self.err_at(at, Status::Parse, format!("SCALARS with {nc} components")));
                }
                self.expect("lookup_table")?;
                let lut = self.token("lookup table name")?.to_vec();
                pending_k = cx.k;
                let a = self.array(cx, ty, n, nc, Some(name))?;
                pending_lut = Some((file.len(), lut));
                a
            } else {
                let nc = match role {
                    AttributeRole::Vectors | AttributeRole::Normals => 3,
                    AttributeRole::TCoords => {
                        let d = self.usize_("texture dimension")?;
                        if !(1..=3).contains(&d) {
                            return Err(self.err_at(
                                at,
                                Status::Parse,
                                format!("texture coordinates of dimension {d}"),
                            ));
                        }
                        d
                    }
                    AttributeRole::Tensors if lower_is(t, "tensors6") => 6,
                    AttributeRole::Tensors => 9,
                    _ => 1,
                };
                let ty = self.token("array type")?;
                self.array(cx, ty, n, nc, Some(name))?
            };
            file.push((array, Some(role)));
        }
        let mut attrs = Attributes::new();
        self.apply_layout(cx, &mut attrs, assoc, file, start)?;
        Ok(attrs)
    }

    /// Builds the final collection from the file's arrays: by the `A<assoc>` token when
    /// present, else in file order with the first array of each role active.
    fn apply_layout(
        &self,
        cx: &Ctx,
        attrs: &mut Attributes,
        assoc: Association,
        file: Vec<(DataArray, Option<AttributeRole>)>,
        at: usize,
    ) -> Result<()> {
        let key = format!("A{}", assoc as i32);
        if assoc == Association::Field && cx.ext.value(&key).is_none() {
            return Ok(());
        }
        let file = if assoc == Association::Field {
            into_arrays(std::mem::take(attrs)).into_iter().map(|a| (a, None)).collect()
        } else {
            file
        };
        let Some(v) = cx.ext.value(&key) else {
            let mut active = [None; 8];
            for (i, (_, r)) in file.iter().enumerate() {
                if let Some(slot) = r.and_then(|r| active.get_mut(r as usize))
                    && slot.is_none()
                {
                    *slot = Some(i);
                }
            }
            *attrs = Attributes::from_parts(file.into_iter().map(|x| x.0).collect(), active)
                .map_err(|e| self.err_at(at, Status::Parse, e.message))?;
            return Ok(());
        };
        let (order, roles) = v.split_once('/').ok_or_else(|| cx.ext.err(&key, "missing '/'"))?;
        let order: Vec<usize> = if order.is_empty() {
            Vec::new()
        } else {
            order.split(',').map(|x| x.parse().map_err(|_| cx.ext.err(&key, "bad index"))).collect::<Result<_>>()?
        };
        let roles: Vec<Option<usize>> = roles
            .split(',')
            .map(|x| if x == "-" { Ok(None) } else { x.parse().map(Some).map_err(|_| cx.ext.err(&key, "bad role")) })
            .collect::<Result<_>>()?;
        let active = <[Option<usize>; 8]>::try_from(roles).map_err(|_| cx.ext.err(&key, "needs 8 roles"))?;
        let mut slots: Vec<Option<DataArray>> = file.into_iter().map(|x| Some(x.0)).collect();
        let mut arrays = Vec::with_capacity(order.len().min(slots.len()));
        for &p in &order {
            let a = slots.get_mut(p).and_then(Option::take).ok_or_else(|| cx.ext.err(&key, "index out of range"))?;
            arrays.push(a);
        }
        *attrs = Attributes::from_parts(arrays, active).map_err(|e| cx.ext.err(&key, &e.message))?;
        Ok(())
    }

    // ----- table, graphs ----------------------------------------------------------------

    fn table(&mut self, cx: &mut Ctx, depth: usize) -> Result<DataObject> {
        let mut t = Table::default();
        while !self.object_ends(depth) {
            let save = self.pos;
            let tok = self.token("keyword")?;
            if lower_is(tok, "field") {
                t.field_data = self.field(cx)?;
                self.apply_layout(cx, &mut t.field_data, Association::Field, Vec::new(), save)?;
            } else if lower_is(tok, "row_data") {
                let n = self.usize_("row count")?;
                t.row_data = self.section(cx, n, Association::Row)?;
            } else {
                self.pos = save;
                return Err(self.unexpected("table"));
            }
        }
        Ok(DataObject::Table(t))
    }

    /// kind: 0 directed, 1 undirected, 2 tree.
    fn graph(&mut self, cx: &mut Ctx, depth: usize, kind: u8) -> Result<DataObject> {
        let mut g = Graph::default();
        let mut nv: Option<usize> = None;
        let mut npoints: Option<usize> = None;
        while !self.object_ends(depth) {
            let save = self.pos;
            let tok = self.token("keyword")?;
            if lower_is(tok, "field") {
                g.field_data = self.field(cx)?;
                self.apply_layout(cx, &mut g.field_data, Association::Field, Vec::new(), save)?;
            } else if lower_is(tok, "points") {
                let n = self.usize_("point count")?;
                let ty = self.token("point type")?;
                g.points = self.points(cx, ty, n, 3, false)?;
                npoints = Some(n);
            } else if lower_is(tok, "vertices") {
                let n = self.usize_("vertex count")?;
                // A vertex has no bytes of its own after this count: it is charged what
                // writing and validating it will cost (rule 2), so a short input cannot
                // announce more vertices than it justifies.
                self.charge(n.saturating_mul(VERTEX_BYTES), "graph vertices")?;
                nv = Some(n);
            } else if lower_is(tok, "edges") {
                let ne = self.usize_("edge count")?;
                self.justify(ne, 4, "edges")?;
                let mut e = self.alloc::<i64>(ne.saturating_mul(2), "edges")?;
                for _ in 0..ne {
                    let a = self.parse_num::<i64>("edge vertex")?;
                    let b = self.parse_num::<i64>("edge vertex")?;
                    if kind == 2 {
                        e.extend_from_slice(&[b, a]);
                    } else {
                        e.extend_from_slice(&[a, b]);
                    }
                }
                g.edges = e.into();
            } else if lower_is(tok, "edge_data") {
                let n = self.usize_("edge count")?;
                g.edge_data = self.section(cx, n, Association::Edge)?;
            } else if lower_is(tok, "vertex_data") {
                let n = self.usize_("vertex count")?;
                g.vertex_data = self.section(cx, n, Association::Vertex)?;
            } else {
                self.pos = save;
                return Err(self.unexpected("graph"));
            }
        }
        g.num_vertices = match (nv, npoints) {
            (Some(n), _) => n,
            (None, Some(n)) => n,
            (None, None) if kind == 2 && g.num_edges() > 0 => g.num_edges() + 1,
            _ => 0,
        };
        Ok(match kind {
            0 => DataObject::DirectedGraph(g),
            1 => DataObject::UndirectedGraph(g),
            _ => DataObject::Tree(g),
        })
    }

    // ----- composites -------------------------------------------------------------------

    fn multiblock(&mut self, cx: &mut Ctx, depth: usize) -> Result<DataObject> {
        let mut mb = MultiBlock::default();
        self.expect("children")?;
        let n = self.usize_("child count")?;
        self.justify(n, CHILD_MIN_BYTES, "children")?;
        self.charge(n.saturating_mul(std::mem::size_of::<Block>()), "blocks")?;
        mb.blocks = try_vec(n, "blocks").map_err(|e| self.here(e))?;
        for i in 0..n {
            self.expect("child")?;
            let code = self.parse_num::<i32>("child type")?;
            let lat = self.pos;
            let rest = self.line()?;
            let mut name = None;
            let trimmed: &[u8] = {
                let s = rest.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(rest.len());
                rest.get(s..).unwrap_or(b"")
            };
            if trimmed.first() == Some(&b'[')
                && let Some(end) = trimmed.iter().rposition(|&c| c == b']')
            {
                let raw = trimmed.get(1..end).unwrap_or(b"");
                self.charge(raw.len(), "block name")?;
                name = Some(
                    String::from_utf8(raw.to_vec())
                        .map_err(|_| self.err_at(lat, Status::InvalidUtf8, "block name is not valid UTF-8"))?,
                );
            }
            let key = format!("B{i}");
            if let Some(v) = cx.ext.value(&key) {
                name = Some(cx.ext.string(&key, v)?);
            }
            let object = if code < 0 {
                None
            } else {
                let cat = self.pos;
                let mut child = self.object(depth + 1, None).map_err(|e| e.context(format_args!("block {i}")))?;
                child = match (code, child) {
                    (1, DataObject::ImageData(img)) => DataObject::StructuredPoints(img),
                    (6, DataObject::StructuredPoints(img)) => DataObject::ImageData(img),
                    (_, c) => c,
                };
                if child.type_code() != code {
                    return Err(self.err_at(
                        cat,
                        Status::Parse,
                        format!("block {i}: CHILD type {code} holds a {}", child.class_name()),
                    ));
                }
                Some(Box::new(child))
            };
            self.expect("endchild")?;
            mb.blocks.push(Block { name, object });
        }
        while !self.object_ends(depth) {
            let save = self.pos;
            let tok = self.token("keyword")?;
            if lower_is(tok, "field") {
                mb.field_data = self.field(cx)?;
                self.apply_layout(cx, &mut mb.field_data, Association::Field, Vec::new(), save)?;
            } else {
                self.pos = save;
                return Err(self.unexpected("multiblock"));
            }
        }
        Ok(DataObject::MultiBlock(mb))
    }

    fn amr(&mut self, cx: &mut Ctx, depth: usize) -> Result<DataObject> {
        self.expect("grid_description")?;
        let gd = self.parse_num::<i32>("grid description")?;
        self.expect("origin")?;
        let origin = [self.f64_("origin")?, self.f64_("origin")?, self.f64_("origin")?];
        self.expect("levels")?;
        let nl = self.usize_("level count")?;
        self.justify(nl, AMR_LEVEL_MIN_BYTES, "AMR levels")?;
        let mut amr = Amr::new(origin, gd);
        // Each block needs its box in AMRBOXES: 6 ints, at least 12 bytes in ASCII, 24 in binary.
        let box_bytes = if self.binary { 24 } else { 12 };
        let mut levels = self.alloc::<(usize, [f64; 3])>(nl, "AMR levels")?;
        let mut total = 0usize;
        for _ in 0..nl {
            let nb = self.usize_("block count")?;
            let spacing = [self.f64_("spacing")?, self.f64_("spacing")?, self.f64_("spacing")?];
            total = total.checked_add(nb).ok_or_else(|| self.err(Status::Parse, "block count overflows"))?;
            self.justify(total, box_bytes, "AMR blocks")?;
            levels.push((nb, spacing));
        }
        self.expect("amrboxes")?;
        let at = self.pos;
        let nboxes = self.usize_("box count")?;
        let six = self.usize_("box width")?;
        if nboxes != total || six != 6 {
            return Err(self.err_at(at, Status::Parse, format!("AMRBOXES {nboxes} {six} for {total} blocks")));
        }
        let bat = self.pos;
        let boxes = self.ints("int", 6 * total)?;
        // The blocks are built once their boxes have been read: a block (a box and an optional
        // grid held inline, about 600 bytes) is charged per block, after its 12 or 24 bytes.
        amr.levels = self.alloc::<AmrLevel>(nl, "AMR levels")?;
        let mut chunks = boxes.chunks_exact(6);
        for (nb, spacing) in levels {
            let mut blocks = self.alloc::<AmrBlock>(nb, "AMR blocks")?;
            for c in chunks.by_ref().take(nb) {
                let mut bbox = [0i32; 6];
                for (d, s) in bbox.iter_mut().zip(c) {
                    *d = i32::try_from(*s)
                        .map_err(|_| self.err_at(bat, Status::Parse, format!("AMR box value {s} out of range")))?;
                }
                blocks.push(AmrBlock { bbox, grid: None });
            }
            amr.levels.push(AmrLevel { spacing, refinement_ratio: 2, blocks });
        }
        let spacings: Vec<[f64; 3]> = amr.levels.iter().map(|l| l.spacing).collect();
        let mut ratios = inferred_ratios(&spacings);
        if let Some(r) = cx.ext.i64s("R")? {
            if r.len() != ratios.len() {
                return Err(cx.ext.err("R", "one ratio per level"));
            }
            ratios = r
                .into_iter()
                .map(|x| i32::try_from(x).map_err(|_| cx.ext.err("R", "ratio out of range")))
                .collect::<Result<_>>()?;
        }
        for (l, r) in amr.levels.iter_mut().zip(ratios) {
            l.refinement_ratio = r;
        }
        while !self.object_ends(depth) {
            let save = self.pos;
            let tok = self.token("keyword")?;
            if lower_is(tok, "field") {
                amr.field_data = self.field(cx)?;
                self.apply_layout(cx, &mut amr.field_data, Association::Field, Vec::new(), save)?;
            } else if lower_is(tok, "child") && !lower_is(tok, "children") {
                let cat = self.pos;
                let l = self.usize_("AMR level")?;
                let b = self.usize_("AMR block")?;
                self.rest_of_line()?;
                let child =
                    self.object(depth + 1, None).map_err(|e| e.context(format_args!("AMR level {l} block {b}")))?;
                let grid = match child {
                    DataObject::ImageData(g) | DataObject::StructuredPoints(g) => g,
                    other => {
                        return Err(self.err_at(
                            cat,
                            Status::Parse,
                            format!("AMR block holds a {}", other.class_name()),
                        ));
                    }
                };
                let slot =
                    amr.levels.get_mut(l).and_then(|lv| lv.blocks.get_mut(b)).ok_or_else(|| {
                        self.err_at(cat, Status::Parse, format!("AMR block ({l}, {b}) does not exist"))
                    })?;
                slot.grid = Some(grid);
                self.expect("endchild")?;
            } else {
                self.pos = save;
                return Err(self.unexpected("overlapping AMR"));
            }
        }
        Ok(DataObject::OverlappingAmr(amr))
    }
}
