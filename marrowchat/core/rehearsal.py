"""Rehearsal: a trainee works a case from the library and is scored against the evidence.

The case's chart is what the case documents (its dialog answers and its vignette, read by the same engine).
The trainee asks questions in free text or by dialog question; each question costs a little (history and
symptoms 1, labs 2, other imaging 3, the dearest new part of a question; the PET itself is free; asking again
is free). The trainee then commits a ranked differential
and next steps, and the score says why: where the true diagnosis ranked, the can't-miss causes left out, the
red flags whose findings were never uncovered, the discriminating questions not asked, and the tests that
changed nothing. Pure: the TUI and scripted replays drive the same functions.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process, utils

from marrowchat.core import models as m
from marrowchat.core.conversation import find_condition
from marrowchat.core.engine import Engine
from marrowchat.core.facts import Fact, Facts
from marrowchat.core.loading import Bundle
from marrowchat.core.predicates import references
from marrowchat.core.reasoner import Differential, rank

COST = {"uptake": 0, "symptoms": 1, "history": 1, "labs": 2, "imaging": 3}


class Asked(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    findings: list[str] = []
    answer: str = ""
    cost: int = 0


class RehearsalState(BaseModel):
    """A rehearsal in progress or finished (serialisable, like a chat session)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    case: str
    asked: list[Asked] = []
    differential: list[str] = []
    next_steps: str = ""
    committed: bool = False


