// FortiOS firewall policies -> one forward filter ("firewall-policy") scoped by interface pair,
// policy source NAT (nat enable, IP pools) and VIP destination NAT.
#include <algorithm>

#include "parsers/fortigate/internal.h"

namespace gp::parsers::fgt {

using model::LineContext;

namespace {

constexpr const char* kFilter = "firewall-policy";

bool policy_ignorable(const std::string& k) {
  static const std::set<std::string> s = {
      "name",
      "uuid",
      "logtraffic",
      "logtraffic-start",
      "comments",
      "comment",
      "utm-status",
      "ssl-ssh-profile",
      "av-profile",
      "webfilter-profile",
      "ips-sensor",
      "application-list",
      "profile-protocol-options",
      "inspection-mode",
      "profile-type",
      "profile-group",
      "dnsfilter-profile",
      "emailfilter-profile",
      "dlp-sensor",
      "dlp-profile",
      "file-filter-profile",
      "voip-profile",
      "icap-profile",
      "waf-profile",
      "cifs-profile",
      "ssh-filter-profile",
      "videofilter-profile",
      "sctp-filter-profile",
      "global-label",
      "label",
      "fsso",
      "fsso-agent-for-ntlm",
      "auto-asic-offload",
      "np-acceleration",
      "tcp-session-without-syn",
      "match-vip",
      "match-vip-only",
      "capture-packet",
      "traffic-shaper",
      "traffic-shaper-reverse",
      "per-ip-shaper",
      "session-ttl",
      "timeout-send-rst",
      "block-notification",
      "custom-log-fields",
      "replacemsg-override-group",
      "disclaimer",
      "email-collect",
      "wccp",
      "wanopt",
      "wanopt-detection",
      "wanopt-profile",
      "webcache",
      "webcache-https",
      "anti-replay",
      "tos",
      "tos-mask",
      "tos-negate",
      "diffserv-forward",
      "diffserv-reverse",
      "diffservcode-forward",
      "diffservcode-rev",
      "vlan-cos-fwd",
      "vlan-cos-rev",
      "natip",
      "natinbound",
      "natoutbound",
      "fixedport",
      "permit-any-host",
      "permit-stun-host",
      "geoip-anycast",
      "geoip-match",
      "dynamic-shaping",
      "passive-wan-health-measurement",
      "delay-tcp-npu-session",
      "rtp-nat",
      "send-deny-packet",
      "schedule-timeout",
      "vlan-filter",
      "policy-expiry",
      "ntlm",
      "ntlm-guest",
      "ntlm-enabled-browsers",
      "auth-path",
      "auth-cert",
      "auth-redirect-addr",
      "redirect-url",
      "identity-based-route",
      "decrypted-traffic-mirror",
      "ztna-status",
      "nat46",
      "nat64",
      "internet-service6",
      "reputation-minimum",
      "captive-portal-exempt",
      "radius-mac-auth-bypass",
      "users",
      "groups",
      "devices",
      "poolname6",
      "srcaddr6",
      "dstaddr6",
      "srcaddr6-negate",
      "dstaddr6-negate",
      "uuid-idx",
      "policyid",
      "learning-mode",
      "http-policy-redirect",
      "ssh-policy-redirect",
      "webproxy-profile",
      "webproxy-forward-server",
      "ippool",
      "poolname",
      "nat",
      "status",
      "action",
      "schedule",
      "srcintf",
      "dstintf",
      "srcaddr",
      "dstaddr",
      "service",
      "vpntunnel",
      "inbound",
      "outbound",
      "casb-profile",
      "virtual-patch-profile",
      "ips-voip-filter",
      "sgt-check",
      "sgt",
      "internet-service",
      "internet-service-src",
      "srcaddr-negate",
      "dstaddr-negate",
      "service-negate",
      "internet-service-name",
      "internet-service-id",
      "internet-service-src-name",
      "internet-service-src-id",
      "internet-service-group",
      "internet-service-custom",
      "internet-service-custom-group",
      "internet-service-src-group",
      "internet-service-src-custom",
      "internet-service-src-custom-group",
      "internet-service-negate",
      "internet-service-src-negate",
      "reputation-direction",
      "network-service-dynamic",
      "network-service-src-dynamic",
  };
  return s.count(k) > 0;
}

struct Rule {
  const Node* node;
  std::string id;
};

std::vector<std::string> values(const Node& e, const char* key) {
  const Node* s = e.find_set(key);
  if (!s) return {};
  return Words(s->words.begin() + 1, s->words.end());
}

std::string value(const Node& e, const char* key, const std::string& dflt) {
  auto v = values(e, key);
  return v.empty() ? dflt : v[0];
}

// Interface scope: names as written; "any" = every interface of the VDOM (empty without VDOMs).
std::vector<std::string> scope(Ctx& c, const std::string& vdom, const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) {
    if (n == "any") {
      if (!c.multi_vdom) return {};
      auto& v = c.vd(vdom);
      out.insert(out.end(), v.interfaces.begin(), v.interfaces.end());
      if (out.empty()) out.push_back("(no interface in vdom " + vdom + ")");
      continue;
    }
    out.push_back(n);
  }
  return out;
}

// Interface names for NAT rules (zones expand to their members).
std::vector<std::string> nat_ifcs(Ctx& c, const std::string& vdom, const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const auto& n : names) {
    if (n == "any") return {"any"};
    auto& z = c.vd(vdom).zones;
    if (auto it = z.find(n); it != z.end())
      out.insert(out.end(), it->second.begin(), it->second.end());
    else
      out.push_back(n);
  }
  if (out.empty()) out.push_back("any");
  return out;
}

}  // namespace

