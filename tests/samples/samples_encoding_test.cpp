// Every sample snapshot with all its configurations re-encoded as Shift_JIS (CRLF, as Windows
// editors save it) and as UTF-16 gives the verdicts of the original, citing the same lines.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "model/reachability/audit.h"
#include "parsers/topology/load_snapshot.h"
#include "tests/encoding_helpers.h"
#include "tests/parsers/topology/temp_snapshot.h"
#include "tests/test_paths.h"

using namespace gp;
namespace fs = std::filesystem;

namespace {

// Zone -> verdict and the lines cited for an UNPROVEN one.
std::map<std::string, std::string> verdicts(const std::string& dir) {
  const auto snap = parsers::load_snapshot(dir);
  const auto res = reach::audit_reachability(snap);
  std::map<std::string, std::string> out;
  for (const auto& z : res.zones) {
    std::string v = reach::to_string(z.verdict);
    for (const auto& u : z.unproven) v += " " + u.ref.str();
    out[z.zone] = v;
  }
  return out;
}

// A copy of sample `dir` whose every configuration is encoded by `encode(text, index)`.
template <class Encode>
void copy_encoded(const fs::path& dir, test::TempSnapshot& tmp, Encode encode) {
  tmp.write("topology.yaml", test::slurp_file((dir / "topology.yaml").string()));
  int index = 0;
  std::vector<fs::path> configs;
  for (const auto& e : fs::recursive_directory_iterator(dir / "configs"))
    if (e.is_regular_file()) configs.push_back(e.path());
  std::sort(configs.begin(), configs.end());
  for (const auto& p : configs)
    tmp.write(fs::relative(p, dir).generic_string(), encode(test::slurp_file(p.string()), index++));
}

}  // namespace

TEST_CASE("samples: verdicts are the same from Shift_JIS and UTF-16 configurations", "[samples][encoding]") {
  int samples = 0;
  for (const auto& e : fs::directory_iterator(test::source_dir() + "/samples")) {
    if (!e.is_directory()) continue;
    const fs::path dir = e.path();
    INFO(dir.filename().string());
    ++samples;
    const auto original = verdicts(dir.string());
    const auto expected = nlohmann::json::parse(test::slurp_file((dir / "expected.json").string()));
    REQUIRE(original.size() >= expected["zones"].size());
    for (const auto& [zone, verdict] : expected["zones"].items())
      CHECK(original.at(zone).rfind(verdict.get<std::string>(), 0) == 0);

    test::TempSnapshot sjis;
    copy_encoded(dir, sjis, [](const std::string& text, int) {
      return test::encode_as(test::with_line_ends(text, "\r\n"), "CP932");
    });
    CHECK(verdicts(sjis.path()) == original);

    test::TempSnapshot utf16;
    copy_encoded(dir, utf16, [](const std::string& text, int i) {
      // Alternately: little-endian without a BOM (iconv -t UTF-16LE), big-endian with one.
      return i % 2 ? test::kBomUtf16Be + test::encode_as(text, "UTF-16BE")
                   : test::encode_as(text, "UTF-16LE");
    });
    CHECK(verdicts(utf16.path()) == original);
  }
  CHECK(samples == 8);
}
