// mask_secrets: one line of any supported dialect, its secrets replaced by kRemoved. The line is
// read as words (quoted spans are one word, as FortiOS and Yamaha write values with blanks), the
// command-specific forms are marked first (user names kept, Yamaha `pp auth myname ID PW`, SNMP
// hosts...), then every keyword masks its value and every encoded-looking word is masked.
#include "parsers/common/secret_mask.h"

#include <vector>

#include "parsers/common/secret_words.h"

namespace gp::parsers {

namespace {

namespace sw = secret_words;
constexpr size_t npos = std::string::npos;

struct Token {
  size_t begin = 0, end = 0;  // the word in the line, quotes included
  std::string bare;           // without its quotes
  std::string lower;          // `bare` in lower case; empty when longer than any keyword
};

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

// The quote closing the one at `open` (backslash escapes honoured), or npos. An opening quote
// without its closing one is an ordinary character (an apostrophe in a description).
size_t closing_quote(std::string_view s, size_t open) {
  for (size_t i = open + 1; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == s[open]) {
      return i;
    }
  }
  return npos;
}

// The first `max_words` words of s; `examined` is where the text they cover ends.
std::vector<Token> tokenize(std::string_view s, size_t max_words, size_t& examined) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && blank(s[i])) ++i;
    if (i >= s.size()) break;
    if (out.size() == max_words) {
      examined = out.back().end;
      return out;
    }
    Token t;
    t.begin = i;
    while (i < s.size() && !blank(s[i])) {
      size_t close = (s[i] == '"' || s[i] == '\'') ? closing_quote(s, i) : npos;
      if (close != npos) {
        t.bare.append(s.substr(i + 1, close - i - 1));
        i = close + 1;
      } else if (s[i] == '\\' && i + 1 < s.size()) {
        t.bare.append(s.substr(i, 2));
        i += 2;
      } else {
        t.bare.push_back(s[i++]);
      }
    }
    t.end = i;
    if (t.bare.size() <= 40)
      for (char c : t.bare) t.lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    out.push_back(std::move(t));
  }
  examined = s.size();
  return out;
}

// The decisions over one line's words: which are masked, which are kept whatever they look like.
struct Masker {
  const std::vector<Token>& t;
  std::vector<bool> masked, kept;

  explicit Masker(const std::vector<Token>& tokens)
      : t(tokens), masked(tokens.size(), false), kept(tokens.size(), false) {}

  size_t size() const { return t.size(); }
  const std::string& w(size_t i) const { return t[i].lower; }
  bool is(size_t i, std::string_view word) const { return i < t.size() && t[i].lower == word; }

  // Whether the word at i starts the next field of the command rather than continuing a value.
  bool ends_value(size_t i) const {
    return i >= t.size() || sw::is_stop_word(w(i)) || sw::looks_like_address(t[i].bare);
  }

  // The value after the keyword at k, past storage types, algorithms and key numbers
  // ("password 7 X", "authentication-key 1 md5 X", "pre-shared-key 1 text X"); npos when the
  // command goes on with another field instead ("pre-shared-key address A key X").
  size_t value_after(size_t k) const {
    for (size_t j = k + 1; j < size(); ++j) {
      if (sw::is_already_masked(t[j].bare)) return j;
      const bool last = j + 1 >= size(), more = !ends_value(j + 1);
      if (sw::is_small_number(w(j))) {
        if (more) continue;
        return j;  // a number ending the value is the value ("community 1234 RO")
      }
      if (sw::is_type_word(w(j)) || sw::is_keyword(w(j))) {
        if (more) continue;
        return last ? j : npos;
      }
      if (sw::is_stop_word(w(j)) || sw::looks_like_address(t[j].bare)) return npos;
      return j;
    }
    return npos;
  }

  void mask(size_t i) {
    if (i < size() && !kept[i] && !sw::is_already_masked(t[i].bare)) masked[i] = true;
  }

  // Masks the value at v and, when `to_stop`, the words after it up to the next field: IOS
  // passwords and server keys may contain blanks. Returns the first word left.
  size_t mask_value(size_t v, bool to_stop) {
    mask(v);
    size_t j = v + 1;
    while (to_stop && !ends_value(j)) mask(j++);
    return j;
  }

