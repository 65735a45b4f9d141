//! The legacy writer: VTK 9.1's section layout (§3.7), plus the title extension for what VTK
//! would lose. A writer runs "dry" (counting bytes and collecting extension tokens only) or for
//! real; every nested object is first planned by a dry run so its title is known up front.
//! A dry run formats headers only: payload sizes come from counts, never from formatting or
//! copying payloads (except graph edges and ASCII values, whose text is the payload).
//!
//! A real run writes into a [`Sink`]: a `Vec` reserved to the exact length (marshal) or the
//! caller's slice (marshal_into), payloads in one swap pass each, never zero-filled first.

use std::fmt::Write as _;

use bytemuck::Pod;

use super::encode::{
    ID_BLOCK, encode_ext, encode_name, fmt_f32, fmt_f64, ids_below, put_be, string_header, string_header_len, write_be,
};
use super::ext::{ExtOut, join_f64, join_i64};
use super::validate;
use crate::error::{Error, Result, Status};
use crate::model::{
    Amr, ArrayData, Association, AttributeRole, Attributes, CellArray, DataArray, DataObject, Graph, IDENTITY,
    ImageData, InfoEntry, InfoValue, MAX_DEPTH, MultiBlock, PolyData, RectilinearGrid, ScalarType, StructuredGrid,
    Table, UnstructuredGrid, extent_dims,
};

/// Where a writer's bytes go.
pub(crate) enum Sink<'a> {
    /// Dry run: bytes are only counted.
    Count,
    /// A vector (its capacity reserved by the caller).
    Vec(Vec<u8>),
    /// The caller's buffer and the write position; `overflow` is set instead of writing past
    /// its end.
    Slice { buf: &'a mut [u8], pos: usize, overflow: bool },
}

pub(crate) struct Writer<'a> {
    out: Sink<'a>,
    pub len: usize,
    dry: bool,
    pub binary: bool,
    ext: ExtOut,
    k: usize,
    /// A NaN or infinity was formatted as ASCII (VTK 9.1 cannot read it back).
    pub nonfinite: bool,
    /// Check cell arrays while writing them: offsets (layout, unstructured cell sizes) and
    /// connectivity ids in `0..points` (what `validate::light(_, Deferred::Cells)` leaves to
    /// the payload pass).
    pub check_cells: bool,
    /// A fused cell check failed (only with `check_cells`).
    pub bad_cells: bool,
    /// A vector sink needed more room than planned and could not get it.
    alloc_failed: bool,
    /// Titles of the (nested) objects in write order: recorded by a dry run, replayed by the
    /// real run (which then never plans a subtree twice).
    titles: Vec<String>,
    next_title: usize,
    s: String,
}

/// Text is formatted into a buffer of about this size and then written to the sink, so a
/// large ASCII payload never needs a second, unchecked allocation of its whole text.
const TEXT_CHUNK: usize = 64 << 10;

/// What one (nested) legacy file holds: an object, or an AMR block's grid, written as image
/// data without being copied into a `DataObject` first.
#[derive(Clone, Copy)]
enum Node<'o> {
    Object(&'o DataObject),
    Image(&'o ImageData),
}

/// The data-object keyword of the `DATASET` line.
fn dataset_keyword(obj: &DataObject) -> &'static str {
    match obj {
        DataObject::ImageData(_) | DataObject::StructuredPoints(_) => "STRUCTURED_POINTS",
        DataObject::RectilinearGrid(_) => "RECTILINEAR_GRID",
        DataObject::StructuredGrid(_) => "STRUCTURED_GRID",
        DataObject::PolyData(_) => "POLYDATA",
        DataObject::UnstructuredGrid(_) => "UNSTRUCTURED_GRID",
        DataObject::Table(_) => "TABLE",
        DataObject::DirectedGraph(_) => "DIRECTED_GRAPH",
        DataObject::UndirectedGraph(_) => "UNDIRECTED_GRAPH",
        DataObject::Tree(_) => "TREE",
        DataObject::MultiBlock(_) => "MULTIBLOCK",
        DataObject::OverlappingAmr(_) => "OVERLAPPING_AMR",
    }
}

/// The extent a reader infers from `DIMENSIONS` alone.
pub(crate) fn dims_extent(dims: [usize; 3]) -> [i32; 6] {
    let last = |d: usize| i32::try_from(d).map_or(i32::MAX, |d| d - 1);
    [0, last(dims[0]), 0, last(dims[1]), 0, last(dims[2])]
}

/// The refinement ratios a reader infers from level spacings (last level: 2).
#[allow(clippy::cast_possible_truncation, reason = "the rounded ratio is checked to be in 1..=i32::MAX first")]
pub(crate) fn inferred_ratios(spacings: &[[f64; 3]]) -> Vec<i32> {
    (0..spacings.len())
        .map(|l| {
            if l + 1 < spacings.len() {
                let r = (spacings[l][0] / spacings[l + 1][0]).round();
                if r.is_finite() && r >= 1.0 && r <= i32::MAX as f64 { r as i32 } else { 1 }
            } else {
                2
            }
        })
        .collect()
}

/// An id the writer checked to fit 32 bits (`ids_fit_i32`), narrowed.
#[allow(clippy::cast_possible_truncation, reason = "only called on ids checked to fit i32")]
fn narrow_id(x: i64) -> i32 {
    x as i32
}

/// Whether every id fits 32 bits (branch-free: `x + 2^31` is in `0..2^32` exactly then).
fn ids_fit_i32(v: &[i64]) -> bool {
    v.iter().fold(0u64, |a, &x| a | (x.wrapping_add(1 << 31) as u64 >> 32)) == 0
}

pub(crate) fn info_code(v: &InfoValue) -> char {
    match v {
        InfoValue::Double(_) => 'd',
        InfoValue::DoubleVector(_) => 'D',
        InfoValue::IdType(_) => 'l',
        InfoValue::Integer(_) => 'i',
        InfoValue::IntegerVector(_) => 'I',
        InfoValue::String(_) => 's',
        InfoValue::StringVector(_) => 'S',
        InfoValue::UnsignedLong(_) => 'u',
    }
}

