#!/usr/bin/env python3
"""Derive the variant snapshots from samples/water-utility/ by exact text edits.

Run from anywhere: python3 samples/make_variants.py
Every edit must match exactly once (assert), so a change to the main sample that breaks a
variant is caught here. README.md and expected.json of each variant are hand-written and
are not touched by this script.
"""
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = os.path.join(HERE, "water-utility")


def load(variant):
    files = {"topology.yaml": open(os.path.join(MAIN, "topology.yaml"), encoding="utf-8").read()}
    for f in sorted(os.listdir(os.path.join(MAIN, "configs"))):
        files["configs/" + f] = open(os.path.join(MAIN, "configs", f), encoding="utf-8").read()
    return files


def edit(files, name, old, new, count=1):
    s = files[name]
    n = s.count(old)
    if n != count:
        sys.exit(f"{name}: expected {count} match(es), found {n}:\n{old}")
    files[name] = s.replace(old, new)


def save(files, variant):
    out = os.path.join(HERE, variant)
    os.makedirs(os.path.join(out, "configs"), exist_ok=True)
    for f in os.listdir(os.path.join(out, "configs")):
        os.remove(os.path.join(out, "configs", f))
    for name, text in files.items():
        with open(os.path.join(out, name), "w", encoding="utf-8") as fh:
            fh.write(text)


def header(files, text):
    edit(files, "topology.yaml", "# Spec: /work/shared/spec/snapshot-format.md.",
         "# VARIANT: " + text + "\n# Spec: /work/shared/spec/snapshot-format.md.")


