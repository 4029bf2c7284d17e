"""Rank every condition from the known findings, and explain exactly what produced the rank.

A condition's score is ``ln(prior) + Σ ln(LR)`` over the findings that are known: ``lr_present`` for a
present finding, ``lr_absent`` for an absent one; unknown findings add nothing. Probabilities are the
softmax of the scores over all conditions (the conditions are treated as mutually exclusive explanations
of the uptake), so they sum to 1. The explanation lists the very terms of that sum.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from marrowchat.core import models as m
from marrowchat.core.facts import Facts
from marrowchat.core.loading import Bundle
from marrowchat.core.predicates import evaluate


@dataclass(frozen=True)
class Contribution:
    finding: str
    label: str
    status: str
    lr: float
    source: str
    text: str = ""
    via: str | None = None

    @property
    def weight(self) -> float:
        """Natural-log weight of this finding in the condition's score."""
        return math.log(self.lr)

    def to_json(self) -> dict[str, object]:
        return {"finding": self.finding, "label": self.label, "status": self.status,
                "weight": round(self.weight, 3), "lr": self.lr, "source": self.source, "text": self.text}


@dataclass(frozen=True)
class Lever:
    """An unknown finding and how far it could move a condition either way."""

    finding: str
    label: str
    if_present: float  # ln LR
    if_absent: float

    @property
    def reach(self) -> float:
        return max(abs(self.if_present), abs(self.if_absent))


@dataclass
class Ranked:
    condition: m.Condition
    score: float
    probability: float = 0.0
    support: list[Contribution] = field(default_factory=list)
    against: list[Contribution] = field(default_factory=list)
    levers: list[Lever] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.condition.id

    def to_json(self, bundle: Bundle) -> dict[str, object]:
        c = self.condition
        return {
            "id": c.id,
            "label": c.label,
            "category": c.category,
            "grade": c.grade,
            "probability": round(self.probability, 4),
            "score": round(self.score, 3),
            "for": [x.to_json() for x in self.support],
            "against": [x.to_json() for x in self.against],
            "missing": [{"finding": lv.finding, "label": lv.label, "if_present": round(lv.if_present, 3),
                         "if_absent": round(lv.if_absent, 3)} for lv in self.levers],
            "management": [{"text": mg.text, "kind": mg.kind, "urgency": mg.urgency, "refs": mg.refs}
                           for mg in c.management],
            "refs": c.refs,
        }


@dataclass(frozen=True)
class FiredFlag:
    flag: m.RedFlag

    def to_json(self) -> dict[str, object]:
        return {"id": self.flag.id, "label": self.flag.label, "message": self.flag.message,
                "urgency": self.flag.urgency, "refs": self.flag.refs}


@dataclass(frozen=True)
class Driver:
    finding: str
    label: str
    shift: float  # change in P(malignant) this finding caused, in probability points


@dataclass
class Balance:
    malignant: float
    benign: float
    drivers: list[Driver]

    def to_json(self) -> dict[str, object]:
        return {"malignant": round(self.malignant, 4), "benign": round(self.benign, 4),
                "drivers": [{"finding": d.finding, "label": d.label, "shift": round(d.shift, 4)} for d in self.drivers]}


@dataclass
class Differential:
    ranked: list[Ranked]
    red_flags: list[FiredFlag]
    balance: Balance
    known: int

    def top(self, n: int) -> list[Ranked]:
        return self.ranked[:n]

    def rank_of(self, condition_id: str) -> int | None:
        for i, r in enumerate(self.ranked, 1):
            if r.id == condition_id:
                return i
        return None


def _scores(bundle: Bundle, facts: Facts, skip: str | None = None) -> dict[str, float]:
    out = {}
    for c in bundle.conditions.values():
        s = math.log(c.prior)
        for ev in c.evidence:
            if ev.finding == skip:
                continue
            st = facts.status(ev.finding)
            if st == "present":
                s += math.log(ev.lr_present)
            elif st == "absent":
                s += math.log(ev.lr_absent)
        out[c.id] = s
    return out


def _softmax(scores: dict[str, float]) -> dict[str, float]:
    top = max(scores.values())
    exps = {k: math.exp(v - top) for k, v in scores.items()}
    total = sum(exps.values())
    return {k: v / total for k, v in exps.items()}


def _malignant(bundle: Bundle, probs: dict[str, float]) -> float:
    cats = set(bundle.meta.malignant_categories)
    return sum(p for cid, p in probs.items() if bundle.conditions[cid].category in cats)


def rank(bundle: Bundle, facts: Facts, levers: int = 4) -> Differential:
    scores = _scores(bundle, facts)
    probs = _softmax(scores)
    ranked: list[Ranked] = []
    for c in bundle.conditions.values():
        r = Ranked(c, scores[c.id], probs[c.id])
        for ev in c.evidence:
            st = facts.status(ev.finding)
            label = bundle.findings[ev.finding].label
            if st in ("present", "absent"):
                lr = ev.lr_present if st == "present" else ev.lr_absent
                if lr == 1:
                    continue
                fact = facts.items[ev.finding]
                contrib = Contribution(ev.finding, label, st, lr, ev.source, fact.text, fact.via)
                (r.support if lr > 1 else r.against).append(contrib)
            else:
                r.levers.append(Lever(ev.finding, label, math.log(ev.lr_present), math.log(ev.lr_absent)))
        r.support.sort(key=lambda x: -x.weight)
        r.against.sort(key=lambda x: x.weight)
        r.levers.sort(key=lambda lv: -lv.reach)
        r.levers = r.levers[:levers]
        ranked.append(r)
    ranked.sort(key=lambda r: (-r.score, r.id))
    fired = [FiredFlag(rf) for rf in bundle.red_flags if evaluate(rf.when, facts)]
    order = {"emergency": 0, "urgent": 1, "soon": 2, "routine": 3}
    fired.sort(key=lambda f: order[f.flag.urgency])
    p_mal = _malignant(bundle, probs)
    drivers = []
    for fact in facts:
        if fact.status is None or not any(ev.finding == fact.finding for c in bundle.conditions.values() for ev in c.evidence):
            continue
        without = _malignant(bundle, _softmax(_scores(bundle, facts, skip=fact.finding)))
        shift = p_mal - without
        if abs(shift) >= 0.005:
            drivers.append(Driver(fact.finding, bundle.findings[fact.finding].label, shift))
    drivers.sort(key=lambda d: -abs(d.shift))
    return Differential(ranked, fired, Balance(p_mal, 1 - p_mal, drivers[:6]), len(facts))


def what_if_sets(bundle: Bundle, facts: Facts, sets: Mapping[str, str], top: int = 3) -> list[tuple[str, float]]:
    """The top conditions if the findings in ``sets`` had these statuses."""
    from marrowchat.core.facts import Fact

    extra = [Fact(finding=fid, status=st, source="what-if") for fid, st in sets.items()]
    trial = Facts(bundle, [*facts.stated(), *extra])
    probs = _softmax(_scores(bundle, trial))
    best = sorted(probs.items(), key=lambda kv: -kv[1])[:top]
    return [(bundle.conditions[cid].label, p) for cid, p in best]


def what_if(bundle: Bundle, facts: Facts, finding: str, top: int = 3) -> dict[str, list[tuple[str, float]]]:
    """The top conditions if ``finding`` were present, and if absent (for "why this question")."""
    return {status: what_if_sets(bundle, facts, {finding: status}, top) for status in ("present", "absent")}
