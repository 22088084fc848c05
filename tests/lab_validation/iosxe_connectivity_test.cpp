// Reachability checked against real probes: lab-validation/snapshots/iosxe_connectivity_sample
// (a CSR1000v with ACLs between an "inside" and an "outside" Linux host; ncat/ping results in
// its show/ folder). Each case below is one probe file.
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
    x.snap = parsers::load_snapshot(test::corpus("lab-validation/snapshots/iosxe_connectivity_sample"));
    return x;
  }();
  static bool built = false;
  if (!built) {
    l.net = reach::build_network(l.snap);
    built = true;
  }
  return l;
}

int target_of(const reach::Network& net, const std::string& host) {
  for (size_t t = 0; t < net.targets.size(); ++t)
    if (net.targets[t].host == host) return static_cast<int>(t);
  FAIL("no host " << host);
  return -1;
}

// Does `p`, sent by host `from`, arrive at host `to`?
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

pkt::Packet tcp(const char* s, uint16_t sp, const char* d, uint16_t dp, bool est = false) {
  pkt::Packet p;
  p.src = *parse_ipv4(s);
  p.dst = *parse_ipv4(d);
  p.proto = 6;
  p.sport = sp;
  p.dport = dp;
  p.established = est;
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

TEST_CASE("lab iosxe_connectivity: the snapshot loads with both hosts", "[lab]") {
  auto& l = lab();
  REQUIRE(l.snap.hosts.count("inside"));
  REQUIRE(l.snap.hosts.count("outside"));
  REQUIRE(l.snap.devices.size() == 1);
}

TEST_CASE("lab iosxe_connectivity: tcp/9100 connects and its replies return", "[lab]") {
  // client_outside_192.168.123.6_tcp_9100.txt: "Connected", echoes received.
  CHECK(delivered("inside", "outside", tcp(kIn, 37905, kOut, 9100)));
  CHECK(delivered("outside", "inside", tcp(kOut, 9100, kIn, 37905, true)));
}

TEST_CASE("lab iosxe_connectivity: tcp/9101 is refused by the outbound ACL", "[lab]") {
  // client_outside_192.168.123.6_tcp_9101.txt: "No route to host"; the server saw nothing.
  CHECK_FALSE(delivered("inside", "outside", tcp(kIn, 40000, kOut, 9101)));
}

TEST_CASE("lab iosxe_connectivity: udp/9200 passes both ways", "[lab]") {
  CHECK(delivered("inside", "outside", udp(kIn, 50000, kOut, 9200)));
  CHECK(delivered("outside", "inside", udp(kOut, 9200, kIn, 50000)));
}

TEST_CASE("lab iosxe_connectivity: udp/9201 is dropped outbound", "[lab]") {
  // The server received nothing (server_192.168.123.6_udp_9201.txt).
  CHECK_FALSE(delivered("inside", "outside", udp(kIn, 50000, kOut, 9201)));
}

TEST_CASE("lab iosxe_connectivity: udp/9202 arrives but its replies are dropped inbound", "[lab]") {
  // The server received all 8 packets; the client got no echo (CONNECTIVITY_TEST_IN line 2).
  CHECK(delivered("inside", "outside", udp(kIn, 50000, kOut, 9202)));
  CHECK_FALSE(delivered("outside", "inside", udp(kOut, 9202, kIn, 50000)));
}

TEST_CASE("lab iosxe_connectivity: ping works both ways", "[lab]") {
  CHECK(delivered("inside", "outside", icmp(kIn, kOut, 8)));
  CHECK(delivered("outside", "inside", icmp(kOut, kIn, 0)));
  CHECK(delivered("outside", "inside", icmp(kOut, kIn, 8)));
}
