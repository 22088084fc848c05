// `nat descriptor ...`: descriptor types, outer addresses, masquerade port forwards, static
// entries, incoming policy; turned into model NAT rules per interface at the end.
#include <set>

#include "parsers/common/address_ranges.h"
#include "parsers/yamaha_rtx/internal.h"

namespace gp::parsers::rtx {

std::vector<std::string> host_list(const Words& w, size_t from) {
  std::vector<std::string> h;
  for (size_t i = from; i < w.size(); ++i) h.push_back(lower(w[i]));
  return h;
}

Res parse_nat(Ctx& c, const Line& l, const Words& w) {
  // nat descriptor ...
  if (w.size() < 5 || lower(w[1]) != "descriptor") return Res::Unrecognised;
  std::string k = lower(w[2]);
  SourceRef r = c.ref(l);
  if (k == "type") {
    auto n = num(w[3]);
    if (!n) return Res::Unrecognised;
    auto& d = c.nat[*n];
    d.type = lower(w[4]);
    d.type_ref = r;
    if (d.type != "masquerade" && d.type != "nat" && d.type != "nat-masquerade" && d.type != "none")
      return Res::Unrecognised;
    return Res::Recognised;
  }
  if (k == "address" && w.size() >= 6) {
    std::string io = lower(w[3]);
    auto n = num(w[4]);
    if (!n) return Res::Unrecognised;
    auto& d = c.nat[*n];
    if (io == "outer") {
      std::string v = lower(w[5]);
      d.outer = v;
      d.outer_ranges.clear();
      if (v != "ipcp" && v != "primary" && v != "secondary") {
        for (size_t j = 5; j < w.size(); ++j) {
          auto dash = w[j].find('-');
          auto lo = parse_ipv4(w[j].substr(0, dash));
          auto hi = dash == std::string::npos ? lo : parse_ipv4(w[j].substr(dash + 1));
          if (!lo || !hi || *lo > *hi) return Res::Unrecognised;
          for (auto p : range_to_prefixes(*lo, *hi)) d.outer_ranges.push_back(p);
        }
      }
      return Res::Recognised;
    }
    if (io == "inner") {
      d.inner.clear();
      for (size_t j = 5; j < w.size(); ++j) {
        if (lower(w[j]) == "auto") {
          d.inner = {AddrMatch::any()};
          break;
        }
        auto a = filter_addr(w[j]);
        if (!a) return Res::Unrecognised;
        d.inner.insert(d.inner.end(), a->begin(), a->end());
      }
      return Res::Recognised;
    }
    return Res::Unrecognised;
  }
  if (k == "masquerade" && w.size() >= 6 && lower(w[3]) == "static") {
    // nat descriptor masquerade static N ID INNER PROTO [[OUTER=]INNER_PORT]
    auto n = num(w[4]);
    if (!n || w.size() < 8) return Res::Unrecognised;
    MasqStatic m;
    m.ref = r;
    m.text = join(w);
    auto ip = parse_ipv4(w[6]);
    if (!ip) return Res::Unrecognised;
    m.inner = *ip;
    std::string p = lower(w[7]);
    if (p == "tcp")
      m.proto = 6;
    else if (p == "udp")
      m.proto = 17;
    else if (p == "esp")
      m.proto = 50;
    else if (p == "icmp")
      m.proto = 1;
    else if (auto v = num(p); v && *v <= 255)
      m.proto = static_cast<int>(*v);
    else
      return Res::Unrecognised;
    if (w.size() >= 9) {
      std::string ports = w[8];
      if (ports.find(',') != std::string::npos || ports.find('-') != std::string::npos) {
        // Lists and ranges: one entry per port when every item is a single port.
        size_t pos = 0;
        bool ok = true;
        std::vector<MasqStatic> many;
        while (pos <= ports.size()) {
          size_t e = ports.find(',', pos);
          std::string item = ports.substr(pos, e == std::string::npos ? std::string::npos : e - pos);
          MasqStatic x = m;
          auto eq = item.find('=');
          auto op = single_port(item.substr(0, eq));
          auto ip2 = eq == std::string::npos ? op : single_port(item.substr(eq + 1));
          if (!op || !ip2)
            ok = false;
          else
            x.outer_port = *op, x.inner_port = *ip2;
          many.push_back(x);
          if (e == std::string::npos) break;
          pos = e + 1;
        }
        if (!ok) {
          m.understood = false;
          m.why = "port list '" + ports + "' is not modelled";
          c.nat[*n].masq.push_back(m);
        } else {
          for (auto& x : many) c.nat[*n].masq.push_back(x);
        }
        return Res::Recognised;
      }
      auto eq = ports.find('=');
      auto op = single_port(ports.substr(0, eq));
      auto ip2 = eq == std::string::npos ? op : single_port(ports.substr(eq + 1));
      if (!op || !ip2) {
        m.understood = false;
        m.why = "port '" + ports + "' is not modelled";
      } else {
        m.outer_port = *op;
        m.inner_port = *ip2;
      }
    }
    c.nat[*n].masq.push_back(m);
    return Res::Recognised;
  }
  if (k == "masquerade" && lower(w[3]) == "incoming" && w.size() >= 6) {
    auto n = num(w[4]);
    if (!n) return Res::Unrecognised;
    auto& d = c.nat[*n];
    d.incoming = lower(w[5]);
    d.incoming_ref = r;
    d.incoming_text = join(w);
    return Res::Recognised;
  }
  if (k == "static" && w.size() >= 6) {
    // nat descriptor static N ID OUTER=INNER [count]
    auto n = num(w[3]);
    if (!n) return Res::Unrecognised;
    auto eq = w[5].find('=');
    if (eq == std::string::npos) return Res::Unrecognised;
    auto o = parse_ipv4(w[5].substr(0, eq)), in = parse_ipv4(w[5].substr(eq + 1));
    if (!o || !in) return Res::Unrecognised;
    NatStatic s;
    s.outer = *o;
    s.inner = *in;
    s.ref = r;
    s.text = join(w);
    if (w.size() >= 7) {
      auto cnt = num(w[6]);
      if (!cnt || *cnt < 1) return Res::Unrecognised;
      s.count = *cnt;
    }
    c.nat[*n].statics.push_back(s);
    return Res::Recognised;
  }
  static const std::set<std::string> ign = {"timer", "log", "masquerade", "ftp", "sip"};
  if (ign.count(k)) return Res::Ignored;  // masquerade port range/rlogin/unconvertible-port etc.
  return Res::Unrecognised;
}

bool own_address(const Ctx& c, Ipv4 a) {
  for (const auto& i : c.dev.interfaces)
    for (const auto& p : i.ipv4)
      if (p.prefix.addr == a) return true;
  return false;
}

void finish_nat(Ctx& c) {
  for (const auto& [ifn, use] : c.nat_uses) {
    auto [n, uref] = use;
    auto it = c.nat.find(n);
    if (it == c.nat.end() || it->second.type.empty()) {
      c.note(ifn + ": nat descriptor " + std::to_string(n) + " has no type (default none: no translation)",
             uref);
      if (it == c.nat.end()) continue;
    }
    const Descriptor& d = it->second;
    // Structured bindings captured by name: clang 14 (the fuzz build) captures them no other way.
    auto base = [&, &ifn = ifn, &uref = uref](model::NatKind k, const SourceRef& r, const std::string& text) {
      model::NatRule nr;
      nr.kind = k;
      nr.mapped_interface_name = ifn;
      nr.src_ref = r;
      nr.decided_ref = uref;
      nr.text = text;
      return nr;
    };
    bool iface_addr = d.outer == "ipcp" || d.outer == "primary" || d.outer == "secondary";
    std::string type = d.type;
    // Static 1:1 entries and masquerade static port forwards (inbound DNAT).
    for (const auto& s : d.statics) {
      auto nr = base(model::NatKind::Static, s.ref, s.text);
      nr.real_src = {AddrMatch::host(s.inner)};
      nr.mapped_src = Prefix{s.outer, 32};
      if (s.count > 1) {
        int len = 32;
        while (len > 0 && (uint64_t{1} << (32 - len)) < static_cast<uint64_t>(s.count)) --len;
        if ((uint64_t{1} << (32 - len)) != static_cast<uint64_t>(s.count) ||
            (s.outer & ~Prefix{0, len}.mask()) || (s.inner & ~Prefix{0, len}.mask())) {
          nr.understood = false;
          nr.why_not_understood = "static NAT block of " + std::to_string(s.count) + " addresses not aligned";
        } else {
          nr.real_src = {AddrMatch::of(Prefix{s.inner, len})};
          nr.mapped_src = Prefix{s.outer, len};
        }
      }
      c.dev.nat.push_back(nr);
    }
    if (type == "masquerade" || type == "nat-masquerade")
      for (const auto& m : d.masq) {
        auto nr = base(model::NatKind::StaticPort, m.ref, m.text);
        nr.real_src = {AddrMatch::host(m.inner)};
        nr.protocol = m.proto;
        if (iface_addr)
          nr.mapped_is_interface = true;
        else if (!d.outer_ranges.empty())
          nr.mapped_src = Prefix{d.outer_ranges.front().addr, 32};
        if (!m.understood) {
          nr.understood = false;
          nr.why_not_understood = m.why;
        } else if (m.proto != 6 && m.proto != 17) {
          if (own_address(c, m.inner)) {
            c.note("masquerade static " + m.text.substr(m.text.find("static")) +
                       ": protocol forwarded to the router itself (not a forward into the network)",
                   m.ref);
            continue;
          }
          if (m.outer_port || m.proto != 50) {
            nr.understood = false;
            nr.why_not_understood = "forward of protocol " + std::to_string(m.proto) + " is not modelled";
          } else {
            nr.understood = false;
            nr.why_not_understood = "ESP forwarded to an inside host is not modelled";
          }
        } else if (!m.outer_port) {
          nr.understood = false;
          nr.why_not_understood = "port forward without a port";
        } else {
          nr.real_port = *m.inner_port;
          nr.mapped_port = *m.outer_port;
        }
        c.dev.nat.push_back(nr);
      }
    if (d.incoming == "through" || d.incoming == "forward") {
      auto nr = base(model::NatKind::Static, d.incoming_ref, d.incoming_text);
      nr.understood = false;
      nr.why_not_understood = "masquerade incoming " + d.incoming +
                              ": unsolicited packets are passed/forwarded inside (not modelled)";
      c.dev.nat.push_back(nr);
    }
    // Outbound source translation.
    if (type == "nat" || type == "nat-masquerade") {
      auto nr =
          base(model::NatKind::Dynamic, d.type_ref, "nat descriptor type " + std::to_string(n) + " " + type);
      nr.real_src = d.inner;
      nr.pool = d.outer_ranges;
      if (!d.outer_ranges.empty())
        nr.mapped_src = Prefix{d.outer_ranges.front().addr, 32};
      else
        nr.mapped_is_interface = true;
      c.dev.nat.push_back(nr);
    }
    if (type == "masquerade" || type == "nat-masquerade") {
      auto nr =
          base(model::NatKind::Pat, d.type_ref, "nat descriptor type " + std::to_string(n) + " " + type);
      nr.real_src = d.inner;
      if (iface_addr || d.outer_ranges.empty())
        nr.mapped_is_interface = true;
      else
        nr.mapped_src = Prefix{d.outer_ranges.front().addr, 32};
      c.dev.nat.push_back(nr);
    }
  }
  bool any_outside = false;
  for (const auto& i : c.dev.interfaces) any_outside |= i.nat_role == model::NatRole::Outside;
  if (any_outside)
    for (auto& i : c.dev.interfaces)
      if (i.nat_role == model::NatRole::None) i.nat_role = model::NatRole::Inside;
}

}  // namespace gp::parsers::rtx
