// FortiOS parser, one construct at a time.
#include <catch2/catch.hpp>

#include "parsers/fortigate/internal.h"
#include "parsers/registry.h"
#include "tests/parsers/fortigate/fgt_test_util.h"

using namespace gp;
using gp::test::fgt::ifc;
using gp::test::fgt::parse;
using gp::test::fgt::unrecognised_at;

namespace {
Ipv4 ip(const char* s) { return *parse_ipv4(s); }

const model::FilterRule* rule(const model::Device& d, const std::string& id) {
  const auto& f = d.filters.at("firewall-policy");
  for (const auto& r : f.rules)
    if (r.text.rfind("policy " + id, 0) == 0 &&
        (r.text.size() == 7 + id.size() || r.text[7 + id.size()] == ' '))
      return &r;
  return nullptr;
}

// A water utility's edge FortiGate, written like `show` output.
const char* kEdge = R"(#config-version=FG100F-7.2.8-FW-build1639-240313:opmode=0:vdom=0:user=admin
#conf_file_ver=1
config system global
    set admin-https-ssl-versions tlsv1-2 tlsv1-3
    set admin-sport 8443
    set admintimeout 10
    set hostname "suido-edge"
    set strong-crypto enable
end
config system interface
    edit "wan1"
        set vdom "root"
        set mode pppoe
        set allowaccess ping https ssh
        set type physical
        set username "user@isp"
        set password ENC XyZ123secretpppoe
    next
    edit "internal1"
        set vdom "root"
        set ip 10.10.0.1 255.255.255.0
        set allowaccess ping https ssh http telnet snmp
        set type physical
        set description "office"
        config secondaryip
            edit 1
                set ip 10.10.1.1 255.255.255.0
            next
        end
    next
    edit "scada"
        set vdom "root"
        set ip 10.20.0.1/24
        set type physical
    next
    edit "scada.100"
        set vdom "root"
        set ip 10.20.100.1 255.255.255.0
        set interface "scada"
        set vlanid 100
    next
    edit "spare"
        set vdom "root"
        set status down
        set type physical
        set ip 10.99.0.1 255.255.255.0
    next
    edit "ssl.root"
        set vdom "root"
        set type tunnel
    next
    edit "to-plant"
        set vdom "root"
        set type tunnel
        set interface "wan1"
    next
end
config system zone
    edit "lan"
        set interface "internal1" "scada.100"
    next
end
config system admin
    edit "admin"
        set accprofile "super_admin"
        set vdom "root"
        set trusthost1 10.10.0.0 255.255.255.0
    next
    edit "ops"
        set accprofile "prof_admin"
        set vdom "root"
        set trusthost1 10.10.0.5 255.255.255.255
        set password ENC SH2abcdefGHIJKLmnop
    next
end
config system snmp sysinfo
    set status enable
end
config system snmp community
    edit 1
        set name "Suid0Comm"
        config hosts
            edit 1
                set ip 10.10.0.50 255.255.255.255
            next
        end
    next
end
config firewall address
    edit "office-net"
        set subnet 10.10.0.0 255.255.255.0
    next
    edit "hmi"
        set subnet 10.20.0.10 255.255.255.255
    next
    edit "plc-range"
        set type iprange
        set start-ip 10.20.0.20
        set end-ip 10.20.0.23
    next
    edit "vendor.example.jp"
        set type fqdn
        set fqdn "vendor.example.jp"
    next
    edit "SSLVPN_TUNNEL_ADDR1"
        set type iprange
        set start-ip 10.212.134.200
        set end-ip 10.212.134.210
    next
end
config firewall addrgrp
    edit "control"
        set member "hmi" "plc-group"
    next
    edit "plc-group"
        set member "plc-range"
    next
end
config firewall service custom
    edit "MODBUS"
        set tcp-portrange 502
    next
    edit "OPC-RANGE"
        set tcp-portrange 4840-4841:1024-65535
        set udp-portrange 4840
    next
end
config firewall service group
    edit "SCADA-SVC"
        set member "MODBUS" "OPC-RANGE"
    next
end
config firewall vip
    edit "hmi-web"
        set extip 203.0.113.10
        set mappedip "10.20.0.10"
        set extintf "wan1"
        set portforward enable
        set extport 8443
        set mappedport 443
    next
    edit "plc-static"
        set extip 203.0.113.11
        set mappedip "10.20.0.20"
        set extintf "any"
    next
end
config firewall ippool
    edit "pool1"
        set startip 203.0.113.20
        set endip 203.0.113.20
    next
end
config firewall schedule recurring
    edit "weekdays"
        set day monday tuesday wednesday thursday friday
    next
end
config firewall policy
    edit 10
        set name "vendor-hmi"
        set srcintf "wan1"
        set dstintf "scada"
        set srcaddr "all"
        set dstaddr "hmi-web"
        set action accept
        set schedule "always"
        set service "HTTPS"
    next
    edit 3
        set srcintf "lan"
        set dstintf "scada"
        set srcaddr "office-net"
        set dstaddr "control"
        set action accept
        set schedule "always"
        set service "SCADA-SVC" "PING"
    next
    edit 4
        set srcintf "lan"
        set dstintf "wan1"
        set srcaddr "all"
        set dstaddr "all"
        set action accept
        set schedule "always"
        set service "ALL"
        set nat enable
    next
    edit 5
        set srcintf "scada"
        set dstintf "wan1"
        set srcaddr "all"
        set dstaddr "all"
        set action accept
        set schedule "always"
        set service "ALL"
        set nat enable
        set ippool enable
        set poolname "pool1"
        set status disable
    next
    edit 6
        set srcintf "wan1"
        set dstintf "lan"
        set srcaddr "vendor.example.jp"
        set dstaddr "all"
        set action accept
        set schedule "always"
        set service "RDP"
    next
    edit 7
        set srcintf "lan"
        set dstintf "scada"
        set srcaddr "all"
        set dstaddr "all"
        set action accept
        set schedule "weekdays"
        set service "ALL"
    next
    edit 8
        set srcintf "any"
        set dstintf "scada"
        set srcaddr "all"
        set dstaddr "all"
        set schedule "always"
        set service "ALL"
    next
    edit 9
        set srcintf "ssl.root"
        set dstintf "scada"
        set srcaddr "SSLVPN_TUNNEL_ADDR1"
        set dstaddr "hmi"
        set action accept
        set schedule "always"
        set service "HTTPS"
    next
    move 10 before 3
end
config firewall local-in-policy
    edit 1
        set intf "wan1"
        set srcaddr "all"
        set dstaddr "all"
        set action deny
        set service "ALL"
        set schedule "always"
    next
end
config router static
    edit 1
        set dst 10.30.0.0 255.255.0.0
        set gateway 10.20.0.254
        set device "scada"
    next
    edit 2
        set dst 192.0.2.0 255.255.255.0
        set blackhole enable
    next
    edit 3
        set dst 10.40.0.0 255.255.0.0
        set device "to-plant"
        set distance 20
    next
    edit 4
        set dst 10.50.0.0 255.255.0.0
        set gateway 10.20.0.254
        set device "scada"
        set status disable
    next
end
config router policy
    edit 1
        set input-device "internal1"
        set gateway 10.10.0.254
    next
end
config vpn ipsec phase1-interface
    edit "to-plant"
        set interface "wan1"
        set peertype any
        set proposal aes256-sha256
        set dhgrp 14
        set remote-gw 198.51.100.7
        set psksecret ENC Pl4ntPSKsecretValue
    next
end
config vpn ipsec phase2-interface
    edit "to-plant-p2"
        set phase1name "to-plant"
        set proposal aes256-sha256
        set src-subnet 10.20.0.0 255.255.255.0
        set dst-subnet 10.40.0.0 255.255.0.0
    next
end
config vpn ssl web portal
    edit "full-access"
        set tunnel-mode enable
        set ip-pools "SSLVPN_TUNNEL_ADDR1"
        set split-tunneling enable
    next
end
config vpn ssl settings
    set servercert "Fortinet_Factory"
    set tunnel-ip-pools "SSLVPN_TUNNEL_ADDR1"
    set source-interface "wan1"
    set port 10443
end
config vpn certificate local
    edit "cert1"
        set password ENC CertKeyPass
        set private-key "-----BEGIN ENCRYPTED PRIVATE KEY-----
MIIFHzBJBgkqhkiG9w0BBQ0wPDAbBgkqhkiG9w0BBQwwDgQIabcdefgh
-----END ENCRYPTED PRIVATE KEY-----"
        set certificate "-----BEGIN CERTIFICATE-----
MIIDxTCCAq2gAwIBAgIQAqxcJmoLQJuPC3nyrkYldzANBgkqhkiG9w0BAQUF
-----END CERTIFICATE-----"
    next
end
config system replacemsg http "url-block"
    set buffer "<html><body>The URL \"%%URL%%\" is blocked
end of line
</body></html>"
end
config log syslogd setting
    set status enable
end
config firewall mystery-table
    edit 1
        set foo bar
    next
end
)";

}  // namespace

