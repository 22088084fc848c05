// Management services (telnetd, httpd, sshd, snmp) with their host lists and defaults, and the
// secrets of accounts, PPP, L2TP and SNMP.
#include <set>

#include "parsers/yamaha_rtx/internal.h"

namespace gp::parsers::rtx {

model::Secret secret(model::SecretKind k, model::SecretStorage st, const std::string& value,
                     const SourceRef& r, const std::string& owner, const std::string& id) {
  model::Secret s;
  s.kind = k;
  s.storage = st;
  s.owner = owner;
  s.storage_id = id;
  s.digest = fnv1a_hex(value);
  if (st == model::SecretStorage::Plain) s.clear_digest = s.digest;  // the stored value is the clear one
  s.src_ref = r;
  return s;
}

// `login password X`, `login password encrypted X`, `... *` (masked by show config).
model::Secret password_secret(model::SecretKind k, const Words& w, size_t i, const SourceRef& r,
                              const std::string& owner) {
  bool enc = i < w.size() && lower(w[i]) == "encrypted";
  if (enc) ++i;
  std::string v = i < w.size() ? w[i] : "";
  if (v == "*") return secret(k, model::SecretStorage::Masked, "", r, owner, "yamaha-masked");
  if (enc) return secret(k, model::SecretStorage::Unknown, v, r, owner, "yamaha-encrypted");
  return secret(k, model::SecretStorage::Plain, v, r, owner, "yamaha-plain");
}

void set_svc(Ctx::Svc& s, const Words& w, const SourceRef& r) {
  std::string k = lower(w[1]);
  if (k == "service" && w.size() >= 3) {
    s.on = lower(w[2]) == "on";
    s.ref = r;
  } else if (k == "host") {
    s.hosts = host_list(w, 2);
    s.hosts_set = true;
    s.host_ref = r;
  }
}

Res parse_mgmt(Ctx& c, const Line& l, const Words& w) {
  SourceRef r = c.ref(l);
  std::string d = lower(w[0]);
  std::string k = w.size() > 1 ? lower(w[1]) : "";
  if (d == "telnetd" || d == "httpd" || d == "sshd") {
    auto& s = d == "telnetd" ? c.telnet : d == "httpd" ? c.http : c.ssh;
    if (k == "host" && w.size() > 2 && lower(w[2]) == "key") return Res::Ignored;  // host key
    if (k == "service" || k == "host") {
      set_svc(s, w, r);
      return Res::Recognised;
    }
    return Res::Ignored;  // listen, session, timeout, ...
  }
  if (d == "snmp" || d == "snmpv2c") {
    if (k == "host" && w.size() >= 3) {
      c.snmp.on = lower(w[2]) != "none";
      c.snmp.hosts.push_back(lower(w[2]));
      c.snmp.hosts_set = true;
      c.snmp.host_ref = r;
      if (d == "snmpv2c" && w.size() >= 4) {  // snmpv2c host IP COMMUNITY
        c.dev.secrets.push_back(secret(model::SecretKind::SnmpCommunity, model::SecretStorage::Plain, w[3], r,
                                       "", "yamaha-snmp"));
        c.dev.secrets.back().access = "RO";
        c.snmp_community = true;
      } else if (d == "snmp" && w.size() > 3) {
        // snmp host IP [ro [rw]]: ro and rw are community names
        c.dev.secrets.push_back(secret(model::SecretKind::SnmpCommunity, model::SecretStorage::Plain, w[3], r,
                                       "", "yamaha-snmp"));
        c.dev.secrets.back().access = "RO";
        c.snmp_community = true;
      }
      return Res::Recognised;
    }
    if (k == "community" && w.size() >= 4) {
      c.dev.secrets.push_back(
          secret(model::SecretKind::SnmpCommunity, model::SecretStorage::Plain, w[3], r, "", "yamaha-snmp"));
      c.dev.secrets.back().access = lower(w[2]) == "read-write" ? "RW" : "RO";
      c.snmp_community = true;
      return Res::Recognised;
    }
    if (k == "sysname" && w.size() >= 3) {
      if (c.dev.hostname.empty()) c.dev.hostname = w[2];
      return Res::Ignored;
    }
    return Res::Ignored;  // syslocation, syscontact, trap ...
  }
  return Res::Unrecognised;
}

namespace {

// The serial console's fixed recovery password, which `security class L on ...` (forget on) turns
// on: a built-in secret at that line. Without the line, forget is on by default on RTX1210, RTX1220,
// RTX830, RTX5000 and RTX3500 and off on RTX1300, RTX840 and RTX3510 (Command Reference
// Rev.23.02.02 §4.12); other or unnamed models are not decided.
void finish_console_recovery(Ctx& c) {
  static const std::set<std::string> kForgetOnByDefault = {"RTX1210", "RTX1220", "RTX830", "RTX5000",
                                                           "RTX3500"};
  std::string owner = "(console recovery)";
  SourceRef where = c.forget_ref;
  if (!c.forget) {
    if (!kForgetOnByDefault.count(c.hw_model)) return;
    owner = "(console recovery: no 'security class' line, forget on by default on " + c.hw_model + ")";
    where = {c.file, 0, 0};
  } else if (!*c.forget) {
    return;
  }
  // The published value, fingerprinted only: the model never holds it.
  c.dev.secrets.push_back(secret(model::SecretKind::Password, model::SecretStorage::Fixed, "w,lXlma", where,
                                 owner, "yamaha-security-class-forget"));
}

}  // namespace

void finish_mgmt(Ctx& c) {
  SourceRef file_ref{c.file, 0, 0};
  std::vector<std::string> lans;
  for (const auto& i : c.dev.interfaces)
    if (i.name.rfind("lan", 0) == 0 || i.name.rfind("vlan", 0) == 0 || i.name.rfind("bridge", 0) == 0)
      lans.push_back(i.name);
  auto make = [&](model::MgmtProtocol p, const Ctx::Svc& s, bool def_on, const char* def_host) {
    model::MgmtService m;
    m.protocol = p;
    m.access_setting = std::string(p == model::MgmtProtocol::Telnet ? "telnetd"
                                   : p == model::MgmtProtocol::Ssh  ? "sshd"
                                   : p == model::MgmtProtocol::Http ? "httpd"
                                   : p == model::MgmtProtocol::Tftp ? "tftp"
                                                                    : "snmp") +
                       " host";
    m.enabled = s.on.value_or(def_on);
    m.is_default = !s.on.has_value();
    m.src_ref = s.ref.known() ? s.ref : s.host_ref.known() ? s.host_ref : file_ref;
    std::vector<std::string> hosts = s.hosts_set ? s.hosts : std::vector<std::string>{def_host};
    bool understood = true;
    for (const auto& h : hosts) {
      if (h == "any") {
        m.allowed_sources.clear();
        m.allowed_interfaces.clear();
        understood = true;
        break;
      }
      if (h == "none") {
        m.enabled = false;
        continue;
      }
      if (h == "lan") {
        m.allowed_interfaces.insert(m.allowed_interfaces.end(), lans.begin(), lans.end());
        continue;
      }
      if (is_ifc_token(h)) {
        m.allowed_interfaces.push_back(h);
        continue;
      }
      if (auto a = filter_addr(h))
        m.allowed_sources.insert(m.allowed_sources.end(), a->begin(), a->end());
      else
        understood = false;
    }
    if (!understood) {
      m.allowed_sources.clear();
      m.allowed_interfaces.clear();
      c.note("management host list not understood: taken as unrestricted", m.src_ref);
    }
    if (!m.allowed_sources.empty() && !m.allowed_interfaces.empty()) {
      // Both an address list and interfaces: keep the addresses (the tighter reading is unsafe).
      m.allowed_sources.clear();
      m.allowed_interfaces.clear();
    }
    return m;
  };
  // Defaults (Yamaha command reference): telnetd on, host any (newer revisions write
  // "telnetd host lan" in the factory config, which then appears as a line); httpd on, host lan;
  // sshd off; snmp host none.
  auto telnet = make(model::MgmtProtocol::Telnet, c.telnet, true, "any");
  telnet.default_source =
      "Yamaha RTX Command Reference: the TELNET server is on unless 'telnetd service off' (host any, or "
      "lan on recent revisions)";
  c.dev.services.push_back(telnet);
  c.dev.services.push_back(make(model::MgmtProtocol::Http, c.http, true, "lan"));
  c.dev.services.push_back(make(model::MgmtProtocol::Ssh, c.ssh, false, "any"));
  auto snmp = make(model::MgmtProtocol::Snmp, c.snmp, false, "none");
  snmp.version = "v2c";
  c.dev.services.push_back(snmp);
  if (c.tftp.hosts_set) c.dev.services.push_back(make(model::MgmtProtocol::Tftp, c.tftp, true, "none"));
  finish_console_recovery(c);
  if (c.snmp.hosts_set && !c.snmp_community) {
    auto s = secret(model::SecretKind::SnmpCommunity, model::SecretStorage::Plain, "public", c.snmp.host_ref,
                    "", "yamaha-default-community");
    s.access = "RO";
    c.dev.secrets.push_back(s);
    c.note("snmp host set without a community: the default read-only community 'public' applies",
           c.snmp.host_ref);
  }
  if (!c.login_pw) {
    c.dev.secrets.push_back(secret(model::SecretKind::Password, model::SecretStorage::Absent, "", file_ref,
                                   "(login)", "yamaha-absent"));
    c.note("no 'login password' line: the device has no login password (factory default)", file_ref);
  }
  finish_hygiene(c);
  if (!c.admin_pw) {
    c.dev.secrets.push_back(secret(model::SecretKind::EnableSecret, model::SecretStorage::Absent, "",
                                   file_ref, "(administrator)", "yamaha-absent"));
    c.note("no 'administrator password' line: administrator mode has no password (factory default)",
           file_ref);
  }
}

// Accounts (login, administrator, login user, L2TP), management daemons, TFTP access and the
// console security class; none for anything else.
std::optional<Res> management_statement(Ctx& c, const Line& l, const Words& w) {
  SourceRef r = c.ref(l);
  std::string w0 = lower(w[0]);
  std::string w1 = w.size() > 1 ? lower(w[1]) : "";
  // --- accounts
  if (w0 == "login" && w1 == "password") {
    c.dev.secrets.push_back(password_secret(model::SecretKind::Password, w, 2, r, "(login)"));
    c.login_pw = true;
    return Res::Recognised;
  }
  if (w0 == "administrator" && w1 == "password") {
    c.dev.secrets.push_back(password_secret(model::SecretKind::EnableSecret, w, 2, r, "(administrator)"));
    c.admin_pw = true;
    return Res::Recognised;
  }
  if (w0 == "login" && w1 == "user" && w.size() >= 3) {
    c.dev.secrets.push_back(password_secret(model::SecretKind::Password, w, 3, r, w[2]));
    return Res::Recognised;
  }
  if (w0 == "l2tp" && w1 == "service") {
    c.l2tp_on = w.size() > 2 && lower(w[2]) == "on";
    return Res::Recognised;
  }
  if (w0 == "l2tp" && w1 == "tunnel" && w.size() >= 5 && lower(w[2]) == "auth") {
    c.dev.secrets.push_back(secret(model::SecretKind::Other, model::SecretStorage::Plain, w[4], r,
                                   c.cur_tunnel, "yamaha-l2tp-clear"));
    return Res::Recognised;
  }
  if (w0 == "telnetd" || w0 == "httpd" || w0 == "sshd" || w0 == "snmp" || w0 == "snmpv2c")
    return parse_mgmt(c, l, w);
  if (w0 == "tftp" && w1 == "host") {
    // tftp host none|any|lan|ADDRESS...: who may read and write the configuration (§4.54).
    if (w.size() < 3) return Res::Unrecognised;
    c.tftp.on = true;
    c.tftp.hosts = host_list(w, 2);
    c.tftp.hosts_set = true;
    c.tftp.ref = c.tftp.host_ref = r;
    return Res::Recognised;
  }
  if (w0 == "security" && w1 == "class" && w.size() >= 4) {
    // security class LEVEL FORGET [TELNET [SSH]], FORGET on|off (written "forget=on" in some notes).
    std::string forget = lower(w[3]);
    if (forget.rfind("forget=", 0) == 0) forget = forget.substr(7);
    if (forget != "on" && forget != "off") return Res::Unrecognised;
    c.forget = forget == "on";
    c.forget_ref = r;
    return Res::Recognised;
  }
  return std::nullopt;
}

}  // namespace gp::parsers::rtx
