//! VTK's legacy format: the bytes of `vtkCommunicator::MarshalDataObject` and `.vtk` files.
