//! What one read may build: the limits users set, and the one budget rule every reader obeys.
//!
//! # The rule
//!
//! A reader (legacy unmarshal and file read, and any decoder of bytes from a file or an MPI
//! peer) never allocates more than its input can justify, never works more than linearly in
//! its input, and never panics or prints. Concretely:
//!
//! 1. **Counts are justified by the bytes that remain.** Every count read from the input (values,
//!    tuples, cells, strings, blocks, edges…) is checked with [`justify`] against the bytes left
//!    after it, at the smallest number of bytes one element can take in the input (a binary
//!    element its size; an ASCII value 1 byte; a string 1 byte; an AMR box 12 bytes…), before
//!    anything is allocated or looped over.
//! 2. **Every allocation that is part of the object is charged to one ledger per read**
//!    ([`Budget`]): element bytes of every array, string, name and cell list, and the fixed size
//!    of every array, block, child object and AMR block built. Whatever has no bytes of its own
//!    in the input (an AMR block's struct, the empty component names of a `vtkwire1` `C` token,
//!    the zero bytes VTK's short bit-array form leaves out, graph vertices without points) is
//!    bounded by this ledger alone. Allocations are made fallibly ([`Budget::vec`], [`try_vec`],
//!    `try_reserve_exact`): an allocator failure is [`Status::Alloc`], never an abort.
//! 3. **The ledger's allowance** is `min(max_object_bytes, AMPLIFICATION × input length +
//!    SLACK)`. Exceeding the user's limit is [`Status::LimitExceeded`]; exceeding what the input
//!    justifies is [`Status::Truncated`] (the input is too short for what it announces). No
//!    object vtkwire writes needs more than about 56 bytes of memory per byte of its file
//!    (ASCII AMR boxes of empty blocks), so [`AMPLIFICATION`] = 64 refuses only bombs.
//! 4. **Nesting** (multiblock children, AMR blocks) deeper than `max_depth` is refused
//!    ([`Status::LimitExceeded`]) before the child is parsed; recursion is bounded by it.
//! 5. **Linear work**: every loop driven by a count either consumes input on each iteration or
//!    is charged to the ledger before it starts; lookups of per-array extension tokens are
//!    indexed (no scan of all tokens per array).
//!
//! Temporary copies proportional to the bytes just consumed (a token lower-cased, a line
//! decoded) are not charged: each is at most 3 bytes per input byte and freed at once.
//!
//! Marshal and legacy write follow the same idea on the way out: their output buffer is
//! reserved fallibly at its exact planned size (and checked against `max_object_bytes`), so
//! an object too large to write gives [`Status::Alloc`] or [`Status::LimitExceeded`].
//!
//! Limits are per process ([`set_max_object_bytes`], [`set_max_depth`], C:
//! `vtkwire_limits_set_*`), with defaults: `max_object_bytes` = the machine's physical memory,
//! `max_depth` = [`crate::model::MAX_DEPTH`]. Rust callers can pass a [`Limits`] per call
//! (`legacy::unmarshal_with`, `legacy::read_file_bytes_with`).

#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Display;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::error::{Error, Result, Status};
use crate::model::MAX_DEPTH;

/// Bytes of object a reader may build per byte of input (the justification of rule 3).
pub const AMPLIFICATION: usize = 64;

/// Bytes of object any input may build on top of [`AMPLIFICATION`] × its length (small inputs
/// with many empty components or VTK's short bit arrays).
pub const SLACK: usize = 64 << 10;

/// Default `max_object_bytes` when the physical memory cannot be read.
const FALLBACK_MAX_OBJECT_BYTES: usize = 16 << 30;

/// 0 = not set (the default applies).
static MAX_OBJECT_BYTES: AtomicUsize = AtomicUsize::new(0);
/// `usize::MAX` = not set.
static MAX_DEPTH_SET: AtomicUsize = AtomicUsize::new(usize::MAX);

/// Limits for one read (or marshal). [`Limits::current`] gives the process-wide values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest object (bytes of memory it takes, as charged by [`Budget`]) a read may build;
    /// also the largest input file read and the largest buffer marshal or write allocates.
    pub max_object_bytes: usize,
    /// Deepest nesting of composite children (0: no children at all).
    pub max_depth: usize,
}

