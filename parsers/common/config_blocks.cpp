#include "parsers/common/config_blocks.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "IndentedConfigLexer.h"
#include "IndentedConfigParser.h"
#include "antlr4-runtime.h"
#include "base/input_error.h"
#include "parsers/common/utf8.h"

namespace gp::parsers {

namespace {

std::string rtrim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.pop_back();
  return s;
}

ConfigLine make_line(antlr4::tree::TerminalNode* node) {
  ConfigLine l;
  l.line = static_cast<int>(node->getSymbol()->getLine());
  std::string raw = node->getText();
  size_t n = 0;
  while (n < raw.size() && (raw[n] == ' ' || raw[n] == '\t')) ++n;
  l.indent = static_cast<int>(n);
  l.text = rtrim(raw.substr(n));
  return l;
}

// Nests `flat` (already in file order) under `parent`, which sits at `depth`, by indentation.
// At depth kMaxBlockDepth - 1 every line more indented than `parent` is its child: recursion
// here, in each dialect's walks and in ~ConfigLine stays bounded whatever the file (one whose
// lines are each one space deeper would otherwise recurse once per line).
void nest(std::vector<ConfigLine>& flat, size_t& pos, ConfigLine& parent, int depth) {
  while (pos < flat.size() && flat[pos].indent > parent.indent) {
    ConfigLine child = std::move(flat[pos++]);
    if (depth + 1 < kMaxBlockDepth) nest(flat, pos, child, depth + 1);
    parent.children.push_back(std::move(child));
  }
}

class SilentErrors : public antlr4::BaseErrorListener {
 public:
  void syntaxError(antlr4::Recognizer*, antlr4::Token*, size_t, size_t, const std::string&,
                   std::exception_ptr) override {}
};

}  // namespace

std::vector<ConfigLine> read_config_blocks(std::string_view content) {
  // ANTLR's UTF-8 decoder (wstring_convert) throws on anything not well-formed: overlong forms,
  // surrogates, bytes of another encoding. Text from decode_config_text is already valid; this
  // guards direct callers (tests, raw bytes) with the same strict check.
  antlr4::ANTLRInputStream input(replace_invalid_utf8(content, "?"));
  gp_grammar::IndentedConfigLexer lexer(&input);
  antlr4::CommonTokenStream tokens(&lexer);
  gp_grammar::IndentedConfigParser parser(&tokens);
  SilentErrors quiet;  // the grammar accepts every line sequence; nothing to report
  lexer.removeErrorListeners();
  parser.removeErrorListeners();
  lexer.addErrorListener(&quiet);
  parser.addErrorListener(&quiet);
  // SLL is exact for this grammar and much faster on large files.
  parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
      antlr4::atn::PredictionMode::SLL);
  auto* tree = parser.config();

  std::vector<ConfigLine> blocks;
  for (auto* b : tree->block()) {
    ConfigLine top = make_line(b->TOPLINE());
    std::vector<ConfigLine> flat;
    for (auto* s : b->SUBLINE()) {
      ConfigLine l = make_line(s);
      if (l.text.empty()) continue;  // whitespace-only line
      flat.push_back(std::move(l));
    }
    size_t pos = 0;
    top.indent = 0;
    nest(flat, pos, top, 0);
    // Children less indented than their siblings' first child still belong to this block.
    while (pos < flat.size()) {
      ConfigLine child = std::move(flat[pos++]);
      nest(flat, pos, child, 1);
      top.children.push_back(std::move(child));
    }
    blocks.push_back(std::move(top));
  }
  return blocks;
}

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size()) break;
    if (text[i] == '"') {
      size_t end = text.find('"', i + 1);
      if (end == std::string_view::npos) end = text.size();
      words.emplace_back(text.substr(i + 1, end - i - 1));
      i = end + 1;
    } else {
      size_t end = i;
      while (end < text.size() && text[end] != ' ' && text[end] != '\t') ++end;
      words.emplace_back(text.substr(i, end - i));
      i = end;
    }
  }
  return words;
}

std::string read_file(const std::string& path, const SourceRef& referenced_from) {
  // A FIFO or a device (topology.yaml -> /dev/zero) would be read forever, a huge file until
  // memory runs out: neither is an input that can be audited.
  std::error_code ec;
  if (std::filesystem::exists(path, ec) && !std::filesystem::is_regular_file(path, ec))
    throw InputError(referenced_from, "'" + path + "' is not a regular file; expected a text file");
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxFileBytes)
    throw InputError(referenced_from, "'" + path + "' holds " + std::to_string(size >> 20) +
                                          " MB; expected at most " + std::to_string(kMaxFileBytes >> 20) +
                                          " MB");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(referenced_from, "cannot read file '" + path + "'");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace gp::parsers
