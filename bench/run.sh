#!/usr/bin/env bash
# gapproof benchmark: generate synthetic utilities of N sites and time `gapproof audit` on them.
#
#   bench/run.sh                 # N = 10 100 1000
#   SIZES="10 100" bench/run.sh  # other sizes;  SEED=7 for another network;  BUILD=dir for another build
#
# Prints, per N: total config MB, wall time and peak RSS of a full audit (--format json), and the
# parse throughput (MB/s) of `gapproof audit DIR --parse-only` when the CLI has that option.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-release}
SIZES=${SIZES:-"10 100 1000"}
SEED=${SEED:-20261125}
WORK=${WORK:-/tmp/gapproof-bench}
TIME=/usr/bin/time

[ -x "$TIME" ] || { echo "need GNU time at $TIME (apt-get install time)" >&2; exit 2; }

# --- build (Release) if needed: configure once, then an incremental ninja --------------------
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DGAPPROOF_TESTS=OFF >/dev/null
fi
if ! ninja -C "$BUILD" >"$WORK.build.log" 2>&1; then
  echo "warning: full Release build failed (see $WORK.build.log); trying the generator alone" >&2
  ninja -C "$BUILD" gapproof-bench-gen >/dev/null
fi
GEN="$BUILD/gapproof-bench-gen"
GP="$BUILD/gapproof"

have_gp=0
[ -x "$GP" ] && "$GP" --help >/dev/null 2>&1 && have_gp=1
parse_only=0
if [ $have_gp = 1 ]; then
  help_text=$("$GP" audit --help 2>&1 || true; "$GP" --help 2>&1 || true)
  case "$help_text" in *--parse-only*) parse_only=1 ;; esac
fi

# seconds from GNU time's "Elapsed (wall clock) time (h:mm:ss or m:ss): 0:01.23"
wall_s() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; printf "%.2f", s}' "$1"; }
rss_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$1"; }

echo "machine: $(nproc) cores, $(free -h | awk '/^Mem:/ {print $2}') RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "commit:  $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')   seed: $SEED"
printf '%-6s %10s %10s %12s %12s %14s %s\n' N config_MB files audit_wall_s audit_RSS_MB parse_MB_per_s note
mkdir -p "$WORK"
for n in $SIZES; do
  dir="$WORK/utility-$n"
  rm -rf "$dir"
  "$GEN" "$n" "$dir" --seed "$SEED" >/dev/null
  bytes=$(cat "$dir"/configs/* | wc -c)
  mb=$(awk -v b="$bytes" 'BEGIN {printf "%.2f", b/1048576}')
  files=$(ls "$dir/configs" | wc -l)
  note=""
  wall="-"; rss="-"; tput="-"
  if [ $have_gp = 1 ]; then
    set +e
    "$TIME" -v "$GP" audit "$dir" --format json >/dev/null 2>"$dir.time"
    rc=$?
    set -e
    wall=$(wall_s "$dir.time"); rss=$(rss_mb "$dir.time")
    # exit 0/1 = audited (1: findings at/above --fail-on); 2/3 = could not audit / internal error
    if [ $rc -ge 2 ]; then note="audit exit $rc: $(grep -v -e '^\s' "$dir.time" | head -1)"; fi
    if [ $parse_only = 1 ]; then
      set +e
      "$TIME" -v "$GP" audit "$dir" --parse-only >/dev/null 2>"$dir.parse.time"
      prc=$?
      set -e
      pw=$(wall_s "$dir.parse.time")
      tput=$(awk -v m="$mb" -v s="$pw" 'BEGIN { if (s > 0) printf "%.1f", m/s; else print "inf" }')
      [ $prc -ge 2 ] && note="$note parse-only exit $prc"
    else
      note="$note (no --parse-only in this CLI)"
    fi
  else
    note="gapproof CLI not built/usable: generator only"
  fi
  printf '%-6s %10s %10s %12s %12s %14s %s\n' "$n" "$mb" "$files" "$wall" "$rss" "$tput" "$note"
done
