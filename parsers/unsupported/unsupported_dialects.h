// Dialects gapproof does not read, told by their content, so that such a file is named for what
// it is ("Juniper JunOS (set form): not supported") instead of being read as another dialect or
// left "not recognised". Telling a dialect is not reading it: nothing else of the file is modelled.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "model/device.h"

namespace gp::parsers {

struct UnsupportedDialect {
  std::string name;  // as people say it: "Juniper JunOS (set form)", "Arista EOS"
  int line = 0;      // 1-based: the first line that told it
};

// The unsupported dialect `content` is written in, or nullopt. Only markers no supported dialect
// writes count, and a dialect needs two weak markers or one strong one (a header such as
// "! device: ... EOS-4..." or "## Last commit:"), so an IOS file with one odd line stays IOS. The
// registry asks this after the supported dialects with markers of their own and before Cisco IOS,
// whose syntax several of these share (NX-OS, EOS, AlliedWare Plus).
std::optional<UnsupportedDialect> detect_unsupported_dialect(std::string_view content);

// The device for a file no parser reads: `dialect` names it (Vendor::Unsupported) or is nullopt
// (Vendor::Unknown, no dialect told). Its lines are counted (total_lines, unread_lines) and none is
// modelled; assess_config_damage then says why the device cannot be trusted.
model::Device unread_device(std::string_view content, const std::string& file,
                            const std::optional<UnsupportedDialect>& dialect);

}  // namespace gp::parsers
