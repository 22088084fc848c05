// ASA access-list lines (extended, standard, remark) and access-group bindings.
#include <algorithm>

#include "parsers/cisco_asa/internal.h"

namespace gp::parsers::asa {

using model::Action;
using model::FilterRule;
using model::LineContext;
using model::ServiceMatch;

bool handle_access_list(Ctx& c, const ConfigLine& b, const Words& w) {
  if (w[0] == "clear" && w.size() >= 3 && w[1] == "configure" && w[2] == "access-list") {
    // Script form (generated policies): drops what was defined so far; kept in file order.
    c.acl_lines.push_back({w, b.text, c.ref(b.line)});
    for (const auto& ch : b.children) c.unrecognised_tree(ch, LineContext::Filter, "clear");
    return true;
  }
  if (w[0] != "access-list") return false;
  if (w.size() >= 2 && (w[1] == "alert-interval" || w[1] == "deny-flow-max")) {
    c.ignored_tree(b);  // logging of denied flows
    return true;
  }
  if (w.size() < 3) {
    c.unrecognised_tree(b, LineContext::Filter, w.size() > 1 ? w[1] : "");
    return true;
  }
  c.acl_lines.push_back({w, b.text, c.ref(b.line)});
  // Status is set when the line is read (finish_access_lists). Children are not expected.
  for (const auto& ch : b.children) c.unrecognised_tree(ch, LineContext::Filter, w[1]);
  return true;
}

bool handle_access_group(Ctx& c, const ConfigLine& b, const Words& w) {
  if (w[0] != "access-group") return false;
  // access-group ACL in|out interface NAMEIF [per-user-override|control-plane] | ACL global
  if (w.size() == 3 && w[2] == "global") {
    c.dev.global_filter = w[1];
    c.dev.global_filter_ref = c.ref(b.line);
    c.recognised(b);
    return true;
  }
  if (w.size() >= 5 && (w[2] == "in" || w[2] == "out") && w[3] == "interface") {
    bool control_plane = false;
    bool extra_bad = false;
    for (size_t i = 5; i < w.size(); ++i) {
      if (w[i] == "control-plane")
        control_plane = true;
      else if (w[i] != "per-user-override")
        extra_bad = true;
    }
    model::Interface* ifc = c.by_nameif(w[4]);
    if (!ifc || extra_bad) {
      c.unrecognised(b, LineContext::Filter, w[1]);
      return true;
    }
    if (control_plane) {
      c.note("access-group " + w[1] + " filters traffic to the device itself on " + w[4] +
                 " (control-plane): not a forwarding filter",
             c.ref(b.line));
    } else if (w[2] == "in") {
      ifc->filter_in = w[1];
      ifc->filter_in_ref = c.ref(b.line);
    } else {
      ifc->filter_out = w[1];
      ifc->filter_out_ref = c.ref(b.line);
    }
    c.recognised(b);
    return true;
  }
  c.unrecognised(b, LineContext::Filter, w.size() > 1 ? w[1] : "");
  return true;
}

namespace {

// Reads an extended/standard rule body starting at i (after the action).
void read_extended(const Ctx& c, const Words& w, size_t i, FilterRule& r) {
  auto fail = [&](const std::string& why) {
    if (r.understood) r.why_not_understood = why;
    r.understood = false;
  };
  r.logged = false;  // without "log" an ACE sends no per-rule message
  if (i >= w.size()) return fail("no protocol");

  // --- protocol / service
  std::vector<std::optional<int>> protos;  // nullopt = any protocol
  std::vector<ServiceMatch> services_from_object;
  bool service_object = false;
  std::vector<int> icmp_from_group;
  const std::string& p = w[i];
  if (p == "object" && i + 1 < w.size()) {
    auto s = expand_svc_object(c, w[i + 1]);
    if (!s.ok) fail(s.why);
    services_from_object = s.terms;
    service_object = true;
    i += 2;
  } else if (p == "object-group" && i + 1 < w.size()) {
    auto it = c.groups.find(w[i + 1]);
    if (it != c.groups.end() && it->second.type == GroupType::Protocol) {
      bool ok = true;
      std::string why;
      protos = expand_protocol_group(c, w[i + 1], ok, why);
      if (!ok) fail(why);
    } else {
      auto s = expand_svc_group(c, w[i + 1]);
      if (!s.ok) fail(s.why);
      services_from_object = s.terms;
      service_object = true;
    }
    i += 2;
  } else if (is_ip_any_protocol(p)) {
    protos.push_back(std::nullopt);
    ++i;
  } else if (auto n = protocol_number(p)) {
    protos.push_back(*n);
    ++i;
  } else {
    fail("unknown protocol '" + p + "'");
    return;
  }

  // Identity firewall / TrustSec source qualifiers: not modelled.
  if (i < w.size() && (w[i] == "user" || w[i] == "user-group" || w[i] == "object-group-user" ||
                       w[i] == "security-group" || w[i] == "object-group-security")) {
    return fail("identity/security-group condition '" + w[i] + "' is not modelled");
  }

  const bool port_proto = std::any_of(protos.begin(), protos.end(), [](const auto& x) {
    return x && (*x == model::proto::kTcp || *x == model::proto::kUdp || *x == 132);
  });
  const bool icmp_proto = protos.size() == 1 && protos[0] && *protos[0] == model::proto::kIcmp;

  // --- source
  AddrSet src = read_address(c, w, i);
  if (!src.ok) fail(src.why);

  // --- source ports
  std::vector<model::PortRange> sports, dports;
  auto read_ports = [&](std::vector<model::PortRange>& into) {
    if (i >= w.size()) return;
    if (auto ps = read_port_op(w, i)) {
      if (!ps->ok) fail(ps->why);
      into = ps->ranges;
      return;
    }
    if (w[i] == "object-group" && i + 1 < w.size()) {
      auto it = c.groups.find(w[i + 1]);
      if (it != c.groups.end() && it->second.type == GroupType::ServicePorts) {
        auto ps = expand_port_group(c, w[i + 1]);
        if (!ps.ok) fail(ps.why);
        into = ps.ranges;
        i += 2;
      }
    }
  };
  if (port_proto) read_ports(sports);

  // --- destination
  AddrSet dst = read_address(c, w, i);
  if (!dst.ok) fail(dst.why);

  // --- destination ports / icmp type
  std::optional<int> icmp_type, icmp_code;
  if (port_proto) {
    read_ports(dports);
  } else if (icmp_proto && i < w.size()) {
    if (w[i] == "object-group" && i + 1 < w.size()) {
      bool ok = true;
      std::string why;
      icmp_from_group = expand_icmp_group(c, w[i + 1], ok, why);
      if (!ok) fail(why);
      i += 2;
    } else if (auto t = icmp_type_number(w[i]); t && w[i] != "log") {
      icmp_type = *t;
      ++i;
      if (i < w.size() && w[i].find_first_not_of("0123456789") == std::string::npos) {
        icmp_code = protocol_number(w[i]);
        ++i;
      }
    }
  }

  // --- options
  while (i < w.size()) {
    const std::string& o = w[i];
    if (o == "log") {
      ++i;
      // log [LEVEL] [interval SECS] | log disable | log default
      static const char* kLevels[] = {"emergencies",   "alerts",        "critical",  "errors",  "warnings",
                                      "notifications", "informational", "debugging", "disable", "default"};
      // "log disable" / "log default": no per-rule message (the default logs only denies, as 106023).
      r.logged = !(i < w.size() && (w[i] == "disable" || w[i] == "default"));
      if (i < w.size()) {
        bool lvl = w[i].size() == 1 && w[i][0] >= '0' && w[i][0] <= '7';
        for (const char* l : kLevels) lvl = lvl || w[i] == l;
        if (lvl) ++i;
      }
      if (i + 1 < w.size() && w[i] == "interval") i += 2;
    } else if (o == "inactive") {
      r.inactive = true;
      ++i;
    } else if (o == "time-range" && i + 1 < w.size()) {
      fail("time-range " + w[i + 1] + ": active only at times we cannot know");
      i += 2;
    } else {
      fail("unexpected words '" + join(w, i) + "'");
      break;
    }
  }

  // --- assemble
  r.src = src.v4;
  r.dst = dst.v4;
  r.services.clear();
  if (service_object) {
    if (!sports.empty() || !dports.empty()) fail("ports given both in a service object and on the line");
    r.services = services_from_object;
  } else {
    for (const auto& pr : protos) {
      ServiceMatch sm;
      sm.protocol = pr;
      sm.src_ports = sports;
      sm.dst_ports = dports;
      if (!icmp_from_group.empty()) {
        for (int t : icmp_from_group) {
          ServiceMatch x = sm;
          x.icmp_type = t;
          r.services.push_back(x);
        }
        continue;
      }
      sm.icmp_type = icmp_type;
      sm.icmp_code = icmp_code;
      r.services.push_back(sm);
    }
  }
}

}  // namespace

void finish_access_lists(Ctx& c) {
  for (const auto& l : c.acl_lines) {
    const Words& w = l.words;
    if (w[0] == "clear") {
      if (w.size() == 4)
        c.acls[w[3]].clear();
      else
        for (auto& [n, e] : c.acls) e.clear();
      c.recognised(l.ref.line);
      continue;
    }
    const std::string& name = w[1];
    size_t i = 2;
    if (!c.acl_first_ref.count(name)) c.acl_first_ref[name] = l.ref;
    auto& entries = c.acls[name];
    std::optional<size_t> insert_at;
    if (i + 1 < w.size() && w[i] == "line") {
      auto n = port_number(w[i + 1]);
      if (n && *n >= 1) insert_at = static_cast<size_t>(*n - 1);
      i += 2;
    }
    AclEntry e;
    FilterRule& r = e.rule;
    r.text = quote_config_text(l.text);
    r.src_ref = l.ref;
    if (i < w.size() && w[i] == "remark") {
      e.remark = true;
    } else if (i < w.size() && (w[i] == "extended" || w[i] == "standard") && i + 1 < w.size() &&
               (w[i + 1] == "permit" || w[i + 1] == "deny")) {
      const bool standard = w[i] == "standard";
      r.action = w[i + 1] == "permit" ? Action::Permit : Action::Deny;
      i += 2;
      if (standard) {
        // Standard ASA ACLs (split tunnel, route-maps) match the destination.
        AddrSet d = read_address(c, w, i);
        r.dst = d.v4;
        r.src = {AddrMatch::any()};
        if (!d.ok) {
          r.understood = false;
          r.why_not_understood = d.why;
        } else if (i != w.size()) {
          r.understood = false;
          r.why_not_understood = "unexpected words '" + join(w, i) + "'";
        }
      } else {
        read_extended(c, w, i, r);
      }
    } else if (i < w.size() && (w[i] == "permit" || w[i] == "deny")) {
      // Pre-7.0 style without "extended": same body.
      r.action = w[i] == "permit" ? Action::Permit : Action::Deny;
      read_extended(c, w, i + 1, r);
    } else {
      // ethertype, webtype, rule-engine, ...: keep the position, fail closed.
      r.action = Action::Deny;
      r.understood = false;
      r.why_not_understood =
          "access-list form '" + (i < w.size() ? w[i] : std::string()) + "' is not modelled";
      if (i < w.size() && (w[i] == "permit" || w[i] == "deny"))
        r.action = w[i] == "permit" ? Action::Permit : Action::Deny;
    }
    if (r.understood && !e.remark && (r.src.empty() || r.dst.empty()))
      c.note("access-list " + name +
                 " rule is IPv6-only (any6 / IPv6 address): matches no IPv4 "
                 "packet",
             l.ref);
    if (r.understood) {
      c.recognised(l.ref.line);
    } else {
      model::UnrecognisedLine u;
      u.src_ref = l.ref;
      u.text = r.text;
      u.context = LineContext::Filter;
      u.context_name = name;
      u.affects_forwarding = true;
      c.dev.unrecognised.push_back(u);
      c.status[l.ref.line] = model::LineStatus::Unrecognised;
    }
    if (insert_at && *insert_at < entries.size())
      entries.insert(entries.begin() + static_cast<long>(*insert_at), std::move(e));
    else
      entries.push_back(std::move(e));
  }
  for (auto& [name, entries] : c.acls) {
    model::Filter f;
    f.name = name;
    f.default_action = Action::Deny;
    f.src_ref = c.acl_first_ref[name];
    for (auto& e : entries)
      if (!e.remark) f.rules.push_back(std::move(e.rule));
    c.dev.filters[name] = std::move(f);
  }
  // Filters referenced but never defined: the ASA refuses to bind an undefined ACL, so the
  // binding in a saved config means the ACL exists but is empty (implicit deny only) — or the
  // file is a fragment. Fail closed: an undefined filter with one not-understood rule.
  auto ensure = [&](const std::string& name, const SourceRef& ref) {
    if (name.empty() || c.dev.filters.count(name)) return;
    model::Filter f;
    f.name = name;
    f.defined = false;
    f.src_ref = ref;
    model::FilterRule r;
    r.understood = false;
    r.why_not_understood = "access-list " + name + " is bound but not defined in this file";
    r.src_ref = ref;
    f.rules.push_back(r);
    c.dev.filters[name] = std::move(f);
  };
  for (const auto& i : c.dev.interfaces) {
    ensure(i.filter_in, i.filter_in_ref);
    ensure(i.filter_out, i.filter_out_ref);
  }
  ensure(c.dev.global_filter, c.dev.global_filter_ref);
}

}  // namespace gp::parsers::asa