TEST_CASE("FortiOS: detection", "[fortigate]") {
  CHECK(parsers::looks_like_fortigate(kEdge));
  CHECK(parsers::detect_vendor(kEdge) == model::Vendor::Fortigate);
  CHECK(parsers::looks_like_fortigate("config system global\n    set hostname \"x\"\nend\n"));
  CHECK(parsers::looks_like_fortigate("config firewall policy\nend\n"));
  CHECK_FALSE(parsers::looks_like_fortigate(
      "hostname r1\ninterface GigabitEthernet0/0\n ip address 10.0.0.1 255.255.255.0\n"));
  CHECK_FALSE(parsers::looks_like_fortigate("ASA Version 9.8(4)\nhostname fw\n"));
}

TEST_CASE("FortiOS: header, global settings and structure", "[fortigate]") {
  auto d = parse(kEdge);
  CHECK(d.vendor == model::Vendor::Fortigate);
  CHECK(d.hostname == "suido-edge");
  CHECK(d.name == "suido-edge");
  CHECK(d.os_version == "7.2.8");
  CHECK(d.stateful);
  CHECK(d.total_lines > 300);
  bool sport = false;
  for (const auto& [n, r] : d.notes) sport |= n.find("admin-sport 8443") != std::string::npos;
  CHECK(sport);
}