# ---------------------------------------------------------------------------------------------
def variant_closed():
    f = load("variant-closed")
    header(f, "variant-closed - HQ (internet) is no longer on the carrier IP-VPN; the plant, the "
              "pump stations and the well field form networks with no internet point.")
    t = "topology.yaml"
    edit(f, t, "name: 例市水道局 (Example City Waterworks)\n",
         "name: 例市水道局 (Example City Waterworks) - variant-closed\n")
    edit(f, t, "    members: [hq-rtr:GigabitEthernet0/2, plant-rtr:GigabitEthernet0/0,\n"
               "              pump1-rtr:GigabitEthernet0/0, pump2-rtr:GigabitEthernet0/0]\n",
         "    members: [plant-rtr:GigabitEthernet0/0,\n"
         "              pump1-rtr:GigabitEthernet0/0, pump2-rtr:GigabitEthernet0/0]\n")
    # --- hq-rtr: IP-VPN port removed, no plant routes or permits ---
    h = "configs/hq-rtr.cfg"
    edit(f, h, """interface GigabitEthernet0/2
 description キャリアIP-VPN (閉域網サービス 回線ID IPV-0012345) -> 浄水場/ポンプ場
 ip address 10.255.0.1 255.255.255.0
 ip access-group IPVPN-IN in
 duplex full
 speed 100
 no cdp enable
""", """interface GigabitEthernet0/2
 description 旧IP-VPN (2025年度 回線解約・浄水場系と分離)
 no ip address
 shutdown
 duplex auto
 speed auto
""")
    edit(f, h, "ip route 172.16.20.0 255.255.255.0 10.255.0.2 name PLANT-DMZ-via-IPVPN\n"
               "ip route 10.10.0.0 255.255.255.248 10.255.0.2 name PLANT-TRANSIT-via-IPVPN\n", "")
    s = f[h]
    a = s.index("ip access-list extended IPVPN-IN\n")
    b = s.index("ip access-list extended OFFICE-IN\n")
    f[h] = s[:a] + s[b:]
    edit(f, h, """ remark 浄水場DMZ ヒストリアン(トレンド/日報閲覧) HTTPS のみ
 permit tcp 192.168.10.0 0.0.0.255 host 172.16.20.10 eq 443
 remark ネットワーク管理端末 -> 各拠点ルータ (SSH, pump2のみtelnet)
 permit tcp host 192.168.10.20 10.255.0.0 0.0.0.255 eq 22
 permit tcp host 192.168.10.20 host 10.255.0.12 eq telnet
 permit icmp host 192.168.10.20 10.255.0.0 0.0.0.255 echo
""", "")
    edit(f, h, """ remark 許可: DMZヒストリアン閲覧のみ (承認番号 保守-2025-014)
 permit tcp 192.168.60.0 0.0.0.255 host 172.16.20.10 eq 443
""", """ remark 許可: 本庁ネットワーク監視画面の閲覧のみ (承認番号 保守-2025-031)
 permit tcp 192.168.60.0 0.0.0.255 host 192.168.10.21 eq 443
""")
    # --- vendor-fw: the VPN now reaches only the HQ NMS web view ---
    v = "configs/vendor-fw.cfg"
    edit(f, v, "object network HIST-01\n host 172.16.20.10\n description 浄水場DMZ ヒストリアン\n", "")
    edit(f, v, " network-object object HIST-01\n", " network-object object HQ-NMS\n")
    edit(f, v, "access-list VENDOR-SPLIT standard permit host 172.16.20.10\n",
         "access-list VENDOR-SPLIT standard permit host 192.168.10.21\n")
    edit(f, v, "(承認 保守-2025-014)", "(承認 保守-2025-031)")
    edit(f, v, "route inside 172.16.20.0 255.255.255.0 192.168.50.1 1\n", "")
    # --- plant-rtr: only pump stations remain on the IP-VPN ---
    p = "configs/plant-rtr.cfg"
    edit(f, p, """ remark 本庁 事務系LAN -> DMZヒストリアン HTTPS (閲覧のみ)
 permit tcp 192.168.10.0 0.0.0.255 host 172.16.20.10 eq 443
 remark 保守業者VPNプール -> DMZヒストリアン HTTPS (承認 保守-2025-014)
 permit tcp 192.168.60.0 0.0.0.255 host 172.16.20.10 eq 443
""", "")
    edit(f, p, """ remark 本庁 ネットワーク管理端末 -> 本ルータ (SSH)
 permit tcp host 192.168.10.20 host 10.255.0.2 eq 22
 permit icmp host 192.168.10.20 host 10.255.0.2 echo
""", """ remark ポンプ場ルータ -> エンジニアリング端末 (管理応答)
 permit tcp 10.255.0.0 0.0.0.255 eq 22 host 172.16.10.30 established
 permit tcp host 10.255.0.12 eq telnet host 172.16.10.30 established
 remark ポンプ場ルータ -> ヒストリアン (syslog)
 permit udp 10.255.0.0 0.0.0.255 host 172.16.20.10 eq syslog
""")
    edit(f, p, """ remark ヒストリアン -> 本庁/業者 (応答のみ)
 permit tcp host 172.16.20.10 eq 443 192.168.10.0 0.0.0.255 established
 permit tcp host 172.16.20.10 eq 443 192.168.60.0 0.0.0.255 established
""", """ remark エンジニアリング端末 -> 本ルータ (SSH 管理)
 permit tcp host 172.16.10.30 host 10.10.0.1 eq 22
""")
    edit(f, p, " permit udp host 10.10.0.2 host 192.168.10.21 eq syslog\n"
               " permit udp host 10.10.0.2 host 192.168.10.21 eq snmptrap\n", "")
    edit(f, p, "ip route 192.168.10.0 255.255.255.0 10.255.0.1 name HQ-OFFICE\n"
               "ip route 192.168.60.0 255.255.255.0 10.255.0.1 name VENDOR-VPN-POOL\n", "")
    edit(f, p, "logging host 192.168.10.21\n", "logging host 172.16.20.10\n")
    edit(f, p, " permit 192.168.10.20\n permit 172.16.10.30\n", " permit 172.16.10.30\n")
    edit(f, p, "ip access-list standard SNMP-RO\n permit 192.168.10.21\n",
         "ip access-list standard SNMP-RO\n permit 172.16.20.10\n")
    # --- plant-fw ---
    w = "configs/plant-fw.cfg"
    edit(f, w, """object-group network HIST-CLIENTS
 description ヒストリアン閲覧を許可する送信元
 network-object object HQ-OFFICE-LAN
 network-object object VENDOR-VPN-POOL
""", "")
    edit(f, w, "object network HQ-OFFICE-LAN\n subnet 192.168.10.0 255.255.255.0\n"
               "object network VENDOR-VPN-POOL\n subnet 192.168.60.0 255.255.255.0\n"
               "object network HQ-NMS\n host 192.168.10.21\n",
         "object network IPVPN-ROUTERS\n subnet 10.255.0.0 255.255.255.0\n")
    edit(f, w, """access-list outside_access_in remark 本庁事務系/保守業者VPN -> ヒストリアン閲覧 (HTTPS)
access-list outside_access_in extended permit tcp object-group HIST-CLIENTS object HIST-01 eq https
""", """access-list outside_access_in remark 各ルータ -> ヒストリアン (syslog 集約)
access-list outside_access_in extended permit udp object IPVPN-ROUTERS object HIST-01 eq syslog
access-list outside_access_in extended permit udp object PLANT-RTR object HIST-01 eq syslog
""")
    edit(f, w, "logging host outside 192.168.10.21\n", "logging host dmz 172.16.20.10\n")
    edit(f, w, "route outside 192.168.10.0 255.255.255.0 10.10.0.1 1\n"
               "route outside 192.168.60.0 255.255.255.0 10.10.0.1 1\n", "")
    edit(f, w, "ssh 192.168.10.20 255.255.255.255 outside\n", "")
    # --- pump routers: managed from the plant's engineering station, syslog to the historian ---
    for n, ip in (("pump1", "10.255.0.11"), ("pump2", "10.255.0.12")):
        r = f"configs/{n}-rtr.cfg"
        edit(f, r, "ip route 192.168.10.0 255.255.255.0 10.255.0.1 name HQ-NMS\n",
             "ip route 172.16.20.0 255.255.255.0 10.255.0.2 name PLANT-DMZ-syslog\n")
        edit(f, r, " remark 本庁 ネットワーク管理 -> 本ルータ (SSH) のみ\n"
                   f" permit tcp host 192.168.10.20 host {ip} eq 22\n",
             " remark 浄水場 エンジニアリング端末 -> 本ルータ (SSH) のみ\n"
             f" permit tcp host 172.16.10.30 host {ip} eq 22\n")
        edit(f, r, f" permit icmp host 192.168.10.20 host {ip} echo\n", "")
        edit(f, r, "ip access-list standard VTY-ACCESS\n permit 192.168.10.20\n",
             "ip access-list standard VTY-ACCESS\n permit 172.16.10.30\n")
        edit(f, r, "ip access-list standard SNMP-RO\n permit 192.168.10.21\n",
             "ip access-list standard SNMP-RO\n permit 172.16.20.10\n")
        edit(f, r, "logging host 192.168.10.21\n", "logging host 172.16.20.10\n")
    edit(f, "configs/pump2-rtr.cfg", " remark 旧保守ツール用 telnet (更新予定)\n"
         " permit tcp host 192.168.10.20 host 10.255.0.12 eq telnet\n",
         " remark 旧保守ツール用 telnet (更新予定)\n"
         " permit tcp host 172.16.10.30 host 10.255.0.12 eq telnet\n")
    # plant-fw must let eng-01 out to the routers for management (inside ACL)
    edit(f, w, "access-list inside_access_in remark 死活監視\n",
         "access-list inside_access_in remark エンジニアリング端末 -> 各ルータ管理 (SSH/telnet)\n"
         "access-list inside_access_in extended permit tcp object ENG-01 object IPVPN-ROUTERS eq ssh\n"
         "access-list inside_access_in extended permit tcp object ENG-01 object IPVPN-ROUTERS eq telnet\n"
         "access-list inside_access_in extended permit tcp object ENG-01 object PLANT-RTR eq ssh\n"
         "access-list inside_access_in remark 死活監視\n")
    # plant-rtr must pass eng-01 management to the pump routers over the IP-VPN
    edit(f, p, " remark エンジニアリング端末 -> 本ルータ (SSH 管理)\n",
         " remark エンジニアリング端末 -> ポンプ場ルータ (SSH/telnet 管理)\n"
         " permit tcp host 172.16.10.30 10.255.0.0 0.0.0.255 eq 22\n"
         " permit tcp host 172.16.10.30 host 10.255.0.12 eq telnet\n"
         " remark エンジニアリング端末 -> 本ルータ (SSH 管理)\n")
    save(f, "variant-closed")


