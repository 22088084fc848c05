#!/usr/bin/env python3
"""The HTML report in a real browser (issue 12): headless Chromium (Debian `chromium`) opens the page
of each snapshot given and this checks that

- the page loads with no console message at all (the page logs nothing; a blocked script, a CSP
  violation or a script error would be one);
- the page makes no request (Chromium's NetLog: every request a page starts has an initiator; the
  browser's own background requests have 'not an origin');
- the zone table, the findings table (one row per finding of the JSON report) and the topology
  picture are in the DOM after the page's script ran;
- no script but the page's own is in the DOM, and the page's title is unchanged: the hostile
  fixture names a zone `<script>document.title='PWNED'</script>` and a device
  `<img src=x onerror=document.title='PWNED'>`;
- a screenshot is written to OUT_DIR/<snapshot>.png (test artefact).

A control page (an image from 127.0.0.1 and a console.error) is checked first, so that the checks
above cannot pass because Chromium stopped reporting what they look for.

Usage: check_html_in_browser.py GAPPROOF OUT_DIR SNAPSHOT...
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
         "--enable-logging=stderr", "--v=0"]


def browse(page, workdir):
    """DOM after scripts ran, console lines, and the URLs the page itself requested."""
    netlog = os.path.join(workdir, "netlog.json")
    p = subprocess.run([CHROMIUM, *FLAGS, f"--log-net-log={netlog}", "--dump-dom", "file://" + page],
                       capture_output=True, timeout=120)
    console = [l for l in p.stderr.decode(errors="replace").splitlines() if ":CONSOLE" in l]
    with open(netlog, encoding="utf-8") as f:
        log = json.load(f)
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    requests = [ev["params"].get("url") for ev in log["events"]
                if names.get(ev["type"]) == "URL_REQUEST_START_JOB"
                and ev.get("params", {}).get("initiator") not in (None, "not an origin")]
    return p.stdout.decode(errors="replace"), console, requests


def screenshot(page, png):
    subprocess.run([CHROMIUM, *FLAGS, "--window-size=1400,2400", f"--screenshot={png}", "file://" + page],
                   capture_output=True, timeout=120, check=True)
    with open(png, "rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n", f"{png}: not a PNG"


def control(workdir):
    page = os.path.join(workdir, "control.html")
    with open(page, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/x.png">'
                '<script>console.error("control")</script></body></html>')
    _, console, requests = browse(page, workdir)
    assert any('"control"' in l for l in console), f"control: console not seen: {console}"
    assert any(u and u.startswith("http://127.0.0.1:9/") for u in requests), f"control: request not seen: {requests}"


def check(binary, snapshot, out_dir, workdir):
    name = os.path.basename(os.path.normpath(snapshot))
    page = os.path.join(workdir, name + ".html")
    with open(page, "wb") as f:
        p = subprocess.run([binary, "audit", snapshot, "--format", "html"], stdout=f)
    assert p.returncode in (0, 1), f"{name}: exit {p.returncode}"
    report = json.loads(subprocess.run([binary, "audit", snapshot, "--format", "json"],
                                       capture_output=True).stdout)
    dom, console, requests = browse(page, workdir)
    assert not console, f"{name}: console messages: {console}"
    assert not requests, f"{name}: the page made requests: {requests}"
    assert 'id="zone-table"' in dom, f"{name}: no zone table"
    assert re.search(r'<section id="topology">.*?<svg', dom, re.S), f"{name}: no topology picture"
    rows = len(re.findall(r"<tr data-severity=", dom))
    assert rows == len(report["findings"]), f"{name}: {rows} finding rows, {len(report['findings'])} findings"
    for z in report["zones"]:
        assert 'data-zone="%s"' % z["zone"].replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;") in dom, \
            f"{name}: zone {z['zone']} not in the table"
    assert len(re.findall(r"<script\b", dom)) == 1, f"{name}: a script other than the page's own is in the DOM"
    title = re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    assert "PWNED" not in title, f"{name}: markup from the input ran: title is {title!r}"
    screenshot(page, os.path.join(out_dir, name + ".png"))
    print(f"ok {name}: {rows} findings, {len(report['zones'])} zones, screenshot {name}.png")


def main():
    binary, out_dir, snapshots = sys.argv[1], sys.argv[2], sys.argv[3:]
    assert CHROMIUM, "chromium is not installed: run tools/setup.sh"
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="gapproof-browser-") as workdir:
        control(workdir)
        for s in snapshots:
            check(binary, s, out_dir, workdir)


if __name__ == "__main__":
    main()
