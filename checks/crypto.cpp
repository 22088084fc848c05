#include "checks/crypto.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "checks/data/ssh_algorithms.h"
#include "checks/data/tls_profiles.h"
#include "checks/exposure_context.h"

namespace gp::checks {

using model::MgmtProtocol;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::vector<std::string> words(const std::string& s, const char* seps = " \t;:,\"") {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (std::string_view(seps).find(c) != std::string_view::npos) {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// The first note of `d` starting with `prefix`, with its line.
const std::pair<std::string, SourceRef>* note(const model::Device& d, const std::string& prefix) {
  for (const auto& n : d.notes)
    if (n.first.rfind(prefix, 0) == 0) return &n;
  return nullptr;
}

// Major number of a stated release ("15.1" -> 15, "9.8(2)" -> 9), or -1.
int major_version(const std::string& v) {
  int n = 0;
  size_t i = 0;
  for (; i < v.size() && std::isdigit(static_cast<unsigned char>(v[i])); ++i) n = n * 10 + (v[i] - '0');
  return i == 0 ? -1 : n;
}

}  // namespace

void check_ssh_v1(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices) {
    const model::MgmtService* ssh = nullptr;
    for (const auto& s : d.services)
      if (s.protocol == MgmtProtocol::Ssh && s.enabled && (!ssh || (ssh->is_default && !s.is_default)))
        ssh = &s;
    if (!ssh) continue;
    const auto* n = note(d, "ssh-version ");
    SourceRef where = n ? n->second : ssh->src_ref.known() ? ssh->src_ref : file_ref(d);
    if (ssh->version) {
      const std::string& v = *ssh->version;
      if (v == "2") continue;
      if (v == "1" || v == "1.99" || v == "1 2") {
        out.push_back(make_finding(info, d.name, where,
                                   "SSH protocol version " + v +
                                       " is accepted: SSHv1 is broken (session "
                                       "hijacking, password recovery)"));
      }
      continue;
    }
    // Not stated. Classic IOS (12.x, 15.x) runs "compatibility" mode 1.99, accepting SSHv1,
    // unless "ip ssh version 2" is configured (Catalyst 2960-XR IOS 15 configuration guide, "ip ssh
    // version": without the command the server selects the latest version the client supports, so a
    // v1-only client gets SSHv1); other releases and the ASA vary, so they are not decided.
    int major = major_version(d.os_version);
    if (d.vendor == model::Vendor::CiscoIos && major >= 12 && major <= 15) {
      out.push_back(make_finding(info, d.name, where,
                                 "no 'ip ssh version 2': assumed the IOS " + d.os_version +
                                     " default, compatibility mode 1.99, which accepts SSHv1"));
    } else {
      Finding f = make_finding(
          info, d.name, where,
          "could not be decided: SSH is enabled but no SSH version is stated" +
              (d.os_version.empty() ? std::string(" and neither is the software release")
                                    : " and the default of release " + d.os_version + " is not known here"));
      f.severity = Severity::Info;
      out.push_back(std::move(f));
    }
  }
}

void check_ssh_weak_algorithms(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices) {
    // IOS: notes "ssh-algorithm encryption|mac|kex|hostkey LIST".
    for (const auto& [text, ref] : d.notes) {
      if (text.rfind("ssh-algorithm ", 0) != 0) continue;
      auto w = words(text.substr(14), " ");
      if (w.size() < 2) continue;
      std::string bad;
      for (size_t i = 1; i < w.size(); ++i) {
        std::string why = data::weak_ssh_algorithm(lower(w[i]));
        if (!why.empty()) bad += (bad.empty() ? "" : ", ") + w[i] + " (" + why + ")";
      }
      if (!bad.empty())
        out.push_back(make_finding(info, d.name, ref, "SSH " + w[0] + " algorithms include " + bad));
    }
    // ASA: ciphers "kex:<groups>", "encryption:<level|custom list>", "integrity:<...>".
    for (const auto& s : d.services) {
      if (s.protocol != MgmtProtocol::Ssh) continue;
      for (const auto& c : s.ciphers) {
        auto colon = c.find(':');
        if (colon == std::string::npos) continue;
        std::string kind = c.substr(0, colon);
        auto w = words(c.substr(colon + 1));
        std::string bad;
        for (const auto& x : w) {
          std::string lx = lower(x);
          std::string why = data::weak_ssh_algorithm(lx);
          if (why.empty() && (kind == "encryption" || kind == "integrity") && (lx == "all" || lx == "low"))
            why = "level includes 3DES/CBC or HMAC-MD5/SHA-1";
          if (!why.empty()) bad += (bad.empty() ? "" : ", ") + x + " (" + why + ")";
        }
        if (!bad.empty())
          out.push_back(
              make_finding(info, d.name, s.src_ref.known() ? s.src_ref : file_ref(d),
                           "SSH " + kind + " setting includes " + bad +
                               " (the parser records the setting on the service, not its own line)"));
      }
    }
  }
}

