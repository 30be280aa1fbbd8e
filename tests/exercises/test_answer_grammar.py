"""The answer grammar's shared inputs (answers.json): Python's verdicts. The browser test
(tests/site/test_exercise_pages.py) checks that the page gives the same on every one."""

import json
from pathlib import Path

import pytest

from nnbook.exercises import check

CASES = json.loads((Path(__file__).with_name("answers.json")).read_text())["cases"]


def test_the_shared_file_covers_the_grammar():
    assert len(CASES) >= 80
    assert {case["status"] for case in CASES} == {"right", "wrong", "invalid"}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['exercise']}:{c['input'][:20]!r}")
def test_python_reads_each_input_as_the_grammar_says(case):
    feedback = check(case["exercise"], case["input"])
    assert feedback.status == case["status"], feedback.message
    assert case["says"] in feedback.message
