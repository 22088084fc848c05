// ASA management plane: ASDM/HTTPS, SSH, Telnet, TLS settings, SNMP, AAA server keys.
#include <algorithm>

#include "parsers/cisco_asa/internal.h"

namespace gp::parsers::asa {

using model::LineContext;
using model::MgmtProtocol;
using model::MgmtService;
using model::SecretKind;
using model::SecretStorage;

namespace {

MgmtService& service(Ctx& c, MgmtProtocol p) {
  for (auto& s : c.dev.services)
    if (s.protocol == p) return s;
  MgmtService s;
  s.protocol = p;
  c.dev.services.push_back(s);
  return c.dev.services.back();
}

void add_unique(std::vector<std::string>& v, const std::string& x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

// "A M NAMEIF" after the keyword: one allowed source on one interface.
bool read_allowed(Ctx& c, MgmtService& s, const Words& w, size_t i, const SourceRef& ref) {
  if (w.size() != i + 3) return false;
  auto a = parse_ipv4(w[i]);
  auto m = parse_ipv4(w[i + 1]);
  if (!a || !m) return false;
  s.allowed_sources.push_back(AddrMatch{*a & *m, ~*m});
  add_unique(s.allowed_interfaces, w[i + 2]);
  if (!s.src_ref.known()) s.src_ref = ref;
  (void)c;
  return true;
}

// Storage of a key/community written after the keyword: "8 X" (AES with the master key),
// "*****" (masked) or plain text.
void add_key_secret(Ctx& c, SecretKind kind, const Words& w, size_t i, const std::string& owner,
                    const SourceRef& ref) {
  if (i >= w.size()) return;
  SecretStorage st = SecretStorage::Plain;
  std::string id = "asa-plain";
  if (w[i] == "8" && i + 1 < w.size()) {
    ++i;
    st = SecretStorage::Reversible;
    id = "asa-aes-master-key";
  } else if (w[i] == "0" && i + 1 < w.size()) {
    ++i;
  }
  auto s = make_secret(kind, w[i], st, id, ref);
  s.owner = owner;
  c.dev.secrets.push_back(s);
}

}  // namespace

bool handle_management(Ctx& c, const ConfigLine& b, const Words& w) {
  const std::string& k = w[0];
  const SourceRef ref = c.ref(b.line);
  auto ok = [&] { c.recognised(b); };
  auto bad = [&] { c.unrecognised_tree(b, LineContext::Management, k, false); };
  if (k == "http" && w.size() >= 2) {
    auto& s = service(c, MgmtProtocol::Https);
    if (w[1] == "server" && w.size() >= 3 && w[2] == "enable") {
      s.enabled = true;
      s.src_ref = ref;
      if (w.size() == 4) c.note("ASDM/HTTPS server listens on port " + w[3], ref);
      ok();
    } else if (w[1] == "redirect") {
      c.note("http redirect to HTTPS on " + (w.size() > 2 ? w[2] : std::string("?")), ref);
      ok();
    } else if (read_allowed(c, s, w, 1, ref)) {
      ok();
    } else {
      bad();
    }
    return true;
  }
  if (k == "no" && w.size() >= 4 && w[1] == "http" && w[2] == "server" && w[3] == "enable") {
    auto& s = service(c, MgmtProtocol::Https);
    s.enabled = false;
    s.src_ref = ref;
    ok();
    return true;
  }
  if (k == "ssh" && w.size() >= 2) {
    auto& s = service(c, MgmtProtocol::Ssh);
    if (w[1] == "timeout" || w[1] == "scopy" || w[1] == "stricthostkeycheck" || w[1] == "pubkey-chain" ||
        w[1] == "authentication") {
      c.ignored_tree(b);
    } else if (w[1] == "version" && w.size() == 3) {
      s.version = w[2];
      ok();
    } else if (w[1] == "key-exchange" && w.size() >= 4 && w[2] == "group") {
      s.ciphers.push_back("kex:" + join(w, 3));
      ok();
    } else if (w[1] == "cipher" && w.size() >= 4) {
      s.ciphers.push_back(w[2] + ":" + join(w, 3));
      ok();
    } else if (read_allowed(c, s, w, 1, ref)) {
      s.enabled = true;
      ok();
    } else {
      bad();
    }
    return true;
  }
  if (k == "telnet" && w.size() >= 2) {
    if (w[1] == "timeout") {
      c.ignored(b);
      return true;
    }
    auto& s = service(c, MgmtProtocol::Telnet);
    if (read_allowed(c, s, w, 1, ref)) {
      s.enabled = true;
      ok();
    } else {
      bad();
    }
    return true;
  }
  if (k == "ssl" && w.size() >= 3) {
    if (w[1] == "server-version") {
      service(c, MgmtProtocol::Https).version = join(w, 2);
      ok();
    } else if (w[1] == "cipher" || w[1] == "encryption") {
      service(c, MgmtProtocol::Https)
          .ciphers.push_back(w[1] == "cipher" ? join(w, 2) : "encryption " + join(w, 2));
      ok();
    } else if (w[1] == "dh-group" || w[1] == "ecdh-group") {
      service(c, MgmtProtocol::Https).ciphers.push_back(w[1] + ":" + join(w, 2));
      ok();
    } else if (w[1] == "client-version" || w[1] == "trust-point" || w[1] == "certificate-authentication") {
      c.ignored(b);
    } else {
      bad();
    }
    return true;
  }
  if (k == "snmp-server" && w.size() >= 2 &&
      (w[1] == "location" || w[1] == "contact" || (w[1] == "enable" && w.size() >= 3 && w[2] == "traps"))) {
    c.ignored(b);
    return true;
  }
  if (k == "snmp-server" && w.size() >= 2) {
    auto& s = service(c, MgmtProtocol::Snmp);
    if (w[1] == "enable" && w.size() == 2) {
      s.enabled = true;
      s.src_ref = ref;
      ok();
    } else if (w[1] == "community" && w.size() >= 3) {
      add_key_secret(c, SecretKind::SnmpCommunity, w, 2, "", ref);
      if (!s.version) s.version = "v2c";
      ok();
    } else if (w[1] == "host" && w.size() >= 4) {
      // snmp-server host NAMEIF A [poll|trap] [community C] [version V] [udp-port P]
      auto a = parse_ipv4(w[3]);
      if (!a) {
        bad();
        return true;
      }
      s.allowed_sources.push_back(AddrMatch::host(*a));
      add_unique(s.allowed_interfaces, w[2]);
      if (!s.src_ref.known()) s.src_ref = ref;
      bool fine = true;
      for (size_t i = 4; i < w.size(); ++i) {
        if (w[i] == "community" && i + 1 < w.size()) {
          add_key_secret(c, SecretKind::SnmpCommunity, w, i + 1, "", ref);
          i += (w[i + 1] == "8" || w[i + 1] == "0") ? 2 : 1;
        } else if (w[i] == "version" && i + 1 < w.size()) {
          s.version = w[i + 1] == "1" ? "v1" : w[i + 1] == "3" ? "v3" : "v" + w[i + 1];
          ++i;
        } else if (w[i] == "udp-port" && i + 1 < w.size()) {
          ++i;
        } else if (w[i] != "poll" && w[i] != "trap") {
          fine = false;
        }
      }
      if (fine)
        ok();
      else
        bad();
    } else if (w[1] == "group" && w.size() >= 4) {
      s.version = "v3";
      s.ciphers.push_back("group " + join(w, 2));
      ok();
    } else if (w[1] == "user" && w.size() >= 4) {
      // snmp-server user U G v3 [engineID E] [encrypted] [auth md5|sha K [priv des|3des|aes N K]]
      std::vector<std::string> kept;
      bool encrypted = false;
      for (size_t i = 4; i < w.size(); ++i) {
        if (w[i] == "encrypted") encrypted = true;
        if (w[i] == "auth" && i + 2 < w.size()) {
          kept.push_back("auth " + w[i + 1]);
          auto sec = make_secret(SecretKind::Other, w[i + 2],
                                 encrypted ? SecretStorage::WeakHash : SecretStorage::Plain,
                                 encrypted ? "asa-snmp-localized" : "asa-plain", ref);
          sec.owner = w[2];
          c.dev.secrets.push_back(sec);
          i += 2;
        } else if (w[i] == "priv" && i + 2 < w.size()) {
          size_t key = i + 2;
          std::string alg = w[i + 1];
          if (alg == "aes" && i + 3 < w.size()) {
            alg += " " + w[i + 2];
            key = i + 3;
          }
          kept.push_back("priv " + alg);
          auto sec = make_secret(SecretKind::Other, w[key],
                                 encrypted ? SecretStorage::WeakHash : SecretStorage::Plain,
                                 encrypted ? "asa-snmp-localized" : "asa-plain", ref);
          sec.owner = w[2];
          c.dev.secrets.push_back(sec);
          i = key;
        }
      }
      s.version = "v3";
      s.ciphers.push_back("user " + w[2] + ": " + join(kept, 0));
      ok();
    } else {
      bad();
    }
    return true;
  }
  if (k == "aaa-server" && w.size() >= 2) {
    c.ignored(b);  // server definitions: management AAA
    for (const auto& ch : b.children) {
      Words cw = split_words(ch.text);
      if (!cw.empty() && cw[0] == "key" && cw.size() >= 2) {
        add_key_secret(c, SecretKind::RadiusKey, cw, 1, w[1], c.ref(ch.line));
        c.recognised(ch);
      } else {
        c.ignored_tree(ch);
      }
    }
    return true;
  }
  // Keys on otherwise irrelevant lines: keep the secret, the line itself is irrelevant.
  if (k == "ntp" && w.size() >= 5 && w[1] == "authentication-key") {
    // ntp authentication-key N md5|sha1|... KEY
    add_key_secret(c, SecretKind::Other, w, 4, "ntp key " + w[2], ref);
    ok();
    return true;
  }
  if (k == "failover" && w.size() >= 3 && w[1] == "key") {
    add_key_secret(c, SecretKind::Other, w, 2, "failover", ref);
    ok();
    return true;
  }
  if (k == "management-access" && w.size() == 2) {
    c.note("management-access " + w[1] + ": the device is managed through " + w[1] + " over VPN tunnels",
           ref);
    ok();
    return true;
  }
  return false;
}

void finish_management(Ctx& c) {
  for (auto& s : c.dev.services) {
    if (s.protocol == MgmtProtocol::Ssh && s.enabled && !s.version) {
      c.note(
          "ssh version not set: the default depends on the ASA release (older releases "
          "accept SSHv1 and v2)",
          s.src_ref);
    }
    if (s.protocol == MgmtProtocol::Https && !s.enabled && !s.allowed_sources.empty()) {
      c.note("http access lines present but 'http server enable' is absent: ASDM is off", s.src_ref);
    }
  }
}

}  // namespace gp::parsers::asa
