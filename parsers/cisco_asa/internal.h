// Internal interface of the Cisco ASA parser: the parse context shared by the per-topic files.
// Nothing here leaves parsers/cisco_asa/.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/device.h"
#include "parsers/common/address_ranges.h"
#include "parsers/common/config_blocks.h"
#include "parsers/common/secret_fingerprint.h"
#include "parsers/common/secret_mask.h"
#include "parsers/common/words.h"

namespace gp::parsers::asa {

using Words = std::vector<std::string>;

// ---------------------------------------------------------------- objects (objects.cpp)

// A set of IPv4 addresses as read from an object, group or inline specifier.
struct AddrSet {
  std::vector<AddrMatch> v4;
  bool has_v6 = false;  // IPv6 members (they match no IPv4 packet)
  bool ok = true;       // false: could not be read exactly (fqdn, undefined name, ...)
  std::string why;
  void fail(const std::string& reason) {
    if (ok) why = reason;
    ok = false;
  }
  void add(const AddrSet& o) {
    v4.insert(v4.end(), o.v4.begin(), o.v4.end());
    has_v6 = has_v6 || o.has_v6;
    if (!o.ok) fail(o.why);
  }
};

// A set of services (protocol/port terms).
struct SvcSet {
  std::vector<model::ServiceMatch> terms;
  bool ok = true;
  std::string why;
  void fail(const std::string& reason) {
    if (ok) why = reason;
    ok = false;
  }
};

struct NetObject {  // object network X
  SourceRef ref;
  AddrSet addrs;              // what the object stands for
  bool defined_body = false;  // host/subnet/range/fqdn seen
  enum class Shape { None, Host, Subnet, Range, Fqdn, V6 } shape = Shape::None;
  Prefix prefix;                    // Host/Subnet
  Ipv4 range_lo = 0, range_hi = 0;  // Range
};

struct SvcObject {  // object service X
  SourceRef ref;
  SvcSet svc;
  bool defined_body = false;
};

enum class GroupType {
  Network,
  Service,
  ServicePorts /*tcp|udp|tcp-udp typed*/,
  Protocol,
  Icmp,
  User,
  Other
};

struct GroupMember {
  std::string kind;  // "host", "net", "object", "group", "port", "service", "protocol", "icmp", "bad"
  Words words;       // the member line's words
  SourceRef ref;
};

struct ObjectGroup {
  GroupType type = GroupType::Other;
  std::vector<int> port_protocols;  // ServicePorts: protocols of the group (6, 17)
  std::vector<GroupMember> members;
  SourceRef ref;
};

// ---------------------------------------------------------------- ACLs (access_lists.cpp)

struct AclEntry {
  bool remark = false;
  model::FilterRule rule;
};

struct AclLine {  // stored during the first pass, read once all objects are known
  Words words;
  std::string text;
  SourceRef ref;
};

// ---------------------------------------------------------------- NAT (nat.cpp)

struct ObjectNatLine {
  std::string object;
  SourceRef object_ref;  // the "object network X" line that holds the nat line
  Words words;
  std::string text;
  SourceRef ref;
};

// ---------------------------------------------------------------- VPN (vpn.cpp)

struct CryptoMapEntry {
  std::string map;
  std::string seq;
  bool dynamic_ref = false;  // "ipsec-isakmp dynamic DYN"
  std::string dynamic_map;
  std::string acl;
  std::vector<Ipv4> peers;
  std::vector<std::string> proposals;
  bool understood = true;
  std::string why;
  SourceRef ref;
};

struct TunnelGroup {
  std::string type;  // remote-access, ipsec-l2l, webvpn
  std::vector<std::string> pools;
  std::string group_policy;
  std::string auth_server;
  std::string accounting_server;  // general-attributes accounting-server-group
  SourceRef accounting_ref;
  bool psk = false;
  bool cert = false;
  SourceRef ref;
};

struct GroupPolicy {
  std::vector<std::string> pools;
  std::string vpn_filter;
  std::string split_acl;
  std::string split_policy;
  SourceRef split_ref;  // the split-tunnel-policy line
  std::vector<std::string> protocols;
  SourceRef ref;
};

// ---------------------------------------------------------------- hygiene (hygiene.cpp)

struct HygieneState {
  SourceRef logging_enable;                                     // unset: syslog off
  std::optional<std::pair<std::string, SourceRef>> trap_level;  // logging trap L (level or list)
  std::optional<int> trap_number;                               // the level as 0..7 (not a list)
  int login_fail_level = 6;     // severity of message 605004 (login denied), default 6
  bool login_fail_off = false;  // "no logging message 605004"
  std::vector<std::pair<std::string, SourceRef>> log_hosts;   // logging host IF A
  std::map<std::string, std::pair<int, SourceRef>> timeouts;  // ssh/telnet/console/http
};

// ---------------------------------------------------------------- context

struct Ctx {
  Ctx(model::Device& d, std::string f) : dev(d), file(std::move(f)) {}
  model::Device& dev;
  std::string file;

  std::map<std::string, Ipv4> names;  // "name A NAME"
  std::map<std::string, NetObject> net_objects;
  std::map<std::string, SvcObject> svc_objects;
  std::map<std::string, ObjectGroup> groups;

  std::vector<AclLine> acl_lines;                     // file order
  std::map<std::string, std::vector<AclEntry>> acls;  // after reading
  std::map<std::string, SourceRef> acl_first_ref;

