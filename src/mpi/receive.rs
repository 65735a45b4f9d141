//! The MPI half of every point-to-point receive: probes, receives and drains the messages a
//! [`Decoder`] asks for. Blocking ([`receive`]), with a deadline ([`receive_within`]) and
//! non-blocking ([`Receiver::poll`], behind `vtkwire_request_test`) receives share it.
//!
//! # Nothing is sized from an announcement
//!
//! Each message is matched with `MPI_Mprobe`/`MPI_Improbe` first and its real size read with
//! `MPI_Get_elements_x`; the decoder checks it against what the sender announced, and only then
//! is memory reserved (fallibly, within the receive limit) and the *matched* message received
//! with `MPI_Mrecv`/`MPI_Imrecv` into a buffer of exactly its size. So no receive can fail with
//! `MPI_ERR_TRUNCATE` (fatal under the default error handler), and no announced count reaches an
//! allocation before the bytes it describes have arrived.
//!
//! # The drain
//!
//! After a violation (or a failure that is not the peer's: limits, types, allocation) the receive
//! does not return at once: it takes every remaining message of that send off the communicator,
//! so that the application's next receive cannot match a leftover. Messages are discarded into a
//! [`Sink`] (bounded memory whatever their size). It drains
//! 1. the messages VTK's sender would still send given the fields it announced (the decoder keeps
//!    following them, leniently): each is waited for up to [`DRAIN_ANNOUNCED_WAIT`] after the
//!    previous one;
//! 2. after a protocol violation, any further message from that rank on the send's mangled tags
//!    (a sender off the protocol may send more than it announced), until none has arrived for
//!    [`DRAIN_QUIET`].
//!
//! The whole drain ends after [`DRAIN_MAX`] (a rank flooding its tags cannot hold the receive).
//! The error message says what was drained, and what was announced but never came.
//!
//! What no receive can know: whether a message that has not arrived yet will arrive. A sender
//! that stops sending leaves any blocking receive — VTK's too — waiting forever; use
//! [`receive_within`] (`vtkwire_object_recv_timeout`) or poll a non-blocking receive. A stray
//! message that arrives after the drain ended, or extra messages after a *well-formed* sequence,
//! stay queued on the send's mangled tags.

use std::ffi::c_int;
use std::time::{Duration, Instant};

use mpi_sys as ffi;

use crate::error::{Error, Result, Status};
use crate::mpi::comm::Comm;
use crate::mpi::decode::{Decoded, Decoder, Expect, On, Take};
use crate::mpi::protocol::{recv_tag_arg, source_arg};
use crate::mpi::sink::Sink;
use crate::mpi::sys::{self, Dt, check};

/// How long a drain waits for each further message the sender announced.
pub const DRAIN_ANNOUNCED_WAIT: Duration = Duration::from_millis(500);
/// How long a drain after a violation keeps sweeping the send's tags after the last message.
pub const DRAIN_QUIET: Duration = Duration::from_millis(100);
/// The longest a drain takes.
pub const DRAIN_MAX: Duration = Duration::from_secs(5);

/// A matched, not yet received message.
struct Matched {
    msg: ffi::MPI_Message,
    bytes: u64,
    source: c_int,
}

fn message_null() -> ffi::MPI_Message {
    // SAFETY: a constant exported by mpi-sys's C shim.
    unsafe { ffi::RSMPI_MESSAGE_NULL }
}

fn request_null() -> ffi::MPI_Request {
    // SAFETY: a constant exported by mpi-sys's C shim.
    unsafe { ffi::RSMPI_REQUEST_NULL }
}

