//! Random data objects of every type for the legacy round-trip and fuzz tests (a small
//! deterministic generator driven by a proptest seed).
#![allow(dead_code)]
#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_possible_wrap,
    reason = "random bits are cut to narrower types on purpose; sizes and indices are a few units"
)]

use vtkwire::model::*;

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() % n as u64) as usize }
    }
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() % 1000) as f64 / 1000.0 < p
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }
}

/// Options: `nan` allows NaN values (not exact through ASCII files).
#[derive(Clone, Copy)]
pub struct Opts {
    pub nan: bool,
}

const NAMES: &[&str] = &[
    "",
    "unknown",
    "scalars",
    "temp C",
    "température ü",
    "a%b\"c,:=/;",
    "line\nbreak",
    "x",
    "points",
    "tab\there",
    "日本語",
    "lookup_table",
    "default",
];

pub fn name(r: &mut Rng) -> Option<String> {
    if r.chance(0.15) {
        None
    } else if r.chance(0.3) {
        Some(format!("arr{}", r.below(1000)))
    } else {
        Some(r.pick(NAMES).to_string())
    }
}

fn text(r: &mut Rng) -> String {
    const PARTS: &[&str] = &["", "a", " ", "hi there", "%", "\n", "é", "12", "-3.5", "x,y", "\"q\"", "\t", "😀"];
    (0..r.below(4)).map(|_| *r.pick(PARTS)).collect()
}

fn f64v(r: &mut Rng, o: Opts) -> f64 {
    match r.below(10) {
        0 => -0.0,
        1 if o.nan => f64::from_bits(0x7ff8_0000_0000_0000 | (r.next() & 0xf_ffff_ffff_ffff) | 1),
        2 => f64::INFINITY * if r.chance(0.5) { 1.0 } else { -1.0 },
        3 => 1.0 / 3.0,
        4 => f64::MAX,
        5 => f64::MIN_POSITIVE / 4.0,
        6 => (r.below(2000) as f64 - 1000.0) / 8.0,
        _ => {
            let v = f64::from_bits(r.next());
            if v.is_nan() { 0.5 } else { v }
        }
    }
}

fn finite(r: &mut Rng) -> f64 {
    let v = f64v(r, Opts { nan: false });
    if v.is_finite() { v } else { 0.25 }
}

fn f32v(r: &mut Rng, o: Opts) -> f32 {
    match r.below(8) {
        0 => -0.0,
        1 if o.nan => f32::from_bits(0x7fc0_0000 | (r.next() as u32 & 0x3f_ffff) | 1),
        2 => f32::NEG_INFINITY,
        3 => 0.1,
        _ => {
            let v = f32::from_bits(r.next() as u32);
            if v.is_nan() { 1.5 } else { v }
        }
    }
}

fn i64v(r: &mut Rng) -> i64 {
    match r.below(6) {
        0 => i64::MIN,
        1 => i64::MAX,
        2 => 3_000_000_000,
        3 => -1,
        _ => r.next() as i64 >> r.below(64),
    }
}

fn num(r: &mut Rng) -> ScalarType {
    *r.pick(&ScalarType::NUMERIC)
}

pub fn data(r: &mut Rng, ty: ScalarType, n: usize, o: Opts) -> ArrayData {
    macro_rules! v {
        ($e:expr) => {
            (0..n).map(|_| $e).collect::<Vec<_>>().into()
        };
    }
    match ty {
        ScalarType::Bit => ArrayData::Bit(Bits::from_bools(&(0..n).map(|_| r.chance(0.5)).collect::<Vec<_>>())),
        ScalarType::Char => ArrayData::Char(v!(r.next() as i8)),
        ScalarType::SignedChar => ArrayData::SignedChar(v!(r.next() as i8)),
        ScalarType::UnsignedChar => ArrayData::UnsignedChar(v!(r.next() as u8)),
        ScalarType::Short => ArrayData::Short(v!(r.next() as i16)),
        ScalarType::UnsignedShort => ArrayData::UnsignedShort(v!(r.next() as u16)),
        ScalarType::Int => ArrayData::Int(v!(r.next() as i32)),
        ScalarType::UnsignedInt => ArrayData::UnsignedInt(v!(r.next() as u32)),
        ScalarType::Long => ArrayData::Long(v!(i64v(r))),
        ScalarType::UnsignedLong => ArrayData::UnsignedLong(v!(i64v(r) as u64)),
        ScalarType::LongLong => ArrayData::LongLong(v!(i64v(r))),
        ScalarType::UnsignedLongLong => ArrayData::UnsignedLongLong(v!(i64v(r) as u64)),
        ScalarType::Float => ArrayData::Float(v!(f32v(r, o))),
        ScalarType::Double => ArrayData::Double(v!(f64v(r, o))),
        ScalarType::IdType => {
            let wide = r.chance(0.5);
            ArrayData::IdType(v!(if wide { i64v(r) } else { r.next() as i32 as i64 }))
        }
        ScalarType::String => ArrayData::String((0..n).map(|_| text(r)).collect()),
        ScalarType::Variant => ArrayData::Variant(
            (0..n).map(|_| Variant { type_code: *r.pick(&[2, 6, 11, 13, 16]), text: text(r) }).collect(),
        ),
    }
}

