// IPv4 addresses, prefixes and Cisco-style wildcard matches, plus their text parsers.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gp {

using Ipv4 = uint32_t;  // host byte order

struct Prefix {
  Ipv4 addr = 0;  // the address as written (host bits may be set, e.g. an interface address)
  int len = 0;    // 0..32

  Ipv4 mask() const { return len == 0 ? 0 : ~Ipv4{0} << (32 - len); }
  Ipv4 network() const { return addr & mask(); }
  bool contains(Ipv4 a) const { return (a & mask()) == network(); }
  bool operator==(const Prefix& o) const { return addr == o.addr && len == o.len; }
};

// addr/wildcard as in Cisco ACLs: a bit set in `wildcard` is "don't care".
// Non-contiguous wildcards are legal and are modelled exactly.
struct AddrMatch {
  Ipv4 addr = 0;
  Ipv4 wildcard = 0xFFFFFFFFu;  // default: any

  static AddrMatch any() { return {0, 0xFFFFFFFFu}; }
  static AddrMatch host(Ipv4 a) { return {a, 0}; }
  static AddrMatch of(const Prefix& p) { return {p.network(), ~p.mask()}; }
  bool is_any() const { return wildcard == 0xFFFFFFFFu; }
  bool matches(Ipv4 a) const { return ((a ^ addr) & ~wildcard) == 0; }
};

std::optional<Ipv4> parse_ipv4(std::string_view text);
// "255.255.255.0" -> 24; nullopt when the mask is not contiguous.
std::optional<int> mask_to_len(Ipv4 mask);
// "10.0.0.0/8" (or a bare address, as /32).
std::optional<Prefix> parse_prefix(std::string_view text);
std::string format_ipv4(Ipv4 a);
std::string format_prefix(const Prefix& p);  // "10.1.2.0/24" using the address as written
bool is_rfc1918(Ipv4 a);

}  // namespace gp
