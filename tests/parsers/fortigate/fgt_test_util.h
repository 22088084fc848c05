// Helpers shared by the FortiOS parser tests.
#pragma once
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/device.h"
#include "parsers/fortigate/fortigate.h"
#include "tests/parsers/cisco_asa/asa_test_util.h"
#include "tests/test_paths.h"

namespace gp::test::fgt {

inline model::Device parse(const std::string& text) { return parsers::parse_fortigate(text, "fgt.conf"); }

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline const model::Interface* ifc(const model::Device& d, const std::string& n) {
  for (const auto& i : d.interfaces)
    if (i.name == n) return &i;
  return nullptr;
}

inline bool unrecognised_at(const model::Device& d, int line) {
  for (const auto& u : d.unrecognised)
    if (u.src_ref.line == line) return true;
  return false;
}

// Every FortiOS row of the corpus manifest (path, realism).
inline std::vector<std::pair<std::string, std::string>> corpus_rows() {
  std::vector<std::pair<std::string, std::string>> rows;
  std::istringstream in(slurp(gp::test::corpus("MANIFEST.tsv")));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    size_t pos = 0;
    while (true) {
      size_t tab = line.find('\t', pos);
      cols.push_back(line.substr(pos, tab == std::string::npos ? std::string::npos : tab - pos));
      if (tab == std::string::npos) break;
      pos = tab + 1;
    }
    if (cols.size() >= 7 && cols[5] == "Fortinet FortiOS") rows.push_back({cols[0], cols[6]});
  }
  return rows;
}

using gp::test::asa::all_text;

}  // namespace gp::test::fgt
