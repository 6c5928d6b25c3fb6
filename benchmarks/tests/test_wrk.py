"""Reading wrk's output and writing its Lua script: no server, no database."""

import pytest

from benchmarks import wrk
from benchmarks.run import profile_database

LINE = (
    'BENCH_JSON {"requests": 1500, "duration_us": 10000000, "p50_us": 4200, "p95_us": 9100, '
    '"p99_us": 15000, "mean_us": 5100.5, "max_us": 30000, "errors": {"connect": 0, "read": 0, '
    '"write": 0, "status": 3, "timeout": 0}}'
)


def test_the_json_line_is_read_among_wrks_own_summary():
    output = f"Running 10s test @ http://127.0.0.1:1/\n  2 threads\n{LINE}\nRequests/sec: 150.00\n"

    result = wrk.parse_output(output)

    assert result.requests == 1500
    assert result.rps == 150
    assert (result.p50_ms, result.p95_ms, result.max_ms) == (4.2, 9.1, 30.0)
    assert result.errors == {"status": 3}
    assert result.as_dict()["rps"] == 150.0


def test_output_without_the_line_is_an_error_not_a_zero():
    with pytest.raises(ValueError, match="BENCH_JSON"):
        wrk.parse_output("unable to connect to 127.0.0.1:1 Connection refused\n")


def test_the_script_cycles_through_the_variants_and_escapes_them():
    request = wrk.Request(
        "/anketa/",
        method="POST",
        variants=(
            ({"Cookie": "sessionid=a"}, 'name=%D0%98&quote="'),
            ({"Cookie": "sessionid=b"}, "name=2"),
        ),
    )

    script = wrk.lua_script(request)

    assert 'local method, path = "POST", "/anketa/"' in script
    assert '["Cookie"] = "sessionid=a"' in script
    assert 'body = "name=%D0%98&quote=\\""' in script
    assert "variants[(counter % #variants) + 1]" in script
    assert "latency:percentile(95)" in script


def test_each_profile_gets_a_database_of_its_own():
    postgres, engine = profile_database("municipality", "postgres://postgres@127.0.0.1:5432/portal")
    sqlite, sqlite_engine = profile_database("school", "")

    assert postgres == "postgres://postgres@127.0.0.1:5432/bench_municipality"
    assert engine == "postgresql"
    assert sqlite.endswith("benchmarks/.data/bench_school.sqlite3")
    assert sqlite_engine == "sqlite"
