// NEC UNIVERGE IX parser. The dialect is indentation-structured (`interface GigaEthernet0.1`,
// `ppp profile P`, `device X`, `watch-group W N` blocks) with flat, name-keyed global lists
// (`ip access-list NAME permit|deny ...`, one entry per line, order matters).
//
// Filters: `ip filter ACL SEQ in|out` under an interface applies the ACL; several lines apply in
// SEQ order; once a direction has a filter, unmatched packets are discarded (NEC FAQ / function
// manual, via the runbook cited in the syntax notes). `ip access-list dynamic NAME access TRIG`
// is stateful: it permits new connections matching TRIG (return traffic is the device's).
// Packet path: modelled with the router pipeline (ingress filter, then NAPT). The NEC order of
// `ip filter` and NAPT on the same interface was not settled by the sources we could read; the
// shipped examples write inbound WAN filters against the public address, which fits.
#include "parsers/nec_ix/nec_ix.h"

#include <algorithm>
#include <boost/spirit/home/x3.hpp>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "parsers/cisco_ios/ios_internal.h"
#include "parsers/common/config_blocks.h"
#include "parsers/common/secret_mask.h"

namespace gp::parsers {
namespace {

namespace x3 = boost::spirit::x3;
using model::LineContext;
using Words = std::vector<std::string>;
using ios::lower;

std::optional<long long> num(std::string_view s) {
  long long v = 0;
  auto first = s.begin();
  if (s.empty() || s.size() > 12 || !x3::parse(first, s.end(), x3::long_long, v) || first != s.end() || v < 0)
    return std::nullopt;
  return v;
}

struct AclEntry {
  model::FilterRule rule;
};

struct DynAcl {
  std::string trigger;
  SourceRef ref;
  std::string text;
};

struct FilterUse {
  std::string acl;
  long long seq = 0;
  SourceRef ref;
};

struct Ctx {
  std::string file;
  model::Device dev;
  int recognised = 0;
  std::map<std::string, std::vector<AclEntry>> acls;
  std::map<std::string, DynAcl> dyn_acls;
  std::map<std::string, std::pair<std::vector<FilterUse>, std::vector<FilterUse>>>
      filter_uses;                                     // ifc -> in,out
  std::map<std::string, std::string> ike_policy_peer;  // policy -> "any" / ip
  std::map<std::string, std::vector<Ipv4>> ike_peers;
  std::map<std::string, bool> ike_any;
  std::map<std::string, std::string> ike_proposals;    // name -> text
  std::map<std::string, std::string> ike_policy_prop;  // policy -> proposal name
  std::map<std::string, SourceRef> ike_policy_ref;
  struct Map {
    std::string acl, proposal, ike_policy, text;
    std::vector<Ipv4> peers;
    bool dynamic = false;
    SourceRef ref;
  };
  std::map<std::string, Map> maps;
  std::map<std::string, std::string> tunnel_map;  // tunnel ifc -> map
  struct Svc {
    bool on = false;
    std::string acl;
    SourceRef ref;
  } telnet, ssh, http, snmp;
  std::string snmp_acl;
  std::vector<std::pair<std::string, SourceRef>> napt_ifcs;
  std::vector<std::pair<std::string, SourceRef>> syslog_hosts;  // "syslog ip host X"
  SourceRef syslog_enable;                                      // "syslog ip enable"

