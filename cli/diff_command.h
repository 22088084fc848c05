// `gapproof diff BEFORE AFTER` and `gapproof diff --git REV1..REV2 DIR`: what a change does
// (docs/diff.md). Exit 1 when it opens a flow into a control zone, worsens a zone verdict or adds a
// finding at or above --fail-on; 0 otherwise; an input error on either side is an InputError
// naming the side (exit 2).
#pragma once
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace gp::cli {

struct DiffOptions {
  std::vector<std::string> dirs;  // BEFORE AFTER, or DIR with --git
  std::string git;                // REV1..REV2, or REV (against the working tree)
  std::string format = "text";
  std::string fail_on = "high";
  std::vector<std::string> allowed_roots;
};

CLI::App* add_diff_command(CLI::App& app, DiffOptions& o);

int run_diff(const DiffOptions& o);

}  // namespace gp::cli