/// The type a reader infers for an information key from its name and its `DATA` text.
pub(crate) fn infer_info(name: &str, data: &str) -> char {
    match name {
        "UNITS_LABEL" => return 's',
        "GUI_HIDE" => return 'i',
        "COMPONENT_RANGE" | "L2_NORM_RANGE" | "L2_NORM_FINITE_RANGE" | "COMPONENT_FINITE_RANGE" => return 'D',
        _ => {}
    }
    let toks: Vec<&str> = data.split_ascii_whitespace().collect();
    match toks.len() {
        0 => 's',
        1 => {
            let t = toks[0];
            if t.parse::<i32>().is_ok() {
                'i'
            } else if t.parse::<i64>().is_ok() {
                'l'
            } else if t.parse::<u64>().is_ok() {
                'u'
            } else if t.parse::<f64>().is_ok() {
                'd'
            } else {
                's'
            }
        }
        n => {
            let count = toks[0].parse::<usize>().ok();
            if count == Some(n - 1) {
                if toks[1..].iter().all(|t| t.parse::<i32>().is_ok()) { 'I' } else { 'D' }
            } else {
                's'
            }
        }
    }
}

impl<'a> Writer<'a> {
    pub fn new(binary: bool, out: Sink<'a>) -> Writer<'a> {
        Writer {
            dry: matches!(out, Sink::Count),
            out,
            len: 0,
            binary,
            ext: ExtOut::default(),
            k: 0,
            nonfinite: false,
            check_cells: false,
            bad_cells: false,
            alloc_failed: false,
            titles: Vec::new(),
            next_title: 0,
            s: String::new(),
        }
    }

    /// A real writer replaying the titles a dry run of the same object and mode recorded.
    pub fn with_titles(mut self, titles: Vec<String>) -> Writer<'a> {
        self.titles = titles;
        self
    }

    /// The titles a dry run recorded, in write order.
    pub fn into_titles(self) -> Vec<String> {
        self.titles
    }

    /// The bytes of a vector sink, checked against the planned length `len`.
    pub fn finish(self, len: usize) -> Result<Vec<u8>> {
        if self.alloc_failed {
            return Err(Error::new(Status::Alloc, format!("writing {len} bytes: out of memory")));
        }
        if self.len != len {
            return Err(Error::new(
                Status::Panic,
                format!("internal error: the writer planned {len} bytes, wrote {}", self.len),
            ));
        }
        Ok(self.into_vec())
    }

    /// Adds `n` to the length (saturating: an object whose size overflows is refused by the
    /// caller, which cannot allocate `usize::MAX` bytes).
    fn grow(&mut self, n: usize) {
        self.len = self.len.saturating_add(n);
    }

