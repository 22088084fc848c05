// The ordinance evidence sheet (省令 Q0-Q4): for every host of the inventory, whether it is a
// computer of a control system (Q0) and, if so, whether it meets the four points of
// 「水道施設の技術的基準を定める省令」 §1 item 11-2 as the guideline's Column 2 explains them
// (../shared/guideline/controls.md §2). Vendor-neutral: it reads the inventory of the snapshot
// and the zone verdicts; physical separation is the zone's verdict, never the operator's claim.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "base/source_ref.h"
#include "model/reachability/audit.h"
#include "model/snapshot.h"

namespace gp::checks {

enum class Scope { InScope, OutOfScope };
enum class Answer { Pass, PassViaAlt, NeedsReview, Fail, NotApplicable };
const char* to_string(Scope s);   // IN_SCOPE | OUT_OF_SCOPE
const char* to_string(Answer a);  // PASS | PASS_VIA_ALT | NEEDS_REVIEW | FAIL | N/A

struct OrdinanceRow {
  std::string host;
  std::string zone;
  Scope q0 = Scope::OutOfScope;
  std::array<Answer, 4> q = {Answer::NotApplicable, Answer::NotApplicable, Answer::NotApplicable,
                             Answer::NotApplicable};  // Q1..Q4 at [0..3]
  // Why, per question: [0] is Q0, [1..4] are Q1..Q4. Empty for N/A answers.
  std::array<std::string, 5> reasons_en, reasons_ja;
  SourceRef where;  // the host's entry in topology.yaml

  Answer answer(int question) const { return q.at(static_cast<size_t>(question - 1)); }
};

struct OrdinanceOptions {
  // "常に最新の状態が保たれている" (L1685-1689) has no number in the guideline (controls.md §5.5):
  // definitions older than this many days before the audit date are not current. gapproof's
  // default, labelled as such in every reason that uses it.
  int av_max_age_days = 30;
};

// The audit date used for end-of-support and definition ages: topology.yaml's audit_date, or
// today's system date (from_system is then true).
std::string ordinance_audit_date(const model::Snapshot& snap, bool* from_system = nullptr);

// One row per host of the inventory, in host id order.
std::vector<OrdinanceRow> ordinance_sheet(const model::Snapshot& snap, const reach::AuditResult& reach,
                                          const OrdinanceOptions& opt = {});

}  // namespace gp::checks
