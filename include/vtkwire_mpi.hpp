// vtkwire_mpi.hpp — the MPI half of the C++17 bindings (vtkwire_mpi.h): free functions taking
// the caller's `MPI_Comm` (send, recv_object, bcast, gather, reduce, isend/irecv returning a RAII
// `Request`…), a RAII `Comm`, and the process-wide VTK peer version (`set_vtk_peer_version`,
// `vtk_peer_version`). Includes vtkwire.hpp, vtkwire_mpi.h and <mpi.h>; compiles under
// -Wall -Wextra -Werror without -DOMPI_SKIP_MPICXX (vtkwire_mpi.h defines it before <mpi.h>).
//
// Deliberately unwrapped: the `_f` twins take Fortran handles (for the Fortran module):
//   vtkwire-unwrapped: *_f
#ifndef VTKWIRE_MPI_HPP
#define VTKWIRE_MPI_HPP

#include "vtkwire_mpi.h"
#include "vtkwire.hpp"

namespace vtkwire {

// ---- MPI ---------------------------------------------------------------------------------
//
// Every function takes the caller's MPI_Comm and borrows it (see `# MPI` in vtkwire.h for who
// reads what and which calls are collective). MPI must be initialized by the application.

/// A VTK release (`major.minor`), as the peer version.
struct VtkVersion {
  int32_t major = 9;
  int32_t minor = 1;
  friend bool operator==(VtkVersion a, VtkVersion b) noexcept { return a.major == b.major && a.minor == b.minor; }
  friend bool operator!=(VtkVersion a, VtkVersion b) noexcept { return !(a == b); }
};

/// Sets the VTK version the peer ranks speak, for the whole process (not an MPI call). It
/// selects the length exchange of the root-ed gathers (`gather(ObjectView…)`, `gatherv`):
/// `MPI_Gather` to the root below 9.5 (the default, 9.1), `MPI_Allgather` from 9.5 on. Every
/// rank must use the version of the job's VTK ranks. Overrides `VTKWIRE_VTK_PEER_VERSION`.
/// Throws INVALID_ARGUMENT (setting unchanged) for a major outside 5..99 or a minor outside 0..99.
inline void set_vtk_peer_version(int32_t major, int32_t minor) { check(vtkwire_set_vtk_peer_version(major, minor)); }
inline void set_vtk_peer_version(VtkVersion v) { set_vtk_peer_version(v.major, v.minor); }
/// The VTK version of the peer ranks: set with `set_vtk_peer_version`, else from
/// `VTKWIRE_VTK_PEER_VERSION` (read once), else 9.1. Throws INVALID_ARGUMENT when the
/// environment variable is malformed.
inline VtkVersion vtk_peer_version() {
  VtkVersion v;
  check(vtkwire_get_vtk_peer_version(&v.major, &v.minor));
  return v;
}

/// VTK's reduction operations (vtkCommunicator::StandardOperations).
enum class Op : int32_t {
  Max = 0,
  Min = 1,
  Sum = 2,
  Product = 3,
  LogicalAnd = 4,
  BitwiseAnd = 5,
  LogicalOr = 6,
  BitwiseOr = 7,
  LogicalXor = 8,
  BitwiseXor = 9,
};

namespace detail {
inline int comm_rank(MPI_Comm comm) {
  int r = 0;
  if (MPI_Comm_rank(comm, &r) != MPI_SUCCESS) throw Error(VTKWIRE_STATUS_MPI, "MPI_Comm_rank failed");
  return r;
}
inline std::size_t comm_size(MPI_Comm comm) {
  int n = 0;
  if (MPI_Comm_size(comm, &n) != MPI_SUCCESS || n < 1) throw Error(VTKWIRE_STATUS_MPI, "MPI_Comm_size failed");
  return static_cast<std::size_t>(n);
}
inline std::vector<Object> adopt_all(std::vector<vtkwire_object *> &raw) {
  std::vector<Object> out;
  out.reserve(raw.size());
  for (vtkwire_object *o : raw) out.emplace_back(o);
  return out;
}
} // namespace detail

/// Sends `obj` (a null view sends VTK's null object) as vtkCommunicator::Send does. Blocking.
inline void send(ObjectView obj, int dest, int tag, MPI_Comm comm) {
  check(vtkwire_object_send(obj.get(), dest, tag, comm));
}
/// Sends an array as vtkCommunicator::Send(vtkDataArray*). Blocking.
inline void send(ArrayView array, int dest, int tag, MPI_Comm comm) {
  check(vtkwire_array_send(array.get(), dest, tag, comm));
}
/// Sends already marshaled bytes with the data-object message sequence (type -1: null object).
inline void send_marshaled(int32_t type_code, const uint8_t *bytes, std::size_t len, int dest, int tag, MPI_Comm comm) {
  check(vtkwire_marshaled_send(type_code, bytes, len, dest, tag, comm));
}
/// Receives a data object (null Object when the sender sent the null object).
inline Object recv_object(int source, int tag, MPI_Comm comm) {
  vtkwire_object *o = nullptr;
  check(vtkwire_object_recv(source, tag, comm, &o));
  return Object(o);
}
/// As recv_object, but gives up after `timeout_seconds` with a TIMEOUT error (nothing is left
/// half-received on `comm`).
inline Object recv_object(int source, int tag, MPI_Comm comm, double timeout_seconds) {
  vtkwire_object *o = nullptr;
  check(vtkwire_object_recv_timeout(source, tag, comm, timeout_seconds, &o));
  return Object(o);
}
/// Receives into `obj`; the sent type must equal obj's type (WRONG_OBJECT_TYPE otherwise).
inline void recv_into(Object &obj, int source, int tag, MPI_Comm comm) {
  check(vtkwire_object_recv_into(obj.get(), source, tag, comm));
}
/// As recv_array, but gives up after `timeout_seconds` with a TIMEOUT error.
inline Array recv_array(int source, int tag, MPI_Comm comm, double timeout_seconds) {
  vtkwire_array *a = nullptr;
  check(vtkwire_array_recv_timeout(source, tag, comm, timeout_seconds, &a));
  return Array(a);
}
/// Receives a data array (null Array when the sender sent the null array).
inline Array recv_array(int source, int tag, MPI_Comm comm) {
  vtkwire_array *a = nullptr;
  check(vtkwire_array_recv(source, tag, comm, &a));
  return Array(a);
}

/// Broadcast in place: root sends `obj`; on the other ranks `obj` is replaced by what root
/// sent (null for the null object; images arrive as structured points, as in VTK). Collective.
inline void bcast(Object &obj, int root, MPI_Comm comm) {
  vtkwire_object *o = nullptr;
  check(vtkwire_object_bcast(obj.get(), root, comm, &o));
  if (detail::comm_rank(comm) != root) obj = Object(o);
}
/// Broadcast in place of an array; as `bcast(Object&, …)`. Collective.
inline void bcast(Array &array, int root, MPI_Comm comm) {
  vtkwire_array *a = nullptr;
  check(vtkwire_array_bcast(array.get(), root, comm, &a));
  if (detail::comm_rank(comm) != root) array = Array(a);
}

/// Gathers one object per rank on `root` (entry i from rank i; empty vector elsewhere). The
/// lengths travel as the peer version says (`set_vtk_peer_version`).
inline std::vector<Object> gather(ObjectView obj, int root, MPI_Comm comm) {
  std::vector<vtkwire_object *> raw(detail::comm_size(comm), nullptr);
  check(vtkwire_object_gather(obj.get(), root, comm, raw.data(), raw.size()));
  if (detail::comm_rank(comm) != root) return {};
  return detail::adopt_all(raw);
}
/// Every rank gets one object per rank. Collective.
inline std::vector<Object> allgather(ObjectView obj, MPI_Comm comm) {
  std::vector<vtkwire_object *> raw(detail::comm_size(comm), nullptr);
  check(vtkwire_object_allgather(obj.get(), comm, raw.data(), raw.size()));
  return detail::adopt_all(raw);
}
/// Gathers the values of equal-sized arrays on `root` (null Array elsewhere).
inline Array gather(ArrayView array, int root, MPI_Comm comm) {
  vtkwire_array *a = nullptr;
  check(vtkwire_array_gather(array.get(), root, comm, &a));
  return Array(a);
}
/// Gathers arrays of different lengths on `root` (null Array elsewhere). The lengths travel as
/// the peer version says (`set_vtk_peer_version`).
inline Array gatherv(ArrayView array, int root, MPI_Comm comm) {
  vtkwire_array *a = nullptr;
  check(vtkwire_array_gatherv(array.get(), root, comm, &a));
  return Array(a);
}
inline Array allgather(ArrayView array, MPI_Comm comm) {
  vtkwire_array *a = nullptr;
  check(vtkwire_array_allgather(array.get(), comm, &a));
  return Array(a);
}
inline Array allgatherv(ArrayView array, MPI_Comm comm) {
  vtkwire_array *a = nullptr;
  check(vtkwire_array_allgatherv(array.get(), comm, &a));
  return Array(a);
}
/// Scatters root's `send` into every rank's pre-sized `recv`. Collective.
inline void scatter(ArrayView send, Array &recv, int root, MPI_Comm comm) {
  check(vtkwire_array_scatter(send.get(), recv.get(), root, comm));
}
/// Reduction into a new array on `root` (null Array elsewhere).
inline Array reduce(ArrayView array, Op op, int root, MPI_Comm comm) {
  vtkwire_array *a = nullptr;
  check(vtkwire_array_reduce(array.get(), static_cast<int32_t>(op), root, comm, &a));
  return Array(a);
}
inline Array allreduce(ArrayView array, Op op, MPI_Comm comm) {
  vtkwire_array *a = nullptr;
  check(vtkwire_array_allreduce(array.get(), static_cast<int32_t>(op), comm, &a));
  return Array(a);
}
inline void allreduce_inplace(Array &array, Op op, MPI_Comm comm) {
  check(vtkwire_array_allreduce_inplace(array.get(), static_cast<int32_t>(op), comm));
}
inline void reduce_inplace(Array &array, Op op, int root, MPI_Comm comm) {
  check(vtkwire_array_reduce_inplace(array.get(), static_cast<int32_t>(op), root, comm));
}

/// A pending non-blocking send or receive (`vtkwire_request_free` on destruction). Move-only.
/// Complete it with wait()/test()/wait_all() before it is destroyed; keep the communicator alive.
class Request {
public:
  Request() noexcept = default;
  explicit Request(vtkwire_request *owned) noexcept : h_(owned) {}
  Request(const Request &) = delete;
  Request &operator=(const Request &) = delete;
  Request(Request &&o) noexcept : h_(std::exchange(o.h_, nullptr)) {}
  Request &operator=(Request &&o) noexcept {
    if (this != &o) {
      vtkwire_request_free(h_);
      h_ = std::exchange(o.h_, nullptr);
    }
    return *this;
  }
  ~Request() { vtkwire_request_free(h_); }
  vtkwire_request *get() const noexcept { return h_; }
  explicit operator bool() const noexcept { return h_ != nullptr; }

