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
//! header message (so `MPI_ANY_SOURCE` is race-free with several senders).

use std::ffi::c_int;
use std::mem::MaybeUninit;
use std::sync::atomic::{AtomicI32, AtomicUsize, Ordering};

use mpi_sys as ffi;

use crate::error::{Error, Result, Status};
use crate::model::{ArrayData, DataArray, DataObject, ScalarType};
use crate::mpi::codec;
use crate::mpi::comm::Comm;
use crate::mpi::sys::{self, Dt, check};

/// VTK_CHAR, the element type of a marshaled buffer.
pub const VTK_CHAR: i32 = 2;

/// VTK's `ANY_SOURCE` (-1); `MPI_ANY_SOURCE` is accepted too (it is -2 in MPICH).
pub const VTK_ANY_SOURCE: i32 = -1;

static ARRAY_COUNTER: AtomicI32 = AtomicI32::new(1000);
static OBJECT_COUNTER: AtomicI32 = AtomicI32::new(1000);
static CHUNK_ELEMENTS: AtomicUsize = AtomicUsize::new(i32::MAX as usize);

/// Elements per point-to-point message (`INT_MAX`, as VTK). Tests lower it on every rank to
/// exercise the chunking (including the trailing empty message) without 2 GiB buffers.
#[doc(hidden)]
pub fn set_chunk_elements_for_testing(n: usize) {
    CHUNK_ELEMENTS.store(n.clamp(1, i32::MAX as usize), Ordering::Relaxed);
}

pub(crate) fn chunk_elements() -> usize {
    CHUNK_ELEMENTS.load(Ordering::Relaxed)
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
    Ok(match ty {
        ScalarType::Char => (Dt::Char, 1),
        ScalarType::SignedChar => (Dt::SignedChar, 1),
        ScalarType::UnsignedChar => (Dt::UnsignedChar, 1),
        ScalarType::Short => (Dt::Short, 2),
        ScalarType::UnsignedShort => (Dt::UnsignedShort, 2),
        ScalarType::Int => (Dt::Int, 4),
        ScalarType::UnsignedInt => (Dt::Unsigned, 4),
        ScalarType::Long => (Dt::Long, 8),
        ScalarType::UnsignedLong => (Dt::UnsignedLong, 8),
        ScalarType::LongLong => (Dt::LongLong, 8),
        ScalarType::UnsignedLongLong => (Dt::UnsignedLongLong, 8),
        ScalarType::Float => (Dt::Float, 4),
        ScalarType::Double => (Dt::Double, 8),
        // vtkIdType is long long; VTK sends it as MPI_LONG when sizeof(long) == 8.
        ScalarType::IdType => (Dt::Long, 8),
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
    })
}

// ---- raw blocking primitives -------------------------------------------------------------

pub(crate) fn send_ints(comm: &Comm, v: &[i32], dest: i32, tag: i32) -> Result<()> {
    // SAFETY: `v` is valid for v.len() ints; the datatype matches.
    check(
        unsafe { ffi::MPI_Send(sys::buf(v.as_ptr()), v.len() as c_int, Dt::Int.handle(), dest, tag, comm.raw()) },
        "MPI_Send",
    )
}

pub(crate) fn send_i64(comm: &Comm, v: i64, dest: i32, tag: i32) -> Result<()> {
    // SAFETY: one long long.
    check(
        unsafe { ffi::MPI_Send((&v as *const i64).cast(), 1, Dt::LongLong.handle(), dest, tag, comm.raw()) },
        "MPI_Send",
    )
}

/// §4.1 `SendVoidArray`: chunks of `INT_MAX` elements, a trailing empty message when the
/// length is an exact multiple.
pub(crate) fn send_chunked(comm: &Comm, bytes: &[u8], dt: Dt, elem: usize, dest: i32, tag: i32) -> Result<()> {
    let chunk = chunk_elements();
    let mut rest = bytes.len() / elem;
    let mut off = 0usize;
    loop {
        let n = rest.min(chunk);
        // SAFETY: bytes[off..off + n*elem] is in bounds; n ≤ INT_MAX.
        check(
            unsafe { ffi::MPI_Send(sys::buf(bytes[off..].as_ptr()), n as c_int, dt.handle(), dest, tag, comm.raw()) },
            "MPI_Send",
        )?;
        off += n * elem;
        rest -= n;
        if n < chunk {
            return Ok(());
        }
    }
}

