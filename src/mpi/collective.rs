//! VTK's collectives (reference §4.4), VTK 9.1 flavour call for call, except where the peer
//! version selects a later release's sequence ([`peer`], reference §4.10):
//!
//! * `Broadcast(vtkDataArray)`: `Bcast` of the type (`int`), tuples (`long long`), components
//!   (`int`), name length incl. NUL (`int`), the name (`char`, only if the length is > 0) and the
//!   values (always issued, count may be 0).
//! * `Broadcast(vtkDataObject)`: the marshaled buffer broadcast as a char array (type 2, length,
//!   1, 0, bytes). No data-object type code travels.
//! * `Gather`/`AllGather(vtkDataArray)`: one `MPI_Gather`/`MPI_Allgather` of tuples×components.
//! * `GatherV`/`AllGatherV(vtkDataArray)`: one `long long` length per rank, then
//!   `MPI_Gatherv`/`MPI_Allgatherv`. `AllGatherV` exchanges the lengths with `MPI_Allgather`;
//!   the root-ed `GatherV` with `MPI_Gather` to the root for VTK ≤ 9.4 peers (the default, 9.1)
//!   and with `MPI_Allgather` for VTK ≥ 9.5 peers (reference §4.10), per [`peer`].
//! * `Gather`/`AllGather(vtkDataObject)`: marshal (null → empty), then the GatherV/AllGatherV
//!   sequence on the char buffers; empty slices come back as null objects.
//! * `Scatter(vtkDataArray)`: one `MPI_Scatter` of the receiver's tuples×components.
//! * `Reduce`/`AllReduce(vtkDataArray)`: one `MPI_Reduce`/`MPI_Allreduce` with the MPI op of
//!   VTK's operation code (reference §1.3).
//!
//! VTK issues no barrier in release builds (Debian's VTK is one), and neither does vtkwire.
//! Every function validates its local arguments before its first MPI call; remote
//! inconsistencies (different counts for `Gather`) are MPI's to report.

use std::ffi::{c_int, c_void};

use mpi_sys as ffi;

use crate::error::{Error, Result, Status};
use crate::model::{ArrayData, DataArray, DataObject, ScalarType};
use crate::mpi::codec;
use crate::mpi::comm::Comm;
use crate::mpi::peer;
use crate::mpi::protocol::{self, ArrayWire, RawArray, VTK_CHAR, wire_type};
use crate::mpi::sink::Sink;
use crate::mpi::sys::{self, Dt, check};

/// Elements per collective call: `INT_MAX`. Longer broadcasts are split into several
/// `MPI_Bcast`s (VTK 9.1 refuses them; the split only changes anything beyond its limit).
const CHUNK: usize = i32::MAX.unsigned_abs() as usize;

fn to_int(n: usize, what: &str) -> Result<c_int> {
    c_int::try_from(n).map_err(|_| {
        Error::out_of_range(format!("{what}: {n} elements exceed INT_MAX (VTK 9.1's collectives take int counts)"))
    })
}

fn bcast_raw(comm: &Comm, p: *mut c_void, n: usize, dt: Dt, root: i32) -> Result<()> {
    // SAFETY: `p` holds `n` elements of `dt` on every rank (the caller sized it).
    check(unsafe { ffi::MPI_Bcast(p, to_int(n, "MPI_Bcast")?, dt.handle(), root, comm.raw()) }, "MPI_Bcast")
}

/// Broadcast of `bytes.len() / elem` elements, split at `INT_MAX`, always at least one call.
fn bcast_values(comm: &Comm, bytes: &mut [u8], dt: Dt, elem: usize, root: i32) -> Result<()> {
    let total = bytes.len() / elem;
    if total == 0 {
        return bcast_raw(comm, sys::buf_mut(bytes.as_mut_ptr()), 0, dt, root);
    }
    let mut off = 0;
    while off < total {
        let n = (total - off).min(CHUNK);
        bcast_raw(comm, sys::buf_mut(bytes[off * elem..].as_mut_ptr()), n, dt, root)?;
        off += n;
    }
    Ok(())
}

fn check_root(comm: &Comm, root: i32) -> Result<()> {
    comm.check_rank(root, "root")
}

