//! Non-blocking sends and receives of data objects and arrays with VTK's message sequences.
//!
//! An isend posts every message of the sequence at once (`MPI_Isend`, same order, so MPI's
//! non-overtaking rule keeps them in VTK's order) and owns all buffers until completion. An
//! irecv is a [`Receiver`]: each [`Request::test`] matches the next message with `MPI_Improbe`,
//! checks its size against what the sender announced and receives it (`MPI_Imrecv` for names and
//! values), exactly as the blocking receive does — so a hostile sender gets the same errors and
//! the same drain, and a sender that never sends can be given up on by polling. Progress happens
//! in [`Request::test`], [`Request::wait`] and [`wait_all`], which polls all requests together so
//! a ring of large exchanges cannot deadlock.

use std::ffi::c_int;

use mpi_sys as ffi;

use crate::error::{Error, Result, Status};
use crate::model::{DataArray, DataObject};
use crate::mpi::codec;
use crate::mpi::comm::Comm;
use crate::mpi::decode::{self, Decoded, Decoder, Want};
use crate::mpi::protocol::{self, ArrayWire, RawArray, VTK_CHAR, count};
use crate::mpi::receive::Receiver;
use crate::mpi::sys::{self, Dt, check};

/// What a completed receive produced.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // Reason: taken once per request; boxing buys nothing.
pub enum Received {
    Nothing,
    Object(Option<DataObject>),
    Array(Option<DataArray>),
}

/// The messages and buffers of a send in flight.
#[derive(Debug)]
struct Sending {
    comm: u64,
    reqs: Vec<ffi::MPI_Request>,
    // Boxed so the addresses MPI holds survive the Vec growing.
    #[allow(clippy::vec_box)] // Reason: element addresses must stay stable while MPI uses them.
    ints: Vec<Box<[i32; 2]>>,
    #[allow(clippy::vec_box)] // Reason: as above.
    longs: Vec<Box<i64>>,
    bufs: Vec<Vec<u8>>,
}

#[derive(Debug)]
enum Kind {
    Send(Sending),
    Recv(Want, Box<Receiver>),
}

/// A non-blocking VTK send or receive in flight.
#[derive(Debug)]
pub struct Request {
    kind: Kind,
    done: bool,
    result: Option<Received>,
}

impl Sending {
    fn new(comm: &Comm) -> Sending {
        Sending {
            comm: sys::handle_bits(comm.raw()),
            reqs: Vec::new(),
            ints: Vec::new(),
            longs: Vec::new(),
            bufs: Vec::new(),
        }
    }

    fn raw_comm(&self) -> ffi::MPI_Comm {
        sys::handle_from_bits(self.comm)
    }

    fn isend_raw(&mut self, p: *const u8, n: usize, dt: Dt, dest: i32, tag: i32) -> Result<()> {
        let n = count(n)?;
        let mut r: ffi::MPI_Request = sys::handle_from_bits(0);
        // SAFETY: `p` points into a buffer owned by this request (heap, never moved or freed
        // before completion) holding `n` elements of `dt`.
        check(unsafe { ffi::MPI_Isend(sys::buf(p), n, dt.handle(), dest, tag, self.raw_comm(), &mut r) }, "MPI_Isend")?;
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
        let p = self.longs.last().map(|b| (&raw const **b).cast::<u8>()).unwrap_or(std::ptr::null());
        self.isend_raw(p, 1, Dt::LongLong, dest, m)?;
        self.isend_ints([comps, 0], 1, dest, m)?;
        self.isend_ints([count(name.len())?, 0], 1, dest, m)?;
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
                // SAFETY: off * elem < the owned buffer's length (its heap block never moves).
                self.isend_raw(unsafe { base.add(off * elem) }, n, dt, dest, m)?;
                off += n;
                if n < chunk {
                    break;
                }
            }
        }
        Ok(())
    }

    /// `MPI_Waitall` (`block`) or `MPI_Testall`; true once every message is sent.
    fn complete(&mut self, block: bool) -> Result<bool> {
        if self.reqs.is_empty() {
            return Ok(true);
        }
        let n = count(self.reqs.len())?;
        let mut statuses = vec![sys::empty_status(); self.reqs.len()];
        if block {
            // SAFETY: `n` active requests of this object, as many statuses.
            check(unsafe { ffi::MPI_Waitall(n, self.reqs.as_mut_ptr(), statuses.as_mut_ptr()) }, "MPI_Waitall")?;
        } else {
            let mut flag: c_int = 0;
            check(
                // SAFETY: as above.
                unsafe { ffi::MPI_Testall(n, self.reqs.as_mut_ptr(), &mut flag, statuses.as_mut_ptr()) },
                "MPI_Testall",
            )?;
            if flag == 0 {
                return Ok(false);
            }
        }
        self.reqs.clear();
        Ok(true)
    }
}

