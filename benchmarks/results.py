"""Ratios, the targets the benchmark reports, the table, and the stored JSON results.

Pure functions over the result document that run.py builds, so they are tested without a
server. A profile's part of the document::

    {"targets": {name: {"rps", "p50_ms", "p95_ms", ...}},      # wrk, see wrk.WrkResult
     "queries": {name: {"queries", "status", "in_process_ms"}},  # admin pages, in-process
     "report": {"submissions": N, "html": {...}, "xlsx": {...}},  # probe.report
     "posts": {name: {"sent", "created"}}, ...}
"""

import json
from dataclasses import asdict, dataclass
from pathlib import Path

BARE = "healthz"
PUBLIC = ("roadmap", "section")
RENDERED = {"roadmap_rendered": "roadmap", "section_rendered": "section"}
FORMS = {"questionnaire_get": "reference_get", "questionnaire_post": "reference_post"}
ADMIN = (
    "admin_participants",
    "admin_pairs",
    "admin_meetings",
    "admin_submissions",
    "admin_history",
    "admin_journal",
)
LABELS = {
    "healthz": "/healthz: bare view, the limit",
    "roadmap": "roadmap page, anonymous",
    "section": "section index, anonymous",
    "roadmap_rendered": "roadmap page, page cache off",
    "section_rendered": "section index, page cache off",
    "reference_get": "stock Wagtail form GET",
    "questionnaire_get": "questionnaire GET",
    "reference_post": "stock Wagtail form POST",
    "questionnaire_post": "questionnaire POST",
    "admin_participants": "admin: participants",
    "admin_pairs": "admin: pairs",
    "admin_meetings": "admin: meetings",
    "admin_submissions": "admin: submissions",
    "admin_history": "admin: record history",
    "admin_journal": "admin: change journal",
}
ORDER = (
    BARE,
    *PUBLIC,
    *RENDERED,
    "reference_get",
    "questionnaire_get",
    "reference_post",
    "questionnaire_post",
    *ADMIN,
)

PUBLIC_MIN = 0.5
POST_MIN = 0.8
SCALE_MAX = 1.5
REPORT_MAX_SECONDS = 60
REPORT_MAX_MB = 1024
REPORT_FULL_SIZE = 1_000_000
BASE, SCALED = "school", "municipality"


@dataclass(frozen=True)
class Check:
    profile: str
    target: str  # a key of LABELS, or "report_html" / "report_xlsx"
    value: str
    goal: str
    ok: bool | None  # None: nothing to judge (informational, or data missing)


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if not numerator or not denominator:
        return None
    return numerator / denominator


def _rps(profile: dict, name: str) -> float | None:
    return (profile.get("targets", {}).get(name) or {}).get("rps")


def _time(profile: dict, name: str) -> float | None:
    """A page's time alone (sequential requests); wrk's p50 for results without it.

    Under wrk's 8 connections on 2 workers a request mostly waits its turn, and a page slower
    than the run has no p50 at all, so the time alone is what compares two profiles.
    """
    measured = profile.get("targets", {}).get(name) or {}
    return measured.get("single_ms") or measured.get("p50_ms")


def _queries(profile: dict, name: str) -> int | None:
    return (profile.get("queries", {}).get(name) or {}).get("queries")


def _times(value: float | None, of: str) -> str:
    return "—" if value is None else f"{value:.2f}× {of}"


def profile_checks(name: str, profile: dict) -> list[Check]:
    """The targets judged within one profile: public pages, the POST, the report."""
    checks = []
    bare = _rps(profile, BARE)
    for page in PUBLIC:
        value = ratio(_rps(profile, page), bare)
        ok = None if value is None else value >= PUBLIC_MIN
        checks.append(Check(name, page, _times(value, "bare"), f"≥ {PUBLIC_MIN}×", ok))
    for rendered in RENDERED:
        value = ratio(_rps(profile, rendered), bare)
        checks.append(Check(name, rendered, _times(value, "bare"), "info", None))
    for ours, stock in FORMS.items():
        value = ratio(_rps(profile, ours), _rps(profile, stock))
        judged = ours == "questionnaire_post"
        ok = None if value is None or not judged else value >= POST_MIN
        checks.append(
            Check(name, ours, _times(value, "stock"), f"≥ {POST_MIN}×" if judged else "info", ok)
        )
    report = profile.get("report") or {}
    for kind in ("html", "xlsx"):
        measured = report.get(kind)
        if not measured:
            continue
        ok = (
            measured.get("status") == 200
            and measured["seconds"] <= REPORT_MAX_SECONDS
            and measured["peak_rss_mb"] <= REPORT_MAX_MB
        )
        size = report.get("submissions", 0)
        goal = f"≤ {REPORT_MAX_SECONDS} s, ≤ {REPORT_MAX_MB} MB"
        if size < REPORT_FULL_SIZE:
            goal += f" (at {REPORT_FULL_SIZE:,}; here {size:,})"
        checks.append(
            Check(
                name,
                f"report_{kind}",
                f"{measured['seconds']:.1f} s, {measured['peak_rss_mb']:.0f} MB",
                goal,
                ok,
            )
        )
    return checks


