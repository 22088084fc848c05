// Unit tests of the IOS parser, one construct at a time, on small inline configurations.
#include <catch2/catch.hpp>

#include "parsers/cisco_ios/cisco_ios.h"
#include "parsers/cisco_ios/ios_internal.h"

using namespace gp;
using namespace gp::model;

namespace {
Device parse(const std::string& cfg) { return parsers::parse_cisco_ios(cfg, "r1.cfg"); }
Ipv4 ip(const char* s) { return *parse_ipv4(s); }
const Interface& ifc(const Device& d, const std::string& n) {
  const Interface* i = d.find_interface(n);
  REQUIRE(i);
  return *i;
}
const UnrecognisedLine* unrec_at(const Device& d, int line) {
  for (const auto& u : d.unrecognised)
    if (u.src_ref.line == line) return &u;
  return nullptr;
}
// Everything textual the device holds, to check that no secret leaks in clear.
std::string dump(const Device& d) {
  std::string s = d.hostname + d.os_version;
  for (const auto& u : d.unrecognised) s += u.text + "\n";
  for (const auto& n : d.notes) s += n.first + "\n";
  for (const auto& x : d.secrets) s += x.owner + x.storage_id + x.digest + x.access + "\n";
  for (const auto& [k, f] : d.filters)
    for (const auto& r : f.rules) s += r.text + r.why_not_understood + "\n";
  for (const auto& n : d.nat) s += n.text + "\n";
  for (const auto& i : d.interfaces) s += i.description + i.name + "\n";
  for (const auto& v : d.vpns) {
    s += v.name + v.authentication;
    for (const auto& p : v.proposals) s += p.text;
  }
  for (const auto& m : d.services) s += m.access_filter;
  return s;
}
}  // namespace

TEST_CASE("IOS detection", "[ios]") {
  using parsers::looks_like_cisco_ios;
  CHECK(looks_like_cisco_ios("version 15.2\nservice timestamps debug\nhostname r\ninterface Gi0/0\n"));
  CHECK(looks_like_cisco_ios("Building configuration...\n\nhostname x\n"));
  CHECK_FALSE(looks_like_cisco_ios(": Saved\nASA Version 9.8(2)\ninterface Gi0/0\n nameif outside\n"));
  CHECK_FALSE(looks_like_cisco_ios("version 9.3(5)\nfeature ospf\ninterface Ethernet1/1\n"));
  CHECK_FALSE(looks_like_cisco_ios("!! IOS XR Configuration 6.1.2\ninterface Gi0/0/0/0\n"));
  CHECK_FALSE(looks_like_cisco_ios("! device: sw1 (DCS-7050, EOS-4.20)\ninterface Ethernet1\n"));
}

