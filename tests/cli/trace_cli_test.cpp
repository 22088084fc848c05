// `gapproof trace` on the bundled samples: the CLI contract (exit statuses, JSON shape) and the
// answer for one flow of each kind, with the exact line that decides it.
#include <sys/wait.h>

#include <array>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

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

std::string sample(const std::string& name) { return gp::test::source_dir() + "/samples/" + name; }

json trace_json(const std::string& sample_name, const std::string& args) {
  auto r = run("trace " + sample(sample_name) + " " + args + " --format json");
  INFO(r.out);
  REQUIRE(r.status == 0);
  return json::parse(r.out);
}

// The 1-based number of the first line of `file` containing `needle` (0: none).
int line_of(const std::string& file, const std::string& needle) {
  std::ifstream in(file);
  std::string line;
  for (int n = 1; std::getline(in, line); ++n)
    if (line.find(needle) != std::string::npos) return n;
  return 0;
}

std::vector<std::string> hop_devices(const json& hops) {
  std::vector<std::string> out;
  for (const auto& h : hops) out.push_back(h["device"]);
  return out;
}

bool has_fact(const json& hop, const std::string& file, int line) {
  for (const auto& f : hop["facts"])
    if (f["file"] == file && f["line"] == line) return true;
  return false;
}

}  // namespace

TEST_CASE("trace: a SCADA poll to a PLC is delivered, each hop citing its permit line", "[cli][trace]") {
  auto j = trace_json("water-utility", "--from scada-srv-01 --to 172.16.101.10 --dport 502");
  CHECK(j["disposition"] == "DELIVERED");
  CHECK(j["reply"] == "DELIVERED");
  CHECK(j["from"]["kind"] == "host");
  CHECK(j["packet"]["dport"] == 502);
  CHECK(hop_devices(j["hops"]) == std::vector<std::string>{"plant-fw", "plant-rtr", "pump1-rtr"});
  const std::string dir = sample("water-utility") + "/";
  CHECK(has_fact(j["hops"][0], "configs/plant-fw.cfg",
                 line_of(dir + "configs/plant-fw.cfg",
                         "permit tcp object-group SCADA-SERVERS object-group PUMP-PLC-LANS eq 502")));
  CHECK(has_fact(j["hops"][2], "configs/pump1-rtr.cfg",
                 line_of(dir + "configs/pump1-rtr.cfg",
                         "permit tcp object-group SCADA-POLLERS object-group PUMP1-PLC eq 502")));
  CHECK(j["paths"][0]["request"]["end"] == json{{"kind", "host"}, {"name", "pump1-plc-01"}});
}

TEST_CASE("trace: the historian cannot open RDP into the SCADA LAN: the deny line of dmz_access_in",
          "[cli][trace]") {
  auto j = trace_json("water-utility", "--from hist-01 --to 172.16.10.10 --dport 3389");
  CHECK(j["disposition"] == "DROPPED");
  CHECK(j["reply"].is_null());
  const auto& deciding = j["paths"][0]["request"]["deciding"];
  REQUIRE(deciding.size() == 1);
  CHECK(deciding[0]["device"] == "plant-fw");
  CHECK(deciding[0]["file"] == "configs/plant-fw.cfg");
  CHECK(deciding[0]["line"] == line_of(sample("water-utility") + "/configs/plant-fw.cfg",
                                       "access-list dmz_access_in extended deny ip any any"));
}

TEST_CASE("trace: no route is a drop at the device that has none", "[cli][trace]") {
  // plant-rtr has no route to the well field's leased-line LAN (a separate component).
  auto j = trace_json("water-utility", "--from plant-rtr --to 172.16.31.10");
  CHECK(j["disposition"] == "DROPPED");
  CHECK(j["from"]["kind"] == "device");
  const auto& deciding = j["paths"][0]["request"]["deciding"];
  REQUIRE(deciding.size() == 1);
  CHECK(deciding[0]["device"] == "plant-rtr");
  CHECK(deciding[0]["what"].get<std::string>().find("no route") != std::string::npos);
}

TEST_CASE("trace: a port forward shows its NAT rewrite, and a reply the router filters", "[cli][trace]") {
  // variant-reachable: plant-fw forwards its outside address tcp/5900 to hmi-01 (static NAT).
  auto j = trace_json("variant-reachable", "--from plant-rtr --to 10.10.0.2 --dport 5900");
  CHECK(j["disposition"] == "DELIVERED");
  const auto& req = j["paths"][0]["request"];
  CHECK(req["end"]["name"] == "hmi-01");
  REQUIRE(req["nat"].size() == 1);
  CHECK(req["nat"][0]["device"] == "plant-fw");
  CHECK(req["nat"][0]["before"]["dst"] == "10.10.0.2");
  CHECK(req["nat"][0]["after"]["dst"] == "172.16.10.21");
  REQUIRE(req["nat"][0]["lines"].size() == 1);
  CHECK(req["nat"][0]["lines"][0]["line"] == line_of(sample("variant-reachable") + "/configs/plant-fw.cfg",
                                                     "static interface service tcp 5900 5900"));
  // The reply (from hmi-01, translated back by plant-fw's session) is addressed to plant-rtr
  // itself, and FW-IN, inbound on its firewall side, ends in "deny ip any any".
  CHECK(j["reply"] == "DROPPED");
  const auto& reply = j["paths"][0]["reply"];
  CHECK(reply["deciding"][0]["device"] == "plant-rtr");
  CHECK(reply["deciding"][0]["line"] ==
        line_of(sample("variant-reachable") + "/configs/plant-rtr.cfg", " deny   ip any any log"));
}

