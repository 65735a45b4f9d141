! fortran_objects.f90 — vtkwire data objects from Fortran (module vtkwire, bindings/fortran).
!
! Builds an image data (point, cell and field arrays of several kinds, a direction matrix,
! a zero-copy array, a string array), a poly data (triangles and a line), a table and a
! multiblock holding all three; reads everything back through Fortran pointers and strings
! and checks it bit-exact. Marshals the multiblock to VTK's bytes (library buffer and a
! caller buffer), unmarshals them and checks the copy, writes and reads a legacy file.
! Errors come back through `ierr` (the MPI style): a few bad calls show the status codes and
! messages. Without `ierr` a failing call prints its message and stops the program.
!
! Handles are declared (null) at the top and freed once at the end; freeing a null handle is
! a no-op. Exits with status 0 on success, 1 (error stop) on any mismatch.
program fortran_objects
  use, intrinsic :: iso_c_binding
  use vtkwire
  implicit none

  type(vtkwire_object) :: img, poly, table, mb, back, from_file
  type(vtkwire_object) :: block  ! borrowed from a multiblock: never freed (the wrapper refuses)
  type(vtkwire_array) :: arr, vel
  integer :: nfail
  integer(c_int32_t) :: ierr

  ! Values that go in (kept for the comparisons; `temperature` is borrowed by img).
  real(c_double), target :: velocity(3, 24)
  real(c_float), target :: temperature(24)
  integer(c_int32_t) :: material(6)
  integer(c_int64_t) :: cell_ids(6)
  character(len=8) :: labels(6)
  real(c_double) :: direction(3,3)
  real(c_float) :: poly_points(3, 4)
  integer :: i

  nfail = 0
  do i = 1, 24
    velocity(:, i) = [0.1_c_double * i, -1.0e-300_c_double * i, 1.0_c_double / i]
    temperature(i) = 20.0_c_float + 0.5_c_float * i
  end do
  material = [7, -1, huge(0_c_int32_t), -huge(0_c_int32_t) - 1, 0, 42]
  cell_ids = [(int(i, c_int64_t) * 1000000000000_c_int64_t, i = 1, 6)]
  labels = [character(len=8) :: 'alpha', '', 'beta', 'with sp', 'z', 'last']
  direction = reshape([0d0, 1d0, 0d0, -1d0, 0d0, 0d0, 0d0, 0d0, 1d0], [3, 3])  ! 90 deg about z
  poly_points = reshape([0., 0., 0., 1., 0., 0., 1., 1., 0., 0., 1., .5], [3, 4])

  print '(a)', 'vtkwire ' // vtkwire_version()
  call run()

  ! cleanup: every handle once (null handles are no-ops)
  call vtkwire_array_free(vel)
  call vtkwire_array_free(arr)
  call vtkwire_object_free(from_file)
  call vtkwire_object_free(back)
  call vtkwire_object_free(mb)
  call vtkwire_object_free(table)
  call vtkwire_object_free(poly)
  call vtkwire_object_free(img)

  if (nfail /= 0) then
    print '(a,i0,a)', 'fortran_objects: ', nfail, ' check(s) failed'
    error stop 1
  end if
  print '(a)', 'fortran_objects: OK'

