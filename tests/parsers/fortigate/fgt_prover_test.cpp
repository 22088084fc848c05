// FortiGate semantics end to end: the parser's model through the prover (VIP port forward,
// policy scope, SSL-VPN pool at ssl.root).
#include <catch2/catch.hpp>

#include "model/reachability/audit.h"
#include "parsers/topology/load_snapshot.h"
#include "tests/parsers/topology/temp_snapshot.h"

using namespace gp;

namespace {

const char* kTopology = R"(name: fgt-e2e
audit_date: 2026-11-25
owned: [10.0.0.0/8]
zones:
  scada: {kind: control}
devices:
  edge: {config: configs/edge.conf, vendor: fortigate}
segments:
  scada-lan: {zone: scada, prefix: 10.20.0.0/24}
hosts:
  hmi:
    address: 10.20.0.10
    gateway: 10.20.0.1
    role: hmi
    services: [tcp/443, tcp/3389]
links:
  - {kind: internet, a: edge:wan1}
  - {kind: ethernet, a: edge:internal1, b: scada-lan}
)";

std::string edge(const std::string& policy_service, const std::string& vip_extintf) {
  return R"(#config-version=FG60F-7.2.8-FW-build1639-240313:opmode=0:vdom=0:user=admin
config system global
    set hostname "edge"
end
config system interface
    edit "wan1"
        set vdom "root"
        set ip 203.0.113.2 255.255.255.0
    next
    edit "internal1"
        set vdom "root"
        set ip 10.20.0.1 255.255.255.0
    next
end
config firewall vip
    edit "hmi-web"
        set extip 203.0.113.10
        set mappedip "10.20.0.10"
        set extintf ")" +
         vip_extintf + R"("
        set portforward enable
        set extport 8443
        set mappedport 443
    next
end
config firewall policy
    edit 1
        set srcintf "wan1"
        set dstintf "internal1"
        set srcaddr "all"
        set dstaddr "hmi-web"
        set action accept
        set schedule "always"
        set service ")" +
         policy_service + R"("
    next
end
config router static
    edit 1
        set gateway 203.0.113.1
        set device "wan1"
    next
end
)";
}

reach::Verdict verdict_of(const std::string& config) {
  test::TempSnapshot t;
  t.write("topology.yaml", kTopology).write("configs/edge.conf", config);
  auto snap = parsers::load_snapshot(t.path());
  auto res = reach::audit_reachability(snap);
  for (const auto& z : res.zones)
    if (z.zone == "scada") return z.verdict;
  FAIL("no verdict for scada");
  return reach::Verdict::Unproven;
}

}  // namespace

TEST_CASE("FortiGate e2e: a VIP port forward allowed by its policy exposes the HMI", "[fortigate]") {
  CHECK(verdict_of(edge("HTTPS", "wan1")) == reach::Verdict::Reachable);
  CHECK(verdict_of(edge("HTTPS", "any")) == reach::Verdict::Reachable);
}

TEST_CASE("FortiGate e2e: a disabled policy, a deny policy and no policy all stop it", "[fortigate]") {
  auto with = [](const std::string& from, const std::string& to) {
    std::string c = edge("HTTPS", "wan1");
    c.replace(c.find(from), from.size(), to);
    return c;
  };
  CHECK(verdict_of(with("set action accept", "set action accept\n        set status disable")) ==
        reach::Verdict::FirewallOnly);
  CHECK(verdict_of(with("set action accept", "set action deny")) == reach::Verdict::FirewallOnly);
  CHECK(verdict_of(with("set srcintf \"wan1\"", "set srcintf \"internal1\"")) ==
        reach::Verdict::FirewallOnly);
}
