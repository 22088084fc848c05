// Loads a snapshot folder: topology.yaml (spec §2), or a Batfish layout, or configs/ alone
// (inference). Parses every device config through the registry and infers undeclared links.
// Throws InputError (file:line:column) on input that cannot be audited.
//
//  - DIR/topology.yaml present: read it (yaml_topology.h), parse each devices: config (vendor:
//    or detected), resolve the declared link endpoints against the parsed interfaces
//    (endpoints.h). Batfish hosts/ and layer-1 files are then ignored.
//  - else DIR/configs/ present: every configuration file under it (device_configs.h), Batfish
//    host models hosts/*.json and a layer-1 file (batfish_layout.h); has_topology = false, no
//    zones. Device names come from the file (or its folder), not from the hostname.
//  - else: InputError "no topology.yaml and no configs/ folder in DIR".
// Then: Snapshot::name defaults to the folder name; owned defaults to RFC 1918 plus every device
// address as a /32 (owned_given = false); audit_date stays empty when not given (the consumer
// uses today); model::infer_links adds the links the input does not declare.
// Every file read must resolve inside the snapshot folder or a folder of `allowed_roots`
// (snapshot_files.h). A snapshot that would audit nothing (no configuration at all, a
// topology.yaml that is a dangling link or a loop) is an InputError, never a quiet success.
#pragma once
#include <string>
#include <vector>

#include "model/snapshot.h"

namespace gp::parsers {

struct LoadOptions {
  std::vector<std::string> allowed_roots;  // --allow-root: folders outside the snapshot that
                                           // config: paths may name
};

model::Snapshot load_snapshot(const std::string& dir, const LoadOptions& options = {});

}  // namespace gp::parsers
