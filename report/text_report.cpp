#include <fmt/format.h>

#include "checks/ordinance.h"
#include "report/ordinance_report.h"
#include "report/report.h"

namespace gp::report {

namespace {

void trace_text(std::string& out, const reach::Trace& t, const std::string& indent) {
  out += fmt::format("{}packet: {}\n", indent, t.first.str());
  int n = 1;
  for (const auto& h : t.hops) {
    out += fmt::format("{}{}. {} ({} -> {}): {}\n", indent, n++, h.device, h.in_interface,
                       h.out_interface.empty() ? "-" : h.out_interface, h.action);
    for (const auto& [what, ref] : h.facts)
      out += fmt::format("{}     {}{}\n", indent, what, ref.known() ? "  [" + ref.str() + "]" : "");
  }
  out += fmt::format("{}delivered as: {}\n", indent, t.last.str());
}

// The finding's title in the report's language (the registry holds both).
std::string title_of(const checks::Finding& f, Lang lang) {
  if (lang == Lang::Ja)
    for (const auto& c : checks::registry())
      if (f.id == c.info.id) return c.info.title_ja;
  return f.title;
}

// Ordinance findings in Japanese: the sheet's Japanese reason for that host and question.
std::string message_of(const checks::Finding& f, const std::vector<checks::OrdinanceRow>& sheet, Lang lang) {
  if (lang != Lang::Ja || f.tier != checks::Tier::Ordinance || f.id.empty()) return f.message;
  const int q = f.id.back() - '0';
  if (q < 1 || q > 4) return f.message;
  for (const auto& row : sheet)
    if (f.message.rfind("host " + row.host + " ", 0) == 0)
      return fmt::format("ホスト {}（ゾーン {}）：Q{} 不適合：{}", row.host, row.zone, q,
                         row.reasons_ja[static_cast<size_t>(q)]);
  return f.message;
}

}  // namespace

std::string to_text(const AuditReport& r) {
  std::string out;
  out += fmt::format("gapproof {} — audit of {}\n", kVersion, r.snap.name);
  if (!r.snap.has_topology)
    out += "No topology.yaml: links are inferred from the configurations; no zones are known.\n";
  out += "\nZONE VERDICTS\n";
  if (r.reach.zones.empty()) out += "  (no control zone and no zone with a claim)\n";
  for (const auto& z : r.reach.zones)
    out += fmt::format("  {:<20} {:<14} {}{}\n", z.zone, reach::to_string(z.verdict), z.summary,
                       z.claim ? " [claim: " + *z.claim + "]" : "");

  const auto sheet = checks::ordinance_sheet(r.snap, r.reach);
  out += ordinance_text(r.snap, sheet, r.lang);

  // Ordinance non-conformance (legally binding) first, apart from guideline gaps (controls.md §5.1).
  out += "\nFINDINGS\n";
  if (r.findings.empty()) out += "  (none)\n";
  for (auto tier : {checks::Tier::Ordinance, checks::Tier::Guideline}) {
    bool any = false;
    for (const auto& f : r.findings) any |= f.tier == tier;
    if (!any) continue;
    out += tier == checks::Tier::Ordinance ? "  ORDINANCE NON-CONFORMANCE (法令基準不適合)\n"
                                           : "  GUIDELINE GAPS (ガイドライン推奨事項との差異)\n";
    for (const auto& f : r.findings) {
      if (f.tier != tier) continue;
      out += fmt::format("    [{}] {} {} {}: {}{}{}\n", checks::to_string(f.severity), f.id, f.guideline,
                         title_of(f, r.lang), message_of(f, sheet, r.lang),
                         f.device.empty() ? "" : " (" + f.device + ")",
                         f.where.known() ? "  [" + f.where.str() + "]" : "");
    }
  }

  out += "\nEVIDENCE PER ZONE\n";
  for (const auto& z : r.reach.zones) {
    out +=
        fmt::format("\n== zone {} ({}): {}\n", z.zone, model::to_string(z.kind), reach::to_string(z.verdict));
    if (z.verdict == reach::Verdict::Closed) {
      out += "  Physical component:";
      for (const auto& c : z.component) out += " " + c + ";";
      out += "\n";
      if (!z.carriers.empty()) {
        out += "  Carrier services and own lines credited as closed:";
        for (const auto& c : z.carriers) out += " " + c + ";";
        out += "\n";
      }
    }
    if (!z.physical_path.empty()) {
      out += "  Physical path to the internet:\n";
      for (const auto& s : z.physical_path)
        out += fmt::format("    {}{}{}\n", s.vertex, s.via.empty() ? "" : "  via " + s.via,
                           s.ref.known() ? "  [" + s.ref.str() + "]" : "");
    }
    for (const auto& f : z.flows) {
      out += "  Flow from the internet (counterexample):\n";
      int step = 1;
      for (const auto& s : f.chain) {
        out += fmt::format("   step {}: {} reaches {}\n", step++, s.source, s.target);
        if (!s.trace.hops.empty() || s.trace.first.dst) trace_text(out, s.trace, "     ");
      }
    }
    if (!z.blocking.empty()) {
      out += "  What blocks the flows toward the zone:\n";
      for (const auto& b : z.blocking) {
        std::string refs;
        for (const auto& ref : b.refs) refs += (refs.empty() ? "" : ", ") + ref.str();
        out += fmt::format("    {} {}: {}  e.g. {}{}\n", b.device, b.interface, b.what, b.example,
                           refs.empty() ? "" : "  [" + refs + "]");
      }
    }
    if (!z.unproven.empty()) {
      out += "  Not understood on a candidate path:\n";
      for (const auto& u : z.unproven)
        out += fmt::format("    {}{}{}\n", u.device.empty() ? "" : u.device + ": ", u.what,
                           u.ref.known() ? "  [" + u.ref.str() + "]" : "");
    }
  }

  if (!r.reach.assumptions.empty()) {
    out += "\nASSUMPTIONS (over-approximations the verdicts rely on)\n";
    for (const auto& [what, ref] : r.reach.assumptions)
      out += fmt::format("  - {}{}\n", what, ref.known() ? "  [" + ref.str() + "]" : "");
  }
  int inferred = 0;
  for (const auto& l : r.snap.links) inferred += l.inferred;
  if (inferred) {
    out += "\nINFERRED LINKS\n";
    for (const auto& l : r.snap.links) {
      if (!l.inferred) continue;
      std::string members;
      for (const auto& m : l.members) members += (members.empty() ? "" : ", ") + m.str();
      out += fmt::format("  - {} [{}]: {}{}\n", model::to_string(l.kind), members, l.inferred_why,
                         l.src_ref.known() ? "  [" + l.src_ref.str() + "]" : "");
    }
  }
  if (!r.snap.notes.empty()) {
    out += "\nNOTES FROM LOADING\n";
    for (const auto& [what, ref] : r.snap.notes)
      out += fmt::format("  - {}{}\n", what, ref.known() ? "  [" + ref.str() + "]" : "");
  }
  out += "\nDEVICES\n";
  for (const auto& d : r.snap.devices) {
    const std::string encoding = d.encoding.empty() || d.encoding == "UTF-8" ? "" : ", read as " + d.encoding;
    const std::string saved_by =
        d.backup_tool.empty()
            ? ""
            : fmt::format(", saved by {} ({} lines of its own at the top)", d.backup_tool, d.backup_lines);
    if (!model::dialect_read(d))  // one root cause for the whole file, said once
      out += fmt::format("  {:<16} {:<28} {}: {} line{}, none read{}{}\n", d.name, d.file,
                         model::unread_label(d), d.unread_lines, d.unread_lines == 1 ? "" : "s", encoding,
                         saved_by);
    else
      out += fmt::format("  {:<16} {:<28} {} lines, {} not understood{}{}\n", d.name, d.file, d.total_lines,
                         d.unrecognised.size(), encoding, saved_by);
    for (const auto& dmg : d.damage)
      out += fmt::format("    cannot be trusted as a whole: {}{}\n", dmg.why,
                         dmg.src_ref.known() ? "  [" + dmg.src_ref.str() + "]" : "");
  }
  return out;
}

}  // namespace gp::report
