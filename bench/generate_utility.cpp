// gapproof-bench-gen: writes a synthetic water-utility snapshot of N sites for benchmarks.
//
//   gapproof-bench-gen N OUTDIR [--seed S]
//
// Layout (per /work/shared/spec/snapshot-format.md):
//   OUTDIR/topology.yaml, OUTDIR/configs/*.cfg
// Network: one HQ (hq-rtr: PPPoE Dialer1 + PAT, office LAN), one carrier IP-VPN joining HQ and
// every site. Site i (1..N) has an IOS router (site-NNNN-rtr) with a PLC/telemetry LAN; every 10th
// site is a treatment plant whose router sits in front of an ASA (site-NNNN-fw: inside = SCADA,
// dmz = historian, static NAT + PAT). Every site has 2-5 hosts and a control zone claiming closed.
//
// Stand-alone on purpose: only the C++ standard library, no project code. Output is a pure
// function of (N, seed): the PRNG is our own SplitMix64 (the std distributions are not portable).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Rng {
  uint64_t s;
  explicit Rng(uint64_t seed) : s(seed) {}
  uint64_t next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // uniform in [lo, hi]
  int range(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<uint64_t>(hi - lo + 1)); }
  bool chance(int percent) { return range(1, 100) <= percent; }
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[next() % v.size()];
  }
};

std::string pad4(int i) {
  char b[16];
  std::snprintf(b, sizeof b, "%04d", i);
  return b;
}

std::string hex(Rng& r, int n) {
  static const char* d = "0123456789ABCDEF";
  std::string s;
  for (int k = 0; k < n; ++k) s += d[r.next() % 16];
  return s;
}

std::string b64ish(Rng& r, int n) {
  static const char* d = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./";
  std::string s;
  for (int k = 0; k < n; ++k) s += d[r.next() % 64];
  return s;
}

// ---- addressing plan ------------------------------------------------------------------------
// IP-VPN 10.255.0.0/16: HQ is 10.255.0.1; site i -> 10.255.(i/250).(i%250+2), never .0/.1/.255.
std::string vpn_ip_safe(int i) {
  return "10.255." + std::to_string(i / 250) + "." + std::to_string(i % 250 + 2);
}
// Site control LAN 172.16.0.0/12: site i -> 172.(16 + i/256).(i%256).0/24 (i <= 4095).
std::string lan_net(int i) { return "172." + std::to_string(16 + i / 256) + "." + std::to_string(i % 256); }
// Plant DMZ 10.128.0.0/9 and router<->fw transit 10.64.0.0/10.
std::string dmz_net(int i) { return "10." + std::to_string(128 + i / 256) + "." + std::to_string(i % 256); }
std::string fw_net(int i) { return "10." + std::to_string(64 + i / 256) + "." + std::to_string(i % 256); }

bool is_plant(int i) { return i % 10 == 0; }
int home_plant(int i, int n) {  // the plant that polls site i (0 = none, HQ NMS only)
  int p = ((i + 9) / 10) * 10;
  if (p > n) p = (n / 10) * 10;
  return p;
}

const std::vector<std::string> kJaSite = {"ポンプ場", "配水池", "加圧所", "水源地", "浄水場", "取水場"};
const std::vector<std::string> kOs = {
    "Windows 10 IoT Enterprise LTSC 2019|2029-01-09", "Windows 7 Professional SP1|2020-01-14",
    "Windows Server 2019 Standard|2029-01-09",        "Windows Server 2012 R2 Standard|2023-10-10",
    "Windows 10 IoT Enterprise LTSB 2016|2026-10-13", "Red Hat Enterprise Linux 8.10|2029-05-31",
    "Windows Embedded Standard 7|2020-10-13",         "Windows 11 IoT Enterprise LTSC 2024|2034-10-10"};
const std::vector<std::string> kMedia = {"none", "policy_only", "software_disabled", "physically_blocked"};
const std::vector<int> kOtPorts = {502, 5007, 20000, 44818, 102, 2404, 47808, 1911, 4840};

void line(std::ostringstream& o, const std::string& s) { o << s << '\n'; }

std::string wild(const std::string& net24) { return net24 + ".0 0.0.0.255"; }

