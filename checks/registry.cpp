// The check registry: one row per check, sorted by id. Adding a check = one file + one row.
#include "checks/check.h"
#include "checks/closure_checks.h"
#include "checks/ordinance_checks.h"

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
      {{"GAP-ORDINANCE-Q1", Severity::High, "§2.2 Column 2 Q1",
        "Ordinance Q1: a control-system computer has no subject-authentication capability",
        "省令 Q1: 制御系システムの電子計算機に主体認証の機能がない", Tier::Ordinance,
        "Facility standards ordinance §1(11-2), point 1 (L1634-1664): every computer of a control system must "
        "be able to authenticate who accesses it. Nothing substitutes: neither physical separation nor room "
        "entry control."},
       check_ordinance_q1},
      {{"GAP-ORDINANCE-Q2", Severity::High, "§2.2 Column 2 Q2",
        "Ordinance Q2: anti-malware is not installed, current and auto-scanning, and the alternative is not in place",
        "省令 Q2: 不正プログラム対策（導入・最新・自動検査）がなく、代替措置もない", Tier::Ordinance,
        "Point 2 (L1668-1717): antivirus installed, kept up to date and auto-scanning, or else physical separation "
        "from external networks (a CLOSED zone) AND removable-media infection prevention. Firewall isolation "
        "is not physical separation."},
       check_ordinance_q2},
      {{"GAP-ORDINANCE-Q3", Severity::High, "§2.2 Column 2 Q3",
        "Ordinance Q3: an operating system past its end of support, and the alternative is not in place",
        "省令 Q3: サポート終了 OS を使用しており、代替措置もない", Tier::Ordinance,
        "Point 3 (L1721-1741): no OS whose security support has ended, or else the same alternative as Q2 "
        "(physical separation AND removable-media protection)."},
       check_ordinance_q3},
      {{"GAP-ORDINANCE-Q4", Severity::High, "§2.2 Column 2 Q4",
        "Ordinance Q4: a control-system computer is not in a locked room with entry control",
        "省令 Q4: 電子計算機が施錠・入退室管理された場所に設置されていない", Tier::Ordinance,
        "Point 4 (L1742-1772): a fixed computer must be in a place isolated by barriers or locks AND whose "
        "entry and exit can be managed; a portable one must be kept safe from theft. The Q2/Q3 alternative "
        "does not substitute."},
       check_ordinance_q4},
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
