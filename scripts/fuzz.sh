#!/usr/bin/env bash
# Coverage-guided fuzzing of vtkwire: cargo fuzz (libFuzzer + AddressSanitizer) on the stable
# toolchain, the fuzz targets in fuzz/ (unmarshal, legacy_read, roundtrip, mpi_decode).
#
#   scripts/fuzz.sh                    long run: every target for FUZZ_SECONDS (default 4 h) or
#                                      FUZZ_RUNS executions (default unlimited), whichever first
#   scripts/fuzz.sh --smoke            CI: every target for 60 s from the committed corpus
#   scripts/fuzz.sh --seconds N --runs M [TARGET...]
#   scripts/fuzz.sh --seeds            regenerate the seeds (VTK 9.1, newest VTK, vtkwire) and
#                                      minimize them into the committed corpus fuzz/corpus/
#   scripts/fuzz.sh --regressions      replay tests/fuzz_regressions/TARGET/* through the fuzz
#                                      binaries (every saved finding must pass now)
#   scripts/fuzz.sh --build            only build (prints the build time)
#
# One fuzzer process at a time, under `nice -n ${FUZZ_NICE:-19}`. Options per target come from
# fuzz/options/TARGET.options (rss_limit_mb=2048, malloc_limit_mb=1024, timeout, dict): a crash,
# a panic (libfuzzer-sys aborts on any panic, caught or not), a leak, an allocation over the
# limit or a timeout fails the run, and the input is saved under fuzz/artifacts/TARGET/.
# Long runs grow a working corpus in fuzz/work/corpus/TARGET (not committed); smoke runs work on
# a throw-away copy. Results (exec counts, exec/s, peak RSS) go to fuzz/work/results-*.txt.
#
# Toolchain route (measured on Debian 12, rustc 1.95 stable, 2 cores): cargo fuzz needs nightly
# flags (-Zsanitizer=address, sancov passes); RUSTC_BOOTSTRAP=1 lets the stable compiler accept
# them (stable ships the ASan runtime, librustc-stable_rt.asan.a). cargo-fuzz 0.13.2 is
# installed with `cargo install --locked` when missing (~45 CPU-s); building the five fuzz
# binaries from cold takes ~95 CPU-s (~2.5 min wall on a shared machine), fuzz/target ~750 MB.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

CARGO_FUZZ_VERSION=0.13.2
ALL_TARGETS=(unmarshal legacy_read roundtrip mpi_decode)
mode=long
seconds=${FUZZ_SECONDS:-14400}
runs=${FUZZ_RUNS:--1}
targets=()
while (($#)); do
  case $1 in
    --smoke) mode=smoke; seconds=${FUZZ_SMOKE_SECONDS:-60}; shift ;;
    --seeds) mode=seeds; shift ;;
    --build) mode=build; shift ;;
    --regressions) mode=regressions; shift ;;
    --seconds) seconds=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    -h|--help) sed -n '2,32p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