TEST_CASE("IOS hostname, version, interfaces and addresses", "[ios]") {
  auto d = parse(
      "version 15.2\n"                                  // 1
      "hostname edge1\n"                                // 2
      "interface GigabitEthernet0/0\n"                  // 3
      " description uplink to ISP\n"                    // 4
      " ip address 192.0.2.1 255.255.255.252\n"         // 5
      " ip address 10.9.9.1 255.255.255.0 secondary\n"  // 6
      " ip nat outside\n"                               // 7
      " duplex auto\n"                                  // 8
      " no shutdown\n"                                  // 9
      "interface GigabitEthernet0/1.20\n"               // 10
      " encapsulation dot1Q 20\n"                       // 11
      " vrf forwarding PLANT\n"                         // 12
      " ip address 10.20.0.1 255.255.255.0\n"           // 13
      " ip nat inside\n"                                // 14
      " shutdown\n"                                     // 15
      "interface Vlan10\n ip address dhcp\n"            // 16-17
      "interface Loopback0\n ip unnumbered Gi0/0\n"     // 18-19
      "interface FastEthernet0/2\n switchport mode trunk\n switchport trunk allowed vlan 10,20-22\n"
      "interface FastEthernet0/3\n switchport access vlan 30\n switchport mode access\n"
      "interface Tunnel0\n ipv6 enable\n no ip address\n");
  CHECK(d.hostname == "edge1");
  CHECK(d.os_version == "15.2");
  const auto& g0 = ifc(d, "GigabitEthernet0/0");
  CHECK(g0.kind == InterfaceKind::Physical);
  CHECK(g0.description == "uplink to ISP");
  REQUIRE(g0.ipv4.size() == 2);
  CHECK(g0.ipv4[0].prefix == Prefix{ip("192.0.2.1"), 30});
  CHECK_FALSE(g0.ipv4[0].secondary);
  CHECK(g0.ipv4[1].secondary);
  CHECK(g0.ipv4[1].src_ref.line == 6);
  CHECK(g0.nat_role == NatRole::Outside);
  CHECK(g0.nat_role_ref.line == 7);
  CHECK_FALSE(g0.shutdown);
  CHECK(g0.src_ref.line == 3);
  const auto& sub = ifc(d, "GigabitEthernet0/1.20");
  CHECK(sub.kind == InterfaceKind::Subinterface);
  CHECK(sub.parent == "GigabitEthernet0/1");
  CHECK(sub.encapsulation_vlan == 20);
  CHECK(sub.vrf == "PLANT");
  CHECK(sub.shutdown);
  CHECK(sub.shutdown_ref.line == 15);
  CHECK(sub.nat_role == NatRole::Inside);
  CHECK(ifc(d, "Vlan10").kind == InterfaceKind::Vlan);
  CHECK(ifc(d, "Vlan10").dhcp_client);
  CHECK(ifc(d, "Loopback0").unnumbered_from == "GigabitEthernet0/0");
  const auto& tr = ifc(d, "FastEthernet0/2");
  CHECK(tr.switchport);
  CHECK(tr.trunk);
  CHECK(tr.trunk_vlans == std::vector<int>{10, 20, 21, 22});
  CHECK(ifc(d, "FastEthernet0/3").access_vlan == 30);
  CHECK_FALSE(ifc(d, "FastEthernet0/3").trunk);
  CHECK(ifc(d, "Tunnel0").kind == InterfaceKind::Tunnel);
  CHECK(ifc(d, "Tunnel0").ipv6.size() == 1);
  CHECK(d.unrecognised.empty());
  CHECK(d.ignored_lines == 1);  // duplex
}

TEST_CASE("IOS interface lines that change forwarding stay unrecognised", "[ios]") {
  auto d = parse(
      "interface GigabitEthernet0/0\n"                // 1
      " ip policy route-map PBR\n"                    // 2
      " zone-member security INSIDE\n"                // 3
      " ip inspect FW in\n"                           // 4
      " ip verify unicast source reachable-via rx\n"  // 5
      " some-new-command 1\n");                       // 6
  for (int line : {2, 3, 4, 5, 6}) {
    const auto* u = unrec_at(d, line);
    REQUIRE(u);
    CHECK(u->context == LineContext::Interface);
    CHECK(u->context_name == "GigabitEthernet0/0");
    CHECK(u->affects_forwarding);
  }
}

