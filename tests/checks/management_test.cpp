// Management-plane and crypto checks: telnet, HTTP, SNMP versions, unrestricted management,
// SSH version and algorithms, TLS against the Mozilla profile, IKE/IPsec proposals.
#include "checks/crypto.h"
#include "checks_helpers.h"

using namespace gp;
using namespace gp::test::chk;
using checks::Severity;

TEST_CASE("GAP-MGMT-TELNET", "[checks]") {
  auto fs = run_sample("GAP-MGMT-TELNET", "water-utility");
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].where.file == "configs/pump2-rtr.cfg");
  CHECK(fs[0].where.line == 145);  // transport input telnet ssh
  CHECK(run("GAP-MGMT-TELNET", snap_of({ios("line vty 0 4\n transport input ssh\n")})).empty());
  CHECK(run("GAP-MGMT-TELNET", snap_of({asa("telnet 10.0.0.0 255.0.0.0 inside\n")})).size() == 1);
  // No transport input: the release default decides; only an info finding.
  auto def = run("GAP-MGMT-TELNET", snap_of({ios("version 15.1\nline vty 0 4\n login\n")}));
  REQUIRE(def.size() == 1);
  CHECK(def[0].severity == Severity::Info);
}

TEST_CASE("GAP-MGMT-HTTP", "[checks]") {
  auto pos = run("GAP-MGMT-HTTP", snap_of({ios("ip http server\n")}));
  REQUIRE(pos.size() == 1);
  CHECK(pos[0].severity == Severity::High);
  CHECK(pos[0].where.line == 1);
  CHECK(run("GAP-MGMT-HTTP", snap_of({ios("no ip http server\nip http secure-server\n")})).empty());
  CHECK(run_sample("GAP-MGMT-HTTP", "water-utility").empty());
  auto unknown = run("GAP-MGMT-HTTP", snap_of({ios("hostname r1\n")}));
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0].severity == Severity::Info);
}

TEST_CASE("GAP-MGMT-SNMP-V1V2C", "[checks]") {
  auto fs = run_sample("GAP-MGMT-SNMP-V1V2C", "water-utility");
  CHECK(at(fs, "configs/plant-rtr.cfg", 134) == 1);
  CHECK(run("GAP-MGMT-SNMP-V1V2C", snap_of({ios("snmp-server group G v3 priv\n")})).empty());
}

TEST_CASE("GAP-MGMT-SNMPV3-WEAK", "[checks]") {
  auto pos = run("GAP-MGMT-SNMPV3-WEAK", snap_of({ios("snmp-server group G v3 noauth\n")}));
  REQUIRE(pos.size() == 1);
  CHECK(pos[0].severity == Severity::High);
  auto md5 = run("GAP-MGMT-SNMPV3-WEAK", snap_of({asa("snmp-server user U G v3 auth md5 K1 priv des K2\n")}));
  REQUIRE(md5.size() == 1);
  CHECK(md5[0].message.find("auth md5") != std::string::npos);
  CHECK(md5[0].message.find("K1") == std::string::npos);
  CHECK(run("GAP-MGMT-SNMPV3-WEAK", snap_of({ios("snmp-server group G v3 priv\n")})).empty());
  CHECK(run("GAP-MGMT-SNMPV3-WEAK", snap_of({asa("snmp-server user U G v3 auth sha K1 priv aes 256 K2\n")}))
            .empty());
}

TEST_CASE("GAP-MGMT-UNRESTRICTED", "[checks]") {
  auto pos = run("GAP-MGMT-UNRESTRICTED", snap_of({ios("line vty 0 4\n transport input ssh\n")}));
  REQUIRE(pos.size() == 1);
  CHECK(pos[0].where.line == 2);
  CHECK(run("GAP-MGMT-UNRESTRICTED", snap_of({ios("ip access-list standard M\n permit 10.0.0.5\nline vty 0 "
                                                  "4\n access-class M in\n transport input ssh\n")}))
            .empty());
  auto fs = run_sample("GAP-MGMT-UNRESTRICTED", "water-utility");
  CHECK(at(fs, "configs/pump2-rtr.cfg", 120) == 1);  // community private RW without ACL
  CHECK(at(fs, "configs/pump2-rtr.cfg", 119) == 0);  // community with SNMP-RO
}

TEST_CASE("GAP-CRYPTO-SSH-V1", "[checks]") {
  auto v1 =
      run("GAP-CRYPTO-SSH-V1", snap_of({ios("ip ssh version 1\nline vty 0 4\n transport input ssh\n")}));
  REQUIRE(v1.size() == 1);
  CHECK(v1[0].where.line == 1);
  CHECK(run("GAP-CRYPTO-SSH-V1", snap_of({ios("ip ssh version 2\nline vty 0 4\n transport input ssh\n")}))
            .empty());
  CHECK(run_sample("GAP-CRYPTO-SSH-V1", "water-utility").empty());
  auto assumed =
      run("GAP-CRYPTO-SSH-V1", snap_of({ios("version 15.1\nline vty 0 4\n transport input ssh\n")}));
  REQUIRE(assumed.size() == 1);
  CHECK(assumed[0].severity == Severity::High);
  CHECK(assumed[0].message.find("assumed") != std::string::npos);
  auto unknown = run("GAP-CRYPTO-SSH-V1", snap_of({ios("line vty 0 4\n transport input ssh\n")}));
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0].severity == Severity::Info);
  CHECK(run("GAP-CRYPTO-SSH-V1", snap_of({asa("ssh 10.0.0.0 255.0.0.0 inside\nssh version 1\n")})).size() ==
        1);
}

