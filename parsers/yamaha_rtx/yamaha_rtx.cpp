// Yamaha RTX / NVR parser. The dialect is flat: one command per line, with a modal selection
// (`pp select N`, `tunnel select N`) that lasts until the next `... select` (or `... select none`).
// Indentation in `show config` output is cosmetic and is not relied on.
//
// Packet path (Yamaha, documented by Yamaha and restated in integrator notes): a packet received
// on an interface that has a NAT descriptor is translated first and then checked against the
// interface's `secure filter in` list (so inbound filters are written against inner addresses);
// a packet sent out of it is checked against `secure filter out` before it is translated. The
// inbound order is the prover's firewall order (NAT before the ingress filter), so the device is
// marked `stateful` (which also scopes every NAT rule to its interface). The outbound order does
// not match the prover (it translates before filter_out): outbound rules on a NAT interface that
// test the source address are marked not understood.
#include "parsers/yamaha_rtx/yamaha_rtx.h"

#include <algorithm>
#include <boost/spirit/home/x3.hpp>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "parsers/cisco_ios/ios_internal.h"
#include "parsers/common/secret_mask.h"
#include "parsers/common/utf8.h"

namespace gp::parsers {
namespace {

namespace x3 = boost::spirit::x3;
using model::LineContext;
using Words = std::vector<std::string>;

std::string lower(std::string_view s) { return ios::lower(s); }

// Decimal number (Yamaha filter and descriptor numbers go up to 2147483647).
std::optional<long long> num(std::string_view s) {
  long long v = 0;
  auto first = s.begin();
  if (s.empty() || s.size() > 12 || !x3::parse(first, s.end(), x3::long_long, v) || first != s.end() || v < 0)
    return std::nullopt;
  return v;
}

// ---- lines ------------------------------------------------------------------------------------

struct Line {
  int no = 0;             // first physical line
  std::vector<int> cont;  // continuation lines joined to it (terminal wraps)
  std::string text;       // a '?' per terminal column of non-ASCII text, CR removed
  size_t raw_len = 0;     // physical length of the last physical line, in terminal columns
};

// The line as the console showed it, ASCII only: non-ASCII text becomes one '?' per terminal
// column, i.e. its width in Shift_JIS (a byte per column): one for half-width katakana and for
// U+FFFD (a byte the decoder could not read), two for every other character. Console wraps are
// then found at the same width whether the file was saved as Shift_JIS or UTF-8, and both give
// the same model. Bytes that are not well-formed UTF-8 (raw Shift_JIS handed straight to the
// parser) count one column each.
std::string console_text(std::string_view raw) {
  std::string text;
  text.reserve(raw.size());
  size_t i = 0;
  while (i < raw.size()) {
    const auto ch = static_cast<unsigned char>(raw[i]);
    const size_t len = ch < 0x80 ? 1 : utf8_sequence_length(raw, i);
    if (len <= 1) {
      text.push_back(ch >= 0x80 || ch == 0 ? '?' : ch < 0x20 && ch != '\t' ? ' ' : char(ch));
      ++i;
      continue;
    }
    const char32_t cp = utf8_code_point(raw, i, len);
    text.append((cp >= 0xFF61 && cp <= 0xFF9F) || cp == 0xFFFD ? 1 : 2, '?');
    i += len;
  }
  return text;
}

// First words of Yamaha commands: a line starting with one of these is never a wrap continuation.
bool is_command_word(const std::string& w) {
  static const std::set<std::string> k = {"ip",
                                          "ipv6",
                                          "pp",
                                          "ppp",
                                          "pppoe",
                                          "tunnel",
                                          "ipsec",
                                          "nat",
                                          "login",
                                          "administrator",
                                          "user",
                                          "security",
                                          "console",
                                          "description",
                                          "dns",
                                          "dhcp",
                                          "syslog",
                                          "snmp",
                                          "snmpv2c",
                                          "snmpv3",
                                          "telnetd",
                                          "httpd",
                                          "sshd",
                                          "sftpd",
                                          "tftp",
                                          "schedule",
                                          "statistics",
                                          "dashboard",
                                          "l2tp",
                                          "ngn",
                                          "lan",
                                          "vlan",
                                          "switch",
                                          "no",
                                          "timezone",
                                          "ntpdate",
                                          "netvolante-dns",
                                          "provider",
                                          "ethernet",
                                          "bridge",
                                          "analog",
                                          "rip",
                                          "ospf",
                                          "bgp",
                                          "ipsec",
                                          "show",
                                          "save",
                                          "pptp",
                                          "sip",
                                          "mail",
                                          "url",
                                          "wins",
                                          "external-memory",
                                          "operation",
                                          "radius",
                                          "lan-map",
                                          "heartbeat",
                                          "alarm",
                                          "upnp",
                                          "bgp",
                                          "cooperation",
                                          "ddns",
                                          "remote",
                                          "loopback",
                                          "quality",
                                          "queue",
                                          "speed",
                                          "qac-tm",
                                          "vrrp",
                                          "tunnel"};
  return k.count(w) > 0;
}

std::vector<Line> read_lines(std::string_view content, int& total, int& wraps) {
  std::vector<Line> out;
  size_t pos = 0;
  int n = 0;
  size_t prev_len = 0;
  while (pos < content.size() || (pos == content.size() && n == 0 && !content.empty())) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    ++n;
    std::string_view raw = content.substr(pos, end - pos);
    pos = end + 1;
    while (!raw.empty() && (raw.back() == '\r')) raw.remove_suffix(1);
    const std::string text = console_text(raw);
    size_t first = text.find_first_not_of(" \t");
    if (first == std::string::npos) {
      prev_len = 0;
      continue;
    }
    // Console capture wrapped at the terminal width (79/80 columns): join conservatively.
    if (!out.empty() && (prev_len == 79 || prev_len == 80) && text[first] != '#') {
      size_t e = text.find_first_of(" \t", first);
      std::string w0 = lower(text.substr(first, e == std::string::npos ? std::string::npos : e - first));
      if (!is_command_word(w0)) {
        out.back().text += text;
        out.back().cont.push_back(n);
        out.back().raw_len = text.size();
        prev_len = text.size();
        ++wraps;
        continue;
      }
    }
    Line l;
    l.no = n;
    l.text = text;
    l.raw_len = text.size();
    prev_len = text.size();
    out.push_back(std::move(l));
  }
  total = n;
  return out;
}

// Yamaha tokenizer: blanks separate words; "..." and '...' quote (quotes removed); backslash
// escapes the next character; a '#' outside quotes at the start of a word starts a comment.
Words tokenize(std::string_view s) {
  Words w;
  std::string cur;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char ch = s[i];
    if (quote) {
      if (ch == quote)
        quote = 0;
      else
        cur.push_back(ch);
      continue;
    }
    if (ch == '\\' && i + 1 < s.size()) {
      cur.push_back(s[++i]);
      in_word = true;
      continue;
    }
    if (ch == '"' || ch == '\'') {
      quote = ch;
      in_word = true;
      continue;
    }
    if (ch == ' ' || ch == '\t') {
      if (in_word) w.push_back(cur), cur.clear(), in_word = false;
      continue;
    }
    if (ch == '#' && !in_word) break;  // comment
    cur.push_back(ch);
    in_word = true;
  }
  if (in_word) w.push_back(cur);
  return w;
}