/// `Broadcast(vtkDataArray*)` of a prepared description. On the root `w` is required and the
/// result is `None`; on the others `w` is ignored and the result is the received array.
pub fn bcast_array_wire(comm: &Comm, w: Option<&ArrayWire<'_>>, root: i32) -> Result<Option<RawArray>> {
    check_root(comm, root)?;
    if comm.rank() == root {
        let w = w.ok_or_else(|| Error::new(Status::NullArgument, "the root of a broadcast needs an array"))?;
        let mut code = w.code;
        let mut tuples = w.tuples;
        let mut comps = w.comps;
        let mut name_len = protocol::count(w.name.len())?;
        bcast_raw(comm, (&raw mut code).cast(), 1, Dt::Int, root)?;
        bcast_raw(comm, (&raw mut tuples).cast(), 1, Dt::LongLong, root)?;
        bcast_raw(comm, (&raw mut comps).cast(), 1, Dt::Int, root)?;
        bcast_raw(comm, (&raw mut name_len).cast(), 1, Dt::Int, root)?;
        if name_len > 0 {
            // MPI_Bcast takes a mutable buffer; the root's is only read.
            bcast_raw(comm, sys::buf(w.name.as_ptr()), w.name.len(), Dt::Char, root)?;
        }
        let total = w.bytes.len() / w.elem;
        if total == 0 {
            bcast_raw(comm, sys::buf(w.bytes.as_ptr()), 0, w.dt, root)?;
        }
        let mut off = 0;
        while off < total {
            let n = (total - off).min(CHUNK);
            bcast_raw(comm, sys::buf(w.bytes[off * w.elem..].as_ptr()), n, w.dt, root)?;
            off += n;
        }
        return Ok(None);
    }
    let (mut code, mut tuples, mut comps, mut name_len) = (0i32, 0i64, 0i32, 0i32);
    bcast_raw(comm, (&raw mut code).cast(), 1, Dt::Int, root)?;
    bcast_raw(comm, (&raw mut tuples).cast(), 1, Dt::LongLong, root)?;
    bcast_raw(comm, (&raw mut comps).cast(), 1, Dt::Int, root)?;
    bcast_raw(comm, (&raw mut name_len).cast(), 1, Dt::Int, root)?;
    bcast_receive(comm, root, code, tuples, comps, name_len).map(Some)
}

/// The receiving side of `Broadcast(vtkDataArray*)` after the four size broadcasts.
///
/// A broadcast cannot be probed: the counts come from the root and the receivers must issue the
/// same `MPI_Bcast`s as the root. So a receiver follows the root's sequence as VTK's root issues
/// it for the announced fields (the name iff its length is > 0; the values, `tuples ×
/// components` of them in `INT_MAX` pieces, whenever that is defined), and takes anything it
/// refuses (over the receive limit, an unknown type, a violation) into a [`Sink`] of bounded
/// memory — then returns the error. A root whose later broadcasts do not match its own
/// announcement breaks the collective for every rank, as any mismatched MPI collective does:
/// that cannot be detected, only bounded.
fn bcast_receive(comm: &Comm, root: i32, code: i32, tuples: i64, comps: i32, name_len: i32) -> Result<RawArray> {
    let limit = protocol::max_receive_bytes();
    let mut error: Option<Error> = None;
    let violation = |what: String| Error::new(Status::Protocol, format!("broadcast from root {root}: {what}"));
    let mut name = None;
    if name_len < 0 {
        keep(&mut error, violation(format!("the name length is {name_len}; a length is ≥ 0")));
    } else if name_len > 0 {
        let n = usize::try_from(name_len).unwrap_or(usize::MAX);
        if n > limit {
            keep(
                &mut error,
                Error::out_of_range(format!(
                    "broadcast from root {root}: a {n}-byte name exceeds the receive limit ({limit} bytes)"
                )),
            );
            let mut sink = Sink::new(n)?;
            bcast_raw(comm, sink.ptr(), n, Dt::Char, root)?;
        } else {
            let mut b = alloc_bytes(n)?;
            bcast_raw(comm, sys::buf_mut(b.as_mut_ptr()), n, Dt::Char, root)?;
            match b.split_last() {
                Some((0, text)) => {
                    let end = text.iter().position(|&c| c == 0).unwrap_or(text.len());
                    match std::str::from_utf8(&text[..end]) {
                        Ok(s) => name = Some(s.to_owned()),
                        Err(_) => keep(
                            &mut error,
                            Error::new(
                                Status::InvalidUtf8,
                                format!("broadcast from root {root}: the array name is not UTF-8"),
                            ),
                        ),
                    }
                }
                _ => keep(&mut error, violation("the name does not end with the NUL its length counts".to_owned())),
            }
        }
    }
    let typed = ScalarType::from_code(code).map(wire_type);
    // VTK broadcasts types it has no MPI datatype for as MPI_BYTE, one byte each (§4.1).
    let (dt, elem) = match typed {
        Some(Ok(t)) => t,
        _ => (Dt::Byte, 1),
    };
    if !matches!(typed, Some(Ok(_))) {
        keep(
            &mut error,
            Error::new(
                Status::WrongArrayType,
                format!("broadcast from root {root}: array type {code} cannot be received"),
            ),
        );
    }
    if tuples < 0 || comps < 0 {
        // No defined count for the values broadcast: the collective cannot be followed further.
        keep(&mut error, violation(format!("{tuples} tuples × {comps} components announced")));
        return Err(error.unwrap_or_else(|| violation("invalid sizes".into())));
    }
    if comps == 0 {
        keep(&mut error, violation("0 components announced; an array has at least 1".to_owned()));
    }
    let elements = u64::try_from(tuples)
        .ok()
        .and_then(|t| t.checked_mul(u64::try_from(comps).ok()?))
        .and_then(|n| usize::try_from(n).ok())
        .filter(|n| n.checked_mul(elem).is_some());
    let Some(elements) = elements else {
        keep(&mut error, violation(format!("{tuples} tuples × {comps} components overflow")));
        return Err(error.unwrap_or_else(|| violation("invalid sizes".into())));
    };
    let nbytes = elements * elem;
    if nbytes > limit {
        keep(
            &mut error,
            Error::out_of_range(format!(
                "broadcast from root {root}: {tuples} tuples × {comps} components of {elem} bytes exceed the receive limit ({limit} bytes)"
            )),
        );
    }
    if let Some(e) = error {
        // Take part in the values broadcast without keeping them, then report.
        let mut sink = Sink::new(elements.clamp(1, CHUNK) * elem)?;
        bcast_into_sink(comm, &mut sink, elements, dt, root)?;
        return Err(e);
    }
    let mut bytes = alloc_bytes(nbytes)?;
    bcast_values(comm, &mut bytes, dt, elem, root)?;
    let tuples = usize::try_from(tuples).unwrap_or(0);
    let comps = usize::try_from(comps).unwrap_or(0);
    Ok(RawArray { code, tuples, comps, name, bytes })
}

