// FortiOS facts behind the crypto checks: phase 1/2 proposals and DH groups at their lines, the
// SSL-VPN portal's TLS and HTTPS administration's TLS as separate facts, release defaults.
#include <catch2/catch.hpp>

#include "tests/parsers/fortigate/fgt_test_util.h"

using namespace gp;
using gp::test::fgt::parse;

namespace {

const model::MgmtService* https(const model::Device& d) {
  for (const auto& s : d.services)
    if (s.protocol == model::MgmtProtocol::Https) return &s;
  return nullptr;
}

const char* kWan =
    "config system interface\n    edit \"wan1\"\n        set ip 203.0.113.2 255.255.255.252\n"
    "        set allowaccess ping https\n    next\nend\n";

}  // namespace

TEST_CASE("FortiOS: proposal and dhgrp lines as neutral algorithms", "[fortigate]") {
  auto d = parse(
      "config vpn ipsec phase1-interface\n"                                              // 1
      "    edit \"p1\"\n"                                                                // 2
      "        set proposal 3des-md5 aes256gcm-prfsha384\n"                              // 3
      "        set dhgrp 2 21\n"                                                         // 4
      "        set remote-gw 198.51.100.7\n"                                             // 5
      "    next\nend\n"                                                                  // 6-7
      "config vpn ipsec phase2-interface\n    edit \"p2\"\n"                             // 8-9
      "        set phase1name \"p1\"\n        set proposal des-sha1\n    next\nend\n");  // 10-11
  REQUIRE(d.vpns.size() == 1);
  const auto& p = d.vpns[0].proposals;
  REQUIRE(p.size() == 3);
  CHECK(p[0].algorithms == std::vector<std::string>{"3des", "md5", "aes256"});
  CHECK(p[0].src_ref.line == 3);
  CHECK(p[1].algorithms == std::vector<std::string>{"modp1024", "dh-group-21"});
  CHECK(p[1].src_ref.line == 4);
  CHECK(p[2].algorithms == std::vector<std::string>{"des", "sha1"});
  CHECK(p[2].src_ref.line == 11);
}

TEST_CASE("FortiOS: SSL-VPN TLS on the VPN, admin TLS on the HTTPS service", "[fortigate]") {
  auto d = parse(std::string("config system global\n    set admin-https-ssl-versions tlsv1-2 tlsv1-3\n"
                             "    set ssl-min-proto-version TLSv1\nend\n") +
                 kWan +
                 "config vpn ssl settings\n    set source-interface \"wan1\"\n"
                 "    set ssl-min-proto-ver tls1-1\n    set ssl-max-proto-ver tls1-2\nend\n");
  const auto* h = https(d);
  REQUIRE(h);
  CHECK(h->version == std::optional<std::string>("tlsv1.2 tlsv1.3"));
  CHECK(h->version_ref.line == 2);
  CHECK(h->version_default.empty());
  REQUIRE(d.vpns.size() == 1);
  REQUIRE(d.vpns[0].tls);
  CHECK(d.vpns[0].tls->versions == std::optional<std::string>("tlsv1.1 tlsv1.2"));
  CHECK(d.vpns[0].tls->versions_ref.line == 13);
  // The global ssl-min-proto-version (connections the FortiGate opens) is neither of them.
  bool noted = false;
  for (const auto& n : d.notes) noted |= n.first.rfind("ssl-min-proto-version TLSv1", 0) == 0;
  CHECK(noted);
  // FortiOS 6.0 form: one switch per version.
  auto old = parse(std::string(kWan) +
                   "config vpn ssl settings\n    set source-interface \"wan1\"\n    set tlsv1-0 enable\n"
                   "    set tlsv1-1 enable\n    set tlsv1-2 enable\nend\n");
  REQUIRE(old.vpns.size() == 1);
  REQUIRE(old.vpns[0].tls);
  CHECK(old.vpns[0].tls->versions == std::optional<std::string>("tlsv1.0 tlsv1.1 tlsv1.2"));
  CHECK(old.vpns[0].tls->versions_ref.line == 9);
}

TEST_CASE("FortiOS: admin HTTPS TLS defaults per release, SSL-VPN default not assumed", "[fortigate]") {
  auto v6 =
      parse(std::string("#config-version=FGT60F-6.2.9-FW-build1234-210101:opmode=1:vdom=0:user=admin\n") +
            kWan + "config vpn ssl settings\n    set source-interface \"wan1\"\nend\n");
  const auto* h = https(v6);
  REQUIRE(h);
  CHECK(h->version == std::optional<std::string>("tlsv1.1 tlsv1.2 tlsv1.3"));
  CHECK(h->version_default.find("FortiOS 6.x default") != std::string::npos);
  REQUIRE(v6.vpns.size() == 1);
  REQUIRE(v6.vpns[0].tls);
  CHECK_FALSE(v6.vpns[0].tls->versions);
  CHECK_FALSE(v6.vpns[0].tls->versions_unknown.empty());
  auto v7 = parse(
      std::string("#config-version=FGT60F-7.4.1-FW-build2463-230830:opmode=1:vdom=0:user=admin\n") + kWan);
  REQUIRE(https(v7));
  CHECK(https(v7)->version == std::optional<std::string>("tlsv1.2 tlsv1.3"));
  auto unknown = parse(kWan);
  REQUIRE(https(unknown));
  CHECK_FALSE(https(unknown)->version);
}
