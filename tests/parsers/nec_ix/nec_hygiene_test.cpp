// NEC UNIVERGE IX hygiene facts: ntp server, syslog ip host (with syslog ip enable), the topics the
// sources we could read do not document (Unknown), and clear-value fingerprints.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "parsers/nec_ix/nec_ix.h"
#include "tests/test_paths.h"

using namespace gp;
using model::HygieneTopic;
using model::SettingOrigin;

namespace {

model::Device parse(const std::string& text) { return parsers::parse_nec_ix(text, "ix.cfg"); }

model::Device example(const std::string& name) {
  std::ifstream in(test::shared_dir() + "/examples/jp-vendors/" + name, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return parsers::parse_nec_ix(ss.str(), name);
}

std::vector<model::HygieneFact> facts(const model::Device& d, HygieneTopic t) {
  std::vector<model::HygieneFact> out;
  for (const auto& f : d.hygiene)
    if (f.topic == t) out.push_back(f);
  return out;
}

}  // namespace

TEST_CASE("NEC IX hygiene: HQ example (ntp server, syslog ip host with syslog ip enable)", "[nec][hygiene]") {
  auto d = example("nec-ix2215-hq-running-config.txt");
  auto ntp = facts(d, HygieneTopic::TimeSync);
  REQUIRE(ntp.size() == 1);
  CHECK(ntp[0].subject == "133.243.238.164");
  CHECK(ntp[0].enabled);
  CHECK(ntp[0].origin == SettingOrigin::Configured);
  CHECK(ntp[0].src_ref.line == 109);
  auto logs = facts(d, HygieneTopic::RemoteLog);
  REQUIRE(logs.size() == 1);
  CHECK(logs[0].subject == "192.168.10.50");
  CHECK(logs[0].enabled);
  CHECK(logs[0].origin == SettingOrigin::Configured);
  CHECK(logs[0].src_ref.line == 106);
  // Not documented in what we could read: one Unknown fact per topic.
  for (auto t : {HygieneTopic::LoginLockout, HygieneTopic::PasswordPolicy, HygieneTopic::AuthEventLog,
                 HygieneTopic::IdleTimeout}) {
    auto f = facts(d, t);
    REQUIRE(f.size() == 1);
    CHECK(f[0].origin == SettingOrigin::Unknown);
    CHECK(f[0].src_ref.line == 0);
    CHECK(f[0].default_source.rfind("NEC IX:", 0) == 0);
  }
}

TEST_CASE("NEC IX hygiene: pump-station example", "[nec][hygiene]") {
  auto d = example("nec-ix2106-pump-station-running-config.txt");
  auto ntp = facts(d, HygieneTopic::TimeSync);
  REQUIRE(ntp.size() == 1);
  CHECK(ntp[0].src_ref.line == 85);
  auto logs = facts(d, HygieneTopic::RemoteLog);
  REQUIRE(logs.size() == 1);
  CHECK(logs[0].subject == "172.16.10.50");
  CHECK(logs[0].src_ref.line == 81);
}

TEST_CASE("NEC IX hygiene: no servers, or a syslog host without syslog ip enable", "[nec][hygiene]") {
  auto none = parse("hostname ix\nlogging buffered 131072\n");
  CHECK(facts(none, HygieneTopic::TimeSync).empty());
  CHECK(facts(none, HygieneTopic::RemoteLog).empty());

  auto d =
      parse("hostname ix\nsyslog ip host 10.1.1.5\nntp server 10.1.1.1 priority 10\nntp interval 3600\n");
  auto logs = facts(d, HygieneTopic::RemoteLog);
  REQUIRE(logs.size() == 1);
  CHECK_FALSE(logs[0].enabled);
  CHECK(logs[0].origin == SettingOrigin::Unknown);
  CHECK(logs[0].subject == "10.1.1.5 (no 'syslog ip enable' line)");
  CHECK(logs[0].src_ref.line == 2);
  auto ntp = facts(d, HygieneTopic::TimeSync);
  REQUIRE(ntp.size() == 1);
  CHECK(ntp[0].subject == "10.1.1.1");
  CHECK(ntp[0].src_ref.line == 3);
  CHECK(d.unrecognised.empty());
  CHECK(d.ignored_lines == 1);  // ntp interval
}

TEST_CASE("NEC IX secrets: clear values get a clear-value fingerprint", "[nec][hygiene]") {
  auto d = parse(
      "username admin password plain 1 Secr3t administrator\n"
      "username ops password hash 0C34240482\n");
  REQUIRE(d.secrets.size() == 2);
  CHECK(d.secrets[0].clear_digest == d.secrets[0].digest);
  CHECK_FALSE(d.secrets[0].clear_digest.empty());
  CHECK(d.secrets[1].clear_digest.empty());
}

TEST_CASE("NEC IX: IPv6 interfaces and IPv6 filters are recorded", "[nec]") {
  auto d = parse(
      "hostname ix\n"
      "interface GigaEthernet0.0\n"  // 2
      "  ip address 192.0.2.2/30\n"
      "  ipv6 enable\n"              // 4
      "  ipv6 filter v6-in 10 in\n"  // 5
      "  no shutdown\n"
      "interface GigaEthernet1.0\n"
      "  ip address 10.0.0.1/24\n"
      "  no shutdown\n");
  const auto* g0 = d.find_interface("GigaEthernet0.0");
  REQUIRE(g0);
  REQUIRE(g0->ipv6.size() == 1);
  CHECK(g0->ipv6[0].second.line == 4);
  CHECK(g0->ipv6_filter_in == "v6-in");
  CHECK(g0->ipv6_filter_in_ref.line == 5);
  const auto* g1 = d.find_interface("GigaEthernet1.0");
  REQUIRE(g1);
  CHECK(g1->ipv6.empty());
}
