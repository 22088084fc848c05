// topology.yaml (spec §2): every field, and one clear message (file:line:col, what was expected)
// for every kind of malformed input.
#include <catch2/catch.hpp>

#include "../../test_paths.h"
#include "base/input_error.h"
#include "parsers/topology/load_snapshot.h"
#include "parsers/topology/yaml_hosts.h"
#include "temp_snapshot.h"

using gp::InputError;
using gp::parsers::load_snapshot;
using namespace gp::model;

namespace {

const char* kIosR1 = "hostname r1\n!\ninterface GigabitEthernet0/0\n ip address 10.0.0.1 255.255.255.0\n!\n";

// Loads a temporary snapshot holding `yaml` (and r1.cfg); returns the error message, or
// "(no error)".
std::string load_error(const std::string& yaml) {
  gp::test::TempSnapshot t;
  t.write("topology.yaml", yaml).write("configs/r1.cfg", kIosR1);
  try {
    load_snapshot(t.path());
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

const std::string kZones = "zones:\n  scada: {kind: control}\n";  // lines 1-2

}  // namespace

TEST_CASE("topology.yaml: every field of spec section 2 is read", "[topology]") {
  const auto snap = load_snapshot(gp::test::source_dir() + "/tests/fixtures/snapshots/waterworks");
  CHECK(snap.has_topology);
  CHECK(snap.topology_file == "topology.yaml");
  CHECK(snap.name == "例市水道局 (Example City Waterworks)");
  REQUIRE(snap.audit_date);
  CHECK(*snap.audit_date == "2026-11-25");
  CHECK(snap.owned_given);
  REQUIRE(snap.owned.size() == 3);
  CHECK(gp::format_prefix(snap.owned[1]) == "172.16.0.0/12");

  REQUIRE(snap.zones.size() == 3);
  const Zone& scada = snap.zones.at("scada");
  CHECK(scada.kind == ZoneKind::Control);
  REQUIRE(scada.claim);
  CHECK(*scada.claim == "closed");
  CHECK(scada.systems == std::vector<std::string>{"浄水場の監視制御システム"});
  CHECK(scada.src_ref.str() == "topology.yaml:7:3");
  CHECK(snap.zones.at("office").display_name == "本庁舎 事務系LAN");
  CHECK(!snap.zones.at("office").claim);

  REQUIRE(snap.devices.size() == 2);
  CHECK(snap.devices[0].name == "hq-rtr");
  CHECK(snap.devices[0].file == "configs/hq-rtr.cfg");
  CHECK(snap.devices[1].name == "plant-fw");
  CHECK(snap.devices[1].vendor == Vendor::CiscoAsa);

  REQUIRE(snap.segments.count("pump-lan"));
  CHECK(snap.segments.at("pump-lan").prefixes.size() == 2);
  CHECK(snap.segments.at("scada-lan").zone == "scada");
  CHECK(snap.segments.at("scada-lan").src_ref.line == 19);

  const Host& hmi = snap.hosts.at("hmi-01");
  CHECK(hmi.segment == "scada-lan");
  CHECK(hmi.zone == "scada");
  REQUIRE(hmi.gateway);
  CHECK(gp::format_ipv4(*hmi.gateway) == "172.16.10.1");
  CHECK(hmi.role == HostRole::Hmi);
  CHECK(hmi.role_given);
  REQUIRE(hmi.services);
  REQUIRE(hmi.services->size() == 3);
  CHECK((*hmi.services)[0].protocol == 6);
  CHECK((*hmi.services)[0].port == 5900);
  CHECK((*hmi.services)[2].protocol == 17);
  CHECK((*hmi.services)[2].port == 161);
  CHECK(hmi.internet_client == false);
  CHECK(hmi.computer == true);
  CHECK(hmi.portable == false);
  CHECK(hmi.os_name == "Windows 7 Professional SP1");
  CHECK(hmi.os_support_end == "2020-01-14");
  CHECK(hmi.av_installed == true);
  CHECK(hmi.av_definitions == "2026-11-20");
  CHECK(hmi.av_autoscan == true);
  CHECK(hmi.removable_media == RemovableMedia::PhysicallyBlocked);
  CHECK(hmi.removable_media_given);
  CHECK(hmi.auth_capable == true);
  CHECK(hmi.auth_enabled == true);
  CHECK(hmi.room == "central-control");
  CHECK(hmi.src_ref.str() == "topology.yaml:23:3");

  // Segment and zone follow from the address when segment: is omitted.
  CHECK(snap.hosts.at("pc-01").segment == "office-lan");
  CHECK(snap.hosts.at("pc-01").zone == "office");
  CHECK(!snap.hosts.at("pc-01").services);  // every port
  const Host& plc = snap.hosts.at("plc-01");
  CHECK(plc.segment == "pump-lan");
  CHECK(plc.zone == "pump-1");
  REQUIRE(plc.services);
  CHECK((*plc.services)[0].protocol == 1);
  CHECK((*plc.services)[1].protocol == -1);

  CHECK(snap.rooms.at("central-control").locked == true);
  CHECK(snap.rooms.at("central-control").entry_control == true);
  CHECK(snap.rooms.at("pump-room").locked == false);
  CHECK(!snap.rooms.at("pump-room").entry_control);

  // Declared links first, in file order.
  REQUIRE(snap.links.size() >= 5);
  const Link& l0 = snap.links[0];
  CHECK(l0.kind == LinkKind::Ethernet);
  CHECK(!l0.inferred);
  REQUIRE(l0.members.size() == 2);
  CHECK(l0.members[0].str() == "hq-rtr:GigabitEthernet0/1");
  CHECK(l0.members[1].type == Endpoint::Type::Segment);
  CHECK(l0.members[1].segment == "office-lan");
  CHECK(l0.src_ref.str() == "topology.yaml:45:5");
  // An internet link given with a: only reaches the internet.
  const Link& l1 = snap.links[1];
  CHECK(l1.kind == LinkKind::Internet);
  REQUIRE(l1.members.size() == 2);
  CHECK(l1.members[1].type == Endpoint::Type::Internet);
  const Link& l2 = snap.links[2];
  CHECK(l2.kind == LinkKind::IpVpn);
  CHECK(l2.service == "carrier-ipvpn-1");
  REQUIRE(l2.members.size() == 2);
  const Device& fw = snap.devices[1];
  // With the ASA parser the nameif resolves to the interface's own name.
  CHECK(l2.members[1].interface == (fw.interfaces.empty() ? "outside" : "GigabitEthernet0/0"));
  CHECK(snap.links[4].kind == LinkKind::Wireless);
  CHECK(snap.links[4].members[0].segment == "pump-lan");
  for (size_t k = 0; k < 5; ++k) CHECK(!snap.links[k].inferred);
}

TEST_CASE("topology.yaml: owned defaults to RFC 1918 and the device addresses", "[topology]") {
  gp::test::TempSnapshot t;
  t.write("topology.yaml", "devices:\n  r1: {config: configs/r1.cfg}\n").write("configs/r1.cfg", kIosR1);
  const auto snap = load_snapshot(t.path());
  CHECK(!snap.owned_given);
  REQUIRE(snap.owned.size() >= 3);
  CHECK(gp::format_prefix(snap.owned[0]) == "10.0.0.0/8");
  CHECK(gp::format_prefix(snap.owned[1]) == "172.16.0.0/12");
  CHECK(gp::format_prefix(snap.owned[2]) == "192.168.0.0/16");
  for (const auto& i : snap.devices[0].interfaces)  // one /32 per configured address
    for (const auto& a : i.ipv4) {
      bool found = false;
      for (const auto& p : snap.owned) found = found || (p.len == 32 && p.addr == a.prefix.addr);
      CHECK(found);
    }
  CHECK(!snap.audit_date);
  CHECK(!snap.name.empty());  // the folder name
  CHECK(snap.devices[0].name == "r1");
}

TEST_CASE("topology.yaml: host service specs", "[topology]") {
  using gp::parsers::topo::parse_host_service;
  CHECK(parse_host_service("tcp/5900")->port == 5900);
  CHECK(parse_host_service("UDP/161")->protocol == 17);
  CHECK(parse_host_service("icmp")->protocol == 1);
  CHECK(parse_host_service("any")->protocol == -1);
  CHECK(!parse_host_service("tcp/"));
  CHECK(!parse_host_service("tcp/0"));
  CHECK(!parse_host_service("tcp/65536"));
  CHECK(!parse_host_service("tcp/80-90"));
  CHECK(!parse_host_service("sctp/80"));
  CHECK(!parse_host_service("5900"));
  CHECK(!parse_host_service(""));
}

// Each malformed input: one message naming the file, the line and column, and what was expected.
TEST_CASE("topology.yaml errors: malformed YAML", "[topology]") {
  SECTION("bad indentation") {
    auto m = load_error("zones:\n  office: {kind: office}\n scada: {kind: control}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:3:2:"));
    CHECK_THAT(m, Catch::Contains("malformed YAML"));
    CHECK_THAT(m, Catch::Contains("expected"));
    CHECK_THAT(m, Catch::Contains("indentation"));
  }
  SECTION("unclosed bracket") {
    auto m = load_error("owned: [10.0.0.0/8, 172.16.0.0/12\nzones: {}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:2:6:"));
    CHECK_THAT(m, Catch::Contains("expected ']'"));
  }
  SECTION("unclosed brace") {
    auto m = load_error("zones:\n  scada: {kind: control\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:3:1:"));
    CHECK_THAT(m, Catch::Contains("expected '}'"));
  }
  SECTION("value after a value") {
    auto m = load_error("name: a\n  audit_date: 2026-01-01\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:2:"));
    CHECK_THAT(m, Catch::Contains("expected"));
  }
  SECTION("absurd nesting neither crashes nor hangs") {
    auto m = load_error("zones: " + std::string(100000, '['));
    CHECK_THAT(m, Catch::Contains("topology.yaml:1:"));
    CHECK_THAT(m, Catch::Contains("malformed YAML"));
  }
  SECTION("binary garbage") {
    auto m = load_error(std::string("\xff\xfe\x00garbage: [\x01\n", 15));
    CHECK_THAT(m, Catch::Contains("topology.yaml:1:1:"));
  }
  SECTION("tab in indentation") {
    auto m = load_error("zones:\n\tscada: {kind: control}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:2:1: malformed YAML: tab in indentation; "
                                  "expected spaces"));
  }
  SECTION("not a mapping at the top") {
    auto m = load_error("- zones\n- devices\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:1:1:"));
    CHECK_THAT(m, Catch::Contains("expected a mapping"));
  }
  SECTION("empty file") {
    auto m = load_error("");
    CHECK_THAT(m, Catch::Contains("topology.yaml:1:1:"));
    CHECK_THAT(m, Catch::Contains("expected a mapping"));
  }
  SECTION("zones is a list") {
    auto m = load_error("zones:\n  - scada\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:2:3: zones: expected a mapping"));
  }
}

