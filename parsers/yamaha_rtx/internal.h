// Internal to the Yamaha RTX parser: the parse state shared by the per-topic files, and the
// functions each topic offers the others. See yamaha_rtx.cpp for the dialect and its packet path.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/device.h"
#include "parsers/common/secret_fingerprint.h"
#include "parsers/common/secret_mask.h"
#include "parsers/common/words.h"

namespace gp::parsers::rtx {

using model::LineContext;
using Words = std::vector<std::string>;

// ---- lines (lines.cpp) --------------------------------------------------------------------------

struct Line {
  int no = 0;             // first physical line
  std::vector<int> cont;  // continuation lines joined to it (terminal wraps)
  std::string text;       // a '?' per terminal column of non-ASCII text, CR removed
  size_t raw_len = 0;     // physical length of the last physical line, in terminal columns
};

// The file as statements: console wraps joined; `total` counts physical lines, `wraps` joins.
std::vector<Line> read_lines(std::string_view content, int& total, int& wraps);
// Yamaha words: blanks separate, quotes group (removed), backslash escapes, '#' starts a comment.
Words tokenize(std::string_view s);
// Lines of a console capture that are not configuration (prompts, pager, command echo).
bool is_capture_debris(const std::string& t);

// ---- values (values.cpp) ------------------------------------------------------------------------

// Decimal number (Yamaha filter and descriptor numbers go up to 2147483647).
std::optional<long long> num(std::string_view s);
std::optional<Prefix> addr_len(std::string_view s);
// A filter address field: `*`, address[/len], wildcard octets, ranges, comma lists.
std::optional<std::vector<AddrMatch>> filter_addr(std::string_view s);
std::optional<uint16_t> single_port(std::string_view w);
std::optional<std::vector<model::PortRange>> filter_ports(std::string_view s);
struct ProtoTerm {
  model::ServiceMatch sm;
  bool ports = false;  // tcp/udp
};
std::optional<std::vector<ProtoTerm>> filter_protocols(std::string_view s, std::string& why);
std::optional<std::vector<model::ServiceMatch>> dynamic_app(std::string_view w);

// ---- parse state --------------------------------------------------------------------------------

struct StaticDef {
  model::FilterRule rule;
};

struct DynamicDef {
  model::FilterRule rule;      // a permit with the app's services
  std::vector<long long> via;  // "filter L..." form: services taken from these static filters
};

struct Apply {
  std::string ifc;
  bool in = true;
  std::vector<long long> statics, dynamics;
  SourceRef ref;
};

struct MasqStatic {
  std::string text;
  Ipv4 inner = 0;
  int proto = 0;
  std::optional<uint16_t> outer_port, inner_port;
  bool understood = true;
  std::string why;
  SourceRef ref;
};

struct NatStatic {
  std::string text;
  Ipv4 outer = 0, inner = 0;
  long long count = 1;
  SourceRef ref;
};

struct Descriptor {
  std::string type;            // "" = never typed (default none)
  std::string outer = "ipcp";  // ipcp | primary | secondary | address list text
  std::vector<Prefix> outer_ranges;
  std::vector<AddrMatch> inner{AddrMatch::any()};
  bool inner_understood = true;
  std::string incoming;  // through | reject | discard | forward
  SourceRef type_ref, incoming_ref;
  std::string incoming_text;
  std::vector<MasqStatic> masq;
  std::vector<NatStatic> statics;
};

struct IkeGw {
  std::vector<Ipv4> peers;
  bool any = false;
  bool remote_understood = true;
  // `ipsec ike encryption|hash|group GW ...` as written, with their lines; empty: the default.
  std::string enc, hash, group;
  SourceRef enc_ref, hash_ref, group_ref;
  bool psk = false;
  SourceRef ref;        // `ipsec ike remote address GW ...`
  SourceRef first_ref;  // the first line naming the gateway
};

struct SaPolicy {
  std::string gw;
  std::string text;                     // "esp 3des-cbc md5-hmac" as written
  std::vector<std::string> algorithms;  // vendor-neutral (model::VpnProposal::algorithms)
  SourceRef ref;
};

struct TunnelInfo {
  std::string encapsulation = "ipsec";
  std::string policy;
  SourceRef ref;
};

struct Ctx {
  std::string file;
  model::Device dev;
  std::map<std::string, size_t> ifc_index;
  std::string cur_pp, cur_tunnel;  // selected contexts ("" = none)
  std::map<long long, StaticDef> statics;
  std::map<long long, DynamicDef> dynamics;
  std::vector<Apply> applies;
  std::map<long long, Descriptor> nat;
  std::vector<std::pair<std::string, std::pair<long long, SourceRef>>> nat_uses;  // ifc, desc
  std::map<std::string, IkeGw> gws;
  std::map<std::string, SaPolicy> policies;
  std::map<std::string, TunnelInfo> tunnels;            // tunnel ifc name -> info
  std::map<std::string, std::string> pp_bind;           // pp ifc -> tunnel ifc
  std::map<std::string, std::vector<Prefix>> pp_pools;  // pp ifc -> remote address pool
  std::set<std::string> enabled;                        // pp/tunnel interfaces with "enable"
  bool login_pw = false, admin_pw = false, l2tp_on = false;
  // management
  struct Svc {
    std::optional<bool> on;
    std::vector<std::string> hosts;
    bool hosts_set = false;
    SourceRef ref, host_ref;
  } telnet, http, ssh, snmp, tftp;
  bool snmp_community = false;
  // `security class L FORGET ...`: whether the serial console accepts the fixed recovery password.
  std::optional<bool> forget;
  SourceRef forget_ref;
  std::string hw_model;  // "RTX1210" from the "# RTX1210 Rev...." header, when written
  SourceRef first_ref;
  bool login_timer = false;  // a "login timer" line was read (else the default applies)

