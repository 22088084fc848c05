// Whether a configuration file as a whole can be trusted to describe its device (fail closed):
// the dialect-independent judgements (empty, no dialect, mostly not understood) and the helpers
// dialects use to say a file was cut short. Results go to model::Device::damage.
#pragma once
#include <string>
#include <string_view>

#include "model/device.h"

namespace gp::parsers {

// The last line of `text` that holds more than whitespace, trimmed, with its 1-based number
// (0 and "" when there is none). CR, LF and CRLF each end one line.
struct LastLine {
  std::string text;
  int line = 0;
};
LastLine last_nonblank_line(std::string_view text);

// Fraction of a file's non-blank lines that may be unrecognised before the file counts as "mostly
// not understood": beyond it the parser has evidently not read the device it describes.
inline constexpr double kMostlyNotUnderstood = 0.5;

// Appends to d.damage what makes `text` (the file as parsed) untrustworthy regardless of dialect:
// an empty file, no recognised dialect, more than half of its lines not understood, a last line
// cut in the middle. Dialect parsers (a missing closing line, a block left open) and decoding (binary
// data) judge first; when they found damage, this adds nothing (one reason per root cause).
void assess_config_damage(model::Device& d, std::string_view text);

}  // namespace gp::parsers
