"""`make bench`: gunicorn on loopback, driven by wrk, one table and one JSON file.

    python -m benchmarks.run [--profiles school municipality] [--duration 10]

For each profile, in its own database (SQLite: benchmarks/.data/bench_<profile>.sqlite3;
PostgreSQL when DATABASE_URL names it: the database bench_<profile> on that server):

1. migrate with benchmarks.settings (which adds the stock form page app), load the profile's
   data with `generate_scale_data` (or `load_demo` while the generator does not exist) unless
   the database already holds it, and prepare the benchmark's pages, users and sessions
   (benchmarks/probe.py);
2. start `gunicorn portal.wsgi` with 2 workers on a free port of 127.0.0.1 and wait for
   /healthz; check every measured URL answers as expected (a POST once each);
3. per page, warm up, then run wrk (2 threads, 8 connections, 10 s): the bare view, the
   public pages, the stock form page and the questionnaire page (GET and valid POST, signed
   in, CSRF cookie and token), the admin lists, the 1 000-version history and the journal;
   count the answers before and after each POST run;
4. if the anonymous page cache is on, a second gunicorn with it off measures the public
   pages as rendered;
5. with gunicorn stopped, count each admin page's queries in-process, and build the results
   report and its XLSX of the page with the most answers, each in a fresh process.

Then the ratios and targets (benchmarks/results.py), one table on stdout, and the JSON in
benchmarks/results/<profiles>-<UTC timestamp>.json and latest.json. Running one profile
compares its admin pages with the other profile's latest stored result on the same engine.
"""

import argparse
import datetime
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from benchmarks import results, wrk

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "benchmarks" / ".data"
RESULTS_DIR = ROOT / "benchmarks" / "results"
GENERATOR = ROOT / "benchmarks" / "scale" / "management" / "commands" / "generate_scale_data.py"
SETTINGS = "benchmarks.settings"
PROFILES = ("school", "municipality")
WORKERS = 2
SEQUENTIAL = 7
SLOW_MS = 1000
FORM = "application/x-www-form-urlencoded"


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --- databases -----------------------------------------------------------------------------


def profile_database(profile: str, database_url: str) -> tuple[str, str]:
    """(DATABASE_URL, engine) of a profile: its own database next to the chosen one."""
    scheme = urlsplit(database_url).scheme if database_url else "sqlite"
    if scheme in ("postgres", "postgresql", "pgsql", "psql"):
        parts = urlsplit(database_url)
        return urlunsplit(parts._replace(path=f"/bench_{profile}")), "postgresql"
    if scheme not in ("sqlite", ""):
        raise SystemExit(f"make bench runs on SQLite or PostgreSQL, not «{scheme}».")
    return f"sqlite:///{DATA_DIR / f'bench_{profile}.sqlite3'}", "sqlite"


def ensure_postgres_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            log(f"creating PostgreSQL database {name}")
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def other_sessions(url: str) -> int:
    """Connections of others to a PostgreSQL database: two generators must not race."""
    if not url.startswith(("postgres", "pgsql", "psql")):
        return 0
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        return connection.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchone()[0]


def django_env(database_url: str, **extra) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS, "DATABASE_URL": database_url}
    env.update({key: str(value) for key, value in extra.items()})
    return env


def manage(env: dict, *args: str, quiet: bool = False) -> str:
    command = [sys.executable, "manage.py", *args]
    completed = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise SystemExit(
            f"`{' '.join(command[1:])}` failed:\n{completed.stdout[-3000:]}{completed.stderr[-3000:]}"
        )
    if not quiet and completed.stdout.strip():
        for line in completed.stdout.strip().splitlines()[-5:]:
            log(f"  {line}")
    return completed.stdout