void read_policies(Ctx& c, const Node& cfg, const std::string& vdom) {
  c.rec(cfg);
  auto& f = c.dev.filters[kFilter];
  if (f.name.empty()) {
    f.name = kFilter;
    f.default_action = model::Action::Deny;  // implicit deny (policy 0)
    f.src_ref = c.ref(cfg);
    c.dev.forward_filter = kFilter;
    c.dev.forward_filter_ref = c.ref(cfg);
  }
  // Sequence order: the table order, then "move A before|after B" lines.
  std::vector<Rule> order;
  for (const auto& e : cfg.children) {
    if (e.kind == Node::Kind::Edit && !e.words.empty()) {
      auto it = std::find_if(order.begin(), order.end(), [&](const Rule& r) { return r.id == e.words[0]; });
      if (it != order.end()) order.erase(it);  // edited twice: the later definition wins
      order.push_back({&e, e.words[0]});
    } else if (e.kind == Node::Kind::Other && e.keyword == "move" && e.words.size() == 3 &&
               (e.words[1] == "before" || e.words[1] == "after")) {
      auto a = std::find_if(order.begin(), order.end(), [&](const Rule& r) { return r.id == e.words[0]; });
      if (a == order.end()) {
        c.unrec(e, LineContext::Filter, kFilter);
        continue;
      }
      Rule moved = *a;
      order.erase(a);
      auto b = std::find_if(order.begin(), order.end(), [&](const Rule& r) { return r.id == e.words[2]; });
      if (b == order.end()) {
        order.push_back(moved);
        c.unrec(e, LineContext::Filter, kFilter);
        continue;
      }
      if (e.words[1] == "after") ++b;
      order.insert(b, moved);
      c.rec(e);
    } else if (e.kind == Node::Kind::Other && e.keyword.rfind('#', 0) == 0) {
      c.ign(e);
    } else {
      c.unrec_tree(e, LineContext::Filter, kFilter);
    }
  }
  for (const auto& r : order) {
    const Node& e = *r.node;
    c.rec(e);
    model::FilterRule fr;
    fr.src_ref = c.ref(e);
    std::string pname = value(e, "name", "");
    fr.text = "policy " + r.id + (pname.empty() ? "" : " \"" + pname + "\"") +
              (c.multi_vdom ? " (vdom " + vdom + ")" : "");
    auto fail = [&](const std::string& why) {
      if (fr.understood) fr.why_not_understood = why;
      fr.understood = false;
    };
    for (const auto& s : e.children) {
      if ((s.kind == Node::Kind::Set || s.kind == Node::Kind::Unset) && !s.words.empty() &&
          policy_ignorable(s.words[0])) {
        c.rec(s);
      } else if (s.kind == Node::Kind::Config) {
        c.unrec_tree(s, LineContext::Filter, "policy " + r.id);
        fail("nested table '" + s.text + "' not understood");
      } else {
        c.unrec(s, LineContext::Filter, "policy " + r.id);
      }
    }
    // "logtraffic all" logs every session; the default "utm" logs only sessions with a security
    // event, and "disable" nothing (FortiOS CLI reference, config firewall policy).
    fr.logged = value(e, "logtraffic", "utm") == "all";
    const std::string action = value(e, "action", "deny");
    if (action == "accept")
      fr.action = model::Action::Permit;
    else if (action == "deny")
      fr.action = model::Action::Deny;
    else {
      fr.action = model::Action::Permit;
      fail("action " + action + " (policy-based IPsec / redirect) is not modelled");
    }
    if (value(e, "status", "enable") == "disable") fr.inactive = true;
    const std::string sched = value(e, "schedule", "");
    if (!sched.empty() && sched != "always") fail("schedule \"" + sched + "\": time-dependent");
    for (const char* neg : {"srcaddr-negate", "dstaddr-negate", "service-negate"})
      if (value(e, neg, "disable") == "enable") fail(std::string(neg) + " is not modelled");
    for (const char* isdb : {"internet-service", "internet-service-src"})
      if (value(e, isdb, "disable") == "enable")
        fail(std::string(isdb) + " (Internet Service Database) is not modelled");
    if (!values(e, "users").empty() || !values(e, "groups").empty())
      c.note("policy " + r.id + " requires user authentication: modelled as open to any source address",
             fr.src_ref);

    fr.in_interfaces = scope(c, vdom, values(e, "srcintf"));
    fr.out_interfaces = scope(c, vdom, values(e, "dstintf"));
    auto srcaddr = values(e, "srcaddr");
    auto dstaddr = values(e, "dstaddr");
    if (srcaddr.empty() || dstaddr.empty()) {
      // IPv6-only policy (srcaddr6/dstaddr6), or incomplete: matches no IPv4 packet.
      fr.inactive = true;
      fr.src.clear();
      fr.dst.clear();
    } else {
      AddrSet src, dst;
      for (const auto& n : srcaddr) src.add(expand_addr(c, vdom, n, false));
      for (const auto& n : dstaddr) dst.add(expand_addr(c, vdom, n, true));
      if (!src.ok) fail(src.why);
      if (!dst.ok) fail(dst.why);
      fr.src = src.v4;
      fr.dst = dst.v4;
      for (const auto& m : fr.src)
        if (m.is_any()) fr.src = {AddrMatch::any()};
      for (const auto& m : fr.dst)
        if (m.is_any()) fr.dst = {AddrMatch::any()};
    }
    SvcSet svc;
    auto services = values(e, "service");
    for (const auto& n : services) svc.add(expand_svc(c, vdom, n));
    if (services.empty()) fail("policy without a service");
    if (!svc.ok) fail(svc.why);
    fr.services = svc.terms;
    for (const auto& t : fr.services)
      if (!t.protocol && t.src_ports.empty() && t.dst_ports.empty()) fr.services = {model::ServiceMatch{}};

    // Source NAT of accepted traffic.
    if (fr.action == model::Action::Permit && value(e, "nat", "disable") == "enable" && !fr.inactive) {
      model::NatRule base;
      base.src_ref = fr.src_ref;
      if (const Node* n = e.find_set("nat")) base.decided_ref = c.ref(*n);
      base.real_src = fr.src;
      base.real_dst = fr.dst;
      base.vrf = c.vrf_of(vdom);
      base.text = fr.text + " nat enable";
      base.kind = model::NatKind::Pat;
      base.mapped_is_interface = true;
      if (value(e, "ippool", "disable") == "enable") {
        base.mapped_is_interface = false;
        for (const auto& pn : values(e, "poolname")) {
          auto& pools = c.vd(vdom).pools;
          auto it = pools.find(pn);
          if (it == pools.end() || !it->second.ok) {
            base.understood = false;
            base.why_not_understood = "IP pool " + pn + " is not defined";
            continue;
          }
          if (!base.mapped_src) base.mapped_src = Prefix{it->second.lo, 32};
          for (const auto& p : range_to_prefixes_any_order(it->second.lo, it->second.hi))
            base.pool.push_back(p);
          if (it->second.type == "one-to-one" || it->second.type == "fixed-port-range")
            base.kind = model::NatKind::Dynamic;
        }
        if (base.pool.size() == 1 && base.pool[0].len == 32) base.pool.clear();
        if (!base.mapped_src && base.understood) {
          base.understood = false;
          base.why_not_understood = "ippool enabled without a pool";
        }
      }
      if (!fr.understood) {
        base.understood = false;
        base.why_not_understood = "its policy is not understood: " + fr.why_not_understood;
      }
      for (const auto& in : nat_ifcs(c, vdom, values(e, "srcintf")))
        for (const auto& out : nat_ifcs(c, vdom, values(e, "dstintf"))) {
          model::NatRule n = base;
          n.real_interface = in;
          n.mapped_interface_name = out;
          c.dev.nat.push_back(std::move(n));
        }
    }
    f.rules.push_back(std::move(fr));
  }
}

