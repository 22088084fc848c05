// Backward reconstruction of one concrete packet's path from the transitions a run recorded.
#include <algorithm>

#include "model/reachability/propagate.h"

namespace gp::reach {

using pkt::Field;

namespace {

const Transition* earliest_into(const RunResult& run, int loc, const bdd& p, int before_seq) {
  const Transition* best = nullptr;
  for (const auto& t : run.transitions) {
    if (t.to_loc != loc || t.seq >= before_seq) continue;
    if ((t.out & p) == bddfalse) continue;
    if (!best || t.seq < best->seq) best = &t;
  }
  return best;
}

std::string rule_text(const model::FilterRule& r) {
  return (r.action == model::Action::Permit ? "permit: " : "deny: ") + r.text;
}

// A rule not understood before the first rule that matches (`first`, -1: none) could match the
// packet and decide instead: the trace names it, since the answer then rests on it.
void unknown_before(const std::vector<const model::FilterRule*>& rules, int first, const std::string& where,
                    TraceHop& hop) {
  const int end = first < 0 ? static_cast<int>(rules.size()) : first;
  for (int k = 0; k < end; ++k)
    if (!rules[k]->inactive && !rules[k]->understood) {
      hop.facts.push_back(
          {where + " line not understood, may decide: " + rules[k]->why_not_understood, rules[k]->src_ref});
      return;
    }
}

// Facts for the trace: the filter line that decided a concrete packet.
void filter_fact(const Network& net, int dev, const std::string& fname, const pkt::Packet& p,
                 const std::string& where, TraceHop& hop) {
  if (fname.empty()) return;
  const auto& d = net.device(dev);
  auto it = d.filters.find(fname);
  if (it == d.filters.end()) return;
  std::vector<const model::FilterRule*> rules;
  for (const auto& r : it->second.rules) rules.push_back(&r);
  int i = first_match(rules, p);
  unknown_before(rules, i, where + " filter " + fname, hop);
  if (i >= 0)
    hop.facts.push_back({where + " filter " + fname + " " + rule_text(*rules[i]), rules[i]->src_ref});
  else
    hop.facts.push_back({where + " filter " + fname + " default action (" +
                             (it->second.default_action == model::Action::Permit ? "permit" : "deny") + ")",
                         it->second.src_ref});
}

// The policy rule (or default action) that decided a packet between two interfaces.
void policy_fact(const Network& net, int dev, const model::Interface* in, const model::Interface* out,
                 const pkt::Packet& p, TraceHop& hop) {
  const auto& d = net.device(dev);
  auto fit = d.filters.find(d.forward_filter);
  if (fit == d.filters.end()) return;
  auto in_scope = [](const std::vector<std::string>& names, const model::Interface* i) {
    if (names.empty()) return true;
    for (const auto& n : names)
      if (n == "any" || (i && (n == i->name || n == i->nameif || (!i->zone.empty() && n == i->zone))))
        return true;
    return false;
  };
  std::vector<const model::FilterRule*> rules;
  for (const auto& r : fit->second.rules)
    if (in_scope(r.in_interfaces, in) && in_scope(r.out_interfaces, out)) rules.push_back(&r);
  int i = first_match(rules, p);
  unknown_before(rules, i, "policy " + d.forward_filter, hop);
  if (i >= 0)
    hop.facts.push_back({"policy " + d.forward_filter + " " + rule_text(*rules[i]), rules[i]->src_ref});
  else
    hop.facts.push_back({"policy " + d.forward_filter + " default action (" +
                             (fit->second.default_action == model::Action::Permit ? "permit" : "deny") + ")",
                         fit->second.src_ref.known() ? fit->second.src_ref : d.forward_filter_ref});
}

// What hop `t` did to the packet `p_in` (before it) and `p` (after it), with the lines that decided.
TraceHop describe_hop(const Network& net, const RunResult& run, const Transition* t, const pkt::Packet& p_in,
                      const pkt::Packet& p) {
  TraceHop hop;
  const auto& d = net.device(t->dev);
  hop.device = d.name;
  const bool local = run.source && run.source->local_origin && t->in_ifc < 0;
  hop.in_interface = t->in_ifc >= 0 ? net.interface(t->in_ifc).name
                     : local        ? "(sent by the device itself)"
                                    : "(VPN, after decryption)";
  hop.out_interface = t->out_ifc >= 0 ? net.interface(t->out_ifc).name : "";
  hop.packet_in = p_in;
  hop.packet_out = p;
  const model::Interface* in = t->in_ifc >= 0 ? &net.interface(t->in_ifc) : nullptr;
  const model::Interface* out = t->out_ifc >= 0 ? &net.interface(t->out_ifc) : nullptr;
  if (in) hop.facts.push_back({"in on " + in->name, in->src_ref});
  if (t->session) {
    const bool translated =
        p_in.src != p.src || p_in.dst != p.dst || p_in.sport != p.sport || p_in.dport != p.dport;
    hop.facts.push_back({std::string("reply of the request's session") +
                             (d.stateful ? ": the session admits it" : "") +
                             (translated ? (d.stateful ? ", translated back" : ": translated back") : ""),
                         {}});
  }
  const bool unfiltered = local || (t->session && d.stateful);
  if (t->acl_bypassed && !local) hop.facts.push_back({"VPN traffic bypasses interface access-lists", {}});
  filter_fact(net, t->dev, t->vpn_filter, p_in, "vpn", hop);
  // The ingress filter sees the packet before NAT on routers, after destination NAT on
  // firewalls; the egress filter sees it after NAT.
  pkt::Packet acl_view = p_in;
  if (d.stateful) {
    acl_view.dst = p.dst;
    acl_view.dport = p.dport;
  }
  if (in && !t->acl_bypassed && !(t->session && d.stateful)) {
    filter_fact(net, t->dev, in->filter_in, d.stateful ? acl_view : p_in, "in", hop);
    if (d.stateful) filter_fact(net, t->dev, d.global_filter, acl_view, "global", hop);
    if (d.stateful && in->filter_in.empty() && d.global_filter.empty() && out)
      hop.facts.push_back({"security level " + std::to_string(in->security_level.value_or(0)) + " -> " +
                               std::to_string(out->security_level.value_or(0)) +
                               " permitted without an access-list",
                           in->src_ref});
  }
  if (!d.forward_filter.empty() && out && !unfiltered) policy_fact(net, t->dev, in, out, acl_view, hop);
  // The nat line itself (an ASA object NAT may sit under a second "object network" block).
  // Where the rule is defined elsewhere than the line that puts it to work (a Yamaha static
  // masquerade entry and its `ip pp nat descriptor`), both are cited: a change may touch either.
  for (const auto* n : t->nat) {
    hop.facts.push_back({"NAT: " + n->text, n->decided_ref.known() ? n->decided_ref : n->src_ref});
    if (n->decided_ref.known() && n->src_ref.known() &&
        (n->src_ref.file != n->decided_ref.file || n->src_ref.line != n->decided_ref.line))
      hop.facts.push_back({"NAT rule defined here", n->src_ref});
  }
  if (t->route) hop.facts.push_back({"route: " + t->route->description, t->route->ref});
  if (out) {
    hop.facts.push_back({"out on " + out->name, out->src_ref});
    if (!unfiltered) filter_fact(net, t->dev, out->filter_out, p, "out", hop);
  }
  const std::string as =
      p_in.dst != p.dst || p_in.src != p.src || p_in.dport != p.dport || p_in.sport != p.sport
          ? " as " + p.str()
          : "";
  switch (t->to_loc) {
    case kDropped: {
      hop.action = "dropped " + p.str();
      auto it = run.drops.find(t->drop_key);
      if (it != run.drops.end()) {
        const Drop& drop = it->second;
        hop.action += ": " + drop.what;
        SourceRef ref = drop.refs.empty() ? SourceRef{d.file, 0, 0} : drop.refs.front();
        std::string why = "dropped: " + drop.what;
        if (drop.filter) {
          int i = first_match(drop.filter->rules, p);
          if (i >= 0) {
            ref = drop.filter->rules[i]->src_ref;
            why += " " + rule_text(*drop.filter->rules[i]);
          } else {
            ref = drop.filter_ref;
            why += " default action (deny)";
          }
        }
        if (drop.what == "no route") why += " to " + format_ipv4(p.dst) + " in the routing table";
        // The deciding line replaces the same line shown as a filter fact above.
        std::erase_if(hop.facts, [&](const auto& f) {
          return ref.known() && f.second.file == ref.file && f.second.line == ref.line;
        });
        hop.facts.push_back({why, ref});
      }
      break;
    }
    case kToDevice:
      hop.action = "received by " + d.name + " itself: " + p_in.str() + as;
      break;
    case kToInternet:
      hop.action = "forwarded " + p_in.str() + as + " to the internet";
      break;
    case kToSubnet:
      hop.action =
          "forwarded " + p_in.str() + as + " onto the connected subnet (no host of the topology there)";
      break;
    default:
      hop.action = "forwarded " + p_in.str() + as;
  }
  return hop;
}

// Walks back from `t`, whose output holds `p`, to the source: one hop per device pass.
Trace walk_back(const Network& net, const RunResult& run, const Transition* t, pkt::Packet p) {
  Trace trace;
  trace.last = p;
  std::vector<TraceHop> reversed;
  for (int guard = 0; t && guard < 10000; ++guard) {
    const int seq = t->seq, from_loc = t->from_loc;
    const int end_kind = t->to_loc;
    if (t->batch >= 0) {
      // Several hops went onto a carrier together: take the one that carried this packet.
      for (const auto& h : run.batches[t->batch])
        if ((h.out & pkt::of(p)) != bddfalse) {
          t = &h;
          break;
        }
    }
    // The packet before this hop: forget what NAT rewrote, keep the rest.
    bdd pre = pkt::of(p);
    for (const auto& rw : t->rewrites) pre = pkt::forget_top(pre, rw.field, rw.bits);
    bdd cand = t->in_pre & pre;
    if (from_loc >= 0) cand &= run.at_loc[from_loc];
    pkt::Packet p_in = cand != bddfalse ? pkt::pick(cand) : p;
    if (t->dev >= 0) {
      Transition shown = *t;
      shown.to_loc = end_kind;  // a batched hop keeps the end it led to
      reversed.push_back(describe_hop(net, run, &shown, p_in, p));
    }
    p = p_in;
    if (from_loc < 0) break;
    t = earliest_into(run, from_loc, pkt::of(p), seq);
  }
  trace.first = p;
  std::reverse(reversed.begin(), reversed.end());
  trace.hops = std::move(reversed);
  return trace;
}

}  // namespace

std::optional<Trace> trace_to(const Network& net, const RunResult& run, int target) {
  bdd reached = run.target_reached[target];
  if (reached == bddfalse) return std::nullopt;
  pkt::Packet p = pkt::pick(reached);
  return walk_back(net, run, earliest_into(run, target_loc(net, target), pkt::of(p), 1 << 30), p);
}

Trace trace_back(const Network& net, const RunResult& run, const Transition& end, const pkt::Packet& p) {
  return walk_back(net, run, &end, p);
}

}  // namespace gp::reach
