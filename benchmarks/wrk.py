"""Driving wrk: one Lua script per target, and reading what its `done()` prints.

wrk's own summary rounds latencies for people («12.34ms») and has no p95; the Lua `done()`
hook sees the exact histogram, so each script prints one line `BENCH_JSON {...}` with the
counts and the percentiles in microseconds, and that line is what is parsed.
"""

import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field

MARKER = "BENCH_JSON "


@dataclass(frozen=True)
class Request:
    """One request wrk repeats: several (headers, body) variants are sent in turn."""

    path: str
    method: str = "GET"
    variants: tuple[tuple[dict, str], ...] = ((({}, "")),)


@dataclass(frozen=True)
class WrkResult:
    requests: int
    duration_s: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    errors: dict = field(default_factory=dict)

    @property
    def rps(self) -> float:
        return self.requests / self.duration_s if self.duration_s else 0.0

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    def as_dict(self) -> dict:
        return {
            "requests": self.requests,
            "duration_s": round(self.duration_s, 3),
            "rps": round(self.rps, 1),
            "p50_ms": round(self.p50_ms, 2),
            "p95_ms": round(self.p95_ms, 2),
            "p99_ms": round(self.p99_ms, 2),
            "mean_ms": round(self.mean_ms, 2),
            "max_ms": round(self.max_ms, 2),
            "errors": self.errors,
        }


def _lua_string(value: str) -> str:
    """A Lua string literal; json.dumps' escapes are valid Lua for the ASCII it emits."""
    return json.dumps(value, ensure_ascii=True)


def _lua_table(headers: dict) -> str:
    return (
        "{" + ", ".join(f"[{_lua_string(k)}] = {_lua_string(v)}" for k, v in headers.items()) + "}"
    )


DONE = r"""
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '%s{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"mean_us": %.1f, "max_us": %d, "errors": {"connect": %d, "read": %d, "write": %d, ' ..
    '"status": %d, "timeout": %d}}\n',
    MARKER, summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.mean, latency.max, e.connect, e.read, e.write, e.status, e.timeout))
end
"""


def lua_script(request: Request) -> str:
    """The script: `request()` cycles through the variants, `done()` prints the JSON line."""
    variants = ",\n  ".join(
        "{" + f"headers = {_lua_table(headers)}, body = {_lua_string(body)}" + "}"
        for headers, body in request.variants
    )
    return (
        f"MARKER = {_lua_string(MARKER)}\n"
        f"local method, path = {_lua_string(request.method)}, {_lua_string(request.path)}\n"
        f"local variants = {{\n  {variants}\n}}\n"
        "local counter = 0\n"
        "request = function()\n"
        "  counter = counter + 1\n"
        "  local v = variants[(counter % #variants) + 1]\n"
        '  return wrk.format(method, path, v.headers, v.body ~= "" and v.body or nil)\n'
        "end\n" + DONE
    )


def parse_output(output: str) -> WrkResult:
    """The result from wrk's output; ValueError when the script's line is missing."""
    for line in reversed(output.splitlines()):
        if line.startswith(MARKER):
            data = json.loads(line[len(MARKER) :])
            break
    else:
        raise ValueError(f"wrk printed no {MARKER.strip()} line:\n{output[-2000:]}")
    return WrkResult(
        requests=data["requests"],
        duration_s=data["duration_us"] / 1e6,
        p50_ms=data["p50_us"] / 1000,
        p95_ms=data["p95_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        mean_ms=data["mean_us"] / 1000,
        max_ms=data["max_us"] / 1000,
        errors={name: count for name, count in data["errors"].items() if count},
    )


def ensure_wrk() -> str:
    """wrk's path, installing Debian's package when running as root; SystemExit otherwise."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("wrk is missing: apt-get install -y wrk", flush=True)
        install = ["apt-get", "install", "-y", "-q", "wrk"]
        if subprocess.run(install, check=False).returncode != 0:
            subprocess.run(["apt-get", "update", "-q"], check=False)
            subprocess.run(install, check=True)
        found = shutil.which("wrk")
        if found:
            return found
    raise SystemExit(
        "make bench needs the load tool wrk: install it with `sudo apt-get install wrk` "
        "(Debian/Ubuntu) or `brew install wrk`, then run again."
    )


def run(
    wrk: str,
    base_url: str,
    request: Request,
    *,
    script_path: str,
    duration: float,
    threads: int = 2,
    connections: int = 8,
    timeout: float = 30,
) -> WrkResult:
    with open(script_path, "w") as script:
        script.write(lua_script(request))
    command = [
        wrk,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(duration))}s",
        f"--timeout={round(timeout)}s",
        "-s",
        script_path,
        base_url + request.path,
    ]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"wrk failed ({completed.returncode}): {completed.stderr.strip()}")
    return parse_output(completed.stdout)
