//! VTK's legacy format: the bytes of `vtkCommunicator::MarshalDataObject` and `.vtk` files.
//!
//! * [`marshal`] / [`unmarshal`]: exactly what VTK 9.1's `MarshalDataObject` /
//!   `UnMarshalDataObject` produce and accept: a zero-filled 128-byte `EXTENT` block before image
//!   data, structured points, rectilinear and structured grids, then a version 5.1 legacy file,
//!   BINARY (big-endian; ASCII for data sets with no points and no cells, as VTK does),
//!   `vtktypeint64` OFFSETS/CONNECTIVITY, composite `CHILD`/`ENDCHILD` nesting, OVERLAPPING_AMR.
//! * [`write_file_bytes`] / [`read_file_bytes`] (and the `Path` variants): `.vtk` files, ASCII or
//!   BINARY, without the EXTENT block. The reader accepts versions 2.0 to 5.1 (legacy 4.2 cell
//!   layout included), a leading EXTENT block, and everything VTK 9.1 writes for the 12 types.
//!
//! Hostile input: the reader justifies every count by the bytes that remain, charges what it
//! builds to one budget per read and allocates fallibly (the rule is stated in
//! [`crate::limits`]), refuses nesting deeper than the limit, and is linear in its input. Marshal
//! and write reserve their output fallibly at its planned size. FIELD array names VTK's reader
//! would misread (`METADATA…` after another array, `NULL_ARRAY`) are written with their first
//! character percent-encoded, which VTK decodes: every name round-trips.
//!
//! # What VTK sees, and what vtkwire keeps
//!
//! For an object VTK can represent exactly, the output is byte-identical to VTK 9.1's, with one
//! deliberate difference: doubles (SPACING, ORIGIN, AMR spacings, information values, ASCII
//! doubles) are printed with VTK's `%g` precision only when that reads back exactly, and with the
//! shortest exact text otherwise (`0.3333333333333333` where VTK writes `0.333333`). VTK's reader
//! parses full precision, so VTK gets the exact value too.
//!
//! Everything VTK would lose is kept in a **title-line extension**. The second header line, which
//! VTK stores as the file's title and never interprets (verified: VTK 9.1 reads titles of any
//! length silently, also in nested composite children), reads `vtk output` normally and
//! `vtk output vtkwire1 <token>…` when something needs it. Each nested child has its own title,
//! so tokens describe their own object. Tokens (`k` = number of the array in file order within
//! the object, counting points/coordinates placeholders; `a` = association code):
//!
//! | token | meaning | what VTK sees instead |
//! |---|---|---|
//! | `SP` | the object is `vtkStructuredPoints` (default on read: `vtkImageData`) | the same |
//! | `X=x0,…,z1` | extent of a nested/file structured object whose extent does not start at 0 | extent from DIMENSIONS (geometry kept via ORIGIN) |
//! | `O=x,y,z` | exact image origin when `ORIGIN − extentMin·spacing` does not give it back bit for bit | the printed ORIGIN |
//! | `D=…` | image direction matrix (not identity) | identity |
//! | `R=…` | AMR refinement ratios (default: rounded spacing ratio, 2 for the last level) | derived ratios |
//! | `N<k>` / `N<k>=name` | null name / exact name where the file shows `unknown`, a role default or nothing (points) | `unknown`, `scalars`, … |
//! | `I<k>` | a `vtkIdType` array with values beyond 32 bits, written losslessly as `vtktypeint64` | a `vtkTypeInt64Array` with the right values |
//! | `Z<k>` | graph points were not set (written as zeros, as VTK does) | zero points |
//! | `E<k>` | points/coordinates present although empty | no points |
//! | `C<k>` | component names present but all empty | no names |
//! | `L<k>=name` / `L<k>=name:rrggbbaa…` | lookup-table name / a lookup table VTK cannot carry (not on active non-uchar scalars, or 0 colours) | `lookup_table` / nothing |
//! | `Q<k>_<j>=…` | information entry `j` holding NaN/Inf (VTK skips those keys; exact bits) | key absent |
//! | `T<k>_<j>=c` | type of information entry `j` when its text is ambiguous (e.g. a string `"12"`, string vectors) | VTK resolves by key registry |
//! | `A<a>=order/roles` | array order and active roles of a section when the file's order (attributes first, then FIELD) or roles differ: one array with two roles, edge flags outside point data, roles in field data, roles of empty sections | arrays in file order, first of each role active |
//! | `B<i>=name` | block name containing a newline (written percent-encoded in the brackets) | the encoded name |
//!
//! vtkwire also writes, where VTK would drop data, things VTK 9.1 reads correctly: FIELD blocks
//! whose first array is empty; `POINT_DATA 0` (etc.) sections holding 0-tuple arrays; multi-component
//! bit arrays with all their bytes (VTK writes too few; the reader tolerates VTK's short form);
//! `signed_char` (VTK reads it as `char`, vtkwire as signed char); AMR field data as a trailing
//! FIELD block. Marshaling an empty data set whose ASCII form would hold NaN or infinity (which
//! VTK 9.1 cannot parse) switches to BINARY.
//!
//! Not preserved: NaN payloads in ASCII *files* (marshal switches to BINARY instead); reading
//! VTK 8 higher-order hexahedron numbering from files older than 5.1 is not converted.

