// Printers over one audit result: readable text, the JSON contract (spec §4), SARIF and JUnit.
#pragma once
#include <string>
#include <vector>

#include "checks/check.h"
#include "model/reachability/audit.h"
#include "model/snapshot.h"

namespace gp::report {

// Language of the text report's ordinance reasons and check titles (--lang).
enum class Lang { En, Ja };

struct AuditReport {
  const model::Snapshot& snap;
  const reach::AuditResult& reach;
  const std::vector<checks::Finding>& findings;
  Lang lang = Lang::En;
};

std::string to_json(const AuditReport& r);
std::string to_text(const AuditReport& r);
// SARIF 2.1.0 for code-scanning pages (sarif_report.cpp) and JUnit XML for CI servers
// (junit_report.cpp): docs/output.md says how findings and zone verdicts map onto each.
std::string to_sarif(const AuditReport& r);
std::string to_junit(const AuditReport& r);
// One self-contained HTML page with the topology picture (html_report.cpp).
std::string to_html(const AuditReport& r);

inline constexpr const char* kVersion = "0.1.0";

}  // namespace gp::report
