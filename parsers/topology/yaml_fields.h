// Typed access to topology.yaml nodes: every accessor either returns a value or throws
// InputError naming topology.yaml:LINE:COL and what was expected there.
#pragma once
#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "base/input_error.h"
#include "base/ipv4.h"
#include "base/source_ref.h"

namespace gp::parsers::topo {

// Where a node sits (1-based line and column). `file` is the name used in messages.
SourceRef ref_of(const std::string& file, const YAML::Node& node);

class YamlReader {
 public:
  explicit YamlReader(std::string file) : file_(std::move(file)) {}
  const std::string& file() const { return file_; }

  SourceRef ref(const YAML::Node& n) const { return ref_of(file_, n); }
  [[noreturn]] void fail(const YAML::Node& n, const std::string& msg) const;

  // `what` describes the node in messages, e.g. "zone 'scada'".
  void require_map(const YAML::Node& n, const std::string& what) const;
  void require_seq(const YAML::Node& n, const std::string& what) const;
  // Rejects duplicate keys (yaml-cpp keeps them all; the spec gives each name one meaning) and,
  // when `allowed` is not empty, keys outside `allowed`.
  void check_keys(const YAML::Node& map, const std::string& what,
                  std::initializer_list<const char*> allowed) const;

  std::string scalar(const YAML::Node& n, const std::string& what) const;
  bool boolean(const YAML::Node& n, const std::string& what) const;
  Prefix prefix(const YAML::Node& n, const std::string& what) const;
  Ipv4 address(const YAML::Node& n, const std::string& what) const;
  std::string date(const YAML::Node& n, const std::string& what) const;  // YYYY-MM-DD
  // A list of scalars; a single scalar is accepted as a list of one.
  std::vector<std::string> string_list(const YAML::Node& n, const std::string& what) const;
  std::vector<Prefix> prefix_list(const YAML::Node& n, const std::string& what) const;
  std::vector<Ipv4> address_list(const YAML::Node& n, const std::string& what) const;

 private:
  std::string file_;
};

// "a, b, c" for messages.
std::string join(std::initializer_list<const char*> words);
std::string join(const std::vector<std::string>& words);

// True for a valid calendar date written as YYYY-MM-DD.
bool is_iso_date(const std::string& s);

}  // namespace gp::parsers::topo
