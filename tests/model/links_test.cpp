// Link inference and unknown peers, on devices built directly in C++.
#include "model/links.h"

#include <algorithm>
#include <catch2/catch.hpp>

using namespace gp::model;
using gp::Ipv4;
using gp::Prefix;

namespace {

Ipv4 ip(const char* s) { return *gp::parse_ipv4(s); }

struct DeviceBuilder {
  Device d;
  explicit DeviceBuilder(const std::string& name) {
    d.name = name;
    d.hostname = name;
    d.file = "configs/" + name + ".cfg";
  }
  Interface& add(const std::string& name, const char* prefix = nullptr,
                 InterfaceKind kind = InterfaceKind::Physical) {
    Interface i;
    i.name = name;
    i.kind = kind;
    i.src_ref = {d.file, static_cast<int>(d.interfaces.size()) * 10 + 1, 0};
    if (prefix) {
      InterfaceAddress a;
      a.prefix = *gp::parse_prefix(prefix);
      a.src_ref = {d.file, i.src_ref.line + 1, 0};
      i.ipv4.push_back(a);
    }
    d.interfaces.push_back(i);
    return d.interfaces.back();
  }
  DeviceBuilder& default_route(const char* next_hop, const std::string& out = "") {
    Route r;
    r.prefix = Prefix{0, 0};
    if (next_hop) r.next_hop = ip(next_hop);
    r.out_interface = out;
    r.src_ref = {d.file, 99, 0};
    d.routes.push_back(r);
    return *this;
  }
};

std::vector<const Link*> inferred(const Snapshot& s) {
  std::vector<const Link*> out;
  for (const auto& l : s.links)
    if (l.inferred) out.push_back(&l);
  return out;
}

bool has_member(const Link& l, const std::string& ep) {
  return std::any_of(l.members.begin(), l.members.end(), [&](const Endpoint& e) { return e.str() == ep; });
}

std::vector<std::string> unknown(const Snapshot& s) {
  std::vector<std::string> out;
  for (const auto& u : find_unknown_peers(s)) out.push_back(u.device + ":" + u.interface);
  return out;
}

void rfc1918_owned(Snapshot& s) {
  s.owned = {*gp::parse_prefix("10.0.0.0/8"), *gp::parse_prefix("172.16.0.0/12"),
             *gp::parse_prefix("192.168.0.0/16")};
}

}  // namespace

TEST_CASE("links: a shared /30 gives one inferred segment and link", "[links]") {
  Snapshot s;
  DeviceBuilder a("r1"), b("r2");
  a.add("GigabitEthernet0/0", "10.0.12.1/30");
  b.add("GigabitEthernet0/1", "10.0.12.2/30");
  s.devices = {a.d, b.d};
  infer_links(s);
  REQUIRE(s.segments.count("inferred:10.0.12.0/30"));
  const Segment& seg = s.segments.at("inferred:10.0.12.0/30");
  CHECK(seg.inferred);
  CHECK(seg.zone.empty());
  auto links = inferred(s);
  REQUIRE(links.size() == 1);
  CHECK(links[0]->kind == LinkKind::Ethernet);
  CHECK(links[0]->inferred_why == "shared subnet 10.0.12.0/30");
  CHECK(links[0]->src_ref.str() == "configs/r1.cfg:2");  // the address line
  CHECK(has_member(*links[0], "r1:GigabitEthernet0/0"));
  CHECK(has_member(*links[0], "r2:GigabitEthernet0/1"));
  CHECK(has_member(*links[0], "inferred:10.0.12.0/30"));
  CHECK(unknown(s).empty());
}

TEST_CASE("links: overlapping subnets of different lengths join one group", "[links]") {
  Snapshot s;
  DeviceBuilder a("r1"), b("r2"), c("r3");
  a.add("Gi0/0", "10.1.0.1/24");
  b.add("Gi0/0", "10.1.0.2/25");
  c.add("Gi0/0", "10.2.0.1/24");  // alone: an unknown peer
  s.devices = {a.d, b.d, c.d};
  infer_links(s);
  auto links = inferred(s);
  REQUIRE(links.size() == 1);
  CHECK(links[0]->inferred_why == "shared subnet 10.1.0.0/24");
  CHECK(s.segments.at("inferred:10.1.0.0/24").prefixes.size() == 2);
  CHECK(unknown(s) == std::vector<std::string>{"r3:Gi0/0"});
}

