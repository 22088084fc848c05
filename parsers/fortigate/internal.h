// Internal interface of the FortiOS parser: the parse context shared by its topic files.
// Nothing here leaves parsers/fortigate/.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "model/device.h"
#include "parsers/common/address_ranges.h"
#include "parsers/common/secret_fingerprint.h"
#include "parsers/common/secret_mask.h"
#include "parsers/common/words.h"
#include "parsers/fortigate/tree.h"

namespace gp::parsers::fgt {

using Words = std::vector<std::string>;

// A set of IPv4 addresses read from an address object, group or VIP.
struct AddrSet {
  std::vector<AddrMatch> v4;
  bool ok = true;
  std::string why;
  void fail(const std::string& reason) {
    if (ok) why = reason;
    ok = false;
  }
  void add(const AddrSet& o) {
    v4.insert(v4.end(), o.v4.begin(), o.v4.end());
    if (!o.ok) fail(o.why);
  }
};

struct SvcSet {
  std::vector<model::ServiceMatch> terms;
  bool ok = true;
  std::string why;
  void fail(const std::string& reason) {
    if (ok) why = reason;
    ok = false;
  }
  void add(const SvcSet& o) {
    terms.insert(terms.end(), o.terms.begin(), o.terms.end());
    if (!o.ok) fail(o.why);
  }
};

struct Group {
  std::vector<std::string> members;
  bool exclude = false;
  SourceRef ref;
};

struct Vip {
  std::string name;
  bool ok = true;
  std::string why;
  std::optional<Prefix> ext;   // one address (or none: 0.0.0.0)
  std::vector<Prefix> mapped;  // mappedip as prefixes
  bool mapped_single = false;  // one address
  Ipv4 mapped_first = 0;
  std::string extintf = "any";
  bool portforward = false;
  int protocol = 6;
  std::string extport, mappedport;
  SourceRef ref;
};

struct Pool {
  Ipv4 lo = 0, hi = 0;
  std::string type = "overload";
  SourceRef ref;
  bool ok = false;
};

struct Phase2 {
  std::vector<AddrMatch> local, remote;
  std::vector<model::VpnProposal> proposals;  // "set proposal", "set dhgrp" (PFS), at their lines
  bool ok = true;
  std::string why;
};

// Objects and tables of one VDOM ("" when the device has no VDOMs).
struct Vdom {
  std::map<std::string, AddrSet> addrs;
  std::map<std::string, SourceRef> addr_refs;
  std::map<std::string, Group> addrgrps;
  std::map<std::string, SvcSet> services;
  std::map<std::string, Group> svcgrps;
  std::map<std::string, Vip> vips;
  std::map<std::string, Group> vipgrps;
  std::map<std::string, Pool> pools;
  std::map<std::string, std::vector<std::string>> zones;  // zone -> member interfaces
  std::vector<std::string> interfaces;                    // interfaces bound to this VDOM
};

struct Ctx {
  Ctx(model::Device& d, std::string f) : dev(d), file(std::move(f)) {}
  model::Device& dev;
  std::string file;
  bool multi_vdom = false;
  std::map<std::string, Vdom> vdoms;
  std::map<int, model::LineStatus> status;
  // Management: trusted hosts of every administrator (empty entry: an admin without any).
  std::vector<std::vector<AddrMatch>> admin_trusthosts;
  std::map<std::string, std::vector<std::string>> mgmt_ifcs;  // protocol -> interfaces
  std::map<std::string, SourceRef> mgmt_refs;
  std::vector<std::tuple<std::string, std::string, SourceRef>> intrazone_allow;  // vdom, zone, line
  std::map<std::string, std::vector<Phase2>> phase2;                             // phase1 name -> selectors
  std::vector<Prefix> ssl_portal_pools;
  // SSL-VPN portals in tunnel mode and their split-tunneling line (absent: not stated).
  struct SslPortal {
    std::string name;
    std::optional<bool> split;
    SourceRef ref, split_ref;
  };
  std::vector<SslPortal> ssl_tunnel_portals;
  bool snmp_agent = false;  // system snmp sysinfo: status enable
  // Hygiene settings seen (hygiene.cpp): what finish_hygiene must complete with vendor defaults.
  struct Hygiene {
    bool ntp = false, admintimeout = false, password_policy = false;
    std::optional<int> lockout_threshold, lockout_duration;    // system global, as stated
    SourceRef lockout_ref;                                     // the first of the two lines
    std::map<std::string, std::pair<bool, SourceRef>> events;  // eventfilter category -> enabled, line
  } hyg;

