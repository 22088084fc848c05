// ASA parser: NAT, VPN, management, accounts and secrets.
#include <catch2/catch.hpp>
#include <cstdio>

#include "tests/parsers/cisco_asa/asa_test_util.h"

using namespace gp;
using gp::test::asa::all_text;
using gp::test::asa::has_unrecognised_line;
using gp::test::asa::ifc;
using gp::test::asa::parse;
using model::NatKind;

namespace {
Ipv4 ip(const char* s) { return *parse_ipv4(s); }

const char* kIfcs =
    "interface Gi0/0\n nameif outside\n security-level 0\n ip address 198.51.100.2 255.255.255.0\n"
    "interface Gi0/1\n nameif inside\n security-level 100\n ip address 10.0.0.1 255.255.255.0\n";
// kIfcs is 8 lines.
}  // namespace

TEST_CASE("ASA object NAT: static, port forward, dynamic PAT, pools; section 2 order", "[asa]") {
  auto d = parse(std::string(kIfcs) +
                 "object network web\n"                                               // 9
                 " host 10.0.0.10\n"                                                  // 10
                 " nat (inside,outside) static 198.51.100.10 service tcp www 8080\n"  // 11
                 "object network lan\n"                                               // 12
                 " subnet 10.0.0.0 255.255.255.0\n"                                   // 13
                 "object network pool\n"                                              // 14
                 " range 198.51.100.100 198.51.100.103\n"                             // 15
                 "object network one\n"                                               // 16
                 " host 198.51.100.50\n"                                              // 17
                 "object network lan2\n"                                              // 18
                 " subnet 10.1.0.0 255.255.255.0\n"                                   // 19
                 "object network srv\n"                                               // 20
                 " host 10.0.0.20\n"                                                  // 21
                 "object network lan\n"                                               // 22
                 " nat (inside,outside) dynamic interface\n"                          // 23
                 "object network lan2\n"                                              // 24
                 " nat (inside,outside) dynamic pool\n"                               // 25
                 "object network srv\n"                                               // 26
                 " nat (inside,outside) static one\n"                                 // 27
                 "object network rng\n"                                               // 28
                 " range 10.0.0.30 10.0.0.31\n"                                       // 29
                 " nat (inside,outside) dynamic one\n"                                // 30
                 "object network srv3\n"                                              // 31
                 " host 10.0.0.40\n"                                                  // 32
                 " nat (inside,outside) static pool\n");                              // 33
  REQUIRE(d.nat.size() == 6);
  // Statics first (by real address count, then address): web(1,.10), srv(1,.20), srv3(1,.40);
  // then dynamics: rng(2), lan(256, 10.0.0.0), lan2(256, 10.1.0.0).
  const auto& web = d.nat[0];
  CHECK(web.kind == NatKind::StaticPort);
  CHECK(web.protocol == 6);
  CHECK(web.real_port == 80);
  CHECK(web.mapped_port == 8080);
  CHECK(web.mapped_src == Prefix{ip("198.51.100.10"), 32});
  CHECK(web.real_src.at(0).addr == ip("10.0.0.10"));
  CHECK(web.real_interface == "inside");
  CHECK(web.mapped_interface_name == "outside");
  CHECK(web.order_section == 2);
  CHECK(web.src_ref.line == 9);
  CHECK(web.decided_ref.line == 11);
  const auto& srv = d.nat[1];
  CHECK(srv.kind == NatKind::Static);
  CHECK(srv.mapped_src == Prefix{ip("198.51.100.50"), 32});
  CHECK(srv.src_ref.line == 20);
  CHECK(srv.decided_ref.line == 27);  // the nat line in the second "object network srv"
  const auto& srv3 = d.nat[2];
  CHECK_FALSE(srv3.understood);  // static to a range
  CHECK(has_unrecognised_line(d, 33));
  const auto& rng = d.nat[3];
  CHECK(rng.kind == NatKind::Pat);  // pool object is a single host
  CHECK(rng.real_src.size() == 1);  // 10.0.0.30/31
  const auto& lan = d.nat[4];
  CHECK(lan.kind == NatKind::Pat);
  CHECK(lan.mapped_is_interface);
  CHECK(lan.mapped_interface == "Gi0/0");
  const auto& lan2 = d.nat[5];
  CHECK(lan2.kind == NatKind::Dynamic);
  CHECK(lan2.pool.size() == 1);
  CHECK(lan2.pool[0] == Prefix{ip("198.51.100.100"), 30});
}

