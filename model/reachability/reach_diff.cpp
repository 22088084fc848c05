#include "model/reachability/reach_diff.h"

#include <algorithm>

#include "base/input_error.h"
#include "model/reachability/audit.h"

namespace gp::reach {

using pkt::Field;

namespace {

// The audit's words for a source kind (AuditResult flows say the same).
const char* kind_word(Source::Kind k) {
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

bool is_control(const model::Snapshot& snap, const std::string& zone) {
  auto z = snap.zones.find(zone);
  return z != snap.zones.end() && z->second.kind == model::ZoneKind::Control;
}

std::string ip_range(const pkt::ValueRange& r) {
  const uint64_t n = static_cast<uint64_t>(r.hi) - r.lo + 1;
  if ((n & (n - 1)) == 0 && (r.lo & (n - 1)) == 0) {  // a CIDR block
    int len = 32;
    for (uint64_t m = n; m > 1; m >>= 1) --len;
    return len == 32 ? format_ipv4(r.lo) : format_ipv4(r.lo) + "/" + std::to_string(len);
  }
  return format_ipv4(r.lo) + " - " + format_ipv4(r.hi);
}

std::vector<std::string> ip_ranges(const bdd& s, Field f, size_t max) {
  bool more = false;
  std::vector<std::string> out;
  for (const auto& r : pkt::value_ranges(s, f, max, &more)) out.push_back(ip_range(r));
  if (more) out.push_back("and more");
  return out;
}

std::string service_name(int proto, uint32_t port) {
  for (const auto& k : known_services())
    if (k.protocol == proto && static_cast<uint32_t>(k.port) == port) return std::string(" (") + k.name + ")";
  return "";
}

// Services of a packet set: per protocol, its destination ports (ICMP: types), exactly.
std::vector<std::string> services_of(const bdd& d) {
  std::vector<std::string> out;
  for (int proto : {6, 17, 1}) {
    const bdd sub = d & pkt::eq(Field::Proto, static_cast<uint32_t>(proto));
    if (sub == bddfalse) continue;
    const std::string name = proto == 6 ? "tcp" : proto == 17 ? "udp" : "icmp";
    const Field f = proto == 1 ? Field::IcmpType : Field::DstPort;
    bool more = false;
    auto ranges = pkt::value_ranges(sub, f, 8, &more);
    const uint32_t top = proto == 1 ? 255 : 65535;
    if (ranges.size() == 1 && ranges[0].lo == 0 && ranges[0].hi == top) {
      out.push_back(name + (proto == 1 ? " any type" : " any port"));
      continue;
    }
    for (const auto& r : ranges) {
      std::string s = name + (proto == 1 ? " type " : " ") + std::to_string(r.lo);
      if (r.hi != r.lo) s += "-" + std::to_string(r.hi);
      if (r.hi == r.lo && proto != 1) s += service_name(proto, r.lo);
      out.push_back(std::move(s));
    }
    if (more) out.push_back(name + " and more");
  }
  const bdd rest = d - (pkt::eq(Field::Proto, 6) | pkt::eq(Field::Proto, 17) | pkt::eq(Field::Proto, 1));
  if (rest != bddfalse) {
    bool more = false;
    auto ranges = pkt::value_ranges(rest, Field::Proto, 4, &more);
    std::string s = "ip protocol";
    for (const auto& r : ranges)
      s += " " + std::to_string(r.lo) + (r.hi != r.lo ? "-" + std::to_string(r.hi) : "");
    out.push_back(s + (more ? " and more" : ""));
  }
  return out;
}

std::vector<std::string> sources_of(const bdd& d, const std::string& kind, const Network& net) {
  const bdd src = pkt::project(d, Field::SrcIp);
  if (kind == "internet" || kind == "unknown-peer") {
    const bdd inet = pkt::project(net.internet_sources, Field::SrcIp);
    if ((inet - src) == bddfalse) {
      std::vector<std::string> out = {"any address outside owned"};
      const bdd rest = src - inet;
      if (rest != bddfalse)
        for (auto& r : ip_ranges(rest, Field::SrcIp, 6)) out.push_back(std::move(r));
      return out;
    }
  }
  return ip_ranges(src, Field::SrcIp, 6);
}

// The example to show: a known service when there is one (what an engineer recognises), an
// echo request rather than another ICMP type.
bdd example_set(const bdd& d) {
  for (const auto& k : known_services()) {
    bdd x = d & pkt::eq(Field::Proto, static_cast<uint32_t>(k.protocol)) &
            pkt::eq(Field::DstPort, static_cast<uint32_t>(k.port));
    if (x != bddfalse) return x;
  }
  bdd echo = d & pkt::eq(Field::Proto, 1) & pkt::eq(Field::IcmpType, 8);
  return echo != bddfalse ? echo : d;
}

int target_index(const Network& net, const std::string& name) {
  for (size_t t = 0; t < net.targets.size(); ++t)
    if (net.targets[t].name == name) return static_cast<int>(t);
  return -1;
}

// The trace of delivered packet `p` to target `t` in a run of this kind (Must runs first).
std::optional<Trace> trace_of(const ProverRuns& runs, int t, const std::string& kind, const pkt::Packet& p) {
  const Network& net = *runs.net;
  const int loc = target_loc(net, t);
  for (const ModeRuns* m : {&runs.must, &runs.may_runs()})
    for (size_t i = 0; i < m->runs.size(); ++i) {
      if (kind_word(m->sources[i].kind) != kind) continue;
      for (const auto& tr : m->runs[i].transitions)
        if (tr.to_loc == loc && pkt::contains(tr.out, p)) return trace_back(net, m->runs[i], tr, p);
    }
  return std::nullopt;
}

struct Side {
  const model::Snapshot& snap;
  const ProverRuns& runs;
  const std::map<std::string, TargetReach>& reach;
};

void explain(FlowChange& c, const Side& from, const Side& other) {
  const Network& net = *from.runs.net;
  const int t = target_index(net, c.target);
  const pkt::Packet delivered = pkt::pick(example_set(c.packets));
  c.trace = trace_of(from.runs, t, c.source_kind, delivered);
  if (!c.trace) return;
  const pkt::Packet& sent = c.trace->first;
  if (c.source_kind == "pivot") {
    for (const auto& tg : net.targets)
      if (std::count(tg.address_list.begin(), tg.address_list.end(), sent.src)) c.pivot_host = tg.name;
    const int ot = target_index(*other.runs.net, c.pivot_host);
    if (ot >= 0) {
      const auto& otg = other.runs.net->targets[ot];
      c.pivot_on_other_side =
          other.runs.must.parent_run[ot] >= 0 ||
          (!otg.host.empty() && model::internet_client_effective(other.snap.hosts.at(otg.host), other.snap));
    }
  }
  if (sent.proto != 1 && sent.proto != 6 && sent.proto != 17) {
    c.other_error = "only tcp, udp and icmp packets are traced";
    return;
  }
  FlowQuery q;
  q.from = format_ipv4(sent.src);
  q.to = sent.dst;
  q.proto = sent.proto;
  if (sent.proto != 1) q.sport = sent.sport, q.dport = sent.dport;
  try {
    c.other = trace_flow(other.snap, q);
  } catch (const InputError& e) {
    c.other_error = e.what();
  }
}

// Source addresses of the hosts `side` treats as pivots (reached from the internet, or internet
// clients). Segments without declared hosts are left out: their flows count as from new pivots.
bdd pivot_sources(const Side& side) {
  const Network& net = *side.runs.net;
  bdd out = bddfalse;
  for (size_t t = 0; t < net.targets.size(); ++t) {
    const auto& tg = net.targets[t];
    const bool pivot =
        side.runs.must.parent_run[t] >= 0 ||
        (!tg.host.empty() && model::internet_client_effective(side.snap.hosts.at(tg.host), side.snap));
    if (!pivot) continue;
    for (auto a : tg.address_list) out |= pkt::eq(Field::SrcIp, a);
  }
  return out;
}

// What reaches a control target on `from` and not on `other`. Flows from pivots are split: from
// hosts the other side reached too (the change opened this hop itself) and from hosts only this
// side reaches (a consequence of a way in opened elsewhere).
std::vector<FlowChange> one_way(const Side& from, const Side& other) {
  std::vector<FlowChange> out;
  const bdd old_pivots = pivot_sources(other);
  for (const auto& [name, tr] : from.reach) {
    auto o = other.reach.find(name);
    for (const auto& [kind, f] : tr.by_kind) {
      KindReach ok;
      if (o != other.reach.end()) {
        auto k = o->second.by_kind.find(kind);
        if (k != o->second.by_kind.end()) ok = k->second;
      }
      const bdd certain = f.must - ok.may;
      const bdd possible = ((f.must - ok.must) | (f.may - ok.may)) - certain;
      for (const bdd* d : {&certain, &possible})
        for (int part = 0; part < (kind == "pivot" ? 2 : 1); ++part) {
          const bdd x = kind != "pivot" ? *d : part == 0 ? (*d & old_pivots) : (*d - old_pivots);
          if (x == bddfalse) continue;
          FlowChange c;
          c.zone = tr.zone;
          c.target = name;
          c.source_kind = kind;
          c.certain = d == &certain;
          c.pivot_on_other_side = kind == "pivot" && part == 0;
          c.packets = x;
          c.services = services_of(x);
          c.sources = sources_of(x, kind, *from.runs.net);
          c.destinations = ip_ranges(x, Field::DstIp, 6);
          explain(c, from, other);
          out.push_back(std::move(c));
        }
    }
  }
  return out;
}

}  // namespace

std::map<std::string, TargetReach> control_reach(const model::Snapshot& snap, const ProverRuns& runs) {
  const Network& net = *runs.net;
  std::map<std::string, TargetReach> out;
  std::vector<int> control;
  for (size_t t = 0; t < net.targets.size(); ++t)
    if (is_control(snap, net.targets[t].zone)) {
      control.push_back(static_cast<int>(t));
      out[net.targets[t].name].zone = net.targets[t].zone;
    }
  auto add = [&](const ModeRuns& m, bool must) {
    for (size_t i = 0; i < m.runs.size(); ++i)
      for (int t : control) {
        const bdd& x = m.runs[i].target_reached[t];
        if (x == bddfalse) continue;
        auto& k = out[net.targets[t].name].by_kind[kind_word(m.sources[i].kind)];
        (must ? k.must : k.may) |= x;
      }
  };
  add(runs.must, true);
  add(runs.may_runs(), false);
  for (auto& [_, tr] : out)
    for (auto& [_k, k] : tr.by_kind) k.may |= k.must;  // what must pass, may
  return out;
}

ReachDiff diff_reach(const model::Snapshot& before, const ProverRuns& b, const model::Snapshot& after,
                     const ProverRuns& a) {
  const auto rb = control_reach(before, b), ra = control_reach(after, a);
  const Side sb{before, b, rb}, sa{after, a, ra};
  ReachDiff d;
  d.opened = one_way(sa, sb);
  d.closed = one_way(sb, sa);
  // The hops the change itself opened or closed first; flows that follow from pivots reached only
  // on one side after them.
  auto direct_first = [](std::vector<FlowChange>& v) {
    std::stable_partition(v.begin(), v.end(), [](const FlowChange& c) {
      return c.source_kind != "pivot" || c.pivot_on_other_side;
    });
  };
  direct_first(d.opened);
  direct_first(d.closed);
  return d;
}

}  // namespace gp::reach
