// What decoding a configuration file tells about its device (see text_decoding.h).
#pragma once
#include <string>

#include "model/device.h"
#include "parsers/common/text_decoding.h"

namespace gp::parsers {

// Adds to `dev`:
// - a note "read as <encoding>" when the file was not plain UTF-8 (another encoding, a BOM);
// - a note at file:line for each line holding bytes no supported encoding decodes (the first
//   kMaxUndecodableNotes lines, then one note counting the rest). Notes, not Device::unrecognised:
//   the replaced bytes are nearly always free text (a description, a remark) on a line the dialect
//   parser still understands; when they break a keyword or value, the parser already lists the line
//   as not understood, and a second entry would count that line twice;
// - ConfigDamage when the file is not text, or when most of its lines hold undecodable bytes.
void record_decoding(const DecodedText& t, const std::string& file, model::Device& dev);

inline constexpr int kMaxUndecodableNotes = 20;

}  // namespace gp::parsers
