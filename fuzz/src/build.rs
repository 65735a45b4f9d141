//! Fuzz bytes → a [`DataObject`], through vtkwire's public model API only.
//!
//! Sizes are kept small (a few points, cells and arrays) so that each input is cheap; the
//! fuzzer's job here is the variety: every type, every array element type, roles, component
//! names, lookup tables, information entries, names of any Unicode text (biased towards the
//! format's own keywords), NaN payloads, signed zeros, infinities and 64-bit extremes, null
//! objects and nesting. Most generated objects are valid; invalid ones exercise validation.

use std::sync::Arc;

use arbitrary::{Result, Unstructured};
use vtkwire::model::{
    Amr, AmrBlock, AmrLevel, ArrayData, AttributeRole, Attributes, Bits, Block, Buffer, CellArray, DataArray,
    DataObject, External, Graph, ImageData, InfoEntry, InfoValue, LookupTable, MAX_DEPTH, MultiBlock, PolyCells,
    PolyData, RectilinearGrid, Scalar, ScalarType, StructuredGrid, Table, UnstructuredGrid, Variant, extent_cells,
    extent_points,
};

/// Deepest multiblock nesting generated (beyond [`MAX_DEPTH`] sometimes, to hit the limit).
const GEN_DEPTH: usize = MAX_DEPTH + 2;

/// Words the legacy format gives a meaning to: as names they must still round-trip.
const KEYWORDS: &[&str] = &[
    "",
    " ",
    "METADATA",
    "metadata",
    "MetaData",
    "INFORMATION",
    "COMPONENT_NAMES",
    "FIELD",
    "FieldData",
    "POINT_DATA",
    "CELL_DATA",
    "NULL_ARRAY",
    "null_array x",
    "DIMENSIONS",
    "POINTS",
    "CELLS",
    "VERTICES",
    "EDGES",
    "SCALARS",
    "LOOKUP_TABLE",
    "default",
    "unknown",
    "scalars",
    "vectors",
    "NAME",
    "LOCATION",
    "DATA",
    "CHILD",
    "ENDCHILD",
    "vtkwire1",
    "vtk output",
    "vtk output vtkwire1 SP",
    "N0",
    "A0=0/-",
    "%",
    "%2",
    "%20",
    "%zz",
    "a b",
    "\n",
    "\r\n",
    "\0",
    "tab\there",
    "é",
    "温度",
    "🙂",
    "\u{feff}",
    "UNITS_LABEL",
    "GUI_HIDE",
    "COMPONENT_RANGE",
    "vtkDataArray",
    "12",
    "-1",
    "1e308",
    "nan",
    "inf",
    "BINARY",
    "ASCII",
];

fn text(u: &mut Unstructured) -> Result<String> {
    Ok(match u.int_in_range(0..=3)? {
        0 | 1 => (*u.choose(KEYWORDS)?).to_owned(),
        2 => {
            let s: String = u.arbitrary()?;
            s.chars().take(24).collect()
        }
        _ => {
            // Keyword glued to arbitrary text.
            let k = *u.choose(KEYWORDS)?;
            let s: String = u.arbitrary()?;
            format!("{k}{}", s.chars().take(8).collect::<String>())
        }
    })
}

fn name(u: &mut Unstructured) -> Result<Option<String>> {
    Ok(if u.ratio(1, 6)? { None } else { Some(text(u)?) })
}

fn small(u: &mut Unstructured, max: usize) -> Result<usize> {
    u.int_in_range(0..=max)
}

/// Integers biased towards the extremes of their type.
fn int_value<T: Copy + for<'a> arbitrary::Arbitrary<'a>>(u: &mut Unstructured, specials: &[T]) -> Result<T> {
    if u.ratio(1, 3)? { Ok(*u.choose(specials)?) } else { u.arbitrary() }
}

