// docs/checks.md is generated from the registry (tools/gen_checks_doc.sh); this fails on drift.
#include "report/checks_doc.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "checks/check.h"
#include "test_paths.h"

using namespace gp;

TEST_CASE("report: docs/checks.md is the generated listing (no drift)", "[report]") {
  std::ifstream in(test::source_dir() + "/docs/checks.md");
  REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  INFO("regenerate it: tools/gen_checks_doc.sh (gapproof checks --format markdown > docs/checks.md)");
  CHECK(ss.str() == report::checks_markdown());
}

TEST_CASE("report: the check listings name every registry row", "[report]") {
  const auto md = report::checks_markdown();
  const auto text = report::checks_text(report::Lang::En);
  auto j = nlohmann::json::parse(report::checks_json());
  REQUIRE(j.size() == checks::registry().size());
  for (const auto& c : checks::registry()) {
    CHECK(md.find(std::string("## ") + c.info.id + "\n") != std::string::npos);
    CHECK(text.find(c.info.id) != std::string::npos);
  }
  // Ordinance rows come first.
  CHECK(j[0]["tier"] == "ordinance");
  for (const auto& e : j)
    for (const char* k : {"id", "severity", "tier", "guideline", "title", "title_ja", "rationale", "fix"})
      CHECK(e.contains(k));
}