/// Records `e` unless an error is recorded already (the first one is reported).
fn keep(slot: &mut Option<Error>, e: Error) {
    slot.get_or_insert(e);
}

/// The values broadcast of `elements` elements received into a sink (one chunk at a time).
fn bcast_into_sink(comm: &Comm, sink: &mut Sink, elements: usize, dt: Dt, root: i32) -> Result<()> {
    if elements == 0 {
        return bcast_raw(comm, sink.ptr(), 0, dt, root);
    }
    let mut off = 0;
    while off < elements {
        let n = (elements - off).min(CHUNK);
        bcast_raw(comm, sink.ptr(), n, dt, root)?;
        off += n;
    }
    Ok(())
}

fn alloc_bytes(n: usize) -> Result<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| Error::new(Status::Alloc, format!("cannot allocate {n} bytes")))?;
    v.resize(n, 0);
    Ok(v)
}

/// `Broadcast(vtkDataArray*, root)`: `a` is read on the root only; non-roots get the array.
pub fn bcast_array(comm: &Comm, a: Option<&DataArray>, root: i32) -> Result<Option<DataArray>> {
    check_root(comm, root)?;
    let w = if comm.rank() == root { a.map(ArrayWire::of).transpose()? } else { None };
    bcast_array_wire(comm, w.as_ref(), root)?.map(RawArray::into_array).transpose()
}

/// `Broadcast(vtkDataObject*, root)`: `obj` is read on the root only (`None` = null object);
/// non-roots get `Some(received)` (`Some(None)` for a null/empty object), the root `None`.
pub fn bcast_object(comm: &Comm, obj: Option<&DataObject>, root: i32) -> Result<Option<Option<DataObject>>> {
    check_root(comm, root)?;
    if comm.rank() == root {
        let bytes = codec::marshal(obj)?;
        bcast_array_wire(comm, Some(&ArrayWire::chars(&bytes)), root)?;
        return Ok(None);
    }
    let raw = bcast_array_wire(comm, None, root)?.ok_or_else(|| Error::new(Status::Protocol, "no broadcast buffer"))?;
    if raw.code != VTK_CHAR {
        return Err(Error::new(Status::Protocol, format!("object broadcast of a type-{} array", raw.code)));
    }
    Ok(Some(codec::unmarshal(&raw.bytes)?))
}

// ---- gathers ---------------------------------------------------------------------------------

/// How a variable-length gather exchanges its per-rank lengths (one `MPI_LONG_LONG` each).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lengths {
    /// `MPI_Gather` to this root (VTK ≤ 9.4's root-ed `GatherV`).
    ToRoot(i32),
    /// `MPI_Allgather` (every `AllGatherV`, and VTK ≥ 9.5's root-ed `GatherV`).
    ToAll,
}

