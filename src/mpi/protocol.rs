//! VTK's point-to-point message sequences (reference §4.1–§4.3), message for message.
//!
//! * Data array (`vtkCommunicator::Send(vtkDataArray*)`): `int[2] {rank, M}` on the user tag,
//!   then on `M`: `int` type, `long long` tuples, `int` components, `int` name length incl. NUL,
//!   the name as `MPI_CHAR`, the values in the element's MPI datatype (chunked at `INT_MAX`).
//! * Data object (`Send(vtkDataObject*)`): `int[2] {rank, T}` on the user tag, `int` type code on
//!   `T` (`-1` = null object, stop), then the marshaled bytes as a char array sent with outer tag
//!   `T`.
//! * `M = tag + N`, `T = tag + K`: two process-wide counters starting at 1000, as VTK's
//!   function-local statics; they wrap back to 1000 before a mangled tag would pass `MPI_TAG_UB`.
//!
//! Receivers never predict tags: they read them from the header and pin the source of the
//! header message (so `MPI_ANY_SOURCE` is race-free with several senders). Receiving is
//! [`crate::mpi::decode`] (what the messages mean, checked before anything is allocated) driven
//! by [`crate::mpi::receive`] (probing, receiving, draining after a violation).

use std::ffi::c_int;
use std::sync::atomic::{AtomicI32, AtomicUsize, Ordering};
use std::time::Duration;

use mpi_sys as ffi;

use crate::error::{Error, Result, Status};
use crate::model::{ArrayData, DataArray, DataObject, ScalarType};
use crate::mpi::codec;
use crate::mpi::comm::Comm;
use crate::mpi::decode::{self, Decoded, Decoder, Limits, Want};
use crate::mpi::receive;
use crate::mpi::sys::{self, Dt, check};

/// VTK_CHAR, the element type of a marshaled buffer.
pub const VTK_CHAR: i32 = 2;

/// VTK's `ANY_SOURCE` (-1); `MPI_ANY_SOURCE` is accepted too (it is -2 in MPICH).
pub const VTK_ANY_SOURCE: i32 = -1;

static ARRAY_COUNTER: AtomicI32 = AtomicI32::new(1000);
static OBJECT_COUNTER: AtomicI32 = AtomicI32::new(1000);
static CHUNK_ELEMENTS: AtomicUsize = AtomicUsize::new(INT_MAX);

/// `INT_MAX` as a count of elements.
const INT_MAX: usize = i32::MAX.unsigned_abs() as usize;

/// Elements per point-to-point message (`INT_MAX`, as VTK). Tests lower it on every rank to
/// exercise the chunking (including the trailing empty message) without 2 GiB buffers.
#[doc(hidden)]
pub fn set_chunk_elements_for_testing(n: usize) {
    CHUNK_ELEMENTS.store(n.clamp(1, INT_MAX), Ordering::Relaxed);
}

pub(crate) fn chunk_elements() -> usize {
    CHUNK_ELEMENTS.load(Ordering::Relaxed)
}

/// The default of [`max_receive_bytes`]: no bound beyond the bytes that actually arrived.
pub const DEFAULT_MAX_RECEIVE_BYTES: usize = isize::MAX.unsigned_abs();

static MAX_RECEIVE_BYTES: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_RECEIVE_BYTES);

/// The most bytes one receive allocates for an array name or for the values / marshaled bytes
/// of one send: the process-wide maximum object size (`crate::limits`,
/// `vtkwire_limits_set_max_object_bytes`), or less if [`set_max_receive_bytes`] lowered it. A
/// sender announcing more gets `OUT_OF_RANGE`, and its messages are discarded without being
/// allocated. (Every allocation is in any case checked against the size of the message that
/// actually arrived, and reserved fallibly.)
pub fn max_receive_bytes() -> usize {
    MAX_RECEIVE_BYTES.load(Ordering::Relaxed).min(crate::limits::Limits::current().max_object_bytes)
}

/// Sets [`max_receive_bytes`] for the process; returns the previous value.
pub fn set_max_receive_bytes(n: usize) -> usize {
    MAX_RECEIVE_BYTES.swap(n, Ordering::Relaxed)
}

/// Data-object types `vtkCommunicator::Send(vtkDataObject*)` accepts (reference §2.4).
pub fn vtk_sendable(code: i32) -> bool {
    matches!(code, 0 | 1 | 2 | 3 | 4 | 6 | 13 | 19 | 21 | 23 | 24 | 29 | 31 | 37 | 38)
}

