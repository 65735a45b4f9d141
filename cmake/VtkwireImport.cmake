# Imports the cargo-built Rust library as the target vtkwire::vtkwire.
#
#   VTKWIRE_CARGO_TARGET_DIR  directory holding libvtkwire.so
#                             (default: ${CMAKE_SOURCE_DIR}/target/release)
#
# The target carries include/ (vtkwire.h) and MPI::MPI_C (vtkwire.h includes <mpi.h>).
# Configure fails if the library is missing or was built against a different MPI than the
# one CMake found: loading two MPI libraries in one process crashes at startup.

set(VTKWIRE_CARGO_TARGET_DIR "${CMAKE_SOURCE_DIR}/target/release" CACHE PATH
    "Cargo output directory that holds libvtkwire.so (cargo build --release)")
set(VTKWIRE_INCLUDE_DIR "${CMAKE_SOURCE_DIR}/include")
set(VTKWIRE_LIBRARY "${VTKWIRE_CARGO_TARGET_DIR}/libvtkwire.so")

if(NOT EXISTS "${VTKWIRE_LIBRARY}")
  message(FATAL_ERROR
    "vtkwire: ${VTKWIRE_LIBRARY} not found. Build it first with `cargo build --release` "
    "(or set -DVTKWIRE_CARGO_TARGET_DIR=<cargo target dir>/release).")
endif()
if(NOT EXISTS "${VTKWIRE_INCLUDE_DIR}/vtkwire.h")
  message(FATAL_ERROR
    "vtkwire: ${VTKWIRE_INCLUDE_DIR}/vtkwire.h not found: `cargo run -p xtask -- header`.")
endif()

# Read the dynamic section once: SONAME and which MPI the library needs.
find_program(VTKWIRE_READELF NAMES readelf "${CMAKE_READELF}")
set(_vtkwire_dynamic "")
if(VTKWIRE_READELF)
  execute_process(COMMAND "${VTKWIRE_READELF}" -d "${VTKWIRE_LIBRARY}"
                  OUTPUT_VARIABLE _vtkwire_dynamic ERROR_QUIET)
endif()

add_library(vtkwire::vtkwire SHARED IMPORTED GLOBAL)
set_target_properties(vtkwire::vtkwire PROPERTIES
  IMPORTED_LOCATION "${VTKWIRE_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${VTKWIRE_INCLUDE_DIR}"
  INTERFACE_LINK_LIBRARIES MPI::MPI_C)

if(_vtkwire_dynamic MATCHES "\\(SONAME\\)[^\n]*\\[([^]\n]+)\\]")
  set_target_properties(vtkwire::vtkwire PROPERTIES IMPORTED_SONAME "${CMAKE_MATCH_1}")
  message(STATUS "vtkwire: ${VTKWIRE_LIBRARY} (SONAME ${CMAKE_MATCH_1})")
else()
  # No SONAME: linking by full path would record that absolute path as DT_NEEDED.
  # IMPORTED_NO_SONAME makes CMake link with -L<dir> -lvtkwire (DT_NEEDED libvtkwire.so);
  # the build tree RPATH still points at <dir>.
  set_target_properties(vtkwire::vtkwire PROPERTIES IMPORTED_NO_SONAME TRUE)
  message(STATUS "vtkwire: ${VTKWIRE_LIBRARY} (no SONAME; linked as -lvtkwire with RPATH)")
endif()

# Which MPI was the Rust library built against (mpi-sys uses $MPICC at cargo build time)?
set(_vtkwire_lib_mpi "unknown")
if(_vtkwire_dynamic MATCHES "libmpich")
  set(_vtkwire_lib_mpi "MPICH")
elseif(_vtkwire_dynamic MATCHES "libmpi\\.so")
  set(_vtkwire_lib_mpi "OpenMPI")
endif()
if(NOT _vtkwire_lib_mpi STREQUAL "unknown" AND NOT VTKWIRE_MPI_FLAVOR STREQUAL "unknown"
   AND NOT _vtkwire_lib_mpi STREQUAL VTKWIRE_MPI_FLAVOR)
  message(FATAL_ERROR
    "vtkwire: ${VTKWIRE_LIBRARY} links ${_vtkwire_lib_mpi} but CMake found ${VTKWIRE_MPI_FLAVOR} "
    "(${MPI_C_COMPILER}). Build the library for this MPI in its own target dir, e.g. "
    "`CARGO_TARGET_DIR=target-mpich MPICC=mpicc.mpich cargo build --release`, and pass "
    "-DVTKWIRE_CARGO_TARGET_DIR=<that dir>/release.")
endif()
