"""Ratios, targets and the table, from result documents written by hand."""

import json

from benchmarks import results


def target(rps, p50=10.0):
    return {"rps": rps, "p50_ms": p50, "p95_ms": p50 * 2, "requests": int(rps * 10)}


def profile(**overrides):
    data = {
        "engine": "sqlite",
        "targets": {
            "healthz": target(400),
            "roadmap": target(300),
            "section": target(100),
            "roadmap_rendered": target(80),
            "reference_get": target(50),
            "questionnaire_get": target(45),
            "reference_post": target(40),
            "questionnaire_post": target(36),
            **{name: target(5, p50=200) for name in results.ADMIN},
        },
        "queries": {name: {"queries": 14} for name in results.ADMIN},
        "posts": {"questionnaire_post": {"sent": 360, "created": 361}},
        "report": {
            "submissions": 1_000_000,
            "html": {"status": 200, "seconds": 12.5, "peak_rss_mb": 700.0},
            "xlsx": {"status": 200, "seconds": 75.0, "peak_rss_mb": 800.0},
        },
    }
    data.update(overrides)
    return data


def by_target(checks):
    return {(check.profile, check.target): check for check in checks}


def test_public_pages_and_the_post_are_judged_against_their_yardsticks():
    checks = by_target(results.profile_checks("school", profile()))

    assert checks[("school", "roadmap")].ok is True  # 0.75× the bare view
    assert checks[("school", "section")].ok is False  # 0.25×
    assert checks[("school", "section")].value == "0.25× bare"
    assert checks[("school", "questionnaire_post")].ok is True  # 0.9× the stock page
    assert checks[("school", "questionnaire_get")].ok is None  # informational
    assert checks[("school", "roadmap_rendered")].ok is None


def test_the_report_must_meet_both_time_and_memory():
    checks = by_target(results.profile_checks("school", profile()))

    assert checks[("school", "report_html")].ok is True
    assert checks[("school", "report_xlsx")].ok is False
    assert "at 1,000,000" not in checks[("school", "report_html")].goal


def test_a_report_on_fewer_answers_says_so():
    small = profile(
        report={"submissions": 20_000, "html": {"status": 200, "seconds": 1, "peak_rss_mb": 200}}
    )

    check = by_target(results.profile_checks("school", small))[("school", "report_html")]

    assert "here 20,000" in check.goal


def test_missing_pages_are_not_judged():
    checks = by_target(results.profile_checks("school", profile(targets={})))

    assert checks[("school", "roadmap")].ok is None
    assert checks[("school", "roadmap")].value == "—"


def test_admin_pages_scale_by_time_and_need_the_same_queries():
    school = profile()
    municipality = profile()
    municipality["targets"]["admin_pairs"] = target(3, p50=290)  # 1.45×
    municipality["targets"]["admin_meetings"] = target(3, p50=400)  # 2×
    municipality["queries"]["admin_journal"] = {"queries": 15}

    checks = by_target(results.scale_checks(school, municipality))

    assert checks[("municipality", "admin_participants")].ok is True
    assert checks[("municipality", "admin_pairs")].ok is True
    assert checks[("municipality", "admin_meetings")].ok is False
    assert checks[("municipality", "admin_journal")].ok is False
    assert "14 → 15" in checks[("municipality", "admin_journal")].value


def test_scaling_prefers_the_time_alone_to_wrks_p50():
    school, municipality = profile(), profile()
    school["targets"]["admin_journal"]["single_ms"] = 100.0
    municipality["targets"]["admin_journal"] = {"requests": 0, "rps": 0, "single_ms": 12000.0}

    check = by_target(results.scale_checks(school, municipality))[("municipality", "admin_journal")]

    assert check.ok is False
    assert check.value.startswith("120.00× school (100 → 12000 ms)")


def test_scaling_uses_a_stored_profile_when_only_one_was_run():
    checks = results.all_checks({"school": profile()}, stored_other={"municipality": profile()})

    assert {c.target for c in checks if c.profile == "municipality"} == set(results.ADMIN)
    assert not [c for c in results.all_checks({"school": profile()}) if c.target in results.ADMIN]


def test_the_table_has_a_row_per_page_and_the_verdicts():
    profiles = {"school": profile(), "municipality": profile()}
    document = {
        "profiles": profiles,
        "checks": results.as_dicts(results.all_checks(profiles)),
        "notes": ["a note"],
    }

    text = results.table(document)

    assert "/healthz: bare view, the limit" in text
    assert "questionnaire POST [created 361/360]" in text
    assert "admin: record history: municipality vs school" in text
    assert "FAIL" in text  # the XLSX
    assert text.rstrip().endswith("* a note")


def test_the_newest_stored_result_on_the_same_engine_is_found(tmp_path):
    def store(name, engine):
        (tmp_path / name).write_text(
            json.dumps({"profiles": {"municipality": profile(engine=engine)}})
        )

    store("municipality-20260101T000000Z.json", "sqlite")
    store("school+municipality-20260301T000000Z.json", "postgresql")
    store("municipality-20260201T000000Z.json", "sqlite")
    (tmp_path / "latest.json").write_text("{}")

    path, _data = results.latest_stored(tmp_path, "municipality", "sqlite")

    assert path.name == "municipality-20260201T000000Z.json"
    assert results.latest_stored(tmp_path, "school", "sqlite") is None