/// Receives `n` ints from (src, tag); returns them with the actual source.
pub(crate) fn recv_ints<const N: usize>(comm: &Comm, src: i32, tag: i32) -> Result<([i32; N], i32)> {
    let mut v = [0i32; N];
    let mut st = sys::empty_status();
    // SAFETY: v holds N ints.
    check(
        unsafe {
            ffi::MPI_Recv(sys::buf_mut(v.as_mut_ptr()), N as c_int, Dt::Int.handle(), src, tag, comm.raw(), &mut st)
        },
        "MPI_Recv",
    )?;
    let count = get_count(&st, Dt::Int)?;
    if count != N as c_int {
        return Err(Error::new(
            Status::Protocol,
            format!("expected {N} MPI_INT on tag {tag}, got {count} (not VTK's protocol)"),
        ));
    }
    Ok((v, st.MPI_SOURCE))
}

pub(crate) fn recv_i64(comm: &Comm, src: i32, tag: i32) -> Result<i64> {
    let mut v = 0i64;
    let mut st = sys::empty_status();
    // SAFETY: one long long.
    check(
        unsafe { ffi::MPI_Recv((&mut v as *mut i64).cast(), 1, Dt::LongLong.handle(), src, tag, comm.raw(), &mut st) },
        "MPI_Recv",
    )?;
    if get_count(&st, Dt::LongLong)? != 1 {
        return Err(Error::new(Status::Protocol, format!("expected 1 MPI_LONG_LONG on tag {tag}")));
    }
    Ok(v)
}

pub(crate) fn get_count(st: &ffi::MPI_Status, dt: Dt) -> Result<c_int> {
    let mut n: c_int = 0;
    // SAFETY: a status filled by MPI.
    check(unsafe { ffi::MPI_Get_count(st, dt.handle(), &mut n) }, "MPI_Get_count")?;
    Ok(n)
}

/// §4.1 `ReceiveVoidArray` into `buf` (`buf.len() / elem` elements expected), which need not be
/// initialised: MPI only writes it. Every byte is written when this returns `Ok`.
pub(crate) fn recv_chunked(
    comm: &Comm,
    buf: &mut [MaybeUninit<u8>],
    dt: Dt,
    elem: usize,
    src: i32,
    tag: i32,
) -> Result<()> {
    let chunk = chunk_elements();
    let total = buf.len() / elem;
    let mut got = 0usize;
    loop {
        let want = (total - got).min(chunk);
        let mut st = sys::empty_status();
        // SAFETY: buf[got*elem..] holds at least `want` elements; MPI writes at most that many.
        check(
            unsafe {
                ffi::MPI_Recv(
                    sys::buf_mut(buf[got * elem..].as_mut_ptr().cast::<u8>()),
                    want as c_int,
                    dt.handle(),
                    src,
                    tag,
                    comm.raw(),
                    &mut st,
                )
            },
            "MPI_Recv",
        )?;
        let c = get_count(&st, dt)?.max(0) as usize;
        got += c;
        if c < chunk {
            break;
        }
    }
    if got != total {
        return Err(Error::new(
            Status::Protocol,
            format!("expected {total} values on tag {tag}, the sender sent {got}"),
        ));
    }
    Ok(())
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
                if v.len() > i32::MAX as usize {
                    return Err(Error::out_of_range("array name too long"));
                }
                v
            }
        };
        Ok(ArrayWire { code: a.scalar_type().code(), dt, elem, tuples, comps, name, bytes })
    }

    /// A marshaled buffer as VTK sends it: a 1-component unnamed char array.
    pub fn chars(bytes: &'a [u8]) -> ArrayWire<'a> {
        ArrayWire {
            code: VTK_CHAR,
            dt: Dt::Char,
            elem: 1,
            tuples: bytes.len() as i64,
            comps: 1,
            name: Vec::new(),
            bytes,
        }
    }
}

