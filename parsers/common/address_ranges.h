// Address ranges ("first - last", as pools, objects and filters write them) as the prefixes
// that cover them exactly.
#pragma once
#include <vector>

#include "base/ipv4.h"

namespace gp::parsers {

// The fewest prefixes covering lo..hi exactly, lowest first; none when lo > hi.
std::vector<Prefix> range_to_prefixes(Ipv4 lo, Ipv4 hi);
// The same for a range whose ends may be written in either order (ASA, FortiGate objects).
std::vector<Prefix> range_to_prefixes_any_order(Ipv4 a, Ipv4 b);

}  // namespace gp::parsers
