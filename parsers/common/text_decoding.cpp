#include "parsers/common/text_decoding.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <optional>
#include <tuple>

#include "parsers/common/utf8.h"

namespace gp::parsers {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Text converted to UTF-8, with the output offsets where a replacement stands for input bytes
// that did not decode (a U+FFFD already in the input is not one of them).
struct Converted {
  std::string utf8;
  std::vector<size_t> errors;  // offsets in utf8, ascending
  size_t error_bytes = 0;      // input bytes replaced
};

Converted from_utf8(std::string_view in) {
  Converted c;
  c.utf8.reserve(in.size());
  size_t i = 0;
  while (i < in.size()) {
    const size_t len = utf8_sequence_length(in, i);
    if (len == 0) {
      c.errors.push_back(c.utf8.size());
      c.utf8.append(kReplacement);
      ++c.error_bytes;
      ++i;
    } else {
      c.utf8.append(in.substr(i, len));
      i += len;
    }
  }
  return c;
}

struct IconvHandle {
  iconv_t cd;
  explicit IconvHandle(const char* from) : cd(iconv_open("UTF-8", from)) {}
  ~IconvHandle() {
    if (ok()) iconv_close(cd);
  }
  IconvHandle(const IconvHandle&) = delete;
  IconvHandle& operator=(const IconvHandle&) = delete;
  bool ok() const { return cd != reinterpret_cast<iconv_t>(-1); }
};

// Strict decoding by glibc's iconv. A byte sequence iconv rejects (EILSEQ) or that ends the input
// unfinished (EINVAL) costs `unit` input bytes (1 for the Japanese multi-byte encodings, 2 for
// UTF-16) and one U+FFFD; decoding resumes after them. nullopt when glibc lacks the converter.
std::optional<Converted> from_iconv(std::string_view in, const char* from, size_t unit) {
  IconvHandle h(from);
  if (!h.ok()) return std::nullopt;
  Converted c;
  c.utf8.resize(in.size() + in.size() / 2 + 16);
  char* src = const_cast<char*>(in.data());  // iconv's signature; the input is not written
  size_t src_left = in.size();
  size_t used = 0;
  while (src_left > 0) {
    char* dst = c.utf8.data() + used;
    size_t dst_left = c.utf8.size() - used;
    const size_t r = iconv(h.cd, &src, &src_left, &dst, &dst_left);
    const int err = errno;
    used = c.utf8.size() - dst_left;
    if (r != static_cast<size_t>(-1)) break;
    if (err == E2BIG || c.utf8.size() - used < kReplacement.size()) {
      c.utf8.resize(c.utf8.size() * 2 + 16);
      if (err == E2BIG) continue;
    }
    const size_t skip = std::min(unit, src_left);
    src += skip;
    src_left -= skip;
    c.errors.push_back(used);
    c.utf8.replace(used, kReplacement.size(), kReplacement);
    used += kReplacement.size();
    c.error_bytes += skip;
    iconv(h.cd, nullptr, nullptr, nullptr, nullptr);  // back to the initial state
  }
  c.utf8.resize(used);
  return c;
}

// Without a BOM: UTF-16 when most 2-byte units of the start have a NUL on one side and a non-NUL
// on the other, always the same side (ASCII text in UTF-16), and almost never the other way.
std::optional<TextEncoding> utf16_by_nul_pattern(std::string_view raw) {
  const size_t n = std::min<size_t>(raw.size(), 65536) / 2;
  if (n == 0) return std::nullopt;
  size_t le = 0, be = 0;
  for (size_t k = 0; k < n; ++k) {
    const bool z0 = raw[2 * k] == '\0', z1 = raw[2 * k + 1] == '\0';
    le += !z0 && z1;
    be += z0 && !z1;
  }
  if (le * 10 >= n * 4 && be * 10 < le) return TextEncoding::Utf16Le;
  if (be * 10 >= n * 4 && le * 10 < be) return TextEncoding::Utf16Be;
  return std::nullopt;
}

// How wrong a reading looks: bytes that did not decode plus C1 controls U+0080-009F (text never
// holds them; glibc's EUC-JP passes bytes 80-9F through, so Shift_JIS katakana decode "without
// error" as EUC-JP), then half-width katakana U+FF61-FF9F (CP932 reads the EUC-JP kanji bytes
// A1-DF as single-byte kana; device text uses them only now and then). Lower is better.
std::pair<size_t, size_t> misread_score(const Converted& c) {
  size_t bad = c.error_bytes, kana = 0;
  const std::string& s = c.utf8;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    const auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]);
    if (b0 == 0xC2) {
      bad += b1 >= 0x80 && b1 <= 0x9F;  // C2 80-9F
    } else if (b0 == 0xEF && i + 2 < s.size()) {
      const auto b2 = static_cast<unsigned char>(s[i + 2]);
      kana += (b1 == 0xBD && b2 >= 0xA1 && b2 <= 0xBF) || (b1 == 0xBE && b2 >= 0x80 && b2 <= 0x9F);
    }
  }
  return {bad, kana};
}

