// Filters evaluated on packet sets (BDDs) and on single packets, with the vendor's first-match
// order and default action. Rules not understood are bounded from both sides (Mode).
#pragma once
#include <optional>
#include <vector>

#include "model/filter.h"
#include "model/packet_set/packet_set.h"
#include "model/reachability/shadowed_rules.h"

namespace gp::reach {

// Must: what certainly happens (a rule not understood may deny: it drops what it could match).
// May: what possibly happens (a rule not understood may permit: it passes what it could match,
// and what it does not match goes on to the next rules).
enum class Mode { Must, May };

bdd match_of(const model::FilterRule& r);

struct FilterOutcome {
  bdd permitted;
  bdd denied;
  std::vector<int> deciding_denies;  // indices of deny rules that dropped part of the input (-1:
                                     // the default action)
  std::vector<int> unknown_touched;  // indices of rules not understood that the input reached
};

// Applies `rules` (first match wins) then `default_action` to `in`.
FilterOutcome apply_rules(const std::vector<const model::FilterRule*>& rules, model::Action default_action,
                          const bdd& in, Mode mode);
FilterOutcome apply_filter(const model::Filter& f, const bdd& in, Mode mode);

// A filter compiled once: what each rule matches, and what is permitted in each mode, so a
// packet set is filtered with two conjunctions instead of one pass over the rules. Which line
// denied a packet is found afterwards, for the packets a report shows (first_match).
struct CompiledFilter {
  std::vector<const model::FilterRule*> rules;
  std::vector<int> unknown;           // indices of rules not understood
  std::vector<bdd> unknown_reach[2];  // per mode, per unknown rule: packets that get to it
  bdd permit[2];                      // per mode: everything permitted
};

// With `shadowed`, also finds the rules that can never match (shadowed_rules.h) from the union
// tree the fold builds anyway, when the list has no rule outside list order.
CompiledFilter compile_rules(const std::vector<const model::FilterRule*>& rules, model::Action default_action,
                             std::optional<std::vector<ShadowedRule>>* shadowed = nullptr);
// Same permitted/denied/unknown_touched as apply_rules on the same rules (deciding_denies is
// left empty: use first_match on an example packet).
FilterOutcome apply_compiled(const CompiledFilter& f, const bdd& in, Mode mode);

// The rule that decides a single packet, or -1 for the default action.
int first_match(const std::vector<const model::FilterRule*>& rules, const pkt::Packet& p);

}  // namespace gp::reach