impl Lengths {
    /// The exchange for a gather to `root` (`None`: an all-gather). Root-ed gathers read the
    /// process-wide peer version, so a malformed `VTKWIRE_VTK_PEER_VERSION` fails here,
    /// before any MPI call.
    fn for_gather(root: Option<i32>) -> Result<Lengths> {
        Ok(match root {
            None => Lengths::ToAll,
            Some(_) if peer::vtk_peer_version()?.allgathers_gatherv_lengths() => Lengths::ToAll,
            Some(r) => Lengths::ToRoot(r),
        })
    }
}

/// Exchanges one `long long` per rank. With [`Lengths::ToRoot`] only the root's result holds
/// the lengths (the others get zeros); with [`Lengths::ToAll`] every rank's does.
fn gather_lengths(comm: &Comm, mine: i64, how: Lengths) -> Result<Vec<i64>> {
    let mut all = vec![0i64; comm.size() as usize];
    let mut v = mine;
    // SAFETY: one long long sent, `size` received (only written at the root for MPI_Gather).
    let rc = unsafe {
        match how {
            Lengths::ToRoot(r) => ffi::MPI_Gather(
                (&mut v as *mut i64).cast(),
                1,
                Dt::LongLong.handle(),
                sys::buf_mut(all.as_mut_ptr()),
                1,
                Dt::LongLong.handle(),
                r,
                comm.raw(),
            ),
            Lengths::ToAll => ffi::MPI_Allgather(
                (&mut v as *mut i64).cast(),
                1,
                Dt::LongLong.handle(),
                sys::buf_mut(all.as_mut_ptr()),
                1,
                Dt::LongLong.handle(),
                comm.raw(),
            ),
        }
    };
    check(rc, if matches!(how, Lengths::ToRoot(_)) { "MPI_Gather" } else { "MPI_Allgather" })?;
    Ok(all)
}

/// int counts and displacements from element counts. Each count and each displacement must fit
/// an `int` (the MPI-3 signatures VTK uses); the total may exceed INT_MAX (the last rank's part
/// may end beyond it).
fn counts_displs(lens: &[i64]) -> Result<(Vec<c_int>, Vec<c_int>, usize)> {
    let mut counts = Vec::with_capacity(lens.len());
    let mut displs = Vec::with_capacity(lens.len());
    let mut total: usize = 0;
    for (r, &l) in lens.iter().enumerate() {
        let l = usize::try_from(l).map_err(|_| Error::new(Status::Protocol, format!("rank {r} sent length {l}")))?;
        counts.push(to_int(l, &format!("rank {r}'s part"))?);
        displs.push(to_int(total, &format!("offset of rank {r}'s part in the gathered result"))?);
        total = total.checked_add(l).ok_or_else(|| Error::out_of_range("gathered total overflows"))?;
    }
    Ok((counts, displs, total))
}

