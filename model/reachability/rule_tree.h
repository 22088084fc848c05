// Unions of rule match sets over a balanced tree of rule ranges.
//
// Folding N rules left to right (remaining -= match) costs one operation on the accumulated set
// per rule; a rule that leaves the first fields free (`any` source) must then walk all of it, so a
// long list costs N times its size. Combining neighbouring ranges pairwise (a merge sort of sets)
// keeps both operands of most operations small: about log2(N) passes over the final size.
#pragma once
#include <cstddef>
#include <vector>

#include "model/packet_set/packet_set.h"

namespace gp::reach {

// level[0][i] is leaf i; level[L][j] is the union of the leaves [j << L, min((j+1) << L, n)).
struct UnionTree {
  size_t n = 0;
  std::vector<std::vector<bdd>> level;
  const bdd& root() const { return level.back().front(); }
};

// First-match semantics over ranges: `matched` is what some rule of the range matches,
// `permitted` what the range's first matching rule permits. Combining [a, b) and [b, c):
// matched = m1 | m2, permitted = p1 | (p2 - m1).
struct FirstMatchFold {
  UnionTree matched;  // all levels kept only when asked for
  bdd permitted;
};

UnionTree union_tree(std::vector<bdd> leaves);
FirstMatchFold first_match_fold(std::vector<bdd> matched, std::vector<bdd> permitted, bool keep_levels);

struct TreeNode {
  size_t level, index;
};
// The tree nodes whose ranges together are exactly [0, i), in rule order (largest first).
std::vector<TreeNode> prefix_nodes(const UnionTree& t, size_t i);
// Union of the leaves before i.
bdd prefix_union(const UnionTree& t, size_t i);
bool prefix_contains(const UnionTree& t, size_t i, const pkt::Point& p);

}  // namespace gp::reach