fn info(r: &mut Rng, _o: Opts) -> InfoEntry {
    // InfoValue's PartialEq is not bit-exact (NaN != NaN): keep NaN out, infinities in.
    let o = Opts { nan: false };
    let value = match r.below(8) {
        0 => InfoValue::Double(f64v(r, o)),
        1 => InfoValue::DoubleVector((0..r.below(4)).map(|_| f64v(r, o)).collect()),
        2 => InfoValue::IdType(i64v(r)),
        3 => InfoValue::Integer(r.next() as i32),
        4 => InfoValue::IntegerVector((0..r.below(4)).map(|_| r.next() as i32).collect()),
        5 => InfoValue::String(text(r)),
        6 => InfoValue::StringVector((0..r.below(3)).map(|_| text(r)).collect()),
        _ => InfoValue::UnsignedLong(r.next()),
    };
    let name = r.pick(&["UNITS_LABEL", "GUI_HIDE", "MY KEY", "k"]).to_string();
    InfoEntry { name, location: r.pick(&["vtkDataArray", "vtkAbstractArray", "my loc"]).to_string(), value }
}

pub fn array_of(r: &mut Rng, ty: ScalarType, nt: usize, nc: usize, o: Opts) -> DataArray {
    let mut a = DataArray::new(None, nc, data(r, ty, nt * nc, o)).unwrap();
    a.name = name(r);
    if r.chance(0.2) {
        a.component_names = Some((0..nc).map(|_| if r.chance(0.5) { String::new() } else { text(r) }).collect());
    }
    if r.chance(0.15) {
        a.lookup_table = Some(LookupTable {
            name: name(r).unwrap_or_default(),
            rgba: (0..r.below(3)).map(|_| (r.next() as u32).to_be_bytes()).collect(),
        });
    }
    for _ in 0..(if r.chance(0.2) { r.below(3) + 1 } else { 0 }) {
        a.info.push(info(r, o));
    }
    a
}

pub fn array(r: &mut Rng, nt: usize, o: Opts) -> DataArray {
    let ty = *r.pick(&ScalarType::ALL);
    let big = r.chance(0.2);
    let nc = 1 + r.below(if big { 9 } else { 3 });
    array_of(r, ty, nt, nc, o)
}

/// Arrays of `nt` tuples, shaped so that roles can be set, with random active roles.
pub fn attributes(r: &mut Rng, nt: Option<usize>, o: Opts) -> Attributes {
    let m = r.below(5);
    let mut arrays = Vec::new();
    for _ in 0..m {
        let n = nt.unwrap_or_else(|| r.below(4));
        let a = match r.below(6) {
            0 => {
                let t = num(r);
                array_of(r, t, n, 3, o)
            }
            1 => {
                let t = num(r);
                array_of(r, t, n, 1, o)
            }
            2 => {
                let nc = 1 + r.below(4);
                array_of(r, ScalarType::UnsignedChar, n, nc, o)
            }
            3 => {
                let (t, nc) = (num(r), *r.pick(&[6, 9]));
                array_of(r, t, n, nc, o)
            }
            _ => array(r, n, o),
        };
        arrays.push(a);
    }
    let mut attrs = Attributes::from_parts(arrays, [None; 8]).unwrap();
    for role in AttributeRole::ALL {
        if m > 0 && r.chance(0.5) {
            let _ = attrs.set_active(role, Some(r.below(m)));
        }
    }
    attrs
}

