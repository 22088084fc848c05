// Reports carry the ordinance sheet: the JSON "ordinance" array of spec §4, and the text section
// with ordinance non-conformance apart from guideline gaps.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "checks/check.h"
#include "model/reachability/audit.h"
#include "parsers/topology/load_snapshot.h"
#include "report/report.h"
#include "test_paths.h"

using namespace gp;

namespace {
struct Audited {
  model::Snapshot snap;
  reach::AuditResult reach;
  std::vector<checks::Finding> findings;
  explicit Audited(const std::string& sample)
      : snap(parsers::load_snapshot(test::source_dir() + "/samples/" + sample)),
        reach(reach::audit_reachability(snap)),
        findings(checks::run_all(checks::CheckContext{snap, reach})) {}
  report::AuditReport rep(report::Lang lang = report::Lang::En) const {
    return {snap, reach, findings, lang};
  }
};
bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
}  // namespace

TEST_CASE("report: JSON ordinance array follows spec §4", "[report]") {
  Audited a("water-utility");
  auto j = nlohmann::json::parse(report::to_json(a.rep()));
  REQUIRE(j.contains("ordinance"));
  REQUIRE(j["ordinance"].is_array());
  CHECK(j["ordinance"].size() == a.snap.hosts.size());  // one entry per host of the inventory
  CHECK(j["audit_date"] == "2026-11-25");
  CHECK(j["audit_date_source"] == "topology.yaml");
  const std::set<std::string> scopes{"IN_SCOPE", "OUT_OF_SCOPE"};
  const std::set<std::string> answers{"PASS", "PASS_VIA_ALT", "NEEDS_REVIEW", "FAIL", "N/A"};
  std::set<std::string> hosts;
  for (const auto& e : j["ordinance"]) {
    for (const char* k : {"host", "zone", "q0", "q1", "q2", "q3", "q4", "reasons", "reasons_ja"})
      CHECK(e.contains(k));
    hosts.insert(e["host"].get<std::string>());
    CHECK(scopes.count(e["q0"].get<std::string>()));
    for (const char* q : {"q1", "q2", "q3", "q4"}) {
      CHECK(answers.count(e[q].get<std::string>()));
      if (e["q0"] == "OUT_OF_SCOPE") CHECK(e[q] == "N/A");
      if (e[q] != "N/A") {
        CHECK(e["reasons"][q].is_string());
        CHECK(e["reasons_ja"][q].is_string());
      }
    }
    CHECK(e["reasons"].is_object());
  }
  CHECK(hosts.size() == a.snap.hosts.size());
  for (const auto& e : j["ordinance"])
    if (e["host"] == "hmi-01") {
      CHECK(e["zone"] == "scada");
      CHECK(e["q0"] == "IN_SCOPE");
      CHECK(e["q3"] == "FAIL");
      CHECK(has(e["reasons"]["q3"].get<std::string>(), "2020-01-14"));
    }
  // Ordinance findings carry their tier.
  bool ordinance_finding = false;
  for (const auto& f : j["findings"])
    if (f["id"].get<std::string>().rfind("GAP-ORDINANCE-", 0) == 0) {
      ordinance_finding = true;
      CHECK(f["tier"] == "ordinance");
    }
  CHECK(ordinance_finding);
}

TEST_CASE("report: text has the ordinance section and two groups of findings", "[report]") {
  Audited a("water-utility");
  auto t = report::to_text(a.rep());
  auto sheet = t.find("ORDINANCE (省令) Q0–Q4");
  auto ord = t.find("ORDINANCE NON-CONFORMANCE (法令基準不適合)");
  auto gl = t.find("GUIDELINE GAPS (ガイドライン推奨事項との差異)");
  REQUIRE(sheet != std::string::npos);
  REQUIRE(ord != std::string::npos);
  REQUIRE(gl != std::string::npos);
  CHECK(sheet < ord);
  CHECK(ord < gl);  // ordinance non-conformance first
  // Every ordinance finding sits before the guideline group, every other one after it.
  auto q2 = t.find("GAP-ORDINANCE-Q2");
  CHECK(q2 > ord);
  CHECK(q2 < gl);
  CHECK(t.find("GAP-CLOSURE-CLAIM", ord) > gl);
  CHECK(has(t, "Audit date 2026-11-25"));
  CHECK(has(t, "support ended 2020-01-14"));
}

TEST_CASE("report: --lang ja gives Japanese reasons and titles", "[report]") {
  Audited a("water-utility");
  auto ja = report::to_text(a.rep(report::Lang::Ja));
  auto en = report::to_text(a.rep(report::Lang::En));
  CHECK(has(ja, "サポート終了 2020-01-14"));
  CHECK(has(ja, "監査日 2026-11-25"));
  CHECK(has(ja, "閉域網とされるゾーンが物理的に閉じていない"));  // GAP-CLOSURE-CLAIM's title_ja
  CHECK(has(ja, "ホスト hmi-01（ゾーン scada）：Q3 不適合："));  // ordinance findings in Japanese
  CHECK_FALSE(has(en, "サポート終了 2020-01-14"));
  CHECK(has(en, "A zone claimed to be a closed network is not physically closed"));
}