/// The variable-length gather (`GatherV`, `AllGatherV` with `root = None`) of `bytes`
/// (`bytes.len() / elem` elements of `dt`). Returns, where received, the concatenation and the
/// per-rank element counts. A root-ed gather exchanges the lengths as the peer version says
/// ([`peer::vtk_peer_version`]: `MPI_Gather` below 9.5, `MPI_Allgather` from 9.5 on).
pub fn gatherv_bytes(
    comm: &Comm,
    bytes: &[u8],
    dt: Dt,
    elem: usize,
    root: Option<i32>,
) -> Result<Option<(Vec<u8>, Vec<usize>)>> {
    let n = bytes.len() / elem;
    let nint = to_int(n, "the local part")?;
    let how = Lengths::for_gather(root)?;
    let lens = gather_lengths(comm, i64::try_from(n).map_err(|_| Error::out_of_range("part too long"))?, how)?;
    // When every rank has the lengths, every rank checks them before the data moves, so a part
    // that cannot be described with int displacements fails on all ranks alike instead of
    // leaving the senders in MPI_Gatherv. With the lengths at the root only (VTK 9.1's
    // sequence) only the root can know; as in VTK, the other ranks then wait.
    let layout = match how {
        Lengths::ToAll => Some(counts_displs(&lens)?),
        Lengths::ToRoot(_) => None,
    };
    let receives = root.is_none_or(|r| r == comm.rank());
    if !receives {
        check(
            // SAFETY: counts/displs/recvbuf are ignored at non-roots.
            unsafe {
                ffi::MPI_Gatherv(
                    sys::buf(bytes.as_ptr()),
                    nint,
                    dt.handle(),
                    std::ptr::null_mut(),
                    std::ptr::null(),
                    std::ptr::null(),
                    dt.handle(),
                    root.unwrap_or(0),
                    comm.raw(),
                )
            },
            "MPI_Gatherv",
        )?;
        return Ok(None);
    }
    let (counts, displs, total) = match layout {
        Some(l) => l,
        None => counts_displs(&lens)?,
    };
    // The other ranks send regardless: a total over the receive limit is taken into a sink of
    // bounded memory, then refused.
    let nbytes = total.checked_mul(elem).ok_or_else(|| Error::out_of_range("gathered size overflows"))?;
    let limit = protocol::max_receive_bytes();
    let mut sink = if nbytes > limit { Some(Sink::new(nbytes)?) } else { None };
    let mut out = if sink.is_some() { Vec::new() } else { alloc_bytes(nbytes)? };
    let recv = match &mut sink {
        Some(s) => s.ptr(),
        None => sys::buf_mut(out.as_mut_ptr()),
    };
    // SAFETY: `recv` holds Σcounts elements; counts/displs have `size` entries.
    let rc = unsafe {
        match root {
            Some(r) => ffi::MPI_Gatherv(
                sys::buf(bytes.as_ptr()),
                nint,
                dt.handle(),
                recv,
                counts.as_ptr(),
                displs.as_ptr(),
                dt.handle(),
                r,
                comm.raw(),
            ),
            None => ffi::MPI_Allgatherv(
                sys::buf(bytes.as_ptr()),
                nint,
                dt.handle(),
                recv,
                counts.as_ptr(),
                displs.as_ptr(),
                dt.handle(),
                comm.raw(),
            ),
        }
    };
    check(rc, if root.is_some() { "MPI_Gatherv" } else { "MPI_Allgatherv" })?;
    if sink.is_some() {
        return Err(Error::out_of_range(format!(
            "the gathered parts ({nbytes} bytes) exceed the receive limit ({limit} bytes)"
        )));
    }
    let lens = lens.iter().map(|&l| usize::try_from(l).unwrap_or(0)).collect();
    Ok(Some((out, lens)))
}

/// `Gather(vtkDataObject*, vector&, root)` (`root = None`: `AllGather`): one object per rank,
/// in rank order, `None` for ranks that sent a null object. Non-roots get `None`.
///
/// Unlike VTK (whose no-object unmarshal turns image data into vtkStructuredPoints), each
/// object comes back as the type its bytes describe. With a root, the lengths travel as the
/// peer version says (see [`gatherv_bytes`]).
pub fn gather_objects(
    comm: &Comm,
    obj: Option<&DataObject>,
    root: Option<i32>,
) -> Result<Option<Vec<Option<DataObject>>>> {
    if let Some(r) = root {
        check_root(comm, r)?;
    }
    let bytes = codec::marshal(obj)?;
    let Some((all, lens)) = gatherv_bytes(comm, &bytes, Dt::Char, 1, root)? else { return Ok(None) };
    let mut out = Vec::with_capacity(lens.len());
    let mut off = 0;
    for (r, l) in lens.into_iter().enumerate() {
        out.push(codec::unmarshal(&all[off..off + l]).map_err(|e| e.context(format!("object from rank {r}")))?);
        off += l;
    }
    Ok(Some(out))
}

