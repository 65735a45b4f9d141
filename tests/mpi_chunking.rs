//! The exact §4.2 message sequence, checked message by message with raw MPI receives, and the
//! INT_MAX chunking (including the trailing empty message) with the chunk size lowered on both
//! ranks: arrays and data objects, blocking and non-blocking, at exact multiples of the chunk
//! (1×, 2×, n×: a trailing empty message, which the receiver must consume — a follow-up message
//! on the same tag proves nothing stray is left) and not. The same sequences at the real
//! `INT_MAX` chunk size, with messages over 2 GiB, are in tests/mpi_big.rs. The test re-launches
//! itself under the launcher of the MPI vtkwire was built with.

#[path = "mpi/harness.rs"]
mod harness;

use std::process::Command;

use vtkwire::model::{DataArray, DataObject, Table};
use vtkwire::mpi::codec;
use vtkwire::mpi::collective;
use vtkwire::mpi::comm::Comm;
use vtkwire::mpi::protocol;
use vtkwire::mpi::request::{Received, Request};
use vtkwire::mpi::sys::{self, Dt};

#[test]
fn chunking_and_trace() {
    if std::env::var_os("VTKWIRE_MPI_CHILD").is_some() {
        return;
    }
    let exe = std::env::current_exe().unwrap();
    let (_, mpirun, _, env) = harness::launcher();
    let out = Command::new("timeout")
        .args(["120", mpirun, "-n", "2"])
        .arg(&exe)
        .args(["--exact", "child", "--nocapture", "--test-threads=1"])
        .env("VTKWIRE_MPI_CHILD", "1")
        .envs(env)
        .output()
        .expect("launcher");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("TRACE ok"), "{stdout}");
    assert!(stdout.contains("CHUNKS ok"), "{stdout}");
    assert!(stdout.contains("ARRAY MULTIPLES ok"), "{stdout}");
    assert!(stdout.contains("OBJECT MULTIPLES ok"), "{stdout}");
    assert!(stdout.contains("SCATTER ok on rank 0") && stdout.contains("SCATTER ok on rank 1"), "{stdout}");
}

/// A vtkTable with one int column, and its marshaled length (the object payload in `MPI_CHAR`s).
fn table() -> (DataObject, usize) {
    let mut t = Table::default();
    t.row_data.add(DataArray::from_vec(Some("c"), 1, (0..7).collect::<Vec<i32>>()).unwrap());
    let o = DataObject::Table(t);
    let n = codec::marshal(Some(&o)).unwrap().len();
    (o, n)
}

fn marshaled(o: &Option<DataObject>) -> Vec<u8> {
    codec::marshal(o.as_ref()).unwrap()
}

/// Array and object exchanges whose payload is an exact multiple of the chunk (and one that is
/// not), blocking and non-blocking, each followed by a marker array on the same tag.
fn exact_multiples(world: &Comm) {
    let marker = DataArray::from_vec(Some("marker"), 1, vec![7i8]).unwrap();
    let eight = DataArray::from_vec(Some("eight"), 2, (0..8).map(f64::from).collect::<Vec<f64>>()).unwrap();
    let twelve = DataArray::from_vec(None, 3, (0..12).collect::<Vec<i64>>()).unwrap();
    // (array, chunk): 8 = 2×4, 8 = 1×8, 8 = 8×1, 12 = 3×4, 12 = 1×12, and 8 in 3s (not a multiple).
    let cases = [(&eight, 4), (&eight, 8), (&eight, 1), (&twelve, 4), (&twelve, 12), (&eight, 3)];
    for (i, (a, chunk)) in cases.iter().enumerate() {
        protocol::set_chunk_elements_for_testing(*chunk);
        let tag = 200 + i32::try_from(i).unwrap();
        if world.rank() == 0 {
            protocol::send_array(world, Some(a), 1, tag).unwrap();
            protocol::send_array(world, Some(&marker), 1, tag).unwrap();
            let mut r = Request::isend_array(world, Some(a), 1, tag).unwrap();
            r.wait().unwrap();
            protocol::send_array(world, Some(&marker), 1, tag).unwrap();
        } else if world.rank() == 1 {
            assert_eq!(protocol::recv_array(world, 0, tag).unwrap().as_ref(), Some(*a), "case {i}");
            assert_eq!(protocol::recv_array(world, 0, tag).unwrap(), Some(marker.clone()), "case {i}: stray message");
            let mut r = Request::irecv_array(world, 0, tag).unwrap();
            r.wait().unwrap();
            match r.take() {
                Some(Received::Array(got)) => assert_eq!(got.as_ref(), Some(*a), "case {i} (non-blocking)"),
                other => panic!("case {i}: {other:?}"),
            }
            assert_eq!(protocol::recv_array(world, 0, tag).unwrap(), Some(marker.clone()), "case {i}: stray message");
        }
    }
    if world.rank() == 1 {
        println!("ARRAY MULTIPLES ok");
    }

    // The object payload (the marshaled bytes as a char array) at 1×, 2× (if even), n×, and not.
    let (obj, len) = table();
    let mut chunks = vec![len, 1];
    if len % 2 == 0 {
        chunks.push(len / 2);
    }
    chunks.push(len - 1);
    let want = marshaled(&Some(obj.clone()));
    for (i, chunk) in chunks.into_iter().enumerate() {
        protocol::set_chunk_elements_for_testing(chunk);
        let tag = 300 + i32::try_from(i).unwrap();
        if world.rank() == 0 {
            protocol::send_object(world, Some(&obj), 1, tag).unwrap();
            protocol::send_array(world, Some(&marker), 1, tag).unwrap();
            let mut r = Request::isend_object(world, Some(&obj), 1, tag).unwrap();
            r.wait().unwrap();
            protocol::send_array(world, Some(&marker), 1, tag).unwrap();
        } else if world.rank() == 1 {
            let got = protocol::recv_object(world, 0, tag).unwrap();
            assert_eq!(marshaled(&got), want, "object, chunk {chunk} of {len}");
            assert_eq!(
                protocol::recv_array(world, 0, tag).unwrap(),
                Some(marker.clone()),
                "chunk {chunk}: stray message"
            );
            let mut r = Request::irecv_object(world, 0, tag).unwrap();
            r.wait().unwrap();
            match r.take() {
                Some(Received::Object(got)) => {
                    assert_eq!(marshaled(&got), want, "object, chunk {chunk} (non-blocking)")
                }
                other => panic!("chunk {chunk}: {other:?}"),
            }
            assert_eq!(
                protocol::recv_array(world, 0, tag).unwrap(),
                Some(marker.clone()),
                "chunk {chunk}: stray message"
            );
        }
    }
    if world.rank() == 1 {
        println!("OBJECT MULTIPLES ok");
    }
}