fn f64_value(u: &mut Unstructured) -> Result<f64> {
    const SPECIAL: &[f64] = &[
        0.0,
        -0.0,
        1.0,
        -1.5,
        0.1,
        1.0 / 3.0,
        f64::MIN_POSITIVE,
        5e-324,
        -5e-324,
        f64::MAX,
        f64::MIN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        1e300,
        123456789.0,
    ];
    Ok(match u.int_in_range(0..=3)? {
        0 => *u.choose(SPECIAL)?,
        // NaN with an arbitrary payload and sign.
        1 => f64::from_bits(0x7ff0_0000_0000_0001 | (u.arbitrary::<u64>()? & 0x800f_ffff_ffff_ffff)),
        _ => f64::from_bits(u.arbitrary()?),
    })
}

fn f32_value(u: &mut Unstructured) -> Result<f32> {
    const SPECIAL: &[f32] = &[
        0.0,
        -0.0,
        1.0,
        0.1,
        f32::MIN_POSITIVE,
        1e-45,
        f32::MAX,
        f32::MIN,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NAN,
    ];
    Ok(match u.int_in_range(0..=3)? {
        0 => *u.choose(SPECIAL)?,
        1 => f32::from_bits(0x7f80_0001 | (u.arbitrary::<u32>()? & 0x807f_ffff)),
        _ => f32::from_bits(u.arbitrary()?),
    })
}

/// Finite values for geometry (origin, spacing, coordinates that validation wants finite).
fn finite(u: &mut Unstructured) -> Result<f64> {
    let x = f64_value(u)?;
    Ok(if x.is_finite() { x } else { 0.5 })
}

fn positive(u: &mut Unstructured) -> Result<f64> {
    let x = finite(u)?.abs();
    Ok(if x > 0.0 { x } else { 1.0 })
}

/// A zero-copy view of memory the "caller" owns (the C API builds these over caller memory).
struct Borrowed<T>(Vec<T>);

impl<T: Scalar> External<T> for Borrowed<T> {
    fn as_slice(&self) -> &[T] {
        &self.0
    }
}

fn buffer<T: Scalar>(
    u: &mut Unstructured,
    n: usize,
    mut f: impl FnMut(&mut Unstructured) -> Result<T>,
) -> Result<Buffer<T>> {
    let v = (0..n).map(|_| f(u)).collect::<Result<Vec<T>>>()?;
    Ok(if u.ratio(1, 8)? { Buffer::External(Arc::new(Borrowed(v))) } else { Buffer::from_vec(v) })
}

/// `n` values of type `ty`.
fn data(u: &mut Unstructured, ty: ScalarType, n: usize) -> Result<ArrayData> {
    use ScalarType as S;
    Ok(match ty {
        S::Bit => {
            let b: Vec<bool> = (0..n).map(|_| u.arbitrary()).collect::<Result<_>>()?;
            ArrayData::Bit(Bits::from_bools(&b))
        }
        S::Char => ArrayData::Char(buffer(u, n, |u| int_value(u, &[0i8, -1, i8::MIN, i8::MAX, 10, 32]))?),
        S::SignedChar => ArrayData::SignedChar(buffer(u, n, |u| int_value(u, &[0i8, -1, i8::MIN, i8::MAX]))?),
        S::UnsignedChar => ArrayData::UnsignedChar(buffer(u, n, |u| int_value(u, &[0u8, u8::MAX, 10]))?),
        S::Short => ArrayData::Short(buffer(u, n, |u| int_value(u, &[0i16, -1, i16::MIN, i16::MAX]))?),
        S::UnsignedShort => ArrayData::UnsignedShort(buffer(u, n, |u| int_value(u, &[0u16, u16::MAX]))?),
        S::Int => ArrayData::Int(buffer(u, n, |u| int_value(u, &[0i32, -1, i32::MIN, i32::MAX]))?),
        S::UnsignedInt => ArrayData::UnsignedInt(buffer(u, n, |u| int_value(u, &[0u32, u32::MAX]))?),
        S::Long => ArrayData::Long(buffer(u, n, |u| int_value(u, &I64_SPECIAL))?),
        S::UnsignedLong => ArrayData::UnsignedLong(buffer(u, n, |u| int_value(u, &U64_SPECIAL))?),
        S::LongLong => ArrayData::LongLong(buffer(u, n, |u| int_value(u, &I64_SPECIAL))?),
        S::UnsignedLongLong => ArrayData::UnsignedLongLong(buffer(u, n, |u| int_value(u, &U64_SPECIAL))?),
        S::IdType => ArrayData::IdType(buffer(u, n, |u| int_value(u, &I64_SPECIAL))?),
        S::Float => ArrayData::Float(buffer(u, n, f32_value)?),
        S::Double => ArrayData::Double(buffer(u, n, f64_value)?),
        S::String => ArrayData::String((0..n).map(|_| text(u)).collect::<Result<_>>()?),
        S::Variant => ArrayData::Variant(
            (0..n)
                .map(|_| {
                    Ok(Variant {
                        type_code: int_value(u, &[0i32, 2, 3, 6, 10, 11, 12, 13, 16, 17, -1, i32::MAX])?,
                        text: text(u)?,
                    })
                })
                .collect::<Result<_>>()?,
        ),
    })
}

