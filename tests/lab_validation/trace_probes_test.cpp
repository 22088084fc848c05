// `gapproof trace` against every probe recorded in the lab snapshots of dialects gapproof reads:
// lab-validation/snapshots/<lab>/show/<host>/ holds what each Linux host saw —
//   ping_-c_1_-S_<src>_<dst>.txt            "1 received": request and reply both got through
//   client_<server>_<ip>_<proto>_<port>.txt  "[ECHO:]" lines: the server's echo came back
//   server_<ip>_<proto>_<port>.txt           (in the server's folder) "packetN:" lines: it arrived
// The expected answer of each probe is read from those files, never written here.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "model/reachability/flow_trace.h"
#include "parsers/topology/load_snapshot.h"
#include "test_paths.h"

using namespace gp;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Probe {
  std::string file;  // relative to the lab, for messages
  reach::FlowQuery query;
  bool request_arrived = false;
  bool reply_arrived = false;
};

// Every probe file of one lab.
std::vector<Probe> probes_of(const fs::path& lab, const model::Snapshot& snap) {
  std::vector<Probe> out;
  const std::regex ping(R"(ping_-c_1_-S_([0-9.]+)_([0-9.]+)\.txt)");
  const std::regex client(R"(client_([^_]+)_([0-9.]+)_(tcp|udp)_(\d+)\.txt)");
  for (const auto& host_dir : fs::directory_iterator(lab / "show")) {
    if (!host_dir.is_directory()) continue;
    const std::string host = host_dir.path().filename().string();
    if (!snap.hosts.count(host)) continue;  // a device's show commands, not a probing host
    for (const auto& f : fs::directory_iterator(host_dir.path())) {
      const std::string name = f.path().filename().string();
      const std::string text = slurp(f.path());
      std::smatch m;
      Probe p;
      p.file = "show/" + host + "/" + name;
      if (std::regex_match(name, m, ping)) {
        // The source address names the host when it is the host's own (it always is here).
        p.query.from = host;
        p.query.to = *parse_ipv4(m[2].str());
        p.query.proto = 1;
        p.request_arrived = p.reply_arrived = text.find(" 1 received") != std::string::npos;
      } else if (std::regex_match(name, m, client)) {
        p.query.from = host;
        p.query.to = *parse_ipv4(m[2].str());
        p.query.proto = m[3] == "tcp" ? 6 : 17;
        p.query.dport = static_cast<uint16_t>(std::stoi(m[4]));
        const fs::path server = lab / "show" / m[1].str() /
                                ("server_" + m[2].str() + "_" + m[3].str() + "_" + m[4].str() + ".txt");
        REQUIRE(fs::exists(server));
        p.request_arrived = slurp(server).find("packet1:") != std::string::npos;
        p.reply_arrived = text.find("[ECHO:]") != std::string::npos;
      } else {
        continue;
      }
      out.push_back(p);
    }
  }
  return out;
}

struct Tally {
  int probes = 0, agree = 0;
};

Tally compare_lab(const std::string& name) {
  const fs::path lab = test::corpus("lab-validation/snapshots/" + name);
  model::Snapshot snap = parsers::load_snapshot(lab.string());
  Tally t;
  for (const auto& p : probes_of(lab, snap)) {
    ++t.probes;
    INFO(name << " " << p.file);
    reach::FlowAnswer a = reach::trace_flow(snap, p.query);
    REQUIRE(a.paths.size() == 1);
    const auto& path = a.paths.front();
    const bool request = path.request.disposition == reach::Disposition::Delivered;
    // A probe's "did not arrive" is a proof only when gapproof says DROPPED, never UNPROVEN.
    if (!p.request_arrived) CHECK(path.request.disposition == reach::Disposition::Dropped);
    CHECK(request == p.request_arrived);
    bool reply_ok = true;
    if (request) {
      REQUIRE(path.reply);
      const auto want = p.reply_arrived ? reach::Disposition::Delivered : reach::Disposition::Dropped;
      CHECK(path.reply->disposition == want);
      reply_ok = path.reply->disposition == want;
    }
    if (request == p.request_arrived && reply_ok) ++t.agree;
  }
  return t;
}

}  // namespace

TEST_CASE("trace vs lab probes: iosxe_connectivity_sample (IOS-XE ACLs in and out)", "[lab][trace]") {
  Tally t = compare_lab("iosxe_connectivity_sample");
  // 5 ncat clients and 6 pings (to self, the router, the other host) were recorded.
  CHECK(t.probes == 11);
  CHECK(t.agree == t.probes);
}

TEST_CASE("trace vs lab probes: fortios_fw_policy_basic (FortiGate policy)", "[lab][trace]") {
  Tally t = compare_lab("fortios_fw_policy_basic");
  CHECK(t.probes == 8);
  CHECK(t.agree == t.probes);
}

TEST_CASE("trace vs lab probes: a dropped probe names the deciding line", "[lab][trace]") {
  const fs::path lab = test::corpus("lab-validation/snapshots/iosxe_connectivity_sample");
  model::Snapshot snap = parsers::load_snapshot(lab.string());
  reach::FlowQuery q;
  q.from = "inside";
  q.to = *parse_ipv4("192.168.123.6");
  q.proto = 6;
  q.dport = 9101;
  auto a = reach::trace_flow(snap, q);
  REQUIRE(a.paths.front().request.deciding.size() == 1);
  const auto& d = a.paths.front().request.deciding.front();
  // The deny line of CONNECTIVITY_TEST_OUT for tcp/9101, where the configuration has it.
  const std::string cfg = slurp(lab / d.ref.file);
  std::istringstream lines(cfg);
  std::string line;
  for (int i = 0; i < d.ref.line; ++i) std::getline(lines, line);
  CHECK(line.find("deny") != std::string::npos);
  CHECK(line.find("eq 9101") != std::string::npos);
}
