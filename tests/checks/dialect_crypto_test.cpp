// Weak cryptography and risky services on Yamaha RTX, NEC IX and FortiGate, through the checks of
// the registry: each finding at the line that defines the proposal or setting, once, in the
// dialect's own words.
#include "checks_helpers.h"
#include "parsers/fortigate/fortigate.h"
#include "parsers/nec_ix/nec_ix.h"
#include "parsers/yamaha_rtx/yamaha_rtx.h"

using namespace gp;
using namespace gp::test::chk;
using checks::Severity;

namespace {

model::Device rtx(const std::string& text, const std::string& name = "rtx") {
  auto d = parsers::parse_yamaha_rtx(text, "configs/" + name + ".cfg");
  d.name = name;
  return d;
}

model::Device ix(const std::string& text, const std::string& name = "ix") {
  auto d = parsers::parse_nec_ix(text, "configs/" + name + ".cfg");
  d.name = name;
  return d;
}

model::Device fgt(const std::string& text, const std::string& name = "fgt") {
  auto d = parsers::parse_fortigate(text, "configs/" + name + ".conf");
  d.name = name;
  return d;
}

std::vector<checks::Finding> at_line(const std::vector<checks::Finding>& fs, int line) {
  std::vector<checks::Finding> out;
  for (const auto& f : fs)
    if (f.where.line == line) out.push_back(f);
  return out;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A site-to-site tunnel whose gateway 1 and SA policy 101 the test fills in.
std::string rtx_tunnel(const std::string& ipsec_lines) {
  return "ip route 172.16.20.0/24 gateway tunnel 1\n"  // 1
         "tunnel select 1\n"                           // 2
         " ipsec tunnel 101\n" +                       // 3
         ipsec_lines +
         " tunnel enable 1\n";
}

}  // namespace

TEST_CASE("Yamaha: weak IPsec and IKE algorithms at the line that defines each", "[checks][yamaha]") {
  auto d =
      rtx(rtx_tunnel("  ipsec sa policy 101 1 esp 3des-cbc md5-hmac\n"  // 4
                     "  ipsec ike remote address 1 203.0.113.10\n"      // 5
                     "  ipsec ike encryption 1 des-cbc\n"               // 6
                     "  ipsec ike hash 1 md5\n"                         // 7
                     "  ipsec ike group 1 modp768 modp2048\n"));        // 8
  REQUIRE(d.vpns.size() == 1);
  auto fs = run("GAP-CRYPTO-IKE-WEAK", snap_of({d}));
  REQUIRE(at_line(fs, 4).size() == 1);
  CHECK(has(at_line(fs, 4)[0].message, "3DES"));
  CHECK(has(at_line(fs, 4)[0].message, "MD5"));
  REQUIRE(at_line(fs, 6).size() == 1);
  CHECK(has(at_line(fs, 6)[0].message, "DES"));
  REQUIRE(at_line(fs, 7).size() == 1);
  REQUIRE(at_line(fs, 8).size() == 1);
  CHECK(has(at_line(fs, 8)[0].message, "DH group 1"));
  CHECK(fs.size() == 4);  // nothing at the tunnel line, nothing twice

  // Strong settings: nothing; sha-hmac (SHA-1) is not in the check's list.
  auto strong =
      rtx(rtx_tunnel("  ipsec sa policy 101 1 esp aes256-cbc sha-hmac\n"
                     "  ipsec ike remote address 1 203.0.113.10\n"
                     "  ipsec ike encryption 1 aes256-cbc\n"
                     "  ipsec ike hash 1 sha256\n"
                     "  ipsec ike group 1 modp2048\n"));
  CHECK(run("GAP-CRYPTO-IKE-WEAK", snap_of({strong})).empty());
}

TEST_CASE("Yamaha: IKE defaults (3des-cbc, modp1024) reported as assumed, at the gateway's first line",
          "[checks][yamaha]") {
  auto d =
      rtx(rtx_tunnel("  ipsec sa policy 101 1 esp aes256-cbc sha256-hmac\n"  // 4
                     "  ipsec ike remote address 1 203.0.113.10\n"));        // 5
  auto fs = run("GAP-CRYPTO-IKE-WEAK", snap_of({d}));
  REQUIRE(fs.size() == 2);  // encryption 3des-cbc and group modp1024; hash sha is not in the list
  for (const auto& f : fs) {
    CHECK(f.where.line == 5);
    CHECK(has(f.message, "not configured: Yamaha RTX default"));
  }
}

TEST_CASE("Yamaha: one gateway used by two tunnels is one finding", "[checks][yamaha]") {
  auto d =
      rtx("tunnel select 1\n ipsec tunnel 101\n  ipsec sa policy 101 1 esp aes256-cbc sha256-hmac\n"
          "  ipsec ike remote address 1 203.0.113.10\n  ipsec ike encryption 1 3des-cbc\n"  // 5
          "  ipsec ike group 1 modp2048\n tunnel enable 1\n"
          "tunnel select 2\n ipsec tunnel 102\n  ipsec sa policy 102 1 esp aes256-cbc sha256-hmac\n"
          " tunnel enable 2\n");
  REQUIRE(d.vpns.size() == 2);
  auto fs = run("GAP-CRYPTO-IKE-WEAK", snap_of({d}));
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].where.line == 5);
}