  // SNMPv3 "auth sha X", "priv aes 128 Y", Yamaha "sha X aes Y": the word after the algorithm
  // (and its key length) unless it is another field ("encryption aes 256" never gets here).
  void mask_after_algorithm(size_t a) {
    size_t j = a + 1;
    if (j + 1 < size() && sw::is_small_number(w(j))) ++j;
    if (j >= size() || sw::is_stop_word(w(j)) || sw::is_algorithm(w(j)) || sw::is_keyword(w(j))) return;
    mask(j);
  }

  void command_forms();
  void snmp_host(size_t host);
  void keywords_and_shapes();
};

// Forms where the secret is not simply "keyword value", or a word near one is not a secret.
void Masker::command_forms() {
  const size_t n = size();
  // Names, never secrets, whatever they spell: user names, access-list names (a rule's text
  // "access-list community extended permit ..." stays whole), FortiOS table entries.
  for (size_t i = 0; i + 1 < n; ++i) {
    if (kept[i]) continue;
    if (is(i, "username") || is(i, "smtp-auth") || is(i, "access-list") || is(i, "edit")) kept[i + 1] = true;
    if (is(i, "access-list") && (is(i + 1, "extended") || is(i + 1, "standard")) && i + 2 < n)
      kept[i + 2] = true;
  }
  if (n < 2) return;
  // FortiOS "set <key> <value...>": a secret key hides its whole value, however written.
  if (is(0, "set") && sw::is_fortios_secret_key(w(1))) {
    for (size_t i = 2; i < n; ++i) mask(i);
    return;
  }
  // Yamaha "pp auth myname ID PW" / "pp auth username U PW [address]"; other forms are unknown:
  // everything after "auth" is hidden, except the accepted/requested protocols.
  if (is(0, "pp") && is(1, "auth") && n > 2) {
    if (is(2, "myname") || is(2, "username")) {
      if (n > 3) kept[3] = true;
      if (n > 4) mask_value(4, true);
    } else if (!is(2, "accept") && !is(2, "request")) {
      for (size_t i = 2; i < n; ++i) mask(i);
    }
  }
  // NEC PPP profile "authentication password ID PW": the ID is the account name.
  if (is(0, "authentication") && is(1, "password") && n >= 4) {
    kept[2] = true;
    mask_value(3, true);
  }
  // Yamaha "login user NAME [encrypted] PW".
  if (is(0, "login") && is(1, "user") && n >= 4) {
    kept[2] = true;
    if (size_t v = value_after(2); v != npos) mask_value(v, true);
  }
  // Yamaha "l2tp tunnel auth on PW"; "smtp-auth USER PW".
  for (size_t i = 0; i + 2 < n; ++i) {
    if (is(0, "l2tp") && is(i, "auth") && is(i + 1, "on")) mask_value(i + 2, true);
    if (is(i, "smtp-auth")) mask_value(i + 2, true);
  }
  // SNMP notification hosts: IOS "snmp-server host H [informs|traps] [version V [auth]] COMMUNITY",
  // NEC "snmp-agent ip host H COMMUNITY version 2", Yamaha "snmp trap host H [type] COMMUNITY".
  const bool snmp = is(0, "snmp-server") || is(0, "snmp-agent") || is(0, "snmp") || is(0, "snmpv1") ||
                    is(0, "snmpv2c") || is(0, "snmpv3");
  if (snmp && is(1, "host")) snmp_host(1);
  if (snmp && (is(1, "ip") || is(1, "trap")) && is(2, "host")) snmp_host(2);
  // HSRP/VRRP/GLBP "standby 1 authentication [text|md5 key-string [7]] X".
  bool fhrp = false;
  for (size_t i = 0; i < n && i < 3; ++i) fhrp |= is(i, "standby") || is(i, "vrrp") || is(i, "glbp");
  if (fhrp)
    for (size_t i = 0; i + 1 < n; ++i)
      if (is(i, "authentication"))
        if (size_t v = value_after(i); v != npos) mask_value(v, true);
  // SNMPv3 users: "auth sha X priv aes 128 Y" (IOS, ASA, NEC); Yamaha "snmpv3 usm user ... sha X aes Y".
  const bool yamaha_usm = is(0, "snmpv3") && is(1, "usm");
  for (size_t i = 0; i + 1 < n; ++i) {
    if ((is(i, "auth") || is(i, "priv")) && sw::is_algorithm(w(i + 1))) mask_after_algorithm(i + 1);
    if (yamaha_usm && sw::is_algorithm(w(i))) mask_after_algorithm(i);
  }
}