/// `tag + counter`, advancing the counter; wraps to 1000 so that the result stays ≤ `limit`.
fn mangle(counter: &AtomicI32, tag: i32, limit: i32) -> Result<i32> {
    loop {
        let n = counter.load(Ordering::Relaxed);
        let use_n = if i64::from(tag) + i64::from(n) > i64::from(limit) { 1000 } else { n };
        if i64::from(tag) + i64::from(use_n) > i64::from(limit) {
            return Err(Error::out_of_range(format!(
                "tag {tag} leaves no room for VTK's mangled tags (tag + 1000 must stay ≤ {limit})"
            )));
        }
        if counter.compare_exchange(n, use_n + 1, Ordering::Relaxed, Ordering::Relaxed).is_ok() {
            return Ok(tag + use_n);
        }
    }
}

/// The mangled tag of an array send (`tag + N`).
pub(crate) fn mangle_array_tag(comm: &Comm, tag: i32) -> Result<i32> {
    mangle(&ARRAY_COUNTER, tag, comm.tag_ub())
}

/// The tags of an object send: `T = tag + K` and, if a buffer follows, `M = T + N`.
pub(crate) fn mangle_object_tags(comm: &Comm, tag: i32, inner: bool) -> Result<(i32, i32)> {
    let t = mangle(&OBJECT_COUNTER, tag, comm.tag_ub() - 1000)?;
    let m = if inner { mangle(&ARRAY_COUNTER, t, comm.tag_ub())? } else { 0 };
    Ok((t, m))
}

/// The MPI datatype and element size VTK uses for an array type (reference §1.1, LP64).
pub fn wire_type(ty: ScalarType) -> Result<(Dt, usize)> {
    let dt = match ty {
        ScalarType::Char => Dt::Char,
        ScalarType::SignedChar => Dt::SignedChar,
        ScalarType::UnsignedChar => Dt::UnsignedChar,
        ScalarType::Short => Dt::Short,
        ScalarType::UnsignedShort => Dt::UnsignedShort,
        ScalarType::Int => Dt::Int,
        ScalarType::UnsignedInt => Dt::Unsigned,
        ScalarType::Long => Dt::Long,
        ScalarType::UnsignedLong => Dt::UnsignedLong,
        ScalarType::LongLong => Dt::LongLong,
        ScalarType::UnsignedLongLong => Dt::UnsignedLongLong,
        ScalarType::Float => Dt::Float,
        ScalarType::Double => Dt::Double,
        // vtkIdType is long long; VTK sends it as MPI_LONG when sizeof(long) == 8.
        ScalarType::IdType => Dt::Long,
        ScalarType::Bit => {
            return Err(Error::new(
                Status::WrongArrayType,
                "bit arrays cannot be sent: VTK transfers n bytes for n bits (reference §4.2)",
            ));
        }
        ScalarType::String | ScalarType::Variant => {
            return Err(Error::new(
                Status::WrongArrayType,
                format!("{ty} arrays are not vtkDataArrays and cannot be sent"),
            ));
        }
    };
    // The element size comes from the model's one list of element types.
    let size = ty.size().ok_or_else(|| Error::new(Status::WrongArrayType, format!("{ty} has no element size")))?;
    Ok((dt, size))
}

// ---- raw blocking primitives -------------------------------------------------------------

/// `n` as an MPI count.
pub(crate) fn count(n: usize) -> Result<c_int> {
    c_int::try_from(n).map_err(|_| Error::out_of_range(format!("{n} elements exceed INT_MAX in one message")))
}

pub(crate) fn send_ints(comm: &Comm, v: &[i32], dest: i32, tag: i32) -> Result<()> {
    let n = count(v.len())?;
    // SAFETY: `v` is valid for v.len() ints; the datatype matches.
    check(unsafe { ffi::MPI_Send(sys::buf(v.as_ptr()), n, Dt::Int.handle(), dest, tag, comm.raw()) }, "MPI_Send")
}

pub(crate) fn send_i64(comm: &Comm, v: i64, dest: i32, tag: i32) -> Result<()> {
    // SAFETY: one long long, read only.
    check(unsafe { ffi::MPI_Send((&raw const v).cast(), 1, Dt::LongLong.handle(), dest, tag, comm.raw()) }, "MPI_Send")
}

