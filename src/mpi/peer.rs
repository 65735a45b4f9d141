//! The VTK version the peer ranks speak: a process-wide setting that selects the few message
//! sequences that changed between VTK releases (reference §4.10).
//!
//! Today it selects one thing, the length exchange of the root-ed variable-length gathers
//! (`GatherV(vtkDataArray)`, and through it `Gather(vtkDataObject)`, `GatherV(vtkDataObject)`,
//! `Gather(vtkMultiProcessStream)`):
//!
//! | peer version | lengths (one `MPI_LONG_LONG` per rank) | then |
//! |---|---|---|
//! | < 9.5 (default 9.1) | `MPI_Gather` to the root | `MPI_Gatherv` |
//! | ≥ 9.5 (VTK commit 89becda2) | `MPI_Allgather` | `MPI_Gatherv` |
//!
//! The two are a collective mismatch (a hang or an MPI error), so every rank of the job must
//! select the same one. Everything else vtkwire sends is the same in 9.1 and later releases
//! below 2³¹ elements per message.
//!
//! # Why process-wide
//! * Every rank of a collective must agree, and the right value is a property of the job (which
//!   VTK the other ranks link), not of one call.
//! * The C exports take the caller's raw `MPI_Comm`: there is no vtkwire object to carry a
//!   per-communicator setting, and adding an argument to every collective would break the ABI.
//! * vtkwire never alters a communicator it is lent, so it cannot cache the version on it as an
//!   MPI attribute (`MPI_Comm_set_attr`).
//!
//! A process that talks to VTK 9.1 ranks on one communicator and to VTK ≥ 9.5 ranks on another
//! sets the version before each collective; the setting is read once at the start of each call.
//!
//! # Where the value comes from
//! An explicit [`set_vtk_peer_version`] wins. Otherwise the environment variable
//! [`ENV_VAR`] (`VTKWIRE_VTK_PEER_VERSION`, e.g. `9.5`, `9.1`, `9.5.0`; surrounding blanks and a
//! patch level are ignored, an empty value counts as unset) is read once, at the first use of
//! the setting (the getter, or a collective that depends on it); unset means [`DEFAULT`] (9.1,
//! the behaviour before this setting existed). A malformed or out-of-range value is **never**
//! silently replaced by the default, which would turn a typo into a hang: the getter and every
//! collective that depends on the version fail with `InvalidArgument` naming the variable and
//! its value — before any MPI call — until the variable is fixed or a version is set explicitly.
//! Calls whose wire does not depend on the version (point to point, broadcasts, all-gathers,
//! reductions, scatters) are unaffected.

use std::fmt;
use std::sync::Mutex;

use crate::error::{Error, Result};

/// A VTK release, `major.minor` (the patch level never changes the wire).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct VtkVersion {
    pub major: i32,
    pub minor: i32,
}

impl fmt::Display for VtkVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.major, self.minor)
    }
}

/// The environment variable read when no version was set explicitly.
pub const ENV_VAR: &str = "VTKWIRE_VTK_PEER_VERSION";

/// The version assumed when neither the API nor the environment says otherwise: VTK 9.1.
pub const DEFAULT: VtkVersion = VtkVersion { major: 9, minor: 1 };

/// The first release whose root-ed GatherV exchanges lengths with `MPI_Allgather`.
pub const ALLGATHER_LENGTHS_SINCE: VtkVersion = VtkVersion { major: 9, minor: 5 };

/// Accepted range: majors 5..=99, minors 0..=99 (VTK 5.0 is the oldest release with
/// `vtkMPICommunicator`'s data-object collectives; anything beyond is a typo).
const MAJORS: std::ops::RangeInclusive<i32> = 5..=99;
const MINORS: std::ops::RangeInclusive<i32> = 0..=99;

impl VtkVersion {
    /// A checked version: `InvalidArgument` below 5.0 or beyond 99.99.
    pub fn new(major: i32, minor: i32) -> Result<VtkVersion> {
        if !MAJORS.contains(&major) || !MINORS.contains(&minor) {
            return Err(Error::invalid_argument(format!(
                "VTK version {major}.{minor} is not supported (major 5..=99, minor 0..=99; e.g. 9.1 or 9.5)"
            )));
        }
        Ok(VtkVersion { major, minor })
    }

