//! The hostile-peer scenarios of tests/mpi_hostile_peers.rs, shared by the test (which writes
//! them as a script for the peer) and its vtkwire rank (which receives them and checks the
//! outcome). Each scenario is a list of raw MPI operations the peer replays exactly (`send`:
//! `MPI_Isend` with the given datatype; `bcast`: `MPI_Bcast` from the peer), the receive the
//! vtkwire rank makes, and the outcome it must get.
//!
//! After every scenario the peer sends the same well-formed object (VTK 9.1's marshaled
//! triangle, reference Appendix A.1, with VTK's 8 messages) on [`FOLLOW_TAG`]; the vtkwire rank
//! first checks with `MPI_Probe(peer, MPI_ANY_TAG)` that this is the next message the peer sent
//! it — MPI's non-overtaking rule makes any message left over from the scenario match first —
//! and then receives the object and compares it with the triangle built from the reference's
//! description. Broadcast scenarios are followed by a well-formed array broadcast instead.

#![allow(dead_code)]

use std::fmt::Write as _;

use vtkwire::Status;
use vtkwire::model::{CellArray, DataArray, DataObject, PolyCells, PolyData};

/// The peer's rank and the vtkwire rank in the 2-rank job.
pub const PEER: i32 = 0;
pub const WIRE: i32 = 1;
/// The well-formed object after each scenario comes on this user tag.
pub const FOLLOW_TAG: i32 = 7;
/// The vtkwire rank acknowledges each scenario with one int on this tag (lockstep).
pub const ACK_TAG: i32 = 9;

/// A payload: literal bytes, or `n` copies of a byte (large strays without a large script).
#[derive(Clone, Debug)]
pub enum Data {
    Bytes(Vec<u8>),
    Fill(u8, usize),
}

impl Data {
    pub fn len(&self) -> usize {
        match self {
            Data::Bytes(b) => b.len(),
            Data::Fill(_, n) => *n,
        }
    }

    fn script(&self) -> String {
        match self {
            Data::Bytes(b) if b.is_empty() => "-".to_owned(),
            Data::Bytes(b) => b.iter().fold(String::new(), |mut s, x| {
                let _ = write!(s, "{x:02x}");
                s
            }),
            Data::Fill(v, n) => format!("fill:{v}:{n}"),
        }
    }
}

