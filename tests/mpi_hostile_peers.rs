//! Hostile MPI peers (issue 10): a peer rank sends VTK-protocol violations to a vtkwire rank in
//! one MPMD job; the vtkwire rank must get an error (never an abort, never a quiet OK), keep its
//! memory bounded, leave nothing of the hostile send on the communicator, and then receive a
//! well-formed object correctly.
//!
//! The scenarios (tests/mpi/hostile.rs: lying lengths, counts and name lengths, bad headers,
//! wrong datatypes, the wrong object type, truncated and missing messages, size bombs, hostile
//! broadcast roots) are written as a script of raw MPI operations, which a peer replays:
//!
//! * `hostile_peers_mpi4py`: tests/mpi/hostile_peer.py, Debian's mpi4py (Open MPI builds only:
//!   Debian has no mpi4py for MPICH);
//! * `hostile_peers_c`: tests/mpi/hostile_peer.c, the same replay in C, built with the `mpicc`
//!   of the MPI vtkwire was built with — the MPICH run of the scenarios (and a second Open MPI
//!   run).
//!
//! ```text
//! mpirun -n 1 <peer> <script> : -n 1 <this test binary> --exact child
//! ```
//!
//! Rank 1 (this binary re-entered through `child`) runs every scenario's receive, checks status
//! and message, the elapsed time, for the bombs the growth of the memory it uses (`Pss`,
//! sampled during the receive) and of its peak address space (`VmPeak`), then proves the drain: `MPI_Probe(peer, MPI_ANY_TAG)` must see the
//! follow-up object's header first (MPI's non-overtaking rule puts any leftover of the scenario
//! before it), and the follow-up must be VTK 9.1's triangle of reference Appendix A.1. It prints
//! one `WIRE … ok|FAIL` line per check; the test fails on any `FAIL`, a missing summary, a
//! non-zero exit or a timeout. A missing tool skips with a notice (fails under `CI`).

#[path = "mpi/harness.rs"]
mod harness;
#[path = "mpi/hostile.rs"]
mod hostile;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use hostile::{ACK_TAG, FOLLOW_TAG, Outcome, PEER, Recv, Scenario};
use vtkwire::Status;
use vtkwire::ffi::array::{vtkwire_array, vtkwire_array_free};
use vtkwire::ffi::mpi::{vtkwire_array_recv_timeout, vtkwire_object_recv, vtkwire_object_recv_timeout};
use vtkwire::ffi::object::{vtkwire_object, vtkwire_object_free};
use vtkwire::model::{DataObject, PolyData};
use vtkwire::mpi::comm::Comm;
use vtkwire::mpi::request::{Received, Request};
use vtkwire::mpi::sys::{self, Dt};
use vtkwire::mpi::{collective, protocol};

/// Set (to the scenario set's name) in the vtkwire rank of a job.
const CHILD: &str = "VTKWIRE_HOSTILE_CHILD";
/// Set in the subprocess that checks whether the legacy reader refuses the payload bombs.
const PROBE: &str = "VTKWIRE_HOSTILE_PROBE";

/// The scenarios of a set: "protocol" or "bombs".
fn scenario_set(set: &str) -> Vec<Scenario> {
    if set == "bombs" { hostile::payload_bombs() } else { hostile::scenarios() }
}

/// Caps this process's address space: a payload bomb that still allocates from its header then
/// fails fast instead of exhausting the machine.
fn cap_address_space(bytes: u64) {
    let r = libc::rlimit { rlim_cur: bytes, rlim_max: bytes };
    // SAFETY: a plain setrlimit on this process.
    unsafe { libc::setrlimit(libc::RLIMIT_AS, &r) };
}

fn skip_or_fail(why: &str) {
    if std::env::var_os("CI").is_some() {
        panic!("the hostile-peer test cannot run in CI: {why}");
    }
    eprintln!("NOTICE: skipping a hostile-peer test: {why}");
}

