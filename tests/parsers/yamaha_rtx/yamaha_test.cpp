// Yamaha RTX/NVR parser: unit tests per construct, the shared examples and the corpus fragments.
// The hidden [.report] test writes docs/corpus/yamaha_rtx.md.
#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "parsers/registry.h"
#include "parsers/yamaha_rtx/yamaha_rtx.h"
#include "tests/test_paths.h"

using namespace gp;

namespace {

Ipv4 ip(const char* s) { return *parse_ipv4(s); }

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

model::Device parse(const std::string& text) { return parsers::parse_yamaha_rtx(text, "rtx.cfg"); }

const model::Interface& ifc(const model::Device& d, const std::string& n) {
  const auto* i = d.find_interface(n);
  REQUIRE(i);
  return *i;
}

// Every Yamaha file the tests read: the shared examples and the corpus fragments.
std::vector<std::string> yamaha_files() {
  std::vector<std::string> out = {"examples/jp-vendors/yamaha-rtx1210-hq-show-config.txt",
                                  "examples/jp-vendors/yamaha-rtx830-pump-station-tftp.txt"};
  std::istringstream in(slurp(test::shared_dir() + "/corpus/MANIFEST.tsv"));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream ls(line);
    std::string col;
    while (std::getline(ls, col, '\t')) cols.push_back(col);
    if (cols.size() > 5 && cols[5] == "Yamaha RTX") out.push_back("corpus/" + cols[0]);
  }
  return out;
}

// A packet (protocol, dst port) through a filter: first match, then the default.
model::Action decide(const model::Filter& f, Ipv4 src, Ipv4 dst, int proto, int dport) {
  for (const auto& r : f.rules) {
    bool s = false, d = false, sv = false;
    for (const auto& m : r.src) s |= m.matches(src);
    for (const auto& m : r.dst) d |= m.matches(dst);
    for (const auto& t : r.services) {
      if (t.protocol && *t.protocol != proto) continue;
      if (t.established_only) continue;
      bool port = t.dst_ports.empty(), sport = t.src_ports.empty();
      for (const auto& p : t.dst_ports) port |= dport >= p.lo && dport <= p.hi;
      for (const auto& p : t.src_ports) sport |= 40000 >= p.lo && 40000 <= p.hi;  // an ephemeral port
      sv |= port && sport;
    }
    if (s && d && sv) return r.action;
  }
  return f.default_action;
}

}  // namespace

TEST_CASE("Yamaha: detection", "[yamaha]") {
  CHECK(parsers::looks_like_yamaha_rtx(
      "# RTX1210 Rev.14.01.42 (Fri Jul  5 11:17:45 2024)\nip lan1 address 192.168.100.1/24\n"));
  CHECK(parsers::looks_like_yamaha_rtx("ip lan1 address 192.168.100.1/24\npp select 1\n pppoe use lan2\n"));
  CHECK_FALSE(parsers::looks_like_yamaha_rtx(
      "hostname r1\ninterface GigabitEthernet0/0\n ip address 10.0.0.1 255.255.255.0\n"));
  CHECK(parsers::detect_vendor(
            slurp(test::shared_dir() + "/examples/jp-vendors/yamaha-rtx830-pump-station-tftp.txt")) ==
        model::Vendor::YamahaRtx);
  CHECK(parsers::detect_vendor(
            slurp(test::shared_dir() + "/examples/jp-vendors/nec-ix2215-hq-running-config.txt")) !=
        model::Vendor::YamahaRtx);
}

TEST_CASE("Yamaha: interfaces, pp select context and PPPoE", "[yamaha]") {
  auto d = parse(
      "ip lan1 address 192.168.10.1/24\n"
      "ip lan3 address 172.16.10.1/255.255.255.0\n"
      "ip lan2 dhcp service client\n"
      "pp select 1\n"
      " pppoe use lan2\n"
      " ip pp mtu 1454\n"
      " pp enable 1\n"
      "pp select none\n"
      "tunnel select 2\n"
      " tunnel enable 2\n"
      "tunnel select none\n");
  CHECK(ifc(d, "lan1").ipv4.at(0).prefix == Prefix{ip("192.168.10.1"), 24});
  CHECK(ifc(d, "lan3").ipv4.at(0).prefix.len == 24);
  CHECK(ifc(d, "lan2").dhcp_client);
  CHECK(ifc(d, "pp1").pppoe);
  CHECK(ifc(d, "pp1").parent == "lan2");
  CHECK(ifc(d, "pp1").up());
  CHECK(ifc(d, "pp1").kind == model::InterfaceKind::Dialer);
  CHECK(ifc(d, "tunnel2").up());
  CHECK(d.unrecognised.empty());
}