((${#targets[@]})) || targets=("${ALL_TARGETS[@]}")

FUZZ=$ROOT/fuzz
BIN=$FUZZ/target/x86_64-unknown-linux-gnu/release
WORK=$FUZZ/work
NICE=(nice -n "${FUZZ_NICE:-19}")
export RUSTC_BOOTSTRAP=1
# allocator_may_return_null=1: a fallible allocation (try_reserve) that cannot be served fails
# softly, as it does in production, instead of ASan aborting; an infallible one still aborts
# (Rust's handle_alloc_error) and is a finding. A successful allocation over malloc_limit_mb is
# a finding either way (libFuzzer's malloc hook). Leak detection stays on. malloc_context_size=5:
# recording allocation stacks dominates the allocation-heavy roundtrip target (25% faster);
# replay a finding with the binary alone for full stacks.
export ASAN_OPTIONS=${ASAN_OPTIONS:-allocator_may_return_null=1:detect_leaks=1:malloc_context_size=5}
mkdir -p "$WORK"

# ---- tools -------------------------------------------------------------------------------
# Debian packages (MPI and libclang for mpi-sys, python3-vtk9 for seeds): the project's setup.
bash "$ROOT/scripts/setup.sh" >/dev/null
if [[ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]]; then
  step "installing cargo-fuzz $CARGO_FUZZ_VERSION (crates.io, --locked)"
  t0=$(date +%s)
  "${NICE[@]}" cargo install --locked --force cargo-fuzz --version "$CARGO_FUZZ_VERSION"
  echo "cargo-fuzz installed in $(( $(date +%s) - t0 )) s"
fi

# ---- build -------------------------------------------------------------------------------
# Default cargo-fuzz profile: optimized, with debug assertions and overflow checks (an
# overflow on input is a finding too). vtkwire is built without mimalloc (fuzz/Cargo.toml) so
# every allocation goes through ASan's allocator and the malloc limit.
step "cargo fuzz build (ASan, stable toolchain with RUSTC_BOOTSTRAP=1)"
t0=$(date +%s)
(cd "$ROOT" && "${NICE[@]}" cargo fuzz build 2>&1 | grep -Ev '^\s+(Compiling|Fresh)' || true)
for t in "${ALL_TARGETS[@]}" make_seeds; do
  [[ -x $BIN/$t ]] || { echo "fuzz.sh: $BIN/$t was not built" >&2; exit 1; }
done
echo "build: $(( $(date +%s) - t0 )) s wall"
[[ $mode == build ]] && exit 0

# libFuzzer flags from fuzz/options/TARGET.options (key = value lines of the [libfuzzer] part).
options() {
  local t=$1 k v
  while IFS='=' read -r k v; do
    k=${k// /}; v=${v# }; v=${v% }
    [[ -z $k || $k == \#* || $k == \[* ]] && continue
    [[ $k == dict ]] && v=$FUZZ/$v
    printf -- '-%s=%s\n' "$k" "$v"
  done < "$FUZZ/options/$t.options"
}

# ---- seeds: regenerate and minimize into the committed corpus ----------------------------
if [[ $mode == seeds ]]; then
  seeds=$WORK/seeds
  rm -rf "$seeds"
  mkdir -p "$seeds"
  step "seeds from VTK 9.1 (/usr/bin/python3), the newest VTK (target/vtk-venv) and vtkwire"
  /usr/bin/python3 "$FUZZ/seeds/vtk_seeds.py" "$seeds" vtk91
  "$ROOT/target/vtk-venv/bin/python" "$FUZZ/seeds/vtk_seeds.py" "$seeds" vtk97
  "$BIN/make_seeds" "$seeds" 400
  for t in "${targets[@]}"; do
    # Set-cover merge on edges alone (no hit-count buckets): the smallest set that keeps every
    # covered edge, ~120 files and ~120 KB per target instead of ~1.5 MB with plain -merge=1.
    step "minimize $t (libFuzzer -set_cover_merge=1 -use_counters=0)"
    new=$WORK/cmin-$t
    rm -rf "$new"
    mkdir -p "$new" "$FUZZ/corpus/$t"
    mapfile -t opts < <(options "$t")
    "${NICE[@]}" "$BIN/$t" "${opts[@]}" -set_cover_merge=1 -use_counters=0 "$new" "$FUZZ/corpus/$t" "$seeds/$t" 2>&1 | grep -E 'MERGE-OUTER: [0-9]+ new files' || true
    rm -rf "$FUZZ/corpus/$t"
    mv "$new" "$FUZZ/corpus/$t"
    echo "$t: $(find "$FUZZ/corpus/$t" -type f | wc -l) files, $(cat "$FUZZ/corpus/$t"/* | wc -c) bytes"
  done
  exit 0
fi

# ---- replay the saved findings -----------------------------------------------------------
if [[ $mode == regressions ]]; then
  bad=0 total=0
  for t in "${targets[@]}"; do
    mapfile -t opts < <(options "$t")
    for f in "$ROOT/tests/fuzz_regressions/$t"/*; do
      [[ -f $f ]] || continue
      total=$((total + 1))
      if "$BIN/$t" "${opts[@]}" -runs=1 -artifact_prefix="$WORK/replay-" "$f" >"$WORK/replay.log" 2>&1; then
        echo "fixed:  $t/$(basename "$f")"
      else
        bad=$((bad + 1))
        echo "FAILS:  $t/$(basename "$f"): $(grep -m1 -E 'panicked|ERROR: (AddressSanitizer|libFuzzer)|^vtkwire|out-of-memory' -A1 "$WORK/replay.log" | tail -1 | cut -c1-200)"
      fi
    done
  done
  echo "$((total - bad)) passed, $bad failed"
  [[ $bad -eq 0 ]]
  exit
fi

# ---- fuzz --------------------------------------------------------------------------------
results=$WORK/results-$mode.txt
: > "$results"
failed=()
for t in "${targets[@]}"; do
  mapfile -t opts < <(options "$t")
  if [[ $mode == smoke ]]; then
    corpus=$(mktemp -d)
    cp -r "$FUZZ/corpus/$t/." "$corpus/"
  else
    corpus=$WORK/corpus/$t
    mkdir -p "$corpus"
  fi
  mkdir -p "$FUZZ/artifacts/$t"
  log=$WORK/$t-$mode.log
  step "fuzz $t: ${seconds} s or ${runs} runs (-1: unlimited); log $log"
  rc=0
  "${NICE[@]}" "$BIN/$t" "${opts[@]}" -max_total_time="$seconds" -runs="$runs" \
    -artifact_prefix="$FUZZ/artifacts/$t/" -print_final_stats=1 "$corpus" "$FUZZ/corpus/$t" >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log")
  line="$t: ${execs:-?} execs, ${rate:-?} exec/s, peak RSS ${rss:-?} MB, exit $rc"
  echo "$line" | tee -a "$results"
  if [[ $rc -ne 0 ]]; then
    failed+=("$t")
    grep -E '^==[0-9]+==ERROR|^SUMMARY|panicked at|Test unit written to|out-of-memory|timeout after|ERROR: libFuzzer' "$log" | head -20
  fi
  [[ $mode == smoke ]] && rm -rf "$corpus"
done

echo
cat "$results"
if ((${#failed[@]})); then
  echo "FUZZ FAILED: ${failed[*]} (inputs in fuzz/artifacts/; make each a regression test in tests/fuzz_regressions/)"
  echo "$(( ${#targets[@]} - ${#failed[@]} )) passed, ${#failed[@]} failed"
  exit 1
fi
echo "${#targets[@]} passed, 0 failed"
