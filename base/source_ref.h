// Provenance: where in the input a fact came from. Every model fact carries one.
#pragma once
#include <string>

namespace gp {

struct SourceRef {
  std::string file;  // path relative to the snapshot folder, e.g. "configs/hq-rtr.cfg"
  int line = 0;      // 1-based; 0 = not from a file (a default or an inference)
  int column = 0;    // 1-based; 0 = whole line

  bool known() const { return line > 0; }
  std::string str() const {
    if (file.empty()) return "(built-in)";
    if (line <= 0) return file;
    return file + ":" + std::to_string(line) + (column > 0 ? ":" + std::to_string(column) : "");
  }
};

}  // namespace gp
