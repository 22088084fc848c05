#include "model/packet_set/packet_set.h"

#include <array>
#include <cstdio>
#include <stdexcept>

#include "base/ipv4.h"

namespace gp::pkt {

namespace {

struct Layout {
  int offset;
  int width;
};

// Variable order: destination first (routes and most filter terms test it), then source.
constexpr std::array<Layout, 8> kLayout = {{
    {0, 32},   // DstIp
    {32, 32},  // SrcIp
    {64, 8},   // Proto
    {72, 16},  // DstPort
    {88, 16},  // SrcPort
    {104, 8},  // IcmpType
    {112, 8},  // IcmpCode
    {120, 1},  // TcpEst
}};
constexpr int kVars = 121;

const Layout& layout(Field f) { return kLayout[static_cast<int>(f)]; }

// Variable of bit `i` of the field, i = 0 the most significant bit.
int var(Field f, int i) { return layout(f).offset + i; }

bool initialised = false;

void on_error(int code) {
  throw std::runtime_error(std::string("BDD library error: ") + bdd_errstring(code));
}

}  // namespace

int width(Field f) { return layout(f).width; }

void init() {
  if (initialised) return;
  bdd_init(2000000, 500000);
  bdd_setcacheratio(4);  // operation cache grows with the node table
  bdd_setvarnum(kVars);
  bdd_gbc_hook(nullptr);  // BuDDy prints garbage-collection lines to stdout by default
  bdd_error_hook(on_error);
  bdd_setmaxincrease(4000000);
  initialised = true;
}

bdd all() { return bddtrue; }
bdd none() { return bddfalse; }

bdd prefix(Field f, uint32_t value, int len) {
  const int w = width(f);
  bdd r = bddtrue;
  for (int i = len - 1; i >= 0; --i) {  // build bottom-up: cheaper for BuDDy
    bool bit = (value >> (w - 1 - i)) & 1u;
    r &= bit ? bdd_ithvar(var(f, i)) : bdd_nithvar(var(f, i));
  }
  return r;
}

bdd eq(Field f, uint32_t value) { return prefix(f, value, width(f)); }

bdd wildcard(Field f, uint32_t value, uint32_t wc) {
  const int w = width(f);
  bdd r = bddtrue;
  for (int i = w - 1; i >= 0; --i) {
    uint32_t m = 1u << (w - 1 - i);
    if (wc & m) continue;
    r &= (value & m) ? bdd_ithvar(var(f, i)) : bdd_nithvar(var(f, i));
  }
  return r;
}

bdd range(Field f, uint32_t lo, uint32_t hi) {
  const int w = width(f);
  if (lo > hi) return bddfalse;
  uint64_t maxv = (w == 32) ? 0xFFFFFFFFull : ((1ull << w) - 1);
  if (lo == 0 && hi >= maxv) return bddtrue;
  // x >= lo and x <= hi, built from the least significant bit upwards.
  bdd ge = bddtrue, le = bddtrue;
  for (int i = w - 1; i >= 0; --i) {
    uint32_t m = 1u << (w - 1 - i);
    bdd x = bdd_ithvar(var(f, i));
    ge = (lo & m) ? (x & ge) : (x | ge);
    le = (hi & m) ? (bdd_not(x) | le) : (bdd_not(x) & le);
  }
  return ge & le;
}

bdd forget_top(const bdd& s, Field f, int len) {
  if (len <= 0) return s;
  bdd vars = bddtrue;
  for (int i = 0; i < len; ++i) vars &= bdd_ithvar(var(f, i));
  return bdd_exist(s, vars);
}

bdd forget(const bdd& s, Field f) { return forget_top(s, f, width(f)); }

bdd of(const Packet& p) {
  bdd r = eq(Field::DstIp, p.dst) & eq(Field::SrcIp, p.src) & eq(Field::Proto, p.proto) &
          eq(Field::TcpEst, p.established ? 1 : 0);
  if (p.proto == 6 || p.proto == 17) r &= eq(Field::DstPort, p.dport) & eq(Field::SrcPort, p.sport);
  if (p.proto == 1) r &= eq(Field::IcmpType, p.icmp_type) & eq(Field::IcmpCode, p.icmp_code);
  return r;
}

bool contains(const bdd& s, const Packet& p) { return (s & of(p)) != bddfalse; }

bdd project(const bdd& s, Field f) {
  bdd others = bddtrue;
  for (int v = 0; v < kVars; ++v)
    if (v < layout(f).offset || v >= layout(f).offset + layout(f).width) others &= bdd_ithvar(v);
  return bdd_exist(s, others);
}

namespace {

// Depth-first over the field's bits, lowest values first; a `true` node at bit i is the whole
// block of values below the prefix walked so far. Every inner node has a non-false child, so the
// walk visits at most about width nodes per range it emits.
struct RangeWalk {
  Field f;
  size_t max;
  std::vector<ValueRange> out;
  bool more = false;