TEST_CASE("topology.yaml errors: references", "[topology]") {
  SECTION("unknown zone in a segment") {
    auto m = load_error(kZones + "segments:\n  lan: {zone: nowhere, prefix: 10.0.0.0/24}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:4:15:"));
    CHECK_THAT(m, Catch::Contains("unknown zone 'nowhere'"));
    CHECK_THAT(m, Catch::Contains("expected a zone declared under zones: (scada)"));
  }
  SECTION("unknown segment of a host") {
    auto m = load_error(kZones + "segments:\n  lan: {zone: scada, prefix: 10.0.0.0/24}\n" +
                        "hosts:\n  h1:\n    address: 10.0.0.5\n    segment: lann\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:8:14:"));
    CHECK_THAT(m, Catch::Contains("host 'h1': unknown segment 'lann'"));
    CHECK_THAT(m, Catch::Contains("expected a segment declared under segments:"));
  }
  SECTION("address in no segment") {
    auto m = load_error(kZones + "segments:\n  lan: {zone: scada, prefix: 10.0.0.0/24}\n" +
                        "hosts:\n  h1: {address: 10.9.9.9}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:6:17:"));
    CHECK_THAT(m, Catch::Contains("address 10.9.9.9 is in no segment"));
    CHECK_THAT(m, Catch::Contains("expected"));
  }
  SECTION("address in two segments of the same length") {
    auto m = load_error(kZones +
                        "segments:\n  a: {zone: scada, prefix: 10.0.0.0/24}\n"
                        "  b: {zone: scada, prefix: 10.0.0.0/24}\n"
                        "hosts:\n  h1: {address: 10.0.0.9}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:7:17:"));
    CHECK_THAT(m, Catch::Contains("several segments (a, b); expected a segment: field"));
  }
  SECTION("the most specific segment wins") {
    gp::test::TempSnapshot t;
    t.write("topology.yaml", kZones +
                                 "segments:\n  wide: {zone: scada, prefix: 10.0.0.0/16}\n"
                                 "  narrow: {zone: scada, prefix: 10.0.1.0/24}\n"
                                 "hosts:\n  h1: {address: 10.0.1.9}\n"
                                 "devices:\n  r1: {config: configs/r1.cfg}\n")
        .write("configs/r1.cfg", kIosR1);
    CHECK(load_snapshot(t.path()).hosts.at("h1").segment == "narrow");
  }
  SECTION("host without address") {
    auto m = load_error("hosts:\n  h1: {role: hmi}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:2:3:"));
    CHECK_THAT(m, Catch::Contains("expected an address:"));
  }
  SECTION("unknown room") {
    auto m = load_error(kZones + "segments:\n  lan: {zone: scada, prefix: 10.0.0.0/24}\n" +
                        "hosts:\n  h1: {address: 10.0.0.5, room: attic}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:6:33:"));
    CHECK_THAT(m, Catch::Contains("unknown room 'attic'"));
  }
  SECTION("unknown device in a link") {
    auto m = load_error(
        "devices:\n  r1: {config: configs/r1.cfg}\nlinks:\n  - {kind: ethernet, a: r2:Gi0/0, "
        "b: r1:GigabitEthernet0/0}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:4:25:"));
    CHECK_THAT(m, Catch::Contains("unknown device 'r2'"));
    CHECK_THAT(m, Catch::Contains("expected a device declared under devices:"));
  }
  SECTION("an interface the configuration does not have is kept as declared, with a note") {
    // A cable is a physical fact whatever the file says (issue 8): the link joins the device, and
    // the prover makes zones behind it UNPROVEN instead of refusing the snapshot.
    gp::test::TempSnapshot t;
    t.write("topology.yaml",
            "devices:\n  r1: {config: configs/r1.cfg}\nlinks:\n  - {kind: internet, a: r1:Gi0/7}\n")
        .write("configs/r1.cfg", kIosR1);
    const auto snap = load_snapshot(t.path());
    REQUIRE(snap.links.size() >= 1);
    CHECK(snap.links[0].members[0].str() == "r1:Gi0/7");
    CHECK(snap.links[0].members[0].declared_only);
    bool noted = false;
    for (const auto& [what, ref] : snap.notes)
      noted |= ref.str() == "topology.yaml:4:25" &&
               what.find("configs/r1.cfg has no interface 'Gi0/7' (it has GigabitEthernet0/0)") !=
                   std::string::npos;
    CHECK(noted);
  }
  SECTION("abbreviated interface names resolve to the configured name") {
    gp::test::TempSnapshot t;
    t.write("topology.yaml",
            "devices:\n  r1: {config: configs/r1.cfg}\nlinks:\n  - {kind: internet, a: r1:gi0/0}\n")
        .write("configs/r1.cfg", kIosR1);
    const auto snap = load_snapshot(t.path());
    REQUIRE(!snap.links.empty());
    CHECK(snap.links[0].members[0].str() == "r1:GigabitEthernet0/0");
    CHECK(snap.devices[0].vendor == Vendor::CiscoIos);
  }
  SECTION("unknown segment in a link") {
    auto m = load_error(
        "devices:\n  r1: {config: configs/r1.cfg}\nlinks:\n  - {kind: ethernet, a: "
        "r1:GigabitEthernet0/0, b: nowhere}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:4:51:"));
    CHECK_THAT(m, Catch::Contains("unknown endpoint 'nowhere'"));
    CHECK_THAT(m, Catch::Contains("expected DEVICE:INTERFACE"));
  }
  SECTION("missing config file") {
    auto m = load_error("devices:\n  r1: {config: configs/r1.cfg}\n  r9: {config: configs/r9.cfg}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:3:16:"));
    CHECK_THAT(m, Catch::Contains("config file 'configs/r9.cfg' does not exist"));
  }
  SECTION("device without config") {
    auto m = load_error("devices:\n  r1: {vendor: cisco-ios}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:2:3:"));
    CHECK_THAT(m, Catch::Contains("missing field 'config'"));
  }
  SECTION("unknown vendor") {
    auto m = load_error("devices:\n  r1: {config: configs/r1.cfg, vendor: juniper}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:2:40:"));
    CHECK_THAT(m, Catch::Contains("unknown vendor 'juniper'; expected one of cisco-ios"));
  }
}

