//! Receive buffers for messages that are thrown away (a drain after a protocol violation, a
//! payload over the receive limit), with a bounded memory cost whatever their size.
//!
//! MPI cannot discard a matched message: it must be received into a buffer as large as the
//! message. A [`Sink`] of `len` bytes is `len` bytes of address space but only one small block of
//! memory: on Linux, a `memfd` block mapped again and again side by side (distinct addresses, so
//! the receive datatype never overlaps itself, as MPI requires; the kernel writes every block to
//! the same pages). At most [`MAX_MAPPINGS`] mappings are used (the block grows with `len`: a
//! 16 GiB message costs 4 MiB). Small sinks, and systems where the mapping fails, use a heap or an
//! anonymous `MAP_NORESERVE` mapping (whose pages are committed only as MPI writes them).

use std::ffi::c_void;

use crate::error::{Error, Result, Status};

/// Sinks up to this size are plain heap buffers.
const SMALL: usize = 64 * 1024;
/// The smallest aliased block.
const BLOCK: usize = 1 << 20;
/// The most mappings one sink uses (Linux allows 65530 per process by default).
pub const MAX_MAPPINGS: usize = 4096;

/// A write-only receive buffer of `len` bytes (see the module documentation).
#[derive(Debug)]
pub struct Sink {
    base: *mut c_void,
    len: usize,
    heap: Vec<u8>,
    /// Bytes of memory it can commit (the block, or `len` for heap and anonymous sinks).
    resident: usize,
}

// SAFETY: the mapping is owned by the Sink and only written by MPI during a receive the owner
// waits for; nothing else aliases it.
unsafe impl Send for Sink {}

impl Sink {
    /// A sink of at least `len` bytes.
    pub fn new(len: usize) -> Result<Sink> {
        if len <= SMALL {
            let mut heap = Vec::new();
            heap.try_reserve_exact(len.max(1))
                .map_err(|_| Error::new(Status::Alloc, format!("cannot allocate a {len}-byte drain buffer")))?;
            heap.resize(len.max(1), 0);
            return Ok(Sink { base: std::ptr::null_mut(), len, heap, resident: len });
        }
        #[cfg(target_os = "linux")]
        if let Some(s) = Sink::aliased(len) {
            return Ok(s);
        }
        Sink::anonymous(len)
    }

    /// The buffer's first byte (for `MPI_Mrecv`).
    pub fn ptr(&mut self) -> *mut c_void {
        if self.base.is_null() { self.heap.as_mut_ptr().cast() } else { self.base }
    }

    /// Memory (not address space) the sink can commit, for tests of the bound.
    pub fn resident_bytes(&self) -> usize {
        self.resident
    }

    fn page() -> usize {
        // SAFETY: sysconf has no preconditions.
        let p = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
        usize::try_from(p).ok().filter(|&p| p > 0).unwrap_or(4096)
    }

    /// An anonymous, unreserved mapping of `len` bytes (pages are committed as MPI writes them).
    fn anonymous(len: usize) -> Result<Sink> {
        // SAFETY: a fresh private anonymous mapping; checked for MAP_FAILED.
        let base = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                -1,
                0,
            )
        };
        if base == libc::MAP_FAILED {
            return Err(Error::new(Status::Alloc, format!("cannot map a {len}-byte drain buffer")));
        }
        Ok(Sink { base, len, heap: Vec::new(), resident: len })
    }

    /// `len` bytes of address space made of one memfd block mapped repeatedly.
    #[cfg(target_os = "linux")]
    fn aliased(len: usize) -> Option<Sink> {
        let page = Sink::page();
        let per = len.div_ceil(MAX_MAPPINGS).max(BLOCK).div_ceil(page).checked_mul(page)?;
        let total = len.div_ceil(per).checked_mul(per)?;
        // SAFETY: a NUL-terminated name; the fd is closed below in every case.
        let fd = unsafe { libc::memfd_create(c"vtkwire-drain".as_ptr(), libc::MFD_CLOEXEC) };
        if fd < 0 {
            return None;
        }
        let sink = (|| {
            // SAFETY: fd is our memfd.
            if unsafe { libc::ftruncate(fd, libc::off_t::try_from(per).ok()?) } != 0 {
                return None;
            }
            // SAFETY: reserves address space only (PROT_NONE, nothing committed).
            let base = unsafe {
                libc::mmap(
                    std::ptr::null_mut(),
                    total,
                    libc::PROT_NONE,
                    libc::MAP_PRIVATE | libc::MAP_ANONYMOUS | libc::MAP_NORESERVE,
                    -1,
                    0,
                )
            };
            if base == libc::MAP_FAILED {
                return None;
            }
            // From here on the Sink owns [base, base + total): dropping it unmaps everything.
            let s = Sink { base, len: total, heap: Vec::new(), resident: per };
            let mut off = 0;
            while off < total {
                // SAFETY: base + off lies in the reservation made above; MAP_FIXED replaces that
                // part of it with the memfd block.
                let p = unsafe {
                    libc::mmap(
                        base.cast::<u8>().add(off).cast(),
                        per,
                        libc::PROT_READ | libc::PROT_WRITE,
                        libc::MAP_SHARED | libc::MAP_FIXED,
                        fd,
                        0,
                    )
                };
                if p == libc::MAP_FAILED {
                    return None;
                }
                off += per;
            }
            Some(s)
        })();
        // SAFETY: our own descriptor; the mappings keep the memory alive.
        unsafe { libc::close(fd) };
        sink
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        if !self.base.is_null() {
            // SAFETY: the whole range was mapped by this Sink and nothing points into it any more
            // (the receive into it has completed).
            unsafe { libc::munmap(self.base, self.len) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_large_sink_commits_one_block() {
        let len = (3usize << 30) + 12345;
        let mut s = Sink::new(len).unwrap();
        assert!(s.len >= len);
        assert!(s.resident_bytes() <= 1 << 20, "{}", s.resident_bytes());
        // Writing every block at its start and end touches the same pages.
        let p = s.ptr().cast::<u8>();
        let mut off = 0;
        while off < len {
            // SAFETY: within the sink.
            unsafe { p.add(off).write(7) };
            off += 1 << 20;
        }
        // SAFETY: within the sink.
        unsafe { p.add(len - 1).write(9) };
        // SAFETY: the first and the 5th block alias the same page.
        assert_eq!(unsafe { p.add(5 << 20).read() }, 7);
    }

    #[test]
    fn small_sinks_are_heap() {
        let mut s = Sink::new(10).unwrap();
        assert!(!s.ptr().is_null());
        assert_eq!(s.resident_bytes(), 10);
        assert!(Sink::new(0).is_ok());
    }
}
