//! `vtkwire_release_memory`: memory vtkwire freed and kept for reuse goes back to the kernel.
//! The truth is the process's resident size from /proc/self/statm, read around the call.

use std::hint::black_box;

use vtkwire::ffi::marshal::{vtkwire_bytes_free, vtkwire_marshal, vtkwire_release_memory};
use vtkwire::model::{AttributeRole, DataArray, DataObject, ImageData};

fn resident_bytes() -> u64 {
    let s = std::fs::read_to_string("/proc/self/statm").unwrap();
    let pages: u64 = s.split_whitespace().nth(1).unwrap().parse().unwrap();
    pages * 4096
}

#[test]
fn release_memory_returns_freed_buffers_to_the_kernel() {
    // 256 MiB of float32 values: marshaled to ~256 MiB, freed, kept by the allocator.
    let start = resident_bytes();
    let n = 64 << 20;
    let mut img = ImageData::new([0, i32::try_from(n).unwrap() - 1, 0, 0, 0, 0], [0.0; 3], [1.0; 3]);
    img.point_data
        .add_with_role(
            DataArray::from_vec(Some("v"), 1, (0..n).map(|i| i as f32).collect()).unwrap(),
            AttributeRole::Scalars,
        )
        .unwrap();
    let obj = DataObject::ImageData(img);
    let handle = vtkwire::ffi::object::object_into_handle(obj);
    let (mut bytes, mut len) = (std::ptr::null_mut(), 0usize);
    // SAFETY: `handle` is the live handle made just above; the outputs are locals.
    let st = unsafe { vtkwire_marshal(handle.cast_const(), &mut bytes, &mut len) };
    assert_eq!(st as i32, 0);
    assert!(len > 4 * n);
    // SAFETY: the buffer and length vtkwire_marshal returned (it succeeded), freed once.
    unsafe { vtkwire_bytes_free(black_box(bytes), len) };
    // SAFETY: the handle made above, not used after this, freed once.
    unsafe { vtkwire::ffi::object::vtkwire_object_free(handle) };
    let freed = resident_bytes();
    vtkwire_release_memory();
    let released = resident_bytes();
    let mib = |b: u64| b >> 20;
    let trace = format!(
        "resident MiB: start {}, after free {}, after release {}; buffer {} MiB",
        mib(start),
        mib(freed),
        mib(released),
        len >> 20
    );
    // With mimalloc the freed buffers stay resident for reuse (why the call exists)...
    #[cfg(feature = "mimalloc")]
    assert!(freed.saturating_sub(start) >= len as u64 / 2, "{trace}");
    // ...and whatever the allocator, after the call the process is back near where it started.
    assert!(released.saturating_sub(start) < len as u64 / 4, "{trace}");
    eprintln!("{trace}");
    // A second call is harmless.
    vtkwire_release_memory();
}