TEST_CASE("FortiOS: interfaces", "[fortigate]") {
  auto d = parse(kEdge);
  REQUIRE(ifc(d, "wan1"));
  CHECK(ifc(d, "wan1")->pppoe);
  CHECK(ifc(d, "wan1")->ipv4.empty());
  REQUIRE(ifc(d, "internal1"));
  REQUIRE(ifc(d, "internal1")->ipv4.size() == 2);
  CHECK(ifc(d, "internal1")->ipv4[0].prefix == Prefix{ip("10.10.0.1"), 24});
  CHECK_FALSE(ifc(d, "internal1")->ipv4[0].secondary);
  CHECK(ifc(d, "internal1")->ipv4[1].secondary);
  CHECK(ifc(d, "internal1")->description == "office");
  CHECK(ifc(d, "scada")->ipv4.at(0).prefix == Prefix{ip("10.20.0.1"), 24});
  const auto* sub = ifc(d, "scada.100");
  REQUIRE(sub);
  CHECK(sub->kind == model::InterfaceKind::Subinterface);
  CHECK(sub->parent == "scada");
  CHECK(sub->encapsulation_vlan == 100);
  CHECK(ifc(d, "spare")->shutdown);
  CHECK(ifc(d, "to-plant")->kind == model::InterfaceKind::Tunnel);
  CHECK(ifc(d, "internal1")->vrf.empty());  // no VDOMs: one routing table
  // PPPoE: a default route out of the dialer.
  bool dflt = false;
  for (const auto& r : d.routes) dflt |= r.prefix.len == 0 && r.out_interface == "wan1";
  CHECK(dflt);
}

TEST_CASE("FortiOS: zones", "[fortigate]") {
  auto d = parse(kEdge);
  CHECK(ifc(d, "internal1")->zone == "lan");
  CHECK(ifc(d, "scada.100")->zone == "lan");
  CHECK(ifc(d, "scada")->zone.empty());
}

