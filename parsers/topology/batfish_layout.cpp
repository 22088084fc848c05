#include "parsers/topology/batfish_layout.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "base/input_error.h"
#include "parsers/common/config_blocks.h"
#include "parsers/topology/endpoints.h"

namespace fs = std::filesystem;
using json = nlohmann::json;

namespace gp::parsers::topo {

namespace {

// line:col of a 1-based byte position in `text`.
SourceRef position(const std::string& file, const std::string& text, size_t byte) {
  SourceRef r{file, 1, 1};
  const size_t end = std::min(byte > 0 ? byte - 1 : 0, text.size());
  for (size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++r.line;
      r.column = 1;
    } else {
      ++r.column;
    }
  }
  return r;
}

json parse_json(const std::string& path, const std::string& rel) {
  const std::string text = parsers::read_file(path, SourceRef{rel, 0, 0});
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    std::string msg = e.what();
    const auto colon = msg.find(": ");  // drop nlohmann's "[json.exception.parse_error.101]"
    if (msg.rfind("[json.exception", 0) == 0 && colon != std::string::npos) msg = msg.substr(colon + 2);
    throw InputError(position(rel, text, e.byte),
                     "malformed JSON: " + msg + "; expected a Batfish JSON document");
  }
}

std::string get_string(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

// The line of the n-th (0-based) occurrence of `needle`, for provenance of JSON elements.
int line_of_occurrence(const std::string& text, const std::string& needle, size_t n) {
  size_t pos = 0;
  for (size_t k = 0;; ++k) {
    pos = text.find(needle, pos);
    if (pos == std::string::npos) return 0;
    if (k == n) break;
    pos += needle.size();
  }
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + pos, '\n'));
}

}  // namespace

void read_batfish_hosts(const std::string& root, model::Snapshot& snap) {
  const fs::path dir = fs::path(root) / "hosts";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file(ec) && e.path().extension() == ".json") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    const std::string rel = "hosts/" + f.filename().string();
    const SourceRef ref{rel, 1, 0};
    const json j = parse_json(f.string(), rel);
    if (!j.is_object()) throw InputError(ref, "expected a JSON object with hostname and hostInterfaces");
    model::Host h;
    h.id = get_string(j, "hostname");
    if (h.id.empty()) h.id = f.stem().string();
    h.src_ref = ref;
    auto ifs = j.find("hostInterfaces");
    if (ifs != j.end()) {
      if (!ifs->is_object()) throw InputError(ref, "hostInterfaces: expected an object of interfaces");
      for (auto it = ifs->begin(); it != ifs->end(); ++it) {  // nlohmann sorts keys
        if (!it->is_object()) continue;
        const std::string prefix = get_string(*it, "prefix");
        if (!prefix.empty()) {
          auto p = parse_prefix(prefix);
          if (!p)
            throw InputError(ref, "host '" + h.id + "' interface '" + it.key() +
                                      "': expected a prefix like 10.0.0.5/24, found '" + prefix + "'");
          h.addresses.push_back(p->addr);
        }
        const std::string gw = get_string(*it, "gateway");
        if (!gw.empty() && !h.gateway) {
          auto a = parse_ipv4(gw);
          if (!a)
            throw InputError(ref, "host '" + h.id + "' interface '" + it.key() +
                                      "': expected a gateway address, found '" + gw + "'");
          h.gateway = a;
        }
      }
    }
    if (h.addresses.empty()) {
      snap.notes.push_back({"host '" + h.id + "' has no IPv4 address; not modelled", ref});
      continue;
    }
    if (snap.hosts.count(h.id)) {
      snap.notes.push_back({"host '" + h.id + "' is described twice; this file is ignored", ref});
      continue;
    }
    snap.hosts[h.id] = std::move(h);
  }
}

std::optional<std::string> find_layer1_file(const std::string& root) {
  std::error_code ec;
  const fs::path r(root);
  for (const char* fixed : {"batfish/layer1_topology.json", "layer1_topology.json"})
    if (fs::is_regular_file(r / fixed, ec)) return std::string(fixed);
  auto scan = [&](const fs::path& dir, const std::string& prefix) -> std::optional<std::string> {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
      const std::string n = e.path().filename().string();
      if (e.is_regular_file(ec) && n.size() >= 20 &&
          n.compare(n.size() - 20, 20, "layer1_topology.json") == 0)
        names.push_back(n);
    }
    if (names.empty()) return std::nullopt;
    std::sort(names.begin(), names.end());
    return prefix + names.front();
  };
  if (fs::is_directory(r / "batfish", ec))
    if (auto f = scan(r / "batfish", "batfish/")) return f;
  if (auto f = scan(r, "")) return f;
  const fs::path parent = fs::absolute(r, ec).lexically_normal().parent_path();
  if (!ec && !parent.empty() && fs::is_directory(parent, ec))
    if (auto f = scan(parent, "../")) return f;
  return std::nullopt;
}

void read_layer1(const std::string& root, const std::string& rel, model::Snapshot& snap) {
  const std::string path = (fs::path(root) / rel).string();
  const std::string text = parsers::read_file(path, SourceRef{rel, 0, 0});
  json j;
  try {
    j = json::parse(text);
  } catch (const json::parse_error&) {
    j = parse_json(path, rel);  // rethrows as InputError with the position
  }
  const SourceRef file_ref{rel, 1, 0};
  if (!j.is_object() || !j.contains("edges") || !j["edges"].is_array())
    throw InputError(file_ref,
                     "expected a JSON object {\"edges\": [...]} (Batfish layer-1 "
                     "topology)");
  EndpointOptions opts;
  opts.lenient_device_names = true;
  std::set<std::pair<std::string, std::string>> seen;
  size_t index = 0;
  for (const auto& e : j["edges"]) {
    const SourceRef ref{rel, line_of_occurrence(text, "\"node1\"", index++), 0};
    if (!e.is_object() || !e.contains("node1") || !e.contains("node2") || !e["node1"].is_object() ||
        !e["node2"].is_object()) {
      snap.notes.push_back({"layer-1 edge without node1/node2 objects: skipped", ref});
      continue;
    }
    model::Link link;
    link.kind = model::LinkKind::Ethernet;
    link.src_ref = ref;
    bool ok = true;
    // An edge to a host model (hosts/*.json) needs no link: the host sits on the segment that
    // holds its address.
    if (snap.hosts.count(get_string(e["node1"], "hostname")) ||
        snap.hosts.count(get_string(e["node2"], "hostname")))
      continue;
    for (const char* side : {"node1", "node2"}) {
      const std::string host = get_string(e[side], "hostname");
      const std::string ifc = get_string(e[side], "interfaceName");
      auto res = resolve_interface_endpoint(snap, host, ifc, opts);
      if (!res.ok) {
        snap.notes.push_back({"layer-1 edge skipped: " + res.error, ref});
        ok = false;
        break;
      }
      if (!res.note.empty() && std::none_of(snap.notes.begin(), snap.notes.end(),
                                            [&](const auto& n) { return n.first == res.note; }))
        snap.notes.push_back({res.note, ref});
      link.members.push_back(res.endpoint);
    }
    if (!ok) continue;
    std::string a = link.members[0].str(), b = link.members[1].str();
    if (a == b) continue;
    if (b < a) std::swap(a, b);
    if (!seen.insert({a, b}).second) continue;  // the same cable listed in both directions
    snap.links.push_back(std::move(link));
  }
}

}  // namespace gp::parsers::topo
