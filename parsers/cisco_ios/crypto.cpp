// IPsec and remote-access VPNs: crypto maps, dynamic maps, ISAKMP/IKEv2 policies and keys,
// transform sets, IPsec profiles (tunnel protection), local pools, EzVPN groups, WebVPN, L2TP.
#include <functional>

#include "parsers/cisco_ios/ios_internal.h"

namespace gp::parsers::ios {

namespace {

// crypto map / dynamic-map entry body.
void map_entry_lines(Ctx& c, CryptoMapEntry& e, const ConfigLine& l) {
  for (const auto& ch : l.children) {
    Words w = split_words(ch.text);
    bool ok = true;
    if (starts_with(w, {"set", "peer"}) && w.size() >= 3) {
      if (auto a = parse_ipv4(w[2])) {
        e.peers.push_back(*a);
      } else {
        e.understood = false;
        e.why = "peer '" + w[2] + "' is not an address";
      }
    } else if (starts_with(w, {"match", "address"}) && w.size() == 3) {
      e.acl = w[2];
    } else if (starts_with(w, {"set", "transform-set"}) && w.size() >= 3) {
      e.transforms.insert(e.transforms.end(), w.begin() + 2, w.end());
    } else if (starts_with(w, {"set"}) || starts_with(w, {"description"}) ||
               starts_with(w, {"reverse-route"}) || starts_with(w, {"qos"})) {
      // pfs, lifetime, isakmp-profile, ikev2-profile...: do not change what is protected
    } else {
      ok = false;
    }
    if (ok)
      c.recognised(ch);
    else
      c.unrec(ch, LineContext::Vpn, e.map + " " + e.seq);
    for (const auto& g : ch.children) c.unrec_tree(g, LineContext::Vpn, e.map);
  }
}

// Lines recognised inside blocks whose details are not needed (IKE policies, profiles...).
// `known` lists accepted first words; secrets are recorded.
void known_block(Ctx& c, const ConfigLine& l, const std::string& name,
                 std::initializer_list<const char*> known, std::string* proposal = nullptr) {
  for (const auto& ch : l.children) {
    Words w = split_words(ch.text);
    std::string k = w.empty() ? "" : lower(w[0]);
    bool ok = false;
    for (const char* kk : known) ok |= k == kk;
    if (k == "pre-shared-key" && w.size() >= 2) {
      // keyring: "pre-shared-key address A [M] key K" / ikev2: "pre-shared-key [local|remote] [0|6] K"
      std::string owner;
      for (size_t i = 1; i + 1 < w.size(); ++i)
        if (lower(w[i]) == "address" || lower(w[i]) == "hostname") owner = w[i + 1];
      if (owner.empty()) owner = name;
      c.dev.secrets.push_back(
          make_secret(model::SecretKind::PreSharedKey, w, w.size() - 1, c.ref(ch), owner));
      ok = true;
    } else if (k == "key" && w.size() >= 2) {  // client configuration group key
      c.dev.secrets.push_back(make_secret(model::SecretKind::PreSharedKey, w, w.size() - 1, c.ref(ch), name));
      ok = true;
    } else if (k == "authentication" && w.size() >= 2) {
      std::string a = lower(w.back());
      c.ike_auth = a == "pre-share" ? "psk" : a.find("rsa") != std::string::npos ? "certificate" : a;
      ok = true;
    }
    if (ok && proposal) *proposal += " " + join(w);
    if (!ok) {
      c.unrec_tree(ch, LineContext::Vpn, name);
      continue;
    }
    c.recognised(ch);
    if (k == "peer")
      known_block(c, ch, w.size() > 1 ? w[1] : name, {"address", "description", "identity", "hostname"});
    else if (!ch.children.empty())
      known_block(c, ch, name, known);
  }
}

void collect_pools(Ctx& c, const ConfigLine& l, RaGroup& g) {
  for (const auto& ch : l.children) {
    Words w = split_words(ch.text);
    if (starts_with(w, {"svc", "address-pool"}) && w.size() >= 3) g.pools.push_back(w[2]);
    if (starts_with(w, {"pool"}) && w.size() == 2) g.pools.push_back(w[1]);
    // webvpn context policy group: "svc split include|exclude A M" = split tunnelling.
    if ((starts_with(w, {"svc", "split", "include"}) || starts_with(w, {"svc", "split", "exclude"})) &&
        !g.split_ref.line)
      g.split_ref = c.ref(ch);
    if (starts_with(w, {"aaa", "accounting", "list"}) && w.size() == 4) {
      g.accounting = "aaa accounting list " + w[3] + " (" + g.name + ")";
      g.accounting_ref = c.ref(ch);
    }
    c.recognised(ch);
    collect_pools(c, ch, g);
  }
}

}  // namespace

bool parse_crypto_global(Ctx& c, const ConfigLine& l, const Words& w) {
  auto is = [&](std::initializer_list<const char*> p) { return starts_with(w, p); };
  const SourceRef r = c.ref(l);
  if (is({"crypto", "map"}) && w.size() >= 4) {
    if (to_int(w[3]) && w.size() >= 5 && lower(w[4]) == "ipsec-isakmp") {
      CryptoMapEntry e;
      e.map = w[2];
      e.seq = w[3];
      e.ref = r;
      if (w.size() == 7 && lower(w[5]) == "dynamic") {
        e.dynamic = true;
        e.dynamic_map = w[6];
      } else if (w.size() != 5) {
        e.understood = false;
        e.why = "crypto map option not modelled";
      }
      c.recognised(l);
      map_entry_lines(c, e, l);
      c.crypto_maps.push_back(std::move(e));
      return true;
    }
    if (to_int(w[3])) {  // ipsec-manual, gdoi...
      CryptoMapEntry e;
      e.map = w[2];
      e.seq = w[3];
      e.ref = r;
      e.understood = false;
      e.why = "crypto map type '" + (w.size() > 4 ? w[4] : std::string()) + "' not modelled";
      c.unrec(l, LineContext::Vpn, w[2]);
      map_entry_lines(c, e, l);
      c.crypto_maps.push_back(std::move(e));
      return true;
    }
    // crypto map M local-address X / client ... / isakmp authorization ...
    if (w.size() == 7 && lower(w[3]) == "client" && lower(w[4]) == "accounting" && lower(w[5]) == "list")
      c.map_client_accounting = {
          "aaa accounting list " + w[6] + " (crypto map " + w[2] + " client accounting)", r};
    c.recognise_tree(l);
    return true;
  }
  if (is({"crypto", "dynamic-map"}) && w.size() == 4) {
    CryptoMapEntry e;
    e.map = w[2];
    e.seq = w[3];
    e.dynamic = true;
    e.ref = r;
    c.recognised(l);
    map_entry_lines(c, e, l);
    c.dynamic_maps[w[2]].push_back(std::move(e));
    return true;
  }
  if (is({"crypto", "isakmp", "policy"}) && w.size() == 4) {
    c.recognised(l);
    std::string p = "isakmp policy " + w[3] + ":";
    known_block(c, l, "isakmp policy " + w[3],
                {"encr", "encryption", "hash", "group", "authentication", "lifetime"}, &p);
    c.ike_proposals.push_back(p);
    return true;
  }
  if (is({"crypto", "isakmp", "key"}) && w.size() >= 5) {
    // crypto isakmp key [0|6] K address A [M] [no-xauth]  |  ... hostname H
    size_t at = 3;
    if (w.size() >= 6 && to_int(w[3]) && w[3].size() == 1 &&
        (lower(w[5]) == "address" || lower(w[5]) == "hostname"))
      at = 4;
    std::string owner = at + 2 < w.size() ? w[at + 2] : "";
    c.dev.secrets.push_back(make_secret(model::SecretKind::PreSharedKey, w, at, r, owner));
    c.recognised(l);
    return true;
  }
  if (is({"crypto", "isakmp", "client", "configuration", "group"}) && w.size() == 6) {
    RaGroup g;
    g.name = w[5];
    g.ref = r;
    g.ezvpn = true;
    c.recognised(l);
    for (const auto& ch : l.children) {
      Words cw = split_words(ch.text);
      if (starts_with(cw, {"pool"}) && cw.size() == 2) g.pools.push_back(cw[1]);
      if (starts_with(cw, {"acl"}) && cw.size() == 2) {
        g.acl = cw[1];  // the split-tunnel list pushed to the client
        g.split_ref = c.ref(ch);
      }
    }
    known_block(c, l, w[5],
                {"pool",
                 "acl",
                 "dns",
                 "wins",
                 "domain",
                 "save-password",
                 "max-users",
                 "max-logins",
                 "netmask",
                 "banner",
                 "include-local-lan",
                 "pfs",
                 "firewall",
                 "split-dns",
                 "backup-gateway",
                 "group-lock",
                 "include-local-lan",
                 "access-restrict",
                 "auto-update",
                 "browser-proxy",
                 "crypto",
                 "dhcp"});
    c.ra_groups.push_back(std::move(g));
    return true;
  }
  if (is({"crypto", "isakmp"})) {  // profile, keepalive, nat keepalive, identity, xauth...
    if (is({"crypto", "isakmp", "profile"}) && w.size() == 4) {
      // "match identity group G" + "accounting L": where the group's users are accounted.
      std::vector<std::string> groups;
      std::pair<std::string, SourceRef> acct;
      for (const auto& ch : l.children) {
        Words cw = split_words(ch.text);
        if (starts_with(cw, {"match", "identity", "group"}) && cw.size() == 4) groups.push_back(cw[3]);
        if (starts_with(cw, {"accounting"}) && cw.size() == 2)
          acct = {"aaa accounting list " + cw[1] + " (crypto isakmp profile " + w[3] + ")", c.ref(ch)};
      }
      if (acct.second.line)
        for (const auto& g : groups) c.isakmp_accounting[g] = acct;
    }
    c.recognised(l);
    known_block(c, l, join(w, 2),
                {"match", "keyring", "self-identity", "client", "isakmp", "virtual-template", "keepalive",
                 "initiate", "description", "ca", "local-address", "qos-group", "vrf", "accounting"});
    return true;
  }
  if (is({"crypto", "ipsec", "transform-set"}) && w.size() >= 5) {
    c.transform_sets[w[3]] = join(w, 3);
    c.recognised(l);
    known_block(c, l, w[3], {"mode"});
    return true;
  }
  if (is({"crypto", "ipsec", "profile"}) && w.size() == 4) {
    auto& ts = c.ipsec_profiles[w[3]];
    for (const auto& ch : l.children) {
      Words cw = split_words(ch.text);
      if (starts_with(cw, {"set", "transform-set"})) ts.insert(ts.end(), cw.begin() + 2, cw.end());
    }
    c.recognised(l);
    known_block(c, l, w[3], {"set", "description", "responder-only"});
    return true;
  }
  if (is({"crypto", "ipsec"})) {  // security-association lifetime, df-bit, nat-transparency...
    c.recognise_tree(l);
    return true;
  }
  if (is({"crypto", "keyring"}) && w.size() >= 3) {
    c.recognised(l);
    known_block(c, l, w[2], {"local-address", "description", "rsa-pubkey", "vrf"});
    return true;
  }
  if (is({"crypto", "ikev2"}) && w.size() >= 3) {
    std::string k = lower(w[2]);
    c.recognised(l);
    if (k == "proposal" && w.size() >= 4) {
      std::string p = "ikev2 proposal " + w[3] + ":";
      known_block(c, l, "ikev2 proposal " + w[3], {"encryption", "integrity", "group", "prf"}, &p);
      c.ike_proposals.push_back(p);
    } else {
      known_block(c, l, join(w, 2),
                  {"proposal",
                   "match",
                   "identity",
                   "authentication",
                   "keyring",
                   "lifetime",
                   "dpd",
                   "nat",
                   "aaa",
                   "virtual-template",
                   "config-exchange",
                   "description",
                   "pki",
                   "peer",
                   "address",
                   "hostname",
                   "ivrf",
                   "pool",
                   "dns",
                   "netmask",
                   "route",
                   "def-domain"});
    }
    return true;
  }
  if (is({"ip", "local", "pool"}) && (w.size() == 5 || w.size() == 6)) {
    auto a = parse_ipv4(w[4]);
    auto b = w.size() == 6 ? parse_ipv4(w[5]) : a;
    if (!a || !b || *a > *b) return false;
    auto& pool = c.local_pools[w[3]];
    auto ps = range_to_prefixes(*a, *b);
    pool.insert(pool.end(), ps.begin(), ps.end());
    c.recognised(l);
    return true;
  }
  if ((is({"webvpn", "gateway"}) || is({"webvpn", "context"})) && w.size() >= 3) {
    RaGroup g;
    g.name = "webvpn " + join(w, 1);
    g.ref = r;
    g.webvpn = lower(w[1]) == "context";
    c.recognised(l);
    collect_pools(c, l, g);
    if (lower(w[1]) == "context" || !g.pools.empty()) c.ra_groups.push_back(std::move(g));
    return true;
  }
  if (is({"webvpn"})) {  // webvpn install / cef
    c.recognise_tree(l);
    return true;
  }
  if (is({"vpdn", "enable"}) || is({"vpdn", "logging"}) || is({"vpdn", "search-order"})) {
    c.recognise_tree(l);
    return true;
  }
  if (is({"vpdn-group"}) && w.size() == 2) {
    RaGroup g;
    g.kind = model::VpnKind::L2tp;
    g.name = w[1];
    g.ref = r;
    c.recognised(l);
    std::function<void(const ConfigLine&)> walk = [&](const ConfigLine& p) {
      for (const auto& ch : p.children) {
        Words cw = split_words(ch.text);
        if (starts_with(cw, {"virtual-template"}) && cw.size() == 2) g.vtemplate = "Virtual-Template" + cw[1];
        if (starts_with(cw, {"l2tp", "tunnel", "password"}) && cw.size() >= 4)
          c.dev.secrets.push_back(
              make_secret(model::SecretKind::Password, cw, cw.size() - 1, c.ref(ch), "l2tp " + g.name));
        c.recognised(ch);
        walk(ch);
      }
    };
    walk(l);
    c.ra_groups.push_back(std::move(g));
    return true;
  }
  return false;
}

void finish_vpns(Ctx& c) {
  std::vector<std::string> ike = c.ike_proposals;
  // As written; the checks read IOS words from the text (no line of their own yet: the VPN's).
  auto proposals_for = [&](const std::vector<std::string>& ts) {
    std::vector<model::VpnProposal> out;
    for (const auto& t : ts) {
      auto it = c.transform_sets.find(t);
      out.push_back({"transform-set " + (it == c.transform_sets.end() ? t + " (undefined)" : it->second)});
    }
    for (const auto& p : ike) out.push_back({p});
    return out;
  };
  for (const auto& e : c.crypto_maps) {
    model::Vpn v;
    v.kind = model::VpnKind::SiteToSiteIpsec;
    v.name = e.map + " " + e.seq;
    v.peers = e.peers;
    v.src_ref = e.ref;
    v.understood = e.understood;
    v.why_not_understood = e.why;
    v.authentication = c.ike_auth;
    std::vector<std::string> ts = e.transforms;
    std::vector<std::string> acls;
    if (!e.acl.empty()) acls.push_back(e.acl);
    if (e.dynamic) {
      v.peer_any = true;
      for (const auto& d : c.dynamic_maps[e.dynamic_map]) {
        ts.insert(ts.end(), d.transforms.begin(), d.transforms.end());
        if (!d.acl.empty()) acls.push_back(d.acl);
        v.peers.insert(v.peers.end(), d.peers.begin(), d.peers.end());
      }
      if (acls.empty()) {  // dynamic map without match address: any traffic the peer proposes
        v.local_networks = {AddrMatch::any()};
        v.remote_networks = {AddrMatch::any()};
      }
    }
    for (const auto& a : acls) {
      if (!c.dev.filters.count(a)) {
        v.understood = false;
        v.why_not_understood = "crypto ACL '" + a + "' not defined";
        v.local_networks = {AddrMatch::any()};
        v.remote_networks = {AddrMatch::any()};
        continue;
      }
      auto l = acl_permit_side(c, a, true);
      auto r = acl_permit_side(c, a, false);
      v.local_networks.insert(v.local_networks.end(), l.begin(), l.end());
      v.remote_networks.insert(v.remote_networks.end(), r.begin(), r.end());
    }
    if (acls.empty() && !e.dynamic && v.understood) {
      v.understood = false;
      v.why_not_understood = "crypto map entry without match address";
    }
    v.proposals = proposals_for(ts);
    bool placed = false;
    for (const auto& i : c.dev.interfaces) {
      if (i.crypto_map != e.map) continue;
      model::Vpn vi = v;
      vi.interface = i.name;
      c.dev.vpns.push_back(std::move(vi));
      placed = true;
    }
    if (!placed) c.dev.vpns.push_back(std::move(v));  // map not applied: no interface
  }
  for (const auto& t : c.tunnels) {
    model::Vpn v;
    v.kind = model::VpnKind::SiteToSiteIpsec;
    v.name = "tunnel-protection " + t.profile;
    v.interface = t.ifc;
    v.src_ref = t.ref;
    v.authentication = c.ike_auth;
    v.local_networks = {AddrMatch::any()};  // route-based: whatever is routed into the tunnel
    v.remote_networks = {AddrMatch::any()};
    if (const auto* i = c.dev.find_interface(t.ifc); i && i->tunnel_destination)
      v.peers.push_back(*i->tunnel_destination);
    else
      v.peer_any = true;  // no fixed destination (DMVPN/dynamic VTI): any peer
    auto it = c.ipsec_profiles.find(t.profile);
    if (it == c.ipsec_profiles.end()) {
      v.understood = false;
      v.why_not_understood = "ipsec profile '" + t.profile + "' not defined";
    } else {
      v.proposals = proposals_for(it->second);
    }
    c.dev.vpns.push_back(std::move(v));
  }
  for (const auto& g : c.ra_groups) {
    model::Vpn v;
    v.kind = g.kind;
    v.name = g.name;
    v.src_ref = g.ref;
    v.peer_any = true;
    // g.acl is the EzVPN split-tunnel list (which destinations the client sends into the tunnel),
    // not a filter of the clients' traffic: using it as one would drop what the gateway forwards
    // and could prove a zone isolated that is not.
    v.authentication = c.ike_auth;
    if (g.kind == model::VpnKind::RemoteAccess && (g.ezvpn || g.webvpn)) {
      if (g.split_ref.line) {
        v.split_tunnel = model::Vpn::Split::Split;
        v.split_tunnel_ref = g.split_ref;
      } else {
        // Nothing pushed to the client: the documented default could not be verified, so the
        // value stays Unknown (marked as the vendor default applying).
        v.split_tunnel = model::Vpn::Split::Unknown;
        v.split_tunnel_default = true;
        v.split_tunnel_ref = g.ref;
      }
      if (!g.accounting.empty()) {
        v.accounting = g.accounting;
        v.accounting_ref = g.accounting_ref;
      } else if (auto it = c.isakmp_accounting.find(g.name); g.ezvpn && it != c.isakmp_accounting.end()) {
        v.accounting = it->second.first;
        v.accounting_ref = it->second.second;
      } else if (g.ezvpn && c.map_client_accounting.second.line) {
        v.accounting = c.map_client_accounting.first;
        v.accounting_ref = c.map_client_accounting.second;
      }
    }
    std::vector<std::string> pools = g.pools;
    if (!g.vtemplate.empty()) {
      std::string vt = canonical_ifc(c, g.vtemplate);
      v.interface = vt;
      if (auto it = c.vtemplate_pools.find(vt); it != c.vtemplate_pools.end()) pools.push_back(it->second);
    }
    for (const auto& p : pools) {
      auto it = c.local_pools.find(p);
      if (it == c.local_pools.end()) {
        v.understood = false;
        v.why_not_understood = "address pool '" + p + "' not defined";
        continue;
      }
      v.client_pools.insert(v.client_pools.end(), it->second.begin(), it->second.end());
    }
    c.dev.vpns.push_back(std::move(v));
  }
}

}  // namespace gp::parsers::ios