/// `MPI_Mprobe` (`block`) or `MPI_Improbe`: the next message from `src` on `tag`, matched.
fn probe(comm: ffi::MPI_Comm, src: c_int, tag: c_int, block: bool) -> Result<Option<Matched>> {
    let mut msg = message_null();
    let mut st = sys::empty_status();
    if block {
        // SAFETY: valid communicator; output pointers to locals.
        check(unsafe { ffi::MPI_Mprobe(src, tag, comm, &mut msg, &mut st) }, "MPI_Mprobe")?;
    } else {
        let mut flag: c_int = 0;
        // SAFETY: as above.
        check(unsafe { ffi::MPI_Improbe(src, tag, comm, &mut flag, &mut msg, &mut st) }, "MPI_Improbe")?;
        if flag == 0 {
            return Ok(None);
        }
    }
    let mut n: ffi::MPI_Count = 0;
    // SAFETY: a status filled by the probe.
    check(unsafe { ffi::MPI_Get_elements_x(&st, Dt::Byte.handle(), &mut n) }, "MPI_Get_elements_x")?;
    // A message always holds a whole number of bytes; MPI_UNDEFINED cannot come back for MPI_BYTE.
    let bytes = u64::try_from(n).unwrap_or(0);
    Ok(Some(Matched { msg, bytes, source: st.MPI_SOURCE }))
}

fn to_usize(n: u64) -> Result<usize> {
    usize::try_from(n).map_err(|_| Error::new(Status::OutOfRange, format!("a {n}-byte message does not fit memory")))
}

/// A receive in flight into memory it owns (or the decoder's values).
struct Pending {
    req: ffi::MPI_Request,
    take: Take,
    bytes: u64,
    name: Vec<u8>,
    sink: Option<Sink>,
    dtype: Option<ffi::MPI_Datatype>,
}

impl Pending {
    fn new(take: Take, bytes: u64) -> Pending {
        Pending { req: request_null(), take, bytes, name: Vec::new(), sink: None, dtype: None }
    }

    fn active(&self) -> bool {
        sys::handle_bits(self.req) != sys::handle_bits(request_null())
    }

    /// `MPI_Wait` (`block`) or `MPI_Test`; true once complete.
    fn complete(&mut self, block: bool) -> Result<bool> {
        if !self.active() {
            return Ok(true);
        }
        let mut st = sys::empty_status();
        if block {
            // SAFETY: an active request of this object.
            check(unsafe { ffi::MPI_Wait(&mut self.req, &mut st) }, "MPI_Wait")?;
            return Ok(true);
        }
        let mut flag: c_int = 0;
        // SAFETY: as above.
        check(unsafe { ffi::MPI_Test(&mut self.req, &mut flag, &mut st) }, "MPI_Test")?;
        Ok(flag != 0)
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        // The buffers must outlive the transfer: an abandoned receive is waited for (its message
        // is matched: the data is on its way), then its datatype freed.
        if self.active() && sys::mpi_alive() {
            // SAFETY: an active request of this object.
            unsafe { ffi::MPI_Wait(&mut self.req, sys::empty_status_ptr()) };
        }
        if let Some(mut t) = self.dtype.take()
            && sys::mpi_alive()
        {
            // SAFETY: a datatype this object committed.
            unsafe { ffi::MPI_Type_free(&mut t) };
        }
    }
}

/// `MPI_Imrecv` of a matched message into `p` (`count` elements of `dt`).
fn imrecv(m: &mut Matched, p: *mut u8, count: usize, dt: ffi::MPI_Datatype, pending: &mut Pending) -> Result<()> {
    let count = c_int::try_from(count)
        .map_err(|_| Error::new(Status::OutOfRange, format!("{count} elements exceed INT_MAX in one receive")))?;
    // SAFETY: `p` holds `count` elements of `dt` (the caller sized it from the probed message);
    // it stays alive and untouched until `pending` completes (Pending waits on drop).
    check(unsafe { ffi::MPI_Imrecv(sys::buf_mut(p), count, dt, &mut m.msg, &mut pending.req) }, "MPI_Imrecv")
}

