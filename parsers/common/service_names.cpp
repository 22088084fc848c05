#include "parsers/common/service_names.h"

#include <map>
#include <string>

#include "model/filter.h"
#include "parsers/common/words.h"

namespace gp::parsers {

std::optional<int> protocol_number(std::string_view w) {
  static const std::map<std::string, int> names = {{"ip", -1},   {"icmp", 1},   {"igmp", 2},   {"ipinip", 4},
                                                   {"tcp", 6},   {"udp", 17},   {"gre", 47},   {"esp", 50},
                                                   {"ahp", 51},  {"eigrp", 88}, {"ospf", 89},  {"nos", 94},
                                                   {"pim", 103}, {"pcp", 108},  {"sctp", 132}, {"ipv4", 4}};
  auto it = names.find(lower(w));
  if (it != names.end()) return it->second;
  auto n = to_int(w);
  if (n && *n <= 255) return *n;
  return std::nullopt;
}

std::optional<int> port_number(std::string_view w, int proto) {
  static const std::map<std::string, int> common = {
      {"discard", 9}, {"domain", 53}, {"echo", 7},    {"pim-auto-rp", 496}, {"sunrpc", 111}, {"tacacs", 49},
      {"talk", 517},  {"time", 37},   {"https", 443}, {"ssh", 22},          {"www", 80},     {"http", 80}};
  static const std::map<std::string, int> tcp = {
      {"bgp", 179},        {"chargen", 19}, {"cmd", 514},   {"daytime", 13},  {"drip", 3949},
      {"exec", 512},       {"finger", 79},  {"ftp", 21},    {"ftp-data", 20}, {"gopher", 70},
      {"hostname", 101},   {"ident", 113},  {"irc", 194},   {"klogin", 543},  {"kshell", 544},
      {"login", 513},      {"lpd", 515},    {"msrpc", 135}, {"nntp", 119},    {"onep-plain", 15001},
      {"onep-tls", 15002}, {"pop2", 109},   {"pop3", 110},  {"smtp", 25},     {"telnet", 23},
      {"uucp", 540},       {"whois", 43},   {"ldap", 389},  {"ldaps", 636}};
  static const std::map<std::string, int> udp = {
      {"biff", 512},       {"bootpc", 68},          {"bootps", 67},
      {"dnsix", 195},      {"isakmp", 500},         {"mobile-ip", 434},
      {"nameserver", 42},  {"netbios-dgm", 138},    {"netbios-ns", 137},
      {"netbios-ss", 139}, {"non500-isakmp", 4500}, {"ntp", 123},
      {"rip", 520},        {"ripv6", 521},          {"snmp", 161},
      {"snmptrap", 162},   {"syslog", 514},         {"tftp", 69},
      {"who", 513},        {"xdmcp", 177}};
  auto n = to_int(w);
  if (n) {
    if (*n > 65535) return std::nullopt;
    return *n;
  }
  std::string l = lower(w);
  if (auto it = common.find(l); it != common.end()) return it->second;
  // tcp-udp service objects (proto 0) accept names of both tables.
  if (proto == model::proto::kTcp || proto == 0)
    if (auto it = tcp.find(l); it != tcp.end()) return it->second;
  if (proto == model::proto::kUdp || proto == 0)
    if (auto it = udp.find(l); it != udp.end()) return it->second;
  return std::nullopt;
}

}  // namespace gp::parsers
