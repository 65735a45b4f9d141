// vtkwire.hpp — C++17 header-only bindings over the vtkwire C API (vtkwire.h). No MPI: the
// communicator functions are in vtkwire_mpi.hpp (which includes this header).
//
// Hand-written: idiomatic RAII classes over the generated C API. `cargo run -p xtask -- gen
// --check` fails when an export of include/vtkwire-api.json is neither called here (or in
// vtkwire_mpi.hpp) nor listed below as deliberately unwrapped.
//
//   * RAII owners `vtkwire::Object` and `vtkwire::Array` (move-only; `get()`, `release()`),
//     freeing with `vtkwire_object_free` / `vtkwire_array_free`.
//   * Non-owning views `vtkwire::ObjectView` and `vtkwire::ArrayView` for handles borrowed from
//     another object (arrays of an object, blocks of a multiblock): valid until their owner is
//     modified or freed, exactly as the C docs say. An owner converts to its view implicitly.
//   * Every failing C call throws `vtkwire::Error` (a `std::runtime_error`) carrying the
//     `vtkwire_status` code and this thread's `vtkwire_last_error()` message.
//   * Typed element access: `ArrayView::values<T>()` returns a `vtkwire::DataView<T>`
//     (pointer + size, `data()`, `size()`, `operator[]`, `at()`, iteration), checked against
//     the array's VTK element type: a mismatch throws WRONG_ARRAY_TYPE.
//   * Strings coming back (names, string values) are `std::string_view`s borrowed from the
//     object, like the C pointer + length pairs they wrap (never NUL-terminated); summaries and
//     messages are `std::string` copies.
//   * Names going in are `vtkwire::Name`: a `const char*`, `std::string`, `std::string_view`
//     or `nullptr` (= unnamed / NULL in C).
//
//
// Deliberately unwrapped:
//   vtkwire-unwrapped: vtkwire_last_error_copy (the older form of vtkwire_last_error_get)
#ifndef VTKWIRE_HPP
#define VTKWIRE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "vtkwire.h"

namespace vtkwire {

// ---- errors ------------------------------------------------------------------------------

/// A failed vtkwire call: `status()` is the `vtkwire_status` code (`VTKWIRE_STATUS_*`),
/// `message()` the detail from `vtkwire_last_error()`, and `what()` both with the status name.
class Error : public std::runtime_error {
public:
  Error(int32_t status, std::string message)
      : std::runtime_error(std::string("vtkwire: ") + vtkwire_status_str(status) +
                           (message.empty() ? std::string() : ": " + message)),
        status_(status), message_(std::move(message)) {}