/// Writes the script of a set; returns its path.
fn write_script(name: &str, set: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("hostile_{name}.script"));
    std::fs::write(&path, hostile::script(&scenario_set(set))).unwrap();
    path
}

/// Runs `peer… script : this binary child` under the launcher of the built MPI; checks output.
fn run_job(name: &str, set: &str, peer: &[&str]) {
    let (_, mpirun, _, env) = harness::launcher();
    let script = write_script(name, set);
    let exe = std::env::current_exe().unwrap();
    let mut cmd = Command::new(mpirun);
    cmd.args(["-n", "1"])
        .args(peer)
        .arg(&script)
        .args([":", "-n", "1"])
        .arg(&exe)
        .args(["--exact", "child", "--nocapture", "--test-threads=1"])
        .env(CHILD, set)
        .envs(env);
    let (out, err) = harness::run_mpmd(cmd, &format!("the hostile-peer job ({name})"), Duration::from_secs(240));
    let n = scenario_set(set).len();
    assert!(out.contains(&format!("WIRE SUMMARY 0 failures, {n} scenarios")), "no summary from the vtkwire rank");
    assert!(out.contains(&format!("PEER done {n} scenarios")), "no summary from the peer");
    // Each scenario: outcome, drain (except broadcasts), follow-up.
    let oks = out.lines().filter(|l| l.starts_with("WIRE ") && l.contains(" ok")).count();
    assert!(oks >= 2 * n, "only {oks} checks passed for {n} scenarios");
    // Nothing printed by the library on the vtkwire rank (the launcher's own lines aside).
    assert!(!err.contains("panicked"), "a panic message reached stderr:\n{err}");
}

#[test]
fn hostile_peers_mpi4py() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    if sys::built_flavour() != sys::Flavour::OpenMpi {
        eprintln!(
            "NOTICE: skipping the mpi4py hostile peer: Debian's mpi4py is built for Open MPI (hostile_peers_c covers MPICH)"
        );
        return;
    }
    let probe = Command::new(harness::VTK_PYTHON).args(["-c", "import mpi4py.MPI, numpy"]).output();
    match probe {
        Ok(o) if o.status.success() => {}
        Ok(o) => {
            return skip_or_fail(&format!(
                "mpi4py/numpy for {}: {}",
                harness::VTK_PYTHON,
                String::from_utf8_lossy(&o.stderr)
            ));
        }
        Err(e) => return skip_or_fail(&format!("{}: {e}", harness::VTK_PYTHON)),
    }
    let py = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/mpi/hostile_peer.py");
    run_job("mpi4py", "protocol", &[harness::VTK_PYTHON, py.to_str().unwrap()]);
}

#[test]
fn hostile_peers_c() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    let (cc, mpirun, ..) = harness::launcher();
    for tool in [cc, mpirun] {
        if Command::new(tool).arg("--version").output().is_err() {
            return skip_or_fail(&format!("{tool} not found"));
        }
    }
    let peer = harness::build("tests/mpi/hostile_peer.c");
    run_job("c", "protocol", &[peer.to_str().unwrap()]);
}