TEST_CASE("FortiOS: policies in sequence order with scope, objects and services", "[fortigate]") {
  auto d = parse(kEdge);
  REQUIRE(d.forward_filter == "firewall-policy");
  const auto& f = d.filters.at("firewall-policy");
  CHECK(f.default_action == model::Action::Deny);
  REQUIRE(f.rules.size() == 8);
  // "move 10 before 3": 10 first.
  CHECK(f.rules[0].text.rfind("policy 10", 0) == 0);
  CHECK(f.rules[1].text.rfind("policy 3", 0) == 0);

  const auto* p3 = rule(d, "3");
  REQUIRE(p3);
  CHECK(p3->action == model::Action::Permit);
  CHECK(p3->in_interfaces == std::vector<std::string>{"lan"});
  CHECK(p3->out_interfaces == std::vector<std::string>{"scada"});
  REQUIRE(p3->src.size() == 1);
  CHECK(p3->src[0].addr == ip("10.10.0.0"));
  CHECK(p3->src[0].wildcard == 0xFF);
  // control = hmi + plc-group(plc-range 10.20.0.20-23 = one /30)
  REQUIRE(p3->dst.size() == 2);
  CHECK(p3->dst[0].addr == ip("10.20.0.10"));
  CHECK(p3->dst[1].addr == ip("10.20.0.20"));
  CHECK(p3->dst[1].wildcard == 3);
  // SCADA-SVC (MODBUS, OPC-RANGE tcp+udp) + PING (factory default)
  REQUIRE(p3->services.size() == 4);
  CHECK(p3->services[0].protocol == 6);
  CHECK(p3->services[0].dst_ports.at(0).lo == 502);
  CHECK(p3->services[1].dst_ports.at(0).hi == 4841);
  CHECK(p3->services[1].src_ports.at(0).lo == 1024);
  CHECK(p3->services[2].protocol == 17);
  CHECK(p3->services[3].protocol == 1);
  CHECK(p3->services[3].icmp_type == 8);
  CHECK(p3->src_ref.line > 0);

  // ALL: any service; nat enable -> PAT.
  const auto* p4 = rule(d, "4");
  REQUIRE(p4);
  CHECK(p4->services.size() == 1);
  CHECK_FALSE(p4->services[0].protocol);
  CHECK(p4->src.at(0).is_any());

  CHECK(rule(d, "5")->inactive);                                   // status disable
  CHECK_FALSE(rule(d, "6")->understood);                           // FQDN source
  CHECK(rule(d, "6")->services.at(0).dst_ports.at(0).lo == 3389);  // RDP default service
  CHECK_FALSE(rule(d, "7")->understood);                           // schedule other than always
  CHECK(rule(d, "8")->action == model::Action::Deny);              // no action: deny
  CHECK(rule(d, "8")->in_interfaces.empty());                      // "any"
}

TEST_CASE("FortiOS: VIP port forward used in a policy, static VIP, IP pool NAT", "[fortigate]") {
  auto d = parse(kEdge);
  const auto* p10 = rule(d, "10");
  REQUIRE(p10);
  // The policy matches after destination NAT: the VIP's mapped address.
  REQUIRE(p10->dst.size() == 1);
  CHECK(p10->dst[0].addr == ip("10.20.0.10"));
  CHECK(p10->dst[0].wildcard == 0);

  const model::NatRule* pf = nullptr;
  const model::NatRule* st = nullptr;
  std::vector<const model::NatRule*> pats;
  for (const auto& n : d.nat) {
    if (n.text == "firewall vip hmi-web") pf = &n;
    if (n.text == "firewall vip plc-static") st = &n;
    if (n.kind == model::NatKind::Pat) pats.push_back(&n);
  }
  REQUIRE(pf);
  CHECK(pf->kind == model::NatKind::StaticPort);
  CHECK(pf->mapped_src == Prefix{ip("203.0.113.10"), 32});
  CHECK(pf->real_src.at(0).addr == ip("10.20.0.10"));
  CHECK(pf->mapped_port == 8443);
  CHECK(pf->real_port == 443);
  CHECK(pf->protocol == 6);
  CHECK(pf->mapped_interface_name == "wan1");
  CHECK(pf->real_interface == "any");
  REQUIRE(st);
  CHECK(st->kind == model::NatKind::Static);
  CHECK(st->mapped_interface_name == "any");
  // VIPs first (destination NAT happens before the policy lookup).
  CHECK(d.nat.front().text.rfind("firewall vip", 0) == 0);
  // Policy 4: lan (internal1, scada.100) -> wan1, interface address.
  REQUIRE(pats.size() == 2);
  CHECK(pats[0]->real_interface == "internal1");
  CHECK(pats[1]->real_interface == "scada.100");
  CHECK(pats[0]->mapped_interface_name == "wan1");
  CHECK(pats[0]->mapped_is_interface);
  // Policy 5 is disabled: no NAT rule from it.
  for (const auto& n : d.nat) CHECK(n.text.find("policy 5") == std::string::npos);
}