TEST_CASE("Yamaha: a pp that is never enabled is down", "[yamaha]") {
  auto d = parse("pp select 1\n pppoe use lan2\npp select none\n");
  CHECK_FALSE(ifc(d, "pp1").up());
}

TEST_CASE("Yamaha: ip filter forms and secure filter lists", "[yamaha]") {
  auto d = parse(
      "ip lan1 address 192.168.10.1/24\n"
      "ip lan1 secure filter in 10 11 12 13 14 99\n"
      "ip filter 10 reject * * udp,tcp netbios_ns-netbios_ssn *\n"
      "ip filter 11 pass 192.168.10.10-192.168.10.11 172.16.0.0/12 tcp * 502\n"
      "ip filter 12 pass 192.168.10.* * tcp * www,21\n"
      "ip filter 13 restrict * * tcpfin * www\n"
      "ip filter 14 pass * 10.0.0.1,10.0.0.2 icmp 8 *\n"
      "ip filter 99 reject * * * * *\n");
  REQUIRE(d.unrecognised.empty());
  const auto& f = d.filters.at(ifc(d, "lan1").filter_in);
  REQUIRE(f.rules.size() == 6);
  CHECK(f.default_action == model::Action::Deny);
  CHECK(f.rules[0].action == model::Action::Deny);
  CHECK(f.rules[0].services.size() == 2);
  CHECK(f.rules[0].services[0].src_ports.at(0).lo == 137);
  CHECK(f.rules[0].services[0].src_ports.at(0).hi == 139);
  CHECK(f.rules[1].src.size() == 1);  // .10-.11 is one /31
  CHECK(f.rules[2].src.at(0).wildcard == 0xFF);
  CHECK(f.rules[2].services[0].dst_ports.size() == 2);
  CHECK(f.rules[3].services[0].established_only);
  CHECK(f.rules[4].dst.size() == 2);
  CHECK(f.rules[4].services[0].icmp_type == 8);
  CHECK(decide(f, ip("192.168.10.10"), ip("172.16.10.5"), 6, 502) == model::Action::Permit);
  CHECK(decide(f, ip("192.168.10.12"), ip("172.16.10.5"), 6, 502) == model::Action::Deny);
  CHECK(f.rules[0].src_ref.line == 3);
}

TEST_CASE("Yamaha: a missing filter number matches nothing; unparsable filters fail closed", "[yamaha]") {
  auto d = parse(
      "ip lan1 secure filter in 1 2 3\n"
      "ip filter 1 pass *.example.co.jp * * * *\n"
      "ip filter 3 pass * * tcpflag=0x0002/0x0017 * *\n");
  const auto& f = d.filters.at(ifc(d, "lan1").filter_in);
  REQUIRE(f.rules.size() == 2);
  CHECK_FALSE(f.rules[0].understood);
  CHECK_FALSE(f.rules[1].understood);
  bool noted = false;
  for (const auto& n : d.notes) noted |= n.first.find("filter 2 is not defined") != std::string::npos;
  CHECK(noted);
}