// Common IOS header and trailer -----------------------------------------------------------------
void ios_header(std::ostringstream& o, Rng& r, const std::string& host, const std::string& pid) {
  line(o, "!");
  line(o, "! Last configuration change at " + std::to_string(r.range(0, 23)) + ":" +
              std::to_string(r.range(10, 59)) + ":" + std::to_string(r.range(10, 59)) + " JST Mon Oct " +
              std::to_string(r.range(1, 28)) + " 2026 by netadmin");
  line(o, "!");
  line(o, std::string("version ") + r.pick(std::vector<std::string>{"15.1", "15.4", "15.5", "15.7"}));
  line(o, "service timestamps debug datetime msec localtime");
  line(o, "service timestamps log datetime msec localtime");
  line(o, "service password-encryption");
  line(o, "no service pad");
  line(o, "!");
  line(o, "hostname " + host);
  line(o, "!");
  line(o, "boot-start-marker");
  line(o, "boot-end-marker");
  line(o, "!");
  line(o, "logging buffered 32768 informational");
  line(o, "enable secret 9 $9$" + b64ish(r, 14) + "$" + b64ish(r, 43));
  line(o, "!");
  line(o, "no aaa new-model");
  line(o, "clock timezone JST 9 0");
  line(o, "!");
  line(o, "no ip source-route");
  line(o, "no ip domain lookup");
  line(o, "ip domain name suido.example.lg.jp");
  line(o, "ip cef");
  line(o, "no ipv6 cef");
  line(o, "!");
  line(o, "license udi pid " + pid + " sn FGL" + hex(r, 8));
  line(o, "!");
  line(o, "username netadmin privilege 15 secret 9 $9$" + b64ish(r, 14) + "$" + b64ish(r, 43));
  if (r.chance(50)) line(o, "username maint privilege 15 password 7 " + hex(r, 18));
  if (r.chance(10)) line(o, "username admin privilege 15 password 0 admin123");
  line(o, "!");
  line(o, "redundancy");
  line(o, "!");
  line(o, "ip ssh version 2");
  line(o, "ip ssh time-out 60");
  line(o, "!");
  line(o, "interface Embedded-Service-Engine0/0");
  line(o, " no ip address");
  line(o, " shutdown");
  line(o, "!");
}

void ios_trailer(std::ostringstream& o, Rng& r, const std::string& where, bool telnet) {
  line(o, "!");
  line(o, "logging host 192.168.10.21");
  line(o, "!");
  line(o, "snmp-server community " + std::string(r.chance(20) ? "public" : "SuidoRO" + hex(r, 4)) +
              " RO SNMP-RO");
  line(o, "snmp-server location " + where);
  line(o, "snmp-server contact 浄水課 電気係");
  line(o, "snmp-server enable traps snmp linkdown linkup coldstart");
  line(o, "snmp-server host 192.168.10.21 version 2c SuidoTrap");
  line(o, "!");
  line(o, "control-plane");
  line(o, "!");
  line(o, "banner motd ^C");
  line(o, " 例市水道局 " + where + " -- 関係者以外の接続禁止 / Authorized access only --");
  line(o, "^C");
  line(o, "!");
  line(o, "line con 0");
  line(o, " exec-timeout 15 0");
  line(o, " login local");
  line(o, "line aux 0");
  line(o, " transport input none");
  line(o, "line 2");
  line(o, " no activation-character");
  line(o, " no exec");
  line(o, " transport preferred none");
  line(o, " stopbits 1");
  line(o, "line vty 0 4");
  line(o, " access-class VTY-ACCESS in");
  line(o, " exec-timeout 10 0");
  line(o, " login local");
  line(o, std::string(" transport input ") + (telnet ? "telnet ssh" : "ssh"));
  line(o, "line vty 5 15");
  line(o, " access-class VTY-ACCESS in");
  line(o, " login local");
  line(o, " transport input ssh");
  line(o, "!");
  line(o, "scheduler allocate 20000 1000");
  line(o, "ntp server 10.255.0.1");
  line(o, "!");
  line(o, "end");
}

