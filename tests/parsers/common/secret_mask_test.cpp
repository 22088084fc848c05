// The one masking function for quoted configuration text (parsers/common/secret_mask.h): secrets
// of every dialect hidden, known or not to the parsers, the rest of the line kept, long lines cut.
#include "parsers/common/secret_mask.h"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "parsers/registry.h"

namespace {

using gp::parsers::mask_secrets;
using gp::parsers::quote_config_text;
using Cases = std::vector<std::pair<std::string, std::string>>;  // line, expected

void check_all(const Cases& cases) {
  for (const auto& [line, expected] : cases) {
    INFO(line);
    CHECK(mask_secrets(line) == expected);
  }
}

const gp::model::UnrecognisedLine* unrecognised_at(const gp::model::Device& d, int line) {
  for (const auto& u : d.unrecognised)
    if (u.src_ref.line == line) return &u;
  return nullptr;
}

}  // namespace

TEST_CASE("secrets: Cisco IOS secret values are hidden, with any type in between", "[secrets]") {
  check_all({
      {"enable secret 9 $9$abcdefgh$ijklmnopqrstuvwxyz0123456789ABCDEF", "enable secret 9 <removed>"},
      {"enable secret level 15 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0", "enable secret level 15 5 <removed>"},
      {"enable password 7 0822455D0A16544541", "enable password 7 <removed>"},
      {"username admin privilege 15 secret 5 $1$w0Rk$eZ2c7Yb1oQ4mH8nV6xJ3p.",
       "username admin privilege 15 secret 5 <removed>"},
      // Type 0 passwords may hold blanks: everything from the value on goes.
      {"username bob password 0 my pass word", "username bob password 0 <removed>"},
      {"username key password 7 094F471A1A0A", "username key password 7 <removed>"},  // user named "key"
      {"ntp authentication-key 1 md5 NtpS3cret 7", "ntp authentication-key 1 md5 <removed>"},
      {" ip ospf message-digest-key 1 md5 7 1511021F0725", " ip ospf message-digest-key 1 md5 7 <removed>"},
      {" ip ospf authentication-key OspfKey99", " ip ospf authentication-key <removed>"},
      {" standby 1 authentication md5 key-string 7 HsrpK3yStr",
       " standby 1 authentication md5 key-string 7 <removed>"},
      {" standby 1 authentication Hsrp99", " standby 1 authentication <removed>"},
      {" vrrp 1 authentication text VrrpPw1", " vrrp 1 authentication text <removed>"},
      {"crypto isakmp key IsakmpK3y address 203.0.113.1 no-xauth",
       "crypto isakmp key <removed> address 203.0.113.1 no-xauth"},
      {"tacacs-server key 7 TacacsK3y", "tacacs-server key 7 <removed>"},
      {"tacacs-server host 10.1.1.5 key Tac Key With Spaces", "tacacs-server host 10.1.1.5 key <removed>"},
      {"radius-server host 10.1.1.6 auth-port 1812 acct-port 1813 key 7 RadK3y",
       "radius-server host 10.1.1.6 auth-port 1812 acct-port 1813 key 7 <removed>"},
      {"snmp-server community C0mmunityRW RW SNMP-ACL", "snmp-server community <removed> RW SNMP-ACL"},
      {"snmp-server community 12345 RO", "snmp-server community <removed> RO"},
      {"snmp-server host 10.1.1.7 version 2c HostComm99", "snmp-server host 10.1.1.7 version 2c <removed>"},
      {"snmp-server host 10.1.1.7 TrapComm42 udp-port 162",
       "snmp-server host 10.1.1.7 <removed> udp-port 162"},
      {"snmp-server user v3user v3group v3 auth sha AuthPass1 priv aes 128 PrivPass1 access 10",
       "snmp-server user v3user v3group v3 auth sha <removed> priv aes 128 <removed> access 10"},
      {" key-string 7 KeyStr1ng", " key-string 7 <removed>"},
      {" pre-shared-key address 0.0.0.0 0.0.0.0 key KeyringPsk1",
       " pre-shared-key address 0.0.0.0 0.0.0.0 key <removed>"},
      {" neighbor 10.0.0.2 password 7 NeighPw12", " neighbor 10.0.0.2 password 7 <removed>"},
      {"ppp pap sent-username papuser password 0 PapPw12",
       "ppp pap sent-username papuser password 0 <removed>"},
      // Not understood by the IOS parser: a wireless key under "interface Dot11Radio0".
      {" wpa-psk ascii 0 MySecretKey", " wpa-psk ascii 0 <removed>"},
      {" mgmtuser username username password 0 MGMT PASSW0RD secret 0 X",
       " mgmtuser username username password 0 <removed>"},
  });
}

