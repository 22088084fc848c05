#include "report/html_escape.h"

#include "parsers/common/utf8.h"

namespace gp::report {

std::string escape_markup(const std::string& s) {
  const std::string valid = parsers::replace_invalid_utf8(s, "\xEF\xBF\xBD");
  std::string out;
  out.reserve(valid.size() + valid.size() / 8);
  for (char ch : valid) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n' && ch != '\r')
          out += "\xEF\xBF\xBD";
        else
          out += ch;
    }
  }
  return out;
}

}  // namespace gp::report
