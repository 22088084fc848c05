#include <nlohmann/json.hpp>

#include "checks/fingerprint.h"
#include "checks/ordinance.h"
#include "parsers/registry.h"
#include "report/ordinance_report.h"
#include "report/report.h"

namespace gp::report {

using nlohmann::ordered_json;

namespace {

ordered_json ref_json(const SourceRef& r) {
  ordered_json j;
  j["file"] = r.file;
  j["line"] = r.line;
  return j;
}

// {"what", "file", "line"}: a fact, assumption or note with the line behind it.
ordered_json what_at(const std::string& what, const SourceRef& r) {
  ordered_json j;
  j["what"] = what;
  j["file"] = r.file;
  j["line"] = r.line;
  return j;
}

// A list of (what, where) pairs as an array of what_at objects.
ordered_json what_at_list(const std::vector<std::pair<std::string, SourceRef>>& items) {
  ordered_json a = ordered_json::array();
  for (const auto& [what, ref] : items) a.push_back(what_at(what, ref));
  return a;
}

ordered_json trace_json(const reach::Trace& t) {
  ordered_json j;
  j["packet"] = t.first.str();
  j["delivered_as"] = t.last.str();
  ordered_json hops = ordered_json::array();
  for (const auto& h : t.hops) {
    ordered_json hj;
    hj["device"] = h.device;
    hj["in_interface"] = h.in_interface;
    hj["out_interface"] = h.out_interface;
    hj["action"] = h.action;
    hj["facts"] = what_at_list(h.facts);
    hops.push_back(hj);
  }
  j["hops"] = hops;
  return j;
}

}  // namespace

std::string to_json(const AuditReport& r) {
  ordered_json j;
  j["tool"] = "gapproof";
  j["version"] = kVersion;
  j["snapshot"] = r.snap.name;
  j["topology"] = r.snap.has_topology ? r.snap.topology_file : "";
  ordered_json zones = ordered_json::array();
  for (const auto& z : r.reach.zones) {
    ordered_json zj;
    zj["zone"] = z.zone;
    zj["kind"] = model::to_string(z.kind);
    zj["claim"] = z.claim ? ordered_json(*z.claim) : ordered_json(nullptr);
    zj["verdict"] = reach::to_string(z.verdict);
    zj["summary"] = z.summary;
    ordered_json path = ordered_json::array();
    for (const auto& s : z.physical_path) {
      ordered_json sj;
      sj["vertex"] = s.vertex;
      sj["via"] = s.via;
      if (!s.interface.empty()) sj["interface"] = s.interface;
      sj["file"] = s.ref.file;
      sj["line"] = s.ref.line;
      path.push_back(sj);
    }
    zj["physical_path"] = path;
    ordered_json blocking = ordered_json::array();
    for (const auto& b : z.blocking) {
      ordered_json bj;
      bj["device"] = b.device;
      bj["interface"] = b.interface;
      bj["what"] = b.what;
      bj["example_packet"] = b.example;
      ordered_json refs = ordered_json::array();
      for (const auto& ref : b.refs) refs.push_back(ref_json(ref));
      bj["lines"] = refs;
      blocking.push_back(bj);
    }
    zj["blocking"] = blocking;
    ordered_json flows = ordered_json::array();
    for (const auto& f : z.flows) {
      ordered_json fj;
      ordered_json chain = ordered_json::array();
      for (const auto& s : f.chain) {
        ordered_json sj;
        sj["source"] = s.source;
        sj["source_kind"] = s.source_kind;
        sj["target"] = s.target;
        if (!s.trace.hops.empty() || s.trace.first.dst != 0) sj["trace"] = trace_json(s.trace);
        chain.push_back(sj);
      }
      fj["chain"] = chain;
      if (!f.chain.empty() && !f.chain.back().trace.hops.empty())
        fj["packet"] = f.chain.back().trace.first.str();
      flows.push_back(fj);
    }
    zj["flows"] = flows;
    ordered_json unproven = ordered_json::array();
    for (const auto& u : z.unproven) {
      ordered_json uj;
      uj["device"] = u.device;
      uj["what"] = u.what;
      uj["file"] = u.ref.file;
      uj["line"] = u.ref.line;
      unproven.push_back(uj);
    }
    zj["unproven"] = unproven;
    zj["component"] = z.component;
    zj["carriers_credited"] = z.carriers;
    zones.push_back(zj);
  }
  j["zones"] = zones;
  ordered_json findings = ordered_json::array();
  const auto prints = checks::fingerprints(r.findings);
  for (size_t k = 0; k < r.findings.size(); ++k) {
    const auto& f = r.findings[k];
    ordered_json fj;
    fj["id"] = f.id;
    fj["severity"] = checks::to_string(f.severity);
    fj["tier"] = checks::to_string(f.tier);
    fj["title"] = f.title;
    fj["guideline"] = f.guideline;
    fj["device"] = f.device;
    fj["file"] = f.where.file;
    fj["line"] = f.where.line;
    fj["message"] = f.message;
    fj["fingerprint"] = prints[k];
    findings.push_back(fj);
  }
  j["findings"] = findings;
  // The ordinance sheet (spec §4): one entry per host of the inventory.
  bool date_from_system = false;
  j["audit_date"] = checks::ordinance_audit_date(r.snap, &date_from_system);
  j["audit_date_source"] = date_from_system ? "system date" : "topology.yaml";
  j["ordinance"] = ordinance_json(checks::ordinance_sheet(r.snap, r.reach));
  j["assumptions"] = what_at_list(r.reach.assumptions);
  ordered_json links = ordered_json::array();
  for (const auto& l : r.snap.links) {
    if (!l.inferred) continue;
    ordered_json lj;
    lj["kind"] = model::to_string(l.kind);
    ordered_json members = ordered_json::array();
    for (const auto& m : l.members) members.push_back(m.str());
    lj["members"] = members;
    lj["why"] = l.inferred_why;
    lj["file"] = l.src_ref.file;
    lj["line"] = l.src_ref.line;
    links.push_back(lj);
  }
  j["inferred_links"] = links;
  j["notes"] = what_at_list(r.snap.notes);
  ordered_json devices = ordered_json::array();
  for (const auto& d : r.snap.devices) {
    ordered_json dj;
    dj["device"] = d.name;
    dj["file"] = d.file;
    dj["vendor"] = parsers::vendor_name(d.vendor);
    dj["dialect"] = parsers::dialect_name(d);
    dj["supported"] = model::dialect_read(d);
    dj["not_supported"] = model::unread_label(d);  // "dialect X: not supported", "" when read
    dj["encoding"] = d.encoding;
    dj["lines"] = d.total_lines;
    dj["ignored_lines"] = d.ignored_lines;
    dj["unrecognised_lines"] = d.unrecognised.size();
    dj["backup_tool"] = d.backup_tool;
    dj["backup_tool_lines"] = d.backup_lines;
    dj["unread_lines"] = d.unread_lines;
    std::vector<std::pair<std::string, SourceRef>> damage;
    for (const auto& dmg : d.damage) damage.push_back({dmg.why, dmg.src_ref});
    dj["damage"] = what_at_list(damage);
    dj["notes"] = what_at_list(d.notes);
    devices.push_back(dj);
  }
  j["devices"] = devices;
  j["pivots"] = r.reach.pivots;
  // The model holds well-formed UTF-8 (parse_config_bytes decodes every file); topology.yaml and
  // host files are read as they are. Replace rather than throw on anything else: a report, not an
  // internal error.
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace gp::report
