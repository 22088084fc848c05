// The ordinance sheet (Q0-Q4) against controls.md §2.3 (decision logic) and §2.4 (substitution
// matrix), on small in-code snapshots with hand-made zone verdicts, and on the samples.
#include "checks/ordinance.h"

#include <catch2/catch.hpp>

#include "checks/check.h"
#include "model/reachability/audit.h"
#include "model/snapshot_builder.h"
#include "parsers/topology/load_snapshot.h"
#include "test_paths.h"

using namespace gp;
using checks::Answer;
using checks::Scope;

namespace {

// A control zone "scada" (with the given verdict), an office zone, a locked and controlled room.
struct Fixture {
  model::Snapshot snap;
  reach::AuditResult reach;

  explicit Fixture(reach::Verdict v = reach::Verdict::Closed) {
    snap.name = "test";
    snap.audit_date = "2026-11-25";
    snap.has_topology = true;
    for (auto [id, kind] : {std::pair{"scada", model::ZoneKind::Control},
                            {"office", model::ZoneKind::Office},
                            {"field", model::ZoneKind::Field}}) {
      model::Zone z;
      z.id = id;
      z.kind = kind;
      snap.zones[id] = z;
    }
    snap.rooms["ctl"] = model::Room{"ctl", true, true, {}};
    snap.rooms["open"] = model::Room{"open", false, false, {}};
    snap.rooms["locked-only"] = model::Room{"locked-only", true, false, {}};
    snap.rooms["unknown-lock"] = model::Room{"unknown-lock", std::nullopt, true, {}};
    verdict(v);
  }
  void verdict(reach::Verdict v, bool with_path = true) {
    reach.zones.clear();
    reach::ZoneVerdict z;
    z.zone = "scada";
    z.claim = "closed";
    z.verdict = v;
    if (v != reach::Verdict::Closed && with_path)
      z.physical_path.push_back({"internet", "internet link", "", {}});
    reach.zones.push_back(z);
  }
  // A fully compliant HMI; tests take attributes away.
  model::Host& host(const std::string& id = "hmi", const std::string& zone = "scada") {
    model::Host h;
    h.id = id;
    h.zone = zone;
    h.role = model::HostRole::Hmi;
    h.os_name = "Windows 10 IoT Enterprise LTSC 2019";
    h.os_support_end = "2029-01-09";
    h.av_installed = true;
    h.av_definitions = "2026-11-20";
    h.av_autoscan = true;
    h.removable_media = model::RemovableMedia::SoftwareDisabled;
    h.removable_media_given = true;
    h.auth_capable = true;
    h.auth_enabled = true;
    h.room = "ctl";
    h.src_ref = {"topology.yaml", 10, 3};
    return snap.hosts[id] = h;
  }
  checks::OrdinanceRow row(const std::string& id = "hmi") const {
    for (auto& r : checks::ordinance_sheet(snap, reach))
      if (r.host == id) return r;
    FAIL("no row for " << id);
    return {};
  }
};

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("ordinance: a compliant control host passes every question", "[ordinance]") {
  Fixture f(reach::Verdict::FirewallOnly);
  f.host();
  auto r = f.row();
  CHECK(r.q0 == Scope::InScope);
  for (int q = 1; q <= 4; ++q) CHECK(r.answer(q) == Answer::Pass);
  CHECK(r.zone == "scada");
  CHECK(r.where.line == 10);
  for (size_t q = 0; q < 5; ++q) {
    CHECK_FALSE(r.reasons_en[q].empty());
    CHECK_FALSE(r.reasons_ja[q].empty());
  }
}

TEST_CASE("ordinance: Q0 scope", "[ordinance]") {
  Fixture f;
  SECTION("office host: out of scope, Q1-Q4 N/A") {
    f.host("pc", "office").auth_capable = false;
    auto r = f.row("pc");
    CHECK(r.q0 == Scope::OutOfScope);
    for (int q = 1; q <= 4; ++q) CHECK(r.answer(q) == Answer::NotApplicable);
    CHECK(has(r.reasons_en[0], "not a control system"));
    CHECK(r.reasons_en[1].empty());
  }
  SECTION("a PLC is not a computer by default; computer: true brings it in") {
    f.host("plc").role = model::HostRole::Plc;
    CHECK(f.row("plc").q0 == Scope::OutOfScope);
    CHECK(has(f.row("plc").reasons_en[0], "computer: true"));
    f.snap.hosts["plc"].computer = true;
    CHECK(f.row("plc").q0 == Scope::InScope);
  }
  SECTION("computer: false takes a control host out") {
    f.host().computer = false;
    CHECK(f.row().q0 == Scope::OutOfScope);
  }
  SECTION("field zones hold control-system equipment: in scope") {
    f.host("tab", "field");
    CHECK(f.row("tab").q0 == Scope::InScope);
  }
  SECTION("a host whose zone is unknown is kept in scope") {
    f.host("x", "nowhere");
    auto r = f.row("x");
    CHECK(r.q0 == Scope::InScope);
    CHECK(has(r.reasons_en[0], "not known to be outside"));
  }
}

TEST_CASE("ordinance: Q1 asks for the capability, and nothing substitutes for it", "[ordinance]") {
  Fixture f(reach::Verdict::Closed);  // separation and media control both in place
  auto& h = f.host();
  h.removable_media = model::RemovableMedia::PhysicallyBlocked;
  SECTION("capable but not enabled: PASS with the advisory") {
    h.auth_enabled = false;
    auto r = f.row();
    CHECK(r.answer(1) == Answer::Pass);
    CHECK(has(r.reasons_en[1], "advisory"));
    CHECK(has(r.reasons_ja[1], "望ましい"));
  }
  SECTION("not capable: FAIL although the zone is CLOSED, media blocked and the room controlled") {
    h.auth_capable = false;
    h.auth_enabled = false;
    auto r = f.row();
    CHECK(r.answer(1) == Answer::Fail);
    CHECK(r.answer(4) == Answer::Pass);
  }
  SECTION("capability not recorded: NEEDS_REVIEW naming the attribute") {
    h.auth_capable.reset();
    h.auth_enabled.reset();
    auto r = f.row();
    CHECK(r.answer(1) == Answer::NeedsReview);
    CHECK(has(r.reasons_en[1], "authentication.capable"));
  }
  SECTION("capability not recorded but authentication enabled: the capability exists") {
    h.auth_capable.reset();
    CHECK(f.row().answer(1) == Answer::Pass);
  }
}

TEST_CASE("ordinance: Q2 needs installed AND current AND auto-scan", "[ordinance]") {
  Fixture f(reach::Verdict::FirewallOnly);
  auto& h = f.host();
  h.removable_media = model::RemovableMedia::PolicyOnly;
  SECTION("all three: PASS") { CHECK(f.row().answer(2) == Answer::Pass); }
  SECTION("definitions 31 days old: FAIL, and the reason says the limit is gapproof's") {
    h.av_definitions = "2026-10-25";
    auto r = f.row();
    CHECK(r.answer(2) == Answer::Fail);
    CHECK(has(r.reasons_en[2], "31 days old"));
    CHECK(has(r.reasons_en[2], "guideline sets no number"));
  }
  SECTION("definitions 30 days old are current") {
    h.av_definitions = "2026-10-26";
    CHECK(f.row().answer(2) == Answer::Pass);
  }
  SECTION("auto-scan off: FAIL") {
    h.av_autoscan = false;
    CHECK(f.row().answer(2) == Answer::Fail);
  }
  SECTION("not installed: FAIL") {
    h.av_installed = false;
    CHECK(f.row().answer(2) == Answer::Fail);
  }
  SECTION("auto-scan not recorded: NEEDS_REVIEW naming it") {
    h.av_autoscan.reset();
    auto r = f.row();
    CHECK(r.answer(2) == Answer::NeedsReview);
    CHECK(has(r.reasons_en[2], "antivirus.autoscan"));
  }
  SECTION("definitions date not recorded: NEEDS_REVIEW naming it") {
    h.av_definitions.reset();
    CHECK(f.row().answer(2) == Answer::NeedsReview);
    CHECK(has(f.row().reasons_en[2], "antivirus.definitions"));
  }
  SECTION("antivirus not recorded at all: NEEDS_REVIEW") {
    h.av_installed.reset();
    CHECK(f.row().answer(2) == Answer::NeedsReview);
    CHECK(has(f.row().reasons_en[2], "antivirus.installed"));
  }
  SECTION("a known failure beats a missing attribute: not installed + the rest missing is FAIL") {
    h.av_installed = false;
    h.av_definitions.reset();
    h.av_autoscan.reset();
    CHECK(f.row().answer(2) == Answer::Fail);
  }
}

TEST_CASE("ordinance: Q3 end of support against the audit date", "[ordinance]") {
  Fixture f(reach::Verdict::FirewallOnly);
  auto& h = f.host();
  h.removable_media = model::RemovableMedia::PhysicallyBlocked;
  SECTION("supported: PASS") { CHECK(f.row().answer(3) == Answer::Pass); }
  SECTION("ended: FAIL (firewall isolation is not separation)") {
    h.os_name = "Windows 7 Professional SP1";
    h.os_support_end = "2020-01-14";
    auto r = f.row();
    CHECK(r.answer(3) == Answer::Fail);
    CHECK(has(r.reasons_en[3], "support ended 2020-01-14"));
    CHECK(has(r.reasons_en[3], "FIREWALL_ONLY"));
  }
  SECTION("support ending on the audit date itself: FAIL") {
    h.os_support_end = "2026-11-25";
    CHECK(f.row().answer(3) == Answer::Fail);
  }
  SECTION("support end not recorded: NEEDS_REVIEW naming it") {
    h.os_support_end.reset();
    auto r = f.row();
    CHECK(r.answer(3) == Answer::NeedsReview);
    CHECK(has(r.reasons_en[3], "os.support_end"));
  }
}

TEST_CASE("ordinance: Q4 needs a lock AND entry control for fixed computers", "[ordinance]") {
  Fixture f(reach::Verdict::Closed);
  auto& h = f.host();
  h.removable_media = model::RemovableMedia::PhysicallyBlocked;
  SECTION("locked and controlled: PASS") { CHECK(f.row().answer(4) == Answer::Pass); }
  SECTION("locked only: FAIL, and the Q2/Q3 alternative does not substitute") {
    h.room = "locked-only";
    auto r = f.row();
    CHECK(r.answer(4) == Answer::Fail);
    CHECK(has(r.reasons_en[4], "L1772"));
  }
  SECTION("open room: FAIL") {
    h.room = "open";
    CHECK(f.row().answer(4) == Answer::Fail);
  }
  SECTION("lock not recorded: NEEDS_REVIEW") {
    h.room = "unknown-lock";
    CHECK(f.row().answer(4) == Answer::NeedsReview);
    CHECK(has(f.row().reasons_en[4], "locked is not recorded"));
  }
  SECTION("no room: NEEDS_REVIEW") {
    h.room.clear();
    CHECK(f.row().answer(4) == Answer::NeedsReview);
    CHECK(has(f.row().reasons_en[4], "room is not recorded"));
  }
  SECTION("portable: theft control is not in the inventory, NEEDS_REVIEW even in a controlled room") {
    h.portable = true;
    CHECK(f.row().answer(4) == Answer::NeedsReview);
  }
  SECTION("a tablet is portable by default") {
    h.role = model::HostRole::Tablet;
    CHECK(f.row().answer(4) == Answer::NeedsReview);
    h.portable = false;
    CHECK(f.row().answer(4) == Answer::Pass);
  }
}

TEST_CASE("ordinance: the substitution matrix for Q2 and Q3 (controls.md §2.4)", "[ordinance]") {
  using M = model::RemovableMedia;
  using V = reach::Verdict;
  struct Case {
    V verdict;
    bool path;
    M media;
    bool media_given;
    Answer expected;
  };
  // No antivirus and an OS past its support: only the alternative can save Q2 and Q3.
  const Case cases[] = {
      {V::Closed, false, M::PhysicallyBlocked, true, Answer::PassViaAlt},
      {V::Closed, false, M::SoftwareDisabled, true, Answer::PassViaAlt},
      {V::Closed, false, M::PolicyOnly, true, Answer::Fail},  // separation alone is not enough
      {V::Closed, false, M::None, true, Answer::Fail},
      {V::Closed, false, M::Other, true, Answer::NeedsReview},            // guideline silent
      {V::Closed, false, M::Unknown, false, Answer::NeedsReview},         // not recorded
      {V::FirewallOnly, true, M::PhysicallyBlocked, true, Answer::Fail},  // firewalls are not separation
      {V::FirewallOnly, true, M::SoftwareDisabled, true, Answer::Fail},
      {V::FirewallOnly, true, M::Unknown, false, Answer::Fail},
      {V::Reachable, true, M::PhysicallyBlocked, true, Answer::Fail},
      {V::Unproven, true, M::PhysicallyBlocked, true, Answer::Fail},          // a physical path exists
      {V::Unproven, false, M::PhysicallyBlocked, true, Answer::NeedsReview},  // unknown peers only
  };
  for (const auto& c : cases) {
    Fixture f;
    f.verdict(c.verdict, c.path);
    auto& h = f.host();
    h.av_installed = false;
    h.os_support_end = "2020-01-14";
    h.removable_media = c.media;
    h.removable_media_given = c.media_given;
    auto r = f.row();
    INFO(reach::to_string(c.verdict) << " path " << c.path << " media " << static_cast<int>(c.media) << ": "
                                     << r.reasons_en[2]);
    CHECK(r.answer(2) == c.expected);
    CHECK(r.answer(3) == c.expected);
    // The alternative never substitutes for Q1 or Q4: those stay PASS on their own merits.
    CHECK(r.answer(1) == Answer::Pass);
    CHECK(r.answer(4) == Answer::Pass);
  }
}

TEST_CASE("ordinance: the verdict decides separation, never the claim", "[ordinance]") {
  Fixture f(reach::Verdict::FirewallOnly);  // claim: closed, but the verdict says otherwise
  auto& h = f.host();
  h.av_installed = false;
  h.removable_media = model::RemovableMedia::PhysicallyBlocked;
  CHECK(f.row().answer(2) == Answer::Fail);
  SECTION("a zone without a verdict and without a physical path: not established") {
    f.host("tab", "field").av_installed = false;
    f.snap.hosts["tab"].removable_media = model::RemovableMedia::PhysicallyBlocked;
    auto r = f.row("tab");
    CHECK(r.answer(2) == Answer::NeedsReview);
    CHECK(has(r.reasons_en[2], "no verdict"));
  }
  SECTION("a zone without a verdict whose segment has an internet link: not separated") {
    model::Segment seg;
    seg.id = "field-lan";
    seg.zone = "field";
    seg.prefixes.push_back(test::P("10.9.0.0/24"));
    f.snap.segments[seg.id] = seg;
    f.snap.links.push_back(
        test::link(model::LinkKind::Mobile, {test::seg_ep("field-lan"), test::internet_ep()}));
    f.host("tab", "field").av_installed = false;
    f.snap.hosts["tab"].segment = "field-lan";
    f.snap.hosts["tab"].removable_media = model::RemovableMedia::PhysicallyBlocked;
    auto r = f.row("tab");
    CHECK(r.answer(2) == Answer::Fail);
    CHECK(has(r.reasons_en[2], "physical path to the internet"));
  }
}

TEST_CASE("ordinance: without audit_date the system date is used, and the reasons say so", "[ordinance]") {
  Fixture f(reach::Verdict::FirewallOnly);
  f.snap.audit_date.reset();
  f.host().os_support_end = "2020-01-14";
  bool from_system = false;
  auto date = checks::ordinance_audit_date(f.snap, &from_system);
  CHECK(from_system);
  CHECK(date.size() == 10);
  auto r = f.row();
  CHECK(r.answer(3) == Answer::Fail);
  CHECK(has(r.reasons_en[3], "system date"));
  CHECK(has(r.reasons_ja[3], "システム日付"));
}

TEST_CASE("ordinance: FAIL answers become ordinance-tier findings", "[ordinance]") {
  Fixture f(reach::Verdict::FirewallOnly);
  auto& h = f.host();
  h.av_autoscan = false;
  h.room = "open";
  f.host("ok");
  checks::CheckContext ctx{f.snap, f.reach};
  auto findings = checks::run_all(ctx);
  std::vector<std::string> ids;
  for (const auto& x : findings)
    if (x.id.rfind("GAP-ORDINANCE-", 0) == 0) {
      ids.push_back(x.id);
      CHECK(x.tier == checks::Tier::Ordinance);
      CHECK(has(x.message, "host hmi"));
      CHECK(x.where.line == 10);
    }
  std::sort(ids.begin(), ids.end());
  CHECK(ids == std::vector<std::string>{"GAP-ORDINANCE-Q2", "GAP-ORDINANCE-Q4"});
}

TEST_CASE("ordinance: the samples give sensible sheets", "[ordinance]") {
  auto sheet = [](const std::string& name) {
    auto snap = parsers::load_snapshot(test::source_dir() + "/samples/" + name);
    auto res = reach::audit_reachability(snap);
    std::map<std::string, checks::OrdinanceRow> rows;
    for (auto& r : checks::ordinance_sheet(snap, res)) rows[r.host] = r;
    CHECK(rows.size() == snap.hosts.size());
    return rows;
  };
  SECTION("water-utility: scada is FIREWALL_ONLY, the well field CLOSED") {
    auto rows = sheet("water-utility");
    const auto& hmi = rows.at("hmi-01");  // Windows 7, 2024 definitions, USB by policy only
    CHECK(hmi.q0 == Scope::InScope);
    CHECK(hmi.answer(1) == Answer::Pass);
    CHECK(has(hmi.reasons_en[1], "advisory"));
    CHECK(hmi.answer(2) == Answer::Fail);
    CHECK(hmi.answer(3) == Answer::Fail);
    CHECK(hmi.answer(4) == Answer::Pass);
    CHECK(rows.at("hmi-02").answer(2) == Answer::Pass);
    CHECK(rows.at("gps-ntp-01").answer(3) == Answer::NeedsReview);  // firmware without a support date
    CHECK(rows.at("pump1-hmi-01").answer(4) == Answer::Fail);       // locked, no entry control
    CHECK(rows.at("pump1-plc-01").q0 == Scope::OutOfScope);
    CHECK(rows.at("hq-pc-101").q0 == Scope::OutOfScope);
    CHECK(rows.at("hist-01").q0 == Scope::OutOfScope);  // the DMZ is not the control system
    // Well field: CLOSED over its leased line, media physically blocked / disabled.
    CHECK(rows.at("tm-master-01").answer(2) == Answer::PassViaAlt);
    CHECK(rows.at("tm-master-01").answer(3) == Answer::PassViaAlt);
    CHECK(rows.at("tm-term-01").answer(3) == Answer::PassViaAlt);
  }
  SECTION("variant-closed: the plant is CLOSED, so eng-01's stale definitions pass via the alternative") {
    auto rows = sheet("variant-closed");
    CHECK(rows.at("eng-01").answer(2) == Answer::PassViaAlt);
    CHECK(has(rows.at("eng-01").reasons_en[2], "CLOSED"));
    CHECK(rows.at("hmi-01").answer(3) == Answer::Fail);  // policy-only USB: separation alone is not enough
  }
  SECTION("variant-firewall-only: the well field lost its closure, tm-master-01 fails") {
    auto rows = sheet("variant-firewall-only");
    CHECK(rows.at("tm-master-01").answer(2) == Answer::Fail);
    CHECK(rows.at("tm-master-01").answer(3) == Answer::Fail);
  }
}