TEST_CASE("FortiOS: a VIP on the address of a PPPoE interface (extip 0.0.0.0)", "[fortigate]") {
  auto d = parse(R"(config firewall vip
    edit "fwd"
        set extip 0.0.0.0
        set mappedip "10.1.1.10"
        set extintf "wan1"
        set portforward enable
        set protocol udp
        set extport 1194
    next
end
)");
  REQUIRE(d.nat.size() == 1);
  CHECK(d.nat[0].mapped_is_interface);
  CHECK(d.nat[0].mapped_interface == "wan1");
  CHECK_FALSE(d.nat[0].mapped_src);
  CHECK(d.nat[0].protocol == 17);
  CHECK(d.nat[0].mapped_port == 1194);
  CHECK(d.nat[0].real_port == 1194);  // mappedport defaults to extport
}

TEST_CASE("FortiOS: IP pool NAT on an enabled policy", "[fortigate]") {
  auto d = parse(R"(config firewall ippool
    edit "p"
        set startip 198.51.100.8
        set endip 198.51.100.11
    next
end
config firewall policy
    edit 1
        set srcintf "port2"
        set dstintf "port1"
        set srcaddr "all"
        set dstaddr "all"
        set action accept
        set schedule "always"
        set service "ALL"
        set nat enable
        set ippool enable
        set poolname "p"
    next
end
)");
  REQUIRE(d.nat.size() == 1);
  CHECK(d.nat[0].kind == model::NatKind::Pat);
  CHECK_FALSE(d.nat[0].mapped_is_interface);
  CHECK(d.nat[0].mapped_src == Prefix{ip("198.51.100.8"), 32});
  REQUIRE(d.nat[0].pool.size() == 1);
  CHECK(d.nat[0].pool[0] == Prefix{ip("198.51.100.8"), 30});
  CHECK(d.nat[0].real_interface == "port2");
  CHECK(d.nat[0].mapped_interface_name == "port1");
}

TEST_CASE("FortiOS: static routes", "[fortigate]") {
  auto d = parse(kEdge);
  const model::Route* r1 = nullptr;
  const model::Route* bh = nullptr;
  const model::Route* tun = nullptr;
  for (const auto& r : d.routes) {
    if (r.prefix == Prefix{ip("10.30.0.0"), 16}) r1 = &r;
    if (r.prefix == Prefix{ip("192.0.2.0"), 24}) bh = &r;
    if (r.prefix == Prefix{ip("10.40.0.0"), 16}) tun = &r;
    CHECK_FALSE(r.prefix == Prefix{ip("10.50.0.0"), 16});  // status disable
  }
  REQUIRE(r1);
  CHECK(r1->next_hop == ip("10.20.0.254"));
  CHECK(r1->out_interface == "scada");
  CHECK(r1->admin_distance == 10);
  REQUIRE(bh);
  CHECK(bh->null_route);
  REQUIRE(tun);
  CHECK(tun->out_interface == "to-plant");
  CHECK_FALSE(tun->next_hop);
  CHECK(tun->admin_distance == 20);
}

TEST_CASE("FortiOS: IPsec phase1/phase2 interface", "[fortigate]") {
  auto d = parse(kEdge);
  const model::Vpn* v = nullptr;
  for (const auto& x : d.vpns)
    if (x.name == "to-plant") v = &x;
  REQUIRE(v);
  CHECK(v->kind == model::VpnKind::SiteToSiteIpsec);
  CHECK(v->interface == "to-plant");
  CHECK(v->peers == std::vector<Ipv4>{ip("198.51.100.7")});
  CHECK(v->authentication == "psk");
  REQUIRE(v->local_networks.size() == 1);
  CHECK(v->local_networks[0].addr == ip("10.20.0.0"));
  REQUIRE(v->remote_networks.size() == 1);
  CHECK(v->remote_networks[0].addr == ip("10.40.0.0"));
  bool aes256_sha256 = false;
  for (const auto& p : v->proposals)
    aes256_sha256 |= std::find(p.algorithms.begin(), p.algorithms.end(), "aes256") != p.algorithms.end() &&
                     std::find(p.algorithms.begin(), p.algorithms.end(), "sha256") != p.algorithms.end();
  CHECK(aes256_sha256);
  bool psk = false;
  for (const auto& s : d.secrets)
    psk |= s.kind == model::SecretKind::PreSharedKey && s.owner == "ipsec to-plant";
  CHECK(psk);
}

