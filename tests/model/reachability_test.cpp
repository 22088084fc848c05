#include <catch2/catch.hpp>

#include "model/reachability/audit.h"
#include "snapshot_builder.h"

using namespace gp;
using namespace gp::test;
using model::Action;
using reach::Verdict;

namespace {
const reach::ZoneVerdict& zone(const reach::AuditResult& r, const std::string& id) {
  for (const auto& z : r.zones)
    if (z.zone == id) return z;
  FAIL("zone not found: " << id);
  return r.zones.front();
}
model::Device& dev(model::Snapshot& s, const std::string& n) {
  for (auto& d : s.devices)
    if (d.name == n) return d;
  throw std::runtime_error("no device");
}
}  // namespace

TEST_CASE("an unfiltered router makes the control zone REACHABLE with a concrete trace", "[prover]") {
  auto s = one_router_plant();
  auto r = reach::audit_reachability(s);
  const auto& z = zone(r, "scada");
  REQUIRE(z.verdict == Verdict::Reachable);
  REQUIRE(z.flows.size() == 1);
  const auto& step = z.flows[0].chain.back();
  CHECK(step.source_kind == "internet");
  CHECK(step.target == "plc");
  CHECK(step.trace.first.dst == A("10.1.0.10"));
  CHECK_FALSE(P("203.0.113.0/24").contains(step.trace.first.src));  // not an owned address
  REQUIRE(step.trace.hops.size() == 1);
  CHECK(step.trace.hops[0].device == "r1");
  CHECK(step.trace.hops[0].in_interface == "Gi0");
  CHECK(step.trace.hops[0].out_interface == "Gi1");
  CHECK_FALSE(z.physical_path.empty());
}

TEST_CASE("a deny-all inbound filter gives FIREWALL_ONLY with the blocking line", "[prover]") {
  auto s = one_router_plant();
  auto& r1 = dev(s, "r1");
  model::Filter f;
  f.name = "IN";
  f.src_ref = L(40);
  f.rules = {rule(Action::Permit, "any", "203.0.113.2/32", model::proto::kTcp, 22, 41)};
  r1.filters["IN"] = f;
  r1.interfaces[0].filter_in = "IN";
  r1.interfaces[0].filter_in_ref = L(12);
  auto r = reach::audit_reachability(s);
  const auto& z = zone(r, "scada");
  REQUIRE(z.verdict == Verdict::FirewallOnly);
  REQUIRE_FALSE(z.blocking.empty());
  bool cites_filter = false;
  for (const auto& b : z.blocking)
    for (const auto& ref : b.refs) cites_filter |= ref.line == 40;  // implicit deny -> filter line
  CHECK(cites_filter);
  CHECK_FALSE(z.physical_path.empty());
  CHECK(z.physical_path.back().vertex == "internet");
}

TEST_CASE("a port permit reaches exactly that port", "[prover]") {
  auto s = one_router_plant();
  auto& r1 = dev(s, "r1");
  model::Filter f;
  f.name = "IN";
  f.src_ref = L(40);
  f.rules = {rule(Action::Deny, "any", "10.1.0.10/32", model::proto::kTcp, 23, 41),
             rule(Action::Permit, "any", "10.1.0.10/32", model::proto::kTcp, 502, 42)};
  r1.filters["IN"] = f;
  r1.interfaces[0].filter_in = "IN";
  auto r = reach::audit_reachability(s);
  const auto& z = zone(r, "scada");
  REQUIRE(z.verdict == Verdict::Reachable);
  const auto& t = z.flows[0].chain.back().trace;
  CHECK(t.first.proto == 6);
  CHECK(t.first.dport == 502);
  bool cites = false;
  for (const auto& [what, ref] : t.hops[0].facts) cites |= ref.line == 42;
  CHECK(cites);
}

TEST_CASE("established-only permits are not flows from the internet", "[prover]") {
  auto s = one_router_plant();
  auto& r1 = dev(s, "r1");
  model::Filter f;
  f.name = "IN";
  auto est = rule(Action::Permit, "any", "any", model::proto::kTcp, -1, 41);
  est.services[0].established_only = true;
  f.rules = {est};
  r1.filters["IN"] = f;
  r1.interfaces[0].filter_in = "IN";
  auto r = reach::audit_reachability(s);
  CHECK(zone(r, "scada").verdict == Verdict::FirewallOnly);
}

