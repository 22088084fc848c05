#include "parsers/registry.h"

#include "parsers/cisco_asa/cisco_asa.h"
#include "parsers/cisco_ios/cisco_ios.h"
#include "parsers/common/backup_preamble.h"
#include "parsers/common/config_blocks.h"
#include "parsers/common/config_damage.h"
#include "parsers/common/decoding_report.h"
#include "parsers/common/secret_mask.h"
#include "parsers/common/text_decoding.h"
#include "parsers/fortigate/fortigate.h"
#include "parsers/nec_ix/nec_ix.h"
#include "parsers/yamaha_rtx/yamaha_rtx.h"

namespace gp::parsers {

namespace {
struct Dialect {
  model::Vendor vendor;
  const char* name;
  bool (*looks_like)(std::string_view);
  model::Device (*parse)(std::string_view, const std::string&);
};
// ASA before IOS: ASA configs also contain "hostname" and "interface" lines.
constexpr Dialect kDialects[] = {
    {model::Vendor::CiscoAsa, "cisco-asa", looks_like_cisco_asa, parse_cisco_asa},
    {model::Vendor::YamahaRtx, "yamaha-rtx", looks_like_yamaha_rtx, parse_yamaha_rtx},
    {model::Vendor::Fortigate, "fortigate", looks_like_fortigate, parse_fortigate},
    {model::Vendor::NecIx, "nec-ix", looks_like_nec_ix, parse_nec_ix},
    {model::Vendor::CiscoIos, "cisco-ios", looks_like_cisco_ios, parse_cisco_ios},
};
}  // namespace

model::Vendor detect_vendor(std::string_view content) {
  for (const auto& d : kDialects)
    if (d.looks_like(content)) return d.vendor;
  return model::Vendor::Unknown;
}

std::optional<model::Vendor> vendor_from_name(const std::string& name) {
  for (const auto& d : kDialects)
    if (name == d.name) return d.vendor;
  if (name == "cisco-iosxe" || name == "cisco-ios-xe" || name == "ios" || name == "ios-xe")
    return model::Vendor::CiscoIos;
  if (name == "asa") return model::Vendor::CiscoAsa;
  return std::nullopt;
}

const char* vendor_name(model::Vendor v) {
  for (const auto& d : kDialects)
    if (d.vendor == v) return d.name;
  return "unknown";
}

namespace {
model::Device parse_dialect(std::string_view content, const std::string& file, model::Vendor vendor) {
  for (const auto& d : kDialects)
    if (d.vendor == vendor) return d.parse(content, file);
  // Unknown dialect: every non-blank line is unrecognised, so nothing is silently dropped.
  model::Device dev;
  dev.file = file;
  int n = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    ++n;
    std::string_view line = content.substr(pos, end - pos);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) {
      model::UnrecognisedLine u;
      u.src_ref = {file, n, 0};
      u.text = "(line of an unknown dialect)";
      u.context = model::LineContext::Global;
      dev.unrecognised.push_back(u);
    }
    pos = end + 1;
  }
  dev.total_lines = n;
  dev.notes.push_back({"dialect not recognised: nothing in this file is modelled", {file, 1, 0}});
  return dev;
}
}  // namespace

model::Device parse_device(std::string_view content, const std::string& file, model::Vendor vendor) {
  model::Device dev = parse_dialect(content, file, vendor);
  if (dev.file.empty()) dev.file = file;
  assess_config_damage(dev, content);
  // The chokepoint: whatever a parser quoted, secrets are hidden and long lines cut here.
  quote_device_text(dev);
  return dev;
}

model::Device parse_config_bytes(std::string_view raw, const std::string& file,
                                 std::optional<model::Vendor> vendor) {
  DecodedText t = decode_config_text(raw);
  // A backup tool's preamble is neither configuration nor evidence of a dialect: emptied (line
  // numbers kept) before anything reads the text.
  const BackupPreamble preamble = find_backup_preamble(t.text);
  if (preamble.lines > 0) t.text = blank_first_lines(t.text, preamble.lines);
  const model::Vendor v = vendor ? *vendor : detect_vendor(t.text);
  model::Device d = parse_dialect(t.text, file, v);
  d.backup_tool = preamble.tool;
  d.backup_lines = preamble.lines;
  if (d.file.empty()) d.file = file;
  if (d.vendor == model::Vendor::Unknown) d.vendor = v;
  // Decoding speaks first: a binary file is damaged for that reason, not for its dialect.
  record_decoding(t, file, d);
  assess_config_damage(d, t.text);
  quote_device_text(d);  // the same chokepoint as parse_device
  return d;
}

}  // namespace gp::parsers
