// The balanced folds (rule_tree.h) against the plain left-to-right walks they replace, on random
// rule lists small enough that rules overlap, repeat and shadow one another often.
#include "model/reachability/rule_tree.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <limits>

#include "model/reachability/filter_bdd.h"
#include "model/reachability/shadowed_rules.h"
#include "snapshot_builder.h"

using namespace gp;
using namespace gp::test;
using model::Action;

namespace {

struct Lcg {
  uint64_t s;
  int next(int n) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<int>((s >> 33) % static_cast<uint64_t>(n));
  }
};

std::vector<model::FilterRule> random_rules(Lcg& g, int n, bool with_unknown) {
  static const char* addrs[] = {"any",         "10.0.0.0/8",  "10.1.0.0/16",
                                "10.1.2.0/24", "10.1.2.3/32", "192.168.0.0/16"};
  static const int ports[] = {-1, 22, 502};
  std::vector<model::FilterRule> out;
  for (int i = 0; i < n; ++i) {
    int p = g.next(3);
    std::optional<int> proto;
    if (p == 1) proto = model::proto::kTcp;
    if (p == 2) proto = model::proto::kUdp;
    auto r = rule(g.next(2) ? Action::Permit : Action::Deny, addrs[g.next(6)], addrs[g.next(6)], proto,
                  proto ? ports[g.next(3)] : -1, i + 1);
    if (g.next(10) == 0) r.inactive = true;
    if (with_unknown && g.next(12) == 0) r.understood = false;
    out.push_back(r);
  }
  return out;
}

std::vector<const model::FilterRule*> pointers(const std::vector<model::FilterRule>& rules) {
  std::vector<const model::FilterRule*> p;
  for (const auto& r : rules) p.push_back(&r);
  return p;
}

// The reference: one rule at a time against the union of the earlier ones.
std::vector<reach::ShadowedRule> shadowed_by_walk(const std::vector<model::FilterRule>& rules) {
  std::vector<reach::ShadowedRule> out;
  std::vector<bdd> match;
  for (const auto& r : rules) match.push_back(reach::shadow_analysable(r) ? reach::match_of(r) : bddfalse);
  for (size_t i = 0; i < rules.size(); ++i) {
    const bdd m = match[i];
    if (!reach::shadow_analysable(rules[i]) || m == bddfalse) continue;
    bdd earlier = bddfalse;
    for (size_t j = 0; j < i; ++j) earlier |= match[j];
    if ((m - earlier) != bddfalse) continue;
    reach::ShadowedRule sh{i, {}, reach::ShadowKind::Mixed};
    for (size_t j = 0; j < i; ++j)
      if (match[j] == m) {
        sh.covering = {j};
        break;
      }
    if (sh.covering.empty()) {
      bdd cov = bddfalse;
      for (size_t j = 0; j < i && (m - cov) != bddfalse; ++j) {
        bdd x = (match[j] & m) - cov;
        if (x == bddfalse) continue;
        cov |= x;
        sh.covering.push_back(j);
      }
    }
    bool same = false, opposite = false;
    for (size_t j : sh.covering) (rules[j].action == rules[i].action ? same : opposite) = true;
    sh.kind = same && !opposite   ? reach::ShadowKind::SameAction
              : opposite && !same ? reach::ShadowKind::OppositeAction
                                  : reach::ShadowKind::Mixed;
    out.push_back(sh);
  }
  return out;
}

}  // namespace

TEST_CASE("the prefix stack holds exactly the rules pushed, as ranges of decreasing powers of two",
          "[prover]") {
  pkt::init();
  Lcg g{7};
  for (int n : {1, 2, 3, 5, 8, 13, 33}) {
    auto rules = random_rules(g, n, false);
    reach::PrefixStack stack;
    bdd walk = bddfalse, permitted = bddfalse;
    for (int i = 0; i < n; ++i) {
      bdd m = reach::match_of(rules[i]);
      bdd p = rules[i].action == Action::Permit ? m : bddfalse;
      permitted |= p - walk;
      walk |= m;
      reach::push_rule(stack, m, p);
      CHECK(reach::prefix_union(stack) == walk);
      size_t total = 0, last = std::numeric_limits<size_t>::max();
      for (const auto& r : stack.ranges) {
        CHECK((r.size & (r.size - 1)) == 0);
        CHECK(r.size < last);
        last = r.size;
        total += r.size;
      }
      CHECK(total == static_cast<size_t>(i + 1));
    }
    auto all = reach::fold_all(stack);
    CHECK(all.matched == walk);
    CHECK(all.permitted == permitted);
  }
}

TEST_CASE("the first-match fold permits what the rule-by-rule walk permits", "[prover]") {
  pkt::init();
  Lcg g{11};
  for (int round = 0; round < 40; ++round) {
    auto rules = random_rules(g, 1 + g.next(70), true);
    auto ptrs = pointers(rules);
    for (auto dflt : {Action::Deny, Action::Permit}) {
      auto compiled = reach::compile_rules(ptrs, dflt);
      for (auto mode : {reach::Mode::Must, reach::Mode::May})
        for (const bdd& in : {pkt::all(), pkt::prefix(pkt::Field::DstIp, A("10.1.0.0"), 16)}) {
          auto a = reach::apply_rules(ptrs, dflt, in, mode);
          auto b = reach::apply_compiled(compiled, in, mode);
          REQUIRE(a.permitted == b.permitted);
          REQUIRE(a.denied == b.denied);
          REQUIRE(a.unknown_touched == b.unknown_touched);
        }
    }
  }
}

TEST_CASE("shadowed rules from the union tree equal the rule-by-rule walk", "[prover]") {
  pkt::init();
  Lcg g{23};
  int shadows_seen = 0;
  for (int round = 0; round < 40; ++round) {
    auto rules = random_rules(g, 2 + g.next(60), true);
    auto ptrs = pointers(rules);
    auto expected = shadowed_by_walk(rules);
    shadows_seen += static_cast<int>(expected.size());
    std::vector<bdd> match;
    for (const auto& r : rules) match.push_back(reach::shadow_analysable(r) ? reach::match_of(r) : bddfalse);
    auto alone = reach::shadowed_rules(ptrs, match);
    std::optional<std::vector<reach::ShadowedRule>> from_compile;
    reach::compile_rules(ptrs, Action::Deny, &from_compile);
    REQUIRE(from_compile.has_value());
    for (const auto* got : {&alone, &*from_compile}) {
      REQUIRE(got->size() == expected.size());
      for (size_t k = 0; k < expected.size(); ++k) {
        CHECK((*got)[k].rule == expected[k].rule);
        CHECK((*got)[k].covering == expected[k].covering);
        CHECK((*got)[k].kind == expected[k].kind);
      }
    }
  }
  CHECK(shadows_seen > 40);  // the lists do exercise shadowing
}

TEST_CASE("sample points lie in their set and are found by the path walk", "[prover]") {
  pkt::init();
  Lcg g{5};
  auto rules = random_rules(g, 30, false);
  for (const auto& r : rules) {
    bdd m = reach::match_of(r);
    for (uint64_t seed = 0; seed < 4; ++seed) {
      auto p = pkt::sample_point(m, seed);
      CHECK(pkt::contains_point(m, p));
      CHECK_FALSE(pkt::contains_point(bddtrue - m, p));
    }
  }
  // Different seeds spread over the free bits.
  bdd any_tcp = pkt::eq(pkt::Field::Proto, 6);
  CHECK(pkt::sample_point(any_tcp, 1) != pkt::sample_point(any_tcp, 2));
}