# ---------------------------------------------------------------------------------------------
def firewall_only_edits(f):
    """The well-field telemetry joins the plant network through plant-rtr (filtered)."""
    t = "topology.yaml"
    edit(f, t, "    name: 水源地テレメータ (専用線)\n",
         "    name: 水源地テレメータ (専用線, 2026年 中央監視へ統合)\n")
    edit(f, t, "  # --- well field: own leased line, no other connection ---\n",
         "  # --- well field: leased line; since 2026 also wired to plant-rtr for SCADA integration ---\n"
         "  - {kind: ethernet, a: plant-rtr:GigabitEthernet0/0/0, b: well-rtr:GigabitEthernet0/1}\n")
    # well-rtr
    w = "configs/well-rtr.cfg"
    edit(f, w, """interface GigabitEthernet0/1
 description 未使用
 no ip address
 shutdown
 duplex auto
 speed auto
""", """interface GigabitEthernet0/1
 description 浄水場ルータ plant-rtr Gi0/0/0 (中央監視 統合 2026年4月)
 ip address 10.10.2.2 255.255.255.252
 ip access-group PLANT-IN in
 duplex auto
 speed auto
""")
    edit(f, w, "ip route 172.16.31.0 255.255.255.0 Serial0/0/0 name WELL1-LAN\n",
         "ip route 172.16.31.0 255.255.255.0 Serial0/0/0 name WELL1-LAN\n"
         "ip route 172.16.10.0 255.255.255.0 10.10.2.1 name SCADA-LAN-via-plant-rtr\n")
    edit(f, w, "ip access-list extended LEASED-IN\n", """ip access-list extended PLANT-IN
 remark === 中央監視 -> テレメータ親局: 監視制御サーバのポーリングのみ ===
 permit tcp host 172.16.10.10 host 172.16.30.10 eq 20000
 permit tcp host 172.16.10.11 host 172.16.30.10 eq 20000
 permit icmp 172.16.10.0 0.0.0.255 172.16.30.0 0.0.0.255 echo
 deny   ip any any log
!
ip access-list extended LEASED-IN
""")
    edit(f, w, " permit tcp host 172.16.30.20 any eq 22\n",
         " permit tcp host 172.16.30.10 eq 20000 host 172.16.10.10 established\n"
         " permit tcp host 172.16.30.10 eq 20000 host 172.16.10.11 established\n"
         " permit icmp 172.16.30.0 0.0.0.255 172.16.10.0 0.0.0.255 echo-reply\n"
         " permit tcp host 172.16.30.20 any eq 22\n")
    # plant-rtr
    p = "configs/plant-rtr.cfg"
    edit(f, p, "interface Serial0/0/0\n", """interface GigabitEthernet0/0/0
 description 水源地テレメータ well-rtr Gi0/1 (EHWIC-1GE-SFP-CU)
 ip address 10.10.2.1 255.255.255.252
 ip access-group TM-IN in
 duplex auto
 speed auto
!
interface Serial0/0/0
""")
    edit(f, p, "ip route 192.168.10.0 255.255.255.0 10.255.0.1 name HQ-OFFICE\n",
         "ip route 172.16.30.0 255.255.255.0 10.10.2.2 name WELL-TM-MASTER\n"
         "ip route 172.16.31.0 255.255.255.0 10.10.2.2 name WELL1-LAN\n"
         "ip route 192.168.10.0 255.255.255.0 10.255.0.1 name HQ-OFFICE\n")
    edit(f, p, " remark ヒストリアン -> 本庁/業者 (応答のみ)\n",
         " remark 監視制御サーバ -> テレメータ親局 (DNP3)\n"
         " permit tcp host 172.16.10.10 host 172.16.30.10 eq 20000\n"
         " permit tcp host 172.16.10.11 host 172.16.30.10 eq 20000\n"
         " permit icmp 172.16.10.0 0.0.0.255 172.16.30.0 0.0.0.255 echo\n"
         " remark ヒストリアン -> 本庁/業者 (応答のみ)\n")
    edit(f, p, "ip access-list extended IPVPN-IN\n", """ip access-list extended TM-IN
 remark === テレメータ親局 -> 中央監視 (応答のみ) ===
 permit tcp host 172.16.30.10 eq 20000 172.16.10.0 0.0.0.255 established
 permit icmp 172.16.30.0 0.0.0.255 172.16.10.0 0.0.0.255 echo-reply
 deny   ip any any log
!
ip access-list extended IPVPN-IN
""")
    # plant-fw
    a = "configs/plant-fw.cfg"
    edit(f, a, "object network PLANT-RTR\n host 10.10.0.1\n",
         "object network PLANT-RTR\n host 10.10.0.1\n"
         "object network TM-MASTER-01\n host 172.16.30.10\n description 水源地テレメータ親局\n"
         "object network WELL-TM-LANS\n subnet 172.16.30.0 255.255.254.0\n")
    edit(f, a, "access-list inside_access_in remark 死活監視\n",
         "access-list inside_access_in remark 監視制御サーバ -> テレメータ親局 (DNP3)\n"
         "access-list inside_access_in extended permit tcp object-group SCADA-SERVERS object TM-MASTER-01 eq 20000\n"
         "access-list inside_access_in remark 死活監視\n")
    edit(f, a, "access-list inside_access_in extended permit icmp object SCADA-LAN object HIST-01 echo\n",
         "access-list inside_access_in extended permit icmp object SCADA-LAN object HIST-01 echo\n"
         "access-list inside_access_in extended permit icmp object SCADA-LAN object WELL-TM-LANS echo\n")
    edit(f, a, "route outside 192.168.10.0 255.255.255.0 10.10.0.1 1\n",
         "route outside 172.16.30.0 255.255.255.0 10.10.0.1 1\n"
         "route outside 172.16.31.0 255.255.255.0 10.10.0.1 1\n"
         "route outside 192.168.10.0 255.255.255.0 10.10.0.1 1\n")


