// Whether a filter rule logs its matches (FilterRule::logged), per dialect: what the IT-OT
// logging check reads. nullopt means the parser does not know the dialect's rule logging.
#include <catch2/catch.hpp>

#include "parsers/registry.h"

using namespace gp;

namespace {

const model::FilterRule& rule_at(const model::Device& d, int line) {
  for (const auto& [name, f] : d.filters)
    for (const auto& r : f.rules)
      if (r.src_ref.line == line) return r;
  FAIL("no rule at line " << line);
  return d.filters.begin()->second.rules.front();
}

model::Device parse(const std::string& text, model::Vendor v) {
  return parsers::parse_device(text, "x.cfg", v);
}

}  // namespace

TEST_CASE("rule logging: IOS 'log' / 'log-input'", "[parsers][logging]") {
  auto d = parse(
      "ip access-list extended IN\n"
      " permit tcp any host 10.0.0.1 eq 502 log\n"      // 2
      " permit tcp any host 10.0.0.1 eq 22\n"           // 3
      " permit udp any any eq 161 log-input\n"          // 4
      "access-list 10 permit 10.0.0.0 0.0.0.255 log\n"  // 5
      "access-list 10 permit 10.1.0.0 0.0.0.255\n",     // 6
      model::Vendor::CiscoIos);
  CHECK(rule_at(d, 2).logged == true);
  CHECK(rule_at(d, 3).logged == false);
  CHECK(rule_at(d, 4).logged == true);
  CHECK(rule_at(d, 5).logged == true);
  CHECK(rule_at(d, 6).logged == false);
}

TEST_CASE("rule logging: ASA 'log [level]', 'log disable'", "[parsers][logging]") {
  auto d = parse(
      "ASA Version 9.12(4)\n"
      "access-list IN extended permit tcp any host 10.0.0.1 eq 502 log informational\n"  // 2
      "access-list IN extended permit tcp any host 10.0.0.1 eq 22\n"                     // 3
      "access-list IN extended permit tcp any host 10.0.0.1 eq 80 log disable\n",        // 4
      model::Vendor::CiscoAsa);
  CHECK(rule_at(d, 2).logged == true);
  CHECK(rule_at(d, 3).logged == false);
  CHECK(rule_at(d, 4).logged == false);
}

TEST_CASE("rule logging: FortiGate 'logtraffic all' only", "[parsers][logging]") {
  auto d = parse(
      "config firewall policy\n"
      "    edit 1\n"  // 2
      "        set srcintf \"port1\"\n"
      "        set dstintf \"port2\"\n"
      "        set srcaddr \"all\"\n"
      "        set dstaddr \"all\"\n"
      "        set action accept\n"
      "        set service \"ALL\"\n"
      "        set logtraffic all\n"
      "    next\n"
      "    edit 2\n"  // 11
      "        set srcintf \"port1\"\n"
      "        set dstintf \"port2\"\n"
      "        set srcaddr \"all\"\n"
      "        set dstaddr \"all\"\n"
      "        set action accept\n"
      "        set service \"ALL\"\n"
      "    next\n"
      "end\n",
      model::Vendor::Fortigate);
  CHECK(rule_at(d, 2).logged == true);
  CHECK(rule_at(d, 11).logged == false);  // default "utm": security events only
}

TEST_CASE("rule logging: Yamaha pass-log / pass / reject", "[parsers][logging]") {
  auto d = parse(
      "ip filter 100 pass-log * 192.168.1.0/24 tcp * 502\n"  // 1
      "ip filter 101 pass * 192.168.1.0/24 tcp * 22\n"       // 2
      "ip filter 102 reject * * * * *\n"                     // 3
      "ip lan1 secure filter in 100 101 102\n",
      model::Vendor::YamahaRtx);
  CHECK(rule_at(d, 1).logged == true);
  CHECK(rule_at(d, 2).logged == false);
  CHECK_FALSE(rule_at(d, 3).logged.has_value());
}
