//! The MPI edge: communicators lent by the caller, VTK's message protocol, collectives.
//!
//! Everything here calls mpi-sys directly on the caller's raw handles: vtkwire never
//! initializes or finalizes MPI, never frees or alters a lent communicator and never installs an
//! error handler (see [`comm`]). The message sequences are VTK 9.1's (`vtkMPICommunicator`,
//! reference §4), with the exact C datatypes ([`sys::Dt`]); the few that later VTK releases
//! changed follow the process-wide peer version ([`peer`]).

pub mod codec;
pub mod collective;
pub mod comm;
pub mod decode;
pub mod peer;
pub mod protocol;
pub mod receive;
pub mod request;
pub mod sink;
pub mod sys;

pub use comm::Comm;
pub use peer::{VtkVersion, set_vtk_peer_version, vtk_peer_version};
