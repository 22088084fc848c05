// ASA static routes ("route NAMEIF PREFIX MASK GW ...") and dynamic routing processes.
#include "parsers/cisco_asa/internal.h"

namespace gp::parsers::asa {

using model::LineContext;

namespace {

bool all_digits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

void read_router(Ctx& c, const ConfigLine& b, const Words& w) {
  model::RoutingProcess p;
  p.protocol = w[1];
  p.id = w.size() > 2 ? w[2] : "";
  p.src_ref = c.ref(b.line);
  c.recognised(b);
  // Lines inside a routing process only change which routes are learnt; the prover
  // over-approximates a running process, so they are recognised (networks are kept).
  auto walk = [&](auto&& self, const ConfigLine& l) -> void {
    Words cw = split_words(l.text);
    if (cw.empty() || cw[0][0] == '!') {
      c.ignored(l);
    } else if (cw[0] == "network" && cw.size() >= 2) {
      auto a = parse_ipv4(cw[1]);
      std::optional<Ipv4> m;
      if (cw.size() >= 3 && cw[2] != "mask" && cw[2] != "area") m = parse_ipv4(cw[2]);
      if (cw.size() >= 4 && cw[2] == "mask") m = parse_ipv4(cw[3]);
      auto len = m ? mask_to_len(*m) : std::nullopt;
      if (a && len) {
        p.networks.push_back(Prefix{*a, *len});
      } else if (a && !m) {
        // Classful network (rip, eigrp without mask).
        int l2 = (*a >> 31) == 0 ? 8 : (*a >> 30) == 2 ? 16 : 24;
        p.networks.push_back(Prefix{*a, l2});
      }
      c.recognised(l);
    } else {
      if (cw[0] == "default-information" && cw.size() >= 2 && cw[1] == "originate")
        p.redistributes_default = true;
      c.recognised(l);
    }
    for (const auto& ch : l.children) self(self, ch);
  };
  for (const auto& ch : b.children) walk(walk, ch);
  c.dev.routing.push_back(std::move(p));
}

}  // namespace

bool handle_route(Ctx& c, const ConfigLine& b, const Words& w) {
  if (w[0] == "router" && w.size() >= 2) {
    read_router(c, b, w);
    return true;
  }
  if (w[0] == "ipv6" && w.size() >= 2 && w[1] == "route") {
    c.recognised(b);
    c.note("IPv6 route not modelled (IPv4-only model): " + b.text, c.ref(b.line));
    return true;
  }
  if (w[0] != "route") return false;
  for (const auto& ch : b.children) c.unrecognised_tree(ch, LineContext::Route, "route");
  model::Route r;
  r.kind = model::RouteKind::Static;
  r.src_ref = c.ref(b.line);
  auto fail = [&](const std::string& why) {
    if (r.understood) r.why_not_understood = why;
    r.understood = false;
  };
  // route NAMEIF DEST MASK GW [DIST] [track N] [tunneled]
  if (w.size() < 5) {
    fail("incomplete route");
    c.dev.routes.push_back(r);
    c.unrecognised(b, LineContext::Route, "route");
    return true;
  }
  auto a = parse_ipv4(w[2]);
  auto m = parse_ipv4(w[3]);
  auto len = m ? mask_to_len(*m) : std::nullopt;
  if (a && len)
    r.prefix = Prefix{*a, *len};
  else
    fail("unreadable destination " + w[2] + " " + w[3]);
  if (w[1] == "Null0" || w[1] == "null0") {
    r.null_route = true;
    r.out_interface = "Null0";
  } else if (auto* ifc = c.by_nameif(w[1])) {
    r.out_interface = ifc->name;
  } else {
    fail("no interface with nameif " + w[1]);
    r.out_interface = w[1];
  }
  if (auto gw = parse_ipv4(w[4]))
    r.next_hop = *gw;
  else
    fail("unreadable next hop " + w[4]);
  size_t i = 5;
  if (i < w.size() && all_digits(w[i])) {
    r.admin_distance = std::stoi(w[i].substr(0, 4));
    ++i;
  }
  while (i < w.size()) {
    if (w[i] == "track" && i + 1 < w.size()) {
      c.note("route " + w[2] + " " + w[3] + " is tracked (track " + w[i + 1] +
                 "): installed only while the tracked object is up",
             r.src_ref);
      i += 2;
    } else if (w[i] == "tunneled") {
      fail("tunneled default route (for VPN traffic) is not modelled");
      ++i;
    } else {
      fail("unexpected words '" + join(w, i) + "'");
      break;
    }
  }
  if (r.understood)
    c.recognised(b);
  else
    c.unrecognised(b, LineContext::Route, w[1]);
  c.dev.routes.push_back(std::move(r));
  return true;
}

}  // namespace gp::parsers::asa
