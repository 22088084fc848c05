// `gapproof checks` lists the registry; `gapproof audit --lang` selects the report language.
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "checks/check.h"
#include "test_paths.h"

namespace {
struct Run {
  int status;
  std::string out;
};
Run run(const std::string& args) {
  std::string cmd = gp::test::binary() + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int st = pclose(p);
  return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
}
}  // namespace

TEST_CASE("cli: checks lists every check", "[cli]") {
  auto r = run("checks");
  CHECK(r.status == 0);
  for (const auto& c : gp::checks::registry()) CHECK(r.out.find(c.info.id) != std::string::npos);
  CHECK(r.out.find("GAP-ORDINANCE-Q1  [critical] ordinance") != std::string::npos);
}

TEST_CASE("cli: checks --format json", "[cli]") {
  auto r = run("checks --format json");
  CHECK(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j.size() == gp::checks::registry().size());
  CHECK(j[0].contains("rationale"));
}

TEST_CASE("cli: checks --format markdown is docs/checks.md", "[cli]") {
  auto r = run("checks --format markdown");
  CHECK(r.status == 0);
  std::ifstream in(gp::test::source_dir() + "/docs/checks.md");
  std::stringstream ss;
  ss << in.rdbuf();
  CHECK(r.out == ss.str());
}

TEST_CASE("cli: bad checks and --lang options exit 2", "[cli]") {
  CHECK(run("checks --format pdf").status == 2);
  CHECK(run("audit " + gp::test::source_dir() + "/samples/water-utility --lang fr").status == 2);
}

TEST_CASE("cli: audit --lang ja prints Japanese ordinance reasons", "[cli]") {
  const auto dir = gp::test::source_dir() + "/samples/water-utility";
  auto ja = run("audit " + dir + " --lang ja");
  CHECK(ja.status == 1);  // same exit status as in English
  CHECK(ja.out.find("ORDINANCE (省令) Q0–Q4") != std::string::npos);
  CHECK(ja.out.find("サポート終了 2020-01-14") != std::string::npos);
  auto json = run("audit " + dir + " --format json");
  auto j = nlohmann::json::parse(json.out);
  CHECK(j["ordinance"].is_array());
  CHECK_FALSE(j["ordinance"].empty());
}