TEST_CASE("topology.yaml errors: values and fields", "[topology]") {
  SECTION("unknown link kind") {
    auto m = load_error("links:\n  - {kind: fiber, a: internet}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:2:12:"));
    CHECK_THAT(m, Catch::Contains("unknown link kind 'fiber'; expected one of ethernet"));
  }
  SECTION("a link without kind") {
    auto m = load_error("links:\n  - {a: internet}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:2:5:"));
    CHECK_THAT(m, Catch::Contains("missing field 'kind'"));
  }
  SECTION("an ethernet link with one endpoint") {
    auto m = load_error(kZones +
                        "segments:\n  lan: {zone: scada, prefix: 10.0.0.0/24}\nlinks:\n"
                        "  - {kind: ethernet, a: lan}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:6:5:"));
    CHECK_THAT(m, Catch::Contains("expected b:"));
  }
  SECTION("a: together with members:") {
    auto m = load_error("links:\n  - {kind: ip-vpn, a: internet, members: [internet]}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:2:42:"));
    CHECK_THAT(m, Catch::Contains("expected either a:/b: or members:"));
  }
  SECTION("duplicate zone name") {
    auto m = load_error(
        "zones:\n  scada: {kind: control}\n  office: {kind: office}\n"
        "  scada: {kind: field}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:4:3:"));
    CHECK_THAT(m, Catch::Contains("duplicate key 'scada' in zones (first at line 2)"));
  }
  SECTION("duplicate field") {
    auto m = load_error("zones:\n  scada: {kind: control, kind: office}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:2:26:"));
    CHECK_THAT(m, Catch::Contains("duplicate key 'kind' in zone 'scada'"));
  }
  SECTION("unknown field in a host") {
    auto m = load_error(kZones + "segments:\n  lan: {zone: scada, prefix: 10.0.0.0/24}\n" +
                        "hosts:\n  hmi-01:\n    address: 10.0.0.5\n    colour: red\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:8:5:"));
    CHECK_THAT(m, Catch::Contains("unknown field 'colour' in host 'hmi-01'; expected one of "
                                  "address, addresses, segment"));
  }
  SECTION("unknown top-level field") {
    auto m = load_error("name: x\nzone:\n  a: {kind: office}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:2:1:"));
    CHECK_THAT(m, Catch::Contains("unknown field 'zone' in topology.yaml; expected one of name"));
  }
  SECTION("unknown field in a nested mapping") {
    auto m = load_error(kZones + "segments:\n  lan: {zone: scada, prefix: 10.0.0.0/24}\n" +
                        "hosts:\n  h1: {address: 10.0.0.5, os: {name: x, eol: 2020-01-01}}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:6:41:"));
    CHECK_THAT(m, Catch::Contains("unknown field 'eol' in host 'h1' os; expected one of name, "
                                  "support_end"));
  }
  SECTION("bad prefix") {
    auto m = load_error(kZones + "segments:\n  lan: {zone: scada, prefix: 10.0.0.0/33}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:4:30:"));
    CHECK_THAT(m, Catch::Contains("expected an IPv4 prefix like 192.168.1.0/24, found "
                                  "'10.0.0.0/33'"));
  }
  SECTION("bad owned prefix") {
    auto m = load_error("owned: [10.0.0.0/8, 300.1.0.0/16]\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:1:21:"));
    CHECK_THAT(m, Catch::Contains("owned: expected an IPv4 prefix"));
  }
  SECTION("bad service spec") {
    auto m = load_error(kZones + "segments:\n  lan: {zone: scada, prefix: 10.0.0.0/24}\n" +
                        "hosts:\n  h1: {address: 10.0.0.5, services: [tcp/22, tcp/ssh]}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:6:46:"));
    CHECK_THAT(m, Catch::Contains("bad service 'tcp/ssh'; expected tcp/PORT or udp/PORT"));
  }
  SECTION("bad address") {
    auto m = load_error("hosts:\n  h1: {address: 10.0.0}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:2:17:"));
    CHECK_THAT(m, Catch::Contains("expected an IPv4 address"));
  }
  SECTION("zone without kind") {
    auto m = load_error("zones:\n  scada: {claim: closed}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:2:3:"));
    CHECK_THAT(m, Catch::Contains("missing field 'kind'; expected one of control"));
  }
  SECTION("bad zone kind") {
    auto m = load_error("zones:\n  scada: {kind: plant}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:2:17:"));
    CHECK_THAT(m, Catch::Contains("unknown kind 'plant'; expected one of control"));
  }
  SECTION("bad role") {
    auto m = load_error(kZones + "segments:\n  lan: {zone: scada, prefix: 10.0.0.0/24}\n" +
                        "hosts:\n  h1: {address: 10.0.0.5, role: robot}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:6:33:"));
    CHECK_THAT(m, Catch::Contains("unknown role 'robot'; expected one of server"));
  }
  SECTION("bad removable_media") {
    auto m = load_error(kZones + "segments:\n  lan: {zone: scada, prefix: 10.0.0.0/24}\n" +
                        "hosts:\n  h1: {address: 10.0.0.5, removable_media: glued}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:6:44:"));
    CHECK_THAT(m, Catch::Contains("expected one of none, policy_only"));
  }
  SECTION("bad boolean") {
    auto m = load_error("rooms:\n  r: {locked: maybe}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:2:15:"));
    CHECK_THAT(m, Catch::Contains("expected true or false, found 'maybe'"));
  }
  SECTION("bad date") {
    auto m = load_error("audit_date: 2026-02-30\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:1:13:"));
    CHECK_THAT(m, Catch::Contains("expected a date YYYY-MM-DD"));
  }
  SECTION("a segment named internet") {
    auto m = load_error(kZones + "segments:\n  internet: {zone: scada, prefix: 10.0.0.0/24}\n");
    CHECK_THAT(m, Catch::Contains("topology.yaml:4:3:"));
    CHECK_THAT(m, Catch::Contains("expected another name"));
  }
}

