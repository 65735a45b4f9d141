! peer_version_bindings.f90 — the VTK peer version through the Fortran module (use vtkwire),
! run by tests/mpi_peer_version.rs at 2 and 4 ranks.
!
! Odd ranks play a VTK >= 9.5 peer with raw MPI (MPI_Allgather of one MPI_LONG_LONG length,
! then MPI_Gatherv of MPI_DOUBLE to the root as VTK does, reference §4.10); even ranks call
! vtkwire_set_vtk_peer_version(9, 5) and vtkwire_array_gatherv, for roots 0 and 1. Rank r sends
! r+1 doubles 10 r + i (i from 0); the root checks the concatenation. Also: the default (9.1)
! and a refused version (ierr = INVALID_ARGUMENT, setting unchanged).
! Prints "peer version bindings passed (fortran) on N ranks"; exits 1 on any failure.
program peer_version_bindings
  use, intrinsic :: iso_c_binding
  use mpi_f08
  use vtkwire
  use vtkwire_mpi
  implicit none

  integer :: rank, nranks, root, major, minor, nfail, nfail_all
  integer(c_int32_t) :: ierr

  call MPI_Init()
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)
  call MPI_Comm_size(MPI_COMM_WORLD, nranks)
  nfail = 0

  major = -1
  minor = -1
  call vtkwire_get_vtk_peer_version(major, minor, ierr)
  call expect(ierr == VTKWIRE_STATUS_OK .and. major == 9 .and. minor == 1, 'default 9.1')
  call vtkwire_set_vtk_peer_version(4, 0, ierr)
  call expect(ierr == VTKWIRE_STATUS_INVALID_ARGUMENT, '4.0 refused')
  call expect(index(vtkwire_last_error(), '4.0') > 0, 'the message names 4.0')
  call vtkwire_get_vtk_peer_version(major, minor, ierr)
  call expect(ierr == VTKWIRE_STATUS_OK .and. major == 9 .and. minor == 1, 'still 9.1')
  call vtkwire_set_vtk_peer_version(9, 5)
  call vtkwire_get_vtk_peer_version(major, minor)
  call expect(major == 9 .and. minor == 5, 'now 9.5')

  do root = 0, 1
    if (mod(rank, 2) == 1) then
      call vtk95_peer(root)
    else
      call vtkwire_rank(root)
    end if
  end do

  call MPI_Allreduce(nfail, nfail_all, 1, MPI_INTEGER, MPI_SUM, MPI_COMM_WORLD)
  if (nfail_all == 0 .and. rank == 0) then
    write(*, '(a,i0,a)') 'peer version bindings passed (fortran) on ', nranks, ' ranks'
  end if
  call MPI_Finalize()
  if (nfail_all /= 0) error stop 1

contains

  subroutine expect(cond, what)
    logical, intent(in) :: cond
    character(len=*), intent(in) :: what
    if (.not. cond) then
      write(*, '(a,i0,a,a)') 'rank ', rank, ': failed: ', what
      nfail = nfail + 1
    end if
  end subroutine expect

  ! Rank r's values: r+1 doubles 10 r + i.
  subroutine values_of(r, v)
    integer, intent(in) :: r
    real(c_double), intent(out) :: v(:)
    integer :: i
    do i = 0, r
      v(i + 1) = 10d0 * r + i
    end do
  end subroutine values_of

  ! Every rank's values, in rank order (nranks (nranks + 1) / 2 of them).
  subroutine expected(all)
    real(c_double), intent(out) :: all(:)
    integer :: r, off
    off = 0
    do r = 0, nranks - 1
      call values_of(r, all(off + 1:off + r + 1))
      off = off + r + 1
    end do
  end subroutine expected

  subroutine vtk95_peer(root)
    integer, intent(in) :: root
    real(c_double) :: mine(rank + 1), want(nranks * (nranks + 1) / 2)
    real(c_double), allocatable :: all(:)
    integer(c_long_long) :: len
    integer(c_long_long) :: lens(nranks)
    integer :: counts(nranks), displs(nranks)
    integer :: r
    call values_of(rank, mine)
    call expected(want)
    len = size(mine, kind=c_long_long)
    lens = -1
    call MPI_Allgather(len, 1, MPI_LONG_LONG, lens, 1, MPI_LONG_LONG, MPI_COMM_WORLD)
    do r = 0, nranks - 1
      call expect(lens(r + 1) == r + 1, 'allgathered lengths')
      counts(r + 1) = int(lens(r + 1))
      displs(r + 1) = sum(counts(1:r))
    end do
    allocate(all(sum(counts)))  ! as received, so wrong lengths fail the check, not the memory
    call MPI_Gatherv(mine, size(mine), MPI_DOUBLE, all, counts, displs, MPI_DOUBLE, &
        root, MPI_COMM_WORLD)
    if (rank == root) call expect(all_equal(all, want), 'raw root: gathered values')
  end subroutine vtk95_peer

  subroutine vtkwire_rank(root)
    integer, intent(in) :: root
    real(c_double) :: mine(rank + 1), want(nranks * (nranks + 1) / 2)
    real(c_double), pointer :: got_values(:)
    type(vtkwire_array) :: array, got
    integer(c_int32_t) :: st
    call values_of(rank, mine)
    call expected(want)
    call vtkwire_array_new('g', mine, array)
    call vtkwire_array_gatherv(array, root, MPI_COMM_WORLD, got, st)
    call expect(st == VTKWIRE_STATUS_OK, 'vtkwire_array_gatherv')
    if (rank == root) then
      call vtkwire_array_data(got, got_values)
      call expect(all_equal(got_values, want), 'vtkwire root: gathered values')
      call vtkwire_array_free(got)
    else
      call expect(.not. vtkwire_associated(got), 'non-root gets no array')
    end if
    call vtkwire_array_free(array)
  end subroutine vtkwire_rank

  ! Bit-exact equality (compared as 64-bit integers: no REAL equality warning).
  logical function all_equal(a, b)
    real(c_double), intent(in) :: a(:), b(:)
    all_equal = size(a) == size(b)
    if (all_equal) all_equal = all(transfer(a, [0_c_int64_t]) == transfer(b, [0_c_int64_t]))
  end function all_equal

end program peer_version_bindings