class RehearsalScript(BaseModel):
    """A scripted rehearsal (YAML): the questions asked, the differential and next steps committed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    case: str
    questions: list[str] = []
    differential: list[str] = Field(default=[], description="free text, best first; fuzzy-matched to conditions")
    next_steps: str = ""


@dataclass
class Chart:
    """What the case documents, as facts."""

    case: m.Case
    facts: Facts
    opening: str


@dataclass
class Score:
    case: str
    expected: str
    rank: int | None
    top1: bool
    top3: bool
    reciprocal_rank: float
    cost: int
    cant_miss_missed: list[str]
    red_flags_missed: list[str]
    discriminating_not_asked: list[str]
    tests_that_changed_nothing: list[str]
    steps_matched: list[str]
    steps_missed: list[str]
    points: float
    engine_chart: Differential
    engine_asked: Differential
    trainee: list[str]
    unmatched: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "case": self.case, "expected": self.expected, "rank": self.rank, "top1": self.top1, "top3": self.top3,
            "reciprocal_rank": round(self.reciprocal_rank, 3), "cost": self.cost, "points": round(self.points, 1),
            "cant_miss_missed": self.cant_miss_missed, "red_flags_missed": self.red_flags_missed,
            "discriminating_not_asked": self.discriminating_not_asked,
            "tests_that_changed_nothing": self.tests_that_changed_nothing,
            "next_steps_matched": self.steps_matched, "next_steps_missed": self.steps_missed,
            "trainee_differential": self.trainee, "not_understood": self.unmatched,
            "engine_top3_full_chart": [r.id for r in self.engine_chart.top(3)],
            "engine_top3_from_questions_asked": [r.id for r in self.engine_asked.top(3)],
        }


class Rehearsal:
    def __init__(self, engine: Engine):
        self.engine = engine
        self.bundle: Bundle = engine.bundle
        self._sources: dict[str, list[str]] = {}  # finding -> findings whose value answers it
        self._related: dict[str, list[str]] = {}  # finding -> broader/narrower findings that also answer it
        for f in self.bundle.findings.values():
            for t in f.thresholds:  # "anaemia?" is answered by the haemoglobin value
                self._sources.setdefault(t.sets, []).append(f.id)
                self._related.setdefault(f.id, []).append(t.sets)  # "spleen size?" by "splenomegaly: yes"
            if f.measured_by:
                self._sources.setdefault(f.id, []).append(f.measured_by)
            for broader in f.implied_by:  # "on G-CSF now?" is answered by "G-CSF given: no"
                self._related.setdefault(broader, []).append(f.id)
                self._related.setdefault(f.id, []).append(broader)

    # ------------------------------------------------------------------ cases

    def numbered(self) -> list[m.Case]:
        return sorted(self.bundle.cases.values(), key=lambda c: c.id)

    def pick(self, ident: str | None = None, *, category: str | None = None, seed: int | None = None) -> m.Case:
        cases = self.numbered()
        if category:
            cases = [c for c in cases if c.category == category]
        if not cases:
            raise KeyError(f"no case in category {category!r}")
        if ident:
            if ident.isdigit() and 1 <= int(ident) <= len(self.numbered()):
                return self.numbered()[int(ident) - 1]
            if ident in self.bundle.cases:
                return self.bundle.cases[ident]
            raise KeyError(f"no case {ident!r} (see `marrowchat rehearse --list`)")
        return random.Random(seed).choice(cases)

    def chart(self, case: m.Case) -> Chart:
        _, structured = self.engine.run_answers(dict(case.answers))
        _, free = self.engine.assess(case.vignette)
        stated: dict[str, Fact] = {f.finding: f for f in free.facts.stated()}
        stated.update({f.finding: f for f in structured.facts.stated()})  # the structured answers win
        facts = Facts(self.bundle, list(stated.values()))
        age = facts.value("age")
        who = f"A {age:g}-year-old patient" if age is not None else "A patient"
        return Chart(case, facts, f"{who} has **diffuse increased bone-marrow FDG uptake** on PET/CT. "
                                  "Ask what you want to know; each question costs a little, as tests do.")

    # ------------------------------------------------------------------ asking

    def topics(self, question: str) -> list[str]:
        """The findings a question is about: named in it, or the findings of the dialog question it picks."""
        found = list(self.engine.matcher.match(question).mentioned)
        node = self.dialog_question(question)
        if node is not None:
            from marrowchat.core.engine import node_findings

            if isinstance(node, (m.YesNoNode, m.NumberNode)):
                found.insert(0, node.finding)
            found += [f for f in sorted(node_findings(node)) if f not in found]
        return list(dict.fromkeys(found))

    def dialog_question(self, question: str) -> m.DialogNode | None:
        text = question.strip()
        nodes = self.engine.tree.nodes
        if text.lower().startswith("q") and text[1:].strip().isdigit():
            k = int(text[1:].strip())
            return nodes[k - 1] if 1 <= k <= len(nodes) else None
        prompts = {n.id: n.prompt for n in nodes}
        hit = process.extractOne(text, prompts, scorer=fuzz.token_set_ratio, processor=utils.default_process,
                                 score_cutoff=92)
        return self.engine.nodes[hit[2]] if hit and len(text) > 12 else None

    def answer_for(self, chart: Chart, finding: str) -> tuple[str, str]:
        """(the finding actually answered, the chart's answer) for one topic."""
        f = self.bundle.findings[finding]
        fact = chart.facts.items.get(finding)
        if fact is not None and fact.origin == "stated":
            return finding, _show(self.bundle, fact)
        for src in self._sources.get(finding, []):  # "anaemia?" -> "Hb 8.1"
            value = chart.facts.items.get(src)
            if value is not None and value.value is not None:
                return src, _show(self.bundle, value)
        if fact is not None:
            return finding, _show(self.bundle, fact)
        for other in self._related.get(finding, []):
            near = chart.facts.items.get(other)
            if near is not None and near.origin == "stated":
                return other, _show(self.bundle, near)
        return finding, f"{f.label}: not documented"

    def ask(self, chart: Chart, state: RehearsalState, question: str) -> tuple[RehearsalState, Asked]:
        topics = self.topics(question)
        if not topics:
            asked = Asked(text=question, answer="I could not tell what that asks about. Name a finding or a test "
                          "(\"ferritin?\", \"any fever?\"), or `q 12` for dialog question 12.")
            return state, asked
        answers, covered, cost = [], [], 0
        already = {f for a in state.asked for f in a.findings}
        for topic in topics[:6]:
            real, text = self.answer_for(chart, topic)
            if real in covered:
                continue
            covered.append(real)
            answers.append(text)
            if real not in already:  # one question is one test: it costs what its dearest new part costs
                cost = max(cost, COST[self.bundle.findings[real].section])
        asked = Asked(text=question, findings=covered, answer="; ".join(answers), cost=cost)
        return state.model_copy(update={"asked": [*state.asked, asked]}), asked

    def asked_facts(self, chart: Chart, state: RehearsalState) -> Facts:
        keep = {f for a in state.asked for f in a.findings} | {"age"}
        items = [f for f in chart.facts.stated() if f.finding in keep]
        return Facts(self.bundle, items)

    # ------------------------------------------------------------------ committing and scoring

    def read_differential(self, text: str) -> tuple[list[str], list[str]]:
        """Free text ("1. HLH 2. lymphoma, sepsis") -> condition ids, and the parts not recognised."""
        import re

        from marrowchat.core.text import clean

        text = clean(text)
        parts = [p.strip(" .;") for p in re.split(r"(?:^|\s)\d+[.)]\s*|[,;\n]|\bthen\b|>", text) if p and p.strip(" .;")]
        ids: list[str] = []
        unknown: list[str] = []
        for part in parts:
            c = find_condition(self.bundle, part)
            if c is None:
                unknown.append(part)
            elif c.id not in ids:
                ids.append(c.id)
        return ids, unknown

    def commit(self, state: RehearsalState, differential: list[str], next_steps: str) -> RehearsalState:
        return state.model_copy(update={"differential": differential, "next_steps": next_steps, "committed": True})

    def score(self, chart: Chart, state: RehearsalState, unmatched: list[str] | None = None) -> Score:
        case = chart.case
        full = rank(self.bundle, chart.facts)
        asked_facts = self.asked_facts(chart, state)
        from_asked = rank(self.bundle, asked_facts)
        trainee = state.differential
        expected_ok = {case.expected, *case.acceptable}
        position = next((i for i, cid in enumerate(trainee, 1) if cid in expected_ok), None)
        rr = 1.0 / position if position else 0.0
        cost = sum(a.cost for a in state.asked)
        asked = {f for a in state.asked for f in a.findings}
        probs = {r.id: r.probability for r in full.ranked}
        cant_miss = [cid for cid, c in self.bundle.conditions.items()
                     if c.cant_miss and probs.get(cid, 0) >= 0.05 and cid not in trainee]
        flags_missed = []
        for fired in full.red_flags:
            needed = {fid for _, fid in references(fired.flag.when)} & set(chart.facts.items)
            if needed and not needed & _closure(self, asked):
                flags_missed.append(fired.flag.id)
        rival = next((cid for cid in trainee if cid not in expected_ok), None) or next(
            r.id for r in full.ranked if r.id != case.expected)
        leverage = self._leverage(chart.facts, case.expected, rival)
        not_asked = [fid for fid, w in leverage if abs(w) >= 0.7 and fid not in _closure(self, asked)][:5]
        useless = []
        for a in state.asked:
            if a.cost >= 2:
                moved = sum(abs(w) for fid, w in leverage if fid in _closure(self, set(a.findings)))
                if moved < 0.1:
                    useless.append(a.text)
        matched, missed = self._steps(case.expected, state.next_steps)
        points = max(0.0, 100 * (0.5 * rr + 0.2 * (1 - min(1, len(cant_miss) / 2))
                                 + 0.2 * (1 - min(1, len(flags_missed) / 2))
                                 + 0.1 * (len(matched) / max(1, len(matched) + len(missed)))) - 0.5 * cost)
        return Score(case.id, case.expected, position, position == 1, bool(position and position <= 3), rr, cost,
                     cant_miss, flags_missed, [self.bundle.findings[f].label for f in not_asked], useless,
                     matched, missed, points, full, from_asked, trainee, unmatched or [])

    def _leverage(self, facts: Facts, a: str, b: str) -> list[tuple[str, float]]:
        """How much each known finding separates condition a from condition b (log-odds), largest first."""
        ca, cb = self.bundle.conditions[a], self.bundle.conditions[b]
        ea = {e.finding: e for e in ca.evidence}
        eb = {e.finding: e for e in cb.evidence}
        out = []
        for fid in set(ea) | set(eb):
            st = facts.status(fid)
            if st not in ("present", "absent"):
                continue

            out.append((fid, _weight(ea.get(fid), st) - _weight(eb.get(fid), st)))
        out.sort(key=lambda kv: -abs(kv[1]))
        return out

    def _steps(self, expected: str, text: str) -> tuple[list[str], list[str]]:
        steps = [mg.text for mg in self.bundle.conditions[expected].management if mg.kind in ("test", "refer")]
        matched: list[str] = []
        missed: list[str] = []
        for step in steps:
            score = fuzz.token_set_ratio(text, step, processor=utils.default_process) if text.strip() else 0
            partial = fuzz.partial_token_set_ratio(text, step, processor=utils.default_process) if text.strip() else 0
            (matched if max(score, partial * 0.9) >= 60 else missed).append(step)
        return matched, missed

    def run_script(self, script: RehearsalScript) -> tuple[Chart, RehearsalState, Score]:
        case = self.pick(script.case)
        chart = self.chart(case)
        state = RehearsalState(case=case.id)
        for q in script.questions:
            state, _ = self.ask(chart, state, q)
        ids, unknown = self.read_differential("\n".join(script.differential))
        state = self.commit(state, ids, script.next_steps)
        return chart, state, self.score(chart, state, unknown)


def _weight(e: m.Evidence | None, status: str) -> float:
    if e is None:
        return 0.0
    return math.log(e.lr_present if status == "present" else e.lr_absent)


def _closure(reh: Rehearsal, asked: set[str]) -> set[str]:
    """What asking about these findings reveals: the findings themselves and what their values set."""
    out = set(asked)
    for fid in asked:
        f = reh.bundle.findings.get(fid)
        if f is not None:
            out.update(t.sets for t in f.thresholds)
            if f.measured_by:
                out.add(f.measured_by)
    for target, sources in reh._sources.items():
        if any(s in asked for s in sources):
            out.add(target)
    return out


def _show(bundle: Bundle, fact: Fact) -> str:
    f = bundle.findings[fact.finding]
    if fact.value is not None:
        return f"{f.label}: {fact.value:g} {fact.unit or ''}".rstrip()
    return f"{f.label}: {'yes' if fact.status == 'present' else 'no'}"


def score_markdown(bundle: Bundle, score: Score, *, plain: bool = False) -> str:
    """The score and why, with the engine's explained differential beside the trainee's. ``plain`` leaves the
    text unescaped for a terminal that does not render Markdown (control characters are still removed)."""
    from marrowchat.core.text import clean, md_escape

    def mdx(text: str) -> str:
        return clean(text) if plain else md_escape(text)

    label = {cid: c.label for cid, c in bundle.conditions.items()}
    lines = [f"## Score: {score.points:.0f} / 100", ""]
    where = f"ranked **{score.rank}**" if score.rank else "**not in your differential**"
    lines.append(f"The diagnosis was **{mdx(label[score.expected])}**: you {where} "
                 f"(top-1 {'yes' if score.top1 else 'no'}, top-3 {'yes' if score.top3 else 'no'}, "
                 f"reciprocal rank {score.reciprocal_rank:.2f}). Questions cost {score.cost}.")
    if score.cant_miss_missed:
        lines.append("\n**Can't-miss causes left out** (≥ 5% on the full chart): "
                     + ", ".join(mdx(label[c]) for c in score.cant_miss_missed))
    if score.red_flags_missed:
        names = {rf.id: rf.label for rf in bundle.red_flags}
        lines.append("\n**Red flags you never uncovered:** " + ", ".join(mdx(names[f]) for f in score.red_flags_missed))
    if score.discriminating_not_asked:
        lines.append("\n**Discriminating questions not asked:** " + ", ".join(mdx(x) for x in score.discriminating_not_asked))
    if score.tests_that_changed_nothing:
        lines.append("\n**Tests that changed nothing here:** " + ", ".join(f"“{mdx(x)}”" for x in score.tests_that_changed_nothing))
    if score.steps_missed:
        lines.append("\n**Next steps you did not mention:** " + "; ".join(mdx(x) for x in score.steps_missed))
    if score.unmatched:
        lines.append("\n*Not recognised in your differential:* " + ", ".join(f"“{mdx(x)}”" for x in score.unmatched))
    lines += ["", "| # | your differential | engine, full chart | engine, from what you asked |", "|---|---|---|---|"]
    full, asked = score.engine_chart.top(5), score.engine_asked.top(5)
    for i in range(5):
        mine = mdx(label[score.trainee[i]]) if i < len(score.trainee) else ""
        a = f"{mdx(full[i].condition.label)} {full[i].probability:.0%}" if i < len(full) else ""
        b = f"{mdx(asked[i].condition.label)} {asked[i].probability:.0%}" if i < len(asked) else ""
        lines.append(f"| {i + 1} | {mine} | {a} | {b} |")
    top = score.engine_chart.ranked[0]
    why = ", ".join(f"{mdx(c.label)} ×{c.lr:g}" for c in top.support[:4])
    lines.append(f"\nThe engine puts **{mdx(top.condition.label)}** first on the full chart because of: {why}.")
    return "\n".join(lines)