TEST_CASE("snapshot folder errors", "[topology]") {
  SECTION("neither topology.yaml nor configs/") {
    gp::test::TempSnapshot t;
    t.write("notes.txt", "hello\n");
    try {
      load_snapshot(t.path());
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK_THAT(
          e.what(),
          Catch::Contains("no topology.yaml, no configs/ folder and no configuration file in " + t.path()));
    }
  }
  SECTION("nonexistent folder") {
    try {
      load_snapshot("/nonexistent/gapproof-snapshot");
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK_THAT(e.what(), Catch::Contains("/nonexistent/gapproof-snapshot"));
      CHECK_THAT(e.what(), Catch::Contains("does not exist"));
    }
  }
  SECTION("a file, not a folder") {
    gp::test::TempSnapshot t;
    t.write("file.txt", "x\n");
    CHECK_THROWS_AS(load_snapshot(t.path() + "/file.txt"), InputError);
  }
  SECTION("config: names a folder") {
    gp::test::TempSnapshot t;
    t.write("topology.yaml", "devices:\n  r1: {config: configs}\n").write("configs/x.cfg", "x\n");
    try {
      load_snapshot(t.path());
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK_THAT(e.what(), Catch::Contains("topology.yaml:2:16: config file 'configs' is a folder"));
    }
  }
}