/// Receives a matched message into a sink (started; completes through the returned Pending).
fn discard(m: &mut Matched) -> Result<Pending> {
    let mut p = Pending::new(Take::Discard, m.bytes);
    let bytes = to_usize(m.bytes)?;
    // Messages over INT_MAX bytes are received as 1 MiB blocks (the last one partly filled,
    // which MPI allows for a receive).
    const MIB: usize = 1 << 20;
    let (count, dt, len) = if c_int::try_from(bytes).is_ok() {
        (bytes, Dt::Byte.handle(), bytes)
    } else {
        let mut t: ffi::MPI_Datatype = sys::handle_from_bits(0);
        check(
            // SAFETY: output pointer to a local; the type is freed by Pending.
            unsafe { ffi::MPI_Type_contiguous(c_int::try_from(MIB).unwrap_or(c_int::MAX), Dt::Byte.handle(), &mut t) },
            "MPI_Type_contiguous",
        )?;
        p.dtype = Some(t);
        // SAFETY: a datatype just created.
        check(unsafe { ffi::MPI_Type_commit(&mut t) }, "MPI_Type_commit")?;
        p.dtype = Some(t);
        let blocks = bytes.div_ceil(MIB);
        (blocks, t, blocks * MIB)
    };
    let mut sink = Sink::new(len)?;
    let ptr = sink.ptr().cast::<u8>();
    p.sink = Some(sink);
    imrecv(m, ptr, count, dt, &mut p)?;
    Ok(p)
}

/// What a drain step did.
enum Drained {
    /// A message was matched (its receive may still be in flight).
    Progress,
    /// Nothing arrived.
    Idle,
    /// The drain is over.
    Finished,
}

#[derive(Debug)]
struct Drain {
    last: Instant,
    start: Instant,
    /// Messages consumed when the error was recorded.
    at_error: u32,
    strays: u32,
    patience: Duration,
}

/// One receive's progress (see the module documentation).
pub struct Receiver {
    // Declared first: a receive in flight completes (Pending::drop) before its buffers go.
    pending: Option<Pending>,
    comm: u64,
    dec: Decoder,
    src: c_int,
    tag: c_int,
    started: bool,
    drain: Option<Drain>,
    patience: Duration,
}

impl std::fmt::Debug for Receiver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Receiver").field("src", &self.src).field("tag", &self.tag).field("dec", &self.dec).finish()
    }
}

impl Receiver {
    /// A receive from `source` (a rank, `MPI_ANY_SOURCE` or VTK's -1) on `tag` (or
    /// `MPI_ANY_TAG`); no MPI call yet.
    pub fn new(comm: &Comm, source: i32, tag: i32, dec: Decoder) -> Result<Receiver> {
        let src = source_arg(comm, source)?;
        let tag = recv_tag_arg(comm, tag)?;
        Ok(Receiver {
            pending: None,
            comm: sys::handle_bits(comm.raw()),
            dec,
            src,
            tag,
            started: false,
            drain: None,
            patience: DRAIN_ANNOUNCED_WAIT,
        })
    }

    fn raw_comm(&self) -> ffi::MPI_Comm {
        sys::handle_from_bits(self.comm)
    }

    /// Whether a message of the sequence has been matched (before that, abandoning the receive
    /// leaves nothing half-received).
    pub fn started(&self) -> bool {
        self.started
    }

    /// Ends the receive early with `e` (a deadline): what already arrived of the send is drained
    /// (announced messages are not waited for), then `e` is the result.
    pub fn abort(&mut self, e: Error) {
        self.dec.abort(e);
        self.patience = Duration::ZERO;
        if let Some(d) = &mut self.drain {
            d.patience = Duration::ZERO;
        }
    }

    fn tag_of(&self, on: On) -> c_int {
        match on {
            On::UserTag => self.tag,
            On::Tag(t) => t,
        }
    }

