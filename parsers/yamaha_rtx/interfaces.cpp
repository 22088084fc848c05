// Interfaces: names and the selected pp/tunnel context, `ip IF ...` addresses, shutdown by
// default of pp and tunnel interfaces that are never enabled.
#include <cctype>

#include "parsers/common/address_ranges.h"
#include "parsers/yamaha_rtx/internal.h"

namespace gp::parsers::rtx {

bool is_ifc_token(const std::string& w) {
  static const char* const p[] = {"lan", "vlan", "bridge", "loopback", "wan", "bri", "tunnel"};
  for (const char* x : p) {
    size_t n = std::char_traits<char>::length(x);
    if (w.size() > n && w.compare(0, n, x) == 0 && std::isdigit(static_cast<unsigned char>(w[n])))
      return true;
  }
  return false;
}

// Name of the interface an `ip X ...` word designates ("pp"/"tunnel" = the selected one).
std::optional<std::string> ifc_of(const Ctx& c, const std::string& w) {
  if (w == "pp") return c.cur_pp.empty() ? std::nullopt : std::optional<std::string>(c.cur_pp);
  if (w == "tunnel") return c.cur_tunnel.empty() ? std::nullopt : std::optional<std::string>(c.cur_tunnel);
  if (is_ifc_token(w)) return w;
  return std::nullopt;
}

Res parse_ip_ifc(Ctx& c, const Line& l, const Words& w, const std::string& name) {
  // w: ip IF ...
  if (w.size() < 3) return Res::Unrecognised;
  std::string k = lower(w[2]);
  SourceRef r = c.ref(l);
  if (k == "address" && w.size() == 4) {
    auto& i = c.ifc(name, r);
    if (lower(w[3]) == "dhcp") {
      i.dhcp_client = true;
      return Res::Recognised;
    }
    auto p = addr_len(w[3]);
    if (!p) return Res::Unrecognised;
    i.ipv4.insert(i.ipv4.begin(), model::InterfaceAddress{*p, false, r});
    return Res::Recognised;
  }
  if (k == "secondary" && w.size() == 5 && lower(w[3]) == "address") {
    auto p = addr_len(w[4]);
    if (!p) return Res::Unrecognised;
    c.ifc(name, r).ipv4.push_back(model::InterfaceAddress{*p, true, r});
    return Res::Recognised;
  }
  if (k == "secure" && w.size() >= 4 && lower(w[3]) == "filter")
    return parse_secure_filter(c, l, w, name) ? Res::Recognised : Res::Unrecognised;
  if (k == "nat" && w.size() >= 5 && lower(w[3]) == "descriptor") {
    auto& i = c.ifc(name, r);
    for (size_t j = 4; j < w.size(); ++j) {
      auto v = num(w[j]);
      if (!v) return Res::Unrecognised;  // "reverse" and other forms: not modelled
      c.nat_uses.push_back({name, {*v, r}});
    }
    i.nat_role = model::NatRole::Outside;
    i.nat_role_ref = r;
    return Res::Recognised;
  }
  if (k == "dhcp" && w.size() >= 5 && lower(w[3]) == "service" && lower(w[4]) == "client") {
    c.ifc(name, r).dhcp_client = true;
    return Res::Recognised;
  }
  if (k == "remote" && w.size() == 6 && lower(w[3]) == "address" && lower(w[4]) == "pool") {
    auto d = w[5].find('-');
    auto lo = parse_ipv4(w[5].substr(0, d)),
         hi = d == std::string::npos ? lo : parse_ipv4(w[5].substr(d + 1));
    if (!lo || !hi) return Res::Unrecognised;
    c.pp_pools[name] = range_to_prefixes(*lo, *hi);
    c.ifc(name, r);
    return Res::Recognised;
  }
  if (k == "remote" && w.size() >= 5 && lower(w[3]) == "address") {
    c.ifc(name, r);
    return Res::Recognised;  // the peer's address on a point-to-point link
  }
  static const std::set<std::string> ignored = {"mtu",  "tcp",       "intrusion", "rip",    "proxyarp",
                                                "icmp", "keepalive", "rebound",   "forward"};
  if (ignored.count(k)) return Res::Ignored;
  return Res::Unrecognised;
}

void finish_interfaces(Ctx& c) {
  for (auto& i : c.dev.interfaces) {
    bool pp = i.name.rfind("pp", 0) == 0, tun = i.name.rfind("tunnel", 0) == 0;
    if ((pp || tun) && !c.enabled.count(i.name)) {
      i.shutdown = true;
      i.shutdown_ref = i.src_ref;
    }
    if (pp && i.ipv4.empty() && !i.pppoe) i.negotiated_address = true;
    if (tun && i.ipv4.empty()) i.unnumbered = true;
  }
}

// pp/tunnel selection and enabling, PPPoE and tunnel settings of the selected context,
// interface descriptions; none when the statement is not one of these.
std::optional<Res> context_statement(Ctx& c, const Line& l, const Words& w) {
  SourceRef r = c.ref(l);
  std::string w0 = lower(w[0]);
  std::string w1 = w.size() > 1 ? lower(w[1]) : "";
  // --- contexts
  if (w0 == "pp" && w1 == "select" && w.size() == 3) {
    std::string v = lower(w[2]);
    c.cur_tunnel.clear();
    if (v == "none")
      c.cur_pp.clear();
    else if (v == "anonymous")
      c.cur_pp = "pp-anonymous";
    else if (num(v))
      c.cur_pp = "pp" + v;
    else
      return Res::Unrecognised;
    if (!c.cur_pp.empty()) c.ifc(c.cur_pp, r);
    return Res::Recognised;
  }
  if (w0 == "tunnel" && w1 == "select" && w.size() == 3) {
    std::string v = lower(w[2]);
    c.cur_pp.clear();
    if (v == "none")
      c.cur_tunnel.clear();
    else if (num(v))
      c.cur_tunnel = "tunnel" + v, c.ifc(c.cur_tunnel, r), c.tunnels[c.cur_tunnel];
    else
      return Res::Unrecognised;
    return Res::Recognised;
  }
  if ((w0 == "pp" || w0 == "tunnel") && (w1 == "enable" || w1 == "disable") && w.size() == 3) {
    std::string v = lower(w[2]);
    if (v == "all") return Res::Recognised;
    std::string name = w0 == "pp" && v == "anonymous" ? "pp-anonymous" : w0 + v;
    if (w0 == "pp" && v != "anonymous" && !num(v)) return Res::Unrecognised;
    if (w1 == "enable")
      c.enabled.insert(name);
    else
      c.enabled.erase(name);
    c.ifc(name, r);
    return Res::Recognised;
  }
  // --- pp context
  if (w0 == "pppoe" && w1 == "use" && w.size() == 3) {
    if (c.cur_pp.empty()) return Res::Unrecognised;
    auto& i = c.ifc(c.cur_pp, r);
    i.pppoe = true;
    i.parent = lower(w[2]);
    i.dialer_pool = lower(w[2]);
    i.negotiated_address = true;
    c.ifc(lower(w[2]), r);
    return Res::Recognised;
  }
  if (w0 == "pp" && w1 == "bind" && w.size() >= 3) {
    if (c.cur_pp.empty()) return Res::Unrecognised;
    c.pp_bind[c.cur_pp] = lower(w[2]);
    return Res::Recognised;
  }
  if (w0 == "pp" && w1 == "auth" && w.size() >= 4) {
    std::string k = lower(w[2]);
    if (k == "myname" && w.size() >= 5) {
      c.dev.secrets.push_back(secret(model::SecretKind::Password, model::SecretStorage::Plain, w[4], r, w[3],
                                     "yamaha-ppp-clear"));
      return Res::Recognised;
    }
    if (k == "username" && w.size() >= 5) {
      c.dev.secrets.push_back(secret(model::SecretKind::Password, model::SecretStorage::Plain, w[4], r, w[3],
                                     "yamaha-ppp-clear"));
      return Res::Recognised;
    }
    return Res::Ignored;  // accept / request
  }
  if (w0 == "ppp" || (w0 == "pp" && (w1 == "keepalive" || w1 == "always-on" || w1 == "name")) ||
      (w0 == "pppoe" && (w1 == "auto" || w1 == "service-name" || w1 == "access" || w1 == "padi" ||
                         w1 == "padr" || w1 == "disconnect" || w1 == "tcp")))
    return Res::Ignored;
  // --- tunnel context
  if (w0 == "tunnel" && w1 == "encapsulation" && w.size() == 3) {
    if (c.cur_tunnel.empty()) return Res::Unrecognised;
    c.tunnels[c.cur_tunnel].encapsulation = lower(w[2]);
    c.ifc(c.cur_tunnel, r).tunnel_mode = lower(w[2]);
    return Res::Recognised;
  }
  if (w0 == "tunnel" && w1 == "endpoint" && w.size() >= 4) {
    if (c.cur_tunnel.empty()) return Res::Unrecognised;
    if (lower(w[2]) == "address") {
      if (auto a = parse_ipv4(w.back())) c.ifc(c.cur_tunnel, r).tunnel_destination = *a;
    }
    return Res::Recognised;
  }
  if (w0 == "tunnel" && w1 == "name") return Res::Ignored;
  // --- description
  if (w0 == "description" && w.size() >= 2) {
    std::optional<std::string> name;
    size_t from = 2;
    if (w1 == "pp")
      name = c.cur_pp.empty() ? std::nullopt : std::optional<std::string>(c.cur_pp);
    else if (w1 == "tunnel")
      name = c.cur_tunnel.empty() ? std::nullopt : std::optional<std::string>(c.cur_tunnel);
    else if (is_ifc_token(w1))
      name = w1;
    if (!name) return Res::Ignored;  // system description
    c.ifc(*name, r).description = join(w, from);
    return Res::Recognised;
  }
  return std::nullopt;
}

// `ipv6 IF address|dhcp|secure filter ...`; none for other IPv6 lines.
std::optional<Res> ipv6_statement(Ctx& c, const Line& l, const Words& w) {
  SourceRef r = c.ref(l);
  std::string w0 = lower(w[0]);
  std::string w1 = w.size() > 1 ? lower(w[1]) : "";
  // --- IPv6 on an interface: recorded so the prover sees IPv6-enabled interfaces (IPv6 itself is
  // not modelled: an IPv6 path to the internet makes a zone UNPROVEN) and the IPv6 check sees the
  // secure filters. Other IPv6 lines (routes, filter definitions, prefixes, RA) stay ignored.
  if (w0 == "ipv6" && w.size() >= 4) {
    if (auto name = ifc_of(c, w1)) {
      std::string k = lower(w[2]);
      if (k == "address") {
        c.ifc(*name, r).ipv6.push_back({join(w, 3), r});
        return Res::Recognised;
      }
      if (k == "dhcp" && lower(w[3]) == "service" && w.size() >= 5 && lower(w[4]) == "client") {
        c.ifc(*name, r).ipv6.push_back({"dhcp client (" + join(w, 5) + ")", r});
        return Res::Recognised;
      }
      if (k == "secure" && w.size() >= 5 && lower(w[3]) == "filter") {
        std::string dir = lower(w[4]);
        auto& i = c.ifc(*name, r);
        if (dir == "in") {
          i.ipv6_filter_in = "ipv6 " + *name + " secure filter in";
          i.ipv6_filter_in_ref = r;
          return Res::Recognised;
        }
        if (dir == "out") {
          i.ipv6_filter_out = "ipv6 " + *name + " secure filter out";
          i.ipv6_filter_out_ref = r;
          return Res::Recognised;
        }
      }
    }
  }
  return std::nullopt;
}

}  // namespace gp::parsers::rtx
