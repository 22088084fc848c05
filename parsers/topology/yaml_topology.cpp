#include "parsers/topology/yaml_topology.h"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <cstring>

#include "base/input_error.h"
#include "parsers/common/config_blocks.h"
#include "parsers/registry.h"
#include "parsers/topology/yaml_bounds.h"
#include "parsers/topology/yaml_fields.h"
#include "parsers/topology/yaml_hosts.h"

namespace gp::parsers::topo {

namespace {

// What the user most likely has to fix, for yaml-cpp's terse parser messages.
std::string explain_yaml_error(const std::string& msg) {
  struct Hint {
    const char* msg;
    const char* expected;
  };
  static constexpr Hint kHints[] = {
      {"end of map not found", "expected every 'key: value' line of a mapping at the same indentation"},
      {"end of map flow not found", "expected '}' to close the '{' mapping"},
      {"end of sequence not found", "expected every '- item' line of a list at the same indentation"},
      {"end of sequence flow not found", "expected ']' to close the '[' list"},
      {"illegal map value",
       "expected 'key: value' with the key at the indentation of its siblings (quote a value "
       "that contains ': ')"},
      {"illegal flow end", "expected the closing bracket to match the opening one"},
      {"illegal tab when looking for indentation", "expected spaces for indentation, not tabs"},
      {"unknown escape character", "expected a valid escape in a double-quoted string"},
      {"end of string not found", "expected the closing quote of the string"},
      {"unexpected end of stream", "expected the rest of the document"},
      {"block sequence entries are not allowed in this context",
       "expected '- item' lines only where a list value starts"},
      {"block map entries are not allowed in this context",
       "expected 'key: value' only where a mapping starts"},
      {"unclosed flow", "expected the closing bracket"},
  };
  for (const auto& h : kHints)
    if (msg.find(h.msg) != std::string::npos) return "malformed YAML: " + msg + "; " + h.expected;
  return "malformed YAML: " + msg +
         "; expected 'key: value' mappings and '- item' lists with "
         "consistent indentation";
}

constexpr const char* kZoneKinds = "control, office, field, dmz, external, management";
constexpr const char* kLinkKinds =
    "ethernet, serial, wireless, own-line, leased-line, wide-area-ethernet, ip-vpn, entry-vpn, "
    "internet, internet-vpn, mobile, local-5g, pstn, unclassified, tunnel";

// A name used as a link endpoint must not be mistaken for another kind of endpoint.
void check_name(const YamlReader& r, const YAML::Node& key, const std::string& what) {
  const std::string& s = key.Scalar();
  if (s.empty()) r.fail(key, what + ": expected a non-empty name");
  if (s.find(':') != std::string::npos)
    r.fail(key, what + " '" + s + "': expected a name without ':' (':' separates DEVICE:INTERFACE)");
  if (s == "internet")
    r.fail(key, what + " 'internet': expected another name ('internet' is the internet endpoint)");
}

void read_zones(const YamlReader& r, const YAML::Node& zones, model::Snapshot& snap) {
  if (zones.IsNull()) return;
  r.require_map(zones, "zones");
  r.check_keys(zones, "zones", {});
  for (auto it = zones.begin(); it != zones.end(); ++it) {
    const std::string id = it->first.Scalar();
    const std::string what = "zone '" + id + "'";
    const YAML::Node n = it->second;
    if (n.IsNull()) r.fail(it->first, what + ": expected {kind: ...}; kind is required");
    r.require_map(n, what);
    r.check_keys(n, what, {"kind", "name", "claim", "systems"});
    model::Zone z;
    z.id = id;
    z.src_ref = r.ref(it->first);
    if (!n["kind"])
      r.fail(it->first, what + ": missing field 'kind'; expected one of " + std::string(kZoneKinds));
    const std::string kind = r.scalar(n["kind"], what + " kind");
    auto k = model::zone_kind_from(kind);
    if (!k) r.fail(n["kind"], what + ": unknown kind '" + kind + "'; expected one of " + kZoneKinds);
    z.kind = *k;
    if (n["name"]) z.display_name = r.scalar(n["name"], what + " name");
    if (n["claim"]) z.claim = r.scalar(n["claim"], what + " claim");
    if (n["systems"]) z.systems = r.string_list(n["systems"], what + " systems");
    snap.zones[id] = z;
  }
}

void read_segments(const YamlReader& r, const YAML::Node& segs, model::Snapshot& snap) {
  if (segs.IsNull()) return;
  r.require_map(segs, "segments");
  r.check_keys(segs, "segments", {});
  for (auto it = segs.begin(); it != segs.end(); ++it) {
    const std::string id = it->first.Scalar();
    const std::string what = "segment '" + id + "'";
    check_name(r, it->first, "segment");
    const YAML::Node n = it->second;
    if (n.IsNull()) r.fail(it->first, what + ": expected {zone: ..., prefix: ...}");
    r.require_map(n, what);
    r.check_keys(n, what, {"zone", "prefix", "prefixes"});
    model::Segment s;
    s.id = id;
    s.src_ref = r.ref(it->first);
    if (!n["zone"]) r.fail(it->first, what + ": missing field 'zone'; expected a zone name");
    s.zone = r.scalar(n["zone"], what + " zone");
    if (!snap.zones.count(s.zone))
      r.fail(n["zone"], what + ": unknown zone '" + s.zone + "'; expected a zone declared under zones:" +
                            (snap.zones.empty() ? std::string() : " (" + [&] {
                              std::vector<std::string> names;
                              for (const auto& [zid, z] : snap.zones) names.push_back(zid);
                              return join(names);
                            }() + ")"));
    if (n["prefix"] && n["prefixes"])
      r.fail(n["prefixes"], what + ": expected either prefix: or prefixes:, not both");
    if (n["prefix"]) s.prefixes.push_back(r.prefix(n["prefix"], what + " prefix"));
    if (n["prefixes"]) s.prefixes = r.prefix_list(n["prefixes"], what + " prefixes");
    if (s.prefixes.empty())
      r.fail(it->first, what + ": missing field 'prefix'; expected e.g. prefix: 192.168.1.0/24");
    snap.segments[id] = s;
  }
}

void read_devices(const YamlReader& r, const YAML::Node& devs, TopologyDecl& out) {
  if (devs.IsNull()) return;
  r.require_map(devs, "devices");
  r.check_keys(devs, "devices", {});
  for (auto it = devs.begin(); it != devs.end(); ++it) {
    const std::string id = it->first.Scalar();
    const std::string what = "device '" + id + "'";
    check_name(r, it->first, "device");
    const YAML::Node n = it->second;
    if (n.IsNull()) r.fail(it->first, what + ": expected {config: configs/FILE}");
    r.require_map(n, what);
    r.check_keys(n, what, {"config", "vendor"});
    DeviceDecl d;
    d.name = id;
    d.src_ref = r.ref(it->first);
    if (!n["config"])
      r.fail(it->first, what + ": missing field 'config'; expected the path of its configuration");
    d.config = r.scalar(n["config"], what + " config");
    d.config_ref = r.ref(n["config"]);
    if (n["vendor"]) {
      const std::string v = r.scalar(n["vendor"], what + " vendor");
      d.vendor = parsers::vendor_from_name(v);
      if (!d.vendor)
        r.fail(n["vendor"], what + ": unknown vendor '" + v +
                                "'; expected one of cisco-ios, cisco-asa, fortigate, yamaha-rtx, nec-ix (or "
                                "omit vendor: to detect it from the file; a file in a dialect gapproof does "
                                "not read is then listed as not supported)");
    }
    out.devices.push_back(d);
  }
}

void read_endpoint(const YamlReader& r, const YAML::Node& n, const std::string& what, LinkDecl& link) {
  const std::string text = r.scalar(n, what);
  if (text.empty()) r.fail(n, what + ": expected DEVICE:INTERFACE, a segment name, or internet");
  link.members.push_back({text, r.ref(n)});
}

void read_links(const YamlReader& r, const YAML::Node& links, TopologyDecl& out) {
  if (links.IsNull()) return;
  r.require_seq(links, "links");
  int index = 0;
  for (const auto& n : links) {
    ++index;
    const std::string what = "link #" + std::to_string(index);
    r.require_map(n, what);
    r.check_keys(n, what, {"kind", "a", "b", "members", "service"});
    LinkDecl l;
    l.src_ref = r.ref(n);
    if (!n["kind"]) r.fail(n, what + ": missing field 'kind'; expected one of " + std::string(kLinkKinds));
    const std::string kind = r.scalar(n["kind"], what + " kind");
    auto k = model::link_kind_from(kind);
    if (!k) r.fail(n["kind"], what + ": unknown link kind '" + kind + "'; expected one of " + kLinkKinds);
    l.kind = *k;
    if (n["service"]) l.service = r.scalar(n["service"], what + " service");
    if (n["members"] && (n["a"] || n["b"]))
      r.fail(n["members"], what + ": expected either a:/b: or members:, not both");
    if (n["b"] && !n["a"]) r.fail(n["b"], what + ": b: without a:; expected a: as well");
    if (n["a"]) read_endpoint(r, n["a"], what + " a", l);
    if (n["b"]) read_endpoint(r, n["b"], what + " b", l);
    if (n["members"]) {
      r.require_seq(n["members"], what + " members");
      for (const auto& m : n["members"]) read_endpoint(r, m, what + " members", l);
    }
    if (l.members.empty()) r.fail(n, what + ": expected endpoints: a: and b:, or members: [...]");
    // One endpoint is enough where the far side is the carrier or the internet.
    const bool local_medium = l.kind == model::LinkKind::Ethernet || l.kind == model::LinkKind::Serial ||
                              l.kind == model::LinkKind::Wireless || l.kind == model::LinkKind::OwnLine ||
                              l.kind == model::LinkKind::LeasedLine || l.kind == model::LinkKind::Tunnel;
    if (local_medium && l.members.size() < 2)
      r.fail(n, what + ": a " + kind +
                    " link joins two endpoints; expected b: (or members: with "
                    "at least two)");
    out.links.push_back(l);
  }
}

// YAML forbids tabs in indentation; yaml-cpp then reports a confusing "illegal map value".
void reject_tab_indentation(const std::string& text, const std::string& file) {
  int line = 1;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    for (size_t i = start; i < end && (text[i] == ' ' || text[i] == '\t'); ++i)
      if (text[i] == '\t')
        throw InputError(SourceRef{file, line, static_cast<int>(i - start) + 1},
                         "malformed YAML: tab in indentation; expected spaces for indentation");
    start = end + 1;
    ++line;
  }
}

}  // namespace