  int32_t status() const noexcept { return status_; }
  const std::string &message() const noexcept { return message_; }

private:
  int32_t status_;
  std::string message_;
};

/// Throws `Error` with the last-error message unless `st` is VTKWIRE_STATUS_OK.
inline void check(vtkwire_status st) {
  if (st != VTKWIRE_STATUS_OK) throw Error(static_cast<int32_t>(st), vtkwire_last_error());
}

/// Static description of a status code.
inline std::string_view status_str(int32_t status) noexcept { return vtkwire_status_str(status); }
/// This thread's last error message (borrowed: valid until the next vtkwire call).
inline std::string_view last_error() noexcept { return vtkwire_last_error(); }
/// The library version ("0.1.0").
inline std::string_view version() noexcept { return vtkwire_version(); }
/// Returns to the operating system the memory vtkwire freed but kept for reuse (see
/// `vtkwire_release_memory`). Never fails.
inline void release_memory() noexcept { vtkwire_release_memory(); }

/// Process-wide limits every read, receive, marshal and write enforces (`vtkwire_limits_*`):
/// the largest object in bytes, and the deepest nesting of composite objects.
struct Limits {
  static void set_max_object_bytes(std::size_t max_bytes) { check(vtkwire_limits_set_max_object_bytes(max_bytes)); }
  static std::size_t max_object_bytes() {
    std::size_t n = 0;
    check(vtkwire_limits_get_max_object_bytes(&n));
    return n;
  }
  static void set_max_depth(int32_t max_depth) { check(vtkwire_limits_set_max_depth(max_depth)); }
  static int32_t max_depth() {
    int32_t d = 0;
    check(vtkwire_limits_get_max_depth(&d));
    return d;
  }
  /// Back to the defaults (physical memory, depth 64).
  static void reset() noexcept { vtkwire_limits_reset(); }
};

/// Copies this thread's last error message (uses `vtkwire_last_error_get`, which never changes
/// the message, so the size query and the copy see the same one).
inline std::string last_error_copy() {
  std::size_t len = 0;
  if (vtkwire_last_error_get(nullptr, 0, &len) != VTKWIRE_STATUS_OK) return std::string();
  std::string s(len, '\0');
  if (len > 0 && vtkwire_last_error_get(s.data(), len + 1, &len) != VTKWIRE_STATUS_OK) return std::string();
  s.resize(len);
  return s;
}

// ---- element types -----------------------------------------------------------------------

namespace detail {
template <class T> struct type_code;  // default VTKWIRE_TYPE_* for a C++ element type
template <> struct type_code<char> : std::integral_constant<int32_t, VTKWIRE_TYPE_CHAR> {};
template <> struct type_code<signed char> : std::integral_constant<int32_t, VTKWIRE_TYPE_SIGNED_CHAR> {};
template <> struct type_code<unsigned char> : std::integral_constant<int32_t, VTKWIRE_TYPE_UNSIGNED_CHAR> {};
template <> struct type_code<short> : std::integral_constant<int32_t, VTKWIRE_TYPE_SHORT> {};
template <> struct type_code<unsigned short> : std::integral_constant<int32_t, VTKWIRE_TYPE_UNSIGNED_SHORT> {};
template <> struct type_code<int> : std::integral_constant<int32_t, VTKWIRE_TYPE_INT> {};
template <> struct type_code<unsigned int> : std::integral_constant<int32_t, VTKWIRE_TYPE_UNSIGNED_INT> {};
template <> struct type_code<long> : std::integral_constant<int32_t, VTKWIRE_TYPE_LONG> {};
template <> struct type_code<unsigned long> : std::integral_constant<int32_t, VTKWIRE_TYPE_UNSIGNED_LONG> {};
template <> struct type_code<long long> : std::integral_constant<int32_t, VTKWIRE_TYPE_LONG_LONG> {};
template <> struct type_code<unsigned long long> : std::integral_constant<int32_t, VTKWIRE_TYPE_UNSIGNED_LONG_LONG> {};
template <> struct type_code<float> : std::integral_constant<int32_t, VTKWIRE_TYPE_FLOAT> {};
template <> struct type_code<double> : std::integral_constant<int32_t, VTKWIRE_TYPE_DOUBLE> {};

enum class kind { sint, uint, real, other };
struct layout {
  std::size_t size;
  kind k;
};

// In-memory layout of a VTK element type code (bit, string, variant: `other`).
constexpr layout layout_of_code(int32_t code) noexcept {
  switch (code) {
  case VTKWIRE_TYPE_CHAR:
  case VTKWIRE_TYPE_SIGNED_CHAR: return {1, kind::sint};
  case VTKWIRE_TYPE_UNSIGNED_CHAR: return {1, kind::uint};
  case VTKWIRE_TYPE_SHORT: return {2, kind::sint};
  case VTKWIRE_TYPE_UNSIGNED_SHORT: return {2, kind::uint};
  case VTKWIRE_TYPE_INT: return {4, kind::sint};
  case VTKWIRE_TYPE_UNSIGNED_INT: return {4, kind::uint};
  case VTKWIRE_TYPE_LONG: return {sizeof(long), kind::sint};
  case VTKWIRE_TYPE_UNSIGNED_LONG: return {sizeof(unsigned long), kind::uint};
  case VTKWIRE_TYPE_ID_TYPE:
  case VTKWIRE_TYPE_LONG_LONG: return {8, kind::sint};
  case VTKWIRE_TYPE_UNSIGNED_LONG_LONG: return {8, kind::uint};
  case VTKWIRE_TYPE_FLOAT: return {4, kind::real};
  case VTKWIRE_TYPE_DOUBLE: return {8, kind::real};
  default: return {0, kind::other};
  }
}

template <class T> constexpr layout layout_of_type() noexcept {
  if constexpr (std::is_floating_point_v<T>) return {sizeof(T), kind::real};
  else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) return {sizeof(T), kind::sint};
  else if constexpr (std::is_integral_v<T>) return {sizeof(T), kind::uint};
  else return {sizeof(T), kind::other};
}

// Element type of a contiguous container (std::vector, std::array, std::string…): anything with
// std::data and std::size except C arrays and pointers (those take the pointer + count overloads).
template <class C, class = void> struct container {};
template <class C>
struct container<C, std::enable_if_t<!std::is_array_v<C>, std::void_t<decltype(std::data(std::declval<const C &>())),
                                                                         decltype(std::size(std::declval<const C &>()))>>> {
  using element = std::remove_cv_t<std::remove_pointer_t<decltype(std::data(std::declval<const C &>()))>>;
};
template <class C> using element_t = typename container<std::remove_cv_t<std::remove_reference_t<C>>>::element;

inline std::string type_name(int32_t code) {
  switch (code) {
  case VTKWIRE_TYPE_BIT: return "bit";
  case VTKWIRE_TYPE_CHAR: return "char";
  case VTKWIRE_TYPE_UNSIGNED_CHAR: return "unsigned_char";
  case VTKWIRE_TYPE_SHORT: return "short";
  case VTKWIRE_TYPE_UNSIGNED_SHORT: return "unsigned_short";
  case VTKWIRE_TYPE_INT: return "int";
  case VTKWIRE_TYPE_UNSIGNED_INT: return "unsigned_int";
  case VTKWIRE_TYPE_LONG: return "long";
  case VTKWIRE_TYPE_UNSIGNED_LONG: return "unsigned_long";
  case VTKWIRE_TYPE_FLOAT: return "float";
  case VTKWIRE_TYPE_DOUBLE: return "double";
  case VTKWIRE_TYPE_ID_TYPE: return "vtkIdType";
  case VTKWIRE_TYPE_STRING: return "string";
  case VTKWIRE_TYPE_SIGNED_CHAR: return "signed_char";
  case VTKWIRE_TYPE_LONG_LONG: return "long_long";
  case VTKWIRE_TYPE_UNSIGNED_LONG_LONG: return "unsigned_long_long";
  case VTKWIRE_TYPE_VARIANT: return "variant";
  default: return "type " + std::to_string(code);
  }
}
} // namespace detail

/// The default `VTKWIRE_TYPE_*` code for element type `T` (int64_t is `long` → LONG on LP64;
/// pass VTKWIRE_TYPE_ID_TYPE explicitly for vtkIdType arrays).
template <class T> inline constexpr int32_t type_code_v = detail::type_code<std::remove_cv_t<T>>::value;

/// Whether elements of C++ type `T` may view/fill an array of VTK type `code`: same size and
/// signedness/floating kind (so `int64_t` reads LONG, LONG_LONG and ID_TYPE arrays; `char`
/// reads any 1-byte integer array).
template <class T> constexpr bool type_matches(int32_t code) noexcept {
  const detail::layout a = detail::layout_of_code(code), b = detail::layout_of_type<T>();
  if (a.k == detail::kind::other || b.k == detail::kind::other) return false;
  if (std::is_same_v<std::remove_cv_t<T>, char>) return a.size == 1 && a.k != detail::kind::real;
  return a.size == b.size && a.k == b.k;
}