TEST_CASE("secrets: Cisco ASA secret values are hidden", "[secrets]") {
  check_all({
      {"passwd 2KFQnbNIdI.2KYOU encrypted", "passwd <removed> encrypted"},
      {"enable password 8Ry2YjIyt7RRXU24 encrypted", "enable password <removed> encrypted"},
      {"username ops password $sha512$5000$abcdef==$ghijkl== pbkdf2 privilege 15",
       "username ops password <removed> pbkdf2 privilege 15"},
      {" ikev1 pre-shared-key AsaPsk1234", " ikev1 pre-shared-key <removed>"},
      {" ikev2 remote-authentication pre-shared-key AsaRemote12",
       " ikev2 remote-authentication pre-shared-key <removed>"},
      {" ikev2 local-authentication pre-shared-key AsaLocal12",
       " ikev2 local-authentication pre-shared-key <removed>"},
      {" key AaaServerK3y", " key <removed>"},
      {"snmp-server host inside 10.1.1.1 community AsaComm12 version 2c",
       "snmp-server host inside 10.1.1.1 community <removed> version 2c"},
      {"failover key FailK3y12", "failover key <removed>"},
      {" ldap-login-password LdapPw12", " ldap-login-password <removed>"},
      // A command no ASA parser knows, with a secret keyword in it.
      {" foo-key secret FooSecretX", " foo-key secret <removed>"},
  });
}

TEST_CASE("secrets: FortiOS secret values are hidden, known keys or not", "[secrets]") {
  check_all({
      {"set password ENC SH2abcdefGHIJKLmnopqrstuvwxyz0123456789", "set password <removed>"},
      {"set psksecret ENC ENCblobABCdef1234567890ABCDEFghijkl==", "set psksecret <removed>"},
      {"set passwd \"my fortigate pw\"", "set passwd <removed>"},
      {"set wifi-passphrase \"Wifi Pass 1\"", "set wifi-passphrase <removed>"},
      {"set auth-pwd ENC AAAAgQDOjJOoLTOVnHJAFX4f3QaqUw0srFX", "set auth-pwd <removed>"},
      {"set private-key \"-----BEGIN ENCRYPTED PRIVATE KEY----- ...", "set private-key <removed>"},
      {"set secret ENC xyz", "set secret <removed>"},
      // Keys the parser never heard of: the ENC blob goes, the key stays.
      {"set unknown-thing ENC Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MEFCQ0RFRg==", "set unknown-thing ENC <removed>"},
      {"set foo-token ENC Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MEFCQ0RFRg==", "set foo-token <removed>"},
      {"set comments \"the password is Hidden123\"", "set comments \"the password <removed>\""},
  });
}

