// Fortinet FortiOS 6.x-7.x configuration ("show" / "show full-configuration") -> model::Device.
#pragma once
#include <string>
#include <string_view>

#include "model/device.h"

namespace gp::parsers {

bool looks_like_fortigate(std::string_view content);
model::Device parse_fortigate(std::string_view content, const std::string& file);

}  // namespace gp::parsers