// ---- views of borrowed memory ------------------------------------------------------------

/// A read-only pointer + size view of `T`s (C++17 stand-in for `std::span<const T>`).
template <class T> class DataView {
public:
  using value_type = T;
  using const_iterator = const T *;

  constexpr DataView() noexcept = default;
  constexpr DataView(const T *data, std::size_t size) noexcept : data_(data), size_(size) {}

  constexpr const T *data() const noexcept { return data_; }
  constexpr std::size_t size() const noexcept { return size_; }
  constexpr bool empty() const noexcept { return size_ == 0; }
  constexpr const T &operator[](std::size_t i) const noexcept { return data_[i]; }
  const T &at(std::size_t i) const {
    if (i >= size_)
      throw Error(VTKWIRE_STATUS_OUT_OF_RANGE,
                  "index " + std::to_string(i) + " >= size " + std::to_string(size_));
    return data_[i];
  }
  constexpr const T *begin() const noexcept { return data_; }
  constexpr const T *end() const noexcept { return data_ + size_; }
  std::vector<T> to_vector() const { return std::vector<T>(begin(), end()); }

private:
  const T *data_ = nullptr;
  std::size_t size_ = 0;
};

/// A name argument: `nullptr` (NULL in C: unnamed / clear), a C string, a `std::string` or a
/// `std::string_view` (copied to add the NUL). Use it only as a function parameter.
class Name {
public:
  Name(std::nullptr_t) noexcept {}
  Name(const char *s) noexcept : ptr_(s) {}
  Name(const std::string &s) noexcept : ptr_(s.c_str()) {}
  Name(std::string_view s) : copy_(s), owned_(true) {}
  const char *c_str() const noexcept { return owned_ ? copy_.c_str() : ptr_; }

private:
  const char *ptr_ = nullptr;
  std::string copy_;
  bool owned_ = false;
};

namespace detail {
inline std::string_view sv(const char *p, std::size_t n) noexcept {
  return p ? std::string_view(p, n) : std::string_view();
}
// Tuples in `nvalues` values of `ncomponents` components (INVALID_ARGUMENT if they do not divide).
inline std::size_t ntuples_of(std::size_t nvalues, int32_t ncomponents) {
  if (ncomponents < 1)
    throw Error(VTKWIRE_STATUS_INVALID_ARGUMENT, "ncomponents " + std::to_string(ncomponents) + " < 1");
  if (nvalues % static_cast<std::size_t>(ncomponents) != 0)
    throw Error(VTKWIRE_STATUS_INVALID_ARGUMENT, std::to_string(nvalues) + " values are not a multiple of " +
                                                     std::to_string(ncomponents) + " components");
  return nvalues / static_cast<std::size_t>(ncomponents);
}
} // namespace detail

class Array;
class Object;

// ---- arrays ------------------------------------------------------------------------------

/// A non-owning view of an array (an object's array, or an `Array`). Cheap to copy.
class ArrayView {
public:
  ArrayView() noexcept = default;
  explicit ArrayView(const vtkwire_array *handle) noexcept : h_(handle) {}

  const vtkwire_array *get() const noexcept { return h_; }
  explicit operator bool() const noexcept { return h_ != nullptr; }

  /// `VTKWIRE_TYPE_*` code of the elements.
  int32_t type() const { return info().type; }
  std::size_t ntuples() const { return info().ntuples; }
  int32_t ncomponents() const { return info().ncomponents; }
  /// ntuples × ncomponents (bits for bit arrays, values for string arrays).
  std::size_t nvalues() const {
    const Info i = info();
    return i.ntuples * static_cast<std::size_t>(i.ncomponents);
  }

  struct Info {
    int32_t type;
    std::size_t ntuples;
    int32_t ncomponents;
  };
  Info info() const {
    Info i{0, 0, 0};
    check(vtkwire_array_info(h_, &i.type, &i.ntuples, &i.ncomponents));
    return i;
  }

  /// The name (UTF-8); empty for both the unnamed and the empty name (see `has_name`).
  std::string_view name() const {
    const char *p = nullptr;
    std::size_t n = 0;
    check(vtkwire_array_name(h_, &p, &n));
    return detail::sv(p, n);
  }
  /// False for VTK's null name (unnamed array).
  bool has_name() const {
    const char *p = nullptr;
    std::size_t n = 0;
    check(vtkwire_array_name(h_, &p, &n));
    return p != nullptr;
  }

  /// The values as `T`s, checked against the element type (WRONG_ARRAY_TYPE on mismatch).
  template <class T> DataView<T> values() const {
    const int32_t t = type();
    if (!type_matches<T>(t))
      throw Error(VTKWIRE_STATUS_WRONG_ARRAY_TYPE,
                  "array \"" + std::string(name()) + "\" holds " + detail::type_name(t) +
                      " elements, not a " + std::to_string(sizeof(T)) + "-byte " +
                      (std::is_floating_point_v<T> ? "floating" : "integer") + " type");
    const void *p = nullptr;
    std::size_t nbytes = 0;
    check(vtkwire_array_data(h_, &p, &nbytes));
    return DataView<T>(static_cast<const T *>(p), nbytes / sizeof(T));
  }

  /// The raw bytes in memory (native-endian numbers; bit arrays packed MSB-first).
  DataView<uint8_t> bytes() const {
    const void *p = nullptr;
    std::size_t nbytes = 0;
    check(vtkwire_array_data(h_, &p, &nbytes));
    return DataView<uint8_t>(static_cast<const uint8_t *>(p), nbytes);
  }

