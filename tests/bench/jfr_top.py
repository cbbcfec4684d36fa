#!/usr/bin/env python3
"""Hot methods from a JFR recording (Python 3 stdlib + the JDK's `jfr` tool).

  java -XX:StartFlightRecording=filename=rec.jfr,settings=profile -jar target/bibmark.jar check papers.md
  tests/bench/jfr_top.py rec.jfr [--top 25] [--package dev.bibmark]

Prints the methods most often on top of the stack (self time) and the dev.bibmark methods most often
anywhere on the stack (inclusive time), as a share of all execution samples.
"""
import argparse
import collections
import json
import shutil
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("recording")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--package", default="dev.bibmark")
    ap.add_argument("--callers", help="also print the nearest --package frame below samples whose top is this method")
    a = ap.parse_args()
    jfr = shutil.which("jfr") or "jfr"
    out = subprocess.run([jfr, "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", a.recording],
                         capture_output=True, text=True, check=True).stdout
    events = json.loads(out)["recording"]["events"]
    self_t, incl, callers = collections.Counter(), collections.Counter(), collections.Counter()
    for e in events:
        frames = e["values"]["stackTrace"]["frames"] if e["values"].get("stackTrace") else []
        names = ["%s.%s" % (f["method"]["type"]["name"].replace("/", "."), f["method"]["name"]) for f in frames]
        if names:
            self_t[names[0]] += 1
        if a.callers and names and names[0] == a.callers:
            callers[next((n for n in names if n.startswith(a.package)), "?")] += 1
        for n in set(names):
            if n.startswith(a.package):
                incl[n] += 1
    total = len(events) or 1
    print("%d execution samples" % len(events))
    print("\nself (top of stack):")
    for n, c in self_t.most_common(a.top):
        print("  %5.1f%%  %s" % (100 * c / total, n))
    if a.callers:
        print("\n%s, called from:" % a.callers)
        for n, c in callers.most_common(a.top):
            print("  %5.1f%%  %s" % (100 * c / total, n))
    print("\ninclusive (%s.*):" % a.package)
    for n, c in incl.most_common(a.top):
        print("  %5.1f%%  %s" % (100 * c / total, n))


if __name__ == "__main__":
    sys.exit(main())