// Site router (every site) ----------------------------------------------------------------------
std::string site_router(Rng& r, int i, int n, int nhosts) {
  std::ostringstream o;
  const std::string id = pad4(i);
  const bool plant = is_plant(i);
  const std::string lan = plant ? fw_net(i) : lan_net(i);
  const int hp = home_plant(i, n);
  const std::string poll_net = hp ? lan_net(hp) : "192.168.10";
  const std::string where = "第" + std::to_string(i) + r.pick(kJaSite);
  ios_header(o, r, "site-" + id + "-rtr", "CISCO1921/K9");

  line(o, "interface GigabitEthernet0/0");
  line(o, " description キャリアIP-VPN (閉域網サービス 回線ID IPV-" + pad4(i) + hex(r, 3) + ")");
  line(o, " ip address " + vpn_ip_safe(i) + " 255.255.0.0");
  line(o, " ip access-group IPVPN-IN in");
  line(o, " no ip redirects");
  line(o, " no ip unreachables");
  line(o, " no ip proxy-arp");
  line(o, " duplex full");
  line(o, " speed 100");
  line(o, " no cdp enable");
  line(o, "!");
  line(o, "interface GigabitEthernet0/1");
  if (plant) {
    line(o, " description 浄水場FW site-" + id + "-fw outside");
    line(o, " ip address " + lan + ".1 255.255.255.248");
  } else {
    line(o, " description " + where + " PLC/計装LAN");
    line(o, " ip address " + lan + ".1 255.255.255.0");
    line(o, " ip access-group PLC-LAN-IN in");
  }
  line(o, " duplex auto");
  line(o, " speed auto");
  line(o, "!");
  for (const char* unused : {"Serial0/0/0", "Serial0/0/1"}) {
    line(o, std::string("interface ") + unused);
    line(o, " no ip address");
    line(o, " shutdown");
    line(o, "!");
  }
  line(o, "ip forward-protocol nd");
  line(o, "!");
  line(o, "no ip http server");
  line(o, "no ip http secure-server");
  line(o, "!");
  if (plant) {
    line(o, "ip route " + lan_net(i) + ".0 255.255.255.0 " + lan + ".2 name SCADA-LAN");
    line(o, "ip route " + dmz_net(i) + ".0 255.255.255.0 " + lan + ".2 name PLANT-DMZ");
    // a plant routes to the pump stations it polls
    for (int s = i - 9; s < i; ++s)
      if (s >= 1)
        line(o, "ip route " + lan_net(s) + ".0 255.255.255.0 " + vpn_ip_safe(s) + " name SITE-" + pad4(s));
  } else if (hp) {
    line(o, "ip route " + lan_net(hp) + ".0 255.255.255.0 " + vpn_ip_safe(hp) + " name SCADA-via-plant-" +
                pad4(hp));
  }
  line(o, "ip route 192.168.10.0 255.255.255.0 10.255.0.1 name HQ-NMS");
  line(o, "!");

  // object-groups
  line(o, "object-group network SCADA-POLLERS");
  line(o, " description 中央監視制御サーバ");
  line(o, " host " + poll_net + ".10");
  line(o, " host " + poll_net + ".11");
  line(o, "!");
  line(o, "object-group network SITE-FIELD-DEVICES");
  for (int h = 0; h < nhosts; ++h)
    line(o, " host " + (plant ? lan_net(i) : lan) + "." + std::to_string(10 + h));
  line(o, "!");
  line(o, "object-group service OT-PORTS");
  for (int k = 0; k < 4; ++k) line(o, " tcp eq " + std::to_string(kOtPorts[(i + k) % kOtPorts.size()]));
  line(o, " tcp range 20000 20010");
  line(o, "!");
  line(o, "ip access-list standard VTY-ACCESS");
  line(o, " permit 192.168.10.20");
  line(o, " permit " + poll_net + ".30");
  line(o, " deny   any log");
  line(o, "ip access-list standard SNMP-RO");
  line(o, " permit 192.168.10.21");
  line(o, " deny   any log");
  line(o, "!");

  // IPVPN-IN: 30-200 lines
  const std::string dst = plant ? wild(lan_net(i)) : wild(lan);
  const int target = r.range(30, 200);
  line(o, "ip access-list extended IPVPN-IN");
  line(o, " remark === IP-VPN inbound: site " + id + " ===");
  line(o, " permit tcp object-group SCADA-POLLERS object-group SITE-FIELD-DEVICES eq 502");
  line(o, " permit object-group OT-PORTS host " + poll_net + ".30 object-group SITE-FIELD-DEVICES");
  int count = 3;
  int section = 0;
  while (count < target - 2) {
    if (count % 7 == 3) {
      ++section;
      line(o, " remark 監視項目 " + std::to_string(section) + " (台帳 NW-" + pad4(i) + "-" +
                  std::to_string(section) + ")");
      ++count;
      continue;
    }
    const int kind = r.range(0, 5);
    const std::string src = poll_net + "." + std::to_string(r.range(10, 60));
    const int port = kOtPorts[r.next() % kOtPorts.size()];
    switch (kind) {
      case 0:
        line(o, " permit tcp host " + src + " " + dst + " eq " + std::to_string(port));
        break;
      case 1: {
        int lo = r.range(20000, 20400);
        line(o, " permit tcp host " + src + " " + dst + " range " + std::to_string(lo) + " " +
                    std::to_string(lo + r.range(1, 20)));
        break;
      }
      case 2:
        line(o, " permit udp host " + src + " " + dst + " eq " +
                    std::to_string(r.pick(std::vector<int>{161, 123, 514, 2222, 47808})));
        break;
      case 3:
        line(o, " permit icmp " + wild(poll_net) + " " + dst + " echo");
        break;
      case 4:
        line(o, " deny   tcp any " + dst + " eq " +
                    std::to_string(r.pick(std::vector<int>{23, 21, 80, 445, 3389})) + " log");
        break;
      default:
        line(o, " permit tcp " + wild(poll_net) + " eq " + std::to_string(port) + " " + dst + " established");
        break;
    }
    ++count;
  }
  line(o, " permit tcp host 192.168.10.20 host " + vpn_ip_safe(i) + " eq 22");
  line(o, " deny   ip any any log");
  line(o, "!");
  if (!plant) {
    line(o, "ip access-list extended PLC-LAN-IN");
    line(o, " remark === PLC LAN inbound: 応答のみ ===");
    line(o, " permit tcp object-group SITE-FIELD-DEVICES eq 502 object-group SCADA-POLLERS established");
    line(o, " permit tcp object-group SITE-FIELD-DEVICES " + wild(poll_net) + " established");
    line(o, " permit icmp " + wild(lan) + " " + wild(poll_net) + " echo-reply");
    line(o, " permit udp " + wild(lan) + " host " + lan + ".1 eq ntp");
    line(o, " deny   ip any any log");
    line(o, "!");
  } else {
    line(o, "ip access-list extended FW-IN");
    line(o, " remark === plant FW outside -> IP-VPN ===");
    line(o, " permit tcp object-group SCADA-POLLERS any eq 502");
    line(o, " permit tcp host " + lan_net(i) + ".30 any range 20000 20010");
    line(o, " permit tcp host " + dmz_net(i) + ".10 eq 443 192.168.10.0 0.0.0.255 established");
    line(o, " permit icmp " + wild(lan_net(i)) + " any echo");
    line(o, " deny   ip any any log");
    line(o, "!");
  }
  ios_trailer(o, r, where, r.chance(15));
  return o.str();
}

