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


@dataclass(slots=True)
class Ranked:
    """One condition's place in the differential. The explanation (for, against, levers) is built when first
    asked for: ranking a whole case library needs only the scores."""

    condition: m.Condition
    score: float
    probability: float = 0.0
    facts: Facts | None = field(default=None, repr=False)
    bundle: Bundle | None = field(default=None, repr=False)
    n_levers: int = 4
    _explained: tuple[list[Contribution], list[Contribution], list[Lever]] | None = field(default=None, repr=False)

    @property
    def id(self) -> str:
        return self.condition.id

    def _explain(self) -> tuple[list[Contribution], list[Contribution], list[Lever]]:
        if self._explained is None:
            support: list[Contribution] = []
            against: list[Contribution] = []
            levers: list[Lever] = []
            assert self.facts is not None and self.bundle is not None
            for ev in self.condition.evidence:
                st = self.facts.status(ev.finding)
                label = self.bundle.findings[ev.finding].label
                if st in ("present", "absent"):
                    lr = ev.lr_present if st == "present" else ev.lr_absent
                    if lr == 1:
                        continue
                    fact = self.facts.items[ev.finding]
                    if fact.weight != 1.0:
                        lr = lr ** fact.weight  # an assumed fact counts for less than a stated one
                    (support if lr > 1 else against).append(
                        Contribution(ev.finding, label, st, lr, ev.source, fact.text, fact.via))
                else:
                    levers.append(Lever(ev.finding, label, math.log(ev.lr_present), math.log(ev.lr_absent)))
            support.sort(key=lambda x: -x.weight)
            against.sort(key=lambda x: x.weight)
            levers.sort(key=lambda lv: -lv.reach)
            self._explained = (support, against, levers[: self.n_levers])
        return self._explained

    @property
    def support(self) -> list[Contribution]:
        return self._explain()[0]

    @property
    def against(self) -> list[Contribution]:
        return self._explain()[1]

    @property
    def levers(self) -> list[Lever]:
        return self._explain()[2]

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
    """The summed probability of malignant infiltration against the rest, and (computed when first asked
    for) the findings that moved it: each finding is left out in turn and the split recomputed."""

    malignant: float
    benign: float
    _vector: list[float] = field(default_factory=list, repr=False)
    _deltas: dict[str, list[tuple[int, float]]] = field(default_factory=dict, repr=False)
    _malignant_mask: list[bool] = field(default_factory=list, repr=False)
    _labels: dict[str, str] = field(default_factory=dict, repr=False)
    _drivers: list[Driver] | None = field(default=None, repr=False)

    @property
    def drivers(self) -> list[Driver]:
        if self._drivers is None:
            out = []
            top = max(self._vector)
            weights = [math.exp(v - top) for v in self._vector]
            total = sum(weights)
            mal_total = sum(w for w, mal in zip(weights, self._malignant_mask, strict=True) if mal)
            for fid, entries in self._deltas.items():
                # leave this finding out: only the conditions it touched change weight
                z, zm = total, mal_total
                for ci, d in entries:
                    w_new = math.exp(self._vector[ci] - d - top)
                    z += w_new - weights[ci]
                    if self._malignant_mask[ci]:
                        zm += w_new - weights[ci]
                without = zm / z if z > 0 else 0.0
                shift = self.malignant - without
                if abs(shift) >= 0.005:
                    out.append(Driver(fid, self._labels[fid], shift))
            out.sort(key=lambda d: -abs(d.shift))
            self._drivers = out[:6]
        return self._drivers

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


@dataclass
class _Index:
    """The knowledge base compiled for scoring: per finding, the log-LRs it brings to each condition."""

    ids: list[str]
    log_prior: list[float]
    by_finding: dict[str, list[tuple[int, float, float]]]
    malignant: list[bool]


