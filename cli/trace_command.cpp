#include "cli/trace_command.h"

#include <cstdio>

#include "base/input_error.h"
#include "base/ipv4.h"
#include "model/reachability/flow_trace.h"
#include "parsers/topology/load_snapshot.h"
#include "report/trace_report.h"

namespace gp::cli {

CLI::App* add_trace_command(CLI::App& app, TraceOptions& o) {
  auto* trace = app.add_subcommand(
      "trace",
      "follow one flow through a snapshot: DELIVERED, DROPPED (with the line) or UNPROVEN, hop by hop");
  trace->add_option("dir", o.dir, "snapshot folder (topology.yaml + configs/, or a folder of configs)")
      ->required();
  trace
      ->add_option("--from", o.from,
                   "where the packet starts: a device (sends from the interface its route leaves by), a host "
                   "of topology.yaml, or an address (outside `owned`: from the internet at every internet "
                   "point)")
      ->required();
  trace->add_option("--to", o.to, "destination IPv4 address")->required();
  trace
      ->add_option(
          "--proto", o.proto,
          "icmp (an echo request), tcp (a new connection) or udp; default tcp with a port, else icmp")
      ->check(CLI::IsMember({"icmp", "tcp", "udp"}));
  trace->add_option("--dport", o.dport, "destination port (tcp, udp)")->check(CLI::Range(0, 65535));
  trace->add_option("--sport", o.sport, "source port (tcp, udp; default 49152)")->check(CLI::Range(0, 65535));
  trace->add_option("--format", o.format, "text (default) or json (docs/output.md)")
      ->check(CLI::IsMember({"text", "json"}));
  trace->add_option("--allow-root", o.allowed_roots,
                    "also allow config: paths inside this folder (as for audit); may be repeated");
  return trace;
}

int run_trace(const TraceOptions& o) {
  reach::FlowQuery q;
  q.from = o.from;
  auto to = parse_ipv4(o.to);
  if (!to) throw InputError(SourceRef{"--to " + o.to, 0, 0}, "not an IPv4 address");
  q.to = *to;
  std::string proto = o.proto.empty() ? (o.dport || o.sport ? "tcp" : "icmp") : o.proto;
  if (proto == "icmp" && (o.dport || o.sport))
    throw InputError(SourceRef{"--proto icmp", 0, 0}, "ports (--dport, --sport) need --proto tcp or udp");
  q.proto = proto == "tcp" ? 6 : proto == "udp" ? 17 : 1;
  if (q.proto != 1 && !o.dport)
    throw InputError(SourceRef{"--proto " + proto, 0, 0}, "a tcp or udp flow needs --dport");
  if (o.dport) q.dport = static_cast<uint16_t>(*o.dport);
  if (o.sport) q.sport = static_cast<uint16_t>(*o.sport);
  model::Snapshot snap = parsers::load_snapshot(o.dir, {o.allowed_roots});
  reach::FlowAnswer a = reach::trace_flow(snap, q);
  std::string out = o.format == "json" ? report::trace_to_json(a) : report::trace_to_text(a);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

}  // namespace gp::cli
