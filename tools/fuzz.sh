#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang, ASan + UBSan) and runs them one after another on
# one core, then prints a summary. Exit status 1 when a run found a crash, a hang (an input
# slower than -timeout) or an out-of-memory; the reproducers are in OUT/findings/<target>/.
#
#   tools/fuzz.sh [-t SECONDS] [-k] [-o OUT] [TARGET...]
#     -t SECONDS  time per target (default 60)
#     -k          keep going after a finding (a new session; the crashing input leaves the corpus)
#     -o OUT      working folder (default build-fuzz/fuzz): corpus/, findings/, seeds/, dict/
#     TARGET      cisco_ios cisco_asa fortigate yamaha_rtx nec_ix detect topology (default: all)
#
# Reproduce a finding: build-fuzz/fuzz/fuzz_TARGET FILE (or run it through the Catch2 test by
# copying it to tests/fixtures/fuzz-regressions/TARGET/, see CONTRIBUTING.md "Fuzzing").
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

seconds=60
keep_going=0
out="$root/build-fuzz/fuzz"
while getopts "t:ko:h" opt; do
  case "$opt" in
    t) seconds="$OPTARG" ;;
    k) keep_going=1 ;;
    o) out="$(realpath -m "$OPTARG")" ;;
    *) sed -n '2,13p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
all=(cisco_ios cisco_asa fortigate yamaha_rtx nec_ix detect topology)
targets=("$@")
((${#targets[@]})) || targets=("${all[@]}")
for t in "${targets[@]}"; do
  [[ " ${all[*]} " == *" $t "* ]] || { echo "fuzz: unknown target '$t' (${all[*]})" >&2; exit 2; }
done

# Build (incremental after the first time: ninja re-runs cmake when a CMakeLists changes). Tests
# are not part of a fuzz build.
if [ ! -f build-fuzz/build.ninja ]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DGAPPROOF_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
nice -n 10 cmake --build build-fuzz --target "${targets[@]/#/fuzz_}"
fuzz/make_seeds.sh "$out" >/dev/null

# Inputs big enough for every construct (longer seeds are cut), small enough for hundreds of
# executions a second: parsing costs about 1 ms per KB under the sanitizers. Deep nesting and
# long inputs are the regression tests' business (tests/fuzz/).
max_len() { case "$1" in topology) echo 4096 ;; *) echo 8192 ;; esac; }

# A smaller quarantine than ASan's 256 MB: the parsers allocate much, and fresh pages for every
# allocation cost a third of the time in page faults.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:quarantine_size_mb=32}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
mkdir -p "$out/tmp"
export TMPDIR="$out/tmp"  # the topology target's snapshot folder

summary=()
found=0
for t in "${targets[@]}"; do
  mkdir -p "$out/corpus/$t" "$out/findings/$t"
  before=$(find "$out/findings/$t" -type f | wc -l)
  log="$out/findings/$t.log"
  : >"$log"
  flags=(-max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 -dict="$out/dict/$t.dict"
         -artifact_prefix="$out/findings/$t/" -print_final_stats=1)
  echo "fuzz: $t for ${seconds}s (log: $log)"
  # Sessions until the time is spent: one without -k; with -k a new one after each finding (one
  # process keeps its corpus in memory: libFuzzer's fork mode spent most of its time reloading).
  cpu=0 execs=0 rate="" failed=0 end=$((SECONDS + seconds))
  while ((SECONDS < end)); do
    started=$SECONDS rc=0
    /usr/bin/time -f "cpu %U %S" -o "$out/$t.time" nice -n 10 build-fuzz/fuzz/fuzz_"$t" "${flags[@]}" \
      -max_total_time=$((end - SECONDS)) "$out/corpus/$t" "$out/seeds/$t" >"$log.session" 2>&1 || rc=$?
    cat "$log.session" >>"$log"
    cpu=$(awk -v c="$cpu" '/^cpu/{c += $2 + $3} END {printf "%.0f", c}' "$out/$t.time")
    n=$(grep -oE '^stat::number_of_executed_units: [0-9]+' "$log.session" | grep -oE '[0-9]+$' ||
        grep -oE '^#[0-9]+' "$log.session" | tail -1 | tr -d '#')
    execs=$((execs + ${n:-0}))
    rate=$(grep -oE 'exec/s: [0-9]+' "$log.session" | tail -1 | grep -oE '[0-9]+' || echo "$rate")
    ((rc == 0)) && break
    failed=1
    # A corpus input that crashes would crash every new session: out of the corpus (the
    # reproducer is in findings/, named like the corpus file: by its SHA-1).
    for a in $(grep -oE 'Test unit written to [^ ]+' "$log.session" | awk '{print $5}'); do
      rm -f "$out/corpus/$t/${a##*-}"
    done
    ((keep_going && SECONDS - started >= 5)) || break
  done
  rm -f "$log.session"
  new=$(($(find "$out/findings/$t" -type f | wc -l) - before))
  if ((failed && new == 0)); then new=1; fi  # died without a reproducer: still a finding
  ((new > 0)) && found=1
  summary+=("$(printf '%-11s cpu %5ss  execs %10s  exec/s %6s  corpus %5d  findings %d' "$t" "$cpu" \
    "$execs" "${rate:-?}" "$(find "$out/corpus/$t" -type f | wc -l)" "$new")")
  # Every run, for totals over many: date, target, CPU seconds, executions, findings.
  printf '%s\t%s\t%s\t%s\t%s\n' "$(date -Is)" "$t" "$cpu" "$execs" "$new" >>"$out/history.tsv"
  if ((new > 0)); then
    grep -E '^(==[0-9]+== ERROR: |SUMMARY: |.*Test unit written to|parser promise broken|.*what\(\): )' "$log" |
      head -8 | sed 's/^/    /'
  fi
done

echo "fuzz summary (findings in $out/findings/):"
printf '  %s\n' "${summary[@]}"
exit "$found"
