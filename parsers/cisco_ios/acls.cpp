// Access lists: numbered (access-list N) and named (ip access-list standard|extended) ACLs,
// object-group network/service definitions. One FilterRule per ACE line, in file order.
#include "parsers/cisco_ios/ios_internal.h"

namespace gp::parsers::ios {

using model::Action;
using model::FilterRule;
using model::PortRange;
using model::ServiceMatch;

namespace {

struct AceReader {
  const Ctx& c;
  const Words& w;
  size_t i;
  std::string error;  // set on the first thing not understood

  bool more() const { return i < w.size(); }
  std::string peek() const { return i < w.size() ? lower(w[i]) : std::string(); }
  bool fail(const std::string& why) {
    if (error.empty()) error = why;
    return false;
  }

  // any | host A | A W | object-group G ; standard ACLs also accept a bare A (host).
  bool address(std::vector<AddrMatch>& out, bool standard) {
    std::string k = peek();
    if (k.empty()) return fail("address missing");
    if (k == "any") {
      ++i;
      out = {AddrMatch::any()};
      return true;
    }
    if (k == "host") {
      auto a = i + 1 < w.size() ? parse_ipv4(w[i + 1]) : std::nullopt;
      if (!a) return fail("bad host address");
      i += 2;
      out = {AddrMatch::host(*a)};
      return true;
    }
    if (k == "object-group" || k == "addrgroup") {
      if (i + 1 >= w.size()) return fail("object-group name missing");
      const std::string& g = w[i + 1];
      auto it = c.net_groups.find(g);
      if (it == c.net_groups.end()) return fail("object-group network '" + g + "' not defined");
      if (c.bad_groups.count(g)) return fail("object-group network '" + g + "' not fully read");
      i += 2;
      out = it->second;
      return true;
    }
    if (w[i].find('/') != std::string::npos) {  // A/len (IOS-XE style in some exports)
      auto p = parse_prefix(w[i]);
      if (!p) return fail("bad prefix '" + w[i] + "'");
      ++i;
      out = {AddrMatch::of(*p)};
      return true;
    }
    auto a = parse_ipv4(w[i]);
    if (!a) return fail("unexpected '" + w[i] + "' where an address was expected");
    if (i + 1 < w.size()) {
      if (auto m = addr_wildcard(w[i], w[i + 1])) {
        i += 2;
        out = {*m};
        return true;
      }
    }
    if (!standard) return fail("address without wildcard");
    ++i;
    out = {AddrMatch::host(*a)};
    return true;
  }

