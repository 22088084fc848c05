#include "parsers/topology/device_configs.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "base/input_error.h"
#include "parsers/registry.h"

namespace fs = std::filesystem;

namespace gp::parsers::topo {

model::Device load_device(const SnapshotRoots& roots, const std::string& relpath, const std::string& name,
                          std::optional<model::Vendor> vendor, const SourceRef& referenced_from) {
  const fs::path p = resolve_inside(roots, relpath, referenced_from, "config file");
  const std::string content = read_snapshot_file(p, referenced_from);
  model::Device d = parsers::parse_config_bytes(content, relpath, vendor);
  d.name = name;
  d.file = relpath;
  return d;
}

namespace {
bool skipped_extension(std::string ext) {
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const std::set<std::string> kSkip = {
      ".json", ".png", ".jpg", ".jpeg", ".gif",  ".svg", ".md",   ".pdf",  ".zip",     ".gz",   ".tgz",
      ".tar",  ".bz2", ".xz",  ".7z",   ".xlsx", ".xls", ".docx", ".doc",  ".pptx",    ".yaml", ".yml",
      ".html", ".htm", ".csv", ".py",   ".sh",   ".exe", ".bin",  ".pcap", ".iptables"};
  return kSkip.count(ext) > 0;
}
}  // namespace

std::vector<fs::path> list_config_files(const SnapshotRoots& roots, const std::string& folder,
                                        std::vector<std::pair<std::string, SourceRef>>& notes) {
  const fs::path& root = roots.snapshot;
  const fs::path base = folder.empty() ? root : root / folder;
  const std::string shown = folder.empty() ? "snapshot" : folder + "/";
  std::vector<fs::path> files;  // relative to root
  std::error_code ec;
  auto it = fs::recursive_directory_iterator(base, ec);
  if (ec) throw InputError(SourceRef{folder, 0, 0}, "cannot read the " + shown + " folder: " + ec.message());
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path rel = it->path().lexically_relative(root);
    const std::string fname = it->path().filename().string();
    // .git of a backup repository, editor files; CVS/ holds RANCID's version-control records.
    if ((!fname.empty() && fname[0] == '.') || (fname == "CVS" && it->is_directory(ec))) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    const EntryKind kind = entry_kind(it->path());
    if (kind == EntryKind::Folder) {
      // The iterator does not descend into linked folders: say so rather than skip them silently.
      if (it->is_symlink(ec))
        notes.push_back({"skipped '" + rel.generic_string() + "': a linked folder is not followed",
                         SourceRef{rel.generic_string(), 0, 0}});
      continue;
    }
    if (kind != EntryKind::File) {
      resolve_inside(roots, it->path().string(), {rel.generic_string(), 0, 0}, "file");  // throws
      continue;
    }
    std::string lname = fname;
    for (auto& c : lname) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (skipped_extension(it->path().extension().string()) || lname.rfind("readme", 0) == 0) {
      notes.push_back({"skipped '" + rel.generic_string() + "': not a device configuration",
                       SourceRef{rel.generic_string(), 0, 0}});
      continue;
    }
    resolve_inside(roots, it->path().string(), {rel.generic_string(), 0, 0}, "config file");  // a link out
    files.push_back(rel);
  }
  if (ec)
    throw InputError(SourceRef{folder, 0, 0},
                     "cannot read the " + shown + " folder completely: " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<ConfigFile> discover_configs(const SnapshotRoots& roots,
                                         std::vector<std::pair<std::string, SourceRef>>& notes) {
  const std::vector<fs::path> files = list_config_files(roots, "configs", notes);

  // Files per first-level folder, to know when a folder holds one device.
  std::map<std::string, int> per_folder;
  for (const auto& f : files) {
    auto parts = std::vector<fs::path>(f.begin(), f.end());  // configs, [folder, ...], file
    if (parts.size() > 2) ++per_folder[parts[1].string()];
  }
  std::vector<ConfigFile> out;
  std::set<std::string> used;
  for (const auto& f : files) {
    auto parts = std::vector<fs::path>(f.begin(), f.end());
    std::string name;
    if (parts.size() > 2) {
      name = parts[1].string();
      if (per_folder[name] > 1) name += "/" + f.stem().string();
    } else {
      name = f.stem().string();
      if (name.empty()) name = f.filename().string();
    }
    if (used.count(name)) name = f.lexically_relative("configs").generic_string();
    used.insert(name);
    out.push_back({name, f.generic_string()});
  }
  return out;
}

}  // namespace gp::parsers::topo
