// Findings for the ordinance sheet: one per FAIL answer (Tier::Ordinance, 法令基準不適合).
#pragma once
#include "checks/check.h"

namespace gp::checks {

void check_ordinance_q1(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_ordinance_q2(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_ordinance_q3(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_ordinance_q4(const CheckContext&, const CheckInfo&, std::vector<Finding>&);

}  // namespace gp::checks
