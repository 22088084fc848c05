// Dialects gapproof does not read (issue 9): told by their content on the real files of the shared
// corpus, never taken for a supported dialect and never claiming a supported dialect's file.
#include "parsers/unsupported/unsupported_dialects.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "parsers/registry.h"
#include "tests/test_paths.h"

using namespace gp;
namespace fs = std::filesystem;

namespace {

struct Row {
  std::string path, syntax, realism;
};

std::vector<Row> manifest() {
  std::ifstream in(test::corpus("MANIFEST.tsv"));
  std::vector<Row> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string col;
    while (std::getline(ss, col, '\t')) cols.push_back(col);
    if (cols.size() > 6) out.push_back({cols[0], cols[5], cols[6]});
  }
  return out;
}

bool read_all(const std::string& path, std::string& content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  content = ss.str();
  return true;
}

// The manifest's syntax of each unsupported dialect, and how gapproof names it (a prefix).
const std::map<std::string, std::string> kUnsupported = {
    {"Arista EOS", "Arista EOS"},
    {"Cisco NX-OS", "Cisco NX-OS"},
    {"Cisco IOS-XR", "Cisco IOS XR"},
    {"Juniper JunOS (set)", "Juniper JunOS (set form)"},
    {"Juniper JunOS SRX (set)", "Juniper JunOS (set form)"},
    {"Juniper JunOS (hierarchical)", "Juniper JunOS (brace form)"},
    {"Juniper JunOS SRX (hierarchical)", "Juniper JunOS (brace form)"},
    {"Palo Alto PAN-OS (XML)", "Palo Alto PAN-OS (XML)"},
    {"Palo Alto PAN-OS (set/brace)", "Palo Alto PAN-OS ("},
    {"OPNsense (config.xml)", "OPNsense"},
    {"pfSense (config.xml)", "pfSense"},
    {"Cumulus Linux (ifupdown2 + FRR)", "Linux ifupdown"},
    {"Linux iptables (iptables-save)", "Linux iptables"},
    {"Linux nftables", "Linux nftables"},
    {"OpenBSD pf", "OpenBSD pf"},
};
const std::map<std::string, model::Vendor> kSupported = {
    {"Cisco IOS / IOS-XE", model::Vendor::CiscoIos},
    {"Cisco ASA", model::Vendor::CiscoAsa},
    {"Fortinet FortiOS", model::Vendor::Fortigate},
    {"Yamaha RTX", model::Vendor::YamahaRtx},
};
// Generated access lists with no line of a device around them: "ip access-list NAME" with
// "permit" entries is both EOS and NX-OS, so no dialect is told (the same treatment: not read).
const std::set<std::string> kUntold = {
    "aerleon/tests/regression/demo/TestRegressionDemo.testSmokeTest.sample_multitarget.eacl.ref",
    "aerleon/tests/regression/demo/TestRegressionDemo.testSmokeTest.sample_multitarget.nxacl.ref",
};
// Listed as NX-OS, but "Building configuration...", "version 15.7", "boot-start-marker": the lab's
// two routers attached to the NX-OS VTEPs are IOS, and read as such.
const std::set<std::string> kReallyIos = {
    "lab-validation/snapshots/nxos_evpn_l2vni/configs/DC1/show_running-config.txt",
    "lab-validation/snapshots/nxos_evpn_l2vni/configs/DC2/show_running-config.txt",
};

}  // namespace

TEST_CASE("unsupported dialects: every corpus file of one is told and named", "[unsupported][parsers]") {
  std::map<std::string, int> told;  // by syntax
  for (const auto& r : manifest()) {
    auto it = kUnsupported.find(r.syntax);
    if (it == kUnsupported.end()) continue;
    std::string content;
    if (!read_all(test::corpus(r.path), content)) continue;  // listed but not staged
    INFO(r.path << " (" << r.syntax << ", " << r.realism << ")");
    const auto v = parsers::detect_vendor(content);
    if (kUntold.count(r.path) || kReallyIos.count(r.path)) {
      CHECK(v == (kUntold.count(r.path) ? model::Vendor::Unknown : model::Vendor::CiscoIos));
      continue;
    }
    REQUIRE(v == model::Vendor::Unsupported);
    const auto d = parsers::detect_unsupported_dialect(content);
    REQUIRE(d);
    CHECK(d->name.rfind(it->second, 0) == 0);
    CHECK(d->line >= 1);
    ++told[r.syntax];
  }
  // Every dialect of the corpus is there (a manifest that lost them would pass vacuously).
  CHECK(told["Arista EOS"] >= 30);
  CHECK(told["Cisco NX-OS"] >= 13);
  CHECK(told["Cisco IOS-XR"] == 9);
  CHECK(told["Cumulus Linux (ifupdown2 + FRR)"] == 21);
  CHECK(told["Juniper JunOS (set)"] >= 20);
  CHECK(told["Juniper JunOS (hierarchical)"] >= 8);
  CHECK(told["Palo Alto PAN-OS (set/brace)"] >= 15);
  CHECK(told["Palo Alto PAN-OS (XML)"] == 3);
  CHECK(told["OPNsense (config.xml)"] == 4);
  CHECK(told["pfSense (config.xml)"] == 1);
}

