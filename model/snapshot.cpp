#include "model/snapshot.h"

namespace gp::model {

namespace {
struct LinkKindName {
  LinkKind kind;
  const char* name;
};
constexpr LinkKindName kLinkKinds[] = {
    {LinkKind::Ethernet, "ethernet"},
    {LinkKind::Serial, "serial"},
    {LinkKind::Wireless, "wireless"},
    {LinkKind::OwnLine, "own-line"},
    {LinkKind::LeasedLine, "leased-line"},
    {LinkKind::WideAreaEthernet, "wide-area-ethernet"},
    {LinkKind::IpVpn, "ip-vpn"},
    {LinkKind::EntryVpn, "entry-vpn"},
    {LinkKind::Internet, "internet"},
    {LinkKind::InternetVpn, "internet-vpn"},
    {LinkKind::Mobile, "mobile"},
    {LinkKind::Local5g, "local-5g"},
    {LinkKind::Pstn, "pstn"},
    {LinkKind::Unclassified, "unclassified"},
    {LinkKind::Tunnel, "tunnel"},
};
struct ZoneKindName {
  ZoneKind kind;
  const char* name;
};
constexpr ZoneKindName kZoneKinds[] = {
    {ZoneKind::Control, "control"}, {ZoneKind::Office, "office"},     {ZoneKind::Field, "field"},
    {ZoneKind::Dmz, "dmz"},         {ZoneKind::External, "external"}, {ZoneKind::Management, "management"},
};
struct RoleName {
  HostRole role;
  const char* name;
};
constexpr RoleName kRoles[] = {
    {HostRole::Server, "server"},
    {HostRole::Workstation, "workstation"},
    {HostRole::Hmi, "hmi"},
    {HostRole::Plc, "plc"},
    {HostRole::Rtu, "rtu"},
    {HostRole::Historian, "historian"},
    {HostRole::Engineering, "engineering"},
    {HostRole::Printer, "printer"},
    {HostRole::Tablet, "tablet"},
    {HostRole::Sensor, "sensor"},
    {HostRole::Camera, "camera"},
    {HostRole::Other, "other"},
};
}  // namespace

const char* to_string(LinkKind k) {
  for (const auto& e : kLinkKinds)
    if (e.kind == k) return e.name;
  return "?";
}
std::optional<LinkKind> link_kind_from(const std::string& s) {
  for (const auto& e : kLinkKinds)
    if (s == e.name) return e.kind;
  return std::nullopt;
}
const char* to_string(ZoneKind k) {
  for (const auto& e : kZoneKinds)
    if (e.kind == k) return e.name;
  return "?";
}
std::optional<ZoneKind> zone_kind_from(const std::string& s) {
  for (const auto& e : kZoneKinds)
    if (s == e.name) return e.kind;
  return std::nullopt;
}
std::optional<HostRole> host_role_from(const std::string& s) {
  for (const auto& e : kRoles)
    if (s == e.name) return e.role;
  return std::nullopt;
}
const char* to_string(HostRole r) {
  for (const auto& e : kRoles)
    if (e.role == r) return e.name;
  return "?";
}

Closure closure_of(LinkKind k) {
  switch (k) {
    case LinkKind::Ethernet:
    case LinkKind::Serial:
    case LinkKind::Wireless:
    case LinkKind::OwnLine:
    case LinkKind::LeasedLine:
    case LinkKind::WideAreaEthernet:
    case LinkKind::IpVpn:
    case LinkKind::EntryVpn:
      return Closure::Isolated;
    case LinkKind::Internet:
    case LinkKind::InternetVpn:
      return Closure::InternetPoint;
    case LinkKind::Mobile:
    case LinkKind::Local5g:
    case LinkKind::Pstn:
    case LinkKind::Unclassified:
      return Closure::NotCredited;
    case LinkKind::Tunnel:
      return Closure::Logical;
  }
  return Closure::NotCredited;
}

bool internet_client_effective(const Host& h, const Snapshot& s) {
  if (h.internet_client) return *h.internet_client;
  if (h.role != HostRole::Workstation) return false;
  auto z = s.zones.find(h.zone);
  return z != s.zones.end() && z->second.kind == ZoneKind::Office;
}

bool computer_effective(const Host& h) {
  if (h.computer) return *h.computer;
  return h.role != HostRole::Plc && h.role != HostRole::Rtu && h.role != HostRole::Sensor;
}

}  // namespace gp::model
