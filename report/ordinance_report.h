// The ordinance sheet (省令 Q0-Q4) in the JSON contract (spec §4 "ordinance") and as a text section.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "checks/ordinance.h"
#include "report/report.h"

namespace gp::report {

// One entry per host: {host, zone, q0, q1..q4, reasons{qN: en}, reasons_ja{qN: ja}, file, line}.
nlohmann::ordered_json ordinance_json(const std::vector<checks::OrdinanceRow>& rows);

// The "ORDINANCE (省令) Q0–Q4" section of the text report, reasons in `lang`.
std::string ordinance_text(const model::Snapshot& snap, const std::vector<checks::OrdinanceRow>& rows,
                           Lang lang);

}  // namespace gp::report