TEST_CASE("Yamaha: security class with forget on is the fixed console password, at its line",
          "[checks][yamaha]") {
  auto on = rtx("login password Xy7#kq2!Lm\nadministrator password Pq9#zz1!Wt\nsecurity class 1 on on off\n");
  auto fs = run("GAP-CRED-DEFAULT-PASSWORD", snap_of({on}));
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].where.line == 3);
  CHECK(has(fs[0].message, "console recovery password"));
  CHECK(has(fs[0].message, "built into the device"));
  CHECK_FALSE(has(fs[0].message, "w,lXlma"));
  // Not stored by the configuration: neither clear text nor reused across devices.
  CHECK(run("GAP-CRED-REVERSIBLE", snap_of({on})).size() == 2);  // the two clear passwords only
  CHECK(run("GAP-CRED-REUSED", snap_of({on, rtx("security class 1 on on off\n", "rtx2")})).empty());
  // forget off: nothing; the "forget=on" spelling is read too.
  CHECK(run("GAP-CRED-DEFAULT-PASSWORD", snap_of({rtx("security class 1 off on off\n")})).empty());
  CHECK(run("GAP-CRED-DEFAULT-PASSWORD", snap_of({rtx("security class 1 forget=on\n")})).size() == 1);
  // Absent: forget is on by default on an RTX1210, off on an RTX1300 (Command Reference §4.12).
  auto def = run("GAP-CRED-DEFAULT-PASSWORD", snap_of({rtx("# RTX1210 Rev.14.01.42 (Fri Jan 1 2021)\n")}));
  REQUIRE(def.size() == 1);
  CHECK(has(def[0].message, "forget on by default on RTX1210"));
  CHECK(
      run("GAP-CRED-DEFAULT-PASSWORD", snap_of({rtx("# RTX1300 Rev.23.00.10 (Mon Jan 1 2024)\n")})).empty());
}

TEST_CASE("Yamaha: tftp host is a TFTP configuration access finding, once, at its line", "[checks][yamaha]") {
  auto any = rtx("ip lan1 address 192.168.0.1/24\ntftp host any\n");
  auto fs = run("GAP-MGMT-TFTP", snap_of({any}));
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].where.line == 2);
  CHECK(fs[0].severity == Severity::High);
  CHECK(has(fs[0].message, "any address"));
  // Not a second time as an unrestricted management service.
  CHECK(at_line(run("GAP-MGMT-UNRESTRICTED", snap_of({any})), 2).empty());
  auto one = run("GAP-MGMT-TFTP", snap_of({rtx("tftp host 192.168.0.10\n")}));
  REQUIRE(one.size() == 1);
  CHECK(one[0].severity == Severity::Medium);
  CHECK(has(one[0].message, "192.168.0.10/32"));
  CHECK(run("GAP-MGMT-TFTP", snap_of({rtx("tftp host none\n")})).empty());
  CHECK(run("GAP-MGMT-TFTP", snap_of({rtx("ip lan1 address 192.168.0.1/24\n")})).empty());
}