/// The legacy-bytes bombs of issue 10 as object payloads (tests/mpi/hostile.rs,
/// `payload_bombs`), sent by the C peer. Refusing them is the legacy reader's job (issue 10,
/// classes 1 and 2); until the reader does, this test skips with a notice (fails under `CI`):
/// a subprocess with a capped address space first checks that `unmarshal` refuses each payload.
#[test]
fn hostile_payload_bombs() {
    if std::env::var_os(CHILD).is_some() || std::env::var_os(PROBE).is_some() {
        return;
    }
    let (cc, mpirun, ..) = harness::launcher();
    for tool in [cc, mpirun] {
        if Command::new(tool).arg("--version").output().is_err() {
            return skip_or_fail(&format!("{tool} not found"));
        }
    }
    let exe = std::env::current_exe().unwrap();
    let probe = Command::new("timeout")
        .arg("60")
        .arg(&exe)
        .args(["--exact", "reader_refuses_bombs", "--nocapture", "--test-threads=1"])
        .env(PROBE, "1")
        .output()
        .expect("probe");
    let text = String::from_utf8_lossy(&probe.stdout);
    if !probe.status.success() || !text.contains("BOMBS REFUSED") {
        return skip_or_fail(&format!(
            "the legacy reader does not refuse the payload bombs yet (issue 10 classes 1-2: reader hardening); \
             unmarshal in a subprocess ended with {}:\n{text}",
            probe.status
        ));
    }
    let peer = harness::build("tests/mpi/hostile_peer.c");
    run_job("bombs", "bombs", &[peer.to_str().unwrap()]);
}

/// The probe of `hostile_payload_bombs` (a no-op unless launched by it): unmarshals each bomb
/// under a 4 GiB address-space cap.
#[test]
fn reader_refuses_bombs() {
    if std::env::var_os(PROBE).is_none() {
        return;
    }
    cap_address_space(4 << 30);
    for sc in hostile::payload_bombs() {
        let Some(hostile::Op::Send { data: hostile::Data::Bytes(payload), .. }) = sc.ops.last() else { panic!() };
        let r = std::panic::catch_unwind(|| vtkwire::legacy::unmarshal(payload).map(|o| o.is_some()));
        println!("{}: {:?}", sc.name, r.as_ref().map(|x| x.as_ref().map_err(|e| e.status)));
        assert!(matches!(r, Ok(Err(_))), "{} is not refused", sc.name);
    }
    println!("BOMBS REFUSED");
}

/// Rank 1 of the job (a no-op unless launched by the tests above).
#[test]
fn child() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    // SAFETY: this process owns MPI: initialized here, finalized at the end.
    unsafe { mpi_sys::MPI_Init(std::ptr::null_mut(), std::ptr::null_mut()) };
    let set = std::env::var(CHILD).unwrap_or_default();
    if set == "bombs" {
        cap_address_space(16 << 30);
    }
    let scenarios = scenario_set(&set);
    let failures = run_child(&scenarios);
    println!("WIRE SUMMARY {failures} failures, {} scenarios", scenarios.len());
    // SAFETY: as above.
    unsafe { mpi_sys::MPI_Finalize() };
    assert_eq!(failures, 0);
}

struct Checks(usize);

impl Checks {
    fn report(&mut self, what: &str, ok: bool, detail: impl FnOnce() -> String) {
        if ok {
            println!("WIRE {what} ok {}", detail());
        } else {
            self.0 += 1;
            println!("WIRE {what} FAIL {}", detail());
        }
    }
}

/// A `kB` field of a /proc/self file, in bytes.
fn proc_kb(file: &str, key: &str) -> usize {
    let s = std::fs::read_to_string(file).unwrap_or_default();
    s.lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<usize>().ok())
        .map_or(0, |kb| kb * 1024)
}

/// Proportional set size: the memory the process uses, each page counted once however many
/// times it is mapped (RSS counts every mapping of a page: a drain sink maps one block many
/// times, which RSS would count as if it were the whole message).
fn pss() -> usize {
    proc_kb("/proc/self/smaps_rollup", "Pss:")
}

/// Peak virtual size (`VmPeak`): grows with any allocation larger than every earlier one, even
/// one never touched (`vec![0; n]` is lazily zeroed).
fn vm_peak() -> usize {
    proc_kb("/proc/self/status", "VmPeak:")
}

