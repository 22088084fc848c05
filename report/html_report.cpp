// One self-contained HTML page (no network access needed to view it): summary, zone verdicts with
// their evidence, the topology picture (html_topology.cpp), the findings as a table that sorts
// and filters, the ordinance sheet laid out for A4, the devices. Every string from a
// configuration or from topology.yaml goes through escape_markup; the page's own script runs under
// a Content-Security-Policy nonce, so that even a string that escaped escaping could not run.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "checks/fingerprint.h"
#include "checks/ordinance.h"
#include "report/html_escape.h"
#include "report/html_page.h"
#include "report/report.h"

namespace gp::report {

namespace {

std::string e(const std::string& s) { return escape_markup(s); }

std::string ref_html(const SourceRef& r) {
  return r.file.empty() ? "" : fmt::format(" <span class=ref>{}</span>", e(r.str()));
}

std::string verdict_badge(reach::Verdict v) {
  const char* name = reach::to_string(v);
  return fmt::format("<span class=\"verdict v-{}\">{}</span>", name, name);
}

std::string trace_html(const reach::Trace& t) {
  std::string out = fmt::format("<div class=trace><div>packet: <code>{}</code></div><ol>", e(t.first.str()));
  for (const auto& h : t.hops) {
    out += fmt::format("<li><b>{}</b> ({} &rarr; {}): {}<ul>", e(h.device), e(h.in_interface),
                       e(h.out_interface.empty() ? "-" : h.out_interface), e(h.action));
    for (const auto& [what, ref] : h.facts) out += fmt::format("<li>{}{}</li>", e(what), ref_html(ref));
    out += "</ul></li>";
  }
  return out + fmt::format("</ol><div>delivered as: <code>{}</code></div></div>", e(t.last.str()));
}

std::string zone_evidence(const reach::ZoneVerdict& z, const Labels& L) {
  std::string out;
  if (!z.unproven.empty()) {
    out += fmt::format("<h4>{}</h4><ul>", L.not_understood);
    for (const auto& u : z.unproven)
      out += fmt::format("<li>{}: {}{}</li>", e(u.device), e(u.what), ref_html(u.ref));
    out += "</ul>";
  }
  if (!z.flows.empty()) {
    out += fmt::format("<h4>{}</h4>", L.flows);
    for (const auto& f : z.flows)
      for (const auto& s : f.chain)
        out += fmt::format("<div class=flow>{} ({}) &rarr; {}{}</div>", e(s.source), e(s.source_kind),
                           e(s.target), s.trace.hops.empty() ? "" : trace_html(s.trace));
  }
  if (!z.blocking.empty()) {
    out += fmt::format("<h4>{}</h4><ul>", L.blocking);
    for (const auto& b : z.blocking) {
      out += fmt::format("<li>{} {}: {} — <code>{}</code>", e(b.device), e(b.interface), e(b.what),
                         e(b.example));
      for (const auto& r : b.refs) out += ref_html(r);
      out += "</li>";
    }
    out += "</ul>";
  }
  if (!z.physical_path.empty()) {
    out += fmt::format("<h4>{}</h4><ol class=path>", L.physical_path);
    for (const auto& s : z.physical_path)
      out += fmt::format("<li>{}{}{}</li>", e(s.vertex), s.via.empty() ? "" : " <i>(" + e(s.via) + ")</i>",
                         ref_html(s.ref));
    out += "</ol>";
  }
  return out;
}

std::string summary_html(const AuditReport& r, const Labels& L) {
  std::map<std::string, int> verdicts, severities;
  for (const auto& z : r.reach.zones) ++verdicts[reach::to_string(z.verdict)];
  for (const auto& f : r.findings) ++severities[checks::to_string(f.severity)];
  std::map<std::string, int> by_check;
  for (const auto& f : r.findings) ++by_check[f.id];
  std::vector<std::pair<int, std::string>> top;
  for (const auto& [id, n] : by_check) top.push_back({-n, id});
  std::sort(top.begin(), top.end());
  std::string out = fmt::format("<section id=summary><h2>{}</h2><div class=cards>", L.summary);
  for (const char* v : {"REACHABLE", "UNPROVEN", "FIREWALL_ONLY", "CLOSED"})
    out += fmt::format("<div class=\"card v-{}\"><b>{}</b><span>{}</span></div>", v, verdicts[v], v);
  out += "</div><div class=cards>";
  for (const char* s : {"critical", "high", "medium", "low", "info"})
    out += fmt::format("<div class=\"card s-{}\"><b>{}</b><span>{}</span></div>", s, severities[s], s);
  out += fmt::format("</div><h3>{}</h3><ol>", L.top_causes);
  for (size_t i = 0; i < top.size() && i < 5; ++i) {
    std::string title = top[i].second;
    for (const auto& c : checks::registry())
      if (top[i].second == c.info.id) title += ": " + std::string(L.ja ? c.info.title_ja : c.info.title_en);
    out += fmt::format("<li>{} × {}</li>", -top[i].first, e(title));
  }
  return out + "</ol></section>";
}

std::string zones_html(const AuditReport& r, const Labels& L) {
  std::string out = fmt::format(
      "<section id=zones><h2>{}</h2><table "
      "id=zone-table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "</tr></thead><tbody>",
      L.zones, L.zone, L.verdict, L.claim, L.summary_col);
  for (const auto& z : r.reach.zones)
    out += fmt::format(
        "<tr data-zone=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}<details><summary>{}</summary>{}"
        "</details></td></tr>",
        e(z.zone), e(z.zone), verdict_badge(z.verdict), z.claim ? e(*z.claim) : "", e(z.summary), L.evidence,
        zone_evidence(z, L));
  if (r.reach.zones.empty()) out += fmt::format("<tr><td colspan=4>{}</td></tr>", L.no_zones);
  return out + "</tbody></table></section>";
}

std::string findings_html(const AuditReport& r, const Labels& L) {
  const auto prints = checks::fingerprints(r.findings);
  std::string out = fmt::format(
      "<section id=findings><h2>{} ({})</h2><div class=controls><input id=finding-filter type=search "
      "placeholder=\"{}\" aria-label=\"{}\"><select id=severity-filter aria-label=severity><option "
      "value=\"\">{}"
      "</option>",
      L.findings, r.findings.size(), L.filter, L.filter, L.all_severities);
  for (const char* s : {"critical", "high", "medium", "low", "info"})
    out += fmt::format("<option value={}>{}</option>", s, s);
  out += fmt::format(
      "</select></div><table id=findings-table class=sortable><thead><tr><th "
      "data-sort=rank>{}</th><th>{}</th>"
      "<th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
      L.severity, L.check, L.tier, L.device, L.where, L.message);
  for (size_t i = 0; i < r.findings.size(); ++i) {
    const auto& f = r.findings[i];
    out += fmt::format(
        "<tr data-severity={} data-rank={} data-fingerprint=\"{}\"><td class=\"s-{}\">{}</td><td "
        "title=\"{}\">{}"
        "</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        checks::to_string(f.severity), static_cast<int>(f.severity), prints[i], checks::to_string(f.severity),
        checks::to_string(f.severity), e(f.title), e(f.id), checks::to_string(f.tier), e(f.device),
        e(f.where.str()), e(f.message));
  }
  return out + "</tbody></table></section>";
}

std::string ordinance_html(const AuditReport& r, const Labels& L) {
  const auto sheet = checks::ordinance_sheet(r.snap, r.reach);
  std::string out = fmt::format(
      "<section id=ordinance class=sheet><h2>{}</h2><p>{}: {}</p><table><thead><tr><th>{}</th><th>{}</th>"
      "<th>Q0</th><th>Q1</th><th>Q2</th><th>Q3</th><th>Q4</th><th>{}</th></tr></thead><tbody>",
      L.ordinance, L.audit_date, e(checks::ordinance_audit_date(r.snap, nullptr)), L.host, L.zone, L.reasons);
  for (const auto& row : sheet) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td>", e(row.host), e(row.zone),
                       checks::to_string(row.q0));
    for (int q = 1; q <= 4; ++q) {
      const char* a = checks::to_string(row.answer(q));
      out += fmt::format("<td class=\"a-{}\">{}</td>", a, a);
    }
    out += "<td><ul>";
    const auto& reasons = L.ja ? row.reasons_ja : row.reasons_en;
    for (size_t q = 0; q < reasons.size(); ++q)
      if (!reasons[q].empty()) out += fmt::format("<li>Q{}: {}</li>", q, e(reasons[q]));
    out += "</ul></td></tr>";
  }
  if (sheet.empty()) out += fmt::format("<tr><td colspan=8>{}</td></tr>", L.no_hosts);
  return out + "</tbody></table></section>";
}

