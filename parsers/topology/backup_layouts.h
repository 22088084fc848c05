// Folders written by configuration-backup tools, read as snapshots without a topology.yaml:
//
// - a RANCID group folder: `router.db` (one device per line, `name;type;state[;comment]`, or with
//   ':' as in RANCID before 3.0) and `configs/<name>`, one file per device;
// - an Oxidized output folder: one file per node named after it, optionally in one folder per
//   group, optionally a git repository (its .git is skipped like every hidden entry).
//
// Device names come from router.db or the file names; what the tools add at the top of each file
// is recognised by the parsers (parsers/common/backup_preamble.h), not here.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "base/source_ref.h"
#include "parsers/topology/device_configs.h"
#include "parsers/topology/snapshot_files.h"

namespace gp::parsers::topo {

// The snapshot folder holds a RANCID router.db (and the caller has seen configs/).
bool has_rancid_router_db(const SnapshotRoots& roots);

// The devices router.db lists as `up`, each with its configs/<name>. A device listed `up` without
// a file (RANCID could not collect it), a device not `up` and a file router.db does not list are
// notes, not devices: RANCID keeps the last configuration of a device it no longer collects, and
// an old file must not pass for the device's current state. A line router.db does not have the
// form of is an InputError at router.db:line.
std::vector<ConfigFile> rancid_configs(const SnapshotRoots& roots,
                                       std::vector<std::pair<std::string, SourceRef>>& notes);

// Every file of an Oxidized folder (see list_config_files for what is skipped), named after the
// file (a node's name may hold dots, so nothing is cut), or group/file when two groups hold nodes
// of one name.
std::vector<ConfigFile> oxidized_configs(const SnapshotRoots& roots,
                                         std::vector<std::pair<std::string, SourceRef>>& notes);

}  // namespace gp::parsers::topo