/// Scatters one object per rank from the root (not a VTK call: the `ScatterV` counterpart of
/// the object gather — `MPI_Scatter` of one `long long` length, then `MPI_Scatterv` of the
/// marshaled bytes). `objs` is read on the root only and must hold `size` entries.
pub fn scatter_objects(comm: &Comm, objs: Option<&[Option<&DataObject>]>, root: i32) -> Result<Option<DataObject>> {
    check_root(comm, root)?;
    let size = comm.size() as usize;
    // The root prepares everything before the first MPI call. If that fails it still takes part
    // in the length scatter, sending -1 to every rank, so all ranks return an error instead of
    // waiting in MPI_Scatterv (this call is vtkwire's own: no VTK peer to stay compatible with).
    let mut root_error = None;
    let (mut lens, all, counts, displs) = if comm.rank() == root {
        match scatter_prepare(objs, size) {
            Ok(p) => p,
            Err(e) => {
                root_error = Some(e);
                (vec![-1i64; size], Vec::new(), Vec::new(), Vec::new())
            }
        }
    } else {
        (Vec::new(), Vec::new(), Vec::new(), Vec::new())
    };
    let mut all = all;
    let mut mine = 0i64;
    check(
        // SAFETY: root sends `size` long longs; everyone receives one.
        unsafe {
            ffi::MPI_Scatter(
                sys::buf_mut(lens.as_mut_ptr()),
                1,
                Dt::LongLong.handle(),
                (&mut mine as *mut i64).cast(),
                1,
                Dt::LongLong.handle(),
                root,
                comm.raw(),
            )
        },
        "MPI_Scatter",
    )?;
    if let Some(e) = root_error {
        return Err(e);
    }
    if mine == -1 {
        return Err(Error::new(
            Status::Protocol,
            format!("the root (rank {root}) of the object scatter failed before sending"),
        ));
    }
    let n = usize::try_from(mine).map_err(|_| Error::new(Status::Protocol, format!("scattered length {mine}")))?;
    let limit = protocol::max_receive_bytes();
    let mut sink = if n > limit { Some(Sink::new(n)?) } else { None };
    let mut buf = if sink.is_some() { Vec::new() } else { alloc_bytes(n)? };
    let recv = match &mut sink {
        Some(s) => s.ptr(),
        None => sys::buf_mut(buf.as_mut_ptr()),
    };
    let (cp, dp) =
        if comm.rank() == root { (counts.as_ptr(), displs.as_ptr()) } else { (std::ptr::null(), std::ptr::null()) };
    check(
        // SAFETY: root's buffer holds Σcounts bytes; `recv` holds `n`.
        unsafe {
            ffi::MPI_Scatterv(
                sys::buf_mut(all.as_mut_ptr()),
                cp,
                dp,
                Dt::Char.handle(),
                recv,
                to_int(n, "scattered part")?,
                Dt::Char.handle(),
                root,
                comm.raw(),
            )
        },
        "MPI_Scatterv",
    )?;
    if sink.is_some() {
        return Err(Error::out_of_range(format!(
            "the scattered object ({n} bytes) exceeds the receive limit ({limit} bytes)"
        )));
    }
    codec::unmarshal(&buf)
}

/// The root's half of [`scatter_objects`]: lengths, concatenated bytes, counts, displacements.
#[allow(clippy::type_complexity)]
fn scatter_prepare(
    objs: Option<&[Option<&DataObject>]>,
    size: usize,
) -> Result<(Vec<i64>, Vec<u8>, Vec<c_int>, Vec<c_int>)> {
    let objs = objs.ok_or_else(|| Error::new(Status::NullArgument, "the root of a scatter needs the objects"))?;
    if objs.len() != size {
        return Err(Error::invalid_argument(format!("{} objects for {size} ranks", objs.len())));
    }
    let mut lens = Vec::with_capacity(size);
    let mut all = Vec::new();
    for (r, o) in objs.iter().enumerate() {
        let b = codec::marshal(*o).map_err(|e| e.context(format!("object for rank {r}")))?;
        lens.push(i64::try_from(b.len()).map_err(|_| Error::out_of_range("object too long"))?);
        all.try_reserve(b.len())
            .map_err(|_| Error::new(Status::Alloc, format!("cannot allocate {} bytes", all.len() + b.len())))?;
        all.extend_from_slice(&b);
    }
    let (counts, displs, _) = counts_displs(&lens)?;
    Ok((lens, all, counts, displs))
}

fn array_like(template: &DataArray, bytes: &[u8], elements: usize) -> Result<DataArray> {
    let ty = template.scalar_type();
    let data = ArrayData::from_native_bytes(ty, bytes, elements)?;
    let mut a = DataArray::new(template.name.as_deref(), template.components().max(1), data)?;
    a.component_names = template.component_names.clone();
    Ok(a)
}

/// `Gather(vtkDataArray*, vtkDataArray*, root)` (`root = None`: `AllGather`): every rank sends
/// the same tuples×components; the result (root / everyone) has the sender's name and
/// components and `size` times the tuples.
pub fn gather_array(comm: &Comm, a: &DataArray, root: Option<i32>) -> Result<Option<DataArray>> {
    if let Some(r) = root {
        check_root(comm, r)?;
    }
    let w = ArrayWire::of(a)?;
    let n = w.bytes.len() / w.elem;
    let nint = to_int(n, "the local part")?;
    let receives = root.is_none_or(|r| r == comm.rank());
    let mut out = if receives { alloc_bytes(w.bytes.len() * comm.size() as usize)? } else { Vec::new() };
    // SAFETY: `out` holds size × n elements where read; send buffer only read.
    let rc = unsafe {
        match root {
            Some(r) => ffi::MPI_Gather(
                sys::buf(w.bytes.as_ptr()),
                nint,
                w.dt.handle(),
                sys::buf_mut(out.as_mut_ptr()),
                nint,
                w.dt.handle(),
                r,
                comm.raw(),
            ),
            None => ffi::MPI_Allgather(
                sys::buf(w.bytes.as_ptr()),
                nint,
                w.dt.handle(),
                sys::buf_mut(out.as_mut_ptr()),
                nint,
                w.dt.handle(),
                comm.raw(),
            ),
        }
    };
    check(rc, if root.is_some() { "MPI_Gather" } else { "MPI_Allgather" })?;
    if !receives {
        return Ok(None);
    }
    array_like(a, &out, n * comm.size() as usize).map(Some)
}

