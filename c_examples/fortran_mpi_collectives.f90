! fortran_mpi_collectives.f90 — vtkwire collectives and nonblocking transfers from Fortran.
!
! MPI_COMM_WORLD is split (one color, ranks reversed) into a communicator `sub`; on it, every
! rank of N:
! * gathers a small image data to root 0 (vtkwire_object_gather): root checks that rank i's
!   object came through (extent [0, i+1, 0, 1, 0, 0], point array 'rank' = i);
! * allreduces with MAX a real(c_float) array of 10 values filled with its rank, where rank 0
!   sets element 4 (1-based) to 10: every rank gets N-1 everywhere except 10 there;
! * sends an image data around a ring (vtkwire_object_isend / _irecv, vtkwire_request_waitall)
!   and checks the one received from its left neighbour.
! All three run once with `sub` as an integer handle (use mpi) and once wrapped in a
! type(MPI_Comm) (the mpi_f08 flavour of the same generics).
!
! Runs on any number of ranks >= 1 (the ctest runs it at 2 and 4). Exits 0 on success.
program fortran_mpi_collectives
  use, intrinsic :: iso_c_binding
  use mpi
  use vtkwire
  use vtkwire_mpi
  implicit none

  integer :: world_rank, world_size, sub, rank, nranks, mpierr
  integer :: nfail, nfail_all
  integer(c_int32_t) :: ierr

  call MPI_Init(mpierr)
  call MPI_Comm_rank(MPI_COMM_WORLD, world_rank, mpierr)
  call MPI_Comm_size(MPI_COMM_WORLD, world_size, mpierr)
  call MPI_Comm_split(MPI_COMM_WORLD, 0, world_size - 1 - world_rank, sub, mpierr)
  call MPI_Comm_rank(sub, rank, mpierr)
  call MPI_Comm_size(sub, nranks, mpierr)
  nfail = 0
  call expect(rank == world_size - 1 - world_rank, 'split reverses the ranks')

  call gather_objects(.false.)
  call allreduce_max(.false.)
  call ring(.false.)
  call gather_objects(.true.)
  call allreduce_max(.true.)
  call ring(.true.)

  call MPI_Allreduce(nfail, nfail_all, 1, MPI_INTEGER, MPI_SUM, MPI_COMM_WORLD, mpierr)
  call MPI_Comm_free(sub, mpierr)
  call MPI_Finalize(mpierr)
  if (nfail_all /= 0) then
    if (world_rank == 0) print '(a,i0,a)', 'fortran_mpi_collectives: ', nfail_all, ' check(s) failed'
    error stop 1
  end if
  if (world_rank == 0) print '(a,i0,a)', 'fortran_mpi_collectives: OK on ', world_size, ' ranks'

