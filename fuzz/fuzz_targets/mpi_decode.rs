//! VTK's MPI message sequences (reference §4.2 data arrays, §4.3 data objects) fed as bytes to
//! the decoder every MPI receive path runs (`vtkwire::mpi::decode`: the blocking receive, the
//! receive with a deadline and the non-blocking one all drive the same state machine).
//!
//! Input: byte 0 picks the receive (even: `Receive(vtkDataObject*)`, odd: `Receive(vtkDataArray*)`)
//! and, in bits 1–2, the values chunk (`INT_MAX` elements as VTK, or 1, 3 or 64 elements, so that
//! chunked values are fuzzed too with small inputs); then the messages the peer sent, each as a
//! little-endian `u16` length and that many payload bytes (native-endian ints, as MPI delivers
//! them). A message missing where the receiver waits for one ends the input (a real receive would
//! block or time out: `vtkwire_object_recv_timeout`, tested in tests/mpi_hostile_peers.rs).
//!
//! What must hold: no panic, no abort, no allocation over the limit (the decoder sizes every
//! buffer from the *probed* size of a message that has arrived, capped by `max_bytes`); an error
//! carries a message; a decoded object marshals (or fails softly) and reads back bit for bit; a
//! decoded array can be sent again unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vtkwire::model::DataArray;
use vtkwire::mpi::decode::{self, Limits};
use vtkwire::mpi::protocol::ArrayWire;
use vtkwire_fuzz::{check_decoded, check_error};

/// The messages of one receive, in order.
fn messages(mut b: &[u8]) -> Vec<&[u8]> {
    let mut msgs = Vec::new();
    while let [lo, hi, rest @ ..] = b {
        let n = usize::from(u16::from_le_bytes([*lo, *hi])).min(rest.len());
        let (m, tail) = rest.split_at(n);
        msgs.push(m);
        b = tail;
    }
    msgs
}

/// A received array sent back must put the same values on the wire (decode → encode fixpoint).
fn check_array(a: &DataArray) {
    let w = match ArrayWire::of(a) {
        Ok(w) => w,
        Err(e) => panic!("a received array cannot be sent again: {e:?}"),
    };
    assert_eq!(w.code, a.scalar_type().code());
    assert_eq!(usize::try_from(w.comps).ok(), Some(a.components()));
    assert_eq!(usize::try_from(w.tuples).ok(), Some(a.tuples()));
    assert_eq!(w.bytes.len(), a.tuples() * a.components() * w.elem);
}

fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else { return };
    let chunk_elements = match (kind >> 1) & 3 {
        0 => i32::MAX as usize,
        1 => 1,
        2 => 3,
        _ => 64,
    };
    // 64 MiB per name or set of values: far above any input (max_len 64 KiB), far below the
    // fuzzer's -malloc_limit_mb, so an allocation sized from an announcement shows as a finding.
    let limits = Limits { tag_ub: i32::MAX, chunk_elements, max_bytes: 64 << 20 };
    let msgs = messages(rest);
    if kind % 2 == 0 {
        match decode::decode_object_messages(limits, &msgs) {
            None | Some(Ok(None)) => {}
            Some(Ok(Some(obj))) => check_decoded(&obj),
            Some(Err(e)) => check_error("object receive", &e),
        }
    } else {
        match decode::decode_array_messages(limits, &msgs) {
            None | Some(Ok(None)) => {}
            Some(Ok(Some(a))) => check_array(&a),
            Some(Err(e)) => check_error("array receive", &e),
        }
    }
});