TEST_CASE("a filter line not understood makes the zone UNPROVEN, citing it", "[prover]") {
  auto s = one_router_plant();
  auto& r1 = dev(s, "r1");
  model::Filter f;
  f.name = "IN";
  auto odd = rule(Action::Permit, "any", "any", std::nullopt, -1, 41);
  odd.understood = false;
  odd.why_not_understood = "time-range";
  f.rules = {odd};
  r1.filters["IN"] = f;
  r1.interfaces[0].filter_in = "IN";
  auto r = reach::audit_reachability(s);
  const auto& z = zone(r, "scada");
  REQUIRE(z.verdict == Verdict::Unproven);
  bool cites = false;
  for (const auto& u : z.unproven) cites |= u.ref.line == 41;
  CHECK(cites);
}

TEST_CASE("no internet point in the component gives CLOSED; an unknown peer gives UNPROVEN", "[prover]") {
  auto s = one_router_plant();
  s.links.erase(s.links.begin());  // remove the internet link
  SECTION("Gi0 shut down: closed") {
    dev(s, "r1").interfaces[0].shutdown = true;
    auto r = reach::audit_reachability(s);
    CHECK(zone(r, "scada").verdict == Verdict::Closed);
  }
  SECTION("Gi0 up, addressed and unlinked: unknown peer") {
    auto r = reach::audit_reachability(s);
    const auto& z = zone(r, "scada");
    CHECK(z.verdict == Verdict::Unproven);
    REQUIRE_FALSE(z.unproven.empty());
    CHECK(z.unproven[0].ref.line == 10);
  }
}

TEST_CASE("a static NAT port forward is followed and traced", "[prover]") {
  auto s = one_router_plant();
  auto& r1 = dev(s, "r1");
  r1.interfaces[0].nat_role = model::NatRole::Outside;
  r1.interfaces[1].nat_role = model::NatRole::Inside;
  model::Filter f;
  f.name = "IN";
  f.rules = {rule(Action::Permit, "any", "203.0.113.2/32", model::proto::kTcp, 5900, 41)};
  r1.filters["IN"] = f;
  r1.interfaces[0].filter_in = "IN";
  model::NatRule n;
  n.kind = model::NatKind::StaticPort;
  n.real_src = {AddrMatch::host(A("10.1.0.10"))};
  n.mapped_src = P("203.0.113.2/32");
  n.protocol = 6;
  n.real_port = 5900;
  n.mapped_port = 5900;
  n.src_ref = L(50);
  n.text = "ip nat inside source static tcp 10.1.0.10 5900 203.0.113.2 5900";
  r1.nat.push_back(n);
  auto r = reach::audit_reachability(s);
  const auto& z = zone(r, "scada");
  REQUIRE(z.verdict == Verdict::Reachable);
  const auto& t = z.flows[0].chain.back().trace;
  CHECK(t.first.dst == A("203.0.113.2"));
  CHECK(t.first.dport == 5900);
  CHECK(t.last.dst == A("10.1.0.10"));
  bool cites_nat = false;
  for (const auto& [what, ref] : t.hops[0].facts) cites_nat |= ref.line == 50;
  CHECK(cites_nat);
}

TEST_CASE("firewall security levels block lower-to-higher without an access-list", "[prover]") {
  auto s = one_router_plant();
  auto& fw = dev(s, "r1");
  fw.stateful = true;
  fw.interfaces[0].nameif = "outside";
  fw.interfaces[0].security_level = 0;
  fw.interfaces[1].nameif = "inside";
  fw.interfaces[1].security_level = 100;
  SECTION("no ACL") {
    auto r = reach::audit_reachability(s);
    const auto& z = zone(r, "scada");
    REQUIRE(z.verdict == Verdict::FirewallOnly);
    bool level = false;
    for (const auto& b : z.blocking) level |= b.what.find("security level 0 -> 100") != std::string::npos;
    CHECK(level);
  }
  SECTION("an access-list permits it") {
    model::Filter f;
    f.name = "OUTSIDE_IN";
    f.rules = {rule(Action::Permit, "any", "10.1.0.10/32", model::proto::kTcp, 443, 41)};
    fw.filters["OUTSIDE_IN"] = f;
    fw.interfaces[0].filter_in = "OUTSIDE_IN";
    auto r = reach::audit_reachability(s);
    CHECK(zone(r, "scada").verdict == Verdict::Reachable);
  }
}