/// `GatherV(vtkDataArray*, vtkDataArray*, root)` (`root = None`: `AllGatherV`): parts of any
/// length (whole tuples); the result has Σ/components tuples. With a root, the lengths travel
/// as the peer version says (see [`gatherv_bytes`]).
pub fn gatherv_array(comm: &Comm, a: &DataArray, root: Option<i32>) -> Result<Option<DataArray>> {
    if let Some(r) = root {
        check_root(comm, r)?;
    }
    let w = ArrayWire::of(a)?;
    let Some((out, lens)) = gatherv_bytes(comm, w.bytes, w.dt, w.elem, root)? else { return Ok(None) };
    let total: usize = lens.iter().sum();
    if !total.is_multiple_of(a.components().max(1)) {
        return Err(Error::new(
            Status::Protocol,
            format!("gathered {total} values, not a multiple of {} components", a.components()),
        ));
    }
    array_like(a, &out, total).map(Some)
}

/// `Scatter(vtkDataArray* s, vtkDataArray* r, root)`: every rank receives `recv`'s
/// tuples×components values (VTK requires `r` pre-sized everywhere) of `recv`'s type; the
/// root's `send` (read on the root only) holds `size` times that many of the same type.
pub fn scatter_array(comm: &Comm, send: Option<&DataArray>, recv: &mut DataArray, root: i32) -> Result<()> {
    check_root(comm, root)?;
    let (dt, elem) = wire_type(recv.scalar_type())?;
    let n = recv.tuples() * recv.components();
    let nint = to_int(n, "the receive array")?;
    let mut sbuf: &[u8] = &[];
    // A bad send array on root is reported after root took part in the scatter with zeros: an
    // early return would leave the other ranks hanging in MPI_Scatter (the wire has no room to
    // tell them; they receive zeros).
    let mut root_error = None;
    let zeros;
    if comm.rank() == root {
        match root_send_bytes(comm, send, recv, elem, n) {
            Ok(b) => sbuf = b,
            Err(e) => {
                let total = n.checked_mul(comm.size() as usize).and_then(|t| t.checked_mul(elem));
                zeros = alloc_bytes(total.ok_or_else(|| Error::out_of_range("scatter size overflows"))?)?;
                sbuf = &zeros;
                root_error = Some(e);
            }
        }
    }
    let mut out = alloc_bytes(n * elem)?;
    check(
        // SAFETY: root's buffer holds ≥ size × n elements; `out` n.
        unsafe {
            ffi::MPI_Scatter(
                sys::buf(sbuf.as_ptr()),
                nint,
                dt.handle(),
                sys::buf_mut(out.as_mut_ptr()),
                nint,
                dt.handle(),
                root,
                comm.raw(),
            )
        },
        "MPI_Scatter",
    )?;
    if let Some(e) = root_error {
        return Err(e);
    }
    recv.set_data(ArrayData::from_native_bytes(recv.scalar_type(), &out, n)?)
}

/// Root's send bytes of a scatter, checked against `recv`.
fn root_send_bytes<'a>(
    comm: &Comm,
    send: Option<&'a DataArray>,
    recv: &DataArray,
    elem: usize,
    n: usize,
) -> Result<&'a [u8]> {
    let s = send.ok_or_else(|| {
        Error::new(Status::NullArgument, "argument `send` is NULL (the root of a scatter needs a send array)")
    })?;
    if s.scalar_type() != recv.scalar_type() {
        return Err(Error::new(
            Status::WrongArrayType,
            format!("send array is {}, receive array {}", s.scalar_type(), recv.scalar_type()),
        ));
    }
    let w = ArrayWire::of(s)?;
    if w.bytes.len() / elem < n * comm.size() as usize {
        return Err(Error::out_of_range(format!(
            "the send array has {} values, {} ranks × {n} are needed",
            w.bytes.len() / elem,
            comm.size()
        )));
    }
    Ok(s.data().bytes().unwrap_or(&[]))
}

// ---- reductions -----------------------------------------------------------------------------

