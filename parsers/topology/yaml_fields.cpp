#include "parsers/topology/yaml_fields.h"

#include <set>

namespace gp::parsers::topo {

SourceRef ref_of(const std::string& file, const YAML::Node& node) {
  SourceRef r{file, 0, 0};
  if (!node.IsDefined()) return r;
  const YAML::Mark m = node.Mark();
  if (m.line >= 0) r.line = m.line + 1;
  if (m.column >= 0) r.column = m.column + 1;
  return r;
}

void YamlReader::fail(const YAML::Node& n, const std::string& msg) const { throw InputError(ref(n), msg); }

namespace {
const char* type_name(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null:
      return "nothing";
    case YAML::NodeType::Scalar:
      return "a single value";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Undefined:
      return "nothing";
  }
  return "something else";
}
}  // namespace

void YamlReader::require_map(const YAML::Node& n, const std::string& what) const {
  if (!n.IsMap()) fail(n, what + ": expected a mapping of 'key: value' fields, found " + type_name(n));
}

void YamlReader::require_seq(const YAML::Node& n, const std::string& what) const {
  if (!n.IsSequence()) fail(n, what + ": expected a list, found " + type_name(n));
}

void YamlReader::check_keys(const YAML::Node& map, const std::string& what,
                            std::initializer_list<const char*> allowed) const {
  std::set<std::string> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    const YAML::Node k = it->first;
    if (!k.IsScalar()) fail(k, what + ": expected a plain name as key, found " + type_name(k));
    const std::string key = k.Scalar();
    if (!seen.insert(key).second) {
      SourceRef first;
      for (auto jt = map.begin(); jt != it; ++jt)
        if (jt->first.IsScalar() && jt->first.Scalar() == key) {
          first = ref(jt->first);
          break;
        }
      fail(k, "duplicate key '" + key + "' in " + what + " (first at line " + std::to_string(first.line) +
                  "); expected each name once");
    }
    if (allowed.size() == 0) continue;
    // Documentation fields are accepted everywhere; any other unknown field is an error, so a
    // misspelt field (say `claims:`) cannot silently drop what it meant to say.
    bool ok = key == "name" || key == "description" || key == "notes" || key == "comment";
    for (const char* a : allowed)
      if (key == a) ok = true;
    if (!ok) fail(k, "unknown field '" + key + "' in " + what + "; expected one of " + join(allowed));
  }
}

std::string YamlReader::scalar(const YAML::Node& n, const std::string& what) const {
  if (!n.IsScalar()) fail(n, what + ": expected a single value, found " + type_name(n));
  return n.Scalar();
}

bool YamlReader::boolean(const YAML::Node& n, const std::string& what) const {
  const std::string s = scalar(n, what);
  if (s == "true" || s == "True" || s == "TRUE" || s == "yes" || s == "Yes" || s == "on") return true;
  if (s == "false" || s == "False" || s == "FALSE" || s == "no" || s == "No" || s == "off") return false;
  fail(n, what + ": expected true or false, found '" + s + "'");
}

Prefix YamlReader::prefix(const YAML::Node& n, const std::string& what) const {
  const std::string s = scalar(n, what);
  auto p = parse_prefix(s);
  if (!p || s.find('/') == std::string::npos)
    fail(n, what + ": expected an IPv4 prefix like 192.168.1.0/24, found '" + s + "'");
  return *p;
}

Ipv4 YamlReader::address(const YAML::Node& n, const std::string& what) const {
  const std::string s = scalar(n, what);
  auto a = parse_ipv4(s);
  if (!a) fail(n, what + ": expected an IPv4 address like 192.168.1.10, found '" + s + "'");
  return *a;
}

std::string YamlReader::date(const YAML::Node& n, const std::string& what) const {
  const std::string s = scalar(n, what);
  if (!is_iso_date(s)) fail(n, what + ": expected a date YYYY-MM-DD, found '" + s + "'");
  return s;
}

std::vector<std::string> YamlReader::string_list(const YAML::Node& n, const std::string& what) const {
  std::vector<std::string> out;
  if (n.IsNull()) return out;
  if (n.IsScalar()) {
    out.push_back(n.Scalar());
    return out;
  }
  require_seq(n, what);
  for (const auto& e : n) out.push_back(scalar(e, what));
  return out;
}

std::vector<Prefix> YamlReader::prefix_list(const YAML::Node& n, const std::string& what) const {
  std::vector<Prefix> out;
  if (n.IsScalar()) {
    out.push_back(prefix(n, what));
    return out;
  }
  require_seq(n, what);
  for (const auto& e : n) out.push_back(prefix(e, what));
  return out;
}

std::vector<Ipv4> YamlReader::address_list(const YAML::Node& n, const std::string& what) const {
  std::vector<Ipv4> out;
  if (n.IsScalar()) {
    out.push_back(address(n, what));
    return out;
  }
  require_seq(n, what);
  for (const auto& e : n) out.push_back(address(e, what));
  return out;
}

std::string join(std::initializer_list<const char*> words) {
  std::string out;
  for (const char* w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

bool is_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  const int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
  if (m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) max = 29;
  return d <= max;
}

}  // namespace gp::parsers::topo