/// Messages #2..#7 of §4.2 on the mangled tag `m`.
fn send_array_body(comm: &Comm, w: &ArrayWire<'_>, dest: i32, m: i32) -> Result<()> {
    send_ints(comm, &[w.code], dest, m)?;
    send_i64(comm, w.tuples, dest, m)?;
    send_ints(comm, &[w.comps], dest, m)?;
    send_ints(comm, &[w.name.len() as i32], dest, m)?;
    if !w.name.is_empty() {
        // SAFETY: the name bytes, as MPI_CHAR.
        check(
            unsafe {
                ffi::MPI_Send(sys::buf(w.name.as_ptr()), w.name.len() as c_int, Dt::Char.handle(), dest, m, comm.raw())
            },
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
        let len = self.tuples * self.comps;
        let data = ArrayData::from_native_bytes(ty, &self.bytes, len)?;
        DataArray::new(self.name.as_deref(), self.comps.max(1), data)
    }
}

/// Reads messages #2..#7 of §4.2 from (src, m). Always consumes the whole sequence (also for
/// types it then rejects), so nothing stays queued. `None` = null array.
pub fn recv_array_body(comm: &Comm, src: i32, m: i32) -> Result<Option<RawArray>> {
    let ([code], _) = recv_ints::<1>(comm, src, m)?;
    if code < 0 {
        return Ok(None);
    }
    let tuples = recv_i64(comm, src, m)?;
    let ([comps], _) = recv_ints::<1>(comm, src, m)?;
    let ([name_len], _) = recv_ints::<1>(comm, src, m)?;
    let name = if name_len > 0 {
        // One message (a name is far below INT_MAX; the sender does not chunk it).
        let mut b = vec![0u8; name_len as usize];
        let mut st = sys::empty_status();
        // SAFETY: b holds name_len bytes.
        check(
            unsafe {
                ffi::MPI_Recv(sys::buf_mut(b.as_mut_ptr()), name_len, Dt::Char.handle(), src, m, comm.raw(), &mut st)
            },
            "MPI_Recv",
        )?;
        let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
        Some(String::from_utf8_lossy(&b[..end]).into_owned())
    } else {
        None
    };
    if tuples < 0 || comps < 0 {
        return Err(Error::new(Status::Protocol, format!("negative size: {tuples} tuples × {comps} components")));
    }
    let len = (tuples as u64)
        .checked_mul(comps as u64)
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| Error::new(Status::Protocol, "array size overflows"))?;
    // VTK sends unknown and bit types as MPI_BYTE, one byte per element (§4.1, §4.2).
    let (dt, elem, known) = match ScalarType::from_code(code).map(wire_type) {
        Some(Ok((dt, e))) => (dt, e, true),
        _ => (Dt::Byte, 1, false),
    };
    let nbytes = len.checked_mul(elem).ok_or_else(|| Error::new(Status::Protocol, "array size overflows"))?;
    let mut bytes = Vec::new();
    bytes
        .try_reserve_exact(nbytes)
        .map_err(|_| Error::new(Status::Alloc, format!("cannot allocate {nbytes} bytes")))?;
    // Received into the spare capacity: no zero-filling pass over memory MPI overwrites anyway.
    if len > 0 {
        recv_chunked(comm, &mut bytes.spare_capacity_mut()[..nbytes], dt, elem, src, m)?;
    }
    // SAFETY: recv_chunked returned Ok, so MPI wrote all `nbytes` bytes (or there are none).
    unsafe { bytes.set_len(nbytes) };
    if !known {
        return Err(Error::new(Status::WrongArrayType, format!("received an array of unsupported VTK type {code}")));
    }
    Ok(Some(RawArray { code, tuples: tuples as usize, comps: comps as usize, name, bytes }))
}

