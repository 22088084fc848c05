// Shared by the lab-validation tests: a lab snapshot loaded once, and "does this packet, sent
// by host A as a new connection, arrive at host B?" — the question each probe file answers.
#pragma once
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "model/reachability/propagate.h"
#include "parsers/topology/load_snapshot.h"
#include "test_paths.h"

namespace gp::test {

struct LabSnapshot {
  model::Snapshot snap;
  reach::Network net;  // points into `snap`: built in place, never moved
};

inline LabSnapshot& lab_snapshot(const std::string& corpus_rel) {
  static std::map<std::string, LabSnapshot> labs;
  auto [it, fresh] = labs.try_emplace(corpus_rel);
  if (fresh) {
    it->second.snap = parsers::load_snapshot(corpus(corpus_rel));
    it->second.net = reach::build_network(it->second.snap);
  }
  return it->second;
}

inline int lab_target(const reach::Network& net, const std::string& host) {
  for (size_t t = 0; t < net.targets.size(); ++t)
    if (net.targets[t].host == host) return static_cast<int>(t);
  FAIL("no host " << host);
  return -1;
}

inline bool delivered(LabSnapshot& l, const std::string& from, const std::string& to, const pkt::Packet& p) {
  int src_t = lab_target(l.net, from), dst_t = lab_target(l.net, to);
  reach::Source s;
  s.kind = reach::Source::Kind::Pivot;
  s.description = from;
  reach::Source::HostGroup g;
  g.domain = l.net.targets[src_t].domain;
  g.gateway = l.snap.hosts.at(from).gateway;
  g.targets = {src_t};
  g.packets = pkt::of(p);
  s.host_groups.push_back(g);
  s.packets = g.packets;
  auto run = reach::propagate(l.net, s, reach::Mode::Must);
  return run.target_reached[dst_t] != bddfalse;
}

inline pkt::Packet tcp(const char* s, uint16_t sp, const char* d, uint16_t dp, bool est = false) {
  pkt::Packet p;
  p.src = *parse_ipv4(s);
  p.dst = *parse_ipv4(d);
  p.proto = 6;
  p.sport = sp;
  p.dport = dp;
  p.established = est;
  return p;
}
inline pkt::Packet udp(const char* s, uint16_t sp, const char* d, uint16_t dp) {
  auto p = tcp(s, sp, d, dp);
  p.proto = 17;
  return p;
}
inline pkt::Packet icmp(const char* s, const char* d, int type) {
  pkt::Packet p;
  p.src = *parse_ipv4(s);
  p.dst = *parse_ipv4(d);
  p.proto = 1;
  p.icmp_type = type;
  return p;
}

}  // namespace gp::test