TEST_CASE("ASA twice NAT: sections, identity, destination, service", "[asa]") {
  auto d = parse(std::string(kIfcs) +
                 "object network lan\n subnet 10.0.0.0 255.255.255.0\n"                            // 9-10
                 "object network vpn\n subnet 10.99.0.0 255.255.255.0\n"                           // 11-12
                 "object network pub\n host 198.51.100.77\n"                                       // 13-14
                 "object network srv\n host 10.0.0.5\n"                                            // 15-16
                 "object network dmap\n host 203.0.113.5\n"                                        // 17-18
                 "object network dreal\n host 172.16.0.5\n"                                        // 19-20
                 "object service s80\n service tcp destination eq 80\n"                            // 21-22
                 "object service s8080\n service tcp destination eq 8080\n"                        // 23-24
                 "object network auto\n host 10.0.0.9\n nat (inside,outside) dynamic interface\n"  // 25-27
                 "nat (inside,outside) after-auto source dynamic any interface\n"                  // 28
                 "nat (inside,outside) source static lan lan destination static vpn vpn no-proxy-arp "
                 "route-lookup\n"                                                              // 29
                 "nat (inside,outside) source static srv pub service s80 s8080\n"              // 30
                 "nat (inside,outside) source static srv pub destination static dmap dreal\n"  // 31
                 "nat (inside,outside) source dynamic lan pub\n"                               // 32
                 "nat (inside,outside) source static srv pub inactive\n");                     // 33
  REQUIRE(d.nat.size() == 6);
  CHECK(d.nat[0].kind == NatKind::Identity);
  CHECK(d.nat[0].order_section == 1);
  CHECK(d.nat[0].real_dst.at(0).addr == ip("10.99.0.0"));
  CHECK(d.nat[0].src_ref.line == 29);
  CHECK(d.nat[1].kind == NatKind::StaticPort);
  CHECK(d.nat[1].real_port == 80);
  CHECK(d.nat[1].mapped_port == 8080);
  CHECK(d.nat[1].mapped_src == Prefix{ip("198.51.100.77"), 32});
  CHECK(d.nat[2].kind == NatKind::Static);
  CHECK(d.nat[2].real_dst.at(0).addr == ip("203.0.113.5"));
  CHECK(d.nat[2].dst_mapped == Prefix{ip("203.0.113.5"), 32});
  CHECK(d.nat[2].dst_real == Prefix{ip("172.16.0.5"), 32});
  CHECK(d.nat[3].kind == NatKind::Pat);  // dynamic to a single host
  CHECK(d.nat[4].order_section == 2);
  CHECK(d.nat[4].src_ref.line == 25);
  CHECK(d.nat[5].order_section == 3);
  CHECK(d.nat[5].kind == NatKind::Pat);
  CHECK(d.nat[5].mapped_is_interface);
  for (const auto& r : d.nat) CHECK(r.understood);
  CHECK(d.unrecognised.empty());
}

TEST_CASE("ASA pre-8.3 NAT is not modelled (fail closed)", "[asa]") {
  auto d = parse(std::string(kIfcs) +
                 "nat-control\n"                                                              // 9
                 "global (outside) 1 interface\n"                                             // 10
                 "nat (inside) 1 0.0.0.0 0.0.0.0\n"                                           // 11
                 "static (inside,outside) 198.51.100.9 10.0.0.9 netmask 255.255.255.255\n");  // 12
  REQUIRE(d.nat.size() == 4);
  for (const auto& r : d.nat) {
    CHECK_FALSE(r.understood);
    CHECK(r.why_not_understood.find("pre-8.3") != std::string::npos);
  }
  for (int l = 9; l <= 12; ++l) CHECK(has_unrecognised_line(d, l));
  CHECK(d.unrecognised.at(0).context == model::LineContext::Nat);
}

