// Yamaha RTX facts behind the crypto and management checks: IPsec/IKE algorithms per line, the
// console recovery password of `security class`, TFTP access, absent passwords, dynamic filters.
#include <catch2/catch.hpp>

#include "parsers/yamaha_rtx/yamaha_rtx.h"

using namespace gp;

namespace {

model::Device parse(const std::string& text) { return parsers::parse_yamaha_rtx(text, "rtx.cfg"); }

const model::MgmtService* service(const model::Device& d, model::MgmtProtocol p) {
  for (const auto& s : d.services)
    if (s.protocol == p) return &s;
  return nullptr;
}

}  // namespace

TEST_CASE("Yamaha: SA policy and IKE settings become proposals with neutral algorithms and their lines",
          "[yamaha]") {
  auto d = parse(
      "tunnel select 1\n"                                  // 1
      " ipsec tunnel 101\n"                                // 2
      "  ipsec sa policy 101 1 esp des-cbc sha256-hmac\n"  // 3
      "  ipsec ike encryption 1 aes256-cbc\n"              // 4
      "  ipsec ike hash 1 sha\n"                           // 5
      "  ipsec ike group 1 modp1536 modp2048\n"            // 6
      "  ipsec ike remote address 1 198.51.100.1\n"        // 7
      " tunnel enable 1\n");
  REQUIRE(d.unrecognised.empty());
  REQUIRE(d.vpns.size() == 1);
  const auto& p = d.vpns[0].proposals;
  REQUIRE(p.size() == 4);
  CHECK(p[0].algorithms == std::vector<std::string>{"des", "sha256"});
  CHECK(p[0].src_ref.line == 3);
  CHECK(p[1].algorithms == std::vector<std::string>{"aes256"});
  CHECK(p[1].src_ref.line == 4);
  CHECK(p[1].assumed_default.empty());
  CHECK(p[2].algorithms == std::vector<std::string>{"sha1"});
  CHECK(p[2].src_ref.line == 5);
  CHECK(p[3].algorithms == std::vector<std::string>{"modp1536", "modp2048"});
  CHECK(p[3].src_ref.line == 6);
  // ESP with neither an encryption nor an HMAC word: aes-cbc, no integrity (§15.48.2).
  auto bare = parse("tunnel select 1\n ipsec tunnel 1\n  ipsec sa policy 1 1 esp\n tunnel enable 1\n");
  REQUIRE(bare.vpns.size() == 1);
  CHECK(bare.vpns[0].proposals.at(0).algorithms == std::vector<std::string>{"aes128", "none"});
}

TEST_CASE("Yamaha: security class lines are read; forget on is a built-in secret at its line", "[yamaha]") {
  auto on = parse("security class 1 on on off\n");
  REQUIRE(on.unrecognised.empty());
  int fixed = 0;
  for (const auto& s : on.secrets)
    if (s.storage == model::SecretStorage::Fixed) {
      ++fixed;
      CHECK(s.src_ref.line == 1);
      CHECK(s.owner == "(console recovery)");
      CHECK(s.digest.size() == 16);
    }
  CHECK(fixed == 1);
  for (const auto& s : parse("security class 2 off on on\n").secrets)
    CHECK(s.storage != model::SecretStorage::Fixed);
  // A form not read is reported, as a management line (it cannot change forwarding).
  auto odd = parse("security class 1 maybe\n");
  REQUIRE(odd.unrecognised.size() == 1);
  CHECK(odd.unrecognised[0].context == model::LineContext::Management);
  CHECK_FALSE(odd.unrecognised[0].affects_forwarding);
}

TEST_CASE("Yamaha: tftp host is a TFTP service with its host list", "[yamaha]") {
  auto any = parse("tftp host any\n");
  const auto* t = service(any, model::MgmtProtocol::Tftp);
  REQUIRE(t);
  CHECK(t->enabled);
  CHECK(t->allowed_sources.empty());
  CHECK(t->src_ref.line == 1);
  CHECK(t->access_setting == "tftp host");
  auto one_dev = parse("tftp host 192.168.0.10\n");
  const auto* one = service(one_dev, model::MgmtProtocol::Tftp);
  REQUIRE(one);
  REQUIRE(one->allowed_sources.size() == 1);
  CHECK(one->allowed_sources[0].addr == *parse_ipv4("192.168.0.10"));
  auto none_dev = parse("tftp host none\n");
  const auto* none = service(none_dev, model::MgmtProtocol::Tftp);
  REQUIRE(none);
  CHECK_FALSE(none->enabled);
  CHECK_FALSE(service(parse("ip lan1 address 192.168.0.1/24\n"), model::MgmtProtocol::Tftp));
  // No note about TFTP any more: the service is the fact.
  for (const auto& n : any.notes) CHECK(n.first.find("tftp") == std::string::npos);
}

TEST_CASE("Yamaha: passwords not configured are absent secrets; telnet's default is documented", "[yamaha]") {
  auto d = parse("ip lan1 address 192.168.0.1/24\n");
  int absent = 0;
  for (const auto& s : d.secrets) absent += s.storage == model::SecretStorage::Absent;
  CHECK(absent == 2);  // login and administrator
  const auto* telnet = service(d, model::MgmtProtocol::Telnet);
  REQUIRE(telnet);
  CHECK(telnet->is_default);
  CHECK_FALSE(telnet->default_source.empty());
}

TEST_CASE("Yamaha: dynamic filter rules are marked outside list order, static ones are not", "[yamaha]") {
  auto d = parse(
      "ip filter 1 pass * * * * *\nip filter dynamic 10 * * ftp\n"
      "ip lan2 secure filter out 1 dynamic 10\n");
  const auto& f = d.filters.at("lan2 secure filter out");
  REQUIRE(f.rules.size() == 2);
  CHECK_FALSE(f.rules[0].outside_list_order);
  CHECK(f.rules[1].outside_list_order);
}
