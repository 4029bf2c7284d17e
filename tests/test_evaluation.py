"""Scoring: a case's `acceptable` answers count beside the strict rank of the expected one."""

from __future__ import annotations

from marrowchat.core.evaluation import CaseRun, metrics
from marrowchat.core.loading import Bundle


def test_an_acceptable_first_answer_is_counted_apart_from_the_strict_top1(shipped: Bundle) -> None:
    case = next(c for c in shipped.cases.values() if c.acceptable)
    other = case.acceptable[0]
    strict = CaseRun(case, "assess", 1, [case.expected, other], [], [], 0.6)
    second = CaseRun(case, "assess", 2, [other, case.expected], [], [], 0.3)
    wrong = CaseRun(case, "assess", 4, ["zz_not_it", other, "yy"], [], [], 0.1)
    assert (strict.top1_acceptable, second.top1_acceptable, wrong.top1_acceptable) == (True, True, False)
    mt = metrics([strict, second, wrong])
    assert (round(mt.top1, 3), round(mt.top1_acceptable, 3)) == (0.333, 0.667)
    assert mt.to_json()["top1_acceptable"] == 0.6667
