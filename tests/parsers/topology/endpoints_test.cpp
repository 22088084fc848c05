// DEVICE:INTERFACE endpoints resolved against parsed devices (built here in C++).
#include "parsers/topology/endpoints.h"

#include <catch2/catch.hpp>

using namespace gp::model;
using gp::parsers::topo::resolve_endpoint;
using gp::parsers::topo::resolve_interface;

namespace {
Interface ifc(const std::string& name, const std::string& nameif = "") {
  Interface i;
  i.name = name;
  i.nameif = nameif;
  return i;
}

Snapshot snapshot() {
  Snapshot s;
  Device r1;
  r1.name = "r1";
  r1.file = "configs/r1.cfg";
  r1.interfaces = {ifc("GigabitEthernet0/1"),    ifc("GigabitEthernet0/10"),
                   ifc("Port-channel1"),         ifc("Tunnel1"),
                   ifc("TenGigabitEthernet1/1"), ifc("Dialer1"),
                   ifc("GigabitEthernet0/1.100")};
  Device fw;
  fw.name = "fw";
  fw.interfaces = {ifc("GigabitEthernet0/0", "outside"), ifc("GigabitEthernet0/1", "inside")};
  Device blank;  // a dialect whose interfaces are not modelled
  blank.name = "blank";
  s.devices = {r1, fw, blank};
  Segment seg;
  seg.id = "office-lan";
  s.segments[seg.id] = seg;
  return s;
}
}  // namespace

TEST_CASE("endpoints: interface names, nameif, case and abbreviations", "[topology]") {
  const Snapshot s = snapshot();
  const Device& r1 = s.devices[0];
  auto name = [&](const Device& d, const std::string& n) {
    const Interface* i = resolve_interface(d, n);
    return i ? i->name : std::string("(none)");
  };
  CHECK(name(r1, "GigabitEthernet0/1") == "GigabitEthernet0/1");
  CHECK(name(r1, "gigabitethernet0/1") == "GigabitEthernet0/1");
  CHECK(name(r1, "GigabitEthernet 0/1") == "GigabitEthernet0/1");
  CHECK(name(r1, "Gi0/1") == "GigabitEthernet0/1");
  CHECK(name(r1, "g0/1") == "GigabitEthernet0/1");
  CHECK(name(r1, "Gi0/10") == "GigabitEthernet0/10");
  CHECK(name(r1, "Gi0/1.100") == "GigabitEthernet0/1.100");
  CHECK(name(r1, "Po1") == "Port-channel1");
  CHECK(name(r1, "Te1/1") == "TenGigabitEthernet1/1");
  CHECK(name(r1, "Tu1") == "Tunnel1");
  CHECK(name(r1, "Di1") == "Dialer1");
  CHECK(name(r1, "Gi0/2") == "(none)");
  CHECK(name(r1, "Fa0/1") == "(none)");
  CHECK(name(r1, "0/1") == "(none)");
  CHECK(name(s.devices[1], "outside") == "GigabitEthernet0/0");
  CHECK(name(s.devices[1], "INSIDE") == "GigabitEthernet0/1");
  // "T1" fits Tunnel1 and TenGigabitEthernet1: ambiguous, so neither.
  std::vector<std::string> amb;
  Device d;
  d.interfaces = {ifc("Tunnel1"), ifc("TenGigabitEthernet1")};
  CHECK(resolve_interface(d, "T1", &amb) == nullptr);
  CHECK(amb.size() == 2);
}

TEST_CASE("endpoints: DEVICE:INTERFACE, segments, internet", "[topology]") {
  const Snapshot s = snapshot();
  auto r = resolve_endpoint(s, "r1:Gi0/1");
  REQUIRE(r.ok);
  CHECK(r.endpoint.type == Endpoint::Type::Interface);
  CHECK(r.endpoint.str() == "r1:GigabitEthernet0/1");  // canonical name stored

  r = resolve_endpoint(s, "fw:outside");
  REQUIRE(r.ok);
  CHECK(r.endpoint.interface == "GigabitEthernet0/0");

  r = resolve_endpoint(s, "office-lan");
  REQUIRE(r.ok);
  CHECK(r.endpoint.type == Endpoint::Type::Segment);

  r = resolve_endpoint(s, "internet");
  REQUIRE(r.ok);
  CHECK(r.endpoint.type == Endpoint::Type::Internet);

  r = resolve_endpoint(s, "r1:Gi0/7");  // kept as declared: the link is a physical fact
  REQUIRE(r.ok);
  CHECK(r.endpoint.declared_only);
  CHECK(r.endpoint.interface == "Gi0/7");
  CHECK_THAT(r.note, Catch::Contains("its configuration configs/r1.cfg has no interface 'Gi0/7'"));

  r = resolve_endpoint(s, "r2:Gi0/1");
  CHECK(!r.ok);
  CHECK_THAT(r.error, Catch::Contains("unknown device 'r2'"));

  r = resolve_endpoint(s, "r1");
  CHECK(!r.ok);
  CHECK_THAT(r.error, Catch::Contains("'r1' is a device"));

  r = resolve_endpoint(s, "r1:");
  CHECK(!r.ok);

  // No interfaces parsed at all: the name is taken as written, and said so.
  r = resolve_endpoint(s, "blank:ge-0/0/0");
  REQUIRE(r.ok);
  CHECK(r.endpoint.interface == "ge-0/0/0");
  CHECK_THAT(r.note, Catch::Contains("yields no interface; the link is kept as declared"));
  CHECK(r.endpoint.declared_only);

  // Batfish layer-1 names: case-insensitive device names.
  CHECK(!resolve_endpoint(s, "R1:Gi0/1").ok);
  gp::parsers::topo::EndpointOptions lenient;
  lenient.lenient_device_names = true;
  CHECK(resolve_endpoint(s, "R1:Gi0/1", lenient).ok);
}
