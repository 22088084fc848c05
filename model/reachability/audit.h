// Zone verdicts (spec §3): CLOSED, FIREWALL_ONLY, REACHABLE, UNPROVEN, each with its evidence.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/reachability/physical.h"
#include "model/reachability/propagate.h"
#include "model/reachability/prover_runs.h"
#include "model/snapshot.h"

namespace gp::reach {

enum class Verdict { Closed, FirewallOnly, Reachable, Unproven };
const char* to_string(Verdict v);

struct BlockingItem {
  std::string device, interface, what;
  std::vector<SourceRef> refs;
  std::string example;  // one packet toward the zone it stops
};

// One link of a chain: a source reaches a target (a pivot host or the zone's host).
struct FlowStep {
  std::string source;       // "the internet", "remote-access pool X on dev", "pivot host Y"
  std::string source_kind;  // internet | vpn-pool | ipsec-peer | pivot | unknown-peer
  std::string target;       // host id or segment:<id>
  Trace trace;
};

struct Flow {
  std::vector<FlowStep> chain;  // from the internet-rooted source to the zone host
};

struct Reason {
  std::string device;
  std::string what;
  SourceRef ref;
};

struct ZoneVerdict {
  std::string zone;
  model::ZoneKind kind = model::ZoneKind::Control;
  std::optional<std::string> claim;
  Verdict verdict = Verdict::Unproven;
  std::string summary;                      // one sentence
  std::vector<std::string> component;       // devices and segments physically connected
  std::vector<std::string> carriers;        // carrier services credited as closed
  std::vector<PhysicalStep> physical_path;  // to the internet, when one exists
  std::vector<BlockingItem> blocking;
  std::vector<Flow> flows;
  std::vector<Reason> unproven;
};

// A service of a device or host that a flow from the internet (or a pivot) can open.
struct Exposure {
  std::string device;  // for a device's own service (management plane)
  std::string target;  // for a host (or segment:<id>)
  std::string zone;    // the host's zone
  int protocol = 6;
  int port = 0;
  std::string service;      // "ssh", "modbus", ...
  std::string source;       // description of the source that reaches it
  std::string source_kind;  // internet | vpn-pool | ipsec-peer | pivot
  std::string example;      // one packet (for a device service: one the service's own source
                            // restriction admits)
  // Device services: the restriction of the service itself that the packets passed ("access list
  // VTY-ACCESS", "allowed source addresses"); empty when the service has none. `restriction_uncertain`: the
  // access list has lines not understood, so the service may still refuse the packets.
  std::string restriction{};
  bool restriction_uncertain = false;
};

// Well-known management and industrial services checked for exposure.
struct KnownService {
  int protocol;
  int port;
  const char* name;
};
const std::vector<KnownService>& known_services();

struct AuditResult {
  std::vector<ZoneVerdict> zones;
  // Shadowed rules of the filters the prover compiled whole; the rulebook check analyses the
  // others itself.
  std::map<const model::Filter*, std::vector<ShadowedRule>> shadowed;
  std::vector<std::pair<std::string, SourceRef>> assumptions;  // over-approximations relied on
  std::vector<std::string> pivots;                             // hosts treated as pivots
  // Control-zone hosts that can open connections to the internet: (target, example packet).
  std::vector<std::pair<std::string, std::string>> control_to_internet;
  std::vector<Exposure> device_exposure;  // device services reachable (Must runs)
  std::vector<Exposure> host_exposure;    // known services of control-zone hosts reachable
  long bdd_nodes = 0;
  int propagation_runs = 0;
};

// With `keep`, the prover's runs are moved there (`gapproof diff` compares two audits' packet sets).
AuditResult audit_reachability(const model::Snapshot& snap, ProverRuns* keep = nullptr);

}  // namespace gp::reach