  std::vector<ObjectNatLine> object_nat;
  std::vector<std::pair<model::NatRule, int>> twice_nat;  // rule + section

  std::map<std::string, std::vector<Prefix>> pools;
  std::map<std::string, SourceRef> pool_refs;
  std::vector<CryptoMapEntry> crypto_entries;  // static and dynamic map entries
  std::map<std::string, std::vector<CryptoMapEntry>> dynamic_maps;
  std::map<std::string, std::pair<std::string, SourceRef>> crypto_map_ifc;  // map -> nameif
  std::map<std::string, TunnelGroup> tunnel_groups;
  std::map<std::string, GroupPolicy> group_policies;
  std::map<std::string, std::vector<std::string>> ike_proposals;  // "ikev1 transform-set T" -> ...
  std::vector<std::pair<std::string, SourceRef>> webvpn_ifcs;
  bool anyconnect = false;
  SourceRef anyconnect_ref, webvpn_ref;
  std::vector<std::string> ike_enabled_ifcs;
  bool permit_vpn = true;
  HygieneState hygiene;

  std::map<int, model::LineStatus> status;  // line -> how it was accounted for

  // Line accounting.
  SourceRef ref(int line) const { return SourceRef{file, line, 0}; }
  void recognised(const parsers::ConfigLine& l) { status[l.line] = model::LineStatus::Recognised; }
  void recognised(int line) { status[line] = model::LineStatus::Recognised; }
  void ignored(const parsers::ConfigLine& l);
  void ignored_tree(const parsers::ConfigLine& l);  // the line and all its children
  void unrecognised(const parsers::ConfigLine& l, model::LineContext c, const std::string& name,
                    bool affects = true);
  void unrecognised_tree(const parsers::ConfigLine& l, model::LineContext c, const std::string& name,
                         bool affects = true);
  void note(const std::string& text, const SourceRef& r) { dev.notes.push_back({text, r}); }

  // Interfaces by nameif.
  model::Interface* by_nameif(const std::string& nameif);
};

// ---------------------------------------------------------------- helpers (util.cpp)

std::optional<int> port_number(const std::string& word);      // "www" -> 80, "8080" -> 8080
std::optional<int> protocol_number(const std::string& word);  // "tcp" -> 6, "ip" -> nullopt-any
bool is_ip_any_protocol(const std::string& word);             // "ip"
std::optional<int> icmp_type_number(const std::string& word);
bool looks_ipv6(const std::string& w);
// "eq P", "range A B", ... at words[i]; advances i. nullopt when not a port operator there;
// an operator whose value cannot be read gives an empty vector and ok=false.
struct PortSpec {
  std::vector<model::PortRange> ranges;
  bool ok = true;
  std::string why;
};
std::optional<PortSpec> read_port_op(const Words& w, size_t& i);
model::Secret make_secret(model::SecretKind kind, const std::string& stored, model::SecretStorage storage,
                          const std::string& storage_id, const SourceRef& ref);

// ---------------------------------------------------------------- per-topic entry points

// Each returns true when it handled (accounted for) the top-level block.
bool ignored_block(Ctx& c, const parsers::ConfigLine& b, const Words& w);
bool handle_interface(Ctx& c, const parsers::ConfigLine& b, const Words& w);
bool handle_object_definition(Ctx& c, const parsers::ConfigLine& b, const Words& w);
bool handle_access_list(Ctx& c, const parsers::ConfigLine& b, const Words& w);
bool handle_access_group(Ctx& c, const parsers::ConfigLine& b, const Words& w);
bool handle_nat(Ctx& c, const parsers::ConfigLine& b, const Words& w);
bool handle_route(Ctx& c, const parsers::ConfigLine& b, const Words& w);
bool handle_vpn(Ctx& c, const parsers::ConfigLine& b, const Words& w);
bool handle_management(Ctx& c, const parsers::ConfigLine& b, const Words& w);
bool handle_accounts(Ctx& c, const parsers::ConfigLine& b, const Words& w);
bool handle_hygiene(Ctx& c, const parsers::ConfigLine& b, const Words& w);

// Object expansion (objects.cpp).
AddrSet expand_net_object(const Ctx& c, const std::string& name);
AddrSet expand_net_group(const Ctx& c, const std::string& name);
SvcSet expand_svc_object(const Ctx& c, const std::string& name);
SvcSet expand_svc_group(const Ctx& c, const std::string& name);  // service-object style
// Port group (tcp/udp typed): its port ranges.
PortSpec expand_port_group(const Ctx& c, const std::string& name);
// Protocol group: protocol numbers (nullopt member = any IP protocol).
std::vector<std::optional<int>> expand_protocol_group(const Ctx& c, const std::string& name, bool& ok,
                                                      std::string& why);
std::vector<int> expand_icmp_group(const Ctx& c, const std::string& name, bool& ok, std::string& why);
// Reads "service tcp [source OP P] [destination OP P]" style words starting at i.
SvcSet read_service_words(const Ctx& c, const Words& w, size_t i);
// Address specifier in ACL/NAT: any, any4, any6, host A, A M, object O, object-group G,
// interface N, IPv6 prefixes, names. Advances i.
AddrSet read_address(const Ctx& c, const Words& w, size_t& i);

// Second-phase resolution, called after every line has been read.
void finish_access_lists(Ctx& c);
void finish_nat(Ctx& c);
void finish_vpn(Ctx& c);
void finish_management(Ctx& c);
void finish_hygiene(Ctx& c);  // after finish_management (needs the services)

}  // namespace gp::parsers::asa
