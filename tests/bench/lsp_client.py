"""A small LSP client over stdio for the benchmark (Python 3 standard library only).

Every message from the server is stamped with time.perf_counter() when its body has been read
completely (before JSON decoding), so latencies include the transfer but not the client's parsing.
"""
import json
import os
import queue
import subprocess
import threading
import time
from pathlib import Path


def file_uri(path):
    return Path(path).resolve().as_uri()


class LspClient:
    def __init__(self, argv, env=None, stderr_path=None):
        self.t_spawn = time.perf_counter()
        self._stderr = open(stderr_path, "wb") if stderr_path else subprocess.DEVNULL
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                                     env=env, bufsize=0)
        self._next_id = 0
        self._lock = threading.Lock()
        self._responses = {}  # id -> (t, message)
        self._cond = threading.Condition()
        self.notifications = queue.Queue()  # (t, message) for every notification
        self.stray_output = []  # anything on stdout that is not a framed message
        self.seen = {}  # notification method -> count
        self.server_requests = []  # methods of requests the server sent (e.g. window/workDoneProgress/create)
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()

    # ---- wire -------------------------------------------------------------------------------
    def _read_loop(self):
        out = self.proc.stdout
        while True:
            headers = {}
            line = b""
            while True:
                line = out.readline()
                if not line:
                    self._closed()
                    return
                if line in (b"\r\n", b"\n"):
                    break
                if b":" not in line:
                    self.stray_output.append(line)
                    continue
                k, v = line.split(b":", 1)
                headers[k.strip().lower()] = v.strip()
            n = int(headers.get(b"content-length", b"0"))
            body = b""
            while len(body) < n:
                chunk = out.read(n - len(body))
                if not chunk:
                    self._closed()
                    return
                body += chunk
            t = time.perf_counter()
            msg = json.loads(body)
            if "id" in msg and "method" in msg:
                self._answer_server_request(msg)
            elif "id" in msg:
                with self._cond:
                    self._responses[msg["id"]] = (t, msg)
                    self._cond.notify_all()
            else:
                self.seen[msg.get("method")] = self.seen.get(msg.get("method"), 0) + 1
                self.notifications.put((t, msg))

    def _closed(self):
        with self._cond:
            self._responses[None] = (time.perf_counter(), None)
            self._cond.notify_all()
        self.notifications.put((time.perf_counter(), None))

    def _answer_server_request(self, msg):
        self.server_requests.append(msg["method"])
        # workspace/configuration, client/registerCapability, window/workDoneProgress/create...
        result = [None] * len(msg.get("params", {}).get("items", [])) if msg["method"] == "workspace/configuration" else None
        self._send({"jsonrpc": "2.0", "id": msg["id"], "result": result})

    def _send(self, msg):
        body = json.dumps(msg, separators=(",", ":")).encode("utf-8")
        data = b"Content-Length: %d\r\n\r\n" % len(body) + body
        with self._lock:
            t = time.perf_counter()  # before the write: a reply can arrive before write() returns
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        return t

    # ---- API --------------------------------------------------------------------------------
    def request(self, method, params):
        """Sends a request; returns (id, send time)."""
        with self._lock:
            self._next_id += 1
            rid = self._next_id
        t = self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return rid, t

    def wait_response(self, rid, timeout=120):
        deadline = time.perf_counter() + timeout
        with self._cond:
            while rid not in self._responses:
                if None in self._responses:
                    raise RuntimeError("server closed the connection")
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise TimeoutError("no response to request %d" % rid)
                self._cond.wait(left)
            t, msg = self._responses.pop(rid)
        if "error" in msg:
            raise RuntimeError("request %d failed: %s" % (rid, msg["error"]))
        return t, msg.get("result")

    def call(self, method, params, timeout=120):
        """Request and wait; returns (latency seconds, result)."""
        rid, t0 = self.request(method, params)
        t1, result = self.wait_response(rid, timeout)
        return t1 - t0, result

    def notify(self, method, params):
        return self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_notification(self, predicate, timeout=120):
        """Returns (t, message) of the first notification that satisfies predicate; drops the others."""
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError("no matching notification within %.0f s" % timeout)
            try:
                t, msg = self.notifications.get(timeout=left)
            except queue.Empty:
                continue
            if msg is None:
                raise RuntimeError("server closed the connection (exit code %s)" % self.proc.poll())
            if predicate(msg):
                return t, msg

    def initialize(self, root=None, init_options=None, timeout=60):
        params = {"processId": os.getpid(), "clientInfo": {"name": "bibmark-bench"},
                  "capabilities": {"textDocument": {"publishDiagnostics": {"versionSupport": True}},
                                   "general": {"positionEncodings": ["utf-16"]},
                                   # As editors do: the server then reports indexing as work-done progress.
                                   "window": {"workDoneProgress": True}},
                  "rootUri": file_uri(root) if root else None,
                  "workspaceFolders": [{"uri": file_uri(root), "name": Path(root).name}] if root else None,
                  "initializationOptions": init_options}
        latency, result = self.call("initialize", params, timeout)
        self.notify("initialized", {})
        return latency, result

    def shutdown(self, timeout=30):
        try:
            self.call("shutdown", None, timeout)
            self.notify("exit", None)
            return self.proc.wait(timeout)
        except Exception:
            self.kill()
            raise
        finally:
            if self._stderr is not subprocess.DEVNULL:
                self._stderr.close()

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def cpu_seconds(self):
        """User+system CPU time of the server process so far (all threads), from /proc (10 ms ticks)."""
        try:
            with open("/proc/%d/stat" % self.proc.pid) as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return None

    def rss_kb(self):
        """(VmRSS, VmHWM) of the server process in kB, from /proc (the launcher execs java, same pid)."""
        vals = {}
        try:
            with open("/proc/%d/status" % self.proc.pid) as fh:
                for line in fh:
                    if line.startswith(("VmRSS:", "VmHWM:")):
                        k, v = line.split(":", 1)
                        vals[k] = int(v.split()[0])
        except OSError:
            pass
        return vals.get("VmRSS"), vals.get("VmHWM")