  SourceRef ref(const Line& l) const { return {file, l.no, 0}; }
  void note(const std::string& t, const SourceRef& r) { dev.notes.push_back({t, r}); }

  model::Interface& ifc(const std::string& name, const SourceRef& r) {
    auto it = ifc_index.find(name);
    if (it != ifc_index.end()) return dev.interfaces[it->second];
    model::Interface i;
    i.name = name;
    i.src_ref = r;
    if (name.rfind("pp", 0) == 0) {
      i.kind = name == "pp-anonymous" ? model::InterfaceKind::VirtualTemplate : model::InterfaceKind::Dialer;
    } else if (name.rfind("tunnel", 0) == 0) {
      i.kind = model::InterfaceKind::Tunnel;
    } else if (name.rfind("loopback", 0) == 0) {
      i.kind = model::InterfaceKind::Loopback;
    } else if (name.rfind("vlan", 0) == 0) {
      i.kind = model::InterfaceKind::Vlan;
    } else if (name.rfind("bridge", 0) == 0) {
      i.kind = model::InterfaceKind::Bvi;
    } else if (name.find('/') != std::string::npos || name.find('.') != std::string::npos) {
      i.kind = model::InterfaceKind::Subinterface;
      i.parent = name.substr(0, name.find_first_of("/."));
    } else if (name == "null") {
      i.kind = model::InterfaceKind::Null;
    }
    ifc_index[name] = dev.interfaces.size();
    dev.interfaces.push_back(std::move(i));
    return dev.interfaces.back();
  }
};

enum class Res { Recognised, Ignored, Unrecognised };

// ---- topics -------------------------------------------------------------------------------------

// interfaces.cpp
bool is_ifc_token(const std::string& w);
// Name of the interface an `ip X ...` word designates ("pp"/"tunnel" = the selected one).
std::optional<std::string> ifc_of(const Ctx& c, const std::string& w);
Res parse_ip_ifc(Ctx& c, const Line& l, const Words& w, const std::string& name);
// The statement topics below answer none when the statement is not theirs.
std::optional<Res> context_statement(Ctx& c, const Line& l, const Words& w);
std::optional<Res> ipv6_statement(Ctx& c, const Line& l, const Words& w);
void finish_interfaces(Ctx& c);
// filters.cpp
bool parse_filter_def(Ctx& c, const Line& l, const Words& w);
bool parse_dynamic_def(Ctx& c, const Line& l, const Words& w);
bool parse_secure_filter(Ctx& c, const Line& l, const Words& w, const std::string& ifc);
void finish_filters(Ctx& c);
// routes.cpp
Res parse_route(Ctx& c, const Line& l, const Words& w);
// nat.cpp
std::vector<std::string> host_list(const Words& w, size_t from);
Res parse_nat(Ctx& c, const Line& l, const Words& w);
void finish_nat(Ctx& c);
// vpn.cpp
Res parse_ipsec(Ctx& c, const Line& l, const Words& w);
// Yamaha algorithm words as vendor-neutral names ("3des-cbc" -> "3des", "sha-hmac" -> "sha1",
// "modp1024" -> "modp1024"); empty for a word that names none.
std::string neutral_algorithm(const std::string& word);
void finish_vpns(Ctx& c);
// management.cpp
model::Secret secret(model::SecretKind k, model::SecretStorage st, const std::string& value,
                     const SourceRef& r, const std::string& owner, const std::string& id);
// `login password X`, `login password encrypted X`, `... *` (masked by show config).
model::Secret password_secret(model::SecretKind k, const Words& w, size_t i, const SourceRef& r,
                              const std::string& owner);
Res parse_mgmt(Ctx& c, const Line& l, const Words& w);
std::optional<Res> management_statement(Ctx& c, const Line& l, const Words& w);
void finish_mgmt(Ctx& c);
// hygiene.cpp
model::HygieneFact hygiene_fact(model::HygieneTopic t, const std::string& subject, const SourceRef& r);
std::optional<std::string> scheduled_ntpdate(const Words& w);
std::optional<Res> hygiene_statement(Ctx& c, const Line& l, const Words& w);
void finish_hygiene(Ctx& c);
// statement.cpp
Res statement(Ctx& c, const Line& l, const Words& w);

}  // namespace gp::parsers::rtx
