// Cisco ASA (8.3+) running-config -> vendor-neutral model::Device: detection and dispatch.
// Topic files: interfaces, objects, access_lists, nat, routes, vpn, management, accounts,
// ignored (the table of deliberately irrelevant commands), util.
#include "parsers/cisco_asa/cisco_asa.h"

#include "parsers/cisco_asa/internal.h"
#include "parsers/common/config_blocks.h"
#include "parsers/common/config_damage.h"

namespace gp::parsers {

namespace {
bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
}  // namespace

bool looks_like_cisco_asa(std::string_view content) {
  size_t pos = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    if (starts_with(line, "ASA Version ") || starts_with(line, "PIX Version ") ||
        starts_with(line, ": Saved") || starts_with(line, "clear configure access-list ") ||
        starts_with(line, ": Hardware:"))
      return true;
    std::string_view t = line;
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.remove_prefix(1);
    if (t.size() != line.size() && (starts_with(t, "nameif ") || starts_with(t, "security-level ")))
      return true;
    if (starts_with(line, "access-list ")) {
      // ASA: "access-list NAME extended|standard|remark ..." (IOS numbered ACLs have no keyword)
      auto w = split_words(line);
      if (w.size() >= 3 && (w[2] == "extended" || w[2] == "standard" || w[2] == "webtype")) return true;
    }
  }
  return false;
}

namespace {

using asa::Ctx;
using asa::Words;
using model::LineContext;

// Device-wide lines not owned by a topic file.
bool handle_core(Ctx& c, const ConfigLine& b, const Words& w) {
  const std::string& k = w[0];
  if ((k == "ASA" || k == "PIX") && w.size() >= 3 && w[1] == "Version") {
    c.dev.os_version = w[2];
    c.recognised(b);
    return true;
  }
  if (k == "hostname" && w.size() == 2) {
    c.dev.hostname = w[1];
    c.recognised(b);
    return true;
  }
  if (k == "same-security-traffic" && w.size() == 3 && w[1] == "permit") {
    if (w[2] == "inter-interface") {
      c.dev.same_security_inter = true;
      c.dev.same_security_inter_ref = c.ref(b.line);
    } else if (w[2] == "intra-interface") {
      c.dev.same_security_intra = true;
      c.dev.same_security_intra_ref = c.ref(b.line);
    } else {
      c.unrecognised(b, LineContext::Global, k);
      return true;
    }
    c.recognised(b);
    return true;
  }
  if (k == "ip" && w.size() == 5 && w[1] == "verify" && w[2] == "reverse-path" && w[3] == "interface") {
    if (auto* i = c.by_nameif(w[4])) {
      i->other_refs["ip verify reverse-path"] = c.ref(b.line);
      c.recognised(b);
    } else {
      c.unrecognised(b, LineContext::Interface, w[4]);
    }
    return true;
  }
  if (k == "sysopt" && w.size() == 3 && w[1] == "noproxyarp") {
    if (auto* i = c.by_nameif(w[2])) i->other_refs["sysopt noproxyarp"] = c.ref(b.line);
    c.recognised(b);
    return true;
  }
  return false;
}

void safety_net(Ctx& c, const ConfigLine& l) {
  if (!c.status.count(l.line)) {
    c.unrecognised(l, LineContext::Other, "(not accounted for by the ASA parser)");
  }
  for (const auto& ch : l.children) safety_net(c, ch);
}

// "show running-config" on an ASA starts with "ASA Version" and ends with ": end" (after the
// Cryptochecksum line, where backup tools stop). A file that starts so and ends elsewhere was cut
// short.
void cut_short(model::Device& d, std::string_view content) {
  if (content.find("ASA Version") == std::string_view::npos) return;
  const LastLine last = last_nonblank_line(content);
  if (last.text == ": end" || last.text == "end" || starts_with(last.text, "Cryptochecksum:")) return;
  d.damage.push_back({"the configuration stops at line " + std::to_string(last.line) +
                          " without the closing ': end' of a saved ASA configuration: it was cut short "
                          "(a backup that failed half way?)",
                      SourceRef{d.file, last.line, 0}});
}

}  // namespace

model::Device parse_cisco_asa(std::string_view content, const std::string& file) {
  model::Device d;
  d.vendor = model::Vendor::CiscoAsa;
  d.file = file;
  d.stateful = true;
  {
    int n = 0;
    for (char ch : content)
      if (ch == '\n') ++n;
    if (!content.empty() && content.back() != '\n') ++n;
    d.total_lines = n;
  }
  Ctx c(d, file);
  const auto blocks = read_config_blocks(content);

  // Pass 1: interfaces and object definitions (everything else refers to them).
  std::vector<const ConfigLine*> rest;
  for (const auto& b : blocks) {
    Words w = split_words(b.text);
    if (w.empty()) continue;
    if (asa::handle_interface(c, b, w) || asa::handle_object_definition(c, b, w)) continue;
    rest.push_back(&b);
  }
  // Pass 2: every other command.
  for (const ConfigLine* bp : rest) {
    const ConfigLine& b = *bp;
    Words w = split_words(b.text);
    if (b.text[0] == ':' || b.text[0] == '!' || starts_with(b.text, "Cryptochecksum")) {
      c.ignored_tree(b);
      continue;
    }
    if (handle_core(c, b, w) || asa::handle_access_list(c, b, w) || asa::handle_access_group(c, b, w) ||
        asa::handle_nat(c, b, w) || asa::handle_route(c, b, w) || asa::handle_vpn(c, b, w) ||
        asa::handle_hygiene(c, b, w) || asa::handle_management(c, b, w) || asa::handle_accounts(c, b, w) ||
        asa::ignored_block(c, b, w))
      continue;
    // Not understood: "firewall transparent", "mode multiple", "context", "wccp", "ip audit",
    // "shun", ... may change forwarding.
    c.unrecognised_tree(b, LineContext::Global, w[0]);
  }
  asa::finish_access_lists(c);
  asa::finish_nat(c);
  asa::finish_vpn(c);
  asa::finish_management(c);
  asa::finish_hygiene(c);
  for (const auto& b : blocks) safety_net(c, b);
  cut_short(d, content);

  d.name = d.hostname;
  if (!c.permit_vpn) c.note("no sysopt connection permit-vpn: VPN traffic is checked by interface ACLs", {});
  return d;
}

}  // namespace gp::parsers
