// What the fuzz targets found, kept: every file of tests/fixtures/fuzz-regressions/<target>/ goes
// through the target's own entry point (fuzz/one_device_audit.h, fuzz/topology_snapshot.h), so
// the ordinary and the ASan builds keep checking them; plus the hostile shapes known before any
// fuzzing (issue 8), built in memory: deep nesting, aliases that multiply, groups named along
// many paths, numbers too big for an int.
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "base/input_error.h"
#include "fuzz/one_device_audit.h"
#include "fuzz/topology_snapshot.h"
#include "parsers/cisco_asa/cisco_asa.h"
#include "parsers/cisco_ios/cisco_ios.h"
#include "parsers/common/config_blocks.h"
#include "parsers/fortigate/fortigate.h"
#include "parsers/nec_ix/nec_ix.h"
#include "parsers/registry.h"
#include "parsers/topology/load_snapshot.h"
#include "parsers/yamaha_rtx/yamaha_rtx.h"
#include "tests/test_paths.h"

namespace fs = std::filesystem;
using namespace gp;

namespace {

const std::string kFile = "configs/dut.cfg";

using Parse = std::function<model::Device(std::string_view)>;

// The dialect targets, by the name of their folder (the fuzz target is fuzz_<name>).
const std::map<std::string, Parse>& dialect_targets() {
  static const std::map<std::string, Parse> targets = {
      {"cisco_ios", [](std::string_view t) { return parsers::parse_cisco_ios(t, kFile); }},
      {"cisco_asa", [](std::string_view t) { return parsers::parse_cisco_asa(t, kFile); }},
      {"fortigate", [](std::string_view t) { return parsers::parse_fortigate(t, kFile); }},
      {"yamaha_rtx", [](std::string_view t) { return parsers::parse_yamaha_rtx(t, kFile); }},
      {"nec_ix", [](std::string_view t) { return parsers::parse_nec_ix(t, kFile); }},
      {"detect",
       [](std::string_view t) { return parsers::parse_device(t, kFile, parsers::detect_vendor(t)); }},
  };
  return targets;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int count_lines(std::string_view text) {
  int n = 0;
  for (char c : text) n += c == '\n';
  return n + (!text.empty() && text.back() != '\n' ? 1 : 0);
}

// What the fuzz target checks, as test assertions: the parser's promises hold, and the audit of
// the device gives the control zone a verdict and two reports (the JSON one valid JSON).
void check_device(const model::Device& dev, std::string_view text) {
  CHECK(gp::fuzz::broken_promise(dev).empty());
  CHECK(dev.total_lines >= count_lines(text) - 1);  // an unterminated quote may join the last lines
  const auto audit = gp::fuzz::audit_one_device(dev);
  REQUIRE(audit->reach.zones.size() == 1);
  CHECK(audit->reach.zones[0].zone == "scada");
  CHECK(!audit->text.empty());
  CHECK(nlohmann::json::parse(audit->json).is_object());
}

// A topology snapshot folder for this test process (the fuzz target's, with the same configs).
class TopologyFolder {
 public:
  TopologyFolder() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("gapproof-fuzz-regressions-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    gp::fuzz::make_topology_snapshot(dir_, test::source_dir());
  }
  ~TopologyFolder() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  TopologyFolder(const TopologyFolder&) = delete;
  TopologyFolder& operator=(const TopologyFolder&) = delete;

  // The loader's InputError for `yaml` (which must name topology.yaml), or "(loaded)".
  std::string load(std::string_view yaml) const {
    return outcome([&] { return gp::fuzz::load_topology_input(dir_, yaml); });
  }
  // The same for the topology.yaml already in the folder.
  std::string load_existing() const {
    return outcome([&] { return parsers::load_snapshot(dir_.string()); });
  }
  std::string path() const { return dir_.string(); }

 private:
  template <typename Load>
  std::string outcome(Load load) const {
    try {
      const auto snap = load();
      for (const auto& d : snap.devices) CHECK(gp::fuzz::broken_promise(d).empty());
    } catch (const InputError& e) {
      CHECK(e.where.file == "topology.yaml");
      return e.what();
    }
    return "(loaded)";
  }

  fs::path dir_;
};

std::string repeat(std::string_view s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

int count_context(const model::Device& d, const std::string& name) {
  int n = 0;
  for (const auto& u : d.unrecognised) n += u.context_name == name;
  return n;
}

}  // namespace

TEST_CASE("fuzz regressions: every stored input through its target's entry point", "[fuzz]") {
  const fs::path root = fs::path(test::source_dir()) / "tests" / "fixtures" / "fuzz-regressions";
  REQUIRE(fs::is_directory(root));
  int files = 0;
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    const std::string target = dir.path().filename().string();
    const bool topology = target == "topology";
    INFO("target folder " << target);
    REQUIRE((topology || dialect_targets().count(target)));
    std::optional<TopologyFolder> folder;
    if (topology) folder.emplace();
    for (const auto& f : fs::directory_iterator(dir.path())) {
      if (f.path().filename() == "README.md") continue;
      INFO("input " << f.path().string());
      const std::string text = slurp(f.path());
      ++files;
      if (topology) {
        folder->load(text);  // loads, or says what is wrong in topology.yaml: nothing else
      } else {
        check_device(dialect_targets().at(target)(text), text);
      }
    }
  }
  CHECK(files > 0);
}

TEST_CASE("fuzz regressions: 20,000 nested unclosed FortiGate config blocks", "[fuzz][fortigate]") {
  const std::string text = repeat("config a\n", 20000);
  const model::Device d = parsers::parse_fortigate(text, kFile);
  CHECK(d.total_lines == 20000);
  CHECK(d.unrecognised.size() == 20000);  // every line accounted for, none understood
  CHECK(count_context(d, "nesting deeper than 64 blocks") == 20000 - 64);
  check_device(d, text);
}

TEST_CASE("fuzz regressions: FortiGate blocks nested too deep end where their end lines say",
          "[fuzz][fortigate]") {
  // 70 blocks inside an ignored one, closed again: what follows is read as usual.
  const std::string text =
      "config system global\n    set hostname deep-fw\nend\nconfig system replacemsg mail\n" +
      repeat("config a\nset password ENC secret-value\n", 70) + repeat("end\n", 70) +
      "end\nconfig system interface\n    edit \"port1\"\n"
      "        set ip 192.0.2.1 255.255.255.0\n    next\nend\n";
  const model::Device d = parsers::parse_fortigate(text, kFile);
  CHECK(d.hostname == "deep-fw");
  const auto* port1 = d.find_interface("port1");
  REQUIRE(port1);
  REQUIRE(port1->ipv4.size() == 1);
  CHECK(port1->ipv4[0].prefix.addr == 0xC00002'01u);
  // The replacemsg block and 63 levels inside it are in the tree (ignored); the 7 deeper config
  // lines, their set lines and 7 end lines are not understood, at their own lines.
  CHECK(count_context(d, "nesting deeper than 64 blocks") == 7 * 2 + 7);
  for (const auto& u : d.unrecognised) {
    CHECK(u.text.find("secret-value") == std::string::npos);  // masked like any set password
    if (u.context_name == "nesting deeper than 64 blocks") CHECK(u.src_ref.line >= 5 + 63 * 2);
  }
  check_device(d, text);
}

TEST_CASE("fuzz regressions: indentation one space deeper on every line", "[fuzz][ios]") {
  // The 100,000 lines of issue 8 at one more space each would be 5 GB of spaces; 100,000 lines
  // whose first 3,000 each go one space deeper (then one space in) make the same point.
  std::string text = "interface GigabitEthernet0/0\n";
  for (int i = 1; i < 100000; ++i) text += std::string(i < 3000 ? i : 1, ' ') + "description deep\n";
  const auto blocks = parsers::read_config_blocks(text);
  REQUIRE(blocks.size() == 1);
  int depth = 0, lines = 1;
  std::function<void(const parsers::ConfigLine&, int)> walk = [&](const parsers::ConfigLine& l, int d) {
    depth = std::max(depth, d);
    for (const auto& c : l.children) ++lines, walk(c, d + 1);
  };
  walk(blocks[0], 0);
  CHECK(depth == parsers::kMaxBlockDepth);
  CHECK(lines == 100000);  // every line kept
  const model::Device d = parsers::parse_cisco_ios(text, kFile);
  CHECK(d.total_lines == 100000);
  check_device(d, text);
}

TEST_CASE("fuzz regressions: topology.yaml nested too deep is an input error", "[fuzz][topology]") {
  TopologyFolder folder;
  // yaml-cpp reads an unclosed "[[" as a list holding a one-pair mapping: two levels a bracket.
  CHECK_THAT(folder.load("zones: " + repeat("[", 100000)),
             Catch::StartsWith("topology.yaml:1:40: malformed YAML: nesting deeper than 64 levels"));
  CHECK_THAT(folder.load("zones:\n  a: " + repeat("{b: ", 5000)), Catch::Contains("nesting deeper than 64"));
  CHECK_THAT(folder.load("links:\n" + repeat("- ", 3000) + "x\n"),
             Catch::Contains("topology.yaml:2:127: malformed YAML: nesting deeper than 64 levels"));
  // A real topology is far from the bound.
  CHECK(folder.load(slurp(fs::path(test::source_dir()) / "samples/water-utility/topology.yaml")) ==
        "(loaded)");
}

TEST_CASE("fuzz regressions: topology.yaml aliases that multiply are an input error", "[fuzz][topology]") {
  TopologyFolder folder;
  // Billion laughs: nine levels of ten aliases each stand for 10^9 strings.
  std::string bomb = "name: &a lol\nnotes:\n  a0: &a0 [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n";
  for (int i = 1; i < 10; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    bomb +=
        "  a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + repeat(prev + ", ", 9) + prev + "]\n";
  }
  CHECK_THAT(folder.load(bomb), Catch::Contains("malformed YAML: the aliases stand for more than 1000000"));
  CHECK_THAT(
      folder.load("zones: &z\n  scada: {kind: control, systems: *z}\n"),
      Catch::Contains("topology.yaml:2:35: malformed YAML: an alias inside the node its anchor names"));
  // Aliases that repeat a small part are fine (the loader only asks, besides, for a device).
  CHECK_THAT(
      folder.load(
          "zones:\n  scada: {kind: control, systems: &s [plc]}\n  pump: {kind: control, systems: *s}\n"),
      Catch::Contains("declares no device under devices:"));
}

TEST_CASE("fuzz regressions: a topology.yaml that is no regular file is an input error", "[fuzz][topology]") {
  // A FIFO would block the reader forever, /dev/zero fill memory until bad_alloc (exit 3).
  TopologyFolder folder;
  const fs::path yaml = fs::path(folder.path()) / "topology.yaml";
  fs::create_symlink("/dev/zero", yaml);
  CHECK_THAT(folder.load_existing(), Catch::Contains("is not a regular file"));
  fs::remove(yaml);
  REQUIRE(::mkfifo(yaml.c_str(), 0600) == 0);
  CHECK_THAT(folder.load_existing(), Catch::Contains("is not a regular file"));
}

TEST_CASE("fuzz regressions: object groups named along many paths stay fast", "[fuzz][asa][fortigate]") {
  // g0 names g1 twice, g1 names g2 twice...: 2^40 paths to the one host at the bottom.
  std::string asa = "ASA Version 9.8(2)\nhostname fw\n";
  asa += "object-group network g40\n network-object host 10.0.0.1\n";
  for (int i = 39; i >= 0; --i) {
    const std::string next = "g" + std::to_string(i + 1);
    asa += "object-group network g" + std::to_string(i) + "\n group-object " + next + "\n group-object " +
           next + "\n";
  }
  asa += "access-list out extended permit ip object-group g0 any\n";
  const model::Device fw = parsers::parse_cisco_asa(asa, kFile);
  const auto& acl = fw.filters.at("out");
  REQUIRE(acl.rules.size() == 1);
  CHECK_FALSE(acl.rules[0].understood);  // fail closed: "may permit, may deny"
  CHECK_THAT(acl.rules[0].why_not_understood, Catch::Contains("reads more than 100000 members"));
  check_device(fw, asa);

  // A chain of 200 groups: deeper than any ASA allows.
  std::string chain =
      "ASA Version 9.8(2)\nhostname fw\nobject-group network c200\n network-object host 10.0.0.1\n";
  for (int i = 199; i >= 0; --i)
    chain +=
        "object-group network c" + std::to_string(i) + "\n group-object c" + std::to_string(i + 1) + "\n";
  chain += "access-list out extended permit ip object-group c0 any\n";
  const model::Device fw2 = parsers::parse_cisco_asa(chain, kFile);
  REQUIRE(fw2.filters.at("out").rules.size() == 1);
  CHECK_THAT(fw2.filters.at("out").rules[0].why_not_understood,
             Catch::Contains("nested more than 64 levels"));

  // FortiGate: 16 levels (its own bound) of groups naming the next ten times.
  std::string fgt =
      "config firewall address\n    edit \"h\"\n        set subnet 10.0.0.1 255.255.255.255\n    next\nend\n"
      "config firewall addrgrp\n";
  for (int i = 15; i >= 0; --i) {
    const std::string next = i == 15 ? "\"h\"" : "\"g" + std::to_string(i + 1) + "\"";
    fgt += "    edit \"g" + std::to_string(i) + "\"\n        set member " + repeat(next + " ", 10) +
           "\n    next\n";
  }
  fgt +=
      "end\nconfig firewall policy\n    edit 1\n        set srcintf \"port1\"\n        set dstintf "
      "\"port2\"\n"
      "        set srcaddr \"g0\"\n        set dstaddr \"all\"\n        set action accept\n"
      "        set service \"ALL\"\n    next\nend\n";
  const model::Device fg = parsers::parse_fortigate(fgt, kFile);
  bool refused = false;
  for (const auto& [name, f] : fg.filters)
    for (const auto& r : f.rules)
      refused |=
          !r.understood && r.why_not_understood.find("reads more than 100000 names") != std::string::npos;
  CHECK(refused);
  check_device(fg, fgt);
}

TEST_CASE("fuzz regressions: one NEC IX list applied on every line does not grow quadratically",
          "[fuzz][nec]") {
  // 3,000 rules applied 3,000 times would be 9 million filter rules (gigabytes); the copies after
  // the first add nothing under first match.
  std::string text = "hostname ix\n";
  for (int i = 0; i < 3000; ++i)
    text += "ip access-list big permit tcp src 10.0." + std::to_string(i / 250) + "." +
            std::to_string(i % 250) + "/32 sport any dest any dport eq 22\n";
  text += "interface GigaEthernet0.0\n  ip address 192.0.2.1/24\n";
  for (int i = 0; i < 3000; ++i) text += "  ip filter big " + std::to_string(i + 1) + " in\n";
  const model::Device d = parsers::parse_nec_ix(text, kFile);
  const auto* ifc = d.find_interface("GigaEthernet0.0");
  REQUIRE(ifc);
  REQUIRE(d.filters.count(ifc->filter_in));
  CHECK(d.filters.at(ifc->filter_in).rules.size() == 3000);
}

TEST_CASE("fuzz regressions: numbers too big for an int are not an internal error", "[fuzz][ios]") {
  const std::string text =
      "hostname r1\nvlan 99999999999999999999\ninterface Vlan99999999999999999999\n"
      " ip address 10.0.0.1 255.255.255.0\ninterface GigabitEthernet0/0\n"
      " switchport access vlan 99999999999999999999\n ip address 192.0.2.1 255.255.255.0\n";
  const model::Device d = parsers::parse_cisco_ios(text, kFile);
  check_device(d, text);
}
