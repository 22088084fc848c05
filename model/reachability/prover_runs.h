// The prover's propagation runs of one audit, kept after the verdicts for whoever asks more of
// them (`gapproof diff`: the exact packet sets that reach each target, and traces through them).
#pragma once
#include <memory>
#include <vector>

#include "model/reachability/network.h"
#include "model/reachability/propagate.h"

namespace gp::reach {

// One mode's runs: the internet-rooted sources, then the pivots level by level.
struct ModeRuns {
  std::vector<Source> sources;
  std::vector<RunResult> runs;  // runs[i] is the run of sources[i]
  std::vector<int> parent_run;  // per target: the run that first reached it (-1: none)
};

// Runs point into the network (routes, compiled filters) and into `sources`: both stay where they
// are when this struct is moved (heap storage), and the snapshot must outlive it.
struct ProverRuns {
  std::unique_ptr<Network> net;
  ModeRuns must;
  ModeRuns may;             // empty when `may_is_must`
  bool may_is_must = true;  // nothing not understood was met: the May runs would repeat the Must runs
  const ModeRuns& may_runs() const { return may_is_must ? must : may; }
};

}  // namespace gp::reach
