// IP protocol and TCP/UDP port names as router dialects write them in filters (the IANA names
// and the short forms Cisco-style command lines print: "www", "domain", "isakmp"...). Shared by
// the dialects whose filters use these names; a dialect with names of its own keeps its own table.
#pragma once
#include <optional>
#include <string_view>

namespace gp::parsers {

// "tcp" -> 6, "ip" -> -1 (any protocol), "47" -> 47; none for anything else.
std::optional<int> protocol_number(std::string_view w);
// A port number or name for protocol `proto` (6 TCP, 17 UDP, 0 either); none if unknown.
std::optional<int> port_number(std::string_view w, int proto);

}  // namespace gp::parsers
