//! `cargo bench --bench mpi_send`: point-to-point cost of VTK's object protocol on 2 ranks.
//!
//! Run as is, it relaunches itself under `mpirun -n 2` (Open MPI: `mpirun.openmpi` with the
//! run-as-root variables; a MPICH build: `mpiexec.mpich`); `VTKWIRE_MPIRUN` overrides the
//! launcher. Under a launcher already (`mpirun -n 2 target/release/deps/mpi_send-…`) it runs
//! directly. Ping-pong between ranks 0 and 1, per message size, best of 5 rounds:
//!
//! * `object`   — `send_object` / `recv_object`: marshal + VTK's 8 messages + unmarshal
//!   (what `vtkwire_object_send` / `_recv` cost end to end);
//! * `protocol` — the same 8 messages of already marshaled bytes (`send_marshaled` /
//!   `recv_marshaled`): the protocol's own overhead;
//! * `raw`      — one `MPI_Send` / `MPI_Recv` of the same bytes (the floor).
//!
//! Times are one-way (half a round trip); MB/s counts the marshaled bytes.

use std::process::Command;
use std::time::Instant;

use vtkwire::model::{DataArray, DataObject, ImageData};
use vtkwire::mpi::comm::Comm;
use vtkwire::mpi::{protocol, sys};

fn under_launcher() -> bool {
    ["OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "MPI_LOCALNRANKS"].iter().any(|v| std::env::var_os(v).is_some())
}

fn relaunch() -> ! {
    let exe = std::env::current_exe().expect("current_exe");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let launcher = std::env::var("VTKWIRE_MPIRUN").unwrap_or_else(|_| match sys::built_flavour() {
        sys::Flavour::OpenMpi => "mpirun.openmpi".into(),
        sys::Flavour::Mpich => "mpiexec.mpich".into(),
    });
    let status = Command::new(&launcher)
        .args(["-n", "2"])
        .arg(exe)
        .args(args)
        .env("OMPI_ALLOW_RUN_AS_ROOT", "1")
        .env("OMPI_ALLOW_RUN_AS_ROOT_CONFIRM", "1")
        .status()
        .unwrap_or_else(|e| panic!("cannot run {launcher}: {e} (set VTKWIRE_MPIRUN)"));
    std::process::exit(status.code().unwrap_or(1));
}

/// An image with one double point array: `n` points, ~8n marshaled bytes.
fn image(n: usize) -> DataObject {
    let mut img = ImageData::new([0, n as i32 - 1, 0, 0, 0, 0], [0.0; 3], [1.0; 3]);
    let vals: Vec<f64> = (0..n).map(|i| i as f64 * 0.5).collect();
    img.point_data.add(DataArray::from_vec(Some("p"), 1, vals).unwrap());
    DataObject::ImageData(img)
}

fn raw_send(comm: &Comm, b: &[u8], peer: i32) {
    // SAFETY: b.len() bytes; sizes here stay far below INT_MAX.
    let rc = unsafe { mpi_sys::MPI_Send(b.as_ptr().cast(), b.len() as i32, sys::Dt::Char.handle(), peer, 7, comm.raw()) };
    assert_eq!(rc, 0);
}

fn raw_recv(comm: &Comm, b: &mut [u8], peer: i32) {
    let mut st = sys::empty_status();
    // SAFETY: as above.
    let rc = unsafe {
        mpi_sys::MPI_Recv(b.as_mut_ptr().cast(), b.len() as i32, sys::Dt::Char.handle(), peer, 7, comm.raw(), &mut st)
    };
    assert_eq!(rc, 0);
}

/// Best one-way time (s) over 5 rounds of `iters` round trips of `f(is_sender_turn)`.
fn time(comm: &Comm, iters: usize, mut f: impl FnMut(bool)) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        comm.barrier().unwrap();
        let t = Instant::now();
        for _ in 0..iters {
            if comm.rank() == 0 {
                f(true);
                f(false);
            } else {
                f(false);
                f(true);
            }
        }
        best = best.min(t.elapsed().as_secs_f64() / (2 * iters) as f64);
    }
    best
}

fn main() {
    if !under_launcher() {
        relaunch();
    }
    // SAFETY: this process owns MPI.
    unsafe { mpi_sys::MPI_Init(std::ptr::null_mut(), std::ptr::null_mut()) };
    // SAFETY: constant of mpi-sys's shim.
    let comm = Comm::borrow(unsafe { mpi_sys::RSMPI_COMM_WORLD }).expect("MPI_COMM_WORLD");
    assert_eq!(comm.size(), 2, "mpi_send bench needs exactly 2 ranks");
    let peer = 1 - comm.rank();
    if comm.rank() == 0 {
        println!("{}", sys::library_version().lines().next().unwrap_or(""));
        println!("{:>12} {:>10} {:>12} {:>10} {:>12} {:>10} {:>12} {:>10}", "bytes", "iters", "object µs", "MB/s", "protocol µs", "MB/s", "raw µs", "MB/s");
    }
    for n in [16usize, 1 << 10, 1 << 14, 1 << 17, 1 << 20, 1 << 23] {
        let obj = image(n);
        let bytes = vtkwire::legacy::marshal(Some(&obj)).unwrap();
        let len = bytes.len();
        let iters = (64 << 20) / len.max(1 << 12) + 2;
        let t_obj = time(&comm, iters, |send| {
            if send {
                protocol::send_object(&comm, Some(&obj), peer, 5).unwrap();
            } else {
                let o = protocol::recv_object(&comm, peer, 5).unwrap();
                std::hint::black_box(o);
            }
        });
        let t_proto = time(&comm, iters, |send| {
            if send {
                protocol::send_marshaled(&comm, obj.type_code(), &bytes, peer, 6).unwrap();
            } else {
                let r = protocol::recv_marshaled(&comm, peer, 6).unwrap();
                std::hint::black_box(r);
            }
        });
        let mut buf = vec![0u8; len];
        let t_raw = time(&comm, iters, |send| if send { raw_send(&comm, &bytes, peer) } else { raw_recv(&comm, &mut buf, peer) });
        if comm.rank() == 0 {
            let mbs = |t: f64| len as f64 / t / 1e6;
            println!(
                "{len:>12} {iters:>10} {:>12.1} {:>10.0} {:>12.1} {:>10.0} {:>12.1} {:>10.0}",
                t_obj * 1e6,
                mbs(t_obj),
                t_proto * 1e6,
                mbs(t_proto),
                t_raw * 1e6,
                mbs(t_raw)
            );
        }
    }
    drop(comm);
    // SAFETY: as above.
    unsafe { mpi_sys::MPI_Finalize() };
}
