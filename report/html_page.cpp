#include "report/html_page.h"

#include <cstdint>
#include <cstdio>

namespace gp::report {

const Labels& labels(Lang lang) {
  static const Labels en{false,
                         "Summary",
                         "Zone verdicts",
                         "Zone",
                         "Verdict",
                         "Claim",
                         "Why",
                         "evidence",
                         "No control zone and no zone with a claim (no topology.yaml?)",
                         "Not understood on a candidate path",
                         "Flows",
                         "What blocks every flow",
                         "Physical path to the internet",
                         "Root causes behind most findings",
                         "Topology",
                         "Findings",
                         "filter (text, id, device)",
                         "all severities",
                         "Severity",
                         "Check",
                         "Tier",
                         "Device",
                         "Where",
                         "Message",
                         "Ordinance sheet (省令 Q0–Q4)",
                         "Audit date",
                         "Host",
                         "Reasons",
                         "No host in the inventory",
                         "Devices",
                         "Lines",
                         "Not understood",
                         "Notes"};
  static const Labels ja{true,
                         "概要",
                         "ゾーン判定",
                         "ゾーン",
                         "判定",
                         "主張",
                         "理由",
                         "根拠",
                         "制御ゾーンも主張のあるゾーンもありません（topology.yaml がない?）",
                         "候補経路上で解釈できなかったもの",
                         "到達フロー",
                         "すべてのフローを遮断しているもの",
                         "インターネットへの物理経路",
                         "指摘の多くを生む根本原因",
                         "構成図",
                         "指摘事項",
                         "絞り込み（文字列・ID・機器）",
                         "すべての重大度",
                         "重大度",
                         "チェック",
                         "区分",
                         "機器",
                         "場所",
                         "内容",
                         "省令チェックシート（Q0–Q4）",
                         "監査日",
                         "ホスト",
                         "理由",
                         "資産台帳にホストがありません",
                         "機器",
                         "行数",
                         "解釈できない行",
                         "備考"};
  return lang == Lang::Ja ? ja : en;
}

namespace {

const char* kStyle = R"CSS(
body{font-family:system-ui,"Hiragino Sans","Noto Sans CJK JP",sans-serif;margin:1.5em;color:#222;max-width:1400px}
h1{font-size:1.5em}h2{border-bottom:2px solid #ccc;padding-bottom:.2em;margin-top:1.6em}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}table.sortable th{cursor:pointer}table.sortable th:after{content:" \2195";color:#999}
.ref{color:#555;font-family:monospace;font-size:.85em}code{font-size:.9em}
.verdict{font-weight:bold;padding:.1em .4em;border-radius:3px;color:#fff}
.v-REACHABLE{background:#c62828}.v-UNPROVEN{background:#6a1b9a}.v-FIREWALL_ONLY{background:#ef6c00}.v-CLOSED{background:#2e7d32}
.cards{display:flex;gap:.6em;margin:.5em 0;flex-wrap:wrap}.card{border:1px solid #ccc;border-radius:4px;padding:.4em .8em;min-width:7em}
.card b{font-size:1.4em;display:block}.card.v-REACHABLE,.card.v-UNPROVEN,.card.v-FIREWALL_ONLY,.card.v-CLOSED{color:#fff}
.s-critical{background:#ffcdd2}.s-high{background:#ffe0b2}.s-medium{background:#fff9c4}.s-low{background:#e3f2fd}.s-info{background:#f5f5f5}
.a-FAIL{background:#ffcdd2}.a-NEEDS_REVIEW{background:#fff9c4}.a-PASS,.a-PASS_VIA_ALT{background:#e8f5e9}
.controls{margin:.5em 0;display:flex;gap:.5em}.controls input{flex:1;padding:.3em}
.trace ol{margin:.2em 0}.flow{margin:.4em 0}
#topology svg{max-width:100%;height:auto;border:1px solid #ddd}
@media print{@page{size:A4;margin:12mm}body{margin:0;max-width:none}.controls,#topology{display:none}
 section{break-before:page}#summary{break-before:auto}#ordinance table{font-size:8pt}details{display:block}}
)CSS";

// Sorting (by the column's text, or data-rank for severity) and filtering of the findings table.
const char* kScript = R"JS(
(function(){
  var table=document.getElementById('findings-table');if(!table)return;
  var body=table.tBodies[0],text=document.getElementById('finding-filter'),sev=document.getElementById('severity-filter');
  function filter(){var q=text.value.toLowerCase(),s=sev.value;
    Array.prototype.forEach.call(body.rows,function(r){
      var ok=(!s||r.getAttribute('data-severity')===s)&&(!q||r.textContent.toLowerCase().indexOf(q)>=0);
      r.style.display=ok?'':'none';});}
  text.addEventListener('input',filter);sev.addEventListener('change',filter);
  Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){
    var asc=true;th.addEventListener('click',function(){
      var rows=Array.prototype.slice.call(body.rows),rank=th.getAttribute('data-sort')==='rank';
      rows.sort(function(a,b){var x=rank?+a.getAttribute('data-rank'):a.cells[i].textContent,
        y=rank?+b.getAttribute('data-rank'):b.cells[i].textContent;
        var c=rank?x-y:x.localeCompare(y);return asc?c:-c;});
      asc=!asc;rows.forEach(function(r){body.appendChild(r);});});});
})();
)JS";

// A nonce that depends on the page's content: the same report gives the same bytes, and text in
// the report cannot name the nonce of the page it ends up in.
std::string nonce_of(const std::string& body) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : body) h = (h ^ c) * 1099511628211ULL;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace

std::string html_page(const std::string& title, const std::string& lang, const std::string& body) {
  const std::string nonce = nonce_of(body);
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">\n";
  // Nothing is fetched: no network access is needed to view the page, and none is made.
  out +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      "img-src data:; script-src 'nonce-" +
      nonce + "'\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<title>" + title +
         "</title>\n";
  out += std::string("<style>") + kStyle + "</style></head>\n<body>\n" + body + "\n";
  out += "<script nonce=\"" + nonce + "\">" + kScript + "</script>\n</body></html>\n";
  return out;
}

}  // namespace gp::report
