// libFuzzer target: parse_nec_ix on any bytes and the promises every parser keeps (one_device_audit.h).
#include "fuzz/one_device_audit.h"
#include "parsers/nec_ix/nec_ix.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gp::fuzz::require_promises(gp::parsers::parse_nec_ix(gp::fuzz::as_text(data, size), "configs/dut.cfg"));
  return 0;
}
