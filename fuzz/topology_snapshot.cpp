#include "fuzz/topology_snapshot.h"

#include <fstream>

#include "parsers/topology/load_snapshot.h"

namespace fs = std::filesystem;

namespace gp::fuzz {

namespace {
void copy_configs(const fs::path& parent, const fs::path& to) {
  std::error_code ec;
  for (const auto& snap : fs::directory_iterator(parent, ec)) {
    const fs::path configs = snap.path() / "configs";
    if (!fs::is_directory(configs, ec)) continue;
    for (const auto& f : fs::directory_iterator(configs, ec))
      if (f.is_regular_file(ec) && !fs::exists(to / f.path().filename(), ec))
        fs::copy_file(f.path(), to / f.path().filename(), ec);
  }
}
}  // namespace

void make_topology_snapshot(const fs::path& dir, const fs::path& source_dir) {
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::create_directories(dir / "configs");
  copy_configs(source_dir / "samples", dir / "configs");
  copy_configs(source_dir / "tests" / "fixtures" / "snapshots", dir / "configs");
}

model::Snapshot load_topology_input(const fs::path& dir, std::string_view yaml) {
  {
    std::ofstream out(dir / "topology.yaml", std::ios::binary | std::ios::trunc);
    out.write(yaml.data(), static_cast<std::streamsize>(yaml.size()));
  }
  return parsers::load_snapshot(dir.string());
}

}  // namespace gp::fuzz
