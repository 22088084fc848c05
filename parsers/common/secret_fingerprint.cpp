#include "parsers/common/secret_fingerprint.h"

#include <cstdint>
#include <cstdio>

namespace gp::parsers {

std::string fnv1a_hex(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a 64 offset basis
  for (unsigned char ch : s) {
    h ^= ch;
    h *= 0x100000001b3ULL;  // FNV-1a 64 prime
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace gp::parsers
