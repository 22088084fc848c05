// Internal to the NEC IX parser: the parse state shared by the per-topic files, and the functions
// each topic offers the others. See nec_ix.cpp for the dialect and its packet path.
#pragma once
#include <boost/spirit/home/x3.hpp>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/device.h"
#include "parsers/common/config_blocks.h"
#include "parsers/common/secret_fingerprint.h"
#include "parsers/common/secret_mask.h"
#include "parsers/common/words.h"

namespace gp::parsers::nec {

using model::LineContext;
using Words = std::vector<std::string>;

inline std::optional<long long> num(std::string_view s) {
  namespace x3 = boost::spirit::x3;
  long long v = 0;
  auto first = s.begin();
  if (s.empty() || s.size() > 12 || !x3::parse(first, s.end(), x3::long_long, v) || first != s.end() || v < 0)
    return std::nullopt;
  return v;
}

struct AclEntry {
  model::FilterRule rule;
};

struct DynAcl {
  std::string trigger;
  SourceRef ref;
  std::string text;
};

struct FilterUse {
  std::string acl;
  long long seq = 0;
  SourceRef ref;
};

struct Ctx {
  std::string file;
  model::Device dev;
  int recognised = 0;
  std::map<std::string, std::vector<AclEntry>> acls;
  std::map<std::string, DynAcl> dyn_acls;
  std::map<std::string, std::pair<std::vector<FilterUse>, std::vector<FilterUse>>>
      filter_uses;                                     // ifc -> in,out
  std::map<std::string, std::string> ike_policy_peer;  // policy -> "any" / ip
  std::map<std::string, std::vector<Ipv4>> ike_peers;
  std::map<std::string, bool> ike_any;
  // `ike proposal NAME ...` and `ipsec autokey-proposal NAME ...` by name: the text after the name,
  // its algorithms in vendor-neutral names, the defining line.
  std::map<std::string, model::VpnProposal> ike_proposals, esp_proposals;
  std::map<std::string, std::string> ike_policy_prop;  // policy -> proposal name
  std::map<std::string, SourceRef> ike_policy_ref;
  struct Map {
    std::string acl, proposal, ike_policy, text;
    std::vector<Ipv4> peers;
    bool dynamic = false;
    SourceRef ref;
  };
  std::map<std::string, Map> maps;
  std::map<std::string, std::string> tunnel_map;  // tunnel ifc -> map
  struct Svc {
    bool on = false;
    std::string acl;
    SourceRef ref;
  } telnet, ssh, http, snmp;
  std::string snmp_acl;
  std::vector<std::pair<std::string, SourceRef>> napt_ifcs;
  std::vector<std::pair<std::string, SourceRef>> syslog_hosts;  // "syslog ip host X"
  SourceRef syslog_enable;                                      // "syslog ip enable"

  SourceRef ref(const ConfigLine& l) const { return {file, l.line, 0}; }
  void note(const std::string& t, const SourceRef& r) { dev.notes.push_back({t, r}); }
  void ignored(const ConfigLine&) { ++dev.ignored_lines; }
  void ignore_tree(const ConfigLine& l) {
    ignored(l);
    for (const auto& c : l.children) ignore_tree(c);
  }
  void unrec(const ConfigLine& l, LineContext c, const std::string& name, bool affects = true) {
    model::UnrecognisedLine u;
    u.src_ref = ref(l);
    u.text = quote_config_text(l.text);
    u.context = c;
    u.context_name = name;
    u.affects_forwarding = affects;
    dev.unrecognised.push_back(u);
  }
};

// interfaces.cpp
model::InterfaceKind kind_of(const std::string& n);
// Canonical case for an interface reference ("gigaethernet0.1" -> "GigaEthernet0.1").
std::string canon_ifc(const Ctx& c, const std::string& ref);
bool looks_like_ifc(const std::string& w);
void parse_interface(Ctx& c, const ConfigLine& l, const Words& w);
// acls.cpp
bool parse_acl(Ctx& c, const ConfigLine& l, const Words& w);
void finish_filters(Ctx& c);
// routes.cpp
bool parse_route(Ctx& c, const ConfigLine& l, const Words& w);
void finish_routes(Ctx& c);
// nat.cpp
void finish_nat(Ctx& c);
// vpn.cpp
bool parse_ike_ipsec(Ctx& c, const ConfigLine& l, const Words& w);
void finish_vpns(Ctx& c);
// management.cpp
model::Secret secret(model::SecretKind k, model::SecretStorage st, const std::string& value,
                     const SourceRef& r, const std::string& owner, const std::string& id);
bool management_global(Ctx& c, const ConfigLine& l, const Words& w);
void finish_mgmt(Ctx& c);
// hygiene.cpp
bool hygiene_global(Ctx& c, const ConfigLine& l, const Words& w);
void finish_hygiene(Ctx& c);
// nec_ix.cpp
void parse_global(Ctx& c, const ConfigLine& l);

}  // namespace gp::parsers::nec
