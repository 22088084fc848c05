// TLS policy profiles as data (Mozilla Server Side TLS guidelines), and a classifier that reduces
// a cipher-suite name (OpenSSL or Cisco keyword) to key exchange + bulk cipher, so a vendor's
// suite can be compared with a profile without a full name table.
#pragma once
#include <string>
#include <vector>

namespace gp::checks::data {

struct TlsProfile {
  const char* name;                   // e.g. "mozilla-6.0-intermediate"
  std::vector<const char*> versions;  // accepted protocol versions ("TLSv1.2", ...)
  std::vector<const char*> ciphers;   // accepted TLS <= 1.2 suites (OpenSSL names)
};

// The profile the TLS check applies. Change here to select another profile of tls_profiles().
inline constexpr const char* kTlsProfile = "mozilla-6.0-intermediate";

const std::vector<TlsProfile>& tls_profiles();
const TlsProfile* tls_profile(const std::string& name);

// "ECDHE/aes-gcm", "RSA/3des", "DHE/aes-cbc", "RSA/rc4", ...: key exchange and bulk cipher of a
// suite name, case-insensitive; "?" parts when not recognised.
std::string suite_class(const std::string& name);
// "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3", "SSLv3", or "" when not a version word.
std::string canonical_tls_version(const std::string& word);

}  // namespace gp::checks::data
