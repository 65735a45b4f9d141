//! The raw MPI layer: the exact C datatypes VTK uses, MPI error codes turned into [`Error`]s,
//! and the check that the running MPI library is the one vtkwire was built against.
//!
//! mpi-sys only exports fixed-width datatypes (`MPI_INT32_T`, …), while VTK sends `MPI_INT`,
//! `MPI_LONG_LONG`, `MPI_CHAR`, … — distinct datatypes for the MPI standard, debug MPIs and
//! tracing tools. The C macros behind them are not visible to bindgen, so they are resolved here:
//! for Open MPI (pointer handles) they are the addresses of the `ompi_mpi_*` objects, looked up
//! with `dlsym`; for the MPICH ABI (integer handles, also Intel MPI, MVAPICH, Cray MPICH) they are
//! the fixed integers of `mpi.h`, stable since MPICH 3.1.

use std::ffi::{CStr, c_char, c_int, c_void};
use std::mem::size_of;
use std::sync::OnceLock;

use mpi_sys as ffi;

use crate::error::{Error, Result, Status};

/// The MPI datatypes VTK's `vtkMPICommunicator` puts on the wire (reference §1.1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dt {
    Char,
    SignedChar,
    UnsignedChar,
    Byte,
    Short,
    UnsignedShort,
    Int,
    Unsigned,
    Long,
    UnsignedLong,
    LongLong,
    UnsignedLongLong,
    Float,
    Double,
}

impl Dt {
    const ALL: [Dt; 14] = [
        Dt::Char,
        Dt::SignedChar,
        Dt::UnsignedChar,
        Dt::Byte,
        Dt::Short,
        Dt::UnsignedShort,
        Dt::Int,
        Dt::Unsigned,
        Dt::Long,
        Dt::UnsignedLong,
        Dt::LongLong,
        Dt::UnsignedLongLong,
        Dt::Float,
        Dt::Double,
    ];

    /// Open MPI's predefined object behind the C macro.
    fn ompi_symbol(self) -> &'static CStr {
        match self {
            Dt::Char => c"ompi_mpi_char",
            Dt::SignedChar => c"ompi_mpi_signed_char",
            Dt::UnsignedChar => c"ompi_mpi_unsigned_char",
            Dt::Byte => c"ompi_mpi_byte",
            Dt::Short => c"ompi_mpi_short",
            Dt::UnsignedShort => c"ompi_mpi_unsigned_short",
            Dt::Int => c"ompi_mpi_int",
            Dt::Unsigned => c"ompi_mpi_unsigned",
            Dt::Long => c"ompi_mpi_long",
            Dt::UnsignedLong => c"ompi_mpi_unsigned_long",
            Dt::LongLong => c"ompi_mpi_long_long_int",
            Dt::UnsignedLongLong => c"ompi_mpi_unsigned_long_long",
            Dt::Float => c"ompi_mpi_float",
            Dt::Double => c"ompi_mpi_double",
        }
    }

    /// The MPICH-ABI handle value (`mpi.h` of MPICH ≥ 3.1, LP64).
    fn mpich_handle(self) -> u32 {
        match self {
            Dt::Char => 0x4c00_0101,
            Dt::SignedChar => 0x4c00_0118,
            Dt::UnsignedChar => 0x4c00_0102,
            Dt::Byte => 0x4c00_010d,
            Dt::Short => 0x4c00_0203,
            Dt::UnsignedShort => 0x4c00_0204,
            Dt::Int => 0x4c00_0405,
            Dt::Unsigned => 0x4c00_0406,
            Dt::Long => 0x4c00_0807,
            Dt::UnsignedLong => 0x4c00_0808,
            Dt::LongLong => 0x4c00_0809,
            Dt::UnsignedLongLong => 0x4c00_0819,
            Dt::Float => 0x4c00_040a,
            Dt::Double => 0x4c00_080b,
        }
    }

    /// The C name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Dt::Char => "MPI_CHAR",
            Dt::SignedChar => "MPI_SIGNED_CHAR",
            Dt::UnsignedChar => "MPI_UNSIGNED_CHAR",
            Dt::Byte => "MPI_BYTE",
            Dt::Short => "MPI_SHORT",
            Dt::UnsignedShort => "MPI_UNSIGNED_SHORT",
            Dt::Int => "MPI_INT",
            Dt::Unsigned => "MPI_UNSIGNED",
            Dt::Long => "MPI_LONG",
            Dt::UnsignedLong => "MPI_UNSIGNED_LONG",
            Dt::LongLong => "MPI_LONG_LONG",
            Dt::UnsignedLongLong => "MPI_UNSIGNED_LONG_LONG",
            Dt::Float => "MPI_FLOAT",
            Dt::Double => "MPI_DOUBLE",
        }
    }

    /// The handle to pass to MPI (after [`env`] succeeded).
    pub fn handle(self) -> ffi::MPI_Datatype {
        let bits = DATATYPES.get().and_then(|r| r.as_ref().ok()).map(|t| t[self as usize]).unwrap_or(0);
        handle_from_bits(bits)
    }
}

