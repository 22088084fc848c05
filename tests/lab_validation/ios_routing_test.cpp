// Connected and static forwarding checked against the real devices' `show ip route` in
// lab-validation/snapshots/ios_example_network (13 IOS routers).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>

#include "model/reachability/network.h"
#include "parsers/common/config_blocks.h"
#include "parsers/registry.h"
#include "test_paths.h"

using namespace gp;

namespace {

struct ShownRoute {
  char code;
  Prefix prefix;
  std::string out;  // interface for C/L
  std::string via;  // next hop for S
  std::string line;
};

std::vector<ShownRoute> read_show_ip_route(const std::string& path) {
  std::ifstream in(path);
  std::vector<ShownRoute> out;
  std::string line;
  int default_len = -1;
  std::regex subnetted(R"(^\s+(\d+\.\d+\.\d+\.\d+)/(\d+) is subnetted)");
  std::regex entry(R"(^([CLS])\*?\s+(\d+\.\d+\.\d+\.\d+)(/(\d+))?\s+(.*)$)");
  std::regex conn(R"(is directly connected, (\S+))");
  std::regex via(R"(via (\d+\.\d+\.\d+\.\d+))");
  std::smatch m;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (std::regex_search(line, m, subnetted)) {
      default_len = std::stoi(m[2]);
      continue;
    }
    if (line.find("variably subnetted") != std::string::npos) default_len = -1;
    if (!std::regex_match(line, m, entry)) continue;
    ShownRoute r;
    r.code = m[1].str()[0];
    int len = m[4].matched ? std::stoi(m[4]) : default_len;
    if (len < 0) continue;
    r.prefix = {*parse_ipv4(m[2].str()), len};
    std::string rest = m[5];
    std::smatch mm;
    if (std::regex_search(rest, mm, conn)) r.out = mm[1];
    if (std::regex_search(rest, mm, via)) r.via = mm[1];
    r.line = line;
    out.push_back(r);
  }
  return out;
}

}  // namespace

TEST_CASE("lab ios_example_network: connected and static routes match show ip route", "[lab]") {
  namespace fs = std::filesystem;
  const std::string root = test::corpus("lab-validation/snapshots/ios_example_network");
  int checked = 0;
  for (const auto& e : fs::directory_iterator(root + "/configs")) {
    const std::string name = e.path().filename();
    const std::string cfg = e.path() / "show_running-config.txt";
    const std::string shown = root + "/show/" + name + "/show_ip_route.txt";
    if (!fs::exists(cfg) || !fs::exists(shown)) continue;
    model::Snapshot snap;
    auto content = parsers::read_file(cfg, {});
    snap.devices.push_back(parsers::parse_device(content, "configs/" + name, model::Vendor::CiscoIos));
    snap.devices.back().name = name;
    auto net = reach::build_network(snap);
    const auto& fib = net.devices[0].fib_by_vrf.at("");
    for (const auto& r : read_show_ip_route(shown)) {
      INFO(name << ": " << r.line);
      Ipv4 probe = r.prefix.len == 32 ? r.prefix.addr : r.prefix.network() + 1;
      bdd dst = pkt::eq(pkt::Field::DstIp, probe);
      bool match = false;
      bool resolvable = r.code != 'S';
      for (const auto& t : fib.targets) {
        if (t.dynamic || (t.dst & dst) == bddfalse) continue;
        if ((r.code == 'C' || r.code == 'L') && t.connected && t.out_ifc >= 0 &&
            net.interface(t.out_ifc).name == r.out)
          match = true;
        if (r.code == 'S' && t.next_hop && format_ipv4(*t.next_hop) == r.via) match = true;
      }
      if (r.code == 'S') {
        // A static route whose next hop is learned by a routing protocol is installed by the
        // device but not by our connected-only resolution: only check the resolvable ones.
        for (const auto& i : snap.devices[0].interfaces)
          for (const auto& a : i.ipv4)
            if (!r.via.empty() && Prefix{a.prefix.network(), a.prefix.len}.contains(*parse_ipv4(r.via)))
              resolvable = true;
      }
      if (!resolvable) continue;
      CHECK(match);
      ++checked;
    }
  }
  CHECK(checked > 100);
}
