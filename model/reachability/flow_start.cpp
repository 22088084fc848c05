#include "model/reachability/flow_start.h"

#include "base/input_error.h"

namespace gp::reach {

using pkt::Field;

namespace {

[[noreturn]] void bad_from(const std::string& from, const std::string& why) {
  throw InputError(SourceRef{"--from " + from, 0, 0}, why);
}

int target_of_host(const Network& net, const std::string& host) {
  for (size_t t = 0; t < net.targets.size(); ++t)
    if (net.targets[t].host == host) return static_cast<int>(t);
  return -1;
}

// The address a device sends from: its interface toward the destination (the route's exit).
Ipv4 device_source_address(const Network& net, int dev, Ipv4 to) {
  const auto& view = net.devices[dev];
  if ((view.own_addresses & pkt::eq(Field::DstIp, to)) != bddfalse) return to;
  auto fib = view.fib_by_vrf.find("");
  if (fib != view.fib_by_vrf.end())
    for (const auto& t : fib->second.targets)
      if (t.out_ifc >= 0 && (t.dst & pkt::eq(Field::DstIp, to)) != bddfalse) {
        const auto& ifc = net.interface(t.out_ifc);
        if (!ifc.ipv4.empty()) return ifc.ipv4.front().prefix.addr;
      }
  for (const auto& ifc : net.device(dev).interfaces)
    if (!ifc.ipv4.empty()) return ifc.ipv4.front().prefix.addr;
  return 0;
}

Origin host_origin(const Network& net, int t, const std::string& from) {
  const auto& tg = net.targets[t];
  if (tg.domain < 0)
    bad_from(from, "host " + tg.name + " is on no segment of the topology: nowhere to start");
  Origin o;
  o.kind = Origin::Kind::Target;
  o.target = t;
  if (!tg.host.empty()) o.gateway = net.snap->hosts.at(tg.host).gateway;
  o.description = tg.host.empty() ? tg.name : "host " + tg.name;
  return o;
}

// A remote-access client: an address of a VPN pool, arriving decrypted on its gateway.
std::optional<Origin> vpn_pool_origin(const model::Snapshot& snap, Ipv4 a) {
  for (size_t d = 0; d < snap.devices.size(); ++d) {
    const auto& dev = snap.devices[d];
    for (size_t v = 0; v < dev.vpns.size(); ++v) {
      const auto& vpn = dev.vpns[v];
      if (vpn.kind != model::VpnKind::RemoteAccess && vpn.kind != model::VpnKind::L2tp) continue;
      for (const auto& pool : vpn.client_pools)
        if (pool.contains(a)) {
          Origin o;
          o.kind = Origin::Kind::VpnPool;
          o.dev = static_cast<int>(d);
          o.vpn = static_cast<int>(v);
          o.description = "remote-access VPN client (pool of " + vpn.name + " on " + dev.name + ")";
          return o;
        }
    }
  }
  return std::nullopt;
}

// The internet at each of its points: one start per broadcast domain holding an internet point.
std::vector<Origin> internet_origins(const Network& net) {
  std::vector<Origin> out;
  for (size_t d = 0; d < net.domains.size(); ++d) {
    if (!net.domains[d].internet) continue;
    Origin o;
    o.kind = Origin::Kind::Internet;
    o.domain = static_cast<int>(d);
    std::string at, why;
    for (int gid : net.domains[d].ifcs)
      at += (at.empty() ? "" : ", ") + net.device(net.ifcs[gid].dev).name + " " + net.interface(gid).name;
    for (const auto& w : net.domains[d].internet_why) why += (why.empty() ? "" : "; ") + w;
    o.description = "the internet at " + (at.empty() ? why : at + " (" + why + ")");
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

FlowStart resolve_start(const Network& net, const FlowQuery& q) {
  FlowStart out;
  const auto& snap = *net.snap;
  pkt::Packet p;
  p.dst = q.to;
  p.proto = q.proto;
  if (q.proto == 1) {
    p.icmp_type = 8;  // echo request
  } else {
    p.sport = q.sport;
    p.dport = q.dport;
  }
  const auto parsed = parse_ipv4(q.from);
  int dev = -1;
  for (size_t d = 0; d < snap.devices.size(); ++d)
    if (snap.devices[d].name == q.from) dev = static_cast<int>(d);
  int host_t = snap.hosts.count(q.from) ? target_of_host(net, q.from) : -1;
  std::optional<Ipv4> fixed_src;
  if (dev < 0 && host_t < 0 && parsed) {
    p.src = *parsed;
    if ((net.internet_sources & pkt::eq(Field::SrcIp, *parsed)) != bddfalse) {
      out.from_kind = "internet";
      out.from = format_ipv4(*parsed);
      out.origins = internet_origins(net);
      if (out.origins.empty())
        bad_from(q.from,
                 "the address is outside `owned` (the internet), but the snapshot has no internet point");
    } else {
      for (size_t t = 0; t < net.targets.size() && host_t < 0; ++t)
        for (auto a : net.targets[t].address_list)
          if (a == *parsed) host_t = static_cast<int>(t);
      for (size_t d = 0; d < snap.devices.size() && dev < 0 && host_t < 0; ++d)
        if ((net.devices[d].own_addresses & pkt::eq(Field::DstIp, *parsed)) != bddfalse)
          dev = static_cast<int>(d);
      for (size_t t = 0; t < net.targets.size() && dev < 0 && host_t < 0; ++t)
        if ((net.targets[t].addresses & pkt::eq(Field::DstIp, *parsed)) != bddfalse)
          host_t = static_cast<int>(t);
      if (dev < 0 && host_t < 0) {
        if (auto o = vpn_pool_origin(snap, *parsed)) {
          out.from_kind = "vpn-pool";
          out.from = format_ipv4(*parsed);
          out.origins.push_back(std::move(*o));
        }
      }
      if (dev < 0 && host_t < 0 && out.origins.empty())
        bad_from(q.from,
                 "no host, device, segment or VPN pool of the snapshot has this address, and it is inside "
                 "`owned` "
                 "(not the internet)");
      fixed_src = *parsed;
    }
  } else if (dev < 0 && host_t < 0) {
    bad_from(q.from, "no device or host of this name in the snapshot, and not an IPv4 address");
  }
  if (dev >= 0) {
    out.from_kind = "device";
    out.from = snap.devices[dev].name;
    p.src = fixed_src ? *fixed_src : device_source_address(net, dev, q.to);
    Origin o;
    o.kind = Origin::Kind::Device;
    o.dev = dev;
    o.description = "device " + out.from + " (from " + format_ipv4(p.src) + ")";
    out.origins.push_back(std::move(o));
  } else if (host_t >= 0) {
    out.from_kind = "host";
    out.from = net.targets[host_t].name;
    if (!fixed_src) {
      const auto& list = net.targets[host_t].address_list;
      if (list.empty()) bad_from(q.from, "host " + out.from + " has no address");
      p.src = list.front();
    }
    out.origins.push_back(host_origin(net, host_t, q.from));
  }
  out.packet = p;
  return out;
}

}  // namespace gp::reach
