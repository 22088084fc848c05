#include "report/diff_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "report/report.h"
#include "report/trace_report.h"

namespace gp::report {

using nlohmann::ordered_json;

namespace {

std::string verdict_or_none(const std::optional<reach::Verdict>& v) {
  return v ? reach::to_string(*v) : "(no such zone)";
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

ordered_json strings(const std::vector<std::string>& v) {
  ordered_json a = ordered_json::array();
  for (const auto& s : v) a.push_back(s);
  return a;
}

// The example packet followed on the other side: what each starting point's request met.
void other_side_text(std::string& out, const reach::FlowChange& c, const std::string& side) {
  if (!c.other) {
    out += fmt::format("    in {}: not traced ({})\n", side, c.other_error);
    return;
  }
  for (const auto& p : c.other->paths) {
    const auto& l = p.request;
    out += fmt::format("    in {} from {}: {} — {}\n", side, p.start, reach::to_string(l.disposition),
                       l.summary);
    for (const auto& r : l.deciding)
      out += fmt::format("      {} by {}: {}{}\n", c.certain ? "dropped" : "stopped", r.device, r.what,
                         r.ref.file.empty() ? "" : "  [" + r.ref.str() + "]");
    for (const auto& r : l.unproven)
      out += fmt::format("      not proven: {}{}{}\n", r.device.empty() ? "" : r.device + ": ", r.what,
                         r.ref.file.empty() ? "" : "  [" + r.ref.str() + "]");
  }
}

void flows_text(std::string& out, const std::vector<reach::FlowChange>& flows, bool opened) {
  const std::string here = opened ? "AFTER" : "BEFORE", there = opened ? "BEFORE" : "AFTER";
  out += opened ? "\nFLOWS OPENED into control zones (reach in AFTER, not in BEFORE)\n"
                : "\nFLOWS CLOSED into control zones (reached in BEFORE, not in AFTER)\n";
  if (flows.empty()) out += "  none\n";
  for (const auto& c : flows) {
    out += fmt::format("  zone {}, {} from {}{}\n", c.zone, c.target, c.source_kind,
                       c.certain ? "" : " (possibly: through something not understood on one side)");
    out += fmt::format("    services: {}\n    sources: {}\n    delivered to: {}\n", join(c.services),
                       join(c.sources), join(c.destinations));
    if (c.source_kind == "pivot")
      out += fmt::format("    from pivots that {} reached from the internet in {}{}\n",
                         c.pivot_on_other_side ? "were also" : "were not", there,
                         c.pivot_on_other_side ? ": the change opened this hop itself"
                                               : ": a consequence of a way in opened elsewhere");
    if (!c.trace) continue;
    out += fmt::format("    example: {}{}\n", c.trace->first.str(),
                       c.pivot_host.empty() ? "" : " (from pivot host " + c.pivot_host + ")");
    if (c.trace->last.str() != c.trace->first.str())
      out += fmt::format("      delivered as: {}\n", c.trace->last.str());
    out += fmt::format("    in {}:{}\n", here,
                       c.trace->hops.empty() ? " on the same segment, no device on the way" : "");
    hops_text(out, *c.trace, "      ");
    other_side_text(out, c, there);
  }
}

ordered_json flows_json(const std::vector<reach::FlowChange>& flows) {
  ordered_json a = ordered_json::array();
  for (const auto& c : flows) {
    ordered_json j;
    j["zone"] = c.zone;
    j["target"] = c.target;
    j["source_kind"] = c.source_kind;
    j["certain"] = c.certain;
    j["services"] = strings(c.services);
    j["sources"] = strings(c.sources);
    j["destinations"] = strings(c.destinations);
    j["pivot_host"] = c.pivot_host.empty() ? ordered_json(nullptr) : ordered_json(c.pivot_host);
    if (c.source_kind == "pivot") j["pivot_on_other_side"] = c.pivot_on_other_side;
    j["example"] = c.trace ? packet_json(c.trace->first) : ordered_json(nullptr);
    j["delivered_as"] = c.trace ? packet_json(c.trace->last) : ordered_json(nullptr);
    j["hops"] = c.trace ? hops_json(*c.trace) : ordered_json::array();
    j["other_side"] = c.other ? trace_json(*c.other) : ordered_json(nullptr);
    if (!c.other_error.empty()) j["other_side_error"] = c.other_error;
    a.push_back(j);
  }
  return a;
}

ordered_json findings_json(const std::vector<diff::FindingChange>& fs) {
  ordered_json a = ordered_json::array();
  for (const auto& c : fs) {
    const auto& f = *c.finding;
    ordered_json j;
    j["id"] = f.id;
    j["severity"] = checks::to_string(f.severity);
    j["title"] = f.title;
    j["device"] = f.device;
    j["file"] = f.where.file;
    j["line"] = f.where.line;
    j["message"] = f.message;
    j["fingerprint"] = c.fingerprint;
    a.push_back(j);
  }
  return a;
}

void findings_text(std::string& out, const char* title, const std::vector<diff::FindingChange>& fs) {
  for (const auto& c : fs) {
    const auto& f = *c.finding;
    out += fmt::format("  {} [{}] {}{}: {}{}  ({})\n", title, checks::to_string(f.severity), f.id,
                       f.device.empty() ? "" : " " + f.device, f.message,
                       f.where.file.empty() ? "" : "  [" + f.where.str() + "]", c.fingerprint);
  }
}

std::string question(int q) { return q == 0 ? "Q0 (scope)" : "Q" + std::to_string(q); }

}  // namespace

std::string diff_to_text(const DiffReport& r) {
  const auto& d = r.diff;
  std::string out = fmt::format("gapproof diff\n  BEFORE: {}\n  AFTER:  {}\n", r.before.label, r.after.label);
  out += r.failing.empty()
             ? "result: no flow into a control zone opened, no verdict worse, no new finding at "
               "or above --fail-on (exit 0)\n"
             : "result: the change needs attention (exit 1)\n";
  for (const auto& why : r.failing) out += "  - " + why + "\n";
  out += "\nZONES (verdict before -> after)\n";
  for (const auto& z : d.zones)
    out += fmt::format("  {}: {} -> {}{}\n", z.zone, verdict_or_none(z.before), verdict_or_none(z.after),
                       z.worse               ? "  (worse)"
                       : z.before == z.after ? ""
                                             : "  (changed)");
  flows_text(out, d.flows.opened, true);
  flows_text(out, d.flows.closed, false);
  out += fmt::format("\nFINDINGS by fingerprint: {} new, {} fixed, {} unchanged\n", d.added.size(),
                     d.fixed.size(), d.unchanged.size());
  findings_text(out, "new  ", d.added);
  findings_text(out, "fixed", d.fixed);
  out += "\nORDINANCE (省令) answers that change\n";
  if (d.ordinance.empty()) out += "  none\n";
  for (const auto& o : d.ordinance)
    out += fmt::format("  {} (zone {}) {}: {} -> {}{}\n      {}\n", o.host, o.zone, question(o.question),
                       o.before.empty() ? "(no host)" : o.before, o.after.empty() ? "(no host)" : o.after,
                       o.zone_verdict_changed ? "  (the zone's verdict changed)" : "", o.reason);
  out += "\nCHANGED LINES\n";
  if (d.files.empty()) out += "  none\n";
  for (const auto& f : d.files) {
    const std::string name = f.device.empty() ? "topology" : f.device;
    if (f.before_file.empty())
      out += fmt::format("  {}: new in AFTER ({})\n", name, f.after_file);
    else if (f.after_file.empty())
      out += fmt::format("  {}: removed in AFTER (was {})\n", name, f.before_file);
    else
      out += fmt::format("  {} ({}{})\n", name, f.before_file,
                         f.after_file == f.before_file ? "" : " -> " + f.after_file);
    for (const auto& l : f.lines)
      out += fmt::format("    {} {}:{}  {}\n", l.added ? '+' : '-', l.added ? f.after_file : f.before_file,
                         l.line, l.text);
  }
  return out;
}

std::string diff_to_json(const DiffReport& r) {
  const auto& d = r.diff;
  ordered_json j;
  j["tool"] = "gapproof";
  j["version"] = kVersion;
  j["kind"] = "diff";
  j["before"] = {{"label", r.before.label}, {"root", r.before.snap.root}};
  j["after"] = {{"label", r.after.label}, {"root", r.after.snap.root}};
  j["fails"] = !r.failing.empty();
  j["failing_reasons"] = strings(r.failing);
  ordered_json zones = ordered_json::array();
  for (const auto& z : d.zones)
    zones.push_back({{"zone", z.zone},
                     {"before", z.before ? ordered_json(reach::to_string(*z.before)) : ordered_json(nullptr)},
                     {"after", z.after ? ordered_json(reach::to_string(*z.after)) : ordered_json(nullptr)},
                     {"worse", z.worse}});
  j["zones"] = zones;
  j["opened"] = flows_json(d.flows.opened);
  j["closed"] = flows_json(d.flows.closed);
  j["findings"] = {{"new", findings_json(d.added)},
                   {"fixed", findings_json(d.fixed)},
                   {"unchanged", findings_json(d.unchanged)}};
  ordered_json ord = ordered_json::array();
  for (const auto& o : d.ordinance)
    ord.push_back({{"host", o.host},
                   {"zone", o.zone},
                   {"question", "q" + std::to_string(o.question)},
                   {"before", o.before.empty() ? ordered_json(nullptr) : ordered_json(o.before)},
                   {"after", o.after.empty() ? ordered_json(nullptr) : ordered_json(o.after)},
                   {"zone_verdict_changed", o.zone_verdict_changed},
                   {"reason", o.reason}});
  j["ordinance"] = ord;
  ordered_json files = ordered_json::array();
  for (const auto& f : d.files) {
    ordered_json lines = ordered_json::array();
    for (const auto& l : f.lines)
      lines.push_back({{"op", l.added ? "+" : "-"}, {"line", l.line}, {"text", l.text}});
    files.push_back(
        {{"device", f.device.empty() ? ordered_json(nullptr) : ordered_json(f.device)},
         {"before_file", f.before_file.empty() ? ordered_json(nullptr) : ordered_json(f.before_file)},
         {"after_file", f.after_file.empty() ? ordered_json(nullptr) : ordered_json(f.after_file)},
         {"lines", lines}});
  }
  j["changed_files"] = files;
  return j.dump(2) + "\n";
}

}  // namespace gp::report