  /// Bit `i` of a bit array (MSB-first packing).
  bool bit(std::size_t i) const {
    if (type() != VTKWIRE_TYPE_BIT)
      throw Error(VTKWIRE_STATUS_WRONG_ARRAY_TYPE, "array \"" + std::string(name()) + "\" is not a bit array");
    if (i >= nvalues())
      throw Error(VTKWIRE_STATUS_OUT_OF_RANGE, "bit " + std::to_string(i) + " out of range");
    return (bytes()[i / 8] >> (7 - i % 8)) & 1u;
  }

  /// Value `index` of a string (or variant) array.
  std::string_view string(std::size_t index) const {
    const char *p = nullptr;
    std::size_t n = 0;
    check(vtkwire_array_string(h_, index, &p, &n));
    return detail::sv(p, n);
  }
  /// All values of a string (or variant) array.
  std::vector<std::string_view> strings() const {
    const std::size_t n = nvalues();
    std::vector<std::string_view> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) out.push_back(string(i));
    return out;
  }

  /// Name of component `component` (empty when unnamed).
  std::string_view component_name(int32_t component) const {
    const char *p = nullptr;
    std::size_t n = 0;
    check(vtkwire_array_component_name(h_, component, &p, &n));
    return detail::sv(p, n);
  }

  /// Lookup table colors, 4 RGBA bytes per color (throws NOT_FOUND when there is none).
  DataView<uint8_t> lookup_table() const {
    const uint8_t *p = nullptr;
    std::size_t ncolors = 0;
    check(vtkwire_array_lookup_table(h_, &p, &ncolors));
    return DataView<uint8_t>(p, 4 * ncolors);
  }

  /// A deep copy owned by the caller.
  inline Array clone() const;

protected:
  const vtkwire_array *h_ = nullptr;
};

/// An owned array (`vtkwire_array_free` on destruction). Move-only.
class Array : public ArrayView {
public:
  Array() noexcept = default;
  /// Adopts an owned handle (e.g. from `vtkwire_array_new`).
  explicit Array(vtkwire_array *owned) noexcept : ArrayView(owned) {}
  Array(const Array &) = delete;
  Array &operator=(const Array &) = delete;
  Array(Array &&o) noexcept : ArrayView(o.release()) {}
  Array &operator=(Array &&o) noexcept {
    if (this != &o) {
      reset();
      h_ = o.release();
    }
    return *this;
  }
  ~Array() { reset(); }

  vtkwire_array *get() const noexcept { return const_cast<vtkwire_array *>(h_); }
  /// Gives up ownership: the caller frees the handle (or passes it to a `_take` call).
  vtkwire_array *release() noexcept { return const_cast<vtkwire_array *>(std::exchange(h_, nullptr)); }
  void reset() noexcept { vtkwire_array_free(release()); }
  ArrayView view() const noexcept { return ArrayView(h_); }

  /// Copies `ntuples × ncomponents` values (`type` defaults from `T`; it must match `T`).
  template <class T>
  static Array copy(Name name, const T *data, std::size_t ntuples, int32_t ncomponents = 1,
                    int32_t type = type_code_v<T>) {
    check_type<T>(type);
    vtkwire_array *a = nullptr;
    check(vtkwire_array_new(name.c_str(), type, data, ntuples, ncomponents, &a));
    return Array(a);
  }
  /// Copies a contiguous container (`std::vector`, `std::array`, C array…) of
  /// `ntuples × ncomponents` values.
  template <class C, class T = detail::element_t<C>>
  static Array copy(Name name, const C &values, int32_t ncomponents = 1, int32_t type = type_code_v<T>) {
    return copy<T>(name, std::data(values), detail::ntuples_of(std::size(values), ncomponents), ncomponents, type);
  }

  /// Views `data` without copying: it must outlive the array and every object it is added to.
  template <class T>
  static Array borrowed(Name name, const T *data, std::size_t ntuples, int32_t ncomponents = 1,
                        int32_t type = type_code_v<T>) {
    check_type<T>(type);
    vtkwire_array *a = nullptr;
    check(vtkwire_array_new_borrowed(name.c_str(), type, data, ntuples, ncomponents, &a));
    return Array(a);
  }
  template <class C, class T = detail::element_t<C>>
  static Array borrowed(Name name, const C &values, int32_t ncomponents = 1, int32_t type = type_code_v<T>) {
    return borrowed<T>(name, std::data(values), detail::ntuples_of(std::size(values), ncomponents), ncomponents, type);
  }
  template <class C, class T = detail::element_t<C>>
  static Array borrowed(Name, const C &&, int32_t = 1, int32_t = 0) = delete;  // would dangle

  /// A bit array of `ntuples × ncomponents` bits packed MSB-first in `ceil(n/8)` bytes.
  static Array bits(Name name, const uint8_t *packed, std::size_t ntuples, int32_t ncomponents = 1) {
    vtkwire_array *a = nullptr;
    check(vtkwire_array_new(name.c_str(), VTKWIRE_TYPE_BIT, packed, ntuples, ncomponents, &a));
    return Array(a);
  }
  /// A bit array from one bool per bit.
  static Array bits(Name name, const std::vector<bool> &bits, int32_t ncomponents = 1) {
    std::vector<uint8_t> packed((bits.size() + 7) / 8, 0);
    for (std::size_t i = 0; i < bits.size(); ++i)
      if (bits[i]) packed[i / 8] = static_cast<uint8_t>(packed[i / 8] | (0x80u >> (i % 8)));
    return Array::bits(name, packed.data(), detail::ntuples_of(bits.size(), ncomponents), ncomponents);
  }

  /// A one-component string array (copied).
  static Array strings(Name name, const std::vector<std::string> &values) {
    std::vector<const char *> ptrs;
    ptrs.reserve(values.size());
    for (const std::string &s : values) ptrs.push_back(s.c_str());
    vtkwire_array *a = nullptr;
    check(vtkwire_array_new_strings(name.c_str(), ptrs.data(), ptrs.size(), &a));
    return Array(a);
  }
  static Array strings(Name name, const std::vector<const char *> &values) {
    vtkwire_array *a = nullptr;
    check(vtkwire_array_new_strings(name.c_str(), values.data(), values.size(), &a));
    return Array(a);
  }

