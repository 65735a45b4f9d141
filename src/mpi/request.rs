//! Non-blocking sends and receives of data objects and arrays with VTK's message sequences.
//!
//! An isend posts every message of the sequence at once (`MPI_Isend`, same order, so MPI's
//! non-overtaking rule keeps them in VTK's order) and owns all buffers until completion. An
//! irecv is a small state machine: it posts the header receive, and each completion posts the
//! next receives (the tags come from the headers). Progress happens in [`Request::test`],
//! [`Request::wait`] and [`wait_all`], which polls all requests together so a ring of large
//! exchanges cannot deadlock.

use std::ffi::c_int;

use mpi_sys as ffi;

use crate::error::{Error, Result, Status};
use crate::model::{DataArray, DataObject};
use crate::mpi::codec;
use crate::mpi::comm::Comm;
use crate::mpi::protocol::{self, ArrayWire, RawArray, VTK_CHAR, vtk_sendable, wire_type};
use crate::mpi::sys::{self, Dt, check};

/// What a completed receive produced.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // Reason: taken once per request; boxing buys nothing.
pub enum Received {
    Nothing,
    Object(Option<DataObject>),
    Array(Option<DataArray>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Want {
    Object,
    Array,
}

#[derive(Debug, PartialEq, Eq)]
enum Stage {
    /// A send: everything is posted.
    Sending,
    /// Waiting for the outer header `{rank, T}`.
    OuterHeader,
    /// Object: waiting for the type code on T.
    ObjectCode,
    /// Waiting for the inner (array) header `{rank, M}` (objects only).
    InnerHeader,
    /// Waiting for the array type on M.
    ArrayType,
    /// Waiting for tuples, components, name length on M.
    ArraySizes,
    /// Waiting for name and values on M.
    ArrayData,
    Done,
}

/// A non-blocking VTK send or receive in flight.
#[derive(Debug)]
pub struct Request {
    comm: u64,
    tag_ub: i32,
    reqs: Vec<ffi::MPI_Request>,
    stage: Stage,
    want: Want,
    src: c_int,
    tag: c_int,
    // Boxed so the addresses MPI holds survive the Vec growing.
    #[allow(clippy::vec_box)] // Reason: element addresses must stay stable while MPI uses them.
    ints: Vec<Box<[i32; 2]>>,
    #[allow(clippy::vec_box)] // Reason: as above.
    longs: Vec<Box<i64>>,
    bufs: Vec<Vec<u8>>,
    code: i32,
    array_code: i32,
    tuples: i64,
    comps: i32,
    name_len: i32,
    result: Option<Received>,
}

impl Request {
    fn new(comm: &Comm, stage: Stage, want: Want) -> Request {
        Request {
            comm: sys::handle_bits(comm.raw()),
            tag_ub: comm.tag_ub(),
            reqs: Vec::new(),
            stage,
            want,
            src: 0,
            tag: 0,
            ints: Vec::new(),
            longs: Vec::new(),
            bufs: Vec::new(),
            code: 0,
            array_code: 0,
            tuples: 0,
            comps: 0,
            name_len: 0,
            result: None,
        }
    }

    fn raw_comm(&self) -> ffi::MPI_Comm {
        sys::handle_from_bits(self.comm)
    }

    fn isend_raw(&mut self, p: *const u8, n: usize, dt: Dt, dest: i32, tag: i32) -> Result<()> {
        let mut r: ffi::MPI_Request = sys::handle_from_bits(0);
        // SAFETY: `p` points into a buffer owned by this request (heap, never moved or freed
        // before completion); n ≤ INT_MAX (checked by the chunking below).
        check(
            unsafe { ffi::MPI_Isend(sys::buf(p), n as c_int, dt.handle(), dest, tag, self.raw_comm(), &mut r) },
            "MPI_Isend",
        )?;
        self.reqs.push(r);
        Ok(())
    }

    fn isend_ints(&mut self, v: [i32; 2], n: usize, dest: i32, tag: i32) -> Result<()> {
        self.ints.push(Box::new(v));
        let p = self.ints.last().map(|b| b.as_ptr().cast::<u8>()).unwrap_or(std::ptr::null());
        self.isend_raw(p, n, Dt::Int, dest, tag)
    }

    /// Messages #2..#7 of §4.2; the values are `self.bufs[idx]`.
    #[allow(clippy::too_many_arguments)] // Reason: one message field per argument.
    fn isend_array_body(
        &mut self,
        code: i32,
        tuples: i64,
        comps: i32,
        name: Vec<u8>,
        dt: Dt,
        elem: usize,
        idx: usize,
        dest: i32,
        m: i32,
    ) -> Result<()> {
        self.isend_ints([code, 0], 1, dest, m)?;
        self.longs.push(Box::new(tuples));
        let p = self.longs.last().map(|b| (&**b as *const i64).cast::<u8>()).unwrap_or(std::ptr::null());
        self.isend_raw(p, 1, Dt::LongLong, dest, m)?;
        self.isend_ints([comps, 0], 1, dest, m)?;
        self.isend_ints([name.len() as i32, 0], 1, dest, m)?;
        if !name.is_empty() {
            self.bufs.push(name);
            let (p, n) = self.bufs.last().map(|b| (b.as_ptr(), b.len())).unwrap_or((std::ptr::null(), 0));
            self.isend_raw(p, n, Dt::Char, dest, m)?;
        }
        let total = self.bufs[idx].len() / elem;
        if total > 0 {
            let base = self.bufs[idx].as_ptr();
            let chunk = protocol::chunk_elements();
            let mut off = 0;
            loop {
                let n = (total - off).min(chunk);
                // SAFETY: within the owned buffer (its heap block never moves).
                self.isend_raw(unsafe { base.add(off * elem) }, n, dt, dest, m)?;
                off += n;
                if n < chunk {
                    break;
                }
            }
        }
        Ok(())
    }

    /// Posts the receive of one message of `n` elements of `dt` (headers, sizes, the name: the
    /// sender never chunks them) into a new owned buffer.
    fn irecv(&mut self, n: usize, dt: Dt, elem: usize) -> Result<usize> {
        self.irecv_in_chunks(n, dt, elem, usize::MAX)
    }

    /// Posts the receive of `n` values sent by §4.1 `SendVoidArray` (chunks, and a trailing
    /// empty message for an exact multiple of the chunk) into a new owned buffer.
    fn irecv_values(&mut self, n: usize, dt: Dt, elem: usize) -> Result<usize> {
        self.irecv_in_chunks(n, dt, elem, protocol::chunk_elements())
    }

    fn irecv_in_chunks(&mut self, n: usize, dt: Dt, elem: usize, chunk: usize) -> Result<usize> {
        let bytes = n.checked_mul(elem).ok_or_else(|| Error::new(Status::Protocol, "array size overflows"))?;
        let mut buf = Vec::new();
        buf.try_reserve_exact(bytes)
            .map_err(|_| Error::new(Status::Alloc, format!("cannot allocate {bytes} bytes")))?;
        buf.resize(bytes, 0);
        self.bufs.push(buf);
        let idx = self.bufs.len() - 1;
        let mut off = 0;
        loop {
            let k = (n - off).min(chunk);
            let mut r: ffi::MPI_Request = sys::handle_from_bits(0);
            // SAFETY: the owned buffer holds n elements; it is not touched until completion.
            let p = unsafe { self.bufs[idx].as_mut_ptr().add(off * elem) };
            check(
                unsafe {
                    ffi::MPI_Irecv(
                        sys::buf_mut(p),
                        k as c_int,
                        dt.handle(),
                        self.src,
                        self.tag,
                        self.raw_comm(),
                        &mut r,
                    )
                },
                "MPI_Irecv",
            )?;
            self.reqs.push(r);
            off += k;
            if k < chunk || n == 0 {
                break;
            }
        }
        Ok(idx)
    }

    fn int_at(&self, idx: usize, i: usize) -> i32 {
        let b = &self.bufs[idx];
        i32::from_ne_bytes([b[i * 4], b[i * 4 + 1], b[i * 4 + 2], b[i * 4 + 3]])
    }

    /// After all posted receives completed: read them and post the next stage.
    fn advance(&mut self, statuses: &[ffi::MPI_Status]) -> Result<()> {
        match self.stage {
            Stage::Sending => self.stage = Stage::Done,
            Stage::OuterHeader | Stage::InnerHeader => {
                let t = self.int_at(0, 1);
                if !(0..=self.tag_ub).contains(&t) {
                    return Err(Error::new(Status::Protocol, format!("header announces tag {t}")));
                }
                self.src = statuses.first().map(|s| s.MPI_SOURCE).unwrap_or(self.src);
                self.tag = t;
                self.bufs.clear();
                if self.stage == Stage::OuterHeader && self.want == Want::Object {
                    self.stage = Stage::ObjectCode;
                } else {
                    self.stage = Stage::ArrayType;
                }
                self.irecv(1, Dt::Int, 4)?;
            }
            Stage::ObjectCode => {
                self.code = self.int_at(0, 0);
                self.bufs.clear();
                if self.code < 0 || !vtk_sendable(self.code) {
                    self.result = Some(Received::Object(None));
                    self.stage = Stage::Done;
                } else {
                    self.stage = Stage::InnerHeader;
                    self.irecv(2, Dt::Int, 4)?;
                }
            }
            Stage::ArrayType => {
                self.array_code = self.int_at(0, 0);
                self.bufs.clear();
                if self.array_code < 0 {
                    self.result = Some(match self.want {
                        Want::Array => Received::Array(None),
                        Want::Object => Received::Object(None),
                    });
                    self.stage = Stage::Done;
                } else {
                    self.irecv(1, Dt::LongLong, 8)?;
                    self.irecv(1, Dt::Int, 4)?;
                    self.irecv(1, Dt::Int, 4)?;
                    self.stage = Stage::ArraySizes;
                }
            }
            Stage::ArraySizes => {
                let b = &self.bufs[0];
                self.tuples = i64::from_ne_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]);
                self.comps = self.int_at(1, 0);
                self.name_len = self.int_at(2, 0);
                self.bufs.clear();
                if self.tuples < 0 || self.comps < 0 || self.name_len < 0 {
                    return Err(Error::new(Status::Protocol, "negative array size"));
                }
                if self.name_len > 0 {
                    self.irecv(self.name_len as usize, Dt::Char, 1)?;
                } else {
                    self.bufs.push(Vec::new());
                }
                let len = (self.tuples as usize)
                    .checked_mul(self.comps as usize)
                    .ok_or_else(|| Error::new(Status::Protocol, "array size overflows"))?;
                let (dt, elem) = crate::model::ScalarType::from_code(self.array_code)
                    .map(wire_type)
                    .and_then(|r| r.ok())
                    .unwrap_or((Dt::Byte, 1));
                if len > 0 {
                    self.irecv_values(len, dt, elem)?;
                } else {
                    self.bufs.push(Vec::new());
                }
                self.stage = Stage::ArrayData;
            }
            Stage::ArrayData => {
                let data = self.bufs.pop().unwrap_or_default();
                let name = self.bufs.pop().filter(|b| !b.is_empty()).map(|b| {
                    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
                    String::from_utf8_lossy(&b[..end]).into_owned()
                });
                self.stage = Stage::Done;
                let raw = RawArray {
                    code: self.array_code,
                    tuples: self.tuples as usize,
                    comps: self.comps as usize,
                    name,
                    bytes: data,
                };
                self.result = Some(match self.want {
                    Want::Array => Received::Array(Some(raw.into_array()?)),
                    Want::Object => {
                        if raw.code != VTK_CHAR {
                            return Err(Error::new(Status::Protocol, "a data object's buffer must be a char array"));
                        }
                        Received::Object(codec::unmarshal(&raw.bytes)?.map(|o| codec::as_type(o, self.code)))
                    }
                });
            }
            Stage::Done => {}
        }
        Ok(())
    }

