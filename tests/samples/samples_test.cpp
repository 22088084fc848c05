// Every sample snapshot gives the verdicts written beside it (samples/*/expected.json), with
// the evidence each verdict must carry (spec §3).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "model/reachability/audit.h"
#include "parsers/topology/load_snapshot.h"
#include "test_paths.h"

using namespace gp;
namespace fs = std::filesystem;

namespace {
void check_sample(const std::string& dir) {
  std::ifstream in(dir + "/expected.json");
  REQUIRE(in);
  auto expected = nlohmann::json::parse(in);
  auto snap = parsers::load_snapshot(dir);
  auto res = reach::audit_reachability(snap);
  for (const auto& [zone, verdict] : expected["zones"].items()) {
    INFO(dir << " zone " << zone);
    const reach::ZoneVerdict* z = nullptr;
    for (const auto& v : res.zones)
      if (v.zone == zone) z = &v;
    REQUIRE(z);
    CHECK(reach::to_string(z->verdict) == verdict.get<std::string>());
    switch (z->verdict) {
      case reach::Verdict::Closed:
        CHECK_FALSE(z->component.empty());
        CHECK(z->physical_path.empty());
        break;
      case reach::Verdict::FirewallOnly:
        CHECK_FALSE(z->physical_path.empty());
        CHECK_FALSE(z->blocking.empty());
        for (const auto& b : z->blocking)
          if (b.what.rfind("filter", 0) == 0) CHECK_FALSE(b.refs.empty());
        break;
      case reach::Verdict::Reachable: {
        REQUIRE_FALSE(z->flows.empty());
        const auto& last = z->flows.front().chain.back();
        CHECK(last.target.size() > 0);
        CHECK_FALSE(last.trace.hops.empty());
        for (const auto& hop : last.trace.hops) CHECK_FALSE(hop.facts.empty());
        break;
      }
      case reach::Verdict::Unproven:
        REQUIRE_FALSE(z->unproven.empty());
        CHECK(z->unproven.front().ref.known());
        break;
    }
  }
}
}  // namespace

TEST_CASE("samples: main water-utility", "[samples]") {
  check_sample(test::source_dir() + "/samples/water-utility");
}
TEST_CASE("samples: variant-closed", "[samples]") {
  check_sample(test::source_dir() + "/samples/variant-closed");
}
TEST_CASE("samples: variant-firewall-only", "[samples]") {
  check_sample(test::source_dir() + "/samples/variant-firewall-only");
}
TEST_CASE("samples: variant-reachable", "[samples]") {
  check_sample(test::source_dir() + "/samples/variant-reachable");
}
TEST_CASE("samples: variant-unproven", "[samples]") {
  check_sample(test::source_dir() + "/samples/variant-unproven");
}
TEST_CASE("samples: variant-jp-routers", "[samples]") {
  check_sample(test::source_dir() + "/samples/variant-jp-routers");
}
TEST_CASE("samples: variant-fortigate", "[samples]") {
  check_sample(test::source_dir() + "/samples/variant-fortigate");
}

TEST_CASE("samples: variant-jp-tunnel", "[samples]") {
  check_sample(test::source_dir() + "/samples/variant-jp-tunnel");
}

TEST_CASE("samples: every sample folder has expected verdicts and is tested", "[samples]") {
  int n = 0;
  for (const auto& e : fs::directory_iterator(test::source_dir() + "/samples"))
    if (e.is_directory()) {
      CHECK(fs::exists(e.path() / "expected.json"));
      ++n;
    }
  CHECK(n == 8);  // add a TEST_CASE above when adding a sample
}
