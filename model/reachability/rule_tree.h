// First-match folds of long rule lists as a binary counter of range unions.
//
// Folding N rules left to right (remaining -= match) costs one operation on the accumulated set
// per rule; a rule that leaves the first fields free (`any` source under a fixed destination)
// must then walk all of it, so a long list costs N times its size. Keeping the prefix as ranges
// of 1, 2, 4, ... rules (the binary digits of the rule count) and merging two ranges only when
// they are the same size keeps both operands of most operations small: log2(N) merges per rule
// at most, each of two similar ranges (a merge sort of sets), and only log2(N) sets alive.
#pragma once
#include <cstddef>
#include <vector>

#include "model/packet_set/packet_set.h"

namespace gp::reach {

// Consecutive rules: what some rule of the range matches, and what the range's first matching
// rule permits. Combining [a, b) and [b, c): matched = m1 | m2, permitted = p1 | (p2 - m1).
struct RuleRange {
  bdd matched = bddfalse;
  bdd permitted = bddfalse;
  size_t size = 0;
};

// The rules seen so far, leftmost range first, sizes strictly decreasing powers of two.
struct PrefixStack {
  std::vector<RuleRange> ranges;
};

void push_rule(PrefixStack& s, const bdd& matched, const bdd& permitted);
// Everything some rule seen so far matches.
bdd prefix_union(const PrefixStack& s);
// Walks one path per range: no BDD operation.
bool prefix_contains(const PrefixStack& s, const pkt::Point& p);
// The whole list as one range.
RuleRange fold_all(const PrefixStack& s);

}  // namespace gp::reach
