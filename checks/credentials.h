// Credential checks (guideline §5.4.2.1 passwords and default credentials, §5.4.6 administrator
// passwords, 別紙3(1) protection of authentication information). They read model::Secret only:
// storage type and the FNV-1a fingerprint of the stored string; no clear value is ever available
// or printed.
#pragma once
#include <string>

#include "checks/check.h"

namespace gp::checks {

void check_default_password(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_no_password(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_reversible_storage(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_weak_hash(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_reused_secret(const CheckContext&, const CheckInfo&, std::vector<Finding>&);
void check_snmp_community(const CheckContext&, const CheckInfo&, std::vector<Finding>&);

// Exposed for tests: FNV-1a 64 as the parsers compute Secret::digest, and Cisco type 7 encoding.
std::string fnv1a_hex(const std::string& s);
std::string cisco_type7_encode(const std::string& clear, int salt, bool upper = true);

}  // namespace gp::checks
