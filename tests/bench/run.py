#!/usr/bin/env python3
"""End-to-end benchmark: bibmark's CLI and language server against bibtool, bibtex-tidy and biber.

Generates paper lists with ../shared/bench/gen_papers.py (seed 42, planted defects and a truth file),
runs every tool on the same files, and prints one table: tool, size, format, what was measured,
min/median/max (and p95) in milliseconds, peak RSS, and the planted defects each tool found.

  tests/bench/install.sh                      # peers: bibtool, biber (apt), bibtex-tidy (npm, pinned)
  tests/bench/run.py --sizes 1000,10000 --runs 5 --workspace 1000x50

Python 3 standard library only. Wall time is measured around the process (spawn to exit); peak RSS is
the process's ru_maxrss from wait4 (CLI) or VmHWM from /proc (server); CPU ms is the median user+system
time of the CLI process (less sensitive to a busy machine than wall time). Runs are interleaved across
tools after one discarded warm-up run. See docs/performance.md.
"""
import argparse
import collections
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(HERE))
from lsp_client import LspClient, file_uri  # noqa: E402

LAUNCHER = REPO / "server" / "bin" / "bibmark"
TIDY = HERE / "node" / "node_modules" / ".bin" / "bibtex-tidy"
CODES = {"key_collision": "duplicate-key", "same_paper": "duplicate-entry",
         "missing_field": "missing-field", "syntax_error": "bibtex-syntax"}
SHORT = {"key_collision": "key", "same_paper": "same", "missing_field": "field", "syntax_error": "syntax"}
DEBOUNCE0 = {"bibmark": {"diagnostics": {"debounceMs": 0}}}


# ---- data ---------------------------------------------------------------------------------------
def find_generator(arg):
    for c in ([arg] if arg else []) + [os.environ.get("BIBMARK_GEN_PAPERS"), REPO.parent / "shared/bench/gen_papers.py",
                                       REPO / "../shared/bench/gen_papers.py"]:
        if c and Path(c).is_file():
            return Path(c).resolve()
    sys.exit("run.py: gen_papers.py not found (use --gen or BIBMARK_GEN_PAPERS)")


