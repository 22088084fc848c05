// The check registry as a listing (`gapproof checks`) and as docs/checks.md (generated, never
// edited by hand: tools/gen_checks_doc.sh; tests/report/checks_doc_test.cpp fails on drift).
#pragma once
#include <string>

#include "report/report.h"

namespace gp::report {

std::string checks_text(Lang lang);
std::string checks_json();
std::string checks_markdown();

}  // namespace gp::report