fn received(want: Want, d: Decoded) -> Result<Received> {
    Ok(match (want, d) {
        (Want::Object, Decoded::Object { code, bytes }) => Received::Object(decode::object_from(code, &bytes)?),
        (Want::Array, Decoded::Array(a)) => Received::Array(a.map(RawArray::into_array).transpose()?),
        _ => return Err(Error::new(Status::Panic, "a receive decoded the other kind of message")),
    })
}

impl Request {
    fn sending(s: Sending) -> Request {
        Request { kind: Kind::Send(s), done: false, result: None }
    }

    /// Drives the request; `block` waits for each stage. Returns whether it is complete.
    pub fn progress(&mut self, block: bool) -> Result<bool> {
        if self.done {
            return Ok(true);
        }
        match &mut self.kind {
            Kind::Send(s) => {
                if !s.complete(block)? {
                    return Ok(false);
                }
                self.done = true;
                Ok(true)
            }
            Kind::Recv(want, rx) => {
                let want = *want;
                let polled = rx.poll(block);
                let outcome = match polled {
                    Ok(None) => return Ok(false),
                    Ok(Some(res)) => res.and_then(|d| received(want, d)),
                    Err(e) => Err(e),
                };
                self.done = true;
                match outcome {
                    Ok(r) => {
                        self.result = Some(r);
                        Ok(true)
                    }
                    Err(e) => {
                        self.result = Some(Received::Nothing);
                        Err(e)
                    }
                }
            }
        }
    }

    pub fn test(&mut self) -> Result<bool> {
        self.progress(false)
    }

    pub fn wait(&mut self) -> Result<()> {
        self.progress(true).map(|_| ())
    }

    pub fn is_done(&self) -> bool {
        self.done
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
        let mut s = Sending::new(comm);
        s.isend_ints([comm.rank(), t], 2, dest, tag)?;
        s.isend_ints([code, 0], 1, dest, t)?;
        if code >= 0 {
            s.isend_ints([comm.rank(), m], 2, dest, t)?;
            let tuples = i64::try_from(bytes.len()).map_err(|_| Error::out_of_range("buffer too long"))?;
            s.bufs.push(bytes);
            let idx = s.bufs.len() - 1;
            s.isend_array_body(VTK_CHAR, tuples, 1, Vec::new(), Dt::Char, 1, idx, dest, m)?;
        }
        Ok(Request::sending(s))
    }

    /// `isend` of a data array (`None` = null array).
    pub fn isend_array(comm: &Comm, a: Option<&DataArray>, dest: i32, tag: i32) -> Result<Request> {
        comm.check_rank(dest, "dest")?;
        comm.check_tag(tag, "tag")?;
        let w = a.map(ArrayWire::of).transpose()?;
        let m = protocol::mangle_array_tag(comm, tag)?;
        let mut s = Sending::new(comm);
        s.isend_ints([comm.rank(), m], 2, dest, tag)?;
        match w {
            None => s.isend_ints([-1, 0], 1, dest, m)?,
            Some(w) => {
                s.bufs.push(w.bytes.to_vec());
                let idx = s.bufs.len() - 1;
                s.isend_array_body(w.code, w.tuples, w.comps, w.name.clone(), w.dt, w.elem, idx, dest, m)?;
            }
        }
        Ok(Request::sending(s))
    }

    fn irecv_start(comm: &Comm, source: i32, tag: i32, want: Want) -> Result<Request> {
        let rx = Receiver::new(comm, source, tag, Decoder::new(want, protocol::limits(comm)))?;
        Ok(Request { kind: Kind::Recv(want, Box::new(rx)), done: false, result: None })
    }

    /// `irecv` of a data object (VTK's `ReceiveDataObject`).
    pub fn irecv_object(comm: &Comm, source: i32, tag: i32) -> Result<Request> {
        Request::irecv_start(comm, source, tag, Want::Object)
    }

    /// `irecv` of a data array.
    pub fn irecv_array(comm: &Comm, source: i32, tag: i32) -> Result<Request> {
        Request::irecv_start(comm, source, tag, Want::Array)
    }

    /// Stops an incomplete request (for freeing it): a send is waited for (its buffers must
    /// outlive the transfer); a receive completes the message it is receiving, if any, and
    /// receives nothing more (the rest of a send it started on stays queued).
    pub fn abandon(&mut self) {
        if self.done || !sys::mpi_alive() {
            return;
        }
        match &mut self.kind {
            Kind::Send(s) => {
                for r in &mut s.reqs {
                    // SAFETY: active requests of this object.
                    unsafe { ffi::MPI_Wait(r, sys::empty_status_ptr()) };
                }
                s.reqs.clear();
            }
            Kind::Recv(_, rx) => rx.abandon(),
        }
        self.done = true;
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
