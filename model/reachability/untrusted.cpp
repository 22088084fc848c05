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

// What a device holds that the parser could not fully read and that may change forwarding:
// unrecognised lines (all of them, or only those in forwarding contexts), and routes and NAT
// rules kept in place as not understood.
void not_understood_on(const model::Device& dev, bool all_contexts, std::vector<Reason>& out) {
  for (const auto& u : dev.unrecognised) {
    if (!u.affects_forwarding) continue;
    bool forwarding_context = u.context == model::LineContext::Interface ||
                              u.context == model::LineContext::Filter ||
                              u.context == model::LineContext::Nat ||
                              u.context == model::LineContext::Route || u.context == model::LineContext::Vpn;
    if (all_contexts || forwarding_context)
      out.push_back({dev.name, "line not understood: " + u.text, u.src_ref});
  }
  for (const auto& r : dev.routes)
    if (!r.understood) out.push_back({dev.name, "route not understood: " + r.why_not_understood, r.src_ref});
  for (const auto& n : dev.nat)
    if (!n.understood)
      out.push_back({dev.name, "NAT rule not understood: " + n.why_not_understood, n.src_ref});
}

}  // namespace gp::reach
