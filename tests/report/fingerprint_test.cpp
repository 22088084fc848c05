// Stable identities (issue 10 item 3, used by SARIF partialFingerprints): a finding keeps its
// fingerprint when lines move and when the audit date changes, and two different findings never
// share one.
#include "checks/fingerprint.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "model/reachability/audit.h"
#include "parsers/topology/load_snapshot.h"
#include "tests/test_paths.h"

namespace fs = std::filesystem;
using namespace gp;

namespace {

std::vector<checks::Finding> audit(const std::string& dir) {
  const model::Snapshot snap = parsers::load_snapshot(dir);
  const reach::AuditResult reach = reach::audit_reachability(snap);
  return checks::run_all({snap, reach});
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// fingerprint -> (id, device, message with its numbers), to say which finding moved.
std::map<std::string, std::string> by_print(const std::vector<checks::Finding>& fs) {
  std::map<std::string, std::string> out;
  const auto prints = checks::fingerprints(fs);
  for (size_t i = 0; i < fs.size(); ++i)
    out[prints[i]] = fs[i].id + " " + fs[i].device + ": " + fs[i].message;
  return out;
}

}  // namespace

TEST_CASE("fingerprints survive moved lines and another audit date", "[report][fingerprint]") {
  const fs::path sample = fs::path(test::source_dir()) / "samples/water-utility";
  const fs::path copy = fs::temp_directory_path() / "gapproof-fingerprint-moved";
  fs::remove_all(copy);
  fs::copy(sample, copy, fs::copy_options::recursive);
  // Three blank lines on top of every configuration (every dialect reads them as nothing), and a
  // audit two days later: every line number and every day count in the messages changes.
  for (const auto& e : fs::directory_iterator(copy / "configs")) {
    const std::string text = slurp(e.path());
    std::ofstream(e.path(), std::ios::binary) << "\n\n\n" << text;
  }
  std::string topo = slurp(copy / "topology.yaml");
  const auto at = topo.find("audit_date: 2026-11-25");
  REQUIRE(at != std::string::npos);
  topo.replace(at, 22, "audit_date: 2026-11-27");
  std::ofstream(copy / "topology.yaml", std::ios::binary) << topo;

  const auto before = audit(sample.string());
  const auto after = audit(copy.string());
  REQUIRE(before.size() == after.size());
  int moved = 0;
  for (size_t i = 0; i < before.size(); ++i) moved += before[i].where.line != after[i].where.line;
  CHECK(moved > 10);  // the edit did move the findings
  const auto b = by_print(before), a = by_print(after);
  CHECK(b.size() == before.size());  // no two findings share a fingerprint
  for (const auto& [print, what] : b) {
    INFO(what);
    CHECK(a.count(print) == 1);
  }
  fs::remove_all(copy);
}

TEST_CASE("fingerprints tell different findings apart", "[report][fingerprint]") {
  checks::Finding f;
  f.id = "GAP-X";
  f.device = "r1";
  f.where = {"configs/r1.cfg", 10, 0};
  f.message = "password of user admin is stored in clear text";
  auto g = f, h = f, k = f;
  g.device = "r2";
  h.message = "password of user backup is stored in clear text";
  k.where.line = 99;  // same problem, moved: same print
  const auto p = checks::fingerprints({f, g, h, k});
  CHECK(p[0] != p[1]);
  CHECK(p[0] != p[2]);
  CHECK(p[3] == p[0] + ":2");  // the same key twice in one run: told apart by order
  CHECK(p[0].size() == 16);
}
