// SARIF 2.1.0 (OASIS): the format code-scanning pages and CI servers read. Each finding is a
// result on its configuration line; each zone verdict a result on the zone's line in
// topology.yaml (rule GAP-ZONE-VERDICT, which is not a check: the prover gives it); the check
// registry is the driver's rules. Paths are relative to the snapshot folder (uriBaseId SNAPSHOT).
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "checks/fingerprint.h"
#include "report/report.h"

namespace gp::report {

using nlohmann::ordered_json;

namespace {

constexpr const char* kZoneRule = "GAP-ZONE-VERDICT";
constexpr const char* kBase = "SNAPSHOT";
constexpr size_t kMaxRelated = 50;  // related locations per result: enough to act on, not a dump

// RFC 3986: keep unreserved characters and '/', percent-encode every other byte (UTF-8 names too).
std::string uri_path(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// SARIF levels: error for what must be fixed before approval, warning, note.
const char* level(checks::Severity s) {
  switch (s) {
    case checks::Severity::Critical:
    case checks::Severity::High:
      return "error";
    case checks::Severity::Medium:
      return "warning";
    default:
      return "note";
  }
}

// GitHub code scanning ranks security results by this number (CVSS-like, as a string).
const char* security_severity(checks::Severity s) {
  switch (s) {
    case checks::Severity::Critical:
      return "9.5";
    case checks::Severity::High:
      return "8.0";
    case checks::Severity::Medium:
      return "5.5";
    case checks::Severity::Low:
      return "3.0";
    default:
      return "0.0";
  }
}

// A location on a line of a snapshot file. A fact about the whole file (a setting that is absent
// has no line) points at line 1 and says so: code-scanning pages need a line to show a result.
ordered_json location(const SourceRef& ref, const std::string& message = "") {
  ordered_json phys;
  phys["artifactLocation"] = {{"uri", uri_path(ref.file)}, {"uriBaseId", kBase}};
  phys["region"] = {{"startLine", ref.line > 0 ? ref.line : 1}};
  ordered_json loc;
  loc["physicalLocation"] = phys;
  if (!message.empty()) loc["message"] = {{"text", message}};
  if (ref.line <= 0) loc["properties"] = {{"wholeFile", true}};
  return loc;
}

std::string help_markdown(const checks::CheckInfo& i) {
  std::string md = std::string(i.rationale);
  if (!md.empty()) md += "\n\n";
  md += std::string("Guideline ") + i.guideline + " (" + checks::to_string(i.tier) + ").";
  for (const auto& f : i.fix)
    md += std::string("\n\nFix (") + f.dialect + "):\n\n```\n" + f.commands + "\n```";
  return md;
}

ordered_json rule_json(const checks::CheckInfo& i) {
  ordered_json r;
  r["id"] = i.id;
  r["shortDescription"] = {{"text", i.title_en}};
  r["fullDescription"] = {{"text", *i.rationale ? i.rationale : i.title_en}};
  r["help"] = {{"text", help_markdown(i)}, {"markdown", help_markdown(i)}};
  r["defaultConfiguration"] = {{"level", level(i.severity)}};
  r["properties"] = {{"tags", {"security", checks::to_string(i.tier)}},
                     {"security-severity", security_severity(i.severity)},
                     {"severity", checks::to_string(i.severity)},
                     {"guideline", i.guideline},
                     {"tier", checks::to_string(i.tier)},
                     {"title_ja", i.title_ja}};
  return r;
}

ordered_json zone_rule_json() {
  ordered_json r;
  r["id"] = kZoneRule;
  r["shortDescription"] = {{"text", "Verdict of a zone: can the internet reach it?"}};
  const char* text =
      "CLOSED: no physical path to the internet. FIREWALL_ONLY: a physical path exists and every flow "
      "is blocked by filters (not a closed network under the guideline). REACHABLE: a flow from the "
      "internet reaches the zone (the hop trace is in the related locations). UNPROVEN: something on "
      "a candidate path was not understood. The findings GAP-ZONE-* and GAP-CLOSURE-CLAIM say what to "
      "act on, at the line that causes it.";
  r["fullDescription"] = {{"text", text}};
  r["help"] = {{"text", text}};
  r["defaultConfiguration"] = {{"level", "note"}};
  r["properties"] = {{"tags", {"security"}}};
  return r;
}

// The verdict as a record on the zone's line: a note (CLOSED: a pass). What must be acted on is
// already a finding at the line that causes it (GAP-ZONE-REACHABLE at the permit or port forward,
// GAP-ZONE-UNPROVEN, GAP-ZONE-FIREWALL-ONLY, GAP-CLOSURE-CLAIM): one alert per root cause.
ordered_json zone_result(const reach::ZoneVerdict& z, const SourceRef& zone_ref, int rule_index) {
  ordered_json res;
  res["ruleId"] = kZoneRule;
  res["ruleIndex"] = rule_index;
  if (z.verdict == reach::Verdict::Closed) res["kind"] = "pass";
  res["level"] = z.verdict == reach::Verdict::Closed ? "none" : "note";
  res["message"] = {{"text", "zone " + z.zone + ": " + reach::to_string(z.verdict) + ": " + z.summary}};
  res["locations"] = {location(zone_ref)};
  ordered_json related = ordered_json::array();
  auto add = [&](const SourceRef& ref, const std::string& what) {
    if (related.size() < kMaxRelated && !ref.file.empty()) related.push_back(location(ref, what));
  };
  for (const auto& u : z.unproven) add(u.ref, u.device + ": " + u.what);
  for (const auto& b : z.blocking)
    for (const auto& ref : b.refs) add(ref, b.device + " " + b.interface + ": " + b.what);
  for (const auto& f : z.flows)
    for (const auto& step : f.chain)
      for (const auto& hop : step.trace.hops)
        for (const auto& [what, ref] : hop.facts) add(ref, hop.device + ": " + what);
  for (const auto& s : z.physical_path) add(s.ref, s.vertex + (s.via.empty() ? "" : " (" + s.via + ")"));
  for (size_t i = 0; i < related.size(); ++i) related[i]["id"] = i;
  if (!related.empty()) res["relatedLocations"] = related;
  res["partialFingerprints"] = {{"gapproof/v1", "zone:" + z.zone}};
  res["properties"] = {{"verdict", reach::to_string(z.verdict)}, {"zoneKind", model::to_string(z.kind)}};
  return res;
}

std::string snapshot_uri(const std::string& root) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(root.empty() ? "." : root, ec);
  std::string s = p.lexically_normal().generic_string();
  if (s.empty() || s.back() != '/') s += '/';
  return "file://" + uri_path(s);
}

}  // namespace

std::string to_sarif(const AuditReport& r) {
  ordered_json rules = ordered_json::array();
  std::map<std::string, int> rule_index;
  for (const auto& c : checks::registry()) {
    rule_index[c.info.id] = static_cast<int>(rules.size());
    rules.push_back(rule_json(c.info));
  }
  const int zone_rule = static_cast<int>(rules.size());
  rules.push_back(zone_rule_json());

  ordered_json results = ordered_json::array();
  for (const auto& z : r.reach.zones) {
    auto it = r.snap.zones.find(z.zone);
    SourceRef ref = it != r.snap.zones.end() ? it->second.src_ref : SourceRef{r.snap.topology_file, 0, 0};
    if (ref.file.empty()) ref.file = r.snap.topology_file;
    results.push_back(zone_result(z, ref, zone_rule));
  }
  const auto prints = checks::fingerprints(r.findings);
  for (size_t k = 0; k < r.findings.size(); ++k) {
    const auto& f = r.findings[k];
    ordered_json res;
    res["ruleId"] = f.id;
    if (auto it = rule_index.find(f.id); it != rule_index.end()) res["ruleIndex"] = it->second;
    res["level"] = level(f.severity);
    res["message"] = {{"text", (f.device.empty() ? "" : f.device + ": ") + f.message}};
    if (!f.where.file.empty()) res["locations"] = {location(f.where)};
    res["partialFingerprints"] = {{"gapproof/v1", prints[k]}};
    res["properties"] = {{"severity", checks::to_string(f.severity)},
                         {"tier", checks::to_string(f.tier)},
                         {"guideline", f.guideline},
                         {"device", f.device}};
    results.push_back(res);
  }

  ordered_json driver;
  driver["name"] = "gapproof";
  driver["version"] = kVersion;
  driver["semanticVersion"] = kVersion;
  driver["rules"] = rules;
  ordered_json run;
  run["tool"] = {{"driver", driver}};
  run["originalUriBaseIds"] = {{kBase, {{"uri", snapshot_uri(r.snap.root)}}}};
  run["results"] = results;
  run["columnKind"] = "unicodeCodePoints";
  ordered_json j;
  j["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  j["version"] = "2.1.0";
  j["runs"] = {run};
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace gp::report
