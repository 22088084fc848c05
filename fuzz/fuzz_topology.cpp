// libFuzzer target: the snapshot loader on any topology.yaml (topology_snapshot.h): the YAML
// reader and its bounds, the device parsers, endpoint resolution and link inference. InputError
// is the expected outcome of bad input (the CLI's exit 2); any other exception, a crash or a
// hang is a finding, and so is a parsed device that breaks a parser promise.
#include <unistd.h>

#include <cstdlib>

#include "base/input_error.h"
#include "fuzz/one_device_audit.h"
#include "fuzz/topology_snapshot.h"

namespace fs = std::filesystem;

namespace {

fs::path g_snapshot;  // one folder per process, under $TMPDIR

void remove_snapshot() {
  std::error_code ec;
  fs::remove_all(g_snapshot, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_snapshot = fs::temp_directory_path() / ("gapproof-fuzz-topology-" + std::to_string(::getpid()));
  gp::fuzz::make_topology_snapshot(g_snapshot, GP_SOURCE_DIR);
  std::atexit(remove_snapshot);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  try {
    const gp::model::Snapshot snap = gp::fuzz::load_topology_input(g_snapshot, gp::fuzz::as_text(data, size));
    for (const auto& d : snap.devices) gp::fuzz::require_promises(d);
  } catch (const gp::InputError&) {
    // Bad input, reported at file:line.
  }
  return 0;
}
