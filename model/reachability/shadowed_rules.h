// Rules of a first-match list that can never match: every packet they match is matched by
// earlier rules. Vendor-neutral. The prover runs the scan while it folds a filter it applies
// (the prefix stack is built then anyway) and the rulebook check reads the result
// (checks/hygiene.cpp); lists the prover did not compile are analysed by shadowed_rules().
#pragma once
#include <cstddef>
#include <unordered_map>
#include <vector>

#include "model/filter.h"
#include "model/reachability/rule_tree.h"

namespace gp::reach {

enum class ShadowKind { SameAction, OppositeAction, Mixed };

struct ShadowedRule {
  size_t rule;                   // the rule that can never match
  std::vector<size_t> covering;  // the earlier rules that together match all its packets, in order
                                 // (a duplicate: the one line it repeats)
  ShadowKind kind;               // their actions compared with its own
};

// Rules evaluated in list order whose match is known. Rules outside list order (Yamaha dynamic
// filters) neither shadow nor are shadowed.
bool shadow_analysable(const model::FilterRule& r);

// One left-to-right pass over an unscoped list. `match[i]` is what rule i matches (bddfalse when
// not shadow_analysable); the caller pushes match[i] onto its prefix stack after each step.
struct ShadowScan {
  const std::vector<const model::FilterRule*>& rules;
  const std::vector<bdd>& match;
  std::unordered_map<BDD, size_t> first_with_set;  // canonical BDDs: equal sets, equal roots
  std::vector<std::pair<size_t, size_t>> found;    // (rule, the earlier duplicate or the rule itself)
};
void shadow_step(ShadowScan& scan, size_t i, const PrefixStack& before);
std::vector<ShadowedRule> shadow_finish(const ShadowScan& scan);

// The whole analysis, scoped lists (forward policies) included.
std::vector<ShadowedRule> shadowed_rules(const std::vector<const model::FilterRule*>& rules,
                                         const std::vector<bdd>& match);

}  // namespace gp::reach
