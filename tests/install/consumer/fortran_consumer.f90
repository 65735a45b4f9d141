! fortran_consumer.f90 — `use vtkwire` from an installed prefix (tests/install/run.sh).
! Builds an image data, checks its type, marshals nothing: only proves the installed module,
! libvtkwire_fortran.a and libvtkwire.so link and run. Prints "fortran_consumer: OK".
program fortran_consumer
  use, intrinsic :: iso_c_binding
  use vtkwire
  implicit none
  type(vtkwire_object) :: img
  integer(c_int32_t) :: ierr

  call vtkwire_image_data_new([0, 3, 0, 2, 0, 1], [0d0, 0d0, 0d0], [1d0, 1d0, 1d0], img, ierr)
  if (ierr /= VTKWIRE_STATUS_OK) error stop "vtkwire_image_data_new failed"
  if (vtkwire_object_type(img) /= VTKWIRE_OBJECT_IMAGE_DATA) error stop "wrong object type"
  call vtkwire_object_free(img, ierr)
  if (ierr /= VTKWIRE_STATUS_OK) error stop "vtkwire_object_free failed"
  print '(a)', "fortran_consumer: OK"
end program fortran_consumer