impl Default for Limits {
    /// The defaults: physical memory, [`MAX_DEPTH`].
    fn default() -> Limits {
        Limits { max_object_bytes: default_max_object_bytes(), max_depth: MAX_DEPTH }
    }
}

impl Limits {
    /// The process-wide limits (defaults where none was set).
    pub fn current() -> Limits {
        let bytes = match MAX_OBJECT_BYTES.load(Ordering::Relaxed) {
            0 => default_max_object_bytes(),
            n => n,
        };
        let depth = match MAX_DEPTH_SET.load(Ordering::Relaxed) {
            usize::MAX => MAX_DEPTH,
            d => d,
        };
        Limits { max_object_bytes: bytes, max_depth: depth }
    }

    /// Checks that an allocation of `bytes` (an input file, an output buffer) is within
    /// `max_object_bytes`.
    pub fn check_bytes(&self, bytes: usize, what: impl Display) -> Result<()> {
        if bytes > self.max_object_bytes {
            return Err(over_limit(what, bytes, self.max_object_bytes));
        }
        Ok(())
    }
}

fn over_limit(what: impl Display, bytes: usize, limit: usize) -> Error {
    Error::new(
        Status::LimitExceeded,
        format!(
            "{what} needs {bytes} bytes, more than the maximum object size of {limit} bytes \
             (vtkwire_limits_set_max_object_bytes)"
        ),
    )
}

/// The machine's physical memory (`sysconf`, read once), or 16 GiB when unknown.
fn default_max_object_bytes() -> usize {
    static PHYS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *PHYS.get_or_init(|| {
        #[allow(unsafe_code)] // Reason: sysconf takes no pointers and has no preconditions.
        // SAFETY: sysconf only reads system configuration; any name is allowed.
        let (pages, page) = unsafe { (libc::sysconf(libc::_SC_PHYS_PAGES), libc::sysconf(libc::_SC_PAGESIZE)) };
        match (usize::try_from(pages), usize::try_from(page)) {
            (Ok(p), Ok(s)) if p > 0 && s > 0 => p.saturating_mul(s),
            _ => FALLBACK_MAX_OBJECT_BYTES,
        }
    })
}

/// Sets the process-wide `max_object_bytes` (at least 1).
pub fn set_max_object_bytes(bytes: usize) -> Result<()> {
    if bytes == 0 {
        return Err(Error::invalid_argument("the maximum object size must be at least 1 byte"));
    }
    MAX_OBJECT_BYTES.store(bytes, Ordering::Relaxed);
    Ok(())
}

/// Sets the process-wide `max_depth` (`0..=MAX_DEPTH`; the model refuses deeper nesting).
pub fn set_max_depth(depth: usize) -> Result<()> {
    if depth > MAX_DEPTH {
        return Err(Error::invalid_argument(format!("the maximum nesting depth is at most {MAX_DEPTH}, got {depth}")));
    }
    MAX_DEPTH_SET.store(depth, Ordering::Relaxed);
    Ok(())
}

/// Restores the defaults.
pub fn reset() {
    MAX_OBJECT_BYTES.store(0, Ordering::Relaxed);
    MAX_DEPTH_SET.store(usize::MAX, Ordering::Relaxed);
}

/// Rule 1: `count` elements of at least `bytes_each` input bytes fit in the `remaining` bytes.
/// `what` names the elements ("3 strings announced…"); the caller adds where.
pub fn justify(count: usize, bytes_each: usize, remaining: usize, what: impl Display) -> Result<()> {
    match count.checked_mul(bytes_each) {
        Some(need) if need <= remaining => Ok(()),
        _ => Err(Error::new(
            Status::Truncated,
            format!(
                "{count} {what} announced need at least {} bytes, only {remaining} remain",
                count.saturating_mul(bytes_each)
            ),
        )),
    }
}

/// A vector with room for `n` elements, allocated fallibly (allocator failure: `Alloc`).
/// Not charged to any ledger: for callers that have justified `n` themselves (an MPI
/// receive of a size the peer announced and the limits allow).
pub fn try_vec<T>(n: usize, what: impl Display) -> Result<Vec<T>> {
    let mut v = Vec::new();
    try_reserve(&mut v, n, what)?;
    Ok(v)
}

