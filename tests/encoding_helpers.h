// Re-encoding of test inputs (UTF-8 text -> Shift_JIS, EUC-JP, UTF-16...) with glibc's iconv, and
// a digest of a parsed device to compare the model read from two encodings of one file.
#pragma once
#include <iconv.h>

#include <catch2/catch.hpp>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <string>

#include "model/device.h"

namespace gp::test {

// `utf8` converted to `to` ("CP932", "EUC-JP", "UTF-16LE", "UTF-16BE"); fails the test when a
// character has no equivalent there.
inline std::string encode_as(const std::string& utf8, const char* to) {
  iconv_t cd = iconv_open(to, "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 4 + 16, '\0');
  char* src = const_cast<char*>(utf8.data());
  size_t src_left = utf8.size();
  char* dst = out.data();
  size_t dst_left = out.size();
  const size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
  const int err = errno;
  iconv_close(cd);
  INFO("iconv to " << to << " failed at byte " << (utf8.size() - src_left) << ", errno " << err);
  REQUIRE(r != static_cast<size_t>(-1));
  out.resize(out.size() - dst_left);
  return out;
}

inline const std::string kBomUtf16Le = "\xFF\xFE";
inline const std::string kBomUtf16Be = "\xFE\xFF";
inline const std::string kBomUtf8 = "\xEF\xBB\xBF";

// `text` (LF line ends) with every LF replaced by `eol`.
inline std::string with_line_ends(const std::string& text, const std::string& eol) {
  std::string out;
  for (char ch : text) {
    if (ch == '\n')
      out += eol;
    else
      out.push_back(ch);
  }
  return out;
}

inline std::string slurp_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void put_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  REQUIRE(out);
  out << content;
}

// What the prover and the checks read of a device, one fact per line with its provenance line:
// two encodings of one file must give the same digest. Notes about decoding itself ("read as
// ...") are left out: they are the one thing that differs.
inline std::string device_digest(const model::Device& d) {
  std::ostringstream o;
  auto ln = [](const SourceRef& r) { return std::to_string(r.line); };
  o << "vendor " << static_cast<int>(d.vendor) << " host " << d.hostname << " os " << d.os_version
    << " lines " << d.total_lines << " ignored " << d.ignored_lines << "\n";
  for (const auto& i : d.interfaces) {
    o << "ifc " << i.name << " @" << ln(i.src_ref) << " desc[" << i.description << "] shut " << i.shutdown
      << " in " << i.filter_in << "@" << ln(i.filter_in_ref) << " out " << i.filter_out << "@"
      << ln(i.filter_out_ref) << " nameif " << i.nameif << " zone " << i.zone << "\n";
    for (const auto& a : i.ipv4) o << "  addr " << format_prefix(a.prefix) << " @" << ln(a.src_ref) << "\n";
  }
  for (const auto& r : d.routes)
    o << "route " << format_prefix(r.prefix) << " via " << (r.next_hop ? format_ipv4(*r.next_hop) : "-")
      << " " << r.out_interface << " understood " << r.understood << " @" << ln(r.src_ref) << "\n";
  for (const auto& [name, f] : d.filters) {
    o << "filter " << name << " @" << ln(f.src_ref) << " defined " << f.defined << "\n";
    for (const auto& r : f.rules)
      o << "  rule " << static_cast<int>(r.action) << " understood " << r.understood << " [" << r.text
        << "] @" << ln(r.src_ref) << "\n";
  }
  for (const auto& n : d.nat) o << "nat @" << ln(n.src_ref) << " @" << ln(n.decided_ref) << "\n";
  for (const auto& v : d.vpns) o << "vpn " << v.name << " @" << ln(v.src_ref) << "\n";
  for (const auto& s : d.services)
    o << "svc " << static_cast<int>(s.protocol) << " on " << s.enabled << " @" << ln(s.src_ref) << "\n";
  for (const auto& s : d.secrets)
    o << "secret " << static_cast<int>(s.kind) << " " << static_cast<int>(s.storage) << " " << s.digest
      << " @" << ln(s.src_ref) << "\n";
  for (const auto& h : d.hygiene)
    o << "hygiene " << static_cast<int>(h.topic) << " @" << ln(h.src_ref) << "\n";
  for (const auto& u : d.unrecognised) o << "unrec @" << ln(u.src_ref) << " [" << u.text << "]\n";
  for (const auto& [what, ref] : d.notes)
    if (what.rfind("read as ", 0) != 0) o << "note @" << ln(ref) << " " << what << "\n";
  for (const auto& g : d.damage) o << "damage @" << ln(g.src_ref) << " " << g.why << "\n";
  return o.str();
}

}  // namespace gp::test