TEST_CASE("IOS numbered and named ACLs", "[ios]") {
  auto d = parse(
      "access-list 10 permit 10.1.0.0 0.0.255.255\n"                           // 1
      "access-list 10 deny   any log\n"                                        // 2
      "access-list 101 permit tcp host 10.0.0.1 any eq www 443\n"              // 3
      "access-list 101 remark scattered lines keep file order\n"               // 4
      "hostname x\n"                                                           // 5
      "access-list 101 permit udp 10.0.0.0 0.255.0.255 any range 1000 2000\n"  // 6
      "access-list 101 deny tcp any any neq telnet\n"                          // 7
      "access-list 101 permit tcp any any established\n"                       // 8
      "access-list 101 permit icmp any any echo-reply\n"                       // 9
      "access-list 101 permit icmp any any 3 4\n"                              // 10
      "access-list 101 permit ip any any fragments\n"                          // 11
      "access-list 101 permit esp any any\n"                                   // 12
      "access-list 101 permit 89 any any\n"                                    // 13
      "access-list 101 dynamic X permit ip any any\n"                          // 14
      "ip access-list extended WEB\n"                                          // 15
      " remark web\n"                                                          // 16
      " 10 permit tcp any host 192.0.2.10 eq 80 log\n"                         // 17
      " 20 deny ip any any time-range WORK\n"                                  // 18
      " 30 evaluate REFLECT\n"                                                 // 19
      "ip access-list standard MGMT\n"                                         // 20
      " permit host 10.0.0.5\n"                                                // 21
      " permit 10.0.0.6\n");                                                   // 22
  const auto& a10 = d.filters.at("10");
  CHECK(a10.src_ref.line == 1);
  CHECK(a10.default_action == Action::Deny);
  REQUIRE(a10.rules.size() == 2);
  CHECK(a10.rules[0].src[0].addr == ip("10.1.0.0"));
  CHECK(a10.rules[0].src[0].wildcard == 0x0000FFFFu);
  CHECK(a10.rules[0].dst[0].is_any());
  CHECK_FALSE(a10.rules[0].services[0].protocol);
  CHECK(a10.rules[1].action == Action::Deny);
  CHECK(a10.rules[1].understood);

  const auto& a = d.filters.at("101");
  REQUIRE(a.rules.size() == 10);
  CHECK(a.rules[0].src_ref.line == 3);
  REQUIRE(a.rules[0].services[0].dst_ports.size() == 2);
  CHECK(a.rules[0].services[0].dst_ports[0].lo == 80);
  CHECK(a.rules[0].services[0].dst_ports[1].lo == 443);
  CHECK(a.rules[1].src_ref.line == 6);               // order kept across the hostname line
  CHECK(a.rules[1].src[0].wildcard == 0x00FF00FFu);  // non-contiguous wildcard kept
  CHECK(a.rules[1].services[0].protocol == 17);
  CHECK(a.rules[1].services[0].dst_ports[0].lo == 1000);
  CHECK(a.rules[1].services[0].dst_ports[0].hi == 2000);
  REQUIRE(a.rules[2].services[0].dst_ports.size() == 2);  // neq = two ranges
  CHECK(a.rules[2].services[0].dst_ports[0].hi == 22);
  CHECK(a.rules[2].services[0].dst_ports[1].lo == 24);
  CHECK(a.rules[3].services[0].established_only);
  CHECK(a.rules[4].services[0].icmp_type == 0);
  CHECK(a.rules[5].services[0].icmp_type == 3);
  CHECK(a.rules[5].services[0].icmp_code == 4);
  CHECK(a.rules[6].understood);  // fragments: non-initial fragments only, never a new connection
  CHECK(a.rules[6].inactive);
  CHECK(a.rules[7].services[0].protocol == proto::kEsp);
  CHECK(a.rules[8].services[0].protocol == 89);
  CHECK_FALSE(a.rules[9].understood);  // dynamic
  CHECK(a.rules[9].src_ref.line == 14);

  const auto& web = d.filters.at("WEB");
  CHECK(web.src_ref.line == 15);
  REQUIRE(web.rules.size() == 3);
  CHECK(web.rules[0].understood);
  CHECK(web.rules[0].dst[0].addr == ip("192.0.2.10"));
  CHECK_FALSE(web.rules[1].understood);  // time-range
  CHECK_FALSE(web.rules[2].understood);  // evaluate keeps its position
  REQUIRE(unrec_at(d, 19));
  CHECK(unrec_at(d, 19)->context == LineContext::Filter);
  const auto& mg = d.filters.at("MGMT");
  REQUIRE(mg.rules.size() == 2);
  CHECK(mg.rules[1].src[0].addr == ip("10.0.0.6"));
  CHECK(mg.rules[1].src[0].wildcard == 0);
}

TEST_CASE("IOS object-groups expand into rules", "[ios]") {
  auto d = parse(
      "ip access-list extended OG\n"
      " permit object-group SVC object-group NETS host 10.0.0.1\n"
      " permit tcp object-group NETS any eq 22\n"
      " permit ip object-group MISSING any\n"
      "object-group network NETS\n"
      " host 10.1.1.1\n"
      " 10.2.0.0 255.255.0.0\n"
      " range 10.3.0.1 10.3.0.2\n"
      "object-group network ALL\n"
      " group-object NETS\n"
      "object-group service SVC\n"
      " tcp eq 502\n"
      " udp range 161 162\n"
      " icmp echo\n"
      " tcp-udp eq domain\n");
  const auto& f = d.filters.at("OG");
  REQUIRE(f.rules.size() == 3);
  const auto& r0 = f.rules[0];
  CHECK(r0.understood);
  REQUIRE(r0.src.size() == 4);
  CHECK(r0.src[1].addr == ip("10.2.0.0"));
  CHECK(r0.src[1].wildcard == 0x0000FFFFu);  // a MASK in network groups
  CHECK(r0.src[2].addr == ip("10.3.0.1"));
  CHECK(r0.src[3].addr == ip("10.3.0.2"));
  REQUIRE(r0.services.size() == 5);
  CHECK(r0.services[0].protocol == 6);
  CHECK(r0.services[0].dst_ports[0].lo == 502);
  CHECK(r0.services[1].dst_ports[0].hi == 162);
  CHECK(r0.services[2].icmp_type == 8);
  CHECK(r0.services[3].protocol == 6);
  CHECK(r0.services[4].protocol == 17);
  CHECK(f.rules[1].understood);
  CHECK_FALSE(f.rules[2].understood);
  CHECK(d.unrecognised.empty());
}

