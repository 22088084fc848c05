#include "diff/line_diff.h"

#include <dtl/dtl.hpp>

namespace gp::diff {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::vector<LineChange> line_changes(const std::vector<std::string>& before,
                                     const std::vector<std::string>& after) {
  std::vector<LineChange> out;
  if (before == after) return out;
  dtl::Diff<std::string, std::vector<std::string>> d(before, after);
  if (before.size() + after.size() > 20000) d.onHuge();  // bounded memory for very large files
  d.compose();
  for (const auto& [text, info] : d.getSes().getSequence()) {
    if (info.type == dtl::SES_ADD)
      out.push_back({true, static_cast<int>(info.afterIdx), text});
    else if (info.type == dtl::SES_DELETE)
      out.push_back({false, static_cast<int>(info.beforeIdx), text});
  }
  return out;
}

}  // namespace gp::diff
