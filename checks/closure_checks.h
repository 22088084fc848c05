// Checks that read the zone verdicts (guideline §2.2 closed networks, §5.4.2 boundary defence).
#pragma once
#include "checks/check.h"

namespace gp::checks {

void check_zone_reachable(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_closure_claim(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_firewall_only(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_zone_unproven(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_control_to_internet(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_unrecognised_lines(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_damaged_configs(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_inferred_topology(const CheckContext&, const CheckInfo&, std::vector<Finding>&);

}  // namespace gp::checks
