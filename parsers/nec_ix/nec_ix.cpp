// NEC UNIVERGE IX parser. The dialect is indentation-structured (`interface GigaEthernet0.1`,
// `ppp profile P`, `device X`, `watch-group W N` blocks) with flat, name-keyed global lists
// (`ip access-list NAME permit|deny ...`, one entry per line, order matters).
//
// Filters: `ip filter ACL SEQ in|out` under an interface applies the ACL; several lines apply in
// SEQ order; once a direction has a filter, unmatched packets are discarded (NEC FAQ / function
// manual, via the runbook cited in the syntax notes). `ip access-list dynamic NAME access TRIG`
// is stateful: it permits new connections matching TRIG (return traffic is the device's).
// Packet path: modelled with the router pipeline (ingress filter, then NAPT). The NEC order of
// `ip filter` and NAPT on the same interface was not settled by the sources we could read; the
// shipped examples write inbound WAN filters against the public address, which fits.
#include "parsers/nec_ix/nec_ix.h"

#include <algorithm>
#include <set>
#include <string>

#include "parsers/nec_ix/internal.h"

namespace gp::parsers {

using namespace nec;

namespace nec {

void parse_global(Ctx& c, const ConfigLine& l) {
  Words w = split_words(l.text);
  if (w.empty()) return;
  std::string k0 = lower(w[0]), k1 = w.size() > 1 ? lower(w[1]) : "";
  if (k0[0] == '!' || (k0 == "using" && l.text.find(" out of ") != std::string::npos)) {
    c.ignore_tree(l);
    return;
  }
  if (k0 == "interface" && w.size() >= 2) {
    parse_interface(c, l, w);
    return;
  }
  if (k0 == "hostname" && w.size() == 2) {
    c.dev.hostname = w[1];
    ++c.recognised;
    return;
  }
  if (k0 == "ip" && k1 == "route") {
    if (parse_route(c, l, w))
      ++c.recognised;
    else
      c.unrec(l, LineContext::Route, "");
    return;
  }
  if (k0 == "ip" && k1 == "access-list") {
    if (parse_acl(c, l, w))
      ++c.recognised;
    else
      c.unrec(l, LineContext::Filter, w.size() > 2 ? w[2] : "");
    return;
  }
  if (k0 == "ike" || k0 == "ikev2" || k0 == "ipsec") {
    if (parse_ike_ipsec(c, l, w)) {
      ++c.recognised;
      for (const auto& ch : l.children) (void)ch, ++c.recognised;  // ikev2 profile bodies
    } else {
      c.unrec(l, LineContext::Vpn, "");
    }
    return;
  }
  if (management_global(c, l, w)) return;
  if (hygiene_global(c, l, w)) return;
  // Deliberately irrelevant global families (counted as ignored, with their blocks).
  static const std::set<std::string> ign = {"timezone",  "logging",       "syslog",       "ntp",
                                            "proxy-dns", "device",        "watch-group",  "network-monitor",
                                            "clock",     "enable-config", "configure",    "exit",
                                            "end",       "write",         "copy",         "svintr-config",
                                            "nm",        "auto-config",   "system",       "lldp",
                                            "ipv6",      "terminal",      "line",         "banner",
                                            "schedule",  "dns",           "ip-precedence"};
  if (ign.count(k0)) {
    c.ignore_tree(l);
    return;
  }
  if (k0 == "ip" &&
      (k1 == "ufs-cache" || k1 == "dhcp" || k1 == "host" || k1 == "domain-name" || k1 == "name-server")) {
    c.ignore_tree(l);
    return;
  }
  if (k0 == "no" && (k1 == "ipsec" || k1 == "ike")) {
    ++c.recognised;
    return;
  }
  LineContext ctx = LineContext::Global;
  if (k0 == "ip" && (k1 == "nat" || k1 == "napt")) ctx = LineContext::Nat;
  if (k0 == "ip" && (k1 == "router" || k1 == "filter")) ctx = LineContext::Route;
  if (k0 == "router") ctx = LineContext::Route;
  c.unrec(l, ctx, "");
  for (const auto& ch : l.children) c.unrec(ch, ctx, w.size() > 1 ? w[1] : "");
}

}  // namespace nec

bool looks_like_nec_ix(std::string_view content) {
  std::string_view head = content.substr(0, std::min<size_t>(content.size(), 200000));
  if (head.find("! NEC Portable Internetwork Core") != std::string_view::npos) return true;
  if (head.find("! IX Series") != std::string_view::npos) return true;
  int score = 0;
  size_t pos = 0;
  while (pos < head.size()) {
    size_t end = head.find('\n', pos);
    if (end == std::string_view::npos) end = head.size();
    std::string_view line = head.substr(pos, end - pos);
    pos = end + 1;
    size_t f = line.find_first_not_of(" \t");
    if (f == std::string_view::npos) continue;
    line = line.substr(f);
    auto starts = [&](std::string_view p) { return line.substr(0, p.size()) == p; };
    if (starts("interface GigaEthernet") || starts("ip napt ") || starts("ike policy ") ||
        starts("telnet-server ip") || starts("ssh-server ip") || starts("http-server ip") ||
        starts("snmp-agent ip") || starts("ppp binding ") || starts("ipsec autokey-map ") ||
        starts("ipsec dynamic-map "))
      score += 2;
    else if (starts("ip access-list ") && line.find(" src ") != std::string_view::npos)
      score += 2;
    if (score >= 4) return true;
  }
  return false;
}

model::Device parse_nec_ix(std::string_view content, const std::string& file) {
  Ctx c;
  c.file = file;
  c.dev.vendor = model::Vendor::NecIx;
  c.dev.file = file;
  int total = 0;
  for (char ch : content) total += ch == '\n';
  if (!content.empty() && content.back() != '\n') ++total;
  c.dev.total_lines = total;
  std::vector<ConfigLine> blocks;
  try {
    blocks = read_config_blocks(content);
  } catch (const std::exception&) {
    c.note("configuration could not be split into lines", {file, 0, 0});
  }
  for (const auto& b : blocks) {
    if (c.dev.os_version.empty() && b.text.find(" Software, Version ") != std::string::npos) {
      auto v = b.text.find(" Software, Version ") + 19;
      c.dev.os_version = b.text.substr(v, b.text.find(',', v) - v);
    }
    try {
      parse_global(c, b);
    } catch (const std::exception&) {
      c.unrec(b, LineContext::Global, "");
    }
  }
  finish_filters(c);
  finish_nat(c);
  finish_routes(c);
  finish_vpns(c);
  finish_mgmt(c);
  finish_hygiene(c);
  c.note(
      "NEC IX: ingress ip filter modelled before NAPT (order on one interface not documented in what we "
      "read)",
      {file, 0, 0});
  c.dev.name = c.dev.hostname;
  return std::move(c.dev);
}

}  // namespace gp::parsers
