// Debug aid (hidden): prints the unrecognised lines of FGT_DUMP=<corpus path>.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>

#include "tests/parsers/fortigate/fgt_test_util.h"

TEST_CASE("FortiOS dump", "[.fgt-dump]") {
  const char* p = std::getenv("FGT_DUMP");
  if (!p) return;
  auto d = gp::parsers::parse_fortigate(gp::test::fgt::slurp(p), p);
  for (const auto& u : d.unrecognised)
    std::cout << u.src_ref.line << " [" << u.context_name << "] " << u.text
              << (u.affects_forwarding ? " *" : "") << "\n";
  for (const auto& [n, f] : d.filters)
    for (const auto& r : f.rules)
      std::cout << "rule " << r.text << " in=" << r.in_interfaces.size() << " out=" << r.out_interfaces.size()
                << " src=" << r.src.size() << " dst=" << r.dst.size() << " svc=" << r.services.size()
                << (r.understood ? "" : " NOT: " + r.why_not_understood) << (r.inactive ? " inactive" : "")
                << "\n";
  for (const auto& i : d.interfaces)
    std::cout << "ifc " << i.name << " zone=" << i.zone << " vrf=" << i.vrf << " addrs=" << i.ipv4.size()
              << "\n";
  for (const auto& r : d.routes)
    std::cout << "route " << gp::format_prefix(r.prefix) << " " << r.out_interface << "\n";
  for (const auto& s : d.services)
    std::cout << "svc " << int(s.protocol) << " en=" << s.enabled << " ifcs=" << s.allowed_interfaces.size()
              << "\n";
  for (const auto& [n, r] : d.notes) std::cout << "note " << n << "\n";
}
