// Value grammars of Yamaha filters and NAT: numbers, addresses and address lists, ports and
// port names, protocol lists, dynamic filter applications.
#include <boost/spirit/home/x3.hpp>
#include <cctype>

#include "parsers/common/address_ranges.h"
#include "parsers/yamaha_rtx/internal.h"

namespace gp::parsers::rtx {
namespace x3 = boost::spirit::x3;

// Decimal number (Yamaha filter and descriptor numbers go up to 2147483647).
std::optional<long long> num(std::string_view s) {
  long long v = 0;
  auto first = s.begin();
  if (s.empty() || s.size() > 12 || !x3::parse(first, s.end(), x3::long_long, v) || first != s.end() || v < 0)
    return std::nullopt;
  return v;
}

std::optional<Prefix> addr_len(std::string_view s) {
  auto slash = s.find('/');
  if (slash != std::string_view::npos) {
    auto m = s.substr(slash + 1);
    if (m.find('.') != std::string_view::npos ||
        (m.size() > 2 && m[0] == '0' && (m[1] == 'x' || m[1] == 'X'))) {
      auto a = parse_ipv4(s.substr(0, slash));
      std::optional<Ipv4> mk;
      if (m[0] == '0' && m.size() > 2 && (m[1] == 'x' || m[1] == 'X')) {
        unsigned v = 0;
        auto f = m.begin() + 2;
        if (x3::parse(f, m.end(), x3::hex, v) && f == m.end()) mk = v;
      } else {
        mk = parse_ipv4(m);
      }
      if (!a || !mk) return std::nullopt;
      auto len = mask_to_len(*mk);
      if (!len) return std::nullopt;
      return Prefix{*a, *len};
    }
  }
  return parse_prefix(s);
}

// One address term of an `ip filter` (no commas).
std::optional<std::vector<AddrMatch>> filter_addr_term(std::string_view s) {
  std::vector<AddrMatch> out;
  if (s == "*") return std::vector<AddrMatch>{AddrMatch::any()};
  auto dash = s.find('-');
  if (dash != std::string_view::npos) {
    auto lo_s = s.substr(0, dash), hi_s = s.substr(dash + 1);
    std::optional<Ipv4> lo = lo_s.empty() ? std::optional<Ipv4>(0) : parse_ipv4(lo_s);
    std::optional<Ipv4> hi = hi_s.empty() ? std::optional<Ipv4>(0xFFFFFFFFu) : parse_ipv4(hi_s);
    if (!lo || !hi || *lo > *hi) return std::nullopt;
    for (const auto& p : range_to_prefixes(*lo, *hi)) out.push_back(AddrMatch::of(p));
    return out;
  }
  if (s.find('*') != std::string_view::npos) {  // 192.168.1.* wildcard octets
    Ipv4 a = 0, wc = 0;
    size_t pos = 0;
    for (int i = 0; i < 4; ++i) {
      size_t e = s.find('.', pos);
      if ((i < 3) != (e != std::string_view::npos)) return std::nullopt;
      auto oct = s.substr(pos, e == std::string_view::npos ? std::string_view::npos : e - pos);
      a <<= 8;
      wc <<= 8;
      if (oct == "*") {
        wc |= 255;
      } else {
        auto v = num(oct);
        if (!v || *v > 255) return std::nullopt;
        a |= static_cast<Ipv4>(*v);
      }
      pos = e + 1;
    }
    return std::vector<AddrMatch>{AddrMatch{a & ~wc, wc}};
  }
  auto p = addr_len(s);
  if (!p) return std::nullopt;
  return std::vector<AddrMatch>{AddrMatch::of(*p)};
}

std::optional<std::vector<AddrMatch>> filter_addr(std::string_view s) {
  std::vector<AddrMatch> out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t e = s.find(',', pos);
    auto t = filter_addr_term(s.substr(pos, e == std::string_view::npos ? std::string_view::npos : e - pos));
    if (!t) return std::nullopt;
    for (const auto& m : *t) {
      if (m.is_any()) return std::vector<AddrMatch>{AddrMatch::any()};
      out.push_back(m);
    }
    if (e == std::string_view::npos) break;
    pos = e + 1;
  }
  return out;
}