fn points(r: &mut Rng, n: usize, o: Opts, allow_none: bool) -> Option<DataArray> {
    if n == 0 && allow_none && r.chance(0.5) {
        return None;
    }
    let ty = *r.pick(&ScalarType::NUMERIC);
    Some(array_of(r, ty, n, 3, o))
}

fn extent(r: &mut Rng) -> [i32; 6] {
    if r.chance(0.1) {
        return *r.pick(&[[0, -1, 0, -1, 0, -1], [5, 4, 3, 2, 1, 0]]);
    }
    let mut e = [0; 6];
    for a in 0..3 {
        let lo = r.below(7) as i32 - 3;
        e[2 * a] = lo;
        e[2 * a + 1] = lo + r.below(3) as i32;
    }
    e
}

fn image(r: &mut Rng, o: Opts, e: [i32; 6]) -> ImageData {
    let mut origin = [0.0; 3];
    let mut spacing = [1.0; 3];
    for a in 0..3 {
        origin[a] = finite(r).clamp(-1e10, 1e10);
        spacing[a] = *r.pick(&[1.0, 0.1, 1.0 / 3.0, 1.23456789, 2.5e-7, 0.5]);
    }
    let mut img = ImageData::new(e, origin, spacing);
    if r.chance(0.3) {
        for d in &mut img.direction {
            *d = finite(r).clamp(-2.0, 2.0);
        }
    }
    img.point_data = attributes(r, Some(extent_points(&e)), o);
    img.cell_data = attributes(r, Some(extent_cells(&e)), o);
    img.field_data = attributes(r, None, o);
    img
}

fn cellarray(r: &mut Rng, npts: usize, sizes: impl Fn(&mut Rng) -> usize) -> CellArray {
    if npts == 0 {
        return CellArray::default();
    }
    let mut offsets = vec![0i64];
    let mut conn = Vec::new();
    for _ in 0..r.below(4) {
        for _ in 0..sizes(r) {
            conn.push(r.below(npts) as i64);
        }
        offsets.push(conn.len() as i64);
    }
    CellArray::new(offsets.into(), conn.into()).unwrap()
}

