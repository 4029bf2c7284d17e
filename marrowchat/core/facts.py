"""What is known about the patient: findings stated, values given, and what follows from them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

from marrowchat.core import models as m
from marrowchat.core.loading import Bundle
from marrowchat.core.predicates import compare, evaluate, references

Origin = Literal["stated", "derived", "implied", "assumed"]


@dataclass(frozen=True, slots=True)
class Fact:
    """One finding about the patient (kept in memory only: a session stores the turns, not the facts)."""

    finding: str
    status: Literal["present", "absent"] | None = None
    value: float | None = None
    unit: str | None = None
    text: str = ""
    source: str = ""  # dialog node id, or "free text"
    origin: Origin = "stated"
    via: str | None = None  # how a derived fact follows, e.g. "Haemoglobin 8.1 g/dL < 12"
    weight: float = 1.0  # fraction of the finding's log-LR it carries (assumed facts carry less than stated ones)


class Facts:
    """Findings by id, with derived ones filled in. Acts as a predicate FindingView."""

    def __init__(self, bundle: Bundle, stated: Iterable[Fact]):
        self.bundle = bundle
        self.items: dict[str, Fact] = {}
        fold = _plan(bundle).reciprocal
        for fact in stated:  # later statements replace earlier ones
            if fact.finding in fold and fact.value is not None and 0 < fact.value < 1:
                # "kappa/lambda 0.008": the same ratio the other way up (involved over uninvolved), 125
                fact = replace(fact, value=round(1 / fact.value, 3),
                               via=f"{bundle.findings[fact.finding].label} {fact.value:g} read the other way up")
            self.items[fact.finding] = fact
        self._derive()

    # FindingView
    def status(self, finding_id: str) -> str | None:
        fact = self.items.get(finding_id)
        return fact.status if fact else None

    def value(self, finding_id: str) -> float | None:
        fact = self.items.get(finding_id)
        return fact.value if fact else None

    def known(self, finding_id: str) -> bool:
        fact = self.items.get(finding_id)
        return fact is not None and (fact.status is not None or fact.value is not None)

    def stated(self) -> list[Fact]:
        return [f for f in self.items.values() if f.origin == "stated"]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items.values())

    def __len__(self) -> int:
        return len(self.items)

    def _derive(self) -> None:
        findings = self.bundle.findings
        plan = _plan(self.bundle)
        make = Fact
        # computed ratios (e.g. marrow/liver) when both inputs are known and the ratio was not given
        computed = {f.id: f for fid in list(self.items) for f in plan.computed_by_input.get(fid, ())}
        for f in computed.values():
            if f.computed and f.id not in self.items:
                a, b = (self.items.get(x) for x in f.computed.ratio)
                if a and b and a.value is not None and b.value:
                    if f.computed.larger_over_smaller and a.value and a.value < b.value:
                        a, b = b, a
                    assert a.value is not None and b.value
                    ratio = round(a.value / b.value, 3)
                    fa, fb = findings[a.finding], findings[b.finding]
                    self.items[f.id] = make(
                        finding=f.id, status=None, value=ratio, unit=f.canonical_unit, text=f"{a.text}; {b.text}",
                        source=a.source, origin="derived", via=f"{fa.label} {a.value:g} / {fb.label} {b.value:g}",
                    )
        # thresholds: stated booleans win; among derived ones, "present" wins
        derived: dict[str, Fact] = {}
        for fact in list(self.items.values()):
            if fact.value is None:
                continue
            for new in _thresholded(self.bundle, fact, plan):
                old = derived.get(new.finding)
                if old is not None and (old.status == "present" or new.status != "present"):
                    continue
                derived[new.finding] = new
        for fid, fact in derived.items():
            current = self.items.get(fid)
            yields = findings[fid].yields_to_value
            if current is None or current.origin != "stated" or yields is True or (
                    yields == "present" and fact.status == "present" and current.status == "absent"):
                self.items[fid] = fact
        # rule-derived findings (e.g. bicytopenia from the counts), unless stated
        items = self.items
        for f, names in plan.ruled:
            stated = f.id in items and items[f.id].origin == "stated"
            if f.derived_when is None or not any(n in items for n in names) or (stated and not (
                    f.yields_to_value and items[f.id].status == "absent")):
                continue  # nothing it names is known: neither present nor absent (the common case, and cheap)
            if evaluate(f.derived_when, self):
                # (a stated denial yields to measured values when the finding says so: "no pressors" with BP 86/50)
                basis = [self.items[n] for n in names if n in self.items and self.items[n].status == "present"]
                self.items[f.id] = make(
                    finding=f.id, status="present", value=None, unit=None, text="; ".join(dict.fromkeys(b.text for b in basis)),
                    source=basis[0].source if basis else "", origin="derived",
                    via="from " + ", ".join(findings[b.finding].label for b in basis),
                )
            elif not stated and all(self.known(n) for n in names):
                self.items[f.id] = make(finding=f.id, status="absent", value=None, unit=None, text="", source="",
                                        origin="derived", via="from " + ", ".join(findings[n].label for n in names))
        # implications: a present finding implies its broader ones ("massive splenomegaly" -> "splenomegaly"),
        # followed from the present findings only (a chain goes on through what it implies)
        todo = [fid for fid, item in self.items.items() if item.status == "present" and fid in plan.implies]
        while todo:
            src = todo.pop()
            cause = self.items[src]
            for f in plan.implies[src]:
                if cause.origin == "derived" and f.id in plan.rule_inputs.get(src, ()):
                    continue
                item = self.items.get(f.id)
                if item is not None and (item.status == "present" or item.origin in ("stated", "derived")) and not (
                        f.yields_to_value is True and item.origin == "stated" and item.status == "absent"
                        and cause.origin == "derived"):
                    continue  # a value says more than an implication: Hb 13.5 is no anaemia, whatever the bicytopenia
                    # (but a measured score outranks a denial that yields to values: "SOFA 5 ... no pressors")
                self.items[f.id] = make(
                    finding=f.id, status="present", value=None, unit=None, text=cause.text,
                    source=cause.source, origin="implied", via=f"implied by {findings[src].label}",
                )
                if f.id in plan.implies:
                    todo.append(f.id)
        # denials: a stated denial of a broader finding denies its parts ("no hepatosplenomegaly"), where nothing
        # else in the note speaks of them (a chain goes on: no splenomegaly, so no massive splenomegaly)
        todo = [fid for fid, item in self.items.items()
                if item.status == "absent" and item.origin == "stated" and fid in plan.denies]
        while todo:
            src = todo.pop()
            cause = self.items[src]
            for f in plan.denies[src]:
                if f.id in self.items:
                    continue
                self.items[f.id] = make(
                    finding=f.id, status="absent", value=None, unit=None, text=cause.text,
                    source=cause.source, origin="implied", via=f"denied with {findings[src].label}",
                )
                if f.id in plan.denies:
                    todo.append(f.id)


def _thresholded(bundle: Bundle, fact: Fact, plan: _Plan) -> tuple[Fact, ...]:
    """The boolean findings one value sets through its thresholds (memoised: values repeat across turns)."""
    hit = plan.memo.get(fact)
    if hit is not None:
        return hit
    nf = bundle.findings.get(fact.finding)
    out: list[Fact] = []
    if nf is not None and fact.value is not None:
        for t in nf.thresholds:
            holds = compare(t.op, fact.value, t.at)
            sym = _SYM[t.op] if holds else _NOT_SYM[t.op]
            out.append(Fact(finding=t.sets, status="present" if holds else "absent", text=fact.text,
                            source=fact.source, origin="derived",
                            via=f"{nf.label} {fact.value:g} {fact.unit or ''} {sym} {t.at:g}".replace("  ", " ")))
    if len(plan.memo) > 20000:
        plan.memo.clear()
    plan.memo[fact] = tuple(out)
    return plan.memo[fact]


_SYM = {"lt": "<", "le": "≤", "gt": ">", "ge": "≥"}
_NOT_SYM = {"lt": "≥", "le": ">", "gt": "≤", "ge": "<"}


class _Plan:
    """Which findings take part in each derivation step (computed once per bundle)."""

    def __init__(self, bundle: Bundle):
        fs = list(bundle.findings.values())
        self.computed = [f for f in fs if f.computed]
        self.ruled = [(f, [fid for _, fid in references(f.derived_when)]) for f in fs if f.derived_when is not None]
        # what each rule reads: a finding derived from it does not imply it back ("bicytopenia" from low neutrophils
        # and platelets says nothing of the haemoglobin)
        self.rule_inputs = {f.id: set(names) for f, names in self.ruled}
        self.implied = [f for f in fs if f.implied_by]
        # reverse indexes, so a turn touches only what its findings can change (a knowledge base 100x the shipped
        # one has thousands of derived findings, and a turn knows a few dozen facts)
        self.implies: dict[str, list[m.Finding]] = {}
        for f in self.implied:
            for src in f.implied_by:
                self.implies.setdefault(src, []).append(f)
        self.denies: dict[str, list[m.Finding]] = {}
        for f in fs:
            for src in f.denied_by:
                self.denies.setdefault(src, []).append(f)
        self.computed_by_input: dict[str, list[m.Finding]] = {}
        for f in self.computed:
            assert f.computed is not None
            for fid in f.computed.ratio:
                self.computed_by_input.setdefault(fid, []).append(f)
        self.memo: dict[Fact, tuple[Fact, ...]] = {}
        self.reciprocal = frozenset(f.id for f in fs if f.reciprocal_below_one)


def _plan(bundle: Bundle) -> _Plan:
    cached = bundle.cache.get("facts-plan")
    if not isinstance(cached, _Plan):
        cached = bundle.cache["facts-plan"] = _Plan(bundle)
    return cached


def with_silence(bundle: Bundle, facts: Facts) -> Facts:
    """A one-shot note's facts plus what its silence says: drugs and transplants it never names count as absent,
    at the reduced weight each finding's `silence` gives (see knowledge/findings.yaml). A note that names the broader
    finding is not silent about the narrower one: "on filgrastim" with no date leaves "G-CSF within its window"
    unknown, not assumed absent."""
    spoken_for = {narrow for g in bundle.findings.values() if g.implied_by and facts.status(g.id) == "present"
                  for narrow in g.implied_by}
    assumed = [
        Fact(finding=f.id, status="absent", text="not mentioned in the note", source="free text", origin="assumed",
             via=f"not mentioned, so assumed absent at {f.silence:g} of its weight", weight=f.silence)
        for f in bundle.findings.values() if f.silence is not None and not facts.known(f.id) and f.id not in spoken_for
    ]
    if not assumed:
        return facts
    return Facts(bundle, [*facts.stated(), *assumed])
