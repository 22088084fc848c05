// The vendor-neutral model of one network device, as produced by every parser.
// Reachability and checks read only this; vendor syntax never leaves parsers/.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/ipv4.h"
#include "base/source_ref.h"
#include "model/filter.h"
#include "model/nat.h"

namespace gp::model {

struct InterfaceAddress {
  Prefix prefix;  // address as configured, with its length
  bool secondary = false;
  SourceRef src_ref;
};

enum class NatRole { None, Inside, Outside };  // IOS "ip nat inside/outside"

enum class InterfaceKind {
  Physical,
  Subinterface,
  Vlan /*SVI*/,
  Loopback,
  Tunnel,
  Dialer,
  VirtualTemplate,
  PortChannel,
  Bvi,
  Null,
  Other
};

struct Interface {
  std::string name;  // as written in the config (canonical long form for Cisco)
  InterfaceKind kind = InterfaceKind::Physical;
  SourceRef src_ref;  // the "interface X" line
  std::string description;
  bool shutdown = false;
  SourceRef shutdown_ref;
  std::vector<InterfaceAddress> ipv4;  // primary first
  bool dhcp_client = false;            // "ip address dhcp" / ASA "ip address dhcp"
  bool negotiated_address = false;     // "ip address negotiated" (PPP)
  bool unnumbered = false;             // "ip unnumbered X": borrows X's address
  std::string unnumbered_from;
  std::vector<std::pair<std::string, SourceRef>> ipv6;  // IPv6 addresses or "enable", as written
  // IPv6 filters attached here (names of IPv6 access lists, which the prover does not model: any
  // IPv6 path to the internet makes a zone UNPROVEN). Checks only need to know one is attached.
  std::string ipv6_filter_in, ipv6_filter_out;
  SourceRef ipv6_filter_in_ref, ipv6_filter_out_ref;
  // Layer 2.
  bool switchport = false;         // an L2 port: no IP of its own
  std::optional<int> access_vlan;  // switchport access vlan / untagged vlan
  std::vector<int> trunk_vlans;    // empty with trunk=true means all
  bool trunk = false;
  std::optional<int> encapsulation_vlan;  // subinterface "encapsulation dot1Q N"
  std::string parent;                     // subinterface parent, or the physical interface of a dialer
  std::string vrf;
  // Filtering and translation.
  std::string filter_in, filter_out;  // names in Device::filters
  SourceRef filter_in_ref, filter_out_ref;
  NatRole nat_role = NatRole::None;
  SourceRef nat_role_ref;
  // Firewall semantics (ASA / zone firewalls).
  std::string nameif;                 // ASA logical name used by access-group, nat, route
  std::optional<int> security_level;  // ASA 0..100
  std::string zone;                   // zone-based firewall / FortiGate zone
  // PPP / dialer / tunnels.
  bool pppoe = false;       // PPPoE client (an internet point when inferred)
  std::string dialer_pool;  // for Dialer and the physical interface in the pool
  std::optional<Ipv4> tunnel_source_addr;
  std::string tunnel_source_ifc;
  std::optional<Ipv4> tunnel_destination;
  std::string tunnel_mode;                      // "gre", "ipsec", ...
  std::string tunnel_protection;                // IPsec profile name when protected
  std::string crypto_map;                       // crypto map applied here
  std::map<std::string, SourceRef> other_refs;  // free slot for later checks (e.g. "ip verify")
  bool up() const { return !shutdown; }
};

enum class RouteKind { Connected, Static, Dynamic };

struct Route {
  RouteKind kind = RouteKind::Static;
  Prefix prefix;  // destination
  std::optional<Ipv4> next_hop;
  std::string out_interface;  // exit interface (name as in Interface::name; ASA: nameif
                              // resolved by the parser to the interface name)
  bool null_route = false;    // Null0 / blackhole
  int admin_distance = 1;
  std::string vrf;
  bool understood = true;
  std::string why_not_understood;
  SourceRef src_ref;
};

// A dynamic routing process. The prover over-approximates: a device running one may route any
// destination out of any interface the process covers.
struct RoutingProcess {
  std::string protocol;  // "ospf", "eigrp", "bgp", "rip", "isis"
  std::string id;
  std::vector<Prefix> networks;        // "network" statements as prefixes (empty: unknown)
  bool redistributes_default = false;  // default-information originate, etc.
  SourceRef src_ref;
};

enum class VpnKind { SiteToSiteIpsec, RemoteAccess /*SSL-VPN, AnyConnect, IPsec RA*/, L2tp };

// One IKE or IPsec proposal, or one setting of one (an IKE encryption line, a DH group list), as
// the line that defines it wrote it.
struct VpnProposal {
  std::string text;  // as written, for messages ("esp 3des-cbc md5-hmac", "crypto isakmp policy 10: ...")
  // The algorithms it allows, in vendor-neutral names: "des", "3des", "aes128", "aes256", "null"
  // (encryption); "md5", "sha1", "sha256", "sha384", "sha512", "none" (integrity); "modp768",
  // "modp1024", "modp1536", "modp2048", ... (DH groups 1, 2, 5, 14...). Empty: the parser left
  // the words as written and the checks read `text`.
  std::vector<std::string> algorithms;
  std::string assumed_default;  // not written: the vendor default assumed, and where it is documented
  SourceRef src_ref;            // the line that defines it (unset: the VPN's line)
};

// The TLS versions and ciphers a TLS service accepts (HTTPS administration, an SSL-VPN portal).
struct TlsSettings {
  std::optional<std::string> versions;  // accepted versions, lowest first: "tlsv1.0 tlsv1.1 tlsv1.2"
  SourceRef versions_ref;               // the setting that allows them
  std::string versions_default;         // not configured: the documented default assumed and its source
  std::string versions_unknown;         // not configured and no default known: why (the check says so)
  std::vector<std::string> ciphers;     // cipher suites or levels ("low", "medium") as stated
  SourceRef ciphers_ref;
};

struct Vpn {
  VpnKind kind = VpnKind::SiteToSiteIpsec;
  std::string name;         // crypto map name+seq, tunnel-group, profile
  std::vector<Ipv4> peers;  // site-to-site peer addresses
  bool peer_any = false;    // dynamic crypto map: any peer
  SourceRef peer_ref;       // the line that names the peer (unset: src_ref)
  std::string interface;    // where it terminates (interface name)
  // Route-based IPsec (Yamaha `tunnel select N` + `ipsec tunnel`, NEC `interface Tunnel0.0` +
  // `ipsec policy tunnel`): the tunnel interface whose traffic this VPN encrypts. Packets routed
  // into it go to the peer; decrypted packets arrive on it (its filters apply). Empty: the VPN is
  // policy-based (a crypto map on `interface` picks the traffic by local/remote networks).
  std::string tunnel_interface;
  std::vector<AddrMatch> local_networks;   // crypto ACL source side (protected here)
  std::vector<AddrMatch> remote_networks;  // crypto ACL destination side (behind the peer)
  std::vector<Prefix> client_pools;        // remote-access address pools handed to users
  std::string filter;                      // vpn-filter ACL name, if any
  bool bypasses_interface_acl = true;      // ASA sysopt connection permit-vpn (default on)
  std::vector<VpnProposal> proposals;      // transform sets / IKE proposals (for checks)
  std::optional<TlsSettings> tls;          // SSL-VPN: the TLS its portal accepts
  std::string authentication;              // "psk", "certificate", "aaa:<server>", ... as known
  // Remote access: whether clients send only some destinations through the tunnel (split
  // tunnelling), which lets a client bridge the VPN and another line at the same time.
  enum class Split { Unknown, FullTunnel, Split };
  Split split_tunnel = Split::Unknown;
  bool split_tunnel_default = false;  // true: not configured, the vendor default applies
  SourceRef split_tunnel_ref;         // the line that sets it (or the VPN's line for a default)
  // Where authentication events of this VPN are recorded: accounting server group, event log.
  // Empty: none configured here (device-wide logging may still record them; see Device::hygiene).
  std::string accounting;
  SourceRef accounting_ref;
  bool understood = true;
  std::string why_not_understood;
  SourceRef src_ref;
};

// Tftp: a host list the device serves its configuration to (read and written) over TFTP.
enum class MgmtProtocol { Telnet, Ssh, Http, Https, Snmp, Tftp };

// "telnet", "ssh", ...: also the names of the prover's known services for these ports.
inline const char* protocol_name(MgmtProtocol p) {
  switch (p) {
    case MgmtProtocol::Telnet:
      return "telnet";
    case MgmtProtocol::Ssh:
      return "ssh";
    case MgmtProtocol::Http:
      return "http";
    case MgmtProtocol::Https:
      return "https";
    case MgmtProtocol::Snmp:
      return "snmp";
    case MgmtProtocol::Tftp:
      return "tftp";
  }
  return "?";
}

struct MgmtService {
  MgmtProtocol protocol = MgmtProtocol::Ssh;
  bool enabled = false;
  std::optional<std::string> version;           // ssh "2", snmp "v1"/"v2c"/"v3", tls "tlsv1.2"
  std::vector<AddrMatch> allowed_sources;       // empty = not restricted
  std::vector<std::string> allowed_interfaces;  // ASA: nameif list; empty = all
  std::string access_filter;                    // e.g. vty access-class name
  std::vector<std::string> ciphers;             // as stated in the config
  bool is_default = false;                      // true: not in the config, the vendor default applies
  std::string default_source;  // is_default: the document stating that default (empty: not known)
  SourceRef src_ref;
  // Where `version` comes from: the setting's line, or (unset line) the vendor default assumed and
  // its source. Unset both: the line is src_ref.
  SourceRef version_ref;
  std::string version_default;
  // Words of the dialect for this service's access settings, for messages ("the vty lines",
  // "telnetd host"): empty gives a neutral wording.
  std::string access_setting;
};

enum class SecretKind { Password, EnableSecret, SnmpCommunity, PreSharedKey, RadiusKey, Other };
enum class SecretStorage {
  Plain,       // type 0 / cleartext
  Reversible,  // Cisco type 7, ASA "encrypted" with the default key...
  WeakHash,    // MD5 (type 5), ASA pbkdf2 with low iterations...
  StrongHash,  // type 8 / 9, sha512
  Masked,      // removed by the backup tool ("<removed>", "*****")
  Unknown,
  Absent,  // no secret is set at all (the configuration has no such line; the factory default is none)
  Fixed    // a value built into the device that the configuration turns on (a recovery password):
           // the digest is that of the published value
};

struct Secret {
  SecretKind kind = SecretKind::Password;
  SecretStorage storage = SecretStorage::Unknown;
  std::string owner;         // user name, community name is itself the secret so never stored
  std::string storage_id;    // vendor tag, e.g. "cisco-type-7"
  std::string clear_digest;  // fingerprint of the clear value when the parser could recover it
                             // (plain text, Cisco type 7 decoded): finds reuse across salts
  std::string digest;        // one-way fingerprint of the stored value (for reuse checks); the
                             // clear value itself is never kept in the model
  int privilege = -1;
  std::string access;  // snmp "RO"/"RW"
  SourceRef src_ref;
};

// Device-wide operational settings the guideline asks for (time synchronisation, remote logging,
// login lockout, password policy, authentication-event logging, idle timeouts). The parser states
// each fact it knows, including the vendor default when the config is silent and the default is
// documented; when it cannot tell, it says so with origin Unknown. No fact at all for a topic means
// the device has none (the parser knows the vendor's default is "off"). Checks never guess defaults.
enum class HygieneTopic {
  TimeSync,        // an NTP/SNTP source the device synchronises from (subject: the server)
  RemoteLog,       // a remote log collector that is actually sent to (subject: the host)
  LoginLockout,    // lockout or back-off after failed logins (number: attempts allowed)
  PasswordPolicy,  // minimum password length (number: characters)
  AuthEventLog,    // login successes/failures or accounting recorded (subject: what is recorded)
  IdleTimeout      // an idle management session is closed (subject: the line or service;
                   // number: minutes, 0 = never)
};

enum class SettingOrigin {
  Configured,     // stated in the config at src_ref
  VendorDefault,  // not stated; the vendor's documented default applies (default_source says where)
  Unknown         // not stated and the default is not known: the check cannot decide
};

struct HygieneFact {
  HygieneTopic topic = HygieneTopic::TimeSync;
  std::string subject;        // e.g. "10.0.0.1", "line vty 0 4", "console", "failed logins"
  bool enabled = true;        // false: the config states it is off (e.g. "ntpsync disable")
  std::optional<int> number;  // minutes, attempts or characters, per topic
  SettingOrigin origin = SettingOrigin::Configured;
  std::string default_source;  // VendorDefault / Unknown: the document or the reason
  SourceRef src_ref;           // Configured: the line; VendorDefault/Unknown: the line that brings
                               // the default into play (the "line vty" block, "http server
                               // enable"), or unset when none does
};

enum class LineStatus { Recognised, Ignored, Unrecognised };

// Where an unrecognised line sits: decides whether it can affect forwarding (fail closed).
enum class LineContext { Interface, Filter, Nat, Route, Vpn, Global, Management, Other };

struct UnrecognisedLine {
  SourceRef src_ref;
  std::string text;  // the line as quoted by the parsers: secrets masked, cut to 200 characters
  LineContext context = LineContext::Global;
  std::string context_name;        // e.g. the interface or ACL name
  bool affects_forwarding = true;  // false when the context cannot change what is forwarded
};

// Unsupported: a dialect told by its content that gapproof does not read (Juniper JunOS, Arista
// EOS, ...: Device::unread_dialect names it). Unknown: no dialect told at all. Either way nothing
// of the file is modelled and the device carries a ConfigDamage saying so.
enum class Vendor { CiscoIos, CiscoAsa, Fortigate, YamahaRtx, NecIx, Unsupported, Unknown };

// Why a configuration as a whole cannot be trusted to describe its device: empty, not decodable,
// in no known dialect, mostly not understood, or cut short (a backup that failed half way). Such
// a device still joins every link topology.yaml declares for it and passes everything in the
// physical graph; any zone whose physical component holds it is UNPROVEN (fail closed).
struct ConfigDamage {
  std::string why;  // one sentence, e.g. "the file is empty"
  SourceRef src_ref;
};

struct Device {
  std::string name;      // the topology name (or the hostname when inferred)
  std::string hostname;  // as configured
  Vendor vendor = Vendor::Unknown;
  std::string os_version;  // "15.2", "9.8(2)" when stated
  std::string file;        // relative config path
  std::string encoding;    // how the file's bytes were read ("UTF-8", "Shift_JIS (CP932)", ...);
                           // empty when the text was handed over already decoded (tests)
  int total_lines = 0;
  int ignored_lines = 0;  // deliberately irrelevant lines (banners, logging...): counted
  // The backup tool that saved the file ("RANCID", "Oxidized"; empty: none recognised) and how
  // many lines at its top are that tool's (inventory, `show version`), never read as configuration.
  std::string backup_tool;
  int backup_lines = 0;
  std::vector<Interface> interfaces;
  std::vector<Route> routes;  // static routes (connected ones are derived)
  std::vector<RoutingProcess> routing;
  std::map<std::string, Filter> filters;
  std::vector<NatRule> nat;  // in the vendor's evaluation order
  // A policy evaluated after routing for each (ingress, egress) interface pair, with the rules
  // scoped by FilterRule::in_interfaces/out_interfaces (FortiGate firewall policies, zone-based
  // firewalls). Empty: none. Its default action applies to forwarded packets no rule matches.
  std::string forward_filter;
  SourceRef forward_filter_ref;
  std::string global_filter;    // ASA "access-group X global": applied inbound on
  SourceRef global_filter_ref;  // every interface after the interface filter
  std::vector<Vpn> vpns;
  std::vector<MgmtService> services;
  std::vector<Secret> secrets;
  std::vector<HygieneFact> hygiene;  // see HygieneTopic; the order is the file's
  std::vector<UnrecognisedLine> unrecognised;
  std::vector<ConfigDamage> damage;  // empty: the file was read whole and understood enough
  // A file in no dialect gapproof reads (Vendor::Unsupported or Unknown): the dialect's name as
  // people say it ("Juniper JunOS (set form)"; empty when none was told), the line that told it,
  // and its non-blank lines, none of them read. They are one root cause (the ConfigDamage), not a
  // line not understood each: a person acts on "this device is not read", not on 5000 lines.
  std::string unread_dialect;
  SourceRef unread_dialect_ref;
  int unread_lines = 0;
  bool ip_routing = true;            // "no ip routing" makes an L3 switch a host
  bool stateful = false;             // ASA: stateful inspection, return traffic allowed
  bool same_security_inter = false;  // ASA same-security-traffic permit inter-interface
  bool same_security_intra = false;  // ... intra-interface
  SourceRef same_security_inter_ref, same_security_intra_ref;
  std::vector<std::pair<std::string, SourceRef>> notes;  // modelling assumptions to report

  const Interface* find_interface(const std::string& n) const {
    for (const auto& i : interfaces)
      if (i.name == n || (!i.nameif.empty() && i.nameif == n)) return &i;
    return nullptr;
  }
};

// Whether a parser read the file (a supported dialect, told or forced).
inline bool dialect_read(const Device& d) {
  return d.vendor != Vendor::Unsupported && d.vendor != Vendor::Unknown;
}

// How reports name a file no parser read: "dialect Juniper JunOS (set form): not supported",
// "dialect not recognised"; "" when it was read.
inline std::string unread_label(const Device& d) {
  if (dialect_read(d)) return "";
  return d.unread_dialect.empty() ? "dialect not recognised"
                                  : "dialect " + d.unread_dialect + ": not supported";
}

}  // namespace gp::model
