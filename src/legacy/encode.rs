//! Byte-level encodings of the legacy format: VTK's percent-encoding of names, big-endian bulk
//! swapping of typed slices, the binary string length header, and C-style number formatting.
//!
//! The decoders run on input bytes: like the reader, nothing here indexes, unwraps or panics
//! (enforced below; the tests module is exempt).

#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use bytemuck::Pod;

use crate::swap;

/// VTK's name encoding (`vtkWriter::EncodeString`): bytes < 0x21 or > 0x7E, `"` and `%` become
/// `%XX` (upper-case hex); everything else is kept.
pub fn encode_name(s: &str) -> String {
    encode_with(s, b"\"%")
}

/// The encoding used inside vtkwire's title extension: VTK's rules plus the separators the
/// extension uses (`,` `:` `=` `/` `;`), so an encoded value never contains them.
pub fn encode_ext(s: &str) -> String {
    encode_with(s, b"\"%,:=/;")
}

fn encode_with(s: &str, extra: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if !(0x21..=0x7E).contains(&b) || extra.contains(&b) {
            let hex = |n: u8| char::from(HEX.get(usize::from(n)).copied().unwrap_or(b'0'));
            out.push('%');
            out.push(hex(b >> 4));
            out.push(hex(b & 15));
        } else {
            out.push(b as char);
        }
    }
    out
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes `%XX` sequences (a `%` not followed by two hex digits is kept literally).
pub fn decode_bytes(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while let Some(&c) = s.get(i) {
        if c == b'%' {
            let digit = |j: usize| s.get(j).copied().and_then(hex_val);
            if let (Some(h), Some(l)) = (digit(i + 1), digit(i + 2)) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Appends `src` as big-endian elements to `out` (one bulk pass, no zero-fill; `T` is 1, 2, 4
/// or 8 bytes). With the capacity reserved this runs at close to memcpy speed: LLVM vectorizes
/// the swap. (Plain stores on purpose: marshal's output buffer is usually recycled memory still
/// in cache, and the MPI send that follows reads it from there; streaming measured slower.)
pub fn put_be<T: Pod>(out: &mut Vec<u8>, src: &[T]) {
    match std::mem::size_of::<T>() {
        2 => out.extend(bytemuck::cast_slice::<T, u16>(src).iter().flat_map(|v| v.to_be_bytes())),
        4 => out.extend(bytemuck::cast_slice::<T, u32>(src).iter().flat_map(|v| v.to_be_bytes())),
        8 => out.extend(bytemuck::cast_slice::<T, u64>(src).iter().flat_map(|v| v.to_be_bytes())),
        _ => out.extend_from_slice(bytemuck::cast_slice(src)),
    }
}

/// Writes `src` as big-endian elements into `dst`, which holds exactly `size_of_val(src)`
/// bytes (one bulk pass).
pub fn write_be<T: Pod>(dst: &mut [u8], src: &[T]) {
    match std::mem::size_of::<T>() {
        2 => {
            for (d, v) in words_mut::<2>(dst).iter_mut().zip(bytemuck::cast_slice::<T, u16>(src)) {
                *d = v.to_be_bytes();
            }
        }
        4 => {
            for (d, v) in words_mut::<4>(dst).iter_mut().zip(bytemuck::cast_slice::<T, u32>(src)) {
                *d = v.to_be_bytes();
            }
        }
        8 => {
            for (d, v) in words_mut::<8>(dst).iter_mut().zip(bytemuck::cast_slice::<T, u64>(src)) {
                *d = v.to_be_bytes();
            }
        }
        _ => dst.copy_from_slice(bytemuck::cast_slice(src)),
    }
}

/// Ids per block of the fused swap + range pass: small enough that the range check re-reads
/// the block from L1.
pub const ID_BLOCK: usize = 1024;

/// The largest id of a block seen as unsigned (negative ids compare above every count).
pub fn max_unsigned(ids: &[i64]) -> u64 {
    ids.iter().fold(0u64, |m, &x| m.max(x as u64))
}

/// Whether every id is in `0..n`. Branch-free with 64-bit operations SSE2 has (no 64-bit
/// compare or max there): for `0 <= x < n <= 2^63`, `x` has its top bit clear and `x - n`
/// has it set; any other `x` breaks one of the two.
pub fn ids_below(ids: &[i64], n: usize) -> bool {
    let n = n as u64;
    if n > i64::MAX as u64 {
        return max_unsigned(ids) < n || ids.is_empty();
    }
    let acc = ids.iter().fold(0u64, |a, &x| {
        let x = x as u64;
        a | x | !x.wrapping_sub(n)
    });
    acc >> 63 == 0
}

/// Decodes the big-endian elements of `src` (a whole number of `T`s; `T` is 1, 2, 4 or 8 bytes)
/// and appends them to `out`, in one pass. The reader hands an empty `out` with room for them,
/// reserved fallibly and charged to its budget: nothing here allocates then.
pub fn get_be<T: Pod>(src: &[u8], mut out: Vec<T>) -> Vec<T> {
    let size = std::mem::size_of::<T>();
    if src.len() >= swap::STREAM_MIN && out.is_empty() {
        match size {
            2 => return swap::collect_swapped::<T, 2>(out, src, None).0,
            4 => return swap::collect_swapped::<T, 4>(out, src, None).0,
            8 => return swap::collect_swapped::<T, 8>(out, src, None).0,
            _ => {}
        }
    }
    // try_cast between equal sizes cannot fail; the size test is resolved at compile time.
    fn cast<U: Pod, T: Pod>(x: U) -> T {
        bytemuck::try_cast(x).unwrap_or_else(|_| T::zeroed())
    }
    // Arrays of bytes (alignment 1) rather than `chunks_exact`: the element size is then a
    // compile-time constant and the loop vectorizes.
    match size {
        2 => out.extend(words::<2>(src).iter().map(|c| cast::<u16, T>(u16::from_be_bytes(*c)))),
        4 => out.extend(words::<4>(src).iter().map(|c| cast::<u32, T>(u32::from_be_bytes(*c)))),
        8 => out.extend(words::<8>(src).iter().map(|c| cast::<u64, T>(u64::from_be_bytes(*c)))),
        _ => out.extend(src.chunks_exact(size.max(1)).map(bytemuck::pod_read_unaligned::<T>)),
    }
    out
}

/// `src` as `N`-byte words (a partial word at the end is left out; never panics).
pub fn words<const N: usize>(src: &[u8]) -> &[[u8; N]]
where
    [u8; N]: Pod,
{
    let whole = src.len() - src.len() % N;
    bytemuck::try_cast_slice(src.get(..whole).unwrap_or_default()).unwrap_or_default()
}

/// `dst` as `N`-byte words (a partial word at the end is left out; never panics).
pub fn words_mut<const N: usize>(dst: &mut [u8]) -> &mut [[u8; N]]
where
    [u8; N]: Pod,
{
    let whole = dst.len() - dst.len() % N;
    match dst.get_mut(..whole) {
        Some(d) => bytemuck::try_cast_slice_mut(d).unwrap_or_default(),
        None => &mut [],
    }
}

/// The big-endian 64-bit ids of `src`, appended to `out` (room reserved by the caller); with
/// `points`, also whether all are in `0..points`. One pass: the exact-size `extend` writes the
/// output without per-element capacity checks, and the range test (the branch-free form of
/// [`ids_below`]) is folded into the same loop.
pub fn get_be_ids(src: &[u8], out: Vec<i64>, points: Option<usize>) -> (Vec<i64>, bool) {
    if src.len() >= swap::STREAM_MIN && out.is_empty() {
        return swap::collect_swapped::<i64, 8>(out, src, points);
    }
    ids_fused(words::<8>(src), out, points, |c| i64::from_be_bytes(*c))
}

/// The big-endian 32-bit ids of `src` widened to 64 bits, and the range check of [`get_be_ids`].
pub fn get_be_ids32(src: &[u8], out: Vec<i64>, points: Option<usize>) -> (Vec<i64>, bool) {
    ids_fused(words::<4>(src), out, points, |c| i64::from(i32::from_be_bytes(*c)))
}

/// The big-endian offsets of `src` (`size` 4 or 8 bytes each) appended to `out`, and whether
/// they never decrease, in one pass (the layout check of `CellArray::new`, fused into the
/// decode).
pub fn get_be_offsets(src: &[u8], size: usize, out: Vec<i64>) -> (Vec<i64>, bool) {
    fn run<W>(src: &[W], mut out: Vec<i64>, decode: impl Fn(&W) -> i64) -> (Vec<i64>, bool) {
        let (mut prev, mut bad) = (i64::MIN, false);
        out.extend(src.iter().map(|c| {
            let x = decode(c);
            bad |= x < prev;
            prev = x;
            x
        }));
        (out, !bad)
    }
    if size == 4 {
        run(words::<4>(src), out, |c| i64::from(i32::from_be_bytes(*c)))
    } else {
        run(words::<8>(src), out, |c| i64::from_be_bytes(*c))
    }
}

fn ids_fused<W>(src: &[W], mut out: Vec<i64>, points: Option<usize>, decode: impl Fn(&W) -> i64) -> (Vec<i64>, bool) {
    let Some(p) = points else {
        out.extend(src.iter().map(decode));
        return (out, false);
    };
    if p as u64 > i64::MAX as u64 {
        out.extend(src.iter().map(decode));
        let ok = ids_below(&out, p);
        return (out, ok);
    }
    let p = p as u64;
    let mut acc = 0u64;
    out.extend(src.iter().map(|c| {
        let x = decode(c);
        let u = x as u64;
        acc |= u | !u.wrapping_sub(p);
        x
    }));
    (out, acc >> 63 == 0)
}

/// The binary string length header (§3.2): 1, 2, 4 or 8 bytes, top two bits select the size.
#[allow(clippy::cast_possible_truncation, reason = "each narrowing follows the range test that selects it")]
pub fn string_header(len: usize, out: &mut Vec<u8>) {
    let l = len as u64;
    if l < 1 << 6 {
        out.push(0xC0 | l as u8);
    } else if l < 1 << 14 {
        out.extend_from_slice(&(0x8000 | l as u16).to_be_bytes());
    } else if l < 1 << 30 {
        out.extend_from_slice(&(0x4000_0000 | l as u32).to_be_bytes());
    } else {
        out.extend_from_slice(&l.to_be_bytes());
    }
}

pub fn string_header_len(len: usize) -> usize {
    match len as u64 {
        l if l < 1 << 6 => 1,
        l if l < 1 << 14 => 2,
        l if l < 1 << 30 => 4,
        _ => 8,
    }
}

/// C's `%.<p>g` for a finite or non-finite double (glibc spelling: `nan`, `-nan`, `inf`, `-inf`).
pub fn fmt_g(x: f64, p: usize) -> String {
    if x.is_nan() {
        return if x.is_sign_negative() { "-nan".into() } else { "nan".into() };
    }
    if x.is_infinite() {
        return if x < 0.0 { "-inf".into() } else { "inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let p = p.max(1);
    let e = format!("{:.*e}", p - 1, x);
    let (mant, exp) = e.split_once('e').unwrap_or((&e, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let pi = i32::try_from(p).unwrap_or(i32::MAX);
    if exp < -4 || exp >= pi {
        let mant = strip_zeros(mant);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mant}e{sign}{:02}", exp.abs())
    } else {
        // exp is in -4..p here: the precision is in 0..p + 4.
        let prec = usize::try_from(pi - 1 - exp).unwrap_or(0);
        strip_zeros(&format!("{x:.prec$}")).to_owned()
    }
}

fn strip_zeros(s: &str) -> &str {
    if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.') } else { s }
}

/// A double as VTK would print it with `p` significant digits if that reads back exactly,
/// otherwise the shortest text that does (so vtkwire never loses precision).
pub fn fmt_f64(x: f64, p: usize) -> String {
    let g = fmt_g(x, p);
    if !x.is_finite() || g.parse::<f64>().map(f64::to_bits) == Ok(x.to_bits()) {
        return g;
    }
    shortest_f64(x)
}

pub fn fmt_f32(x: f32) -> String {
    let g = fmt_g(x as f64, 6);
    if !x.is_finite() || g.parse::<f32>().map(f32::to_bits) == Ok(x.to_bits()) {
        return g;
    }
    let a = x.abs();
    if (1e-5..1e16).contains(&a) { format!("{x}") } else { format!("{x:e}") }
}

/// Shortest round-trip text of a double, readable by C++ `>>` and Rust's parser.
pub fn shortest_f64(x: f64) -> String {
    let a = x.abs();
    if a == 0.0 || (1e-5..1e16).contains(&a) { format!("{x}") } else { format!("{x:e}") }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, reason = "tests")]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(encode_name("temp C"), "temp%20C");
        assert_eq!(encode_name("température"), "temp%C3%A9rature");
        assert_eq!(encode_name("a%b\"c"), "a%25b%22c");
        assert_eq!(encode_name("\t"), "%09");
        assert_eq!(decode_bytes(b"temp%C3%A9rature"), "température".as_bytes());
        assert_eq!(decode_bytes(b"a%2"), b"a%2");
        assert_eq!(decode_bytes(b"%zz%41"), b"%zzA");
        assert_eq!(encode_ext("a,b:c"), "a%2Cb%3Ac");
    }

    #[test]
    fn g_format() {
        assert_eq!(fmt_g(1.0 / 3.0, 11), "0.33333333333");
        assert_eq!(fmt_g(1e-20, 11), "1e-20");
        assert_eq!(fmt_g(12345678902.0, 11), "12345678902");
        assert_eq!(fmt_g(2.0, 11), "2");
        assert_eq!(fmt_g(1.5, 6), "1.5");
        assert_eq!(fmt_g(1.23456789, 6), "1.23457");
        assert_eq!(fmt_g(4.1728395, 6), "4.17284");
        assert_eq!(fmt_g(0.0001, 6), "0.0001");
        assert_eq!(fmt_g(1234567.0, 6), "1.23457e+06");
        assert_eq!(fmt_g(-0.0, 6), "-0");
        assert_eq!(fmt_g(f64::NAN, 6), "nan");
        assert_eq!(fmt_f64(1.0 / 3.0, 6), "0.3333333333333333");
        assert_eq!(fmt_f64(0.5, 6), "0.5");
        assert_eq!(fmt_f32(0.1), "0.1");
        assert_eq!(fmt_f32(1.0e-30), "1e-30");
    }

    #[test]
    fn string_headers() {
        let mut v = Vec::new();
        string_header(3, &mut v);
        string_header(70, &mut v);
        string_header(1 << 20, &mut v);
        assert_eq!(v, [0xC3, 0x80, 0x46, 0x40, 0x10, 0x00, 0x00]);
    }

    #[test]
    fn id_ranges() {
        assert!(ids_below(&[0, 1, 2], 3));
        assert!(ids_below(&[], 0));
        assert!(!ids_below(&[0], 0));
        assert!(!ids_below(&[3], 3));
        assert!(!ids_below(&[-1], 3));
        assert!(!ids_below(&[i64::MIN], 3));
        assert!(!ids_below(&[i64::MAX], 1 << 62));
        assert!(ids_below(&[(1 << 62) - 1], 1 << 62));
        assert!(!ids_below(&[-1], usize::MAX));
        assert!(ids_below(&[i64::MAX], usize::MAX));
        let (v, ok) =
            get_be_ids(&[0, 0, 0, 0, 0, 0, 0, 5, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], Vec::new(), Some(6));
        assert_eq!((v, ok), (vec![5, -1], false));
        assert_eq!(get_be_ids32(&[0, 0, 0, 5], Vec::new(), Some(6)), (vec![5], true));
        assert_eq!(get_be_ids32(&[0, 0, 0, 5], Vec::new(), None), (vec![5], false));
        // A partial word is left out, never a panic.
        assert_eq!(get_be_ids32(&[0, 0, 0, 5, 1], Vec::new(), None), (vec![5], false));
    }

    #[test]
    fn be_round_trip() {
        let mut out = vec![7u8];
        put_be(&mut out, &[1.5f64, -0.0]);
        assert_eq!(&out[1..9], &1.5f64.to_be_bytes());
        let back: Vec<f64> = get_be(&out[1..], Vec::new());
        assert_eq!(back[1].to_bits(), (-0.0f64).to_bits());
    }
}
