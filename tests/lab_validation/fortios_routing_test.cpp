// Connected and static forwarding of a FortiGate checked against its own routing table:
// lab-validation/snapshots/fortios_first_basic (FortiGate-VM 6.4.4 between two IOS routers;
// show/d2_fw/get_router_info_routing-table_all.txt).
#include <catch2/catch.hpp>
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
  std::string out;
  std::string via;
  std::string line;
};

// "S*      0.0.0.0/0 [10/0] via 10.23.31.2, port3" / "C   10.12.12.0/30 is directly connected, port2"
std::vector<ShownRoute> read_fortios_routes(const std::string& path) {
  std::ifstream in(path);
  std::vector<ShownRoute> out;
  std::string line;
  std::regex entry(R"(^([CS])\*?\s+(\d+\.\d+\.\d+\.\d+)/(\d+)\s+(.*)$)");
  std::regex conn(R"(is directly connected, (\S+))");
  std::regex via(R"(via (\d+\.\d+\.\d+\.\d+), (\S+))");
  std::smatch m, mm;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!std::regex_match(line, m, entry)) continue;
    ShownRoute r;
    r.code = m[1].str()[0];
    r.prefix = {*parse_ipv4(m[2].str()), std::stoi(m[3])};
    std::string rest = m[4];
    if (std::regex_search(rest, mm, conn)) r.out = mm[1];
    if (std::regex_search(rest, mm, via)) {
      r.via = mm[1];
      r.out = mm[2];
    }
    r.line = line;
    out.push_back(r);
  }
  return out;
}

}  // namespace

TEST_CASE("lab fortios_first_basic: connected and static routes match the FortiGate routing table",
          "[lab][fortigate]") {
  const std::string root = test::corpus("lab-validation/snapshots/fortios_first_basic");
  const std::string cfg = root + "/configs/d2_fw/show.txt";
  auto content = parsers::read_file(cfg, {});
  REQUIRE(parsers::detect_vendor(content) == model::Vendor::Fortigate);
  model::Snapshot snap;
  snap.devices.push_back(parsers::parse_device(content, "configs/d2_fw/show.txt", model::Vendor::Fortigate));
  snap.devices.back().name = "d2_fw";
  auto net = reach::build_network(snap);
  const auto& fib = net.devices[0].fib_by_vrf.at("");
  auto shown = read_fortios_routes(root + "/show/d2_fw/get_router_info_routing-table_all.txt");
  REQUIRE(shown.size() == 6);
  int checked = 0;
  for (const auto& r : shown) {
    INFO(r.line);
    Ipv4 probe = r.prefix.len == 32 ? r.prefix.addr : r.prefix.network() + 1;
    bdd dst = pkt::eq(pkt::Field::DstIp, probe);
    bool match = false;
    for (const auto& t : fib.targets) {
      if (t.dynamic || (t.dst & dst) == bddfalse || t.out_ifc < 0) continue;
      const std::string out = net.interface(t.out_ifc).name;
      if (r.code == 'C' && t.connected && out == r.out) match = true;
      if (r.code == 'S' && t.next_hop && format_ipv4(*t.next_hop) == r.via && out == r.out) match = true;
    }
    CHECK(match);
    ++checked;
  }
  CHECK(checked == 6);
  // And nothing the device does not have: a probe into 172.16.0.1 goes by the default route.
  bdd other = pkt::eq(pkt::Field::DstIp, *parse_ipv4("172.16.0.1"));
  bool via_default = false;
  for (const auto& t : fib.targets)
    if ((t.dst & other) != bddfalse && t.next_hop && format_ipv4(*t.next_hop) == "10.23.31.2")
      via_default = true;
  CHECK(via_default);
}
