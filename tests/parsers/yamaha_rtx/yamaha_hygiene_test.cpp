// Yamaha RTX hygiene facts: scheduled ntpdate, syslog host, login timer (and per-user login-timer),
// documented defaults and the topics the RTX reference does not cover; clear-value fingerprints.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "parsers/yamaha_rtx/yamaha_rtx.h"
#include "tests/test_paths.h"

using namespace gp;
using model::HygieneTopic;
using model::SettingOrigin;

namespace {

model::Device parse(const std::string& text) { return parsers::parse_yamaha_rtx(text, "rtx.cfg"); }

model::Device example(const std::string& name) {
  std::ifstream in(test::shared_dir() + "/examples/jp-vendors/" + name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return parsers::parse_yamaha_rtx(ss.str(), name);
}

std::vector<model::HygieneFact> facts(const model::Device& d, HygieneTopic t) {
  std::vector<model::HygieneFact> out;
  for (const auto& f : d.hygiene)
    if (f.topic == t) out.push_back(f);
  return out;
}

}  // namespace

TEST_CASE("Yamaha hygiene: pump-station example (schedule ntpdate, syslog host, login timers)",
          "[yamaha][hygiene]") {
  auto d = example("yamaha-rtx830-pump-station-tftp.txt");
  auto ntp = facts(d, HygieneTopic::TimeSync);
  REQUIRE(ntp.size() == 1);
  CHECK(ntp[0].subject == "ntp.nict.jp (schedule: ntpdate)");
  CHECK(ntp[0].enabled);
  CHECK(ntp[0].origin == SettingOrigin::Configured);
  CHECK(ntp[0].src_ref.line == 149);

  auto logs = facts(d, HygieneTopic::RemoteLog);
  REQUIRE(logs.size() == 1);
  CHECK(logs[0].subject == "172.16.10.50");
  CHECK(logs[0].src_ref.line == 142);

  auto idle = facts(d, HygieneTopic::IdleTimeout);
  REQUIRE(idle.size() == 4);
  CHECK(idle[0].subject == "user pumpmaint (user attribute login-timer)");
  CHECK(idle[0].number == 10);
  CHECK(idle[0].src_ref.line == 27);
  for (size_t i = 1; i < 4; ++i) {
    CHECK(idle[i].number == 10);
    CHECK(idle[i].src_ref.line == 31);
    CHECK(idle[i].origin == SettingOrigin::Configured);
  }
  CHECK(idle[1].subject == "console (login timer)");

  // Topics the RTX reference does not document: one Unknown fact each.
  for (auto t : {HygieneTopic::LoginLockout, HygieneTopic::PasswordPolicy, HygieneTopic::AuthEventLog}) {
    auto f = facts(d, t);
    REQUIRE(f.size() == 1);
    CHECK(f[0].origin == SettingOrigin::Unknown);
    CHECK_FALSE(f[0].default_source.empty());
  }
}

TEST_CASE("Yamaha hygiene: HQ example", "[yamaha][hygiene]") {
  auto d = example("yamaha-rtx1210-hq-show-config.txt");
  auto ntp = facts(d, HygieneTopic::TimeSync);
  REQUIRE(ntp.size() == 1);
  CHECK(ntp[0].src_ref.line == 253);
  auto logs = facts(d, HygieneTopic::RemoteLog);
  REQUIRE(logs.size() == 1);
  CHECK(logs[0].src_ref.line == 230);
  auto idle = facts(d, HygieneTopic::IdleTimeout);
  REQUIRE(idle.size() == 5);  // two users, then console/telnet/ssh
  CHECK(idle[0].number == 15);
  CHECK(idle[1].number == 10);
  CHECK(idle[2].number == 15);
  CHECK(idle[2].src_ref.line == 35);
}

TEST_CASE("Yamaha hygiene: silent configuration and other forms", "[yamaha][hygiene]") {
  auto d = parse("ip lan1 address 192.168.100.1/24\n");
  CHECK(facts(d, HygieneTopic::TimeSync).empty());   // ntpdate runs only when scheduled or executed
  CHECK(facts(d, HygieneTopic::RemoteLog).empty());  // no default syslog host
  auto idle = facts(d, HygieneTopic::IdleTimeout);
  REQUIRE(idle.size() == 3);
  for (const auto& f : idle) {
    CHECK(f.origin == SettingOrigin::VendorDefault);
    CHECK(f.number == 5);
    CHECK(f.src_ref.line == 0);
    CHECK(f.default_source.find("300") != std::string::npos);
  }

  auto o = parse(
      "login timer clear\n"
      "syslog host 192.168.1.10 192.168.1.11\n"
      "ntpdate 192.168.1.1\n"
      "schedule at 2 */* 12:00 * show config\n"
      "login radius use on\n"
      "syslog notice on\n");
  auto never = facts(o, HygieneTopic::IdleTimeout);
  REQUIRE(never.size() == 3);
  CHECK(never[0].number == 0);  // console: no timer
  CHECK(never[0].src_ref.line == 1);
  CHECK(never[1].number == 5);  // telnet: 300 s even when cleared (Command Reference §4.53)
  CHECK(never[1].default_source.find("4.53") != std::string::npos);
  auto logs = facts(o, HygieneTopic::RemoteLog);
  REQUIRE(logs.size() == 2);
  CHECK(logs[1].subject == "192.168.1.11");
  CHECK(logs[1].src_ref.line == 2);
  auto ntp = facts(o, HygieneTopic::TimeSync);
  REQUIRE(ntp.size() == 1);  // the other schedule runs no ntpdate
  CHECK(ntp[0].subject.find("once at start-up") != std::string::npos);
  CHECK(ntp[0].src_ref.line == 3);
  auto auth = facts(o, HygieneTopic::AuthEventLog);
  REQUIRE(auth.size() == 1);
  CHECK(auth[0].origin == SettingOrigin::Configured);
  CHECK(auth[0].src_ref.line == 5);
  CHECK(o.unrecognised.empty());
  CHECK(o.ignored_lines == 2);  // the show-config schedule and "syslog notice on"
}

TEST_CASE("Yamaha secrets: clear values get a clear-value fingerprint", "[yamaha][hygiene]") {
  auto d =
      parse("login password secret1\nadministrator password encrypted AbCdEf0123456789AbCdEf0123456789\n");
  const model::Secret* login = nullptr;
  const model::Secret* admin = nullptr;
  for (const auto& s : d.secrets) {
    if (s.owner == "(login)") login = &s;
    if (s.owner == "(administrator)") admin = &s;
  }
  REQUIRE(login);
  REQUIRE(admin);
  CHECK(login->clear_digest == login->digest);
  CHECK_FALSE(login->clear_digest.empty());
  CHECK(admin->clear_digest.empty());
}

TEST_CASE("Yamaha hygiene: per-user login-timer in a real fixture (terraform-provider-rtx)",
          "[yamaha][hygiene]") {
  const std::string rel =
      "terraform-provider-rtx/internal/rtx/testdata/import_fidelity/admin_user_full_attributes.txt";
  std::ifstream in(test::corpus(rel), std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  auto d = parsers::parse_yamaha_rtx(ss.str(), rel);
  std::vector<model::HygieneFact> users;
  for (const auto& f : facts(d, HygieneTopic::IdleTimeout))
    if (f.subject.rfind("user ", 0) == 0) users.push_back(f);
  REQUIRE(users.size() == 7);  // login-timer=0 (outside 120..21474836) is not a timer
  CHECK(users[0].subject == "user admin (user attribute login-timer)");
  CHECK(users[0].number == 60);
  CHECK(users[0].src_ref.line == 6);
  CHECK(users[0].origin == SettingOrigin::Configured);
  CHECK(users[2].number == 120);  // readonly: 7200 s
  CHECK(d.unrecognised.empty());
}

TEST_CASE("Yamaha: IPv6 interfaces and secure filters are recorded (IPoE example)", "[yamaha]") {
  auto d = example("yamaha-rtx1210-hq-show-config.txt");
  const auto* lan1 = d.find_interface("lan1");
  const auto* lan2 = d.find_interface("lan2");
  REQUIRE(lan1);
  REQUIRE(lan2);
  REQUIRE(lan1->ipv6.size() == 1);
  CHECK(lan1->ipv6[0].second.line == 45);  // ipv6 lan1 address ra-prefix@lan2::1/64
  REQUIRE(lan2->ipv6.size() == 1);
  CHECK(lan2->ipv6[0].second.line == 50);  // ipv6 lan2 dhcp service client ir=on
  CHECK(lan2->ipv6_filter_in_ref.line == 48);
  CHECK(lan2->ipv6_filter_out_ref.line == 49);
  CHECK(lan1->ipv6_filter_in.empty());
}
