! fortran_mpi_send.f90 — vtkwire objects over MPI from Fortran, on a communicator made with
! MPI_Comm_split (an integer handle from `use mpi`).
!
! The world is split into pairs (color = rank / 2). In each pair rank 0 builds an image data
! with point and cell arrays and sends it to rank 1 (vtkwire_object_send / _recv, VTK's
! message sequence); rank 1 checks it bit-exact. Rank 1 answers with a data array. Then the
! pair broadcasts a poly data (vtkwire_object_bcast). Finally every rank sums an array over
! MPI_COMM_WORLD in place, passing it as a type(MPI_Comm) (the mpi_f08 flavour of the same
! generic). Errors come back through ierr; a bad destination rank shows one.
!
! Needs an even number of ranks >= 2 (run at 2 and 4). Exits 0 on success, 1 on failure.
program fortran_mpi_send
  use, intrinsic :: iso_c_binding
  use mpi
  use vtkwire
  use vtkwire_mpi
  implicit none

  integer :: world_rank, world_size, pair, pair_rank, pair_size, mpierr, i
  integer :: nfail, nfail_all
  integer(c_int32_t) :: ierr
  type(vtkwire_object) :: img, got, poly, bcast_obj
  type(vtkwire_array) :: answer, got_answer, sum
  real(c_double) :: pressure(24)
  integer(c_int32_t) :: region(6)
  real(c_float) :: pts(3, 3)

  call MPI_Init(mpierr)
  call MPI_Comm_rank(MPI_COMM_WORLD, world_rank, mpierr)
  call MPI_Comm_size(MPI_COMM_WORLD, world_size, mpierr)
  if (world_size < 2 .or. mod(world_size, 2) /= 0) then
    if (world_rank == 0) print '(a,i0)', 'fortran_mpi_send: needs an even number of ranks >= 2, got ', world_size
    call MPI_Finalize(mpierr)
    error stop 1
  end if
  call MPI_Comm_split(MPI_COMM_WORLD, world_rank / 2, world_rank, pair, mpierr)
  call MPI_Comm_rank(pair, pair_rank, mpierr)
  call MPI_Comm_size(pair, pair_size, mpierr)
  nfail = 0
  if (pair_size /= 2) call expect(.false., 'pair communicator of size 2')

  do i = 1, 24
    pressure(i) = 1.0e5_c_double + world_rank / 2 + i * 0.125_c_double
  end do
  region = [(int(i * 10 + world_rank / 2, c_int32_t), i = 1, 6)]
  pts = reshape([0., 0., 0., 1., 0., 0., 0., 1., 0.], [3, 3])

  ! ---- point to point on the split communicator ----
  if (pair_rank == 0) then
    call vtkwire_image_data_new([0, 3, 0, 2, 0, 1], [0d0, 0d0, 0d0], [1d0, 1d0, 1d0], img)
    call vtkwire_object_add_array_data(img, VTKWIRE_ASSOCIATION_POINT, 'pressure', pressure)
    call vtkwire_object_add_array_data(img, VTKWIRE_ASSOCIATION_CELL, 'region', region)
    call vtkwire_object_send(img, 1, 42, pair, ierr)
    call ok('object_send')
    call vtkwire_array_recv(1, 43, pair, got_answer, ierr)
    call ok('array_recv')
    call check_answer(got_answer)

    ! An invalid destination comes back as a status, not an MPI abort.
    call vtkwire_object_send(img, 7, 42, pair, ierr)
    call expect(ierr == VTKWIRE_STATUS_OUT_OF_RANGE, 'send to rank 7 of 2 is OUT_OF_RANGE')
    if (world_rank == 0) print '(a)', 'expected error: ' // vtkwire_last_error()
  else
    call vtkwire_object_recv(0, 42, pair, got, ierr)
    call ok('object_recv')
    call check_image(got)
    call vtkwire_array_new('answer', [real(c_double) :: 4, 2, world_rank], answer)
    call vtkwire_array_send(answer, 0, 43, pair, ierr)
    call ok('array_send')
  end if

  ! ---- broadcast over the pair: a poly data from pair rank 0 ----
  if (pair_rank == 0) then
    call vtkwire_poly_data_new(poly)
    call vtkwire_object_set_points(poly, pts)
    call vtkwire_poly_data_set_cells(poly, VTKWIRE_POLY_POLYS, [0, 3], [0, 1, 2])
  end if
  call vtkwire_object_bcast(poly, 0, pair, bcast_obj, ierr)
  call ok('object_bcast')
  if (pair_rank == 0) then
    call expect(.not. vtkwire_associated(bcast_obj), 'root receives nothing')
  else
    call check_poly(bcast_obj)
  end if

  ! ---- in-place sum over MPI_COMM_WORLD, passed as type(MPI_Comm) ----
  call world_sum()

  call vtkwire_array_free(sum)
  call vtkwire_array_free(got_answer)
  call vtkwire_array_free(answer)
  call vtkwire_object_free(bcast_obj)
  call vtkwire_object_free(poly)
  call vtkwire_object_free(got)
  call vtkwire_object_free(img)

  call MPI_Allreduce(nfail, nfail_all, 1, MPI_INTEGER, MPI_SUM, MPI_COMM_WORLD, mpierr)
  call MPI_Comm_free(pair, mpierr)
  call MPI_Finalize(mpierr)
  if (nfail_all /= 0) then
    if (world_rank == 0) print '(a,i0,a)', 'fortran_mpi_send: ', nfail_all, ' check(s) failed'
    error stop 1
  end if
  if (world_rank == 0) print '(a,i0,a)', 'fortran_mpi_send: OK on ', world_size, ' ranks'

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

  logical function same8(a, b)
    real(c_double), intent(in) :: a(:), b(:)
    same8 = size(a) == size(b)
    if (same8) same8 = all(transfer(a, 0_c_int64_t, size(a)) == transfer(b, 0_c_int64_t, size(b)))
  end function same8

  subroutine check_image(obj)
    type(vtkwire_object), intent(in) :: obj
    type(vtkwire_array) :: a
    real(c_double), pointer :: p(:)
    integer(c_int32_t), pointer :: r(:)
    integer(c_int32_t) :: extent(6)
    call expect(vtkwire_object_type(obj) == VTKWIRE_OBJECT_IMAGE_DATA, 'received an image data')
    call vtkwire_object_extent(obj, extent, ierr)
    call expect(all(extent == [0, 3, 0, 2, 0, 1]), 'received extent')
    call vtkwire_object_array_by_name(obj, VTKWIRE_ASSOCIATION_POINT, 'pressure', a, ierr)
    call ok('pressure')
    call vtkwire_array_data(a, p, ierr)
    call ok('pressure data')
    call expect(same8(p, pressure), 'pressure values bit-exact')
    call vtkwire_object_array_by_name(obj, VTKWIRE_ASSOCIATION_CELL, 'region', a, ierr)
    call vtkwire_array_data(a, r, ierr)
    call ok('region data')
    call expect(all(r == region), 'region values')
  end subroutine check_image

  subroutine check_answer(a)
    type(vtkwire_array), intent(in) :: a
    real(c_double), pointer :: v(:)
    character(len=:), allocatable :: name
    call vtkwire_array_name(a, name, ierr)
    call expect(name == 'answer', 'answer name')
    call vtkwire_array_data(a, v, ierr)
    call ok('answer data')
    call expect(same8(v, [real(c_double) :: 4, 2, world_rank + 1]), 'answer values')
  end subroutine check_answer

  subroutine check_poly(obj)
    type(vtkwire_object), intent(in) :: obj
    integer(c_int64_t), pointer :: offsets(:), conn(:)
    call expect(vtkwire_object_type(obj) == VTKWIRE_OBJECT_POLY_DATA, 'broadcast poly data')
    call vtkwire_poly_data_cells(obj, VTKWIRE_POLY_POLYS, offsets, conn, ierr)
    call ok('broadcast cells')
    call expect(all(offsets == [0, 3]) .and. all(conn == [0, 1, 2]), 'broadcast triangle')
  end subroutine check_poly

  subroutine world_sum()
    use mpi_f08, only: MPI_Comm
    type(MPI_Comm) :: world
    real(c_double), pointer :: s(:)
    world%MPI_VAL = MPI_COMM_WORLD
    call vtkwire_array_new('sum', [1d0, real(world_rank, c_double)], sum)
    call vtkwire_array_allreduce_inplace(sum, VTKWIRE_OP_SUM, world, ierr)
    call ok('allreduce_inplace')
    call vtkwire_array_data(sum, s, ierr)
    call expect(same8(s, [real(world_size, c_double), real(world_size * (world_size - 1) / 2, c_double)]), &
        'allreduce sum')
  end subroutine world_sum

end program fortran_mpi_send