TEST_CASE("Yamaha: dynamic filters permit new connections", "[yamaha]") {
  auto d = parse(
      "pp select 1\n ip pp secure filter out 99 dynamic 80 81\n pp enable 1\n"
      "ip filter 99 reject * * * * *\n"
      "ip filter dynamic 80 * * www syslog=off\n"
      "ip filter dynamic 81 * * filter 5\n"
      "ip filter 5 pass * * tcp * 8080\n");
  const auto& f = d.filters.at(ifc(d, "pp1").filter_out);
  REQUIRE(f.rules.size() == 3);  // outbound list: dynamic numbers after the static ones
  CHECK(f.rules[0].action == model::Action::Deny);
  CHECK(f.rules[1].action == model::Action::Permit);
  CHECK(f.rules[1].services.at(0).dst_ports.at(0).lo == 80);
  CHECK(f.rules[2].services.at(0).dst_ports.at(0).lo == 8080);
  auto e = parse(
      "ip lan1 secure filter in 99 dynamic 80\nip filter 99 reject * * * * *\nip filter dynamic 80 * * "
      "www\n");
  const auto& g = e.filters.at(ifc(e, "lan1").filter_in);
  REQUIRE(g.rules.size() == 2);  // inbound list: dynamic first (admits the most)
  CHECK(g.rules[0].action == model::Action::Permit);
}

TEST_CASE("Yamaha: NAT masquerade, port forwards, roles", "[yamaha]") {
  auto d = parse(
      "ip lan1 address 192.168.10.1/24\n"
      "pp select 1\n pppoe use lan2\n ip pp nat descriptor 1000\n pp enable 1\npp select none\n"
      "nat descriptor type 1000 masquerade\n"
      "nat descriptor address outer 1000 ipcp\n"
      "nat descriptor address inner 1000 auto\n"
      "nat descriptor masquerade static 1000 1 192.168.10.50 tcp 8080=www\n"
      "nat descriptor masquerade static 1000 2 192.168.10.1 esp\n"
      "nat descriptor masquerade static 1000 3 192.168.10.60 tcp 502,20000\n");
  REQUIRE(d.unrecognised.empty());
  CHECK(d.stateful);
  CHECK(ifc(d, "pp1").nat_role == model::NatRole::Outside);
  CHECK(ifc(d, "lan1").nat_role == model::NatRole::Inside);
  int pat = 0, fwd = 0;
  for (const auto& r : d.nat) {
    CHECK(r.mapped_interface_name == "pp1");
    if (r.kind == model::NatKind::Pat) {
      ++pat;
      CHECK(r.mapped_is_interface);
    }
    if (r.kind == model::NatKind::StaticPort) {
      ++fwd;
      CHECK(r.understood);
      CHECK(r.protocol == 6);
    }
  }
  CHECK(pat == 1);
  CHECK(fwd == 3);  // 8080->80 on .50, 502 and 20000 on .60; ESP to the router itself is a note
  CHECK(d.nat[0].mapped_port == 8080);
  CHECK(d.nat[0].real_port == 80);
}

TEST_CASE("Yamaha: NAT static and incoming through", "[yamaha]") {
  auto d = parse(
      "ip lan2 address 203.0.113.2/29\n"
      "ip lan2 nat descriptor 1\n"
      "nat descriptor type 1 nat\n"
      "nat descriptor address outer 1 203.0.113.3-203.0.113.6\n"
      "nat descriptor static 1 1 203.0.113.4=192.168.1.4 4\n"
      "nat descriptor masquerade incoming 1 through\n");
  bool st = false, dyn = false, through = false;
  for (const auto& r : d.nat) {
    if (r.kind == model::NatKind::Static && r.understood) st = r.mapped_src->len == 30;
    if (r.kind == model::NatKind::Dynamic) dyn = !r.pool.empty();
    if (!r.understood) through = true;
  }
  CHECK(st);
  CHECK(dyn);
  CHECK(through);
}

TEST_CASE("Yamaha: outbound filter on a NAT interface with a source test fails closed", "[yamaha]") {
  auto d = parse(
      "pp select 1\n pppoe use lan2\n ip pp secure filter out 1 2\n ip pp nat descriptor 1\n pp enable 1\n"
      "nat descriptor type 1 masquerade\n"
      "ip filter 1 pass 192.168.10.0/24 * * * *\n"
      "ip filter 2 reject * * * * *\n");
  const auto& f = d.filters.at(ifc(d, "pp1").filter_out);
  CHECK_FALSE(f.rules[0].understood);
  CHECK(f.rules[1].understood);
}

