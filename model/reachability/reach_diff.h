// What a change does to reachability (`gapproof diff`): per control-zone target and source kind,
// the packets that reach it AFTER and not BEFORE (opened) and the reverse (closed), as exact BDD
// differences of the two audits' delivered packet sets (one process, one packet encoding), each
// summarised and with one example followed through both sides.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/reachability/flow_trace.h"
#include "model/reachability/prover_runs.h"

namespace gp::reach {

// What reaches one target from one kind of source: Must (certain) and May (possible) unions.
struct KindReach {
  bdd must = bddfalse, may = bddfalse;
};
struct TargetReach {
  std::string zone;
  std::map<std::string, KindReach> by_kind;  // internet | vpn-pool | ipsec-peer | pivot | unknown-peer
};
// Every target of a control zone, by target name (host id or segment:<id>).
std::map<std::string, TargetReach> control_reach(const model::Snapshot& snap, const ProverRuns& runs);

// One group of packets that reach a target on one side and not on the other.
struct FlowChange {
  std::string zone, target, source_kind;
  // Certain: reaches for sure on the side where it reaches, and cannot (not even through a line
  // not understood) on the other. Otherwise the difference involves what may pass only through
  // something not understood on one side or the other (fail closed: still reported).
  bool certain = true;
  bdd packets = bddfalse;                 // the exact difference, headers as delivered
  std::vector<std::string> services;      // "tcp 502 (modbus)", "udp 1024-65535", "icmp type 8"
  std::vector<std::string> sources;       // source address ranges ("any address outside owned")
  std::vector<std::string> destinations;  // destination address ranges as delivered
  // One example: its trace on the side where it reaches (the packet as sent is trace->first).
  std::optional<Trace> trace;
  // The same packet as sent, followed on the other side by `gapproof trace`: the line that drops
  // it (opened) or that lets it through (closed); `other_error` when that side cannot place it.
  std::optional<FlowAnswer> other;
  std::string other_error;
  // Source kind pivot: the host the example starts from, and whether the sources of this group are
  // hosts the other side reached from the internet too (then the change opened this hop itself; if
  // not, what changed is the way to the pivots, and this group is its consequence).
  std::string pivot_host;
  bool pivot_on_other_side = false;
};

struct ReachDiff {
  std::vector<FlowChange> opened;  // reach AFTER, not BEFORE
  std::vector<FlowChange> closed;  // reached BEFORE, not AFTER
};

ReachDiff diff_reach(const model::Snapshot& before, const ProverRuns& b, const model::Snapshot& after,
                     const ProverRuns& a);

}  // namespace gp::reach
