// Tunnels between the snapshot's own devices (model/tunnels.h): two ends that disagree.
#pragma once
#include "checks/check.h"

namespace gp::checks {

void check_tunnel_mismatch(const CheckContext&, const CheckInfo&, std::vector<Finding>&);

}  // namespace gp::checks