    /// Drives the request; `block` waits for each stage. Returns whether it is complete.
    pub fn progress(&mut self, block: bool) -> Result<bool> {
        while !matches!(self.stage, Stage::Done) {
            let mut statuses = vec![sys::empty_status(); self.reqs.len()];
            if !self.reqs.is_empty() {
                if block {
                    // SAFETY: reqs are active requests of this object.
                    check(
                        unsafe {
                            ffi::MPI_Waitall(self.reqs.len() as c_int, self.reqs.as_mut_ptr(), statuses.as_mut_ptr())
                        },
                        "MPI_Waitall",
                    )?;
                } else {
                    let mut flag: c_int = 0;
                    // SAFETY: as above.
                    check(
                        unsafe {
                            ffi::MPI_Testall(
                                self.reqs.len() as c_int,
                                self.reqs.as_mut_ptr(),
                                &mut flag,
                                statuses.as_mut_ptr(),
                            )
                        },
                        "MPI_Testall",
                    )?;
                    if flag == 0 {
                        return Ok(false);
                    }
                }
            }
            self.reqs.clear();
            if let Err(e) = self.advance(&statuses) {
                self.stage = Stage::Done;
                self.result = Some(Received::Nothing);
                return Err(e);
            }
        }
        Ok(true)
    }

