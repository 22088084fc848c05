// Yamaha RTX / NVR configuration ("show config", TFTP/SFTP config files) -> model::Device.
#pragma once
#include <string>
#include <string_view>

#include "model/device.h"

namespace gp::parsers {

bool looks_like_yamaha_rtx(std::string_view content);
model::Device parse_yamaha_rtx(std::string_view content, const std::string& file);

}  // namespace gp::parsers