// Plant ASA (every 10th site) ------------------------------------------------------------------
std::string plant_fw(Rng& r, int i, int n, int nhosts) {
  std::ostringstream o;
  const std::string id = pad4(i);
  const std::string scada = lan_net(i), dmz = dmz_net(i), tr = fw_net(i);
  line(o, ": Saved");
  line(o, ":");
  line(o, ": Serial Number: JAD" + hex(r, 8));
  line(o, ": Hardware:   ASA5516, 8192 MB RAM, CPU Atom C2000 series 2416 MHz, 1 CPU (8 cores)");
  line(o, ":");
  line(o, "ASA Version 9.12(4)58");
  line(o, "!");
  line(o, "hostname site-" + id + "-fw");
  line(o, "domain-name suido.example.lg.jp");
  line(o, "enable password $sha512$5000$" + b64ish(r, 22) + "==$" + b64ish(r, 22) + "== pbkdf2");
  line(o, "names");
  line(o, "no mac-address auto");
  line(o, "!");
  auto iface = [&](const std::string& hw, const std::string& nameif, int lvl, const std::string& ip,
                   const std::string& mask, const std::string& desc) {
    line(o, "interface " + hw);
    line(o, " description " + desc);
    line(o, " nameif " + nameif);
    line(o, " security-level " + std::to_string(lvl));
    line(o, " ip address " + ip + " " + mask);
    line(o, "!");
  };
  iface("GigabitEthernet1/1", "outside", 0, tr + ".2", "255.255.255.248", "site-" + id + "-rtr Gi0/1");
  iface("GigabitEthernet1/2", "inside", 100, scada + ".1", "255.255.255.0", "監視制御LAN");
  iface("GigabitEthernet1/3", "dmz", 50, dmz + ".1", "255.255.255.0", "DMZ ヒストリアン");
  for (int k = 4; k <= 8; ++k) {
    line(o, "interface GigabitEthernet1/" + std::to_string(k));
    line(o, " shutdown");
    line(o, " no nameif");
    line(o, " no security-level");
    line(o, " no ip address");
    line(o, "!");
  }
  line(o, "interface Management1/1");
  line(o, " management-only");
  line(o, " shutdown");
  line(o, " no nameif");
  line(o, " no security-level");
  line(o, " no ip address");
  line(o, "!");
  line(o, "ftp mode passive");
  line(o, "clock timezone JST 9");
  line(o, "object network SCADA-LAN");
  line(o, " subnet " + scada + ".0 255.255.255.0");
  line(o, "object network DMZ-LAN");
  line(o, " subnet " + dmz + ".0 255.255.255.0");
  line(o, "object network HIST-01");
  line(o, " host " + dmz + ".10");
  line(o, "object network HIST-01-PUB");
  line(o, " host " + tr + ".3");
  for (int h = 0; h < nhosts; ++h) {
    line(o, "object network SCADA-H" + std::to_string(h));
    line(o, " host " + scada + "." + std::to_string(10 + h));
  }
  // HQ clients: 10-40 office PCs
  const int nclients = r.range(10, 40);
  for (int c = 0; c < nclients; ++c) {
    line(o, "object network HQ-PC-" + std::to_string(c));
    line(o, " host 192.168.10." + std::to_string(100 + c));
  }
  line(o, "object-group network HQ-CLIENTS");
  for (int c = 0; c < nclients; ++c) line(o, " network-object object HQ-PC-" + std::to_string(c));
  line(o, "object-group network PUMP-LANS");
  for (int s = i - 9; s < i; ++s)
    if (s >= 1) line(o, " network-object " + lan_net(s) + ".0 255.255.255.0");
  line(o, "object-group service HIST-PORTS tcp");
  line(o, " port-object eq https");
  line(o, " port-object eq 5450");
  line(o, " port-object range 8080 8090");
  line(o, "object-group service OT-PORTS tcp");
  for (int k = 0; k < 5; ++k)
    line(o, " port-object eq " + std::to_string(kOtPorts[(i + k) % kOtPorts.size()]));

  const int target = r.range(100, 300);
  int count = 0;
  line(o, "access-list outside_access_in remark === outside -> plant " + id + " ===");
  line(o,
       "access-list outside_access_in extended permit tcp object-group HQ-CLIENTS object HIST-01 "
       "object-group HIST-PORTS");
  count += 2;
  int sec = 0;
  while (count < target - 1) {
    if (count % 9 == 0) {
      line(o, "access-list outside_access_in remark 申請 NW-" + id + "-" + std::to_string(++sec) + " " +
                  r.pick(std::vector<std::string>{"日報閲覧", "保守", "監視", "データ連携", "時刻同期"}));
      ++count;
      continue;
    }
    const std::string src = "host 192.168.10." + std::to_string(r.range(20, 250));
    switch (r.range(0, 4)) {
      case 0:
        line(o, "access-list outside_access_in extended permit tcp " + src + " object HIST-01 eq " +
                    std::to_string(r.pick(std::vector<int>{443, 5450, 8080, 1433})));
        break;
      case 1: {
        int lo = r.range(8000, 8800);
        line(o, "access-list outside_access_in extended permit tcp " + src + " object HIST-01 range " +
                    std::to_string(lo) + " " + std::to_string(lo + r.range(1, 10)));
        break;
      }
      case 2:
        line(o, "access-list outside_access_in extended permit udp " + src + " object HIST-01 eq snmp");
        break;
      case 3:
        line(o, "access-list outside_access_in extended deny tcp any object SCADA-LAN eq " +
                    std::to_string(r.pick(std::vector<int>{3389, 5900, 445, 23})) + " log");
        break;
      default:
        line(o, "access-list outside_access_in extended permit icmp " + src + " object DMZ-LAN echo");
        break;
    }
    ++count;
  }
  line(o, "access-list outside_access_in extended deny ip any any log");
  line(o, "access-list inside_access_in remark === SCADA -> 外部 ===");
  line(o,
       "access-list inside_access_in extended permit tcp object SCADA-LAN object-group PUMP-LANS "
       "object-group OT-PORTS");
  line(o,
       "access-list inside_access_in extended permit tcp object SCADA-LAN object HIST-01 object-group "
       "HIST-PORTS");
  const int ninside = r.range(20, 50);
  for (int k = 0; k < ninside; ++k)
    line(o, "access-list inside_access_in extended permit tcp host " + scada + "." +
                std::to_string(r.range(10, 40)) + " object-group PUMP-LANS eq " +
                std::to_string(kOtPorts[r.next() % kOtPorts.size()]));
  line(o, "access-list inside_access_in extended permit icmp object SCADA-LAN any echo");
  line(o, "access-list inside_access_in extended deny ip any any log");
  line(o, "access-list dmz_access_in extended permit udp object HIST-01 host " + tr + ".1 eq ntp");
  line(o, "access-list dmz_access_in extended deny ip any any log");
  for (const char* l :
       {"pager lines 24", "logging enable", "logging timestamp", "logging buffered informational",
        "logging trap informational", "mtu outside 1500", "mtu inside 1500", "mtu dmz 1500", "no failover",
        "icmp unreachable rate-limit 1 burst-size 1", "icmp deny any outside", "no asdm history enable",
        "arp timeout 14400", "no arp permit-nonconnected"})
    line(o, l);
  line(o, "logging host outside 192.168.10.21");
  // static NAT of the historian for HQ, PAT of the DMZ for updates
  line(o, "object network HIST-01");
  line(o, " nat (dmz,outside) static HIST-01-PUB");
  line(o, "object network DMZ-LAN");
  line(o, " nat (dmz,outside) dynamic interface");
  line(o, "access-group outside_access_in in interface outside");
  line(o, "access-group inside_access_in in interface inside");
  line(o, "access-group dmz_access_in in interface dmz");
  line(o, "route outside 192.168.10.0 255.255.255.0 " + tr + ".1 1");
  for (int s = i - 9; s < i; ++s)
    if (s >= 1) line(o, "route outside " + lan_net(s) + ".0 255.255.255.0 " + tr + ".1 1");
  for (const char* l : {"timeout xlate 3:00:00", "timeout pat-xlate 0:00:30",
                        "timeout conn 1:00:00 half-closed 0:10:00 udp 0:02:00 sctp 0:02:00 icmp 0:00:02",
                        "user-identity default-domain LOCAL", "aaa authentication ssh console LOCAL",
                        "http server enable", "ssh stricthostkeycheck", "ssh timeout 10", "ssh version 2",
                        "console timeout 15", "threat-detection basic-threat"})
    line(o, l);
  line(o, "http " + scada + ".30 255.255.255.255 inside");
  line(o, "ssh " + scada + ".30 255.255.255.255 inside");
  line(o, "snmp-server host inside " + scada + ".12 community ***** version 2c");
  line(o, "ntp server " + tr + ".1 source outside");
  line(o, "username fwadmin password $sha512$5000$" + b64ish(r, 22) + "==$" + b64ish(r, 22) +
              "== pbkdf2 privilege 15");
  line(o, "!");
  line(o, "class-map inspection_default");
  line(o, " match default-inspection-traffic");
  line(o, "!");
  line(o, "policy-map global_policy");
  line(o, " class inspection_default");
  for (const char* l : {"  inspect dns", "  inspect ftp", "  inspect icmp", "  inspect tftp"}) line(o, l);
  line(o, "!");
  line(o, "service-policy global_policy global");
  line(o, "prompt hostname context");
  line(o, "Cryptochecksum:" + hex(r, 32));
  line(o, ": end");
  (void)n;
  return o.str();
}

