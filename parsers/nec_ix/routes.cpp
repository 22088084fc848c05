// `ip route DEST GW|IFC [DISTANCE]` static routes.
#include "parsers/nec_ix/internal.h"

namespace gp::parsers::nec {

bool parse_route(Ctx& c, const ConfigLine& l, const Words& w) {
  // ip route DEST GW|IFC [DISTANCE] [dhcp]
  if (w.size() < 4) return false;
  model::Route r;
  r.src_ref = c.ref(l);
  if (lower(w[2]) == "default")
    r.prefix = {0, 0};
  else if (auto p = parse_prefix(w[2]); p && w[2].find('/') != std::string::npos)
    r.prefix = *p;
  else
    return false;
  if (auto a = parse_ipv4(w[3]))
    r.next_hop = *a;
  else if (lower(w[3]).rfind("null", 0) == 0)
    r.null_route = true;
  else if (looks_like_ifc(w[3]))
    r.out_interface = w[3];
  else
    return false;
  for (size_t i = 4; i < w.size(); ++i) {
    if (auto d = num(w[i]); d && *d <= 255)
      r.admin_distance = static_cast<int>(*d);
    else if (lower(w[i]) == "dhcp")
      r.why_not_understood = "gateway learnt by DHCP";
    else
      return false;
  }
  c.dev.routes.push_back(r);
  return true;
}

void finish_routes(Ctx& c) {
  for (auto& r : c.dev.routes)
    if (!r.out_interface.empty()) r.out_interface = canon_ifc(c, r.out_interface);
}

}  // namespace gp::parsers::nec