    /// Receives (or starts receiving) the matched message `m`, the one `exp` describes.
    fn start(&mut self, exp: Expect, mut m: Matched) -> Result<()> {
        if !self.started {
            self.started = true;
            self.src = m.source;
            self.dec.set_source(m.source);
        }
        let take = self.dec.take(m.bytes);
        let mut p = Pending::new(take, m.bytes);
        match take {
            Take::Field => {
                // A field is at most 8 bytes (take checked the exact size).
                let mut b = [0u8; 8];
                let n = to_usize(m.bytes)?.min(8);
                imrecv(&mut m, b.as_mut_ptr(), n / exp.elem, exp.dt.handle(), &mut p)?;
                p.complete(true)?;
                self.dec.field(&b[..n]);
                return Ok(());
            }
            Take::Name => {
                let n = to_usize(m.bytes)?;
                if p.name.try_reserve_exact(n).is_err() {
                    self.dec.fail(Error::new(Status::Alloc, format!("cannot allocate {n} bytes for an array name")));
                    self.pending = Some(discard(&mut m)?);
                    return Ok(());
                }
                p.name.resize(n, 0);
                let ptr = p.name.as_mut_ptr();
                imrecv(&mut m, ptr, n, Dt::Char.handle(), &mut p)?;
            }
            Take::Values => {
                let n = to_usize(m.bytes)?;
                match self.dec.values_slot(n) {
                    Some(slot) => {
                        let ptr = slot.as_mut_ptr().cast::<u8>();
                        imrecv(&mut m, ptr, n / exp.elem, exp.dt.handle(), &mut p)?;
                    }
                    None => p = discard(&mut m)?,
                }
            }
            Take::Discard => p = discard(&mut m)?,
        }
        self.pending = Some(p);
        Ok(())
    }

    /// Hands a completed receive to the decoder.
    fn finished(&mut self, p: Pending) {
        match p.take {
            Take::Name => self.dec.name(&p.name),
            Take::Values if p.sink.is_none() => {
                let n = usize::try_from(p.bytes).unwrap_or(0);
                // SAFETY: MPI completed the receive of exactly `n` bytes into the slot.
                unsafe { self.dec.values_filled(n) };
            }
            // A discarded message of the sequence: the decoder's stage decides what follows.
            _ => self.dec.discarded(p.bytes),
        }
    }

    /// Drives the receive: `Ok(Some(result))` when it is over, `Ok(None)` when `block` is false
    /// and it waits for a message. `Err` only for MPI failures (protocol and other errors are in
    /// the result, after the drain).
    pub fn poll(&mut self, block: bool) -> Result<Option<Result<Decoded>>> {
        loop {
            if let Some(p) = &mut self.pending {
                if !p.complete(block)? {
                    return Ok(None);
                }
                if let Some(p) = self.pending.take() {
                    self.finished(p);
                }
            }
            if self.dec.error().is_some() {
                match self.drain_step()? {
                    Drained::Finished => return Ok(Some(self.result())),
                    Drained::Progress => continue,
                    Drained::Idle if block => {
                        std::thread::sleep(Duration::from_micros(200));
                        continue;
                    }
                    Drained::Idle => return Ok(None),
                }
            }
            let Some(exp) = self.dec.expect() else { return Ok(Some(self.result())) };
            let (src, tag) = (self.src, self.tag_of(exp.on));
            let Some(m) = probe(self.raw_comm(), src, tag, block)? else { return Ok(None) };
            self.start(exp, m)?;
        }
    }

    fn result(&mut self) -> Result<Decoded> {
        let dec = std::mem::replace(&mut self.dec, Decoder::new(crate::mpi::decode::Want::Array, Default::default()));
        dec.finish()
    }

