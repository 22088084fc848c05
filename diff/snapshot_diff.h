// `gapproof diff`: what a change between two snapshots does. Each side is audited on its own (its
// own BDD runs, one packet encoding in one process); the diff compares zone verdicts, the exact
// packet sets that reach control targets (model/reachability/reach_diff.h), findings by
// fingerprint, the ordinance sheet, and the configuration lines themselves.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/ordinance.h"
#include "diff/line_diff.h"
#include "model/reachability/audit.h"
#include "model/reachability/reach_diff.h"

namespace gp::diff {

// One audited side. The prover's runs point into `snap`: a side is built in place and never moved.
struct Side {
  std::string label;  // "BEFORE (path)" / "AFTER (rev)": how messages name the side
  model::Snapshot snap;
  reach::AuditResult reach;
  reach::ProverRuns runs;
  std::vector<checks::Finding> findings;
  std::vector<std::string> fingerprints;  // parallel to findings
  std::vector<checks::OrdinanceRow> ordinance;
};

// Audits a loaded snapshot (the caller loads it, so an input error names the side).
std::unique_ptr<Side> audit_side(std::string label, model::Snapshot snap);

struct ZoneChange {
  std::string zone;
  std::optional<reach::Verdict> before, after;  // nullopt: the zone is not on that side
  bool worse = false;  // CLOSED < FIREWALL_ONLY < UNPROVEN < REACHABLE; a new zone counts from CLOSED
};

struct FindingChange {
  const checks::Finding* finding = nullptr;  // in AFTER for new and unchanged, in BEFORE for fixed
  std::string fingerprint;
};

struct OrdinanceChange {
  std::string host, zone;
  int question = 0;           // 0 (scope) .. 4
  std::string before, after;  // answers (PASS, FAIL, ...), "" when the host is not on that side
  std::string reason;         // AFTER's reason (BEFORE's when the host is gone)
  bool zone_verdict_changed = false;
};

struct FileChange {
  std::string device;                   // empty for topology.yaml
  std::string before_file, after_file;  // empty when the device is not on that side
  std::vector<LineChange> lines;
};

struct SnapshotDiff {
  std::vector<ZoneChange> zones;
  reach::ReachDiff flows;
  std::vector<FindingChange> added, fixed, unchanged;
  std::vector<OrdinanceChange> ordinance;
  std::vector<FileChange> files;
};

SnapshotDiff diff_snapshots(const Side& before, const Side& after);

// Exit 1 reasons: a flow into a control zone opened (certain or possible), a zone verdict worse,
// a new finding at or above `threshold` (none when `never`).
std::vector<std::string> failing_reasons(const SnapshotDiff& d, checks::Severity threshold, bool never);

}  // namespace gp::diff
