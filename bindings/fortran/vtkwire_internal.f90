! vtkwire_internal.f90 — the hand-written base of the Fortran bindings: handle types, the
! error and string helpers, and the shared bodies of the element-kind families. Used by the
! generated modules `vtkwire` and `vtkwire_mpi` (which re-export the handle types and
! vtkwire_last_error); its other names are not part of the API and may change.
!
! Conventions of every wrapper (generated or hand-written):
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
! * Arguments come in the C order; outputs drop the C `out_` prefix (unless an input has that
!   name). Indices are 0-based as in C and VTK (component, axis, block, array, level, string
!   index, point ids in connectivity). int32_t and size_t values in are default integers (a
!   negative size is OUT_OF_RANGE); counts come back as integer(c_size_t).
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
module vtkwire_internal
  use, intrinsic :: iso_c_binding
  use, intrinsic :: iso_fortran_env, only: error_unit
  use vtkwire_c
  implicit none
  public

  !> Any data object. %ptr is the C `vtkwire_object *` (c_null_ptr: VTK's null object).
  type :: vtkwire_object
    type(c_ptr) :: ptr = c_null_ptr
    logical :: borrowed = .false.   !< true for blocks etc. borrowed from another object
  end type vtkwire_object

  !> One data array. %ptr is the C `vtkwire_array *`.
  type :: vtkwire_array
    type(c_ptr) :: ptr = c_null_ptr
    logical :: borrowed = .false.   !< true for arrays borrowed from an object
  end type vtkwire_array

  !> A vtkwire communicator object (borrowed from or duplicating an MPI communicator).
  type :: vtkwire_comm
    type(c_ptr) :: ptr = c_null_ptr
  end type vtkwire_comm

  !> A pending nonblocking transfer (vtkwire_*_isend / vtkwire_*_irecv). Owned: complete it
  !> with vtkwire_request_wait/_test/_waitall, then free it with vtkwire_request_free.
  type :: vtkwire_request
    type(c_ptr) :: ptr = c_null_ptr
  end type vtkwire_request

  ! Message of the last error detected by these wrappers (not by the C library).
  character(len=:), allocatable, save :: local_message
  logical, save :: local_error = .false.

contains

  !> This thread's last error message (what failed, which argument, offset, rank…).
  function vtkwire_last_error() result(s)
    character(len=:), allocatable :: s
    if (local_error) then
      s = local_message
    else
      s = c_string_to_f(c_last_error())
    end if
  end function vtkwire_last_error

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
      write(error_unit, '(a)') 'vtkwire: ' // where // ' failed: ' // c_string_to_f(c_status_str(st)) // &
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


  ! c_loc of an optional string's C copy, or NULL when it was not made (argument absent).
  function opt_c_loc(buf) result(p)
    character(kind=c_char), allocatable, target, intent(in) :: buf(:)
    type(c_ptr) :: p
    p = c_null_ptr
    if (allocated(buf)) p = c_loc(buf)
  end function opt_c_loc

end module vtkwire_internal