// A file that is not well-formed UTF-8 and has no BOM: the reading with the lowest misread_score;
// ties go to the earlier of UTF-8, CP932, EUC-JP.
std::pair<TextEncoding, Converted> best_candidate(std::string_view raw) {
  TextEncoding enc = TextEncoding::Utf8;
  Converted best = from_utf8(raw);
  auto best_score = misread_score(best);
  for (auto [e, name] : {std::pair{TextEncoding::Cp932, "CP932"}, std::pair{TextEncoding::EucJp, "EUC-JP"}}) {
    auto c = from_iconv(raw, name, 1);
    if (!c) continue;
    const auto score = misread_score(*c);
    if (score < best_score) {
      enc = e;
      best = std::move(*c);
      best_score = score;
    }
  }
  return {enc, std::move(best)};
}

// Control characters that text files hold: TAB, LF, VT, FF, CR, and those real configurations
// carry (ETX: IOS banner delimiter; BS and ESC: terminal captures).
bool text_control(unsigned char c) {
  return c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == 0x03 || c == 0x08 || c == 0x1B;
}

// '\n' for every CRLF, LF and lone CR; NUL replaced; errors attributed to their lines.
void normalise_lines(const Converted& c, DecodedText& out) {
  const std::string& in = c.utf8;
  out.text.clear();
  out.text.reserve(in.size());
  int line = 1;
  size_t next_error = 0;
  int nul_line = 0, first_odd_line = 0;
  size_t odd = c.error_bytes, chars = 0;  // undecodable bytes and stray controls; characters
  for (size_t i = 0; i < in.size(); ++i) {
    while (next_error < c.errors.size() && c.errors[next_error] == i) {
      if (out.undecodable.empty() || out.undecodable.back().first != line)
        out.undecodable.push_back({line, 0});
      ++out.undecodable.back().second;
      if (!first_odd_line) first_odd_line = line;
      ++next_error;
    }
    const auto ch = static_cast<unsigned char>(in[i]);
    chars += (ch & 0xC0) != 0x80;
    if (ch == '\r' || ch == '\n') {
      if (ch == '\r' && i + 1 < in.size() && in[i + 1] == '\n') ++i;
      out.text.push_back('\n');
      ++line;
      continue;
    }
    if (ch == '\0') {
      if (!nul_line) nul_line = line;
      out.text.append(kReplacement);
      continue;
    }
    if (ch < 0x20 && !text_control(ch)) {
      ++odd;
      if (!first_odd_line) first_odd_line = line;
    }
    out.text.push_back(static_cast<char>(ch));
  }
  out.lines = in.empty() ? 0 : (out.text.back() == '\n' ? line - 1 : line);
  out.undecodable_bytes = static_cast<int>(c.error_bytes);
  if (nul_line) {
    out.binary = true;
    out.binary_line = nul_line;
  } else if (chars > 0 && odd * 2 > chars) {
    out.binary = true;
    out.binary_line = first_odd_line;
  }
}

}  // namespace

const char* encoding_name(TextEncoding e) {
  switch (e) {
    case TextEncoding::Utf8:
      return "UTF-8";
    case TextEncoding::Utf16Le:
      return "UTF-16LE";
    case TextEncoding::Utf16Be:
      return "UTF-16BE";
    case TextEncoding::Cp932:
      return "Shift_JIS (CP932)";
    case TextEncoding::EucJp:
      return "EUC-JP";
  }
  return "?";
}

DecodedText decode_config_text(std::string_view raw) {
  DecodedText out;
  std::optional<TextEncoding> utf16;
  auto starts = [&](std::string_view bom) { return raw.substr(0, bom.size()) == bom; };
  if (starts("\xEF\xBB\xBF")) {
    out.bom = true;
    raw.remove_prefix(3);
  } else if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    out.bom = true;
    utf16 = raw[0] == '\xFF' ? TextEncoding::Utf16Le : TextEncoding::Utf16Be;
    raw.remove_prefix(2);
  } else {
    utf16 = utf16_by_nul_pattern(raw);
    out.utf16_by_pattern = utf16.has_value();
  }

  Converted c;
  if (utf16) {
    out.encoding = *utf16;
    auto u = from_iconv(raw, *utf16 == TextEncoding::Utf16Le ? "UTF-16LE" : "UTF-16BE", 2);
    c = u ? std::move(*u) : from_utf8(raw);  // glibc always has UTF-16; fail soft all the same
  } else {
    c = from_utf8(raw);
    if (c.error_bytes > 0 && !out.bom) std::tie(out.encoding, c) = best_candidate(raw);
  }
  normalise_lines(c, out);
  return out;
}

}  // namespace gp::parsers
