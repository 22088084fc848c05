// Reachability through a FortiGate checked against real probes:
// lab-validation/snapshots/fortios_fw_policy_basic (FortiGate-VM 6.4.4 with zones "inside"
// (port1, port2) and "outside" (port3), an "inside" and an "outside" Linux host; ncat/ping
// results in its show/ folder). Each case below is one probe file.
#include <catch2/catch.hpp>

#include "model/reachability/propagate.h"
#include "parsers/topology/load_snapshot.h"
#include "test_paths.h"

using namespace gp;

namespace {

struct Lab {
  model::Snapshot snap;
  reach::Network net;
};

Lab& lab() {
  static Lab l = [] {
    Lab x;
    x.snap = parsers::load_snapshot(test::corpus("lab-validation/snapshots/fortios_fw_policy_basic"));
    x.net = reach::build_network(x.snap);
    return x;
  }();
  return l;
}

int target_of(const reach::Network& net, const std::string& host) {
  for (size_t t = 0; t < net.targets.size(); ++t)
    if (net.targets[t].host == host) return static_cast<int>(t);
  FAIL("no host " << host);
  return -1;
}

// Does `p`, sent by host `from` as a new connection, arrive at host `to`?
bool delivered(const std::string& from, const std::string& to, const pkt::Packet& p) {
  auto& l = lab();
  int src_t = target_of(l.net, from), dst_t = target_of(l.net, to);
  reach::Source s;
  s.kind = reach::Source::Kind::Pivot;
  s.description = from;
  reach::Source::HostGroup g;
  g.domain = l.net.targets[src_t].domain;
  g.gateway = l.snap.hosts.at(from).gateway;
  g.targets = {src_t};
  g.packets = pkt::of(p);
  s.host_groups.push_back(g);
  s.packets = g.packets;
  auto run = reach::propagate(l.net, s, reach::Mode::Must);
  return run.target_reached[dst_t] != bddfalse;
}

pkt::Packet tcp(const char* s, uint16_t sp, const char* d, uint16_t dp) {
  pkt::Packet p;
  p.src = *parse_ipv4(s);
  p.dst = *parse_ipv4(d);
  p.proto = 6;
  p.sport = sp;
  p.dport = dp;
  return p;
}
pkt::Packet udp(const char* s, uint16_t sp, const char* d, uint16_t dp) {
  auto p = tcp(s, sp, d, dp);
  p.proto = 17;
  return p;
}
pkt::Packet icmp(const char* s, const char* d, int type) {
  pkt::Packet p;
  p.src = *parse_ipv4(s);
  p.dst = *parse_ipv4(d);
  p.proto = 1;
  p.icmp_type = type;
  return p;
}

constexpr const char* kIn = "192.168.123.1";
constexpr const char* kOut = "192.168.123.6";

}  // namespace

TEST_CASE("lab fortios_fw_policy_basic: the snapshot loads as one FortiGate and two hosts", "[lab][fortigate]") {
  auto& l = lab();
  REQUIRE(l.snap.hosts.count("inside"));
  REQUIRE(l.snap.hosts.count("outside"));
  REQUIRE(l.snap.devices.size() == 1);
  const auto& d = l.snap.devices[0];
  CHECK(d.vendor == model::Vendor::Fortigate);
  CHECK(d.unrecognised.empty());
  CHECK(d.forward_filter == "firewall-policy");
}

TEST_CASE("lab fortios_fw_policy_basic: tcp/9100 is allowed by policy 1", "[lab][fortigate]") {
  // inside/client_outside_192.168.123.6_tcp_9100.txt: "Connected", echoes received; the server
  // logged the connection. Replies belong to the session (stateful): not new flows.
  CHECK(delivered("inside", "outside", tcp(kIn, 40135, kOut, 9100)));
}

TEST_CASE("lab fortios_fw_policy_basic: tcp/9101 is dropped by the implicit deny", "[lab][fortigate]") {
  // client: "Connection timed out"; server_..._tcp_9101.txt: no connection.
  // Policy 2 names tcp/9101 but is scoped outside -> inside and has no action (deny).
  CHECK_FALSE(delivered("inside", "outside", tcp(kIn, 40000, kOut, 9101)));
}

TEST_CASE("lab fortios_fw_policy_basic: udp/9200 is allowed (service CUSTOM_UDP_9100)", "[lab][fortigate]") {
  // The server received all 8 packets and echoed them.
  CHECK(delivered("inside", "outside", udp(kIn, 50000, kOut, 9200)));
}

TEST_CASE("lab fortios_fw_policy_basic: udp/9201 never reaches the server", "[lab][fortigate]") {
  // ncat "Connected" is UDP's local socket only: the server logged nothing, no echo came back.
  CHECK_FALSE(delivered("inside", "outside", udp(kIn, 50000, kOut, 9201)));
}

TEST_CASE("lab fortios_fw_policy_basic: ping works both ways (policy 3, any -> any)", "[lab][fortigate]") {
  CHECK(delivered("inside", "outside", icmp(kIn, kOut, 8)));
  CHECK(delivered("outside", "inside", icmp(kOut, kIn, 8)));
}

TEST_CASE("lab fortios_fw_policy_basic: outside cannot open tcp/9100 or udp/9200 toward inside", "[lab][fortigate]") {
  // No probe was run this way; the policy table allows it only inside -> outside.
  CHECK_FALSE(delivered("outside", "inside", tcp(kOut, 40000, kIn, 9100)));
  CHECK_FALSE(delivered("outside", "inside", udp(kOut, 40000, kIn, 9200)));
}
