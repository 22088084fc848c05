// FortiOS hygiene facts (NTP, remote log, lockout, password policy, event log, idle timeout), SSL-VPN
// split tunnelling and accounting, and clear-value fingerprints.
#include <catch2/catch.hpp>

#include "tests/parsers/fortigate/fgt_test_util.h"

using namespace gp;
using gp::test::fgt::parse;
using model::HygieneTopic;
using model::SettingOrigin;

namespace {

std::vector<model::HygieneFact> facts(const model::Device& d, HygieneTopic t) {
  std::vector<model::HygieneFact> out;
  for (const auto& f : d.hygiene)
    if (f.topic == t) out.push_back(f);
  return out;
}

const model::Vpn* ssl_vpn(const model::Device& d) {
  for (const auto& v : d.vpns)
    if (v.kind == model::VpnKind::RemoteAccess) return &v;
  return nullptr;
}

const char* kHygiene = R"(#config-version=FG100F-7.2.8-FW-build1639-240313:opmode=0:vdom=0:user=admin
config system global
    set admin-lockout-threshold 5
    set admin-lockout-duration 300
    set admintimeout 30
    set hostname "suido-edge"
end
config system ntp
    set ntpsync enable
    set type custom
    config ntpserver
        edit 1
            set server "10.0.0.123"
        next
        edit 2
            set server "ntp.nict.jp"
        next
    end
end
config system password-policy
    set status enable
    set minimum-length 12
end
config log syslogd setting
    set status enable
    set server "10.9.9.9"
    set facility local6
end
config log syslogd2 setting
    set server "10.9.9.10"
end
config log fortianalyzer setting
    set status disable
    set server "10.9.9.11"
end
config log eventfilter
    set user disable
end
)";

}  // namespace

TEST_CASE("FortiOS hygiene: stated settings become facts at their lines", "[fortigate][hygiene]") {
  auto d = parse(kHygiene);
  auto ntp = facts(d, HygieneTopic::TimeSync);
  REQUIRE(ntp.size() == 2);
  CHECK(ntp[0].subject == "10.0.0.123");
  CHECK(ntp[0].enabled);
  CHECK(ntp[0].origin == SettingOrigin::Configured);
  CHECK(ntp[0].src_ref.line == 13);
  CHECK(ntp[1].subject == "ntp.nict.jp");
  CHECK(ntp[1].src_ref.line == 16);

  auto logs = facts(d, HygieneTopic::RemoteLog);
  REQUIRE(logs.size() == 3);
  CHECK(logs[0].subject == "10.9.9.9 (syslog)");
  CHECK(logs[0].enabled);
  CHECK(logs[0].src_ref.line == 26);
  CHECK(logs[1].subject == "10.9.9.10 (syslog) (no 'set status' line)");
  CHECK(logs[1].origin == SettingOrigin::Unknown);
  CHECK_FALSE(logs[1].enabled);
  CHECK(logs[2].subject == "10.9.9.11 (FortiAnalyzer) (status disable)");
  CHECK_FALSE(logs[2].enabled);
  CHECK(logs[2].src_ref.line == 33);

  auto lock = facts(d, HygieneTopic::LoginLockout);
  REQUIRE(lock.size() == 1);
  CHECK(lock[0].origin == SettingOrigin::Configured);
  CHECK(lock[0].number == 5);
  CHECK(lock[0].src_ref.line == 3);
  CHECK(lock[0].subject.find("300 s") != std::string::npos);

  auto pw = facts(d, HygieneTopic::PasswordPolicy);
  REQUIRE(pw.size() == 1);
  CHECK(pw[0].enabled);
  CHECK(pw[0].number == 12);
  CHECK(pw[0].origin == SettingOrigin::Configured);
  CHECK(pw[0].src_ref.line == 21);

  auto idle = facts(d, HygieneTopic::IdleTimeout);
  REQUIRE(idle.size() == 1);
  CHECK(idle[0].subject == "admin GUI/CLI");
  CHECK(idle[0].number == 30);
  CHECK(idle[0].src_ref.line == 5);

  auto ev = facts(d, HygieneTopic::AuthEventLog);
  REQUIRE(ev.size() == 3);
  CHECK(ev[0].origin == SettingOrigin::VendorDefault);  // system: not stated
  CHECK(ev[0].enabled);
  CHECK_FALSE(ev[1].enabled);  // user disable
  CHECK(ev[1].origin == SettingOrigin::Configured);
  CHECK(ev[1].src_ref.line == 37);

  // Every line is accounted for, and the hygiene lines are recognised, not ignored.
  CHECK(d.unrecognised.empty());
  CHECK(d.ignored_lines == 1);  // "set facility local6"
}

