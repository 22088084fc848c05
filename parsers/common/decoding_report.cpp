#include "parsers/common/decoding_report.h"

#include <algorithm>

namespace gp::parsers {

namespace {

std::string encoding_note(const DecodedText& t) {
  std::string s = std::string("read as ") + encoding_name(t.encoding);
  if (t.bom) s += " (byte order mark)";
  if (t.utf16_by_pattern) s += " (no byte order mark: told by the NUL byte in every other byte)";
  return s;
}

int non_blank_lines(const std::string& text) {
  int n = 0;
  bool blank = true;
  for (char ch : text) {
    if (ch == '\n') {
      n += !blank;
      blank = true;
    } else if (ch != ' ' && ch != '\t') {
      blank = false;
    }
  }
  return n + !blank;
}

}  // namespace

void record_decoding(const DecodedText& t, const std::string& file, model::Device& dev) {
  dev.encoding = encoding_name(t.encoding);
  if (t.encoding != TextEncoding::Utf8 || t.bom) dev.notes.push_back({encoding_note(t), {file, 0, 0}});

  const int shown = std::min<int>(static_cast<int>(t.undecodable.size()), kMaxUndecodableNotes);
  for (int k = 0; k < shown; ++k) {
    const auto& [line, n] = t.undecodable[k];
    dev.notes.push_back({std::to_string(n) + " byte sequence(s) that decode in no supported encoding (" +
                             encoding_name(t.encoding) + " chosen) replaced by U+FFFD",
                         {file, line, 0}});
  }
  if (static_cast<int>(t.undecodable.size()) > shown)
    dev.notes.push_back({std::to_string(t.undecodable.size() - shown) +
                             " more line(s) with bytes that decode in no supported encoding",
                         {file, t.undecodable[shown].first, 0}});

  if (t.binary) {
    dev.damage.push_back({"the file is not text (binary data at line " + std::to_string(t.binary_line) + ")",
                          {file, t.binary_line, 0}});
    return;
  }
  const int lines = non_blank_lines(t.text);
  const int bad = static_cast<int>(t.undecodable.size());
  if (bad > 0 && bad * 2 > lines)
    dev.damage.push_back({std::to_string(bad) + " of " + std::to_string(lines) +
                              " lines had bytes that decode in no supported encoding (UTF-8, UTF-16, "
                              "Shift_JIS (CP932), EUC-JP)",
                          {file, t.undecodable.front().first, 0}});
}

}  // namespace gp::parsers