contains

  subroutine expect(cond, what)
    logical, intent(in) :: cond
    character(len=*), intent(in) :: what
    if (.not. cond) then
      nfail = nfail + 1
      print '(a,i0,a)', 'rank ', world_rank, ' FAILED: ' // what
    end if
  end subroutine expect

  subroutine ok(what)
    character(len=*), intent(in) :: what
    if (ierr /= VTKWIRE_STATUS_OK) call expect(.false., what // ': ' // vtkwire_status_str(ierr) // ': ' // &
        vtkwire_last_error())
  end subroutine ok

  character(len=4) function flavour(f08)
    logical, intent(in) :: f08
    flavour = merge('f08 ', 'int ', f08)
  end function flavour

  ! An image data with extent [0, r+1, 0, 1, 0, 0] and a point array 'rank' = r.
  subroutine make_object(r, obj)
    integer, intent(in) :: r
    type(vtkwire_object), intent(out) :: obj
    integer(c_int32_t), allocatable :: values(:)
    call vtkwire_image_data_new([0, r + 1, 0, 1, 0, 0], [0d0, 0d0, 0d0], [1d0, 1d0, 1d0], obj)
    allocate(values(2 * (r + 2)))
    values = int(r, c_int32_t)
    call vtkwire_object_add_array_data(obj, VTKWIRE_ASSOCIATION_POINT, 'rank', values)
  end subroutine make_object

  subroutine check_object(obj, r, what)
    type(vtkwire_object), intent(in) :: obj
    integer, intent(in) :: r
    character(len=*), intent(in) :: what
    integer(c_int32_t) :: extent(6)
    type(vtkwire_array) :: a
    integer(c_int32_t), pointer :: v(:)
    call expect(vtkwire_associated(obj), what // ': object received')
    if (.not. vtkwire_associated(obj)) return
    call expect(vtkwire_object_type(obj) == VTKWIRE_OBJECT_IMAGE_DATA, what // ': image data')
    call vtkwire_object_extent(obj, extent, ierr)
    call ok(what // ': extent')
    call expect(all(extent == [0, r + 1, 0, 1, 0, 0]), what // ': extent values')
    call vtkwire_object_array_by_name(obj, VTKWIRE_ASSOCIATION_POINT, 'rank', a, ierr)
    call ok(what // ': array rank')
    if (ierr /= VTKWIRE_STATUS_OK) return
    call vtkwire_array_data(a, v, ierr)
    call ok(what // ': array data')
    call expect(size(v) == 2 * (r + 2), what // ': array size')
    call expect(all(v == r), what // ': array values')
  end subroutine check_object

  subroutine gather_objects(f08)
    use mpi_f08, only: MPI_Comm
    logical, intent(in) :: f08
    type(MPI_Comm) :: fsub
    type(vtkwire_object) :: mine
    type(vtkwire_object), allocatable :: objs(:)
    integer :: i
    fsub%MPI_VAL = sub
    call make_object(rank, mine)
    allocate(objs(merge(nranks, 0, rank == 0)))
    if (f08) then
      call vtkwire_object_gather(mine, 0, fsub, objs, ierr)
    else
      call vtkwire_object_gather(mine, 0, sub, objs, ierr)
    end if
    call ok(flavour(f08) // 'object_gather')
    do i = 1, size(objs)
      call check_object(objs(i), i - 1, flavour(f08) // 'gathered object')
      call vtkwire_object_free(objs(i))
    end do
    call vtkwire_object_free(mine)
  end subroutine gather_objects

  subroutine allreduce_max(f08)
    use mpi_f08, only: MPI_Comm
    logical, intent(in) :: f08
    type(MPI_Comm) :: fsub
    real(c_float) :: seed(10), expected(10)
    type(vtkwire_array) :: a, reduced
    real(c_float), pointer :: v(:)
    fsub%MPI_VAL = sub
    seed = real(rank, c_float)
    if (rank == 0) seed(4) = 10
    call vtkwire_array_new('seed', seed, a)
    if (f08) then
      call vtkwire_array_allreduce(a, VTKWIRE_OP_MAX, fsub, reduced, ierr)
    else
      call vtkwire_array_allreduce(a, VTKWIRE_OP_MAX, sub, reduced, ierr)
    end if
    call ok(flavour(f08) // 'array_allreduce')
    expected = real(nranks - 1, c_float)
    expected(4) = 10
    if (ierr == VTKWIRE_STATUS_OK) then
      call vtkwire_array_data(reduced, v, ierr)
      call ok(flavour(f08) // 'allreduce data')
      call expect(size(v) == 10, flavour(f08) // 'allreduce size')
      if (size(v) == 10) call expect(all(transfer(v, 0_c_int32_t, 10) == transfer(expected, 0_c_int32_t, 10)), &
          flavour(f08) // 'allreduce MAX values (bit-exact)')
    end if
    call vtkwire_array_free(reduced)
    call vtkwire_array_free(a)
  end subroutine allreduce_max

  subroutine ring(f08)
    use mpi_f08, only: MPI_Comm
    logical, intent(in) :: f08
    type(MPI_Comm) :: fsub
    type(vtkwire_object) :: mine, got
    type(vtkwire_request) :: reqs(2)
    integer :: left, right
    fsub%MPI_VAL = sub
    left = mod(rank - 1 + nranks, nranks)
    right = mod(rank + 1, nranks)
    call make_object(rank, mine)
    if (f08) then
      call vtkwire_object_irecv(left, 77, fsub, reqs(1), ierr)
      call ok(flavour(f08) // 'object_irecv')
      call vtkwire_object_isend(mine, right, 77, fsub, reqs(2), ierr)
      call ok(flavour(f08) // 'object_isend')
    else
      call vtkwire_object_irecv(left, 77, sub, reqs(1), ierr)
      call ok(flavour(f08) // 'object_irecv')
      call vtkwire_object_isend(mine, right, 77, sub, reqs(2), ierr)
      call ok(flavour(f08) // 'object_isend')
    end if
    call vtkwire_request_waitall(reqs, ierr)
    call ok(flavour(f08) // 'request_waitall')
    call vtkwire_request_take_object(reqs(1), got, ierr)
    call ok(flavour(f08) // 'request_take_object')
    call check_object(got, left, flavour(f08) // 'ring object')
    call vtkwire_request_free(reqs(1))
    call vtkwire_request_free(reqs(2))
    call vtkwire_object_free(got)
    call vtkwire_object_free(mine)
  end subroutine ring

end program fortran_mpi_collectives