void Masker::snmp_host(size_t host) {
  size_t j = host + 2;  // past the host address
  auto skippable = [&](size_t i) {
    for (std::string_view s : {"informs", "traps", "trap", "inform", "v1", "v2c", "v3", "1", "2c", "3",
                               "version", "auth", "noauth", "priv"})
      if (is(i, s)) return true;
    return false;
  };
  while (j < size()) {
    if (is(j, "vrf")) {
      j += 2;
    } else if (skippable(j)) {
      ++j;
    } else {
      break;
    }
  }
  if (j < size() && !ends_value(j) && !sw::is_keyword(w(j))) mask(j);
}

void Masker::keywords_and_shapes() {
  const size_t n = size();
  // Yamaha filters: "ip filter N pass * * ...": there "pass" is the action, not a password.
  const bool filter_line = (is(0, "ip") || is(0, "ipv6") || is(0, "ethernet")) &&
                           (is(1, "filter") || (is(1, "policy") && is(2, "filter")));
  for (size_t i = 0; i < n; ++i) {
    if (kept[i]) continue;
    if (t[i].bare == "ENC" && i + 1 < n) {  // FortiOS encrypted value, whatever the key
      mask(i + 1);
      ++i;
      continue;
    }
    if (!masked[i] && sw::looks_encoded(t[i].bare)) {
      mask(i);
      continue;
    }
    // A keyword inside a value masked by a command form still hides what follows it.
    if (!sw::is_keyword(w(i)) || (filter_line && is(i, "pass"))) continue;
    // Route maps: "match community LIST", "set community 65001:100" name BGP communities.
    if (is(i, "community") && i > 0 && (is(i - 1, "match") || is(i - 1, "set"))) continue;
    size_t v = value_after(i);
    if (v == npos) continue;
    // A community is one word: what follows is an access list or a view.
    i = mask_value(v, !is(i, "community")) - 1;
  }
}

// The masked text of s up to `examined` (s.size() unless s has more than max_words words).
std::string mask_impl(std::string_view s, int depth, size_t max_words, size_t& examined) {
  const std::vector<Token> t = tokenize(s, max_words, examined);
  Masker m(t);
  m.command_forms();
  m.keywords_and_shapes();
  std::string out;
  size_t pos = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (m.masked[i]) {  // a run of masked words becomes one marker
      out.append(s.substr(pos, t[i].begin - pos)).append(kRemoved);
      while (i + 1 < t.size() && m.masked[i + 1]) ++i;
      pos = t[i].end;
      continue;
    }
    // A quoted phrase that is not a value ("description 'the password is X'") is judged as a
    // line of its own, once.
    const std::string_view raw = s.substr(t[i].begin, t[i].end - t[i].begin);
    if (depth > 0 || raw.size() < 3 || (raw.front() != '"' && raw.front() != '\'') ||
        raw.back() != raw.front())
      continue;
    const std::string_view inner = raw.substr(1, raw.size() - 2);
    size_t inner_examined = 0;
    std::string masked_inner = mask_impl(inner, depth + 1, max_words, inner_examined);
    if (inner_examined < inner.size()) {  // too many words to judge: hidden whole
      masked_inner = kRemoved;
    } else if (masked_inner == inner) {
      continue;
    }
    out.append(s.substr(pos, t[i].begin - pos))
        .append(1, raw.front())
        .append(masked_inner)
        .append(1, raw.front());
    pos = t[i].end;
  }
  out.append(s.substr(pos, examined - pos));
  return out;
}

}  // namespace

std::string mask_secrets(std::string_view text) {
  size_t examined = 0;
  return mask_impl(text, 0, std::string::npos, examined);
}

std::string mask_secrets_head(std::string_view text, size_t max_words, size_t& examined) {
  return mask_impl(text, 0, max_words, examined);
}

}  // namespace gp::parsers