TEST_CASE("trace: a line not understood on the path makes the answer UNPROVEN, citing it", "[cli][trace]") {
  // variant-unproven: the vendor VPN pool to eng-01:3389 rests on a plant-fw line with a time-range.
  auto j = trace_json("variant-unproven", "--from 192.168.60.10 --to 172.16.10.30 --dport 3389");
  CHECK(j["disposition"] == "UNPROVEN");
  CHECK(j["from"]["kind"] == "vpn-pool");
  const auto& unproven = j["paths"][0]["request"]["unproven"];
  REQUIRE(unproven.size() >= 1);
  CHECK(unproven[0]["file"] == "configs/plant-fw.cfg");
  CHECK(unproven[0]["line"] ==
        line_of(sample("variant-unproven") + "/configs/plant-fw.cfg", "eq 3389 time-range VENDOR-MAINT"));
}

TEST_CASE("trace: from the internet, one answer per internet point", "[cli][trace]") {
  auto j = trace_json("water-utility", "--from 203.0.113.5 --to 172.16.20.10 --dport 443");
  CHECK(j["from"]["kind"] == "internet");
  CHECK(j["disposition"] == "DROPPED");
  REQUIRE(j["paths"].size() == 2);  // hq-rtr's Dialer1 and vendor-fw's own line
  std::set<std::string> stopped_by;
  for (const auto& p : j["paths"]) {
    CHECK(p["request"]["disposition"] == "DROPPED");
    stopped_by.insert(p["request"]["deciding"][0]["device"].get<std::string>());
  }
  CHECK(stopped_by == std::set<std::string>{"hq-rtr", "vendor-fw"});
}

TEST_CASE("trace: text output names the disposition and each hop's lines", "[cli][trace]") {
  auto r = run("trace " + sample("water-utility") + " --from hist-01 --to 172.16.10.10 --dport 3389");
  CHECK(r.status == 0);
  CHECK(r.out.find("disposition: DROPPED") != std::string::npos);
  CHECK(r.out.find("[configs/plant-fw.cfg:") != std::string::npos);
}

TEST_CASE("trace: a configs-only folder works, links inferred", "[cli][trace]") {
  auto dir = fs::temp_directory_path() / "gapproof-trace-configs-only";
  fs::remove_all(dir);
  fs::create_directories(dir / "configs");
  for (const auto& f : fs::directory_iterator(sample("water-utility") + "/configs"))
    fs::copy_file(f.path(), dir / "configs" / f.path().filename());
  auto r = run("trace " + dir.string() + " --from plant-fw --to 172.16.101.10 --dport 502 --format json");
  INFO(r.out);
  REQUIRE(r.status == 0);
  auto j = json::parse(r.out);
  // plant-fw sends from its outside address 10.10.0.2, which plant-rtr's FW-IN does not admit to
  // the pump LANs (only the SCADA servers may poll).
  CHECK(j["packet"]["src"] == "10.10.0.2");
  CHECK(j["disposition"] == "DROPPED");
  CHECK(j["paths"][0]["request"]["deciding"][0]["device"] == "plant-rtr");
}

TEST_CASE("trace: input errors exit 2 and say what was wrong", "[cli][trace]") {
  const std::string dir = sample("water-utility");
  auto unknown = run("trace " + dir + " --from no-such-device --to 10.0.0.1");
  CHECK(unknown.status == 2);
  CHECK(unknown.out.find("--from no-such-device") != std::string::npos);
  auto bad_ip = run("trace " + dir + " --from hist-01 --to 10.0.0.300");
  CHECK(bad_ip.status == 2);
  CHECK(bad_ip.out.find("--to 10.0.0.300") != std::string::npos);
  auto bad_port = run("trace " + dir + " --from hist-01 --to 10.0.0.1 --dport 65536");
  CHECK(bad_port.status == 2);
  CHECK(bad_port.out.find("--dport") != std::string::npos);
  auto icmp_port = run("trace " + dir + " --from hist-01 --to 10.0.0.1 --proto icmp --dport 22");
  CHECK(icmp_port.status == 2);
  auto no_port = run("trace " + dir + " --from hist-01 --to 10.0.0.1 --proto udp");
  CHECK(no_port.status == 2);
  CHECK(no_port.out.find("--dport") != std::string::npos);
  // Inside `owned`, yet nothing of the snapshot has it: not a place a packet can start.
  auto nowhere = run("trace " + dir + " --from 10.99.99.99 --to 10.0.0.1");
  CHECK(nowhere.status == 2);
  CHECK(nowhere.out.find("--from 10.99.99.99") != std::string::npos);
  CHECK(run("trace /nonexistent/gapproof-snapshot --from a --to 10.0.0.1").status == 2);
}
