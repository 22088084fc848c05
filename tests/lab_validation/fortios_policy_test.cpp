// Reachability through a FortiGate checked against real probes:
// lab-validation/snapshots/fortios_fw_policy_basic (FortiGate-VM 6.4.4 with zones "inside"
// (port1, port2) and "outside" (port3), an "inside" and an "outside" Linux host; ncat/ping
// results in its show/ folder). Each case below is one probe file.
#include <catch2/catch.hpp>

#include "lab_probe.h"

using namespace gp;

namespace {

using test::icmp;
using test::tcp;
using test::udp;

test::LabSnapshot& lab() { return test::lab_snapshot("lab-validation/snapshots/fortios_fw_policy_basic"); }
bool delivered(const std::string& from, const std::string& to, const pkt::Packet& p) {
  return test::delivered(lab(), from, to, p);
}

constexpr const char* kIn = "192.168.123.1";
constexpr const char* kOut = "192.168.123.6";

}  // namespace

TEST_CASE("lab fortios_fw_policy_basic: the snapshot loads as one FortiGate and two hosts",
          "[lab][fortigate]") {
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

TEST_CASE("lab fortios_fw_policy_basic: outside cannot open tcp/9100 or udp/9200 toward inside",
          "[lab][fortigate]") {
  // No probe was run this way; the policy table allows it only inside -> outside.
  CHECK_FALSE(delivered("outside", "inside", tcp(kOut, 40000, kIn, 9100)));
  CHECK_FALSE(delivered("outside", "inside", udp(kOut, 40000, kIn, 9200)));
}
