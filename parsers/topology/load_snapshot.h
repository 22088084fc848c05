// Loads a snapshot folder: topology.yaml (spec §2), or a Batfish layout, or configs/ alone
// (inference). Parses every device config through the registry and infers undeclared links.
// Throws InputError (file:line:column) on input that cannot be audited.
#pragma once
#include <string>

#include "model/snapshot.h"

namespace gp::parsers {

model::Snapshot load_snapshot(const std::string& dir);

}  // namespace gp::parsers
