"""`make bench-matching`: the matching engine on a municipality-sized pool, against greedy.

Prints `matching 5000×1000: N s` and the totals, and writes
benchmarks/results/matching-<UTC time>.json and matching-latest.json. The pool is made of
values, as programmes/selectors/matching.py hands them to the engine, from texts written the
way schools write requests and competences, so the lemmatising is timed too. The same seed
gives the same pool; the target is in benchmarks/README.md.
"""

import argparse
import json
import os
import random
import resource
import time
from datetime import UTC, datetime
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"
SUBJECTS = [
    ("подготовка к ОГЭ по математике", "математика, ОГЭ"),
    ("помощь с физикой", "физика"),
    ("олимпиада по информатике", "информатика и олимпиадное программирование"),
    ("английский язык, разговорная речь", "английский язык"),
    ("подготовка к ЕГЭ по русскому языку", "русский язык, ЕГЭ"),
    ("проект по биологии", "биология, исследовательские проекты"),
    ("химия: решение задач", "решение задач по химии"),
    ("история и обществознание", "обществознание"),
    ("выбор профессии", "профориентация"),
    ("робототехника", "робототехника и конструирование"),
    ("шахматы", "шахматы"),
    ("публичные выступления", "ораторское мастерство"),
]
FORMATS = ["", "in_person", "remote"]


def build_pool(mentees: int, mentors: int, seed: int):
    from programmes.matching.pool import Person, Pool, Settings

    rng = random.Random(seed)

    def topics(side: int) -> str:
        return "\n".join(pair[side] for pair in rng.sample(SUBJECTS, rng.randint(1, 3)))

    mentor_people = [
        Person.with_topics(
            topics(1),
            pk=100_000 + k,
            name=f"Наставник {k}",
            category="student",
            class_number=rng.randint(8, 11),
            preferred_format=rng.choice(FORMATS),
            capacity=rng.randint(1, 5),
        )
        for k in range(mentors)
    ]
    mentee_people = [
        Person.with_topics(
            topics(0),
            pk=k,
            name=f"Наставляемый {k}",
            category="student",
            class_number=rng.randint(5, 10),
            preferred_format=rng.choice(FORMATS),
        )
        for k in range(mentees)
    ]
    choices = set()
    for _ in range(mentees // 2):
        mentee, mentor = rng.randrange(mentees), 100_000 + rng.randrange(mentors)
        choices.add((mentee, mentor))
        if rng.random() < 0.5:
            choices.add((mentor, mentee))
    return Pool(
        settings=Settings(rule="pupil_pupil", class_gap=1),
        mentors=mentor_people,
        mentees=mentee_people,
        choices=choices,
    )


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentees", type=int, default=5000)
    parser.add_argument("--mentors", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--out", type=Path, default=RESULTS, help="where the JSON goes")
    arguments = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
    import django

    django.setup()
    import numpy as np
    from django.utils import translation

    from programmes.matching.engine import suggest
    from programmes.matching.rules import FITS, verdicts
    from programmes.matching.scoring import score_matrix
    from programmes.matching.solver import UNMATCHED, greedy, total

    translation.activate("ru")
    started = time.perf_counter()
    pool = build_pool(arguments.mentees, arguments.mentors, arguments.seed)
    built = time.perf_counter()
    result = suggest(pool)
    seconds = time.perf_counter() - started
    page = time.perf_counter()
    for suggestion in result.suggestions[:100]:  # the first page of the screen
        suggestion.lines  # noqa: B018
    explaining = time.perf_counter() - page

    scores = score_matrix(pool)
    allowed = verdicts(pool) == FITS
    capacity = np.array([m.capacity for m in pool.mentors])
    least = pool.settings.min_score * 10
    baseline = greedy(scores=scores, allowed=allowed & (scores >= least), capacity=capacity)
    figures = {
        "mentees": arguments.mentees,
        "mentors": arguments.mentors,
        "seed": arguments.seed,
        "seconds": round(seconds, 2),
        "seconds_building_pool": round(built - started, 2),
        "seconds_explaining_first_page": round(explaining, 2),
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "matched": len(result.suggestions),
        "total_points": result.tenths / 10,
        "greedy_matched": int((baseline != UNMATCHED).sum()),
        "greedy_total_points": total(scores, baseline) / 10,
        "cpus": os.cpu_count(),
        "at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    print(f"matching {arguments.mentees}×{arguments.mentors}: {seconds:.1f} s")
    print(
        f"  pairs {figures['matched']}, total {figures['total_points']:.1f} points; greedy: "
        f"pairs {figures['greedy_matched']}, total {figures['greedy_total_points']:.1f}; "
        f"memory {figures['max_rss_mb']} MB"
    )
    arguments.out.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for name in (f"matching-{stamp}.json", "matching-latest.json"):
        (arguments.out / name).write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
    return figures


if __name__ == "__main__":
    main()
