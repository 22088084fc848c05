#include "checks/fingerprint.h"

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <map>

namespace gp::checks {

namespace {

uint64_t fnv1a64(const std::string& s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

std::string without_numbers(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(s[i]))) {
      out += '#';
      while (i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> fingerprints(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  out.reserve(findings.size());
  std::map<uint64_t, int> seen;
  for (const auto& f : findings) {
    // '\x1f' (unit separator) cannot occur in any of the parts: they are one-line texts.
    const uint64_t h =
        fnv1a64(f.id + '\x1f' + f.device + '\x1f' + f.where.file + '\x1f' + without_numbers(f.message));
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    const int n = ++seen[h];
    out.push_back(n == 1 ? std::string(hex) : std::string(hex) + ":" + std::to_string(n));
  }
  return out;
}

}  // namespace gp::checks
