#include "fuzz/one_device_audit.h"

#include <cstdio>
#include <cstdlib>

#include "model/links.h"
#include "report/report.h"

namespace gp::fuzz {

std::string broken_promise(const model::Device& dev) {
  for (const auto& u : dev.unrecognised)
    if (u.src_ref.line < 1 || u.src_ref.line > dev.total_lines || u.src_ref.file != dev.file)
      return "an unrecognised line is cited at " + u.src_ref.str() + ", outside " + dev.file + ":1-" +
             std::to_string(dev.total_lines);
  if (dev.ignored_lines < 0 || dev.ignored_lines > dev.total_lines)
    return std::to_string(dev.ignored_lines) + " ignored lines in a file of " +
           std::to_string(dev.total_lines);
  return "";
}

namespace {

// The first (or last) interface with an IPv4 address: the internet side (or the control side).
const model::Interface* addressed(const model::Device& dev, bool last) {
  const model::Interface* found = nullptr;
  for (const auto& i : dev.interfaces)
    if (!i.ipv4.empty() && (last || !found)) found = &i;
  return found;
}

// What a small topology.yaml would declare around the device: a control zone with a PLC behind
// its last addressed interface, the internet on its first one; the rest inferred as the loader
// infers it.
void one_device_snapshot(model::Device dev, model::Snapshot& snap) {
  snap.name = "fuzz";
  snap.root = ".";
  snap.has_topology = true;
  snap.topology_file = "topology.yaml";
  snap.audit_date = "2026-01-01";
  const SourceRef yaml{"topology.yaml", 1, 0};
  dev.name = "dut";
  snap.zones["scada"] = model::Zone{"scada", model::ZoneKind::Control, "SCADA", "closed", {}, yaml};
  const model::Interface* inside = addressed(dev, true);
  const model::Interface* outside = addressed(dev, false);
  if (inside) {
    const Prefix p = inside->ipv4.front().prefix;
    snap.segments["scada-lan"] =
        model::Segment{"scada-lan", "scada", {Prefix{p.network(), p.len}}, false, yaml};
    if (p.len <= 30) {
      model::Host h;
      h.id = "plc-1";
      const Ipv4 first = p.network() + 1;
      h.addresses = {first == p.addr ? first + 1 : first};
      h.gateway = p.addr;
      h.role = model::HostRole::Plc;
      h.role_given = true;
      h.src_ref = yaml;
      snap.hosts[h.id] = h;
    }
  }
  if (outside && outside != inside) {
    model::Link l;
    l.kind = model::LinkKind::Internet;
    model::Endpoint e;
    e.type = model::Endpoint::Type::Interface;
    e.device = dev.name;
    e.interface = outside->name;
    model::Endpoint net;
    net.type = model::Endpoint::Type::Internet;
    l.members = {e, net};
    l.src_ref = yaml;
    snap.links.push_back(l);
  }
  // The loader's default owned space: RFC 1918 and every address of the devices.
  snap.owned = {Prefix{0x0A000000u, 8}, Prefix{0xAC100000u, 12}, Prefix{0xC0A80000u, 16}};
  for (const auto& i : dev.interfaces)
    for (const auto& a : i.ipv4) snap.owned.push_back(Prefix{a.prefix.addr, 32});
  snap.devices.push_back(std::move(dev));
  model::infer_links(snap);
}

}  // namespace

std::unique_ptr<Audit> audit_one_device(model::Device dev) {
  auto a = std::make_unique<Audit>();
  one_device_snapshot(std::move(dev), a->snap);
  a->reach = reach::audit_reachability(a->snap);
  a->findings = checks::run_all(checks::CheckContext{a->snap, a->reach});
  const report::AuditReport rep{a->snap, a->reach, a->findings, report::Lang::En};
  a->text = report::to_text(rep);
  a->json = report::to_json(rep);  // must survive whatever bytes a configuration held
  return a;
}

void require_promises(const model::Device& dev) {
  if (const std::string why = broken_promise(dev); !why.empty()) {
    std::fprintf(stderr, "parser promise broken: %s\n", why.c_str());
    std::abort();
  }
}

void fuzz_one_device(model::Device dev) {
  require_promises(dev);
  audit_one_device(std::move(dev));
}

}  // namespace gp::fuzz
