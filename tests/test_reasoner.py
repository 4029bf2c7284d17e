"""The reasoner: the explanation is exactly what produced the rank."""

from __future__ import annotations

import math

import pytest

from marrowchat.core.engine import Engine
from marrowchat.core.reasoner import rank


def test_probabilities_sum_to_one_and_explain_the_score(fixture_engine: Engine) -> None:
    _, snap = fixture_engine.run_turns(["1", "6", "2", "yes", "no", "8"])
    ddx = rank(fixture_engine.bundle, snap.facts)
    assert sum(r.probability for r in ddx.ranked) == pytest.approx(1.0)
    for r in ddx.ranked:
        explained = math.log(r.condition.prior) + sum(c.weight for c in r.support + r.against)
        assert r.score == pytest.approx(explained)


def test_ranks_follow_the_evidence(fixture_engine: Engine) -> None:
    _, snap = fixture_engine.run_turns(["homogeneous", "on neulasta, 3 days ago"])
    ddx = rank(fixture_engine.bundle, snap.facts)
    assert ddx.ranked[0].id == "gcsf"
    _, snap = fixture_engine.run_turns(["focal", "fever. no g-csf"])
    ddx = rank(fixture_engine.bundle, snap.facts)
    assert ddx.ranked[0].id != "gcsf"


def test_red_flag_fires(fixture_engine: Engine) -> None:
    _, snap = fixture_engine.run_turns(["1", "fever, Hb 8"])
    ddx = rank(fixture_engine.bundle, snap.facts)
    assert [f.flag.id for f in ddx.red_flags] == ["fever_anaemia"]


def test_balance_and_drivers(fixture_engine: Engine) -> None:
    _, snap = fixture_engine.run_turns(["focal", "Hb 8"])
    ddx = rank(fixture_engine.bundle, snap.facts)
    assert ddx.balance.malignant + ddx.balance.benign == pytest.approx(1.0)
    assert ddx.balance.drivers and ddx.balance.drivers[0].shift > 0


def test_levers_are_unknown_findings(fixture_engine: Engine) -> None:
    _, snap = fixture_engine.run_turns(["homogeneous"])
    ddx = rank(fixture_engine.bundle, snap.facts)
    for r in ddx.ranked:
        assert all(not snap.facts.known(lv.finding) for lv in r.levers)
