// The decoding step every configuration file goes through (parsers/common/text_decoding.h), and
// the strict UTF-8 validator it shares with the ANTLR input guard (utf8.h).
#include "parsers/common/text_decoding.h"

#include <catch2/catch.hpp>
#include <tuple>

#include "parsers/common/config_blocks.h"
#include "parsers/common/utf8.h"
#include "tests/encoding_helpers.h"

using namespace gp;
using parsers::decode_config_text;
using parsers::TextEncoding;

namespace {

const std::string kJa = "interface Gi0/1\n description 浄水場 監視\n!\nhostname 本庁\n";
const std::string kFffd = "\xEF\xBF\xBD";

bool well_formed(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    const size_t n = parsers::utf8_sequence_length(s, i);
    if (n == 0 || s[i] == '\0') return false;
    i += n;
  }
  return true;
}

// Lines as an editor counts them: every CRLF, LF and lone CR ends one.
int raw_lines(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
    n += s[i] == '\r' || s[i] == '\n';
  }
  return n + (!s.empty() && s.back() != '\n' && s.back() != '\r');
}

}  // namespace

TEST_CASE("decoding: UTF-8, with and without BOM", "[encoding][parsers]") {
  auto t = decode_config_text(kJa);
  CHECK(t.encoding == TextEncoding::Utf8);
  CHECK_FALSE(t.bom);
  CHECK(t.text == kJa);
  CHECK(t.lines == 4);
  CHECK(t.undecodable.empty());
  CHECK_FALSE(t.binary);

  auto b = decode_config_text(test::kBomUtf8 + kJa);
  CHECK(b.encoding == TextEncoding::Utf8);
  CHECK(b.bom);
  CHECK(b.text == kJa);
}

TEST_CASE("decoding: Shift_JIS (CP932) and EUC-JP", "[encoding][parsers]") {
  const std::string sjis = test::encode_as(kJa, "CP932");
  const std::string euc = test::encode_as(kJa, "EUC-JP");
  REQUIRE(sjis != kJa);
  REQUIRE(euc != kJa);
  auto s = decode_config_text(sjis);
  CHECK(s.encoding == TextEncoding::Cp932);
  CHECK(s.text == kJa);
  CHECK(s.undecodable.empty());
  auto e = decode_config_text(euc);
  CHECK(e.encoding == TextEncoding::EucJp);
  CHECK(e.text == kJa);
  // CP932 keeps backslash and tilde ASCII (plain Shift_JIS would make them yen and overline).
  auto bs = decode_config_text(test::encode_as("banner \\ ~ 監視\n", "CP932"));
  CHECK(bs.text == "banner \\ ~ 監視\n");
}

TEST_CASE("decoding: when CP932 and EUC-JP both decode, the reading that looks right wins",
          "[encoding][parsers]") {
  // 配水池 and ポンプ in EUC-JP are also valid CP932 (as half-width katakana and kanji); in
  // Shift_JIS, ポンプ (83 xx) is also valid EUC-JP for glibc (bytes 80-9F pass as C1 controls).
  const std::string text = "description 配水池 ポンプ\n";
  CHECK(decode_config_text(test::encode_as(text, "EUC-JP")).encoding == TextEncoding::EucJp);
  CHECK(decode_config_text(test::encode_as(text, "EUC-JP")).text == text);
  CHECK(decode_config_text(test::encode_as(text, "CP932")).encoding == TextEncoding::Cp932);
  CHECK(decode_config_text(test::encode_as(text, "CP932")).text == text);
  // Half-width katakana in Shift_JIS with a run of odd length: EUC-JP leaves a byte undecoded.
  const std::string kana = "description ﾎﾟﾝﾌﾟ ﾎﾝｼｬ\n";
  CHECK(decode_config_text(test::encode_as(kana, "CP932")).text == kana);
}

