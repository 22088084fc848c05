// Tunnels between the snapshot's own devices (issue 9 item 2): two Yamaha RTX and two NEC IX
// routers with an IPsec tunnel over the internet. Paired ends are a link of the network (both
// ends' filters apply), not a door from outside; ends that disagree are reported with both lines.
#include "model/tunnels.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "checks/check.h"
#include "model/reachability/audit.h"
#include "parsers/topology/load_snapshot.h"
#include "test_paths.h"

using namespace gp;
namespace fs = std::filesystem;

namespace {

std::string fixture(const std::string& name) {
  return test::source_dir() + "/tests/fixtures/snapshots/" + name;
}

const reach::ZoneVerdict& zone(const reach::AuditResult& r, const std::string& id) {
  for (const auto& z : r.zones)
    if (z.zone == id) return z;
  FAIL("no zone " << id);
  return r.zones.front();
}

// A copy of a fixture with one text replaced in one of its files ("topology.yaml",
// "configs/x.cfg").
std::string patched(const std::string& name, const std::string& file, const std::string& from,
                    const std::string& to) {
  auto dir = fs::temp_directory_path() / ("gapproof-tunnels-" + name);
  fs::remove_all(dir);
  fs::copy(fixture(name), dir, fs::copy_options::recursive);
  std::ifstream in(dir / file);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(dir / file) << text;
  return dir.string();
}

bool any_source_of_kind(const reach::AuditResult& r, const std::string& kind) {
  for (const auto& z : r.zones)
    for (const auto& f : z.flows)
      for (const auto& s : f.chain)
        if (s.source_kind == kind) return true;
  for (const auto& e : r.host_exposure)
    if (e.source_kind == kind) return true;
  for (const auto& e : r.device_exposure)
    if (e.source_kind == kind) return true;
  return false;
}

// Whether the trace of the zone's flow leaves `from` by `out_ifc` and enters `to` by `in_ifc`.
bool crosses(const reach::ZoneVerdict& z, const std::string& from, const std::string& out_ifc,
             const std::string& to, const std::string& in_ifc) {
  REQUIRE_FALSE(z.flows.empty());
  const auto& hops = z.flows.front().chain.back().trace.hops;
  for (size_t i = 0; i + 1 < hops.size(); ++i)
    if (hops[i].device == from && hops[i].out_interface == out_ifc && hops[i + 1].device == to &&
        hops[i + 1].in_interface == in_ifc)
      return true;
  return false;
}

std::vector<checks::Finding> findings_of(const model::Snapshot& snap, const reach::AuditResult& r,
                                         const std::string& id) {
  std::vector<checks::Finding> out;
  for (auto& f : checks::run_all({snap, r}))
    if (f.id == id) out.push_back(std::move(f));
  return out;
}

}  // namespace

TEST_CASE("tunnels: the parsers name the tunnel interface of a route-based IPsec VPN", "[tunnels]") {
  auto rtx = parsers::load_snapshot(fixture("tunnel-rtx-pair"));
  const auto* hq = rtx.device("hq-rtx");
  REQUIRE(hq);
  REQUIRE(hq->vpns.size() == 1);
  CHECK(hq->vpns[0].tunnel_interface == "tunnel1");
  CHECK(hq->vpns[0].peer_ref.line == 37);  // ipsec ike remote address 1 198.51.100.20
  auto ix = parsers::load_snapshot(fixture("tunnel-ix-pair"));
  const auto* plant = ix.device("plant-ix");
  REQUIRE(plant);
  REQUIRE(plant->vpns.size() == 1);
  CHECK(plant->vpns[0].tunnel_interface == "Tunnel0.0");
}

