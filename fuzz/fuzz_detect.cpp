// libFuzzer target: dialect detection and dispatch as the loader does it (detect_vendor, then
// parse_device; an unknown dialect included), then the audit of the device.
#include "fuzz/one_device_audit.h"
#include "parsers/registry.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = gp::fuzz::as_text(data, size);
  const gp::model::Vendor v = gp::parsers::detect_vendor(text);
  gp::fuzz::fuzz_one_device(gp::parsers::parse_device(text, "configs/dut.cfg", v));
  return 0;
}
