//! Bulk byte-order reversal of N-byte words (N = 2, 4, 8) into new memory: how unmarshal turns
//! the legacy format's big-endian payloads into native arrays. One pass, no zero-fill.
//!
//! Large buffers (at least [`STREAM_MIN`] bytes, on x86-64 with SSSE3) are written with
//! non-temporal stores: the arrays of a received object are used later, not now, and ordinary
//! stores first read every destination line (a third memory transfer per byte). The destination
//! may have any alignment: each 16-byte aligned store is assembled from two word-aligned source
//! loads with `palignr`. Smaller buffers, and other CPUs, use the portable loop, which LLVM
//! vectorizes. (Marshal keeps plain stores: its output is usually recycled memory still in
//! cache, and the MPI send that follows reads it from there; streaming it measured slower.)
//!
//! The copies write into `[MaybeUninit<u8>]`, so [`collect_swapped`] fills a vector's spare
//! capacity without claiming, even for a moment, that its uninitialized bytes are `u8`s.

use std::mem::MaybeUninit;

/// Buffers from this size on are written with non-temporal stores.
pub const STREAM_MIN: usize = 1 << 20;

/// Copies `src` into `dst` (same length, a multiple of `N`) reversing each `N`-byte word;
/// streams (non-temporal stores) from [`STREAM_MIN`] bytes on.
pub fn copy_swapped<const N: usize>(dst: &mut [u8], src: &[u8]) {
    copy_swapped_uninit::<N>(as_uninit(dst), src);
}

/// [`copy_swapped`] for 8-byte signed ids, also telling whether every id is in `0..limit`
/// (checked on the values as they pass through registers: no second pass).
pub fn copy_swapped_ids(dst: &mut [u8], src: &[u8], limit: usize) -> bool {
    copy_swapped_ids_uninit(as_uninit(dst), src, limit)
}

/// `bytes` as possibly-uninitialized bytes, for the copies below.
fn as_uninit(bytes: &mut [u8]) -> &mut [MaybeUninit<u8>] {
    // SAFETY: `MaybeUninit<u8>` has the size, alignment and layout of `u8`, so the slice covers
    // the same `len` bytes. Through the result one could store an uninitialized byte, which would
    // break `bytes`; the only callers pass it to the copies below, which store initialized bytes
    // only.
    unsafe { std::slice::from_raw_parts_mut(bytes.as_mut_ptr().cast::<MaybeUninit<u8>>(), bytes.len()) }
}

/// [`copy_swapped`] into memory that need not be initialized; every byte of `dst` is written.
fn copy_swapped_uninit<const N: usize>(dst: &mut [MaybeUninit<u8>], src: &[u8]) {
    assert!(N == 2 || N == 4 || N == 8, "word size {N}");
    assert_eq!(dst.len(), src.len());
    assert_eq!(src.len() % N, 0);
    #[cfg(target_arch = "x86_64")]
    if src.len() >= STREAM_MIN && std::arch::is_x86_feature_detected!("ssse3") {
        // SAFETY: SSSE3 was detected just above; `dst` and `src` are live slices of the same
        // length (a multiple of N, asserted above), and they cannot overlap: `dst` is borrowed
        // mutably, `src` shared.
        unsafe { x86::copy_swapped_stream::<N>(dst.as_mut_ptr().cast(), src.as_ptr(), src.len(), None) };
        return;
    }
    portable::<N>(dst, src);
}