TEST_CASE("decoding: UTF-16 with a BOM, and without one when the NULs say so", "[encoding][parsers]") {
  const std::string le = test::encode_as(kJa, "UTF-16LE"), be = test::encode_as(kJa, "UTF-16BE");
  for (const auto& [raw, enc, bom] :
       {std::tuple{test::kBomUtf16Le + le, TextEncoding::Utf16Le, true},
        std::tuple{test::kBomUtf16Be + be, TextEncoding::Utf16Be, true},
        std::tuple{le, TextEncoding::Utf16Le, false}, std::tuple{be, TextEncoding::Utf16Be, false}}) {
    auto t = decode_config_text(raw);
    CHECK(t.encoding == enc);
    CHECK(t.bom == bom);
    CHECK(t.utf16_by_pattern == !bom);
    CHECK(t.text == kJa);
    CHECK(t.lines == 4);
    CHECK_FALSE(t.binary);
  }
  // Japanese text alone in UTF-16 has no NUL byte: without a BOM it is not guessed as UTF-16.
  auto ja = decode_config_text(test::encode_as("監視", "UTF-16LE"));
  CHECK(ja.encoding != TextEncoding::Utf16Le);
}

TEST_CASE("decoding: UTF-16 of odd length and with a lone surrogate", "[encoding][parsers]") {
  std::string le = test::kBomUtf16Le + test::encode_as("hostname r1\nend\n", "UTF-16LE");
  le.push_back('x');  // a half code unit at the end: a cut-short copy
  auto t = decode_config_text(le);
  CHECK(t.encoding == TextEncoding::Utf16Le);
  CHECK(t.text == "hostname r1\nend\n" + kFffd);
  CHECK(t.lines == 3);
  REQUIRE(t.undecodable.size() == 1);
  CHECK(t.undecodable[0] == std::pair{3, 1});

  // A high surrogate followed by an ordinary character, on line 2.
  std::string s = test::kBomUtf16Le + test::encode_as("a\n", "UTF-16LE") + std::string("\x00\xD8", 2) +
                  test::encode_as("b\n", "UTF-16LE");
  auto u = decode_config_text(s);
  CHECK(u.text == "a\n" + kFffd + "b\n");
  REQUIRE(u.undecodable.size() == 1);
  CHECK(u.undecodable[0].first == 2);
}

TEST_CASE("decoding: CRLF, CR-only and mixed line ends keep the file's numbering", "[encoding][parsers]") {
  const std::string lf = "a\nb\n\nc\n";
  CHECK(decode_config_text(test::with_line_ends(lf, "\r\n")).text == lf);
  CHECK(decode_config_text(test::with_line_ends(lf, "\r")).text == lf);
  CHECK(decode_config_text(test::with_line_ends(lf, "\r")).lines == 4);
  auto mixed = decode_config_text("a\r\nb\rc\n\r\nd");
  CHECK(mixed.text == "a\nb\nc\n\nd");
  CHECK(mixed.lines == 5);
  // CR-only Shift_JIS and UTF-16BE: line ends survive the conversion.
  auto sj = decode_config_text(test::encode_as(test::with_line_ends(kJa, "\r"), "CP932"));
  CHECK(sj.text == kJa);
  auto be =
      decode_config_text(test::kBomUtf16Be + test::encode_as(test::with_line_ends(kJa, "\r\n"), "UTF-16BE"));
  CHECK(be.text == kJa);
}

TEST_CASE("decoding: bytes no encoding reads are replaced and reported at their line",
          "[encoding][parsers]") {
  auto t = decode_config_text("hostname r1\r\n!\r\ndescription caf\xFF\xFE\r\nend\r\n");
  CHECK(t.lines == 4);
  CHECK(t.text == "hostname r1\n!\ndescription caf" + kFffd + kFffd + "\nend\n");
  REQUIRE(t.undecodable.size() == 1);
  CHECK(t.undecodable[0] == std::pair{3, 2});
  CHECK(t.undecodable_bytes == 2);
  CHECK_FALSE(t.binary);

  // Shift_JIS text with a lead byte cut off by a line end: the line end stays.
  std::string sj = test::encode_as("a 監視\n", "CP932") + "b \x83\nc\n";
  auto s = decode_config_text(sj);
  CHECK(s.encoding == TextEncoding::Cp932);
  CHECK(s.text == "a 監視\nb " + kFffd + "\nc\n");
  REQUIRE(s.undecodable.size() == 1);
  CHECK(s.undecodable[0].first == 2);
}

