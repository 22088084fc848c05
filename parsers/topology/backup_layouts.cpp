#include "parsers/topology/backup_layouts.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "base/input_error.h"

namespace fs = std::filesystem;

namespace gp::parsers::topo {

namespace {

std::string trim(std::string s) {
  const auto issp = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && issp(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t i = 0;
  while (i < s.size() && issp(static_cast<unsigned char>(s[i]))) ++i;
  return s.substr(i);
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == sep) {
      out.push_back(trim(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  out.push_back(trim(cur));
  return out;
}

struct RouterDbEntry {
  std::string name, type, state;
  int line = 0;
};

std::vector<RouterDbEntry> read_router_db(const SnapshotRoots& roots) {
  const SourceRef at{"router.db", 0, 0};
  const fs::path p = resolve_inside(roots, "router.db", at, "RANCID router.db");
  std::istringstream in(read_snapshot_file(p, at));
  std::vector<RouterDbEntry> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    line = trim(line);
    if (line.empty() || line[0] == '#') continue;
    // RANCID 3 separates fields with ';' (names may be IPv6 addresses); older versions with ':'.
    const char sep = line.find(';') != std::string::npos ? ';' : ':';
    const auto f = split(line, sep);
    if (f.size() < 3 || f[0].empty() || f[1].empty() || f[2].empty())
      throw InputError(SourceRef{"router.db", n, 0},
                       "expected a RANCID router.db line 'name;type;state[;comment]', found '" + line + "'");
    out.push_back({f[0], f[1], lower(f[2]), n});
  }
  return out;
}

}  // namespace

bool has_rancid_router_db(const SnapshotRoots& roots) {
  return entry_kind(roots.snapshot / "router.db") != EntryKind::Absent;
}

std::vector<ConfigFile> rancid_configs(const SnapshotRoots& roots,
                                       std::vector<std::pair<std::string, SourceRef>>& notes) {
  const auto entries = read_router_db(roots);
  std::set<std::string> files;
  for (const auto& f : list_config_files(roots, "configs", notes))
    files.insert(f.lexically_relative("configs").generic_string());
  std::vector<ConfigFile> out;
  std::set<std::string> listed;
  for (const auto& e : entries) {
    const SourceRef at{"router.db", e.line, 0};
    if (!listed.insert(e.name).second) {
      notes.push_back({"router.db lists " + e.name + " again: the first line counts", at});
      continue;
    }
    if (e.state != "up") {
      notes.push_back({"skipped " + e.name + ": router.db marks it '" + e.state +
                           "', so RANCID no longer collects it and configs/" + e.name + " may be old",
                       at});
      continue;
    }
    if (!files.count(e.name)) {
      notes.push_back({e.name + " is listed up in router.db but configs/" + e.name +
                           " is missing: RANCID has not collected it, it is not audited",
                       at});
      continue;
    }
    out.push_back({e.name, "configs/" + e.name});
  }
  for (const auto& f : files)
    if (!listed.count(f))
      notes.push_back(
          {"skipped configs/" + f + ": router.db does not list it", SourceRef{"configs/" + f, 0, 0}});
  return out;
}

std::vector<ConfigFile> oxidized_configs(const SnapshotRoots& roots,
                                         std::vector<std::pair<std::string, SourceRef>>& notes) {
  const auto files = list_config_files(roots, "", notes);
  std::map<std::string, int> per_name;
  for (const auto& f : files) ++per_name[f.filename().string()];
  std::vector<ConfigFile> out;
  for (const auto& f : files) {
    const std::string name = f.filename().string();
    out.push_back({per_name[name] > 1 ? f.generic_string() : name, f.generic_string()});
  }
  return out;
}

}  // namespace gp::parsers::topo
