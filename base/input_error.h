// Input that cannot be audited at all (missing file, malformed topology.yaml).
// Thrown by loaders, caught only in cli/, mapped to exit status 2.
#pragma once
#include <stdexcept>
#include <string>

#include "base/source_ref.h"

namespace gp {

struct InputError : std::runtime_error {
  SourceRef where;
  explicit InputError(SourceRef w, const std::string& what)
      : std::runtime_error(w.str() + ": " + what), where(std::move(w)) {}
};

}  // namespace gp
