// Credential checks: default/guessable passwords, no password, reversible and weak storage,
// reuse across devices, SNMP communities. Positive and negative case for each.
#include "checks/credentials.h"

#include "checks_helpers.h"

using namespace gp;
using namespace gp::test::chk;
using checks::Severity;

TEST_CASE("type 7 encoding and the parser's fingerprint agree with the samples", "[checks]") {
  // pump2-rtr "line vty 0 4 / password 7 02050D480809" is "cisco" with salt 02.
  CHECK(checks::cisco_type7_encode("cisco", 2) == "02050D480809");
  auto d = ios("username u privilege 1 password 7 02050D480809\n");
  REQUIRE(d.secrets.size() == 1);
  CHECK(d.secrets[0].digest == checks::fnv1a_hex("02050D480809"));
}

TEST_CASE("GAP-CRED-DEFAULT-PASSWORD", "[checks]") {
  SECTION("planted defaults in the main sample") {
    auto fs = run_sample("GAP-CRED-DEFAULT-PASSWORD", "water-utility");
    CHECK(at(fs, "configs/pump2-rtr.cfg", 31) == 1);   // username admin ... password 0 cisco
    CHECK(at(fs, "configs/pump2-rtr.cfg", 143) == 1);  // vty password 7 (cisco)
    CHECK(at(fs, "configs/plant-fw.cfg", 19) == 1);    // passwd 2KFQnbNIdI.2KYOU encrypted
    CHECK(at(fs, "configs/vendor-fw.cfg", 10) == 1);   // enable password blank (8Ry2YjIyt7RRXU24)
    CHECK(at(fs, "configs/hq-rtr.cfg", 60) == 0);      // backup / Suido2019: clear, not guessable
    CHECK(at(fs, "configs/hq-rtr.cfg", 57) == 0);      // type 9: cannot be compared
    for (const auto& f : fs)
      if (f.where.file == "configs/pump2-rtr.cfg") CHECK(f.severity == Severity::Critical);  // control zone
  }
  SECTION("plain, type 7 and unsalted ASA forms; the value is never printed") {
    auto s =
        snap_of({ios("hostname r1\nusername admin privilege 15 password 0 changeme\n"
                     "username ops privilege 15 password 7 " +
                     checks::cisco_type7_encode("password", 9) + "\n")});
    auto fs = run("GAP-CRED-DEFAULT-PASSWORD", s);
    REQUIRE(fs.size() == 2);
    for (const auto& f : fs) {
      CHECK(f.message.find("changeme") == std::string::npos);
      CHECK(f.message.find(checks::cisco_type7_encode("password", 9)) == std::string::npos);
      CHECK(f.severity == Severity::High);  // not in a control zone, not internet-facing
      CHECK(f.device == "r1");
    }
  }
  SECTION("negative: strong or unknown values") {
    auto s = snap_of(
        {ios("username admin privilege 15 secret 9 $9$abcd$efghijklmnopqrstuvwxyz0123456789ABCDEFGHI\n"
             "username ops privilege 15 password 0 Xk39-qpz-Lm2!\n"
             "username old privilege 15 secret 5 $1$abcd$0123456789abcdefghijkl\n"),
         asa("hostname fw1\nenable password 9jNfZuG3TC5tCVHx encrypted\n"
             "username admin password 2KFQnbNIdI.2KYOU encrypted privilege 15\n")});
    // the username form is salted with the name: not comparable, so no finding
    CHECK(run("GAP-CRED-DEFAULT-PASSWORD", s).empty());
  }
}

TEST_CASE("GAP-CRED-NO-PASSWORD", "[checks]") {
  auto pos = run("GAP-CRED-NO-PASSWORD", snap_of({ios("username guest privilege 1 nopassword\n")}));
  REQUIRE(pos.size() == 1);
  CHECK(pos[0].where.line == 1);
  CHECK(pos[0].message.find("guest") != std::string::npos);
  CHECK(run("GAP-CRED-NO-PASSWORD", snap_of({ios("username guest privilege 1 secret 9 $9$aa$bbbbbbbb\n")}))
            .empty());
  CHECK(run("GAP-CRED-NO-PASSWORD", snap_of({asa("username vpn nopassword\n")})).size() == 1);
}

TEST_CASE("GAP-CRED-REVERSIBLE", "[checks]") {
  auto fs = run_sample("GAP-CRED-REVERSIBLE", "water-utility");
  CHECK(at(fs, "configs/hq-rtr.cfg", 60) == 1);     // password 0
  CHECK(at(fs, "configs/pump1-rtr.cfg", 30) == 1);  // password 7
  CHECK(at(fs, "configs/hq-rtr.cfg", 57) == 0);     // secret 9
  CHECK(at(fs, "configs/hq-rtr.cfg", 226) == 0);    // SNMP communities are for the SNMP checks
  auto neg = run(
      "GAP-CRED-REVERSIBLE",
      snap_of({ios("enable secret 9 $9$aa$bbbbbbbb\ncrypto isakmp key 6 ABCDEFabcdef address 198.51.100.1\n"),
               asa("tunnel-group 198.51.100.1 ipsec-attributes\n ikev1 pre-shared-key 8 AbCdEf\n")}));
  CHECK(neg.empty());  // type 6 / ASA "8": AES with the master key
  CHECK(run("GAP-CRED-REVERSIBLE", snap_of({ios("enable password 0 hunter2\n")})).size() == 1);
}

