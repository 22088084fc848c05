// Cisco IOS configuration -> vendor-neutral model::Device.
#pragma once
#include <string>
#include <string_view>

#include "model/device.h"

namespace gp::parsers {

bool looks_like_cisco_ios(std::string_view content);
model::Device parse_cisco_ios(std::string_view content, const std::string& file);

}  // namespace gp::parsers