TEST_CASE("FortiOS: SSL-VPN pool enters at ssl.root, its policy decides", "[fortigate]") {
  auto d = parse(kEdge);
  const model::Vpn* v = nullptr;
  for (const auto& x : d.vpns)
    if (x.kind == model::VpnKind::RemoteAccess) v = &x;
  REQUIRE(v);
  CHECK(v->interface == "ssl.root");
  CHECK(v->bypasses_interface_acl);
  CHECK(v->understood);
  REQUIRE_FALSE(v->client_pools.empty());
  CHECK(v->client_pools[0].addr == ip("10.212.134.200"));
  REQUIRE(ifc(d, "ssl.root"));
  CHECK(ifc(d, "ssl.root")->up());
  const auto* p9 = rule(d, "9");
  REQUIRE(p9);
  CHECK(p9->in_interfaces == std::vector<std::string>{"ssl.root"});
  CHECK(p9->src.size() == 3);  // 10.212.134.200-210: /29, /31, /32
}

TEST_CASE("FortiOS: SSL-VPN without source-interface is not listening", "[fortigate]") {
  auto d = parse("config vpn ssl settings\n    set servercert \"self-sign\"\n    set port 443\nend\n");
  CHECK(d.vpns.empty());
}

TEST_CASE("FortiOS: administrators, management services and SNMP", "[fortigate]") {
  auto d = parse(kEdge);
  const model::Secret* admin = nullptr;
  const model::Secret* ops = nullptr;
  const model::Secret* comm = nullptr;
  for (const auto& s : d.secrets) {
    if (s.owner == "admin") admin = &s;
    if (s.owner == "ops") ops = &s;
    if (s.kind == model::SecretKind::SnmpCommunity) comm = &s;
  }
  REQUIRE(admin);  // no "set password": factory-default empty password
  CHECK(admin->storage == model::SecretStorage::Plain);
  CHECK(admin->digest == gp::parsers::fnv1a_hex(""));
  CHECK(admin->privilege == 15);
  REQUIRE(ops);
  CHECK(ops->storage == model::SecretStorage::StrongHash);
  CHECK(ops->access == "prof_admin");
  REQUIRE(comm);
  bool empty_note = false;
  for (const auto& [n, r] : d.notes) empty_note |= n.find("admin admin has no password") != std::string::npos;
  CHECK(empty_note);

  const model::MgmtService* https = nullptr;
  const model::MgmtService* telnet = nullptr;
  const model::MgmtService* snmp = nullptr;
  for (const auto& s : d.services) {
    if (s.protocol == model::MgmtProtocol::Https) https = &s;
    if (s.protocol == model::MgmtProtocol::Telnet) telnet = &s;
    if (s.protocol == model::MgmtProtocol::Snmp) snmp = &s;
  }
  REQUIRE(https);
  CHECK(https->enabled);
  CHECK(https->allowed_interfaces == std::vector<std::string>{"wan1", "internal1"});
  CHECK(https->version == "tlsv1.2 tlsv1.3");
  CHECK(https->allowed_sources.size() == 2);  // trusthosts of both admins
  REQUIRE(telnet);
  CHECK(telnet->allowed_interfaces == std::vector<std::string>{"internal1"});
  REQUIRE(snmp);
  CHECK(snmp->enabled);
  CHECK(snmp->allowed_sources.size() == 1);
}

TEST_CASE("FortiOS: no secret in clear anywhere in the device", "[fortigate]") {
  auto d = parse(kEdge);
  const std::string text = gp::test::fgt::all_text(d);
  for (const char* clear : {"XyZ123secretpppoe", "SH2abcdefGHIJKLmnop", "Suid0Comm", "Pl4ntPSKsecretValue",
                            "CertKeyPass", "MIIFHzBJ"})
    CHECK(text.find(clear) == std::string::npos);
}

