#!/usr/bin/env bash
# Writes the seed corpora and dictionaries of the fuzz targets into OUT (default build-fuzz/fuzz):
#   OUT/seeds/<target>/   one file per real or sample input of that dialect
#   OUT/dict/<target>.dict  the keywords the parser compares words with (its string literals)
# Seeds come from samples/, the test fixtures, ../shared/corpus (by MANIFEST.tsv vendor) and
# ../shared/examples; nothing is committed but this script. Usage: fuzz/make_seeds.sh [OUT]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${GP_SHARED_DIR:-$root/../shared}"
out="${1:-$root/build-fuzz/fuzz}"
targets=(cisco_ios cisco_asa fortigate yamaha_rtx nec_ix detect topology)

rm -rf "$out/seeds" "$out/dict"
for t in "${targets[@]}"; do mkdir -p "$out/seeds/$t"; done
mkdir -p "$out/dict"

# add TARGET FILE: one seed, named after its path (so reruns give the same names).
add() {
  [ -f "$2" ] || return 0
  local name="${2#"$root"/}"
  name="$(printf '%s' "${name#"$shared"/}" | tr '/ ' '__')"
  cp "$2" "$out/seeds/$1/$name"
}

# A configuration goes to its dialect's target and to the detection target.
config() {
  add "$1" "$2"
  add detect "$2"
}

# samples/ and the test snapshots: the dialect follows from the file name and its folder.
while IFS= read -r f; do
  case "$f" in
    *-rtx.cfg) config yamaha_rtx "$f" ;;
    *-ix.cfg) config nec_ix "$f" ;;
    *.conf) config fortigate "$f" ;;
    *-fw.cfg) config cisco_asa "$f" ;;
    *) config cisco_ios "$f" ;;
  esac
done < <(find "$root/samples" "$root/tests/fixtures/snapshots" -path '*/configs/*' -type f ! -name '*.md' | sort)
for f in "$root"/tests/parsers/cisco_asa/fixtures/*.cfg; do config cisco_asa "$f"; done

# The shared corpus, by the vendor MANIFEST.tsv gives; a few files of other vendors teach the
# detection target what is not one of ours.
if [ -f "$shared/corpus/MANIFEST.tsv" ]; then
  others=0
  while IFS=$'\t' read -r path _ _ _ _ vendor _; do
    f="$shared/corpus/$path"
    case "$vendor" in
      "Cisco IOS / IOS-XE") config cisco_ios "$f" ;;
      "Cisco ASA") config cisco_asa "$f" ;;
      "Fortinet FortiOS") config fortigate "$f" ;;
      "Yamaha RTX") config yamaha_rtx "$f" ;;
      "containerlab topology (YAML)") add topology "$f" ;;
      vendor_syntax) ;;
      *) if ((others < 12)); then add detect "$f" && others=$((others + 1)); fi ;;
    esac
  done < "$shared/corpus/MANIFEST.tsv"
fi
for f in "$shared"/examples/jp-vendors/*; do
  case "$f" in
    *yamaha*) config yamaha_rtx "$f" ;;
    *nec*) config nec_ix "$f" ;;
  esac
done

# topology.yaml: the samples, the test snapshots and the spec's example.
for f in "$root"/samples/*/topology.yaml "$root"/tests/fixtures/snapshots/*/topology.yaml; do add topology "$f"; done
if [ -f "$shared/spec/snapshot-format.md" ]; then
  awk '/^```yaml/{on=1; next} /^```/{on=0} on' "$shared/spec/snapshot-format.md" > "$out/seeds/topology/spec-example.yaml"
fi
# The shapes that once crashed or hung a target (tests/fixtures/fuzz-regressions): worth mutating.
for t in "${targets[@]}"; do
  for f in "$root/tests/fixtures/fuzz-regressions/$t"/*; do add "$t" "$f"; done
done

# Dictionaries: the single words and short keyword phrases among a parser's string literals.
literals() {
  grep -ohE '"[A-Za-z0-9#!][A-Za-z0-9_.:/+-]*( [a-z0-9][a-z0-9_.-]*){0,3}"' "$@" 2>/dev/null |
    awk 'length($0) <= 40' | sort -u
}
literals "$root"/parsers/cisco_ios/*.cpp "$root"/parsers/common/*.cpp > "$out/dict/cisco_ios.dict"
literals "$root"/parsers/cisco_asa/*.cpp "$root"/parsers/common/*.cpp > "$out/dict/cisco_asa.dict"
literals "$root"/parsers/fortigate/*.cpp > "$out/dict/fortigate.dict"
literals "$root"/parsers/yamaha_rtx/*.cpp > "$out/dict/yamaha_rtx.dict"
literals "$root"/parsers/nec_ix/*.cpp "$root"/parsers/common/*.cpp > "$out/dict/nec_ix.dict"
literals "$root"/parsers/*/*.cpp | awk 'NR % 3 == 0' > "$out/dict/detect.dict"
literals "$root"/parsers/topology/*.cpp "$root"/model/snapshot.cpp > "$out/dict/topology.dict"
# Structure no literal shows: line breaks, indentation, quoting, YAML flow and anchors.
for d in "$out"/dict/*.dict; do printf '"\\x0a"\n"\\x0a "\n"\\x22"\n"255.255.255.0"\n"10.0.0.1"\n' >> "$d"; done
printf '"["\n"]"\n"{"\n"}"\n": "\n"- "\n"&a "\n"*a"\n"!!str"\n"|\\x0a"\n"---"\n' >> "$out/dict/topology.dict"

for t in "${targets[@]}"; do
  printf '%-11s %4d seeds, %4d dictionary entries\n' "$t" "$(find "$out/seeds/$t" -type f | wc -l)" \
    "$(wc -l < "$out/dict/$t.dict")"
done