TEST_CASE("tunnels: two RTX with an internet-vpn link between their tunnels and tight filters", "[tunnels]") {
  auto snap = parsers::load_snapshot(fixture("tunnel-rtx-pair"));
  const auto t = model::analyse_tunnels(snap);
  REQUIRE(t.vpns.size() == 2);
  for (const auto& p : t.vpns) CHECK(p.status == model::PeerStatus::Paired);
  CHECK(t.disagreements.empty());

  auto r = reach::audit_reachability(snap);
  for (const char* id : {"scada", "pump-1"}) {
    INFO(id);
    const auto& z = zone(r, id);
    CHECK(z.verdict == reach::Verdict::FirewallOnly);  // an internet VPN is never CLOSED
    CHECK_FALSE(z.physical_path.empty());
  }
  // The pump station's tunnel filter is among what the isolation rests on.
  bool tunnel_filter = false;
  for (const auto& b : zone(r, "pump-1").blocking)
    tunnel_filter |= b.device == "pump-rtx" && b.interface == "tunnel1" && !b.refs.empty();
  CHECK(tunnel_filter);
  CHECK_FALSE(any_source_of_kind(r, "ipsec-peer"));
  // The SCADA LANs only send into the tunnel: that is not the internet.
  CHECK(r.control_to_internet.empty());
  CHECK(findings_of(snap, r, "GAP-CONTROL-TO-INTERNET").empty());
  CHECK(findings_of(snap, r, "GAP-VPN-TUNNEL-MISMATCH").empty());
}

TEST_CASE("tunnels: a tunnel filter that admits everything lets an office PC reach the other site",
          "[tunnels]") {
  auto snap = parsers::load_snapshot(fixture("tunnel-rtx-pair-open"));
  auto r = reach::audit_reachability(snap);
  const auto& z = zone(r, "pump-1");
  REQUIRE(z.verdict == reach::Verdict::Reachable);
  CHECK(z.flows.front().chain.front().source.find("hq-pc-101") != std::string::npos);
  CHECK(crosses(z, "hq-rtx", "tunnel1", "pump-rtx", "tunnel1"));
  CHECK_FALSE(any_source_of_kind(r, "ipsec-peer"));
}

TEST_CASE("tunnels: two IX paired by their peer addresses", "[tunnels]") {
  auto snap = parsers::load_snapshot(fixture("tunnel-ix-pair"));
  const auto t = model::analyse_tunnels(snap);
  REQUIRE(t.vpns.size() == 2);
  for (const auto& p : t.vpns) {
    CHECK(p.status == model::PeerStatus::Paired);
    CHECK(p.far_interface == "Tunnel0.0");
  }
  bool inferred = false;
  for (const auto& l : snap.links) inferred |= l.inferred && model::is_tunnel_pair_link(snap, l);
  CHECK(inferred);
  auto r = reach::audit_reachability(snap);
  CHECK(zone(r, "scada").verdict == reach::Verdict::FirewallOnly);
  CHECK(zone(r, "pump-1").verdict == reach::Verdict::FirewallOnly);
  CHECK(r.control_to_internet.empty());

  auto open = parsers::load_snapshot(fixture("tunnel-ix-pair-open"));
  auto ro = reach::audit_reachability(open);
  const auto& z = zone(ro, "pump-1");
  REQUIRE(z.verdict == reach::Verdict::Reachable);
  CHECK(crosses(z, "plant-ix", "Tunnel0.0", "pump-ix", "Tunnel0.0"));
  // The PLC reached is a pivot: from port 502 it passes the plant's tunnel filter (replies only,
  // written without the established bit) to the SCADA server, back through the tunnel.
  const auto& scada = zone(ro, "scada");
  REQUIRE(scada.verdict == reach::Verdict::Reachable);
  CHECK(crosses(scada, "pump-ix", "Tunnel0.0", "plant-ix", "Tunnel0.0"));
}

