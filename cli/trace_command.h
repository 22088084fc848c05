// `gapproof trace DIR --from NAME|IP --to IP [--proto ...] [--dport N] [--sport N]`: one flow.
#pragma once
#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace gp::cli {

struct TraceOptions {
  std::string dir;
  std::string from;
  std::string to;
  std::string proto;  // empty: tcp when a port is given, else icmp (echo request)
  std::optional<int> dport, sport;
  std::string format = "text";
  std::vector<std::string> allowed_roots;
};

CLI::App* add_trace_command(CLI::App& app, TraceOptions& o);

// Exit 0 when it answers (whatever the disposition); throws InputError for bad input (exit 2).
int run_trace(const TraceOptions& o);

}  // namespace gp::cli