/// `v.try_reserve_exact(additional)`, with an `Alloc` error naming `what`.
pub fn try_reserve<T>(v: &mut Vec<T>, additional: usize, what: impl Display) -> Result<()> {
    v.try_reserve_exact(additional).map_err(|e| {
        Error::new(
            Status::Alloc,
            format!(
                "{what}: cannot allocate {} bytes ({e})",
                additional.saturating_mul(std::mem::size_of::<T>()).saturating_add(v.len())
            ),
        )
    })
}

/// The ledger of one read (rules 2 and 3): what the object built so far is charged, against
/// `min(max_object_bytes, AMPLIFICATION × input + SLACK)`.
#[derive(Debug)]
pub struct Budget {
    input_len: usize,
    /// What the input justifies: `AMPLIFICATION × input + SLACK`.
    justified: usize,
    max_object_bytes: usize,
    used: usize,
}

impl Budget {
    /// The budget of a read of `input_len` bytes under `limits`.
    pub fn new(input_len: usize, limits: &Limits) -> Budget {
        Budget {
            input_len,
            justified: input_len.saturating_mul(AMPLIFICATION).saturating_add(SLACK),
            max_object_bytes: limits.max_object_bytes,
            used: 0,
        }
    }

    /// Bytes charged so far (about the size of the object built).
    pub fn used(&self) -> usize {
        self.used
    }

    /// Charges `bytes` of object; fails (charging nothing) when the allowance would be passed:
    /// `Truncated` when the input cannot justify it (whatever the limit), else `LimitExceeded`
    /// when the user's limit is passed.
    pub fn charge(&mut self, bytes: usize, what: impl Display) -> Result<()> {
        let total = self.used.saturating_add(bytes);
        if total > self.justified {
            return Err(Error::new(
                Status::Truncated,
                format!(
                    "{what} needs {bytes} bytes of memory: more than the {}-byte input can justify ({} bytes of \
                     object per input byte; object so far: {} bytes)",
                    self.input_len, AMPLIFICATION, self.used
                ),
            ));
        }
        if total > self.max_object_bytes {
            return Err(over_limit(
                format_args!("{what} (object so far: {} bytes)", self.used),
                bytes,
                self.max_object_bytes,
            ));
        }
        self.used = total;
        Ok(())
    }

    /// Charges `n` elements of `T`.
    pub fn charge_n<T>(&mut self, n: usize, what: impl Display) -> Result<()> {
        self.charge(n.saturating_mul(std::mem::size_of::<T>()), what)
    }

    /// Charges `n` elements of `T` and returns an empty vector with room for them (fallible).
    pub fn vec<T>(&mut self, n: usize, what: impl Display) -> Result<Vec<T>> {
        self.charge_n::<T>(n, &what)?;
        try_vec(n, what)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "tests")]
mod tests {
    use super::*;

    #[test]
    fn justify_and_charge() {
        assert!(justify(10, 4, 40, "values").is_ok());
        let e = justify(11, 4, 40, "values").unwrap_err();
        assert_eq!(e.status, Status::Truncated);
        assert!(e.message.contains("11 values announced need at least 44 bytes, only 40 remain"), "{}", e.message);
        assert!(justify(usize::MAX, 2, 40, "x").is_err());

        let lim = Limits { max_object_bytes: 1000, max_depth: 3 };
        let mut b = Budget::new(10, &lim);
        b.charge(600, "a").unwrap();
        assert_eq!(b.used(), 600);
        let e = b.charge(500, "b").unwrap_err();
        assert_eq!(e.status, Status::LimitExceeded, "{}", e.message);
        assert_eq!(b.used(), 600);
        let mut b = Budget::new(10, &Limits { max_object_bytes: usize::MAX, max_depth: 3 });
        let e = b.charge(10 * AMPLIFICATION + SLACK + 1, "c").unwrap_err();
        assert_eq!(e.status, Status::Truncated, "{}", e.message);
        assert!(b.vec::<u64>(usize::MAX / 4, "d").is_err());
        let v = b.vec::<u64>(16, "e").unwrap();
        assert!(v.capacity() >= 16);
        assert_eq!(b.used(), 128);
    }

    #[test]
    fn allocation_failure_is_an_error() {
        let e = try_vec::<u64>(usize::MAX / 8, "huge").unwrap_err();
        assert_eq!(e.status, Status::Alloc);
        assert!(e.message.starts_with("huge:"), "{}", e.message);
    }
}
