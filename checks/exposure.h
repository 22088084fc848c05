// Exposure checks on the prover's results (guideline §5.4.2: no control system on the internet,
// no exploitable services on internet-facing assets, deny by default toward the control network).
#pragma once
#include "checks/check.h"

namespace gp::checks {

void check_device_mgmt_exposure(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_control_host_exposure(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_any_any_permit(const CheckContext&, const CheckInfo&, std::vector<Finding>&);

}  // namespace gp::checks
