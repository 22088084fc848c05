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
  if (i >= 0)
    hop.facts.push_back({where + " filter " + fname + " " + rule_text(*rules[i]), rules[i]->src_ref});
  else
    hop.facts.push_back({where + " filter " + fname + " default action (" +
                             (it->second.default_action == model::Action::Permit ? "permit" : "deny") + ")",
                         it->second.src_ref});
}

}  // namespace

std::optional<Trace> trace_to(const Network& net, const RunResult& run, int target) {
  bdd reached = run.target_reached[target];
  if (reached == bddfalse) return std::nullopt;
  pkt::Packet p = pkt::pick(reached);
  Trace trace;
  trace.last = p;
  int loc = target_loc(net, target);
  int before = 1 << 30;
  std::vector<TraceHop> reversed;
  for (int guard = 0; guard < 10000; ++guard) {
    const Transition* t = earliest_into(run, loc, pkt::of(p), before);
    if (!t) break;
    const int seq = t->seq, from_loc = t->from_loc;
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
      TraceHop hop;
      const auto& d = net.device(t->dev);
      hop.device = d.name;
      hop.in_interface = t->in_ifc >= 0 ? net.interface(t->in_ifc).name : "(VPN, after decryption)";
      hop.out_interface = t->out_ifc >= 0 ? net.interface(t->out_ifc).name : "";
      hop.packet_in = p_in;
      hop.packet_out = p;
      const model::Interface* in = t->in_ifc >= 0 ? &net.interface(t->in_ifc) : nullptr;
      const model::Interface* out = t->out_ifc >= 0 ? &net.interface(t->out_ifc) : nullptr;
      if (in) hop.facts.push_back({"in on " + in->name, in->src_ref});
      if (t->acl_bypassed) hop.facts.push_back({"VPN traffic bypasses interface access-lists", {}});
      filter_fact(net, t->dev, t->vpn_filter, p_in, "vpn", hop);
      // The ingress filter sees the packet before NAT on routers, after destination NAT on
      // firewalls; the egress filter sees it after NAT.
      pkt::Packet acl_view = p_in;
      if (d.stateful) {
        acl_view.dst = p.dst;
        acl_view.dport = p.dport;
      }
      if (in && !t->acl_bypassed) {
        filter_fact(net, t->dev, in->filter_in, acl_view, "in", hop);
        if (d.stateful) filter_fact(net, t->dev, d.global_filter, acl_view, "global", hop);
        if (d.stateful && in->filter_in.empty() && d.global_filter.empty() && out)
          hop.facts.push_back({"security level " + std::to_string(in->security_level.value_or(0)) + " -> " +
                                   std::to_string(out->security_level.value_or(0)) +
                                   " permitted without an access-list",
                               in->src_ref});
      }
      if (!d.forward_filter.empty() && out) {
        auto fit = d.filters.find(d.forward_filter);
        if (fit != d.filters.end()) {
          auto in_scope = [](const std::vector<std::string>& names, const model::Interface* i) {
            if (names.empty()) return true;
            for (const auto& n : names)
              if (i && (n == i->name || n == i->nameif || (!i->zone.empty() && n == i->zone))) return true;
            return false;
          };
          std::vector<const model::FilterRule*> rules;
          for (const auto& r : fit->second.rules)
            if (in_scope(r.in_interfaces, in) && in_scope(r.out_interfaces, out)) rules.push_back(&r);
          int i = first_match(rules, acl_view);
          if (i >= 0)
            hop.facts.push_back(
                {"policy " + d.forward_filter + " " + rule_text(*rules[i]), rules[i]->src_ref});
        }
      }
      for (const auto* n : t->nat) hop.facts.push_back({"NAT: " + n->text, n->src_ref});
      if (t->route) hop.facts.push_back({"route: " + t->route->description, t->route->ref});
      if (out) {
        hop.facts.push_back({"out on " + out->name, out->src_ref});
        filter_fact(net, t->dev, out->filter_out, p, "out", hop);
      }
      hop.action = "forwarded " + p_in.str() +
                   (p_in.dst != p.dst || p_in.src != p.src || p_in.dport != p.dport ? " as " + p.str() : "");
      reversed.push_back(std::move(hop));
    }
    p = p_in;
    before = seq;
    if (from_loc < 0) break;
    loc = from_loc;
  }
  trace.first = p;
  std::reverse(reversed.begin(), reversed.end());
  trace.hops = std::move(reversed);
  return trace;
}

}  // namespace gp::reach
