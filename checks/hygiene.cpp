#include "checks/hygiene.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "checks/exposure_context.h"
#include "model/reachability/filter_bdd.h"
#include "model/reachability/rule_tree.h"

namespace gp::checks {

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

// Rules evaluated in list order whose match is known. Rules outside list order (Yamaha dynamic
// filters) neither shadow nor are shadowed.
bool usable(const model::FilterRule& r) { return r.understood && !r.inactive && !r.outside_list_order; }

}  // namespace

namespace {

enum class ShadowKind { SameAction, OppositeAction, Mixed };

struct Shadow {
  size_t rule;                   // the rule that can never match
  std::vector<size_t> covering;  // the earlier rules that together match all its packets, in order
  ShadowKind kind;
};

// Rule i of an unscoped list can never match when the earlier rules' union covers it. Most rules
// are not covered, and a concrete packet of the rule that no earlier rule matches proves it
// without a BDD operation (a walk down the union tree's nodes); only when every sample point is
// covered is the exact set difference computed. That keeps a 200,000-line list near-linear,
// where one union operation per rule walks the whole accumulated set each time.
bool covered_by_earlier(const reach::UnionTree& earlier, size_t i, const bdd& m) {
  // A rule mostly covered (say by an earlier `established` permit) needs more points to find an
  // uncovered one; each costs a few path walks, the exact test a pass over the earlier union.
  constexpr int kSamples = 64;
  for (int k = 0; k < kSamples; ++k)
    if (!reach::prefix_contains(earlier, i, pkt::sample_point(m, (static_cast<uint64_t>(i) << 6) + k)))
      return false;
  bdd rest = m;
  for (auto [L, j] : reach::prefix_nodes(earlier, i)) {
    rest -= earlier.level[L][j];
    if (rest == bddfalse) return true;
  }
  return false;
}

// The earlier rules that first match the packets of rule i, in order, found by descending the
// union tree into the ranges that still overlap what is not yet accounted for.
std::vector<size_t> covering_rules(const reach::UnionTree& t, size_t i, const bdd& m) {
  std::vector<size_t> out;
  bdd cov = bddfalse;
  std::vector<std::pair<size_t, size_t>> stack;  // (level, index), leftmost range on top
  auto prefix = reach::prefix_nodes(t, i);
  for (size_t k = prefix.size(); k-- > 0;) stack.emplace_back(prefix[k].level, prefix[k].index);
  while (!stack.empty() && (m - cov) != bddfalse) {
    auto [L, j] = stack.back();
    stack.pop_back();
    bdd x = (t.level[L][j] & m) - cov;
    if (x == bddfalse) continue;
    if (L > 0) {
      if (2 * j + 1 < t.level[L - 1].size()) stack.emplace_back(L - 1, 2 * j + 1);
      stack.emplace_back(L - 1, 2 * j);
      continue;
    }
    cov |= x;
    out.push_back(j);
  }
  return out;
}

// The rules of one filter that can never match. `match[i]` is what rule i matches (bddfalse when
// not usable).
std::vector<Shadow> find_shadowed(const std::vector<model::FilterRule>& rules,
                                  const std::vector<bdd>& match) {
  std::vector<Shadow> found;
  bool scoped = false;
  for (const auto& r : rules) scoped |= !r.in_interfaces.empty() || !r.out_interfaces.empty();
  // With scopes only the earlier rules covering the later rule's interface pairs count, so the
  // union is recomputed per rule (forward policies: hundreds of rules, not 10^5).
  const reach::UnionTree earlier = scoped ? reach::UnionTree{} : reach::union_tree(match);
  std::unordered_map<BDD, size_t> first_with_set;  // canonical BDDs: equal sets, equal roots
  for (size_t i = 0; i < rules.size(); ++i) {
    const auto& r = rules[i];
    const bdd m = match[i];
    // A rule not understood may match anything; one matching no IPv4 packet (e.g. an IPv6-only
    // line) is not modelled: neither is reported.
    if (!usable(r) || m == bddfalse) continue;
    // A duplicate line (an earlier rule matching exactly the same packets) is named alone.
    size_t dup = i;
    if (scoped) {
      for (size_t j = 0; j < i && dup == i; ++j)
        if (usable(rules[j]) && scope_covers(rules[j], r) && match[j] == m) dup = j;
    } else {
      dup = first_with_set.emplace(m.id(), i).first->second;
    }
    std::vector<size_t> covering;
    if (dup != i) {
      covering = {dup};
    } else if (scoped) {
      bdd earlier_union = bddfalse;
      for (size_t j = 0; j < i; ++j)
        if (usable(rules[j]) && scope_covers(rules[j], r)) earlier_union |= match[j];
      if ((m - earlier_union) != bddfalse) continue;
      bdd cov = bddfalse;
      for (size_t j = 0; j < i && (m - cov) != bddfalse; ++j) {
        if (!usable(rules[j]) || !scope_covers(rules[j], r)) continue;
        bdd x = (match[j] & m) - cov;
        if (x == bddfalse) continue;
        cov |= x;
        covering.push_back(j);
      }
    } else {
      if (!covered_by_earlier(earlier, i, m)) continue;
      covering = covering_rules(earlier, i, m);
    }
    // Same or opposite action as the rules named: for a duplicate, the one line it repeats.
    Shadow sh{i, std::move(covering), ShadowKind::Mixed};
    bool same = false, opposite = false;
    for (size_t j : sh.covering) (rules[j].action == r.action ? same : opposite) = true;
    sh.kind = same && !opposite   ? ShadowKind::SameAction
              : opposite && !same ? ShadowKind::OppositeAction
                                  : ShadowKind::Mixed;
    found.push_back(std::move(sh));
  }
  return found;
}

}  // namespace