/// How the MPI library represents handles: this is what mpi-sys was compiled against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavour {
    /// Pointer handles: Open MPI.
    OpenMpi,
    /// Integer handles: MPICH and its ABI-compatible derivatives (Intel MPI, MVAPICH, Cray).
    Mpich,
}

impl Flavour {
    pub fn name(self) -> &'static str {
        match self {
            Flavour::OpenMpi => "Open MPI",
            Flavour::Mpich => "MPICH (or an MPICH-ABI library)",
        }
    }
}

/// The flavour vtkwire was compiled for, known from the bindings' handle type.
pub fn built_flavour() -> Flavour {
    if size_of::<ffi::MPI_Comm>() == size_of::<c_int>() { Flavour::Mpich } else { Flavour::OpenMpi }
}

/// The flavour a `MPI_Get_library_version` string names, if it names one.
pub fn flavour_of_version(version: &str) -> Option<Flavour> {
    if version.contains("Open MPI") {
        Some(Flavour::OpenMpi)
    } else if ["MPICH", "Intel(R) MPI", "MVAPICH"].iter().any(|s| version.contains(s)) {
        Some(Flavour::Mpich)
    } else {
        None
    }
}

/// Decides whether a running library (its version string) is usable by this build.
pub fn check_library(built: Flavour, running_version: &str) -> Result<()> {
    match flavour_of_version(running_version) {
        Some(f) if f != built => Err(Error::new(
            Status::MpiLibraryMismatch,
            format!(
                "vtkwire was built against {} but the running MPI library is \"{}\"; rebuild vtkwire \
                 with the MPI the application uses (MPICC=... cargo build)",
                built.name(),
                running_version.trim()
            ),
        )),
        _ => Ok(()),
    }
}

/// The MPI handle types (`MPI_Comm`, `MPI_Datatype`, …). In mpi-sys each is a
/// `#[repr(transparent)]` newtype over a pointer (Open MPI) or a C `int` (MPICH ABI), so any
/// bit pattern of its size is a value of it; only such types implement this (sealed) trait,
/// which is what makes [`handle_from_bits`] sound for every `H` it accepts.
pub trait Handle: Copy + sealed::Sealed {}

mod sealed {
    pub trait Sealed {}
}

macro_rules! handle_types {
    ($($t:ident),*) => {$(
        impl sealed::Sealed for ffi::$t {}
        impl Handle for ffi::$t {}
    )*};
}
handle_types!(MPI_Comm, MPI_Datatype, MPI_Request, MPI_Group, MPI_Op, MPI_Errhandler, MPI_Message);

