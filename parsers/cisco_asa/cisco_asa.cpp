// PLACEHOLDER: replaced by the ASA parser.
#include "parsers/cisco_asa/cisco_asa.h"
namespace gp::parsers {
bool looks_like_cisco_asa(std::string_view content) {
  return content.find("ASA Version") != std::string_view::npos;
}
model::Device parse_cisco_asa(std::string_view, const std::string& file) {
  model::Device d;
  d.vendor = model::Vendor::CiscoAsa;
  d.file = file;
  return d;
}
}  // namespace gp::parsers
