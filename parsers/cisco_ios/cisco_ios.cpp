// PLACEHOLDER: replaced by the IOS parser.
#include "parsers/cisco_ios/cisco_ios.h"
namespace gp::parsers {
bool looks_like_cisco_ios(std::string_view content) {
  return content.find("\ninterface ") != std::string_view::npos;
}
model::Device parse_cisco_ios(std::string_view, const std::string& file) {
  model::Device d;
  d.vendor = model::Vendor::CiscoIos;
  d.file = file;
  return d;
}
}  // namespace gp::parsers
