#include "model/reachability/shadowed_rules.h"

#include <algorithm>

namespace gp::reach {

namespace {

// Rule `e` applies to every (ingress, egress) pair rule `r` applies to (forward policies scope
// rules by interface; ACL rules have no scope).
bool scope_covers(const model::FilterRule& e, const model::FilterRule& r) {
  auto covers = [](const std::vector<std::string>& outer, const std::vector<std::string>& inner) {
    if (outer.empty()) return true;
    if (inner.empty()) return false;
    for (const auto& x : inner)
      if (std::find(outer.begin(), outer.end(), x) == outer.end()) return false;
    return true;
  };
  return covers(e.in_interfaces, r.in_interfaces) && covers(e.out_interfaces, r.out_interfaces);
}

// False only when no packet can match both rules (field by field, without BDDs): lets the
// search for covering rules skip most of a long list.
bool may_overlap(const model::FilterRule& a, const model::FilterRule& b) {
  auto addrs = [](const std::vector<AddrMatch>& x, const std::vector<AddrMatch>& y) {
    for (const auto& p : x)
      for (const auto& q : y)
        if (((p.addr ^ q.addr) & ~p.wildcard & ~q.wildcard) == 0) return true;
    return false;
  };
  auto ports = [](const std::vector<model::PortRange>& x, const std::vector<model::PortRange>& y) {
    if (x.empty() || y.empty()) return true;
    for (const auto& p : x)
      for (const auto& q : y)
        if (p.lo <= q.hi && q.lo <= p.hi) return true;
    return false;
  };
  auto services = [&](const model::ServiceMatch& s, const model::ServiceMatch& t) {
    if (!s.protocol || !t.protocol) return true;
    if (*s.protocol != *t.protocol) return false;
    if (*s.protocol == model::proto::kTcp || *s.protocol == model::proto::kUdp)
      return ports(s.dst_ports, t.dst_ports) && ports(s.src_ports, t.src_ports);
    if (*s.protocol == model::proto::kIcmp)
      return !s.icmp_type || !t.icmp_type || *s.icmp_type == *t.icmp_type;
    return true;
  };
  if (!addrs(a.src, b.src) || !addrs(a.dst, b.dst)) return false;
  for (const auto& s : a.services)
    for (const auto& t : b.services)
      if (services(s, t)) return true;
  return false;
}

// Rule i can never match when the earlier rules' union covers it. Most rules are not covered,
// and a concrete packet of the rule that no earlier rule matches proves it without a BDD
// operation (a path walk per prefix range); only when every sample point is covered is the
// exact set difference computed. A rule mostly covered (say by an earlier `established` permit)
// needs more points to find an uncovered one; each costs a few walks.
bool covered_by_earlier(const PrefixStack& before, size_t i, const bdd& m) {
  constexpr int kSamples = 64;
  for (int k = 0; k < kSamples; ++k)
    if (!prefix_contains(before, pkt::sample_point(m, (static_cast<uint64_t>(i) << 6) + k))) return false;
  bdd rest = m;
  for (const auto& r : before.ranges) {
    rest -= r.matched;
    if (rest == bddfalse) return true;
  }
  return false;
}

ShadowKind kind_of(const std::vector<const model::FilterRule*>& rules, const std::vector<size_t>& covering,
                   model::Action action) {
  bool same = false, opposite = false;
  for (size_t j : covering) (rules[j]->action == action ? same : opposite) = true;
  return same && !opposite   ? ShadowKind::SameAction
         : opposite && !same ? ShadowKind::OppositeAction
                             : ShadowKind::Mixed;
}

// Forward policies: only the earlier rules covering the later rule's interface pairs count, so
// the union is recomputed per rule (hundreds of rules, not 10^5).
std::vector<ShadowedRule> shadowed_in_scoped(const std::vector<const model::FilterRule*>& rules,
                                             const std::vector<bdd>& match) {
  std::vector<ShadowedRule> found;
  for (size_t i = 0; i < rules.size(); ++i) {
    const auto& r = *rules[i];
    const bdd m = match[i];
    if (!shadow_analysable(r) || m == bddfalse) continue;
    auto counts = [&](size_t j) { return shadow_analysable(*rules[j]) && scope_covers(*rules[j], r); };
    bdd earlier = bddfalse;
    for (size_t j = 0; j < i; ++j)
      if (counts(j)) earlier |= match[j];
    if ((m - earlier) != bddfalse) continue;
    std::vector<size_t> covering;
    for (size_t j = 0; j < i && covering.empty(); ++j)
      if (counts(j) && match[j] == m) covering = {j};  // a duplicate is named alone
    if (covering.empty()) {
      bdd cov = bddfalse;
      for (size_t j = 0; j < i && (m - cov) != bddfalse; ++j) {
        if (!counts(j)) continue;
        bdd x = (match[j] & m) - cov;
        if (x == bddfalse) continue;
        cov |= x;
        covering.push_back(j);
      }
    }
    found.push_back({i, covering, kind_of(rules, covering, r.action)});
  }
  return found;
}

}  // namespace

bool shadow_analysable(const model::FilterRule& r) {
  return r.understood && !r.inactive && !r.outside_list_order;
}

void shadow_step(ShadowScan& scan, size_t i, const PrefixStack& before) {
  const bdd& m = scan.match[i];
  if (!shadow_analysable(*scan.rules[i]) || m == bddfalse) return;
  size_t dup = scan.first_with_set.emplace(m.id(), i).first->second;
  if (dup != i || covered_by_earlier(before, i, m)) scan.found.emplace_back(i, dup);
}

std::vector<ShadowedRule> shadow_finish(const ShadowScan& scan) {
  std::vector<ShadowedRule> out;
  for (auto [i, dup] : scan.found) {
    const auto& r = *scan.rules[i];
    std::vector<size_t> covering;
    if (dup != i) {
      covering = {dup};
    } else {
      // The earlier rules that first match its packets, in order.
      const bdd& m = scan.match[i];
      bdd cov = bddfalse;
      for (size_t j = 0; j < i && (m - cov) != bddfalse; ++j) {
        if (scan.match[j] == bddfalse || !may_overlap(*scan.rules[j], r)) continue;
        bdd x = (scan.match[j] & m) - cov;
        if (x == bddfalse) continue;
        cov |= x;
        covering.push_back(j);
      }
    }
    out.push_back({i, covering, kind_of(scan.rules, covering, r.action)});
  }
  return out;
}

std::vector<ShadowedRule> shadowed_rules(const std::vector<const model::FilterRule*>& rules,
                                         const std::vector<bdd>& match) {
  for (const auto* r : rules)
    if (!r->in_interfaces.empty() || !r->out_interfaces.empty()) return shadowed_in_scoped(rules, match);
  ShadowScan scan{rules, match, {}, {}};
  PrefixStack stack;
  for (size_t i = 0; i < rules.size(); ++i) {
    shadow_step(scan, i, stack);
    push_rule(stack, match[i], bddfalse);
  }
  return shadow_finish(scan);
}

}  // namespace gp::reach
