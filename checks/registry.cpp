// The check registry: one row per check, sorted by id. Adding a check = one file + one row.
#include "checks/check.h"
#include "checks/closure_checks.h"
#include "checks/credentials.h"
#include "checks/crypto.h"
#include "checks/exposure.h"
#include "checks/hygiene.h"
#include "checks/management.h"
#include "checks/operations.h"
#include "checks/ordinance_checks.h"
#include "checks/remote_access.h"
#include "checks/tunnel_checks.h"

namespace gp::checks {

namespace {
// The check's findings rest on a setting being absent (no NTP server, no lockout, no access
// class...): they are not reported for a configuration that cannot be trusted as a whole.
constexpr bool kRestsOnAbsence = true;
}  // namespace

const std::vector<Check>& registry() {
  static const std::vector<Check> kChecks = {
      {{"GAP-AUTH-EVENT-LOG",
        Severity::Medium,
        "§5.4.2",
        "Login successes and failures are not recorded",
        "ログインの成功・失敗が記録されていない",
        Tier::Guideline,
        "The guideline asks to log failed logins and to alert security staff on repeated consecutive "
        "failures (§5.4.2, §5.4.2.1 unauthorised-login detection, 別紙3). Recording by a RADIUS/TACACS+ "
        "server or AAA accounting counts.",
        {{"cisco-ios",
          "login on-failure log\nlogin on-success log\naaa accounting exec default start-stop group "
          "<tacacs>"},
         {"cisco-asa", "logging enable\nlogging trap informational\nlogging host <nameif> <collector>"},
         {"fortigate", "config log eventfilter\n    set system enable\nend"}}},
       check_auth_event_logging,
       kRestsOnAbsence},
      {{"GAP-AUTH-LOCKOUT",
        Severity::Medium,
        "§5.4.2",
        "No lockout or back-off after repeated failed logins",
        "ログイン失敗の繰り返しに対するロックアウト・遅延がない",
        Tier::Guideline,
        "The guideline asks that accounts be locked after rapid consecutive failures (§5.4.2 "
        "アカウントロック, "
        "§5.4.2.1). A lockout enforced only by a RADIUS/TACACS+ server is not visible in device "
        "configurations and is not credited.",
        {{"cisco-ios",
          "login block-for 300 attempts 5 within 60\naaa local authentication attempts max-fail 5"},
         {"cisco-asa", "aaa local authentication attempts max-fail 5"},
         {"fortigate",
          "config system global\n    set admin-lockout-threshold 3\n    set admin-lockout-duration "
          "300\nend"}}},
       check_login_lockout,
       kRestsOnAbsence},
      {{"GAP-CLOSURE-CLAIM", Severity::High, "§2.2",
        "A zone claimed to be a closed network is not physically closed",
        "閉域網とされるゾーンが物理的に閉じていない", Tier::Guideline,
        "The guideline defines a closed network as physically unconnected to the internet; a firewall "
        "or router does not make one. Decisions that rely on closure (e.g. the ordinance's alternative "
        "measures for Q2/Q3) do not hold."},
       check_closure_claim},
      {{"GAP-CONTROL-TO-INTERNET", Severity::High, "§5.4.2",
        "A control-zone host can open connections to the internet",
        "制御系ホストからインターネットへ接続を開始できる"},
       check_control_to_internet},
      {{"GAP-CRED-DEFAULT-PASSWORD",
        Severity::High,
        "§5.4.2.1",
        "A password is a vendor default or trivially guessed",
        "パスワードが製品出荷時の初期値または容易に推測できる値",
        Tier::Guideline,
        "The guideline requires manufacturer default passwords to be changed before use and administrator "
        "passwords not to be guessable (§5.4.2.1, §5.4.6). Matched by fingerprint of the stored form (clear "
        "text, every Cisco type 7 salt, unsalted ASA MD5) against curated vendor/OT defaults and the "
        "DefaultCreds list; a fixed password built into the device and turned on by the configuration "
        "(Yamaha "
        "'security class ... forget on') counts. Critical on devices in a control zone or facing the "
        "internet.",
        {{"cisco-ios",
          "username <user> privilege <n> algorithm-type scrypt secret <new-unique-password>\n"
          "no username <default-user>"},
         {"cisco-asa",
          "username <user> password <new-unique-password> privilege <n>\n"
          "enable password <new-unique-password>\nno passwd"},
         {"yamaha-rtx", "security class 1 off on on   # no console login with the fixed recovery password"}}},
       check_default_password},
      {{"GAP-CRED-NO-PASSWORD",
        Severity::High,
        "§5.4.2.1",
        "An account has no password",
        "パスワードが設定されていないアカウントがある",
        Tier::Guideline,
        "An account without a password lets anyone who reaches the login prompt in; the guideline asks for "
        "subject authentication on every management access (§5.4.2.1, 別紙3(1)).",
        {{"cisco-ios", "username <user> algorithm-type scrypt secret <password>"},
         {"cisco-asa", "username <user> password <password> privilege <n>"},
         {"yamaha-rtx", "login password encrypted\nadministrator password encrypted"}}},
       check_no_password,
       kRestsOnAbsence},
      {{"GAP-CRED-PASSWORD-LENGTH",
        Severity::Low,
        "§5.4.2.1",
        "The password policy allows short passwords",
        "パスワードポリシーが短いパスワードを許している",
        Tier::Guideline,
        "The guideline asks for a minimum length and complexity per password use (§5.4.2.1) but gives no "
        "number; this check uses 8 characters (NIST SP 800-63B) and runs only where a policy is configured.",
        {{"cisco-ios", "security passwords min-length 12"},
         {"cisco-asa", "password-policy minimum-length 12"},
         {"fortigate",
          "config system password-policy\n    set status enable\n    set minimum-length 12\nend"}}},
       check_password_length,
       kRestsOnAbsence},
      {{"GAP-CRED-REUSED",
        Severity::Medium,
        "§5.4.2.1",
        "The same secret is used on several devices",
        "同一の認証情報が複数の機器で使われている",
        Tier::Guideline,
        "The guideline asks for individual passwords per service and asset with no reuse (§5.4.2.1); one "
        "leaked value then opens every device that shares it. Detected when the clear value is the same "
        "(plain text, or Cisco type 7 decoded whatever its salt) or the stored string is identical; hashes "
        "with different salts cannot be compared.",
        {{"cisco-ios",
          "username <user> algorithm-type scrypt secret <device-unique-password>\n"
          "snmp-server community <device-unique-string> RO <acl>"},
         {"cisco-asa",
          "username <user> password <device-unique-password>\n"
          "snmp-server community <device-unique-string>"}}},
       check_reused_secret},
      {{"GAP-CRED-REVERSIBLE",
        Severity::High,
        "別紙3(1)",
        "A secret is stored in clear text or with reversible encoding",
        "認証情報が平文または可逆な形式で保存されている",
        Tier::Guideline,
        "Authentication information must be protected at rest (別紙3(1)); Cisco type 0 is clear text and "
        "type 7 is decoded by anyone who sees the configuration or a backup of it.",
        {{"cisco-ios",
          "username <user> algorithm-type scrypt secret <password>\n"
          "enable algorithm-type scrypt secret <password>\n"
          "key config-key password-encrypt <master-key>\npassword encryption aes"},
         {"cisco-asa", "key config-key password-encryption <master-key>\npassword encryption aes"}}},
       check_reversible_storage},
      {{"GAP-CRED-SNMP-COMMUNITY",
        Severity::High,
        "§5.4.2.1",
        "An SNMP community is a default or guessable string",
        "SNMPコミュニティ名が初期値または推測可能な値",
        Tier::Guideline,
        "public/private and the device's own name are the first strings any scanner tries; with RW the "
        "device configuration can be changed (§5.4.2.1 default credentials). Critical when RW on a device "
        "in a control zone or facing the internet.",
        {{"cisco-ios",
          "no snmp-server community <default>\n"
          "snmp-server group <group> v3 priv access <acl>\n"
          "snmp-server user <user> <group> v3 auth sha <auth-pass> priv aes 128 <priv-pass>"},
         {"cisco-asa",
          "no snmp-server community <default>\nsnmp-server group <group> v3 priv\n"
          "snmp-server user <user> <group> v3 auth sha <auth-pass> priv aes 256 <priv-pass>"}}},
       check_snmp_community},
      {{"GAP-CRED-WEAK-HASH",
        Severity::Medium,
        "§5.4.6",
        "A password is hashed with a weak algorithm",
        "パスワードが脆弱なハッシュ方式で保存されている",
        Tier::Guideline,
        "MD5-based hashes (Cisco type 5, ASA 'encrypted') and type 4 are cracked offline at high speed; "
        "administrator passwords must not be easily guessed (§5.4.6). Use type 8/9 or PBKDF2.",
        {{"cisco-ios",
          "username <user> algorithm-type scrypt secret <password>\n"
          "enable algorithm-type scrypt secret <password>"},
         {"cisco-asa",
          "username <user> password <password> privilege <n>   ! re-entered on 9.5+: stored as pbkdf2\n"
          "enable password <password>"}}},
       check_weak_hash},
      {{"GAP-CRYPTO-IKE-WEAK",
        Severity::High,
        "§5.4.4",
        "A VPN proposal uses DES, 3DES, MD5 or a weak DH group",
        "VPNの暗号提案に DES・3DES・MD5・弱いDHグループが含まれる",
        Tier::Guideline,
        "The guideline asks to identify deprecated or weak cryptography and plan its replacement, referring "
        "to the CRYPTREC list (§5.4.3, §5.4.4). DES, MD5 and DH groups 1/2/5 (768-1536 bit) are broken or "
        "below 112-bit strength; 3DES has a 64-bit block. Reported at the line that defines the proposal or "
        "setting; a setting not written is judged by the vendor's documented default, named in the finding.",
        {{"cisco-ios",
          "crypto isakmp policy <n>\n encryption aes 256\n hash sha256\n group 14\n"
          "crypto ipsec transform-set <name> esp-aes 256 esp-sha256-hmac"},
         {"cisco-asa",
          "crypto ikev2 policy <n>\n encryption aes-256\n integrity sha256\n group 14\n"
          "crypto ipsec ikev2 ipsec-proposal <name>\n protocol esp encryption aes-256\n"
          " protocol esp integrity sha-256"},
         {"fortigate",
          "config vpn ipsec phase1-interface\n    edit <name>\n        set proposal aes256-sha256\n"
          "        set dhgrp 14\n    next\nend"},
         {"yamaha-rtx",
          "ipsec sa policy <n> <gw> esp aes256-cbc sha256-hmac\nipsec ike encryption <gw> aes256-cbc\n"
          "ipsec ike hash <gw> sha256\nipsec ike group <gw> modp2048"},
         {"nec-ix",
          "ike proposal <name> encryption aes-256 hash sha2-256 group 2048-bit\n"
          "ipsec autokey-proposal <name> esp-aes-256 esp-sha2-256"}}},
       check_ike_weak},
      {{"GAP-CRYPTO-SSH-V1",
        Severity::High,
        "§5.4.4",
        "SSH version 1 is accepted",
        "SSH バージョン1 を受け付ける",
        Tier::Guideline,
        "SSHv1 has known protocol flaws that allow session hijacking and password recovery; deprecated "
        "cryptography must be identified and replaced (§5.4.3/§5.4.4).",
        {{"cisco-ios", "ip ssh version 2"}, {"cisco-asa", "ssh version 2"}}},
       check_ssh_v1,
       kRestsOnAbsence},
      {{"GAP-CRYPTO-SSH-WEAK-ALGO",
        Severity::Medium,
        "§5.4.4",
        "SSH allows weak algorithms",
        "SSH で脆弱な暗号アルゴリズムが許可されている",
        Tier::Guideline,
        "Algorithms ssh-audit fails (SHA-1 key exchange, 1024-bit DH, 3DES/DES/RC4, HMAC-MD5/SHA-1, ssh-dss) "
        "are deprecated cryptography under §5.4.4.",
        {{"cisco-ios",
          "ip ssh server algorithm encryption aes256-gcm aes256-ctr aes128-ctr\n"
          "ip ssh server algorithm mac hmac-sha2-256-etm@openssh.com hmac-sha2-512-etm@openssh.com\n"
          "ip ssh server algorithm kex ecdh-sha2-nistp256 diffie-hellman-group14-sha256"},
         {"cisco-asa",
          "ssh key-exchange group dh-group14-sha256\nssh cipher encryption high\n"
          "ssh cipher integrity high"}}},
       check_ssh_weak_algorithms},
      {{"GAP-CRYPTO-TLS-WEAK",
        Severity::High,
        "§5.4.3",
        "HTTPS management or an SSL-VPN portal allows TLS below 1.2 or weak cipher suites",
        "HTTPS 管理または SSL-VPN で TLS1.2 未満または脆弱な暗号スイートを許可",
        Tier::Guideline,
        "The guideline asks for appropriate TLS and for assets using deprecated or weak encryption to be "
        "identified (§5.4.3). The policy is a Mozilla Server Side TLS profile (checks/data/tls_profiles.h). "
        "HTTPS administration and an SSL-VPN portal are judged separately, each at its own setting; a "
        "setting not written is judged by the release's documented default, named in the finding, or not "
        "decided (info) when that default is not known.",
        {{"cisco-ios",
          "ip http tls-version TLSv1.2\n"
          "ip http secure-ciphersuite ecdhe-rsa-aes-gcm-sha2 ecdhe-ecdsa-aes-gcm-sha2"},
         {"cisco-asa", "ssl server-version tlsv1.2\nssl cipher tlsv1.2 high\nssl dh-group group14"},
         {"fortigate",
          "config system global\n    set admin-https-ssl-versions tlsv1-2 tlsv1-3\nend\n"
          "config vpn ssl settings\n    set ssl-min-proto-ver tls1-2\n    set algorithm high\nend"}}},
       check_tls_weak},
      {{"GAP-EXPOSURE-ANY-ANY",
        Severity::High,
        "§5.4.2",
        "A filter facing a control zone permits any source, destination and service",
        "制御系ゾーンに面したフィルタが送信元・宛先・サービスすべてを許可している",
        Tier::Guideline,
        "§5.4.2 asks to deny every connection to the control network except communications explicitly "
        "permitted for specific functions; an any/any/any permit makes the filter allow-by-default.",
        {{"cisco-ios",
          "ip access-list extended <name>\n no <line of the any-any permit>\n"
          " permit tcp <src> <dst> eq <port>\n deny ip any any log"},
         {"cisco-asa",
          "no access-list <name> extended permit ip any any\n"
          "access-list <name> extended permit tcp <src> <dst> eq <port>"}}},
       check_any_any_permit},
      {{"GAP-EXPOSURE-CONTROL-HOST",
        Severity::Critical,
        "§5.4.2",
        "A remote-desktop, file-sharing or industrial service of a control host is reachable from outside",
        "制御系ホストのリモートデスクトップ・ファイル共有・産業用プロトコルが外部から到達可能",
        Tier::Guideline,
        "The prover found a flow from the internet (directly, through a VPN or a pivot) that opens an "
        "exploitable service (RDP, VNC, SMB, Modbus, S7, DNP3, ...) on a control-system host (§5.4.2).",
        {{"cisco-ios", "ip access-list extended <inbound-acl>\n deny tcp any host <host> eq <port> log"},
         {"cisco-asa", "access-list <inbound-acl> extended deny tcp any host <host> eq <port> log"}}},
       check_control_host_exposure},
      {{"GAP-EXPOSURE-DEVICE-MGMT",
        Severity::High,
        "§5.4.2",
        "A management service of a network device is reachable from the internet or a pivot",
        "ネットワーク機器の管理サービスがインターネットまたは踏み台から到達可能",
        Tier::Guideline,
        "Management access (SSH, telnet, HTTP(S), SNMP) should accept connections only from management "
        "terminals (§5.4.2 terminal restriction); reachable from the internet it is critical.",
        {{"cisco-ios",
          "ip access-list standard MGMT-HOSTS\n permit <mgmt-host>\nline vty 0 4\n"
          " access-class MGMT-HOSTS in\nip http access-class ipv4 MGMT-HOSTS"},
         {"cisco-asa",
          "ssh <mgmt-net> <mask> <inside-nameif>\nhttp <mgmt-net> <mask> <inside-nameif>\n"
          "no ssh 0.0.0.0 0.0.0.0 outside"}}},
       check_device_mgmt_exposure},
      {{"GAP-HYGIENE-IPV6-UNFILTERED",
        Severity::Medium,
        "§5.4.2",
        "IPv6 is enabled on an interface without an IPv6 filter",
        "IPv6 が有効なインタフェースに IPv6 フィルタがない",
        Tier::Guideline,
        "IPv4 access lists do not apply to IPv6; an interface with IPv6 enabled and no IPv6 filter passes "
        "IPv6 traffic unchecked, and the reachability proof covers IPv4 only.",
        {{"cisco-ios",
          "interface <name>\n ipv6 traffic-filter <ipv6-acl> in\n! or: no ipv6 enable / no ipv6 address"},
         {"cisco-asa", "access-group <acl> in interface <nameif>   ! unified ACL covers IPv6"},
         {"yamaha-rtx", "ipv6 <lan> secure filter in <n>... \nipv6 filter <n> reject * * * * *"},
         {"nec-ix", "interface <name>\n ipv6 filter <list> <seq> in"}}},
       check_ipv6_unfiltered,
       kRestsOnAbsence},
      {{"GAP-HYGIENE-IT-OT-UNLOGGED",
        Severity::Medium,
        "§5.4.2",
        "A rule permitting IT-OT traffic at a control zone's edge does not log it",
        "制御系ゾーン境界で情報系との通信を許可する規則がログを記録しない",
        Tier::Guideline,
        "The guideline asks to monitor strictly the traffic relayed between information and control "
        "systems (§5.4.2, controls.md GL-LOG-07). Checked on filters applied on devices at a control "
        "zone's edge; rules of dialects whose rule logging is not read are not judged.",
        {{"cisco-ios", "ip access-list extended <acl>\n permit tcp <it-net> <ot-net> eq <port> log"},
         {"cisco-asa", "access-list <acl> extended permit tcp <it-net> <ot-net> eq <port> log informational"},
         {"fortigate", "config firewall policy\n    edit <id>\n        set logtraffic all\n    next\nend"},
         {"yamaha-rtx", "ip filter <n> pass-log <it-net> <ot-net> tcp * <port>"}}},
       check_it_ot_unlogged},
      {{"GAP-HYGIENE-NTP",
        Severity::Medium,
        "別紙3(12)",
        "The device synchronises its clock with no time source",
        "機器の時刻が同期されていない",
        Tier::Guideline,
        "Every device of the system must have its time synchronised (別紙3(12)(13)(17)) so that logs of "
        "different devices can be put in one timeline during an investigation.",
        {{"cisco-ios", "ntp server <ntp-server>"},
         {"cisco-asa", "ntp server <ntp-server> source <nameif>"},
         {"fortigate",
          "config system ntp\n    set ntpsync enable\n    set type custom\n    config ntpserver\n        "
          "edit 1\n            set server <ntp-server>\n        next\n    end\nend"},
         {"yamaha-rtx", "schedule at 1 */* 03:00 * ntpdate <ntp-server>"}}},
       check_time_sync,
       kRestsOnAbsence},
      {{"GAP-HYGIENE-REMOTE-LOG",
        Severity::Medium,
        "§5.1.3.4",
        "Logs are not sent to a central collector",
        "ログが集中管理サーバへ送られていない",
        Tier::Guideline,
        "Logs must be collected, protected from tampering and stored centrally with administrator-only "
        "access (§5.1.3.4); a device that keeps its logs only in memory loses them on reboot and to an "
        "intruder.",
        {{"cisco-ios", "logging host <collector>\nlogging trap informational"},
         {"cisco-asa", "logging enable\nlogging trap informational\nlogging host <nameif> <collector>"},
         {"fortigate", "config log syslogd setting\n    set status enable\n    set server <collector>\nend"},
         {"yamaha-rtx", "syslog host <collector>"}}},
       check_remote_logging,
       kRestsOnAbsence},
      {{"GAP-HYGIENE-SHADOWED-RULE",
        Severity::Low,
        "§5.1.1.1",
        "A filter rule can never match",
        "決して一致しないフィルタ規則がある",
        Tier::Guideline,
        "Earlier rules match every packet of this rule, so it never takes effect: often the intended "
        "restriction is not the one enforced. Routing and access-control settings are to be reviewed "
        "periodically (§5.1.1.1).",
        {{"cisco-ios", "ip access-list extended <name>\n no <sequence of the shadowed rule>"},
         {"cisco-asa", "no access-list <name> line <n> extended ..."}}},
       check_shadowed_rules},
      {{"GAP-HYGIENE-UNDEFINED-REF",
        Severity::Medium,
        "§5.1.1.1",
        "A configuration refers to an access list that is not defined",
        "定義されていないアクセスリストを参照している",
        Tier::Guideline,
        "An interface, line or VPN refers to an access list that does not exist; on IOS it then filters "
        "nothing, so the restriction the operator believes in is absent.",
        {{"cisco-ios", "ip access-list extended <name>\n permit ...\n deny ip any any log"},
         {"cisco-asa", "access-list <name> extended permit ..."}}},
       check_undefined_references,
       kRestsOnAbsence},
      {{"GAP-MGMT-HTTP",
        Severity::High,
        "§5.4.3",
        "Plain-HTTP management is enabled",
        "HTTP（平文）による管理が有効",
        Tier::Guideline,
        "Management over HTTP sends credentials and configuration in clear text; data in transit needs TLS "
        "(§5.4.3) and maintenance services must be secured (別紙2 2.5.1).",
        {{"cisco-ios", "no ip http server\nip http secure-server\nip http tls-version TLSv1.2"},
         {"cisco-asa", "! ASDM is HTTPS only: no change needed for plain HTTP"}}},
       check_http},
      {{"GAP-MGMT-IDLE-TIMEOUT",
        Severity::Low,
        "§5.4.2",
        "An idle management session never times out or stays open long",
        "管理セッションの無操作タイムアウトが無効または長い",
        Tier::Guideline,
        "An unattended logged-in console or remote session lets anyone who finds it act as the "
        "administrator (§5.4.2 unauthorised access). The guideline gives no number: sessions idle for "
        "more than 10 minutes (CIS benchmarks) are reported, and sessions that never time out always.",
        {{"cisco-ios", "line con 0\n exec-timeout 10 0\nline vty 0 4\n exec-timeout 10 0"},
         {"cisco-asa", "console timeout 10\nssh timeout 10\nhttp server idle-timeout 10"},
         {"fortigate", "config system global\n    set admintimeout 10\nend"},
         {"yamaha-rtx", "login timer 600"}}},
       check_idle_timeout,
       kRestsOnAbsence},
      {{"GAP-MGMT-SNMP-V1V2C",
        Severity::Medium,
        "§5.4.3",
        "SNMP v1/v2c is configured",
        "SNMP v1/v2c が設定されている",
        Tier::Guideline,
        "SNMP v1/v2c authenticates only by a community string sent in clear text; use SNMPv3 with "
        "authentication and privacy (§5.4.3; NIST SP 800-82 §5.6).",
        {{"cisco-ios",
          "no snmp-server community <community>\nsnmp-server group <group> v3 priv access <acl>\n"
          "snmp-server user <user> <group> v3 auth sha <auth-pass> priv aes 128 <priv-pass>"},
         {"cisco-asa",
          "no snmp-server community <community>\nsnmp-server group <group> v3 priv\n"
          "snmp-server user <user> <group> v3 auth sha <auth-pass> priv aes 256 <priv-pass>\n"
          "snmp-server host <nameif> <nms> version 3 <user>"}}},
       check_snmp_v1v2c},
      {{"GAP-MGMT-SNMPV3-WEAK",
        Severity::High,
        "§5.4.3",
        "SNMPv3 without authentication or privacy, or with MD5/DES",
        "SNMPv3 が認証・暗号化なし、または MD5/DES を使用",
        Tier::Guideline,
        "noAuthNoPriv is as open as v2c; authNoPriv sends data in clear; MD5 and DES are deprecated "
        "(§5.4.3/§5.4.4).",
        {{"cisco-ios",
          "snmp-server group <group> v3 priv access <acl>\n"
          "snmp-server user <user> <group> v3 auth sha <auth-pass> priv aes 128 <priv-pass>"},
         {"cisco-asa",
          "snmp-server group <group> v3 priv\n"
          "snmp-server user <user> <group> v3 auth sha <auth-pass> priv aes 256 <priv-pass>"}}},
       check_snmpv3_weak},
      {{"GAP-MGMT-TELNET",
        Severity::High,
        "§5.4.3",
        "Telnet management is enabled",
        "Telnet による管理が有効",
        Tier::Guideline,
        "Telnet carries passwords and sessions in clear text; remote maintenance services must be secured "
        "and data in transit encrypted (§5.4.3, 別紙2 2.5.1).",
        {{"cisco-ios", "line vty 0 15\n transport input ssh"},
         {"cisco-asa", "no telnet <address> <mask> <nameif>\nssh <mgmt-net> <mask> <nameif>"}}},
       check_telnet},
      {{"GAP-MGMT-TFTP",
        Severity::High,
        "§5.4.2",
        "The configuration can be read or written over TFTP",
        "TFTP で設定の読み出し・書き込みができる",
        Tier::Guideline,
        "A TFTP host list lets those hosts fetch the whole configuration (with its secrets) and load a new "
        "one over an unencrypted, unauthenticated protocol, guarded by the administrator password alone; "
        "§5.4.2 asks for management access only from the management terminals, and remote maintenance "
        "must be secured (別紙2 2.5.1). Medium when the host list is restricted, High for any address.",
        {{"yamaha-rtx", "tftp host none"}}},
       check_tftp_config_access},
      {{"GAP-MGMT-UNRESTRICTED",
        Severity::Medium,
        "§5.4.2",
        "A management service accepts connections from any address",
        "管理サービスが任意のアドレスからの接続を受け付ける",
        Tier::Guideline,
        "§5.4.2 asks for IP-address-based terminal restriction: management should be reachable only from "
        "the management terminals.",
        {{"cisco-ios",
          "ip access-list standard MGMT-HOSTS\n permit <mgmt-host>\nline vty 0 15\n"
          " access-class MGMT-HOSTS in\nsnmp-server community <c> RO MGMT-HOSTS"},
         {"cisco-asa", "ssh <mgmt-host> 255.255.255.255 <nameif>"}}},
       check_mgmt_unrestricted,
       kRestsOnAbsence},
      {{"GAP-ORDINANCE-Q1", Severity::Critical, "§2.2 Column 2 Q1",
        "Ordinance Q1: a control-system computer has no subject-authentication capability",
        "省令 Q1: 制御系システムの電子計算機に主体認証の機能がない", Tier::Ordinance,
        "Facility standards ordinance §1(11-2), point 1 (L1634-1664): every computer of a control system "
        "must "
        "be able to authenticate who accesses it. Nothing substitutes: neither physical separation nor room "
        "entry control."},
       check_ordinance_q1},
      {{"GAP-ORDINANCE-Q2", Severity::Critical, "§2.2 Column 2 Q2",
        "Ordinance Q2: anti-malware is not installed, current and auto-scanning, and the alternative is not "
        "in place",
        "省令 Q2: 不正プログラム対策（導入・最新・自動検査）がなく、代替措置もない", Tier::Ordinance,
        "Point 2 (L1668-1717): antivirus installed, kept up to date and auto-scanning, or else physical "
        "separation "
        "from external networks (a CLOSED zone) AND removable-media infection prevention. Firewall isolation "
        "is not physical separation."},
       check_ordinance_q2},
      {{"GAP-ORDINANCE-Q3", Severity::Critical, "§2.2 Column 2 Q3",
        "Ordinance Q3: an operating system past its end of support, and the alternative is not in place",
        "省令 Q3: サポート終了 OS を使用しており、代替措置もない", Tier::Ordinance,
        "Point 3 (L1721-1741): no OS whose security support has ended, or else the same alternative as Q2 "
        "(physical separation AND removable-media protection)."},
       check_ordinance_q3},
      {{"GAP-ORDINANCE-Q4", Severity::Critical, "§2.2 Column 2 Q4",
        "Ordinance Q4: a control-system computer is not in a locked room with entry control",
        "省令 Q4: 電子計算機が施錠・入退室管理された場所に設置されていない", Tier::Ordinance,
        "Point 4 (L1742-1772): a fixed computer must be in a place isolated by barriers or locks AND whose "
        "entry and exit can be managed; a portable one must be kept safe from theft. The Q2/Q3 alternative "
        "does not substitute."},
       check_ordinance_q4},
      {{"GAP-PARSE-DAMAGED", Severity::High, "§2.2", "A configuration cannot be trusted as a whole",
        "設定ファイル全体を信頼できない（空・途中で切れている・大半を解釈できない）", Tier::Guideline,
        "The file is empty, cut short (a backup that failed half way), in no supported dialect or encoding, "
        "or mostly not understood: what the device does is unknown, so no verdict of isolation may rest on "
        "it and no finding may rest on a setting being absent from it."},
       check_damaged_configs},
      {{"GAP-PARSE-UNRECOGNISED", Severity::Info, "§2.2", "Configuration lines not understood",
        "解釈できない設定行"},
       check_unrecognised_lines},
      {{"GAP-RA-AUTH-LOG",
        Severity::Medium,
        "別紙2 §2.5.2",
        "Remote-access VPN logins are not recorded",
        "リモートアクセスVPNの認証ログが記録されていない",
        Tier::Guideline,
        "When a VPN is used, authentication logs must be collected and managed (別紙2 2.5.2, §5.2.2).",
        {{"cisco-ios", "aaa accounting network default start-stop group <radius>"},
         {"cisco-asa", "tunnel-group <name> general-attributes\n accounting-server-group <radius>"},
         {"fortigate", "config log eventfilter\n    set vpn enable\nend"}}},
       check_ra_auth_logging,
       kRestsOnAbsence},
      {{"GAP-RA-NO-MFA",
        Severity::High,
        "§5.2.2",
        "A remote-access VPN authenticates with one factor only",
        "リモートアクセスVPNが単一要素認証のみ",
        Tier::Guideline,
        "The guideline asks for multi-factor authentication on VPN connections, preferably hardware-based "
        "(Column 1, §5.4.2, §5.4.2.1). Critical when the VPN's users reach a control zone.",
        {{"cisco-ios",
          "aaa authentication login VPN-AUTH group <radius-otp-group>\n"
          "crypto isakmp client configuration group <g>\n ! or certificate + RADIUS OTP"},
         {"cisco-asa",
          "tunnel-group <name> general-attributes\n authentication-server-group <radius-mfa>\n"
          "tunnel-group <name> webvpn-attributes\n authentication aaa certificate"}}},
       check_ra_no_mfa,
       kRestsOnAbsence},
      {{"GAP-RA-POOL-REACHES-CONTROL",
        Severity::High,
        "§5.2.2",
        "Remote-access VPN users can reach a control zone",
        "リモートアクセスVPN利用者が制御系ゾーンへ到達できる",
        Tier::Guideline,
        "Every remote connection that reaches control systems must be justified, restricted to the needed "
        "systems and protected (Column 1 'restrict remote connections', 別紙2 2.5.2).",
        {{"cisco-ios",
          "ip access-list extended VPN-USERS\n permit tcp <pool> host <needed-host> eq <port>\n"
          " deny ip <pool> <control-net> log"},
         {"cisco-asa",
          "access-list VPN-FILTER extended permit tcp <pool> host <needed-host> eq <port>\n"
          "group-policy <gp> attributes\n vpn-filter value VPN-FILTER"}}},
       check_ra_pool_reaches_control},
      {{"GAP-RA-SPLIT-TUNNEL",
        Severity::Medium,
        "別紙2 §2.5.2",
        "A remote-access VPN allows split tunnelling",
        "リモートアクセスVPNがスプリットトンネルを許している",
        Tier::Guideline,
        "別紙2 2.5.2 forbids connecting to other lines during remote access; split tunnelling keeps the "
        "client on its own internet line while it is inside the network (an interpretation of that rule, "
        "controls.md GL-RA-01). High when the VPN's users reach a control zone.",
        {{"cisco-ios", "crypto isakmp client configuration group <g>\n no acl <split-acl>"},
         {"cisco-asa", "group-policy <gp> attributes\n split-tunnel-policy tunnelall"},
         {"fortigate",
          "config vpn ssl web portal\n    edit <portal>\n        set split-tunneling disable\n    "
          "next\nend"}}},
       check_ra_split_tunnel,
       kRestsOnAbsence},
      {{"GAP-TOPOLOGY-INFERRED", Severity::Info, "§2.2",
        "No topology.yaml: links were inferred from the configurations",
        "topology.yaml がなく、接続を設定から推定した"},
       check_inferred_topology},
      {{"GAP-VPN-TUNNEL-MISMATCH",
        Severity::Medium,
        "§5.4.2",
        "The two ends of a tunnel between the utility's own routers disagree",
        "自組織のルータ間トンネルの両端の設定が一致していない",
        Tier::Guideline,
        "A tunnel whose ends disagree (traffic selectors that do not mirror, an IPsec peer that has no "
        "tunnel back, a declared tunnel end the configuration does not have) does not come up as "
        "designed, or only for part of the traffic. gapproof cannot tell which end is right: an end "
        "without its counterpart is an unknown peer, so isolation behind it is not proven.",
        {{"yamaha-rtx",
          "tunnel select <n>\n ipsec tunnel <policy>\n  ipsec sa policy <policy> <gw> esp aes256-cbc "
          "sha256-hmac\n  ipsec ike remote address <gw> <the other router's address>\n tunnel enable <n>"},
         {"nec-ix",
          "ip access-list <sel> permit ip src <local-net> dest <remote-net>\nipsec autokey-map <map> <sel> "
          "peer <the other router's address> <proposal>\ninterface Tunnel0.0\n  tunnel mode ipsec\n  "
          "ipsec policy tunnel <map> out"}}},
       check_tunnel_mismatch},
      {{"GAP-ZONE-FIREWALL-ONLY", Severity::Medium, "§2.2",
        "Isolation of a control zone rests only on firewalls and routers",
        "制御系ゾーンの分離がファイアウォール・ルータのみに依存している", Tier::Guideline,
        "The zone is protected only by filtering devices; it is not a closed network, and a single "
        "configuration mistake on the listed devices would expose it."},
       check_firewall_only},
      {{"GAP-ZONE-REACHABLE", Severity::Critical, "§5.4.2", "A flow from the internet reaches a control zone",
        "インターネットから制御系ゾーンへ到達する通信がある", Tier::Guideline,
        "A connection from the internet (directly, through NAT, a VPN or a compromised host) reaches "
        "a control system: the boundary defence of §5.4.2 is not in place."},
       check_zone_reachable},
      {{"GAP-ZONE-UNPROVEN", Severity::High, "§2.2", "Isolation of a zone could not be proven",
        "ゾーンの分離を証明できない", Tier::Guideline,
        "Something on a path from the internet was not understood, so isolation cannot be claimed."},
       check_zone_unproven},
  };
  return kChecks;
}

}  // namespace gp::checks
