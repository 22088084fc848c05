// FortiOS configuration -> vendor-neutral model::Device: detection, block dispatch, the table of
// deliberately ignored blocks, VDOMs and line accounting. Topic files: objects, policy,
// network, mgmt; tree.cpp reads the config/edit/set/next/end structure.
#include "parsers/fortigate/fortigate.h"

#include <algorithm>

#include "parsers/fortigate/internal.h"

namespace gp::parsers {

namespace {
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
}  // namespace

bool looks_like_fortigate(std::string_view content) {
  if (starts_with(content, "#config-version=")) return true;
  bool global = false, hostname = false;
  size_t pos = 0;
  int n = 0;
  while (pos < content.size() && n < 20000) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    ++n;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (starts_with(line, "#config-version=FG") || line == "config firewall policy" ||
        line == "config firewall address" || line == "config system interface" || line == "config vdom")
      return true;
    if (line == "config system global") global = true;
    std::string_view t = line;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    if (global && starts_with(t, "set hostname ")) hostname = true;
    if (global && hostname) return true;
  }
  return false;
}

namespace {

using fgt::Ctx;
using fgt::Node;
using model::LineContext;

// Blocks that cannot change what is forwarded or who may manage the device: counted as ignored.
bool ignored_path(const std::string& p) {
  static const char* const prefixes[] = {
      "system accprofile",
      "system custom-language",
      "system replacemsg",
      "system dns",
      "system storage",
      "system auto-scale",
      "system sso-admin",
      "system cluster-sync",
      "system fortiguard",
      "system email-server",
      "system session-helper",
      "system auto-install",
      "system console",
      "system ftm-push",
      "system automation-",
      "system object-tagging",
      "system dhcp server",
      "system dhcp6",
      "system fortisandbox",
      "system csf",
      "system alarm",
      "system central-management",
      "system np6",
      "system npu",
      "system ips-urlfilter-dns",
      "system sms-server",
      "system ddns",
      "system netflow",
      "system sflow",
      "system probe-response",
      "system resource-limits",
      "system vdom-property",
      "system link-monitor",
      "system external-resource",
      "system fips-cc",
      "system mobile-tunnel",
      "system lte-modem",
      "system modem",
      "system 3g-modem",
      "system virtual-wire-pair",
      "system switch-interface",
      "system physical-switch",
      "system geoip-override",
      "system ipam",
      "system fsso-polling",
      "system ptp",
      "system tos-based-priority",
      "system dedicated-mgmt",
      "system saml",
      "system fm",
      "system affinity",
      "system arp-table",
      "system ipv6-neighbor-cache",
      "system proxy-arp",
      "system mac-address-table",
      "system session-ttl",
      "system speed-test",
      "system standalone-cluster",
      "system gre-tunnel",
      "system dns-database",
      "system dns-server",
      "system snmp sysinfo-ignore",
      "system federated-upgrade",
      "system ike",
      "system global6",
      "system vdom-dns",
      "system vdom-exception",
      "system vdom-sflow",
      "system vdom-netflow",
      "system vdom-radius-server",
      "system pppoe-interface",
      "system ips",
      "system network-visibility",
      "system evpn",
      "system sdn-connector",
      "system device-upgrade",
      "system ha-monitor",
      "system certificate",
      "system status",
      "system interface-policy",
      "firewall internet-service",
      "firewall multicast-address",
      "firewall address6",
      "firewall addrgrp6",
      "firewall multicast-address6",
      "firewall service category",
      "firewall schedule",
      "firewall ssl-ssh-profile",
      "firewall profile-protocol-options",
      "firewall ssh",
      "firewall shaper",
      "firewall shaping-policy",
      "firewall shaping-profile",
      "firewall DoS-policy",
      "firewall ldb-monitor",
      "firewall identity-based-route",
      "firewall ipmacbinding",
      "firewall auth-portal",
      "firewall ssl ",
      "firewall profile-group",
      "firewall wildcard-fqdn",
      "firewall traffic-class",
      "firewall access-proxy",
      "firewall decrypted-traffic-mirror",
      "firewall region",
      "firewall city",
      "firewall country",
      "firewall ipv6-eh-filter",
      "firewall sniffer",
      "firewall ttl-policy",
      "firewall dnstranslation",
      "firewall vendor-mac",
      "wanopt",
      "dpdk",
      "switch-controller",
      "wireless-controller",
      "log ",
      "webfilter",
      "ips ",
      "application",
      "dlp",
      "antivirus",
      "emailfilter",
      "spamfilter",
      "dnsfilter",
      "icap",
      "voip",
      "waf",
      "report",
      "web-proxy",
      "user ",
      "vpn certificate",
      "vpn ssl web host-check-software",
      "vpn ssl web user-bookmark",
      "vpn ssl web user-group-bookmark",
      "vpn ssl web realm",
      "vpn ocvpn",
      "vpn ssl client",
      "alertemail",
      "endpoint-control",
      "extender-controller",
      "extension-controller",
      "file-filter",
      "gtp",
      "ftp-proxy",
      "hardware",
      "ssh-filter",
      "videofilter",
      "cifs",
      "credential-store",
      "authentication",
      "certificate",
      "nsxt",
      "sctp-filter",
      "virtual-patch",
      "diameter-filter",
      "casb",
      "ztna",
      "rule ",
      "monitoring",
      "router access-list",
      "router prefix-list",
      "router route-map",
      "router community-list",
      "router aspath-list",
      "router key-chain",
      "router setting",
      "router auth-path",
      "router multicast",
      "router ripng",
      "router ospf6",
      "router bfd",
      "router isis",
      "router extcommunity-list",
      "router multicast-flow",
      "router access-list6",
      "router prefix-list6",
      "router static6",
      "router bfd6",
      "vpn ipsec phase1-interface6",
      "vpn ipsec phase2-interface6",
      "vpn ipsec concentrator",
      "vpn ipsec forticlient",
      "vpn ipsec manualkey",
      "vpn l2tp",
      "vpn pptp",
      "system ha",
  };
  for (const char* pre : prefixes)
    if (starts_with(p, pre)) return true;
  return false;
}

void dispatch(Ctx& c, const Node& cfg, const std::string& vdom, bool phase1) {
  const std::string p = cfg.path();
  const bool objects = p == "system interface" || p == "system zone" || p == "firewall address" ||
                       p == "firewall addrgrp" || p == "firewall service custom" ||
                       p == "firewall service group" || p == "firewall vip" || p == "firewall vipgrp" ||
                       p == "firewall ippool" || p == "system global" || p == "system settings";
  if (objects != phase1) return;
  if (p == "system interface") return fgt::read_interfaces(c, cfg);
  if (p == "system zone") return fgt::read_zones(c, cfg, vdom);
  if (p == "firewall address") return fgt::read_addresses(c, cfg, vdom);
  if (p == "firewall addrgrp") return fgt::read_addrgrps(c, cfg, vdom, false);
  if (p == "firewall vipgrp") return fgt::read_addrgrps(c, cfg, vdom, true);
  if (p == "firewall service custom") return fgt::read_services(c, cfg, vdom);
  if (p == "firewall service group") return fgt::read_svcgrps(c, cfg, vdom);
  if (p == "firewall vip") return fgt::read_vips(c, cfg, vdom);
  if (p == "firewall ippool") return fgt::read_ippools(c, cfg, vdom);
  if (p == "system global") return fgt::read_global(c, cfg);
  if (p == "system settings") {
    c.rec(cfg);
    for (const auto& s : cfg.children) {
      if (s.kind == Node::Kind::Set && s.words.size() >= 2 &&
          ((s.words[0] == "opmode" && s.words[1] == "transparent") ||
           (s.words[0] == "central-nat" && s.words[1] == "enable"))) {
        c.unrec(s, s.words[0] == "opmode" ? LineContext::Global : LineContext::Nat, "system settings", true);
      } else if (s.kind == Node::Kind::Set && s.words.size() >= 2 && s.words[0] == "status" &&
                 s.words[1] == "disable") {
        c.unrec(s, LineContext::Global, "vdom disabled", true);
      } else {
        c.ign_tree(s);
      }
    }
    return;
  }
  if (p == "firewall policy") return fgt::read_policies(c, cfg, vdom);
  if (p == "router static") return fgt::read_static_routes(c, cfg, vdom);
  if (p == "router ospf" || p == "router bgp" || p == "router rip")
    return fgt::read_routing_process(c, cfg, vdom, p.substr(7));
  if (p == "system admin") return fgt::read_admins(c, cfg);
  if (p == "system snmp community") return fgt::read_snmp(c, cfg, "community");
  if (p == "system snmp user") return fgt::read_snmp(c, cfg, "user");
  if (p == "system snmp sysinfo") return fgt::read_snmp(c, cfg, "sysinfo");
  if (p == "user local" || p == "system api-user") return fgt::read_users(c, cfg);
  if (p == "vpn ipsec phase1-interface") return fgt::read_phase1(c, cfg, vdom);
  if (p == "vpn ipsec phase2-interface") return fgt::read_phase2(c, cfg, vdom);
  if (p == "vpn ssl settings") return fgt::read_ssl_settings(c, cfg, vdom);
  if (p == "vpn ssl web portal") return fgt::read_ssl_portal(c, cfg, vdom);
  if (p == "system ntp") return fgt::read_ntp(c, cfg);
  if (p == "system password-policy") return fgt::read_password_policy(c, cfg);
  if (p == "log eventfilter") return fgt::read_eventfilter(c, cfg);
  if (p == "log syslogd setting" || p == "log syslogd2 setting" || p == "log syslogd3 setting" ||
      p == "log syslogd4 setting" || p == "log fortianalyzer setting" || p == "log fortianalyzer2 setting" ||
      p == "log fortianalyzer3 setting")
    return fgt::read_log_remote(c, cfg, p);
  const bool empty = cfg.children.empty();
  if (empty) {
    c.ign(cfg);
    return;
  }
  if (p == "system sdwan" || p == "system virtual-wan-link") {
    const Node* st = cfg.find_set("status");
    if (st && st->words.size() >= 2 && st->words[1] == "enable") {
      c.ign_tree(cfg);
      c.unrec(*st, LineContext::Route, p, true);
      for (const auto& s : cfg.children)
        if (s.kind == Node::Kind::Config && s.path() == "service")
          c.unrec_tree(s, LineContext::Route, p + " service rules", true);
    } else {
      c.ign_tree(cfg);
    }
    return;
  }
  if (p == "system ha") {
    c.ign_tree(cfg);
    const Node* m = cfg.find_set("mode");
    if (m && m->words.size() >= 2 && m->words[1] != "standalone")
      c.note("HA cluster (" + m->words[1] + "): the peer unit shares this configuration", c.ref(*m));
    return;
  }
  if (ignored_path(p)) {
    c.ign_tree(cfg);
    return;
  }
  if (p == "firewall policy6" || p == "firewall policy64" || p == "firewall policy46" ||
      p == "firewall local-in-policy6") {
    c.unrec_tree(cfg, LineContext::Filter, p, false);  // IPv6 / NAT64: outside the IPv4 model
    return;
  }
  if (p == "firewall local-in-policy") {
    c.unrec_tree(cfg, LineContext::Management, p, false);
    return;
  }
  if (p == "firewall central-snat-map") {
    c.unrec_tree(cfg, LineContext::Nat, p, true);
    return;
  }
  if (p == "firewall proxy-policy" || p == "firewall interface-policy" || p == "firewall multicast-policy" ||
      p == "firewall security-policy" || p == "firewall consolidated policy") {
    c.unrec_tree(cfg, LineContext::Filter, p, true);
    return;
  }
  if (p == "router policy" || p == "router policy6") {
    c.unrec_tree(cfg, LineContext::Route, p, p == "router policy");
    return;
  }
  if (starts_with(p, "vpn ipsec")) {
    c.unrec_tree(cfg, LineContext::Vpn, p, true);
    return;
  }
  const bool affects = starts_with(p, "firewall") || starts_with(p, "router") || starts_with(p, "system") ||
                       starts_with(p, "vpn");
  c.unrec_tree(cfg, starts_with(p, "router") ? LineContext::Route : LineContext::Global, p, affects);
}

void safety_net(Ctx& c, const Node& n) {
  if (!c.status.count(n.line)) c.unrec(n, LineContext::Other, "(not accounted for by the FortiOS parser)");
  for (const auto& ch : n.children) safety_net(c, ch);
}

// FortiOS writes "end" for every "config" and closes every quote: a backup that stops inside a
// block was cut short, and what the rest of the file would have said is unknown.
void cut_short(Ctx& c, const fgt::Tree& tree) {
  if (!tree.unclosed.empty())
    c.dev.damage.push_back({"the block opened at line " + std::to_string(tree.unclosed.front()) +
                                " is never closed with 'end': the file was cut short (" +
                                std::to_string(tree.unclosed.size()) + " block(s) left open)",
                            c.ref(tree.unclosed.front())});
  if (tree.unterminated_quote)
    c.dev.damage.push_back({"a quoted value opened at line " + std::to_string(tree.unterminated_quote) +
                                " runs to the end of the file: the file was cut short",
                            c.ref(tree.unterminated_quote)});
}

}  // namespace

