"""Evaluate the data-defined condition trees (``when:`` in dialogs and red flags) — never with eval()."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from typing import Protocol

from marrowchat.core import models as m


class FindingView(Protocol):
    def status(self, finding_id: str) -> str | None: ...  # "present" | "absent" | None

    def value(self, finding_id: str) -> float | None: ...


def _eq(a: float, b: float) -> bool:
    return abs(a - b) < 1e-9


_OPS: dict[str, Callable[[float, float], bool]] = {
    "lt": operator.lt,
    "le": operator.le,
    "gt": operator.gt,
    "ge": operator.ge,
    "eq": _eq,
}


def compare(op: str, value: float, at: float) -> bool:
    return bool(_OPS[op](value, at))


Compiled = Callable[[FindingView], bool]
_COMPILED: dict[int, tuple[m.Predicate, Compiled]] = {}


def compile_predicate(pred: m.Predicate) -> Compiled:
    """Turn a validated condition tree into a plain function (done once per tree; evaluation is then cheap)."""
    if isinstance(pred, m.AllOf):
        parts = [compile_predicate(p) for p in pred.all]
        return lambda view: all(f(view) for f in parts)
    if isinstance(pred, m.AnyOf):
        parts = [compile_predicate(p) for p in pred.any]
        return lambda view: any(f(view) for f in parts)
    if isinstance(pred, m.AtLeast):
        parts, need = [compile_predicate(p) for p in pred.of], pred.at_least
        return lambda view: sum(f(view) for f in parts) >= need
    if isinstance(pred, m.NotOf):
        inner = compile_predicate(pred.not_)
        return lambda view: not inner(view)
    if isinstance(pred, m.Present):
        fid = pred.present
        return lambda view: view.status(fid) == "present"
    if isinstance(pred, m.Absent):
        fid = pred.absent
        return lambda view: view.status(fid) == "absent"
    if isinstance(pred, m.Known):
        fid = pred.known
        return lambda view: view.status(fid) is not None or view.value(fid) is not None
    fid, op, at = pred.value, _OPS[pred.op], pred.at

    def compare_value(view: FindingView) -> bool:
        value = view.value(fid)
        return value is not None and bool(op(value, at))

    return compare_value


def evaluate(pred: m.Predicate, view: FindingView) -> bool:
    """Evaluate a condition tree (compiled on first use; the tree objects are immutable)."""
    hit = _COMPILED.get(id(pred))
    if hit is None or hit[0] is not pred:
        hit = (pred, compile_predicate(pred))
        _COMPILED[id(pred)] = hit
    return hit[1](view)


def evaluate_slow(pred: m.Predicate, view: FindingView) -> bool:
    """The reference interpreter, kept for tests that compare it with the compiled form."""
    if isinstance(pred, m.AllOf):
        return all(evaluate_slow(p, view) for p in pred.all)
    if isinstance(pred, m.AnyOf):
        return any(evaluate_slow(p, view) for p in pred.any)
    if isinstance(pred, m.AtLeast):
        return sum(evaluate_slow(p, view) for p in pred.of) >= pred.at_least
    if isinstance(pred, m.NotOf):
        return not evaluate_slow(pred.not_, view)
    if isinstance(pred, m.Present):
        return view.status(pred.present) == "present"
    if isinstance(pred, m.Absent):
        return view.status(pred.absent) == "absent"
    if isinstance(pred, m.Known):
        return view.status(pred.known) is not None or view.value(pred.known) is not None
    value = view.value(pred.value)
    return value is not None and compare(pred.op, value, pred.at)


def references(pred: m.Predicate) -> Iterator[tuple[str, str]]:
    """Yield (role, finding id) for every finding a predicate names; role is 'status', 'value' or 'any'."""
    if isinstance(pred, m.AllOf):
        for p in pred.all:
            yield from references(p)
    elif isinstance(pred, m.AnyOf):
        for p in pred.any:
            yield from references(p)
    elif isinstance(pred, m.AtLeast):
        for p in pred.of:
            yield from references(p)
    elif isinstance(pred, m.NotOf):
        yield from references(pred.not_)
    elif isinstance(pred, m.Present):
        yield "status", pred.present
    elif isinstance(pred, m.Absent):
        yield "status", pred.absent
    elif isinstance(pred, m.Known):
        yield "any", pred.known
    else:
        yield "value", pred.value