TEST_CASE("Yamaha: absent passwords are reported as absent, not as clear text", "[checks][yamaha]") {
  auto d = rtx("login password Xy7#kq2!Lm\nsecurity class 1 off off off\n");
  auto none = run("GAP-CRED-NO-PASSWORD", snap_of({d}));
  REQUIRE(none.size() == 1);
  CHECK(has(none[0].message, "administrator password is not set"));
  CHECK_FALSE(has(none[0].message, "enable"));
  for (const auto& f : run("GAP-CRED-REVERSIBLE", snap_of({d}))) CHECK_FALSE(has(f.message, "administrator"));
  for (const auto& f : run("GAP-CRED-DEFAULT-PASSWORD", snap_of({d})))
    CHECK_FALSE(has(f.message, "administrator"));
}

TEST_CASE("Yamaha: dynamic filters are not rules that can never match", "[checks][yamaha]") {
  auto d =
      rtx("ip filter 1 pass * * * * *\n"
          "ip filter dynamic 10 * * ftp\n"
          "ip filter dynamic 11 * * www\n"
          "ip lan2 address 198.51.100.2/30\n"
          "ip lan2 secure filter out 1 dynamic 10 11\n"
          "ip lan2 secure filter in 1 dynamic 10\n");
  CHECK(run("GAP-HYGIENE-SHADOWED-RULE", snap_of({d})).empty());
  // A static rule after a static one that covers it still is.
  auto st =
      rtx("ip filter 1 pass * * * * *\nip filter 2 reject * * * * *\n"
          "ip lan2 address 198.51.100.2/30\nip lan2 secure filter in 1 2\n");
  auto fs = run("GAP-HYGIENE-SHADOWED-RULE", snap_of({st}));
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].where.line == 2);
}

TEST_CASE("NEC IX: weak IKE and IPsec proposals at their definition; a proposal's name is not an algorithm",
          "[checks][nec]") {
  const std::string base =
      "ip access-list sec-list permit ip src 10.1.0.0/16 dest 10.2.0.0/16\n"  // 1
      "ike proposal ike-prop encryption 3des hash md5 group 1024-bit\n"       // 2
      "ike policy ike-pol peer 203.0.113.9 key Kx9#2vLq ike-prop\n"           // 3
      "ipsec autokey-proposal esp-3des esp-aes-256 esp-sha\n"                 // 4: named "esp-3des"
      "ipsec autokey-map ipsec-map sec-list peer 203.0.113.9 esp-3des\n"      // 5
      "ip route default Tunnel0.0\n"                                          // 6
      "interface Tunnel0.0\n"                                                 // 7
      "  tunnel mode ipsec\n"
      "  ipsec policy tunnel ipsec-map out\n"
      "  no shutdown\n";
  auto d = ix(base);
  REQUIRE(d.vpns.size() == 1);
  auto fs = run("GAP-CRYPTO-IKE-WEAK", snap_of({d}));
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].where.line == 2);
  CHECK(has(fs[0].message, "3DES"));
  CHECK(has(fs[0].message, "MD5"));
  CHECK(has(fs[0].message, "DH group 2"));
  // A weak ESP proposal, reported at its own line (not at the map that uses it).
  auto weak = ix(base +
                 "ipsec autokey-proposal p2 esp-des esp-md5\n"  // 11
                 "ipsec autokey-map ipsec-map sec-list peer 203.0.113.9 p2\n");
  auto ws = run("GAP-CRYPTO-IKE-WEAK", snap_of({weak}));
  REQUIRE(at_line(ws, 11).size() == 1);
  CHECK(at_line(ws, 5).empty());
  CHECK(at_line(ws, 12).empty());
}