pub fn object(r: &mut Rng, kind: usize, depth: usize, o: Opts) -> DataObject {
    match kind {
        0 | 1 => {
            let e = extent(r);
            let img = image(r, o, e);
            if kind == 0 { DataObject::ImageData(img) } else { DataObject::StructuredPoints(img) }
        }
        2 => {
            let e = extent(r);
            let dims = extent_dims(&e);
            let mut g = RectilinearGrid::new(e);
            for (c, &d) in g.coordinates.iter_mut().zip(&dims) {
                *c = if d == 0 && r.chance(0.5) {
                    None
                } else {
                    let t = num(r);
                    Some(array_of(r, t, d, 1, o))
                };
            }
            g.point_data = attributes(r, Some(extent_points(&e)), o);
            g.cell_data = attributes(r, Some(extent_cells(&e)), o);
            g.field_data = attributes(r, None, o);
            DataObject::RectilinearGrid(g)
        }
        3 => {
            let e = extent(r);
            let mut g = StructuredGrid::new(e);
            g.points = points(r, extent_points(&e), o, true);
            g.point_data = attributes(r, Some(extent_points(&e)), o);
            g.cell_data = attributes(r, Some(extent_cells(&e)), o);
            g.field_data = attributes(r, None, o);
            DataObject::StructuredGrid(g)
        }
        4 => {
            let n = r.below(5);
            let mut p = PolyData { points: points(r, n, o, true), ..PolyData::default() };
            for c in 0..4 {
                if r.chance(0.5) {
                    p.cells[c] = cellarray(r, n, |r| r.below(4));
                }
            }
            p.point_data = attributes(r, Some(n), o);
            p.cell_data = attributes(r, Some(p.num_cells()), o);
            p.field_data = attributes(r, None, o);
            DataObject::PolyData(p)
        }
        5 => {
            let n = r.below(6);
            let mut u = UnstructuredGrid { points: points(r, n, o, true), ..UnstructuredGrid::default() };
            let mut offsets = vec![0i64];
            let mut conn: Vec<i64> = Vec::new();
            if n > 0 {
                for _ in 0..r.below(5) {
                    let (ty, k) = *r.pick(&[(1u8, 1usize), (3, 2), (5, 3), (9, 4), (10, 4), (7, 5), (4, 3), (42, 0)]);
                    if ty == 42 {
                        let faces = 1 + r.below(3);
                        conn.push(faces as i64);
                        for _ in 0..faces {
                            let m = 1 + r.below(4);
                            conn.push(m as i64);
                            conn.extend((0..m).map(|_| r.below(n) as i64));
                        }
                    } else {
                        conn.extend((0..k).map(|_| r.below(n) as i64));
                    }
                    offsets.push(conn.len() as i64);
                    u.cell_types.push(ty);
                }
            }
            u.cells = CellArray::new(offsets.into(), conn.into()).unwrap();
            u.point_data = attributes(r, Some(n), o);
            u.cell_data = attributes(r, Some(u.cells.len()), o);
            u.field_data = attributes(r, None, o);
            DataObject::UnstructuredGrid(u)
        }
        6 => {
            let rows = r.below(4);
            let row_data = attributes(r, Some(rows), o);
            DataObject::Table(Table { row_data, field_data: attributes(r, None, o) })
        }
        7..=9 => {
            let nv = r.below(5);
            let mut edges = Vec::new();
            if kind == 9 {
                for c in 1..nv {
                    edges.push([r.below(c) as i64, c as i64]);
                }
                for i in (1..edges.len()).rev() {
                    let j = r.below(i + 1);
                    edges.swap(i, j);
                }
            } else if nv > 0 {
                for _ in 0..r.below(5) {
                    edges.push([r.below(nv) as i64, r.below(nv) as i64]);
                }
            }
            let mut g = Graph::new(nv, edges);
            g.points = points(r, nv, o, false).filter(|_| r.chance(0.6));
            g.vertex_data = attributes(r, Some(nv), o);
            g.edge_data = attributes(r, Some(g.num_edges()), o);
            g.field_data = attributes(r, None, o);
            match kind {
                7 => DataObject::DirectedGraph(g),
                8 => DataObject::UndirectedGraph(g),
                _ => DataObject::Tree(g),
            }
        }
        10 => {
            let mut mb = MultiBlock::default();
            for _ in 0..r.below(4) {
                let object = if depth < 3 && r.chance(0.7) {
                    let k = r.below(12);
                    Some(Box::new(object(r, k, depth + 1, o)))
                } else {
                    None
                };
                let name = if r.chance(0.5) { name(r) } else { None };
                mb.blocks.push(Block { name, object });
            }
            mb.field_data = attributes(r, None, o);
            DataObject::MultiBlock(mb)
        }
        _ => {
            let mut amr = Amr::new([finite(r), 0.0, -0.0], r.below(10) as i32);
            let mut sp = *r.pick(&[1.0, 0.3, 2.0]);
            for _ in 0..r.below(3) {
                let mut blocks = Vec::new();
                for _ in 0..r.below(3) {
                    let lo: Vec<i32> = (0..3).map(|_| r.below(4) as i32).collect();
                    let n: Vec<i32> = (0..3).map(|_| 1 + r.below(2) as i32).collect();
                    let bbox = [lo[0], lo[1], lo[2], lo[0] + n[0] - 1, lo[1] + n[1] - 1, lo[2] + n[2] - 1];
                    let grid = r.chance(0.6).then(|| {
                        let e = [0, n[0], 0, n[1], 0, n[2]];
                        let mut g = image(r, o, e);
                        g.spacing = [sp; 3];
                        g
                    });
                    blocks.push(AmrBlock { bbox, grid });
                }
                let refinement_ratio = if r.chance(0.7) { 2 } else { 1 + r.below(4) as i32 };
                amr.levels.push(AmrLevel { spacing: [sp; 3], refinement_ratio, blocks });
                sp /= 2.0;
            }
            amr.field_data = attributes(r, None, o);
            DataObject::OverlappingAmr(amr)
        }
    }
}
