#include "checks/exposure_context.h"

namespace gp::checks {

bool touches_control_zone(const model::Snapshot& snap, const model::Device& d) {
  for (const auto& [id, seg] : snap.segments) {
    auto z = snap.zones.find(seg.zone);
    if (z == snap.zones.end() || z->second.kind != model::ZoneKind::Control) continue;
    for (const auto& i : d.interfaces) {
      if (i.shutdown) continue;
      for (const auto& a : i.ipv4)
        for (const auto& p : seg.prefixes)
          if (p.contains(a.prefix.addr)) return true;
    }
    for (const auto& l : snap.links) {
      bool dev = false, in_seg = false;
      for (const auto& m : l.members) {
        dev |= m.type == model::Endpoint::Type::Interface && m.device == d.name;
        in_seg |= m.type == model::Endpoint::Type::Segment && m.segment == id;
      }
      if (dev && in_seg) return true;
    }
  }
  return false;
}

std::map<std::string, std::set<std::string>> control_zones_by_device(const model::Snapshot& snap) {
  std::map<std::string, std::set<std::string>> out;
  auto control = [&](const std::string& zone) {
    auto z = snap.zones.find(zone);
    return z != snap.zones.end() && z->second.kind == model::ZoneKind::Control;
  };
  for (const auto& [id, seg] : snap.segments) {
    if (!control(seg.zone)) continue;
    for (const auto& d : snap.devices)
      for (const auto& i : d.interfaces) {
        if (i.shutdown) continue;
        for (const auto& a : i.ipv4)
          for (const auto& p : seg.prefixes)
            if (p.contains(a.prefix.addr)) out[d.name].insert(seg.zone);
      }
  }
  for (const auto& l : snap.links)
    for (const auto& m : l.members) {
      if (m.type != model::Endpoint::Type::Segment) continue;
      auto seg = snap.segments.find(m.segment);
      if (seg == snap.segments.end() || !control(seg->second.zone)) continue;
      for (const auto& o : l.members)
        if (o.type == model::Endpoint::Type::Interface) out[o.device].insert(seg->second.zone);
    }
  return out;
}

bool internet_facing(const CheckContext& ctx, const model::Device& d) {
  for (const auto& l : ctx.snap.links) {
    bool dev = false, inet = false;
    for (const auto& m : l.members) {
      dev |= m.type == model::Endpoint::Type::Interface && m.device == d.name;
      inet |= m.type == model::Endpoint::Type::Internet;
    }
    if (dev && (inet || l.kind == model::LinkKind::Internet)) return true;
  }
  for (const auto& i : d.interfaces)
    if (i.pppoe && !i.shutdown) return true;
  for (const auto& e : ctx.reach.device_exposure)
    if (e.device == d.name && e.source_kind == "internet") return true;
  return false;
}

Severity weigh(const CheckContext& ctx, const model::Device& d, Severity base) {
  if (touches_control_zone(ctx.snap, d) || internet_facing(ctx, d)) return Severity::Critical;
  return base;
}

SourceRef file_ref(const model::Device& d) { return {d.file, 0, 0}; }

const char* protocol_name(model::MgmtProtocol p) {
  switch (p) {
    case model::MgmtProtocol::Telnet:
      return "telnet";
    case model::MgmtProtocol::Ssh:
      return "ssh";
    case model::MgmtProtocol::Http:
      return "http";
    case model::MgmtProtocol::Https:
      return "https";
    case model::MgmtProtocol::Snmp:
      return "snmp";
  }
  return "?";
}

}  // namespace gp::checks
