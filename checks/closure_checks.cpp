#include "checks/closure_checks.h"

#include <map>

namespace gp::checks {

using reach::Verdict;

namespace {
SourceRef zone_ref(const CheckContext& ctx, const std::string& zone) {
  auto it = ctx.snap.zones.find(zone);
  return it == ctx.snap.zones.end() ? SourceRef{} : it->second.src_ref;
}
}  // namespace

void check_zone_reachable(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& z : ctx.reach.zones) {
    if (z.verdict != Verdict::Reachable || z.flows.empty()) continue;
    const auto& chain = z.flows.front().chain;
    std::string msg = "zone " + z.zone + ": " + z.summary;
    SourceRef where = zone_ref(ctx, z.zone);
    std::string device;
    const auto& last = chain.back();
    if (!last.trace.hops.empty()) {
      msg += "; packet " + last.trace.first.str();
      // Cite the last hop's deciding line (the filter or NAT that let it in).
      for (auto it = last.trace.hops.rbegin(); it != last.trace.hops.rend() && !where.known(); ++it) {
      }
      const auto& hop = last.trace.hops.back();
      device = hop.device;
      for (const auto& [what, ref] : hop.facts)
        if (ref.known() && (what.rfind("in filter", 0) == 0 || what.rfind("NAT", 0) == 0)) where = ref;
    }
    out.push_back(make_finding(info, device, where, msg));
  }
}

void check_closure_claim(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& z : ctx.reach.zones) {
    if (!z.claim || *z.claim != "closed" || z.verdict == Verdict::Closed) continue;
    std::string msg = "zone " + z.zone + " is claimed closed (閉域網) but the verdict is " +
                      reach::to_string(z.verdict) + ": " + z.summary;
    if (!z.physical_path.empty()) {
      msg += "; physical path:";
      for (const auto& s : z.physical_path)
        if (s.vertex.rfind("device ", 0) != 0) msg += " " + s.vertex;
    }
    out.push_back(make_finding(info, "", zone_ref(ctx, z.zone), msg));
  }
}

void check_firewall_only(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& z : ctx.reach.zones) {
    if (z.verdict != Verdict::FirewallOnly) continue;
    std::map<std::string, int> devices;
    for (const auto& b : z.blocking) devices[b.device]++;
    std::string list;
    for (const auto& [d, _] : devices) list += (list.empty() ? "" : ", ") + d;
    out.push_back(make_finding(info, "", zone_ref(ctx, z.zone),
                               "zone " + z.zone + " is not a closed network: isolation rests on " +
                                   (list.empty() ? std::string("filtering devices") : list)));
  }
}

void check_zone_unproven(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& z : ctx.reach.zones) {
    if (z.verdict != Verdict::Unproven) continue;
    SourceRef where = z.unproven.empty() ? zone_ref(ctx, z.zone) : z.unproven.front().ref;
    std::string dev = z.unproven.empty() ? "" : z.unproven.front().device;
    out.push_back(make_finding(
        info, dev, where,
        "zone " + z.zone + ": " + z.summary + " (" + std::to_string(z.unproven.size()) + " reason(s))"));
  }
}

void check_control_to_internet(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& [host, packet] : ctx.reach.control_to_internet) {
    SourceRef where;
    auto it = ctx.snap.hosts.find(host);
    if (it != ctx.snap.hosts.end()) where = it->second.src_ref;
    out.push_back(make_finding(info, "", where, "host " + host + " can send " + packet + " to the internet"));
  }
}

void check_unrecognised_lines(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices) {
    if (d.unrecognised.empty()) continue;
    out.push_back(make_finding(info, d.name, d.unrecognised.front().src_ref,
                               std::to_string(d.unrecognised.size()) + " line(s) of " + d.file +
                                   " not understood; first: " + d.unrecognised.front().text));
  }
}

void check_damaged_configs(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices) {
    // A file no parser reads is sound as saved: saving it again changes nothing.
    const char* fix = model::dialect_read(d) ? "save the configuration again"
                      : d.unread_dialect.empty()
                          ? "check that the file is a device configuration, or audit this device by hand"
                          : "audit this device by hand: gapproof cannot vouch for what it forwards";
    for (const auto& dmg : d.damage)
      out.push_back(make_finding(info, d.name,
                                 dmg.src_ref.file.empty() ? SourceRef{d.file, 0, 0} : dmg.src_ref,
                                 d.file + ": " + dmg.why +
                                     ". Every zone whose physical component holds this device is UNPROVEN, "
                                     "and findings that rest on a setting being absent are not reported for "
                                     "it; " +
                                     fix));
  }
}

void check_inferred_topology(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  if (ctx.snap.has_topology) return;
  int inferred = 0;
  for (const auto& l : ctx.snap.links) inferred += l.inferred;
  out.push_back(make_finding(
      info, "", {ctx.snap.root, 0, 0},
      "no topology.yaml: " + std::to_string(inferred) +
          " link(s) inferred from shared subnets and ISP lines; zones are unknown, so no zone verdicts"));
}

}  // namespace gp::checks