TEST_CASE("secrets: Yamaha RTX secret values are hidden", "[secrets]") {
  check_all({
      {"login password encrypted 3kQv9TzLw0xPa7Ne.Yc1Rb/8UuGm2HjD", "login password encrypted <removed>"},
      {"administrator password Adm1nPw", "administrator password <removed>"},
      {"login user maint encrypted Hq.7pZr3Lx1WcV9nTe/0Yb4Ka2MuSd6G", "login user maint encrypted <removed>"},
      {"login user maint Plain12pw", "login user maint <removed>"},
      {" pp auth myname wtr-hq01@isp.example.ne.jp Pp0e-Hq-2024x",
       " pp auth myname wtr-hq01@isp.example.ne.jp <removed>"},
      {" pp auth username vendor-maint01 Vnd0r!Maint01 192.168.10.241",
       " pp auth username vendor-maint01 <removed> 192.168.10.241"},
      {" pp auth weird myname pass Zz9", " pp auth <removed>"},  // unknown form: all after "auth"
      {"  ipsec ike pre-shared-key 1 text PumpSt01-Ike-Psk-7Qk2",
       "  ipsec ike pre-shared-key 1 text <removed>"},
      {"  ipsec ike pre-shared-key 2 0x0123456789abcdef0123", "  ipsec ike pre-shared-key 2 <removed>"},
      {"snmp community read-only YamaRO12", "snmp community read-only <removed>"},
      {"snmpv2c community read-write YamaRW12", "snmpv2c community read-write <removed>"},
      {"snmp trap host 192.168.1.1 TrapYama12", "snmp trap host 192.168.1.1 <removed>"},
      {"snmpv3 usm user 1 admin group 1 sha UsmAuth12 aes UsmPriv12",
       "snmpv3 usm user 1 admin group 1 sha <removed> aes <removed>"},
      {"l2tp tunnel auth on L2tpPw12", "l2tp tunnel auth on <removed>"},
      {"radius secret S3cretValue", "radius secret <removed>"},
      {"mail server smtp 1 smtp.example.jp smtp-auth user01 Sm7pPw",
       "mail server smtp 1 smtp.example.jp smtp-auth user01 <removed>"},
      {"sshd host key generate 4127 7gt0Y+4UIoOwJ5/D2pi+B2H3SqbEoHcs1npEKsUk6yzm1eVj "
       "1ksMD4ydVAs1o1uVH3NIiGb3WG/EC+P7q6X",
       "sshd host key generate 4127 <removed>"},
      // Already hidden by the device: left as it is.
      {"administrator password encrypted *", "administrator password encrypted *"},
  });
}

TEST_CASE("secrets: NEC IX secret values are hidden", "[secrets]") {
  check_all({
      {"username pumpmaint password hash 2eF80b1D7a4C93e5B06d1A8f2c7E4b@ administrator",
       "username pumpmaint password hash <removed> administrator"},
      {"username u password plain 1 NecPlain12", "username u password plain 1 <removed>"},
      {"ike policy ike-hq peer 203.0.113.10 key PumpSt01-Ike-Psk-7Qk2 mode aggressive ike-prop",
       "ike policy ike-hq peer 203.0.113.10 key <removed> mode aggressive ike-prop"},
      {"ikev2 authentication psk id keyid pump1 key char NecIke2Psk",
       "ikev2 authentication psk id keyid pump1 key char <removed>"},
      {"snmp-agent ip community pmp01ro snmp-src", "snmp-agent ip community <removed> snmp-src"},
      {"snmp-agent ip host 10.0.0.5 NecHost12 version 2", "snmp-agent ip host 10.0.0.5 <removed> version 2"},
      {"  authentication password wtr-pump01@isp.example.ne.jp Pp0e-Pmp-01z",
       "  authentication password wtr-pump01@isp.example.ne.jp <removed>"},
      {"http-server username admin secret-password ObfX12345",
       "http-server username admin secret-password <removed>"},
      {"nm account grp password secret NmObf123", "nm account grp password secret <removed>"},
  });
}

TEST_CASE("secrets: encoded-looking words are hidden wherever they stand", "[secrets]") {
  check_all({
      {"future-command $9$abcdefgh$ijklmnopqrstuvwxyz0123", "future-command <removed>"},
      {"frobnicate $sha512$5000$Tq0Ew8m3X1c6Hk2Lr9bZfA==$7nQ0xJm2vR5s8Yc1Kp4Wdg== on",
       "frobnicate <removed> on"},
      {"vendor-blob Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MEFCQ0RFRg== tail", "vendor-blob <removed> tail"},
      {"obscure 0822455D0A16544541", "obscure <removed>"},
      {"set anything ENC whatever", "set anything ENC <removed>"},
  });
}

