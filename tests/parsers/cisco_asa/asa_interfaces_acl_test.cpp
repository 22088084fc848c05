// ASA parser: detection, interfaces, objects, access-lists, access-group, routes.
#include <catch2/catch.hpp>

#include "parsers/registry.h"
#include "tests/parsers/cisco_asa/asa_test_util.h"

using namespace gp;
using gp::test::asa::has_unrecognised_line;
using gp::test::asa::ifc;
using gp::test::asa::parse;
using model::Action;

namespace {
Ipv4 ip(const char* s) { return *parse_ipv4(s); }
}  // namespace

TEST_CASE("ASA detection is specific", "[asa]") {
  CHECK(parsers::looks_like_cisco_asa(": Saved\n:\nASA Version 9.8(4)\nhostname fw\n"));
  CHECK(parsers::looks_like_cisco_asa("PIX Version 7.2(4)\n"));
  CHECK(parsers::looks_like_cisco_asa("hostname x\ninterface Gi0/0\n nameif inside\n"));
  CHECK(parsers::looks_like_cisco_asa("access-list out extended permit ip any any\n"));
  // IOS configurations are not claimed.
  CHECK_FALSE(parsers::looks_like_cisco_asa(
      "version 15.2\nhostname r1\ninterface GigabitEthernet0/0\n ip address 10.0.0.1 255.255.255.0\n"
      " ip nat inside\nip access-list extended X\n permit ip any any\naccess-list 10 permit any\n"));
  CHECK(parsers::detect_vendor("ASA Version 9.9\n") == model::Vendor::CiscoAsa);
}

TEST_CASE("ASA interfaces: nameif, security-level, addresses, kinds", "[asa]") {
  auto d = parse(
      "ASA Version 9.12(4)67\n"                                          // 1
      "hostname fw1\n"                                                   // 2
      "interface GigabitEthernet0/0\n"                                   // 3
      " description Uplink\n"                                            // 4
      " nameif outside\n"                                                // 5
      " security-level 0\n"                                              // 6
      " ip address 198.51.100.2 255.255.255.248 standby 198.51.100.3\n"  // 7
      "interface GigabitEthernet0/1.20\n"                                // 8
      " vlan 20\n"                                                       // 9
      " nameif inside\n"                                                 // 10
      " ip address 10.1.20.1 255.255.255.0\n"                            // 11
      "interface GigabitEthernet0/2\n"                                   // 12
      " nameif wan2\n"                                                   // 13
      " security-level 5\n"                                              // 14
      " ip address dhcp setroute\n"                                      // 15
      "interface GigabitEthernet0/3\n"                                   // 16
      " nameif dsl\n"                                                    // 17
      " security-level 0\n"                                              // 18
      " pppoe client vpdn group ISP\n"                                   // 19
      " ip address pppoe setroute\n"                                     // 20
      "interface GigabitEthernet0/4\n"                                   // 21
      " shutdown\n"                                                      // 22
      " no nameif\n"                                                     // 23
      " no security-level\n"                                             // 24
      " no ip address\n"                                                 // 25
      "interface Management0/0\n"                                        // 26
      " management-only\n"                                               // 27
      " nameif management\n"                                             // 28
      " security-level 100\n"                                            // 29
      " ip address 192.168.1.1 255.255.255.0\n"                          // 30
      " ipv6 address 2001:db8::1/64\n"                                   // 31
      " speed 1000\n"                                                    // 32
      " policy-route route-map PBR\n"                                    // 33
      "interface Port-channel1\n"                                        // 34
      " nameif dmz\n"                                                    // 35
      " security-level 50\n");                                           // 36
  CHECK(d.vendor == model::Vendor::CiscoAsa);
  CHECK(d.os_version == "9.12(4)67");
  CHECK(d.hostname == "fw1");
  CHECK(d.stateful);
  CHECK(d.total_lines == 36);
  REQUIRE(d.interfaces.size() == 7);
  const auto* out = ifc(d, "outside");
  REQUIRE(out);
  CHECK(out->name == "GigabitEthernet0/0");
  CHECK(out->description == "Uplink");
  CHECK(out->security_level == 0);
  REQUIRE(out->ipv4.size() == 1);
  CHECK(out->ipv4[0].prefix == Prefix{ip("198.51.100.2"), 29});
  CHECK(out->ipv4[0].src_ref.line == 7);
  CHECK(out->other_refs.count("ip address standby 198.51.100.3"));
  CHECK(out->src_ref.line == 3);

  const auto* in = ifc(d, "inside");
  REQUIRE(in);
  CHECK(in->kind == model::InterfaceKind::Subinterface);
  CHECK(in->parent == "GigabitEthernet0/1");
  CHECK(in->encapsulation_vlan == 20);
  CHECK(in->security_level == 100);  // ASA default for "inside"
  bool noted = false;
  for (const auto& [n, r] : d.notes)
    noted = noted || (r.line == 10 && n.find("default 100") != std::string::npos);
  CHECK(noted);

  CHECK(ifc(d, "wan2")->dhcp_client);
  CHECK(ifc(d, "dsl")->pppoe);
  CHECK(ifc(d, "dsl")->dialer_pool == "ISP");
  const auto* off = ifc(d, "GigabitEthernet0/4");
  REQUIRE(off);
  CHECK(off->shutdown);
  CHECK(off->shutdown_ref.line == 22);
  CHECK(off->nameif.empty());
  CHECK_FALSE(off->security_level);
  const auto* mg = ifc(d, "management");
  CHECK(mg->other_refs.count("management-only"));
  CHECK(mg->ipv6.size() == 1);
  CHECK(ifc(d, "dmz")->kind == model::InterfaceKind::PortChannel);
  // PBR changes forwarding: unrecognised in the interface context.
  REQUIRE(d.unrecognised.size() == 1);
  CHECK(d.unrecognised[0].src_ref.line == 33);
  CHECK(d.unrecognised[0].context == model::LineContext::Interface);
  CHECK(d.unrecognised[0].context_name == "Management0/0");
  CHECK(d.unrecognised[0].affects_forwarding);
  CHECK(d.ignored_lines == 1);  // speed
}

