// ASA "interface X" blocks: nameif, security-level, addresses, VLANs, state.
#include "parsers/cisco_asa/internal.h"

namespace gp::parsers::asa {

using model::InterfaceKind;
using model::LineContext;

namespace {

bool starts_with(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }

InterfaceKind kind_of(const std::string& name) {
  if (name.find('.') != std::string::npos) return InterfaceKind::Subinterface;
  if (starts_with(name, "Vlan") || starts_with(name, "vlan")) return InterfaceKind::Vlan;
  if (starts_with(name, "Port-channel")) return InterfaceKind::PortChannel;
  if (starts_with(name, "Redundant")) return InterfaceKind::Other;
  if (starts_with(name, "BVI")) return InterfaceKind::Bvi;
  if (starts_with(name, "Tunnel")) return InterfaceKind::Tunnel;
  if (starts_with(name, "Loopback")) return InterfaceKind::Loopback;
  if (starts_with(name, "Internal-") || starts_with(name, "Virtual")) return InterfaceKind::Other;
  return InterfaceKind::Physical;  // GigabitEthernet, TenGigabitEthernet, Management, Ethernet
}

// Lines with no bearing on what is forwarded between nameifs (physical layer, IPv6 ND...).
bool ignorable(const Words& w) {
  static const char* kIgnored[] = {"speed",          "duplex",         "mtu",       "negotiation", "nve-only",
                                   "lacp",           "flowcontrol",    "delay",     "ddns",        "dhcp",
                                   "authentication", "hello-interval", "hold-time", "pim",         "igmp",
                                   "multicast"};
  if (w[0] == "no" && w.size() >= 2)
    for (const char* k : {"shutdown", "nve-only", "ipv6", "pim", "igmp", "multicast"})
      if (w[1] == k) return true;
  for (const char* k : kIgnored)
    if (w[0] == k) return true;
  if (w[0] == "ipv6" && w.size() >= 2 && (w[1] == "nd" || w[1] == "ospf")) return true;
  if (w[0] == "ospf" || w[0] == "eigrp" || w[0] == "rip") return true;  // metrics, auth
  return false;
}

}  // namespace

bool handle_interface(Ctx& c, const ConfigLine& b, const Words& w) {
  if (w[0] != "interface" || w.size() < 2) return false;
  model::Interface ifc;
  ifc.name = w[1];
  ifc.kind = kind_of(ifc.name);
  ifc.src_ref = c.ref(b.line);
  if (ifc.kind == InterfaceKind::Subinterface) ifc.parent = ifc.name.substr(0, ifc.name.find('.'));
  c.recognised(b);
  if (w.size() > 2) {
    // "interface GigabitEthernet0/1 "nothing else expected
    c.unrecognised(b, LineContext::Interface, ifc.name);
  }
  bool security_set = false;
  SourceRef nameif_ref;
  for (const auto& ch : b.children) {
    Words cw = split_words(ch.text);
    if (cw.empty()) continue;
    if (cw[0][0] == '!') {
      c.ignored(ch);
      continue;
    }
    auto ok = [&] { c.recognised(ch); };
    auto bad = [&] { c.unrecognised(ch, LineContext::Interface, ifc.name); };
    const std::string& k = cw[0];
    if (k == "nameif" && cw.size() == 2) {
      ifc.nameif = cw[1];
      nameif_ref = c.ref(ch.line);
      ok();
    } else if (k == "security-level" && cw.size() == 2) {
      auto v = port_number(cw[1]);
      if (v && *v <= 100 && cw[1].find_first_not_of("0123456789") == std::string::npos) {
        ifc.security_level = *v;
        security_set = true;
        ok();
      } else {
        bad();
      }
    } else if (k == "ip" && cw.size() >= 3 && cw[1] == "address") {
      if (cw[2] == "dhcp") {
        ifc.dhcp_client = true;
        if (cw.size() == 4 && cw[3] == "setroute")
          ifc.other_refs["ip address dhcp setroute"] = c.ref(ch.line);
        if (cw.size() > 4 || (cw.size() == 4 && cw[3] != "setroute"))
          bad();
        else
          ok();
      } else if (cw[2] == "pppoe") {
        ifc.pppoe = true;
        if (cw.size() >= 4 && cw[3] == "setroute")
          ifc.other_refs["ip address pppoe setroute"] = c.ref(ch.line);
        ok();
      } else {
        auto a = parse_ipv4(cw[2]);
        auto m = cw.size() >= 4 ? parse_ipv4(cw[3]) : std::nullopt;
        auto len = m ? mask_to_len(*m) : std::nullopt;
        if (!a || !len) {
          bad();
          continue;
        }
        model::InterfaceAddress addr;
        addr.prefix = Prefix{*a, *len};
        addr.src_ref = c.ref(ch.line);
        ifc.ipv4.push_back(addr);
        if (cw.size() == 6 && cw[4] == "standby" && parse_ipv4(cw[5])) {
          // The failover peer's address: not this unit's.
          ifc.other_refs["ip address standby " + cw[5]] = c.ref(ch.line);
          ok();
        } else if (cw.size() == 4) {
          ok();
        } else {
          bad();
        }
      }
    } else if (k == "no" && cw.size() >= 2 &&
               (cw[1] == "nameif" || cw[1] == "security-level" ||
                (cw[1] == "ip" && cw.size() == 3 && cw[2] == "address"))) {
      ok();
    } else if (k == "shutdown" && cw.size() == 1) {
      ifc.shutdown = true;
      ifc.shutdown_ref = c.ref(ch.line);
      ok();
    } else if (k == "description") {
      ifc.description = join(cw, 1);
      ok();
    } else if (k == "vlan" && cw.size() >= 2) {
      auto v = port_number(cw[1]);
      if (v && cw.size() == 2) {
        ifc.encapsulation_vlan = *v;
        ok();
      } else {
        bad();
      }
    } else if (k == "management-only" && cw.size() == 1) {
      ifc.other_refs["management-only"] = c.ref(ch.line);
      ok();
    } else if (k == "ipv6" && cw.size() >= 2 && (cw[1] == "address" || cw[1] == "enable")) {
      ifc.ipv6.push_back({join(cw, 1), c.ref(ch.line)});
      ok();
    } else if (k == "pppoe" && cw.size() >= 2) {
      ifc.pppoe = true;
      if (cw.size() >= 5 && cw[1] == "client" && cw[2] == "vpdn" && cw[3] == "group") ifc.dialer_pool = cw[4];
      ifc.other_refs[join(cw, 0)] = c.ref(ch.line);
      ok();
    } else if ((k == "channel-group" || k == "member-interface") && cw.size() >= 2) {
      ifc.other_refs[join(cw, 0)] = c.ref(ch.line);
      ok();
    } else if (ignorable(cw)) {
      c.ignored(ch);
    } else {
      // Includes "policy-route", "zone-member", "bridge-group", ...: could change forwarding.
      bad();
    }
  }
  if (!ifc.nameif.empty() && !security_set) {
    // ASA: a nameif without an explicit level gets 100 for "inside", 0 otherwise.
    ifc.security_level = ifc.nameif == "inside" ? 100 : 0;
    c.note("interface " + ifc.name + " (nameif " + ifc.nameif + ") has no security-level: ASA default " +
               std::to_string(*ifc.security_level) + " assumed",
           nameif_ref);
  }
  // "ip address dhcp|pppoe setroute": a default route learnt from the server, out of here.
  for (const char* key : {"ip address dhcp setroute", "ip address pppoe setroute"}) {
    auto it = ifc.other_refs.find(key);
    if (it == ifc.other_refs.end()) continue;
    model::Route r;
    r.kind = model::RouteKind::Dynamic;
    r.prefix = Prefix{0, 0};
    r.out_interface = ifc.name;
    r.src_ref = it->second;
    c.dev.routes.push_back(r);
    c.note("default route learnt by " + std::string(key) + " on " + ifc.name + " (next hop from the server)",
           it->second);
  }
  c.dev.interfaces.push_back(std::move(ifc));
  return true;
}

}  // namespace gp::parsers::asa
