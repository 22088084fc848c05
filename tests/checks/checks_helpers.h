// Shared helpers of the rulebook check tests: parse inline configurations, load samples, run one
// check by id.
#pragma once
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "checks/check.h"
#include "model/reachability/audit.h"
#include "parsers/cisco_asa/cisco_asa.h"
#include "parsers/cisco_ios/cisco_ios.h"
#include "parsers/topology/load_snapshot.h"
#include "test_paths.h"

namespace gp::test::chk {

inline model::Device ios(const std::string& text, const std::string& name = "r1") {
  auto d = parsers::parse_cisco_ios(text, "configs/" + name + ".cfg");
  d.name = name;
  return d;
}

inline model::Device asa(const std::string& text, const std::string& name = "fw1") {
  auto d = parsers::parse_cisco_asa(text, "configs/" + name + ".cfg");
  d.name = name;
  return d;
}

inline model::Snapshot snap_of(std::vector<model::Device> devices) {
  model::Snapshot s;
  s.name = "test";
  s.root = "test";
  s.devices = std::move(devices);
  return s;
}

inline std::vector<checks::Finding> run(const std::string& id, const model::Snapshot& s,
                                        const reach::AuditResult& r = reach::AuditResult{}) {
  checks::CheckContext ctx{s, r};
  for (const auto& c : checks::registry())
    if (id == c.info.id) {
      std::vector<checks::Finding> out;
      c.run(ctx, c.info, out);
      return out;
    }
  FAIL("no check " << id);
  return {};
}

// A sample snapshot and its reachability result, loaded once per process.
struct Loaded {
  model::Snapshot snap;
  reach::AuditResult reach;
};
inline const Loaded& sample(const std::string& name) {
  static std::map<std::string, Loaded> cache;
  auto it = cache.find(name);
  if (it == cache.end()) {
    Loaded l;
    l.snap = parsers::load_snapshot(source_dir() + "/samples/" + name);
    l.reach = reach::audit_reachability(l.snap);
    it = cache.emplace(name, std::move(l)).first;
  }
  return it->second;
}
inline std::vector<checks::Finding> run_sample(const std::string& id, const std::string& name) {
  const auto& l = sample(name);
  return run(id, l.snap, l.reach);
}

// Findings at file:line.
inline int at(const std::vector<checks::Finding>& fs, const std::string& file, int line) {
  int n = 0;
  for (const auto& f : fs) n += f.where.file == file && f.where.line == line;
  return n;
}
inline int with_severity(const std::vector<checks::Finding>& fs, checks::Severity s) {
  int n = 0;
  for (const auto& f : fs) n += f.severity == s;
  return n;
}

}  // namespace gp::test::chk
