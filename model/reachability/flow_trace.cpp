#include "model/reachability/flow_trace.h"

#include <algorithm>
#include <functional>
#include <set>

#include "model/reachability/flow_start.h"
#include "model/reachability/untrusted.h"

namespace gp::reach {

using pkt::Field;

const char* to_string(Disposition d) {
  switch (d) {
    case Disposition::Delivered:
      return "DELIVERED";
    case Disposition::Dropped:
      return "DROPPED";
    case Disposition::Unproven:
      return "UNPROVEN";
  }
  return "UNPROVEN";
}

namespace {

bool is_delivery(int to_loc, const Network& net) {
  const int nt = static_cast<int>(net.ifcs.size());
  return to_loc == kToDevice || to_loc == kToInternet || to_loc == kToSubnet ||
         (to_loc >= nt && to_loc < nt + static_cast<int>(net.targets.size()));
}

// Preference among several ends of one packet (a carrier floods every member): the most
// specific first — a host, a device, a subnet, the internet.
int end_rank(int to_loc) {
  switch (to_loc) {
    case kToDevice:
      return 1;
    case kToSubnet:
      return 2;
    case kToInternet:
      return 3;
    default:
      return 0;
  }
}

using Wanted = std::function<bool(const Transition&)>;

const Transition* best_delivery(const RunResult& run, const Wanted& wanted) {
  const Transition* best = nullptr;
  for (const auto& t : run.transitions) {
    if (!wanted(t)) continue;
    if (!best || end_rank(t.to_loc) < end_rank(best->to_loc)) best = &t;
  }
  return best;
}

FlowEnd end_of(const Network& net, const Transition& t) {
  FlowEnd e;
  const std::string exit = t.dev >= 0 && t.out_ifc >= 0
                               ? net.device(t.dev).name + " " + net.interface(t.out_ifc).name
                               : std::string();
  switch (t.to_loc) {
    case kToDevice:
      e.kind = FlowEnd::Kind::Device;
      e.name = net.device(t.dev).name;
      break;
    case kToSubnet:
      e.kind = FlowEnd::Kind::Subnet;
      e.name = exit;
      break;
    case kToInternet:
      e.kind = FlowEnd::Kind::Internet;
      e.name = exit;
      break;
    case kDropped:
      e.kind = FlowEnd::Kind::Dropped;
      e.name = t.dev >= 0 ? net.device(t.dev).name : "";
      break;
    default:
      if (t.to_loc < static_cast<int>(net.ifcs.size())) {  // back at a VPN gateway
        e.kind = FlowEnd::Kind::Device;
        e.name = net.device(net.ifcs[t.to_loc].dev).name;
      } else {
        e.kind = FlowEnd::Kind::Host;
        e.name = net.targets[t.to_loc - static_cast<int>(net.ifcs.size())].name;
      }
  }
  return e;
}

std::string end_words(const FlowEnd& e) {
  switch (e.kind) {
    case FlowEnd::Kind::Host:
      return "host " + e.name;
    case FlowEnd::Kind::Device:
      return "device " + e.name + " itself";
    case FlowEnd::Kind::Subnet:
      return "the subnet of " + e.name + " (no host of the topology has the address)";
    case FlowEnd::Kind::Internet:
      return "the internet (out of " + e.name + ")";
    default:
      return e.name;
  }
}

// Devices a run's packets entered.
std::set<int> devices_touched(const Network& net, const RunResult& run) {
  std::set<int> out;
  for (size_t gid = 0; gid < net.ifcs.size(); ++gid)
    if (run.at_loc[gid] != bddfalse) out.insert(net.ifcs[gid].dev);
  if (run.source && run.source->vpn_dev >= 0) out.insert(run.source->vpn_dev);
  return out;
}

// A device on the hops whose configuration cannot be trusted as a whole.
std::vector<Reason> untrusted_on(const model::Snapshot& snap, const std::set<std::string>& devices) {
  std::vector<Reason> out;
  for (auto& r : untrusted_parts(snap))
    if (devices.count(r.device)) out.push_back(std::move(r));
  return out;
}

std::set<std::string> hop_devices(const Trace& t) {
  std::set<std::string> out;
  for (const auto& h : t.hops) out.insert(h.device);
  return out;
}

// The drop that stopped the packet: of several (a carrier floods every member), the one whose
// path is longest, i.e. the device the packet was really heading for.
std::optional<std::pair<const Transition*, Trace>> deciding_drop(const Network& net, const RunResult& run) {
  std::optional<std::pair<const Transition*, Trace>> best;
  for (const auto& t : run.transitions) {
    if (t.to_loc != kDropped) continue;
    Trace tr = trace_back(net, run, t, pkt::pick(t.out));
    if (!best || tr.hops.size() > best->second.hops.size()) best = {{&t, std::move(tr)}};
  }
  return best;
}

void drop_reasons(const Trace& tr, std::vector<Reason>& out) {
  if (tr.hops.empty()) return;
  for (const auto& [what, ref] : tr.hops.back().facts)
    if (what.rfind("dropped: ", 0) == 0) out.push_back({tr.hops.back().device, what.substr(9), ref});
}

// One direction: Must gives DELIVERED, May what may happen; what is not understood on the
// candidate path turns a DROPPED into UNPROVEN (fail closed).
FlowLeg evaluate(const Network& net, const Source& src, const Wanted& wanted, bool must_possible) {
  const auto& snap = *net.snap;
  FlowLeg leg;
  RunResult must;
  if (must_possible) {
    must = propagate(net, src, Mode::Must);
    if (const Transition* e = best_delivery(must, wanted)) {
      leg.end = end_of(net, *e);
      leg.trace = trace_back(net, must, *e, pkt::pick(e->out));
      leg.unproven = untrusted_on(snap, hop_devices(leg.trace));
      leg.disposition = leg.unproven.empty() ? Disposition::Delivered : Disposition::Unproven;
      leg.summary = leg.unproven.empty()
                        ? "delivered to " + end_words(leg.end)
                        : "delivered to " + end_words(leg.end) +
                              ", through a device whose configuration cannot be trusted as a whole";
      return leg;
    }
  }
  // The May run differs from the Must one only where something was not understood.
  const bool exact = must_possible && must.unknowns.empty();
  RunResult may_run = exact ? RunResult{} : propagate(net, src, Mode::May);
  const RunResult& may = exact ? must : may_run;
  if (const Transition* e = best_delivery(may, wanted)) {
    leg.disposition = Disposition::Unproven;
    leg.end = end_of(net, *e);
    leg.trace = trace_back(net, may, *e, pkt::pick(e->out));
    leg.summary = "may be delivered to " + end_words(leg.end) + ", through something not understood";
    for (const auto& [_, u] : may.unknowns) leg.unproven.push_back({net.device(u.dev).name, u.text, u.ref});
    if (leg.unproven.empty())
      for (const auto& [what, ref] : net.assumptions) leg.unproven.push_back({"", what, ref});
    if (leg.unproven.empty())
      leg.unproven.push_back({"", "a delivery is possible only under over-approximations", {}});
    return leg;
  }
  // Not delivered even when everything not understood passes: a proof, unless it rests on
  // lines not understood or configurations not trusted on the devices the packet went through.
  std::set<std::string> names;
  for (int d : devices_touched(net, may)) {
    names.insert(net.device(d).name);
    not_understood_on(net.device(d), false, leg.unproven);
  }
  for (auto& r : untrusted_on(snap, names)) leg.unproven.insert(leg.unproven.begin(), std::move(r));
  auto drop = deciding_drop(net, may);
  if (drop) {
    leg.end = end_of(net, *drop->first);
    leg.trace = std::move(drop->second);
    drop_reasons(leg.trace, leg.deciding);
  }
  if (!leg.unproven.empty()) {
    leg.disposition = Disposition::Unproven;
    leg.summary = "no delivery found, but the proof rests on something not understood";
  } else if (drop) {
    leg.disposition = Disposition::Dropped;
    leg.summary = "dropped by " + leg.end.name +
                  (leg.deciding.empty() ? std::string() : ": " + leg.deciding.front().what);
  } else {
    // Neither delivered nor dropped anywhere gapproof can name (a forwarding loop, a packet
    // sent to an interface that is down): not a proof of anything.
    leg.disposition = Disposition::Unproven;
    leg.summary = "the packet ends neither delivered nor dropped at a line gapproof can name";
    leg.unproven.push_back({"", "no delivery and no drop found (a forwarding loop?)", {}});
  }
  return leg;
}

Source source_of(const Network& net, const Origin& o, const pkt::Packet& p) {
  Source s;
  s.kind = o.kind == Origin::Kind::Internet ? Source::Kind::Internet : Source::Kind::Pivot;
  s.description = o.description;
  s.packets = pkt::of(p);
  s.record_ends = true;
  s.any_service = true;
  switch (o.kind) {
    case Origin::Kind::Device:
      s.vpn_dev = o.dev;
      s.local_origin = true;
      break;
    case Origin::Kind::Target:
    case Origin::Kind::Subnet: {
      Source::HostGroup g;
      g.domain = o.kind == Origin::Kind::Target ? net.targets[o.target].domain : o.domain;
      g.gateway = o.gateway;
      if (o.target >= 0) g.targets = {o.target};
      g.packets = s.packets;
      s.host_groups.push_back(std::move(g));
      break;
    }
    case Origin::Kind::Internet:
      s.domains_any = {o.domain};
      break;
    case Origin::Kind::UnknownPeers:
      s.arrive_ifcs = net.unknown_peers;
      break;
    case Origin::Kind::VpnPool: {
      // As the audit's remote-access source: decrypted on the gateway, its VPN filter applied.
      const auto& v = net.device(o.dev).vpns[o.vpn];
      s.kind = Source::Kind::RemoteAccessPool;
      s.vpn_dev = o.dev;
      s.vpn_ifc = v.interface.empty() ? -1 : net.find_ifc(o.dev, v.interface);
      s.bypass_acl = v.bypasses_interface_acl;
      s.vpn_filter = v.filter;
      s.ref = v.src_ref;
      break;
    }
  }
  return s;
}

// Whether an end is the origin itself (where a reply must arrive).
Wanted arrives_at(const Network& net, const Origin& o) {
  switch (o.kind) {
    case Origin::Kind::Device:
      return [dev = o.dev](const Transition& t) { return t.to_loc == kToDevice && t.dev == dev; };
    case Origin::Kind::Target:
      return [loc = target_loc(net, o.target)](const Transition& t) { return t.to_loc == loc; };
    case Origin::Kind::VpnPool:
      // Back at the gateway, which hands it to the tunnel.
      return [&net, dev = o.dev](const Transition& t) {
        return (t.to_loc >= 0 && t.to_loc < static_cast<int>(net.ifcs.size()) &&
                net.ifcs[t.to_loc].dev == dev) ||
               (t.to_loc == kToDevice && t.dev == dev);
      };
    case Origin::Kind::Subnet:
      return [&net, d = o.domain](const Transition& t) {
        return t.to_loc == kToSubnet && t.out_ifc >= 0 && net.ifc_domain[t.out_ifc] == d;
      };
    default:
      return [](const Transition& t) { return t.to_loc == kToInternet; };
  }
}

// The reply a destination sends back: addresses and ports swapped; TCP's reply carries ACK,
// an ICMP echo request gets an echo reply. Other ICMP has no reply.
std::optional<pkt::Packet> reversed(const pkt::Packet& p) {
  if (p.proto == 1 && p.icmp_type != 8 && p.icmp_type != 0) return std::nullopt;
  if (p.proto != 1 && p.proto != 6 && p.proto != 17) return std::nullopt;
  pkt::Packet r = p;
  std::swap(r.src, r.dst);
  std::swap(r.sport, r.dport);
  if (p.proto == 6) r.established = true;
  if (p.proto == 1) r.icmp_type = p.icmp_type == 8 ? 0 : 8;
  return r;
}

// Where the reply starts: the request's end.
Origin reply_origin(const Network& net, const Transition& end, const FlowEnd& e) {
  Origin o;
  o.description = end_words(e);
  switch (end.to_loc) {
    case kToDevice:
      o.kind = Origin::Kind::Device;
      o.dev = end.dev;
      break;
    case kToSubnet: {
      o.kind = Origin::Kind::Subnet;
      o.domain = net.ifc_domain[end.out_ifc];
      const auto& ifc = net.interface(end.out_ifc);
      if (!ifc.ipv4.empty()) o.gateway = ifc.ipv4.front().prefix.addr;
      break;
    }
    case kToInternet:
      o.kind = Origin::Kind::Internet;
      o.domain = net.ifc_domain[end.out_ifc];
      break;
    default: {
      o.kind = Origin::Kind::Target;
      o.target = end.to_loc - static_cast<int>(net.ifcs.size());
      const auto& tg = net.targets[o.target];
      if (!tg.host.empty()) o.gateway = net.snap->hosts.at(tg.host).gateway;
    }
  }
  return o;
}

std::optional<FlowLeg> reply_leg(const Network& net, const Origin& from, const FlowLeg& request,
                                 const Transition& end) {
  auto r = reversed(request.trace.last);
  if (!r) return std::nullopt;
  Origin o = reply_origin(net, end, request.end);
  Source s = source_of(net, o, *r);
  s.description = "the reply from " + o.description;
  // Each device the request crossed statefully or with NAT holds its session.
  for (const auto& hop : request.trace.hops) {
    const auto* d = net.snap->device(hop.device);
    if (!d) continue;
    const bool translated =
        hop.packet_in.src != hop.packet_out.src || hop.packet_in.dst != hop.packet_out.dst ||
        hop.packet_in.sport != hop.packet_out.sport || hop.packet_in.dport != hop.packet_out.dport;
    if (!d->stateful && !translated) continue;
    auto in = reversed(hop.packet_out), out = reversed(hop.packet_in);
    if (!in || !out) continue;
    s.sessions.push_back({static_cast<int>(d - net.snap->devices.data()), *in, *out, d->stateful});
  }
  FlowLeg leg = evaluate(net, s, arrives_at(net, from), true);
  if (leg.disposition == Disposition::Delivered) leg.summary = "the reply gets back";
  return leg;
}

FlowPath answer_from(const Network& net, const Origin& o, const pkt::Packet& p) {
  FlowPath path;
  path.start = o.description;
  Source s = source_of(net, o, p);
  auto any_end = [&net](const Transition& t) { return is_delivery(t.to_loc, net); };
  path.request = evaluate(net, s, any_end, o.kind != Origin::Kind::UnknownPeers);
  if (path.request.disposition != Disposition::Delivered) return path;
  // The end transition again (evaluate keeps only its description): rerun is cheap for one packet.
  RunResult must = propagate(net, s, Mode::Must);
  const Transition* e = best_delivery(must, any_end);
  if (!e) return path;
  path.reply = reply_leg(net, o, path.request, *e);
  // NAT to an address the configuration does not give (one the provider assigns): the reply was
  // tried to one placeholder address only, so only its delivery is an answer.
  const bool one_packet = e->out == pkt::of(pkt::pick(e->out));
  if (path.reply && !one_packet && path.reply->disposition == Disposition::Dropped) {
    path.reply->disposition = Disposition::Unproven;
    path.reply->summary = "not known: the request leaves with an address the configuration does not give";
    path.reply->unproven.push_back(
        {"",
         "NAT on the way translates to an address not in the configuration (e.g. assigned by the provider); "
         "the reply was tried to " +
             format_ipv4(path.request.trace.last.src) + " only",
         {}});
  }
  return path;
}

}  // namespace

FlowAnswer trace_flow(const model::Snapshot& snap, const FlowQuery& q) {
  Network net = build_network(snap);
  FlowAnswer ans;
  FlowStart start = resolve_start(net, q);
  ans.from_kind = start.from_kind;
  ans.from = start.from;
  const pkt::Packet p = start.packet;
  const std::vector<Origin>& origins = start.origins;
  ans.packet = p;
  bool any_delivered = false;
  for (const auto& o : origins) {
    if (o.kind == Origin::Kind::Target && !net.targets[o.target].address_list.empty() &&
        std::count(net.targets[o.target].address_list.begin(), net.targets[o.target].address_list.end(),
                   p.dst)) {
      // A host sending to its own address never puts the packet on the wire.
      FlowPath self;
      self.start = o.description;
      self.request.disposition = Disposition::Delivered;
      self.request.end = {FlowEnd::Kind::Host, net.targets[o.target].name};
      self.request.summary = "the destination is the source itself: delivered without leaving it";
      self.request.trace.first = self.request.trace.last = p;
      if (auto r = reversed(p)) {
        self.reply = self.request;
        self.reply->trace.first = self.reply->trace.last = *r;
        self.reply->summary = "the reply stays on the host too";
      }
      ans.paths.push_back(std::move(self));
      any_delivered = true;
      continue;
    }
    ans.paths.push_back(answer_from(net, o, p));
    any_delivered |= ans.paths.back().request.disposition == Disposition::Delivered;
  }
  // From the internet, an interface whose peer is unknown may be one more way in (May only).
  if (ans.from_kind == "internet" && !any_delivered && !net.unknown_peers.empty()) {
    Origin o;
    o.kind = Origin::Kind::UnknownPeers;
    o.description = "interfaces whose peer is unknown (may lead to the internet)";
    FlowPath path = answer_from(net, o, p);
    if (path.request.end.kind != FlowEnd::Kind::Dropped && path.request.end.kind != FlowEnd::Kind::Nowhere) {
      for (int gid : net.unknown_peers)
        path.request.unproven.push_back(
            {net.device(net.ifcs[gid].dev).name,
             "interface " + net.interface(gid).name + " is up and addressed but its peer is unknown",
             net.interface(gid).src_ref});
      ans.paths.push_back(std::move(path));
    }
  }
  ans.disposition = Disposition::Dropped;
  for (const auto& path : ans.paths) {
    if (path.request.disposition == Disposition::Delivered) ans.disposition = Disposition::Delivered;
    if (path.request.disposition == Disposition::Unproven && ans.disposition == Disposition::Dropped)
      ans.disposition = Disposition::Unproven;
  }
  return ans;
}

}  // namespace gp::reach
