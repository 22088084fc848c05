#include "checks/exposure_context.h"

namespace gp::checks {

std::set<std::string> control_zones_of(const model::Snapshot& snap, const model::Device& d) {
  std::set<std::string> out;
  auto control = [&](const std::string& zone) {
    auto z = snap.zones.find(zone);
    return z != snap.zones.end() && z->second.kind == model::ZoneKind::Control;
  };
  for (const auto& [id, seg] : snap.segments) {
    if (!control(seg.zone)) continue;
    for (const auto& i : d.interfaces) {
      if (i.shutdown) continue;
      for (const auto& a : i.ipv4)
        for (const auto& p : seg.prefixes)
          if (p.contains(a.prefix.addr)) out.insert(seg.zone);
    }
  }
  for (const auto& l : snap.links) {
    bool dev = false;
    for (const auto& m : l.members) dev |= m.type == model::Endpoint::Type::Interface && m.device == d.name;
    if (!dev) continue;
    for (const auto& m : l.members) {
      if (m.type != model::Endpoint::Type::Segment) continue;
      auto seg = snap.segments.find(m.segment);
      if (seg != snap.segments.end() && control(seg->second.zone)) out.insert(seg->second.zone);
    }
  }
  return out;
}

bool touches_control_zone(const model::Snapshot& snap, const model::Device& d) {
  return !control_zones_of(snap, d).empty();
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

}  // namespace gp::checks
