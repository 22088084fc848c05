// One decoding step for every configuration file: the bytes as saved (UTF-8, UTF-16, Shift_JIS,
// EUC-JP; LF, CRLF or CR line ends) become well-formed UTF-8 with '\n' line ends and the file's
// own line numbering, so every dialect parser reads the same text and every citation points at
// the line an editor shows.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gp::parsers {

enum class TextEncoding { Utf8, Utf16Le, Utf16Be, Cp932, EucJp };

struct DecodedText {
  std::string text;  // well-formed UTF-8 without NUL, '\n' line ends; line N is line N of the file
  TextEncoding encoding = TextEncoding::Utf8;
  bool bom = false;               // a byte order mark was removed
  bool utf16_by_pattern = false;  // UTF-16 without a BOM, told by the NUL bytes of its ASCII text
  int lines = 0;                  // lines of the file; a last line without a line end counts
  // Lines holding bytes that decode in no supported encoding, each run (one byte, or one 2-byte
  // unit of UTF-16) replaced by U+FFFD: (line, replacements on it), in line order.
  std::vector<std::pair<int, int>> undecodable;
  int undecodable_bytes = 0;  // input bytes replaced, whole file
  // The file is not text: NUL (after decoding), or mostly bytes that are undecodable or control
  // characters text never holds. binary_line is the first line holding such data.
  bool binary = false;
  int binary_line = 0;
};

// Decides the encoding and decodes. Never throws on content; bytes no encoding explains are
// replaced and reported, never dropped, so line numbers stay those of the file.
//
// Order: a byte order mark decides (UTF-8, UTF-16LE, UTF-16BE). Without one, NULs in every other
// byte of mostly-ASCII text mean UTF-16 (LE or BE by which byte holds them). Otherwise the file is
// UTF-8 when all of it is well-formed UTF-8. Otherwise it is decoded strictly as UTF-8, CP932
// (Windows Shift_JIS) and EUC-JP, and the reading that looks least wrong wins: first the fewest
// undecodable bytes plus C1 controls (glibc's EUC-JP passes bytes 80-9F through as C1 controls,
// so Shift_JIS katakana decode "without error" as EUC-JP; text never holds them), then the fewest
// half-width katakana (CP932 reads EUC-JP kanji bytes A1-DF as single-byte kana); remaining ties
// go to UTF-8, then CP932 (what Windows editors save), then EUC-JP. Known limit: Shift_JIS text
// whose only non-ASCII characters are half-width katakana in runs of even length is also valid
// EUC-JP kanji and is read as EUC-JP; one run of odd length tips it back.
DecodedText decode_config_text(std::string_view raw);

// "UTF-8", "UTF-16LE", "UTF-16BE", "Shift_JIS (CP932)", "EUC-JP".
const char* encoding_name(TextEncoding e);

}  // namespace gp::parsers