const I64_SPECIAL: [i64; 7] = [0, -1, 1, i64::MIN, i64::MAX, 1 << 31, -(1 << 31) - 1];
const U64_SPECIAL: [u64; 4] = [0, u64::MAX, 1 << 63, 1 << 32];

fn info_entry(u: &mut Unstructured) -> Result<InfoEntry> {
    let value = match u.int_in_range(0..=7)? {
        0 => InfoValue::Double(f64_value(u)?),
        1 => InfoValue::DoubleVector((0..small(u, 4)?).map(|_| f64_value(u)).collect::<Result<_>>()?),
        2 => InfoValue::IdType(int_value(u, &I64_SPECIAL)?),
        3 => InfoValue::Integer(int_value(u, &[0i32, -1, i32::MIN, i32::MAX])?),
        4 => InfoValue::IntegerVector(
            (0..small(u, 4)?).map(|_| int_value(u, &[0i32, -1, i32::MIN, i32::MAX])).collect::<Result<_>>()?,
        ),
        5 => InfoValue::String(text(u)?),
        6 => InfoValue::StringVector((0..small(u, 3)?).map(|_| text(u)).collect::<Result<_>>()?),
        _ => InfoValue::UnsignedLong(int_value(u, &U64_SPECIAL)?),
    };
    let location = if u.ratio(3, 4)? { "vtkDataArray".to_owned() } else { text(u)? };
    Ok(InfoEntry { name: text(u)?, location, value })
}

/// One array of `tuples` tuples; `numeric` restricts to fixed-size element types.
fn array_of(u: &mut Unstructured, tuples: usize, ty: ScalarType, components: usize) -> Result<DataArray> {
    let n = tuples * components;
    let d = data(u, ty, n)?;
    let mut a = match ty {
        ScalarType::String => DataArray::strings(
            None,
            match d {
                ArrayData::String(v) => v,
                _ => Vec::new(),
            },
        ),
        _ => match DataArray::new(None, components, d) {
            Ok(a) => a,
            Err(_) => return Err(arbitrary::Error::IncorrectFormat),
        },
    };
    a.name = name(u)?;
    if u.ratio(1, 6)? {
        let names = (0..a.components()).map(|_| if u.ratio(1, 2)? { text(u) } else { Ok(String::new()) });
        a.component_names = Some(names.collect::<Result<_>>()?);
    }
    if u.ratio(1, 8)? {
        let rgba = (0..small(u, 3)?).map(|_| u.arbitrary()).collect::<Result<_>>()?;
        a.lookup_table = Some(LookupTable { name: text(u)?, rgba });
    }
    if u.ratio(1, 6)? {
        a.info = (0..small(u, 3)?).map(|_| info_entry(u)).collect::<Result<_>>()?;
    }
    Ok(a)
}

fn array(u: &mut Unstructured, tuples: usize) -> Result<DataArray> {
    let ty = *u.choose(&ScalarType::ALL)?;
    let components = match ty {
        ScalarType::String => 1,
        _ => *u.choose(&[1usize, 1, 1, 2, 3, 3, 4, 6, 9])?,
    };
    array_of(u, tuples, ty, components)
}

