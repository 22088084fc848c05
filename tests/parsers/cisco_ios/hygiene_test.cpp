// IOS hygiene facts (time sync, remote log, login lockout, password policy, authentication-event
// log, idle timeouts), remote-access split tunnelling / accounting, and the clear-value
// fingerprint of type 0 / type 7 secrets. Real corpus files where they show the setting.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "parsers/cisco_ios/cisco_ios.h"
#include "parsers/cisco_ios/ios_internal.h"
#include "tests/test_paths.h"

using namespace gp;
using namespace gp::model;

namespace {
Device parse(const std::string& cfg) { return parsers::parse_cisco_ios(cfg, "r1.cfg"); }

Device parse_corpus(const std::string& rel) {
  std::ifstream in(test::corpus(rel), std::ios::binary);
  REQUIRE(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return parsers::parse_cisco_ios(ss.str(), rel);
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

const char* kAsr920 = "oxidized/spec/model/data/ios#asr920_16.8.1b#output.txt";
const char* kBorder = "batfish/networks/example/candidate/configs/as1border2.cfg";
}  // namespace

TEST_CASE("IOS hygiene: ntp servers are time sources (corpus)", "[ios][hygiene]") {
  auto d = parse_corpus(kBorder);
  auto ts = facts(d, HygieneTopic::TimeSync);
  REQUIRE(ts.size() == 2);
  CHECK(ts[0]->subject == "18.18.18.18");
  CHECK(ts[0]->src_ref.line == 13);
  CHECK(ts[0]->origin == SettingOrigin::Configured);
  CHECK(ts[0]->enabled);
  CHECK(ts[1]->subject == "23.23.23.23");
  CHECK(ts[1]->src_ref.line == 14);
}

TEST_CASE("IOS hygiene: ntp forms; no ntp line means no time source", "[ios][hygiene]") {
  auto d = parse(
      "hostname r\n"                           // 1
      "ntp server vrf MGMT 10.0.0.1 prefer\n"  // 2
      "ntp peer 10.0.0.2\n"                    // 3
      "sntp server 10.0.0.3\n"                 // 4
      "ntp source Loopback0\n");               // 5
  auto ts = facts(d, HygieneTopic::TimeSync);
  REQUIRE(ts.size() == 3);
  CHECK(ts[0]->subject == "10.0.0.1");
  CHECK(ts[0]->src_ref.line == 2);
  CHECK(ts[1]->subject == "10.0.0.2");
  CHECK(ts[2]->subject == "10.0.0.3");
  CHECK(ts[2]->src_ref.line == 4);
  CHECK(facts(parse("hostname r\nntp source Loopback0\n"), HygieneTopic::TimeSync).empty());
}

TEST_CASE("IOS hygiene: the asr920 corpus file (lockout, password length, syslog, AAA, lines)",
          "[ios][hygiene]") {
  auto d = parse_corpus(kAsr920);
  auto rl = facts(d, HygieneTopic::RemoteLog);
  REQUIRE(rl.size() == 1);
  CHECK(rl[0]->subject == "111.111.111.111");
  CHECK(rl[0]->enabled);
  CHECK(rl[0]->src_ref.line == 395);

  auto lo = facts(d, HygieneTopic::LoginLockout);
  REQUIRE(lo.size() == 1);
  CHECK(lo[0]->number == 3);
  CHECK(lo[0]->src_ref.line == 121);
  CHECK(lo[0]->origin == SettingOrigin::Configured);

  auto pw = facts(d, HygieneTopic::PasswordPolicy);
  REQUIRE(pw.size() == 1);
  CHECK(pw[0]->number == 8);
  CHECK(pw[0]->src_ref.line == 58);

  // "aaa authentication login default local group G": local first, the server sees nothing.
  for (const auto* f : facts(d, HygieneTopic::AuthEventLog))
    CHECK(f->subject.find("authenticated by AAA server") == std::string::npos);
  // "aaa accounting exec default" in block form (action-type / group children).
  auto ae = facts(d, HygieneTopic::AuthEventLog);
  REQUIRE(ae.size() == 5);  // exec, commands 0/1/15, network
  CHECK(ae[0]->subject == "aaa accounting exec default (start-stop to server group DES_ACS_GROUP)");
  CHECK(ae[0]->src_ref.line == 80);
  CHECK(ae[0]->enabled);
  CHECK(ae[4]->subject.rfind("aaa accounting network default", 0) == 0);
  CHECK(ae[4]->src_ref.line == 96);

  const auto* con = fact(d, HygieneTopic::IdleTimeout, "line con 0");
  REQUIRE(con);
  CHECK(con->number == 20);
  CHECK(con->src_ref.line == 492);
  CHECK(con->origin == SettingOrigin::Configured);
  const auto* aux = fact(d, HygieneTopic::IdleTimeout, "line aux 0");  // no exec-timeout
  REQUIRE(aux);
  CHECK(aux->origin == SettingOrigin::VendorDefault);
  CHECK(aux->number == 10);
  CHECK(aux->src_ref.line == 498);  // the "line aux 0" block the default applies to
  CHECK(aux->default_source.find("exec-timeout") != std::string::npos);
  const auto* vty = fact(d, HygieneTopic::IdleTimeout, "line vty 5 15");
  REQUIRE(vty);
  CHECK(vty->number == 20);
  CHECK(vty->src_ref.line == 507);
}

TEST_CASE("IOS hygiene: exec-timeout 0 0 never times out (corpus); seconds round up", "[ios][hygiene]") {
  auto d = parse_corpus(kBorder);
  const auto* con = fact(d, HygieneTopic::IdleTimeout, "line con 0");
  REQUIRE(con);
  CHECK(con->number == 0);
  CHECK(con->src_ref.line == 185);
  auto e = parse(
      "line con 0\n"          // 1
      " exec-timeout 0 30\n"  // 2
      "line vty 0 4\n"        // 3
      " exec-timeout 4 1\n"   // 4
      "line vty 5 15\n"       // 5
      " no exec-timeout\n");  // 6
  CHECK(fact(e, HygieneTopic::IdleTimeout, "line con 0")->number == 1);
  CHECK(fact(e, HygieneTopic::IdleTimeout, "line vty 0 4")->number == 5);
  CHECK(fact(e, HygieneTopic::IdleTimeout, "line vty 5 15")->number == 0);
  CHECK(fact(e, HygieneTopic::IdleTimeout, "line vty 5 15")->src_ref.line == 6);
}

TEST_CASE("IOS hygiene: lines absent from the file get the documented default", "[ios][hygiene]") {
  auto d = parse("hostname r\ninterface Gi0/0\n ip address 10.0.0.1 255.255.255.0\n");
  auto it = facts(d, HygieneTopic::IdleTimeout);
  REQUIRE(it.size() == 2);
  for (const auto* f : it) {
    CHECK(f->origin == SettingOrigin::VendorDefault);
    CHECK(f->number == 10);
    CHECK(f->src_ref.line == 0);
  }
  CHECK(it[0]->subject == "line con 0 (not in the config)");
  CHECK(it[1]->subject == "line vty (not in the config)");
}

TEST_CASE("IOS hygiene: syslog hosts, old form, disabled by 'no logging on'", "[ios][hygiene]") {
  auto d = parse(
      "logging host 10.1.1.5 vrf MGMT\n"  // 1
      "logging 10.1.1.6\n"                // 2
      "logging trap informational\n"      // 3
      "logging buffered 4096\n");         // 4
  auto rl = facts(d, HygieneTopic::RemoteLog);
  REQUIRE(rl.size() == 2);
  CHECK(rl[0]->subject == "10.1.1.5");
  CHECK(rl[0]->src_ref.line == 1);
  CHECK(rl[0]->enabled);
  CHECK(rl[1]->subject == "10.1.1.6");
  CHECK(rl[1]->src_ref.line == 2);
  // Local-only logging: no remote collector.
  CHECK(facts(parse("logging buffered 4096\nlogging console\n"), HygieneTopic::RemoteLog).empty());
  auto off = parse("logging host 10.1.1.5\nno logging on\n");
  rl = facts(off, HygieneTopic::RemoteLog);
  REQUIRE(rl.size() == 1);
  CHECK_FALSE(rl[0]->enabled);
  CHECK(rl[0]->subject.find("no logging on") != std::string::npos);
  CHECK(rl[0]->src_ref.line == 1);
}

TEST_CASE("IOS hygiene: lockout forms; none when not configured", "[ios][hygiene]") {
  auto d = parse(
      "aaa new-model\n"                                  // 1
      "aaa local authentication attempts max-fail 5\n"   // 2
      "login delay 3\n"                                  // 3
      "security authentication failure rate 10 log\n");  // 4
  auto lo = facts(d, HygieneTopic::LoginLockout);
  REQUIRE(lo.size() == 3);
  CHECK(lo[2]->number == 10);
  CHECK(lo[2]->src_ref.line == 4);
  CHECK(lo[0]->number == 5);
  CHECK(lo[0]->src_ref.line == 2);
  CHECK_FALSE(lo[1]->number);
  CHECK(lo[1]->src_ref.line == 3);
  CHECK(facts(parse("aaa new-model\nlogin on-failure log\n"), HygieneTopic::LoginLockout).empty());
}

TEST_CASE("IOS hygiene: password minimum length; none when not configured", "[ios][hygiene]") {
  auto d = parse("hostname r\nsecurity passwords min-length 12\n");
  auto pw = facts(d, HygieneTopic::PasswordPolicy);
  REQUIRE(pw.size() == 1);
  CHECK(pw[0]->number == 12);
  CHECK(pw[0]->src_ref.line == 2);
  CHECK(pw[0]->origin == SettingOrigin::Configured);
  CHECK(facts(parse("hostname r\nservice password-encryption\n"), HygieneTopic::PasswordPolicy).empty());
}

TEST_CASE("IOS hygiene: authentication events recorded", "[ios][hygiene]") {
  auto d = parse(
      "aaa new-model\n"                                         // 1
      "aaa authentication login default group tacacs+ local\n"  // 2
      "aaa authentication login CON local group tacacs+\n"      // 3
      "aaa accounting exec default start-stop group tacacs+\n"  // 4
      "aaa accounting commands 15 default none\n"               // 5
      "aaa accounting update periodic 5\n"                      // 6
      "login on-failure log\n"                                  // 7
      "login on-success log every 10\n");                       // 8
  auto ae = facts(d, HygieneTopic::AuthEventLog);
  REQUIRE(ae.size() == 5);
  CHECK(ae[0]->subject.find("authenticated by AAA server group tacacs+") != std::string::npos);
  CHECK(ae[0]->src_ref.line == 2);
  CHECK(ae[1]->subject == "aaa accounting exec default (start-stop to server group tacacs+)");
  CHECK(ae[1]->enabled);
  CHECK(ae[1]->src_ref.line == 4);
  CHECK_FALSE(ae[2]->enabled);  // method none
  CHECK(ae[2]->src_ref.line == 5);
  CHECK(ae[3]->subject == "login failures (login on-failure log)");
  CHECK(ae[3]->src_ref.line == 7);
  CHECK(ae[4]->src_ref.line == 8);
  // Nothing recorded: local logins only.
  CHECK(facts(parse("aaa new-model\naaa authentication login default local\n"), HygieneTopic::AuthEventLog)
            .empty());
}

TEST_CASE("IOS hygiene: HTTP server idle timeout; unknown default", "[ios][hygiene]") {
  auto d = parse(
      "ip http server\n"                                               // 1
      "ip http timeout-policy idle 600 life 86400 requests 10000\n");  // 2
  const auto* h = fact(d, HygieneTopic::IdleTimeout, "http");
  REQUIRE(h);
  CHECK(h->number == 10);
  CHECK(h->src_ref.line == 2);
  CHECK(h->origin == SettingOrigin::Configured);
  auto u = parse("ip http secure-server\n");
  const auto* s = fact(u, HygieneTopic::IdleTimeout, "https");
  REQUIRE(s);
  CHECK(s->origin == SettingOrigin::Unknown);
  CHECK_FALSE(s->number);
  CHECK_FALSE(s->default_source.empty());
  // HTTP server off: no fact for it.
  CHECK_FALSE(fact(parse("no ip http server\n"), HygieneTopic::IdleTimeout, "http"));
}

TEST_CASE("IOS hygiene lines are recognised, not ignored", "[ios][hygiene]") {
  const std::string cfg =
      "ntp server 10.0.0.1\n"
      "logging host 10.0.0.2\n"
      "login block-for 60 attempts 3 within 30\n"
      "security passwords min-length 10\n"
      "aaa accounting exec default\n"
      " action-type start-stop\n"
      " group G\n"
      "logging buffered 4096\n";
  Device d;
  auto st = parsers::ios::parse_with_stats(cfg, "r.cfg", d);
  CHECK(st.recognised == 7);
  CHECK(st.ignored == 1);  // logging buffered
  CHECK(st.unrecognised == 0);
  CHECK(d.ignored_lines == 1);
}

TEST_CASE("IOS secrets: clear-value fingerprint of type 0 and decoded type 7", "[ios][hygiene]") {
  auto d = parse(
      "username a password 7 0822455D0A16\n"  // "cisco"
      "username b password 0 cisco\n"
      "username c secret 5 $1$abcd$0123456789abcdefghijkl\n");
  REQUIRE(d.secrets.size() == 3);
  CHECK(d.secrets[0].storage == SecretStorage::Reversible);
  CHECK(d.secrets[0].clear_digest == parsers::fnv1a_hex("cisco"));
  CHECK(d.secrets[1].clear_digest == d.secrets[0].clear_digest);  // reuse found across forms
  CHECK(d.secrets[1].clear_digest == d.secrets[1].digest);
  CHECK(d.secrets[2].clear_digest.empty());  // a hash: not recoverable
  auto decoded = parsers::ios::decode_type7("0822455D0A16");
  REQUIRE(decoded);
  CHECK(*decoded == "cisco");
  CHECK_FALSE(parsers::ios::decode_type7("99ZZ"));
}

TEST_CASE("IOS EzVPN: split ACL is split tunnelling; accounting from the isakmp profile", "[ios][hygiene]") {
  auto d = parse(
      "ip local pool P 10.9.0.1 10.9.0.50\n"              // 1
      "crypto isakmp client configuration group SPLIT\n"  // 2
      " key 0 secret\n"                                   // 3
      " pool P\n"                                         // 4
      " acl 110\n"                                        // 5
      "crypto isakmp client configuration group FULL\n"   // 6
      " key 0 secret\n"                                   // 7
      " pool P\n"                                         // 8
      "crypto isakmp profile RA\n"                        // 9
      " match identity group SPLIT\n"                     // 10
      " client authentication list L\n"                   // 11
      " accounting ACCT\n");                              // 12
  REQUIRE(d.vpns.size() == 2);
  const auto& s = d.vpns[0];
  CHECK(s.kind == VpnKind::RemoteAccess);
  CHECK(s.split_tunnel == Vpn::Split::Split);
  CHECK_FALSE(s.split_tunnel_default);
  CHECK(s.split_tunnel_ref.line == 5);
  CHECK(s.accounting == "aaa accounting list ACCT (crypto isakmp profile RA)");
  CHECK(s.accounting_ref.line == 12);
  const auto& f = d.vpns[1];
  CHECK(f.split_tunnel == Vpn::Split::Unknown);  // default not verified
  CHECK(f.split_tunnel_default);
  CHECK(f.split_tunnel_ref.line == 6);
  CHECK(f.accounting.empty());
  CHECK(d.unrecognised.empty());
}
