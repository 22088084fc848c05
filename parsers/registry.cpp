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
#include "parsers/unsupported/unsupported_dialects.h"
#include "parsers/yamaha_rtx/yamaha_rtx.h"

namespace gp::parsers {

namespace {
struct Dialect {
  model::Vendor vendor;
  const char* name;     // the vendor: value of topology.yaml, "vendor" in JSON
  const char* display;  // as people say it
  bool (*looks_like)(std::string_view);
  model::Device (*parse)(std::string_view, const std::string&);
};
// ASA before IOS: ASA configs also contain "hostname" and "interface" lines. The dialects gapproof
// does not read are told just before IOS (see detect_vendor).
constexpr Dialect kDialects[] = {
    {model::Vendor::CiscoAsa, "cisco-asa", "Cisco ASA", looks_like_cisco_asa, parse_cisco_asa},
    {model::Vendor::YamahaRtx, "yamaha-rtx", "Yamaha RTX/NVR", looks_like_yamaha_rtx, parse_yamaha_rtx},
    {model::Vendor::Fortigate, "fortigate", "FortiGate (FortiOS)", looks_like_fortigate, parse_fortigate},
    {model::Vendor::NecIx, "nec-ix", "NEC UNIVERGE IX", looks_like_nec_ix, parse_nec_ix},
    {model::Vendor::CiscoIos, "cisco-ios", "Cisco IOS / IOS-XE", looks_like_cisco_ios, parse_cisco_ios},
};
}  // namespace

model::Vendor detect_vendor(std::string_view content) {
  for (const auto& d : kDialects) {
    // After the supported dialects with markers of their own, so none of their files is taken
    // for an unsupported one; before IOS, whose syntax NX-OS, EOS, AlliedWare Plus and the FRR
    // part of Cumulus share and whose last test (any "interface" line) they would all pass.
    if (d.vendor == model::Vendor::CiscoIos && detect_unsupported_dialect(content))
      return model::Vendor::Unsupported;
    if (d.looks_like(content)) return d.vendor;
  }
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
  return v == model::Vendor::Unsupported ? "unsupported" : "unknown";
}

std::string dialect_name(const model::Device& d) {
  for (const auto& dl : kDialects)
    if (dl.vendor == d.vendor) return dl.display;
  return d.unread_dialect;
}

namespace {
model::Device parse_dialect(std::string_view content, const std::string& file, model::Vendor vendor) {
  for (const auto& d : kDialects)
    if (d.vendor == vendor) return d.parse(content, file);
  // No parser reads it: named when its dialect is told (forced as Unsupported: told again here).
  return unread_device(
      content, file,
      vendor == model::Vendor::Unsupported ? detect_unsupported_dialect(content) : std::nullopt);
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