  Array &set_component_name(int32_t component, Name name) {
    check(vtkwire_array_set_component_name(get(), component, name.c_str()));
    return *this;
  }
  /// Attaches a lookup table: `rgba` holds 4 bytes per color.
  Array &set_lookup_table(Name name, const uint8_t *rgba, std::size_t ncolors) {
    check(vtkwire_array_set_lookup_table(get(), name.c_str(), rgba, ncolors));
    return *this;
  }
  Array &set_lookup_table(Name name, const std::vector<uint8_t> &rgba) {
    if (rgba.size() % 4 != 0)
      throw Error(VTKWIRE_STATUS_INVALID_ARGUMENT, "lookup table size " + std::to_string(rgba.size()) + " is not a multiple of 4");
    return set_lookup_table(name, rgba.data(), rgba.size() / 4);
  }

private:
  template <class T> static void check_type(int32_t type) {
    if (detail::layout_of_code(type).k != detail::kind::other && !type_matches<T>(type))
      throw Error(VTKWIRE_STATUS_WRONG_ARRAY_TYPE,
                  "C++ element of " + std::to_string(sizeof(T)) + " bytes does not match VTK type " +
                      detail::type_name(type));
  }
};

inline Array ArrayView::clone() const {
  vtkwire_array *a = nullptr;
  check(vtkwire_array_clone(h_, &a));
  return Array(a);
}

// ---- marshaled bytes ---------------------------------------------------------------------

/// A buffer from `vtkwire_marshal`, freed with `vtkwire_bytes_free`. Move-only.
class Bytes {
public:
  Bytes() noexcept = default;
  Bytes(uint8_t *data, std::size_t size) noexcept : data_(data), size_(size) {}
  Bytes(const Bytes &) = delete;
  Bytes &operator=(const Bytes &) = delete;
  Bytes(Bytes &&o) noexcept : data_(std::exchange(o.data_, nullptr)), size_(std::exchange(o.size_, 0)) {}
  Bytes &operator=(Bytes &&o) noexcept {
    if (this != &o) {
      vtkwire_bytes_free(data_, size_);
      data_ = std::exchange(o.data_, nullptr);
      size_ = std::exchange(o.size_, 0);
    }
    return *this;
  }
  ~Bytes() { vtkwire_bytes_free(data_, size_); }

  const uint8_t *data() const noexcept { return data_; }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  const uint8_t &operator[](std::size_t i) const noexcept { return data_[i]; }
  const uint8_t *begin() const noexcept { return data_; }
  const uint8_t *end() const noexcept { return data_ + size_; }
  std::vector<uint8_t> to_vector() const { return std::vector<uint8_t>(begin(), end()); }

private:
  uint8_t *data_ = nullptr;
  std::size_t size_ = 0;
};

// ---- objects -----------------------------------------------------------------------------

/// Points, cells and edges as borrowed int64 views.
struct PolyCells {
  DataView<int64_t> offsets;       ///< ncells + 1 entries (or none when empty)
  DataView<int64_t> connectivity;  ///< point ids
  std::size_t ncells() const noexcept { return offsets.empty() ? 0 : offsets.size() - 1; }
};
struct UnstructuredCells {
  DataView<uint8_t> types;  ///< VTK cell types, one per cell
  DataView<int64_t> offsets;
  DataView<int64_t> connectivity;
};
struct ImageGeometry {
  std::array<double, 3> origin;
  std::array<double, 3> spacing;
  std::array<double, 9> direction;  ///< row-major 3×3
};
struct AmrInfo {
  std::array<double, 3> origin;
  int32_t grid_description;
  std::size_t nlevels;
};
struct AmrLevel {
  std::array<double, 3> spacing;
  int32_t refinement_ratio;
  std::size_t nblocks;
};

class ObjectView;
struct Block;
struct AmrBlock;

/// A non-owning view of an object (a block of a multiblock, or an `Object`); may be null
/// (a null block). Cheap to copy.
class ObjectView {
public:
  ObjectView() noexcept = default;
  ObjectView(std::nullptr_t) noexcept {}
  explicit ObjectView(const vtkwire_object *handle) noexcept : h_(handle) {}

  const vtkwire_object *get() const noexcept { return h_; }
  explicit operator bool() const noexcept { return h_ != nullptr; }

  /// VTK's type code (`VTKWIRE_OBJECT_*`), VTKWIRE_OBJECT_NULL for a null view.
  int32_t type() const noexcept { return vtkwire_object_type(h_); }
  /// VTK's class name ("vtkPolyData"…); empty for a null view.
  std::string_view class_name() const noexcept {
    const char *s = vtkwire_object_class_name(h_);
    return s ? std::string_view(s) : std::string_view();
  }
  /// Throws INVALID_OBJECT naming what breaks an invariant.
  void validate() const { check(vtkwire_object_validate(h_)); }
  /// A one-line summary (type, counts, extent, arrays).
  std::string summary() const {
    std::size_t len = 0;
    check(vtkwire_object_summary(h_, nullptr, 0, &len));
    std::string s(len, '\0');
    check(vtkwire_object_summary(h_, s.data(), len + 1, &len));
    s.resize(len);
    return s;
  }
  /// Points, cells, rows, vertices or edges (`VTKWIRE_ASSOCIATION_*`).
  std::size_t count(int32_t association) const {
    std::size_t n = 0;
    check(vtkwire_object_count(h_, association, &n));
    return n;
  }
  std::array<int32_t, 6> extent() const {
    std::array<int32_t, 6> e{};
    check(vtkwire_object_extent(h_, e.data()));
    return e;
  }