TEST_CASE("a pivot chain through an office PC is found and shown whole", "[prover]") {
  auto s = one_router_plant();
  auto& r1 = dev(s, "r1");
  add_zone(s, "office", model::ZoneKind::Office);
  add_segment(s, "office-lan", "office", "192.168.1.0/24");
  add_host(s, "pc1", "office-lan", "192.168.1.50", model::HostRole::Workstation);
  add_ifc(r1, "Gi2", "192.168.1.1/24", 60);
  s.links.push_back(link(model::LinkKind::Ethernet, {ifc_ep("r1", "Gi2"), seg_ep("office-lan")}, 7));
  model::Filter in;
  in.name = "IN";
  in.rules = {};  // internet: nothing in
  r1.filters["IN"] = in;
  r1.interfaces[0].filter_in = "IN";
  auto r = reach::audit_reachability(s);
  const auto& z = zone(r, "scada");
  REQUIRE(z.verdict == Verdict::Reachable);
  const auto& chain = z.flows[0].chain;
  REQUIRE(chain.size() == 2);
  CHECK(chain[0].target == "pc1");
  CHECK(chain[1].target == "plc");
  CHECK(chain[1].trace.first.src == A("192.168.1.50"));
}

TEST_CASE("IPv6 on every interface of a path to the internet makes the zone UNPROVEN", "[prover]") {
  auto s = one_router_plant();
  auto& r1 = dev(s, "r1");
  model::Filter f;
  f.name = "IN";
  r1.filters["IN"] = f;
  r1.interfaces[0].filter_in = "IN";
  r1.interfaces[0].ipv6.push_back({"2001:db8::1/64", L(11)});
  SECTION("only on the outside: still proven") {
    CHECK(zone(reach::audit_reachability(s), "scada").verdict == Verdict::FirewallOnly);
  }
  SECTION("on both sides") {
    r1.interfaces[1].ipv6.push_back({"2001:db8:1::1/64", L(21)});
    const auto z = zone(reach::audit_reachability(s), "scada");
    CHECK(z.verdict == Verdict::Unproven);
  }
}

TEST_CASE("remote-access VPN pools are ways in", "[prover]") {
  auto s = one_router_plant();
  auto& r1 = dev(s, "r1");
  model::Filter f;
  f.name = "IN";
  r1.filters["IN"] = f;
  r1.interfaces[0].filter_in = "IN";
  model::Vpn v;
  v.kind = model::VpnKind::RemoteAccess;
  v.name = "vendor";
  v.interface = "Gi0";
  v.client_pools = {P("10.99.0.0/24")};
  v.src_ref = L(70);
  r1.vpns.push_back(v);
  auto r = reach::audit_reachability(s);
  const auto& z = zone(r, "scada");
  REQUIRE(z.verdict == Verdict::Reachable);
  CHECK(z.flows[0].chain.front().source_kind == "vpn-pool");
  CHECK(P("10.99.0.0/24").contains(z.flows[0].chain.back().trace.first.src));
}