def variant_firewall_only():
    f = load("variant-firewall-only")
    header(f, "variant-firewall-only - as the main sample, but the well-field telemetry is now "
              "wired to plant-rtr, so every control zone has a physical path to the internet.")
    edit(f, "topology.yaml", "name: 例市水道局 (Example City Waterworks)\n",
         "name: 例市水道局 (Example City Waterworks) - variant-firewall-only\n")
    firewall_only_edits(f)
    save(f, "variant-firewall-only")


# ---------------------------------------------------------------------------------------------
def variant_reachable():
    f = load("variant-reachable")
    header(f, "variant-reachable - the main sample plus a vendor VNC port forward to hmi-01 "
              "on plant-fw, opened along the whole vendor VPN path.")
    edit(f, "topology.yaml", "name: 例市水道局 (Example City Waterworks)\n",
         "name: 例市水道局 (Example City Waterworks) - variant-reachable\n")
    a = "configs/plant-fw.cfg"
    edit(f, a, "access-list outside_access_in remark plant-rtr -> GPS時刻サーバ (NTP)\n",
         "access-list outside_access_in remark 2026/10 メーカー保守 操作卓1 VNC 一時許可 (作業終了後削除予定)\n"
         "access-list outside_access_in extended permit tcp any object HMI-01 eq 5900\n"
         "access-list outside_access_in remark plant-rtr -> GPS時刻サーバ (NTP)\n")
    edit(f, a, "arp rate-limit 16384\n",
         "arp rate-limit 16384\n"
         "object network HMI-01\n"
         " nat (inside,outside) static interface service tcp 5900 5900\n")
    h = "configs/hq-rtr.cfg"
    edit(f, h, " permit tcp 192.168.60.0 0.0.0.255 host 172.16.20.10 eq 443\n",
         " permit tcp 192.168.60.0 0.0.0.255 host 172.16.20.10 eq 443\n"
         " remark 2026/10 メーカー保守 操作卓1 VNC (plant-fw 10.10.0.2:5900 -> HMI-01)\n"
         " permit tcp 192.168.60.0 0.0.0.255 host 10.10.0.2 eq 5900\n")
    p = "configs/plant-rtr.cfg"
    edit(f, p, " permit tcp 192.168.60.0 0.0.0.255 host 172.16.20.10 eq 443\n",
         " permit tcp 192.168.60.0 0.0.0.255 host 172.16.20.10 eq 443\n"
         " remark 2026/10 メーカー保守 操作卓1 VNC (plant-fw 静的NAT)\n"
         " permit tcp 192.168.60.0 0.0.0.255 host 10.10.0.2 eq 5900\n")
    edit(f, p, " permit tcp host 172.16.20.10 eq 443 192.168.60.0 0.0.0.255 established\n",
         " permit tcp host 172.16.20.10 eq 443 192.168.60.0 0.0.0.255 established\n"
         " permit tcp host 172.16.10.21 eq 5900 192.168.60.0 0.0.0.255 established\n")
    v = "configs/vendor-fw.cfg"
    edit(f, v, "object network HQ-NMS\n",
         "object network PLANT-FW-OUTSIDE\n host 10.10.0.2\n description 浄水場FW (HMI-01 VNC 静的NAT)\n"
         "object network HQ-NMS\n")
    edit(f, v, " network-object object HIST-01\n",
         " network-object object HIST-01\n network-object object PLANT-FW-OUTSIDE\n")
    edit(f, v, "access-list VENDOR-SPLIT standard permit host 172.16.20.10\n",
         "access-list VENDOR-SPLIT standard permit host 172.16.20.10\n"
         "access-list VENDOR-SPLIT standard permit host 10.10.0.2\n")
    edit(f, v, "access-list VENDOR-FILTER extended deny ip any any log\n",
         "access-list VENDOR-FILTER remark 2026/10 メーカー保守 操作卓1 VNC\n"
         "access-list VENDOR-FILTER extended permit tcp object VENDOR-VPN-POOL object PLANT-FW-OUTSIDE eq 5900\n"
         "access-list VENDOR-FILTER extended deny ip any any log\n")
    edit(f, v, "route inside 172.16.20.0 255.255.255.0 192.168.50.1 1\n",
         "route inside 172.16.20.0 255.255.255.0 192.168.50.1 1\n"
         "route inside 10.10.0.0 255.255.255.248 192.168.50.1 1\n")
    save(f, "variant-reachable")