contains

  subroutine expect(cond, what)
    logical, intent(in) :: cond
    character(len=*), intent(in) :: what
    if (.not. cond) then
      nfail = nfail + 1
      print '(a)', 'FAILED: ' // what
    end if
  end subroutine expect

  ! Bit-exact comparison of reals (same size and the same bits: -0.0 /= 0.0, NaN == NaN).
  logical function same8(a, b)
    real(c_double), intent(in) :: a(:), b(:)
    same8 = size(a) == size(b)
    if (same8) same8 = all(transfer(a, 0_c_int64_t, size(a)) == transfer(b, 0_c_int64_t, size(b)))
  end function same8
  logical function same4(a, b)
    real(c_float), intent(in) :: a(:), b(:)
    same4 = size(a) == size(b)
    if (same4) same4 = all(transfer(a, 0_c_int32_t, size(a)) == transfer(b, 0_c_int32_t, size(b)))
  end function same4

  ! A call that must succeed: prints the message otherwise.
  subroutine ok(what)
    character(len=*), intent(in) :: what
    if (ierr /= VTKWIRE_STATUS_OK) then
      nfail = nfail + 1
      print '(a)', 'FAILED: ' // what // ': ' // vtkwire_status_str(ierr) // ': ' // vtkwire_last_error()
    end if
  end subroutine ok

  ! A call that must fail with `code` and leave a message.
  subroutine expect_error(code, what)
    integer(c_int32_t), intent(in) :: code
    character(len=*), intent(in) :: what
    if (ierr /= code) then
      nfail = nfail + 1
      print '(a,i0,a,i0)', 'FAILED: ' // what // ': status ', ierr, ', expected ', code
    else if (len(vtkwire_last_error()) == 0) then
      nfail = nfail + 1
      print '(a)', 'FAILED: ' // what // ': empty message'
    else
      print '(a)', 'expected error (' // what // '): ' // vtkwire_last_error()
    end if
  end subroutine expect_error

  subroutine run()
    call build_image()
    call check_image(img, 'built')
    call build_poly()
    call check_poly(poly)
    call build_table()
    call build_multiblock()
    call marshal_round_trip()
    call legacy_round_trip()
    call show_errors()
    call vtkwire_release_memory()  ! hand back what vtkwire kept for reuse
  end subroutine run

  subroutine build_image()
    character(len=:), allocatable :: summary
    call vtkwire_image_data_new([0, 3, 0, 2, 0, 1], [1.5d0, -2d0, 0.25d0], [0.5d0, 0.25d0, 2d0], img, ierr)
    call ok('image_data_new')
    call vtkwire_image_data_set_direction(img, direction, ierr)
    call ok('set_direction')

    ! A (3, 24) array: 3 components per tuple; named components; moved into the object.
    call vtkwire_array_new('velocity', velocity, vel, ierr)
    call ok('array_new velocity')
    call vtkwire_array_set_component_name(vel, 0, 'vx', ierr)
    call vtkwire_array_set_component_name(vel, 2, 'vz', ierr)
    call ok('set_component_name')
    call vtkwire_object_add_array_take(img, VTKWIRE_ASSOCIATION_POINT, vel, ierr)
    call ok('add_array_take')
    call expect(.not. vtkwire_associated(vel), 'vel is null after add_array_take')
    call vtkwire_object_set_active(img, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_VECTORS, ierr, name='velocity')
    call ok('set_active vectors')

    ! Zero-copy scalars (temperature must outlive img), with a lookup table.
    call vtkwire_object_add_array_data_borrowed(img, VTKWIRE_ASSOCIATION_POINT, 'temperature', temperature, ierr)
    call ok('add_array_data_borrowed')
    call vtkwire_object_set_active(img, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_SCALARS, ierr, name='temperature')
    call ok('set_active scalars')

    ! Cell arrays: int32, int64 as vtkIdType, strings.
    call vtkwire_object_add_array_data(img, VTKWIRE_ASSOCIATION_CELL, 'material', material, ierr)
    call ok('add material')
    call vtkwire_object_add_array_data(img, VTKWIRE_ASSOCIATION_CELL, 'cell_id', cell_ids, ierr, &
        type=VTKWIRE_TYPE_ID_TYPE)
    call ok('add cell_id')
    call vtkwire_array_new_strings('label', labels, arr, ierr)
    call ok('array_new_strings')
    call vtkwire_object_add_array(img, VTKWIRE_ASSOCIATION_CELL, arr, ierr)
    call ok('add label')
    call vtkwire_array_free(arr)

    ! Field data: a bit array from logicals.
    call vtkwire_array_new_bits('flags', [.true., .false., .true.], arr, ierr)
    call ok('array_new_bits')
    call vtkwire_object_add_array(img, VTKWIRE_ASSOCIATION_FIELD, arr, ierr)
    call ok('add flags')
    call vtkwire_array_free(arr)

    call vtkwire_object_validate(img, ierr)
    call ok('validate image')
    call vtkwire_object_summary(img, summary, ierr)
    call ok('summary')
    print '(a)', summary
  end subroutine build_image

  subroutine check_image(obj, stage)
    type(vtkwire_object), intent(in) :: obj
    character(len=*), intent(in) :: stage
    type(vtkwire_array) :: a
    integer(c_int32_t) :: extent(6), t, nc
    integer(c_size_t) :: n
    real(c_double) :: origin(3), spacing(3), dir(3,3)
    real(c_double), pointer :: v(:,:)
    real(c_float), pointer :: temp(:)
    integer(c_int32_t), pointer :: mat(:)
    integer(c_int64_t), pointer :: ids(:)
    character(len=:), allocatable :: s
    logical, allocatable :: bits(:)

    call expect(vtkwire_object_type(obj) == VTKWIRE_OBJECT_IMAGE_DATA, stage // ': type')
    call expect(vtkwire_object_class_name(obj) == 'vtkImageData', stage // ': class name')
    call vtkwire_object_extent(obj, extent, ierr)
    call expect(all(extent == [0, 3, 0, 2, 0, 1]), stage // ': extent')
    call vtkwire_object_count(obj, VTKWIRE_ASSOCIATION_POINT, n, ierr)
    call expect(n == 24, stage // ': 24 points')
    call vtkwire_image_data_geometry(obj, origin, spacing, dir, ierr)
    call ok(stage // ': geometry')
    call expect(same8(origin, [1.5d0, -2d0, 0.25d0]) .and. same8(spacing, [0.5d0, 0.25d0, 2d0]), &
        stage // ': origin and spacing')
    call expect(same8([dir], [direction]), stage // ': direction (row, column)')

    call vtkwire_object_active_array(obj, VTKWIRE_ASSOCIATION_POINT, VTKWIRE_ROLE_VECTORS, a, ierr)
    call ok(stage // ': active vectors')
    call vtkwire_array_name(a, s, ierr)
    call expect(s == 'velocity', stage // ': vectors are velocity')
    call vtkwire_array_info(a, t, n, nc, ierr)
    call expect(t == VTKWIRE_TYPE_DOUBLE .and. n == 24 .and. nc == 3, stage // ': velocity info')
    call vtkwire_array_data(a, v, ierr)  ! a (3, 24) pointer into the object
    call ok(stage // ': velocity data')
    call expect(all(shape(v) == [3, 24]), stage // ': velocity shape')
    call expect(same8([v], [velocity]), stage // ': velocity values')
    call vtkwire_array_component_name(a, 2, s, ierr)
    call expect(s == 'vz', stage // ': component name')
    call vtkwire_array_component_name(a, 1, s, ierr)
    call expect(s == '', stage // ': unnamed component')

    call vtkwire_object_array_by_name(obj, VTKWIRE_ASSOCIATION_POINT, 'temperature', a, ierr)
    call vtkwire_array_data(a, temp, ierr)
    call expect(same4(temp, temperature), stage // ': temperature values')

    call vtkwire_object_array_by_name(obj, VTKWIRE_ASSOCIATION_CELL, 'material', a, ierr)
    call vtkwire_array_data(a, mat, ierr)
    call expect(all(mat == material), stage // ': material values')
    call vtkwire_object_array_by_name(obj, VTKWIRE_ASSOCIATION_CELL, 'cell_id', a, ierr)
    call vtkwire_array_info(a, t, n, nc, ierr)
    call expect(t == VTKWIRE_TYPE_ID_TYPE, stage // ': cell_id is vtkIdType')
    call vtkwire_array_data(a, ids, ierr)
    call expect(all(ids == cell_ids), stage // ': cell_id values')

    call vtkwire_object_array_by_name(obj, VTKWIRE_ASSOCIATION_CELL, 'label', a, ierr)
    do i = 1, 6
      call vtkwire_array_string(a, i - 1, s, ierr)
      call expect(s == trim(labels(i)) .and. len(s) == len_trim(labels(i)), stage // ': label ' // trim(labels(i)))
    end do

    call vtkwire_object_array(obj, VTKWIRE_ASSOCIATION_FIELD, 0, a, ierr)
    call vtkwire_array_bits(a, bits, ierr)
    call ok(stage // ': bits')
    call expect(size(bits) == 3, stage // ': 3 bits')
    if (size(bits) == 3) call expect(bits(1) .and. .not. bits(2) .and. bits(3), stage // ': bit values')
  end subroutine check_image

  subroutine build_poly()
    call vtkwire_poly_data_new(poly, ierr)
    call vtkwire_object_set_points(poly, poly_points, ierr)
    call ok('set_points')
    ! Two triangles (offsets + connectivity, default integers) and a line (classic layout).
    call vtkwire_poly_data_set_cells(poly, VTKWIRE_POLY_POLYS, [0, 3, 6], [0, 1, 2, 0, 2, 3], ierr)
    call ok('set_cells')
    call vtkwire_poly_data_set_cells_legacy(poly, VTKWIRE_POLY_LINES, [2, 1, 3], ierr)
    call ok('set_cells_legacy')
    call vtkwire_object_add_array_data(poly, VTKWIRE_ASSOCIATION_POINT, 'height', [0d0, 0d0, 0d0, 0.5d0], ierr)
    call ok('add height')
    call vtkwire_object_validate(poly, ierr)
    call ok('validate poly')
  end subroutine build_poly

  subroutine check_poly(obj)
    type(vtkwire_object), intent(in) :: obj
    type(vtkwire_array) :: pts
    real(c_float), pointer :: xyz(:,:)
    integer(c_int64_t), pointer :: offsets(:), conn(:)
    call expect(vtkwire_object_type(obj) == VTKWIRE_OBJECT_POLY_DATA, 'poly: type')
    call vtkwire_object_points(obj, pts, ierr)
    call vtkwire_array_data(pts, xyz, ierr)
    call ok('poly: points')
    call expect(same4([xyz], [poly_points]), 'poly: point values')
    call vtkwire_poly_data_cells(obj, VTKWIRE_POLY_POLYS, offsets, conn, ierr)
    call ok('poly: cells')
    call expect(all(offsets == [0, 3, 6]) .and. all(conn == [0, 1, 2, 0, 2, 3]), 'poly: triangles')
    call vtkwire_poly_data_cells(obj, VTKWIRE_POLY_LINES, offsets, conn, ierr)
    call expect(all(offsets == [0, 2]) .and. all(conn == [1, 3]), 'poly: line')
  end subroutine check_poly

  subroutine build_table()
    integer(c_size_t) :: n
    call vtkwire_table_new(table, ierr)
    call vtkwire_object_add_array_data(table, VTKWIRE_ASSOCIATION_ROW, 'step', [1_c_int16_t, 2_c_int16_t, 3_c_int16_t], &
        ierr)
    call ok('table: add step')
    call vtkwire_object_add_array_data(table, VTKWIRE_ASSOCIATION_ROW, 'value', [1.5d0, 2.5d0, 3.5d0], ierr)
    call ok('table: add value')
    call vtkwire_object_count(table, VTKWIRE_ASSOCIATION_ROW, n, ierr)
    call expect(n == 3, 'table: 3 rows')
  end subroutine build_table

  subroutine build_multiblock()
    integer(c_size_t) :: n
    character(len=:), allocatable :: name
    logical :: has_name
    call vtkwire_multiblock_new(0, mb, ierr)
    call vtkwire_multiblock_set_block(mb, 0, img, ierr, name='image')
    call ok('set_block image')
    call vtkwire_multiblock_set_block(mb, 1, poly, ierr)  ! unnamed
    call ok('set_block poly')
    call vtkwire_multiblock_set_block(mb, 3, table, ierr, name='table')  ! block 2 stays null
    call ok('set_block table')
    call vtkwire_multiblock_block_count(mb, n, ierr)
    call expect(n == 4, 'multiblock: 4 blocks')
    call vtkwire_multiblock_block(mb, 0, block, ierr, name=name)
    call expect(name == 'image', 'multiblock: block 0 name')
    call check_image(block, 'block 0')
    call vtkwire_multiblock_block(mb, 1, block, ierr, has_name=has_name)
    call expect(.not. has_name, 'multiblock: block 1 unnamed')
    call check_poly(block)
    call vtkwire_multiblock_block(mb, 2, block, ierr)
    call expect(.not. vtkwire_associated(block), 'multiblock: block 2 is null')
    call expect(vtkwire_object_type(block) == VTKWIRE_OBJECT_NULL, 'multiblock: null type')
    call vtkwire_object_validate(mb, ierr)
    call ok('validate multiblock')
  end subroutine build_multiblock

  subroutine marshal_round_trip()
    integer(c_int8_t), allocatable :: bytes(:), again(:), buf(:)
    integer(c_size_t) :: n, written
    call vtkwire_marshal(mb, bytes, ierr)
    call ok('marshal')
    call vtkwire_marshaled_size(mb, n, ierr)
    call expect(n == size(bytes), 'marshaled_size')
    allocate(buf(n))
    call vtkwire_marshal_into(mb, buf, written, ierr)
    call ok('marshal_into')
    call expect(written == n .and. all(buf == bytes), 'marshal_into bytes')

    call vtkwire_unmarshal(bytes, back, ierr)
    call ok('unmarshal')
    call vtkwire_multiblock_block(back, 0, block, ierr)
    call check_image(block, 'unmarshaled block 0')
    call vtkwire_multiblock_block(back, 1, block, ierr)
    call check_poly(block)
    call vtkwire_marshal(back, again, ierr)
    call expect(size(again) == size(bytes), 'marshal again: size')
    if (size(again) == size(bytes)) call expect(all(again == bytes), 'marshal again: identical bytes')
  end subroutine marshal_round_trip

  subroutine legacy_round_trip()
    integer :: unit
    call vtkwire_legacy_write(img, 'fortran_objects_image.vtk', ierr, binary=.false.)
    call ok('legacy_write')
    call vtkwire_legacy_read('fortran_objects_image.vtk', from_file, ierr)
    call ok('legacy_read')
    call check_image(from_file, 'legacy file')
    open(newunit=unit, file='fortran_objects_image.vtk', status='old')
    close(unit, status='delete')
  end subroutine legacy_round_trip

  subroutine show_errors()
    type(vtkwire_object) :: bad
    type(vtkwire_array) :: a
    real(c_float), pointer :: wrong(:)
    integer(c_int8_t) :: truncated(10)

    call vtkwire_image_data_new([0, -5, 0, 1, 0, 1], [0d0, 0d0, 0d0], [1d0, 1d0, 1d0], bad, ierr)
    call expect_error(VTKWIRE_STATUS_INVALID_OBJECT, 'inconsistent extent')
    call expect(.not. vtkwire_associated(bad), 'no object on failure')

    call vtkwire_object_array_by_name(img, VTKWIRE_ASSOCIATION_POINT, 'no such array', a, ierr)
    call expect_error(VTKWIRE_STATUS_NOT_FOUND, 'missing array')

    call vtkwire_object_array_by_name(img, VTKWIRE_ASSOCIATION_CELL, 'material', a, ierr)
    call vtkwire_array_data(a, wrong, ierr)  ! int32 values through a real(c_float) pointer
    call expect_error(VTKWIRE_STATUS_WRONG_ARRAY_TYPE, 'pointer of the wrong kind')
    call expect(.not. associated(wrong), 'no pointer on failure')

    call vtkwire_array_free(a, ierr)  ! a is borrowed from img
    call expect_error(VTKWIRE_STATUS_INVALID_ARGUMENT, 'freeing a borrowed array')

    call vtkwire_tree_new(3, reshape([0, 1, 1, 2, 2, 0], [2, 3]), bad, ierr)
    call expect_error(VTKWIRE_STATUS_INVALID_OBJECT, 'tree with a cycle')

    call vtkwire_object_set_points(table, [0d0, 0d0, 0d0], ierr)
    call expect_error(VTKWIRE_STATUS_WRONG_OBJECT_TYPE, 'points on a table')

    truncated = 0_c_int8_t
    call vtkwire_unmarshal(truncated, bad, ierr)
    call expect(ierr /= VTKWIRE_STATUS_OK, 'unmarshal of garbage fails')
    print '(a)', 'expected error (garbage bytes): ' // vtkwire_status_str(ierr) // ': ' // vtkwire_last_error()

    call vtkwire_object_free(bad)  ! null after every failure: a no-op
  end subroutine show_errors

end program fortran_objects