TEST_CASE("GAP-CRED-WEAK-HASH", "[checks]") {
  auto fs = run_sample("GAP-CRED-WEAK-HASH", "water-utility");
  CHECK(at(fs, "configs/hq-rtr.cfg", 58) == 1);     // secret 5
  CHECK(at(fs, "configs/plant-fw.cfg", 223) == 1);  // ASA encrypted
  CHECK(at(fs, "configs/plant-fw.cfg", 222) == 0);  // pbkdf2
  CHECK(run("GAP-CRED-WEAK-HASH", snap_of({ios("enable secret 8 $8$aa$bbbbbbbb\n")})).empty());
}

TEST_CASE("GAP-CRED-REUSED", "[checks]") {
  auto fs = run_sample("GAP-CRED-REUSED", "water-utility");
  // The community reused on hq-rtr, pump1-rtr and pump2-rtr.
  CHECK(at(fs, "configs/hq-rtr.cfg", 226) == 1);
  CHECK(at(fs, "configs/pump1-rtr.cfg", 116) == 1);
  CHECK(at(fs, "configs/pump2-rtr.cfg", 119) == 1);
  for (const auto& f : fs) CHECK(f.message.find("SuidoRO2019") == std::string::npos);
  // Negative: different values, masked values, and reuse within one device only.
  auto s = snap_of(
      {ios("username a secret 5 $1$aaaa$111111111111111111111\nusername b secret 5 "
           "$1$aaaa$111111111111111111111\n",
           "r1"),
       ios("username a secret 5 $1$bbbb$222222222222222222222\nusername c password 7 <removed>\n", "r2"),
       ios("username c password 7 <removed>\n", "r3")});
  CHECK(run("GAP-CRED-REUSED", s).empty());
}

TEST_CASE("GAP-CRED-SNMP-COMMUNITY", "[checks]") {
  auto fs = run_sample("GAP-CRED-SNMP-COMMUNITY", "water-utility");
  CHECK(at(fs, "configs/plant-rtr.cfg", 134) == 1);  // public RO
  CHECK(at(fs, "configs/pump2-rtr.cfg", 120) == 1);  // private RW
  CHECK(at(fs, "configs/pump2-rtr.cfg", 119) == 0);  // SuidoRO2019
  for (const auto& f : fs) {
    CHECK(f.message.find("public") == std::string::npos);
    CHECK(f.message.find("private") == std::string::npos);
  }
  CHECK(run("GAP-CRED-SNMP-COMMUNITY",
            snap_of({ios("hostname edge7\nsnmp-server community edge7 RO\n", "edge7")}))
            .size() == 1);
  CHECK(run("GAP-CRED-SNMP-COMMUNITY",
            snap_of({ios("hostname edge7\nsnmp-server community Qv7-xr2 RO 10\n", "edge7")}))
            .empty());
}

TEST_CASE("GAP-CRED-DEFAULT-PASSWORD covers guessable IPsec and AAA keys", "[checks]") {
  auto fs = run("GAP-CRED-DEFAULT-PASSWORD",
                snap_of({ios("crypto isakmp key 0 cisco123 address 198.51.100.1\n"
                             "crypto isakmp key 0 Zq8-vR2-pL5-xW9 address 198.51.100.2\n")}));
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].where.line == 1);
  CHECK(fs[0].message.find("pre-shared key") != std::string::npos);
  CHECK(fs[0].message.find("cisco123") == std::string::npos);
}

TEST_CASE("GAP-CRED-REUSED across dialects and type-7 salts", "[checks]") {
  // The same clear community on an IOS router and an ASA (both stored in clear).
  auto fs = run("GAP-CRED-REUSED", snap_of({ios("snmp-server community Kanri-7731 RO\n", "r1"),
                                            asa("snmp-server community Kanri-7731\n", "fw1")}));
  REQUIRE(fs.size() == 2);
  for (const auto& f : fs) CHECK(f.message.find("Kanri-7731") == std::string::npos);
  // "cisco" as type 7 under two different salts, and in clear on a third device.
  auto t7 =
      run("GAP-CRED-REUSED",
          snap_of({ios("username a password 7 0822455D0A16\n", "r1"),
                   ios("username b password 7 " + checks::cisco_type7_encode("cisco", 3, true) + "\n", "r2"),
                   ios("username c password cisco\n", "r3")}));
  CHECK(t7.size() == 3);
  // Different values: nothing.
  CHECK(run("GAP-CRED-REUSED", snap_of({ios("username a password 0 Alpha-1\n", "r1"),
                                        ios("username a password 0 Bravo-2\n", "r2")}))
            .empty());
}
