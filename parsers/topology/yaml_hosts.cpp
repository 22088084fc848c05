#include "parsers/topology/yaml_hosts.h"

#include <algorithm>
#include <cctype>

namespace gp::parsers::topo {

namespace {
std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

struct MediaName {
  model::RemovableMedia value;
  const char* name;
};
constexpr MediaName kMedia[] = {
    {model::RemovableMedia::None, "none"},
    {model::RemovableMedia::PolicyOnly, "policy_only"},
    {model::RemovableMedia::SoftwareDisabled, "software_disabled"},
    {model::RemovableMedia::PhysicallyBlocked, "physically_blocked"},
    {model::RemovableMedia::Other, "other"},
};

constexpr const char* kRoles =
    "server, workstation, hmi, plc, rtu, historian, engineering, printer, tablet, sensor, camera, "
    "other";

// The most specific segment(s) holding `a`.
std::vector<std::string> segments_holding(const model::Snapshot& snap, Ipv4 a) {
  std::vector<std::string> best;
  int best_len = -1;
  for (const auto& [id, seg] : snap.segments)
    for (const auto& p : seg.prefixes) {
      if (!p.contains(a)) continue;
      if (p.len > best_len) {
        best = {id};
        best_len = p.len;
      } else if (p.len == best_len && std::find(best.begin(), best.end(), id) == best.end()) {
        best.push_back(id);
      }
    }
  return best;
}

void read_host(const YamlReader& r, const std::string& id, const YAML::Node& key, const YAML::Node& n,
               model::Snapshot& snap) {
  const std::string what = "host '" + id + "'";
  r.require_map(n, what);
  r.check_keys(n, what,
               {"address", "addresses", "segment", "gateway", "role", "services", "internet_client",
                "computer", "portable", "os", "antivirus", "removable_media", "authentication", "room"});
  model::Host h;
  h.id = id;
  h.src_ref = r.ref(key);

  if (n["address"] && n["addresses"])
    r.fail(n["addresses"], what + ": expected either address: or addresses:, not both");
  if (n["address"]) h.addresses.push_back(r.address(n["address"], what + " address"));
  if (n["addresses"]) h.addresses = r.address_list(n["addresses"], what + " addresses");
  if (h.addresses.empty()) r.fail(key, what + ": expected an address: (or addresses: [...]) for the host");

  if (n["segment"]) {
    h.segment = r.scalar(n["segment"], what + " segment");
    if (!snap.segments.count(h.segment))
      r.fail(n["segment"],
             what + ": unknown segment '" + h.segment + "'; expected a segment declared under segments:");
    const auto& seg = snap.segments.at(h.segment);
    for (Ipv4 a : h.addresses) {
      bool in = std::any_of(seg.prefixes.begin(), seg.prefixes.end(),
                            [&](const Prefix& p) { return p.contains(a); });
      if (!in)
        snap.notes.push_back(
            {what + ": address " + format_ipv4(a) + " is outside its segment '" + h.segment + "'",
             r.ref(n["segment"])});
    }
  } else {
    std::string chosen;
    for (Ipv4 a : h.addresses) {
      auto segs = segments_holding(snap, a);
      const YAML::Node at = n["address"] ? n["address"] : n["addresses"];
      if (segs.empty())
        r.fail(at, what + ": address " + format_ipv4(a) +
                       " is in no segment; expected an address inside a segment's prefix, or a "
                       "segment: field");
      if (segs.size() > 1)
        r.fail(at, what + ": address " + format_ipv4(a) + " is in several segments (" + join(segs) +
                       "); expected a segment: field naming one");
      if (!chosen.empty() && chosen != segs[0])
        r.fail(at, what + ": addresses fall in different segments ('" + chosen + "' and '" + segs[0] +
                       "'); expected a segment: field naming the host's segment");
      chosen = segs[0];
    }
    h.segment = chosen;
  }
  h.zone = snap.segments.at(h.segment).zone;

  if (n["gateway"]) {
    h.gateway = r.address(n["gateway"], what + " gateway");
    const auto& seg = snap.segments.at(h.segment);
    bool in = std::any_of(seg.prefixes.begin(), seg.prefixes.end(),
                          [&](const Prefix& p) { return p.contains(*h.gateway); });
    if (!in)
      snap.notes.push_back(
          {what + ": gateway " + format_ipv4(*h.gateway) + " is not on its segment '" + h.segment + "'",
           r.ref(n["gateway"])});
  }
  if (n["role"]) {
    const std::string role = r.scalar(n["role"], what + " role");
    auto v = model::host_role_from(role);
    if (!v) r.fail(n["role"], what + ": unknown role '" + role + "'; expected one of " + kRoles);
    h.role = *v;
    h.role_given = true;
  }
  if (n["services"]) {
    const YAML::Node s = n["services"];
    std::vector<model::HostServicePort> ports;
    if (!s.IsNull()) {
      const YAML::Node items = s;
      auto one = [&](const YAML::Node& e) {
        const std::string text = r.scalar(e, what + " services");
        auto p = parse_host_service(text);
        if (!p)
          r.fail(e, what + ": bad service '" + text +
                        "'; expected tcp/PORT or udp/PORT (PORT 1-65535), icmp, or any");
        ports.push_back(*p);
      };
      if (items.IsScalar()) {
        one(items);
      } else {
        r.require_seq(items, what + " services");
        for (const auto& e : items) one(e);
      }
    }
    h.services = ports;
  }
  if (n["internet_client"]) h.internet_client = r.boolean(n["internet_client"], what + " internet_client");
  if (n["computer"]) h.computer = r.boolean(n["computer"], what + " computer");
  if (n["portable"]) h.portable = r.boolean(n["portable"], what + " portable");
  if (n["os"]) {
    const YAML::Node os = n["os"];
    r.require_map(os, what + " os");
    r.check_keys(os, what + " os", {"name", "support_end"});
    if (os["name"]) h.os_name = r.scalar(os["name"], what + " os name");
    if (os["support_end"]) h.os_support_end = r.date(os["support_end"], what + " os support_end");
  }
  if (n["antivirus"]) {
    const YAML::Node av = n["antivirus"];
    r.require_map(av, what + " antivirus");
    r.check_keys(av, what + " antivirus", {"installed", "definitions", "autoscan"});
    if (av["installed"]) h.av_installed = r.boolean(av["installed"], what + " antivirus installed");
    if (av["definitions"]) h.av_definitions = r.date(av["definitions"], what + " antivirus definitions");
    if (av["autoscan"]) h.av_autoscan = r.boolean(av["autoscan"], what + " antivirus autoscan");
  }
  if (n["removable_media"]) {
    const std::string m = r.scalar(n["removable_media"], what + " removable_media");
    auto v = removable_media_from(m);
    if (!v)
      r.fail(n["removable_media"],
             what + ": unknown removable_media '" + m +
                 "'; expected one of none, policy_only, software_disabled, physically_blocked, "
                 "other");
    h.removable_media = *v;
    h.removable_media_given = true;
  }
  if (n["authentication"]) {
    const YAML::Node a = n["authentication"];
    r.require_map(a, what + " authentication");
    r.check_keys(a, what + " authentication", {"capable", "enabled"});
    if (a["capable"]) h.auth_capable = r.boolean(a["capable"], what + " authentication capable");
    if (a["enabled"]) h.auth_enabled = r.boolean(a["enabled"], what + " authentication enabled");
  }
  if (n["room"]) {
    h.room = r.scalar(n["room"], what + " room");
    if (!snap.rooms.count(h.room))
      r.fail(n["room"], what + ": unknown room '" + h.room + "'; expected a room declared under rooms:");
  }
  snap.hosts[id] = std::move(h);
}
}  // namespace

std::optional<model::HostServicePort> parse_host_service(const std::string& text) {
  const std::string t = lower(text);
  if (t == "any") return model::HostServicePort{-1, 0};
  if (t == "icmp") return model::HostServicePort{1, 0};
  const auto slash = t.find('/');
  if (slash == std::string::npos) return std::nullopt;
  const std::string proto = t.substr(0, slash), port = t.substr(slash + 1);
  int p = 0;
  if (proto == "tcp")
    p = 6;
  else if (proto == "udp")
    p = 17;
  else
    return std::nullopt;
  if (port.empty() || port.size() > 5) return std::nullopt;
  for (char c : port)
    if (c < '0' || c > '9') return std::nullopt;
  const int n = std::stoi(port);
  if (n < 1 || n > 65535) return std::nullopt;
  return model::HostServicePort{p, static_cast<uint16_t>(n)};
}

std::optional<model::RemovableMedia> removable_media_from(const std::string& text) {
  for (const auto& m : kMedia)
    if (text == m.name) return m.value;
  return std::nullopt;
}

void read_rooms(const YamlReader& r, const YAML::Node& rooms, model::Snapshot& snap) {
  if (rooms.IsNull()) return;
  r.require_map(rooms, "rooms");
  r.check_keys(rooms, "rooms", {});
  for (auto it = rooms.begin(); it != rooms.end(); ++it) {
    const std::string id = it->first.Scalar();
    const std::string what = "room '" + id + "'";
    model::Room room;
    room.id = id;
    room.src_ref = r.ref(it->first);
    const YAML::Node n = it->second;
    if (!n.IsNull()) {
      r.require_map(n, what);
      r.check_keys(n, what, {"locked", "entry_control"});
      if (n["locked"]) room.locked = r.boolean(n["locked"], what + " locked");
      if (n["entry_control"]) room.entry_control = r.boolean(n["entry_control"], what + " entry_control");
    }
    snap.rooms[id] = room;
  }
}

void read_hosts(const YamlReader& r, const YAML::Node& hosts, model::Snapshot& snap) {
  if (hosts.IsNull()) return;
  r.require_map(hosts, "hosts");
  r.check_keys(hosts, "hosts", {});
  for (auto it = hosts.begin(); it != hosts.end(); ++it)
    read_host(r, it->first.Scalar(), it->first, it->second, snap);
}

}  // namespace gp::parsers::topo
