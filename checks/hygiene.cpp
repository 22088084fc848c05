#include "checks/hygiene.h"

#include <algorithm>
#include <set>

#include "checks/exposure_context.h"
#include "model/reachability/filter_bdd.h"
#include "model/reachability/shadowed_rules.h"

namespace gp::checks {

namespace {

// The prover found them while compiling the filters it applied; the others (defined, never
// applied, or applied only inside a scoped policy) are analysed here.
std::vector<reach::ShadowedRule> shadowed_rules_of(const reach::AuditResult& reach, const model::Filter& f) {
  auto it = reach.shadowed.find(&f);
  if (it != reach.shadowed.end()) return it->second;
  std::vector<const model::FilterRule*> rules;
  std::vector<bdd> match(f.rules.size(), bddfalse);
  for (size_t i = 0; i < f.rules.size(); ++i) {
    rules.push_back(&f.rules[i]);
    if (reach::shadow_analysable(f.rules[i])) match[i] = reach::match_of(f.rules[i]);
  }
  return reach::shadowed_rules(rules, match);
}

}  // namespace

void check_shadowed_rules(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  pkt::init();
  for (const auto& d : ctx.snap.devices)
    for (const auto& [name, f] : d.filters) {
      for (const auto& sh : shadowed_rules_of(ctx.reach, f)) {
        const auto& r = f.rules[sh.rule];
        // A host line under thousands of `any`-source port lines is covered by all of them: the
        // first few name where to look; the count says how many more.
        constexpr size_t kNamed = 5;
        std::string refs;
        for (size_t k = 0; k < sh.covering.size() && k < kNamed; ++k)
          refs += (refs.empty() ? "" : ", ") + f.rules[sh.covering[k]].src_ref.str();
        if (sh.covering.size() > kNamed)
          refs += " and " + std::to_string(sh.covering.size() - kNamed) + " more";
        std::string msg = "filter " + name + ": '" + r.text + "' can never match; earlier rules (" + refs +
                          ") match all its packets";
        msg += sh.kind == reach::ShadowKind::SameAction ? " with the same action (redundant)"
               : sh.kind == reach::ShadowKind::OppositeAction
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
