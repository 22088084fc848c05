#include "checks/operations.h"

#include <map>
#include <set>

#include "checks/exposure_context.h"

namespace gp::checks {

using model::HygieneFact;
using model::HygieneTopic;
using model::SettingOrigin;

namespace {

std::vector<const HygieneFact*> facts_of(const model::Device& d, HygieneTopic t) {
  std::vector<const HygieneFact*> out;
  for (const auto& f : d.hygiene)
    if (f.topic == t) out.push_back(&f);
  return out;
}

SourceRef where_of(const model::Device& d, const HygieneFact& f) {
  return f.src_ref.known() ? f.src_ref : file_ref(d);
}

// " (vendor default: <source>)" for a fact that is a default, else "".
std::string origin_note(const HygieneFact& f) {
  if (f.origin != SettingOrigin::VendorDefault) return "";
  return " (not in the configuration; vendor default" +
         (f.default_source.empty() ? std::string() : ": " + f.default_source) + ")";
}

// The shared shape of the presence checks: the device passes with one enabled fact; with none it
// fails (at the line that turns the setting off, or on the file when nothing mentions it); when
// the parser could only say "unknown", the finding is Info "could not be decided".
void presence_check(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out,
                    HygieneTopic topic, const std::string& missing, const std::string& consequence) {
  for (const auto& d : ctx.snap.devices) {
    auto fs = facts_of(d, topic);
    const HygieneFact* unknown = nullptr;
    std::vector<const HygieneFact*> off;
    bool ok = false;
    for (const auto* f : fs) {
      if (f->origin == SettingOrigin::Unknown)
        unknown = f;
      else if (f->enabled)
        ok = true;
      else
        off.push_back(f);
    }
    if (ok) continue;
    if (!off.empty()) {
      for (const auto* f : off)
        out.push_back(make_finding(
            info, d.name, where_of(d, *f),
            missing + ": " + f->subject +
                (f->origin == SettingOrigin::VendorDefault ? " is off" : " is configured but not in effect") +
                origin_note(*f) + "; " + consequence));
      continue;
    }
    if (unknown) {
      Finding f =
          make_finding(info, d.name, where_of(d, *unknown),
                       "could not be decided: " + unknown->subject +
                           (unknown->default_source.empty() ? "" : " (" + unknown->default_source + ")"));
      f.severity = Severity::Info;
      out.push_back(std::move(f));
      continue;
    }
    out.push_back(
        make_finding(info, d.name, file_ref(d), "nothing in the configuration provides it; " + consequence));
  }
}

}  // namespace

void check_time_sync(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  presence_check(ctx, info, out, HygieneTopic::TimeSync, "no NTP/SNTP time source",
                 "the device clock drifts and its log timestamps cannot be correlated with other devices "
                 "(別紙3(12) asks for time synchronisation of every device)");
}

void check_remote_logging(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  presence_check(ctx, info, out, HygieneTopic::RemoteLog, "no remote log collector",
                 "logs stay on the device, where an intruder can erase them and nobody reviews them "
                 "(§5.1.3.4 asks for central, tamper-protected log storage)");
}

void check_login_lockout(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  presence_check(ctx, info, out, HygieneTopic::LoginLockout, "no lockout or back-off after failed logins",
                 "passwords can be guessed without limit (§5.4.2 asks to lock accounts after repeated "
                 "failures)");
}

void check_auth_event_logging(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  presence_check(ctx, info, out, HygieneTopic::AuthEventLog, "failed and successful logins are not recorded",
                 "repeated login failures cannot be noticed or investigated (§5.4.2 asks to log failed "
                 "logins and alert on repeated failures)");
}

void check_idle_timeout(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices)
    for (const auto* f : facts_of(d, HygieneTopic::IdleTimeout)) {
      if (f->origin == SettingOrigin::Unknown) {
        Finding x = make_finding(info, d.name, where_of(d, *f),
                                 "could not be decided: idle timeout of " + f->subject +
                                     (f->default_source.empty() ? "" : " (" + f->default_source + ")"));
        x.severity = Severity::Info;
        out.push_back(std::move(x));
        continue;
      }
      if (!f->enabled || !f->number) continue;
      int m = *f->number;
      std::string msg;
      if (m == 0)
        msg = "an idle management session on " + f->subject + " never times out" + origin_note(*f) +
              ": an unattended logged-in session stays open to whoever finds it";
      else if (m > kIdleTimeoutLimitMinutes)
        msg = "an idle management session on " + f->subject + " stays open for " + std::to_string(m) +
              " minutes" + origin_note(*f) + ", more than " + std::to_string(kIdleTimeoutLimitMinutes) +
              " (threshold from the CIS benchmarks; the guideline gives no number)";
      else
        continue;
      out.push_back(make_finding(info, d.name, where_of(d, *f), msg));
    }
}

