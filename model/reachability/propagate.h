// Propagates one source's packets through the network to a fixpoint, in Must or May mode,
// recording how each packet set got where it is (for traces) and what stopped the rest
// (for blocking evidence).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/reachability/filter_bdd.h"
#include "model/reachability/network.h"

namespace gp::reach {

struct Source {
  enum class Kind { Internet, UnknownPeer, RemoteAccessPool, IpsecPeer, Pivot };
  Kind kind = Kind::Internet;
  std::string description;
  SourceRef ref;
  bdd packets;                   // headers as sent
  std::vector<int> domains_any;  // sent to every device interface and host in these domains
  std::vector<int> arrive_ifcs;  // arrive directly on these interfaces
  // Remote-access / IPsec traffic enters a device after decryption.
  int vpn_dev = -1;
  int vpn_ifc = -1;  // the interface the VPN terminates on (-1: unknown)
  bool bypass_acl = false;
  std::string vpn_filter;
  // Pivot hosts: each group sends from its segment to its gateway (or every router there).
  struct HostGroup {
    int domain = -1;
    std::optional<Ipv4> gateway;
    std::vector<int> targets;  // indices into Network::targets
    bdd packets;
  };
  std::vector<HostGroup> host_groups;
  bool no_source_nat = false;  // keep source addresses (to attribute outbound flows)
  // A packet the device `vpn_dev` sends itself (gapproof trace --from DEVICE): no ingress
  // filter, policy, NAT or egress filter applies, only the device's routing table.
  bool local_origin = false;
  // Record where packets end (a device itself, the internet, a drop) as transitions too, so a
  // trace can be rebuilt back from any of them. Off for the audit (it never asks).
  bool record_ends = false;
  // Hosts take every packet sent to their addresses, listed service or not (a trace reports the
  // packet's arrival; whether anything listens is the host's inventory, not forwarding).
  bool any_service = false;
  // The reply of a traced flow: on each device where the request created a session (stateful
  // firewall or NAT), the reply that matches it is translated back and, on a stateful device,
  // passes without filters (the session admits it).
  struct Session {
    int dev = -1;
    pkt::Packet reply_in;   // the reply as it reaches the device (request as it left, reversed)
    pkt::Packet reply_out;  // as it leaves (request as it arrived, reversed)
    bool stateful = false;
  };
  std::vector<Session> sessions;
};

// Special `Transition::to_loc` values for where a packet ends (Source::record_ends).
inline constexpr int kToInternet = -2;
inline constexpr int kToDevice = -3;
inline constexpr int kDropped = -4;
inline constexpr int kToSubnet = -5;  // onto a connected subnet, no known host there

// A rewritten header field (NAT): the backward trace forgets it to find the original packet.
struct Rewrite {
  pkt::Field field;
  int bits;  // top bits rewritten (32 for a whole address)
};

struct Transition {
  int seq = 0;
  int from_loc = -1;  // -1: the source itself
  int to_loc = -1;
  bdd in_pre;  // packets at from_loc this transition consumed
  bdd out;     // packets it delivered to to_loc
  std::vector<Rewrite> rewrites;
  // What the hop did (for the trace).
  int dev = -1, in_ifc = -1, out_ifc = -1;
  const RouteTarget* route = nullptr;
  std::vector<const model::NatRule*> nat;
  bool acl_bypassed = false;
  std::string vpn_filter;  // applied to decrypted VPN traffic at this hop
  int batch = -1;          // >= 0: several hops delivered together onto a carrier
                           // (RunResult::batches); the trace picks the right one
  std::string drop_key;    // to_loc == kDropped: the RunResult::drops entry
  bool session = false;    // a reply matched the session of its request here
};

struct Drop {
  int dev = -1, ifc = -1;
  std::string what;             // "filter X", "no route", "security level", ...
  std::vector<SourceRef> refs;  // deciding lines (for filters: the filter's first line;
                                // the deciding rule per packet comes from first_match)
  const CompiledFilter* filter = nullptr;
  SourceRef filter_ref;
  bdd dropped;
};

struct UnknownTouched {
  int dev = -1;
  SourceRef ref;
  std::string text;
};

struct RunResult {
  const Source* source = nullptr;
  Mode mode = Mode::Must;
  std::vector<bdd> at_loc;  // per location: every packet that arrived there
  std::vector<Transition> transitions;
  std::vector<std::vector<Transition>> batches;
  std::vector<bdd> target_reached;  // per target
  bdd to_internet;
  std::map<int, bdd> to_device;  // per device: packets addressed to the device itself
  std::map<std::string, Drop> drops;
  std::map<std::string, UnknownTouched> unknowns;
};

// Locations: [0, ifcs) arrival on an interface; [ifcs, ifcs+targets) delivery to a target;
// then one virtual ingress per source that enters a device after decryption.
int target_loc(const Network& net, int target);

RunResult propagate(const Network& net, const Source& src, Mode mode);

// One hop of a concrete trace.
struct TraceHop {
  std::string device;
  std::string in_interface, out_interface;
  std::string action;                                    // one line, human readable
  std::vector<std::pair<std::string, SourceRef>> facts;  // what decided, with file:line
  pkt::Packet packet_in, packet_out;
};

struct Trace {
  pkt::Packet first;  // as sent by the source
  pkt::Packet last;   // as delivered
  std::vector<TraceHop> hops;
};

// A concrete packet from the source to `target`, hop by hop; nullopt when none reached it.
std::optional<Trace> trace_to(const Network& net, const RunResult& run, int target);
// The path of packet `p` (as it was at the end of `end`, a transition of `run`) back to the
// source, hop by hop; the last hop is `end` itself (a drop, a delivery to a device or the internet).
Trace trace_back(const Network& net, const RunResult& run, const Transition& end, const pkt::Packet& p);

}  // namespace gp::reach
