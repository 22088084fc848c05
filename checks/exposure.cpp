#include "checks/exposure.h"

#include <set>

#include "checks/exposure_context.h"
#include "model/reachability/filter_bdd.h"

namespace gp::checks {

using model::MgmtProtocol;

namespace {

const model::MgmtService* running(const model::Device& d, const std::string& service) {
  const model::MgmtService* best = nullptr;
  for (const auto& s : d.services)
    if (s.enabled && service == protocol_name(s.protocol) && (!best || (best->is_default && !s.is_default)))
      best = &s;
  return best;
}

// Interfaces of `d` with an address inside a segment of a control zone.
std::vector<const model::Interface*> control_facing(const model::Snapshot& snap, const model::Device& d) {
  std::vector<const model::Interface*> out;
  for (const auto& i : d.interfaces) {
    if (i.shutdown) continue;
    bool facing = false;
    for (const auto& [id, seg] : snap.segments) {
      auto z = snap.zones.find(seg.zone);
      if (z == snap.zones.end() || z->second.kind != model::ZoneKind::Control) continue;
      for (const auto& a : i.ipv4)
        for (const auto& p : seg.prefixes) facing |= p.contains(a.prefix.addr);
    }
    if (facing) out.push_back(&i);
  }
  return out;
}

}  // namespace

void check_device_mgmt_exposure(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& e : ctx.reach.device_exposure) {
    const model::Device* d = ctx.snap.device(e.device);
    if (!d) continue;
    const model::MgmtService* s = running(*d, e.service);
    if (!s) continue;  // the prover delivers packets to the device; nothing listens on that port
    std::string msg = e.service + " (" + (e.protocol == 17 ? "udp/" : "tcp/") + std::to_string(e.port) +
                      ") on " + d->name + " is reachable from " + e.source + " (" + e.source_kind +
                      "), e.g. " + e.example;
    // The prover already kept only packets the service's own source restriction admits.
    if (!e.restriction.empty())
      msg += "; the service's own restriction (" + e.restriction + ") admits it" +
             (e.restriction_uncertain ? " unless a line of it that was not understood refuses it" : "");
    if (!s->allowed_interfaces.empty())
      msg += "; the service's interface restriction is not evaluated and may still refuse it";
    if (s->is_default)
      msg =
          "could not be decided whether anything listens (the service exists only as the "
          "release default of lines that state no transport): " +
          msg;
    Finding f = make_finding(info, d->name, s->src_ref.known() ? s->src_ref : file_ref(*d), msg);
    // From the internet and certainly admitted: critical.
    if (e.source_kind == "internet" && !e.restriction_uncertain && s->allowed_interfaces.empty())
      f.severity = Severity::Critical;
    if (s->is_default) f.severity = Severity::Info;
    out.push_back(std::move(f));
  }
}

void check_control_host_exposure(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  // Remote desktop, file sharing, remote shells and industrial protocols (controls.md GL-EXP-01).
  static const std::set<std::string> kRisky = {
      "rdp",     "vnc",         "telnet",         "ssh",    "ftp",   "smb",
      "netbios", "msrpc",       "modbus",         "s7comm", "dnp3",  "dnp3-udp",
      "iec-104", "ethernet-ip", "ethernet-ip-io", "opc-ua", "bacnet"};
  for (const auto& e : ctx.reach.host_exposure) {
    if (!kRisky.count(e.service)) continue;
    SourceRef where;
    auto h = ctx.snap.hosts.find(e.target);
    if (h != ctx.snap.hosts.end()) where = h->second.src_ref;
    out.push_back(make_finding(info, "", where,
                               e.service + " (" + (e.protocol == 17 ? "udp/" : "tcp/") +
                                   std::to_string(e.port) + ") of control host " + e.target + " (zone " +
                                   e.zone + ") is reachable from " + e.source + " (" + e.source_kind +
                                   "), e.g. " + e.example));
  }
}

void check_any_any_permit(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  pkt::init();
  for (const auto& d : ctx.snap.devices) {
    auto ifcs = control_facing(ctx.snap, d);
    if (ifcs.empty()) continue;
    std::set<std::string> done;  // filter names already examined
    auto examine = [&](const std::string& name, const std::string& where_applied) {
      if (name.empty() || !done.insert(name).second) return;
      auto it = d.filters.find(name);
      if (it == d.filters.end()) return;
      for (const auto& r : it->second.rules) {
        if (r.action != model::Action::Permit || !r.understood || r.inactive) continue;
        if (reach::match_of(r) != bddtrue) continue;
        out.push_back(make_finding(info, d.name, r.src_ref,
                                   "filter " + name + " (" + where_applied +
                                       ") permits every source, destination and service: '" + r.text +
                                       "'; traffic toward the control zone is not deny-by-default"));
      }
    };
    for (const auto* i : ifcs) {
      examine(i->filter_in, "inbound on control-facing " + i->name);
      examine(i->filter_out, "outbound on control-facing " + i->name);
    }
    examine(d.global_filter, "global, applies to control-facing interfaces");
  }
}

}  // namespace gp::checks
