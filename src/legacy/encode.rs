//! Byte-level encodings of the legacy format: VTK's percent-encoding of names, big-endian bulk
//! swapping of typed slices, the binary string length header, and C-style number formatting.

use bytemuck::Pod;

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
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
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
    while i < s.len() {
        if s[i] == b'%' && i + 2 < s.len() {
            if let (Some(h), Some(l)) = (hex_val(s[i + 1]), hex_val(s[i + 2])) {
                out.push(h << 4 | l);
                i += 3;
                continue;
            }
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

/// Appends `src` as big-endian elements to `out` (one bulk pass; `T` is 1, 2, 4 or 8 bytes).
pub fn put_be<T: Pod>(out: &mut Vec<u8>, src: &[T]) {
    let bytes: &[u8] = bytemuck::cast_slice(src);
    let start = out.len();
    match std::mem::size_of::<T>() {
        2 => {
            out.resize(start + bytes.len(), 0);
            let s: &[u16] = bytemuck::cast_slice(src);
            for (d, v) in out[start..].chunks_exact_mut(2).zip(s) {
                d.copy_from_slice(&v.to_be_bytes());
            }
        }
        4 => {
            out.resize(start + bytes.len(), 0);
            let s: &[u32] = bytemuck::cast_slice(src);
            for (d, v) in out[start..].chunks_exact_mut(4).zip(s) {
                d.copy_from_slice(&v.to_be_bytes());
            }
        }
        8 => {
            out.resize(start + bytes.len(), 0);
            let s: &[u64] = bytemuck::cast_slice(src);
            for (d, v) in out[start..].chunks_exact_mut(8).zip(s) {
                d.copy_from_slice(&v.to_be_bytes());
            }
        }
        _ => out.extend_from_slice(bytes),
    }
}

/// Decodes `n` big-endian elements of `T` from `src` (which holds at least `n * size_of::<T>()`
/// bytes; the caller checks).
pub fn get_be<T: Pod>(src: &[u8], n: usize) -> Vec<T> {
    let mut v = vec![T::zeroed(); n];
    let size = std::mem::size_of::<T>();
    let src = &src[..n * size];
    match size {
        2 => {
            let d: &mut [u16] = bytemuck::cast_slice_mut(&mut v);
            for (x, c) in d.iter_mut().zip(src.chunks_exact(2)) {
                *x = u16::from_be_bytes([c[0], c[1]]);
            }
        }
        4 => {
            let d: &mut [u32] = bytemuck::cast_slice_mut(&mut v);
            for (x, c) in d.iter_mut().zip(src.chunks_exact(4)) {
                *x = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
            }
        }
        8 => {
            let d: &mut [u64] = bytemuck::cast_slice_mut(&mut v);
            for (x, c) in d.iter_mut().zip(src.chunks_exact(8)) {
                *x = u64::from_be_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            }
        }
        _ => bytemuck::cast_slice_mut::<T, u8>(&mut v).copy_from_slice(src),
    }
    v
}

/// The binary string length header (§3.2): 1, 2, 4 or 8 bytes, top two bits select the size.
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
    if exp < -4 || exp >= p as i32 {
        let mant = strip_zeros(mant);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mant}e{sign}{:02}", exp.abs())
    } else {
        let prec = (p as i32 - 1 - exp).max(0) as usize;
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
    fn be_round_trip() {
        let mut out = vec![7u8];
        put_be(&mut out, &[1.5f64, -0.0]);
        assert_eq!(&out[1..9], &1.5f64.to_be_bytes());
        let back: Vec<f64> = get_be(&out[1..], 2);
        assert_eq!(back[1].to_bits(), (-0.0f64).to_bits());
    }
}
