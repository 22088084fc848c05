#include "model/reachability/rule_tree.h"

namespace gp::reach {

namespace {

RuleRange combine(const RuleRange& left, const RuleRange& right) {
  return {left.matched | right.matched, left.permitted | (right.permitted - left.matched),
          left.size + right.size};
}

}  // namespace

void push_rule(PrefixStack& s, const bdd& matched, const bdd& permitted) {
  RuleRange r{matched, permitted, 1};
  while (!s.ranges.empty() && s.ranges.back().size == r.size) {
    r = combine(s.ranges.back(), r);
    s.ranges.pop_back();
  }
  s.ranges.push_back(std::move(r));
}

bdd prefix_union(const PrefixStack& s) {
  bdd u = bddfalse;
  for (const auto& r : s.ranges) u |= r.matched;
  return u;
}

bool prefix_contains(const PrefixStack& s, const pkt::Point& p) {
  for (const auto& r : s.ranges)
    if (pkt::contains_point(r.matched, p)) return true;
  return false;
}

RuleRange fold_all(const PrefixStack& s) {
  if (s.ranges.empty()) return {};
  RuleRange acc = s.ranges.back();
  for (size_t k = s.ranges.size() - 1; k-- > 0;) acc = combine(s.ranges[k], acc);
  return acc;
}

}  // namespace gp::reach