TEST_CASE("links: an interface in a declared segment is linked to it", "[links]") {
  Snapshot s;
  Segment seg;
  seg.id = "scada-lan";
  seg.zone = "scada";
  seg.prefixes = {*gp::parse_prefix("172.16.10.0/24")};
  s.segments[seg.id] = seg;
  DeviceBuilder a("fw");
  a.add("GigabitEthernet0/1", "172.16.10.1/24");
  s.devices = {a.d};
  infer_links(s);
  auto links = inferred(s);
  REQUIRE(links.size() == 1);
  CHECK(links[0]->members.size() == 2);
  CHECK(has_member(*links[0], "scada-lan"));
  CHECK_THAT(links[0]->inferred_why, Catch::Contains("shared subnet 172.16.10.0/24"));
  CHECK(s.segments.size() == 1);  // no inferred segment
}

TEST_CASE("links: ISP lines are inferred internet links", "[links]") {
  Snapshot s;
  rfc1918_owned(s);
  DeviceBuilder a("r1");
  auto& dialer = a.add("Dialer1", nullptr, InterfaceKind::Dialer);
  dialer.negotiated_address = true;
  auto& pppoe = a.add("GigabitEthernet0/0");
  pppoe.pppoe = true;
  auto& dhcp = a.add("GigabitEthernet0/1");
  dhcp.dhcp_client = true;
  dhcp.nat_role = NatRole::Outside;
  dhcp.nat_role_ref = {a.d.file, 42, 0};
  auto& dhcp_inside = a.add("GigabitEthernet0/2");  // DHCP toward nobody known
  dhcp_inside.dhcp_client = true;
  DeviceBuilder b("r2");
  b.add("GigabitEthernet0/0", "203.0.113.2/30");
  b.default_route("203.0.113.1");
  DeviceBuilder c("r3");
  c.add("GigabitEthernet0/0", "198.51.100.2/30");  // public, but no default route through it
  DeviceBuilder f("fw");
  auto& out = f.add("GigabitEthernet0/0");
  out.dhcp_client = true;
  out.nameif = "outside";
  out.security_level = 0;
  s.devices = {a.d, b.d, c.d, f.d};
  infer_links(s);
  auto links = inferred(s);
  std::vector<std::string> got;
  for (const auto* l : links) {
    CHECK(l->kind == LinkKind::Internet);
    REQUIRE(l->members.size() == 2);
    CHECK(l->members[1].type == Endpoint::Type::Internet);
    got.push_back(l->members[0].str() + " | " + l->inferred_why);
  }
  CHECK(got ==
        std::vector<std::string>{"r1:Dialer1 | dialer interface (PPP to a provider)",
                                 "r1:GigabitEthernet0/0 | PPPoE client",
                                 "r1:GigabitEthernet0/1 | DHCP client on the NAT outside interface",
                                 "r2:GigabitEthernet0/0 | public address 203.0.113.2 with the default route "
                                 "through it (configs/r2.cfg:99)",
                                 "fw:GigabitEthernet0/0 | DHCP client with security-level 0"});
  CHECK(links[2]->src_ref.line == 42);  // the "ip nat outside" line
  CHECK(unknown(s) == std::vector<std::string>{"r1:GigabitEthernet0/2", "r3:GigabitEthernet0/0"});
}

TEST_CASE("links: a public address inside owned: is not an ISP line", "[links]") {
  Snapshot s;
  s.owned = {*gp::parse_prefix("203.0.113.0/24")};
  s.owned_given = true;
  DeviceBuilder b("r2");
  b.add("GigabitEthernet0/0", "203.0.113.2/30");
  b.default_route(nullptr, "GigabitEthernet0/0");
  s.devices = {b.d};
  infer_links(s);
  CHECK(inferred(s).empty());
  CHECK(unknown(s).size() == 1);
}

