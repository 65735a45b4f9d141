# Which MPI did find_package(MPI) pick, and does its launcher belong to the same MPI?
#
# Sets VTKWIRE_MPI_FLAVOR to "OpenMPI", "MPICH" or "unknown", from the library version
# string of the C bindings (MPI_C_LIBRARY_VERSION_STRING) and, failing that, from the
# launcher's name. A binary launched by the other MPI's launcher runs as N singletons that
# each "pass", so a launcher of the other flavor is a configure error.

function(_vtkwire_flavor_of_text text out_var)
  if(text MATCHES "Open MPI|OpenRTE|openmpi|orterun")
    set(${out_var} "OpenMPI" PARENT_SCOPE)
  elseif(text MATCHES "MPICH|HYDRA|mpich|hydra")
    set(${out_var} "MPICH" PARENT_SCOPE)
  else()
    set(${out_var} "unknown" PARENT_SCOPE)
  endif()
endfunction()

# 1. The library the programs link: MPI_Get_library_version's text (the top-level
#    CMakeLists sets MPI_DETERMINE_LIBRARY_VERSION), else the library paths.
_vtkwire_flavor_of_text("${MPI_C_LIBRARY_VERSION_STRING}" _vtkwire_lib_flavor)
if(_vtkwire_lib_flavor STREQUAL "unknown")
  _vtkwire_flavor_of_text("${MPI_C_LIBRARIES}" _vtkwire_lib_flavor)
endif()

# 2. The launcher (follow /etc/alternatives symlinks: /usr/bin/mpiexec -> mpiexec.openmpi).
get_filename_component(_vtkwire_mpiexec_real "${MPIEXEC_EXECUTABLE}" REALPATH)
execute_process(COMMAND "${MPIEXEC_EXECUTABLE}" --version
                OUTPUT_VARIABLE _vtkwire_mpiexec_version ERROR_VARIABLE _vtkwire_mpiexec_version
                RESULT_VARIABLE _vtkwire_rc TIMEOUT 20)
_vtkwire_flavor_of_text("${_vtkwire_mpiexec_version}" _vtkwire_exec_flavor)
if(_vtkwire_exec_flavor STREQUAL "unknown")
  _vtkwire_flavor_of_text("${_vtkwire_mpiexec_real}" _vtkwire_exec_flavor)
endif()

if(_vtkwire_lib_flavor STREQUAL "unknown")
  set(VTKWIRE_MPI_FLAVOR "${_vtkwire_exec_flavor}")
else()
  set(VTKWIRE_MPI_FLAVOR "${_vtkwire_lib_flavor}")
endif()

if(NOT _vtkwire_lib_flavor STREQUAL "unknown" AND NOT _vtkwire_exec_flavor STREQUAL "unknown"
   AND NOT _vtkwire_lib_flavor STREQUAL _vtkwire_exec_flavor)
  message(FATAL_ERROR
    "vtkwire: the MPI library is ${_vtkwire_lib_flavor} (${MPI_C_COMPILER}) but the launcher "
    "${MPIEXEC_EXECUTABLE} is ${_vtkwire_exec_flavor}: every rank would run as a singleton. "
    "Pass a matching -DMPIEXEC_EXECUTABLE=... (e.g. $(which mpiexec.mpich) for MPICH).")
endif()

message(STATUS "vtkwire: MPI flavor ${VTKWIRE_MPI_FLAVOR} (library ${_vtkwire_lib_flavor}, "
               "launcher ${_vtkwire_exec_flavor} ${MPIEXEC_EXECUTABLE})")