/// [`copy_swapped_ids`] into memory that need not be initialized; every byte of `dst` is written.
fn copy_swapped_ids_uninit(dst: &mut [MaybeUninit<u8>], src: &[u8], limit: usize) -> bool {
    assert_eq!(dst.len(), src.len());
    assert_eq!(src.len() % 8, 0);
    let limit = limit as u64;
    // The in-register check reads whole words from the vector lanes: `dst` must be 8-aligned.
    #[cfg(target_arch = "x86_64")]
    if src.len() >= STREAM_MIN
        && limit <= i64::MAX as u64
        && (dst.as_ptr() as usize).is_multiple_of(8)
        && std::arch::is_x86_feature_detected!("ssse3")
    {
        // SAFETY: SSSE3 was detected just above; `dst` and `src` are live, non-overlapping (one
        // borrowed mutably, one shared) slices of the same length, a multiple of 8 (asserted
        // above); `dst` is 8-aligned and `limit <= i64::MAX`, as the range check needs.
        return unsafe { x86::copy_swapped_stream::<8>(dst.as_mut_ptr().cast(), src.as_ptr(), src.len(), Some(limit)) };
    }
    portable::<8>(dst, src);
    ids_in_range(src, limit)
}

/// Whether every 8-byte word of `src`, once reversed and read as a native `u64`, is below
/// `limit` (the check [`copy_swapped_ids`] makes on its output, made on its input instead).
fn ids_in_range(src: &[u8], limit: u64) -> bool {
    src.chunks_exact(8).all(|c| u64::from_ne_bytes(c.try_into().unwrap_or([0xFF; 8])).swap_bytes() < limit)
}

/// `src` (N-byte big-endian words) as a vector of `T` (`size_of::<T>() == N`), in one pass, in
/// `v` (cleared first; a caller that reserved room for `src.len() / N` elements fallibly gets
/// no allocation here). With `limit` (8-byte ids only), also whether every value is in `0..limit`.
pub fn collect_swapped<T: bytemuck::Pod, const N: usize>(
    mut v: Vec<T>,
    src: &[u8],
    limit: Option<usize>,
) -> (Vec<T>, bool) {
    assert_eq!(std::mem::size_of::<T>(), N);
    let n = src.len() / N;
    v.clear();
    v.reserve_exact(n);
    let spare = &mut v.spare_capacity_mut()[..n];
    // SAFETY: the first `n` elements of spare capacity are `n * N` bytes (`size_of::<T>() == N`,
    // asserted above) of memory owned by `v` and borrowed mutably through `spare`.
    // `MaybeUninit<u8>` has alignment 1 and accepts any contents, initialized or not.
    let dst: &mut [MaybeUninit<u8>] =
        unsafe { std::slice::from_raw_parts_mut(spare.as_mut_ptr().cast::<MaybeUninit<u8>>(), n * N) };
    let ok = match limit {
        Some(l) if N == 8 => copy_swapped_ids_uninit(dst, &src[..n * N], l),
        _ => {
            copy_swapped_uninit::<N>(dst, &src[..n * N]);
            false
        }
    };
    // SAFETY: `n <= capacity`, and the copy wrote every one of the `n * N` bytes of the first `n`
    // elements (each copy writes all of `dst`); any bytes are a valid `T` (`T: Pod`).
    unsafe { v.set_len(n) };
    (v, ok)
}

fn portable<const N: usize>(dst: &mut [MaybeUninit<u8>], src: &[u8]) {
    match N {
        2 => words::<2>(dst, src),
        4 => words::<4>(dst, src),
        _ => words::<8>(dst, src),
    }
}

