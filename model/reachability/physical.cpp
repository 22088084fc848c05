#include "model/reachability/physical.h"

#include <deque>

namespace gp::reach {

namespace {

int vertex(PhysicalGraph& g, const std::string& name) {
  auto it = g.index.find(name);
  if (it != g.index.end()) return it->second;
  int n = static_cast<int>(g.vertices.size());
  g.vertices.push_back(name);
  g.adj.emplace_back();
  g.index.emplace(name, n);
  return n;
}

void edge(PhysicalGraph& g, int a, int b, PhysicalStep label) {
  int l = static_cast<int>(g.labels.size());
  g.labels.push_back(std::move(label));
  g.adj[a].push_back({b, l});
  g.adj[b].push_back({a, l});
}

}  // namespace

PhysicalGraph build_physical_graph(const model::Snapshot& snap) {
  PhysicalGraph g;
  g.internet = vertex(g, "internet");
  for (const auto& d : snap.devices) {
    int dv = vertex(g, "device " + d.name);
    for (const auto& i : d.interfaces) {
      int iv = vertex(g, "interface " + d.name + ":" + i.name);
      edge(g, dv, iv, {"device " + d.name, "inside the device", i.name, i.src_ref});
      // An L3 interface without IPv6 stops IPv6; a switch port carries it whatever its config.
      if (i.ipv6.empty() && !i.switchport) g.ipv6_blocked.insert(iv);
    }
  }
  for (const auto& [id, s] : snap.segments) vertex(g, "segment " + id);
  std::set<int> declared;  // declared-only interface vertices already joined to their device
  for (size_t li = 0; li < snap.links.size(); ++li) {
    const auto& l = snap.links[li];
    if (model::closure_of(l.kind) == model::Closure::Logical) continue;  // tunnels ride on others
    std::string kind = model::to_string(l.kind);
    std::string via = kind + " link" + (l.service.empty() ? "" : " '" + l.service + "'") +
                      (l.inferred ? " (inferred: " + l.inferred_why + ")" : "");
    int hub =
        vertex(g, "link " + std::to_string(li) + " " + kind + (l.service.empty() ? "" : " " + l.service));
    for (const auto& m : l.members) {
      int mv = -1;
      std::string ifc;
      switch (m.type) {
        case model::Endpoint::Type::Interface:
          mv = vertex(g, "interface " + m.device + ":" + m.interface);
          ifc = m.interface;
          // An interface topology.yaml declares but the configuration did not yield still joins
          // its device: a cable is a physical fact, whatever the file says.
          if (m.declared_only && declared.insert(mv).second)
            edge(g, vertex(g, "device " + m.device), mv,
                 {"device " + m.device,
                  "inside the device (declared in topology.yaml, not in its configuration)", m.interface,
                  l.src_ref});
          break;
        case model::Endpoint::Type::Segment:
          mv = vertex(g, "segment " + m.segment);
          break;
        case model::Endpoint::Type::Internet:
          mv = g.internet;
          break;
      }
      edge(g, hub, mv, {"", via, ifc, l.src_ref});
    }
    auto c = model::closure_of(l.kind);
    if (c == model::Closure::InternetPoint || c == model::Closure::NotCredited)
      edge(g, hub, g.internet,
           {"internet",
            c == model::Closure::NotCredited
                ? via + ": not credited as closed, treated as a possible internet point"
                : via,
            "", l.src_ref});
  }
  return g;
}

std::vector<int> zone_vertices(const PhysicalGraph& g, const model::Snapshot& snap, const std::string& zone) {
  std::set<std::string> segs;
  for (const auto& [id, s] : snap.segments)
    if (s.zone == zone) segs.insert(id);
  for (const auto& [id, h] : snap.hosts)
    if (h.zone == zone && !h.segment.empty()) segs.insert(h.segment);
  std::vector<int> out;
  for (const auto& s : segs) {
    auto it = g.index.find("segment " + s);
    if (it != g.index.end()) out.push_back(it->second);
  }
  return out;
}

namespace {
bool passable(const PhysicalGraph& g, int v, bool ipv6_only) {
  return !ipv6_only || !g.ipv6_blocked.count(v);
}
}  // namespace

std::set<int> component(const PhysicalGraph& g, const std::vector<int>& start, bool ipv6_only) {
  std::set<int> seen(start.begin(), start.end());
  std::deque<int> q(start.begin(), start.end());
  while (!q.empty()) {
    int v = q.front();
    q.pop_front();
    for (auto [w, _] : g.adj[v])
      if (passable(g, w, ipv6_only) && seen.insert(w).second) q.push_back(w);
  }
  return seen;
}

std::vector<PhysicalStep> path_to_internet(const PhysicalGraph& g, const std::vector<int>& start,
                                           bool ipv6_only) {
  std::vector<int> parent(g.vertices.size(), -2), via(g.vertices.size(), -1);
  std::deque<int> q;
  for (int s : start) {
    parent[s] = -1;
    q.push_back(s);
  }
  while (!q.empty() && parent[g.internet] == -2) {
    int v = q.front();
    q.pop_front();
    for (auto [w, l] : g.adj[v]) {
      if (parent[w] != -2 || !passable(g, w, ipv6_only)) continue;
      parent[w] = v;
      via[w] = l;
      q.push_back(w);
    }
  }
  if (parent[g.internet] == -2) return {};
  std::vector<PhysicalStep> rev;
  for (int v = g.internet; v >= 0; v = parent[v]) {
    PhysicalStep s;
    s.vertex = g.vertices[v];
    if (via[v] >= 0) {
      const auto& lab = g.labels[via[v]];
      s.via = lab.via;
      s.interface = lab.interface;
      s.ref = lab.ref;
    }
    rev.push_back(s);
  }
  // Keep segments, devices' interfaces and the internet; link hubs are described by `via`.
  std::vector<PhysicalStep> out;
  for (auto it = rev.rbegin(); it != rev.rend(); ++it) {
    if (it->vertex.rfind("link ", 0) == 0) continue;
    out.push_back(*it);
  }
  return out;
}

}  // namespace gp::reach
