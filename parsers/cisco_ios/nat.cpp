// "ip nat ..." global commands: pools, inside source static / list, everything else fails closed.
#include "parsers/cisco_ios/ios_internal.h"

namespace gp::parsers::ios {

using model::NatKind;
using model::NatRule;

namespace {

NatRule not_understood(const Ctx& c, const ConfigLine& l, const std::string& why) {
  NatRule n;
  n.understood = false;
  n.why_not_understood = why;
  n.text = l.text;
  n.src_ref = c.ref(l);
  return n;
}

// ip nat pool P A B (netmask M | prefix-length N) [type rotary|match-host]
bool nat_pool(Ctx& c, const ConfigLine& l, const Words& w) {
  if (w.size() < 7) return false;
  auto a = parse_ipv4(w[4]), b = parse_ipv4(w[5]);
  std::string k = lower(w[6]);
  if (!a || !b || *a > *b) return false;
  if (k == "netmask" && w.size() >= 8 && parse_ipv4(w[7])) {
  } else if (k == "prefix-length" && w.size() >= 8 && to_int(w[7])) {
  } else {
    return false;
  }
  if (w.size() > 8) {
    if (!(w.size() == 10 && lower(w[8]) == "type" && lower(w[9]) == "match-host")) return false;
  }
  c.nat_pools[w[3]] = {*a, *b};
  (void)l;
  return true;
}

// Options that may follow a static/list rule without changing which packets it translates.
bool harmless_tail(const Words& w, size_t i, std::string& vrf) {
  while (i < w.size()) {
    std::string k = lower(w[i]);
    if (k == "extendable" || k == "no-alias" || k == "no-payload" || k == "reversible" || k == "overload") {
      ++i;
    } else if (k == "vrf" && i + 1 < w.size()) {
      vrf = w[i + 1];
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

NatRule inside_source(Ctx& c, const ConfigLine& l, const Words& w) {
  // w: ip nat inside source ...
  NatRule n;
  n.text = l.text;
  n.src_ref = c.ref(l);
  std::string k = w.size() > 4 ? lower(w[4]) : "";
  if (k == "static") {
    size_t i = 5;
    std::string t = i < w.size() ? lower(w[i]) : "";
    if (t == "network" && w.size() >= 9) {
      auto a = parse_ipv4(w[6]), b = parse_ipv4(w[7]);
      std::optional<int> len;
      size_t next = 9;
      if (w[8].size() > 1 && w[8][0] == '/') {
        len = to_int(std::string_view(w[8]).substr(1));
      } else if (auto m = parse_ipv4(w[8])) {
        len = mask_to_len(*m);
      }
      if (!a || !b || !len || *len > 32) return not_understood(c, l, "bad static network rule");
      n.kind = NatKind::Static;
      n.real_src = {AddrMatch::of(Prefix{*a, *len})};
      n.mapped_src = Prefix{*b, *len};
      if (!harmless_tail(w, next, n.vrf)) return not_understood(c, l, "static NAT option not modelled");
      return n;
    }
    if (t == "tcp" || t == "udp") {
      // static tcp A P (B | interface X) P2
      if (w.size() < 10) return not_understood(c, l, "short static port rule");
      auto a = parse_ipv4(w[6]);
      auto p = port_number(w[7], t == "tcp" ? 6 : 17);
      n.kind = NatKind::StaticPort;
      n.protocol = t == "tcp" ? 6 : 17;
      size_t next;
      std::optional<int> p2;
      if (lower(w[8]) == "interface") {
        if (w.size() < 11) return not_understood(c, l, "short static port rule");
        n.mapped_is_interface = true;
        n.mapped_interface = w[9];
        p2 = port_number(w[10], n.protocol);
        next = 11;
      } else {
        auto b = parse_ipv4(w[8]);
        if (!b) return not_understood(c, l, "bad mapped address");
        n.mapped_src = Prefix{*b, 32};
        p2 = port_number(w[9], n.protocol);
        next = 10;
      }
      if (!a || !p || !p2) return not_understood(c, l, "bad static port rule");
      n.real_src = {AddrMatch::host(*a)};
      n.real_port = static_cast<uint16_t>(*p);
      n.mapped_port = static_cast<uint16_t>(*p2);
      if (!harmless_tail(w, next, n.vrf)) return not_understood(c, l, "static NAT option not modelled");
      return n;
    }
    // static A (B | interface X)
    if (w.size() < 7) return not_understood(c, l, "short static rule");
    auto a = parse_ipv4(w[5]);
    if (!a) return not_understood(c, l, "bad real address");
    n.kind = NatKind::Static;
    n.real_src = {AddrMatch::host(*a)};
    size_t next;
    if (lower(w[6]) == "interface" && w.size() >= 8) {
      n.mapped_is_interface = true;
      n.mapped_interface = w[7];
      next = 8;
    } else if (auto b = parse_ipv4(w[6])) {
      n.mapped_src = Prefix{*b, 32};
      next = 7;
    } else {
      return not_understood(c, l, "bad mapped address");
    }
    if (!harmless_tail(w, next, n.vrf)) return not_understood(c, l, "static NAT option not modelled");
    return n;
  }
  if (k == "list" && w.size() >= 8) {
    const std::string& acl = w[5];
    std::string how = lower(w[6]);
    size_t next = 8;
    if (how == "interface") {
      n.kind = NatKind::Pat;
      n.mapped_is_interface = true;
      n.mapped_interface = w[7];
      // "interface X overload" is PAT; without overload IOS still uses the interface address
      // (one inside host at a time): modelled as PAT too.
    } else if (how == "pool") {
      auto it = c.nat_pools.find(w[7]);
      if (it == c.nat_pools.end()) return not_understood(c, l, "NAT pool '" + w[7] + "' not defined");
      bool overload = false;
      for (size_t i = 8; i < w.size(); ++i) overload |= lower(w[i]) == "overload";
      n.kind = overload ? NatKind::Pat : NatKind::Dynamic;
      n.pool = range_to_prefixes(it->second.first, it->second.second);
      n.mapped_src = Prefix{it->second.first, 32};
    } else {
      return not_understood(c, l, "NAT list target '" + w[6] + "' not modelled");
    }
    if (!harmless_tail(w, next, n.vrf)) return not_understood(c, l, "NAT option not modelled");
    n.text = l.text + " [acl " + acl + "]";
    c.nat_lists.push_back({c.dev.nat.size(), acl});
    return n;
  }
  return not_understood(
      c, l, "'ip nat inside source " + (k.empty() ? "" : w[4]) + "' (route-map or other form) not modelled");
}

}  // namespace

bool parse_nat_global(Ctx& c, const ConfigLine& l, const Words& w) {
  if (!starts_with(w, {"ip", "nat"})) return false;
  std::string k = w.size() > 2 ? lower(w[2]) : "";
  if (k == "pool") {
    if (nat_pool(c, l, w)) {
      c.recognised(l);
      for (const auto& ch : l.children) c.unrec_tree(ch, LineContext::Nat, w[3]);
    } else {
      c.unrec_tree(l, LineContext::Nat, w.size() > 3 ? w[3] : "");
    }
    return true;
  }
  if (k == "translation" || k == "log" || k == "create" || k == "settings") {
    c.ignore_tree(l);  // timeouts, logging: no effect on what is translated
    return true;
  }
  if (k == "inside" && w.size() > 3 && lower(w[3]) == "source") {
    c.dev.nat.push_back(inside_source(c, l, w));
    if (c.dev.nat.back().understood) {
      c.recognised(l);
    } else {
      c.unrec(l, LineContext::Nat, "");
    }
    for (const auto& ch : l.children) c.unrec_tree(ch, LineContext::Nat, "");
    return true;
  }
  // outside source, inside destination, service, anything else: translation we do not model.
  c.dev.nat.push_back(not_understood(c, l, "'" + join(w, 0) + "' not modelled"));
  c.unrec_tree(l, LineContext::Nat, "");
  return true;
}

void finish_nat(Ctx& c) {
  for (const auto& p : c.nat_lists) {
    auto& n = c.dev.nat[p.index];
    auto it = c.dev.filters.find(p.acl);
    if (it == c.dev.filters.end()) {
      n.understood = false;
      n.why_not_understood = "NAT access-list '" + p.acl + "' not defined";
      n.real_src = {AddrMatch::any()};
      continue;
    }
    // Over-approximation: every permitted source may be translated.
    n.real_src = acl_permit_side(c, p.acl, true);
  }
  for (auto& n : c.dev.nat)
    if (n.mapped_is_interface) n.mapped_interface = canonical_ifc(c, n.mapped_interface);
}

}  // namespace gp::parsers::ios