TEST_CASE("Yamaha: routes", "[yamaha]") {
  auto d = parse(
      "ip route default gateway pp 1\n"
      "ip route 172.16.20.0/24 gateway tunnel 1\n"
      "ip route 10.0.0.0/8 gateway 192.168.1.20 gateway 192.168.1.21\n"
      "ip route 10.9.9.9 gateway null\n"
      "ip route 10.8.0.0/16 gateway pp 1 filter 500000 gateway pp 2\n");
  REQUIRE(d.routes.size() == 7);
  CHECK(d.routes[0].prefix.len == 0);
  CHECK(d.routes[0].out_interface == "pp1");
  CHECK(d.routes[1].out_interface == "tunnel1");
  CHECK(*d.routes[2].next_hop == ip("192.168.1.20"));
  CHECK(*d.routes[3].next_hop == ip("192.168.1.21"));
  CHECK(d.routes[4].null_route);
  CHECK(d.routes[4].prefix.len == 32);
  CHECK(d.routes[6].out_interface == "pp2");
}

TEST_CASE("Yamaha: IPsec site-to-site and L2TP remote access", "[yamaha]") {
  auto d = parse(
      "ip route 172.16.20.0/24 gateway tunnel 1\n"
      "tunnel select 1\n ipsec tunnel 101\n  ipsec sa policy 101 1 esp aes-cbc\n"
      "  ipsec ike remote address 1 203.0.113.10\n  ipsec ike pre-shared-key 1 text \"Sup3r Secret\"\n"
      " tunnel enable 1\n"
      "tunnel select 10\n tunnel encapsulation l2tp\n ipsec tunnel 110\n  ipsec sa policy 110 10 esp aes-cbc "
      "sha-hmac\n"
      "  ipsec ike remote address 10 any\n tunnel enable 10\n"
      "pp select anonymous\n pp bind tunnel10\n pp auth username u1 Pw1 \n ip pp remote address pool "
      "192.168.10.241-192.168.10.249\n"
      " pp enable anonymous\n");
  REQUIRE(d.unrecognised.empty());
  REQUIRE(d.vpns.size() == 2);
  const auto& s2s = d.vpns[0];
  CHECK(s2s.kind == model::VpnKind::SiteToSiteIpsec);
  CHECK(s2s.peers.at(0) == ip("203.0.113.10"));
  CHECK(s2s.remote_networks.size() == 1);
  // The SA policy at its line (ESP aes-cbc, no integrity), then one proposal per IKE setting: none
  // written, so each is the documented default, at the first line naming gateway 1.
  REQUIRE(s2s.proposals.size() == 4);
  CHECK(s2s.proposals[0].text.find("no integrity") != std::string::npos);
  CHECK(s2s.proposals[0].algorithms == std::vector<std::string>{"aes128", "none"});
  CHECK(s2s.proposals[0].src_ref.line == 4);
  CHECK(s2s.proposals[1].text == "ike encryption 3des-cbc");
  CHECK(s2s.proposals[1].algorithms == std::vector<std::string>{"3des"});
  CHECK_FALSE(s2s.proposals[1].assumed_default.empty());
  CHECK(s2s.proposals[1].src_ref.line == 5);
  CHECK(s2s.proposals[3].algorithms == std::vector<std::string>{"modp1024"});
  CHECK(s2s.authentication == "psk");
  const auto& ra = d.vpns[1];
  CHECK(ra.kind == model::VpnKind::L2tp);
  CHECK(ra.peer_any);
  CHECK_FALSE(ra.client_pools.empty());
  for (const auto& s : d.secrets) {
    CHECK(s.digest.find("Secret") == std::string::npos);
    CHECK(s.owner.find("Secret") == std::string::npos);
  }
}

