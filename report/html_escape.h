// Text into HTML and XML: one escaping for every string that comes from a configuration or from
// topology.yaml, so that a description `<script>alert(1)</script>` is shown, never run.
#pragma once
#include <string>

namespace gp::report {

// The five markup characters as entities; bytes that are not well-formed UTF-8 and C0 controls
// other than tab and line breaks (which XML cannot carry) as U+FFFD.
std::string escape_markup(const std::string& s);

}  // namespace gp::report
