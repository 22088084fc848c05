// Devices in dialects gapproof does not read (issue 9), end to end: listed by name as not
// supported, no finding about them but the one that says so, and every zone whose candidate path
// crosses one UNPROVEN, naming it.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "checks/check.h"
#include "model/reachability/audit.h"
#include "parsers/topology/load_snapshot.h"
#include "parsers/topology/temp_snapshot.h"
#include "report/report.h"
#include "test_paths.h"

using namespace gp;
namespace fs = std::filesystem;

namespace {

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  REQUIRE(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const char* const kJunos = "batfish/tests/parsing-tests/networks/example-juniper/configs/as1border1.cfg";
const char* const kEos =
    "lab-validation/snapshots/eos_evpn_l3_design_guide/configs/DC1-BL1A/show_running-config.txt";
const char* const kSrx = "batfish/tests/parsing-tests/networks/srx-testbed/configs/junos-srx-1.cfg";

}  // namespace

TEST_CASE(
    "unsupported dialects: a configs-only folder names JunOS and EOS, with no finding resting on absence",
    "[samples][unsupported]") {
  test::TempSnapshot t;
  t.write("configs/border.cfg", slurp(test::corpus(kJunos)));
  t.write("configs/leaf.cfg", slurp(test::corpus(kEos)));
  // A device that is read, for contrast: the absence-based checks do run on this folder.
  t.write("configs/hq-rtr.cfg", slurp(test::source_dir() + "/samples/water-utility/configs/hq-rtr.cfg"));
  const auto snap = parsers::load_snapshot(t.path());
  REQUIRE(snap.devices.size() == 3);
  const auto* border = snap.device("border");
  const auto* leaf = snap.device("leaf");
  REQUIRE(border);
  REQUIRE(leaf);
  CHECK(model::unread_label(*border) == "dialect Juniper JunOS (set form): not supported");
  CHECK(model::unread_label(*leaf) == "dialect Arista EOS: not supported");
  CHECK(leaf->unread_dialect_ref.line == 2);  // "! device: DC1-BL1A (vEOS, EOS-4.23.0.1F)"

  const auto reach = reach::audit_reachability(snap);
  const auto findings = checks::run_all({snap, reach});
  std::set<std::string> absence_ids;
  for (const auto& c : checks::registry())
    if (c.rests_on_absence) absence_ids.insert(c.info.id);
  REQUIRE_FALSE(absence_ids.empty());
  int damaged = 0, absence_on_read = 0;
  for (const auto& f : findings) {
    INFO(f.id << " on " << f.device << ": " << f.message);
    if (f.device == "border" || f.device == "leaf") {
      // The one finding about a device not read says so; nothing else can be said of it.
      CHECK(f.id == "GAP-PARSE-DAMAGED");
      CHECK(f.message.find(": not supported") != std::string::npos);
      ++damaged;
    }
    if (f.device == "hq-rtr" && absence_ids.count(f.id)) ++absence_on_read;
  }
  CHECK(damaged == 2);
  CHECK(absence_on_read > 0);

  const report::AuditReport r{snap, reach, findings};
  const std::string text = report::to_text(r);
  CHECK(text.find("dialect Juniper JunOS (set form): not supported") != std::string::npos);
  CHECK(text.find("dialect Arista EOS: not supported") != std::string::npos);
  const auto j = nlohmann::json::parse(report::to_json(r));
  int unsupported = 0;
  for (const auto& d : j["devices"]) {
    if (d["supported"].get<bool>()) {
      CHECK(d["not_supported"] == "");
      continue;
    }
    ++unsupported;
    CHECK(d["vendor"] == "unsupported");
    CHECK(d["unread_lines"].get<int>() > 40);  // 53 and 500-odd non-blank lines
    CHECK(d["unrecognised_lines"].get<int>() == 0);
    CHECK(d["damage"].size() == 1);
    CHECK(d["not_supported"] == (d["device"] == "border" ? "dialect Juniper JunOS (set form): not supported"
                                                         : "dialect Arista EOS: not supported"));
  }
  CHECK(unsupported == 2);
}

TEST_CASE("unsupported dialects: a JunOS firewall on the candidate path makes the zone UNPROVEN, naming it",
          "[samples][unsupported]") {
  const fs::path src = fs::path(test::source_dir()) / "samples" / "water-utility";
  test::TempSnapshot t;
  fs::copy(src, t.path(), fs::copy_options::recursive);
  // plant-fw stands between the SCADA LAN and everything else (see the sample's README). Its
  // "vendor: cisco-asa" goes: an explicit vendor of a supported dialect forces that parser.
  std::string topo = slurp(t.path() + "/topology.yaml");
  const std::string forced = "plant-fw:  {config: configs/plant-fw.cfg, vendor: cisco-asa}";
  const auto at = topo.find(forced);
  REQUIRE(at != std::string::npos);
  topo.replace(at, forced.size(), "plant-fw:  {config: configs/plant-fw.cfg}");
  t.write("topology.yaml", topo);
  t.write("configs/plant-fw.cfg", slurp(test::corpus(kSrx)));
  const auto snap = parsers::load_snapshot(t.path());
  const auto* fw = snap.device("plant-fw");
  REQUIRE(fw);
  CHECK(fw->vendor == model::Vendor::Unsupported);
  const auto reach = reach::audit_reachability(snap);
  bool scada = false, wellfield = false;
  for (const auto& z : reach.zones) {
    if (z.zone == "scada") {
      scada = true;
      CHECK(z.verdict == reach::Verdict::Unproven);
      REQUIRE_FALSE(z.unproven.empty());
      CHECK(z.unproven.front().device == "plant-fw");
      CHECK(z.unproven.front().what.find("dialect Juniper JunOS (set form): not supported") !=
            std::string::npos);
      CHECK(z.summary.find("plant-fw") != std::string::npos);
    }
    // The well field's component does not hold plant-fw: its proof does not rest on it.
    if (z.zone == "wellfield") {
      wellfield = true;
      CHECK(z.verdict == reach::Verdict::Closed);
    }
  }
  CHECK(scada);
  CHECK(wellfield);
  // Findings about plant-fw: the damage, and the zone verdicts it causes; none rests on absence.
  std::set<std::string> absence_ids;
  for (const auto& c : checks::registry())
    if (c.rests_on_absence) absence_ids.insert(c.info.id);
  int damaged = 0;
  for (const auto& f : checks::run_all({snap, reach})) {
    if (f.device != "plant-fw") continue;
    INFO(f.id << ": " << f.message);
    CHECK_FALSE(absence_ids.count(f.id));
    CHECK(f.id != "GAP-PARSE-UNRECOGNISED");  // one root cause, said once
    damaged += f.id == "GAP-PARSE-DAMAGED";
  }
  CHECK(damaged == 1);
}
