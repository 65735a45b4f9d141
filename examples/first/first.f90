! first.f90 — a first vtkwire program in Fortran: a triangle with a point array, marshaled to
! VTK's bytes, read back, and written as a legacy .vtk file ParaView opens. Without `ierr`, a
! failing call prints vtkwire's message and stops. Needs no MPI (module vtkwire; MPI is in
! vtkwire_mpi):
!   gfortran -Ibuild/mod first.f90 libvtkwire_fortran.a -Ltarget/release -lvtkwire
program first
  use, intrinsic :: iso_c_binding
  use vtkwire
  implicit none
  real(c_float) :: xyz(3, 3) = reshape([0., 0., 0., 1., 0., 0., 0., 1., 0.], [3, 3])
  real(c_double) :: temperature(3) = [20.5d0, 21.0d0, 19.5d0]
  type(vtkwire_object) :: mesh, copy
  integer(c_int8_t), allocatable :: bytes(:)
  character(len=:), allocatable :: summary
  character(len=256) :: path

  path = 'triangle.vtk'
  if (command_argument_count() > 0) call get_command_argument(1, path)
  call vtkwire_poly_data_new(mesh)
  call vtkwire_object_set_points(mesh, xyz)                   ! shape (3, npoints)
  call vtkwire_poly_data_set_cells(mesh, VTKWIRE_POLY_POLYS, [0_c_int64_t, 3_c_int64_t], &
      [0_c_int64_t, 1_c_int64_t, 2_c_int64_t])                ! offsets, connectivity (0-based)
  call vtkwire_object_add_array_data(mesh, VTKWIRE_ASSOCIATION_POINT, 'temperature', temperature)
  call vtkwire_marshal(mesh, bytes)                           ! the bytes of VTK's MarshalDataObject
  call vtkwire_unmarshal(bytes, copy)
  call vtkwire_legacy_write(copy, trim(path))
  call vtkwire_object_summary(copy, summary)
  print '(i0, a, a)', size(bytes), ' bytes; read back: ', summary
  call vtkwire_object_free(copy)
  call vtkwire_object_free(mesh)
end program first
