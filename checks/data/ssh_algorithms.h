// SSH algorithms that ssh-audit classifies as failing, as data (see ssh_algorithms.cpp).
#pragma once
#include <string>

namespace gp::checks::data {

// Why `name` (kex, host key, cipher or MAC, OpenSSH or Cisco ASA spelling) is weak, or "" if it
// is not on the list.
std::string weak_ssh_algorithm(const std::string& name);

}  // namespace gp::checks::data
