// Static routes ("ip route", "ip default-gateway", "no ip routing") and dynamic routing
// processes ("router ospf|eigrp|bgp|rip|isis").
#include "parsers/cisco_ios/ios_internal.h"

namespace gp::parsers::ios {

namespace {

model::Route static_route(Ctx& c, const ConfigLine& l, const Words& w) {
  model::Route r;
  r.kind = model::RouteKind::Static;
  r.src_ref = c.ref(l);
  auto fail = [&](const std::string& why) {
    r.understood = false;
    r.why_not_understood = why;
    return r;
  };
  size_t i = 2;
  if (i < w.size() && lower(w[i]) == "vrf") {
    if (i + 1 >= w.size()) return fail("vrf name missing");
    r.vrf = w[i + 1];
    i += 2;
  }
  if (i < w.size() && lower(w[i]) == "static") return fail("'ip route static' not modelled");
  if (i + 1 >= w.size()) return fail("prefix missing");
  auto a = parse_ipv4(w[i]);
  auto m = parse_ipv4(w[i + 1]);
  std::optional<int> len = m ? mask_to_len(*m) : std::nullopt;
  if (!a || !len) return fail("bad prefix");
  r.prefix = Prefix{*a & Prefix{0, *len}.mask(), *len};
  i += 2;
  bool target = false;
  if (i < w.size() && looks_like_ifc(w[i]) && !parse_ipv4(w[i])) {
    std::string ifc = w[i];
    if (lower(ifc).rfind("null", 0) == 0) {
      r.null_route = true;
      r.out_interface = "Null0";
    } else {
      r.out_interface = ifc;  // canonicalised at the end
    }
    ++i;
    target = true;
  }
  if (i < w.size()) {
    if (auto nh = parse_ipv4(w[i])) {
      r.next_hop = *nh;
      ++i;
      target = true;
    }
  }
  if (i < w.size() && lower(w[i]) == "dhcp") return fail("next hop learnt by DHCP");
  if (!target) return fail("next hop not understood");
  while (i < w.size()) {
    std::string k = lower(w[i]);
    if (auto d = to_int(w[i]); d && *d <= 255) {
      r.admin_distance = *d;
      ++i;
    } else if ((k == "name" || k == "tag" || k == "track") && i + 1 < w.size()) {
      i += 2;  // a route withdrawn by a track is over-approximated as present
    } else if (k == "permanent") {
      ++i;
    } else {
      return fail("route option '" + w[i] + "' not modelled");
    }
  }
  if (r.admin_distance == 255) return fail("distance 255: route never installed");
  return r;
}

std::optional<Prefix> classful(Ipv4 a) {
  int len = (a >> 31) == 0 ? 8 : (a >> 30) == 2 ? 16 : (a >> 29) == 6 ? 24 : -1;
  if (len < 0) return std::nullopt;
  return Prefix{a & Prefix{0, len}.mask(), len};
}

void process_lines(Ctx& c, model::RoutingProcess& p, const ConfigLine& l) {
  for (const auto& ch : l.children) {
    Words w = split_words(ch.text);
    if (starts_with(w, {"network"}) && w.size() >= 2) {
      auto a = parse_ipv4(w[1]);
      std::optional<Prefix> pr;
      if (a && w.size() >= 3) {
        if (lower(w[2]) == "mask" && w.size() >= 4) {  // bgp: network A mask M
          if (auto m = parse_ipv4(w[3]); m && mask_to_len(*m)) pr = Prefix{*a, *mask_to_len(*m)};
        } else if (auto wc = parse_ipv4(w[2])) {  // ospf/eigrp: A wildcard
          if (auto len = mask_to_len(~*wc))
            pr = Prefix{*a & ~*wc, *len};
          else if (auto len2 = mask_to_len(*wc))
            pr = Prefix{*a & *wc, *len2};  // mask written
        } else if (lower(w[2]) == "area" || lower(w[2]) == "route-map") {
          pr = p.protocol == "bgp" ? classful(*a) : Prefix{*a, 32};
        }
      } else if (a) {
        pr = classful(*a);  // rip/eigrp/bgp: classful
      } else if (auto slash = parse_prefix(w[1])) {
        pr = Prefix{slash->network(), slash->len};  // quagga style A/len
      }
      if (pr) p.networks.push_back(*pr);
    }
    if (starts_with(w, {"default-information", "originate"})) p.redistributes_default = true;
    c.recognised(ch);         // details of dynamic routing: the prover over-approximates
    process_lines(c, p, ch);  // address-family blocks: same process
  }
}

}  // namespace

bool parse_route_global(Ctx& c, const ConfigLine& l, const Words& w) {
  if (starts_with(w, {"ip", "route"}) && w.size() >= 3) {
    c.dev.routes.push_back(static_route(c, l, w));
    if (c.dev.routes.back().understood)
      c.recognised(l);
    else
      c.unrec(l, LineContext::Route, "");
    for (const auto& ch : l.children) c.unrec_tree(ch, LineContext::Route, "");
    return true;
  }
  if (starts_with(w, {"ip", "default-gateway"}) && w.size() == 3) {
    auto a = parse_ipv4(w[2]);
    if (!a) return false;
    model::Route r;
    r.prefix = Prefix{0, 0};
    r.next_hop = *a;
    r.src_ref = c.ref(l);
    c.dev.routes.push_back(r);
    c.note("ip default-gateway: used when ip routing is off", c.ref(l));
    c.recognised(l);
    return true;
  }
  if (starts_with(w, {"no", "ip", "routing"}) && w.size() == 3) {
    c.dev.ip_routing = false;
    c.recognised(l);
    return true;
  }
  if (starts_with(w, {"ip", "routing"}) && w.size() == 2) {
    c.dev.ip_routing = true;
    c.recognised(l);
    return true;
  }
  return false;
}

bool parse_routing_process(Ctx& c, const ConfigLine& l, const Words& w) {
  if (!starts_with(w, {"router"}) || w.size() < 2) return false;
  std::string proto = lower(w[1]);
  static const std::set<std::string> known = {"ospf", "eigrp", "bgp", "rip", "isis", "ospfv3", "odr"};
  if (!known.count(proto)) return false;
  model::RoutingProcess p;
  p.protocol = proto == "ospfv3" ? "ospf" : proto;
  p.id = w.size() >= 3 ? join(w, 2) : "";
  p.src_ref = c.ref(l);
  c.recognised(l);
  process_lines(c, p, l);
  c.dev.routing.push_back(std::move(p));
  return true;
}

void finish_routes(Ctx& c) {
  for (auto& r : c.dev.routes)
    if (!r.out_interface.empty() && !r.null_route) r.out_interface = canonical_ifc(c, r.out_interface);
}

}  // namespace gp::parsers::ios