TEST_CASE("exposed services: device management and control-host services", "[prover]") {
  auto s = one_router_plant();
  SECTION("unfiltered: both exposed") {
    auto r = reach::audit_reachability(s);
    bool ssh = false, modbus = false;
    for (const auto& e : r.device_exposure) ssh |= e.device == "r1" && e.service == "ssh";
    for (const auto& e : r.host_exposure) modbus |= e.target == "plc" && e.service == "modbus";
    CHECK(ssh);
    CHECK(modbus);
  }
  SECTION("filtered: nothing exposed") {
    auto& r1 = dev(s, "r1");
    model::Filter f;
    f.name = "IN";
    r1.filters["IN"] = f;
    r1.interfaces[0].filter_in = "IN";
    auto r = reach::audit_reachability(s);
    CHECK(r.device_exposure.empty());
    CHECK(r.host_exposure.empty());
  }
  // The service's own source restriction (IOS vty access-class, ASA "ssh <net> <nameif>") is
  // applied to what reaches the device: only admitted packets expose it, and the example is one.
  auto& r1 = dev(s, "r1");
  model::MgmtService ssh;
  ssh.protocol = model::MgmtProtocol::Ssh;
  ssh.enabled = true;
  ssh.access_filter = "VTY";
  ssh.src_ref = L(90);
  r1.services.push_back(ssh);
  model::Filter vty;
  vty.name = "VTY";
  model::FilterRule admin;
  admin.action = model::Action::Permit;
  admin.src = {AddrMatch::of(P("198.51.100.0/24"))};  // not owned: internet addresses
  vty.rules.push_back(admin);
  auto ssh_exposure = [](const reach::AuditResult& r) -> const reach::Exposure* {
    for (const auto& e : r.device_exposure)
      if (e.device == "r1" && e.service == "ssh") return &e;
    return nullptr;
  };
  SECTION("the service's access list admits some internet sources: exposed, example admitted") {
    r1.filters["VTY"] = vty;
    auto r = reach::audit_reachability(s);
    const auto* e = ssh_exposure(r);
    REQUIRE(e);
    CHECK(e->restriction == "access list VTY");
    CHECK_FALSE(e->restriction_uncertain);
    CHECK(e->example.find("198.51.100.") != std::string::npos);
  }
  SECTION("the service's access list admits only inside hosts: not exposed") {
    vty.rules[0].src = {AddrMatch::of(P("172.16.10.0/24"))};
    r1.filters["VTY"] = vty;
    CHECK(ssh_exposure(reach::audit_reachability(s)) == nullptr);
  }
  SECTION("a line of the access list not understood: exposed, marked uncertain") {
    vty.rules[0].src = {AddrMatch::of(P("172.16.10.0/24"))};
    model::FilterRule odd;
    odd.understood = false;
    odd.action = model::Action::Permit;
    vty.rules.push_back(odd);
    r1.filters["VTY"] = vty;
    auto r = reach::audit_reachability(s);  // kept alive: e points into it
    const auto* e = ssh_exposure(r);
    REQUIRE(e);
    CHECK(e->restriction_uncertain);
  }
}

TEST_CASE("a forward policy scoped by interface pair decides after routing", "[prover]") {
  auto s = one_router_plant();
  auto& fw = dev(s, "r1");
  fw.stateful = true;  // a policy firewall without security levels (FortiGate-like)
  model::Filter pol;
  pol.name = "policy";
  pol.src_ref = L(80);
  auto r = rule(Action::Permit, "any", "10.1.0.10/32", model::proto::kTcp, 443, 81);
  r.in_interfaces = {"Gi0"};
  r.out_interfaces = {"Gi1"};
  pol.rules = {r};
  fw.filters["policy"] = pol;
  fw.forward_filter = "policy";
  SECTION("the pair matches: reachable on 443 only, citing the policy") {
    auto res = reach::audit_reachability(s);
    const auto& z = zone(res, "scada");
    REQUIRE(z.verdict == Verdict::Reachable);
    const auto& t = z.flows[0].chain.back().trace;
    CHECK(t.first.dport == 443);
    bool cites = false;
    for (const auto& [what, ref] : t.hops[0].facts) cites |= ref.line == 81;
    CHECK(cites);
  }
  SECTION("scoped to another pair: blocked by the implicit deny") {
    fw.filters["policy"].rules[0].in_interfaces = {"Gi1"};
    auto res = reach::audit_reachability(s);
    CHECK(zone(res, "scada").verdict == Verdict::FirewallOnly);
  }
}