/// Points: numeric, 3 components (any numeric type VTK allows for points).
fn points(u: &mut Unstructured, n: usize) -> Result<DataArray> {
    let ty = *u.choose(&ScalarType::NUMERIC)?;
    let mut p = array_of(u, n, ty, 3)?;
    if u.ratio(1, 2)? {
        p.name = None;
    }
    Ok(p)
}

/// An attribute collection of `tuples`-tuple arrays with random active roles.
fn attributes(u: &mut Unstructured, tuples: usize) -> Result<Attributes> {
    let count = if u.ratio(1, 3)? { 0 } else { small(u, 4)? };
    let arrays = (0..count).map(|_| array(u, tuples)).collect::<Result<Vec<_>>>()?;
    let mut attrs = Attributes::new();
    // Same-named arrays are kept (from_parts), as VTK's reader can produce them.
    for a in arrays {
        if u.ratio(1, 4)? {
            attrs.add(a);
        } else {
            attrs = Attributes::from_parts([attrs.arrays().to_vec(), vec![a]].concat(), attrs.active_all())
                .map_err(|_| arbitrary::Error::IncorrectFormat)?;
        }
    }
    for role in AttributeRole::ALL {
        if !attrs.is_empty() && u.ratio(1, 3)? {
            let i = u.int_in_range(0..=attrs.len() - 1)?;
            let _ = attrs.set_active(role, Some(i)); // refused when the array does not fit the role
        }
    }
    Ok(attrs)
}

/// Field data: arrays of any length (0 to 3 tuples).
fn field_data(u: &mut Unstructured) -> Result<Attributes> {
    let n = small(u, 3)?;
    attributes(u, n)
}

fn extent(u: &mut Unstructured) -> Result<[i32; 6]> {
    let mut e = [0i32; 6];
    if u.ratio(1, 10)? {
        return Ok([0, -1, 0, -1, 0, -1]);
    }
    for axis in 0..3 {
        let lo: i32 = if u.ratio(1, 2)? { 0 } else { int_value(u, &[-1, 1, -1000, i32::MIN / 2, i32::MAX - 4])? };
        let len = i32::try_from(small(u, 3)?).unwrap_or(0);
        e[2 * axis] = lo;
        e[2 * axis + 1] = lo.saturating_add(len);
    }
    Ok(e)
}

fn image(u: &mut Unstructured) -> Result<ImageData> {
    let e = extent(u)?;
    let mut i = ImageData::new(e, [finite(u)?, finite(u)?, finite(u)?], [finite(u)?, finite(u)?, finite(u)?]);
    if u.ratio(1, 4)? {
        for d in &mut i.direction {
            *d = finite(u)?;
        }
    }
    i.point_data = attributes(u, extent_points(&e))?;
    i.cell_data = attributes(u, extent_cells(&e))?;
    i.field_data = field_data(u)?;
    Ok(i)
}

fn cells(u: &mut Unstructured, npoints: usize, max_cells: usize) -> Result<CellArray> {
    let n = small(u, max_cells)?;
    let mut offsets = vec![0i64];
    let mut conn = Vec::new();
    for _ in 0..n {
        for _ in 0..small(u, 5)? {
            conn.push(point_id(u, npoints)?);
        }
        offsets.push(i64::try_from(conn.len()).unwrap_or(0));
    }
    CellArray::new(offsets.into(), conn.into()).map_err(|_| arbitrary::Error::IncorrectFormat)
}

/// A point id: valid mostly, sometimes out of range (validation must catch it).
fn point_id(u: &mut Unstructured, npoints: usize) -> Result<i64> {
    if npoints > 0 && !u.ratio(1, 50)? {
        let i = u.int_in_range(0..=npoints - 1)?;
        Ok(i64::try_from(i).unwrap_or(0))
    } else {
        int_value(u, &[-1i64, i64::MAX, 0, i64::try_from(npoints).unwrap_or(0)])
    }
}