mod encode;
mod ext;
mod extent;
mod read;
mod validate;
mod write;

use std::path::Path;

use crate::error::{Error, Result, Status};
use crate::limits::{Limits, try_vec};
use crate::model::DataObject;

pub use encode::{decode_bytes, encode_name, fmt_g};
pub use extent::BLOCK_LEN as EXTENT_BLOCK_LEN;

/// Whether VTK would marshal this object as ASCII (a data set with no points and no cells).
fn empty_dataset(obj: &DataObject) -> bool {
    use crate::model::Association::{Cell, Point};
    matches!(
        obj,
        DataObject::ImageData(_)
            | DataObject::StructuredPoints(_)
            | DataObject::RectilinearGrid(_)
            | DataObject::StructuredGrid(_)
            | DataObject::PolyData(_)
            | DataObject::UnstructuredGrid(_)
    ) && obj.count(Point).unwrap_or(0) + obj.count(Cell).unwrap_or(0) == 0
}

/// What a dry run planned: ASCII or BINARY, the exact total length, and the title of every
/// (nested) object in the order the real run writes them.
struct Plan {
    binary: bool,
    len: usize,
    titles: Vec<String>,
}

/// Chooses ASCII/BINARY as Marshal does and returns the plan. A dry run: headers are
/// formatted, payload sizes come from counts.
fn plan(obj: &DataObject) -> Result<Plan> {
    let block = if obj.has_extent() { extent::BLOCK_LEN } else { 0 };
    if empty_dataset(obj) {
        let mut w = write::Writer::dry(false);
        w.object(obj, 0, obj.has_extent())?;
        if !w.nonfinite {
            return Ok(Plan { binary: false, len: w.len.saturating_add(block), titles: w.into_titles() });
        }
    }
    let mut w = write::Writer::dry(true);
    w.object(obj, 0, obj.has_extent())?;
    Ok(Plan { binary: true, len: w.len.saturating_add(block), titles: w.into_titles() })
}

/// An output buffer of exactly `len` bytes, within the limits, allocated fallibly.
fn output_buffer(len: usize, what: &str) -> Result<Vec<u8>> {
    if len == usize::MAX {
        return Err(Error::new(
            Status::Alloc,
            format!("{what}: the object is too large to be written (its size overflows)"),
        ));
    }
    Limits::current().check_bytes(len, what)?;
    try_vec(len, what)
}

/// Validation before marshaling: `Ok(true)` when the cell checks are left to the writer's
/// payload pass (see [`validate`]), `Ok(false)` when the full validation already ran.
fn prevalidate(obj: &DataObject) -> Result<bool> {
    if validate::light(obj, validate::Deferred::Cells) {
        return Ok(true);
    }
    obj.validate()?;
    Ok(false)
}

/// The error for an object whose fused cell check failed: the reference validation's message.
fn invalid_cells(obj: &DataObject) -> Error {
    obj.validate().err().unwrap_or_else(|| {
        Error::new(Status::Panic, "internal error: the fused cell check disagrees with DataObject::validate")
    })
}

/// Writes the EXTENT block (when the object has one) and the legacy file for `obj`.
fn write_marshaled(w: &mut write::Writer<'_>, obj: &DataObject) -> Result<()> {
    if let Some(e) = obj.extent() {
        w.put_raw(&extent::block(&e));
    }
    w.object(obj, 0, obj.has_extent())
}

/// `vtkCommunicator::MarshalDataObject`: validates, then returns the marshaled bytes
/// (`None` → empty).
pub fn marshal(obj: Option<&DataObject>) -> Result<Vec<u8>> {
    let Some(obj) = obj else { return Ok(Vec::new()) };
    let check_cells = prevalidate(obj)?;
    let Plan { binary, len, titles } = plan(obj)?;
    let buf = output_buffer(len, "the marshaled bytes")?;
    let mut w = write::Writer::new(binary, write::Sink::Vec(buf)).with_titles(titles);
    w.check_cells = check_cells;
    write_marshaled(&mut w, obj)?;
    if w.bad_cells {
        return Err(invalid_cells(obj));
    }
    w.finish(len)
}

/// The exact length [`marshal`] returns, from counts (a dry run: headers are formatted, no
/// payload is copied or formatted). Validates as [`marshal`] does.
pub fn marshaled_len(obj: Option<&DataObject>) -> Result<usize> {
    let Some(obj) = obj else { return Ok(0) };
    if !(validate::light(obj, validate::Deferred::Ids) && validate::ids_in_range(obj)) {
        obj.validate()?;
    }
    let len = plan(obj)?.len;
    if len == usize::MAX {
        return Err(Error::out_of_range("the marshaled size of the object overflows"));
    }
    Ok(len)
}

