// Reads an indentation-structured configuration into a tree of lines (ANTLR grammar
// IndentedConfig.g4 for the block structure, indentation for deeper levels).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/source_ref.h"

namespace gp::parsers {

struct ConfigLine {
  int line = 0;                      // 1-based line number in the file
  int indent = 0;                    // leading spaces (a tab counts as one)
  std::string text;                  // without indentation and trailing whitespace
  std::vector<ConfigLine> children;  // lines indented under this one
};

// Levels of nesting kept, at most: real configurations use 3 or 4. Lines nested deeper stay at
// the deepest level, in file order, under the same parent as the line above them: every line is
// still in the tree, and accounted for by its dialect as part of that block.
constexpr int kMaxBlockDepth = 64;

// Splits `content` into top-level blocks. Bytes that are not well-formed UTF-8 (utf8.h), and NUL,
// are replaced by '?', so any byte sequence is accepted; line numbers always match the file. No
// line is deeper than kMaxBlockDepth (the top-level line is depth 0).
std::vector<ConfigLine> read_config_blocks(std::string_view content);

// Splits a line into words. Double-quoted strings are one word (quotes removed).
std::vector<std::string> split_words(std::string_view text);

// Larger input files are refused: the parsers hold several times a file's size in memory.
constexpr unsigned long long kMaxFileBytes = 256ull << 20;

// Reads a whole file; throws InputError when it cannot be read, is not a regular file or is
// larger than kMaxFileBytes.
std::string read_file(const std::string& path, const SourceRef& referenced_from);

}  // namespace gp::parsers
