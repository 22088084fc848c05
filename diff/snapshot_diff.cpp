#include "diff/snapshot_diff.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "checks/fingerprint.h"
#include "parsers/common/secret_mask.h"
#include "parsers/common/text_decoding.h"

namespace gp::diff {

namespace fs = std::filesystem;

std::unique_ptr<Side> audit_side(std::string label, model::Snapshot snap) {
  auto s = std::make_unique<Side>();
  s->label = std::move(label);
  s->snap = std::move(snap);
  s->reach = reach::audit_reachability(s->snap, &s->runs);
  s->findings = checks::run_all(checks::CheckContext{s->snap, s->reach});
  s->fingerprints = checks::fingerprints(s->findings);
  s->ordinance = checks::ordinance_sheet(s->snap, s->reach);
  return s;
}

namespace {

int rank(reach::Verdict v) {
  switch (v) {
    case reach::Verdict::Closed:
      return 0;
    case reach::Verdict::FirewallOnly:
      return 1;
    case reach::Verdict::Unproven:
      return 2;
    case reach::Verdict::Reachable:
      return 3;
  }
  return 3;
}

std::vector<ZoneChange> zone_changes(const Side& b, const Side& a) {
  std::map<std::string, ZoneChange> by_zone;
  for (const auto& z : b.reach.zones) by_zone[z.zone].before = z.verdict;
  for (const auto& z : a.reach.zones) by_zone[z.zone].after = z.verdict;
  std::vector<ZoneChange> out;
  for (auto& [id, c] : by_zone) {
    c.zone = id;
    if (c.after) c.worse = rank(*c.after) > (c.before ? rank(*c.before) : 0);
    out.push_back(std::move(c));
  }
  return out;
}

void finding_changes(const Side& b, const Side& a, SnapshotDiff& d) {
  const std::set<std::string> before(b.fingerprints.begin(), b.fingerprints.end());
  const std::set<std::string> after(a.fingerprints.begin(), a.fingerprints.end());
  for (size_t i = 0; i < a.findings.size(); ++i)
    (before.count(a.fingerprints[i]) ? d.unchanged : d.added).push_back({&a.findings[i], a.fingerprints[i]});
  for (size_t i = 0; i < b.findings.size(); ++i)
    if (!after.count(b.fingerprints[i])) d.fixed.push_back({&b.findings[i], b.fingerprints[i]});
}

std::string answer_of(const checks::OrdinanceRow& r, int q) {
  return q == 0 ? checks::to_string(r.q0) : checks::to_string(r.answer(q));
}

void ordinance_changes(const Side& b, const Side& a, const std::vector<ZoneChange>& zones, SnapshotDiff& d) {
  std::set<std::string> changed_zones;
  for (const auto& z : zones)
    if (z.before != z.after) changed_zones.insert(z.zone);
  std::map<std::string, const checks::OrdinanceRow*> rb, ra;
  for (const auto& r : b.ordinance) rb[r.host] = &r;
  for (const auto& r : a.ordinance) ra[r.host] = &r;
  std::set<std::string> hosts;
  for (const auto& [h, _] : rb) hosts.insert(h);
  for (const auto& [h, _] : ra) hosts.insert(h);
  for (const auto& h : hosts) {
    const auto* x = rb.count(h) ? rb[h] : nullptr;
    const auto* y = ra.count(h) ? ra[h] : nullptr;
    for (int q = 0; q <= 4; ++q) {
      const std::string before = x ? answer_of(*x, q) : "", after = y ? answer_of(*y, q) : "";
      if (before == after) continue;
      OrdinanceChange c;
      c.host = h;
      c.zone = y ? y->zone : x->zone;
      c.question = q;
      c.before = before;
      c.after = after;
      c.reason = y ? y->reasons_en[static_cast<size_t>(q)] : x->reasons_en[static_cast<size_t>(q)];
      c.zone_verdict_changed = changed_zones.count(c.zone) > 0;
      d.ordinance.push_back(std::move(c));
    }
  }
}

// A file of the snapshot as text, decoded as the parsers decode it (so line numbers agree).
std::vector<std::string> file_lines(const model::Snapshot& snap, const std::string& file) {
  if (file.empty()) return {};
  fs::path p(file);
  if (p.is_relative()) p = fs::path(snap.root) / p;
  std::ifstream in(p, std::ios::binary);
  if (!in) return {};
  std::ostringstream ss;
  ss << in.rdbuf();
  return split_lines(parsers::decode_config_text(ss.str()).text);
}

void file_changes(const Side& b, const Side& a, SnapshotDiff& d) {
  if (b.snap.has_topology || a.snap.has_topology) {
    FileChange t;
    t.before_file = b.snap.topology_file;
    t.after_file = a.snap.topology_file;
    t.lines = line_changes(file_lines(b.snap, t.before_file), file_lines(a.snap, t.after_file));
    for (auto& l : t.lines) l.text = parsers::quote_config_text(l.text);
    if (!t.lines.empty()) d.files.push_back(std::move(t));
  }
  std::map<std::string, std::pair<std::string, std::string>> files;  // device -> (before, after)
  for (const auto& dev : b.snap.devices) files[dev.name].first = dev.file;
  for (const auto& dev : a.snap.devices) files[dev.name].second = dev.file;
  for (const auto& [name, f] : files) {
    FileChange c;
    c.device = name;
    c.before_file = f.first;
    c.after_file = f.second;
    c.lines = line_changes(file_lines(b.snap, f.first), file_lines(a.snap, f.second));
    // Changed lines leave through reports: secrets masked as every quoted configuration line is.
    for (auto& l : c.lines) l.text = parsers::quote_config_text(l.text);
    if (!c.lines.empty() || f.first.empty() || f.second.empty()) d.files.push_back(std::move(c));
  }
}

}  // namespace

SnapshotDiff diff_snapshots(const Side& before, const Side& after) {
  SnapshotDiff d;
  d.zones = zone_changes(before, after);
  d.flows = reach::diff_reach(before.snap, before.runs, after.snap, after.runs);
  finding_changes(before, after, d);
  ordinance_changes(before, after, d.zones, d);
  file_changes(before, after, d);
  return d;
}

std::vector<std::string> failing_reasons(const SnapshotDiff& d, checks::Severity threshold, bool never) {
  std::vector<std::string> out;
  for (const auto& f : d.flows.opened)
    out.push_back(std::string(f.certain ? "opens" : "may open") + " a flow from " + f.source_kind + " to " +
                  f.target + " (zone " + f.zone + ")");
  for (const auto& z : d.zones)
    if (z.worse)
      out.push_back("zone " + z.zone + ": " + (z.before ? reach::to_string(*z.before) : "(new)") + " -> " +
                    reach::to_string(*z.after));
  if (!never)
    for (const auto& f : d.added)
      if (static_cast<int>(f.finding->severity) >= static_cast<int>(threshold))
        out.push_back("new finding " + f.finding->id + " (" + checks::to_string(f.finding->severity) + ")");
  return out;
}

}  // namespace gp::diff
