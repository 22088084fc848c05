// JUnit XML, as CI servers (Jenkins, GitLab, Azure) read it: one test suite per zone (its verdict)
// and per device (one test case per check), and one for the snapshot as a whole (checks whose
// findings concern no single device: the ordinance sheet, closure claims). A finding is a failure
// with its message and location; checks whose absence-based findings were withheld on a damaged
// configuration are skipped, saying why.
#include <fmt/format.h>

#include <map>
#include <set>

#include "checks/check.h"
#include "report/html_escape.h"
#include "report/report.h"

namespace gp::report {

namespace {

std::string xml(const std::string& s) { return escape_markup(s); }

struct Case {
  std::string name, classname, file;
  int line = 0;
  std::vector<const checks::Finding*> failures;
  std::string skipped;                                // why, when the check did not run on this device
  std::string failure_type, failure_message, output;  // zone verdicts
};

struct Suite {
  std::string name;
  std::vector<Case> cases;
};

std::string where(const SourceRef& r) { return r.line > 0 ? r.str() : r.file; }

std::string case_xml(const Case& c) {
  std::string out = fmt::format("    <testcase classname=\"{}\" name=\"{}\"", xml(c.classname), xml(c.name));
  if (!c.file.empty()) out += fmt::format(" file=\"{}\"", xml(c.file));
  if (c.line > 0) out += fmt::format(" line=\"{}\"", c.line);
  if (c.failures.empty() && c.skipped.empty() && c.failure_type.empty() && c.output.empty())
    return out + "/>\n";
  out += ">\n";
  if (!c.skipped.empty()) out += fmt::format("      <skipped message=\"{}\"/>\n", xml(c.skipped));
  if (!c.failures.empty()) {
    const auto* first = c.failures.front();
    std::string body;
    for (const auto* f : c.failures) body += where(f->where) + ": " + f->message + "\n";
    out += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n",
                       checks::to_string(first->severity),
                       xml(c.failures.size() == 1
                               ? first->message
                               : fmt::format("{} findings; first: {}", c.failures.size(), first->message)),
                       xml(body));
  }
  if (!c.failure_type.empty())
    out += fmt::format("      <failure type=\"{}\" message=\"{}\">{}</failure>\n", xml(c.failure_type),
                       xml(c.failure_message), xml(c.output));
  else if (!c.output.empty())
    out += fmt::format("      <system-out>{}</system-out>\n", xml(c.output));
  return out + "    </testcase>\n";
}

int failures_of(const Suite& s) {
  int n = 0;
  for (const auto& c : s.cases) n += (!c.failures.empty() || !c.failure_type.empty()) ? 1 : 0;
  return n;
}

int skipped_of(const Suite& s) {
  int n = 0;
  for (const auto& c : s.cases) n += c.skipped.empty() ? 0 : 1;
  return n;
}

// A zone fails unless it is CLOSED, or FIREWALL_ONLY without a claim of being closed: what the
// guideline accepts. The evidence goes in the failure's body (or system-out when it passes).
Suite zone_suite(const reach::ZoneVerdict& z, const model::Snapshot& snap) {
  Case c;
  c.classname = "zone." + z.zone;
  c.name = "verdict";
  if (auto it = snap.zones.find(z.zone); it != snap.zones.end()) {
    c.file = it->second.src_ref.file;
    c.line = it->second.src_ref.line;
  }
  std::string evidence = std::string(reach::to_string(z.verdict)) + ": " + z.summary + "\n";
  for (const auto& u : z.unproven) evidence += where(u.ref) + ": " + u.device + ": " + u.what + "\n";
  for (const auto& b : z.blocking) {
    evidence += b.device + " " + b.interface + ": " + b.what;
    for (const auto& ref : b.refs) evidence += " " + where(ref);
    evidence += "\n";
  }
  for (const auto& f : z.flows)
    if (!f.chain.empty() && !f.chain.back().trace.hops.empty())
      evidence += "flow from " + f.chain.front().source + ": " + f.chain.back().trace.first.str() + "\n";
  const bool accepted = z.verdict == reach::Verdict::Closed ||
                        (z.verdict == reach::Verdict::FirewallOnly && !z.claim.has_value());
  if (!accepted) {
    c.failure_type = reach::to_string(z.verdict);
    c.failure_message = "zone " + z.zone + ": " + reach::to_string(z.verdict) + ": " + z.summary;
  }
  c.output = evidence;
  return Suite{"zone " + z.zone, {c}};
}

}  // namespace

std::string to_junit(const AuditReport& r) {
  std::vector<Suite> suites;
  for (const auto& z : r.reach.zones) suites.push_back(zone_suite(z, r.snap));

  // Findings by device and check; device-less ones go to the snapshot suite.
  std::map<std::string, std::map<std::string, std::vector<const checks::Finding*>>> by_device;
  std::map<std::string, std::vector<const checks::Finding*>> snapshot_wide;
  for (const auto& f : r.findings) {
    if (f.device.empty())
      snapshot_wide[f.id].push_back(&f);
    else
      by_device[f.device][f.id].push_back(&f);
  }
  std::set<std::string> snapshot_checks;
  for (const auto& c : checks::registry())
    if (c.info.tier == checks::Tier::Ordinance || snapshot_wide.count(c.info.id))
      snapshot_checks.insert(c.info.id);

  for (const auto& d : r.snap.devices) {
    Suite s{"device " + d.name, {}};
    const auto& found = by_device[d.name];
    for (const auto& c : checks::registry()) {
      if (snapshot_checks.count(c.info.id) && !found.count(c.info.id)) continue;
      Case k;
      k.classname = "device." + d.name;
      k.name = std::string(c.info.id) + ": " + c.info.title_en;
      k.file = d.file;
      if (auto it = found.find(c.info.id); it != found.end()) {
        k.failures = it->second;
        k.line = it->second.front()->where.line;
      } else if (c.rests_on_absence && !d.damage.empty()) {
        k.skipped = "not checked: the configuration cannot be trusted (" + d.damage.front().why + ")";
      }
      s.cases.push_back(std::move(k));
    }
    suites.push_back(std::move(s));
  }
  Suite whole{"snapshot", {}};
  for (const auto& c : checks::registry()) {
    if (!snapshot_checks.count(c.info.id)) continue;
    Case k;
    k.classname = "snapshot";
    k.name = std::string(c.info.id) + ": " + c.info.title_en;
    if (auto it = snapshot_wide.find(c.info.id); it != snapshot_wide.end()) {
      k.failures = it->second;
      k.file = it->second.front()->where.file;
      k.line = it->second.front()->where.line;
    }
    whole.cases.push_back(std::move(k));
  }
  suites.push_back(std::move(whole));

  int tests = 0, failures = 0, skipped = 0;
  std::string body;
  for (const auto& s : suites) {
    const int f = failures_of(s), sk = skipped_of(s);
    tests += static_cast<int>(s.cases.size());
    failures += f;
    skipped += sk;
    body +=
        fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">\n",
                    xml(s.name), s.cases.size(), f, sk);
    for (const auto& c : s.cases) body += case_xml(c);
    body += "  </testsuite>\n";
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"gapproof {}\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
      "skipped=\"{}\">\n{}</testsuites>\n",
      xml(r.snap.name), tests, failures, skipped, body);
}

}  // namespace gp::report
