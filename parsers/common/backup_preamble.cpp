#include "parsers/common/backup_preamble.h"

#include <array>

namespace gp::parsers {

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The configuration's own header lines, which end a backup tool's preamble.
bool own_header(std::string_view line) {
  return starts_with(line, "#config-version=") || starts_with(line, "## Last commit") ||
         starts_with(line, "## Last changed") || starts_with(line, "! Last configuration change") ||
         starts_with(line, "!Command: show running-config") || starts_with(line, ": Saved");
}

// First lines of Oxidized's model output: its models prefix the device's `show version`.
bool oxidized_first_line(std::string_view line) {
  static constexpr std::array<std::string_view, 9> kFirst = {"! Cisco IOS XE Software",
                                                             "! Cisco IOS Software",
                                                             "! Cisco Adaptive Security Appliance Software",
                                                             "! Cisco Nexus Operating System",
                                                             "# Version: FortiGate",
                                                             "# Version: FortiWiFi",
                                                             "# Model: ",
                                                             "! Arista ",
                                                             "! Cisco Internetwork Operating System"};
  for (auto f : kFirst)
    if (starts_with(line, f)) return true;
  return false;
}

// The first line of `text` that is more than a comment character and spaces ("! " opens the ASA's
// header as Oxidized writes it).
std::string_view first_text_line(std::string_view text) {
  while (!text.empty()) {
    const size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    if (line.find_first_not_of("!# \r") != std::string_view::npos || eol == std::string_view::npos)
      return line;
    if (line.empty() || (line[0] != '!' && line[0] != '#')) return line;
    text.remove_prefix(eol + 1);
  }
  return text;
}

}  // namespace

BackupPreamble find_backup_preamble(std::string_view text) {
  BackupPreamble p;
  std::string_view rest = text;
  char comment = 0;
  int n = 0;
  while (!rest.empty()) {
    const size_t eol = rest.find('\n');
    std::string_view line = rest.substr(0, eol);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (n == 0) {
      if ((starts_with(line, "!RANCID-CONTENT-TYPE:") || starts_with(line, "#RANCID-CONTENT-TYPE:"))) {
        p.tool = "RANCID";
        std::string_view type = line.substr(21);
        while (!type.empty() && type.front() == ' ') type.remove_prefix(1);
        while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
        p.content_type = std::string(type);
      } else if (oxidized_first_line(first_text_line(rest))) {
        p.tool = "Oxidized";
      } else {
        return {};
      }
      comment = line[0];
    } else if (line.empty() || line[0] != comment || own_header(line)) {
      break;
    }
    ++n;
    if (eol == std::string_view::npos) break;
    rest.remove_prefix(eol + 1);
  }
  p.lines = n;
  return p;
}

std::string blank_first_lines(std::string_view text, int n) {
  std::string out;
  size_t pos = 0;
  for (int i = 0; i < n && pos < text.size(); ++i) {
    const size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) return out;  // the last line, without a line break
    out += '\n';
    pos = eol + 1;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace gp::parsers
