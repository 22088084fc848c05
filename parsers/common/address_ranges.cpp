#include "parsers/common/address_ranges.h"

#include <cstdint>
#include <utility>

namespace gp::parsers {

std::vector<Prefix> range_to_prefixes(Ipv4 lo, Ipv4 hi) {
  std::vector<Prefix> out;
  if (lo > hi) return out;
  uint64_t cur = lo;
  const uint64_t end = uint64_t{hi} + 1;
  while (cur < end) {
    int len = 32;
    // Grow the block while aligned and inside the range.
    while (len > 0) {
      uint64_t size = uint64_t{1} << (32 - (len - 1));
      if ((cur & (size - 1)) != 0 || cur + size > end) break;
      --len;
    }
    out.push_back(Prefix{static_cast<Ipv4>(cur), len});
    cur += uint64_t{1} << (32 - len);
  }
  return out;
}

std::vector<Prefix> range_to_prefixes_any_order(Ipv4 a, Ipv4 b) {
  if (a > b) std::swap(a, b);
  return range_to_prefixes(a, b);
}

}  // namespace gp::parsers