/// §4.1 `SendVoidArray`: chunks of `INT_MAX` elements, a trailing empty message when the
/// length is an exact multiple.
pub(crate) fn send_chunked(comm: &Comm, bytes: &[u8], dt: Dt, elem: usize, dest: i32, tag: i32) -> Result<()> {
    let chunk = chunk_elements();
    let mut rest = bytes.len() / elem;
    let mut off = 0usize;
    loop {
        let n = rest.min(chunk);
        let c = count(n)?;
        check(
            // SAFETY: bytes[off..off + n*elem] is in bounds and only read.
            unsafe { ffi::MPI_Send(sys::buf(bytes[off..].as_ptr()), c, dt.handle(), dest, tag, comm.raw()) },
            "MPI_Send",
        )?;
        off += n * elem;
        rest -= n;
        if n < chunk {
            return Ok(());
        }
    }
}

// ---- argument resolution -------------------------------------------------------------------

/// A receive source: a rank, `MPI_ANY_SOURCE`, or VTK's `ANY_SOURCE` (-1) where -1 is not
/// `MPI_PROC_NULL` (MPICH's `MPI_PROC_NULL` is -1: there it is rejected like any non-rank).
pub fn source_arg(comm: &Comm, source: i32) -> Result<c_int> {
    if source == sys::any_source() || (source == VTK_ANY_SOURCE && sys::proc_null() != VTK_ANY_SOURCE) {
        Ok(sys::any_source())
    } else {
        comm.check_rank(source, "source")?;
        Ok(source)
    }
}

/// A receive tag: a user tag or `MPI_ANY_TAG`.
pub fn recv_tag_arg(comm: &Comm, tag: i32) -> Result<c_int> {
    if tag == sys::any_tag() { Ok(tag) } else { comm.check_tag(tag, "tag").map(|_| tag) }
}

// ---- data arrays (§4.2) ------------------------------------------------------------------

/// What §4.2 puts on the wire for one array, validated before any message is sent.
pub struct ArrayWire<'a> {
    pub code: i32,
    pub dt: Dt,
    pub elem: usize,
    pub tuples: i64,
    pub comps: i32,
    /// Name bytes including the NUL (VTK's `strlen + 1`), or empty for a null name.
    pub name: Vec<u8>,
    pub bytes: &'a [u8],
}