    /// A dry-run writer (counts bytes, collects title tokens).
    pub fn dry(binary: bool) -> Writer<'static> {
        Writer::new(binary, Sink::Count)
    }

    /// The bytes written (empty for a dry run or a slice sink).
    pub fn into_vec(self) -> Vec<u8> {
        match self.out {
            Sink::Vec(v) => v,
            _ => Vec::new(),
        }
    }

    /// A slice sink ran out of room (the planned length was wrong).
    pub fn overflowed(&self) -> bool {
        matches!(self.out, Sink::Slice { overflow: true, .. })
    }

    /// The next `n` bytes of a slice sink (`None` for other sinks, or past the end).
    fn room(&mut self, n: usize) -> Option<&mut [u8]> {
        match &mut self.out {
            Sink::Slice { buf, pos, overflow } => {
                let start = *pos;
                match buf.get_mut(start..).and_then(|b| b.get_mut(..n)).filter(|_| !*overflow) {
                    Some(d) => {
                        *pos += n;
                        Some(d)
                    }
                    None => {
                        *overflow = true;
                        None
                    }
                }
            }
            _ => None,
        }
    }

    /// A vector sink with room for `n` more bytes: the reserved capacity, or a fallible
    /// reservation (`None`, and the writer fails with `Alloc`, when it cannot be had).
    fn vec_room(&mut self, n: usize) -> Option<&mut Vec<u8>> {
        let Sink::Vec(v) = &mut self.out else { return None };
        if v.capacity() - v.len() < n && v.try_reserve(n).is_err() {
            self.alloc_failed = true;
            return None;
        }
        Some(v)
    }

    fn put(&mut self, b: &[u8]) {
        self.grow(b.len());
        match &mut self.out {
            Sink::Count => {}
            Sink::Vec(_) => {
                if let Some(v) = self.vec_room(b.len()) {
                    v.extend_from_slice(b);
                }
            }
            Sink::Slice { .. } => {
                if let Some(d) = self.room(b.len()) {
                    d.copy_from_slice(b);
                }
            }
        }
    }

    /// Raw bytes (the EXTENT block before the file).
    pub fn put_raw(&mut self, b: &[u8]) {
        self.put(b);
    }

    fn puts(&mut self, s: &str) {
        self.put(s.as_bytes());
    }

    fn putf(&mut self, args: std::fmt::Arguments<'_>) {
        let mut s = std::mem::take(&mut self.s);
        s.clear();
        let _ = s.write_fmt(args);
        self.put(s.as_bytes());
        self.s = s;
    }

    /// Big-endian payload: one copy-and-swap pass into the sink.
    fn be<T: Pod>(&mut self, v: &[T]) {
        let n = std::mem::size_of_val(v);
        self.grow(n);
        match &mut self.out {
            Sink::Count => {}
            Sink::Vec(_) => {
                if let Some(out) = self.vec_room(n) {
                    put_be(out, v);
                }
            }
            Sink::Slice { .. } => {
                if let Some(d) = self.room(n) {
                    write_be(d, v);
                }
            }
        }
    }

    /// Big-endian 64-bit ids; with `points`, returns whether all are in `0..points` (the
    /// range check runs per block while the block is still in L1), else true.
    fn be_ids(&mut self, v: &[i64], points: Option<usize>) -> bool {
        let Some(n) = points.filter(|_| !self.dry) else {
            self.be(v);
            return true;
        };
        let mut ok = true;
        for block in v.chunks(ID_BLOCK) {
            self.be(block);
            ok &= ids_below(block, n);
        }
        ok
    }

    fn next_k(&mut self) -> usize {
        self.k += 1;
        self.k - 1
    }

    /// Writes a whole (possibly nested) legacy file for `obj`. `extent_block` tells that the
    /// caller prepends the 128-byte EXTENT block (top level of a marshal).
    pub fn object(&mut self, obj: &DataObject, depth: usize, extent_block: bool) -> Result<()> {
        self.node(Node::Object(obj), depth, extent_block)
    }

    fn node(&mut self, obj: Node<'_>, depth: usize, extent_block: bool) -> Result<()> {
        if depth > MAX_DEPTH {
            return Err(Error::invalid_object(format!("multiblock nesting deeper than {MAX_DEPTH}")));
        }
        let saved_ext = std::mem::take(&mut self.ext);
        let saved_k = std::mem::replace(&mut self.k, 0);
        let result = if self.dry {
            // Titles are recorded in write order (the slot is taken before the children's).
            let slot = self.titles.len();
            self.titles.push(String::new());
            let r = self.body(obj, depth, extent_block);
            let title = self.ext.title();
            self.grow(header_len(&title, self.binary));
            if let Some(t) = self.titles.get_mut(slot) {
                *t = title;
            }
            r
        } else {
            let title = match self.titles.get_mut(self.next_title) {
                Some(t) => std::mem::take(t),
                None => {
                    // No recorded plan: a dry run of this subtree gives the title.
                    let mut probe = Writer::dry(self.binary);
                    probe.body(obj, depth, extent_block)?;
                    self.nonfinite |= probe.nonfinite;
                    probe.ext.title()
                }
            };
            self.next_title += 1;
            self.puts("# vtk DataFile Version 5.1\n");
            self.puts(&title);
            self.puts(if self.binary { "\nBINARY\n" } else { "\nASCII\n" });
            self.ext = ExtOut::default();
            self.body(obj, depth, extent_block)
        };
        self.ext = saved_ext;
        self.k = saved_k;
        result
    }

    fn body(&mut self, obj: Node<'_>, depth: usize, extent_block: bool) -> Result<()> {
        let obj = match obj {
            Node::Object(o) => o,
            Node::Image(g) => {
                self.puts("DATASET STRUCTURED_POINTS\n");
                return self.image(g, extent_block, false);
            }
        };
        self.putf(format_args!("DATASET {}\n", dataset_keyword(obj)));
        match obj {
            DataObject::ImageData(o) => self.image(o, extent_block, false),
            DataObject::StructuredPoints(o) => self.image(o, extent_block, true),
            DataObject::RectilinearGrid(o) => self.rectilinear(o, extent_block),
            DataObject::StructuredGrid(o) => self.structured(o, extent_block),
            DataObject::PolyData(o) => self.poly(o),
            DataObject::UnstructuredGrid(o) => self.unstructured(o),
            DataObject::Table(o) => self.table(o),
            DataObject::DirectedGraph(o) => self.graph(o, Some(false)),
            DataObject::UndirectedGraph(o) => self.graph(o, Some(true)),
            DataObject::Tree(o) => self.graph(o, None),
            DataObject::MultiBlock(o) => self.multiblock(o, depth),
            DataObject::OverlappingAmr(o) => self.amr(o, depth),
        }
    }

    // ----- structured types -------------------------------------------------------------

    fn extent_tokens(&mut self, extent: [i32; 6], extent_block: bool) -> [i32; 6] {
        let dims = extent_dims(&extent);
        let inferred = dims_extent(dims);
        if !extent_block && extent != inferred {
            self.ext.set("X", join_i64(&extent));
        }
        self.putf(format_args!("DIMENSIONS {} {} {}\n", dims[0], dims[1], dims[2]));
        extent
    }

    fn image(&mut self, o: &ImageData, extent_block: bool, structured_points: bool) -> Result<()> {
        if structured_points {
            self.ext.flag("SP");
        }
        self.own_field(&o.field_data)?;
        let extent = self.extent_tokens(o.extent, extent_block);
        let sp: Vec<String> = o.spacing.iter().map(|&s| fmt_f64(s, 6)).collect();
        self.putf(format_args!("SPACING {} {} {}\n", sp[0], sp[1], sp[2]));
        let mut printed = [0.0f64; 3];
        let mut texts = Vec::with_capacity(3);
        for a in 0..3 {
            let w = o.origin[a] + extent[2 * a] as f64 * o.spacing[a];
            let t = fmt_f64(w, 6);
            printed[a] = t.parse::<f64>().unwrap_or(f64::NAN);
            texts.push(t);
        }
        self.putf(format_args!("ORIGIN {} {} {}\n", texts[0], texts[1], texts[2]));
        let recovered: Vec<f64> = (0..3)
            .map(|a| if extent[2 * a] != 0 { printed[a] - extent[2 * a] as f64 * o.spacing[a] } else { printed[a] })
            .collect();
        if recovered.iter().zip(&o.origin).any(|(r, x)| r.to_bits() != x.to_bits()) {
            self.ext.set("O", join_f64(&o.origin));
        }
        if o.direction.iter().zip(&IDENTITY).any(|(d, i)| d.to_bits() != i.to_bits()) {
            self.ext.set("D", join_f64(&o.direction));
        }
        let dims = extent_dims(&extent);
        let np: usize = dims.iter().product();
        let nc = crate::model::extent_cells(&extent);
        self.section("CELL_DATA", &o.cell_data, nc, Association::Cell)?;
        self.section("POINT_DATA", &o.point_data, np, Association::Point)
    }

    fn rectilinear(&mut self, o: &RectilinearGrid, extent_block: bool) -> Result<()> {
        self.own_field(&o.field_data)?;
        let extent = self.extent_tokens(o.extent, extent_block);
        for (a, label) in ["X_COORDINATES", "Y_COORDINATES", "Z_COORDINATES"].iter().enumerate() {
            self.points(label, o.coordinates[a].as_ref(), true)?;
        }
        self.section("CELL_DATA", &o.cell_data, crate::model::extent_cells(&extent), Association::Cell)?;
        self.section("POINT_DATA", &o.point_data, crate::model::extent_points(&extent), Association::Point)
    }

    fn structured(&mut self, o: &StructuredGrid, extent_block: bool) -> Result<()> {
        self.own_field(&o.field_data)?;
        let extent = self.extent_tokens(o.extent, extent_block);
        self.points("POINTS", o.points.as_ref(), true)?;
        self.section("CELL_DATA", &o.cell_data, crate::model::extent_cells(&extent), Association::Cell)?;
        self.section("POINT_DATA", &o.point_data, crate::model::extent_points(&extent), Association::Point)
    }

    // ----- point sets -------------------------------------------------------------------

    fn poly(&mut self, o: &PolyData) -> Result<()> {
        self.own_field(&o.field_data)?;
        self.points("POINTS", o.points.as_ref(), true)?;
        let np = o.points.as_ref().map_or(0, DataArray::tuples);
        for (c, label) in o.cells.iter().zip(["VERTICES", "LINES", "POLYGONS", "TRIANGLE_STRIPS"]) {
            self.cells(label, c, np, None);
        }
        self.section("CELL_DATA", &o.cell_data, o.num_cells(), Association::Cell)?;
        let np = o.points.as_ref().map_or(0, DataArray::tuples);
        self.section("POINT_DATA", &o.point_data, np, Association::Point)
    }

    fn unstructured(&mut self, o: &UnstructuredGrid) -> Result<()> {
        self.own_field(&o.field_data)?;
        self.points("POINTS", o.points.as_ref(), true)?;
        let np = o.points.as_ref().map_or(0, DataArray::tuples);
        self.cells("CELLS", &o.cells, np, Some(&o.cell_types));
        let n = o.cell_types.len();
        if n > 0 {
            self.putf(format_args!("CELL_TYPES {n}\n"));
            if self.binary {
                // Big-endian int32 of a byte: three zero bytes, then the byte.
                self.grow(n.saturating_mul(4));
                match &mut self.out {
                    Sink::Count => {}
                    Sink::Vec(_) => {
                        if let Some(out) = self.vec_room(n.saturating_mul(4)) {
                            out.extend(o.cell_types.iter().flat_map(|&t| [0, 0, 0, t]));
                        }
                    }
                    Sink::Slice { .. } => {
                        if let Some(d) = self.room(4 * n) {
                            for (d, &t) in d.chunks_exact_mut(4).zip(&o.cell_types) {
                                d.copy_from_slice(&[0, 0, 0, t]);
                            }
                        }
                    }
                }
                self.put(b"\n");
            } else {
                for &t in &o.cell_types {
                    self.putf(format_args!("{t}\n"));
                }
            }
        }
        self.section("CELL_DATA", &o.cell_data, o.cells.len(), Association::Cell)?;
        let np = o.points.as_ref().map_or(0, DataArray::tuples);
        self.section("POINT_DATA", &o.point_data, np, Association::Point)
    }

    /// A cell array. With `check_cells`, its offsets (layout; with `types`, the sizes of
    /// unstructured cells) and connectivity ids (in `0..points`) are checked in the pass that
    /// writes them.
    fn cells(&mut self, label: &str, c: &CellArray, points: usize, types: Option<&[u8]>) {
        if c.is_empty() {
            return;
        }
        let (o, conn) = (c.offsets(), c.connectivity());
        self.putf(format_args!("{label} {} {}\nOFFSETS vtktypeint64\n", o.len(), conn.len()));
        if self.check_cells && self.binary && !self.dry {
            let mut ok = true;
            for s in (0..o.len()).step_by(validate::OFFSET_BLOCK) {
                let e = (s + validate::OFFSET_BLOCK).min(o.len());
                self.be(&o[s..e]);
                ok &= validate::offsets_block_ok(o, s, e, conn.len(), types);
            }
            self.put(b"\n");
            self.bad_cells |= !ok;
        } else {
            self.int64s(o, None);
            if self.check_cells && !self.dry {
                let n = o.len();
                self.bad_cells |= !validate::offsets_block_ok(o, 0, n, conn.len(), types);
            }
        }
        self.puts("CONNECTIVITY vtktypeint64\n");
        if !self.int64s(conn, self.check_cells.then_some(points)) {
            self.bad_cells = true;
        }
    }

    /// With `points`, returns whether every value is in `0..points` (else true).
    fn int64s(&mut self, v: &[i64], points: Option<usize>) -> bool {
        if self.binary {
            let ok = self.be_ids(v, points);
            self.put(b"\n");
            ok
        } else {
            let ok = points.is_none_or(|n| self.dry || ids_below(v, n));
            self.ascii_values(v.len(), |i, s| {
                let _ = write!(s, "{}", v[i]);
            });
            ok
        }
    }

    // ----- table, graphs ----------------------------------------------------------------

    fn table(&mut self, o: &Table) -> Result<()> {
        self.own_field(&o.field_data)?;
        self.section("ROW_DATA", &o.row_data, o.num_rows(), Association::Row)
    }

    /// `undirected`: Some(false) directed, Some(true) undirected, None tree.
    fn graph(&mut self, o: &Graph, undirected: Option<bool>) -> Result<()> {
        self.own_field(&o.field_data)?;
        let nv = o.num_vertices;
        match &o.points {
            Some(p) => self.points("POINTS", Some(p), false)?,
            None => {
                let k = self.next_k();
                self.ext.flag(format!("Z{k}"));
                self.putf(format_args!("POINTS {nv} float\n"));
                let values = nv.saturating_mul(3);
                if self.dry {
                    // 4 zero bytes per value, or VTK's ASCII layout of "0 " (see ascii_values).
                    let text = if self.binary {
                        values.saturating_mul(4).saturating_add(1)
                    } else {
                        values.saturating_mul(2).saturating_add(values / 9).saturating_add(1)
                    };
                    self.grow(text);
                } else if self.binary {
                    let zero = [0u8; 4096];
                    let mut left = values.saturating_mul(4);
                    while left > 0 && !self.alloc_failed {
                        let n = left.min(zero.len());
                        self.put(zero.get(..n).unwrap_or_default());
                        left -= n;
                    }
                    self.put(b"\n");
                } else {
                    self.ascii_values(values, |_, s| s.push('0'));
                }
            }
        }
        if undirected.is_some() {
            self.putf(format_args!("VERTICES {nv}\n"));
        }
        let ne = o.num_edges();
        self.putf(format_args!("EDGES {ne}\n"));
        let e = o.edges.as_slice();
        if self.dry {
            // "a b\n" per edge: the text length from digit counts, nothing formatted.
            self.grow(e.iter().map(|&x| dec_len(x) + 1).sum::<usize>());
            self.section("EDGE_DATA", &o.edge_data, ne, Association::Edge)?;
            return self.section("VERTEX_DATA", &o.vertex_data, nv, Association::Vertex);
        }
        let mut s = String::with_capacity(TEXT_CHUNK + 64);
        for pair in e.chunks_exact(2) {
            let &[a, b] = pair else { continue };
            if undirected.is_none() {
                let _ = writeln!(s, "{b} {a}");
            } else {
                let _ = writeln!(s, "{a} {b}");
            }
            self.flush_text(&mut s, TEXT_CHUNK);
        }
        self.flush_text(&mut s, 0);
        self.section("EDGE_DATA", &o.edge_data, ne, Association::Edge)?;
        self.section("VERTEX_DATA", &o.vertex_data, nv, Association::Vertex)
    }

    // ----- composites -------------------------------------------------------------------

    fn multiblock(&mut self, o: &MultiBlock, depth: usize) -> Result<()> {
        self.putf(format_args!("CHILDREN {}\n", o.blocks.len()));
        for (i, b) in o.blocks.iter().enumerate() {
            let code = b.object.as_ref().map_or(-1, |c| c.type_code());
            self.putf(format_args!("CHILD {code}"));
            if let Some(name) = &b.name {
                if name.contains(['\n', '\r']) {
                    self.ext.set(format!("B{i}"), encode_ext(name));
                    self.putf(format_args!(" [{}]", encode_name(name)));
                } else {
                    self.putf(format_args!(" [{name}]"));
                }
            }
            self.put(b"\n");
            if let Some(child) = &b.object {
                self.object(child, depth + 1, false).map_err(|e| e.context(format_args!("block {i}")))?;
            }
            self.puts("ENDCHILD\n");
        }
        self.own_field(&o.field_data)
    }

    fn amr(&mut self, o: &Amr, depth: usize) -> Result<()> {
        self.putf(format_args!("GRID_DESCRIPTION {}\n", o.grid_description));
        let org: Vec<String> = o.origin.iter().map(|&x| fmt_f64(x, 6)).collect();
        self.putf(format_args!("ORIGIN {} {} {}\nLEVELS {}\n", org[0], org[1], org[2], o.levels.len()));
        for l in &o.levels {
            let s: Vec<String> = l.spacing.iter().map(|&x| fmt_f64(x, 6)).collect();
            self.putf(format_args!("{} {} {} {}\n", l.blocks.len(), s[0], s[1], s[2]));
        }
        let spacings: Vec<[f64; 3]> = o.levels.iter().map(|l| l.spacing).collect();
        let ratios: Vec<i32> = o.levels.iter().map(|l| l.refinement_ratio).collect();
        if inferred_ratios(&spacings) != ratios {
            self.ext.set("R", join_i64(&ratios));
        }
        let boxes: Vec<i32> = o.levels.iter().flat_map(|l| l.blocks.iter().flat_map(|b| b.bbox)).collect();
        self.putf(format_args!("AMRBOXES {} 6\n", boxes.len() / 6));
        if self.binary {
            self.be(&boxes);
            self.put(b"\n");
        } else {
            self.ascii_values(boxes.len(), |i, s| {
                let _ = write!(s, "{}", boxes[i]);
            });
        }
        for (li, l) in o.levels.iter().enumerate() {
            for (bi, b) in l.blocks.iter().enumerate() {
                if let Some(g) = &b.grid {
                    self.putf(format_args!("CHILD {li} {bi}\n"));
                    self.node(Node::Image(g), depth + 1, false)
                        .map_err(|e| e.context(format_args!("AMR level {li} block {bi}")))?;
                    self.puts("ENDCHILD\n");
                }
            }
        }
        self.own_field(&o.field_data)
    }

    // ----- attributes -------------------------------------------------------------------

    /// The object's own field data: a FIELD block whenever it has arrays.
    fn own_field(&mut self, attrs: &Attributes) -> Result<()> {
        if attrs.is_empty() {
            return Ok(());
        }
        self.putf(format_args!("FIELD FieldData {}\n", attrs.len()));
        for (i, a) in attrs.arrays().iter().enumerate() {
            self.field_array(a, i == 0)?;
        }
        if attrs.active_all().iter().any(Option::is_some) {
            let order: Vec<usize> = (0..attrs.len()).collect();
            self.ext.set(format!("A{}", Association::Field as i32), layout(&order, &attrs.active_all()));
        }
        Ok(())
    }

    fn section(&mut self, label: &str, attrs: &Attributes, n: usize, assoc: Association) -> Result<()> {
        if attrs.is_empty() {
            return Ok(());
        }
        let m = attrs.len();
        let mut items: Vec<(usize, AttributeRole)> = Vec::new();
        let mut is_item = vec![false; m];
        if n > 0 {
            for role in AttributeRole::ALL {
                if role == AttributeRole::EdgeFlags && assoc != Association::Point {
                    continue;
                }
                if let Some(i) = attrs.active_index(role)
                    && i < m
                    && attrs.arrays()[i].tuples() > 0
                    && role.accepts(&attrs.arrays()[i]).is_ok()
                {
                    items.push((i, role));
                    is_item[i] = true;
                }
            }
        }
        let field: Vec<usize> = (0..m).filter(|&i| !is_item[i]).collect();
        self.putf(format_args!("{label} {n}\n"));
        for &(i, role) in &items {
            self.item(&attrs.arrays()[i], role)?;
        }
        if !field.is_empty() {
            self.putf(format_args!("FIELD FieldData {}\n", field.len()));
            for (p, &i) in field.iter().enumerate() {
                self.field_array(&attrs.arrays()[i], p == 0)?;
            }
        }
        // What a reader reconstructs by default: file order, first item of a role wins.
        let seq: Vec<usize> = items.iter().map(|(i, _)| *i).chain(field.iter().copied()).collect();
        let mut default_active = [None; 8];
        for (p, (i, role)) in items.iter().enumerate() {
            let _ = p;
            if default_active[*role as usize].is_none() {
                default_active[*role as usize] = Some(*i);
            }
        }
        let identity = seq.iter().copied().eq(0..m);
        if !identity || default_active != attrs.active_all() {
            // order[j] = position of array j in the file (the inverse of `seq`, in one pass).
            let mut order = vec![0usize; m];
            for (p, &j) in seq.iter().enumerate() {
                if let Some(o) = order.get_mut(j) {
                    *o = p;
                }
            }
            self.ext.set(format!("A{}", assoc as i32), layout(&order, &attrs.active_all()));
        }
        Ok(())
    }

    fn item(&mut self, a: &DataArray, role: AttributeRole) -> Result<()> {
        let k = self.next_k();
        let written = match a.name.as_deref() {
            Some(n) if !n.is_empty() => encode_name(n),
            _ => role.name().to_owned(),
        };
        self.name_token(k, a, &written);
        let uchar = a.scalar_type() == ScalarType::UnsignedChar;
        let mut native_lut = false;
        match role {
            AttributeRole::Scalars if uchar => {
                self.putf(format_args!("COLOR_SCALARS {written} {}\n", a.components()));
                self.color_payload(a);
                self.metadata(a, k);
            }
            AttributeRole::Scalars => {
                let kw = self.type_kw(a, k);
                let nc = a.components();
                let lut = if a.lookup_table.is_some() { "lookup_table" } else { "default" };
                if nc == 1 {
                    self.putf(format_args!("SCALARS {written} {kw}\nLOOKUP_TABLE {lut}\n"));
                } else {
                    self.putf(format_args!("SCALARS {written} {kw} {nc}\nLOOKUP_TABLE {lut}\n"));
                }
                self.payload(a, kw);
                self.metadata(a, k);
                if let Some(t) = &a.lookup_table
                    && !t.rgba.is_empty()
                {
                    native_lut = true;
                    self.putf(format_args!("LOOKUP_TABLE lookup_table {}\n", t.rgba.len()));
                    if self.binary {
                        let flat: Vec<u8> = t.rgba.iter().flatten().copied().collect();
                        self.put(&flat);
                        self.put(b"\n");
                    } else {
                        for c in &t.rgba {
                            let f: Vec<String> = c.iter().map(|&v| fmt_f32(v as f32 / 255.0)).collect();
                            self.putf(format_args!("{} {} {} {}\n", f[0], f[1], f[2], f[3]));
                        }
                    }
                }
            }
            _ => {
                let kw = self.type_kw(a, k);
                match role {
                    AttributeRole::Vectors => self.putf(format_args!("VECTORS {written} {kw}\n")),
                    AttributeRole::Normals => self.putf(format_args!("NORMALS {written} {kw}\n")),
                    AttributeRole::TCoords => {
                        self.putf(format_args!("TEXTURE_COORDINATES {written} {} {kw}\n", a.components()))
                    }
                    AttributeRole::Tensors if a.components() == 6 => {
                        self.putf(format_args!("TENSORS6 {written} {kw}\n"))
                    }
                    AttributeRole::Tensors => self.putf(format_args!("TENSORS {written} {kw}\n")),
                    AttributeRole::GlobalIds => self.putf(format_args!("GLOBAL_IDS {written} {kw}\n")),
                    AttributeRole::PedigreeIds => self.putf(format_args!("PEDIGREE_IDS {written} {kw}\n")),
                    _ => self.putf(format_args!("EDGE_FLAGS {written} {kw}\n")),
                }
                self.payload(a, kw);
                self.metadata(a, k);
            }
        }
        self.lut_token(k, a, native_lut);
        Ok(())
    }

    /// One array of a FIELD block (`first`: the first of its block).
    fn field_array(&mut self, a: &DataArray, first: bool) -> Result<()> {
        let k = self.next_k();
        let written = match a.name.as_deref() {
            Some(n) if !n.is_empty() => field_name(n, first),
            _ => "unknown".to_owned(),
        };
        self.name_token(k, a, &written);
        let kw = self.type_kw(a, k);
        self.putf(format_args!("{written} {} {} {kw}\n", a.components(), a.tuples()));
        self.payload(a, kw);
        self.metadata(a, k);
        self.lut_token(k, a, false);
        Ok(())
    }

    /// Points or coordinates: `LABEL n type` (a missing array is `LABEL 0 float`, no payload).
    /// `none_when_empty`: the reader takes an empty array for a missing one.
    fn points(&mut self, label: &str, p: Option<&DataArray>, none_when_empty: bool) -> Result<()> {
        let k = self.next_k();
        match p {
            None => {
                if !none_when_empty {
                    self.ext.flag(format!("Z{k}"));
                }
                self.putf(format_args!("{label} 0 float\n"));
            }
            Some(a) => {
                if none_when_empty && a.tuples() == 0 {
                    self.ext.flag(format!("E{k}"));
                }
                if a.name.is_some() {
                    self.ext.set(format!("N{k}"), encode_ext(a.name_str()));
                }
                let kw = self.type_kw(a, k);
                self.putf(format_args!("{label} {} {kw}\n", a.tuples()));
                self.payload(a, kw);
                self.metadata(a, k);
                self.lut_token(k, a, false);
            }
        }
        Ok(())
    }

    fn name_token(&mut self, k: usize, a: &DataArray, written: &str) {
        let inferred = String::from_utf8(super::encode::decode_bytes(written.as_bytes())).ok();
        if a.name != inferred {
            match &a.name {
                None => self.ext.flag(format!("N{k}")),
                Some(n) => self.ext.set(format!("N{k}"), encode_ext(n)),
            }
        }
    }

    fn lut_token(&mut self, k: usize, a: &DataArray, native: bool) {
        if let Some(t) = &a.lookup_table {
            if native {
                if t.name != "lookup_table" {
                    self.ext.set(format!("L{k}"), encode_ext(&t.name));
                }
            } else {
                let mut hex = String::with_capacity(8 * t.rgba.len());
                for c in &t.rgba {
                    for v in c {
                        let _ = write!(hex, "{v:02x}");
                    }
                }
                self.ext.set(format!("L{k}"), format!("{}:{hex}", encode_ext(&t.name)));
            }
        }
    }

    // ----- arrays -----------------------------------------------------------------------

    fn type_kw(&mut self, a: &DataArray, k: usize) -> &'static str {
        match a.data() {
            ArrayData::IdType(b) => {
                if ids_fit_i32(b.as_slice()) {
                    "vtkIdType"
                } else {
                    self.ext.flag(format!("I{k}"));
                    "vtktypeint64"
                }
            }
            d => d.scalar_type().name(),
        }
    }

    /// The values (after the keyword line), including the trailing newline.
    fn payload(&mut self, a: &DataArray, kw: &str) {
        if self.binary {
            match a.data() {
                ArrayData::Bit(b) => self.put(b.packed()),
                ArrayData::IdType(b) => {
                    if kw == "vtkIdType" {
                        // 32-bit big-endian, narrowed in the same pass (the values fit).
                        let v = b.as_slice();
                        let n = v.len().saturating_mul(4);
                        self.grow(n);
                        match &mut self.out {
                            Sink::Count => {}
                            Sink::Vec(_) => {
                                if let Some(out) = self.vec_room(n) {
                                    out.extend(v.iter().flat_map(|&x| narrow_id(x).to_be_bytes()));
                                }
                            }
                            Sink::Slice { .. } => {
                                if let Some(d) = self.room(n) {
                                    for (d, &x) in super::encode::words_mut::<4>(d).iter_mut().zip(v) {
                                        *d = narrow_id(x).to_be_bytes();
                                    }
                                }
                            }
                        }
                    } else {
                        self.be(b.as_slice());
                    }
                }
                ArrayData::String(v) => {
                    if self.dry {
                        self.grow(v.iter().map(|s| string_header_len(s.len()) + s.len()).sum::<usize>());
                    } else {
                        let mut h = Vec::with_capacity(8);
                        for s in v {
                            h.clear();
                            string_header(s.len(), &mut h);
                            self.put(&h);
                            self.put(s.as_bytes());
                        }
                    }
                }
                ArrayData::Variant(v) => {
                    for x in v {
                        self.putf(format_args!("{} {}\n", x.type_code, encode_name(&x.text)));
                    }
                    return;
                }
                // Every other numeric type: big-endian elements (1-byte types unchanged).
                d => crate::with_numeric!(d, b => self.be(b.as_slice()), _ => {}),
            }
            self.put(b"\n");
            return;
        }
        // ASCII
        let d = a.data();
        match d {
            ArrayData::Bit(b) => {
                let n = b.len();
                let mut s = String::with_capacity(n.saturating_mul(2).saturating_add(1).min(TEXT_CHUNK + 64));
                for i in 0..n {
                    s.push(if b.get(i) == Some(true) { '1' } else { '0' });
                    s.push(if (i + 1) % 8 == 0 { '\n' } else { ' ' });
                    self.flush_text(&mut s, TEXT_CHUNK);
                }
                s.push('\n');
                self.flush_text(&mut s, 0);
            }
            ArrayData::Float(b) => {
                let v = b.as_slice();
                if v.iter().any(|x| !x.is_finite()) {
                    self.nonfinite = true;
                }
                self.ascii_values(v.len(), |i, s| s.push_str(&fmt_f32(v[i])));
            }
            ArrayData::Double(b) => {
                let v = b.as_slice();
                if v.iter().any(|x| !x.is_finite()) {
                    self.nonfinite = true;
                }
                self.ascii_values(v.len(), |i, s| s.push_str(&fmt_f64(v[i], 11)));
            }
            ArrayData::String(v) => {
                let mut s = String::new();
                for x in v {
                    s.push_str(&encode_name(x));
                    s.push('\n');
                    self.flush_text(&mut s, TEXT_CHUNK);
                }
                s.push('\n');
                self.flush_text(&mut s, 0);
            }
            ArrayData::Variant(v) => {
                for x in v {
                    self.putf(format_args!("{} {}\n", x.type_code, encode_name(&x.text)));
                }
            }
            ArrayData::UnsignedLong(b) | ArrayData::UnsignedLongLong(b) => {
                let v = b.as_slice();
                self.ascii_values(v.len(), |i, s| {
                    let _ = write!(s, "{}", v[i]);
                });
            }
            _ => {
                let n = d.len();
                self.ascii_values(n, |i, s| {
                    let _ = write!(s, "{}", d.value_i64(i).unwrap_or(0));
                });
            }
        }
    }

    /// VTK's ASCII number layout: each value followed by a space, a newline after every 9th,
    /// one final newline.
    fn ascii_values(&mut self, n: usize, mut f: impl FnMut(usize, &mut String)) {
        let mut s = String::with_capacity(n.saturating_mul(4).saturating_add(1).min(TEXT_CHUNK + 64));
        for i in 0..n {
            f(i, &mut s);
            s.push(' ');
            if (i + 1) % 9 == 0 {
                s.push('\n');
                self.flush_text(&mut s, TEXT_CHUNK);
            }
        }
        s.push('\n');
        self.flush_text(&mut s, 0);
    }

    /// Writes the text formatted so far once it holds at least `at_least` bytes.
    fn flush_text(&mut self, s: &mut String, at_least: usize) {
        if s.len() >= at_least {
            self.puts(s);
            s.clear();
        }
    }

    fn color_payload(&mut self, a: &DataArray) {
        let ArrayData::UnsignedChar(b) = a.data() else { return };
        if self.binary {
            self.put(b.bytes());
            self.put(b"\n");
        } else {
            let v = b.as_slice();
            self.ascii_values(v.len(), |i, s| s.push_str(&fmt_f32(v[i] as f32 / 255.0)));
        }
    }

    fn metadata(&mut self, a: &DataArray, k: usize) {
        let names = a.component_names.as_ref();
        let any_name = names.is_some_and(|n| n.iter().any(|s| !s.is_empty()));
        if names.is_some() && !any_name {
            self.ext.flag(format!("C{k}"));
        }
        let mut entries: Vec<(usize, &InfoEntry)> = Vec::new();
        for (j, e) in a.info.iter().enumerate() {
            let exotic = match &e.value {
                InfoValue::Double(x) => !x.is_finite(),
                InfoValue::DoubleVector(v) => v.iter().any(|x| !x.is_finite()),
                _ => false,
            };
            if exotic {
                let vals: Vec<f64> = match &e.value {
                    InfoValue::Double(x) => vec![*x],
                    InfoValue::DoubleVector(v) => v.clone(),
                    _ => Vec::new(),
                };
                let hex: Vec<String> = vals.iter().map(|x| format!("{:016x}", x.to_bits())).collect();
                self.ext.set(
                    format!("Q{k}_{j}"),
                    format!(
                        "{},{},{},{}",
                        encode_ext(&e.name),
                        encode_ext(&e.location),
                        info_code(&e.value),
                        hex.join(",")
                    ),
                );
            } else {
                entries.push((j, e));
            }
        }
        if !any_name && entries.is_empty() {
            return;
        }
        self.puts("METADATA\n");
        if any_name {
            self.puts("COMPONENT_NAMES\n");
            let mut s = String::new();
            for n in names.into_iter().flatten() {
                s.push_str(&encode_name(n));
                s.push('\n');
            }
            self.puts(&s);
        }
        if !entries.is_empty() {
            self.putf(format_args!("INFORMATION {}\n", entries.len()));
            for (j, e) in entries {
                self.putf(format_args!("NAME {} LOCATION {}\n", encode_name(&e.name), encode_name(&e.location)));
                let data = match &e.value {
                    InfoValue::Double(x) => fmt_f64(*x, 6),
                    InfoValue::DoubleVector(v) => {
                        let mut s = v.len().to_string();
                        for x in v {
                            s.push(' ');
                            s.push_str(&fmt_f64(*x, 6));
                        }
                        s
                    }
                    InfoValue::IdType(x) => x.to_string(),
                    InfoValue::Integer(x) => x.to_string(),
                    InfoValue::IntegerVector(v) => {
                        let mut s = v.len().to_string();
                        for x in v {
                            let _ = write!(s, " {x}");
                        }
                        s
                    }
                    InfoValue::String(x) => encode_name(x),
                    InfoValue::StringVector(v) => v.len().to_string(),
                    InfoValue::UnsignedLong(x) => x.to_string(),
                };
                self.putf(format_args!("DATA {data}\n"));
                if let InfoValue::StringVector(v) = &e.value {
                    for x in v {
                        self.putf(format_args!("{}\n", encode_name(x)));
                    }
                }
                let code = info_code(&e.value);
                if infer_info(&e.name, &data) != code || matches!(e.value, InfoValue::StringVector(_)) {
                    self.ext.set(format!("T{k}_{j}"), code.to_string());
                }
            }
        }
        self.puts("\n");
    }
}