TEST_CASE("IOS undefined ACL on an interface permits", "[ios]") {
  auto d = parse("interface Gi0/0\n ip access-group NOPE in\n ip access-group 120 out\n");
  const auto& i = ifc(d, "Gi0/0");
  CHECK(i.filter_in == "NOPE");
  CHECK(i.filter_in_ref.line == 2);
  const auto& f = d.filters.at("NOPE");
  CHECK_FALSE(f.defined);
  CHECK(f.default_action == Action::Permit);
  CHECK(f.src_ref.line == 2);
  CHECK_FALSE(d.filters.at("120").defined);
}

TEST_CASE("IOS static routes, default gateway and routing processes", "[ios]") {
  auto d = parse(
      "interface GigabitEthernet0/1\n ip address 10.0.0.1 255.255.255.0\n"
      "interface Dialer1\n ip address negotiated\n"
      "ip route 0.0.0.0 0.0.0.0 Di1\n"                                        // 5
      "ip route 10.5.0.0 255.255.0.0 Gi0/1 10.0.0.254 200 name X\n"           // 6
      "ip route vrf PLANT 10.6.0.0 255.255.0.0 10.0.0.253 tag 5 permanent\n"  // 7
      "ip route 192.168.0.0 255.255.0.0 Null0\n"                              // 8
      "ip route 0.0.0.0 0.0.0.0 dhcp\n"                                       // 9
      "ip route 10.7.0.0 255.255.0.0 10.0.0.1 weird\n"                        // 10
      "ip default-gateway 10.0.0.254\n"                                       // 11
      "no ip routing\n"                                                       // 12
      "router ospf 1\n router-id 1.1.1.1\n network 10.0.0.0 0.0.0.255 area 0\n"
      " default-information originate\n"
      "router bgp 65000\n neighbor 10.0.0.2 remote-as 65001\n address-family ipv4\n"
      "  network 10.8.0.0 mask 255.255.0.0\n exit-address-family\n"
      "router eigrp 10\n network 172.16.0.0\n");
  REQUIRE(d.routes.size() == 7);
  CHECK(d.routes[0].out_interface == "Dialer1");
  CHECK(d.routes[0].prefix.len == 0);
  CHECK(d.routes[1].out_interface == "GigabitEthernet0/1");
  CHECK(d.routes[1].next_hop == ip("10.0.0.254"));
  CHECK(d.routes[1].admin_distance == 200);
  CHECK(d.routes[2].vrf == "PLANT");
  CHECK(d.routes[2].understood);
  CHECK(d.routes[3].null_route);
  CHECK_FALSE(d.routes[4].understood);
  CHECK(d.routes[4].src_ref.line == 9);
  CHECK_FALSE(d.routes[5].understood);
  CHECK(d.routes[6].next_hop == ip("10.0.0.254"));
  CHECK_FALSE(d.ip_routing);
  REQUIRE(d.routing.size() == 3);
  CHECK(d.routing[0].protocol == "ospf");
  REQUIRE(d.routing[0].networks.size() == 1);
  CHECK(d.routing[0].networks[0] == Prefix{ip("10.0.0.0"), 24});
  CHECK(d.routing[0].redistributes_default);
  REQUIRE(d.routing[1].networks.size() == 1);
  CHECK(d.routing[1].networks[0] == Prefix{ip("10.8.0.0"), 16});
  CHECK(d.routing[2].networks[0] == Prefix{ip("172.16.0.0"), 16});
  // Only the not-understood routes are unrecognised; routing process lines are all recognised.
  CHECK(d.unrecognised.size() == 2);
}

