// Cryptography checks (guideline §5.4.3 / §5.4.4: appropriate TLS, identify deprecated or weak
// crypto, CRYPTREC). Policies are data: checks/data/tls_profiles.*, checks/data/ssh_algorithms.*.
#pragma once
#include "checks/check.h"

namespace gp::checks {

void check_ssh_v1(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_ssh_weak_algorithms(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_tls_weak(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_ike_weak(const CheckContext&, const CheckInfo&, std::vector<Finding>&);

// Exposed for tests: the weak parts of one IKE/IPsec proposal as written ("" when none).
std::string weak_ike_terms(const std::string& proposal);

}  // namespace gp::checks
