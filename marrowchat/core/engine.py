"""The dialog engine: a pure function of the data and the list of turns.

A session is the list of what the user typed (``SessionState.turns``). Everything else — the findings,
which question is current, what each answer recorded — is recomputed from those turns, so undo (`back`),
edit, resume and replay all give exactly the same result.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from rapidfuzz import fuzz, process, utils

from marrowchat.core import models as m
from marrowchat.core.facts import Fact, Facts, with_silence
from marrowchat.core.loading import Bundle
from marrowchat.core.matcher import Ambiguity, Extracted, Implausible, MatchResult, get_matcher
from marrowchat.core.predicates import evaluate
from marrowchat.core.reasoner import Differential, rank
from marrowchat.core.text import clean, normalise

TurnKind = Literal["answer", "skip", "clarify", "note"]


# the answers of a yes/no question in the order the chat numbers them
YES_NO_NUMBERS = {"1": "yes", "2": "no", "3": "unknown"}


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    node: str | None = None
    text: str = ""
    kind: TurnKind = "answer"
    at: str = ""


class Clarification(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str
    candidates: list[str]
    node: str | None = None


class SessionState(BaseModel):
    """Everything needed to resume or replay a session (serialised as JSON)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal[1] = 1
    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:12])
    dialog: str = "triage"
    created: str = Field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    knowledge_version: str = ""
    turns: list[Turn] = []

    def with_turn(self, turn: Turn) -> SessionState:
        return self.model_copy(update={"turns": [*self.turns, turn]})


@dataclass
class Outcome:
    """What one turn did, for the chat to say back."""

    turn: Turn
    node: str | None
    recorded: list[Fact] = field(default_factory=list)
    uncertain: list[Extracted] = field(default_factory=list)
    set_aside: list[Extracted] = field(default_factory=list)
    ambiguous: list[Ambiguity] = field(default_factory=list)
    implausible: list[Implausible] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)
    diagnoses: list[str] = field(default_factory=list)  # condition ids named in the text
    trace: list[Extracted] = field(default_factory=list)
    answered: bool = False
    unknown: bool = False
    refused: str | None = None
    problem: str | None = None  # the answer did not answer the question


@dataclass
class Snapshot:
    state: SessionState
    facts: Facts
    current: m.DialogNode | None
    pending: Clarification | None
    outcomes: list[Outcome]
    path: list[str]  # nodes answered or skipped, in order

    @property
    def done(self) -> bool:
        return self.current is None and self.pending is None

    @property
    def last(self) -> Outcome | None:
        return self.outcomes[-1] if self.outcomes else None


def build_indexes(bundle: Bundle) -> None:
    """Build the indexes that live as long as the bundle (matcher, reasoner, facts plan) now, not at the first
    turn: a process can then move them out of the garbage collector's full passes (``gc.freeze()``) - built
    later, a large knowledge base costs a 100 ms pause every few hundred turns."""
    from marrowchat.core.facts import _plan
    from marrowchat.core.reasoner import _index

    get_matcher(bundle)
    _index(bundle)
    _plan(bundle)


def node_findings(node: m.DialogNode) -> set[str]:
    if isinstance(node, (m.YesNoNode, m.NumberNode)):
        return {node.finding}
    if isinstance(node, m.FreeTextNode):
        return set(node.expects)
    out: set[str] = set()
    for opt in node.options:
        out.update(opt.sets)
    return out


@dataclass
class _Run:
    """The state of a replay after some turns (internal; copied before it is extended)."""

    stated: list[Fact] = field(default_factory=list)
    answered: set[str] = field(default_factory=set)
    pending: Clarification | None = None
    outcomes: list[Outcome] = field(default_factory=list)
    facts: Facts | None = None  # derived from `stated` when it had `facts_len` items (stated only grows)
    facts_len: int = -1

    def copy(self) -> _Run:
        return _Run(list(self.stated), set(self.answered), self.pending, list(self.outcomes), self.facts,
                    self.facts_len)

    def current_facts(self, bundle: Bundle) -> Facts:
        if self.facts is None or self.facts_len != len(self.stated):
            self.facts = Facts(bundle, self.stated)
            self.facts_len = len(self.stated)
        return self.facts