// HQ router -------------------------------------------------------------------------------------
std::string hq_router(Rng& r, int n) {
  std::ostringstream o;
  ios_header(o, r, "hq-rtr", "CISCO2921/K9");
  line(o, "interface GigabitEthernet0/0");
  line(o, " description ISP-ONU PPPoE");
  line(o, " no ip address");
  line(o, " pppoe enable group global");
  line(o, " pppoe-client dial-pool-number 1");
  line(o, "!");
  line(o, "interface GigabitEthernet0/1");
  line(o, " description 本庁舎 事務系LAN");
  line(o, " ip address 192.168.10.1 255.255.255.0");
  line(o, " ip access-group OFFICE-IN in");
  line(o, " ip nat inside");
  line(o, "!");
  line(o, "interface GigabitEthernet0/2");
  line(o, " description キャリアIP-VPN");
  line(o, " ip address 10.255.0.1 255.255.0.0");
  line(o, "!");
  line(o, "interface Dialer1");
  line(o, " description インターネット (固定IP 203.0.113.10)");
  line(o, " mtu 1454");
  line(o, " ip address negotiated");
  line(o, " ip access-group INTERNET-IN in");
  line(o, " ip nat outside");
  line(o, " encapsulation ppp");
  line(o, " dialer pool 1");
  line(o, " ppp chap hostname suido-hq@isp.example.ne.jp");
  line(o, " ppp chap password 7 " + hex(r, 18));
  line(o, "!");
  line(o, "ip nat inside source list NAT-OFFICE interface Dialer1 overload");
  line(o, "ip route 0.0.0.0 0.0.0.0 Dialer1");
  line(o, "ip route 172.16.0.0 255.240.0.0 Null0");
  for (int i = 10; i <= n; i += 10)
    line(o, "ip route " + fw_net(i) + ".0 255.255.255.248 " + vpn_ip_safe(i) + " name PLANT-" + pad4(i));
  line(o, "!");
  line(o, "ip access-list standard NAT-OFFICE");
  line(o, " permit 192.168.10.0 0.0.0.255");
  line(o, "ip access-list standard VTY-ACCESS");
  line(o, " permit 192.168.10.20");
  line(o, " deny   any log");
  line(o, "ip access-list standard SNMP-RO");
  line(o, " permit 192.168.10.21");
  line(o, "!");
  line(o, "ip access-list extended INTERNET-IN");
  line(o, " deny   ip 10.0.0.0 0.255.255.255 any");
  line(o, " deny   ip 172.16.0.0 0.15.255.255 any");
  line(o, " deny   ip 192.168.0.0 0.0.255.255 any");
  line(o, " permit tcp any host 203.0.113.10 established");
  line(o, " permit icmp any host 203.0.113.10 echo-reply");
  line(o, " permit icmp any host 203.0.113.10 unreachable");
  line(o, " deny   ip any any log");
  line(o, "!");
  line(o, "ip access-list extended OFFICE-IN");
  for (int i = 10; i <= n; i += 10) {
    line(o, " remark plant " + pad4(i) + " historian");
    line(o, " permit tcp 192.168.10.0 0.0.0.255 host " + fw_net(i) + ".3 eq 443");
  }
  line(o, " permit tcp host 192.168.10.20 10.255.0.0 0.0.255.255 eq 22");
  line(o, " deny   ip any 172.16.0.0 0.15.255.255 log");
  line(o, " deny   ip any 10.0.0.0 0.255.255.255 log");
  line(o, " permit ip 192.168.10.0 0.0.0.255 any");
  line(o, "!");
  ios_trailer(o, r, "本庁舎 サーバ室", false);
  return o.str();
}

