# Building and registering the examples.
#
# vtkwire_add_mpi_test(NAME <target> RANKS <n>... [TIMEOUT <seconds>])
#   Registers one ctest per rank count, named <target>.np<n>, running
#     ${MPIEXEC_EXECUTABLE} ${MPIEXEC_NUMPROC_FLAG} <n> ${VTKWIRE_MPIEXEC_PREFLAGS} $<TARGET_FILE:<target>>
#   with a TIMEOUT (default 60 s: MPI bugs show up as hangs), PROCESSORS <n>, and the
#   environment that lets Open MPI run as root (ignored by other MPIs).
#
# vtkwire_add_example(<source> [RANKS <n>...])
#   Builds one example program from c_examples/ (C11 / C++17 / Fortran, warnings are errors),
#   links vtkwire::vtkwire and the MPI bindings of its language, and registers it with
#   vtkwire_add_mpi_test. Default ranks: 2 and 4 for programs named mpi_* or *_mpi_*
#   (they need a communicator of >= 2 ranks), 1 otherwise.

# Launcher flags differ per MPI: Open MPI wants --oversubscribe to start more ranks than
# cores; MPICH's hydra needs nothing and rejects Open MPI's flags.
set(VTKWIRE_MPIEXEC_PREFLAGS ${MPIEXEC_PREFLAGS})
if(VTKWIRE_MPI_FLAVOR STREQUAL "OpenMPI")
  list(APPEND VTKWIRE_MPIEXEC_PREFLAGS --oversubscribe)
endif()
list(REMOVE_DUPLICATES VTKWIRE_MPIEXEC_PREFLAGS)
message(STATUS "vtkwire: mpiexec preflags: ${VTKWIRE_MPIEXEC_PREFLAGS}")

# Run-as-root for Open MPI (CI runs as root). Harmless elsewhere.
set(VTKWIRE_TEST_ENVIRONMENT
  OMPI_ALLOW_RUN_AS_ROOT=1
  OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1)

set(VTKWIRE_WARNING_FLAGS_C -Wall -Wextra -Werror)
# Open MPI's deprecated C++ bindings in mpi.h trip -Wcast-function-type; nobody uses them.
set(VTKWIRE_WARNING_FLAGS_CXX -Wall -Wextra -Werror -DOMPI_SKIP_MPICXX -DMPICH_SKIP_MPICXX)
set(VTKWIRE_WARNING_FLAGS_Fortran -Wall -Wextra -Werror)

function(vtkwire_add_mpi_test)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "NAME;TIMEOUT" "RANKS")
  if(NOT arg_NAME OR NOT TARGET ${arg_NAME})
    message(FATAL_ERROR "vtkwire_add_mpi_test: NAME must name a target (got '${arg_NAME}')")
  endif()
  if(NOT arg_RANKS)
    set(arg_RANKS 1)
  endif()
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 60)
  endif()
  foreach(n IN LISTS arg_RANKS)
    set(test_name ${arg_NAME}.np${n})
    add_test(NAME ${test_name}
      COMMAND ${MPIEXEC_EXECUTABLE} ${MPIEXEC_NUMPROC_FLAG} ${n} ${VTKWIRE_MPIEXEC_PREFLAGS}
              $<TARGET_FILE:${arg_NAME}> ${MPIEXEC_POSTFLAGS})
    set_tests_properties(${test_name} PROPERTIES
      TIMEOUT ${arg_TIMEOUT}
      PROCESSORS ${n}
      ENVIRONMENT "${VTKWIRE_TEST_ENVIRONMENT}"
      LABELS "np${n};${VTKWIRE_MPI_FLAVOR}")
  endforeach()
endfunction()

function(vtkwire_add_example source)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "TIMEOUT" "RANKS")
  get_filename_component(stem "${source}" NAME_WE)
  get_filename_component(ext "${source}" LAST_EXT)
  if(ext STREQUAL ".c")
    set(lang C)
  elseif(ext STREQUAL ".cpp")
    set(lang CXX)
  elseif(ext STREQUAL ".f90")
    set(lang Fortran)
  else()
    message(FATAL_ERROR "vtkwire_add_example: unsupported source ${source}")
  endif()
  set(target ${stem})
  if(TARGET ${target})
    string(SUBSTRING "${ext}" 1 -1 suffix)
    set(target ${stem}_${suffix})
  endif()

  add_executable(${target} "${source}")
  target_compile_options(${target} PRIVATE ${VTKWIRE_WARNING_FLAGS_${lang}})
  target_link_libraries(${target} PRIVATE vtkwire::vtkwire MPI::MPI_${lang})
  if(lang STREQUAL "C")
    target_link_libraries(${target} PRIVATE m)  # libm: examples use <math.h>
  endif()
  if(lang STREQUAL "Fortran")
    set_target_properties(${target} PROPERTIES
      Fortran_MODULE_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}/mod/${target}")
  endif()

  if(NOT arg_RANKS)
    if(stem MATCHES "(^|_)mpi_")
      set(arg_RANKS 2 4)
    else()
      set(arg_RANKS 1)
    endif()
  endif()
  if(NOT arg_TIMEOUT)
    set(arg_TIMEOUT 60)
  endif()
  vtkwire_add_mpi_test(NAME ${target} RANKS ${arg_RANKS} TIMEOUT ${arg_TIMEOUT})
endfunction()
