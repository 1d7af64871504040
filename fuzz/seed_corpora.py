#!/usr/bin/env python3
"""Writes fuzz/seeds/<target>/ from the conformance vectors and policy lists.

Run from anywhere: `python3 fuzz/seed_corpora.py`. The shared/ folder must sit beside the
repository (as for the tests). It reads `vectors.json`, `v2/protection-vectors.json` (POLICY
§4) and the valid and invalid policy lists of both `conformance/` and `conformance/v2/`.
Seeds are small, deterministic files named after the vector they come from; re-running the
script rewrites them (it does not delete seeds whose vector is gone, nor the minimised crash
inputs kept beside them).
"""

import json
import re
import sys
from pathlib import Path

FUZZ = Path(__file__).resolve().parent
SHARED = FUZZ.parent.parent / "shared" / "conformance"
FORBIDDEN = {"CONNECT", "TRACE", "TRACK"}
# Flag keys of the policy, and their line in `cors_fuzz::parse_spec`.
FLAGS = (("credentials", "c"), ("dangerously_allow_insecure_origins", "i"),
         ("dangerously_allow_public_suffix_wildcards", "p"), ("dangerously_allow_loopback_origins", "l"),
         ("dangerously_accept_cross_origin_writes", "w"))
LIST_KEYS = {"origins": "o:", "dev_origins": "d:", "methods": "m:", "headers": "h:", "expose": "e:"}

# The fixed policies of fuzz_targets/allow_origin.rs, by index, with origins they allow.
ALLOW_ORIGIN_SAMPLES = [
    (0, "https://www.example.com"),
    (1, "https://a.b.example.com"),
    (1, "https://api.example.org:8443"),
    (1, "https://x.a.b.example.net"),
    (2, "http://localhost:5173"),
    (2, "http://app.localhost"),
    (2, "http://[::1]:8080"),
    (3, "https://anything.example"),
    (4, "tauri://localhost"),
    (4, "https://example.com."),
    (4, "https://192.0.2.10:8443"),
    (4, "https://user.github.io"),
    (5, "http://plain.example.com"),
    (5, "https://[2001:db8::1]"),
    (6, "https://x63.example.net:1063"),
]


def load(name):
    path = SHARED / name
    if not path.is_file():
        sys.exit(f"missing {path}: the shared/ folder must sit beside the repository")
    return json.loads(path.read_text())


def expand(value):
    """A header value of the vectors' format as a list of field lines."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        return [value.get("prefix", "") + value["repeat"] * value["count"] + value.get("suffix", "")]
    return [value]


def spec_lines(cors, route_methods):
    out = [f"o:{o}" for o in cors.get("origins", [])]
    out += [f"d:{o}" for o in cors.get("dev_origins", [])]
    methods = cors.get("methods") or [m for m in route_methods if m.upper() not in FORBIDDEN]
    out += [f"m:{m}" for m in methods]
    out += [f"h:{h}" for h in cors.get("headers", [])]
    out += [f"e:{e}" for e in cors.get("expose", [])]
    if "max_age" in cors:
        out.append(f"a:{cors['max_age']}")
    out += [flag for key, flag in FLAGS if cors.get(key)]
    return out


def policy_lines(p):
    """The policy of a `valid`/`invalid` entry as `parse_spec` lines: the keys of its attribute
    and, for a shared policy, of its `policy!(...)`."""
    attr = p.get("policy", "") + " " + p["attribute"]
    lines = []
    for k, body in re.findall(r"(\w+)\s*=\s*\[([^\]]*)\]", attr):
        prefix = LIST_KEYS.get(k)
        if prefix:
            for item in re.findall(r'"((?:[^"\\]|\\.)*)"|(\b[A-Za-z]+\b)', body):
                lines.append(prefix + (item[0] or item[1]).encode().decode("unicode_escape"))
    for age in re.findall(r"\bmax_age\s*=\s*(-?\d+)", attr):
        lines.append(f"a:{age}")
    for flag, c in FLAGS:
        if re.search(rf"\b{flag}\b", attr):
            lines.append(c)
    if "methods" not in attr:
        lines.append("m:GET")
    return lines


def route_methods(route):
    """The methods of a `route` attribute: `#[get(...)]` or `#[route(..., method = "X")]`."""
    named = re.findall(r'method\s*=\s*"([^"]*)"', route)
    if named:
        return named
    m = re.match(r"#\[(?:actix_web::)?(get|post|put|patch|delete|head|options|trace|connect)\(", route)
    return [m.group(1).upper()] if m else []


def write(target, name, data):
    d = FUZZ / "seeds" / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def main():
    vectors = load("vectors.json")["vectors"] + load("v2/protection-vectors.json")["vectors"]
    counts = {}

    def put(target, name, data):
        write(target, name, data)
        counts[target] = counts.get(target, 0) + 1

    origins_seen = []
    for v in vectors:
        vid, cors, req = v["id"], v["cors"], v["request"]
        spec = spec_lines(cors, v["route"]["methods"])
        head = [req["method"]]
        for name, value in req["headers"].items():
            head += [f"{name}: {line}" for line in expand(value)]
        # `engine` and `protect` read the same format; `protect` serves it through an App.
        for target in ("engine", "protect"):
            put(target, vid, "\n".join(spec + ["--"] + head + ["--"]))
            put(target, vid + "-handler-cors",
                "\n".join(spec + ["--"] + head + ["--", "Access-Control-Allow-Origin: https://evil.com",
                                                   "Access-Control-Allow-Credentials: true",
                                                   "Vary: Accept-Encoding"]))
        put("origin_pattern", vid, "\n".join(spec))
        for line in expand(req["headers"].get("Origin", [])):
            if line not in origins_seen:
                origins_seen.append(line)
        acrh = req["headers"].get("Access-Control-Request-Headers")
        if acrh is not None:
            for select in (0, 1, 3):
                put("acrh", f"{vid}-p{select}", bytes([select, 0]) + "\n".join(expand(acrh)).encode())

    for i, origin in enumerate(origins_seen):
        put("allow_origin", f"vector-origin-{i:02}", bytes([i % 7]) + origin.encode())
    for i, (select, origin) in enumerate(ALLOW_ORIGIN_SAMPLES):
        put("allow_origin", f"allowed-{i:02}", bytes([select]) + origin.encode())

    for file, key in (("valid-policies.json", "valid"), ("invalid-policies.json", "invalid"),
                      ("v2/valid-policies.json", "valid"), ("v2/invalid-policies.json", "invalid")):
        for p in load(file)[key]:
            lines = policy_lines(p)
            put("origin_pattern", p["id"], "\n".join(lines))
            route = route_methods(p.get("route", ""))
            if route and route != ["GET"]:
                # With `r:` lines the target checks `validate` against the route's methods.
                put("origin_pattern", p["id"] + "-route", "\n".join(lines + [f"r:{m}" for m in route]))

    for target, n in sorted(counts.items()):
        print(f"{target}: {n} seeds")


if __name__ == "__main__":
    main()
