#include "parsers/common/words.h"

#include <algorithm>
#include <boost/spirit/home/x3.hpp>
#include <cctype>

namespace gp::parsers {
namespace x3 = boost::spirit::x3;

std::string lower(std::string_view s) {
  std::string r(s);
  for (auto& ch : r) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return r;
}

std::string join(const std::vector<std::string>& w, size_t from, size_t to) {
  std::string r;
  to = std::min(to, w.size());
  for (size_t i = from; i < to; ++i) {
    if (!r.empty()) r += ' ';
    r += w[i];
  }
  return r;
}

std::optional<int> to_int(std::string_view s) {
  unsigned v = 0;
  auto first = s.begin();
  if (s.empty() || s.size() > 9 || !x3::parse(first, s.end(), x3::uint_, v) || first != s.end())
    return std::nullopt;
  return static_cast<int>(v);
}

}  // namespace gp::parsers
