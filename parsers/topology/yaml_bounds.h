// Bounds on a topology.yaml, checked on yaml-cpp's parse events before any node tree is built or
// walked. yaml-cpp's parser recurses once per nesting level (it stops only at 2000 levels, deep
// enough to exhaust a stack under sanitizers), and an alias is a reference: a few lines of
// anchors naming anchors ("billion laughs") stand for more than memory holds once the loader
// walks or copies what they name. No topology of spec section 2 comes near either bound.
#pragma once
#include <cstddef>
#include <string>

namespace gp::parsers::topo {

constexpr int kMaxYamlDepth = 64;  // mappings and lists open at once (spec section 2 needs 4)
// Nodes plus scalar bytes the aliases of one document stand for, all together.
constexpr size_t kMaxAliasExpansion = 1000000;

// Throws InputError at file:line:col of the first collection opened beyond kMaxYamlDepth, of the
// alias that takes the expansion beyond kMaxAliasExpansion, or of an alias inside the node it
// names. YAML::Exception for malformed YAML (as YAML::Load would throw it).
void check_yaml_bounds(const std::string& text, const std::string& file);

}  // namespace gp::parsers::topo
