#include "parsers/topology/load_snapshot.h"

#include <filesystem>

#include "base/input_error.h"
#include "base/progress.h"
#include "model/links.h"
#include "parsers/common/backup_preamble.h"
#include "parsers/common/text_decoding.h"
#include "parsers/registry.h"
#include "parsers/topology/backup_layouts.h"
#include "parsers/topology/batfish_layout.h"
#include "parsers/topology/device_configs.h"
#include "parsers/topology/endpoints.h"
#include "parsers/topology/snapshot_files.h"
#include "parsers/topology/yaml_topology.h"

namespace fs = std::filesystem;

namespace gp::parsers {

namespace {

std::string folder_name(const std::string& dir) {
  std::error_code ec;
  fs::path p = fs::absolute(fs::path(dir), ec).lexically_normal();
  if (!p.has_filename()) p = p.parent_path();  // "snap/" -> "snap"
  return p.filename().string();
}

// Resolves the declared links against the parsed devices and the segments.
void resolve_links(const std::vector<topo::LinkDecl>& decls, model::Snapshot& snap) {
  for (const auto& d : decls) {
    model::Link link;
    link.kind = d.kind;
    link.service = d.service;
    link.src_ref = d.src_ref;
    for (const auto& m : d.members) {
      auto r = topo::resolve_endpoint(snap, m.text);
      if (!r.ok) throw InputError(m.src_ref, r.error);
      if (!r.note.empty()) snap.notes.push_back({r.note, m.src_ref});
      link.members.push_back(r.endpoint);
    }
    // {kind: internet, a: hq-rtr:Dialer1}: the far side is the internet.
    const bool to_internet = d.kind == model::LinkKind::Internet || d.kind == model::LinkKind::InternetVpn;
    bool has_internet = false;
    for (const auto& e : link.members)
      has_internet = has_internet || e.type == model::Endpoint::Type::Internet;
    if (to_internet && !has_internet) {
      model::Endpoint e;
      e.type = model::Endpoint::Type::Internet;
      link.members.push_back(e);
    }
    snap.links.push_back(std::move(link));
  }
}

// spec §2 owned: default RFC 1918 + every address configured on the devices.
void default_owned(model::Snapshot& snap) {
  if (snap.owned_given) return;
  snap.owned = {Prefix{0x0A000000u, 8}, Prefix{0xAC100000u, 12}, Prefix{0xC0A80000u, 16}};
  for (const auto& d : snap.devices)
    for (const auto& i : d.interfaces)
      for (const auto& a : i.ipv4) {
        const Prefix host{a.prefix.addr, 32};
        bool known = false;
        for (const auto& p : snap.owned) known = known || (p.len == 32 && p.addr == host.addr);
        if (!known) snap.owned.push_back(host);
      }
}

void load_from_topology(const topo::SnapshotRoots& roots, model::Snapshot& snap) {
  snap.has_topology = true;
  snap.topology_file = "topology.yaml";
  const SourceRef yaml_ref{"topology.yaml", 0, 0};
  const fs::path yaml = topo::resolve_inside(roots, "topology.yaml", yaml_ref, "topology file");
  const auto decl = topo::read_topology_yaml(yaml.string(), "topology.yaml", snap);
  if (decl.devices.empty())
    throw InputError(yaml_ref,
                     "topology.yaml declares no device under devices:; there is no configuration to audit "
                     "(expected at least one device with its config: file)");
  for (const auto& d : decl.devices) {
    progress::report("parsing configurations", snap.devices.size(), decl.devices.size());
    snap.devices.push_back(topo::load_device(roots, d.config, d.name, d.vendor, d.config_ref));
  }
  resolve_links(decl.links, snap);
}

// A folder holding at least one file that a backup tool saved or that is in a dialect gapproof
// reads: an Oxidized output folder, rather than a mistyped path or a folder of notes.
bool has_config_like_files(const topo::SnapshotRoots& roots) {
  std::vector<std::pair<std::string, SourceRef>> ignored_notes;
  for (const auto& f : topo::list_config_files(roots, "", ignored_notes)) {
    const SourceRef at{f.generic_string(), 0, 0};
    const auto text = decode_config_text(topo::read_snapshot_file(roots.snapshot / f, at)).text;
    if (find_backup_preamble(text).lines > 0 || detect_vendor(text) != model::Vendor::Unknown) return true;
  }
  return false;
}

// The kinds of folder read without a topology.yaml (README "Backup folders").
enum class ConfigsLayout { ConfigsFolder, Rancid, Oxidized };

void load_from_configs(const std::string& dir, const topo::SnapshotRoots& roots, model::Snapshot& snap,
                       ConfigsLayout layout) {
  snap.has_topology = false;
  const auto files = layout == ConfigsLayout::Rancid     ? topo::rancid_configs(roots, snap.notes)
                     : layout == ConfigsLayout::Oxidized ? topo::oxidized_configs(roots, snap.notes)
                                                         : topo::discover_configs(roots, snap.notes);
  for (const auto& f : files) {
    progress::report("parsing configurations", snap.devices.size(), files.size());
    snap.devices.push_back(
        topo::load_device(roots, f.relpath, f.device, std::nullopt, SourceRef{f.relpath, 0, 0}));
  }
  if (snap.devices.empty() && layout == ConfigsLayout::Rancid)
    throw InputError(SourceRef{"router.db", 0, 0},
                     "router.db lists no device that is up and collected in configs/: nothing to audit");
  if (snap.devices.empty())
    throw InputError(SourceRef{layout == ConfigsLayout::Oxidized ? dir : "configs", 0, 0},
                     std::string(layout == ConfigsLayout::Oxidized ? "the folder" : "configs/") +
                         " holds no configuration file: nothing to audit (expected the devices' "
                         "saved configurations, one file each)");
  topo::read_batfish_hosts(dir, snap);
  if (auto l1 = topo::find_layer1_file(dir)) {
    snap.topology_file = *l1;
    topo::read_layer1(dir, *l1, snap);
  }
}

}  // namespace

model::Snapshot load_snapshot(const std::string& dir, const LoadOptions& options) {
  std::error_code ec;
  if (!fs::exists(dir, ec))
    throw InputError(SourceRef{dir, 0, 0},
                     "snapshot folder does not exist; expected a folder "
                     "with topology.yaml or configs/");
  if (!fs::is_directory(dir, ec))
    throw InputError(SourceRef{dir, 0, 0},
                     "not a folder; expected a snapshot folder with "
                     "topology.yaml or configs/");
  model::Snapshot snap;
  snap.root = dir;
  const topo::SnapshotRoots roots = topo::make_roots(dir, options.allowed_roots);
  // A topology.yaml that is a dangling link or a loop is there, only broken: loading it fails
  // with exit 2 instead of silently auditing configs/ alone.
  const bool has_yaml = topo::entry_kind(fs::path(dir) / "topology.yaml") != topo::EntryKind::Absent;
  const bool has_configs = fs::is_directory(fs::path(dir) / "configs", ec);
  if (has_yaml) {
    load_from_topology(roots, snap);
  } else if (has_configs) {
    load_from_configs(
        dir, roots, snap,
        topo::has_rancid_router_db(roots) ? ConfigsLayout::Rancid : ConfigsLayout::ConfigsFolder);
  } else if (has_config_like_files(roots)) {
    load_from_configs(dir, roots, snap, ConfigsLayout::Oxidized);
  } else {
    throw InputError(SourceRef{dir, 0, 0},
                     "no topology.yaml, no configs/ folder and no configuration file in " + dir +
                         "; expected a snapshot folder (spec §1) or a backup folder");
  }
  if (snap.name.empty()) snap.name = folder_name(dir);
  default_owned(snap);
  model::infer_links(snap);
  return snap;
}

}  // namespace gp::parsers