void vip_nat_rules(Ctx& c) {
  // VIPs come first: FortiOS applies destination NAT before the policy lookup.
  std::vector<model::NatRule> out;
  for (auto& [vdom, v] : c.vdoms)
    for (auto& [name, vip] : v.vips) {
      model::NatRule n;
      n.src_ref = vip.ref;
      n.text = "firewall vip " + name;
      n.vrf = c.vrf_of(vdom);
      n.real_interface = "any";
      n.mapped_interface_name = vip.extintf.empty() ? "any" : vip.extintf;
      n.kind = vip.portforward ? model::NatKind::StaticPort : model::NatKind::Static;
      n.understood = vip.ok;
      n.why_not_understood = vip.why;
      if (vip.ok && !vip.mapped_single) {
        // A range of real servers behind one address (or an equal-size range).
        n.understood = false;
        n.why_not_understood = "VIP " + name + " maps to several addresses";
      }
      if (!vip.mapped.empty()) n.real_src = {AddrMatch::host(vip.mapped_first)};
      if (vip.ext && vip.ext->addr != 0) {
        n.mapped_src = *vip.ext;
      } else {
        // extip 0.0.0.0 (or none): any address of the external interface (PPPoE / DHCP WANs).
        n.mapped_is_interface = true;
        if (n.mapped_interface_name != "any") n.mapped_interface = n.mapped_interface_name;
      }
      if (vip.portforward && n.understood) {
        n.protocol = vip.protocol;
        auto port = [](const std::string& s) -> std::optional<int> { return number(s, 65535); };
        auto ep = port(vip.extport);
        auto mp = vip.mappedport.empty() ? ep : port(vip.mappedport);
        if (!ep || !mp || (vip.protocol != 6 && vip.protocol != 17)) {
          n.understood = false;
          n.why_not_understood =
              "VIP " + name + ": port range or protocol not modelled (" + vip.extport + ")";
        } else {
          n.mapped_port = static_cast<uint16_t>(*ep);
          n.real_port = static_cast<uint16_t>(*mp);
        }
      }
      out.push_back(std::move(n));
    }
  c.dev.nat.insert(c.dev.nat.begin(), out.begin(), out.end());
}

void finish_policies(Ctx& c) {
  // No policy table: the implicit deny still applies to every forwarded packet.
  auto& f = c.dev.filters[kFilter];
  if (f.name.empty()) {
    f.name = kFilter;
    f.default_action = model::Action::Deny;
    c.dev.forward_filter = kFilter;
  }
  // Zones with "intrazone allow": traffic between their members passes without a policy.
  std::vector<model::FilterRule> intra;
  for (const auto& [vdom, zone, ref] : c.intrazone_allow) {
    model::FilterRule r;
    r.action = model::Action::Permit;
    r.in_interfaces = {zone};
    r.out_interfaces = {zone};
    r.src_ref = ref;
    r.text = "zone " + zone + " intrazone allow" + (c.multi_vdom ? " (vdom " + vdom + ")" : "");
    intra.push_back(r);
  }
  f.rules.insert(f.rules.begin(), intra.begin(), intra.end());
}

}  // namespace gp::parsers::fgt
