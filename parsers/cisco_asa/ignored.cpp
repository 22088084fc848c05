// The explicit table of ASA commands that cannot change what the device forwards or how it is
// managed in a way the model records. Each entry is counted in Device::ignored_lines.
// Anything that could change forwarding must NOT be here (it goes to Device::unrecognised).
#include <string_view>

#include "parsers/cisco_asa/internal.h"

namespace gp::parsers::asa {

namespace {

struct Rule {
  const char* prefix;  // leading words, space separated
  bool whole_block;    // also ignore every child line
};

// clang-format off
constexpr Rule kIgnored[] = {
    {"names", false},                       // enables "name" aliases (those are read)
    {"domain-name", false},
    {"ftp mode", false},
    {"dns", true},                          // resolver settings (fqdn objects fail closed)
    {"pager", false}, {"no pager", false}, {"terminal", false},
    {"logging", false}, {"no logging", false},
    {"mtu", false},
    {"icmp", false},                        // ICMP to the device itself / unreachable rate
    {"ipv6 icmp", false},
    {"asdm", false}, {"no asdm", false},
    {"arp", false}, {"no arp", false},
    {"timeout", false},
    {"user-identity", false},
    {"aaa", false},                         // management AAA (authentication console ...)
    {"no snmp-server location", false}, {"no snmp-server contact", false},
    {"threat-detection", false}, {"no threat-detection", false},
    {"class-map", true}, {"policy-map", true}, {"service-policy", false},  // inspection (MPF)
    {"prompt", false},
    {"Cryptochecksum", false},
    {"jumbo-frame", false},
    {"console timeout", false},
    {"banner", false},
    {"boot", false},
    {"clock", false},
    {"ntp", false},
    {"service-module", false},
    {"xlate", false},                       // per-session xlate tuning
    {"mac-address", false}, {"no mac-address", false},
    {"call-home", true}, {"no call-home", false},
    {"password encryption", false}, {"password-policy", false},
    {"no service password-recovery", false}, {"service password-recovery", false},
    {"key config-key", false},
    {"license", false}, {"license smart", true}, {"smart", true},
    {"dhcpd", false}, {"dhcprelay", false}, {"no dhcpd", false}, {"no dhcprelay", false},
    {"failover", false}, {"no failover", false}, {"monitor-interface", false},
    {"no monitor-interface", false},
    {"flow-export", false},
    {"object-group-search", false},
    {"tcp-map", true}, {"sla monitor", true}, {"track", false},  // route tracking (route notes it)
    {"route-map", true}, {"prefix-list", false},  // used by routing processes (over-approximated)
    {"ip domain-lookup", false}, {"no ip domain-lookup", false},
    {"quota", false},
    {"http-proxy", false},
    {"firewall transparent-disabled", false},
    {"hpm", false},
    {"crashinfo", false}, {"no crashinfo", false},
    {"coredump", false},
    {"fips", false},
    {"auto-update", false},
    {"ssh timeout", false},
    {"telnet timeout", false},
    {"no call-home reporting anonymous", false},
    {"exit", false},
    {"end", false},
    {"copy", false},
    {"anyconnect-custom-attr", true},
    {"webvpn-custom", true},
};
// clang-format on

bool has_prefix(const Words& w, std::string_view prefix) {
  size_t i = 0;
  size_t pos = 0;
  while (pos < prefix.size()) {
    size_t end = prefix.find(' ', pos);
    if (end == std::string_view::npos) end = prefix.size();
    if (i >= w.size() || w[i] != prefix.substr(pos, end - pos)) return false;
    ++i;
    pos = end + 1;
  }
  return true;
}

}  // namespace

bool ignored_block(Ctx& c, const ConfigLine& b, const Words& w) {
  // Comment lines: ":" (ASA "show running-config" header/trailer), "!" separators, "Cryptochecksum".
  if (b.text[0] == ':' || b.text[0] == '!') {
    c.ignored_tree(b);
    return true;
  }
  for (const auto& r : kIgnored) {
    if (!has_prefix(w, r.prefix)) continue;
    if (r.whole_block) {
      c.ignored_tree(b);
    } else {
      c.ignored(b);
      // Indented lines under a one-line command are unexpected: fail closed on them.
      for (const auto& ch : b.children) {
        if (!ch.text.empty() && ch.text[0] == '!')
          c.ignored_tree(ch);
        else
          c.unrecognised_tree(ch, model::LineContext::Global, w[0]);
      }
    }
    return true;
  }
  return false;
}

}  // namespace gp::parsers::asa