_MATCH_CACHE = 8192  # distinct answers kept matched (a few MB)

_NUMBERS = re.compile(r"^\s*(\d+(?:\s*(?:,|and|&|\+|\s)\s*\d+)*)\s*[.)]?\s*$")
# an answer that starts with a number, maybe after a comparison ("4.8", "< 0.5", "~12")
_NUMBER_FIRST = re.compile(r"^\s*[<>≥≤~]?\s*\d")


_JOIN = re.compile(r"\s*(?:,|;|\band\b|\+|&)\s*")


def _joined_at(text: str, i: int) -> bool:
    join = _JOIN.match(text, i)
    return join is not None and bool(join.group())


def _known_labels(key: str, names: dict[str, int]) -> list[int] | None:
    """The options a multi-choice answer names when it is wholly option names joined by commas, "and", "+" or
    "&" (longest name first); None when anything else is in it."""
    ordered = sorted(names, key=len, reverse=True)
    out: list[int] = []
    rest = key
    while rest:
        hit = next((nm for nm in ordered if rest == nm or (rest.startswith(nm) and _joined_at(rest, len(nm)))), None)
        if hit is None:
            return None
        out.append(names[hit])
        rest = rest[len(hit):]
        join = _JOIN.match(rest)
        rest = rest[join.end():] if join else rest
    return out or None


