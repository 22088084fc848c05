#include "report/trace_report.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "report/report.h"

namespace gp::report {

using nlohmann::ordered_json;

namespace {

const char* end_kind(reach::FlowEnd::Kind k) {
  switch (k) {
    case reach::FlowEnd::Kind::Host:
      return "host";
    case reach::FlowEnd::Kind::Device:
      return "device";
    case reach::FlowEnd::Kind::Subnet:
      return "subnet";
    case reach::FlowEnd::Kind::Internet:
      return "internet";
    case reach::FlowEnd::Kind::Dropped:
      return "dropped";
    case reach::FlowEnd::Kind::Nowhere:
      return "none";
  }
  return "none";
}

const char* proto_name(int proto) {
  return proto == 6 ? "tcp" : proto == 17 ? "udp" : proto == 1 ? "icmp" : "ip";
}

}  // namespace

// The exact header values, so a program never parses the readable form.
ordered_json packet_json(const pkt::Packet& p) {
  ordered_json j;
  j["text"] = p.str();
  j["protocol"] = proto_name(p.proto);
  j["src"] = format_ipv4(p.src);
  j["dst"] = format_ipv4(p.dst);
  if (p.proto == 6 || p.proto == 17) {
    j["sport"] = p.sport;
    j["dport"] = p.dport;
  }
  if (p.proto == 1) {
    j["icmp_type"] = p.icmp_type;
    j["icmp_code"] = p.icmp_code;
  }
  if (p.proto == 6) j["established"] = p.established;
  return j;
}

namespace {

ordered_json reasons_json(const std::vector<reach::Reason>& rs) {
  ordered_json a = ordered_json::array();
  for (const auto& r : rs) {
    ordered_json j;
    j["device"] = r.device;
    j["what"] = r.what;
    j["file"] = r.ref.file;
    j["line"] = r.ref.line;
    a.push_back(j);
  }
  return a;
}

}  // namespace

ordered_json hops_json(const reach::Trace& t) {
  ordered_json hops = ordered_json::array();
  for (const auto& h : t.hops) {
    ordered_json hj;
    hj["device"] = h.device;
    hj["in_interface"] = h.in_interface;
    hj["out_interface"] = h.out_interface;
    hj["action"] = h.action;
    hj["packet_in"] = packet_json(h.packet_in);
    hj["packet_out"] = packet_json(h.packet_out);
    ordered_json facts = ordered_json::array();
    for (const auto& [what, ref] : h.facts) {
      ordered_json f;
      f["what"] = what;
      f["file"] = ref.file;
      f["line"] = ref.line;
      facts.push_back(f);
    }
    hj["facts"] = facts;
    hops.push_back(hj);
  }
  return hops;
}

void hops_text(std::string& out, const reach::Trace& t, const std::string& indent) {
  int n = 1;
  for (const auto& h : t.hops) {
    out += fmt::format("{}{}. {} ({} -> {}): {}\n", indent, n++, h.device, h.in_interface,
                       h.out_interface.empty() ? "-" : h.out_interface, h.action);
    for (const auto& [what, ref] : h.facts)
      out += fmt::format("{}     {}{}\n", indent, what, ref.file.empty() ? "" : "  [" + ref.str() + "]");
  }
}

namespace {

// The NAT rewrites on the way: every hop that changed the header, with its NAT line.
ordered_json nat_json(const reach::Trace& t) {
  ordered_json a = ordered_json::array();
  for (const auto& h : t.hops) {
    const auto &i = h.packet_in, &o = h.packet_out;
    if (i.src == o.src && i.dst == o.dst && i.sport == o.sport && i.dport == o.dport) continue;
    ordered_json j;
    j["device"] = h.device;
    j["before"] = packet_json(i);
    j["after"] = packet_json(o);
    ordered_json lines = ordered_json::array();
    for (const auto& [what, ref] : h.facts)
      if (what.rfind("NAT: ", 0) == 0 || what.rfind("reply of", 0) == 0) {
        ordered_json l;
        l["what"] = what;
        l["file"] = ref.file;
        l["line"] = ref.line;
        lines.push_back(l);
      }
    j["lines"] = lines;
    a.push_back(j);
  }
  return a;
}

ordered_json leg_json(const reach::FlowLeg& l) {
  ordered_json j;
  j["disposition"] = reach::to_string(l.disposition);
  j["summary"] = l.summary;
  j["end"] = {{"kind", end_kind(l.end.kind)}, {"name", l.end.name}};
  j["packet"] = packet_json(l.trace.first);
  j["delivered_as"] = packet_json(l.trace.last);
  j["hops"] = hops_json(l.trace);
  j["nat"] = nat_json(l.trace);
  j["deciding"] = reasons_json(l.deciding);
  j["unproven"] = reasons_json(l.unproven);
  return j;
}

void leg_text(std::string& out, const reach::FlowLeg& l, const std::string& title) {
  out += fmt::format("{}: {} — {}\n", title, reach::to_string(l.disposition), l.summary);
  hops_text(out, l.trace, "  ");
  for (const auto& r : l.deciding)
    out += fmt::format(
        "  {}: {} {}{}\n",
        l.disposition == reach::Disposition::Dropped ? "dropped by" : "the example was dropped by", r.device,
        r.what, r.ref.file.empty() ? "" : "  [" + r.ref.str() + "]");
  for (const auto& r : l.unproven)
    out += fmt::format("  not proven: {}{}{}\n", r.device.empty() ? "" : r.device + ": ", r.what,
                       r.ref.file.empty() ? "" : "  [" + r.ref.str() + "]");
}

}  // namespace

ordered_json trace_json(const reach::FlowAnswer& a) {
  ordered_json j;
  j["tool"] = "gapproof";
  j["version"] = kVersion;
  j["from"] = {{"kind", a.from_kind}, {"name", a.from}};
  j["packet"] = packet_json(a.packet);
  j["disposition"] = reach::to_string(a.disposition);
  // The reply of the first path that has one (the only path unless the packet comes from the
  // internet at several points): DELIVERED / DROPPED / UNPROVEN, or null for a one-way flow.
  ordered_json reply = nullptr;
  ordered_json hops = ordered_json::array();
  bool first = true;
  for (const auto& p : a.paths) {
    if (first) hops = hops_json(p.request.trace);
    if (p.reply && reply.is_null()) reply = reach::to_string(p.reply->disposition);
    first = false;
  }
  j["reply"] = reply;
  j["hops"] = hops;
  ordered_json paths = ordered_json::array();
  for (const auto& p : a.paths) {
    ordered_json pj;
    pj["start"] = p.start;
    pj["request"] = leg_json(p.request);
    pj["reply"] = p.reply ? leg_json(*p.reply) : ordered_json(nullptr);
    paths.push_back(pj);
  }
  j["paths"] = paths;
  return j;
}

std::string trace_to_json(const reach::FlowAnswer& a) { return trace_json(a).dump(2) + "\n"; }

std::string trace_to_text(const reach::FlowAnswer& a) {
  std::string out = fmt::format("trace from {} {}: {}\n", a.from_kind, a.from, a.packet.str());
  out += fmt::format("disposition: {}\n", reach::to_string(a.disposition));
  for (const auto& p : a.paths) {
    out += fmt::format("\nfrom {}\n", p.start);
    leg_text(out, p.request, "request");
    if (p.request.disposition == reach::Disposition::Delivered &&
        p.request.trace.last.str() != a.packet.str())
      out += fmt::format("  delivered as: {}\n", p.request.trace.last.str());
    if (p.reply) leg_text(out, *p.reply, "reply");
  }
  return out;
}

}  // namespace gp::report