TopologyDecl read_topology_text(const std::string& text, const std::string& file, model::Snapshot& snap) {
  const YamlReader r(file);
  TopologyDecl out;
  reject_tab_indentation(text, file);
  try {
    check_yaml_bounds(text, file);  // before yaml-cpp recurses or anything walks an alias
    const YAML::Node root = YAML::Load(text);
    if (!root.IsDefined() || root.IsNull())
      throw InputError(SourceRef{file, 1, 1},
                       "the file is empty; expected a mapping with zones:, devices:, segments:, "
                       "hosts:, links:");
    r.require_map(root, "topology.yaml");
    r.check_keys(root, "topology.yaml",
                 {"name", "audit_date", "owned", "zones", "devices", "segments", "hosts", "rooms", "links"});
    if (root["name"]) snap.name = r.scalar(root["name"], "name");
    if (root["audit_date"]) snap.audit_date = r.date(root["audit_date"], "audit_date");
    if (root["owned"]) {
      snap.owned = r.prefix_list(root["owned"], "owned");
      snap.owned_given = true;
    }
    // Fixed order, whatever the order in the file: what a field refers to is read first.
    if (root["zones"]) read_zones(r, root["zones"], snap);
    if (root["rooms"]) read_rooms(r, root["rooms"], snap);
    if (root["segments"]) read_segments(r, root["segments"], snap);
    if (root["hosts"]) read_hosts(r, root["hosts"], snap);
    if (root["devices"]) read_devices(r, root["devices"], out);
    if (root["links"]) read_links(r, root["links"], out);
  } catch (const YAML::DeepRecursion& e) {
    throw InputError(SourceRef{file, e.mark.line + 1, e.mark.column + 1},
                     "malformed YAML: nesting deeper than " + std::to_string(e.depth()) +
                         " levels; expected the shallow structure of spec section 2");
  } catch (const YAML::Exception& e) {
    SourceRef where{file, 0, 0};
    if (e.mark.line >= 0) {
      where.line = e.mark.line + 1;
      where.column = e.mark.column >= 0 ? e.mark.column + 1 : 0;
    }
    throw InputError(where, explain_yaml_error(e.msg));
  }
  return out;
}

TopologyDecl read_topology_yaml(const std::string& path, const std::string& file, model::Snapshot& snap) {
  const std::string text = parsers::read_file(path, SourceRef{file, 0, 0});
  return read_topology_text(text, file, snap);
}

}  // namespace gp::parsers::topo
