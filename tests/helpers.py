"""Small helpers shared by the test modules (pytest puts this folder on the import path)."""

from __future__ import annotations

from marrowchat.core.matcher import Matcher


def readings(matcher: Matcher, text: str) -> dict[str, object]:
    """What the matcher reads from ``text``: finding -> value, or status for a boolean finding."""
    res = matcher.match(text)
    return {e.finding: (e.value if e.value is not None else e.status) for e in res.findings}