/// Builds a handle (`MPI_Comm`, `MPI_Datatype`, …: a transparent pointer or `int`) from its bits.
/// With 4-byte handles, `bits` comes from [`handle_bits`] or a `u32` handle value, so its upper
/// half is zero.
pub fn handle_from_bits<H: Handle>(bits: u64) -> H {
    match size_of::<H>() {
        // SAFETY: `H` is an MPI handle type (the sealed `Handle`): a transparent newtype over a
        // pointer or an integer, here of 8 bytes, so the 8 bytes of `bits` are a valid value of
        // it (a pointer made this way carries no provenance, but Rust never dereferences a
        // handle: only MPI does, on the same address it handed out).
        8 => unsafe { std::mem::transmute_copy::<u64, H>(&bits) },
        4 => {
            debug_assert!(u32::try_from(bits).is_ok(), "4-byte handle bits {bits:#x}");
            #[allow(clippy::cast_possible_truncation, reason = "4-byte handles' bits are u32 values (see above)")]
            let small = bits as u32;
            // SAFETY: as above, for a 4-byte handle type (an `int`): any 4 bytes are a value.
            unsafe { std::mem::transmute_copy::<u32, H>(&small) }
        }
        n => panic!("unexpected MPI handle size {n}"),
    }
}

/// The bits of a handle (for storing handles in `Send` statics and for comparisons).
pub fn handle_bits<H: Handle>(h: H) -> u64 {
    match size_of::<H>() {
        // SAFETY: `H` is an MPI handle type of 8 bytes (a pointer or integer newtype, so all its
        // bytes are initialized); `transmute_copy` reads exactly those 8 bytes as a `u64`.
        8 => unsafe { std::mem::transmute_copy::<H, u64>(&h) },
        // SAFETY: as above, for a 4-byte handle (an `int` newtype) read as a `u32`.
        4 => u64::from(unsafe { std::mem::transmute_copy::<H, u32>(&h) }),
        n => panic!("unexpected MPI handle size {n}"),
    }
}

static DATATYPES: OnceLock<Result<[u64; 14]>> = OnceLock::new();
static LIBRARY_VERSION: OnceLock<String> = OnceLock::new();

/// `MPI_Get_library_version` of the running library (callable before `MPI_Init`).
pub fn library_version() -> &'static str {
    LIBRARY_VERSION.get_or_init(|| {
        // MPI_MAX_LIBRARY_VERSION_STRING is 256 (Open MPI) / 8192 (MPICH).
        // SAFETY: reads a `const int` of mpi-sys's C shim, initialized before any Rust code runs
        // and never written.
        let max = unsafe { ffi::RSMPI_MAX_LIBRARY_VERSION_STRING };
        let cap = usize::try_from(max).unwrap_or(0).max(256) + 1;
        let mut buf = vec![0 as c_char; cap];
        let mut len: c_int = 0;
        // SAFETY: MPI writes at most MPI_MAX_LIBRARY_VERSION_STRING chars (with the NUL) into
        // `buf`, which holds more; `len` is a local int. Callable before MPI_Init.
        let rc = unsafe { ffi::MPI_Get_library_version(buf.as_mut_ptr(), &mut len) };
        if rc != 0 {
            return String::from("(unknown: MPI_Get_library_version failed)");
        }
        let len = usize::try_from(len).unwrap_or(0).min(cap);
        // `c_char` is `i8` or `u8` by platform: `as u8` keeps each char's byte as it is.
        let bytes: Vec<u8> = buf[..len].iter().map(|&c| c as u8).collect();
        String::from_utf8_lossy(&bytes).trim_end_matches('\0').to_owned()
    })
}

