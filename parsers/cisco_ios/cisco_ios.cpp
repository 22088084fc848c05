// Cisco IOS / IOS-XE running-config -> model::Device: detection, top-level dispatch, banners,
// cross-references resolved once the whole file is read.
#include "parsers/cisco_ios/cisco_ios.h"

#include <algorithm>

#include "parsers/cisco_ios/ios_internal.h"
#include "parsers/common/config_damage.h"
#include "parsers/common/utf8.h"

namespace gp::parsers {

namespace {
bool has_line_starting(std::string_view content, std::string_view prefix) {
  if (content.substr(0, prefix.size()) == prefix) return true;
  std::string needle = "\n" + std::string(prefix);
  return content.find(needle) != std::string_view::npos;
}
bool contains(std::string_view content, std::string_view s) {
  return content.find(s) != std::string_view::npos;
}
}  // namespace

bool looks_like_cisco_ios(std::string_view content) {
  // Other dialects with IOS-like syntax.
  if (contains(content, "ASA Version") || contains(content, " nameif ") || contains(content, "PIX Version"))
    return false;
  if (has_line_starting(content, "feature ")) return false;  // NX-OS
  if (contains(content, "!! IOS XR") || has_line_starting(content, "!! Last configuration change"))
    return false;  // IOS-XR
  if ((contains(content, "! device: ") && contains(content, "EOS")) || contains(content, "transceiver qsfp"))
    return false;  // Arista EOS
  if (has_line_starting(content, "set ") && !has_line_starting(content, "interface "))
    return false;  // set-style
  static const char* const markers[] = {"Building configuration", "boot-start-marker", "service timestamps",
                                        "Current configuration :"};
  for (const char* m : markers)
    if (contains(content, m)) return true;
  if (has_line_starting(content, "ip access-list extended ") ||
      has_line_starting(content, "ip access-list standard ") || has_line_starting(content, "ip cef") ||
      has_line_starting(content, "line vty") || has_line_starting(content, "version 1"))
    return true;
  return has_line_starting(content, "interface ");
}

namespace ios {
namespace {

void flatten(const ConfigLine& l, std::vector<const ConfigLine*>& out) {
  out.push_back(&l);
  for (const auto& c : l.children) flatten(c, out);
}

// banner TYPE <delim>text...<delim>: consumes lines up to the closing delimiter.
void banner(Ctx& c, const ConfigLine& l, const std::vector<const ConfigLine*>& flat) {
  c.ignored(l);
  c.consumed.insert(l.line);
  Words w = split_words(l.text);
  if (w.size() < 3) return;
  // Text after "banner TYPE".
  size_t pos = l.text.find(w[1]) + w[1].size();
  std::string rest = l.text.substr(pos);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.erase(0, 1);
  // The delimiter is one character: a whole UTF-8 sequence (a lead byte alone would match any
  // Japanese text of the banner).
  std::string delim =
      rest.rfind("^C", 0) == 0 ? "^C" : rest.substr(0, std::max<size_t>(1, utf8_sequence_length(rest, 0)));
  if (delim.empty()) return;
  if (rest.find(delim, delim.size()) != std::string::npos) return;  // closes on the same line
  // `flat` is in file order: start after the banner line (a scan from the top would make a file
  // of unclosed banners quadratic).
  auto from = std::upper_bound(flat.begin(), flat.end(), l.line,
                               [](int line, const ConfigLine* f) { return line < f->line; });
  for (auto it = from; it != flat.end(); ++it) {
    const ConfigLine* f = *it;
    c.consumed.insert(f->line);
    c.ignored(*f);
    if (f->text.find(delim) != std::string::npos) return;
  }
}

// Children of a block whose own line was consumed by a banner.
void account_rest(Ctx& c, const ConfigLine& l) {
  for (const auto& ch : l.children) {
    if (!c.consumed.count(ch.line)) c.unrec(ch, LineContext::Global, "");
    account_rest(c, ch);
  }
}

void vrf_block(Ctx& c, const ConfigLine& l, const std::string& name) {
  c.recognised(l);
  std::function<void(const ConfigLine&)> walk = [&](const ConfigLine& p) {
    for (const auto& ch : p.children) {
      Words w = split_words(ch.text);
      if (starts_with(w, {"route-target", "import"}) || starts_with(w, {"route-target", "both"}) ||
          starts_with(w, {"import"}))
        c.note("vrf " + name + ": '" + ch.text +
                   "' (route leaking via BGP, over-approximated "
                   "as dynamic routing)",
               c.ref(ch));
      c.recognised(ch);
      walk(ch);
    }
  };
  walk(l);
}

void top_level(Ctx& c, const ConfigLine& l, const std::vector<const ConfigLine*>& flat) {
  Words w = split_words(l.text);
  auto is = [&](std::initializer_list<const char*> p) { return starts_with(w, p); };
  if (w.empty()) {
    c.ignore_tree(l);
    return;
  }
  if (is({"banner"})) {
    banner(c, l, flat);
    account_rest(c, l);
    return;
  }
  if (is({"object-group"}) && w.size() == 3 && (lower(w[1]) == "network" || lower(w[1]) == "service"))
    return;  // read in the first pass
  if (is({"hostname"}) && w.size() == 2) {
    c.dev.hostname = w[1];
    c.recognised(l);
    return;
  }
  if (is({"version"}) && w.size() == 2) {
    c.dev.os_version = w[1];
    c.recognised(l);
    return;
  }
  if (is({"interface"}) && w.size() >= 2) {
    parse_interface(c, l, w);
    return;
  }
  if (parse_acl_global(c, l, w) || parse_nat_global(c, l, w) || parse_route_global(c, l, w) ||
      parse_routing_process(c, l, w) || parse_crypto_global(c, l, w) || parse_secret_global(c, l, w) ||
      parse_management_global(c, l, w) || parse_hygiene_global(c, l, w))
    return;
  if ((is({"vrf", "definition"}) || is({"ip", "vrf"})) && w.size() == 3) {
    vrf_block(c, l, w[2]);
    return;
  }
  if (is({"ipv6", "unicast-routing"})) {
    c.note("IPv6 routing enabled (IPv6 is not modelled)", c.ref(l));
    c.recognised(l);
    return;
  }
  if (is({"ipv6", "route"}) || is({"ipv6", "prefix-list"}) || is({"ipv6", "general-prefix"})) {
    c.unrec_tree(l, LineContext::Route, "", false);  // IPv6 only: not modelled
    return;
  }
  if (is({"vlan"}) && w.size() >= 2) {  // VLAN database: names only
    c.recognise_tree(l);
    return;
  }
  if (is_ignored_global(w)) {
    c.ignore_tree(l);
    return;
  }
  // Management-only unknowns do not change forwarding.
  bool mgmt = is({"ip", "ssh"}) || is({"ip", "http"}) || is({"aaa"});
  c.unrec_tree(l, mgmt ? LineContext::Management : LineContext::Global, "", !mgmt);
}

void finish(Ctx& c) {
  auto& d = c.dev;
  for (auto& i : d.interfaces) {
    if (!i.unnumbered_from.empty()) i.unnumbered_from = canonical_ifc(c, i.unnumbered_from);
    if (!i.tunnel_source_ifc.empty()) i.tunnel_source_ifc = canonical_ifc(c, i.tunnel_source_ifc);
  }
  for (auto& i : d.interfaces) {
    if (i.kind != model::InterfaceKind::Dialer || i.dialer_pool.empty()) continue;
    for (const auto& p : d.interfaces)
      if (&p != &i && p.pppoe && p.dialer_pool == i.dialer_pool) i.parent = p.name;
  }
  for (const auto& [name, ref] : c.filter_uses) {
    if (d.filters.count(name)) continue;
    model::Filter f;
    f.name = name;
    f.defined = false;
    f.default_action = model::Action::Permit;  // IOS: an applied ACL that does not exist permits
    f.src_ref = ref;
    d.filters.emplace(name, std::move(f));
  }
  finish_nat(c);
  finish_routes(c);
  finish_vpns(c);
  finish_management(c);
  finish_hygiene(c);
}

// A saved IOS configuration (show running-config or startup-config, as RANCID and Oxidized keep
// it) always has its closing "end" line. A file that starts like one and has none was cut short.
void cut_short(Ctx& c, std::string_view content, const std::vector<ConfigLine>& blocks) {
  const bool saved_config = !c.dev.os_version.empty() || contains(content, "Building configuration") ||
                            contains(content, "Current configuration");
  if (!saved_config) return;
  for (const auto& b : blocks)
    if (b.text == "end") return;
  const LastLine last = last_nonblank_line(content);
  c.dev.damage.push_back({"the configuration stops at line " + std::to_string(last.line) +
                              " without the closing 'end' every saved IOS configuration has: it was cut "
                              "short (a backup that failed half way?)",
                          SourceRef{c.file, last.line, 0}});
}

int count_lines(std::string_view content) {
  if (content.empty()) return 0;
  int n = 0;
  for (char ch : content) n += ch == '\n';
  if (content.back() != '\n') ++n;
  return n;
}

}  // namespace

LineStats parse_with_stats(std::string_view content, const std::string& file, model::Device& out) {
  Ctx c;
  c.file = file;
  c.dev.vendor = model::Vendor::CiscoIos;
  c.dev.file = file;
  c.dev.total_lines = count_lines(content);
  auto blocks = read_config_blocks(content);
  std::vector<const ConfigLine*> flat;
  for (const auto& b : blocks) flatten(b, flat);
  // Pass 1: object-groups (ACLs may reference groups defined further down).
  for (const auto& b : blocks) {
    Words w = split_words(b.text);
    if (w.size() == 3 && lower(w[0]) == "object-group") parse_object_group(c, b, w);
  }
  for (const auto& b : blocks) {
    if (c.consumed.count(b.line)) {
      account_rest(c, b);
      continue;
    }
    top_level(c, b, flat);
  }
  finish(c);
  cut_short(c, content, blocks);
  if (c.dev.name.empty()) c.dev.name = c.dev.hostname;
  out = std::move(c.dev);
  return c.stats;
}

}  // namespace ios

model::Device parse_cisco_ios(std::string_view content, const std::string& file) {
  model::Device d;
  ios::parse_with_stats(content, file, d);
  return d;
}

}  // namespace gp::parsers
