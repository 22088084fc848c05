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

void check_shadowed_rules(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  pkt::init();
  for (const auto& d : ctx.snap.devices)
    for (const auto& [name, f] : d.filters) {
      bool scoped = false;
      for (const auto& r : f.rules) scoped |= !r.in_interfaces.empty() || !r.out_interfaces.empty();
      std::vector<bdd> match(f.rules.size(), bddfalse);
      for (size_t i = 0; i < f.rules.size(); ++i)
        if (usable(f.rules[i])) match[i] = reach::match_of(f.rules[i]);
      // Without scopes the earlier rules accumulate; with scopes only rules covering the
      // later rule's interface pairs count, so they are recomputed per rule.
      bdd acc = bddfalse, acc_permit = bddfalse;
      for (size_t i = 0; i < f.rules.size(); ++i) {
        const auto& r = f.rules[i];
        const bdd m = match[i];
        bdd earlier = acc, earlier_permit = acc_permit;
        if (scoped) {
          earlier = bddfalse;
          earlier_permit = bddfalse;
          for (size_t j = 0; j < i; ++j) {
            if (!usable(f.rules[j]) || !scope_covers(f.rules[j], r)) continue;
            if (f.rules[j].action == model::Action::Permit) earlier_permit |= match[j] & !earlier;
            earlier |= match[j];
          }
        }
        if (usable(r)) {
          acc_permit |= r.action == model::Action::Permit ? (m & !acc) : bddfalse;
          acc |= m;
        }
        // A rule not understood may match anything; one matching no IPv4 packet (e.g. an
        // IPv6-only line) is not modelled: neither is reported.
        if (!usable(r) || m == bddfalse || (m & !earlier) != bddfalse) continue;
        bool same = r.action == model::Action::Permit ? (m & !earlier_permit) == bddfalse
                                                      : (m & earlier_permit) == bddfalse;
        bool opposite = r.action == model::Action::Permit ? (m & earlier_permit) == bddfalse
                                                          : (m & !earlier_permit) == bddfalse;
        // The earlier rules that together cover it, in order.
        std::string refs;
        bdd cov = bddfalse;
        // Fast path: an earlier rule matching exactly the same packets (a duplicate line).
        // BDDs are canonical, so equal sets have equal roots: no BDD operation needed.
        for (size_t j = 0; j < i && refs.empty(); ++j)
          if (usable(f.rules[j]) && scope_covers(f.rules[j], r) && match[j] == m) {
            refs = f.rules[j].src_ref.str();
            cov = m;
          }
        for (size_t j = 0; j < i && (m & !cov) != bddfalse; ++j) {
          if (!usable(f.rules[j]) || !scope_covers(f.rules[j], r)) continue;
          bdd x = match[j] & m & !cov;
          if (x == bddfalse) continue;
          cov |= x;
          refs += (refs.empty() ? "" : ", ") + f.rules[j].src_ref.str();
        }
        std::string msg = "filter " + name + ": '" + r.text + "' can never match; earlier rules (" + refs +
                          ") match all its packets";
        msg += same       ? " with the same action (redundant)"
               : opposite ? " with the opposite action (the rule has no effect)"
                          : ", some permitting and some denying them (the rule has no effect)";
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
    if (d.vendor != model::Vendor::CiscoIos) continue;  // ASA access-groups apply to IPv6 too
    for (const auto& i : d.interfaces) {
      if (i.shutdown || i.ipv6.empty()) continue;
      // The IOS parser leaves "ipv6 traffic-filter" unrecognised in the interface's context (IPv6
      // is not modelled): its presence there is the only trace of an IPv6 filter.
      bool filtered = false;
      for (const auto& u : d.unrecognised)
        filtered |= u.context == model::LineContext::Interface && u.context_name == i.name &&
                    u.text.find("ipv6 traffic-filter") != std::string::npos &&
                    u.text.find(" in") != std::string::npos;
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
