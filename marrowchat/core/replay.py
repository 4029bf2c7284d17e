"""Headless replay of scripted sessions through the same engine the chat uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marrowchat.core import models as m
from marrowchat.core.engine import Engine, Snapshot
from marrowchat.core.loading import Bundle, parse, read_yaml
from marrowchat.core.problems import Problem
from marrowchat.core.reasoner import Differential
from marrowchat.core.resources import DataRoot


@dataclass
class ReplayResult:
    name: str
    script: m.ReplayScript
    snapshot: Snapshot
    differential: Differential
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def load_script(path: Path) -> tuple[m.ReplayScript | None, list[Problem]]:
    problems: list[Problem] = []
    if not path.is_file():
        problems.append(Problem(str(path), "", "no such file" if not path.exists() else "is not a file"))
        return None, problems
    data = read_yaml(_PathTraversable(path), str(path), problems)  # type: ignore[arg-type]
    if problems:
        return None, problems
    script = parse(m.ReplayScript, data, str(path), problems)
    if script is not None and not script.answers and not script.turns:
        problems.append(Problem(str(path), "", "gives neither `answers` nor `turns`"))
    if script is not None and script.answers and script.turns:
        problems.append(Problem(str(path), "", "give `answers` or `turns`, not both"))
    return (script if not problems else None), problems


class _PathTraversable:
    """The one method of Traversable that read_yaml needs, over a plain path."""

    def __init__(self, path: Path):
        self.path = path

    def read_bytes(self) -> bytes:
        return self.path.read_bytes()


def script_problems(bundle: Bundle, script: m.ReplayScript, name: str) -> list[Problem]:
    """Check a script's ids against the data (unknown nodes or conditions are usage errors)."""
    engine_nodes = {n.id for n in bundle.dialog.nodes}
    out = []
    for nid in script.answers:
        if nid not in engine_nodes:
            out.append(Problem(name, f"answers.{nid}", "no such dialog node"))
    if script.expect:
        e = script.expect
        for cid in [*([e.top1] if e.top1 else []), *e.top3, *e.not_in_top5]:
            if cid not in bundle.conditions:
                out.append(Problem(name, "expect", f"unknown condition {cid!r}"))
        flags = {rf.id for rf in bundle.red_flags}
        for fid in e.red_flags:
            if fid not in flags:
                out.append(Problem(name, "expect.red_flags", f"unknown red flag {fid!r}"))
    return out


def check(expect: m.Expectation | None, ddx: Differential) -> list[str]:
    if expect is None:
        return []
    failures = []
    ids = [r.id for r in ddx.ranked]
    if expect.top1 and ids[0] != expect.top1:
        failures.append(f"top1: expected {expect.top1}, got {ids[0]} (expected ranks {ddx.rank_of(expect.top1)})")
    for cid in expect.top3:
        if cid not in ids[:3]:
            failures.append(f"top3: expected {cid} in the top three, it ranks {ddx.rank_of(cid)} (top three: {', '.join(ids[:3])})")
    fired = {f.flag.id for f in ddx.red_flags}
    for fid in expect.red_flags:
        if fid not in fired:
            failures.append(f"red_flags: expected {fid} to fire (fired: {', '.join(sorted(fired)) or 'none'})")
    for cid in expect.not_in_top5:
        if cid in ids[:5]:
            failures.append(f"not_in_top5: {cid} ranks {ids.index(cid) + 1}")
    return failures


def run_script(engine: Engine, script: m.ReplayScript, name: str) -> ReplayResult:
    if script.turns:
        _, snap = engine.run_turns(list(script.turns))
    else:
        _, snap = engine.run_answers(dict(script.answers))
    ddx = engine.differential(snap)
    return ReplayResult(name, script, snap, ddx, check(script.expect, ddx))


def result_json(res: ReplayResult) -> dict[str, Any]:
    from marrowchat.core.report import assess_json

    trace = [t for o in res.snapshot.outcomes for t in o.trace]
    unmatched = [u for o in res.snapshot.outcomes for u in o.unmatched]
    return assess_json(res.snapshot.facts.bundle, res.snapshot.facts, res.differential, trace, unmatched,
                       extra={"script": res.name, "title": res.script.title, "ok": res.ok, "failures": res.failures})


__all__ = ["DataRoot", "ReplayResult", "check", "load_script", "result_json", "run_script", "script_problems"]