  // arrays
  std::size_t array_count(int32_t association) const {
    std::size_t n = 0;
    check(vtkwire_object_array_count(h_, association, &n));
    return n;
  }
  ArrayView array(int32_t association, std::size_t index) const {
    const vtkwire_array *a = nullptr;
    check(vtkwire_object_array(h_, association, index, &a));
    return ArrayView(a);
  }
  ArrayView array(int32_t association, Name name) const {
    const vtkwire_array *a = nullptr;
    check(vtkwire_object_array_by_name(h_, association, name.c_str(), &a));
    return ArrayView(a);
  }
  ArrayView active_array(int32_t association, int32_t role) const {
    const vtkwire_array *a = nullptr;
    check(vtkwire_object_active_array(h_, association, role, &a));
    return ArrayView(a);
  }
  ArrayView points() const {
    const vtkwire_array *a = nullptr;
    check(vtkwire_object_points(h_, &a));
    return ArrayView(a);
  }

  // per type
  ImageGeometry image_geometry() const {
    ImageGeometry g{};
    check(vtkwire_image_data_geometry(h_, g.origin.data(), g.spacing.data(), g.direction.data()));
    return g;
  }
  ArrayView coordinates(int32_t axis) const {
    const vtkwire_array *a = nullptr;
    check(vtkwire_rectilinear_grid_coordinates(h_, axis, &a));
    return ArrayView(a);
  }
  PolyCells poly_cells(int32_t kind) const {
    const int64_t *o = nullptr, *c = nullptr;
    std::size_t no = 0, nc = 0;
    check(vtkwire_poly_data_cells(h_, kind, &o, &no, &c, &nc));
    return PolyCells{DataView<int64_t>(o, no), DataView<int64_t>(c, nc)};
  }
  UnstructuredCells unstructured_cells() const {
    const uint8_t *t = nullptr;
    const int64_t *o = nullptr, *c = nullptr;
    std::size_t nt = 0, no = 0, nc = 0;
    check(vtkwire_unstructured_grid_cells(h_, &t, &nt, &o, &no, &c, &nc));
    return UnstructuredCells{DataView<uint8_t>(t, nt), DataView<int64_t>(o, no), DataView<int64_t>(c, nc)};
  }
  /// 2 × nedges ids (source, target) — (parent, child) for a tree.
  DataView<int64_t> graph_edges() const {
    const int64_t *e = nullptr;
    std::size_t n = 0;
    check(vtkwire_graph_edges(h_, &e, &n));
    return DataView<int64_t>(e, 2 * n);
  }
  std::size_t block_count() const {
    std::size_t n = 0;
    check(vtkwire_multiblock_block_count(h_, &n));
    return n;
  }
  inline Block block(std::size_t index) const;
  AmrInfo amr_info() const {
    AmrInfo i{};
    check(vtkwire_amr_info(h_, i.origin.data(), &i.grid_description, &i.nlevels));
    return i;
  }
  AmrLevel amr_level(std::size_t level) const {
    AmrLevel l{};
    check(vtkwire_amr_level(h_, level, l.spacing.data(), &l.refinement_ratio, &l.nblocks));
    return l;
  }
  inline AmrBlock amr_block(std::size_t level, std::size_t index) const;

  // copies and bytes
  inline Object clone() const;
  /// VTK's `MarshalDataObject` bytes (empty for a null view).
  Bytes marshal() const {
    uint8_t *b = nullptr;
    std::size_t n = 0;
    check(vtkwire_marshal(h_, &b, &n));
    return Bytes(b, n);
  }
  std::size_t marshaled_size() const {
    std::size_t n = 0;
    check(vtkwire_marshaled_size(h_, &n));
    return n;
  }
  /// Marshals into caller memory; returns the bytes written (OUT_OF_RANGE when too small).
  std::size_t marshal_into(uint8_t *buf, std::size_t cap) const {
    std::size_t n = 0;
    check(vtkwire_marshal_into(h_, buf, cap, &n));
    return n;
  }
  std::size_t marshal_into(std::vector<uint8_t> &buf) const {
    const std::size_t n = marshal_into(buf.data(), buf.size());
    buf.resize(n);
    return n;
  }
  /// Writes a legacy .vtk file (binary or ASCII).
  void legacy_write(Name path, bool binary = true) const {
    check(vtkwire_legacy_write(h_, path.c_str(), binary ? 1 : 0));
  }

protected:
  const vtkwire_object *h_ = nullptr;
};

/// A block of a multiblock: borrowed object (null view for a null block) and name.
struct Block {
  ObjectView object;
  std::string_view name;  ///< empty when unnamed (see has_name)
  bool has_name;
};

/// An owned object (`vtkwire_object_free` on destruction). Move-only.
class Object : public ObjectView {
public:
  Object() noexcept = default;
  /// Adopts an owned handle (from a `vtkwire_*_new`, clone, unmarshal or receive).
  explicit Object(vtkwire_object *owned) noexcept : ObjectView(owned) {}
  Object(const Object &) = delete;
  Object &operator=(const Object &) = delete;
  Object(Object &&o) noexcept : ObjectView(o.release()) {}
  Object &operator=(Object &&o) noexcept {
    if (this != &o) {
      reset();
      h_ = o.release();
    }
    return *this;
  }
  ~Object() { reset(); }

  vtkwire_object *get() const noexcept { return const_cast<vtkwire_object *>(h_); }
  vtkwire_object *release() noexcept { return const_cast<vtkwire_object *>(std::exchange(h_, nullptr)); }
  void reset() noexcept { vtkwire_object_free(release()); }
  ObjectView view() const noexcept { return ObjectView(h_); }