def probe(env: dict, *args: str) -> dict:
    command = [sys.executable, "-m", "benchmarks.probe", *args]
    completed = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if completed.returncode != 0:
        raise SystemExit(f"`probe {args[0]}` failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def load_data(profile: str, env: dict, *, seed: int) -> str:
    """The profile's data: the scale generator when it exists, else the demo (school only).

    The generator resumes rather than duplicates, but even a run that adds nothing counts
    every table; the status probe tells in a second whether anything is missing.
    """
    if GENERATOR.exists():
        described = f"generate_scale_data --profile {profile} --seed {seed}"
        state = probe(env, "status", "--profile", profile, "--seed", str(seed))
        if state.get("generator") and state["missing"] == 0:
            log(f"{profile}: data already there ({described})")
            return described
        if busy := other_sessions(env["DATABASE_URL"]):
            raise SystemExit(
                f"{profile}: the data is incomplete and {busy} other session(s) are connected "
                "to its database (a generator still running?). Run again when they are done."
            )
        log(f"{profile}: {described}")
        manage(env, "generate_scale_data", "--profile", profile, "--seed", str(seed))
        return described
    if profile != "school":
        raise SystemExit(f"The profile {profile} needs `manage.py generate_scale_data`.")
    log("generate_scale_data is not there yet: load_demo")
    manage(env, "load_demo", "--force", quiet=True)  # a benchmark's own database
    return "load_demo (generate_scale_data not available)"


# --- gunicorn ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with 2 workers on loopback, stopped by its own pid."""

    def __init__(self, env: dict, log_path: Path):
        self.env, self.log_path = env, log_path
        self.start()

    def restart(self) -> None:
        """A new master on a new port: what wrk left in the old one's queue is dropped."""
        self.stop()
        self.start()
        self.wait_ready()

    def start(self) -> None:
        env, log_path = self.env, self.log_path
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_file = open(log_path, "ab")  # noqa: SIM115  closed in stop()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "portal.wsgi",
                "-w",
                str(WORKERS),
                "-b",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "300",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log_file,
            stderr=self.log_file,
        )

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited ({self.process.returncode}); see its log.")
            try:
                if fetch(self.port, "GET", "/healthz")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise SystemExit("gunicorn did not answer /healthz in time.")

    def stop(self) -> None:
        """Quick shutdown (SIGINT): requests of a finished wrk run are not worth waiting for."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log_file.close()


def fetch(port: int, method: str, path: str, headers=None, body=None, timeout=300):
    """(status, headers, body) of one request, redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


# --- what is measured ----------------------------------------------------------------------


def requests_for(prepared: dict) -> dict[str, wrk.Request]:
    csrf = prepared["csrf_cookie"]
    signed_in = [{"Cookie": f"{session}; {csrf}"} for session in prepared["sessions"]]
    admin = {"Cookie": prepared["admin_session"]}
    found = {"healthz": wrk.Request("/healthz")}
    for name in ("roadmap", "section"):
        if prepared["public"][name]:
            found[name] = wrk.Request(prepared["public"][name])
    for name, page in (("reference", "reference"), ("questionnaire", "questionnaire")):
        url = prepared[page]["url"]
        found[f"{name}_get"] = wrk.Request(url, variants=tuple((h, "") for h in signed_in))
        found[f"{name}_post"] = wrk.Request(
            url,
            method="POST",
            # Every respondent once, then every one again with their other answers.
            variants=tuple(
                ({**headers, "Content-Type": FORM}, bodies[turn])
                for turn in range(len(prepared[page]["bodies"][0]))
                for headers, bodies in zip(signed_in, prepared[page]["bodies"], strict=True)
            ),
        )
    for name, url in prepared["admin_urls"].items():
        if url:
            found[name] = wrk.Request(url, variants=((admin, ""),))
    return found


def smoke_check(port: int, name: str, request: wrk.Request) -> float:
    """One request as wrk will send it, in milliseconds; a page that errs or redirects would
    measure nothing, so it stops the run."""
    headers, body = request.variants[0]
    started = time.perf_counter()
    status, response_headers, content = fetch(
        port, request.method, request.path, headers, body.encode() or None
    )
    elapsed = (time.perf_counter() - started) * 1000
    if name == "questionnaire_post":
        ok = status == 302 and "sent=1" in response_headers.get("Location", "")
    else:
        ok = status == 200
    if name.endswith("_get") and b"<form" not in content:
        ok = False
    if not ok:
        raise SystemExit(
            f"{name}: {request.method} {request.path} answered {status} "
            f"{response_headers.get('Location', '')}\n{content[:1500].decode(errors='replace')}"
        )
    return elapsed


def load(binary, server, request, *, script, duration) -> wrk.WrkResult:
    """One wrk run, then gunicorn cleared of what wrk left behind.

    A sync worker serves every connection it has accepted even after wrk hung up, so up to
    `connections` requests outlive a run. After fast pages their longest latency bounds the
    wait; after slow ones (an admin page at municipality scale can take longer than the whole
    run) gunicorn is restarted, so the next page does not pay for them.
    """
    result = wrk.run(binary, server.base_url, request, script_path=script, duration=duration)
    if result.requests == 0 or result.max_ms > SLOW_MS:
        server.restart()
    else:
        time.sleep(result.max_ms / 1000 * 1.2 + 0.1)
    return result


def single_ms(server, name: str, request: wrk.Request, *, budget_s: float) -> float:
    """The page's time alone: the median of a few requests one after another, after one per
    worker to warm it (templates compiled, per-process caches filled). A page slower than
    the budget gets fewer requests: at municipality scale one can take a minute."""
    times, spent = [], 0.0
    for _ in range(WORKERS + SEQUENTIAL):
        times.append(smoke_check(server.port, name, request))
        spent += times[-1] / 1000
        if spent > budget_s:
            break
    return round(statistics.median(times[WORKERS:] or times[-1:]), 1)