TEST_CASE("FortiOS: unrecognised lines with line numbers and contexts", "[fortigate]") {
  auto d = parse(kEdge);
  auto line_of = [&](const std::string& needle) {
    std::string s = kEdge;
    int n = 1;
    size_t pos = s.find(needle);
    for (size_t i = 0; i < pos; ++i) n += s[i] == '\n';
    return n;
  };
  // Policy route: forwarding.
  const int pr = line_of("config router policy");
  REQUIRE(unrecognised_at(d, pr));
  for (const auto& u : d.unrecognised) {
    if (u.src_ref.line == pr) {
      CHECK(u.context == model::LineContext::Route);
      CHECK(u.affects_forwarding);
    }
    if (u.src_ref.line == line_of("config firewall local-in-policy")) {
      CHECK(u.context == model::LineContext::Management);
      CHECK_FALSE(u.affects_forwarding);
    }
  }
  CHECK(unrecognised_at(d, line_of("config firewall local-in-policy")));
  CHECK(unrecognised_at(d, line_of("config firewall mystery-table")));
  CHECK(unrecognised_at(d, line_of("set foo bar")));
  // Multi-line quoted values (certificates, replacement messages) do not break the structure.
  CHECK_FALSE(unrecognised_at(d, line_of("end of line")));
  CHECK_FALSE(unrecognised_at(d, line_of("config log syslogd setting")));
  CHECK(d.unrecognised.size() == 15);  // router policy (4 lines), local-in-policy (8), mystery-table (3)
}

TEST_CASE("FortiOS: VDOMs scope policies and routes", "[fortigate]") {
  auto d = parse(R"(#config-version=FG100F-7.0.12-FW-build0523-230531:opmode=0:vdom=1:user=admin
config vdom
edit root
next
edit plant
next
end
config global
config system global
    set hostname "multi"
end
config system interface
    edit "port1"
        set vdom "root"
        set ip 192.0.2.1 255.255.255.0
    next
    edit "port2"
        set vdom "root"
        set ip 10.1.0.1 255.255.255.0
    next
    edit "port3"
        set vdom "plant"
        set ip 10.2.0.1 255.255.255.0
    next
    edit "port4"
        set vdom "plant"
        set ip 10.3.0.1 255.255.255.0
    next
end
end
config vdom
edit root
config firewall policy
    edit 1
        set srcintf "any"
        set dstintf "port1"
        set srcaddr "all"
        set dstaddr "all"
        set action accept
        set schedule "always"
        set service "ALL"
    next
end
config router static
    edit 1
        set gateway 192.0.2.254
        set device "port1"
    next
end
next
edit plant
config firewall address
    edit "hmi"
        set subnet 10.3.0.10 255.255.255.255
    next
end
config firewall policy
    edit 1
        set srcintf "any"
        set dstintf "any"
        set srcaddr "all"
        set dstaddr "hmi"
        set action accept
        set schedule "always"
        set service "HTTPS"
    next
end
config router static
    edit 1
        set dst 10.9.0.0 255.255.0.0
        set gateway 10.2.0.254
        set device "port3"
    next
end
next
end
)");
  CHECK(d.hostname == "multi");
  CHECK(ifc(d, "port1")->vrf == "root");
  CHECK(ifc(d, "port3")->vrf == "plant");
  REQUIRE(d.routes.size() == 2);
  CHECK(d.routes[0].vrf == "root");
  CHECK(d.routes[1].vrf == "plant");
  const auto& f = d.filters.at("firewall-policy");
  REQUIRE(f.rules.size() == 2);
  CHECK(f.rules[0].in_interfaces == std::vector<std::string>{"port1", "port2"});
  CHECK(f.rules[1].in_interfaces == std::vector<std::string>{"port3", "port4"});
  CHECK(f.rules[1].out_interfaces == std::vector<std::string>{"port3", "port4"});
  CHECK(f.rules[1].dst.at(0).addr == ip("10.3.0.10"));  // the plant VDOM's own object
  CHECK(f.rules[1].text.find("vdom plant") != std::string::npos);
  CHECK(d.unrecognised.empty());
}

