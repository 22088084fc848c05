// The topology picture of the HTML report, laid out by Graphviz (dot) and inlined as SVG.
#include <graphviz/gvc.h>

#include <map>
#include <memory>
#include <set>

#include "report/html_escape.h"
#include "report/html_page.h"

namespace gp::report {

namespace {

// Beyond this many devices the picture would be a grey mass and dot's layout time grows faster
// than the network: the page says so instead (the JSON has every link).
constexpr size_t kMaxDrawnDevices = 300;

const char* link_colour(model::LinkKind k) {
  switch (k) {
    case model::LinkKind::Internet:
      return "#c62828";
    case model::LinkKind::InternetVpn:
      return "#ef6c00";
    case model::LinkKind::IpVpn:
    case model::LinkKind::EntryVpn:
    case model::LinkKind::WideAreaEthernet:
      return "#1565c0";
    case model::LinkKind::Wireless:
    case model::LinkKind::Mobile:
    case model::LinkKind::Local5g:
      return "#6a1b9a";
    case model::LinkKind::Ethernet:
      return "#757575";
    default:
      return "#212121";
  }
}

// Graphviz reads backslash sequences (\N, \G, \n) in labels: a name must show as written.
std::string label_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\') out += '\\';
    out += c;
  }
  return out;
}

struct Graph {
  Agraph_t* g;
  std::map<std::string, Agnode_t*> nodes;

  Agnode_t* node(const std::string& id, const std::string& label, const char* shape) {
    auto it = nodes.find(id);
    if (it != nodes.end()) return it->second;
    Agnode_t* n = agnode(g, const_cast<char*>(id.c_str()), 1);
    agsafeset(n, const_cast<char*>("label"), const_cast<char*>(label_text(label).c_str()),
              const_cast<char*>(""));
    agsafeset(n, const_cast<char*>("shape"), const_cast<char*>(shape), const_cast<char*>(""));
    nodes[id] = n;
    return n;
  }
};

void set(void* obj, const char* k, const std::string& v) {
  agsafeset(obj, const_cast<char*>(k), const_cast<char*>(v.c_str()), const_cast<char*>(""));
}

std::string endpoint_node(const model::Endpoint& m) {
  switch (m.type) {
    case model::Endpoint::Type::Interface:
      return "device " + m.device;
    case model::Endpoint::Type::Segment:
      return "segment " + m.segment;
    default:
      return "internet";
  }
}

// Nodes on the evidence of each zone: the physical path and the hops of REACHABLE zones, the
// devices whose filters hold FIREWALL_ONLY zones.
void mark_evidence(const AuditReport& r, Graph& gr) {
  std::set<std::string> reached, blocking;
  for (const auto& z : r.reach.zones) {
    if (z.verdict == reach::Verdict::Reachable) {
      for (const auto& s : z.physical_path)
        if (s.vertex.rfind("device ", 0) == 0 || s.vertex.rfind("segment ", 0) == 0) reached.insert(s.vertex);
      for (const auto& f : z.flows)
        for (const auto& step : f.chain)
          for (const auto& h : step.trace.hops) reached.insert("device " + h.device);
    } else if (z.verdict == reach::Verdict::FirewallOnly) {
      for (const auto& b : z.blocking) blocking.insert("device " + b.device);
    }
  }
  for (const auto& id : blocking)
    if (auto it = gr.nodes.find(id); it != gr.nodes.end()) {
      set(it->second, "style", "filled");
      set(it->second, "fillcolor", "#ffe0b2");
      set(it->second, "class", "blocking");
    }
  for (const auto& id : reached)
    if (auto it = gr.nodes.find(id); it != gr.nodes.end()) {
      set(it->second, "color", "#c62828");
      set(it->second, "penwidth", "3");
      set(it->second, "class", "on-path");
    }
  for (auto& [id, n] : gr.nodes)
    for (Agedge_t* e = agfstout(gr.g, n); e; e = agnxtout(gr.g, e))
      if (reached.count(agnameof(aghead(e))) && reached.count(agnameof(agtail(e)))) {
        set(e, "penwidth", "3");
        set(e, "class", "on-path");
      }
}

