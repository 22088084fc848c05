// ASA hygiene facts (time sync, syslog hosts, lockout, password policy, authentication events,
// idle timeouts) and remote-access split tunnelling / accounting.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "tests/parsers/cisco_asa/asa_test_util.h"
#include "tests/test_paths.h"

using namespace gp;
using namespace gp::model;
using gp::test::asa::parse;

namespace {
Device parse_corpus(const std::string& rel) {
  std::ifstream in(test::corpus(rel), std::ios::binary);
  REQUIRE(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return parsers::parse_cisco_asa(ss.str(), rel);
}

std::vector<const HygieneFact*> facts(const Device& d, HygieneTopic t) {
  std::vector<const HygieneFact*> out;
  for (const auto& f : d.hygiene)
    if (f.topic == t) out.push_back(&f);
  return out;
}

const HygieneFact* fact(const Device& d, HygieneTopic t, const std::string& subject) {
  for (const auto& f : d.hygiene)
    if (f.topic == t && f.subject == subject) return &f;
  return nullptr;
}

const char* k5512 = "oxidized/spec/model/data/asa#5512_9.12-4-67_single-context#output.txt";

const char* kIfcs =
    "interface Gi0/0\n nameif outside\n security-level 0\n ip address 198.51.100.2 255.255.255.0\n"
    "interface Gi0/1\n nameif inside\n security-level 100\n ip address 10.0.0.1 255.255.255.0\n";
// kIfcs is 8 lines.
}  // namespace

TEST_CASE("ASA hygiene: the 5512 corpus file", "[asa][hygiene]") {
  auto d = parse_corpus(k5512);
  auto ts = facts(d, HygieneTopic::TimeSync);
  REQUIRE(ts.size() == 1);
  CHECK(ts[0]->subject == "10.42.42.11");
  CHECK(ts[0]->src_ref.line == 202);
  CHECK(ts[0]->origin == SettingOrigin::Configured);

  const auto* ssh = fact(d, HygieneTopic::IdleTimeout, "ssh");
  REQUIRE(ssh);
  CHECK(ssh->number == 60);
  CHECK(ssh->src_ref.line == 195);
  CHECK(ssh->origin == SettingOrigin::Configured);
  const auto* con = fact(d, HygieneTopic::IdleTimeout, "console");
  REQUIRE(con);
  CHECK(con->number == 0);  // never
  CHECK(con->src_ref.line == 198);

  // Management logins authenticated by the TACACS group: the server records them.
  const auto* a = fact(d, HygieneTopic::AuthEventLog,
                       "ssh logins authenticated by AAA server group TACACS (the server records them)");
  REQUIRE(a);
  CHECK(a->src_ref.line == 188);
  const auto* hist = fact(d, HygieneTopic::AuthEventLog,
                          "management login history kept on the device (aaa authentication "
                          "login-history)");
  REQUIRE(hist);
  CHECK(hist->src_ref.line == 190);

  // logging enable but no logging host: nothing remote. No lockout, no password policy.
  CHECK(facts(d, HygieneTopic::RemoteLog).empty());
  CHECK(facts(d, HygieneTopic::LoginLockout).empty());
  CHECK(facts(d, HygieneTopic::PasswordPolicy).empty());
}

TEST_CASE("ASA hygiene: ntp absent means no time source", "[asa][hygiene]") {
  auto d = parse(std::string(kIfcs) + "clock timezone JST 9\n");
  CHECK(facts(d, HygieneTopic::TimeSync).empty());
  auto e = parse(std::string(kIfcs) + "ntp server 10.0.0.5 key 1 source inside prefer\n");  // 9
  auto ts = facts(e, HygieneTopic::TimeSync);
  REQUIRE(ts.size() == 1);
  CHECK(ts[0]->subject == "10.0.0.5");
  CHECK(ts[0]->src_ref.line == 9);
}

TEST_CASE("ASA hygiene: syslog host needs logging enable and a trap level", "[asa][hygiene]") {
  auto d = parse(std::string(kIfcs) +
                 "logging enable\n"                   // 9
                 "logging trap informational\n"       // 10
                 "logging host inside 10.0.0.50\n");  // 11
  auto rl = facts(d, HygieneTopic::RemoteLog);
  REQUIRE(rl.size() == 1);
  CHECK(rl[0]->subject == "10.0.0.50");
  CHECK(rl[0]->enabled);
  CHECK(rl[0]->src_ref.line == 11);

  auto no_trap = parse(std::string(kIfcs) + "logging enable\nlogging host inside 10.0.0.50\n");
  rl = facts(no_trap, HygieneTopic::RemoteLog);
  REQUIRE(rl.size() == 1);
  CHECK_FALSE(rl[0]->enabled);
  CHECK(rl[0]->subject == "10.0.0.50 (no 'logging trap' level)");
  CHECK(rl[0]->src_ref.line == 10);

  auto no_enable = parse(std::string(kIfcs) + "logging trap warnings\nlogging host inside 10.0.0.50\n");
  rl = facts(no_enable, HygieneTopic::RemoteLog);
  REQUIRE(rl.size() == 1);
  CHECK_FALSE(rl[0]->enabled);
  CHECK(rl[0]->subject == "10.0.0.50 (no 'logging enable')");
}

TEST_CASE("ASA hygiene: lockout and password policy; none when not configured", "[asa][hygiene]") {
  auto d = parse(std::string(kIfcs) +
                 "aaa local authentication attempts max-fail 5\n"  // 9
                 "password-policy minimum-length 12\n"             // 10
                 "password-policy minimum-uppercase 1\n");         // 11
  auto lo = facts(d, HygieneTopic::LoginLockout);
  REQUIRE(lo.size() == 1);
  CHECK(lo[0]->number == 5);
  CHECK(lo[0]->src_ref.line == 9);
  auto pw = facts(d, HygieneTopic::PasswordPolicy);
  REQUIRE(pw.size() == 1);
  CHECK(pw[0]->number == 12);
  CHECK(pw[0]->src_ref.line == 10);
  CHECK(d.ignored_lines == 1);  // minimum-uppercase stays in the ignored table
  auto none = parse(std::string(kIfcs) + "password-policy minimum-uppercase 1\n");
  CHECK(facts(none, HygieneTopic::LoginLockout).empty());
  CHECK(facts(none, HygieneTopic::PasswordPolicy).empty());
}

TEST_CASE("ASA hygiene: accounting and server authentication; LOCAL records nothing", "[asa][hygiene]") {
  auto d = parse(std::string(kIfcs) +
                 "aaa accounting command privilege 15 TACACS\n"  // 9
                 "aaa accounting ssh console TACACS\n"           // 10
                 "aaa authentication ssh console LOCAL\n");      // 11
  auto ae = facts(d, HygieneTopic::AuthEventLog);
  REQUIRE(ae.size() == 2);
  CHECK(ae[0]->subject == "aaa accounting command privilege 15 (to server group TACACS)");
  CHECK(ae[0]->src_ref.line == 9);
  CHECK(ae[1]->src_ref.line == 10);
  CHECK(
      facts(parse(std::string(kIfcs) + "aaa authentication ssh console LOCAL\n"), HygieneTopic::AuthEventLog)
          .empty());
}

TEST_CASE("ASA hygiene: login failures (605004, severity 6) reach syslog hosts at trap >= 6",
          "[asa][hygiene]") {
  const std::string hosts = std::string(kIfcs) +
                            "logging enable\n"                  // 9
                            "logging host inside 10.0.0.50\n";  // 10
  auto d = parse(hosts + "logging trap informational\n");       // 11
  auto ae = facts(d, HygieneTopic::AuthEventLog);
  REQUIRE(ae.size() == 1);
  CHECK(ae[0]->origin == SettingOrigin::Configured);
  CHECK(ae[0]->enabled);
  CHECK(ae[0]->src_ref.line == 11);
  CHECK(ae[0]->subject.find("605004") != std::string::npos);
  // Trap level below the message's severity: not sent, no fact.
  CHECK(facts(parse(hosts + "logging trap warnings\n"), HygieneTopic::AuthEventLog).empty());
  // The message raised to severity 4 is sent at trap warnings.
  auto raised = parse(hosts + "logging trap warnings\nlogging message 605004 level 4\n");
  CHECK(facts(raised, HygieneTopic::AuthEventLog).size() == 1);
  CHECK(raised.unrecognised.empty());
  // Suppressed message: nothing.
  CHECK(
      facts(parse(hosts + "logging trap debugging\nno logging message 605004\n"), HygieneTopic::AuthEventLog)
          .empty());
  // A logging list cannot be read: Unknown.
  auto list = parse(hosts + "logging trap MYLIST\n");
  ae = facts(list, HygieneTopic::AuthEventLog);
  REQUIRE(ae.size() == 1);
  CHECK(ae[0]->origin == SettingOrigin::Unknown);
  CHECK_FALSE(ae[0]->default_source.empty());
  CHECK(facts(list, HygieneTopic::RemoteLog)[0]->enabled);
}

TEST_CASE("ASA hygiene: idle timeouts, documented defaults and unknown ones", "[asa][hygiene]") {
  auto d = parse(std::string(kIfcs) +
                 "ssh 10.0.0.0 255.255.255.0 inside\n"     // 9
                 "http server enable\n"                    // 10
                 "http 10.0.0.0 255.255.255.0 inside\n"    // 11
                 "telnet 10.0.0.0 255.255.255.0 inside\n"  // 12
                 "telnet timeout 3\n");                    // 13
  const auto* ssh = fact(d, HygieneTopic::IdleTimeout, "ssh");
  REQUIRE(ssh);
  CHECK(ssh->origin == SettingOrigin::VendorDefault);
  CHECK(ssh->number == 5);
  CHECK(ssh->src_ref.line == 9);  // the "ssh <net> <nameif>" line that turns SSH on
  CHECK(ssh->default_source.find("ssh timeout") != std::string::npos);
  const auto* http = fact(d, HygieneTopic::IdleTimeout, "http (ASDM/HTTPS)");
  REQUIRE(http);
  CHECK(http->origin == SettingOrigin::VendorDefault);
  CHECK(http->number == 20);
  const auto* tel = fact(d, HygieneTopic::IdleTimeout, "telnet");
  REQUIRE(tel);
  CHECK(tel->origin == SettingOrigin::Configured);
  CHECK(tel->number == 3);
  CHECK(tel->src_ref.line == 13);
  const auto* con = fact(d, HygieneTopic::IdleTimeout, "console");
  REQUIRE(con);
  CHECK(con->origin == SettingOrigin::Unknown);
  CHECK_FALSE(con->number);

  auto e = parse(std::string(kIfcs) + "http server enable\nhttp server idle-timeout 5\n");
  const auto* h = fact(e, HygieneTopic::IdleTimeout, "http (ASDM/HTTPS)");
  REQUIRE(h);
  CHECK(h->number == 5);
  CHECK(h->src_ref.line == 10);
  CHECK(e.unrecognised.empty());
  // Services that are off get no timeout fact.
  CHECK_FALSE(fact(parse(kIfcs), HygieneTopic::IdleTimeout, "ssh"));
}

TEST_CASE("ASA remote access: split-tunnel policy and accounting server group", "[asa][hygiene]") {
  const std::string base = std::string(kIfcs) +
                           "ip local pool AC 10.99.0.10-10.99.0.20\n"  // 9
                           "webvpn\n"                                  // 10
                           " enable outside\n"                         // 11
                           " anyconnect enable\n"                      // 12
                           "group-policy GP internal\n"                // 13
                           "group-policy GP attributes\n"              // 14
                           " vpn-tunnel-protocol ssl-client\n";        // 15
  auto d = parse(base +
                 " split-tunnel-policy tunnelspecified\n"  // 16
                 "tunnel-group RA type remote-access\n"    // 17
                 "tunnel-group RA general-attributes\n"    // 18
                 " address-pool AC\n"                      // 19
                 " default-group-policy GP\n"              // 20
                 " accounting-server-group RADIUS\n");     // 21
  REQUIRE(d.vpns.size() == 1);
  const auto& v = d.vpns[0];
  CHECK(v.kind == VpnKind::RemoteAccess);
  CHECK(v.split_tunnel == Vpn::Split::Split);
  CHECK_FALSE(v.split_tunnel_default);
  CHECK(v.split_tunnel_ref.line == 16);
  CHECK(v.accounting == "accounting-server-group RADIUS (tunnel-group RA)");
  CHECK(v.accounting_ref.line == 21);
  CHECK(d.unrecognised.empty());

  // No policy anywhere: the default tunnelall (full tunnel), marked as the default.
  auto f = parse(base +
                 "tunnel-group RA type remote-access\n"  // 16
                 "tunnel-group RA general-attributes\n"  // 17
                 " default-group-policy GP\n");          // 18
  REQUIRE(f.vpns.size() == 1);
  CHECK(f.vpns[0].split_tunnel == Vpn::Split::FullTunnel);
  CHECK(f.vpns[0].split_tunnel_default);
  CHECK(f.vpns[0].split_tunnel_ref.line == 11);
  CHECK(f.vpns[0].accounting.empty());

  // Inherited from DfltGrpPolicy.
  auto g = parse(base +
                 "group-policy DfltGrpPolicy attributes\n"  // 16
                 " split-tunnel-policy tunnelall\n"         // 17
                 "tunnel-group RA type remote-access\n"     // 18
                 "tunnel-group RA general-attributes\n"     // 19
                 " default-group-policy GP\n");             // 20
  REQUIRE(g.vpns.size() == 1);
  CHECK(g.vpns[0].split_tunnel == Vpn::Split::FullTunnel);
  CHECK_FALSE(g.vpns[0].split_tunnel_default);
  CHECK(g.vpns[0].split_tunnel_ref.line == 17);
}

TEST_CASE("ASA hygiene lines are recognised, not ignored", "[asa][hygiene]") {
  auto d = parse(std::string(kIfcs) +
                 "ntp server 10.0.0.5\n"
                 "logging enable\n"
                 "logging trap errors\n"
                 "logging host inside 10.0.0.50\n"
                 "ssh timeout 10\n"
                 "console timeout 15\n"
                 "logging buffered debugging\n");
  CHECK(d.ignored_lines == 1);  // logging buffered: local only
  CHECK(d.unrecognised.empty());
  CHECK(fact(d, HygieneTopic::IdleTimeout, "console")->number == 15);
}
