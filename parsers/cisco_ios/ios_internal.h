// Internal to the Cisco IOS parser: the parse context shared by the per-topic files.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/device.h"
#include "parsers/common/address_ranges.h"
#include "parsers/common/config_blocks.h"
#include "parsers/common/secret_fingerprint.h"
#include "parsers/common/secret_mask.h"
#include "parsers/common/service_names.h"
#include "parsers/common/words.h"

namespace gp::parsers::ios {

using model::LineContext;
using Words = std::vector<std::string>;

// How each input line was accounted for (every non-blank line lands in exactly one bucket).
struct LineStats {
  int recognised = 0;
  int ignored = 0;
  int unrecognised = 0;
  int total() const { return recognised + ignored + unrecognised; }
};

struct CryptoMapEntry {
  std::string map;
  std::string seq;
  bool dynamic = false;     // "ipsec-isakmp dynamic X" or a dynamic-map entry
  std::string dynamic_map;  // the dynamic-map name referenced
  std::vector<Ipv4> peers;
  std::string acl;  // match address
  std::vector<std::string> transforms;
  bool understood = true;
  std::string why;
  SourceRef ref;
};

struct RaGroup {  // crypto isakmp client configuration group / webvpn context
  model::VpnKind kind = model::VpnKind::RemoteAccess;
  std::string name;
  std::vector<std::string> pools;
  std::string acl;
  std::string vtemplate;   // L2TP: the Virtual-Template whose pool is handed out
  bool ezvpn = false;      // crypto isakmp client configuration group
  bool webvpn = false;     // webvpn context
  SourceRef split_ref;     // "acl A" (EzVPN) / "svc split include|exclude" (webvpn)
  std::string accounting;  // "aaa accounting list L" (webvpn context)
  SourceRef accounting_ref;
  SourceRef ref;
};

struct PendingNat {  // "ip nat inside source list ACL ...": sources resolved at the end
  size_t index = 0;
  std::string acl;
};

struct PendingTunnel {  // "tunnel protection ipsec profile P"
  std::string ifc;
  std::string profile;
  SourceRef ref;
};

struct Ctx {
  std::string file;
  model::Device dev;
  LineStats stats;

  std::map<std::string, std::vector<AddrMatch>> net_groups;
  std::map<std::string, std::vector<model::ServiceMatch>> svc_groups;
  std::set<std::string> bad_groups;                        // groups not fully read
  std::map<std::string, std::pair<Ipv4, Ipv4>> nat_pools;  // name -> first..last
  std::map<std::string, std::vector<Prefix>> local_pools;  // ip local pool
  std::vector<PendingNat> nat_lists;
  std::vector<CryptoMapEntry> crypto_maps;
  std::map<std::string, std::vector<CryptoMapEntry>> dynamic_maps;
  std::map<std::string, std::vector<std::string>> ipsec_profiles;  // profile -> transform sets
  std::map<std::string, std::string> transform_sets;               // name -> "T esp-aes ..."
  std::vector<std::string> ike_proposals;                          // isakmp policies, as text
  std::string ike_auth;                                            // "psk", "certificate"
  std::vector<RaGroup> ra_groups;
  std::vector<PendingTunnel> tunnels;
  std::map<std::string, std::string> vtemplate_pools;          // Virtual-TemplateN -> pool
  std::vector<std::pair<std::string, SourceRef>> filter_uses;  // ACL names used anywhere
  bool vty_seen = false;
  bool vty_transport_set = false;
  SourceRef first_vty;
  std::string vty_acl;
  std::set<int> consumed;  // lines already accounted for (banner bodies)

  // Hygiene (hygiene.cpp).
  bool console_seen = false;
  std::vector<size_t> hygiene_log_hosts;    // indices of RemoteLog facts in dev.hygiene
  SourceRef logging_off, logging_trap_off;  // "no logging on" / "no logging trap"
  std::pair<int, SourceRef> http_idle;      // ip http timeout-policy idle (minutes)
  // EzVPN group -> "accounting L" of the crypto isakmp profile matching it.
  std::map<std::string, std::pair<std::string, SourceRef>> isakmp_accounting;
  std::pair<std::string, SourceRef> map_client_accounting;  // crypto map M client accounting list L