// ---- value grammars -----------------------------------------------------------------------------

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
    for (const auto& p : ios::range_to_prefixes(*lo, *hi)) out.push_back(AddrMatch::of(p));
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
struct ProtoTerm {
  model::ServiceMatch sm;
  bool ports = false;  // tcp/udp
};

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

// ---- parse state --------------------------------------------------------------------------------

struct StaticDef {
  model::FilterRule rule;
};

struct DynamicDef {
  model::FilterRule rule;      // a permit with the app's services
  std::vector<long long> via;  // "filter L..." form: services taken from these static filters
};

struct Apply {
  std::string ifc;
  bool in = true;
  std::vector<long long> statics, dynamics;
  SourceRef ref;
};

struct MasqStatic {
  std::string text;
  Ipv4 inner = 0;
  int proto = 0;
  std::optional<uint16_t> outer_port, inner_port;
  bool understood = true;
  std::string why;
  SourceRef ref;
};

struct NatStatic {
  std::string text;
  Ipv4 outer = 0, inner = 0;
  long long count = 1;
  SourceRef ref;
};

struct Descriptor {
  std::string type;            // "" = never typed (default none)
  std::string outer = "ipcp";  // ipcp | primary | secondary | address list text
  std::vector<Prefix> outer_ranges;
  std::vector<AddrMatch> inner{AddrMatch::any()};
  bool inner_understood = true;
  std::string incoming;  // through | reject | discard | forward
  SourceRef type_ref, incoming_ref;
  std::string incoming_text;
  std::vector<MasqStatic> masq;
  std::vector<NatStatic> statics;
};

struct IkeGw {
  std::vector<Ipv4> peers;
  bool any = false;
  bool remote_understood = true;
  std::string enc = "3des-cbc(default)", hash = "sha(default)", group = "modp1024(default)";
  bool psk = false;
  SourceRef ref;
};

struct SaPolicy {
  std::string gw;
  std::string text;
  SourceRef ref;
};

struct TunnelInfo {
  std::string encapsulation = "ipsec";
  std::string policy;
  SourceRef ref;
};

struct Ctx {
  std::string file;
  model::Device dev;
  std::map<std::string, size_t> ifc_index;
  std::string cur_pp, cur_tunnel;  // selected contexts ("" = none)
  std::map<long long, StaticDef> statics;
  std::map<long long, DynamicDef> dynamics;
  std::vector<Apply> applies;
  std::map<long long, Descriptor> nat;
  std::vector<std::pair<std::string, std::pair<long long, SourceRef>>> nat_uses;  // ifc, desc
  std::map<std::string, IkeGw> gws;
  std::map<std::string, SaPolicy> policies;
  std::map<std::string, TunnelInfo> tunnels;            // tunnel ifc name -> info
  std::map<std::string, std::string> pp_bind;           // pp ifc -> tunnel ifc
  std::map<std::string, std::vector<Prefix>> pp_pools;  // pp ifc -> remote address pool
  std::set<std::string> enabled;                        // pp/tunnel interfaces with "enable"
  bool login_pw = false, admin_pw = false, l2tp_on = false;
  // management
  struct Svc {
    std::optional<bool> on;
    std::vector<std::string> hosts;
    bool hosts_set = false;
    SourceRef ref, host_ref;
  } telnet, http, ssh, snmp;
  bool snmp_community = false;
  SourceRef first_ref;
  bool login_timer = false;  // a "login timer" line was read (else the default applies)

  SourceRef ref(const Line& l) const { return {file, l.no, 0}; }
  void note(const std::string& t, const SourceRef& r) { dev.notes.push_back({t, r}); }

  model::Interface& ifc(const std::string& name, const SourceRef& r) {
    auto it = ifc_index.find(name);
    if (it != ifc_index.end()) return dev.interfaces[it->second];
    model::Interface i;
    i.name = name;
    i.src_ref = r;
    if (name.rfind("pp", 0) == 0) {
      i.kind = name == "pp-anonymous" ? model::InterfaceKind::VirtualTemplate : model::InterfaceKind::Dialer;
    } else if (name.rfind("tunnel", 0) == 0) {
      i.kind = model::InterfaceKind::Tunnel;
    } else if (name.rfind("loopback", 0) == 0) {
      i.kind = model::InterfaceKind::Loopback;
    } else if (name.rfind("vlan", 0) == 0) {
      i.kind = model::InterfaceKind::Vlan;
    } else if (name.rfind("bridge", 0) == 0) {
      i.kind = model::InterfaceKind::Bvi;
    } else if (name.find('/') != std::string::npos || name.find('.') != std::string::npos) {
      i.kind = model::InterfaceKind::Subinterface;
      i.parent = name.substr(0, name.find_first_of("/."));
    } else if (name == "null") {
      i.kind = model::InterfaceKind::Null;
    }
    ifc_index[name] = dev.interfaces.size();
    dev.interfaces.push_back(std::move(i));
    return dev.interfaces.back();
  }
};

bool is_ifc_token(const std::string& w) {
  static const char* const p[] = {"lan", "vlan", "bridge", "loopback", "wan", "bri", "tunnel"};
  for (const char* x : p) {
    size_t n = std::char_traits<char>::length(x);
    if (w.size() > n && w.compare(0, n, x) == 0 && std::isdigit(static_cast<unsigned char>(w[n])))
      return true;
  }
  return false;
}

// Name of the interface an `ip X ...` word designates ("pp"/"tunnel" = the selected one).
std::optional<std::string> ifc_of(const Ctx& c, const std::string& w) {
  if (w == "pp") return c.cur_pp.empty() ? std::nullopt : std::optional<std::string>(c.cur_pp);
  if (w == "tunnel") return c.cur_tunnel.empty() ? std::nullopt : std::optional<std::string>(c.cur_tunnel);
  if (is_ifc_token(w)) return w;
  return std::nullopt;
}

model::Secret secret(model::SecretKind k, model::SecretStorage st, const std::string& value,
                     const SourceRef& r, const std::string& owner, const std::string& id) {
  model::Secret s;
  s.kind = k;
  s.storage = st;
  s.owner = owner;
  s.storage_id = id;
  s.digest = ios::fnv1a_hex(value);
  if (st == model::SecretStorage::Plain) s.clear_digest = s.digest;  // the stored value is the clear one
  s.src_ref = r;
  return s;
}

