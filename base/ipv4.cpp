#include "base/ipv4.h"

#include <boost/spirit/home/x3.hpp>

namespace gp {
namespace x3 = boost::spirit::x3;

namespace {
// One octet: 0..255, at most 3 digits.
const auto octet = x3::uint_parser<unsigned, 10, 1, 3>{};
}  // namespace

std::optional<Ipv4> parse_ipv4(std::string_view text) {
  unsigned a = 0, b = 0, c = 0, d = 0;
  auto first = text.begin();
  const auto last = text.end();
  auto set = [](unsigned& dst) { return [&dst](auto& ctx) { dst = x3::_attr(ctx); }; };
  bool ok = x3::parse(first, last,
                      octet[set(a)] >> '.' >> octet[set(b)] >> '.' >> octet[set(c)] >> '.' >> octet[set(d)]);
  if (!ok || first != last || a > 255 || b > 255 || c > 255 || d > 255) return std::nullopt;
  return (Ipv4{a} << 24) | (Ipv4{b} << 16) | (Ipv4{c} << 8) | Ipv4{d};
}

std::optional<int> mask_to_len(Ipv4 mask) {
  int len = 0;
  while (len < 32 && (mask & (0x80000000u >> len))) ++len;
  Prefix p{0, len};
  if (p.mask() != mask) return std::nullopt;
  return len;
}

std::optional<Prefix> parse_prefix(std::string_view text) {
  auto slash = text.find('/');
  auto addr = parse_ipv4(text.substr(0, slash));
  if (!addr) return std::nullopt;
  if (slash == std::string_view::npos) return Prefix{*addr, 32};
  auto len_text = text.substr(slash + 1);
  unsigned len = 0;
  auto first = len_text.begin();
  if (!x3::parse(first, len_text.end(), x3::uint_parser<unsigned, 10, 1, 2>{}, len) ||
      first != len_text.end() || len > 32)
    return std::nullopt;
  return Prefix{*addr, static_cast<int>(len)};
}

std::string format_ipv4(Ipv4 a) {
  return std::to_string(a >> 24) + "." + std::to_string((a >> 16) & 255) + "." +
         std::to_string((a >> 8) & 255) + "." + std::to_string(a & 255);
}

std::string format_prefix(const Prefix& p) { return format_ipv4(p.addr) + "/" + std::to_string(p.len); }

bool is_rfc1918(Ipv4 a) {
  return Prefix{0x0A000000u, 8}.contains(a) || Prefix{0xAC100000u, 12}.contains(a) ||
         Prefix{0xC0A80000u, 16}.contains(a);
}

}  // namespace gp
