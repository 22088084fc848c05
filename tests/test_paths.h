// Paths to test inputs, fixed at build time.
#pragma once
#include <string>

namespace gp::test {
inline std::string source_dir() { return GP_SOURCE_DIR; }
inline std::string shared_dir() { return GP_SHARED_DIR; }
inline std::string corpus(const std::string& rel) { return shared_dir() + "/corpus/" + rel; }
inline std::string binary() { return GP_BINARY; }
}  // namespace gp::test