namespace {

const char* kFgt64 = "#config-version=FGT60F-6.4.4-FW-build1803-201209:opmode=1:vdom=0:user=admin\n";

std::string fgt_wan() {
  return "config system interface\n"
         "    edit \"wan1\"\n"
         "        set ip 203.0.113.2 255.255.255.252\n"
         "        set allowaccess ping https ssh\n"
         "    next\n"
         "end\n";
}

}  // namespace

TEST_CASE("FortiGate: phase 1 and phase 2 proposals and DH groups at their lines", "[checks][fortigate]") {
  const std::string text = std::string(kFgt64) + fgt_wan() +               // lines 1-7
                           "config vpn ipsec phase1-interface\n"           // 8
                           "    edit \"to-plant\"\n"                       // 9
                           "        set interface \"wan1\"\n"              // 10
                           "        set proposal des-md5 aes256-sha256\n"  // 11
                           "        set dhgrp 5 14\n"                      // 12
                           "        set remote-gw 198.51.100.7\n"          // 13
                           "        set psksecret ENC Qk9zZWNyZXQ=\n"      // 14
                           "    next\n"                                    // 15
                           "end\n"                                         // 16
                           "config vpn ipsec phase2-interface\n"           // 17
                           "    edit \"to-plant-p2\"\n"                    // 18
                           "        set phase1name \"to-plant\"\n"         // 19
                           "        set proposal 3des-sha1 aes128gcm\n"    // 20
                           "        set dhgrp 14\n"                        // 21
                           "    next\n"
                           "end\n";
  auto fs = run("GAP-CRYPTO-IKE-WEAK", snap_of({fgt(text)}));
  REQUIRE(at_line(fs, 11).size() == 1);
  CHECK(has(at_line(fs, 11)[0].message, "DES"));
  REQUIRE(at_line(fs, 12).size() == 1);
  CHECK(has(at_line(fs, 12)[0].message, "DH group 5"));
  REQUIRE(at_line(fs, 20).size() == 1);
  CHECK(has(at_line(fs, 20)[0].message, "3DES"));
  CHECK(fs.size() == 3);
}

TEST_CASE("FortiGate: SSL-VPN TLS and HTTPS administration TLS are separate services",
          "[checks][fortigate]") {
  const std::string text = std::string(kFgt64) +
                           "config system global\n"                              // 2
                           "    set admin-https-ssl-versions tlsv1-1 tlsv1-2\n"  // 3
                           "end\n" +                                             // 4
                           fgt_wan() +                                           // 5-10
                           "config vpn ssl settings\n"                           // 11
                           "    set tunnel-ip-pools \"SSLVPN_TUNNEL_ADDR1\"\n"   // 12
                           "    set source-interface \"wan1\"\n"                 // 13
                           "    set ssl-min-proto-ver tls1-0\n"                  // 14
                           "    set algorithm low\n"                             // 15
                           "end\n";
  auto d = fgt(text);
  auto fs = run("GAP-CRYPTO-TLS-WEAK", snap_of({d}));
  auto admin = at_line(fs, 3);
  REQUIRE(admin.size() == 1);
  CHECK(has(admin[0].message, "HTTPS management accepts TLSv1.1"));
  auto vpn = at_line(fs, 14);
  REQUIRE(vpn.size() == 1);
  CHECK(has(vpn[0].message, "SSL-VPN"));
  CHECK(has(vpn[0].message, "TLSv1"));
  CHECK_FALSE(has(vpn[0].message, "HTTPS management"));
  auto ciphers = at_line(fs, 15);
  REQUIRE(ciphers.size() == 1);
  CHECK(has(ciphers[0].message, "SSL-VPN"));
  // The HTTPS service carries admin-https-ssl-versions only: ssl-min-proto-ver is the portal's.
  for (const auto& s : d.services)
    if (s.protocol == model::MgmtProtocol::Https)
      CHECK(s.version == std::optional<std::string>("tlsv1.1 tlsv1.2"));
}

