#include "model/tunnels.h"

#include <algorithm>
#include <map>
#include <set>

namespace gp::model {

namespace {

bool has_address(const Device& d, Ipv4 a) {
  for (const auto& i : d.interfaces) {
    if (i.tunnel_source_addr == a) return true;
    for (const auto& x : i.ipv4)
      if (x.prefix.addr == a) return true;
  }
  return false;
}

// The interface of `d` configured with `a` (nullptr: none, or only as a tunnel source).
const Interface* interface_with(const Device& d, Ipv4 a) {
  for (const auto& i : d.interfaces)
    for (const auto& x : i.ipv4)
      if (x.prefix.addr == a) return &i;
  return nullptr;
}

const Device* owner_of(const Snapshot& snap, Ipv4 a, const Device* self) {
  for (const auto& d : snap.devices)
    if (&d != self && has_address(d, a)) return &d;
  return nullptr;
}

bool in_owned(const Snapshot& snap, Ipv4 a) {
  return std::any_of(snap.owned.begin(), snap.owned.end(), [&](const Prefix& p) { return p.contains(a); });
}

bool site_to_site(const Vpn& v) { return v.kind == VpnKind::SiteToSiteIpsec; }

SourceRef peer_line(const Vpn& v) { return v.peer_ref.known() ? v.peer_ref : v.src_ref; }

// Traffic selectors as a set, so that two lists naming the same networks compare equal.
std::set<std::pair<Ipv4, Ipv4>> selector_set(const std::vector<AddrMatch>& l) {
  std::set<std::pair<Ipv4, Ipv4>> s;
  for (const auto& m : l) s.insert({m.addr & ~m.wildcard, m.wildcard});
  return s;
}

std::string selector_text(const std::vector<AddrMatch>& l) {
  std::string out;
  for (const auto& m : l) {
    std::string one = m.is_any() ? "any" : format_ipv4(m.addr & ~m.wildcard) + "/" + format_ipv4(m.wildcard);
    for (int len = 0; len <= 32; ++len)
      if (AddrMatch::of(Prefix{m.addr, len}).wildcard == m.wildcard && !m.is_any())
        one = format_prefix(Prefix{m.addr & ~m.wildcard, len});
    out += (out.empty() ? "" : ", ") + one;
  }
  return out.empty() ? "(none)" : out;
}

struct Ctx {
  const Snapshot& snap;
  TunnelAnalysis out;
  std::set<std::pair<std::string, std::string>> reported;  // device pairs already compared

  void disagree(const Device& a, SourceRef where, const Device& b, SourceRef other, std::string msg) {
    out.disagreements.push_back({a.name, std::move(where), b.name, std::move(other), std::move(msg)});
  }

  // Both ends known: their traffic selectors must mirror (what one encrypts toward the other is
  // what the other expects from it). Compared once per pair of VPNs.
  void compare_ends(const Device& a, const Vpn& va, const Device& b, const Vpn& vb) {
    const std::string ka = a.name + "|" + va.name, kb = b.name + "|" + vb.name;
    if (!reported.insert({std::min(ka, kb), std::max(ka, kb)}).second) return;
    if (va.local_networks.empty() || va.remote_networks.empty() || vb.local_networks.empty() ||
        vb.remote_networks.empty())
      return;  // a side without selectors (route-based, any to any) accepts what the other sends
    if (selector_set(va.local_networks) == selector_set(vb.remote_networks) &&
        selector_set(va.remote_networks) == selector_set(vb.local_networks))
      return;
    disagree(a, va.src_ref, b, vb.src_ref,
             "the IPsec traffic selectors of the two ends do not mirror: " + a.name + " protects " +
                 selector_text(va.local_networks) + " to " + selector_text(va.remote_networks) + " (" +
                 va.src_ref.str() + "), " + b.name + " protects " + selector_text(vb.local_networks) +
                 " to " + selector_text(vb.remote_networks) + " (" + vb.src_ref.str() +
                 "); the tunnel comes up for the overlap only, or not at all");
  }

