// Remote-access checks (guideline §5.2.2 telework, Column 1 / §5.4.2 MFA for VPN, 別紙2 2.5.2).
#pragma once
#include "checks/check.h"

namespace gp::checks {

void check_ra_no_mfa(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_ra_pool_reaches_control(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_ra_split_tunnel(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_ra_auth_logging(const CheckContext&, const CheckInfo&, std::vector<Finding>&);

}  // namespace gp::checks