void build(const AuditReport& r, Graph& gr) {
  set(gr.g, "rankdir", "LR");
  set(gr.g, "fontname", "sans-serif");
  agattr(gr.g, AGNODE, const_cast<char*>("fontname"), const_cast<char*>("sans-serif"));
  agattr(gr.g, AGEDGE, const_cast<char*>("fontname"), const_cast<char*>("sans-serif"));
  // Zones as clusters around their segments.
  std::map<std::string, Agraph_t*> clusters;
  for (const auto& [id, z] : r.snap.zones) {
    Agraph_t* c = agsubg(gr.g, const_cast<char*>(("cluster zone " + id).c_str()), 1);
    set(c, "label", label_text("zone " + id + " (" + model::to_string(z.kind) + ")"));
    set(c, "style", "rounded,dashed");
    clusters[id] = c;
  }
  for (const auto& [id, s] : r.snap.segments) {
    auto it = clusters.find(s.zone);
    Agraph_t* where = it != clusters.end() ? it->second : gr.g;
    Agnode_t* n = agnode(where, const_cast<char*>(("segment " + id).c_str()), 1);
    set(n, "label", label_text(id));
    set(n, "shape", "ellipse");
    gr.nodes["segment " + id] = n;
  }
  for (const auto& d : r.snap.devices) gr.node("device " + d.name, d.name, "box");
  int internet_points = 0, services = 0;
  for (const auto& l : r.snap.links) {
    std::vector<Agnode_t*> ends;
    for (const auto& m : l.members) {
      if (m.type == model::Endpoint::Type::Internet) {
        Agnode_t* n = gr.node("internet " + std::to_string(++internet_points), "internet", "doubleoctagon");
        set(n, "color", "#c62828");
        ends.push_back(n);
      } else {
        const std::string id = endpoint_node(m);
        ends.push_back(gr.node(id, id.substr(id.find(' ') + 1),
                               m.type == model::Endpoint::Type::Segment ? "ellipse" : "box"));
      }
    }
    if (l.members.size() == 1 && l.kind == model::LinkKind::Internet) {
      Agnode_t* n = gr.node("internet " + std::to_string(++internet_points), "internet", "doubleoctagon");
      set(n, "color", "#c62828");
      ends.push_back(n);
    }
    if (ends.size() > 2) {  // a carrier service or switch joining several members
      Agnode_t* hub = gr.node("service " + std::to_string(++services),
                              l.service.empty() ? model::to_string(l.kind) : l.service, "diamond");
      set(hub, "color", link_colour(l.kind));
      for (Agnode_t* n : ends) {
        Agedge_t* e = agedge(gr.g, hub, n, nullptr, 1);
        set(e, "color", link_colour(l.kind));
      }
    } else if (ends.size() == 2) {
      Agedge_t* e = agedge(gr.g, ends[0], ends[1], nullptr, 1);
      set(e, "color", link_colour(l.kind));
      set(e, "label", model::to_string(l.kind));
      set(e, "fontsize", "9");
      if (l.inferred) set(e, "style", "dashed");
    }
  }
}

}  // namespace

std::string topology_svg(const AuditReport& r) {
  if (r.snap.devices.size() > kMaxDrawnDevices)
    return "<p>" +
           escape_markup("The network has " + std::to_string(r.snap.devices.size()) +
                         " devices: too many to draw legibly (at most " + std::to_string(kMaxDrawnDevices) +
                         "). The JSON report lists every link.") +
           "</p>";
  std::unique_ptr<GVC_t, int (*)(GVC_t*)> gvc(gvContext(), gvFreeContext);
  Graph gr{agopen(const_cast<char*>("topology"), Agundirected, nullptr), {}};
  build(r, gr);
  mark_evidence(r, gr);
  std::string svg;
  if (gvLayout(gvc.get(), gr.g, "dot") == 0) {
    char* data = nullptr;
    unsigned int len = 0;
    if (gvRenderData(gvc.get(), gr.g, "svg", &data, &len) == 0 && data) svg.assign(data, len);
    gvFreeRenderData(data);
    gvFreeLayout(gvc.get(), gr.g);
  }
  agclose(gr.g);
  // Graphviz writes an XML declaration and a DOCTYPE before the <svg> element: not for inline use.
  const size_t at = svg.find("<svg");
  if (at == std::string::npos) return "<p>The topology could not be laid out.</p>";
  return svg.substr(at);
}

}  // namespace gp::report
