// Management plane: line con/aux/vty, HTTP(S) server, SSH version, SNMP.
#include "parsers/cisco_ios/ios_internal.h"

namespace gp::parsers::ios {

using model::MgmtProtocol;
using model::MgmtService;

namespace {

void line_block(Ctx& c, const ConfigLine& l, const Words& w) {
  std::string type = lower(w[1]);
  bool vty = type == "vty";
  std::string name = join(w, 0);
  c.recognised(l);
  std::vector<MgmtProtocol> input;
  bool transport_set = false;
  SourceRef transport_ref;
  std::string acl;
  static const std::set<std::string> harmless = {"exec-timeout",
                                                 "privilege",
                                                 "logging",
                                                 "stopbits",
                                                 "session-timeout",
                                                 "length",
                                                 "width",
                                                 "history",
                                                 "escape-character",
                                                 "exec",
                                                 "no",
                                                 "authorization",
                                                 "accounting",
                                                 "rotary",
                                                 "autocommand",
                                                 "speed",
                                                 "flowcontrol",
                                                 "modem",
                                                 "absolute-timeout",
                                                 "login",
                                                 "timeout",
                                                 "databits",
                                                 "parity",
                                                 "location",
                                                 "notify",
                                                 "exec-character-bits",
                                                 "default",
                                                 "activation-character",
                                                 "session-limit",
                                                 "international",
                                                 "terminal-type",
                                                 "motd-banner",
                                                 "exec-banner",
                                                 "vacant-message",
                                                 "refuse-message",
                                                 "editing",
                                                 "ipv6",
                                                 "data-character-bits",
                                                 "special-character-bits",
                                                 "insecure",
                                                 "disconnect-character",
                                                 "hold-character",
                                                 "start-character",
                                                 "stop-character",
                                                 "autoselect",
                                                 "autohangup",
                                                 "telnet",
                                                 "padding",
                                                 "lockable",
                                                 "password-retry",
                                                 "media-type"};
  for (const auto& ch : l.children) {
    Words cw = split_words(ch.text);
    std::string k = cw.empty() ? "" : lower(cw[0]);
    bool ok = true;
    if (starts_with(cw, {"transport", "input"}) && cw.size() >= 3) {
      transport_set = true;
      transport_ref = c.ref(ch);
      input.clear();
      for (size_t i = 2; i < cw.size(); ++i) {
        std::string p = lower(cw[i]);
        if (p == "telnet") input.push_back(MgmtProtocol::Telnet);
        if (p == "ssh") input.push_back(MgmtProtocol::Ssh);
        if (p == "all") input = {MgmtProtocol::Telnet, MgmtProtocol::Ssh};
      }
    } else if (starts_with(cw, {"transport"})) {
      // transport output / preferred: outgoing sessions only
    } else if (starts_with(cw, {"access-class"}) && cw.size() >= 3) {
      if (lower(cw[2]) == "in") acl = cw[1];
    } else if ((k == "password" || k == "secret") && cw.size() >= 2) {
      size_t v = cw.size() - 1;
      c.dev.secrets.push_back(make_secret(model::SecretKind::Password, cw, v, c.ref(ch), name));
    } else if (harmless.count(k)) {
    } else {
      ok = false;
    }
    if (ok)
      c.recognise_tree(ch);
    else
      c.unrec_tree(ch, LineContext::Management, name, false);
  }
  line_idle_timeout(c, l, name);
  if (type.rfind("con", 0) == 0) c.console_seen = true;
  if (!vty) return;
  if (!c.vty_seen) c.first_vty = c.ref(l);
  c.vty_seen = true;
  if (transport_set) {
    c.vty_transport_set = true;
    for (auto p : input) {
      MgmtService s;
      s.protocol = p;
      s.enabled = true;
      s.access_filter = acl;
      s.src_ref = transport_ref;
      c.dev.services.push_back(s);
    }
    if (input.empty()) {  // transport input none: record the vty as closed
      for (auto p : {MgmtProtocol::Telnet, MgmtProtocol::Ssh}) {
        MgmtService s;
        s.protocol = p;
        s.enabled = false;
        s.access_filter = acl;
        s.src_ref = transport_ref;
        c.dev.services.push_back(s);
      }
    }
  } else {
    for (auto p : {MgmtProtocol::Telnet, MgmtProtocol::Ssh}) {
      MgmtService s;
      s.protocol = p;
      s.enabled = true;
      s.is_default = true;
      s.access_filter = acl;
      s.src_ref = c.ref(l);
      c.dev.services.push_back(s);
    }
    c.note(name +
               ": no 'transport input'; the release default applies (classic IOS: all, "
               "some IOS-XE releases: ssh or none) - assumed telnet and ssh",
           c.ref(l));
  }
}

MgmtService* find_service(Ctx& c, MgmtProtocol p) {
  for (auto& s : c.dev.services)
    if (s.protocol == p && !s.is_default) return &s;
  return nullptr;
}

void http(Ctx& c, const ConfigLine& l, const Words& w, bool no) {
  std::string k = lower(w[no ? 3 : 2]);
  if (k == "server" || k == "secure-server") {
    auto p = k == "server" ? MgmtProtocol::Http : MgmtProtocol::Https;
    MgmtService* s = find_service(c, p);
    if (!s) {
      c.dev.services.push_back({});
      s = &c.dev.services.back();
      s->protocol = p;
    }
    s->enabled = !no;
    s->src_ref = c.ref(l);
    // ip http access-class applies to both; set later
  }
}

}  // namespace

bool parse_management_global(Ctx& c, const ConfigLine& l, const Words& w) {
  if (starts_with(w, {"line"}) && w.size() >= 2) {
    line_block(c, l, w);
    return true;
  }
  bool no = starts_with(w, {"no"});
  if (starts_with(w, {"ip", "http"}, no ? 1 : 0) && w.size() == (no ? 4u : 3u)) {
    std::string k = lower(w[no ? 3 : 2]);
    if (k == "server" || k == "secure-server") {
      http(c, l, w, no);
      c.recognised(l);
      return true;
    }
  }
  if (starts_with(w, {"ip", "http", "access-class"}) && w.size() >= 4) {
    c.dev.notes.push_back({"http access-class " + w.back(), c.ref(l)});
    for (auto p : {MgmtProtocol::Http, MgmtProtocol::Https})
      if (auto* s = find_service(c, p)) s->access_filter = w.back();
    c.recognised(l);
    return true;
  }
  if (starts_with(w, {"ip", "http", "tls-version"}) && w.size() == 4) {
    if (auto* s = find_service(c, MgmtProtocol::Https)) s->version = w[3];
    c.note("ip http tls-version " + w[3], c.ref(l));
    c.recognised(l);
    return true;
  }
  if (starts_with(w, {"ip", "http", "secure-ciphersuite"})) {
    if (auto* s = find_service(c, MgmtProtocol::Https))
      s->ciphers.insert(s->ciphers.end(), w.begin() + 3, w.end());
    c.recognised(l);
    return true;
  }
  if (starts_with(w, {"ip", "ssh", "version"}) && w.size() == 4) {
    c.note("ssh-version " + w[3], c.ref(l));
    c.recognised(l);
    return true;
  }
  if (starts_with(w, {"ip", "ssh", "server", "algorithm"}) && w.size() >= 6) {
    c.note("ssh-algorithm " + join(w, 4), c.ref(l));
    c.recognised(l);
    return true;
  }
  if (starts_with(w, {"snmp-server"}) && w.size() >= 2) {
    std::string k = lower(w[1]);
    const SourceRef r = c.ref(l);
    if (k == "community" && w.size() >= 3) {
      MgmtService s;
      s.protocol = MgmtProtocol::Snmp;
      s.enabled = true;
      s.version = "v2c";
      s.src_ref = r;
      std::string access = "RO";
      for (size_t i = 3; i < w.size(); ++i) {
        std::string x = lower(w[i]);
        if (x == "view" && i + 1 < w.size()) {
          ++i;
        } else if (x == "ro" || x == "rw") {
          access = x == "ro" ? "RO" : "RW";
        } else if (x == "ipv6" && i + 1 < w.size()) {
          ++i;
        } else {
          s.access_filter = w[i];
        }
      }
      c.dev.services.push_back(s);
      auto sec = make_secret(model::SecretKind::SnmpCommunity, w, 2, r, "");
      sec.access = access;
      c.dev.secrets.push_back(sec);
      c.recognised(l);
      return true;
    }
    if (k == "group" && w.size() >= 4) {
      MgmtService s;
      s.protocol = MgmtProtocol::Snmp;
      s.enabled = true;
      std::string v = lower(w[3]);
      s.version = v == "v3" ? "v3" : v == "v1" ? "v1" : "v2c";
      if (v == "v3" && w.size() >= 5) s.ciphers.push_back(lower(w[4]));  // noauth|auth|priv
      for (size_t i = 4; i + 1 < w.size(); ++i)
        if (lower(w[i]) == "access") s.access_filter = w[i + 1];
      s.src_ref = r;
      c.dev.services.push_back(s);
      c.recognised(l);
      return true;
    }
    if (k == "user" && w.size() >= 4) {
      for (size_t i = 3; i + 1 < w.size(); ++i) {
        std::string x = lower(w[i]);
        if ((x == "md5" || x == "sha" || x == "des" || x == "aes" || x == "3des") && i + 1 < w.size()) {
          size_t v = i + 1;
          if (x == "aes" && v + 1 < w.size() && to_int(w[v])) ++v;
          auto s = make_secret(model::SecretKind::Password, w, v, r, "snmp user " + w[2]);
          s.storage_id += ":" + x;
          c.dev.secrets.push_back(s);
          i = v;
        }
      }
      c.recognised(l);
      return true;
    }
    if (k == "host" && w.size() >= 4) {
      size_t i = 3;
      bool v3 = false;
      while (i < w.size()) {
        std::string x = lower(w[i]);
        if (x == "informs" || x == "traps") {
          ++i;
        } else if (x == "version" && i + 1 < w.size()) {
          v3 = w[i + 1] == "3";
          i += v3 ? 3 : 2;
        } else if (x == "vrf" && i + 1 < w.size()) {
          i += 2;
        } else {
          break;
        }
      }
      if (!v3 && i < w.size())
        c.dev.secrets.push_back(make_secret(model::SecretKind::SnmpCommunity, w, i, r, ""));
      c.recognised(l);
      return true;
    }
    c.ignored(l);  // location, contact, traps, trap-source, ifindex, view, engineID...
    for (const auto& ch : l.children) c.ignore_tree(ch);
    return true;
  }
  return false;
}

void finish_management(Ctx& c) {
  std::optional<std::string> ssh_version;
  for (const auto& n : c.dev.notes)
    if (n.first.rfind("ssh-version ", 0) == 0) ssh_version = n.first.substr(12);
  for (auto& s : c.dev.services) {
    if (s.protocol == MgmtProtocol::Ssh && ssh_version) s.version = ssh_version;
    // Where IOS restricts sources, for messages in IOS words.
    if (s.protocol == MgmtProtocol::Telnet || s.protocol == MgmtProtocol::Ssh)
      s.access_setting = "access-class on the vty lines";
    else if (s.protocol == MgmtProtocol::Http || s.protocol == MgmtProtocol::Https)
      s.access_setting = "ip http access-class";
    else if (s.protocol == MgmtProtocol::Snmp)
      s.access_setting = "an access list on the community";
  }
  if (!c.vty_seen) {
    for (auto p : {MgmtProtocol::Telnet, MgmtProtocol::Ssh}) {
      MgmtService s;
      s.protocol = p;
      s.enabled = true;
      s.is_default = true;
      c.dev.services.push_back(s);  // built-in: no line vty in the file
    }
    c.note("no 'line vty' block: default vty services assumed (telnet and ssh)", {});
  }
}

}  // namespace gp::parsers::ios
