// ASA operational hygiene (model::HygieneFact): NTP servers, syslog hosts (sent only with
// "logging enable" and a "logging trap" level), local lockout, password policy, AAA accounting and
// server-authenticated management logins, and the idle timeouts of ssh, telnet, console and the
// ASDM/HTTPS server. These lines were formerly in the "deliberately ignored" table.
#include "parsers/cisco_asa/internal.h"

namespace gp::parsers::asa {

using model::HygieneFact;
using model::HygieneTopic;
using model::MgmtProtocol;
using model::SettingOrigin;

namespace {

void add(Ctx& c, HygieneTopic t, std::string subject, const SourceRef& r,
         std::optional<int> number = std::nullopt) {
  HygieneFact f;
  f.topic = t;
  f.subject = std::move(subject);
  f.number = number;
  f.src_ref = r;
  c.dev.hygiene.push_back(std::move(f));
}

std::optional<int> to_int(const std::string& s) {
  if (s.empty() || s.size() > 9 || s.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoi(s);
}

// Syslog severity as a number (0 emergencies .. 7 debugging); nullopt when not a level.
std::optional<int> level_number(const std::string& w) {
  static const char* const names[] = {"emergencies", "alerts",        "critical",      "errors",
                                      "warnings",    "notifications", "informational", "debugging"};
  for (int i = 0; i < 8; ++i)
    if (w == names[i]) return i;
  if (w.size() == 1 && w[0] >= '0' && w[0] <= '7') return w[0] - '0';
  return std::nullopt;
}

bool enabled_service(const Ctx& c, MgmtProtocol p) {
  for (const auto& s : c.dev.services)
    if (s.protocol == p && s.enabled) return true;
  return false;
}

// The line that turns the service on (where a default timeout comes into play), or unset.
SourceRef service_line(const Ctx& c, MgmtProtocol p) {
  for (const auto& s : c.dev.services)
    if (s.protocol == p && s.enabled && s.src_ref.known()) return s.src_ref;
  return {};
}

}  // namespace

bool handle_hygiene(Ctx& c, const ConfigLine& b, const Words& w) {
  if (!b.children.empty()) return false;  // all of these are one-line commands
  const std::string& k = w[0];
  const SourceRef r = c.ref(b.line);
  auto ok = [&] {
    c.recognised(b);
    return true;
  };
  // --- time synchronisation: ntp server A [key N] [source IF] [prefer]
  if (k == "ntp" && w.size() >= 3 && w[1] == "server") {
    add(c, HygieneTopic::TimeSync, w[2], r);
    return ok();
  }
  // --- syslog
  if (k == "logging" && w.size() == 2 && w[1] == "enable") {
    c.hygiene.logging_enable = r;
    return ok();
  }
  if (k == "no" && w.size() == 3 && w[1] == "logging" && w[2] == "enable") {
    c.hygiene.logging_enable = {};
    return ok();
  }
  if (k == "logging" && w.size() >= 4 && w[1] == "host") {  // logging host IF A [tcp/P] ...
    c.hygiene.log_hosts.push_back({w[3], r});
    return ok();
  }
  if (k == "logging" && w.size() == 3 && w[1] == "trap") {  // a level or a "logging list"
    c.hygiene.trap_level = std::pair{w[2], r};
    c.hygiene.trap_number = level_number(w[2]);
    return ok();
  }
  // The severity of the failed-login message can be changed or the message suppressed.
  if (k == "logging" && w.size() == 5 && w[1] == "message" && w[2] == "605004" && w[3] == "level" &&
      level_number(w[4])) {
    c.hygiene.login_fail_level = *level_number(w[4]);
    return ok();
  }
  if (k == "no" && w.size() == 4 && w[1] == "logging" && w[2] == "message" && w[3] == "605004") {
    c.hygiene.login_fail_off = true;
    return ok();
  }
  // --- lockout and password policy
  if (k == "aaa" && w.size() == 6 && w[1] == "local" && w[2] == "authentication" && w[3] == "attempts" &&
      w[4] == "max-fail" && to_int(w[5])) {
    add(c, HygieneTopic::LoginLockout,
        "local user locked out after " + w[5] + " failures (aaa local authentication attempts max-fail)", r,
        to_int(w[5]));
    return ok();
  }
  if (k == "password-policy" && w.size() == 3 && w[1] == "minimum-length" && to_int(w[2])) {
    add(c, HygieneTopic::PasswordPolicy, "minimum password length (password-policy minimum-length)", r,
        to_int(w[2]));
    return ok();
  }
  // --- authentication events recorded
  if (k == "aaa" && w.size() >= 3 && w[1] == "accounting") {
    const std::string& group = w.back();
    add(c, HygieneTopic::AuthEventLog,
        "aaa accounting " + join(w, 2, w.size() - 1) + " (to server group " + group + ")", r);
    return ok();
  }
  if (k == "aaa" && w.size() >= 3 && w[1] == "authentication" && w[2] == "login-history") {
    add(c, HygieneTopic::AuthEventLog,
        "management login history kept on the device (aaa authentication login-history)", r);
    return ok();
  }
  // aaa authentication ssh|telnet|http|serial|enable console G [LOCAL]
  if (k == "aaa" && w.size() >= 5 && w[1] == "authentication" && w[3] == "console" &&
      (w[2] == "ssh" || w[2] == "telnet" || w[2] == "http" || w[2] == "serial" || w[2] == "enable")) {
    if (w[4] != "LOCAL")
      add(c, HygieneTopic::AuthEventLog,
          w[2] + " logins authenticated by AAA server group " + w[4] + " (the server records them)", r);
    return ok();
  }
  // --- idle timeouts (minutes)
  if ((k == "ssh" || k == "telnet" || k == "console") && w.size() == 3 && w[1] == "timeout" && to_int(w[2])) {
    c.hygiene.timeouts[k] = {*to_int(w[2]), r};
    return ok();
  }
  if (k == "http" && w.size() == 4 && w[1] == "server" && w[2] == "idle-timeout" && to_int(w[3])) {
    c.hygiene.timeouts["http"] = {*to_int(w[3]), r};
    return ok();
  }
  if (k == "http" && w.size() == 4 && w[1] == "server" && w[2] == "session-timeout" && to_int(w[3])) {
    return ok();  // absolute session limit, not an idle timeout
  }
  return false;
}

void finish_hygiene(Ctx& c) {
  auto& h = c.hygiene;
  // Syslog hosts receive messages only with "logging enable" and a "logging trap" level.
  for (const auto& [host, ref] : h.log_hosts) {
    HygieneFact f;
    f.topic = HygieneTopic::RemoteLog;
    f.src_ref = ref;
    if (!h.logging_enable.known()) {
      f.enabled = false;
      f.subject = host + " (no 'logging enable')";
    } else if (!h.trap_level) {
      f.enabled = false;
      f.subject = host + " (no 'logging trap' level)";
    } else {
      f.subject = host;
    }
    c.dev.hygiene.push_back(std::move(f));
  }
  // Failed management logins are syslog message 605004 ("Login denied"), severity 6
  // (informational) unless "logging message 605004 level L" changes it. It reaches the syslog hosts
  // when the trap level includes that severity. A "logging list" trap cannot be read here.
  bool sending = h.logging_enable.known() && h.trap_level && !h.log_hosts.empty();
  if (sending && !h.login_fail_off) {
    HygieneFact f;
    f.topic = HygieneTopic::AuthEventLog;
    f.src_ref = h.trap_level->second;
    const std::string sev = std::to_string(h.login_fail_level);
    if (!h.trap_number) {
      f.subject = "management login failures (syslog 605004) to the syslog hosts";
      f.origin = SettingOrigin::Unknown;
      f.default_source = "'logging trap " + h.trap_level->first +
                         "' names a logging list: whether it includes message 605004 is not read";
      c.dev.hygiene.push_back(std::move(f));
    } else if (*h.trap_number >= h.login_fail_level) {
      f.subject = "management login failures (syslog 605004, severity " + sev +
                  ") sent to the syslog hosts (logging trap " + h.trap_level->first + ")";
      c.dev.hygiene.push_back(std::move(f));
    }
  }
  // Idle timeouts of the management sessions that exist.
  struct Svc {
    const char* key;
    const char* subject;
    bool exists;
    std::optional<int> dflt;
    const char* source;
    SourceRef service;  // the line enabling the service, if any
  };
  const Svc svcs[] = {
      {"console",
       "console",
       true,
       std::nullopt,
       "'console timeout' not set: the ASA default could not be verified in a Cisco document "
       "(commonly given as 0, never)",
       {}},
      {"ssh", "ssh", enabled_service(c, MgmtProtocol::Ssh), 5,
       "CIS Cisco ASA 9.x Firewall Benchmark 1.8.2 (ssh timeout): default session timeout 5 "
       "minutes",
       service_line(c, MgmtProtocol::Ssh)},
      {"telnet", "telnet", enabled_service(c, MgmtProtocol::Telnet), std::nullopt,
       "'telnet timeout' not set: the ASA default could not be verified in a Cisco document "
       "(commonly given as 5 minutes)",
       service_line(c, MgmtProtocol::Telnet)},
      {"http", "http (ASDM/HTTPS)", enabled_service(c, MgmtProtocol::Https), 20,
       "CIS Cisco ASA 9.x Firewall Benchmark 1.8.3 (http server idle-timeout): default 20 "
       "minutes",
       service_line(c, MgmtProtocol::Https)},
  };
  for (const auto& s : svcs) {
    auto it = h.timeouts.find(s.key);
    if (it == h.timeouts.end() && !s.exists) continue;
    HygieneFact f;
    f.topic = HygieneTopic::IdleTimeout;
    f.subject = s.subject;
    if (it != h.timeouts.end()) {
      f.number = it->second.first;
      f.src_ref = it->second.second;
    } else {
      f.origin = s.dflt ? SettingOrigin::VendorDefault : SettingOrigin::Unknown;
      f.number = s.dflt;
      f.default_source = s.source;
      f.src_ref = s.service;
    }
    c.dev.hygiene.push_back(std::move(f));
  }
}

}  // namespace gp::parsers::asa