    /// One step of the drain (see the module documentation).
    fn drain_step(&mut self) -> Result<Drained> {
        let now = Instant::now();
        let consumed = self.dec.messages();
        let d = self.drain.get_or_insert(Drain {
            last: now,
            start: now,
            at_error: consumed,
            strays: 0,
            patience: self.patience,
        });
        if now.duration_since(d.start) < DRAIN_MAX {
            let exp = self.dec.expect();
            if let Some(e) = exp {
                let tag = self.tag_of(e.on);
                if let Some(m) = probe(self.raw_comm(), self.src, tag, false)? {
                    if let Some(d) = &mut self.drain {
                        d.last = now;
                    }
                    self.start(e, m)?;
                    return Ok(Drained::Progress);
                }
            }
            if self.dec.violated() && self.started {
                let skip = exp.map(|e| self.tag_of(e.on));
                for t in self.dec.known_tags() {
                    if Some(t) == skip {
                        continue;
                    }
                    if let Some(mut m) = probe(self.raw_comm(), self.src, t, false)? {
                        // Strays are not the decoder's: received and dropped here.
                        discard(&mut m)?.complete(true)?;
                        if let Some(d) = &mut self.drain {
                            d.last = now;
                            d.strays += 1;
                        }
                        return Ok(Drained::Progress);
                    }
                }
            }
            let Some(d) = &self.drain else { return Ok(Drained::Finished) };
            let wait = match exp {
                Some(e) if !e.optional => d.patience,
                _ if self.dec.violated() && self.started => DRAIN_QUIET,
                _ => Duration::ZERO,
            };
            if now.duration_since(d.last) < wait {
                return Ok(Drained::Idle);
            }
        }
        self.note();
        Ok(Drained::Finished)
    }

    /// Appends what the drain did to the error message.
    fn note(&mut self) {
        let Some(d) = &self.drain else { return };
        let drained = self.dec.messages().saturating_sub(d.at_error) + d.strays;
        let mut parts = Vec::new();
        if drained > 0 {
            parts.push(format!("{drained} further message(s) of that send were received and discarded"));
        }
        if let Some(e) = self.dec.expect() {
            if !e.optional {
                let waited = if d.patience.is_zero() { String::new() } else { format!(" within {:?}", d.patience) };
                parts.push(format!(
                    "messages the sender announced did not arrive{waited}; any that arrive later stay queued on tag {} from rank {}",
                    self.tag_of(e.on),
                    self.src
                ));
            }
        } else if self.dec.violated() && !self.started {
            parts.push("nothing of it was received".to_owned());
        }
        if !parts.is_empty() {
            let note = format!(" ({})", parts.join("; "));
            self.dec.annotate(&note);
        }
    }

    /// Abandons the receive: a receive in flight is completed, nothing more is received. The
    /// rest of the send, if it started, stays queued.
    pub fn abandon(&mut self) {
        self.pending = None;
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.abandon();
    }
}

/// A blocking receive: waits for every message of the sequence (forever, if the sender stops).
pub fn receive(comm: &Comm, source: i32, tag: i32, dec: Decoder) -> Result<Decoded> {
    let mut r = Receiver::new(comm, source, tag, dec)?;
    loop {
        if let Some(res) = r.poll(true)? {
            return res;
        }
    }
}

/// A receive that gives up after `timeout`: `TIMEOUT` with nothing received if the first message
/// did not arrive in time; if the sender stopped halfway, `TIMEOUT` after discarding what arrived
/// of that send (nothing is left half-received).
pub fn receive_within(comm: &Comm, source: i32, tag: i32, dec: Decoder, timeout: Duration) -> Result<Decoded> {
    let mut r = Receiver::new(comm, source, tag, dec)?;
    let deadline = Instant::now().checked_add(timeout);
    let mut nap = Duration::from_micros(20);
    loop {
        if let Some(res) = r.poll(false)? {
            return res;
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            let secs = timeout.as_secs_f64();
            if !r.started() {
                return Err(Error::new(
                    Status::Timeout,
                    format!("no message arrived within {secs} s (source {source}, tag {tag}); nothing was received"),
                ));
            }
            r.abort(Error::new(
                Status::Timeout,
                format!(
                    "the sender (rank {}) stopped in the middle of its message sequence: not complete within {secs} s",
                    r.src
                ),
            ));
            loop {
                if let Some(res) = r.poll(true)? {
                    return res;
                }
            }
        }
        std::thread::sleep(nap);
        nap = (nap * 2).min(Duration::from_millis(1));
    }
}
