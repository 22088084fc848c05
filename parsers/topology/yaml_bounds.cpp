#include "parsers/topology/yaml_bounds.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <sstream>
#include <vector>

#include "base/input_error.h"

namespace gp::parsers::topo {

namespace {

SourceRef at(const std::string& file, const YAML::Mark& m) {
  return SourceRef{file, m.line >= 0 ? m.line + 1 : 0, m.column >= 0 ? m.column + 1 : 0};
}

// Sizes every node as it is parsed: a node weighs 1 plus its scalar's bytes plus what its
// children weigh, an alias what its anchor's node weighs. Throwing from an event stops yaml-cpp
// before it descends further.
class BoundsHandler : public YAML::EventHandler {
 public:
  explicit BoundsHandler(const std::string& file) : file_(file) {}

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { node(anchor, 1); }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    node(anchor, 1 + value.size());
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = weight_.find(anchor);
    if (it == weight_.end())
      throw InputError(at(file_, mark),
                       "malformed YAML: an alias inside the node its anchor names (a cycle); expected "
                       "an alias after the end of the node it repeats");
    expanded_ += it->second;
    if (expanded_ > kMaxAliasExpansion)
      throw InputError(at(file_, mark), "malformed YAML: the aliases stand for more than " +
                                            std::to_string(kMaxAliasExpansion) +
                                            " nodes and characters; expected aliases that repeat small "
                                            "parts (anchors naming anchors multiply)");
    node(YAML::NullAnchor, it->second);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YAML::anchor_t anchor;
    size_t weight;
  };

  void node(YAML::anchor_t anchor, size_t weight) {
    if (anchor != YAML::NullAnchor) weight_[anchor] = weight;
    if (!open_.empty()) open_.back().weight += weight;
  }
  void open(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (open_.size() >= static_cast<size_t>(kMaxYamlDepth))
      throw InputError(at(file_, mark), "malformed YAML: nesting deeper than " +
                                            std::to_string(kMaxYamlDepth) +
                                            " levels; expected the shallow structure of spec section 2");
    open_.push_back({anchor, 1});
  }
  void close() {
    const Open o = open_.back();
    open_.pop_back();
    node(o.anchor, o.weight);
  }

  const std::string& file_;
  std::vector<Open> open_;                   // collections being read, innermost last
  std::map<YAML::anchor_t, size_t> weight_;  // finished anchored nodes
  size_t expanded_ = 0;                      // what the aliases so far stand for
};

}  // namespace

void check_yaml_bounds(const std::string& text, const std::string& file) {
  std::istringstream in(text);
  YAML::Parser parser(in);
  BoundsHandler handler(file);
  parser.HandleNextDocument(handler);  // the first document: the one YAML::Load reads
}

}  // namespace gp::parsers::topo
