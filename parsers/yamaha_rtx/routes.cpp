// `ip route DEST gateway ...` static routes.
#include "parsers/yamaha_rtx/internal.h"

namespace gp::parsers::rtx {

Res parse_route(Ctx& c, const Line& l, const Words& w) {
  // ip route DEST gateway X [filter ...] [metric m] [hide] [weight w] [keepalive k] [gateway ...]
  if (w.size() < 5) return Res::Unrecognised;
  std::optional<Prefix> dest;
  std::string d = lower(w[2]);
  if (d == "default")
    dest = Prefix{0, 0};
  else
    dest = addr_len(w[2]);
  if (!dest) return Res::Unrecognised;
  SourceRef r = c.ref(l);
  size_t i = 3;
  int made = 0;
  while (i < w.size()) {
    if (lower(w[i]) != "gateway" || i + 1 >= w.size()) return made ? Res::Recognised : Res::Unrecognised;
    model::Route rt;
    rt.prefix = *dest;
    rt.src_ref = r;
    std::string g = lower(w[i + 1]);
    i += 2;
    if (g == "pp" || g == "tunnel") {
      if (i >= w.size()) return Res::Unrecognised;
      std::string x = lower(w[i++]);
      if (g == "pp" && x == "anonymous")
        rt.out_interface = "pp-anonymous";
      else if (num(x))
        rt.out_interface = g + x;
      else
        return Res::Unrecognised;
    } else if (g == "dhcp") {
      if (i >= w.size()) return Res::Unrecognised;
      rt.out_interface = lower(w[i++]);
      rt.understood = true;
    } else if (g == "null") {
      rt.null_route = true;
    } else if (auto a = parse_ipv4(g)) {
      rt.next_hop = *a;
    } else if (is_ifc_token(g)) {
      rt.out_interface = g;
    } else {
      rt.understood = false;
      rt.why_not_understood = "gateway '" + g + "' is not modelled";
    }
    // options of this gateway, up to the next "gateway"
    while (i < w.size() && lower(w[i]) != "gateway") {
      std::string o = lower(w[i]);
      if (o == "filter") {
        rt.why_not_understood = "policy route (gateway with filter): taken for every packet";
        c.note("route " + format_prefix(*dest) +
                   ": gateway restricted by filters is modelled as "
                   "applying to every packet (over-approximation)",
               r);
      } else if (o.rfind("metric", 0) == 0 && i + 1 < w.size() && num(w[i + 1]) && o == "metric") {
        rt.admin_distance = static_cast<int>(std::min<long long>(*num(w[i + 1]), 255));
        ++i;
      } else if ((o == "weight" || o == "keepalive") && i + 1 < w.size()) {
        ++i;
      }
      ++i;
    }
    c.dev.routes.push_back(rt);
    ++made;
  }
  return made ? Res::Recognised : Res::Unrecognised;
}

}  // namespace gp::parsers::rtx
