#include "report/ordinance_report.h"

#include <fmt/format.h>

namespace gp::report {

using nlohmann::ordered_json;

ordered_json ordinance_json(const std::vector<checks::OrdinanceRow>& rows) {
  ordered_json out = ordered_json::array();
  for (const auto& r : rows) {
    ordered_json j;
    j["host"] = r.host;
    j["zone"] = r.zone;
    j["q0"] = checks::to_string(r.q0);
    for (int n = 1; n <= 4; ++n) j["q" + std::to_string(n)] = checks::to_string(r.answer(n));
    ordered_json en = ordered_json::object(), ja = ordered_json::object();
    for (size_t n = 0; n < r.reasons_en.size(); ++n) {
      if (!r.reasons_en[n].empty()) en["q" + std::to_string(n)] = r.reasons_en[n];
      if (!r.reasons_ja[n].empty()) ja["q" + std::to_string(n)] = r.reasons_ja[n];
    }
    j["reasons"] = en;
    j["reasons_ja"] = ja;
    j["file"] = r.where.file;
    j["line"] = r.where.line;
    out.push_back(j);
  }
  return out;
}

std::string ordinance_text(const model::Snapshot& snap, const std::vector<checks::OrdinanceRow>& rows,
                           Lang lang) {
  bool from_system = false;
  const std::string date = checks::ordinance_audit_date(snap, &from_system);
  std::string out = "\nORDINANCE (省令) Q0–Q4\n";
  if (lang == Lang::Ja)
    out += fmt::format(
        "  水道施設の技術的基準を定める省令 第1条第11号の2（ガイドライン コラム2）。監査日 {}{}\n", date,
        from_system ? "（topology.yaml に audit_date がないためシステム日付）" : "");
  else
    out += fmt::format("  Facility standards ordinance §1 item 11-2 (guideline Column 2). Audit date {}{}\n",
                       date, from_system ? " (today's system date: topology.yaml has no audit_date)" : "");
  if (rows.empty()) {
    out += lang == Lang::Ja ? "  （インベントリにホストがない）\n" : "  (no host in the inventory)\n";
    return out;
  }
  out += fmt::format("  {:<18} {:<12} {:<13} {:<13} {:<13} {:<13} {}\n", "host", "zone", "Q0", "Q1", "Q2",
                     "Q3", "Q4");
  for (const auto& r : rows) {
    out +=
        fmt::format("  {:<18} {:<12} {:<13} {:<13} {:<13} {:<13} {}\n", r.host, r.zone,
                    checks::to_string(r.q0), checks::to_string(r.answer(1)), checks::to_string(r.answer(2)),
                    checks::to_string(r.answer(3)), checks::to_string(r.answer(4)));
    const auto& reasons = lang == Lang::Ja ? r.reasons_ja : r.reasons_en;
    for (size_t n = 0; n < reasons.size(); ++n)
      if (!reasons[n].empty()) out += fmt::format("      Q{}: {}\n", n, reasons[n]);
  }
  return out;
}

}  // namespace gp::report
