// ASA 8.3+ NAT: object NAT (inside "object network X") and twice NAT (top-level "nat ... source").
// Pre-8.3 NAT ("static (a,b)", "global", "nat (a) 1", "nat-control") is not modelled: each such
// line becomes a NatRule with understood=false.
#include <algorithm>
#include <tuple>

#include "parsers/cisco_asa/internal.h"

namespace gp::parsers::asa {

using model::LineContext;
using model::NatKind;
using model::NatRule;

namespace {

struct Mapped {
  std::optional<Prefix> prefix;  // a single host/subnet
  std::vector<Prefix> pool;      // every address it stands for
  bool ok = true;
  std::string why;
  bool is_range = false;
};

void fail(NatRule& r, const std::string& why) {
  if (r.understood) r.why_not_understood = why;
  r.understood = false;
}

// A NAT operand: an inline IPv4 address, a network object or a network object-group.
Mapped resolve_operand(const Ctx& c, const std::string& word) {
  Mapped m;
  if (auto a = parse_ipv4(word)) {
    m.prefix = Prefix{*a, 32};
    m.pool = {*m.prefix};
    return m;
  }
  auto o = c.net_objects.find(word);
  if (o != c.net_objects.end()) {
    const NetObject& ob = o->second;
    switch (ob.shape) {
      case NetObject::Shape::Host:
      case NetObject::Shape::Subnet:
        m.prefix = ob.prefix;
        m.pool = {ob.prefix};
        return m;
      case NetObject::Shape::Range:
        m.is_range = true;
        m.pool = range_to_prefixes_any_order(ob.range_lo, ob.range_hi);
        if (m.pool.size() == 1) m.prefix = m.pool[0];
        return m;
      default:
        m.ok = false;
        m.why = "object " + word + " is not an IPv4 host, subnet or range";
        return m;
    }
  }
  if (c.groups.count(word)) {
    AddrSet s = expand_net_group(c, word);
    if (!s.ok) {
      m.ok = false;
      m.why = s.why;
      return m;
    }
    for (const auto& am : s.v4) {
      auto len = mask_to_len(~am.wildcard);
      if (!len) {
        m.ok = false;
        m.why = "object-group " + word + " has a non-contiguous member";
        return m;
      }
      m.pool.push_back(Prefix{am.addr, *len});
    }
    if (m.pool.size() == 1) m.prefix = m.pool[0];
    return m;
  }
  m.ok = false;
  m.why = "undefined object " + word;
  return m;
}

AddrSet real_operand(const Ctx& c, const std::string& word) {
  if (word == "any") return AddrSet{{AddrMatch::any()}, false, true, ""};
  if (c.net_objects.count(word)) return expand_net_object(c, word);
  if (c.groups.count(word)) return expand_net_group(c, word);
  AddrSet s;
  s.fail("undefined object " + word);
  return s;
}

// "(inside,outside)" -> {inside, outside}; false when not that shape.
bool read_ifc_pair(const std::string& w, std::string& real, std::string& mapped) {
  if (w.size() < 3 || w.front() != '(' || w.back() != ')') return false;
  auto comma = w.find(',');
  if (comma == std::string::npos) return false;
  real = w.substr(1, comma - 1);
  mapped = w.substr(comma + 1, w.size() - comma - 2);
  return !real.empty() && !mapped.empty();
}

std::string interface_name_of(Ctx& c, const std::string& nameif) {
  if (auto* i = c.by_nameif(nameif)) return i->name;
  return "";
}

void mark(Ctx& c, const NatRule& r, int line, const std::string& ctx_name) {
  if (r.understood) {
    c.recognised(line);
    return;
  }
  model::UnrecognisedLine u;
  u.src_ref = c.ref(line);
  u.text = r.text;
  u.context = LineContext::Nat;
  u.context_name = ctx_name;
  c.dev.unrecognised.push_back(u);
  c.status[line] = model::LineStatus::Unrecognised;
}

bool skip_option(const Words& w, size_t& i, NatRule&) {
  static const char* kHarmless[] = {"dns",  "no-proxy-arp",    "route-lookup", "net-to-net",       "extended",
                                    "flat", "include-reserve", "round-robin",  "block-allocation", "ipv6"};
  for (const char* k : kHarmless)
    if (w[i] == k) {
      ++i;
      return true;
    }
  if (w[i] == "unidirectional") {
    // The translation stays; only flows initiated from the mapped side are refused. Treating
    // the rule as bidirectional over-approximates reachability.
    ++i;
    return true;
  }
  if (w[i] == "description") {
    i = w.size();
    return true;
  }
  return false;
}

// Static port translation "service tcp|udp REAL MAPPED" at w[i].
void read_static_service(const Words& w, size_t& i, NatRule& r) {
  if (i + 3 >= w.size()) {
    fail(r, "incomplete service clause");
    i = w.size();
    return;
  }
  const std::string& proto = w[i + 1];
  auto rp = port_number(w[i + 2]);
  auto mp = port_number(w[i + 3]);
  i += 4;
  if (proto != "tcp" && proto != "udp") return fail(r, "service protocol '" + proto + "' not modelled");
  if (!rp || !mp) return fail(r, "unreadable service ports");
  r.kind = NatKind::StaticPort;
  r.protocol = proto == "tcp" ? model::proto::kTcp : model::proto::kUdp;
  r.real_port = static_cast<uint16_t>(*rp);
  r.mapped_port = static_cast<uint16_t>(*mp);
}

// Object NAT line: nat [(r,m)] static|dynamic ...
NatRule read_object_nat(Ctx& c, const ObjectNatLine& l, int& real_count, Ipv4& lowest) {
  NatRule r;
  r.order_section = 2;
  r.text = l.text;
  // src_ref: the "object network X" line that defines the object (its addresses);
  // decided_ref: the nat line (possibly under a later, second "object network X").
  auto def = c.net_objects.find(l.object);
  r.src_ref = def != c.net_objects.end() ? def->second.ref : l.object_ref;
  r.decided_ref = l.ref;
  r.real_interface = "any";
  r.mapped_interface_name = "any";
  const Words& w = l.words;
  size_t i = 1;
  if (i < w.size() && w[i].front() == '(') {
    if (!read_ifc_pair(w[i], r.real_interface, r.mapped_interface_name)) {
      fail(r, "unreadable interface pair " + w[i]);
      return r;
    }
    ++i;
  }
  auto obj = c.net_objects.find(l.object);
  const NetObject* ob = obj == c.net_objects.end() ? nullptr : &obj->second;
  AddrSet real = expand_net_object(c, l.object);
  if (!real.ok) fail(r, real.why);
  r.real_src = real.v4;
  real_count = 0;
  lowest = 0xFFFFFFFFu;
  if (ob) {
    if (ob->shape == NetObject::Shape::Host) real_count = 1, lowest = ob->prefix.network();
    if (ob->shape == NetObject::Shape::Subnet)
      real_count =
          ob->prefix.len == 0
              ? 0x7FFFFFFF
              : static_cast<int>(std::min<uint64_t>(uint64_t{1} << (32 - ob->prefix.len), 0x7FFFFFFF)),
      lowest = ob->prefix.network();
    if (ob->shape == NetObject::Shape::Range)
      real_count =
          static_cast<int>(std::min<uint64_t>(uint64_t{ob->range_hi} - ob->range_lo + 1, 0x7FFFFFFF)),
      lowest = ob->range_lo;
  }
  if (i >= w.size()) {
    fail(r, "nat without static/dynamic");
    return r;
  }
  const std::string mode = w[i++];
  if (mode == "static") {
    r.kind = NatKind::Static;
    if (i >= w.size()) {
      fail(r, "static without mapped address");
      return r;
    }
    const std::string target = w[i++];
    if (target == "interface") {
      r.mapped_is_interface = true;
      r.mapped_interface = interface_name_of(c, r.mapped_interface_name);
    } else {
      Mapped m = resolve_operand(c, target);
      if (!m.ok)
        fail(r, m.why);
      else if (m.is_range)
        fail(r, "static NAT to a range (" + target + ") is not modelled");
      else if (!m.prefix)
        fail(r, "static NAT to a multi-prefix object " + target);
      else if (ob && ob->shape == NetObject::Shape::Subnet && parse_ipv4(target))
        r.mapped_src = Prefix{m.prefix->addr, ob->prefix.len};  // inline IP: block of same size
      else
        r.mapped_src = m.prefix;
      if (r.mapped_src && ob &&
          (ob->shape == NetObject::Shape::Host || ob->shape == NetObject::Shape::Subnet)) {
        if (r.mapped_src->len != ob->prefix.len)
          fail(r, "static NAT between prefixes of different length");
        else if (r.mapped_src->network() == ob->prefix.network())
          r.kind = NatKind::Identity;
      } else if (r.mapped_src && ob && ob->shape == NetObject::Shape::Range) {
        fail(r, "static NAT of a range object is not modelled");
      }
    }
    while (i < w.size()) {
      if (w[i] == "service") {
        read_static_service(w, i, r);
        if (r.kind == NatKind::StaticPort && !r.mapped_src && !r.mapped_is_interface)
          fail(r, "port forward without mapped address");
      } else if (!skip_option(w, i, r)) {
        fail(r, "unexpected words '" + join(w, i) + "'");
        break;
      }
    }
    return r;
  }
  if (mode == "dynamic") {
    r.kind = NatKind::Dynamic;
    bool have_target = false;
    while (i < w.size()) {
      if (w[i] == "interface") {
        if (!have_target) {
          r.kind = NatKind::Pat;
          r.mapped_is_interface = true;
          r.mapped_interface = interface_name_of(c, r.mapped_interface_name);
        } else {
          // Fallback to interface PAT when the pool is exhausted.
          r.mapped_interface = interface_name_of(c, r.mapped_interface_name);
        }
        have_target = true;
        ++i;
      } else if (w[i] == "pat-pool" && i + 1 < w.size()) {
        Mapped m = resolve_operand(c, w[i + 1]);
        if (!m.ok) fail(r, m.why);
        r.kind = NatKind::Pat;
        r.pool = m.pool;
        if (!m.pool.empty()) r.mapped_src = Prefix{m.pool[0].network(), 32};
        have_target = true;
        i += 2;
      } else if (skip_option(w, i, r)) {
      } else if (!have_target) {
        Mapped m = resolve_operand(c, w[i]);
        if (!m.ok) fail(r, m.why);
        r.pool = m.pool;
        if (!m.pool.empty()) r.mapped_src = Prefix{m.pool[0].network(), 32};
        if (m.prefix && m.prefix->len == 32) r.kind = NatKind::Pat;
        have_target = true;
        ++i;
      } else {
        fail(r, "unexpected words '" + join(w, i) + "'");
        break;
      }
    }
    if (!have_target) fail(r, "dynamic NAT without a mapped address");
    return r;
  }
  fail(r, "unknown object NAT mode '" + mode + "'");
  return r;
}

}  // namespace

// Top-level "nat" lines (twice NAT, or pre-8.3), "static", "global", "nat-control", "alias".
bool handle_nat(Ctx& c, const ConfigLine& b, const Words& w) {
  const std::string& k = w[0];
  if (k != "nat" && k != "static" && k != "global" && k != "nat-control" && k != "alias" &&
      !(k == "no" && w.size() == 2 && w[1] == "nat-control"))
    return false;
  if (k == "no") {  // "no nat-control": the 8.3+ behaviour, nothing to model
    c.recognised(b);
    return true;
  }
  NatRule r;
  r.text = b.text;
  r.src_ref = c.ref(b.line);
  r.decided_ref = c.ref(b.line);
  r.order_section = 1;
  for (const auto& ch : b.children) c.unrecognised_tree(ch, LineContext::Nat, k);

  std::string ri, mi;
  size_t i = 1;
  bool twice = k == "nat";
  if (twice && i < w.size() && w[i].front() == '(') {
    if (read_ifc_pair(w[i], ri, mi))
      ++i;
    else
      twice = false;  // "nat (inside) 1 ..." pre-8.3
  }
  if (!twice) {
    fail(r, "pre-8.3 NAT syntax ('" + k + "') is not modelled");
    c.twice_nat.push_back({r, 1});
    mark(c, r, b.line, k);
    return true;
  }
  r.real_interface = ri.empty() ? "any" : ri;
  r.mapped_interface_name = mi.empty() ? "any" : mi;
  int section = 1;
  bool inactive = false;
  if (i < w.size() && (w[i] == "after-auto" || w[i] == "after-object")) {
    section = 3;
    ++i;
  }
  if (i + 1 < w.size() && w[i] == "line") i += 2;
  r.order_section = section;
  if (i + 2 >= w.size() || w[i] != "source") {
    fail(r, "unreadable twice NAT");
    c.twice_nat.push_back({r, section});
    mark(c, r, b.line, "nat");
    return true;
  }
  const std::string mode = w[i + 1];
  const std::string real_name = w[i + 2];
  i += 3;
  AddrSet real = real_operand(c, real_name);
  if (!real.ok) fail(r, real.why);
  r.real_src = real.v4;
  if (mode != "static" && mode != "dynamic") fail(r, "unknown twice NAT mode '" + mode + "'");

  // Mapped source.
  Mapped mapped;
  bool identity = false;
  if (i < w.size()) {
    const std::string t = w[i];
    if (t == "interface") {
      r.mapped_is_interface = true;
      r.mapped_interface = interface_name_of(c, r.mapped_interface_name);
      ++i;
    } else if (t == "pat-pool" && i + 1 < w.size()) {
      mapped = resolve_operand(c, w[i + 1]);
      i += 2;
      if (!mapped.ok) fail(r, mapped.why);
      r.pool = mapped.pool;
      if (!mapped.pool.empty()) r.mapped_src = Prefix{mapped.pool[0].network(), 32};
      r.kind = NatKind::Pat;
    } else if (t == "any") {
      identity = real_name == "any";
      if (!identity) fail(r, "mapped 'any' with a specific real source");
      ++i;
    } else {
      identity = t == real_name;
      mapped = resolve_operand(c, t);
      if (!mapped.ok) fail(r, mapped.why);
      ++i;
    }
  } else {
    fail(r, "twice NAT without mapped source");
  }
  if (mode == "static") {
    if (r.mapped_is_interface) {
      r.kind = NatKind::Static;
    } else if (identity) {
      r.kind = NatKind::Identity;
    } else if (mapped.ok) {
      r.kind = NatKind::Static;
      if (!mapped.prefix || mapped.is_range) {
        fail(r, "static twice NAT to a range or multi-prefix object is not modelled");
      } else {
        r.mapped_src = mapped.prefix;
        auto ro = c.net_objects.find(real_name);
        if (ro != c.net_objects.end() &&
            (ro->second.shape == NetObject::Shape::Host || ro->second.shape == NetObject::Shape::Subnet)) {
          if (ro->second.prefix.len != mapped.prefix->len)
            fail(r, "static twice NAT between prefixes of different length");
          else if (ro->second.prefix.network() == mapped.prefix->network())
            r.kind = NatKind::Identity;
        } else if (real.v4.size() != 1) {
          fail(r, "static twice NAT of a multi-prefix real source is not modelled");
        }
      }
    }
  } else if (mode == "dynamic" && r.kind != NatKind::Pat) {
    if (r.mapped_is_interface) {
      r.kind = NatKind::Pat;
    } else {
      r.kind = NatKind::Dynamic;
      r.pool = mapped.pool;
      if (!mapped.pool.empty()) r.mapped_src = Prefix{mapped.pool[0].network(), 32};
      if (mapped.prefix && mapped.prefix->len == 32) r.kind = NatKind::Pat;
    }
  }
  // "interface" fallback after a pool.
  if (i < w.size() && w[i] == "interface") {
    r.mapped_interface = interface_name_of(c, r.mapped_interface_name);
    ++i;
  }

  // Remaining clauses.
  while (i < w.size()) {
    if (w[i] == "destination" && i + 3 < w.size() && w[i + 1] == "static") {
      const std::string md = w[i + 2], rd = w[i + 3];
      i += 4;
      AddrSet cond;
      if (md == "interface") {
        cond.fail("destination 'interface' (the mapped interface address) is not modelled");
      } else {
        cond = real_operand(c, md);
      }
      if (!cond.ok) fail(r, cond.why);
      r.real_dst = cond.v4;
      if (md != rd && md != "any") {
        Mapped a = resolve_operand(c, md), b2 = resolve_operand(c, rd);
        if (!a.ok || !b2.ok || !a.prefix || !b2.prefix || a.is_range || b2.is_range)
          fail(r, "destination translation between objects that are not single prefixes");
        else {
          r.dst_mapped = a.prefix;
          r.dst_real = b2.prefix;
        }
      }
    } else if (w[i] == "service" && i + 2 < w.size()) {
      SvcSet rs = expand_svc_object(c, w[i + 1]);
      SvcSet ms = expand_svc_object(c, w[i + 2]);
      i += 3;
      auto single = [](const SvcSet& s, int& proto, uint16_t& port) {
        if (!s.ok || s.terms.size() != 1 || !s.terms[0].protocol) return false;
        const auto& t = s.terms[0];
        const auto& pr = !t.dst_ports.empty() ? t.dst_ports : t.src_ports;
        if (pr.size() != 1 || pr[0].lo != pr[0].hi) return false;
        if (!t.dst_ports.empty() && !t.src_ports.empty()) return false;
        proto = *t.protocol;
        port = pr[0].lo;
        return true;
      };
      int p1 = 0, p2 = 0;
      uint16_t port1 = 0, port2 = 0;
      if (single(rs, p1, port1) && single(ms, p2, port2) && p1 == p2 &&
          (p1 == model::proto::kTcp || p1 == model::proto::kUdp)) {
        if (r.kind == NatKind::Static || r.kind == NatKind::Identity) r.kind = NatKind::StaticPort;
        r.protocol = p1;
        r.real_port = port1;
        r.mapped_port = port2;
      } else {
        fail(r, "twice NAT service translation not readable as one port");
      }
    } else if (w[i] == "inactive") {
      inactive = true;
      ++i;
    } else if (!skip_option(w, i, r)) {
      fail(r, "unexpected words '" + join(w, i) + "'");
      break;
    }
  }
  if (inactive) {
    // The device skips inactive rules.
    c.recognised(b);
    c.note("twice NAT rule is inactive (not applied)", c.ref(b.line));
    return true;
  }
  c.twice_nat.push_back({r, section});
  mark(c, r, b.line, "nat");
  return true;
}

void finish_nat(Ctx& c) {
  struct Keyed {
    NatRule rule;
    int is_dynamic;
    int count;
    Ipv4 lowest;
    std::string name;
  };
  std::vector<Keyed> objs;
  for (const auto& l : c.object_nat) {
    int count = 0;
    Ipv4 lowest = 0;
    NatRule r = read_object_nat(c, l, count, lowest);
    mark(c, r, l.ref.line, "object network " + l.object);
    const bool dyn = r.kind == NatKind::Dynamic || r.kind == NatKind::Pat;
    objs.push_back({std::move(r), dyn ? 1 : 0, count, lowest, l.object});
  }
  // ASA section 2 order: static before dynamic; then fewer real addresses first; then lower
  // real address; then object name.
  std::stable_sort(objs.begin(), objs.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.is_dynamic, a.count, a.lowest, a.name) <
           std::tie(b.is_dynamic, b.count, b.lowest, b.name);
  });
  std::vector<NatRule> out;
  for (auto& [r, s] : c.twice_nat)
    if (s == 1) out.push_back(r);
  for (auto& k : objs) out.push_back(std::move(k.rule));
  for (auto& [r, s] : c.twice_nat)
    if (s == 3) out.push_back(r);
  c.dev.nat = std::move(out);
}

}  // namespace gp::parsers::asa
