#include "parsers/topology/snapshot_files.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "base/input_error.h"

namespace fs = std::filesystem;

namespace gp::parsers::topo {

namespace {

bool inside(const fs::path& p, const fs::path& root) {
  auto r = root.begin(), q = p.begin();
  for (; r != root.end(); ++r, ++q)
    if (q == p.end() || *q != *r) return false;
  return true;
}

// Pseudo-file systems: their "regular files" are generated on read (the environment, kernel
// state) and never a device configuration.
bool pseudo_file_system(const fs::path& p) {
  for (const char* top : {"/proc", "/sys", "/dev"})
    if (inside(p, fs::path(top))) return true;
  return false;
}

std::string roots_text(const SnapshotRoots& roots) {
  std::string s = "the snapshot folder " + roots.snapshot.string();
  for (const auto& r : roots.also_allowed) s += " or " + r.string();
  return s;
}

}  // namespace

SnapshotRoots make_roots(const std::string& snapshot_dir, const std::vector<std::string>& also_allowed) {
  SnapshotRoots roots;
  std::error_code ec;
  roots.snapshot = fs::canonical(snapshot_dir, ec);
  if (ec)
    throw InputError(SourceRef{snapshot_dir, 0, 0}, "cannot resolve the snapshot folder: " + ec.message());
  for (const auto& a : also_allowed) {
    fs::path c = fs::canonical(a, ec);
    if (ec || !fs::is_directory(c, ec))
      throw InputError(SourceRef{a, 0, 0}, "--allow-root: not an existing folder");
    roots.also_allowed.push_back(c);
  }
  return roots;
}

EntryKind entry_kind(const fs::path& p) {
  std::error_code ec;
  const auto st = fs::symlink_status(p, ec);
  if (ec || st.type() == fs::file_type::not_found) return EntryKind::Absent;
  if (st.type() == fs::file_type::symlink) {
    const auto target = fs::status(p, ec);  // follows the link; ELOOP and ENOENT end here
    if (ec || target.type() == fs::file_type::not_found) return EntryKind::BrokenLink;
    if (target.type() == fs::file_type::regular) return EntryKind::File;
    if (target.type() == fs::file_type::directory) return EntryKind::Folder;
    return EntryKind::Other;
  }
  if (st.type() == fs::file_type::regular) return EntryKind::File;
  if (st.type() == fs::file_type::directory) return EntryKind::Folder;
  return EntryKind::Other;
}

fs::path resolve_inside(const SnapshotRoots& roots, const std::string& relpath, const SourceRef& where,
                        const std::string& what) {
  const fs::path given(relpath);
  const fs::path p = given.is_absolute() ? given : roots.snapshot / given;
  switch (entry_kind(p)) {
    case EntryKind::Absent:
      throw InputError(
          where, what + " '" + relpath + "' does not exist; expected a path relative to the snapshot folder");
    case EntryKind::BrokenLink:
      throw InputError(where,
                       what + " '" + relpath + "' is a symbolic link to nothing (dangling, or a loop)");
    case EntryKind::Folder:
      throw InputError(where, what + " '" + relpath + "' is a folder; expected the path of a file");
    case EntryKind::Other:
      throw InputError(where,
                       what + " '" + relpath + "' is not a regular file (a device, FIFO or socket): refused");
    case EntryKind::File:
      break;
  }
  std::error_code ec;
  const fs::path real = fs::canonical(p, ec);
  if (ec) throw InputError(where, what + " '" + relpath + "' cannot be resolved: " + ec.message());
  if (pseudo_file_system(real))
    throw InputError(where, what + " '" + relpath + "' resolves to " + real.string() +
                                ", a kernel pseudo-file, not a configuration: refused");
  bool allowed = inside(real, roots.snapshot);
  for (const auto& r : roots.also_allowed) allowed = allowed || inside(real, r);
  if (!allowed)
    throw InputError(where, what + " '" + relpath + "' resolves to " + real.string() + ", outside " +
                                roots_text(roots) +
                                "; a snapshot may only name files inside it (pass --allow-root DIR to "
                                "allow another folder)");
  return real;
}

std::string read_snapshot_file(const fs::path& p, const SourceRef& where) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw InputError(where, "cannot read '" + p.string() + "': " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw InputError(where, "error while reading '" + p.string() + "'");
  return ss.str();
}

}  // namespace gp::parsers::topo
