#include "parsers/unsupported/unsupported_dialects.h"

namespace gp::parsers {

model::Device unread_device(std::string_view content, const std::string& file,
                            const std::optional<UnsupportedDialect>& dialect) {
  model::Device d;
  d.file = file;
  d.vendor = dialect ? model::Vendor::Unsupported : model::Vendor::Unknown;
  if (dialect) {
    d.unread_dialect = dialect->name;
    d.unread_dialect_ref = {file, dialect->line, 0};
  }
  // Every line is counted, none is listed: the reason is one (the dialect), so the device carries
  // one ConfigDamage rather than a "line not understood" per line that the prover would list as
  // thousands of reasons for every zone it touches.
  int n = 0;
  size_t pos = 0;
  while (pos < content.size()) {  // CR, LF and CRLF: decoding left '\n' only
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    ++n;
    if (content.substr(pos, end - pos).find_first_not_of(" \t\r") != std::string_view::npos) ++d.unread_lines;
    pos = end + 1;
  }
  d.total_lines = n;
  return d;
}

}  // namespace gp::parsers
