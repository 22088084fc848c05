#include "checks/management.h"

#include <set>

#include "checks/exposure_context.h"

namespace gp::checks {

using model::MgmtProtocol;

void check_telnet(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices) {
    std::set<std::string> seen;  // one finding per line
    for (const auto& s : d.services) {
      if (s.protocol != MgmtProtocol::Telnet || !s.enabled) continue;
      SourceRef where = s.src_ref.known() ? s.src_ref : file_ref(d);
      if (!seen.insert(where.str()).second) continue;
      if (s.is_default && s.default_source.empty()) {
        // The release default decides; it changed between releases and platforms and no table
        // of it has been verified, so this is not decided either way.
        Finding f = make_finding(info, d.name, where,
                                 "could not be decided: the configuration does not state whether telnet is "
                                 "accepted, so the release default decides" +
                                     (d.os_version.empty() ? std::string(" (no version stated)")
                                                           : " (version " + d.os_version + ")"));
        f.severity = Severity::Info;
        out.push_back(std::move(f));
        continue;
      }
      if (s.is_default) {
        out.push_back(make_finding(info, d.name, where,
                                   "telnet management is enabled by default (" + s.default_source +
                                       "): passwords and sessions cross the network in clear text"));
        continue;
      }
      std::string scope = s.allowed_interfaces.empty()
                              ? ""
                              : " on " + s.allowed_interfaces.front() +
                                    (s.allowed_interfaces.size() > 1 ? " and others" : "");
      out.push_back(make_finding(info, d.name, where,
                                 "telnet management is enabled" + scope +
                                     ": passwords and sessions cross the network in clear text"));
    }
  }
}

void check_http(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices) {
    bool stated = false;
    for (const auto& s : d.services) {
      if (s.protocol == MgmtProtocol::Http || s.protocol == MgmtProtocol::Https) stated |= s.src_ref.known();
      if (s.protocol != MgmtProtocol::Http || !s.enabled) continue;
      out.push_back(make_finding(info, d.name, s.src_ref.known() ? s.src_ref : file_ref(d),
                                 "the plain-HTTP management server is enabled: credentials and configuration "
                                 "cross the network unencrypted"));
    }
    if (!stated && d.vendor == model::Vendor::CiscoIos) {
      Finding f = make_finding(info, d.name, file_ref(d),
                               "could not be decided: neither 'ip http server' nor 'no ip http server' is in "
                               "the configuration, and the default differs by platform and release");
      f.severity = Severity::Info;
      out.push_back(std::move(f));
    }
  }
}

void check_snmp_v1v2c(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices)
    for (const auto& s : d.services) {
      if (s.protocol != MgmtProtocol::Snmp || !s.version) continue;
      if (*s.version != "v1" && *s.version != "v2c" && *s.version != "v2") continue;
      if (!s.enabled && d.vendor != model::Vendor::CiscoAsa) continue;
      out.push_back(make_finding(info, d.name, s.src_ref.known() ? s.src_ref : file_ref(d),
                                 "SNMP " + *s.version +
                                     " is configured: the community string travels in clear text and "
                                     "authenticates nothing else"));
    }
}

void check_snmpv3_weak(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices) {
    for (const auto& s : d.services) {
      if (s.protocol != MgmtProtocol::Snmp || s.version != std::optional<std::string>("v3")) continue;
      for (const auto& c : s.ciphers) {
        // IOS: "noauth" / "auth" / "priv" (group level); ASA: "group G v3 LEVEL", "user U: auth md5 priv
        // des".
        std::string level = c;
        if (c.rfind("group ", 0) == 0) level = c.substr(c.rfind(' ') + 1);
        std::string why;
        Severity sev = info.severity;
        if (level == "noauth") {
          why = "an SNMPv3 group uses noAuthNoPriv: no authentication and no encryption";
        } else if (level == "auth") {
          why = "an SNMPv3 group uses authNoPriv: no encryption";
          sev = Severity::Medium;
        } else if (c.rfind("user ", 0) == 0) {
          for (const char* weak : {"auth md5", "priv des", "priv 3des"})
            if (c.find(weak) != std::string::npos && (c.size() == c.find(weak) + std::string(weak).size() ||
                                                      c[c.find(weak) + std::string(weak).size()] == ' '))
              why += (why.empty() ? "" : ", ") + std::string(weak);
          if (why.empty()) continue;
          why = "SNMPv3 " + c.substr(0, c.find(':')) + " uses weak algorithms: " + why;
          sev = Severity::Medium;
        } else {
          continue;
        }
        Finding f = make_finding(info, d.name, s.src_ref.known() ? s.src_ref : file_ref(d), why);
        f.severity = sev;
        out.push_back(std::move(f));
      }
    }
    // IOS: the algorithm is recorded on the user's key ("cisco-type-N:md5").
    for (const auto& sec : d.secrets) {
      if (sec.owner.rfind("snmp user ", 0) != 0) continue;
      auto colon = sec.storage_id.rfind(':');
      if (colon == std::string::npos) continue;
      std::string alg = sec.storage_id.substr(colon + 1);
      if (alg != "md5" && alg != "des" && alg != "3des") continue;
      Finding f = make_finding(info, d.name, sec.src_ref, "SNMPv3 " + sec.owner.substr(5) + " uses " + alg);
      f.severity = Severity::Medium;
      out.push_back(std::move(f));
    }
  }
}