    pub fn test(&mut self) -> Result<bool> {
        self.progress(false)
    }

    pub fn wait(&mut self) -> Result<()> {
        self.progress(true).map(|_| ())
    }

    pub fn is_done(&self) -> bool {
        matches!(self.stage, Stage::Done)
    }

    /// The received object/array (once, after completion).
    pub fn take(&mut self) -> Option<Received> {
        if self.is_done() { self.result.take() } else { None }
    }

    /// `isend` of a data object (marshaled now; `None` = null object).
    pub fn isend_object(comm: &Comm, obj: Option<&DataObject>, dest: i32, tag: i32) -> Result<Request> {
        let bytes = codec::marshal(obj)?;
        Request::isend_marshaled(comm, obj.map(|o| o.type_code()).unwrap_or(-1), bytes, dest, tag)
    }

    /// `isend` of a marshaled buffer with VTK's 8-message sequence.
    pub fn isend_marshaled(comm: &Comm, code: i32, bytes: Vec<u8>, dest: i32, tag: i32) -> Result<Request> {
        comm.check_rank(dest, "dest")?;
        comm.check_tag(tag, "tag")?;
        let (t, m) = protocol::mangle_object_tags(comm, tag, code >= 0)?;
        let mut r = Request::new(comm, Stage::Sending, Want::Object);
        r.isend_ints([comm.rank(), t], 2, dest, tag)?;
        r.isend_ints([code, 0], 1, dest, t)?;
        if code >= 0 {
            r.isend_ints([comm.rank(), m], 2, dest, t)?;
            let tuples = bytes.len() as i64;
            r.bufs.push(bytes);
            let idx = r.bufs.len() - 1;
            r.isend_array_body(VTK_CHAR, tuples, 1, Vec::new(), Dt::Char, 1, idx, dest, m)?;
        }
        Ok(r)
    }

