"""Pilot tests: the chat from the first question to the explained differential."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from marrowchat.core.loading import Bundle
from marrowchat.core.sessions import list_sessions
from marrowchat.tui.app import MarrowChatApp
from marrowchat.tui.widgets import BotBubble, UserBubble


async def type_answer(pilot, app: MarrowChatApp, text: str) -> None:  # type: ignore[no-untyped-def]
    app.query_one(Input).value = text
    await pilot.press("enter")
    await pilot.pause()


async def test_full_session_reaches_the_differential(fixture_bundle: Bundle) -> None:
    app = MarrowChatApp(fixture_bundle)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        answers = ["1", "6.5", "2.0", "yes", "no", "8.1", "3", "no", "nothing else"]
        for text in answers:
            assert app.snap.current is not None
            await type_answer(pilot, app, text)
        assert app.snap.done
        reports = [b for b in app.query(BotBubble) if b.has_class("report")]
        assert len(reports) == 1
        source = reports[0].source
        assert "Differential" in source and fixture_bundle.meta.disclaimer in source
        assert app.query_one(Input).has_focus
    saved = list_sessions()
    assert saved and len(saved[0][0].turns) == len(answers)


async def test_markup_is_shown_literally(fixture_bundle: Bundle) -> None:
    app = MarrowChatApp(fixture_bundle, persist=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_answer(pilot, app, "[bold red]homogeneous[/] \x1b[31m")
        bubble = list(app.query(UserBubble))[-1]
        assert "[bold red]homogeneous[/]" in str(bubble.render())


async def test_commands(fixture_bundle: Bundle) -> None:
    app = MarrowChatApp(fixture_bundle, persist=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await type_answer(pilot, app, "1")
        assert app.snap.current is not None and app.snap.current.id == "suv"
        await type_answer(pilot, app, "/back")
        assert app.snap.current is not None and app.snap.current.id == "pattern"
        await type_answer(pilot, app, "/skip")
        assert app.snap.current is not None and app.snap.current.id == "suv"
        for cmd in ("/why", "/findings", "/ddx", "/explain leukaemia", "/help", "/nonsense"):
            before = len(app.query(BotBubble))
            await type_answer(pilot, app, cmd)
            assert len(app.query(BotBubble)) == before + 1
        last = list(app.query(BotBubble))[-1].source
        assert "Unknown command" in last
        await type_answer(pilot, app, "/restart")
        assert app.state.turns == [] and app.snap.current is not None and app.snap.current.id == "pattern"


async def test_empty_and_huge_input(fixture_bundle: Bundle, tmp_path: Path) -> None:
    app = MarrowChatApp(fixture_bundle, persist=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await type_answer(pilot, app, "   ")
        assert "Type an answer" in list(app.query(BotBubble))[-1].source
        await type_answer(pilot, app, "fever " * 3000)
        assert app.snap.current is not None