void check_mgmt_unrestricted(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices) {
    std::set<std::string> seen;
    for (const auto& s : d.services) {
      if (!s.enabled || !s.allowed_sources.empty() || !s.access_filter.empty()) continue;
      if (s.is_default)
        continue;  // whether anything listens is the release default's: GAP-MGMT-TELNET says so
      if (s.protocol == MgmtProtocol::Tftp) continue;     // GAP-MGMT-TFTP reports the host list
      if (d.vendor == model::Vendor::CiscoAsa) continue;  // ASA lists allowed sources: below
      const bool login = s.protocol == MgmtProtocol::Telnet || s.protocol == MgmtProtocol::Ssh;
      SourceRef where = s.src_ref.known() ? s.src_ref : file_ref(d);
      // One finding per line and setting: a line that opens telnet and ssh at once is one cause.
      std::string what = login && !s.access_setting.empty() ? s.access_setting : protocol_name(s.protocol);
      if (!seen.insert(what + where.str()).second) continue;
      // The setting that would restrict it is named in the dialect's words, from the parser.
      std::string restriction = "no source restriction" +
                                (s.access_setting.empty() ? std::string() : " (" + s.access_setting + ")");
      std::string msg = login ? restriction + ": remote login is accepted from any address"
                        : s.protocol == MgmtProtocol::Snmp ? restriction + ": any address may query SNMP"
                                                           : restriction + ": any address may connect to " +
                                                                 protocol_name(s.protocol) + " management";
      out.push_back(make_finding(info, d.name, where, msg));
    }
    // ASA: "ssh|telnet|http 0.0.0.0 0.0.0.0 NAMEIF" allows every address on that interface.
    for (const auto& s : d.services) {
      if (!s.enabled || s.protocol == MgmtProtocol::Snmp) continue;
      bool any = false;
      for (const auto& a : s.allowed_sources) any |= a.is_any();
      if (!any) continue;
      out.push_back(make_finding(info, d.name, s.src_ref.known() ? s.src_ref : file_ref(d),
                                 std::string(protocol_name(s.protocol)) +
                                     " management is allowed from any address (0.0.0.0 0.0.0.0)"));
    }
  }
}

void check_tftp_config_access(const CheckContext& ctx, const CheckInfo& info, std::vector<Finding>& out) {
  for (const auto& d : ctx.snap.devices)
    for (const auto& s : d.services) {
      if (s.protocol != MgmtProtocol::Tftp || !s.enabled) continue;
      std::string from;
      for (const auto& a : s.allowed_sources) {
        auto len = mask_to_len(~a.wildcard);
        from +=
            (from.empty() ? "" : ", ") + (len ? format_prefix(Prefix{a.addr, *len})
                                              : format_ipv4(a.addr) + " wildcard " + format_ipv4(a.wildcard));
      }
      for (const auto& i : s.allowed_interfaces) from += (from.empty() ? "hosts on " : ", ") + i;
      const bool any = from.empty();
      Finding f = make_finding(info, d.name, s.src_ref.known() ? s.src_ref : file_ref(d),
                               "the configuration can be read and replaced over TFTP (unencrypted, "
                               "protected by the administrator password alone) from " +
                                   (any ? std::string("any address") : from));
      if (!any) f.severity = Severity::Medium;
      out.push_back(std::move(f));
    }
}

}  // namespace gp::checks
