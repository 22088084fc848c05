// FortiOS configuration structure: config / edit / set / unset / next / end lines, nested by
// keyword (not by indentation). Values may be double-quoted, with backslash escapes, and a quoted
// value may run over several lines (PEM certificates, replacement messages).
#pragma once
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace gp::parsers::fgt {

struct Node {
  enum class Kind { Config, Edit, Set, Unset, Other };
  Kind kind = Kind::Other;
  int line = 0;                    // 1-based line of the keyword
  int last_line = 0;               // last line the statement spans (multi-line quoted values)
  std::string keyword;             // "config", "edit", "set", ... as written
  std::vector<std::string> words;  // the words after the keyword, quotes removed
  std::string text;                // the first line of the statement, trimmed
  std::deque<Node> children;       // Config: edit/set/config lines; Edit: set/config lines
  int close_line = 0;              // the "next" / "end" line that closes it (0: none)
  std::vector<int> append_lines;   // "append k v" lines merged into this "set k" line

  std::string path() const;                          // Config: words joined by one space
  const Node* find_set(std::string_view key) const;  // first "set key ..." child
};

// Blocks open at once, at most: FortiOS nests config/edit about 6 deep. Statements inside a block
// opened deeper are not a FortiOS configuration: they are kept flat in Tree::too_deep (to be
// reported as not understood), so no walk over the tree and no destructor recurses once per
// line of a hostile file.
constexpr size_t kMaxDepth = 64;

struct Tree {
  std::deque<Node> top;  // top-level statements in file order
  int total_lines = 0;
  std::vector<int> structure_lines;                // next/end lines that close a block
  std::vector<std::pair<int, std::string>> stray;  // next/end with nothing to close
  std::vector<int> comments;                       // "#" lines inside blocks
  // A saved FortiOS configuration closes every block: blocks still open at the end of the file,
  // or a quoted value that never closes, mean the file was cut short.
  std::vector<int> unclosed;   // lines of "config" blocks open at the end of the file, outermost first
  int unterminated_quote = 0;  // line of a statement whose quoted value runs to the end of the file
  std::vector<Node> too_deep;  // statements beyond kMaxDepth (and the block lines opening them), no children
};

Tree read_tree(std::string_view content);

}  // namespace gp::parsers::fgt
