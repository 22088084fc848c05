// `gapproof trace`: one concrete packet from a device, a host or the internet, pushed through the
// same propagation as the audit (a packet set of one packet), in Must and May mode, and its path
// rebuilt by trace_back: DELIVERED, DROPPED (with the line that drops it) or UNPROVEN (with what
// was not understood), and whether the reply of a two-way flow gets back.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/reachability/audit.h"
#include "model/reachability/propagate.h"

namespace gp::reach {

enum class Disposition { Delivered, Dropped, Unproven };
const char* to_string(Disposition d);

struct FlowQuery {
  std::string from;  // device name, host id or IPv4 address
  Ipv4 to = 0;
  int proto = 1;  // 1 icmp (echo request), 6 tcp, 17 udp
  uint16_t sport = 49152, dport = 0;
};

// Where the packet ended (or stopped), in the model's words.
struct FlowEnd {
  enum class Kind { Host, Device, Subnet, Internet, Dropped, Nowhere };
  Kind kind = Kind::Nowhere;
  std::string name;  // host id, device name, "<device> <interface>" for a subnet or the internet exit
};

// One direction of one flow from one starting point.
struct FlowLeg {
  Disposition disposition = Disposition::Unproven;
  std::string summary;  // one sentence
  FlowEnd end;
  Trace trace;                   // the hops (empty when the packet never left its source)
  std::vector<Reason> deciding;  // DROPPED: the line(s) that drop it
  std::vector<Reason> unproven;  // UNPROVEN: what was not understood (or cannot be trusted)
};

// The answer from one starting point: the request, and the reply when the flow has one.
struct FlowPath {
  std::string start;  // "host hist-01", "device plant-fw (from 10.10.0.2, GigabitEthernet0/0)",
                      // "the internet at <internet point>"
  FlowLeg request;
  std::optional<FlowLeg> reply;  // tcp, udp, icmp echo whose request was DELIVERED
};

struct FlowAnswer {
  std::string from_kind;                            // device | host | internet
  std::string from;                                 // as resolved: the device or host name, or the address
  pkt::Packet packet;                               // as sent (the source address resolved)
  Disposition disposition = Disposition::Unproven;  // DELIVERED if any path is, else UNPROVEN if
                                                    // any is, else DROPPED
  std::vector<FlowPath> paths;  // one per starting point (several internet points: one each)
};

// Throws InputError (naming what was wrong) for an unknown name or an address the snapshot
// cannot place.
FlowAnswer trace_flow(const model::Snapshot& snap, const FlowQuery& q);

}  // namespace gp::reach