  SourceRef ref(const ConfigLine& l) const { return {file, l.line, 0}; }
  void recognised(const ConfigLine&) { ++stats.recognised; }
  void ignored(const ConfigLine&) {
    ++stats.ignored;
    ++dev.ignored_lines;
  }
  // The line and everything under it is deliberately irrelevant.
  void ignore_tree(const ConfigLine& l) {
    ignored(l);
    for (const auto& c : l.children) ignore_tree(c);
  }
  // The line and everything under it is recognised (e.g. routing process details).
  void recognise_tree(const ConfigLine& l) {
    recognised(l);
    for (const auto& c : l.children) recognise_tree(c);
  }
  void unrec(const ConfigLine& l, LineContext c, const std::string& name, bool affects = true);
  void unrec_tree(const ConfigLine& l, LineContext c, const std::string& name, bool affects = true) {
    unrec(l, c, name, affects);
    for (const auto& ch : l.children) unrec_tree(ch, c, name, affects);
  }
  void note(const std::string& text, const SourceRef& r) { dev.notes.push_back({text, r}); }
};

// --- helpers (util.cpp) -------------------------------------------------------------------
bool starts_with(const Words& w, std::initializer_list<const char*> prefix, size_t from = 0);
std::optional<AddrMatch> addr_mask(std::string_view a, std::string_view m);      // mask -> match
std::optional<AddrMatch> addr_wildcard(std::string_view a, std::string_view w);  // wildcard
// Canonical long interface name for a (possibly abbreviated) reference.
std::string canonical_ifc(const Ctx& c, std::string_view ref);
bool looks_like_ifc(std::string_view w);
model::InterfaceKind kind_of(std::string_view name);
std::vector<int> parse_vlan_list(std::string_view s, bool& ok);

// --- tables (tables.cpp) -------------------------------------------------------------------
struct IcmpName {
  int type;
  std::optional<int> code;
};
std::optional<IcmpName> icmp_name(std::string_view w);
bool is_ignored_global(const Words& w);
bool is_ignored_interface(const Words& w);

// --- topics ---------------------------------------------------------------------------------
void parse_interface(Ctx& c, const ConfigLine& l, const Words& w);
bool parse_acl_global(Ctx& c, const ConfigLine& l, const Words& w);  // access-list / ip access-list
bool parse_object_group(Ctx& c, const ConfigLine& l, const Words& w);
void use_filter(Ctx& c, const std::string& name, const SourceRef& r);
std::vector<AddrMatch> acl_permit_side(const Ctx& c, const std::string& acl, bool source);
bool parse_nat_global(Ctx& c, const ConfigLine& l, const Words& w);
void finish_nat(Ctx& c);
bool parse_route_global(Ctx& c, const ConfigLine& l, const Words& w);
bool parse_routing_process(Ctx& c, const ConfigLine& l, const Words& w);
void finish_routes(Ctx& c);
bool parse_crypto_global(Ctx& c, const ConfigLine& l, const Words& w);
void finish_vpns(Ctx& c);
bool parse_management_global(Ctx& c, const ConfigLine& l, const Words& w);
void finish_management(Ctx& c);
// Secrets: `value_index` is the position of the secret value; the type word, if any, precedes it.
model::Secret make_secret(model::SecretKind kind, const Words& w, size_t value_index, const SourceRef& r,
                          std::string owner = {});
bool parse_secret_global(Ctx& c, const ConfigLine& l, const Words& w);
// Hygiene facts (hygiene.cpp): ntp, logging hosts, login lockout, password length, AAA
// accounting/authentication, HTTP timeout; line idle timeouts are read from the line block.
bool parse_hygiene_global(Ctx& c, const ConfigLine& l, const Words& w);
void line_idle_timeout(Ctx& c, const ConfigLine& l, const std::string& name);
void finish_hygiene(Ctx& c);
// Cisco type 7 decoding (the clear value is only fingerprinted, never stored).
std::optional<std::string> decode_type7(std::string_view enc);

LineStats parse_with_stats(std::string_view content, const std::string& file, model::Device& out);

}  // namespace gp::parsers::ios