// topology.yaml ---------------------------------------------------------------------------------
void host_yaml(std::ostringstream& o, Rng& r, const std::string& name, const std::string& addr,
               const std::string& gw, const std::string& role, const std::string& room) {
  o << "  " << name << ":\n";
  o << "    address: " << addr << "\n";
  o << "    gateway: " << gw << "\n";
  o << "    role: " << role << "\n";
  if (role == "plc" || role == "rtu" || role == "sensor") {
    o << "    services: [tcp/502]\n";
    o << "    os: {name: \"PLC firmware " << r.range(1, 60) << "\"}\n";
    o << "    removable_media: none\n";
    o << "    authentication: {capable: false, enabled: false}\n";
  } else {
    const std::string& os = r.pick(kOs);
    auto bar = os.find('|');
    o << "    services: [tcp/3389, tcp/445" << (role == "hmi" ? ", tcp/5900" : "") << "]\n";
    o << "    os: {name: \"" << os.substr(0, bar) << "\", support_end: " << os.substr(bar + 1) << "}\n";
    const bool av = r.chance(80);
    o << "    antivirus: {installed: " << (av ? "true" : "false");
    if (av)
      o << ", definitions: 2026-" << pad4(r.range(1, 11)).substr(2) << "-" << pad4(r.range(1, 28)).substr(2)
        << ", autoscan: " << (r.chance(85) ? "true" : "false");
    o << "}\n";
    o << "    removable_media: " << r.pick(kMedia) << "\n";
    o << "    authentication: {capable: true, enabled: " << (r.chance(85) ? "true" : "false") << "}\n";
  }
  o << "    room: " << room << "\n";
}

