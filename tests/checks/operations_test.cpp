// Operational-hygiene and remote-access checks read model::Device::hygiene and model::Vpn facts.
// These tests build the facts directly, so they pin the checks' logic independently of any parser;
// the parsers' own tests pin which lines produce which facts.
#include "checks/operations.h"

#include "checks_helpers.h"

using namespace gp;
using namespace gp::test::chk;
using checks::Severity;
using model::HygieneFact;
using model::HygieneTopic;
using model::SettingOrigin;

namespace {

model::Device bare(const std::string& name = "r1") {
  model::Device d;
  d.name = name;
  d.file = "configs/" + name + ".cfg";
  d.total_lines = 10;
  return d;
}

HygieneFact fact(HygieneTopic t, std::string subject, int line, std::optional<int> number = {},
                 bool enabled = true) {
  HygieneFact f;
  f.topic = t;
  f.subject = std::move(subject);
  f.number = number;
  f.enabled = enabled;
  f.src_ref = SourceRef{"configs/r1.cfg", line, 0};
  return f;
}

HygieneFact unknown(HygieneTopic t, std::string why) {
  HygieneFact f;
  f.topic = t;
  f.subject = "this setting";
  f.origin = SettingOrigin::Unknown;
  f.default_source = std::move(why);
  return f;
}

}  // namespace

TEST_CASE("presence checks: pass with a source, fail on the file without one, Info when unknown",
          "[checks][operations]") {
  struct Case {
    const char* id;
    HygieneTopic topic;
  };
  for (auto c : {Case{"GAP-HYGIENE-NTP", HygieneTopic::TimeSync},
                 Case{"GAP-HYGIENE-REMOTE-LOG", HygieneTopic::RemoteLog},
                 Case{"GAP-AUTH-LOCKOUT", HygieneTopic::LoginLockout},
                 Case{"GAP-AUTH-EVENT-LOG", HygieneTopic::AuthEventLog}}) {
    INFO(c.id);
    auto with = bare();
    with.hygiene.push_back(fact(c.topic, "10.0.0.1", 3));
    CHECK(run(c.id, snap_of({with})).empty());

    auto none = run(c.id, snap_of({bare()}));
    REQUIRE(none.size() == 1);
    CHECK(none[0].where.file == "configs/r1.cfg");
    CHECK(none[0].where.line == 0);  // the whole file: nothing in it says so
    CHECK(none[0].severity == Severity::Medium);

    auto off = bare();
    off.hygiene.push_back(fact(c.topic, "10.0.0.1", 7, {}, false));
    auto offs = run(c.id, snap_of({off}));
    REQUIRE(offs.size() == 1);
    CHECK(offs[0].where.line == 7);  // the line that is not in effect
    CHECK(offs[0].message.find("not in effect") != std::string::npos);

    auto unk = bare();
    unk.hygiene.push_back(unknown(c.topic, "no documented default"));
    auto us = run(c.id, snap_of({unk}));
    REQUIRE(us.size() == 1);
    CHECK(us[0].severity == Severity::Info);
    CHECK(us[0].message.rfind("could not be decided", 0) == 0);

    // One enabled source is enough even next to one that is off.
    off.hygiene.push_back(fact(c.topic, "10.0.0.2", 8));
    CHECK(run(c.id, snap_of({off})).empty());
  }
}

