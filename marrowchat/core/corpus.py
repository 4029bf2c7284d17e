"""Score the matcher on a phrase corpus: precision and recall per kind of finding (present, absent, value)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from marrowchat.core import models as m
from marrowchat.core.loading import Bundle
from marrowchat.core.matcher import Matcher

KINDS = ("present", "absent", "value")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class PhraseError:
    text: str
    missing: list[str]
    extra: list[str]


@dataclass
class CorpusScore:
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in (*KINDS, "uncertain", "implausible")})
    scope_errors: int = 0  # expected present, read absent, or the reverse
    boolean_expectations: int = 0
    errors: list[PhraseError] = field(default_factory=list)
    timings: list[tuple[float, str]] = field(default_factory=list)
    phrases: int = 0

    @property
    def overall(self) -> Tally:
        t = Tally()
        for k in KINDS:
            t.tp += self.tallies[k].tp
            t.fp += self.tallies[k].fp
            t.fn += self.tallies[k].fn
        return t

    @property
    def scope_error_rate(self) -> float:
        return self.scope_errors / self.boolean_expectations if self.boolean_expectations else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "phrases": self.phrases,
            "by_kind": {k: {"tp": t.tp, "fp": t.fp, "fn": t.fn, "precision": round(t.precision, 4),
                            "recall": round(t.recall, 4)} for k, t in self.tallies.items()},
            "overall": {"precision": round(self.overall.precision, 4), "recall": round(self.overall.recall, 4)},
            "negation_scope_error_rate": round(self.scope_error_rate, 4),
        }


def _closure(bundle: Bundle, ids: set[str], denied: bool = False) -> set[str]:
    """The findings present with ``ids`` (through implied_by), or absent with them (through denied_by, as the
    engine's facts follow a denial to its parts)."""
    out = set(ids)
    changed = True
    while changed:
        changed = False
        for f in bundle.findings.values():
            if f.id not in out and any(src in out for src in (f.denied_by if denied else f.implied_by)):
                out.add(f.id)
                changed = True
    return out


def _items(bundle: Bundle, pairs: list[tuple[str, str | None, float | None]]) -> dict[str, set[Any]]:
    present = {f for f, st, v in pairs if st == "present" and v is None}
    absent = {f for f, st, v in pairs if st == "absent" and v is None}
    values = {(f, v) for f, st, v in pairs if v is not None}
    absent = _closure(bundle, absent, denied=True) - present
    return {"present": _closure(bundle, present), "absent": absent, "value": values}


def _value_match(exp: set[tuple[str, float]], got: set[tuple[str, float]]) -> tuple[int, list[str], list[str]]:
    tp = 0
    missing, extra = [], []
    remaining = list(got)
    for f, v in sorted(exp):
        hit = next((g for g in remaining if g[0] == f and abs(g[1] - v) <= max(0.02 * abs(v), 1e-6)), None)
        if hit is None:
            missing.append(f"{f}={v:g}")
        else:
            remaining.remove(hit)
            tp += 1
    extra = [f"{f}={v:g}" for f, v in remaining]
    return tp, missing, extra


def _tally(tal: Tally, kind: str, exp: set[str], got: set[str], missing: list[str], extra: list[str]) -> None:
    tal.tp += len(exp & got)
    tal.fp += len(got - exp)
    tal.fn += len(exp - got)
    missing += [f"{f}:{kind}" for f in sorted(exp - got)]
    extra += [f"{f}:{kind}" for f in sorted(got - exp)]


def score_corpus(bundle: Bundle, matcher: Matcher, corpus: m.PhraseCorpus) -> CorpusScore:
    score = CorpusScore()
    for phrase in corpus.phrases:
        score.phrases += 1
        t0 = time.perf_counter()
        res = matcher.match(phrase.text)
        score.timings.append((time.perf_counter() - t0, phrase.text))
        expected = _items(bundle, [(e.finding, e.status, e.value) for e in phrase.expect])
        got = _items(bundle, [(e.finding, e.status, e.value) for e in res.findings])
        missing: list[str] = []
        extra: list[str] = []
        for kind in ("present", "absent"):
            _tally(score.tallies[kind], kind, expected[kind], got[kind], missing, extra)
        tp, miss, ext = _value_match(expected["value"], got["value"])
        tal = score.tallies["value"]
        tal.tp += tp
        tal.fn += len(miss)
        tal.fp += len(ext)
        missing += miss
        extra += ext
        score.boolean_expectations += len(expected["present"]) + len(expected["absent"])
        score.scope_errors += len(expected["present"] & got["absent"]) + len(expected["absent"] & got["present"])
        for kind, exp_ids, got_ids in (("uncertain", set(phrase.uncertain), {e.finding for e in res.uncertain}),
                                       ("implausible", set(phrase.implausible), {i.finding for i in res.implausible})):
            _tally(score.tallies[kind], kind, exp_ids, got_ids, missing, extra)
        if missing or extra:
            score.errors.append(PhraseError(phrase.text, missing, extra))
    return score
