// A finding's identity across runs: the same problem gets the same fingerprint after unrelated
// edits (lines moved, files reordered, another day's audit), so CI pages and `diff` can tell a
// finding that is new from one that was there before.
#pragma once
#include <string>
#include <vector>

#include "checks/check.h"

namespace gp::checks {

// 16 hex digits from the check id, the device, the file (never the line) and the message with
// every run of digits read as one placeholder: line numbers, day counts, dates and example ports
// in the text do not change it. Findings that would still share a fingerprint (the same check on
// the same device, messages differing only in numbers) are told apart by their order, as
// GitHub's own line-hash fingerprints are: the second gets ":2", and so on.
std::vector<std::string> fingerprints(const std::vector<Finding>& findings);

}  // namespace gp::checks
