#include "parsers/topology/endpoints.h"

#include <cctype>

namespace gp::parsers::topo {

namespace {
std::string fold(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ' && c != '\t') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// "gigabitethernet0/1" -> {"gigabitethernet", "0/1"}
std::pair<std::string, std::string> split_type(const std::string& folded) {
  size_t i = 0;
  while (i < folded.size() && !std::isdigit(static_cast<unsigned char>(folded[i]))) ++i;
  return {folded.substr(0, i), folded.substr(i)};
}
std::string interface_list(const model::Device& dev) {
  std::string l;
  int n = 0;
  for (const auto& i : dev.interfaces) {
    if (n++ == 8) {
      l += ", ...";
      break;
    }
    l += (l.empty() ? "" : ", ") + i.name;
  }
  return l;
}
}  // namespace

const model::Interface* resolve_interface(const model::Device& dev, const std::string& name,
                                          std::vector<std::string>* ambiguous) {
  if (const auto* i = dev.find_interface(name)) return i;
  const std::string want = fold(name);
  if (want.empty()) return nullptr;
  for (const auto& i : dev.interfaces)
    if (fold(i.name) == want || (!i.nameif.empty() && fold(i.nameif) == want)) return &i;
  const auto [want_type, want_rest] = split_type(want);
  if (want_type.empty() || want_rest.empty()) return nullptr;
  std::vector<const model::Interface*> hits;
  for (const auto& i : dev.interfaces) {
    const auto [type, rest] = split_type(fold(i.name));
    if (rest == want_rest && type.size() >= want_type.size() &&
        type.compare(0, want_type.size(), want_type) == 0)
      hits.push_back(&i);
  }
  if (hits.size() == 1) return hits[0];
  if (hits.size() > 1 && ambiguous)
    for (const auto* h : hits) ambiguous->push_back(h->name);
  return nullptr;
}

const model::Device* find_device(const model::Snapshot& snap, const std::string& name, bool lenient) {
  if (const auto* d = snap.device(name)) return d;
  if (!lenient) return nullptr;
  const std::string want = fold(name);
  for (const auto& d : snap.devices)
    if (fold(d.name) == want) return &d;
  for (const auto& d : snap.devices)
    if (!d.hostname.empty() && fold(d.hostname) == want) return &d;
  return nullptr;
}

EndpointResult resolve_endpoint(const model::Snapshot& snap, const std::string& text,
                                const EndpointOptions& opts) {
  EndpointResult r;
  if (text == "internet") {
    r.ok = true;
    r.endpoint.type = model::Endpoint::Type::Internet;
    return r;
  }
  const auto colon = text.find(':');
  if (colon == std::string::npos) {
    if (snap.segments.count(text)) {
      r.ok = true;
      r.endpoint.type = model::Endpoint::Type::Segment;
      r.endpoint.segment = text;
      return r;
    }
    r.error = "unknown endpoint '" + text +
              "'; expected DEVICE:INTERFACE, a segment declared under segments:, or internet";
    if (snap.device(text))
      r.error +=
          " ('" + text + "' is a device: name one of its interfaces, e.g. " + text + ":GigabitEthernet0/0)";
    return r;
  }
  return resolve_interface_endpoint(snap, text.substr(0, colon), text.substr(colon + 1), opts);
}

EndpointResult resolve_interface_endpoint(const model::Snapshot& snap, const std::string& dev_name,
                                          const std::string& ifc_name, const EndpointOptions& opts) {
  EndpointResult r;
  const std::string text = dev_name + ":" + ifc_name;
  const model::Device* dev = find_device(snap, dev_name, opts.lenient_device_names);
  if (!dev) {
    r.error = "unknown device '" + dev_name + "' in endpoint '" + text +
              "'; expected a device declared under devices:";
    return r;
  }
  if (ifc_name.empty()) {
    r.error = "endpoint '" + text + "' names no interface; expected DEVICE:INTERFACE";
    return r;
  }
  r.endpoint.type = model::Endpoint::Type::Interface;
  r.endpoint.device = dev->name;
  std::vector<std::string> ambiguous;
  const model::Interface* ifc = resolve_interface(*dev, ifc_name, &ambiguous);
  if (!ifc && !ambiguous.empty()) {
    std::string list;
    for (const auto& a : ambiguous) list += (list.empty() ? "" : ", ") + a;
    r.error = "interface '" + ifc_name + "' of device '" + dev->name + "' is ambiguous (" + list +
              "); expected the full interface name";
    return r;
  }
  if (!ifc) {
    // The cable is a physical fact whatever the configuration says (declared links join their
    // endpoints even when the file is empty or cut short); the prover cannot know what the device
    // does on an interface it has not read, so zones behind it are UNPROVEN.
    r.ok = true;
    r.endpoint.interface = ifc_name;
    r.endpoint.declared_only = true;
    r.note = "device '" + dev->name + "': its configuration " + dev->file +
             (dev->interfaces.empty()
                  ? " yields no interface"
                  : " has no interface '" + ifc_name + "' (it has " + interface_list(*dev) + ")") +
             "; the link is kept as declared and no proof rests on this device";
    return r;
  }
  r.ok = true;
  r.endpoint.interface = ifc->name;
  return r;
}

}  // namespace gp::parsers::topo