/// The name of a FIELD array as written: VTK's encoding, and the first character
/// percent-encoded too where VTK's reader would misread the name (VTK 9.1 decodes `%XX` in
/// names, so it still reads the name back exactly):
/// * after another array, a line starting with `metadata` (any case) is taken for that
///   array's METADATA block;
/// * the token `NULL_ARRAY` (exactly) is a null array.
fn field_name(name: &str, first: bool) -> String {
    let w = encode_name(name);
    let misread = (!first && w.get(..8).is_some_and(|p| p.eq_ignore_ascii_case("metadata"))) || w == "NULL_ARRAY";
    match w.as_bytes().first() {
        Some(&c) if misread => format!("%{c:02X}{}", w.get(1..).unwrap_or("")),
        _ => w,
    }
}

/// Length of `x` in decimal (with its sign).
fn dec_len(x: i64) -> usize {
    let mut n = usize::from(x < 0);
    let mut u = x.unsigned_abs();
    loop {
        n += 1;
        u /= 10;
        if u == 0 {
            return n;
        }
    }
}

fn header_len(title: &str, binary: bool) -> usize {
    "# vtk DataFile Version 5.1\n".len() + title.len() + if binary { "\nBINARY\n".len() } else { "\nASCII\n".len() }
}

/// `order/roles`: final array j is file array order[j]; roles are indices or `-`.
fn layout(order: &[usize], roles: &[Option<usize>; 8]) -> String {
    let r: Vec<String> = roles.iter().map(|r| r.map_or("-".to_owned(), |i| i.to_string())).collect();
    format!("{}/{}", join_i64(order), r.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_widths_and_digits() {
        assert!(ids_fit_i32(&[0, -1, i32::MAX as i64, i32::MIN as i64]));
        for x in [i32::MAX as i64 + 1, i32::MIN as i64 - 1, i64::MAX, i64::MIN, 1 << 40] {
            assert!(!ids_fit_i32(&[0, x, 5]), "{x}");
        }
        for x in [0i64, 9, 10, -1, -10, 12345, i64::MAX, i64::MIN] {
            assert_eq!(dec_len(x), x.to_string().len(), "{x}");
        }
    }
}
