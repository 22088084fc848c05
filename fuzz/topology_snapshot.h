// The snapshot folder the topology fuzz target (and the regression test) writes each input
// into: its configs/ holds the configurations of samples/ and of the test snapshots, so that the
// devices: entries of the seeds resolve and the whole loader runs.
#pragma once
#include <filesystem>
#include <string_view>

#include "model/snapshot.h"

namespace gp::fuzz {

// Creates `dir` (emptied first) with configs/ copied from `source_dir`/samples/*/configs and
// `source_dir`/tests/fixtures/snapshots/*/configs (the first file of each name wins).
void make_topology_snapshot(const std::filesystem::path& dir, const std::filesystem::path& source_dir);

// Writes `yaml` as dir/topology.yaml and loads the folder: throws what load_snapshot throws.
model::Snapshot load_topology_input(const std::filesystem::path& dir, std::string_view yaml);

}  // namespace gp::fuzz
