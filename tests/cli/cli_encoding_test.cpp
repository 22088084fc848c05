// The "done when" of issue 8 (broken and hostile input, encodings): every configuration of the
// shared corpus, re-encoded as Shift_JIS and as UTF-16, audits with exit 0 or 1 and valid JSON,
// and each file reads as its UTF-8 original does (same dialect, line count, lines not understood).
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "parsers/registry.h"
#include "tests/encoding_helpers.h"
#include "tests/test_paths.h"

namespace fs = std::filesystem;
using namespace gp;

namespace {

struct Run {
  int status;
  std::string out;
};

Run run(const std::string& args) {
  std::string cmd = test::binary() + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int st = pclose(p);
  return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
}

// Configuration files of the corpus: every staged MANIFEST row but the Batfish host models,
// layer-1 and ISP-modeling files (JSON) and the containerlab topology (YAML), which describe a
// network rather than configure a device.
std::vector<std::string> corpus_configs() {
  std::istringstream manifest(test::slurp_file(test::corpus("MANIFEST.tsv")));
  std::vector<std::string> out;
  std::string line;
  std::getline(manifest, line);  // header
  while (std::getline(manifest, line)) {
    std::vector<std::string> cols;
    std::istringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    if (cols.size() < 6) continue;
    if (cols[5].find("(JSON)") != std::string::npos || cols[5].find("(YAML)") != std::string::npos) continue;
    if (!fs::is_regular_file(test::corpus(cols[0]))) continue;  // listed but not staged
    out.push_back(cols[0]);
  }
  return out;
}

// A Japanese comment line at the end, so that Shift_JIS files hold more than ASCII.
std::string with_japanese_line(std::string text) {
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text + "! 浄水場 監視 バックアップ\n";
}

// Corpus files share names ("show_run.txt"): numbered in the snapshot.
std::string snapshot_name(const std::string& rel, int i) {
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "%03d-", i);
  return prefix + fs::path(rel).filename().string();
}

// A configs-only snapshot holding every corpus configuration, passed through `encode`.
template <class Encode>
fs::path corpus_snapshot(const std::string& name, const std::vector<std::string>& files, Encode encode) {
  const fs::path dir =
      fs::temp_directory_path() / ("gapproof-enc-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir / "configs");
  int i = 0;
  for (const auto& rel : files) {
    const std::string text = with_japanese_line(test::slurp_file(test::corpus(rel)));
    test::put_file((dir / "configs" / snapshot_name(rel, i)).string(), encode(text, i));
    ++i;
  }
  return dir;
}

std::string summary(const std::string& vendor, int lines, size_t unrecognised) {
  return vendor + ", " + std::to_string(lines) + " lines, " + std::to_string(unrecognised) +
         " not understood";
}

// file -> summary, from the JSON report.
std::map<std::string, std::string> devices(const nlohmann::json& j) {
  std::map<std::string, std::string> out;
  for (const auto& d : j["devices"])
    out[d["file"].get<std::string>()] =
        summary(d["vendor"].get<std::string>(), d["lines"].get<int>(), d["unrecognised_lines"].get<size_t>());
  return out;
}

}  // namespace

TEST_CASE("cli: the corpus re-encoded as Shift_JIS and UTF-16 audits like the original", "[cli][encoding]") {
  const auto files = corpus_configs();
  REQUIRE(files.size() > 250);

  // What the UTF-8 original reads as, file by file (in-process: a third audit would only add time).
  std::map<std::string, std::string> original;
  {
    int i = 0;
    for (const auto& rel : files) {
      const std::string file = "configs/" + snapshot_name(rel, i++);
      const auto d = parsers::parse_config_bytes(with_japanese_line(test::slurp_file(test::corpus(rel))),
                                                 file, std::nullopt);
      original[file] = summary(parsers::vendor_name(d.vendor), d.total_lines, d.unrecognised.size());
    }
  }

  const std::vector<std::pair<std::string, std::function<std::string(const std::string&, int)>>> encodings = {
      {"sjis", [](const std::string& t, int) { return test::encode_as(t, "CP932"); }},
      {"utf16",
       [](const std::string& t, int i) {
         // Alternately: little-endian without a BOM (iconv -t UTF-16LE), big-endian with one.
         return i % 2 ? test::kBomUtf16Be + test::encode_as(t, "UTF-16BE") : test::encode_as(t, "UTF-16LE");
       }},
  };
  size_t audited = 0;
  for (const auto& [name, encode] : encodings) {
    INFO(name);
    const fs::path dir = corpus_snapshot(name, files, encode);
    const Run r = run("audit " + dir.string() + " --format json");
    fs::remove_all(dir);
    CHECK((r.status == 0 || r.status == 1));
    nlohmann::json j;
    REQUIRE_NOTHROW(j = nlohmann::json::parse(r.out));
    const auto devs = devices(j);
    CHECK(devs.size() > 250);  // configs-only loading skips some names (.iptables...)
    if (audited) CHECK(devs.size() == audited);
    audited = devs.size();
    for (const auto& [file, seen] : devs) {
      INFO(file);
      REQUIRE(original.count(file) == 1);
      CHECK(seen == original.at(file));
    }
  }
}

TEST_CASE("cli: bytes that are not UTF-8 never make an internal error", "[cli][encoding]") {
  const fs::path dir = fs::temp_directory_path() / ("gapproof-enc-" + std::to_string(::getpid()) + "-bytes");
  fs::remove_all(dir);
  fs::copy(test::source_dir() + "/samples/water-utility", dir, fs::copy_options::recursive);
  // Shift_JIS that looks like overlong UTF-8, and a surrogate in UTF-8 form (the ANTLR runtime threw).
  std::string cfg = test::slurp_file((dir / "configs/hq-rtr.cfg").string());
  test::put_file((dir / "configs/hq-rtr.cfg").string(),
                 cfg + "interface GigabitEthernet0/9\n description \xE0\x88\x9F\xED\xA0\x80\n!\n");
  // topology.yaml is not decoded: a name with bytes of no encoding reaches the JSON report.
  std::string yaml = test::slurp_file((dir / "topology.yaml").string());
  const auto at = yaml.find("\nname: ");
  REQUIRE(at != std::string::npos);
  yaml.insert(at + 7, "\xFF\xFE ");
  test::put_file((dir / "topology.yaml").string(), yaml);

  const Run text = run("audit " + dir.string() + " --fail-on none");
  CHECK(text.status == 0);
  const Run json = run("audit " + dir.string() + " --format json --fail-on none");
  fs::remove_all(dir);
  CHECK(json.status == 0);
  nlohmann::json j;
  REQUIRE_NOTHROW(j = nlohmann::json::parse(json.out));
  CHECK(j["snapshot"].get<std::string>().rfind("\xEF\xBF\xBD\xEF\xBF\xBD ", 0) == 0);
  bool hq = false;
  for (const auto& d : j["devices"])
    if (d["device"] == "hq-rtr") hq = d["lines"] == 280 && d["unrecognised_lines"] == 0;
  CHECK(hq);
}