namespace {

// One TLS service (HTTPS management, an SSL-VPN portal) against the profile: the lowest version
// it accepts, at the setting that allows it, and its cipher suites.
struct TlsService {
  std::string label;                    // "HTTPS management", "SSL-VPN ssl-vpn"
  std::optional<std::string> versions;  // lowest first
  SourceRef versions_ref;               // the setting (or the service line)
  std::string versions_default;         // not configured: the default assumed and its source
  std::string versions_unknown;         // not configured, default not known: why
  const std::vector<std::string>* ciphers = nullptr;
  SourceRef ciphers_ref;
};

void judge_tls(const model::Device& d, const TlsService& t, const CheckInfo& info,
               std::vector<Finding>& out) {
  const data::TlsProfile* prof = data::tls_profile(data::kTlsProfile);
  if (!prof) return;
  std::set<std::string> allowed;
  for (const char* c : prof->ciphers) allowed.insert(data::suite_class(c));
  auto version_ok = [&](const std::string& v) {
    for (const char* p : prof->versions)
      if (v == p) return true;
    return false;
  };
  const std::string pname = prof->name;
  const auto& v = t.versions;
  if (v) {
    auto w = words(*v, " ");
    std::string canon = w.empty() ? "" : data::canonical_tls_version(w[0]);
    std::string from = t.versions_default.empty()
                           ? "setting '" + *v + "'"
                           : "not configured: assumed " + t.versions_default + ", '" + *v + "'";
    if (!canon.empty() && !version_ok(canon))
      out.push_back(make_finding(info, d.name, t.versions_ref,
                                 t.label + " accepts " + canon + " (" + from + "); profile " + pname +
                                     " requires TLSv1.2 or later"));
  } else {
    Finding f =
        make_finding(info, d.name, t.versions_ref,
                     "could not be decided: " + t.label + " is on and no minimum TLS version is stated, so " +
                         (t.versions_unknown.empty() ? "the release default applies" : t.versions_unknown) +
                         (d.os_version.empty() ? std::string() : " (" + d.os_version + ")"));
    f.severity = Severity::Info;
    out.push_back(std::move(f));
  }
  // Cipher suites.
  std::string bad;
  for (const auto& c : *t.ciphers) {
    auto w = words(c);
    if (w.empty()) continue;
    if (w[0].rfind("dh-group", 0) == 0 || w[0].rfind("ecdh-group", 0) == 0) {
      for (size_t i = 1; i < w.size(); ++i)
        if (w[i] == "group1" || w[i] == "group2" || w[i] == "group5" || w[i] == "group24")
          bad += (bad.empty() ? "" : ", ") + std::string("DH ") + w[i];
      continue;
    }
    size_t from = 0;
    if (w[0] == "encryption")
      from = 1;  // ASA 8.x list
    else if (!data::canonical_tls_version(w[0]).empty() || w[0] == "default" || w[0] == "dtlsv1" ||
             w[0] == "dtlsv1.2")
      from = 1;  // ASA "ssl cipher VERSION LEVEL|custom LIST"
    for (size_t i = from; i < w.size(); ++i) {
      std::string x = lower(w[i]);
      if (x == "custom" || x == "high" || x == "fips") continue;
      if (x == "all" || x == "low" || x == "medium") {
        bad += (bad.empty() ? "" : ", ") + std::string("level '") + x + "'";
        continue;
      }
      std::string cls = data::suite_class(x);
      if (!allowed.count(cls)) bad += (bad.empty() ? "" : ", ") + w[i] + " (" + cls + ")";
    }
  }
  if (!bad.empty())
    out.push_back(make_finding(info, d.name, t.ciphers_ref,
                               t.label + " offers cipher suites outside profile " + pname + ": " + bad));
}

}  // namespace