TEST_CASE("ASA AnyConnect with pools is remote access", "[asa]") {
  auto d = parse(std::string(kIfcs) +
                 "ip local pool AC 10.99.0.10-10.99.0.20 mask 255.255.255.0\n"      // 9
                 "ip local pool UNUSED 10.98.0.1-10.98.0.2\n"                       // 10
                 "access-list VF extended permit ip 10.99.0.0 255.255.255.0 any\n"  // 11
                 "webvpn\n"                                                         // 12
                 " enable outside\n"                                                // 13
                 " anyconnect image disk0:/ac.pkg 1\n"                              // 14
                 " anyconnect enable\n"                                             // 15
                 " tunnel-group-list enable\n"                                      // 16
                 "group-policy GP internal\n"                                       // 17
                 "group-policy GP attributes\n"                                     // 18
                 " vpn-filter value VF\n"                                           // 19
                 " vpn-tunnel-protocol ssl-client\n"                                // 20
                 " split-tunnel-policy tunnelspecified\n"                           // 21
                 "tunnel-group RA type remote-access\n"                             // 22
                 "tunnel-group RA general-attributes\n"                             // 23
                 " address-pool AC\n"                                               // 24
                 " default-group-policy GP\n");                                     // 25
  REQUIRE(d.vpns.size() == 1);
  const auto& v = d.vpns[0];
  CHECK(v.kind == model::VpnKind::RemoteAccess);
  CHECK(v.interface == "Gi0/0");
  CHECK(v.filter == "VF");
  CHECK(v.bypasses_interface_acl);
  CHECK(v.src_ref.line == 13);
  // 10.99.0.10-20: .10/31 .12/30 .16/30 .20/32
  REQUIRE(v.client_pools.size() == 4);
  CHECK(v.client_pools[0] == Prefix{ip("10.99.0.10"), 31});
  CHECK(v.client_pools[3] == Prefix{ip("10.99.0.20"), 32});
  CHECK(v.understood);
  CHECK(d.unrecognised.empty());
}

TEST_CASE("ASA RA pool referenced by nothing is still a remote-access pool", "[asa]") {
  auto d = parse(std::string(kIfcs) +
                 "ip local pool P 10.99.0.0-10.99.0.255\n"
                 "no sysopt connection permit-vpn\n"
                 "webvpn\n enable outside\n anyconnect enable\n");
  REQUIRE(d.vpns.size() == 1);
  CHECK(d.vpns[0].client_pools.at(0) == Prefix{ip("10.99.0.0"), 24});
  CHECK_FALSE(d.vpns[0].bypasses_interface_acl);
}

TEST_CASE("ASA crypto map is site-to-site with ACL networks and peer", "[asa]") {
  auto d = parse(std::string(kIfcs) +
                 "access-list L2L extended permit ip 10.0.0.0 255.255.255.0 10.200.0.0 255.255.0.0\n"  // 9
                 "crypto ipsec ikev1 transform-set TS esp-aes-256 esp-sha-hmac\n"                      // 10
                 "crypto map CM 10 match address L2L\n"                                                // 11
                 "crypto map CM 10 set peer 203.0.113.9\n"                                             // 12
                 "crypto map CM 10 set ikev1 transform-set TS\n"                                       // 13
                 "crypto map CM 10 set pfs group14\n"                                                  // 14
                 "crypto map CM 20 ipsec-isakmp dynamic DYN\n"                                         // 15
                 "crypto dynamic-map DYN 1 set ikev1 transform-set TS\n"                               // 16
                 "crypto map CM interface outside\n"                                                   // 17
                 "crypto ikev1 enable outside\n"                                                       // 18
                 "crypto ikev1 policy 10\n authentication pre-share\n encryption 3des\n hash md5\n group 2\n "
                 "lifetime 86400\n"                             // 19-24
                 "tunnel-group 203.0.113.9 type ipsec-l2l\n"    // 25
                 "tunnel-group 203.0.113.9 ipsec-attributes\n"  // 26
                 " ikev1 pre-shared-key Sup3rS3cret\n");        // 27
  REQUIRE(d.vpns.size() == 2);
  const auto& v = d.vpns[0];
  CHECK(v.kind == model::VpnKind::SiteToSiteIpsec);
  CHECK(v.name == "CM 10");
  REQUIRE(v.peers.size() == 1);
  CHECK(v.peers[0] == ip("203.0.113.9"));
  CHECK(v.interface == "Gi0/0");
  CHECK(v.local_networks.at(0).addr == ip("10.0.0.0"));
  CHECK(v.remote_networks.at(0).addr == ip("10.200.0.0"));
  CHECK(v.remote_networks.at(0).wildcard == 0xFFFFu);
  CHECK(v.authentication == "psk");
  bool has_ts = false, has_policy = false;
  for (const auto& p : v.proposals) {
    has_ts = has_ts || p.text.find("esp-aes-256 esp-sha-hmac") != std::string::npos;
    has_policy = has_policy || p.text.find("3des") != std::string::npos;
  }
  CHECK(has_ts);
  CHECK(has_policy);
  CHECK(v.understood);
  CHECK(d.vpns[1].peer_any);
  CHECK(ifc(d, "outside")->crypto_map == "CM");
  REQUIRE(d.secrets.size() == 1);
  CHECK(d.secrets[0].kind == model::SecretKind::PreSharedKey);
  CHECK(d.secrets[0].storage == model::SecretStorage::Plain);
  CHECK(all_text(d).find("Sup3rS3cret") == std::string::npos);
  CHECK(d.unrecognised.empty());
}

