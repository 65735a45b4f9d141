//! The receiving half of VTK's point-to-point message sequences (reference §4.2, §4.3) as a pure
//! state machine: no MPI, no clock. It is fed one message at a time (its size first, then its
//! bytes) and says which message it needs next, on which tag, in which MPI datatype.
//!
//! The MPI receive paths (`crate::mpi::receive`: blocking, with a deadline, non-blocking) drive it
//! with `MPI_Mprobe`/`MPI_Improbe`: every message is *probed* first and its real size handed to
//! [`Decoder::take`], which checks it against what the sender announced **before anything is
//! allocated**, and decides what the receive does with it: read a small field, receive the name
//! or the values into memory the decoder reserved (fallibly, within [`Limits::max_bytes`]), or
//! discard it. [`decode_messages`] drives it over a slice of byte messages, for fuzzing and tests.
//!
//! # Violations and draining
//!
//! Every departure from the protocol is a *violation* and ends in [`Status::Protocol`], with a
//! message naming the message (`#n` of §4.2/§4.3), the field, the value and the sending rank.
//! Other failures (an array type vtkwire cannot hold, a name that is not UTF-8, a size over the
//! receive limit, a typed receive of another type, an allocation failure) have their own status.
//! Either way the decoder does not stop at the first problem: it switches to *discarding* and keeps
//! following what a VTK sender would send given the fields it announced (`nameLength > 0` → a
//! name message; `tuples × components > 0` → the values, chunked at `INT_MAX` elements, ending
//! with a message shorter than the chunk), so the receive can take every message of that send off
//! the communicator. Where a violation leaves the rest unknown (a header or a field of the wrong
//! size), [`Decoder::expect`] returns `None` and the receive sweeps the send's mangled tags
//! ([`Decoder::known_tags`]) instead.

use std::mem::MaybeUninit;

use crate::error::{Error, Result, Status};
use crate::model::{DataArray, DataObject, ScalarType};
use crate::mpi::codec;
use crate::mpi::protocol::{RawArray, VTK_CHAR, vtk_sendable, wire_type};
use crate::mpi::sys::Dt;

/// What a receive asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// `ReceiveDataObject` / `Receive(vtkDataObject*)` (§4.3).
    Object,
    /// `Receive(vtkDataArray*)` (§4.2).
    Array,
}

/// The bounds a receive works within.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The communicator's `MPI_TAG_UB`: announced tags above it are violations.
    pub tag_ub: i32,
    /// Elements per values message (`INT_MAX`, as VTK; tests lower it on every rank).
    pub chunk_elements: usize,
    /// The most bytes a receive allocates for one name or one set of values; larger announced
    /// sizes are refused (`OUT_OF_RANGE`) and the messages discarded unallocated.
    pub max_bytes: usize,
}

impl Default for Limits {
    /// The largest tag space, VTK's chunk, and the process-wide receive limit.
    fn default() -> Limits {
        Limits {
            tag_ub: i32::MAX,
            chunk_elements: crate::mpi::protocol::chunk_elements(),
            max_bytes: crate::mpi::protocol::max_receive_bytes(),
        }
    }
}

/// A message of the sequence, for [`Expect`] and for error messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// `int[2] {rank, T or M}` on the user tag.
    Header,
    /// §4.3 #2: the data-object type code on T.
    ObjectType,
    /// §4.3 #4: the char array's `int[2] {rank, M}` on T.
    InnerHeader,
    /// §4.2 #2: the array type code on M.
    ArrayType,
    /// §4.2 #3: tuples (`MPI_LONG_LONG`).
    Tuples,
    /// §4.2 #4: components.
    Components,
    /// §4.2 #5: name length including the NUL.
    NameLength,
    /// §4.2 #6: the name bytes.
    Name,
    /// §4.2 #7: the values (one chunk).
    Values,
}

impl Field {
    /// "message #n (what)" as the reference numbers them.
    pub fn describe(self, want: Want) -> &'static str {
        match (self, want) {
            (Field::Header, Want::Object) => "message #1 (header {rank, T})",
            (Field::Header, Want::Array) => "message #1 (header {rank, M})",
            (Field::ObjectType, _) => "message #2 (data-object type)",
            (Field::InnerHeader, _) => "message #3 (buffer header {rank, M})",
            (Field::ArrayType, Want::Object) => "message #4 (buffer array type)",
            (Field::ArrayType, Want::Array) => "message #2 (array type)",
            (Field::Tuples, Want::Object) => "message #5 (buffer tuples)",
            (Field::Tuples, Want::Array) => "message #3 (tuples)",
            (Field::Components, Want::Object) => "message #6 (buffer components)",
            (Field::Components, Want::Array) => "message #4 (components)",
            (Field::NameLength, Want::Object) => "message #7 (buffer name length)",
            (Field::NameLength, Want::Array) => "message #5 (name length)",
            (Field::Name, Want::Object) => "message #7a (buffer name)",
            (Field::Name, Want::Array) => "message #6 (name)",
            (Field::Values, Want::Object) => "message #8 (marshaled bytes)",
            (Field::Values, Want::Array) => "message #7 (values)",
        }
    }
}