TEST_CASE("unsupported dialects: no corpus file of a supported dialect is taken for one",
          "[unsupported][parsers]") {
  int n = 0;
  for (const auto& r : manifest()) {
    auto it = kSupported.find(r.syntax);
    if (it == kSupported.end()) continue;
    std::string content;
    if (!read_all(test::corpus(r.path), content)) continue;
    INFO(r.path << " (" << r.syntax << ")");
    ++n;
    CHECK_FALSE(parsers::detect_unsupported_dialect(content));
    CHECK(parsers::detect_vendor(content) != model::Vendor::Unsupported);
  }
  CHECK(n >= 150);
}

TEST_CASE("unsupported dialects: no sample or fixture configuration is taken for one",
          "[unsupported][parsers]") {
  int n = 0;
  for (const auto& dir : {test::source_dir() + "/samples", test::source_dir() + "/tests/fixtures",
                          test::shared_dir() + "/examples"})
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      const auto p = e.path().generic_string();
      if (!e.is_regular_file()) continue;
      if (p.find("fuzz-regressions") != std::string::npos) continue;  // hostile bytes, any dialect
      std::string content;
      REQUIRE(read_all(p, content));
      INFO(p);
      ++n;
      CHECK(parsers::detect_vendor(content) != model::Vendor::Unsupported);
    }
  CHECK(n >= 90);
}

namespace {
std::string told_as(const std::string& content) {
  const auto d = parsers::detect_unsupported_dialect(content);
  return d ? d->name + " @" + std::to_string(d->line) : "";
}
}  // namespace

// Dialects the corpus has no file of, from the vendors' documented export formats.
TEST_CASE("unsupported dialects: the ones the corpus lacks", "[unsupported][parsers]") {
  CHECK(told_as("# jan/02/1970 00:05:21 by RouterOS 6.48.6\n# software id = ABCD-1234\n#\n"
                "/interface bridge\nadd name=bridge\n/ip address\n"
                "add address=192.168.88.1/24 interface=bridge network=192.168.88.0\n") ==
        "MikroTik RouterOS @1");
  // An export without its header: the menu lines tell it.
  CHECK(told_as("/interface ethernet\nset [ find default-name=ether1 ] comment=wan\n/ip firewall filter\n"
                "add action=accept chain=input connection-state=established\n") == "MikroTik RouterOS @1");
  CHECK(
      told_as("!\nservice password-encryption\n!\nhostname x510\n!\nusername manager privilege 15 password 8 "
              "$1$abcdefgh$0123456789abcdefghijkl\n!\ninterface port1.0.1-1.0.24\n switchport\n"
              " switchport mode access\n!\ninterface vlan1\n ip address 192.168.1.1/24\n!\nend\n") ==
      "Allied Telesis AlliedWare Plus @6");
  CHECK(told_as(
            "#\n# Configuration of gw-01\n# Language version: 13.4v1\n#\n# Exported by admin on Mon Jan  1\n"
            "set hostname gw-01\nset interface eth0 ipv4-address 192.0.2.2 mask-length 24\n"
            "add allowed-client host any-host\n") == "Check Point Gaia (clish) @3");
  CHECK(told_as("set hostname gw-01\nset interface eth1 state on\nset interface eth1 ipv4-address 10.1.1.1 "
                "mask-length 24\nset static-route default nexthop gateway address 192.0.2.1 on\n") ==
        "Check Point Gaia (clish) @1");
  CHECK(told_as("SET SYSTEM NAME=ar550s\nCREATE PPP=0 OVER=eth1-ANY\nADD IP INT=ppp0 IP=0.0.0.0\n"
                "ENABLE FIREWALL\n") == "Allied Telesis AlliedWare (legacy) @1");
  CHECK(told_as("set interfaces ethernet eth0 address 'dhcp'\nset service ssh port '22'\n"
                "set system host-name 'vyos'\n") == "VyOS / EdgeOS @1");
  CHECK(told_as(
            "system {\n    host-name srx1;\n}\ninterfaces {\n    ge-0/0/0 {\n        unit 0;\n    }\n}\n") ==
        "Juniper JunOS (brace form) @1");
  CHECK(told_as("## Last commit: 2024-01-01 00:00:00 UTC by admin\nversion 12.3R12.4;\n") ==
        "Juniper JunOS (brace form) @1");
  CHECK(told_as("<?xml version=\"1.0\"?>\n<config version=\"10.1.0\" urldb=\"paloaltonetworks\">\n") ==
        "Palo Alto PAN-OS (XML) @2");
  CHECK(told_as("!Command: show running-config\n!Time: Wed Jun 30 22:04:07 2021\n\nversion 9.3(8)\n") ==
        "Cisco NX-OS @1");
}

