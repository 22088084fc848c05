// Sets of IPv4 packet headers as BDDs (BuDDy). The one place that knows the bit layout.
//
// Fields and widths: dst ip 32, src ip 32, protocol 8, dst port 16, src port 16, icmp type 8,
// icmp code 8, tcp "established" 1 (ACK or RST set: a packet of an existing connection).
// Ports are free for protocols without ports; icmp fields are free for non-ICMP packets.
#pragma once
#include <bdd.h>

#include <cstdint>
#include <string>
#include <vector>

namespace gp::pkt {

enum class Field { DstIp, SrcIp, Proto, DstPort, SrcPort, IcmpType, IcmpCode, TcpEst };

int width(Field f);

// Initialises BuDDy once per process (idempotent). Not thread-safe, like BuDDy itself.
void init();

bdd all();
bdd none();
bdd eq(Field f, uint32_t value);
// The top `len` bits of the field equal those of `value` (an IP prefix).
bdd prefix(Field f, uint32_t value, int len);
// Bits not set in `wildcard` equal those of `value` (Cisco wildcard masks, non-contiguous too).
bdd wildcard(Field f, uint32_t value, uint32_t wildcard);
bdd range(Field f, uint32_t lo, uint32_t hi);
// Forgets a field (or its top `len` bits): used before rewriting it.
bdd forget(const bdd& s, Field f);
bdd forget_top(const bdd& s, Field f, int len);

struct Packet {
  uint32_t src = 0, dst = 0;
  int proto = 0;
  uint16_t sport = 0, dport = 0;
  int icmp_type = 0, icmp_code = 0;
  bool established = false;
  std::string str() const;
};

// One packet of a non-empty set. Deterministic: prefers 0 bits, except that it prefers
// well-known shapes (TCP, then UDP, then ICMP) when the set allows them.
Packet pick(const bdd& s);
bdd of(const Packet& p);
bool contains(const bdd& s, const Packet& p);

// A full assignment of every header bit: one point of the packet space, used where a concrete
// witness is tested against many sets without building BDDs (shadowed-rule analysis).
using Point = std::vector<unsigned char>;
// A point of a non-empty set; bits the set leaves free come from `seed`, so different seeds give
// different points (deterministically).
Point sample_point(const bdd& s, uint64_t seed);
// Walks one path: no BDD operation, no allocation.
bool contains_point(const bdd& s, const Point& p);

// The values field `f` takes in some packet of `s`, as closed ranges [lo, hi] in increasing order,
// adjacent ones merged: at most `max` of them (`more` is then set when there are others). Exact:
// reports summarise a set with it (`gapproof diff`), so nothing is sampled.
struct ValueRange {
  uint32_t lo = 0, hi = 0;
};
std::vector<ValueRange> value_ranges(const bdd& s, Field f, size_t max, bool* more = nullptr);
// `s` with every field but `f` forgotten.
bdd project(const bdd& s, Field f);

// Number of BDD nodes in use (for benchmarks).
long node_count();

}  // namespace gp::pkt
