#!/usr/bin/env bash
# Idempotent machine setup for vtkwire on Debian 12 (run as root, or as a user with sudo).
#  - installs the Debian packages vtkwire builds and tests against, only those missing
#    (checked with `dpkg -s`; `apt-get update` runs only when something is missing);
#  - makes sure `localhost` and this machine's hostname resolve (otherwise every mpirun
#    stalls ~5 s on a name lookup).
# Rust comes from rustup and is expected to be present already: Debian's rustc is too old
# for edition 2024 and is never installed here.
set -euo pipefail

PACKAGES=(
  build-essential cmake gfortran libclang-dev pkg-config
  libopenmpi-dev openmpi-bin libmpich-dev mpich
  python3-vtk9 python3-mpi4py python3-numpy python3-venv python3-pip python3-pytest
)

log() { printf 'setup: %s\n' "$*"; }

SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); fi
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg -s "$p" >/dev/null 2>&1; then missing+=("$p"); fi
done

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 && ${#SUDO[@]} -eq 0 ]]; then
    log "missing packages: ${missing[*]} — run this script as root" >&2
    exit 1
  fi
  log "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
else
  log "all ${#PACKAGES[@]} Debian packages present"
fi

# Name resolution: mpirun (both Open MPI and hydra) looks up localhost and the hostname.
host=$(hostname 2>/dev/null || uname -n)
for name in localhost "$host"; do
  if ! getent hosts "$name" >/dev/null 2>&1; then
    log "adding '$name' to /etc/hosts"
    # Append in place (no rename): /etc/hosts is often a bind mount in containers.
    printf '127.0.0.1 %s\n' "$name" | "${SUDO[@]}" tee -a /etc/hosts >/dev/null
  fi
done

# Rust toolchain: rustup's cargo, not Debian's.
if ! command -v cargo >/dev/null 2>&1 && [[ -f "$HOME/.cargo/env" ]]; then
  # shellcheck disable=SC1091
  . "$HOME/.cargo/env"
fi
if ! command -v cargo >/dev/null 2>&1; then
  log "cargo not found: install Rust with rustup (https://rustup.rs); Debian's rustc is too old" >&2
  exit 1
fi
log "ok: $(cargo --version), $(cmake --version | head -n1), $(mpirun.openmpi --version 2>&1 | head -n1), MPICH $(mpichversion 2>/dev/null | sed -n 's/^MPICH Version:[[:space:]]*//p')"

# The newest VTK from PyPI (interop tests run against it as well as Debian's VTK 9.1), in a
# venv of Debian's python3 under target/ (not committed). Skipped if already present.
VENV="$(cd "$(dirname "$0")/.." && pwd)/target/vtk-venv"
if ! "$VENV/bin/python" -c 'import vtkmodules.vtkParallelCore' >/dev/null 2>&1; then
  log "installing the newest vtk wheel into $VENV"
  /usr/bin/python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check vtk numpy
fi
log "newest VTK: $("$VENV/bin/python" -c 'import vtkmodules.vtkCommonCore as c; print(c.vtkVersion.GetVTKVersion())')"
