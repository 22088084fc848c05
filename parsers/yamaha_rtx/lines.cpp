// Physical lines to Yamaha statements: console wraps joined, non-ASCII text replaced by one
// '?' per terminal column, words split with Yamaha quoting, console capture debris told apart.
#include <set>

#include "parsers/common/utf8.h"
#include "parsers/yamaha_rtx/internal.h"

namespace gp::parsers::rtx {

// The line as the console showed it, ASCII only: non-ASCII text becomes one '?' per terminal
// column, i.e. its width in Shift_JIS (a byte per column): one for half-width katakana and for
// U+FFFD (a byte the decoder could not read), two for every other character. Console wraps are
// then found at the same width whether the file was saved as Shift_JIS or UTF-8, and both give
// the same model. Bytes that are not well-formed UTF-8 (raw Shift_JIS handed straight to the
// parser) count one column each.
std::string console_text(std::string_view raw) {
  std::string text;
  text.reserve(raw.size());
  size_t i = 0;
  while (i < raw.size()) {
    const auto ch = static_cast<unsigned char>(raw[i]);
    const size_t len = ch < 0x80 ? 1 : utf8_sequence_length(raw, i);
    if (len <= 1) {
      text.push_back(ch >= 0x80 || ch == 0 ? '?' : ch < 0x20 && ch != '\t' ? ' ' : char(ch));
      ++i;
      continue;
    }
    const char32_t cp = utf8_code_point(raw, i, len);
    text.append((cp >= 0xFF61 && cp <= 0xFF9F) || cp == 0xFFFD ? 1 : 2, '?');
    i += len;
  }
  return text;
}

// First words of Yamaha commands: a line starting with one of these is never a wrap continuation.
bool is_command_word(const std::string& w) {
  static const std::set<std::string> k = {"ip",
                                          "ipv6",
                                          "pp",
                                          "ppp",
                                          "pppoe",
                                          "tunnel",
                                          "ipsec",
                                          "nat",
                                          "login",
                                          "administrator",
                                          "user",
                                          "security",
                                          "console",
                                          "description",
                                          "dns",
                                          "dhcp",
                                          "syslog",
                                          "snmp",
                                          "snmpv2c",
                                          "snmpv3",
                                          "telnetd",
                                          "httpd",
                                          "sshd",
                                          "sftpd",
                                          "tftp",
                                          "schedule",
                                          "statistics",
                                          "dashboard",
                                          "l2tp",
                                          "ngn",
                                          "lan",
                                          "vlan",
                                          "switch",
                                          "no",
                                          "timezone",
                                          "ntpdate",
                                          "netvolante-dns",
                                          "provider",
                                          "ethernet",
                                          "bridge",
                                          "analog",
                                          "rip",
                                          "ospf",
                                          "bgp",
                                          "ipsec",
                                          "show",
                                          "save",
                                          "pptp",
                                          "sip",
                                          "mail",
                                          "url",
                                          "wins",
                                          "external-memory",
                                          "operation",
                                          "radius",
                                          "lan-map",
                                          "heartbeat",
                                          "alarm",
                                          "upnp",
                                          "bgp",
                                          "cooperation",
                                          "ddns",
                                          "remote",
                                          "loopback",
                                          "quality",
                                          "queue",
                                          "speed",
                                          "qac-tm",
                                          "vrrp",
                                          "tunnel"};
  return k.count(w) > 0;
}

std::vector<Line> read_lines(std::string_view content, int& total, int& wraps) {
  std::vector<Line> out;
  size_t pos = 0;
  int n = 0;
  size_t prev_len = 0;
  while (pos < content.size() || (pos == content.size() && n == 0 && !content.empty())) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    ++n;
    std::string_view raw = content.substr(pos, end - pos);
    pos = end + 1;
    while (!raw.empty() && (raw.back() == '\r')) raw.remove_suffix(1);
    const std::string text = console_text(raw);
    size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos) {
      prev_len = 0;
      continue;
    }
    // Console capture wrapped at the terminal width (79/80 columns): join conservatively.
    if (!out.empty() && (prev_len == 79 || prev_len == 80) && text[first] != '#') {
      size_t e = text.find_first_of(" \t", first);
      std::string w0 = lower(text.substr(first, e == std::string::npos ? std::string::npos : e - first));
      if (!is_command_word(w0)) {
        out.back().text += text;
        out.back().cont.push_back(n);
        out.back().raw_len = text.size();
        prev_len = text.size();
        ++wraps;
        continue;
      }
    }
    Line l;
    l.no = n;
    l.text = text;
    l.raw_len = text.size();
    prev_len = text.size();
    out.push_back(std::move(l));
  }
  total = n;
  return out;
}

// Yamaha tokenizer: blanks separate words; "..." and '...' quote (quotes removed); backslash
// escapes the next character; a '#' outside quotes at the start of a word starts a comment.
Words tokenize(std::string_view s) {
  Words w;
  std::string cur;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char ch = s[i];
    if (quote) {
      if (ch == quote)
        quote = 0;
      else
        cur.push_back(ch);
      continue;
    }
    if (ch == '\\' && i + 1 < s.size()) {
      cur.push_back(s[++i]);
      in_word = true;
      continue;
    }
    if (ch == '"' || ch == '\'') {
      quote = ch;
      in_word = true;
      continue;
    }
    if (ch == ' ' || ch == '\t') {
      if (in_word) w.push_back(cur), cur.clear(), in_word = false;
      continue;
    }
    if (ch == '#' && !in_word) break;  // comment
    cur.push_back(ch);
    in_word = true;
  }
  if (in_word) w.push_back(cur);
  return w;
}

// Lines of a console capture that are not configuration (prompts, pager, command echo).
bool is_capture_debris(const std::string& t) {
  size_t f = t.find_first_not_of(" \t");
  std::string s = t.substr(f);
  if (s.rfind("---", 0) == 0) return true;  // "--- つづく ---" pager
  auto gt = s.find_first_of(">#");
  if (gt != std::string::npos && gt > 0 && s.find(' ') >= gt) {
    std::string rest = s.substr(gt + 1);
    size_t k = rest.find_first_not_of(' ');
    if (k == std::string::npos || rest.compare(k, 4, "show") == 0) return true;  // "RTX> show config"
  }
  if (s[0] == '[' && s.find("] #") != std::string::npos) return true;
  return false;
}

}  // namespace gp::parsers::rtx
