// IPsec: `ipsec tunnel`, `ipsec sa policy`, `ipsec ike ...` per gateway; L2TP remote access;
// one model VPN per tunnel interface at the end.
#include <set>

#include "parsers/yamaha_rtx/internal.h"

namespace gp::parsers::rtx {

std::string neutral_algorithm(const std::string& word) {
  static const std::map<std::string, std::string> k = {{"des-cbc", "des"},
                                                       {"3des-cbc", "3des"},
                                                       {"aes-cbc", "aes128"},
                                                       {"aes256-cbc", "aes256"},
                                                       {"aes-gcm", "aes128"},
                                                       {"aes256-gcm", "aes256"},
                                                       {"md5-hmac", "md5"},
                                                       {"sha-hmac", "sha1"},
                                                       {"sha256-hmac", "sha256"},
                                                       {"sha384-hmac", "sha384"},
                                                       {"sha512-hmac", "sha512"},
                                                       {"md5", "md5"},
                                                       {"sha", "sha1"},
                                                       {"sha256", "sha256"},
                                                       {"sha384", "sha384"},
                                                       {"sha512", "sha512"},
                                                       {"des", "des"},
                                                       {"3des", "3des"},
                                                       {"modp768", "modp768"},
                                                       {"modp1024", "modp1024"},
                                                       {"modp1536", "modp1536"},
                                                       {"modp2048", "modp2048"},
                                                       {"modp3072", "modp3072"},
                                                       {"modp4096", "modp4096"}};
  auto it = k.find(lower(word));
  return it == k.end() ? "" : it->second;
}

namespace {

// `ipsec sa policy N GW esp|ah [ENC] [HMAC] [options]`: ESP without an encryption word uses
// aes-cbc, and without an HMAC word authenticates nothing (Command Reference §15.48.2).
void read_sa_algorithms(SaPolicy& p, const Words& w) {
  const bool esp = w.size() > 5 && lower(w[5]) == "esp";
  bool enc = false, mac = false;
  for (size_t i = 6; i < w.size(); ++i) {
    std::string a = neutral_algorithm(w[i]);
    if (a.empty()) continue;  // anti-replay-check=..., other options
    const bool is_mac = lower(w[i]).find("hmac") != std::string::npos;
    (is_mac ? mac : enc) = true;
    p.algorithms.push_back(a);
  }
  if (esp && !enc) p.algorithms.push_back("aes128");
  if (!mac) p.algorithms.push_back("none");
}

// One proposal per IKE setting of the gateway, at its own line; a setting not written runs the
// default (Command Reference chapter 15: encryption 3des-cbc, hash sha, group modp1024), reported
// at the first line that names the gateway (or the SA policy that uses it).
void add_ike_proposals(model::Vpn& v, const IkeGw& g, const SourceRef& policy_ref) {
  const SourceRef gw_ref = g.first_ref.known() ? g.first_ref : policy_ref;
  auto add = [&](const char* what, const std::string& value, const SourceRef& ref, const char* def) {
    model::VpnProposal p;
    const std::string words = value.empty() ? def : value;
    p.text = std::string("ike ") + what + " " + words;
    for (const auto& x : tokenize(words))
      if (auto a = neutral_algorithm(x); !a.empty()) p.algorithms.push_back(a);
    if (value.empty())
      p.assumed_default = std::string("Yamaha RTX default 'ipsec ike ") + what + " " + def +
                          "' (Command Reference Rev.23.02.02 chapter 15)";
    p.src_ref = value.empty() ? gw_ref : ref;
    v.proposals.push_back(p);
  };
  add("encryption", g.enc, g.enc_ref, "3des-cbc");
  add("hash", g.hash, g.hash_ref, "sha");
  add("group", g.group, g.group_ref, "modp1024");
}

}  // namespace

Res parse_ipsec(Ctx& c, const Line& l, const Words& w) {
  SourceRef r = c.ref(l);
  std::string k = w.size() > 1 ? lower(w[1]) : "";
  if (k == "tunnel" && w.size() == 3) {
    if (c.cur_tunnel.empty()) return Res::Unrecognised;
    auto& t = c.tunnels[c.cur_tunnel];
    t.policy = w[2];
    t.ref = r;
    return Res::Recognised;
  }
  if (k == "sa" && w.size() >= 5 && lower(w[2]) == "policy") {
    SaPolicy p;
    p.gw = w[4];
    p.ref = r;
    p.text = join(w, 5);
    read_sa_algorithms(p, w);
    if (p.text.find("esp") != std::string::npos && p.text.find("hmac") == std::string::npos)
      p.text += " (no integrity algorithm)";
    c.policies[w[3]] = p;
    return Res::Recognised;
  }
  if (k == "ike" && w.size() >= 4) {
    std::string t = lower(w[2]);
    if (t == "remote" && w.size() >= 5 && lower(w[3]) == "address") {
      auto& g = c.gws[w[4]];
      g.ref = r;
      if (!g.first_ref.known()) g.first_ref = r;
      for (size_t i = 5; i < w.size(); ++i) {
        std::string v = lower(w[i]);
        if (v == "any")
          g.any = true;
        else if (auto a = parse_ipv4(v))
          g.peers.push_back(*a);
        else
          g.remote_understood = false;  // FQDN peer
      }
      return Res::Recognised;
    }
    if (t == "pre-shared-key" && w.size() >= 5) {
      auto& g = c.gws[w[3]];
      g.psk = true;
      if (!g.first_ref.known()) g.first_ref = r;
      std::string v = lower(w[4]) == "text" && w.size() >= 6 ? w[5] : w[4];
      c.dev.secrets.push_back(secret(model::SecretKind::PreSharedKey, model::SecretStorage::Plain, v, r,
                                     "ipsec ike gateway " + w[3], "yamaha-psk"));
      return Res::Recognised;
    }
    if ((t == "encryption" || t == "hash" || t == "group") && w.size() >= 5) {
      auto& g = c.gws[w[3]];
      if (!g.first_ref.known()) g.first_ref = r;
      (t == "encryption" ? g.enc : t == "hash" ? g.hash : g.group) = join(w, 4);
      (t == "encryption" ? g.enc_ref : t == "hash" ? g.hash_ref : g.group_ref) = r;
      return Res::Recognised;
    }
    static const std::set<std::string> ign = {"keepalive", "duration",
                                              "local",     "nat-traversal",
                                              "pfs",       "version",
                                              "remote",    "proposal-limitation",
                                              "log",       "restrict-dangling-sa",
                                              "queue",     "retry",
                                              "send",      "payload",
                                              "xauth",     "auto",
                                              "esp",       "message-id-control",
                                              "always-on", "mode-cfg"};
    if (ign.count(t)) return Res::Recognised;
  }
  if (k == "auto" || k == "transport" || k == "log" || k == "sa") return Res::Recognised;
  return Res::Unrecognised;
}

void finish_vpns(Ctx& c) {
  std::string wan;
  for (const auto& r : c.dev.routes)
    if (r.prefix.len == 0 && !r.out_interface.empty()) wan = r.out_interface;
  for (const auto& [tn, t] : c.tunnels) {
    model::Vpn v;
    v.name = tn;
    v.interface = wan;
    v.src_ref = t.ref.known() ? t.ref : c.ifc(tn, {}).src_ref;
    if (t.encapsulation == "l2tp") {
      v.kind = model::VpnKind::L2tp;
      v.peer_any = true;
      for (const auto& [pp, bt] : c.pp_bind)
        if (bt == tn || (bt.find('-') != std::string::npos)) {
          auto p = c.pp_pools.find(pp);
          if (p != c.pp_pools.end())
            v.client_pools.insert(v.client_pools.end(), p->second.begin(), p->second.end());
        }
    } else if (t.encapsulation != "ipsec") {
      continue;  // ipip, l2tpv3, map-e ...: not a VPN terminating IPsec
    }
    if (!t.policy.empty()) {
      auto p = c.policies.find(t.policy);
      if (p == c.policies.end()) {
        v.understood = false;
        v.why_not_understood = "ipsec tunnel " + t.policy + ": no ipsec sa policy";
      } else {
        v.proposals.push_back({p->second.text, p->second.algorithms, "", p->second.ref});
        auto g = c.gws.find(p->second.gw);
        if (g != c.gws.end()) {
          v.peers = g->second.peers;
          v.peer_any = v.peer_any || g->second.any;
          v.peer_ref = g->second.ref;
          add_ike_proposals(v, g->second, p->second.ref);
          if (g->second.psk) v.authentication = "psk";
          if (!g->second.remote_understood) {
            v.understood = false;
            v.why_not_understood = "peer given by name";
          }
        }
      }
    } else if (t.encapsulation == "ipsec") {
      continue;  // a tunnel interface without IPsec policy
    }
    for (const auto& r : c.dev.routes)
      if (r.out_interface == tn) v.remote_networks.push_back(AddrMatch::of(r.prefix));
    if (v.kind == model::VpnKind::SiteToSiteIpsec) v.tunnel_interface = tn;  // route-based
    c.ifc(tn, {}).tunnel_protection = t.policy.empty() ? "" : "ipsec tunnel " + t.policy;
    if (c.ifc(tn, {}).tunnel_mode.empty()) c.ifc(tn, {}).tunnel_mode = t.encapsulation;
    c.dev.vpns.push_back(v);
  }
}

}  // namespace gp::parsers::rtx