def scale_checks(base: dict, scaled: dict, *, scaled_name: str = SCALED) -> list[Check]:
    """Each admin page at the big profile against the small one: time and query count."""
    checks = []
    for page in ADMIN:
        value = ratio(_time(scaled, page), _time(base, page))
        base_queries, scaled_queries = _queries(base, page), _queries(scaled, page)
        same = base_queries is not None and base_queries == scaled_queries
        times = f"{_fmt(_time(base, page), '.0f')} → {_fmt(_time(scaled, page), '.0f')} ms"
        text = f"{_times(value, 'school')} ({times}); queries {base_queries} → {scaled_queries}"
        ok = None if value is None else (value <= SCALE_MAX and same)
        checks.append(Check(scaled_name, page, text, f"≤ {SCALE_MAX}×, same queries", ok))
    return checks


def all_checks(profiles: dict, stored_other: dict | None = None) -> list[Check]:
    """Every target of the run; the scaling ones need both profiles, run now or stored."""
    checks = [check for name, data in profiles.items() for check in profile_checks(name, data)]
    base = profiles.get(BASE) or (stored_other or {}).get(BASE)
    scaled = profiles.get(SCALED) or (stored_other or {}).get(SCALED)
    if base and scaled:
        checks += scale_checks(base, scaled)
    return checks


# --- the table -----------------------------------------------------------------------------


def _verdict(ok: bool | None) -> str:
    return {True: "ok", False: "FAIL", None: ""}[ok]


def _fmt(value, spec: str) -> str:
    return "" if value is None else format(value, spec)


def table(result: dict) -> str:
    """One table: every measured page of every profile, then the report, with the targets."""
    checks = {(c.profile, c.target): c for c in (Check(**c) for c in result.get("checks", []))}
    header = (
        "profile",
        "measure",
        "req/s",
        "p50 ms",
        "p95 ms",
        "alone ms",
        "queries",
        "ratio",
        "target",
        "",
    )
    rows = [header]
    for name, profile in result["profiles"].items():
        targets = profile.get("targets", {})
        for target in ORDER:
            measured = targets.get(target)
            if measured is None:
                continue
            # The admin pages' targets compare two profiles: they have rows of their own below.
            check = None if target in ADMIN else checks.get((name, target))
            label = LABELS[target]
            if measured.get("skipped"):
                label += " [no wrk run: too slow]"
            if measured.get("errors"):
                label += f" [errors: {measured['errors']}]"
            post = profile.get("posts", {}).get(target)
            if post:
                label += f" [created {post['created']}/{post['sent']}]"
            rows.append(
                (
                    name,
                    label,
                    _fmt(measured.get("rps"), ".1f"),
                    _fmt(measured.get("p50_ms"), ".1f"),
                    _fmt(measured.get("p95_ms"), ".1f"),
                    _fmt(measured.get("single_ms"), ".1f"),
                    _fmt(_queries(profile, target), "d"),
                    check.value if check else "",
                    check.goal if check else "",
                    _verdict(check.ok) if check else "",
                )
            )
        report = profile.get("report") or {}
        for kind in ("html", "xlsx"):
            check = checks.get((name, f"report_{kind}"))
            if check:
                label = f"results report {kind.upper()}, {report.get('submissions', 0):,} answers"
                rows.append(
                    (name, label, "", "", "", "", "", check.value, check.goal, _verdict(check.ok))
                )
    scaled = [c for c in checks.values() if c.target in ADMIN]
    if scaled:
        rows.append(("",) * len(header))
        for check in scaled:
            label = f"{LABELS[check.target]}: {SCALED} vs {BASE}"
            rows.append(
                ("scale", label, "", "", "", "", "", check.value, check.goal, _verdict(check.ok))
            )
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(header))]
    numeric = {2, 3, 4, 5, 6}
    lines = []
    for index, row in enumerate(rows):
        cells = [
            str(cell).rjust(widths[i]) if i in numeric else str(cell).ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * width for width in widths))
    notes = result.get("notes", [])
    return "\n".join([*lines, *(f"* {note}" for note in notes)])


# --- stored results ------------------------------------------------------------------------


def as_dicts(checks: list[Check]) -> list[dict]:
    return [asdict(check) for check in checks]


def latest_stored(results_dir: Path, profile: str, engine: str) -> tuple[Path, dict] | None:
    """The newest stored result that measured `profile` on the same database engine."""
    candidates = sorted(
        (path for path in results_dir.glob("*.json") if path.name != "latest.json"),
        key=lambda path: path.name.rsplit("-", 1)[-1],
        reverse=True,
    )
    for path in candidates:
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        stored = data.get("profiles", {}).get(profile)
        if stored and stored.get("engine") == engine and stored.get("targets"):
            return path, stored
    return None