fn resolve_ompi(sym: &CStr) -> Option<u64> {
    // SAFETY: `sym` and `dli_fname` (checked non-null; dladdr points it at the loaded object's
    // path) are NUL-terminated strings; `info` is a local plain C struct (pointers and ints, for
    // which all-zero is a valid value) that dladdr fills. RTLD_NOLOAD only returns a handle to a
    // library already loaded (the one MPI_Send lives in, which mpi-sys links), and dlclose just
    // drops the reference it took, so the library and the address dlsym returned stay valid.
    // The addresses are only turned into integers here, never dereferenced.
    unsafe {
        let p = libc::dlsym(libc::RTLD_DEFAULT, sym.as_ptr());
        if !p.is_null() {
            return Some(p as u64);
        }
        // vtkwire may have been dlopen'ed RTLD_LOCAL (Python ctypes): find libmpi through the
        // address of one of its functions.
        let mut info: libc::Dl_info = std::mem::zeroed();
        let f = ffi::MPI_Send as *const c_void;
        if libc::dladdr(f, &mut info) == 0 || info.dli_fname.is_null() {
            return None;
        }
        let h = libc::dlopen(info.dli_fname, libc::RTLD_LAZY | libc::RTLD_NOLOAD);
        if h.is_null() {
            return None;
        }
        let p = libc::dlsym(h, sym.as_ptr());
        libc::dlclose(h);
        (!p.is_null()).then_some(p as u64)
    }
}

fn resolve_datatypes() -> Result<[u64; 14]> {
    check_library(built_flavour(), library_version())?;
    let mut out = [0u64; 14];
    for dt in Dt::ALL {
        out[dt as usize] = match built_flavour() {
            Flavour::Mpich => u64::from(dt.mpich_handle()),
            Flavour::OpenMpi => resolve_ompi(dt.ompi_symbol()).ok_or_else(|| {
                Error::new(
                    Status::MpiLibraryMismatch,
                    format!(
                        "the running MPI library (\"{}\") has no `{}`: it is not the Open MPI vtkwire \
                         was built against",
                        library_version().trim(),
                        dt.ompi_symbol().to_string_lossy()
                    ),
                )
            })?,
        };
    }
    Ok(out)
}

/// Checks that MPI is usable: initialized, not finalized, the library vtkwire was built for.
/// Every MPI entry point calls this first (the library check runs once per process).
pub fn env() -> Result<()> {
    let mut init: c_int = 0;
    let mut fin: c_int = 0;
    // SAFETY: the standard allows both at any time, before MPI_Init and after MPI_Finalize;
    // each writes one local int.
    unsafe {
        ffi::MPI_Initialized(&mut init);
        ffi::MPI_Finalized(&mut fin);
    }
    if init == 0 {
        return Err(Error::new(
            Status::MpiNotInitialized,
            "MPI is not initialized: call MPI_Init (vtkwire never initializes MPI itself)",
        ));
    }
    if fin != 0 {
        return Err(Error::new(Status::MpiNotInitialized, "MPI is already finalized"));
    }
    DATATYPES.get_or_init(resolve_datatypes).as_ref().map(|_| ()).map_err(Clone::clone)
}

/// True while MPI is initialized and not finalized (for destructors).
pub fn mpi_alive() -> bool {
    let mut init: c_int = 0;
    let mut fin: c_int = 0;
    // SAFETY: as in `env`: callable at any time; each writes one local int.
    unsafe {
        ffi::MPI_Initialized(&mut init);
        ffi::MPI_Finalized(&mut fin);
    }
    init != 0 && fin == 0
}

