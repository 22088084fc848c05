// Operational settings the guideline asks of every device (時刻同期 別紙3(12), log collection
// §5.1.3.4, account lockout and login-failure logging §5.4.2, password strength §5.4.2.1), read
// from model::Device::hygiene. A setting the parser could not decide gives an Info "could not be
// decided" finding, never a claim either way.
#pragma once
#include "checks/check.h"

namespace gp::checks {

void check_time_sync(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_remote_logging(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_login_lockout(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_auth_event_logging(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_idle_timeout(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_password_length(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_it_ot_unlogged(const CheckContext&, const CheckInfo&, std::vector<Finding>&);

// Thresholds the guideline does not give (controls.md §4 note 5: "no numeric thresholds
// anywhere"). Taken from outside sources and named as such in every finding.
inline constexpr int kIdleTimeoutLimitMinutes = 10;  // CIS Cisco IOS XE 17 benchmark 1.2.6-1.2.8
inline constexpr int kPasswordMinLength = 8;         // NIST SP 800-63B §5.1.1.1 (memorized secrets)

}  // namespace gp::checks