TEST_CASE("IOS NAT kinds", "[ios]") {
  auto d = parse(
      "interface Dialer1\n ip nat outside\n"
      "ip nat pool PUB 203.0.113.10 203.0.113.13 netmask 255.255.255.0\n"
      "ip nat inside source static 10.0.0.5 203.0.113.5\n"
      "ip nat inside source static network 10.1.0.0 203.0.113.64 /26\n"
      "ip nat inside source static tcp 10.0.0.6 502 203.0.113.6 1502\n"
      "ip nat inside source static tcp 10.0.0.7 80 interface Di1 8080\n"
      "ip nat inside source list NATACL interface Dialer1 overload\n"
      "ip nat inside source list 5 pool PUB\n"
      "ip nat inside source route-map RM interface Dialer1 overload\n"
      "ip nat outside source static 1.1.1.1 10.0.0.99\n"
      "ip nat inside destination list 7 pool PUB\n"
      "ip nat translation timeout 60\n"
      "ip access-list extended NATACL\n deny ip host 10.0.0.9 any\n permit ip 10.0.0.0 0.0.0.255 any\n"
      "access-list 5 permit 10.2.0.0 0.0.0.255\n");
  REQUIRE(d.nat.size() == 9);
  CHECK(d.nat[0].kind == NatKind::Static);
  CHECK(d.nat[0].real_src[0].addr == ip("10.0.0.5"));
  CHECK(d.nat[0].mapped_src == Prefix{ip("203.0.113.5"), 32});
  CHECK(d.nat[1].mapped_src == Prefix{ip("203.0.113.64"), 26});
  CHECK(d.nat[1].real_src[0].wildcard == 63);
  CHECK(d.nat[2].kind == NatKind::StaticPort);
  CHECK(d.nat[2].protocol == 6);
  CHECK(d.nat[2].real_port == 502);
  CHECK(d.nat[2].mapped_port == 1502);
  CHECK(d.nat[3].mapped_is_interface);
  CHECK(d.nat[3].mapped_interface == "Dialer1");
  CHECK(d.nat[4].kind == NatKind::Pat);
  CHECK(d.nat[4].mapped_interface == "Dialer1");
  REQUIRE(d.nat[4].real_src.size() == 1);  // permit sources only
  CHECK(d.nat[4].real_src[0].addr == ip("10.0.0.0"));
  CHECK(d.nat[4].text.find("NATACL") != std::string::npos);
  CHECK(d.nat[5].kind == NatKind::Dynamic);
  CHECK(d.nat[5].mapped_src == Prefix{ip("203.0.113.10"), 32});
  CHECK(d.nat[5].pool.size() == 2);  // .10-.11 /31 and .12-.13 /31
  CHECK(d.nat[5].real_src[0].addr == ip("10.2.0.0"));
  CHECK_FALSE(d.nat[6].understood);
  CHECK_FALSE(d.nat[7].understood);
  CHECK_FALSE(d.nat[8].understood);
  CHECK(d.nat[8].src_ref.line == 12);
  CHECK(d.ignored_lines == 1);
}

