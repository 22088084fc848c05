// Small helpers of the FortiOS parser: line accounting, quoting, address words.
#include <algorithm>
#include <boost/spirit/home/x3.hpp>
#include <cstdio>

#include "parsers/fortigate/internal.h"

namespace gp::parsers::fgt {

namespace x3 = boost::spirit::x3;

void Ctx::mark(const Node& n, model::LineStatus s) {
  std::vector<int> lines;
  for (int l = n.line; l <= std::max(n.line, n.last_line); ++l) lines.push_back(l);
  lines.insert(lines.end(), n.append_lines.begin(), n.append_lines.end());
  for (int l : lines) {
    auto it = status.find(l);
    if (it != status.end() && it->second == model::LineStatus::Ignored) --dev.ignored_lines;
    status[l] = s;
    if (s == model::LineStatus::Ignored) ++dev.ignored_lines;
  }
}

void Ctx::ign(const Node& n) { mark(n, model::LineStatus::Ignored); }

void Ctx::ign_tree(const Node& n) {
  ign(n);
  for (const auto& ch : n.children) ign_tree(ch);
}

void Ctx::unrec(const Node& n, model::LineContext ctx, const std::string& name, bool affects) {
  mark(n, model::LineStatus::Unrecognised);
  model::UnrecognisedLine u;
  u.src_ref = ref(n.line);
  u.text = quote_node(n);
  u.context = ctx;
  u.context_name = name;
  u.affects_forwarding = affects;
  dev.unrecognised.push_back(std::move(u));
}

void Ctx::unrec_tree(const Node& n, model::LineContext ctx, const std::string& name, bool affects) {
  unrec(n, ctx, name, affects);
  for (const auto& ch : n.children) unrec_tree(ch, ctx, name, affects);
}

model::Interface* Ctx::find_ifc(const std::string& name) {
  for (auto& i : dev.interfaces)
    if (i.name == name) return &i;
  return nullptr;
}

bool is_secret_key(const std::string& key) {
  static const char* const parts[] = {"password", "passwd",    "secret",      "psk",        "pwd",
                                      "key",      "community", "certificate", "passphrase", "token"};
  for (const char* p : parts)
    if (key.find(p) != std::string::npos) return true;
  return false;
}

std::string quote_node(const Node& n) {
  // A multi-line value (certificate, key, message): its first line only, masked like any line.
  return quote_config_text(n.last_line > n.line ? n.text + " ..." : n.text);
}

std::optional<Prefix> read_ip_mask(const Words& w, size_t i) {
  if (i >= w.size()) return std::nullopt;
  if (w[i].find('/') != std::string::npos) {
    // "A/len" or "A/M"
    auto slash = w[i].find('/');
    auto a = parse_ipv4(w[i].substr(0, slash));
    if (!a) return std::nullopt;
    std::string rest = w[i].substr(slash + 1);
    if (auto m = parse_ipv4(rest)) {
      auto len = mask_to_len(*m);
      if (!len) return std::nullopt;
      return Prefix{*a, *len};
    }
    auto len = number(rest, 32);
    if (!len) return std::nullopt;
    return Prefix{*a, *len};
  }
  auto a = parse_ipv4(w[i]);
  if (!a) return std::nullopt;
  if (i + 1 >= w.size()) return Prefix{*a, 32};
  auto m = parse_ipv4(w[i + 1]);
  if (!m) return std::nullopt;
  auto len = mask_to_len(*m);
  if (!len) return std::nullopt;
  return Prefix{*a, *len};
}

std::optional<std::pair<Ipv4, Ipv4>> read_range(const std::string& w) {
  auto dash = w.find('-');
  if (dash == std::string::npos) {
    auto a = parse_ipv4(w);
    if (!a) return std::nullopt;
    return std::make_pair(*a, *a);
  }
  auto a = parse_ipv4(w.substr(0, dash));
  auto b = parse_ipv4(w.substr(dash + 1));
  if (!a || !b) return std::nullopt;
  return std::make_pair(std::min(*a, *b), std::max(*a, *b));
}

std::optional<int> number(const std::string& w, int max) {
  unsigned v = 0;
  auto first = w.begin();
  if (!x3::parse(first, w.end(), x3::uint_parser<unsigned, 10, 1, 10>{}, v) || first != w.end() ||
      v > static_cast<unsigned>(max))
    return std::nullopt;
  return static_cast<int>(v);
}

model::Secret make_secret(model::SecretKind kind, const std::string& stored, const SourceRef& ref) {
  model::Secret s;
  s.kind = kind;
  s.src_ref = ref;
  s.digest = fnv1a_hex(stored);
  if (stored.rfind("ENC ", 0) == 0 || stored == "ENC") {
    std::string v = stored.size() > 4 ? stored.substr(4) : "";
    if (v.rfind("SH2", 0) == 0) {
      s.storage = model::SecretStorage::StrongHash;
      s.storage_id = "fortios-sha256";
    } else if (v.rfind("AK1", 0) == 0) {
      s.storage = model::SecretStorage::WeakHash;
      s.storage_id = "fortios-sha1";
    } else if (v.empty() || v.find_first_not_of('*') == std::string::npos) {
      s.storage = model::SecretStorage::Masked;
      s.storage_id = "fortios-masked";
    } else {
      s.storage = model::SecretStorage::Reversible;
      s.storage_id = "fortios-enc";
    }
  } else if (stored.empty() || stored.find_first_not_of('*') == std::string::npos ||
             stored.find("<removed>") != std::string::npos) {
    s.storage = stored.empty() ? model::SecretStorage::Plain : model::SecretStorage::Masked;
    s.storage_id = stored.empty() ? "fortios-empty" : "fortios-masked";
  } else {
    s.storage = model::SecretStorage::Plain;
    s.storage_id = "fortios-plain";
  }
  // A clear value (plain text, or the empty factory password) is itself the recovered value.
  if (s.storage == model::SecretStorage::Plain) s.clear_digest = s.digest;
  return s;
}

}  // namespace gp::parsers::fgt
