//! The MPI edge: communicators lent by the caller, VTK's message protocol, collectives.