/// MPI's text for an error code.
pub fn error_string(code: c_int) -> String {
    let mut buf = vec![0 as c_char; 4096];
    let mut len: c_int = 0;
    // SAFETY: MPI writes at most MPI_MAX_ERROR_STRING chars into `buf`, which is larger (4096
    // against 256 in Open MPI, 1024 in MPICH); `len` is a local int.
    let rc = unsafe { ffi::MPI_Error_string(code, buf.as_mut_ptr(), &mut len) };
    if rc != 0 {
        return format!("MPI error code {code}");
    }
    let len = usize::try_from(len).unwrap_or(0).min(buf.len());
    let bytes: Vec<u8> = buf[..len].iter().map(|&c| c as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Turns an MPI return code into a `Status::Mpi` error naming the call.
pub fn check(code: c_int, what: &str) -> Result<()> {
    if code == 0 {
        Ok(())
    } else {
        Err(Error::new(Status::Mpi, format!("{what} failed: {} (code {code})", error_string(code))))
    }
}

/// An `MPI_Status` to receive into.
pub fn empty_status() -> ffi::MPI_Status {
    // SAFETY: MPI_Status is a plain C struct of integers (no pointers, no enums in either MPI),
    // for which all-zero bytes are a valid value.
    unsafe { std::mem::zeroed() }
}

static DUMMY_BUFFER: [u64; 2] = [0; 2];

/// A buffer pointer that is safe to hand to MPI. An empty Rust slice has a dangling pointer equal
/// to its alignment — 0x1 for bytes, which is exactly Open MPI's `MPI_IN_PLACE` (MPI then rejects
/// or misreads the call); such pointers are replaced by a static dummy (never written: count 0).
pub fn buf<T>(p: *const T) -> *mut c_void {
    if (p as usize) < 4096 { DUMMY_BUFFER.as_ptr().cast_mut().cast() } else { p.cast_mut().cast() }
}

/// As [`buf`], for receive buffers.
pub fn buf_mut<T>(p: *mut T) -> *mut c_void {
    buf(p.cast_const())
}

/// `MPI_STATUS_IGNORE`.
pub fn empty_status_ptr() -> *mut ffi::MPI_Status {
    // SAFETY: reads a `MPI_Status *const` of mpi-sys's C shim, initialized to MPI_STATUS_IGNORE
    // before any Rust code runs and never written.
    unsafe { ffi::RSMPI_STATUS_IGNORE }
}

/// The C value of `MPI_ANY_SOURCE` in the library vtkwire was built against.
pub fn any_source() -> c_int {
    // SAFETY: reads a `const int` of mpi-sys's C shim, initialized to MPI_ANY_SOURCE before any Rust
    // code runs and never written.
    unsafe { ffi::RSMPI_ANY_SOURCE }
}

/// The C value of `MPI_ANY_TAG`.
pub fn any_tag() -> c_int {
    // SAFETY: reads a `const int` of mpi-sys's C shim, initialized to MPI_ANY_TAG before any Rust
    // code runs and never written.
    unsafe { ffi::RSMPI_ANY_TAG }
}

/// The C value of `MPI_PROC_NULL`.
pub fn proc_null() -> c_int {
    // SAFETY: reads a `const int` of mpi-sys's C shim, initialized to MPI_PROC_NULL before any Rust
    // code runs and never written.
    unsafe { ffi::RSMPI_PROC_NULL }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn library_check_decisions() {
        assert!(check_library(Flavour::OpenMpi, "Open MPI v4.1.4, package: Debian OpenMPI").is_ok());
        assert!(check_library(Flavour::Mpich, "MPICH Version:\t4.0.2\nMPICH Release date: ...").is_ok());
        assert!(check_library(Flavour::Mpich, "Intel(R) MPI Library 2021.6 for Linux* OS").is_ok());
        let e = check_library(Flavour::OpenMpi, "MPICH Version:\t4.0.2").unwrap_err();
        assert_eq!(e.status, Status::MpiLibraryMismatch);
        assert!(e.message.contains("built against Open MPI"), "{}", e.message);
        let e = check_library(Flavour::Mpich, "Open MPI v4.1.4").unwrap_err();
        assert_eq!(e.status, Status::MpiLibraryMismatch);
        assert!(check_library(Flavour::OpenMpi, "SomeOtherMPI 1.0").is_ok());
    }

    #[test]
    fn handle_bits_round_trip() {
        let c: ffi::MPI_Comm = handle_from_bits(0x1234);
        assert_eq!(handle_bits(c), 0x1234);
    }

    #[test]
    fn built_flavour_matches_bindings() {
        // Debian's default mpicc is Open MPI; a MPICH build (MPICC=mpicc.mpich) flips this.
        let f = built_flavour();
        assert_eq!(f == Flavour::Mpich, size_of::<ffi::MPI_Comm>() == 4);
    }
}