TEST_CASE("site-to-site IPsec between two devices of the snapshot carries traffic", "[prover]") {
  // office pc --- r0 (Gi0 public .2) ~~ internet ~~ r1 (Gi0 public 203.0.113.2) --- plc
  auto s = one_router_plant();
  add_zone(s, "office", model::ZoneKind::Office);
  add_segment(s, "office-lan", "office", "192.168.1.0/24");
  add_host(s, "pc1", "office-lan", "192.168.1.50", model::HostRole::Workstation);
  model::Device r0;
  r0.name = "r0";
  r0.file = "configs/r0.cfg";
  add_ifc(r0, "Gi0", "198.51.100.2/30", 10);
  add_ifc(r0, "Gi1", "192.168.1.1/24", 20);
  model::Route def;
  def.prefix = P("0.0.0.0/0");
  def.next_hop = A("198.51.100.1");
  r0.routes.push_back(def);
  r0.interfaces[0].crypto_map = "VPN";
  model::Vpn v;
  v.kind = model::VpnKind::SiteToSiteIpsec;
  v.name = "VPN 10";
  v.interface = "Gi0";
  v.peers = {A("203.0.113.2")};
  v.local_networks = {AddrMatch::of(P("192.168.1.0/24"))};
  v.remote_networks = {AddrMatch::of(P("10.1.0.0/24"))};
  v.src_ref = {"configs/r0.cfg", 40, 0};
  r0.vpns.push_back(v);
  s.devices.push_back(r0);
  s.links.push_back(link(model::LinkKind::Internet, {ifc_ep("r0", "Gi0"), internet_ep()}, 8));
  s.links.push_back(link(model::LinkKind::Ethernet, {ifc_ep("r0", "Gi1"), seg_ep("office-lan")}, 9));
  // r1 admits only the office LAN (after decryption) on its internet interface.
  auto& r1 = dev(s, "r1");
  model::Filter in;
  in.name = "IN";
  in.rules = {rule(Action::Permit, "192.168.1.0/24", "10.1.0.0/24", std::nullopt, -1, 41)};
  r1.filters["IN"] = in;
  r1.interfaces[0].filter_in = "IN";
  SECTION("the office PC reaches the plc through the tunnel") {
    auto r = reach::audit_reachability(s);
    const auto& z = zone(r, "scada");
    REQUIRE(z.verdict == Verdict::Reachable);
    const auto& last = z.flows[0].chain.back();
    CHECK(last.trace.first.src == A("192.168.1.50"));
    REQUIRE(last.trace.hops.size() == 2);
    CHECK(last.trace.hops[0].device == "r0");
    CHECK(last.trace.hops[1].device == "r1");
  }
  SECTION("without the crypto map the packet goes to the internet and r1 drops it") {
    dev(s, "r0").vpns.clear();
    auto r = reach::audit_reachability(s);
    CHECK(zone(r, "scada").verdict == Verdict::FirewallOnly);
  }
}

TEST_CASE("a control host that uses the internet makes its zone REACHABLE", "[prover]") {
  auto s = one_router_plant();
  auto& r1 = dev(s, "r1");
  model::Filter f;
  f.name = "IN";
  r1.filters["IN"] = f;
  r1.interfaces[0].filter_in = "IN";
  CHECK(zone(reach::audit_reachability(s), "scada").verdict == Verdict::FirewallOnly);
  s.hosts.at("plc").internet_client = true;
  const auto r = reach::audit_reachability(s);
  const auto& z = zone(r, "scada");
  REQUIRE(z.verdict == Verdict::Reachable);
  CHECK(z.flows.at(0).chain.at(0).target == "plc");
}

TEST_CASE("a route or NAT rule not understood on a candidate path makes the zone UNPROVEN", "[prover]") {
  auto s = one_router_plant();
  auto& r1 = dev(s, "r1");
  model::Filter f;
  f.name = "IN";
  r1.filters["IN"] = f;
  r1.interfaces[0].filter_in = "IN";
  REQUIRE(zone(reach::audit_reachability(s), "scada").verdict == Verdict::FirewallOnly);
  SECTION("route") {
    model::Route odd;
    odd.understood = false;
    odd.why_not_understood = "ip route ... dhcp";
    odd.src_ref = L(90);
    r1.routes.push_back(odd);
  }
  SECTION("NAT") {
    model::NatRule odd;
    odd.understood = false;
    odd.why_not_understood = "route-map";
    odd.src_ref = L(90);
    r1.nat.push_back(odd);
  }
  const auto r = reach::audit_reachability(s);
  const auto& z = zone(r, "scada");
  REQUIRE(z.verdict == Verdict::Unproven);
  bool cites = false;
  for (const auto& u : z.unproven) cites |= u.ref.line == 90;
  CHECK(cites);
}