/// The tag the next message comes on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum On {
    /// The receive's own tag (or `MPI_ANY_TAG`) and source: only the first header.
    UserTag,
    /// A mangled tag read from a header, from the (pinned) sending rank.
    Tag(i32),
}

/// The next message the decoder needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expect {
    pub field: Field,
    pub on: On,
    /// The datatype to receive it as (sizes are checked in bytes, whatever the sender used).
    pub dt: Dt,
    pub elem: usize,
    /// True only while discarding after a violation, for a message that a sender that broke
    /// the protocol may or may not send (the buffer after an unknown object type): a receive
    /// waits for it only as long as for stray messages.
    pub optional: bool,
}

/// What the receive does with a probed message (from [`Decoder::take`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Take {
    /// Receive it (at most 8 bytes) and hand it to [`Decoder::field`].
    Field,
    /// Receive it into a buffer of its size and hand it to [`Decoder::name`].
    Name,
    /// Receive it into [`Decoder::values_slot`], then call [`Decoder::values_filled`].
    Values,
    /// Receive it and throw it away, then call [`Decoder::discarded`].
    Discard,
}

/// A completely decoded sequence.
#[derive(Debug)]
pub enum Decoded {
    /// A data object: its type code and marshaled bytes. Code `-1` is the null object; a code
    /// VTK does not send (§2.4) comes with no bytes (VTK's receiver returns null for it).
    Object { code: i32, bytes: Vec<u8> },
    /// A data array (`None`: VTK's null array).
    Array(Option<RawArray>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Header,
    ObjectType,
    InnerHeader,
    ArrayType,
    Tuples,
    Components,
    NameLength,
    Name,
    Values,
    /// Nothing more follows.
    Done,
    /// After a violation that leaves the rest of the sequence unknown.
    Lost,
}

/// The decoding state of one receive. See the module documentation.
#[derive(Debug)]
pub struct Decoder {
    want: Want,
    limits: Limits,
    /// A typed receive (`Receive(vtkDataObject*)`): the only type code accepted.
    expect_code: Option<i32>,
    stage: Stage,
    optional: bool,
    source: Option<i32>,
    tag_t: Option<i32>,
    tag_m: Option<i32>,
    object_code: i32,
    array_code: i32,
    dt: Dt,
    elem: usize,
    tuples: i64,
    comps: i32,
    name_len: i32,
    /// Values announced (elements), when tuples and components are valid.
    total: u64,
    /// Values received (or discarded) so far (elements).
    got: u64,
    name: Option<String>,
    values: Vec<u8>,
    error: Option<Error>,
    violated: bool,
    messages: u32,
}

fn int_at(b: &[u8], i: usize) -> i32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&b[4 * i..4 * i + 4]);
    i32::from_ne_bytes(w)
}

/// The data-object type codes of reference §1.2 (0..=48): a code outside them cannot come from
/// any VTK 9.x sender.
fn known_object_code(code: i32) -> bool {
    (0..=48).contains(&code)
}