def generate(gen, work, n, fmt, files=None):
    """Returns (path, truth) where truth is a list of {file, line, defect, key}."""
    if files:
        out = work / ("ws-%dx%d" % (files, n // files))
        truth_path = work / ("ws-%dx%d.truth.json" % (files, n // files))
        if not truth_path.exists():
            subprocess.run([sys.executable, str(gen), str(n), "--format", fmt, "--files", str(files), "--out", str(out),
                            "--truth", str(truth_path)], check=True, stderr=subprocess.DEVNULL)
        return out, json.loads(truth_path.read_text())
    path = work / ("p%d.%s" % (n, fmt))
    truth_path = work / ("p%d.%s.truth.json" % (n, fmt))
    if not truth_path.exists():
        with open(path, "w") as fh:
            subprocess.run([sys.executable, str(gen), str(n), "--format", fmt, "--truth", str(truth_path)],
                           check=True, stdout=fh, stderr=subprocess.DEVNULL)
    truth = json.loads(truth_path.read_text())
    for t in truth:
        t["file"] = str(path)
    return path, truth


def without_syntax_errors(path, truth):
    """The same .bib with the planted missing commas put back: bibtex-tidy stops at the first syntax error."""
    out = path.with_name(path.stem + "-nosyntax.bib")
    lines = path.read_text(encoding="utf-8").split("\n")
    for t in truth:
        if t["defect"] == "syntax_error":
            i = t["line"] + 1
            if not lines[i].endswith(","):
                lines[i] += ","
    out.write_text("\n".join(lines), encoding="utf-8")
    kept = [dict(t, file=str(out)) for t in truth if t["defect"] != "syntax_error"]
    return out, kept


_starts_cache = {}


def entry_windows(path):
    """0-based line numbers where an entry starts ('@' in column 0), for mapping findings to entries."""
    key = str(path)
    if key not in _starts_cache:
        with open(path, encoding="utf-8") as fh:
            _starts_cache[key] = [i for i, line in enumerate(fh) if line.startswith("@")]
    return _starts_cache[key]


def score(truth, found):
    """truth: planted defects; found: set of (file, 0-based line, code). A defect counts as found when a
    finding with its code starts between its entry's first line and the next entry."""
    import bisect
    by_file = collections.defaultdict(list)
    for f, line, code in found:
        by_file[(f, code)].append(line)
    for v in by_file.values():
        v.sort()
    hit = collections.Counter()
    planted = collections.Counter()
    for t in truth:
        planted[t["defect"]] += 1
        starts = entry_windows(t["file"])
        j = bisect.bisect_right(starts, t["line"])
        end = starts[j] if j < len(starts) else 1 << 30
        lines = by_file.get((t["file"], CODES[t["defect"]]), [])
        k = bisect.bisect_left(lines, t["line"])
        if k < len(lines) and lines[k] < end:
            hit[t["defect"]] += 1
    return hit, planted


def fmt_score(hit, planted, only=None):
    kinds = [k for k in CODES if planted[k]]
    total_hit = sum(hit[k] for k in kinds)
    total = sum(planted[k] for k in kinds)
    parts = " ".join("%s %d/%d" % (SHORT[k], hit[k], planted[k]) for k in kinds)
    return "%d/%d (%s)" % (total_hit, total, parts)


# ---- measuring processes ------------------------------------------------------------------------
def timed(argv, cwd=None, stdout=None, stderr=None, env=None):
    """Runs argv; returns (wall seconds, peak RSS kB, exit code, CPU seconds user+system)."""
    out = open(stdout, "wb") if stdout else subprocess.DEVNULL
    err = open(stderr, "wb") if stderr else subprocess.DEVNULL
    try:
        t0 = time.perf_counter()
        p = subprocess.Popen(argv, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env)
        _, status, ru = os.wait4(p.pid, 0)
        t1 = time.perf_counter()
        p.returncode = os.waitstatus_to_exitcode(status)
        return t1 - t0, ru.ru_maxrss, p.returncode, ru.ru_utime + ru.ru_stime
    finally:
        for fh in (out, err):
            if fh is not subprocess.DEVNULL:
                fh.close()


def pct(values, p):
    s = sorted(values)
    if not s:
        return None
    k = max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))  # nearest rank
    return s[k]


class Table:
    COLS = ["tool", "size", "format", "measure", "n", "min ms", "median ms", "max ms", "p95 ms", "CPU ms", "peak RSS MB",
            "defects found"]

    def __init__(self):
        self.rows = []
        self.ratios = []

    def add(self, tool, size, fmt, measure, samples, rss_kb=None, defects="", cpu=None):
        secs = [s * 1000 for s in samples]
        row = {"tool": tool, "size": size, "format": fmt, "measure": measure, "n": len(secs),
               "min ms": min(secs) if secs else None, "median ms": statistics.median(secs) if secs else None,
               "max ms": max(secs) if secs else None, "p95 ms": pct(secs, 95) if len(secs) >= 10 else None,
               "CPU ms": statistics.median(cpu) * 1000 if cpu else None,
               "peak RSS MB": rss_kb / 1024 if rss_kb else None, "defects found": defects}
        self.rows.append(row)
        print("  " + " | ".join(self.cell(row, c) for c in self.COLS), file=sys.stderr, flush=True)
        return row

    @staticmethod
    def cell(row, c):
        v = row[c]
        if v is None:
            return "-"
        if isinstance(v, float):
            return "%.0f" % v if c != "peak RSS MB" else "%.0f" % v
        return str(v)

    def markdown(self):
        lines = ["| " + " | ".join(self.COLS) + " |", "|" + "---|" * len(self.COLS)]
        for r in self.rows:
            lines.append("| " + " | ".join(self.cell(r, c) for c in self.COLS) + " |")
        if self.ratios:
            lines += ["", "bibmark's wall time over the peer's, paired within each round:", "",
                      "| size | bibmark on | peer | n | min | median | max |", "|---|---|---|---|---|---|---|"]
            for q in self.ratios:
                lines.append("| %d | %s | %s | %d | %.2f | %.2f | %.2f |" % (
                    q["size"], q["bibmark"], q["peer"], q["n"], q["min"], q["median"], q["max"]))
        return "\n".join(lines)


# ---- CLI tools ----------------------------------------------------------------------------------
def bibmark_found(json_path, path_of):
    found = set()
    data = json.loads(Path(json_path).read_text())
    for f in data["files"]:
        for d in f["diagnostics"]:
            found.add((path_of(f["path"]), d["range"]["start"]["line"], d["code"]))
    return found


def bibtool_found(err_path, file):
    found = set()
    for line in Path(err_path).read_text(errors="replace").splitlines():
        m = re.search(r"\(line (\d+) in [^)]*\): (.*)", line)
        if not m:
            continue
        code = "duplicate-key" if "double entry" in m.group(2) else "bibtex-syntax"
        found.add((file, int(m.group(1)) - 1, code))
    return found


def tidy_score(out_path, rc, truth):
    text = Path(out_path).read_text(errors="replace")
    if rc != 0:
        first = next((l for l in text.splitlines() if "SyntaxError" in l and "throw" not in l), "exit %d" % rc)
        return "aborted (exit %d): %s" % (rc, first.strip()[:70])
    used = collections.Counter(re.findall(r"The citation key (\S+) has already been used", text))
    similar = set(re.findall(r"Entry (\S+) has (?:an identical DOI|similar content) to entry", text))
    hit, planted = collections.Counter(), collections.Counter()
    for t in truth:
        planted[t["defect"]] += 1
        if t["defect"] == "key_collision" and used[t["key"]] > 0:
            used[t["key"]] -= 1
            hit["key_collision"] += 1
        elif t["defect"] == "same_paper" and t["key"] in similar:
            hit["same_paper"] += 1
    return fmt_score(hit, planted)


def biber_score(out_path, truth, file):
    """biber names duplicate keys (no line) and gives syntax errors with a line (of its UTF-8 copy: same lines)."""
    text = Path(out_path).read_text(errors="replace")
    dups = collections.Counter(re.findall(r"Duplicate entry key: '([^']+)'", text))
    syntax = {(file, int(m) - 1, "bibtex-syntax") for m in re.findall(r"line (\d+), syntax error", text)}
    hit, planted = score([t for t in truth if t["defect"] == "syntax_error"], syntax)
    for t in truth:
        planted[t["defect"]] += t["defect"] != "syntax_error"
        if t["defect"] == "key_collision" and dups[t["key"]] > 0:
            dups[t["key"]] -= 1
            hit["key_collision"] += 1
    return fmt_score(hit, planted)


def cli_benchmarks(args, gen, work, table, tools):
    for n in args.sizes:
        bib, bib_truth = generate(gen, work, n, "bib")
        md, md_truth = generate(gen, work, n, "md")
        nosyn, nosyn_truth = without_syntax_errors(bib, bib_truth)
        jobs = []  # (tool, format, argv, cwd, scorer)
        out = work / "out"
        out.mkdir(exist_ok=True)

        def bm(path, truth):
            return lambda o, e, rc: fmt_score(*score(truth, bibmark_found(o, lambda p: str(path))))
        jobs.append(("bibmark check", "bib", [str(LAUNCHER), "check", "--format", "json", str(bib)], None, bm(bib, bib_truth)))
        jobs.append(("bibmark check", "md", [str(LAUNCHER), "check", "--format", "json", str(md)], None, bm(md, md_truth)))
        jobs.append(("bibmark check", "bib-nosyntax", [str(LAUNCHER), "check", "--format", "json", str(nosyn)], None,
                     bm(nosyn, nosyn_truth)))
        if "bibtool" in tools:
            jobs.append(("bibtool -d", "bib", ["bibtool", "-d", "-i", str(bib), "-o", "/dev/null"], None,
                         lambda o, e, rc: fmt_score(*score(bib_truth, bibtool_found(e, str(bib))))))
        if "bibtex-tidy" in tools:
            for label, path, truth in (("bib", bib, bib_truth), ("bib-nosyntax", nosyn, nosyn_truth)):
                jobs.append(("bibtex-tidy", label, [str(TIDY), str(path), "--duplicates=key,doi,citation", "-o", "/dev/null"],
                             None, (lambda t: lambda o, e, rc: tidy_score(o, rc, t))(truth)))
        if "biber" in tools and n <= args.biber_max:
            bdir = work / ("biber-%d" % n)
            bdir.mkdir(exist_ok=True)
            jobs.append(("biber --tool", "bib", ["biber", "--tool", "--output-file", "/dev/null", str(bib)], str(bdir),
                         lambda o, e, rc: biber_score(o, bib_truth, str(bib))))
        samples = collections.defaultdict(list)
        rss = collections.defaultdict(int)
        cpus = collections.defaultdict(list)
        defects = {}
        for r in range(args.runs + 1):  # run 0 is a warm-up (and gives the findings)
            for i, (tool, fmt, argv, cwd, scorer) in enumerate(jobs):
                o, e = out / ("%d-%d.out" % (n, i)), out / ("%d-%d.err" % (n, i))
                wall, maxrss, rc, cpu = timed(argv, cwd=cwd, stdout=o, stderr=e if tool != "bibtex-tidy" else o)
                if r == 0:
                    try:
                        defects[i] = scorer(o, e, rc)
                    except Exception as ex:  # a tool that printed nothing usable
                        defects[i] = "unreadable output (exit %d): %s" % (rc, ex)
                    print("  warm-up %-14s %-12s n=%-6d %.2f s exit %d" % (tool, fmt, n, wall, rc), file=sys.stderr, flush=True)
                    continue
                samples[i].append(wall)
                cpus[i].append(cpu)
                rss[i] = max(rss[i], maxrss)
        for i, (tool, fmt, *_rest) in enumerate(jobs):
            table.add(tool, n, fmt, "wall", samples[i], rss[i], defects[i], cpus[i])
        table.ratios += paired_ratios(n, jobs, samples)


def paired_ratios(n, jobs, samples):
    """bibmark's wall time over a peer's, per round: the jobs of one round run back to back, so a ratio taken
    within a round cancels the machine's slower and faster phases, which a ratio of two medians does not.
    Compared: each bibmark format against bibtool (on the .bib) and against bibtex-tidy (on the .bib without
    syntax errors, the only one it reads through)."""
    index = {(tool, fmt): i for i, (tool, fmt, *_rest) in enumerate(jobs)}
    peers = [("bibtool -d", "bib"), ("bibtex-tidy", "bib-nosyntax")]
    out = []
    for fmt in ("bib", "md", "bib-nosyntax"):
        mine = index.get(("bibmark check", fmt))
        for peer in peers:
            theirs = index.get(peer)
            if mine is None or theirs is None or not samples[mine]:
                continue
            r = sorted(a / b for a, b in zip(samples[mine], samples[theirs]))
            out.append({"size": n, "bibmark": fmt, "peer": peer[0], "n": len(r), "min": r[0],
                        "median": statistics.median(r), "max": r[-1]})
    return out


# ---- language server ----------------------------------------------------------------------------
def diag_found(msgs):
    found = set()
    for m in msgs:
        p = m["params"]
        path = urllib.parse.unquote(urllib.parse.urlparse(p["uri"]).path)
        for d in p["diagnostics"]:
            code = d.get("code")
            found.add((path, d["range"]["start"]["line"], code))
    return found


def is_diag(uri, version=None):
    def pred(m):
        if m.get("method") != "textDocument/publishDiagnostics" or m["params"]["uri"] != uri:
            return False
        return version is None or m["params"].get("version") == version
    return pred


def per_op(client, cpu0, n):
    cpu1 = client.cpu_seconds()
    return [(cpu1 - cpu0) / n] if n and cpu0 is not None and cpu1 is not None else None


SERVER_ENV = None


def server_argv():
    return [str(LAUNCHER), "lsp", "--stdio"]


def title_positions(path, count):
    """(line, character) inside the title value of `count` entries spread over the file."""
    starts = entry_windows(path)
    step = max(1, len(starts) // count)
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    out = []
    for s in starts[::step][:count]:
        t = lines[s + 1]
        if "title = {" in t:
            out.append((s + 1, t.index("title = {") + len("title = {") + 3))
    return out


def key_positions(path, count):
    starts = entry_windows(path)
    step = max(1, len(starts) // count)
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    return [(s, lines[s].index("{") + 2) for s in starts[::step][:count]]


def keystrokes(client, uri, version, positions, warmup):
    """Types 'x' then deletes it, at each position in turn; returns (latencies after warm-up, version, mean
    server CPU seconds per timed keystroke)."""
    lat = []
    cpu0 = None
    for i, (line, ch) in enumerate(positions):
        for insert in (True, False):
            version += 1
            rng = {"start": {"line": line, "character": ch},
                   "end": {"line": line, "character": ch if insert else ch + 1}}
            t0 = client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                          "contentChanges": [{"range": rng, "text": "x" if insert else ""}]})
            t1, _ = client.wait_notification(is_diag(uri, version))
            if i * 2 + (0 if insert else 1) >= warmup:
                lat.append(t1 - t0)
            elif i * 2 + (0 if insert else 1) == warmup - 1:
                cpu0 = client.cpu_seconds()
    cpu1 = client.cpu_seconds()
    return lat, version, [(cpu1 - cpu0) / len(lat)] if lat and cpu0 is not None and cpu1 is not None else None


def server_single(args, gen, work, table, n):
    md, truth = generate(gen, work, n, "md")
    text = md.read_text(encoding="utf-8")
    uri = file_uri(md)
    first = []
    client = None
    found_str = ""
    for r in range(args.runs):
        if client:
            client.shutdown()
        client = LspClient(server_argv(), env=SERVER_ENV, stderr_path=str(work / "server-single.err"))
        client.initialize(init_options=DEBOUNCE0)
        t0 = client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                                     "text": text}})
        t1, msg = client.wait_notification(is_diag(uri))
        first.append(t1 - t0)
        if r == 0:
            found_str = fmt_score(*score(truth, diag_found([msg])))
    table.add("bibmark lsp", n, "md", "didOpen -> diagnostics (fresh JVM)", first, None, found_str)
    # keystrokes inside entries (title values), debounce 0
    version = 1
    ks, version, cpu = keystrokes(client, uri, version, title_positions(md, args.keystrokes // 2 + 3), warmup=6)
    table.add("bibmark lsp", n, "md", "keystroke -> fresh diagnostics", ks, cpu=cpu)
    # completion after "[@" typed on a paper-link line
    lines = text.split("\n")
    link_line = next(i for i, l in enumerate(lines) if l.startswith("paper link:"))
    col = len(lines[link_line])
    version += 1
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [
        {"range": {"start": {"line": link_line, "character": col}, "end": {"line": link_line, "character": col}},
         "text": " [@"}]})
    client.wait_notification(is_diag(uri, version))
    comp, items = [], 0
    cpu0 = None
    for i in range(args.requests + 5):
        if i == 5:
            cpu0 = client.cpu_seconds()
        lat, res = client.call("textDocument/completion", {"textDocument": {"uri": uri},
                                                          "position": {"line": link_line, "character": col + 3}})
        items = len(res["items"] if isinstance(res, dict) else res or [])
        if i >= 5:
            comp.append(lat)
    table.add("bibmark lsp", n, "md", "completion (%d items)" % items, comp, cpu=per_op(client, cpu0, len(comp)))
    hov, empty = [], 0
    positions = key_positions(md, args.requests + 5)
    for i, (line, ch) in enumerate(positions):
        if i == 5:
            cpu0 = client.cpu_seconds()
        lat, res = client.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line, "character": ch}})
        empty += res is None
        if i >= 5:
            hov.append(lat)
    cpu = per_op(client, cpu0, len(hov))
    _, hwm = client.rss_kb()
    table.add("bibmark lsp", n, "md", "hover on a key" + (" (%d empty!)" % empty if empty else ""), hov, hwm, cpu=cpu)
    client.shutdown()
    # The same papers as one .bib file, and the list with one @string block on top (its values reach every entry
    # below): keystrokes must stay as fast there.
    bib, _ = generate(gen, work, n, "bib")
    with_string = work / ("p%d-string.md" % n)
    i = text.index("```bibtex")
    with_string.write_text(text[:i] + "```bibtex\n@string{press = \"Some Press\"}\n```\n\n" + text[i:], encoding="utf-8")
    for path, fmt, label in ((bib, "bib", "bib"), (with_string, "md", "md + @string")):
        client = LspClient(server_argv(), env=SERVER_ENV, stderr_path=str(work / "server-single.err"))
        client.initialize(init_options=DEBOUNCE0)
        u = file_uri(path)
        client.notify("textDocument/didOpen", {"textDocument": {"uri": u, "languageId": "bibtex" if fmt == "bib" else "markdown",
                                                                "version": 1, "text": path.read_text(encoding="utf-8")}})
        client.wait_notification(is_diag(u))
        ks, version, cpu = keystrokes(client, u, 1, title_positions(path, args.keystrokes // 2 + 3), warmup=6)
        _, hwm = client.rss_kb()
        table.add("bibmark lsp", n, label, "keystroke -> fresh diagnostics", ks, hwm, cpu=cpu)
        if fmt == "bib":
            per_change_requests(client, u, path, version, table, n, label)
        client.shutdown()
    client = LspClient(server_argv(), env=SERVER_ENV, stderr_path=str(work / "server-single.err"))
    client.initialize(init_options=DEBOUNCE0)
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    client.wait_notification(is_diag(uri))
    per_change_requests(client, uri, md, 1, table, n, "md")
    client.shutdown()


# What an editor asks for about the whole document after a change (VS Code: outline/breadcrumbs, links, folding, lenses).
PER_CHANGE = ("textDocument/documentSymbol", "textDocument/documentLink", "textDocument/foldingRange", "textDocument/codeLens")


def per_change_requests(client, uri, path, version, table, n, label, rounds=20):
    """After each of `rounds` keystrokes (and its diagnostics), times each whole-document request once."""
    lat = {m: [] for m in PER_CHANGE}
    size = {}
    for line, ch in title_positions(path, rounds):
        version += 1
        client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [
            {"range": {"start": {"line": line, "character": ch}, "end": {"line": line, "character": ch}}, "text": "x"}]})
        client.wait_notification(is_diag(uri, version))
        for m in PER_CHANGE:
            t, res = client.call(m, {"textDocument": {"uri": uri}})
            lat[m].append(t)
            size[m] = len(res or [])
    for m in PER_CHANGE:
        table.add("bibmark lsp", n, label, "after a keystroke: %s (%d items)" % (m.split("/")[1], size[m]), lat[m])