TEST_CASE("ASA management services and TLS/SSH settings", "[asa]") {
  auto d = parse(std::string(kIfcs) +
                 "http server enable\n"                                             // 9
                 "http 192.168.1.0 255.255.255.0 inside\n"                          // 10
                 "http 0.0.0.0 0.0.0.0 outside\n"                                   // 11
                 "ssh 10.0.0.0 255.255.255.0 inside\n"                              // 12
                 "ssh version 2\n"                                                  // 13
                 "ssh key-exchange group dh-group1-sha1\n"                          // 14
                 "ssh cipher encryption custom 3des-cbc\n"                          // 15
                 "telnet 10.0.0.0 255.255.255.0 inside\n"                           // 16
                 "ssl server-version tlsv1\n"                                       // 17
                 "ssl cipher tlsv1 all\n"                                           // 18
                 "snmp-server host inside 10.0.0.50 community public version 2c\n"  // 19
                 "snmp-server community private\n");                                // 20
  auto find = [&](model::MgmtProtocol p) -> const model::MgmtService* {
    for (const auto& s : d.services)
      if (s.protocol == p) return &s;
    return nullptr;
  };
  const auto* https = find(model::MgmtProtocol::Https);
  REQUIRE(https);
  CHECK(https->enabled);
  CHECK(https->version == "tlsv1");
  REQUIRE(https->allowed_sources.size() == 2);
  CHECK(https->allowed_sources[0].addr == ip("192.168.1.0"));
  CHECK(https->allowed_sources[0].wildcard == 0xFFu);
  CHECK(https->allowed_sources[1].is_any());
  CHECK(https->allowed_interfaces == std::vector<std::string>{"inside", "outside"});
  CHECK(https->ciphers.at(0) == "tlsv1 all");
  const auto* ssh = find(model::MgmtProtocol::Ssh);
  REQUIRE(ssh);
  CHECK(ssh->enabled);
  CHECK(ssh->version == "2");
  CHECK(ssh->ciphers.size() == 2);
  const auto* tel = find(model::MgmtProtocol::Telnet);
  REQUIRE(tel);
  CHECK(tel->enabled);
  CHECK(tel->allowed_interfaces.at(0) == "inside");
  const auto* snmp = find(model::MgmtProtocol::Snmp);
  REQUIRE(snmp);
  CHECK(snmp->allowed_sources.at(0).addr == ip("10.0.0.50"));
  CHECK(snmp->version == "v2c");
  int communities = 0;
  for (const auto& s : d.secrets)
    if (s.kind == model::SecretKind::SnmpCommunity) ++communities;
  CHECK(communities == 2);
  const std::string text = all_text(d);
  CHECK(text.find("public") == std::string::npos);
  CHECK(text.find("private") == std::string::npos);
  CHECK(d.unrecognised.empty());
}

TEST_CASE("ASA ssh without version is noted", "[asa]") {
  auto d = parse("ssh 10.0.0.0 255.0.0.0 inside\n");
  bool noted = false;
  for (const auto& [n, r] : d.notes) noted = noted || n.find("ssh version") != std::string::npos;
  CHECK(noted);
}

