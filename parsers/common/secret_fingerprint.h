// The one-way fingerprint every parser keeps of a secret instead of its value (Secret::digest,
// Secret::clear_digest): equal values give equal fingerprints across devices and dialects, so
// reuse and known defaults are found without the value ever entering the model.
#pragma once
#include <string>
#include <string_view>

namespace gp::parsers {

// FNV-1a 64 of the bytes, as 16 lower-case hex digits.
std::string fnv1a_hex(std::string_view s);

}  // namespace gp::parsers
