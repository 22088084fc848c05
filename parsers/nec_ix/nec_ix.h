// NEC UNIVERGE IX configuration ("show running-config", "show startup-config") -> model::Device.
#pragma once
#include <string>
#include <string_view>

#include "model/device.h"

namespace gp::parsers {

bool looks_like_nec_ix(std::string_view content);
model::Device parse_nec_ix(std::string_view content, const std::string& file);

}  // namespace gp::parsers
