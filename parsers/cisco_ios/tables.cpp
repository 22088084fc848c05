// Name tables: IP protocols, TCP/UDP port names, ICMP type names (as IOS accepts them), and the
// explicit table of commands that are deliberately irrelevant to forwarding and security.
#include <cstring>

#include "parsers/cisco_ios/ios_internal.h"

namespace gp::parsers::ios {

std::optional<int> protocol_number(std::string_view w) {
  static const std::map<std::string, int> names = {
      {"ip", -1},     {"icmp", 1}, {"igmp", 2},  {"ipinip", 4}, {"tcp", 6},   {"udp", 17},
      {"gre", 47},    {"esp", 50}, {"ahp", 51},  {"eigrp", 88}, {"ospf", 89}, {"nos", 94},
      {"pim", 103},   {"pcp", 108}, {"sctp", 132}, {"ipv4", 4}};
  auto it = names.find(lower(w));
  if (it != names.end()) return it->second;
  auto n = to_int(w);
  if (n && *n <= 255) return *n;
  return std::nullopt;
}

std::optional<int> port_number(std::string_view w, int proto) {
  static const std::map<std::string, int> common = {
      {"discard", 9},  {"domain", 53},  {"echo", 7},     {"pim-auto-rp", 496}, {"sunrpc", 111},
      {"tacacs", 49},  {"talk", 517},   {"time", 37},    {"https", 443},       {"ssh", 22},
      {"www", 80},     {"http", 80}};
  static const std::map<std::string, int> tcp = {
      {"bgp", 179},    {"chargen", 19}, {"cmd", 514},    {"daytime", 13},  {"drip", 3949},
      {"exec", 512},   {"finger", 79},  {"ftp", 21},     {"ftp-data", 20}, {"gopher", 70},
      {"hostname", 101}, {"ident", 113}, {"irc", 194},   {"klogin", 543},  {"kshell", 544},
      {"login", 513},  {"lpd", 515},    {"msrpc", 135},  {"nntp", 119},    {"onep-plain", 15001},
      {"onep-tls", 15002}, {"pop2", 109}, {"pop3", 110}, {"smtp", 25},     {"telnet", 23},
      {"uucp", 540},   {"whois", 43},   {"ldap", 389},   {"ldaps", 636}};
  static const std::map<std::string, int> udp = {
      {"biff", 512},   {"bootpc", 68},  {"bootps", 67},  {"dnsix", 195},   {"isakmp", 500},
      {"mobile-ip", 434}, {"nameserver", 42}, {"netbios-dgm", 138}, {"netbios-ns", 137},
      {"netbios-ss", 139}, {"non500-isakmp", 4500}, {"ntp", 123}, {"rip", 520}, {"ripv6", 521},
      {"snmp", 161},   {"snmptrap", 162}, {"syslog", 514}, {"tftp", 69},   {"who", 513},
      {"xdmcp", 177}};
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

std::optional<IcmpName> icmp_name(std::string_view w) {
  static const std::map<std::string, IcmpName> names = {
      {"administratively-prohibited", {3, 13}}, {"alternate-address", {6, {}}},
      {"conversion-error", {31, {}}},           {"dod-host-prohibited", {3, 10}},
      {"dod-net-prohibited", {3, 9}},           {"echo", {8, {}}},
      {"echo-reply", {0, {}}},                  {"general-parameter-problem", {12, 0}},
      {"host-isolated", {3, 8}},                {"host-precedence-unreachable", {3, 14}},
      {"host-redirect", {5, 1}},                {"host-tos-redirect", {5, 3}},
      {"host-tos-unreachable", {3, 12}},        {"host-unknown", {3, 7}},
      {"host-unreachable", {3, 1}},             {"information-reply", {16, {}}},
      {"information-request", {15, {}}},        {"mask-reply", {18, {}}},
      {"mask-request", {17, {}}},               {"mobile-redirect", {32, {}}},
      {"net-redirect", {5, 0}},                 {"net-tos-redirect", {5, 2}},
      {"net-tos-unreachable", {3, 11}},         {"net-unreachable", {3, 0}},
      {"network-unknown", {3, 6}},              {"no-room-for-option", {12, 2}},
      {"option-missing", {12, 1}},              {"packet-too-big", {3, 4}},
      {"parameter-problem", {12, {}}},          {"port-unreachable", {3, 3}},
      {"precedence-unreachable", {3, 15}},      {"protocol-unreachable", {3, 2}},
      {"reassembly-timeout", {11, 1}},          {"redirect", {5, {}}},
      {"router-advertisement", {9, {}}},        {"router-solicitation", {10, {}}},
      {"source-quench", {4, {}}},               {"source-route-failed", {3, 5}},
      {"time-exceeded", {11, {}}},              {"timestamp-reply", {14, {}}},
      {"timestamp-request", {13, {}}},          {"traceroute", {30, {}}},
      {"ttl-exceeded", {11, 0}},                {"unreachable", {3, {}}}};
  auto it = names.find(lower(w));
  if (it == names.end()) return std::nullopt;
  return it->second;
}

namespace {
// Commands (as leading words, lower case) that cannot change what the device forwards nor what
// management surface it exposes. Prefix match on words; "no X" is looked up as X.
const std::vector<std::vector<const char*>> kIgnoredGlobal = {
    {"!"}, {"end"}, {"exit"}, {"dialer-list"}, {"boot-start-marker"}, {"boot-end-marker"}, {"boot"},
    {"building", "configuration..."}, {"current", "configuration"}, {"service"},
    {"logging"}, {"ntp"}, {"sntp"}, {"clock"}, {"license"}, {"spanning-tree"}, {"vtp"},
    {"cdp"}, {"lldp"}, {"alias"}, {"diagnostic"}, {"redundancy"}, {"platform"}, {"mop"},
    {"memory-size"}, {"multilink"}, {"subscriber"}, {"virtual-service"}, {"ip", "tftp"},
    {"ip", "domain"}, {"ip", "domain-name"}, {"ip", "domain-lookup"}, {"ip", "name-server"},
    {"ip", "host"}, {"ip", "forward-protocol"}, {"ip", "cef"}, {"ip", "subnet-zero"},
    {"ip", "classless"}, {"ip", "source-route"}, {"ip", "bootp"}, {"ip", "finger"},
    {"ip", "gratuitous-arps"}, {"ip", "dhcp"}, {"ip", "arp"}, {"ip", "flow-export"},
    {"ip", "flow-cache"}, {"ip", "flow-top-talkers"}, {"ip", "tcp"}, {"ip", "icmp"},
    {"ip", "sla"}, {"ip", "multicast-routing"}, {"ip", "igmp"}, {"ip", "audit"},
    {"ip", "ips"}, {"ip", "scp"}, {"ip", "rcmd"}, {"ip", "accounting-threshold"},
    {"ip", "options"}, {"ip", "nbar"}, {"ip", "bgp-community"}, {"ip", "community-list"},
    {"ip", "extcommunity-list"}, {"ip", "as-path"}, {"ip", "prefix-list"}, {"ip", "dns"},
    {"ip", "inspect", "name"}, {"ip", "inspect", "audit-trail"}, {"ip", "inspect", "log"},
    {"ip", "inspect", "one-minute"}, {"ip", "inspect", "max-incomplete"},
    {"ip", "inspect", "tcp"}, {"ip", "inspect", "udp"}, {"ip", "inspect", "dns-timeout"},
    {"ip", "ssh", "source-interface"}, {"ip", "ssh", "logging"}, {"ip", "ssh", "time-out"},
    {"ip", "ssh", "authentication-retries"}, {"ip", "ssh", "rsa"}, {"ip", "ssh", "pubkey-chain"},
    {"ip", "http", "authentication"}, {"ip", "http", "path"}, {"ip", "http", "timeout-policy"},
    {"ip", "http", "max-connections"}, {"ip", "http", "client"}, {"ip", "http", "session-module-list"},
    {"ip", "http", "active-session-modules"}, {"ip", "http", "secure-active-session-modules"},
    {"ip", "http", "banner"}, {"ip", "http", "help-path"}, {"ip", "http", "port"},
    {"ip", "http", "secure-port"}, {"ip", "http", "secure-trustpoint"}, {"ip", "http", "timeout"}, {"ip", "http", "session-idle-timeout"}, {"sdm"},
    {"security", "passwords"}, {"security", "authentication"},
    {"ip", "vrf", "sitemap"}, {"ip", "ftp"}, {"ip", "radius"}, {"ip", "tacacs"},
    {"ip", "igmp"}, {"ip", "pim"}, {"ip", "mroute-cache"}, {"ip", "msdp"},
    {"ip", "access-list", "logging"}, {"ip", "access-list", "resequence"}, {"ip", "wccp"},
    {"ip", "admission", "max-login-attempts"}, {"ip", "admission", "max-nodata-conns"},
    {"ip", "auth-proxy", "max-nodata-conns"}, {"snmp", "mib"}, {"snmp", "ifmib"}, {"ip", "auth-proxy", "max-login-attempts"},
    {"ipv6", "cef"}, {"ipv6", "ioam"}, {"ipv6", "spd"}, {"ipv6", "source-route"},
    {"ipv6", "dhcp"}, {"ipv6", "nd"}, {"ipv6", "mld"},
    {"hw-module"}, {"card"}, {"mmi"}, {"mgcp"}, {"gatekeeper"}, {"voice-card"}, {"voice"},
    {"dial-peer"}, {"sccp"}, {"telephony-service"}, {"stcapp"}, {"scheduler"}, {"errdisable"},
    {"archive"}, {"file"}, {"process"}, {"process-max-time"}, {"call-home"}, {"system"},
    {"transceiver"}, {"fhrp"}, {"port-channel", "load-balance"}, {"vlan", "internal"},
    {"udld"}, {"setup"}, {"tftp-server"}, {"track"},
    {"dot11"}, {"macro"}, {"wsma"}, {"netconf-yang"}, {"restconf"}, {"netconf"}, {"resource"},
    {"login", "on-failure"}, {"login", "on-success"}, {"login", "block-for"},
    {"login", "delay"}, {"login", "quiet-mode"}, {"monitor"}, {"crypto", "pki"},
    {"crypto", "key"}, {"crypto", "ca"}, {"key", "chain"}, {"key", "config-key"},
    {"route-map"}, {"class-map"}, {"table-map"}, {"qos"}, {"mls"}, {"flow"}, {"sampler"},
    {"authentication"}, {"dot1x"}, {"device-tracking"}, {"power"}, {"stackwise-virtual"},
    {"switch"}, {"cts"}, {"vstack"}, {"avb"}, {"control-plane"}, {"chat-script"},
    {"rmon"}, {"xdr"}, {"exception"}, {"ip", "device"}, {"ipv6", "nd"}, {"mac", "address-table"},
    {"policy-map"}, {"parameter-map", "type", "inspect"}, {"parameter-map", "type", "regex"},
    {"parameter-map", "type", "protocol-info"}, {"parameter-map", "type", "urlfpolicy"},
    {"aaa"}, {"privilege"},
    {"ip", "http", "tls-version"}, {"ip", "http", "secure-ciphersuite"}};

const std::vector<std::vector<const char*>> kIgnoredInterface = {
    {"negotiation"}, {"duplex"}, {"speed"}, {"mtu"}, {"ip", "mtu"}, {"ip", "tcp"},
    {"ip", "redirects"}, {"ip", "unreachables"}, {"ip", "proxy-arp"}, {"cdp"}, {"load-interval"},
    {"media-type"}, {"mop"}, {"ip", "ospf"}, {"keepalive"}, {"bandwidth"}, {"delay"},
    {"ip", "helper-address"}, {"service-policy"}, {"ip", "route-cache"}, {"ip", "flow"},
    {"ip", "virtual-reassembly"}, {"ip", "virtual-reassembly-out"}, {"ip", "nbar"},
    {"ip", "directed-broadcast"}, {"ip", "mroute-cache"}, {"ip", "pim"}, {"ip", "igmp"},
    {"ip", "dhcp"}, {"ip", "arp"}, {"arp"}, {"spanning-tree"}, {"storm-control"},
    {"logging"}, {"snmp"}, {"lldp"}, {"hold-queue"}, {"tx-ring-limit"}, {"fair-queue"},
    {"ip", "accounting"}, {"ip", "mask-reply"}, {"ip", "rip"}, {"ip", "eigrp"}, {"ip", "hello-interval"},
    {"ip", "hold-time"}, {"ip", "authentication"}, {"ip", "summary-address"}, {"ip", "split-horizon"},
    {"ip", "bandwidth-percent"}, {"ip", "router"}, {"isis"}, {"ip", "sap"}, {"ip", "sla"},
    {"ip", "wccp"}, {"ipv6", "nd"}, {"ipv6", "ospf"}, {"ipv6", "mtu"}, {"ipv6", "redirects"},
    {"ipv6", "unreachables"}, {"ipv6", "eigrp"}, {"ipv6", "rip"}, {"ipv6", "dhcp"},
    {"ipv6", "mld"}, {"ipv6", "pim"}, {"mpls", "mtu"}, {"bfd"}, {"carrier-delay"},
    {"dampening"}, {"clock"}, {"power"}, {"macro"}, {"auto"}, {"srr-queue"}, {"priority-queue"},
    {"mls"}, {"qos"}, {"queue-set"}, {"flowcontrol"}, {"udld"}, {"dot1x"}, {"authentication"},
    {"mab"}, {"device-tracking"}, {"lacp"}, {"pagp"}, {"small-frame"}, {"ignore"},
    {"dialer-group"}, {"dialer", "idle-timeout"}, {"dialer", "persistent"}, {"dialer", "down-with-vInterface"},
    {"dialer", "vpdn"}, {"dialer", "string"}, {"dialer", "hold-queue"}, {"dialer-list"},
    {"ppp", "ipcp"}, {"ppp", "lcp"}, {"ppp", "mtu"}, {"ppp", "multilink"}, {"ppp", "timeout"},
    {"ppp", "max-bad-auth"}, {"ppp", "keepalive"}, {"exit"},
    {"platform"}, {"hw-module"}, {"l2protocol-tunnel"}, {"ip", "ips"}, {"ip", "audit"},
    {"ip", "nat", "log"}, {"tunnel", "path-mtu-discovery"}, {"tunnel", "bandwidth"},
    {"tunnel", "key"}, {"ip", "nhrp"}, {"crypto", "ipsec", "df-bit"}, {"ip", "sap"}};
// Note: "no X" in interfaces reaches this table only after the interface parser handled the
// forwarding-relevant negations (no shutdown, no ip address, no switchport ...).

bool match_table(const std::vector<std::vector<const char*>>& table, const Words& w) {
  if (w.empty()) return true;
  for (const auto& entry : table) {
    if (entry.size() > w.size()) continue;
    bool ok = true;
    for (size_t i = 0; i < entry.size() && ok; ++i) ok = lower(w[i]) == entry[i];
    if (ok) return true;
  }
  return false;
}
}  // namespace

bool is_ignored_global(const Words& w) {
  if (!w.empty() && w[0].size() >= 1 && w[0][0] == '!') return true;  // comments
  if (w.size() >= 2 && lower(w[0]) == "no") {
    Words rest(w.begin() + 1, w.end());
    // Negations that change forwarding are handled before reaching this table.
    return match_table(kIgnoredGlobal, rest);
  }
  return match_table(kIgnoredGlobal, w);
}

bool is_ignored_interface(const Words& w) {
  if (!w.empty() && w[0][0] == '!') return true;
  if (w.size() >= 2 && lower(w[0]) == "no") {
    Words rest(w.begin() + 1, w.end());
    return match_table(kIgnoredInterface, rest);
  }
  return match_table(kIgnoredInterface, w);
}

}  // namespace gp::parsers::ios