void check_password_length(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices)
    for (const auto* f : facts_of(d, HygieneTopic::PasswordPolicy)) {
      if (f->origin == SettingOrigin::Unknown || !f->enabled || !f->number) continue;
      if (*f->number >= kPasswordMinLength) continue;
      out.push_back(make_finding(info, d.name, where_of(d, *f),
                                 "the password policy allows passwords of " + std::to_string(*f->number) +
                                     " characters" + origin_note(*f) + ", fewer than " +
                                     std::to_string(kPasswordMinLength) +
                                     " (threshold from NIST SP 800-63B; the guideline asks for a length "
                                     "policy but gives no number)"));
    }
}

namespace {

// Some address matched by `m` is in `p`: the bits both fix must agree.
bool overlaps(const AddrMatch& m, const Prefix& p) {
  return ((m.addr ^ p.network()) & ~m.wildcard & p.mask()) == 0;
}
// Every address matched by `m` is in `p`.
bool within(const AddrMatch& m, const Prefix& p) {
  return (m.wildcard & p.mask()) == 0 && ((m.addr ^ p.network()) & p.mask()) == 0;
}
bool any_overlaps(const std::vector<AddrMatch>& ms, const std::vector<Prefix>& ps) {
  for (const auto& m : ms)
    for (const auto& p : ps)
      if (overlaps(m, p)) return true;
  return false;
}
bool all_within(const std::vector<AddrMatch>& ms, const std::vector<Prefix>& ps) {
  for (const auto& m : ms) {
    bool in = false;
    for (const auto& p : ps) in |= within(m, p);
    if (!in) return false;
  }
  return true;
}

// Filters that act on forwarded traffic: attached to an interface, global, forward policy, VPN.
std::set<std::string> applied_filters(const model::Device& d) {
  std::set<std::string> out;
  for (const auto& i : d.interfaces) {
    if (!i.filter_in.empty()) out.insert(i.filter_in);
    if (!i.filter_out.empty()) out.insert(i.filter_out);
  }
  if (!d.global_filter.empty()) out.insert(d.global_filter);
  if (!d.forward_filter.empty()) out.insert(d.forward_filter);
  for (const auto& v : d.vpns)
    if (!v.filter.empty()) out.insert(v.filter);
  return out;
}

}  // namespace

void check_it_ot_unlogged(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  // Each control zone's address space.
  std::map<std::string, std::vector<Prefix>> control;
  for (const auto& [id, seg] : ctx.snap.segments) {
    auto z = ctx.snap.zones.find(seg.zone);
    if (z == ctx.snap.zones.end() || z->second.kind != model::ZoneKind::Control) continue;
    auto& v = control[seg.zone];
    v.insert(v.end(), seg.prefixes.begin(), seg.prefixes.end());
  }
  if (control.empty()) return;
  // Traffic between control zones (SCADA polling a pump station) is OT-OT: not what this asks.
  std::vector<Prefix> all_control;
  for (const auto& [zone, prefixes] : control)
    all_control.insert(all_control.end(), prefixes.begin(), prefixes.end());
  for (const auto& d : ctx.snap.devices) {
    // The relay points of a control zone are the devices at its edge; each judges its own zones.
    const auto edge = control_zones_of(ctx.snap, d);
    if (edge.empty()) continue;
    for (const auto& name : applied_filters(d)) {
      auto f = d.filters.find(name);
      if (f == d.filters.end()) continue;
      for (const auto& r : f->second.rules) {
        if (r.action != model::Action::Permit || !r.understood || r.inactive || r.logged != false) continue;
        // Rules that only pass return traffic of connections opened the other way (IOS
        // "established") add nothing to monitor: the opening rule is the one judged.
        bool return_only = !r.services.empty();
        for (const auto& svc : r.services) return_only &= svc.established_only;
        if (return_only) continue;
        for (const auto& zone : edge) {
          const auto& prefixes = control.at(zone);
          bool in = any_overlaps(r.dst, prefixes) && !all_within(r.src, all_control);
          bool outbound = any_overlaps(r.src, prefixes) && !all_within(r.dst, all_control);
          if (!in && !outbound) continue;
          out.push_back(
              make_finding(info, d.name, r.src_ref,
                           "filter " + name + ": '" + r.text + "' permits traffic " +
                               (in ? "into control zone " + zone + " from outside the control zones"
                                   : "from control zone " + zone + " to outside the control zones") +
                               " without logging it"));
          break;  // one finding per rule
        }
      }
    }
  }
}

}  // namespace gp::checks
