#include "parsers/common/config_damage.h"

namespace gp::parsers {

namespace {
bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos; }

std::string_view trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t\r\f\v");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\f\v");
  return s.substr(b, e - b + 1);
}

// Calls f(line_text, line_number) for every line; CR, LF and CRLF each end one line.
template <typename F>
void for_each_line(std::string_view text, F f) {
  int n = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    f(text.substr(pos, end - pos), ++n);
    if (end < text.size() && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ++end;
    pos = end + 1;
  }
}
// Whether the parser left line `n` (or a rule, route, NAT rule or VPN it defines) not understood.
bool not_understood_at(const model::Device& d, int n) {
  for (const auto& u : d.unrecognised)
    if (u.src_ref.line == n) return true;
  for (const auto& [_, f] : d.filters)
    for (const auto& r : f.rules)
      if (!r.understood && r.src_ref.line == n) return true;
  for (const auto& r : d.routes)
    if (!r.understood && r.src_ref.line == n) return true;
  for (const auto& r : d.nat)
    if (!r.understood && r.src_ref.line == n) return true;
  for (const auto& v : d.vpns)
    if (!v.understood && v.src_ref.line == n) return true;
  return false;
}

}  // namespace

LastLine last_nonblank_line(std::string_view text) {
  LastLine last;
  for_each_line(text, [&](std::string_view l, int n) {
    if (!blank(l)) last = {std::string(trim(l)), n};
  });
  return last;
}

void assess_config_damage(model::Device& d, std::string_view text) {
  // One root cause, one reason: a file already found binary or cut short by its dialect is not
  // also "mostly not understood".
  if (!d.damage.empty()) return;
  const SourceRef whole{d.file, 0, 0};
  if (blank(text)) {
    d.damage.push_back({text.empty() ? "the file is empty" : "the file holds only blank lines", whole});
    return;
  }
  int nonblank = 0;
  for_each_line(text, [&](std::string_view l, int) { nonblank += !blank(l); });
  if (!model::dialect_read(d)) {
    const std::string none =
        "none of its " + std::to_string(nonblank) + (nonblank == 1 ? " line is" : " lines is") + " modelled";
    // The line that told the dialect is cited, not quoted: it may hold a secret.
    if (d.vendor == model::Vendor::Unsupported && !d.unread_dialect.empty())
      d.damage.push_back({model::unread_label(d) + "; gapproof does not read it, so " + none,
                          d.unread_dialect_ref.known() ? d.unread_dialect_ref : whole});
    else
      d.damage.push_back(
          {"dialect not recognised: the file matches no dialect gapproof reads or knows, so " + none, whole});
    return;
  }
  // Device dialects without a closing line (Yamaha, NEC) still show a backup that stopped
  // mid-write: the file ends inside a line, and that fragment is not understood.
  const char last_byte = text.back();
  const LastLine last = last_nonblank_line(text);
  if (last_byte != '\n' && last_byte != '\r' && not_understood_at(d, last.line))
    d.damage.push_back({"the file ends in the middle of line " + std::to_string(last.line) +
                            ", which is not understood: it was cut short (a backup that failed half way?)",
                        SourceRef{d.file, last.line, 0}});
  const auto not_understood = static_cast<int>(d.unrecognised.size());
  if (nonblank > 0 && not_understood > kMostlyNotUnderstood * nonblank) {
    const SourceRef first = d.unrecognised.front().src_ref;
    d.damage.push_back({std::to_string(not_understood) + " of " + std::to_string(nonblank) +
                            " lines are not understood: the file does not read as the dialect it was "
                            "taken for (another dialect, another encoding, or damaged)",
                        first});
  }
}

}  // namespace gp::parsers
