"""Reports: every format carries the disclaimer and version; user text cannot inject markup or script."""

from __future__ import annotations

import html

import pytest

from marrowchat.core.engine import Engine
from marrowchat.core.reasoner import rank
from marrowchat.core.report import environment, md_escape, render

PAYLOADS = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "[bold]loud[/bold] [link=https://evil.example]click[/link]",
    "**bold** _it_ <b>x</b> [a](javascript:alert(1))",
]


def _report(engine: Engine, extra: str, fmt: str) -> str:
    _, snap = engine.run_turns(["homogeneous", f"fever {extra}"])
    ddx = rank(engine.bundle, snap.facts)
    unmatched = [u for o in snap.outcomes for u in o.unmatched]
    return render(engine.bundle, snap.facts, ddx, fmt, unmatched=unmatched)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
def test_every_format_has_disclaimer_and_version(fixture_engine: Engine, fmt: str) -> None:
    out = _report(fixture_engine, "", fmt)
    disclaimer = fixture_engine.bundle.meta.disclaimer
    assert (html.escape(disclaimer) if fmt == "html" else disclaimer) in out
    assert fixture_engine.bundle.meta.version in out


@pytest.mark.parametrize("payload", PAYLOADS)
def test_html_escapes_user_text(fixture_engine: Engine, payload: str) -> None:
    out = _report(fixture_engine, payload, "html")
    assert "<script>alert" not in out and "<img src" not in out and "<b>x</b>" not in out
    assert "Content-Security-Policy" in out


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_escapes_user_text(payload: str) -> None:
    escaped = md_escape(payload)
    for ch in "[]<>*_`":
        assert f"{ch}" not in escaped.replace(f"\\{ch}", "")


def test_references_behind_pointers_are_listed(fixture_engine: Engine) -> None:
    out = _report(fixture_engine, "", "md")
    assert "**R1** Fixture reference one" in out and "**R2**" in out


def test_strict_undefined() -> None:
    from jinja2 import UndefinedError

    with pytest.raises(UndefinedError):
        environment().from_string("{{ missing.thing }}").render()