void check_tls_weak(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices) {
    for (const auto& s : d.services) {
      if (s.protocol != MgmtProtocol::Https || !s.enabled) continue;
      TlsService t;
      t.label = "HTTPS management";
      SourceRef svc = s.src_ref.known() ? s.src_ref : file_ref(d);
      // Version: IOS leaves a note with its line; other parsers the value (and its line) on the service.
      const auto* n = note(d, "ip http tls-version ");
      t.versions = s.version;
      t.versions_ref = s.version_ref.known() ? s.version_ref : svc;
      t.versions_default = s.version_default;
      if (n) {
        t.versions = n->first.substr(20);
        t.versions_ref = n->second;
        t.versions_default.clear();
      }
      t.ciphers = &s.ciphers;
      t.ciphers_ref = svc;
      judge_tls(d, t, info, out);
    }
    // SSL-VPN portals: a TLS service of their own, with their own settings.
    for (const auto& v : d.vpns) {
      if (!v.tls) continue;
      TlsService t;
      t.label = "SSL-VPN " + v.name;
      SourceRef vpn = v.src_ref.known() ? v.src_ref : file_ref(d);
      t.versions = v.tls->versions;
      t.versions_ref = v.tls->versions_ref.known() ? v.tls->versions_ref : vpn;
      t.versions_default = v.tls->versions_default;
      t.versions_unknown = v.tls->versions_unknown;
      t.ciphers = &v.tls->ciphers;
      t.ciphers_ref = v.tls->ciphers_ref.known() ? v.tls->ciphers_ref : vpn;
      judge_tls(d, t, info, out);
    }
  }
}

std::string weak_ike_terms(const std::string& proposal) {
  static const std::set<std::string> kWeak = {
      "des",  "esp-des", "3des",   "esp-3des", "md5",     "esp-md5-hmac", "ah-md5-hmac", "esp-null",
      "null", "group1",  "group2", "group5",   "modp768", "modp1024",     "modp1536"};
  auto w = words(lower(proposal));
  std::vector<std::string> bad;
  auto add = [&](const std::string& x) {
    if (std::find(bad.begin(), bad.end(), x) == bad.end()) bad.push_back(x);
  };
  for (size_t i = 0; i < w.size(); ++i) {
    if (kWeak.count(w[i])) add(w[i]);
    if (w[i] == "group")
      for (size_t j = i + 1; j < w.size() && std::all_of(w[j].begin(), w[j].end(), ::isdigit); ++j)
        if (w[j] == "1" || w[j] == "2" || w[j] == "5") add("DH group " + w[j]);
  }
  std::string out;
  for (const auto& b : bad) out += (out.empty() ? "" : ", ") + b;
  return out;
}

// The weak ones among vendor-neutral algorithm names (model::VpnProposal::algorithms).
std::string weak_algorithms(const std::vector<std::string>& algorithms) {
  static const std::map<std::string, const char*> kWeak = {{"des", "DES"},
                                                           {"3des", "3DES"},
                                                           {"md5", "MD5"},
                                                           {"null", "no encryption"},
                                                           {"modp768", "DH group 1"},
                                                           {"modp1024", "DH group 2"},
                                                           {"modp1536", "DH group 5"}};
  std::string out;
  std::set<std::string> done;
  for (const auto& a : algorithms) {
    auto it = kWeak.find(a);
    if (it == kWeak.end() || !done.insert(a).second) continue;
    out += (out.empty() ? "" : ", ") + std::string(it->second);
  }
  return out;
}

void check_ike_weak(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices) {
    // A proposal several VPNs use (global IKE policies, one gateway for two tunnels) is one cause,
    // reported once at the line that defines it.
    std::set<std::string> seen;
    for (const auto& v : d.vpns)
      for (const auto& p : v.proposals) {
        std::string bad = p.algorithms.empty() ? weak_ike_terms(p.text) : weak_algorithms(p.algorithms);
        SourceRef where = p.src_ref.known() ? p.src_ref : v.src_ref.known() ? v.src_ref : file_ref(d);
        if (bad.empty() || !seen.insert(p.text + "@" + where.str()).second) continue;
        std::string msg = "VPN " + v.name + " proposal '" + p.text + "' uses " + bad;
        if (!p.assumed_default.empty()) msg += " (not configured: " + p.assumed_default + ")";
        out.push_back(make_finding(info, d.name, where, msg));
      }
  }
}

}  // namespace gp::checks
