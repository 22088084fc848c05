// Builds small vendor-neutral snapshots in C++ for prover tests (no parser involved).
#pragma once
#include <string>

#include "base/ipv4.h"
#include "model/snapshot.h"

namespace gp::test {

inline Prefix P(const std::string& s) { return *parse_prefix(s); }
inline Ipv4 A(const std::string& s) { return *parse_ipv4(s); }
inline SourceRef L(int line) { return {"configs/test.cfg", line, 0}; }

inline model::Interface& add_ifc(model::Device& d, const std::string& name, const std::string& addr,
                                 int line) {
  model::Interface i;
  i.name = name;
  i.src_ref = L(line);
  if (!addr.empty()) i.ipv4.push_back({P(addr), false, L(line + 1)});
  d.interfaces.push_back(i);
  return d.interfaces.back();
}

inline model::FilterRule rule(model::Action a, const std::string& src, const std::string& dst,
                              std::optional<int> proto = std::nullopt, int dport = -1, int line = 0) {
  model::FilterRule r;
  r.action = a;
  r.src = {src == "any" ? AddrMatch::any() : AddrMatch::of(P(src))};
  r.dst = {dst == "any" ? AddrMatch::any() : AddrMatch::of(P(dst))};
  model::ServiceMatch s;
  s.protocol = proto;
  if (dport >= 0) s.dst_ports.push_back({static_cast<uint16_t>(dport), static_cast<uint16_t>(dport)});
  r.services = {s};
  r.src_ref = L(line);
  r.text = "test rule";
  return r;
}

inline model::Link link(model::LinkKind k, std::vector<model::Endpoint> members, int line = 1) {
  model::Link l;
  l.kind = k;
  l.members = std::move(members);
  l.src_ref = {"topology.yaml", line, 1};
  return l;
}

inline model::Endpoint ifc_ep(const std::string& dev, const std::string& ifc) {
  model::Endpoint e;
  e.type = model::Endpoint::Type::Interface;
  e.device = dev;
  e.interface = ifc;
  return e;
}
inline model::Endpoint seg_ep(const std::string& seg) {
  model::Endpoint e;
  e.type = model::Endpoint::Type::Segment;
  e.segment = seg;
  return e;
}
inline model::Endpoint internet_ep() {
  model::Endpoint e;
  e.type = model::Endpoint::Type::Internet;
  return e;
}

inline void add_zone(model::Snapshot& s, const std::string& id, model::ZoneKind k,
                     bool claim_closed = false) {
  model::Zone z;
  z.id = id;
  z.kind = k;
  if (claim_closed) z.claim = "closed";
  s.zones[id] = z;
}

inline void add_segment(model::Snapshot& s, const std::string& id, const std::string& zone,
                        const std::string& prefix) {
  model::Segment g;
  g.id = id;
  g.zone = zone;
  g.prefixes = {P(prefix)};
  s.segments[id] = g;
}

inline model::Host& add_host(model::Snapshot& s, const std::string& id, const std::string& seg,
                             const std::string& addr, model::HostRole role = model::HostRole::Plc) {
  model::Host h;
  h.id = id;
  h.segment = seg;
  h.zone = s.segments.at(seg).zone;
  h.addresses = {A(addr)};
  h.role = role;
  s.hosts[id] = h;
  return s.hosts[id];
}

// internet -- r1:Gi0 (203.0.113.2/30)   r1:Gi1 (10.1.0.1/24) -- scada-lan (plc 10.1.0.10)
inline model::Snapshot one_router_plant() {
  model::Snapshot s;
  s.name = "test";
  s.has_topology = true;
  s.owned = {P("10.0.0.0/8"), P("172.16.0.0/12"), P("192.168.0.0/16"), P("203.0.113.0/24")};
  add_zone(s, "scada", model::ZoneKind::Control, true);
  add_segment(s, "scada-lan", "scada", "10.1.0.0/24");
  add_host(s, "plc", "scada-lan", "10.1.0.10");
  model::Device r;
  r.name = "r1";
  r.vendor = model::Vendor::CiscoIos;
  r.file = "configs/test.cfg";
  add_ifc(r, "Gi0", "203.0.113.2/30", 10);
  add_ifc(r, "Gi1", "10.1.0.1/24", 20);
  model::Route def;
  def.prefix = P("0.0.0.0/0");
  def.next_hop = A("203.0.113.1");
  def.src_ref = L(30);
  r.routes.push_back(def);
  s.devices.push_back(r);
  s.links.push_back(link(model::LinkKind::Internet, {ifc_ep("r1", "Gi0"), internet_ep()}, 5));
  s.links.push_back(link(model::LinkKind::Ethernet, {ifc_ep("r1", "Gi1"), seg_ep("scada-lan")}, 6));
  return s;
}

}  // namespace gp::test
