// Operational hygiene (model::HygieneFact): NTP/SNTP sources, remote syslog hosts, login lockout,
// minimum password length, authentication-event recording (login on-failure/on-success log, AAA
// accounting, logins authenticated by a server), and idle timeouts of the lines and the HTTP
// server. Lines read here were formerly in the "deliberately ignored" table (ntp, logging, login,
// security passwords, aaa): they are now recognised.
#include <cctype>

#include "parsers/cisco_ios/ios_internal.h"

namespace gp::parsers::ios {

using model::HygieneFact;
using model::HygieneTopic;
using model::SettingOrigin;

namespace {

// Documented default of the line idle timeout (verified: the IOS command reference entry for
// exec-timeout, "Default 10 minutes", "exec-timeout 0" = no timeout).
constexpr int kExecTimeoutDefault = 10;
constexpr const char* kExecTimeoutSource =
    "Cisco IOS command reference, exec-timeout (line configuration): default 10 minutes";

void add(Ctx& c, HygieneTopic t, std::string subject, const SourceRef& r,
         std::optional<int> number = std::nullopt, bool enabled = true) {
  HygieneFact f;
  f.topic = t;
  f.subject = std::move(subject);
  f.number = number;
  f.enabled = enabled;
  f.origin = SettingOrigin::Configured;
  f.src_ref = r;
  c.dev.hygiene.push_back(std::move(f));
}

bool is_server_method(const std::string& m) {
  std::string x = lower(m);
  return x == "group" || x == "tacacs+" || x == "radius";
}

// "aaa accounting exec default start-stop group G" or the block form with "action-type" and
// "group" children. Returns a fact (enabled=false when the method is "none").
void aaa_accounting(Ctx& c, const ConfigLine& l, const Words& w) {
  // aaa accounting <type> [level] <list> [action] [broadcast] [group G]...
  std::string what = lower(w[2]);
  size_t i = 3;
  if (what == "commands" && i < w.size() && to_int(w[i])) what += " " + w[i++];
  if (what == "update" || what == "send" || what == "suppress" || what == "delay-start" ||
      what == "session-duration" || what == "nested" || what == "redundancy" || what == "jitter" ||
      what == "gigawords" || what == "include" || what == "exclude" || what == "throttle" ||
      what == "system" || what == "resource") {
    c.recognise_tree(l);  // accounting tuning or system events: not authentication events
    return;
  }
  std::string list = i < w.size() ? w[i++] : "";
  std::string action, group;
  for (; i < w.size(); ++i) {
    std::string x = lower(w[i]);
    if (x == "start-stop" || x == "stop-only" || x == "none" || x == "wait-start")
      action = x;
    else if (x == "group" && i + 1 < w.size() && group.empty())
      group = w[++i];
    else if ((x == "tacacs+" || x == "radius") && group.empty())
      group = x;
  }
  for (const auto& ch : l.children) {  // block form
    Words cw = split_words(ch.text);
    if (starts_with(cw, {"action-type"}) && cw.size() >= 2) action = lower(cw[1]);
    if (starts_with(cw, {"group"}) && cw.size() >= 2 && group.empty()) group = cw[1];
  }
  c.recognise_tree(l);
  bool on = action != "none" && !group.empty();
  std::string subject = "aaa accounting " + what + (list.empty() ? "" : " " + list);
  if (on)
    subject += " (" + action + " to server group " + group + ")";
  else
    subject += action == "none" ? " (method none: not recorded)" : " (no server group: not recorded)";
  add(c, HygieneTopic::AuthEventLog, subject, c.ref(l), std::nullopt, on);
}

// exec-timeout M [S] -> minutes, seconds rounded up; 0 0 = never.
std::optional<int> exec_timeout_minutes(const Words& cw) {
  if (cw.size() < 2) return std::nullopt;
  auto m = to_int(cw[1]);
  if (!m) return std::nullopt;
  int s = 0;
  if (cw.size() >= 3) {
    auto sv = to_int(cw[2]);
    if (!sv) return std::nullopt;
    s = *sv;
  }
  return *m + (s + 59) / 60;
}

}  // namespace

void line_idle_timeout(Ctx& c, const ConfigLine& l, const std::string& name) {
  for (const auto& ch : l.children) {
    Words cw = split_words(ch.text);
    if (starts_with(cw, {"exec-timeout"})) {
      if (auto n = exec_timeout_minutes(cw)) {
        add(c, HygieneTopic::IdleTimeout, name, c.ref(ch), *n);
        return;
      }
    }
    if (starts_with(cw, {"no", "exec-timeout"})) {  // same as exec-timeout 0: never
      add(c, HygieneTopic::IdleTimeout, name, c.ref(ch), 0);
      return;
    }
  }
  HygieneFact f;
  f.topic = HygieneTopic::IdleTimeout;
  f.subject = name;
  f.number = kExecTimeoutDefault;
  f.origin = SettingOrigin::VendorDefault;
  f.default_source = kExecTimeoutSource;
  f.src_ref = c.ref(l);  // the line block the default applies to
  c.dev.hygiene.push_back(std::move(f));
}

bool parse_hygiene_global(Ctx& c, const ConfigLine& l, const Words& w) {
  auto is = [&](std::initializer_list<const char*> p) { return starts_with(w, p); };
  const SourceRef r = c.ref(l);
  // --- time synchronisation
  if ((is({"ntp", "server"}) || is({"ntp", "peer"}) || is({"sntp", "server"})) && w.size() >= 3) {
    size_t i = 2;
    if (lower(w[i]) == "vrf" && i + 2 < w.size()) i += 2;
    if ((lower(w[i]) == "ip" || lower(w[i]) == "ipv6") && i + 1 < w.size()) ++i;
    add(c, HygieneTopic::TimeSync, w[i], r);
    c.recognised(l);
    return true;
  }
  // --- remote syslog
  if (is({"logging", "host"}) && w.size() >= 3) {
    size_t i = 2;
    if ((lower(w[i]) == "ipv6") && i + 1 < w.size()) ++i;
    add(c, HygieneTopic::RemoteLog, w[i], r);
    c.hygiene_log_hosts.push_back(c.dev.hygiene.size() - 1);
    c.recognised(l);
    return true;
  }
  if (is({"logging"}) && w.size() >= 2 && parse_ipv4(w[1])) {  // old form "logging A.B.C.D"
    add(c, HygieneTopic::RemoteLog, w[1], r);
    c.hygiene_log_hosts.push_back(c.dev.hygiene.size() - 1);
    c.recognised(l);
    return true;
  }
  if (is({"no", "logging", "on"}) && w.size() == 3) {
    c.logging_off = r;
    c.recognised(l);
    return true;
  }
  if (is({"no", "logging", "trap"}) && w.size() == 3) {
    c.logging_trap_off = r;
    c.recognised(l);
    return true;
  }
  // --- lockout after failed logins
  if (is({"login", "block-for"}) && w.size() >= 7 && lower(w[3]) == "attempts" && lower(w[5]) == "within") {
    auto secs = to_int(w[2]);
    auto attempts = to_int(w[4]);
    auto within = to_int(w[6]);
    if (secs && attempts && within) {
      add(c, HygieneTopic::LoginLockout,
          "logins blocked for " + w[2] + " s after " + w[4] + " failures within " + w[6] +
              " s (login block-for)",
          r, *attempts);
      c.recognised(l);
      return true;
    }
    return false;
  }
  if (is({"login", "delay"}) && w.size() == 3 && to_int(w[2])) {
    add(c, HygieneTopic::LoginLockout, "delay of " + w[2] + " s between login attempts (login delay)", r);
    c.recognised(l);
    return true;
  }
  if (is({"security", "authentication", "failure", "rate"}) && w.size() >= 5 && to_int(w[4])) {
    add(c, HygieneTopic::LoginLockout,
        "logins delayed after " + w[4] + " failures a minute (security authentication failure rate)", r,
        *to_int(w[4]));
    c.recognised(l);
    return true;
  }
  if (is({"aaa", "local", "authentication", "attempts", "max-fail"}) && w.size() == 6 && to_int(w[5])) {
    add(c, HygieneTopic::LoginLockout,
        "local user locked out after " + w[5] +
            " failures (aaa local authentication attempts "
            "max-fail)",
        r, *to_int(w[5]));
    c.recognised(l);
    return true;
  }
  // --- password policy
  if (is({"security", "passwords", "min-length"}) && w.size() == 4 && to_int(w[3])) {
    add(c, HygieneTopic::PasswordPolicy, "minimum password length (security passwords min-length)", r,
        *to_int(w[3]));
    c.recognised(l);
    return true;
  }
  // --- authentication events recorded
  if (is({"login", "on-failure", "log"})) {
    add(c, HygieneTopic::AuthEventLog, "login failures (login on-failure log)", r);
    c.recognised(l);
    return true;
  }
  if (is({"login", "on-success", "log"})) {
    add(c, HygieneTopic::AuthEventLog, "login successes (login on-success log)", r);
    c.recognised(l);
    return true;
  }
  if (is({"aaa", "accounting"}) && w.size() >= 3) {
    aaa_accounting(c, l, w);
    return true;
  }
  if (is({"aaa", "authentication", "login"}) && w.size() >= 5) {
    // The first method decides: a server group first means the server sees (and records)
    // every login; "local" or "line" first means it is consulted only if those are unavailable.
    const std::string& list = w[3];
    const std::string& first = w[4];
    if (is_server_method(first)) {
      std::string group = lower(first) == "group" && w.size() >= 6 ? w[5] : first;
      add(c, HygieneTopic::AuthEventLog,
          "logins on list " + list + " authenticated by AAA server group " + group +
              " (the server records them)",
          r);
    }
    c.recognised(l);
    return true;
  }
  // --- HTTP server idle timeout: applied to the HTTP(S) services in finish_hygiene
  if (is({"ip", "http", "timeout-policy"})) {
    for (size_t i = 3; i + 1 < w.size(); ++i)
      if (lower(w[i]) == "idle")
        if (auto s = to_int(w[i + 1])) c.http_idle = {(*s + 59) / 60, r};
    c.recognised(l);
    return true;
  }
  return false;
}

void finish_hygiene(Ctx& c) {
  // Remote syslog hosts stop receiving when logging is off or the trap level is removed.
  for (size_t idx : c.hygiene_log_hosts) {
    auto& f = c.dev.hygiene[idx];
    if (c.logging_off.line) {
      f.enabled = false;
      f.subject += " (logging disabled by 'no logging on')";
    } else if (c.logging_trap_off.line) {
      f.enabled = false;
      f.subject += " ('no logging trap': nothing sent to syslog hosts)";
    }
  }
  // Lines that exist on every device even when the file has no block for them.
  if (!c.console_seen) {
    HygieneFact f;
    f.topic = HygieneTopic::IdleTimeout;
    f.subject = "line con 0 (not in the config)";
    f.number = kExecTimeoutDefault;
    f.origin = SettingOrigin::VendorDefault;
    f.default_source = kExecTimeoutSource;
    c.dev.hygiene.push_back(std::move(f));
  }
  if (!c.vty_seen) {
    HygieneFact f;
    f.topic = HygieneTopic::IdleTimeout;
    f.subject = "line vty (not in the config)";
    f.number = kExecTimeoutDefault;
    f.origin = SettingOrigin::VendorDefault;
    f.default_source = kExecTimeoutSource;
    c.dev.hygiene.push_back(std::move(f));
  }
  // HTTP(S) server: the timeout policy when stated; the default is not documented in a source we
  // could verify, so it is Unknown.
  for (const auto& s : c.dev.services) {
    if (!s.enabled || s.is_default) continue;
    if (s.protocol != model::MgmtProtocol::Http && s.protocol != model::MgmtProtocol::Https) continue;
    const std::string subject = s.protocol == model::MgmtProtocol::Http ? "http" : "https";
    HygieneFact f;
    f.topic = HygieneTopic::IdleTimeout;
    f.subject = subject;
    if (c.http_idle.second.line) {
      f.number = c.http_idle.first;
      f.src_ref = c.http_idle.second;
    } else {
      f.origin = SettingOrigin::Unknown;
      f.default_source =
          "no 'ip http timeout-policy': the IOS default idle time of the HTTP server could not "
          "be verified in a Cisco document";
      f.src_ref = s.src_ref;  // the "ip http (secure-)server" line
    }
    c.dev.hygiene.push_back(std::move(f));
  }
}

// Cisco type 7: a two-digit offset into a fixed key, then hex bytes XORed with the key.
std::optional<std::string> decode_type7(std::string_view enc) {
  static const std::string_view kXlat = "dsfd;kfoA,.iyewrkldJKDHSUBsgvca69834ncxv9873254k;fg87";
  if (enc.size() < 4 || enc.size() % 2 != 0) return std::nullopt;
  if (!std::isdigit(static_cast<unsigned char>(enc[0])) || !std::isdigit(static_cast<unsigned char>(enc[1])))
    return std::nullopt;
  size_t seed = static_cast<size_t>((enc[0] - '0') * 10 + (enc[1] - '0'));
  if (seed >= kXlat.size()) return std::nullopt;
  auto hex = [](char ch) -> int {
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
  };
  std::string out;
  for (size_t i = 2; i + 1 < enc.size(); i += 2) {
    int hi = hex(enc[i]), lo = hex(enc[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>((hi * 16 + lo) ^ kXlat[(seed + (i - 2) / 2) % kXlat.size()]);
  }
  return out;
}

}  // namespace gp::parsers::ios
