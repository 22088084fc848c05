// `ip filter N ...` (static), `ip filter dynamic N ...` and `ip IF secure filter in|out ...`:
// read line by line, assembled into one model filter per interface and direction at the end.
#include <algorithm>

#include "parsers/yamaha_rtx/internal.h"

namespace gp::parsers::rtx {

bool parse_filter_def(Ctx& c, const Line& l, const Words& w) {
  // ip filter N ACTION SRC [DST [PROTO [SPORT [DPORT]]]]
  auto n = num(w[2]);
  if (!n || w.size() < 5) return false;
  std::string act = lower(w[3]);
  model::FilterRule r;
  r.src_ref = c.ref(l);
  r.text = join(w);
  if (act.rfind("pass", 0) == 0 || act.rfind("restrict", 0) == 0)
    r.action = model::Action::Permit;
  else if (act.rfind("reject", 0) == 0)
    r.action = model::Action::Deny;
  else
    return false;
  // pass-log / reject-log log a match, *-nolog and a plain pass do not (RTX command reference,
  // ip filter); a plain reject's logging is left unknown.
  if (act.size() > 4 && act.compare(act.size() - 4, 4, "-log") == 0)
    r.logged = true;
  else if (act.find("nolog") != std::string::npos || r.action == model::Action::Permit)
    r.logged = false;
  auto fail = [&](const std::string& why) {
    r.understood = false;
    r.why_not_understood = why;
  };
  std::string sf = w.size() > 4 ? w[4] : "*", df = w.size() > 5 ? w[5] : "*", pf = w.size() > 6 ? w[6] : "*",
              spf = w.size() > 7 ? w[7] : "*", dpf = w.size() > 8 ? w[8] : "*";
  if (w.size() > 9) fail("extra words after the destination port");
  if (auto a = filter_addr(sf))
    r.src = *a;
  else
    fail("source address '" + sf + "' is not modelled");
  if (auto a = filter_addr(df))
    r.dst = *a;
  else
    fail("destination address '" + df + "' is not modelled");
  std::string why;
  auto protos = filter_protocols(pf, why);
  if (!protos) {
    fail(why);
  } else {
    r.services.clear();
    bool only_icmp = protos->size() == 1 && protos->front().sm.protocol == model::proto::kIcmp;
    for (auto p : *protos) {
      if (only_icmp) {
        if (spf != "*") {
          auto t = num(spf);
          if (t && *t <= 255)
            p.sm.icmp_type = static_cast<int>(*t);
          else
            fail("ICMP type '" + spf + "'");
        }
        if (dpf != "*") {
          auto t = num(dpf);
          if (t && *t <= 255)
            p.sm.icmp_code = static_cast<int>(*t);
          else
            fail("ICMP code '" + dpf + "'");
        }
      } else if (p.ports) {
        auto s = filter_ports(spf), d = filter_ports(dpf);
        if (!s || !d)
          fail("ports '" + spf + " " + dpf + "' are not modelled");
        else
          p.sm.src_ports = *s, p.sm.dst_ports = *d;
      } else if ((spf != "*" || dpf != "*") && p.sm.protocol != model::proto::kIcmp) {
        if (!p.sm.protocol) fail("ports with protocol '*'");
      }
      r.services.push_back(p.sm);
    }
    if (r.services.empty()) r.services.push_back({});
  }
  if (act.rfind("restrict", 0) == 0)
    r.text += "  (restrict: passes while the line is connected; taken as pass)";
  c.statics[*n] = StaticDef{r};
  return true;
}

bool parse_dynamic_def(Ctx& c, const Line& l, const Words& w) {
  // ip filter dynamic N SRC DST APP [opts] | ... filter L... [in L...] [out L...]
  if (w.size() < 7) return false;
  auto n = num(w[3]);
  if (!n) return false;
  DynamicDef d;
  auto& r = d.rule;
  r.action = model::Action::Permit;
  r.src_ref = c.ref(l);
  r.text = join(w);
  if (auto a = filter_addr(w[4]))
    r.src = *a;
  else
    r.understood = false, r.why_not_understood = "source address '" + w[4] + "'";
  if (auto a = filter_addr(w[5]))
    r.dst = *a;
  else
    r.understood = false, r.why_not_understood = "destination address '" + w[5] + "'";
  if (lower(w[6]) == "filter") {
    for (size_t i = 7; i < w.size(); ++i) {
      std::string x = lower(w[i]);
      if (x == "in" || x == "out") break;  // the return-direction lists: handled by the device
      if (auto v = num(w[i])) d.via.push_back(*v);
    }
    if (d.via.empty()) r.understood = false, r.why_not_understood = "no trigger filter in 'filter' form";
  } else if (auto s = dynamic_app(w[6])) {
    r.services = *s;
  } else {
    r.understood = false;
    r.why_not_understood = "dynamic filter application '" + w[6] + "' is not modelled";
  }
  c.dynamics[*n] = d;
  return true;
}

bool parse_secure_filter(Ctx& c, const Line& l, const Words& w, const std::string& ifc) {
  // ip IF secure filter in|out N... [dynamic D...]
  if (w.size() < 5) return false;
  std::string dir = lower(w[4]);
  if (dir != "in" && dir != "out") return false;
  Apply a;
  a.ifc = ifc;
  a.in = dir == "in";
  a.ref = c.ref(l);
  bool dyn = false;
  for (size_t i = 5; i < w.size(); ++i) {
    if (lower(w[i]) == "dynamic") {
      dyn = true;
      continue;
    }
    auto v = num(w[i]);
    if (!v) return false;
    (dyn ? a.dynamics : a.statics).push_back(*v);
  }
  c.ifc(ifc, c.ref(l));
  // A second line for the same direction replaces the first (the device keeps one list).
  c.applies.erase(std::remove_if(c.applies.begin(), c.applies.end(),
                                 [&](const Apply& x) { return x.ifc == ifc && x.in == a.in; }),
                  c.applies.end());
  c.applies.push_back(a);
  return true;
}

void finish_filters(Ctx& c) {
  for (const auto& a : c.applies) {
    model::Filter f;
    f.name = a.ifc + (a.in ? " secure filter in" : " secure filter out");
    f.src_ref = a.ref;
    f.default_action = model::Action::Deny;  // a list applied: unmatched packets are discarded
    // Whether the device checks dynamic filters before or after the static list is not
    // documented in what we could read. Inbound lists: first (the reading that admits the most
    // new connections, fail closed); outbound lists: as written, after the static numbers.
    auto add_dynamics = [&]() {
      for (auto n : a.dynamics) {
        auto it = c.dynamics.find(n);
        if (it == c.dynamics.end()) {
          c.note(f.name + ": dynamic filter " + std::to_string(n) + " is not defined (matches nothing)",
                 a.ref);
          continue;
        }
        model::FilterRule r = it->second.rule;
        if (!it->second.via.empty()) {
          r.services.clear();
          for (auto v : it->second.via) {
            auto s = c.statics.find(v);
            if (s == c.statics.end() || !s->second.rule.understood) {
              r.understood = false;
              r.why_not_understood = "trigger filter " + std::to_string(v) + " missing or not understood";
              continue;
            }
            for (const auto& sv : s->second.rule.services) r.services.push_back(sv);
          }
          if (r.services.empty()) r.services.push_back({});
        }
        r.text += "  (dynamic: permits new connections it matches)";
        r.outside_list_order = true;
        f.rules.push_back(r);
      }
    };
    if (a.in) add_dynamics();
    for (auto n : a.statics) {
      auto it = c.statics.find(n);
      if (it == c.statics.end()) {
        c.note(f.name + ": filter " + std::to_string(n) + " is not defined (matches nothing)", a.ref);
        continue;
      }
      f.rules.push_back(it->second.rule);
    }
    if (!a.in) add_dynamics();
    auto& i = c.ifc(a.ifc, a.ref);
    // Outbound on a translating interface: Yamaha filters before translating, the prover after.
    bool masq = false;
    for (const auto& [ifn, use] : c.nat_uses)
      if (ifn == a.ifc) {
        auto d = c.nat.find(use.first);
        if (d != c.nat.end() && d->second.type != "none" && !d->second.type.empty()) masq = true;
      }
    if (!a.in && masq)
      for (auto& r : f.rules) {
        bool any_src = r.src.size() == 1 && r.src.front().is_any();
        if (!any_src && r.understood) {
          r.understood = false;
          r.why_not_understood =
              "outbound filter on a NAT interface tests the source before "
              "translation (Yamaha order); the model translates first";
        }
      }
    c.dev.filters[f.name] = f;
    (a.in ? i.filter_in : i.filter_out) = f.name;
    (a.in ? i.filter_in_ref : i.filter_out_ref) = a.ref;
  }
}

}  // namespace gp::parsers::rtx
