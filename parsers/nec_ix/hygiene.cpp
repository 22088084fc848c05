// Operational settings: NTP servers, syslog collectors; the topics the NEC documents we read do
// not cover, stated as unknown.
#include "parsers/nec_ix/internal.h"

namespace gp::parsers::nec {

// NTP servers the clock follows and syslog collectors; false for anything else.
bool hygiene_global(Ctx& c, const ConfigLine& l, const Words& w) {
  std::string k0 = lower(w[0]), k1 = w.size() > 1 ? lower(w[1]) : "";
  SourceRef r = c.ref(l);
  if (k0 == "ntp" && k1 == "server" && w.size() >= 3 && l.children.empty()) {
    model::HygieneFact f;
    f.topic = model::HygieneTopic::TimeSync;
    f.subject = w[2];
    f.src_ref = r;
    c.dev.hygiene.push_back(f);
    ++c.recognised;
    return true;
  }
  if (k0 == "syslog" && k1 == "ip" && w.size() >= 3 && l.children.empty()) {
    std::string k2 = lower(w[2]);
    if (k2 == "enable" && w.size() == 3) {
      c.syslog_enable = r;
      ++c.recognised;
      return true;
    }
    if (k2 == "host" && w.size() >= 4) {
      c.syslog_hosts.push_back({w[3], r});
      ++c.recognised;
      return true;
    }
  }
  return false;
}

// Hygiene facts completed at the end: syslog hosts (sent with "syslog ip enable"), and the topics
// the NEC references we could read do not document (one Unknown fact each).
void finish_hygiene(Ctx& c) {
  for (const auto& [host, ref] : c.syslog_hosts) {
    model::HygieneFact f;
    f.topic = model::HygieneTopic::RemoteLog;
    f.src_ref = ref;
    if (c.syslog_enable.known()) {
      f.subject = host;
    } else {
      f.subject = host + " (no 'syslog ip enable' line)";
      f.enabled = false;
      f.origin = model::SettingOrigin::Unknown;
      f.default_source =
          "NEC IX: whether 'syslog ip host' sends without 'syslog ip enable' is not documented in "
          "the sources we could read";
    }
    c.dev.hygiene.push_back(f);
  }
  auto unknown = [&](model::HygieneTopic t, const std::string& subject, const std::string& why) {
    model::HygieneFact f;
    f.topic = t;
    f.subject = subject;
    f.origin = model::SettingOrigin::Unknown;
    f.default_source = why;
    c.dev.hygiene.push_back(f);
  };
  unknown(model::HygieneTopic::LoginLockout, "login lockout after failed logins",
          "NEC IX: no login lockout setting found in the syntax notes or public documents we could read");
  unknown(model::HygieneTopic::PasswordPolicy, "password minimum length",
          "NEC IX: no password length policy found in the syntax notes or public documents we could read");
  unknown(model::HygieneTopic::AuthEventLog, "login successes and failures",
          "NEC IX: which logging subsystem and level record logins is not documented in what we could read");
  unknown(model::HygieneTopic::IdleTimeout, "console, telnet, ssh and http sessions",
          "NEC IX: session idle timeout commands and defaults not documented in what we could read");
}

}  // namespace gp::parsers::nec