  // ---- constructors (one per type) ----
  static Object image_data(const std::array<int32_t, 6> &extent, const std::array<double, 3> &origin = {0, 0, 0},
                           const std::array<double, 3> &spacing = {1, 1, 1}) {
    vtkwire_object *o = nullptr;
    check(vtkwire_image_data_new(extent.data(), origin.data(), spacing.data(), &o));
    return Object(o);
  }
  static Object structured_points(const std::array<int32_t, 6> &extent, const std::array<double, 3> &origin = {0, 0, 0},
                                  const std::array<double, 3> &spacing = {1, 1, 1}) {
    vtkwire_object *o = nullptr;
    check(vtkwire_structured_points_new(extent.data(), origin.data(), spacing.data(), &o));
    return Object(o);
  }
  static Object rectilinear_grid(const std::array<int32_t, 6> &extent) {
    vtkwire_object *o = nullptr;
    check(vtkwire_rectilinear_grid_new(extent.data(), &o));
    return Object(o);
  }
  static Object structured_grid(const std::array<int32_t, 6> &extent) {
    vtkwire_object *o = nullptr;
    check(vtkwire_structured_grid_new(extent.data(), &o));
    return Object(o);
  }
  static Object poly_data() { return make(vtkwire_poly_data_new); }
  static Object unstructured_grid() { return make(vtkwire_unstructured_grid_new); }
  static Object table() { return make(vtkwire_table_new); }
  /// `edges` holds 2 × nedges ids (source, target).
  static Object directed_graph(std::size_t nvertices, const std::vector<int64_t> &edges) {
    return graph(vtkwire_directed_graph_new, nvertices, edges);
  }
  static Object undirected_graph(std::size_t nvertices, const std::vector<int64_t> &edges) {
    return graph(vtkwire_undirected_graph_new, nvertices, edges);
  }
  /// `edges` holds 2 × (nvertices − 1) ids (parent, child).
  static Object tree(std::size_t nvertices, const std::vector<int64_t> &edges) {
    return graph(vtkwire_tree_new, nvertices, edges);
  }
  static Object multiblock(std::size_t nblocks = 0) {
    vtkwire_object *o = nullptr;
    check(vtkwire_multiblock_new(nblocks, &o));
    return Object(o);
  }
  /// Overlapping AMR; `grid_description` as vtkStructuredData (8 = XYZ).
  static Object amr(const std::array<double, 3> &origin, int32_t grid_description = 8) {
    vtkwire_object *o = nullptr;
    check(vtkwire_amr_new(origin.data(), grid_description, &o));
    return Object(o);
  }
  /// Unmarshals VTK's `MarshalDataObject` bytes; an empty buffer gives a null Object.
  static Object unmarshal(const uint8_t *bytes, std::size_t len) {
    vtkwire_object *o = nullptr;
    check(vtkwire_unmarshal(bytes, len, &o));
    return Object(o);
  }
  template <class C> static Object unmarshal(const C &bytes) {
    static_assert(sizeof(detail::element_t<C>) == 1, "unmarshal takes a container of bytes");
    return unmarshal(reinterpret_cast<const uint8_t *>(std::data(bytes)), std::size(bytes));
  }
  /// Reads a legacy .vtk file.
  static Object legacy_read(Name path) {
    vtkwire_object *o = nullptr;
    check(vtkwire_legacy_read(path.c_str(), &o));
    return Object(o);
  }

  // ---- geometry and topology ----
  Object &set_direction(const std::array<double, 9> &row_major) {
    check(vtkwire_image_data_set_direction(get(), row_major.data()));
    return *this;
  }
  template <class T> Object &set_coordinates(int32_t axis, const T *values, std::size_t n) {
    check(vtkwire_rectilinear_grid_set_coordinates(get(), axis, type_code_v<T>, values, n));
    return *this;
  }
  template <class C> Object &set_coordinates(int32_t axis, const C &values) {
    return set_coordinates(axis, std::data(values), std::size(values));
  }
  /// `xyz` holds 3 × npoints values (copied).
  template <class T> Object &set_points(const T *xyz, std::size_t npoints) {
    check(vtkwire_object_set_points(get(), type_code_v<T>, xyz, npoints));
    return *this;
  }
  template <class C> Object &set_points(const C &xyz) {
    return set_points(std::data(xyz), std::size(xyz) / 3);
  }
  /// Zero-copy points: `xyz` must outlive this object and everything made from it.
  template <class T> Object &set_points_borrowed(const T *xyz, std::size_t npoints) {
    check(vtkwire_object_set_points_borrowed(get(), type_code_v<T>, xyz, npoints));
    return *this;
  }
  template <class C> Object &set_points_borrowed(const C &xyz) {
    return set_points_borrowed(std::data(xyz), std::size(xyz) / 3);
  }
  template <class C> Object &set_points_borrowed(const C &&) = delete;  // would dangle

  /// Poly data cells (`VTKWIRE_POLY_*`) from VTK 9 offsets + connectivity.
  Object &set_poly_cells(int32_t kind, const std::vector<int64_t> &offsets, const std::vector<int64_t> &connectivity) {
    check(vtkwire_poly_data_set_cells(get(), kind, offsets.data(), offsets.size(), connectivity.data(),
                                      connectivity.size()));
    return *this;
  }
  /// Poly data cells from the classic layout `[n, ids…, n, ids…]`.
  Object &set_poly_cells_legacy(int32_t kind, const std::vector<int64_t> &cells) {
    check(vtkwire_poly_data_set_cells_legacy(get(), kind, cells.data(), cells.size()));
    return *this;
  }
  Object &set_unstructured_cells(const std::vector<uint8_t> &types, const std::vector<int64_t> &offsets,
                                 const std::vector<int64_t> &connectivity) {
    check(vtkwire_unstructured_grid_set_cells(get(), types.data(), types.size(), offsets.data(), offsets.size(),
                                              connectivity.data(), connectivity.size()));
    return *this;
  }

