// Snapshots without topology.yaml: configs/ alone, and Batfish layouts (hosts/, layer-1 file).
#include <algorithm>
#include <catch2/catch.hpp>

#include "../../test_paths.h"
#include "base/input_error.h"
#include "parsers/topology/device_configs.h"
#include "parsers/topology/load_snapshot.h"
#include "temp_snapshot.h"

using gp::InputError;
using gp::parsers::load_snapshot;
using namespace gp::model;

namespace {
std::vector<std::string> device_names(const Snapshot& s) {
  std::vector<std::string> out;
  for (const auto& d : s.devices) out.push_back(d.name);
  return out;
}
bool has_note(const Snapshot& s, const std::string& text) {
  return std::any_of(s.notes.begin(), s.notes.end(),
                     [&](const auto& n) { return n.first.find(text) != std::string::npos; });
}
}  // namespace

TEST_CASE("configs-only: flat and nested configs, hosts, skipped files", "[topology]") {
  const auto snap = load_snapshot(gp::test::source_dir() + "/tests/fixtures/snapshots/flat-configs");
  CHECK(!snap.has_topology);
  CHECK(snap.name == "flat-configs");
  CHECK(snap.zones.empty());
  CHECK(device_names(snap) == std::vector<std::string>{"r1", "site-b"});
  CHECK(snap.devices[1].file == "configs/site-b/show_running-config.txt");
  CHECK(has_note(snap, "skipped 'configs/README.md'"));
  REQUIRE(snap.hosts.count("pc"));
  const Host& pc = snap.hosts.at("pc");
  REQUIRE(pc.addresses.size() == 1);
  CHECK(gp::format_ipv4(pc.addresses[0]) == "10.0.12.3");
  CHECK(gp::format_ipv4(*pc.gateway) == "10.0.12.1");
  CHECK(pc.src_ref.file == "hosts/pc.json");
  for (const auto& l : snap.links) CHECK(l.inferred);  // nothing is declared
  CHECK(pc.segment == "inferred:10.0.12.0/29");
  REQUIRE(snap.links.size() == 1);
  CHECK(snap.links[0].members.size() == 3);
  CHECK(snap.links[0].inferred_why == "shared subnet 10.0.12.0/29");
}

TEST_CASE("configs-only: device names", "[topology]") {
  gp::test::TempSnapshot t;
  t.write("configs/a.cfg", "hostname a\n")
      .write("configs/a.txt", "hostname a2\n")
      .write("configs/.hidden", "x\n")
      .write("configs/.git/config", "x\n")
      .write("configs/sw1/show_running-config.txt", "hostname sw1\n")
      .write("configs/pair/one.cfg", "hostname one\n")
      .write("configs/pair/two.cfg", "hostname two\n")
      .write("configs/topology.png", "png\n")
      .write("configs/noext", "hostname noext\n");
  std::vector<std::pair<std::string, gp::SourceRef>> notes;
  const auto files = gp::parsers::topo::discover_configs(gp::parsers::topo::make_roots(t.path(), {}), notes);
  std::vector<std::string> names;
  for (const auto& f : files) names.push_back(f.device + "=" + f.relpath);
  CHECK(names == std::vector<std::string>{"a=configs/a.cfg", "a.txt=configs/a.txt", "noext=configs/noext",
                                          "pair/one=configs/pair/one.cfg", "pair/two=configs/pair/two.cfg",
                                          "sw1=configs/sw1/show_running-config.txt"});
  CHECK(notes.size() == 1);  // the .png (hidden files are skipped silently)
}

TEST_CASE("configs-only: an empty configs/ folder is an error, not a quiet success", "[topology]") {
  gp::test::TempSnapshot t;
  t.write("configs/.keep", "");
  try {
    load_snapshot(t.path());
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(),
               Catch::StartsWith("configs: configs/ holds no configuration file: nothing to audit"));
  }
}

