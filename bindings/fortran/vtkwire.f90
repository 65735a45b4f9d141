! vtkwire.f90 — Fortran 2008 bindings over the vtkwire C API (include/vtkwire.h).
!
! Hand-written, not generated (the per-kind specific procedures near the end repeat one
! pattern for each element kind and rank; keep them in step when editing).
!
!   use vtkwire
!   type(vtkwire_object) :: img
!   call vtkwire_image_data_new([0,3,0,2,0,1], [0d0,0d0,0d0], [1d0,1d0,1d0], img, ierr)
!
! Conventions
! * Handles: type(vtkwire_object) and type(vtkwire_array) wrap the C pointer (component %ptr,
!   default c_null_ptr = VTK's null object). Handles from constructors, clones, unmarshal and
!   vtkwire_amr_block are owned: free them with vtkwire_object_free / vtkwire_array_free.
!   Handles returned by accessors (an object's arrays, a multiblock's blocks, coordinates,
!   points) are borrowed (%borrowed = .true.): valid until their owner is modified or freed;
!   the wrappers refuse to free or modify them (INVALID_ARGUMENT).
! * Errors: every routine has an optional `ierr` (integer(c_int32_t), one of the
!   VTKWIRE_STATUS_* parameters, 0 = OK), always the first optional argument. Present: it gets
!   the status and vtkwire_last_error() the message. Absent: a failure prints the routine, the
!   status and the message on the standard error unit and stops with `error stop`.
!   Optional arguments after ierr are meant to be passed by keyword (ncomponents=, type=, name=…).
! * Indices are 0-based as in C and VTK (component, axis, block, array, level, string index,
!   point ids in connectivity). Counts come back as integer(c_size_t).
! * Strings in are character(len=*), passed as given (pass trim(s) for blank-padded buffers);
!   strings out are allocatable character(len=:), converted from the C pointer + length.
! * Values in are Fortran arrays: rank 1, or rank 2 shaped (ncomponents, ntuples) — Fortran's
!   column-major order is VTK's tuple layout. Copying routines accept any array (a strided
!   section is packed by the compiler). *_borrowed routines keep a pointer to the caller's
!   memory: the actual argument must be contiguous (checked) and have the TARGET attribute,
!   and must outlive every object using it.
! * Values out (vtkwire_array_data, cells, edges) are Fortran pointers into the library's
!   memory (c_f_pointer), valid until the owner is modified or freed. Do not deallocate them.
! * The element kind picks the VTK type: real(c_double) DOUBLE, real(c_float) FLOAT,
!   integer(c_int8_t) SIGNED_CHAR, c_int16_t SHORT, c_int32_t INT, c_int64_t LONG_LONG; an
!   optional `type=` overrides it with any VTK type of the same size and kind (e.g.
!   VTKWIRE_TYPE_ID_TYPE for int64 ids, VTKWIRE_TYPE_UNSIGNED_CHAR for int8 bytes).
! * The message of an error detected by these wrappers (before reaching C) is kept in module
!   storage: not thread-safe, unlike the C library's thread-local message.
module vtkwire
  use, intrinsic :: iso_c_binding
  use, intrinsic :: iso_fortran_env, only: error_unit
  use mpi_f08, only: MPI_Comm
  implicit none
  private

  ! ---- status codes (vtkwire_status) ------------------------------------------------------
  integer(c_int32_t), parameter, public :: &
      VTKWIRE_STATUS_OK = 0, &
      VTKWIRE_STATUS_NULL_ARGUMENT = 1, &
      VTKWIRE_STATUS_INVALID_ARGUMENT = 2, &
      VTKWIRE_STATUS_WRONG_OBJECT_TYPE = 3, &
      VTKWIRE_STATUS_WRONG_ARRAY_TYPE = 4, &
      VTKWIRE_STATUS_NOT_FOUND = 5, &
      VTKWIRE_STATUS_OUT_OF_RANGE = 6, &
      VTKWIRE_STATUS_INVALID_OBJECT = 10, &
      VTKWIRE_STATUS_PARSE = 20, &
      VTKWIRE_STATUS_TRUNCATED = 21, &
      VTKWIRE_STATUS_UNSUPPORTED = 22, &
      VTKWIRE_STATUS_IO = 23, &
      VTKWIRE_STATUS_INVALID_UTF8 = 24, &
      VTKWIRE_STATUS_MPI_NOT_INITIALIZED = 30, &
      VTKWIRE_STATUS_MPI = 31, &
      VTKWIRE_STATUS_INVALID_COMMUNICATOR = 32, &
      VTKWIRE_STATUS_MPI_LIBRARY_MISMATCH = 33, &
      VTKWIRE_STATUS_PROTOCOL = 34, &
      VTKWIRE_STATUS_TIMEOUT = 35, &
      VTKWIRE_STATUS_ALLOC = 90, &
      VTKWIRE_STATUS_PANIC = 99

  ! ---- data object types (VTK type codes) --------------------------------------------------
  integer(c_int32_t), parameter, public :: &
      VTKWIRE_OBJECT_NULL = -1, &
      VTKWIRE_OBJECT_POLY_DATA = 0, &
      VTKWIRE_OBJECT_STRUCTURED_POINTS = 1, &
      VTKWIRE_OBJECT_STRUCTURED_GRID = 2, &
      VTKWIRE_OBJECT_RECTILINEAR_GRID = 3, &
      VTKWIRE_OBJECT_UNSTRUCTURED_GRID = 4, &
      VTKWIRE_OBJECT_IMAGE_DATA = 6, &
      VTKWIRE_OBJECT_MULTIBLOCK = 13, &
      VTKWIRE_OBJECT_TABLE = 19, &
      VTKWIRE_OBJECT_TREE = 21, &
      VTKWIRE_OBJECT_DIRECTED_GRAPH = 23, &
      VTKWIRE_OBJECT_UNDIRECTED_GRAPH = 24, &
      VTKWIRE_OBJECT_OVERLAPPING_AMR = 31

  ! ---- array element types (VTK scalar type codes) -----------------------------------------
  integer(c_int32_t), parameter, public :: &
      VTKWIRE_TYPE_BIT = 1, &
      VTKWIRE_TYPE_CHAR = 2, &
      VTKWIRE_TYPE_UNSIGNED_CHAR = 3, &
      VTKWIRE_TYPE_SHORT = 4, &
      VTKWIRE_TYPE_UNSIGNED_SHORT = 5, &
      VTKWIRE_TYPE_INT = 6, &
      VTKWIRE_TYPE_UNSIGNED_INT = 7, &
      VTKWIRE_TYPE_LONG = 8, &
      VTKWIRE_TYPE_UNSIGNED_LONG = 9, &
      VTKWIRE_TYPE_FLOAT = 10, &
      VTKWIRE_TYPE_DOUBLE = 11, &
      VTKWIRE_TYPE_ID_TYPE = 12, &
      VTKWIRE_TYPE_STRING = 13, &
      VTKWIRE_TYPE_SIGNED_CHAR = 15, &
      VTKWIRE_TYPE_LONG_LONG = 16, &
      VTKWIRE_TYPE_UNSIGNED_LONG_LONG = 17, &
      VTKWIRE_TYPE_VARIANT = 20

  ! ---- associations, attribute roles, poly data cell kinds ---------------------------------
  integer(c_int32_t), parameter, public :: &
      VTKWIRE_ASSOCIATION_POINT = 0, &
      VTKWIRE_ASSOCIATION_CELL = 1, &
      VTKWIRE_ASSOCIATION_FIELD = 2, &
      VTKWIRE_ASSOCIATION_VERTEX = 4, &
      VTKWIRE_ASSOCIATION_EDGE = 5, &
      VTKWIRE_ASSOCIATION_ROW = 6
  integer(c_int32_t), parameter, public :: &
      VTKWIRE_ROLE_SCALARS = 0, &
      VTKWIRE_ROLE_VECTORS = 1, &
      VTKWIRE_ROLE_NORMALS = 2, &
      VTKWIRE_ROLE_TCOORDS = 3, &
      VTKWIRE_ROLE_TENSORS = 4, &
      VTKWIRE_ROLE_GLOBAL_IDS = 5, &
      VTKWIRE_ROLE_PEDIGREE_IDS = 6, &
      VTKWIRE_ROLE_EDGE_FLAGS = 7
  integer(c_int32_t), parameter, public :: &
      VTKWIRE_POLY_VERTS = 0, &
      VTKWIRE_POLY_LINES = 1, &
      VTKWIRE_POLY_POLYS = 2, &
      VTKWIRE_POLY_STRIPS = 3

  ! ---- handles ------------------------------------------------------------------------------
  !> Any data object. %ptr is the C `vtkwire_object *` (c_null_ptr: VTK's null object).
  type, public :: vtkwire_object
    type(c_ptr) :: ptr = c_null_ptr
    logical :: borrowed = .false.   !< true for blocks etc. borrowed from another object
  end type vtkwire_object

  !> One data array. %ptr is the C `vtkwire_array *`.
  type, public :: vtkwire_array
    type(c_ptr) :: ptr = c_null_ptr
    logical :: borrowed = .false.   !< true for arrays borrowed from an object
  end type vtkwire_array

  !> A vtkwire communicator object (borrowed from or duplicating an MPI communicator).
  type, public :: vtkwire_comm
    type(c_ptr) :: ptr = c_null_ptr
  end type vtkwire_comm

  !> A pending nonblocking transfer (vtkwire_*_isend / vtkwire_*_irecv). Owned: complete it
  !> with vtkwire_request_wait/_test/_waitall, then free it with vtkwire_request_free.
  type, public :: vtkwire_request
    type(c_ptr) :: ptr = c_null_ptr
  end type vtkwire_request

  ! ---- reduction operations (VTK's vtkCommunicator op codes) -------------------------------
  integer(c_int32_t), parameter, public :: &
      VTKWIRE_OP_MAX = 0, &
      VTKWIRE_OP_MIN = 1, &
      VTKWIRE_OP_SUM = 2, &
      VTKWIRE_OP_PRODUCT = 3, &
      VTKWIRE_OP_LOGICAL_AND = 4, &
      VTKWIRE_OP_BITWISE_AND = 5, &
      VTKWIRE_OP_LOGICAL_OR = 6, &
      VTKWIRE_OP_BITWISE_OR = 7, &
      VTKWIRE_OP_LOGICAL_XOR = 8, &
      VTKWIRE_OP_BITWISE_XOR = 9

  ! ---- public procedures ---------------------------------------------------------------------
  public :: vtkwire_status_str, vtkwire_last_error, vtkwire_last_error_copy, vtkwire_version
  public :: vtkwire_associated
  public :: vtkwire_array_new, vtkwire_array_new_borrowed, vtkwire_array_new_bits
  public :: vtkwire_array_new_strings, vtkwire_array_free, vtkwire_array_clone
  public :: vtkwire_array_set_component_name, vtkwire_array_set_lookup_table
  public :: vtkwire_array_info, vtkwire_array_name, vtkwire_array_data, vtkwire_array_bits
  public :: vtkwire_array_string, vtkwire_array_component_name, vtkwire_array_lookup_table
  public :: vtkwire_image_data_new, vtkwire_structured_points_new
  public :: vtkwire_image_data_set_direction, vtkwire_image_data_geometry
  public :: vtkwire_rectilinear_grid_new, vtkwire_rectilinear_grid_set_coordinates
  public :: vtkwire_rectilinear_grid_coordinates, vtkwire_structured_grid_new
  public :: vtkwire_poly_data_new, vtkwire_unstructured_grid_new, vtkwire_table_new
  public :: vtkwire_directed_graph_new, vtkwire_undirected_graph_new, vtkwire_tree_new
  public :: vtkwire_multiblock_new, vtkwire_amr_new
  public :: vtkwire_object_free, vtkwire_object_clone, vtkwire_object_type
  public :: vtkwire_object_class_name, vtkwire_object_validate, vtkwire_object_summary
  public :: vtkwire_object_count, vtkwire_object_extent
  public :: vtkwire_object_set_points, vtkwire_object_set_points_borrowed, vtkwire_object_points
  public :: vtkwire_poly_data_set_cells, vtkwire_poly_data_set_cells_legacy, vtkwire_poly_data_cells
  public :: vtkwire_unstructured_grid_set_cells, vtkwire_unstructured_grid_cells
  public :: vtkwire_graph_edges
  public :: vtkwire_multiblock_block_count, vtkwire_multiblock_set_block
  public :: vtkwire_multiblock_set_block_take, vtkwire_multiblock_block
  public :: vtkwire_amr_add_level, vtkwire_amr_add_block, vtkwire_amr_info, vtkwire_amr_level
  public :: vtkwire_amr_block
  public :: vtkwire_object_add_array, vtkwire_object_add_array_take
  public :: vtkwire_object_add_array_data, vtkwire_object_add_array_data_borrowed
  public :: vtkwire_object_set_active, vtkwire_object_array_count, vtkwire_object_array
  public :: vtkwire_object_array_by_name, vtkwire_object_active_array, vtkwire_object_remove_array
  public :: vtkwire_marshal, vtkwire_marshaled_size, vtkwire_marshal_into, vtkwire_unmarshal
  public :: vtkwire_legacy_read, vtkwire_legacy_write
  ! MPI: every communicator argument is an `integer` handle (use mpi) or a type(MPI_Comm)
  ! (use mpi_f08); both reach the C library's MPI_Fint entry points (the *_f twins).
  public :: vtkwire_object_send, vtkwire_object_recv, vtkwire_object_recv_into, vtkwire_object_bcast
  public :: vtkwire_array_send, vtkwire_array_recv, vtkwire_array_bcast, vtkwire_array_allreduce_inplace
  public :: vtkwire_comm_borrow, vtkwire_comm_dup, vtkwire_comm_free, vtkwire_comm_handle
  public :: vtkwire_comm_rank, vtkwire_comm_size, vtkwire_comm_barrier
  public :: vtkwire_marshaled_send, vtkwire_object_gather, vtkwire_object_allgather
  public :: vtkwire_array_gather, vtkwire_array_gatherv, vtkwire_array_allgather, vtkwire_array_allgatherv
  public :: vtkwire_array_scatter, vtkwire_array_reduce, vtkwire_array_allreduce, vtkwire_array_reduce_inplace
  public :: vtkwire_object_isend, vtkwire_object_irecv, vtkwire_array_isend, vtkwire_array_irecv
  public :: vtkwire_request_wait, vtkwire_request_test, vtkwire_request_waitall
  public :: vtkwire_request_take_object, vtkwire_request_take_array, vtkwire_request_free
  public :: vtkwire_set_vtk_peer_version, vtkwire_get_vtk_peer_version
  public :: vtkwire_release_memory

  ! ---- generic interfaces (one specific per element kind and rank) ---------------------------
  interface vtkwire_associated
    module procedure associated_object, associated_array
  end interface vtkwire_associated

  interface vtkwire_directed_graph_new
    module procedure directed_graph_new_i4, directed_graph_new_i8
  end interface vtkwire_directed_graph_new
  interface vtkwire_undirected_graph_new
    module procedure undirected_graph_new_i4, undirected_graph_new_i8
  end interface vtkwire_undirected_graph_new
  interface vtkwire_tree_new
    module procedure tree_new_i4, tree_new_i8
  end interface vtkwire_tree_new
  interface vtkwire_poly_data_set_cells
    module procedure poly_set_cells_i4, poly_set_cells_i8
  end interface vtkwire_poly_data_set_cells
  interface vtkwire_poly_data_set_cells_legacy
    module procedure poly_set_cells_legacy_i4, poly_set_cells_legacy_i8
  end interface vtkwire_poly_data_set_cells_legacy
  interface vtkwire_unstructured_grid_set_cells
    module procedure ug_set_cells_i4, ug_set_cells_i8
  end interface vtkwire_unstructured_grid_set_cells
  interface vtkwire_image_data_set_direction
    module procedure set_direction_matrix, set_direction_flat
  end interface vtkwire_image_data_set_direction
  interface vtkwire_array_set_lookup_table
    module procedure set_lookup_table_2, set_lookup_table_i1
  end interface vtkwire_array_set_lookup_table

  interface vtkwire_array_new
    module procedure array_new_r8_1, array_new_r8_2, array_new_r4_1
    module procedure array_new_r4_2, array_new_i1_1, array_new_i1_2
    module procedure array_new_i2_1, array_new_i2_2, array_new_i4_1
    module procedure array_new_i4_2, array_new_i8_1, array_new_i8_2
  end interface vtkwire_array_new

  interface vtkwire_array_new_borrowed
    module procedure array_new_borrowed_r8_1, array_new_borrowed_r8_2, array_new_borrowed_r4_1
    module procedure array_new_borrowed_r4_2, array_new_borrowed_i1_1, array_new_borrowed_i1_2
    module procedure array_new_borrowed_i2_1, array_new_borrowed_i2_2, array_new_borrowed_i4_1
    module procedure array_new_borrowed_i4_2, array_new_borrowed_i8_1, array_new_borrowed_i8_2
  end interface vtkwire_array_new_borrowed

  interface vtkwire_object_add_array_data
    module procedure add_array_data_r8_1, add_array_data_r8_2, add_array_data_r4_1
    module procedure add_array_data_r4_2, add_array_data_i1_1, add_array_data_i1_2
    module procedure add_array_data_i2_1, add_array_data_i2_2, add_array_data_i4_1
    module procedure add_array_data_i4_2, add_array_data_i8_1, add_array_data_i8_2
  end interface vtkwire_object_add_array_data

  interface vtkwire_object_add_array_data_borrowed
    module procedure add_array_data_borrowed_r8_1, add_array_data_borrowed_r8_2, add_array_data_borrowed_r4_1
    module procedure add_array_data_borrowed_r4_2, add_array_data_borrowed_i1_1, add_array_data_borrowed_i1_2
    module procedure add_array_data_borrowed_i2_1, add_array_data_borrowed_i2_2, add_array_data_borrowed_i4_1
    module procedure add_array_data_borrowed_i4_2, add_array_data_borrowed_i8_1, add_array_data_borrowed_i8_2
  end interface vtkwire_object_add_array_data_borrowed

  interface vtkwire_array_data
    module procedure array_data_r8_1, array_data_r8_2, array_data_r4_1
    module procedure array_data_r4_2, array_data_i1_1, array_data_i1_2
    module procedure array_data_i2_1, array_data_i2_2, array_data_i4_1
    module procedure array_data_i4_2, array_data_i8_1, array_data_i8_2
  end interface vtkwire_array_data

  interface vtkwire_object_set_points
    module procedure set_points_r8_1, set_points_r8_2, set_points_r4_1
    module procedure set_points_r4_2
  end interface vtkwire_object_set_points

  interface vtkwire_object_set_points_borrowed
    module procedure set_points_borrowed_r8_1, set_points_borrowed_r8_2, set_points_borrowed_r4_1
    module procedure set_points_borrowed_r4_2
  end interface vtkwire_object_set_points_borrowed

  interface vtkwire_rectilinear_grid_set_coordinates
    module procedure set_coordinates_r8, set_coordinates_r4, set_coordinates_i1
    module procedure set_coordinates_i2, set_coordinates_i4, set_coordinates_i8
  end interface vtkwire_rectilinear_grid_set_coordinates

  interface vtkwire_object_send
    module procedure object_send_int, object_send_f08
  end interface vtkwire_object_send
  interface vtkwire_object_recv
    module procedure object_recv_int, object_recv_f08
  end interface vtkwire_object_recv
  interface vtkwire_object_recv_into
    module procedure object_recv_into_int, object_recv_into_f08
  end interface vtkwire_object_recv_into
  interface vtkwire_object_bcast
    module procedure object_bcast_int, object_bcast_f08
  end interface vtkwire_object_bcast
  interface vtkwire_array_send
    module procedure array_send_int, array_send_f08
  end interface vtkwire_array_send
  interface vtkwire_array_recv
    module procedure array_recv_int, array_recv_f08
  end interface vtkwire_array_recv
  interface vtkwire_array_bcast
    module procedure array_bcast_int, array_bcast_f08
  end interface vtkwire_array_bcast
  interface vtkwire_array_allreduce_inplace
    module procedure array_allreduce_inplace_int, array_allreduce_inplace_f08
  end interface vtkwire_array_allreduce_inplace
  interface vtkwire_comm_borrow
    module procedure comm_borrow_int, comm_borrow_f08
  end interface vtkwire_comm_borrow
  interface vtkwire_comm_dup
    module procedure comm_dup_int, comm_dup_f08
  end interface vtkwire_comm_dup
  interface vtkwire_marshaled_send
    module procedure marshaled_send_int, marshaled_send_f08
  end interface vtkwire_marshaled_send
  interface vtkwire_object_gather
    module procedure object_gather_int, object_gather_f08
  end interface vtkwire_object_gather
  interface vtkwire_object_allgather
    module procedure object_allgather_int, object_allgather_f08
  end interface vtkwire_object_allgather
  interface vtkwire_array_gather
    module procedure array_gather_int, array_gather_f08
  end interface vtkwire_array_gather
  interface vtkwire_array_gatherv
    module procedure array_gatherv_int, array_gatherv_f08
  end interface vtkwire_array_gatherv
  interface vtkwire_array_allgather
    module procedure array_allgather_int, array_allgather_f08
  end interface vtkwire_array_allgather
  interface vtkwire_array_allgatherv
    module procedure array_allgatherv_int, array_allgatherv_f08
  end interface vtkwire_array_allgatherv
  interface vtkwire_array_scatter
    module procedure array_scatter_int, array_scatter_f08
  end interface vtkwire_array_scatter
  interface vtkwire_array_reduce
    module procedure array_reduce_int, array_reduce_f08
  end interface vtkwire_array_reduce
  interface vtkwire_array_allreduce
    module procedure array_allreduce_int, array_allreduce_f08
  end interface vtkwire_array_allreduce
  interface vtkwire_array_reduce_inplace
    module procedure array_reduce_inplace_int, array_reduce_inplace_f08
  end interface vtkwire_array_reduce_inplace
  interface vtkwire_object_isend
    module procedure object_isend_int, object_isend_f08
  end interface vtkwire_object_isend
  interface vtkwire_object_irecv
    module procedure object_irecv_int, object_irecv_f08
  end interface vtkwire_object_irecv
  interface vtkwire_array_isend
    module procedure array_isend_int, array_isend_f08
  end interface vtkwire_array_isend
  interface vtkwire_array_irecv
    module procedure array_irecv_int, array_irecv_f08
  end interface vtkwire_array_irecv

  ! ---- the C API (bind(C) interfaces; private — use the wrappers) ----------------------------
  interface
    function c_strlen(s) bind(C, name='strlen') result(n)
      import :: c_ptr, c_size_t
      type(c_ptr), value :: s
      integer(c_size_t) :: n
    end function c_strlen

    function c_status_str(status) bind(C, name='vtkwire_status_str') result(s)
      import :: c_ptr, c_int32_t
      integer(c_int32_t), value :: status
      type(c_ptr) :: s
    end function c_status_str
    function c_last_error() bind(C, name='vtkwire_last_error') result(s)
      import :: c_ptr
      type(c_ptr) :: s
    end function c_last_error
    function c_last_error_copy(buf, cap) bind(C, name='vtkwire_last_error_copy') result(n)
      import :: c_ptr, c_size_t
      type(c_ptr), value :: buf
      integer(c_size_t), value :: cap
      integer(c_size_t) :: n
    end function c_last_error_copy
    subroutine c_release_memory() bind(C, name='vtkwire_release_memory')
    end subroutine c_release_memory
    function c_version() bind(C, name='vtkwire_version') result(s)
      import :: c_ptr
      type(c_ptr) :: s
    end function c_version
    function c_set_vtk_peer_version(major, minor) bind(C, name='vtkwire_set_vtk_peer_version') result(st)
      import :: c_int32_t
      integer(c_int32_t), value :: major, minor
      integer(c_int32_t) :: st
    end function c_set_vtk_peer_version
    function c_get_vtk_peer_version(out_major, out_minor) bind(C, name='vtkwire_get_vtk_peer_version') result(st)
      import :: c_int32_t
      integer(c_int32_t), intent(out) :: out_major, out_minor
      integer(c_int32_t) :: st
    end function c_get_vtk_peer_version

    ! arrays
    function c_array_new(name, type, data, ntuples, ncomponents, out_array) &
        bind(C, name='vtkwire_array_new') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: name, data
      integer(c_int32_t), value :: type, ncomponents
      integer(c_size_t), value :: ntuples
      type(c_ptr), intent(out) :: out_array
      integer(c_int32_t) :: st
    end function c_array_new
    function c_array_new_borrowed(name, type, data, ntuples, ncomponents, out_array) &
        bind(C, name='vtkwire_array_new_borrowed') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: name, data
      integer(c_int32_t), value :: type, ncomponents
      integer(c_size_t), value :: ntuples
      type(c_ptr), intent(out) :: out_array
      integer(c_int32_t) :: st
    end function c_array_new_borrowed
    function c_array_new_strings(name, values, nvalues, out_array) &
        bind(C, name='vtkwire_array_new_strings') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: name, values
      integer(c_size_t), value :: nvalues
      type(c_ptr), intent(out) :: out_array
      integer(c_int32_t) :: st
    end function c_array_new_strings
    subroutine c_array_free(array) bind(C, name='vtkwire_array_free')
      import :: c_ptr
      type(c_ptr), value :: array
    end subroutine c_array_free
    function c_array_clone(array, out_array) bind(C, name='vtkwire_array_clone') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: array
      type(c_ptr), intent(out) :: out_array
      integer(c_int32_t) :: st
    end function c_array_clone
    function c_array_set_component_name(array, component, name) &
        bind(C, name='vtkwire_array_set_component_name') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: array, name
      integer(c_int32_t), value :: component
      integer(c_int32_t) :: st
    end function c_array_set_component_name
    function c_array_set_lookup_table(array, name, rgba, ncolors) &
        bind(C, name='vtkwire_array_set_lookup_table') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: array, name, rgba
      integer(c_size_t), value :: ncolors
      integer(c_int32_t) :: st
    end function c_array_set_lookup_table
    function c_array_info(array, out_type, out_ntuples, out_ncomponents) &
        bind(C, name='vtkwire_array_info') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: array
      integer(c_int32_t), intent(out) :: out_type, out_ncomponents
      integer(c_size_t), intent(out) :: out_ntuples
      integer(c_int32_t) :: st
    end function c_array_info
    function c_array_name(array, out_name, out_len) bind(C, name='vtkwire_array_name') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: array
      type(c_ptr), intent(out) :: out_name
      integer(c_size_t), intent(out) :: out_len
      integer(c_int32_t) :: st
    end function c_array_name
    function c_array_data(array, out_data, out_nbytes) bind(C, name='vtkwire_array_data') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: array
      type(c_ptr), intent(out) :: out_data
      integer(c_size_t), intent(out) :: out_nbytes
      integer(c_int32_t) :: st
    end function c_array_data
    function c_array_string(array, index, out_value, out_len) &
        bind(C, name='vtkwire_array_string') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: array
      integer(c_size_t), value :: index
      type(c_ptr), intent(out) :: out_value
      integer(c_size_t), intent(out) :: out_len
      integer(c_int32_t) :: st
    end function c_array_string
    function c_array_component_name(array, component, out_name, out_len) &
        bind(C, name='vtkwire_array_component_name') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: array
      integer(c_int32_t), value :: component
      type(c_ptr), intent(out) :: out_name
      integer(c_size_t), intent(out) :: out_len
      integer(c_int32_t) :: st
    end function c_array_component_name
    function c_array_lookup_table(array, out_rgba, out_ncolors) &
        bind(C, name='vtkwire_array_lookup_table') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: array
      type(c_ptr), intent(out) :: out_rgba
      integer(c_size_t), intent(out) :: out_ncolors
      integer(c_int32_t) :: st
    end function c_array_lookup_table

    ! constructors
    function c_image_data_new(extent, origin, spacing, out_obj) &
        bind(C, name='vtkwire_image_data_new') result(st)
      import :: c_ptr, c_int32_t, c_double
      integer(c_int32_t), intent(in) :: extent(6)
      real(c_double), intent(in) :: origin(3), spacing(3)
      type(c_ptr), intent(out) :: out_obj
      integer(c_int32_t) :: st
    end function c_image_data_new
    function c_structured_points_new(extent, origin, spacing, out_obj) &
        bind(C, name='vtkwire_structured_points_new') result(st)
      import :: c_ptr, c_int32_t, c_double
      integer(c_int32_t), intent(in) :: extent(6)
      real(c_double), intent(in) :: origin(3), spacing(3)
      type(c_ptr), intent(out) :: out_obj
      integer(c_int32_t) :: st
    end function c_structured_points_new
    function c_image_data_set_direction(obj, direction) &
        bind(C, name='vtkwire_image_data_set_direction') result(st)
      import :: c_ptr, c_int32_t, c_double
      type(c_ptr), value :: obj
      real(c_double), intent(in) :: direction(9)
      integer(c_int32_t) :: st
    end function c_image_data_set_direction
    function c_image_data_geometry(obj, out_origin, out_spacing, out_direction) &
        bind(C, name='vtkwire_image_data_geometry') result(st)
      import :: c_ptr, c_int32_t, c_double
      type(c_ptr), value :: obj
      real(c_double), intent(out) :: out_origin(3), out_spacing(3), out_direction(9)
      integer(c_int32_t) :: st
    end function c_image_data_geometry
    function c_rectilinear_grid_new(extent, out_obj) &
        bind(C, name='vtkwire_rectilinear_grid_new') result(st)
      import :: c_ptr, c_int32_t
      integer(c_int32_t), intent(in) :: extent(6)
      type(c_ptr), intent(out) :: out_obj
      integer(c_int32_t) :: st
    end function c_rectilinear_grid_new
    function c_rectilinear_grid_set_coordinates(obj, axis, type, values, nvalues) &
        bind(C, name='vtkwire_rectilinear_grid_set_coordinates') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj, values
      integer(c_int32_t), value :: axis, type
      integer(c_size_t), value :: nvalues
      integer(c_int32_t) :: st
    end function c_rectilinear_grid_set_coordinates
    function c_rectilinear_grid_coordinates(obj, axis, out_array) &
        bind(C, name='vtkwire_rectilinear_grid_coordinates') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: obj
      integer(c_int32_t), value :: axis
      type(c_ptr), intent(out) :: out_array
      integer(c_int32_t) :: st
    end function c_rectilinear_grid_coordinates
    function c_structured_grid_new(extent, out_obj) &
        bind(C, name='vtkwire_structured_grid_new') result(st)
      import :: c_ptr, c_int32_t
      integer(c_int32_t), intent(in) :: extent(6)
      type(c_ptr), intent(out) :: out_obj
      integer(c_int32_t) :: st
    end function c_structured_grid_new
    function c_poly_data_new(out_obj) bind(C, name='vtkwire_poly_data_new') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), intent(out) :: out_obj
      integer(c_int32_t) :: st
    end function c_poly_data_new
    function c_unstructured_grid_new(out_obj) bind(C, name='vtkwire_unstructured_grid_new') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), intent(out) :: out_obj
      integer(c_int32_t) :: st
    end function c_unstructured_grid_new
    function c_table_new(out_obj) bind(C, name='vtkwire_table_new') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), intent(out) :: out_obj
      integer(c_int32_t) :: st
    end function c_table_new
    function c_directed_graph_new(nvertices, edges, nedges, out_obj) &
        bind(C, name='vtkwire_directed_graph_new') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      integer(c_size_t), value :: nvertices, nedges
      type(c_ptr), value :: edges
      type(c_ptr), intent(out) :: out_obj
      integer(c_int32_t) :: st
    end function c_directed_graph_new
    function c_undirected_graph_new(nvertices, edges, nedges, out_obj) &
        bind(C, name='vtkwire_undirected_graph_new') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      integer(c_size_t), value :: nvertices, nedges
      type(c_ptr), value :: edges
      type(c_ptr), intent(out) :: out_obj
      integer(c_int32_t) :: st
    end function c_undirected_graph_new
    function c_tree_new(nvertices, edges, nedges, out_obj) bind(C, name='vtkwire_tree_new') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      integer(c_size_t), value :: nvertices, nedges
      type(c_ptr), value :: edges
      type(c_ptr), intent(out) :: out_obj
      integer(c_int32_t) :: st
    end function c_tree_new
    function c_multiblock_new(nblocks, out_obj) bind(C, name='vtkwire_multiblock_new') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      integer(c_size_t), value :: nblocks
      type(c_ptr), intent(out) :: out_obj
      integer(c_int32_t) :: st
    end function c_multiblock_new
    function c_amr_new(origin, grid_description, out_obj) bind(C, name='vtkwire_amr_new') result(st)
      import :: c_ptr, c_int32_t, c_double
      real(c_double), intent(in) :: origin(3)
      integer(c_int32_t), value :: grid_description
      type(c_ptr), intent(out) :: out_obj
      integer(c_int32_t) :: st
    end function c_amr_new

    ! objects
    subroutine c_object_free(obj) bind(C, name='vtkwire_object_free')
      import :: c_ptr
      type(c_ptr), value :: obj
    end subroutine c_object_free
    function c_object_clone(obj, out_obj) bind(C, name='vtkwire_object_clone') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: obj
      type(c_ptr), intent(out) :: out_obj
      integer(c_int32_t) :: st
    end function c_object_clone
    function c_object_type(obj) bind(C, name='vtkwire_object_type') result(t)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: obj
      integer(c_int32_t) :: t
    end function c_object_type
    function c_object_class_name(obj) bind(C, name='vtkwire_object_class_name') result(s)
      import :: c_ptr
      type(c_ptr), value :: obj
      type(c_ptr) :: s
    end function c_object_class_name
    function c_object_validate(obj) bind(C, name='vtkwire_object_validate') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: obj
      integer(c_int32_t) :: st
    end function c_object_validate
    function c_object_summary(obj, buf, cap, out_len) bind(C, name='vtkwire_object_summary') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj, buf
      integer(c_size_t), value :: cap
      integer(c_size_t), intent(out) :: out_len
      integer(c_int32_t) :: st
    end function c_object_summary
    function c_object_count(obj, association, out_count) bind(C, name='vtkwire_object_count') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj
      integer(c_int32_t), value :: association
      integer(c_size_t), intent(out) :: out_count
      integer(c_int32_t) :: st
    end function c_object_count
    function c_object_extent(obj, out_extent) bind(C, name='vtkwire_object_extent') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: obj
      integer(c_int32_t), intent(out) :: out_extent(6)
      integer(c_int32_t) :: st
    end function c_object_extent
    function c_object_set_points(obj, type, xyz, npoints) bind(C, name='vtkwire_object_set_points') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj, xyz
      integer(c_int32_t), value :: type
      integer(c_size_t), value :: npoints
      integer(c_int32_t) :: st
    end function c_object_set_points
    function c_object_set_points_borrowed(obj, type, xyz, npoints) &
        bind(C, name='vtkwire_object_set_points_borrowed') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj, xyz
      integer(c_int32_t), value :: type
      integer(c_size_t), value :: npoints
      integer(c_int32_t) :: st
    end function c_object_set_points_borrowed
    function c_object_points(obj, out_points) bind(C, name='vtkwire_object_points') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: obj
      type(c_ptr), intent(out) :: out_points
      integer(c_int32_t) :: st
    end function c_object_points
    function c_poly_data_set_cells(obj, kind, offsets, noffsets, connectivity, nconnectivity) &
        bind(C, name='vtkwire_poly_data_set_cells') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj, offsets, connectivity
      integer(c_int32_t), value :: kind
      integer(c_size_t), value :: noffsets, nconnectivity
      integer(c_int32_t) :: st
    end function c_poly_data_set_cells
    function c_poly_data_set_cells_legacy(obj, kind, cells, nentries) &
        bind(C, name='vtkwire_poly_data_set_cells_legacy') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj, cells
      integer(c_int32_t), value :: kind
      integer(c_size_t), value :: nentries
      integer(c_int32_t) :: st
    end function c_poly_data_set_cells_legacy
    function c_poly_data_cells(obj, kind, out_offsets, out_noffsets, out_connectivity, &
        out_nconnectivity) bind(C, name='vtkwire_poly_data_cells') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj
      integer(c_int32_t), value :: kind
      type(c_ptr), intent(out) :: out_offsets, out_connectivity
      integer(c_size_t), intent(out) :: out_noffsets, out_nconnectivity
      integer(c_int32_t) :: st
    end function c_poly_data_cells
    function c_unstructured_grid_set_cells(obj, types, ncells, offsets, noffsets, connectivity, &
        nconnectivity) bind(C, name='vtkwire_unstructured_grid_set_cells') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj, types, offsets, connectivity
      integer(c_size_t), value :: ncells, noffsets, nconnectivity
      integer(c_int32_t) :: st
    end function c_unstructured_grid_set_cells
    function c_unstructured_grid_cells(obj, out_types, out_ncells, out_offsets, out_noffsets, &
        out_connectivity, out_nconnectivity) bind(C, name='vtkwire_unstructured_grid_cells') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj
      type(c_ptr), intent(out) :: out_types, out_offsets, out_connectivity
      integer(c_size_t), intent(out) :: out_ncells, out_noffsets, out_nconnectivity
      integer(c_int32_t) :: st
    end function c_unstructured_grid_cells
    function c_graph_edges(obj, out_edges, out_nedges) bind(C, name='vtkwire_graph_edges') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj
      type(c_ptr), intent(out) :: out_edges
      integer(c_size_t), intent(out) :: out_nedges
      integer(c_int32_t) :: st
    end function c_graph_edges
    function c_multiblock_block_count(obj, out_count) &
        bind(C, name='vtkwire_multiblock_block_count') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj
      integer(c_size_t), intent(out) :: out_count
      integer(c_int32_t) :: st
    end function c_multiblock_block_count
    function c_multiblock_set_block(obj, index, name, block) &
        bind(C, name='vtkwire_multiblock_set_block') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj, name, block
      integer(c_size_t), value :: index
      integer(c_int32_t) :: st
    end function c_multiblock_set_block
    function c_multiblock_set_block_take(obj, index, name, block) &
        bind(C, name='vtkwire_multiblock_set_block_take') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj, name, block
      integer(c_size_t), value :: index
      integer(c_int32_t) :: st
    end function c_multiblock_set_block_take
    function c_multiblock_block(obj, index, out_block, out_name, out_name_len) &
        bind(C, name='vtkwire_multiblock_block') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj
      integer(c_size_t), value :: index
      type(c_ptr), intent(out) :: out_block, out_name
      integer(c_size_t), intent(out) :: out_name_len
      integer(c_int32_t) :: st
    end function c_multiblock_block
    function c_amr_add_level(obj, spacing, refinement_ratio, out_level) &
        bind(C, name='vtkwire_amr_add_level') result(st)
      import :: c_ptr, c_int32_t, c_size_t, c_double
      type(c_ptr), value :: obj
      real(c_double), intent(in) :: spacing(3)
      integer(c_int32_t), value :: refinement_ratio
      integer(c_size_t), intent(out) :: out_level
      integer(c_int32_t) :: st
    end function c_amr_add_level
    function c_amr_add_block(obj, level, box, grid, out_index) bind(C, name='vtkwire_amr_add_block') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj, grid
      integer(c_size_t), value :: level
      integer(c_int32_t), intent(in) :: box(6)
      integer(c_size_t), intent(out) :: out_index
      integer(c_int32_t) :: st
    end function c_amr_add_block
    function c_amr_info(obj, out_origin, out_grid_description, out_nlevels) &
        bind(C, name='vtkwire_amr_info') result(st)
      import :: c_ptr, c_int32_t, c_size_t, c_double
      type(c_ptr), value :: obj
      real(c_double), intent(out) :: out_origin(3)
      integer(c_int32_t), intent(out) :: out_grid_description
      integer(c_size_t), intent(out) :: out_nlevels
      integer(c_int32_t) :: st
    end function c_amr_info
    function c_amr_level(obj, level, out_spacing, out_refinement_ratio, out_nblocks) &
        bind(C, name='vtkwire_amr_level') result(st)
      import :: c_ptr, c_int32_t, c_size_t, c_double
      type(c_ptr), value :: obj
      integer(c_size_t), value :: level
      real(c_double), intent(out) :: out_spacing(3)
      integer(c_int32_t), intent(out) :: out_refinement_ratio
      integer(c_size_t), intent(out) :: out_nblocks
      integer(c_int32_t) :: st
    end function c_amr_level
    function c_amr_block(obj, level, index, out_box, out_grid) bind(C, name='vtkwire_amr_block') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj
      integer(c_size_t), value :: level, index
      integer(c_int32_t), intent(out) :: out_box(6)
      type(c_ptr), intent(out) :: out_grid
      integer(c_int32_t) :: st
    end function c_amr_block
    function c_object_add_array(obj, association, array, out_index) &
        bind(C, name='vtkwire_object_add_array') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj, array
      integer(c_int32_t), value :: association
      integer(c_size_t), intent(out) :: out_index
      integer(c_int32_t) :: st
    end function c_object_add_array
    function c_object_add_array_take(obj, association, array, out_index) &
        bind(C, name='vtkwire_object_add_array_take') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj, array
      integer(c_int32_t), value :: association
      integer(c_size_t), intent(out) :: out_index
      integer(c_int32_t) :: st
    end function c_object_add_array_take
    function c_object_add_array_data(obj, association, name, type, data, ntuples, ncomponents, &
        out_index) bind(C, name='vtkwire_object_add_array_data') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj, name, data
      integer(c_int32_t), value :: association, type, ncomponents
      integer(c_size_t), value :: ntuples
      integer(c_size_t), intent(out) :: out_index
      integer(c_int32_t) :: st
    end function c_object_add_array_data
    function c_object_add_array_data_borrowed(obj, association, name, type, data, ntuples, &
        ncomponents, out_index) bind(C, name='vtkwire_object_add_array_data_borrowed') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj, name, data
      integer(c_int32_t), value :: association, type, ncomponents
      integer(c_size_t), value :: ntuples
      integer(c_size_t), intent(out) :: out_index
      integer(c_int32_t) :: st
    end function c_object_add_array_data_borrowed
    function c_object_set_active(obj, association, role, name) &
        bind(C, name='vtkwire_object_set_active') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: obj, name
      integer(c_int32_t), value :: association, role
      integer(c_int32_t) :: st
    end function c_object_set_active
    function c_object_array_count(obj, association, out_count) &
        bind(C, name='vtkwire_object_array_count') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj
      integer(c_int32_t), value :: association
      integer(c_size_t), intent(out) :: out_count
      integer(c_int32_t) :: st
    end function c_object_array_count
    function c_object_array(obj, association, index, out_array) bind(C, name='vtkwire_object_array') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj
      integer(c_int32_t), value :: association
      integer(c_size_t), value :: index
      type(c_ptr), intent(out) :: out_array
      integer(c_int32_t) :: st
    end function c_object_array
    function c_object_array_by_name(obj, association, name, out_array) &
        bind(C, name='vtkwire_object_array_by_name') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: obj, name
      integer(c_int32_t), value :: association
      type(c_ptr), intent(out) :: out_array
      integer(c_int32_t) :: st
    end function c_object_array_by_name
    function c_object_active_array(obj, association, role, out_array) &
        bind(C, name='vtkwire_object_active_array') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: obj
      integer(c_int32_t), value :: association, role
      type(c_ptr), intent(out) :: out_array
      integer(c_int32_t) :: st
    end function c_object_active_array
    function c_object_remove_array(obj, association, index) &
        bind(C, name='vtkwire_object_remove_array') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj
      integer(c_int32_t), value :: association
      integer(c_size_t), value :: index
      integer(c_int32_t) :: st
    end function c_object_remove_array

    ! marshaling and legacy files
    function c_marshal(obj, out_bytes, out_len) bind(C, name='vtkwire_marshal') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj
      type(c_ptr), intent(out) :: out_bytes
      integer(c_size_t), intent(out) :: out_len
      integer(c_int32_t) :: st
    end function c_marshal
    function c_marshaled_size(obj, out_len) bind(C, name='vtkwire_marshaled_size') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj
      integer(c_size_t), intent(out) :: out_len
      integer(c_int32_t) :: st
    end function c_marshaled_size
    function c_marshal_into(obj, buf, cap, out_len) bind(C, name='vtkwire_marshal_into') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: obj, buf
      integer(c_size_t), value :: cap
      integer(c_size_t), intent(out) :: out_len
      integer(c_int32_t) :: st
    end function c_marshal_into
    subroutine c_bytes_free(bytes, len) bind(C, name='vtkwire_bytes_free')
      import :: c_ptr, c_size_t
      type(c_ptr), value :: bytes
      integer(c_size_t), value :: len
    end subroutine c_bytes_free
    function c_unmarshal(bytes, len, out_obj) bind(C, name='vtkwire_unmarshal') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), value :: bytes
      integer(c_size_t), value :: len
      type(c_ptr), intent(out) :: out_obj
      integer(c_int32_t) :: st
    end function c_unmarshal
    function c_legacy_read(path, out_obj) bind(C, name='vtkwire_legacy_read') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: path
      type(c_ptr), intent(out) :: out_obj
      integer(c_int32_t) :: st
    end function c_legacy_read
    function c_legacy_write(obj, path, binary) bind(C, name='vtkwire_legacy_write') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: obj, path
      integer(c_int32_t), value :: binary
      integer(c_int32_t) :: st
    end function c_legacy_write

    ! MPI (Fortran twins taking MPI_Fint)
    function c_object_send_f(obj, dest, tag, comm) bind(C, name='vtkwire_object_send_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: obj
      integer(c_int32_t), value :: dest, tag
      integer(c_int), value :: comm
      integer(c_int32_t) :: st
    end function c_object_send_f
    function c_object_recv_f(source, tag, comm, out_obj) bind(C, name='vtkwire_object_recv_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      integer(c_int32_t), value :: source, tag
      integer(c_int), value :: comm
      type(c_ptr), intent(out) :: out_obj
      integer(c_int32_t) :: st
    end function c_object_recv_f
    function c_object_recv_into_f(obj, source, tag, comm) bind(C, name='vtkwire_object_recv_into_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: obj
      integer(c_int32_t), value :: source, tag
      integer(c_int), value :: comm
      integer(c_int32_t) :: st
    end function c_object_recv_into_f
    function c_object_bcast_f(obj, root, comm, out_obj) bind(C, name='vtkwire_object_bcast_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: obj
      integer(c_int32_t), value :: root
      integer(c_int), value :: comm
      type(c_ptr), intent(inout) :: out_obj
      integer(c_int32_t) :: st
    end function c_object_bcast_f
    function c_array_send_f(array, dest, tag, comm) bind(C, name='vtkwire_array_send_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: array
      integer(c_int32_t), value :: dest, tag
      integer(c_int), value :: comm
      integer(c_int32_t) :: st
    end function c_array_send_f
    function c_array_recv_f(source, tag, comm, out_array) bind(C, name='vtkwire_array_recv_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      integer(c_int32_t), value :: source, tag
      integer(c_int), value :: comm
      type(c_ptr), intent(out) :: out_array
      integer(c_int32_t) :: st
    end function c_array_recv_f
    function c_array_bcast_f(array, root, comm, out_array) bind(C, name='vtkwire_array_bcast_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: array
      integer(c_int32_t), value :: root
      integer(c_int), value :: comm
      type(c_ptr), intent(inout) :: out_array
      integer(c_int32_t) :: st
    end function c_array_bcast_f
    function c_array_allreduce_inplace_f(array, op, comm) &
        bind(C, name='vtkwire_array_allreduce_inplace_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: array
      integer(c_int32_t), value :: op
      integer(c_int), value :: comm
      integer(c_int32_t) :: st
    end function c_array_allreduce_inplace_f
    function c_comm_borrow_f(comm, out_comm) bind(C, name='vtkwire_comm_borrow_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      integer(c_int), value :: comm
      type(c_ptr), intent(out) :: out_comm
      integer(c_int32_t) :: st
    end function c_comm_borrow_f
    function c_comm_dup_f(comm, out_comm) bind(C, name='vtkwire_comm_dup_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      integer(c_int), value :: comm
      type(c_ptr), intent(out) :: out_comm
      integer(c_int32_t) :: st
    end function c_comm_dup_f
    function c_marshaled_send_f(type_code, bytes, len, dest, tag, comm) &
        bind(C, name='vtkwire_marshaled_send_f') result(st)
      import :: c_ptr, c_int32_t, c_int, c_size_t
      integer(c_int32_t), value :: type_code
      type(c_ptr), value :: bytes
      integer(c_size_t), value :: len
      integer(c_int32_t), value :: dest, tag
      integer(c_int), value :: comm
      integer(c_int32_t) :: st
    end function c_marshaled_send_f
    function c_object_gather_f(obj, root, comm, out_objs, out_capacity) &
        bind(C, name='vtkwire_object_gather_f') result(st)
      import :: c_ptr, c_int32_t, c_int, c_size_t
      type(c_ptr), value :: obj
      integer(c_int32_t), value :: root
      integer(c_int), value :: comm
      type(c_ptr), intent(inout) :: out_objs(*)
      integer(c_size_t), value :: out_capacity
      integer(c_int32_t) :: st
    end function c_object_gather_f
    function c_object_allgather_f(obj, comm, out_objs, out_capacity) &
        bind(C, name='vtkwire_object_allgather_f') result(st)
      import :: c_ptr, c_int32_t, c_int, c_size_t
      type(c_ptr), value :: obj
      integer(c_int), value :: comm
      type(c_ptr), intent(inout) :: out_objs(*)
      integer(c_size_t), value :: out_capacity
      integer(c_int32_t) :: st
    end function c_object_allgather_f
    function c_array_gather_f(array, root, comm, out_array) bind(C, name='vtkwire_array_gather_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: array
      integer(c_int32_t), value :: root
      integer(c_int), value :: comm
      type(c_ptr), intent(inout) :: out_array
      integer(c_int32_t) :: st
    end function c_array_gather_f
    function c_array_gatherv_f(array, root, comm, out_array) bind(C, name='vtkwire_array_gatherv_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: array
      integer(c_int32_t), value :: root
      integer(c_int), value :: comm
      type(c_ptr), intent(inout) :: out_array
      integer(c_int32_t) :: st
    end function c_array_gatherv_f
    function c_array_allgather_f(array, comm, out_array) bind(C, name='vtkwire_array_allgather_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: array
      integer(c_int), value :: comm
      type(c_ptr), intent(inout) :: out_array
      integer(c_int32_t) :: st
    end function c_array_allgather_f
    function c_array_allgatherv_f(array, comm, out_array) bind(C, name='vtkwire_array_allgatherv_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: array
      integer(c_int), value :: comm
      type(c_ptr), intent(inout) :: out_array
      integer(c_int32_t) :: st
    end function c_array_allgatherv_f
    function c_array_scatter_f(send, recv, root, comm) bind(C, name='vtkwire_array_scatter_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: send, recv
      integer(c_int32_t), value :: root
      integer(c_int), value :: comm
      integer(c_int32_t) :: st
    end function c_array_scatter_f
    function c_array_reduce_f(array, op, root, comm, out_array) bind(C, name='vtkwire_array_reduce_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: array
      integer(c_int32_t), value :: op, root
      integer(c_int), value :: comm
      type(c_ptr), intent(inout) :: out_array
      integer(c_int32_t) :: st
    end function c_array_reduce_f
    function c_array_allreduce_f(array, op, comm, out_array) bind(C, name='vtkwire_array_allreduce_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: array
      integer(c_int32_t), value :: op
      integer(c_int), value :: comm
      type(c_ptr), intent(inout) :: out_array
      integer(c_int32_t) :: st
    end function c_array_allreduce_f
    function c_array_reduce_inplace_f(array, op, root, comm) &
        bind(C, name='vtkwire_array_reduce_inplace_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: array
      integer(c_int32_t), value :: op, root
      integer(c_int), value :: comm
      integer(c_int32_t) :: st
    end function c_array_reduce_inplace_f
    function c_object_isend_f(obj, dest, tag, comm, out_request) bind(C, name='vtkwire_object_isend_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: obj
      integer(c_int32_t), value :: dest, tag
      integer(c_int), value :: comm
      type(c_ptr), intent(out) :: out_request
      integer(c_int32_t) :: st
    end function c_object_isend_f
    function c_object_irecv_f(source, tag, comm, out_request) bind(C, name='vtkwire_object_irecv_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      integer(c_int32_t), value :: source, tag
      integer(c_int), value :: comm
      type(c_ptr), intent(out) :: out_request
      integer(c_int32_t) :: st
    end function c_object_irecv_f
    function c_array_isend_f(array, dest, tag, comm, out_request) bind(C, name='vtkwire_array_isend_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: array
      integer(c_int32_t), value :: dest, tag
      integer(c_int), value :: comm
      type(c_ptr), intent(out) :: out_request
      integer(c_int32_t) :: st
    end function c_array_isend_f
    function c_array_irecv_f(source, tag, comm, out_request) bind(C, name='vtkwire_array_irecv_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      integer(c_int32_t), value :: source, tag
      integer(c_int), value :: comm
      type(c_ptr), intent(out) :: out_request
      integer(c_int32_t) :: st
    end function c_array_irecv_f
    ! Requests (no communicator)
    function c_request_wait(request) bind(C, name='vtkwire_request_wait') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: request
      integer(c_int32_t) :: st
    end function c_request_wait
    function c_request_test(request, out_done) bind(C, name='vtkwire_request_test') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: request
      integer(c_int32_t), intent(out) :: out_done
      integer(c_int32_t) :: st
    end function c_request_test
    function c_request_waitall(requests, count) bind(C, name='vtkwire_request_waitall') result(st)
      import :: c_ptr, c_int32_t, c_size_t
      type(c_ptr), intent(in) :: requests(*)
      integer(c_size_t), value :: count
      integer(c_int32_t) :: st
    end function c_request_waitall
    function c_request_take_object(request, out_obj) bind(C, name='vtkwire_request_take_object') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: request
      type(c_ptr), intent(inout) :: out_obj
      integer(c_int32_t) :: st
    end function c_request_take_object
    function c_request_take_array(request, out_array) bind(C, name='vtkwire_request_take_array') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: request
      type(c_ptr), intent(inout) :: out_array
      integer(c_int32_t) :: st
    end function c_request_take_array
    subroutine c_request_free(request) bind(C, name='vtkwire_request_free')
      import :: c_ptr
      type(c_ptr), value :: request
    end subroutine c_request_free
    subroutine c_comm_free(comm) bind(C, name='vtkwire_comm_free')
      import :: c_ptr
      type(c_ptr), value :: comm
    end subroutine c_comm_free
    function c_comm_handle_f(comm, out_handle) bind(C, name='vtkwire_comm_handle_f') result(st)
      import :: c_ptr, c_int32_t, c_int
      type(c_ptr), value :: comm
      integer(c_int), intent(out) :: out_handle
      integer(c_int32_t) :: st
    end function c_comm_handle_f
    function c_comm_rank(comm, out_rank) bind(C, name='vtkwire_comm_rank') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: comm
      integer(c_int32_t), intent(out) :: out_rank
      integer(c_int32_t) :: st
    end function c_comm_rank
    function c_comm_size(comm, out_size) bind(C, name='vtkwire_comm_size') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: comm
      integer(c_int32_t), intent(out) :: out_size
      integer(c_int32_t) :: st
    end function c_comm_size
    function c_comm_barrier(comm) bind(C, name='vtkwire_comm_barrier') result(st)
      import :: c_ptr, c_int32_t
      type(c_ptr), value :: comm
      integer(c_int32_t) :: st
    end function c_comm_barrier
  end interface

  ! Message of the last error detected by these wrappers (not by the C library).
  character(len=:), allocatable, save :: local_message
  logical, save :: local_error = .false.

  ! Zero-size targets for pointers to empty data.
  real(c_double), target, save :: empty_r8(0)
  real(c_float), target, save :: empty_r4(0)
  integer(c_int8_t), target, save :: empty_i1(0)
  integer(c_int16_t), target, save :: empty_i2(0)
  integer(c_int32_t), target, save :: empty_i4(0)
  integer(c_int64_t), target, save :: empty_i8(0)
  real(c_double), target, save :: empty_r82(0,0)
  real(c_float), target, save :: empty_r42(0,0)
  integer(c_int8_t), target, save :: empty_i12(0,0)
  integer(c_int16_t), target, save :: empty_i22(0,0)
  integer(c_int32_t), target, save :: empty_i42(0,0)
  integer(c_int64_t), target, save :: empty_i82(0,0)

contains

  ! ==== errors and strings ====================================================================

  !> Static description of a status code.
  function vtkwire_status_str(status) result(s)
    integer(c_int32_t), intent(in) :: status
    character(len=:), allocatable :: s
    s = c_string_to_f(c_status_str(status))
  end function vtkwire_status_str

  !> This thread's last error message (what failed, which argument, offset, rank…).
  function vtkwire_last_error() result(s)
    character(len=:), allocatable :: s
    if (local_error) then
      s = local_message
    else
      s = c_string_to_f(c_last_error())
    end if
  end function vtkwire_last_error

  !> Copies the last error message into `buf` (blank-padded, truncated to len(buf)), like
  !> MPI_Error_string; `length` (optional) gets the full length of the message.
  subroutine vtkwire_last_error_copy(buf, length)
    character(len=*), intent(out) :: buf
    integer, intent(out), optional :: length
    character(kind=c_char), allocatable, target :: tmp(:)
    integer(c_size_t) :: n, i
    if (local_error) then
      buf = local_message
      if (present(length)) length = len(local_message)
      return
    end if
    n = c_last_error_copy(c_null_ptr, 0_c_size_t)
    allocate(tmp(n + 1))
    n = c_last_error_copy(c_loc(tmp), n + 1)
    buf = ''
    do i = 1, min(n, int(len(buf), c_size_t))
      buf(i:i) = tmp(i)
    end do
    if (present(length)) length = int(n)
  end subroutine vtkwire_last_error_copy

  !> The library version, e.g. "0.1.0".
  !> Returns to the operating system the memory vtkwire freed but kept for reuse (marshaled
  !> buffers, receive buffers, arrays of freed objects). Never fails; not an MPI call.
  subroutine vtkwire_release_memory()
    call c_release_memory()
  end subroutine vtkwire_release_memory

  function vtkwire_version() result(s)
    character(len=:), allocatable :: s
    s = c_string_to_f(c_version())
  end function vtkwire_version

  !> Whether a handle points to an object / array (not VTK's null object).
  logical function associated_object(obj)
    type(vtkwire_object), intent(in) :: obj
    associated_object = c_associated(obj%ptr)
  end function associated_object
  logical function associated_array(array)
    type(vtkwire_array), intent(in) :: array
    associated_array = c_associated(array%ptr)
  end function associated_array

  ! Reports the status of a C call: into ierr if present, else print and stop on failure.
  subroutine finish(st, where, ierr)
    integer(c_int32_t), intent(in) :: st
    character(len=*), intent(in) :: where
    integer(c_int32_t), intent(out), optional :: ierr
    local_error = .false.
    call report(st, where, ierr)
  end subroutine finish

  ! A failure detected in Fortran (before reaching C): keeps `message` for vtkwire_last_error.
  subroutine fail(st, where, message, ierr)
    integer(c_int32_t), intent(in) :: st
    character(len=*), intent(in) :: where, message
    integer(c_int32_t), intent(out), optional :: ierr
    local_error = .true.
    local_message = where // ': ' // message
    call report(st, where, ierr)
  end subroutine fail

  subroutine report(st, where, ierr)
    integer(c_int32_t), intent(in) :: st
    character(len=*), intent(in) :: where
    integer(c_int32_t), intent(out), optional :: ierr
    if (present(ierr)) then
      ierr = st
    else if (st /= VTKWIRE_STATUS_OK) then
      write(error_unit, '(a)') 'vtkwire: ' // where // ' failed: ' // vtkwire_status_str(st) // &
          ': ' // vtkwire_last_error()
      error stop 1
    end if
  end subroutine report

  ! Modifying or freeing a borrowed handle is a caller bug the C API cannot detect.
  logical function owned_object(obj, where, ierr)
    type(vtkwire_object), intent(in) :: obj
    character(len=*), intent(in) :: where
    integer(c_int32_t), intent(out), optional :: ierr
    owned_object = .not. obj%borrowed
    if (.not. owned_object) call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, where, &
        'the object handle is borrowed from another object (a block): it cannot be modified or freed', ierr)
  end function owned_object
  logical function owned_array(array, where, ierr)
    type(vtkwire_array), intent(in) :: array
    character(len=*), intent(in) :: where
    integer(c_int32_t), intent(out), optional :: ierr
    owned_array = .not. array%borrowed
    if (.not. owned_array) call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, where, &
        'the array handle is borrowed from an object: it cannot be modified or freed', ierr)
  end function owned_array

  ! A NUL-terminated copy of a Fortran string (pass c_loc(buf) to C).
  subroutine f_to_c(s, buf)
    character(len=*), intent(in) :: s
    character(kind=c_char), allocatable, intent(out) :: buf(:)
    integer :: i
    allocate(buf(len(s) + 1))
    do i = 1, len(s)
      buf(i) = s(i:i)
    end do
    buf(len(s) + 1) = c_null_char
  end subroutine f_to_c

  ! A Fortran copy of `n` bytes of UTF-8 at `p` (not NUL-terminated); '' for NULL.
  function c_to_f(p, n) result(s)
    type(c_ptr), intent(in) :: p
    integer(c_size_t), intent(in) :: n
    character(len=:), allocatable :: s
    character(kind=c_char), pointer :: chars(:)
    integer(c_size_t) :: i
    if (.not. c_associated(p) .or. n == 0) then
      s = ''
      return
    end if
    call c_f_pointer(p, chars, [n])
    allocate(character(len=n) :: s)
    do i = 1, n
      s(i:i) = chars(i)
    end do
  end function c_to_f

  ! A Fortran copy of a NUL-terminated C string; '' for NULL.
  function c_string_to_f(p) result(s)
    type(c_ptr), intent(in) :: p
    character(len=:), allocatable :: s
    if (.not. c_associated(p)) then
      s = ''
    else
      s = c_to_f(p, c_strlen(p))
    end if
  end function c_string_to_f

  ! A non-negative Fortran index as size_t (negative → OUT_OF_RANGE via `ok`).
  function to_index(i, where, ok, ierr) result(n)
    integer, intent(in) :: i
    character(len=*), intent(in) :: where
    logical, intent(out) :: ok
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_size_t) :: n
    ok = i >= 0
    n = int(max(i, 0), c_size_t)
    if (.not. ok) call fail(VTKWIRE_STATUS_OUT_OF_RANGE, where, 'negative index (indices are 0-based)', ierr)
  end function to_index

  integer(c_intptr_t) function addr_of(p)
    type(c_ptr), intent(in) :: p
    addr_of = transfer(p, 0_c_intptr_t)
  end function addr_of

  ! Bytes per element of a numeric VTK type and whether it is floating point (0: not numeric).
  subroutine type_layout(type, size, is_real)
    integer(c_int32_t), intent(in) :: type
    integer, intent(out) :: size
    logical, intent(out) :: is_real
    is_real = .false.
    select case (type)
    case (VTKWIRE_TYPE_CHAR, VTKWIRE_TYPE_UNSIGNED_CHAR, VTKWIRE_TYPE_SIGNED_CHAR)
      size = 1
    case (VTKWIRE_TYPE_SHORT, VTKWIRE_TYPE_UNSIGNED_SHORT)
      size = 2
    case (VTKWIRE_TYPE_INT, VTKWIRE_TYPE_UNSIGNED_INT)
      size = 4
    case (VTKWIRE_TYPE_LONG, VTKWIRE_TYPE_UNSIGNED_LONG)
      size = int(c_sizeof(0_c_long))
    case (VTKWIRE_TYPE_ID_TYPE, VTKWIRE_TYPE_LONG_LONG, VTKWIRE_TYPE_UNSIGNED_LONG_LONG)
      size = 8
    case (VTKWIRE_TYPE_FLOAT)
      size = 4
      is_real = .true.
    case (VTKWIRE_TYPE_DOUBLE)
      size = 8
      is_real = .true.
    case default
      size = 0
    end select
  end subroutine type_layout

  function type_name(type) result(s)
    integer(c_int32_t), intent(in) :: type
    character(len=:), allocatable :: s
    character(len=12) :: num
    select case (type)
    case (VTKWIRE_TYPE_BIT); s = 'bit'
    case (VTKWIRE_TYPE_CHAR); s = 'char'
    case (VTKWIRE_TYPE_UNSIGNED_CHAR); s = 'unsigned_char'
    case (VTKWIRE_TYPE_SHORT); s = 'short'
    case (VTKWIRE_TYPE_UNSIGNED_SHORT); s = 'unsigned_short'
    case (VTKWIRE_TYPE_INT); s = 'int'
    case (VTKWIRE_TYPE_UNSIGNED_INT); s = 'unsigned_int'
    case (VTKWIRE_TYPE_LONG); s = 'long'
    case (VTKWIRE_TYPE_UNSIGNED_LONG); s = 'unsigned_long'
    case (VTKWIRE_TYPE_FLOAT); s = 'float'
    case (VTKWIRE_TYPE_DOUBLE); s = 'double'
    case (VTKWIRE_TYPE_ID_TYPE); s = 'vtkIdType'
    case (VTKWIRE_TYPE_STRING); s = 'string'
    case (VTKWIRE_TYPE_SIGNED_CHAR); s = 'signed_char'
    case (VTKWIRE_TYPE_LONG_LONG); s = 'long_long'
    case (VTKWIRE_TYPE_UNSIGNED_LONG_LONG); s = 'unsigned_long_long'
    case (VTKWIRE_TYPE_VARIANT); s = 'variant'
    case default
      write(num, '(i0)') type
      s = 'type ' // trim(num)
    end select
  end function type_name

  function itoa(i) result(s)
    integer(c_int64_t), intent(in) :: i
    character(len=:), allocatable :: s
    character(len=24) :: buf
    write(buf, '(i0)') i
    s = trim(buf)
  end function itoa

  ! ==== arrays ================================================================================

  ! Shared body of vtkwire_array_new[_borrowed] and vtkwire_object_add_array_data[_borrowed].
  ! mode: 1 array_new, 2 array_new_borrowed, 3 add_array_data, 4 add_array_data_borrowed.
  subroutine add_data_core(where, mode, name, p, n, contig, esize, is_real, default_type, nc_fixed, &
      ncomponents, type, ierr, array, obj, association, index)
    character(len=*), intent(in) :: where, name
    integer, intent(in) :: mode, esize
    type(c_ptr), intent(in) :: p
    integer(c_size_t), intent(in) :: n
    logical, intent(in) :: contig, is_real
    integer(c_int32_t), intent(in) :: default_type, nc_fixed
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer(c_int32_t), intent(out), optional :: ierr
    type(vtkwire_array), intent(inout), optional :: array
    type(vtkwire_object), intent(in), optional :: obj
    integer(c_int32_t), intent(in), optional :: association
    integer, intent(out), optional :: index
    character(kind=c_char), allocatable, target :: cname(:)
    integer(c_int32_t) :: t, nc, st
    integer(c_size_t) :: idx
    integer :: tsize
    logical :: treal

    t = default_type
    if (present(type)) t = type
    call type_layout(t, tsize, treal)
    if (tsize /= esize .or. (treal .neqv. is_real)) then
      call fail(VTKWIRE_STATUS_WRONG_ARRAY_TYPE, where, 'VTK type ' // type_name(t) // &
          ' does not match the kind of the Fortran values', ierr)
      return
    end if
    nc = 1
    if (nc_fixed >= 0) then
      nc = nc_fixed
      if (present(ncomponents)) then
        if (ncomponents /= nc_fixed) then
          call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, where, 'ncomponents differs from size(values, 1)', ierr)
          return
        end if
      end if
    else if (present(ncomponents)) then
      nc = ncomponents
    end if
    if (nc < 1) then
      call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, where, 'ncomponents < 1', ierr)
      return
    end if
    if (mod(n, int(nc, c_size_t)) /= 0) then
      call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, where, itoa(int(n, c_int64_t)) // &
          ' values are not a multiple of ' // itoa(int(nc, c_int64_t)) // ' components', ierr)
      return
    end if
    if (.not. contig) then
      call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, where, &
          'borrowed values must be contiguous in memory (not an array section with strides)', ierr)
      return
    end if
    if (mode >= 3) then
      if (.not. owned_object(obj, where, ierr)) return
    end if
    call f_to_c(name, cname)
    select case (mode)
    case (1)
      st = c_array_new(c_loc(cname), t, p, n / nc, nc, array%ptr)
    case (2)
      st = c_array_new_borrowed(c_loc(cname), t, p, n / nc, nc, array%ptr)
    case (3)
      st = c_object_add_array_data(obj%ptr, association, c_loc(cname), t, p, n / nc, nc, idx)
    case default
      st = c_object_add_array_data_borrowed(obj%ptr, association, c_loc(cname), t, p, n / nc, nc, idx)
    end select
    if (st == VTKWIRE_STATUS_OK .and. mode >= 3 .and. present(index)) index = int(idx)
    call finish(st, where, ierr)
  end subroutine add_data_core

  ! Shared body of vtkwire_array_data: checks the element kind, returns pointer and counts.
  subroutine data_core(array, esize, is_real, p, n, ntuples, nc, st, local)
    type(vtkwire_array), intent(in) :: array
    integer, intent(in) :: esize
    logical, intent(in) :: is_real
    type(c_ptr), intent(out) :: p
    integer(c_size_t), intent(out) :: n, ntuples
    integer(c_int32_t), intent(out) :: nc, st
    logical, intent(out) :: local  ! the error was detected here (message in local_message)
    integer(c_int32_t) :: t
    integer(c_size_t) :: nbytes
    integer :: tsize
    logical :: treal
    p = c_null_ptr
    n = 0
    local = .false.
    st = c_array_info(array%ptr, t, ntuples, nc)
    if (st /= VTKWIRE_STATUS_OK) return
    call type_layout(t, tsize, treal)
    if (t == VTKWIRE_TYPE_BIT .and. esize == 1 .and. .not. is_real) tsize = 1  ! raw packed bits
    if (tsize /= esize .or. (treal .neqv. is_real)) then
      local = .true.
      local_error = .true.
      local_message = 'vtkwire_array_data: the array holds ' // type_name(t) // &
          ' elements, which the Fortran pointer''s kind cannot view'
      st = VTKWIRE_STATUS_WRONG_ARRAY_TYPE
      return
    end if
    st = c_array_data(array%ptr, p, nbytes)
    if (st /= VTKWIRE_STATUS_OK) return
    n = nbytes / int(esize, c_size_t)
    if (t == VTKWIRE_TYPE_BIT) then  ! a bit array's bytes are not tuples x components
      nc = 1
      ntuples = n
    end if
  end subroutine data_core

  !> A bit array from one logical per bit (ntuples x ncomponents bits).
  subroutine vtkwire_array_new_bits(name, bits, array, ierr, ncomponents)
    character(len=*), intent(in) :: name
    logical, intent(in) :: bits(:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents
    integer(c_int8_t), allocatable, target :: packed(:)
    character(kind=c_char), allocatable, target :: cname(:)
    integer(c_int32_t) :: nc
    integer :: i, byte, bit
    nc = 1
    if (present(ncomponents)) nc = ncomponents
    if (nc < 1) then
      call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, 'vtkwire_array_new_bits', 'ncomponents < 1', ierr)
      return
    end if
    if (mod(size(bits), nc) /= 0) then
      call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, 'vtkwire_array_new_bits', &
          'the number of bits is not a multiple of ncomponents', ierr)
      return
    end if
    allocate(packed(max(1, (size(bits) + 7) / 8)))
    packed = 0_c_int8_t
    do i = 1, size(bits)
      if (bits(i)) then
        byte = (i - 1) / 8 + 1
        bit = 7 - mod(i - 1, 8)
        packed(byte) = ibset(packed(byte), bit)
      end if
    end do
    call f_to_c(name, cname)
    call finish(c_array_new(c_loc(cname), VTKWIRE_TYPE_BIT, c_loc(packed), &
        int(size(bits) / nc, c_size_t), nc, array%ptr), 'vtkwire_array_new_bits', ierr)
  end subroutine vtkwire_array_new_bits

  !> The bits of a bit array, one logical per bit (allocated to ntuples x ncomponents).
  subroutine vtkwire_array_bits(array, bits, ierr)
    type(vtkwire_array), intent(in) :: array
    logical, allocatable, intent(out) :: bits(:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t) :: t, nc, st
    integer(c_size_t) :: ntuples, nbytes, i
    type(c_ptr) :: p
    integer(c_int8_t), pointer :: packed(:)
    st = c_array_info(array%ptr, t, ntuples, nc)
    if (st == VTKWIRE_STATUS_OK .and. t /= VTKWIRE_TYPE_BIT) then
      call fail(VTKWIRE_STATUS_WRONG_ARRAY_TYPE, 'vtkwire_array_bits', 'not a bit array', ierr)
      return
    end if
    if (st == VTKWIRE_STATUS_OK) st = c_array_data(array%ptr, p, nbytes)
    if (st == VTKWIRE_STATUS_OK) then
      allocate(bits(ntuples * int(nc, c_size_t)))
      if (size(bits) > 0) then
        call c_f_pointer(p, packed, [nbytes])
        do i = 1, size(bits, kind=c_size_t)
          bits(i) = btest(packed((i - 1) / 8 + 1), int(7 - mod(i - 1, 8_c_size_t)))
        end do
      end if
    end if
    call finish(st, 'vtkwire_array_bits', ierr)
  end subroutine vtkwire_array_bits

  !> A one-component string array. Trailing blanks of each value are removed (Fortran pads
  !> the elements of a character array) unless keep_blanks=.true..
  subroutine vtkwire_array_new_strings(name, values, array, ierr, keep_blanks)
    character(len=*), intent(in) :: name
    character(len=*), intent(in) :: values(:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    logical, intent(in), optional :: keep_blanks
    character(kind=c_char), allocatable, target :: cname(:), chars(:)
    type(c_ptr), allocatable, target :: ptrs(:)
    integer :: i, j, n, pos
    logical :: keep
    keep = .false.
    if (present(keep_blanks)) keep = keep_blanks
    ! All values NUL-terminated back to back in one buffer; ptrs points into it.
    allocate(chars(size(values) * (len(values) + 1) + 1), ptrs(max(1, size(values))))
    pos = 1
    do i = 1, size(values)
      n = len(values(i))
      if (.not. keep) n = len_trim(values(i))
      ptrs(i) = c_loc(chars(pos))
      do j = 1, n
        chars(pos) = values(i)(j:j)
        pos = pos + 1
      end do
      chars(pos) = c_null_char
      pos = pos + 1
    end do
    call f_to_c(name, cname)
    call finish(c_array_new_strings(c_loc(cname), c_loc(ptrs), int(size(values), c_size_t), array%ptr), &
        'vtkwire_array_new_strings', ierr)
  end subroutine vtkwire_array_new_strings

  !> Frees an owned array; a null handle is a no-op. Borrowed handles are refused.
  subroutine vtkwire_array_free(array, ierr)
    type(vtkwire_array), intent(inout) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    if (.not. owned_array(array, 'vtkwire_array_free', ierr)) return
    call c_array_free(array%ptr)
    array%ptr = c_null_ptr
    call finish(VTKWIRE_STATUS_OK, 'vtkwire_array_free', ierr)
  end subroutine vtkwire_array_free

  !> A deep copy owned by the caller.
  subroutine vtkwire_array_clone(array, copy, ierr)
    type(vtkwire_array), intent(in) :: array
    type(vtkwire_array), intent(out) :: copy
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_clone(array%ptr, copy%ptr), 'vtkwire_array_clone', ierr)
  end subroutine vtkwire_array_clone

  !> Names component `component` (0-based).
  subroutine vtkwire_array_set_component_name(array, component, name, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int32_t), intent(in) :: component
    character(len=*), intent(in) :: name
    integer(c_int32_t), intent(out), optional :: ierr
    character(kind=c_char), allocatable, target :: cname(:)
    if (.not. owned_array(array, 'vtkwire_array_set_component_name', ierr)) return
    call f_to_c(name, cname)
    call finish(c_array_set_component_name(array%ptr, component, c_loc(cname)), &
        'vtkwire_array_set_component_name', ierr)
  end subroutine vtkwire_array_set_component_name

  !> Attaches a lookup table: rgba(4, ncolors) with values 0..255.
  subroutine set_lookup_table_2(array, name, rgba, ierr)
    type(vtkwire_array), intent(in) :: array
    character(len=*), intent(in) :: name
    integer, intent(in) :: rgba(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int8_t), allocatable :: bytes(:)
    if (size(rgba, 1) /= 4 .or. any(rgba < 0) .or. any(rgba > 255)) then
      call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, 'vtkwire_array_set_lookup_table', &
          'rgba must have shape (4, ncolors) with values 0..255', ierr)
      return
    end if
    allocate(bytes(size(rgba)))
    bytes(:) = int(reshape(merge(rgba - 256, rgba, rgba > 127), [size(rgba)]), c_int8_t)
    call set_lookup_table_i1(array, name, bytes, ierr)
  end subroutine set_lookup_table_2

  !> Attaches a lookup table from 4 x ncolors raw RGBA bytes.
  subroutine set_lookup_table_i1(array, name, rgba, ierr)
    type(vtkwire_array), intent(in) :: array
    character(len=*), intent(in) :: name
    integer(c_int8_t), intent(in), target, contiguous :: rgba(:)
    integer(c_int32_t), intent(out), optional :: ierr
    character(kind=c_char), allocatable, target :: cname(:)
    type(c_ptr) :: p
    if (.not. owned_array(array, 'vtkwire_array_set_lookup_table', ierr)) return
    if (mod(size(rgba), 4) /= 0) then
      call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, 'vtkwire_array_set_lookup_table', &
          'rgba must hold 4 bytes per color', ierr)
      return
    end if
    p = c_null_ptr
    if (size(rgba) > 0) p = c_loc(rgba(1))
    call f_to_c(name, cname)
    call finish(c_array_set_lookup_table(array%ptr, c_loc(cname), p, int(size(rgba) / 4, c_size_t)), &
        'vtkwire_array_set_lookup_table', ierr)
  end subroutine set_lookup_table_i1

  !> Element type (VTKWIRE_TYPE_*), number of tuples and components.
  subroutine vtkwire_array_info(array, type, ntuples, ncomponents, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int32_t), intent(out) :: type, ncomponents
    integer(c_size_t), intent(out) :: ntuples
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_info(array%ptr, type, ntuples, ncomponents), 'vtkwire_array_info', ierr)
  end subroutine vtkwire_array_info

  !> The array's name; is_null (optional) tells VTK's null name from the empty name.
  subroutine vtkwire_array_name(array, name, ierr, is_null)
    type(vtkwire_array), intent(in) :: array
    character(len=:), allocatable, intent(out) :: name
    integer(c_int32_t), intent(out), optional :: ierr
    logical, intent(out), optional :: is_null
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: st
    st = c_array_name(array%ptr, p, n)
    if (st == VTKWIRE_STATUS_OK) then
      name = c_to_f(p, n)
      if (present(is_null)) is_null = .not. c_associated(p)
    end if
    call finish(st, 'vtkwire_array_name', ierr)
  end subroutine vtkwire_array_name

  !> Value `index` (0-based) of a string or variant array.
  subroutine vtkwire_array_string(array, index, value, ierr)
    type(vtkwire_array), intent(in) :: array
    integer, intent(in) :: index
    character(len=:), allocatable, intent(out) :: value
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n, i
    integer(c_int32_t) :: st
    logical :: ok
    i = to_index(index, 'vtkwire_array_string', ok, ierr)
    if (.not. ok) return
    st = c_array_string(array%ptr, i, p, n)
    if (st == VTKWIRE_STATUS_OK) value = c_to_f(p, n)
    call finish(st, 'vtkwire_array_string', ierr)
  end subroutine vtkwire_array_string

  !> Name of component `component` (0-based); '' when unnamed.
  subroutine vtkwire_array_component_name(array, component, name, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int32_t), intent(in) :: component
    character(len=:), allocatable, intent(out) :: name
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: st
    st = c_array_component_name(array%ptr, component, p, n)
    if (st == VTKWIRE_STATUS_OK) name = c_to_f(p, n)
    call finish(st, 'vtkwire_array_component_name', ierr)
  end subroutine vtkwire_array_component_name

  !> The lookup table's colors as rgba(4, ncolors), values 0..255 (NOT_FOUND when none).
  subroutine vtkwire_array_lookup_table(array, rgba, ierr)
    type(vtkwire_array), intent(in) :: array
    integer, allocatable, intent(out) :: rgba(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: ncolors
    integer(c_int32_t) :: st
    integer(c_int8_t), pointer :: bytes(:,:)
    st = c_array_lookup_table(array%ptr, p, ncolors)
    if (st == VTKWIRE_STATUS_OK) then
      allocate(rgba(4, ncolors))
      if (ncolors > 0) then
        call c_f_pointer(p, bytes, [4_c_size_t, ncolors])
        rgba = iand(int(bytes), 255)
      end if
    end if
    call finish(st, 'vtkwire_array_lookup_table', ierr)
  end subroutine vtkwire_array_lookup_table

  ! ==== constructors ==========================================================================

  !> A vtkImageData with extent (x0 x1 y0 y1 z0 z1), origin and spacing.
  subroutine vtkwire_image_data_new(extent, origin, spacing, obj, ierr)
    integer(c_int32_t), intent(in) :: extent(6)
    real(c_double), intent(in) :: origin(3), spacing(3)
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_image_data_new(extent, origin, spacing, obj%ptr), 'vtkwire_image_data_new', ierr)
  end subroutine vtkwire_image_data_new

  !> A vtkStructuredPoints (image data geometry, VTK type 1).
  subroutine vtkwire_structured_points_new(extent, origin, spacing, obj, ierr)
    integer(c_int32_t), intent(in) :: extent(6)
    real(c_double), intent(in) :: origin(3), spacing(3)
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_structured_points_new(extent, origin, spacing, obj%ptr), 'vtkwire_structured_points_new', ierr)
  end subroutine vtkwire_structured_points_new

  !> Sets the direction matrix: direction(i, j) is row i, column j (transposed for C).
  subroutine set_direction_matrix(obj, direction, ierr)
    type(vtkwire_object), intent(in) :: obj
    real(c_double), intent(in) :: direction(3,3)
    integer(c_int32_t), intent(out), optional :: ierr
    if (.not. owned_object(obj, 'vtkwire_image_data_set_direction', ierr)) return
    call finish(c_image_data_set_direction(obj%ptr, reshape(transpose(direction), [9])), &
        'vtkwire_image_data_set_direction', ierr)
  end subroutine set_direction_matrix

  !> Sets the direction matrix from 9 values in C's row-major order.
  subroutine set_direction_flat(obj, direction, ierr)
    type(vtkwire_object), intent(in) :: obj
    real(c_double), intent(in) :: direction(9)
    integer(c_int32_t), intent(out), optional :: ierr
    if (.not. owned_object(obj, 'vtkwire_image_data_set_direction', ierr)) return
    call finish(c_image_data_set_direction(obj%ptr, direction), 'vtkwire_image_data_set_direction', ierr)
  end subroutine set_direction_flat

  !> Origin, spacing and direction (direction(i, j): row i, column j).
  subroutine vtkwire_image_data_geometry(obj, origin, spacing, direction, ierr)
    type(vtkwire_object), intent(in) :: obj
    real(c_double), intent(out) :: origin(3), spacing(3), direction(3,3)
    integer(c_int32_t), intent(out), optional :: ierr
    real(c_double) :: o(3), s(3), d(9)
    integer(c_int32_t) :: st
    st = c_image_data_geometry(obj%ptr, o, s, d)
    if (st == VTKWIRE_STATUS_OK) then
      origin = o
      spacing = s
      direction = transpose(reshape(d, [3, 3]))
    end if
    call finish(st, 'vtkwire_image_data_geometry', ierr)
  end subroutine vtkwire_image_data_geometry

  subroutine vtkwire_rectilinear_grid_new(extent, obj, ierr)
    integer(c_int32_t), intent(in) :: extent(6)
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_rectilinear_grid_new(extent, obj%ptr), 'vtkwire_rectilinear_grid_new', ierr)
  end subroutine vtkwire_rectilinear_grid_new

  !> The coordinate array of `axis` (0 = x, 1 = y, 2 = z); borrowed.
  subroutine vtkwire_rectilinear_grid_coordinates(obj, axis, array, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: axis
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    array%borrowed = .true.
    call finish(c_rectilinear_grid_coordinates(obj%ptr, axis, array%ptr), &
        'vtkwire_rectilinear_grid_coordinates', ierr)
  end subroutine vtkwire_rectilinear_grid_coordinates

  subroutine vtkwire_structured_grid_new(extent, obj, ierr)
    integer(c_int32_t), intent(in) :: extent(6)
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_structured_grid_new(extent, obj%ptr), 'vtkwire_structured_grid_new', ierr)
  end subroutine vtkwire_structured_grid_new

  subroutine vtkwire_poly_data_new(obj, ierr)
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_poly_data_new(obj%ptr), 'vtkwire_poly_data_new', ierr)
  end subroutine vtkwire_poly_data_new

  subroutine vtkwire_unstructured_grid_new(obj, ierr)
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_unstructured_grid_new(obj%ptr), 'vtkwire_unstructured_grid_new', ierr)
  end subroutine vtkwire_unstructured_grid_new

  !> An empty vtkTable; add columns with VTKWIRE_ASSOCIATION_ROW.
  subroutine vtkwire_table_new(obj, ierr)
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_table_new(obj%ptr), 'vtkwire_table_new', ierr)
  end subroutine vtkwire_table_new

  ! Graphs and trees: edges(2, nedges) hold (source, target) / (parent, child) vertex ids.
  subroutine graph_core(which, nvertices, edges, obj, ierr)
    integer, intent(in) :: which, nvertices
    integer(c_int64_t), intent(in), target, contiguous :: edges(:,:)
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    character(len=*), parameter :: names(3) = [character(len=28) :: 'vtkwire_directed_graph_new', &
        'vtkwire_undirected_graph_new', 'vtkwire_tree_new']
    type(c_ptr) :: p
    integer(c_size_t) :: nv, ne
    logical :: ok
    nv = to_index(nvertices, trim(names(which)), ok, ierr)
    if (.not. ok) return
    if (size(edges, 1) /= 2 .and. size(edges) > 0) then
      call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, trim(names(which)), 'edges must have shape (2, nedges)', ierr)
      return
    end if
    ne = int(size(edges, 2), c_size_t)
    p = c_null_ptr
    if (size(edges) > 0) p = c_loc(edges(1,1))
    select case (which)
    case (1)
      call finish(c_directed_graph_new(nv, p, ne, obj%ptr), trim(names(which)), ierr)
    case (2)
      call finish(c_undirected_graph_new(nv, p, ne, obj%ptr), trim(names(which)), ierr)
    case default
      call finish(c_tree_new(nv, p, ne, obj%ptr), trim(names(which)), ierr)
    end select
  end subroutine graph_core

  subroutine directed_graph_new_i8(nvertices, edges, obj, ierr)
    integer, intent(in) :: nvertices
    integer(c_int64_t), intent(in) :: edges(:,:)
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    call graph_core(1, nvertices, edges, obj, ierr)
  end subroutine directed_graph_new_i8
  subroutine directed_graph_new_i4(nvertices, edges, obj, ierr)
    integer, intent(in) :: nvertices
    integer(c_int32_t), intent(in) :: edges(:,:)
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    call graph_core(1, nvertices, int(edges, c_int64_t), obj, ierr)
  end subroutine directed_graph_new_i4
  subroutine undirected_graph_new_i8(nvertices, edges, obj, ierr)
    integer, intent(in) :: nvertices
    integer(c_int64_t), intent(in) :: edges(:,:)
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    call graph_core(2, nvertices, edges, obj, ierr)
  end subroutine undirected_graph_new_i8
  subroutine undirected_graph_new_i4(nvertices, edges, obj, ierr)
    integer, intent(in) :: nvertices
    integer(c_int32_t), intent(in) :: edges(:,:)
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    call graph_core(2, nvertices, int(edges, c_int64_t), obj, ierr)
  end subroutine undirected_graph_new_i4
  subroutine tree_new_i8(nvertices, edges, obj, ierr)
    integer, intent(in) :: nvertices
    integer(c_int64_t), intent(in) :: edges(:,:)
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    call graph_core(3, nvertices, edges, obj, ierr)
  end subroutine tree_new_i8
  subroutine tree_new_i4(nvertices, edges, obj, ierr)
    integer, intent(in) :: nvertices
    integer(c_int32_t), intent(in) :: edges(:,:)
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    call graph_core(3, nvertices, int(edges, c_int64_t), obj, ierr)
  end subroutine tree_new_i4

  !> A vtkMultiBlockDataSet with `nblocks` null, unnamed blocks.
  subroutine vtkwire_multiblock_new(nblocks, obj, ierr)
    integer, intent(in) :: nblocks
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_size_t) :: n
    logical :: ok
    n = to_index(nblocks, 'vtkwire_multiblock_new', ok, ierr)
    if (.not. ok) return
    call finish(c_multiblock_new(n, obj%ptr), 'vtkwire_multiblock_new', ierr)
  end subroutine vtkwire_multiblock_new

  !> An overlapping AMR with a global origin and grid description (8 = XYZ).
  subroutine vtkwire_amr_new(origin, grid_description, obj, ierr)
    real(c_double), intent(in) :: origin(3)
    integer(c_int32_t), intent(in) :: grid_description
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_amr_new(origin, grid_description, obj%ptr), 'vtkwire_amr_new', ierr)
  end subroutine vtkwire_amr_new

  ! ==== objects ===============================================================================

  !> Frees an owned object; a null handle is a no-op. Borrowed handles are refused.
  subroutine vtkwire_object_free(obj, ierr)
    type(vtkwire_object), intent(inout) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    if (.not. owned_object(obj, 'vtkwire_object_free', ierr)) return
    call c_object_free(obj%ptr)
    obj%ptr = c_null_ptr
    call finish(VTKWIRE_STATUS_OK, 'vtkwire_object_free', ierr)
  end subroutine vtkwire_object_free

  !> A deep copy owned by the caller.
  subroutine vtkwire_object_clone(obj, copy, ierr)
    type(vtkwire_object), intent(in) :: obj
    type(vtkwire_object), intent(out) :: copy
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_object_clone(obj%ptr, copy%ptr), 'vtkwire_object_clone', ierr)
  end subroutine vtkwire_object_clone

  !> VTK's type code (VTKWIRE_OBJECT_*), VTKWIRE_OBJECT_NULL for a null handle.
  integer(c_int32_t) function vtkwire_object_type(obj)
    type(vtkwire_object), intent(in) :: obj
    vtkwire_object_type = c_object_type(obj%ptr)
  end function vtkwire_object_type

  !> VTK's class name ("vtkPolyData"…); '' for a null handle.
  function vtkwire_object_class_name(obj) result(s)
    type(vtkwire_object), intent(in) :: obj
    character(len=:), allocatable :: s
    s = c_string_to_f(c_object_class_name(obj%ptr))
  end function vtkwire_object_class_name

  !> Checks every invariant (INVALID_OBJECT names what and where).
  subroutine vtkwire_object_validate(obj, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_object_validate(obj%ptr), 'vtkwire_object_validate', ierr)
  end subroutine vtkwire_object_validate

  !> A one-line summary (type, counts, extent, arrays).
  subroutine vtkwire_object_summary(obj, summary, ierr)
    type(vtkwire_object), intent(in) :: obj
    character(len=:), allocatable, intent(out) :: summary
    integer(c_int32_t), intent(out), optional :: ierr
    character(kind=c_char), allocatable, target :: buf(:)
    integer(c_size_t) :: n, m
    integer(c_int32_t) :: st
    n = 0
    m = 0
    st = c_object_summary(obj%ptr, c_null_ptr, 0_c_size_t, n)
    if (st == VTKWIRE_STATUS_OK) then
      allocate(buf(n + 1))
      st = c_object_summary(obj%ptr, c_loc(buf), n + 1, m)
    end if
    if (st == VTKWIRE_STATUS_OK) summary = c_to_f(c_loc(buf), min(n, m))
    call finish(st, 'vtkwire_object_summary', ierr)
  end subroutine vtkwire_object_summary

  !> Number of points / cells / rows / vertices / edges (VTKWIRE_ASSOCIATION_*).
  subroutine vtkwire_object_count(obj, association, count, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    integer(c_size_t), intent(out) :: count
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_object_count(obj%ptr, association, count), 'vtkwire_object_count', ierr)
  end subroutine vtkwire_object_count

  !> Extent (x0 x1 y0 y1 z0 z1) of image data, structured points, rectilinear/structured grids.
  subroutine vtkwire_object_extent(obj, extent, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(out) :: extent(6)
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_object_extent(obj%ptr, extent), 'vtkwire_object_extent', ierr)
  end subroutine vtkwire_object_extent

  subroutine points_core(where, borrowed, obj, type, p, n, contig, ierr)
    character(len=*), intent(in) :: where
    integer, intent(in) :: borrowed
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: type
    type(c_ptr), intent(in) :: p
    integer(c_size_t), intent(in) :: n
    logical, intent(in) :: contig
    integer(c_int32_t), intent(out), optional :: ierr
    if (.not. owned_object(obj, where, ierr)) return
    if (mod(n, 3_c_size_t) /= 0) then
      call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, where, 'xyz must hold 3 values per point', ierr)
      return
    end if
    if (.not. contig) then
      call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, where, 'borrowed points must be contiguous in memory', ierr)
      return
    end if
    if (borrowed == 1) then
      call finish(c_object_set_points_borrowed(obj%ptr, type, p, n / 3), where, ierr)
    else
      call finish(c_object_set_points(obj%ptr, type, p, n / 3), where, ierr)
    end if
  end subroutine points_core

  !> The points array (3 components); borrowed.
  subroutine vtkwire_object_points(obj, points, ierr)
    type(vtkwire_object), intent(in) :: obj
    type(vtkwire_array), intent(out) :: points
    integer(c_int32_t), intent(out), optional :: ierr
    points%borrowed = .true.
    call finish(c_object_points(obj%ptr, points%ptr), 'vtkwire_object_points', ierr)
  end subroutine vtkwire_object_points

  !> Poly data cells (kind VTKWIRE_POLY_*) from offsets (ncells + 1, from 0) and connectivity.
  subroutine poly_set_cells_i8(obj, kind, offsets, connectivity, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: kind
    integer(c_int64_t), intent(in), target, contiguous :: offsets(:), connectivity(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: po, pc
    if (.not. owned_object(obj, 'vtkwire_poly_data_set_cells', ierr)) return
    po = c_null_ptr
    pc = c_null_ptr
    if (size(offsets) > 0) po = c_loc(offsets(1))
    if (size(connectivity) > 0) pc = c_loc(connectivity(1))
    call finish(c_poly_data_set_cells(obj%ptr, kind, po, int(size(offsets), c_size_t), pc, &
        int(size(connectivity), c_size_t)), 'vtkwire_poly_data_set_cells', ierr)
  end subroutine poly_set_cells_i8
  subroutine poly_set_cells_i4(obj, kind, offsets, connectivity, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: kind
    integer(c_int32_t), intent(in) :: offsets(:), connectivity(:)
    integer(c_int32_t), intent(out), optional :: ierr
    call poly_set_cells_i8(obj, kind, int(offsets, c_int64_t), int(connectivity, c_int64_t), ierr)
  end subroutine poly_set_cells_i4

  !> Poly data cells from VTK's classic layout [n, ids…, n, ids…].
  subroutine poly_set_cells_legacy_i8(obj, kind, cells, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: kind
    integer(c_int64_t), intent(in), target, contiguous :: cells(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    if (.not. owned_object(obj, 'vtkwire_poly_data_set_cells_legacy', ierr)) return
    p = c_null_ptr
    if (size(cells) > 0) p = c_loc(cells(1))
    call finish(c_poly_data_set_cells_legacy(obj%ptr, kind, p, int(size(cells), c_size_t)), &
        'vtkwire_poly_data_set_cells_legacy', ierr)
  end subroutine poly_set_cells_legacy_i8
  subroutine poly_set_cells_legacy_i4(obj, kind, cells, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: kind
    integer(c_int32_t), intent(in) :: cells(:)
    integer(c_int32_t), intent(out), optional :: ierr
    call poly_set_cells_legacy_i8(obj, kind, int(cells, c_int64_t), ierr)
  end subroutine poly_set_cells_legacy_i4

  !> One poly data cell array as pointers into the object (borrowed).
  subroutine vtkwire_poly_data_cells(obj, kind, offsets, connectivity, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: kind
    integer(c_int64_t), pointer, intent(out) :: offsets(:), connectivity(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: po, pc
    integer(c_size_t) :: no, nc
    integer(c_int32_t) :: st
    nullify(offsets, connectivity)
    st = c_poly_data_cells(obj%ptr, kind, po, no, pc, nc)
    if (st == VTKWIRE_STATUS_OK) then
      call i8_pointer(po, no, offsets)
      call i8_pointer(pc, nc, connectivity)
    end if
    call finish(st, 'vtkwire_poly_data_cells', ierr)
  end subroutine vtkwire_poly_data_cells

  subroutine i8_pointer(p, n, values)
    type(c_ptr), intent(in) :: p
    integer(c_size_t), intent(in) :: n
    integer(c_int64_t), pointer, intent(out) :: values(:)
    if (n == 0 .or. .not. c_associated(p)) then
      values => empty_i8
    else
      call c_f_pointer(p, values, [n])
    end if
  end subroutine i8_pointer

  !> Unstructured grid cells: VTK cell types (0..255), offsets (ncells + 1) and connectivity.
  subroutine ug_set_cells_i8(obj, types, offsets, connectivity, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: types(:)
    integer(c_int64_t), intent(in), target, contiguous :: offsets(:), connectivity(:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int8_t), allocatable, target :: t8(:)
    type(c_ptr) :: pt, po, pc
    if (.not. owned_object(obj, 'vtkwire_unstructured_grid_set_cells', ierr)) return
    if (any(types < 0) .or. any(types > 255)) then
      call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, 'vtkwire_unstructured_grid_set_cells', &
          'cell types must be 0..255', ierr)
      return
    end if
    allocate(t8(max(1, size(types))))
    t8(1:size(types)) = int(merge(types - 256, types, types > 127), c_int8_t)
    pt = c_null_ptr
    po = c_null_ptr
    pc = c_null_ptr
    if (size(types) > 0) pt = c_loc(t8(1))
    if (size(offsets) > 0) po = c_loc(offsets(1))
    if (size(connectivity) > 0) pc = c_loc(connectivity(1))
    call finish(c_unstructured_grid_set_cells(obj%ptr, pt, int(size(types), c_size_t), po, &
        int(size(offsets), c_size_t), pc, int(size(connectivity), c_size_t)), &
        'vtkwire_unstructured_grid_set_cells', ierr)
  end subroutine ug_set_cells_i8
  subroutine ug_set_cells_i4(obj, types, offsets, connectivity, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: types(:)
    integer(c_int32_t), intent(in) :: offsets(:), connectivity(:)
    integer(c_int32_t), intent(out), optional :: ierr
    call ug_set_cells_i8(obj, types, int(offsets, c_int64_t), int(connectivity, c_int64_t), ierr)
  end subroutine ug_set_cells_i4

  !> Unstructured grid cells as pointers into the object (borrowed); types are int8 (VTK
  !> cell types < 128; use iand(int(types), 255) for larger codes).
  subroutine vtkwire_unstructured_grid_cells(obj, types, offsets, connectivity, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int8_t), pointer, intent(out) :: types(:)
    integer(c_int64_t), pointer, intent(out) :: offsets(:), connectivity(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: pt, po, pc
    integer(c_size_t) :: nt, no, nc
    integer(c_int32_t) :: st
    nullify(types, offsets, connectivity)
    st = c_unstructured_grid_cells(obj%ptr, pt, nt, po, no, pc, nc)
    if (st == VTKWIRE_STATUS_OK) then
      if (nt == 0 .or. .not. c_associated(pt)) then
        types => empty_i1
      else
        call c_f_pointer(pt, types, [nt])
      end if
      call i8_pointer(po, no, offsets)
      call i8_pointer(pc, nc, connectivity)
    end if
    call finish(st, 'vtkwire_unstructured_grid_cells', ierr)
  end subroutine vtkwire_unstructured_grid_cells

  !> Edges of a graph or tree as edges(2, nedges) (source, target) / (parent, child); borrowed.
  subroutine vtkwire_graph_edges(obj, edges, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int64_t), pointer, intent(out) :: edges(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: st
    nullify(edges)
    st = c_graph_edges(obj%ptr, p, n)
    if (st == VTKWIRE_STATUS_OK) then
      if (n == 0 .or. .not. c_associated(p)) then
        edges => empty_i82
      else
        call c_f_pointer(p, edges, [2_c_size_t, n])
      end if
    end if
    call finish(st, 'vtkwire_graph_edges', ierr)
  end subroutine vtkwire_graph_edges

  ! ---- multiblock ----

  subroutine vtkwire_multiblock_block_count(obj, count, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_size_t), intent(out) :: count
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_multiblock_block_count(obj%ptr, count), 'vtkwire_multiblock_block_count', ierr)
  end subroutine vtkwire_multiblock_block_count

  !> Sets block `index` (0-based; grows the list) to a copy of `block` (a null handle = null
  !> block), named `name` if present.
  subroutine vtkwire_multiblock_set_block(obj, index, block, ierr, name)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: index
    type(vtkwire_object), intent(in) :: block
    integer(c_int32_t), intent(out), optional :: ierr
    character(len=*), intent(in), optional :: name
    character(kind=c_char), allocatable, target :: cname(:)
    type(c_ptr) :: pname
    integer(c_size_t) :: i
    logical :: ok
    if (.not. owned_object(obj, 'vtkwire_multiblock_set_block', ierr)) return
    i = to_index(index, 'vtkwire_multiblock_set_block', ok, ierr)
    if (.not. ok) return
    pname = c_null_ptr
    if (present(name)) then
      call f_to_c(name, cname)
      pname = c_loc(cname)
    end if
    call finish(c_multiblock_set_block(obj%ptr, i, pname, block%ptr), 'vtkwire_multiblock_set_block', ierr)
  end subroutine vtkwire_multiblock_set_block

  !> As vtkwire_multiblock_set_block, but moves `block` in: on success it becomes a null handle.
  subroutine vtkwire_multiblock_set_block_take(obj, index, block, ierr, name)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: index
    type(vtkwire_object), intent(inout) :: block
    integer(c_int32_t), intent(out), optional :: ierr
    character(len=*), intent(in), optional :: name
    character(kind=c_char), allocatable, target :: cname(:)
    type(c_ptr) :: pname
    integer(c_size_t) :: i
    integer(c_int32_t) :: st
    logical :: ok
    if (.not. owned_object(obj, 'vtkwire_multiblock_set_block_take', ierr)) return
    if (.not. owned_object(block, 'vtkwire_multiblock_set_block_take', ierr)) return
    i = to_index(index, 'vtkwire_multiblock_set_block_take', ok, ierr)
    if (.not. ok) return
    pname = c_null_ptr
    if (present(name)) then
      call f_to_c(name, cname)
      pname = c_loc(cname)
    end if
    st = c_multiblock_set_block_take(obj%ptr, i, pname, block%ptr)
    if (st == VTKWIRE_STATUS_OK) block%ptr = c_null_ptr
    call finish(st, 'vtkwire_multiblock_set_block_take', ierr)
  end subroutine vtkwire_multiblock_set_block_take

  !> Block `index` (borrowed; a null handle for a null block) and optionally its name
  !> ('' when unnamed; has_name tells unnamed from empty).
  subroutine vtkwire_multiblock_block(obj, index, block, ierr, name, has_name)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: index
    type(vtkwire_object), intent(out) :: block
    integer(c_int32_t), intent(out), optional :: ierr
    character(len=:), allocatable, intent(out), optional :: name
    logical, intent(out), optional :: has_name
    type(c_ptr) :: pname
    integer(c_size_t) :: i, n
    integer(c_int32_t) :: st
    logical :: ok
    i = to_index(index, 'vtkwire_multiblock_block', ok, ierr)
    if (.not. ok) return
    block%borrowed = .true.
    st = c_multiblock_block(obj%ptr, i, block%ptr, pname, n)
    if (st == VTKWIRE_STATUS_OK) then
      if (present(name)) name = c_to_f(pname, n)
      if (present(has_name)) has_name = c_associated(pname)
    end if
    call finish(st, 'vtkwire_multiblock_block', ierr)
  end subroutine vtkwire_multiblock_block

  ! ---- AMR ----

  !> Appends a level with cell `spacing` and the refinement ratio to the next finer level;
  !> `level` (optional) gets its 0-based index.
  subroutine vtkwire_amr_add_level(obj, spacing, refinement_ratio, ierr, level)
    type(vtkwire_object), intent(in) :: obj
    real(c_double), intent(in) :: spacing(3)
    integer(c_int32_t), intent(in) :: refinement_ratio
    integer(c_int32_t), intent(out), optional :: ierr
    integer, intent(out), optional :: level
    integer(c_size_t) :: l
    integer(c_int32_t) :: st
    if (.not. owned_object(obj, 'vtkwire_amr_add_level', ierr)) return
    st = c_amr_add_level(obj%ptr, spacing, refinement_ratio, l)
    if (st == VTKWIRE_STATUS_OK .and. present(level)) level = int(l)
    call finish(st, 'vtkwire_amr_add_level', ierr)
  end subroutine vtkwire_amr_add_level

  !> Appends a block to `level` with cell box [lo_i lo_j lo_k hi_i hi_j hi_k] and, if present
  !> and not null, a copy of `grid`; `index` (optional) gets its 0-based index.
  subroutine vtkwire_amr_add_block(obj, level, box, ierr, grid, index)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: level
    integer(c_int32_t), intent(in) :: box(6)
    integer(c_int32_t), intent(out), optional :: ierr
    type(vtkwire_object), intent(in), optional :: grid
    integer, intent(out), optional :: index
    type(c_ptr) :: pg
    integer(c_size_t) :: l, i
    integer(c_int32_t) :: st
    logical :: ok
    if (.not. owned_object(obj, 'vtkwire_amr_add_block', ierr)) return
    l = to_index(level, 'vtkwire_amr_add_block', ok, ierr)
    if (.not. ok) return
    pg = c_null_ptr
    if (present(grid)) pg = grid%ptr
    st = c_amr_add_block(obj%ptr, l, box, pg, i)
    if (st == VTKWIRE_STATUS_OK .and. present(index)) index = int(i)
    call finish(st, 'vtkwire_amr_add_block', ierr)
  end subroutine vtkwire_amr_add_block

  subroutine vtkwire_amr_info(obj, origin, grid_description, nlevels, ierr)
    type(vtkwire_object), intent(in) :: obj
    real(c_double), intent(out) :: origin(3)
    integer(c_int32_t), intent(out) :: grid_description
    integer(c_size_t), intent(out) :: nlevels
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_amr_info(obj%ptr, origin, grid_description, nlevels), 'vtkwire_amr_info', ierr)
  end subroutine vtkwire_amr_info

  subroutine vtkwire_amr_level(obj, level, spacing, refinement_ratio, nblocks, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: level
    real(c_double), intent(out) :: spacing(3)
    integer(c_int32_t), intent(out) :: refinement_ratio
    integer(c_size_t), intent(out) :: nblocks
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_size_t) :: l
    logical :: ok
    l = to_index(level, 'vtkwire_amr_level', ok, ierr)
    if (.not. ok) return
    call finish(c_amr_level(obj%ptr, l, spacing, refinement_ratio, nblocks), 'vtkwire_amr_level', ierr)
  end subroutine vtkwire_amr_level

  !> Box and grid of block `index` of `level`; `grid` is a new owned copy (free it), or a null
  !> handle when the block has no local data.
  subroutine vtkwire_amr_block(obj, level, index, box, grid, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: level, index
    integer(c_int32_t), intent(out) :: box(6)
    type(vtkwire_object), intent(out) :: grid
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_size_t) :: l, i
    logical :: ok
    l = to_index(level, 'vtkwire_amr_block', ok, ierr)
    if (.not. ok) return
    i = to_index(index, 'vtkwire_amr_block', ok, ierr)
    if (.not. ok) return
    call finish(c_amr_block(obj%ptr, l, i, box, grid%ptr), 'vtkwire_amr_block', ierr)
  end subroutine vtkwire_amr_block

  ! ---- attribute arrays ----

  !> Adds a copy of `array` to the `association` data; `index` (optional) gets its index.
  subroutine vtkwire_object_add_array(obj, association, array, ierr, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    type(vtkwire_array), intent(in) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer, intent(out), optional :: index
    integer(c_size_t) :: i
    integer(c_int32_t) :: st
    if (.not. owned_object(obj, 'vtkwire_object_add_array', ierr)) return
    st = c_object_add_array(obj%ptr, association, array%ptr, i)
    if (st == VTKWIRE_STATUS_OK .and. present(index)) index = int(i)
    call finish(st, 'vtkwire_object_add_array', ierr)
  end subroutine vtkwire_object_add_array

  !> Moves `array` into the object: on success it becomes a null handle.
  subroutine vtkwire_object_add_array_take(obj, association, array, ierr, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    type(vtkwire_array), intent(inout) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer, intent(out), optional :: index
    integer(c_size_t) :: i
    integer(c_int32_t) :: st
    if (.not. owned_object(obj, 'vtkwire_object_add_array_take', ierr)) return
    if (.not. owned_array(array, 'vtkwire_object_add_array_take', ierr)) return
    st = c_object_add_array_take(obj%ptr, association, array%ptr, i)
    if (st == VTKWIRE_STATUS_OK) then
      array%ptr = c_null_ptr
      if (present(index)) index = int(i)
    end if
    call finish(st, 'vtkwire_object_add_array_take', ierr)
  end subroutine vtkwire_object_add_array_take

  !> Makes array `name` the active `role` (VTKWIRE_ROLE_*); without `name` clears the role.
  subroutine vtkwire_object_set_active(obj, association, role, ierr, name)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association, role
    integer(c_int32_t), intent(out), optional :: ierr
    character(len=*), intent(in), optional :: name
    character(kind=c_char), allocatable, target :: cname(:)
    type(c_ptr) :: pname
    if (.not. owned_object(obj, 'vtkwire_object_set_active', ierr)) return
    pname = c_null_ptr
    if (present(name)) then
      call f_to_c(name, cname)
      pname = c_loc(cname)
    end if
    call finish(c_object_set_active(obj%ptr, association, role, pname), 'vtkwire_object_set_active', ierr)
  end subroutine vtkwire_object_set_active

  subroutine vtkwire_object_array_count(obj, association, count, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    integer(c_size_t), intent(out) :: count
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_object_array_count(obj%ptr, association, count), 'vtkwire_object_array_count', ierr)
  end subroutine vtkwire_object_array_count

  !> Array `index` (0-based) of the `association` data; borrowed.
  subroutine vtkwire_object_array(obj, association, index, array, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    integer, intent(in) :: index
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_size_t) :: i
    logical :: ok
    i = to_index(index, 'vtkwire_object_array', ok, ierr)
    if (.not. ok) return
    array%borrowed = .true.
    call finish(c_object_array(obj%ptr, association, i, array%ptr), 'vtkwire_object_array', ierr)
  end subroutine vtkwire_object_array

  !> The first array named `name` in the `association` data; borrowed.
  subroutine vtkwire_object_array_by_name(obj, association, name, array, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    character(kind=c_char), allocatable, target :: cname(:)
    call f_to_c(name, cname)
    array%borrowed = .true.
    call finish(c_object_array_by_name(obj%ptr, association, c_loc(cname), array%ptr), &
        'vtkwire_object_array_by_name', ierr)
  end subroutine vtkwire_object_array_by_name

  !> The active `role` array of the `association` data; borrowed.
  subroutine vtkwire_object_active_array(obj, association, role, array, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association, role
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    array%borrowed = .true.
    call finish(c_object_active_array(obj%ptr, association, role, array%ptr), &
        'vtkwire_object_active_array', ierr)
  end subroutine vtkwire_object_active_array

  subroutine vtkwire_object_remove_array(obj, association, index, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    integer, intent(in) :: index
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_size_t) :: i
    logical :: ok
    if (.not. owned_object(obj, 'vtkwire_object_remove_array', ierr)) return
    i = to_index(index, 'vtkwire_object_remove_array', ok, ierr)
    if (.not. ok) return
    call finish(c_object_remove_array(obj%ptr, association, i), 'vtkwire_object_remove_array', ierr)
  end subroutine vtkwire_object_remove_array

  ! ==== marshaling and legacy files ===========================================================

  !> VTK's MarshalDataObject bytes of `obj` in a Fortran allocatable (size 0 for a null
  !> handle). The library's buffer is copied and freed (vtkwire_bytes_free).
  subroutine vtkwire_marshal(obj, bytes, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int8_t), allocatable, intent(out) :: bytes(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: st
    integer(c_int8_t), pointer :: view(:)
    st = c_marshal(obj%ptr, p, n)
    if (st == VTKWIRE_STATUS_OK) then
      allocate(bytes(n))
      if (n > 0) then
        call c_f_pointer(p, view, [n])
        bytes = view
      end if
      call c_bytes_free(p, n)
    end if
    call finish(st, 'vtkwire_marshal', ierr)
  end subroutine vtkwire_marshal

  !> The exact size vtkwire_marshal would produce (0 for a null handle).
  subroutine vtkwire_marshaled_size(obj, nbytes, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_size_t), intent(out) :: nbytes
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_marshaled_size(obj%ptr, nbytes), 'vtkwire_marshaled_size', ierr)
  end subroutine vtkwire_marshaled_size

  !> Marshals into the caller's buffer `buf`; `nbytes` gets the bytes written (OUT_OF_RANGE
  !> and nothing written when it is too small).
  subroutine vtkwire_marshal_into(obj, buf, nbytes, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int8_t), intent(inout), target, contiguous :: buf(:)
    integer(c_size_t), intent(out) :: nbytes
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    p = c_null_ptr
    if (size(buf) > 0) p = c_loc(buf(1))
    call finish(c_marshal_into(obj%ptr, p, int(size(buf), c_size_t), nbytes), 'vtkwire_marshal_into', ierr)
  end subroutine vtkwire_marshal_into

  !> Unmarshals VTK's MarshalDataObject bytes (an empty buffer gives a null handle).
  subroutine vtkwire_unmarshal(bytes, obj, ierr)
    integer(c_int8_t), intent(in), target, contiguous :: bytes(:)
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    p = c_null_ptr
    if (size(bytes) > 0) p = c_loc(bytes(1))
    call finish(c_unmarshal(p, int(size(bytes), c_size_t), obj%ptr), 'vtkwire_unmarshal', ierr)
  end subroutine vtkwire_unmarshal

  !> Reads a legacy .vtk file (2.0 to 5.1, ASCII or BINARY).
  subroutine vtkwire_legacy_read(path, obj, ierr)
    character(len=*), intent(in) :: path
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    character(kind=c_char), allocatable, target :: cpath(:)
    call f_to_c(path, cpath)
    call finish(c_legacy_read(c_loc(cpath), obj%ptr), 'vtkwire_legacy_read', ierr)
  end subroutine vtkwire_legacy_read

  !> Writes a legacy .vtk file, BINARY unless binary=.false..
  subroutine vtkwire_legacy_write(obj, path, ierr, binary)
    type(vtkwire_object), intent(in) :: obj
    character(len=*), intent(in) :: path
    integer(c_int32_t), intent(out), optional :: ierr
    logical, intent(in), optional :: binary
    character(kind=c_char), allocatable, target :: cpath(:)
    integer(c_int32_t) :: b
    b = 1
    if (present(binary)) then
      if (.not. binary) b = 0
    end if
    call f_to_c(path, cpath)
    call finish(c_legacy_write(obj%ptr, c_loc(cpath), b), 'vtkwire_legacy_write', ierr)
  end subroutine vtkwire_legacy_write

  ! ==== MPI ===================================================================================
  ! Point to point and collectives: see the # MPI section of each C function in vtkwire.h.
  ! vtkwire_object_bcast / vtkwire_array_bcast: root sends `obj`/`array`; the other ranks get a
  ! new owned handle in `received` (null for VTK's null object; always null on root).
  ! vtkwire_comm_borrow wraps the communicator without duplicating it (keep it alive until
  ! vtkwire_comm_free); vtkwire_comm_dup duplicates it (collective).
  ! vtkwire_object_gather / _allgather: `objs(:)` is the caller's array with at least the
  ! communicator's size elements (on root only for gather; may be empty elsewhere); objs(i) gets
  ! rank i-1's object as a new owned handle (null for VTK's null object), free each one.
  ! Array gather/allgather/reduce/allreduce give a new owned array (gather/reduce: on root only).
  ! Nonblocking *_isend / *_irecv give an owned vtkwire_request: complete it (vtkwire_request_wait,
  ! _test, _waitall), take a receive's result (vtkwire_request_take_object / _array), then
  ! vtkwire_request_free it. Keep the communicator alive until the request completes.

  !> Sets the VTK version the peer ranks speak (major.minor, e.g. 9, 5), for the whole process;
  !> not an MPI call (may precede MPI_Init). It selects the length exchange of the root-ed
  !> gathers (vtkwire_object_gather, vtkwire_array_gatherv): MPI_Gather to the root below 9.5
  !> (the default, 9.1), MPI_Allgather from 9.5 on. Every rank must use the version of the
  !> job's VTK ranks. Overrides the environment variable VTKWIRE_VTK_PEER_VERSION.
  !> INVALID_ARGUMENT (setting unchanged) for a major outside 5..99 or a minor outside 0..99.
  subroutine vtkwire_set_vtk_peer_version(major, minor, ierr)
    integer, intent(in) :: major, minor
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_set_vtk_peer_version(int(major, c_int32_t), int(minor, c_int32_t)), &
        'vtkwire_set_vtk_peer_version', ierr)
  end subroutine vtkwire_set_vtk_peer_version

  !> The VTK version of the peer ranks: set with vtkwire_set_vtk_peer_version, else from
  !> VTKWIRE_VTK_PEER_VERSION (read once), else 9.1. INVALID_ARGUMENT when the environment
  !> variable is malformed; major and minor are then left unchanged.
  subroutine vtkwire_get_vtk_peer_version(major, minor, ierr)
    integer, intent(inout) :: major, minor
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t) :: cmajor, cminor, st
    st = c_get_vtk_peer_version(cmajor, cminor)
    if (st == VTKWIRE_STATUS_OK) then
      major = int(cmajor)
      minor = int(cminor)
    end if
    call finish(st, 'vtkwire_get_vtk_peer_version', ierr)
  end subroutine vtkwire_get_vtk_peer_version

  !> Frees a vtkwire_comm (never the MPI communicator it borrows); a null handle is a no-op.
  subroutine vtkwire_comm_free(vcomm, ierr)
    type(vtkwire_comm), intent(inout) :: vcomm
    integer(c_int32_t), intent(out), optional :: ierr
    call c_comm_free(vcomm%ptr)
    vcomm%ptr = c_null_ptr
    call finish(VTKWIRE_STATUS_OK, 'vtkwire_comm_free', ierr)
  end subroutine vtkwire_comm_free

  !> The Fortran (integer) handle of the communicator (for use mpi; wrap it in
  !> type(MPI_Comm) via %MPI_VAL for use mpi_f08).
  subroutine vtkwire_comm_handle(vcomm, comm, ierr)
    type(vtkwire_comm), intent(in) :: vcomm
    integer, intent(out) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int) :: h
    integer(c_int32_t) :: st
    st = c_comm_handle_f(vcomm%ptr, h)
    if (st == VTKWIRE_STATUS_OK) comm = int(h)
    call finish(st, 'vtkwire_comm_handle', ierr)
  end subroutine vtkwire_comm_handle

  subroutine vtkwire_comm_rank(vcomm, rank, ierr)
    type(vtkwire_comm), intent(in) :: vcomm
    integer(c_int32_t), intent(out) :: rank
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_comm_rank(vcomm%ptr, rank), 'vtkwire_comm_rank', ierr)
  end subroutine vtkwire_comm_rank

  subroutine vtkwire_comm_size(vcomm, size, ierr)
    type(vtkwire_comm), intent(in) :: vcomm
    integer(c_int32_t), intent(out) :: size
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_comm_size(vcomm%ptr, size), 'vtkwire_comm_size', ierr)
  end subroutine vtkwire_comm_size

  subroutine vtkwire_comm_barrier(vcomm, ierr)
    type(vtkwire_comm), intent(in) :: vcomm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_comm_barrier(vcomm%ptr), 'vtkwire_comm_barrier', ierr)
  end subroutine vtkwire_comm_barrier

  subroutine object_send_int(obj, dest, tag, comm, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: dest, tag
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_object_send_f(obj%ptr, int(dest, c_int32_t), int(tag, c_int32_t), int(comm, c_int)), &
        'vtkwire_object_send', ierr)
  end subroutine object_send_int

  subroutine object_send_f08(obj, dest, tag, comm, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: dest, tag
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_object_send_f(obj%ptr, int(dest, c_int32_t), int(tag, c_int32_t), int(comm%MPI_VAL, c_int)), &
        'vtkwire_object_send', ierr)
  end subroutine object_send_f08

  subroutine object_recv_int(source, tag, comm, obj, ierr)
    integer, intent(in) :: source, tag
    type(vtkwire_object), intent(out) :: obj
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_object_recv_f(int(source, c_int32_t), int(tag, c_int32_t), int(comm, c_int), obj%ptr), &
        'vtkwire_object_recv', ierr)
  end subroutine object_recv_int

  subroutine object_recv_f08(source, tag, comm, obj, ierr)
    integer, intent(in) :: source, tag
    type(vtkwire_object), intent(out) :: obj
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_object_recv_f(int(source, c_int32_t), int(tag, c_int32_t), int(comm%MPI_VAL, c_int), obj%ptr), &
        'vtkwire_object_recv', ierr)
  end subroutine object_recv_f08

  subroutine object_recv_into_int(obj, source, tag, comm, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: source, tag
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    if (.not. owned_object(obj, 'vtkwire_object_recv_into', ierr)) return
    call finish(c_object_recv_into_f(obj%ptr, int(source, c_int32_t), int(tag, c_int32_t), int(comm, c_int)), &
        'vtkwire_object_recv_into', ierr)
  end subroutine object_recv_into_int

  subroutine object_recv_into_f08(obj, source, tag, comm, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: source, tag
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    if (.not. owned_object(obj, 'vtkwire_object_recv_into', ierr)) return
    call finish(c_object_recv_into_f(obj%ptr, int(source, c_int32_t), int(tag, c_int32_t), int(comm%MPI_VAL, c_int)), &
        'vtkwire_object_recv_into', ierr)
  end subroutine object_recv_into_f08

  subroutine object_bcast_int(obj, root, comm, received, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: root
    type(vtkwire_object), intent(out) :: received
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_object_bcast_f(obj%ptr, int(root, c_int32_t), int(comm, c_int), received%ptr), &
        'vtkwire_object_bcast', ierr)
  end subroutine object_bcast_int

  subroutine object_bcast_f08(obj, root, comm, received, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: root
    type(vtkwire_object), intent(out) :: received
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_object_bcast_f(obj%ptr, int(root, c_int32_t), int(comm%MPI_VAL, c_int), received%ptr), &
        'vtkwire_object_bcast', ierr)
  end subroutine object_bcast_f08

  subroutine array_send_int(array, dest, tag, comm, ierr)
    type(vtkwire_array), intent(in) :: array
    integer, intent(in) :: dest, tag
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_send_f(array%ptr, int(dest, c_int32_t), int(tag, c_int32_t), int(comm, c_int)), &
        'vtkwire_array_send', ierr)
  end subroutine array_send_int

  subroutine array_send_f08(array, dest, tag, comm, ierr)
    type(vtkwire_array), intent(in) :: array
    integer, intent(in) :: dest, tag
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_send_f(array%ptr, int(dest, c_int32_t), int(tag, c_int32_t), int(comm%MPI_VAL, c_int)), &
        'vtkwire_array_send', ierr)
  end subroutine array_send_f08

  subroutine array_recv_int(source, tag, comm, array, ierr)
    integer, intent(in) :: source, tag
    type(vtkwire_array), intent(out) :: array
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_recv_f(int(source, c_int32_t), int(tag, c_int32_t), int(comm, c_int), array%ptr), &
        'vtkwire_array_recv', ierr)
  end subroutine array_recv_int

  subroutine array_recv_f08(source, tag, comm, array, ierr)
    integer, intent(in) :: source, tag
    type(vtkwire_array), intent(out) :: array
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_recv_f(int(source, c_int32_t), int(tag, c_int32_t), int(comm%MPI_VAL, c_int), array%ptr), &
        'vtkwire_array_recv', ierr)
  end subroutine array_recv_f08

  subroutine array_bcast_int(array, root, comm, received, ierr)
    type(vtkwire_array), intent(in) :: array
    integer, intent(in) :: root
    type(vtkwire_array), intent(out) :: received
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_bcast_f(array%ptr, int(root, c_int32_t), int(comm, c_int), received%ptr), &
        'vtkwire_array_bcast', ierr)
  end subroutine array_bcast_int

  subroutine array_bcast_f08(array, root, comm, received, ierr)
    type(vtkwire_array), intent(in) :: array
    integer, intent(in) :: root
    type(vtkwire_array), intent(out) :: received
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_bcast_f(array%ptr, int(root, c_int32_t), int(comm%MPI_VAL, c_int), received%ptr), &
        'vtkwire_array_bcast', ierr)
  end subroutine array_bcast_f08

  subroutine array_allreduce_inplace_int(array, op, comm, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int32_t), intent(in) :: op
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    if (.not. owned_array(array, 'vtkwire_array_allreduce_inplace', ierr)) return
    call finish(c_array_allreduce_inplace_f(array%ptr, op, int(comm, c_int)), 'vtkwire_array_allreduce_inplace', ierr)
  end subroutine array_allreduce_inplace_int

  subroutine array_allreduce_inplace_f08(array, op, comm, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int32_t), intent(in) :: op
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    if (.not. owned_array(array, 'vtkwire_array_allreduce_inplace', ierr)) return
    call finish(c_array_allreduce_inplace_f(array%ptr, op, int(comm%MPI_VAL, c_int)), 'vtkwire_array_allreduce_inplace', ierr)
  end subroutine array_allreduce_inplace_f08

  subroutine comm_borrow_int(comm, vcomm, ierr)
    type(vtkwire_comm), intent(out) :: vcomm
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_comm_borrow_f(int(comm, c_int), vcomm%ptr), 'vtkwire_comm_borrow', ierr)
  end subroutine comm_borrow_int

  subroutine comm_borrow_f08(comm, vcomm, ierr)
    type(vtkwire_comm), intent(out) :: vcomm
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_comm_borrow_f(int(comm%MPI_VAL, c_int), vcomm%ptr), 'vtkwire_comm_borrow', ierr)
  end subroutine comm_borrow_f08

  subroutine comm_dup_int(comm, vcomm, ierr)
    type(vtkwire_comm), intent(out) :: vcomm
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_comm_dup_f(int(comm, c_int), vcomm%ptr), 'vtkwire_comm_dup', ierr)
  end subroutine comm_dup_int

  subroutine comm_dup_f08(comm, vcomm, ierr)
    type(vtkwire_comm), intent(out) :: vcomm
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_comm_dup_f(int(comm%MPI_VAL, c_int), vcomm%ptr), 'vtkwire_comm_dup', ierr)
  end subroutine comm_dup_f08

  subroutine marshaled_send_int(type_code, bytes, dest, tag, comm, ierr)
    integer(c_int32_t), intent(in) :: type_code
    integer(c_int8_t), intent(in), target, contiguous :: bytes(:)
    integer, intent(in) :: dest, tag
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    p = c_null_ptr
    if (size(bytes) > 0) p = c_loc(bytes(1))
    call finish(c_marshaled_send_f(type_code, p, int(size(bytes), c_size_t), int(dest, c_int32_t), &
        int(tag, c_int32_t), int(comm, c_int)), 'vtkwire_marshaled_send', ierr)
  end subroutine marshaled_send_int

  subroutine marshaled_send_f08(type_code, bytes, dest, tag, comm, ierr)
    integer(c_int32_t), intent(in) :: type_code
    integer(c_int8_t), intent(in), target, contiguous :: bytes(:)
    integer, intent(in) :: dest, tag
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    p = c_null_ptr
    if (size(bytes) > 0) p = c_loc(bytes(1))
    call finish(c_marshaled_send_f(type_code, p, int(size(bytes), c_size_t), int(dest, c_int32_t), &
        int(tag, c_int32_t), int(comm%MPI_VAL, c_int)), 'vtkwire_marshaled_send', ierr)
  end subroutine marshaled_send_f08

  subroutine object_gather_int(obj, root, comm, objs, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: root
    type(vtkwire_object), intent(out) :: objs(:)
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p(max(size(objs), 1))
    integer :: i
    p = c_null_ptr
    call finish(c_object_gather_f(obj%ptr, int(root, c_int32_t), int(comm, c_int), p, int(size(objs), c_size_t)), &
        'vtkwire_object_gather', ierr)
    do i = 1, size(objs)
      objs(i)%ptr = p(i)
    end do
  end subroutine object_gather_int

  subroutine object_gather_f08(obj, root, comm, objs, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: root
    type(vtkwire_object), intent(out) :: objs(:)
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p(max(size(objs), 1))
    integer :: i
    p = c_null_ptr
    call finish(c_object_gather_f(obj%ptr, int(root, c_int32_t), int(comm%MPI_VAL, c_int), p, int(size(objs), c_size_t)), &
        'vtkwire_object_gather', ierr)
    do i = 1, size(objs)
      objs(i)%ptr = p(i)
    end do
  end subroutine object_gather_f08

  subroutine object_allgather_int(obj, comm, objs, ierr)
    type(vtkwire_object), intent(in) :: obj
    type(vtkwire_object), intent(out) :: objs(:)
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p(max(size(objs), 1))
    integer :: i
    p = c_null_ptr
    call finish(c_object_allgather_f(obj%ptr, int(comm, c_int), p, int(size(objs), c_size_t)), &
        'vtkwire_object_allgather', ierr)
    do i = 1, size(objs)
      objs(i)%ptr = p(i)
    end do
  end subroutine object_allgather_int

  subroutine object_allgather_f08(obj, comm, objs, ierr)
    type(vtkwire_object), intent(in) :: obj
    type(vtkwire_object), intent(out) :: objs(:)
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p(max(size(objs), 1))
    integer :: i
    p = c_null_ptr
    call finish(c_object_allgather_f(obj%ptr, int(comm%MPI_VAL, c_int), p, int(size(objs), c_size_t)), &
        'vtkwire_object_allgather', ierr)
    do i = 1, size(objs)
      objs(i)%ptr = p(i)
    end do
  end subroutine object_allgather_f08

  subroutine array_gather_int(array, root, comm, gathered, ierr)
    type(vtkwire_array), intent(in) :: array
    integer, intent(in) :: root
    type(vtkwire_array), intent(out) :: gathered
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_gather_f(array%ptr, int(root, c_int32_t), int(comm, c_int), gathered%ptr), &
        'vtkwire_array_gather', ierr)
  end subroutine array_gather_int

  subroutine array_gather_f08(array, root, comm, gathered, ierr)
    type(vtkwire_array), intent(in) :: array
    integer, intent(in) :: root
    type(vtkwire_array), intent(out) :: gathered
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_gather_f(array%ptr, int(root, c_int32_t), int(comm%MPI_VAL, c_int), gathered%ptr), &
        'vtkwire_array_gather', ierr)
  end subroutine array_gather_f08

  subroutine array_gatherv_int(array, root, comm, gathered, ierr)
    type(vtkwire_array), intent(in) :: array
    integer, intent(in) :: root
    type(vtkwire_array), intent(out) :: gathered
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_gatherv_f(array%ptr, int(root, c_int32_t), int(comm, c_int), gathered%ptr), &
        'vtkwire_array_gatherv', ierr)
  end subroutine array_gatherv_int

  subroutine array_gatherv_f08(array, root, comm, gathered, ierr)
    type(vtkwire_array), intent(in) :: array
    integer, intent(in) :: root
    type(vtkwire_array), intent(out) :: gathered
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_gatherv_f(array%ptr, int(root, c_int32_t), int(comm%MPI_VAL, c_int), gathered%ptr), &
        'vtkwire_array_gatherv', ierr)
  end subroutine array_gatherv_f08

  subroutine array_allgather_int(array, comm, gathered, ierr)
    type(vtkwire_array), intent(in) :: array
    type(vtkwire_array), intent(out) :: gathered
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_allgather_f(array%ptr, int(comm, c_int), gathered%ptr), 'vtkwire_array_allgather', ierr)
  end subroutine array_allgather_int

  subroutine array_allgather_f08(array, comm, gathered, ierr)
    type(vtkwire_array), intent(in) :: array
    type(vtkwire_array), intent(out) :: gathered
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_allgather_f(array%ptr, int(comm%MPI_VAL, c_int), gathered%ptr), 'vtkwire_array_allgather', ierr)
  end subroutine array_allgather_f08

  subroutine array_allgatherv_int(array, comm, gathered, ierr)
    type(vtkwire_array), intent(in) :: array
    type(vtkwire_array), intent(out) :: gathered
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_allgatherv_f(array%ptr, int(comm, c_int), gathered%ptr), 'vtkwire_array_allgatherv', ierr)
  end subroutine array_allgatherv_int

  subroutine array_allgatherv_f08(array, comm, gathered, ierr)
    type(vtkwire_array), intent(in) :: array
    type(vtkwire_array), intent(out) :: gathered
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_allgatherv_f(array%ptr, int(comm%MPI_VAL, c_int), gathered%ptr), 'vtkwire_array_allgatherv', ierr)
  end subroutine array_allgatherv_f08

  subroutine array_scatter_int(send, recv, root, comm, ierr)
    type(vtkwire_array), intent(in) :: send, recv
    integer, intent(in) :: root
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    if (.not. owned_array(recv, 'vtkwire_array_scatter', ierr)) return
    call finish(c_array_scatter_f(send%ptr, recv%ptr, int(root, c_int32_t), int(comm, c_int)), &
        'vtkwire_array_scatter', ierr)
  end subroutine array_scatter_int

  subroutine array_scatter_f08(send, recv, root, comm, ierr)
    type(vtkwire_array), intent(in) :: send, recv
    integer, intent(in) :: root
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    if (.not. owned_array(recv, 'vtkwire_array_scatter', ierr)) return
    call finish(c_array_scatter_f(send%ptr, recv%ptr, int(root, c_int32_t), int(comm%MPI_VAL, c_int)), &
        'vtkwire_array_scatter', ierr)
  end subroutine array_scatter_f08

  subroutine array_reduce_int(array, op, root, comm, reduced, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int32_t), intent(in) :: op
    integer, intent(in) :: root
    type(vtkwire_array), intent(out) :: reduced
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_reduce_f(array%ptr, op, int(root, c_int32_t), int(comm, c_int), reduced%ptr), &
        'vtkwire_array_reduce', ierr)
  end subroutine array_reduce_int

  subroutine array_reduce_f08(array, op, root, comm, reduced, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int32_t), intent(in) :: op
    integer, intent(in) :: root
    type(vtkwire_array), intent(out) :: reduced
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_reduce_f(array%ptr, op, int(root, c_int32_t), int(comm%MPI_VAL, c_int), reduced%ptr), &
        'vtkwire_array_reduce', ierr)
  end subroutine array_reduce_f08

  subroutine array_allreduce_int(array, op, comm, reduced, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int32_t), intent(in) :: op
    type(vtkwire_array), intent(out) :: reduced
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_allreduce_f(array%ptr, op, int(comm, c_int), reduced%ptr), 'vtkwire_array_allreduce', ierr)
  end subroutine array_allreduce_int

  subroutine array_allreduce_f08(array, op, comm, reduced, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int32_t), intent(in) :: op
    type(vtkwire_array), intent(out) :: reduced
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_allreduce_f(array%ptr, op, int(comm%MPI_VAL, c_int), reduced%ptr), 'vtkwire_array_allreduce', ierr)
  end subroutine array_allreduce_f08

  subroutine array_reduce_inplace_int(array, op, root, comm, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int32_t), intent(in) :: op
    integer, intent(in) :: root
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    if (.not. owned_array(array, 'vtkwire_array_reduce_inplace', ierr)) return
    call finish(c_array_reduce_inplace_f(array%ptr, op, int(root, c_int32_t), int(comm, c_int)), &
        'vtkwire_array_reduce_inplace', ierr)
  end subroutine array_reduce_inplace_int

  subroutine array_reduce_inplace_f08(array, op, root, comm, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int32_t), intent(in) :: op
    integer, intent(in) :: root
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    if (.not. owned_array(array, 'vtkwire_array_reduce_inplace', ierr)) return
    call finish(c_array_reduce_inplace_f(array%ptr, op, int(root, c_int32_t), int(comm%MPI_VAL, c_int)), &
        'vtkwire_array_reduce_inplace', ierr)
  end subroutine array_reduce_inplace_f08

  subroutine object_isend_int(obj, dest, tag, comm, request, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: dest, tag
    type(vtkwire_request), intent(out) :: request
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_object_isend_f(obj%ptr, int(dest, c_int32_t), int(tag, c_int32_t), int(comm, c_int), request%ptr), &
        'vtkwire_object_isend', ierr)
  end subroutine object_isend_int

  subroutine object_isend_f08(obj, dest, tag, comm, request, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: dest, tag
    type(vtkwire_request), intent(out) :: request
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_object_isend_f(obj%ptr, int(dest, c_int32_t), int(tag, c_int32_t), int(comm%MPI_VAL, c_int), request%ptr), &
        'vtkwire_object_isend', ierr)
  end subroutine object_isend_f08

  subroutine object_irecv_int(source, tag, comm, request, ierr)
    integer, intent(in) :: source, tag
    type(vtkwire_request), intent(out) :: request
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_object_irecv_f(int(source, c_int32_t), int(tag, c_int32_t), int(comm, c_int), request%ptr), &
        'vtkwire_object_irecv', ierr)
  end subroutine object_irecv_int

  subroutine object_irecv_f08(source, tag, comm, request, ierr)
    integer, intent(in) :: source, tag
    type(vtkwire_request), intent(out) :: request
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_object_irecv_f(int(source, c_int32_t), int(tag, c_int32_t), int(comm%MPI_VAL, c_int), request%ptr), &
        'vtkwire_object_irecv', ierr)
  end subroutine object_irecv_f08

  subroutine array_isend_int(array, dest, tag, comm, request, ierr)
    type(vtkwire_array), intent(in) :: array
    integer, intent(in) :: dest, tag
    type(vtkwire_request), intent(out) :: request
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_isend_f(array%ptr, int(dest, c_int32_t), int(tag, c_int32_t), int(comm, c_int), request%ptr), &
        'vtkwire_array_isend', ierr)
  end subroutine array_isend_int

  subroutine array_isend_f08(array, dest, tag, comm, request, ierr)
    type(vtkwire_array), intent(in) :: array
    integer, intent(in) :: dest, tag
    type(vtkwire_request), intent(out) :: request
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_isend_f(array%ptr, int(dest, c_int32_t), int(tag, c_int32_t), int(comm%MPI_VAL, c_int), request%ptr), &
        'vtkwire_array_isend', ierr)
  end subroutine array_isend_f08

  subroutine array_irecv_int(source, tag, comm, request, ierr)
    integer, intent(in) :: source, tag
    type(vtkwire_request), intent(out) :: request
    integer, intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_irecv_f(int(source, c_int32_t), int(tag, c_int32_t), int(comm, c_int), request%ptr), &
        'vtkwire_array_irecv', ierr)
  end subroutine array_irecv_int

  subroutine array_irecv_f08(source, tag, comm, request, ierr)
    integer, intent(in) :: source, tag
    type(vtkwire_request), intent(out) :: request
    type(MPI_Comm), intent(in) :: comm
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_array_irecv_f(int(source, c_int32_t), int(tag, c_int32_t), int(comm%MPI_VAL, c_int), request%ptr), &
        'vtkwire_array_irecv', ierr)
  end subroutine array_irecv_f08

  ! ---- requests (vtkwire_object_isend/_irecv, vtkwire_array_isend/_irecv) ----

  !> Blocks until the request completes (the request stays owned: free it afterwards).
  subroutine vtkwire_request_wait(request, ierr)
    type(vtkwire_request), intent(in) :: request
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_request_wait(request%ptr), 'vtkwire_request_wait', ierr)
  end subroutine vtkwire_request_wait

  !> Progresses the request without blocking; `done` is .true. once it is complete.
  subroutine vtkwire_request_test(request, done, ierr)
    type(vtkwire_request), intent(in) :: request
    logical, intent(out) :: done
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t) :: d, st
    d = 0
    st = c_request_test(request%ptr, d)
    done = st == VTKWIRE_STATUS_OK .and. d /= 0
    call finish(st, 'vtkwire_request_test', ierr)
  end subroutine vtkwire_request_test

  !> Completes all `requests` together (null handles are skipped); the first error is
  !> returned after all finished.
  subroutine vtkwire_request_waitall(requests, ierr)
    type(vtkwire_request), intent(in) :: requests(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p(max(size(requests), 1))
    integer :: i
    p = c_null_ptr
    do i = 1, size(requests)
      p(i) = requests(i)%ptr
    end do
    call finish(c_request_waitall(p, int(size(requests), c_size_t)), 'vtkwire_request_waitall', ierr)
  end subroutine vtkwire_request_waitall

  !> Takes the object a completed object receive produced (owned; null for VTK's null object).
  subroutine vtkwire_request_take_object(request, obj, ierr)
    type(vtkwire_request), intent(in) :: request
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_request_take_object(request%ptr, obj%ptr), 'vtkwire_request_take_object', ierr)
  end subroutine vtkwire_request_take_object

  !> Takes the array a completed array receive produced (owned; null for VTK's null array).
  subroutine vtkwire_request_take_array(request, array, ierr)
    type(vtkwire_request), intent(in) :: request
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    call finish(c_request_take_array(request%ptr, array%ptr), 'vtkwire_request_take_array', ierr)
  end subroutine vtkwire_request_take_array

  !> Frees a request (an incomplete receive is cancelled, an incomplete send waited for); a
  !> null handle is a no-op.
  subroutine vtkwire_request_free(request, ierr)
    type(vtkwire_request), intent(inout) :: request
    integer(c_int32_t), intent(out), optional :: ierr
    call c_request_free(request%ptr)
    request%ptr = c_null_ptr
    call finish(VTKWIRE_STATUS_OK, 'vtkwire_request_free', ierr)
  end subroutine vtkwire_request_free


  ! ==== typed specifics of the generic interfaces (one per element kind and rank) =============

  subroutine array_new_r8_1(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    real(c_double), intent(in), target, contiguous :: values(:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    call add_data_core('vtkwire_array_new', 1, name, p, n, contig, 8, .true., VTKWIRE_TYPE_DOUBLE, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_r8_1

  subroutine add_array_data_r8_1(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    real(c_double), intent(in), target, contiguous :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    call add_data_core('vtkwire_object_add_array_data', 3, name, p, n, contig, 8, .true., VTKWIRE_TYPE_DOUBLE, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_r8_1

  subroutine array_new_borrowed_r8_1(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    real(c_double), intent(in), target :: values(:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    if (n > 1) contig = addr_of(c_loc(values(n))) - addr_of(p) == (n - 1) * 8
    call add_data_core('vtkwire_array_new_borrowed', 2, name, p, n, contig, 8, .true., VTKWIRE_TYPE_DOUBLE, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_borrowed_r8_1

  subroutine add_array_data_borrowed_r8_1(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    real(c_double), intent(in), target :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    if (n > 1) contig = addr_of(c_loc(values(n))) - addr_of(p) == (n - 1) * 8
    call add_data_core('vtkwire_object_add_array_data_borrowed', 4, name, p, n, contig, 8, .true., VTKWIRE_TYPE_DOUBLE, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_borrowed_r8_1

  subroutine array_data_r8_1(array, values, ierr)
    type(vtkwire_array), intent(in) :: array
    real(c_double), pointer, intent(out) :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n, ntuples
    integer(c_int32_t) :: nc, st
    logical :: local
    nullify(values)
    call data_core(array, 8, .true., p, n, ntuples, nc, st, local)
    if (st == VTKWIRE_STATUS_OK) then
      if (n == 0 .or. .not. c_associated(p)) then
        values => empty_r8(:)
      else
        call c_f_pointer(p, values, [n])
      end if
    end if
    if (local) then
      call report(st, 'vtkwire_array_data', ierr)
    else
      call finish(st, 'vtkwire_array_data', ierr)
    end if
  end subroutine array_data_r8_1

  subroutine array_new_r8_2(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    real(c_double), intent(in), target, contiguous :: values(:,:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    call add_data_core('vtkwire_array_new', 1, name, p, n, contig, 8, .true., VTKWIRE_TYPE_DOUBLE, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_r8_2

  subroutine add_array_data_r8_2(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    real(c_double), intent(in), target, contiguous :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    call add_data_core('vtkwire_object_add_array_data', 3, name, p, n, contig, 8, .true., VTKWIRE_TYPE_DOUBLE, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_r8_2

  subroutine array_new_borrowed_r8_2(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    real(c_double), intent(in), target :: values(:,:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    if (n > 1) then
      contig = addr_of(c_loc(values(size(values,1), size(values,2)))) - addr_of(p) == (n - 1) * 8
      if (size(values,1) > 1) contig = contig .and. addr_of(c_loc(values(2,1))) - addr_of(p) == 8
      if (size(values,2) > 1) contig = contig .and. &
          addr_of(c_loc(values(1,2))) - addr_of(p) == size(values,1) * 8
    end if
    call add_data_core('vtkwire_array_new_borrowed', 2, name, p, n, contig, 8, .true., VTKWIRE_TYPE_DOUBLE, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_borrowed_r8_2

  subroutine add_array_data_borrowed_r8_2(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    real(c_double), intent(in), target :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    if (n > 1) then
      contig = addr_of(c_loc(values(size(values,1), size(values,2)))) - addr_of(p) == (n - 1) * 8
      if (size(values,1) > 1) contig = contig .and. addr_of(c_loc(values(2,1))) - addr_of(p) == 8
      if (size(values,2) > 1) contig = contig .and. &
          addr_of(c_loc(values(1,2))) - addr_of(p) == size(values,1) * 8
    end if
    call add_data_core('vtkwire_object_add_array_data_borrowed', 4, name, p, n, contig, 8, .true., VTKWIRE_TYPE_DOUBLE, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_borrowed_r8_2

  subroutine array_data_r8_2(array, values, ierr)
    type(vtkwire_array), intent(in) :: array
    real(c_double), pointer, intent(out) :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n, ntuples
    integer(c_int32_t) :: nc, st
    logical :: local
    nullify(values)
    call data_core(array, 8, .true., p, n, ntuples, nc, st, local)
    if (st == VTKWIRE_STATUS_OK) then
      if (n == 0 .or. .not. c_associated(p)) then
        values => empty_r82
      else
        call c_f_pointer(p, values, [int(nc, c_size_t), ntuples])
      end if
    end if
    if (local) then
      call report(st, 'vtkwire_array_data', ierr)
    else
      call finish(st, 'vtkwire_array_data', ierr)
    end if
  end subroutine array_data_r8_2

  subroutine set_coordinates_r8(obj, axis, values, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: axis
    real(c_double), intent(in), target, contiguous :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    p = c_null_ptr
    if (size(values) > 0) p = c_loc(values(1))
    if (.not. owned_object(obj, 'vtkwire_rectilinear_grid_set_coordinates', ierr)) return
    call finish(c_rectilinear_grid_set_coordinates(obj%ptr, axis, VTKWIRE_TYPE_DOUBLE, p, &
        int(size(values), c_size_t)), 'vtkwire_rectilinear_grid_set_coordinates', ierr)
  end subroutine set_coordinates_r8

  subroutine array_new_r4_1(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    real(c_float), intent(in), target, contiguous :: values(:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    call add_data_core('vtkwire_array_new', 1, name, p, n, contig, 4, .true., VTKWIRE_TYPE_FLOAT, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_r4_1

  subroutine add_array_data_r4_1(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    real(c_float), intent(in), target, contiguous :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    call add_data_core('vtkwire_object_add_array_data', 3, name, p, n, contig, 4, .true., VTKWIRE_TYPE_FLOAT, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_r4_1

  subroutine array_new_borrowed_r4_1(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    real(c_float), intent(in), target :: values(:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    if (n > 1) contig = addr_of(c_loc(values(n))) - addr_of(p) == (n - 1) * 4
    call add_data_core('vtkwire_array_new_borrowed', 2, name, p, n, contig, 4, .true., VTKWIRE_TYPE_FLOAT, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_borrowed_r4_1

  subroutine add_array_data_borrowed_r4_1(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    real(c_float), intent(in), target :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    if (n > 1) contig = addr_of(c_loc(values(n))) - addr_of(p) == (n - 1) * 4
    call add_data_core('vtkwire_object_add_array_data_borrowed', 4, name, p, n, contig, 4, .true., VTKWIRE_TYPE_FLOAT, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_borrowed_r4_1

  subroutine array_data_r4_1(array, values, ierr)
    type(vtkwire_array), intent(in) :: array
    real(c_float), pointer, intent(out) :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n, ntuples
    integer(c_int32_t) :: nc, st
    logical :: local
    nullify(values)
    call data_core(array, 4, .true., p, n, ntuples, nc, st, local)
    if (st == VTKWIRE_STATUS_OK) then
      if (n == 0 .or. .not. c_associated(p)) then
        values => empty_r4(:)
      else
        call c_f_pointer(p, values, [n])
      end if
    end if
    if (local) then
      call report(st, 'vtkwire_array_data', ierr)
    else
      call finish(st, 'vtkwire_array_data', ierr)
    end if
  end subroutine array_data_r4_1

  subroutine array_new_r4_2(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    real(c_float), intent(in), target, contiguous :: values(:,:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    call add_data_core('vtkwire_array_new', 1, name, p, n, contig, 4, .true., VTKWIRE_TYPE_FLOAT, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_r4_2

  subroutine add_array_data_r4_2(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    real(c_float), intent(in), target, contiguous :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    call add_data_core('vtkwire_object_add_array_data', 3, name, p, n, contig, 4, .true., VTKWIRE_TYPE_FLOAT, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_r4_2

  subroutine array_new_borrowed_r4_2(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    real(c_float), intent(in), target :: values(:,:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    if (n > 1) then
      contig = addr_of(c_loc(values(size(values,1), size(values,2)))) - addr_of(p) == (n - 1) * 4
      if (size(values,1) > 1) contig = contig .and. addr_of(c_loc(values(2,1))) - addr_of(p) == 4
      if (size(values,2) > 1) contig = contig .and. &
          addr_of(c_loc(values(1,2))) - addr_of(p) == size(values,1) * 4
    end if
    call add_data_core('vtkwire_array_new_borrowed', 2, name, p, n, contig, 4, .true., VTKWIRE_TYPE_FLOAT, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_borrowed_r4_2

  subroutine add_array_data_borrowed_r4_2(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    real(c_float), intent(in), target :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    if (n > 1) then
      contig = addr_of(c_loc(values(size(values,1), size(values,2)))) - addr_of(p) == (n - 1) * 4
      if (size(values,1) > 1) contig = contig .and. addr_of(c_loc(values(2,1))) - addr_of(p) == 4
      if (size(values,2) > 1) contig = contig .and. &
          addr_of(c_loc(values(1,2))) - addr_of(p) == size(values,1) * 4
    end if
    call add_data_core('vtkwire_object_add_array_data_borrowed', 4, name, p, n, contig, 4, .true., VTKWIRE_TYPE_FLOAT, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_borrowed_r4_2

  subroutine array_data_r4_2(array, values, ierr)
    type(vtkwire_array), intent(in) :: array
    real(c_float), pointer, intent(out) :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n, ntuples
    integer(c_int32_t) :: nc, st
    logical :: local
    nullify(values)
    call data_core(array, 4, .true., p, n, ntuples, nc, st, local)
    if (st == VTKWIRE_STATUS_OK) then
      if (n == 0 .or. .not. c_associated(p)) then
        values => empty_r42
      else
        call c_f_pointer(p, values, [int(nc, c_size_t), ntuples])
      end if
    end if
    if (local) then
      call report(st, 'vtkwire_array_data', ierr)
    else
      call finish(st, 'vtkwire_array_data', ierr)
    end if
  end subroutine array_data_r4_2

  subroutine set_coordinates_r4(obj, axis, values, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: axis
    real(c_float), intent(in), target, contiguous :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    p = c_null_ptr
    if (size(values) > 0) p = c_loc(values(1))
    if (.not. owned_object(obj, 'vtkwire_rectilinear_grid_set_coordinates', ierr)) return
    call finish(c_rectilinear_grid_set_coordinates(obj%ptr, axis, VTKWIRE_TYPE_FLOAT, p, &
        int(size(values), c_size_t)), 'vtkwire_rectilinear_grid_set_coordinates', ierr)
  end subroutine set_coordinates_r4

  subroutine array_new_i1_1(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    integer(c_int8_t), intent(in), target, contiguous :: values(:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    call add_data_core('vtkwire_array_new', 1, name, p, n, contig, 1, .false., VTKWIRE_TYPE_SIGNED_CHAR, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_i1_1

  subroutine add_array_data_i1_1(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    integer(c_int8_t), intent(in), target, contiguous :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    call add_data_core('vtkwire_object_add_array_data', 3, name, p, n, contig, 1, .false., VTKWIRE_TYPE_SIGNED_CHAR, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_i1_1

  subroutine array_new_borrowed_i1_1(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    integer(c_int8_t), intent(in), target :: values(:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    if (n > 1) contig = addr_of(c_loc(values(n))) - addr_of(p) == (n - 1) * 1
    call add_data_core('vtkwire_array_new_borrowed', 2, name, p, n, contig, 1, .false., VTKWIRE_TYPE_SIGNED_CHAR, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_borrowed_i1_1

  subroutine add_array_data_borrowed_i1_1(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    integer(c_int8_t), intent(in), target :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    if (n > 1) contig = addr_of(c_loc(values(n))) - addr_of(p) == (n - 1) * 1
    call add_data_core('vtkwire_object_add_array_data_borrowed', 4, name, p, n, contig, 1, .false., VTKWIRE_TYPE_SIGNED_CHAR, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_borrowed_i1_1

  subroutine array_data_i1_1(array, values, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int8_t), pointer, intent(out) :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n, ntuples
    integer(c_int32_t) :: nc, st
    logical :: local
    nullify(values)
    call data_core(array, 1, .false., p, n, ntuples, nc, st, local)
    if (st == VTKWIRE_STATUS_OK) then
      if (n == 0 .or. .not. c_associated(p)) then
        values => empty_i1(:)
      else
        call c_f_pointer(p, values, [n])
      end if
    end if
    if (local) then
      call report(st, 'vtkwire_array_data', ierr)
    else
      call finish(st, 'vtkwire_array_data', ierr)
    end if
  end subroutine array_data_i1_1

  subroutine array_new_i1_2(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    integer(c_int8_t), intent(in), target, contiguous :: values(:,:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    call add_data_core('vtkwire_array_new', 1, name, p, n, contig, 1, .false., VTKWIRE_TYPE_SIGNED_CHAR, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_i1_2

  subroutine add_array_data_i1_2(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    integer(c_int8_t), intent(in), target, contiguous :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    call add_data_core('vtkwire_object_add_array_data', 3, name, p, n, contig, 1, .false., VTKWIRE_TYPE_SIGNED_CHAR, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_i1_2

  subroutine array_new_borrowed_i1_2(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    integer(c_int8_t), intent(in), target :: values(:,:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    if (n > 1) then
      contig = addr_of(c_loc(values(size(values,1), size(values,2)))) - addr_of(p) == (n - 1) * 1
      if (size(values,1) > 1) contig = contig .and. addr_of(c_loc(values(2,1))) - addr_of(p) == 1
      if (size(values,2) > 1) contig = contig .and. &
          addr_of(c_loc(values(1,2))) - addr_of(p) == size(values,1) * 1
    end if
    call add_data_core('vtkwire_array_new_borrowed', 2, name, p, n, contig, 1, .false., VTKWIRE_TYPE_SIGNED_CHAR, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_borrowed_i1_2

  subroutine add_array_data_borrowed_i1_2(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    integer(c_int8_t), intent(in), target :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    if (n > 1) then
      contig = addr_of(c_loc(values(size(values,1), size(values,2)))) - addr_of(p) == (n - 1) * 1
      if (size(values,1) > 1) contig = contig .and. addr_of(c_loc(values(2,1))) - addr_of(p) == 1
      if (size(values,2) > 1) contig = contig .and. &
          addr_of(c_loc(values(1,2))) - addr_of(p) == size(values,1) * 1
    end if
    call add_data_core('vtkwire_object_add_array_data_borrowed', 4, name, p, n, contig, 1, .false., VTKWIRE_TYPE_SIGNED_CHAR, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_borrowed_i1_2

  subroutine array_data_i1_2(array, values, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int8_t), pointer, intent(out) :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n, ntuples
    integer(c_int32_t) :: nc, st
    logical :: local
    nullify(values)
    call data_core(array, 1, .false., p, n, ntuples, nc, st, local)
    if (st == VTKWIRE_STATUS_OK) then
      if (n == 0 .or. .not. c_associated(p)) then
        values => empty_i12
      else
        call c_f_pointer(p, values, [int(nc, c_size_t), ntuples])
      end if
    end if
    if (local) then
      call report(st, 'vtkwire_array_data', ierr)
    else
      call finish(st, 'vtkwire_array_data', ierr)
    end if
  end subroutine array_data_i1_2

  subroutine set_coordinates_i1(obj, axis, values, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: axis
    integer(c_int8_t), intent(in), target, contiguous :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    p = c_null_ptr
    if (size(values) > 0) p = c_loc(values(1))
    if (.not. owned_object(obj, 'vtkwire_rectilinear_grid_set_coordinates', ierr)) return
    call finish(c_rectilinear_grid_set_coordinates(obj%ptr, axis, VTKWIRE_TYPE_SIGNED_CHAR, p, &
        int(size(values), c_size_t)), 'vtkwire_rectilinear_grid_set_coordinates', ierr)
  end subroutine set_coordinates_i1

  subroutine array_new_i2_1(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    integer(c_int16_t), intent(in), target, contiguous :: values(:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    call add_data_core('vtkwire_array_new', 1, name, p, n, contig, 2, .false., VTKWIRE_TYPE_SHORT, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_i2_1

  subroutine add_array_data_i2_1(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    integer(c_int16_t), intent(in), target, contiguous :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    call add_data_core('vtkwire_object_add_array_data', 3, name, p, n, contig, 2, .false., VTKWIRE_TYPE_SHORT, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_i2_1

  subroutine array_new_borrowed_i2_1(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    integer(c_int16_t), intent(in), target :: values(:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    if (n > 1) contig = addr_of(c_loc(values(n))) - addr_of(p) == (n - 1) * 2
    call add_data_core('vtkwire_array_new_borrowed', 2, name, p, n, contig, 2, .false., VTKWIRE_TYPE_SHORT, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_borrowed_i2_1

  subroutine add_array_data_borrowed_i2_1(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    integer(c_int16_t), intent(in), target :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    if (n > 1) contig = addr_of(c_loc(values(n))) - addr_of(p) == (n - 1) * 2
    call add_data_core('vtkwire_object_add_array_data_borrowed', 4, name, p, n, contig, 2, .false., VTKWIRE_TYPE_SHORT, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_borrowed_i2_1

  subroutine array_data_i2_1(array, values, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int16_t), pointer, intent(out) :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n, ntuples
    integer(c_int32_t) :: nc, st
    logical :: local
    nullify(values)
    call data_core(array, 2, .false., p, n, ntuples, nc, st, local)
    if (st == VTKWIRE_STATUS_OK) then
      if (n == 0 .or. .not. c_associated(p)) then
        values => empty_i2(:)
      else
        call c_f_pointer(p, values, [n])
      end if
    end if
    if (local) then
      call report(st, 'vtkwire_array_data', ierr)
    else
      call finish(st, 'vtkwire_array_data', ierr)
    end if
  end subroutine array_data_i2_1

  subroutine array_new_i2_2(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    integer(c_int16_t), intent(in), target, contiguous :: values(:,:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    call add_data_core('vtkwire_array_new', 1, name, p, n, contig, 2, .false., VTKWIRE_TYPE_SHORT, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_i2_2

  subroutine add_array_data_i2_2(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    integer(c_int16_t), intent(in), target, contiguous :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    call add_data_core('vtkwire_object_add_array_data', 3, name, p, n, contig, 2, .false., VTKWIRE_TYPE_SHORT, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_i2_2

  subroutine array_new_borrowed_i2_2(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    integer(c_int16_t), intent(in), target :: values(:,:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    if (n > 1) then
      contig = addr_of(c_loc(values(size(values,1), size(values,2)))) - addr_of(p) == (n - 1) * 2
      if (size(values,1) > 1) contig = contig .and. addr_of(c_loc(values(2,1))) - addr_of(p) == 2
      if (size(values,2) > 1) contig = contig .and. &
          addr_of(c_loc(values(1,2))) - addr_of(p) == size(values,1) * 2
    end if
    call add_data_core('vtkwire_array_new_borrowed', 2, name, p, n, contig, 2, .false., VTKWIRE_TYPE_SHORT, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_borrowed_i2_2

  subroutine add_array_data_borrowed_i2_2(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    integer(c_int16_t), intent(in), target :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    if (n > 1) then
      contig = addr_of(c_loc(values(size(values,1), size(values,2)))) - addr_of(p) == (n - 1) * 2
      if (size(values,1) > 1) contig = contig .and. addr_of(c_loc(values(2,1))) - addr_of(p) == 2
      if (size(values,2) > 1) contig = contig .and. &
          addr_of(c_loc(values(1,2))) - addr_of(p) == size(values,1) * 2
    end if
    call add_data_core('vtkwire_object_add_array_data_borrowed', 4, name, p, n, contig, 2, .false., VTKWIRE_TYPE_SHORT, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_borrowed_i2_2

  subroutine array_data_i2_2(array, values, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int16_t), pointer, intent(out) :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n, ntuples
    integer(c_int32_t) :: nc, st
    logical :: local
    nullify(values)
    call data_core(array, 2, .false., p, n, ntuples, nc, st, local)
    if (st == VTKWIRE_STATUS_OK) then
      if (n == 0 .or. .not. c_associated(p)) then
        values => empty_i22
      else
        call c_f_pointer(p, values, [int(nc, c_size_t), ntuples])
      end if
    end if
    if (local) then
      call report(st, 'vtkwire_array_data', ierr)
    else
      call finish(st, 'vtkwire_array_data', ierr)
    end if
  end subroutine array_data_i2_2

  subroutine set_coordinates_i2(obj, axis, values, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: axis
    integer(c_int16_t), intent(in), target, contiguous :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    p = c_null_ptr
    if (size(values) > 0) p = c_loc(values(1))
    if (.not. owned_object(obj, 'vtkwire_rectilinear_grid_set_coordinates', ierr)) return
    call finish(c_rectilinear_grid_set_coordinates(obj%ptr, axis, VTKWIRE_TYPE_SHORT, p, &
        int(size(values), c_size_t)), 'vtkwire_rectilinear_grid_set_coordinates', ierr)
  end subroutine set_coordinates_i2

  subroutine array_new_i4_1(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    integer(c_int32_t), intent(in), target, contiguous :: values(:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    call add_data_core('vtkwire_array_new', 1, name, p, n, contig, 4, .false., VTKWIRE_TYPE_INT, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_i4_1

  subroutine add_array_data_i4_1(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    integer(c_int32_t), intent(in), target, contiguous :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    call add_data_core('vtkwire_object_add_array_data', 3, name, p, n, contig, 4, .false., VTKWIRE_TYPE_INT, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_i4_1

  subroutine array_new_borrowed_i4_1(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    integer(c_int32_t), intent(in), target :: values(:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    if (n > 1) contig = addr_of(c_loc(values(n))) - addr_of(p) == (n - 1) * 4
    call add_data_core('vtkwire_array_new_borrowed', 2, name, p, n, contig, 4, .false., VTKWIRE_TYPE_INT, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_borrowed_i4_1

  subroutine add_array_data_borrowed_i4_1(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    integer(c_int32_t), intent(in), target :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    if (n > 1) contig = addr_of(c_loc(values(n))) - addr_of(p) == (n - 1) * 4
    call add_data_core('vtkwire_object_add_array_data_borrowed', 4, name, p, n, contig, 4, .false., VTKWIRE_TYPE_INT, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_borrowed_i4_1

  subroutine array_data_i4_1(array, values, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int32_t), pointer, intent(out) :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n, ntuples
    integer(c_int32_t) :: nc, st
    logical :: local
    nullify(values)
    call data_core(array, 4, .false., p, n, ntuples, nc, st, local)
    if (st == VTKWIRE_STATUS_OK) then
      if (n == 0 .or. .not. c_associated(p)) then
        values => empty_i4(:)
      else
        call c_f_pointer(p, values, [n])
      end if
    end if
    if (local) then
      call report(st, 'vtkwire_array_data', ierr)
    else
      call finish(st, 'vtkwire_array_data', ierr)
    end if
  end subroutine array_data_i4_1

  subroutine array_new_i4_2(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    integer(c_int32_t), intent(in), target, contiguous :: values(:,:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    call add_data_core('vtkwire_array_new', 1, name, p, n, contig, 4, .false., VTKWIRE_TYPE_INT, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_i4_2

  subroutine add_array_data_i4_2(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    integer(c_int32_t), intent(in), target, contiguous :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    call add_data_core('vtkwire_object_add_array_data', 3, name, p, n, contig, 4, .false., VTKWIRE_TYPE_INT, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_i4_2

  subroutine array_new_borrowed_i4_2(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    integer(c_int32_t), intent(in), target :: values(:,:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    if (n > 1) then
      contig = addr_of(c_loc(values(size(values,1), size(values,2)))) - addr_of(p) == (n - 1) * 4
      if (size(values,1) > 1) contig = contig .and. addr_of(c_loc(values(2,1))) - addr_of(p) == 4
      if (size(values,2) > 1) contig = contig .and. &
          addr_of(c_loc(values(1,2))) - addr_of(p) == size(values,1) * 4
    end if
    call add_data_core('vtkwire_array_new_borrowed', 2, name, p, n, contig, 4, .false., VTKWIRE_TYPE_INT, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_borrowed_i4_2

  subroutine add_array_data_borrowed_i4_2(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    integer(c_int32_t), intent(in), target :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    if (n > 1) then
      contig = addr_of(c_loc(values(size(values,1), size(values,2)))) - addr_of(p) == (n - 1) * 4
      if (size(values,1) > 1) contig = contig .and. addr_of(c_loc(values(2,1))) - addr_of(p) == 4
      if (size(values,2) > 1) contig = contig .and. &
          addr_of(c_loc(values(1,2))) - addr_of(p) == size(values,1) * 4
    end if
    call add_data_core('vtkwire_object_add_array_data_borrowed', 4, name, p, n, contig, 4, .false., VTKWIRE_TYPE_INT, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_borrowed_i4_2

  subroutine array_data_i4_2(array, values, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int32_t), pointer, intent(out) :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n, ntuples
    integer(c_int32_t) :: nc, st
    logical :: local
    nullify(values)
    call data_core(array, 4, .false., p, n, ntuples, nc, st, local)
    if (st == VTKWIRE_STATUS_OK) then
      if (n == 0 .or. .not. c_associated(p)) then
        values => empty_i42
      else
        call c_f_pointer(p, values, [int(nc, c_size_t), ntuples])
      end if
    end if
    if (local) then
      call report(st, 'vtkwire_array_data', ierr)
    else
      call finish(st, 'vtkwire_array_data', ierr)
    end if
  end subroutine array_data_i4_2

  subroutine set_coordinates_i4(obj, axis, values, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: axis
    integer(c_int32_t), intent(in), target, contiguous :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    p = c_null_ptr
    if (size(values) > 0) p = c_loc(values(1))
    if (.not. owned_object(obj, 'vtkwire_rectilinear_grid_set_coordinates', ierr)) return
    call finish(c_rectilinear_grid_set_coordinates(obj%ptr, axis, VTKWIRE_TYPE_INT, p, &
        int(size(values), c_size_t)), 'vtkwire_rectilinear_grid_set_coordinates', ierr)
  end subroutine set_coordinates_i4

  subroutine array_new_i8_1(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    integer(c_int64_t), intent(in), target, contiguous :: values(:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    call add_data_core('vtkwire_array_new', 1, name, p, n, contig, 8, .false., VTKWIRE_TYPE_LONG_LONG, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_i8_1

  subroutine add_array_data_i8_1(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    integer(c_int64_t), intent(in), target, contiguous :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    call add_data_core('vtkwire_object_add_array_data', 3, name, p, n, contig, 8, .false., VTKWIRE_TYPE_LONG_LONG, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_i8_1

  subroutine array_new_borrowed_i8_1(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    integer(c_int64_t), intent(in), target :: values(:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    if (n > 1) contig = addr_of(c_loc(values(n))) - addr_of(p) == (n - 1) * 8
    call add_data_core('vtkwire_array_new_borrowed', 2, name, p, n, contig, 8, .false., VTKWIRE_TYPE_LONG_LONG, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_borrowed_i8_1

  subroutine add_array_data_borrowed_i8_1(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    integer(c_int64_t), intent(in), target :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = -1
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1))
    if (n > 1) contig = addr_of(c_loc(values(n))) - addr_of(p) == (n - 1) * 8
    call add_data_core('vtkwire_object_add_array_data_borrowed', 4, name, p, n, contig, 8, .false., VTKWIRE_TYPE_LONG_LONG, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_borrowed_i8_1

  subroutine array_data_i8_1(array, values, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int64_t), pointer, intent(out) :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n, ntuples
    integer(c_int32_t) :: nc, st
    logical :: local
    nullify(values)
    call data_core(array, 8, .false., p, n, ntuples, nc, st, local)
    if (st == VTKWIRE_STATUS_OK) then
      if (n == 0 .or. .not. c_associated(p)) then
        values => empty_i8(:)
      else
        call c_f_pointer(p, values, [n])
      end if
    end if
    if (local) then
      call report(st, 'vtkwire_array_data', ierr)
    else
      call finish(st, 'vtkwire_array_data', ierr)
    end if
  end subroutine array_data_i8_1

  subroutine array_new_i8_2(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    integer(c_int64_t), intent(in), target, contiguous :: values(:,:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    call add_data_core('vtkwire_array_new', 1, name, p, n, contig, 8, .false., VTKWIRE_TYPE_LONG_LONG, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_i8_2

  subroutine add_array_data_i8_2(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    integer(c_int64_t), intent(in), target, contiguous :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    call add_data_core('vtkwire_object_add_array_data', 3, name, p, n, contig, 8, .false., VTKWIRE_TYPE_LONG_LONG, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_i8_2

  subroutine array_new_borrowed_i8_2(name, values, array, ierr, ncomponents, type)
    character(len=*), intent(in) :: name
    integer(c_int64_t), intent(in), target :: values(:,:)
    type(vtkwire_array), intent(out) :: array
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    if (n > 1) then
      contig = addr_of(c_loc(values(size(values,1), size(values,2)))) - addr_of(p) == (n - 1) * 8
      if (size(values,1) > 1) contig = contig .and. addr_of(c_loc(values(2,1))) - addr_of(p) == 8
      if (size(values,2) > 1) contig = contig .and. &
          addr_of(c_loc(values(1,2))) - addr_of(p) == size(values,1) * 8
    end if
    call add_data_core('vtkwire_array_new_borrowed', 2, name, p, n, contig, 8, .false., VTKWIRE_TYPE_LONG_LONG, &
        nc_fixed, ncomponents, type, ierr, array=array)
  end subroutine array_new_borrowed_i8_2

  subroutine add_array_data_borrowed_i8_2(obj, association, name, values, ierr, ncomponents, type, index)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: association
    character(len=*), intent(in) :: name
    integer(c_int64_t), intent(in), target :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    integer(c_int32_t), intent(in), optional :: ncomponents, type
    integer, intent(out), optional :: index
    type(c_ptr) :: p
    integer(c_size_t) :: n
    integer(c_int32_t) :: nc_fixed
    logical :: contig
    contig = .true.
    nc_fixed = int(size(values, 1), c_int32_t)
    n = int(size(values), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(values(1,1))
    if (n > 1) then
      contig = addr_of(c_loc(values(size(values,1), size(values,2)))) - addr_of(p) == (n - 1) * 8
      if (size(values,1) > 1) contig = contig .and. addr_of(c_loc(values(2,1))) - addr_of(p) == 8
      if (size(values,2) > 1) contig = contig .and. &
          addr_of(c_loc(values(1,2))) - addr_of(p) == size(values,1) * 8
    end if
    call add_data_core('vtkwire_object_add_array_data_borrowed', 4, name, p, n, contig, 8, .false., VTKWIRE_TYPE_LONG_LONG, &
        nc_fixed, ncomponents, type, ierr, obj=obj, association=association, index=index)
  end subroutine add_array_data_borrowed_i8_2

  subroutine array_data_i8_2(array, values, ierr)
    type(vtkwire_array), intent(in) :: array
    integer(c_int64_t), pointer, intent(out) :: values(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n, ntuples
    integer(c_int32_t) :: nc, st
    logical :: local
    nullify(values)
    call data_core(array, 8, .false., p, n, ntuples, nc, st, local)
    if (st == VTKWIRE_STATUS_OK) then
      if (n == 0 .or. .not. c_associated(p)) then
        values => empty_i82
      else
        call c_f_pointer(p, values, [int(nc, c_size_t), ntuples])
      end if
    end if
    if (local) then
      call report(st, 'vtkwire_array_data', ierr)
    else
      call finish(st, 'vtkwire_array_data', ierr)
    end if
  end subroutine array_data_i8_2

  subroutine set_coordinates_i8(obj, axis, values, ierr)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int32_t), intent(in) :: axis
    integer(c_int64_t), intent(in), target, contiguous :: values(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    p = c_null_ptr
    if (size(values) > 0) p = c_loc(values(1))
    if (.not. owned_object(obj, 'vtkwire_rectilinear_grid_set_coordinates', ierr)) return
    call finish(c_rectilinear_grid_set_coordinates(obj%ptr, axis, VTKWIRE_TYPE_LONG_LONG, p, &
        int(size(values), c_size_t)), 'vtkwire_rectilinear_grid_set_coordinates', ierr)
  end subroutine set_coordinates_i8

  subroutine set_points_r8_1(obj, xyz, ierr)
    type(vtkwire_object), intent(in) :: obj
    real(c_double), intent(in), target, contiguous :: xyz(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n
    logical :: contig
    contig = .true.
    n = int(size(xyz), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(xyz(1))
    call points_core('vtkwire_object_set_points', 0, obj, VTKWIRE_TYPE_DOUBLE, p, n, contig, ierr)
  end subroutine set_points_r8_1

  subroutine set_points_borrowed_r8_1(obj, xyz, ierr)
    type(vtkwire_object), intent(in) :: obj
    real(c_double), intent(in), target :: xyz(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n
    logical :: contig
    contig = .true.
    n = int(size(xyz), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(xyz(1))
    if (n > 1) contig = addr_of(c_loc(xyz(n))) - addr_of(p) == (n - 1) * 8
    call points_core('vtkwire_object_set_points_borrowed', 1, obj, VTKWIRE_TYPE_DOUBLE, p, n, contig, ierr)
  end subroutine set_points_borrowed_r8_1

  subroutine set_points_r8_2(obj, xyz, ierr)
    type(vtkwire_object), intent(in) :: obj
    real(c_double), intent(in), target, contiguous :: xyz(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n
    logical :: contig
    contig = .true.
    n = int(size(xyz), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(xyz(1,1))
    if (size(xyz, 1) /= 3 .and. n > 0) then
      call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, 'vtkwire_object_set_points', &
          'xyz must have shape (3, npoints)', ierr)
      return
    end if
    call points_core('vtkwire_object_set_points', 0, obj, VTKWIRE_TYPE_DOUBLE, p, n, contig, ierr)
  end subroutine set_points_r8_2

  subroutine set_points_borrowed_r8_2(obj, xyz, ierr)
    type(vtkwire_object), intent(in) :: obj
    real(c_double), intent(in), target :: xyz(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n
    logical :: contig
    contig = .true.
    n = int(size(xyz), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(xyz(1,1))
    if (size(xyz, 1) /= 3 .and. n > 0) then
      call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, 'vtkwire_object_set_points_borrowed', &
          'xyz must have shape (3, npoints)', ierr)
      return
    end if
    if (n > 1) contig = addr_of(c_loc(xyz(size(xyz,1), size(xyz,2)))) - addr_of(p) == (n - 1) * 8
    if (n > 1) contig = contig .and. addr_of(c_loc(xyz(2,1))) - addr_of(p) == 8
    call points_core('vtkwire_object_set_points_borrowed', 1, obj, VTKWIRE_TYPE_DOUBLE, p, n, contig, ierr)
  end subroutine set_points_borrowed_r8_2

  subroutine set_points_r4_1(obj, xyz, ierr)
    type(vtkwire_object), intent(in) :: obj
    real(c_float), intent(in), target, contiguous :: xyz(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n
    logical :: contig
    contig = .true.
    n = int(size(xyz), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(xyz(1))
    call points_core('vtkwire_object_set_points', 0, obj, VTKWIRE_TYPE_FLOAT, p, n, contig, ierr)
  end subroutine set_points_r4_1

  subroutine set_points_borrowed_r4_1(obj, xyz, ierr)
    type(vtkwire_object), intent(in) :: obj
    real(c_float), intent(in), target :: xyz(:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n
    logical :: contig
    contig = .true.
    n = int(size(xyz), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(xyz(1))
    if (n > 1) contig = addr_of(c_loc(xyz(n))) - addr_of(p) == (n - 1) * 4
    call points_core('vtkwire_object_set_points_borrowed', 1, obj, VTKWIRE_TYPE_FLOAT, p, n, contig, ierr)
  end subroutine set_points_borrowed_r4_1

  subroutine set_points_r4_2(obj, xyz, ierr)
    type(vtkwire_object), intent(in) :: obj
    real(c_float), intent(in), target, contiguous :: xyz(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n
    logical :: contig
    contig = .true.
    n = int(size(xyz), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(xyz(1,1))
    if (size(xyz, 1) /= 3 .and. n > 0) then
      call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, 'vtkwire_object_set_points', &
          'xyz must have shape (3, npoints)', ierr)
      return
    end if
    call points_core('vtkwire_object_set_points', 0, obj, VTKWIRE_TYPE_FLOAT, p, n, contig, ierr)
  end subroutine set_points_r4_2

  subroutine set_points_borrowed_r4_2(obj, xyz, ierr)
    type(vtkwire_object), intent(in) :: obj
    real(c_float), intent(in), target :: xyz(:,:)
    integer(c_int32_t), intent(out), optional :: ierr
    type(c_ptr) :: p
    integer(c_size_t) :: n
    logical :: contig
    contig = .true.
    n = int(size(xyz), c_size_t)
    p = c_null_ptr
    if (n > 0) p = c_loc(xyz(1,1))
    if (size(xyz, 1) /= 3 .and. n > 0) then
      call fail(VTKWIRE_STATUS_INVALID_ARGUMENT, 'vtkwire_object_set_points_borrowed', &
          'xyz must have shape (3, npoints)', ierr)
      return
    end if
    if (n > 1) contig = addr_of(c_loc(xyz(size(xyz,1), size(xyz,2)))) - addr_of(p) == (n - 1) * 4
    if (n > 1) contig = contig .and. addr_of(c_loc(xyz(2,1))) - addr_of(p) == 4
    call points_core('vtkwire_object_set_points_borrowed', 1, obj, VTKWIRE_TYPE_FLOAT, p, n, contig, ierr)
  end subroutine set_points_borrowed_r4_2

end module vtkwire