  void wait() { check(vtkwire_request_wait(h_)); }
  /// True when complete (then take_object/take_array for receives).
  bool test() {
    int32_t done = 0;
    check(vtkwire_request_test(h_, &done));
    return done != 0;
  }
  /// The object a completed object receive produced (null Object for the null object).
  Object take_object() {
    vtkwire_object *o = nullptr;
    check(vtkwire_request_take_object(h_, &o));
    return Object(o);
  }
  Array take_array() {
    vtkwire_array *a = nullptr;
    check(vtkwire_request_take_array(h_, &a));
    return Array(a);
  }
  /// Waits for every request (null ones are skipped).
  static void wait_all(std::vector<Request> &requests) {
    std::vector<vtkwire_request *> raw;
    raw.reserve(requests.size());
    for (Request &r : requests)
      if (r) raw.push_back(r.get());
    check(vtkwire_request_waitall(raw.data(), raw.size()));
  }

private:
  vtkwire_request *h_ = nullptr;
};

inline Request isend(ObjectView obj, int dest, int tag, MPI_Comm comm) {
  vtkwire_request *r = nullptr;
  check(vtkwire_object_isend(obj.get(), dest, tag, comm, &r));
  return Request(r);
}
inline Request isend(ArrayView array, int dest, int tag, MPI_Comm comm) {
  vtkwire_request *r = nullptr;
  check(vtkwire_array_isend(array.get(), dest, tag, comm, &r));
  return Request(r);
}
inline Request irecv_object(int source, int tag, MPI_Comm comm) {
  vtkwire_request *r = nullptr;
  check(vtkwire_object_irecv(source, tag, comm, &r));
  return Request(r);
}
inline Request irecv_array(int source, int tag, MPI_Comm comm) {
  vtkwire_request *r = nullptr;
  check(vtkwire_array_irecv(source, tag, comm, &r));
  return Request(r);
}

/// A vtkwire communicator object (`vtkwire_comm_free` on destruction; never frees the MPI
/// communicator it borrows). Move-only.
class Comm {
public:
  Comm() noexcept = default;
  explicit Comm(vtkwire_comm *owned) noexcept : h_(owned) {}
  Comm(const Comm &) = delete;
  Comm &operator=(const Comm &) = delete;
  Comm(Comm &&o) noexcept : h_(std::exchange(o.h_, nullptr)) {}
  Comm &operator=(Comm &&o) noexcept {
    if (this != &o) {
      vtkwire_comm_free(h_);
      h_ = std::exchange(o.h_, nullptr);
    }
    return *this;
  }
  ~Comm() { vtkwire_comm_free(h_); }
  vtkwire_comm *get() const noexcept { return h_; }

  /// Wraps `comm` without duplicating it (keep it alive as long as this Comm).
  static Comm borrow(MPI_Comm comm) {
    vtkwire_comm *c = nullptr;
    check(vtkwire_comm_borrow(comm, &c));
    return Comm(c);
  }
  /// Duplicates `comm` (collective); the duplicate is freed with this Comm.
  static Comm dup(MPI_Comm comm) {
    vtkwire_comm *c = nullptr;
    check(vtkwire_comm_dup(comm, &c));
    return Comm(c);
  }
  MPI_Comm handle() const {
    MPI_Comm c = MPI_COMM_NULL;
    check(vtkwire_comm_handle(h_, &c));
    return c;
  }
  int rank() const {
    int32_t r = 0;
    check(vtkwire_comm_rank(h_, &r));
    return r;
  }
  int size() const {
    int32_t n = 0;
    check(vtkwire_comm_size(h_, &n));
    return n;
  }
  void barrier() const { check(vtkwire_comm_barrier(h_)); }

private:
  vtkwire_comm *h_ = nullptr;
};

} // namespace vtkwire

#endif // VTKWIRE_MPI_HPP