TEST_CASE("IOS crypto maps, tunnel protection and remote-access pools", "[ios]") {
  auto d = parse(
      "crypto isakmp policy 10\n encr aes 256\n hash sha256\n authentication pre-share\n group 14\n"
      "crypto isakmp key S3cretPSK address 198.51.100.1\n"
      "crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac\n mode tunnel\n"
      "crypto ipsec profile PROF\n set transform-set TS\n"
      "crypto dynamic-map DYN 10\n set transform-set TS\n"
      "crypto map VPN 10 ipsec-isakmp\n set peer 198.51.100.1\n set transform-set TS\n"
      " match address CRYPTO\n"
      "crypto map VPN 20 ipsec-isakmp dynamic DYN\n"
      "ip access-list extended CRYPTO\n permit ip 10.0.0.0 0.0.0.255 10.50.0.0 0.0.255.255\n"
      "interface GigabitEthernet0/0\n crypto map VPN\n"
      "interface Tunnel1\n tunnel source Gi0/0\n tunnel destination 198.51.100.2\n"
      " tunnel mode ipsec ipv4\n tunnel protection ipsec profile PROF\n"
      "ip local pool RA 10.99.0.1 10.99.0.254\n"
      "crypto isakmp client configuration group EZ\n key GroupKey1\n pool RA\n"
      "vpdn enable\nvpdn-group L2\n accept-dialin\n  protocol l2tp\n  virtual-template 1\n"
      "interface Virtual-Template1\n peer default ip address pool RA\n");
  const Vpn* v10 = nullptr;
  const Vpn* v20 = nullptr;
  const Vpn* tun = nullptr;
  const Vpn* ez = nullptr;
  const Vpn* l2 = nullptr;
  for (const auto& v : d.vpns) {
    if (v.name == "VPN 10") v10 = &v;
    if (v.name == "VPN 20") v20 = &v;
    if (v.interface == "Tunnel1") tun = &v;
    if (v.name == "EZ") ez = &v;
    if (v.kind == VpnKind::L2tp) l2 = &v;
  }
  REQUIRE(v10);
  CHECK(v10->interface == "GigabitEthernet0/0");
  REQUIRE(v10->peers.size() == 1);
  CHECK(v10->peers[0] == ip("198.51.100.1"));
  CHECK(v10->local_networks[0].addr == ip("10.0.0.0"));
  CHECK(v10->remote_networks[0].wildcard == 0xFFFFu);
  CHECK(v10->authentication == "psk");
  CHECK(v10->understood);
  CHECK_FALSE(v10->proposals.empty());
  REQUIRE(v20);
  CHECK(v20->peer_any);
  REQUIRE(tun);
  CHECK(tun->peers[0] == ip("198.51.100.2"));
  CHECK(ifc(d, "Tunnel1").tunnel_source_ifc == "GigabitEthernet0/0");
  CHECK(ifc(d, "Tunnel1").tunnel_protection == "PROF");
  REQUIRE(ez);
  CHECK(ez->kind == VpnKind::RemoteAccess);
  CHECK(ez->client_pools.size() == 14);  // .1/32 .2/31 ... .64/26 .128/26 ... .252/31 .254/32
  REQUIRE(l2);
  CHECK(l2->interface == "Virtual-Template1");
  CHECK_FALSE(l2->client_pools.empty());
  bool psk = false;
  for (const auto& s : d.secrets)
    if (s.kind == SecretKind::PreSharedKey && s.owner == "198.51.100.1") psk = true;
  CHECK(psk);
  std::string all = dump(d);
  CHECK(all.find("S3cretPSK") == std::string::npos);
  CHECK(all.find("GroupKey1") == std::string::npos);
  CHECK(d.unrecognised.empty());
}

TEST_CASE("IOS range to prefixes", "[ios]") {
  auto p = parsers::range_to_prefixes(ip("10.0.0.1"), ip("10.0.0.6"));
  REQUIRE(p.size() == 3 + 1);
  CHECK(p[0] == Prefix{ip("10.0.0.1"), 32});
  CHECK(p[1] == Prefix{ip("10.0.0.2"), 31});
  CHECK(p[2] == Prefix{ip("10.0.0.4"), 31});
  CHECK(p[3] == Prefix{ip("10.0.0.6"), 32});
  auto all = parsers::range_to_prefixes(0, 0xFFFFFFFFu);
  REQUIRE(all.size() == 1);
  CHECK(all[0].len == 0);
}

TEST_CASE("IOS management services and defaults", "[ios]") {
  auto d = parse(
      "ip http server\n"
      "no ip http secure-server\n"
      "ip ssh version 2\n"
      "snmp-server community Publ1cX RO 10\n"
      "snmp-server community Priv4teX view V RW\n"
      "snmp-server group G3 v3 priv\n"
      "line con 0\n password 7 0822455D0A16\n"
      "line vty 0 4\n access-class 10 in\n login local\n transport input ssh\n"
      "line vty 5 15\n login\n");
  int telnet_default = 0, ssh = 0, snmp = 0;
  bool http = false, https_off = false, v3 = false;
  for (const auto& s : d.services) {
    if (s.protocol == MgmtProtocol::Ssh && !s.is_default) {
      ++ssh;
      CHECK(s.access_filter == "10");
      CHECK(s.version == "2");
    }
    if (s.protocol == MgmtProtocol::Telnet && s.is_default) {
      ++telnet_default;
      CHECK(s.src_ref.line == 13);
    }
    if (s.protocol == MgmtProtocol::Telnet && !s.is_default) FAIL("no explicit telnet");
    if (s.protocol == MgmtProtocol::Http && s.enabled) http = true;
    if (s.protocol == MgmtProtocol::Https && !s.enabled) https_off = true;
    if (s.protocol == MgmtProtocol::Snmp) {
      ++snmp;
      if (s.version == "v3") v3 = true;
    }
  }
  CHECK(ssh == 1);
  CHECK(telnet_default == 1);
  CHECK(http);
  CHECK(https_off);
  CHECK(snmp == 3);
  CHECK(v3);
  int communities = 0;
  for (const auto& s : d.secrets)
    if (s.kind == SecretKind::SnmpCommunity) {
      ++communities;
      CHECK(s.owner.empty());
      CHECK(s.storage == SecretStorage::Plain);
      CHECK(s.digest == parsers::fnv1a_hex(communities == 1 ? "Publ1cX" : "Priv4teX"));
      CHECK(s.access == (communities == 1 ? "RO" : "RW"));
    }
  CHECK(communities == 2);
  std::string all = dump(d);
  CHECK(all.find("Publ1cX") == std::string::npos);
  CHECK(all.find("0822455D0A16") == std::string::npos);
}

