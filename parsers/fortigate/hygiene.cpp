// FortiOS operational hygiene (model::HygieneFact): NTP, remote log collectors (syslogd,
// FortiAnalyzer), administrator lockout, password policy, event log filters, admin idle timeout.
// FortiOS "show" prints only values that differ from the default, so a missing "set" line means
// the default; defaults are stated only where a Fortinet document names them (default_source).
#include <algorithm>

#include "parsers/fortigate/internal.h"

namespace gp::parsers::fgt {

using model::HygieneFact;
using model::HygieneTopic;
using model::SettingOrigin;

namespace {

constexpr const char* kLockoutDoc =
    "FortiOS Handbook 5.2, Hardening your FortiGate: admin-lockout-threshold default 3, "
    "admin-lockout-duration default 60 seconds";
constexpr const char* kIdleDoc =
    "FortiOS 7.0 Administration Guide, Setting the idle timeout time: admintimeout default 5 minutes";
constexpr const char* kNtpDoc = "FortiOS 7.0.8 CLI Reference, config system ntp: ntpsync default disable";
constexpr const char* kEventDoc =
    "FortiOS 7.6.5 CLI Reference, config log eventfilter: event, system, user and vpn default enable";

HygieneFact fact(HygieneTopic t, const std::string& subject, const SourceRef& r, bool enabled = true) {
  HygieneFact f;
  f.topic = t;
  f.subject = subject;
  f.enabled = enabled;
  f.src_ref = r;
  return f;
}

HygieneFact by_default(HygieneTopic t, const std::string& subject, SettingOrigin o, const std::string& why,
                       bool enabled = true) {
  HygieneFact f = fact(t, subject, SourceRef{}, enabled);
  f.origin = o;
  f.default_source = why;
  return f;
}

int major_version(const std::string& v) {
  auto n = number(v.substr(0, v.find('.')), 99);
  return n ? *n : 0;
}

}  // namespace

void read_ntp(Ctx& c, const Node& cfg) {
  c.rec(cfg);
  c.hyg.ntp = true;
  const Node* sync = cfg.find_set("ntpsync");
  const Node* type = cfg.find_set("type");
  const bool custom = type && type->words.size() >= 2 && type->words[1] == "custom";
  const bool on = sync && sync->words.size() >= 2 && sync->words[1] == "enable";
  if (sync) c.rec(*sync);
  if (type) c.rec(*type);
  std::vector<HygieneFact> servers;
  for (const auto& s : cfg.children) {
    if (s.kind == Node::Kind::Config && s.path() == "ntpserver") {
      c.rec(s);
      for (const auto& e : s.children) {
        c.ign_tree(e);
        if (e.kind != Node::Kind::Edit) continue;
        c.rec(e);
        if (const Node* srv = e.find_set("server"); srv && srv->words.size() >= 2) {
          c.rec(*srv);
          servers.push_back(fact(HygieneTopic::TimeSync, srv->words[1], c.ref(*srv), on && custom));
        }
      }
    } else if (&s != sync && &s != type) {
      c.ign_tree(s);  // server-mode (the FortiGate serves time), source-ip, authentication, ...
    }
  }
  auto& out = c.dev.hygiene;
  if (sync && !on) {
    out.push_back(fact(HygieneTopic::TimeSync, "NTP (ntpsync disable)", c.ref(*sync), false));
    return;
  }
  if (!sync) {
    // ntpsync not stated: the default applies to the servers below (none is used when off).
    const bool v7 = major_version(c.dev.os_version) >= 7;
    out.push_back(by_default(
        HygieneTopic::TimeSync, "NTP (ntpsync not stated)",
        v7 ? SettingOrigin::VendorDefault : SettingOrigin::Unknown,
        v7 ? std::string(kNtpDoc)
           : "FortiOS " + (c.dev.os_version.empty() ? std::string("(version unknown)") : c.dev.os_version) +
                 ": ntpsync default not stated in the 6.x CLI reference (7.0: disable)",
        false));
    for (auto& f : servers) f.enabled = false, out.push_back(f);
    return;
  }
  if (custom) {
    if (servers.empty())
      out.push_back(fact(HygieneTopic::TimeSync, "custom NTP without any ntpserver", c.ref(*type), false));
    for (const auto& f : servers) out.push_back(f);
  } else {
    // type fortiguard (the default type): Fortinet's public NTP servers on the internet.
    out.push_back(fact(HygieneTopic::TimeSync, "FortiGuard NTP servers (on the internet)",
                       c.ref(type ? *type : *sync)));
    for (auto f : servers) f.enabled = false, f.subject += " (unused: type fortiguard)", out.push_back(f);
  }
}

void read_log_remote(Ctx& c, const Node& cfg, const std::string& path) {
  c.rec(cfg);
  const Node* status = cfg.find_set("status");
  const Node* server = cfg.find_set("server");
  const bool fortianalyzer = path.find("fortianalyzer") != std::string::npos;
  for (const auto& s : cfg.children)
    if (&s != status && &s != server) c.ign_tree(s);  // port, facility, format, source-ip, ...
  if (status) c.rec(*status);
  if (server) c.rec(*server);
  const std::string kind = fortianalyzer ? " (FortiAnalyzer)" : " (syslog)";
  const bool on = status && status->words.size() >= 2 && status->words[1] == "enable";
  if (!server || server->words.size() < 2) {
    if (on)
      c.dev.hygiene.push_back(
          fact(HygieneTopic::RemoteLog, path + ": status enable without a server", c.ref(*status), false));
    return;
  }
  std::string host = server->words[1] + kind;
  if (on) {
    c.dev.hygiene.push_back(fact(HygieneTopic::RemoteLog, host, c.ref(*server)));
  } else if (status) {
    c.dev.hygiene.push_back(fact(HygieneTopic::RemoteLog, host + " (status disable)", c.ref(*status), false));
  } else {
    HygieneFact f = fact(HygieneTopic::RemoteLog, host + " (no 'set status' line)", c.ref(*server), false);
    f.origin = SettingOrigin::Unknown;
    f.default_source = "FortiOS " + path + ": default of 'status' not verified in a Fortinet document";
    c.dev.hygiene.push_back(f);
  }
}

void read_password_policy(Ctx& c, const Node& cfg) {
  c.rec(cfg);
  c.hyg.password_policy = true;
  const Node* status = cfg.find_set("status");
  const Node* len = cfg.find_set("minimum-length");
  for (const auto& s : cfg.children)
    if (&s != status && &s != len) c.ign_tree(s);  // must-contain, expire, apply-to, ...
  if (status) c.rec(*status);
  if (len) c.rec(*len);
  const bool on = status && status->words.size() >= 2 && status->words[1] == "enable";
  HygieneFact f = fact(HygieneTopic::PasswordPolicy, "administrator password minimum length",
                       status ? c.ref(*status) : c.ref(cfg), on);
  if (len && len->words.size() >= 2) {
    f.number = number(len->words[1], 1000);
    if (!status) f.src_ref = c.ref(*len);
  }
  if (!status) {
    f.origin = SettingOrigin::Unknown;
    f.default_source = "FortiOS system password-policy without 'set status': default status not verified";
  } else if (on && !f.number) {
    f.origin = SettingOrigin::Unknown;
    f.default_source = "FortiOS: minimum-length not stated; its FortiGate default is not verified";
  }
  if (!on) f.subject += " (password-policy status disable)";
  c.dev.hygiene.push_back(f);
}

void read_eventfilter(Ctx& c, const Node& cfg) {
  c.rec(cfg);
  for (const auto& s : cfg.children) {
    if (s.kind == Node::Kind::Set && s.words.size() >= 2 &&
        (s.words[0] == "event" || s.words[0] == "system" || s.words[0] == "user" || s.words[0] == "vpn")) {
      c.hyg.events[s.words[0]] = {s.words[1] != "disable", c.ref(s)};
      c.rec(s);
    } else {
      c.ign_tree(s);
    }
  }
}

bool global_hygiene(Ctx& c, const Node& cfg, const Node& s) {
  (void)cfg;
  const Words& w = s.words;
  if (w.size() < 2) return false;
  if (w[0] == "admintimeout") {
    c.hyg.admintimeout = true;
    HygieneFact f = fact(HygieneTopic::IdleTimeout, "admin GUI/CLI", c.ref(s));
    f.number = number(w[1], 100000);
    c.dev.hygiene.push_back(f);
    return true;
  }
  if (w[0] == "admin-console-timeout") {
    // Seconds; 0 (the documented default) means the console follows admintimeout.
    auto secs = number(w[1], 100000);
    if (!secs || *secs == 0) return false;
    HygieneFact f = fact(HygieneTopic::IdleTimeout, "console", c.ref(s));
    f.number = (*secs + 59) / 60;
    c.dev.hygiene.push_back(f);
    return true;
  }
  if (w[0] == "admin-lockout-threshold" || w[0] == "admin-lockout-duration") {
    auto n = number(w[1], 1000000000);
    if (!n) return false;
    (w[0] == "admin-lockout-threshold" ? c.hyg.lockout_threshold : c.hyg.lockout_duration) = *n;
    if (!c.hyg.lockout_ref.known()) c.hyg.lockout_ref = c.ref(s);
    return true;
  }
  return false;
}

void finish_hygiene(Ctx& c) {
  auto& out = c.dev.hygiene;
  // Administrator lockout: on by default (3 failures, 60 s).
  const int threshold = c.hyg.lockout_threshold.value_or(3), duration = c.hyg.lockout_duration.value_or(60);
  HygieneFact lock = fact(HygieneTopic::LoginLockout,
                          "administrator logins: locked out for " + std::to_string(duration) + " s after " +
                              std::to_string(threshold) + " failures",
                          c.hyg.lockout_ref);
  lock.number = threshold;
  if (!c.hyg.lockout_ref.known()) {
    lock.origin = SettingOrigin::VendorDefault;
    lock.default_source = kLockoutDoc;
  } else if (!c.hyg.lockout_threshold || !c.hyg.lockout_duration) {
    lock.default_source = std::string("the value not stated is the default: ") + kLockoutDoc;
  }
  out.push_back(lock);
  if (!c.hyg.admintimeout) {
    HygieneFact f =
        by_default(HygieneTopic::IdleTimeout, "admin GUI/CLI", SettingOrigin::VendorDefault, kIdleDoc);
    f.number = 5;
    out.push_back(f);
  }
  if (!c.hyg.ntp) {
    const bool v7 = major_version(c.dev.os_version) >= 7;
    out.push_back(by_default(
        HygieneTopic::TimeSync, "NTP (no 'config system ntp')",
        v7 ? SettingOrigin::VendorDefault : SettingOrigin::Unknown,
        v7 ? std::string(kNtpDoc)
           : "FortiOS " + (c.dev.os_version.empty() ? std::string("(version unknown)") : c.dev.os_version) +
                 ": ntpsync default not stated in the 6.x CLI reference (7.0: disable)",
        false));
  }
  if (!c.hyg.password_policy)
    out.push_back(by_default(
        HygieneTopic::PasswordPolicy, "administrator password minimum length", SettingOrigin::Unknown,
        "FortiOS: no 'config system password-policy'; its default status is not verified"));
  // Event log: login events of administrators (system), users (user) and VPN (vpn) categories.
  auto cat = [&](const std::string& k) {
    auto it = c.hyg.events.find(k);
    auto ev = c.hyg.events.find("event");
    bool on = it == c.hyg.events.end() || it->second.first;
    if (ev != c.hyg.events.end() && !ev->second.first) on = false;
    SourceRef r = it != c.hyg.events.end()                          ? it->second.second
                  : (ev != c.hyg.events.end() && !ev->second.first) ? ev->second.second
                                                                    : SourceRef{};
    return std::make_pair(on, r);
  };
  const std::pair<const char*, const char*> cats[] = {
      {"system", "administrator logins and failures (event log, system events)"},
      {"user", "user authentication events (event log, user events)"},
      {"vpn", "VPN logins and failures (event log, VPN events)"}};
  for (const auto& [k, subject] : cats) {
    auto [on, r] = cat(k);
    HygieneFact f = fact(HygieneTopic::AuthEventLog, subject, r, on);
    if (!r.known()) {
      f.origin = SettingOrigin::VendorDefault;
      f.default_source = kEventDoc;
    }
    out.push_back(f);
  }
  // Remote-access VPNs: their logins are in the VPN event log unless it is off.
  auto [vpn_on, vpn_ref] = cat("vpn");
  for (auto& v : c.dev.vpns) {
    if (v.kind != model::VpnKind::RemoteAccess || !vpn_on) continue;
    v.accounting = "FortiOS event log (VPN events" + std::string(vpn_ref.known() ? ")" : ", default enable)");
    v.accounting_ref = vpn_ref;
  }
}

}  // namespace gp::parsers::fgt
