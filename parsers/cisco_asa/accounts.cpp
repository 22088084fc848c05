// ASA local accounts and passwords: username, enable password, passwd.
#include "parsers/cisco_asa/internal.h"

namespace gp::parsers::asa {

using model::LineContext;
using model::SecretKind;
using model::SecretStorage;

namespace {

// The storage tag after the stored value: "encrypted" (MD5-based), "pbkdf2", "nt-encrypted".
void storage_of(const std::string& tag, SecretStorage& st, std::string& id) {
  if (tag == "encrypted") {
    st = SecretStorage::WeakHash;
    id = "asa-md5";
  } else if (tag == "pbkdf2") {
    st = SecretStorage::StrongHash;
    id = "asa-pbkdf2-sha512";
  } else if (tag == "nt-encrypted") {
    st = SecretStorage::WeakHash;
    id = "asa-nt-md4";
  } else {
    st = SecretStorage::Plain;
    id = "asa-plain";
  }
}

bool is_storage_tag(const std::string& w) { return w == "encrypted" || w == "pbkdf2" || w == "nt-encrypted"; }

int read_level(const Words& w, size_t i) {
  if (i < w.size() && w[i].find_first_not_of("0123456789") == std::string::npos && !w[i].empty() &&
      w[i].size() <= 2)
    return std::stoi(w[i]);
  return -1;
}

}  // namespace

bool handle_accounts(Ctx& c, const ConfigLine& b, const Words& w) {
  const std::string& k = w[0];
  const SourceRef ref = c.ref(b.line);
  if (k == "username" && w.size() >= 3) {
    const std::string& user = w[1];
    if (w[2] == "attributes") {
      // service-type, vpn-group-policy, ssh public keys, ...: account properties.
      c.recognised(b);
      for (const auto& ch : b.children) c.ignored_tree(ch);
      return true;
    }
    model::Secret s;
    size_t i = 3;
    if (w[2] == "nopassword") {
      s = make_secret(SecretKind::Password, "", SecretStorage::Plain, "asa-nopassword", ref);
      s.digest.clear();
    } else if (w[2] == "password" && w.size() >= 4) {
      SecretStorage st;
      std::string id;
      i = 4;
      storage_of(i < w.size() ? w[i] : "", st, id);
      if (i < w.size() && is_storage_tag(w[i])) ++i;
      s = make_secret(SecretKind::Password, w[3], st, id, ref);
    } else {
      c.unrecognised_tree(b, LineContext::Management, "username " + user, false);
      return true;
    }
    s.owner = user;
    bool fine = true;
    while (i < w.size()) {
      if (w[i] == "privilege" && i + 1 < w.size()) {
        s.privilege = read_level(w, i + 1);
        i += 2;
      } else {
        fine = false;
        break;
      }
    }
    c.dev.secrets.push_back(s);
    if (fine)
      c.recognised(b);
    else
      c.unrecognised(b, LineContext::Management, "username " + user, false);
    for (const auto& ch : b.children) c.ignored_tree(ch);
    return true;
  }
  if (k == "enable" && w.size() >= 3 && w[1] == "password") {
    SecretStorage st;
    std::string id;
    size_t i = 3;
    storage_of(i < w.size() ? w[i] : "", st, id);
    if (i < w.size() && is_storage_tag(w[i])) ++i;
    auto s = make_secret(SecretKind::EnableSecret, w[2], st, id, ref);
    s.owner = "enable";
    s.privilege = 15;
    if (i + 1 < w.size() && w[i] == "level") {
      s.privilege = read_level(w, i + 1);
      i += 2;
    }
    c.dev.secrets.push_back(s);
    if (i == w.size())
      c.recognised(b);
    else
      c.unrecognised(b, LineContext::Management, "enable", false);
    return true;
  }
  if ((k == "passwd" || k == "password") && w.size() >= 2 && !(k == "password" && w[1] == "encryption") &&
      !(k == "password" && w[1] == "policy")) {
    SecretStorage st;
    std::string id;
    storage_of(w.size() >= 3 ? w[2] : "", st, id);
    auto s = make_secret(SecretKind::Password, w[1], st, id, ref);
    s.owner = "(login passwd)";
    c.dev.secrets.push_back(s);
    if (w.size() == 2 || (w.size() == 3 && is_storage_tag(w[2])))
      c.recognised(b);
    else
      c.unrecognised(b, LineContext::Management, k, false);
    return true;
  }
  return false;
}

}  // namespace gp::parsers::asa
