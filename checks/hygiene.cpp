#include "checks/hygiene.h"

#include <algorithm>
#include <set>

#include "checks/exposure_context.h"
#include "model/reachability/filter_bdd.h"

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

bool usable(const model::FilterRule& r) { return r.understood && !r.inactive; }

}  // namespace

namespace {

enum class ShadowKind { SameAction, OppositeAction, Mixed };

struct Shadow {
  size_t rule;                   // the rule that can never match
  std::vector<size_t> covering;  // the earlier rules that together match all its packets, in order
  ShadowKind kind;
};

// The rules of one filter that can never match. `match[i]` is what rule i matches (bddfalse when
// not usable).
std::vector<Shadow> find_shadowed(const std::vector<model::FilterRule>& rules,
                                  const std::vector<bdd>& match) {
  std::vector<Shadow> found;
  bool scoped = false;
  for (const auto& r : rules) scoped |= !r.in_interfaces.empty() || !r.out_interfaces.empty();
  // Without scopes the earlier rules accumulate, and a rule is shadowed when adding it leaves the
  // union unchanged (canonical BDDs: one operation, a root comparison, per rule). With scopes only
  // rules covering the later rule's interface pairs count, so they are recomputed per rule.
  bdd acc = bddfalse;
  for (size_t i = 0; i < rules.size(); ++i) {
    const auto& r = rules[i];
    const bdd m = match[i];
    // A rule not understood may match anything; one matching no IPv4 packet (e.g. an IPv6-only
    // line) is not modelled: neither is reported.
    if (!usable(r) || r.outside_list_order) continue;
    bool shadowed = false;
    if (scoped) {
      bdd earlier = bddfalse;
      for (size_t j = 0; j < i; ++j)
        if (usable(rules[j]) && !rules[j].outside_list_order && scope_covers(rules[j], r))
          earlier |= match[j];
      shadowed = m != bddfalse && (m - earlier) == bddfalse;
    } else {
      bdd next = acc | m;
      shadowed = m != bddfalse && next == acc;
      acc = next;
    }
    if (!shadowed) continue;
    // The earlier rules that first match its packets, in order (small sets: cheap), and their
    // actions.
    Shadow sh{i, {}, ShadowKind::Mixed};
    bool same = false, opposite = false;
    bdd cov = bddfalse;
    for (size_t j = 0; j < i && (m - cov) != bddfalse; ++j) {
      if (!usable(rules[j]) || rules[j].outside_list_order || !scope_covers(rules[j], r)) continue;
      bdd x = (match[j] & m) - cov;
      if (x == bddfalse) continue;
      cov |= x;
      sh.covering.push_back(j);
      (rules[j].action == r.action ? same : opposite) = true;
    }
    sh.kind = same && !opposite   ? ShadowKind::SameAction
              : opposite && !same ? ShadowKind::OppositeAction
                                  : ShadowKind::Mixed;
    // A duplicate line (an earlier rule matching exactly the same packets) is named alone.
    for (size_t j = 0; j < i; ++j)
      if (usable(rules[j]) && !rules[j].outside_list_order && scope_covers(rules[j], r) && match[j] == m) {
        sh.covering = {j};
        break;
      }
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
