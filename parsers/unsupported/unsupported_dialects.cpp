#include "parsers/unsupported/unsupported_dialects.h"

#include <array>
#include <cctype>

namespace gp::parsers {

namespace {

// Markers are looked for in the first megabyte: every dialect below states itself in its first
// lines, and a bound keeps detection linear and cheap on a hostile 256 MB file.
constexpr size_t kScanBytes = 1 << 20;

// A strong marker tells its dialect alone; weak ones need another (any two lines).
constexpr int kStrong = 2, kWeak = 1, kTold = 2;

struct Line {
  std::string_view raw;   // without the line end
  std::string_view text;  // without leading blanks
  bool indented = false;
};

// The first character is compared before the rest: most lines differ there, and a call to memcmp
// per marker per line was most of the cost on a long IOS file.
bool starts(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && (p.empty() || s[0] == p[0]) && s.substr(0, p.size()) == p;
}
bool has(std::string_view s, std::string_view p) { return s.find(p) != std::string_view::npos; }
bool ends(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
bool digit_at(std::string_view s, size_t i) {
  return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));
}
// Header comments ("!RANCID-CONTENT-TYPE: ...", "# JUNOS Software Release ..."): only these are
// searched inside, which keeps detection cheap on the long files of the dialects read.
bool comment(const Line& l) { return starts(l.raw, "!") || starts(l.raw, "#"); }
// A top-level "NAME {" line of a brace-form configuration.
bool top_block(const Line& l, std::string_view name) {
  return !l.indented && starts(l.text, name) && l.text.substr(name.size()) == " {";
}

// Each returns the weight of the marker on line `l` (0: none). The order of kDialects below is the
// order in which dialects sharing a syntax are told apart (PAN-OS and VyOS before JunOS, whose
// "set" and brace forms they resemble).
int pfsense(const Line& l) {
  return starts(l.text, "<pfsense>") || starts(l.text, "<pfsense ") ? kStrong : 0;
}
int opnsense(const Line& l) {
  return starts(l.text, "<opnsense>") || starts(l.text, "<opnsense ") ? kStrong : 0;
}

int panos_xml(const Line& l) {
  if (!starts(l.text, "<")) return 0;
  if (starts(l.text, "<config ") && has(l.text, "urldb=")) return kStrong;
  if (has(l.text, "<entry name=\"localhost.localdomain\">")) return kStrong;
  return 0;
}

int panos_brace(const Line& l) {
  if (comment(l) && has(l.raw, "RANCID-CONTENT-TYPE: paloalto")) return kStrong;
  if (l.text == "localhost.localdomain {" || l.text == "deviceconfig {" || l.text == "mgt-config {")
    return kStrong;
  return 0;
}

int panos_set(const Line& l) {
  if (l.indented) return 0;
  if (starts(l.text, "set deviceconfig ") || starts(l.text, "set mgt-config ") ||
      starts(l.text, "set network interface ethernet ") || starts(l.text, "set rulebase "))
    return kStrong;
  if (starts(l.text, "set zone ") || starts(l.text, "set address ") || starts(l.text, "set service ") ||
      starts(l.text, "set vsys "))
    return kWeak;
  return 0;
}

int iosxr(const Line& l) {
  // IOS writes "ip access-list"; XR's lists are "ipv4 access-list".
  if (starts(l.raw, "!! IOS XR Configuration") ||
      (comment(l) && has(l.raw, "RANCID-CONTENT-TYPE: cisco-xr")) || starts(l.raw, "ipv4 access-list "))
    return kStrong;
  return 0;
}

int nxos(const Line& l) {
  if ((comment(l) &&
       (has(l.raw, "Cisco Nexus Operating System") || has(l.raw, "RANCID-CONTENT-TYPE: cisco-nx"))) ||
      starts(l.raw, "!Command: show running-config") || starts(l.raw, "boot nxos "))
    return kStrong;
  if (starts(l.raw, "version ") && (has(l.raw, "Bios:version") || has(l.raw, "NX-OS"))) return kStrong;
  if (starts(l.raw, "feature ")) return kWeak;  // "feature ospf": a line each, so two are told
  return 0;
}

int eos(const Line& l) {
  if ((starts(l.raw, "! device: ") && has(l.raw, "EOS-")) ||
      (comment(l) && has(l.raw, "RANCID-CONTENT-TYPE: arista")) || starts(l.raw, "daemon TerminAttr") ||
      starts(l.raw, "management api http-commands") || starts(l.raw, "service routing protocols model "))
    return kStrong;
  if (starts(l.raw, "transceiver qsfp default-mode ")) return kWeak;
  return 0;
}

int routeros(const Line& l) {
  if (starts(l.raw, "#") && has(l.raw, " by RouterOS ")) return kStrong;
  static constexpr std::array<std::string_view, 8> kMenus = {"/interface ", "/ip ",   "/ipv6 ", "/system ",
                                                             "/routing ",   "/user ", "/snmp",  "/tool "};
  for (auto m : kMenus)
    if (starts(l.raw, m) || l.raw == m.substr(0, m.size() - 1)) return kWeak;
  return 0;
}

int gaia(const Line& l) {
  if (starts(l.raw, "# Language version:")) return kStrong;
  if (l.indented) return 0;
  if (starts(l.text, "set interface ") && has(l.text, " ipv4-address ")) return kStrong;
  if (starts(l.text, "add allowed-client ") || starts(l.text, "set expert-password")) return kStrong;
  if (starts(l.text, "set hostname ") || starts(l.text, "set static-route ")) return kWeak;
  return 0;
}

int vyos(const Line& l) {
  if (starts(l.raw, "/") && (has(l.raw, "vyos-config-version") || has(l.raw, "vyatta-config-version")))
    return kStrong;
  if (l.indented) return 0;
  if (starts(l.text, "set interfaces ethernet eth") || starts(l.text, "set firewall name ") ||
      starts(l.text, "set service ssh") || starts(l.text, "set nat source rule "))
    return kWeak;
  return 0;
}

int junos_set(const Line& l) {
  if (l.indented || !starts(l.text, "set ")) return 0;
  const std::string_view t = l.text.substr(4);
  if (starts(t, "version ") || starts(t, "routing-options ") || starts(t, "policy-options ") ||
      starts(t, "security ") || starts(t, "firewall filter ") || starts(t, "firewall family ") ||
      starts(t, "system root-authentication ") || (starts(t, "interfaces ") && has(t, " unit ")))
    return kStrong;
  if (starts(t, "system host-name ") || starts(t, "protocols ") || starts(t, "interfaces ")) return kWeak;
  return 0;
}

int junos_brace(const Line& l) {
  if (starts(l.raw, "## Last commit:") || starts(l.raw, "# Junos:") ||
      (comment(l) && has(l.raw, "JUNOS Software Release")))
    return kStrong;
  if (!l.indented && starts(l.text, "version ") && ends(l.text, ";")) return kStrong;  // "version 12.3R12;"
  if (!l.indented && starts(l.text, "replace: ") && ends(l.text, "{"))
    return kStrong;  // a "load replace" file
  if (l.indented && (l.text == "family inet {" || l.text == "family inet6 {" || l.text == "from {" ||
                     l.text == "then {" || (starts(l.text, "term ") && ends(l.text, " {"))))
    return kWeak;
  if (top_block(l, "system") || top_block(l, "interfaces") || top_block(l, "routing-options") ||
      top_block(l, "policy-options") || top_block(l, "firewall") || top_block(l, "security") ||
      top_block(l, "protocols") || top_block(l, "snmp") || top_block(l, "chassis"))
    return kWeak;
  return 0;
}

int alliedware_plus(const Line& l) {
  if (starts(l.raw, "interface port") && digit_at(l.raw, 14)) return kStrong;  // "interface port1.0.1-1.0.24"
  if (l.raw == "hostname awplus" || starts(l.raw, "username manager privilege 15 password 8 ") ||
      starts(l.raw, "atmf network-name "))
    return kStrong;
  return 0;
}

// Legacy AlliedWare (CentreCOM AR): upper-case verbs with KEYWORD=value parameters.
int alliedware_legacy(const Line& l) {
  if (l.indented) return 0;
  static constexpr std::array<std::string_view, 6> kVerbs = {"ADD ",    "SET ",     "CREATE ",
                                                             "ENABLE ", "DISABLE ", "DELETE "};
  for (auto v : kVerbs)
    if (starts(l.raw, v) && l.raw.size() > v.size() &&
        std::isupper(static_cast<unsigned char>(l.raw[v.size()])) && has(l.raw, "="))
      return kWeak;
  return 0;
}

// Fujitsu Si-R: flat numbered commands ("ether 1 1 vlan untag 1", "lan 0 ip address ...").
int fujitsu_sir(const Line& l) {
  if (l.indented) return 0;
  if ((starts(l.raw, "ether ") && digit_at(l.raw, 6)) || (starts(l.raw, "remote ") && digit_at(l.raw, 7)))
    return kWeak;
  if (starts(l.raw, "lan ") && digit_at(l.raw, 4) && has(l.raw, " ip address ")) return kWeak;
  return 0;
}

int iptables(const Line& l) {
  if (starts(l.raw, "# Generated by iptables-save") || starts(l.raw, "# Generated by ip6tables-save"))
    return kStrong;
  if (l.raw == "*filter" || l.raw == "*nat" || l.raw == "*mangle" || l.raw == "*raw" || l.raw == "COMMIT")
    return kWeak;
  if (starts(l.raw, ":INPUT ") || starts(l.raw, ":FORWARD ") || starts(l.raw, "-A ")) return kWeak;
  return 0;
}

int nftables(const Line& l) {
  if (starts(l.raw, "#!/usr/sbin/nft") || l.raw == "flush ruleset") return kStrong;
  static constexpr std::array<std::string_view, 6> kFamilies = {"ip ",  "ip6 ",    "inet ",
                                                                "arp ", "bridge ", "netdev "};
  if (!l.indented && starts(l.text, "table ") && ends(l.text, "{"))
    for (auto f : kFamilies)
      if (starts(l.text.substr(6), f)) return kStrong;
  return 0;
}

int pf(const Line& l) {
  if (l.indented) return 0;
  if (starts(l.raw, "table <")) return kWeak;
  if ((starts(l.raw, "pass ") || starts(l.raw, "block ")) && (has(l.raw, " from ") || has(l.raw, " proto ")))
    return kWeak;
  return 0;
}

// Linux ifupdown (Cumulus Linux and others): "auto lo" / "iface lo inet loopback".
int ifupdown(const Line& l) {
  if (l.indented) return 0;
  if (starts(l.raw, "iface ")) return kWeak;
  if (starts(l.raw, "auto ") && l.raw.find(' ', 5) == std::string_view::npos) return kWeak;
  return 0;
}

struct Dialect {
  const char* name;
  int (*marker)(const Line&);
};
constexpr Dialect kDialects[] = {
    {"pfSense (config.xml)", pfsense},
    {"OPNsense (config.xml)", opnsense},
    {"Palo Alto PAN-OS (XML)", panos_xml},
    {"Palo Alto PAN-OS (brace form)", panos_brace},
    {"Palo Alto PAN-OS (set form)", panos_set},
    {"Cisco IOS XR", iosxr},
    {"Cisco NX-OS", nxos},
    {"Arista EOS", eos},
    {"MikroTik RouterOS", routeros},
    {"Check Point Gaia (clish)", gaia},
    {"VyOS / EdgeOS", vyos},
    {"Juniper JunOS (set form)", junos_set},
    {"Juniper JunOS (brace form)", junos_brace},
    {"Allied Telesis AlliedWare Plus", alliedware_plus},
    {"Allied Telesis AlliedWare (legacy)", alliedware_legacy},
    {"Fujitsu Si-R", fujitsu_sir},
    {"Linux iptables (iptables-save)", iptables},
    {"Linux nftables", nftables},
    {"OpenBSD pf", pf},
    {"Linux ifupdown (Cumulus Linux)", ifupdown},
};
constexpr size_t kCount = sizeof(kDialects) / sizeof(kDialects[0]);

}  // namespace

