// `interface X` blocks: addresses, PPPoE, filters applied, NAPT and its port forwards, tunnel
// and IPsec bindings, IPv6; interface names and kinds.
#include <algorithm>

#include "parsers/nec_ix/internal.h"

namespace gp::parsers::nec {

model::InterfaceKind kind_of(const std::string& n) {
  std::string l = lower(n);
  if (l.rfind("tunnel", 0) == 0) return model::InterfaceKind::Tunnel;
  if (l.rfind("loopback", 0) == 0) return model::InterfaceKind::Loopback;
  if (l.rfind("null", 0) == 0) return model::InterfaceKind::Null;
  if (l.rfind("bvi", 0) == 0) return model::InterfaceKind::Bvi;
  if (l.rfind("dialer", 0) == 0) return model::InterfaceKind::Dialer;
  auto dot = l.rfind('.');
  if (dot != std::string::npos && l.substr(dot + 1) != "0") return model::InterfaceKind::Subinterface;
  return model::InterfaceKind::Physical;
}

// Canonical case for an interface reference ("gigaethernet0.1" -> "GigaEthernet0.1").
std::string canon_ifc(const Ctx& c, const std::string& ref) {
  for (const auto& i : c.dev.interfaces)
    if (lower(i.name) == lower(ref)) return i.name;
  return ref;
}

bool looks_like_ifc(const std::string& w) {
  std::string l = lower(w);
  for (const char* p : {"gigaethernet", "fastethernet", "tunnel", "loopback", "null", "bvi", "dialer",
                        "usb-serial", "bri", "tengigaethernet"})
    if (l.rfind(p, 0) == 0 && l.size() > std::char_traits<char>::length(p)) return true;
  return false;
}

void parse_interface(Ctx& c, const ConfigLine& l, const Words& w) {
  model::Interface i;
  i.name = w[1];
  i.kind = kind_of(i.name);
  i.src_ref = c.ref(l);
  auto dot = i.name.rfind('.');
  if (i.kind == model::InterfaceKind::Subinterface && dot != std::string::npos)
    i.parent = i.name.substr(0, dot);
  ++c.recognised;
  bool shut_seen = false;
  for (const auto& ch : l.children) {
    Words x = split_words(ch.text);
    if (x.empty()) continue;
    std::string k0 = lower(x[0]), k1 = x.size() > 1 ? lower(x[1]) : "";
    SourceRef r = c.ref(ch);
    bool ok = true;
    if (k0 == "!") {
      c.ignored(ch);
      continue;
    } else if (k0 == "description") {
      i.description = join(x, 1);
    } else if (k0 == "shutdown") {
      i.shutdown = true, i.shutdown_ref = r, shut_seen = true;
    } else if (k0 == "no" && k1 == "shutdown") {
      i.shutdown = false, shut_seen = true;
    } else if (k0 == "no" && k1 == "ip" && x.size() == 3 && lower(x[2]) == "address") {
    } else if (k0 == "ip" && k1 == "address" && x.size() >= 3) {
      std::string v = lower(x[2]);
      if (v == "dhcp")
        i.dhcp_client = true;
      else if (v == "ipcp")
        i.negotiated_address = true;
      else if (auto p = parse_prefix(x[2]); p && x[2].find('/') != std::string::npos)
        i.ipv4.push_back({*p, x.size() > 3 && lower(x[3]) == "secondary", r});
      else
        ok = false;
    } else if (k0 == "ip" && k1 == "unnumbered" && x.size() == 3) {
      i.unnumbered = true, i.unnumbered_from = x[2];
    } else if (k0 == "encapsulation" && x.size() == 2) {
      if (k1 == "pppoe")
        i.pppoe = true;
      else if (k1 != "ppp")
        ok = false;
    } else if (k0 == "ppp" && k1 == "binding") {
    } else if (k0 == "auto-connect" || (k0 == "no" && k1 == "auto-connect")) {
    } else if (k0 == "ip" && k1 == "filter" && x.size() == 5) {
      auto seq = num(x[3]);
      std::string dir = lower(x[4]);
      if (!seq || (dir != "in" && dir != "out"))
        ok = false;
      else
        (dir == "in" ? c.filter_uses[i.name].first : c.filter_uses[i.name].second).push_back({x[2], *seq, r});
    } else if (k0 == "ip" && k1 == "napt" && x.size() >= 3) {
      std::string k2 = lower(x[2]);
      if (k2 == "enable") {
        i.nat_role = model::NatRole::Outside, i.nat_role_ref = r;
        c.napt_ifcs.push_back({i.name, r});
      } else if (k2 == "static" && x.size() >= 5) {
        // to the router itself: the packet stays on the device (IKE/ESP through NAPT)
      } else if (k2 == "service" && x.size() >= 8) {
        // ip napt service NAME INSIDE-IP OUTSIDE-IP|none PROTO PORT [INSIDE-PORT]
        model::NatRule nr;
        nr.kind = model::NatKind::StaticPort;
        nr.mapped_interface_name = i.name;
        nr.src_ref = r;
        nr.text = ch.text;
        auto in_ip = parse_ipv4(x[4]);
        std::string out = lower(x[5]);
        std::string pr = lower(x[6]);
        auto port = num(x[7]);
        auto inport = x.size() > 8 ? num(x[8]) : port;
        if (!in_ip || !port || *port > 65535 || !inport || *inport > 65535 || (pr != "tcp" && pr != "udp")) {
          nr.understood = false;
          nr.why_not_understood = "ip napt service form not modelled";
        } else {
          nr.real_src = {AddrMatch::host(*in_ip)};
          nr.protocol = pr == "tcp" ? 6 : 17;
          nr.mapped_port = static_cast<uint16_t>(*port);
          nr.real_port = static_cast<uint16_t>(*inport);
          if (out == "none")
            nr.mapped_is_interface = true;
          else if (auto o = parse_ipv4(out))
            nr.mapped_src = Prefix{*o, 32};
          else
            nr.understood = false, nr.why_not_understood = "outside address '" + out + "'";
        }
        c.dev.nat.push_back(nr);
      } else if (k2 == "translation" || k2 == "hairpinning") {
      } else {
        ok = false;
      }
    } else if (k0 == "tunnel" && k1 == "mode" && x.size() >= 3) {
      i.tunnel_mode = join(x, 2);
    } else if (k0 == "tunnel" && (k1 == "destination" || k1 == "source") && x.size() == 3) {
      if (auto a = parse_ipv4(x[2]))
        (k1 == "destination" ? i.tunnel_destination : i.tunnel_source_addr) = *a;
      else if (k1 == "source")
        i.tunnel_source_ifc = x[2];
    } else if (k0 == "ipsec" && k1 == "policy" && x.size() >= 4) {
      i.tunnel_protection = x[3];
      c.tunnel_map[i.name] = x[3];
    } else if (k0 == "ipv6" && (k1 == "enable" || k1 == "address" ||
                                (k1 == "dhcp" && x.size() >= 3 && lower(x[2]) == "client"))) {
      // IPv6 is not modelled: an IPv6-enabled interface lets the prover see an IPv6 path.
      i.ipv6.push_back({join(x, 1), r});
    } else if (k0 == "ipv6" && k1 == "filter" && x.size() == 5 &&
               (lower(x[4]) == "in" || lower(x[4]) == "out")) {
      (lower(x[4]) == "in" ? i.ipv6_filter_in : i.ipv6_filter_out) = x[2];
      (lower(x[4]) == "in" ? i.ipv6_filter_in_ref : i.ipv6_filter_out_ref) = r;
    } else if ((k0 == "ip" && (k1 == "mtu" || k1 == "tcp" || k1 == "proxy-arp" || k1 == "dhcp" ||
                               k1 == "ufs-cache" || k1 == "redirects" || k1 == "ospf" || k1 == "rip")) ||
               k0 == "ipv6" || k0 == "bandwidth" || k0 == "mtu" || k0 == "speed" || k0 == "duplex" ||
               k0 == "ppp" || k0 == "keepalive" || k0 == "vlan-id" || k0 == "bridge-group" || k0 == "ike" ||
               k0 == "lcp" || k0 == "ipcp" || k0 == "qos" || k0 == "ip-precedence") {
      if (k0 == "ipsec" || k0 == "ike")
        ++c.recognised;
      else
        c.ignored(ch);
      continue;
    } else {
      ok = false;
    }
    if (ok)
      ++c.recognised;
    else
      c.unrec(ch, LineContext::Interface, i.name);
  }
  if (!shut_seen && i.kind != model::InterfaceKind::Loopback && i.kind != model::InterfaceKind::Null)
    c.note(i.name + ": neither 'shutdown' nor 'no shutdown' written; taken as up", i.src_ref);
  if (i.kind == model::InterfaceKind::Null) i.shutdown = false;
  c.dev.interfaces.push_back(std::move(i));
}

}  // namespace gp::parsers::nec