/// Runs `f` while a second thread samples [`pss`] every 2 ms; returns `f`'s result and the
/// largest growth seen. (The sampler makes no MPI call.)
fn with_peak_pss<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = pss();
    let stop = AtomicBool::new(false);
    let peak = AtomicUsize::new(base);
    let r = std::thread::scope(|s| {
        s.spawn(|| {
            while !stop.load(Ordering::Relaxed) {
                peak.fetch_max(pss(), Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(2));
            }
        });
        let r = f();
        stop.store(true, Ordering::Relaxed);
        r
    });
    peak.fetch_max(pss(), Ordering::Relaxed);
    (r, peak.load(Ordering::Relaxed).saturating_sub(base))
}

/// What a receive gave, as (status, message, what came).
type Got = (Status, String, String);

fn got<T: std::fmt::Debug>(r: vtkwire::Result<T>) -> Got {
    match r {
        Ok(v) => (Status::Ok, String::new(), format!("{v:?}").chars().take(80).collect()),
        Err(e) => (e.status, e.message, String::new()),
    }
}

fn last_error() -> String {
    // SAFETY: a NUL-terminated thread-local string owned by vtkwire.
    unsafe { std::ffi::CStr::from_ptr(vtkwire::ffi::status::vtkwire_last_error()) }.to_string_lossy().into_owned()
}

fn receive(world: &Comm, raw: mpi_sys::MPI_Comm, sc: &Scenario) -> Got {
    match sc.recv {
        Recv::Object => got(protocol::recv_object(world, PEER, sc.tag)),
        Recv::Array => got(protocol::recv_array(world, PEER, sc.tag)),
        Recv::IntoPolyData => {
            let mut o = DataObject::PolyData(PolyData::default());
            got(protocol::recv_object_into(world, PEER, sc.tag, &mut o))
        }
        Recv::ObjectTimeout(secs) => {
            let mut out: *mut vtkwire_object = std::ptr::null_mut();
            // SAFETY: a valid communicator and output pointer.
            let st = unsafe { vtkwire_object_recv_timeout(PEER, sc.tag, raw, secs, &mut out) };
            let msg = last_error();
            // SAFETY: NULL or an object we own.
            unsafe { vtkwire_object_free(out) };
            (st, msg, String::new())
        }
        Recv::ArrayTimeout(secs) => {
            let mut out: *mut vtkwire_array = std::ptr::null_mut();
            // SAFETY: as above.
            let st = unsafe { vtkwire_array_recv_timeout(PEER, sc.tag, raw, secs, &mut out) };
            let msg = last_error();
            // SAFETY: NULL or an array we own.
            unsafe { vtkwire_array_free(out) };
            (st, msg, String::new())
        }
        Recv::ObjectPoll(secs) => {
            let mut r = match Request::irecv_object(world, PEER, sc.tag) {
                Ok(r) => r,
                Err(e) => return (e.status, e.message, String::new()),
            };
            let start = Instant::now();
            loop {
                match r.test() {
                    Ok(true) => {
                        return (
                            Status::Ok,
                            String::new(),
                            format!("{:?}", r.take().map(|x| matches!(x, Received::Object(Some(_))))),
                        );
                    }
                    Ok(false) if start.elapsed().as_secs_f64() > secs => {
                        r.abandon();
                        return (Status::Ok, String::new(), "pending".to_owned());
                    }
                    Ok(false) => std::thread::sleep(Duration::from_millis(1)),
                    Err(e) => return (e.status, e.message, String::new()),
                }
            }
        }
        Recv::ObjectC => {
            let mut out: *mut vtkwire_object = std::ptr::null_mut();
            // SAFETY: a valid communicator and output pointer.
            let st = unsafe { vtkwire_object_recv(PEER, sc.tag, raw, &mut out) };
            let msg = last_error();
            // SAFETY: NULL or an object we own.
            unsafe { vtkwire_object_free(out) };
            (st, msg, String::new())
        }
        Recv::BcastArray => got(collective::bcast_array(world, None, PEER)),
        Recv::BcastObject => got(collective::bcast_object(world, None, PEER)),
    }
}

