// FortiOS firewall objects: addresses, address groups, services and service groups (with the
// factory-default services), VIPs, VIP groups and IP pools; their expansion for policies.
#include <sstream>

#include "parsers/fortigate/internal.h"

namespace gp::parsers::fgt {

using model::LineContext;
using model::ServiceMatch;

namespace {

bool common_ignorable(const std::string& k) {
  return k == "uuid" || k == "comment" || k == "comments" || k == "color" || k == "visibility" ||
         k == "category" || k == "fabric-object" || k == "allow-routing" || k == "associated-interface" ||
         k == "tagging" || k == "sdn" || k == "list" || k == "cache-ttl" || k == "session-ttl" ||
         k == "check-reset-range" || k == "proxy" || k == "app-service-type" || k == "app-category" ||
         k == "application" || k == "helper" || k == "interface" || k == "tcp-halfclose-timer" ||
         k == "tcp-halfopen-timer" || k == "tcp-timewait-timer" || k == "udp-idle-timer" ||
         k == "tcp-rst-timer" || k == "dynamic_mapping" || k == "arp-reply" || k == "nat-source-vip" ||
         k == "gratuitous-arp-interval" || k == "ldb-method" || k == "http-redirect" ||
         k == "http-multiplex" || k == "ssl-mode" || k == "type" || k == "obj-type" || k == "subnet-name" ||
         k == "clearpass-spt" || k == "node-ip-only" || k == "route-tag" || k == "source-ip" ||
         k == "sub-type" || k == "dirty" || k == "fsso-group" || k == "policy-group" || k == "epg-name" ||
         k == "tenant" || k == "organization" || k == "permit-any-host" || k == "nat64" || k == "nat46" ||
         k == "add-nat46-route" || k == "add-nat64-route";
}

// Reads "set k ..." children of an edit entry: `handle` returns true for keys it reads; other
// keys are ignored when harmless, else unrecognised.
template <class F>
void read_entry(Ctx& c, const Node& e, LineContext ctx, const std::string& name, bool affects, F handle) {
  c.rec(e);
  for (const auto& s : e.children) {
    if ((s.kind == Node::Kind::Set || s.kind == Node::Kind::Unset) && !s.words.empty()) {
      if (handle(s)) {
        c.rec(s);
      } else if (common_ignorable(s.words[0]) || s.kind == Node::Kind::Unset) {
        c.ign(s);
      } else {
        c.unrec(s, ctx, name, affects);
      }
    } else if (s.kind == Node::Kind::Config) {
      c.ign_tree(s);  // nested tables (tagging, dynamic mappings, realservers...)
    } else {
      c.unrec_tree(s, ctx, name, affects);
    }
  }
}

std::string type_of(const Node& e) {
  if (const Node* t = e.find_set("type"); t && t->words.size() >= 2) return t->words[1];
  return "ipmask";
}

}  // namespace

void read_addresses(Ctx& c, const Node& cfg, const std::string& vdom) {
  c.rec(cfg);
  auto& v = c.vd(vdom);
  for (const auto& e : cfg.children) {
    if (e.kind != Node::Kind::Edit || e.words.empty()) {
      c.unrec_tree(e, LineContext::Filter, "firewall address");
      continue;
    }
    const std::string name = e.words[0];
    const std::string type = type_of(e);
    AddrSet set;
    bool body = false;
    std::optional<Ipv4> start, end;
    read_entry(c, e, LineContext::Filter, "address " + name, true, [&](const Node& s) {
      const Words& w = s.words;
      const std::string& k = w[0];
      if (s.kind == Node::Kind::Unset) return false;
      if (k == "subnet") {
        auto p = read_ip_mask(w, 1);
        if (!p) return false;
        if (type == "ipmask" || type == "interface-subnet") set.v4.push_back(AddrMatch::of(*p));
        body = true;
        return true;
      }
      if (k == "start-ip" || k == "end-ip") {
        auto a = w.size() >= 2 ? parse_ipv4(w[1]) : std::nullopt;
        if (!a) return false;
        (k == "start-ip" ? start : end) = *a;
        return true;
      }
      if (k == "wildcard" && type == "wildcard") {
        auto a = w.size() >= 3 ? parse_ipv4(w[1]) : std::nullopt;
        auto m = w.size() >= 3 ? parse_ipv4(w[2]) : std::nullopt;
        if (!a || !m) return false;
        set.v4.push_back(AddrMatch{*a & *m, ~*m});  // FortiOS wildcard: a mask of cared-for bits
        body = true;
        return true;
      }
      if (k == "fqdn" || k == "wildcard-fqdn" || k == "country" || k == "macaddr" || k == "start-mac" ||
          k == "end-mac" || k == "filter" || k == "sdn-addr-type" || k == "wildcard")
        return true;  // the type decides; these are read as "not understood" below
      return false;
    });
    if (type == "iprange") {
      if (start) {
        for (const auto& p : range_to_prefixes_any_order(*start, end ? *end : *start))
          set.v4.push_back(AddrMatch::of(p));
      } else {
        set.fail("address " + name + ": iprange without start-ip");
      }
    } else if (type == "ipmask" || type == "interface-subnet") {
      if (!body) set.v4.push_back(AddrMatch::any());  // FortiOS default subnet 0.0.0.0 0.0.0.0
    } else if (type != "wildcard") {
      set.fail("address " + name + " of type " + type + " (resolved at run time)");
    }
    v.addrs[name] = set;
    v.addr_refs[name] = c.ref(e);
  }
}

void read_addrgrps(Ctx& c, const Node& cfg, const std::string& vdom, bool vip) {
  c.rec(cfg);
  auto& v = c.vd(vdom);
  for (const auto& e : cfg.children) {
    if (e.kind != Node::Kind::Edit || e.words.empty()) {
      c.unrec_tree(e, LineContext::Filter, "addrgrp");
      continue;
    }
    Group g;
    g.ref = c.ref(e);
    read_entry(c, e, LineContext::Filter, "addrgrp " + e.words[0], true, [&](const Node& s) {
      const Words& w = s.words;
      if (s.kind == Node::Kind::Unset) return false;
      if (w[0] == "member") {
        g.members.assign(w.begin() + 1, w.end());
        return true;
      }
      if (w[0] == "exclude") {
        g.exclude = w.size() >= 2 && w[1] == "enable";
        return true;
      }
      return w[0] == "exclude-member";
    });
    (vip ? v.vipgrps : v.addrgrps)[e.words[0]] = g;
  }
}

namespace {

// "80", "80-90", "80:1024-65535" (destination[:source]).
bool read_portrange(const std::string& w, int proto, std::vector<ServiceMatch>& out) {
  auto range = [](const std::string& t) -> std::optional<model::PortRange> {
    auto dash = t.find('-');
    auto lo = number(t.substr(0, dash), 65535);
    auto hi = dash == std::string::npos ? lo : number(t.substr(dash + 1), 65535);
    if (!lo || !hi) return std::nullopt;
    return model::PortRange{static_cast<uint16_t>(std::min(*lo, *hi)),
                            static_cast<uint16_t>(std::max(*lo, *hi))};
  };
  auto colon = w.find(':');
  auto dst = range(w.substr(0, colon));
  if (!dst) return false;
  ServiceMatch m;
  m.protocol = proto;
  if (!(dst->lo <= 1 && dst->hi == 65535)) m.dst_ports.push_back(*dst);
  if (colon != std::string::npos) {
    auto src = range(w.substr(colon + 1));
    if (!src) return false;
    if (!(src->lo <= 1 && src->hi == 65535)) m.src_ports.push_back(*src);
  }
  out.push_back(m);
  return true;
}

SvcSet spec_service(const std::string& spec) {
  // "tcp:80,8080-8081 udp:53 icmp:8 icmp: ip: proto:47"
  SvcSet s;
  std::istringstream in(spec);
  std::string part;
  while (in >> part) {
    auto colon = part.find(':');
    std::string kind = part.substr(0, colon);
    std::string val = colon == std::string::npos ? "" : part.substr(colon + 1);
    if (kind == "ip") {
      s.terms.push_back(ServiceMatch{});
    } else if (kind == "proto") {
      ServiceMatch m;
      m.protocol = *number(val, 255);
      s.terms.push_back(m);
    } else if (kind == "icmp") {
      ServiceMatch m;
      m.protocol = model::proto::kIcmp;
      if (!val.empty()) m.icmp_type = *number(val, 255);
      s.terms.push_back(m);
    } else {
      int proto = kind == "tcp" ? 6 : kind == "udp" ? 17 : 132;
      std::istringstream ps(val);
      std::string r;
      while (std::getline(ps, r, ',')) read_portrange(r, proto, s.terms);
    }
  }
  return s;
}

// FortiOS factory-default services (firewall service custom of a new VDOM, 6.4-7.4).
const std::map<std::string, SvcSet>& defaults() {
  static const std::map<std::string, SvcSet> m = [] {
    const std::pair<const char*, const char*> t[] = {
        {"ALL", "ip:"},
        {"ALL_TCP", "tcp:1-65535"},
        {"ALL_UDP", "udp:1-65535"},
        {"ALL_ICMP", "icmp:"},
        {"ALL_ICMP6", ""},
        {"GRE", "proto:47"},
        {"AH", "proto:51"},
        {"ESP", "proto:50"},
        {"AOL", "tcp:5190-5194"},
        {"BGP", "tcp:179"},
        {"DHCP", "udp:67-68"},
        {"DNS", "tcp:53 udp:53"},
        {"FINGER", "tcp:79"},
        {"FTP", "tcp:21"},
        {"FTP_GET", "tcp:21"},
        {"FTP_PUT", "tcp:21"},
        {"GOPHER", "tcp:70"},
        {"H323", "tcp:1720,1503 udp:1719"},
        {"HTTP", "tcp:80"},
        {"HTTPS", "tcp:443"},
        {"IKE", "udp:500,4500"},
        {"IMAP", "tcp:143"},
        {"IMAPS", "tcp:993"},
        {"Internet-Locator-Service", "tcp:389"},
        {"IRC", "tcp:6660-6669"},
        {"L2TP", "tcp:1701 udp:1701"},
        {"LDAP", "tcp:389"},
        {"NetMeeting", "tcp:1720"},
        {"NFS", "tcp:111,2049 udp:111,2049"},
        {"NNTP", "tcp:119"},
        {"NTP", "tcp:123 udp:123"},
        {"OSPF", "proto:89"},
        {"PC-Anywhere", "tcp:5631 udp:5632"},
        {"PING", "icmp:8"},
        {"TIMESTAMP", "icmp:13"},
        {"INFO_REQUEST", "icmp:15"},
        {"INFO_ADDRESS", "icmp:17"},
        {"ONC-RPC", "tcp:111 udp:111"},
        {"DCE-RPC", "tcp:135 udp:135"},
        {"POP3", "tcp:110"},
        {"POP3S", "tcp:995"},
        {"PPTP", "tcp:1723"},
        {"QUAKE", "udp:26000,27000,27910,27960"},
        {"RAUDIO", "udp:7070"},
        {"REXEC", "tcp:512"},
        {"RIP", "udp:520"},
        {"RLOGIN", "tcp:513:512-1023"},
        {"RSH", "tcp:514:512-1023"},
        {"SCCP", "tcp:2000"},
        {"SIP", "tcp:5060 udp:5060"},
        {"SIP-MSNmessenger", "tcp:1863"},
        {"SAMBA", "tcp:139"},
        {"SMTP", "tcp:25"},
        {"SMTPS", "tcp:465"},
        {"SNMP", "tcp:161-162 udp:161-162"},
        {"SSH", "tcp:22"},
        {"SYSLOG", "udp:514"},
        {"TALK", "udp:517-518"},
        {"TELNET", "tcp:23"},
        {"TFTP", "udp:69"},
        {"MGCP", "udp:2427,2727"},
        {"UUCP", "tcp:540"},
        {"VDOLIVE", "tcp:7000-7010"},
        {"WAIS", "tcp:210"},
        {"WINFRAME", "tcp:1494,2598"},
        {"X-WINDOWS", "tcp:6000-6063"},
        {"PING6", ""},
        {"MS-SQL", "tcp:1433,1434"},
        {"MYSQL", "tcp:3306"},
        {"RDP", "tcp:3389"},
        {"VNC", "tcp:5900"},
        {"DHCP6", ""},
        {"SQUID", "tcp:3128"},
        {"SOCKS", "tcp:1080 udp:1080"},
        {"WINS", "tcp:1512 udp:1512"},
        {"RADIUS", "udp:1812,1813"},
        {"RADIUS-OLD", "udp:1645,1646"},
        {"CVSPSERVER", "tcp:2401 udp:2401"},
        {"AFS3", "tcp:7000-7009 udp:7000-7009"},
        {"TRACEROUTE", "udp:33434-33535"},
        {"RTSP", "tcp:554,7070,8554 udp:554"},
        {"MMS", "tcp:1755 udp:1024-5000"},
        {"KERBEROS", "tcp:88 udp:88"},
        {"LDAP_UDP", "udp:389"},
        {"SMB", "tcp:445"},
        {"NONE", ""},
    };
    std::map<std::string, SvcSet> out;
    for (const auto& [n, spec] : t) out[n] = spec_service(spec);
    return out;
  }();
  return m;
}

}  // namespace

const SvcSet* default_service(const std::string& name) {
  auto it = defaults().find(name);
  return it == defaults().end() ? nullptr : &it->second;
}

void read_services(Ctx& c, const Node& cfg, const std::string& vdom) {
  c.rec(cfg);
  auto& v = c.vd(vdom);
  for (const auto& e : cfg.children) {
    if (e.kind != Node::Kind::Edit || e.words.empty()) {
      c.unrec_tree(e, LineContext::Filter, "firewall service custom");
      continue;
    }
    const std::string name = e.words[0];
    std::string protocol = "TCP/UDP/SCTP";
    if (const Node* p = e.find_set("protocol"); p && p->words.size() >= 2) protocol = p->words[1];
    SvcSet set;
    std::optional<int> icmp_type, icmp_code, proto_number;
    read_entry(c, e, LineContext::Filter, "service " + name, true, [&](const Node& s) {
      const Words& w = s.words;
      const std::string& k = w[0];
      if (s.kind == Node::Kind::Unset) return k == "icmpcode" || k == "icmptype";
      if (k == "protocol") return true;
      if (k == "tcp-portrange" || k == "udp-portrange" || k == "sctp-portrange") {
        int proto = k[0] == 't' ? 6 : k[0] == 'u' ? 17 : 132;
        for (size_t i = 1; i < w.size(); ++i)
          if (!read_portrange(w[i], proto, set.terms)) set.fail("service " + name + ": port range " + w[i]);
        return true;
      }
      if (k == "icmptype" || k == "icmpcode") {
        auto n = w.size() >= 2 ? number(w[1], 255) : std::nullopt;
        if (!n) return false;
        (k == "icmptype" ? icmp_type : icmp_code) = n;
        return true;
      }
      if (k == "protocol-number") {
        proto_number = w.size() >= 2 ? number(w[1], 255) : std::nullopt;
        return proto_number.has_value();
      }
      if (k == "iprange" || k == "fqdn") {
        if (!(w.size() >= 2 && (w[1] == "0.0.0.0" || w[1].empty())))
          set.fail("service " + name + " limited to a destination (" + k + ")");
        return true;
      }
      return false;
    });
    if (protocol == "ICMP") {
      ServiceMatch m;
      m.protocol = model::proto::kIcmp;
      m.icmp_type = icmp_type;
      if (icmp_type) m.icmp_code = icmp_code;
      set.terms.push_back(m);
    } else if (protocol == "IP") {
      ServiceMatch m;
      if (proto_number && *proto_number != 0) m.protocol = *proto_number;
      set.terms.push_back(m);
    } else if (protocol == "ICMP6") {
      // IPv6 only: matches no IPv4 packet.
    } else if (protocol == "ALL") {
      set.terms.push_back(ServiceMatch{});
    } else if (protocol != "TCP/UDP/SCTP" && protocol != "TCP/UDP/UDP-Lite/SCTP") {
      set.fail("service " + name + " of protocol " + protocol + " (explicit proxy)");
    }
    v.services[name] = set;
  }
}

void read_svcgrps(Ctx& c, const Node& cfg, const std::string& vdom) {
  c.rec(cfg);
  auto& v = c.vd(vdom);
  for (const auto& e : cfg.children) {
    if (e.kind != Node::Kind::Edit || e.words.empty()) {
      c.unrec_tree(e, LineContext::Filter, "firewall service group");
      continue;
    }
    Group g;
    g.ref = c.ref(e);
    read_entry(c, e, LineContext::Filter, "service group " + e.words[0], true, [&](const Node& s) {
      if (s.kind == Node::Kind::Set && s.words[0] == "member") {
        g.members.assign(s.words.begin() + 1, s.words.end());
        return true;
      }
      return false;
    });
    v.svcgrps[e.words[0]] = g;
  }
}

void read_vips(Ctx& c, const Node& cfg, const std::string& vdom) {
  c.rec(cfg);
  auto& v = c.vd(vdom);
  for (const auto& e : cfg.children) {
    if (e.kind != Node::Kind::Edit || e.words.empty()) {
      c.unrec_tree(e, LineContext::Nat, "firewall vip");
      continue;
    }
    Vip vip;
    vip.name = e.words[0];
    vip.ref = c.ref(e);
    std::string type = "static-nat";
    if (const Node* t = e.find_set("type"); t && t->words.size() >= 2) type = t->words[1];
    if (type != "static-nat") vip.ok = false, vip.why = "VIP " + vip.name + " of type " + type;
    read_entry(c, e, LineContext::Nat, "vip " + vip.name, true, [&](const Node& s) {
      const Words& w = s.words;
      const std::string& k = w[0];
      if (s.kind == Node::Kind::Unset) return false;
      if (k == "extip" && w.size() >= 2) {
        auto r = read_range(w[1]);
        if (!r) return false;
        if (r->first != r->second) {
          vip.ok = false;
          vip.why = "VIP " + vip.name + " with an external range";
        }
        vip.ext = Prefix{r->first, 32};
        return true;
      }
      if (k == "mappedip" && w.size() >= 2) {
        for (size_t i = 1; i < w.size(); ++i) {
          auto r = read_range(w[i]);
          if (!r) {
            auto p = read_ip_mask(w, i);
            if (!p) return false;
            r = std::make_pair(p->network(), p->network() | ~p->mask());
          }
          if (i == 1) vip.mapped_first = r->first;
          for (const auto& p : range_to_prefixes_any_order(r->first, r->second)) vip.mapped.push_back(p);
        }
        vip.mapped_single = w.size() == 2 && vip.mapped.size() == 1 && vip.mapped[0].len == 32;
        return true;
      }
      if (k == "extintf" && w.size() >= 2) {
        vip.extintf = w[1];
        return true;
      }
      if (k == "portforward") {
        vip.portforward = w.size() >= 2 && w[1] == "enable";
        return true;
      }
      if (k == "protocol" && w.size() >= 2) {
        vip.protocol = w[1] == "tcp" ? 6 : w[1] == "udp" ? 17 : w[1] == "sctp" ? 132 : w[1] == "icmp" ? 1 : 0;
        return true;
      }
      if (k == "extport" && w.size() >= 2) {
        vip.extport = w[1];
        return true;
      }
      if (k == "mappedport" && w.size() >= 2) {
        vip.mappedport = w[1];
        return true;
      }
      if (k == "src-filter" || k == "service") {
        // Limits which packets the VIP translates: modelled as translating all of them.
        c.note("VIP " + vip.name + ": '" + k +
                   "' restriction not modelled (translation assumed for every source)",
               c.ref(s));
        return true;
      }
      return k == "type" || k == "ldb-method" || k == "nat-source-vip" || k == "arp-reply";
    });
    if (vip.mapped.empty() && vip.ok) {
      vip.ok = false;
      vip.why = "VIP " + vip.name + " without mappedip";
    }
    v.vips[vip.name] = vip;
  }
}

void read_ippools(Ctx& c, const Node& cfg, const std::string& vdom) {
  c.rec(cfg);
  auto& v = c.vd(vdom);
  for (const auto& e : cfg.children) {
    if (e.kind != Node::Kind::Edit || e.words.empty()) {
      c.unrec_tree(e, LineContext::Nat, "firewall ippool");
      continue;
    }
    Pool p;
    p.ref = c.ref(e);
    std::optional<Ipv4> lo, hi;
    read_entry(c, e, LineContext::Nat, "ippool " + e.words[0], true, [&](const Node& s) {
      const Words& w = s.words;
      if (s.kind == Node::Kind::Unset) return false;
      if ((w[0] == "startip" || w[0] == "endip") && w.size() >= 2) {
        auto a = parse_ipv4(w[1]);
        if (!a) return false;
        (w[0] == "startip" ? lo : hi) = *a;
        return true;
      }
      if (w[0] == "type" && w.size() >= 2) {
        p.type = w[1];
        return true;
      }
      return w[0] == "arp-reply" || w[0] == "source-startip" || w[0] == "source-endip" ||
             w[0] == "block-size" || w[0] == "num-blocks-per-user" || w[0] == "pba-timeout" ||
             w[0] == "permit-any-host" || w[0] == "arp-intf" || w[0] == "associated-interface";
    });
    if (lo) {
      p.lo = *lo;
      p.hi = hi ? *hi : *lo;
      p.ok = true;
    }
    v.pools[e.words[0]] = p;
  }
}

bool is_vip(const Ctx& c, const std::string& vdom, const std::string& name) {
  auto it = c.vdoms.find(vdom);
  if (it == c.vdoms.end()) return false;
  return it->second.vips.count(name) || it->second.vipgrps.count(name);
}

namespace {
// Names read for one expansion, at most: a group named along many paths (each level naming the
// next twice) is read once per path, which without a bound is exponential in the nesting depth.
constexpr long kMaxExpansion = 100000;

AddrSet expand_addr_within(const Ctx& c, const std::string& vdom, const std::string& name, bool dst,
                           int depth, long& budget) {
  AddrSet out;
  if (depth > 16) {
    out.fail("address group nesting too deep (a cycle?) at " + name);
    return out;
  }
  if (--budget < 0) {
    out.fail("address group expansion reads more than " + std::to_string(kMaxExpansion) + " names at " +
             name);
    return out;
  }
  auto vit = c.vdoms.find(vdom);
  static const Vdom empty;
  const Vdom& v = vit == c.vdoms.end() ? empty : vit->second;
  if (auto it = v.addrs.find(name); it != v.addrs.end()) return it->second;
  if (auto it = v.addrgrps.find(name); it != v.addrgrps.end()) {
    if (it->second.exclude) out.fail("address group " + name + " with excluded members");
    for (const auto& m : it->second.members) out.add(expand_addr_within(c, vdom, m, dst, depth + 1, budget));
    return out;
  }
  if (auto it = v.vips.find(name); it != v.vips.end()) {
    // A policy matches VIP traffic after destination translation: the mapped addresses.
    const Vip& vip = it->second;
    for (const auto& p : vip.mapped) out.v4.push_back(AddrMatch::of(p));
    if (!dst) out.fail("VIP " + name + " used as a source address");
    return out;
  }
  if (auto it = v.vipgrps.find(name); it != v.vipgrps.end()) {
    for (const auto& m : it->second.members) out.add(expand_addr_within(c, vdom, m, dst, depth + 1, budget));
    return out;
  }
  if (name == "all") {
    out.v4.push_back(AddrMatch::any());
    return out;
  }
  if (name == "none") return out;
  out.fail("address " + name + " is not defined");
  return out;
}

SvcSet expand_svc_within(const Ctx& c, const std::string& vdom, const std::string& name, int depth,
                         long& budget) {
  SvcSet out;
  if (depth > 16) {
    out.fail("service group nesting too deep (a cycle?) at " + name);
    return out;
  }
  if (--budget < 0) {
    out.fail("service group expansion reads more than " + std::to_string(kMaxExpansion) + " names at " +
             name);
    return out;
  }
  auto vit = c.vdoms.find(vdom);
  if (vit != c.vdoms.end()) {
    const Vdom& v = vit->second;
    if (auto it = v.services.find(name); it != v.services.end()) return it->second;
    if (auto it = v.svcgrps.find(name); it != v.svcgrps.end()) {
      for (const auto& m : it->second.members) out.add(expand_svc_within(c, vdom, m, depth + 1, budget));
      return out;
    }
  }
  if (const SvcSet* d = default_service(name)) return *d;
  out.fail("service " + name + " is not defined");
  return out;
}
}  // namespace

AddrSet expand_addr(const Ctx& c, const std::string& vdom, const std::string& name, bool dst, int depth) {
  long budget = kMaxExpansion;
  return expand_addr_within(c, vdom, name, dst, depth, budget);
}

SvcSet expand_svc(const Ctx& c, const std::string& vdom, const std::string& name, int depth) {
  long budget = kMaxExpansion;
  return expand_svc_within(c, vdom, name, depth, budget);
}

}  // namespace gp::parsers::fgt
