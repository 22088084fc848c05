// Management-plane checks (guideline §5.4.3/§5.4.4 encryption in transit, 別紙2 2.5.1 secure
// remote maintenance services, §5.4.2 terminal restriction). They read model::MgmtService and the
// notes the parsers leave (e.g. "ssh-version N").
#pragma once
#include "checks/check.h"

namespace gp::checks {

void check_telnet(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_http(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_snmp_v1v2c(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_snmpv3_weak(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_mgmt_unrestricted(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_tftp_config_access(const CheckContext&, const CheckInfo&, std::vector<Finding>&);

}  // namespace gp::checks