TEST_CASE("ASA objects and nested groups expand into ACL rules", "[asa]") {
  auto d = parse(
      "object network h1\n"                                                                // 1
      " host 10.0.0.1\n"                                                                   // 2
      "object network n1\n"                                                                // 3
      " subnet 10.1.0.0 255.255.0.0\n"                                                     // 4
      "object network r1\n"                                                                // 5
      " range 10.2.0.1 10.2.0.6\n"                                                         // 6
      "object-group network inner\n"                                                       // 7
      " network-object host 10.9.9.9\n"                                                    // 8
      " network-object 10.8.0.0 255.255.255.0\n"                                           // 9
      "object-group network outer\n"                                                       // 10
      " network-object object h1\n"                                                        // 11
      " group-object inner\n"                                                              // 12
      " network-object object r1\n"                                                        // 13
      "object-group service web tcp\n"                                                     // 14
      " port-object eq www\n"                                                              // 15
      " port-object range 8000 8080\n"                                                     // 16
      "object-group service mixed\n"                                                       // 17
      " service-object tcp destination eq https\n"                                         // 18
      " service-object udp destination eq ntp\n"                                           // 19
      " service-object icmp echo\n"                                                        // 20
      " group-object web\n"                                                                // 21
      "object service ssh-svc\n"                                                           // 22
      " service tcp source range 1024 65535 destination eq ssh\n"                          // 23
      "access-list A extended permit tcp object-group outer object n1 object-group web\n"  // 24
      "access-list A extended permit object-group mixed any host 10.5.5.5\n"               // 25
      "access-list A extended permit object ssh-svc any any\n"                             // 26
      "access-list A extended deny ip any any\n");                                         // 27
  const auto& f = d.filters.at("A");
  REQUIRE(f.rules.size() == 4);
  const auto& r0 = f.rules[0];
  CHECK(r0.understood);
  CHECK(r0.action == Action::Permit);
  // h1, inner (2), r1 range 10.2.0.1-6 -> .1/32 .2/31 .4/31 .6/32
  REQUIRE(r0.src.size() == 7);
  CHECK(r0.src[0].addr == ip("10.0.0.1"));
  CHECK(r0.src[0].wildcard == 0);
  CHECK(r0.src[1].addr == ip("10.9.9.9"));
  CHECK(r0.src[2].addr == ip("10.8.0.0"));
  CHECK(r0.src[2].wildcard == 0xFFu);
  CHECK(r0.src[3].addr == ip("10.2.0.1"));
  CHECK(r0.src[4].addr == ip("10.2.0.2"));
  CHECK(r0.src[4].wildcard == 1);
  REQUIRE(r0.dst.size() == 1);
  CHECK(r0.dst[0].wildcard == 0xFFFFu);
  REQUIRE(r0.services.size() == 1);
  CHECK(r0.services[0].protocol == 6);
  REQUIRE(r0.services[0].dst_ports.size() == 2);
  CHECK(r0.services[0].dst_ports[0].lo == 80);
  CHECK(r0.services[0].dst_ports[1].lo == 8000);
  CHECK(r0.services[0].dst_ports[1].hi == 8080);
  CHECK(r0.src_ref.line == 24);

  const auto& r1 = f.rules[1];
  CHECK(r1.understood);
  REQUIRE(r1.services.size() == 4);
  CHECK(r1.services[0].protocol == 6);
  CHECK(r1.services[0].dst_ports[0].lo == 443);
  CHECK(r1.services[1].protocol == 17);
  CHECK(r1.services[1].dst_ports[0].lo == 123);
  CHECK(r1.services[2].protocol == 1);
  CHECK(r1.services[2].icmp_type == 8);
  CHECK(r1.services[3].dst_ports.size() == 2);  // the nested typed group

  const auto& r2 = f.rules[2];
  REQUIRE(r2.services.size() == 1);
  CHECK(r2.services[0].src_ports[0].lo == 1024);
  CHECK(r2.services[0].dst_ports[0].lo == 22);
  CHECK(f.rules[3].action == Action::Deny);
  CHECK(f.default_action == Action::Deny);
  CHECK(f.src_ref.line == 24);
  CHECK(d.unrecognised.empty());
}