std::string topology(Rng& r, int n, const std::vector<int>& nhosts) {
  std::ostringstream o;
  o << "# Synthetic utility for gapproof benchmarks (gapproof-bench-gen). Not a real network.\n";
  o << "name: bench-utility-" << n << "\n";
  o << "audit_date: 2026-11-25\n";
  o << "owned: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]\n\n";
  o << "zones:\n";
  o << "  office: {kind: office, name: 本庁舎 事務系LAN}\n";
  for (int i = 1; i <= n; ++i) {
    o << "  site-" << pad4(i) << ": {kind: control, claim: closed, systems: ["
      << (is_plant(i) ? "浄水場の監視制御システム" : "ポンプ場の運転システム") << "]}\n";
    if (is_plant(i)) o << "  dmz-" << pad4(i) << ": {kind: dmz}\n";
  }
  o << "\ndevices:\n";
  o << "  hq-rtr: {config: configs/hq-rtr.cfg, vendor: cisco-ios}\n";
  for (int i = 1; i <= n; ++i) {
    o << "  site-" << pad4(i) << "-rtr: {config: configs/site-" << pad4(i)
      << "-rtr.cfg, vendor: cisco-ios}\n";
    if (is_plant(i))
      o << "  site-" << pad4(i) << "-fw: {config: configs/site-" << pad4(i)
        << "-fw.cfg, vendor: cisco-asa}\n";
  }
  o << "\nsegments:\n";
  o << "  office-lan: {zone: office, prefix: 192.168.10.0/24}\n";
  for (int i = 1; i <= n; ++i) {
    o << "  site-" << pad4(i) << "-lan: {zone: site-" << pad4(i) << ", prefix: " << lan_net(i) << ".0/24}\n";
    if (is_plant(i))
      o << "  dmz-" << pad4(i) << "-lan: {zone: dmz-" << pad4(i) << ", prefix: " << dmz_net(i) << ".0/24}\n";
  }
  o << "\nhosts:\n";
  for (int c = 0; c < 5; ++c)
    host_yaml(o, r, "hq-pc-" + pad4(c), "192.168.10." + std::to_string(100 + c), "192.168.10.1",
              "workstation", "hq-office");
  for (int i = 1; i <= n; ++i) {
    const std::string id = pad4(i);
    for (int h = 0; h < nhosts[i]; ++h) {
      std::string role = is_plant(i) ? (h < 2    ? "server"
                                        : h == 2 ? "engineering"
                                                 : "hmi")
                                     : (h == 0   ? "plc"
                                        : h == 1 ? "rtu"
                                        : h == 2 ? "hmi"
                                                 : "sensor");
      host_yaml(o, r, "s" + id + "-h" + std::to_string(h), lan_net(i) + "." + std::to_string(10 + h),
                lan_net(i) + ".1", role, "site-" + id + "-room");
    }
    if (is_plant(i))
      host_yaml(o, r, "s" + id + "-hist", dmz_net(i) + ".10", dmz_net(i) + ".1", "historian",
                "site-" + id + "-room");
  }
  o << "\nrooms:\n";
  o << "  hq-office: {locked: false, entry_control: false}\n";
  for (int i = 1; i <= n; ++i)
    o << "  site-" << pad4(i) << "-room: {locked: true, entry_control: " << (r.chance(70) ? "true" : "false")
      << "}\n";
  o << "\nlinks:\n";
  o << "  - {kind: ethernet, a: hq-rtr:GigabitEthernet0/1, b: office-lan}\n";
  o << "  - {kind: internet, a: hq-rtr:Dialer1}\n";
  o << "  - kind: ip-vpn\n    service: carrier-ipvpn-1\n    members:\n";
  o << "      - hq-rtr:GigabitEthernet0/2\n";
  for (int i = 1; i <= n; ++i) o << "      - site-" << pad4(i) << "-rtr:GigabitEthernet0/0\n";
  for (int i = 1; i <= n; ++i) {
    const std::string id = pad4(i);
    if (is_plant(i)) {
      o << "  - {kind: ethernet, a: site-" << id << "-rtr:GigabitEthernet0/1, b: site-" << id
        << "-fw:outside}\n";
      o << "  - {kind: ethernet, a: site-" << id << "-fw:inside, b: site-" << id << "-lan}\n";
      o << "  - {kind: ethernet, a: site-" << id << "-fw:dmz, b: dmz-" << id << "-lan}\n";
    } else {
      o << "  - {kind: ethernet, a: site-" << id << "-rtr:GigabitEthernet0/1, b: site-" << id << "-lan}\n";
    }
  }
  return o.str();
}