// `login password X`, `login password encrypted X`, `... *` (masked by show config).
model::Secret password_secret(model::SecretKind k, const Words& w, size_t i, const SourceRef& r,
                              const std::string& owner) {
  bool enc = i < w.size() && lower(w[i]) == "encrypted";
  if (enc) ++i;
  std::string v = i < w.size() ? w[i] : "";
  if (v == "*") return secret(k, model::SecretStorage::Masked, "", r, owner, "yamaha-masked");
  if (enc) return secret(k, model::SecretStorage::Unknown, v, r, owner, "yamaha-encrypted");
  return secret(k, model::SecretStorage::Plain, v, r, owner, "yamaha-plain");
}

// ---- hygiene facts ------------------------------------------------------------------------------

model::HygieneFact hygiene_fact(model::HygieneTopic t, const std::string& subject, const SourceRef& r) {
  model::HygieneFact f;
  f.topic = t;
  f.subject = subject;
  f.src_ref = r;
  return f;
}

// "schedule at ID [DATE] TIME * ntpdate SERVER [syslog]" -> SERVER. The "*" (no PP selected)
// separates the timing from the command.
std::optional<std::string> scheduled_ntpdate(const Words& w) {
  if (w.size() < 6 || lower(w[1]) != "at") return std::nullopt;
  for (size_t i = 3; i + 2 < w.size(); ++i)
    if (w[i] == "*" && lower(w[i + 1]) == "ntpdate") return w[i + 2];
  return std::nullopt;
}

// ---- one statement ------------------------------------------------------------------------------

enum class Res { Recognised, Ignored, Unrecognised };