impl<'a> ArrayWire<'a> {
    pub fn of(a: &'a DataArray) -> Result<ArrayWire<'a>> {
        let (dt, elem) = wire_type(a.scalar_type())?;
        let bytes = a.data().bytes().unwrap_or(&[]);
        let comps = i32::try_from(a.components())
            .map_err(|_| Error::out_of_range(format!("{} components do not fit an int", a.components())))?;
        let tuples = i64::try_from(a.tuples()).map_err(|_| Error::out_of_range("too many tuples"))?;
        let name = match &a.name {
            None => Vec::new(),
            Some(s) => {
                let b = s.as_bytes();
                let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
                let mut v = b[..end].to_vec();
                v.push(0);
                count(v.len()).map_err(|_| Error::out_of_range("array name too long"))?;
                v
            }
        };
        Ok(ArrayWire { code: a.scalar_type().code(), dt, elem, tuples, comps, name, bytes })
    }

    /// A marshaled buffer as VTK sends it: a 1-component unnamed char array.
    pub fn chars(bytes: &'a [u8]) -> ArrayWire<'a> {
        // A slice never holds more than isize::MAX bytes.
        let tuples = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
        ArrayWire { code: VTK_CHAR, dt: Dt::Char, elem: 1, tuples, comps: 1, name: Vec::new(), bytes }
    }
}

/// Messages #2..#7 of §4.2 on the mangled tag `m`.
fn send_array_body(comm: &Comm, w: &ArrayWire<'_>, dest: i32, m: i32) -> Result<()> {
    send_ints(comm, &[w.code], dest, m)?;
    send_i64(comm, w.tuples, dest, m)?;
    send_ints(comm, &[w.comps], dest, m)?;
    let name_len = count(w.name.len())?;
    send_ints(comm, &[name_len], dest, m)?;
    if !w.name.is_empty() {
        check(
            // SAFETY: the name bytes, as MPI_CHAR, only read.
            unsafe { ffi::MPI_Send(sys::buf(w.name.as_ptr()), name_len, Dt::Char.handle(), dest, m, comm.raw()) },
            "MPI_Send",
        )?;
    }
    if !w.bytes.is_empty() {
        send_chunked(comm, w.bytes, w.dt, w.elem, dest, m)?;
    }
    Ok(())
}

/// `Send(vtkDataArray*)` with a prepared wire description; `None` = null array (type -1).
pub fn send_array_wire(comm: &Comm, w: Option<&ArrayWire<'_>>, dest: i32, tag: i32) -> Result<()> {
    comm.check_rank(dest, "dest")?;
    comm.check_tag(tag, "tag")?;
    let m = mangle(&ARRAY_COUNTER, tag, comm.tag_ub())?;
    send_ints(comm, &[comm.rank(), m], dest, tag)?;
    match w {
        None => send_ints(comm, &[-1], dest, m),
        Some(w) => send_array_body(comm, w, dest, m),
    }
}

/// `vtkCommunicator::Send(vtkDataArray*, dest, tag)`; `None` sends VTK's null array.
pub fn send_array(comm: &Comm, a: Option<&DataArray>, dest: i32, tag: i32) -> Result<()> {
    let w = a.map(ArrayWire::of).transpose()?;
    send_array_wire(comm, w.as_ref(), dest, tag)
}

/// An array as read off the wire (messages #2..#7), before it becomes a [`DataArray`].
#[derive(Debug)]
pub struct RawArray {
    pub code: i32,
    pub tuples: usize,
    pub comps: usize,
    pub name: Option<String>,
    pub bytes: Vec<u8>,
}

impl RawArray {
    pub fn into_array(self) -> Result<DataArray> {
        let ty = ScalarType::from_code(self.code)
            .ok_or_else(|| Error::new(Status::WrongArrayType, format!("unknown array type {}", self.code)))?;
        wire_type(ty)?;
        let len = self.tuples.checked_mul(self.comps).ok_or_else(|| {
            Error::out_of_range(format!("{} tuples × {} components overflow", self.tuples, self.comps))
        })?;
        let data = ArrayData::from_native_bytes(ty, &self.bytes, len)?;
        DataArray::new(self.name.as_deref(), self.comps.max(1), data)
    }
}

/// `vtkCommunicator::Receive(vtkDataArray*)` into a new array; `None` = null array.
///
/// Every message is probed before it is received and checked against what the sender announced
/// (see [`crate::mpi::receive`]); a violation returns `PROTOCOL` after the rest of the send was
/// drained. Blocks until the sender's messages arrive: see [`recv_array_timeout`].
pub fn recv_array(comm: &Comm, source: i32, tag: i32) -> Result<Option<DataArray>> {
    array_of(receive::receive(comm, source, tag, Decoder::new(Want::Array, limits(comm)))?)
}

/// [`recv_array`] that gives up after `timeout` with `TIMEOUT` (nothing left half-received).
pub fn recv_array_timeout(comm: &Comm, source: i32, tag: i32, timeout: Duration) -> Result<Option<DataArray>> {
    array_of(receive::receive_within(comm, source, tag, Decoder::new(Want::Array, limits(comm)), timeout)?)
}

fn array_of(d: Decoded) -> Result<Option<DataArray>> {
    match d {
        Decoded::Array(a) => a.map(RawArray::into_array).transpose(),
        Decoded::Object { .. } => Err(Error::new(Status::Panic, "an array receive decoded an object")),
    }
}

/// The bounds of a receive on `comm`.
pub fn limits(comm: &Comm) -> Limits {
    Limits { tag_ub: comm.tag_ub(), chunk_elements: chunk_elements(), max_bytes: max_receive_bytes() }
}

// ---- data objects (§4.3) -----------------------------------------------------------------

/// `Send(vtkDataObject*)` of an already marshaled buffer with the given type code
/// (`-1` = null object: 2 messages).
pub fn send_marshaled(comm: &Comm, code: i32, bytes: &[u8], dest: i32, tag: i32) -> Result<()> {
    comm.check_rank(dest, "dest")?;
    comm.check_tag(tag, "tag")?;
    if code >= 0 && !vtk_sendable(code) {
        return Err(Error::wrong_object_type(format!("VTK's Send does not accept data-object type {code}")));
    }
    // T must leave room for T + 1000 (the inner char-array tag).
    let t = mangle(&OBJECT_COUNTER, tag, comm.tag_ub() - 1000)?;
    send_ints(comm, &[comm.rank(), t], dest, tag)?;
    send_ints(comm, &[code], dest, t)?;
    if code < 0 {
        return Ok(());
    }
    send_array_wire(comm, Some(&ArrayWire::chars(bytes)), dest, t)
}

/// `vtkCommunicator::Send(vtkDataObject*, dest, tag)`; `None` is the null object.
pub fn send_object(comm: &Comm, obj: Option<&DataObject>, dest: i32, tag: i32) -> Result<()> {
    comm.check_rank(dest, "dest")?;
    comm.check_tag(tag, "tag")?;
    match obj {
        None => send_marshaled(comm, -1, &[], dest, tag),
        Some(o) => {
            let bytes = codec::marshal(Some(o))?;
            send_marshaled(comm, o.type_code(), &bytes, dest, tag)
        }
    }
}

fn marshaled_of(d: Decoded) -> Result<(i32, Vec<u8>)> {
    match d {
        Decoded::Object { code, bytes } => Ok((code, bytes)),
        Decoded::Array(_) => Err(Error::new(Status::Panic, "an object receive decoded an array")),
    }
}

/// Receives a data object's messages: (type code, marshaled bytes). Code `-1` (null) and
/// types VTK does not send come with no bytes; every other type comes with a non-empty buffer
/// (VTK never sends one empty, except vtkUniformGridAMR, 29).
pub fn recv_marshaled(comm: &Comm, source: i32, tag: i32) -> Result<(i32, Vec<u8>)> {
    marshaled_of(receive::receive(comm, source, tag, Decoder::new(Want::Object, limits(comm)))?)
}

/// `ReceiveDataObject(src, tag)`: a new object, `None` for the null object (and, as VTK, for
/// a type VTK does not send). Blocks until the sender's messages arrive: see
/// [`recv_object_timeout`].
pub fn recv_object(comm: &Comm, source: i32, tag: i32) -> Result<Option<DataObject>> {
    let (code, bytes) = recv_marshaled(comm, source, tag)?;
    decode::object_from(code, &bytes)
}

/// [`recv_object`] that gives up after `timeout`: `TIMEOUT` with nothing received if the sender
/// did not start in time, or after discarding the part of its send that arrived.
pub fn recv_object_timeout(comm: &Comm, source: i32, tag: i32, timeout: Duration) -> Result<Option<DataObject>> {
    let d = receive::receive_within(comm, source, tag, Decoder::new(Want::Object, limits(comm)), timeout)?;
    let (code, bytes) = marshaled_of(d)?;
    decode::object_from(code, &bytes)
}

/// `Receive(vtkDataObject*, src, tag)`: the sent type must equal `obj`'s type. On a mismatch
/// the remaining messages are drained (unlike VTK) without allocating the buffer, and
/// `WrongObjectType` is returned; `obj` is only replaced on success.
pub fn recv_object_into(comm: &Comm, source: i32, tag: i32, obj: &mut DataObject) -> Result<()> {
    let code = obj.type_code();
    let dec = Decoder::new(Want::Object, limits(comm)).with_object_type(code);
    let (sent, bytes) = marshaled_of(receive::receive(comm, source, tag, dec)?)?;
    match decode::object_from(sent, &bytes)? {
        Some(o) => {
            *obj = o;
            Ok(())
        }
        None => Err(Error::wrong_object_type(format!(
            "the sender sent data-object type {sent}, which VTK does not send; the receiving object is a {} (type {code})",
            obj.class_name()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mangling_wraps_before_tag_ub() {
        let c = AtomicI32::new(1000);
        assert_eq!(mangle(&c, 77, i32::MAX).unwrap(), 1077);
        assert_eq!(mangle(&c, 77, i32::MAX).unwrap(), 1078);
        let c = AtomicI32::new(5000);
        assert_eq!(mangle(&c, 100, 5000).unwrap(), 1100);
        assert_eq!(c.load(Ordering::Relaxed), 1001);
        assert_eq!(mangle(&AtomicI32::new(1000), 4500, 5000).unwrap_err().status, Status::OutOfRange);
    }

    #[test]
    fn wire_types_follow_vtk() {
        assert_eq!(wire_type(ScalarType::IdType).unwrap().0, Dt::Long);
        assert_eq!(wire_type(ScalarType::UnsignedInt).unwrap().0, Dt::Unsigned);
        assert_eq!(wire_type(ScalarType::LongLong).unwrap().0, Dt::LongLong);
        assert_eq!(wire_type(ScalarType::Bit).unwrap_err().status, Status::WrongArrayType);
        for t in ScalarType::NUMERIC {
            assert_eq!(wire_type(t).unwrap().1, t.size().unwrap());
        }
    }
}
