// Management servers (telnet, ssh, http, snmp) with their access lists, and the secrets of
// accounts, PPP profiles, SNMP and HTTP users.
#include "parsers/nec_ix/internal.h"

namespace gp::parsers::nec {

model::Secret secret(model::SecretKind k, model::SecretStorage st, const std::string& value,
                     const SourceRef& r, const std::string& owner, const std::string& id) {
  model::Secret s;
  s.kind = k;
  s.storage = st;
  s.owner = owner;
  s.storage_id = id;
  s.digest = fnv1a_hex(value);
  if (st == model::SecretStorage::Plain) s.clear_digest = s.digest;  // stored in clear
  s.src_ref = r;
  return s;
}

// Accounts (PPP profiles, usernames), management servers and the SNMP agent; false when the
// line is none of these.
bool management_global(Ctx& c, const ConfigLine& l, const Words& w) {
  std::string k0 = lower(w[0]), k1 = w.size() > 1 ? lower(w[1]) : "";
  SourceRef r = c.ref(l);
  if (k0 == "ppp" && k1 == "profile") {
    ++c.recognised;
    for (const auto& ch : l.children) {
      Words x = split_words(ch.text);
      if (x.size() >= 4 && lower(x[0]) == "authentication" && lower(x[1]) == "password") {
        c.dev.secrets.push_back(secret(model::SecretKind::Password, model::SecretStorage::Plain, x[3],
                                       c.ref(ch), x[2], "nec-ppp-clear"));
        ++c.recognised;
      } else {
        c.ignored(ch);
      }
    }
    return true;
  }
  if (k0 == "username" && w.size() >= 4 && lower(w[2]) == "password") {
    std::string form = lower(w[3]);
    size_t v = 4;
    if (form == "plain" && v + 1 < w.size() && num(w[v]) && w[v].size() == 1) ++v;  // "plain 1 PW"
    std::string value = v < w.size() ? w[v] : "";
    auto st = form == "plain" ? model::SecretStorage::Plain : model::SecretStorage::Unknown;
    auto s = secret(model::SecretKind::Password, st, value, r, w[1], "nec-" + form);
    s.privilege = l.text.find("administrator") != std::string::npos ? 15 : 1;
    c.dev.secrets.push_back(s);
    ++c.recognised;
    return true;
  }
  auto svc = [&](Ctx::Svc& s) {
    // X-server ip enable | X-server ip access-list ACL | X-server ip port N ...
    std::string k2 = w.size() > 2 ? lower(w[2]) : "";
    if (k1 == "ip" && k2 == "enable")
      s.on = true, s.ref = r;
    else if (k1 == "ip" && k2 == "access-list" && w.size() > 3)
      s.acl = w[3];
    else if (k1 == "username" && w.size() > 2) {
      for (size_t i = 3; i + 1 < w.size(); ++i)
        if (lower(w[i]) == "secret-password")
          c.dev.secrets.push_back(secret(model::SecretKind::Password, model::SecretStorage::Unknown, w[i + 1],
                                         r, w[2], "nec-http-secret-password"));
    }
    ++c.recognised;
  };
  if (k0 == "telnet-server") return svc(c.telnet), true;
  if (k0 == "ssh-server") return svc(c.ssh), true;
  if (k0 == "http-server") return svc(c.http), true;
  if (k0 == "snmp-agent") {
    std::string k2 = w.size() > 2 ? lower(w[2]) : "";
    if (k1 == "ip" && k2 == "enable") {
      c.snmp.on = true, c.snmp.ref = r;
    } else if (k1 == "ip" && k2 == "community" && w.size() > 3) {
      auto s = secret(model::SecretKind::SnmpCommunity, model::SecretStorage::Plain, w[3], r, "", "nec-snmp");
      s.access = l.text.find("read-write") != std::string::npos ? "RW" : "RO";
      c.dev.secrets.push_back(s);
      for (size_t i = 4; i < w.size(); ++i)
        if (lower(w[i]) != "read-only" && lower(w[i]) != "read-write") c.snmp_acl = w[i];
    } else if (k1 == "ip" && k2 == "host") {
    } else if (k1 == "contact" || k1 == "location" || k1 == "ip") {
    } else {
      c.unrec(l, LineContext::Management, "", false);
      return true;
    }
    ++c.recognised;
    return true;
  }
  return false;
}

void finish_mgmt(Ctx& c) {
  SourceRef file_ref{c.file, 0, 0};
  auto make = [&](model::MgmtProtocol p, const Ctx::Svc& s, const std::string& acl) {
    model::MgmtService m;
    m.protocol = p;
    m.access_setting = p == model::MgmtProtocol::Telnet ? "telnet-server ip access-list"
                       : p == model::MgmtProtocol::Ssh  ? "ssh-server ip access-list"
                       : p == model::MgmtProtocol::Http ? "http-server ip access-list"
                                                        : "an access list on the snmp-agent community";
    m.enabled = s.on;
    m.is_default = !s.on;  // absent: disabled (NEC default)
    m.src_ref = s.ref.known() ? s.ref : file_ref;
    m.access_filter = acl;
    if (!acl.empty()) {
      auto it = c.acls.find(acl);
      if (it == c.acls.end()) {
        c.note("management access-list " + acl + " is not defined: taken as unrestricted", m.src_ref);
      } else {
        bool simple = true;
        for (const auto& e : it->second) {
          if (e.rule.action == model::Action::Permit && e.rule.understood)
            m.allowed_sources.insert(m.allowed_sources.end(), e.rule.src.begin(), e.rule.src.end());
          else
            simple = false;
        }
        if (!simple) m.allowed_sources.clear();
      }
    }
    c.dev.services.push_back(m);
  };
  make(model::MgmtProtocol::Telnet, c.telnet, c.telnet.acl);
  make(model::MgmtProtocol::Ssh, c.ssh, c.ssh.acl);
  make(model::MgmtProtocol::Http, c.http, c.http.acl);
  make(model::MgmtProtocol::Snmp, c.snmp, c.snmp_acl);
  c.dev.services.back().version = "v2c";
  bool users = false;
  for (const auto& s : c.dev.secrets)
    users |= s.kind == model::SecretKind::Password && s.storage_id.rfind("nec-", 0) == 0 &&
             s.storage_id != "nec-ppp-clear";
  if (!users) c.note("no username: the console needs no login (NEC default after a reset)", file_ref);
}

}  // namespace gp::parsers::nec