/// One raw message: (count in `dt`, tag, bytes).
fn raw(comm: &Comm, dt: Dt, elem: usize, max: usize, tag: i32) -> (i32, i32, Vec<u8>) {
    let mut buf = vec![0u8; max * elem + 8];
    let mut st = sys::empty_status();
    let mut n = 0;
    let count = i32::try_from(max).expect("a test count fits an int");
    // SAFETY: `buf` holds `max × elem` bytes (and 8 more), `elem` being `dt`'s size at every call
    // site, and MPI writes at most `max` elements (a longer message is an error, not an
    // overflow); `st` is a local status.
    let rc = unsafe { mpi_sys::MPI_Recv(buf.as_mut_ptr().cast(), count, dt.handle(), 0, tag, comm.raw(), &mut st) };
    assert_eq!(rc, 0, "MPI_Recv");
    // SAFETY: `st` was filled by the MPI_Recv above; `n` is a local int.
    let rc = unsafe { mpi_sys::MPI_Get_count(&st, dt.handle(), &mut n) };
    assert_eq!(rc, 0, "MPI_Get_count");
    buf.truncate(usize::try_from(n).expect("a defined count") * elem);
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
    // SAFETY: this process owns MPI: initialized here, once (NULL argc/argv are allowed),
    // finalized at the end of this function.
    unsafe { mpi_sys::MPI_Init(std::ptr::null_mut(), std::ptr::null_mut()) };
    // SAFETY: reads mpi-sys's `const MPI_Comm` copy of MPI_COMM_WORLD, set before main.
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
        let got = protocol::recv_array(&world, sys::any_source(), 81).unwrap().unwrap();
        assert_eq!(got, ten);
        let got = protocol::recv_array(&world, 0, 82).unwrap().unwrap();
        assert_eq!(got, abc);
        println!("CHUNKS ok");
    }
    exact_multiples(&world);
    scatter(&world);
    drop(world);
    // SAFETY: MPI was initialized above by this process; the only communicator built on it is
    // dropped, and nothing calls MPI after this.
    unsafe { mpi_sys::MPI_Finalize() };
}

/// The object scatter (vtkwire's own call): each rank gets its object (and a null one), and a
/// root that fails before sending (wrong object count) makes every rank fail, none wait.
fn scatter(world: &Comm) {
    protocol::set_chunk_elements_for_testing(usize::MAX >> 1);
    let t = |n: i32| {
        let mut t = Table::default();
        t.row_data.add(DataArray::from_vec(Some("n"), 1, (0..n).collect::<Vec<i32>>()).unwrap());
        DataObject::Table(t)
    };
    let (a, b) = (t(3), t(5));
    let objs = [Some(&a), None];
    let got = collective::scatter_objects(world, (world.rank() == 0).then_some(&objs[..]), 0).unwrap();
    assert_eq!(got.as_ref(), if world.rank() == 0 { Some(&a) } else { None });
    let objs = [Some(&b), Some(&a)];
    let got = collective::scatter_objects(world, (world.rank() == 1).then_some(&objs[..]), 1).unwrap();
    assert_eq!(got.as_ref(), Some(if world.rank() == 0 { &b } else { &a }));
    // The root holds one object for two ranks: its own error, a protocol error elsewhere.
    let short = [Some(&a)];
    let e = collective::scatter_objects(world, (world.rank() == 0).then_some(&short[..]), 0).unwrap_err();
    if world.rank() == 0 {
        assert_eq!(e.status, vtkwire::Status::InvalidArgument, "{}", e.message);
    } else {
        assert_eq!(e.status, vtkwire::Status::Protocol, "{}", e.message);
        assert!(e.message.contains("root (rank 0)"), "{}", e.message);
    }
    // The channel is clean afterwards.
    let got = collective::scatter_objects(world, (world.rank() == 0).then_some(&objs[..]), 0).unwrap();
    assert_eq!(got.as_ref(), Some(if world.rank() == 0 { &b } else { &a }));
    println!("SCATTER ok on rank {}", world.rank());
}