bool parse_filter_def(Ctx& c, const Line& l, const Words& w) {
  // ip filter N ACTION SRC [DST [PROTO [SPORT [DPORT]]]]
  auto n = num(w[2]);
  if (!n || w.size() < 5) return false;
  std::string act = lower(w[3]);
  model::FilterRule r;
  r.src_ref = c.ref(l);
  r.text = ios::join(w);
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
  r.text = ios::join(w);
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

Res parse_ip_ifc(Ctx& c, const Line& l, const Words& w, const std::string& name) {
  // w: ip IF ...
  if (w.size() < 3) return Res::Unrecognised;
  std::string k = lower(w[2]);
  SourceRef r = c.ref(l);
  if (k == "address" && w.size() == 4) {
    auto& i = c.ifc(name, r);
    if (lower(w[3]) == "dhcp") {
      i.dhcp_client = true;
      return Res::Recognised;
    }
    auto p = addr_len(w[3]);
    if (!p) return Res::Unrecognised;
    i.ipv4.insert(i.ipv4.begin(), model::InterfaceAddress{*p, false, r});
    return Res::Recognised;
  }
  if (k == "secondary" && w.size() == 5 && lower(w[3]) == "address") {
    auto p = addr_len(w[4]);
    if (!p) return Res::Unrecognised;
    c.ifc(name, r).ipv4.push_back(model::InterfaceAddress{*p, true, r});
    return Res::Recognised;
  }
  if (k == "secure" && w.size() >= 4 && lower(w[3]) == "filter")
    return parse_secure_filter(c, l, w, name) ? Res::Recognised : Res::Unrecognised;
  if (k == "nat" && w.size() >= 5 && lower(w[3]) == "descriptor") {
    auto& i = c.ifc(name, r);
    for (size_t j = 4; j < w.size(); ++j) {
      auto v = num(w[j]);
      if (!v) return Res::Unrecognised;  // "reverse" and other forms: not modelled
      c.nat_uses.push_back({name, {*v, r}});
    }
    i.nat_role = model::NatRole::Outside;
    i.nat_role_ref = r;
    return Res::Recognised;
  }
  if (k == "dhcp" && w.size() >= 5 && lower(w[3]) == "service" && lower(w[4]) == "client") {
    c.ifc(name, r).dhcp_client = true;
    return Res::Recognised;
  }
  if (k == "remote" && w.size() == 6 && lower(w[3]) == "address" && lower(w[4]) == "pool") {
    auto d = w[5].find('-');
    auto lo = parse_ipv4(w[5].substr(0, d)),
         hi = d == std::string::npos ? lo : parse_ipv4(w[5].substr(d + 1));
    if (!lo || !hi) return Res::Unrecognised;
    c.pp_pools[name] = ios::range_to_prefixes(*lo, *hi);
    c.ifc(name, r);
    return Res::Recognised;
  }
  if (k == "remote" && w.size() >= 5 && lower(w[3]) == "address") {
    c.ifc(name, r);
    return Res::Recognised;  // the peer's address on a point-to-point link
  }
  static const std::set<std::string> ignored = {"mtu",  "tcp",       "intrusion", "rip",    "proxyarp",
                                                "icmp", "keepalive", "rebound",   "forward"};
  if (ignored.count(k)) return Res::Ignored;
  return Res::Unrecognised;
}

Res parse_route(Ctx& c, const Line& l, const Words& w) {
  // ip route DEST gateway X [filter ...] [metric m] [hide] [weight w] [keepalive k] [gateway ...]
  if (w.size() < 5) return Res::Unrecognised;
  std::optional<Prefix> dest;
  std::string d = lower(w[2]);
  if (d == "default")
    dest = Prefix{0, 0};
  else
    dest = addr_len(w[2]);
  if (!dest) return Res::Unrecognised;
  SourceRef r = c.ref(l);
  size_t i = 3;
  int made = 0;
  while (i < w.size()) {
    if (lower(w[i]) != "gateway" || i + 1 >= w.size()) return made ? Res::Recognised : Res::Unrecognised;
    model::Route rt;
    rt.prefix = *dest;
    rt.src_ref = r;
    std::string g = lower(w[i + 1]);
    i += 2;
    if (g == "pp" || g == "tunnel") {
      if (i >= w.size()) return Res::Unrecognised;
      std::string x = lower(w[i++]);
      if (g == "pp" && x == "anonymous")
        rt.out_interface = "pp-anonymous";
      else if (num(x))
        rt.out_interface = g + x;
      else
        return Res::Unrecognised;
    } else if (g == "dhcp") {
      if (i >= w.size()) return Res::Unrecognised;
      rt.out_interface = lower(w[i++]);
      rt.understood = true;
    } else if (g == "null") {
      rt.null_route = true;
    } else if (auto a = parse_ipv4(g)) {
      rt.next_hop = *a;
    } else if (is_ifc_token(g)) {
      rt.out_interface = g;
    } else {
      rt.understood = false;
      rt.why_not_understood = "gateway '" + g + "' is not modelled";
    }
    // options of this gateway, up to the next "gateway"
    while (i < w.size() && lower(w[i]) != "gateway") {
      std::string o = lower(w[i]);
      if (o == "filter") {
        rt.why_not_understood = "policy route (gateway with filter): taken for every packet";
        c.note("route " + format_prefix(*dest) +
                   ": gateway restricted by filters is modelled as "
                   "applying to every packet (over-approximation)",
               r);
      } else if (o.rfind("metric", 0) == 0 && i + 1 < w.size() && num(w[i + 1]) && o == "metric") {
        rt.admin_distance = static_cast<int>(std::min<long long>(*num(w[i + 1]), 255));
        ++i;
      } else if ((o == "weight" || o == "keepalive") && i + 1 < w.size()) {
        ++i;
      }
      ++i;
    }
    c.dev.routes.push_back(rt);
    ++made;
  }
  return made ? Res::Recognised : Res::Unrecognised;
}

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
          for (auto p : ios::range_to_prefixes(*lo, *hi)) d.outer_ranges.push_back(p);
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
    m.text = ios::join(w);
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
    d.incoming_text = ios::join(w);
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
    s.text = ios::join(w);
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

Res parse_ipsec(Ctx& c, const Line& l, const Words& w) {
  SourceRef r = c.ref(l);
  std::string k = w.size() > 1 ? lower(w[1]) : "";
  if (k == "tunnel" && w.size() == 3) {
    if (c.cur_tunnel.empty()) return Res::Unrecognised;
    auto& t = c.tunnels[c.cur_tunnel];
    t.policy = w[2];
    t.ref = r;
    return Res::Recognised;
  }
  if (k == "sa" && w.size() >= 5 && lower(w[2]) == "policy") {
    SaPolicy p;
    p.gw = w[4];
    p.ref = r;
    p.text = ios::join(w, 5);
    if (p.text.find("esp") != std::string::npos && p.text.find("hmac") == std::string::npos)
      p.text += " (no integrity algorithm)";
    c.policies[w[3]] = p;
    return Res::Recognised;
  }
  if (k == "ike" && w.size() >= 4) {
    std::string t = lower(w[2]);
    if (t == "remote" && w.size() >= 5 && lower(w[3]) == "address") {
      auto& g = c.gws[w[4]];
      g.ref = r;
      for (size_t i = 5; i < w.size(); ++i) {
        std::string v = lower(w[i]);
        if (v == "any")
          g.any = true;
        else if (auto a = parse_ipv4(v))
          g.peers.push_back(*a);
        else
          g.remote_understood = false;  // FQDN peer
      }
      return Res::Recognised;
    }
    if (t == "pre-shared-key" && w.size() >= 5) {
      auto& g = c.gws[w[3]];
      g.psk = true;
      std::string v = lower(w[4]) == "text" && w.size() >= 6 ? w[5] : w[4];
      c.dev.secrets.push_back(secret(model::SecretKind::PreSharedKey, model::SecretStorage::Plain, v, r,
                                     "ipsec ike gateway " + w[3], "yamaha-psk"));
      return Res::Recognised;
    }
    if ((t == "encryption" || t == "hash" || t == "group") && w.size() >= 5) {
      auto& g = c.gws[w[3]];
      std::string v = ios::join(w, 4);
      (t == "encryption" ? g.enc : t == "hash" ? g.hash : g.group) = v;
      return Res::Recognised;
    }
    static const std::set<std::string> ign = {"keepalive", "duration",
                                              "local",     "nat-traversal",
                                              "pfs",       "version",
                                              "remote",    "proposal-limitation",
                                              "log",       "restrict-dangling-sa",
                                              "queue",     "retry",
                                              "send",      "payload",
                                              "xauth",     "auto",
                                              "esp",       "message-id-control",
                                              "always-on", "mode-cfg"};
    if (ign.count(t)) return Res::Recognised;
  }
  if (k == "auto" || k == "transport" || k == "log" || k == "sa") return Res::Recognised;
  return Res::Unrecognised;
}

void set_svc(Ctx::Svc& s, const Words& w, const SourceRef& r) {
  std::string k = lower(w[1]);
  if (k == "service" && w.size() >= 3) {
    s.on = lower(w[2]) == "on";
    s.ref = r;
  } else if (k == "host") {
    s.hosts = host_list(w, 2);
    s.hosts_set = true;
    s.host_ref = r;
  }
}

Res parse_mgmt(Ctx& c, const Line& l, const Words& w) {
  SourceRef r = c.ref(l);
  std::string d = lower(w[0]);
  std::string k = w.size() > 1 ? lower(w[1]) : "";
  if (d == "telnetd" || d == "httpd" || d == "sshd") {
    auto& s = d == "telnetd" ? c.telnet : d == "httpd" ? c.http : c.ssh;
    if (k == "host" && w.size() > 2 && lower(w[2]) == "key") return Res::Ignored;  // host key
    if (k == "service" || k == "host") {
      set_svc(s, w, r);
      return Res::Recognised;
    }
    return Res::Ignored;  // listen, session, timeout, ...
  }
  if (d == "snmp" || d == "snmpv2c") {
    if (k == "host" && w.size() >= 3) {
      c.snmp.on = lower(w[2]) != "none";
      c.snmp.hosts.push_back(lower(w[2]));
      c.snmp.hosts_set = true;
      c.snmp.host_ref = r;
      if (d == "snmpv2c" && w.size() >= 4) {  // snmpv2c host IP COMMUNITY
        c.dev.secrets.push_back(secret(model::SecretKind::SnmpCommunity, model::SecretStorage::Plain, w[3], r,
                                       "", "yamaha-snmp"));
        c.dev.secrets.back().access = "RO";
        c.snmp_community = true;
      } else if (d == "snmp" && w.size() > 3) {
        // snmp host IP [ro [rw]]: ro and rw are community names
        c.dev.secrets.push_back(secret(model::SecretKind::SnmpCommunity, model::SecretStorage::Plain, w[3], r,
                                       "", "yamaha-snmp"));
        c.dev.secrets.back().access = "RO";
        c.snmp_community = true;
      }
      return Res::Recognised;
    }
    if (k == "community" && w.size() >= 4) {
      c.dev.secrets.push_back(
          secret(model::SecretKind::SnmpCommunity, model::SecretStorage::Plain, w[3], r, "", "yamaha-snmp"));
      c.dev.secrets.back().access = lower(w[2]) == "read-write" ? "RW" : "RO";
      c.snmp_community = true;
      return Res::Recognised;
    }
    if (k == "sysname" && w.size() >= 3) {
      if (c.dev.hostname.empty()) c.dev.hostname = w[2];
      return Res::Ignored;
    }
    return Res::Ignored;  // syslocation, syscontact, trap ...
  }
  return Res::Unrecognised;
}

Res statement(Ctx& c, const Line& l, const Words& w) {
  SourceRef r = c.ref(l);
  std::string w0 = lower(w[0]);
  std::string w1 = w.size() > 1 ? lower(w[1]) : "";
  // --- contexts
  if (w0 == "pp" && w1 == "select" && w.size() == 3) {
    std::string v = lower(w[2]);
    c.cur_tunnel.clear();
    if (v == "none")
      c.cur_pp.clear();
    else if (v == "anonymous")
      c.cur_pp = "pp-anonymous";
    else if (num(v))
      c.cur_pp = "pp" + v;
    else
      return Res::Unrecognised;
    if (!c.cur_pp.empty()) c.ifc(c.cur_pp, r);
    return Res::Recognised;
  }
  if (w0 == "tunnel" && w1 == "select" && w.size() == 3) {
    std::string v = lower(w[2]);
    c.cur_pp.clear();
    if (v == "none")
      c.cur_tunnel.clear();
    else if (num(v))
      c.cur_tunnel = "tunnel" + v, c.ifc(c.cur_tunnel, r), c.tunnels[c.cur_tunnel];
    else
      return Res::Unrecognised;
    return Res::Recognised;
  }
  if ((w0 == "pp" || w0 == "tunnel") && (w1 == "enable" || w1 == "disable") && w.size() == 3) {
    std::string v = lower(w[2]);
    if (v == "all") return Res::Recognised;
    std::string name = w0 == "pp" && v == "anonymous" ? "pp-anonymous" : w0 + v;
    if (w0 == "pp" && v != "anonymous" && !num(v)) return Res::Unrecognised;
    if (w1 == "enable")
      c.enabled.insert(name);
    else
      c.enabled.erase(name);
    c.ifc(name, r);
    return Res::Recognised;
  }
  // --- pp context
  if (w0 == "pppoe" && w1 == "use" && w.size() == 3) {
    if (c.cur_pp.empty()) return Res::Unrecognised;
    auto& i = c.ifc(c.cur_pp, r);
    i.pppoe = true;
    i.parent = lower(w[2]);
    i.dialer_pool = lower(w[2]);
    i.negotiated_address = true;
    c.ifc(lower(w[2]), r);
    return Res::Recognised;
  }
  if (w0 == "pp" && w1 == "bind" && w.size() >= 3) {
    if (c.cur_pp.empty()) return Res::Unrecognised;
    c.pp_bind[c.cur_pp] = lower(w[2]);
    return Res::Recognised;
  }
  if (w0 == "pp" && w1 == "auth" && w.size() >= 4) {
    std::string k = lower(w[2]);
    if (k == "myname" && w.size() >= 5) {
      c.dev.secrets.push_back(secret(model::SecretKind::Password, model::SecretStorage::Plain, w[4], r, w[3],
                                     "yamaha-ppp-clear"));
      return Res::Recognised;
    }
    if (k == "username" && w.size() >= 5) {
      c.dev.secrets.push_back(secret(model::SecretKind::Password, model::SecretStorage::Plain, w[4], r, w[3],
                                     "yamaha-ppp-clear"));
      return Res::Recognised;
    }
    return Res::Ignored;  // accept / request
  }
  if (w0 == "ppp" || (w0 == "pp" && (w1 == "keepalive" || w1 == "always-on" || w1 == "name")) ||
      (w0 == "pppoe" && (w1 == "auto" || w1 == "service-name" || w1 == "access" || w1 == "padi" ||
                         w1 == "padr" || w1 == "disconnect" || w1 == "tcp")))
    return Res::Ignored;
  // --- tunnel context
  if (w0 == "tunnel" && w1 == "encapsulation" && w.size() == 3) {
    if (c.cur_tunnel.empty()) return Res::Unrecognised;
    c.tunnels[c.cur_tunnel].encapsulation = lower(w[2]);
    c.ifc(c.cur_tunnel, r).tunnel_mode = lower(w[2]);
    return Res::Recognised;
  }
  if (w0 == "tunnel" && w1 == "endpoint" && w.size() >= 4) {
    if (c.cur_tunnel.empty()) return Res::Unrecognised;
    if (lower(w[2]) == "address") {
      if (auto a = parse_ipv4(w.back())) c.ifc(c.cur_tunnel, r).tunnel_destination = *a;
    }
    return Res::Recognised;
  }
  if (w0 == "tunnel" && w1 == "name") return Res::Ignored;
  // --- description
  if (w0 == "description" && w.size() >= 2) {
    std::optional<std::string> name;
    size_t from = 2;
    if (w1 == "pp")
      name = c.cur_pp.empty() ? std::nullopt : std::optional<std::string>(c.cur_pp);
    else if (w1 == "tunnel")
      name = c.cur_tunnel.empty() ? std::nullopt : std::optional<std::string>(c.cur_tunnel);
    else if (is_ifc_token(w1))
      name = w1;
    if (!name) return Res::Ignored;  // system description
    c.ifc(*name, r).description = ios::join(w, from);
    return Res::Recognised;
  }
  // --- ip ...
  if (w0 == "ip" && w.size() >= 3) {
    if (w1 == "route") return parse_route(c, l, w);
    if (w1 == "filter") {
      std::string k = lower(w[2]);
      if (k == "dynamic") return parse_dynamic_def(c, l, w) ? Res::Recognised : Res::Unrecognised;
      if (k == "source-route" || k == "directed-broadcast") return Res::Ignored;
      if (num(k)) return parse_filter_def(c, l, w) ? Res::Recognised : Res::Unrecognised;
      return Res::Unrecognised;
    }
    if (auto name = ifc_of(c, w1)) return parse_ip_ifc(c, l, w, *name);
    if (w1 == "keepalive" || w1 == "host") return Res::Ignored;
    return Res::Unrecognised;
  }
  if (w0 == "nat") return parse_nat(c, l, w);
  if (w0 == "ipsec") return parse_ipsec(c, l, w);
  // --- accounts
  if (w0 == "login" && w1 == "password") {
    c.dev.secrets.push_back(password_secret(model::SecretKind::Password, w, 2, r, "(login)"));
    c.login_pw = true;
    return Res::Recognised;
  }
  if (w0 == "administrator" && w1 == "password") {
    c.dev.secrets.push_back(password_secret(model::SecretKind::EnableSecret, w, 2, r, "(administrator)"));
    c.admin_pw = true;
    return Res::Recognised;
  }
  if (w0 == "login" && w1 == "user" && w.size() >= 3) {
    c.dev.secrets.push_back(password_secret(model::SecretKind::Password, w, 3, r, w[2]));
    return Res::Recognised;
  }
  if (w0 == "l2tp" && w1 == "service") {
    c.l2tp_on = w.size() > 2 && lower(w[2]) == "on";
    return Res::Recognised;
  }
  if (w0 == "l2tp" && w1 == "tunnel" && w.size() >= 5 && lower(w[2]) == "auth") {
    c.dev.secrets.push_back(secret(model::SecretKind::Other, model::SecretStorage::Plain, w[4], r,
                                   c.cur_tunnel, "yamaha-l2tp-clear"));
    return Res::Recognised;
  }
  if (w0 == "telnetd" || w0 == "httpd" || w0 == "sshd" || w0 == "snmp" || w0 == "snmpv2c")
    return parse_mgmt(c, l, w);
  if (w0 == "tftp" && w1 == "host") {
    if (w.size() > 2 && lower(w[2]) != "none")
      c.note("tftp host " + ios::join(w, 2) +
                 ": configuration can be read over TFTP (with the "
                 "administrator password) from these hosts",
             r);
    return Res::Recognised;
  }
  if (w0 == "schedule") {
    // schedule at ID [DATE] TIME * COMMAND...: a periodic "ntpdate SERVER" is the RTX time sync.
    if (auto server = scheduled_ntpdate(w)) {
      c.dev.hygiene.push_back(
          hygiene_fact(model::HygieneTopic::TimeSync, *server + " (schedule: ntpdate)", r));
      return Res::Recognised;
    }
    c.note("schedule line not evaluated: its tail is itself a command run later (" +
               quote_config_text(l.text) + ")",
           r);
    return Res::Ignored;
  }
  if (w0 == "ntpdate" && w.size() >= 2) {
    // Run once when the configuration is loaded (at start-up): no periodic synchronisation.
    c.dev.hygiene.push_back(
        hygiene_fact(model::HygieneTopic::TimeSync, w[1] + " (ntpdate once at start-up, no schedule)", r));
    return Res::Recognised;
  }
  if (w0 == "syslog" && w1 == "host" && w.size() >= 3) {
    // Up to four collectors on one line (Command Reference §4.25).
    for (size_t i = 2; i < w.size(); ++i)
      c.dev.hygiene.push_back(hygiene_fact(model::HygieneTopic::RemoteLog, w[i], r));
    return Res::Recognised;
  }
  if (w0 == "login" && w1 == "timer" && w.size() == 3) {
    // Seconds without key input before logout, 120..21474836; "clear": no timer, but TELNET, SSH,
    // SFTP and HTTP sessions then still use 300 s (Command Reference §4.53).
    const bool clear = lower(w[2]) == "clear";
    auto secs = num(w[2]);
    if (!clear && (!secs || *secs < 120 || *secs > 21474836)) return Res::Unrecognised;
    for (const char* svc : {"console", "telnet", "ssh"}) {
      const bool console = std::string(svc) == "console";
      auto f = hygiene_fact(model::HygieneTopic::IdleTimeout, std::string(svc) + " (login timer)", r);
      f.number = !clear ? static_cast<int>((*secs + 59) / 60) : console ? 0 : 5;
      if (clear && !console)
        f.default_source =
            "login timer clear: network sessions still time out after 300 s (Yamaha RTX Command "
            "Reference Rev.23.02.02 §4.53)";
      c.dev.hygiene.push_back(f);
    }
    c.login_timer = true;
    return Res::Recognised;
  }
  if (w0 == "user" && w1 == "attribute" && w.size() >= 4) {
    // A user's own login-timer=N overrides "login timer" (Command Reference §4.10); "clear" keeps
    // 300 s on network sessions, so only the console never times out.
    for (size_t i = 3; i < w.size(); ++i) {
      std::string a = lower(w[i]);
      if (a.rfind("login-timer=", 0) != 0) continue;
      std::string v = a.substr(12);
      auto secs = num(v);
      if (v != "clear" && (!secs || *secs < 120 || *secs > 21474836)) return Res::Ignored;  // not a timer
      auto f = hygiene_fact(
          model::HygieneTopic::IdleTimeout,
          "user " + w[2] + " (user attribute login-timer" + (v == "clear" ? "=clear: console" : "") + ")", r);
      f.number = v == "clear" ? 0 : static_cast<int>((*secs + 59) / 60);
      c.dev.hygiene.push_back(f);
      return Res::Recognised;
    }
    return Res::Ignored;
  }
  if (w0 == "login" && w1 == "radius" && w.size() == 4 && lower(w[2]) == "use") {
    if (lower(w[3]) == "on")
      c.dev.hygiene.push_back(
          hygiene_fact(model::HygieneTopic::AuthEventLog,
                       "logins authenticated by a RADIUS server (the server records them)", r));
    return Res::Recognised;
  }
  if (w0 == "security" && w1 == "class") {
    if (w.size() > 3 && lower(w[3]) == "on")
      c.note("security class ... forget on: the fixed console password works on the serial port", r);
    return Res::Ignored;
  }
  // --- IPv6 on an interface: recorded so the prover sees IPv6-enabled interfaces (IPv6 itself is
  // not modelled: an IPv6 path to the internet makes a zone UNPROVEN) and the IPv6 check sees the
  // secure filters. Other IPv6 lines (routes, filter definitions, prefixes, RA) stay ignored.
  if (w0 == "ipv6" && w.size() >= 4) {
    if (auto name = ifc_of(c, w1)) {
      std::string k = lower(w[2]);
      if (k == "address") {
        c.ifc(*name, r).ipv6.push_back({ios::join(w, 3), r});
        return Res::Recognised;
      }
      if (k == "dhcp" && lower(w[3]) == "service" && w.size() >= 5 && lower(w[4]) == "client") {
        c.ifc(*name, r).ipv6.push_back({"dhcp client (" + ios::join(w, 5) + ")", r});
        return Res::Recognised;
      }
      if (k == "secure" && w.size() >= 5 && lower(w[3]) == "filter") {
        std::string dir = lower(w[4]);
        auto& i = c.ifc(*name, r);
        if (dir == "in") {
          i.ipv6_filter_in = "ipv6 " + *name + " secure filter in";
          i.ipv6_filter_in_ref = r;
          return Res::Recognised;
        }
        if (dir == "out") {
          i.ipv6_filter_out = "ipv6 " + *name + " secure filter out";
          i.ipv6_filter_out_ref = r;
          return Res::Recognised;
        }
      }
    }
  }
  // --- deliberately irrelevant families
  static const std::set<std::string> ign0 = {"console",   "statistics",  "dashboard",
                                             "syslog",    "dns",         "ntpdate",
                                             "timezone",  "dhcp",        "ipv6",
                                             "ngn",       "sftpd",       "netvolante-dns",
                                             "lan-map",   "switch",      "lan",
                                             "vlan",      "provider",    "analog",
                                             "user",      "snmpv3",      "external-memory",
                                             "operation", "alarm",       "show",
                                             "save",      "heartbeat",   "upnp",
                                             "mail",      "sip",         "wins",
                                             "ethernet",  "cooperation", "url",
                                             "quality",   "queue",       "speed"};
  if (ign0.count(w0)) return Res::Ignored;
  if (w0 == "login" && (w1 == "timer")) return Res::Ignored;
  if (w0 == "l2tp") return Res::Ignored;  // keepalive, syslog, tunnel disconnect ...
  return Res::Unrecognised;
}

// Lines of a console capture that are not configuration (prompts, pager, command echo).
bool is_capture_debris(const std::string& t) {
  size_t f = t.find_first_not_of(" \t");
  std::string s = t.substr(f);
  if (s.rfind("---", 0) == 0) return true;  // "--- つづく ---" pager
  auto gt = s.find_first_of(">#");
  if (gt != std::string::npos && gt > 0 && s.find(' ') >= gt) {
    std::string rest = s.substr(gt + 1);
    size_t k = rest.find_first_not_of(' ');
    if (k == std::string::npos || rest.compare(k, 4, "show") == 0) return true;  // "RTX> show config"
  }
  if (s[0] == '[' && s.find("] #") != std::string::npos) return true;
  return false;
}

// ---- finishing: filters, NAT, VPNs, management --------------------------------------------------

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

void finish_interfaces(Ctx& c) {
  for (auto& i : c.dev.interfaces) {
    bool pp = i.name.rfind("pp", 0) == 0, tun = i.name.rfind("tunnel", 0) == 0;
    if ((pp || tun) && !c.enabled.count(i.name)) {
      i.shutdown = true;
      i.shutdown_ref = i.src_ref;
    }
    if (pp && i.ipv4.empty() && !i.pppoe) i.negotiated_address = true;
    if (tun && i.ipv4.empty()) i.unnumbered = true;
  }
}

void finish_vpns(Ctx& c) {
  std::string wan;
  for (const auto& r : c.dev.routes)
    if (r.prefix.len == 0 && !r.out_interface.empty()) wan = r.out_interface;
  for (const auto& [tn, t] : c.tunnels) {
    model::Vpn v;
    v.name = tn;
    v.interface = wan;
    v.src_ref = t.ref.known() ? t.ref : c.ifc(tn, {}).src_ref;
    if (t.encapsulation == "l2tp") {
      v.kind = model::VpnKind::L2tp;
      v.peer_any = true;
      for (const auto& [pp, bt] : c.pp_bind)
        if (bt == tn || (bt.find('-') != std::string::npos)) {
          auto p = c.pp_pools.find(pp);
          if (p != c.pp_pools.end())
            v.client_pools.insert(v.client_pools.end(), p->second.begin(), p->second.end());
        }
    } else if (t.encapsulation != "ipsec") {
      continue;  // ipip, l2tpv3, map-e ...: not a VPN terminating IPsec
    }
    if (!t.policy.empty()) {
      auto p = c.policies.find(t.policy);
      if (p == c.policies.end()) {
        v.understood = false;
        v.why_not_understood = "ipsec tunnel " + t.policy + ": no ipsec sa policy";
      } else {
        v.proposals.push_back("esp " + p->second.text);
        auto g = c.gws.find(p->second.gw);
        if (g != c.gws.end()) {
          v.peers = g->second.peers;
          v.peer_any = v.peer_any || g->second.any;
          v.proposals.push_back("ike " + g->second.enc + " " + g->second.hash + " " + g->second.group);
          if (g->second.psk) v.authentication = "psk";
          if (!g->second.remote_understood) {
            v.understood = false;
            v.why_not_understood = "peer given by name";
          }
        }
      }
    } else if (t.encapsulation == "ipsec") {
      continue;  // a tunnel interface without IPsec policy
    }
    for (const auto& r : c.dev.routes)
      if (r.out_interface == tn) v.remote_networks.push_back(AddrMatch::of(r.prefix));
    c.ifc(tn, {}).tunnel_protection = t.policy.empty() ? "" : "ipsec tunnel " + t.policy;
    if (c.ifc(tn, {}).tunnel_mode.empty()) c.ifc(tn, {}).tunnel_mode = t.encapsulation;
    c.dev.vpns.push_back(v);
  }
}

// Hygiene topics the configuration left to the defaults. No "ntpdate" schedule: the clock is not
// synchronised (ntpdate is a command that runs only when executed, Command Reference §4.17); no
// "syslog host": nothing is sent (no default host, §4.25).
void finish_hygiene(Ctx& c) {
  auto unknown = [&](model::HygieneTopic t, const std::string& subject, const std::string& why) {
    model::HygieneFact f;
    f.topic = t;
    f.subject = subject;
    f.origin = model::SettingOrigin::Unknown;
    f.default_source = why;
    c.dev.hygiene.push_back(f);
  };
  if (!c.login_timer) {
    for (const char* svc : {"console", "telnet", "ssh"}) {
      model::HygieneFact f;
      f.topic = model::HygieneTopic::IdleTimeout;
      f.subject = std::string(svc) + " (login timer)";
      f.number = 5;
      f.origin = model::SettingOrigin::VendorDefault;
      f.default_source =
          "Yamaha RTX Command Reference Rev.23.02.02 §4.53 login timer: initial value 300 seconds";
      c.dev.hygiene.push_back(f);
    }
  }
  unknown(
      model::HygieneTopic::LoginLockout, "login lockout after failed logins",
      "Yamaha RTX: no documented login lockout or back-off setting in the Command Reference chapters read");
  unknown(model::HygieneTopic::PasswordPolicy, "password minimum length",
          "Yamaha RTX: no documented password length policy (passwords are 1..32 characters, §4.3)");
  bool radius = false;
  for (const auto& f : c.dev.hygiene) radius |= f.topic == model::HygieneTopic::AuthEventLog;
  if (!radius)
    unknown(model::HygieneTopic::AuthEventLog, "login successes and failures",
            "Yamaha RTX: which syslog level records logins is not documented in what we read "
            "(INFO messages are kept in the device and sent to the syslog host while 'syslog info on')");
}

void finish_mgmt(Ctx& c) {
  SourceRef file_ref{c.file, 0, 0};
  std::vector<std::string> lans;
  for (const auto& i : c.dev.interfaces)
    if (i.name.rfind("lan", 0) == 0 || i.name.rfind("vlan", 0) == 0 || i.name.rfind("bridge", 0) == 0)
      lans.push_back(i.name);
  auto make = [&](model::MgmtProtocol p, const Ctx::Svc& s, bool def_on, const char* def_host) {
    model::MgmtService m;
    m.protocol = p;
    m.enabled = s.on.value_or(def_on);
    m.is_default = !s.on.has_value();
    m.src_ref = s.ref.known() ? s.ref : s.host_ref.known() ? s.host_ref : file_ref;
    std::vector<std::string> hosts = s.hosts_set ? s.hosts : std::vector<std::string>{def_host};
    bool understood = true;
    for (const auto& h : hosts) {
      if (h == "any") {
        m.allowed_sources.clear();
        m.allowed_interfaces.clear();
        understood = true;
        break;
      }
      if (h == "none") {
        m.enabled = false;
        continue;
      }
      if (h == "lan") {
        m.allowed_interfaces.insert(m.allowed_interfaces.end(), lans.begin(), lans.end());
        continue;
      }
      if (is_ifc_token(h)) {
        m.allowed_interfaces.push_back(h);
        continue;
      }
      if (auto a = filter_addr(h))
        m.allowed_sources.insert(m.allowed_sources.end(), a->begin(), a->end());
      else
        understood = false;
    }
    if (!understood) {
      m.allowed_sources.clear();
      m.allowed_interfaces.clear();
      c.note("management host list not understood: taken as unrestricted", m.src_ref);
    }
    if (!m.allowed_sources.empty() && !m.allowed_interfaces.empty()) {
      // Both an address list and interfaces: keep the addresses (the tighter reading is unsafe).
      m.allowed_sources.clear();
      m.allowed_interfaces.clear();
    }
    return m;
  };
  // Defaults (Yamaha command reference): telnetd on, host any (newer revisions write
  // "telnetd host lan" in the factory config, which then appears as a line); httpd on, host lan;
  // sshd off; snmp host none.
  c.dev.services.push_back(make(model::MgmtProtocol::Telnet, c.telnet, true, "any"));
  c.dev.services.push_back(make(model::MgmtProtocol::Http, c.http, true, "lan"));
  c.dev.services.push_back(make(model::MgmtProtocol::Ssh, c.ssh, false, "any"));
  auto snmp = make(model::MgmtProtocol::Snmp, c.snmp, false, "none");
  snmp.version = "v2c";
  c.dev.services.push_back(snmp);
  if (c.snmp.hosts_set && !c.snmp_community) {
    auto s = secret(model::SecretKind::SnmpCommunity, model::SecretStorage::Plain, "public", c.snmp.host_ref,
                    "", "yamaha-default-community");
    s.access = "RO";
    c.dev.secrets.push_back(s);
    c.note("snmp host set without a community: the default read-only community 'public' applies",
           c.snmp.host_ref);
  }
  if (!c.login_pw) {
    c.dev.secrets.push_back(secret(model::SecretKind::Password, model::SecretStorage::Plain, "", file_ref,
                                   "(login)", "yamaha-absent"));
    c.note("no 'login password' line: the device has no login password (factory default)", file_ref);
  }
  finish_hygiene(c);
  if (!c.admin_pw) {
    c.dev.secrets.push_back(secret(model::SecretKind::EnableSecret, model::SecretStorage::Plain, "", file_ref,
                                   "(administrator)", "yamaha-absent"));
    c.note("no 'administrator password' line: administrator mode has no password (factory default)",
           file_ref);
  }
}

}  // namespace

