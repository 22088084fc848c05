// Word helpers every dialect parser uses: case folding, joining words back into text, decimal
// numbers. Dialect-free: no keyword of any vendor appears here.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gp::parsers {

// ASCII lower case (configuration keywords; non-ASCII bytes are left as they are).
std::string lower(std::string_view s);
// Words [from, to) joined by single spaces.
std::string join(const std::vector<std::string>& w, size_t from = 0, size_t to = std::string::npos);
// A decimal number of at most 9 digits, nothing else ("12" -> 12; "12a", "-1", "" -> none).
std::optional<int> to_int(std::string_view s);

}  // namespace gp::parsers