  SourceRef ref(const ConfigLine& l) const { return {file, l.line, 0}; }
  void note(const std::string& t, const SourceRef& r) { dev.notes.push_back({t, r}); }
  void ignored(const ConfigLine&) { ++dev.ignored_lines; }
  void ignore_tree(const ConfigLine& l) {
    ignored(l);
    for (const auto& c : l.children) ignore_tree(c);
  }
  void unrec(const ConfigLine& l, LineContext c, const std::string& name, bool affects = true) {
    model::UnrecognisedLine u;
    u.src_ref = ref(l);
    u.text = quote_config_text(l.text);
    u.context = c;
    u.context_name = name;
    u.affects_forwarding = affects;
    dev.unrecognised.push_back(u);
  }
};

model::InterfaceKind kind_of(const std::string& n) {
  std::string l = lower(n);
  if (l.rfind("tunnel", 0) == 0) return model::InterfaceKind::Tunnel;
  if (l.rfind("loopback", 0) == 0) return model::InterfaceKind::Loopback;
  if (l.rfind("null", 0) == 0) return model::InterfaceKind::Null;
  if (l.rfind("bvi", 0) == 0) return model::InterfaceKind::Bvi;
  if (l.rfind("dialer", 0) == 0) return model::InterfaceKind::Dialer;
  auto dot = l.rfind('.');
  if (dot != std::string::npos && l.substr(dot + 1) != "0") return model::InterfaceKind::Subinterface;
  return model::InterfaceKind::Physical;
}

// Canonical case for an interface reference ("gigaethernet0.1" -> "GigaEthernet0.1").
std::string canon_ifc(const Ctx& c, const std::string& ref) {
  for (const auto& i : c.dev.interfaces)
    if (lower(i.name) == lower(ref)) return i.name;
  return ref;
}

bool looks_like_ifc(const std::string& w) {
  std::string l = lower(w);
  for (const char* p : {"gigaethernet", "fastethernet", "tunnel", "loopback", "null", "bvi", "dialer",
                        "usb-serial", "bri", "tengigaethernet"})
    if (l.rfind(p, 0) == 0 && l.size() > std::char_traits<char>::length(p)) return true;
  return false;
}

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
    if (auto v = ios::port_number(lower(s), proto)) return static_cast<uint16_t>(*v);
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
  else if (auto v = ios::protocol_number(p))
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

model::Secret secret(model::SecretKind k, model::SecretStorage st, const std::string& value,
                     const SourceRef& r, const std::string& owner, const std::string& id) {
  model::Secret s;
  s.kind = k;
  s.storage = st;
  s.owner = owner;
  s.storage_id = id;
  s.digest = ios::fnv1a_hex(value);
  if (st == model::SecretStorage::Plain) s.clear_digest = s.digest;  // stored in clear
  s.src_ref = r;
  return s;
}

void parse_interface(Ctx& c, const ConfigLine& l, const Words& w) {
  model::Interface i;
  i.name = w[1];
  i.kind = kind_of(i.name);
  i.src_ref = c.ref(l);
  auto dot = i.name.rfind('.');
  if (i.kind == model::InterfaceKind::Subinterface && dot != std::string::npos)
    i.parent = i.name.substr(0, dot);
  ++c.recognised;
  bool shut_seen = false;
  for (const auto& ch : l.children) {
    Words x = split_words(ch.text);
    if (x.empty()) continue;
    std::string k0 = lower(x[0]), k1 = x.size() > 1 ? lower(x[1]) : "";
    SourceRef r = c.ref(ch);
    bool ok = true;
    if (k0 == "!") {
      c.ignored(ch);
      continue;
    } else if (k0 == "description") {
      i.description = ios::join(x, 1);
    } else if (k0 == "shutdown") {
      i.shutdown = true, i.shutdown_ref = r, shut_seen = true;
    } else if (k0 == "no" && k1 == "shutdown") {
      i.shutdown = false, shut_seen = true;
    } else if (k0 == "no" && k1 == "ip" && x.size() == 3 && lower(x[2]) == "address") {
    } else if (k0 == "ip" && k1 == "address" && x.size() >= 3) {
      std::string v = lower(x[2]);
      if (v == "dhcp")
        i.dhcp_client = true;
      else if (v == "ipcp")
        i.negotiated_address = true;
      else if (auto p = parse_prefix(x[2]); p && x[2].find('/') != std::string::npos)
        i.ipv4.push_back({*p, x.size() > 3 && lower(x[3]) == "secondary", r});
      else
        ok = false;
    } else if (k0 == "ip" && k1 == "unnumbered" && x.size() == 3) {
      i.unnumbered = true, i.unnumbered_from = x[2];
    } else if (k0 == "encapsulation" && x.size() == 2) {
      if (k1 == "pppoe")
        i.pppoe = true;
      else if (k1 != "ppp")
        ok = false;
    } else if (k0 == "ppp" && k1 == "binding") {
    } else if (k0 == "auto-connect" || (k0 == "no" && k1 == "auto-connect")) {
    } else if (k0 == "ip" && k1 == "filter" && x.size() == 5) {
      auto seq = num(x[3]);
      std::string dir = lower(x[4]);
      if (!seq || (dir != "in" && dir != "out"))
        ok = false;
      else
        (dir == "in" ? c.filter_uses[i.name].first : c.filter_uses[i.name].second).push_back({x[2], *seq, r});
    } else if (k0 == "ip" && k1 == "napt" && x.size() >= 3) {
      std::string k2 = lower(x[2]);
      if (k2 == "enable") {
        i.nat_role = model::NatRole::Outside, i.nat_role_ref = r;
        c.napt_ifcs.push_back({i.name, r});
      } else if (k2 == "static" && x.size() >= 5) {
        // to the router itself: the packet stays on the device (IKE/ESP through NAPT)
      } else if (k2 == "service" && x.size() >= 8) {
        // ip napt service NAME INSIDE-IP OUTSIDE-IP|none PROTO PORT [INSIDE-PORT]
        model::NatRule nr;
        nr.kind = model::NatKind::StaticPort;
        nr.mapped_interface_name = i.name;
        nr.src_ref = r;
        nr.text = ch.text;
        auto in_ip = parse_ipv4(x[4]);
        std::string out = lower(x[5]);
        std::string pr = lower(x[6]);
        auto port = num(x[7]);
        auto inport = x.size() > 8 ? num(x[8]) : port;
        if (!in_ip || !port || *port > 65535 || !inport || *inport > 65535 || (pr != "tcp" && pr != "udp")) {
          nr.understood = false;
          nr.why_not_understood = "ip napt service form not modelled";
        } else {
          nr.real_src = {AddrMatch::host(*in_ip)};
          nr.protocol = pr == "tcp" ? 6 : 17;
          nr.mapped_port = static_cast<uint16_t>(*port);
          nr.real_port = static_cast<uint16_t>(*inport);
          if (out == "none")
            nr.mapped_is_interface = true;
          else if (auto o = parse_ipv4(out))
            nr.mapped_src = Prefix{*o, 32};
          else
            nr.understood = false, nr.why_not_understood = "outside address '" + out + "'";
        }
        c.dev.nat.push_back(nr);
      } else if (k2 == "translation" || k2 == "hairpinning") {
      } else {
        ok = false;
      }
    } else if (k0 == "tunnel" && k1 == "mode" && x.size() >= 3) {
      i.tunnel_mode = ios::join(x, 2);
    } else if (k0 == "tunnel" && (k1 == "destination" || k1 == "source") && x.size() == 3) {
      if (auto a = parse_ipv4(x[2]))
        (k1 == "destination" ? i.tunnel_destination : i.tunnel_source_addr) = *a;
      else if (k1 == "source")
        i.tunnel_source_ifc = x[2];
    } else if (k0 == "ipsec" && k1 == "policy" && x.size() >= 4) {
      i.tunnel_protection = x[3];
      c.tunnel_map[i.name] = x[3];
    } else if (k0 == "ipv6" && (k1 == "enable" || k1 == "address" ||
                                (k1 == "dhcp" && x.size() >= 3 && lower(x[2]) == "client"))) {
      // IPv6 is not modelled: an IPv6-enabled interface lets the prover see an IPv6 path.
      i.ipv6.push_back({ios::join(x, 1), r});
    } else if (k0 == "ipv6" && k1 == "filter" && x.size() == 5 &&
               (lower(x[4]) == "in" || lower(x[4]) == "out")) {
      (lower(x[4]) == "in" ? i.ipv6_filter_in : i.ipv6_filter_out) = x[2];
      (lower(x[4]) == "in" ? i.ipv6_filter_in_ref : i.ipv6_filter_out_ref) = r;
    } else if ((k0 == "ip" && (k1 == "mtu" || k1 == "tcp" || k1 == "proxy-arp" || k1 == "dhcp" ||
                               k1 == "ufs-cache" || k1 == "redirects" || k1 == "ospf" || k1 == "rip")) ||
               k0 == "ipv6" || k0 == "bandwidth" || k0 == "mtu" || k0 == "speed" || k0 == "duplex" ||
               k0 == "ppp" || k0 == "keepalive" || k0 == "vlan-id" || k0 == "bridge-group" || k0 == "ike" ||
               k0 == "lcp" || k0 == "ipcp" || k0 == "qos" || k0 == "ip-precedence") {
      if (k0 == "ipsec" || k0 == "ike")
        ++c.recognised;
      else
        c.ignored(ch);
      continue;
    } else {
      ok = false;
    }
    if (ok)
      ++c.recognised;
    else
      c.unrec(ch, LineContext::Interface, i.name);
  }
  if (!shut_seen && i.kind != model::InterfaceKind::Loopback && i.kind != model::InterfaceKind::Null)
    c.note(i.name + ": neither 'shutdown' nor 'no shutdown' written; taken as up", i.src_ref);
  if (i.kind == model::InterfaceKind::Null) i.shutdown = false;
  c.dev.interfaces.push_back(std::move(i));
}

bool parse_route(Ctx& c, const ConfigLine& l, const Words& w) {
  // ip route DEST GW|IFC [DISTANCE] [dhcp]
  if (w.size() < 4) return false;
  model::Route r;
  r.src_ref = c.ref(l);
  if (lower(w[2]) == "default")
    r.prefix = {0, 0};
  else if (auto p = parse_prefix(w[2]); p && w[2].find('/') != std::string::npos)
    r.prefix = *p;
  else
    return false;
  if (auto a = parse_ipv4(w[3]))
    r.next_hop = *a;
  else if (lower(w[3]).rfind("null", 0) == 0)
    r.null_route = true;
  else if (looks_like_ifc(w[3]))
    r.out_interface = w[3];
  else
    return false;
  for (size_t i = 4; i < w.size(); ++i) {
    if (auto d = num(w[i]); d && *d <= 255)
      r.admin_distance = static_cast<int>(*d);
    else if (lower(w[i]) == "dhcp")
      r.why_not_understood = "gateway learnt by DHCP";
    else
      return false;
  }
  c.dev.routes.push_back(r);
  return true;
}

bool parse_ike_ipsec(Ctx& c, const ConfigLine& l, const Words& w) {
  std::string k0 = lower(w[0]), k1 = w.size() > 1 ? lower(w[1]) : "";
  SourceRef r = c.ref(l);
  if (k0 == "ike" && k1 == "proposal" && w.size() >= 3) {
    c.ike_proposals[w[2]] = ios::join(w, 3);
    return true;
  }
  if (k0 == "ike" && k1 == "policy" && w.size() >= 5) {
    // ike policy NAME peer X key K [mode aggressive] PROPOSAL
    std::string name = w[2];
    c.ike_policy_ref[name] = r;
    for (size_t i = 3; i < w.size(); ++i) {
      std::string k = lower(w[i]);
      if (k == "peer" && i + 1 < w.size()) {
        if (lower(w[i + 1]) == "any")
          c.ike_any[name] = true;
        else if (auto a = parse_ipv4(w[i + 1]))
          c.ike_peers[name].push_back(*a);
        ++i;
      } else if (k == "key" && i + 1 < w.size()) {
        c.dev.secrets.push_back(secret(model::SecretKind::PreSharedKey, model::SecretStorage::Plain, w[i + 1],
                                       r, "ike policy " + name, "nec-ike-key"));
        ++i;
      } else if (k == "mode" && i + 1 < w.size()) {
        ++i;
      } else {
        c.ike_policy_prop[name] = w[i];
      }
    }
    return true;
  }
  if (k0 == "ikev2" && k1 == "authentication" && w.size() >= 4) {
    for (size_t i = 2; i + 2 < w.size() + 1; ++i)
      if (lower(w[i]) == "key" && i + 2 < w.size()) {
        std::string t = lower(w[i + 1]);
        c.dev.secrets.push_back(
            secret(model::SecretKind::PreSharedKey,
                   t == "secret" ? model::SecretStorage::Unknown : model::SecretStorage::Plain, w[i + 2], r,
                   "ikev2", "nec-ikev2-" + t));
        break;
      }
    return true;
  }
  if (k0 == "ike" || k0 == "ikev2") return true;  // keepalive, local-id, remote-id, nat-traversal ...
  if (k0 == "ipsec" && (k1 == "autokey-map" || k1 == "dynamic-map") && w.size() >= 5) {
    Ctx::Map m;
    m.dynamic = k1 == "dynamic-map";
    m.acl = w[3];
    m.ref = r;
    m.text = l.text;
    for (size_t i = 4; i < w.size(); ++i) {
      std::string k = lower(w[i]);
      if (k == "peer" && i + 1 < w.size()) {
        if (auto a = parse_ipv4(w[i + 1])) m.peers.push_back(*a);
        ++i;
      } else if (k == "ike" && i + 1 < w.size()) {
        m.ike_policy = w[++i];
      } else if (k == "pfs" && i + 1 < w.size()) {
        ++i;
      } else if (m.proposal.empty()) {
        m.proposal = w[i];
      }
    }
    c.maps[w[2]] = m;
    return true;
  }
  if (k0 == "ipsec") return true;  // autokey-proposal, local-id, remote-id, rekey, ike-passthru ...
  return false;
}

void parse_global(Ctx& c, const ConfigLine& l) {
  Words w = split_words(l.text);
  if (w.empty()) return;
  std::string k0 = lower(w[0]), k1 = w.size() > 1 ? lower(w[1]) : "";
  SourceRef r = c.ref(l);
  if (k0[0] == '!' || (k0 == "using" && l.text.find(" out of ") != std::string::npos)) {
    c.ignore_tree(l);
    return;
  }
  if (k0 == "interface" && w.size() >= 2) {
    parse_interface(c, l, w);
    return;
  }
  if (k0 == "hostname" && w.size() == 2) {
    c.dev.hostname = w[1];
    ++c.recognised;
    return;
  }
  if (k0 == "ppp" && k1 == "profile") {
    ++c.recognised;
    for (const auto& ch : l.children) {
      Words x = split_words(ch.text);
      if (x.size() >= 4 && lower(x[0]) == "authentication" && lower(x[1]) == "password") {
        c.dev.secrets.push_back(secret(model::SecretKind::Password, model::SecretStorage::Plain, x[3],
                                       c.ref(ch), x[2], "nec-ppp-clear"));
        ++c.recognised;
      } else {
        c.ignored(ch);
      }
    }
    return;
  }
  if (k0 == "username" && w.size() >= 4 && lower(w[2]) == "password") {
    std::string form = lower(w[3]);
    size_t v = 4;
    if (form == "plain" && v + 1 < w.size() && num(w[v]) && w[v].size() == 1) ++v;  // "plain 1 PW"
    std::string value = v < w.size() ? w[v] : "";
    auto st = form == "plain" ? model::SecretStorage::Plain : model::SecretStorage::Unknown;
    auto s = secret(model::SecretKind::Password, st, value, r, w[1], "nec-" + form);
    s.privilege = l.text.find("administrator") != std::string::npos ? 15 : 1;
    c.dev.secrets.push_back(s);
    ++c.recognised;
    return;
  }
  if (k0 == "ip" && k1 == "route") {
    if (parse_route(c, l, w))
      ++c.recognised;
    else
      c.unrec(l, LineContext::Route, "");
    return;
  }
  if (k0 == "ip" && k1 == "access-list") {
    if (parse_acl(c, l, w))
      ++c.recognised;
    else
      c.unrec(l, LineContext::Filter, w.size() > 2 ? w[2] : "");
    return;
  }
  if (k0 == "ike" || k0 == "ikev2" || k0 == "ipsec") {
    if (parse_ike_ipsec(c, l, w)) {
      ++c.recognised;
      for (const auto& ch : l.children) (void)ch, ++c.recognised;  // ikev2 profile bodies
    } else {
      c.unrec(l, LineContext::Vpn, "");
    }
    return;
  }
  auto svc = [&](Ctx::Svc& s) {
    // X-server ip enable | X-server ip access-list ACL | X-server ip port N ...
    std::string k2 = w.size() > 2 ? lower(w[2]) : "";
    if (k1 == "ip" && k2 == "enable")
      s.on = true, s.ref = r;
    else if (k1 == "ip" && k2 == "access-list" && w.size() > 3)
      s.acl = w[3];
    else if (k1 == "username" && w.size() > 2) {
      for (size_t i = 3; i + 1 < w.size(); ++i)
        if (lower(w[i]) == "secret-password")
          c.dev.secrets.push_back(secret(model::SecretKind::Password, model::SecretStorage::Unknown, w[i + 1],
                                         r, w[2], "nec-http-secret-password"));
    }
    ++c.recognised;
  };
  if (k0 == "telnet-server") return svc(c.telnet);
  if (k0 == "ssh-server") return svc(c.ssh);
  if (k0 == "http-server") return svc(c.http);
  if (k0 == "snmp-agent") {
    std::string k2 = w.size() > 2 ? lower(w[2]) : "";
    if (k1 == "ip" && k2 == "enable") {
      c.snmp.on = true, c.snmp.ref = r;
    } else if (k1 == "ip" && k2 == "community" && w.size() > 3) {
      auto s = secret(model::SecretKind::SnmpCommunity, model::SecretStorage::Plain, w[3], r, "", "nec-snmp");
      s.access = l.text.find("read-write") != std::string::npos ? "RW" : "RO";
      c.dev.secrets.push_back(s);
      for (size_t i = 4; i < w.size(); ++i)
        if (lower(w[i]) != "read-only" && lower(w[i]) != "read-write") c.snmp_acl = w[i];
    } else if (k1 == "ip" && k2 == "host") {
    } else if (k1 == "contact" || k1 == "location" || k1 == "ip") {
    } else {
      c.unrec(l, LineContext::Management, "", false);
      return;
    }
    ++c.recognised;
    return;
  }
  // Hygiene: the NTP servers the clock follows, syslog collectors.
  if (k0 == "ntp" && k1 == "server" && w.size() >= 3 && l.children.empty()) {
    model::HygieneFact f;
    f.topic = model::HygieneTopic::TimeSync;
    f.subject = w[2];
    f.src_ref = r;
    c.dev.hygiene.push_back(f);
    ++c.recognised;
    return;
  }
  if (k0 == "syslog" && k1 == "ip" && w.size() >= 3 && l.children.empty()) {
    std::string k2 = lower(w[2]);
    if (k2 == "enable" && w.size() == 3) {
      c.syslog_enable = r;
      ++c.recognised;
      return;
    }
    if (k2 == "host" && w.size() >= 4) {
      c.syslog_hosts.push_back({w[3], r});
      ++c.recognised;
      return;
    }
  }
  // Deliberately irrelevant global families (counted as ignored, with their blocks).
  static const std::set<std::string> ign = {"timezone",  "logging",       "syslog",       "ntp",
                                            "proxy-dns", "device",        "watch-group",  "network-monitor",
                                            "clock",     "enable-config", "configure",    "exit",
                                            "end",       "write",         "copy",         "svintr-config",
                                            "nm",        "auto-config",   "system",       "lldp",
                                            "ipv6",      "terminal",      "line",         "banner",
                                            "schedule",  "dns",           "ip-precedence"};
  if (ign.count(k0)) {
    c.ignore_tree(l);
    return;
  }
  if (k0 == "ip" &&
      (k1 == "ufs-cache" || k1 == "dhcp" || k1 == "host" || k1 == "domain-name" || k1 == "name-server")) {
    c.ignore_tree(l);
    return;
  }
  if (k0 == "no" && (k1 == "ipsec" || k1 == "ike")) {
    ++c.recognised;
    return;
  }
  LineContext ctx = LineContext::Global;
  if (k0 == "ip" && (k1 == "nat" || k1 == "napt")) ctx = LineContext::Nat;
  if (k0 == "ip" && (k1 == "router" || k1 == "filter")) ctx = LineContext::Route;
  if (k0 == "router") ctx = LineContext::Route;
  c.unrec(l, ctx, "");
  for (const auto& ch : l.children) c.unrec(ch, ctx, w.size() > 1 ? w[1] : "");
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

void finish_nat(Ctx& c) {
  for (const auto& [ifn, r] : c.napt_ifcs) {
    model::NatRule nr;
    nr.kind = model::NatKind::Pat;
    nr.mapped_is_interface = true;
    nr.mapped_interface = ifn;
    nr.mapped_interface_name = ifn;
    nr.src_ref = r;
    nr.text = "ip napt enable (" + ifn + ")";
    c.dev.nat.push_back(nr);
  }
  if (!c.napt_ifcs.empty())
    for (auto& i : c.dev.interfaces)
      if (i.nat_role == model::NatRole::None) i.nat_role = model::NatRole::Inside;
  for (auto& r : c.dev.nat)
    if (r.kind == model::NatKind::StaticPort) r.mapped_interface_name = canon_ifc(c, r.mapped_interface_name);
}

void finish_routes(Ctx& c) {
  for (auto& r : c.dev.routes)
    if (!r.out_interface.empty()) r.out_interface = canon_ifc(c, r.out_interface);
}

void finish_vpns(Ctx& c) {
  std::string wan;
  for (const auto& r : c.dev.routes)
    if (r.prefix.len == 0 && !r.out_interface.empty()) wan = r.out_interface;
  for (const auto& [ifn, map] : c.tunnel_map) {
    model::Vpn v;
    v.name = map;
    v.interface = wan;
    auto m = c.maps.find(map);
    if (m == c.maps.end()) {
      v.understood = false;
      v.why_not_understood = "ipsec policy names no autokey-map/dynamic-map";
      c.dev.vpns.push_back(v);
      continue;
    }
    v.src_ref = m->second.ref;
    v.peers = m->second.peers;
    v.proposals.push_back("esp " + m->second.proposal);
    std::string pol = m->second.ike_policy;
    if (pol.empty())  // autokey-map: the ike policy whose peer is the map's peer
      for (const auto& [name, peers] : c.ike_peers)
        for (auto p : peers)
          if (std::find(v.peers.begin(), v.peers.end(), p) != v.peers.end()) pol = name;
    if (!pol.empty()) {
      if (c.ike_any[pol]) v.peer_any = true;
      for (auto p : c.ike_peers[pol])
        if (std::find(v.peers.begin(), v.peers.end(), p) == v.peers.end()) v.peers.push_back(p);
      auto pp = c.ike_proposals.find(c.ike_policy_prop[pol]);
      if (pp != c.ike_proposals.end()) v.proposals.push_back("ike " + pp->second);
      v.authentication = "psk";
    }
    if (m->second.dynamic && v.peers.empty()) v.peer_any = true;
    auto acl = c.acls.find(m->second.acl);
    if (acl != c.acls.end())
      for (const auto& e : acl->second) {
        v.local_networks.insert(v.local_networks.end(), e.rule.src.begin(), e.rule.src.end());
        v.remote_networks.insert(v.remote_networks.end(), e.rule.dst.begin(), e.rule.dst.end());
      }
    c.dev.vpns.push_back(v);
  }
}

// Hygiene facts completed at the end: syslog hosts (sent with "syslog ip enable"), and the topics
// the NEC references we could read do not document (one Unknown fact each).
void finish_hygiene(Ctx& c) {
  for (const auto& [host, ref] : c.syslog_hosts) {
    model::HygieneFact f;
    f.topic = model::HygieneTopic::RemoteLog;
    f.src_ref = ref;
    if (c.syslog_enable.known()) {
      f.subject = host;
    } else {
      f.subject = host + " (no 'syslog ip enable' line)";
      f.enabled = false;
      f.origin = model::SettingOrigin::Unknown;
      f.default_source =
          "NEC IX: whether 'syslog ip host' sends without 'syslog ip enable' is not documented in "
          "the sources we could read";
    }
    c.dev.hygiene.push_back(f);
  }
  auto unknown = [&](model::HygieneTopic t, const std::string& subject, const std::string& why) {
    model::HygieneFact f;
    f.topic = t;
    f.subject = subject;
    f.origin = model::SettingOrigin::Unknown;
    f.default_source = why;
    c.dev.hygiene.push_back(f);
  };
  unknown(model::HygieneTopic::LoginLockout, "login lockout after failed logins",
          "NEC IX: no login lockout setting found in the syntax notes or public documents we could read");
  unknown(model::HygieneTopic::PasswordPolicy, "password minimum length",
          "NEC IX: no password length policy found in the syntax notes or public documents we could read");
  unknown(model::HygieneTopic::AuthEventLog, "login successes and failures",
          "NEC IX: which logging subsystem and level record logins is not documented in what we could read");
  unknown(model::HygieneTopic::IdleTimeout, "console, telnet, ssh and http sessions",
          "NEC IX: session idle timeout commands and defaults not documented in what we could read");
}

void finish_mgmt(Ctx& c) {
  SourceRef file_ref{c.file, 0, 0};
  auto make = [&](model::MgmtProtocol p, const Ctx::Svc& s, const std::string& acl) {
    model::MgmtService m;
    m.protocol = p;
    m.enabled = s.on;
    m.is_default = !s.on;  // absent: disabled (NEC default)
    m.src_ref = s.ref.known() ? s.ref : file_ref;
    m.access_filter = acl;
    if (!acl.empty()) {
      auto it = c.acls.find(acl);
      if (it == c.acls.end()) {
        c.note("management access-list " + acl + " is not defined: taken as unrestricted", m.src_ref);
      } else {
        bool simple = true;
        for (const auto& e : it->second) {
          if (e.rule.action == model::Action::Permit && e.rule.understood)
            m.allowed_sources.insert(m.allowed_sources.end(), e.rule.src.begin(), e.rule.src.end());
          else
            simple = false;
        }
        if (!simple) m.allowed_sources.clear();
      }
    }
    c.dev.services.push_back(m);
  };
  make(model::MgmtProtocol::Telnet, c.telnet, c.telnet.acl);
  make(model::MgmtProtocol::Ssh, c.ssh, c.ssh.acl);
  make(model::MgmtProtocol::Http, c.http, c.http.acl);
  make(model::MgmtProtocol::Snmp, c.snmp, c.snmp_acl);
  c.dev.services.back().version = "v2c";
  bool users = false;
  for (const auto& s : c.dev.secrets)
    users |= s.kind == model::SecretKind::Password && s.storage_id.rfind("nec-", 0) == 0 &&
             s.storage_id != "nec-ppp-clear";
  if (!users) c.note("no username: the console needs no login (NEC default after a reset)", file_ref);
}

}  // namespace

bool looks_like_nec_ix(std::string_view content) {
  std::string_view head = content.substr(0, std::min<size_t>(content.size(), 200000));
  if (head.find("! NEC Portable Internetwork Core") != std::string_view::npos) return true;
  if (head.find("! IX Series") != std::string_view::npos) return true;
  int score = 0;
  size_t pos = 0;
  while (pos < head.size()) {
    size_t end = head.find('\n', pos);
    if (end == std::string_view::npos) end = head.size();
    std::string_view line = head.substr(pos, end - pos);
    pos = end + 1;
    size_t f = line.find_first_not_of(" \t");
    if (f == std::string_view::npos) continue;
    line = line.substr(f);
    auto starts = [&](std::string_view p) { return line.substr(0, p.size()) == p; };
    if (starts("interface GigaEthernet") || starts("ip napt ") || starts("ike policy ") ||
        starts("telnet-server ip") || starts("ssh-server ip") || starts("http-server ip") ||
        starts("snmp-agent ip") || starts("ppp binding ") || starts("ipsec autokey-map ") ||
        starts("ipsec dynamic-map "))
      score += 2;
    else if (starts("ip access-list ") && line.find(" src ") != std::string_view::npos)
      score += 2;
    if (score >= 4) return true;
  }
  return false;
}

model::Device parse_nec_ix(std::string_view content, const std::string& file) {
  Ctx c;
  c.file = file;
  c.dev.vendor = model::Vendor::NecIx;
  c.dev.file = file;
  int total = 0;
  for (char ch : content) total += ch == '\n';
  if (!content.empty() && content.back() != '\n') ++total;
  c.dev.total_lines = total;
  std::vector<ConfigLine> blocks;
  try {
    blocks = read_config_blocks(content);
  } catch (const std::exception&) {
    c.note("configuration could not be split into lines", {file, 0, 0});
  }
  for (const auto& b : blocks) {
    if (c.dev.os_version.empty() && b.text.find(" Software, Version ") != std::string::npos) {
      auto v = b.text.find(" Software, Version ") + 19;
      c.dev.os_version = b.text.substr(v, b.text.find(',', v) - v);
    }
    try {
      parse_global(c, b);
    } catch (const std::exception&) {
      c.unrec(b, LineContext::Global, "");
    }
  }
  finish_filters(c);
  finish_nat(c);
  finish_routes(c);
  finish_vpns(c);
  finish_mgmt(c);
  finish_hygiene(c);
  c.note(
      "NEC IX: ingress ip filter modelled before NAPT (order on one interface not documented in what we "
      "read)",
      {file, 0, 0});
  c.dev.name = c.dev.hostname;
  return std::move(c.dev);
}

}  // namespace gp::parsers
