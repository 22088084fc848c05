// Packet filters as ordered rule lists (ACLs, ASA access-lists, firewall policies).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/ipv4.h"
#include "base/source_ref.h"

namespace gp::model {

namespace proto {
inline constexpr int kIcmp = 1;
inline constexpr int kTcp = 6;
inline constexpr int kUdp = 17;
inline constexpr int kGre = 47;
inline constexpr int kEsp = 50;
inline constexpr int kAh = 51;
}  // namespace proto

struct PortRange {
  uint16_t lo = 0;
  uint16_t hi = 65535;
  bool is_any() const { return lo == 0 && hi == 65535; }
};

// One protocol/port term of a rule. A rule's service matches when any of its terms match.
struct ServiceMatch {
  std::optional<int> protocol;       // nullopt = any IP protocol
  std::vector<PortRange> src_ports;  // empty = any (only meaningful for tcp/udp)
  std::vector<PortRange> dst_ports;  // empty = any
  std::optional<int> icmp_type;      // only for icmp
  std::optional<int> icmp_code;
  bool established_only = false;  // Cisco "established": ACK or RST set (return traffic)
};

enum class Action { Permit, Deny };

// A rule matches when src matches any of `src`, dst any of `dst` and the packet any of
// `services`. Object-groups expand into these lists; provenance stays on the rule.
struct FilterRule {
  Action action = Action::Deny;
  std::vector<AddrMatch> src{AddrMatch::any()};
  std::vector<AddrMatch> dst{AddrMatch::any()};
  std::vector<ServiceMatch> services{ServiceMatch{}};
  bool inactive = false;   // never matches a packet the prover follows: ASA "inactive", IOS
                           // "fragments" (non-initial fragments cannot open a connection)
  bool understood = true;  // false: the parser could not fully read this line; the prover treats
                           // it as "may permit, may deny" (fail closed)
  std::string why_not_understood;
  // Whether a packet matching the rule is logged (IOS/ASA "log", FortiGate "logtraffic all",
  // Yamaha "pass-log"); nullopt when the parser does not know the dialect's rule logging.
  std::optional<bool> logged;
  std::string text;   // the rule as written, quoted like a line not understood (secrets masked)
  SourceRef src_ref;  // the line that defines the rule
  // Not evaluated in list order by the device (Yamaha `ip filter dynamic`: stateful inspection
  // beside the static list, placed in the list where it admits the most). The prover reads it in
  // place; checks about list order (a rule that can never match) leave it out.
  bool outside_list_order = false;
  // Interface scope, for filters evaluated after routing (Device::forward_filter): the rule
  // applies only to packets entering on one of `in_interfaces` and leaving on one of
  // `out_interfaces` (names as in Interface::name, nameif or zone). Empty = any.
  std::vector<std::string> in_interfaces;
  std::vector<std::string> out_interfaces;
};

struct Filter {
  std::string name;
  std::vector<FilterRule> rules;  // first match wins
  // What happens to a packet no rule matches. Cisco/ASA: deny.
  Action default_action = Action::Deny;
  SourceRef src_ref;    // where the filter starts (or first line when lines are scattered)
  bool defined = true;  // false: referenced but never defined (Cisco IOS then permits all)
};

}  // namespace gp::model