TEST_CASE("Yamaha: accounts and management defaults", "[yamaha]") {
  auto d = parse("ip lan1 address 192.168.100.1/24\n");
  int absent = 0;
  for (const auto& s : d.secrets)
    if (s.storage_id == "yamaha-absent") {
      ++absent;
      CHECK(s.storage == model::SecretStorage::Absent);  // no password at all, not one stored in clear
    }
  CHECK(absent == 2);
  bool telnet = false;
  for (const auto& m : d.services)
    if (m.protocol == model::MgmtProtocol::Telnet)
      telnet = m.enabled && m.is_default && m.allowed_sources.empty();
  CHECK(telnet);

  auto e = parse(
      "ip lan1 address 192.168.100.1/24\n"
      "login password encrypted *\nadministrator password Adm1n!\nlogin user op encrypted 3kQv9TzLw0xPa7Ne\n"
      "telnetd service off\nsshd service on\nsshd host 192.168.100.20-192.168.100.29\nhttpd host lan\n"
      "snmp host any\n");
  REQUIRE(e.unrecognised.empty());
  for (const auto& m : e.services) {
    if (m.protocol == model::MgmtProtocol::Telnet) CHECK_FALSE(m.enabled);
    if (m.protocol == model::MgmtProtocol::Ssh)
      CHECK((m.enabled && m.allowed_sources.size() == 3));  // .20-.29 = /30 /30 /31
    if (m.protocol == model::MgmtProtocol::Http)
      CHECK(m.allowed_interfaces == std::vector<std::string>{"lan1"});
    if (m.protocol == model::MgmtProtocol::Snmp) CHECK((m.enabled && m.allowed_sources.empty()));
  }
  bool pub = false;
  for (const auto& s : e.secrets) pub |= s.storage_id == "yamaha-default-community";
  CHECK(pub);
}

TEST_CASE("Yamaha: Shift_JIS, CRLF, comments, quotes, wraps and capture debris", "[yamaha]") {
  std::string text =
      "RTX1210> show config\r\n"
      "# RTX1210 Rev.14.01.42 (Fri Jul  5 11:17:45 2024)\r\n"
      "description lan1 \"\x83\x76\x83\x89\x83\x93\x83\x67 LAN\"\r\n"
      "ip lan1 address 192.168.10.1/24   # trailing comment\r\n"
      "snmp syslocation 'Pump St.01 panel #2'\r\n"
      "--- \x82\xc2\x82\xc3\x82\xad ---\r\n"
      "ip lan1 secure filter in 100000 100001 100002 100003 100004 100005 100006 10000\r\n"
      "7 100099\r\n"
      "ip filter 100007 pass * * * * *\r\n"
      "ip filter 100099 reject * * * * *\r\n"
      "\xff\xfe\x00garbage\r\n";
  auto d = parse(text);
  CHECK(d.os_version == "14.01.42");
  CHECK(ifc(d, "lan1").ipv4.size() == 1);
  CHECK(ifc(d, "lan1").description.find('\x83') == std::string::npos);
  const auto& f = d.filters.at(ifc(d, "lan1").filter_in);
  CHECK(f.rules.size() == 2);  // 100007 joined across the wrap; 100000.. not defined
  for (const auto& u : d.unrecognised) INFO(u.src_ref.line << " " << u.text);
  REQUIRE(d.unrecognised.size() == 1);
  CHECK(d.unrecognised[0].src_ref.line == 11);
  CHECK(d.total_lines == 11);
}

TEST_CASE("Yamaha: secrets are masked in unrecognised lines", "[yamaha]") {
  auto d = parse(
      "radius secret S3cretValue\nmail server smtp 1 x.example smtp-auth user password Pw9\n"
      "pp select 1\n pp auth weird myname pass Zz9\n");
  for (const auto& u : d.unrecognised) {
    CHECK(u.text.find("S3cretValue") == std::string::npos);
    CHECK(u.text.find("Pw9") == std::string::npos);
    CHECK(u.text.find("Zz9") == std::string::npos);
  }
}

