#include "model/links.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <utility>

#include "model/tunnels.h"

namespace gp::model {

namespace {

using IfKey = std::pair<std::string, std::string>;  // device, interface

bool overlaps(const Prefix& a, const Prefix& b) { return a.contains(b.network()) || b.contains(a.network()); }

Prefix subnet(const Prefix& p) { return Prefix{p.network(), p.len}; }

bool is_owned(const Snapshot& snap, Ipv4 a) {
  return std::any_of(snap.owned.begin(), snap.owned.end(), [&](const Prefix& p) { return p.contains(a); });
}

bool names_interface(const Interface& i, const std::string& name) {
  return !name.empty() && (i.name == name || (!i.nameif.empty() && i.nameif == name));
}

// The route that sends the default through `ifc`, if any.
const Route* default_route_via(const Device& d, const Interface& ifc) {
  for (const auto& r : d.routes) {
    if (r.prefix.len != 0 || r.null_route) continue;
    if (names_interface(ifc, r.out_interface)) return &r;
    if (r.out_interface.empty() && r.next_hop)
      for (const auto& a : ifc.ipv4)
        if (a.prefix.len < 32 && subnet(a.prefix).contains(*r.next_hop)) return &r;
  }
  return nullptr;
}

SourceRef address_ref(const Interface& i) {
  return i.ipv4.empty() || !i.ipv4.front().src_ref.known() ? i.src_ref : i.ipv4.front().src_ref;
}

Endpoint ifc_endpoint(const Device& d, const Interface& i) {
  Endpoint e;
  e.type = Endpoint::Type::Interface;
  e.device = d.name;
  e.interface = i.name;
  return e;
}

Endpoint internet_endpoint() {
  Endpoint e;
  e.type = Endpoint::Type::Internet;
  return e;
}

Endpoint segment_endpoint(const std::string& id) {
  Endpoint e;
  e.type = Endpoint::Type::Segment;
  e.segment = id;
  return e;
}

Link make_link(LinkKind kind, std::vector<Endpoint> members, std::string why, SourceRef ref) {
  Link l;
  l.kind = kind;
  l.members = std::move(members);
  l.inferred = true;
  l.inferred_why = std::move(why);
  l.src_ref = std::move(ref);
  return l;
}

struct Owner {
  const Device* device = nullptr;
  const Interface* ifc = nullptr;
};

// The interface (of a device other than `self`) configured with address `a`.
Owner owner_of(const Snapshot& snap, Ipv4 a, const Device* self) {
  for (const auto& d : snap.devices) {
    if (&d == self) continue;
    for (const auto& i : d.interfaces)
      for (const auto& addr : i.ipv4)
        if (addr.prefix.addr == a) return {&d, &i};
  }
  return {};
}

std::optional<Ipv4> tunnel_source(const Device& d, const Interface& t) {
  if (t.tunnel_source_addr) return t.tunnel_source_addr;
  if (t.tunnel_source_ifc.empty()) return std::nullopt;
  for (const auto& i : d.interfaces)
    if (names_interface(i, t.tunnel_source_ifc) && !i.ipv4.empty()) return i.ipv4.front().prefix.addr;
  return std::nullopt;
}

// Why `i` is an ISP line, or "" when it is not clearly one.
std::string isp_reason(const Snapshot& snap, const Device& d, const Interface& i, SourceRef& ref) {
  ref = i.src_ref;
  if (i.pppoe) return "PPPoE client";
  if (i.kind == InterfaceKind::Dialer) return "dialer interface (PPP to a provider)";
  if (i.negotiated_address) return "address negotiated by PPP";
  if (i.dhcp_client) {
    if (i.nat_role == NatRole::Outside) {
      if (i.nat_role_ref.known()) ref = i.nat_role_ref;
      return "DHCP client on the NAT outside interface";
    }
    if (i.security_level && *i.security_level == 0) return "DHCP client with security-level 0";
    if (const Route* r = default_route_via(d, i)) {
      ref = r->src_ref;
      return "DHCP client carrying the default route";
    }
    return "";
  }
  for (const auto& a : i.ipv4) {
    const Ipv4 addr = a.prefix.addr;
    if (is_rfc1918(addr) || (snap.owned_given && is_owned(snap, addr))) continue;
    if (const Route* r = default_route_via(d, i)) {
      ref = a.src_ref.known() ? a.src_ref : i.src_ref;
      return "public address " + format_ipv4(addr) + " with the default route through it" +
             (r->src_ref.known() ? " (" + r->src_ref.str() + ")" : "");
    }
  }
  return "";
}

bool groupable(const Interface& i) {
  return i.kind != InterfaceKind::Loopback && i.kind != InterfaceKind::Null &&
         i.kind != InterfaceKind::Tunnel && i.kind != InterfaceKind::VirtualTemplate;
}

// Union-find over candidate indexes.
struct Groups {
  std::vector<size_t> parent;
  explicit Groups(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void join(size_t a, size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

struct Candidate {
  const Device* device;
  const Interface* ifc;
  std::vector<Prefix> subnets;
};

// The most specific segment holding `a` ("" when none).
std::string segment_holding(const Snapshot& snap, Ipv4 a) {
  std::string best;
  int best_len = -1;
  for (const auto& [id, seg] : snap.segments)
    for (const auto& p : seg.prefixes)
      if (p.contains(a) && p.len > best_len) {
        best = id;
        best_len = p.len;
      }
  return best;
}

}  // namespace

void infer_links(Snapshot& snap) {
  std::set<IfKey> covered;
  for (const auto& l : snap.links)
    for (const auto& m : l.members)
      if (m.type == Endpoint::Type::Interface) covered.insert({m.device, m.interface});
  // A PPPoE port and the dialer of its pool are one ISP line: declaring either covers both.
  for (const auto& d : snap.devices)
    for (const auto& i : d.interfaces) {
      if (i.dialer_pool.empty() || !covered.count({d.name, i.name})) continue;
      for (const auto& j : d.interfaces)
        if (j.dialer_pool == i.dialer_pool &&
            (j.kind == InterfaceKind::Dialer) != (i.kind == InterfaceKind::Dialer))
          covered.insert({d.name, j.name});
    }

  // Declared segments only: inferred ones are created below.
  std::vector<std::pair<std::string, Prefix>> declared;
  for (const auto& [id, seg] : snap.segments)
    if (!seg.inferred)
      for (const auto& p : seg.prefixes) declared.push_back({id, p});

  std::vector<Link> out;
  std::vector<Candidate> candidates;
  std::set<std::pair<std::string, std::string>> tunnel_pairs;  // endpoint strings, sorted

  auto add_tunnel = [&](const Device& d, const Interface& i, const Device& pd, const Interface& pi,
                        const std::string& why, const SourceRef& ref) {
    std::string a = d.name + ":" + i.name, b = pd.name + ":" + pi.name;
    if (b < a) std::swap(a, b);
    if (!tunnel_pairs.insert({a, b}).second) return;
    out.push_back(make_link(LinkKind::Tunnel, {ifc_endpoint(d, i), ifc_endpoint(pd, pi)}, why, ref));
  };

  for (const auto& d : snap.devices) {
    for (const auto& i : d.interfaces) {
      if (!i.up() || covered.count({d.name, i.name})) continue;

      // (d) tunnels.
      if (i.kind == InterfaceKind::Tunnel) {
        if (!i.tunnel_destination) {
          // Route-based IPsec names its peer, not a destination: the far end is the device whose
          // tunnel points back (model/tunnels.h).
          for (const auto& v : d.vpns) {
            if (v.kind != VpnKind::SiteToSiteIpsec || !names_interface(i, v.tunnel_interface)) continue;
            auto fe = far_end_by_peer(snap, d, v);
            if (fe && fe->tunnel->up())
              add_tunnel(d, i, *fe->device, *fe->tunnel,
                         "IPsec peer " + format_ipv4(fe->peer) + " (" + fe->device->name + ":" +
                             fe->tunnel->name + ")",
                         v.peer_ref.known() ? v.peer_ref : v.src_ref);
          }
          continue;
        }
        const Ipv4 dst = *i.tunnel_destination;
        Owner o = owner_of(snap, dst, &d);
        if (o.device) {
          const auto src = tunnel_source(d, i);
          const Interface* peer = nullptr;
          if (src)
            for (const auto& pi : o.device->interfaces)
              if (pi.kind == InterfaceKind::Tunnel && pi.tunnel_destination == src) {
                peer = &pi;
                break;
              }
          if (peer)
            add_tunnel(d, i, *o.device, *peer,
                       "tunnel to " + format_ipv4(dst) + " (" + o.device->name + ":" + peer->name + ")",
                       i.src_ref);
          else
            add_tunnel(
                d, i, *o.device, *o.ifc,
                "tunnel to " + format_ipv4(dst) + ", an address of " + o.device->name + ":" + o.ifc->name,
                i.src_ref);
        } else {
          out.push_back(make_link(LinkKind::InternetVpn, {ifc_endpoint(d, i), internet_endpoint()},
                                  "tunnel destination " + format_ipv4(dst) + " outside the snapshot",
                                  i.src_ref));
        }
        continue;
      }

      bool linked = false;
      // (c) lines that are ISP lines by their nature.
      SourceRef ref;
      if (i.pppoe || i.kind == InterfaceKind::Dialer || i.negotiated_address) {
        const std::string why = isp_reason(snap, d, i, ref);
        out.push_back(make_link(LinkKind::Internet, {ifc_endpoint(d, i), internet_endpoint()}, why, ref));
        linked = true;
      }
      // (a) declared segments.
      if (!linked && !i.ipv4.empty() && groupable(i)) {
        std::vector<std::string> holding, overlapping;
        std::string why_subnet;
        for (const auto& a : i.ipv4) {
          const std::string best = segment_holding(snap, a.prefix.addr);
          if (!best.empty() && !snap.segments.at(best).inferred) {
            if (std::find(holding.begin(), holding.end(), best) == holding.end()) holding.push_back(best);
            if (why_subnet.empty()) why_subnet = format_prefix(subnet(a.prefix));
          }
          for (const auto& [id, p] : declared)
            if (overlaps(p, subnet(a.prefix)) &&
                std::find(overlapping.begin(), overlapping.end(), id) == overlapping.end()) {
              overlapping.push_back(id);
              if (why_subnet.empty()) why_subnet = format_prefix(subnet(a.prefix));
            }
        }
        const auto& segs = holding.empty() ? overlapping : holding;
        if (!segs.empty()) {
          std::vector<Endpoint> members{ifc_endpoint(d, i)};
          std::string names;
          for (const auto& s : segs) {
            members.push_back(segment_endpoint(s));
            names += (names.empty() ? "" : ", ") + s;
          }
          out.push_back(make_link(LinkKind::Ethernet, std::move(members),
                                  "shared subnet " + why_subnet + " with segment " + names, address_ref(i)));
          linked = true;
        }
      }
      // (c) lines that are ISP lines by their addressing and routing.
      if (!linked && (i.dhcp_client || !i.ipv4.empty())) {
        const std::string why = isp_reason(snap, d, i, ref);
        if (!why.empty()) {
          out.push_back(make_link(LinkKind::Internet, {ifc_endpoint(d, i), internet_endpoint()}, why, ref));
          linked = true;
        }
      }
      // (b) candidates for grouping.
      if (!linked && !i.ipv4.empty() && groupable(i)) {
        Candidate c{&d, &i, {}};
        for (const auto& a : i.ipv4) c.subnets.push_back(subnet(a.prefix));
        candidates.push_back(std::move(c));
      }

      // (e) VPN termination points.
      bool ra = false;
      std::string ra_name;
      std::vector<Ipv4> peers;
      bool peer_any = false;
      for (const auto& v : d.vpns) {
        // A route-based VPN's traffic rides its tunnel interface (above); here it is underlay.
        if (!names_interface(i, v.interface) || !v.tunnel_interface.empty()) continue;
        if (v.kind == VpnKind::RemoteAccess || v.kind == VpnKind::L2tp) {
          ra = true;
          if (ra_name.empty()) ra_name = v.name;
        } else {
          peers.insert(peers.end(), v.peers.begin(), v.peers.end());
          peer_any = peer_any || v.peer_any;
        }
      }
      if (ra) {
        SourceRef vref = i.src_ref;
        for (const auto& v : d.vpns)
          if (names_interface(i, v.interface) && v.kind != VpnKind::SiteToSiteIpsec) {
            vref = v.src_ref;
            break;
          }
        out.push_back(make_link(LinkKind::InternetVpn, {ifc_endpoint(d, i), internet_endpoint()},
                                "remote-access VPN '" + ra_name + "' terminates here", vref));
      } else if (!i.crypto_map.empty() || !peers.empty() || peer_any) {
        SourceRef cref = i.src_ref;
        std::vector<Ipv4> outside;
        for (Ipv4 p : peers) {
          Owner o = owner_of(snap, p, &d);
          if (o.device)
            add_tunnel(d, i, *o.device, *o.ifc,
                       "IPsec peer " + format_ipv4(p) + " (" + o.device->name + ":" + o.ifc->name + ")",
                       cref);
          else
            outside.push_back(p);
        }
        if (!outside.empty() || peer_any || peers.empty()) {
          std::string why;
          if (peer_any)
            why = "dynamic crypto map: IPsec peers from anywhere";
          else if (!outside.empty())
            why = "IPsec peer " + format_ipv4(outside.front()) + " outside the snapshot";
          else
            why = "crypto map " + i.crypto_map + " (IPsec over the internet)";
          out.push_back(
              make_link(LinkKind::InternetVpn, {ifc_endpoint(d, i), internet_endpoint()}, why, cref));
        }
      }
    }
  }

  // (b) group the remaining interfaces by overlapping subnets; hosts without a segment anchor a
  // lone interface.
  // Prefixes are nested or disjoint, so a sweep over address ranges sorted by start finds every
  // overlap: a range starting inside the widest open range lies within it.
  Groups g(candidates.size());
  struct Span {
    Ipv4 lo, hi;
    size_t cand;
  };
  std::vector<Span> spans;
  for (size_t k = 0; k < candidates.size(); ++k)
    for (const auto& p : candidates[k].subnets) spans.push_back({p.network(), p.network() | ~p.mask(), k});
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.lo != b.lo ? a.lo < b.lo : (a.hi != b.hi ? a.hi > b.hi : a.cand < b.cand);
  });
  for (size_t k = 0, open = 0; k < spans.size(); ++k) {
    if (k > 0 && spans[k].lo <= spans[open].hi) {
      g.join(spans[open].cand, spans[k].cand);
      if (spans[k].hi > spans[open].hi) open = k;
    } else {
      open = k;
    }
  }
  std::map<size_t, std::vector<size_t>> groups;  // root (lowest index) -> members
  for (size_t k = 0; k < candidates.size(); ++k) groups[g.find(k)].push_back(k);
  for (const auto& [root, members] : groups) {
    std::vector<Prefix> nets;
    for (size_t k : members)
      for (const auto& p : candidates[k].subnets)
        if (std::find(nets.begin(), nets.end(), p) == nets.end()) nets.push_back(p);
    bool has_host = false;
    for (const auto& [hid, h] : snap.hosts)
      if (h.segment.empty())
        for (Ipv4 a : h.addresses)
          for (const auto& p : nets) has_host = has_host || p.contains(a);
    if (members.size() < 2 && !has_host) continue;
    std::sort(nets.begin(), nets.end(), [](const Prefix& a, const Prefix& b) {
      return a.len != b.len ? a.len < b.len : a.addr < b.addr;
    });
    Segment seg;
    seg.id = "inferred:" + format_prefix(nets.front());
    seg.prefixes = nets;
    seg.inferred = true;
    seg.src_ref = address_ref(*candidates[members.front()].ifc);
    std::vector<Endpoint> eps{segment_endpoint(seg.id)};
    for (size_t k : members) eps.push_back(ifc_endpoint(*candidates[k].device, *candidates[k].ifc));
    out.push_back(make_link(LinkKind::Ethernet, std::move(eps),
                            "shared subnet " + format_prefix(nets.front()), seg.src_ref));
    snap.segments[seg.id] = std::move(seg);
  }

