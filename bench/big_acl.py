#!/usr/bin/env python3
"""Writes a copy of a sample snapshot whose internet-facing ACL holds N more lines.

    bench/big_acl.py N OUT_DIR [--seed S] [--sample samples/water-utility]

The lines go into hq-rtr's INTERNET-IN (Dialer1 inbound) before its final deny, in the mix
seen in real edge ACLs grown over years: host and network blocklist entries (most of them),
permits of single services to the PAT address, port ranges, and remarks. Deterministic for a
given N and seed (own linear congruential generator, not Python's `random`, so the file is the
same on every Python version).
"""
import argparse
import pathlib
import shutil


class Lcg:
    def __init__(self, seed):
        self.s = seed & 0xFFFFFFFFFFFFFFFF

    def next(self, n):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.s >> 33) % n


def public_ip(r):
    # Outside owned (10/8, 172.16/12, 192.168/16) and outside 0/8, 127/8 and multicast.
    while True:
        a = 1 + r.next(223)
        if a not in (10, 127, 172, 192):
            return f"{a}.{r.next(256)}.{r.next(256)}.{1 + r.next(254)}"


def line(r):
    k = r.next(100)
    if k < 55:
        return f" deny   ip host {public_ip(r)} any"
    if k < 75:
        ip = public_ip(r).rsplit(".", 1)[0]
        return f" deny   ip {ip}.0 0.0.0.255 any"
    if k < 85:
        port = [22, 25, 80, 443, 502, 1194, 3389, 8080][r.next(8)]
        return f" permit tcp host {public_ip(r)} host 203.0.113.10 eq {port}"
    if k < 92:
        lo = 1024 + r.next(60000)
        return f" deny   udp {public_ip(r).rsplit('.', 1)[0]}.0 0.0.0.255 any range {lo} {lo + r.next(500)}"
    if k < 96:
        return f" deny   tcp any host 203.0.113.10 eq {1 + r.next(65535)}"
    return f" remark blocklist batch {r.next(100000)}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20261205)
    ap.add_argument("--sample", default=str(pathlib.Path(__file__).resolve().parent.parent / "samples/water-utility"))
    a = ap.parse_args()
    out = pathlib.Path(a.out)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(a.sample, out)
    cfg = out / "configs/hq-rtr.cfg"
    text = cfg.read_text(encoding="utf-8").splitlines()
    marker = text.index(" remark それ以外は全て拒否")
    r = Lcg(a.seed)
    extra = [line(r) for _ in range(a.n)]
    cfg.write_text("\n".join(text[:marker] + extra + text[marker:]) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
