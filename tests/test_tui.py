"""Pilot tests: every command, a full session, resizing, resume, and literal display of user text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Collapsible

from marrowchat.core.engine import Engine
from marrowchat.core.loading import Bundle
from marrowchat.core.sessions import list_sessions, load, save
from marrowchat.tui.app import MarrowChatApp
from marrowchat.tui.chat import ChatScreen
from marrowchat.tui.widgets import AnswerInput, BotBubble, DifferentialPanel, QuickReplies, ReportView, UserBubble

FULL = ["1", "6.5", "2.0", "yes", "no", "8.1", "3", "no", "nothing else"]


async def type_answer(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    chat = pilot.app.chat
    chat.query_one(AnswerInput).value = text
    await pilot.press("enter")
    await pilot.pause()


def last_bot(chat: ChatScreen, n: int = 2) -> str:
    """The last few things the assistant said (a command's reply may be followed by the question again)."""
    return "\n".join(b.source for b in list(chat.query(BotBubble))[-n:])


async def test_full_session_reaches_the_folded_report(fixture_bundle: Bundle) -> None:
    app = MarrowChatApp(fixture_bundle)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for text in FULL:
            assert app.chat.snap.current is not None
            await type_answer(pilot, text)
        assert app.chat.snap.done
        (report,) = app.chat.query(ReportView)
        folds = list(report.query(Collapsible))
        assert len(folds) == len(fixture_bundle.conditions)
        assert not folds[0].collapsed and all(f.collapsed for f in folds[1:])
        text = " ".join(md.source for md in report.query("Markdown"))
        assert fixture_bundle.meta.disclaimer in text and fixture_bundle.meta.version in text
        assert app.chat.query_one(AnswerInput).has_focus
    saved = list_sessions()
    assert saved and len(saved[0][0].turns) == len(FULL)


async def test_markup_and_escapes_are_shown_literally(fixture_bundle: Bundle) -> None:
    app = MarrowChatApp(fixture_bundle, persist=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_answer(pilot, "[bold red]homogeneous[/] [link=http://x]y[/link] \x1b[31mred\x07")
        shown = str(list(app.chat.query(UserBubble))[-1].render())
        assert "[bold red]homogeneous[/]" in shown and "[link=http://x]" in shown
        assert "\x1b" not in shown and "\x07" not in shown


async def test_commands(fixture_bundle: Bundle, tmp_path: Path) -> None:
    app = MarrowChatApp(fixture_bundle)
    async with app.run_test(size=(120, 40)) as pilot:
        chat = app.chat
        await pilot.pause()
        await type_answer(pilot, "1")
        assert chat.snap.current is not None and chat.snap.current.id == "suv"
        await type_answer(pilot, "/back")
        assert chat.snap.current is not None and chat.snap.current.id == "pattern" and "Undone" in last_bot(chat)
        await type_answer(pilot, "/skip")
        assert chat.snap.current is not None and chat.snap.current.id == "suv"
        await type_answer(pilot, "4.2")
        await type_answer(pilot, "/edit suvmax")
        assert chat.snap.current is not None and chat.snap.current.id == "suv"
        await type_answer(pilot, "5")
        await type_answer(pilot, "/why")
        assert "Why I ask" in last_bot(chat)
        await type_answer(pilot, "/findings")
        assert "Marrow SUVmax **5 SUV**" in last_bot(chat)
        await type_answer(pilot, "/ddx")
        assert "Differential now" in last_bot(chat)
        await type_answer(pilot, "/explain leukemia")
        assert "Acute leukaemia" in last_bot(chat)
        await type_answer(pilot, "/help")
        assert "/export md|html" in last_bot(chat)
        await type_answer(pilot, "/save")
        assert chat.state.id in last_bot(chat)
        target = tmp_path / "r.html"
        await type_answer(pilot, f"/export html {target}")
        assert target.is_file() and "<html" in target.read_text()
        await type_answer(pilot, "/export pdf")
        assert "Usage" in last_bot(chat)
        await type_answer(pilot, "/nonsense")
        assert "Unknown command" in last_bot(chat)
        await type_answer(pilot, "/restart")
        assert chat.state.turns == [] and chat.snap.current is not None and chat.snap.current.id == "pattern"


async def test_keys_quick_replies_and_history(fixture_bundle: Bundle) -> None:
    app = MarrowChatApp(fixture_bundle, persist=False)
    async with app.run_test(size=(120, 40)) as pilot:
        chat = app.chat
        await pilot.pause()
        assert len(chat.query_one(QuickReplies).children) == 2
        await pilot.press("2")  # picks option 2 after a short pause, when nothing more is typed
        await pilot.pause(AnswerInput.QUICK_PICK_DELAY)
        for _ in range(50):  # the pick lands when its timer fires; a busy CI machine may be late by a little
            if chat.snap.facts.status("focal") == "present":
                break
            await pilot.pause(0.1)
        assert chat.snap.facts.status("focal") == "present"
        await type_answer(pilot, "5.5")
        await pilot.press("up")
        assert chat.query_one(AnswerInput).value == "5.5"
        await pilot.press("up")
        assert chat.query_one(AnswerInput).value == "2"
        await pilot.press("down", "down")
        assert chat.query_one(AnswerInput).value == ""
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert chat.snap.current is not None and chat.snap.current.id == "suv"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert chat.snap.current is not None and chat.snap.current.id == "liver"
        await pilot.press("f1")
        await pilot.pause()
        assert "Why I ask" in last_bot(chat)
        before = app.theme
        await pilot.press("ctrl+t")
        assert app.theme != before


async def test_a_note_that_starts_with_a_digit_is_not_a_quick_pick(fixture_bundle: Bundle) -> None:
    app = MarrowChatApp(fixture_bundle, persist=False)
    async with app.run_test(size=(120, 40)) as pilot:
        chat = app.chat
        await pilot.pause()
        assert len(chat.query_one(QuickReplies).children) == 2
        answer = chat.query_one(AnswerInput)
        # "typed fast" must not depend on how busy the machine is: the pause a digit waits for is made long, so
        # the test shows what typing on does to a waiting pick (cancels it), not whether keys beat a 0.35 s clock
        answer.QUICK_PICK_DELAY = 30.0
        await pilot.press("2", "7", "f")  # "27F, ...": typed on, it stays text
        await pilot.pause()
        assert answer.value == "27f"
        assert answer._pick is None  # nothing is left waiting to pick option 2
        assert chat.state.turns == []


async def test_side_panel_updates_and_folds(fixture_bundle: Bundle) -> None:
    app = MarrowChatApp(fixture_bundle, persist=False)
    async with app.run_test(size=(140, 40)) as pilot:
        chat = app.chat
        await pilot.pause()
        panel = chat.query_one(DifferentialPanel)
        assert panel.display
        await type_answer(pilot, "fever, Hb 8")
        flags = str(panel.query_one("#flags").render())
        assert "Fever with anaemia" in flags
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not panel.display
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert panel.display
        await pilot.press("f2")
        assert not panel.display


async def test_command_palette_offers_every_command(fixture_bundle: Bundle) -> None:
    from marrowchat.tui.app import PALETTE

    app = MarrowChatApp(fixture_bundle, persist=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert {"/why", "/back", "/edit", "/findings", "/ddx", "/explain", "/skip", "/restart", "/save", "/export",
                "/help"} <= set(PALETTE)
        await app.palette_command("/ddx")
        assert "Differential now" in last_bot(app.chat)
        await app.palette_command("/explain")
        assert app.chat.query_one(AnswerInput).value == "/explain "


async def test_empty_and_huge_input(fixture_bundle: Bundle) -> None:
    app = MarrowChatApp(fixture_bundle, persist=False)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await type_answer(pilot, "   ")
        assert "Type an answer" in last_bot(app.chat)
        app.chat.query_one(AnswerInput).value = "fever " * 4000  # longer than the matcher reads
        await pilot.press("enter")
        await pilot.pause()
        assert "I read at most" in last_bot(app.chat) and app.chat.state.turns == []  # refused, not stored


async def test_resume_a_session_written_by_a_killed_process(fixture_bundle: Bundle, tmp_path: Path) -> None:
    """A child process answers three questions and is SIGKILLed; the chat resumes with all three."""
    import signal
    import subprocess
    import sys
    import textwrap
    import time

    folder = tmp_path / "sessions"
    code = textwrap.dedent(f"""
        import os, time
        os.environ["MARROWCHAT_SESSIONS_DIR"] = {str(folder)!r}
        from marrowchat.core.loading import load_bundle
        from marrowchat.core.engine import Engine
        from marrowchat.core.sessions import save
        e = Engine(load_bundle({str(Path(__file__).parent / "fixtures" / "data")!r}))
        s = e.new_session()
        for text in ["1", "6.5", "2.0"]:
            s, _ = e.answer(s, text)
            save(s)
        print(s.id, flush=True)
        time.sleep(60)
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    ident = proc.stdout.readline().strip()
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    time.sleep(0.05)
    state = load(ident, folder)
    assert len(state.turns) == 3
    app = MarrowChatApp(fixture_bundle, state, persist=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.chat.snap.current is not None and app.chat.snap.current.id == "fever"
        assert any("Resumed session" in b.source for b in app.chat.query(BotBubble))


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_layouts(fixture_bundle: Bundle, size: tuple[int, int]) -> None:
    app = MarrowChatApp(fixture_bundle, persist=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for text in FULL:
            await type_answer(pilot, text)
        assert app.chat.snap.done and app.chat.query(ReportView)


def test_engine_and_saved_state_agree(fixture_bundle: Bundle) -> None:
    engine = Engine(fixture_bundle)
    state, snap = engine.run_turns(FULL)
    save(state)
    again = engine.replay(load(state.id))
    assert again.done and [f.finding for f in again.facts] == [f.finding for f in snap.facts]


async def test_a_pasted_report_keeps_every_line(fixture_bundle: Bundle) -> None:
    app = MarrowChatApp(fixture_bundle, persist=False)
    async with app.run_test(size=(120, 40)) as pilot:
        chat = app.chat
        await pilot.pause()
        answer = chat.query_one(AnswerInput)
        answer.focus()
        report = "Focal lesions: no\r\nHb 8.1 g/dL\nfever 38.9"
        answer.post_message(events.Paste(report))
        await pilot.pause()
        # one line in the field, each break shown as a mark (Textual's Input alone keeps only the first line)
        assert answer.value == "Focal lesions: no↵Hb 8.1 g/dL↵fever 38.9"
        await pilot.press("enter")
        await pilot.pause()
        # sent, saved and shown with its line breaks
        assert chat.state.turns[-1].text == "Focal lesions: no\nHb 8.1 g/dL\nfever 38.9"
        assert "Hb 8.1 g/dL\nfever 38.9" in str(list(chat.query(UserBubble))[-1].render())
        await pilot.press("up")
        assert answer.value == "Focal lesions: no↵Hb 8.1 g/dL↵fever 38.9"