TEST_CASE("FortiGate: TLS settings not written use the documented default of the release, said so",
          "[checks][fortigate]") {
  const std::string ssl =
      "config vpn ssl settings\n    set tunnel-ip-pools \"P\"\n"
      "    set source-interface \"wan1\"\nend\n";
  // FortiOS 6.4: admin HTTPS accepts TLS 1.1 by default (reported, saying which default); the
  // SSL-VPN default was not verified: not decided (info).
  auto fs = run("GAP-CRYPTO-TLS-WEAK", snap_of({fgt(std::string(kFgt64) + fgt_wan() + ssl)}));
  int admin = 0, vpn_info = 0;
  for (const auto& f : fs) {
    if (has(f.message, "HTTPS management accepts TLSv1.1")) {
      ++admin;
      CHECK(has(f.message, "FortiOS 6.x default"));
      CHECK(f.where.line == 5);  // the allowaccess line that opens HTTPS administration
    }
    if (has(f.message, "SSL-VPN") && f.severity == Severity::Info) ++vpn_info;
  }
  CHECK(admin == 1);
  CHECK(vpn_info == 1);
  // FortiOS 7.x: admin HTTPS defaults to TLS 1.2 and 1.3: nothing for it.
  auto v7 = run("GAP-CRYPTO-TLS-WEAK",
                snap_of({fgt("#config-version=FGT60F-7.2.5-FW-build1517-230606:opmode=1:vdom=0:user=admin\n" +
                             fgt_wan())}));
  CHECK(v7.empty());
}

TEST_CASE("No Yamaha, NEC or FortiGate finding speaks Cisco or ASA", "[checks][wording]") {
  // Every check over configurations of the three dialects that trigger management, credential and
  // crypto findings, and over the samples holding them.
  std::vector<model::Device> devs = {
      rtx("telnetd service on\nsshd service on\nhttpd host any\nsnmp host any\ntftp host any\n"
          "security class 1 on on off\n" +
          rtx_tunnel("  ipsec sa policy 101 1 esp 3des-cbc md5-hmac\n  ipsec ike remote address 1 any\n")),
      ix("telnet-server ip enable\nssh-server ip enable\nhttp-server ip enable\nsnmp-agent ip enable\n"
         "snmp-agent ip community public\n"),
      fgt(std::string(kFgt64) + fgt_wan())};
  model::Snapshot s = snap_of(devs);
  std::vector<const model::Snapshot*> snaps = {&s};
  std::vector<const reach::AuditResult*> results = {nullptr};
  for (const char* name : {"variant-jp-routers", "variant-fortigate"}) {
    snaps.push_back(&sample(name).snap);
    results.push_back(&sample(name).reach);
  }
  int findings = 0;
  for (size_t i = 0; i < snaps.size(); ++i) {
    reach::AuditResult none;
    checks::CheckContext ctx{*snaps[i], results[i] ? *results[i] : none};
    for (const auto& c : checks::registry()) {
      std::vector<checks::Finding> out;
      c.run(ctx, c.info, out);
      for (const auto& f : out) {
        const model::Device* d = nullptr;
        for (const auto& x : snaps[i]->devices)
          if (x.name == f.device) d = &x;
        if (!d || d->vendor == model::Vendor::CiscoIos || d->vendor == model::Vendor::CiscoAsa) continue;
        ++findings;
        INFO(f.id << " " << f.device << ": " << f.message);
        CHECK_FALSE(has(f.message, "vty"));
        CHECK_FALSE(has(f.message, "transport input"));
        CHECK_FALSE(has(f.message, "security level"));
        CHECK_FALSE(has(f.message, "access-class"));
      }
    }
  }
  CHECK(findings > 20);
}
