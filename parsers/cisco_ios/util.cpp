// Small helpers shared by the IOS parser: words, addresses, ranges, interface names.
#include <boost/spirit/home/x3.hpp>
#include <cctype>
#include <cstdio>

#include "parsers/cisco_ios/ios_internal.h"

namespace gp::parsers::ios {
namespace x3 = boost::spirit::x3;

void Ctx::unrec(const ConfigLine& l, LineContext ctx, const std::string& name, bool affects) {
  ++stats.unrecognised;
  model::UnrecognisedLine u;
  u.src_ref = ref(l);
  u.text = quote_config_text(l.text);
  u.context = ctx;
  u.context_name = name;
  u.affects_forwarding = affects;
  dev.unrecognised.push_back(std::move(u));
}

bool starts_with(const Words& w, std::initializer_list<const char*> prefix, size_t from) {
  size_t i = from;
  for (const char* p : prefix) {
    if (i >= w.size() || lower(w[i]) != p) return false;
    ++i;
  }
  return true;
}

std::optional<AddrMatch> addr_mask(std::string_view a, std::string_view m) {
  auto ip = parse_ipv4(a);
  auto mask = parse_ipv4(m);
  if (!ip || !mask) return std::nullopt;
  // A subnet mask: contiguous. (Non-contiguous masks are rejected: not a subnet.)
  if (!mask_to_len(*mask)) return std::nullopt;
  return AddrMatch{*ip & *mask, ~*mask};
}

std::optional<AddrMatch> addr_wildcard(std::string_view a, std::string_view w) {
  auto ip = parse_ipv4(a);
  auto wc = parse_ipv4(w);
  if (!ip || !wc) return std::nullopt;
  return AddrMatch{*ip & ~*wc, *wc};
}

namespace {
// Alpha prefix (letters, '-', '_') and the rest ("GigabitEthernet" "0/1").
std::pair<std::string, std::string> split_ifc(std::string_view ref) {
  size_t i = 0;
  while (i < ref.size() &&
         (std::isalpha(static_cast<unsigned char>(ref[i])) || ref[i] == '-' || ref[i] == '_'))
    ++i;
  std::string rest(ref.substr(i));
  while (!rest.empty() && rest.front() == ' ') rest.erase(rest.begin());
  return {std::string(ref.substr(0, i)), rest};
}

// Long names in the order an abbreviation is resolved (first prefix match wins).
const char* const kLongNames[] = {"GigabitEthernet",
                                  "FastEthernet",
                                  "TenGigabitEthernet",
                                  "Ethernet",
                                  "Port-channel",
                                  "Vlan",
                                  "Loopback",
                                  "Tunnel",
                                  "Dialer",
                                  "Serial",
                                  "Virtual-Template",
                                  "Virtual-Access",
                                  "Null",
                                  "BVI",
                                  "Multilink",
                                  "Cellular",
                                  "Async",
                                  "TwoGigabitEthernet",
                                  "TwentyFiveGigE",
                                  "FortyGigabitEthernet",
                                  "HundredGigE",
                                  "AppGigabitEthernet",
                                  "Embedded-Service-Engine",
                                  "NVI",
                                  "Wlan-GigabitEthernet",
                                  "Virtual-PPP",
                                  "ATM",
                                  "BDI"};
}  // namespace

bool looks_like_ifc(std::string_view w) {
  auto [p, rest] = split_ifc(w);
  return !p.empty() && !rest.empty() && std::isdigit(static_cast<unsigned char>(rest[0]));
}

std::string canonical_ifc(const Ctx& c, std::string_view ref) {
  auto [p, rest] = split_ifc(ref);
  std::string lp = lower(p);
  if (lp.empty()) return std::string(ref);
  for (const auto& i : c.dev.interfaces)
    if (i.name == ref) return i.name;
  for (const auto& i : c.dev.interfaces) {
    auto [ip, irest] = split_ifc(i.name);
    if (irest == rest && lower(ip).rfind(lp, 0) == 0) return i.name;
  }
  if (lp == "vt") return "Virtual-Template" + rest;
  if (lp == "te") return "TenGigabitEthernet" + rest;
  for (const char* ln : kLongNames)
    if (lower(ln).rfind(lp, 0) == 0) return std::string(ln) + rest;
  return p + rest;
}

model::InterfaceKind kind_of(std::string_view name) {
  using K = model::InterfaceKind;
  std::string n = lower(name);
  if (n.find('.') != std::string::npos) return K::Subinterface;
  auto sw = [&](const char* p) { return n.rfind(p, 0) == 0; };
  if (sw("vlan")) return K::Vlan;
  if (sw("loopback")) return K::Loopback;
  if (sw("tunnel")) return K::Tunnel;
  if (sw("dialer")) return K::Dialer;
  if (sw("virtual-template")) return K::VirtualTemplate;
  if (sw("port-channel")) return K::PortChannel;
  if (sw("bvi")) return K::Bvi;
  if (sw("null")) return K::Null;
  if (sw("virtual-access") || sw("nvi") || sw("bdi")) return K::Other;
  return K::Physical;
}

std::vector<int> parse_vlan_list(std::string_view s, bool& ok) {
  std::vector<int> out;
  ok = true;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t comma = s.find(',', pos);
    if (comma == std::string_view::npos) comma = s.size();
    auto item = s.substr(pos, comma - pos);
    auto dash = item.find('-');
    auto a = to_int(item.substr(0, dash));
    auto b = dash == std::string_view::npos ? a : to_int(item.substr(dash + 1));
    if (!a || !b || *a > *b || *b > 4095) {
      ok = false;
      return out;
    }
    for (int v = *a; v <= *b; ++v) out.push_back(v);
    pos = comma + 1;
  }
  return out;
}

}  // namespace gp::parsers::ios