/// Receives the `int[2] {rank, mangled}` header; returns (actual source, mangled tag).
pub fn recv_header(comm: &Comm, src: c_int, tag: c_int) -> Result<(i32, i32)> {
    let ([_rank, t], actual) = recv_ints::<2>(comm, src, tag)?;
    if !(0..=comm.tag_ub()).contains(&t) {
        return Err(Error::new(Status::Protocol, format!("header announces tag {t}, outside 0..=MPI_TAG_UB")));
    }
    Ok((actual, t))
}

/// `vtkCommunicator::Receive(vtkDataArray*)` into a new array; `None` = null array.
pub fn recv_array(comm: &Comm, source: i32, tag: i32) -> Result<Option<DataArray>> {
    let src = source_arg(comm, source)?;
    let tag = recv_tag_arg(comm, tag)?;
    let (src, m) = recv_header(comm, src, tag)?;
    recv_array_body(comm, src, m)?.map(RawArray::into_array).transpose()
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

/// The char buffer after an object's type code (a full §4.2 sequence with outer tag `t`).
fn recv_char_buffer(comm: &Comm, src: i32, t: i32) -> Result<Vec<u8>> {
    let (src2, m) = recv_header(comm, src, t)?;
    match recv_array_body(comm, src2, m)? {
        Some(raw) if raw.code == VTK_CHAR => Ok(raw.bytes),
        Some(raw) => Err(Error::new(
            Status::Protocol,
            format!("a data object's buffer must be a char array, got type {}", raw.code),
        )),
        None => Ok(Vec::new()),
    }
}

/// Receives a data object's messages: (type code, marshaled bytes). Code `-1` (null) and
/// types VTK does not send come with no bytes.
pub fn recv_marshaled(comm: &Comm, source: i32, tag: i32) -> Result<(i32, Vec<u8>)> {
    let src = source_arg(comm, source)?;
    let tag = recv_tag_arg(comm, tag)?;
    let (src, t) = recv_header(comm, src, tag)?;
    let ([code], _) = recv_ints::<1>(comm, src, t)?;
    if code < 0 || !vtk_sendable(code) {
        return Ok((code, Vec::new()));
    }
    Ok((code, recv_char_buffer(comm, src, t)?))
}

/// `ReceiveDataObject(src, tag)`: a new object, `None` for the null object (and, as VTK, for
/// a type VTK does not send).
pub fn recv_object(comm: &Comm, source: i32, tag: i32) -> Result<Option<DataObject>> {
    let (code, bytes) = recv_marshaled(comm, source, tag)?;
    if code < 0 || !vtk_sendable(code) {
        return Ok(None);
    }
    codec::unmarshal(&bytes)?.map(|o| typed(o, code)).transpose()
}

/// The unmarshaled object as the announced type; a buffer of another type is a protocol error.
fn typed(o: DataObject, code: i32) -> Result<DataObject> {
    let o = codec::as_type(o, code);
    if o.type_code() != code {
        return Err(Error::new(
            Status::Protocol,
            format!("the sender announced data-object type {code} but sent a {} buffer", o.class_name()),
        ));
    }
    Ok(o)
}

/// `Receive(vtkDataObject*, src, tag)`: the sent type must equal `obj`'s type. On a mismatch
/// the remaining messages are drained (unlike VTK) and `WrongObjectType` is returned; `obj` is
/// only replaced on success.
pub fn recv_object_into(comm: &Comm, source: i32, tag: i32, obj: &mut DataObject) -> Result<()> {
    let (code, bytes) = recv_marshaled(comm, source, tag)?;
    if code != obj.type_code() {
        return Err(Error::wrong_object_type(format!(
            "the sender sent data-object type {code}{}, the receiving object is a {} (type {})",
            if code < 0 { " (null object)" } else { "" },
            obj.class_name(),
            obj.type_code()
        )));
    }
    match codec::unmarshal(&bytes)? {
        Some(o) => {
            *obj = typed(o, code)?;
            Ok(())
        }
        None => Err(Error::new(Status::Protocol, "the sender sent an empty buffer for a non-null object")),
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
