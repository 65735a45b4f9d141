#!/usr/bin/env bash
# The bindings cannot drift from the Rust sources: in a copy of the tree, change one export's
# signature in Rust (a new argument) and check that `xtask gen --check` fails and names every
# generated binding (C headers, API description, Fortran, Python), then that `xtask gen`
# carries the new argument into each of them and `gen --check` passes again.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
xtask=${XTASK:-$root/target/release/xtask}
[[ -x $xtask ]] || (cd "$root" && cargo build -q --release -p xtask)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && tar --exclude=./target --exclude='./target-*' --exclude='./build*' --exclude=./.git -cf - .) | tar -xf - -C "$tmp"
export VTKWIRE_ROOT=$tmp

"$xtask" gen --check >/dev/null   # the copy starts in sync

# The change: vtkwire_object_validate(obj) gains an argument `level`.
f=$tmp/src/ffi/object.rs
grep -q 'pub unsafe extern "C" fn vtkwire_object_validate(obj: \*const vtkwire_object)' "$f"
sed -i 's/pub unsafe extern "C" fn vtkwire_object_validate(obj: \*const vtkwire_object)/pub unsafe extern "C" fn vtkwire_object_validate(obj: *const vtkwire_object, level: i32)/' "$f"

if out=$("$xtask" gen --check 2>&1); then
  echo "drift: gen --check passed after a signature change" >&2; exit 1
fi
for stale in include/vtkwire.h include/vtkwire-api.json bindings/fortran/vtkwire_c.f90 bindings/fortran/vtkwire.f90 python/vtkwire/_api.py; do
  grep -q "$stale" <<<"$out" || { echo "drift: gen --check did not name $stale: $out" >&2; exit 1; }
done

"$xtask" gen >/dev/null
"$xtask" gen --check >/dev/null
tr -s ' \n' ' ' <"$tmp/include/vtkwire.h" | grep -q 'vtkwire_object_validate(const struct vtkwire_object \*obj, int32_t level)'
grep -A4 "function c_object_validate(obj, level)" "$tmp/bindings/fortran/vtkwire_c.f90" | grep -q 'integer(c_int32_t), value :: level'
grep -q 'subroutine vtkwire_object_validate(obj, level, ierr)' "$tmp/bindings/fortran/vtkwire.f90"
grep -q 'p\["vtkwire_object_validate"\] = (c_int32, \[c_void_p, c_int32\])' "$tmp/python/vtkwire/_api.py"
echo "drift: a new argument in Rust failed gen --check (5 stale bindings named) until regenerated; then C, Fortran and Python all carry it"
