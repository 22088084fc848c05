// Reachability checked against real probes: lab-validation/snapshots/iosxe_connectivity_sample
// (a CSR1000v with ACLs between an "inside" and an "outside" Linux host; ncat/ping results in
// its show/ folder). Each case below is one probe file.
#include <catch2/catch.hpp>

#include "lab_probe.h"

using namespace gp;

namespace {

using test::icmp;
using test::tcp;
using test::udp;

test::LabSnapshot& lab() { return test::lab_snapshot("lab-validation/snapshots/iosxe_connectivity_sample"); }
bool delivered(const std::string& from, const std::string& to, const pkt::Packet& p) {
  return test::delivered(lab(), from, to, p);
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