std::optional<std::vector<uint16_t>> port_name(std::string_view w) {
  static const std::map<std::string, std::vector<uint16_t>, std::less<>> k = {
      {"ftp", {20, 21}},      {"ftpdata", {20}},  {"telnet", {23}},      {"smtp", {25}},
      {"domain", {53}},       {"gopher", {70}},   {"finger", {79}},      {"www", {80}},
      {"http", {80}},         {"pop3", {110}},    {"sunrpc", {111}},     {"ident", {113}},
      {"nntp", {119}},        {"ntp", {123}},     {"netbios_ns", {137}}, {"netbios_dgm", {138}},
      {"netbios_ssn", {139}}, {"imap", {143}},    {"snmp", {161}},       {"snmptrap", {162}},
      {"bgp", {179}},         {"https", {443}},   {"submission", {587}}, {"syslog", {514}},
      {"login", {513}},       {"printer", {515}}, {"talk", {517}},       {"route", {520}},
      {"tftp", {69}},         {"bootps", {67}},   {"bootpc", {68}},      {"ssh", {22}},
      {"echo", {7}},          {"discard", {9}},   {"daytime", {13}},     {"chargen", {19}},
      {"time", {37}},         {"whois", {43}},    {"uucp", {540}},       {"irc", {194}},
      {"ldap", {389}},        {"pptp", {1723}},   {"nfs", {2049}},       {"l2tp", {1701}},
      {"isakmp", {500}},      {"sip", {5060}},    {"pop3s", {995}},      {"imaps", {993}},
      {"ntp-dp", {123}}};
  auto it = k.find(lower(w));
  if (it != k.end()) return it->second;
  auto v = num(w);
  if (v && *v <= 65535) return std::vector<uint16_t>{static_cast<uint16_t>(*v)};
  return std::nullopt;
}

std::optional<uint16_t> single_port(std::string_view w) {
  auto p = port_name(w);
  if (!p || p->size() != 1) return std::nullopt;
  return p->front();
}

// `*`, `80`, `www`, `ftp`, `1024-`, `-1023`, `netbios_ns-netbios_ssn`, comma lists.
std::optional<std::vector<model::PortRange>> filter_ports(std::string_view s) {
  std::vector<model::PortRange> out;
  if (s == "*") return out;
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t e = s.find(',', pos);
    auto t = s.substr(pos, e == std::string_view::npos ? std::string_view::npos : e - pos);
    auto dash = t.find('-');
    if (dash != std::string_view::npos) {
      auto lo = dash == 0 ? std::optional<uint16_t>(0) : single_port(t.substr(0, dash));
      auto hi = dash + 1 == t.size() ? std::optional<uint16_t>(65535) : single_port(t.substr(dash + 1));
      if (!lo || !hi || *lo > *hi) return std::nullopt;
      out.push_back({*lo, *hi});
    } else {
      auto p = port_name(t);
      if (!p) return std::nullopt;
      for (auto v : *p) out.push_back({v, v});
    }
    if (e == std::string_view::npos) break;
    pos = e + 1;
  }
  return out;
}