TEST_CASE("links: tunnels", "[links]") {
  Snapshot s;
  DeviceBuilder a("hq"), b("plant"), c("branch");
  a.add("GigabitEthernet0/0", "192.0.2.1/30");
  auto& t1 = a.add("Tunnel1", "172.31.0.1/30", InterfaceKind::Tunnel);
  t1.tunnel_source_ifc = "GigabitEthernet0/0";
  t1.tunnel_destination = ip("192.0.2.2");
  auto& t2 = a.add("Tunnel2", "172.31.1.1/30", InterfaceKind::Tunnel);
  t2.tunnel_source_addr = ip("192.0.2.1");
  t2.tunnel_destination = ip("198.51.100.7");  // not in the snapshot
  b.add("GigabitEthernet0/0", "192.0.2.2/30");
  auto& pt = b.add("Tunnel1", "172.31.0.2/30", InterfaceKind::Tunnel);
  pt.tunnel_source_addr = ip("192.0.2.2");
  pt.tunnel_destination = ip("192.0.2.1");
  auto& t3 = c.add("Tunnel9", "172.31.9.1/30", InterfaceKind::Tunnel);
  t3.tunnel_destination = ip("192.0.2.2");  // plant has no tunnel back to branch
  auto& t4 = c.add("Tunnel10", "172.31.10.1/30", InterfaceKind::Tunnel);  // no destination
  (void)t4;
  s.devices = {a.d, b.d, c.d};
  infer_links(s);
  std::vector<std::string> got;
  for (const auto* l : inferred(s)) {
    std::string m;
    for (const auto& e : l->members) m += " " + e.str();
    got.push_back(std::string(to_string(l->kind)) + m + " | " + l->inferred_why);
  }
  CHECK(got == std::vector<std::string>{
                   "tunnel hq:Tunnel1 plant:Tunnel1 | tunnel to 192.0.2.2 (plant:Tunnel1)",
                   "internet-vpn hq:Tunnel2 internet | tunnel destination 198.51.100.7 outside "
                   "the snapshot",
                   "tunnel branch:Tunnel9 plant:GigabitEthernet0/0 | tunnel to 192.0.2.2, an "
                   "address of plant:GigabitEthernet0/0",
                   "ethernet inferred:192.0.2.0/30 hq:GigabitEthernet0/0 plant:GigabitEthernet0/0 "
                   "| shared subnet 192.0.2.0/30"});
  // The tunnel without a destination has no known far side.
  CHECK(unknown(s) == std::vector<std::string>{"branch:Tunnel10"});
}

TEST_CASE("links: VPN termination points are internet-vpn links", "[links]") {
  Snapshot s;
  rfc1918_owned(s);
  DeviceBuilder a("r1");
  auto& g0 = a.add("GigabitEthernet0/0", "10.0.0.1/30");
  g0.crypto_map = "VPNMAP";
  Vpn v;
  v.kind = VpnKind::SiteToSiteIpsec;
  v.name = "VPNMAP 10";
  v.peers = {ip("203.0.113.9")};
  v.interface = "GigabitEthernet0/0";
  a.d.vpns.push_back(v);
  DeviceBuilder f("fw");
  auto& out = f.add("GigabitEthernet0/0", "10.0.0.2/30");
  out.nameif = "outside";
  Vpn ra;
  ra.kind = VpnKind::RemoteAccess;
  ra.name = "anyconnect";
  ra.interface = "outside";
  ra.src_ref = {f.d.file, 77, 0};
  f.d.vpns.push_back(ra);
  s.devices = {a.d, f.d};
  infer_links(s);
  std::vector<std::string> got;
  for (const auto* l : inferred(s))
    got.push_back(std::string(to_string(l->kind)) + " " + l->members[0].str() + " | " + l->inferred_why);
  CHECK(got ==
        std::vector<std::string>{"internet-vpn r1:GigabitEthernet0/0 | IPsec peer 203.0.113.9 outside the "
                                 "snapshot",
                                 "internet-vpn fw:GigabitEthernet0/0 | remote-access VPN 'anyconnect' "
                                 "terminates here",
                                 "ethernet inferred:10.0.0.0/30 | shared subnet 10.0.0.0/30"});
  CHECK(inferred(s)[1]->src_ref.line == 77);
}

TEST_CASE("links: declared links suppress inference", "[links]") {
  Snapshot s;
  DeviceBuilder a("r1"), b("r2");
  a.add("GigabitEthernet0/0", "10.0.12.1/30");
  auto& d = a.add("Dialer1", nullptr, InterfaceKind::Dialer);
  d.negotiated_address = true;
  b.add("GigabitEthernet0/1", "10.0.12.2/30");
  s.devices = {a.d, b.d};
  Link l;
  l.kind = LinkKind::IpVpn;
  Endpoint e1{Endpoint::Type::Interface, "r1", "GigabitEthernet0/0", ""};
  Endpoint e2{Endpoint::Type::Interface, "r1", "Dialer1", ""};
  Endpoint e3{Endpoint::Type::Interface, "r2", "GigabitEthernet0/1", ""};
  l.members = {e1, e3};
  Link l2;
  l2.kind = LinkKind::Mobile;
  l2.members = {e2};
  s.links = {l, l2};
  infer_links(s);
  CHECK(s.links.size() == 2);
  CHECK(inferred(s).empty());
  CHECK(s.segments.empty());
  CHECK(unknown(s).empty());
}