TEST_CASE("ASA secrets: storage kinds, digests, never in clear", "[asa]") {
  auto d = parse(
      "enable password 8Ry2YjIyt7RRXU24 encrypted\n"                                  // 1
      "passwd 2KFQnbNIdI.2KYOU encrypted\n"                                           // 2
      "username admin password $sha512$5000$abcdefgh$ijklmnop pbkdf2 privilege 15\n"  // 3
      "username ops password PlainTextPw privilege 3\n"                               // 4
      "username nobody nopassword\n"                                                  // 5
      "username vpnuser password ***** encrypted\n"                                   // 6
      "aaa-server R protocol radius\n"                                                // 7
      "aaa-server R (inside) host 10.0.0.9\n"                                         // 8
      " key RadKey123\n"                                                              // 9
      "tunnel-group 1.2.3.4 type ipsec-l2l\n"                                         // 10
      "tunnel-group 1.2.3.4 ipsec-attributes\n"                                       // 11
      " ikev2 remote-authentication pre-shared-key RemotePsk9\n"                      // 12
      " ikev2 local-authentication pre-shared-key 8 AES-ENCRYPTED-BLOB\n"             // 13
      "snmp-server community CommStr1\n"                                              // 14
      "snmp-server enabel password LeakMe\n");                                        // 15 (typo)
  REQUIRE(d.secrets.size() >= 9);
  using model::SecretStorage;
  auto by_line = [&](int l) -> const model::Secret& {
    for (const auto& s : d.secrets)
      if (s.src_ref.line == l) return s;
    FAIL("no secret on line " << l);
    return d.secrets[0];
  };
  CHECK(by_line(1).kind == model::SecretKind::EnableSecret);
  CHECK(by_line(1).storage == SecretStorage::WeakHash);
  CHECK(by_line(2).storage == SecretStorage::WeakHash);
  CHECK(by_line(3).storage == SecretStorage::StrongHash);
  CHECK(by_line(3).owner == "admin");
  CHECK(by_line(3).privilege == 15);
  CHECK(by_line(4).storage == SecretStorage::Plain);
  CHECK(by_line(4).privilege == 3);
  CHECK(by_line(5).storage_id == "asa-nopassword");
  CHECK(by_line(6).storage == SecretStorage::Masked);
  CHECK(by_line(9).kind == model::SecretKind::RadiusKey);
  CHECK(by_line(12).kind == model::SecretKind::PreSharedKey);
  CHECK(by_line(13).storage == SecretStorage::Reversible);
  CHECK(by_line(14).kind == model::SecretKind::SnmpCommunity);
  // FNV-1a 64 of the stored string.
  auto fnv = [](const std::string& v) {
    uint64_t h = 14695981039346656037ull;
    for (unsigned char ch : v) h = (h ^ ch) * 1099511628211ull;
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return std::string(buf);
  };
  CHECK(fnv("a") == "af63dc4c8601ec8c");  // published FNV-1a 64 test vector
  CHECK(by_line(4).digest == fnv("PlainTextPw"));
  CHECK(by_line(4).digest.size() == 16);
  CHECK(has_unrecognised_line(d, 15));
  const std::string text = all_text(d);
  for (const char* clear : {"8Ry2YjIyt7RRXU24", "2KFQnbNIdI", "PlainTextPw", "RadKey123", "RemotePsk9",
                            "AES-ENCRYPTED-BLOB", "CommStr1", "LeakMe", "ijklmnop"})
    CHECK(text.find(clear) == std::string::npos);
}

TEST_CASE("ASA IPsec remote access through a dynamic crypto map", "[asa]") {
  auto d = parse(std::string(kIfcs) +
                 "ip local pool RA 10.77.0.1-10.77.0.254\n"
                 "crypto ipsec ikev1 transform-set TS esp-aes esp-sha-hmac\n"
                 "crypto dynamic-map DYN 10 set ikev1 transform-set TS\n"
                 "crypto map OUT 65535 ipsec-isakmp dynamic DYN\n"
                 "crypto map OUT interface outside\n"
                 "tunnel-group CLIENTS type remote-access\n"
                 "tunnel-group CLIENTS general-attributes\n"
                 " address-pool RA\n"
                 "tunnel-group CLIENTS ipsec-attributes\n"
                 " ikev1 pre-shared-key GroupKey1\n");
  REQUIRE(d.vpns.size() == 2);
  CHECK(d.vpns[0].kind == model::VpnKind::SiteToSiteIpsec);
  CHECK(d.vpns[0].peer_any);
  CHECK(d.vpns[1].kind == model::VpnKind::RemoteAccess);
  CHECK(d.vpns[1].interface == "Gi0/0");
  CHECK(d.vpns[1].authentication == "psk");
  CHECK(d.vpns[1].client_pools.size() == 14);  // .1/32 .2/31 ... .128/26 .192/27 ... .254/32
  CHECK(all_text(d).find("GroupKey1") == std::string::npos);
}

TEST_CASE("ASA dhcp setroute adds a default route; keys on ntp/failover lines are secrets", "[asa]") {
  auto d = parse(
      "interface Gi0/0\n nameif outside\n security-level 0\n ip address dhcp setroute\n"  // 1-4
      "ntp authentication-key 1 md5 NtpK3y\n"                                             // 5
      "failover key FoK3y\n");                                                            // 6
  REQUIRE(d.routes.size() == 1);
  CHECK(d.routes[0].kind == model::RouteKind::Dynamic);
  CHECK(d.routes[0].prefix == Prefix{0, 0});
  CHECK(d.routes[0].out_interface == "Gi0/0");
  CHECK(d.routes[0].src_ref.line == 4);
  CHECK(d.secrets.size() == 2);
  const std::string text = all_text(d);
  CHECK(text.find("NtpK3y") == std::string::npos);
  CHECK(text.find("FoK3y") == std::string::npos);
  CHECK(d.unrecognised.empty());
}
