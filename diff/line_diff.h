// The lines a change touched in one file: an edit script between two texts (dtl, Wu's O(NP)
// algorithm), each changed line with its number on its own side.
#pragma once
#include <string>
#include <vector>

namespace gp::diff {

struct LineChange {
  bool added = false;  // false: removed
  int line = 0;        // 1-based, in AFTER for an added line, in BEFORE for a removed one
  std::string text;
};

std::vector<std::string> split_lines(const std::string& text);
std::vector<LineChange> line_changes(const std::vector<std::string>& before,
                                     const std::vector<std::string>& after);

}  // namespace gp::diff