bool looks_like_yamaha_rtx(std::string_view content) {
  std::string_view head = content.substr(0, std::min<size_t>(content.size(), 200000));
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
    for (const char* model :
         {"# RTX", "# NVR", "# RT", "# N58", "# FWX", "# SRT", "# vRX", "#\tN58", "#\tRTX"}) {
      std::string_view m(model);
      if (line.substr(0, m.size()) == m && line.find(" Rev.") != std::string_view::npos) return true;
    }
    auto starts = [&](std::string_view p) { return line.substr(0, p.size()) == p; };
    if (starts("pp select ") || starts("tunnel select ") || starts("nat descriptor ") ||
        starts("pppoe use ") || starts("ip pp ") || starts("ip tunnel secure") || starts("telnetd ") ||
        starts("sshd service") || starts("ipsec ike pre-shared-key") || starts("ipsec sa policy"))
      score += 2;
    else if (starts("ip lan") && line.size() > 6 && std::isdigit(static_cast<unsigned char>(line[6])))
      score += 2;
    else if (starts("ip filter ") && line.size() > 10 && std::isdigit(static_cast<unsigned char>(line[10])))
      ++score;
    else if (starts("ip route ") && line.find(" gateway ") != std::string_view::npos)
      score += 2;
    if (score >= 4) return true;
  }
  return false;
}