    /// Parses `MAJOR.MINOR` or `MAJOR.MINOR.PATCH` (blanks around it ignored).
    pub fn parse(text: &str) -> Result<VtkVersion> {
        let bad = || Error::invalid_argument(format!("{text:?} is not a VTK version (expected MAJOR.MINOR, e.g. 9.5)"));
        let mut parts = text.trim().split('.');
        let mut num = |required: bool| -> Result<Option<i32>> {
            match parts.next() {
                None if !required => Ok(None),
                Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| bad())
                }
                _ => Err(bad()),
            }
        };
        let major = num(true)?.ok_or_else(bad)?;
        let minor = num(true)?.ok_or_else(bad)?;
        num(false)?; // optional patch level
        if parts.next().is_some() {
            return Err(bad());
        }
        VtkVersion::new(major, minor)
    }

    /// Whether the root-ed variable-length gathers exchange lengths with `MPI_Allgather`
    /// (VTK ≥ 9.5) rather than `MPI_Gather` to the root (VTK ≤ 9.4).
    pub fn allgathers_gatherv_lengths(self) -> bool {
        self >= ALLGATHER_LENGTHS_SINCE
    }
}

/// `None`: not resolved yet. `Some(Err(message))`: the environment variable is malformed.
static SETTING: Mutex<Option<std::result::Result<VtkVersion, String>>> = Mutex::new(None);

fn from_env() -> std::result::Result<VtkVersion, String> {
    match std::env::var(ENV_VAR) {
        Err(std::env::VarError::NotPresent) => Ok(DEFAULT),
        Err(std::env::VarError::NotUnicode(v)) => {
            Err(format!("environment variable {ENV_VAR}={v:?} is not a VTK version (expected MAJOR.MINOR, e.g. 9.5)"))
        }
        Ok(v) if v.trim().is_empty() => Ok(DEFAULT),
        Ok(v) => VtkVersion::parse(&v).map_err(|e| {
            format!(
                "environment variable {ENV_VAR}: {} (fix it, or set the version with vtkwire_set_vtk_peer_version)",
                e.message
            )
        }),
    }
}

fn with_setting<T>(f: impl FnOnce(&mut Option<std::result::Result<VtkVersion, String>>) -> T) -> T {
    // A panic while the lock is held cannot leave the Option half-written: ignore poisoning.
    let mut guard = SETTING.lock().unwrap_or_else(|p| p.into_inner());
    f(&mut guard)
}

/// Sets the VTK version of the peer ranks for the whole process (overrides the environment
/// variable from now on). `InvalidArgument` (and no change) for versions below 5.0 or beyond
/// 99.99.
pub fn set_vtk_peer_version(major: i32, minor: i32) -> Result<()> {
    let v = VtkVersion::new(major, minor)?;
    with_setting(|s| *s = Some(Ok(v)));
    Ok(())
}

/// The VTK version of the peer ranks: set explicitly, else from the environment variable (read
/// once), else [`DEFAULT`]. `InvalidArgument` if the environment variable is malformed.
pub fn vtk_peer_version() -> Result<VtkVersion> {
    with_setting(|s| s.get_or_insert_with(from_env).clone()).map_err(Error::invalid_argument)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Status;

    #[test]
    fn parses_and_checks() {
        assert_eq!(VtkVersion::parse("9.5").unwrap(), VtkVersion { major: 9, minor: 5 });
        assert_eq!(VtkVersion::parse(" 9.1.0\n").unwrap(), DEFAULT);
        assert_eq!(VtkVersion::parse("5.10").unwrap(), VtkVersion { major: 5, minor: 10 });
        for bad in [
            "",
            "9",
            "9.",
            ".5",
            "9.x",
            "9.5.1.2",
            "v9.5",
            "9,5",
            "-9.5",
            "+9.5",
            "9.5-rc1",
            "4.4",
            "100.0",
            "9.100",
            "99999999999.1",
        ] {
            let e = VtkVersion::parse(bad).unwrap_err();
            assert_eq!(e.status, Status::InvalidArgument, "{bad:?}");
        }
        assert!(VtkVersion::new(4, 9).is_err());
        assert!(VtkVersion::new(9, -1).is_err());
        assert!(VtkVersion::new(i32::MIN, 0).is_err());
    }

    #[test]
    fn selects_allgather_from_9_5() {
        assert!(!DEFAULT.allgathers_gatherv_lengths());
        assert!(!VtkVersion::new(9, 4).unwrap().allgathers_gatherv_lengths());
        assert!(!VtkVersion::new(8, 99).unwrap().allgathers_gatherv_lengths());
        assert!(VtkVersion::new(9, 5).unwrap().allgathers_gatherv_lengths());
        assert!(VtkVersion::new(9, 10).unwrap().allgathers_gatherv_lengths());
        assert!(VtkVersion::new(10, 0).unwrap().allgathers_gatherv_lengths());
    }
}
