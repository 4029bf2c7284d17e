"""Evaluate the data-defined condition trees (``when:`` in dialogs and red flags) — never with eval()."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Protocol

from marrowchat.core import models as m


class FindingView(Protocol):
    def status(self, finding_id: str) -> str | None: ...  # "present" | "absent" | None

    def value(self, finding_id: str) -> float | None: ...


_OPS = {
    "lt": lambda a, b: a < b,
    "le": lambda a, b: a <= b,
    "gt": lambda a, b: a > b,
    "ge": lambda a, b: a >= b,
    "eq": lambda a, b: abs(a - b) < 1e-9,
}


def compare(op: str, value: float, at: float) -> bool:
    return bool(_OPS[op](value, at))


def evaluate(pred: m.Predicate, view: FindingView) -> bool:
    if isinstance(pred, m.AllOf):
        return all(evaluate(p, view) for p in pred.all)
    if isinstance(pred, m.AnyOf):
        return any(evaluate(p, view) for p in pred.any)
    if isinstance(pred, m.AtLeast):
        return sum(evaluate(p, view) for p in pred.of) >= pred.at_least
    if isinstance(pred, m.NotOf):
        return not evaluate(pred.not_, view)
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


class MappingView:
    """A FindingView over plain dicts (used by tests and validation)."""

    def __init__(self, statuses: Mapping[str, str], values: Mapping[str, float] | None = None):
        self._statuses = statuses
        self._values = values or {}

    def status(self, finding_id: str) -> str | None:
        return self._statuses.get(finding_id)

    def value(self, finding_id: str) -> float | None:
        return self._values.get(finding_id)
