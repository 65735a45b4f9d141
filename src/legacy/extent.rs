//! The 128-byte EXTENT block `vtkCommunicator::MarshalDataObject` puts before 3D-extent objects.

#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::error::{Error, Result, Status};

pub const BLOCK_LEN: usize = 128;

/// `EXTENT x0 x1 y0 y1 z0 z1`, one NUL, zeros up to 128 bytes (VTK leaves garbage there).
pub fn block(extent: &[i32; 6]) -> [u8; BLOCK_LEN] {
    let text = format!("EXTENT {} {} {} {} {} {}", extent[0], extent[1], extent[2], extent[3], extent[4], extent[5]);
    let mut b = [0u8; BLOCK_LEN];
    // Six i32 values need at most 6 * 12 + 6 bytes: always fits (the last byte stays NUL).
    for (d, s) in b.iter_mut().take(BLOCK_LEN - 1).zip(text.as_bytes()) {
        *d = *s;
    }
    b
}

/// Whether a marshaled buffer starts with an EXTENT block (VTK checks the first 6 bytes only).
pub fn has_block(bytes: &[u8]) -> bool {
    bytes.starts_with(b"EXTENT")
}

/// Parses the six integers before the first NUL; everything after it is ignored.
pub fn read_block(bytes: &[u8]) -> Result<[i32; 6]> {
    let Some(block) = bytes.get(..BLOCK_LEN) else {
        return Err(Error::new(
            Status::Truncated,
            format!("EXTENT block needs {BLOCK_LEN} bytes, the input has {} (at byte 0)", bytes.len()),
        ));
    };
    let end = block.iter().position(|&b| b == 0).unwrap_or(BLOCK_LEN);
    let text = std::str::from_utf8(block.get(6..end).unwrap_or_default())
        .map_err(|_| Error::new(Status::Parse, "EXTENT block is not ASCII (at byte 6)"))?;
    let vals: Vec<i32> = text
        .split_ascii_whitespace()
        .map(str::parse::<i32>)
        .collect::<std::result::Result<_, _>>()
        .map_err(|_| Error::new(Status::Parse, format!("bad EXTENT block '{}' (at byte 6)", text.trim())))?;
    <[i32; 6]>::try_from(vals)
        .map_err(|_| Error::new(Status::Parse, format!("EXTENT block needs 6 integers: '{}' (at byte 6)", text.trim())))
}
