// Operational settings: time synchronisation (schedule ntpdate), syslog hosts, login timers,
// RADIUS logins; the topics the Command Reference leaves undocumented, stated as unknown.
#include "parsers/yamaha_rtx/internal.h"

namespace gp::parsers::rtx {

model::HygieneFact hygiene_fact(model::HygieneTopic t, const std::string& subject, const SourceRef& r) {
  model::HygieneFact f;
  f.topic = t;
  f.subject = subject;
  f.src_ref = r;
  return f;
}

// "schedule at ID [DATE] TIME * ntpdate SERVER [syslog]" -> SERVER. The "*" (no PP selected)
// separates the timing from the command.
std::optional<std::string> scheduled_ntpdate(const Words& w) {
  if (w.size() < 6 || lower(w[1]) != "at") return std::nullopt;
  for (size_t i = 3; i + 2 < w.size(); ++i)
    if (w[i] == "*" && lower(w[i + 1]) == "ntpdate") return w[i + 2];
  return std::nullopt;
}

// Hygiene topics the configuration left to the defaults. No "ntpdate" schedule: the clock is not
// synchronised (ntpdate is a command that runs only when executed, Command Reference §4.17); no
// "syslog host": nothing is sent (no default host, §4.25).
void finish_hygiene(Ctx& c) {
  auto unknown = [&](model::HygieneTopic t, const std::string& subject, const std::string& why) {
    model::HygieneFact f;
    f.topic = t;
    f.subject = subject;
    f.origin = model::SettingOrigin::Unknown;
    f.default_source = why;
    c.dev.hygiene.push_back(f);
  };
  if (!c.login_timer) {
    for (const char* svc : {"console", "telnet", "ssh"}) {
      model::HygieneFact f;
      f.topic = model::HygieneTopic::IdleTimeout;
      f.subject = std::string(svc) + " (login timer)";
      f.number = 5;
      f.origin = model::SettingOrigin::VendorDefault;
      f.default_source =
          "Yamaha RTX Command Reference Rev.23.02.02 §4.53 login timer: initial value 300 seconds";
      c.dev.hygiene.push_back(f);
    }
  }
  unknown(
      model::HygieneTopic::LoginLockout, "login lockout after failed logins",
      "Yamaha RTX: no documented login lockout or back-off setting in the Command Reference chapters read");
  unknown(model::HygieneTopic::PasswordPolicy, "password minimum length",
          "Yamaha RTX: no documented password length policy (passwords are 1..32 characters, §4.3)");
  bool radius = false;
  for (const auto& f : c.dev.hygiene) radius |= f.topic == model::HygieneTopic::AuthEventLog;
  if (!radius)
    unknown(model::HygieneTopic::AuthEventLog, "login successes and failures",
            "Yamaha RTX: which syslog level records logins is not documented in what we read "
            "(INFO messages are kept in the device and sent to the syslog host while 'syslog info on')");
}

// schedule/ntpdate time sync, syslog hosts, login timers, RADIUS logins; none for anything else.
std::optional<Res> hygiene_statement(Ctx& c, const Line& l, const Words& w) {
  SourceRef r = c.ref(l);
  std::string w0 = lower(w[0]);
  std::string w1 = w.size() > 1 ? lower(w[1]) : "";
  if (w0 == "schedule") {
    // schedule at ID [DATE] TIME * COMMAND...: a periodic "ntpdate SERVER" is the RTX time sync.
    if (auto server = scheduled_ntpdate(w)) {
      c.dev.hygiene.push_back(
          hygiene_fact(model::HygieneTopic::TimeSync, *server + " (schedule: ntpdate)", r));
      return Res::Recognised;
    }
    c.note("schedule line not evaluated: its tail is itself a command run later (" +
               quote_config_text(l.text) + ")",
           r);
    return Res::Ignored;
  }
  if (w0 == "ntpdate" && w.size() >= 2) {
    // Run once when the configuration is loaded (at start-up): no periodic synchronisation.
    c.dev.hygiene.push_back(
        hygiene_fact(model::HygieneTopic::TimeSync, w[1] + " (ntpdate once at start-up, no schedule)", r));
    return Res::Recognised;
  }
  if (w0 == "syslog" && w1 == "host" && w.size() >= 3) {
    // Up to four collectors on one line (Command Reference §4.25).
    for (size_t i = 2; i < w.size(); ++i)
      c.dev.hygiene.push_back(hygiene_fact(model::HygieneTopic::RemoteLog, w[i], r));
    return Res::Recognised;
  }
  if (w0 == "login" && w1 == "timer" && w.size() == 3) {
    // Seconds without key input before logout, 120..21474836; "clear": no timer, but TELNET, SSH,
    // SFTP and HTTP sessions then still use 300 s (Command Reference §4.53).
    const bool clear = lower(w[2]) == "clear";
    auto secs = num(w[2]);
    if (!clear && (!secs || *secs < 120 || *secs > 21474836)) return Res::Unrecognised;
    for (const char* svc : {"console", "telnet", "ssh"}) {
      const bool console = std::string(svc) == "console";
      auto f = hygiene_fact(model::HygieneTopic::IdleTimeout, std::string(svc) + " (login timer)", r);
      f.number = !clear ? static_cast<int>((*secs + 59) / 60) : console ? 0 : 5;
      if (clear && !console)
        f.default_source =
            "login timer clear: network sessions still time out after 300 s (Yamaha RTX Command "
            "Reference Rev.23.02.02 §4.53)";
      c.dev.hygiene.push_back(f);
    }
    c.login_timer = true;
    return Res::Recognised;
  }
  if (w0 == "user" && w1 == "attribute" && w.size() >= 4) {
    // A user's own login-timer=N overrides "login timer" (Command Reference §4.10); "clear" keeps
    // 300 s on network sessions, so only the console never times out.
    for (size_t i = 3; i < w.size(); ++i) {
      std::string a = lower(w[i]);
      if (a.rfind("login-timer=", 0) != 0) continue;
      std::string v = a.substr(12);
      auto secs = num(v);
      if (v != "clear" && (!secs || *secs < 120 || *secs > 21474836)) return Res::Ignored;  // not a timer
      auto f = hygiene_fact(
          model::HygieneTopic::IdleTimeout,
          "user " + w[2] + " (user attribute login-timer" + (v == "clear" ? "=clear: console" : "") + ")", r);
      f.number = v == "clear" ? 0 : static_cast<int>((*secs + 59) / 60);
      c.dev.hygiene.push_back(f);
      return Res::Recognised;
    }
    return Res::Ignored;
  }
  if (w0 == "login" && w1 == "radius" && w.size() == 4 && lower(w[2]) == "use") {
    if (lower(w[3]) == "on")
      c.dev.hygiene.push_back(
          hygiene_fact(model::HygieneTopic::AuthEventLog,
                       "logins authenticated by a RADIUS server (the server records them)", r));
    return Res::Recognised;
  }
  return std::nullopt;
}

}  // namespace gp::parsers::rtx
