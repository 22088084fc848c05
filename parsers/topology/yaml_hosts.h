// hosts: and rooms: of topology.yaml, and the small value syntaxes hosts use.
#pragma once
#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>

#include "model/snapshot.h"
#include "parsers/topology/yaml_fields.h"

namespace gp::parsers::topo {

// "tcp/5900", "udp/161", "icmp", "any" (case-insensitive); nullopt when malformed.
std::optional<model::HostServicePort> parse_host_service(const std::string& text);

// none | policy_only | software_disabled | physically_blocked | other
std::optional<model::RemovableMedia> removable_media_from(const std::string& text);

// Reads rooms: into snap.rooms.
void read_rooms(const YamlReader& r, const YAML::Node& rooms, model::Snapshot& snap);

// Reads hosts: into snap.hosts. Needs snap.segments, snap.zones and snap.rooms already read:
// a host without segment: takes the most specific segment holding its addresses; its zone is
// the segment's zone.
void read_hosts(const YamlReader& r, const YAML::Node& hosts, model::Snapshot& snap);

}  // namespace gp::parsers::topo
