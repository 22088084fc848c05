// Reads topology.yaml (spec §2) into the snapshot: name, audit_date, owned, zones, rooms,
// segments and hosts directly; devices and links as declarations, resolved once the device
// configurations are parsed (a link endpoint names an interface of a parsed config).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/source_ref.h"
#include "model/snapshot.h"

namespace gp::parsers::topo {

struct DeviceDecl {
  std::string name;                     // key under devices:
  std::string config;                   // path relative to the snapshot folder, as written
  std::optional<model::Vendor> vendor;  // vendor:, when given
  SourceRef src_ref;                    // the device key
  SourceRef config_ref;                 // the config: value
};

struct EndpointDecl {
  std::string text;  // DEVICE:INTERFACE, a segment name, or "internet"
  SourceRef src_ref;
};

struct LinkDecl {
  model::LinkKind kind = model::LinkKind::Ethernet;
  std::string service;
  std::vector<EndpointDecl> members;  // a, b or members, in that order
  SourceRef src_ref;                  // the list item
};

struct TopologyDecl {
  std::vector<DeviceDecl> devices;  // in file order
  std::vector<LinkDecl> links;      // in file order
};

// `path` is the file on disk, `file` its name in messages ("topology.yaml").
// Throws InputError with file:line:col for malformed YAML and for every invalid field.
TopologyDecl read_topology_yaml(const std::string& path, const std::string& file, model::Snapshot& snap);

// Same, from text already in memory (used by the tests).
TopologyDecl read_topology_text(const std::string& text, const std::string& file, model::Snapshot& snap);

}  // namespace gp::parsers::topo