class Engine:
    def __init__(self, bundle: Bundle, dialog: str | None = None):
        self.bundle = bundle
        self.tree = bundle.dialogs[dialog] if dialog else bundle.dialog
        self.nodes = {n.id: n for n in self.tree.nodes}
        self._wanted = {n.id: tuple(node_findings(n)) for n in self.tree.nodes}
        self.matcher = get_matcher(bundle)
        lang = bundle.language
        self.yes = {normalise(w) for w in lang.yes}
        self.no = {normalise(w) for w in lang.no}
        self.unknown = {normalise(w) for w in lang.unknown}
        self._match_cache: dict[str, MatchResult] = {}
        self._runs: dict[tuple[str, int], tuple[tuple[Turn, ...], _Run]] = {}
        self._snaps: dict[tuple[str, int], tuple[tuple[Turn, ...], Snapshot]] = {}

    # ------------------------------------------------------------------ public API

    def new_session(self) -> SessionState:
        return SessionState(dialog=self.tree.id, knowledge_version=self.bundle.meta.version)

    def replay(self, state: SessionState) -> Snapshot:
        """Recompute everything from the turns. Incremental when the turns extend a replay done before."""
        key = (state.id, len(state.turns))
        seen = self._snaps.get(key)
        if seen is not None and seen[0] == tuple(state.turns):
            return seen[1]
        snap = self._replay(state)
        if len(self._snaps) > 256:
            self._snaps.clear()
        self._snaps[key] = (tuple(state.turns), snap)
        return snap

    def _replay(self, state: SessionState) -> Snapshot:
        run, done = self._resume_from(state)
        for turn in state.turns[done:]:
            self._step(run, turn)
        facts = run.current_facts(self.bundle)
        self._remember(state, run)
        walk_to, path = self._walk(facts, run.answered)
        if state.turns and all(t.kind == "note" for t in state.turns):
            facts = with_silence(self.bundle, facts)  # a one-shot note: what it never names was probably not given
        return Snapshot(state, facts, walk_to, run.pending, run.outcomes, path)  # the run is not extended again

    def _step(self, run: _Run, turn: Turn) -> None:
        stated, answered = run.stated, run.answered
        if turn.kind == "clarify":
            out = self._clarified(turn, run.pending, stated)
            run.pending = None
        elif turn.kind == "skip":
            node = self.nodes.get(turn.node or "")
            out = Outcome(turn, turn.node, answered=True, unknown=True)
            if node is not None:
                answered.add(node.id)
            run.pending = None
        elif turn.kind == "note":
            out = self._apply_text(turn, None, stated)
        else:
            if turn.node:
                node = self.nodes.get(turn.node)
            else:
                node = self._current(run.current_facts(self.bundle), answered)
            run.pending = None  # a new answer drops an unanswered "did you mean"
            out = self._apply(turn, node, stated)
            if out.answered and node is not None:
                answered.add(node.id)
            if out.ambiguous:
                amb = out.ambiguous[0]
                run.pending = Clarification(text=amb.text, candidates=[c for c, _ in amb.candidates], node=out.node)
        run.outcomes.append(out)

    def _resume_from(self, state: SessionState) -> tuple[_Run, int]:
        turns = state.turns
        for n in (len(turns), len(turns) - 1):
            hit = self._runs.get((state.id, n)) if n >= 0 else None
            if hit is not None and hit[0] == tuple(turns[:n]):
                return hit[1].copy(), n
        return _Run(), 0

    def _remember(self, state: SessionState, run: _Run) -> None:
        if len(self._runs) > 512:
            self._runs.clear()
        self._runs[(state.id, len(state.turns))] = (tuple(state.turns), run)  # never extended in place: resumes copy it

    def answer(self, state: SessionState, text: str, *, stamp: bool = True) -> tuple[SessionState, Snapshot]:
        """Add what the user typed as an answer to the current question (or to a pending clarification).
        Headless replays pass ``stamp=False``: no wall-clock time, so the same script gives the same session."""
        snap = self.replay(state)
        at = datetime.now(UTC).isoformat(timespec="seconds") if stamp else ""
        if snap.pending is not None and self._is_clarification_answer(snap.pending, text):
            turn = Turn(node=snap.pending.node, text=text, kind="clarify", at=at)
        else:
            node = snap.current.id if snap.current is not None else None
            turn = Turn(node=node, text=text, kind="answer" if node else "note", at=at)
        new = state.with_turn(turn)
        return new, self.replay(new)

    def skip(self, state: SessionState, *, stamp: bool = True) -> tuple[SessionState, Snapshot]:
        snap = self.replay(state)
        if snap.current is None:
            return state, snap
        at = datetime.now(UTC).isoformat(timespec="seconds") if stamp else ""
        new = state.with_turn(Turn(node=snap.current.id, text="", kind="skip", at=at))
        return new, self.replay(new)

    def back(self, state: SessionState) -> tuple[SessionState, Snapshot]:
        if not state.turns:
            return state, self.replay(state)
        new = state.model_copy(update={"turns": state.turns[:-1]})
        return new, self.replay(new)

    def edit(self, state: SessionState, node_id: str) -> tuple[SessionState, Snapshot]:
        """Forget the answers given to one question, so that it is asked again."""
        new = state.model_copy(update={"turns": [t for t in state.turns if t.node != node_id]})
        return new, self.replay(new)

    def differential(self, snap: Snapshot) -> Differential:
        return rank(self.bundle, snap.facts)

    def run_answers(self, answers: dict[str, str], limit: int = 500) -> tuple[SessionState, Snapshot]:
        """Walk the dialog answering each node from ``answers`` (missing nodes: "unknown").

        The same turns as :meth:`run_answers_interactively` would add one by one, applied in a single pass
        (the replay of a script or a case, thousands of times in an evaluation)."""
        run = _Run()
        turns: list[Turn] = []

        def step(turn: Turn) -> None:
            self._step(run, turn)
            turns.append(turn)

        node = self._walk(run.current_facts(self.bundle), run.answered)[0]
        for _ in range(limit):
            if run.pending is not None:
                step(Turn(node=run.pending.node, text="neither", kind="clarify"))
                node = self._walk(run.current_facts(self.bundle), run.answered)[0]
                continue
            if node is None:
                break
            asked = node.id
            step(Turn(node=asked, text=answers.get(asked, "unknown"), kind="answer"))
            node = self._walk(run.current_facts(self.bundle), run.answered)[0]
            if run.pending is None and node is not None and node.id == asked:
                step(Turn(node=asked, text="", kind="skip"))  # the answer did not settle the question
                node = self._walk(run.current_facts(self.bundle), run.answered)[0]
        state = self.new_session().model_copy(update={"turns": turns})
        facts = run.current_facts(self.bundle)
        self._remember(state, run)
        walk_to, path = self._walk(facts, run.answered)
        return state, Snapshot(state, facts, walk_to, run.pending, run.outcomes, path)

    def run_answers_interactively(self, answers: dict[str, str], limit: int = 500) -> tuple[SessionState, Snapshot]:
        """:meth:`run_answers` through the public answer/skip calls, as a user would (kept to test the fast path)."""
        state = self.new_session()
        snap = self.replay(state)
        for _ in range(limit):
            if snap.pending is not None:
                state, snap = self.answer(state, "neither", stamp=False)
                continue
            if snap.current is None:
                break
            node_id = snap.current.id
            text = answers.get(node_id, "unknown")
            state, snap = self.answer(state, text, stamp=False)
            if snap.current is not None and snap.current.id == node_id and snap.pending is None:
                state, snap = self.skip(state, stamp=False)  # the answer did not settle the question: move on
        return state, snap

    def run_turns(self, turns: list[str]) -> tuple[SessionState, Snapshot]:
        state = self.new_session()
        snap = self.replay(state)
        for text in turns:
            state, snap = self.answer(state, text, stamp=False)
        return state, snap

    def assess(self, text: str) -> tuple[SessionState, Snapshot]:
        """One free-text note outside the dialog (``marrowchat assess``)."""
        state = self.new_session()
        state = state.with_turn(Turn(node=None, text=text, kind="note"))
        return state, self.replay(state)

    # ------------------------------------------------------------------ walking

    def _auto_skip(self, node: m.DialogNode, facts: Facts) -> bool:
        wanted = self._wanted[node.id]
        return bool(wanted) and all(facts.known(f) for f in wanted)

    def _walk(self, facts: Facts, answered: set[str]) -> tuple[m.DialogNode | None, list[str]]:
        node: m.DialogNode | None = self.nodes.get(self.tree.start)
        seen: set[str] = set()
        path: list[str] = []
        while node is not None and node.id not in seen:
            seen.add(node.id)
            if node.id not in answered and not self._auto_skip(node, facts):
                return node, path
            path.append(node.id)
            nxt = None
            for br in node.next:
                if br.when is None or evaluate(br.when, facts):
                    nxt = self.nodes.get(br.goto)
                    break
            node = nxt
        return None, path

    def _current(self, facts: Facts, answered: set[str]) -> m.DialogNode | None:
        return self._walk(facts, answered)[0]

    def remaining(self, snap: Snapshot) -> int:
        """An estimate of the questions left on the current path (for progress display)."""
        if snap.current is None:
            return 0
        count, seen = 0, set()
        node: m.DialogNode | None = snap.current
        while node is not None and node.id not in seen:
            seen.add(node.id)
            count += 0 if self._auto_skip(node, snap.facts) else 1
            nxt = None
            for br in node.next:
                if br.when is None or evaluate(br.when, snap.facts):
                    nxt = self.nodes.get(br.goto)
                    break
            node = nxt
        return count

    # ------------------------------------------------------------------ applying answers

    def _match(self, text: str) -> MatchResult:
        return self._cached(text, lambda: self.matcher.match(text))

    def _cached(self, key: str, compute: Callable[[], MatchResult]) -> MatchResult:
        """A match result from the least-recently-used cache (answers repeat across replays and turns; evicting
        one entry at a time keeps a library larger than the cache from emptying it on every pass)."""
        cache = self._match_cache
        hit = cache.pop(key, None)
        if hit is None:
            hit = compute()
            if len(cache) >= _MATCH_CACHE:
                del cache[next(iter(cache))]
        cache[key] = hit
        return hit

    def _as_typed(self, text_for_match: str, text: str) -> MatchResult:
        """The match of a bare number put into words, reported against what the user typed (copies: match results
        are cached and shared)."""
        res = self._match(text_for_match)
        return replace(res, findings=[replace(ex, text=text) for ex in res.findings],
                       implausible=[replace(imp, text=text) for imp in res.implausible])

    def _record(self, out: Outcome, stated: list[Fact], res: MatchResult, source: str) -> None:
        for ex in res.findings:
            fact = Fact(finding=ex.finding, status=ex.status, value=ex.value, unit=ex.unit, text=ex.text, source=source)
            stated.append(fact)
            out.recorded.append(fact)
            # a stated value of a drug-timing finding also states the exposure itself
        out.trace.extend(res.findings)
        out.uncertain.extend(res.uncertain)
        out.set_aside.extend(res.set_aside)
        out.ambiguous.extend(res.ambiguous)
        out.implausible.extend(res.implausible)
        out.unmatched.extend(res.unmatched)
        out.diagnoses.extend(d for d in res.diagnoses if d not in out.diagnoses)
        if res.refused:
            out.refused = res.refused

    def _apply_text(self, turn: Turn, node: m.DialogNode | None, stated: list[Fact]) -> Outcome:
        out = Outcome(turn, node.id if node else None)
        text = turn.text
        if not clean(text).strip():
            out.problem = "empty"
            return out
        self._record(out, stated, self._match(text), node.id if node else "free text")
        return out

    def _words(self, text: str) -> str:
        return normalise(text)

    def _leading(self, text: str, vocab: set[str]) -> bool:
        key = self._words(text)
        if key in vocab:
            return True
        for word in vocab:
            if key.startswith(word + " ") and len(word) > 1:
                return True
        first = key.split(" ", 1)[0] if key else ""
        return first in vocab and first not in {"no", "not"}  # "no fever" is a finding, not a bare "no"

    def _apply(self, turn: Turn, node: m.DialogNode | None, stated: list[Fact]) -> Outcome:
        if node is None:
            return self._apply_text(turn, None, stated)
        out = Outcome(turn, node.id)
        text = clean(turn.text).strip()
        key = self._words(text)
        if not key and text not in {"?"}:
            out.problem = "empty"
            return out
        if isinstance(node, m.YesNoNode) and text in YES_NO_NUMBERS:
            # the chat shows a yes/no question's answers numbered "1 yes  2 no  3 unknown": a bare number typed and
            # sent at once is that answer
            text = YES_NO_NUMBERS[text]
            key = self._words(text)
        if key in self.unknown or text == "?":
            out.answered = out.unknown = True
            return out
        src = node.id
        if isinstance(node, m.YesNoNode):
            res = self._match(text)
            self._record(out, stated, res, src)
            if any(f.finding == node.finding for f in out.recorded):
                out.answered = True
            elif key in self.yes or self._leading(text, self.yes):
                fact = Fact(finding=node.finding, status="present", text=text, source=src)
                stated.append(fact)
                out.recorded.insert(0, fact)
                out.answered = True
            elif key in self.no or self._leading(text, self.no) or key.split(" ")[0] in {"no", "not", "none"}:
                fact = Fact(finding=node.finding, status="absent", text=text, source=src)
                stated.append(fact)
                out.recorded.insert(0, fact)
                out.answered = True
            elif out.recorded or out.ambiguous or out.implausible:
                out.answered = False
            else:
                out.problem = "not yes or no"
            return out
        if isinstance(node, m.NumberNode):
            f = self.bundle.findings[node.finding]
            # a number said in words is the number ("four point eight", "twelve", "one two one")
            said = re.sub(r"\s+", " ", self.matcher.spoken.read(text)).strip()
            if _NUMBER_FIRST.match(said) and not _NUMBER_FIRST.match(text):
                text = said
            if _NUMBER_FIRST.match(text):
                term = f.synonyms[0] if f.synonyms else (f.anchors[0] if f.anchors else f.label)
                if f.anchors and not re.search(r"[a-zA-Z]", text):
                    text_for_match = f"{f.anchors[0]} {text} days ago"
                else:
                    text_for_match = f"{term} {text}"
                res = self._cached(f"{text_for_match}\x00{text}", lambda: self._as_typed(text_for_match, text))
                self._record(out, stated, res, src)
            else:
                self._record(out, stated, self._match(text), src)
            if any(fact.finding == node.finding for fact in out.recorded):
                out.answered = True
            elif not (out.recorded or out.ambiguous or out.implausible):
                out.problem = "no number"
            return out
        if isinstance(node, m.FreeTextNode):
            self._record(out, stated, self._match(text), src)
            out.answered = not out.ambiguous and not out.implausible
            return out
        # choice nodes
        chosen = self._choose(node, text)
        if chosen:
            for opt in chosen:
                for fid, status in opt.sets.items():
                    fact = Fact(finding=fid, status=status, text=f"{opt.label} ({text})" if text != opt.label else text, source=src)
                    stated.append(fact)
                    out.recorded.append(fact)
            if node.kind == "multi_choice" and node.exhaustive:
                # "tick all that apply": what the answer names is present, every other option's finding is absent
                named = {fid for opt in chosen for fid in opt.sets}
                for opt in node.options:
                    for fid, status in opt.sets.items():
                        if status == "present" and fid not in named:
                            named.add(fid)
                            fact = Fact(finding=fid, status="absent", text=f"not ticked ({text})", source=src)
                            stated.append(fact)
                            out.recorded.append(fact)
            out.answered = True
            return out
        self._record(out, stated, self._match(text), src)
        wanted = self._wanted[node.id]
        if any(fact.finding in wanted for fact in out.recorded) or (
                out.recorded and any(Facts(self.bundle, stated).known(f) for f in wanted)):
            out.answered = True  # e.g. "Ca 2.31, creat 74" settles the hypercalcaemia/renal question
        elif not (out.recorded or out.ambiguous or out.implausible):
            out.problem = "no option"
        return out

    def _choose(self, node: m.ChoiceNode, text: str) -> list[m.Option]:
        opts = node.options
        mt = _NUMBERS.match(text)
        if mt:
            nums = [int(x) for x in re.findall(r"\d+", mt.group(1))]
            if nums and all(1 <= x <= len(opts) for x in nums):
                if node.kind == "single_choice":
                    return [opts[nums[0] - 1]] if len(nums) == 1 else []
                return [opts[x - 1] for x in dict.fromkeys(nums)]
            return []
        key = normalise(text)
        names: dict[str, int] = {}
        for i, opt in enumerate(opts):
            for name in [opt.label, *opt.synonyms]:
                names[normalise(name)] = i
        if key in names:
            return [opts[names[key]]]
        if node.kind == "multi_choice":
            # labels joined by commas, read longest label first: a label may hold commas of its own ("Vessel-wall,
            # cartilage or periarticular uptake, FDG-avid lymph nodes")
            chosen = _known_labels(key, names)
            if chosen:
                return [opts[i] for i in dict.fromkeys(chosen)]
        hit = process.extractOne(key, list(names), scorer=fuzz.ratio, processor=utils.default_process,
                                 score_cutoff=self.bundle.language.option_cutoff)
        if hit is not None and len(key) >= 3:
            return [opts[names[hit[0]]]]
        return []

    def _is_clarification_answer(self, pending: Clarification, text: str) -> bool:
        key = normalise(text)
        if re.fullmatch(r"\d+", key) and 1 <= int(key) <= len(pending.candidates):
            return True
        if key in {"neither", "none", "no", "none of these", "neither of them", "skip"}:
            return True
        labels = [normalise(self.bundle.findings[c].label) for c in pending.candidates]
        return key in labels or key in pending.candidates

    def _clarified(self, turn: Turn, pending: Clarification | None, stated: list[Fact]) -> Outcome:
        out = Outcome(turn, pending.node if pending else None)
        if pending is None:
            return out
        key = normalise(turn.text)
        chosen = None
        if re.fullmatch(r"\d+", key):
            chosen = pending.candidates[int(key) - 1]
        else:
            for c in pending.candidates:
                if key in {c, normalise(self.bundle.findings[c].label)}:
                    chosen = c
        if chosen is not None:
            fact = Fact(finding=chosen, status="present", text=pending.text, source=pending.node or "free text")
            stated.append(fact)
            out.recorded.append(fact)
        return out