def server_workspace(args, gen, work, table, files, per):
    ws, truth = generate(gen, work, files * per, "md", files=files)
    for t in truth:
        t["file"] = str(Path(t["file"]).resolve())
    client = LspClient(server_argv(), env=SERVER_ENV, stderr_path=str(work / "server-ws.err"))
    client.initialize(root=ws, init_options=DEBOUNCE0)
    t0 = time.perf_counter()  # `initialized` was just sent: the server starts indexing
    t_indexed, _ = client.wait_notification(lambda m: m.get("method") == "window/logMessage"
                                            and "indexed" in m["params"]["message"], timeout=600)
    rss_indexed, _ = client.rss_kb()
    # The server's single worker runs tasks in order. The log line is sent just before the indexing task
    # queues the first full check, so a first request (answered once that task has ended) makes sure the check
    # is queued, and a second one is answered only after the check has run and published everything.
    for _ in range(2):
        rid, _ = client.request("textDocument/hover", {"textDocument": {"uri": file_uri(ws / "none.md")},
                                                      "position": {"line": 0, "character": 0}})
        t_checked, _ = client.wait_response(rid, timeout=600)
    diags = []
    while not client.notifications.empty():
        _, m = client.notifications.get()
        if m and m.get("method") == "textDocument/publishDiagnostics":
            diags.append(m)
    found = fmt_score(*score(truth, diag_found(diags)))
    label = "%dx%d" % (files, per) + (" heap " + args.server_heap if args.server_heap else "")
    progress = ("progress: %d $/progress" % client.seen["$/progress"]) if client.seen.get("$/progress") \
        else "no progress reported"
    table.add("bibmark lsp", files * per, "md " + label, "initialized -> files indexed (%s)" % progress,
              [t_indexed - t0], rss_indexed)
    _, hwm = client.rss_kb()
    table.add("bibmark lsp", files * per, "md " + label, "initialized -> all files checked+published", [t_checked - t0],
              hwm, found)
    # a keystroke in one file: fresh diagnostics for it (cross-file duplicate checks included)
    f0 = ws / "list-0000.md"
    uri = file_uri(f0)
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                            "text": f0.read_text(encoding="utf-8")}})
    client.wait_notification(is_diag(uri, 1), timeout=600)
    ks, _, cpu = keystrokes(client, uri, 1, title_positions(f0, args.ws_keystrokes // 2 + 3), warmup=6)
    _, hwm = client.rss_kb()
    table.add("bibmark lsp", files * per, "md " + label, "keystroke in one file -> its diagnostics", ks, hwm, cpu=cpu)
    client.shutdown()


def initialize_latency(args, table):
    samples = {"on": [], "off": []}
    stray = []
    rss = {}
    for i in range(args.init_runs + 1):
        for cds in ("on", "off"):
            env = dict(SERVER_ENV or os.environ, BIBMARK_CDS=cds)
            client = LspClient(server_argv(), env=env)
            rid, _ = client.request("initialize", {"processId": os.getpid(), "rootUri": None, "capabilities": {}})
            t_response, _ = client.wait_response(rid)
            _, hwm = client.rss_kb()
            client.notify("initialized", {})
            client.shutdown()
            stray += client.stray_output
            if i > 0:  # the first pair warms the file cache
                samples[cds].append(t_response - client.t_spawn)
                rss[cds] = max(rss.get(cds, 0), hwm or 0)
    note = "" if not stray else "STDOUT NOT CLEAN: %r" % stray[:3]
    archive = REPO / "target" / "bibmark.jsa"
    table.add("bibmark lsp", "-", "-", "spawn -> initialize response, AppCDS (%s)" %
              ("archive present" if archive.exists() else "NO ARCHIVE: build with ./mvnw package"), samples["on"], rss["on"], note)
    table.add("bibmark lsp", "-", "-", "spawn -> initialize response, BIBMARK_CDS=off", samples["off"], rss["off"], note)
    return not stray


# ---- main ---------------------------------------------------------------------------------------
def machine():
    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = ""
    try:
        mem = "%.1f GB" % (int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))) / 1048576)
    except (OSError, StopIteration):
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return "%s; %d CPUs (%s); %s RAM; %s; load average at start %s" % (
        platform.platform(), os.cpu_count(), cpu, mem, java[1] if len(java) > 1 else "java ?",
        " ".join("%.2f" % x for x in os.getloadavg()))