TEST_CASE("links: unknown peers follow the documented rule", "[links]") {
  Snapshot s;
  Segment seg;
  seg.id = "ctl";
  seg.prefixes = {*gp::parse_prefix("10.5.0.0/24")};
  s.segments[seg.id] = seg;
  DeviceBuilder a("sw");
  a.add("Loopback0", "10.255.255.1/32", InterfaceKind::Loopback);
  a.add("Null0", nullptr, InterfaceKind::Null);
  a.add("Vlan10", "10.9.0.1/24", InterfaceKind::Vlan);  // no segment: unknown peer
  auto& shut = a.add("GigabitEthernet0/3", "10.7.0.1/24");
  shut.shutdown = true;
  a.add("GigabitEthernet0/4");  // no address: L2 port, not an unknown peer
  auto& neg = a.add("Serial0/0", nullptr);
  neg.negotiated_address = true;  // also an ISP line: linked to the internet
  s.devices = {a.d};
  infer_links(s);
  const auto peers = find_unknown_peers(s);
  REQUIRE(peers.size() == 1);
  CHECK(peers[0].device == "sw");
  CHECK(peers[0].interface == "Vlan10");
  CHECK(peers[0].src_ref.file == "configs/sw.cfg");
  CHECK_THAT(peers[0].why, Catch::Contains("10.9.0.1/24"));

  // A VLAN interface whose subnet is a segment is not an unknown peer, even unlinked.
  Snapshot s2;
  s2.segments[seg.id] = seg;
  DeviceBuilder b("sw2");
  b.add("Vlan5", "10.5.0.1/24", InterfaceKind::Vlan);
  s2.devices = {b.d};
  CHECK(find_unknown_peers(s2).empty());
}

TEST_CASE("links: hosts without a segment join the segment holding them", "[links]") {
  Snapshot s;
  DeviceBuilder a("r1");
  a.add("GigabitEthernet1", "192.168.123.2/30");  // alone, but hosts sit on it
  a.add("GigabitEthernet2", "192.168.123.5/30");
  s.devices = {a.d};
  Host in;
  in.id = "inside";
  in.addresses = {ip("192.168.123.1")};
  Host out;
  out.id = "outside";
  out.addresses = {ip("192.168.123.6")};
  Host lost;
  lost.id = "lost";
  lost.addresses = {ip("10.99.0.1")};
  s.hosts = {{"inside", in}, {"outside", out}, {"lost", lost}};
  infer_links(s);
  CHECK(s.hosts.at("inside").segment == "inferred:192.168.123.0/30");
  CHECK(s.hosts.at("outside").segment == "inferred:192.168.123.4/30");
  CHECK(s.hosts.at("lost").segment.empty());
  CHECK(std::any_of(s.notes.begin(), s.notes.end(),
                    [](const auto& n) { return n.first.find("'lost'") != std::string::npos; }));
  CHECK(inferred(s).size() == 2);
  CHECK(find_unknown_peers(s).empty());
}

TEST_CASE("links: a declared dialer covers the PPPoE port of its pool", "[links]") {
  Snapshot s;
  DeviceBuilder a("r1");
  auto& port = a.add("GigabitEthernet0/0");
  port.pppoe = true;
  port.dialer_pool = "1";
  auto& dialer = a.add("Dialer1", nullptr, InterfaceKind::Dialer);
  dialer.negotiated_address = true;
  dialer.dialer_pool = "1";
  auto& other = a.add("GigabitEthernet0/1");  // PPPoE on another pool: its own ISP line
  other.pppoe = true;
  other.dialer_pool = "2";
  s.devices = {a.d};
  Link l;
  l.kind = LinkKind::Internet;
  l.members = {Endpoint{Endpoint::Type::Interface, "r1", "Dialer1", ""},
               Endpoint{Endpoint::Type::Internet, "", "", ""}};
  s.links = {l};
  infer_links(s);
  auto links = inferred(s);
  REQUIRE(links.size() == 1);
  CHECK(links[0]->members[0].str() == "r1:GigabitEthernet0/1");
}

TEST_CASE("links: a wide subnet joins the narrower ones inside it", "[links]") {
  Snapshot s;
  DeviceBuilder a("r1"), b("r2"), c("r3"), d("r4"), e("r5");
  a.add("Gi0/0", "10.0.1.1/24");
  b.add("Gi0/0", "10.0.2.1/24");
  c.add("Gi0/0", "10.0.0.254/16");  // holds both /24s
  d.add("Gi0/0", "10.1.0.1/30");    // a separate pair after the /16
  e.add("Gi0/0", "10.1.0.2/30");
  s.devices = {a.d, b.d, c.d, d.d, e.d};
  infer_links(s);
  auto links = inferred(s);
  REQUIRE(links.size() == 2);
  CHECK(links[0]->inferred_why == "shared subnet 10.0.0.0/16");
  CHECK(links[0]->members.size() == 4);
  CHECK(links[1]->inferred_why == "shared subnet 10.1.0.0/30");
  CHECK(s.segments.at("inferred:10.0.0.0/16").prefixes.size() == 3);
}