  for (auto& l : out) snap.links.push_back(std::move(l));

  // Hosts without a segment (Batfish host models) join the segment holding their address.
  for (auto& [hid, h] : snap.hosts) {
    if (!h.segment.empty()) continue;
    for (Ipv4 a : h.addresses) {
      const std::string s = segment_holding(snap, a);
      if (s.empty()) continue;
      h.segment = s;
      h.zone = snap.segments.at(s).zone;
      break;
    }
    if (h.segment.empty())
      snap.notes.push_back(
          {"host '" + hid + "': no segment holds its address " +
               (h.addresses.empty() ? std::string("(none)") : format_ipv4(h.addresses.front())),
           h.src_ref});
  }
}

std::vector<UnknownPeer> find_unknown_peers(const Snapshot& snap) {
  std::set<IfKey> linked;
  for (const auto& l : snap.links)
    for (const auto& m : l.members)
      if (m.type == Endpoint::Type::Interface) linked.insert({m.device, m.interface});
  std::vector<UnknownPeer> out;
  for (const auto& d : snap.devices)
    for (const auto& i : d.interfaces) {
      if (!i.up() || linked.count({d.name, i.name})) continue;
      if (i.kind == InterfaceKind::Loopback || i.kind == InterfaceKind::Null ||
          i.kind == InterfaceKind::VirtualTemplate)
        continue;
      if (i.ipv4.empty() && !i.dhcp_client && !i.negotiated_address) continue;
      if (i.kind == InterfaceKind::Vlan) {
        bool has_segment = false;
        for (const auto& [sid, seg] : snap.segments)
          for (const auto& p : seg.prefixes)
            for (const auto& a : i.ipv4) has_segment = has_segment || overlaps(p, subnet(a.prefix));
        if (has_segment) continue;
      }
      std::string addr;
      if (!i.ipv4.empty())
        addr = format_prefix(i.ipv4.front().prefix);
      else if (i.dhcp_client)
        addr = "address by DHCP";
      else
        addr = "address negotiated by PPP";
      std::string why = "up, " + addr + ", and no link or segment determines its far side";
      if (i.kind == InterfaceKind::Tunnel && !i.tunnel_destination)
        why = "tunnel without a destination (" + addr + "): its far side cannot be determined";
      out.push_back({d.name, i.name, i.src_ref, why});
    }
  return out;
}

}  // namespace gp::model
