// libFuzzer target: parse_yamaha_rtx on any bytes and the promises every parser keeps (one_device_audit.h).
#include "fuzz/one_device_audit.h"
#include "parsers/yamaha_rtx/yamaha_rtx.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gp::fuzz::require_promises(gp::parsers::parse_yamaha_rtx(gp::fuzz::as_text(data, size), "configs/dut.cfg"));
  return 0;
}