model::Device parse_fortigate(std::string_view content, const std::string& file) {
  model::Device d;
  d.vendor = model::Vendor::Fortigate;
  d.file = file;
  d.stateful = true;
  Ctx c(d, file);
  const fgt::Tree tree = fgt::read_tree(content);
  d.total_lines = tree.total_lines;
  cut_short(c, tree);

  // The blocks and the VDOM each belongs to.
  std::vector<std::pair<const Node*, std::string>> blocks;
  for (const auto& n : tree.top)
    if (n.kind == Node::Kind::Config && n.path() == "vdom") c.multi_vdom = true;
  for (const auto& n : tree.top) {
    if (n.kind == Node::Kind::Config && n.path() == "vdom") {
      c.rec(n);
      for (const auto& e : n.children) {
        if (e.kind != Node::Kind::Edit || e.words.empty()) {
          c.unrec_tree(e, LineContext::Global, "vdom");
          continue;
        }
        c.rec(e);
        c.vd(e.words[0]);
        for (const auto& b : e.children) {
          if (b.kind == Node::Kind::Config)
            blocks.push_back({&b, e.words[0]});
          else
            c.unrec_tree(b, LineContext::Global, "vdom " + e.words[0]);
        }
      }
    } else if (n.kind == Node::Kind::Config && n.path() == "global") {
      c.rec(n);
      for (const auto& b : n.children) {
        if (b.kind == Node::Kind::Config)
          blocks.push_back({&b, ""});
        else
          c.unrec_tree(b, LineContext::Global, "global");
      }
    } else if (n.kind == Node::Kind::Config) {
      blocks.push_back({&n, c.multi_vdom ? "root" : ""});
    } else if (n.kind == Node::Kind::Other && starts_with(n.keyword, "#")) {
      // "#config-version=FGVMK6-6.4.4-FW-build1803-201209:opmode=1:vdom=0:user=admin"
      if (starts_with(n.keyword, "#config-version=")) {
        const std::string& v = n.keyword;
        auto dash = v.find('-', v.find('='));
        auto dash2 = dash == std::string::npos ? dash : v.find('-', dash + 1);
        if (dash2 != std::string::npos) d.os_version = v.substr(dash + 1, dash2 - dash - 1);
        c.rec(n);
      } else {
        c.ign(n);
      }
    } else {
      c.unrec_tree(n, LineContext::Global, n.keyword);
    }
  }
  for (const auto& [line, text] : tree.stray) {
    model::UnrecognisedLine u;
    u.src_ref = c.ref(line);
    u.text = text;
    u.context = LineContext::Other;
    u.context_name = "unbalanced next/end";
    u.affects_forwarding = false;
    d.unrecognised.push_back(u);
    c.status[line] = model::LineStatus::Unrecognised;
  }
  // Blocks nested beyond fgt::kMaxDepth: no FortiOS configuration, so nothing there is understood.
  for (const auto& n : tree.too_deep)
    c.unrec(n, LineContext::Other, "nesting deeper than " + std::to_string(fgt::kMaxDepth) + " blocks");
  for (int line : tree.comments) {
    c.status[line] = model::LineStatus::Ignored;
    ++d.ignored_lines;
  }
  for (const auto& [n, vdom] : blocks) dispatch(c, *n, vdom, true);
  // Zone membership (zones may be read before the interfaces they name).
  for (const auto& [vdom, v] : c.vdoms)
    for (const auto& [zone, members] : v.zones)
      for (const auto& m : members)
        if (auto* i = c.find_ifc(m)) i->zone = zone;
  for (const auto& [n, vdom] : blocks) dispatch(c, *n, vdom, false);
  fgt::finish_policies(c);
  fgt::vip_nat_rules(c);
  fgt::finish_vpn(c);
  fgt::finish_management(c);
  fgt::finish_hygiene(c);
  for (const auto& n : tree.top) safety_net(c, n);
  std::sort(d.unrecognised.begin(), d.unrecognised.end(),
            [](const model::UnrecognisedLine& a, const model::UnrecognisedLine& b) {
              return a.src_ref.line < b.src_ref.line;
            });
  d.name = d.hostname;
  return d;
}

}  // namespace gp::parsers
