// The snapshot folder is the boundary of what gapproof reads. A topology.yaml written by someone
// else must not make a nightly job read (and quote) /etc/shadow or /proc/self/environ: every file a
// snapshot names resolves, after following symlinks, inside the snapshot folder or inside a root
// the user allowed explicitly (--allow-root); devices, FIFOs, sockets and /proc, /sys, /dev are
// refused, as are dangling links and link loops. Violations are InputErrors (exit 2) at the line
// that names the file.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "base/source_ref.h"

namespace gp::parsers::topo {

struct SnapshotRoots {
  std::filesystem::path snapshot;                   // canonical snapshot folder
  std::vector<std::filesystem::path> also_allowed;  // canonical, from --allow-root
};

// Canonical roots; throws InputError when an allowed root does not exist.
SnapshotRoots make_roots(const std::string& snapshot_dir, const std::vector<std::string>& also_allowed);

// What a snapshot entry is, looked at without following the last symlink.
enum class EntryKind { Absent, File, Folder, BrokenLink, Other };
EntryKind entry_kind(const std::filesystem::path& p);

// `relpath` (relative to the snapshot folder, or absolute) as a regular file inside the roots.
// `what` names the file for messages ("config file", "topology file"). Throws InputError at
// `where` when it is missing, a dangling link or a loop, outside every root, or a special file.
std::filesystem::path resolve_inside(const SnapshotRoots& roots, const std::string& relpath,
                                     const SourceRef& where, const std::string& what);

// Reads a file resolved by resolve_inside; throws InputError at `where` when it cannot be read.
std::string read_snapshot_file(const std::filesystem::path& p, const SourceRef& where);

}  // namespace gp::parsers::topo