def versions(tools):
    v = []
    if "bibtool" in tools:
        v.append("bibtool " + re.sub(r".*Vers\. *([0-9.]+).*", r"\1",
                                     subprocess.run(["bibtool", "-V"], capture_output=True, text=True).stderr.splitlines()[0]))
    if "bibtex-tidy" in tools:
        v.append("bibtex-tidy " + json.loads((HERE / "node/node_modules/bibtex-tidy/package.json").read_text())["version"])
    if "biber" in tools:
        v.append(subprocess.run(["biber", "--version"], capture_output=True, text=True).stdout.strip())
    return ", ".join(v)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000", help="paper counts, comma-separated (default 1000,10000)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per CLI command (after one warm-up)")
    ap.add_argument("--tools", default="bibmark,bibtool,bibtex-tidy,biber", help="peers to run when installed")
    ap.add_argument("--biber-max", type=int, default=1000, help="largest size biber runs on (it is slow)")
    ap.add_argument("--no-cli", action="store_true", help="skip the CLI comparison")
    ap.add_argument("--no-server", action="store_true", help="skip the language server part")
    ap.add_argument("--server-sizes", help="sizes for the single-list server test (default: --sizes)")
    ap.add_argument("--workspace", default="1000x50", help="FILESxPAPERS workspace for the server, or 'none'")
    ap.add_argument("--keystrokes", type=int, default=40, help="timed keystrokes (after 6 warm-up ones)")
    ap.add_argument("--ws-keystrokes", type=int, default=10, help="timed keystrokes in the workspace (each re-checks it all)")
    ap.add_argument("--server-heap", help="BIBMARK_HEAP for the server runs (default: the launcher's, 512m)")
    ap.add_argument("--requests", type=int, default=40, help="timed completion and hover requests (after 5 warm-up)")
    ap.add_argument("--init-runs", type=int, default=10, help="server starts per launcher variant (CDS on/off)")
    ap.add_argument("--gen", help="path of gen_papers.py (default ../shared/bench/gen_papers.py)")
    ap.add_argument("--work", help="directory for generated files and outputs (default: a temporary one, removed)")
    ap.add_argument("--json", help="also write the rows as JSON to this file")
    ap.add_argument("--markdown", help="also write the table as Markdown to this file")
    ap.add_argument("--strict", action="store_true",
                    help="exit 1 unless bibmark found every planted defect and the server's stdout stayed clean")
    args = ap.parse_args()
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    server_sizes = [int(s) for s in (args.server_sizes or ",".join(map(str, args.sizes))).split(",") if s]
    global SERVER_ENV
    if args.server_heap:
        SERVER_ENV = dict(os.environ, BIBMARK_HEAP=args.server_heap)
    if not LAUNCHER.exists() or not (REPO / "target" / "bibmark.jar").exists():
        sys.exit("run.py: build first: ./mvnw -B -ntp -q -DskipTests package")
    gen = find_generator(args.gen)
    wanted = set(args.tools.split(","))
    tools = set()
    for t, ok in (("bibtool", shutil.which("bibtool")), ("biber", shutil.which("biber")), ("bibtex-tidy", TIDY.exists())):
        if t in wanted:
            if ok:
                tools.add(t)
            else:
                print("run.py: %s is not installed (tests/bench/install.sh): skipped" % t, file=sys.stderr)
    work = Path(args.work).resolve() if args.work else Path(tempfile.mkdtemp(prefix="bibmark-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    info = machine()
    print("machine: " + info, file=sys.stderr)
    print("peers: " + (versions(tools) or "none"), file=sys.stderr)
    table = Table()
    clean = True
    t_start = time.time()
    try:
        if not args.no_cli:
            cli_benchmarks(args, gen, work, table, tools)
        if not args.no_server:
            if args.init_runs > 0:
                clean = initialize_latency(args, table)
            for n in server_sizes:
                server_single(args, gen, work, table, n)
            if args.workspace != "none":
                files, per = (int(x) for x in args.workspace.lower().split("x"))
                server_workspace(args, gen, work, table, files, per)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print("machine: " + info + "; load average at end " + " ".join("%.2f" % x for x in os.getloadavg()))
    print("peers: " + (versions(tools) or "none"))
    print("total time: %.0f s" % (time.time() - t_start))
    print()
    print(table.markdown())
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": info, "rows": table.rows, "ratios": table.ratios}, indent=1))
    if args.markdown:
        Path(args.markdown).write_text(table.markdown() + "\n")
    if args.strict:
        bad = [r for r in table.rows if r["tool"].startswith("bibmark") and r["defects found"]
               and not re.match(r"(\d+)/\1 ", r["defects found"])]
        for r in bad:
            print("run.py: bibmark missed planted defects: %s %s %s: %s" % (r["tool"], r["size"], r["format"], r["defects found"]),
                  file=sys.stderr)
        if not clean:
            print("run.py: the server wrote to stdout outside LSP messages", file=sys.stderr)
        if bad or not clean:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
