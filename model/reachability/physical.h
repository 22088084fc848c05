// The physical graph (spec §3): every device is a vertex that joins all its interfaces, as if
// every firewall and router passed everything; VLANs, VRFs and filters do not separate.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/snapshot.h"

namespace gp::reach {

struct PhysicalStep {
  std::string vertex;     // "device hq-rtr", "segment scada-lan", "internet"
  std::string via;        // how we got here from the previous step: "ethernet link (topology.yaml:40)"
  std::string interface;  // the device interface used, when a device is entered or left
  SourceRef ref;
};

struct PhysicalGraph {
  std::vector<std::string> vertices;
  std::vector<std::vector<std::pair<int, int>>> adj;  // (neighbor, edge label index)
  std::vector<PhysicalStep> labels;                   // edge labels
  std::map<std::string, int> index;
  int internet = -1;
  std::set<int> ipv6_blocked;  // interface vertices without IPv6
};

PhysicalGraph build_physical_graph(const model::Snapshot& snap);

// Vertices of the zone: its segments and the segments of its hosts.
std::vector<int> zone_vertices(const PhysicalGraph& g, const model::Snapshot& snap, const std::string& zone);

// Everything connected to `start`.
std::set<int> component(const PhysicalGraph& g, const std::vector<int>& start, bool ipv6_only = false);

// Shortest path from `start` to the internet vertex (empty if none).
std::vector<PhysicalStep> path_to_internet(const PhysicalGraph& g, const std::vector<int>& start,
                                           bool ipv6_only = false);

}  // namespace gp::reach