TEST_CASE("ASA group cycles and undefined objects fail closed", "[asa]") {
  auto d = parse(
      "object-group network g1\n"
      " group-object g2\n"
      "object-group network g2\n"
      " group-object g1\n"
      "access-list A extended permit ip object-group g1 any\n"   // 5
      "access-list A extended permit ip object nothere any\n"    // 6
      "access-list A extended permit tcp any any eq notaport\n"  // 7
      "access-list A extended permit ip any any\n");             // 8
  const auto& f = d.filters.at("A");
  REQUIRE(f.rules.size() == 4);
  CHECK_FALSE(f.rules[0].understood);
  CHECK(f.rules[0].why_not_understood.find("contains itself") != std::string::npos);
  CHECK_FALSE(f.rules[1].understood);
  CHECK(f.rules[1].why_not_understood.find("nothere") != std::string::npos);
  CHECK_FALSE(f.rules[2].understood);
  CHECK(f.rules[3].understood);
  CHECK(f.rules[1].src_ref.line == 6);  // position kept
  CHECK(has_unrecognised_line(d, 5));
  CHECK(has_unrecognised_line(d, 6));
  CHECK(has_unrecognised_line(d, 7));
  CHECK_FALSE(has_unrecognised_line(d, 8));
}

TEST_CASE("ASA ACL masks, ports, options, inactive, time-range, any6, interface", "[asa]") {
  auto d = parse(
      "interface Gi0/0\n"
      " nameif outside\n"
      " security-level 0\n"
      " ip address 203.0.113.1 255.255.255.0\n"
      "name 10.7.7.7 srv7\n"                                                            // 5
      "access-list B line 1 extended permit tcp 10.0.0.0 255.0.0.0 host srv7 neq 23\n"  // 6
      "access-list B remark hello\n"                                                    // 7
      "access-list B extended permit udp any gt 1023 any lt 1024 log 6 interval 300\n"  // 8
      "access-list B extended permit ip any any inactive\n"                             // 9
      "access-list B extended permit ip any any time-range NIGHT\n"                     // 10
      "access-list B extended permit ip any6 any6\n"                                    // 11
      "access-list B extended permit tcp any interface outside eq https\n"              // 12
      "access-list B extended permit icmp any any echo-reply\n"                         // 13
      "access-list B extended deny 47 any4 any4 log disable\n"                          // 14
      "access-list B line 1 extended deny ip host 1.1.1.1 any\n"                        // 15
      "access-list S standard permit host 10.3.3.3\n"                                   // 16
      "access-list E ethertype permit bpdu\n");                                         // 17
  const auto& f = d.filters.at("B");
  REQUIRE(f.rules.size() == 9);
  // "line 1" inserts at the top (remarks count as lines).
  CHECK(f.rules[0].src_ref.line == 15);
  const auto& r = f.rules[1];
  CHECK(r.src[0].addr == ip("10.0.0.0"));
  CHECK(r.src[0].wildcard == 0x00FFFFFFu);  // mask 255.0.0.0 (not a wildcard)
  CHECK(r.dst[0].addr == ip("10.7.7.7"));
  REQUIRE(r.services[0].dst_ports.size() == 2);
  CHECK(r.services[0].dst_ports[0].hi == 22);
  CHECK(r.services[0].dst_ports[1].lo == 24);
  const auto& u = f.rules[2];
  CHECK(u.understood);
  CHECK(u.services[0].src_ports[0].lo == 1024);
  CHECK(u.services[0].dst_ports[0].hi == 1023);
  CHECK(f.rules[3].inactive);
  CHECK(f.rules[3].understood);
  CHECK_FALSE(f.rules[4].understood);
  CHECK(f.rules[4].why_not_understood.find("time-range") != std::string::npos);
  CHECK(f.rules[5].understood);
  CHECK(f.rules[5].src.empty());  // any6 matches no IPv4 packet
  REQUIRE(f.rules[6].dst.size() == 1);
  CHECK(f.rules[6].dst[0].addr == ip("203.0.113.1"));
  CHECK(f.rules[6].dst[0].wildcard == 0);
  CHECK(f.rules[7].services[0].icmp_type == 0);
  CHECK(f.rules[8].services[0].protocol == 47);
  CHECK(f.rules[8].action == Action::Deny);
  const auto& s = d.filters.at("S");
  CHECK(s.rules[0].dst[0].addr == ip("10.3.3.3"));
  CHECK(s.rules[0].src[0].is_any());
  CHECK_FALSE(d.filters.at("E").rules[0].understood);
  CHECK(has_unrecognised_line(d, 17));
  CHECK_FALSE(has_unrecognised_line(d, 7));
}

