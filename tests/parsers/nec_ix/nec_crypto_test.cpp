// NEC IX proposals behind the crypto checks: `ike proposal` and `ipsec autokey-proposal` read
// after their name, with their lines.
#include <catch2/catch.hpp>

#include "parsers/nec_ix/nec_ix.h"

using namespace gp;

TEST_CASE("NEC IX: IKE and ESP proposals with neutral algorithms, the name never read", "[nec]") {
  auto d = parsers::parse_nec_ix(
      "ip access-list sec-list permit ip src 10.1.0.0/16 dest 10.2.0.0/16\n"                    // 1
      "ike proposal ike-prop encryption aes-256 hash sha2-256 group 2048-bit lifetime 28800\n"  // 2
      "ike policy ike-pol peer 203.0.113.9 key Kx9#2vLq ike-prop\n"                             // 3
      "ipsec autokey-proposal esp-des-md5 esp-3des esp-md5-hmac\n"                              // 4
      "ipsec autokey-map ipsec-map sec-list peer 203.0.113.9 esp-des-md5\n"                     // 5
      "ip route default Tunnel0.0\n"                                                            // 6
      "interface Tunnel0.0\n  tunnel mode ipsec\n  ipsec policy tunnel ipsec-map out\n  no shutdown\n",
      "ix.cfg");
  REQUIRE(d.vpns.size() == 1);
  const auto& p = d.vpns[0].proposals;
  REQUIRE(p.size() == 2);
  CHECK(p[0].src_ref.line == 4);
  CHECK(p[0].algorithms == std::vector<std::string>{"3des", "md5"});  // not "des" from the name
  CHECK(p[1].src_ref.line == 2);
  CHECK(p[1].algorithms == std::vector<std::string>{"aes256", "sha256", "modp2048"});
  // A map naming a proposal this file does not define: no proposal, a note at the map.
  auto undefined = parsers::parse_nec_ix(
      "ipsec autokey-map m acl peer 203.0.113.9 esp-3des\ninterface Tunnel0.0\n  ipsec policy tunnel m out\n",
      "ix.cfg");
  REQUIRE(undefined.vpns.size() == 1);
  CHECK(undefined.vpns[0].proposals.empty());
  bool noted = false;
  for (const auto& n : undefined.notes)
    noted |= n.first.find("'esp-3des' is not defined") != std::string::npos;
  CHECK(noted);
}