fn outcome_ok(want: &Outcome, g: &Got) -> bool {
    match want {
        Outcome::Error(st, parts) => g.0 == *st && parts.iter().all(|p| g.1.contains(p)),
        Outcome::Nothing => g.0 == Status::Ok && g.2 == "None",
        Outcome::Pending => g.0 == Status::Ok && g.2 == "pending",
        Outcome::Refused => g.0 != Status::Ok && g.0 != Status::Panic,
    }
}

/// The next message from the peer, whatever its tag, must be the follow-up's header (probed,
/// not received); anything before it is a leftover of the scenario, received and listed here so
/// that the job goes on.
fn check_nothing_left(world: &Comm, c: &mut Checks, what: &str) {
    let mut leftovers = Vec::new();
    loop {
        let mut st = sys::empty_status();
        // SAFETY: valid communicator, output to a local.
        unsafe { mpi_sys::MPI_Probe(PEER, sys::any_tag(), world.raw(), &mut st) };
        if st.MPI_TAG == FOLLOW_TAG {
            break;
        }
        let mut msg: mpi_sys::MPI_Message = sys::handle_from_bits(0);
        // SAFETY: as above; matches the message just probed (single-threaded receiver).
        unsafe { mpi_sys::MPI_Mprobe(PEER, st.MPI_TAG, world.raw(), &mut msg, &mut st) };
        let mut n: mpi_sys::MPI_Count = 0;
        // SAFETY: a status from MPI_Mprobe.
        unsafe { mpi_sys::MPI_Get_elements_x(&st, Dt::Byte.handle(), &mut n) };
        let len = usize::try_from(n).unwrap();
        let mut buf = vec![0u8; len.max(1)];
        // SAFETY: buf holds the whole message.
        unsafe {
            mpi_sys::MPI_Mrecv(
                buf.as_mut_ptr().cast(),
                i32::try_from(len).unwrap(),
                Dt::Byte.handle(),
                &mut msg,
                sys::empty_status_ptr(),
            )
        };
        leftovers.push((st.MPI_TAG, len));
    }
    c.report(&format!("{what}: drained"), leftovers.is_empty(), || {
        if leftovers.is_empty() {
            String::new()
        } else {
            format!("left on the communicator (tag, bytes): {leftovers:?}")
        }
    });
}

/// The follow-up object: VTK's 8 messages of the reference's triangle, received by vtkwire and
/// compared with the triangle built from the reference's description.
fn follow_up(world: &Comm, c: &mut Checks, what: &str) {
    let r = protocol::recv_object(world, PEER, FOLLOW_TAG);
    let ok = matches!(&r, Ok(Some(o)) if *o == hostile::triangle());
    c.report(&format!("{what}: follow-up object"), ok, || if ok { String::new() } else { format!("{r:?}") });
}

fn follow_up_bcast(world: &Comm, c: &mut Checks, what: &str) {
    let r = collective::bcast_array(world, None, PEER);
    let ok = matches!(&r, Ok(Some(a)) if a.name.as_deref() == Some("ids")
        && (0..a.data().len()).map(|k| a.data().value_i64(k).unwrap()).collect::<Vec<_>>() == [7, 8, 9]);
    c.report(&format!("{what}: follow-up broadcast"), ok, || format!("{r:?}"));
}