std::optional<UnsupportedDialect> detect_unsupported_dialect(std::string_view content) {
  const std::string_view head = content.substr(0, std::min(content.size(), kScanBytes));
  std::array<int, kCount> score{};
  std::array<int, kCount> first{};  // the first line that scored
  int n = 0;
  size_t pos = 0;
  while (pos < head.size()) {
    size_t end = head.find('\n', pos);
    if (end == std::string_view::npos) end = head.size();
    Line l;
    l.raw = head.substr(pos, end - pos);
    pos = end + 1;
    ++n;
    if (!l.raw.empty() && l.raw.back() == '\r') l.raw.remove_suffix(1);
    const size_t b = l.raw.find_first_not_of(" \t");
    if (b == std::string_view::npos) continue;
    l.text = l.raw.substr(b);
    l.indented = b > 0;
    while (!l.text.empty() && (l.text.back() == ' ' || l.text.back() == '\t')) l.text.remove_suffix(1);
    for (size_t i = 0; i < kCount; ++i)
      if (score[i] < kTold)
        if (const int w = kDialects[i].marker(l)) {
          if (score[i] == 0) first[i] = n;
          score[i] += w;
        }
  }
  for (size_t i = 0; i < kCount; ++i)
    if (score[i] >= kTold) return UnsupportedDialect{kDialects[i].name, first[i]};
  return std::nullopt;
}

}  // namespace gp::parsers
