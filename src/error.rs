//! Status codes and the crate error type shared by every layer.
//!
//! Codes are grouped by decade and never renumbered: 1–9 arguments, 10–19 object validity,
//! 20–29 byte formats and files, 30–39 MPI, 90–99 internal.

use std::fmt;

use strum::{EnumCount, FromRepr, VariantArray};

/// Result of every fallible vtkwire call; 0 is success.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, FromRepr, VariantArray, EnumCount)]
pub enum Status {
    /// Success.
    Ok = 0,
    /// A required pointer argument was NULL.
    NullArgument = 1,
    /// An argument had a value outside its domain (bad enum code, size, component count...).
    InvalidArgument = 2,
    /// The object is of a type that does not support this operation.
    WrongObjectType = 3,
    /// The array has an element type that does not support this operation.
    WrongArrayType = 4,
    /// A named or indexed item does not exist.
    NotFound = 5,
    /// An index or count is out of range, or a size does not fit the target integer type.
    OutOfRange = 6,
    /// A caller buffer was too small: vtkwire wrote what fit (a string cut at a character
    /// boundary and NUL-terminated) and the full length; call again with a larger buffer.
    BufferTooSmall = 7,
    /// The object breaks an invariant (offsets, ids, lengths, tree shape...).
    InvalidObject = 10,
    /// Malformed bytes: a token, keyword or value that cannot be parsed.
    Parse = 20,
    /// The input ends before the data it announces.
    Truncated = 21,
    /// Valid input that vtkwire does not support (yet).
    Unsupported = 22,
    /// A file could not be opened, read or written.
    Io = 23,
    /// Text that must be UTF-8 is not.
    InvalidUtf8 = 24,
    /// The input asks for more than a limit allows: the maximum object size or nesting depth
    /// (`vtkwire_limits_set_max_object_bytes`, `vtkwire_limits_set_max_depth`).
    LimitExceeded = 25,
    /// MPI is not initialized, or already finalized.
    MpiNotInitialized = 30,
    /// An MPI call failed; the message carries MPI's error string.
    Mpi = 31,
    /// The communicator is MPI_COMM_NULL, an inter-communicator, or otherwise unusable.
    InvalidCommunicator = 32,
    /// The running MPI library is not the one vtkwire was built against.
    MpiLibraryMismatch = 33,
    /// The peer sent messages that do not follow VTK's protocol.
    Protocol = 34,
    /// A receive with a timeout ended before the sender's messages arrived.
    Timeout = 35,
    /// Memory could not be allocated.
    Alloc = 90,
    /// A bug in vtkwire: a panic was caught at the C boundary.
    Panic = 99,
}

impl Status {
    /// Every status, for iteration in tests and bindings.
    /// cbindgen:ignore
    pub const ALL: [Status; <Status as EnumCount>::COUNT] = crate::model::scalar::variants();

    /// A static, NUL-terminated description (for `vtkwire_status_str`).
    pub fn describe(self) -> &'static str {
        match self {
            Status::Ok => "ok\0",
            Status::NullArgument => "a required pointer argument is NULL\0",
            Status::InvalidArgument => "invalid argument\0",
            Status::WrongObjectType => "wrong data object type for this operation\0",
            Status::WrongArrayType => "wrong array element type for this operation\0",
            Status::NotFound => "not found\0",
            Status::OutOfRange => "index or size out of range\0",
            Status::BufferTooSmall => "buffer too small: the output was truncated\0",
            Status::InvalidObject => "invalid data object\0",
            Status::Parse => "malformed input\0",
            Status::Truncated => "truncated input\0",
            Status::Unsupported => "unsupported\0",
            Status::Io => "input/output error\0",
            Status::InvalidUtf8 => "invalid UTF-8\0",
            Status::LimitExceeded => "input exceeds a limit (maximum object size or nesting depth)\0",
            Status::MpiNotInitialized => "MPI is not initialized or already finalized\0",
            Status::Mpi => "MPI call failed\0",
            Status::InvalidCommunicator => "invalid communicator\0",
            Status::MpiLibraryMismatch => "running MPI library differs from the one vtkwire was built with\0",
            Status::Protocol => "peer violated VTK's message protocol\0",
            Status::Timeout => "timed out waiting for the sender\0",
            Status::Alloc => "out of memory\0",
            Status::Panic => "internal error (panic caught)\0",
        }
    }

    /// Maps a raw code back to a status.
    pub fn from_code(code: i32) -> Option<Status> {
        Status::from_repr(code)
    }
}

/// The crate's error: a status plus a message naming what and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub status: Status,
    pub message: String,
}

impl Error {
    pub fn new(status: Status, message: impl Into<String>) -> Error {
        Error { status, message: message.into() }
    }
    pub fn invalid_argument(message: impl Into<String>) -> Error {
        Error::new(Status::InvalidArgument, message)
    }
    pub fn invalid_object(message: impl Into<String>) -> Error {
        Error::new(Status::InvalidObject, message)
    }
    pub fn wrong_object_type(message: impl Into<String>) -> Error {
        Error::new(Status::WrongObjectType, message)
    }
    pub fn not_found(message: impl Into<String>) -> Error {
        Error::new(Status::NotFound, message)
    }
    pub fn out_of_range(message: impl Into<String>) -> Error {
        Error::new(Status::OutOfRange, message)
    }
    /// Prefixes the message with a location ("block 2: ...").
    pub fn context(mut self, place: impl fmt::Display) -> Error {
        self.message = format!("{place}: {}", self.message);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for Error {}

pub type Result<T> = std::result::Result<T, Error>;