TEST_CASE("UTF-8 validator: overlongs, surrogates, beyond U+10FFFF rejected; limits accepted",
          "[encoding][parsers]") {
  for (const char* bad : {"\xC0\xAF", "\xC1\xBF", "\xE0\x80\xAF", "\xE0\x9F\xBF", "\xED\xA0\x80",
                          "\xED\xBF\xBF", "\xF0\x80\x80\xAF", "\xF0\x8F\xBF\xBF", "\xF4\x90\x80\x80",
                          "\xF5\x80\x80\x80", "\xFF", "\x80", "\xE3\x81", "\xF0\x9F\x98"}) {
    INFO(bad);
    CHECK(parsers::utf8_sequence_length(bad, 0) == 0);
  }
  for (const char* good : {"\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80",
                           "\xEF\xBF\xBD", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF", "\xE7\x9B\xA3"}) {
    INFO(good);
    CHECK(parsers::utf8_sequence_length(good, 0) == std::string_view(good).size());
  }
  CHECK(parsers::utf8_code_point("\xF4\x8F\xBF\xBF", 0, 4) == 0x10FFFF);
  CHECK(parsers::utf8_code_point("\xE7\x9B\xA3", 0, 3) == U'監');
  CHECK(parsers::replace_invalid_utf8(std::string("a\xED\xA0\x80\0b", 6), "?") == "a????b");
}

TEST_CASE("decoding: overlong and surrogate bytes in a description (the ANTLR crash)",
          "[encoding][parsers]") {
  const std::string raw = "interface Gi0/9\n description \xE0\x88\x9F\xED\xA0\x80\n!\n";
  auto t = decode_config_text(raw);
  CHECK(well_formed(t.text));
  CHECK(t.lines == 3);
  // The ANTLR block reader takes both the raw bytes (its own guard) and the decoded text.
  auto raw_blocks = parsers::read_config_blocks(raw);
  auto blocks = parsers::read_config_blocks(t.text);
  REQUIRE(blocks.size() == 2);
  REQUIRE(raw_blocks.size() == 2);
  CHECK(blocks[0].children.at(0).line == 2);
  CHECK(raw_blocks[0].children.at(0).line == 2);
  CHECK(blocks[1].line == 3);
}

TEST_CASE("decoding: binary data is reported with its line", "[encoding][parsers]") {
  auto nul = decode_config_text(std::string("hostname r1\n!\nab\0cd\nend\n", 24));
  CHECK(nul.binary);
  CHECK(nul.binary_line == 3);
  CHECK(well_formed(nul.text));
  CHECK(nul.lines == 4);

  std::string noise;  // no NUL, mostly control bytes and bytes no encoding reads
  for (int i = 0; i < 400; ++i)
    noise.push_back(static_cast<char>(i % 3 == 0 ? 0x01 : i % 3 == 1 ? 0xFF : 0x7F));
  auto n = decode_config_text("hostname r1\n" + noise);
  CHECK(n.binary);
  CHECK(n.binary_line == 2);

  // Control characters real configurations hold (IOS banner ^C, terminal escapes) are text.
  auto banner = decode_config_text("banner motd \x03\nAuthorised only\n\x03\n\x1B[0m\n");
  CHECK_FALSE(banner.binary);
}

TEST_CASE("decoding: any byte string gives well-formed text with the file's line count",
          "[encoding][parsers]") {
  uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0xFF;
  };
  const char alphabet[] = {'\n',   '\r',   '\0',   ' ',    'a',    '\x81', '\x83', '\xA4',
                           '\xE3', '\xED', '\xF4', '\xFF', '\x8E', '\x8F', '\xC0', '\xA0'};
  for (int round = 0; round < 300; ++round) {
    std::string raw;
    const int len = static_cast<int>(next()) * (round % 5 + 1);
    for (int i = 0; i < len; ++i)
      raw.push_back(round % 2 ? static_cast<char>(next()) : alphabet[next() % 16]);
    auto t = decode_config_text(raw);
    INFO("round " << round << " encoding " << parsers::encoding_name(t.encoding));
    CHECK(well_formed(t.text));
    CHECK(t.text.find('\r') == std::string::npos);
    if (t.encoding != TextEncoding::Utf16Le && t.encoding != TextEncoding::Utf16Be) {
      std::string_view body = raw;
      if (t.bom) body.remove_prefix(3);
      CHECK(t.lines == raw_lines(body));
    }
    CHECK(parsers::read_config_blocks(t.text).size() <= static_cast<size_t>(t.lines));
    CHECK_NOTHROW(parsers::read_config_blocks(raw));
  }
}