/// Marshals straight into a caller buffer; returns the length used. `OutOfRange` (and nothing
/// written) if `out` is too small. On any other error the first bytes of `out` may have been
/// written (an invalid connectivity id is found while the connectivity is copied).
pub fn marshal_into(obj: Option<&DataObject>, out: &mut [u8]) -> Result<usize> {
    let Some(obj) = obj else { return Ok(0) };
    let check_cells = prevalidate(obj)?;
    let Plan { binary, len, titles } = plan(obj)?;
    if out.len() < len {
        return Err(Error::out_of_range(format!(
            "the marshaled object needs {len} bytes, the buffer has {}",
            out.len()
        )));
    }
    let buf = out.get_mut(..len).unwrap_or_default();
    let mut w = write::Writer::new(binary, write::Sink::Slice { buf, pos: 0, overflow: false }).with_titles(titles);
    w.check_cells = check_cells;
    write_marshaled(&mut w, obj)?;
    if w.bad_cells {
        return Err(invalid_cells(obj));
    }
    if w.overflowed() || w.len != len {
        return Err(Error::new(
            Status::Panic,
            format!("internal error: marshal_into planned {len} bytes, wrote {}", w.len),
        ));
    }
    Ok(len)
}

/// `vtkCommunicator::UnMarshalDataObject`: empty → `Ok(None)`. Under the process-wide
/// [`Limits`]; never allocates more than the input justifies (see [`crate::limits`]).
pub fn unmarshal(bytes: &[u8]) -> Result<Option<DataObject>> {
    unmarshal_with(bytes, &Limits::current())
}

/// [`unmarshal`] under the given limits.
pub fn unmarshal_with(bytes: &[u8], limits: &Limits) -> Result<Option<DataObject>> {
    if bytes.is_empty() {
        return Ok(None);
    }
    read_file_bytes_with(bytes, limits).map(Some)
}

/// Writes a `.vtk` file (no EXTENT block), ASCII or BINARY.
pub fn write_file_bytes(obj: &DataObject, binary: bool) -> Result<Vec<u8>> {
    obj.validate()?;
    let mut w = write::Writer::dry(binary);
    w.object(obj, 0, false)?;
    let len = w.len;
    let buf = output_buffer(len, "the legacy file")?;
    let mut real = write::Writer::new(binary, write::Sink::Vec(buf)).with_titles(w.into_titles());
    real.object(obj, 0, false)?;
    real.finish(len)
}

/// Reads any legacy file VTK 9.1 writes for the 12 types (an optional leading EXTENT block
/// is honoured as in `UnMarshalDataObject`), under the process-wide [`Limits`].
pub fn read_file_bytes(bytes: &[u8]) -> Result<DataObject> {
    read_file_bytes_with(bytes, &Limits::current())
}

/// [`read_file_bytes`] under the given limits.
pub fn read_file_bytes_with(bytes: &[u8], limits: &Limits) -> Result<DataObject> {
    let (block, start) =
        if extent::has_block(bytes) { (Some(extent::read_block(bytes)?), extent::BLOCK_LEN) } else { (None, 0) };
    let mut p = read::Parser::new(bytes, start, limits);
    let obj = p.object(0, block)?;
    // The parser range-checked every connectivity id while decoding it, and CellArray::new
    // checked every layout; the rest is cheap.
    if p.ids_bad || !validate::light(&obj, validate::Deferred::IdsTrustedLayout) {
        obj.validate().map_err(|e| {
            Error::new(e.status, format!("decoded object (starting at byte {start}) is invalid: {}", e.message))
        })?;
    }
    Ok(obj)
}

pub fn write_file(obj: &DataObject, path: &Path, binary: bool) -> Result<()> {
    let bytes = write_file_bytes(obj, binary)?;
    std::fs::write(path, bytes).map_err(|e| Error::new(Status::Io, format!("writing {}: {e}", path.display())))
}

/// Reads a legacy file; a file larger than the maximum object size is refused before it is
/// read, and its buffer is allocated fallibly.
pub fn read_file(path: &Path) -> Result<DataObject> {
    use std::io::Read;
    let io = |e: std::io::Error| Error::new(Status::Io, format!("reading {}: {e}", path.display()));
    let f = std::fs::File::open(path).map_err(io)?;
    let file_len = f.metadata().map_err(io)?.len();
    let limits = Limits::current();
    let what = format!("reading {}", path.display());
    let len = usize::try_from(file_len)
        .map_err(|_| Error::new(Status::LimitExceeded, format!("{what}: the file is too large")))?;
    limits.check_bytes(len, &what)?;
    let mut bytes = try_vec(len, &what)?;
    // `take` keeps a file that grows while it is read within the size checked.
    f.take(file_len).read_to_end(&mut bytes).map_err(io)?;
    read_file_bytes_with(&bytes, &limits)
}
