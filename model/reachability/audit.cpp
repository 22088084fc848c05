#include "model/reachability/audit.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/progress.h"
#include "model/reachability/filter_bdd.h"
#include "model/reachability/untrusted.h"

namespace gp::reach {

using pkt::Field;

const char* to_string(Verdict v) {
  switch (v) {
    case Verdict::Closed:
      return "CLOSED";
    case Verdict::FirewallOnly:
      return "FIREWALL_ONLY";
    case Verdict::Reachable:
      return "REACHABLE";
    case Verdict::Unproven:
      return "UNPROVEN";
  }
  return "UNPROVEN";
}

namespace {

const char* kind_name(Source::Kind k) {
  switch (k) {
    case Source::Kind::Internet:
      return "internet";
    case Source::Kind::UnknownPeer:
      return "unknown-peer";
    case Source::Kind::RemoteAccessPool:
      return "vpn-pool";
    case Source::Kind::IpsecPeer:
      return "ipsec-peer";
    case Source::Kind::Pivot:
      return "pivot";
  }
  return "?";
}

bdd new_connections() { return pkt::eq(Field::TcpEst, 0); }

bdd src_prefixes(const std::vector<Prefix>& ps) {
  bdd r = bddfalse;
  for (const auto& p : ps) r |= pkt::prefix(Field::SrcIp, p.network(), p.len);
  return r;
}

// The sources that need no pivot: the internet itself, IPsec peers outside the snapshot,
// remote-access pools; in May mode also every unknown peer.
std::vector<Source> root_sources(const Network& net, Mode mode) {
  const auto& snap = *net.snap;
  std::vector<Source> out;
  Source inet;
  inet.kind = Source::Kind::Internet;
  inet.description = "the internet";
  inet.packets = net.internet_sources & new_connections();
  for (size_t d = 0; d < net.domains.size(); ++d)
    if (net.domains[d].internet) inet.domains_any.push_back(static_cast<int>(d));
  out.push_back(inet);
  if (mode == Mode::May && !net.unknown_peers.empty()) {
    Source u;
    u.kind = Source::Kind::UnknownPeer;
    u.description = "interfaces whose peer is unknown (may lead to the internet)";
    u.packets = bddtrue & new_connections();
    u.arrive_ifcs = net.unknown_peers;
    out.push_back(u);
  }
  for (size_t d = 0; d < snap.devices.size(); ++d) {
    const auto& dev = snap.devices[d];
    for (size_t vi = 0; vi < dev.vpns.size(); ++vi) {
      const auto& v = dev.vpns[vi];
      Source s;
      s.vpn_dev = static_cast<int>(d);
      s.vpn_ifc = v.interface.empty() ? -1 : net.find_ifc(static_cast<int>(d), v.interface);
      s.bypass_acl = v.bypasses_interface_acl;
      s.vpn_filter = v.filter;
      s.ref = v.src_ref;
      if (v.kind == model::VpnKind::RemoteAccess || v.kind == model::VpnKind::L2tp) {
        if (v.client_pools.empty()) continue;
        s.kind = Source::Kind::RemoteAccessPool;
        s.description = "remote-access VPN users (pool of " + v.name + " on " + dev.name + ")";
        s.packets = src_prefixes(v.client_pools) & new_connections();
      } else {
        // Only a peer outside the snapshot and outside `owned` is a way in: a paired tunnel is a
        // link of the network, an unresolved one an unknown peer (model/tunnels.h).
        const auto* peering = net.tunnels.of(d, vi);
        if (!peering || peering->status != model::PeerStatus::Outside) continue;
        s.kind = Source::Kind::IpsecPeer;
        s.description = "site-to-site IPsec peer" + std::string(v.peer_any ? " (any peer)" : "") + " of " +
                        v.name + " on " + dev.name;
        bdd remote = bddfalse;
        for (const auto& m : v.remote_networks) remote |= pkt::wildcard(Field::SrcIp, m.addr, m.wildcard);
        const int tunnel =
            v.tunnel_interface.empty() ? -1 : net.find_ifc(static_cast<int>(d), v.tunnel_interface);
        // Route-based without traffic selectors: the peer may send from any address (the routes
        // toward the tunnel say what this end sends, not what it accepts).
        if (v.remote_networks.empty() || (tunnel >= 0 && v.local_networks.empty())) remote = bddtrue;
        s.packets = remote & new_connections();
        if (tunnel >= 0) {
          // Decrypted traffic arrives on the tunnel interface, through its filters.
          s.arrive_ifcs = {tunnel};
          s.vpn_dev = -1;
          s.vpn_ifc = -1;
          s.bypass_acl = false;
        }
      }
      out.push_back(std::move(s));
    }
  }
  return out;
}

struct PivotState {
  std::vector<int> parent_run;  // per target: run that first reached it (-1: none)
  std::vector<bool> pivot;
};

Source pivot_source(const Network& net, const std::vector<int>& targets, const std::string& why,
                    const std::vector<bdd>& reached_dst) {
  Source s;
  s.kind = Source::Kind::Pivot;
  s.description = why;
  s.packets = bddfalse;
  std::map<std::pair<int, long>, Source::HostGroup> groups;
  for (int t : targets) {
    const Target& tg = net.targets[t];
    if (tg.domain < 0) continue;
    std::optional<Ipv4> gw;
    if (!tg.host.empty()) gw = net.snap->hosts.at(tg.host).gateway;
    bdd src = bddfalse;
    if (!tg.address_list.empty()) {
      for (auto a : tg.address_list) src |= pkt::eq(Field::SrcIp, a);
    } else {
      for (const auto& seg : net.snap->segments)
        if ("segment:" + seg.first == tg.name) src |= src_prefixes(seg.second.prefixes);
    }
    (void)reached_dst;
    auto& g = groups[{tg.domain, gw ? static_cast<long>(*gw) : -1L}];
    g.domain = tg.domain;
    g.gateway = gw;
    g.targets.push_back(t);
    g.packets = (g.packets == bddfalse ? bddfalse : g.packets) | (src & new_connections());
    s.packets |= src & new_connections();
  }
  for (auto& [_, g] : groups) s.host_groups.push_back(std::move(g));
  return s;
}

// Runs the internet-rooted sources, then pivots level by level until nothing new is reached.
ModeRuns run_mode(const Network& net, Mode mode) {
  ModeRuns m;
  m.sources = root_sources(net, mode);
  m.parent_run.assign(net.targets.size(), -1);
  std::vector<int> clients;
  for (size_t t = 0; t < net.targets.size(); ++t) {
    const auto& tg = net.targets[t];
    if (!tg.host.empty() && model::internet_client_effective(net.snap->hosts.at(tg.host), *net.snap))
      clients.push_back(static_cast<int>(t));
  }
  if (!clients.empty())
    m.sources.push_back(pivot_source(net, clients, "hosts that use the internet (internet_client)", {}));
  std::vector<bool> is_pivot(net.targets.size(), false);
  for (int c : clients) is_pivot[c] = true;
  std::vector<int> batch;
  for (size_t i = 0; i < m.sources.size(); ++i) {
    progress::report(mode == Mode::Must ? "proving (what must pass)" : "proving (what may pass)", i, 0);
    m.runs.push_back(propagate(net, m.sources[i], mode));
    const RunResult& r = m.runs.back();
    std::vector<int> fresh;
    for (size_t t = 0; t < net.targets.size(); ++t) {
      if (r.target_reached[t] == bddfalse) continue;
      if (m.parent_run[t] < 0) m.parent_run[t] = static_cast<int>(i);
      if (!is_pivot[t]) {
        is_pivot[t] = true;
        fresh.push_back(static_cast<int>(t));
      }
    }
    // Batch the pivots of one level into one source after the last source of that level.
    batch.insert(batch.end(), fresh.begin(), fresh.end());
    if (i + 1 == m.sources.size() && !batch.empty()) {
      m.sources.push_back(pivot_source(net, batch, "hosts reached from the sources above (pivots)", {}));
      batch.clear();
    }
  }
  // push_back moved the sources: point every run at its own again (traces read the source).
  for (size_t i = 0; i < m.runs.size(); ++i) m.runs[i].source = &m.sources[i];
  return m;
}

// The chain of flows that led to `target` in `mr`: pivot by pivot back to a root source.
Flow chain_to(const Network& net, const ModeRuns& mr, int target, int run_index) {
  Flow f;
  std::set<int> seen;
  int t = target, ri = run_index;
  while (ri >= 0 && seen.insert(t).second) {
    const RunResult& run = mr.runs[ri];
    const Source& s = mr.sources[ri];
    FlowStep step;
    step.source_kind = kind_name(s.kind);
    step.source = s.description;
    step.target = net.targets[t].name;
    auto tr = trace_to(net, run, t);
    if (tr) step.trace = *tr;
    int next_t = -1;
    if (s.kind == Source::Kind::Pivot && tr) {
      // Which pivot host sent it: the one owning the packet's source address.
      for (const auto& g : s.host_groups)
        for (int pt : g.targets) {
          bdd a = pkt::eq(Field::SrcIp, tr->first.src);
          bool own = false;
          for (auto addr : net.targets[pt].address_list) own |= addr == tr->first.src;
          if (net.targets[pt].address_list.empty()) own = (g.packets & a) != bddfalse;
          if (own && next_t < 0) next_t = pt;
        }
      if (next_t >= 0) step.source = "pivot host " + net.targets[next_t].name + " (" + s.description + ")";
    }
    f.chain.push_back(std::move(step));
    if (next_t < 0) break;
    t = next_t;
    ri = mr.parent_run[t];
    if (ri < 0) {
      // An internet client: the chain starts with it.
      FlowStep start;
      start.source_kind = "pivot";
      start.source = "host " + net.targets[t].name + " uses the internet (internet_client)";
      start.target = net.targets[t].name;
      f.chain.push_back(std::move(start));
      break;
    }
  }
  std::reverse(f.chain.begin(), f.chain.end());
  return f;
}

// The first certain flow (earliest run first) to a target of `zt` whose hops cross no device with
// a damaged configuration; flows that do cross one are recorded in `crossing` as reasons.
std::optional<Flow> certain_flow_avoiding_damage(const Network& net, const ModeRuns& must,
                                                 const std::vector<int>& zt, std::vector<Reason>& crossing) {
  std::vector<std::pair<int, int>> candidates;  // (run, target), earliest run first
  for (int t : zt)
    for (size_t ri = 0; ri < must.runs.size(); ++ri)
      if (must.runs[ri].target_reached[t] != bddfalse) {
        candidates.push_back({static_cast<int>(ri), t});
        break;
      }
  std::sort(candidates.begin(), candidates.end());
  for (const auto& [ri, t] : candidates) {
    Flow f = chain_to(net, must, t, ri);
    const std::string dmg = damaged_device_on(f, *net.snap);
    if (dmg.empty()) return f;
    if (crossing.empty())
      crossing.push_back({dmg,
                          "a flow from " + f.chain.front().source + " reaches " + net.targets[t].name +
                              " through " + dmg + ", whose configuration cannot be trusted as a whole",
                          {}});
  }
  return std::nullopt;
}

}  // namespace

const std::vector<KnownService>& known_services() {
  static const std::vector<KnownService> k = {
      {6, 21, "ftp"},
      {6, 22, "ssh"},
      {6, 23, "telnet"},
      {6, 80, "http"},
      {6, 102, "s7comm"},
      {6, 135, "msrpc"},
      {6, 139, "netbios"},
      {6, 443, "https"},
      {6, 445, "smb"},
      {6, 502, "modbus"},
      {6, 1433, "mssql"},
      {6, 2404, "iec-104"},
      {6, 3389, "rdp"},
      {6, 4840, "opc-ua"},
      {6, 5900, "vnc"},
      {6, 20000, "dnp3"},
      {6, 44818, "ethernet-ip"},
      {17, 161, "snmp"},
      {17, 2222, "ethernet-ip-io"},
      {17, 47808, "bacnet"},
      {17, 20000, "dnp3-udp"},
  };
  return k;
}

namespace {

// The part of `x` (packets delivered to device `d` for service `name`) that the service itself
// accepts: each running instance (e.g. two vty ranges) admits what its allowed sources and access
// list permit; an access list with lines not understood may permit (May mode) and marks the result
// uncertain. A service with no recorded instance keeps `x`: the check decides whether anything
// listens. Interface restrictions (ASA nameif lists) are not evaluated: over-approximation.
struct Admitted {
  bdd packets = bddfalse;
  std::string restriction;
  bool uncertain = false;
};
Admitted admitted_by_service(const model::Device& d, const std::string& name, const bdd& x) {
  Admitted out;
  bool any = false;
  for (const auto& s : d.services) {
    if (!s.enabled || name != model::protocol_name(s.protocol)) continue;
    any = true;
    bdd a = x;
    if (!s.allowed_sources.empty()) {
      model::FilterRule from;
      from.action = model::Action::Permit;
      from.src = s.allowed_sources;
      a &= match_of(from);
      if (out.restriction.empty()) out.restriction = "allowed source addresses";
    }
    if (!s.access_filter.empty()) {
      auto f = d.filters.find(s.access_filter);
      if (f != d.filters.end() && f->second.defined) {  // undefined: IOS permits everything
        bdd may = apply_filter(f->second, a, Mode::May).permitted;
        // The two modes differ only through rules not understood: the second pass is needed then.
        bool unknown_rules = std::any_of(f->second.rules.begin(), f->second.rules.end(),
                                         [](const model::FilterRule& r) { return !r.understood; });
        if (unknown_rules && apply_filter(f->second, a, Mode::Must).permitted != may) out.uncertain = true;
        a = may;
        out.restriction = "access list " + s.access_filter;
      }
    }
    out.packets |= a;
  }
  if (!any) out.packets = x;
  return out;
}

bdd service_bdd(int protocol, int port) {
  return pkt::eq(Field::Proto, static_cast<uint32_t>(protocol)) &
         pkt::eq(Field::DstPort, static_cast<uint32_t>(port));
}

void collect_exposure(const Network& net, const ModeRuns& must, AuditResult& res) {
  const auto& snap = *net.snap;
  for (size_t ri = 0; ri < must.runs.size(); ++ri) {
    const auto& run = must.runs[ri];
    const auto& src = must.sources[ri];
    for (const auto& [dev, pkts] : run.to_device)
      for (const auto& ks : known_services()) {
        bdd x = pkts & service_bdd(ks.protocol, ks.port);
        if (x == bddfalse) continue;
        bool seen = false;
        for (const auto& e : res.device_exposure)
          seen |= e.device == snap.devices[dev].name && e.port == ks.port && e.protocol == ks.protocol;
        if (seen) continue;
        Admitted adm = admitted_by_service(snap.devices[dev], ks.name, x);
        if (adm.packets == bddfalse) continue;  // the service refuses these sources; maybe not others
        Exposure e{snap.devices[dev].name,
                   "",
                   "",
                   ks.protocol,
                   ks.port,
                   ks.name,
                   src.description,
                   kind_name(src.kind),
                   pkt::pick(adm.packets).str()};
        e.restriction = adm.restriction;
        e.restriction_uncertain = adm.uncertain;
        res.device_exposure.push_back(std::move(e));
      }
    for (size_t t = 0; t < net.targets.size(); ++t) {
      const auto& tg = net.targets[t];
      auto z = snap.zones.find(tg.zone);
      if (z == snap.zones.end() || z->second.kind != model::ZoneKind::Control) continue;
      if (run.target_reached[t] == bddfalse) continue;
      for (const auto& ks : known_services()) {
        bdd x = run.target_reached[t] & service_bdd(ks.protocol, ks.port);
        if (x == bddfalse) continue;
        bool seen = false;
        for (const auto& e : res.host_exposure)
          seen |= e.target == tg.name && e.port == ks.port && e.protocol == ks.protocol;
        if (seen) continue;
        res.host_exposure.push_back({"", tg.name, tg.zone, ks.protocol, ks.port, ks.name, src.description,
                                     kind_name(src.kind), pkt::pick(x).str()});
      }
    }
  }
}

}  // namespace

AuditResult audit_reachability(const model::Snapshot& snap, ProverRuns* keep) {
  AuditResult res;
  Network net = build_network(snap);
  res.assumptions = net.assumptions;
  PhysicalGraph pg = build_physical_graph(snap);

  // Which zones get a verdict: control zones and zones with a claim.
  std::vector<const model::Zone*> zones;
  for (const auto& [id, z] : snap.zones)
    if (z.kind == model::ZoneKind::Control || z.claim) zones.push_back(&z);

  ModeRuns must = run_mode(net, Mode::Must);
  // The May analysis differs from the Must one only where something is not understood, and
  // every such place is recorded as an unknown in both modes; with none met and no unknown
  // peer, the May runs would repeat the Must runs exactly.
  bool must_is_exact = net.unknown_peers.empty();
  for (const auto& r : must.runs) must_is_exact &= r.unknowns.empty();
  ModeRuns may_runs;
  if (!must_is_exact) may_runs = run_mode(net, Mode::May);
  const ModeRuns& may = must_is_exact ? must : may_runs;
  res.propagation_runs = static_cast<int>(must.runs.size() + may_runs.runs.size());

  for (size_t t = 0; t < net.targets.size(); ++t)
    if (must.parent_run[t] >= 0 ||
        (!net.targets[t].host.empty() &&
         model::internet_client_effective(snap.hosts.at(net.targets[t].host), snap)))
      res.pivots.push_back(net.targets[t].name);

  std::map<std::string, int> dev_index;
  for (size_t d = 0; d < snap.devices.size(); ++d) dev_index[snap.devices[d].name] = static_cast<int>(d);

  const std::vector<Reason> untrusted = untrusted_parts(snap);

  // Devices the May traffic reached: the candidate paths.
  std::set<int> touched;
  for (const auto& r : may.runs)
    for (size_t gid = 0; gid < net.ifcs.size(); ++gid)
      if (r.at_loc[gid] != bddfalse) touched.insert(net.ifcs[gid].dev);

  for (const auto* z : zones) {
    progress::report("zone verdicts", res.zones.size(), zones.size());
    ZoneVerdict v;
    v.zone = z->id;
    v.kind = z->kind;
    v.claim = z->claim;
    std::vector<int> zt;
    for (size_t t = 0; t < net.targets.size(); ++t)
      if (net.targets[t].zone == z->id) zt.push_back(static_cast<int>(t));
    auto start = zone_vertices(pg, snap, z->id);
    if (start.empty()) {
      v.verdict = Verdict::Unproven;
      v.summary = "the zone has no segment or host in the topology: nothing to prove";
      v.unproven.push_back({"", "zone " + z->id + " has no segment or host", z->src_ref});
      res.zones.push_back(std::move(v));
      continue;
    }
    auto comp = component(pg, start);
    std::set<std::string> comp_devices;
    for (int vtx : comp) {
      const auto& name = pg.vertices[vtx];
      if (name.rfind("device ", 0) == 0) {
        comp_devices.insert(name.substr(7));
        v.component.push_back(name);
      } else if (name.rfind("segment ", 0) == 0) {
        v.component.push_back(name);
      } else if (name.rfind("link ", 0) == 0) {
        for (const char* k : {" ip-vpn", " entry-vpn", " wide-area-ethernet", " own-line", " leased-line"})
          if (name.find(k) != std::string::npos) v.carriers.push_back(name.substr(name.find(' ', 5) + 1));
      }
    }
    // Unknown peers in the component.
    std::vector<Reason> unknown_peers;
    for (int gid : net.unknown_peers) {
      const auto& dev = net.device(net.ifcs[gid].dev);
      if (!comp_devices.count(dev.name)) continue;
      if (auto why = net.unknown_peer_why.find(gid); why != net.unknown_peer_why.end()) {
        unknown_peers.push_back({dev.name, why->second.first, why->second.second});
        continue;
      }
      unknown_peers.push_back({dev.name,
                               "interface " + net.interface(gid).name +
                                   " is up and addressed but its peer is unknown (no link, no segment)",
                               net.interface(gid).src_ref});
    }
    // Devices of the component whose configuration cannot be trusted as a whole: no verdict of
    // isolation may rest on them.
    std::vector<Reason> doubts;
    for (const auto& u : untrusted)
      if (comp_devices.count(u.device)) doubts.push_back(u);
    bool internet = comp.count(pg.internet) > 0;
    if (!internet) {
      if (unknown_peers.empty() && doubts.empty()) {
        v.verdict = Verdict::Closed;
        v.summary = "no physical path to any internet point";
      } else {
        v.verdict = Verdict::Unproven;
        v.summary = unknown_peers.empty()
                        ? "no known physical path to the internet, but a configuration in the component "
                          "cannot be trusted as a whole"
                        : "no known physical path to the internet, but interfaces with unknown peers";
        v.unproven = unknown_peers;
        v.unproven.insert(v.unproven.end(), doubts.begin(), doubts.end());
      }
      res.zones.push_back(std::move(v));
      continue;
    }
    v.physical_path = path_to_internet(pg, start);

    // REACHABLE: a certain flow, the earliest run (shortest chain) first; with a damaged device in
    // the component, only a flow that does not cross one is certain.
    std::optional<Flow> certain;
    std::vector<Reason> crossing;
    if (doubts.empty()) {
      int best_run = -1, best_target = -1;
      for (int t : zt)
        for (size_t ri = 0; ri < must.runs.size(); ++ri)
          if (must.runs[ri].target_reached[t] != bddfalse) {
            if (best_run < 0 || static_cast<int>(ri) < best_run)
              best_run = static_cast<int>(ri), best_target = t;
            break;
          }
      if (best_run >= 0) certain = chain_to(net, must, best_target, best_run);
    } else {
      certain = certain_flow_avoiding_damage(net, must, zt, crossing);
    }
    // A host of the zone that itself uses the internet (e-mail, web) is a foothold already.
    for (int t : zt) {
      const auto& tg = net.targets[t];
      if (tg.host.empty() || !model::internet_client_effective(snap.hosts.at(tg.host), snap)) continue;
      v.verdict = Verdict::Reachable;
      FlowStep step;
      step.source_kind = "pivot";
      step.source = "host " + tg.name + " uses the internet (internet_client)";
      step.target = tg.name;
      v.flows.push_back({{step}});
      v.summary =
          "host " + tg.name + " of the zone uses the internet (e-mail, web): a foothold inside the zone";
      break;
    }
    if (v.verdict == Verdict::Reachable) {
      res.zones.push_back(std::move(v));
      continue;
    }
    if (certain) {
      v.verdict = Verdict::Reachable;
      v.flows.push_back(std::move(*certain));
      v.summary = "a flow started from " + v.flows.front().chain.front().source + " reaches " +
                  v.flows.front().chain.back().target;
      res.zones.push_back(std::move(v));
      continue;
    }

    // Possible flows (May): the proof failed because of something not understood.
    bool may_reaches = false;
    for (int t : zt)
      for (const auto& r : may.runs) may_reaches |= r.target_reached[t] != bddfalse;
    std::vector<Reason> reasons;
    if (may_reaches) {
      std::set<std::string> seen;
      for (const auto& r : may.runs)
        for (const auto& [key, u] : r.unknowns) {
          const auto& dn = snap.devices[u.dev].name;
          if (!comp_devices.count(dn) || !seen.insert(key).second) continue;
          reasons.push_back({dn, u.text, u.ref});
        }
      for (auto& r : unknown_peers) reasons.push_back(r);
      // Lines not understood that may change forwarding, on the devices traffic went through.
      for (int d : touched)
        if (comp_devices.count(snap.devices[d].name)) not_understood_on(snap.devices[d], true, reasons);
      if (reasons.empty())
        reasons.push_back({"", "a flow is possible only under over-approximations (see assumptions)", {}});
    }
    // IPv6: not modelled. A path of IPv6-enabled interfaces to the internet defeats the proof.
    auto v6 = path_to_internet(pg, start, /*ipv6_only=*/true);
    if (!v6.empty()) {
      for (const auto& step : v6)
        if (step.vertex.rfind("interface ", 0) == 0) {
          reasons.push_back({"",
                             "IPv6 is configured on " + step.vertex.substr(10) +
                                 ", on a path from the internet; IPv6 forwarding is not modelled",
                             step.ref});
        }
    }
    // Lines not understood in a forwarding context on candidate-path devices are reasons too,
    // even when the may-analysis found no flow.
    if (!may_reaches)
      for (int d : touched)
        if (comp_devices.count(snap.devices[d].name)) not_understood_on(snap.devices[d], false, reasons);
    // Damaged configurations first: they are the root cause of everything else they touch.
    reasons.insert(reasons.begin(), crossing.begin(), crossing.end());
    reasons.insert(reasons.begin(), doubts.begin(), doubts.end());
    if (!reasons.empty()) {
      v.verdict = Verdict::Unproven;
      v.unproven = std::move(reasons);
      v.summary = !doubts.empty() ? "no verdict of isolation can rest on " + doubts.front().device +
                                        ": its configuration cannot be trusted as a whole"
                  : may_reaches
                      ? "a flow from the internet may reach the zone, through something not understood"
                      : "no flow found, but the proof rests on something not understood";
      res.zones.push_back(std::move(v));
      continue;
    }

    // FIREWALL_ONLY: what stopped the packets heading for the zone.
    v.verdict = Verdict::FirewallOnly;
    v.summary = "a physical path to the internet exists; no flow from the internet reaches the zone";
    bdd zone_dst = bddfalse;
    for (int t : zt) zone_dst |= net.targets[t].accepts;  // addresses and listening services
    std::map<std::string, BlockingItem> blocking;
    for (const auto& r : may.runs)
      for (const auto& [key, d] : r.drops) {
        bdd toward = d.dropped & zone_dst;
        if (toward == bddfalse) continue;
        auto& b = blocking[key];
        std::vector<SourceRef> refs = d.refs;
        if (b.device.empty()) {
          b.device = snap.devices[d.dev].name;
          b.interface = d.ifc >= 0 ? net.interface(d.ifc).name : "(VPN)";
          b.what = d.what;
          pkt::Packet example = pkt::pick(toward);
          b.example = example.str();
          if (d.filter) {
            // The line that denies the example packet (or the filter's implicit deny).
            int i = first_match(d.filter->rules, example);
            refs = {i >= 0 ? d.filter->rules[i]->src_ref : d.filter_ref};
          }
        }
        for (const auto& ref : refs) {
          bool seen = false;
          for (const auto& e : b.refs) seen |= e.file == ref.file && e.line == ref.line;
          if (!seen) b.refs.push_back(ref);
        }
      }
    for (auto& [_, b] : blocking) v.blocking.push_back(std::move(b));
    res.zones.push_back(std::move(v));
  }

  collect_exposure(net, must, res);

  // Control-zone hosts that can open connections to the internet (a finding of its own).
  std::vector<int> control_targets;
  for (size_t t = 0; t < net.targets.size(); ++t) {
    auto z = snap.zones.find(net.targets[t].zone);
    if (z != snap.zones.end() && z->second.kind == model::ZoneKind::Control && !net.targets[t].host.empty())
      control_targets.push_back(static_cast<int>(t));
  }
  if (!control_targets.empty()) {
    Source s = pivot_source(net, control_targets, "control-zone hosts", {});
    s.no_source_nat = true;  // to see which host's packets leave, keep their source address
    RunResult r = propagate(net, s, Mode::Must);
    ++res.propagation_runs;
    for (int t : control_targets) {
      bdd src = bddfalse;
      for (auto a : net.targets[t].address_list) src |= pkt::eq(Field::SrcIp, a);
      bdd out = r.to_internet & src;
      if (out != bddfalse) res.control_to_internet.push_back({net.targets[t].name, pkt::pick(out).str()});
    }
  }
  res.bdd_nodes = pkt::node_count();
  res.shadowed = std::move(net.shadowed);
  if (keep) {
    keep->may_is_must = must_is_exact;
    keep->must = std::move(must);
    keep->may = std::move(may_runs);
    keep->net = std::make_unique<Network>(std::move(net));
  }
  return res;
}

}  // namespace gp::reach
