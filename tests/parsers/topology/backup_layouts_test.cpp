// Backup folders as input (issue 12): a RANCID tree and an Oxidized folder built from corpus
// configurations audit with every backup-tool line recognised as the tool's, none counted as
// configuration: the same file without the tool's lines parses to the same counts.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/input_error.h"
#include "model/reachability/audit.h"
#include "parsers/registry.h"
#include "parsers/topology/load_snapshot.h"
#include "tests/parsers/topology/temp_snapshot.h"
#include "tests/test_paths.h"

using namespace gp;

namespace {

std::string slurp(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  REQUIRE(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const model::Device* device(const model::Snapshot& s, const std::string& name) {
  for (const auto& d : s.devices)
    if (d.name == name) return &d;
  return nullptr;
}

bool has_note(const model::Snapshot& s, const std::string& part) {
  for (const auto& [what, ref] : s.notes)
    if (what.find(part) != std::string::npos) return true;
  return false;
}

int line_count(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

int file_lines(const std::string& s) { return line_count(s) + (!s.empty() && s.back() != '\n' ? 1 : 0); }

// The counts that say what was read as configuration: `header` lines added above `bare`'s text
// are all the tool's (and comment lines of the configuration's own just below them may be counted
// with them: comments either way), nothing else changes.
void same_reading(const model::Device& saved, const model::Device& bare, int header) {
  CHECK(saved.vendor == bare.vendor);
  CHECK(saved.hostname == bare.hostname);
  CHECK(saved.backup_lines >= header);
  CHECK(saved.ignored_lines + saved.backup_lines == bare.ignored_lines + header);
  CHECK(saved.unrecognised.size() == bare.unrecognised.size());
  CHECK(saved.interfaces.size() == bare.interfaces.size());
  CHECK(saved.damage.size() == bare.damage.size());
}

const std::string kIosDir =
    "batfish/projects/batfish/src/test/resources/org/batfish/grammar/cisco/testrigs/ios-crypto-ipsec/"
    "configs/";
const std::string kOxidized = "oxidized/spec/model/data/";

// What RANCID's cisco module writes above a configuration: its content type, then `show version`
// and inventory as comments.
const std::string kRancidIosHeader =
    "!RANCID-CONTENT-TYPE: cisco\n"
    "!\n"
    "!Chassis type: CISCO2921/K9 - a 2921 router\n"
    "!CPU: 2921, 1 CPU\n"
    "!Memory: main 491520K/32768K\n"
    "!Image: Software: C2900-UNIVERSALK9-M, 15.2(4)M6, RELEASE SOFTWARE (fc2)\n"
    "!Serial Number: FTX0000A0AA\n"
    "!\n";

}  // namespace

TEST_CASE("a RANCID tree: router.db names the devices, RANCID's lines are its own", "[topology][backup]") {
  const std::string r1 = slurp(test::corpus(kIosDir + "r1")), r2 = slurp(test::corpus(kIosDir + "r2"));
  test::TempSnapshot t;
  t.write("router.db",
          "# RANCID group 'core'\n"
          "r1;cisco;up\n"
          "r2;cisco;up;core router\n"
          "r3;cisco;down\n"
          "ghost;cisco;up\n");
  t.write("configs/r1", kRancidIosHeader + r1);
  t.write("configs/r2", kRancidIosHeader + r2);
  t.write("configs/r3", kRancidIosHeader + r1);
  t.write("configs/stray", kRancidIosHeader + r1);
  t.write("configs/CVS/Entries", "/r1/1.4/Thu Nov 26 03:00:01 2026//\n");
  t.write("configs/.cvsignore", "*.new\n");
  const model::Snapshot s = parsers::load_snapshot(t.path());
  REQUIRE(s.devices.size() == 2);
  const model::Device* d1 = device(s, "r1");
  REQUIRE(d1);
  CHECK(d1->file == "configs/r1");
  CHECK(d1->backup_tool == "RANCID");
  CHECK(d1->total_lines == line_count(kRancidIosHeader) + file_lines(r1));
  same_reading(*d1, parsers::parse_config_bytes(r1, "r1", std::nullopt), line_count(kRancidIosHeader));
  // Line numbers are the file's: the first interface is where it is in the saved file.
  const model::Device bare = parsers::parse_config_bytes(r1, "r1", std::nullopt);
  REQUIRE(!bare.interfaces.empty());
  CHECK(d1->interfaces[0].src_ref.line == bare.interfaces[0].src_ref.line + line_count(kRancidIosHeader));
  REQUIRE(device(s, "r2"));
  same_reading(*device(s, "r2"), parsers::parse_config_bytes(r2, "r2", std::nullopt),
               line_count(kRancidIosHeader));
  CHECK_FALSE(device(s, "r3"));
  CHECK(has_note(s, "skipped r3: router.db marks it 'down'"));
  CHECK(has_note(s, "ghost is listed up in router.db but configs/ghost is missing"));
  CHECK(has_note(s, "skipped configs/stray: router.db does not list it"));
  CHECK_FALSE(has_note(s, "CVS"));
  reach::audit_reachability(s);  // audits
}

TEST_CASE("RANCID's FortiGate header ends where FortiOS's own begins", "[topology][backup]") {
  const std::string fgt = slurp(test::corpus(kOxidized + "fortigate#FortiGate-91G_7.4.7#output.txt"));
  // Oxidized's header replaced by RANCID's, which comes before FortiOS's #config-version line.
  const std::string config = fgt.substr(fgt.find("#config-version="));
  const std::string header = "#RANCID-CONTENT-TYPE: fortigate\n#\n#Version: FortiGate-91G v7.4.7\n#\n";
  const model::Device d = parsers::parse_config_bytes(header + config, "fw", std::nullopt);
  CHECK(d.backup_tool == "RANCID");
  CHECK(d.backup_lines == 4);
  same_reading(d, parsers::parse_config_bytes(config, "fw", std::nullopt), 4);
}

TEST_CASE("an Oxidized folder: one file per node, group folders, a git repository", "[topology][backup]") {
  struct Node {
    std::string corpus_file, path, name, vendor_first_line;
  };
  const std::vector<Node> nodes = {
      {"ios#asr920_16.8.1b#output.txt", "core/asr920.example.net", "asr920.example.net", "version "},
      {"asa#5512_9.12-4-67_single-context#output.txt", "fw/asa5512", "asa5512", "ASA Version"},
      {"fortigate#FortiGate-91G_7.4.7#output.txt", "fw/fgt91g", "fgt91g", "#config-version="},
      {"junos#srx300_22.4#output.txt", "fw/srx300", "srx300", "## Last commit"},
  };
  test::TempSnapshot t;
  for (const auto& n : nodes) t.write(n.path, slurp(test::corpus(kOxidized + n.corpus_file)));
  t.write(".git/HEAD", "ref: refs/heads/master\n");
  t.write(".git/objects/00/abc", "x");
  const model::Snapshot s = parsers::load_snapshot(t.path());
  REQUIRE(s.devices.size() == nodes.size());
  for (const auto& n : nodes) {
    INFO(n.corpus_file);
    const model::Device* d = device(s, n.name);
    REQUIRE(d);
    CHECK(d->file == n.path);
    CHECK(d->backup_tool == "Oxidized");
    // Oxidized's lines are those above the configuration's own first line, found here by its
    // text: the ASA's version line, FortiOS's header, JunOS's last-commit line, IOS's version line.
    const std::string text = slurp(test::corpus(kOxidized + n.corpus_file));
    const size_t own = text.find("\n" + n.vendor_first_line);
    REQUIRE(own != std::string::npos);
    const int header = line_count(text.substr(0, own + 1));
    CHECK(d->backup_lines <= header);
    CHECK(d->backup_lines >= header - 2);  // blank comment lines just above may be either's
    // Nothing of Oxidized's header is read as configuration, understood or not.
    std::string rest = text;
    size_t cut = 0;
    for (int i = 0; i < d->backup_lines; ++i) cut = rest.find('\n', cut) + 1;
    same_reading(*d, parsers::parse_config_bytes(rest.substr(cut), n.name, std::nullopt), d->backup_lines);
  }
}

TEST_CASE("a router.db line of another form is an input error at its line", "[topology][backup]") {
  test::TempSnapshot t;
  t.write("router.db", "r1;cisco;up\nr2 cisco up\n");
  t.write("configs/r1", "hostname r1\n");
  try {
    parsers::load_snapshot(t.path());
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::StartsWith("router.db:2"));
    CHECK_THAT(e.what(), Catch::Contains("name;type;state"));
  }
}

TEST_CASE("a folder of notes is not an Oxidized folder", "[topology][backup]") {
  test::TempSnapshot t;
  t.write("todo.txt", "call the vendor\n");
  CHECK_THROWS_AS(parsers::load_snapshot(t.path()), InputError);
}