TEST_CASE("Batfish: malformed host JSON names file, line and column", "[topology]") {
  gp::test::TempSnapshot t;
  t.write("configs/r1.cfg", "hostname r1\n").write("hosts/h.json", "{\n  \"hostname\": \"h\",\n  oops\n}\n");
  try {
    load_snapshot(t.path());
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("hosts/h.json:3:3: malformed JSON"));
  }
}

TEST_CASE("Batfish: example network (layer-1 file one level up)", "[topology]") {
  const auto snap = load_snapshot(gp::test::corpus("batfish/networks/example/live"));
  CHECK(!snap.has_topology);
  CHECK(snap.topology_file == "../example_layer1_topology.json");
  CHECK(device_names(snap) == std::vector<std::string>{"as1border1", "as1border2", "as1core1", "as2border1",
                                                       "as2border2", "as2core1", "as2core2", "as2dept1",
                                                       "as2dist1", "as2dist2", "as3border1", "as3border2",
                                                       "as3core1"});
  for (const auto& d : snap.devices) CHECK(d.vendor == Vendor::CiscoIos);
  REQUIRE(snap.hosts.size() == 2);
  const Host& h1 = snap.hosts.at("host1");
  CHECK(gp::format_ipv4(h1.addresses.at(0)) == "2.128.0.101");
  CHECK(gp::format_ipv4(*h1.gateway) == "2.128.0.1");
  // Layer-1 edges between the 13 routers are declared ethernet links; edges naming the hosts
  // (no configuration) are skipped with a note.
  size_t declared = 0;
  for (const auto& l : snap.links)
    if (!l.inferred) {
      ++declared;
      CHECK(l.kind == LinkKind::Ethernet);
      CHECK(l.members.size() == 2);
      CHECK(l.src_ref.file == "../example_layer1_topology.json");
      CHECK(l.src_ref.line > 0);
    }
  CHECK(declared == 18);  // 3 of the 21 edges go to host1/host2
  CHECK(snap.notes.empty());
  CHECK(snap.hosts.at("host1").segment == "inferred:2.128.0.0/24");
  CHECK(snap.hosts.at("host2").segment == "inferred:2.128.1.0/24");
}

TEST_CASE("Batfish: lab-validation iosxe_connectivity_sample (nested configs)", "[topology]") {
  const auto snap = load_snapshot(gp::test::corpus("lab-validation/snapshots/iosxe_connectivity_sample"));
  CHECK(device_names(snap) == std::vector<std::string>{"iosxe_acl"});
  CHECK(snap.devices[0].file == "configs/iosxe_acl/show_running-config.txt");
  CHECK(snap.name == "iosxe_connectivity_sample");
  REQUIRE(snap.hosts.size() == 2);
  const Host& in = snap.hosts.at("inside");
  const Host& out = snap.hosts.at("outside");
  CHECK(gp::format_ipv4(in.addresses.at(0)) == "192.168.123.1");
  CHECK(gp::format_ipv4(*in.gateway) == "192.168.123.2");
  CHECK(gp::format_ipv4(out.addresses.at(0)) == "192.168.123.6");
  CHECK(gp::format_ipv4(*out.gateway) == "192.168.123.5");
  CHECK(in.src_ref.str() == "hosts/inside.json:1");
  // The router's two /30s hold the hosts: one inferred segment each.
  CHECK(in.segment == "inferred:192.168.123.0/30");
  CHECK(out.segment == "inferred:192.168.123.4/30");
}

TEST_CASE("Batfish: every lab-validation snapshot loads", "[topology]") {
  for (const char* name : {"cisco_xr_ios_vpnv4", "fortios_first_basic", "junos_evpn_type5", "palo_alto_nat_2",
                           "ospf_lab_validation", "junos_default_address_selection", "ios_example_network"}) {
    INFO(name);
    const auto snap = load_snapshot(gp::test::corpus(std::string("lab-validation/snapshots/") + name));
    CHECK(!snap.devices.empty());
  }
}