  // ---- multiblock ----
  /// Sets block `index` to a copy of `block` (a null view = null block).
  Object &set_block(std::size_t index, Name name, ObjectView block) {
    check(vtkwire_multiblock_set_block(get(), index, name.c_str(), block.get()));
    return *this;
  }
  /// Moves `block` into block `index` (no copy).
  Object &set_block(std::size_t index, Name name, Object &&block) {
    check(vtkwire_multiblock_set_block_take(get(), index, name.c_str(), block.get()));
    block.release();
    return *this;
  }

  // ---- AMR ----
  std::size_t amr_add_level(const std::array<double, 3> &spacing, int32_t refinement_ratio) {
    std::size_t level = 0;
    check(vtkwire_amr_add_level(get(), spacing.data(), refinement_ratio, &level));
    return level;
  }
  /// Adds a block with cell box [lo_i lo_j lo_k hi_i hi_j hi_k] and (a copy of) `grid`, or
  /// a null view when this rank holds no data for it.
  std::size_t amr_add_block(std::size_t level, const std::array<int32_t, 6> &box, ObjectView grid = nullptr) {
    std::size_t index = 0;
    check(vtkwire_amr_add_block(get(), level, box.data(), grid.get(), &index));
    return index;
  }

  // ---- attribute arrays ----
  /// Adds a copy of `array`; returns its index.
  std::size_t add_array(int32_t association, ArrayView array) {
    std::size_t i = 0;
    check(vtkwire_object_add_array(get(), association, array.get(), &i));
    return i;
  }
  /// Moves `array` into the object (no copy).
  std::size_t add_array(int32_t association, Array &&array) {
    std::size_t i = 0;
    check(vtkwire_object_add_array_take(get(), association, array.get(), &i));
    array.release();
    return i;
  }
  /// Adds a copy of `ntuples × ncomponents` values.
  template <class T>
  std::size_t add_array(int32_t association, Name name, const T *data, std::size_t ntuples, int32_t ncomponents = 1,
                        int32_t type = type_code_v<T>) {
    std::size_t i = 0;
    check(vtkwire_object_add_array_data(get(), association, name.c_str(), type, data, ntuples, ncomponents, &i));
    return i;
  }
  template <class C, class T = detail::element_t<C>>
  std::size_t add_array(int32_t association, Name name, const C &values, int32_t ncomponents = 1,
                        int32_t type = type_code_v<T>) {
    return add_array<T>(association, name, std::data(values), detail::ntuples_of(std::size(values), ncomponents),
                        ncomponents, type);
  }
  /// Zero-copy: `data` must outlive this object and everything made from it.
  template <class T>
  std::size_t add_array_borrowed(int32_t association, Name name, const T *data, std::size_t ntuples,
                                 int32_t ncomponents = 1, int32_t type = type_code_v<T>) {
    std::size_t i = 0;
    check(vtkwire_object_add_array_data_borrowed(get(), association, name.c_str(), type, data, ntuples, ncomponents,
                                                 &i));
    return i;
  }
  template <class C, class T = detail::element_t<C>>
  std::size_t add_array_borrowed(int32_t association, Name name, const C &values, int32_t ncomponents = 1,
                                 int32_t type = type_code_v<T>) {
    return add_array_borrowed<T>(association, name, std::data(values),
                                 detail::ntuples_of(std::size(values), ncomponents), ncomponents, type);
  }
  template <class C, class T = detail::element_t<C>>
  std::size_t add_array_borrowed(int32_t, Name, const C &&, int32_t = 1, int32_t = 0) = delete;  // would dangle

  /// Makes array `name` the active `role` (`VTKWIRE_ROLE_*`); nullptr clears the role.
  Object &set_active(int32_t association, int32_t role, Name name) {
    check(vtkwire_object_set_active(get(), association, role, name.c_str()));
    return *this;
  }
  Object &remove_array(int32_t association, std::size_t index) {
    check(vtkwire_object_remove_array(get(), association, index));
    return *this;
  }

private:
  static Object make(vtkwire_status (*ctor)(vtkwire_object **)) {
    vtkwire_object *o = nullptr;
    check(ctor(&o));
    return Object(o);
  }
  static Object graph(vtkwire_status (*ctor)(size_t, const int64_t *, size_t, vtkwire_object **),
                      std::size_t nvertices, const std::vector<int64_t> &edges) {
    if (edges.size() % 2 != 0)
      throw Error(VTKWIRE_STATUS_INVALID_ARGUMENT, "edge list has an odd number of ids (" + std::to_string(edges.size()) + ")");
    vtkwire_object *o = nullptr;
    check(ctor(nvertices, edges.data(), edges.size() / 2, &o));
    return Object(o);
  }
};

/// A block of an AMR level: its cell box and, if this rank holds its data, an owned copy.
struct AmrBlock {
  std::array<int32_t, 6> box;
  Object grid;  ///< null when the block has no local data
};

inline Block ObjectView::block(std::size_t index) const {
  const vtkwire_object *b = nullptr;
  const char *name = nullptr;
  std::size_t len = 0;
  check(vtkwire_multiblock_block(h_, index, &b, &name, &len));
  return Block{ObjectView(b), detail::sv(name, len), name != nullptr};
}

inline AmrBlock ObjectView::amr_block(std::size_t level, std::size_t index) const {
  AmrBlock out{{}, Object()};
  vtkwire_object *g = nullptr;
  check(vtkwire_amr_block(h_, level, index, out.box.data(), &g));
  out.grid = Object(g);
  return out;
}

inline Object ObjectView::clone() const {
  vtkwire_object *o = nullptr;
  check(vtkwire_object_clone(h_, &o));
  return Object(o);
}

} // namespace vtkwire

#endif // VTKWIRE_HPP
