"""Score the knowledge base on the case library, by both routes: free text (`assess`) and dialog replay."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal

from marrowchat.core import models as m
from marrowchat.core.engine import Engine
from marrowchat.core.loading import Bundle
from marrowchat.core.reasoner import Differential

Route = Literal["assess", "replay"]
ROUTES: tuple[Route, ...] = ("assess", "replay")


@dataclass
class CaseRun:
    case: m.Case
    route: Route
    rank: int
    top3: list[str]
    flags_expected: list[str]
    flags_fired: list[str]
    probability: float
    p_malignant: float = 0.0
    malignant_expected: bool = False

    @property
    def split_correct(self) -> bool:
        """Did the malignant-vs-reactive balance fall on the right side of one half?"""
        return (self.p_malignant > 0.5) == self.malignant_expected

    @property
    def top1(self) -> bool:
        return self.rank == 1

    @property
    def top1_acceptable(self) -> bool:
        """First is the expected diagnosis or one the case names as also correct (its `acceptable` list)."""
        return self.rank == 1 or (bool(self.top3) and self.top3[0] in self.case.acceptable)

    @property
    def in_top3(self) -> bool:
        return self.rank <= 3

    @property
    def reciprocal(self) -> float:
        return 1.0 / self.rank

    @property
    def flags_hit(self) -> int:
        return len(set(self.flags_expected) & set(self.flags_fired))


@dataclass
class Metrics:
    n: int = 0
    top1: float = 0.0
    top3: float = 0.0
    mrr: float = 0.0
    flag_recall: float | None = None
    split_accuracy: float = 0.0
    top1_acceptable: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"n": self.n, "top1": round(self.top1, 4), "top1_acceptable": round(self.top1_acceptable, 4),
                "top3": round(self.top3, 4), "mrr": round(self.mrr, 4),
                "red_flag_recall": None if self.flag_recall is None else round(self.flag_recall, 4),
                "malignant_split_accuracy": round(self.split_accuracy, 4)}


def metrics(runs: list[CaseRun]) -> Metrics:
    if not runs:
        return Metrics()
    n = len(runs)
    expected = sum(len(r.flags_expected) for r in runs)
    hit = sum(r.flags_hit for r in runs)
    return Metrics(n, sum(r.top1 for r in runs) / n, sum(r.in_top3 for r in runs) / n,
                   sum(r.reciprocal for r in runs) / n, hit / expected if expected else None,
                   sum(r.split_correct for r in runs) / n, sum(r.top1_acceptable for r in runs) / n)


@dataclass
class Evaluation:
    runs: list[CaseRun] = field(default_factory=list)

    def select(self, route: Route | None = None, split: str | None = None, category: str | None = None) -> list[CaseRun]:
        return [r for r in self.runs if (route is None or r.route == route) and (split is None or r.case.split == split)
                and (category is None or r.case.category == category)]

    def confusions(self, limit: int = 8) -> list[tuple[str, str, int]]:
        counts = Counter((r.case.expected, r.top3[0]) for r in self.runs if not r.top1)
        return [(a, b, n) for (a, b), n in counts.most_common(limit)]

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for route in ROUTES:
            block: dict[str, Any] = {"all": metrics(self.select(route)).to_json()}
            for split in ("dev", "heldout"):
                block[split] = metrics(self.select(route, split)).to_json()
            cats: dict[str, Any] = defaultdict(dict)
            for cat in sorted({r.case.category for r in self.runs}):
                cats[cat] = metrics(self.select(route, category=cat)).to_json()
            block["by_category"] = dict(cats)
            out[route] = block
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "cases": [{"case": r.case.id, "route": r.route, "split": r.case.split, "category": r.case.category,
                       "expected": r.case.expected, "rank": r.rank, "probability": round(r.probability, 4),
                       "top3": r.top3, "red_flags_expected": r.flags_expected, "red_flags_fired": r.flags_fired}
                      for r in self.runs],
            "summary": self.summary(),
            "confusions": [{"expected": a, "ranked_first": b, "count": n} for a, b, n in self.confusions()],
        }


def _run(case: m.Case, route: Route, ddx: Differential, malignant: set[str]) -> CaseRun:
    ids = [r.id for r in ddx.ranked]
    rank = ids.index(case.expected) + 1 if case.expected in ids else len(ids) + 1
    prob = ddx.ranked[rank - 1].probability if rank <= len(ids) else 0.0
    return CaseRun(case, route, rank, ids[:3], list(case.red_flags), [f.flag.id for f in ddx.red_flags], prob,
                   ddx.balance.malignant, case.category in malignant)


_WORKER: Engine | None = None


def _init_worker(bundle: Bundle) -> None:
    global _WORKER
    _WORKER = Engine(bundle)


def _evaluate_chunk(job: tuple[list[str], tuple[Route, ...]]) -> list[CaseRun]:
    assert _WORKER is not None
    ids, routes = job
    return evaluate_cases(_WORKER, [_WORKER.bundle.cases[i] for i in ids], routes).runs


def evaluate_cases_parallel(engine: Engine, cases: list[m.Case], routes: tuple[Route, ...] = ROUTES,
                            jobs: int = 1) -> Evaluation:
    """:func:`evaluate_cases` over ``jobs`` processes (each with its own engine over the same bundle). The runs come
    back in the order one process gives them; with one job, or too few cases to share, nothing is forked."""
    import multiprocessing

    jobs = max(1, min(jobs, len(cases) // 50 or 1))
    if jobs == 1 or not all(c.id in engine.bundle.cases for c in cases):
        return evaluate_cases(engine, cases, routes)
    size = -(-len(cases) // (jobs * 4))
    chunks = [([c.id for c in cases[i:i + size]], routes) for i in range(0, len(cases), size)]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with multiprocessing.get_context(method).Pool(jobs, initializer=_init_worker, initargs=(engine.bundle,)) as pool:
        parts = pool.map(_evaluate_chunk, chunks)
    ev = Evaluation()
    for part in parts:
        ev.runs.extend(part)
    return ev


def evaluate_cases(engine: Engine, cases: list[m.Case], routes: tuple[Route, ...] = ROUTES) -> Evaluation:
    ev = Evaluation()
    malignant: set[str] = set(engine.bundle.meta.malignant_categories)
    for case in cases:
        if "assess" in routes:
            _, snap = engine.assess(case.vignette)
            ev.runs.append(_run(case, "assess", engine.differential(snap), malignant))
        if "replay" in routes:
            _, snap = engine.run_answers(dict(case.answers))
            ev.runs.append(_run(case, "replay", engine.differential(snap), malignant))
    return ev