fn words<const M: usize>(dst: &mut [MaybeUninit<u8>], src: &[u8]) {
    for (d, s) in dst.chunks_exact_mut(M).zip(src.chunks_exact(M)) {
        for i in 0..M {
            d[i].write(s[M - 1 - i]);
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;

    /// The `pshufb` mask reversing each `N`-byte word of a 16-byte vector.
    fn mask<const N: usize>() -> [u8; 16] {
        let mut m = [0u8; 16];
        for (i, b) in m.iter_mut().enumerate() {
            // `i < 16` and N divides 16, so the index is below 16.
            #[allow(clippy::cast_possible_truncation, reason = "a byte index below 16")]
            let index = ((i / N) * N + N - 1 - i % N) as u8;
            *b = index;
        }
        m
    }

    /// Output byte `j` of the swap: `src[(j / N) * N + N - 1 - j % N]`.
    #[inline(always)]
    unsafe fn byte<const N: usize>(src: *const u8, j: usize) -> u8 {
        // SAFETY: the caller keeps `j` below the length, which is a multiple of N.
        unsafe { *src.add((j / N) * N + N - 1 - j % N) }
    }

    /// The swap with non-temporal 16-byte stores. `dst + p` is 16-byte aligned from the
    /// head's end `h` on; with `s = h % N` (constant: 16 is a multiple of N), the 16 output
    /// bytes at `p` are bytes `s..s + 16` of the swapped 32 source bytes at the word boundary
    /// `p - s`. With `limit` (N = 8), returns whether every word, read as a native u64 after
    /// the swap, is below it.
    ///
    /// # Safety
    /// SSSE3 present; `dst` and `src` valid for `len` bytes (a multiple of N), not overlapping;
    /// with `limit`, N = 8 (the check reads whole 8-byte words) and `limit <= i64::MAX`.
    #[target_feature(enable = "ssse3")]
    pub unsafe fn copy_swapped_stream<const N: usize>(
        dst: *mut u8,
        src: *const u8,
        len: usize,
        limit: Option<u64>,
    ) -> bool {
        let h = (dst as usize).wrapping_neg() & 15;
        let h = h.min(len);
        // SAFETY: the caller guarantees SSSE3 (the intrinsics below need nothing newer) and that
        // `dst`, `src` are valid, non-overlapping, for `len` bytes, `len` a multiple of N.
        // Every access stays below `len`: the head and tail loops index `j < h <= len` and
        // `j < len`, and `byte` reads within the word of `j`; the vector loop runs while
        // `p - s + 32 <= len` (`p >= h >= s`, no underflow), loading `src[p - s..p - s + 32]` and
        // storing `dst[p..p + 16]` with `p + 16 <= p - s + 32` since `s < N <= 8`. The streaming
        // stores need 16-byte alignment: `dst + h` is 16-aligned by the choice of `h` and `p`
        // advances by 16 (if `h` was clipped to `len`, the loop does not run). The final check
        // reads 8-byte words at multiples of 8 below `len.div_ceil(8) * 8 == len` (with a limit,
        // N = 8 by the contract), all written by then.
        unsafe {
            for j in 0..h {
                *dst.add(j) = byte::<N>(src, j);
            }
            let s = h % N;
            let m = _mm_loadu_si128(mask::<N>().as_ptr().cast());
            let mut acc = _mm_setzero_si128();
            // The limit's bits in each lane (the lane arithmetic is modular; the caller keeps
            // `limit <= i64::MAX`, so they read the same signed or not).
            let lim = _mm_set1_epi64x(i64::from_ne_bytes(limit.unwrap_or(0).to_ne_bytes()));
            let mut p = h;
            if p - s + 32 <= len {
                let mut lo = _mm_shuffle_epi8(_mm_loadu_si128(src.add(p - s).cast()), m);
                while p - s + 32 <= len {
                    let hi = _mm_shuffle_epi8(_mm_loadu_si128(src.add(p - s + 16).cast()), m);
                    let out = match s {
                        0 => lo,
                        1 => _mm_alignr_epi8::<1>(hi, lo),
                        2 => _mm_alignr_epi8::<2>(hi, lo),
                        3 => _mm_alignr_epi8::<3>(hi, lo),
                        4 => _mm_alignr_epi8::<4>(hi, lo),
                        5 => _mm_alignr_epi8::<5>(hi, lo),
                        6 => _mm_alignr_epi8::<6>(hi, lo),
                        _ => _mm_alignr_epi8::<7>(hi, lo),
                    };
                    if limit.is_some() {
                        // 0 <= x < limit <= 2^63: x has the top bit clear and x - limit has it set.
                        acc = _mm_or_si128(
                            acc,
                            _mm_or_si128(out, _mm_andnot_si128(_mm_sub_epi64(out, lim), _mm_set1_epi8(-1))),
                        );
                    }
                    _mm_stream_si128(dst.add(p).cast(), out);
                    lo = hi;
                    p += 16;
                }
            }
            _mm_sfence();
            for j in p..len {
                *dst.add(j) = byte::<N>(src, j);
            }
            let Some(l) = limit else { return false };
            // Words only partly in the vector stores (head and tail): checked from memory.
            let mut ok = _mm_movemask_pd(_mm_castsi128_pd(acc)) == 0;
            let check = |from: usize, to: usize| {
                (from / 8 * 8..to.div_ceil(8) * 8).step_by(8).all(|w| {
                    let x = u64::from_ne_bytes(std::ptr::read_unaligned(dst.add(w).cast::<[u8; 8]>()));
                    x < l
                })
            };
            ok &= check(0, h) && check(p.min(len), len);
            ok
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference<const N: usize>(src: &[u8]) -> Vec<u8> {
        src.chunks_exact(N).flat_map(|w| w.iter().rev().copied()).collect()
    }

    fn check<const N: usize>() {
        // Lengths around the streaming threshold and every destination misalignment.
        let big = STREAM_MIN + 5 * 16 * N;
        // Keeping the low byte is the point: a pattern that does not repeat with the word size.
        let src: Vec<u8> = (0..big + 64).map(|i| (i * 131 + i / 251).to_le_bytes()[0]).collect();
        for len in [0, N, 3 * N, 16 * N + N, STREAM_MIN - N, STREAM_MIN, big] {
            for mis in 0..16 {
                for src_off in [0usize, 1, 5] {
                    let s = &src[src_off..src_off + len];
                    let mut buf = vec![0xA5u8; len + 32];
                    copy_swapped::<N>(&mut buf[mis..mis + len], s);
                    assert!(
                        buf[mis..mis + len] == reference::<N>(s)[..],
                        "N={N} len={len} mis={mis} src_off={src_off}"
                    );
                    assert!(
                        buf[..mis].iter().chain(&buf[mis + len..]).all(|&b| b == 0xA5),
                        "wrote outside: N={N} len={len} mis={mis}"
                    );
                }
            }
        }
    }

    #[test]
    fn swaps_match_per_word_reversal() {
        check::<2>();
        check::<4>();
        check::<8>();
    }

    #[test]
    fn id_range_check_matches_a_separate_scan() {
        let n = STREAM_MIN / 8 + 37;
        let ids: Vec<i64> = (0..i64::try_from(n).unwrap()).map(|i| (i * 7919) % 1000).collect();
        let be: Vec<u8> = ids.iter().flat_map(|x| x.to_be_bytes()).collect();
        for mis in [0usize, 3, 8] {
            let mut buf = vec![0u8; be.len() + 16];
            assert!(copy_swapped_ids(&mut buf[mis..mis + be.len()], &be, 1000));
            assert!(!copy_swapped_ids(&mut buf[mis..mis + be.len()], &be, 999));
        }
        // A bad id in the head, the middle and the tail; and a negative one.
        for (pos, val) in [(0usize, 1000i64), (1, 5000), (n / 2, 1000), (n - 1, 1000), (n / 3, -1)] {
            let mut bad = ids.clone();
            bad[pos] = val;
            let be: Vec<u8> = bad.iter().flat_map(|x| x.to_be_bytes()).collect();
            let (v, ok) = collect_swapped::<i64, 8>(Vec::new(), &be, Some(1000));
            assert!(!ok, "bad id {val} at {pos} missed");
            assert_eq!(v, bad);
            let mut buf = vec![0u8; be.len() + 16];
            assert!(!copy_swapped_ids(&mut buf[5..5 + be.len()], &be, 1000), "misaligned: {val} at {pos}");
        }
        let (v, ok) = collect_swapped::<i64, 8>(Vec::new(), &be, Some(1000));
        assert!(ok);
        assert_eq!(v, ids);
    }
}