TEST_CASE("secrets: addresses, masks, interface, ACL and object names stay", "[secrets]") {
  for (const char* line : {
           "interface GigabitEthernet0/0/0.100",
           "interface TenGigabitEthernet1/0/1.100",
           " ip address 10.0.0.1 255.255.255.0",
           " ip access-group OUTSIDE-IN in",
           "access-list 101 permit tcp any host 10.1.1.1 eq 22",
           "access-list OutsideAccessIn2024Rev3 extended permit ip any any",
           "object-group network DM_INLINE_NETWORK_12345",
           "ip route 0.0.0.0 0.0.0.0 GigabitEthernet0/0 203.0.113.1",
           " mac-address 0011.2233.4455",
           "ipv6 address 2001:DB8:ABCD:1234:5678:9ABC:DEF0:1234/64",
           "ip filter 100 pass * 192.168.0.0/24 tcp * 22",  // Yamaha: "pass" is the action here
           "ip access-list ipvpn-in permit tcp src 172.16.10.10/32 sport any dest 172.16.101.0/24 dport eq "
           "502",
           "set srcintf \"port1\"",
           "set keylife 28800",
           "service password-encryption",
           "aaa authentication login default group tacacs+ local",
           " authentication pre-share",
           " encryption aes 256",
           " hash sha",
           "key chain OSPF-KEYS",
           "crypto key generate rsa modulus 2048",
           " match community COM_WITHOUT_RT",
           " set community 65001:2 additive",
           "snmp-server group v3group v3 priv read v1default",
           "ike proposal ike-prop encryption aes-256 hash sha2-256 group 2048-bit",
           "  authentication myname wtr-pump01@isp.example.ne.jp",
           " pp auth accept pap chap",
           " description pump's LAN",
           "ipsec ike remote name 1 pump-st01 key-id",
           "access-list community extended permit tcp any any eq 22",  // names that spell a keyword
           "ip access-list extended password",
           "edit \"key\"",
       }) {
    INFO(line);
    CHECK(mask_secrets(line) == line);
  }
}

TEST_CASE("secrets: a secret inside a quoted phrase is hidden too", "[secrets]") {
  CHECK(mask_secrets("snmp-server location \"rack 3, password Rack3Pw\"") ==
        "snmp-server location \"rack 3, password <removed>\"");
  // An apostrophe without its pair does not hide the rest of the line from the mask.
  CHECK(mask_secrets(" description Bob's link password Desc1234") ==
        " description Bob's link password <removed>");
}

TEST_CASE("secrets: quoted lines are cut to a sane length on a character boundary", "[secrets]") {
  SECTION("a 20 MB line keeps 200 characters and says how many were cut") {
    std::string line = "unknown-feature secret 0 HugeS3cret " + std::string(20'000'000, 'x');
    std::string q = quote_config_text(line);
    CHECK(q.size() < 300);
    CHECK(q.find("HugeS3cret") == std::string::npos);
    CHECK(q.rfind("unknown-feature secret 0 <removed>", 0) == 0);  // the secret runs to the end
    std::string words = "remark";
    while (words.size() < 20'000'000) words += " w";  // millions of words
    q = quote_config_text(words);
    CHECK(q.size() < 300);
    CHECK(q.find("\u2026 (19,999,8") != std::string::npos);
    CHECK(q.substr(q.size() - 17) == " more characters)");
  }
  SECTION("the count is exact and multi-byte characters are never split") {
    std::string line = "description " + std::string(12, 'a');
    for (int i = 0; i < 300; ++i) line += "\xe6\xb0\xb4";  // 水, three bytes
    std::string q = quote_config_text(line);
    // 12 + 12 = 24 ASCII characters, then 176 of the 300 kanji are kept.
    CHECK(q == "description aaaaaaaaaaaa" + [] {
      std::string k;
      for (int i = 0; i < 176; ++i) k += "\xe6\xb0\xb4";
      return k;
    }() + "\u2026 (124 more characters)");
  }
  SECTION("short lines are not cut, and quoting a quote changes nothing") {
    CHECK(quote_config_text("hostname r1") == "hostname r1");
    std::string q = quote_config_text("snmp-server community Abc123XYZ RO " + std::string(500, 'z'));
    CHECK(q.find("Abc123XYZ") == std::string::npos);
    CHECK(quote_config_text(q) == q);
    CHECK(quote_config_text(quote_config_text("password 7 0822455D0A16544541")) == "password 7 <removed>");
  }
}

