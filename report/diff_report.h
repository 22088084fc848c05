// Printers for `gapproof diff` (docs/diff.md): readable text and JSON.
#pragma once
#include <string>
#include <vector>

#include "diff/snapshot_diff.h"

namespace gp::report {

struct DiffReport {
  const diff::Side& before;
  const diff::Side& after;
  const diff::SnapshotDiff& diff;
  std::vector<std::string> failing;  // why the run exits 1 (empty: exit 0)
};

std::string diff_to_text(const DiffReport& r);
std::string diff_to_json(const DiffReport& r);

}  // namespace gp::report
