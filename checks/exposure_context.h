// Where a device sits, for the checks that weigh a finding by exposure (guideline §3 severity
// scale: control-system or internet-facing devices weigh more).
#pragma once
#include <set>
#include <string>

#include "checks/check.h"

namespace gp::checks {

// An up interface of `d` has an address in a segment of a control zone, or a declared link joins
// it to such a segment.
bool touches_control_zone(const model::Snapshot& snap, const model::Device& d);
// The control zones `d` touches in that sense.
std::set<std::string> control_zones_of(const model::Snapshot& snap, const model::Device& d);
// A link joins `d` to the internet, an interface is a PPPoE client, or the prover found one of its
// own services reachable from the internet.
bool internet_facing(const CheckContext& ctx, const model::Device& d);
// Critical when the device is in a control zone or faces the internet, else `base`.
Severity weigh(const CheckContext& ctx, const model::Device& d, Severity base);
// The whole configuration file of `d`: for findings about something the file lacks.
SourceRef file_ref(const model::Device& d);

}  // namespace gp::checks