TEST_CASE("GAP-MGMT-IDLE-TIMEOUT: never and long timeouts, defaults named", "[checks][operations]") {
  auto d = bare();
  d.hygiene.push_back(fact(HygieneTopic::IdleTimeout, "line con 0", 4, 0));
  d.hygiene.push_back(fact(HygieneTopic::IdleTimeout, "line vty 0 4", 9, 30));
  d.hygiene.push_back(fact(HygieneTopic::IdleTimeout, "line aux 0", 6, 10));  // at the limit: fine
  auto def = fact(HygieneTopic::IdleTimeout, "console", 0, 0);
  def.origin = SettingOrigin::VendorDefault;
  def.default_source = "vendor command reference";
  def.src_ref = {};
  d.hygiene.push_back(def);
  auto fs = run("GAP-MGMT-IDLE-TIMEOUT", snap_of({d}));
  REQUIRE(fs.size() == 3);
  CHECK(at(fs, "configs/r1.cfg", 4) == 1);
  CHECK(at(fs, "configs/r1.cfg", 9) == 1);
  CHECK(fs[1].message.find("30 minutes") != std::string::npos);
  CHECK(fs[2].where.line == 0);
  CHECK(fs[2].message.find("vendor default: vendor command reference") != std::string::npos);
  CHECK(run("GAP-MGMT-IDLE-TIMEOUT", snap_of({bare()})).empty());  // nothing known: no claim
}

TEST_CASE("GAP-CRED-PASSWORD-LENGTH only where a policy is configured", "[checks][operations]") {
  auto d = bare();
  d.hygiene.push_back(fact(HygieneTopic::PasswordPolicy, "minimum length", 5, 6));
  auto fs = run("GAP-CRED-PASSWORD-LENGTH", snap_of({d}));
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].where.line == 5);
  CHECK(fs[0].severity == Severity::Low);
  auto ok = bare();
  ok.hygiene.push_back(fact(HygieneTopic::PasswordPolicy, "minimum length", 5, checks::kPasswordMinLength));
  CHECK(run("GAP-CRED-PASSWORD-LENGTH", snap_of({ok})).empty());
  CHECK(run("GAP-CRED-PASSWORD-LENGTH", snap_of({bare()})).empty());
}

TEST_CASE("GAP-RA-SPLIT-TUNNEL and GAP-RA-AUTH-LOG on remote-access VPNs", "[checks][operations]") {
  auto d = bare("vpn-gw");
  model::Vpn v;
  v.kind = model::VpnKind::RemoteAccess;
  v.name = "staff";
  v.src_ref = {"configs/vpn-gw.cfg", 20, 0};
  v.split_tunnel = model::Vpn::Split::Split;
  v.split_tunnel_ref = {"configs/vpn-gw.cfg", 24, 0};
  d.vpns.push_back(v);
  model::Vpn s2s;  // site-to-site tunnels are not remote access: never reported
  s2s.kind = model::VpnKind::SiteToSiteIpsec;
  s2s.name = "branch";
  d.vpns.push_back(s2s);

  auto split = run("GAP-RA-SPLIT-TUNNEL", snap_of({d}));
  REQUIRE(split.size() == 1);
  CHECK(split[0].where.line == 24);
  CHECK(split[0].severity == Severity::Medium);
  auto logs = run("GAP-RA-AUTH-LOG", snap_of({d}));
  REQUIRE(logs.size() == 1);
  CHECK(logs[0].where.line == 20);

  d.vpns[0].split_tunnel = model::Vpn::Split::FullTunnel;
  d.vpns[0].accounting = "RADIUS-ACCT";
  CHECK(run("GAP-RA-SPLIT-TUNNEL", snap_of({d})).empty());
  CHECK(run("GAP-RA-AUTH-LOG", snap_of({d})).empty());

  // Device-wide recording of authentication events covers the VPN's logins too.
  d.vpns[0].accounting.clear();
  d.hygiene.push_back(fact(HygieneTopic::AuthEventLog, "login events (syslog)", 3));
  CHECK(run("GAP-RA-AUTH-LOG", snap_of({d})).empty());

  d.vpns[0].split_tunnel = model::Vpn::Split::Unknown;
  auto unk = run("GAP-RA-SPLIT-TUNNEL", snap_of({d}));
  REQUIRE(unk.size() == 1);
  CHECK(unk[0].severity == Severity::Info);
}