  SourceRef ref(int line) const { return SourceRef{file, line, 0}; }
  SourceRef ref(const Node& n) const { return ref(n.line); }
  void mark(const Node& n, model::LineStatus s);
  void rec(const Node& n) { mark(n, model::LineStatus::Recognised); }
  void ign(const Node& n);
  void ign_tree(const Node& n);
  void unrec(const Node& n, model::LineContext c, const std::string& name, bool affects = true);
  void unrec_tree(const Node& n, model::LineContext c, const std::string& name, bool affects = true);
  void note(const std::string& text, const SourceRef& r) { dev.notes.push_back({text, r}); }
  std::string vrf_of(const std::string& vdom) const { return multi_vdom ? vdom : ""; }
  Vdom& vd(const std::string& v) { return vdoms[v]; }
  model::Interface* find_ifc(const std::string& name);
};

// ---------------------------------------------------------------- helpers (util.cpp)
std::string quote_node(const Node& n);  // the statement as a report may show it
bool is_secret_key(const std::string& key);
// "A M", "A/len" (one or two words from w[i]); nullopt when not an address.
std::optional<Prefix> read_ip_mask(const Words& w, size_t i);
std::optional<std::pair<Ipv4, Ipv4>> read_range(const std::string& w);  // "A" or "A-B"
std::optional<int> number(const std::string& w, int max);
model::Secret make_secret(model::SecretKind kind, const std::string& stored, const SourceRef& ref);

// ---------------------------------------------------------------- objects (objects.cpp)
void read_addresses(Ctx& c, const Node& cfg, const std::string& vdom);
void read_addrgrps(Ctx& c, const Node& cfg, const std::string& vdom, bool vip);
void read_services(Ctx& c, const Node& cfg, const std::string& vdom);
void read_svcgrps(Ctx& c, const Node& cfg, const std::string& vdom);
void read_vips(Ctx& c, const Node& cfg, const std::string& vdom);
void read_ippools(Ctx& c, const Node& cfg, const std::string& vdom);
// Expansion of names as written in a policy (depth-limited, cycles fail).
AddrSet expand_addr(const Ctx& c, const std::string& vdom, const std::string& name, bool dst, int depth = 0);
SvcSet expand_svc(const Ctx& c, const std::string& vdom, const std::string& name, int depth = 0);
const SvcSet* default_service(const std::string& name);
// A VIP (or VIP group) used by this name, for the policy's destination.
bool is_vip(const Ctx& c, const std::string& vdom, const std::string& name);

// ---------------------------------------------------------------- policies (policy.cpp)
void read_policies(Ctx& c, const Node& cfg, const std::string& vdom);
void finish_policies(Ctx& c);
void vip_nat_rules(Ctx& c);

// ---------------------------------------------------------------- network (network.cpp)
void read_interfaces(Ctx& c, const Node& cfg);
void read_zones(Ctx& c, const Node& cfg, const std::string& vdom);
void read_static_routes(Ctx& c, const Node& cfg, const std::string& vdom);
void read_routing_process(Ctx& c, const Node& cfg, const std::string& vdom, const std::string& proto);

// ---------------------------------------------------------------- management and VPN (mgmt.cpp)
void read_global(Ctx& c, const Node& cfg);
void read_admins(Ctx& c, const Node& cfg);
void read_snmp(Ctx& c, const Node& cfg, const std::string& what);
void read_users(Ctx& c, const Node& cfg);
void read_phase1(Ctx& c, const Node& cfg, const std::string& vdom);
void read_phase2(Ctx& c, const Node& cfg, const std::string& vdom);
void read_ssl_settings(Ctx& c, const Node& cfg, const std::string& vdom);
void read_ssl_portal(Ctx& c, const Node& cfg, const std::string& vdom);
void finish_vpn(Ctx& c);
void finish_management(Ctx& c);

// ---------------------------------------------------------------- cryptography (crypto.cpp)
// "set proposal 3des-sha1 ..." / "set dhgrp 1 2 5" of phase 1 or 2, algorithms in neutral names.
model::VpnProposal proposal_of(const Words& w, const SourceRef& r);
model::VpnProposal dhgrp_of(const Words& w, const SourceRef& r);
// The TLS lines of "config vpn ssl settings", gathered while reading the block.
struct SslTlsLines {
  std::pair<std::string, SourceRef> min, max;                  // ssl-min/max-proto-ver: version, line
  std::map<std::string, std::pair<bool, SourceRef>> switches;  // FortiOS 6.0 "set tlsv1-0 enable"
  SourceRef algorithm;                                         // "set algorithm low|medium"
};
// True when the line is one of them (recorded into `lines` / `t`).
bool read_ssl_tls(model::TlsSettings& t, SslTlsLines& lines, const Words& w, const SourceRef& r);
// The versions the portal accepts, at the line that allows the lowest; unknown when not written.
void finish_ssl_tls(model::TlsSettings& t, const SslTlsLines& lines, const std::string& os_version);
// HTTPS administration without admin-https-ssl-versions: the documented default of the release.
void admin_https_default(model::MgmtService& https, const std::string& os_version);

// ---------------------------------------------------------------- hygiene (hygiene.cpp)
// Time sync, remote logging, lockout, password policy, event log, idle timeout (model::HygieneFact).
void read_ntp(Ctx& c, const Node& cfg);
void read_log_remote(Ctx& c, const Node& cfg, const std::string& path);
void read_password_policy(Ctx& c, const Node& cfg);
void read_eventfilter(Ctx& c, const Node& cfg);
// "set admintimeout", "set admin-lockout-*" of system global: true when the line made a fact.
bool global_hygiene(Ctx& c, const Node& cfg, const Node& s);
void finish_hygiene(Ctx& c);

}  // namespace gp::parsers::fgt
