// `ip access-list NAME ...` (static and dynamic) and the filters `ip filter ACL SEQ in|out`
// assembles from them per interface and direction.
#include <algorithm>
#include <set>

#include "parsers/common/service_names.h"
#include "parsers/nec_ix/internal.h"

namespace gp::parsers::nec {

std::optional<std::vector<AddrMatch>> acl_addr(const std::string& w) {
  if (lower(w) == "any") return std::vector<AddrMatch>{AddrMatch::any()};
  auto p = parse_prefix(w);
  if (!p) return std::nullopt;
  return std::vector<AddrMatch>{AddrMatch::of(*p)};
}

// Port spec after sport/dport: any | eq N | range A B | gt N | lt N | ne N.
std::optional<std::vector<model::PortRange>> port_spec(const Words& w, size_t& i, int proto) {
  if (i >= w.size()) return std::nullopt;
  std::string op = lower(w[i]);
  auto port = [&](const std::string& s) -> std::optional<uint16_t> {
    if (auto v = num(s); v && *v <= 65535) return static_cast<uint16_t>(*v);
    if (auto v = port_number(lower(s), proto)) return static_cast<uint16_t>(*v);
    return std::nullopt;
  };
  if (op == "any") {
    ++i;
    return std::vector<model::PortRange>{};
  }
  if ((op == "eq" || op == "gt" || op == "lt" || op == "ge" || op == "le") && i + 1 < w.size()) {
    auto p = port(w[i + 1]);
    if (!p) return std::nullopt;
    i += 2;
    if (op == "eq") return std::vector<model::PortRange>{{*p, *p}};
    if (op == "gt")
      return *p == 65535 ? std::nullopt
                         : std::optional<std::vector<model::PortRange>>({{uint16_t(*p + 1), 65535}});
    if (op == "ge") return std::vector<model::PortRange>{{*p, 65535}};
    if (op == "lt")
      return *p == 0 ? std::nullopt : std::optional<std::vector<model::PortRange>>({{0, uint16_t(*p - 1)}});
    return std::vector<model::PortRange>{{0, *p}};
  }
  if (op == "range" && i + 2 < w.size()) {
    auto a = port(w[i + 1]), b = port(w[i + 2]);
    if (!a || !b || *a > *b) return std::nullopt;
    i += 3;
    return std::vector<model::PortRange>{{*a, *b}};
  }
  return std::nullopt;
}

// ip access-list NAME permit|deny PROTO src A [sport P] dest B [dport P] ...
bool parse_acl(Ctx& c, const ConfigLine& l, const Words& w) {
  if (w.size() < 4) return false;
  if (lower(w[2]) == "dynamic") {
    // ip access-list dynamic NAME access TRIGGER [options]
    if (w.size() < 6 || lower(w[4]) != "access") return false;
    c.dyn_acls[w[3]] = DynAcl{w[5], c.ref(l), l.text};
    return true;
  }
  if (w.size() < 5) return false;
  std::string act = lower(w[3]);
  if (act != "permit" && act != "deny") return false;
  model::FilterRule r;
  r.action = act == "permit" ? model::Action::Permit : model::Action::Deny;
  r.src_ref = c.ref(l);
  r.text = l.text;
  auto fail = [&](const std::string& why) {
    if (r.understood) r.understood = false, r.why_not_understood = why;
  };
  std::string p = lower(w[4]);
  model::ServiceMatch sm;
  int proto = -1;
  if (p == "ip")
    proto = -1;
  else if (auto v = protocol_number(p))
    proto = *v;
  else if (auto n = num(p); n && *n <= 255)
    proto = static_cast<int>(*n);
  else
    fail("protocol '" + p + "'");
  if (proto >= 0) sm.protocol = proto;
  size_t i = 5;
  bool src_seen = false, dst_seen = false;
  while (i < w.size()) {
    std::string k = lower(w[i]);
    if ((k == "src" || k == "dest") && i + 1 < w.size()) {
      auto a = acl_addr(w[i + 1]);
      if (!a)
        fail("address '" + w[i + 1] + "'");
      else
        (k == "src" ? r.src : r.dst) = *a;
      (k == "src" ? src_seen : dst_seen) = true;
      i += 2;
    } else if ((k == "sport" || k == "dport") && (proto == 6 || proto == 17)) {
      ++i;
      auto ports = port_spec(w, i, proto);
      if (!ports) {
        fail("port specification");
        break;
      }
      (k == "sport" ? sm.src_ports : sm.dst_ports) = *ports;
    } else if (k == "established" && proto == 6) {
      sm.established_only = true;
      ++i;
    } else if ((k == "type" || k == "code") && proto == 1 && i + 1 < w.size() && num(w[i + 1])) {
      int v = static_cast<int>(*num(w[i + 1]));
      (k == "type" ? sm.icmp_type : sm.icmp_code) = v;
      i += 2;
    } else {
      fail("keyword '" + w[i] + "'");
      break;
    }
  }
  if (!src_seen || !dst_seen) fail("src/dest missing");
  r.services = {sm};
  c.acls[w[2]].push_back(AclEntry{r});
  return true;
}

void finish_filters(Ctx& c) {
  // Every access list under its own name too: management services and checks refer to them.
  for (const auto& [name, entries] : c.acls) {
    model::Filter f;
    f.name = name;
    f.src_ref = entries.front().rule.src_ref;
    for (const auto& e : entries) f.rules.push_back(e.rule);
    c.dev.filters[name] = f;
  }
  for (auto& [ifn, uses] : c.filter_uses) {
    for (int dir = 0; dir < 2; ++dir) {
      auto list = dir == 0 ? uses.first : uses.second;
      if (list.empty()) continue;
      std::stable_sort(list.begin(), list.end(),
                       [](const FilterUse& a, const FilterUse& b) { return a.seq < b.seq; });
      model::Filter f;
      f.name = ifn + (dir == 0 ? " ip filter in" : " ip filter out");
      f.src_ref = list.front().ref;
      f.default_action = model::Action::Deny;  // implicit deny once a filter is applied
      std::set<std::string> applied;
      for (const auto& u : list) {
        // A list applied again further down adds nothing under first match, only size: a file
        // applying one long list on every line would grow quadratically.
        if (!applied.insert(u.acl).second) continue;
        auto dyn = c.dyn_acls.find(u.acl);
        if (dyn != c.dyn_acls.end()) {
          // A dynamic list takes precedence over a static one of the same name.
          auto trig = c.acls.find(dyn->second.trigger);
          if (trig == c.acls.end()) {
            c.note(f.name + ": dynamic access-list " + u.acl + " triggers on undefined list " +
                       dyn->second.trigger,
                   u.ref);
            continue;
          }
          for (const auto& e : trig->second) {
            if (e.rule.action != model::Action::Permit) continue;
            model::FilterRule r = e.rule;
            r.text =
                dyn->second.text + "  <- " + e.rule.text + "  (dynamic: permits new connections it matches)";
            f.rules.push_back(r);
          }
          continue;
        }
        auto it = c.acls.find(u.acl);
        if (it == c.acls.end()) {
          c.note(f.name + ": access-list " + u.acl + " is not defined (matches nothing)", u.ref);
          continue;
        }
        for (const auto& e : it->second) f.rules.push_back(e.rule);
      }
      if (dir == 0) {
        // Inbound filter and `ip napt service` forwards on one interface: whether the filter sees
        // the public or the inside address is not settled, so each forward may pass (fail closed).
        std::vector<model::FilterRule> maybe;
        for (const auto& nr : c.dev.nat) {
          if (nr.kind != model::NatKind::StaticPort || lower(nr.mapped_interface_name) != lower(ifn))
            continue;
          model::FilterRule r;
          r.action = model::Action::Permit;
          r.understood = false;
          r.why_not_understood = "order of ip filter and ip napt service on this interface not settled";
          model::ServiceMatch sm;
          if (nr.protocol) sm.protocol = nr.protocol;
          if (nr.mapped_port) sm.dst_ports = {{nr.mapped_port, nr.mapped_port}};
          r.services = {sm};
          r.text = nr.text;
          r.src_ref = nr.src_ref;
          maybe.push_back(r);
        }
        f.rules.insert(f.rules.begin(), maybe.begin(), maybe.end());
      }
      for (auto& i : c.dev.interfaces)
        if (i.name == ifn) {
          (dir == 0 ? i.filter_in : i.filter_out) = f.name;
          (dir == 0 ? i.filter_in_ref : i.filter_out_ref) = list.front().ref;
        }
      c.dev.filters[f.name] = f;
    }
  }
}

}  // namespace gp::parsers::nec
