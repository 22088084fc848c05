#include "base/progress.h"

namespace gp::progress {

namespace {
Sink g_sink = nullptr;
}

void set_sink(Sink sink) { g_sink = sink; }

void report(std::string_view stage, size_t done, size_t total) {
  if (g_sink) g_sink(stage, done, total);
}

}  // namespace gp::progress
