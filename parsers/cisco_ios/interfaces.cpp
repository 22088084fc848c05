// "interface X" blocks: addressing, L2 mode, VRF, filters, NAT role, PPP/dialer, tunnels.
#include "parsers/cisco_ios/ios_internal.h"

namespace gp::parsers::ios {

namespace {

void access_group(Ctx& c, model::Interface& ifc, const ConfigLine& l, const Words& w) {
  // ip access-group NAME|N in|out
  const std::string& name = w[2];
  std::string dir = w.size() >= 4 ? lower(w[3]) : "";
  if (w.size() != 4 || (dir != "in" && dir != "out")) {
    c.unrec(l, LineContext::Interface, ifc.name);
    return;
  }
  if (dir == "in") {
    ifc.filter_in = name;
    ifc.filter_in_ref = c.ref(l);
  } else {
    ifc.filter_out = name;
    ifc.filter_out_ref = c.ref(l);
  }
  use_filter(c, name, c.ref(l));
  c.recognised(l);
}

// One line inside an interface block; returns false when not understood.
bool interface_line(Ctx& c, model::Interface& ifc, const ConfigLine& l, const Words& w) {
  auto is = [&](std::initializer_list<const char*> p) { return starts_with(w, p); };
  const SourceRef r = c.ref(l);
  if (is({"description"})) {
    ifc.description = join(w, 1);
    return true;
  }
  if (is({"shutdown"}) && w.size() == 1) {
    ifc.shutdown = true;
    ifc.shutdown_ref = r;
    return true;
  }
  if (is({"no", "shutdown"}) && w.size() == 2) {
    ifc.shutdown = false;
    ifc.shutdown_ref = r;
    return true;
  }
  if (is({"ip", "address"})) {
    if (w.size() == 3 && lower(w[2]) == "dhcp") return ifc.dhcp_client = true;
    if (w.size() >= 3 && lower(w[2]) == "dhcp") {  // "ip address dhcp client-id X"
      ifc.dhcp_client = true;
      return true;
    }
    if (w.size() == 3 && lower(w[2]) == "negotiated") return ifc.negotiated_address = true;
    if (w.size() == 3 && lower(w[2]) == "pool") return false;
    std::optional<Prefix> p;
    bool secondary = false;
    size_t next = 0;
    if (w.size() >= 4) {
      auto a = parse_ipv4(w[2]);
      auto m = parse_ipv4(w[3]);
      if (a && m) {
        if (auto len = mask_to_len(*m)) p = Prefix{*a, *len};
        next = 4;
      }
    }
    if (!p && w.size() >= 3 && w[2].find('/') != std::string::npos) {
      p = parse_prefix(w[2]);
      next = 3;
    }
    if (!p) return false;
    if (next < w.size()) {
      if (lower(w[next]) == "secondary" && next + 1 == w.size()) {
        secondary = true;
      } else {
        return false;
      }
    }
    ifc.ipv4.push_back({*p, secondary, r});
    return true;
  }
  if (is({"no", "ip", "address"})) {
    ifc.ipv4.clear();
    return true;
  }
  if (is({"ip", "unnumbered"}) && w.size() == 3) {
    ifc.unnumbered = true;
    ifc.unnumbered_from = w[2];  // canonicalised at the end
    return true;
  }
  if (is({"ipv6", "address"}) || is({"ipv6", "enable"})) {
    ifc.ipv6.push_back({join(w, 1), r});
    return true;
  }
  if (is({"switchport"}) && w.size() == 1) return ifc.switchport = true;
  if (is({"no", "switchport"}) && w.size() == 2) {
    ifc.switchport = false;
    return true;
  }
  if (is({"switchport", "mode"}) && w.size() == 3) {
    ifc.switchport = true;
    std::string m = lower(w[2]);
    if (m == "trunk") return ifc.trunk = true;
    if (m == "access") return !(ifc.trunk = false);
    if (m == "dynamic") return false;
    return false;
  }
  if (is({"switchport", "access", "vlan"}) && w.size() == 4) {
    auto v = to_int(w[3]);
    if (!v) return false;
    ifc.switchport = true;
    ifc.access_vlan = *v;
    return true;
  }
  if (is({"switchport", "trunk", "allowed", "vlan"}) && w.size() >= 5) {
    bool ok = true;
    std::string list = lower(w[4]);
    if (list == "all") {
      ifc.trunk_vlans.clear();
      return true;
    }
    if (list == "none") {
      ifc.trunk_vlans = {};
      c.note("interface " + ifc.name + ": trunk allows no VLAN (modelled as all)", r);
      return true;
    }
    if (list == "add" && w.size() == 6) {
      auto add = parse_vlan_list(w[5], ok);
      if (!ok) return false;
      ifc.trunk_vlans.insert(ifc.trunk_vlans.end(), add.begin(), add.end());
      return true;
    }
    if (w.size() != 5) return false;
    ifc.trunk_vlans = parse_vlan_list(w[4], ok);
    return ok;
  }
  if (is({"switchport", "trunk", "native"}) || is({"switchport", "trunk", "encapsulation"}) ||
      is({"switchport", "nonegotiate"}) || is({"switchport", "port-security"}) ||
      is({"switchport", "voice"}) || is({"switchport", "trunk", "pruning"}) ||
      is({"switchport", "protected"}) || is({"switchport", "block"}) || is({"switchport", "host"}))
    return true;  // recognised: no effect on which networks the port reaches beyond the VLAN
  if (is({"encapsulation", "dot1q"}) && (w.size() == 3 || w.size() == 4)) {
    auto v = to_int(w[2]);
    if (!v) return false;
    if (w.size() == 4 && lower(w[3]) != "native") return false;
    ifc.encapsulation_vlan = *v;
    return true;
  }
  if (is({"encapsulation", "ppp"}) || is({"encapsulation", "hdlc"}) || is({"encapsulation", "frame-relay"}))
    return true;
  if ((is({"vrf", "forwarding"}) || is({"ip", "vrf", "forwarding"})) && w.size() >= 3) {
    ifc.vrf = w[w.size() - 1];
    return w.size() == (lower(w[0]) == "vrf" ? 3u : 4u);
  }
  if (is({"ip", "access-group"}) && w.size() >= 3) {
    access_group(c, ifc, l, w);
    return true;  // access_group counted the line itself
  }
  if (is({"ip", "nat", "inside"}) && w.size() == 3) {
    ifc.nat_role = model::NatRole::Inside;
    ifc.nat_role_ref = r;
    return true;
  }
  if (is({"ip", "nat", "outside"}) && w.size() == 3) {
    ifc.nat_role = model::NatRole::Outside;
    ifc.nat_role_ref = r;
    return true;
  }
  if ((is({"pppoe-client", "dial-pool-number"}) && w.size() >= 3)) {
    ifc.pppoe = true;
    ifc.dialer_pool = w[2];
    return true;
  }
  if (is({"pppoe", "enable"}) || (is({"pppoe-client"}) && w.size() >= 2)) return ifc.pppoe = true;
  if (is({"dialer", "pool"}) && w.size() == 3) {
    ifc.dialer_pool = w[2];
    return true;
  }
  if (is({"ppp", "chap", "password"}) && w.size() >= 4) {
    c.dev.secrets.push_back(
        make_secret(model::SecretKind::Password, w, w.size() - 1, r, "ppp chap " + ifc.name));
    return true;
  }
  if (is({"ppp", "pap", "sent-username"}) && w.size() >= 6 && lower(w[4]) == "password") {
    c.dev.secrets.push_back(make_secret(model::SecretKind::Password, w, w.size() - 1, r, w[3]));
    return true;
  }
  if (is({"ppp", "chap", "hostname"}) || is({"ppp", "authentication"}) || is({"ppp", "chap", "refuse"}) ||
      is({"ppp", "pap", "refuse"}))
    return true;
  if (is({"peer", "default", "ip", "address", "pool"}) && w.size() == 6) {
    c.vtemplate_pools[ifc.name] = w[5];
    return true;
  }
  if (is({"tunnel", "source"}) && w.size() == 3) {
    if (auto a = parse_ipv4(w[2]))
      ifc.tunnel_source_addr = *a;
    else
      ifc.tunnel_source_ifc = w[2];
    return true;
  }
  if (is({"tunnel", "destination"}) && w.size() == 3) {
    auto a = parse_ipv4(w[2]);
    if (!a) return false;  // a DNS name: peer unknown
    ifc.tunnel_destination = *a;
    return true;
  }
  if (is({"tunnel", "mode"}) && w.size() >= 3) {
    ifc.tunnel_mode = join(w, 2);
    return true;
  }
  if (is({"tunnel", "protection", "ipsec", "profile"}) && w.size() >= 5) {
    ifc.tunnel_protection = w[4];
    c.tunnels.push_back({ifc.name, w[4], r});
    return true;
  }
  if (is({"crypto", "map"}) && w.size() == 3) {
    ifc.crypto_map = w[2];
    return true;
  }
  if ((is({"standby"}) || is({"vrrp"}) || is({"glbp"})) && w.size() >= 3) {
    // Virtual router addresses: the device answers on them too (noted, not modelled).
    for (size_t i = 1; i + 1 < w.size(); ++i)
      if (lower(w[i]) == "ip" && parse_ipv4(w[i + 1]))
        c.note("interface " + ifc.name + ": first-hop redundancy address " + w[i + 1], r);
    return true;
  }
  if ((is({"channel-group"}) && w.size() >= 2)) {
    ifc.other_refs["channel-group " + w[1]] = r;
    return true;
  }
  if (is({"ip", "verify"})) {  // uRPF drops spoofed sources: restricts only, but record it
    ifc.other_refs["ip verify"] = r;
    return false;
  }
  if (is({"zone-member", "security"}) && w.size() == 3) {
    ifc.zone = w[2];  // zone-based firewall: not modelled -> the line stays unrecognised
    return false;
  }
  if (is({"ipv6", "traffic-filter"}) && w.size() >= 4) {
    std::string dir = lower(w[3]);
    if (dir == "in") {
      ifc.ipv6_filter_in = w[2];
      ifc.ipv6_filter_in_ref = r;
      return true;
    }
    if (dir == "out") {
      ifc.ipv6_filter_out = w[2];
      ifc.ipv6_filter_out_ref = r;
      return true;
    }
  }
  return false;
}

}  // namespace

void parse_interface(Ctx& c, const ConfigLine& l, const Words& w) {
  model::Interface ifc;
  ifc.name = join(w, 1);
  // "interface GigabitEthernet0/0.10 point-to-point" / "interface Tunnel0 multipoint"
  if (w.size() == 3 && (lower(w[2]) == "point-to-point" || lower(w[2]) == "multipoint")) ifc.name = w[1];
  ifc.kind = kind_of(ifc.name);
  ifc.src_ref = c.ref(l);
  if (ifc.kind == model::InterfaceKind::Subinterface) ifc.parent = ifc.name.substr(0, ifc.name.find('.'));
  c.recognised(l);
  for (const auto& ch : l.children) {
    Words cw = split_words(ch.text);
    bool handled = false;
    if (starts_with(cw, {"ip", "access-group"}) && cw.size() >= 3) {
      access_group(c, ifc, ch, cw);
      handled = true;
    } else if (interface_line(c, ifc, ch, cw)) {
      c.recognised(ch);
      handled = true;
    } else if (is_ignored_interface(cw)) {
      c.ignored(ch);
      handled = true;
    }
    if (!handled) c.unrec(ch, LineContext::Interface, ifc.name);
    for (const auto& g : ch.children) c.unrec_tree(g, LineContext::Interface, ifc.name);
  }
  c.dev.interfaces.push_back(std::move(ifc));
}

}  // namespace gp::parsers::ios
