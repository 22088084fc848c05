// `gapproof diff` on approval scenarios (tests/fixtures/diff/, derived from samples/): what each
// change opens or closes, with the new line in AFTER and the line that dropped the example in
// BEFORE; changes without effect exit 0; `--git` on a repository built here; input errors name
// their side.
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_paths.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Run {
  int status;
  std::string out;
};

Run run(const std::string& args) {
  std::string cmd = gp::test::binary() + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  std::string out;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int st = pclose(p);
  return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
}

int line_of(const fs::path& file, const std::string& needle) {
  std::ifstream in(file);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n)
    if (line.find(needle) != std::string::npos) return n;
  return 0;
}

// A scenario laid out in a fresh temporary folder: the sample twice, each with its overlay.
struct Scenario {
  fs::path root, before, after;
  explicit Scenario(const std::string& name) {
    const fs::path fx = fs::path(gp::test::source_dir()) / "tests/fixtures/diff" / name;
    std::ifstream b(fx / "base");
    std::string base;
    std::getline(b, base);
    REQUIRE(!base.empty());
    root = fs::temp_directory_path() / ("gapproof-diff-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(root);
    fs::create_directories(root);
    before = root / "before";
    after = root / "after";
    const fs::path sample = fs::path(gp::test::source_dir()) / "samples" / base;
    fs::copy(sample, before, fs::copy_options::recursive);
    fs::copy(sample, after, fs::copy_options::recursive);
    for (const auto& [side, dir] : {std::pair{"before", before}, std::pair{"after", after}})
      if (fs::exists(fx / side))
        fs::copy(fx / side, dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  }
  ~Scenario() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  Run diff(const std::string& extra = "") const {
    return run("diff " + before.string() + " " + after.string() + " " + extra);
  }
  json diff_json(int expected_status) const {
    Run r = diff("--format json");
    INFO(r.out);
    REQUIRE(r.status == expected_status);
    return json::parse(r.out);
  }
};

// The opened (or closed) flow to `target` from `kind`, from pivots the other side had (`direct`).
const json* flow(const json& flows, const std::string& target, const std::string& kind) {
  for (const auto& f : flows)
    if (f["target"] == target && f["source_kind"] == kind &&
        (kind != "pivot" || f["pivot_on_other_side"] == true))
      return &f;
  return nullptr;
}

bool has_service(const json& f, const std::string& s) {
  for (const auto& x : f["services"])
    if (x == s) return true;
  return false;
}

// Whether a hop of the flow's trace cites file:line.
bool cites(const json& hops, const std::string& file, int line) {
  for (const auto& h : hops)
    for (const auto& fact : h["facts"])
      if (fact["file"] == file && fact["line"] == line) return true;
  return false;
}

// The example followed on the other side: every path DROPPED, one of them at file:line.
void dropped_on_other_side_at(const json& f, const std::string& file, int line) {
  const json& other = f["other_side"];
  REQUIRE(other.is_object());
  CHECK(other["disposition"] == "DROPPED");
  bool found = false;
  for (const auto& p : other["paths"])
    for (const auto& r : p["request"]["deciding"]) found |= r["file"] == file && r["line"] == line;
  CHECK(found);
}

void no_reachability_change(const Scenario& s) {
  const json j = s.diff_json(0);
  CHECK(j["opened"].empty());
  CHECK(j["closed"].empty());
  CHECK(j["findings"]["new"].empty());
  CHECK(j["findings"]["fixed"].empty());
  CHECK(!j["findings"]["unchanged"].empty());
  for (const auto& z : j["zones"]) CHECK(z["before"] == z["after"]);
  CHECK(j["changed_files"].size() == 1);  // the edit itself is listed
}

}  // namespace

TEST_CASE("diff: a port forward to an HMI on Yamaha RTX opens internet -> hmi-01 vnc", "[cli][diff]") {
  Scenario s("yamaha-port-forward-hmi");
  const json j = s.diff_json(1);
  const json* f = flow(j["opened"], "hmi-01", "internet");
  REQUIRE(f);
  CHECK((*f)["certain"] == true);
  CHECK((*f)["zone"] == "scada");
  CHECK(has_service(*f, "tcp 5900 (vnc)"));
  CHECK((*f)["services"].size() == 1);  // exactly the forwarded port, nothing else
  CHECK((*f)["sources"][0] == "any address outside owned");
  // The new lines in AFTER: the static masquerade and the inserted secure filter.
  const int nat = line_of(s.after / "configs/hq-rtx.cfg", "nat descriptor masquerade static 1000 1");
  const int pass = line_of(s.after / "configs/hq-rtx.cfg", "ip filter 200020 pass");
  REQUIRE(nat > 0);
  CHECK(cites((*f)["hops"], "configs/hq-rtx.cfg", nat));
  CHECK(cites((*f)["hops"], "configs/hq-rtx.cfg", pass));
  // BEFORE: the packet to the PPPoE address is refused by the end of the pp 1 secure filter list.
  dropped_on_other_side_at(*f, "configs/hq-rtx.cfg",
                           line_of(s.before / "configs/hq-rtx.cfg", "ip filter 200099"));
  bool worse = false;
  for (const auto& z : j["zones"]) worse |= z["zone"] == "scada" && z["worse"] == true;
  CHECK(worse);
  // The text report names the new NAT line too.
  Run t = s.diff();
  CHECK(t.status == 1);
  CHECK(t.out.find("configs/hq-rtx.cfg:" + std::to_string(nat)) != std::string::npos);

  SECTION("the reverse change closes the same flow and exits 0") {
    Run r = run("diff " + s.after.string() + " " + s.before.string() + " --format json --fail-on none");
    REQUIRE(r.status == 0);
    const json back = json::parse(r.out);
    CHECK(back["opened"].empty());
    const json* c = flow(back["closed"], "hmi-01", "internet");
    REQUIRE(c);
    CHECK(has_service(*c, "tcp 5900 (vnc)"));
  }
}

TEST_CASE("diff: a filter number inserted in a Yamaha secure filter list opens a pivot's RDP",
          "[cli][diff]") {
  Scenario s("yamaha-secure-filter-insert");
  const json j = s.diff_json(1);
  const json* f = flow(j["opened"], "scada-srv-01", "pivot");
  REQUIRE(f);
  CHECK((*f)["services"] == json::array({"tcp 3389 (rdp)"}));
  CHECK((*f)["sources"] == json::array({"192.168.10.20"}));
  CHECK((*f)["pivot_host"] == "hq-admin-01");
  CHECK(
      cites((*f)["hops"], "configs/hq-rtx.cfg", line_of(s.after / "configs/hq-rtx.cfg", "ip filter 100005")));
  dropped_on_other_side_at(*f, "configs/hq-rtx.cfg",
                           line_of(s.before / "configs/hq-rtx.cfg", "ip filter 100010"));
  // The direct hop comes before its consequences (pivots reached only in AFTER).
  CHECK(j["opened"][0]["pivot_on_other_side"] == true);
}

TEST_CASE("diff: deleting a deny line on Cisco IOS opens the vendor pool's VNC to hmi-01", "[cli][diff]") {
  Scenario s("ios-delete-deny");
  const json j = s.diff_json(1);
  const json* f = flow(j["opened"], "hmi-01", "vpn-pool");
  REQUIRE(f);
  CHECK(has_service(*f, "tcp 5900 (vnc)"));
  const int deny = line_of(s.before / "configs/plant-rtr.cfg", "deny   tcp any host 10.10.0.2 eq 5900");
  REQUIRE(deny > 0);
  dropped_on_other_side_at(*f, "configs/plant-rtr.cfg", deny);
  // The deleted line is among the changed lines, at its BEFORE number.
  bool listed = false;
  for (const auto& file : j["changed_files"])
    for (const auto& l : file["lines"]) listed |= l["op"] == "-" && l["line"] == deny;
  CHECK(listed);
}

TEST_CASE("diff: a new FortiGate policy opens RDP from the historian pivot", "[cli][diff]") {
  Scenario s("fortigate-new-policy");
  const json j = s.diff_json(1);
  const json* f = flow(j["opened"], "hmi-01", "pivot");
  REQUIRE(f);
  CHECK(has_service(*f, "tcp 3389 (rdp)"));
  CHECK((*f)["pivot_host"] == "hist-01");
  CHECK(cites((*f)["hops"], "configs/plant-fw.conf", line_of(s.after / "configs/plant-fw.conf", "edit 9")));
  dropped_on_other_side_at(*f, "configs/plant-fw.conf",
                           line_of(s.before / "configs/plant-fw.conf", "edit 8"));
}

TEST_CASE("diff: changes without effect on reachability exit 0", "[cli][diff]") {
  SECTION("descriptions and remarks only (IOS), later lines shifted") {
    no_reachability_change(Scenario("ios-comments-only"));
  }
  SECTION("an access list renamed consistently (IOS)") { no_reachability_change(Scenario("ios-rename-acl")); }
  SECTION("two rules with disjoint matches reordered (ASA)") {
    no_reachability_change(Scenario("asa-reorder-rules"));
  }
}

TEST_CASE("diff: an input error names its side and exits 2", "[cli][diff]") {
  Scenario s("ios-comments-only");
  fs::remove(s.after / "topology.yaml");
  fs::remove_all(s.after / "configs");
  Run r = s.diff();
  CHECK(r.status == 2);
  CHECK(r.out.find("AFTER") != std::string::npos);
  CHECK(r.out.find("BEFORE") == std::string::npos);
}

TEST_CASE("diff --git: two revisions of a snapshot inside a larger repository", "[cli][diff]") {
  const fs::path repo = fs::temp_directory_path() / ("gapproof-diff-git-" + std::to_string(::getpid()));
  fs::remove_all(repo);
  const fs::path snap = repo / "sites" / "plant";
  fs::create_directories(repo / "docs");
  fs::create_directories(snap.parent_path());
  std::ofstream(repo / "docs" / "README.md") << "other content of the repository\n";
  fs::copy(fs::path(gp::test::source_dir()) / "samples/variant-jp-routers", snap,
           fs::copy_options::recursive);
  const std::string git = "git -C " + repo.string() + " -c user.name=t -c user.email=t@example.invalid ";
  REQUIRE(run("--version").status == 0);
  REQUIRE(std::system((git + "init -q && " + git + "add -A && " + git + "commit -qm before").c_str()) == 0);
  // The change: the Yamaha secure filter scenario's files, committed on top.
  const fs::path fx = fs::path(gp::test::source_dir()) / "tests/fixtures/diff/yamaha-secure-filter-insert";
  fs::copy(fx / "before", snap, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  REQUIRE(std::system((git + "commit -qam 'plant-ix permit' ").c_str()) == 0);
  fs::copy(fx / "after", snap, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  REQUIRE(std::system((git + "commit -qam 'hq-rtx filter 100005' ").c_str()) == 0);

  Run r = run("diff --git HEAD~1..HEAD " + snap.string() + " --format json");
  INFO(r.out);
  REQUIRE(r.status == 1);
  const json j = json::parse(r.out);
  REQUIRE(flow(j["opened"], "scada-srv-01", "pivot"));
  CHECK(j["before"]["label"].get<std::string>().find("HEAD~1") != std::string::npos);

  // Two revisions where nothing in the snapshot changed: exit 0 and no flow.
  std::ofstream(repo / "docs" / "README.md") << "edited\n";
  REQUIRE(std::system((git + "commit -qam docs").c_str()) == 0);
  Run same = run("diff --git HEAD~1..HEAD " + snap.string() + " --format json");
  REQUIRE(same.status == 0);
  CHECK(json::parse(same.out)["changed_files"].empty());

  // REV alone compares with the working tree.
  Run wt = run("diff --git HEAD~2 " + snap.string());
  CHECK(wt.status == 1);

  Run bad = run("diff --git no-such-rev..HEAD " + snap.string());
  CHECK(bad.status == 2);
  CHECK(bad.out.find("no-such-rev") != std::string::npos);
  Run outside = run("diff --git HEAD~1..HEAD " + fs::temp_directory_path().string());
  CHECK(outside.status == 2);
  fs::remove_all(repo);
}