// The bundled sample, parsed for real: the findings a reviewer lists by hand, at their lines.
TEST_CASE("operational checks on the water-utility sample", "[checks][operations]") {
  // Every device has "ntp server" lines: no time-sync finding.
  CHECK(run_sample("GAP-HYGIENE-NTP", "water-utility").empty());
  // well1-rtr alone sends no syslog (it has only "logging buffered").
  auto logs = run_sample("GAP-HYGIENE-REMOTE-LOG", "water-utility");
  REQUIRE(logs.size() == 1);
  CHECK(logs[0].device == "well1-rtr");
  // hq-rtr "line con 0" has "exec-timeout 15 0" (line 250); its vty lines have 10 (fine).
  auto idle = run_sample("GAP-MGMT-IDLE-TIMEOUT", "water-utility");
  CHECK(at(idle, "configs/hq-rtr.cfg", 250) == 1);
  CHECK(at(idle, "configs/hq-rtr.cfg", 264) == 0);
  CHECK(at(idle, "configs/plant-fw.cfg", 216) == 1);  // console timeout 15
  CHECK(at(idle, "configs/plant-fw.cfg", 213) == 0);  // ssh timeout 10
  // vendor-fw's group-policy: split-tunnel-policy tunnelspecified (line 180).
  auto split = run_sample("GAP-RA-SPLIT-TUNNEL", "water-utility");
  REQUIRE(split.size() == 1);
  CHECK(at(split, "configs/vendor-fw.cfg", 180) == 1);
  // Type 7 under different salts: the same clear value on hq-rtr:59 and plant-rtr:32.
  auto reuse = run_sample("GAP-CRED-REUSED", "water-utility");
  CHECK(at(reuse, "configs/hq-rtr.cfg", 59) == 1);
  CHECK(at(reuse, "configs/plant-rtr.cfg", 32) == 1);
}

TEST_CASE("presence checks: a default that is off is named as such, with its source",
          "[checks][operations]") {
  auto d = bare();
  auto f = fact(HygieneTopic::TimeSync, "NTP synchronisation", 0, {}, false);
  f.origin = SettingOrigin::VendorDefault;
  f.default_source = "vendor CLI reference";
  f.src_ref = {};
  d.hygiene.push_back(f);
  auto fs = run("GAP-HYGIENE-NTP", snap_of({d}));
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].message.find("NTP synchronisation is off (not in the configuration; vendor default: vendor CLI "
                           "reference)") != std::string::npos);
  CHECK(fs[0].where.line == 0);
}

TEST_CASE("GAP-HYGIENE-IT-OT-UNLOGGED on the water-utility sample", "[checks][operations]") {
  auto fs = run_sample("GAP-HYGIENE-IT-OT-UNLOGGED", "water-utility");
  // plant-fw inside_access_in: SCADA servers -> historian in the DMZ, no "log".
  CHECK(at(fs, "configs/plant-fw.cfg", 152) == 1);
  // pump1-rtr IPVPN-IN: SCADA pollers -> pump PLCs is OT-OT, not IT-OT.
  CHECK(at(fs, "configs/pump1-rtr.cfg", 92) == 0);
  // well-rtr LEASED-IN 'permit tcp host 10.30.0.2 eq 22 host 172.16.30.20 established' passes only
  // return traffic; the opening rule (TM-LAN-IN, line 81) is the one judged.
  CHECK(at(fs, "configs/well-rtr.cfg", 89) == 0);
  CHECK(at(fs, "configs/well-rtr.cfg", 81) == 1);
  // hq-rtr is not at a control zone's edge: its office rules are not judged.
  for (const auto& f : fs) CHECK(f.device != "hq-rtr");
  // The same rule with logging on is fine.
  auto snap = sample("water-utility").snap;
  for (auto& d : snap.devices)
    for (auto& [name, f] : d.filters)
      for (auto& r : f.rules)
        if (r.src_ref.file == "configs/plant-fw.cfg" && r.src_ref.line == 152) r.logged = true;
  CHECK(at(run("GAP-HYGIENE-IT-OT-UNLOGGED", snap, sample("water-utility").reach), "configs/plant-fw.cfg",
           152) == 0);
}
