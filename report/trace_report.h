// Printers for `gapproof trace` (one flow): readable text and JSON (docs/output.md, "trace").
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "model/reachability/flow_trace.h"

namespace gp::report {

std::string trace_to_text(const reach::FlowAnswer& a);
std::string trace_to_json(const reach::FlowAnswer& a);

// Pieces `gapproof diff` shows too: the exact header values of a packet, a trace's hops (JSON, and
// as numbered text lines with file:line), and the whole answer as a JSON object.
nlohmann::ordered_json packet_json(const pkt::Packet& p);
nlohmann::ordered_json hops_json(const reach::Trace& t);
nlohmann::ordered_json trace_json(const reach::FlowAnswer& a);
void hops_text(std::string& out, const reach::Trace& t, const std::string& indent);

}  // namespace gp::report
