#include "model/reachability/filter_bdd.h"

#include "model/reachability/rule_tree.h"
#include "model/reachability/shadowed_rules.h"

namespace gp::reach {

using pkt::Field;

namespace {

bdd addr_any_of(const std::vector<AddrMatch>& list, Field f) {
  bdd r = bddfalse;
  for (const auto& m : list) r |= pkt::wildcard(f, m.addr, m.wildcard);
  return r;
}

bdd ports_any_of(const std::vector<model::PortRange>& list, Field f) {
  if (list.empty()) return bddtrue;
  bdd r = bddfalse;
  for (const auto& p : list) r |= pkt::range(f, p.lo, p.hi);
  return r;
}

bdd service_of(const model::ServiceMatch& s) {
  bdd r = bddtrue;
  if (s.protocol) {
    r &= pkt::eq(Field::Proto, static_cast<uint32_t>(*s.protocol));
    if (*s.protocol == model::proto::kTcp || *s.protocol == model::proto::kUdp) {
      r &= ports_any_of(s.src_ports, Field::SrcPort) & ports_any_of(s.dst_ports, Field::DstPort);
    }
    if (*s.protocol == model::proto::kIcmp) {
      if (s.icmp_type) r &= pkt::eq(Field::IcmpType, static_cast<uint32_t>(*s.icmp_type));
      if (s.icmp_code) r &= pkt::eq(Field::IcmpCode, static_cast<uint32_t>(*s.icmp_code));
    }
    if (s.established_only && *s.protocol == model::proto::kTcp) r &= pkt::eq(Field::TcpEst, 1);
  }
  return r;
}

bool rule_matches(const model::FilterRule& r, const pkt::Packet& p) {
  auto addr_ok = [](const std::vector<AddrMatch>& l, Ipv4 a) {
    for (const auto& m : l)
      if (m.matches(a)) return true;
    return false;
  };
  if (!addr_ok(r.src, p.src) || !addr_ok(r.dst, p.dst)) return false;
  for (const auto& s : r.services) {
    if (!s.protocol) return true;
    if (*s.protocol != p.proto) continue;
    auto in = [](const std::vector<model::PortRange>& l, uint16_t v) {
      if (l.empty()) return true;
      for (const auto& pr : l)
        if (v >= pr.lo && v <= pr.hi) return true;
      return false;
    };
    if (p.proto == model::proto::kTcp || p.proto == model::proto::kUdp) {
      if (!in(s.src_ports, p.sport) || !in(s.dst_ports, p.dport)) continue;
    }
    if (p.proto == model::proto::kIcmp) {
      if (s.icmp_type && *s.icmp_type != p.icmp_type) continue;
      if (s.icmp_code && *s.icmp_code != p.icmp_code) continue;
    }
    if (s.established_only && p.proto == model::proto::kTcp && !p.established) continue;
    return true;
  }
  return false;
}

}  // namespace

bdd match_of(const model::FilterRule& r) {
  bdd svc = bddfalse;
  for (const auto& s : r.services) svc |= service_of(s);
  return addr_any_of(r.src, Field::SrcIp) & addr_any_of(r.dst, Field::DstIp) & svc;
}

FilterOutcome apply_rules(const std::vector<const model::FilterRule*>& rules, model::Action default_action,
                          const bdd& in, Mode mode) {
  FilterOutcome out{bddfalse, bddfalse, {}, {}};
  bdd remaining = in;
  for (size_t i = 0; i < rules.size() && remaining != bddfalse; ++i) {
    const auto& r = *rules[i];
    if (r.inactive) continue;
    if (!r.understood) {
      // What the device does with this line is unknown: it could match anything.
      out.unknown_touched.push_back(static_cast<int>(i));
      if (mode == Mode::May) {
        out.permitted |= remaining;  // may permit all of it; what it does not match goes on
      } else {
        out.denied |= remaining;  // may deny all of it
        out.deciding_denies.push_back(static_cast<int>(i));
        remaining = bddfalse;
      }
      continue;
    }
    bdd hit = remaining & match_of(r);
    if (hit == bddfalse) continue;
    if (r.action == model::Action::Permit) {
      out.permitted |= hit;
    } else {
      out.denied |= hit;
      out.deciding_denies.push_back(static_cast<int>(i));
    }
    remaining -= hit;
  }
  if (remaining != bddfalse) {
    if (default_action == model::Action::Permit) {
      out.permitted |= remaining;
    } else {
      out.denied |= remaining;
      out.deciding_denies.push_back(-1);
    }
  }
  // In May mode a packet can be both "permitted" (via an unknown rule) and later denied;
  // permitted wins, since it is an upper bound.
  out.denied -= out.permitted;
  return out;
}

FilterOutcome apply_filter(const model::Filter& f, const bdd& in, Mode mode) {
  std::vector<const model::FilterRule*> rules;
  rules.reserve(f.rules.size());
  for (const auto& r : f.rules) rules.push_back(&r);
  return apply_rules(rules, f.default_action, in, mode);
}

namespace {

// One mode's fold (rule_tree.h). A rule not understood may permit everything that reaches it and
// let it go on (May), or drop everything that reaches it (Must). `scan`: the shadowed-rule pass
// rides along (its leaves are the May fold's: rules not understood and inactive match nothing).
void fold_mode(CompiledFilter& c, const std::vector<bdd>& match, Mode mode, model::Action default_action,
               ShadowScan* scan) {
  const int m = static_cast<int>(mode);
  PrefixStack stack;
  for (size_t i = 0; i < c.rules.size(); ++i) {
    const auto& r = *c.rules[i];
    if (scan) shadow_step(*scan, i, stack);
    if (r.inactive) {
      push_rule(stack, bddfalse, bddfalse);
    } else if (!r.understood) {
      c.unknown_reach[m].push_back(bddtrue - prefix_union(stack));
      mode == Mode::May ? push_rule(stack, bddfalse, bddtrue) : push_rule(stack, bddtrue, bddfalse);
    } else {
      push_rule(stack, match[i], r.action == model::Action::Permit ? match[i] : bddfalse);
    }
  }
  RuleRange all = fold_all(stack);
  c.permit[m] = all.permitted;
  if (default_action == model::Action::Permit) c.permit[m] |= bddtrue - all.matched;
}

}  // namespace

CompiledFilter compile_rules(const std::vector<const model::FilterRule*>& rules, model::Action default_action,
                             std::optional<std::vector<ShadowedRule>>* shadowed) {
  CompiledFilter c;
  c.rules = rules;
  std::vector<bdd> match(rules.size(), bddfalse);
  bool in_order = true;
  for (size_t i = 0; i < rules.size(); ++i) {
    const auto& r = *rules[i];
    in_order &= !r.outside_list_order && r.in_interfaces.empty() && r.out_interfaces.empty();
    if (r.inactive) continue;
    if (!r.understood) {
      c.unknown.push_back(static_cast<int>(i));
      continue;
    }
    match[i] = match_of(r);
  }
  std::optional<ShadowScan> scan;
  if (shadowed && in_order) scan.emplace(ShadowScan{rules, match, {}, {}});
  fold_mode(c, match, Mode::May, default_action, scan ? &*scan : nullptr);
  // The modes differ only through rules not understood.
  const int must = static_cast<int>(Mode::Must), may = static_cast<int>(Mode::May);
  if (c.unknown.empty())
    c.permit[must] = c.permit[may];
  else
    fold_mode(c, match, Mode::Must, default_action, nullptr);
  if (scan) *shadowed = shadow_finish(*scan);
  return c;
}

FilterOutcome apply_compiled(const CompiledFilter& f, const bdd& in, Mode mode) {
  const int m = static_cast<int>(mode);
  FilterOutcome out{in & f.permit[m], bddfalse, {}, {}};
  out.denied = in - f.permit[m];
  for (size_t k = 0; k < f.unknown.size(); ++k)
    if ((in & f.unknown_reach[m][k]) != bddfalse) out.unknown_touched.push_back(f.unknown[k]);
  return out;
}

int first_match(const std::vector<const model::FilterRule*>& rules, const pkt::Packet& p) {
  for (size_t i = 0; i < rules.size(); ++i) {
    const auto& r = *rules[i];
    if (r.inactive || !r.understood) continue;
    if (rule_matches(r, p)) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace gp::reach