void write(const fs::path& p, const std::string& s) {
  std::ofstream f(p, std::ios::binary);
  if (!f) {
    std::cerr << "cannot write " << p << "\n";
    std::exit(2);
  }
  f << s;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: gapproof-bench-gen N OUTDIR [--seed S]\n";
    return 2;
  }
  const int n = std::atoi(argv[1]);
  const fs::path out = argv[2];
  uint64_t seed = 20261125;
  for (int a = 3; a < argc; ++a) {
    std::string s = argv[a];
    if (s == "--seed" && a + 1 < argc)
      seed = std::strtoull(argv[++a], nullptr, 10);
    else {
      std::cerr << "unknown argument: " << s << "\n";
      return 2;
    }
  }
  if (n < 1 || n > 4000) {
    std::cerr << "N must be 1..4000 (addressing plan limit)\n";
    return 2;
  }
  std::error_code ec;
  fs::create_directories(out / "configs", ec);
  if (ec) {
    std::cerr << "cannot create " << out / "configs"
              << ": " << ec.message() << "\n";
    return 2;
  }
  Rng r(seed);
  std::vector<int> nhosts(n + 1, 0);
  for (int i = 1; i <= n; ++i) nhosts[i] = r.range(2, 5);
  uintmax_t bytes = 0;
  auto emit = [&](const std::string& name, const std::string& text) {
    write(out / "configs" / name, text);
    bytes += text.size();
  };
  emit("hq-rtr.cfg", hq_router(r, n));
  for (int i = 1; i <= n; ++i) {
    emit("site-" + pad4(i) + "-rtr.cfg", site_router(r, i, n, nhosts[i]));
    if (is_plant(i)) emit("site-" + pad4(i) + "-fw.cfg", plant_fw(r, i, n, nhosts[i]));
  }
  write(out / "topology.yaml", topology(r, n, nhosts));
  std::cout << "wrote " << n << " sites, " << bytes << " config bytes to " << out.string() << "\n";
  return 0;
}