def measure(binary, server, name, request, *, duration, warmup, scripts, before=None) -> dict:
    """wrk on one page, with its time alone; `before()` runs between warm-up and measure.

    A page that takes half the run alone would complete next to nothing under 8 connections
    and leave minutes of work behind: it gets its time alone only.
    """
    alone = single_ms(server, name, request, budget_s=3 * duration)
    if alone > duration * 1000 / 2:
        log(f"  {name:<20} alone {alone:7.1f} ms: too slow for a {duration:g} s wrk run")
        return {"single_ms": alone, "skipped": "slower than half the run"}, None
    script = str(Path(scripts) / f"{name}.lua")
    if warmup:
        load(binary, server, request, script=script, duration=warmup)
    state = before() if before else None
    result = load(binary, server, request, script=script, duration=duration)
    log(
        f"  {name:<20} {result.rps:8.1f} req/s  p50 {result.p50_ms:7.1f} ms  "
        f"p95 {result.p95_ms:7.1f} ms  alone {alone:7.1f} ms"
        + (f"  errors {result.errors}" if result.errors else "")
    )
    return {**result.as_dict(), "single_ms": alone}, state


# Cheap pages first; the POSTs before the admin pages, whose leftovers are the heaviest.
ORDER = (
    "healthz",
    "roadmap",
    "section",
    "reference_get",
    "questionnaire_get",
    "reference_post",
    "questionnaire_post",
)


def run_profile(profile: str, database_url: str, engine: str, options, binary: str) -> dict:
    started = time.monotonic()
    (DATA_DIR / "static").mkdir(parents=True, exist_ok=True)
    if engine == "postgresql":
        ensure_postgres_database(database_url)
    env = django_env(database_url)
    log(f"{profile}: migrate ({engine})")
    manage(env, "migrate", "--noinput", quiet=True)
    source = load_data(profile, env, seed=options.seed)
    log(f"{profile}: prepare pages, users and sessions")
    prepared = probe(env, "prepare")
    data_seconds = time.monotonic() - started
    requests = requests_for(prepared)
    measured: dict[str, dict] = {}
    posts: dict[str, dict] = {}
    server_log = DATA_DIR / f"gunicorn-{profile}.log"
    with tempfile.TemporaryDirectory(prefix="bench-lua-") as scripts:
        server = Server(env, server_log)
        try:
            server.wait_ready()
            for name, request in requests.items():
                smoke_check(server.port, name, request)
            log(f"{profile}: wrk {options.duration:g} s per page (+{options.warmup:g} s warm-up)")
            names = [name for name in ORDER if name in requests]
            names += [name for name in requests if name not in ORDER]
            for name in names:
                page = name.removesuffix("_post")
                count = (lambda page=page: probe(env, "count")[page]) if page != name else None
                measured[name], before = measure(
                    binary,
                    server,
                    name,
                    requests[name],
                    duration=options.duration,
                    warmup=options.warmup,
                    scripts=scripts,
                    before=count,
                )
                if count and before is not None:
                    created = count() - before
                    posts[name] = {"sent": measured[name]["requests"], "created": created}
        finally:
            server.stop()
        if prepared["page_cache_seconds"]:
            log(f"{profile}: public pages with the page cache off")
            server = Server(django_env(database_url, PAGE_CACHE_SECONDS=0), server_log)
            try:
                server.wait_ready()
                for name in ("roadmap", "section"):
                    if name in requests:
                        measured[f"{name}_rendered"], _state = measure(
                            binary,
                            server,
                            f"{name}_rendered",
                            requests[name],
                            duration=options.duration,
                            warmup=options.warmup,
                            scripts=scripts,
                        )
            finally:
                server.stop()
    log(f"{profile}: query counts of the admin and form pages")
    # The first respondent's two bodies: the warm-up sends one, the counted request the other,
    # so that the counted answer changes the record as under load.
    respondents = len(prepared["sessions"])
    forms = {
        name: [
            request.method,
            request.path,
            request.variants[0][1],
            request.variants[respondents % len(request.variants)][1],
        ]
        for name, request in requests.items()
        if name.startswith(("reference_", "questionnaire_"))
    }
    queries = probe(
        env, "queries", "--urls", json.dumps(prepared["admin_urls"]), "--forms", json.dumps(forms)
    )
    report = {"submissions": prepared["report_submissions"], "page": prepared["report_page"]}
    if prepared["report_page"] and not options.skip_report:
        for kind in ("html", "xlsx"):
            log(f"{profile}: results report {kind} of {prepared['report_submissions']:,} answers")
            report[kind] = probe(
                env, "report", "--page", str(prepared["report_page"]), "--format", kind
            )
    return {
        "engine": engine,
        "database": database_url
        if engine == "postgresql"
        else str(Path(urlsplit(database_url).path)),
        "data_source": source,
        "data": prepared["data"],
        "page_cache_seconds": prepared["page_cache_seconds"],
        "history_versions": prepared["history_versions"],
        "roadmap_events": prepared["public"]["roadmap_events"],
        "urls": {name: request.path for name, request in requests.items()},
        "targets": measured,
        "posts": posts,
        "queries": queries,
        "report": report,
        "seconds": {
            "data_and_prepare": round(data_seconds, 1),
            "total": round(time.monotonic() - started, 1),
        },
    }