/// One raw MPI operation of the peer.
#[derive(Clone, Debug)]
pub enum Op {
    /// `MPI_Isend(data, len / size(dt), dt, WIRE, tag, MPI_COMM_WORLD)`.
    Send { tag: i32, dt: &'static str, data: Data },
    /// `MPI_Bcast(data, len / size(dt), dt, PEER, MPI_COMM_WORLD)`.
    Bcast { dt: &'static str, data: Data },
}

/// What the vtkwire rank does.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Recv {
    /// `protocol::recv_object(PEER, tag)` (blocking).
    Object,
    /// `protocol::recv_array(PEER, tag)` (blocking).
    Array,
    /// `protocol::recv_object_into` a vtkPolyData (blocking).
    IntoPolyData,
    /// `vtkwire_object_recv_timeout(PEER, tag, world, secs)` through the C export.
    ObjectTimeout(f64),
    /// `vtkwire_array_recv_timeout` through the C export.
    ArrayTimeout(f64),
    /// `Request::irecv_object` polled with `test` until done or `secs` passed, then freed.
    ObjectPoll(f64),
    /// `collective::bcast_array(None, PEER)`.
    BcastArray,
    /// `collective::bcast_object(None, PEER)`.
    BcastObject,
    /// `vtkwire_object_recv` through the C export (its guard turns a panic into `PANIC`).
    ObjectC,
}

/// The outcome the vtkwire rank must get.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// An error with this status whose message contains every string.
    Error(Status, Vec<&'static str>),
    /// Success with nothing (VTK's null object for a type it does not send).
    Nothing,
    /// The non-blocking receive is still incomplete at its deadline (then freed).
    Pending,
    /// Any error but `PANIC` (a payload the legacy reader must refuse).
    Refused,
}

#[derive(Clone, Debug)]
pub struct Scenario {
    pub name: &'static str,
    pub class: &'static str,
    pub tag: i32,
    pub ops: Vec<Op>,
    pub recv: Recv,
    pub outcome: Outcome,
    /// The maximum object size (`vtkwire::limits::set_max_object_bytes`, which bounds receives) for this scenario.
    pub limit: Option<usize>,
    /// The most the vtkwire rank's memory in use (PSS) may grow during the receive.
    pub max_rss_growth: Option<usize>,
    /// The most its peak address space (`VmPeak`) may grow: catches allocations sized from an
    /// announcement even when they are never touched.
    pub max_vm_growth: Option<usize>,
    /// At most this many seconds for the receive.
    pub max_secs: f64,
}

pub fn ints(v: &[i32]) -> Data {
    Data::Bytes(v.iter().flat_map(|x| x.to_ne_bytes()).collect())
}

pub fn ll(v: i64) -> Data {
    Data::Bytes(v.to_ne_bytes().to_vec())
}

pub fn bytes(b: &[u8]) -> Data {
    Data::Bytes(b.to_vec())
}

fn send(tag: i32, dt: &'static str, data: Data) -> Op {
    Op::Send { tag, dt, data }
}

fn bcast(dt: &'static str, data: Data) -> Op {
    Op::Bcast { dt, data }
}

fn floats(v: &[f32]) -> Data {
    Data::Bytes(v.iter().flat_map(|x| x.to_ne_bytes()).collect())
}

fn hx(s: &str) -> Vec<u8> {
    let s: String = s.chars().filter(|c| c.is_ascii_hexdigit()).collect();
    (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect()
}

/// VTK 9.1's `MarshalDataObject` of a triangle (reference Appendix A.1, 216 bytes).
pub fn triangle_bytes() -> Vec<u8> {
    let b = hx("2320 7674 6b20 4461 7461 4669 6c65 2056 6572 7369 6f6e 2035 2e31 0a76 746b 206f
        7574 7075 740a 4249 4e41 5259 0a44 4154 4153 4554 2050 4f4c 5944 4154 410a 504f
        494e 5453 2033 2066 6c6f 6174 0a00 0000 0000 0000 0000 0000 003f 8000 0000 0000
        0000 0000 0000 0000 003f 8000 0000 0000 000a 504f 4c59 474f 4e53 2032 2033 0a4f
        4646 5345 5453 2076 746b 7479 7065 696e 7436 340a 0000 0000 0000 0000 0000 0000
        0000 0003 0a43 4f4e 4e45 4354 4956 4954 5920 7674 6b74 7970 6569 6e74 3634 0a00
        0000 0000 0000 0000 0000 0000 0000 0100 0000 0000 0000 020a");
    assert_eq!(b.len(), 216);
    b
}

/// The triangle as the reference describes it: points (0,0,0), (1,0,0), (0,1,0) as float, one
/// polygon 0 1 2.
pub fn triangle() -> DataObject {
    let mut points = DataArray::from_vec(None, 3, vec![0f32, 0., 0., 1., 0., 0., 0., 1., 0.]).unwrap();
    points.name = None;
    let mut pd = PolyData { points: Some(points), ..PolyData::default() };
    pd.cells[PolyCells::Polys as usize] = CellArray::new(vec![0i64, 3].into(), vec![0i64, 1, 2].into()).unwrap();
    DataObject::PolyData(pd)
}

/// VTK's 8 messages of an object send: header on `tag`, type on `t`, then the char array with
/// header on `t` and body on `m`.
pub fn object_ops(tag: i32, t: i32, m: i32, code: i32, buf: &[u8]) -> Vec<Op> {
    let mut v = vec![send(tag, "INT", ints(&[PEER, t])), send(t, "INT", ints(&[code]))];
    v.extend(char_array_ops(t, m, buf));
    v
}

/// The char-array part (§4.2 with outer tag `t`).
pub fn char_array_ops(t: i32, m: i32, buf: &[u8]) -> Vec<Op> {
    let len = i64::try_from(buf.len()).unwrap();
    vec![
        send(t, "INT", ints(&[PEER, m])),
        send(m, "INT", ints(&[2])),
        send(m, "LONG_LONG", ll(len)),
        send(m, "INT", ints(&[1])),
        send(m, "INT", ints(&[0])),
        send(m, "CHAR", bytes(buf)),
    ]
}

/// §4.2: a float array "abc" (the reference's verified trace), with the fields given.
#[allow(clippy::too_many_arguments)]
fn float_array(
    tag: i32,
    m: i32,
    tuples: i64,
    comps: i32,
    name_len: i32,
    name: Option<&[u8]>,
    values: Option<Data>,
) -> Vec<Op> {
    let mut v = vec![
        send(tag, "INT", ints(&[PEER, m])),
        send(m, "INT", ints(&[10])),
        send(m, "LONG_LONG", ll(tuples)),
        send(m, "INT", ints(&[comps])),
        send(m, "INT", ints(&[name_len])),
    ];
    if let Some(n) = name {
        v.push(send(m, "CHAR", bytes(n)));
    }
    if let Some(d) = values {
        v.push(send(m, "FLOAT", d));
    }
    v
}

/// The follow-up object after scenario `i` (user tag FOLLOW_TAG, its own mangled tags).
pub fn follow_ops(i: usize) -> Vec<Op> {
    let (t, m) = follow_tags(i);
    object_ops(FOLLOW_TAG, t, m, 0, &triangle_bytes())
}

pub fn follow_tags(i: usize) -> (i32, i32) {
    let base = 1000 + 20 * i32::try_from(i).unwrap();
    (base + 15, base + 16)
}

/// The well-formed broadcast after a broadcast scenario: int array "ids" = 7, 8, 9.
pub fn follow_bcast_ops() -> Vec<Op> {
    vec![
        bcast("INT", ints(&[6])),
        bcast("LONG_LONG", ll(3)),
        bcast("INT", ints(&[1])),
        bcast("INT", ints(&[4])),
        bcast("CHAR", bytes(b"ids\0")),
        bcast("INT", ints(&[7, 8, 9])),
    ]
}

fn err(status: Status, parts: &[&'static str]) -> Outcome {
    Outcome::Error(status, parts.to_vec())
}

fn proto(parts: &[&'static str]) -> Outcome {
    err(Status::Protocol, parts)
}

const MIB: usize = 1 << 20;

/// Collects scenarios: user tag 100 + i, mangled tags 1000 + 20 i (T) and + 1 (M).
struct Builder(Vec<Scenario>);

impl Builder {
    fn add(
        &mut self,
        name: &'static str,
        class: &'static str,
        recv: Recv,
        outcome: Outcome,
        build: impl Fn(i32, i32, i32) -> Vec<Op>,
    ) -> &mut Scenario {
        let i = i32::try_from(self.0.len()).unwrap();
        let (tag, t, m) = (100 + i, 1000 + 20 * i, 1000 + 20 * i + 1);
        self.0.push(Scenario {
            name,
            class,
            tag,
            ops: build(tag, t, m),
            recv,
            outcome,
            limit: None,
            max_rss_growth: None,
            max_vm_growth: None,
            max_secs: 3.0,
        });
        self.0.last_mut().unwrap()
    }
}

/// Every scenario, in the order the job runs them.
pub fn scenarios() -> Vec<Scenario> {
    let mut b = Builder(Vec::new());
    let vals4 = || Some(floats(&[1., 2., 3., 4.]));
    let abc = || Some(&b"abc\0"[..]);
    use Recv::*;

    // ---- lengths, counts and name lengths that lie --------------------------------------
    b.add(
        "negative name length",
        "lying lengths",
        Array,
        proto(&["rank 0", "name length", "-5", "≥ 0"]),
        |tag, _, m| float_array(tag, m, 2, 2, -5, None, vals4()),
    );
    b.add(
        "name longer than announced",
        "lying lengths",
        Array,
        proto(&["name", "7 bytes", "announced 3"]),
        |tag, _, m| float_array(tag, m, 2, 2, 3, Some(b"abcdef\0"), vals4()),
    );
    b.add("name without its NUL", "lying lengths", Array, proto(&["name", "NUL"]), |tag, _, m| {
        float_array(tag, m, 2, 2, 4, Some(b"abcd"), vals4())
    });
    b.add("negative tuples", "lying lengths", Array, proto(&["tuples", "-1"]), |tag, _, m| {
        float_array(tag, m, -1, 2, 4, abc(), vals4())
    });
    b.add(
        "zero components, values sent anyway",
        "lying lengths",
        Array,
        proto(&["components", "is 0"]),
        |tag, _, m| float_array(tag, m, 4, 0, 4, abc(), vals4()),
    );
    b.add("negative components", "lying lengths", Array, proto(&["components", "-3"]), |tag, _, m| {
        float_array(tag, m, 2, -3, 4, abc(), vals4())
    });
    b.add("tuples × components overflow", "lying lengths", Array, proto(&["overflow"]), |tag, _, m| {
        float_array(tag, m, 1 << 62, 8, 4, abc(), vals4())
    });
    b.add(
        "fewer values than announced",
        "lying lengths",
        Array,
        proto(&["values", "holds 4 values where 10"]),
        |tag, _, m| float_array(tag, m, 10, 1, 4, abc(), vals4()),
    );
    b.add(
        "more values than announced",
        "lying lengths",
        Array,
        proto(&["values", "holds 8 values where 2"]),
        |tag, _, m| float_array(tag, m, 2, 1, 4, abc(), Some(floats(&[1., 2., 3., 4., 5., 6., 7., 8.]))),
    );
    b.add(
        "strays after a violation",
        "lying lengths",
        Array,
        proto(&["tuples", "-1", "further message"]),
        |tag, _, m| {
            let mut o = float_array(tag, m, -1, 1, 4, abc(), vals4());
            o.extend([
                send(m, "INT", ints(&[1, 2, 3])),
                send(m, "DOUBLE", Data::Fill(1, 800)),
                send(m, "BYTE", bytes(&[])),
            ]);
            o
        },
    );
    b.add(
        "object: empty buffer for vtkPolyData",
        "lying lengths",
        Object,
        proto(&["empty buffer", "type 0"]),
        |tag, t, m| {
            let mut o = object_ops(tag, t, m, 0, &[]);
            o.pop(); // VTK sends no values message for an empty buffer
            o
        },
    );
    b.add(
        "object: empty buffer announced, data sent anyway",
        "lying lengths",
        Object,
        proto(&["empty buffer", "further message"]),
        |tag, t, m| {
            let mut o = object_ops(tag, t, m, 0, &triangle_bytes());
            o[4] = send(m, "LONG_LONG", ll(0));
            o
        },
    );
    b.add("object: buffer with 0 components", "lying lengths", Object, proto(&["components", "is 0"]), |tag, t, m| {
        let mut o = object_ops(tag, t, m, 0, &triangle_bytes());
        o[5] = send(m, "INT", ints(&[0]));
        o
    });
    b.add("object: buffer with 3 components", "lying lengths", Object, proto(&["components", "is 3"]), |tag, t, m| {
        let mut o = object_ops(tag, t, m, 0, &triangle_bytes());
        o[5] = send(m, "INT", ints(&[3]));
        o
    });
    b.add(
        "object: negative buffer name length",
        "lying lengths",
        Object,
        proto(&["name length", "-1"]),
        |tag, t, m| {
            let mut o = object_ops(tag, t, m, 0, &triangle_bytes());
            o[6] = send(m, "INT", ints(&[-1]));
            o
        },
    );
    b.add(
        "object: 2^40-byte buffer announced",
        "lying lengths",
        Object,
        proto(&["marshaled bytes", "216 values"]),
        |tag, t, m| {
            let mut o = object_ops(tag, t, m, 0, &triangle_bytes());
            o[4] = send(m, "LONG_LONG", ll(1 << 40));
            o
        },
    )
    // A maximum object size above the announcement: the lie itself must be caught.
    .limit = Some(1 << 50);
    b.add(
        "object: buffer shorter than announced",
        "lying lengths",
        Object,
        proto(&["marshaled bytes", "100 values"]),
        |tag, t, m| {
            let mut o = object_ops(tag, t, m, 0, &triangle_bytes());
            o[7] = send(m, "CHAR", bytes(&triangle_bytes()[..100]));
            o
        },
    );

    // ---- headers -----------------------------------------------------------------------------
    b.add("header of 3 ints", "headers", Object, proto(&["header", "12 bytes"]), |tag, t, _| {
        vec![send(tag, "INT", ints(&[PEER, t, 5]))]
    });
    b.add("header of 1 int", "headers", Array, proto(&["header", "4 bytes"]), |tag, _, _| {
        vec![send(tag, "INT", ints(&[PEER]))]
    });
    b.add("header announces tag -5", "headers", Object, proto(&["header", "tag -5"]), |tag, _, _| {
        vec![send(tag, "INT", ints(&[PEER, -5]))]
    });
    b.add("header names another rank", "headers", Object, proto(&["names rank 5", "came from rank 0"]), |tag, t, m| {
        let mut o = object_ops(tag, t, m, 0, &triangle_bytes());
        o[0] = send(tag, "INT", ints(&[5, t]));
        o
    });
    b.add("buffer header of 1 int", "headers", Object, proto(&["buffer header", "4 bytes"]), |tag, t, _| {
        vec![send(tag, "INT", ints(&[PEER, t])), send(t, "INT", ints(&[0])), send(t, "INT", ints(&[PEER]))]
    });

    // ---- wrong datatypes ---------------------------------------------------------------------
    b.add(
        "tuples as MPI_INT",
        "wrong datatypes",
        Array,
        proto(&["tuples", "4 bytes, not 1 MPI_LONG_LONG"]),
        |tag, _, m| {
            let mut o = float_array(tag, m, 2, 2, 4, abc(), vals4());
            o[2] = send(m, "INT", ints(&[2]));
            o
        },
    );
    b.add(
        "float array sent as MPI_DOUBLE",
        "wrong datatypes",
        Array,
        proto(&["values", "holds 8 values where 4"]),
        |tag, _, m| {
            let mut o = float_array(tag, m, 4, 1, 4, abc(), None);
            o.push(send(m, "DOUBLE", Data::Bytes([1f64, 2., 3., 4.].iter().flat_map(|x| x.to_ne_bytes()).collect())));
            o
        },
    );
    b.add("odd byte count for doubles", "wrong datatypes", Array, proto(&["not a whole number"]), |tag, _, m| {
        let mut o = float_array(tag, m, 2, 1, 4, abc(), None);
        o[1] = send(m, "INT", ints(&[11]));
        o.push(send(m, "BYTE", Data::Fill(3, 13)));
        o
    });
    b.add(
        "object type as MPI_LONG_LONG",
        "wrong datatypes",
        Object,
        proto(&["data-object type", "8 bytes"]),
        |tag, t, m| {
            let mut o = object_ops(tag, t, m, 0, &triangle_bytes());
            o[1] = send(t, "LONG_LONG", ll(0));
            o
        },
    );
    b.add(
        "name as MPI_INT",
        "wrong datatypes",
        Array,
        proto(&["name", "16 bytes, the name length announced 4"]),
        |tag, _, m| {
            let mut o = float_array(tag, m, 4, 1, 4, None, vals4());
            o.insert(5, send(m, "INT", ints(&[97, 98, 99, 0])));
            o
        },
    );

    // ---- the wrong object type -------------------------------------------------------------
    b.add(
        "typed receive of another type",
        "wrong object type",
        IntoPolyData,
        err(Status::WrongObjectType, &["type 6", "type 0"]),
        |tag, t, m| object_ops(tag, t, m, 6, &triangle_bytes()),
    );
    b.add(
        "unknown object type, nothing after",
        "wrong object type",
        Object,
        proto(&["data-object type", "99"]),
        |tag, t, _| vec![send(tag, "INT", ints(&[PEER, t])), send(t, "INT", ints(&[99]))],
    );
    b.add(
        "unknown object type with a buffer",
        "wrong object type",
        Object,
        proto(&["99", "further message"]),
        |tag, t, m| object_ops(tag, t, m, 99, &triangle_bytes()),
    );
    b.add("object type -7", "wrong object type", Object, proto(&["-7"]), |tag, t, _| {
        vec![send(tag, "INT", ints(&[PEER, t])), send(t, "INT", ints(&[-7]))]
    });
    b.add(
        "announced image data, sent polydata bytes",
        "wrong object type",
        Object,
        proto(&["announced data-object type 6", "vtkPolyData"]),
        |tag, t, m| object_ops(tag, t, m, 6, &triangle_bytes()),
    );
    b.add(
        "buffer is a float array",
        "wrong object type",
        Object,
        proto(&["buffer array type", "is 10"]),
        |tag, t, m| {
            let mut o = object_ops(tag, t, m, 0, &triangle_bytes());
            o[3] = send(m, "INT", ints(&[10]));
            o[7] = send(m, "FLOAT", Data::Fill(0, 216));
            o[4] = send(m, "LONG_LONG", ll(54));
            o
        },
    );
    b.add("buffer is a null array", "wrong object type", Object, proto(&["null array"]), |tag, t, m| {
        vec![
            send(tag, "INT", ints(&[PEER, t])),
            send(t, "INT", ints(&[0])),
            send(t, "INT", ints(&[PEER, m])),
            send(m, "INT", ints(&[-1])),
        ]
    });
    b.add("type VTK does not send (5), as VTK", "wrong object type", Object, Outcome::Nothing, |tag, t, _| {
        vec![send(tag, "INT", ints(&[PEER, t])), send(t, "INT", ints(&[5]))]
    });
    b.add("bit array", "wrong object type", Array, err(Status::WrongArrayType, &["type 1"]), |tag, _, m| {
        let mut o = float_array(tag, m, 16, 1, 4, abc(), None);
        o[1] = send(m, "INT", ints(&[1]));
        o.push(send(m, "BYTE", Data::Fill(0xff, 16)));
        o
    });
    b.add("string array", "wrong object type", Array, err(Status::WrongArrayType, &["type 13"]), |tag, _, m| {
        let mut o = float_array(tag, m, 3, 1, 0, None, None);
        o[1] = send(m, "INT", ints(&[13]));
        o.push(send(m, "BYTE", Data::Fill(0x41, 3)));
        o
    });

    // ---- truncated and missing messages ----------------------------------------------------
    b.add(
        "nothing sent (timed receive)",
        "missing",
        ObjectTimeout(0.5),
        err(Status::Timeout, &["nothing was received"]),
        |_, _, _| Vec::new(),
    );
    b.add(
        "header only (timed receive)",
        "missing",
        ObjectTimeout(0.5),
        err(Status::Timeout, &["stopped in the middle"]),
        |tag, t, _| vec![send(tag, "INT", ints(&[PEER, t]))],
    );
    b.add(
        "stops after the tuples (timed receive)",
        "missing",
        ObjectTimeout(0.5),
        err(Status::Timeout, &["stopped in the middle"]),
        |tag, t, m| {
            let mut o = object_ops(tag, t, m, 0, &triangle_bytes());
            o.truncate(5);
            o
        },
    );
    b.add(
        "values missing (timed array receive)",
        "missing",
        ArrayTimeout(0.5),
        err(Status::Timeout, &["stopped in the middle"]),
        |tag, _, m| float_array(tag, m, 4, 1, 4, abc(), None),
    );
    b.add(
        "name missing, values sent",
        "missing",
        Array,
        proto(&["name", "16 bytes", "did not arrive"]),
        |tag, _, m| float_array(tag, m, 4, 1, 4, None, vals4()),
    );
    b.add("stops after the type (non-blocking, freed)", "missing", ObjectPoll(0.5), Outcome::Pending, |tag, t, _| {
        vec![send(tag, "INT", ints(&[PEER, t])), send(t, "INT", ints(&[0]))]
    });
    b.add("violation seen by request_test", "missing", ObjectPoll(3.0), proto(&["name length", "-1"]), |tag, t, m| {
        let mut o = object_ops(tag, t, m, 0, &triangle_bytes());
        o[6] = send(m, "INT", ints(&[-1]));
        o
    });

    // ---- bombs -------------------------------------------------------------------------------
    // The stray is drained into a sink; the over-limit buffer is refused before allocation and
    // drained into a sink; the INT_MAX name length allocates nothing: none of them grows the
    // peak RSS by its size.
    b.add("64 MiB stray after a violation", "bombs", Array, proto(&["tuples", "further message"]), |tag, _, m| {
        let mut o = float_array(tag, m, -1, 1, 4, abc(), None);
        o.push(send(m, "BYTE", Data::Fill(0x55, 64 * MIB)));
        o
    })
    .max_rss_growth = Some(24 * MIB);
    let s = b.add(
        "128 MiB object over a 16 MiB receive limit",
        "bombs",
        Object,
        err(Status::OutOfRange, &["receive limit"]),
        |tag, t, m| {
            let mut o = object_ops(tag, t, m, 0, &[]);
            o[4] = send(m, "LONG_LONG", ll(128 << 20));
            o[7] = send(m, "CHAR", Data::Fill(b'#', 128 * MIB));
            o
        },
    );
    s.limit = Some(16 * MIB);
    s.max_rss_growth = Some(24 * MIB);
    let s = b.add(
        "name length INT_MAX: no 2 GiB allocation",
        "bombs",
        Array,
        proto(&["name", "2147483647"]),
        |tag, _, m| float_array(tag, m, 2, 2, i32::MAX, Some(b"x\0"), vals4()),
    );
    s.max_rss_growth = Some(8 * MIB);
    s.max_vm_growth = Some(512 * MIB);
    let s = b.add(
        "2^40 values announced: no 4 TiB reservation",
        "bombs",
        Array,
        proto(&["values", "holds 4 values"]),
        |tag, _, m| float_array(tag, m, 1 << 40, 1, 4, abc(), vals4()),
    );
    s.max_vm_growth = Some(512 * MIB);
    // A maximum object size above the announcement: the lie itself must be caught.
    s.limit = Some(1 << 50);

    // ---- broadcasts (a collective cannot be probed; the sequence must stay intact) -----------
    let mut add_bcast = |name: &'static str, recv: Recv, outcome: Outcome, ops: Vec<Op>, limit: Option<usize>| {
        let s = b.add(name, "broadcasts", recv, outcome, |_, _, _| ops.clone());
        s.limit = limit;
        s.max_rss_growth = limit.map(|_| 8 * MIB);
    };
    let sizes = |code: i32, tuples: i64, comps: i32, name_len: i32| {
        vec![
            bcast("INT", ints(&[code])),
            bcast("LONG_LONG", ll(tuples)),
            bcast("INT", ints(&[comps])),
            bcast("INT", ints(&[name_len])),
        ]
    };
    let mut o = sizes(10, 2, 1, -3);
    o.push(bcast("FLOAT", floats(&[1., 2.])));
    add_bcast("bcast: negative name length", BcastArray, proto(&["root 0", "name length is -3"]), o, None);
    let mut o = sizes(10, 5, 0, 0);
    o.push(bcast("FLOAT", bytes(&[])));
    add_bcast("bcast: zero components", BcastArray, proto(&["0 components"]), o, None);
    let mut o = sizes(99, 6, 1, 0);
    o.push(bcast("BYTE", Data::Fill(9, 6)));
    add_bcast("bcast: unknown array type", BcastArray, err(Status::WrongArrayType, &["type 99"]), o, None);
    let mut o = sizes(10, 4 << 20, 1, 0);
    o.push(bcast("FLOAT", Data::Fill(0, 16 * MIB)));
    add_bcast(
        "bcast: 16 MiB of values over a 1 MiB limit",
        BcastArray,
        err(Status::OutOfRange, &["receive limit"]),
        o,
        Some(MIB),
    );
    let mut o = sizes(10, 1, 1, 4 << 20);
    o.push(bcast("CHAR", Data::Fill(b'n', 4 * MIB)));
    o.push(bcast("FLOAT", floats(&[1.])));
    add_bcast(
        "bcast: 4 MiB name over a 1 MiB limit",
        BcastArray,
        err(Status::OutOfRange, &["name", "receive limit"]),
        o,
        Some(MIB),
    );
    add_bcast("bcast: negative tuples", BcastArray, proto(&["-1 tuples"]), sizes(10, -1, 1, 0), None);
    let mut o = sizes(6, 54, 1, 0);
    o.push(bcast("INT", Data::Fill(0, 216)));
    add_bcast("bcast object: an int array as the buffer", BcastObject, proto(&["type-6 array"]), o, None);
    b.0
}

/// The legacy-bytes bombs of issue 10, as the payload of well-formed object sends. Their
/// refusal is the legacy reader's; over MPI the receive must return its error, survive and stay
/// within bounded memory. VTK's own marshaled bytes frame them (a 9.1 header).
pub fn payload_bombs() -> Vec<Scenario> {
    let mut b = Builder(Vec::new());
    let h = "# vtk DataFile Version 5.1\nvtk output\nBINARY\n";
    // Class 1: a multi-component binary bit array sized from its header (VTK 9.1's short
    // form): 10^12 components × 8 tuples of bits in 1 byte.
    let mut bit = format!("{h}DATASET POLYDATA\nFIELD FieldData 1\nb 1000000000000 8 bit\n").into_bytes();
    bit.extend_from_slice(b"\x00\n");
    // Class 2: a component-name token for an array of 2^62 components and no tuples.
    let names = b"# vtk DataFile Version 5.1\nvtk output vtkwire1 C0\nBINARY\nDATASET POLYDATA\nFIELD FieldData 1\nb 4611686018427387904 0 float\n".to_vec();
    // Composite nesting 10000 deep (the reader's limit is 64; recursion must not overflow).
    let mut deep = String::new();
    for _ in 0..10_000 {
        deep += &format!("{h}DATASET MULTIBLOCK\nCHILDREN 1\nCHILD 13\n");
    }
    deep += &format!("{h}DATASET MULTIBLOCK\nCHILDREN 0\n");
    deep += &"ENDCHILD\n".repeat(10_000);
    // 10^12 points announced in 100 bytes.
    let mut points = format!("{h}DATASET POLYDATA\nPOINTS 1000000000000 float\n").into_bytes();
    points.extend_from_slice(&[0x3f; 100]);
    for (name, code, payload) in [
        ("bit array sized from its header (class 1)", 0, bit),
        ("component names for 2^62 components (class 2)", 0, names),
        ("multiblock nested 10000 deep", 13, deep.into_bytes()),
        ("10^12 points in 100 bytes", 0, points),
    ] {
        b.add(name, "payload bombs", Recv::ObjectC, Outcome::Refused, move |tag, t, m| {
            object_ops(tag, t, m, code, &payload)
        })
        .max_rss_growth = Some(64 * MIB);
    }
    b.0
}

/// The script the peer replays: one operation per line, a `scenario` line before and an `ack`
/// line after each scenario's operations and follow-up.
pub fn script(scenarios: &[Scenario]) -> String {
    let mut s = String::from("# vtkwire hostile-peer script: generated by tests/mpi_hostile_peers.rs\n");
    for (i, sc) in scenarios.iter().enumerate() {
        let _ = writeln!(s, "scenario {i} {}", sc.name.replace(' ', "_"));
        let follow =
            if matches!(sc.recv, Recv::BcastArray | Recv::BcastObject) { follow_bcast_ops() } else { follow_ops(i) };
        for op in sc.ops.iter().chain(&follow) {
            let _ = match op {
                Op::Send { tag, dt, data } => writeln!(s, "send {tag} {dt} {}", data.script()),
                Op::Bcast { dt, data } => writeln!(s, "bcast {dt} {}", data.script()),
            };
        }
        let _ = writeln!(s, "ack {i}");
    }
    s.push_str("end\n");
    s
}