void check_shadowed_rules(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  pkt::init();
  for (const auto& d : ctx.snap.devices)
    for (const auto& [name, f] : d.filters) {
      std::vector<bdd> match(f.rules.size(), bddfalse);
      for (size_t i = 0; i < f.rules.size(); ++i)
        if (usable(f.rules[i])) match[i] = reach::match_of(f.rules[i]);
      for (const auto& sh : find_shadowed(f.rules, match)) {
        const auto& r = f.rules[sh.rule];
        std::string refs;
        for (size_t j : sh.covering) refs += (refs.empty() ? "" : ", ") + f.rules[j].src_ref.str();
        std::string msg = "filter " + name + ": '" + r.text + "' can never match; earlier rules (" + refs +
                          ") match all its packets";
        msg += sh.kind == ShadowKind::SameAction ? " with the same action (redundant)"
               : sh.kind == ShadowKind::OppositeAction
                   ? " with the opposite action (the rule has no effect)"
                   : ", some permitting and some denying them (the rule has "
                     "no effect)";
        out.push_back(make_finding(info, d.name, r.src_ref, msg));
      }
    }
}

void check_undefined_references(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices) {
    for (const auto& [name, f] : d.filters) {
      if (f.defined) continue;
      std::string effect = d.vendor == model::Vendor::CiscoIos
                               ? "; IOS then filters nothing (permits every packet)"
                               : "; what the device does with it cannot be known from this file";
      out.push_back(
          make_finding(info, d.name, f.src_ref, "access list " + name + " is used but not defined" + effect));
    }
    std::set<std::string> seen;
    for (const auto& s : d.services) {
      if (s.access_filter.empty() || d.filters.count(s.access_filter)) continue;
      // IOS: a standard ACL number/name that exists nowhere in the file.
      if (!seen.insert(s.access_filter).second) continue;
      out.push_back(make_finding(info, d.name, s.src_ref.known() ? s.src_ref : file_ref(d),
                                 std::string(protocol_name(s.protocol)) +
                                     " management refers to access list " + s.access_filter +
                                     ", which is not defined: the restriction does not exist"));
    }
    for (const auto& v : d.vpns)
      if (!v.filter.empty() && !d.filters.count(v.filter))
        out.push_back(
            make_finding(info, d.name, v.src_ref.known() ? v.src_ref : file_ref(d),
                         "VPN " + v.name + " uses vpn-filter " + v.filter + ", which is not defined"));
  }
}

void check_ipv6_unfiltered(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices) {
    // Firewalls deny what no rule permits, IPv6 included (ASA unified access-groups and security
    // levels, FortiGate policies); routers forward IPv6 that no IPv6 filter stops.
    if (d.vendor == model::Vendor::CiscoAsa || d.vendor == model::Vendor::Fortigate) continue;
    for (const auto& i : d.interfaces) {
      if (i.shutdown || i.ipv6.empty()) continue;
      bool filtered = !i.ipv6_filter_in.empty();
      if (filtered) continue;
      out.push_back(
          make_finding(info, d.name, i.ipv6.front().second,
                       "interface " + i.name + " has IPv6 enabled (" + i.ipv6.front().first +
                           ") but no inbound IPv6 filter: IPv6 bypasses the IPv4 access lists, and the "
                           "prover does not model IPv6"));
    }
  }
}

}  // namespace gp::checks
