// ASA VPN: address pools, AnyConnect/webvpn, tunnel-groups, group-policies, crypto maps and
// IKE/IPsec proposals, sysopt connection permit-vpn.
#include <algorithm>

#include "parsers/cisco_asa/internal.h"

namespace gp::parsers::asa {

using model::LineContext;
using model::SecretKind;
using model::SecretStorage;
using model::Vpn;
using model::VpnKind;

namespace {

void add_unique(std::vector<std::string>& v, const std::string& x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

void add_psk(Ctx& c, const Words& w, size_t i, const std::string& owner, const SourceRef& ref) {
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
  auto s = make_secret(SecretKind::PreSharedKey, w[i], st, id, ref);
  s.owner = owner;
  c.dev.secrets.push_back(s);
}

// "value X" or "none" style group-policy values: the words after "value".
Words values(const Words& w, size_t i) {
  if (i < w.size() && w[i] == "value") ++i;
  return Words(w.begin() + static_cast<long>(std::min(i, w.size())), w.end());
}

void read_tunnel_group(Ctx& c, const ConfigLine& b, const Words& w) {
  const std::string& name = w[1];
  TunnelGroup& tg = c.tunnel_groups[name];
  if (!tg.ref.known()) tg.ref = c.ref(b.line);
  const std::string& what = w[2];
  if (what == "type" && w.size() == 4) {
    tg.type = w[3];
    c.recognised(b);
    return;
  }
  c.recognised(b);
  for (const auto& ch : b.children) {
    Words cw = split_words(ch.text);
    if (cw.empty()) continue;
    const SourceRef r = c.ref(ch.line);
    if (what == "general-attributes") {
      if (cw[0] == "address-pool" && cw.size() >= 2) {
        for (size_t i = 1; i < cw.size(); ++i)
          if (cw[i].front() != '(') tg.pools.push_back(cw[i]);
        c.recognised(ch);
      } else if (cw[0] == "default-group-policy" && cw.size() == 2) {
        tg.group_policy = cw[1];
        c.recognised(ch);
      } else if (cw[0] == "authentication-server-group" && cw.size() >= 2) {
        tg.auth_server = cw.back() == "LOCAL" && cw.size() > 2 ? cw[cw.size() - 2] : cw.back();
        c.recognised(ch);
      } else if (cw[0] == "accounting-server-group" && cw.size() == 2) {
        tg.accounting_server = cw[1];
        tg.accounting_ref = r;
        c.recognised(ch);
      } else {
        c.ignored_tree(ch);  // accounting, authorization, password-management, ...
      }
    } else if (what == "ipsec-attributes") {
      if (cw.size() >= 3 && cw[0] == "ikev1" && cw[1] == "pre-shared-key") {
        add_psk(c, cw, 2, name, r);
        tg.psk = true;
        c.recognised(ch);
      } else if (cw.size() >= 2 && cw[0] == "pre-shared-key") {
        add_psk(c, cw, 1, name, r);
        tg.psk = true;
        c.recognised(ch);
      } else if (cw.size() >= 2 && cw[0] == "ikev2" &&
                 (cw[1] == "local-authentication" || cw[1] == "remote-authentication")) {
        if (cw.size() >= 4 && cw[2] == "pre-shared-key") {
          add_psk(c, cw, 3, name, r);
          tg.psk = true;
        } else if (cw.size() >= 3 && cw[2] == "certificate") {
          tg.cert = true;
        }
        c.recognised(ch);
      } else if (cw[0] == "ikev1" && cw.size() >= 2 && cw[1] == "trust-point") {
        tg.cert = true;
        c.recognised(ch);
      } else {
        c.ignored_tree(ch);  // peer-id-validate, isakmp keepalive, ...
      }
    } else {
      // webvpn-attributes, ppp-attributes, ...: portal look and feel, aliases.
      c.ignored_tree(ch);
    }
  }
}

void read_group_policy(Ctx& c, const ConfigLine& b, const Words& w) {
  const std::string& name = w[1];
  GroupPolicy& gp = c.group_policies[name];
  if (!gp.ref.known()) gp.ref = c.ref(b.line);
  c.recognised(b);
  for (const auto& ch : b.children) {
    Words cw = split_words(ch.text);
    if (cw.empty()) continue;
    const std::string& k = cw[0];
    if (k == "vpn-filter" && cw.size() >= 2) {
      Words v = values(cw, 1);
      gp.vpn_filter = v.empty() || v[0] == "none" ? "" : v[0];
      c.recognised(ch);
    } else if (k == "split-tunnel-policy" && cw.size() == 2) {
      gp.split_policy = cw[1];
      gp.split_ref = c.ref(ch.line);
      c.recognised(ch);
    } else if (k == "split-tunnel-network-list" && cw.size() >= 2) {
      Words v = values(cw, 1);
      gp.split_acl = v.empty() || v[0] == "none" ? "" : v[0];
      c.recognised(ch);
    } else if (k == "address-pools" && cw.size() >= 2) {
      for (const auto& p : values(cw, 1))
        if (p != "none") gp.pools.push_back(p);
      c.recognised(ch);
    } else if (k == "vpn-tunnel-protocol") {
      for (size_t i = 1; i < cw.size(); ++i) gp.protocols.push_back(cw[i]);
      c.recognised(ch);
    } else if (k == "vpn-filter" || k == "ipv6-vpn-filter" || k == "split-tunnel-all-dns" ||
               k == "dns-server" || k == "default-domain" || k == "banner" || k == "vpn-idle-timeout" ||
               k == "vpn-session-timeout" || k == "vpn-simultaneous-logins" || k == "wins-server" ||
               k == "split-dns" || k == "webvpn" || k == "anyconnect" || k == "dhcp-network-scope" ||
               k == "password-storage" || k == "client-bypass-protocol" || k == "address-pools" ||
               k == "ipv6-split-tunnel-policy" || k == "vpn-session-timeout" || k == "msie-proxy" ||
               k == "group-lock" || k == "user-authentication" || k == "ip-comp" || k == "re-xauth" ||
               k == "pfs" || k == "ipsec-udp" || k == "ipsec-udp-port" || k == "backup-servers") {
      c.ignored_tree(ch);  // client settings with no effect on what the tunnel may reach
    } else {
      // "vlan", "ipv6-address-pools", "nac-settings", ...: unknown effect on tunnel traffic.
      c.unrecognised_tree(ch, LineContext::Vpn, "group-policy " + name);
    }
  }
}

void read_crypto(Ctx& c, const ConfigLine& b, const Words& w) {
  const SourceRef ref = c.ref(b.line);
  auto bad = [&] { c.unrecognised_tree(b, LineContext::Vpn, "crypto"); };
  if (w.size() < 2) return bad();
  const std::string& k = w[1];
  if (k == "ca" || k == "key" || k == "checksum") {
    c.ignored_tree(b);  // certificates, trustpoints, key pairs
    return;
  }
  if ((k == "map" || k == "dynamic-map") && w.size() >= 4) {
    const std::string& map = w[2];
    if (k == "map" && w[3] == "interface" && w.size() == 5) {
      c.crypto_map_ifc[map] = {w[4], ref};
      c.recognised(b);
      return;
    }
    const std::string& seq = w[3];
    std::vector<CryptoMapEntry>& list = k == "dynamic-map" ? c.dynamic_maps[map] : c.crypto_entries;
    CryptoMapEntry* e = nullptr;
    for (auto& x : list)
      if (x.map == map && x.seq == seq) e = &x;
    if (!e) {
      list.push_back(CryptoMapEntry{});
      e = &list.back();
      e->map = map;
      e->seq = seq;
      e->ref = ref;
    }
    if (w.size() >= 6 && w[4] == "match" && w[5] == "address" && w.size() == 7) {
      e->acl = w[6];
    } else if (w.size() >= 7 && w[4] == "set" && w[5] == "peer") {
      for (size_t i = 6; i < w.size(); ++i) {
        if (auto a = parse_ipv4(w[i]))
          e->peers.push_back(*a);
        else {
          e->understood = false;
          e->why = "peer '" + w[i] + "' is not an IPv4 address";
        }
      }
    } else if (w.size() >= 7 && w[4] == "set" &&
               ((w[5] == "ikev1" && w[6] == "transform-set") ||
                (w[5] == "ikev2" && w[6] == "ipsec-proposal") || w[5] == "transform-set")) {
      const size_t from = w[5] == "transform-set" ? 6 : 7;
      const std::string kind = w[5] == "ikev2" ? "ikev2 ipsec-proposal " : "ikev1 transform-set ";
      for (size_t i = from; i < w.size(); ++i) e->proposals.push_back(kind + w[i]);
    } else if (w.size() == 7 && w[4] == "ipsec-isakmp" && w[5] == "dynamic") {
      e->dynamic_ref = true;
      e->dynamic_map = w[6];
    } else if (w.size() >= 5 && w[4] == "set") {
      // pfs, security-association lifetime, reverse-route, nat-t-disable, ...
      c.ignored(b);
      return;
    } else {
      e->understood = false;
      e->why = "crypto map line not read: " + b.text;
      c.unrecognised(b, LineContext::Vpn, "crypto map " + map);
      return;
    }
    c.recognised(b);
    return;
  }
  // crypto ikev1|ikev2|isakmp enable NAMEIF
  if ((k == "ikev1" || k == "ikev2" || k == "isakmp") && w.size() >= 4 && w[2] == "enable") {
    add_unique(c.ike_enabled_ifcs, w[3]);
    c.recognised(b);
    return;
  }
  // crypto ikev1|ikev2|isakmp policy N { encryption, hash, group, prf, ... }
  if ((k == "ikev1" || k == "ikev2" || k == "isakmp") && w.size() == 4 && w[2] == "policy") {
    std::string desc = (k == "isakmp" ? std::string("ikev1") : k) + " policy " + w[3] + ":";
    c.recognised(b);
    for (const auto& ch : b.children) {
      Words cw = split_words(ch.text);
      if (cw.empty()) continue;
      if (cw[0] == "lifetime") {
        c.ignored(ch);
        continue;
      }
      desc += " " + join(cw, 0) + ";";
      c.recognised(ch);
    }
    c.ike_proposals["policy"].push_back(desc);
    return;
  }
  if ((k == "ikev1" || k == "ikev2" || k == "isakmp") && w.size() >= 3) {
    // am-disable, identity, nat-traversal, limit-max-in-negotiation, ...
    c.ignored_tree(b);
    return;
  }
  // crypto ipsec ikev1 transform-set T esp-aes esp-sha-hmac
  if (k == "ipsec" && w.size() >= 5 && w[2] == "ikev1" && w[3] == "transform-set") {
    c.ike_proposals["ikev1 transform-set " + w[4]].push_back(join(w, 5));
    c.recognised(b);
    return;
  }
  if (k == "ipsec" && w.size() >= 4 && w[2] == "transform-set") {  // 8.2 syntax
    c.ike_proposals["ikev1 transform-set " + w[3]].push_back(join(w, 4));
    c.recognised(b);
    return;
  }
  if (k == "ipsec" && w.size() == 5 && w[2] == "ikev2" && w[3] == "ipsec-proposal") {
    auto& v = c.ike_proposals["ikev2 ipsec-proposal " + w[4]];
    c.recognised(b);
    for (const auto& ch : b.children) {
      v.push_back(ch.text);
      c.recognised(ch);
    }
    return;
  }
  if (k == "ipsec") {
    c.ignored_tree(b);  // security-association lifetime/pmtu-aging, df-bit, fragmentation
    return;
  }
  bad();
}

}  // namespace

bool handle_vpn(Ctx& c, const ConfigLine& b, const Words& w) {
  const std::string& k = w[0];
  const SourceRef ref = c.ref(b.line);
  if (k == "ip" && w.size() >= 5 && w[1] == "local" && w[2] == "pool") {
    // ip local pool NAME A-B [mask M]
    const std::string& name = w[3];
    auto dash = w[4].find('-');
    auto lo = parse_ipv4(w[4].substr(0, dash));
    auto hi = dash == std::string::npos ? lo : parse_ipv4(w[4].substr(dash + 1));
    if (!lo || !hi) {
      c.unrecognised(b, LineContext::Vpn, "ip local pool " + name);
      return true;
    }
    auto& v = c.pools[name];
    for (const auto& p : range_to_prefixes_any_order(*lo, *hi)) v.push_back(p);
    c.pool_refs[name] = ref;
    c.recognised(b);
    return true;
  }
  if (k == "webvpn" && w.size() == 1) {
    c.webvpn_ref = ref;
    c.recognised(b);
    for (const auto& ch : b.children) {
      Words cw = split_words(ch.text);
      if (cw.empty()) continue;
      if (cw[0] == "enable" && cw.size() >= 2) {
        c.webvpn_ifcs.push_back({cw[1], c.ref(ch.line)});
        c.recognised(ch);
      } else if (cw[0] == "anyconnect" && cw.size() == 2 && cw[1] == "enable") {
        c.anyconnect = true;
        c.anyconnect_ref = c.ref(ch.line);
        c.recognised(ch);
      } else if (cw[0] == "svc" && cw.size() == 2 && cw[1] == "enable") {  // 8.x name
        c.anyconnect = true;
        c.anyconnect_ref = c.ref(ch.line);
        c.recognised(ch);
      } else {
        // images, profiles, portal, tunnel-group-list, cache, hsts, dtls port...
        c.ignored_tree(ch);
      }
    }
    return true;
  }
  if (k == "tunnel-group" && w.size() >= 3) {
    read_tunnel_group(c, b, w);
    return true;
  }
  if (k == "group-policy" && w.size() >= 3) {
    read_group_policy(c, b, w);
    return true;
  }
  if (k == "crypto") {
    read_crypto(c, b, w);
    return true;
  }
  if (k == "sysopt" && w.size() >= 3 && w[1] == "connection" && w[2] == "permit-vpn") {
    c.permit_vpn = true;
    c.recognised(b);
    return true;
  }
  if (k == "no" && w.size() >= 4 && w[1] == "sysopt" && w[2] == "connection" && w[3] == "permit-vpn") {
    c.permit_vpn = false;
    c.recognised(b);
    return true;
  }
  if ((k == "vpn-addr-assign" || k == "vpn-sessiondb" || k == "vpdn") ||
      (k == "no" && w.size() >= 2 && w[1] == "vpn-addr-assign")) {
    if (k == "vpdn" && w.size() >= 5 && w[1] == "username" && w[3] == "password") {
      auto s = make_secret(SecretKind::Password, w[4], SecretStorage::Plain, "asa-plain", ref);
      s.owner = "vpdn " + w[2];
      c.dev.secrets.push_back(s);
      c.recognised(b);
      return true;
    }
    c.ignored_tree(b);
    return true;
  }
  if (k == "dynamic-access-policy-record") {
    if (b.children.empty())
      c.ignored(b);
    else
      c.unrecognised_tree(b, LineContext::Vpn, "dynamic-access-policy-record");
    return true;
  }
  if (k == "isakmp" || (k == "sysopt" && w.size() >= 2)) {
    c.ignored_tree(b);  // pre-8.4 isakmp keepalive/identity; sysopt tcpmss, noproxyarp...
    return true;
  }
  return false;
}

void finish_vpn(Ctx& c) {
  auto ifc_name = [&](const std::string& nameif) -> std::string {
    if (auto* i = c.by_nameif(nameif)) return i->name;
    return nameif;
  };
  // As written; the checks read ASA words from the text (no line of their own yet: the VPN's).
  auto proposals_of = [&](const std::vector<std::string>& names) {
    std::vector<model::VpnProposal> out;
    for (const auto& n : names) {
      auto it = c.ike_proposals.find(n);
      if (it == c.ike_proposals.end())
        out.push_back({n + " (undefined)"});
      else
        for (const auto& p : it->second) out.push_back({n + ": " + p});
    }
    for (const auto& p : c.ike_proposals["policy"]) out.push_back({p});
    return out;
  };
  auto acl_sides = [&](const std::string& acl, Vpn& v) {
    auto it = c.dev.filters.find(acl);
    if (acl.empty()) return;
    if (it == c.dev.filters.end()) {
      v.understood = false;
      v.why_not_understood = "crypto ACL " + acl + " is not defined";
      return;
    }
    for (const auto& r : it->second.rules) {
      if (!r.understood) {
        v.understood = false;
        v.why_not_understood = "crypto ACL " + acl + " has a rule that was not understood";
      }
      if (r.action != model::Action::Permit || r.inactive) continue;
      v.local_networks.insert(v.local_networks.end(), r.src.begin(), r.src.end());
      v.remote_networks.insert(v.remote_networks.end(), r.dst.begin(), r.dst.end());
    }
  };

  // Pools reachable from remote-access configuration.
  auto pools_for = [&](const std::string& tg_name) {
    std::vector<std::string> names;
    auto t = c.tunnel_groups.find(tg_name);
    if (t != c.tunnel_groups.end()) {
      names = t->second.pools;
      if (names.empty()) {
        auto g =
            c.group_policies.find(t->second.group_policy.empty() ? "DfltGrpPolicy" : t->second.group_policy);
        if (g != c.group_policies.end()) names = g->second.pools;
      }
    }
    if (names.empty()) {
      auto g = c.group_policies.find("DfltGrpPolicy");
      if (g != c.group_policies.end()) names = g->second.pools;
    }
    if (names.empty())
      for (const auto& [pn, pv] : c.pools) names.push_back(pn);
    std::vector<Prefix> out;
    for (const auto& n : names) {
      auto it = c.pools.find(n);
      if (it != c.pools.end()) out.insert(out.end(), it->second.begin(), it->second.end());
    }
    return out;
  };
  auto filter_for = [&](const std::string& tg_name) {
    auto t = c.tunnel_groups.find(tg_name);
    std::string gpn = t != c.tunnel_groups.end() && !t->second.group_policy.empty() ? t->second.group_policy
                                                                                    : "DfltGrpPolicy";
    auto g = c.group_policies.find(gpn);
    if (g != c.group_policies.end() && !g->second.vpn_filter.empty()) return g->second.vpn_filter;
    g = c.group_policies.find("DfltGrpPolicy");
    if (g != c.group_policies.end()) return g->second.vpn_filter;
    return std::string();
  };
  auto auth_for = [&](const std::string& tg_name) {
    auto t = c.tunnel_groups.find(tg_name);
    if (t == c.tunnel_groups.end()) return std::string();
    if (!t->second.auth_server.empty()) return "aaa:" + t->second.auth_server;
    if (t->second.psk) return std::string("psk");
    if (t->second.cert) return std::string("certificate");
    return std::string();
  };
  // Split tunnelling and accounting of a remote-access VPN of tunnel-group `tg_name`.
  // split-tunnel-policy: the group's policy, else inherited from DfltGrpPolicy, else the default
  // tunnelall (every destination through the tunnel).
  auto ra_hygiene = [&](const std::string& tg_name, Vpn& v) {
    auto t = c.tunnel_groups.find(tg_name);
    std::string gpn = t != c.tunnel_groups.end() && !t->second.group_policy.empty() ? t->second.group_policy
                                                                                    : "DfltGrpPolicy";
    const GroupPolicy* pol = nullptr;
    if (auto g = c.group_policies.find(gpn); g != c.group_policies.end() && !g->second.split_policy.empty())
      pol = &g->second;
    else if (auto d = c.group_policies.find("DfltGrpPolicy");
             d != c.group_policies.end() && !d->second.split_policy.empty())
      pol = &d->second;
    if (pol) {
      const std::string& p = pol->split_policy;
      v.split_tunnel = p == "tunnelall"                                    ? Vpn::Split::FullTunnel
                       : p == "tunnelspecified" || p == "excludespecified" ? Vpn::Split::Split
                                                                           : Vpn::Split::Unknown;
      v.split_tunnel_ref = pol->split_ref;
    } else {
      v.split_tunnel = Vpn::Split::FullTunnel;
      v.split_tunnel_default = true;
      v.split_tunnel_ref = v.src_ref;
    }
    if (t != c.tunnel_groups.end() && !t->second.accounting_server.empty()) {
      v.accounting =
          "accounting-server-group " + t->second.accounting_server + " (tunnel-group " + tg_name + ")";
      v.accounting_ref = t->second.accounting_ref;
    }
  };
  std::vector<std::string> ra_groups;
  for (const auto& [n, tg] : c.tunnel_groups)
    if (tg.type == "remote-access") ra_groups.push_back(n);
  if (ra_groups.empty()) ra_groups.push_back("DefaultRAGroup");

  // AnyConnect / clientless SSL VPN.
  if (c.anyconnect || !c.webvpn_ifcs.empty()) {
    for (const auto& [nameif, ref] : c.webvpn_ifcs) {
      for (const auto& g : ra_groups) {
        Vpn v;
        v.kind = VpnKind::RemoteAccess;
        v.name = "webvpn " + g;
        v.interface = ifc_name(nameif);
        v.client_pools = pools_for(g);
        v.filter = filter_for(g);
        v.authentication = auth_for(g);
        v.bypasses_interface_acl = c.permit_vpn;
        v.src_ref = ref;
        if (!c.by_nameif(nameif)) {
          v.understood = false;
          v.why_not_understood = "webvpn enabled on unknown nameif " + nameif;
        }
        if (!c.anyconnect) {
          v.understood = false;
          v.why_not_understood = "clientless SSL VPN (no anyconnect): portal access not modelled";
        }
        ra_hygiene(g, v);
        c.dev.vpns.push_back(v);
      }
    }
  }

  // Crypto maps.
  for (const auto& e : c.crypto_entries) {
    auto bound = c.crypto_map_ifc.find(e.map);
    const std::string ifc = bound == c.crypto_map_ifc.end() ? "" : ifc_name(bound->second.first);
    if (bound != c.crypto_map_ifc.end())
      if (auto* i = c.by_nameif(bound->second.first)) i->crypto_map = e.map;
    auto base = [&](Vpn& v) {
      v.interface = ifc;
      v.bypasses_interface_acl = c.permit_vpn;
      v.src_ref = e.ref;
      if (!e.understood) {
        v.understood = false;
        v.why_not_understood = e.why;
      }
      if (ifc.empty()) {
        c.note("crypto map " + e.map + " is not applied to any interface: inactive", e.ref);
      }
    };
    if (e.dynamic_ref) {
      auto dm = c.dynamic_maps.find(e.dynamic_map);
      Vpn v;
      v.kind = VpnKind::SiteToSiteIpsec;
      v.name = e.map + " " + e.seq + " dynamic " + e.dynamic_map;
      v.peer_any = true;
      base(v);
      if (dm == c.dynamic_maps.end()) {
        v.understood = false;
        v.why_not_understood = "dynamic map " + e.dynamic_map + " is not defined";
      } else {
        std::vector<std::string> props;
        for (const auto& d : dm->second) {
          acl_sides(d.acl, v);
          props.insert(props.end(), d.proposals.begin(), d.proposals.end());
        }
        v.proposals = proposals_of(props);
      }
      if (v.local_networks.empty()) v.local_networks = {AddrMatch::any()};
      if (v.remote_networks.empty()) v.remote_networks = {AddrMatch::any()};
      c.dev.vpns.push_back(v);
      // IPsec remote access arrives through the dynamic map.
      bool ipsec_ra = false;
      for (const auto& [n, tg] : c.tunnel_groups)
        if (tg.type == "remote-access") ipsec_ra = true;
      if (ipsec_ra && !ifc.empty()) {
        for (const auto& g : ra_groups) {
          Vpn ra;
          ra.kind = VpnKind::RemoteAccess;
          ra.name = "ipsec-ra " + g + " via " + e.map + " " + e.seq;
          ra.peer_any = true;
          ra.interface = ifc;
          ra.client_pools = pools_for(g);
          ra.filter = filter_for(g);
          ra.authentication = auth_for(g);
          ra.proposals = v.proposals;
          ra.bypasses_interface_acl = c.permit_vpn;
          ra.src_ref = e.ref;
          ra_hygiene(g, ra);
          c.dev.vpns.push_back(ra);
        }
      }
      continue;
    }
    Vpn v;
    v.kind = VpnKind::SiteToSiteIpsec;
    v.name = e.map + " " + e.seq;
    v.peers = e.peers;
    base(v);
    acl_sides(e.acl, v);
    if (e.acl.empty()) {
      v.understood = false;
      v.why_not_understood = "crypto map entry without match address";
    }
    if (e.peers.empty() && v.understood) {
      v.understood = false;
      v.why_not_understood = "crypto map entry without peer";
    }
    v.proposals = proposals_of(e.proposals);
    for (Ipv4 p : e.peers) {
      auto tg = c.tunnel_groups.find(format_ipv4(p));
      if (tg != c.tunnel_groups.end()) {
        v.authentication = tg->second.psk ? "psk" : tg->second.cert ? "certificate" : "";
        if (auto g = c.group_policies.find(tg->second.group_policy); g != c.group_policies.end())
          v.filter = g->second.vpn_filter;
      }
    }
    c.dev.vpns.push_back(v);
  }
}

}  // namespace gp::parsers::asa
