// Q0-Q4 of the guideline's Column 2 (コラム2), implemented as ../shared/guideline/controls.md
// §2.3 (decision logic) and §2.4 (substitution matrix) state them. `Lnnnn` cites a line of the
// guideline text (../shared/guideline/000_de3b105e159ce7e1.txt).
//
// Every attribute is three-valued (yes / no / not recorded): a missing inventory attribute is
// never a pass; the question it decides becomes NEEDS_REVIEW and the reason names it (spec §4).
#include "checks/ordinance.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <optional>

#include "model/reachability/physical.h"

namespace gp::checks {

const char* to_string(Scope s) { return s == Scope::InScope ? "IN_SCOPE" : "OUT_OF_SCOPE"; }

const char* to_string(Answer a) {
  switch (a) {
    case Answer::Pass:
      return "PASS";
    case Answer::PassViaAlt:
      return "PASS_VIA_ALT";
    case Answer::NeedsReview:
      return "NEEDS_REVIEW";
    case Answer::Fail:
      return "FAIL";
    case Answer::NotApplicable:
      return "N/A";
  }
  return "N/A";
}

namespace {

enum class Tri { No, Yes, Unknown };

Tri tri_and(Tri a, Tri b) {
  if (a == Tri::No || b == Tri::No) return Tri::No;
  if (a == Tri::Unknown || b == Tri::Unknown) return Tri::Unknown;
  return Tri::Yes;
}

// One fact with its wording in both languages.
struct Fact {
  Tri v = Tri::Unknown;
  std::string en, ja;
};

Fact all_of(const std::vector<Fact>& parts) {
  Fact out{Tri::Yes, "", ""};
  for (const auto& p : parts) {
    out.v = tri_and(out.v, p.v);
    out.en += (out.en.empty() ? "" : ", ") + p.en;
    out.ja += (out.ja.empty() ? "" : "、") + p.ja;
  }
  return out;
}

// Days since 1970-01-01 of an ISO date (YYYY-MM-DD), proleptic Gregorian.
std::optional<long> days_of(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
    return std::nullopt;
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string today_iso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string q(const std::string& s) { return "'" + s + "'"; }

// --- physical separation: the zone's verdict (§1 of controls.md, CN-10, L1701-1715) ------------

struct Context {
  const model::Snapshot& snap;
  const reach::AuditResult& reach;
  const OrdinanceOptions& opt;
  std::string audit_date;
  long audit_days = 0;
  bool date_from_system = false;
  std::map<std::string, const reach::ZoneVerdict*> verdicts;
  // Built only when a host in scope sits in a zone without a verdict.
  std::optional<reach::PhysicalGraph> graph;
};

Fact separation(Context& c, const model::Host& h) {
  const std::string z = q(h.zone);
  if (auto it = c.verdicts.find(h.zone); it != c.verdicts.end()) {
    const auto& v = *it->second;
    switch (v.verdict) {
      case reach::Verdict::Closed: {
        std::string carriers_en, carriers_ja;
        if (!v.carriers.empty()) {
          std::string list;
          for (const auto& k : v.carriers) list += (list.empty() ? "" : ", ") + k;
          // Own/leased lines are private (L1079-1081); carrier closed services count as physical
          // separation 「相当」 (L1701-1709).
          carriers_en = "; private lines and carrier services credited (L1079-1089, L1701-1709): " + list;
          carriers_ja =
              "（独自回線・専用線・通信事業者の閉域サービスを物理的分離（相当）として扱う, L1079-1089, "
              "L1701-1709: " +
              list + "）";
        }
        return {Tri::Yes, "zone " + z + " is CLOSED (no physical path to an internet point)" + carriers_en,
                "ゾーン " + z + " は CLOSED（インターネット接点への物理的な経路がない）" + carriers_ja};
      }
      case reach::Verdict::FirewallOnly:
      case reach::Verdict::Reachable:
        // Isolation by firewalls and routers is not physical separation (L1709-1711).
        return {Tri::No,
                "zone " + z + " is " + reach::to_string(v.verdict) +
                    ": it has a physical path to the internet, and firewall/router isolation is not "
                    "physical separation (L1709-1711)",
                "ゾーン " + z + " は " + reach::to_string(v.verdict) +
                    "：インターネットへの物理的な経路があり、ファイアウォール・ルータによる隔離は物理的分離に"
                    "当たらない"
                    "（L1709-1711）"};
      case reach::Verdict::Unproven:
        if (!v.physical_path.empty())
          return {
              Tri::No,
              "zone " + z + " is UNPROVEN but has a physical path to the internet: not physically separated",
              "ゾーン " + z +
                  " は UNPROVEN だが、インターネットへの物理的な経路があるため物理的に分離されていない"};
        // controls.md §1.3: an incomplete topology makes closure UNKNOWN, never true.
        return {
            Tri::Unknown,
            "zone " + z +
                " is UNPROVEN (interfaces with unknown peers, or a configuration that cannot be trusted as a "
                "whole): physical separation is not established",
            "ゾーン " + z +
                " は UNPROVEN（接続先不明のインターフェース、または全体を信頼できない設定がある）："
                "物理的分離を確認できない"};
    }
  }
  // No verdict: the zone is neither a control zone nor claimed (e.g. a field zone), or the host
  // has no known zone. The guideline wants separation computed from the topology, never declared
  // (controls.md §2.2 table): a physical path to the internet settles "no"; its absence alone is
  // not a proof (unknown peers are only examined for zones with a verdict), so it stays unknown.
  if (h.zone.empty() || !c.snap.zones.count(h.zone))
    return {Tri::Unknown, "the host's zone is unknown: physical separation is not established",
            "ホストのゾーンが不明：物理的分離を確認できない"};
  if (!c.graph) c.graph = reach::build_physical_graph(c.snap);
  auto start = reach::zone_vertices(*c.graph, c.snap, h.zone);
  auto comp = reach::component(*c.graph, start);
  if (c.graph->internet >= 0 && comp.count(c.graph->internet))
    return {
        Tri::No,
        "zone " + z +
            " (no verdict: not a control zone) has a physical path to the internet: not physically separated",
        "ゾーン " + z +
            "（判定対象外のゾーン）にはインターネットへの物理的な経路があり、物理的に分離されていない"};
  return {Tri::Unknown,
          "zone " + z +
              " has no verdict (only control zones and claimed zones are proven): physical separation "
              "is not established; give the zone kind control or a claim to have it proven",
          "ゾーン " + z +
              " は判定対象外（制御系ゾーンと主張のあるゾーンのみ証明する）：物理的分離を確認できない"};
}

// Removable-media protection accepted for the alternative (controls.md §2.3, L1602-1606).
Fact media(const model::Host& h) {
  using M = model::RemovableMedia;
  if (!h.removable_media_given)
    return {Tri::Unknown, "removable_media is not recorded", "removable_media（外部記憶媒体対策）が未記入"};
  switch (h.removable_media) {
    case M::SoftwareDisabled:
      return {Tri::Yes, "removable-media ports are disabled in software",
              "外部記憶媒体のポートはソフトウェアで無効化"};
    case M::PhysicallyBlocked:
      return {Tri::Yes, "removable media are physically blocked", "外部記憶媒体は物理的に挿し込めない"};
    case M::PolicyOnly:
      // 「USBを使用しないよう周知しているのみで挿し込めば使用できる場合は不可」 (L1606)
      return {Tri::No, "removable media are blocked by policy only, which the guideline rejects (L1606)",
              "外部記憶媒体は周知のみで、挿し込めば使える（L1606 により不可）"};
    case M::None:
      return {Tri::No, "removable media are not protected (removable_media: none)",
              "外部記憶媒体の対策がない（none）"};
    case M::Other:
      // The guideline is silent on other controls (scanning kiosks, device allow-lists).
      return {Tri::Unknown, "removable_media: other is not decided by the guideline; review its evidence",
              "removable_media: other はガイドラインで判断できない。証跡を確認のこと"};
    case M::Unknown:
      break;
  }
  return {Tri::Unknown, "removable_media is not recorded", "removable_media（外部記憶媒体対策）が未記入"};
}

// The alternative of Q2/Q3: physical separation AND media-infection prevention, both (「かつ」,
// L1583-1591, L1693-1697). Separation alone is explicitly insufficient (L1585-1591).
Fact alternative(Context& c, const model::Host& h) {
  Fact s = separation(c, h), m = media(h);
  return {tri_and(s.v, m.v), s.en + "; " + m.en, s.ja + "。" + m.ja};
}

// Q2/Q3 combine the main measure with the alternative:
// PASS iff main; PASS_VIA_ALT iff ALT; NEEDS_REVIEW when either is not recorded; FAIL otherwise.
// ("Other measures preventing malware entry", L1523-1525, have no inventory attribute, so they
// never turn a FAIL into NEEDS_REVIEW here; an auditor records them outside the tool.)
Answer combine(const Fact& main, const Fact& alt, std::string& en, std::string& ja) {
  if (main.v == Tri::Yes) {
    en = main.en;
    ja = main.ja;
    return Answer::Pass;
  }
  en = main.en + "; alternative (L1583-1591): " + alt.en;
  ja = main.ja + "。代替措置（L1583-1591）：" + alt.ja;
  if (alt.v == Tri::Yes) return Answer::PassViaAlt;
  if (main.v == Tri::Unknown || alt.v == Tri::Unknown) return Answer::NeedsReview;
  return Answer::Fail;
}

// Q0 (L1616-1630): a computer (servers, terminals AND peripherals, L1618-1626) of a control
// system (浄水場の監視制御, ポンプ場の運転, 水運用 etc., L1618).
bool q0(const Context& c, const model::Host& h, OrdinanceRow& row) {
  auto zit = c.snap.zones.find(h.zone);
  std::string sys_en, sys_ja;
  bool control = false;
  if (zit == c.snap.zones.end()) {
    // Not known to be outside a control system: kept in scope so nothing is passed unseen.
    control = true;
    sys_en = "its zone is not declared, so it is not known to be outside a control system (kept in scope)";
    sys_ja = "ゾーンが宣言されておらず制御系システム外と確認できない（対象として扱う）";
  } else {
    const auto& z = zit->second;
    std::string systems;
    for (const auto& s : z.systems) systems += (systems.empty() ? "" : ", ") + s;
    if (!systems.empty()) systems = " (" + systems + ")";
    // Field zones hold the control system's field equipment (現場機器, controls.md §4.2;
    // 制御システム includes equipment networked to it, 1.1.5(6)), so they are in scope too.
    control = z.kind == model::ZoneKind::Control || z.kind == model::ZoneKind::Field;
    sys_en = "zone " + q(z.id) + " is of kind " + model::to_string(z.kind) + systems;
    sys_ja = "ゾーン " + q(z.id) + " の種別は " + model::to_string(z.kind) + systems;
  }
  const bool computer = model::computer_effective(h);
  std::string comp_en, comp_ja;
  if (h.computer) {
    comp_en = std::string("computer: ") + (*h.computer ? "true" : "false");
    comp_ja = comp_en;
  } else {
    comp_en = std::string("computer not given: role ") + model::to_string(h.role) +
              (computer ? " counts as a computer by default"
                        : " is not a computer by default; set computer: true if it is one (peripherals count "
                          "too, L1618-1626)");
    comp_ja = std::string("computer 未記入：role ") + model::to_string(h.role) +
              (computer ? " は既定で電子計算機とする"
                        : " は既定で電子計算機としない（周辺機器も電子計算機に含まれる。該当すれば computer: "
                          "true と記入, L1618-1626）");
  }
  row.q0 = control && computer ? Scope::InScope : Scope::OutOfScope;
  if (row.q0 == Scope::InScope) {
    row.reasons_en[0] = "in scope: " + sys_en + "; " + comp_en;
    row.reasons_ja[0] = "対象：" + sys_ja + "。" + comp_ja;
  } else if (!control) {
    row.reasons_en[0] = "out of scope: " + sys_en + ", not a control system (L1616-1630)";
    row.reasons_ja[0] = "対象外：" + sys_ja + "（制御系システムではない, L1616-1630）";
  } else {
    row.reasons_en[0] = "out of scope: not a computer; " + comp_en;
    row.reasons_ja[0] = "対象外：電子計算機ではない。" + comp_ja;
  }
  return row.q0 == Scope::InScope;
}

// Q1 (L1634-1664): the CAPABILITY of subject authentication. No substitute counts: neither the
// Q2/Q3 alternative (L1658-1660) nor Q4's entry control (L1559-1567, L1662-1664).
void q1(const model::Host& h, OrdinanceRow& row) {
  Tri capable = h.auth_capable ? (*h.auth_capable ? Tri::Yes : Tri::No) : Tri::Unknown;
  // Authentication in use proves the capability.
  if (capable == Tri::Unknown && h.auth_enabled && *h.auth_enabled) capable = Tri::Yes;
  auto& en = row.reasons_en[1];
  auto& ja = row.reasons_ja[1];
  switch (capable) {
    case Tri::Yes:
      row.q[0] = Answer::Pass;
      en = h.auth_capable ? "subject authentication is available"
                          : "authentication.capable not given, but authentication is enabled";
      ja = h.auth_capable ? "主体認証の機能がある" : "authentication.capable は未記入だが主体認証が有効";
      if (h.auth_enabled && !*h.auth_enabled) {
        // Advisory: using it is "more desirable, needless to say" (L1650-1656).
        en += "; advisory: it is not enabled, and using it is more desirable (L1650-1656)";
        ja += "。ただし有効化されていない（実際に活用することがより望ましい, L1650-1656）";
      } else if (!h.auth_enabled) {
        en += " (whether it is enabled is not recorded)";
        ja += "（有効かどうかは未記入）";
      }
      break;
    case Tri::No:
      row.q[0] = Answer::Fail;
      en = "no subject-authentication capability; neither the Q2/Q3 alternative nor room entry control "
           "substitutes for it (L1658-1664)";
      ja = "主体認証の機能がない。Q2/Q3 の代替措置も入退室管理も代替にならない（L1658-1664）";
      break;
    case Tri::Unknown:
      row.q[0] = Answer::NeedsReview;
      en = "authentication.capable is not recorded";
      ja = "authentication.capable（主体認証機能の有無）が未記入";
      break;
  }
}

// Q2 main measure (L1685-1689): installed AND always up to date AND automatic scanning, all three.
Fact antivirus(const Context& c, const model::Host& h) {
  if (!h.av_installed)
    return {Tri::Unknown, "antivirus.installed is not recorded", "antivirus.installed（導入の有無）が未記入"};
  if (!*h.av_installed)
    return {Tri::No, "no antivirus installed", "アンチウイルスソフトウェアが導入されていない"};
  std::vector<Fact> parts;
  parts.push_back({Tri::Yes, "antivirus installed", "アンチウイルスソフトウェア導入済み"});
  auto d = h.av_definitions ? days_of(*h.av_definitions) : std::nullopt;
  if (!d) {
    parts.push_back({Tri::Unknown, "antivirus.definitions (date of the last update) is not recorded",
                     "antivirus.definitions（定義ファイル更新日）が未記入"});
  } else {
    const long age = c.audit_days - *d;
    const std::string n = std::to_string(c.opt.av_max_age_days);
    if (age <= c.opt.av_max_age_days)
      parts.push_back(
          {Tri::Yes,
           "definitions of " + *h.av_definitions + " (" + std::to_string(std::max(0L, age)) + " days old)",
           "定義ファイル " + *h.av_definitions + "（" + std::to_string(std::max(0L, age)) + " 日前）"});
    else
      parts.push_back({Tri::No,
                       "definitions of " + *h.av_definitions + " are " + std::to_string(age) +
                           " days old (more than " + n +
                           " days: gapproof's default, the guideline sets no number)",
                       "定義ファイル " + *h.av_definitions + " は " + std::to_string(age) + " 日前（" + n +
                           " 日超。日数はガイドラインになく gapproof の既定値）"});
  }
  if (!h.av_autoscan)
    parts.push_back(
        {Tri::Unknown, "antivirus.autoscan is not recorded", "antivirus.autoscan（自動検査機能）が未記入"});
  else if (*h.av_autoscan)
    parts.push_back({Tri::Yes, "auto-scan on", "自動検査機能 有効"});
  else
    parts.push_back({Tri::No, "auto-scan off", "自動検査機能 無効"});
  return all_of(parts);
}

// Q3 main measure (L1721-1731): PASS iff the OS's security support ends after the audit date.
Fact os_supported(const Context& c, const model::Host& h) {
  const std::string name_en = h.os_name ? *h.os_name + ": " : "OS (os.name not recorded): ";
  const std::string name_ja = h.os_name ? *h.os_name + "：" : "OS（os.name 未記入）：";
  auto end = h.os_support_end ? days_of(*h.os_support_end) : std::nullopt;
  if (!end)
    return {Tri::Unknown, name_en + "os.support_end is not recorded",
            name_ja + "os.support_end（サポート終了日）が未記入"};
  if (*end > c.audit_days)
    return {Tri::Yes, name_en + "supported until " + *h.os_support_end,
            name_ja + "サポート期限 " + *h.os_support_end};
  return {Tri::No, name_en + "support ended " + *h.os_support_end + " (audit date " + c.audit_date + ")",
          name_ja + "サポート終了 " + *h.os_support_end + "（監査日 " + c.audit_date + "）"};
}

// Q4 (L1742-1772). Not portable: isolated by barrier/lock AND entry/exit manageable, both
// (L1750-1756). Portable: theft control (L1758-1770), which the inventory does not record.
// The Q2/Q3 alternative never substitutes (L1772).
void q4(const Context& c, const model::Host& h, OrdinanceRow& row) {
  auto& en = row.reasons_en[4];
  auto& ja = row.reasons_ja[4];
  // topology.yaml gives no default for portable:; a tablet (携帯端末) is portable, the rest not.
  const bool portable = h.portable ? *h.portable : h.role == model::HostRole::Tablet;
  const std::string role = model::to_string(h.role);
  const std::string assumed_en = h.portable ? ""
                                            : std::string(" (") + (portable ? "portable" : "not portable") +
                                                  ": the default for role " + role + ")";
  const std::string assumed_ja = h.portable ? ""
                                            : std::string("（") + (portable ? "可搬性あり" : "可搬性なし") +
                                                  "：role " + role + " の既定）";
  if (portable) {
    row.q[3] = Answer::NeedsReview;
    en = "portable computer" + assumed_en +
         ": kept safe from theft (locked storage, always carried, fixed in place, L1758-1770)? The inventory "
         "has no "
         "attribute for it; review";
    ja = "可搬性のある電子計算機" + assumed_ja +
         "：盗難等のおそれがない管理（施錠保管庫、常時携帯、固定等, "
         "L1758-1770）をインベントリに記録する項目がない。要確認";
    return;
  }
  if (h.room.empty()) {
    row.q[3] = Answer::NeedsReview;
    en = "room is not recorded" + assumed_en;
    ja = "room（設置場所）が未記入" + assumed_ja;
    return;
  }
  auto rit = c.snap.rooms.find(h.room);
  if (rit == c.snap.rooms.end()) {
    row.q[3] = Answer::NeedsReview;
    en = "room " + q(h.room) + " is not declared under rooms:";
    ja = "room " + q(h.room) + " が rooms: にない";
    return;
  }
  const auto& r = rit->second;
  Fact locked = !r.locked ? Fact{Tri::Unknown, "locked is not recorded", "locked（障壁・施錠）が未記入"}
                : *r.locked ? Fact{Tri::Yes, "isolated by barrier or lock", "障壁・施錠により隔離"}
                            : Fact{Tri::No, "not isolated by barrier or lock", "障壁・施錠による隔離がない"};
  Fact entry = !r.entry_control   ? Fact{Tri::Unknown, "entry_control is not recorded",
                                       "entry_control（入退室管理）が未記入"}
               : *r.entry_control ? Fact{Tri::Yes, "entry/exit controlled", "入退室管理あり"}
                                  : Fact{Tri::No, "entry/exit not controlled", "入退室管理がない"};
  Fact both = all_of({locked, entry});
  en = "room " + q(h.room) + ": " + both.en + assumed_en;
  ja = "設置場所 " + q(h.room) + "：" + both.ja + assumed_ja;
  switch (both.v) {
    case Tri::Yes:
      row.q[3] = Answer::Pass;
      break;
    case Tri::Unknown:
      row.q[3] = Answer::NeedsReview;
      break;
    case Tri::No:
      row.q[3] = Answer::Fail;
      en += "; both are required (L1750-1756), and the Q2/Q3 alternative does not substitute (L1772)";
      ja += "。両方が必要（L1750-1756）で、Q2/Q3 の代替措置は代替にならない（L1772）";
      break;
  }
}

}  // namespace

std::string ordinance_audit_date(const model::Snapshot& snap, bool* from_system) {
  const bool sys = !snap.audit_date || snap.audit_date->empty() || !days_of(*snap.audit_date);
  if (from_system) *from_system = sys;
  return sys ? today_iso() : *snap.audit_date;
}

std::vector<OrdinanceRow> ordinance_sheet(const model::Snapshot& snap, const reach::AuditResult& reach,
                                          const OrdinanceOptions& opt) {
  Context c{snap, reach, opt, "", 0, false, {}, std::nullopt};
  for (const auto& v : reach.zones) c.verdicts.emplace(v.zone, &v);
  c.audit_date = ordinance_audit_date(snap, &c.date_from_system);
  c.audit_days = *days_of(c.audit_date);
  const std::string date_en =
      c.date_from_system ? " (audit date: today's system date; topology.yaml has no audit_date)" : "";
  const std::string date_ja =
      c.date_from_system ? "（監査日：topology.yaml に audit_date がないためシステム日付）" : "";

  std::vector<OrdinanceRow> rows;
  rows.reserve(snap.hosts.size());
  for (const auto& [id, h] : snap.hosts) {
    OrdinanceRow row;
    row.host = id;
    row.zone = h.zone;
    row.where = h.src_ref;
    if (q0(c, h, row)) {
      q1(h, row);
      Fact alt = alternative(c, h);
      // If the alternative holds for Q2 it holds for Q3 too (L1697-1699, L1741).
      row.q[1] = combine(antivirus(c, h), alt, row.reasons_en[2], row.reasons_ja[2]);
      row.q[2] = combine(os_supported(c, h), alt, row.reasons_en[3], row.reasons_ja[3]);
      q4(c, h, row);
      for (int i : {2, 3}) {
        row.reasons_en[static_cast<size_t>(i)] += date_en;
        row.reasons_ja[static_cast<size_t>(i)] += date_ja;
      }
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace gp::checks
