// What the fuzz targets (and tests/fuzz/fuzz_regressions_test.cpp) do with the device a parser
// returned: check the parser's promises, and run the code downstream of the parsers (link
// inference, the prover, the checks, both report printers) on a one-device snapshot, so that
// what a fuzzed parser produces is fuzzed through them too.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "model/device.h"
#include "model/reachability/audit.h"
#include "model/snapshot.h"

namespace gp::fuzz {

// The first promise `dev` breaks, or empty: every line not understood is cited at a line of its
// own file; ignored lines are counted within the file.
std::string broken_promise(const model::Device& dev);

struct Audit {
  model::Snapshot snap;  // `dev` as "dut", a control zone behind its last addressed interface
  reach::AuditResult reach;
  std::vector<checks::Finding> findings;
  std::string text, json;  // both reports
};

// The audit of a snapshot holding only `dev` (held in place: the result refers to the snapshot).
std::unique_ptr<Audit> audit_one_device(model::Device dev);

// For the fuzz targets: abort (a finding) when `dev` breaks a promise.
void require_promises(const model::Device& dev);

// For the detection target: require_promises, then audit_one_device. Any exception escaping
// from here is a finding as well. About 10 ms a device under the sanitizers (the prover's BDD
// work dominates), so the dialect targets, which must run hundreds of inputs a second, only
// parse; the detection target, fed every dialect, audits.
void fuzz_one_device(model::Device dev);

// The bytes libFuzzer hands over, as the text a parser reads.
inline std::string_view as_text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace gp::fuzz