  // eq P [P...] | neq P | lt P | gt P | range A B ; absent = any.
  bool ports(int proto, std::vector<PortRange>& out) {
    std::string op = peek();
    if (op != "eq" && op != "neq" && op != "lt" && op != "gt" && op != "range") return true;
    if (proto != model::proto::kTcp && proto != model::proto::kUdp && proto != 0 && proto != 132)
      return fail("port operator on a protocol without ports");
    ++i;
    auto port = [&](std::optional<int>& p) {
      p = i < w.size() ? port_number(w[i], proto) : std::nullopt;
      if (!p) return fail(i < w.size() ? "unknown port '" + w[i] + "'" : "port missing");
      ++i;
      return true;
    };
    std::optional<int> a, b;
    if (op == "eq") {
      if (!port(a)) return false;
      out.push_back({static_cast<uint16_t>(*a), static_cast<uint16_t>(*a)});
      while (i < w.size() && port_number(w[i], proto)) {  // IOS-XE: several ports after eq
        auto p = port_number(w[i++], proto);
        out.push_back({static_cast<uint16_t>(*p), static_cast<uint16_t>(*p)});
      }
    } else if (op == "neq") {
      if (!port(a)) return false;
      if (*a > 0) out.push_back({0, static_cast<uint16_t>(*a - 1)});
      if (*a < 65535) out.push_back({static_cast<uint16_t>(*a + 1), 65535});
    } else if (op == "lt") {
      if (!port(a)) return false;
      if (*a == 0) return fail("lt 0 matches nothing");
      out.push_back({0, static_cast<uint16_t>(*a - 1)});
    } else if (op == "gt") {
      if (!port(a)) return false;
      if (*a == 65535) return fail("gt 65535 matches nothing");
      out.push_back({static_cast<uint16_t>(*a + 1), 65535});
    } else {
      if (!port(a) || !port(b)) return false;
      if (*a > *b) return fail("empty port range");
      out.push_back({static_cast<uint16_t>(*a), static_cast<uint16_t>(*b)});
    }
    return true;
  }
};

bool is_action(const std::string& w) { return w == "permit" || w == "deny"; }

}  // namespace

// Reads "permit|deny ..." starting at w[at] (the action word).
FilterRule parse_ace(const Ctx& c, const Words& w, size_t at, bool standard, const ConfigLine& l) {
  FilterRule r;
  r.action = lower(w[at]) == "permit" ? Action::Permit : Action::Deny;
  r.logged = false;  // IOS logs a match only with "log" / "log-input"
  r.text = l.text;
  r.src_ref = c.ref(l);
  AceReader rd{c, w, at + 1, {}};
  auto give_up = [&](bool keep_match) {
    r.understood = false;
    r.why_not_understood = rd.error;
    if (!keep_match) {  // could not read what the rule matches: it may match anything
      r.src = {AddrMatch::any()};
      r.dst = {AddrMatch::any()};
      r.services = {ServiceMatch{}};
    }
    return r;
  };
  if (standard) {
    if (!rd.address(r.src, true)) return give_up(false);
  } else {
    ServiceMatch sm;
    std::vector<ServiceMatch> group;
    bool svc_group = false;
    std::string p = rd.peek();
    if (p == "object-group") {
      if (at + 2 >= w.size()) {
        rd.fail("service object-group name missing");
        return give_up(false);
      }
      const std::string& g = w[at + 2];
      auto it = c.svc_groups.find(g);
      if (it == c.svc_groups.end() || c.bad_groups.count(g)) {
        rd.fail("object-group service '" + g + "' not defined or not fully read");
        return give_up(false);
      }
      group = it->second;
      svc_group = true;
      rd.i += 2;
    } else {
      auto proto = protocol_number(p);
      if (!proto) {
        rd.fail("unknown protocol '" + (rd.more() ? w[rd.i] : std::string()) + "'");
        return give_up(false);
      }
      if (*proto >= 0) sm.protocol = *proto;
      ++rd.i;
    }
    int proto = sm.protocol.value_or(-1);
    if (!rd.address(r.src, false)) return give_up(false);
    if (!svc_group && !rd.ports(proto, sm.src_ports)) return give_up(false);
    if (!rd.address(r.dst, false)) return give_up(false);
    if (!svc_group && !rd.ports(proto, sm.dst_ports)) return give_up(false);
    if (proto == model::proto::kIcmp && rd.more()) {
      std::string t = rd.peek();
      if (auto n = icmp_name(t)) {
        sm.icmp_type = n->type;
        sm.icmp_code = n->code;
        ++rd.i;
      } else if (auto num = to_int(t); num && *num <= 255) {
        sm.icmp_type = *num;
        ++rd.i;
        if (auto code = to_int(rd.peek()); code && *code <= 255) {
          sm.icmp_code = *code;
          ++rd.i;
        }
      }
    }
    // Trailing options.
    while (rd.more()) {
      std::string k = rd.peek();
      if (k == "log" || k == "log-input") {
        r.logged = true;
        ++rd.i;
        continue;
      }
      if (k == "established" && proto == model::proto::kTcp) {
        sm.established_only = true;
        ++rd.i;
        continue;
      }
      if (k == "fragments") {
        // Matches only non-initial fragments, which carry no port and cannot open a
        // connection: for the connection-opening packets the prover follows, the rule never
        // matches. Recorded as inactive (understood), not dropped.
        r.inactive = true;
        ++rd.i;
        continue;
      }
      r.services = svc_group ? group : std::vector<ServiceMatch>{sm};
      rd.fail("option '" + w[rd.i] + "' not modelled");
      // The match is narrowed by an unmodelled condition: keep what was read, flag the rule.
      return give_up(true);
    }
    r.services = svc_group ? group : std::vector<ServiceMatch>{sm};
    return r;
  }
  while (rd.more()) {
    std::string k = rd.peek();
    if (k == "log" || k == "log-input") {
      r.logged = true;
      ++rd.i;
      continue;
    }
    rd.fail("option '" + w[rd.i] + "' not modelled");
    return give_up(true);
  }
  return r;
}

namespace {

model::Filter& filter_for(Ctx& c, const std::string& name, const SourceRef& r) {
  auto it = c.dev.filters.find(name);
  if (it == c.dev.filters.end()) {
    model::Filter f;
    f.name = name;
    f.src_ref = r;
    f.default_action = Action::Deny;
    it = c.dev.filters.emplace(name, std::move(f)).first;
  }
  return it->second;
}

bool standard_number(int n) { return (n >= 1 && n <= 99) || (n >= 1300 && n <= 1999); }
bool extended_number(int n) { return (n >= 100 && n <= 199) || (n >= 2000 && n <= 2699); }

FilterRule not_understood(const Ctx& c, const ConfigLine& l, const std::string& why) {
  FilterRule r;
  r.action = Action::Permit;
  r.understood = false;
  r.why_not_understood = why;
  r.text = l.text;
  r.src_ref = c.ref(l);
  return r;
}

void named_acl(Ctx& c, const ConfigLine& l, const std::string& name, bool standard) {
  auto& f = filter_for(c, name, c.ref(l));
  c.recognised(l);
  for (const auto& ch : l.children) {
    Words w = split_words(ch.text);
    size_t at = 0;
    if (!w.empty() && to_int(w[0])) at = 1;  // sequence number
    std::string k = at < w.size() ? lower(w[at]) : "";
    if (k == "remark" || (w.size() && w[0][0] == '!')) {
      c.recognised(ch);
    } else if (is_action(k) && at + 1 < w.size()) {
      f.rules.push_back(parse_ace(c, w, at, standard, ch));
      c.recognised(ch);
    } else {
      // evaluate (reflexive ACL), dynamic, unknown: keep its place, fail closed.
      f.rules.push_back(not_understood(c, ch, "ACL entry '" + (k.empty() ? ch.text : k) + "' not modelled"));
      c.unrec(ch, LineContext::Filter, name);
    }
    for (const auto& g : ch.children) c.unrec_tree(g, LineContext::Filter, name);
  }
}

// Network object-group: host A | A MASK | range A B | group-object G | description.
void network_group(Ctx& c, const ConfigLine& l, const std::string& name) {
  auto& items = c.net_groups[name];
  c.recognised(l);
  for (const auto& ch : l.children) {
    Words w = split_words(ch.text);
    std::string k = w.empty() ? "" : lower(w[0]);
    bool ok = false;
    if (k == "description") {
      ok = true;
    } else if (k == "host" && w.size() == 2) {
      if (auto a = parse_ipv4(w[1])) items.push_back(AddrMatch::host(*a)), ok = true;
    } else if (k == "range" && w.size() == 3) {
      auto a = parse_ipv4(w[1]), b = parse_ipv4(w[2]);
      if (a && b && *a <= *b) {
        for (const auto& p : range_to_prefixes(*a, *b)) items.push_back(AddrMatch::of(p));
        ok = true;
      }
    } else if (k == "group-object" && w.size() == 2) {
      auto it = c.net_groups.find(w[1]);
      if (it != c.net_groups.end() && it->first != name) {
        auto copy = it->second;
        items.insert(items.end(), copy.begin(), copy.end());
        if (c.bad_groups.count(w[1])) c.bad_groups.insert(name);
        ok = true;
      }
    } else if (k == "any" && w.size() == 1) {
      items.push_back(AddrMatch::any());
      ok = true;
    } else if (w.size() == 2) {
      if (auto m = addr_mask(w[0], w[1])) items.push_back(*m), ok = true;
    } else if (w.size() == 1) {
      if (auto p = parse_prefix(w[0]); p && w[0].find('/') != std::string::npos)
        items.push_back(AddrMatch::of(*p)), ok = true;
    }
    if (ok) {
      c.recognised(ch);
    } else {
      c.bad_groups.insert(name);
      c.unrec(ch, LineContext::Filter, "object-group " + name);
    }
    for (const auto& g : ch.children) c.unrec_tree(g, LineContext::Filter, name);
  }
}

// Service object-group: [tcp|udp|tcp-udp] [source OP P] [OP P] | icmp [type] | PROTO | group-object.
void service_group(Ctx& c, const ConfigLine& l, const std::string& name) {
  auto& items = c.svc_groups[name];
  c.recognised(l);
  for (const auto& ch : l.children) {
    Words w = split_words(ch.text);
    std::string k = w.empty() ? "" : lower(w[0]);
    bool ok = false;
    if (k == "description") {
      ok = true;
    } else if (k == "group-object" && w.size() == 2) {
      auto it = c.svc_groups.find(w[1]);
      if (it != c.svc_groups.end() && it->first != name) {
        auto copy = it->second;
        items.insert(items.end(), copy.begin(), copy.end());
        if (c.bad_groups.count(w[1])) c.bad_groups.insert(name);
        ok = true;
      }
    } else if (k == "tcp" || k == "udp" || k == "tcp-udp" || k == "sctp") {
      int proto = k == "tcp" ? 6 : k == "udp" ? 17 : k == "sctp" ? 132 : 0;
      AceReader rd{c, w, 1, {}};
      ServiceMatch sm;
      ok = true;
      if (rd.peek() == "source") {
        ++rd.i;
        ok = rd.ports(proto, sm.src_ports) && !sm.src_ports.empty();
      }
      if (ok) ok = rd.ports(proto, sm.dst_ports) && !rd.more();
      if (ok) {
        if (proto == 0) {
          sm.protocol = 6;
          items.push_back(sm);
          sm.protocol = 17;
          items.push_back(sm);
        } else {
          sm.protocol = proto;
          items.push_back(sm);
        }
      }
    } else if (k == "icmp") {
      ServiceMatch sm;
      sm.protocol = 1;
      ok = true;
      if (w.size() >= 2) {
        if (auto n = icmp_name(w[1])) {
          sm.icmp_type = n->type, sm.icmp_code = n->code;
        } else if (auto t = to_int(w[1]); t && *t <= 255) {
          sm.icmp_type = *t;
        } else {
          ok = false;
        }
      }
      ok = ok && w.size() <= 2;
      if (ok) items.push_back(sm);
    } else if (w.size() == 1) {
      if (auto p = protocol_number(w[0])) {
        ServiceMatch sm;
        if (*p >= 0) sm.protocol = *p;
        items.push_back(sm);
        ok = true;
      }
    }
    if (ok) {
      c.recognised(ch);
    } else {
      c.bad_groups.insert(name);
      c.unrec(ch, LineContext::Filter, "object-group " + name);
    }
    for (const auto& g : ch.children) c.unrec_tree(g, LineContext::Filter, name);
  }
}

}  // namespace

bool parse_object_group(Ctx& c, const ConfigLine& l, const Words& w) {
  if (w.size() != 3 || lower(w[0]) != "object-group") return false;
  std::string t = lower(w[1]);
  if (t == "network") {
    network_group(c, l, w[2]);
    return true;
  }
  if (t == "service") {
    service_group(c, l, w[2]);
    return true;
  }
  return false;
}

bool parse_acl_global(Ctx& c, const ConfigLine& l, const Words& w) {
  if (starts_with(w, {"access-list"}) && w.size() >= 3) {
    auto n = to_int(w[1]);
    if (!n || (!standard_number(*n) && !extended_number(*n))) return false;
    const std::string& name = w[1];
    auto& f = filter_for(c, name, c.ref(l));
    std::string k = lower(w[2]);
    if (k == "remark") {
      c.recognised(l);
    } else if (is_action(k) && w.size() >= 4) {
      f.rules.push_back(parse_ace(c, w, 2, standard_number(*n), l));
      c.recognised(l);
    } else {
      f.rules.push_back(not_understood(c, l, "access-list keyword '" + w[2] + "' not modelled"));
      c.unrec(l, LineContext::Filter, name);
    }
    for (const auto& ch : l.children) c.unrec_tree(ch, LineContext::Filter, name);
    return true;
  }
  if (starts_with(w, {"ip", "access-list"}) && w.size() == 3 && lower(w[2]) != "logging" &&
      lower(w[2]) != "resequence") {
    named_acl(c, l, w[2], false);  // "ip access-list NAME": extended syntax
    return true;
  }
  if (starts_with(w, {"ip", "access-list"}) && w.size() == 4) {
    std::string t = lower(w[2]);
    if (t != "standard" && t != "extended") return false;
    named_acl(c, l, w[3], t == "standard");
    return true;
  }
  // "no ip access-list extended X" / "no access-list N": removes the ACL before redefining it.
  if ((starts_with(w, {"no", "ip", "access-list"}) && w.size() == 5) ||
      (starts_with(w, {"no", "access-list"}) && w.size() == 3 && to_int(w[2]))) {
    c.dev.filters.erase(w.back());
    c.recognise_tree(l);
    return true;
  }
  if (starts_with(w, {"ipv6", "access-list"})) {  // IPv6 is not modelled (IPv4 only)
    c.unrec_tree(l, LineContext::Filter, w.size() > 2 ? w[2] : "", false);
    return true;
  }
  return false;
}

void use_filter(Ctx& c, const std::string& name, const SourceRef& r) { c.filter_uses.push_back({name, r}); }

std::vector<AddrMatch> acl_permit_side(const Ctx& c, const std::string& acl, bool source) {
  std::vector<AddrMatch> out;
  auto it = c.dev.filters.find(acl);
  if (it == c.dev.filters.end()) return out;
  for (const auto& r : it->second.rules) {
    if (r.action != Action::Permit && r.understood) continue;
    const auto& side = source ? r.src : r.dst;
    out.insert(out.end(), side.begin(), side.end());
  }
  return out;
}

}  // namespace gp::parsers::ios
