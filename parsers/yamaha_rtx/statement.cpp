// One Yamaha statement: dispatched by its first words to the topic that reads it.
#include <set>

#include "parsers/yamaha_rtx/internal.h"

namespace gp::parsers::rtx {

Res statement(Ctx& c, const Line& l, const Words& w) {
  std::string w0 = lower(w[0]);
  std::string w1 = w.size() > 1 ? lower(w[1]) : "";
  if (auto res = context_statement(c, l, w)) return *res;
  // --- ip ...
  if (w0 == "ip" && w.size() >= 3) {
    if (w1 == "route") return parse_route(c, l, w);
    if (w1 == "filter") {
      std::string k = lower(w[2]);
      if (k == "dynamic") return parse_dynamic_def(c, l, w) ? Res::Recognised : Res::Unrecognised;
      if (k == "source-route" || k == "directed-broadcast") return Res::Ignored;
      if (num(k)) return parse_filter_def(c, l, w) ? Res::Recognised : Res::Unrecognised;
      return Res::Unrecognised;
    }
    if (auto name = ifc_of(c, w1)) return parse_ip_ifc(c, l, w, *name);
    if (w1 == "keepalive" || w1 == "host") return Res::Ignored;
    return Res::Unrecognised;
  }
  if (w0 == "nat") return parse_nat(c, l, w);
  if (w0 == "ipsec") return parse_ipsec(c, l, w);
  if (auto res = management_statement(c, l, w)) return *res;
  if (auto res = hygiene_statement(c, l, w)) return *res;
  if (auto res = ipv6_statement(c, l, w)) return *res;
  // --- deliberately irrelevant families
  static const std::set<std::string> ign0 = {"console",   "statistics",  "dashboard",
                                             "syslog",    "dns",         "ntpdate",
                                             "timezone",  "dhcp",        "ipv6",
                                             "ngn",       "sftpd",       "netvolante-dns",
                                             "lan-map",   "switch",      "lan",
                                             "vlan",      "provider",    "analog",
                                             "user",      "snmpv3",      "external-memory",
                                             "operation", "alarm",       "show",
                                             "save",      "heartbeat",   "upnp",
                                             "mail",      "sip",         "wins",
                                             "ethernet",  "cooperation", "url",
                                             "quality",   "queue",       "speed"};
  if (ign0.count(w0)) return Res::Ignored;
  if (w0 == "login" && (w1 == "timer")) return Res::Ignored;
  if (w0 == "l2tp") return Res::Ignored;  // keepalive, syslog, tunnel disconnect ...
  return Res::Unrecognised;
}

}  // namespace gp::parsers::rtx
