// parse_config_bytes: one configuration of each dialect, saved in every encoding and with every
// line end a Japanese utility's backups come in, gives the model the UTF-8 file gives (same
// interfaces, filters, unrecognised lines, and the same line in every src_ref); what decoding
// finds (the encoding, undecodable bytes, binary data) is recorded on the device.
#include <algorithm>
#include <catch2/catch.hpp>

#include "parsers/common/decoding_report.h"
#include "parsers/registry.h"
#include "tests/encoding_helpers.h"
#include "tests/test_paths.h"

using namespace gp;

namespace {

struct DialectSample {
  std::string file;  // under samples/
  model::Vendor vendor;
  std::vector<std::pair<std::string, std::string>> edits;  // Japanese text added: from -> to
};

const std::vector<DialectSample>& dialect_samples() {
  static const std::vector<DialectSample> k = {
      {"water-utility/configs/hq-rtr.cfg", model::Vendor::CiscoIos, {}},  // descriptions, remarks
      {"water-utility/configs/plant-fw.cfg", model::Vendor::CiscoAsa, {}},
      {"variant-fortigate/configs/plant-fw.conf", model::Vendor::Fortigate, {}},
      {"variant-jp-routers/configs/hq-rtx.cfg",
       model::Vendor::YamahaRtx,
       {{"description lan1 OFFICE-LAN", "description lan1 本庁舎 事務系LAN\n# 浄水場 監視 (ﾎﾟﾝﾌﾟ)"}}},
      {"variant-jp-routers/configs/plant-ix.cfg",
       model::Vendor::NecIx,
       {{"  description CARRIER-IPVPN", "  description 閉域網 浄水場 監視"},
        {"!\n", "! 設定 バックアップ\n"}}},
  };
  return k;
}

std::string sample_text(const DialectSample& s) {
  std::string text = test::slurp_file(test::source_dir() + "/samples/" + s.file);
  for (const auto& [from, to] : s.edits) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  }
  return text;
}

bool has_note(const model::Device& d, const std::string& prefix) {
  for (const auto& [what, ref] : d.notes)
    if (what.rfind(prefix, 0) == 0) return true;
  return false;
}

bool has_non_ascii(const model::Device& d) {
  for (const auto& i : d.interfaces)
    for (char ch : i.description)
      if (static_cast<unsigned char>(ch) >= 0x80) return true;
  return false;
}

}  // namespace

TEST_CASE("parse_config_bytes: every dialect reads the same from every encoding", "[encoding][parsers]") {
  for (const auto& s : dialect_samples()) {
    const std::string utf8 = sample_text(s);
    REQUIRE(utf8.find("\r") == std::string::npos);
    const model::Device base = parsers::parse_config_bytes(utf8, s.file, std::nullopt);
    INFO(s.file);
    REQUIRE(base.vendor == s.vendor);
    REQUIRE(base.interfaces.size() > 0);
    CHECK(base.damage.empty());
    CHECK_FALSE(has_note(base, "read as "));
    // Japanese descriptions stay in the model as UTF-8 (Yamaha keeps non-ASCII text out by design).
    CHECK(has_non_ascii(base) == (s.vendor != model::Vendor::YamahaRtx));
    const std::string digest = test::device_digest(base);

    const std::vector<std::tuple<std::string, std::string, std::string>> variants = {
        {"Shift_JIS", test::encode_as(utf8, "CP932"), "read as Shift_JIS (CP932)"},
        {"Shift_JIS CRLF", test::encode_as(test::with_line_ends(utf8, "\r\n"), "CP932"), "read as Shift_JIS"},
        {"EUC-JP", test::encode_as(utf8, "EUC-JP"), "read as EUC-JP"},
        {"EUC-JP CR", test::encode_as(test::with_line_ends(utf8, "\r"), "EUC-JP"), "read as EUC-JP"},
        {"UTF-16LE BOM", test::kBomUtf16Le + test::encode_as(utf8, "UTF-16LE"),
         "read as UTF-16LE (byte order"},
        {"UTF-16BE BOM CRLF",
         test::kBomUtf16Be + test::encode_as(test::with_line_ends(utf8, "\r\n"), "UTF-16BE"),
         "read as UTF-16BE (byte order"},
        {"UTF-16LE", test::encode_as(utf8, "UTF-16LE"), "read as UTF-16LE (no byte order mark"},
        {"UTF-16LE CR", test::encode_as(test::with_line_ends(utf8, "\r"), "UTF-16LE"), "read as UTF-16LE"},
        {"UTF-8 BOM", test::kBomUtf8 + utf8, "read as UTF-8 (byte order mark)"},
        {"UTF-8 CRLF", test::with_line_ends(utf8, "\r\n"), ""},
        {"UTF-8 CR", test::with_line_ends(utf8, "\r"), ""},
    };
    for (const auto& [name, raw, note] : variants) {
      INFO(name);
      const model::Device d = parsers::parse_config_bytes(raw, s.file, std::nullopt);
      CHECK(d.vendor == s.vendor);
      CHECK(test::device_digest(d) == digest);
      if (note.empty())
        CHECK_FALSE(has_note(d, "read as "));
      else
        CHECK(has_note(d, note));
    }
    // A vendor given by topology.yaml skips detection, not decoding.
    auto given = parsers::parse_config_bytes(test::encode_as(utf8, "UTF-16BE"), s.file, s.vendor);
    CHECK(test::device_digest(given) == digest);
  }
}

