//! The exact §4.2 message sequence, checked message by message with raw MPI receives, and the
//! INT_MAX chunking (including the trailing empty message) with the chunk size lowered to 4 on
//! both ranks. The test re-launches itself under `mpirun -n 2` (Open MPI builds only).

use std::process::Command;

use vtkwire::model::DataArray;
use vtkwire::mpi::comm::Comm;
use vtkwire::mpi::protocol;
use vtkwire::mpi::sys::{self, Dt};

#[test]
fn chunking_and_trace() {
    if std::env::var_os("VTKWIRE_MPI_CHILD").is_some() || sys::built_flavour() != sys::Flavour::OpenMpi {
        return;
    }
    let exe = std::env::current_exe().unwrap();
    let out = Command::new("timeout")
        .args(["120", "mpirun.openmpi", "-n", "2"])
        .arg(&exe)
        .args(["--exact", "child", "--nocapture", "--test-threads=1"])
        .env("VTKWIRE_MPI_CHILD", "1")
        .env("OMPI_ALLOW_RUN_AS_ROOT", "1")
        .env("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
        .output()
        .expect("mpirun.openmpi");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("TRACE ok"), "{stdout}");
    assert!(stdout.contains("CHUNKS ok"), "{stdout}");
}

/// One raw message: (count in `dt`, tag, bytes).
fn raw(comm: &Comm, dt: Dt, elem: usize, max: usize, tag: i32) -> (i32, i32, Vec<u8>) {
    let mut buf = vec![0u8; max * elem + 8];
    let mut st = sys::empty_status();
    let mut n = 0;
    unsafe {
        mpi_sys::MPI_Recv(buf.as_mut_ptr().cast(), max as i32, dt.handle(), 0, tag, comm.raw(), &mut st);
        mpi_sys::MPI_Get_count(&st, dt.handle(), &mut n);
    }
    buf.truncate(n as usize * elem);
    (n, st.MPI_TAG, buf)
}

fn ints(b: &[u8]) -> Vec<i32> {
    b.chunks(4).map(|c| i32::from_ne_bytes(c.try_into().unwrap())).collect()
}

#[test]
fn child() {
    if std::env::var_os("VTKWIRE_MPI_CHILD").is_none() {
        return;
    }
    unsafe { mpi_sys::MPI_Init(std::ptr::null_mut(), std::ptr::null_mut()) };
    let world = Comm::borrow(unsafe { mpi_sys::RSMPI_COMM_WORLD }).unwrap();
    assert_eq!(world.size(), 2, "run on 2 ranks");
    protocol::set_chunk_elements_for_testing(4);
    let abc = DataArray::from_vec(Some("abc"), 2, vec![1.0f32, 2.0, 3.0, 4.0]).unwrap();
    let ten = DataArray::from_vec(Some("ten"), 1, (0..10).collect::<Vec<i32>>()).unwrap();
    if world.rank() == 0 {
        protocol::send_array(&world, Some(&abc), 1, 80).unwrap();
        protocol::send_array(&world, Some(&ten), 1, 81).unwrap();
        protocol::send_array(&world, Some(&abc), 1, 82).unwrap();
    } else {
        // §4.2 trace of the first array send of the process (N = 1000), 4 floats in chunks of 4:
        // the 4-value message, then the trailing empty one.
        let (n, _, h) = raw(&world, Dt::Int, 4, 2, 80);
        let h = ints(&h);
        assert_eq!((n, h[0], h[1]), (2, 0, 1080));
        let m = h[1];
        assert_eq!(ints(&raw(&world, Dt::Int, 4, 1, m).2), [10]);
        assert_eq!(raw(&world, Dt::LongLong, 8, 1, m).2, 2i64.to_ne_bytes());
        assert_eq!(ints(&raw(&world, Dt::Int, 4, 1, m).2), [2]);
        assert_eq!(ints(&raw(&world, Dt::Int, 4, 1, m).2), [4]);
        assert_eq!(raw(&world, Dt::Char, 1, 4, m).2, b"abc\0");
        let (n, _, v) = raw(&world, Dt::Float, 4, 4, m);
        assert_eq!((n, v.len()), (4, 16));
        let (n, _, _) = raw(&world, Dt::Float, 4, 4, m);
        assert_eq!(n, 0, "trailing empty message");
        println!("TRACE ok");
        // 10 ints in chunks 4, 4, 2, and an exact multiple (4 = 4 + empty) through the receiver.
        let got = protocol::recv_array(&world, -1, 81).unwrap().unwrap();
        assert_eq!(got, ten);
        let got = protocol::recv_array(&world, 0, 82).unwrap().unwrap();
        assert_eq!(got, abc);
        println!("CHUNKS ok");
    }
    unsafe { mpi_sys::MPI_Finalize() };
}