  // The VPN of `d` that points back at `self` (a peer that is an address of `self`).
  const Vpn* vpn_back(const Device& d, const Device& self) const {
    for (const auto& v : d.vpns)
      if (site_to_site(v))
        for (auto p : v.peers)
          if (has_address(self, p)) return &v;
    return nullptr;
  }
  const Vpn* vpn_on_tunnel(const Device& d, const std::string& ifc) const {
    for (const auto& v : d.vpns)
      if (site_to_site(v) && v.tunnel_interface == ifc) return &v;
    return nullptr;
  }
};

// The pair links: (device, tunnel interface) -> the other end and the link.
struct PairEnd {
  const Device* device = nullptr;
  const Interface* ifc = nullptr;
  const Link* link = nullptr;
};
std::map<std::pair<std::string, std::string>, PairEnd> pair_links(const Snapshot& snap) {
  std::map<std::pair<std::string, std::string>, PairEnd> m;
  for (const auto& l : snap.links) {
    if (!is_tunnel_pair_link(snap, l)) continue;
    const auto [a, b] = tunnel_ends(l);
    const Device* da = snap.device(a.device);
    const Device* db = snap.device(b.device);
    m[{a.device, a.interface}] = {db, db->find_interface(b.interface), &l};
    m[{b.device, b.interface}] = {da, da->find_interface(a.interface), &l};
  }
  return m;
}

void classify(Ctx& c, size_t di, size_t vi,
              const std::map<std::pair<std::string, std::string>, PairEnd>& pairs) {
  const Snapshot& snap = c.snap;
  const Device& d = snap.devices[di];
  const Vpn& v = d.vpns[vi];
  VpnPeering p;
  p.device = di;
  p.vpn = vi;
  p.ref = peer_line(v);
  const Interface* tunnel = v.tunnel_interface.empty() ? nullptr : d.find_interface(v.tunnel_interface);
  auto linked = tunnel ? pairs.find({d.name, tunnel->name}) : pairs.end();
  if (linked != pairs.end()) {
    const PairEnd& e = linked->second;
    p.status = PeerStatus::Paired;
    p.far_device = e.device->name;
    p.far_interface = e.ifc->name;
    p.why = "tunnel " + tunnel->name + " is joined to " + e.device->name + ":" + e.ifc->name + " by the " +
            to_string(e.link->kind) + " link at " + e.link->src_ref.str();
    p.ref = e.link->src_ref;
    if (const Vpn* back = c.vpn_on_tunnel(*e.device, e.ifc->name))
      c.compare_ends(d, v, *e.device, *back);
    else
      c.disagree(d, v.src_ref, *e.device, e.ifc->src_ref,
                 "tunnel " + tunnel->name + " is protected by IPsec (" + v.src_ref.str() +
                     ") but its far end " + e.device->name + ":" + e.ifc->name + " (" + e.ifc->src_ref.str() +
                     ") has no IPsec: the two ends cannot agree");
    c.out.vpns.push_back(std::move(p));
    return;
  }
  if (v.peer_any) {
    p.status = PeerStatus::Outside;
    p.why = "IPsec peers from any address";
    c.out.vpns.push_back(std::move(p));
    return;
  }
  if (v.peers.empty()) {
    p.status = PeerStatus::Unresolved;
    p.why = "the IPsec peer of " + v.name + " is not known (not given as an address)";
    c.out.vpns.push_back(std::move(p));
    return;
  }
  if (tunnel)
    if (auto fe = far_end_by_peer(snap, d, v)) {
      p.status = PeerStatus::Paired;
      p.far_device = fe->device->name;
      p.far_interface = fe->tunnel ? fe->tunnel->name : "";
      p.why = "peer " + format_ipv4(fe->peer) + " is an address of " + fe->device->name;
      c.compare_ends(d, v, *fe->device, fe->device->vpns[fe->vpn]);
      c.out.vpns.push_back(std::move(p));
      return;
    }
  bool outside = false, unresolved = false, paired = false;
  for (auto peer : v.peers) {
    const Device* o = owner_of(snap, peer, &d);
    if (o) {
      const Vpn* back = c.vpn_back(*o, d);
      if (tunnel || !back) {
        // Route-based without a tunnel back (far_end_by_peer found none), or no VPN at all.
        unresolved = true;
        const Interface* oi = interface_with(*o, peer);
        const SourceRef other = oi ? oi->src_ref : SourceRef{};
        c.disagree(d, peer_line(v), *o, back ? back->src_ref : other,
                   "the IPsec peer " + format_ipv4(peer) + " of " + v.name + " (" + peer_line(v).str() +
                       ") is an address of " + o->name + (other.known() ? " (" + other.str() + ")" : "") +
                       ", which has no " + (back ? "IPsec tunnel interface" : "IPsec VPN") + " back to " +
                       d.name + ": one end is missing");
        if (p.why.empty())
          p.why = "peer " + format_ipv4(peer) + " is " + o->name + ", which has no tunnel back";
        continue;
      }
      paired = true;
      if (p.far_device.empty()) {
        p.far_device = o->name;
        const Interface* oi = interface_with(*o, peer);
        p.far_interface = oi ? oi->name : "";
      }
      c.compare_ends(d, v, *o, *back);
    } else if (in_owned(snap, peer)) {
      unresolved = true;
      if (p.why.empty())
        p.why = "peer " + format_ipv4(peer) +
                " is inside owned but no device of the snapshot has that address (a link between the two "
                "tunnel interfaces in topology.yaml pairs them)";
    } else {
      outside = true;
      p.why = "peer " + format_ipv4(peer) + " is outside the snapshot and outside owned";
    }
  }
  p.status = outside ? PeerStatus::Outside : unresolved ? PeerStatus::Unresolved : PeerStatus::Paired;
  if (p.status == PeerStatus::Paired) p.why = "peer " + format_ipv4(v.peers.front()) + " is " + p.far_device;
  (void)paired;
  c.out.vpns.push_back(std::move(p));
}

}  // namespace

const VpnPeering* TunnelAnalysis::of(size_t device, size_t vpn) const {
  for (const auto& p : vpns)
    if (p.device == device && p.vpn == vpn) return &p;
  return nullptr;
}

std::pair<Endpoint, Endpoint> tunnel_ends(const Link& l) {
  std::vector<Endpoint> e;
  for (const auto& m : l.members)
    if (m.type == Endpoint::Type::Interface) e.push_back(m);
  return {e.at(0), e.at(1)};
}

bool is_tunnel_pair_link(const Snapshot& snap, const Link& l) {
  // The loader adds the internet to an `internet-vpn` link (its underlay): not a third member.
  std::vector<const Endpoint*> ends;
  for (const auto& m : l.members) {
    if (m.type == Endpoint::Type::Internet) continue;
    if (m.type != Endpoint::Type::Interface || m.declared_only) return false;
    const Device* d = snap.device(m.device);
    const Interface* i = d ? d->find_interface(m.interface) : nullptr;
    if (!i || i->kind != InterfaceKind::Tunnel) return false;
    ends.push_back(&m);
  }
  return ends.size() == 2 && ends[0]->device != ends[1]->device;
}

std::optional<FarEnd> far_end_by_peer(const Snapshot& snap, const Device& dev, const Vpn& v) {
  for (auto peer : v.peers) {
    const Device* o = owner_of(snap, peer, &dev);
    if (!o) continue;
    for (size_t k = 0; k < o->vpns.size(); ++k) {
      const Vpn& back = o->vpns[k];
      if (!site_to_site(back) || back.tunnel_interface.empty()) continue;
      const Interface* t = o->find_interface(back.tunnel_interface);
      if (!t) continue;
      for (auto p : back.peers)
        if (has_address(dev, p)) return FarEnd{o, t, k, peer};
    }
  }
  return std::nullopt;
}

TunnelAnalysis analyse_tunnels(const Snapshot& snap) {
  Ctx c{snap, {}, {}};
  const auto pairs = pair_links(snap);
  for (size_t d = 0; d < snap.devices.size(); ++d)
    for (size_t v = 0; v < snap.devices[d].vpns.size(); ++v)
      if (site_to_site(snap.devices[d].vpns[v])) classify(c, d, v, pairs);
  // A tunnel interface paired by a link whose far end runs IPsec while this end does not: the
  // disagreement is found from the IPsec side above. A declared link from a tunnel interface to
  // an interface the other configuration does not have: one end is missing.
  for (const auto& l : snap.links) {
    std::vector<const Endpoint*> ifcs;
    for (const auto& m : l.members)
      if (m.type == Endpoint::Type::Interface) ifcs.push_back(&m);
    if (l.inferred || ifcs.size() != 2 || ifcs.size() + 1 < l.members.size()) continue;
    for (int k = 0; k < 2; ++k) {
      const auto& m = *ifcs[k];
      const auto& o = *ifcs[1 - k];
      if (m.declared_only || !o.declared_only) continue;
      const Device* d = snap.device(m.device);
      const Device* od = snap.device(o.device);
      const Interface* i = d ? d->find_interface(m.interface) : nullptr;
      if (!i || !od || i->kind != InterfaceKind::Tunnel) continue;
      c.disagree(*d, i->src_ref, *od, l.src_ref,
                 "tunnel " + i->name + " is declared joined to " + o.device + ":" + o.interface + " (" +
                     l.src_ref.str() + "), which the configuration of " + o.device +
                     " does not have: one end is missing");
    }
  }
  return std::move(c.out);
}

}  // namespace gp::model
