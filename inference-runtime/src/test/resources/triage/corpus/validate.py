#!/usr/bin/env python3
"""Checks tuning.jsonl, seen-heldout-1.jsonl and seen-heldout-2.jsonl: run `python3 validate.py` (exit 1 on any problem).

Every line valid JSON with exactly the five keys; source one of the 13 LogSource ids; malicious <=> technique
non-null; every technique live (not deprecated, not revoked) in the ATT&CK 18.1 catalog; no line in two sets
(nor twice in one); each line < 8 KiB; nothing that looks like a real secret; 40-60 % malicious per source.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, *[".."] * 6))
CATALOG_CANDIDATES = [os.path.join(ROOT, "inference-runtime/src/main/resources/attack/enterprise-attack-18.1.json"),
                      os.path.join(ROOT, "..", "shared/attack/enterprise-attack-18.1.json"), "/work/shared/attack/enterprise-attack-18.1.json"]
SOURCES = {"windows-security", "windows-system", "sysmon", "powershell", "linux-syslog", "linux-auth", "auditd",
           "aws-cloudtrail", "kubernetes-audit", "firewall", "vpn", "web-access", "okta"}
KEYS = {"source", "line", "malicious", "technique", "note"}
SECRET_PATTERNS = [
    ("AWS access key id that is not an obvious example", re.compile(r"\b(AKIA|ASIA)(?!EXAMPLE)[A-Z0-9]{16}\b")),
    ("AWS secret access key", re.compile(r"(?i)(aws_secret_access_key|secretAccessKey)\W{0,4}[A-Za-z0-9/+]{40}")),
    ("40-char base64 blob next to 'secret'", re.compile(r"(?i)secret[^,]{0,20}[\"'=: ][A-Za-z0-9/+]{40}\b")),
    ("private key", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")),
    ("GitHub token", re.compile(r"\bgh[pousr]_[A-Za-z0-9]{30,}")),
    ("Slack token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}")),
    ("JWT", re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.")),
    ("Okta API token", re.compile(r"\b00[A-Za-z0-9_-]{40}\b")),
    ("Stripe key", re.compile(r"\b[sr]k_(live|test)_[A-Za-z0-9]{16,}")),
    ("Google API key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b")),
    ("password in clear", re.compile(r"(?i)(password|passwd|pwd)\s*[=:]\s*(?![\"']?\s*(\*|<|-|\$|%|/|~|null|none|chauthtok|\[|\{))[\"']?[^\s\"',;]{4,}")),
    ("net user with a password", re.compile(r"(?i)net1?\s+user\s+\S+\s+(?!/)[^\s/]{4,}\s+/add")),
    ("basic-auth URL", re.compile(r"://[^/\s:@]+:[^/\s@]{3,}@")),
]


def redaction_secrets():
    """The secrets of the redaction corpora: the build's log scan fails if any of them shows up in test output."""
    found = {}
    d = os.path.join(ROOT, "inference-runtime/src/test/resources/guard/redact")
    tokens = os.path.join(ROOT, "inference-runtime/src/test/resources/security/tokens.csv")
    if os.path.exists(tokens):
        for line in open(tokens, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                found[line.split(",")[0].strip()] = "test token"
    if os.path.isdir(d):
        for name in os.listdir(d):
            if name.endswith(".jsonl"):
                for line in open(os.path.join(d, name), encoding="utf-8"):
                    if line.strip():
                        for f in json.loads(line).get("findings", []):
                            v = str(f.get("value", "")).strip()
                            if len(v) >= 8:
                                found[v] = f"{f.get('type', 'secret')} of {name}"
    return found


def main():
    catalog = next((p for p in CATALOG_CANDIDATES if os.path.exists(p)), None)
    if not catalog:
        print("catalog not found", file=sys.stderr)
        return 1
    techniques = {t["id"]: t for t in json.load(open(catalog, encoding="utf-8"))["techniques"]}
    secrets = redaction_secrets()
    problems = []
    seen = {}
    for name in ("tuning.jsonl", "seen-heldout-1.jsonl", "seen-heldout-2.jsonl"):
        path = os.path.join(HERE, name)
        if not os.path.exists(path):
            problems.append(f"{name}: missing")
            continue
        per = collections.Counter()
        for n, raw in enumerate(open(path, encoding="utf-8"), 1):
            where = f"{name}:{n}"
            if len(raw.encode("utf-8")) >= 8192:
                problems.append(f"{where}: line is {len(raw.encode())} bytes")
            try:
                rec = json.loads(raw)
            except ValueError as e:
                problems.append(f"{where}: not JSON ({e})")
                continue
            if set(rec) != KEYS:
                problems.append(f"{where}: keys {sorted(rec)}")
                continue
            if rec["source"] not in SOURCES:
                problems.append(f"{where}: unknown source {rec['source']}")
            if not isinstance(rec["malicious"], bool):
                problems.append(f"{where}: malicious not a boolean")
            tech = rec["technique"]
            if rec["malicious"] != (tech is not None):
                problems.append(f"{where}: malicious={rec['malicious']} but technique={tech}")
            if tech is not None:
                t = techniques.get(tech)
                if not t or t["deprecated"] or t["revoked"]:
                    problems.append(f"{where}: technique {tech} not live in ATT&CK {catalog}")
            if not isinstance(rec["line"], str) or not rec["line"] or "\n" in rec["line"]:
                problems.append(f"{where}: line empty or multi-line")
            if not isinstance(rec["note"], str) or not rec["note"].strip():
                problems.append(f"{where}: note missing")
            line = rec["line"]
            if line in seen:
                problems.append(f"{where}: duplicate of {seen[line]}")
            seen.setdefault(line, where)
            for what, rx in SECRET_PATTERNS:
                m = rx.search(line) or rx.search(rec["note"])
                if m:
                    problems.append(f"{where}: looks like a {what}: {m.group(0)[:40]}")
            for value, what in secrets.items():
                if value in line:
                    problems.append(f"{where}: contains the {what}")
            per[(rec["source"], rec["malicious"])] += 1
        print(name)
        total_m = total_b = 0
        for src in sorted(SOURCES):
            m, b = per[(src, True)], per[(src, False)]
            total_m += m
            total_b += b
            share = m / (m + b) if m + b else 0
            flag = "" if 0.38 <= share <= 0.6 else "   <-- outside 40-50 % (+/- a little)"
            if m + b == 0:
                problems.append(f"{name}: no lines for {src}")
            print(f"  {src:18s} malicious {m:3d}  benign {b:3d}  ({share:.0%}){flag}")
        print(f"  {'total':18s} malicious {total_m:3d}  benign {total_b:3d}  = {total_m + total_b}")
    for p in problems:
        print("PROBLEM", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
