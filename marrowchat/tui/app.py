"""The chat app: shows the core's questions, forwards answers and commands, saves after every turn."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Input, Static

from marrowchat.core import conversation as talk
from marrowchat.core.engine import Engine, SessionState, Snapshot
from marrowchat.core.loading import Bundle
from marrowchat.core.report import render
from marrowchat.core.sessions import save
from marrowchat.tui.widgets import Transcript

MAX_ANSWER = 20_000


class MarrowChatApp(App[None]):
    TITLE = "marrowchat"
    SUB_TITLE = "diffuse marrow FDG uptake · decision support"
    CSS = """
    #progress { height: 1; padding: 0 1; background: $panel; color: $text-muted; }
    #answer { dock: bottom; margin: 0 1 1 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+b", "back", "Back"),
        Binding("ctrl+s", "skip", "Skip"),
        Binding("ctrl+w", "why", "Why?"),
        Binding("ctrl+d", "ddx", "Differential"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(self, bundle: Bundle, state: SessionState | None = None, *, persist: bool = True) -> None:
        super().__init__()
        self.bundle = bundle
        self.engine = Engine(bundle)
        self.state = state or self.engine.new_session()
        self.persist = persist
        self.snap: Snapshot = self.engine.replay(self.state)
        self.concluded = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="progress", markup=False)
        yield Transcript(id="transcript")
        yield Input(placeholder="Type an answer, or /help", id="answer", max_length=MAX_ANSWER)
        yield Footer()

    async def on_mount(self) -> None:
        transcript = self.query_one(Transcript)
        await transcript.say(f"**marrowchat** — diffuse increased bone-marrow FDG uptake.\n\n*{self.bundle.meta.disclaimer}*\n\n"
                             "Answer the questions, or type what you know in your own words. `/help` lists commands.")
        await self.advance()
        self.query_one(Input).focus()

    # ------------------------------------------------------------------ flow

    def _save(self) -> None:
        if self.persist:
            try:
                save(self.state)
            except OSError as exc:
                self.notify(f"Could not save the session: {exc}", severity="error")

    def _progress(self) -> None:
        node = self.snap.current
        sections = ["uptake", "symptoms", "labs", "imaging", "history"]
        current = node.section if node is not None else None
        marks = []
        for s in sections:
            title = talk.SECTION_TITLES[s]
            marks.append(f"● {title.upper()}" if s == current else title)
        left = self.engine.remaining(self.snap)
        tail = f"  ·  about {left} question{'s' if left != 1 else ''} left" if node is not None else "  ·  complete"
        self.query_one("#progress", Static).update(" ▸ ".join(marks) + tail)

    async def advance(self) -> None:
        transcript = self.query_one(Transcript)
        self._progress()
        if self.snap.pending is not None:
            return
        if self.snap.current is not None:
            self.concluded = False
            await transcript.say(talk.question(self.engine, self.snap))
        elif not self.concluded:
            self.concluded = True
            ddx = self.engine.differential(self.snap)
            unmatched = [u for o in self.snap.outcomes for u in o.unmatched]
            report = await transcript.say(
                render(self.bundle, self.snap.facts, ddx, "md", unmatched=unmatched, top=5, references=False), "report")
            await transcript.say("That is the differential above (references are cited by key). "
                                 "`/back` changes the last answer, `/restart` starts again; any further text you type "
                                 "is added to the findings.")
            # show the report from its top, not its last line
            self.call_after_refresh(transcript.scroll_to_widget, report, top=True, animate=False)

    @on(Input.Submitted, "#answer")
    async def submitted(self, event: Input.Submitted) -> None:
        text = event.value
        event.input.clear()
        transcript = self.query_one(Transcript)
        if not text.strip():
            await transcript.say("Type an answer, `unknown`, or `/help`.")
            return
        await transcript.echo(text)
        if text.lstrip().startswith("/"):
            await self.command(text.strip())
            return
        self.state, self.snap = self.engine.answer(self.state, text)
        self._save()
        out = self.snap.last
        if out is not None:
            await transcript.say(talk.acknowledge(self.bundle, out))
        if self.concluded and self.snap.current is None:
            self.concluded = False  # a note after the report: show the updated report
        await self.advance()

    async def command(self, text: str) -> None:
        transcript = self.query_one(Transcript)
        name, _, arg = text.partition(" ")
        name = name.lower()
        if name == "/help":
            await transcript.say(talk.help_text())
        elif name == "/why":
            await self.action_why()
        elif name == "/back":
            await self.action_back()
        elif name == "/skip":
            await self.action_skip()
        elif name == "/findings":
            await transcript.say(talk.findings_list(self.bundle, self.snap))
        elif name == "/ddx":
            await self.action_ddx()
        elif name == "/explain":
            await transcript.say(talk.explain(self.bundle, arg) if arg.strip() else "Which condition? e.g. `/explain HLH`")
        elif name == "/restart":
            self.state = self.engine.new_session()
            self.snap = self.engine.replay(self.state)
            self.concluded = False
            await transcript.say("New session started.")
            await self.advance()
        else:
            await transcript.say(f"Unknown command `{name[:30]}`. " + talk.help_text())

    async def action_back(self) -> None:
        transcript = self.query_one(Transcript)
        if not self.state.turns:
            await transcript.say("Nothing to undo.")
            return
        self.state, self.snap = self.engine.back(self.state)
        self._save()
        self.concluded = False
        await transcript.say("Undone.")
        await self.advance()

    async def action_skip(self) -> None:
        if self.snap.current is None:
            await self.query_one(Transcript).say("There is no open question.")
            return
        self.state, self.snap = self.engine.skip(self.state)
        self._save()
        await self.query_one(Transcript).say("Skipped.")
        await self.advance()

    async def action_why(self) -> None:
        await self.query_one(Transcript).say(talk.why(self.engine, self.snap))

    async def action_ddx(self) -> None:
        await self.query_one(Transcript).say(talk.ddx_summary(self.engine, self.snap))
