// FortiOS management plane (system global, admin, SNMP, allowaccess) and VPNs (IPsec
// phase1/phase2 interfaces, SSL-VPN).
#include <algorithm>

#include "parsers/fortigate/internal.h"

namespace gp::parsers::fgt {

using model::LineContext;
using model::MgmtProtocol;
using model::MgmtService;
using model::SecretKind;

namespace {

MgmtService& service(Ctx& c, MgmtProtocol p) {
  for (auto& s : c.dev.services)
    if (s.protocol == p) return s;
  MgmtService s;
  s.protocol = p;
  c.dev.services.push_back(s);
  return c.dev.services.back();
}

std::string value(const Node& e, const char* key, const std::string& dflt) {
  const Node* s = e.find_set(key);
  return s && s->words.size() >= 2 ? s->words[1] : dflt;
}

// Set lines of a simple table entry: `keys` are read by the caller; secrets become Secrets;
// everything else is management-only.
void account_rest(Ctx& c, const Node& e, const std::set<std::string>& keys, const std::string& owner) {
  for (const auto& s : e.children) {
    if (s.kind == Node::Kind::Set && !s.words.empty() && keys.count(s.words[0])) {
      c.rec(s);
    } else if (s.kind == Node::Kind::Set && s.words.size() >= 2 && is_secret_key(s.words[0]) &&
               (s.words[0].find("pass") != std::string::npos ||
                s.words[0].find("secret") != std::string::npos || s.words[0] == "key" ||
                s.words[0] == "api-key")) {
      auto sec = make_secret(SecretKind::Other, join(s.words, 1), c.ref(s));
      sec.owner = owner + " " + s.words[0];
      c.dev.secrets.push_back(sec);
      c.rec(s);
    } else {
      c.ign_tree(s);
    }
  }
}

}  // namespace

void read_global(Ctx& c, const Node& cfg) {
  c.rec(cfg);
  for (const auto& s : cfg.children) {
    const Words& w = s.words;
    if (s.kind != Node::Kind::Set || w.size() < 2) {
      c.ign_tree(s);
      continue;
    }
    const std::string& k = w[0];
    const SourceRef r = c.ref(s);
    if (global_hygiene(c, cfg, s)) {
      c.rec(s);
      continue;
    }
    if (k == "hostname") {
      c.dev.hostname = w[1];
    } else if (k == "admin-telnet") {
      service(c, MgmtProtocol::Telnet).src_ref = r;
      if (w[1] == "disable") c.note("admin-telnet disable: telnet administration is off", r);
      c.mgmt_refs["admin-telnet=" + w[1]] = r;
    } else if (k == "admin-sport" || k == "admin-port" || k == "admin-ssh-port" || k == "admin-telnet-port") {
      c.note(k + " " + w[1] + ": administration listens on a non-default port", r);
    } else if (k == "admin-https-ssl-versions") {
      // "tlsv1-1 tlsv1-2" -> "tlsv1.1 tlsv1.2", lowest first (the checks read the first word).
      std::vector<std::string> v(w.begin() + 1, w.end());
      for (auto& x : v)
        if (x.rfind("tlsv1-", 0) == 0) x[5] = '.';
      std::sort(v.begin(), v.end());
      auto& https = service(c, MgmtProtocol::Https);
      https.version = join(v, 0);
      https.version_ref = r;
    } else if ((k == "ssh-cbc-cipher" || k == "ssh-hmac-md5" || k == "ssh-kex-sha1") && w[1] == "enable") {
      // Weak SSH algorithm switches (FortiOS 6.x/7.0).
      service(c, MgmtProtocol::Ssh)
          .ciphers.push_back(k == "ssh-cbc-cipher" ? "encryption:aes128-cbc 3des-cbc"
                             : k == "ssh-hmac-md5"
                                 ? "integrity:hmac-md5"
                                 : "kex:diffie-hellman-group1-sha1 diffie-hellman-group14-sha1");
    } else if (k == "ssl-static-key-ciphers" && w[1] == "enable") {
      c.note("ssl-static-key-ciphers enable: HTTPS administration accepts static-key (non-PFS) cipher suites",
             r);
    } else if (k == "strong-crypto") {
      if (w[1] == "disable")
        c.note("strong-crypto disable: HTTPS and SSH administration also accept weak ciphers", r);
    } else if (k == "admin-ssh-v1" && w[1] == "enable") {
      service(c, MgmtProtocol::Ssh).version = "1";
    } else if (k == "ssl-min-proto-version") {
      // Connections the FortiGate opens (FortiGuard, LDAP, syslog, ...), not administration: HTTPS
      // administration has admin-https-ssl-versions, the SSL-VPN ssl-min-proto-ver (FortiOS 6.2
      // cookbook, "TLS configuration").
      c.note("ssl-min-proto-version " + w[1] + ": minimum TLS of connections the FortiGate opens", r);
    } else if (k == "admin-https-redirect" || k == "admin-lockout-threshold" ||
               k == "admin-lockout-duration" || k == "admin-maintainer" || k == "admin-scp" ||
               k == "admin-ssh-grace-time" || k == "admin-login-max" || k == "admin-restrict-local" ||
               k == "ssh-kex-algo" || k == "ssh-enc-algo" || k == "ssh-mac-algo" ||
               k == "admin-https-pki-required") {
      if (k.rfind("ssh-", 0) == 0) {
        const std::string kind = k == "ssh-kex-algo"   ? "kex"
                                 : k == "ssh-enc-algo" ? "encryption"
                                                       : "integrity";
        service(c, MgmtProtocol::Ssh).ciphers.push_back(kind + ":" + join(w, 1));
      }
    } else {
      c.ign(s);  // alias, timezone, gui settings, ...
      continue;
    }
    c.rec(s);
  }
}

void read_admins(Ctx& c, const Node& cfg) {
  c.rec(cfg);
  for (const auto& e : cfg.children) {
    if (e.kind != Node::Kind::Edit || e.words.empty()) {
      c.unrec_tree(e, LineContext::Management, "system admin", false);
      continue;
    }
    c.rec(e);
    const std::string user = e.words[0];
    std::vector<AddrMatch> trust;
    bool has_password = false;
    std::string profile;
    for (const auto& s : e.children) {
      const Words& w = s.words;
      if (s.kind == Node::Kind::Set && w.size() >= 2 && w[0] == "password") {
        auto sec = make_secret(SecretKind::Password, join(w, 1), c.ref(s));
        sec.owner = user;
        c.dev.secrets.push_back(sec);
        has_password = true;
        c.rec(s);
      } else if (s.kind == Node::Kind::Set && w.size() >= 2 && w[0].rfind("trusthost", 0) == 0 &&
                 w[0].find('6') == std::string::npos) {
        if (auto p = read_ip_mask(w, 1)) {
          if (!(p->addr == 0 && p->len == 0))
            trust.push_back(AddrMatch::of(*p));
          else
            trust.push_back(AddrMatch::any());
          c.rec(s);
        } else {
          c.unrec(s, LineContext::Management, "admin " + user, false);
        }
      } else if (s.kind == Node::Kind::Set && w.size() >= 2 && w[0] == "accprofile") {
        profile = w[1];
        c.rec(s);
      } else {
        c.ign_tree(s);
      }
    }
    if (!has_password) {
      // No "set password": the account has the factory-default empty password.
      auto sec = make_secret(SecretKind::Password, "", c.ref(e));
      sec.owner = user;
      sec.storage = model::SecretStorage::Plain;
      sec.storage_id = "fortios-empty";
      c.dev.secrets.push_back(sec);
      c.note("admin " + user + " has no password (factory default: empty)", c.ref(e));
    }
    if (!c.dev.secrets.empty()) {
      auto& sec = c.dev.secrets.back();
      sec.access = profile;
      if (profile == "super_admin") sec.privilege = 15;
    }
    bool any = trust.empty() ||
               std::any_of(trust.begin(), trust.end(), [](const AddrMatch& m) { return m.is_any(); });
    c.admin_trusthosts.push_back(any ? std::vector<AddrMatch>{} : trust);
  }
}

void read_snmp(Ctx& c, const Node& cfg, const std::string& what) {
  c.rec(cfg);
  auto& svc = service(c, MgmtProtocol::Snmp);
  if (what == "sysinfo") {
    for (const auto& s : cfg.children) {
      if (s.kind == Node::Kind::Set && s.words.size() >= 2 && s.words[0] == "status") {
        c.snmp_agent = s.words[1] == "enable";
        if (!svc.src_ref.known()) svc.src_ref = c.ref(s);
        c.rec(s);
      } else {
        c.ign_tree(s);
      }
    }
    return;
  }
  for (const auto& e : cfg.children) {
    if (e.kind != Node::Kind::Edit) {
      c.ign_tree(e);
      continue;
    }
    c.rec(e);
    if (value(e, "status", "enable") == "disable") {
      c.ign_tree(e);
      continue;
    }
    if (what == "community") {
      if (const Node* n = e.find_set("name")) {
        auto sec = make_secret(SecretKind::SnmpCommunity, join(n->words, 1), c.ref(*n));
        if (sec.storage != model::SecretStorage::Masked) {
          sec.storage = model::SecretStorage::Plain;  // communities are stored in clear
          sec.storage_id = "fortios-plain";
          if (n->words[1] != "ENC") sec.clear_digest = sec.digest;
        }
        sec.access = "RO";
        c.dev.secrets.push_back(sec);
        c.rec(*n);
      }
      if (!svc.version) svc.version = value(e, "query-v1-status", "enable") == "enable" ? "v1" : "v2c";
    } else {
      svc.version = "v3";
      svc.ciphers.push_back("user " + e.words[0] + ": auth " + value(e, "auth-proto", "sha") + " priv " +
                            value(e, "priv-proto", "aes") + " " +
                            value(e, "security-level", "no-auth-no-priv"));
    }
    if (!svc.src_ref.known()) svc.src_ref = c.ref(e);
    for (const auto& s : e.children) {
      if (s.kind == Node::Kind::Config && s.path() == "hosts") {
        c.rec(s);
        for (const auto& h : s.children) {
          c.rec(h);
          for (const auto& hs : h.children) {
            if (hs.kind == Node::Kind::Set && hs.words.size() >= 2 && hs.words[0] == "ip") {
              if (auto p = read_ip_mask(hs.words, 1)) {
                svc.allowed_sources.push_back(AddrMatch::of(*p));
                c.rec(hs);
                continue;
              }
            }
            c.ign_tree(hs);
          }
        }
      } else if (s.kind == Node::Kind::Set && s.words.size() >= 2 &&
                 (s.words[0] == "auth-pwd" || s.words[0] == "priv-pwd")) {
        auto sec = make_secret(SecretKind::Other, join(s.words, 1), c.ref(s));
        sec.owner = "snmp user " + e.words[0];
        c.dev.secrets.push_back(sec);
        c.rec(s);
      } else if (s.kind == Node::Kind::Set && !s.words.empty() && s.words[0] == "name") {
        c.rec(s);
      } else {
        c.ign_tree(s);
      }
    }
  }
}

void read_users(Ctx& c, const Node& cfg) {
  c.rec(cfg);
  for (const auto& e : cfg.children) {
    if (e.kind != Node::Kind::Edit || e.words.empty()) {
      c.ign_tree(e);
      continue;
    }
    c.rec(e);
    account_rest(c, e, {}, "user " + e.words[0]);
  }
}

// ---------------------------------------------------------------- IPsec

namespace {

std::map<std::string, std::vector<Phase2>>& phase2_store(Ctx& c) { return c.phase2; }

}  // namespace

void read_phase1(Ctx& c, const Node& cfg, const std::string& vdom) {
  c.rec(cfg);
  for (const auto& e : cfg.children) {
    if (e.kind != Node::Kind::Edit || e.words.empty()) {
      c.unrec_tree(e, LineContext::Vpn, "phase1-interface");
      continue;
    }
    c.rec(e);
    model::Vpn v;
    v.name = e.words[0];
    v.interface = e.words[0];
    v.src_ref = c.ref(e);
    v.bypasses_interface_acl = true;  // no interface ACLs; the forward policy still applies
    const bool dynamic = value(e, "type", "static") == "dynamic";
    const bool ddns = value(e, "type", "static") == "ddns";
    const bool modecfg = value(e, "mode-cfg", "disable") == "enable";
    v.kind = dynamic && modecfg ? model::VpnKind::RemoteAccess : model::VpnKind::SiteToSiteIpsec;
    v.peer_any = dynamic;
    std::string auth = value(e, "authmethod", "psk");
    v.authentication = auth == "signature" ? "certificate" : auth;
    std::optional<Ipv4> start, end;
    std::string bound;
    for (const auto& s : e.children) {
      const Words& w = s.words;
      if (s.kind != Node::Kind::Set || w.size() < 2) {
        c.ign_tree(s);
        continue;
      }
      const std::string& k = w[0];
      if (k == "remote-gw") {
        if (auto a = parse_ipv4(w[1]); a && *a != 0) v.peers.push_back(*a);
      } else if (k == "interface") {
        bound = w[1];
      } else if (k == "proposal") {
        v.proposals.push_back(proposal_of(w, c.ref(s)));
      } else if (k == "dhgrp") {
        v.proposals.push_back(dhgrp_of(w, c.ref(s)));
      } else if (k == "psksecret" || k == "ppk-secret") {
        auto sec = make_secret(SecretKind::PreSharedKey, join(w, 1), c.ref(s));
        sec.owner = "ipsec " + v.name;
        c.dev.secrets.push_back(sec);
      } else if (k == "ipv4-start-ip") {
        start = parse_ipv4(w[1]);
      } else if (k == "ipv4-end-ip") {
        end = parse_ipv4(w[1]);
      } else if (k == "type" || k == "mode-cfg" || k == "authmethod" || k == "ike-version") {
        if (k == "ike-version") v.proposals.push_back({"ikev" + w[1]});
      } else if (k == "remotegw-ddns") {
        v.peer_any = true;
      } else if (k == "ipv4-split-include" || k == "ipv4-split-exclude") {
        // Mode-cfg clients are told which networks go through the tunnel (or which do not).
        v.split_tunnel = model::Vpn::Split::Split;
        v.split_tunnel_ref = c.ref(s);
      } else {
        c.ign(s);
        continue;
      }
      c.rec(s);
    }
    if (ddns) v.peer_any = true;
    if (!dynamic && !ddns && v.peers.empty()) {
      v.understood = false;
      v.why_not_understood = "phase1 " + v.name + " without remote-gw";
    }
    if (start)
      for (const auto& p : range_to_prefixes_any_order(*start, end ? *end : *start))
        v.client_pools.push_back(p);
    if (!bound.empty()) c.note("IPsec " + v.name + " terminates on " + bound, v.src_ref);
    // The phase1 name is also a tunnel interface (system interface may not list it).
    if (!c.find_ifc(v.name)) {
      model::Interface t;
      t.name = v.name;
      t.kind = model::InterfaceKind::Tunnel;
      t.tunnel_mode = "ipsec";
      t.tunnel_source_ifc = bound;
      t.parent = bound;
      t.src_ref = v.src_ref;
      t.vrf = c.vrf_of(vdom);
      c.dev.interfaces.push_back(t);
      c.vd(c.multi_vdom ? vdom : "").interfaces.push_back(t.name);
    } else {
      c.find_ifc(v.name)->tunnel_source_ifc = bound;
    }
    if (!v.peers.empty()) c.find_ifc(v.name)->tunnel_destination = v.peers.front();
    c.dev.vpns.push_back(std::move(v));
  }
}

void read_phase2(Ctx& c, const Node& cfg, const std::string& vdom) {
  c.rec(cfg);
  for (const auto& e : cfg.children) {
    if (e.kind != Node::Kind::Edit || e.words.empty()) {
      c.unrec_tree(e, LineContext::Vpn, "phase2-interface");
      continue;
    }
    c.rec(e);
    Phase2 p;
    std::string p1;
    auto side = [&](const std::string& which, std::vector<AddrMatch>& out) {
      std::string type = value(e, (which + "-addr-type").c_str(), "subnet");
      if (type == "subnet") {
        const Node* s = e.find_set((which + "-subnet").c_str());
        if (!s) {
          out.push_back(AddrMatch::any());
          return;
        }
        auto pr = read_ip_mask(s->words, 1);
        if (pr)
          out.push_back(AddrMatch::of(*pr));
        else
          p.ok = false, p.why = which + "-subnet not read";
      } else if (type == "ip") {
        if (auto a = parse_ipv4(value(e, (which + "-start-ip").c_str(), "")))
          out.push_back(AddrMatch::host(*a));
      } else if (type == "range") {
        auto a = parse_ipv4(value(e, (which + "-start-ip").c_str(), ""));
        auto b = parse_ipv4(value(e, (which + "-end-ip").c_str(), ""));
        if (a && b)
          for (const auto& pr : range_to_prefixes_any_order(*a, *b)) out.push_back(AddrMatch::of(pr));
      } else if (type == "name") {
        AddrSet s = expand_addr(c, vdom, value(e, (which + "-name").c_str(), ""), true);
        out = s.v4;
        if (!s.ok) p.ok = false, p.why = s.why;
      } else {
        p.ok = false;
        p.why = which + "-addr-type " + type;
      }
    };
    side("src", p.local);
    side("dst", p.remote);
    for (const auto& s : e.children) {
      if (s.kind == Node::Kind::Set && s.words.size() >= 2 && s.words[0] == "phase1name") {
        p1 = s.words[1];
        c.rec(s);
      } else if (s.kind == Node::Kind::Set && s.words.size() >= 2 &&
                 (s.words[0] == "proposal" || s.words[0] == "dhgrp")) {
        p.proposals.push_back(s.words[0] == "proposal" ? proposal_of(s.words, c.ref(s))
                                                       : dhgrp_of(s.words, c.ref(s)));
        c.rec(s);
      } else if (s.kind == Node::Kind::Set && !s.words.empty() &&
                 (s.words[0].rfind("src-", 0) == 0 || s.words[0].rfind("dst-", 0) == 0)) {
        c.rec(s);
      } else {
        c.ign_tree(s);
      }
    }
    phase2_store(c)[p1].push_back(p);
  }
}

void read_ssl_settings(Ctx& c, const Node& cfg, const std::string& vdom) {
  c.rec(cfg);
  std::vector<std::string> src_ifcs, pools;
  bool enabled = true;
  model::TlsSettings tls;
  SslTlsLines tls_lines;
  for (const auto& s : cfg.children) {
    const Words& w = s.words;
    if (s.kind == Node::Kind::Set && w.size() >= 2) {
      if (w[0] == "source-interface")
        src_ifcs.assign(w.begin() + 1, w.end());
      else if (w[0] == "tunnel-ip-pools")
        pools.assign(w.begin() + 1, w.end());
      else if (w[0] == "status")
        enabled = w[1] != "disable";
      else if (w[0] == "login-attempt-limit" && number(w[1], 1000)) {
        // SSL-VPN users are blocked (login-block-time) after this many failed attempts.
        model::HygieneFact f;
        f.topic = model::HygieneTopic::LoginLockout;
        f.subject = "SSL-VPN logins: blocked after " + w[1] + " failed attempts";
        f.number = number(w[1], 1000);
        f.enabled = *f.number > 0;
        f.src_ref = c.ref(s);
        c.dev.hygiene.push_back(f);
      } else if (read_ssl_tls(tls, tls_lines, w, c.ref(s))) {
        // TLS of the portal: a service of its own (finish_ssl_tls below).
      } else if (w[0] == "port" || w[0] == "source-address") {
        c.note("SSL-VPN " + w[0] + " " + join(w, 1), c.ref(s));
      } else {
        c.ign_tree(s);
        continue;
      }
      c.rec(s);
    } else {
      c.ign_tree(s);  // authentication rules, ...
    }
  }
  if (!enabled || src_ifcs.empty()) return;  // SSL-VPN not listening anywhere
  model::Vpn v;
  v.kind = model::VpnKind::RemoteAccess;
  v.name = "ssl-vpn" + (c.multi_vdom ? " (vdom " + vdom + ")" : std::string());
  // Pool traffic enters the policy table from ssl.root (ssl.<vdom> with several VDOMs).
  v.interface = c.multi_vdom ? "ssl." + vdom : "ssl.root";
  v.bypasses_interface_acl = true;
  v.src_ref = c.ref(cfg);
  v.authentication = "aaa:ssl-vpn";
  finish_ssl_tls(tls, tls_lines, c.dev.os_version);
  v.tls = tls;
  for (const auto& n : pools) {
    AddrSet a = expand_addr(c, vdom, n, true);
    for (const auto& m : a.v4)
      if (auto len = mask_to_len(~m.wildcard)) v.client_pools.push_back(Prefix{m.addr, *len});
    if (!a.ok) v.understood = false, v.why_not_understood = a.why;
  }
  std::string listen;
  for (const auto& i : src_ifcs) listen += (listen.empty() ? "" : ", ") + i;
  c.note("SSL-VPN portal listens on " + listen, v.src_ref);
  if (!c.find_ifc(v.interface)) {
    model::Interface t;
    t.name = v.interface;
    t.kind = model::InterfaceKind::Tunnel;
    t.src_ref = v.src_ref;
    t.vrf = c.vrf_of(vdom);
    c.dev.interfaces.push_back(t);
  }
  c.dev.vpns.push_back(std::move(v));
}

void read_ssl_portal(Ctx& c, const Node& cfg, const std::string& vdom) {
  c.rec(cfg);
  std::vector<Prefix> pools;
  for (const auto& e : cfg.children) {
    c.rec(e);
    const Node* tunnel = e.find_set("tunnel-mode");
    if (tunnel && tunnel->words.size() >= 2 && tunnel->words[1] == "enable") {
      Ctx::SslPortal portal;
      portal.name = e.words.empty() ? "" : e.words[0];
      portal.ref = c.ref(e);
      if (const Node* sp = e.find_set("split-tunneling"); sp && sp->words.size() >= 2) {
        portal.split = sp->words[1] == "enable";
        portal.split_ref = c.ref(*sp);
      }
      c.ssl_tunnel_portals.push_back(portal);
    }
    for (const auto& s : e.children) {
      if (s.kind == Node::Kind::Set && s.words.size() >= 2 && s.words[0] == "ip-pools") {
        for (size_t i = 1; i < s.words.size(); ++i) {
          AddrSet a = expand_addr(c, vdom, s.words[i], true);
          for (const auto& m : a.v4)
            if (auto len = mask_to_len(~m.wildcard)) pools.push_back(Prefix{m.addr, *len});
        }
        c.rec(s);
      } else if (s.kind == Node::Kind::Set && s.words.size() >= 2 && s.words[0] == "split-tunneling") {
        c.rec(s);
      } else {
        c.ign_tree(s);
      }
    }
  }
  // Portal pools apply when the settings name no tunnel pool of their own (finish_vpn).
  c.ssl_portal_pools.insert(c.ssl_portal_pools.end(), pools.begin(), pools.end());
}

void finish_vpn(Ctx& c) {
  auto& store = phase2_store(c);
  for (auto& v : c.dev.vpns) {
    if (v.kind == model::VpnKind::RemoteAccess && v.interface.rfind("ssl.", 0) == 0) {
      if (v.client_pools.empty()) v.client_pools = c.ssl_portal_pools;
      // Split tunnelling: any tunnel-mode portal that splits lets its users split; all stating
      // "disable" is a full tunnel; a portal that does not say leaves it open (the default
      // changed between FortiOS versions and was not verified).
      bool all_full = !c.ssl_tunnel_portals.empty();
      for (const auto& p : c.ssl_tunnel_portals) {
        if (p.split && *p.split) {
          v.split_tunnel = model::Vpn::Split::Split;
          v.split_tunnel_ref = p.split_ref;
          break;
        }
        if (!p.split) {
          all_full = false;
          if (!v.split_tunnel_ref.known()) v.split_tunnel_ref = p.ref;
        }
      }
      if (v.split_tunnel != model::Vpn::Split::Split && all_full) {
        v.split_tunnel = model::Vpn::Split::FullTunnel;
        v.split_tunnel_ref = c.ssl_tunnel_portals.front().split_ref;
      }
      if (v.client_pools.empty()) {
        v.understood = false;
        v.why_not_understood = "SSL-VPN without a tunnel address pool (web mode only, or pools not read)";
      }
      continue;
    }
    auto it = store.find(v.name);
    if (it == store.end()) continue;
    for (const auto& p2 : it->second) {
      v.proposals.insert(v.proposals.end(), p2.proposals.begin(), p2.proposals.end());
      v.local_networks.insert(v.local_networks.end(), p2.local.begin(), p2.local.end());
      v.remote_networks.insert(v.remote_networks.end(), p2.remote.begin(), p2.remote.end());
      if (!p2.ok) v.understood = false, v.why_not_understood = p2.why;
    }
  }
}

void finish_management(Ctx& c) {
  // Trusted hosts restrict every administrative protocol; one admin without any leaves it open.
  std::vector<AddrMatch> sources;
  bool restricted = !c.admin_trusthosts.empty();
  for (const auto& t : c.admin_trusthosts) {
    if (t.empty()) restricted = false;
    sources.insert(sources.end(), t.begin(), t.end());
  }
  const std::pair<const char*, MgmtProtocol> protos[] = {{"https", MgmtProtocol::Https},
                                                         {"http", MgmtProtocol::Http},
                                                         {"ssh", MgmtProtocol::Ssh},
                                                         {"telnet", MgmtProtocol::Telnet},
                                                         {"snmp", MgmtProtocol::Snmp}};
  for (const auto& [name, p] : protos) {
    auto it = c.mgmt_ifcs.find(name);
    if (it == c.mgmt_ifcs.end()) continue;
    auto& s = service(c, p);
    s.enabled = true;
    s.allowed_interfaces = it->second;
    s.src_ref = c.mgmt_refs[name];
    if (p == MgmtProtocol::Telnet && c.mgmt_refs.count("admin-telnet=disable")) s.enabled = false;
    if (p != MgmtProtocol::Snmp && restricted) s.allowed_sources = sources;
    if (p == MgmtProtocol::Snmp) s.enabled = c.snmp_agent;  // the agent must be on too
    if (p == MgmtProtocol::Ssh && !s.version) s.version = "2";
    if (p == MgmtProtocol::Https) admin_https_default(s, c.dev.os_version);
    s.access_setting =
        p == MgmtProtocol::Snmp ? "hosts of the SNMP community" : "trusthost of every administrator";
  }
  // Services not allowed on any interface (allowaccess) do not answer: only mentioned by global
  // or SNMP settings. SNMP additionally needs the agent ("system snmp sysinfo", status enable).
  c.dev.services.erase(std::remove_if(c.dev.services.begin(), c.dev.services.end(),
                                      [&](const MgmtService& s) { return s.allowed_interfaces.empty(); }),
                       c.dev.services.end());
}

}  // namespace gp::parsers::fgt
