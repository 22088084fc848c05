// Dialect detection and dispatch: the only file that names every dialect.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "model/device.h"

namespace gp::parsers {

// Detects the dialect from the file content: a supported one, Vendor::Unsupported for a dialect
// told but not read (unsupported/unsupported_dialects.h: JunOS, EOS, NX-OS, PAN-OS, ...), or
// Vendor::Unknown when no dialect claims it. Never IOS by default: IOS is told by its own lines.
model::Vendor detect_vendor(std::string_view content);
std::optional<model::Vendor> vendor_from_name(const std::string& name);  // "cisco-ios", ...
const char* vendor_name(model::Vendor v);                                // also "unsupported", "unknown"
// The dialect as people say it: "Cisco IOS / IOS-XE", "Juniper JunOS (set form)"; "" when none
// was told.
std::string dialect_name(const model::Device& d);

// Parses one configuration. `file` is the path relative to the snapshot (for provenance).
// Never throws on malformed configuration content: what is not understood is recorded in
// Device::unrecognised. A Vendor::Unsupported or Unknown file gives a device with nothing modelled,
// its lines counted in Device::unread_lines and one ConfigDamage naming the dialect (or none).
// Every free-text field of the result has been through quote_config_text (secret_mask.h): call
// this, not a dialect's parse function, for anything that may reach a report.
model::Device parse_device(std::string_view content, const std::string& file, model::Vendor vendor);

// Parses one configuration file as saved: decodes it (text_decoding.h: UTF-8, UTF-16, Shift_JIS,
// EUC-JP; any line ends), detects the dialect unless `vendor` is given, parses, and records on
// the device what decoding found (decoding_report.h: the encoding, undecodable bytes, binary
// data). The one entry point for file content: every parser then sees well-formed UTF-8 with
// '\n' line ends.
model::Device parse_config_bytes(std::string_view raw, const std::string& file,
                                 std::optional<model::Vendor> vendor);

}  // namespace gp::parsers
