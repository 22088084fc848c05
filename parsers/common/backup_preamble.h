// What configuration-backup tools put above the configuration they saved: RANCID's
// `!RANCID-CONTENT-TYPE:` line and the comment lines of `show version`/inventory it adds, and
// Oxidized's comment block of the same kind. These lines are the tool's, not the device's: they
// are recognised as such, counted apart (Device::backup_lines) and never read as configuration.
#pragma once
#include <string>
#include <string_view>

namespace gp::parsers {

struct BackupPreamble {
  std::string tool;          // "RANCID", "Oxidized"; empty: none found
  std::string content_type;  // RANCID's content type ("cisco", "fortigate", "juniper"...)
  int lines = 0;             // lines 1..lines are the tool's
};

// The preamble at the top of `text` (already decoded, '\n' line ends), if any. RANCID: its
// content-type line, then the comment lines (same comment character) that follow it, up to the
// configuration's own first line or its own header (FortiOS `#config-version=`, JunOS `## Last
// commit`/`## Last changed`). Oxidized: a leading block of "! "/"# " comment lines that begins
// with the first line of a device's `show version` as Oxidized's models write it (Cisco IOS,
// IOS XE, ASA, NX-OS, FortiOS, JunOS), up to the same end.
BackupPreamble find_backup_preamble(std::string_view text);

// `text` with lines 1..n emptied (line breaks kept, so every line keeps its number).
std::string blank_first_lines(std::string_view text, int n);

}  // namespace gp::parsers