TEST_CASE("GAP-CRYPTO-SSH-WEAK-ALGO", "[checks]") {
  auto pos = run("GAP-CRYPTO-SSH-WEAK-ALGO",
                 snap_of({ios("ip ssh server algorithm encryption aes128-ctr 3des-cbc\n")}));
  REQUIRE(pos.size() == 1);
  CHECK(pos[0].message.find("3des-cbc") != std::string::npos);
  CHECK(pos[0].message.find("aes128-ctr") == std::string::npos);
  CHECK(run("GAP-CRYPTO-SSH-WEAK-ALGO",
            snap_of({ios("ip ssh server algorithm encryption aes256-gcm aes256-ctr\n")}))
            .empty());
  CHECK(run("GAP-CRYPTO-SSH-WEAK-ALGO",
            snap_of({asa("ssh 10.0.0.0 255.0.0.0 inside\nssh key-exchange group dh-group1-sha1\n")}))
            .size() == 1);
  CHECK(run_sample("GAP-CRYPTO-SSH-WEAK-ALGO", "water-utility").empty());  // dh-group14-sha256
}

TEST_CASE("GAP-CRYPTO-TLS-WEAK", "[checks]") {
  auto v10 =
      run("GAP-CRYPTO-TLS-WEAK", snap_of({ios("ip http secure-server\nip http tls-version TLSv1.0\n")}));
  REQUIRE(v10.size() == 1);
  CHECK(v10[0].where.line == 2);
  auto suites = run("GAP-CRYPTO-TLS-WEAK",
                    snap_of({ios("ip http secure-server\nip http tls-version TLSv1.2\n"
                                 "ip http secure-ciphersuite ecdhe-rsa-aes-gcm-sha2 3des-ede-cbc-sha\n")}));
  REQUIRE(suites.size() == 1);
  CHECK(suites[0].message.find("3des-ede-cbc-sha") != std::string::npos);
  CHECK(suites[0].message.find("ecdhe-rsa-aes-gcm-sha2") == std::string::npos);
  CHECK(run("GAP-CRYPTO-TLS-WEAK", snap_of({ios("ip http secure-server\nip http tls-version TLSv1.2\n"
                                                "ip http secure-ciphersuite ecdhe-rsa-aes-gcm-sha2\n")}))
            .empty());
  auto a =
      run("GAP-CRYPTO-TLS-WEAK", snap_of({asa("http server enable\nhttp 10.0.0.0 255.0.0.0 inside\n"
                                              "ssl server-version tlsv1\nssl cipher tlsv1.2 medium\n")}));
  CHECK(a.size() == 2);
  CHECK(run("GAP-CRYPTO-TLS-WEAK", snap_of({asa("http server enable\nhttp 10.0.0.0 255.0.0.0 inside\n"
                                                "ssl server-version tlsv1.2\nssl cipher tlsv1.2 high\n")}))
            .empty());
  // No version stated: could not be decided (info) on the main sample's firewalls.
  for (const auto& f : run_sample("GAP-CRYPTO-TLS-WEAK", "water-utility"))
    CHECK(f.severity == Severity::Info);
}

TEST_CASE("GAP-CRYPTO-IKE-WEAK", "[checks]") {
  CHECK(checks::weak_ike_terms("isakmp policy 10: encr 3des; hash md5; authentication pre-share; group 2;") ==
        "3des, md5, DH group 2");
  CHECK(checks::weak_ike_terms("ikev2 policy 1: encryption aes-256; integrity sha256; group 14 5;") ==
        "DH group 5");
  CHECK(checks::weak_ike_terms("isakmp policy 10: encr aes 256; hash sha256; group 14;").empty());
  const std::string base =
      "crypto isakmp key 0 k3y address 198.51.100.1\n"
      "access-list 101 permit ip 10.0.0.0 0.0.0.255 10.1.0.0 0.0.0.255\n"
      "crypto map CM 10 ipsec-isakmp\n set peer 198.51.100.1\n set transform-set TS\n match address 101\n"
      "interface GigabitEthernet0/0\n ip address 198.51.100.2 255.255.255.0\n crypto map CM\n";
  auto pos =
      run("GAP-CRYPTO-IKE-WEAK",
          snap_of({ios("crypto isakmp policy 10\n encr 3des\n hash md5\n authentication pre-share\n group 2\n"
                       "crypto ipsec transform-set TS esp-des esp-md5-hmac\n" +
                       base)}));
  CHECK(pos.size() == 2);  // the transform set and the IKE policy
  auto neg = run(
      "GAP-CRYPTO-IKE-WEAK",
      snap_of(
          {ios("crypto isakmp policy 10\n encr aes 256\n hash sha256\n authentication pre-share\n group 14\n"
               "crypto ipsec transform-set TS esp-aes 256 esp-sha256-hmac\n" +
               base)}));
  CHECK(neg.empty());
}

TEST_CASE("GAP-MGMT-UNRESTRICTED on the ASA: management allowed from any address", "[checks]") {
  auto fs = run("GAP-MGMT-UNRESTRICTED", snap_of({asa("ssh 0.0.0.0 0.0.0.0 outside\nssh version 2\n")}));
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].where.line == 1);
  CHECK(run("GAP-MGMT-UNRESTRICTED", snap_of({asa("ssh 10.0.0.5 255.255.255.255 inside\n")})).empty());
  for (const auto& f : run_sample("GAP-MGMT-UNRESTRICTED", "water-utility"))
    CHECK(f.device.find("-fw") == std::string::npos);  // the sample's firewalls list their hosts
}
