// The check registry: one row per check, sorted by id. Adding a check = one file + one row.
#include "checks/check.h"
#include "checks/closure_checks.h"

namespace gp::checks {

const std::vector<Check>& registry() {
  static const std::vector<Check> kChecks = {
      {{"GAP-CLOSURE-CLAIM", Severity::High, "§2.2",
        "A zone claimed to be a closed network is not physically closed",
        "閉域網とされるゾーンが物理的に閉じていない", Tier::Guideline,
        "The guideline defines a closed network as physically unconnected to the internet; a firewall "
        "or router does not make one. Decisions that rely on closure (e.g. the ordinance's alternative "
        "measures for Q2/Q3) do not hold."},
       check_closure_claim},
      {{"GAP-CONTROL-TO-INTERNET", Severity::High, "§5.4.2",
        "A control-zone host can open connections to the internet",
        "制御系ホストからインターネットへ接続を開始できる"},
       check_control_to_internet},
      {{"GAP-PARSE-UNRECOGNISED", Severity::Info, "§2.2",
        "Configuration lines not understood", "解釈できない設定行"},
       check_unrecognised_lines},
      {{"GAP-TOPOLOGY-INFERRED", Severity::Info, "§2.2",
        "No topology.yaml: links were inferred from the configurations",
        "topology.yaml がなく、接続を設定から推定した"},
       check_inferred_topology},
      {{"GAP-ZONE-FIREWALL-ONLY", Severity::Medium, "§2.2",
        "Isolation of a control zone rests only on firewalls and routers",
        "制御系ゾーンの分離がファイアウォール・ルータのみに依存している", Tier::Guideline,
        "The zone is protected only by filtering devices; it is not a closed network, and a single "
        "configuration mistake on the listed devices would expose it."},
       check_firewall_only},
      {{"GAP-ZONE-REACHABLE", Severity::Critical, "§5.4.2",
        "A flow from the internet reaches a control zone",
        "インターネットから制御系ゾーンへ到達する通信がある", Tier::Guideline,
        "A connection from the internet (directly, through NAT, a VPN or a compromised host) reaches "
        "a control system: the boundary defence of §5.4.2 is not in place."},
       check_zone_reachable},
      {{"GAP-ZONE-UNPROVEN", Severity::High, "§2.2",
        "Isolation of a zone could not be proven", "ゾーンの分離を証明できない", Tier::Guideline,
        "Something on a path from the internet was not understood, so isolation cannot be claimed."},
       check_zone_unproven},
  };
  return kChecks;
}

}  // namespace gp::checks
