// Progress of long work (parsing, proving, checking), for a person watching a terminal. The
// stages report into one sink that the command line installs only when someone is watching;
// without a sink a report costs a branch. Nothing here ever reaches the report itself.
#pragma once
#include <cstddef>
#include <string_view>

namespace gp::progress {

// `total` 0: not known in advance.
using Sink = void (*)(std::string_view stage, size_t done, size_t total);

void set_sink(Sink sink);  // nullptr: off (the default)
void report(std::string_view stage, size_t done, size_t total);

}  // namespace gp::progress
