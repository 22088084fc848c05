// Damage to the input may make an answer less certain, never more isolated (issue 8): every
// device of every sample, with its configuration emptied, cut in half, saved as UTF-16 or
// replaced by binary data, never moves a zone to CLOSED or FIREWALL_ONLY. A zone may keep such a
// verdict only when the damaged device is outside its physical component (so it cannot matter).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "model/reachability/audit.h"
#include "parsers/topology/load_snapshot.h"
#include "parsers/topology/temp_snapshot.h"
#include "test_paths.h"

using namespace gp;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The four damages of the issue. Each keeps the file present (a missing file is exit 2).
std::string emptied(const std::string&) { return ""; }
std::string half_written(const std::string& s) {  // a backup that stopped mid-way, mid-line
  return s.substr(0, s.size() / 2);
}
std::string utf16le(const std::string& s) {  // as a Windows editor saves it, with its BOM
  std::string out = "\xFF\xFE";
  for (char c : s) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}
std::string binary(const std::string& s) {  // a backup tool's archive or a mis-saved image
  std::string out;
  unsigned x = 2463534242u;
  for (size_t i = 0; i < s.size(); ++i) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    out.push_back(static_cast<char>(x & 0xFF));
  }
  return out;
}

struct Damage {
  const char* name;
  std::string (*apply)(const std::string&);
};
constexpr Damage kDamages[] = {
    {"empty", emptied}, {"half-written", half_written}, {"UTF-16", utf16le}, {"binary", binary}};

bool isolated(reach::Verdict v) { return v == reach::Verdict::Closed || v == reach::Verdict::FirewallOnly; }

void check_sample_damage(const std::string& sample) {
  const fs::path src = fs::path(test::source_dir()) / "samples" / sample;
  const auto before_snap = parsers::load_snapshot(src.string());
  std::map<std::string, reach::Verdict> before;
  for (const auto& z : reach::audit_reachability(before_snap).zones) before[z.zone] = z.verdict;
  REQUIRE_FALSE(before.empty());

  for (const auto& dev : before_snap.devices) {
    const std::string original = slurp(src / dev.file);
    for (const auto& dmg : kDamages) {
      INFO(sample << ": " << dev.name << " (" << dev.file << ") " << dmg.name);
      test::TempSnapshot t;
      fs::copy(src, t.path(), fs::copy_options::recursive);
      t.write(dev.file, dmg.apply(original));
      const auto snap = parsers::load_snapshot(t.path());
      const auto* damaged = snap.device(dev.name);
      REQUIRE(damaged);
      const auto after = reach::audit_reachability(snap);
      for (const auto& z : after.zones) {
        INFO("zone " << z.zone << ": " << reach::to_string(before.at(z.zone)) << " -> "
                     << reach::to_string(z.verdict));
        if (!isolated(z.verdict)) continue;
        CHECK(z.verdict == before.at(z.zone));
        bool in_component = false;
        for (const auto& c : z.component) in_component |= c == "device " + dev.name;
        // Damage that decodes back to the same file (UTF-16) may leave a device trusted.
        if (in_component) CHECK(damaged->damage.empty());
      }
    }
  }
}

}  // namespace

TEST_CASE("damaged configurations: water-utility", "[samples][damage]") {
  check_sample_damage("water-utility");
}
TEST_CASE("damaged configurations: variant-closed", "[samples][damage]") {
  check_sample_damage("variant-closed");
}
TEST_CASE("damaged configurations: variant-firewall-only", "[samples][damage]") {
  check_sample_damage("variant-firewall-only");
}
TEST_CASE("damaged configurations: variant-reachable", "[samples][damage]") {
  check_sample_damage("variant-reachable");
}
TEST_CASE("damaged configurations: variant-unproven", "[samples][damage]") {
  check_sample_damage("variant-unproven");
}
TEST_CASE("damaged configurations: variant-jp-routers", "[samples][damage]") {
  check_sample_damage("variant-jp-routers");
}
TEST_CASE("damaged configurations: variant-fortigate", "[samples][damage]") {
  check_sample_damage("variant-fortigate");
}
TEST_CASE("damaged configurations: variant-jp-tunnel", "[samples][damage]") {
  check_sample_damage("variant-jp-tunnel");
}

TEST_CASE("damaged configurations: every sample folder is covered", "[samples][damage]") {
  int n = 0;
  for (const auto& e : fs::directory_iterator(fs::path(test::source_dir()) / "samples"))
    if (fs::exists(e.path() / "topology.yaml")) ++n;
  CHECK(n == 8);  // one TEST_CASE above per sample: add one when a sample is added
}
