// The snapshot is the boundary (issue 8): a topology.yaml from someone else cannot make gapproof
// read, let alone quote, a file outside the snapshot; special files are refused; a run that would
// audit nothing is an error, never a quiet success.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "base/input_error.h"
#include "parsers/topology/load_snapshot.h"
#include "temp_snapshot.h"

using gp::InputError;
using gp::parsers::load_snapshot;
namespace fs = std::filesystem;

namespace {

const char* kIos =
    "version 15.2\nhostname r1\n!\ninterface GigabitEthernet0/0\n ip address 10.0.0.1 "
    "255.255.255.0\n!\nend\n";

std::string topology_naming(const std::string& config) {
  return "zones:\n  scada: {kind: control}\ndevices:\n  r1: {config: " + config +
         "}\nsegments:\n  lan: {zone: scada, prefix: 10.0.0.0/24}\nlinks:\n  - {kind: ethernet, a: "
         "r1:GigabitEthernet0/0, b: lan}\n";
}

std::string error_of(const std::string& dir, const gp::parsers::LoadOptions& opt = {}) {
  try {
    load_snapshot(dir, opt);
  } catch (const InputError& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace

TEST_CASE("boundary: config paths that leave the snapshot are refused at their line", "[topology][hostile]") {
  for (const std::string path : {"../../../../../../etc/passwd", "/etc/passwd", "configs/../../x.cfg"}) {
    INFO(path);
    gp::test::TempSnapshot t;
    t.write("topology.yaml", topology_naming("\"" + path + "\""));
    const auto m = error_of(t.path());
    CHECK_THAT(m, Catch::StartsWith("topology.yaml:4:"));
    if (fs::exists(fs::path(t.path()) / path)) {
      CHECK_THAT(m, Catch::Contains("outside the snapshot folder"));
      CHECK_THAT(m, Catch::Contains("--allow-root"));
    }
    CHECK_THAT(m, !Catch::Contains("root:"));  // nothing of the file's content
  }
}

TEST_CASE("boundary: a symlink inside the snapshot that leads outside is refused", "[topology][hostile]") {
  gp::test::TempSnapshot outside;
  outside.write("secret.cfg", kIos);
  gp::test::TempSnapshot t;
  t.write("topology.yaml", topology_naming("configs/r1.cfg"));
  fs::create_directories(fs::path(t.path()) / "configs");
  fs::create_symlink(fs::path(outside.path()) / "secret.cfg", fs::path(t.path()) / "configs/r1.cfg");
  const auto m = error_of(t.path());
  CHECK_THAT(m, Catch::StartsWith("topology.yaml:4:"));
  CHECK_THAT(m, Catch::Contains("resolves to " + (fs::canonical(outside.path()) / "secret.cfg").string()));
  CHECK_THAT(m, Catch::Contains("outside the snapshot folder"));

  SECTION("--allow-root admits that folder explicitly") {
    const auto snap = load_snapshot(t.path(), {{outside.path()}});
    REQUIRE(snap.devices.size() == 1);
    CHECK(snap.devices[0].hostname == "r1");
    CHECK(snap.devices[0].damage.empty());
  }
  SECTION("a symlink that stays inside the snapshot is fine") {
    gp::test::TempSnapshot u;
    u.write("topology.yaml", topology_naming("configs/r1.cfg")).write("backups/r1-latest.cfg", kIos);
    fs::create_directories(fs::path(u.path()) / "configs");
    fs::create_symlink(fs::path(u.path()) / "backups/r1-latest.cfg", fs::path(u.path()) / "configs/r1.cfg");
    CHECK(load_snapshot(u.path()).devices.size() == 1);
  }
}

TEST_CASE("boundary: kernel pseudo-files and special files are refused", "[topology][hostile]") {
  SECTION("/proc/self/environ, even with / allowed") {
    gp::test::TempSnapshot t;
    t.write("topology.yaml", topology_naming("/proc/self/environ"));
    const auto m = error_of(t.path(), {{"/"}});
    CHECK_THAT(m, Catch::StartsWith("topology.yaml:4:"));
    CHECK_THAT(m, Catch::Contains("pseudo-file"));
  }
  SECTION("a device node") {
    gp::test::TempSnapshot t;
    t.write("topology.yaml", topology_naming("/dev/zero"));
    CHECK_THAT(error_of(t.path(), {{"/"}}), Catch::Contains("not a regular file"));
  }
  SECTION("a FIFO is refused without being opened (opening it would hang)") {
    gp::test::TempSnapshot t;
    t.write("topology.yaml", topology_naming("configs/r1.cfg"));
    fs::create_directories(fs::path(t.path()) / "configs");
    REQUIRE(::mkfifo((fs::path(t.path()) / "configs/r1.cfg").c_str(), 0600) == 0);
    CHECK_THAT(error_of(t.path()), Catch::Contains("not a regular file (a device, FIFO or socket)"));
  }
  SECTION("a FIFO among discovered configurations (no topology.yaml)") {
    gp::test::TempSnapshot t;
    t.write("configs/r1.cfg", kIos);
    REQUIRE(::mkfifo((fs::path(t.path()) / "configs/r2.cfg").c_str(), 0600) == 0);
    const auto m = error_of(t.path());
    CHECK_THAT(m, Catch::StartsWith("configs/r2.cfg: "));
    CHECK_THAT(m, Catch::Contains("not a regular file"));
  }
}

TEST_CASE("boundary: a run that would audit nothing is an error", "[topology][hostile]") {
  SECTION("topology.yaml is a dangling symlink") {
    gp::test::TempSnapshot t;
    t.write("configs/r1.cfg", kIos);
    fs::create_symlink(fs::path(t.path()) / "nowhere.yaml", fs::path(t.path()) / "topology.yaml");
    CHECK_THAT(error_of(t.path()),
               Catch::Contains("topology.yaml: topology file 'topology.yaml' is a symbolic "
                               "link to nothing"));
  }
  SECTION("topology.yaml is a symlink loop") {
    gp::test::TempSnapshot t;
    t.write("configs/r1.cfg", kIos);
    fs::create_symlink(fs::path(t.path()) / "b.yaml", fs::path(t.path()) / "topology.yaml");
    fs::create_symlink(fs::path(t.path()) / "topology.yaml", fs::path(t.path()) / "b.yaml");
    CHECK_THAT(error_of(t.path()), Catch::Contains("dangling, or a loop"));
  }
  SECTION("configs/ is empty") {
    gp::test::TempSnapshot t;
    fs::create_directories(fs::path(t.path()) / "configs");
    CHECK_THAT(error_of(t.path()), Catch::Contains("configs/ holds no configuration file: nothing to audit"));
  }
  SECTION("configs/ holds only files that are not configurations") {
    gp::test::TempSnapshot t;
    t.write("configs/README.md", "# backups\n").write("configs/.gitkeep", "");
    CHECK_THAT(error_of(t.path()), Catch::Contains("nothing to audit"));
  }
  SECTION("topology.yaml declares no device") {
    gp::test::TempSnapshot t;
    t.write("topology.yaml", "zones:\n  scada: {kind: control}\n");
    CHECK_THAT(error_of(t.path()), Catch::Contains("declares no device"));
  }
}
