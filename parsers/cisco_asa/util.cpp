// Small helpers of the ASA parser: line accounting, port/protocol name tables,
// range-to-prefix conversion.
#include <algorithm>
#include <array>
#include <boost/spirit/home/x3.hpp>
#include <cctype>
#include <cstdio>
#include <utility>

#include "parsers/cisco_asa/internal.h"

namespace gp::parsers::asa {

namespace x3 = boost::spirit::x3;
using model::LineContext;

void Ctx::ignored(const parsers::ConfigLine& l) {
  auto& s = status[l.line];
  if (s != model::LineStatus::Ignored) ++dev.ignored_lines;
  s = model::LineStatus::Ignored;
}

void Ctx::ignored_tree(const parsers::ConfigLine& l) {
  ignored(l);
  for (const auto& ch : l.children) ignored_tree(ch);
}

void Ctx::unrecognised(const parsers::ConfigLine& l, LineContext ctx, const std::string& name, bool affects) {
  status[l.line] = model::LineStatus::Unrecognised;
  model::UnrecognisedLine u;
  u.src_ref = ref(l.line);
  u.text = quote_config_text(l.text);
  u.context = ctx;
  u.context_name = name;
  u.affects_forwarding = affects;
  dev.unrecognised.push_back(std::move(u));
}

void Ctx::unrecognised_tree(const parsers::ConfigLine& l, LineContext ctx, const std::string& name,
                            bool affects) {
  unrecognised(l, ctx, name, affects);
  for (const auto& ch : l.children) unrecognised_tree(ch, ctx, name, affects);
}

model::Interface* Ctx::by_nameif(const std::string& nameif) {
  for (auto& i : dev.interfaces)
    if (!i.nameif.empty() && i.nameif == nameif) return &i;
  return nullptr;
}

namespace {
// ASA literal port names (tcp and udp share one table; a name valid for only one of them is
// still only ever written with that protocol by the device).
const std::map<std::string, int>& port_names() {
  static const std::map<std::string, int> m = {
      {"aol", 5190},
      {"bgp", 179},
      {"biff", 512},
      {"bootpc", 68},
      {"bootps", 67},
      {"chargen", 19},
      {"cifs", 3020},
      {"citrix-ica", 1494},
      {"cmd", 514},
      {"ctiqbe", 2748},
      {"daytime", 13},
      {"discard", 9},
      {"dnsix", 195},
      {"domain", 53},
      {"echo", 7},
      {"exec", 512},
      {"finger", 79},
      {"ftp", 21},
      {"ftp-data", 20},
      {"gopher", 70},
      {"h323", 1720},
      {"hostname", 101},
      {"http", 80},
      {"https", 443},
      {"ident", 113},
      {"imap4", 143},
      {"irc", 194},
      {"isakmp", 500},
      {"kerberos", 88},
      {"klogin", 543},
      {"kshell", 544},
      {"ldap", 389},
      {"ldaps", 636},
      {"login", 513},
      {"lotusnotes", 1352},
      {"lpd", 515},
      {"mobile-ip", 434},
      {"nameserver", 42},
      {"netbios-dgm", 138},
      {"netbios-ns", 137},
      {"netbios-ssn", 139},
      {"nfs", 2049},
      {"nntp", 119},
      {"ntp", 123},
      {"pcanywhere-data", 5631},
      {"pcanywhere-status", 5632},
      {"pim-auto-rp", 496},
      {"pop2", 109},
      {"pop3", 110},
      {"pptp", 1723},
      {"radius", 1645},
      {"radius-acct", 1646},
      {"rip", 520},
      {"rsh", 514},
      {"rtsp", 554},
      {"secureid-udp", 5510},
      {"sip", 5060},
      {"smtp", 25},
      {"snmp", 161},
      {"snmptrap", 162},
      {"sqlnet", 1521},
      {"ssh", 22},
      {"sunrpc", 111},
      {"syslog", 514},
      {"tacacs", 49},
      {"talk", 517},
      {"telnet", 23},
      {"tftp", 69},
      {"time", 37},
      {"uucp", 540},
      {"vxlan", 4789},
      {"who", 513},
      {"whois", 43},
      {"www", 80},
      {"xdmcp", 177},
      {"kerberos-adm", 749},
      {"rpc", 111},
      {"lpr", 515},
      {"ldap-ssl", 636},
      {"ms-sql-s", 1433},
      {"ms-sql-m", 1434},
      {"netbios-ss", 139},
      {"citrix", 1494},
      {"snmp-trap", 162},
  };
  return m;
}

const std::map<std::string, int>& protocol_names() {
  static const std::map<std::string, int> m = {
      {"icmp", 1},  {"igmp", 2},  {"ipinip", 4}, {"tcp", 6},   {"igrp", 9},   {"udp", 17},   {"gre", 47},
      {"pptp", 47}, {"esp", 50},  {"ipsec", 50}, {"ah", 51},   {"icmp6", 58}, {"eigrp", 88}, {"ospf", 89},
      {"nos", 94},  {"pim", 103}, {"pcp", 108},  {"snp", 109}, {"sctp", 132},
  };
  return m;
}

const std::map<std::string, int>& icmp_names() {
  static const std::map<std::string, int> m = {
      {"echo-reply", 0},           {"unreachable", 3},
      {"source-quench", 4},        {"redirect", 5},
      {"alternate-address", 6},    {"echo", 8},
      {"router-advertisement", 9}, {"router-solicitation", 10},
      {"time-exceeded", 11},       {"parameter-problem", 12},
      {"timestamp-request", 13},   {"timestamp-reply", 14},
      {"information-request", 15}, {"information-reply", 16},
      {"mask-request", 17},        {"mask-reply", 18},
      {"traceroute", 30},          {"conversion-error", 31},
      {"mobile-redirect", 32},
  };
  return m;
}

std::optional<unsigned> small_number(const std::string& w, unsigned max) {
  unsigned v = 0;
  auto first = w.begin();
  if (!x3::parse(first, w.end(), x3::uint_parser<unsigned, 10, 1, 5>{}, v) || first != w.end() || v > max)
    return std::nullopt;
  return v;
}
}  // namespace

std::optional<int> port_number(const std::string& word) {
  if (auto n = small_number(word, 65535)) return static_cast<int>(*n);
  auto it = port_names().find(lower(word));
  if (it == port_names().end()) return std::nullopt;
  return it->second;
}

bool is_ip_any_protocol(const std::string& word) { return lower(word) == "ip"; }

std::optional<int> protocol_number(const std::string& word) {
  if (auto n = small_number(word, 255)) return static_cast<int>(*n);
  auto it = protocol_names().find(lower(word));
  if (it == protocol_names().end()) return std::nullopt;
  return it->second;
}

std::optional<int> icmp_type_number(const std::string& word) {
  if (auto n = small_number(word, 255)) return static_cast<int>(*n);
  auto it = icmp_names().find(lower(word));
  if (it == icmp_names().end()) return std::nullopt;
  return it->second;
}

bool looks_ipv6(const std::string& w) {
  return w.find(':') != std::string::npos && std::all_of(w.begin(), w.end(), [](char ch) {
           return std::isxdigit(static_cast<unsigned char>(ch)) || ch == ':' || ch == '/' || ch == '.';
         });
}

std::optional<PortSpec> read_port_op(const Words& w, size_t& i) {
  if (i >= w.size()) return std::nullopt;
  const std::string& op = w[i];
  if (op != "eq" && op != "neq" && op != "lt" && op != "gt" && op != "range") return std::nullopt;
  PortSpec s;
  auto bad = [&](const std::string& why) {
    s.ok = false;
    s.why = why;
    s.ranges.clear();
    return s;
  };
  if (i + 1 >= w.size()) {
    ++i;
    return bad("port operator '" + op + "' without a value");
  }
  auto a = port_number(w[i + 1]);
  if (op == "range") {
    if (i + 2 >= w.size()) {
      i += 2;
      return bad("incomplete port range");
    }
    auto b = port_number(w[i + 2]);
    i += 3;
    if (!a || !b) return bad("unknown port name in range " + w[i - 2] + " " + w[i - 1]);
    s.ranges.push_back({static_cast<uint16_t>(std::min(*a, *b)), static_cast<uint16_t>(std::max(*a, *b))});
    return s;
  }
  i += 2;
  if (!a) return bad("unknown port name '" + w[i - 1] + "'");
  const auto p = static_cast<uint16_t>(*a);
  if (op == "eq") {
    s.ranges.push_back({p, p});
  } else if (op == "neq") {
    if (p > 0) s.ranges.push_back({0, static_cast<uint16_t>(p - 1)});
    if (p < 65535) s.ranges.push_back({static_cast<uint16_t>(p + 1), 65535});
  } else if (op == "lt") {
    if (p == 0) return bad("'lt 0' matches nothing");
    s.ranges.push_back({0, static_cast<uint16_t>(p - 1)});
  } else {  // gt
    if (p == 65535) return bad("'gt 65535' matches nothing");
    s.ranges.push_back({static_cast<uint16_t>(p + 1), 65535});
  }
  return s;
}

model::Secret make_secret(model::SecretKind kind, const std::string& stored, model::SecretStorage storage,
                          const std::string& storage_id, const SourceRef& ref) {
  model::Secret s;
  s.kind = kind;
  const bool stars = !stored.empty() && stored.find_first_not_of('*') == std::string::npos;
  if (stars || stored == "<removed>" || stored == "<REMOVED>" ||
      stored.find("<removed>") != std::string::npos)
    storage = model::SecretStorage::Masked;
  s.storage = storage;
  s.storage_id = storage_id;
  s.digest = fnv1a_hex(stored);
  s.src_ref = ref;
  return s;
}

}  // namespace gp::parsers::asa