// One odd line does not make an IOS file another dialect: weak markers need a second.
TEST_CASE("unsupported dialects: one weak marker tells nothing", "[unsupported][parsers]") {
  const std::string ios =
      "version 15.2\n!\nhostname r1\n!\ninterface GigabitEthernet0/0\n ip address 10.0.0.1 255.255.255.0\n!\n"
      "ip route 0.0.0.0 0.0.0.0 10.0.0.254\n!\nend\n";
  CHECK(parsers::detect_vendor(ios) == model::Vendor::CiscoIos);
  for (const char* odd :
       {"feature ospf\n", "transceiver qsfp default-mode 4x10G\n", "/ip address\n", "set hostname r1\n",
        "auto lo\n", "-A INPUT -j ACCEPT\n", "table <x> { 10.0.0.0/8 }\n"}) {
    INFO(odd);
    CHECK_FALSE(parsers::detect_unsupported_dialect(ios + odd));
  }
}

TEST_CASE("unsupported dialects: a file not read is counted, named once, and carries one damage",
          "[unsupported][parsers]") {
  std::string content;
  REQUIRE(read_all(
      test::corpus("batfish/tests/parsing-tests/networks/example-juniper/configs/as1border1.cfg"), content));
  const auto d = parsers::parse_config_bytes(content, "configs/as1border1.cfg", std::nullopt);
  CHECK(d.vendor == model::Vendor::Unsupported);
  CHECK(d.unread_dialect == "Juniper JunOS (set form)");
  CHECK(model::unread_label(d) == "dialect Juniper JunOS (set form): not supported");
  CHECK(d.unread_dialect_ref.line == 2);  // "set system host-name": line 1 is "#"
  int nonblank = 0;
  std::stringstream ss(content);
  for (std::string l; std::getline(ss, l);) nonblank += l.find_first_not_of(" \t\r") != std::string::npos;
  CHECK(d.unread_lines == nonblank);
  CHECK(d.unrecognised.empty());  // one root cause, not a line each
  CHECK(d.interfaces.empty());
  REQUIRE(d.damage.size() == 1);
  CHECK(d.damage[0].why.rfind("dialect Juniper JunOS (set form): not supported", 0) == 0);
  CHECK(d.damage[0].src_ref.file == "configs/as1border1.cfg");
  CHECK(d.damage[0].src_ref.line == 2);
  CHECK(parsers::vendor_name(d.vendor) == std::string("unsupported"));
  CHECK(parsers::dialect_name(d) == "Juniper JunOS (set form)");
}

TEST_CASE("unsupported dialects: a file in no dialect is not read as IOS", "[unsupported][parsers]") {
  const std::string notes = "hostname-list for the plant\nrouter a: 10.0.0.1\nrouter b: 10.0.0.2\n";
  const auto d = parsers::parse_config_bytes(notes, "configs/notes.cfg", std::nullopt);
  CHECK(d.vendor == model::Vendor::Unknown);
  CHECK(model::unread_label(d) == "dialect not recognised");
  CHECK(d.unread_lines == 3);
  CHECK(d.unrecognised.empty());
  REQUIRE(d.damage.size() == 1);
  CHECK(d.damage[0].why.rfind("dialect not recognised", 0) == 0);
  // An explicit vendor: of a supported dialect still forces its parser.
  const auto forced = parsers::parse_config_bytes(notes, "configs/notes.cfg", model::Vendor::CiscoIos);
  CHECK(forced.vendor == model::Vendor::CiscoIos);
  CHECK_FALSE(forced.unrecognised.empty());
}