    /// `isend` of a data array (`None` = null array).
    pub fn isend_array(comm: &Comm, a: Option<&DataArray>, dest: i32, tag: i32) -> Result<Request> {
        comm.check_rank(dest, "dest")?;
        comm.check_tag(tag, "tag")?;
        let w = a.map(ArrayWire::of).transpose()?;
        let m = protocol::mangle_array_tag(comm, tag)?;
        let mut r = Request::new(comm, Stage::Sending, Want::Array);
        r.isend_ints([comm.rank(), m], 2, dest, tag)?;
        match w {
            None => r.isend_ints([-1, 0], 1, dest, m)?,
            Some(w) => {
                r.bufs.push(w.bytes.to_vec());
                let idx = r.bufs.len() - 1;
                r.isend_array_body(w.code, w.tuples, w.comps, w.name.clone(), w.dt, w.elem, idx, dest, m)?;
            }
        }
        Ok(r)
    }

    fn irecv_start(comm: &Comm, source: i32, tag: i32, want: Want) -> Result<Request> {
        let src = protocol::source_arg(comm, source)?;
        let tag = protocol::recv_tag_arg(comm, tag)?;
        let mut r = Request::new(comm, Stage::OuterHeader, want);
        r.src = src;
        r.tag = tag;
        r.irecv(2, Dt::Int, 4)?;
        Ok(r)
    }

    /// `irecv` of a data object (VTK's `ReceiveDataObject`).
    pub fn irecv_object(comm: &Comm, source: i32, tag: i32) -> Result<Request> {
        Request::irecv_start(comm, source, tag, Want::Object)
    }

    /// `irecv` of a data array.
    pub fn irecv_array(comm: &Comm, source: i32, tag: i32) -> Result<Request> {
        Request::irecv_start(comm, source, tag, Want::Array)
    }

    /// Cancels pending receives and waits for pending sends (for freeing an incomplete request).
    pub fn abandon(&mut self) {
        if self.is_done() || !sys::mpi_alive() {
            return;
        }
        let sending = matches!(self.stage, Stage::Sending);
        for r in &mut self.reqs {
            // SAFETY: active requests of this object; a cancelled receive completes in MPI_Wait.
            unsafe {
                if !sending {
                    ffi::MPI_Cancel(r);
                }
                ffi::MPI_Wait(r, sys::empty_status_ptr());
            }
        }
        self.reqs.clear();
        self.stage = Stage::Done;
    }
}

/// Completes all requests, progressing them together (no request waits on another).
pub fn wait_all(reqs: &mut [&mut Request]) -> Result<()> {
    let mut first_err: Option<Error> = None;
    loop {
        let mut all = true;
        for r in reqs.iter_mut() {
            if r.is_done() {
                continue;
            }
            match r.progress(false) {
                Ok(true) => {}
                Ok(false) => all = false,
                Err(e) => {
                    first_err.get_or_insert(e);
                }
            }
        }
        if all {
            return first_err.map_or(Ok(()), Err);
        }
        std::thread::yield_now();
    }
}