def notes(result: dict, compared_with: str | None) -> list[str]:
    found = []
    for name, profile in result["profiles"].items():
        data = profile["data"]
        found.append(
            f"{name}: {profile['engine']}, data from {profile['data_source']}; "
            f"{data['participants']:,} participants, {data['pairs']:,} pairs, "
            f"{data['meetings']:,} meetings, {data['questionnaire_submissions']:,} answers; "
            f"history of {profile['history_versions']:,} versions; "
            f"page cache {profile['page_cache_seconds']} s"
        )
    setup = result["setup"]
    found.append(
        f"gunicorn {setup['workers']} sync workers; wrk {setup['threads']} threads × "
        f"{setup['connections']} connections × {setup['duration_s']:g} s per page, on the same "
        f"{setup['cpus']}-CPU machine; ratios of req/s; «alone» is the median of sequential requests, and what compares profiles"
    )
    if compared_with:
        found.append(f"scaling compared with {compared_with}")
    elif not {"school", "municipality"} <= set(result["profiles"]):
        found.append(
            'no municipality-vs-school comparison: run `make bench PROFILES="school municipality"`'
        )
    found.append(
        "our questionnaire POST answers 302 (redirect to ?sent=1); the stock page renders its "
        "landing page (200)"
    )
    return found


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.run", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--profiles", nargs="+", choices=PROFILES, default=["school"])
    parser.add_argument("--duration", type=float, default=10, help="seconds of wrk per page")
    parser.add_argument("--warmup", type=float, default=2, help="seconds of warm-up per page")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--skip-report", action="store_true", help="no results report timing")
    options = parser.parse_args(argv)
    started_at = datetime.datetime.now(datetime.UTC)
    started = time.monotonic()
    binary = wrk.ensure_wrk()
    load_at_start = [round(value, 2) for value in os.getloadavg()]
    base_url = os.environ.get("DATABASE_URL", "")
    profiles = {}
    engine = None
    for profile in options.profiles:
        url, engine = profile_database(profile, base_url)
        profiles[profile] = run_profile(profile, url, engine, options, binary)
    stored_other, compared_with = None, None
    if len(profiles) == 1:
        other = "municipality" if "school" in profiles else "school"
        found = results.latest_stored(RESULTS_DIR, other, engine)
        if found:
            path, data = found
            stored_other = {other: data}
            compared_with = f"the stored {other} result {path.relative_to(ROOT)}"
    result = {
        "started_at": started_at.isoformat(timespec="seconds"),
        "elapsed_s": None,
        "setup": {
            "workers": WORKERS,
            "threads": 2,
            "connections": 8,
            "duration_s": options.duration,
            "warmup_s": options.warmup,
            "cpus": os.cpu_count(),
            "load_average_at_start": load_at_start,
        },
        "profiles": profiles,
        "compared_with": compared_with,
    }
    result["checks"] = results.as_dicts(results.all_checks(profiles, stored_other))
    result["notes"] = notes(result, compared_with)
    result["elapsed_s"] = round(time.monotonic() - started, 1)
    result["setup"]["load_average_at_end"] = [round(value, 2) for value in os.getloadavg()]
    result["notes"].append(
        f"elapsed {result['elapsed_s']:.0f} s; load average (1 min) {load_at_start[0]} at the "
        f"start, {result['setup']['load_average_at_end'][0]} at the end: other work on the "
        "machine skews every number"
    )
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    name = f"{'+'.join(options.profiles)}-{started_at:%Y%m%dT%H%M%SZ}.json"
    text = json.dumps(result, ensure_ascii=False, indent=2)
    (RESULTS_DIR / name).write_text(text)
    (RESULTS_DIR / "latest.json").write_text(text)
    print(results.table(result))
    print(f"\nJSON: {(RESULTS_DIR / name).relative_to(ROOT)} (and latest.json)")


if __name__ == "__main__":
    main()