TEST_CASE("Yamaha: garbage never crashes", "[yamaha]") {
  std::string junk;
  for (int i = 0; i < 4000; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  auto d = parse(junk);
  CHECK(d.total_lines > 0);
  parse(
      "ip filter\nip filter 1\nip filter 1 pass\nip route\nip route default gateway\nnat descriptor static "
      "1\n"
      "ip lan1 secure filter in x\ntunnel select\npp select abc\nip pp address 1.2.3.4/24\n"
      "nat descriptor masquerade static 1 1 10.0.0.1 tcp 99999\nip filter 5 pass 1.2.3.4-1.2.3.1 * * * *\n");
}

TEST_CASE("Yamaha: shared examples and corpus fragments parse", "[yamaha]") {
  for (const auto& rel : yamaha_files()) {
    INFO(rel);
    std::string content = slurp(test::shared_dir() + "/" + rel);
    REQUIRE_FALSE(content.empty());
    auto d = parsers::parse_yamaha_rtx(content, rel);
    CHECK(d.total_lines > 0);
    for (const auto& u : d.unrecognised) {
      INFO(u.src_ref.str() << "  " << u.text);
      CHECK(u.text.find("Psk") == std::string::npos);
    }
  }
}

TEST_CASE("Yamaha: HQ example facts", "[yamaha]") {
  std::string rel = "examples/jp-vendors/yamaha-rtx1210-hq-show-config.txt";
  auto d = parsers::parse_yamaha_rtx(slurp(test::shared_dir() + "/" + rel), rel);
  CHECK(d.os_version == "14.01.42");
  CHECK(ifc(d, "pp1").pppoe);
  CHECK(ifc(d, "pp1").nat_role == model::NatRole::Outside);
  CHECK(ifc(d, "lan3").ipv4.at(0).prefix == Prefix{ip("172.16.10.1"), 24});
  const auto& in = d.filters.at(ifc(d, "pp1").filter_in);
  // Internet -> SCADA: nothing permits it (200110 reject at the end; post-NAT addresses).
  CHECK(decide(in, ip("198.51.100.7"), ip("172.16.10.10"), 6, 502) == model::Action::Deny);
  CHECK(decide(in, ip("198.51.100.7"), ip("192.168.10.1"), 17, 500) == model::Action::Permit);
  CHECK(d.vpns.size() == 3);
  for (const auto& u : d.unrecognised) {
    INFO(u.text);
    CHECK(u.text.find("Vnd0r") == std::string::npos);
  }
}

TEST_CASE("Yamaha corpus: report of unrecognised lines", "[.report]") {
  std::ostringstream md;
  md << "# Yamaha RTX/NVR parser: coverage of the shared examples and corpus fragments\n\n"
        "Generated by `./build-jp/tests/gapproof-tests \"[.report]\"` (test \"Yamaha corpus: report of "
        "unrecognised lines\"). Every non-blank line is recognised (modelled), ignored (an explicit table "
        "of irrelevant commands, comments and capture debris) or unrecognised (listed below, secrets masked; "
        "the prover treats unrecognised lines that can affect forwarding as unknown).\n\n"
        "| file | lines | ignored | unrecognised | interfaces | filters | NAT rules | routes | VPNs |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  std::ostringstream detail;
  for (const auto& rel : yamaha_files()) {
    auto d = parsers::parse_yamaha_rtx(slurp(test::shared_dir() + "/" + rel), rel);
    md << "| `" << rel << "` | " << d.total_lines << " | " << d.ignored_lines << " | "
       << d.unrecognised.size() << " | " << d.interfaces.size() << " | " << d.filters.size() << " | "
       << d.nat.size() << " | " << d.routes.size() << " | " << d.vpns.size() << " |\n";
    if (!d.unrecognised.empty()) {
      detail << "\n## `" << rel << "`\n\n";
      for (const auto& u : d.unrecognised)
        detail << "- line " << u.src_ref.line << ": `" << u.text << "`"
               << (u.affects_forwarding ? "" : " (management only)") << "\n";
    }
  }
  md << "\n# Unrecognised lines\n" << detail.str();
  std::ofstream(test::source_dir() + "/docs/corpus/yamaha_rtx.md") << md.str();
  std::cout << md.str();
}

TEST_CASE("Yamaha/NEC: detection claims no other corpus file", "[yamaha][nec]") {
  std::istringstream in(slurp(test::shared_dir() + "/corpus/MANIFEST.tsv"));
  std::string line;
  std::getline(in, line);
  int checked = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream ls(line);
    std::string col;
    while (std::getline(ls, col, '\t')) cols.push_back(col);
    if (cols.size() < 6 || cols[5] == "Yamaha RTX") continue;
    std::string content = slurp(test::shared_dir() + "/corpus/" + cols[0]);
    INFO(cols[0]);
    auto v = parsers::detect_vendor(content);
    CHECK(v != model::Vendor::YamahaRtx);
    CHECK(v != model::Vendor::NecIx);
    ++checked;
  }
  CHECK(checked > 300);
}
