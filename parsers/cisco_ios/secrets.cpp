// Credentials: username, enable, AAA server keys, key chains. Values are never stored: only the
// storage type and a FNV-1a fingerprint of the stored string.
#include "parsers/cisco_ios/ios_internal.h"

namespace gp::parsers::ios {

using model::SecretKind;
using model::SecretStorage;

model::Secret make_secret(SecretKind kind, const Words& w, size_t value_index, const SourceRef& r,
                          std::string owner) {
  model::Secret s;
  s.kind = kind;
  s.owner = std::move(owner);
  s.src_ref = r;
  if (value_index >= w.size()) {
    s.storage = SecretStorage::Unknown;
    s.digest = fnv1a_hex("");
    return s;
  }
  const std::string& v = w[value_index];
  std::string rest = join(w, value_index > 0 ? value_index - 1 : 0);
  bool masked = (rest.find('<') != std::string::npos && rest.find('>') != std::string::npos) ||
                v.find_first_not_of('*') == std::string::npos;
  std::optional<int> type;
  if (value_index > 0) {
    const std::string& t = w[value_index - 1];
    if (t.size() == 1 && t[0] >= '0' && t[0] <= '9') type = t[0] - '0';
  }
  if (masked) {
    s.storage = SecretStorage::Masked;
    s.storage_id = "masked";
  } else if (!type || *type == 0) {
    s.storage = SecretStorage::Plain;
    s.storage_id = "cisco-plain";
  } else {
    s.storage_id = "cisco-type-" + std::to_string(*type);
    switch (*type) {
      case 7:
        s.storage = SecretStorage::Reversible;
        break;
      case 6:
        s.storage = SecretStorage::Reversible;
        break;  // AES with the device master key
      case 4:
      case 5:
        s.storage = SecretStorage::WeakHash;
        break;
      case 8:
      case 9:
        s.storage = SecretStorage::StrongHash;
        break;
      default:
        s.storage = SecretStorage::Unknown;
    }
  }
  s.digest = fnv1a_hex(v);
  // The clear value, when recoverable, is fingerprinted (reuse across storage forms).
  if (s.storage == SecretStorage::Plain) {
    s.clear_digest = s.digest;
  } else if (type && *type == 7) {
    if (auto clear = decode_type7(v)) s.clear_digest = fnv1a_hex(*clear);
  }
  return s;
}

namespace {

// Index of the secret value after keyword at `k`: "password [T] V" -> the last word normally.
size_t value_after(const Words& w, size_t k) {
  size_t v = k + 1;
  if (v + 1 < w.size() && w[v].size() == 1 && std::isdigit(static_cast<unsigned char>(w[v][0]))) ++v;
  return v;
}

void key_chain(Ctx& c, const ConfigLine& l, const std::string& name) {
  for (const auto& ch : l.children) {
    Words w = split_words(ch.text);
    if (starts_with(w, {"key-string"}) && w.size() >= 2) {
      c.dev.secrets.push_back(
          make_secret(SecretKind::Other, w, value_after(w, 0), c.ref(ch), "key chain " + name));
    }
    c.recognised(ch);
    key_chain(c, ch, name);
  }
}

}  // namespace

bool parse_secret_global(Ctx& c, const ConfigLine& l, const Words& w) {
  const SourceRef r = c.ref(l);
  if (starts_with(w, {"username"}) && w.size() >= 3) {
    const std::string& user = w[1];
    int priv = -1;
    for (size_t i = 2; i + 1 < w.size(); ++i)
      if (lower(w[i]) == "privilege") priv = to_int(w[i + 1]).value_or(-1);
    for (size_t i = 2; i < w.size(); ++i) {
      std::string k = lower(w[i]);
      if (k == "nopassword") {
        model::Secret s;
        s.kind = SecretKind::Password;
        s.storage = SecretStorage::Plain;
        s.storage_id = "nopassword";
        s.owner = user;
        s.digest = fnv1a_hex("");
        s.clear_digest = s.digest;  // the clear value is empty
        s.privilege = priv;
        s.src_ref = r;
        c.dev.secrets.push_back(s);
        c.note("username " + user + " has no password (recorded as an empty plain password)", r);
        break;
      }
      if ((k == "password" || k == "secret") && i + 1 < w.size()) {
        auto s = make_secret(SecretKind::Password, w, value_after(w, i), r, user);
        s.privilege = priv;
        c.dev.secrets.push_back(s);
        break;
      }
    }
    c.recognised(l);  // a username without credential (autocommand, view...) is still recognised
    return true;
  }
  if (starts_with(w, {"enable"}) && w.size() >= 3) {
    for (size_t i = 1; i < w.size(); ++i) {
      std::string k = lower(w[i]);
      if ((k == "secret" || k == "password") && i + 1 < w.size()) {
        size_t at = i + 1;
        int priv = 15;
        if (lower(w[at]) == "level" && at + 2 < w.size()) {
          priv = to_int(w[at + 1]).value_or(15);
          at += 2;
        }
        auto s = make_secret(k == "secret" ? SecretKind::EnableSecret : SecretKind::Password, w,
                             value_after(w, at - 1), r, "enable");
        s.privilege = priv;
        if (k == "password") s.kind = SecretKind::EnableSecret;
        c.dev.secrets.push_back(s);
        c.recognised(l);
        return true;
      }
    }
    return false;
  }
  if ((starts_with(w, {"tacacs-server"}) || starts_with(w, {"radius-server"})) && w.size() >= 2) {
    for (size_t i = 1; i + 1 < w.size(); ++i)
      if (lower(w[i]) == "key") {
        c.dev.secrets.push_back(make_secret(SecretKind::RadiusKey, w, value_after(w, i), r, w[0]));
        break;
      }
    c.recognise_tree(l);
    return true;
  }
  if ((starts_with(w, {"radius", "server"}) || starts_with(w, {"tacacs", "server"})) && w.size() >= 3) {
    c.recognised(l);
    for (const auto& ch : l.children) {
      Words cw = split_words(ch.text);
      if (starts_with(cw, {"key"}) && cw.size() >= 2)
        c.dev.secrets.push_back(make_secret(SecretKind::RadiusKey, cw, value_after(cw, 0), c.ref(ch), w[2]));
      c.recognise_tree(ch);
    }
    return true;
  }
  if (starts_with(w, {"key", "chain"}) && w.size() == 3) {
    c.recognised(l);
    key_chain(c, l, w[2]);
    return true;
  }
  return false;
}

}  // namespace gp::parsers::ios
