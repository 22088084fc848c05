#!/usr/bin/env python3
"""SARIF and JUnit output of every sample, checked by independent readers (issue 12):

- the SARIF validates against the official SARIF 2.1.0 schema (python3-jsonschema, draft-04);
- every finding of the JSON report is one SARIF result with the same rule, file and line, and its
  rule is in the driver's rules; every zone verdict is one GAP-ZONE-VERDICT result on the zone's line;
- the JUnit XML parses (xml.etree), its counts add up, and every (device, check) with findings in
  the JSON report is a failing test case of that device's suite, every zone a suite.

Usage: check_machine_formats.py GAPPROOF SAMPLES_DIR SARIF_SCHEMA
"""
import collections
import json
import os
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET

import jsonschema


def run(binary, snapshot, fmt):
    p = subprocess.run([binary, "audit", snapshot, "--format", fmt], capture_output=True)
    if p.returncode not in (0, 1):
        raise SystemExit(f"{snapshot} --format {fmt}: exit {p.returncode}: {p.stderr.decode(errors='replace')}")
    return p.stdout


def check_sarif(snapshot, sarif, report, validator):
    errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.path))
    assert not errors, f"{snapshot}: SARIF invalid: {errors[0].message} at {list(errors[0].path)}"
    run_ = sarif["runs"][0]
    rules = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert len(rules) == len(set(rules)), "duplicate rule ids"
    base = run_["originalUriBaseIds"]["SNAPSHOT"]["uri"]
    assert base.startswith("file:///") and base.endswith("/"), base
    assert os.path.samefile(urllib.parse.unquote(base[len("file://"):]), snapshot)
    results = run_["results"]
    zone_results = [r for r in results if r["ruleId"] == "GAP-ZONE-VERDICT"]
    finding_results = [r for r in results if r["ruleId"] != "GAP-ZONE-VERDICT"]
    assert len(zone_results) == len(report["zones"]), "one result per zone"
    for z, r in zip(report["zones"], zone_results):
        assert r["message"]["text"].startswith(f"zone {z['zone']}: {z['verdict']}:"), r["message"]
        assert r["properties"]["verdict"] == z["verdict"]
        assert r["level"] == ("none" if z["verdict"] == "CLOSED" else "note"), (z["verdict"], r["level"])
        assert (r.get("kind") == "pass") == (z["verdict"] == "CLOSED")
    assert len(finding_results) == len(report["findings"]), "one result per finding"
    prints = set()
    for f, r in zip(report["findings"], finding_results):
        assert r["ruleId"] == f["id"]
        assert rules[r["ruleIndex"]] == f["id"]
        assert f["message"] in r["message"]["text"]
        loc = r["locations"][0]["physicalLocation"]
        assert urllib.parse.unquote(loc["artifactLocation"]["uri"]) == f["file"], (loc, f["file"])
        assert loc["artifactLocation"]["uriBaseId"] == "SNAPSHOT"
        assert loc["region"]["startLine"] == max(f["line"], 1)
        # The file it names exists under the snapshot folder: a code-scanning page can open it.
        assert os.path.isfile(os.path.join(snapshot, f["file"])), f["file"]
        fp = r["partialFingerprints"]["gapproof/v1"]
        assert fp == f["fingerprint"]
        assert fp not in prints, f"fingerprint {fp} twice"
        prints.add(fp)
    return len(results)


def check_junit(snapshot, xml_bytes, report):
    root = ET.fromstring(xml_bytes)
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    total = failures = 0
    for s in suites.values():
        cases = s.findall("testcase")
        failed = [c for c in cases if c.find("failure") is not None]
        assert int(s.get("tests")) == len(cases), s.get("name")
        assert int(s.get("failures")) == len(failed), s.get("name")
        assert int(s.get("skipped")) == len([c for c in cases if c.find("skipped") is not None])
        total += len(cases)
        failures += len(failed)
    assert int(root.get("tests")) == total and int(root.get("failures")) == failures
    for z in report["zones"]:
        suite = suites[f"zone {z['zone']}"]
        (case,) = suite.findall("testcase")
        accepted = z["verdict"] == "CLOSED" or (z["verdict"] == "FIREWALL_ONLY" and z["claim"] is None)
        assert (case.find("failure") is None) == accepted, (z["zone"], z["verdict"], z["claim"])
    by_device = collections.defaultdict(set)
    for f in report["findings"]:
        by_device[f["device"] or None].add(f["id"])
    for d in report["devices"]:
        suite = suites[f"device {d['device']}"]
        failing = {c.get("name").split(":")[0] for c in suite.findall("testcase") if c.find("failure") is not None}
        assert failing == by_device.get(d["device"], set()), (d["device"], failing ^ by_device.get(d["device"], set()))
    failing = {c.get("name").split(":")[0] for c in suites["snapshot"].findall("testcase") if c.find("failure") is not None}
    assert failing == by_device.get(None, set())
    return total


def main():
    binary, samples, schema_path = sys.argv[1:4]
    with open(schema_path, encoding="utf-8") as f:
        validator = jsonschema.Draft4Validator(json.load(f))
    snapshots = sorted(os.path.join(samples, d) for d in os.listdir(samples) if os.path.isdir(os.path.join(samples, d)))
    extra = sys.argv[4:]
    assert snapshots, "no samples"
    for snap in snapshots + extra:
        report = json.loads(run(binary, snap, "json"))
        n = check_sarif(snap, json.loads(run(binary, snap, "sarif")), report, validator)
        m = check_junit(snap, run(binary, snap, "junit"), report)
        print(f"ok {os.path.basename(snap)}: {n} SARIF results, {m} JUnit test cases")


if __name__ == "__main__":
    main()
