"""`make bench-matching` runs end to end on a small pool and writes what it prints."""

import json

from benchmarks.matching import main


def test_the_benchmark_prints_and_writes_its_figures(tmp_path, capsys):
    figures = main(["--mentees", "60", "--mentors", "15", "--out", str(tmp_path)])

    assert capsys.readouterr().out.startswith("matching 60×15: ")
    assert json.loads((tmp_path / "matching-latest.json").read_text()) == figures
    assert figures["matched"] > 0
    assert figures["total_points"] >= figures["greedy_total_points"]