TEST_CASE("tunnels: traffic selectors that do not mirror are reported with both lines", "[tunnels]") {
  auto dir =
      patched("tunnel-ix-pair", "configs/pump-ix.cfg", "ip access-list sec-hq permit ip src any dest any",
              "ip access-list sec-hq permit ip src 172.16.20.0/24 dest 172.16.10.0/24");
  auto snap = parsers::load_snapshot(dir);
  auto r = reach::audit_reachability(snap);
  auto f = findings_of(snap, r, "GAP-VPN-TUNNEL-MISMATCH");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message.find("do not mirror") != std::string::npos);
  // One end at the finding's line, the other in the message.
  const std::string plant_map = "configs/plant-ix.cfg:", pump_map = "configs/pump-ix.cfg:";
  CHECK(f[0].where.line > 0);
  CHECK(f[0].message.find(f[0].device == "plant-ix" ? pump_map : plant_map) != std::string::npos);
}

TEST_CASE("tunnels: a peer device with no tunnel back is one end missing: UNPROVEN, reported", "[tunnels]") {
  auto dir = patched("tunnel-ix-pair", "configs/pump-ix.cfg", "  ipsec policy tunnel ipsec-hq out\n", "");
  auto snap = parsers::load_snapshot(dir);
  const auto t = model::analyse_tunnels(snap);
  const auto* plant = t.of(0, 0);
  REQUIRE(plant);
  CHECK(plant->status == model::PeerStatus::Unresolved);
  auto r = reach::audit_reachability(snap);
  auto f = findings_of(snap, r, "GAP-VPN-TUNNEL-MISMATCH");
  REQUIRE_FALSE(f.empty());
  CHECK(f[0].device == "plant-ix");
  CHECK(f[0].message.find("pump-ix") != std::string::npos);
  CHECK(f[0].message.find("configs/pump-ix.cfg:") != std::string::npos);
  const auto& z = zone(r, "scada");
  REQUIRE(z.verdict == reach::Verdict::Unproven);
  bool named = false;
  for (const auto& u : z.unproven) named |= u.what.find("IPsec") != std::string::npos;
  CHECK(named);
}

TEST_CASE("tunnels: without the link, peers inside owned are unknown, peers outside are ways in",
          "[tunnels]") {
  const std::string link = "  - {kind: internet-vpn, a: \"hq-rtx:tunnel 1\", b: \"pump-rtx:tunnel 1\"}";
  SECTION("peers inside owned but on no device: UNPROVEN") {
    auto dir = patched("tunnel-rtx-pair", "topology.yaml", "owned: [10.0.0.0/8,",
                       "owned: [198.51.100.0/24, 10.0.0.0/8,");
    // The same copy, the tunnel link removed too.
    std::ifstream in(fs::path(dir) / "topology.yaml");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    text.replace(text.find(link), link.size(), "");
    std::ofstream(fs::path(dir) / "topology.yaml") << text;
    auto snap = parsers::load_snapshot(dir);
    for (const auto& p : model::analyse_tunnels(snap).vpns) CHECK(p.status == model::PeerStatus::Unresolved);
    auto r = reach::audit_reachability(snap);
    CHECK(zone(r, "pump-1").verdict == reach::Verdict::Unproven);
    CHECK_FALSE(any_source_of_kind(r, "ipsec-peer"));
  }
  SECTION("peers outside owned: the peer is a way in, through the tunnel's own filter") {
    auto snap = parsers::load_snapshot(patched("tunnel-rtx-pair-open", "topology.yaml", link, ""));
    auto r = reach::audit_reachability(snap);
    const auto& z = zone(r, "pump-1");
    REQUIRE(z.verdict == reach::Verdict::Reachable);
    CHECK(z.flows.front().chain.front().source_kind == "ipsec-peer");
    // Decrypted, it arrives on the tunnel interface (through its filter), not on the PPPoE line.
    const auto& hops = z.flows.front().chain.front().trace.hops;
    REQUIRE_FALSE(hops.empty());
    CHECK(hops.front().device == "pump-rtx");
    CHECK(hops.front().in_interface == "tunnel1");
  }
}