TEST_CASE("secrets: the chokepoint quotes every free-text field of a device", "[secrets]") {
  gp::model::Device d;
  const std::string s = "x secret Chk1Secret";
  d.unrecognised.push_back({{"f", 1, 0}, s, gp::model::LineContext::Global, "", true});
  gp::model::FilterRule r;
  r.text = s;
  r.why_not_understood = s;
  d.filters["F"].rules.push_back(r);
  gp::model::NatRule n;
  n.text = s;
  n.why_not_understood = s;
  d.nat.push_back(n);
  gp::model::Route rt;
  rt.why_not_understood = s;
  d.routes.push_back(rt);
  gp::model::Vpn v;
  v.why_not_understood = s;
  d.vpns.push_back(v);
  d.notes.push_back({s, {}});
  d.damage.push_back({s, {}});
  gp::model::Interface i;
  i.description = s;
  d.interfaces.push_back(i);
  gp::parsers::quote_device_text(d);
  const std::string masked = "x secret <removed>";
  CHECK(d.unrecognised[0].text == masked);
  CHECK(d.filters["F"].rules[0].text == masked);
  CHECK(d.filters["F"].rules[0].why_not_understood == masked);
  CHECK(d.nat[0].text == masked);
  CHECK(d.nat[0].why_not_understood == masked);
  CHECK(d.routes[0].why_not_understood == masked);
  CHECK(d.vpns[0].why_not_understood == masked);
  CHECK(d.notes[0].first == masked);
  CHECK(d.damage[0].why == masked);
  CHECK(d.interfaces[0].description == masked);
}

TEST_CASE("secrets: lines the parsers do not understand reach the model masked", "[secrets]") {
  using gp::model::Vendor;
  SECTION("IOS: a WPA key under interface Dot11Radio0") {
    auto d = gp::parsers::parse_device(
        "hostname ap1\ninterface Dot11Radio0\n ssid plant\n wpa-psk ascii 0 MySecretKey\n", "ap1.cfg",
        Vendor::CiscoIos);
    const auto* u = unrecognised_at(d, 4);
    REQUIRE(u);
    CHECK(u->text == "wpa-psk ascii 0 <removed>");
  }
  SECTION("IOS: a rule kept in place as not understood is masked by the chokepoint") {
    const std::string cfg =
        "hostname r1\nip access-list extended IN\n permit tcp any any eq 22 frob-key Rul3Secret\n";
    auto raw = gp::parsers::parse_device(cfg, "r1.cfg", Vendor::CiscoIos);
    bool seen = false;
    for (const auto& [name, f] : raw.filters)
      for (const auto& r : f.rules) {
        CHECK(r.text.find("Rul3Secret") == std::string::npos);
        CHECK(r.why_not_understood.find("Rul3Secret") == std::string::npos);
        seen |= r.text.find("frob-key <removed>") != std::string::npos;
      }
    for (const auto& u : raw.unrecognised) {
      CHECK(u.text.find("Rul3Secret") == std::string::npos);
      seen |= u.text.find("frob-key <removed>") != std::string::npos;
    }
    CHECK(seen);
  }
  SECTION("ASA: a made-up command with a secret keyword") {
    auto d = gp::parsers::parse_device("ASA Version 9.8(2)\nhostname fw\nfoo-key secret FooSecretX\n",
                                       "fw.cfg", Vendor::CiscoAsa);
    const auto* u = unrecognised_at(d, 3);
    REQUIRE(u);
    CHECK(u->text == "foo-key secret <removed>");
  }
  SECTION("FortiOS: an unknown set with an ENC blob") {
    auto d = gp::parsers::parse_device(
        "config system interface\n    edit \"port1\"\n        set ip 10.0.0.1 255.255.255.0\n"
        "        set future-knob ENC Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MEFCQ0RFRg==\n    next\nend\n",
        "fgt.conf", Vendor::Fortigate);
    const auto* u = unrecognised_at(d, 4);
    REQUIRE(u);
    CHECK(u->text == "set future-knob ENC <removed>");
  }
}
