// ASA objects and object-groups: definitions (first pass) and their expansion with a cycle guard.
#include <functional>

#include "parsers/cisco_asa/internal.h"

namespace gp::parsers::asa {

using model::LineContext;
using model::ServiceMatch;

namespace {

std::optional<Ipv4> addr_or_name(const Ctx& c, const std::string& w) {
  if (auto a = parse_ipv4(w)) return a;
  auto it = c.names.find(w);
  if (it != c.names.end()) return it->second;
  return std::nullopt;
}

AddrMatch masked(Ipv4 a, Ipv4 m) { return AddrMatch{a & m, ~m}; }

void read_net_object_body(Ctx& c, NetObject& o, const ConfigLine& l, const Words& w,
                          const std::string& name) {
  auto fail_line = [&] { c.unrecognised(l, LineContext::Filter, "object network " + name); };
  if (w[0] == "host" && w.size() == 2) {
    if (looks_ipv6(w[1])) {
      o.addrs = AddrSet{};
      o.addrs.has_v6 = true;
      o.shape = NetObject::Shape::V6;
    } else if (auto a = addr_or_name(c, w[1])) {
      o.addrs = AddrSet{};
      o.addrs.v4.push_back(AddrMatch::host(*a));
      o.shape = NetObject::Shape::Host;
      o.prefix = Prefix{*a, 32};
    } else {
      return fail_line();
    }
  } else if (w[0] == "subnet" && w.size() == 3) {
    auto a = addr_or_name(c, w[1]);
    auto m = parse_ipv4(w[2]);
    auto len = m ? mask_to_len(*m) : std::nullopt;
    if (!a || !len) return fail_line();
    o.addrs = AddrSet{};
    o.addrs.v4.push_back(masked(*a, *m));
    o.shape = NetObject::Shape::Subnet;
    o.prefix = Prefix{*a, *len};
  } else if (w[0] == "subnet" && w.size() == 2 && looks_ipv6(w[1])) {
    o.addrs = AddrSet{};
    o.addrs.has_v6 = true;
    o.shape = NetObject::Shape::V6;
  } else if (w[0] == "range" && w.size() == 3) {
    if (looks_ipv6(w[1])) {
      o.addrs = AddrSet{};
      o.addrs.has_v6 = true;
      o.shape = NetObject::Shape::V6;
    } else {
      auto a = addr_or_name(c, w[1]);
      auto b = addr_or_name(c, w[2]);
      if (!a || !b) return fail_line();
      o.addrs = AddrSet{};
      for (const auto& p : range_to_prefixes_any_order(*a, *b)) o.addrs.v4.push_back(AddrMatch::of(p));
      o.shape = NetObject::Shape::Range;
      o.range_lo = std::min(*a, *b);
      o.range_hi = std::max(*a, *b);
    }
  } else if (w[0] == "fqdn") {
    o.addrs = AddrSet{};
    o.addrs.fail("object network " + name + " is an fqdn (resolved at run time)");
    o.shape = NetObject::Shape::Fqdn;
  } else {
    return fail_line();
  }
  o.defined_body = true;
  c.recognised(l);
}

void read_group_member(Ctx& c, ObjectGroup& g, const ConfigLine& l, const Words& w,
                       const std::string& gname) {
  GroupMember m;
  m.words = w;
  m.ref = c.ref(l.line);
  const std::string& k = w[0];
  if (k == "description") {
    c.recognised(l);
    return;
  }
  if (k == "group-object" && w.size() == 2) {
    m.kind = "group";
  } else if (g.type == GroupType::Network && k == "network-object" && w.size() >= 2) {
    m.kind = w[1] == "host" ? "host" : w[1] == "object" ? "object" : "net";
  } else if (g.type == GroupType::ServicePorts && k == "port-object") {
    m.kind = "port";
  } else if ((g.type == GroupType::Service || g.type == GroupType::ServicePorts) && k == "service-object") {
    m.kind = "service";
  } else if (g.type == GroupType::Protocol && k == "protocol-object" && w.size() == 2) {
    m.kind = "protocol";
  } else if (g.type == GroupType::Icmp && k == "icmp-object" && w.size() == 2) {
    m.kind = "icmp";
  } else if (g.type == GroupType::User) {
    m.kind = "user";
  } else {
    // Keep it as a member that cannot be read: the group becomes not understood where used.
    m.kind = "bad";
    g.members.push_back(m);
    c.unrecognised(l, LineContext::Filter, "object-group " + gname);
    return;
  }
  g.members.push_back(m);
  c.recognised(l);
}

}  // namespace

bool handle_object_definition(Ctx& c, const ConfigLine& b, const Words& w) {
  if (w[0] == "name" && w.size() >= 3) {
    // "name A NAME [description ...]"
    if (auto a = parse_ipv4(w[1])) {
      c.names[w[2]] = *a;
      c.recognised(b);
    } else if (looks_ipv6(w[1])) {
      c.recognised(b);  // IPv6 name: used only by IPv6 rules
    } else {
      c.unrecognised(b, LineContext::Filter, "name");
    }
    return true;
  }
  if (w[0] == "object" && w.size() >= 3 && w[1] == "network") {
    const std::string& name = w[2];
    auto& o = c.net_objects[name];
    if (!o.ref.known()) o.ref = c.ref(b.line);
    c.recognised(b);
    for (const auto& ch : b.children) {
      Words cw = split_words(ch.text);
      if (cw.empty()) continue;
      if (cw[0] == "nat") {
        // Read once every object is known (finish_nat).
        c.object_nat.push_back({name, c.ref(b.line), cw, ch.text, c.ref(ch.line)});
        continue;
      }
      if (cw[0] == "description") {
        c.recognised(ch);
        continue;
      }
      read_net_object_body(c, o, ch, cw, name);
    }
    return true;
  }
  if (w[0] == "object" && w.size() >= 3 && w[1] == "service") {
    const std::string& name = w[2];
    auto& o = c.svc_objects[name];
    if (!o.ref.known()) o.ref = c.ref(b.line);
    c.recognised(b);
    for (const auto& ch : b.children) {
      Words cw = split_words(ch.text);
      if (cw.empty()) continue;
      if (cw[0] == "description") {
        c.recognised(ch);
      } else if (cw[0] == "service" && cw.size() >= 2) {
        o.svc = read_service_words(c, cw, 1);
        o.defined_body = true;
        if (o.svc.ok)
          c.recognised(ch);
        else
          c.unrecognised(ch, LineContext::Filter, "object service " + name);
      } else {
        c.unrecognised(ch, LineContext::Filter, "object service " + name);
        o.svc.fail("unreadable line in object service " + name);
        o.defined_body = true;
      }
    }
    return true;
  }
  if (w[0] == "object-group" && w.size() >= 3) {
    const std::string& name = w[2];
    ObjectGroup& g = c.groups[name];
    g.ref = c.ref(b.line);
    if (w[1] == "network") {
      g.type = GroupType::Network;
    } else if (w[1] == "service" && w.size() == 3) {
      g.type = GroupType::Service;
    } else if (w[1] == "service" && w.size() == 4) {
      g.type = GroupType::ServicePorts;
      if (w[3] == "tcp")
        g.port_protocols = {model::proto::kTcp};
      else if (w[3] == "udp")
        g.port_protocols = {model::proto::kUdp};
      else if (w[3] == "tcp-udp")
        g.port_protocols = {model::proto::kTcp, model::proto::kUdp};
      else
        g.type = GroupType::Other;
    } else if (w[1] == "protocol") {
      g.type = GroupType::Protocol;
    } else if (w[1] == "icmp-type") {
      g.type = GroupType::Icmp;
    } else if (w[1] == "user" || w[1] == "security") {
      g.type = GroupType::User;
    } else {
      g.type = GroupType::Other;
    }
    if (g.type == GroupType::Other) {
      c.unrecognised_tree(b, LineContext::Filter, "object-group " + name);
      return true;
    }
    c.recognised(b);
    for (const auto& ch : b.children) {
      Words cw = split_words(ch.text);
      if (!cw.empty()) read_group_member(c, g, ch, cw, name);
    }
    return true;
  }
  return false;
}

// ------------------------------------------------------------------ expansion

namespace {

// Bounds of one expansion. ASA itself nests object-groups 10 levels at most; a group named along
// many paths (each level naming the next twice) is read once per path, so without a bound on the
// members read a short file could take time exponential in its nesting.
constexpr size_t kMaxGroupDepth = 64;
constexpr size_t kMaxGroupMembers = 100000;

struct GroupPath {
  std::vector<std::string> names;  // the groups being expanded, outermost first
  size_t members = 0;              // members read so far
};

struct Guard {
  GroupPath& stack;
  bool cycle = false;
  std::string refused;  // why the group is not expanded (nesting or size), or empty
  Guard(GroupPath& s, const Ctx& c, const std::string& n) : stack(s) {
    for (const auto& x : s.names)
      if (x == n) cycle = true;
    auto it = c.groups.find(n);
    s.members += 1 + (it == c.groups.end() ? 0 : it->second.members.size());
    if (s.names.size() >= kMaxGroupDepth)
      refused = "object-group " + n + " nested more than " + std::to_string(kMaxGroupDepth) + " levels deep";
    else if (s.members > kMaxGroupMembers)
      refused = "object-group " + n + ": its expansion reads more than " + std::to_string(kMaxGroupMembers) +
                " members (groups named along many paths)";
    stack.names.push_back(n);
  }
  ~Guard() { stack.names.pop_back(); }
  bool stop() const { return cycle || !refused.empty(); }
  std::string why(const std::string& name) const {
    return cycle ? "object-group " + name + " contains itself" : refused;
  }
};

AddrSet net_group(const Ctx& c, const std::string& name, GroupPath& stack) {
  AddrSet out;
  Guard g(stack, c, name);
  if (g.stop()) {
    out.fail(g.why(name));
    return out;
  }
  auto it = c.groups.find(name);
  if (it == c.groups.end()) {
    out.fail("undefined object-group " + name);
    return out;
  }
  if (it->second.type != GroupType::Network) {
    out.fail("object-group " + name + " is not a network group");
    return out;
  }
  for (const auto& m : it->second.members) {
    const Words& w = m.words;
    if (m.kind == "group") {
      out.add(net_group(c, w[1], stack));
    } else if (m.kind == "object" && w.size() == 3) {
      out.add(expand_net_object(c, w[2]));
    } else if (m.kind == "host" && w.size() == 3) {
      if (looks_ipv6(w[2])) {
        out.has_v6 = true;
      } else if (auto a = addr_or_name(c, w[2])) {
        out.v4.push_back(AddrMatch::host(*a));
      } else {
        out.fail("unreadable member of object-group " + name);
      }
    } else if (m.kind == "net" && w.size() == 3) {
      auto a = addr_or_name(c, w[1]);
      auto mk = parse_ipv4(w[2]);
      if (a && mk)
        out.v4.push_back(masked(*a, *mk));
      else
        out.fail("unreadable member of object-group " + name);
    } else if (m.kind == "net" && w.size() == 2 && looks_ipv6(w[1])) {
      out.has_v6 = true;
    } else {
      out.fail("unreadable member of object-group " + name);
    }
  }
  return out;
}

SvcSet svc_group(const Ctx& c, const std::string& name, GroupPath& stack);

// A port-object or a group-object within a typed (tcp/udp) service group.
PortSpec port_group(const Ctx& c, const std::string& name, GroupPath& stack) {
  PortSpec out;
  Guard g(stack, c, name);
  auto fail = [&](const std::string& why) {
    if (out.ok) out.why = why;
    out.ok = false;
  };
  if (g.stop()) {
    fail(g.why(name));
    return out;
  }
  auto it = c.groups.find(name);
  if (it == c.groups.end() || it->second.type != GroupType::ServicePorts) {
    fail("object-group " + name + " is not a port group");
    return out;
  }
  for (const auto& m : it->second.members) {
    if (m.kind == "group") {
      auto sub = port_group(c, m.words[1], stack);
      out.ranges.insert(out.ranges.end(), sub.ranges.begin(), sub.ranges.end());
      if (!sub.ok) fail(sub.why);
    } else if (m.kind == "port") {
      size_t i = 1;
      auto p = read_port_op(m.words, i);
      if (!p || !p->ok || i != m.words.size()) {
        fail(p && !p->ok ? p->why : "unreadable port-object in " + name);
        continue;
      }
      out.ranges.insert(out.ranges.end(), p->ranges.begin(), p->ranges.end());
    } else {
      fail("unreadable member of object-group " + name);
    }
  }
  return out;
}

SvcSet svc_group(const Ctx& c, const std::string& name, GroupPath& stack) {
  SvcSet out;
  Guard g(stack, c, name);
  if (g.stop()) {
    out.fail(g.why(name));
    return out;
  }
  auto it = c.groups.find(name);
  if (it == c.groups.end()) {
    out.fail("undefined object-group " + name);
    return out;
  }
  const ObjectGroup& grp = it->second;
  if (grp.type == GroupType::ServicePorts) {
    // A typed group used as a service: its protocols with the ports as destination ports.
    GroupPath port_stack;  // port groups nest only among themselves
    PortSpec ps = port_group(c, name, port_stack);
    if (!ps.ok) out.fail(ps.why);
    for (int p : grp.port_protocols) {
      ServiceMatch sm;
      sm.protocol = p;
      sm.dst_ports = ps.ranges;
      out.terms.push_back(sm);
    }
    // service-object members of a typed group
    for (const auto& m : grp.members)
      if (m.kind == "service") {
        SvcSet s = read_service_words(c, m.words, 1);
        out.terms.insert(out.terms.end(), s.terms.begin(), s.terms.end());
        if (!s.ok) out.fail(s.why);
      }
    return out;
  }
  if (grp.type == GroupType::Protocol) {
    bool ok = true;
    std::string why;
    for (const auto& p : expand_protocol_group(c, name, ok, why)) {
      ServiceMatch sm;
      sm.protocol = p;
      out.terms.push_back(sm);
    }
    if (!ok) out.fail(why);
    return out;
  }
  if (grp.type != GroupType::Service) {
    out.fail("object-group " + name + " is not a service group");
    return out;
  }
  for (const auto& m : grp.members) {
    SvcSet s;
    if (m.kind == "group") {
      s = svc_group(c, m.words[1], stack);
    } else if (m.kind == "service") {
      if (m.words.size() == 3 && m.words[1] == "object")
        s = expand_svc_object(c, m.words[2]);
      else
        s = read_service_words(c, m.words, 1);
    } else {
      s.fail("unreadable member of object-group " + name);
    }
    out.terms.insert(out.terms.end(), s.terms.begin(), s.terms.end());
    if (!s.ok) out.fail(s.why);
  }
  return out;
}

}  // namespace

AddrSet expand_net_object(const Ctx& c, const std::string& name) {
  auto it = c.net_objects.find(name);
  AddrSet out;
  if (it == c.net_objects.end()) {
    out.fail("undefined object " + name);
    return out;
  }
  if (!it->second.defined_body) {
    out.fail("object network " + name + " has no address");
    return out;
  }
  return it->second.addrs;
}

AddrSet expand_net_group(const Ctx& c, const std::string& name) {
  GroupPath stack;
  return net_group(c, name, stack);
}

SvcSet expand_svc_object(const Ctx& c, const std::string& name) {
  auto it = c.svc_objects.find(name);
  SvcSet out;
  if (it == c.svc_objects.end()) {
    out.fail("undefined service object " + name);
    return out;
  }
  if (!it->second.defined_body) {
    out.fail("object service " + name + " has no service");
    return out;
  }
  return it->second.svc;
}

SvcSet expand_svc_group(const Ctx& c, const std::string& name) {
  GroupPath stack;
  return svc_group(c, name, stack);
}

PortSpec expand_port_group(const Ctx& c, const std::string& name) {
  GroupPath stack;
  return port_group(c, name, stack);
}

std::vector<std::optional<int>> expand_protocol_group(const Ctx& c, const std::string& name, bool& ok,
                                                      std::string& why) {
  std::vector<std::optional<int>> out;
  GroupPath stack;
  std::function<void(const std::string&)> walk = [&](const std::string& n) {
    Guard g(stack, c, n);
    auto it = c.groups.find(n);
    if (g.stop() || it == c.groups.end() || it->second.type != GroupType::Protocol) {
      if (ok) why = g.refused.empty() ? "unusable protocol group " + n : g.refused;
      ok = false;
      return;
    }
    for (const auto& m : it->second.members) {
      if (m.kind == "group") {
        walk(m.words[1]);
      } else if (m.kind == "protocol") {
        if (is_ip_any_protocol(m.words[1]))
          out.push_back(std::nullopt);
        else if (auto p = protocol_number(m.words[1]))
          out.push_back(*p);
        else {
          if (ok) why = "unknown protocol " + m.words[1];
          ok = false;
        }
      } else {
        // A member that could not be read: the group means more than its readable members.
        if (ok) why = "unreadable member of protocol group " + n;
        ok = false;
      }
    }
  };
  walk(name);
  return out;
}

std::vector<int> expand_icmp_group(const Ctx& c, const std::string& name, bool& ok, std::string& why) {
  std::vector<int> out;
  GroupPath stack;
  std::function<void(const std::string&)> walk = [&](const std::string& n) {
    Guard g(stack, c, n);
    auto it = c.groups.find(n);
    if (g.stop() || it == c.groups.end() || it->second.type != GroupType::Icmp) {
      if (ok) why = g.refused.empty() ? "unusable icmp-type group " + n : g.refused;
      ok = false;
      return;
    }
    for (const auto& m : it->second.members) {
      if (m.kind == "group") {
        walk(m.words[1]);
      } else if (m.kind != "icmp") {
        // A member that could not be read (found by fuzz_cisco_asa: 'icmp-object' alone was read
        // past its words).
        if (ok) why = "unreadable member of icmp-type group " + n;
        ok = false;
      } else if (auto t = icmp_type_number(m.words[1])) {
        out.push_back(*t);
      } else {
        if (ok) why = "unknown icmp type " + m.words[1];
        ok = false;
      }
    }
  };
  walk(name);
  return out;
}

SvcSet read_service_words(const Ctx&, const Words& w, size_t i) {
  // PROTO [source OP P] [destination OP P] | icmp [TYPE [CODE]] | PROTO
  SvcSet out;
  if (i >= w.size()) {
    out.fail("service without protocol");
    return out;
  }
  ServiceMatch sm;
  const std::string& p = w[i];
  std::vector<int> protos;
  if (is_ip_any_protocol(p)) {
    sm.protocol = std::nullopt;
  } else if (p == "tcp-udp") {
    protos = {model::proto::kTcp, model::proto::kUdp};
  } else if (auto n = protocol_number(p)) {
    sm.protocol = *n;
  } else {
    out.fail("unknown protocol '" + p + "'");
    return out;
  }
  ++i;
  const bool icmp = sm.protocol && (*sm.protocol == model::proto::kIcmp);
  if (icmp) {
    if (i < w.size()) {
      auto t = icmp_type_number(w[i]);
      if (!t) {
        out.fail("unknown icmp type '" + w[i] + "'");
        return out;
      }
      sm.icmp_type = *t;
      ++i;
      if (i < w.size()) {
        auto code = protocol_number(w[i]);  // a plain number 0..255
        if (!code) {
          out.fail("unreadable icmp code '" + w[i] + "'");
          return out;
        }
        sm.icmp_code = *code;
        ++i;
      }
    }
  } else {
    while (i < w.size()) {
      bool src = w[i] == "source";
      bool dst = w[i] == "destination";
      size_t j = i;
      if (src || dst)
        ++j;
      else
        dst = true;  // "service-object tcp eq 80": destination port
      auto ps = read_port_op(w, j);
      if (!ps) {
        out.fail("unreadable service words '" + join(w, i) + "'");
        return out;
      }
      if (!ps->ok) {
        out.fail(ps->why);
        return out;
      }
      (src ? sm.src_ports : sm.dst_ports) = ps->ranges;
      i = j;
    }
  }
  if (protos.empty()) {
    out.terms.push_back(sm);
  } else {
    for (int pr : protos) {
      ServiceMatch t = sm;
      t.protocol = pr;
      out.terms.push_back(t);
    }
  }
  return out;
}

AddrSet read_address(const Ctx& c, const Words& w, size_t& i) {
  AddrSet out;
  if (i >= w.size()) {
    out.fail("address missing");
    return out;
  }
  const std::string& k = w[i];
  if (k == "any" || k == "any4") {
    out.v4.push_back(AddrMatch::any());
    ++i;
    return out;
  }
  if (k == "any6") {
    out.has_v6 = true;  // matches no IPv4 packet
    ++i;
    return out;
  }
  if (k == "host" && i + 1 < w.size()) {
    if (looks_ipv6(w[i + 1]))
      out.has_v6 = true;
    else if (auto a = addr_or_name(c, w[i + 1]))
      out.v4.push_back(AddrMatch::host(*a));
    else
      out.fail("unknown host '" + w[i + 1] + "'");
    i += 2;
    return out;
  }
  if (k == "object" && i + 1 < w.size()) {
    out = expand_net_object(c, w[i + 1]);
    i += 2;
    return out;
  }
  if (k == "object-group" && i + 1 < w.size()) {
    out = expand_net_group(c, w[i + 1]);
    i += 2;
    return out;
  }
  if (k == "interface" && i + 1 < w.size()) {
    const std::string& n = w[i + 1];
    i += 2;
    const model::Interface* ifc = nullptr;
    for (const auto& x : c.dev.interfaces)
      if (x.nameif == n) ifc = &x;
    if (!ifc) {
      out.fail("interface " + n + " has no such nameif");
    } else if (ifc->ipv4.empty()) {
      out.fail("interface " + n + " has no static IPv4 address (dhcp/pppoe or none)");
    } else {
      for (const auto& a : ifc->ipv4) out.v4.push_back(AddrMatch::host(a.prefix.addr));
    }
    return out;
  }
  if (looks_ipv6(k)) {
    out.has_v6 = true;
    ++i;
    return out;
  }
  if (auto a = addr_or_name(c, k); a && i + 1 < w.size()) {
    if (auto m = parse_ipv4(w[i + 1])) {
      out.v4.push_back(masked(*a, *m));
      i += 2;
      return out;
    }
  }
  out.fail("unreadable address '" + k + "'");
  ++i;
  return out;
}

}  // namespace gp::parsers::asa
