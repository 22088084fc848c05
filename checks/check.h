// Findings and the check registry. A check reads the model (and the reachability result) and
// reports findings; it never sees vendor syntax.
#pragma once
#include <string>
#include <vector>

#include "model/reachability/audit.h"
#include "model/snapshot.h"

namespace gp::checks {

enum class Severity { Info, Low, Medium, High, Critical };
const char* to_string(Severity s);
bool severity_from(const std::string& s, Severity& out);

// Legal weight of what a check tests: the ordinance (省令, legally binding) or the guideline's
// recommendation (ガイドライン). Reports keep ordinance non-conformance apart.
enum class Tier { Ordinance, Guideline };
const char* to_string(Tier t);

struct FixCommand {
  const char* dialect;   // "cisco-ios", "cisco-asa", ... (parsers/registry.h names)
  const char* commands;  // the configuration commands that remedy it
};

struct CheckInfo {
  const char* id;  // stable: GAP-<AREA>-<NAME>
  Severity severity;
  const char* guideline;  // section of the water-sector guideline, e.g. "§2.2"
  const char* title_en;
  const char* title_ja;
  Tier tier = Tier::Guideline;
  const char* rationale = "";        // why it matters, one or two sentences (English)
  std::vector<FixCommand> fix = {};  // per dialect; empty when no configuration fixes it
};

struct Finding {
  std::string id;
  Tier tier = Tier::Guideline;
  Severity severity = Severity::Info;
  std::string title;
  std::string guideline;
  std::string device;   // may be empty
  SourceRef where;      // file:line (may be unknown)
  std::string message;  // never contains a secret in clear
};

struct CheckContext {
  const model::Snapshot& snap;
  const reach::AuditResult& reach;
};

using CheckFn = void (*)(const CheckContext&, const CheckInfo&, std::vector<Finding>&);

struct Check {
  CheckInfo info;
  CheckFn run;
  // Findings rest on the absence of a setting: on a device whose configuration is damaged
  // (model::Device::damage: empty, cut short, mostly not understood) the setting may be in the
  // part that was not read, so run_all drops them; GAP-PARSE-DAMAGED says why.
  bool rests_on_absence = false;
};

// Every check, sorted by id. The only list of checks.
const std::vector<Check>& registry();

// Runs every check. With `timings`, records each check's run time in seconds (for --stats).
std::vector<Finding> run_all(const CheckContext& ctx,
                             std::vector<std::pair<std::string, double>>* timings = nullptr);

Finding make_finding(const CheckInfo& info, std::string device, SourceRef where, std::string message);

}  // namespace gp::checks