fn to_u64(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

impl Decoder {
    pub fn new(want: Want, limits: Limits) -> Decoder {
        Decoder {
            want,
            limits: Limits { chunk_elements: limits.chunk_elements.max(1), ..limits },
            expect_code: None,
            stage: Stage::Header,
            optional: false,
            source: None,
            tag_t: None,
            tag_m: None,
            object_code: -1,
            array_code: -1,
            dt: Dt::Byte,
            elem: 1,
            tuples: 0,
            comps: 0,
            name_len: 0,
            total: 0,
            got: 0,
            name: None,
            values: Vec::new(),
            error: None,
            violated: false,
            messages: 0,
        }
    }

    /// A typed object receive: any other type code (the null object included) fails with
    /// `WRONG_OBJECT_TYPE`, and the buffer is then discarded without being allocated.
    pub fn with_object_type(mut self, code: i32) -> Decoder {
        self.expect_code = Some(code);
        self
    }

    /// The rank the first header came from (errors name it; the headers' rank fields must equal
    /// it). Without it, the first header's rank field is taken.
    pub fn set_source(&mut self, rank: i32) {
        self.source = Some(rank);
    }

    pub fn source(&self) -> Option<i32> {
        self.source
    }

    /// The first error recorded (the receive's result), if any.
    pub fn error(&self) -> Option<&Error> {
        self.error.as_ref()
    }

    /// Whether the peer broke the protocol (the receive then sweeps the send's tags).
    pub fn violated(&self) -> bool {
        self.violated
    }

    /// Messages consumed so far (received or discarded).
    pub fn messages(&self) -> u32 {
        self.messages
    }

    /// Whether the sequence is complete (or, after a violation, nothing more is known to follow).
    pub fn finished(&self) -> bool {
        matches!(self.stage, Stage::Done | Stage::Lost)
    }

    /// The mangled tags learned from the headers (T for objects, then M): every message of the
    /// send after the first is on one of them.
    pub fn known_tags(&self) -> Vec<i32> {
        let mut v = Vec::with_capacity(2);
        for t in [self.tag_t, self.tag_m].into_iter().flatten() {
            if !v.contains(&t) {
                v.push(t);
            }
        }
        v
    }

    /// The next message needed, or `None` once the sequence is complete (or lost).
    pub fn expect(&self) -> Option<Expect> {
        let int = |field, on| Some(Expect { field, on, dt: Dt::Int, elem: 4, optional: self.optional });
        let t = On::Tag(self.tag_t.unwrap_or(0));
        let m = On::Tag(self.tag_m.unwrap_or(0));
        match self.stage {
            Stage::Header => int(Field::Header, On::UserTag),
            Stage::ObjectType => int(Field::ObjectType, t),
            Stage::InnerHeader => int(Field::InnerHeader, t),
            Stage::ArrayType => int(Field::ArrayType, m),
            Stage::Tuples => Some(Expect { field: Field::Tuples, on: m, dt: Dt::LongLong, elem: 8, optional: false }),
            Stage::Components => int(Field::Components, m),
            Stage::NameLength => int(Field::NameLength, m),
            Stage::Name => Some(Expect { field: Field::Name, on: m, dt: Dt::Char, elem: 1, optional: false }),
            Stage::Values => {
                Some(Expect { field: Field::Values, on: m, dt: self.dt, elem: self.elem, optional: false })
            }
            Stage::Done | Stage::Lost => None,
        }
    }

    fn tag_of(&self, stage: Stage) -> String {
        match stage {
            Stage::Header => "the receive's tag".to_owned(),
            Stage::ObjectType | Stage::InnerHeader => format!("tag {}", self.tag_t.unwrap_or(0)),
            _ => format!("tag {}", self.tag_m.unwrap_or(0)),
        }
    }

    fn field_of(stage: Stage) -> Field {
        match stage {
            Stage::Header => Field::Header,
            Stage::ObjectType => Field::ObjectType,
            Stage::InnerHeader => Field::InnerHeader,
            Stage::ArrayType => Field::ArrayType,
            Stage::Tuples => Field::Tuples,
            Stage::Components => Field::Components,
            Stage::NameLength => Field::NameLength,
            Stage::Name => Field::Name,
            Stage::Values | Stage::Done | Stage::Lost => Field::Values,
        }
    }

    /// "rank R broke VTK's protocol: message #n (field) on tag T detail".
    fn describe(&self, stage: Stage, detail: &str) -> String {
        let who = self.source.map_or_else(|| "the sender".to_owned(), |r| format!("rank {r}"));
        format!(
            "{who} broke VTK's protocol: {} on {} {detail}",
            Field::describe(Decoder::field_of(stage), self.want),
            self.tag_of(stage)
        )
    }

    /// Records a protocol violation in the message being handled (the first error wins; every
    /// violation marks the send).
    fn violation(&mut self, detail: String) {
        self.violation_in(self.stage, detail);
    }

    /// Records a protocol violation found in the message of `stage`.
    fn violation_in(&mut self, stage: Stage, detail: String) {
        self.violated = true;
        if self.error.is_none() {
            self.error = Some(Error::new(Status::Protocol, self.describe(stage, &detail)));
        }
    }

    /// Records a failure that is not the peer's fault (limits, types, allocation).
    fn failure(&mut self, status: Status, detail: String) {
        if self.error.is_none() {
            let who = self.source.map_or_else(|| "the sender".to_owned(), |r| format!("rank {r}"));
            self.error = Some(Error::new(status, format!("receive from {who}: {detail}")));
        }
    }

    /// Ends the receive early (a deadline passed, MPI failed): the rest is discarded like after
    /// a violation, so the receive sweeps the send's tags.
    pub fn abort(&mut self, e: Error) {
        self.violated = true;
        if self.error.is_none() {
            self.error = Some(e);
        }
    }

    /// Records a failure of the receiving side (an allocation): the rest of the sequence is
    /// discarded as announced.
    pub fn fail(&mut self, e: Error) {
        if self.error.is_none() {
            self.error = Some(e);
        }
    }

    /// Adds a note to the recorded error (what the drain did).
    pub fn annotate(&mut self, note: &str) {
        if let Some(e) = &mut self.error {
            e.message.push_str(note);
        }
    }

    /// Decides what to do with the next message, of `bytes` bytes, before it is received: the
    /// size is checked against the announced one here, so nothing is sized from an announcement.
    pub fn take(&mut self, bytes: u64) -> Take {
        let field_size = match self.stage {
            Stage::Header | Stage::InnerHeader => Some(8),
            Stage::ObjectType | Stage::ArrayType | Stage::Components | Stage::NameLength => Some(4),
            Stage::Tuples => Some(8),
            _ => None,
        };
        if let Some(want) = field_size {
            if bytes == want {
                return Take::Field;
            }
            let what = match self.stage {
                Stage::Header | Stage::InnerHeader => "2 MPI_INT",
                Stage::Tuples => "1 MPI_LONG_LONG",
                _ => "1 MPI_INT",
            };
            self.violation(format!("holds {bytes} bytes, not {what} ({want} bytes)"));
            // The rest is unknown. After the object type, a buffer may still follow on T: its
            // header (if one comes) tells the tag of the rest.
            if self.stage == Stage::ObjectType {
                self.stage = Stage::InnerHeader;
                self.optional = true;
            } else {
                self.stage = Stage::Lost;
            }
            return Take::Discard;
        }
        match self.stage {
            Stage::Name => {
                let announced = u64::try_from(self.name_len).unwrap_or(0);
                if bytes != announced {
                    self.violation(format!("holds {bytes} bytes, the name length announced {announced}"));
                    return Take::Discard;
                }
                if self.error.is_some() { Take::Discard } else { Take::Name }
            }
            Stage::Values => {
                let elem = to_u64(self.elem);
                let chunk = to_u64(self.limits.chunk_elements);
                let count = bytes / elem;
                let want = (self.total.saturating_sub(self.got)).min(chunk);
                if !bytes.is_multiple_of(elem) {
                    self.violation(format!(
                        "holds {bytes} bytes, not a whole number of {} ({elem} bytes each)",
                        self.dt.name()
                    ));
                    return Take::Discard;
                }
                if count != want {
                    self.violation(format!(
                        "holds {count} values where {want} were due ({} announced, {} received before)",
                        self.total, self.got
                    ));
                    return Take::Discard;
                }
                if self.error.is_some() { Take::Discard } else { Take::Values }
            }
            // Done or Lost: nothing expected (the receive only sweeps); Name and Values above.
            _ => Take::Discard,
        }
    }

    /// Hands over a field message whose size [`take`](Decoder::take) accepted.
    pub fn field(&mut self, msg: &[u8]) {
        self.messages += 1;
        match self.stage {
            Stage::Header | Stage::InnerHeader => self.header(int_at(msg, 0), int_at(msg, 1)),
            Stage::ObjectType => self.object_type(int_at(msg, 0)),
            Stage::ArrayType => self.array_type(int_at(msg, 0)),
            Stage::Tuples => {
                let mut w = [0u8; 8];
                w.copy_from_slice(&msg[..8]);
                self.tuples = i64::from_ne_bytes(w);
                if self.tuples < 0 {
                    self.violation(format!("is {}: a count of tuples is ≥ 0", self.tuples));
                }
                self.stage = Stage::Components;
            }
            Stage::Components => {
                self.comps = int_at(msg, 0);
                if self.want == Want::Object && self.comps != 1 {
                    self.violation(format!("is {}: a data object's buffer has 1 component", self.comps));
                } else if self.comps < 1 {
                    self.violation(format!("is {}: an array has at least 1 component", self.comps));
                }
                self.stage = Stage::NameLength;
            }
            Stage::NameLength => self.name_length(int_at(msg, 0)),
            _ => {}
        }
    }

    fn header(&mut self, rank: i32, tag: i32) {
        let inner = self.stage == Stage::InnerHeader;
        if !(0..=self.limits.tag_ub).contains(&tag) {
            self.violation(format!("announces tag {tag}, outside 0..={} (MPI_TAG_UB)", self.limits.tag_ub));
            self.stage = Stage::Lost;
            return;
        }
        match self.source {
            Some(s) if s != rank => {
                self.violation(format!("names rank {rank} as the sender, but came from rank {s}"));
            }
            Some(_) => {}
            None => self.source = Some(rank),
        }
        if inner || self.want == Want::Array {
            self.tag_m = Some(tag);
            self.stage = Stage::ArrayType;
        } else {
            self.tag_t = Some(tag);
            self.stage = Stage::ObjectType;
        }
        self.optional = false;
    }

    fn object_type(&mut self, code: i32) {
        self.object_code = code;
        if let Some(want) = self.expect_code
            && code != want
        {
            let null = if code < 0 { " (the null object)" } else { "" };
            self.failure(
                Status::WrongObjectType,
                format!("the sender sent data-object type {code}{null}; the receiving object has type {want}"),
            );
        }
        if code == -1 {
            self.stage = Stage::Done;
        } else if code < 0 {
            self.violation(format!("is {code}: the only negative type is -1 (the null object)"));
            self.stage = Stage::Done;
        } else if !known_object_code(code) {
            // No VTK sender sends this; one that breaks the protocol this way may or may not send
            // a buffer after it: wait for it only briefly.
            self.violation(format!("is {code}, not a VTK data-object type (0..=48)"));
            self.stage = Stage::InnerHeader;
            self.optional = true;
        } else if !vtk_sendable(code) {
            // VTK's sender stops after the type for these (reference §4.3 #3).
            self.stage = Stage::Done;
        } else {
            self.stage = Stage::InnerHeader;
        }
    }

    fn array_type(&mut self, code: i32) {
        self.array_code = code;
        let typed = ScalarType::from_code(code).map(wire_type);
        (self.dt, self.elem) = match typed {
            Some(Ok((dt, e))) => (dt, e),
            // VTK sends types it has no MPI datatype for as MPI_BYTE, one byte each (§4.1).
            _ => (Dt::Byte, 1),
        };
        if code == -1 {
            if self.want == Want::Object {
                self.violation(format!(
                    "is -1 (a null array) where the buffer of data-object type {} was due",
                    self.object_code
                ));
            }
            self.stage = Stage::Done;
            return;
        }
        if code < 0 {
            self.violation(format!("is {code}: the only negative type is -1 (a null array)"));
            self.stage = Stage::Done;
            return;
        }
        match self.want {
            Want::Object if code != VTK_CHAR => {
                self.violation(format!("is {code}: a data object travels as a char array (type {VTK_CHAR})"));
            }
            Want::Array if !matches!(typed, Some(Ok(_))) => self.failure(
                Status::WrongArrayType,
                format!("the sender sent an array of VTK type {code}, which vtkwire cannot receive"),
            ),
            _ => {}
        }
        self.stage = Stage::Tuples;
    }

    fn name_length(&mut self, len: i32) {
        self.name_len = len;
        if len < 0 {
            self.violation(format!("is {len}: a length is ≥ 0"));
        } else if usize::try_from(len).is_ok_and(|l| l > self.limits.max_bytes) {
            self.failure(
                Status::OutOfRange,
                format!("an array name of {len} bytes exceeds the receive limit ({} bytes)", self.limits.max_bytes),
            );
        }
        // The values VTK's sender sends: tuples × components when both are positive.
        self.total = 0;
        if self.tuples > 0 && self.comps > 0 {
            let product = u64::try_from(self.tuples).ok().and_then(|t| t.checked_mul(u64::try_from(self.comps).ok()?));
            match product {
                Some(n) => {
                    self.total = n;
                    let bytes = n.checked_mul(to_u64(self.elem));
                    if bytes.is_none_or(|b| b > to_u64(self.limits.max_bytes)) {
                        self.failure(
                            Status::OutOfRange,
                            format!(
                                "{} tuples × {} components of {} bytes exceed the receive limit ({} bytes)",
                                self.tuples, self.comps, self.elem, self.limits.max_bytes
                            ),
                        );
                    }
                }
                None => self.violation_in(
                    Stage::Components,
                    format!("is {}: {} tuples × {} components overflow 64 bits", self.comps, self.tuples, self.comps),
                ),
            }
        }
        if self.want == Want::Object && self.total == 0 && self.error.is_none() && self.object_code != 29 {
            // Only vtkUniformGridAMR (29) marshals to an empty buffer (reference §2.4).
            self.violation_in(
                Stage::Tuples,
                format!(
                    "is {}: an empty buffer for data-object type {}, which VTK never sends empty",
                    self.tuples, self.object_code
                ),
            );
        }
        self.stage = if len > 0 { Stage::Name } else { self.after_name() };
    }

    fn after_name(&self) -> Stage {
        if self.total > 0 { Stage::Values } else { Stage::Done }
    }

    /// Hands over the name message (accepted by [`take`](Decoder::take)).
    pub fn name(&mut self, msg: &[u8]) {
        self.messages += 1;
        let next = self.after_name();
        if msg.last() != Some(&0) {
            self.violation("does not end with the NUL its length counts".to_owned());
            self.stage = next;
            return;
        }
        self.stage = next;
        let end = msg.iter().position(|&c| c == 0).unwrap_or(msg.len());
        match std::str::from_utf8(&msg[..end]) {
            Ok(s) => self.name = Some(s.to_owned()),
            Err(e) => self.failure(
                Status::InvalidUtf8,
                format!("the array name is not UTF-8 (byte {} of {end})", e.valid_up_to()),
            ),
        }
    }

    /// Memory for the values message of `bytes` bytes (accepted by [`take`](Decoder::take) as
    /// [`Take::Values`]), reserved fallibly. `None`: the allocation failed (recorded as
    /// `ALLOC`); the message must then be discarded.
    pub fn values_slot(&mut self, bytes: usize) -> Option<&mut [MaybeUninit<u8>]> {
        // A first chunk of full size proves a sender of more than INT_MAX elements: the whole
        // announced payload (checked against the limit) is reserved then, so the later chunks
        // land in place instead of reallocating (and copying) gigabytes per chunk.
        let chunk_bytes = self.limits.chunk_elements.saturating_mul(self.elem);
        let want = match usize::try_from(self.total).ok().and_then(|t| t.checked_mul(self.elem)) {
            Some(all) if self.got == 0 && bytes == chunk_bytes && all > bytes => all,
            _ => bytes,
        };
        if self.values.try_reserve_exact(want).is_err() {
            let have = self.values.len();
            self.failure(Status::Alloc, format!("cannot allocate {bytes} more bytes for the values (after {have})"));
            return None;
        }
        Some(&mut self.values.spare_capacity_mut()[..bytes])
    }

    /// The values message was received into the slot.
    ///
    /// # Safety
    /// The first `bytes` bytes of the last [`values_slot`](Decoder::values_slot)`(bytes)` have
    /// been written (MPI completed the receive of a message of exactly that size).
    pub unsafe fn values_filled(&mut self, bytes: usize) {
        debug_assert!(self.values.capacity() - self.values.len() >= bytes);
        let len = self.values.len() + bytes;
        // SAFETY: the caller guarantees the bytes up to `len` are initialised; values_slot
        // reserved them.
        unsafe { self.values.set_len(len) };
        self.advance_values(bytes);
    }

    /// The message was received and thrown away (after [`Take::Discard`], or a failed slot).
    pub fn discarded(&mut self, bytes: u64) {
        self.messages += 1;
        match self.stage {
            Stage::Name => self.stage = self.after_name(),
            Stage::Values => self.advance_values(usize::try_from(bytes).unwrap_or(usize::MAX)),
            _ => {}
        }
    }

    /// After a values message of `bytes` bytes: VTK's sender ends with a chunk shorter than the
    /// chunk size (the trailing empty message after an exact multiple).
    fn advance_values(&mut self, bytes: usize) {
        let count = bytes / self.elem;
        self.got = self.got.saturating_add(to_u64(count));
        if count < self.limits.chunk_elements {
            self.stage = Stage::Done;
        }
    }

    /// The result, once [`expect`](Decoder::expect) returns `None`: the recorded error, if any.
    pub fn finish(self) -> Result<Decoded> {
        if let Some(e) = self.error {
            return Err(e);
        }
        if self.stage != Stage::Done {
            return Err(Error::new(Status::Protocol, "the message sequence is incomplete"));
        }
        Ok(match self.want {
            Want::Object => Decoded::Object {
                code: self.object_code,
                bytes: if self.array_code == VTK_CHAR { self.values } else { Vec::new() },
            },
            Want::Array if self.array_code < 0 => Decoded::Array(None),
            Want::Array => Decoded::Array(Some(RawArray {
                code: self.array_code,
                tuples: usize::try_from(self.tuples).unwrap_or(0),
                comps: usize::try_from(self.comps).unwrap_or(0),
                name: self.name,
                bytes: self.values,
            })),
        })
    }

    /// Feeds one whole message (copying the values): [`take`](Decoder::take), then the matching
    /// hand-over. For byte sequences (fuzzing, tests); MPI receives use the steps directly.
    pub fn feed(&mut self, msg: &[u8]) {
        match self.take(to_u64(msg.len())) {
            Take::Field => self.field(msg),
            Take::Name => self.name(msg),
            Take::Values => match self.values_slot(msg.len()) {
                Some(slot) => {
                    for (d, s) in slot.iter_mut().zip(msg) {
                        d.write(*s);
                    }
                    // SAFETY: every byte of the slot was just written.
                    unsafe { self.values_filled(msg.len()) };
                }
                None => self.discarded(to_u64(msg.len())),
            },
            Take::Discard => self.discarded(to_u64(msg.len())),
        }
    }
}

/// The object a decoded object sequence stands for, as `ReceiveDataObject` makes it: `None` for
/// the null object and for types VTK does not send; the marshaled bytes unmarshaled as the
/// announced type (a buffer of another type is a protocol violation, an empty buffer for
/// vtkUniformGridAMR is `UNSUPPORTED`: vtkwire has no such object).
pub fn object_from(code: i32, bytes: &[u8]) -> Result<Option<DataObject>> {
    if code < 0 || !vtk_sendable(code) {
        return Ok(None);
    }
    match codec::unmarshal(bytes)? {
        Some(o) => typed(o, code).map(Some),
        None => Err(Error::new(
            Status::Unsupported,
            format!(
                "data-object type {code} arrived as an empty buffer (vtkUniformGridAMR): vtkwire has no such object"
            ),
        )),
    }
}

/// The unmarshaled object as the announced type; a buffer of another type is a protocol error.
pub fn typed(o: DataObject, code: i32) -> Result<DataObject> {
    let o = codec::as_type(o, code);
    if o.type_code() != code {
        return Err(Error::new(
            Status::Protocol,
            format!("the sender announced data-object type {code} but sent a {} buffer", o.class_name()),
        ));
    }
    Ok(o)
}

/// Decodes a whole sequence given as byte messages (the tags are implied by the order; a real
/// receive probes each message on the tag [`Decoder::expect`] names). Messages after the end of
/// the sequence are ignored. `None`: the messages ran out while the sequence still needed one
/// (a real receive would wait for it).
pub fn decode_messages(want: Want, limits: Limits, msgs: &[&[u8]]) -> Option<Result<Decoded>> {
    let mut d = Decoder::new(want, limits);
    let mut it = msgs.iter();
    while let Some(e) = d.expect() {
        match it.next() {
            Some(m) => d.feed(m),
            // After a violation the receive stops waiting (it drains what arrives in time).
            None if d.error().is_some() || e.optional => break,
            None => return None,
        }
    }
    Some(d.finish())
}

/// [`decode_messages`] for `ReceiveDataObject`, with the payload unmarshaled ([`object_from`]).
pub fn decode_object_messages(limits: Limits, msgs: &[&[u8]]) -> Option<Result<Option<DataObject>>> {
    Some(decode_messages(Want::Object, limits, msgs)?.and_then(|d| match d {
        Decoded::Object { code, bytes } => object_from(code, &bytes),
        Decoded::Array(_) => Err(Error::new(Status::Panic, "an object receive decoded an array")),
    }))
}

/// [`decode_messages`] for `Receive(vtkDataArray*)`, made into a [`DataArray`].
pub fn decode_array_messages(limits: Limits, msgs: &[&[u8]]) -> Option<Result<Option<DataArray>>> {
    Some(decode_messages(Want::Array, limits, msgs)?.and_then(|d| match d {
        Decoded::Array(a) => a.map(RawArray::into_array).transpose(),
        Decoded::Object { .. } => Err(Error::new(Status::Panic, "an array receive decoded an object")),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(v: &[i32]) -> Vec<u8> {
        v.iter().flat_map(|x| x.to_ne_bytes()).collect()
    }

    fn limits() -> Limits {
        Limits { tag_ub: i32::MAX, chunk_elements: i32::MAX as usize, max_bytes: 1 << 20 }
    }

    /// §4.2's verified trace (reference): float array "abc", 2 × 2 values, tag 1082.
    fn float_trace() -> Vec<Vec<u8>> {
        let vals: Vec<u8> = [1.0f32, 2.0, 3.0, 4.0].iter().flat_map(|x| x.to_ne_bytes()).collect();
        vec![
            ints(&[0, 1082]),
            ints(&[10]),
            2i64.to_ne_bytes().to_vec(),
            ints(&[2]),
            ints(&[4]),
            b"abc\0".to_vec(),
            vals,
        ]
    }

    fn run(want: Want, msgs: &[Vec<u8>]) -> Option<Result<Decoded>> {
        let v: Vec<&[u8]> = msgs.iter().map(Vec::as_slice).collect();
        decode_messages(want, limits(), &v)
    }

    fn err(want: Want, msgs: &[Vec<u8>]) -> Error {
        match run(want, msgs) {
            Some(Err(e)) => e,
            other => panic!("expected an error, got {other:?}"),
        }
    }

    #[test]
    fn the_reference_trace_decodes() {
        let msgs = float_trace();
        let refs: Vec<&[u8]> = msgs.iter().map(Vec::as_slice).collect();
        let a = decode_array_messages(limits(), &refs).unwrap().unwrap().unwrap();
        assert_eq!(a.name.as_deref(), Some("abc"));
        assert_eq!((a.tuples(), a.components()), (2, 2));
        assert_eq!(a.data().value_f64(3), Some(4.0));
    }

    #[test]
    fn violations_name_message_field_value_and_rank() {
        let mut m = float_trace();
        m[4] = ints(&[-5]);
        let e = err(Want::Array, &m);
        assert_eq!(e.status, Status::Protocol);
        assert!(e.message.contains("rank 0") && e.message.contains("name length") && e.message.contains("-5"), "{e}");
        assert!(e.message.contains("tag 1082"), "{e}");
        let mut m = float_trace();
        m[3] = ints(&[0]);
        let e = err(Want::Array, &m);
        assert!(e.message.contains("components") && e.message.contains("is 0"), "{e}");
        let mut m = float_trace();
        m[2] = ints(&[2]);
        let e = err(Want::Array, &m);
        assert!(e.message.contains("4 bytes, not 1 MPI_LONG_LONG"), "{e}");
    }

    #[test]
    fn sizes_are_checked_before_allocation() {
        // 2^40 tuples announced, the limit is 1 MiB: refused without a reservation; the values
        // message (4 floats) is discarded and the error stays the limit's.
        let mut m = float_trace();
        m[2] = (1i64 << 40).to_ne_bytes().to_vec();
        let e = err(Want::Array, &m);
        assert_eq!(e.status, Status::OutOfRange, "{e}");
        // A name longer than announced.
        let mut m = float_trace();
        m[5] = b"abcdef\0".to_vec();
        let e = err(Want::Array, &m);
        assert!(e.message.contains("7 bytes, the name length announced 4"), "{e}");
    }

    #[test]
    fn missing_messages_are_incomplete_not_errors() {
        let m = float_trace();
        assert!(run(Want::Array, &m[..6]).is_none());
        assert!(run(Want::Array, &[]).is_none());
    }

    #[test]
    fn empty_object_buffer_is_a_violation() {
        let m = vec![
            ints(&[0, 1077]),
            ints(&[0]),
            ints(&[0, 2077]),
            ints(&[2]),
            0i64.to_ne_bytes().to_vec(),
            ints(&[1]),
            ints(&[0]),
        ];
        let e = err(Want::Object, &m);
        assert_eq!(e.status, Status::Protocol);
        assert!(e.message.contains("empty buffer"), "{e}");
        // vtkUniformGridAMR marshals to an empty buffer: decoded, then unsupported.
        let mut m = m;
        m[1] = ints(&[29]);
        let Some(Ok(Decoded::Object { code: 29, bytes })) = run(Want::Object, &m) else { panic!() };
        assert_eq!(object_from(29, &bytes).unwrap_err().status, Status::Unsupported);
    }

    #[test]
    fn chunks_end_with_a_short_message() {
        let l = Limits { chunk_elements: 2, ..limits() };
        let mk = |n: i64, chunks: &[usize]| {
            let mut m = vec![ints(&[0, 5]), ints(&[3]), n.to_ne_bytes().to_vec(), ints(&[1]), ints(&[0])];
            for &c in chunks {
                m.push(vec![7u8; c]);
            }
            m
        };
        let dec = |m: &[Vec<u8>]| {
            let v: Vec<&[u8]> = m.iter().map(Vec::as_slice).collect();
            decode_messages(Want::Array, l, &v)
        };
        assert!(matches!(dec(&mk(4, &[2, 2, 0])), Some(Ok(Decoded::Array(Some(a)))) if a.bytes.len() == 4));
        assert!(matches!(dec(&mk(3, &[2, 1])), Some(Ok(_))));
        assert!(dec(&mk(4, &[2, 2])).is_none(), "the trailing empty message is due");
        assert_eq!(dec(&mk(4, &[2, 1])).unwrap().unwrap_err().status, Status::Protocol);
    }

    /// The triangle's object sequence (reference §4.3 trace), with `buf` as the payload.
    fn object_trace(code: i32, buf: &[u8]) -> Vec<Vec<u8>> {
        let len = i64::try_from(buf.len()).unwrap();
        vec![
            ints(&[0, 1077]),
            ints(&[code]),
            ints(&[0, 2077]),
            ints(&[2]),
            len.to_ne_bytes().to_vec(),
            ints(&[1]),
            ints(&[0]),
            buf.to_vec(),
        ]
    }

    #[test]
    fn after_a_violation_the_announced_rest_is_consumed_unallocated() {
        let mut m = float_trace();
        m[4] = ints(&[-5]); // no name message follows (VTK sends one only for a length > 0)
        m.remove(5);
        let mut d = Decoder::new(Want::Array, limits());
        for msg in &m[..5] {
            d.feed(msg);
        }
        assert!(d.violated());
        let e = d.expect().expect("the values are still due");
        assert_eq!((e.field, e.on, e.optional), (Field::Values, On::Tag(1082), false));
        assert_eq!(d.take(16), Take::Discard, "values after a violation are discarded, not allocated");
        d.discarded(16);
        assert!(d.expect().is_none());
        assert_eq!(d.messages(), 6);
        assert_eq!(d.finish().unwrap_err().status, Status::Protocol);
    }

    #[test]
    fn typed_receive_of_another_type_discards_the_buffer() {
        let m = object_trace(6, b"payload");
        let mut d = Decoder::new(Want::Object, limits()).with_object_type(0);
        for msg in &m[..7] {
            d.feed(msg);
        }
        assert!(!d.violated());
        assert_eq!(d.take(7), Take::Discard);
        d.discarded(7);
        assert!(d.finished());
        let e = d.finish().unwrap_err();
        assert_eq!(e.status, Status::WrongObjectType, "{e}");
    }

    #[test]
    fn a_buffer_after_an_unknown_type_is_waited_for_briefly_and_its_tag_learned() {
        let m = object_trace(99, b"payload");
        let mut d = Decoder::new(Want::Object, limits());
        d.feed(&m[0]);
        d.feed(&m[1]);
        let e = d.expect().unwrap();
        assert!(e.optional && e.field == Field::InnerHeader, "{e:?}");
        d.feed(&m[2]);
        assert_eq!(d.known_tags(), vec![1077, 2077]);
        assert!(!d.expect().unwrap().optional);
        // A type message of the wrong size: the rest is unknown, but a buffer header may follow.
        let mut d = Decoder::new(Want::Object, limits());
        d.feed(&m[0]);
        d.feed(&0i64.to_ne_bytes());
        assert!(d.violated() && d.expect().unwrap().optional);
    }

    #[test]
    fn the_reference_object_trace_decodes_to_its_bytes() {
        let m = object_trace(0, b"# vtk DataFile");
        let Some(Ok(Decoded::Object { code: 0, bytes })) = run(Want::Object, &m) else { panic!() };
        assert_eq!(bytes, b"# vtk DataFile");
        // The null object: 2 messages.
        let Some(Ok(Decoded::Object { code: -1, bytes })) =
            run(Want::Object, &m[..1].iter().cloned().chain([ints(&[-1])]).collect::<Vec<_>>())
        else {
            panic!()
        };
        assert!(bytes.is_empty());
    }
}
