// The topology example of the spec (§2), verbatim, with configurations written for it: the
// verdicts and their evidence, then the same network with one realistic mistake.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "model/reachability/audit.h"
#include "parsers/topology/load_snapshot.h"
#include "test_paths.h"

using namespace gp;
namespace fs = std::filesystem;

namespace {
const std::string kDir = test::source_dir() + "/tests/fixtures/snapshots/spec-example";

const reach::ZoneVerdict& zone(const reach::AuditResult& r, const std::string& id) {
  for (const auto& z : r.zones)
    if (z.zone == id) return z;
  FAIL("no zone " << id);
  return r.zones.front();
}

// A copy of the fixture with one config line replaced.
std::string patched(const std::string& file, const std::string& from, const std::string& to) {
  auto dir = fs::temp_directory_path() / "gapproof-spec-example";
  fs::remove_all(dir);
  fs::copy(kDir, dir, fs::copy_options::recursive);
  std::ifstream in(dir / "configs" / file);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(dir / "configs" / file) << text;
  return dir.string();
}
}  // namespace

TEST_CASE("spec example: both control zones are FIREWALL_ONLY, citing the lines", "[samples]") {
  auto snap = parsers::load_snapshot(kDir);
  auto r = reach::audit_reachability(snap);
  for (const char* id : {"scada", "pump-1"}) {
    const auto& z = zone(r, id);
    INFO(id);
    REQUIRE(z.verdict == reach::Verdict::FirewallOnly);
    CHECK(z.physical_path.back().vertex == "internet");
    bool dialer_acl = false;
    for (const auto& b : z.blocking)
      for (const auto& ref : b.refs) dialer_acl |= ref.file == "configs/hq-rtr.cfg" && ref.line == 30;
    CHECK(dialer_acl);  // INTERNET-IN "deny ip any any"
  }
}

TEST_CASE("spec example: opening RDP on the ASA exposes both zones through the office PC", "[samples]") {
  auto dir = patched(
      "plant-fw.cfg", "access-list outside_in extended deny ip any any",
      "access-list outside_in extended permit tcp 192.168.1.0 255.255.255.0 host 172.16.10.21 eq 3389");
  auto snap = parsers::load_snapshot(dir);
  auto r = reach::audit_reachability(snap);
  const auto& scada = zone(r, "scada");
  REQUIRE(scada.verdict == reach::Verdict::Reachable);
  const auto& chain = scada.flows.front().chain;
  REQUIRE(chain.size() == 2);
  CHECK(chain[0].target == "pc-01");
  CHECK(chain[1].target == "hmi-01");
  CHECK(chain[1].trace.first.dport == 3389);
  REQUIRE(chain[1].trace.hops.size() == 3);  // hq-rtr, plant-rtr, plant-fw
  CHECK(chain[1].trace.hops[2].device == "plant-fw");
  // hmi-01 is now a pivot, and plant-rtr lets it poll the pump LAN.
  const auto& pump = zone(r, "pump-1");
  REQUIRE(pump.verdict == reach::Verdict::Reachable);
  CHECK(pump.flows.front().chain.back().trace.first.dport == 502);
}