/// The timed receives' own arguments, checked before any MPI call: no message is consumed (the
/// first scenario's receive then gets its messages).
fn argument_checks(raw: mpi_sys::MPI_Comm, c: &mut Checks) {
    let mut out: *mut vtkwire_object = 8 as *mut vtkwire_object;
    for (secs, want) in
        [(-1.0, Status::InvalidArgument), (f64::NAN, Status::InvalidArgument), (f64::INFINITY, Status::InvalidArgument)]
    {
        // SAFETY: valid communicator and output pointer (never written on failure).
        let st = unsafe { vtkwire_object_recv_timeout(PEER, 100, raw, secs, &mut out) };
        c.report(&format!("arguments: timeout {secs}"), st == want && out as usize == 8, || {
            format!("{st:?}: {}", last_error())
        });
    }
    // SAFETY: NULL output pointer: rejected before any MPI call.
    let st = unsafe { vtkwire_object_recv_timeout(PEER, 100, raw, 1.0, std::ptr::null_mut()) };
    c.report("arguments: out_obj NULL", st == Status::NullArgument && last_error().contains("out_obj"), || {
        format!("{st:?}")
    });
    // SAFETY: as above.
    let st = unsafe { vtkwire_array_recv_timeout(PEER, 100, raw, 1.0, std::ptr::null_mut()) };
    c.report("arguments: out_array NULL", st == Status::NullArgument && last_error().contains("out_array"), || {
        format!("{st:?}")
    });
    let mut a: *mut vtkwire_array = std::ptr::null_mut();
    // SAFETY: a valid output pointer; source 7 is no rank of a 2-rank communicator.
    let st = unsafe { vtkwire_array_recv_timeout(7, 100, raw, 1.0, &mut a) };
    c.report("arguments: source 7", st == Status::OutOfRange && a.is_null(), || format!("{st:?}: {}", last_error()));
}

fn run_child(scenarios: &[Scenario]) -> usize {
    // SAFETY: a constant of mpi-sys's shim.
    let raw = unsafe { mpi_sys::RSMPI_COMM_WORLD };
    let world = Comm::borrow(raw).unwrap();
    assert_eq!(world.size(), 2, "run as rank 1 of a 2-rank MPMD job");
    assert_eq!(world.rank(), 1);
    let can_measure = pss() > 0;
    let mut c = Checks(0);
    argument_checks(raw, &mut c);
    for (i, sc) in scenarios.iter().enumerate() {
        let what = format!("{i:02} [{}] {}", sc.class, sc.name);
        // The user-facing limit (vtkwire_limits_set_max_object_bytes) bounds receives.
        if let Some(l) = sc.limit {
            vtkwire::limits::set_max_object_bytes(l).expect("a positive limit");
        }
        let vm0 = vm_peak();
        let start = Instant::now();
        let (g, growth) = if sc.max_rss_growth.is_some() {
            with_peak_pss(|| receive(&world, raw, sc))
        } else {
            (receive(&world, raw, sc), 0)
        };
        let secs = start.elapsed().as_secs_f64();
        let vm_growth = vm_peak().saturating_sub(vm0);
        if sc.limit.is_some() {
            vtkwire::limits::reset();
        }
        let ok = outcome_ok(&sc.outcome, &g) && secs <= sc.max_secs;
        c.report(&what, ok, || format!("({secs:.2} s) {:?}: {}{}", g.0, g.1, g.2));
        if let Some(max) = sc.max_rss_growth {
            if can_measure {
                c.report(
                    &format!("{what}: memory in use grew {} KiB ≤ {} KiB", growth / 1024, max / 1024),
                    growth <= max,
                    String::new,
                );
            } else {
                println!("WIRE {what}: memory not measured (no /proc/self/smaps_rollup)");
            }
        }
        if let Some(max) = sc.max_vm_growth {
            c.report(
                &format!("{what}: peak address space grew {} KiB ≤ {} KiB", vm_growth / 1024, max / 1024),
                vm_growth <= max,
                String::new,
            );
        }
        if matches!(sc.recv, Recv::BcastArray | Recv::BcastObject) {
            follow_up_bcast(&world, &mut c, &what);
        } else {
            check_nothing_left(&world, &mut c, &what);
            follow_up(&world, &mut c, &what);
        }
        let ack = [i32::try_from(i).unwrap()];
        // SAFETY: one int.
        unsafe { mpi_sys::MPI_Send(ack.as_ptr().cast(), 1, Dt::Int.handle(), PEER, ACK_TAG, world.raw()) };
    }
    c.0
}