TEST_CASE("IOS no line vty: built-in default services", "[ios]") {
  auto d = parse("hostname x\n");
  int defaults = 0;
  for (const auto& s : d.services) defaults += s.is_default && s.enabled;
  CHECK(defaults == 2);
}

TEST_CASE("IOS secrets: storage types and no clear text", "[ios]") {
  auto d = parse(
      "enable secret 9 $9$abcdefghSECRET9\n"
      "enable password 7 0822455D0A16\n"
      "username alice privilege 15 secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0\n"
      "username bob password 0 PlainPw1\n"
      "username carol secret 8 $8$xyzSTRONG\n"
      "username dave nopassword\n"
      "username eve password 7 <removed>\n"
      "interface Dialer1\n ppp chap password 0 ChapPw9\n"
      "tacacs-server host 10.0.0.9 key TacKey77\n"
      "unknown-cmd password Leak1Me\n");
  auto find = [&](const std::string& owner) -> const Secret& {
    for (const auto& s : d.secrets)
      if (s.owner == owner) return s;
    FAIL("no secret for " << owner);
    return d.secrets.front();
  };
  bool e9 = false;
  for (const auto& s : d.secrets)
    if (s.kind == SecretKind::EnableSecret && s.storage == SecretStorage::StrongHash) e9 = true;
  CHECK(e9);
  CHECK(find("alice").storage == SecretStorage::WeakHash);
  CHECK(find("alice").privilege == 15);
  CHECK(find("bob").storage == SecretStorage::Plain);
  CHECK(find("bob").digest == parsers::fnv1a_hex("PlainPw1"));
  CHECK(find("carol").storage == SecretStorage::StrongHash);
  CHECK(find("dave").storage == SecretStorage::Plain);
  CHECK(find("dave").digest == parsers::fnv1a_hex(""));
  CHECK(find("eve").storage == SecretStorage::Masked);
  CHECK(find("ppp chap Dialer1").storage == SecretStorage::Plain);
  std::string all = dump(d);
  for (const char* clear :
       {"SECRET9", "0822455D0A16", "hx5rVt7", "PlainPw1", "STRONG", "ChapPw9", "TacKey77", "Leak1Me"})
    CHECK(all.find(clear) == std::string::npos);
  REQUIRE(unrec_at(d, 11));
  CHECK(unrec_at(d, 11)->text == "unknown-cmd password <removed>");  // parsers::kRemoved
}

TEST_CASE("IOS banners are consumed up to the delimiter", "[ios]") {
  auto d = parse(
      "banner motd ^C\n"                // 1
      "Authorized access only\n"        // 2
      "  interface Fake0\n"             // 3
      "!\n"                             // 4
      "^C\n"                            // 5
      "banner login #one line#\n"       // 6
      "banner exec %\n"                 // 7
      "text % end\n"                    // 8
      "hostname after\n"                // 9
      "interface GigabitEthernet1\n");  // 10
  CHECK(d.hostname == "after");
  CHECK(d.interfaces.size() == 1);
  CHECK(d.unrecognised.empty());
  CHECK(d.ignored_lines == 8);
  CHECK(d.total_lines == 10);
}

TEST_CASE("IOS banner delimited by a Japanese character ends at that character", "[ios][encoding]") {
  // ＃ is EF BC 83 and ｱ EF BD B1 in UTF-8: a delimiter of one byte would close at line 2.
  auto d = parse(
      "banner motd ＃\n"     // 1
      "ｱｸｾｽ 監視中\n"        // 2
      "  interface Fake0\n"  // 3
      "＃\n"                 // 4
      "hostname after\n");   // 5
  CHECK(d.hostname == "after");
  CHECK(d.interfaces.empty());
  CHECK(d.unrecognised.empty());
  CHECK(d.ignored_lines == 4);
}