fn poly(u: &mut Unstructured) -> Result<PolyData> {
    let np = small(u, 8)?;
    let mut p =
        PolyData { points: if np == 0 && u.ratio(1, 2)? { None } else { Some(points(u, np)?) }, ..PolyData::default() };
    for kind in PolyCells::ALL {
        if u.ratio(1, 2)? {
            p.cells[kind as usize] = cells(u, np, 4)?;
        }
    }
    let nc = p.num_cells();
    p.point_data = attributes(u, np)?;
    p.cell_data = attributes(u, nc)?;
    p.field_data = field_data(u)?;
    Ok(p)
}

/// Cell types with their fixed point counts (`None`: any count).
const CELL_TYPES: &[(u8, Option<usize>)] = &[
    (0, Some(0)),
    (1, Some(1)),
    (2, None),
    (3, Some(2)),
    (4, None),
    (5, Some(3)),
    (6, None),
    (7, None),
    (8, Some(4)),
    (9, Some(4)),
    (10, Some(4)),
    (11, Some(8)),
    (12, Some(8)),
    (13, Some(6)),
    (14, Some(5)),
    (21, Some(3)),
    (22, Some(6)),
    (24, Some(10)),
    (25, Some(20)),
    (29, Some(27)),
    (41, None),
    (68, None),
];

fn unstructured(u: &mut Unstructured) -> Result<UnstructuredGrid> {
    let np = small(u, 10)?;
    let mut offsets = vec![0i64];
    let mut conn = Vec::new();
    let mut types = Vec::new();
    for _ in 0..small(u, 4)? {
        if u.ratio(1, 6)? {
            // A polyhedron face stream [nFaces, n0, ids…, n1, ids…].
            let nf = small(u, 3)?;
            conn.push(i64::try_from(nf).unwrap_or(0));
            for _ in 0..nf {
                let k = small(u, 4)?;
                conn.push(i64::try_from(k).unwrap_or(0));
                for _ in 0..k {
                    conn.push(point_id(u, np)?);
                }
            }
            types.push(42);
        } else {
            let (ty, k) = *u.choose(CELL_TYPES)?;
            let k = k.unwrap_or(small(u, 6)?);
            for _ in 0..k {
                conn.push(point_id(u, np)?);
            }
            types.push(ty);
        }
        offsets.push(i64::try_from(conn.len()).unwrap_or(0));
    }
    let cells = CellArray::new(offsets.into(), conn.into()).map_err(|_| arbitrary::Error::IncorrectFormat)?;
    let nc = cells.len();
    Ok(UnstructuredGrid {
        points: if np == 0 && u.ratio(1, 2)? { None } else { Some(points(u, np)?) },
        cells,
        cell_types: types,
        point_data: attributes(u, np)?,
        cell_data: attributes(u, nc)?,
        field_data: field_data(u)?,
    })
}

fn graph(u: &mut Unstructured, tree: bool) -> Result<Graph> {
    let nv = small(u, 6)?;
    let mut edges = Vec::new();
    if tree {
        // Vertex v > 0 hangs under a vertex created before it: always a tree.
        for v in 1..nv {
            let p = u.int_in_range(0..=v - 1)?;
            edges.push([i64::try_from(p).unwrap_or(0), i64::try_from(v).unwrap_or(0)]);
        }
    } else {
        for _ in 0..small(u, 6)? {
            edges.push([point_id(u, nv)?, point_id(u, nv)?]);
        }
    }
    let mut g = Graph::new(nv, edges);
    if u.ratio(1, 2)? {
        g.points = Some(points(u, nv)?);
    }
    let ne = g.num_edges();
    g.vertex_data = attributes(u, nv)?;
    g.edge_data = attributes(u, ne)?;
    g.field_data = field_data(u)?;
    Ok(g)
}

