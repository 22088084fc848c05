// IKE policies and proposals, IPsec autokey/dynamic maps, IKEv2 keys; one model VPN per tunnel
// interface bound to a map.
#include <algorithm>

#include "parsers/nec_ix/internal.h"

namespace gp::parsers::nec {

namespace {

// NEC algorithm words as vendor-neutral names (model::VpnProposal::algorithms); empty for any
// other word (the proposal's name, "lifetime", numbers).
std::string neutral_algorithm(const std::string& word) {
  static const std::map<std::string, std::string> k = {
      {"des", "des"},           {"3des", "3des"},         {"aes", "aes128"},        {"aes-128", "aes128"},
      {"aes-192", "aes192"},    {"aes-256", "aes256"},    {"null", "null"},         {"md5", "md5"},
      {"sha", "sha1"},          {"sha1", "sha1"},         {"sha2-256", "sha256"},   {"sha2-384", "sha384"},
      {"sha2-512", "sha512"},   {"768-bit", "modp768"},   {"1024-bit", "modp1024"}, {"1536-bit", "modp1536"},
      {"2048-bit", "modp2048"}, {"3072-bit", "modp3072"}, {"4096-bit", "modp4096"}};
  std::string w = lower(word);
  if (w.rfind("esp-", 0) == 0 || w.rfind("ah-", 0) == 0) w = w.substr(w.find('-') + 1);  // esp-3des
  if (w.size() > 5 && w.compare(w.size() - 5, 5, "-hmac") == 0) w.resize(w.size() - 5);  // esp-md5-hmac
  auto it = k.find(w);
  return it == k.end() ? "" : it->second;
}

// `ike proposal NAME encryption E hash H group G ...` / `ipsec autokey-proposal NAME esp-E esp-H
// ...`: the words after NAME (the name itself is never read as an algorithm).
model::VpnProposal read_proposal(const std::string& kind, const Words& w, const SourceRef& r) {
  model::VpnProposal p;
  p.text = kind + " " + w[2] + ": " + join(w, 3);
  p.src_ref = r;
  for (size_t i = 3; i < w.size(); ++i) {
    if (lower(w[i]) == "lifetime") break;  // lifetime [time|kilobytes] N
    if (auto a = neutral_algorithm(w[i]); !a.empty()) p.algorithms.push_back(a);
  }
  return p;
}

}  // namespace

bool parse_ike_ipsec(Ctx& c, const ConfigLine& l, const Words& w) {
  std::string k0 = lower(w[0]), k1 = w.size() > 1 ? lower(w[1]) : "";
  SourceRef r = c.ref(l);
  if (k0 == "ike" && k1 == "proposal" && w.size() >= 3) {
    c.ike_proposals[w[2]] = read_proposal("ike proposal", w, r);
    return true;
  }
  if (k0 == "ipsec" && (k1 == "autokey-proposal" || k1 == "transform-set") && w.size() >= 4) {
    c.esp_proposals[w[2]] = read_proposal("ipsec " + k1, w, r);
    return true;
  }
  if (k0 == "ike" && k1 == "policy" && w.size() >= 5) {
    // ike policy NAME peer X key K [mode aggressive] PROPOSAL
    std::string name = w[2];
    c.ike_policy_ref[name] = r;
    for (size_t i = 3; i < w.size(); ++i) {
      std::string k = lower(w[i]);
      if (k == "peer" && i + 1 < w.size()) {
        if (lower(w[i + 1]) == "any")
          c.ike_any[name] = true;
        else if (auto a = parse_ipv4(w[i + 1]))
          c.ike_peers[name].push_back(*a);
        ++i;
      } else if (k == "key" && i + 1 < w.size()) {
        c.dev.secrets.push_back(secret(model::SecretKind::PreSharedKey, model::SecretStorage::Plain, w[i + 1],
                                       r, "ike policy " + name, "nec-ike-key"));
        ++i;
      } else if (k == "mode" && i + 1 < w.size()) {
        ++i;
      } else {
        c.ike_policy_prop[name] = w[i];
      }
    }
    return true;
  }
  if (k0 == "ikev2" && k1 == "authentication" && w.size() >= 4) {
    for (size_t i = 2; i + 2 < w.size() + 1; ++i)
      if (lower(w[i]) == "key" && i + 2 < w.size()) {
        std::string t = lower(w[i + 1]);
        c.dev.secrets.push_back(
            secret(model::SecretKind::PreSharedKey,
                   t == "secret" ? model::SecretStorage::Unknown : model::SecretStorage::Plain, w[i + 2], r,
                   "ikev2", "nec-ikev2-" + t));
        break;
      }
    return true;
  }
  if (k0 == "ike" || k0 == "ikev2") return true;  // keepalive, local-id, remote-id, nat-traversal ...
  if (k0 == "ipsec" && (k1 == "autokey-map" || k1 == "dynamic-map") && w.size() >= 5) {
    Ctx::Map m;
    m.dynamic = k1 == "dynamic-map";
    m.acl = w[3];
    m.ref = r;
    m.text = l.text;
    for (size_t i = 4; i < w.size(); ++i) {
      std::string k = lower(w[i]);
      if (k == "peer" && i + 1 < w.size()) {
        if (auto a = parse_ipv4(w[i + 1])) m.peers.push_back(*a);
        ++i;
      } else if (k == "ike" && i + 1 < w.size()) {
        m.ike_policy = w[++i];
      } else if (k == "pfs" && i + 1 < w.size()) {
        ++i;
      } else if (m.proposal.empty()) {
        m.proposal = w[i];
      }
    }
    c.maps[w[2]] = m;
    return true;
  }
  if (k0 == "ipsec") return true;  // autokey-proposal, local-id, remote-id, rekey, ike-passthru ...
  return false;
}

void finish_vpns(Ctx& c) {
  std::string wan;
  for (const auto& r : c.dev.routes)
    if (r.prefix.len == 0 && !r.out_interface.empty()) wan = r.out_interface;
  for (const auto& [ifn, map] : c.tunnel_map) {
    model::Vpn v;
    v.name = map;
    v.interface = wan;
    v.tunnel_interface = ifn;  // `ipsec policy tunnel MAP out` on a tunnel interface: route-based
    auto m = c.maps.find(map);
    if (m == c.maps.end()) {
      v.understood = false;
      v.why_not_understood = "ipsec policy names no autokey-map/dynamic-map";
      c.dev.vpns.push_back(v);
      continue;
    }
    v.src_ref = m->second.ref;
    v.peers = m->second.peers;
    v.peer_ref = m->second.ref;
    // The map names its ESP proposal; one not defined here (or "default") has no known algorithms.
    if (auto ep = c.esp_proposals.find(m->second.proposal); ep != c.esp_proposals.end())
      v.proposals.push_back(ep->second);
    else if (lower(m->second.proposal) != "default")
      c.note("IPsec map " + map + ": proposal '" + m->second.proposal + "' is not defined in this file",
             m->second.ref);
    std::string pol = m->second.ike_policy;
    if (pol.empty())  // autokey-map: the ike policy whose peer is the map's peer
      for (const auto& [name, peers] : c.ike_peers)
        for (auto p : peers)
          if (std::find(v.peers.begin(), v.peers.end(), p) != v.peers.end()) pol = name;
    if (!pol.empty()) {
      if (c.ike_any[pol]) v.peer_any = true;
      if (v.peers.empty() && c.ike_policy_ref.count(pol)) v.peer_ref = c.ike_policy_ref[pol];
      for (auto p : c.ike_peers[pol])
        if (std::find(v.peers.begin(), v.peers.end(), p) == v.peers.end()) v.peers.push_back(p);
      auto pp = c.ike_proposals.find(c.ike_policy_prop[pol]);
      if (pp != c.ike_proposals.end()) v.proposals.push_back(pp->second);
      v.authentication = "psk";
    }
    if (m->second.dynamic && v.peers.empty()) v.peer_any = true;
    auto acl = c.acls.find(m->second.acl);
    if (acl != c.acls.end())
      for (const auto& e : acl->second) {
        v.local_networks.insert(v.local_networks.end(), e.rule.src.begin(), e.rule.src.end());
        v.remote_networks.insert(v.remote_networks.end(), e.rule.dst.begin(), e.rule.dst.end());
      }
    c.dev.vpns.push_back(v);
  }
}

}  // namespace gp::parsers::nec
