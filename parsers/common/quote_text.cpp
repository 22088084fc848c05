// quote_config_text (mask, then cut to a length a report can show) and the chokepoint that applies
// it to every free-text field of a parsed device.
#include <optional>

#include "parsers/common/secret_mask.h"

namespace gp::parsers {

namespace {

constexpr std::string_view kCutOpen = "\u2026 (";  // "… ("
constexpr std::string_view kCutClose = " more characters)";
// Words of a line judged by the mask: far more than kQuoteKeep characters hold, few enough that a
// 20 MB line of short words costs no memory.
constexpr size_t kMaxWordsJudged = 512;

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Characters of UTF-8 text: the bytes that do not continue a sequence (a stray byte counts as one).
size_t char_count(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += !continuation_byte(c);
  return n;
}

// The byte offset just after the first `n` characters.
size_t offset_after_chars(std::string_view s, size_t n) {
  size_t seen = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (continuation_byte(s[i])) continue;
    if (seen == n) return i;
    ++seen;
  }
  return s.size();
}

// 12345678 -> "12,345,678".
std::string with_thousands(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// The kept part of a line this function already cut, so that quoting a quote changes nothing.
std::optional<std::string_view> already_cut(std::string_view s) {
  if (s.size() < kCutClose.size() || s.substr(s.size() - kCutClose.size()) != kCutClose) return std::nullopt;
  const size_t open = s.rfind(kCutOpen);
  if (open == std::string_view::npos) return std::nullopt;
  const size_t num = open + kCutOpen.size(), num_end = s.size() - kCutClose.size();
  if (num >= num_end) return std::nullopt;
  for (size_t i = num; i < num_end; ++i)
    if (!(s[i] >= '0' && s[i] <= '9') && s[i] != ',') return std::nullopt;
  std::string_view kept = s.substr(0, open);
  if (char_count(kept) > kQuoteKeep) return std::nullopt;  // a long line merely ending like a cut one
  return kept;
}

}  // namespace

std::string quote_config_text(std::string_view text) {
  if (auto kept = already_cut(text)) return mask_secrets(*kept) + std::string(text.substr(kept->size()));
  size_t examined = 0;
  std::string masked = mask_secrets_head(text, kMaxWordsJudged, examined);
  const size_t unjudged = char_count(text.substr(examined));  // never shown: counted as cut
  const size_t total = char_count(masked);
  if (total <= kQuoteKeep && unjudged == 0) return masked;
  size_t cut = offset_after_chars(masked, kQuoteKeep);
  // Never half a marker: "<remo" would read as a value of its own.
  if (cut > 0) {
    const size_t marker = masked.rfind(kRemoved, cut - 1);
    if (marker != std::string::npos && marker + kRemoved.size() > cut) cut = marker;
  }
  const size_t left = total - char_count(std::string_view(masked).substr(0, cut)) + unjudged;
  return masked.substr(0, cut) + std::string(kCutOpen) + with_thousands(left) + std::string(kCutClose);
}

void quote_device_text(model::Device& d) {
  auto quote = [](std::string& s) {
    if (!s.empty()) s = quote_config_text(s);
  };
  for (auto& u : d.unrecognised) quote(u.text);
  for (auto& [name, f] : d.filters)
    for (auto& r : f.rules) {
      quote(r.text);
      quote(r.why_not_understood);
    }
  for (auto& n : d.nat) {
    quote(n.text);
    quote(n.why_not_understood);
  }
  for (auto& r : d.routes) quote(r.why_not_understood);
  for (auto& v : d.vpns) quote(v.why_not_understood);
  for (auto& n : d.notes) quote(n.first);
  for (auto& dm : d.damage) quote(dm.why);
  for (auto& i : d.interfaces) quote(i.description);
}

}  // namespace gp::parsers
