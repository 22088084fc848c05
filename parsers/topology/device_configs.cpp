#include "parsers/topology/device_configs.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

#include "base/input_error.h"
#include "parsers/common/config_blocks.h"
#include "parsers/registry.h"

namespace fs = std::filesystem;

namespace gp::parsers::topo {

model::Device load_device(const std::string& root, const std::string& relpath, const std::string& name,
                          std::optional<model::Vendor> vendor, const SourceRef& referenced_from) {
  const fs::path p = fs::path(relpath).is_absolute() ? fs::path(relpath) : fs::path(root) / relpath;
  std::error_code ec;
  if (!fs::exists(p, ec))
    throw InputError(referenced_from, "config file '" + relpath +
                                          "' does not exist; expected a "
                                          "path relative to the snapshot folder");
  if (!fs::is_regular_file(p, ec))
    throw InputError(referenced_from, "config file '" + relpath +
                                          "' is not a file; expected "
                                          "the path of a configuration file");
  const std::string content = parsers::read_file(p.string(), referenced_from);
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

std::vector<ConfigFile> discover_configs(const std::string& root,
                                         std::vector<std::pair<std::string, SourceRef>>& notes) {
  const fs::path configs = fs::path(root) / "configs";
  std::vector<fs::path> files;  // relative to root
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(configs, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path rel = fs::relative(it->path(), root, ec);
    const std::string fname = it->path().filename().string();
    if (!fname.empty() && fname[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    std::string lname = fname;
    for (auto& c : lname) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (skipped_extension(it->path().extension().string()) || lname.rfind("readme", 0) == 0) {
      notes.push_back({"skipped '" + rel.generic_string() + "': not a device configuration",
                       SourceRef{rel.generic_string(), 0, 0}});
      continue;
    }
    files.push_back(rel);
  }
  std::sort(files.begin(), files.end());

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