TEST_CASE("ASA access-group binds filters by nameif", "[asa]") {
  auto d = parse(
      "interface Gi0/0\n nameif outside\n security-level 0\n"
      "interface Gi0/1\n nameif inside\n security-level 100\n"
      "access-list OUT_IN extended permit tcp any any eq 22\n"  // 7
      "access-list IN_OUT extended permit ip any any\n"         // 8
      "access-list GLOBAL extended deny ip any any\n"           // 9
      "access-list CP extended deny ip any any\n"               // 10
      "access-group OUT_IN in interface outside\n"              // 11
      "access-group IN_OUT out interface inside\n"              // 12
      "access-group GLOBAL global\n"                            // 13
      "access-group CP in interface outside control-plane\n"    // 14
      "access-group MISSING in interface inside\n"              // 15
      "access-group X in interface nosuch\n");                  // 16
  const auto* out = ifc(d, "outside");
  CHECK(out->filter_in == "OUT_IN");
  CHECK(out->filter_in_ref.line == 11);
  CHECK(ifc(d, "inside")->filter_out == "IN_OUT");
  CHECK(ifc(d, "inside")->filter_in == "MISSING");
  CHECK(d.global_filter == "GLOBAL");
  CHECK(d.global_filter_ref.line == 13);
  // Bound but undefined: fail closed.
  REQUIRE(d.filters.count("MISSING"));
  CHECK_FALSE(d.filters.at("MISSING").defined);
  CHECK_FALSE(d.filters.at("MISSING").rules.at(0).understood);
  CHECK(has_unrecognised_line(d, 16));
  CHECK_FALSE(has_unrecognised_line(d, 14));
}

