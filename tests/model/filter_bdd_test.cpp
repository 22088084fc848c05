#include "model/reachability/filter_bdd.h"

#include <catch2/catch.hpp>

#include "snapshot_builder.h"

using namespace gp;
using namespace gp::test;
using model::Action;

TEST_CASE("compiled filters agree with rule-by-rule evaluation in both modes", "[prover]") {
  pkt::init();
  auto unknown = rule(Action::Permit, "any", "10.0.0.0/8", std::nullopt, -1, 3);
  unknown.understood = false;
  std::vector<model::FilterRule> rules = {
      rule(Action::Deny, "192.168.0.0/16", "10.1.0.0/16", model::proto::kTcp, 23, 1),
      rule(Action::Permit, "any", "10.1.0.10/32", model::proto::kTcp, 502, 2),
      unknown,
      rule(Action::Permit, "172.16.0.0/12", "any", model::proto::kUdp, 161, 4),
      rule(Action::Deny, "any", "any", std::nullopt, -1, 5),
  };
  std::vector<const model::FilterRule*> ptrs;
  for (const auto& r : rules) ptrs.push_back(&r);
  for (auto dflt : {Action::Deny, Action::Permit}) {
    auto compiled = reach::compile_rules(ptrs, dflt);
    for (auto mode : {reach::Mode::Must, reach::Mode::May}) {
      for (const bdd& in :
           {pkt::all(), pkt::prefix(pkt::Field::DstIp, A("10.1.0.0"), 16),
            pkt::eq(pkt::Field::Proto, 17) & pkt::prefix(pkt::Field::SrcIp, A("172.16.0.0"), 12)}) {
        auto a = reach::apply_rules(ptrs, dflt, in, mode);
        auto b = reach::apply_compiled(compiled, in, mode);
        CHECK(a.permitted == b.permitted);
        CHECK(a.denied == b.denied);
        CHECK(a.unknown_touched == b.unknown_touched);
      }
    }
  }
  // The unknown rule permits in May mode what reaches it and drops it in Must mode.
  auto c = reach::compile_rules(ptrs, Action::Deny);
  bdd to10 = pkt::eq(pkt::Field::DstIp, A("10.2.0.1")) & pkt::eq(pkt::Field::Proto, 17);
  CHECK(reach::apply_compiled(c, to10, reach::Mode::May).permitted == to10);
  CHECK(reach::apply_compiled(c, to10, reach::Mode::Must).permitted == bddfalse);
}
