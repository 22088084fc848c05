#include "checks/remote_access.h"

#include <set>

#include "checks/exposure_context.h"

namespace gp::checks {

namespace {

bool remote_access(const model::Vpn& v) {
  return v.kind == model::VpnKind::RemoteAccess || v.kind == model::VpnKind::L2tp;
}

// The prover's description of a remote-access pool source (model/reachability/audit.cpp).
std::string pool_source(const model::Device& d, const model::Vpn& v) {
  return "remote-access VPN users (pool of " + v.name + " on " + d.name + ")";
}

// Zones (and one example target) reached by a flow chain that starts in this pool.
std::vector<std::pair<std::string, std::string>> reached_zones(const CheckContext& ctx,
                                                               const model::Device& d, const model::Vpn& v) {
  const std::string src = pool_source(d, v);
  std::vector<std::pair<std::string, std::string>> out;
  std::set<std::string> seen;
  for (const auto& z : ctx.reach.zones)
    for (const auto& f : z.flows)
      for (const auto& step : f.chain)
        if (step.source_kind == "vpn-pool" && step.source == src && seen.insert(z.zone).second)
          out.push_back({z.zone, f.chain.back().target});
  for (const auto& e : ctx.reach.host_exposure)
    if (e.source_kind == "vpn-pool" && e.source == src && seen.insert(e.zone).second)
      out.push_back({e.zone, e.target + " " + e.service});
  return out;
}

}  // namespace

void check_ra_no_mfa(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices)
    for (const auto& v : d.vpns) {
      if (!remote_access(v)) continue;
      const std::string& a = v.authentication;
      std::string how;
      if (a.empty())
        how = "the local user database (no authentication server configured: the default)";
      else if (a == "psk")
        how = "a pre-shared key";
      else if (a == "aaa:LOCAL" || a == "local")
        how = "the local user database";
      else if (a == "certificate")
        how = "a certificate alone";
      SourceRef where = v.src_ref.known() ? v.src_ref : file_ref(d);
      if (how.empty()) {
        Finding f =
            make_finding(info, d.name, where,
                         "could not be decided: remote-access VPN " + v.name + " authenticates with " + a +
                             "; whether that server demands a second factor is not in the configuration");
        f.severity = Severity::Info;
        out.push_back(std::move(f));
        continue;
      }
      auto zones = reached_zones(ctx, d, v);
      std::string msg =
          "remote-access VPN " + v.name + " authenticates users with " + how + ": one factor, no MFA";
      if (!zones.empty()) msg += "; its users reach control zone " + zones.front().first;
      Finding f = make_finding(info, d.name, where, msg);
      if (!zones.empty()) f.severity = Severity::Critical;
      out.push_back(std::move(f));
    }
}

void check_ra_pool_reaches_control(const CheckContext& ctx, const CheckInfo& info,
                                   std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices)
    for (const auto& v : d.vpns) {
      if (!remote_access(v)) continue;
      for (const auto& [zone, target] : reached_zones(ctx, d, v))
        out.push_back(make_finding(info, d.name, v.src_ref.known() ? v.src_ref : file_ref(d),
                                   "users of remote-access VPN " + v.name + " reach control zone " + zone +
                                       " (first target: " + target + ")"));
    }
}

void check_ra_split_tunnel(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  using Split = model::Vpn::Split;
  for (const auto& d : ctx.snap.devices)
    for (const auto& v : d.vpns) {
      if (!remote_access(v) || v.split_tunnel == Split::FullTunnel) continue;
      SourceRef where = v.split_tunnel_ref.known() ? v.split_tunnel_ref
                        : v.src_ref.known()        ? v.src_ref
                                                   : file_ref(d);
      if (v.split_tunnel == Split::Unknown) {
        Finding f = make_finding(info, d.name, where,
                                 "could not be decided: whether remote-access VPN " + v.name +
                                     " sends all client traffic through the tunnel is not stated and the "
                                     "default is not known for this software");
        f.severity = Severity::Info;
        out.push_back(std::move(f));
        continue;
      }
      auto zones = reached_zones(ctx, d, v);
      std::string msg = "remote-access VPN " + v.name + " uses split tunnelling" +
                        (v.split_tunnel_default ? " (not configured: the vendor default)" : "") +
                        ": a client stays on its own internet line while connected, so the VPN bridges "
                        "that line into the network";
      if (!zones.empty()) msg += "; its users reach control zone " + zones.front().first;
      Finding f = make_finding(info, d.name, where, msg);
      if (!zones.empty()) f.severity = Severity::High;
      out.push_back(std::move(f));
    }
}

void check_ra_auth_logging(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices) {
    // Device-wide recording of authentication events (event log, syslog of login events, AAA
    // accounting) also records the VPN's logins.
    bool device_records = false, device_unknown = false;
    for (const auto& h : d.hygiene) {
      if (h.topic != model::HygieneTopic::AuthEventLog) continue;
      if (h.origin == model::SettingOrigin::Unknown)
        device_unknown = true;
      else if (h.enabled)
        device_records = true;
    }
    for (const auto& v : d.vpns) {
      if (!remote_access(v) || !v.accounting.empty() || device_records) continue;
      SourceRef where = v.src_ref.known() ? v.src_ref : file_ref(d);
      Finding f = make_finding(info, d.name, where,
                               (device_unknown ? "could not be decided: " : std::string()) +
                                   "remote-access VPN " + v.name +
                                   " has no accounting server and the device records no authentication "
                                   "events" +
                                   (device_unknown ? " that the parser could confirm" : ""));
      if (device_unknown) f.severity = Severity::Info;
      out.push_back(std::move(f));
    }
  }
}

}  // namespace gp::checks
