#include "model/reachability/untrusted.h"

namespace gp::reach {

std::vector<Reason> untrusted_parts(const model::Snapshot& snap) {
  std::vector<Reason> out;
  for (const auto& d : snap.devices) {
    for (const auto& dmg : d.damage)
      out.push_back({d.name,
                     "the configuration " + d.file + " cannot be trusted as a whole: " + dmg.why +
                         "; the device is taken to pass everything, and an interface the file does not "
                         "show may lead to the internet",
                     dmg.src_ref});
  }
  for (const auto& l : snap.links)
    for (const auto& m : l.members)
      if (m.type == model::Endpoint::Type::Interface && m.declared_only) {
        const auto* dev = snap.device(m.device);
        if (dev && !dev->damage.empty()) continue;  // the damage is the root cause, said above
        out.push_back({m.device,
                       "topology.yaml joins interface " + m.interface + " of " + m.device +
                           ", which its configuration " + (dev ? dev->file : std::string("(none)")) +
                           " does not have: what the device does on that link is unknown",
                       l.src_ref});
      }
  return out;
}

std::string damaged_device_on(const Flow& f, const model::Snapshot& snap) {
  for (const auto& step : f.chain)
    for (const auto& hop : step.trace.hops) {
      const auto* d = snap.device(hop.device);
      if (d && !d->damage.empty()) return d->name;
    }
  return "";
}

}  // namespace gp::reach