std::string devices_html(const AuditReport& r, const Labels& L) {
  std::string out = fmt::format(
      "<section "
      "id=devices><h2>{}</h2><table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>"
      "</tr></thead><tbody>",
      L.devices, L.device, L.where, L.lines, L.not_understood_col, L.notes);
  for (const auto& d : r.snap.devices) {
    std::string notes;
    if (!d.encoding.empty() && d.encoding != "UTF-8") notes += e("read as " + d.encoding) + "<br>";
    if (!d.backup_tool.empty()) notes += e("saved by " + d.backup_tool) + "<br>";
    if (!model::dialect_read(d)) notes += "<b>" + e(model::unread_label(d)) + "</b><br>";
    for (const auto& dmg : d.damage) notes += "<b>" + e(dmg.why) + "</b>" + ref_html(dmg.src_ref) + "<br>";
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", e(d.name),
                       e(d.file), d.total_lines, d.unrecognised.size(), notes);
  }
  return out + "</tbody></table></section>";
}

}  // namespace

std::string to_html(const AuditReport& r) {
  const Labels& L = labels(r.lang);
  std::string body =
      fmt::format("<header><h1>gapproof — {}</h1><p>gapproof {} · {}: {}</p></header>", e(r.snap.name),
                  kVersion, L.audit_date, e(checks::ordinance_audit_date(r.snap, nullptr)));
  body += summary_html(r, L);
  body += zones_html(r, L);
  body += fmt::format("<section id=topology><h2>{}</h2>{}</section>", L.topology, topology_svg(r));
  body += findings_html(r, L);
  body += ordinance_html(r, L);
  body += devices_html(r, L);
  return html_page(e("gapproof — " + r.snap.name), L.ja ? "ja" : "en", body);
}

}  // namespace gp::report
