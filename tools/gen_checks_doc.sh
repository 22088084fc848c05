#!/usr/bin/env bash
# Regenerates docs/checks.md from the check registry (never edit it by hand).
# Usage: tools/gen_checks_doc.sh [BUILD_DIR]   (default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
cmake --build "$build" --target gapproof
"$build/gapproof" checks --format markdown > docs/checks.md
echo "docs/checks.md regenerated from $(grep -c '^## ' docs/checks.md) checks"