def _index(bundle: Bundle) -> _Index:
    cached = bundle.cache.get("reasoner")
    if isinstance(cached, _Index):
        return cached
    cats = set(bundle.meta.malignant_categories)
    ids = list(bundle.conditions)
    by_finding: dict[str, list[tuple[int, float, float]]] = {}
    for ci, cid in enumerate(ids):
        for ev in bundle.conditions[cid].evidence:
            by_finding.setdefault(ev.finding, []).append((ci, math.log(ev.lr_present), math.log(ev.lr_absent)))
    idx = _Index(ids, [math.log(bundle.conditions[c].prior) for c in ids], by_finding,
                 [bundle.conditions[c].category in cats for c in ids])
    bundle.cache["reasoner"] = idx
    return idx


def _deltas(idx: _Index, facts: Facts) -> dict[str, list[tuple[int, float]]]:
    """What each known finding adds to each condition's score."""
    out: dict[str, list[tuple[int, float]]] = {}
    for fid, fact in facts.items.items():
        entries = idx.by_finding.get(fid)
        if not entries:
            continue
        w = fact.weight
        if fact.status == "present":
            out[fid] = [(ci, lp * w) for ci, lp, _ in entries]
        elif fact.status == "absent":
            out[fid] = [(ci, la * w) for ci, _, la in entries]
    return out


def _score_vector(idx: _Index, deltas: dict[str, list[tuple[int, float]]]) -> list[float]:
    s = list(idx.log_prior)
    for entries in deltas.values():
        for ci, d in entries:
            s[ci] += d
    return s


def _softmax_list(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(v - top) for v in scores]
    total = sum(exps)
    return [e / total for e in exps]


def _scores(bundle: Bundle, facts: Facts) -> dict[str, float]:
    idx = _index(bundle)
    return dict(zip(idx.ids, _score_vector(idx, _deltas(idx, facts)), strict=True))


def _softmax(scores: dict[str, float]) -> dict[str, float]:
    return dict(zip(scores, _softmax_list(list(scores.values())), strict=True))


def rank(bundle: Bundle, facts: Facts, levers: int = 4) -> Differential:
    idx = _index(bundle)
    deltas = _deltas(idx, facts)
    vector = _score_vector(idx, deltas)
    probs_list = _softmax_list(vector)
    ranking = sorted(zip([-v for v in vector], idx.ids, range(len(vector)), strict=True))  # best first; ties by id
    conditions = bundle.conditions
    ranked = [Ranked(conditions[cid], vector[ci], probs_list[ci], facts, bundle, levers) for _, cid, ci in ranking]
    fired = [FiredFlag(rf) for rf in bundle.red_flags if evaluate(rf.when, facts)]
    order = {"emergency": 0, "urgent": 1, "soon": 2, "routine": 3}
    fired.sort(key=lambda f: order[f.flag.urgency])
    p_mal = sum(p for p, mal in zip(probs_list, idx.malignant, strict=True) if mal)
    labels = {fid: bundle.findings[fid].label for fid in deltas}
    balance = Balance(p_mal, 1 - p_mal, vector, deltas, idx.malignant, labels)
    return Differential(ranked, fired, balance, len(facts))


def what_if_sets(bundle: Bundle, facts: Facts, sets: Mapping[str, str], top: int = 3) -> list[tuple[str, float]]:
    """The top conditions if the findings in ``sets`` had these statuses."""
    from marrowchat.core.facts import Fact

    extra = [Fact(finding=fid, status="present" if st == "present" else "absent", source="what-if")
             for fid, st in sets.items()]
    trial = Facts(bundle, [*facts.stated(), *extra])
    probs = _softmax(_scores(bundle, trial))
    best = sorted(probs.items(), key=lambda kv: -kv[1])[:top]
    return [(bundle.conditions[cid].label, p) for cid, p in best]


def what_if(bundle: Bundle, facts: Facts, finding: str, top: int = 3) -> dict[str, list[tuple[str, float]]]:
    """The top conditions if ``finding`` were present, and if absent (for "why this question")."""
    return {status: what_if_sets(bundle, facts, {finding: status}, top) for status in ("present", "absent")}