fn amr(u: &mut Unstructured) -> Result<Amr> {
    let mut a = Amr::new([finite(u)?, finite(u)?, finite(u)?], if u.ratio(1, 2)? { 8 } else { u.int_in_range(0..=9)? });
    let mut spacing = [positive(u)?, positive(u)?, positive(u)?];
    for _ in 0..small(u, 3)? {
        let mut blocks = Vec::new();
        for _ in 0..small(u, 3)? {
            let lo = [small(u, 4)?, small(u, 4)?, small(u, 4)?];
            let len = [small(u, 2)?, small(u, 2)?, small(u, 2)?];
            let bbox = [0, 1, 2, 3, 4, 5].map(|i| {
                let v = if i < 3 { lo[i] } else { lo[i - 3] + len[i - 3] };
                i32::try_from(v).unwrap_or(0)
            });
            let grid = if u.ratio(2, 3)? {
                let mut e = [0i32; 6];
                for ax in 0..3 {
                    e[2 * ax] = bbox[ax];
                    e[2 * ax + 1] = bbox[ax + 3] + 1;
                }
                let mut g = ImageData::new(e, [finite(u)?, finite(u)?, finite(u)?], spacing);
                g.cell_data = attributes(u, extent_cells(&e))?;
                if u.ratio(1, 4)? {
                    g.point_data = attributes(u, extent_points(&e))?;
                }
                Some(g)
            } else {
                None
            };
            blocks.push(AmrBlock { bbox, grid });
        }
        let refinement_ratio = if u.ratio(3, 4)? { 2 } else { u.int_in_range(1..=4)? };
        a.levels.push(AmrLevel { spacing, refinement_ratio, blocks });
        spacing = spacing.map(|s| s / f64::from(refinement_ratio));
    }
    a.field_data = field_data(u)?;
    Ok(a)
}

/// An object of any of the twelve types; `depth` counts multiblock nesting.
pub fn object(u: &mut Unstructured, depth: usize) -> Result<DataObject> {
    let max_kind = if depth >= GEN_DEPTH { 10 } else { 11 };
    Ok(match u.int_in_range(0..=max_kind)? {
        0 => DataObject::ImageData(image(u)?),
        1 => DataObject::StructuredPoints(image(u)?),
        2 => {
            let e = extent(u)?;
            let mut r = RectilinearGrid::new(e);
            let dims = vtkwire::model::extent_dims(&e);
            for (axis, c) in r.coordinates.iter_mut().enumerate() {
                if extent_points(&e) > 0 || u.ratio(1, 2)? {
                    let ty = *u.choose(&ScalarType::NUMERIC)?;
                    let mut a = array_of(u, dims[axis], ty, 1)?;
                    if u.ratio(1, 2)? {
                        a.name = None;
                    }
                    *c = Some(a);
                }
            }
            r.point_data = attributes(u, extent_points(&e))?;
            r.cell_data = attributes(u, extent_cells(&e))?;
            r.field_data = field_data(u)?;
            DataObject::RectilinearGrid(r)
        }
        3 => {
            let e = extent(u)?;
            let mut s = StructuredGrid::new(e);
            let n = extent_points(&e);
            if n > 0 || u.ratio(1, 2)? {
                s.points = Some(points(u, n)?);
            }
            s.point_data = attributes(u, n)?;
            s.cell_data = attributes(u, extent_cells(&e))?;
            s.field_data = field_data(u)?;
            DataObject::StructuredGrid(s)
        }
        4 => DataObject::PolyData(poly(u)?),
        5 => DataObject::UnstructuredGrid(unstructured(u)?),
        6 => {
            let rows = small(u, 5)?;
            DataObject::Table(Table { row_data: attributes(u, rows)?, field_data: field_data(u)? })
        }
        7 => DataObject::DirectedGraph(graph(u, false)?),
        8 => DataObject::UndirectedGraph(graph(u, false)?),
        9 => DataObject::Tree(graph(u, true)?),
        10 => DataObject::OverlappingAmr(amr(u)?),
        _ => {
            // A deep chain needs few bytes: one child per level most of the way down.
            let n = if depth > 3 { small(u, 2)? } else { small(u, 4)? };
            let mut blocks = Vec::new();
            for _ in 0..n {
                let name = if u.ratio(1, 3)? { None } else { Some(text(u)?) };
                let object = if u.ratio(1, 5)? { None } else { Some(Box::new(object(u, depth + 1)?)) };
                blocks.push(Block { name, object });
            }
            DataObject::MultiBlock(MultiBlock { blocks, field_data: field_data(u)? })
        }
    })
}
