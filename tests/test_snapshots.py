"""Snapshots of the screens people see (pytest-textual-snapshot). Regenerate with --snapshot-update only after
reading the report it writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from marrowchat.core.engine import Engine
from marrowchat.core.loading import load_bundle
from marrowchat.tui.app import MarrowChatApp
from marrowchat.tui.widgets import AnswerInput

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "data"


def make_app(turns: list[str] | None = None) -> MarrowChatApp:
    bundle = load_bundle(str(FIXTURE))
    state = None
    if turns:
        engine = Engine(bundle)
        state, _ = engine.run_turns(turns)
        state = state.model_copy(update={"id": "snapshot0001", "created": "2026-01-01T00:00:00+00:00",
                                         "turns": [t.model_copy(update={"at": ""}) for t in state.turns]})
    return MarrowChatApp(bundle, state, persist=False, theme="textual-dark")


async def _steady(pilot) -> None:  # type: ignore[no-untyped-def]
    pilot.app.chat.query_one(AnswerInput).cursor_blink = False
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_first_question(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(), terminal_size=size, run_before=_steady)


def test_mid_session_with_side_panel(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(["1", "6.5", "2.0", "yes, Hb 8.1"]), terminal_size=(140, 40), run_before=_steady)


def test_mid_session_80x24(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(["1", "6.5", "2.0", "yes, Hb 8.1"]), terminal_size=(80, 24), run_before=_steady)


def test_final_report(snap_compare) -> None:  # type: ignore[no-untyped-def]
    turns = ["1", "6.5", "2.0", "yes", "no", "8.1", "3", "no", "nothing else"]
    assert snap_compare(make_app(turns), terminal_size=(140, 50), run_before=_steady)
