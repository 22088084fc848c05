// The parts of a Batfish snapshot layout beyond configs/: host models (hosts/*.json) and the
// layer-1 topology (batfish/layer1_topology.json).
#pragma once
#include <optional>
#include <string>

#include "model/snapshot.h"

namespace gp::parsers::topo {

// hosts/*.json (sorted) -> snap.hosts. Each file: {"hostname", "hostInterfaces": {NAME:
// {"prefix": "A.B.C.D/LEN", "gateway": "A.B.C.D"}}, ...}. Addresses come from the prefixes (in
// interface-name order); the gateway is the first one given. The segment is left empty: link
// inference places the host on the segment holding its address. Throws InputError
// (file:line:col) for malformed JSON or an unreadable prefix/gateway.
void read_batfish_hosts(const std::string& root, model::Snapshot& snap);

// The layer-1 file of a snapshot, relative to `root` (may start with "../"): the first, in this
// order, of root/batfish/layer1_topology.json, root/layer1_topology.json, then any
// *layer1_topology.json in root/batfish, root, and root's parent folder (sorted by name).
std::optional<std::string> find_layer1_file(const std::string& root);

// Adds one declared ethernet link per edge of the layer-1 file (an edge listed in both
// directions counts once). Node names match device names or configured hostnames,
// case-insensitively; interface names resolve like topology.yaml endpoints. Edges naming a
// device or interface that is not in the snapshot are skipped with a note (Batfish files often
// describe devices whose configurations are not supplied); edges to a host model are skipped
// silently (hosts are placed by address). Call after read_batfish_hosts.
void read_layer1(const std::string& root, const std::string& rel, model::Snapshot& snap);

}  // namespace gp::parsers::topo