// Protocol field: returns the service terms without ports; `port_ok` tells whether ports apply.
std::optional<std::vector<ProtoTerm>> filter_protocols(std::string_view s, std::string& why) {
  std::vector<ProtoTerm> out;
  if (s == "*") return std::vector<ProtoTerm>{ProtoTerm{}};
  size_t pos = 0;
  while (pos <= s.size()) {
    size_t e = s.find(',', pos);
    std::string t = lower(s.substr(pos, e == std::string_view::npos ? std::string_view::npos : e - pos));
    ProtoTerm p;
    if (t == "tcp" || t == "tcpsyn")
      p.sm.protocol = model::proto::kTcp, p.ports = true;
    else if (t == "udp")
      p.sm.protocol = model::proto::kUdp, p.ports = true;
    else if (t == "icmp")
      p.sm.protocol = model::proto::kIcmp;
    else if (t == "gre")
      p.sm.protocol = model::proto::kGre;
    else if (t == "esp")
      p.sm.protocol = model::proto::kEsp;
    else if (t == "ah")
      p.sm.protocol = model::proto::kAh;
    else if (t == "ipv6")
      p.sm.protocol = 41;
    else if (t == "established" || t == "tcpfin" || t == "tcprst") {
      // None of these can open a connection: ACK/FIN/RST segments (return traffic only).
      p.sm.protocol = model::proto::kTcp, p.sm.established_only = true, p.ports = true;
    } else if (t == "icmp-error" || t == "icmp-info") {
      const std::vector<int> types = t == "icmp-error" ? std::vector<int>{3, 4, 5, 11, 12}
                                                       : std::vector<int>{0, 8, 13, 14, 15, 16, 17, 18};
      for (int ty : types) {
        ProtoTerm q;
        q.sm.protocol = model::proto::kIcmp;
        q.sm.icmp_type = ty;
        out.push_back(q);
      }
      if (e == std::string_view::npos) break;
      pos = e + 1;
      continue;
    } else if (auto v = num(t); v && *v <= 255) {
      p.sm.protocol = static_cast<int>(*v);
      p.ports = *v == 6 || *v == 17;
    } else {
      why = "protocol '" + t + "' is not modelled";
      return std::nullopt;
    }
    out.push_back(p);
    if (e == std::string_view::npos) break;
    pos = e + 1;
  }
  return out;
}

// Application names of `ip filter dynamic` and what they open.
std::optional<std::vector<model::ServiceMatch>> dynamic_app(std::string_view w) {
  auto tcp = [](uint16_t p) {
    model::ServiceMatch s;
    s.protocol = model::proto::kTcp;
    if (p) s.dst_ports = {{p, p}};
    return s;
  };
  auto udp = [](uint16_t p) {
    model::ServiceMatch s;
    s.protocol = model::proto::kUdp;
    if (p) s.dst_ports = {{p, p}};
    return s;
  };
  std::string a = lower(w);
  if (a == "tcp") return std::vector<model::ServiceMatch>{tcp(0)};
  if (a == "udp") return std::vector<model::ServiceMatch>{udp(0)};
  if (a == "ftp") return std::vector<model::ServiceMatch>{tcp(21)};
  if (a == "tftp") return std::vector<model::ServiceMatch>{udp(69)};
  if (a == "domain") return std::vector<model::ServiceMatch>{udp(53), tcp(53)};
  if (a == "www") return std::vector<model::ServiceMatch>{tcp(80)};
  if (a == "https") return std::vector<model::ServiceMatch>{tcp(443)};
  if (a == "smtp") return std::vector<model::ServiceMatch>{tcp(25)};
  if (a == "pop3") return std::vector<model::ServiceMatch>{tcp(110)};
  if (a == "submission") return std::vector<model::ServiceMatch>{tcp(587)};
  if (a == "telnet") return std::vector<model::ServiceMatch>{tcp(23)};
  if (a == "ssh") return std::vector<model::ServiceMatch>{tcp(22)};
  if (a == "ntp") return std::vector<model::ServiceMatch>{udp(123)};
  if (a == "snmp") return std::vector<model::ServiceMatch>{udp(161)};
  if (a == "echo" || a == "icmp" || a == "ping") {
    model::ServiceMatch s;
    s.protocol = model::proto::kIcmp;
    return std::vector<model::ServiceMatch>{s};
  }
  return std::nullopt;
}

}  // namespace gp::parsers::rtx
