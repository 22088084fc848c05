#include "parsers/common/secret_words.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace gp::parsers::secret_words {

namespace {

template <size_t N>
bool one_of(std::string_view w, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool ends_with(std::string_view w, std::string_view suffix) {
  return w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// Cisco IOS/ASA, NEC IX, Yamaha RTX and FortiOS words whose value is a secret. `pass` is the
// Yamaha filter action too: the caller leaves it alone in filter lines.
constexpr std::array<std::string_view, 12> kKeywords = {"password",  "passwd",     "pass",     "secret",
                                                        "key",       "psk",        "pin",      "psksecret",
                                                        "community", "passphrase", "auth-pwd", "priv-pwd"};
constexpr std::array<std::string_view, 13> kCompoundKeywords = {
    "pre-shared-key",  "wpa-psk",     "authentication-key", "message-digest-key", "key-string",
    "wifi-passphrase", "private-key", "secret-password",    "auth-password",      "priv-password",
    "encryption-key",  "config-key",  "ldap-login-password"};

// `ntp trusted-key 1` names a key by number; `named-key` names an RSA public key.
constexpr std::array<std::string_view, 2> kNotKeywords = {"trusted-key", "named-key"};

constexpr std::array<std::string_view, 17> kAlgorithms = {
    "md5",  "sha", "sha1",   "sha-1",  "sha224", "sha256",  "sha384",  "sha512", "des",
    "3des", "aes", "aes128", "aes192", "aes256", "aes-128", "aes-192", "aes-256"};

constexpr std::array<std::string_view, 14> kTypeWords = {
    "ascii", "hex",   "encrypted", "text",       "enc",   "plain",  "hash",
    "char",  "level", "read-only", "read-write", "local", "remote", "generate"};

constexpr std::array<std::string_view, 37> kStopWords = {
    "privilege", "pbkdf2",    "nt-encrypted", "encrypted",     "level",
    "hash",      "ro",        "rw",           "view",          "version",
    "mode",      "address",   "hostname",     "administrator", "access",
    "ipv4",      "ipv6",      "vrf",          "timeout",       "port",
    "auth-port", "acct-port", "udp-port",     "no-xauth",      "no-config-mode",
    "priv",      "auth",      "id",           "chain",         "rsa",
    "ec",        "dsa",       "encryption",   "log",           "key-chain",
    "role",      "user"};

}  // namespace

bool is_keyword(std::string_view w) {
  if (one_of(w, kKeywords) || one_of(w, kCompoundKeywords)) return true;
  if (one_of(w, kNotKeywords)) return false;
  // Compound words of the same families: isis `area-password`, NEC `secret-password`, FortiOS-like
  // `sso-password`, unknown `foo-key`.
  for (std::string_view s : {"-password", "-passwd", "-pwd", "-secret", "-psk", "-passphrase", "-key"})
    if (ends_with(w, s)) return true;
  return false;
}

bool is_algorithm(std::string_view w) { return one_of(w, kAlgorithms); }

bool is_type_word(std::string_view w) { return one_of(w, kTypeWords) || is_algorithm(w); }

bool is_stop_word(std::string_view w) { return one_of(w, kStopWords); }

bool is_fortios_secret_key(std::string_view w) {
  if (w.rfind("keylife", 0) == 0) return false;  // IPsec key lifetimes
  // Not "community": FortiOS keeps SNMP communities in `set name`, and `set community` is BGP's.
  for (std::string_view part : {"password", "passwd", "pwd", "secret", "psk", "passphrase", "key", "token"})
    if (w.find(part) != std::string_view::npos) return true;
  return false;
}

bool is_already_masked(std::string_view w) {
  if (w.empty()) return false;
  if (w.find_first_not_of('*') == std::string_view::npos) return true;
  return w.size() >= 3 && w.front() == '<' && w.back() == '>' && w.find('<', 1) == std::string_view::npos;
}

bool is_small_number(std::string_view w) {
  return !w.empty() && w.size() <= 5 && std::all_of(w.begin(), w.end(), is_digit);
}

bool looks_like_address(std::string_view w) {
  if (w.empty() || !is_digit(w[0]) || w.find('.') == std::string_view::npos) return false;
  return std::all_of(w.begin(), w.end(),
                     [](char c) { return is_digit(c) || c == '.' || c == '/' || c == '-' || c == ','; });
}

namespace {

// "$1$salt$hash", "$9$...", "$sha512$5000$...": a crypt-style hash.
bool crypt_hash(std::string_view w) {
  if (w.size() < 4 || w[0] != '$') return false;
  size_t second = w.find('$', 1);
  if (second == std::string_view::npos || second == 1 || second > 11) return false;
  return std::all_of(w.begin() + 1, w.begin() + static_cast<long>(second),
                     [](char c) { return is_digit(c) || is_upper(c) || is_lower(c); });
}

// 16+ hex digits with both digits and letters (Cisco type 7, Yamaha 0x keys). IPv6 addresses
// and MACs have separators, so they never match.
bool long_hex(std::string_view w) {
  if (w.size() > 2 && w[0] == '0' && (w[1] == 'x' || w[1] == 'X')) w.remove_prefix(2);
  if (w.size() < 16 || !std::all_of(w.begin(), w.end(), is_hex)) return false;
  return std::any_of(w.begin(), w.end(), is_digit) && !std::all_of(w.begin(), w.end(), is_digit);
}

// "GigabitEthernet0/0/1.100", "TenGigabitEthernet1/0/1": letters, then digits and separators.
bool interface_shaped(std::string_view w) {
  size_t i = 0;
  while (i < w.size() && (is_upper(w[i]) || is_lower(w[i]) || w[i] == '-')) ++i;
  if (i == 0 || i == w.size() || !is_digit(w[i])) return false;
  return std::all_of(w.begin() + static_cast<long>(i), w.end(),
                     [](char c) { return is_digit(c) || c == '/' || c == '.' || c == ':'; });
}

// The longest run of letters of one case: words ("Outside", "ACCESS") have long runs, random
// base64 rarely does.
size_t longest_same_case_run(std::string_view w) {
  size_t best = 0, run = 0;
  int last = 0;  // 1 upper, 2 lower
  for (char c : w) {
    int k = is_upper(c) ? 1 : is_lower(c) ? 2 : 0;
    run = k != 0 && k == last ? run + 1 : (k != 0 ? 1 : 0);
    last = k;
    best = std::max(best, run);
  }
  return best;
}

// 20+ characters of base64 (or the crypt alphabet with '.'), mixing upper case, lower case and
// digits: FortiOS ENC blobs, Yamaha encrypted passwords, SSH host keys, ASA hashes.
bool long_base64(std::string_view w) {
  if (w.size() < 20) return false;
  std::string_view body = w.substr(0, w.find_last_not_of('=') + 1);
  auto b64 = [](char c) {
    return is_digit(c) || is_upper(c) || is_lower(c) || c == '+' || c == '/' || c == '.';
  };
  if (body.empty() || !std::all_of(body.begin(), body.end(), b64)) return false;
  if (!std::any_of(w.begin(), w.end(), is_digit) || !std::any_of(w.begin(), w.end(), is_upper) ||
      !std::any_of(w.begin(), w.end(), is_lower))
    return false;
  if (interface_shaped(w)) return false;
  // Short mixed tokens with a whole word in them are names ("OutsideAccessIn2024"), not keys.
  return w.size() >= 40 || longest_same_case_run(w) < 6;
}

}  // namespace

bool looks_encoded(std::string_view w) { return crypt_hash(w) || long_hex(w) || long_base64(w); }

}  // namespace gp::parsers::secret_words
