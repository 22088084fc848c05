// Weak SSH algorithms. Classification from jtesta/ssh-audit @ 1eb1105 src/ssh_audit/ssh2_kexdb.py
// (MIT licence, Copyright (c) 2017-2026 Joe Testa, (c) 2017 Andris Raugulis), "fail" entries only,
// as summarised in /work/shared/reference/audit-rules.md §1.6. Cisco ASA spellings (dh-group1-sha1)
// are mapped onto the OpenSSH names.
#include "checks/data/ssh_algorithms.h"

#include <map>

namespace gp::checks::data {

std::string weak_ssh_algorithm(const std::string& name) {
  static const std::map<std::string, const char*> k = {
      {"diffie-hellman-group1-sha1", "1024-bit modulus (Logjam) and SHA-1"},
      {"dh-group1-sha1", "1024-bit modulus (Logjam) and SHA-1"},
      {"diffie-hellman-group14-sha1", "SHA-1"},
      {"dh-group14-sha1", "SHA-1"},
      {"diffie-hellman-group-exchange-sha1", "SHA-1"},
      {"ssh-dss", "1024-bit DSA host key"},
      {"ssh-rsa", "RSA signature with SHA-1"},
      {"3des-cbc", "3DES (64-bit block)"},
      {"des-cbc", "DES"},
      {"des", "DES"},
      {"3des", "3DES (64-bit block)"},
      {"blowfish-cbc", "Blowfish (64-bit block)"},
      {"cast128-cbc", "CAST-128 (64-bit block)"},
      {"arcfour", "RC4"},
      {"arcfour128", "RC4"},
      {"arcfour256", "RC4"},
      {"none", "no encryption or integrity"},
      {"hmac-md5", "MD5"},
      {"hmac-md5-96", "MD5"},
      {"hmac-sha1", "SHA-1"},
      {"hmac-sha1-96", "SHA-1"},
      {"sha1", "SHA-1"},
      {"md5", "MD5"},
  };
  auto it = k.find(name);
  return it == k.end() ? "" : it->second;
}

}  // namespace gp::checks::data