model::Device parse_yamaha_rtx(std::string_view content, const std::string& file) {
  Ctx c;
  c.file = file;
  c.dev.vendor = model::Vendor::YamahaRtx;
  c.dev.file = file;
  // Yamaha NAT is applied before the inbound secure filter: the prover's firewall order.
  c.dev.stateful = true;
  int total = 0, wraps = 0;
  auto lines = read_lines(content, total, wraps);
  c.dev.total_lines = total;
  if (wraps)
    c.note(std::to_string(wraps) +
               " console line wrap(s) joined (lines of 79/80 columns followed by a "
               "line that does not start with a command)",
           {file, 0, 0});
  bool sjis = false;
  for (unsigned char ch : content)
    if (ch >= 0x80) {
      sjis = true;
      break;
    }
  if (sjis)
    c.note("non-ASCII text (Japanese) replaced by '?' per column and kept out of the model", {file, 0, 0});
  for (const auto& l : lines) {
    auto count = [&](Res r) {
      int n = 1 + static_cast<int>(l.cont.size());
      if (r == Res::Ignored) c.dev.ignored_lines += n;
    };
    size_t f = l.text.find_first_not_of(" \t");
    if (l.text[f] == '#') {
      if (c.dev.os_version.empty()) {
        Words hw = tokenize(l.text.substr(l.text.find('#') + 1));
        auto rev = l.text.find(" Rev.");
        if (rev != std::string::npos && hw.size() >= 2 && hw[1].rfind("Rev.", 0) == 0) {
          auto e = l.text.find_first_of(" (", rev + 5);
          c.dev.os_version = l.text.substr(rev + 5, e == std::string::npos ? std::string::npos : e - rev - 5);
        }
      }
      count(Res::Ignored);
      continue;
    }
    if (is_capture_debris(l.text)) {
      count(Res::Ignored);
      continue;
    }
    Words w = tokenize(l.text);
    if (w.empty()) {
      count(Res::Ignored);
      continue;
    }
    Res res = Res::Unrecognised;
    try {
      if (lower(w[0]) == "no") {
        res = Res::Unrecognised;  // negations in hand files: effect on defaults not modelled
      } else {
        res = statement(c, l, w);
      }
    } catch (const std::exception&) {
      res = Res::Unrecognised;
    }
    count(res);
    if (res == Res::Unrecognised) {
      model::UnrecognisedLine u;
      u.src_ref = c.ref(l);
      u.text = quote_config_text(l.text.substr(f));
      std::string w0 = lower(w[0]);
      if (!c.cur_pp.empty() || !c.cur_tunnel.empty()) {
        u.context = LineContext::Interface;
        u.context_name = !c.cur_pp.empty() ? c.cur_pp : c.cur_tunnel;
      } else if (w0 == "nat") {
        u.context = LineContext::Nat;
      } else if (w0 == "ipsec" || w0 == "l2tp") {
        u.context = LineContext::Vpn;
      } else if (w.size() > 1 && w0 == "ip" && lower(w[1]) == "filter") {
        u.context = LineContext::Filter;
      } else if (w.size() > 1 && w0 == "ip" && lower(w[1]) == "route") {
        u.context = LineContext::Route;
      } else if (w0 == "telnetd" || w0 == "sshd" || w0 == "httpd" || w0 == "snmp" || w0 == "login" ||
                 w0 == "administrator") {
        u.context = LineContext::Management;
        u.affects_forwarding = false;
      }
      c.dev.unrecognised.push_back(u);
    }
  }
  finish_interfaces(c);
  finish_filters(c);
  finish_nat(c);
  finish_vpns(c);
  finish_mgmt(c);
  c.note(
      "Yamaha order on a NAT interface: received packets are translated, then filtered; sent packets "
      "are filtered, then translated. Modelled with firewall order (NAT before the ingress filter)",
      {file, 0, 0});
  if (c.dev.hostname.empty()) c.dev.hostname = "";
  c.dev.name = c.dev.hostname;
  return std::move(c.dev);
}

}  // namespace gp::parsers
