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
#include <cctype>
#include <string>

#include "parsers/yamaha_rtx/internal.h"

namespace gp::parsers {

using namespace rtx;

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
          c.hw_model = hw[0];
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
                 w0 == "administrator" || w0 == "security" || w0 == "tftp") {
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