TEST_CASE("parse_config_bytes: bytes of no encoding in a description (was exit 3)", "[encoding][parsers]") {
  const std::string file = "configs/hq-rtr.cfg";
  std::string text = test::slurp_file(test::source_dir() + "/samples/water-utility/" + file);
  const int line = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 2;
  text += "interface GigabitEthernet0/9\n description \xE0\x88\x9F\xED\xA0\x80\n!\n";
  const model::Device d = parsers::parse_config_bytes(text, file, std::nullopt);
  CHECK(d.vendor == model::Vendor::CiscoIos);
  const auto* ifc = d.find_interface("GigabitEthernet0/9");
  REQUIRE(ifc);
  CHECK(ifc->description == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  bool noted = false;
  for (const auto& [what, ref] : d.notes)
    noted |= ref.line == line && ref.file == file &&
             what.find("decode in no supported encoding") != std::string::npos;
  CHECK(noted);
  CHECK(d.damage.empty());  // one line of 280: the device is still read
}

TEST_CASE("parse_config_bytes: binary and mostly undecodable files are damaged", "[encoding][parsers]") {
  SECTION("NUL bytes that UTF-16 does not explain") {
    std::string raw = "hostname r1\n!\ninterface Gi0/0\n ip address 10.0.0.1 255.255.255.0\n";
    raw += std::string("\x1F\x8B\x08\x00\x00\x00\x00\x00", 8) + "\n";  // a gzip header on line 5
    auto d = parsers::parse_config_bytes(raw, "configs/r1.cfg", std::nullopt);
    REQUIRE(d.damage.size() == 1);
    CHECK(d.damage[0].why == "the file is not text (binary data at line 5)");
    CHECK(d.damage[0].src_ref.line == 5);
    CHECK(d.damage[0].src_ref.file == "configs/r1.cfg");
  }
  SECTION("most lines hold bytes no encoding reads") {
    std::string raw = "hostname r1\n";
    for (int i = 0; i < 6; ++i) raw += "description \xFF\xFE\xFD x\n";
    auto d = parsers::parse_config_bytes(raw, "configs/r1.cfg", model::Vendor::CiscoIos);
    REQUIRE(d.damage.size() == 1);
    CHECK(d.damage[0].why.rfind("6 of 7 lines had bytes that decode in no supported encoding", 0) == 0);
    CHECK(d.damage[0].src_ref.line == 2);
    int notes = 0;
    for (const auto& [what, ref] : d.notes)
      notes += what.find("decode in no supported encoding") != std::string::npos;
    CHECK(notes == 6);
  }
  SECTION("many undecodable lines: notes are capped, the rest counted") {
    std::string raw;
    for (int i = 0; i < 50; ++i) raw += "remark \xFF\n";
    auto d = parsers::parse_config_bytes(raw, "configs/r1.cfg", model::Vendor::CiscoIos);
    int notes = 0;
    for (const auto& [what, ref] : d.notes)
      notes += what.find("decode in no supported encoding") != std::string::npos;
    CHECK(notes == parsers::kMaxUndecodableNotes + 1);
    CHECK(d.damage.size() == 1);
  }
  SECTION("text is not damaged") {
    auto d = parsers::parse_config_bytes("hostname r1\ninterface Gi0/0\n", "configs/r1.cfg", std::nullopt);
    CHECK(d.vendor == model::Vendor::CiscoIos);
    CHECK(d.damage.empty());
  }
}

TEST_CASE("parse_config_bytes: CR-only files cite the right line in every dialect", "[encoding][parsers]") {
  // Before decoding, ANTLR counted only LF: every citation of a CR-only file was line 1.
  for (const auto& s : dialect_samples()) {
    INFO(s.file);
    const std::string utf8 = sample_text(s);
    auto d = parsers::parse_config_bytes(test::with_line_ends(utf8, "\r"), s.file, std::nullopt);
    const int lines = static_cast<int>(std::count(utf8.begin(), utf8.end(), '\n'));
    CHECK(d.total_lines == lines);
    REQUIRE_FALSE(d.interfaces.empty());
    CHECK(d.interfaces.back().src_ref.line > 1);
  }
}
