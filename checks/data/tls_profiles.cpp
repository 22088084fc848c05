// Mozilla Server Side TLS guideline profiles, copied from mozilla/ssl-config-generator
// @ 858f8f74a4fd1293a3a7f5ab0c16eb1eb891393a src/static/guidelines/{5.7,5.8,6.0}.json
// (tls_versions and ciphers.openssl of each configuration), MPL-2.0; copies in
// /work/shared/data/tls-guidelines/.
#include "checks/data/tls_profiles.h"

#include <algorithm>
#include <cctype>

namespace gp::checks::data {

const std::vector<TlsProfile>& tls_profiles() {
  static const std::vector<TlsProfile> k = {
      {"mozilla-6.0-modern", {"TLSv1.3"}, {}},
      {"mozilla-6.0-intermediate",
       {"TLSv1.2", "TLSv1.3"},
       {"ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305"}},
      {"mozilla-5.8-intermediate",
       {"TLSv1.2", "TLSv1.3"},
       {"ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305"}},
      {"mozilla-5.7-intermediate",
       {"TLSv1.2", "TLSv1.3"},
       {"ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305",
        "DHE-RSA-AES128-GCM-SHA256", "DHE-RSA-AES256-GCM-SHA384", "DHE-RSA-CHACHA20-POLY1305"}},
      {"mozilla-5.8-old",
       {"TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"},
       {"ECDHE-ECDSA-AES128-GCM-SHA256",
        "ECDHE-RSA-AES128-GCM-SHA256",
        "ECDHE-ECDSA-AES256-GCM-SHA384",
        "ECDHE-RSA-AES256-GCM-SHA384",
        "ECDHE-ECDSA-CHACHA20-POLY1305",
        "ECDHE-RSA-CHACHA20-POLY1305",
        "ECDHE-ECDSA-AES128-SHA256",
        "ECDHE-RSA-AES128-SHA256",
        "ECDHE-ECDSA-AES128-SHA",
        "ECDHE-RSA-AES128-SHA",
        "ECDHE-ECDSA-AES256-SHA384",
        "ECDHE-RSA-AES256-SHA384",
        "ECDHE-ECDSA-AES256-SHA",
        "ECDHE-RSA-AES256-SHA",
        "AES128-GCM-SHA256",
        "AES256-GCM-SHA384",
        "AES128-SHA256",
        "AES256-SHA256",
        "AES128-SHA",
        "AES256-SHA",
        "DES-CBC3-SHA"}},
  };
  return k;
}

const TlsProfile* tls_profile(const std::string& name) {
  for (const auto& p : tls_profiles())
    if (name == p.name) return &p;
  return nullptr;
}

namespace {
std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}
bool has(const std::string& s, const char* x) { return s.find(x) != std::string::npos; }
}  // namespace

std::string suite_class(const std::string& name) {
  const std::string s = lower(name);
  std::string kx = "RSA";
  if (s.rfind("ecdhe", 0) == 0 || s.rfind("tls_ecdhe", 0) == 0)
    kx = "ECDHE";
  else if (s.rfind("dhe", 0) == 0 || s.rfind("edh", 0) == 0 || s.rfind("tls_dhe", 0) == 0)
    kx = "DHE";
  else if (s.rfind("adh", 0) == 0 || has(s, "anon"))
    kx = "anon";
  std::string bulk = "?";
  if (has(s, "null"))
    bulk = "null";
  else if (has(s, "export") || has(s, "exp-"))
    bulk = "export";
  else if (has(s, "rc4"))
    bulk = "rc4";
  else if (has(s, "3des") || has(s, "cbc3") || has(s, "des-ede"))
    bulk = "3des";
  else if (has(s, "des"))
    bulk = "des";
  else if (has(s, "chacha"))
    bulk = "chacha20";
  else if (has(s, "gcm"))
    bulk = "aes-gcm";
  else if (has(s, "aes"))
    bulk = "aes-cbc";
  return kx + "/" + bulk;
}

std::string canonical_tls_version(const std::string& word) {
  const std::string w = lower(word);
  if (w == "tlsv1" || w == "tlsv1.0" || w == "tls1.0" || w == "tls1-0") return "TLSv1";
  if (w == "tlsv1.1" || w == "tls1.1" || w == "tls1-1") return "TLSv1.1";
  if (w == "tlsv1.2" || w == "tls1.2" || w == "tls1-2") return "TLSv1.2";
  if (w == "tlsv1.3" || w == "tls1.3" || w == "tls1-3") return "TLSv1.3";
  if (w == "sslv3" || w == "sslv2" || w == "any") return "SSLv3";
  return "";
}

}  // namespace gp::checks::data