TEST_CASE("FortiOS: intrazone allow and a device without policies", "[fortigate]") {
  auto d = parse(R"(config system zone
    edit "z"
        set intrazone allow
        set interface "port1" "port2"
    next
end
)");
  REQUIRE(d.forward_filter == "firewall-policy");
  const auto& f = d.filters.at("firewall-policy");
  CHECK(f.default_action == model::Action::Deny);
  REQUIRE(f.rules.size() == 1);
  CHECK(f.rules[0].action == model::Action::Permit);
  CHECK(f.rules[0].in_interfaces == std::vector<std::string>{"z"});
}

TEST_CASE("FortiOS: malformed input never throws and keeps line numbers", "[fortigate]") {
  // Unclosed quote, stray next/end, an edit outside any config, a config never closed.
  const char* bad =
      "next\nend\nedit 5\n    set foo \"unterminated\nconfig firewall policy\n    edit 1\n"
      "        set srcintf \"a\"\n";
  model::Device d;
  REQUIRE_NOTHROW(d = parse(bad));
  CHECK(d.total_lines == 7);
  CHECK(unrecognised_at(d, 1));
  CHECK(unrecognised_at(d, 2));
  CHECK(unrecognised_at(d, 3));
  for (const auto& u : d.unrecognised) CHECK(u.src_ref.line <= d.total_lines);
  std::string bytes;
  for (int i = 0; i < 4096; ++i) bytes.push_back(static_cast<char>((i * 7919) % 256));
  REQUIRE_NOTHROW(parse(bytes));
  REQUIRE_NOTHROW(parse(""));
  REQUIRE_NOTHROW(parse(std::string(500, '"')));
  std::string deep;
  for (int i = 0; i < 2000; ++i) deep += "config a\n";
  REQUIRE_NOTHROW(parse(deep));
}

TEST_CASE("FortiOS: service and address edge cases", "[fortigate]") {
  auto d = parse(R"(config firewall address
    edit "wild"
        set type wildcard
        set wildcard 10.0.0.5 255.0.255.255
    next
    edit "geo"
        set type geography
        set country "JP"
    next
    edit "bare"
    next
end
config firewall service custom
    edit "GRE-X"
        set protocol IP
        set protocol-number 47
    next
    edit "ECHO-ANY"
        set protocol ICMP
        unset icmptype
    next
    edit "PROXY"
        set protocol CONNECT
    next
end
config firewall policy
    edit 1
        set srcintf "port1"
        set dstintf "port2"
        set srcaddr "wild"
        set dstaddr "bare"
        set action accept
        set schedule "always"
        set service "GRE-X" "ECHO-ANY"
    next
    edit 2
        set srcintf "port1"
        set dstintf "port2"
        set srcaddr "geo"
        set dstaddr "all"
        set action accept
        set schedule "always"
        set service "ALL_TCP"
    next
    edit 3
        set srcintf "port1"
        set dstintf "port2"
        set srcaddr "all"
        set dstaddr "nosuch"
        set action accept
        set schedule "always"
        set service "PROXY"
    next
    edit 4
        set srcintf "port1"
        set dstintf "port2"
        set srcaddr6 "all"
        set dstaddr6 "all"
        set action accept
        set schedule "always"
        set service "ALL"
    next
end
)");
  const auto& r = d.filters.at("firewall-policy").rules;
  REQUIRE(r.size() == 4);
  // FortiOS wildcard: the mask marks the bits that must match.
  CHECK(r[0].src.at(0).addr == ip("10.0.0.5"));
  CHECK(r[0].src.at(0).wildcard == 0x00FF0000u);
  CHECK(r[0].dst.at(0).is_any());  // an ipmask address without subnet is 0.0.0.0/0
  CHECK(r[0].services.at(0).protocol == 47);
  CHECK(r[0].services.at(1).protocol == 1);
  CHECK_FALSE(r[0].services.at(1).icmp_type);
  CHECK(r[0].understood);
  CHECK_FALSE(r[1].understood);  // geography
  CHECK(r[1].services.at(0).protocol == 6);
  CHECK(r[1].services.at(0).dst_ports.empty());  // 1-65535: any port
  CHECK_FALSE(r[2].understood);                  // undefined address, proxy service
  CHECK(r[3].inactive);                          // IPv6 only
}
