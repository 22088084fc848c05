// IPsec: `ipsec tunnel`, `ipsec sa policy`, `ipsec ike ...` per gateway; L2TP remote access;
// one model VPN per tunnel interface at the end.
#include <set>

#include "parsers/yamaha_rtx/internal.h"

namespace gp::parsers::rtx {

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
      std::string v = lower(w[4]) == "text" && w.size() >= 6 ? w[5] : w[4];
      c.dev.secrets.push_back(secret(model::SecretKind::PreSharedKey, model::SecretStorage::Plain, v, r,
                                     "ipsec ike gateway " + w[3], "yamaha-psk"));
      return Res::Recognised;
    }
    if ((t == "encryption" || t == "hash" || t == "group") && w.size() >= 5) {
      auto& g = c.gws[w[3]];
      std::string v = join(w, 4);
      (t == "encryption" ? g.enc : t == "hash" ? g.hash : g.group) = v;
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
        v.proposals.push_back("esp " + p->second.text);
        auto g = c.gws.find(p->second.gw);
        if (g != c.gws.end()) {
          v.peers = g->second.peers;
          v.peer_any = v.peer_any || g->second.any;
          v.proposals.push_back("ike " + g->second.enc + " " + g->second.hash + " " + g->second.group);
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
    c.ifc(tn, {}).tunnel_protection = t.policy.empty() ? "" : "ipsec tunnel " + t.policy;
    if (c.ifc(tn, {}).tunnel_mode.empty()) c.ifc(tn, {}).tunnel_mode = t.encapsulation;
    c.dev.vpns.push_back(v);
  }
}

}  // namespace gp::parsers::rtx
