#include "model/reachability/network.h"

#include <algorithm>
#include <numeric>
#include <set>

#include "model/links.h"

namespace gp::reach {

using pkt::Field;

namespace {

struct UnionFind {
  std::map<std::string, int> id;
  std::vector<int> parent;
  int get(const std::string& k) {
    auto it = id.find(k);
    if (it != id.end()) return it->second;
    int n = static_cast<int>(parent.size());
    id.emplace(k, n);
    parent.push_back(n);
    return n;
  }
  int find(int x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(const std::string& a, const std::string& b) {
    int x = find(get(a)), y = find(get(b));
    if (x != y) parent[x] = y;
  }
};

std::string ifc_key(int gid) { return "ifc:" + std::to_string(gid); }
std::string seg_key(const std::string& s) { return "seg:" + s; }
std::string vlan_key(int dev, int vlan) { return "vlan:" + std::to_string(dev) + ":" + std::to_string(vlan); }

std::optional<int> svi_vlan(const model::Interface& i) {
  if (i.kind != model::InterfaceKind::Vlan) return std::nullopt;
  std::string digits;
  for (char c : i.name)
    if (c >= '0' && c <= '9') digits += c;
  if (digits.empty() || digits.size() > 9) return std::nullopt;  // no VLAN, and beyond what stoi reads
  return std::stoi(digits);
}

bdd services_bdd(const model::Host& h) {
  if (!h.services) return bddtrue;
  bdd r = bddfalse;
  for (const auto& s : *h.services) {
    if (s.protocol < 0) return bddtrue;
    bdd p = pkt::eq(Field::Proto, static_cast<uint32_t>(s.protocol));
    if (s.protocol == 6 || s.protocol == 17) p &= pkt::eq(Field::DstPort, s.port);
    r |= p;
  }
  return r;
}

}  // namespace

bool has_l3(const model::Interface& i) {
  return !i.switchport && (!i.ipv4.empty() || i.dhcp_client || i.negotiated_address || i.unnumbered);
}

bdd addresses_of(const model::Interface& i) {
  bdd r = bddfalse;
  for (const auto& a : i.ipv4) r |= pkt::eq(Field::DstIp, a.prefix.addr);
  return r;
}

std::string Network::ifc_name(int gid) const {
  if (gid < 0) return "(virtual)";
  return device(ifcs[gid].dev).name + ":" + interface(gid).name;
}

int Network::find_ifc(int dev, const std::string& name) const {
  const auto& d = snap->devices[dev];
  for (size_t i = 0; i < d.interfaces.size(); ++i) {
    const auto& ifc = d.interfaces[i];
    if (ifc.name == name || (!ifc.nameif.empty() && ifc.nameif == name)) {
      auto it = ifc_id.find({dev, static_cast<int>(i)});
      return it == ifc_id.end() ? -1 : it->second;
    }
  }
  return -1;
}

namespace {

void build_domains(Network& net) {
  const auto& snap = *net.snap;
  UnionFind uf;
  std::map<std::string, int> dev_index;
  for (size_t d = 0; d < snap.devices.size(); ++d) dev_index[snap.devices[d].name] = d;

  // Inside a device: VLAN membership (access ports, trunks, SVIs) and subinterfaces.
  for (size_t gid = 0; gid < net.ifcs.size(); ++gid) {
    uf.get(ifc_key(gid));
    const auto& i = net.interface(gid);
    int dev = net.ifcs[gid].dev;
    if (auto v = svi_vlan(i)) uf.unite(ifc_key(gid), vlan_key(dev, *v));
    if (i.switchport && !i.trunk && i.access_vlan) uf.unite(ifc_key(gid), vlan_key(dev, *i.access_vlan));
    if (i.switchport && !i.trunk && !i.access_vlan) uf.unite(ifc_key(gid), vlan_key(dev, 1));
    if (!i.parent.empty() && i.kind == model::InterfaceKind::Subinterface) {
      int p = net.find_ifc(dev, i.parent);
      if (p >= 0) uf.unite(ifc_key(gid), ifc_key(p));
    }
  }
  // Trunks carry every VLAN of their device. Tags are not separated across a trunk: an
  // over-approximation, stated in the report.
  bool trunk_merge = false;
  for (size_t gid = 0; gid < net.ifcs.size(); ++gid) {
    const auto& i = net.interface(gid);
    if (!(i.switchport && i.trunk)) continue;
    int dev = net.ifcs[gid].dev;
    for (const auto& [k, _] : uf.id) {
      std::string prefix = "vlan:" + std::to_string(dev) + ":";
      if (k.rfind(prefix, 0) == 0) {
        uf.unite(ifc_key(gid), k);
        trunk_merge = true;
      }
    }
  }
  if (trunk_merge)
    net.assumptions.push_back(
        {"VLAN tags on trunk ports are not separated: a trunk joins all VLANs of its switch", {}});

  auto key_of = [&](const model::Endpoint& e) -> std::string {
    switch (e.type) {
      case model::Endpoint::Type::Segment:
        return seg_key(e.segment);
      case model::Endpoint::Type::Internet:
        return "";
      case model::Endpoint::Type::Interface: {
        auto it = dev_index.find(e.device);
        if (it == dev_index.end()) return "";
        int gid = net.find_ifc(it->second, e.interface);
        return gid < 0 ? "" : ifc_key(gid);
      }
    }
    return "";
  };

  std::map<std::string, std::vector<std::string>> internet_keys;  // key -> why
  std::set<std::string> carrier_keys, tunnel_keys;
  for (const auto& l : snap.links) {
    if (model::is_tunnel_pair_link(snap, l)) {
      // Two tunnel ends of the snapshot: whatever the link's kind (an `internet-vpn` stays an
      // internet point in the physical graph), only the other end sends into the tunnel.
      const auto [ea, eb] = model::tunnel_ends(l);
      const std::string a = key_of(ea), b = key_of(eb);
      if (!a.empty() && !b.empty()) {
        uf.unite(a, b);
        tunnel_keys.insert(a);
        continue;
      }
    }
    std::vector<std::string> keys;
    bool has_internet_endpoint = false;
    for (const auto& m : l.members) {
      if (m.type == model::Endpoint::Type::Internet) has_internet_endpoint = true;
      auto k = key_of(m);
      if (!k.empty()) keys.push_back(k);
    }
    for (size_t i = 1; i < keys.size(); ++i) uf.unite(keys[0], keys[i]);
    if (keys.empty()) continue;
    auto closure = model::closure_of(l.kind);
    std::string why = std::string(model::to_string(l.kind)) + " link" +
                      (l.inferred ? " (inferred: " + l.inferred_why + ")" : "") + " at " + l.src_ref.str();
    if (closure == model::Closure::InternetPoint || closure == model::Closure::NotCredited ||
        has_internet_endpoint)
      internet_keys[keys[0]].push_back(why);
    if (l.kind == model::LinkKind::IpVpn || l.kind == model::LinkKind::EntryVpn ||
        l.kind == model::LinkKind::WideAreaEthernet)
      carrier_keys.insert(keys[0]);
  }
  for (const auto& [id, _] : snap.segments) uf.get(seg_key(id));

  // Number the domains: only roots that contain an interface, a segment or a host.
  std::map<int, int> root_to_domain;
  auto domain_of_key = [&](const std::string& k) {
    int r = uf.find(uf.get(k));
    auto it = root_to_domain.find(r);
    if (it != root_to_domain.end()) return it->second;
    int n = static_cast<int>(net.domains.size());
    net.domains.emplace_back();
    root_to_domain.emplace(r, n);
    return n;
  };
  net.ifc_domain.assign(net.ifcs.size(), -1);
  for (size_t gid = 0; gid < net.ifcs.size(); ++gid) {
    int d = domain_of_key(ifc_key(gid));
    net.ifc_domain[gid] = d;
    net.domains[d].ifcs.push_back(static_cast<int>(gid));
  }
  for (const auto& [k, why] : internet_keys) {
    int d = domain_of_key(k);
    net.domains[d].internet = true;
    for (const auto& w : why) net.domains[d].internet_why.push_back(w);
  }
  for (const auto& k : carrier_keys) net.domains[domain_of_key(k)].carrier = true;
  for (const auto& k : tunnel_keys) {
    Domain& dom = net.domains[domain_of_key(k)];
    // A tunnel end also joined to something else (a segment, the internet) is no longer a pair.
    dom.point_to_point = dom.ifcs.size() == 2 && !dom.internet && !dom.carrier;
  }

  // Targets: declared hosts, and zone segments without declared hosts.
  std::set<std::string> segments_with_hosts;
  for (const auto& [id, h] : snap.hosts) {
    Target t;
    t.name = id;
    t.host = id;
    t.zone = h.zone;
    t.addresses = bddfalse;
    for (auto a : h.addresses) t.addresses |= pkt::eq(Field::DstIp, a);
    t.address_list = h.addresses;
    t.accepts = t.addresses & services_bdd(h);
    if (!h.segment.empty()) {
      segments_with_hosts.insert(h.segment);
      t.domain = domain_of_key(seg_key(h.segment));
    }
    net.targets.push_back(std::move(t));
  }
  for (const auto& [id, s] : snap.segments) {
    if (segments_with_hosts.count(id) || s.zone.empty()) continue;
    Target t;
    t.name = "segment:" + id;
    t.zone = s.zone;
    t.addresses = bddfalse;
    for (const auto& p : s.prefixes) t.addresses |= pkt::prefix(Field::DstIp, p.network(), p.len);
    // Device interfaces on the segment are not hosts.
    t.domain = domain_of_key(seg_key(id));
    for (int gid : net.domains[t.domain].ifcs) t.addresses -= addresses_of(net.interface(gid));
    t.accepts = t.addresses;
    net.targets.push_back(std::move(t));
  }
  for (size_t t = 0; t < net.targets.size(); ++t)
    if (net.targets[t].domain >= 0) net.domains[net.targets[t].domain].targets.push_back(t);
  for (const auto& [id, _] : snap.segments) net.domains[domain_of_key(seg_key(id))].has_segment = true;

  // Unknown peer: no link determines the far side (model/links.h), and nothing else shares
  // its broadcast domain (a subinterface of a linked port or a VLAN with linked access ports
  // has a known far side).
  for (const auto& u : model::find_unknown_peers(snap)) {
    int dev = -1;
    for (size_t d = 0; d < snap.devices.size(); ++d)
      if (snap.devices[d].name == u.device) dev = static_cast<int>(d);
    int gid = dev < 0 ? -1 : net.find_ifc(dev, u.interface);
    if (gid < 0) continue;
    const auto& d = net.domains[net.ifc_domain[gid]];
    if (d.ifcs.size() == 1 && !d.has_segment && d.targets.empty() && !d.internet)
      net.unknown_peers.push_back(gid);
  }
}

struct Candidate {
  Prefix prefix;
  int admin = 0;
  RouteTarget target;
};

void build_fibs(Network& net) {
  const auto& snap = *net.snap;
  net.devices.resize(snap.devices.size());
  for (size_t d = 0; d < snap.devices.size(); ++d) {
    const auto& dev = snap.devices[d];
    auto& view = net.devices[d];
    view.own_addresses = bddfalse;
    view.nat_mapped = bddfalse;
    for (const auto& r : dev.nat) {
      if (!r.understood || (r.kind != model::NatKind::Static && r.kind != model::NatKind::StaticPort))
        continue;
      if (r.mapped_src)
        view.nat_mapped |= pkt::prefix(Field::DstIp, r.mapped_src->network(), r.mapped_src->len);
    }
    std::map<std::string, std::vector<Candidate>> by_vrf;
    std::map<std::string, std::vector<std::pair<Prefix, int>>> connected;  // vrf -> prefix, gid
    for (size_t i = 0; i < dev.interfaces.size(); ++i) {
      const auto& ifc = dev.interfaces[i];
      int gid = net.ifc_id.at({static_cast<int>(d), static_cast<int>(i)});
      view.own_addresses |= addresses_of(ifc);
      if (!ifc.up() || !has_l3(ifc)) continue;
      by_vrf[ifc.vrf];  // every VRF with an interface has a table
      for (const auto& a : ifc.ipv4) {
        Candidate c;
        c.prefix = {a.prefix.network(), a.prefix.len};
        c.admin = 0;
        c.target.out_ifc = gid;
        c.target.connected = true;
        c.target.ref = a.src_ref;
        c.target.description = "connected " + format_prefix(c.prefix) + " on " + ifc.name;
        by_vrf[ifc.vrf].push_back(c);
        connected[ifc.vrf].push_back({c.prefix, gid});
      }
    }
    for (const auto& r : dev.routes) {
      if (!r.understood) continue;  // reported by the parser as not understood
      Candidate c;
      c.prefix = {r.prefix.network(), r.prefix.len};
      c.admin = r.admin_distance;
      c.target.ref = r.src_ref;
      c.target.next_hop = r.next_hop;
      c.target.null_route = r.null_route;
      c.target.description = "static " + format_prefix(c.prefix) +
                             (r.next_hop ? " via " + format_ipv4(*r.next_hop) : "") +
                             (r.out_interface.empty() ? "" : " out " + r.out_interface);
      if (!r.null_route) {
        if (!r.out_interface.empty()) c.target.out_ifc = net.find_ifc(d, r.out_interface);
        if (c.target.out_ifc < 0 && r.next_hop) {
          int best = -1, best_len = -1;
          for (const auto& [p, gid] : connected[r.vrf])
            if (p.contains(*r.next_hop) && p.len > best_len) best = gid, best_len = p.len;
          c.target.out_ifc = best;
        }
        if (c.target.out_ifc < 0) continue;  // unresolvable next hop: the device ignores it too
        if (!net.interface(c.target.out_ifc).up()) continue;
        if (!r.next_hop) c.target.connected = true;  // interface route: ARP for the destination
      }
      by_vrf[r.vrf].push_back(c);
    }
    // Longest prefix first; among equal prefixes, the lowest administrative distance (ECMP
    // among equals).
    for (auto& [vrf, cands] : by_vrf) {
      std::stable_sort(cands.begin(), cands.end(), [](const Candidate& a, const Candidate& b) {
        if (a.prefix.len != b.prefix.len) return a.prefix.len > b.prefix.len;
        return a.prefix.network() < b.prefix.network();
      });
      Fib fib;
      bdd remaining = bddtrue;
      for (size_t i = 0; i < cands.size();) {
        size_t j = i;
        int best_admin = 1 << 30;
        while (j < cands.size() && cands[j].prefix == cands[i].prefix) {
          best_admin = std::min(best_admin, cands[j].admin);
          ++j;
        }
        bdd p = pkt::prefix(Field::DstIp, cands[i].prefix.network(), cands[i].prefix.len);
        bdd hit = remaining & p;
        if (hit != bddfalse)
          for (size_t k = i; k < j; ++k) {
            if (cands[k].admin != best_admin) continue;
            RouteTarget t = cands[k].target;
            t.dst = hit;
            fib.targets.push_back(std::move(t));
          }
        remaining -= p;
        i = j;
      }
      fib.no_route = remaining;
      view.fib_by_vrf[vrf] = std::move(fib);
    }
    // Dynamic routing: any destination may be learned over any interface the process covers.
    for (const auto& proc : dev.routing) {
      view.runs_dynamic_routing = true;
      for (size_t i = 0; i < dev.interfaces.size(); ++i) {
        const auto& ifc = dev.interfaces[i];
        if (!ifc.up() || !has_l3(ifc) || ifc.kind == model::InterfaceKind::Loopback) continue;
        bool covered = proc.networks.empty();
        for (const auto& n : proc.networks)
          for (const auto& a : ifc.ipv4)
            if (Prefix{n.network(), n.len}.contains(a.prefix.addr)) covered = true;
        if (!covered) continue;
        RouteTarget t;
        t.out_ifc = net.ifc_id.at({static_cast<int>(d), static_cast<int>(i)});
        t.dynamic = true;
        t.dst = bddtrue;
        t.ref = proc.src_ref;
        t.description = proc.protocol + " " + proc.id + " (dynamic, over-approximated) out " + ifc.name;
        view.fib_by_vrf[ifc.vrf].targets.push_back(std::move(t));
      }
    }
    if (view.runs_dynamic_routing)
      net.assumptions.push_back({dev.name +
                                     " runs dynamic routing: it may route any destination over any interface "
                                     "its routing processes cover (over-approximation)",
                                 dev.routing.front().src_ref});
  }
}

}  // namespace

Network build_network(const model::Snapshot& snap) {
  pkt::init();
  Network net;
  net.snap = &snap;
  for (size_t d = 0; d < snap.devices.size(); ++d)
    for (size_t i = 0; i < snap.devices[d].interfaces.size(); ++i) {
      net.ifc_id[{static_cast<int>(d), static_cast<int>(i)}] = static_cast<int>(net.ifcs.size());
      net.ifcs.push_back({static_cast<int>(d), static_cast<int>(i)});
    }
  build_domains(net);
  build_fibs(net);
  net.tunnels = model::analyse_tunnels(snap);
  // VPNs whose far end should be the utility's own but is not in the snapshot: their tunnel (or
  // the interface they terminate on) has an unknown peer.
  for (const auto& p : net.tunnels.vpns) {
    if (p.status != model::PeerStatus::Unresolved) continue;
    const auto& v = snap.devices[p.device].vpns[p.vpn];
    const int dev = static_cast<int>(p.device);
    int gid = v.tunnel_interface.empty() ? -1 : net.find_ifc(dev, v.tunnel_interface);
    if (gid < 0 && !v.interface.empty()) gid = net.find_ifc(dev, v.interface);
    if (gid < 0 || net.unknown_peer_why.count(gid)) continue;
    if (std::find(net.unknown_peers.begin(), net.unknown_peers.end(), gid) == net.unknown_peers.end())
      net.unknown_peers.push_back(gid);
    net.unknown_peer_why[gid] = {"IPsec " + v.name + ": " + p.why, p.ref};
  }
  // Crypto-map tunnels whose peer address belongs to another device of the snapshot.
  for (size_t d = 0; d < snap.devices.size(); ++d)
    for (const auto& v : snap.devices[d].vpns) {
      if (v.kind != model::VpnKind::SiteToSiteIpsec || v.interface.empty() || !v.tunnel_interface.empty())
        continue;
      int out = net.find_ifc(static_cast<int>(d), v.interface);
      if (out < 0) continue;
      for (auto peer : v.peers)
        for (size_t gid = 0; gid < net.ifcs.size(); ++gid) {
          const auto& i = net.interface(gid);
          bool owns = false;
          for (const auto& a : i.ipv4) owns |= a.prefix.addr == peer;
          if (!owns || net.ifcs[gid].dev == static_cast<int>(d)) continue;
          bdd remote = bddfalse;
          for (const auto& m : v.remote_networks) remote |= pkt::wildcard(Field::DstIp, m.addr, m.wildcard);
          if (v.remote_networks.empty()) remote = bddtrue;
          net.ipsec_tunnels[out].push_back({remote, static_cast<int>(gid), v.src_ref});
        }
    }
  bdd owned = bddfalse;
  for (const auto& p : snap.owned) owned |= pkt::prefix(Field::SrcIp, p.network(), p.len);
  net.internet_sources = !owned;
  return net;
}

}  // namespace gp::reach