/// VTK's `StandardOperations` codes (reference §1.3).
pub const OP_NAMES: [&str; 10] = [
    "MAX",
    "MIN",
    "SUM",
    "PRODUCT",
    "LOGICAL_AND",
    "BITWISE_AND",
    "LOGICAL_OR",
    "BITWISE_OR",
    "LOGICAL_XOR",
    "BITWISE_XOR",
];

/// The MPI op for a VTK operation code on an array type, validated locally (so that every rank
/// rejects the same bad input before any MPI call): codes 0..=9, logical and bitwise operations
/// only on integer types (erroneous on floating point in MPI).
pub fn reduce_op(op: i32, ty: ScalarType) -> Result<(ffi::MPI_Op, Dt)> {
    if !(0..=9).contains(&op) {
        return Err(Error::invalid_argument(format!("argument `op`: {op} is not a VTK operation (0..=9)")));
    }
    let (dt, _) = wire_type(ty)?;
    if op >= 4 && matches!(ty, ScalarType::Float | ScalarType::Double) {
        return Err(Error::new(
            Status::WrongArrayType,
            format!("{}_OP is not defined for {ty} arrays (MPI forbids it on floating point)", OP_NAMES[op as usize]),
        ));
    }
    // MPI_CHAR is not in any reduction category of the MPI standard (Open MPI and MPICH reject
    // it); a char array is reduced as MPI_SIGNED_CHAR, the same bytes (vtkwire's char is i8).
    let dt = if dt == Dt::Char { Dt::SignedChar } else { dt };
    // SAFETY: constants exported by mpi-sys's C shim.
    let h = unsafe {
        match op {
            0 => ffi::RSMPI_MAX,
            1 => ffi::RSMPI_MIN,
            2 => ffi::RSMPI_SUM,
            3 => ffi::RSMPI_PROD,
            4 => ffi::RSMPI_LAND,
            5 => ffi::RSMPI_BAND,
            6 => ffi::RSMPI_LOR,
            7 => ffi::RSMPI_BOR,
            8 => ffi::RSMPI_LXOR,
            _ => ffi::RSMPI_BXOR,
        }
    };
    Ok((h, dt))
}

/// `Reduce(vtkDataArray*, vtkDataArray*, op, root)` (`root = None`: `AllReduce`): the result
/// (root / everyone) has `a`'s name, type and shape.
pub fn reduce_array(comm: &Comm, a: &DataArray, op: i32, root: Option<i32>) -> Result<Option<DataArray>> {
    if let Some(r) = root {
        check_root(comm, r)?;
    }
    let (mpi_op, dt) = reduce_op(op, a.scalar_type())?;
    let w = ArrayWire::of(a)?;
    let n = w.bytes.len() / w.elem;
    let nint = to_int(n, "the array")?;
    let receives = root.is_none_or(|r| r == comm.rank());
    let mut out = if receives { alloc_bytes(w.bytes.len())? } else { Vec::new() };
    // SAFETY: send buffer only read, `out` holds n elements where read.
    let rc = unsafe {
        match root {
            Some(r) => ffi::MPI_Reduce(
                sys::buf(w.bytes.as_ptr()),
                sys::buf_mut(out.as_mut_ptr()),
                nint,
                dt.handle(),
                mpi_op,
                r,
                comm.raw(),
            ),
            None => ffi::MPI_Allreduce(
                sys::buf(w.bytes.as_ptr()),
                sys::buf_mut(out.as_mut_ptr()),
                nint,
                dt.handle(),
                mpi_op,
                comm.raw(),
            ),
        }
    };
    check(rc, if root.is_some() { "MPI_Reduce" } else { "MPI_Allreduce" })?;
    if !receives {
        return Ok(None);
    }
    array_like(a, &out, n).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ops_validated_before_mpi() {
        assert_eq!(reduce_op(10, ScalarType::Int).unwrap_err().status, Status::InvalidArgument);
        assert_eq!(reduce_op(-1, ScalarType::Int).unwrap_err().status, Status::InvalidArgument);
        assert_eq!(reduce_op(5, ScalarType::Double).unwrap_err().status, Status::WrongArrayType);
        assert_eq!(reduce_op(0, ScalarType::Bit).unwrap_err().status, Status::WrongArrayType);
        assert_eq!(reduce_op(0, ScalarType::String).unwrap_err().status, Status::WrongArrayType);
        for t in ScalarType::NUMERIC {
            for op in 0..4 {
                assert!(reduce_op(op, t).is_ok());
            }
        }
        assert_eq!(reduce_op(9, ScalarType::Char).unwrap().1, Dt::SignedChar);
    }
}
