// A whole snapshot: the topology (zones, segments, hosts, links) and the parsed devices.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/ipv4.h"
#include "base/source_ref.h"
#include "model/device.h"

namespace gp::model {

enum class ZoneKind { Control, Office, Field, Dmz, External, Management };

struct Zone {
  std::string id;  // key in topology.yaml
  ZoneKind kind = ZoneKind::Office;
  std::string display_name;          // name:
  std::optional<std::string> claim;  // "closed" when the operator claims 閉域網
  std::vector<std::string> systems;
  SourceRef src_ref;
};

struct Segment {
  std::string id;
  std::string zone;
  std::vector<Prefix> prefixes;  // prefix: or prefixes:
  bool inferred = false;         // created by link inference (no topology entry)
  SourceRef src_ref;
};

enum class HostRole {
  Server,
  Workstation,
  Hmi,
  Plc,
  Rtu,
  Historian,
  Engineering,
  Printer,
  Tablet,
  Sensor,
  Camera,
  Other
};

enum class RemovableMedia { Unknown, None, PolicyOnly, SoftwareDisabled, PhysicallyBlocked, Other };

struct HostServicePort {
  int protocol = 6;   // 6 tcp, 17 udp, 1 icmp, -1 any
  uint16_t port = 0;  // 0 with protocol -1 / icmp
};

struct Host {
  std::string id;
  std::vector<Ipv4> addresses;
  std::string segment;  // resolved by the loader
  std::string zone;     // from the segment
  std::optional<Ipv4> gateway;
  HostRole role = HostRole::Other;
  bool role_given = false;
  std::optional<std::vector<HostServicePort>> services;  // nullopt: every port listens
  std::optional<bool> internet_client;                   // resolved default is internet_client_effective()
  std::optional<bool> computer;
  std::optional<bool> portable;
  // Inventory (kept for the ordinance checks).
  std::optional<std::string> os_name;
  std::optional<std::string> os_support_end;  // ISO date as written
  std::optional<bool> av_installed;
  std::optional<std::string> av_definitions;  // ISO date
  std::optional<bool> av_autoscan;
  RemovableMedia removable_media = RemovableMedia::Unknown;
  bool removable_media_given = false;
  std::optional<bool> auth_capable, auth_enabled;
  std::string room;
  SourceRef src_ref;
};

struct Room {
  std::string id;
  std::optional<bool> locked, entry_control;
  SourceRef src_ref;
};

enum class LinkKind {
  Ethernet,
  Serial,
  Wireless,
  OwnLine,
  LeasedLine,
  WideAreaEthernet,
  IpVpn,
  EntryVpn,
  Internet,
  InternetVpn,
  Mobile,
  Local5g,
  Pstn,
  Unclassified,
  Tunnel,  // logical: a GRE/IPsec tunnel between two devices of the snapshot; not physical
};

// An endpoint of a link: DEVICE:INTERFACE, a segment, or the internet.
struct Endpoint {
  enum class Type { Interface, Segment, Internet } type = Type::Segment;
  std::string device;     // for Interface
  std::string interface;  // canonical interface name in that device
  std::string segment;    // for Segment
  // topology.yaml names an interface the device's configuration does not have (or the
  // configuration could not be read): the link is still a physical fact, but what the device does
  // on it is unknown, so no proof may rest on that device.
  bool declared_only = false;
  std::string str() const {
    switch (type) {
      case Type::Interface:
        return device + ":" + interface;
      case Type::Segment:
        return segment;
      case Type::Internet:
        return "internet";
    }
    return "";
  }
};

struct Link {
  LinkKind kind = LinkKind::Ethernet;
  std::string service;            // carrier service name for members-links
  std::vector<Endpoint> members;  // a/b links have two; carrier services/switches more
  bool inferred = false;
  std::string inferred_why;  // e.g. "shared subnet 10.1.0.0/30", "PPPoE dialer"
  SourceRef src_ref;
};

struct Snapshot {
  std::string name;  // topology name: or the folder name
  std::string root;  // the folder as given
  std::optional<std::string> audit_date;
  std::vector<Prefix> owned;  // the utility's address space
  bool owned_given = false;
  bool has_topology = false;  // false: inferred from configs only
  std::string topology_file;  // "topology.yaml" or the Batfish layer-1 file
  std::map<std::string, Zone> zones;
  std::map<std::string, Segment> segments;
  std::map<std::string, Host> hosts;
  std::map<std::string, Room> rooms;
  std::vector<Device> devices;                           // in the order of topology.yaml (or file name order)
  std::vector<Link> links;                               // declared first, then inferred
  std::vector<std::pair<std::string, SourceRef>> notes;  // loader notes for the report

  const Device* device(const std::string& name) const {
    for (const auto& d : devices)
      if (d.name == name) return &d;
    return nullptr;
  }
};

const char* to_string(ZoneKind k);
const char* to_string(LinkKind k);
std::optional<LinkKind> link_kind_from(const std::string& s);
std::optional<ZoneKind> zone_kind_from(const std::string& s);
std::optional<HostRole> host_role_from(const std::string& s);
const char* to_string(HostRole r);

// How the guideline (§2.2) treats a link kind.
enum class Closure { Isolated, InternetPoint, NotCredited, Logical };
Closure closure_of(LinkKind k);

bool internet_client_effective(const Host& h, const Snapshot& s);
bool computer_effective(const Host& h);

}  // namespace gp::model