  void emit(uint64_t lo, uint64_t hi) {
    if (!out.empty() && static_cast<uint64_t>(out.back().hi) + 1 == lo) {
      out.back().hi = static_cast<uint32_t>(hi);
      return;
    }
    if (out.size() >= max) {
      more = true;
      return;
    }
    out.push_back({static_cast<uint32_t>(lo), static_cast<uint32_t>(hi)});
  }
  void walk(const bdd& n, int i, uint64_t base) {
    if (more || n == bddfalse) return;
    const int w = width(f);
    if (n == bddtrue) {
      emit(base, base + (1ull << (w - i)) - 1);
      return;
    }
    const int v = bdd_var(n) - layout(f).offset;
    const uint64_t bit = 1ull << (w - 1 - i);
    if (v > i) {  // bit i is free here
      walk(n, i + 1, base);
      walk(n, i + 1, base | bit);
      return;
    }
    walk(bdd_low(n), i + 1, base);
    walk(bdd_high(n), i + 1, base | bit);
  }
};

}  // namespace

std::vector<ValueRange> value_ranges(const bdd& s, Field f, size_t max, bool* more) {
  RangeWalk w{f, max, {}, false};
  w.walk(project(s, f), 0, 0);
  if (more) *more = w.more;
  return w.out;
}

// BuDDy's default variable order is kept (no reordering), so level == variable index.
Point sample_point(const bdd& s, uint64_t seed) {
  Point p(kVars, 0);
  uint64_t x = seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull;
  auto next_bit = [&x] {  // SplitMix64, one bit per call
    x += 0x9E3779B97F4A7C15ull;
    uint64_t z = x;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return static_cast<unsigned char>((z ^ (z >> 31)) & 1u);
  };
  bdd n = s;
  for (int v = 0; v < kVars; ++v) {
    if (n == bddtrue || n == bddfalse || bdd_var(n) != v) {
      p[v] = next_bit();
      continue;
    }
    bdd lo = bdd_low(n), hi = bdd_high(n);
    unsigned char bit = lo == bddfalse ? 1 : hi == bddfalse ? 0 : next_bit();
    p[v] = bit;
    n = bit ? hi : lo;
  }
  return p;
}

bool contains_point(const bdd& s, const Point& p) {
  BDD n = s.id();
  while (n > 1) n = p[bdd_var(n)] ? bdd_high(n) : bdd_low(n);
  return n == 1;
}

namespace {
uint32_t read_field(const bdd& cube, Field f) {
  // `cube` is a single satisfying path (bdd_satone); variables not on it are 0.
  uint32_t v = 0;
  const int w = width(f);
  for (int i = 0; i < w; ++i) {
    bdd bit = bdd_ithvar(var(f, i));
    if ((cube & bit) != bddfalse && (cube & !bit) == bddfalse) v |= 1u << (w - 1 - i);
  }
  return v;
}
}  // namespace

Packet pick(const bdd& s) {
  bdd t = s;
  // Prefer a readable witness: TCP, then UDP, then ICMP, and a new connection.
  for (int proto : {6, 17, 1}) {
    bdd c = s & eq(Field::Proto, proto);
    if (c != bddfalse) {
      t = c;
      break;
    }
  }
  bdd fresh = t & eq(Field::TcpEst, 0);
  if (fresh != bddfalse) t = fresh;
  // Prefer a high source port, as a client would use, a service port an auditor recognises,
  // and a routable-looking source rather than 0.0.0.0.
  auto prefer = [&t](const bdd& c) {
    bdd x = t & c;
    if (x != bddfalse) t = x;
    return x != bddfalse;
  };
  prefer(range(Field::SrcPort, 49152, 65535)) || prefer(range(Field::SrcPort, 1024, 65535));
  for (uint32_t port : {502u, 443u, 3389u, 22u, 5900u, 80u, 102u, 20000u, 44818u, 23u, 161u})
    if (prefer(eq(Field::DstPort, port))) break;
  for (uint32_t net : {0xC6336400u /*198.51.100.0*/, 0xCB007100u /*203.0.113.0*/, 0x08080800u})
    if (prefer(prefix(Field::SrcIp, net, 24))) break;
  prefer(eq(Field::IcmpType, 8));
  bdd cube = bdd_satone(t);
  Packet p;
  p.dst = read_field(cube, Field::DstIp);
  p.src = read_field(cube, Field::SrcIp);
  p.proto = static_cast<int>(read_field(cube, Field::Proto));
  p.dport = static_cast<uint16_t>(read_field(cube, Field::DstPort));
  p.sport = static_cast<uint16_t>(read_field(cube, Field::SrcPort));
  p.icmp_type = static_cast<int>(read_field(cube, Field::IcmpType));
  p.icmp_code = static_cast<int>(read_field(cube, Field::IcmpCode));
  p.established = read_field(cube, Field::TcpEst) != 0;
  return p;
}

std::string Packet::str() const {
  std::string proto_name = proto == 6    ? "tcp"
                           : proto == 17 ? "udp"
                           : proto == 1  ? "icmp"
                                         : "ip proto " + std::to_string(proto);
  std::string s = proto_name + " " + format_ipv4(src);
  if (proto == 6 || proto == 17) s += ":" + std::to_string(sport);
  s += " -> " + format_ipv4(dst);
  if (proto == 6 || proto == 17) s += ":" + std::to_string(dport);
  if (proto == 1) s += " type " + std::to_string(icmp_type) + " code " + std::to_string(icmp_code);
  if (proto == 6) s += established ? " (established)" : " (new connection, SYN)";
  return s;
}

long node_count() { return bdd_getnodenum(); }

}  // namespace gp::pkt