TEST_CASE("FortiOS hygiene: silent configuration gets documented defaults or Unknown",
          "[fortigate][hygiene]") {
  auto d = parse(
      "#config-version=FG100F-7.2.8-FW-build1639-240313:opmode=0:vdom=0:user=admin\n"
      "config system global\n    set hostname \"x\"\nend\n");
  auto ntp = facts(d, HygieneTopic::TimeSync);
  REQUIRE(ntp.size() == 1);
  CHECK(ntp[0].origin == SettingOrigin::VendorDefault);  // 7.x: ntpsync default disable
  CHECK_FALSE(ntp[0].enabled);
  CHECK(ntp[0].src_ref.line == 0);
  CHECK(facts(d, HygieneTopic::RemoteLog).empty());  // no collector without a server line

  auto lock = facts(d, HygieneTopic::LoginLockout);
  REQUIRE(lock.size() == 1);
  CHECK(lock[0].origin == SettingOrigin::VendorDefault);
  CHECK(lock[0].number == 3);
  CHECK(lock[0].default_source.find("60 seconds") != std::string::npos);

  auto idle = facts(d, HygieneTopic::IdleTimeout);
  REQUIRE(idle.size() == 1);
  CHECK(idle[0].origin == SettingOrigin::VendorDefault);
  CHECK(idle[0].number == 5);

  auto pw = facts(d, HygieneTopic::PasswordPolicy);
  REQUIRE(pw.size() == 1);
  CHECK(pw[0].origin == SettingOrigin::Unknown);

  auto ev = facts(d, HygieneTopic::AuthEventLog);
  REQUIRE(ev.size() == 3);
  for (const auto& f : ev) {
    CHECK(f.origin == SettingOrigin::VendorDefault);
    CHECK(f.enabled);
  }

  // Disabled outright: ntpsync disable, password policy off, the whole event log off.
  auto off = parse(
      "config system global\n    set hostname \"x\"\nend\n"
      "config system ntp\n    set ntpsync disable\nend\n"
      "config system password-policy\n    set status disable\nend\n"
      "config log eventfilter\n    set event disable\nend\n");
  auto t = facts(off, HygieneTopic::TimeSync);
  REQUIRE(t.size() == 1);
  CHECK_FALSE(t[0].enabled);
  CHECK(t[0].src_ref.line == 5);
  auto p = facts(off, HygieneTopic::PasswordPolicy);
  REQUIRE(p.size() == 1);
  CHECK_FALSE(p[0].enabled);
  CHECK(p[0].src_ref.line == 8);
  for (const auto& f : facts(off, HygieneTopic::AuthEventLog)) {
    CHECK_FALSE(f.enabled);
    CHECK(f.src_ref.line == 11);
  }
}

TEST_CASE("FortiOS hygiene: real lab configuration (FortiOS 6.4.4)", "[fortigate][hygiene]") {
  const std::string path = "lab-validation/snapshots/fortios_first_basic/configs/d2_fw/show.txt";
  auto d = parsers::parse_fortigate(gp::test::fgt::slurp(gp::test::corpus(path)), path);
  // "config system ntp / set ntpsync enable" without a type: FortiGuard's servers.
  auto ntp = facts(d, HygieneTopic::TimeSync);
  REQUIRE(ntp.size() == 1);
  CHECK(ntp[0].enabled);
  CHECK(ntp[0].origin == SettingOrigin::Configured);
  CHECK(ntp[0].src_ref.line == 6455);
  CHECK(ntp[0].subject.find("FortiGuard") != std::string::npos);
  auto idle = facts(d, HygieneTopic::IdleTimeout);
  REQUIRE(idle.size() == 1);
  CHECK(idle[0].number == 23);
  CHECK(idle[0].src_ref.line == 6);
  CHECK(facts(d, HygieneTopic::RemoteLog).empty());
  auto lock = facts(d, HygieneTopic::LoginLockout);
  REQUIRE(lock.size() == 1);
  CHECK(lock[0].origin == SettingOrigin::VendorDefault);
}

TEST_CASE("FortiOS SSL-VPN: split tunnelling per tunnel-mode portal, accounting in the event log",
          "[fortigate][hygiene]") {
  const std::string head = R"(config firewall address
    edit "pool"
        set type iprange
        set start-ip 10.212.134.200
        set end-ip 10.212.134.210
    next
end
config vpn ssl web portal
    edit "tunnel-access"
        set tunnel-mode enable
        set ip-pools "pool"
)";
  const std::string tail = R"(    next
end
config vpn ssl settings
    set tunnel-ip-pools "pool"
    set source-interface "wan1"
    set login-attempt-limit 3
end
)";
  auto split = parse(head + "        set split-tunneling enable\n" + tail);
  const auto* v = ssl_vpn(split);
  REQUIRE(v);
  CHECK(v->split_tunnel == model::Vpn::Split::Split);
  CHECK(v->split_tunnel_ref.line == 12);
  CHECK(v->accounting.find("event log") != std::string::npos);
  auto lock = facts(split, HygieneTopic::LoginLockout);
  REQUIRE(lock.size() == 2);
  CHECK(lock[0].number == 3);
  CHECK(lock[0].src_ref.line == 18);

  auto full = parse(head + "        set split-tunneling disable\n" + tail);
  REQUIRE(ssl_vpn(full));
  CHECK(ssl_vpn(full)->split_tunnel == model::Vpn::Split::FullTunnel);

  auto unstated = parse(head + tail);
  REQUIRE(ssl_vpn(unstated));
  CHECK(ssl_vpn(unstated)->split_tunnel == model::Vpn::Split::Unknown);
  CHECK(ssl_vpn(unstated)->split_tunnel_ref.line == 9);  // the portal that does not say

  auto no_vpn_log = parse(head + tail + "config log eventfilter\n    set vpn disable\nend\n");
  REQUIRE(ssl_vpn(no_vpn_log));
  CHECK(ssl_vpn(no_vpn_log)->accounting.empty());
}

TEST_CASE("FortiOS secrets: clear values get a clear-value fingerprint, encrypted ones do not",
          "[fortigate][hygiene]") {
  auto d = parse(R"(config system admin
    edit "plain"
        set password secret123
    next
    edit "enc"
        set password ENC SH2abcdef
    next
end
)");
  REQUIRE(d.secrets.size() == 2);
  CHECK(d.secrets[0].clear_digest == d.secrets[0].digest);
  CHECK_FALSE(d.secrets[0].clear_digest.empty());
  CHECK(d.secrets[1].clear_digest.empty());
}