TEST_CASE("IOS unrecognised lines keep their line numbers and context", "[ios]") {
  auto d = parse(
      "hostname r\n"                 // 1
      "!\n"                          // 2
      "zone security INSIDE\n"       // 3
      "frobnicate all\n"             // 4
      "ip access-list extended A\n"  // 5
      " permit ip any any\n"         // 6
      " bogus entry\n"               // 7
      "logging host 10.0.0.1\n"      // 8
      "ip ssh weird-option\n");      // 9
  REQUIRE(unrec_at(d, 3));
  CHECK(unrec_at(d, 3)->context == LineContext::Global);
  CHECK(unrec_at(d, 3)->affects_forwarding);
  REQUIRE(unrec_at(d, 4));
  REQUIRE(unrec_at(d, 7));
  CHECK(unrec_at(d, 7)->context == LineContext::Filter);
  CHECK(unrec_at(d, 7)->context_name == "A");
  CHECK(d.filters.at("A").rules.size() == 2);
  CHECK_FALSE(d.filters.at("A").rules[1].understood);
  CHECK_FALSE(unrec_at(d, 8));
  REQUIRE(unrec_at(d, 9));
  CHECK(unrec_at(d, 9)->context == LineContext::Management);
  CHECK_FALSE(unrec_at(d, 9)->affects_forwarding);
  CHECK(d.unrecognised.size() == 4);
}

TEST_CASE("IOS PPPoE dialer links to its physical interface", "[ios]") {
  auto d = parse(
      "interface GigabitEthernet0/1\n no ip address\n pppoe enable group global\n"
      " pppoe-client dial-pool-number 1\n"
      "interface Dialer1\n ip address negotiated\n encapsulation ppp\n dialer pool 1\n"
      " ppp authentication chap callin\n ppp chap hostname user@isp\n");
  CHECK(ifc(d, "GigabitEthernet0/1").pppoe);
  CHECK(ifc(d, "GigabitEthernet0/1").dialer_pool == "1");
  const auto& di = ifc(d, "Dialer1");
  CHECK(di.kind == InterfaceKind::Dialer);
  CHECK(di.negotiated_address);
  CHECK(di.parent == "GigabitEthernet0/1");
  CHECK(d.unrecognised.empty());
}

TEST_CASE("IOS fragments entries never match a connection-opening packet", "[ios]") {
  auto d = parse(
      "ip access-list extended IN\n"
      " deny ip any any fragments\n"
      " permit tcp any host 10.0.0.1 eq 22\n"
      "dialer-list 1 protocol ip permit\n");
  const auto& rules = d.filters.at("IN").rules;
  REQUIRE(rules.size() == 2);
  CHECK(rules[0].understood);
  CHECK(rules[0].inactive);
  CHECK_FALSE(rules[1].inactive);
  CHECK(d.unrecognised.empty());  // dialer-list is a dial trigger: deliberately irrelevant
}

TEST_CASE("IOS: IPv6 filters are recorded on their interface", "[ios]") {
  auto d = parse(
      "interface GigabitEthernet0/1\n"
      " ipv6 address 2001:db8::1/64\n"
      " ipv6 traffic-filter V6-IN in\n"
      " ipv6 traffic-filter V6-OUT out\n"
      "interface GigabitEthernet0/2\n"
      " ipv6 enable\n");
  const auto& g1 = ifc(d, "GigabitEthernet0/1");
  CHECK(g1.ipv6_filter_in == "V6-IN");
  CHECK(g1.ipv6_filter_in_ref.line == 3);
  CHECK(g1.ipv6_filter_out == "V6-OUT");
  CHECK(g1.ipv6_filter_out_ref.line == 4);
  CHECK(unrec_at(d, 3) == nullptr);  // recognised: the attachment is in the model
  CHECK(ifc(d, "GigabitEthernet0/2").ipv6_filter_in.empty());
}

TEST_CASE("IOS: the EzVPN split-tunnel ACL never filters the clients' traffic", "[ios]") {
  auto d = parse(
      "ip local pool RA 10.99.0.1 10.99.0.254\n"
      "crypto isakmp client configuration group EZ\n key GroupKey1\n pool RA\n acl SPLIT\n"
      "ip access-list extended SPLIT\n permit ip 10.0.0.0 0.0.0.255 any\n");
  REQUIRE(d.vpns.size() == 1);
  CHECK(d.vpns[0].filter.empty());  // the pool (10.99/16) is outside SPLIT's sources
  CHECK(d.vpns[0].split_tunnel == Vpn::Split::Split);
  CHECK(d.vpns[0].split_tunnel_ref.line == 5);
}
