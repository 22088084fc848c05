// Where a traced packet starts (`gapproof trace --from`): a device, a host or segment, a
// remote-access pool, or the internet at each of its points; and so where its reply must arrive.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/reachability/flow_trace.h"
#include "model/reachability/network.h"

namespace gp::reach {

// Where a packet starts, and so where the reply of a flow must arrive.
struct Origin {
  enum class Kind { Device, Target, Subnet, Internet, UnknownPeers, VpnPool } kind = Kind::Device;
  int dev = -1;     // Device, VpnPool (the VPN gateway)
  int vpn = -1;     // VpnPool: index into the gateway's vpns
  int target = -1;  // Target (a declared host or a segment without declared hosts)
  int domain = -1;  // Subnet, Internet
  std::optional<Ipv4> gateway;
  std::string description;
};

struct FlowStart {
  std::string from_kind;  // device | host | internet | vpn-pool
  std::string from;
  pkt::Packet packet;  // the source address resolved
  std::vector<Origin> origins;
};

// Throws InputError naming --from when the name or address cannot be placed.
FlowStart resolve_start(const Network& net, const FlowQuery& q);

}  // namespace gp::reach
