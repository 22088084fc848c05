// Configuration hygiene (guideline 5.1.1.1 review of access-control settings, §5.4.2 deny by
// default): rules that can never match, references to lists that do not exist, IPv6 left unfiltered.
#pragma once
#include "checks/check.h"

namespace gp::checks {

void check_shadowed_rules(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_undefined_references(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_ipv6_unfiltered(const CheckContext&, const CheckInfo&, std::vector<Finding>&);

}  // namespace gp::checks