# ---------------------------------------------------------------------------------------------
def variant_unproven():
    f = load("variant-unproven")
    header(f, "variant-unproven - the firewall-only design plus a vendor RDP permit to eng-01 "
              "whose plant-fw ACL line carries a time-range (not evaluated statically).")
    edit(f, "topology.yaml", "name: 例市水道局 (Example City Waterworks)\n",
         "name: 例市水道局 (Example City Waterworks) - variant-unproven\n")
    firewall_only_edits(f)
    a = "configs/plant-fw.cfg"
    edit(f, a, "access-list outside_access_in remark plant-rtr -> GPS時刻サーバ (NTP)\n",
         "access-list outside_access_in remark メーカー保守 エンジニアリング端末 RDP (平日日中のみ 承認 保守-2026-007)\n"
         "access-list outside_access_in extended permit tcp object VENDOR-VPN-POOL object ENG-01 eq 3389 time-range VENDOR-MAINT\n"
         "access-list outside_access_in remark plant-rtr -> GPS時刻サーバ (NTP)\n")
    edit(f, a, "same-security-traffic permit intra-interface\n",
         "same-security-traffic permit intra-interface\n"
         "time-range VENDOR-MAINT\n periodic weekdays 9:00 to 17:00\n!\n")
    h = "configs/hq-rtr.cfg"
    edit(f, h, " permit tcp 192.168.60.0 0.0.0.255 host 172.16.20.10 eq 443\n",
         " permit tcp 192.168.60.0 0.0.0.255 host 172.16.20.10 eq 443\n"
         " remark メーカー保守 エンジニアリング端末 RDP (承認 保守-2026-007, 時間制限は plant-fw)\n"
         " permit tcp 192.168.60.0 0.0.0.255 host 172.16.10.30 eq 3389\n")
    edit(f, h, "ip route 10.10.0.0 255.255.255.248 10.255.0.2 name PLANT-TRANSIT-via-IPVPN\n",
         "ip route 10.10.0.0 255.255.255.248 10.255.0.2 name PLANT-TRANSIT-via-IPVPN\n"
         "ip route 172.16.10.30 255.255.255.255 10.255.0.2 name ENG-01-vendor-RDP\n")
    edit(f, h, " permit tcp host 172.16.20.10 eq 443 192.168.60.0 0.0.0.255 established\n",
         " permit tcp host 172.16.20.10 eq 443 192.168.60.0 0.0.0.255 established\n"
         " permit tcp host 172.16.10.30 eq 3389 192.168.60.0 0.0.0.255 established\n")
    p = "configs/plant-rtr.cfg"
    edit(f, p, " permit tcp 192.168.60.0 0.0.0.255 host 172.16.20.10 eq 443\n",
         " permit tcp 192.168.60.0 0.0.0.255 host 172.16.20.10 eq 443\n"
         " remark 保守業者VPNプール -> エンジニアリング端末 RDP (時間制限は plant-fw)\n"
         " permit tcp 192.168.60.0 0.0.0.255 host 172.16.10.30 eq 3389\n")
    edit(f, p, " permit tcp host 172.16.20.10 eq 443 192.168.60.0 0.0.0.255 established\n",
         " permit tcp host 172.16.20.10 eq 443 192.168.60.0 0.0.0.255 established\n"
         " permit tcp host 172.16.10.30 eq 3389 192.168.60.0 0.0.0.255 established\n")
    v = "configs/vendor-fw.cfg"
    edit(f, v, "object network HQ-NMS\n",
         "object network ENG-01\n host 172.16.10.30\n description 浄水場 エンジニアリング端末\n"
         "object network HQ-NMS\n")
    edit(f, v, "access-list VENDOR-SPLIT standard permit host 172.16.20.10\n",
         "access-list VENDOR-SPLIT standard permit host 172.16.20.10\n"
         "access-list VENDOR-SPLIT standard permit host 172.16.10.30\n")
    edit(f, v, "access-list VENDOR-FILTER extended deny ip any any log\n",
         "access-list VENDOR-FILTER remark メーカー保守 エンジニアリング端末 RDP (承認 保守-2026-007)\n"
         "access-list VENDOR-FILTER extended permit tcp object VENDOR-VPN-POOL object ENG-01 eq 3389\n"
         "access-list VENDOR-FILTER extended deny ip any any log\n")
    edit(f, v, "route inside 172.16.20.0 255.255.255.0 192.168.50.1 1\n",
         "route inside 172.16.20.0 255.255.255.0 192.168.50.1 1\n"
         "route inside 172.16.10.30 255.255.255.255 192.168.50.1 1\n")
    edit(f, v, " network-object object HIST-01\n",
         " network-object object HIST-01\n network-object object ENG-01\n")
    save(f, "variant-unproven")


if __name__ == "__main__":
    variant_closed()
    variant_firewall_only()
    variant_reachable()
    variant_unproven()
    print("variants written")
