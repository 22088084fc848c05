// Device configurations: finding them (configs/ of a snapshot without topology.yaml) and
// parsing each one through the parser registry.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/source_ref.h"
#include "model/device.h"
#include "parsers/topology/snapshot_files.h"

namespace gp::parsers::topo {

// Reads and parses `relpath` (relative to the snapshot folder, or absolute), which must resolve
// inside `roots` (snapshot_files.h). The vendor is `vendor` when given, else detected from the
// content. The device is named `name`; its hostname stays as configured. Throws InputError at
// `referenced_from` when the file is missing, unreadable, special or outside the roots.
model::Device load_device(const SnapshotRoots& roots, const std::string& relpath, const std::string& name,
                          std::optional<model::Vendor> vendor, const SourceRef& referenced_from);

struct ConfigFile {
  std::string device;   // the device name
  std::string relpath;  // "configs/r1.cfg", relative to the snapshot folder
};

// Every file under root/`folder` (the snapshot folder itself when empty), recursively, sorted,
// relative to the snapshot folder: hidden files and folders (a backup repository's .git) and files
// that are evidently not configurations (.json, .png, .md, README...) skipped, each with a note;
// special files, dangling links and links leading outside `roots` are InputErrors.
std::vector<std::filesystem::path> list_config_files(const SnapshotRoots& roots, const std::string& folder,
                                                     std::vector<std::pair<std::string, SourceRef>>& notes);

// Every configuration file under root/configs, recursively, sorted by path. A file directly in
// configs/ names its device by its file name without extension ("hq-rtr.cfg" -> "hq-rtr"); a
// file inside a folder (Batfish lab layout: configs/<device>/show_running-config.txt) is named
// after the folder below configs/ (folder/file-stem when that folder holds several files).
// Hidden files and files that are evidently not configurations (.json, .png, .md, ...) are
// skipped, each with a note. Name clashes keep the full file name. Special files (FIFOs,
// devices, sockets), dangling links and links leading outside `roots` are InputErrors: a folder
// of backups holds none, and reading one could hang or leak a file from elsewhere.
// An unreadable configs/ folder is an InputError too.
std::vector<ConfigFile> discover_configs(const SnapshotRoots& roots,
                                         std::vector<std::pair<std::string, SourceRef>>& notes);

}  // namespace gp::parsers::topo
