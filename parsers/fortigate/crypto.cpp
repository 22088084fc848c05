// What FortiOS accepts in cryptography, in vendor-neutral terms for the checks: IKE/IPsec proposals
// and DH groups of phase 1 and phase 2, the TLS of the SSL-VPN portal (`config vpn ssl settings`)
// and of HTTPS administration (`admin-https-ssl-versions` in `config system global`). The two TLS
// services are separate settings on the device and separate facts in the model.
#include <algorithm>

#include "parsers/fortigate/internal.h"

namespace gp::parsers::fgt {

namespace {

// "3des" -> "3des", "aes128gcm" -> "aes128", "sha1" -> "sha1", "prfsha256" -> "" (a PRF only).
std::string neutral_part(const std::string& part) {
  static const std::map<std::string, std::string> k = {{"null", "null"},
                                                       {"des", "des"},
                                                       {"3des", "3des"},
                                                       {"aes128", "aes128"},
                                                       {"aes192", "aes192"},
                                                       {"aes256", "aes256"},
                                                       {"aes128gcm", "aes128"},
                                                       {"aes256gcm", "aes256"},
                                                       {"aria128", "aria128"},
                                                       {"aria192", "aria192"},
                                                       {"aria256", "aria256"},
                                                       {"seed", "seed"},
                                                       {"chacha20poly1305", "chacha20"},
                                                       {"md5", "md5"},
                                                       {"sha1", "sha1"},
                                                       {"sha256", "sha256"},
                                                       {"sha384", "sha384"},
                                                       {"sha512", "sha512"}};
  auto it = k.find(part);
  return it == k.end() ? "" : it->second;
}

// DH group numbers as groups: MODP groups by size, elliptic and other groups by number.
std::string dh_group(const std::string& n) {
  static const std::map<std::string, std::string> k = {
      {"1", "modp768"},   {"2", "modp1024"},  {"5", "modp1536"},  {"14", "modp2048"},
      {"15", "modp3072"}, {"16", "modp4096"}, {"17", "modp6144"}, {"18", "modp8192"}};
  auto it = k.find(n);
  return it == k.end() ? "dh-group-" + n : it->second;
}

int major_of(const std::string& v) {
  int n = 0;
  size_t i = 0;
  for (; i < v.size() && i < 3 && v[i] >= '0' && v[i] <= '9'; ++i) n = n * 10 + (v[i] - '0');
  return i == 0 ? -1 : n;
}

// "tls1-0" / "tlsv1-0" -> "tlsv1.0"; "" for anything else.
std::string tls_version(const std::string& w) {
  static const std::map<std::string, std::string> k = {
      {"tls1-0", "tlsv1.0"},  {"tls1-1", "tlsv1.1"},  {"tls1-2", "tlsv1.2"},
      {"tls1-3", "tlsv1.3"},  {"tlsv1-0", "tlsv1.0"}, {"tlsv1-1", "tlsv1.1"},
      {"tlsv1-2", "tlsv1.2"}, {"tlsv1-3", "tlsv1.3"}, {"sslv3", "sslv3"}};
  auto it = k.find(w);
  return it == k.end() ? "" : it->second;
}

const std::vector<std::string>& tls_order() {
  static const std::vector<std::string> k = {"sslv3", "tlsv1.0", "tlsv1.1", "tlsv1.2", "tlsv1.3"};
  return k;
}

}  // namespace

model::VpnProposal proposal_of(const Words& w, const SourceRef& r) {
  model::VpnProposal p;
  p.text = join(w);
  p.src_ref = r;
  for (size_t i = 1; i < w.size(); ++i) {
    // "aes256gcm-prfsha384", "3des-sha1", "chacha20poly1305-prfsha256": cipher-integrity.
    const std::string& x = w[i];
    auto dash = x.find('-');
    for (const std::string& part : {x.substr(0, dash), dash == std::string::npos ? "" : x.substr(dash + 1)})
      if (auto a = neutral_part(part); !a.empty()) p.algorithms.push_back(a);
  }
  return p;
}

model::VpnProposal dhgrp_of(const Words& w, const SourceRef& r) {
  model::VpnProposal p;
  p.text = join(w);
  p.src_ref = r;
  for (size_t i = 1; i < w.size(); ++i) p.algorithms.push_back(dh_group(w[i]));
  return p;
}

bool read_ssl_tls(model::TlsSettings& t, SslTlsLines& lines, const Words& w, const SourceRef& r) {
  if (w.size() < 2) return false;
  if (w[0] == "ssl-min-proto-ver" || w[0] == "ssl-max-proto-ver") {
    if (tls_version(w[1]).empty()) return false;
    auto& slot = w[0] == "ssl-min-proto-ver" ? lines.min : lines.max;
    slot.first = tls_version(w[1]);
    slot.second = r;
    return true;
  }
  // FortiOS 6.0 and earlier: one switch per version ("set tlsv1-0 enable").
  if (w[0] == "tlsv1-0" || w[0] == "tlsv1-1" || w[0] == "tlsv1-2" || w[0] == "tlsv1-3" || w[0] == "sslv3") {
    auto& sw = lines.switches[tls_version(w[0])];
    sw.first = w[1] == "enable";
    sw.second = r;
    return true;
  }
  // Suites taken away (banned-cipher) or the TLS 1.3 suites (ciphersuite): they cannot add a weak
  // suite, so they are read and change nothing the checks judge.
  if (w[0] == "banned-cipher" || w[0] == "ciphersuite") return true;
  if (w[0] == "algorithm") {
    if (w[1] == "low" || w[1] == "medium") {
      t.ciphers = {w[1]};
      lines.algorithm = r;
    }
    return true;
  }
  return false;
}

void finish_ssl_tls(model::TlsSettings& t, const SslTlsLines& lines, const std::string& os_version) {
  const auto& order = tls_order();
  auto rank = [&](const std::string& v) {
    return static_cast<int>(std::find(order.begin(), order.end(), v) - order.begin());
  };
  t.ciphers_ref = lines.algorithm;
  if (!lines.switches.empty() && !lines.min.second.known()) {
    // Old form: the versions switched on; the lowest one on is the setting that allows it.
    std::string list;
    SourceRef lowest;
    for (const auto& v : order) {
      auto it = lines.switches.find(v);
      if (it == lines.switches.end() || !it->second.first) continue;
      list += (list.empty() ? "" : " ") + v;
      if (!lowest.known()) lowest = it->second.second;
    }
    if (!list.empty()) t.versions = list, t.versions_ref = lowest;
    return;
  }
  if (!lines.min.second.known()) {
    t.versions_unknown = "the default of ssl-min-proto-ver for FortiOS " +
                         (os_version.empty() ? std::string("(release not stated)") : os_version) +
                         " was not verified in the documents we read";
    return;
  }
  const int lo = rank(lines.min.first);
  const int hi = lines.max.second.known() ? rank(lines.max.first) : static_cast<int>(order.size()) - 1;
  std::string list;
  for (int i = lo; i <= hi && i < static_cast<int>(order.size()); ++i)
    list += (list.empty() ? "" : " ") + order[i];
  t.versions = list.empty() ? lines.min.first : list;
  t.versions_ref = lines.min.second;
}

void admin_https_default(model::MgmtService& https, const std::string& os_version) {
  if (https.version) return;
  const int major = major_of(os_version);
  if (major >= 7) {
    https.version = "tlsv1.2 tlsv1.3";
    https.version_default =
        "the FortiOS 7.x default 'admin-https-ssl-versions tlsv1-2 tlsv1-3' (CIS FortiGate "
        "Benchmark 2.1.10)";
  } else if (major == 6) {
    https.version = "tlsv1.1 tlsv1.2 tlsv1.3";
    https.version_default =
        "the FortiOS 6.x default 'admin-https-ssl-versions tlsv1-1 tlsv1-2 tlsv1-3' (CIS "
        "FortiGate Benchmark 2.1.10)";
  }
}

}  // namespace gp::parsers::fgt
