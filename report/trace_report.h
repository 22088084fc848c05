// Printers for `gapproof trace` (one flow): readable text and JSON (docs/output.md, "trace").
#pragma once
#include <string>

#include "model/reachability/flow_trace.h"

namespace gp::report {

std::string trace_to_text(const reach::FlowAnswer& a);
std::string trace_to_json(const reach::FlowAnswer& a);

}  // namespace gp::report
