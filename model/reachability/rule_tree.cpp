#include "model/reachability/rule_tree.h"

#include <stdexcept>
#include <utility>

namespace gp::reach {

UnionTree union_tree(std::vector<bdd> leaves) {
  UnionTree t;
  t.n = leaves.size();
  if (leaves.empty()) leaves.push_back(bddfalse);
  t.level.push_back(std::move(leaves));
  while (t.level.back().size() > 1) {
    const auto& below = t.level.back();
    std::vector<bdd> up((below.size() + 1) / 2);
    for (size_t j = 0; j < up.size(); ++j)
      up[j] = 2 * j + 1 < below.size() ? below[2 * j] | below[2 * j + 1] : below[2 * j];
    t.level.push_back(std::move(up));
  }
  return t;
}

FirstMatchFold first_match_fold(std::vector<bdd> matched, std::vector<bdd> permitted, bool keep_levels) {
  FirstMatchFold f;
  f.matched.n = matched.size();
  if (matched.empty()) {
    matched.push_back(bddfalse);
    permitted.push_back(bddfalse);
  }
  std::vector<bdd> m = std::move(matched), p = std::move(permitted);
  while (m.size() > 1) {
    const size_t half = (m.size() + 1) / 2;
    std::vector<bdd> um(half), up(half);
    for (size_t j = 0; j < half; ++j) {
      if (2 * j + 1 < m.size()) {
        um[j] = m[2 * j] | m[2 * j + 1];
        up[j] = p[2 * j] | (p[2 * j + 1] - m[2 * j]);
      } else {
        um[j] = m[2 * j];
        up[j] = p[2 * j];
      }
    }
    if (keep_levels) f.matched.level.push_back(std::move(m));
    m = std::move(um);
    p = std::move(up);
  }
  f.matched.level.push_back(std::move(m));
  f.permitted = p.front();
  return f;
}

std::vector<TreeNode> prefix_nodes(const UnionTree& t, size_t i) {
  std::vector<TreeNode> out;
  if (t.level.size() == 1 && t.n > 1) throw std::logic_error("prefix_nodes: the tree's levels were not kept");
  for (size_t L = t.level.size(); L-- > 0;) {
    if (((i >> L) & 1u) == 0) continue;
    out.push_back({L, (i >> L) - 1});
  }
  return out;
}

bdd prefix_union(const UnionTree& t, size_t i) {
  bdd u = bddfalse;
  for (auto [L, j] : prefix_nodes(t, i)) u |= t.level[L][j];
  return u;
}

bool prefix_contains(const UnionTree& t, size_t i, const pkt::Point& p) {
  for (auto [L, j] : prefix_nodes(t, i))
    if (pkt::contains_point(t.level[L][j], p)) return true;
  return false;
}

}  // namespace gp::reach
