#include "base/ipv4.h"

#include <catch2/catch.hpp>

using namespace gp;

TEST_CASE("ipv4 parsing rejects malformed addresses", "[base]") {
  CHECK(parse_ipv4("10.1.2.3") == 0x0A010203u);
  CHECK_FALSE(parse_ipv4("10.1.2"));
  CHECK_FALSE(parse_ipv4("10.1.2.256"));
  CHECK_FALSE(parse_ipv4("10.1.2.3x"));
  CHECK_FALSE(parse_ipv4(""));
}

TEST_CASE("masks and prefixes", "[base]") {
  CHECK(mask_to_len(0xFFFFFF00u) == 24);
  CHECK(mask_to_len(0) == 0);
  CHECK_FALSE(mask_to_len(0xFF00FF00u));
  auto p = parse_prefix("192.168.1.77/24");
  REQUIRE(p);
  CHECK(p->network() == 0xC0A80100u);
  CHECK(p->contains(0xC0A801FFu));
  CHECK_FALSE(p->contains(0xC0A80200u));
  CHECK_FALSE(parse_prefix("1.2.3.4/33"));
}

TEST_CASE("non-contiguous wildcards match exactly", "[base]") {
  AddrMatch m{0x0A000001u, 0x00FF0000u};  // 10.x.0.1
  CHECK(m.matches(0x0A370001u));
  CHECK_FALSE(m.matches(0x0A370002u));
}