TEST_CASE("ASA routes resolve nameif to the interface", "[asa]") {
  auto d = parse(
      "interface GigabitEthernet0/0\n nameif outside\n security-level 0\n"
      " ip address 198.51.100.2 255.255.255.0\n"
      "route outside 0.0.0.0 0.0.0.0 198.51.100.1 1\n"             // 5
      "route outside 10.0.0.0 255.0.0.0 198.51.100.9 5 track 3\n"  // 6
      "route nowhere 10.1.0.0 255.255.0.0 10.9.9.9\n"              // 7
      "route outside 0.0.0.0 0.0.0.0 198.51.100.7 tunneled\n"      // 8
      "router ospf 1\n"                                            // 9
      " network 10.10.0.0 255.255.0.0 area 0\n"                    // 10
      " default-information originate\n"                           // 11
      "ipv6 route outside ::/0 2001:db8::1\n");                    // 12
  REQUIRE(d.routes.size() == 4);
  CHECK(d.routes[0].out_interface == "GigabitEthernet0/0");
  CHECK(d.routes[0].prefix == Prefix{0, 0});
  CHECK(d.routes[0].next_hop == ip("198.51.100.1"));
  CHECK(d.routes[0].understood);
  CHECK(d.routes[1].admin_distance == 5);
  CHECK(d.routes[1].prefix == Prefix{ip("10.0.0.0"), 8});
  CHECK_FALSE(d.routes[2].understood);
  CHECK_FALSE(d.routes[3].understood);
  CHECK(has_unrecognised_line(d, 7));
  CHECK(has_unrecognised_line(d, 8));
  REQUIRE(d.routing.size() == 1);
  CHECK(d.routing[0].protocol == "ospf");
  CHECK(d.routing[0].networks.at(0) == Prefix{ip("10.10.0.0"), 16});
  CHECK(d.routing[0].redistributes_default);
  CHECK(d.unrecognised.size() == 2);
}

TEST_CASE("ASA same-security, transparent mode and unknown lines", "[asa]") {
  auto d = parse(
      "same-security-traffic permit inter-interface\n"  // 1
      "same-security-traffic permit intra-interface\n"  // 2
      "firewall transparent\n"                          // 3
      "wccp web-cache redirect-list X\n"                // 4
      "logging enable\n"                                // 5
      ": end\n"                                         // 6
      "ssh foo password Secret1\n");                    // 7
  CHECK(d.same_security_inter);
  CHECK(d.same_security_inter_ref.line == 1);
  CHECK(d.same_security_intra);
  CHECK(has_unrecognised_line(d, 3));
  CHECK(has_unrecognised_line(d, 4));
  CHECK(d.unrecognised[0].context == model::LineContext::Global);
  CHECK(d.unrecognised[0].affects_forwarding);
  CHECK(d.ignored_lines == 1);  // ": end"; "logging enable" is recognised (syslog hygiene)
  REQUIRE(has_unrecognised_line(d, 7));
  CHECK(d.unrecognised.back().text.find("Secret1") == std::string::npos);
}

TEST_CASE("ASA protocol and icmp-type groups with a member not read make the rule not understood", "[asa]") {
  // A member line the parser cannot read means the group holds more than what was read: a permit
  // through it must not be narrowed to the readable members.
  auto d = parse(
      "object-group protocol P\n"                                         // 1
      " protocol-object tcp\n"                                            // 2
      " protocol-object\n"                                                // 3
      "object-group icmp-type PING\n"                                     // 4
      " icmp-object\n"                                                    // 5
      "access-list A extended permit object-group P any any\n"            // 6
      "access-list A extended permit icmp any any object-group PING\n");  // 7
  const auto& f = d.filters.at("A");
  REQUIRE(f.rules.size() == 2);
  CHECK_FALSE(f.rules[0].understood);
  CHECK(f.rules[0].why_not_understood.find("protocol group P") != std::string::npos);
  CHECK_FALSE(f.rules[1].understood);
  CHECK(f.rules[1].why_not_understood.find("icmp-type group PING") != std::string::npos);
  CHECK(has_unrecognised_line(d, 3));
  CHECK(has_unrecognised_line(d, 5));
}
