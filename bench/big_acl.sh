#!/usr/bin/env bash
# Large filters: time `gapproof audit` on the main sample with N lines added to the internet-facing
# ACL (bench/big_acl.py: host and network blocklist lines, service permits, port ranges, remarks).
#
#   bench/big_acl.sh                          # N = 25000 50000 100000 200000
#   SIZES="25000" BUILD=build bench/big_acl.sh
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-release}
SIZES=${SIZES:-"25000 50000 100000 200000"}
WORK=${WORK:-/tmp/gapproof-bench}
GP="$BUILD/gapproof"
[ -x "$GP" ] || { echo "build $GP first (see bench/README.md)" >&2; exit 2; }
mkdir -p "$WORK"
echo "machine: $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg); commit: $(git -C "$ROOT" rev-parse --short HEAD)"
printf '%-8s %8s %8s %8s %8s %s\n' lines wall_s prove_s checks_s rss_MB findings
for n in $SIZES; do
  dir="$WORK/big-acl-$n"
  python3 "$ROOT/bench/big_acl.py" "$n" "$dir"
  set +e
  /usr/bin/time -f "%e %M" "$GP" audit "$dir" --format json --stats --fail-on none >"$dir.json" 2>"$dir.err"
  set -e
  wall=$(tail -n1 "$dir.err" | cut -d' ' -f1)
  rss=$(tail -n1 "$dir.err" | awk '{printf "%.0f", $2/1024}')
  prove=$(grep -o 'prove [0-9.]*' "$dir.err" | cut -d' ' -f2)
  checks=$(grep -o 'checks [0-9.]*' "$dir.err" | cut -d' ' -f2)
  findings=$(grep -o '[0-9]* findings' "$dir.err" | cut -d' ' -f1)
  printf '%-8s %8s %8s %8s %8s %s\n' "$n" "$wall" "$prove" "$checks" "$rss" "$findings"
done
