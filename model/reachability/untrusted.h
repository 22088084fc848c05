// What a proof cannot rest on (fail closed): devices whose configuration cannot be trusted as a
// whole (model::Device::damage) and interfaces topology.yaml declares that the configuration does
// not have. A zone whose physical component holds one is never CLOSED or FIREWALL_ONLY, and a flow
// that crosses a damaged device is not a certain one.
#pragma once
#include <string>
#include <vector>

#include "model/reachability/audit.h"
#include "model/snapshot.h"

namespace gp::reach {

// One reason per damage of every device, and per declared-only interface; Reason::device names
// the device. Computed once per audit (few, usually none), filtered per zone by its component.
std::vector<Reason> untrusted_parts(const model::Snapshot& snap);

// The first device with damage that a hop of `f` passes through, or "" when none.
std::string damaged_device_on(const Flow& f, const model::Snapshot& snap);

// What a device holds that the parser could not fully read and that may change forwarding:
// unrecognised lines (all of them, or only those in forwarding contexts), and routes and NAT
// rules kept in place as not understood.
void not_understood_on(const model::Device& dev, bool all_contexts, std::vector<Reason>& out);

}  // namespace gp::reach
